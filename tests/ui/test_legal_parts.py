"""The optional clauses in the wizard: off by default with their fields hidden;
switched on and filled in through the widgets, saved, reopened and read back
from the contract."""

from __future__ import annotations

from pathlib import Path

from docx_reading import read_contract
from page_driving import retype
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from wizard.core.model import PartyRole
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.reporting import ReportingPage
from wizard.ui.pages.schedule import SchedulePage
from wizard.ui.pages.termination import TerminationPage


def shown(qtbot: QtBot, page_class: type[StepPage], document: ProjectDocument) -> StepPage:
    page = page_class(document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    return page


def field(page: StepPage, name: str) -> QLineEdit | QSpinBox | QCheckBox:
    """The field whose accessible name is ``name``."""
    found = [w for kind in (QLineEdit, QSpinBox, QCheckBox) for w in page.findChildren(kind)
             if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} fields called {name!r}"
    return found[0]


def click(qtbot: QtBot, box: QCheckBox) -> None:
    """A click on the box's tick."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton,
                     pos=QPoint(box.height() // 2, box.height() // 2))


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    retype(qtbot, edit, text)


def test_parts_are_off_with_their_fields_hidden(qtbot: QtBot,
                                                us_document: ProjectDocument) -> None:
    page = shown(qtbot, TerminationPage, us_document)
    switch = field(page, "Add general provisions")
    assert isinstance(switch, QCheckBox) and not switch.isChecked()
    assert not field(page, "Governing law").isVisible()
    assert not us_document.modified


def test_empty_fields_show_what_the_contract_writes_in_its_language(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    us_document.project.language = "en_GB"
    page = shown(qtbot, TerminationPage, us_document)
    law = field(page, "Governing law")
    assert isinstance(law, QLineEdit)
    assert law.placeholderText() == "the law of England and Wales"
    protection = field(page, "Data protection")
    assert isinstance(protection, QLineEdit)
    assert "UK General Data Protection Regulation" in protection.placeholderText()


def test_legal_frame_and_commercial_terms_typed_saved_and_in_the_contract(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path) -> None:
    page = shown(qtbot, TerminationPage, us_document)
    frame_switch = field(page, "Add general provisions")
    assert isinstance(frame_switch, QCheckBox)
    click(qtbot, frame_switch)
    law = field(page, "Governing law")
    assert isinstance(law, QLineEdit) and law.isVisible()
    # the US has no one law: the empty field says so
    assert law.placeholderText() == "required: no default for this country"
    type_into(qtbot, law, "the law of the State of Oregon")
    commercial_switch = field(page, "Add commercial terms")
    assert isinstance(commercial_switch, QCheckBox)
    click(qtbot, commercial_switch)
    payment = field(page, "Invoices paid within")
    assert isinstance(payment, QSpinBox) and payment.value() == 30
    payment.setFocus()
    payment.selectAll()
    qtbot.keyClicks(payment, "45")
    assert us_document.project.frame.included and us_document.project.commercial.included
    assert us_document.modified

    path = tmp_path / "with-frame.slaproj"
    us_document.save(path)
    reopened = load_project(path)
    assert reopened.frame.governing_law == "the law of the State of Oregon"
    assert reopened.commercial.payment_days == 45
    text = read_contract(render_contract(reopened, "en_US")).text
    assert "are governed by the law of the State of Oregon." in text
    assert "The Customer pays each invoice within 45\u00a0days of its date." in text
    assert "# General provisions" in text and "# Commercial terms" in text


def test_measurement_terms_on_the_service_levels_step(qtbot: QtBot,
                                                      us_document: ProjectDocument,
                                                      tmp_path: Path) -> None:
    page = shown(qtbot, MetricsPage, us_document)
    click(qtbot, field(page, "Define downtime, response and resolution"))  # type: ignore[arg-type]
    edit = field(page, "Unavailable when")
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "it does not answer requests")
    assert us_document.project.measurement_terms.severity_assigned_by is PartyRole.CUSTOMER
    path = tmp_path / "measured.slaproj"
    us_document.save(path)
    text = read_contract(render_contract(load_project(path), "en_US")).text
    assert "The service is unavailable when it does not answer requests." in text


def test_maintenance_rules_on_the_schedule_step(qtbot: QtBot,
                                                us_document: ProjectDocument) -> None:
    page = shown(qtbot, SchedulePage, us_document)
    click(qtbot, field(page, "Set out maintenance notice and emergency maintenance"))  # type: ignore[arg-type]
    cap = field(page, "Emergency maintenance at most")
    assert isinstance(cap, QSpinBox) and cap.text() == "no cap"
    cap.setFocus()
    cap.selectAll()
    qtbot.keyClicks(cap, "120")
    rules = us_document.project.maintenance_rules
    assert rules.included and rules.emergency_cap_minutes_per_month == 120
    page.reload()
    assert cap.text() == "120 minutes a month"


def test_report_due_date_on_the_reporting_step(qtbot: QtBot, us_document: ProjectDocument,
                                               tmp_path: Path) -> None:
    page = shown(qtbot, ReportingPage, us_document)
    due = field(page, "Report due within")
    assert isinstance(due, QSpinBox) and due.text() == "not set"
    due.setFocus()
    due.selectAll()
    qtbot.keyClicks(due, "7")
    assert us_document.project.reporting.due_business_days == 7
    path = tmp_path / "reports.slaproj"
    us_document.save(path)
    text = read_contract(render_contract(load_project(path), "en_US")).text
    assert "Each report is delivered within 7 business days after the end of the period" in text
