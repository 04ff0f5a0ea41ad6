"""Checks of the credit parts format 2 added: further schedules, minimum and
yearly caps, the form credits take and the claim procedure (the first
schedule's metric, tiers and monthly cap are checked in
:mod:`wizard.core.checks`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from wizard.core.checks import Loc, Problem, Severity
from wizard.core.model import (
    PERCENT_UNIT,
    CreditForm,
    CreditKind,
    CreditSchedule,
    Direction,
    MetricKind,
    PartyRole,
    Project,
    ServiceCredits,
)
from wizard.core.steps import Step
from wizard.i18n import _

STEP = Step.CREDITS
SCHEDULES: Loc = ("service_credits", "more_schedules")


def _error(loc: Loc, message: str) -> Problem:
    return Problem(Severity.ERROR, STEP, loc, message)


def _warning(loc: Loc, message: str) -> Problem:
    return Problem(Severity.WARNING, STEP, loc, message)


def _percent(loc: Loc, value: Decimal | None) -> Iterator[Problem]:
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        yield _error(loc, _("A percentage must be between 0 and 100."))


def _money(loc: Loc, value: Decimal | None) -> Iterator[Problem]:
    if value is not None and value < 0:
        yield _error(loc, _("An amount of money cannot be below zero."))


def _schedule(project: Project, schedule: CreditSchedule, loc: Loc) -> Iterator[Problem]:
    yield from _percent((*loc, "cap_percent"), schedule.cap_percent)
    yield from _money((*loc, "minimum_credit"), schedule.minimum_credit)
    if schedule.kind is CreditKind.PER_MISS:
        if not any(level.id == schedule.severity for level in project.severity_levels):
            yield _error((*loc, "severity"),
                         _("Choose the severity level whose missed responses earn credits."))
        if schedule.percent is None:
            yield _error((*loc, "percent"),
                         _("Give the credit for each missed response, as a percentage."))
        yield from _percent((*loc, "percent"), schedule.percent)
        return
    metric = project.metric_by_id(schedule.metric)
    if metric is None:
        yield _error((*loc, "metric"), _("Choose the metric this schedule credits."))
        return
    if metric.owed_by is PartyRole.CUSTOMER:
        yield _error((*loc, "metric"),
                     _("This service level is owed by the Customer: choose a level the "
                       "Provider owes."))
    if schedule.kind is CreditKind.TIERS:
        if metric.direction is not Direction.AT_LEAST:
            yield _error((*loc, "metric"),
                         _("Tiers start below a threshold, so their metric must be one where "
                           "more is better (such as availability)."))
        if not schedule.tiers:
            yield _error((*loc, "tiers"), _("Add at least one credit tier."))
        for index, tier in enumerate(schedule.tiers):
            yield from _percent((*loc, "tiers", index, "below"), tier.below)
            yield from _percent((*loc, "tiers", index, "credit_percent"), tier.credit_percent)
        return
    if metric.kind is not MetricKind.AVAILABILITY or metric.unit != PERCENT_UNIT:
        yield _error((*loc, "metric"),
                     _("Credits for lost time count downtime: choose an availability level "
                       "in percent."))
    if schedule.kind is CreditKind.LOST_TIME:
        yield from _money((*loc, "hourly_rate"), schedule.hourly_rate)
    elif schedule.multiple is None or schedule.multiple <= 0:
        yield _error((*loc, "multiple"),
                     _("Give how many times the downtime is credited (more than 0)."))


def uses_claim_window(credits: ServiceCredits) -> bool:
    """Whether the contract states the claim window: not when credits need no
    claim, nor when the claim procedure sets its own deadline."""
    return (credits.form is not CreditForm.AUTOMATIC_WAIVER
            and not credits.claim_procedure.included)


def credit_addition_problems(project: Project) -> Iterator[Problem]:
    """Problems of the further schedules, the minimum, the yearly cap and the
    claim procedure, for credits that are switched on."""
    credits = project.service_credits
    yield from _money(("service_credits", "minimum_credit"), credits.minimum_credit)
    for index, schedule in enumerate(credits.more_schedules):
        yield from _schedule(project, schedule, (*SCHEDULES, index))
    yield from _percent(("service_credits", "yearly_cap_percent"), credits.yearly_cap_percent)
    yield from _money(("service_credits", "yearly_cap_amount"), credits.yearly_cap_amount)
    procedure = credits.claim_procedure
    if not procedure.included:
        return
    loc: Loc = ("service_credits", "claim_procedure")
    if credits.form is CreditForm.AUTOMATIC_WAIVER:
        yield _warning((*loc, "included"),
                       _("Credits are given without a claim, so the contract leaves the claim "
                         "procedure out."))
    elif not procedure.channel.strip():
        yield _warning((*loc, "channel"),
                       _("Say where the customer sends a claim (a portal, an address); without "
                         "it the contract asks for a claim in writing."))
