"""The parts of format 2 edited where a user looks for them: the commitment on
Basics, support hours made optional on the schedule, the party that owes a
service level, the reporting and exclusions clauses left out, and how long
the agreement runs. Each is driven through its widgets, saved, reopened, and
read back from the contract it makes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import pytest
from docx_reading import ContractText, read_contract
from example_paths import US_EXAMPLE
from page_driving import open_page
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Severity, check_project
from wizard.core.model import (
    Commitment,
    CoverageBlock,
    Metric,
    PartyRole,
    Project,
    TermKind,
    Weekday,
)
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.credits import CreditsPage
from wizard.ui.pages.exclusions import ExclusionsPage
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.reporting import ReportingPage
from wizard.ui.pages.review import summary_rows
from wizard.ui.pages.schedule import SchedulePage
from wizard.ui.pages.termination import TerminationPage

PageT = TypeVar("PageT", bound=StepPage)
WORKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]


def shown(qtbot: QtBot, page_class: type[PageT], document: ProjectDocument) -> PageT:
    """The page on screen, showing ``document``."""
    page = open_page(qtbot, page_class, document)
    page.show()
    qtbot.waitExposed(page)
    return page


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box where its tick mark is, as a user would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Step through a closed list with the arrow keys to the entry ``text``."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, [combo.itemText(i) for i in range(combo.count())]
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def turn_down(qtbot: QtBot, spin: QAbstractSpinBox) -> None:
    """Press Page Down until the box shows its lowest value."""
    for _press in range(100):
        qtbot.keyClick(spin, Qt.Key.Key_PageDown)


def reopened(document: ProjectDocument, folder: Path) -> ProjectDocument:
    """The project saved, and opened again from its file."""
    path = document.save(folder / "agreement.slaproj")
    return ProjectDocument(load_project(path), path)


def contract(project: Project) -> ContractText:
    return read_contract(render_contract(project, "en_US"))


def test_a_format_1_project_looks_as_before(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A project that uses none of the new parts would show switched-off fields, hidden
    hours or a changed summary, or be marked changed by merely being looked at."""
    basics = shown(qtbot, BasicsPage, us_document)
    assert basics.commitment_combo.currentText() == "Meets the service levels (a firm promise)"
    schedule = shown(qtbot, SchedulePage, us_document)
    assert schedule.support_box.isChecked()
    assert schedule.support.isVisibleTo(schedule)
    assert schedule.support.total_label.text() == "64 hours a week"
    metrics = shown(qtbot, MetricsPage, us_document)
    assert metrics.owed_combo.currentText() == "Provider (Northwind IT Services LLC)"
    reporting = shown(qtbot, ReportingPage, us_document)
    assert reporting.included_box.isChecked() and reporting.reports_group.isEnabled()
    exclusions = shown(qtbot, ExclusionsPage, us_document)
    assert exclusions.included_box.isChecked() and exclusions.standard_group.isEnabled()
    termination = shown(qtbot, TerminationPage, us_document)
    assert termination.term_combo.currentText() == "For a fixed term, renewed or not"
    assert all(spin.isEnabled() for spin in (termination.initial_spin,
                                             termination.renewal_spin,
                                             termination.notice_spin))
    assert not termination.notice_meaning.isVisibleTo(termination)
    assert not termination.convenience_meaning.isVisibleTo(termination)
    assert termination.summary_label.text().startswith("Runs 12 months, renews")
    rows = dict(summary_rows(us_document.project))
    assert rows["Service levels"] == "4"
    assert "Left out" not in rows
    assert not us_document.modified


def test_commitment_on_the_basics_step(qtbot: QtBot, us_document: ProjectDocument,
                                       tmp_path: Path) -> None:
    """Choosing an efforts-only promise would not reach the project, the sentence under
    the choice or the contract's service levels clause."""
    page = shown(qtbot, BasicsPage, us_document)
    assert page.commitment_label.text() == (
        "The contract says that Northwind IT Services LLC meets its service levels.")

    choose(qtbot, page.commitment_combo, "Uses commercially reasonable efforts to meet them")
    assert us_document.project.agreement.commitment is Commitment.REASONABLE_EFFORTS
    assert us_document.modified
    assert page.commitment_label.text() == (
        "The contract says that Northwind IT Services LLC uses commercially reasonable "
        "efforts to meet its service levels.")
    assert "as commercially reasonable efforts" in dict(
        summary_rows(us_document.project))["Service levels"]

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, BasicsPage, document)
    assert again.commitment_combo.currentText() == (
        "Uses commercially reasonable efforts to meet them")
    text = contract(document.project).text
    assert ("The Provider uses commercially reasonable efforts to meet the following Service "
            "Levels.") in text
    assert "The Provider meets the following Service Levels." not in text

    choose(qtbot, again.commitment_combo, "Meets the service levels (a firm promise)")
    assert document.project.agreement.commitment is Commitment.WILL_MEET
    assert "The Provider meets the following Service Levels." in contract(document.project).text


