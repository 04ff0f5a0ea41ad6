"""The consultant's look on the contract: a logo, an accent colour, a body font.

A logo is read from a PNG or JPEG file (refused above :data:`LOGO_MAX_BYTES`,
when the file is no such image, or when it is not whole: see
:mod:`wizard.core.image_check`) and kept inside the project in base64, so
that the project stays one portable file. :func:`logo_problem` says what is
wrong with a stored logo (a damaged or hand-edited file), for the checks.

:func:`apply_branding` restyles a loaded template before it is rendered: the
accent colour goes onto the title and heading styles and onto the heading row
of the ``Contract Table`` table style; the body font onto ``Normal`` and the
styles that repeat its font. The template never holds the logo itself: the
context gets a random text token as ``branding.logo``, and after the render
:func:`place_logo` puts the picture wherever the template printed that token
(``{{ branding.logo }}``). A project without branding leaves the template
untouched.

Nothing here loads docxtpl or python-docx until a contract is rendered or an
image measured, so that the window can show the logo's name and its problems
without them.
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.units import format_unit

from wizard.core.image_check import (
    JPEG_SIGNATURE,
    MAX_PIXELS,
    PNG_SIGNATURE,
    DamagedImageError,
    TooManyPixelsError,
    verify_image,
)
from wizard.core.model import LOGO_MAX_BYTES, Branding, Logo
from wizard.i18n import _, language

LOGO_FILE_PATTERNS = ("*.png", "*.jpg", "*.jpeg")

EMU_PER_CM = 360000
LOGO_MAX_WIDTH_EMU = 4 * EMU_PER_CM
LOGO_MAX_HEIGHT_EMU = 2 * EMU_PER_CM
"""The box the logo is fitted into on the contract (4 cm × 2 cm); a smaller
image keeps its own size."""

HEADING_STYLES = frozenset({"Title", "Subtitle", *(f"Heading {n}" for n in range(1, 10))})
"""The paragraph styles the accent colour is given to (as python-docx names them)."""
TABLE_STYLE = "Contract Table"
"""The table style whose heading row the accent colour tints."""
HEADER_TINT = 0.15
"""How much of the accent colour the heading row's fill has (the rest is white)."""
MIN_CONTRAST = 3.0
"""The least contrast with white paper that headings need to read well (WCAG's
figure for large text)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_FONT_ATTRIBUTES = ("ascii", "hAnsi", "eastAsia", "cs")


class LogoError(ValueError):
    """A logo that cannot be used; the message says why, in the user's language."""


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


