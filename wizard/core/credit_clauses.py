"""The service-credit clause's data for the contract template: the first
schedule's tiers as format 1 wrote them, the further schedules with their own
figures and worked examples, the caps per month and per year, the form
credits take, and the optional claim procedure.

Examples are worked out by :mod:`wizard.core.credit_schedules`, the same
functions that work out the credit of a measured month.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from wizard.core.compute import (
    PERIOD_MINUTES,
    applicable_tier,
    credit_amount,
    credit_example_value,
    credit_percent_due,
    credited_monthly_fee,
)
from wizard.core.credit_schedules import MonthMeasures, ScheduleCredit, schedule_credit
from wizard.core.model import (
    ClaimDeadlineUnit,
    ClaimProcedure,
    CreditForm,
    CreditIssue,
    CreditKind,
    CreditSchedule,
    CreditTier,
    LastMonthCredit,
    Period,
    Project,
)
from wizard.i18n import N_

EXAMPLE_MISSES = 2
"""Missed responses in the example of a schedule that credits each miss."""
EXAMPLE_DOWNTIME_MINUTES = Decimal(120)
"""Downtime in the example of a schedule that credits lost time."""

BILLING_CYCLE_TERM = (
    N_("Billing Cycle"),
    N_("The period that one invoice of the fees covers."),
)


class Formatter(Protocol):
    """What the clause needs of :class:`wizard.core.contract.ContractFormatter`."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def number(self, value: Decimal | int) -> str: ...
    def percent(self, value: Decimal) -> str: ...
    def money(self, value: Decimal) -> str: ...
    def days(self, count: int) -> str: ...
    def duration(self, seconds: Decimal) -> str: ...


MetricTarget = Callable[[Decimal, str], str]
"""A measured value written with its metric's unit (``99.5%``, ``4 hours``)."""


def tier_rows(schedule: CreditSchedule, unit: str, fmt: Formatter,
               target: MetricTarget) -> list[dict[str, str]]:
    t = fmt.gettext
    tiers = sorted(schedule.tiers, key=lambda tier: tier.below, reverse=True)
    rows = []
    for index, tier in enumerate(tiers):
        lower = tiers[index + 1].below if index + 1 < len(tiers) else None
        value = target(tier.below, unit)
        if lower is None:
            measured = t("below %(upper)s") % {"upper": value}
        else:
            measured = t("below %(upper)s, down to and including %(lower)s") % {
                "upper": value, "lower": target(lower, unit)}
        rows.append({"measured": measured, "credit": fmt.percent(tier.credit_percent)})
    return rows


def _first_tiers_example(project: Project, fmt: Formatter, target: MetricTarget,
                         unit: str, service: str) -> dict[str, str] | None:
    credits = project.service_credits
    fee = credited_monthly_fee(project.services, service)
    sample = credit_example_value(credits)
    due = credit_percent_due(credits, sample) if sample is not None else Decimal(0)
    if fee is None or sample is None or not due:
        return None
    return {"measured": target(sample, unit), "percent": fmt.percent(due),
            "fee": fmt.money(fee), "amount": fmt.money(credit_amount(fee, due))}


def _example_share(schedule: CreditSchedule, part: ScheduleCredit,
                   percent: Decimal | None) -> Decimal | None:
    """The share of the monthly fees of the services concerned that a worked
    example credits, when the credit is such a share: ``percent`` (the share
    before the schedule's minimum and cap) or the cap; ``None`` when the credit
    is an amount of its own (a minimum, lost time)."""
    if part.fee is None or percent is None:
        return None
    shares = [percent] + ([schedule.cap_percent] if schedule.cap_percent is not None else [])
    share = next((share for share in shares
                  if credit_amount(part.fee, share) == part.amount), None)
    if share is None:
        return None
    # 2 × 2.5 % is 5 %, not 5.0 %
    return share.to_integral_value() if share == share.to_integral_value() else share.normalize()


