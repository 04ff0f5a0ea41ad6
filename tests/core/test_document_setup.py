"""The contract as a document of its country: paper, language, hyphenation,
Word's current layout rules and properties, read back from the .docx."""

from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips
from docx_reading import read_contract
from example_paths import EXAMPLES, US_EXAMPLE
from office import needs_libreoffice, pdf_text, to_pdf

from wizard.core.contract import CONTRACT_LOCALES
from wizard.core.document_setup import (
    HYPHENATED_LANGUAGES,
    language_tag,
    locale_paper,
    paper_of,
)
from wizard.core.model import Branding, Project
from wizard.core.project_file import load_project, save_project
from wizard.core.render import render_contract
from wizard.paths import standard_template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LETTER = (12240, 15840)
A4 = (11906, 16838)
LEGAL = (12240, 20160)
STANDARD_TEXT_WIDTH = 11906 - 2 * 1417
"""The standard template's text: A4 less two margins of 2.5 cm, in twips."""
LETTER_LOCALES = {"en_US", "es_MX"}
WORD_PARTS = re.compile(r"word/(document|styles|numbering|header\d*|footer\d*)\.xml")


def _project(language: str = "en_US", paper: str | None = None) -> Project:
    project = load_project(US_EXAMPLE)
    project.language = language
    project.branding.paper = paper  # type: ignore[assignment]
    return project


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _page(data: bytes) -> list[tuple[int, int, int, int]]:
    """Width, height, left and right margin of each section, in twips."""
    document = Document(io.BytesIO(data))
    return [(s.page_width.twips, s.page_height.twips, s.left_margin.twips, s.right_margin.twips)
            for s in document.sections]


def _settings(data: bytes) -> str:
    return _parts(data)["word/settings.xml"].decode()


def _template(tmp_path: Path, name: str, size: tuple[int, int] | None = None,
              code: str | None = None, lang: str | None = None,
              margins: int | None = None) -> Path:
    """The standard template restyled as a person's own: another page size
    (with a printer's paper number), a run and a style tagged in another
    language, other side margins."""
    document = Document(str(standard_template()))
    section = document.sections[0]
    if size is not None:
        section.page_width, section.page_height = Twips(size[0]), Twips(size[1])
    if code is not None:
        section._sectPr.find(qn("w:pgSz")).set(qn("w:code"), code)
    if margins is not None:
        section.left_margin = section.right_margin = Twips(margins)
    if lang is not None:
        title = next(p for p in document.paragraphs if p.style.name == "Title")
        for element in (title.runs[0]._r.get_or_add_rPr(),
                        document.styles["Heading 1"].element.get_or_add_rPr()):
            tag = OxmlElement("w:lang")
            tag.set(qn("w:val"), lang)
            element.append(tag)
    path = tmp_path / name
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- paper
@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
def test_the_paper_follows_the_contract_locale(locale: str) -> None:
    """A US or Mexican client would get an A4 contract their printer crops, or a
    European one a Letter contract."""
    data = render_contract(_project(), locale)
    [(width, height, left, right)] = _page(data)
    assert (width, height) == (LETTER if locale in LETTER_LOCALES else A4)
    # the text keeps the template's width, centred: tables drawn to it still fit
    assert left == right
    assert width - left - right == STANDARD_TEXT_WIDTH


@pytest.mark.parametrize(("locale", "expected"), [
    ("en_US", "letter"), ("es_MX", "letter"), ("fr_CA", "letter"), ("es_CO", "letter"),
    ("en_PH", "letter"), ("en_GB", "a4"), ("de_CH", "a4"), ("pt_BR", "a4"), ("es_ES", "a4"),
    ("en", "a4"), ("not a locale", "a4"),
])
def test_letter_in_cldrs_letter_territories_only(locale: str, expected: str) -> None:
    assert locale_paper(locale).name == expected


def test_a_chosen_paper_wins_both_ways() -> None:
    """A US consultant writing for a German client (or the other way round)
    could not print on the paper they use."""
    assert _page(render_contract(_project("en_US", "a4")))[0][:2] == A4
    assert _page(render_contract(_project("de_DE", "letter")))[0][:2] == LETTER
    assert _page(render_contract(_project("es_MX", "letter")))[0][:2] == LETTER
    assert _page(render_contract(_project("fr_FR", "a4")))[0][:2] == A4


def test_the_chosen_paper_round_trips_and_automatic_is_not_written(tmp_path: Path) -> None:
    """The choice would be lost on saving, or every saved project would change."""
    path = tmp_path / "letter.slaproj"
    project = _project("de_DE", "letter")
    save_project(project, path)
    assert json.loads(path.read_text(encoding="utf-8"))["branding"]["paper"] == "letter"
    loaded = load_project(path)
    assert loaded.branding.paper == "letter"
    assert loaded == project
    assert _page(render_contract(loaded))[0][:2] == LETTER

    project.branding = Branding(accent_colour="#1F6F8B")
    save_project(project, path)
    assert "paper" not in json.loads(path.read_text(encoding="utf-8"))["branding"]
    assert load_project(path).branding.paper is None

    project.branding = Branding()
    save_project(project, path)
    assert "branding" not in json.loads(path.read_text(encoding="utf-8"))


