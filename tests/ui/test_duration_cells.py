"""Response and resolution times typed as people say them (4 h, 1 day, 90),
shown in hours and minutes, with "no target" as words, not a value below zero."""

from __future__ import annotations

import pytest
from page_driving import open_page
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from wizard.ui.document import ProjectDocument
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.widgets.duration_column import parse_duration

RESPONSE, RESOLUTION = 2, 3


def type_into_cell(qtbot: QtBot, page: MetricsPage, row: int, column: int, text: str) -> None:
    table = page.levels_table.table
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.sendPostedEvents(table.itemDelegate(), QEvent.Type.MetaCall)


@pytest.mark.parametrize(("typed", "minutes", "shown"), [
    ("4h", 240, "4 hr"), ("4 hours", 240, "4 hr"), ("90", 90, "1 hr 30 min"),
    ("1:30", 90, "1 hr 30 min"), ("1 day", 1440, "24 hr"), ("1.5 h", 90, "1 hr 30 min")])
def test_a_response_time_in_any_unit(qtbot: QtBot, us_document: ProjectDocument, typed: str,
                                     minutes: int, shown: str) -> None:
    """Durations were in minutes only ("1440")."""
    page = open_page(qtbot, MetricsPage, us_document)
    type_into_cell(qtbot, page, 0, RESPONSE, typed)
    assert us_document.project.severity_levels[0].response_minutes == minutes
    item = page.levels_table.table.item(0, RESPONSE)
    assert item is not None and item.text() == shown


def test_no_resolution_target_is_said_in_words(qtbot: QtBot,
                                               us_document: ProjectDocument) -> None:
    """"no target" hid below zero in a spin box."""
    page = open_page(qtbot, MetricsPage, us_document)
    type_into_cell(qtbot, page, 0, RESOLUTION, "")
    assert us_document.project.severity_levels[0].resolution_minutes is None
    item = page.levels_table.table.item(0, RESOLUTION)
    assert item is not None and item.text() == "no target"
    type_into_cell(qtbot, page, 0, RESOLUTION, "8 h")
    assert us_document.project.severity_levels[0].resolution_minutes == 480


def test_a_time_that_is_no_duration_is_said(qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = open_page(qtbot, MetricsPage, us_document)
    before = us_document.project.severity_levels[0].response_minutes
    type_into_cell(qtbot, page, 0, RESPONSE, "soon")
    assert us_document.project.severity_levels[0].response_minutes == before
    assert page._message(("severity_levels",)).messages() == [
        '"soon" is not a duration: type it as 30 min, 4 h or 1 d (a response time is '
        "needed; an empty resolution time is no target)."]


@pytest.mark.parametrize("typed", ["soon", "4 apples", "", "1.25 min"])
def test_what_is_no_duration(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(typed)
