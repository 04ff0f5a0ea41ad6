"""Is a Word template fit to make contracts with? Checked when it is chosen
and before every render.

A template is read the way docxtpl reads it (the body, headers, footers,
footnotes and document properties, with docxtpl's own ``{%p``/``{%tr``
tags and Word's split runs already patched), then:

- every part must be valid Jinja (an unclosed tag, an unknown filter …),
  reported with the text of the paragraph around it;
- every value it reads must be one a contract provides: the names and
  fields are taken from :func:`wizard.core.contract.build_context` on the
  example projects and presets, so the check follows the context as it
  changes; ``_``, ``ngettext``, Jinja's own globals and loop variables
  are fine;
- nothing may reach past the values into Python (``__class__``,
  ``__globals__`` …) or into other files (``include``, ``import``): such a
  template is refused. It would also be stopped by the sandbox while
  rendering; the check says so before a contract is made.

A template with none of those errors is then made into a contract once, with
an example project and a logo (the standard template, part of the program,
excepted), so that what only shows while it runs (an error in an expression,
a loop that never ends) is found before a contract is asked for.

All of it runs in the render worker (:mod:`wizard.core.render_worker`), under
its limits: :func:`check_template` asks it and waits (never on the GUI
thread: the window uses :func:`check_template_soon`, and
:func:`wizard.core.render_worker.never_wait_here` for the project checks). The findings are cached
per template file, modification time and size, in the program and in the
worker, so the live preview pays for a template only when the file changes;
so is a template that overran a limit while checked or rendered.
"""

from __future__ import annotations

import base64
import contextlib
import difflib
import gettext
import io
import re
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
)

from wizard.core.checks import Severity
from wizard.core.contract import ContractFormatter, build_context
from wizard.core.render import (
    SAFE_METHODS,
    RenderError,
    limit_message,
    load_template_bytes,
    make_environment,
    near_text,
)
from wizard.core.render_limits import LimitKind
from wizard.i18n import _, ngettext
from wizard.paths import templates_dir

_UNSAFE_NAMES = frozenset({
    *UNSAFE_ASYNC_GENERATOR_ATTRIBUTES, *UNSAFE_COROUTINE_ATTRIBUTES,
    *UNSAFE_FUNCTION_ATTRIBUTES, *UNSAFE_GENERATOR_ATTRIBUTES, *UNSAFE_METHOD_ATTRIBUTES,
    "mro", "func_globals", "func_code", "f_globals", "f_locals", "f_builtins", "f_back",
    "tb_frame", "tb_next", "im_func", "im_self", "im_class", "gi_yieldfrom",
})
_FORMAT_FIELD_RE = re.compile(r"\{[^{}]*[.\[]\s*_[^{}]*\}")
"""A ``str.format`` field reaching for an attribute that starts with ``_``."""
_LOOP_NAMES = frozenset({"loop", "varargs", "kwargs", "caller"})
_PARAGRAPH_RE = re.compile(r"<w:p([ >])")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The document properties docxtpl renders as templates too."""


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong with a template, in the user's language. ``stopped``:
    the check itself was stopped (the template overran a limit) or could not
    run (the render worker failed), rather than finding a mistake."""

    severity: Severity
    message: str
    stopped: bool = False

    def __str__(self) -> str:
        return self.message