def test_an_unknown_paper_in_the_file_names_the_field(tmp_path: Path) -> None:
    from wizard.core.project_file import ProjectFileError

    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["branding"] = {"paper": "b5"}
    path = tmp_path / "paper.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    assert "branding.paper" in str(refused.value)


def test_a_custom_template_on_letter_is_set_on_a4_for_germany(tmp_path: Path) -> None:
    """A template restyled in an American Word would print German contracts on Letter."""
    template = _template(tmp_path, "us.docx", LETTER, code="1", margins=1440)
    data = render_contract(_project("de_DE"), template=template)
    [(width, height, left, right)] = _page(data)
    assert (width, height) == A4
    assert width - left - right == LETTER[0] - 2 * 1440  # the text keeps its width
    assert left == right
    # a printer picks its tray by the paper number: it names A4 now
    assert re.search(r'<w:pgSz [^>]*w:code="9"', _parts(data)["word/document.xml"].decode())


def test_a_template_on_another_size_keeps_it_unless_a_paper_is_chosen(tmp_path: Path) -> None:
    """A template set on Legal on purpose would be squeezed onto Letter, or a
    chosen paper ignored."""
    template = _template(tmp_path, "legal.docx", LEGAL)
    assert _page(render_contract(_project("en_US"), template=template))[0][:2] == LEGAL
    assert _page(render_contract(_project("en_US", "letter"), template=template))[0][:2] == LETTER
    assert _page(render_contract(_project("de_DE", "a4"), template=template))[0][:2] == A4


def test_a_landscape_template_stays_landscape(tmp_path: Path) -> None:
    template = _template(tmp_path, "wide.docx", (A4[1], A4[0]))
    assert _page(render_contract(_project("en_US"), template=template))[0][:2] == (
        LETTER[1], LETTER[0])


def test_paper_of_recognises_both_sizes_either_way_up() -> None:
    assert paper_of(*A4) is not None and paper_of(*A4).name == "a4"  # type: ignore[union-attr]
    assert paper_of(11905, 16837) is not None  # A4 rounded another way
    assert paper_of(LETTER[1], LETTER[0]) is not None
    assert paper_of(*LEGAL) is None


# --------------------------------------------------------------------------- language
@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
def test_every_language_tag_is_the_contract_locale(locale: str) -> None:
    """Word would check a German contract's spelling as English and could not
    hyphenate it."""
    tag = locale.replace("_", "-")
    assert language_tag(locale) == tag
    parts = _parts(render_contract(_project(), locale))
    styles = Document(io.BytesIO(render_contract(_project(), locale))).styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/"
                          f"{qn('w:lang')}")
    assert default is not None and default.get(qn("w:val")) == tag
    found = {name: re.findall(r'<w:lang [^>]*?w:val="([^"]*)"', part.decode())
             for name, part in parts.items() if WORD_PARTS.fullmatch(name)}
    assert found["word/styles.xml"]
    assert {value for values in found.values() for value in values} == {tag}
    assert re.search(f'<w:themeFontLang w:val="{tag}"', parts["word/settings.xml"].decode())
    # the template's "already proofread" state would stop Word checking the contract
    assert "w:proofState" not in parts["word/settings.xml"].decode()


def test_runs_and_styles_of_a_custom_template_take_the_contract_language(
        tmp_path: Path) -> None:
    """A template written in an English Word would mark the French contract's
    title and headings as English."""
    template = _template(tmp_path, "tagged.docx", lang="en-GB")
    assert b'w:val="en-GB"' in _parts(template.read_bytes())["word/document.xml"]
    parts = _parts(render_contract(_project("fr_BE"), template=template))
    for name in ("word/document.xml", "word/styles.xml"):
        values = set(re.findall(r'<w:lang [^>]*?w:val="([^"]*)"', parts[name].decode()))
        assert values == {"fr-BE"}, name


