"""Tables edit like a spreadsheet: Tab and Shift+Tab go on to the next and
previous cell while editing and leave the table at its ends (never wrapping
round to overwrite the first row), Enter commits and goes down a row, Esc
cancels, typing on a cell starts editing it, and a rebuild of the rows while
a cell is being edited keeps what was typed."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from wizard.ui.widgets.record_table import Column, RecordTable


@dataclass
class Person:
    name: str = ""
    role: str = ""
    level: int = 1


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, RecordTable, QLineEdit, list[Person]]:
    """A table of two people between two fields, shown and active."""
    window = QWidget()
    before = QLineEdit()
    records = RecordTable([Column("Name", "name"), Column("Role", "role"),
                           Column("Level", "level", kind="int", minimum=1, maximum=3)],
                          Person, "person")
    after = QLineEdit()
    layout = QVBoxLayout(window)
    for widget in (before, records, after):
        layout.addWidget(widget)
    people = [Person("Ann", "Lead", 1), Person("Ben", "Engineer", 2)]
    records.set_items(people)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, records, after, people


def editor() -> QLineEdit:
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit), widget
    return widget


def open_cell(qtbot: QtBot, records: RecordTable, row: int, column: int,
              text: str | None = None) -> None:
    """Select a cell, press F2 and, with ``text``, type it over the cell's text."""
    table = records.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    if text is not None:
        editor().selectAll()
        qtbot.keyClicks(editor(), text)


def settle(records: RecordTable) -> None:
    QApplication.sendPostedEvents(records.table.itemDelegate(), QEvent.Type.MetaCall)
    QApplication.processEvents()


def test_tab_goes_on_cell_by_cell_and_leaves_at_the_end(
        qtbot: QtBot, form: tuple[QWidget, RecordTable, QLineEdit, list[Person]]) -> None:
    _window, records, _after, people = form
    table = records.table
    open_cell(qtbot, records, 1, 0, "Bea")
    qtbot.keyClick(editor(), Qt.Key.Key_Tab)
    settle(records)
    assert people[1].name == "Bea"
    assert (table.currentRow(), table.currentColumn()) == (1, 1)
    assert table.state() == QAbstractItemView.State.EditingState  # the next cell is open
    editor().selectAll()
    qtbot.keyClicks(editor(), "Architect")
    qtbot.keyClick(editor(), Qt.Key.Key_Tab)
    settle(records)
    assert people[1].role == "Architect"
    assert (table.currentRow(), table.currentColumn()) == (1, 2)
    # the last cell of the table: Tab commits and goes on to the next field,
    # it does not wrap round to the first row
    spin = QApplication.focusWidget()
    assert spin is not None and spin.parent() is not None
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    settle(records)
    assert QApplication.focusWidget() is records.add_button  # the table's own buttons next
    assert people[0] == Person("Ann", "Lead", 1)


def test_shift_tab_goes_back_across_rows(
        qtbot: QtBot, form: tuple[QWidget, RecordTable, QLineEdit, list[Person]]) -> None:
    _window, records, _after, people = form
    table = records.table
    open_cell(qtbot, records, 1, 0)
    qtbot.keyClick(editor(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    settle(records)
    assert (table.currentRow(), table.currentColumn()) == (0, 2)  # Ann's level
    assert people[1].name == "Ben"


def test_enter_commits_and_goes_down_escape_cancels(
        qtbot: QtBot, form: tuple[QWidget, RecordTable, QLineEdit, list[Person]]) -> None:
    _window, records, _after, people = form
    table = records.table
    open_cell(qtbot, records, 0, 1, "Director")
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    settle(records)
    assert people[0].role == "Director"
    assert (table.currentRow(), table.currentColumn()) == (1, 1)
    assert table.state() != QAbstractItemView.State.EditingState

    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor().selectAll()
    qtbot.keyClicks(editor(), "Intern")
    qtbot.keyClick(editor(), Qt.Key.Key_Escape)
    settle(records)
    assert people[1].role == "Engineer"
    assert table.item(1, 1).text() == "Engineer"
    # Enter on the last row stays there
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    settle(records)
    assert table.currentRow() == 1


def test_typing_on_a_cell_starts_editing_it(
        qtbot: QtBot, form: tuple[QWidget, RecordTable, QLineEdit, list[Person]]) -> None:
    _window, records, _after, people = form
    table = records.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClicks(table, "Z")
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClicks(editor(), "oe")
    qtbot.keyClick(editor(), Qt.Key.Key_Return)
    settle(records)
    assert people[0].name == "Zoe"


def test_rows_rebuilt_under_an_open_editor_keep_what_was_typed(
        qtbot: QtBot, form: tuple[QWidget, RecordTable, QLineEdit, list[Person]]) -> None:
    _window, records, _after, people = form
    table = records.table
    open_cell(qtbot, records, 1, 1, "Tester")
    records.set_items(people)  # a refresh from elsewhere while the cell is open
    assert people[1].role == "Tester"
    assert table.item(1, 1).text() == "Tester"
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.currentRow() == 1