def test_support_hours_can_be_left_out_and_brought_back(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path) -> None:
    """Unticking the promise would leave support hours in the contract, lose the hours
    typed before, or bring back nothing when ticked again."""
    page = shown(qtbot, SchedulePage, us_document)
    before = us_document.project.schedule.support_coverage
    assert before is not None and len(before) == 2

    tick(qtbot, page.support_box)
    assert us_document.project.schedule.support_coverage is None
    assert us_document.modified
    assert not page.support.isVisibleTo(page)
    assert dict(summary_rows(us_document.project))["Left out"] == "support hours"
    problems = [p for p in check_project(us_document.project)
                if p.path == "severity_levels[2].measured_during"]
    assert [p.severity for p in problems] == [Severity.WARNING]  # no staffed hours

    tick(qtbot, page.support_box)
    assert us_document.project.schedule.support_coverage == before
    assert page.support.isVisibleTo(page)
    assert page.support.total_label.text() == "64 hours a week"

    tick(qtbot, page.support_box)
    document = reopened(us_document, tmp_path)
    assert document.project.schedule.support_coverage is None
    again = shown(qtbot, SchedulePage, document)
    assert not again.support_box.isChecked()
    assert not again.support.isVisibleTo(again)

    text = contract(document.project)
    schedule_tables = [table for table in text.tables if table[0][0] == "Day"]
    assert [table[0] for table in schedule_tables] == [["Day", "Service coverage"]]
    assert "Support Hours" not in text.text
    assert "Support hours" not in text.text

    # another session of the same file: nothing kept to restore, so around the clock
    tick(qtbot, again.support_box)
    assert document.project.schedule.support_coverage == []
    assert again.support.total_label.text() == "Around the clock (24×7): 168 hours a week"
    assert "Support Hours" in contract(document.project).text


def test_hours_kept_for_one_project_are_not_given_to_another(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Support hours switched off in one project would turn up in the next one opened."""
    page = shown(qtbot, SchedulePage, us_document)
    tick(qtbot, page.support_box)
    other = load_project(US_EXAMPLE)
    other.schedule.support_coverage = None
    us_document.replace(other, None)
    page.reload()
    assert not page.support_box.isChecked()

    tick(qtbot, page.support_box)
    assert other.schedule.support_coverage == []


def test_a_service_level_owed_by_the_customer(qtbot: QtBot, us_document: ProjectDocument,
                                              tmp_path: Path) -> None:
    """A level the Customer owes could not be set, or would appear in the contract as the
    Provider's."""
    page = shown(qtbot, MetricsPage, us_document)
    assert [page.owed_combo.itemText(i) for i in range(page.owed_combo.count())] == [
        "Provider (Northwind IT Services LLC)", "Customer (Harbor Bakery Co.)"]
    page.metrics_table.select_row(2)
    assert page.id_edit.text() == "patch"

    choose(qtbot, page.owed_combo, "Customer (Harbor Bakery Co.)")
    metrics = us_document.project.metrics
    assert metrics[2].owed_by is PartyRole.CUSTOMER
    assert [m.owed_by for m in metrics].count(PartyRole.CUSTOMER) == 1
    assert us_document.modified
    assert dict(summary_rows(us_document.project))["Service levels"] == (
        "4 (1 owed by the customer)")
    page.metrics_table.select_row(0)
    assert page.owed_combo.currentText() == "Provider (Northwind IT Services LLC)"

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, MetricsPage, document)
    again.metrics_table.select_row(2)
    assert again.owed_combo.currentText() == "Customer (Harbor Bakery Co.)"

    text = contract(document.project)
    assert "The Customer meets the following Service Levels." in text.text
    level_tables = [table for table in text.tables if table[0][0] == "Service level"]
    assert [[row[0] for row in table[1:]] for table in level_tables] == [
        ["Service availability", "First response to tickets", "Successful restore tests"],
        ["Critical patches applied"]]


