"""Checks of the customer groups of a multi-level agreement
(``Project.customer_groups``): what a group must have to be printed, and the
overrides that say nothing or point nowhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from wizard.core.checks import Loc, Problem, Severity
from wizard.core.contract_groups import tiers_schedule
from wizard.core.model import AgreementType, CreditTier, CustomerGroup, Direction, Project
from wizard.core.steps import Step
from wizard.i18n import _

MAX_GROUPS = 5
"""The most customer groups whose columns fit the width of a page beside the
service level and the organisation's target."""


def _error(loc: Loc, message: str) -> Problem:
    return Problem(Severity.ERROR, Step.METRICS, loc, message)


def _warning(loc: Loc, message: str) -> Problem:
    return Problem(Severity.WARNING, Step.METRICS, loc, message)


def group_problems(project: Project) -> Iterator[Problem]:
    """Every problem of the customer groups, and of a multi-level agreement
    without any."""
    groups = project.customer_groups
    if project.agreement.type is AgreementType.MULTI_LEVEL and not groups:
        yield _warning(("customer_groups",), _(
            "This is a multi-level agreement, but it has no customer groups: the contract reads "
            "as an agreement of one level. Add customer groups (Gold and Silver, say) with the "
            "targets that differ for them, or choose another type of agreement."))
    if len(groups) > MAX_GROUPS:
        yield _warning(("customer_groups",), _(
            "The contract shows a column for each of the {count} customer groups; more than "
            "{most} make the table too narrow to read. Merge groups that differ little.")
            .format(count=len(groups), most=MAX_GROUPS))
    twice = {value for value, count in Counter(g.id for g in groups).items() if count > 1}
    for index, group in enumerate(groups):
        loc: Loc = ("customer_groups", index)
        if not group.id.strip():
            yield _error((*loc, "id"), _("A customer group needs a short identifier."))
        elif group.id in twice:
            yield _error((*loc, "id"), _('Two customer groups use the identifier "{id}".')
                         .format(id=group.id))
        if not group.name.strip():
            yield _error((*loc, "name"), _("Name this customer group."))
        yield from _targets(project, group, loc)
        yield from _credit_tiers(project, group, loc)


def _targets(project: Project, group: CustomerGroup, loc: Loc) -> Iterator[Problem]:
    named = Counter(o.metric for o in group.targets)
    for index, override in enumerate(group.targets):
        at: Loc = (*loc, "targets", index)
        metric = project.metric_by_id(override.metric)
        if metric is None:
            yield _error((*at, "metric"), _(
                'The customer group "{group}" sets a target for the service level "{metric}", '
                "which does not exist.").format(group=group.name, metric=override.metric))
            continue
        if named[override.metric] > 1:
            yield _error((*at, "metric"), _(
                'The customer group "{group}" sets the target of "{metric}" more than once.')
                .format(group=group.name, metric=metric.name))
        if override.target == metric.target:
            yield _warning((*at, "target"), _(
                'The target of "{metric}" for the customer group "{group}" is the same as for '
                "the whole organisation: it says nothing new; remove it.")
                .format(group=group.name, metric=metric.name))
        elif (override.target < metric.target) == (metric.direction is Direction.AT_LEAST):
            yield _warning((*at, "target"), _(
                'The target of "{metric}" for the customer group "{group}" is looser than the '
                "one for the whole organisation. A group's own terms usually promise more, not "
                "less; check that this is meant.").format(group=group.name, metric=metric.name))


def _credit_tiers(project: Project, group: CustomerGroup, loc: Loc) -> Iterator[Problem]:
    for index, override in enumerate(group.credit_tiers):
        at: Loc = (*loc, "credit_tiers", index)
        metric = project.metric_by_id(override.metric)
        if metric is None:
            yield _error((*at, "metric"), _(
                'The customer group "{group}" sets credit tiers for the service level '
                '"{metric}", which does not exist.').format(group=group.name,
                                                            metric=override.metric))
        elif tiers_schedule(project, override.metric) is None:
            yield _warning((*at, "metric"), _(
                'The customer group "{group}" sets credit tiers for "{metric}", but the '
                "agreement gives no service credits by tiers for that service level, so the "
                "contract leaves them out.").format(group=group.name, metric=metric.name))
        elif override.tiers == schedule_tiers(project, override.metric):
            yield _warning((*at, "tiers"), _(
                'The credit tiers of "{metric}" for the customer group "{group}" are the same '
                "as for the whole organisation: they say nothing new; remove them.")
                .format(group=group.name, metric=metric.name))
        elif not override.tiers:
            yield _warning((*at, "tiers"), _(
                'The customer group "{group}" has credit tiers for "{metric}" without any '
                "tier: add the tiers, or remove them.").format(group=group.name,
                                                              metric=metric.name))
        for number, tier in enumerate(override.tiers):
            if not Decimal(0) <= tier.credit_percent <= Decimal(100):
                yield _error((*at, "tiers", number, "credit_percent"),
                             _("A percentage must be between 0 and 100."))


def schedule_tiers(project: Project, metric_id: str) -> list[CreditTier]:
    """The organisation's tiers for ``metric_id`` (none without a tier schedule)."""
    schedule = tiers_schedule(project, metric_id)
    return schedule.tiers if schedule is not None else []
