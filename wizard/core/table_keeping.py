"""No table row left alone at the top or bottom of a page.

The standard template's tables have one template row that docxtpl repeats,
so how many rows a table has is known only after rendering. Then each table's
heading row is kept with its first row (a heading alone at the foot of a page
is no heading), and its last row with the one before it (a lone row carried to
the next page reads as a separate table): every paragraph of those rows is
kept with the next, the way Word keeps rows together."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.table import Table


def _keep_with_next(row: Any) -> None:
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def keep_rows_together(document: Any) -> None:
    """Apply the rule to every top-level table of a python-docx ``document``
    with at least three rows (a heading and two more)."""
    for element in document.element.body.iterchildren(qn("w:tbl")):
        table = Table(element, document)
        rows = table.rows
        if len(rows) < 3:
            continue
        _keep_with_next(rows[0])
        _keep_with_next(rows[len(rows) - 2])
