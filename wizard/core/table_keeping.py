"""No table row left alone at the top or bottom of a page.

The standard template's tables have one template row that docxtpl repeats,
so how many rows a table has is known only after rendering. Then each table's
heading row is kept with its first row (a heading alone at the foot of a page
is no heading), and its last row with the one before it (a lone row carried to
the next page reads as a separate table): every paragraph of those rows is
kept with the next, the way Word keeps rows together. A short table (a
week's hours, a few tiers: :data:`SHORT_TABLE` rows or fewer) is kept whole
on one page, as a typesetter would.

A table built in code (the monthly report's) is known whole when it is made:
:func:`keep_table_rows_whole` keeps each of its rows on one page and repeats
its heading row on every page it runs onto. python-docx has no API for either
row property, so they are written as Word's own ``w:cantSplit`` and
``w:tblHeader``."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table


def _keep_with_next(row: Any) -> None:
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


SHORT_TABLE = 9
"""The most rows (a heading and the seven days of a week, and one more) of a
table kept whole on one page."""


def keep_rows_together(document: Any) -> None:
    """Apply the rule to every top-level table of a python-docx ``document``
    with at least three rows (a heading and two more)."""
    for element in document.element.body.iterchildren(qn("w:tbl")):
        table = Table(element, document)
        rows = table.rows
        if len(rows) < 3:
            continue
        if len(rows) <= SHORT_TABLE:
            for row in list(rows)[:-1]:
                _keep_with_next(row)
            continue
        _keep_with_next(rows[0])
        _keep_with_next(rows[len(rows) - 2])


def _set_row_property(row: Any, name: str) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(name)) is None:
        properties.append(OxmlElement(name))


def keep_table_rows_whole(table: Table) -> None:
    """No row of ``table`` is split across two pages, and its first row (its
    heading) is repeated at the top of each page the table runs onto."""
    for number, row in enumerate(table.rows):
        _set_row_property(row, "w:cantSplit")
        if number == 0:
            _set_row_property(row, "w:tblHeader")