class TemplateCheckError(RenderError):
    """A template that cannot make a contract; ``problems`` lists why."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        message = errors[0].message
        if len(errors) > 1:
            more = len(errors) - 1
            message += " " + ngettext(
                "(The template has {count} more error.)",
                "(The template has {count} more errors.)", more).format(count=more)
        super().__init__(message)
        self.problems = problems


# -- what a contract provides ---------------------------------------------------------------

@dataclass
class Shape:
    """What a context value looked like in every sample: a mapping with these
    fields, a list of items of some shape, a plain value (``leaf``: text, a
    number, yes or no, nothing), or any of them; nothing known when none is
    set (the items of a list empty in every sample)."""

    fields: dict[str, Shape] | None = None
    items: Shape | None = None
    leaf: bool = False

    @classmethod
    def of(cls, value: Any) -> Shape:
        if isinstance(value, dict):
            return cls(fields={str(k): cls.of(v) for k, v in value.items()})
        if isinstance(value, list | tuple):
            shape = cls(items=cls())
            for item in value:
                shape.items = shape.items.merged(cls.of(item)) if shape.items else cls.of(item)
            return shape
        return cls(leaf=True)

    def merged(self, other: Shape) -> Shape:
        fields = self.fields
        if other.fields is not None:
            fields = dict(fields or {})
            for name, shape in other.fields.items():
                fields[name] = fields[name].merged(shape) if name in fields else shape
        items = self.items
        if other.items is not None:
            items = items.merged(other.items) if items is not None else other.items
        return Shape(fields, items, self.leaf or other.leaf)


def sample_projects() -> Iterator[Any]:
    from wizard.core.calendars import with_example_calendars
    from wizard.core.credit_clauses import with_every_credit_part
    from wizard.core.model import AgreementType
    from wizard.core.presets import new_project
    from wizard.core.project_file import ProjectFileError, load_project
    from wizard.paths import examples_dir

    for number, path in enumerate(sorted(examples_dir().glob("*.slaproj"))):
        try:
            project = load_project(path)
        except ProjectFileError:
            continue
        yield project
        if number == 0:
            yield with_example_calendars(project)
        if project.service_credits.enabled:
            yield with_every_credit_part(project)
    for kind in AgreementType:
        try:
            yield new_project(kind)
        except ProjectFileError:
            continue


@lru_cache(maxsize=1)
def context_shape() -> Shape:
    """The shape of the context the template is rendered with, over every
    example project and preset (so that optional parts, such as service
    credits, show all their fields)."""
    shape = Shape(fields={})
    for project in sample_projects():
        shape = shape.merged(Shape.of(build_context(project, "en_US")))
    return shape


def context_names() -> frozenset[str]:
    """The top-level names a template may read."""
    return frozenset(context_shape().fields or {})


# -- reading a template ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Part:
    label: str
    source: str


def _template_parts(data: bytes) -> list[_Part]:
    """The Jinja sources docxtpl renders, in the form it renders them."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(data))
    document.init_docx()

    def prepared(xml: str) -> str:
        return _PARAGRAPH_RE.sub(r"\n<w:p\1", document.patch_xml(xml))

    parts = [_Part("body", prepared(document.get_xml()))]
    for uri in (document.HEADER_URI, document.FOOTER_URI):
        for _key, part in document.get_headers_footers(uri):
            parts.append(_Part(str(part.partname), prepared(document.get_part_xml(part))))
    for part in document.docx.part.package.iter_parts():
        if part.content_type == _FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            parts.append(_Part(str(part.partname), prepared(blob)))
    properties = document.docx.core_properties
    for name in _PROPERTIES:
        value = getattr(properties, name) or ""
        if "{" in value:
            parts.append(_Part(name, value))
    return parts


class _Kind(StrEnum):
    NOT_A_DOCUMENT = "not-a-document"
    SYNTAX = "syntax"
    UNKNOWN_NAME = "unknown-name"
    UNKNOWN_FIELD = "unknown-field"
    UNSAFE = "unsafe"
    OTHER_FILE = "other-file"
    NO_FIELDS = "no-fields"
    TOO_DEEP = "too-deep"
    RENDER = "render"
    LIMIT = "limit"
    FAILED = "failed"


@dataclass(frozen=True)
class _Finding:
    """A problem before it is put into words (findings are cached; messages
    are written in the interface language of the moment)."""

    kind: _Kind
    text: str = ""
    near: str = ""
    detail: str = ""
    suggestion: str = ""


_near = near_text


