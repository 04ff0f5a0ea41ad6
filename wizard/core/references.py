"""Where one part of a project names another: metrics name a service, the
credits name a metric, the reports name a person. When an identifier or a
name is changed, what referred to it follows."""

from __future__ import annotations

from collections.abc import Iterable

from wizard.core.model import (
    Contact,
    CreditSchedule,
    CustomerGroup,
    GroupCreditTiers,
    GroupTarget,
    Metric,
    Project,
    Service,
    SeverityLevel,
)
from wizard.i18n import _

Reference = tuple[object, str]
"""An object and the attribute of it that holds the name."""


def service_references(project: Project, service_id: str) -> list[Reference]:
    """The metrics measuring the service ``service_id``."""
    return [(metric, "service") for metric in project.metrics if metric.service == service_id]


def metric_references(project: Project, metric_id: str) -> list[Reference]:
    """The service credits paid on the metric ``metric_id``, and the customer
    groups' own targets and credit tiers for it."""
    credits = project.service_credits
    found: list[Reference] = [(credits, "metric")] if credits.metric == metric_id else []
    for group in project.customer_groups:
        found += [(own, "metric") for own in _overrides(group) if own.metric == metric_id]
    return found


def _overrides(group: CustomerGroup) -> list[GroupTarget | GroupCreditTiers]:
    """A customer group's own targets and credit tiers, each naming a metric."""
    return [*group.targets, *group.credit_tiers]


def person_references(project: Project, name: str) -> list[Reference]:
    """The reports addressed to the person called ``name``."""
    reporting = project.reporting
    return [(reporting, "recipient")] if name and reporting.recipient == name else []


def redirect(references: Iterable[Reference], value: str) -> None:
    """Point every reference at ``value``."""
    for owner, attribute in references:
        setattr(owner, attribute, value)


def _credit_schedules(project: Project) -> list[CreditSchedule]:
    credits = project.service_credits
    return [credits, *credits.more_schedules]


def removal_consequences(project: Project, item: object) -> list[str]:
    """What would name something that no longer exists if ``item`` (a
    service, service level, severity level or contact) were removed: one
    sentence each, for the user to confirm the removal with."""
    if isinstance(item, Service) and item.id:
        return [_("The service level “{metric}” measures this service.").format(
                    metric=metric.name or metric.id)
                for metric in project.metrics if metric.service == item.id]
    schedules = _credit_schedules(project)
    if isinstance(item, Metric) and item.id:
        found = []
        if any(schedule.metric == item.id for schedule in schedules):
            found.append(_("Service credits are paid on this service level."))
        # the service levels whose misses let the customer end the agreement
        if item.id in (getattr(project.termination.chronic_failure, "metrics", None) or []):
            found.append(_("The customer may end the agreement when this service level is "
                           "missed repeatedly."))
        found += [_("The customer group “{group}” has its own terms for this service level.")
                  .format(group=group.name or group.id) for group in project.customer_groups
                  if any(own.metric == item.id for own in _overrides(group))]
        return found
    if isinstance(item, SeverityLevel) and item.id \
            and any(schedule.severity == item.id for schedule in schedules):
        return [_("Service credits are paid for missed responses at this severity level.")]
    if isinstance(item, Contact) and item.name and person_references(project, item.name):
        return [_("The service reports are addressed to this person.")]
    return []
