"""The live preview shows the words of the contract that Generate writes, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx_reading import ContractText, read_contract
from pytestqt.qtbot import QtBot

from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.ui.main_window import MainWindow
from wizard.ui.preview import preview_locale

HEADING_NUMBER = re.compile(r"\d+\.(?:\d+)? ")
"""What the preview puts before a heading: ``1. `` or ``4.2 ``."""


@dataclass(frozen=True)
class Expected:
    """One thing the preview must show: the lines of a paragraph or of a
    table cell (consecutive in the preview), and whether it is a heading."""

    lines: tuple[str, ...]
    heading: bool = False
    where: str = ""


def _normalise(text: str) -> str:
    """Whitespace as a reader sees it: tabs, no-break and repeated spaces are one space."""
    return " ".join(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in (_normalise(part) for part in text.split("\n")) if line)


def expected_items(contract: ContractText) -> list[Expected]:
    """Every non-empty paragraph of the contract body and every table cell, in
    reading order. ``read_contract`` lists a table's rows in the body joined by
    `` | ``; they are recognised (the tables come in order) and replaced by
    their cells."""
    items: list[Expected] = []
    tables = iter(contract.tables)
    table = next(tables, None)
    body = contract.body
    index = 0
    while index < len(body):
        line = body[index]
        rows = [" | ".join(row) for row in table] if table else []
        if table is not None and body[index:index + len(rows)] == rows:
            for row_number, row in enumerate(table):
                for column, cell in enumerate(row):
                    if lines := _lines(cell):
                        items.append(Expected(lines, where=f"table cell {row_number},{column}"))
            index += len(rows)
            table = next(tables, None)
            continue
        if line.startswith("# "):
            items.append(Expected(_lines(line[2:]), heading=True, where="heading"))
        elif lines := _lines(line):
            items.append(Expected(lines, where="paragraph"))
        index += 1
    assert table is None, "a table of the contract was not found in its body"
    return items


def _matches(item: Expected, preview: list[str], start: int) -> bool:
    if start + len(item.lines) > len(preview):
        return False
    for offset, want in enumerate(item.lines):
        shown = preview[start + offset]
        if item.heading and offset == 0:
            number = HEADING_NUMBER.match(shown)
            if number is None:
                return False
            shown = shown[number.end():]
        if shown != want:
            return False
    return True


def missing_from_preview(contract: ContractText, preview_text: str) -> list[str]:
    """What of the contract the preview does not show in the contract's order
    (empty when it shows everything). Each item must fill whole lines of the
    preview, after the lines of the item before it; a heading's line starts
    with its number."""
    preview = [line for line in (_normalise(p) for p in preview_text.split("\n")) if line]
    position = 0
    missing = []
    for item in expected_items(contract):
        found = next((i for i in range(position, len(preview))
                      if _matches(item, preview, i)), None)
        if found is None:
            missing.append(f"{item.where}: {' / '.join(item.lines)}")
        else:
            position = found + len(item.lines)
    return missing


def _preview_text(window: MainWindow, qtbot: QtBot) -> str:
    with qtbot.waitSignal(window.preview.refreshed, timeout=20000):
        window.preview.refresh_now()
    window.preview.wait_idle()
    return window.preview.view.toPlainText()


def test_preview_shows_the_contract_paragraph_by_paragraph(
        window: MainWindow, qtbot: QtBot, example_path: Path) -> None:
    """The preview would leave out, reorder or change words that the generated contract has."""
    assert window.open_path(example_path)
    shown = _preview_text(window, qtbot)
    project = load_project(example_path)
    locale = preview_locale(project)
    supported = project.language in SUPPORTED_LOCALES
    assert locale == (project.language if supported else "en_GB")
    contract = read_contract(render_contract(project, locale))

    assert len(expected_items(contract)) > 50
    assert missing_from_preview(contract, shown) == []
    note = window.preview.note.text()
    assert "could not be updated" not in note
    assert ("the preview is in English" in note) is not supported


def test_the_comparison_catches_a_dropped_or_reordered_paragraph(us_example: Path) -> None:
    """A preview that lost or swapped paragraphs would pass the check above unnoticed."""
    project = load_project(us_example)
    contract = read_contract(render_contract(project, preview_locale(project)))
    faithful = []
    number = 0
    for item in expected_items(contract):
        if item.heading:
            number += 1
            faithful.append(f"{number}.\u00a0{item.lines[0]}")
            faithful.extend(item.lines[1:])
        else:
            faithful.extend(item.lines)
    assert missing_from_preview(contract, "\n".join(faithful)) == []

    purpose = contract.body.index("# Purpose and scope") + 1
    paragraph = _normalise(contract.body[purpose])
    position = faithful.index(paragraph)
    dropped = faithful[:position] + faithful[position + 1:]
    assert missing_from_preview(contract, "\n".join(dropped)) == [f"paragraph: {paragraph}"]

    swapped = list(faithful)
    swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
    assert missing_from_preview(contract, "\n".join(swapped))

    cell = faithful.index("Luis Ortega")
    without_cell = faithful[:cell] + faithful[cell + 1:]
    assert missing_from_preview(contract, "\n".join(without_cell))

    unnumbered = [re.sub(r"^\d+\.\u00a0", "", line) for line in faithful]
    assert missing_from_preview(contract, "\n".join(unnumbered))

    changed = [line.replace("January 1, 2027", "January 2, 2027") for line in faithful]
    assert missing_from_preview(contract, "\n".join(changed))