def _expression(node: nodes.Node) -> str:
    """An expression as the template author wrote it (near enough)."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expression(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_expression(node.node)}[{node.arg.value!r}]"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Call):
        return f"{_expression(node.node)}()"
    if isinstance(node, nodes.Filter) and node.node is not None:
        return f"{_expression(node.node)}|{node.name}"
    return "…"


def _unsafe(name: object) -> bool:
    return isinstance(name, str) and (name.startswith("_") or name in _UNSAFE_NAMES)


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    return close[0] if close else ""


@dataclass
class _Walker:
    """Follows each value a part reads from the context, through loops and
    ``set``, and notes fields the context lacks and reaches past it."""

    source: str
    root: Shape
    findings: list[_Finding] = field(default_factory=list)

    def note(self, kind: _Kind, node: nodes.Node, text: str, suggestion: str = "") -> None:
        self.findings.append(_Finding(kind, text, _near(self.source, node.lineno, text.split(
            ".")[-1] if kind is _Kind.UNKNOWN_FIELD else text), suggestion=suggestion))

    def visit(self, node: nodes.Node, scope: dict[str, Shape | None]) -> Shape | None:
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                return None
            if node.name in scope:
                return scope[node.name]
            return (self.root.fields or {}).get(node.name)
        if isinstance(node, nodes.Getattr):
            return self.member(node, node.node, node.attr, scope)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.member(node, node.node, node.arg.value, scope)
            base = self.visit(node.node, scope)
            self.visit(node.arg, scope)
            return base.items if base is not None else None
        if isinstance(node, nodes.Filter) and node.name == "attr":
            for arg in node.args:
                if not isinstance(arg, nodes.Const) or _unsafe(arg.value):
                    self.note(_Kind.UNSAFE, node, _expression(node) + "(" + (
                        repr(arg.value) if isinstance(arg, nodes.Const) else "…") + ")")
        if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr)
                and node.node.attr in ("format", "format_map")
                and isinstance(node.node.node, nodes.Const)
                and _FORMAT_FIELD_RE.search(str(node.node.node.value))):
            self.note(_Kind.UNSAFE, node, _expression(node.node))  # "{0.__class__}".format(x)
        if isinstance(node, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
            tag = "from" if isinstance(node, nodes.FromImport) else type(node).__name__.lower()
            self.note(_Kind.OTHER_FILE, node, "{% " + tag + " %}")
            return None
        if isinstance(node, nodes.For):
            items = self.visit(node.iter, scope)
            inner = dict(scope)
            inner["loop"] = None
            for target in _names(node.target):
                inner[target] = (items.items if items is not None and isinstance(
                    node.target, nodes.Name) else None)
            for child in [*(node.body or []), *([node.test] if node.test else [])]:
                self.visit(child, inner)
            for child in node.else_ or []:
                self.visit(child, scope)
            return None
        if isinstance(node, nodes.Assign):
            value = self.visit(node.node, scope)
            for target in _names(node.target):
                scope[target] = value if isinstance(node.target, nodes.Name) else None
            return None
        if isinstance(node, nodes.AssignBlock | nodes.Macro | nodes.CallBlock | nodes.With):
            inner = dict(scope)
            for target in _names(node):
                inner[target] = None
            for child in node.iter_child_nodes():
                self.visit(child, inner)
            return None
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return None

    def member(self, node: nodes.Node, base_node: nodes.Node, name: str,
               scope: dict[str, Shape | None]) -> Shape | None:
        text = f"{_expression(base_node)}.{name}"
        if _unsafe(name):
            self.note(_Kind.UNSAFE, node, text)
            return None
        base = self.visit(base_node, scope)
        if base is None:
            return None  # a value the check cannot follow: the sandbox decides as it runs
        if base.fields is not None:  # a group of the contract's values
            if name in base.fields:
                return base.fields[name]
            if name in SAFE_METHODS[dict]:
                return None
            if hasattr(dict, name):
                self.note(_Kind.UNSAFE, node, text)
                return None
            close = _suggest(name, base.fields)
            self.note(_Kind.UNKNOWN_FIELD, node, text,
                      f"{_expression(base_node)}.{close}" if close else "")
        elif base.items is not None:  # a list
            if name not in SAFE_METHODS[list]:
                self.note(_Kind.UNKNOWN_FIELD, node, text)
        elif base.leaf and name not in SAFE_METHODS[str]:  # text, a number, yes or no
            self.note(_Kind.UNSAFE, node, text)
        return None


def _names(node: nodes.Node) -> list[str]:
    """The names a ``for``/``set``/``macro`` … binds."""
    found = [node, *node.find_all(nodes.Name)]
    return [n.name for n in found if isinstance(n, nodes.Name) and n.ctx in ("store", "param")]


def _syntax_finding(exc: TemplateError, source: str) -> _Finding:
    lineno = getattr(exc, "lineno", None)
    return _Finding(_Kind.SYNTAX, near=_near(source, lineno), detail=exc.message or "")


def _deep_finding() -> _Finding:
    return _Finding(_Kind.TOO_DEEP)


@lru_cache(maxsize=32)
def _findings(path: Path, mtime_ns: int, size: int) -> tuple[_Finding, ...]:
    del mtime_ns, size  # part of the cache key: a changed file is checked again
    data = load_template_bytes(path)
    try:
        parts = _template_parts(data)
    except MemoryError:
        raise
    except RecursionError:
        return (_deep_finding(),)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return (_Finding(_Kind.NOT_A_DOCUMENT, detail=str(exc)),)
    except Exception as exc:  # python-docx raises its own errors for odd packages
        return (_Finding(_Kind.NOT_A_DOCUMENT, detail=str(exc) or type(exc).__name__),)
    env = make_environment(ContractFormatter("en_US", "USD", gettext.NullTranslations()))
    allowed = context_names() | frozenset(env.globals) | _LOOP_NAMES
    root = context_shape()
    found: list[_Finding] = []
    reads_anything = False
    for part in parts:
        try:
            tree = env.parse(part.source)
        except TemplateSyntaxError as exc:
            found.append(_syntax_finding(exc, part.source))
            continue
        except MemoryError:
            raise
        except RecursionError:
            found.append(_deep_finding())
            continue
        except Exception as exc:  # whatever else the parser makes of this text
            found.append(_Finding(_Kind.SYNTAX, detail=str(exc) or type(exc).__name__))
            continue
        walker = _Walker(part.source, root)
        try:
            walker.visit(tree, {})
            undeclared = meta.find_undeclared_variables(tree)  # what docxtpl's helper uses
            if not any(f.kind in (_Kind.UNSAFE, _Kind.OTHER_FILE) for f in walker.findings):
                env.from_string(part.source)  # unknown filters and tests show up here; the
                # code is kept for the render of the same source
        except TemplateError as exc:
            found.extend(walker.findings)
            found.append(_syntax_finding(exc, part.source))
            continue
        except MemoryError:
            raise
        except (RecursionError, SyntaxError):  # Python's own limits on nesting, compiled
            found.append(_deep_finding())
            continue
        except Exception as exc:  # whatever else compiling this text raises
            found.extend(walker.findings)
            found.append(_Finding(_Kind.SYNTAX, detail=str(exc) or type(exc).__name__))
            continue
        found.extend(walker.findings)
        reads_anything = reads_anything or bool(undeclared)
        for name in sorted(undeclared - allowed):
            node = next((n for n in tree.find_all(nodes.Name) if n.name == name), None)
            near = _near(part.source, node.lineno if node else None, name)
            found.append(_Finding(_Kind.UNKNOWN_NAME, name, near,
                                  suggestion=_suggest(name, context_names())))
    if not found and not reads_anything:
        found.append(_Finding(_Kind.NO_FIELDS))
    if not any(f.kind is not _Kind.NO_FIELDS for f in found) and not _is_standard(path):
        found.extend(_trial_render(path))
    return tuple(dict.fromkeys(found))


def _is_standard(path: Path) -> bool:
    from wizard.paths import standard_template

    with contextlib.suppress(OSError):
        return path.resolve() == standard_template().resolve()
    return False


def _tiny_png() -> bytes:
    """A PNG of one grey pixel: the logo of the trial render."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


