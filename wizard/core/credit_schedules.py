"""What the credit schedules pay for a month, and the yearly cap.

Pure functions of the model, locale-free. Each schedule of
:meth:`~wizard.model.ServiceCredits.schedules` works its credit out on the
monthly fee of the services it covers (:func:`schedule_fee`):

* ``tiers``: the tier the measured value falls in, a share of the fee;
* ``per_miss``: ``percent`` of the fee for each missed response of the
  schedule's severity level;
* ``lost_time``: each hour of downtime at ``hourly_rate``, or without a rate
  the fee prorated on the month of the downtime convention (43,830 minutes);
* ``multiple_of_downtime``: ``multiple`` times the downtime, prorated alike.

A schedule's credit is at least its ``minimum_credit`` once any is due, then
at most its ``cap_percent`` of the fee. The schedules' credits of a month add
up and, with several schedules, are capped together at the agreement's
``cap_percent`` of the fees of every service they cover (with one schedule
that is the schedule's own cap, as in format 1). :func:`credit_due` then
applies the yearly cap, which counts the credits of the previous eleven
months.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from wizard.core.compute import (
    PERIOD_MINUTES,
    applicable_tier,
    credit_amount,
    credited_monthly_fee,
)
from wizard.core.model import CreditKind, CreditSchedule, Period, Project, ServiceCredits

CENT = Decimal("0.01")
MONTHS_COUNTED_BY_YEARLY_CAP = 12
"""The yearly cap counts a month's credit with those of the eleven before it."""


@dataclass(frozen=True)
class MonthMeasures:
    """What a month measured, as far as credits need it."""

    attained: Mapping[str, Decimal] = field(default_factory=dict)
    """Metric id → the value attained in the month."""
    downtime_minutes: Mapping[str, Decimal] = field(default_factory=dict)
    """Metric id → minutes of downtime counted against the level."""
    missed_responses: Mapping[str, int] = field(default_factory=dict)
    """Severity level id → responses that missed their target."""


@dataclass(frozen=True)
class ScheduleCredit:
    """One schedule's credit for a month."""

    schedule: CreditSchedule
    fee: Decimal | None
    """The monthly fee the credit is worked out on; ``None`` when none is set."""
    amount: Decimal
    """The credit in money, after the schedule's minimum and cap."""
    uncapped: Decimal
    """The credit before the schedule's cap."""


def schedule_fee(project: Project, schedule: CreditSchedule) -> Decimal | None:
    """The monthly fee a schedule's credit is a share of: its metric's services',
    or every service's for a schedule of missed responses."""
    if schedule.kind is CreditKind.PER_MISS:
        return credited_monthly_fee(project.services, "*")
    metric = project.metric_by_id(schedule.metric)
    return credited_monthly_fee(project.services, metric.service) if metric else None


def prorated(fee: Decimal, minutes: Decimal) -> Decimal:
    """``fee`` for ``minutes`` of a month of the downtime convention, to the cent."""
    return (fee * minutes / PERIOD_MINUTES[Period.MONTH]).quantize(CENT, ROUND_HALF_UP)


def uncapped_credit(schedule: CreditSchedule, fee: Decimal | None,
                    measures: MonthMeasures) -> Decimal | None:
    """A schedule's credit before its minimum and cap; ``None`` when what it
    needs was not measured (or a share of a fee is due and no fee is set)."""
    kind = schedule.kind
    if kind is CreditKind.PER_MISS:
        misses = measures.missed_responses.get(schedule.severity or "")
        if misses is None or schedule.percent is None:
            return None
        return credit_amount(fee, schedule.percent * misses) if fee is not None else None
    metric = schedule.metric or ""
    if kind is CreditKind.TIERS:
        attained = measures.attained.get(metric)
        if attained is None or fee is None:
            return None
        tier = applicable_tier(schedule.tiers, attained)
        return credit_amount(fee, tier.credit_percent) if tier else Decimal("0.00")
    minutes = measures.downtime_minutes.get(metric)
    if minutes is None:
        return None
    if kind is CreditKind.LOST_TIME and schedule.hourly_rate is not None:
        return (schedule.hourly_rate * minutes / 60).quantize(CENT, ROUND_HALF_UP)
    if fee is None:
        return None
    multiple = schedule.multiple if kind is CreditKind.MULTIPLE_OF_DOWNTIME else 1
    return prorated(fee, minutes * (multiple if multiple is not None else 1))


