"""A Word template from someone else cannot reach the program: the context it
is rendered with holds plain data only (the logo is a text token the renderer
replaces with the picture), and the sandbox refuses every attribute and call
plain data does not need. Templates that once read and wrote any file through
the logo's live image object are refused, by the check and by the render."""

from __future__ import annotations

import base64
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx_reading import read_contract
from example_paths import EXAMPLES, SHARED_EXAMPLES, US_EXAMPLE
from images import png_bytes
from markupsafe import Markup

from wizard.core.branding import LOGO_TOKEN_PREFIX, logo_size_on_page
from wizard.core.checks import Severity, Step, check_project
from wizard.core.model import AgreementType, Branding, Logo, Project
from wizard.core.presets import new_project
from wizard.core.project_file import load_project
from wizard.core.render import (
    RenderError,
    ensure_plain,
    prepare_render,
    render_contract,
    render_here,
)
from wizard.core.template_check import check_template
from wizard.paths import standard_template

SECRET = "the-secret-contents-4711"


def logo() -> Logo:
    return Logo(media_type="image/png", filename="logo.png",
                data=base64.b64encode(png_bytes(60, 20)).decode("ascii"))


def with_logo(project: Project) -> Project:
    return project.model_copy(update={"branding": Branding(logo=logo())})


def template(path: Path, *paragraphs: str, header: str = "") -> Path:
    document = Document()
    document.add_paragraph("Provider: {{ provider.name }}")
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def every_project() -> list[tuple[str, Project]]:
    projects = [(path.stem, load_project(path)) for path in EXAMPLES]
    projects += [(f"shared-{path.stem}", load_project(path))
                 for path in sorted(SHARED_EXAMPLES.glob("*.slaproj"))]
    projects += [(f"preset-{kind.value}", new_project(kind)) for kind in AgreementType]
    return projects


PLAIN = (str, int, float, Decimal, bool, type(None))


