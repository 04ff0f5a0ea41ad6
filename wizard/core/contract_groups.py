"""The customer groups of a multi-level agreement, as the contract shows them.

A multi-level agreement has the organisation-wide terms (the service levels,
severity levels and credits as they are), the terms of each customer group
(``Project.customer_groups``) and the terms of single services (the levels
whose ``service`` names one). A group inherits every target and credit of the
organisation and overrides only what it names, so the contract shows one
table: a row per service level with its organisation-wide target and the
target for each group, inherited values included, so that each group's
column reads complete. A group's own credit tiers get a tier table each, and
a group's own availability target its allowed downtime.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from wizard.core.contract_availability import downtime_row, is_availability
from wizard.core.credit_clauses import tier_rows
from wizard.core.model import (
    CreditKind,
    CreditSchedule,
    CustomerGroup,
    Metric,
    Project,
)

if TYPE_CHECKING:  # pragma: no cover
    from wizard.core.contract import ContractFormatter

LevelTarget = Callable[[Metric, Decimal], str]
"""A level's target as the service level table writes it ("at least 99.9%")."""
MetricTarget = Callable[[Decimal, str], str]
"""A value with its level's unit ("99.9%", "4 hours")."""


def has_levels(project: Project) -> bool:
    """Whether the agreement has more than one level of terms: the
    organisation's and at least one customer group's."""
    return bool(project.customer_groups)


def tiers_schedule(project: Project, metric_id: str) -> CreditSchedule | None:
    """The enabled tier schedule of the service level ``metric_id``, the one
    a group's own credit tiers replace; None when there is none."""
    credits = project.service_credits
    if not credits.enabled:
        return None
    return next((s for s in credits.schedules()
                 if s.kind is CreditKind.TIERS and s.metric == metric_id and s.tiers), None)


def _group_sentence(group: CustomerGroup, fmt: ContractFormatter) -> str:
    t = fmt.gettext
    name = group.name.strip()
    description = group.description.strip()
    if description:
        return t("Customer group “%(name)s”: %(description)s") % {
            "name": name, "description": description}
    return t("Customer group “%(name)s”.") % {"name": name}


def _credit_overrides(project: Project, fmt: ContractFormatter,
                      value: MetricTarget) -> list[dict[str, Any]]:
    t = fmt.gettext
    items = []
    for group in project.customer_groups:
        for override in group.credit_tiers:
            metric = project.metric_by_id(override.metric)
            schedule = tiers_schedule(project, override.metric)
            if metric is None or schedule is None or not override.tiers:
                continue
            own = schedule.model_copy(update={"tiers": override.tiers})
            items.append({
                "group": t("“%(name)s”") % {"name": group.name.strip()},
                "metric": t("“%(name)s”") % {"name": metric.name},
                "tiers": tier_rows(own, metric.unit, fmt, value),
            })
    return items


def _downtime_overrides(project: Project, fmt: ContractFormatter) -> list[str]:
    """The allowed downtime of each group's own availability target."""
    t = fmt.gettext
    sentences = []
    for group in project.customer_groups:
        for metric in project.metrics:
            target = group.target_for(metric)
            if not is_availability(metric) or target == metric.target:
                continue
            own = metric.model_copy(update={"target": target})
            allowance = downtime_row(project, own, fmt)["allowance"]
            sentences.append(t("%(name)s for customer group “%(group)s”: %(allowance)s") % {
                "name": metric.name, "group": group.name.strip(), "allowance": allowance})
    return sentences


def groups_context(project: Project, fmt: ContractFormatter, level_target: LevelTarget,
                   value: MetricTarget) -> dict[str, Any]:
    """The ``customer_groups`` data of the template: empty lists and
    ``included`` false for an agreement of one level."""
    if not has_levels(project):
        return {"included": False, "groups": [], "rows": [], "credits": [], "downtime": []}
    groups = project.customer_groups
    rows = [{
        "name": metric.name,
        "organisation": level_target(metric, metric.target),
        "targets": [level_target(metric, group.target_for(metric)) for group in groups],
    } for metric in project.metrics]
    return {
        "included": True,
        "groups": [{"name": group.name.strip(), "description": group.description.strip(),
                    "sentence": _group_sentence(group, fmt)} for group in groups],
        "rows": rows,
        "credits": _credit_overrides(project, fmt, value),
        "downtime": _downtime_overrides(project, fmt),
    }
