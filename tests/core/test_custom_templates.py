"""Consultants' own Word templates: the templates folder, finding a project's
template, checking a template, and contracts made with a restyled one."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx_reading import read_contract
from example_paths import EXAMPLES, US_EXAMPLE

from wizard.core.checks import Severity, Step, check_project
from wizard.core.model import Project
from wizard.core.project_file import load_project, save_project
from wizard.core.render import RenderError, generate_contract, render_contract
from wizard.core.template_check import (
    TemplateCheckError,
    check_template,
    context_names,
    ensure_template_usable,
)
from wizard.core.template_library import (
    TemplateNotFoundError,
    add_template,
    export_standard_template,
    resolve_template,
    templates_folder,
    user_templates,
)
from wizard.paths import standard_template
from wizard.settings import CONFIG_ENV

RESTYLED_FONT = "Liberation Serif"
RESTYLED_HEADING = RGBColor(0xA0, 0x1C, 0x1C)


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's real templates folder is never read or written."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    yield folder


def restyle(source: Path, target: Path) -> Path:
    """What a consultant does in Word: other fonts, other colours, same fields."""
    document = Document(str(source))
    styles = document.styles
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = styles[name]
        style.font.name = RESTYLED_FONT
        fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)  # a theme font would win over the name
    styles["Normal"].font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2"):
        styles[name].font.color.rgb = RESTYLED_HEADING
        styles[name].font.italic = True
    document.save(str(target))
    return target


def docx_with(tmp_path: Path, name: str, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


# -------------------------------------------------------------------------- the folder


def test_templates_folder_follows_the_override(private_folders: Path) -> None:
    """Tests and portable installs keep their templates beside their settings."""
    assert templates_folder() == private_folders / "templates"


def test_listing_shows_word_documents_only(tmp_path: Path) -> None:
    """Word's lock files, other files and folders are not offered as templates."""
    folder = templates_folder()
    folder.mkdir(parents=True)
    export_standard_template(folder / "Letterhead.docx")
    export_standard_template(folder / "blue.DOCX")
    (folder / "~$Letterhead.docx").write_bytes(b"lock")
    (folder / "notes.txt").write_text("not a template")
    (folder / "old.doc").write_bytes(b"word 97")
    (folder / "folder.docx").mkdir()
    listed = user_templates()
    assert [t.name for t in listed] == ["blue.DOCX", "Letterhead.docx"]
    assert [t.title for t in listed] == ["blue", "Letterhead"]
    assert listed[1].path == folder / "Letterhead.docx"


def test_no_folder_lists_nothing() -> None:
    """Before the first template is added the folder does not exist; nothing breaks."""
    assert not templates_folder().exists()
    assert user_templates() == []


def test_export_writes_the_standard_template(tmp_path: Path) -> None:
    """The exported file is the bundled template, ready to open in Word."""
    written = export_standard_template(tmp_path / "out" / "My template")
    assert written == tmp_path / "out" / "My template.docx"
    assert written.read_bytes() == standard_template().read_bytes()
    assert check_template(written) == []


def test_add_copies_into_the_folder(tmp_path: Path) -> None:
    """An added template lives on in the folder even if the original is deleted."""
    source = restyle(standard_template(), tmp_path / "Red.docx")
    added = add_template(source)
    source.unlink()
    assert added.path == templates_folder() / "Red.docx"
    assert [t.name for t in user_templates()] == ["Red.docx"]


# ------------------------------------------------------------------ which template


def test_resolve_empty_is_the_standard_template() -> None:
    assert resolve_template(Project()) == standard_template()


def test_resolve_a_name_in_the_templates_folder(tmp_path: Path) -> None:
    added = add_template(restyle(standard_template(), tmp_path / "Red.docx"))
    assert resolve_template(Project(template="Red.docx")) == added.path


def test_resolve_a_relative_path_beside_the_project(tmp_path: Path) -> None:
    """A project mailed with its template in a sub-folder finds it wherever it is."""
    (tmp_path / "styles").mkdir()
    template = restyle(standard_template(), tmp_path / "styles" / "Red.docx")
    project = Project(template="styles/Red.docx")
    assert resolve_template(project, tmp_path / "deal.slaproj") == template


def test_resolve_an_absolute_path(tmp_path: Path) -> None:
    template = restyle(standard_template(), tmp_path / "Red.docx")
    assert resolve_template(Project(template=str(template))) == template


def test_missing_templates_say_where_they_were_looked_for(tmp_path: Path) -> None:
    """A missing name points at the templates folder, a missing path at the path."""
    with pytest.raises(TemplateNotFoundError) as by_name:
        resolve_template(Project(template="Gone.docx"))
    assert '"Gone.docx"' in str(by_name.value)
    assert str(templates_folder()) in str(by_name.value)
    with pytest.raises(TemplateNotFoundError) as by_path:
        resolve_template(Project(template="styles/Gone.docx"), tmp_path / "deal.slaproj")
    assert str(tmp_path / "styles" / "Gone.docx") in str(by_path.value)


# -------------------------------------------------------------------- the check


def test_the_standard_template_passes_the_check() -> None:
    """The check accepts every field the bundled template uses (it cannot drift
    from the context without this failing)."""
    assert check_template(standard_template()) == []


