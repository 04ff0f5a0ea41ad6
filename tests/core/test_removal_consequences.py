"""What removing an item would break, said before it is removed."""

from __future__ import annotations

from example_paths import US_EXAMPLE

from wizard.core.model import Contact, Metric, PartyRole, Project, Service, SeverityLevel
from wizard.core.project_file import load_project
from wizard.core.references import removal_consequences


def test_a_service_names_the_levels_measuring_it() -> None:
    project = load_project(US_EXAMPLE)
    endpoints = next(s for s in project.services if s.id == "endpoints")
    assert removal_consequences(project, endpoints) == [
        "The service level “Critical patches applied” measures this service."]
    assert removal_consequences(project, Service(id="unused")) == []


def test_a_level_credits_or_the_chronic_failure_clause_use() -> None:
    project = Project(metrics=[Metric(id="uptime", name="Uptime"),
                               Metric(id="first", name="First response")])
    project.service_credits.metric = "uptime"
    project.termination.chronic_failure.metrics = ["uptime", "first"]  # type: ignore[attr-defined]
    assert removal_consequences(project, project.metrics[0]) == [
        "Service credits are paid on this service level.",
        "The customer may end the agreement when this service level is missed repeatedly."]
    assert removal_consequences(project, project.metrics[1]) == [
        "The customer may end the agreement when this service level is missed repeatedly."]


def test_a_severity_level_paid_per_missed_response_and_the_reports_recipient() -> None:
    project = Project(severity_levels=[SeverityLevel(id="P1"), SeverityLevel(id="P2")],
                      contacts=[Contact(name="Jo", party=PartyRole.CUSTOMER)])
    project.service_credits.severity = "P1"
    project.reporting.recipient = "Jo"
    assert removal_consequences(project, project.severity_levels[0]) == [
        "Service credits are paid for missed responses at this severity level."]
    assert removal_consequences(project, project.severity_levels[1]) == []
    assert removal_consequences(project, project.contacts[0]) == [
        "The service reports are addressed to this person."]
    assert removal_consequences(project, Contact(name="")) == []
