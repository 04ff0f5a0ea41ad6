"""The contract as a Word file: docxtpl in a sandboxed Jinja environment.

Everything the user typed is escaped on the way out (autoescape), and a
``finalize`` step drops the characters XML forbids and guards the ``{_{``
sequences docxtpl would otherwise turn back into template syntax. Clause text
is translated through the template's ``_`` and ``ngettext`` for the contract's
language. A :class:`~docxtpl.DocxTemplate` is single-use, so each render loads
the template afresh from its bytes (read once and kept).

A template may come from anyone, so it is treated as a program that must not
reach the program running it:

- **Plain data only.** The context holds text, numbers, booleans, ``None``,
  lists and dicts (:func:`ensure_plain` refuses anything else before a
  render); the logo is a random text token that :func:`wizard.core.branding.place_logo`
  replaces with the picture after the render.
- **A strict sandbox.** Attributes are allowed only where plain data needs
  them (:data:`SAFE_METHODS`: the read-only methods of text, lists and dicts,
  the loop variable, ``namespace()`` and ``cycler()``); calls only to those,
  to the environment's own globals and to the template's macros. Powers and
  repetitions that would make enormous numbers or text are refused before
  they are computed (and so are never folded while the template compiles),
  and ``lipsum()`` is bounded.
- **Limits.** Every check and render runs in the render worker, a separate
  process with CPU, memory and wall-clock limits
  (:mod:`wizard.core.render_worker`, :mod:`wizard.core.render_limits`):
  :func:`render_contract` asks it, :func:`render_here` is its work.
"""

from __future__ import annotations

import io
import math
import os
import re
import threading
import types
from collections import OrderedDict
from collections.abc import MutableMapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from jinja2 import Template, TemplateError, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, Undefined
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace, generate_lorem_ipsum
from markupsafe import Markup, escape

from wizard.core.contract import ContractFormatter, build_context, contract_translations
from wizard.core.elision import finish
from wizard.core.model import Project
from wizard.core.project_file import write_atomically
from wizard.core.render_limits import LimitKind
from wizard.i18n import _, ngettext

if TYPE_CHECKING:
    from wizard.core.branding import PendingLogo

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNDERSCORE = Markup("&#95;")
_TAG_RE = re.compile(r"<[^>]+>")
_NEAR_CHARS = 160


class RenderError(Exception):
    """The contract could not be produced; the message says why."""


