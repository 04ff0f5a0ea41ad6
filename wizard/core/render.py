"""The contract as a Word file: docxtpl in a sandboxed Jinja environment.

Everything the user typed is escaped on the way out (autoescape), and a
``finalize`` step drops the characters XML forbids and guards the ``{_{``
sequences docxtpl would otherwise turn back into template syntax. Clause text
is translated through the template's ``_`` and ``ngettext`` for the contract's
language. A :class:`~docxtpl.DocxTemplate` is single-use, so each render loads
the template afresh from its bytes (read once and kept).
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections import OrderedDict
from collections.abc import MutableMapping
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import Template, TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from wizard.core.contract import ContractFormatter, build_context, contract_translations
from wizard.core.model import Project
from wizard.core.project_file import write_atomically
from wizard.i18n import _

_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNDERSCORE = Markup("&#95;")


class RenderError(Exception):
    """The contract could not be produced; the message says why."""


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


_COMPILED_MAX = 16
_compiled: OrderedDict[str, CodeType] = OrderedDict()
_compiled_lock = threading.Lock()


class _ContractEnvironment(SandboxedEnvironment):
    """docxtpl hands the environment the whole document as one template source
    on every render, and compiling it is most of docxtpl's work. Every
    environment :func:`make_environment` returns is configured alike, so the
    code compiled for a source by one of them serves them all: each source
    (one per part of a template) is compiled once. The template objects made
    from that code are still new for each render."""

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
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


def make_environment(formatter: ContractFormatter) -> SandboxedEnvironment:
    """A sandboxed, autoescaping Jinja environment translating clause text
    with ``formatter``'s catalog."""
    env = _ContractEnvironment(
        autoescape=True,
        finalize=_finalize,
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


def render_contract(
    project: Project,
    locale: str | None = None,
    template: Path | None = None,
    project_path: Path | None = None,
) -> bytes:
    """The contract for ``project`` as the bytes of a ``.docx`` file, made
    with ``template`` or else the template the project names (found beside
    ``project_path``, the project's file, when it names a relative path).
    The template is checked first: one with errors makes no contract."""
    from docxtpl import DocxTemplate

    from wizard.core.branding import apply_branding
    from wizard.core.document_setup import apply_document_setup
    from wizard.core.template_check import ensure_template_usable
    from wizard.core.template_library import TemplateNotFoundError, resolve_template

    language = locale or project.language
    context = build_context(project, language)
    formatter = ContractFormatter(language, project.currency, contract_translations(language))
    try:
        template_path = template or resolve_template(project, project_path)
    except TemplateNotFoundError as exc:
        raise RenderError(str(exc)) from None
    ensure_template_usable(template_path)
    document = DocxTemplate(io.BytesIO(load_template_bytes(template_path)))
    apply_branding(document, project.branding, context)
    apply_document_setup(document, project, language)
    try:
        document.render(context, jinja_env=make_environment(formatter), autoescape=True)
    except SecurityError as exc:
        raise RenderError(
            _('The template "{file}" tried something templates may not do: {detail}').format(
                file=template_path.name, detail=exc)
        ) from None
    except TemplateError as exc:
        raise RenderError(_template_problem(template_path, exc)) from None
    core = document.docx.core_properties
    core.title = xml_safe(project.agreement.title)[:255]
    core.subject = xml_safe(project.agreement.reference)[:255]
    core.author = xml_safe(project.parties.provider.name)[:255]
    core.comments = ""
    core.keywords = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _template_problem(path: Path, exc: TemplateError) -> str:
    around = " ".join(
        line.strip() for line in getattr(exc, "docx_context", []) if line.strip()
    )
    message = _('The template "{file}" has an error: {detail}').format(
        file=path.name, detail=exc.message or exc.__class__.__name__)
    if around:
        message += " " + _("Near: “{text}”").format(text=around[:200])
    return message


def generate_contract(
    project: Project,
    out: str | os.PathLike[str],
    locale: str | None = None,
    template: Path | None = None,
    project_path: Path | None = None,
) -> Path:
    """Render the contract and write it to ``out`` atomically (nothing is
    written when it cannot be made)."""
    from wizard.core.docx_guard import ensure_contract_opens

    target = Path(out)
    data = render_contract(project, locale, template, project_path)
    ensure_contract_opens(data, target.name)  # never "written" when it cannot be read back
    write_atomically(target, data)
    return target

