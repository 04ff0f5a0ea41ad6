"""Every credit schedule of the agreement worked out on a measured month
(:func:`wizard.core.attainment.measure_month`), with the functions the
contract's examples use (:mod:`wizard.core.credit_schedules`).

The month gives each schedule what it needs: a tiered schedule the value
its level attained, a schedule of lost time or of a multiple of the downtime
the minutes of downtime counted against its level, a schedule per missed
response the responses of its severity level that missed their target (an
open ticket already over its target counts as missed)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from wizard.core.attainment import Measure, MonthResult, minutes
from wizard.core.credit_schedules import MonthCredits, MonthMeasures, credit_due, credits_for_month


def month_measures(result: MonthResult) -> MonthMeasures:
    """What the measured month gives the credit schedules."""
    attained = {level.metric.id: level.attained for level in result.levels}
    downtime = {level.metric.id: minutes(level.availability.down)
                for level in result.levels if level.availability is not None}
    missed: dict[str, int] = {}
    for target in result.tickets:
        if target.measure is Measure.RESPONSE:
            missed[target.severity.id] = missed.get(target.severity.id, 0) + len(target.missed)
    return MonthMeasures(attained=attained, downtime_minutes=downtime, missed_responses=missed)


def month_credits(result: MonthResult) -> MonthCredits:
    """Each schedule's credit for the month and their sum after the monthly caps."""
    return credits_for_month(result.project, month_measures(result))


def month_credit_due(result: MonthResult, earlier_credits: Sequence[Decimal],
                     yearly_fees: Decimal | None) -> Decimal:
    """The month's credit over every schedule after the yearly cap:
    ``earlier_credits`` are the credits given for the eleven months before
    (oldest first), ``yearly_fees`` the fees of the twelve months ending with
    this one (twelve times the month's when they did not change)."""
    credits = result.project.service_credits
    return credit_due(credits, month_credits(result).total, earlier_credits, yearly_fees)
