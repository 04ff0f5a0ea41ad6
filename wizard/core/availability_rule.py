"""The one availability rule the contract states, the wizard explains and the
monthly report applies (:mod:`wizard.core.attainment`).

Availability is worked out for each calendar month in the agreement's time
zone::

    Availability = (Eligible Minutes − Downtime) / Eligible Minutes × 100

*Eligible Minutes* are the minutes of the month during which the level
applies (every minute, or the Coverage Hours), less public holidays when the
agreement excludes them and less scheduled maintenance within the windows
when the exclusions clause excludes it; in the month the agreement takes
effect they count from the effective date. *Downtime* is counted to the
second (``continuous``) or in whole intervals counted from the start of the
month (``sampled_interval``: an interval in which the service was found
unavailable counts for its whole length).

Months differ (28 to 31 days, holidays, maintenance), so the downtime a
target allows is stated for a *reference period* the contract names: a
30-day month around the clock, or a month of so many Coverage Hours (the
week's coverage hours for 30 days, to the hour). Each figure is exact for
the period it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from wizard.core.compute import is_around_the_clock, weekly_coverage_minutes
from wizard.core.model import (
    AvailabilityMethod,
    CoverageBlock,
    MeasuredDuring,
    Period,
    SamplingMethod,
)

REFERENCE_DAYS: dict[Period, int] = {
    Period.DAY: 1,
    Period.WEEK: 7,
    Period.MONTH: 30,
    Period.QUARTER: 91,
    Period.HALF_YEAR: 182,
    Period.YEAR: 365,
}
"""The length of the period each allowance is stated for."""

LONGEST_DAYS: dict[Period, int] = {
    Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 31, Period.QUARTER: 92, Period.HALF_YEAR: 184,
    Period.YEAR: 366,
}
"""The longest a calendar period of each kind is."""


@dataclass(frozen=True)
class Allowance:
    """The downtime a target allows in the reference period."""

    days: int
    """The reference period's length in days."""
    coverage_hours: int | None
    """Its Coverage Hours, for a level measured during coverage hours (else ``None``)."""
    eligible_minutes: int
    """Its Eligible Minutes before holidays and maintenance."""
    seconds: Decimal
    """The downtime allowed, in seconds."""
    interval_minutes: int | None
    """The sampling interval (``None``: downtime counted to the second)."""
    intervals: int | None
    """How many failed intervals the target allows (``None`` when not sampled)."""
    none_in_longest: bool
    """Sampled: not one failed interval is allowed even in the longest period."""


def measures_coverage(measured_during: MeasuredDuring,
                      coverage: Sequence[CoverageBlock]) -> bool:
    """Whether the level is measured during coverage hours that are not the whole week."""
    return measured_during is MeasuredDuring.COVERAGE and not is_around_the_clock(coverage)


def reference_minutes(period: Period, measured_during: MeasuredDuring,
                      coverage: Sequence[CoverageBlock], days: int | None = None
                      ) -> tuple[int, int | None]:
    """The Eligible Minutes of the reference period (``days`` long, the
    period's reference length by default), and its Coverage Hours for a
    level measured during coverage hours: the week's coverage for that many
    days, rounded to the hour."""
    length = REFERENCE_DAYS[period] if days is None else days
    if not measures_coverage(measured_during, coverage):
        return length * 1440, None
    hours = int((Decimal(weekly_coverage_minutes(coverage)) * length / 7 / 60)
                .quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return hours * 60, hours


def _share(target_percent: Decimal) -> Decimal:
    return max(Decimal(0), 1 - target_percent / 100)


def failed_intervals_allowed(target_percent: Decimal, eligible_minutes: int,
                             interval_minutes: int) -> int:
    """Whole intervals that may fail while the month still meets the target."""
    return int((_share(target_percent) * eligible_minutes / interval_minutes)
               .to_integral_value(rounding=ROUND_FLOOR))


def allowance(target_percent: Decimal, period: Period, measured_during: MeasuredDuring,
              coverage: Sequence[CoverageBlock], method: AvailabilityMethod) -> Allowance:
    """The downtime ``target_percent`` allows in the reference period, by ``method``."""
    minutes, hours = reference_minutes(period, measured_during, coverage)
    if method.method is SamplingMethod.CONTINUOUS:
        seconds = _share(target_percent) * minutes * 60
        return Allowance(REFERENCE_DAYS[period], hours, minutes, seconds, None, None, False)
    interval = method.interval_minutes
    count = failed_intervals_allowed(target_percent, minutes, interval)
    longest, _hours = reference_minutes(period, measured_during, coverage,
                                        LONGEST_DAYS[period])
    none_in_longest = failed_intervals_allowed(target_percent, longest, interval) == 0
    return Allowance(REFERENCE_DAYS[period], hours, minutes,
                     Decimal(count * interval * 60), interval, count, none_in_longest)