def test_the_check_knows_every_value_of_the_context() -> None:
    assert {"agreement", "provider", "customer", "services", "metrics", "credits",
            "termination", "branding"} <= context_names()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Dear {% if customer.name %}Sir"],
         ["“{% if %}” is never closed", "Near: “Dear {% if customer.name %}Sir”"]),
        (["Dear {{ customer.name }"], ["“}” appears where it does not belong", "Near: “Dear"]),
        (["Signed by {{ provider.nmae }}"],
         ["uses “provider.nmae”", "Did you mean “provider.name”?", "Near: “Signed by"]),
        (["{{ customr.name }}"], ["uses “customr”", "Did you mean “customer”?"]),
        (["{% for s in services %}{{ s.title }}{% endfor %}"], ["uses “s.title”"]),
        (["{% for s in services %}x{% endif %}"], ["“{% endif %}” comes before"]),
        (["{{ provider.name|shout }}"], ["no filter called “shout”"]),
        (["{{ ''.__class__.__mro__ }}"], ["may not do", "“''.__class__.__mro__”", "refused"]),
        (["{{ provider.__globals__ }}"], ["may not do", "“provider.__globals__”"]),
        (["{{ '{0.__class__}'.format(provider) }}"], ["may not do", "format"]),
        (["{{ cycler.__init__.__globals__ }}"], ["may not do", "refused"]),
        (["{{ provider|attr('__class__') }}"], ["may not do"]),
        (["{% include 'secrets.docx' %}"], ["may not do", "{% include %}", "another file"]),
    ],
    ids=["unclosed-if", "unclosed-field", "unknown-field", "unknown-name", "loop-field",
         "misplaced-end", "unknown-filter", "mro", "globals", "format",
         "cycler", "attr", "include"],
)
def test_broken_templates_make_no_file(tmp_path: Path, paragraphs: list[str],
                                       expected: list[str]) -> None:
    """A consultant's mistake in a template (or a hostile template) is named, with
    the text around it, and no contract file appears, from the checks, the render
    and the generator alike."""
    template = docx_with(tmp_path, "mine.docx", "Service Level Agreement", *paragraphs)
    problems = check_template(template)
    assert problems and problems[0].severity is Severity.ERROR
    message = problems[0].message
    assert 'The template "mine.docx"' in message
    for fragment in expected:
        assert fragment in message, message

    project = load_project(US_EXAMPLE)
    target = tmp_path / "contract.docx"
    with pytest.raises(RenderError) as info:
        generate_contract(project, target, "en_US", template)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)
    assert not target.exists()
    assert list(tmp_path.glob("*.docx")) == [template]


def test_the_raising_helper_counts_the_other_errors(tmp_path: Path) -> None:
    template = docx_with(tmp_path, "typos.docx", "{{ provider.nmae }}", "{{ customer.nmae }}",
                         "{{ agreement.titel }}")
    with pytest.raises(TemplateCheckError) as info:
        ensure_template_usable(template)
    assert len(info.value.problems) == 3
    assert "(The template has 2 more errors.)" in str(info.value)


def test_a_template_without_fields_is_a_warning(tmp_path: Path) -> None:
    """A plain letter renders, but the user learns it will never change."""
    template = docx_with(tmp_path, "plain.docx", "Just words.")
    problems = check_template(template)
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "no fields" in problems[0].message
    ensure_template_usable(template)


def test_a_file_that_is_not_a_word_document(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("I am not a zip file")
    problems = check_template(fake)
    assert len(problems) == 1
    assert "not a Word document" in problems[0].message


def test_an_edited_template_is_checked_again(tmp_path: Path) -> None:
    """The check is cached, but a template fixed in Word is seen as fixed."""
    import os

    template = docx_with(tmp_path, "fixme.docx", "{{ provider.nmae }}")
    assert check_template(template)
    stat = template.stat()
    docx_with(tmp_path, "fixme.docx", "{{ provider.name }}")
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert check_template(template) == []


def test_project_checks_report_the_template(tmp_path: Path) -> None:
    """The Appearance step shows when the project's template is gone or broken."""
    project = load_project(US_EXAMPLE)
    project.template = "Gone.docx"
    missing = [p for p in check_project(project) if p.loc == ("template",)]
    assert [(p.severity, p.step) for p in missing] == [(Severity.ERROR, Step.APPEARANCE)]
    assert "Gone.docx" in missing[0].message

    add_template(docx_with(tmp_path, "Typo.docx", "{{ provider.nmae }}"))
    project.template = "Typo.docx"
    broken = [p for p in check_project(project) if p.loc == ("template",)]
    assert len(broken) == 1 and "provider.nmae" in broken[0].message

    project.template = ""
    assert [p for p in check_project(project) if p.loc == ("template",)] == []


# ------------------------------------------------------------------- restyled


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_restyled_template_renders_every_example(example: Path, tmp_path: Path) -> None:
    """A template restyled in Word (fonts, heading colours) makes the same contract
    in the new look, for every example in its own language, through the project's
    own template field."""
    add_template(restyle(standard_template(), tmp_path / "Red.docx"))
    project = load_project(example)
    standard = read_contract(render_contract(project))
    project.template = "Red.docx"
    path = tmp_path / example.name
    save_project(project, path)
    reloaded = load_project(path)
    assert reloaded.template == "Red.docx"

    data = render_contract(reloaded, project_path=path)
    restyled = read_contract(data)
    assert restyled.text == standard.text
    assert project.parties.provider.name in restyled.text
    document = Document(io.BytesIO(data))
    heading = document.styles["Heading 1"].font
    assert heading.name == RESTYLED_FONT and heading.italic
    assert heading.color.rgb == RESTYLED_HEADING
    assert document.styles["Normal"].font.name == RESTYLED_FONT


def test_fields_typed_in_word_with_curly_quotes_work(tmp_path: Path) -> None:
    """Word turns straight quotes into curly ones as a clause is typed; the field
    still works, so a consultant's own clause is printed."""
    template = docx_with(tmp_path, "typed.docx",
                         "{{ _(“Our own clause”) }} for {{ customer.name }}.")
    assert check_template(template) == []
    text = read_contract(render_contract(load_project(US_EXAMPLE), template=template)).text
    assert "Our own clause for Harbor Bakery Co.." in text
