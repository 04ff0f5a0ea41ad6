"""Where one part of a project names another: metrics name a service, the
credits name a metric, the reports name a person. When an identifier or a
name is changed, what referred to it follows."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.core.model import Project

Reference = tuple[object, str]
"""An object and the attribute of it that holds the name."""


def service_references(project: Project, service_id: str) -> list[Reference]:
    """The metrics measuring the service ``service_id``."""
    return [(metric, "service") for metric in project.metrics if metric.service == service_id]


def metric_references(project: Project, metric_id: str) -> list[Reference]:
    """The service credits paid on the metric ``metric_id``."""
    credits = project.service_credits
    return [(credits, "metric")] if credits.metric == metric_id else []


def person_references(project: Project, name: str) -> list[Reference]:
    """The reports addressed to the person called ``name``."""
    reporting = project.reporting
    return [(reporting, "recipient")] if name and reporting.recipient == name else []


def redirect(references: Iterable[Reference], value: str) -> None:
    """Point every reference at ``value``."""
    for owner, attribute in references:
        setattr(owner, attribute, value)
