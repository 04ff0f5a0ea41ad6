"""A rendered contract as simple HTML, for the live preview.

The preview shows the Word document itself, not a second rendering of the
model: the ``.docx`` produced by :func:`wizard.core.render.render_contract`
is walked paragraph by paragraph and table by table.
"""

from __future__ import annotations

import io
from html import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.table import Table
from docx.text.paragraph import Paragraph


def _paragraph_html(paragraph: Paragraph, numbers: list[int],
                    style_names: dict[str | None, str]) -> tuple[str, str]:
    """``(kind, html)`` for one paragraph: kind is ``bullet`` or ``block``."""
    text = escape(paragraph.text).replace("\n", "<br>").replace("\t", " &nbsp; ")
    # ``paragraph.style`` looks the style up anew each time, and a paragraph
    # without a style of its own makes it scan every style of the document.
    style = style_names.get(paragraph._p.style, style_names[None])
    if style == "Title":
        return "block", f'<p class="title">{text}</p>'
    if style == "Heading 1":
        numbers[0] += 1
        numbers[1] = 0
        return "block", f'<p class="h1">{numbers[0]}.&nbsp;{text}</p>'
    if style == "Heading 2":
        numbers[1] += 1
        return "block", f'<p class="h2">{numbers[0]}.{numbers[1]}&nbsp;{text}</p>'
    if style.startswith("List"):
        return "bullet", f"<li>{text}</li>"
    if not text.strip():
        return "block", ""
    bold = all(run.bold for run in paragraph.runs if run.text.strip())
    return "block", f"<p><b>{text}</b></p>" if bold else f"<p>{text}</p>"


def _table_html(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        tag = "th" if index == 0 and len(table.rows) > 1 else "td"
        cells = "".join(
            f"<{tag}>{escape(cell.text).replace(chr(10), '<br>')}</{tag}>" for cell in row.cells
        )
        rows.append(f"<tr>{cells}</tr>")
    return ('<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            + "".join(rows) + "</table>")


def contract_html(data: bytes) -> str:
    """The body of the contract in ``data`` (a ``.docx``) as HTML."""
    document = Document(io.BytesIO(data))
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    style_names: dict[str | None, str] = {None: default.name if default is not None else ""}
    style_names.update((style.style_id, style.name) for style in document.styles
                       if style.type == WD_STYLE_TYPE.PARAGRAPH)
    parts: list[str] = []
    in_list = False
    numbers = [0, 0]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            kind, html = "block", _table_html(block)
        else:
            kind, html = _paragraph_html(block, numbers, style_names)
        if kind == "bullet" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "bullet" and in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(html)
    if in_list:
        parts.append("</ul>")
    return "".join(parts)
