"""The Service credits step, driven through its widgets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from page_driving import activate, open_page, retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.project_file import load_project
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.credits import CreditsPage

INTERNAL_EXAMPLE = (Path(__file__).resolve().parents[2]
                    / "resources" / "examples" / "internal-leads-de.slaproj")
US_EXAMPLE_SENTENCE = ("At 98.7% availability the customer receives 10% of the monthly fee "
                       "($215.00 of $2,150.00).")








def test_shows_the_credit_terms(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Opening a project shows its credit terms and a worked example of the tiers."""
    page = open_page(qtbot, CreditsPage, us_document)

    assert page.enabled_box.isChecked()
    assert page.details.isEnabled()
    assert page.off_note.isHidden()
    assert page.metric_combo.currentText() == "Service availability"
    assert page.tiers.table.rowCount() == 3
    assert page.tiers.table.item(1, 0).text() == "99.0"
    assert page.cap_edit.text() == "25"
    assert page.claim_spin.value() == 30
    assert page.sole_remedy_box.isChecked()
    assert page.example_label.text() == US_EXAMPLE_SENTENCE
    assert not us_document.modified


def test_switching_credits_off(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """With credits off the user could still edit terms that no longer apply, unexplained."""
    page = open_page(qtbot, CreditsPage, us_document)
    activate(qtbot, page)
    qtbot.mouseClick(page.enabled_box, Qt.MouseButton.LeftButton)

    assert us_document.project.service_credits.enabled is False
    assert us_document.modified
    assert not page.details.isEnabled()
    assert not page.off_note.isHidden()
    assert "escalation" in page.off_note.text()
    assert page.example_label.isHidden()

    qtbot.mouseClick(page.enabled_box, Qt.MouseButton.LeftButton)
    assert us_document.project.service_credits.enabled is True
    assert page.details.isEnabled()
    assert page.example_label.text() == US_EXAMPLE_SENTENCE


def test_internal_agreement_without_credits(qtbot: QtBot) -> None:
    """An internal SLA would show empty credit controls as if they were required."""
    document = ProjectDocument(load_project(INTERNAL_EXAMPLE), INTERNAL_EXAMPLE)
    page = open_page(qtbot, CreditsPage, document)

    assert not page.enabled_box.isChecked()
    assert not page.details.isEnabled()
    assert not page.off_note.isHidden()
    assert page.metric_combo.currentText() == "(choose a metric)"
    assert page.example_label.isHidden()
    assert not document.modified


def test_only_metrics_where_more_is_better(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Credits could be tied to a response time, where falling "below" a tier means success."""
    page = open_page(qtbot, CreditsPage, us_document)
    labels = [page.metric_combo.itemText(i) for i in range(page.metric_combo.count())]
    assert labels == ["Service availability", "Successful restore tests"]

    page.metric_combo.setCurrentIndex(1)
    page.metric_combo.activated.emit(1)
    assert us_document.project.service_credits.metric == "restore"
    assert us_document.modified
    assert page.example_label.text().startswith("At 98.7% for “Successful restore tests”")


def test_example_follows_tiers_and_cap(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The example would show stale money after a tier or the cap changed."""
    page = open_page(qtbot, CreditsPage, us_document)
    activate(qtbot, page)
    credits = us_document.project.service_credits
    table = page.tiers.table
    table.setCurrentCell(1, 1)
    table.editItem(table.item(1, 1))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: credits.tiers[1].credit_percent == Decimal("15"))
    assert us_document.modified
    assert page.example_label.text() == (
        "At 98.7% availability the customer receives 15% of the monthly fee "
        "($322.50 of $2,150.00).")  # 15 % of 1,250 + 600 + 300

    retype(qtbot, page.cap_edit, "12.5")
    assert credits.cap_percent == Decimal("12.5")
    assert "receives 12.5% of the monthly fee ($268.75" in page.example_label.text()

    retype(qtbot, page.cap_edit, "")
    assert credits.cap_percent is None

    retype(qtbot, page.cap_edit, "a lot")
    assert credits.cap_percent is None
    message = page._field_for(("service_credits", "cap_percent"))
    assert message is not None and message[1] is page.cap_edit
    assert message[2].messages() == ["Enter a number such as 99.95."]


def test_tiers_can_be_added_and_removed(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A new tier would start out contradicting the others, or removal would not stick."""
    page = open_page(qtbot, CreditsPage, us_document)
    tiers = us_document.project.service_credits.tiers
    qtbot.mouseClick(page.tiers.add_button, Qt.MouseButton.LeftButton)
    assert len(tiers) == 4
    assert (tiers[3].below, tiers[3].credit_percent) == (Decimal("96.0"), Decimal("30"))
    assert us_document.modified

    page.tiers.select_row(0)
    qtbot.mouseClick(page.tiers.remove_button, Qt.MouseButton.LeftButton)
    assert [tier.below for tier in tiers] == [Decimal("99.0"), Decimal("97.0"), Decimal("96.0")]
    assert page.example_label.text().startswith("At 96.7% availability")


def test_claim_window_and_sole_remedy(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The claim window or the sole-remedy clause could not be changed."""
    page = open_page(qtbot, CreditsPage, us_document)
    activate(qtbot, page)
    credits = us_document.project.service_credits
    page.claim_spin.setFocus()
    page.claim_spin.selectAll()
    qtbot.keyClicks(page.claim_spin, "45")
    assert credits.claim_window_days == 45
    assert page.claim_spin.minimum() == 0

    qtbot.mouseClick(page.sole_remedy_box, Qt.MouseButton.LeftButton)
    assert credits.sole_remedy is False
    assert us_document.modified


def test_problems_appear_beside_their_fields(qtbot: QtBot,
                                             us_document: ProjectDocument) -> None:
    """The user would not see which tier or term is wrong."""
    page = open_page(qtbot, CreditsPage, us_document)
    credits = us_document.project.service_credits
    credits.tiers[1].below = Decimal("99.8")
    credits.claim_window_days = 0
    page.show_problems(check_project(us_document.project))

    tiers = page._field_for(("service_credits", "tiers", 1, "below"))
    assert tiers is not None and tiers[1] is page.tiers
    assert any(text.startswith("Tier “below 99.8”: This tier starts above the target")
               for text in tiers[2].messages())
    claim = page._field_for(("service_credits", "claim_window_days"))
    assert claim is not None and claim[1] is page.claim_spin
    assert claim[2].messages() == ["Give the customer a number of days to claim a credit."]

    credits.metric = "first-response"
    page.reload()
    page.show_problems(check_project(us_document.project))
    metric = page._field_for(("service_credits", "metric"))
    assert metric is not None
    assert page.metric_combo.currentText() == (
        "First response to tickets (less is better: cannot earn credits)")
    assert any("more is better" in text for text in metric[2].messages())


def test_focus_problem_selects_the_tier(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The review step's "go to" would land on the wrong tier."""
    page = open_page(qtbot, CreditsPage, us_document)
    activate(qtbot, page)
    page.focus_problem(("service_credits", "tiers", 2, "credit_percent"))

    assert page.tiers.current_row() == 2
    assert page.tiers.table.currentColumn() == 1
    assert page.tiers.table.hasFocus()