@lru_cache(maxsize=1)
def _trial_project() -> Any:
    """An example project with a logo: what the trial render makes a contract of."""
    from wizard.core.model import Branding, Logo

    project = next(sample_projects())
    logo = Logo(media_type="image/png", filename="logo.png",
                data=base64.b64encode(_tiny_png()).decode("ascii"))
    return project.model_copy(update={"branding": Branding(logo=logo)})


def _trial_render(path: Path) -> list[_Finding]:
    """What goes wrong when ``path`` makes a contract of an example project
    (an error only running the template shows)."""
    from wizard.core.render import render_here

    try:
        render_here(_trial_project(), "en_US", path, check=False)
    except RenderError as exc:
        return [_Finding(_Kind.RENDER, text=str(exc))]
    return []


def findings_here(path: Path) -> list[dict[str, str]]:
    """The findings for the template file ``path``, checked in this process
    (the render worker's work; :func:`check_template` asks it)."""
    stat = path.stat()
    return [asdict(f) for f in _findings(path.resolve(), stat.st_mtime_ns, stat.st_size)]


def ensure_template_usable_here(path: Path) -> None:
    """Raise :class:`TemplateCheckError` when ``path`` cannot make a contract,
    checked in this process (the render worker's check before a render)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise RenderError(_cannot_read(path, exc)) from None
    found = _findings(path.resolve(), stat.st_mtime_ns, stat.st_size)
    problems = _problems(found, path.name)
    if has_template_errors(problems):
        raise TemplateCheckError(problems)


# -- in words --------------------------------------------------------------------------------

_UNCLOSED_RE = re.compile(r"Unexpected end of template.*innermost block that needs to be "
                          r"closed is '(\w+)'", re.S)
_MISPLACED_RE = re.compile(r"Encountered unknown tag '(\w+)'.*innermost block that needs to "
                           r"be closed is '(\w+)'", re.S)
_UNKNOWN_TAG_RE = re.compile(r"Encountered unknown tag '(\w+)'")
_UNCLOSED_FIELD_RE = re.compile(r"expected token 'end of print statement'")
_NO_FILTER_RE = re.compile(r"No (filter|test) named '([^']+)'")
_STRAY_RE = re.compile(r"unexpected (?:char )?'(.)'")


def _syntax_detail(detail: str) -> str:
    """Jinja's English message, in the user's words where it is a common one."""
    if match := _UNCLOSED_RE.search(detail):
        return _("“{{% {tag} %}}” is never closed: add “{{% end{tag} %}}” where it should "
                 "end.").format(tag=match[1])
    if match := _MISPLACED_RE.search(detail):
        return _("“{{% {found} %}}” comes before the “{{% {open} %}}” above it is closed with "
                 "“{{% end{open} %}}”.").format(found=match[1], open=match[2])
    if match := _UNKNOWN_TAG_RE.search(detail):
        return _("“{{% {tag} %}}” is not a tag templates know.").format(tag=match[1])
    if _UNCLOSED_FIELD_RE.search(detail):
        return _("a field opened with “{open}” is not closed with “{close}”.").format(
            open="{{", close="}}")
    if match := _NO_FILTER_RE.search(detail):
        if match[1] == "filter":
            return _("there is no filter called “{name}”.").format(name=match[2])
        return _("there is no test called “{name}”.").format(name=match[2])
    if match := _STRAY_RE.search(detail):
        return _("“{char}” appears where it does not belong: every field opens with “{open}” "
                 "and closes with “{close}”.").format(char=match[1], open="{{", close="}}")
    return _("its fields cannot be read ({detail}).").format(detail=detail)


def _message(finding: _Finding, file: str) -> TemplateProblem:
    kind = finding.kind
    severity = Severity.ERROR
    if kind is _Kind.NOT_A_DOCUMENT:
        text = _('The template "{file}" is not a Word document (.docx) that can be read.').format(
            file=file)
    elif kind is _Kind.SYNTAX:
        text = _('The template "{file}" has an error: {detail}').format(
            file=file, detail=_syntax_detail(finding.detail))
    elif kind is _Kind.TOO_DEEP:
        text = _('The template "{file}" has an error: {detail}').format(
            file=file, detail=_("its tags are nested too deeply to be read."))
    elif kind is _Kind.UNKNOWN_NAME or kind is _Kind.UNKNOWN_FIELD:
        text = _('The template "{file}" uses “{name}”, which a contract does not have.').format(
            file=file, name=finding.text)
        if finding.suggestion:
            text += " " + _("Did you mean “{name}”?").format(name=finding.suggestion)
    elif kind is _Kind.UNSAFE:
        text = _('The template "{file}" tried something templates may not do: “{text}” reaches '
                 "past the contract's values into the program, so the template is "
                 "refused.").format(file=file, text=finding.text)
    elif kind is _Kind.OTHER_FILE:
        text = _('The template "{file}" tried something templates may not do: “{tag}” reads '
                 "another file, so the template is refused.").format(
                    file=file, tag=finding.text)
    elif kind is _Kind.LIMIT or kind is _Kind.FAILED:
        text = (finding.text if kind is _Kind.FAILED else
                limit_message(file, LimitKind(finding.text), float(finding.detail or 0)))
        return TemplateProblem(severity, text, stopped=True)
    elif kind is _Kind.RENDER:
        text = finding.text
    else:
        severity = Severity.WARNING
        text = _('The template "{file}" has no fields: every contract made with it would say '
                 "the same. Start from the exported standard template.").format(file=file)
    if finding.near:
        text += " " + _("Near: “{text}”").format(text=finding.near)
    return TemplateProblem(severity, text)


def _problems(findings: Iterable[_Finding], file: str) -> list[TemplateProblem]:
    problems = [_message(finding, file) for finding in findings]
    return sorted(problems, key=lambda p: p.severity is not Severity.ERROR)


def _cannot_read(path: Path, exc: OSError) -> str:
    return _('The contract template "{file}" cannot be read: {reason}.').format(
        file=path.name, reason=exc.strerror or exc)


# -- in the program: asking the render worker ------------------------------------------------

_Key = tuple[Path, int, int]
_RESULTS_MAX = 64
_results: OrderedDict[_Key, tuple[_Finding, ...]] = OrderedDict()
"""Findings the worker gave (and limits a template overran), by file, time and size."""
_passing: dict[_Key, tuple[_Finding, ...]] = {}
"""The last answer that is not kept (the worker failed, or the wall clock ran
out on a busy machine): asked again next time, but not by the window."""
_running: dict[_Key, threading.Event] = {}
_waiting: dict[_Key, list[Callable[[], None]]] = {}
_lock = threading.Lock()


def _key(path: Path) -> _Key:
    stat = path.stat()
    return path.resolve(), stat.st_mtime_ns, stat.st_size


def _keep(key: _Key, findings: tuple[_Finding, ...]) -> None:
    with _lock:
        _results[key] = findings
        _results.move_to_end(key)
        while len(_results) > _RESULTS_MAX:
            _results.popitem(last=False)


def _ask_worker(key: _Key) -> tuple[tuple[_Finding, ...], bool]:
    """The findings for ``key`` from the render worker, and whether to keep them."""
    from wizard import i18n
    from wizard.core.render_worker import WorkerError, WorkerLimitError, shared_worker

    header = {"op": "check", "template": str(key[0]), "language": i18n.language()}
    try:
        reply, _data = shared_worker().request(header)
    except WorkerLimitError as exc:
        finding = _Finding(_Kind.LIMIT, text=exc.kind.value, detail=f"{exc.amount:g}")
        return (finding,), exc.kind is not LimitKind.WALL
    except WorkerError as exc:
        return (_Finding(_Kind.FAILED, text=str(exc)),), False
    if "error" in reply:
        return (_Finding(_Kind.FAILED, text=str(reply["error"])),), False
    findings = tuple(_Finding(_Kind(f["kind"]), f.get("text", ""), f.get("near", ""),
                              f.get("detail", ""), f.get("suggestion", ""))
                     for f in reply.get("findings", []))
    return findings, True


def _run(key: _Key, event: threading.Event) -> None:
    try:
        findings, keep = _ask_worker(key)
    except Exception as exc:  # a fault of the program's own: told, never kept
        findings, keep = (_Finding(_Kind.FAILED, text=str(exc) or type(exc).__name__),), False
    with _lock:
        if keep:
            _passing.pop(key, None)
        else:
            _passing[key] = findings
        _running.pop(key, None)
        notify = _waiting.pop(key, [])
    if keep:
        _keep(key, findings)
    event.set()
    for callback in notify:
        with contextlib.suppress(Exception):  # a window closed meanwhile
            callback()


def _lookup(key: _Key, wait: bool, notify: Callable[[], None] | None = None,
            ) -> tuple[_Finding, ...] | None:
    """The findings for ``key``: kept ones at once; otherwise asked of the
    worker, waiting for them (``wait``) or in a thread of their own, calling
    ``notify`` (from that thread) once they are in."""
    from wizard.core.render_limits import current_limits
    from wizard.core.render_worker import STARTUP_SECONDS

    with _lock:
        found = _results.get(key)
        if found is not None:
            _results.move_to_end(key)
            return found
        if not wait and key in _passing:
            return _passing[key]
        event = _running.get(key)
        start = event is None
        if event is None:
            event = _running[key] = threading.Event()
        if notify is not None:
            _waiting.setdefault(key, []).append(notify)
    if not wait:
        if start:
            threading.Thread(target=_run, args=(key, event), name="template-check",
                             daemon=True).start()
        return None
    if start:
        _run(key, event)
    else:
        event.wait(STARTUP_SECONDS + current_limits().wall_seconds + 5)
    with _lock:
        return _results.get(key) or _passing.get(key)


def note_limit(path: Path, kind: LimitKind, amount: float) -> None:
    """Remember that the template ``path`` overran a limit while it made a
    contract: it is refused at once from now on, until the file changes (not
    for the wall clock, which a busy machine can run out, and never for the
    program's own templates: they overrun a limit only on a machine too busy
    to keep to it, and refusing them would leave the user with no contract)."""
    if kind is LimitKind.WALL or _is_own_template(path):
        return
    with contextlib.suppress(OSError):
        _keep(_key(path), (_Finding(_Kind.LIMIT, text=kind.value, detail=f"{amount:g}"),))


def _is_own_template(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.resolve().parent == templates_dir().resolve()
    return False


def check_template(path: Path) -> list[TemplateProblem]:
    """Everything wrong with the template file ``path``, errors first (empty
    when it is fit to use). A file that cannot be read is one error.

    Waits for the render worker unless the answer is kept already, except on
    a thread that must not wait (:func:`wizard.core.render_worker.never_wait_here`):
    there a template not checked yet shows no problems until the check is
    done and the thread's callback is called."""
    try:
        key = _key(path)
    except OSError as exc:
        return [TemplateProblem(Severity.ERROR, _cannot_read(path, exc))]
    from wizard.core.render_worker import notify_instead_of_waiting

    notify = notify_instead_of_waiting()
    if notify is not None:
        return _problems(_lookup(key, wait=False, notify=notify) or (), path.name)
    return _problems(_lookup(key, wait=True) or (), path.name)


