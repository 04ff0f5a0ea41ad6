"""Renaming an identifier keeps what referred to it attached."""

from __future__ import annotations

from example_paths import US_EXAMPLE

from wizard.core.checks import check_project, has_errors
from wizard.core.project_file import load_project
from wizard.core.references import (
    metric_references,
    person_references,
    redirect,
    service_references,
)


def test_renaming_a_service_keeps_its_metrics() -> None:
    """Metrics would silently lose their service when its identifier is changed."""
    project = load_project(US_EXAMPLE)
    references = service_references(project, "desk")
    assert [owner.id for owner, _attribute in references] == ["first-response"]  # type: ignore[attr-defined]
    project.services[0].id = "helpdesk"
    redirect(references, "helpdesk")
    assert project.metrics[1].service == "helpdesk"
    assert not has_errors(check_project(project))


def test_renaming_a_metric_keeps_the_credits_on_it() -> None:
    """Credits would point at a metric that no longer exists."""
    project = load_project(US_EXAMPLE)
    references = metric_references(project, "uptime")
    project.metrics[0].id = "availability"
    redirect(references, "availability")
    assert project.service_credits.metric == "availability"
    assert metric_references(project, "first-response") == []


def test_renaming_the_report_recipient() -> None:
    """The monthly report would be addressed to nobody after a contact is renamed."""
    project = load_project(US_EXAMPLE)
    redirect(person_references(project, "Luis Ortega"), "Luis M. Ortega")
    assert project.reporting.recipient == "Luis M. Ortega"
    assert person_references(project, "") == []


def test_references_are_captured_before_typing_so_collisions_do_not_steal_them() -> None:
    """Typing an identifier that passes through another service's name must not move
    that service's metrics."""
    project = load_project(US_EXAMPLE)
    desk_metrics = service_references(project, "desk")
    for text in ("b", "ba", "backup", "backup2"):  # passes through the id of another service
        project.services[0].id = text
        redirect(desk_metrics, text)
    assert project.metrics[1].service == "backup2"
    assert project.metrics[3].service == "backup"  # Cloud Backup's own metric stays