# --------------------------------------------------------------------------- the logo
def media_type_of(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` by the file's first bytes, else ``None``."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(JPEG_SIGNATURE):
        return "image/jpeg"
    return None


def file_size_text(size: int) -> str:
    """``size`` bytes as a person reads it, in the interface language (``1.4 MB``)."""
    if size >= 1024 * 1024:
        value, unit = round(size / (1024 * 1024), 1), "digital-megabyte"
    else:
        value, unit = max(1, round(size / 1024)), "digital-kilobyte"
    try:
        return format_unit(value, unit, length="short", locale=language())
    except (ValueError, LookupError):
        return format_unit(value, unit, length="short", locale="en")


def _too_big(name: str, size: int) -> str:
    return _('"{file}" is {size}; a logo may be at most {limit}. Save it smaller (a few '
             "hundred pixels wide is plenty) and choose it again.").format(
        file=name, size=file_size_text(size), limit=file_size_text(LOGO_MAX_BYTES))


def _not_an_image(name: str) -> str:
    return _('"{file}" is not a PNG or JPEG image. Save the logo as PNG or JPEG and '
             "choose it again.").format(file=name)


def _too_many_pixels(name: str, error: TooManyPixelsError) -> str:
    return _('"{file}" is {width} × {height} pixels; a logo may have at most {limit} million '
             "pixels. Save it smaller (a few hundred pixels wide is plenty) and choose it "
             "again.").format(file=name, width=error.width, height=error.height,
                              limit=MAX_PIXELS // 1_000_000)


def read_logo(path: Path) -> Logo:
    """The logo in the PNG or JPEG file ``path``, ready to store in a project.

    Raises :class:`LogoError` for a file that cannot be read (or is no
    regular file), is larger than :data:`LOGO_MAX_BYTES`, is not a PNG or
    JPEG image, or is not a whole one (:func:`~wizard.core.image_check.verify_image`
    reads it to its end)."""
    from wizard.core.safe_read import FileReadError, ReadProblem, read_regular_file

    try:
        data = read_regular_file(path, LOGO_MAX_BYTES, _("The logo"))
    except FileReadError as exc:
        if exc.problem is ReadProblem.TOO_LARGE:
            raise LogoError(_too_big(path.name, _file_size(path))) from None
        raise LogoError(str(exc)) from None
    except OSError as exc:
        raise LogoError(_('"{file}" cannot be read: {reason}.').format(
            file=path.name, reason=exc.strerror or exc)) from None
    media_type = media_type_of(data)
    if media_type is None:
        raise LogoError(_not_an_image(path.name))
    try:
        verify_image(data)
        logo_pixel_size(data)
    except TooManyPixelsError as exc:
        raise LogoError(_too_many_pixels(path.name, exc)) from None
    except (DamagedImageError, LogoError):
        raise LogoError(_('"{file}" is damaged: it cannot be read as an image.').format(
            file=path.name)) from None
    return Logo(media_type=media_type, filename=path.name,
                data=base64.b64encode(data).decode("ascii"))


def logo_bytes(logo: Logo) -> bytes:
    """The image file stored in ``logo``; :class:`LogoError` when it is damaged,
    too large or no PNG or JPEG image of the type it claims."""
    name = logo.filename or _("the logo")
    try:
        data = base64.b64decode(logo.data, validate=True)
    except (binascii.Error, ValueError):
        raise LogoError(_('The logo "{file}" stored in this project is damaged. Choose the '
                          "image again, or remove it.").format(file=name)) from None
    if not data:
        raise LogoError(_("The logo stored in this project is empty. Choose the image again, "
                          "or remove it."))
    if len(data) > LOGO_MAX_BYTES:
        raise LogoError(_too_big(name, len(data)))
    if media_type_of(data) != logo.media_type:
        raise LogoError(_('The logo "{file}" stored in this project is not the image it '
                          "claims to be. Choose the image again, or remove it.").format(
            file=name))
    try:
        verify_image(data)  # to its end: a file cut short has a whole header
    except TooManyPixelsError as exc:
        raise LogoError(_too_many_pixels(name, exc)) from None
    except DamagedImageError:
        raise LogoError(_('The logo "{file}" stored in this project is damaged. Choose the '
                          "image again, or remove it.").format(file=name)) from None
    return data


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return LOGO_MAX_BYTES + 1


def logo_problem(logo: Logo) -> str | None:
    """What is wrong with a stored logo, or ``None`` when it can be used."""
    try:
        logo_bytes(logo)
    except LogoError as error:
        return str(error)
    return None


def logo_pixel_size(data: bytes) -> tuple[int, int]:
    """The image's width and height in pixels (python-docx reads the header)."""
    return _image(data)[:2]


def _image(data: bytes) -> tuple[int, int, int, int]:
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
        width, height = int(image.px_width), int(image.px_height)
        dpi_x, dpi_y = int(image.horz_dpi or 72), int(image.vert_dpi or 72)
    except Exception as exc:  # the header parsers raise whatever a damaged file makes them
        raise LogoError(str(exc) or type(exc).__name__) from None
    if width <= 0 or height <= 0:
        raise LogoError("no size")
    return width, height, dpi_x, dpi_y


@dataclass(frozen=True)
class LogoSize:
    """The logo's size on the page, in EMU (360,000 to the centimetre)."""

    width: int
    height: int


def logo_size_on_page(data: bytes) -> LogoSize:
    """The image at its own size (pixels at its resolution), shrunk to fit
    :data:`LOGO_MAX_WIDTH_EMU` × :data:`LOGO_MAX_HEIGHT_EMU`, its proportions kept."""
    width_px, height_px, dpi_x, dpi_y = _image(data)
    width = width_px * 914400 / max(dpi_x, 1)
    height = height_px * 914400 / max(dpi_y, 1)
    scale = min(1.0, LOGO_MAX_WIDTH_EMU / width, LOGO_MAX_HEIGHT_EMU / height)
    return LogoSize(max(1, round(width * scale)), max(1, round(height * scale)))


# --------------------------------------------------------------------------- colours
def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of ``#RRGGBB`` against white (1 to 21)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def header_fill(colour: str) -> str:
    """The pale tint of ``colour`` that fills a table's heading row (``RRGGBB``)."""
    return "".join(f"{round(255 - (255 - c) * HEADER_TINT):02X}" for c in _rgb(colour))


def font_name(branding: Branding) -> str:
    """The body font asked for, cleaned of what a font name cannot hold; empty
    for the template's own font."""
    return "".join(ch for ch in branding.body_font if ch.isprintable()).strip()


# --------------------------------------------------------------------------- the template
LOGO_TOKEN_PREFIX = "SLAWIZARDLOGO"
"""How the logo's token starts (letters and digits only, which escaping,
``{_{`` guarding and docxtpl's own rewriting all leave alone)."""


@dataclass(frozen=True)
class PendingLogo:
    """A logo waiting to be placed: the token the template printed for it,
    the image and its size on the page."""

    token: str
    data: bytes
    size: LogoSize


def apply_branding(template: Any, branding: Branding, context: dict[str, Any],
                   ) -> PendingLogo | None:
    """Restyle ``template`` (a :class:`docxtpl.DocxTemplate` not yet rendered)
    for ``branding``; when it has a logo, put a new random token into
    ``context["branding"]["logo"]`` and return what :func:`place_logo` needs
    after the render.

    A stored logo that cannot be used is left out (the checks report it and
    stop the contract); the preview still shows the rest."""
    if branding.is_default():
        return None
    template.init_docx()
    restyle_document(template.docx, branding)
    logo = usable_logo(branding)
    if logo is None:
        return None
    data, size = logo
    import secrets

    pending = PendingLogo(LOGO_TOKEN_PREFIX + secrets.token_hex(16), data, size)
    context.setdefault("branding", {})["logo"] = pending.token
    return pending


def restyle_document(document: Any, branding: Branding) -> None:
    """The accent colour and body font of ``branding`` on the styles of
    ``document`` (a python-docx ``Document``: a template's, or the monthly
    report's)."""
    styles = document.styles.element
    if branding.accent_colour:
        _apply_accent(styles, branding.accent_colour)
    font = font_name(branding)
    if font:
        _apply_font(styles, font)


def usable_logo(branding: Branding) -> tuple[bytes, LogoSize] | None:
    """The logo's image and its size on the page; ``None`` without a logo or
    when the stored one cannot be used (the checks report that)."""
    if branding.logo is None:
        return None
    try:
        data = logo_bytes(branding.logo)
        return data, logo_size_on_page(data)
    except LogoError:
        return None


_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_STORY_RELATIONSHIPS = (_RELATIONSHIP + "header", _RELATIONSHIP + "footer")
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def place_logo(template: Any, logo: PendingLogo) -> int:
    """Put the picture wherever the rendered ``template`` (a
    :class:`docxtpl.DocxTemplate`) says ``logo.token``: in the body, the
    headers and the footers, in the run that holds it, at the logo's size.
    The token is removed from anywhere else (footnotes, document
    properties). Returns how many pictures were placed."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    document = template.docx
    main = document.part
    parts = [main, *(rel.target_part for rel in main.rels.values()
                     if rel.reltype in _STORY_RELATIONSHIPS and not rel.is_external)]
    ids = (str(shape.get("id", "")) for part in parts for shape in part.element.iter(_DOC_PR))
    next_id = 1 + max((int(id_) for id_ in ids if id_.isdigit()), default=0)
    placed = 0
    for part in parts:
        texts = [t for t in part.element.iter(_w("t")) if logo.token in (t.text or "")]
        if not texts:
            continue
        image = document.part.package.get_or_add_image_part(io.BytesIO(logo.data))
        rid = part.relate_to(image, RELATIONSHIP_TYPE.IMAGE)
        for text in texts:
            pieces = (text.text or "").split(logo.token)
            replacement = []
            for index, piece in enumerate(pieces):
                if index:
                    drawing = OxmlElement("w:drawing")
                    drawing.append(CT_Inline.new_pic_inline(
                        next_id, rid, image.filename, Emu(logo.size.width),
                        Emu(logo.size.height)))
                    next_id += 1
                    placed += 1
                    replacement.append(drawing)
                if piece:
                    run_text = OxmlElement("w:t")
                    run_text.text = piece
                    run_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    replacement.append(run_text)
            for element in replacement:
                text.addprevious(element)
            text.getparent().remove(text)
    for part in main.package.iter_parts():
        blob = getattr(part, "_blob", None)
        if (str(part.content_type).endswith("+xml") and isinstance(blob, bytes)
                and logo.token.encode() in blob):  # footnotes, kept as text by docxtpl
            part._blob = blob.replace(logo.token.encode(), b"")
    properties = document.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        value = getattr(properties, name) or ""
        if logo.token in value:
            setattr(properties, name, value.replace(logo.token, ""))
    return placed


def _styles_of_type(styles: Any, kind: str) -> Iterator[Any]:
    for style in styles.iterchildren(_w("style")):
        if style.get(_w("type")) == kind:
            yield style


def _style_name(style: Any) -> str:
    name = style.find(_w("name"))
    value = name.get(_w("val"), "") if name is not None else ""
    # Word stores the built-in headings as "heading 1"; python-docx shows "Heading 1"
    return str(value[:1].upper() + value[1:]) if value.startswith("heading ") else str(value)


def _child(parent: Any, name: str, before: tuple[str, ...] = ()) -> Any:
    """``parent``'s child ``name``, made when missing (placed before the first
    of ``before`` present, as the schema orders them)."""
    from docx.oxml import OxmlElement

    element = parent.find(_w(name))
    if element is None:
        element = OxmlElement(f"w:{name}")
        following = next((parent.find(_w(tag)) for tag in before
                          if parent.find(_w(tag)) is not None), None)
        if following is not None:
            following.addprevious(element)
        else:
            parent.append(element)
    return element


_STYLE_AFTER_RPR = ("tblPr", "trPr", "tcPr", "tblStylePr")
_RPR_AFTER_FONTS = ("b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
                    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
                    "vanish", "webHidden", "color", "spacing", "w", "kern", "position",
                    "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
                    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
                    "oMath")
_RPR_AFTER_COLOR = _RPR_AFTER_FONTS[_RPR_AFTER_FONTS.index("color") + 1:]


def _apply_accent(styles: Any, colour: str) -> None:
    value = colour.lstrip("#").upper()
    for style in _styles_of_type(styles, "paragraph"):
        if _style_name(style) in HEADING_STYLES:
            rpr = _child(style, "rPr", _STYLE_AFTER_RPR)
            color = _child(rpr, "color", _RPR_AFTER_COLOR)
            for attribute in ("themeColor", "themeShade", "themeTint"):
                color.attrib.pop(_w(attribute), None)
            color.set(_w("val"), value)
    fill = header_fill(colour)
    for style in _styles_of_type(styles, "table"):
        if _style_name(style) != TABLE_STYLE:
            continue
        for conditional in style.iterchildren(_w("tblStylePr")):
            if conditional.get(_w("type")) != "firstRow":
                continue
            tcpr = _child(conditional, "tcPr")
            shading = _child(tcpr, "shd", ("noWrap", "tcMar", "textDirection", "tcFitText",
                                           "vAlign", "hideMark"))
            for attribute in ("themeFill", "themeFillShade", "themeFillTint"):
                shading.attrib.pop(_w(attribute), None)
            shading.set(_w("val"), shading.get(_w("val"), "clear"))
            shading.set(_w("fill"), fill)


def _apply_font(styles: Any, font: str) -> None:
    """``font`` for Normal, and for every style (paragraph, character or table)
    that names Normal's own font: in the standard template those are the
    title, headings, lists, header and footer, which repeat it. A font chosen
    on purpose for another style of a custom template is left alone."""
    normal = next((style for style in _styles_of_type(styles, "paragraph")
                   if style.get(_w("default")) in ("1", "true", "on")), None)
    if normal is None:
        return
    normal_fonts = normal.find(f"{_w('rPr')}/{_w('rFonts')}")
    template_font = normal_fonts.get(_w("ascii")) if normal_fonts is not None else None
    _set_fonts(normal, font)
    if not template_font:
        return
    for style in styles.iterchildren(_w("style")):
        if style is normal:
            continue
        fonts = style.find(f"{_w('rPr')}/{_w('rFonts')}")
        if fonts is not None and template_font in (fonts.get(_w("ascii")),
                                                   fonts.get(_w("hAnsi"))):
            _set_fonts(style, font)


def _set_fonts(style: Any, font: str) -> None:
    rpr = _child(style, "rPr", _STYLE_AFTER_RPR)
    fonts = _child(rpr, "rFonts", _RPR_AFTER_FONTS)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(_w(attribute), None)
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(_w(attribute), font)