def check_template_soon(path: Path, notify: Callable[[], None],
                        ) -> list[TemplateProblem] | None:
    """What :func:`check_template` says, if it is known already; ``None``
    while the render worker checks the template, after which ``notify`` is
    called (from another thread). Never waits."""
    try:
        key = _key(path)
    except OSError as exc:
        return [TemplateProblem(Severity.ERROR, _cannot_read(path, exc))]
    found = _lookup(key, wait=False, notify=notify)
    return None if found is None else _problems(found, path.name)


def has_template_errors(problems: Iterable[TemplateProblem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def ensure_template_usable(path: Path) -> None:
    """Raise :class:`TemplateCheckError` when ``path`` cannot make a contract
    (waits for the render worker, on any thread), or
    :class:`wizard.core.render.RenderLimitError` when checking it overran a limit."""
    from wizard.core.render import RenderLimitError

    try:
        key = _key(path)
    except OSError as exc:
        raise RenderError(_cannot_read(path, exc)) from None
    findings = _lookup(key, wait=True) or ()
    limit = next((f for f in findings if f.kind is _Kind.LIMIT), None)
    if limit is not None:
        raise RenderLimitError(_message(limit, path.name).message, LimitKind(limit.text))
    problems = _problems(findings, path.name)
    if has_template_errors(problems):
        raise TemplateCheckError(problems)