def schedule_credit(project: Project, schedule: CreditSchedule,
                    measures: MonthMeasures) -> ScheduleCredit | None:
    """A schedule's credit for a month: the minimum once any is due, then the
    schedule's monthly cap. ``None`` when it cannot be worked out."""
    fee = schedule_fee(project, schedule)
    raw = uncapped_credit(schedule, fee, measures)
    if raw is None:
        return None
    amount = raw
    if amount > 0 and schedule.minimum_credit is not None:
        amount = max(amount, schedule.minimum_credit)
    if schedule.cap_percent is not None and fee is not None:
        amount = min(amount, credit_amount(fee, schedule.cap_percent))
    return ScheduleCredit(schedule=schedule, fee=fee, amount=amount, uncapped=raw)


def covered_fee(project: Project, credits: ServiceCredits) -> Decimal | None:
    """The monthly fees of every service some schedule covers."""
    scopes = set()
    for schedule in credits.schedules():
        if schedule.kind is CreditKind.PER_MISS:
            scopes.add("*")
        elif (metric := project.metric_by_id(schedule.metric)) is not None:
            scopes.add(metric.service)
    if "*" in scopes:
        return credited_monthly_fee(project.services, "*")
    fees = [fee for scope in sorted(scopes)
            if (fee := credited_monthly_fee(project.services, scope)) is not None]
    return sum(fees, Decimal(0)) if fees else None


def month_credit(project: Project, credits: ServiceCredits,
                 parts: Sequence[ScheduleCredit]) -> Decimal:
    """The schedules' credits of a month added up; with several schedules the
    sum is capped at ``cap_percent`` of the fees of the services they cover."""
    total = sum((part.amount for part in parts), Decimal("0.00"))
    if len(credits.schedules()) > 1 and credits.cap_percent is not None:
        fee = covered_fee(project, credits)
        if fee is not None:
            total = min(total, credit_amount(fee, credits.cap_percent))
    return total


def yearly_limit(credits: ServiceCredits, yearly_fees: Decimal | None) -> Decimal | None:
    """The most the credits of twelve months add up to: the smaller of
    ``yearly_cap_percent`` of ``yearly_fees`` (the fees of those twelve
    months) and ``yearly_cap_amount``; ``None`` without a yearly cap."""
    limits = []
    if credits.yearly_cap_percent is not None and yearly_fees is not None:
        limits.append(credit_amount(yearly_fees, credits.yearly_cap_percent))
    if credits.yearly_cap_amount is not None:
        limits.append(credits.yearly_cap_amount)
    return min(limits) if limits else None


def credit_due(credits: ServiceCredits, month_amount: Decimal,
               earlier_credits: Sequence[Decimal],
               yearly_fees: Decimal | None) -> Decimal:
    """The credit due for a month after the yearly cap.

    ``month_amount`` is the month's credit after the monthly caps
    (:func:`month_credit`); ``earlier_credits`` the credits already given for
    the previous eleven months (older ones are ignored: pass them newest
    last, at most eleven are counted); ``yearly_fees`` the fees of the twelve
    months ending with this one. The month gets what the yearly limit has
    left, never less than nothing."""
    limit = yearly_limit(credits, yearly_fees)
    if limit is None:
        return month_amount
    counted = list(earlier_credits)[-(MONTHS_COUNTED_BY_YEARLY_CAP - 1):]
    left = max(limit - sum(counted, Decimal(0)), Decimal(0))
    return min(month_amount, left)


@dataclass(frozen=True)
class MonthCredits:
    """Every schedule's credit for a month, and their sum after the monthly caps."""

    parts: tuple[ScheduleCredit, ...]
    not_worked_out: tuple[CreditSchedule, ...]
    """Schedules whose level was not measured (or that lack a fee to share)."""
    total: Decimal
    """The month's credit before the yearly cap (:func:`credit_due` applies it)."""


def credits_for_month(project: Project, measures: MonthMeasures) -> MonthCredits:
    """What each schedule of the agreement pays for a month's ``measures``."""
    credits = project.service_credits
    parts: list[ScheduleCredit] = []
    missing: list[CreditSchedule] = []
    for schedule in credits.schedules():
        part = schedule_credit(project, schedule, measures)
        if part is None:
            missing.append(schedule)
        else:
            parts.append(part)
    return MonthCredits(parts=tuple(parts), not_worked_out=tuple(missing),
                        total=month_credit(project, credits, parts))
