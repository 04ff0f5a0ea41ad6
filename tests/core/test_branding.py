"""A consultant's logo, accent colour and body font: stored in the project,
refused when unusable, and visible in the contract."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from example_paths import EXAMPLES, US_EXAMPLE
from images import JPEG_8X4, png_bytes
from office import needs_libreoffice, pdf_text, to_pdf

from wizard.core.branding import LogoError, header_fill, logo_size_on_page, read_logo
from wizard.core.checks import Severity, Step, check_project
from wizard.core.contract_html import contract_html
from wizard.core.model import LOGO_MAX_BYTES, Branding, Project
from wizard.core.project_file import ProjectFileError, load_project, save_project
from wizard.core.render import render_contract

ACCENT = "#1F6F8B"
STANDARD_ACCENT = "1F3A5F"


def _logo_file(folder: Path, data: bytes, name: str = "letterhead.png") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _branded(folder: Path, font: str = "DejaVu Sans") -> Project:
    project = load_project(US_EXAMPLE)
    logo = read_logo(_logo_file(folder, png_bytes(600, 200, dpi=150)))
    project.branding = Branding(logo=logo, accent_colour=ACCENT, body_font=font)
    return project


def _style_fonts(document: object, name: str) -> str | None:
    fonts = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")  # type: ignore[attr-defined]
    return None if fonts is None else fonts.get(qn("w:ascii"))


def _header_fill(document: object) -> str:
    style = document.styles["Contract Table"].element  # type: ignore[attr-defined]
    first_row = next(e for e in style.iterchildren(qn("w:tblStylePr"))
                     if e.get(qn("w:type")) == "firstRow")
    return str(first_row.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")))


def test_branding_round_trips_through_save_and_load(tmp_path: Path) -> None:
    """A consultant's logo, colour or font would be lost when the project is saved."""
    project = _branded(tmp_path)
    path = tmp_path / "branded.slaproj"
    save_project(project, path)
    stored = json.loads(path.read_text(encoding="utf-8"))["branding"]
    assert stored["accent_colour"] == ACCENT
    assert stored["body_font"] == "DejaVu Sans"
    assert stored["logo"]["filename"] == "letterhead.png"
    assert stored["logo"]["media_type"] == "image/png"
    assert base64.b64decode(stored["logo"]["data"]) == png_bytes(600, 200, dpi=150)
    loaded = load_project(path)
    assert loaded.branding == project.branding
    assert loaded == project


def test_branded_contract_carries_the_logo_the_colour_and_the_font(tmp_path: Path) -> None:
    """The contract would go out without the consultant's letterhead."""
    document = Document(io.BytesIO(render_contract(_branded(tmp_path))))

    assert len(document.inline_shapes) == 1
    logo = document.inline_shapes[0]
    # 600 × 200 px at 150 dpi is 10.2 cm wide: shrunk to 4 cm, proportions kept
    assert logo.width == Cm(4)
    assert abs(logo.height / logo.width - 200 / 600) < 0.001
    images = [part for part in document.part.package.parts
              if part.partname.startswith("/word/media/")]
    assert [part.blob for part in images] == [png_bytes(600, 200, dpi=150)]
    # the logo comes first, right above the title
    assert document.paragraphs[0]._p.find(".//" + qn("w:drawing")) is not None
    assert document.paragraphs[1].style.name == "Title"

    for name in ("Title", "Heading 1", "Heading 2"):
        assert str(document.styles[name].font.color.rgb) == ACCENT[1:], name
    assert _header_fill(document) == header_fill(ACCENT)
    assert document.styles["Normal"].font.name == "DejaVu Sans"
    for name in ("Title", "Heading 1", "List Bullet", "Header"):
        assert _style_fonts(document, name) == "DejaVu Sans", name


def test_a_project_without_branding_gets_the_standard_contract(tmp_path: Path) -> None:
    """Branding left unset would change the look every existing contract has."""
    project = load_project(US_EXAMPLE)
    assert project.branding.is_default()
    data = render_contract(project)
    document = Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 0
    assert document.paragraphs[0].style.name == "Title"  # no empty logo paragraph
    assert str(document.styles["Heading 1"].font.color.rgb) == STANDARD_ACCENT
    assert document.styles["Normal"].font.name == "Calibri"
    # the styles are the template's own, untouched
    template = Path(__file__).parents[2] / "templates" / "standard.docx"
    with zipfile.ZipFile(template) as original, zipfile.ZipFile(io.BytesIO(data)) as rendered:
        assert rendered.read("word/styles.xml") == original.read("word/styles.xml")


