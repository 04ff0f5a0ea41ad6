"""The Basics step, driven through its widgets."""

from __future__ import annotations

import datetime

import pytest
from example_paths import US_EXAMPLE
from page_driving import list_titles
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import AgreementType
from wizard.ui.document import ProjectDocument
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.basics import BasicsPage


def test_basics_shows_and_edits_the_project(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Typing a title, picking a type and a date changes the project and marks it unsaved."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    assert page.title_edit.text() == "Managed IT Support Service Level Agreement"
    assert page.date_edit.date() == QDate(2027, 1, 1)
    assert page.definitions.items.table.rowCount() == 3

    page.title_edit.clear()
    qtbot.keyClicks(page.title_edit, "Bakery IT & Support <SLA>")
    assert us_document.project.agreement.title == "Bakery IT & Support <SLA>"
    assert us_document.modified

    page.type_combo.setCurrentIndex(3)
    page.type_combo.activated.emit(3)
    assert us_document.project.agreement.type is AgreementType.INTERNAL

    page.date_edit.setDate(QDate(2027, 2, 15))
    assert us_document.project.agreement.effective_date == datetime.date(2027, 2, 15)


def test_empty_title_shows_an_error_beside_the_field(qtbot: QtBot,
                                                     us_document: ProjectDocument) -> None:
    """The user sees what is wrong right under the field, not only in a dialog."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    page.title_edit.selectAll()
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Delete)
    page.title_edit.textEdited.emit("")
    page.show_problems(check_project(us_document.project))
    message = page._field_for(("agreement", "title"))
    assert message is not None
    assert any("title" in text for text in message[2].messages())


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "4/1/2027"), ("en", "2027-04-01"), ("de", "1.4.2027"), ("de", "01.04.27"),
    ("fr", "01/04/2027"), ("nl", "1-4-2027")])
def test_a_date_is_read_in_the_interface_language(qtbot: QtBot, us_document: ProjectDocument,
                                                  language: str, typed: str) -> None:
    """ "1.1.2027" in a date field was dropped without a word."""
    apply_language(language)
    try:
        page = BasicsPage(us_document)
        qtbot.addWidget(page)
        page.reload()
        page.show()
        page.date_edit.setFocus()
        page.date_edit.lineEdit().selectAll()
        qtbot.keyClicks(page.date_edit, typed)
        qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
        assert us_document.project.agreement.effective_date == datetime.date(2027, 4, 1)
        assert page.date_edit.text() == "2027-04-01"
    finally:
        apply_language(ENGLISH)


def test_text_that_is_no_date_is_said_beside_the_field(qtbot: QtBot,
                                                       us_document: ProjectDocument) -> None:
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    page.date_edit.setFocus()
    page.date_edit.lineEdit().selectAll()
    qtbot.keyClicks(page.date_edit, "next spring")
    qtbot.keyClick(page.date_edit, Qt.Key.Key_Return)
    message = page._field_for(("agreement", "effective_date"))
    assert message is not None
    qtbot.waitUntil(lambda: bool(message[2].messages()))
    assert message[2].messages() == [
        '"next spring" is not a date: write it as 1/31/2027 or 2027-01-31.']
    assert us_document.project.agreement.effective_date == datetime.date(2027, 1, 1)
    assert page.date_edit.text() == "2027-01-01"


def choose(combo: object, text: str) -> None:
    """Pick the entry starting with ``text``, as a user's pick does."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_currency_follows_the_contract_country_unless_chosen(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A German contract kept USD: a contract priced in the old country's
    currency takes the new country's, and says so; a currency the user chose
    for itself stays."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    assert us_document.project.currency == "USD" and page.currency_note.isHidden()
    choose(page.language_combo, "German (Germany)")
    assert (us_document.project.language, us_document.project.currency) == ("de_DE", "EUR")
    assert page.currency_combo.currentText().startswith("EUR")
    assert page.currency_note.isVisible()
    assert "EUR" in page.currency_note.text()
    choose(page.language_combo, "Spanish (Mexico)")
    assert us_document.project.currency == "MXN"

    choose(page.currency_combo, "GBP")  # priced in pounds on purpose
    assert page.currency_note.isHidden()
    choose(page.language_combo, "French (France)")
    assert (us_document.project.language, us_document.project.currency) == ("fr_FR", "GBP")
    assert page.currency_note.isHidden()



def test_a_definition_is_added_and_written_in_a_multi_line_editor(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Add, a term and a long definition typed in a wrapping editor: the project has them whole."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    page.resize(1000, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    definitions = us_document.project.agreement.definitions
    count = len(definitions)
    qtbot.mouseClick(page.definitions.items.add_button, Qt.MouseButton.LeftButton)
    assert len(definitions) == count + 1
    qtbot.waitUntil(page.term_edit.hasFocus)
    qtbot.keyClicks(page.term_edit, "Print Job")
    qtbot.keyClick(page.term_edit, Qt.Key.Key_Tab)
    assert page.definition_edit.hasFocus()
    text = ("A document sent from a covered workstation to a covered printer, counted once "
            "however many copies or pages it has, and whether or not it is printed in colour.")
    qtbot.keyClicks(page.definition_edit, text)
    assert (definitions[-1].term, definitions[-1].definition) == ("Print Job", text)
    assert list_titles(page.definitions.items)[-1] == "Print Job"
    assert page.definition_edit.toPlainText() == text
    assert page.definition_edit.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    layout = page.definition_edit.document().firstBlock().layout()
    assert layout is not None and layout.lineCount() > 1
    assert "Print Job" in page.definitions.detail_box.title()

    page.definitions.select_row(0)  # another definition: its own text, nothing saved
    assert page.term_edit.text() == definitions[0].term
    assert page.definition_edit.toPlainText() == definitions[0].definition


def test_enter_in_the_term_field_stays_on_the_step(window: MainWindow, qtbot: QtBot) -> None:
    """Enter in a one-line field of the detail does not go on to the next step."""
    window.open_path(US_EXAMPLE, ask=False)
    page = window.current_page()
    assert isinstance(page, BasicsPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.term_edit.setFocus()
    qtbot.waitUntil(page.term_edit.hasFocus)
    qtbot.keyClick(page.term_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.term_edit, Qt.Key.Key_Enter)
    assert window.current_page() is page
    assert page.term_edit.hasFocus()
