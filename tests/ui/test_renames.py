"""Renaming a service, a metric or a person on one step keeps the other steps
pointing at it."""

from __future__ import annotations

from page_driving import open_page, retype
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project, has_errors
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.parties import PartiesPage
from wizard.ui.pages.services import ServicesPage
from wizard.ui.pages.stakeholders import StakeholdersPage


def test_renaming_a_service_id_keeps_its_metrics(qtbot: QtBot,
                                                 us_document: ProjectDocument) -> None:
    """A metric would suddenly measure a service that does not exist."""
    page = open_page(qtbot, ServicesPage, us_document)
    retype(qtbot, page.id_edit, "backup2")  # passes through "backup", another service's id
    project = us_document.project
    assert project.services[0].id == "backup2"
    assert project.metrics[1].service == "backup2"
    assert project.metrics[3].service == "backup"
    assert not has_errors(check_project(project))


def test_renaming_a_metric_id_keeps_the_credits(qtbot: QtBot,
                                                us_document: ProjectDocument) -> None:
    """Service credits would be paid on a metric that no longer exists."""
    page = open_page(qtbot, MetricsPage, us_document)
    retype(qtbot, page.id_edit, "availability")
    assert us_document.project.metrics[0].id == "availability"
    assert us_document.project.service_credits.metric == "availability"


def test_renaming_the_recipient_contact_keeps_the_reports(qtbot: QtBot,
                                                          us_document: ProjectDocument) -> None:
    """Reports would be addressed to a person who is no longer in the agreement."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.select_row(2)  # Luis Ortega
    retype(qtbot, page.name_edit, "Luis M. Ortega")
    assert us_document.project.reporting.recipient == "Luis M. Ortega"


def test_renaming_a_signatory_who_receives_the_reports(qtbot: QtBot,
                                                       us_document: ProjectDocument) -> None:
    """A signatory who receives the reports keeps receiving them after a rename."""
    us_document.project.contacts = []
    page = open_page(qtbot, PartiesPage, us_document)
    retype(qtbot, page.customer.signatory_name_edit, "Luisa Ortega")
    assert us_document.project.reporting.recipient == "Luisa Ortega"
