"""Driving a single wizard page in a test, the way a user would."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from wizard.ui.document import ProjectDocument
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.record_table import RecordTable

PageT = TypeVar("PageT", bound=StepPage)


def open_page(qtbot: QtBot, page_class: type[PageT], document: ProjectDocument) -> PageT:
    """The page, showing ``document`` as it does when the user reaches it."""
    page = page_class(document)
    qtbot.addWidget(page)
    page.reload()
    return page


def activate(qtbot: QtBot, page: StepPage) -> None:
    """Show the page as the active window, so that focus and cell editors work."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace a field's text by typing, as a user selecting it all and typing over."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def edit_cell(qtbot: QtBot, records: RecordTable, row: int, column: int, text: str,
              stored: Any) -> None:
    """Select a cell, press F2, type (or choose, in a list cell) and press
    Enter, then wait until the editor has closed and the item holds ``stored``."""
    table = records.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if isinstance(editor, QComboBox):
        index = editor.findText(text)
        assert index >= 0, f"{text!r} is not offered in column {column}"
        editor.setCurrentIndex(index)
    elif isinstance(editor, QLineEdit | QSpinBox):
        editor.selectAll()
        qtbot.keyClicks(editor, text)
    else:
        raise AssertionError(f"no cell editor opened, focus on {editor!r}")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    qtbot.waitUntil(lambda: records.value_at(row, column) == stored)


def list_titles(records: RecordTable) -> list[str]:
    """The first column's text of every row, as the list shows it."""
    table = records.table
    texts = []
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        assert item is not None
        texts.append(item.text())
    return texts
