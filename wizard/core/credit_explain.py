"""Live sentences for the credit parts format 2 added, in the interface
language: what a further schedule pays on an example, and what the yearly
cap allows. Worked out by :mod:`wizard.core.credit_schedules`, as the
contract's examples and a measured month are."""

from __future__ import annotations

from decimal import Decimal

from wizard.core.compute import credit_amount
from wizard.core.credit_clauses import EXAMPLE_DOWNTIME_MINUTES, EXAMPLE_MISSES
from wizard.core.credit_schedules import (
    MonthMeasures,
    covered_fee,
    schedule_credit,
    yearly_limit,
)
from wizard.core.explain import duration_text, money_text, number_text, value_text
from wizard.core.model import CreditKind, CreditSchedule, Project
from wizard.i18n import _, language

MONTHS_IN_YEAR = 12


def schedule_sentence(project: Project, schedule: CreditSchedule,
                      locale: str | None = None) -> str | None:
    """``After 2 missed responses of P1 in a month the customer receives $107.50
    (of a monthly fee of $2,150.00).`` ``None`` when the schedule lacks what
    its kind needs."""
    locale = locale or language()
    metric = project.metric_by_id(schedule.metric)

    def money(value: Decimal) -> str:
        return money_text(value, project.currency, locale)

    if schedule.kind is CreditKind.PER_MISS:
        level = next((s for s in project.severity_levels if s.id == schedule.severity), None)
        if level is None:
            return None
        measures = MonthMeasures(missed_responses={level.id: EXAMPLE_MISSES})
        at = _("After {count} missed responses of {level} in a month").format(
            count=number_text(EXAMPLE_MISSES, locale), level=level.id)
    elif metric is None:
        return None
    elif schedule.kind is CreditKind.TIERS:
        if not schedule.tiers:
            return None
        tiers = sorted(schedule.tiers, key=lambda tier: tier.below, reverse=True)
        sample = tiers[min(1, len(tiers) - 1)].below - Decimal("0.3")
        measures = MonthMeasures(attained={metric.id: sample})
        at = _("At {value} for “{metric}”").format(
            value=value_text(sample, metric.unit, locale), metric=metric.name.strip() or metric.id)
    else:
        measures = MonthMeasures(downtime_minutes={metric.id: EXAMPLE_DOWNTIME_MINUTES})
        at = _("After {downtime} of downtime in a month").format(
            downtime=duration_text(EXAMPLE_DOWNTIME_MINUTES * 60, locale))
    part = schedule_credit(project, schedule, measures)
    if part is None:
        return _("{at} the customer receives a credit once the services have a monthly "
                 "fee.").format(at=at)
    if not part.amount:
        return _("{at} the customer receives no credit.").format(at=at)
    hourly = schedule.kind is CreditKind.LOST_TIME and schedule.hourly_rate is not None
    if part.fee is None or hourly:
        return _("{at} the customer receives {amount}.").format(at=at, amount=money(part.amount))
    return _("{at} the customer receives {amount} (of a monthly fee of {fee}).").format(
        at=at, amount=money(part.amount), fee=money(part.fee))


def yearly_cap_sentence(project: Project, locale: str | None = None) -> str | None:
    """``The credits of any twelve months add up to at most $2,580.00.`` with
    what that is worked on; ``None`` without a yearly cap."""
    locale = locale or language()
    credits = project.service_credits
    fee = covered_fee(project, credits)
    yearly_fees = fee * MONTHS_IN_YEAR if fee is not None else None
    limit = yearly_limit(credits, yearly_fees)
    if limit is None:
        return None
    text = _("The credits of any twelve consecutive months add up to at most {limit}; each "
             "month's credit counts those of the eleven months before it.").format(
        limit=money_text(limit, project.currency, locale))
    if (credits.yearly_cap_percent is not None and yearly_fees is not None
            and limit == credit_amount(yearly_fees, credits.yearly_cap_percent)):
        text += " " + _("({fees} is twelve months of the fees credited.)").format(
            fees=money_text(yearly_fees, project.currency, locale))
    return text
