"""Computations the contract and the wizard show: coverage, allowed downtime,
service credits. Pure functions of the model, locale-free.

:data:`PERIOD_MINUTES` are average periods (a month of 365.25 / 12 days,
43,830 minutes), for prorating a fee over time; :func:`allowed_downtime_seconds`
scales a week's coverage to such a period. Availability itself follows the
calendar-month rule of :mod:`wizard.core.availability_rule`, which the
contract states and the monthly report applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from wizard.core.model import (
    CoverageBlock,
    CreditTier,
    MeasuredDuring,
    Period,
    Service,
    ServiceCredits,
    Weekday,
)

MINUTES_PER_DAY = 1440
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

DAYS_PER_YEAR = Decimal("365.25")
"""The year of the downtime convention (a month is a twelfth of it)."""

PERIOD_MINUTES: dict[Period, Decimal] = {
    Period.DAY: Decimal(1440),
    Period.WEEK: Decimal(10080),
    Period.MONTH: Decimal(43830),
    Period.QUARTER: Decimal(131490),
    Period.HALF_YEAR: Decimal(262980),
    Period.YEAR: Decimal(525960),
}


def clock_minutes(clock: str) -> int:
    """``"08:30"`` → 510; ``"24:00"`` → 1440."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def day_intervals(blocks: Iterable[CoverageBlock], day: Weekday) -> list[tuple[int, int]]:
    """The covered minutes of ``day`` as sorted, merged ``(start, end)`` pairs.
    Blocks whose end is not after their start cover nothing."""
    spans = sorted(
        (clock_minutes(b.start), clock_minutes(b.end))
        for b in blocks
        if day in b.days and clock_minutes(b.end) > clock_minutes(b.start)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def uncovered_weekly_minutes(blocks: Sequence[CoverageBlock],
                             by: Sequence[CoverageBlock]) -> int:
    """Minutes of a week inside ``blocks`` but outside ``by`` (an empty list of
    either means around the clock): coverage hours nobody staffs, say."""
    if not by:
        return 0
    total = 0
    for day in Weekday:
        spans = [(0, MINUTES_PER_DAY)] if not blocks else day_intervals(blocks, day)
        covered = day_intervals(by, day)
        for start, end in spans:
            total += end - start - sum(max(0, min(end, c_end) - max(start, c_start))
                                       for c_start, c_end in covered)
    return total


def is_around_the_clock(blocks: Sequence[CoverageBlock]) -> bool:
    """An empty coverage list means 24×7, and so does one covering every minute."""
    return weekly_coverage_minutes(blocks) == MINUTES_PER_WEEK


def weekly_coverage_minutes(blocks: Sequence[CoverageBlock]) -> int:
    """Minutes of one week covered by ``blocks``; overlapping blocks count once.
    An empty list means around the clock."""
    if not blocks:
        return MINUTES_PER_WEEK
    return sum(end - start for day in Weekday for start, end in day_intervals(blocks, day))


def measured_minutes(
    period: Period, measured_during: MeasuredDuring, coverage: Sequence[CoverageBlock]
) -> Decimal:
    """The minutes of one ``period`` during which a target applies."""
    whole = PERIOD_MINUTES[period]
    if measured_during is MeasuredDuring.ALWAYS:
        return whole
    return Decimal(weekly_coverage_minutes(coverage)) * whole / MINUTES_PER_WEEK


def allowed_downtime_seconds(
    target_percent: Decimal,
    period: Period,
    measured_during: MeasuredDuring,
    coverage: Sequence[CoverageBlock],
) -> Decimal:
    """Seconds of downtime per period an availability target allows:
    (1 − target / 100) × measured minutes, in seconds."""
    share = 1 - target_percent / 100
    if share <= 0:
        return Decimal(0)
    return share * measured_minutes(period, measured_during, coverage) * 60


class DurationUnit(StrEnum):
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


_UNIT_SECONDS = {
    DurationUnit.DAY: 86400,
    DurationUnit.HOUR: 3600,
    DurationUnit.MINUTE: 60,
    DurationUnit.SECOND: 1,
}


def duration_parts(seconds: Decimal) -> list[tuple[DurationUnit, Decimal]]:
    """Split a duration into at most its two largest units, rounded the way
    people read downtime: ``26.3 s``, ``21 min 55 s``, ``3 h 39 min``,
    ``2 d 4 h``. Zero parts are left out; zero itself is ``0 s``."""
    if seconds < 60:
        value = seconds.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if value < 60:
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
            return [(DurationUnit.SECOND, value)]
    bands = (
        (DurationUnit.MINUTE, DurationUnit.SECOND, 3600),
        (DurationUnit.HOUR, DurationUnit.MINUTE, 86400),
        (DurationUnit.DAY, DurationUnit.HOUR, None),
    )
    for big, small, limit in bands:
        small_seconds = _UNIT_SECONDS[small]
        count = int((seconds / small_seconds).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if limit is not None and count * small_seconds >= limit:
            continue
        per_big = _UNIT_SECONDS[big] // small_seconds
        parts = [(big, Decimal(count // per_big)), (small, Decimal(count % per_big))]
        return [(unit, value) for unit, value in parts if value]
    raise AssertionError("unreachable")  # pragma: no cover


def applicable_tier(tiers: Iterable[CreditTier], measured: Decimal) -> CreditTier | None:
    """The tier a measured value falls in: of the tiers whose threshold it is
    below, the one with the lowest threshold."""
    reached = [tier for tier in tiers if measured < tier.below]
    return min(reached, key=lambda tier: tier.below) if reached else None


def credit_percent_due(credits: ServiceCredits, measured: Decimal) -> Decimal:
    """The share of the monthly fee credited for ``measured``, capped."""
    if not credits.enabled:
        return Decimal(0)
    tier = applicable_tier(credits.tiers, measured)
    if tier is None:
        return Decimal(0)
    due = tier.credit_percent
    if credits.cap_percent is not None:
        due = min(due, credits.cap_percent)
    return due


CREDIT_EXAMPLE_STEP = Decimal("0.3")


def credit_example_value(credits: ServiceCredits) -> Decimal | None:
    """A measured value worth showing as an example: a bit below the second
    tier's threshold (below the first when there is only one), so that the
    example shows a credit being paid. ``None`` without tiers."""
    if not credits.tiers:
        return None
    tiers = sorted(credits.tiers, key=lambda tier: tier.below, reverse=True)
    return tiers[min(1, len(tiers) - 1)].below - CREDIT_EXAMPLE_STEP


def credited_monthly_fee(services: Iterable[Service], scope: str) -> Decimal | None:
    """The monthly fee a credit on a level covering ``scope`` is a share of: the
    fee of that service, or for a level covering every service (``"*"``) the
    sum of all their fees. ``None`` when none of them has a fee."""
    fees = [service.monthly_fee for service in services
            if service.monthly_fee and (scope == "*" or service.id == scope)]
    return sum(fees, Decimal(0)) if fees else None


def credit_amount(monthly_fee: Decimal, percent: Decimal) -> Decimal:
    """The credit in money for ``percent`` of ``monthly_fee``, to the cent."""
    return (monthly_fee * percent / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
