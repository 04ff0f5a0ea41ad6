"""Reading a generated contract back the way a person reads it."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.table import Table


@dataclass
class ContractText:
    """The visible text of a contract, in reading order, and its tables."""

    body: list[str]
    tables: list[list[list[str]]]
    header: str
    footer: str

    @property
    def text(self) -> str:
        return "\n".join([self.header, *self.body, self.footer])

    def headings(self) -> list[str]:
        return [line for line in self.body if line.startswith("#")]


def _table_rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def read_contract(data: bytes) -> ContractText:
    document = Document(io.BytesIO(data))
    body: list[str] = []
    tables: list[list[list[str]]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = _table_rows(block)
            tables.append(rows)
            body.extend(" | ".join(row) for row in rows)
        else:
            style = block.style.name if block.style is not None else ""
            prefix = "# " if style.startswith("Heading") else ""
            body.append(prefix + block.text)
    section = document.sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    return ContractText(body, tables, header, footer)