# --------------------------------------------------------------------------- settings
@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
def test_hyphenation_where_contracts_are_hyphenated_and_current_word_layout(
        locale: str) -> None:
    """Word would open the contract in compatibility mode, or break German
    compounds in table cells without a hyphen."""
    settings = _settings(render_contract(_project(), locale))
    modes = re.findall(r'<w:compatSetting w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert modes == ["15"]
    hyphenated = locale.split("_")[0] in HYPHENATED_LANGUAGES
    assert ("<w:autoHyphenation/>" in settings) is hyphenated
    assert locale.startswith("en_") is not hyphenated
    if hyphenated:
        assert '<w:consecutiveHyphenLimit w:val="2"/>' in settings
        assert "<w:doNotHyphenateCaps/>" in settings
        # in the order Word's schema requires
        assert (settings.index("<w:defaultTabStop") < settings.index("<w:autoHyphenation")
                < settings.index("<w:consecutiveHyphenLimit")
                < settings.index("<w:doNotHyphenateCaps") < settings.index("<w:compat>"))


def test_e_mail_addresses_and_phone_numbers_are_never_hyphenated() -> None:
    """A hyphen added at a line end would change the address a reader types."""
    document = Document(io.BytesIO(render_contract(_project("de_DE"))))
    contacts = next(t for t in document.tables if t.rows[0].cells[0].text == "Ansprechperson")
    reach = [p for row in contacts.rows[1:] for p in row.cells[2].paragraphs if p.text]
    assert any("@" in p.text for p in reach) and any("+1" in p.text for p in reach)
    for paragraph in reach:
        assert paragraph._p.pPr.find(qn("w:suppressAutoHyphens")) is not None, paragraph.text


# --------------------------------------------------------------------------- properties
def test_the_properties_describe_the_contract() -> None:
    """Word's file properties would show the template's author, dates and language."""
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    data = render_contract(_project(), "de_CH")
    after = datetime.datetime.now(datetime.UTC)
    core = Document(io.BytesIO(data)).core_properties
    for moment in (core.created, core.modified):
        assert before <= moment.replace(tzinfo=datetime.UTC) <= after
    assert core.language == "de-CH"
    assert core.author == core.last_modified_by == "Northwind IT Services LLC"
    assert core.title == "Managed IT Support Service Level Agreement"
    assert core.revision == 1
    assert core.version == "1.0"
    parts = _parts(data)
    assert not any("thumbnail" in name for name in parts)
    xml = parts["docProps/core.xml"].decode()
    for leftover in ("python-docx", "category", "contentStatus", "lastPrinted"):
        assert leftover not in xml
    assert core.identifier == ""  # docxtpl writes the element back, empty


def test_a_custom_templates_own_properties_do_not_reach_the_contract(tmp_path: Path) -> None:
    """A consultant's template would pass its author, category and print date to
    every contract made with it."""
    document = Document(str(standard_template()))
    core = document.core_properties
    core.author = core.last_modified_by = "python-docx"
    core.category = "Templates"
    core.content_status = "Draft"
    core.identifier = "TPL-7"
    core.revision = 42
    core.created = core.modified = core.last_printed = datetime.datetime(2019, 5, 1)
    template = tmp_path / "old.docx"
    document.save(str(template))

    data = render_contract(_project("nl_BE"), template=template)
    core = Document(io.BytesIO(data)).core_properties
    assert core.author == core.last_modified_by == "Northwind IT Services LLC"
    assert core.revision == 1
    assert core.created.year == core.modified.year >= 2026
    assert core.language == "nl-BE"
    xml = _parts(data)["docProps/core.xml"].decode()
    for leftover in ("python-docx", "Templates", "Draft", "TPL-7", "2019", "lastPrinted"):
        assert leftover not in xml


def test_the_standard_template_is_not_in_compatibility_mode() -> None:
    """Opening the exported template in Word would show "Compatibility Mode"."""
    parts = _parts(standard_template().read_bytes())
    settings = parts["word/settings.xml"].decode()
    assert re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings) == ["15"]
    assert "proofState" not in settings
    assert not any("thumbnail" in name or "stylesWithEffects" in name for name in parts)


def test_every_example_renders_in_its_own_language() -> None:
    for path in EXAMPLES:
        project = load_project(path)
        data = render_contract(project)
        tag = project.language.replace("_", "-")
        assert Document(io.BytesIO(data)).core_properties.language == tag, path.name
        assert _page(data)[0][:2] == (LETTER if project.language in LETTER_LOCALES else A4)


# --------------------------------------------------------------------------- as printed
def _pdf_page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match is not None
    return float(match.group(1)), float(match.group(2))


@needs_libreoffice
@pytest.mark.slow
def test_a_word_processor_prints_letter_in_the_us_and_a4_in_germany(tmp_path: Path) -> None:
    """The PDF sent to a client would be on the wrong paper."""
    for locale, points in (("en_US", (612, 792)), ("de_DE", (595.3, 841.9))):
        docx = tmp_path / f"{locale}.docx"
        docx.write_bytes(render_contract(_project(), locale))
        pdf = to_pdf(docx, tmp_path)
        assert _pdf_page_size(pdf) == pytest.approx(points, abs=0.5)
        # the header's reference still meets the right margin: nothing runs off the page
        assert "NW-SLA-2027-014" in pdf_text(pdf, "-l", "1")


HYPHEN_DE = Path("/usr/share/hyphen/hyph_de_DE.dic")


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(not HYPHEN_DE.exists(), reason="no German hyphenation dictionary")
def test_a_word_processor_hyphenates_the_german_contract(tmp_path: Path) -> None:
    """German compounds would leave ragged gaps, or be split without a hyphen."""
    project = load_project(next(p for p in EXAMPLES if "-de" in p.stem))
    docx = tmp_path / "de.docx"
    data = render_contract(project)
    docx.write_bytes(data)
    written = read_contract(data).text
    words = set(re.findall(r"\w+", written))
    # -layout keeps the lines as printed (pdftotext otherwise joins hyphenated words)
    lines = pdf_text(to_pdf(docx, tmp_path), "-layout")
    divided = {head + tail for head, tail in re.findall(r"(\w+)-[ \t]*\n[ \t]*(\w+)", lines)
               if head + tail in words and f"{head}-{tail}" not in written}
    assert divided, "no word was hyphenated"
