"""Leaving out what a published SLA does not say, through the steps' own
widgets: the sentence on ending for convenience (Termination) and review
meetings (Reporting). Each is ticked or chosen as a user would, reaches the
project and the contract, and survives saving."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_format_2_fields import choose, contract, reopened, shown, tick

from wizard.core.model import ReviewFrequency
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.reporting import ReportingPage
from wizard.ui.pages.termination import TerminationPage


def test_convenience_clause_left_out(qtbot: QtBot, us_document: ProjectDocument,
                                     tmp_path: Path) -> None:
    page = shown(qtbot, TerminationPage, us_document)
    assert page.convenience_box.isChecked() and page.convenience_spin.isEnabled()
    before = page.summary_label.text()

    tick(qtbot, page.convenience_box)
    project = us_document.project
    assert project.termination.convenience_clause is False
    assert not page.convenience_spin.isEnabled()
    assert "says nothing about ending it without a reason" in page.summary_label.text()
    assert "for convenience" not in contract(project).text

    again = reopened(us_document, tmp_path)
    assert again.project.termination.convenience_clause is False

    tick(qtbot, page.convenience_box)
    assert project.termination.convenience_clause is True
    assert page.convenience_box.isChecked() and page.convenience_spin.isEnabled()
    assert page.summary_label.text() == before


def test_no_reviews(qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = shown(qtbot, ReportingPage, us_document)
    choose(qtbot, page.review_combo, "No reviews")
    project = us_document.project
    assert project.reporting.review_frequency is ReviewFrequency.NONE
    text = contract(project).text
    assert "The parties review this agreement" not in text
    assert "The Provider reports on the Service Levels every month" in text


def test_contacts_section_left_out_without_contacts(qtbot: QtBot,
                                                    us_document: ProjectDocument) -> None:
    from wizard.ui.pages.stakeholders import StakeholdersPage

    page = shown(qtbot, StakeholdersPage, us_document)
    assert not page.fallback_row.isVisibleTo(page)  # contacts are listed
    project = us_document.project.model_copy(update={"contacts": []})
    document = ProjectDocument(project)
    page = shown(qtbot, StakeholdersPage, document)
    assert page.fallback_row.isVisibleTo(page)
    assert page.fallback_box.isChecked()
    tick(qtbot, page.fallback_box)
    assert project.agreement.contacts_fallback is False
    assert "Contacts and responsibilities" not in contract(project).headings()


def test_no_credits_section(qtbot: QtBot, us_document: ProjectDocument) -> None:
    from wizard.ui.pages.credits import CreditsPage

    project = us_document.project
    page = shown(qtbot, CreditsPage, us_document)
    assert not page.no_credits_row.isVisibleTo(page)
    tick(qtbot, page.enabled_box)
    assert project.service_credits.enabled is False
    assert page.no_credits_row.isVisibleTo(page) and page.no_credits_box.isChecked()
    assert "No service credits apply" in contract(project).text
    tick(qtbot, page.no_credits_box)
    assert project.service_credits.no_credits_clause is False
    assert "# Service credits" not in contract(project).headings()
    assert "No service credits apply" not in contract(project).text


def test_kind_of_agreement_sentence_left_out(qtbot: QtBot,
                                             us_document: ProjectDocument) -> None:
    from wizard.ui.pages.basics import BasicsPage

    page = shown(qtbot, BasicsPage, us_document)
    assert page.scope_box.isChecked()
    tick(qtbot, page.scope_box)
    assert us_document.project.agreement.scope_sentence is False
    assert "This is a customer-based agreement" not in contract(us_document.project).text
