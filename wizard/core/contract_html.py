"""A rendered contract as simple HTML, for the live preview.

The preview shows the Word document itself, not a second rendering of the
model: the ``.docx`` produced by :func:`wizard.core.render.render_contract`
is walked paragraph by paragraph and table by table. Its look comes from the
document too: the colour of the title and heading styles, the body font of
``Normal``, the fill of a table style's heading row, and the pictures (the
logo) at their size on the page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from html import escape
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

EMU_PER_PIXEL = 9525
"""At 96 pixels to the inch."""

_DRAWING = qn("w:drawing")
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_EMBED = qn("r:embed")
_VAL = qn("w:val")


@dataclass
class _Look:
    """What the preview takes from the document's styles."""

    style_names: dict[str | None, str]
    colours: dict[str, str] = field(default_factory=dict)
    """Paragraph style name → its text colour ``#RRGGBB`` (inherited included)."""
    body_font: str = ""
    header_fills: dict[str, str] = field(default_factory=dict)
    """Table style id → the fill of its heading row ``#RRGGBB``."""


def _style_look(document: Any) -> _Look:
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    look = _Look({None: default.name if default is not None else ""})
    elements: dict[str, Any] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            look.style_names[style.style_id] = style.name
            elements[style.style_id] = style.element
        elif style.type == WD_STYLE_TYPE.TABLE:
            fill = _first_row_fill(style.element)
            if fill:
                look.header_fills[style.style_id] = fill

    def inherited(style_id: str | None, path: str, attribute: str) -> str:
        seen: set[str] = set()
        while style_id is not None and style_id in elements and style_id not in seen:
            seen.add(style_id)
            element = elements[style_id]
            found = element.find(path)
            if found is not None and found.get(attribute):
                return str(found.get(attribute))
            based = element.find(qn("w:basedOn"))
            style_id = based.get(_VAL) if based is not None else None
        return ""

    for style_id, name in look.style_names.items():
        if style_id is None:
            continue
        colour = inherited(style_id, f"{qn('w:rPr')}/{qn('w:color')}", _VAL)
        if len(colour) == 6 and colour.lower() != "auto":
            look.colours[name] = "#" + colour.upper()
    if default is not None:
        look.body_font = inherited(default.style_id, f"{qn('w:rPr')}/{qn('w:rFonts')}",
                                   qn("w:ascii"))
    return look


def _first_row_fill(element: Any) -> str:
    for conditional in element.iterchildren(qn("w:tblStylePr")):
        if conditional.get(qn("w:type")) == "firstRow":
            shading = conditional.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            fill = shading.get(qn("w:fill")) if shading is not None else None
            if fill and len(fill) == 6 and fill.lower() != "auto":
                return "#" + str(fill).upper()
    return ""


def _coloured(look: _Look, style: str) -> str:
    colour = look.colours.get(style)
    return f' style="color:{colour}"' if colour else ""


def _pictures(paragraph: Paragraph) -> str:
    """The paragraph's pictures as ``<img>`` tags with the image inline."""
    images = []
    part = paragraph.part
    for drawing in paragraph._p.iter(_DRAWING):
        blip = next(drawing.iter(_BLIP), None)
        extent = next(drawing.iter(_EXTENT), None)
        if blip is None or blip.get(_EMBED) not in part.related_parts:
            continue
        image = part.related_parts[blip.get(_EMBED)]
        size = ""
        if extent is not None:
            width = round(int(extent.get("cx", "0")) / EMU_PER_PIXEL)
            height = round(int(extent.get("cy", "0")) / EMU_PER_PIXEL)
            if width > 0 and height > 0:
                size = f' width="{width}" height="{height}"'
        data = base64.b64encode(image.blob).decode("ascii")
        images.append(f'<img src="data:{escape(image.content_type)};base64,{data}"{size}>')
    return "".join(images)


def _paragraph_html(paragraph: Paragraph, numbers: list[int], look: _Look) -> tuple[str, str]:
    """``(kind, html)`` for one paragraph: kind is ``bullet`` or ``block``."""
    text = escape(paragraph.text).replace("\n", "<br>").replace("\t", " &nbsp; ")
    # ``paragraph.style`` looks the style up anew each time, and a paragraph
    # without a style of its own makes it scan every style of the document.
    style = look.style_names.get(paragraph._p.style, look.style_names[None])
    if paragraph._p.find(f".//{_DRAWING}") is not None:
        pictures = _pictures(paragraph)
        if pictures:
            return "block", f"<p>{pictures}{text}</p>"
    if style == "Title":
        return "block", f'<p class="title"{_coloured(look, style)}>{text}</p>'
    if style == "Heading 1":
        numbers[0] += 1
        numbers[1] = 0
        return "block", (f'<p class="h1"{_coloured(look, style)}>'
                         f"{numbers[0]}.&nbsp;{text}</p>")
    if style == "Heading 2":
        numbers[1] += 1
        return "block", (f'<p class="h2"{_coloured(look, style)}>'
                         f"{numbers[0]}.{numbers[1]}&nbsp;{text}</p>")
    if style.startswith("List"):
        return "bullet", f"<li>{text}</li>"
    if not text.strip():
        return "block", ""
    bold = all(run.bold for run in paragraph.runs if run.text.strip())
    return "block", f"<p><b>{text}</b></p>" if bold else f"<p>{text}</p>"


def _table_html(table: Table, look: _Look) -> str:
    style = table._tbl.tblPr.find(qn("w:tblStyle"))
    fill = look.header_fills.get(style.get(_VAL) if style is not None else "", "")
    heading = f' bgcolor="{fill}"' if fill else ""
    rows = []
    for index, row in enumerate(table.rows):
        first = index == 0 and len(table.rows) > 1
        tag, extra = ("th", heading) if first else ("td", "")
        cells = "".join(
            f"<{tag}{extra}>{escape(cell.text).replace(chr(10), '<br>')}</{tag}>"
            for cell in row.cells
        )
        rows.append(f"<tr>{cells}</tr>")
    return ('<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            + "".join(rows) + "</table>")


def contract_html(data: bytes) -> str:
    """The body of the contract in ``data`` (a ``.docx``) as HTML."""
    document = Document(io.BytesIO(data))
    look = _style_look(document)
    parts: list[str] = []
    in_list = False
    numbers = [0, 0]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            kind, html = "block", _table_html(block, look)
        else:
            kind, html = _paragraph_html(block, numbers, look)
        if kind == "bullet" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "bullet" and in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(html)
    if in_list:
        parts.append("</ul>")
    body = "".join(parts)
    if look.body_font:
        font = escape(look.body_font.replace("'", ""))
        return f"<div style=\"font-family:'{font}', sans-serif\">{body}</div>"
    return body
