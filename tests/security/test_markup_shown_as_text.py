"""Text a user typed, or a file holds, is shown as written: ``<b>``, ``<img>``
and ``<a>`` in a project came out bold, as a picture and as a link in the
review summary, the severity sentence and the escalation path; a file name
with a tag did the same in message boxes and tooltips."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from images import png_bytes
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from wizard.core.model import Logo
from wizard.core.project_file import load_project
from wizard.settings import Settings
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.appearance import AppearancePage
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.review import ReviewPage
from wizard.ui.pages.services import ServicesPage
from wizard.ui.pages.stakeholders import StakeholdersPage
from wizard.ui.plain_text import literal
from wizard.ui.widgets.record_table import RecordTable

MARKUP = '<b>x</b><img src="file:///etc/hostname"><a href="https://evil.example/">y</a>'


def displayed(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt puts on screen for ``text`` in a label of ``text_format`` (message
    boxes and tooltips use AutoText): the text itself, or what is left of it
    once read as rich text."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_on(label: QLabel) -> str:
    return displayed(label.text(), label.textFormat())


def assert_shown_as_written(label: QLabel) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in shown_on(label), shown_on(label)


@pytest.fixture
def document() -> ProjectDocument:
    return ProjectDocument(load_project(US_EXAMPLE), US_EXAMPLE)


def open_page(qtbot: QtBot, page_class: type[StepPage], document: ProjectDocument) -> StepPage:
    page = page_class(document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def type_into_cell(qtbot: QtBot, records: RecordTable, row: int, column: int,
                   text: str) -> None:
    """Select a cell, press F2, type and press Enter, as a user does."""
    table = records.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.sendPostedEvents(table.itemDelegate(), QEvent.Type.MetaCall)


def test_the_review_summary_shows_a_typed_title_as_written(
        qtbot: QtBot, document: ProjectDocument) -> None:
    basics = open_page(qtbot, BasicsPage, document)
    assert isinstance(basics, BasicsPage)
    type_into(qtbot, basics.title_edit, MARKUP)
    assert document.project.agreement.title == MARKUP
    review = open_page(qtbot, ReviewPage, document)
    assert isinstance(review, ReviewPage)
    item = review.summary.itemAt(0, QFormLayout.ItemRole.FieldRole)
    assert item is not None and isinstance(item.widget(), QLabel)
    assert_shown_as_written(item.widget())
    for label in (review.status, review.pdf_status, review.language_note):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_severity_sentence_shows_a_typed_name_as_written(
        qtbot: QtBot, document: ProjectDocument) -> None:
    page = open_page(qtbot, MetricsPage, document)
    assert isinstance(page, MetricsPage)
    type_into_cell(qtbot, page.levels_table, 0, 1, MARKUP)
    assert document.project.severity_levels[0].name == MARKUP
    assert_shown_as_written(page.level_label)
    assert page.downtime_label.textFormat() == Qt.TextFormat.PlainText
    cell = page.levels_table.table.item(0, 1)
    assert cell is not None and displayed(cell.toolTip()) == MARKUP  # its tooltip too


def test_the_escalation_path_shows_a_typed_name_as_written(
        qtbot: QtBot, document: ProjectDocument) -> None:
    page = open_page(qtbot, StakeholdersPage, document)
    assert isinstance(page, StakeholdersPage)
    row = next(i for i, c in enumerate(document.project.contacts) if c.escalation_level > 0)
    page.contacts.select_row(row)
    page.name_edit.setFocus()
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, MARKUP)
    assert document.project.contacts[row].name == MARKUP
    assert_shown_as_written(page.path_label)
    cell = page.contacts.table.item(row, 0)  # the contact's line in the list
    assert cell is not None and cell.text().startswith(MARKUP)
    assert displayed(cell.toolTip()).startswith(MARKUP)


def test_a_logo_file_name_is_shown_as_written(qtbot: QtBot, document: ProjectDocument) -> None:
    document.project.branding.logo = Logo(
        media_type="image/png", filename=MARKUP + ".png",
        data=base64.b64encode(png_bytes(40, 20)).decode("ascii"))
    page = open_page(qtbot, AppearancePage, document)
    assert isinstance(page, AppearancePage)
    assert_shown_as_written(page.logo_name)


def test_a_file_name_in_a_message_box_is_shown_as_written(
        qtbot: QtBot, tmp_path: Path, shown: list[str]) -> None:
    """A project that cannot be opened, named with markup: the message names
    it as it is named."""
    path = tmp_path / f"{MARKUP.replace('/', '_')}.slaproj"
    path.write_text("{ not a project", encoding="utf-8")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert not window.open_path(path)
    assert len(shown) == 1
    assert path.name in displayed(shown[0])
    assert displayed(shown[0]).startswith(f'"{path.name}"')


@pytest.mark.parametrize("text", [
    MARKUP, "Level 1: " + MARKUP, "a & b &lt; c", "line one\n<b>line two</b>", "plain text",
    "&lt;b&gt; typed as entities",
])
def test_literal_text_reads_as_written_where_qt_guesses(text: str) -> None:
    assert displayed(literal(text)) == text
    if not GuiQt.mightBeRichText(text):
        assert literal(text) == text  # plain text is passed on untouched


def test_a_number_too_long_for_a_project_is_refused_as_it_is_typed(
        qtbot: QtBot, document: ProjectDocument) -> None:
    """A 13-digit fee typed in the window would be stored, and the project
    saved with it could not be opened again: the field says how long a number
    may be and the project keeps its last good value."""
    page = open_page(qtbot, ServicesPage, document)
    assert isinstance(page, ServicesPage)
    type_into(qtbot, page.fee_edit, "1" * 13)
    assert str(document.project.services[0].monthly_fee) == "1" * 12  # the 12th key's value
    assert page.fee_message.isVisible()
    assert ("at most 12 digits before the decimal point and 8 after it"
            in shown_on(page.fee_message))
    type_into(qtbot, page.fee_edit, "1" * 12 + ".5")
    assert str(document.project.services[0].monthly_fee) == "1" * 12 + ".5"