def schedule_example(project: Project, schedule: CreditSchedule,
                     fmt: Formatter, target: MetricTarget) -> str:
    """A worked example of a schedule, or ``""`` when none can be worked out.
    Every schedule's example says it one way: a credit that is a share of the
    fees as that share "of the monthly fees of the services concerned (fee),
    that is amount", any other as "a credit of amount"."""
    t = fmt.gettext
    metric = project.metric_by_id(schedule.metric)
    if schedule.kind is CreditKind.TIERS:
        if metric is None or not schedule.tiers:
            return ""
        tiers = sorted(schedule.tiers, key=lambda tier: tier.below, reverse=True)
        sample = tiers[min(1, len(tiers) - 1)].below - Decimal("0.3")
        part = schedule_credit(project, schedule, MonthMeasures(attained={metric.id: sample}))
        if part is None or part.fee is None or not part.amount:
            return ""
        tier = applicable_tier(schedule.tiers, sample)
        share = _example_share(schedule, part, tier.credit_percent if tier else None)
        values = {"measured": target(sample, metric.unit), "amount": fmt.money(part.amount),
                  "fee": fmt.money(part.fee)}
        if share is None:
            return t("For example, at %(measured)s the Customer receives a credit of "
                     "%(amount)s.") % values
        return t("For example, at %(measured)s the Customer receives %(percent)s of the "
                 "monthly fees of the services concerned (%(fee)s), that is %(amount)s.") % {
            **values, "percent": fmt.percent(share)}
    if schedule.kind is CreditKind.PER_MISS:
        measures = MonthMeasures(missed_responses={schedule.severity or "": EXAMPLE_MISSES})
        part = schedule_credit(project, schedule, measures)
        if part is None or part.fee is None or not part.amount:
            return ""
        share = _example_share(schedule, part, schedule.percent * EXAMPLE_MISSES
                               if schedule.percent is not None else None)
        values = {"count": fmt.number(EXAMPLE_MISSES), "amount": fmt.money(part.amount),
                  "fee": fmt.money(part.fee)}
        if share is None:
            return t("For example, after %(count)s missed responses in a month the Customer "
                     "receives a credit of %(amount)s.") % values
        return t("For example, after %(count)s missed responses in a month the Customer "
                 "receives %(percent)s of the monthly fees of the services concerned "
                 "(%(fee)s), that is %(amount)s.") % {**values, "percent": fmt.percent(share)}
    if metric is None:
        return ""
    part = schedule_credit(project, schedule,
                           MonthMeasures(downtime_minutes={metric.id: EXAMPLE_DOWNTIME_MINUTES}))
    if part is None or not part.amount:
        return ""
    # lost time and multiples of downtime credit an amount, not a set share of the fees
    return t("For example, after %(downtime)s of downtime in a month the Customer receives "
             "a credit of %(amount)s.") % {"downtime": fmt.duration(EXAMPLE_DOWNTIME_MINUTES * 60),
                                           "amount": fmt.money(part.amount)}


def _schedule_item(project: Project, schedule: CreditSchedule, fmt: Formatter,
                   target: MetricTarget, own_cap: bool) -> dict[str, Any] | None:
    """A schedule the clause writes after the first tiers, or ``None`` when it
    names no level the agreement has (the checks say so on the Credits step)."""
    t = fmt.gettext
    metric = project.metric_by_id(schedule.metric)
    severity = next((s for s in project.severity_levels if s.id == schedule.severity), None)
    kind = schedule.kind
    item: dict[str, Any] = {
        "tiers": [], "per_miss": False, "hourly": False, "prorated": False, "multiple": "",
        "metric": "", "severity": "", "percent": "", "rate": "",
        "month": fmt.number(PERIOD_MINUTES[Period.MONTH]),
    }
    if kind is CreditKind.PER_MISS:
        if severity is None or schedule.percent is None:
            return None
        item.update(per_miss=True, percent=fmt.percent(schedule.percent),
                    severity=t("“%(name)s”") % {"name": severity.name.strip() or severity.id})
    else:
        if metric is None:
            return None
        item["metric"] = t("“%(name)s”") % {"name": metric.name}
        if kind is CreditKind.TIERS:
            if not schedule.tiers:
                return None
            item["tiers"] = tier_rows(schedule, metric.unit, fmt, target)
        elif kind is CreditKind.LOST_TIME and schedule.hourly_rate is not None:
            item.update(hourly=True, rate=fmt.money(schedule.hourly_rate))
        elif kind is CreditKind.LOST_TIME:
            item["prorated"] = True
        else:
            item["multiple"] = fmt.number(schedule.multiple if schedule.multiple is not None
                                          else Decimal(1))
    item["example"] = schedule_example(project, schedule, fmt, target)
    item["minimum"] = fmt.money(schedule.minimum_credit) \
        if schedule.minimum_credit is not None else ""
    item["cap"] = fmt.percent(schedule.cap_percent) \
        if own_cap and schedule.cap_percent is not None else ""
    return item