def test_each_part_of_the_branding_applies_on_its_own(tmp_path: Path) -> None:
    """Setting only a colour would also change the font, or drop in an empty logo."""
    project = load_project(US_EXAMPLE)
    project.branding = Branding(accent_colour="#7A1F3D")
    document = Document(io.BytesIO(render_contract(project)))
    assert str(document.styles["Heading 2"].font.color.rgb) == "7A1F3D"
    assert document.styles["Normal"].font.name == "Calibri"
    assert len(document.inline_shapes) == 0

    project.branding = Branding(body_font="Carlito")
    document = Document(io.BytesIO(render_contract(project)))
    assert document.styles["Normal"].font.name == "Carlito"
    assert str(document.styles["Heading 1"].font.color.rgb) == STANDARD_ACCENT


def test_a_jpeg_logo_is_kept_as_jpeg(tmp_path: Path) -> None:
    """A logo saved as JPEG would be refused or garbled."""
    logo = read_logo(_logo_file(tmp_path, JPEG_8X4, "logo.jpg"))
    assert logo.media_type == "image/jpeg"
    project = load_project(US_EXAMPLE)
    project.branding = Branding(logo=logo)
    document = Document(io.BytesIO(render_contract(project)))
    shape = document.inline_shapes[0]
    assert shape.width == round(8 / 72 * 914400)  # its own size: far below 4 cm
    assert abs(shape.height / shape.width - 0.5) < 0.01


@pytest.mark.parametrize(("width", "height", "dpi", "expected_cm"), [
    (2000, 400, 300, (4.0, 0.8)),  # wide: the width limits
    (300, 600, 96, (1.0, 2.0)),  # tall: the height limits
    (64, 32, 96, (64 / 96 * 2.54, 32 / 96 * 2.54)),  # small: its own size
])
def test_the_logo_fits_a_4_by_2_cm_box(width: int, height: int, dpi: int,
                                        expected_cm: tuple[float, float]) -> None:
    """A large logo would fill the first page, or a narrow one be squashed."""
    size = logo_size_on_page(png_bytes(width, height, dpi=dpi))
    assert size.width / 360000 == pytest.approx(expected_cm[0], abs=0.01)
    assert size.height / 360000 == pytest.approx(expected_cm[1], abs=0.01)


def test_an_oversize_logo_is_refused_with_the_limit(tmp_path: Path) -> None:
    """A huge logo would make the project too large to e-mail."""
    big = png_bytes(8, 8) + b"\0" * LOGO_MAX_BYTES
    with pytest.raises(LogoError) as refused:
        read_logo(_logo_file(tmp_path, big, "huge.png"))
    message = str(refused.value)
    assert '"huge.png"' in message
    assert "1 MB" in message


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a picture", b"GIF89a\x01\x00\x01\x00",
                                     b"", b"\x89PNG\r\n\x1a\n truncated"])
def test_a_file_that_is_no_png_or_jpeg_is_refused(tmp_path: Path, content: bytes) -> None:
    """A PDF or GIF taken for a logo would break the contract later."""
    with pytest.raises(LogoError) as refused:
        read_logo(_logo_file(tmp_path, content, "brochure.png"))
    assert '"brochure.png"' in str(refused.value)


def test_an_unreadable_logo_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LogoError) as refused:
        read_logo(tmp_path / "missing.png")
    assert '"missing.png" cannot be read' in str(refused.value)


def _loaded_with_logo(tmp_path: Path, logo: dict[str, str]) -> Project:
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["branding"] = {"logo": logo}
    path = tmp_path / "hand-edited.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_project(path)


@pytest.mark.parametrize("logo", [
    {"media_type": "image/png", "filename": "a.png", "data": "not base64 at all!"},
    {"media_type": "image/png", "filename": "a.png",
     "data": base64.b64encode(b"just some text").decode()},
    {"media_type": "image/png", "filename": "a.jpg", "data": base64.b64encode(JPEG_8X4).decode()},
    {"media_type": "image/png", "filename": "a.png", "data": ""},
    {"media_type": "image/png", "filename": "a.png",
     "data": base64.b64encode(png_bytes(8, 8) + b"\0" * LOGO_MAX_BYTES).decode()},
])
def test_a_damaged_stored_logo_is_an_error_on_the_appearance_step(
        tmp_path: Path, logo: dict[str, str]) -> None:
    """A hand-edited or damaged logo would crash the contract, or lose the whole project."""
    project = _loaded_with_logo(tmp_path, logo)
    problems = [p for p in check_project(project) if p.loc == ("branding", "logo")]
    assert len(problems) == 1
    assert problems[0].severity is Severity.ERROR
    assert problems[0].step is Step.APPEARANCE
    assert "choose" in problems[0].message.lower()
    # the preview still shows the contract, without the logo
    document = Document(io.BytesIO(render_contract(project)))
    assert len(document.inline_shapes) == 0