def test_crediting_a_level_the_customer_owes_is_refused(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The credited level handed to the Customer would pass, promising credits to the
    party that missed."""
    page = shown(qtbot, MetricsPage, us_document)
    choose(qtbot, page.owed_combo, "Customer (Harbor Bakery Co.)")
    assert us_document.project.metrics[0].owed_by is PartyRole.CUSTOMER

    errors = [p for p in check_project(us_document.project) if p.severity is Severity.ERROR]
    assert [p.path for p in errors] == ["service_credits.metric"]


def test_credits_offer_only_levels_the_provider_owes(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The Service credits step would offer to credit the Customer's own level, or show a
    credit example for it."""
    metrics = shown(qtbot, MetricsPage, us_document)
    metrics.metrics_table.select_row(3)
    assert metrics.id_edit.text() == "restore"
    choose(qtbot, metrics.owed_combo, "Customer (Harbor Bakery Co.)")
    credits = shown(qtbot, CreditsPage, us_document)
    offered = [credits.metric_combo.itemText(i) for i in range(credits.metric_combo.count())]
    assert offered == ["Service availability"]  # restore tests: the customer's now
    assert not credits.example_label.isHidden()

    metrics.metrics_table.select_row(0)
    choose(qtbot, metrics.owed_combo, "Customer (Harbor Bakery Co.)")
    credits.reload()
    assert credits.metric_combo.currentText() == (
        "Service availability (owed by the customer: cannot earn credits)")
    assert credits.example_label.isHidden()


def test_owed_by_without_party_names(qtbot: QtBot) -> None:
    """A project whose parties have no names yet would offer "Provider ()"."""
    project = Project(metrics=[Metric(id="uptime", name="Availability")])
    page = shown(qtbot, MetricsPage, ProjectDocument(project))
    assert [page.owed_combo.itemText(i) for i in range(page.owed_combo.count())] == [
        "Provider", "Customer"]


@pytest.mark.parametrize(
    ("page_class", "section", "heading"),
    [(ReportingPage, "reporting", "# Reporting and review"),
     (ExclusionsPage, "exclusions", "# Exclusions")])
def test_a_clause_left_out_keeps_its_fields(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path,
        page_class: type[ReportingPage] | type[ExclusionsPage], section: str,
        heading: str) -> None:
    """Unticking a clause would leave its heading in the contract, let its fields be
    edited for nothing, or throw away what was entered."""
    page = shown(qtbot, page_class, us_document)
    before = getattr(us_document.project, section).model_copy(deep=True)
    assert heading in contract(us_document.project).headings()

    tick(qtbot, page.included_box)
    part = getattr(us_document.project, section)
    assert part.included is False
    assert part.model_copy(update={"included": True}) == before
    assert us_document.modified
    groups = ([page.reports_group, page.reviews_group] if isinstance(page, ReportingPage)
              else [page.standard_group, page.own_group])
    assert not any(group.isEnabled() for group in groups)

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, page_class, document)
    assert not again.included_box.isChecked()
    assert not any(group.isEnabled() for group in (
        [again.reports_group, again.reviews_group] if isinstance(again, ReportingPage)
        else [again.standard_group, again.own_group]))
    text = contract(document.project)
    assert heading not in text.headings()
    assert heading.removeprefix("# ") not in "\n".join(text.headings())

    tick(qtbot, again.included_box)
    assert getattr(document.project, section) == before
    assert heading in contract(document.project).headings()