def _claim_context(project: Project, fmt: Formatter) -> dict[str, Any] | None:
    procedure = project.service_credits.claim_procedure
    if not procedure.included:
        return None
    if procedure.deadline_unit is ClaimDeadlineUnit.BILLING_CYCLES:
        deadline = fmt.ngettext("%(num)s billing cycle", "%(num)s billing cycles",
                                procedure.deadline) % {"num": fmt.number(procedure.deadline)}
    else:
        deadline = fmt.days(procedure.deadline)
    return {
        "channel": procedure.channel.strip(),
        "contents": [line.strip() for line in procedure.contents if line.strip()],
        "deadline": deadline,
        "answer": fmt.days(procedure.answer_days) if procedure.answer_days else "",
        "issue_days": fmt.days(procedure.issue_days)
        if procedure.issued is CreditIssue.WITHIN_DAYS else "",
        "last_month_refunded": procedure.last_month is LastMonthCredit.REFUNDED,
    }


def credits_context(project: Project, fmt: Formatter,
                    target: MetricTarget) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The ``credits`` data of the template, and the terms the clause adds to
    the definitions beyond Service Credit (Billing Cycle, when a claim
    deadline counts billing cycles)."""
    t = fmt.gettext
    credits = project.service_credits
    if not credits.enabled:
        return {"enabled": False}, []
    first, *more = credits.schedules()
    metric = project.metric_by_id(first.metric)
    first_tiers = first.kind is CreditKind.TIERS and metric is not None and bool(first.tiers)
    items = [] if first_tiers else [_schedule_item(project, first, fmt, target, own_cap=False)]
    items += [_schedule_item(project, schedule, fmt, target, own_cap=True) for schedule in more]
    schedules = [item for item in items if item is not None]
    if not first_tiers and not schedules:
        return {"enabled": False}, []
    automatic = credits.form is CreditForm.AUTOMATIC_WAIVER
    claim = None if automatic else _claim_context(project, fmt)
    context: dict[str, Any] = {
        "enabled": True,
        "metric": t("“%(name)s”") % {"name": metric.name} if first_tiers and metric else "",
        "tiers": tier_rows(first, metric.unit, fmt, target) if first_tiers and metric else [],
        "example": _first_tiers_example(project, fmt, target, metric.unit, metric.service)
        if first_tiers and metric else None,
        "minimum": fmt.money(first.minimum_credit)
        if first_tiers and first.minimum_credit is not None else "",
        "schedules": schedules,
        "cap": fmt.percent(credits.cap_percent) if credits.cap_percent is not None else "",
        "yearly_cap": fmt.percent(credits.yearly_cap_percent)
        if credits.yearly_cap_percent is not None else "",
        "yearly_cap_amount": fmt.money(credits.yearly_cap_amount)
        if credits.yearly_cap_amount is not None else "",
        "claim_window": fmt.days(credits.claim_window_days)
        if credits.claim_window_days and not automatic else "",
        "automatic": automatic,
        "refund_at_end": credits.form is CreditForm.REFUND_AT_END,
        "claim": claim,
        "sole_remedy": credits.sole_remedy,
    }
    billing_cycles = (claim is not None and credits.claim_procedure.deadline_unit
                      is ClaimDeadlineUnit.BILLING_CYCLES)
    return context, [BILLING_CYCLE_TERM] if billing_cycles else []


def with_every_credit_part(project: Project) -> Project:
    """``project`` with a further schedule of each kind, a minimum, caps per
    month and per year and a claim procedure: the sample that shows a template
    checker every value the credit clause may hold."""
    sample = project.model_copy(deep=True)
    credits = sample.service_credits
    metric = next((m.id for m in sample.metrics), None)
    severity = next((s.id for s in sample.severity_levels), None)
    credits.enabled = True
    credits.minimum_credit = Decimal("10")
    credits.yearly_cap_percent = Decimal("15")
    credits.yearly_cap_amount = Decimal("10000")
    credits.more_schedules = [
        CreditSchedule(metric=metric, tiers=[CreditTier(below=Decimal("99"),
                                                        credit_percent=Decimal("5"))],
                       cap_percent=Decimal("10")),
        CreditSchedule(kind=CreditKind.PER_MISS, severity=severity, percent=Decimal("2")),
        CreditSchedule(kind=CreditKind.LOST_TIME, metric=metric, hourly_rate=Decimal("40")),
        CreditSchedule(kind=CreditKind.MULTIPLE_OF_DOWNTIME, metric=metric,
                       multiple=Decimal("10"), minimum_credit=Decimal("25")),
    ]
    credits.claim_procedure = ClaimProcedure(
        included=True, channel="credits@example.com", contents=["The month concerned"],
        deadline=2, deadline_unit=ClaimDeadlineUnit.BILLING_CYCLES, answer_days=10,
        issued=CreditIssue.WITHIN_DAYS)
    return sample
