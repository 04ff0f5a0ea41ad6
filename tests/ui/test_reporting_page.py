"""The Reporting and review step, driven through its widgets."""

from __future__ import annotations

from docx_reading import read_contract
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import Contact, PartyRole, ReportFrequency, ReviewFrequency
from wizard.core.render import render_contract
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.reporting import ReportingPage


def make_page(qtbot: QtBot, document: ProjectDocument) -> ReportingPage:
    page = ReportingPage(document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    return page


def test_reporting_shows_and_edits_the_project(qtbot: QtBot,
                                               us_document: ProjectDocument) -> None:
    """Choosing how often to report and review, and what reports cover, changes the project
    and marks it unsaved."""
    page = make_page(qtbot, us_document)
    assert page.frequency_combo.currentText() == "Monthly"
    assert page.review_combo.currentText() == "Quarterly"
    assert page.baseline_box.isChecked()
    assert page.contents_edit.lines()[0] == "Availability per service"
    assert not us_document.modified

    page.frequency_combo.setCurrentIndex(1)
    page.frequency_combo.activated.emit(1)
    assert us_document.project.reporting.frequency is ReportFrequency.WEEKLY
    assert us_document.modified

    page.review_combo.setCurrentIndex(3)
    page.review_combo.activated.emit(3)
    assert us_document.project.reporting.review_frequency is ReviewFrequency.YEARLY

    qtbot.mouseClick(page.baseline_box, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, page.baseline_box.height() // 2))
    assert us_document.project.reporting.baseline_review is False

    page.contents_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(page.contents_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.contents_edit, "Backup status")
    assert us_document.project.reporting.contents[-2:] == ["Patching status", "Backup status"]


def test_recipient_offers_contacts_and_signatories(qtbot: QtBot,
                                                   us_document: ProjectDocument) -> None:
    """The user could not pick who receives the reports from the people already entered,
    or would see a stale list after adding a contact."""
    project = us_document.project
    project.parties.provider.signatory.name = "Morgan Lee"
    page = make_page(qtbot, us_document)
    combo = page.recipient_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["Priya Nair", "Dana Whitfield", "Luis Ortega", "Morgan Lee"]
    assert combo.currentText() == "Luis Ortega"
    assert combo.itemData(3, Qt.ItemDataRole.ToolTipRole) == "Signatory for the provider"

    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert project.reporting.recipient == "Priya Nair"
    assert us_document.modified

    project.contacts.append(Contact(name="Sam Quinn", party=PartyRole.CUSTOMER))
    page.reload()
    assert combo.itemText(3) == "Sam Quinn"
    assert combo.currentText() == "Priya Nair"


def test_recipient_can_be_typed(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A name typed into the recipient box would be lost instead of saved."""
    page = make_page(qtbot, us_document)
    line_edit = page.recipient_combo.lineEdit()
    assert line_edit is not None
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    assert us_document.project.reporting.recipient == ""
    qtbot.keyClicks(line_edit, "Head of Service")
    assert us_document.project.reporting.recipient == "Head of Service"
    assert us_document.modified


def test_unknown_recipient_is_shown_beside_the_field(qtbot: QtBot,
                                                     us_document: ProjectDocument) -> None:
    """The user would not learn, next to the recipient, that nobody by that name exists."""
    page = make_page(qtbot, us_document)
    line_edit = page.recipient_combo.lineEdit()
    assert line_edit is not None
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, "Nobody Known")
    page.show_problems(check_project(us_document.project))
    field = page._field_for(("reporting", "recipient"))
    assert field is not None and field[1] is page.recipient_combo
    assert any("Nobody Known" in text for text in field[2].messages())
    assert page.page_message.messages() == []


def test_going_to_a_problem_selects_the_report_item(qtbot: QtBot,
                                                    us_document: ProjectDocument) -> None:
    """Jumping from the review step to a report item would leave the cursor elsewhere."""
    page = make_page(qtbot, us_document)
    page.activateWindow()
    page.focus_problem(("reporting", "contents", 2))
    assert page.contents_edit.textCursor().block().text() == "Response and resolution times"
    qtbot.waitUntil(page.contents_edit.hasFocus)


def test_daily_reports_and_half_yearly_reviews_in_the_contract(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The two new frequencies are offered and written into the contract."""
    page = make_page(qtbot, us_document)
    daily = page.frequency_combo.findText("Daily")
    page.frequency_combo.setCurrentIndex(daily)
    page.frequency_combo.activated.emit(daily)
    half = page.review_combo.findText("Half-yearly")
    page.review_combo.setCurrentIndex(half)
    page.review_combo.activated.emit(half)
    reporting = us_document.project.reporting
    assert (reporting.frequency, reporting.review_frequency) == (
        ReportFrequency.DAILY, ReviewFrequency.HALF_YEARLY)

    text = read_contract(render_contract(us_document.project, "en_US")).text
    assert "The Provider reports on the Service Levels every day to Luis Ortega." in text
    assert ("The parties review this agreement and the Service Levels every six months."
            in text)