def test_without_exclusions_downtime_counts_whatever_its_cause(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The Downtime definition would still point to exclusions the contract no longer has."""
    page = shown(qtbot, ExclusionsPage, us_document)
    tick(qtbot, page.included_box)
    text = contract(us_document.project).text
    assert "Downtime | Any period during which a service is not available to the Customer." in (
        text.splitlines())
    assert "other than the exclusions" not in text
    assert dict(summary_rows(us_document.project))["Left out"] == "exclusions"


def test_a_recipient_is_not_asked_for_without_a_reporting_clause(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A report recipient would still be demanded of an agreement that has no reports."""
    page = shown(qtbot, ReportingPage, us_document)
    us_document.project.reporting.recipient = "Nobody Known"
    page.show_problems(check_project(us_document.project))
    field = page._field_for(("reporting", "recipient"))
    assert field is not None and field[2].messages()

    tick(qtbot, page.included_box)
    page.show_problems(check_project(us_document.project))
    assert field[2].messages() == []


def test_how_long_the_agreement_runs(qtbot: QtBot, us_document: ProjectDocument,
                                     tmp_path: Path) -> None:
    """An agreement in force while the services are used would still show, store or print
    a fixed term and its renewal."""
    page = shown(qtbot, TerminationPage, us_document)
    term = us_document.project.termination

    choose(qtbot, page.term_combo, "As long as the customer uses the services")
    assert term.term is TermKind.WHILE_SERVICES_USED
    assert us_document.modified
    for widget in (page.initial_spin, page.auto_renew_box, page.renewal_spin,
                   page.notice_spin):
        assert not widget.isEnabled()
    assert (term.initial_term_months, term.renewal_term_months, term.notice_days) == (
        12, 12, 60)
    assert page.summary_label.text().startswith(
        "In force while the services are used. Neither party may end it without a reason.")

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, TerminationPage, document)
    assert again.term_combo.currentText() == "As long as the customer uses the services"
    assert not again.initial_spin.isEnabled()
    text = contract(document.project).text
    assert ("This agreement takes effect on January 1, 2027 and remains in force for as long "
            "as the Customer uses the services.") in text
    assert "initial term" not in text
    assert "Neither party may terminate this agreement for convenience." in text

    choose(qtbot, again.term_combo, "Until replaced by a revised agreement")
    assert document.project.termination.term is TermKind.UNTIL_REPLACED
    assert again.summary_label.text().startswith(
        "In force until a revised agreement replaces it.")
    assert ("remains in force until the parties agree in writing a revised agreement that "
            "replaces it.") in contract(document.project).text

    choose(qtbot, again.term_combo, "For a fixed term, renewed or not")
    assert document.project.termination.term is TermKind.FIXED
    assert all(widget.isEnabled() for widget in (
        again.initial_spin, again.auto_renew_box, again.renewal_spin, again.notice_spin))
    assert again.summary_label.text().startswith("Runs 12 months, renews for 12 months")


def test_zero_notice_says_what_it_means(qtbot: QtBot, us_document: ProjectDocument,
                                        tmp_path: Path) -> None:
    """No notice period, or ending the agreement at once, would read "0 days" or be
    mistaken for "not allowed"."""
    page = shown(qtbot, TerminationPage, us_document)
    term = us_document.project.termination
    turn_down(qtbot, page.notice_spin)
    assert term.notice_days == 0
    assert page.notice_meaning.isVisibleTo(page)
    assert page.notice_meaning.text() == "0 = notice at any time before the term ends"

    assert page.convenience_spin.text() == "not allowed"
    assert not page.convenience_meaning.isVisibleTo(page)
    qtbot.keyClick(page.convenience_spin, Qt.Key.Key_Up)
    assert term.for_convenience_notice_days == 0
    assert page.convenience_meaning.isVisibleTo(page)
    assert page.convenience_meaning.text() == "0 = with immediate effect"
    assert "Either party may end it at any time, with immediate effect." in (
        page.summary_label.text())

    tick(qtbot, page.auto_renew_box)  # nothing renews: the notice means nothing
    assert not page.notice_meaning.isVisibleTo(page)
    tick(qtbot, page.auto_renew_box)

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, TerminationPage, document)
    assert again.notice_meaning.isVisibleTo(again)
    assert again.convenience_meaning.isVisibleTo(again)
    text = contract(document.project).text
    assert ("unless either party gives notice in writing before the end of the current "
            "term.") in text
    assert ("Either party may terminate this agreement at any time, with immediate effect, by "
            "notice in writing.") in text
    assert re.search(r"\b0\s+days", text) is None


def test_support_hours_restored_from_office_hours(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Hours edited before the promise was switched off would come back as they were
    first loaded rather than as last edited."""
    page = shown(qtbot, SchedulePage, us_document)
    qtbot.mouseClick(page.support.office_button, Qt.MouseButton.LeftButton)
    office = [CoverageBlock(days=WORKDAYS, start="08:00", end="18:00")]
    assert us_document.project.schedule.support_coverage == office
    tick(qtbot, page.support_box)
    tick(qtbot, page.support_box)
    assert us_document.project.schedule.support_coverage == office
    assert page.support.total_label.text() == "50 hours a week"
