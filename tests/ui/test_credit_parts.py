"""The Credits step beyond the first schedule, driven through its widgets: a second
schedule with its own tiers, a schedule per missed response, the yearly cap, the
claim procedure; saved, reopened and read back from the contract."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_reading import read_contract
from page_driving import activate, edit_cell, open_page, retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import ClaimDeadlineUnit, CreditKind
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.credits import CreditsPage


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_project_without_the_new_parts_looks_as_before(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = open_page(qtbot, CreditsPage, us_document)
    parts = page.parts
    assert parts.schedules.table.rowCount() == 0
    assert parts.schedules.isHidden()  # one button until a schedule is added
    assert not parts.add_schedule_button.isHidden()
    assert parts.schedule_tiers.isHidden()
    assert not parts.claim_switch.isChecked()
    assert parts.claim_details.isHidden()
    assert parts.minimum_edit.text() == "" and parts.yearly_cap_edit.text() == ""
    assert not us_document.modified


def test_second_schedule_and_claim_procedure_saved_and_reopened(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path) -> None:
    page = open_page(qtbot, CreditsPage, us_document)
    activate(qtbot, page)
    parts = page.parts
    credits = us_document.project.service_credits

    # a second schedule of tiers on the availability level, with its own tiers
    qtbot.mouseClick(parts.add_schedule_button, Qt.MouseButton.LeftButton)
    assert len(credits.more_schedules) == 1
    assert parts.schedules.isVisible() and parts.add_schedule_button.isHidden()
    second = credits.more_schedules[0]
    assert (second.kind, second.metric) == (CreditKind.TIERS, "uptime")
    assert parts.schedule_tiers.isVisible()
    edit_cell(qtbot, parts.schedule_tiers, 0, 0, "99.9", Decimal("99.9"))
    edit_cell(qtbot, parts.schedule_tiers, 0, 1, "20", Decimal("20"))
    edit_cell(qtbot, parts.schedules, 0, 6, "15", Decimal("15"))

    # a third: each missed P1 response
    qtbot.mouseClick(parts.schedules.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, parts.schedules, 1, 0, "each missed response", CreditKind.PER_MISS)
    third = credits.more_schedules[1]
    assert third.severity == "P1" and third.percent == Decimal("5")
    assert parts.schedule_tiers.isHidden()
    edit_cell(qtbot, parts.schedules, 1, 3, "2.5", Decimal("2.5"))
    # 2 misses × 2.5 % of $2,150.00
    assert parts.schedule_example.text() == (
        "After 2 missed responses of P1 in a month the customer receives $107.50 (of a "
        "monthly fee of $2,150.00).")

    assert parts.yearly_sentence.isHidden()
    retype(qtbot, parts.yearly_cap_edit, "10")
    assert credits.yearly_cap_percent == Decimal("10")
    # 10 % of 12 × $2,150.00
    assert parts.yearly_sentence.text().startswith(
        "The credits of any twelve consecutive months add up to at most $2,580.00;")
    assert parts.yearly_sentence.isVisible()

    # the claim procedure, switched on and filled in
    parts.claim_switch.setFocus()
    qtbot.keyClick(parts.claim_switch, Qt.Key.Key_Space)
    assert credits.claim_procedure.included
    assert parts.claim_details.isVisible()
    assert not page.claim_spin.isEnabled()  # the procedure's deadline replaces the window
    retype(qtbot, parts.channel_edit, "the support portal")
    parts.deadline_spin.setValue(2)
    choose(qtbot, parts.deadline_unit_combo, "billing cycles")
    parts.answer_spin.setValue(10)
    assert parts.issue_row.isHidden()
    choose(qtbot, parts.issued_combo, "within a number of days of acceptance")
    assert parts.issue_row.isVisible()

    assert not [p for p in check_project(us_document.project) if p.step is page.step
                and p.severity == "error"]
    path = tmp_path / "credits.slaproj"
    us_document.save(path)

    reopened = load_project(path)
    again = reopened.service_credits
    assert [(s.kind, s.metric, s.severity, s.percent, s.cap_percent)
            for s in again.more_schedules] == [
        (CreditKind.TIERS, "uptime", None, None, Decimal("15")),
        (CreditKind.PER_MISS, None, "P1", Decimal("2.5"), None)]
    assert [(t.below, t.credit_percent) for t in again.more_schedules[0].tiers] == [
        (Decimal("99.9"), Decimal("20"))]
    procedure = again.claim_procedure
    assert (procedure.channel, procedure.deadline, procedure.deadline_unit,
            procedure.answer_days) == ("the support portal", 2,
                                       ClaimDeadlineUnit.BILLING_CYCLES, 10)

    reopened_page = open_page(qtbot, CreditsPage, ProjectDocument(reopened, path))
    assert reopened_page.parts.schedules.table.rowCount() == 2
    assert reopened_page.parts.schedules.table.item(1, 0).text() == "each missed response"
    assert reopened_page.parts.channel_edit.text() == "the support portal"
    assert reopened_page.parts.deadline_unit_combo.currentText() == "billing cycles"

    text = read_contract(render_contract(reopened, "en_US")).text.replace("\u00a0", " ")
    # at 99.9 − 0.3 = 99.6: 20 % of $2,150.00 = $430.00, capped at 15 % = $322.50
    assert ("For example, at 99.6% the Customer receives 15% of the monthly fees of the "
            "services concerned ($2,150.00), that is $322.50.") in text
    # 2 × 2.5 % = 5 % of $2,150.00 = $107.50
    assert ("after 2 missed responses in a month the Customer receives 5% of the monthly fees "
            "of the services concerned ($2,150.00), that is $107.50.") in text
    assert ("The Customer sends a claim for a Service Credit to the support portal within 2 "
            "billing cycles after the end of the month concerned.") in text