def test_wrapped_base64_from_a_hand_edit_still_loads(tmp_path: Path) -> None:
    encoded = base64.b64encode(png_bytes(30, 10)).decode()
    wrapped = "\n".join(encoded[i:i + 20] for i in range(0, len(encoded), 20))
    project = _loaded_with_logo(tmp_path, {"media_type": "image/png", "data": wrapped})
    assert project.branding.logo is not None
    assert project.branding.logo.data == encoded
    assert not [p for p in check_project(project) if p.step is Step.APPEARANCE]


def test_a_bad_colour_in_the_file_names_the_field(tmp_path: Path) -> None:
    """A typo in a hand-edited colour would be refused without saying where."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["branding"] = {"accent_colour": "teal"}
    path = tmp_path / "colour.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    assert "branding.accent_colour" in str(refused.value)


def test_a_light_colour_and_a_blank_font_are_warned_about() -> None:
    """Pale yellow headings or a font name of spaces would slip into a contract unnoticed."""
    project = load_project(US_EXAMPLE)
    project.branding = Branding(accent_colour="#FFE680", body_font="   ")
    found = {p.loc: p for p in check_project(project) if p.step is Step.APPEARANCE}
    assert set(found) == {("branding", "accent_colour"), ("branding", "body_font")}
    assert all(p.severity is Severity.WARNING for p in found.values())

    project.branding = Branding(accent_colour=ACCENT, body_font="Carlito")
    assert not [p for p in check_project(project) if p.step is Step.APPEARANCE]


def test_the_preview_shows_the_logo_colour_and_font(tmp_path: Path) -> None:
    """The live preview would not show how the branded contract looks."""
    html = contract_html(render_contract(_branded(tmp_path)))
    assert html.startswith("<div style=\"font-family:'DejaVu Sans', sans-serif\">")
    encoded = base64.b64encode(png_bytes(600, 200, dpi=150)).decode()
    assert f'<img src="data:image/png;base64,{encoded}" width="151" height="50">' in html
    assert f'<p class="h1" style="color:{ACCENT}">1.&nbsp;Purpose and scope</p>' in html
    assert f'<th bgcolor="#{header_fill(ACCENT)}">Term</th>' in html

    standard = contract_html(render_contract(load_project(US_EXAMPLE)))
    assert "<img" not in standard
    assert f'<p class="h1" style="color:#{STANDARD_ACCENT}">' in standard


def test_every_example_renders_branded(tmp_path: Path) -> None:
    """Branding would break a contract in another language."""
    logo = read_logo(_logo_file(tmp_path, png_bytes(300, 100)))
    for path in EXAMPLES:
        project = load_project(path)
        project.branding = Branding(logo=logo, accent_colour=ACCENT, body_font="Carlito")
        document = Document(io.BytesIO(render_contract(project)))
        assert len(document.inline_shapes) == 1, path.name


@needs_libreoffice
@pytest.mark.slow
def test_a_word_processor_shows_the_logo_on_the_first_page(tmp_path: Path) -> None:
    """Word processors would open the branded contract without its logo."""
    docx = tmp_path / "branded.docx"
    docx.write_bytes(render_contract(_branded(tmp_path, font="Carlito")))
    pdf = to_pdf(docx, tmp_path)
    listing = subprocess.run(["pdfimages", "-f", "1", "-l", "1", "-list", str(pdf)],
                             check=True, capture_output=True, text=True).stdout
    # page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
    images = [line.split() for line in listing.splitlines()[2:] if line.split()[2] == "image"]
    assert len(images) == 1
    width, height, ppi = int(images[0][3]), int(images[0][4]), int(images[0][12])
    assert width / height == pytest.approx(3, abs=0.05)
    assert width / ppi * 2.54 == pytest.approx(4.0, abs=0.1)  # 4 cm on the page
    assert "Managed IT Support Service Level Agreement" in pdf_text(pdf, "-l", "1")