def unplain(value: Any, where: str = "context") -> list[str]:
    """Every place in ``value`` that is not plain data, as a path."""
    if isinstance(value, dict):
        return [f"{where}: key {key!r}" for key in value if not isinstance(key, str)] + [
            found for key, item in value.items() for found in unplain(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [found for index, item in enumerate(value)
                for found in unplain(item, f"{where}[{index}]")]
    return [] if isinstance(value, PLAIN) else [f"{where}: {type(value).__name__}"]


# ------------------------------------------------------------------------ plain data only

@pytest.mark.parametrize("logo_on", [False, True], ids=["no-logo", "logo"])
def test_the_context_of_every_example_and_preset_is_plain_data(logo_on: bool) -> None:
    """An object in the context (as the logo's live image once was) would hand a
    template the program itself: its methods read and write any file."""
    checked = 0
    for name, project in every_project():
        if logo_on:
            project = with_logo(project)
        _document, context, pending = prepare_render(project, "en_US", standard_template())
        assert unplain(context) == [], name
        assert (pending is not None) == logo_on, name
        if logo_on:
            assert context["branding"]["logo"].startswith(LOGO_TOKEN_PREFIX)
        checked += 1
    shared = len(list(SHARED_EXAMPLES.glob("*.slaproj")))  # none where ../shared is absent
    assert checked == len(EXAMPLES) + shared + len(AgreementType) >= 3 + len(AgreementType)


def test_anything_but_plain_data_is_refused_before_a_render() -> None:
    """The guard every render passes: an object slipped into the context is caught."""
    ensure_plain({"a": ["text", Markup("<b>x</b>"), 1, 2.5, Decimal("1.5"), True, None]})
    with pytest.raises(TypeError, match=r"branding\.logo is of type object"):
        ensure_plain({"branding": {"logo": object()}})
    with pytest.raises(TypeError, match="key of type int"):
        ensure_plain({"services": [{1: "x"}]})


def test_the_logo_token_is_new_for_every_render() -> None:
    """A token a template could know in advance would let it forge the picture's place."""
    project = with_logo(load_project(US_EXAMPLE))
    tokens = {prepare_render(project, "en_US", standard_template())[1]["branding"]["logo"]
              for _ in range(3)}
    assert len(tokens) == 3


def test_the_logo_goes_wherever_the_template_prints_it(tmp_path: Path) -> None:
    """A custom template placing the logo in its header, or within a line, would show a
    code instead of the picture."""
    path = template(tmp_path / "letterhead.docx", "Logo: {{ branding.logo }} (ours)",
                    header="{{ branding.logo }} Northwind")
    project = with_logo(load_project(US_EXAMPLE))
    assert check_template(path) == []
    data = render_contract(project, "en_US", template=path)
    document = Document(io.BytesIO(data))
    body = document.inline_shapes
    assert len(body) == 1
    size = logo_size_on_page(png_bytes(60, 20))  # its own size: smaller than the 4 × 2 cm box
    assert (body[0].width, body[0].height) == (size.width, size.height)
    header = document.sections[0].header
    assert header.paragraphs[0]._p.xpath(".//w:drawing")
    assert header.paragraphs[0].text.strip() == "Northwind"
    text = read_contract(data).text
    assert LOGO_TOKEN_PREFIX not in text
    assert "Logo:  (ours)" in text
    ids = [d.get("id") for d in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(ids) == len(set(ids))


# ------------------------------------------------------------------------ the exploits

READ_ANY_FILE = ("{{{{ branding.logo.tpl.replace_pic('none.png', '{secret}') or '' }}}}"
                 "{{{{ branding.logo.tpl.pics_to_replace.pop('none.png') }}}}")
WRITE_ANY_FILE = "{{{{ branding.logo.tpl.write_xml('{target}') }}}}"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "private.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def exploits(tmp_path: Path, secret: Path) -> dict[str, tuple[Path, Path]]:
    """Each exploit template, and the file it would write (never there)."""
    target = tmp_path / "overwritten.xml"
    return {
        "read": (template(tmp_path / "read.docx", READ_ANY_FILE.format(secret=secret)), target),
        "write": (template(tmp_path / "write.docx", WRITE_ANY_FILE.format(target=target)),
                  target),
    }


@pytest.mark.parametrize("kind", ["read", "write"])
def test_the_exploit_templates_are_refused_by_the_check(kind: str, tmp_path: Path,
                                                       secret: Path) -> None:
    """`sla-wizard check` and the Appearance step once found nothing wrong with them."""
    path, target = exploits(tmp_path, secret)[kind]
    problems = check_template(path)
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert "tried something templates may not do" in problems[0].message
    assert "branding.logo.tpl" in problems[0].message
    project = with_logo(load_project(US_EXAMPLE))
    project.template = str(path)
    found = [p for p in check_project(project) if p.loc == ("template",)]
    assert found and found[0].step is Step.APPEARANCE
    assert not target.exists()


@pytest.mark.parametrize("kind", ["read", "write"])
def test_the_exploit_templates_make_no_contract(kind: str, tmp_path: Path,
                                                secret: Path) -> None:
    """Opening such a project in the window was enough: the preview read the file into
    the contract, or overwrote any file the user can write."""
    path, target = exploits(tmp_path, secret)[kind]
    project = with_logo(load_project(US_EXAMPLE))
    with pytest.raises(RenderError, match="tried something templates may not do"):
        render_contract(project, "en_US", template=path)
    assert not target.exists()


@pytest.mark.parametrize("kind", ["read", "write"])
def test_the_sandbox_alone_refuses_the_exploits(kind: str, tmp_path: Path,
                                                secret: Path) -> None:
    """Were the check ever to miss them, the render itself reaches nothing: the logo is
    text, and text has no ``tpl``."""
    path, target = exploits(tmp_path, secret)[kind]
    project = with_logo(load_project(US_EXAMPLE))
    with pytest.raises(RenderError, match="has an error"):
        render_here(project, "en_US", path, check=False)
    assert not target.exists()


ESCAPES = [
    "{{ provider.name.__class__.__mro__ }}",
    "{{ provider.__class__ }}",
    "{{ provider.pop('name') }}",
    "{{ provider.update({'name': 'x'}) }}",
    "{{ services.append(1) }}",
    "{{ (provider.name|attr('__class__')) }}",
    "{{ '{0.__class__}'.format(provider.name) }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ joiner.__init__ }}",
    "{{ namespace.__init__ }}",
    "{{ dict.fromkeys(['a']) }}",
    "{{ range.__code__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ _.__globals__ }}",
    "{{ gettext.__globals__ }}",
    "{{ provider.items.__self__ }}",
    "{{ loop.__class__ }}",
    "{% for s in services %}{{ loop._iterator }}{% endfor %}",
    "{% for s in services %}{{ s.name.upper.__self__ }}{% endfor %}",
    "{{ (services|map(attribute='__class__')|list) }}",
    "{{ (services|sort(attribute='__class__')) }}",
    "{% set ns = namespace(x=1) %}{{ ns.__class__ }}",
    "{% set c = cycler(1) %}{{ c.__dict__ }}",
    "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "{% macro m() %}{% endmacro %}{{ m.__call__.__globals__ }}",
]


@pytest.mark.parametrize("text", ESCAPES)
def test_the_sandbox_refuses_every_way_out(text: str, tmp_path: Path) -> None:
    """Each of these reaches past the values into Python (its classes, globals,
    or a value's means to change itself): the render refuses it, whatever the check
    says, and no Python object's text reaches the contract."""
    path = template(tmp_path / "escape.docx", text)
    project = with_logo(load_project(US_EXAMPLE))
    with pytest.raises(RenderError) as refused:
        render_here(project, "en_US", path, check=False)
    assert '"escape.docx"' in str(refused.value)
    assert "<class" not in str(refused.value)
    assert check_template(path), text  # the check refuses it too


ALLOWED = [
    ("{{ provider.name.upper() }}", "NORTHWIND"),
    ("{{ provider.name|replace('Northwind', 'South') }}", "South"),
    ("{% for key, value in provider.items() %}{% if key == 'name' %}[{{ value }}]"
     "{% endif %}{% endfor %}", "[Northwind"),
    ("{% for s in services %}{% if loop.first %}{{ loop.length }} services{% endif %}"
     "{% endfor %}", " services"),
    ("{% set ns = namespace(n=0) %}{% for s in services %}{% set ns.n = ns.n + 1 %}"
     "{% endfor %}n={{ ns.n }}", "n="),
    ("{{ '{} and {}'.format(provider.name, customer.name) }}", " and "),
    ("{% set c = cycler('odd', 'even') %}{{ c.next() }}-{{ c.next() }}", "odd-even"),
    ("{{ provider.get('name', '') }}", "Northwind"),
    ("{{ services|map(attribute='name')|join(', ') }}", ","),
    ("{{ 2 ** 10 }} {{ '-' * 3 }}", "1024 ---"),
    ("{% macro row(s) %}<{{ s.name }}>{% endmacro %}{{ row(services[0]) }}", "<"),
]


@pytest.mark.parametrize(("text", "shown"), ALLOWED)
def test_what_plain_data_needs_still_works(text: str, shown: str, tmp_path: Path) -> None:
    """A strict sandbox that refused ordinary template code would break consultants'
    own templates."""
    path = template(tmp_path / "fine.docx", text)
    project = load_project(US_EXAMPLE)
    assert [p for p in check_template(path) if p.severity is Severity.ERROR] == []
    contract = read_contract(render_contract(project, "en_US", template=path)).text
    assert shown in contract