class RenderLimitError(RenderError):
    """The template overran a limit of the render worker (``kind``) and was stopped."""

    def __init__(self, message: str, kind: LimitKind) -> None:
        super().__init__(message)
        self.kind = kind


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (most control
    characters, lone surrogates, U+FFFE and U+FFFF); ``\\r\\n`` becomes ``\\n``."""
    return _XML_FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _finalize(value: Any) -> Any:
    """Applied to every ``{{ … }}`` output before it is written into the XML:
    nothing for ``None``; user text escaped and cleaned of characters XML
    forbids; underscores written as character references so that docxtpl's
    own ``{_{`` → ``{{`` substitution cannot change what the user typed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    safe = Markup(xml_safe(value)) if isinstance(value, Markup) else escape(xml_safe(value))
    return safe.replace("_", _UNDERSCORE)


# -- the sandbox's policy --------------------------------------------------------------------

_TEXT_METHODS = frozenset({
    "capitalize", "casefold", "center", "count", "endswith", "find", "format", "format_map",
    "index", "isalnum", "isalpha", "isdecimal", "isdigit", "islower", "isnumeric",
    "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition",
    "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
    "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
    "upper", "zfill",
    "striptags", "unescape",  # Markup's own
})
_DICT_METHODS = frozenset({"items", "keys", "values", "get"})
_LIST_METHODS = frozenset({"index", "count"})
_LOOP_ATTRIBUTES = frozenset({
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
    "depth0", "previtem", "nextitem", "cycle", "changed",
})
_CYCLER_ATTRIBUTES = frozenset({"next", "reset", "current"})

SAFE_METHODS: dict[type, frozenset[str]] = {
    str: _TEXT_METHODS,
    dict: _DICT_METHODS,
    list: _LIST_METHODS,
    tuple: _LIST_METHODS,
    LoopContext: _LOOP_ATTRIBUTES,
    Cycler: _CYCLER_ATTRIBUTES,
}
"""The attributes a template may read, by the type of the value: what plain
data needs, nothing more (no attribute of a number, a function, a class or
any other object). ``namespace()`` objects allow any attribute not starting
with ``_``: they hold what the template itself stored."""

MAX_NUMBER_DIGITS = 4300
"""The longest number a template may compute with ``**`` (Python itself
writes no longer integer)."""
MAX_REPEAT_LENGTH = 1_000_000
"""The longest text or list a template may make with ``*``."""
MAX_LIPSUM_PARAGRAPHS = 100
MAX_LIPSUM_WORDS = 1000


def attribute_allowed(obj: Any, name: str) -> bool:
    """Whether a template may read ``obj.name``."""
    if name.startswith("_"):
        return False
    if isinstance(obj, Namespace):
        return True
    for kind, names in SAFE_METHODS.items():
        if isinstance(obj, kind):
            return name in names
    return False


def _power(left: Any, right: Any) -> Any:
    if (isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
            and right * math.log10(abs(left)) > MAX_NUMBER_DIGITS):
        raise TemplateRuntimeError(_(
            "“{left} ** {right}” makes a number of more than {digits} digits.").format(
                left=left, right=right, digits=MAX_NUMBER_DIGITS))
    return left ** right


def _repeat(left: Any, right: Any) -> Any:
    for sequence, times in ((left, right), (right, left)):
        if (isinstance(sequence, str | list | tuple) and isinstance(times, int)
                and len(sequence) * times > MAX_REPEAT_LENGTH):
            raise TemplateRuntimeError(_(
                "it repeats a text or list to more than {count} characters or items.").format(
                    count=MAX_REPEAT_LENGTH))
    return left * right


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's ``lipsum()``, at most :data:`MAX_LIPSUM_PARAGRAPHS` paragraphs
    of at most :data:`MAX_LIPSUM_WORDS` words."""
    if not (0 <= n <= MAX_LIPSUM_PARAGRAPHS and 0 <= min <= max <= MAX_LIPSUM_WORDS):
        raise TemplateRuntimeError(_(
            "lipsum() makes at most {paragraphs} paragraphs of at most {words} words.").format(
                paragraphs=MAX_LIPSUM_PARAGRAPHS, words=MAX_LIPSUM_WORDS))
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


_COMPILED_MAX = 16
_compiled: OrderedDict[str, CodeType] = OrderedDict()
_compiled_lock = threading.Lock()


class _ContractEnvironment(SandboxedEnvironment):
    """The sandbox with the policy above.

    docxtpl hands the environment the whole document as one template source
    on every render, and compiling it is most of docxtpl's work. Every
    environment :func:`make_environment` returns is configured alike, so the
    code compiled for a source by one of them serves them all: each source
    (one per part of a template) is compiled once. The template objects made
    from that code are still new for each render."""

    intercepted_binops = frozenset({"**", "*"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {**self.binop_table, "**": _power, "*": _repeat}
        self.globals["lipsum"] = _lipsum
        self.last_source = ""
        """The source last compiled or taken from the cache: the part being
        rendered, for the text around a runtime error."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attribute_allowed(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro | BlockReference | LoopContext | Joiner):
            return True
        if any(obj is value for value in self.globals.values()):
            return True  # range, lipsum, dict, cycler, joiner, namespace, the gettext calls
        wrapped = getattr(obj, "__wrapped__", None)  # the sandbox's own str.format wrapper
        if isinstance(obj, types.FunctionType) and wrapped is not None:
            obj = wrapped
        if isinstance(obj, types.BuiltinMethodType | types.MethodType):
            owner = getattr(obj, "__self__", None)
            return owner is not None and not isinstance(owner, type) and attribute_allowed(
                owner, obj.__name__)
        return False

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        """A refused attribute stops the render at once (Jinja's own sandbox
        gives a value that is only refused when used, and prints as nothing)."""
        raise SecurityError(
            f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe.")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return self.binop_table[operator](left, right)

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        self.last_source = source
        with _compiled_lock:
            code = _compiled.get(source)
            if code is not None:
                _compiled.move_to_end(source)
        if code is None:
            code = self.compile(source)  # a template error propagates: nothing is cached
            with _compiled_lock:
                _compiled[source] = code
                while len(_compiled) > _COMPILED_MAX:
                    _compiled.popitem(last=False)
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)


def make_environment(formatter: ContractFormatter) -> _ContractEnvironment:
    """A sandboxed, autoescaping Jinja environment translating clause text
    with ``formatter``'s catalog, each output finished for its language
    (:func:`wizard.core.elision.finish`)."""
    locale = str(formatter.locale)

    def finalize(value: Any) -> Any:
        """:func:`_finalize`, then a quantity of one with its article ("d’un
        mois", "de un mes", not "de 1 mois") and a number on the line of its
        unit ("60\u00a0días")."""
        value = _finalize(value)
        return Markup(finish(value, locale)) if isinstance(value, Markup) else value

    env = _ContractEnvironment(
        autoescape=True,
        finalize=finalize,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
    )

    def gettext(message: str) -> str:
        return escape(formatter.gettext(message))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return escape(formatter.ngettext(singular, plural, n))

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


@lru_cache(maxsize=8)
def _template_bytes(path: Path, mtime_ns: int) -> bytes:
    del mtime_ns  # part of the cache key: a changed file is read again
    from wizard.core.docx_guard import read_template_file

    return read_template_file(path)  # refused unless safe to unpack


def load_template_bytes(path: Path) -> bytes:
    try:
        return _template_bytes(path, path.stat().st_mtime_ns)
    except OSError as exc:
        raise RenderError(
            _('The contract template "{file}" cannot be read: {reason}.').format(
                file=path.name, reason=exc.strerror or exc)
        ) from None


# -- in the program: the render worker does the work ----------------------------------------

def render_contract(
    project: Project,
    locale: str | None = None,
    template: Path | None = None,
    project_path: Path | None = None,
) -> bytes:
    """The contract for ``project`` as the bytes of a ``.docx`` file, made
    with ``template`` or else the template the project names (found beside
    ``project_path``, the project's file, when it names a relative path).
    The template is checked first: one with errors makes no contract.

    The render worker makes it, under its limits: this waits for it (never
    call it on the GUI thread). A template that overruns a limit raises
    :class:`RenderLimitError`."""
    return _ask_worker("render", project, locale, template, project_path)


def preview_html(
    project: Project,
    locale: str | None = None,
    template: Path | None = None,
    project_path: Path | None = None,
) -> str:
    """The contract :func:`render_contract` makes, as the preview's rich text
    (:func:`wizard.core.contract_html.contract_html`, also done by the worker)."""
    return _ask_worker("preview", project, locale, template, project_path).decode("utf-8")


def generate_contract(
    project: Project,
    out: str | os.PathLike[str],
    locale: str | None = None,
    template: Path | None = None,
    project_path: Path | None = None,
) -> Path:
    """Render the contract and write it to ``out`` atomically (nothing is
    written when it cannot be made, nor when the worker cannot open what it
    made again: :func:`wizard.core.docx_guard.ensure_contract_opens`)."""
    target = Path(out)
    data = _ask_worker("render", project, locale, template, project_path,
                       verify_as=target.name)
    write_atomically(target, data)
    return target


def limit_message(file: str, kind: LimitKind, amount: float) -> str:
    """What the user is told when the template ``file`` overran a limit."""
    if kind is LimitKind.MEMORY:
        return _('The template "{file}" needed more than {size} MB of memory, so it was '
                 "stopped: it makes far more text than a contract has. Check its loops and "
                 "repeated text.").format(file=file, size=f"{amount:g}")
    count = max(1, math.ceil(amount))
    if kind is LimitKind.CPU:
        return ngettext(
            'The template "{file}" took more than {seconds} second of computing, so it was '
            "stopped: it does far more work than a contract needs. Check its loops, ranges "
            "and calculations.",
            'The template "{file}" took more than {seconds} seconds of computing, so it was '
            "stopped: it does far more work than a contract needs. Check its loops, ranges "
            "and calculations.", count).format(file=file, seconds=f"{amount:g}")
    return ngettext(
        'The template "{file}" took more than {seconds} second, so it was stopped. If the '
        "computer is very busy, try again.",
        'The template "{file}" took more than {seconds} seconds, so it was stopped. If the '
        "computer is very busy, try again.", count).format(file=file, seconds=f"{amount:g}")


def _ask_worker(operation: str, project: Project, locale: str | None, template: Path | None,
                project_path: Path | None, verify_as: str = "") -> bytes:
    from wizard import i18n
    from wizard.core.contract import SUPPORTED_LOCALES, UnsupportedLanguageError
    from wizard.core.project_file import project_to_bytes
    from wizard.core.render_worker import WorkerError, WorkerLimitError, shared_worker
    from wizard.core.template_check import ensure_template_usable, note_limit
    from wizard.core.template_library import TemplateNotFoundError, resolve_template

    language = locale or project.language
    if language not in SUPPORTED_LOCALES:
        raise UnsupportedLanguageError(language)
    try:
        template_path = template or resolve_template(project, project_path)
    except TemplateNotFoundError as exc:
        raise RenderError(str(exc)) from None
    ensure_template_usable(template_path)
    header = {"op": operation, "locale": language, "template": str(template_path),
              "language": i18n.language(),
              "name": project_path.name if project_path is not None else "",
              "verify_as": verify_as}
    try:
        reply, data = shared_worker().request(header, project_to_bytes(project))
    except WorkerLimitError as exc:
        note_limit(template_path, exc.kind, exc.amount)
        raise RenderLimitError(limit_message(template_path.name, exc.kind, exc.amount),
                               exc.kind) from None
    except WorkerError as exc:
        raise RenderError(str(exc)) from None
    if "error" in reply:
        raise RenderError(str(reply["error"]))
    return data


# -- in the render worker: the work itself ---------------------------------------------------

def prepare_render(project: Project, language: str, template_path: Path) -> tuple[
        Any, dict[str, Any], PendingLogo | None]:
    """The template loaded and restyled for ``project``, the context it is
    rendered with (plain data only: see :func:`ensure_plain`), and the logo
    waiting to be put where the template prints it."""
    from docxtpl import DocxTemplate

    from wizard.core.branding import apply_branding
    from wizard.core.document_setup import apply_document_setup

    context = build_context(project, language)
    document = DocxTemplate(io.BytesIO(load_template_bytes(template_path)))
    logo = apply_branding(document, project.branding, context)
    apply_document_setup(document, project, language)
    ensure_plain(context)
    return document, context, logo


def render_here(project: Project, language: str, template_path: Path,
                check: bool = True) -> bytes:
    """Make the contract in this process, without limits: the render
    worker's work (:func:`render_contract` asks it). ``check=False`` skips
    the template check (the check's own trial render)."""
    from wizard.core.branding import place_logo
    from wizard.core.no_break_hyphens import word_no_break_hyphens
    from wizard.core.table_keeping import keep_rows_together

    if check:
        from wizard.core.template_check import ensure_template_usable_here

        ensure_template_usable_here(template_path)
    document, context, logo = prepare_render(project, language, template_path)
    formatter = ContractFormatter(language, project.currency, contract_translations(language))
    env = make_environment(formatter)
    try:
        document.render(context, jinja_env=env, autoescape=True)
    except MemoryError:
        raise
    except SecurityError as exc:
        raise RenderError(
            _('The template "{file}" tried something templates may not do: {detail}').format(
                file=template_path.name, detail=exc)
        ) from None
    except TemplateError as exc:
        raise RenderError(_template_problem(template_path, exc, env)) from None
    except Exception as exc:  # anything the template's code raised is the template's error
        raise RenderError(_template_problem(template_path, exc, env)) from None
    if logo is not None:
        place_logo(document, logo)
    word_no_break_hyphens(document.docx)
    keep_rows_together(document.docx)
    core = document.docx.core_properties
    core.title = xml_safe(project.agreement.title)[:255]
    core.subject = xml_safe(project.agreement.reference)[:255]
    core.author = xml_safe(project.parties.provider.name)[:255]
    core.comments = ""
    core.keywords = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_PLAIN_LEAVES = (str, int, float, Decimal, bool, type(None))


def ensure_plain(value: Any, where: str = "") -> None:
    """Raise :class:`TypeError` unless ``value`` is plain data: text (Markup
    included), numbers, booleans, ``None``, and lists and dicts of them with
    text keys. Nothing a template can reach through it leads into the program."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where or 'the context'} has a key of type "
                                f"{type(key).__name__}")
            ensure_plain(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            ensure_plain(item, f"{where}[{index}]")
    elif not isinstance(value, _PLAIN_LEAVES):
        raise TypeError(f"{where} is of type {type(value).__name__}, not plain data")


def _runtime_detail(exc: BaseException) -> str:
    """An error raised while the template ran, in the author's terms."""
    if isinstance(exc, TemplateError):
        return exc.message or type(exc).__name__
    if isinstance(exc, RecursionError):
        return _("it calls a macro from itself, or nests blocks, too deeply to finish.")
    if isinstance(exc, OverflowError) and str(exc).startswith("Range too big"):
        return _("a range in it has more than {count} numbers.").format(count=MAX_RANGE)
    if isinstance(exc, OverflowError | ArithmeticError) or (
            isinstance(exc, ValueError) and "integer string conversion" in str(exc)):
        return _("a number or range in it is too large ({detail}).").format(
            detail=str(exc) or type(exc).__name__)
    return f"{str(exc) or type(exc).__name__} ({type(exc).__name__})"


def _template_line(exc: BaseException) -> int | None:
    """The template line the error was raised on (Jinja gives the template's
    frames its line numbers); the innermost one."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if isinstance(line, int) else None


def _template_problem(path: Path, exc: BaseException, env: _ContractEnvironment | None = None,
                      ) -> str:
    around = " ".join(
        line.strip() for line in getattr(exc, "docx_context", None) or [] if line.strip()
    )
    if not around and env is not None and env.last_source:
        around = near_text(env.last_source, _template_line(exc))
    message = _('The template "{file}" has an error: {detail}').format(
        file=path.name, detail=_runtime_detail(exc))
    if around:
        message += " " + _("Near: “{text}”").format(text=around[:200])
    return message


def near_text(source: str, lineno: int | None, text: str = "") -> str:
    """The text of the paragraph (line) ``lineno`` of a part's source, around
    ``text`` when it is found there."""
    if not lineno:
        return ""
    lines = source.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    plain = " ".join(_TAG_RE.sub("", lines[lineno - 1]).split())
    if len(plain) <= _NEAR_CHARS:
        return plain
    at = plain.find(text) if text else -1
    start = max(0, (at if at >= 0 else 0) - _NEAR_CHARS // 3)
    piece = plain[start:start + _NEAR_CHARS]
    return ("…" if start else "") + piece + ("…" if start + _NEAR_CHARS < len(plain) else "")
