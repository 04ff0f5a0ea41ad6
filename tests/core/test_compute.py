"""Coverage, allowed downtime and service credits, against the worked values of the spec."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from wizard.core.compute import (
    PERIOD_MINUTES,
    DurationUnit,
    allowed_downtime_seconds,
    applicable_tier,
    credit_amount,
    credit_percent_due,
    duration_parts,
    is_around_the_clock,
    measured_minutes,
    weekly_coverage_minutes,
)
from wizard.core.model import (
    CoverageBlock,
    CreditTier,
    MeasuredDuring,
    Period,
    ServiceCredits,
    Weekday,
)
from wizard.core.project_file import load_project

WORKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]
OFFICE_HOURS = [CoverageBlock(days=WORKDAYS, start="08:00", end="18:00")]
D = Decimal
MIN = DurationUnit.MINUTE
SEC = DurationUnit.SECOND
HOUR = DurationUnit.HOUR
DAY = DurationUnit.DAY


def _block(days: list[Weekday], start: str, end: str) -> CoverageBlock:
    return CoverageBlock(days=days, start=start, end=end)


# --------------------------------------------------------------------------- worked values


@pytest.mark.parametrize(
    ("target", "seconds", "parts"),
    [
        ("99.95", D("1314.9"), [(MIN, 21), (SEC, 55)]),
        ("99.999", D("26.298"), [(SEC, D("26.3"))]),
        ("99.5", D("13149"), [(HOUR, 3), (MIN, 39)]),
        ("99.9", D("2629.8"), [(MIN, 43), (SEC, 50)]),
        ("99", D("26298"), [(HOUR, 7), (MIN, 18)]),
    ],
)
def test_allowed_downtime_of_a_month_around_the_clock(
    target: str, seconds: Decimal, parts: list[tuple[DurationUnit, Decimal]]
) -> None:
    """The contract would promise a different downtime than the spec's worked values."""
    allowed = allowed_downtime_seconds(D(target), Period.MONTH, MeasuredDuring.ALWAYS, [])

    assert allowed == seconds
    assert duration_parts(allowed) == parts


def test_allowed_downtime_during_office_hours() -> None:
    """99.5 % of Mon–Fri 08:00–18:00 would not come out as 1 h 5 min a month."""
    allowed = allowed_downtime_seconds(
        D("99.5"), Period.MONTH, MeasuredDuring.COVERAGE, OFFICE_HOURS
    )

    exact = D("0.005") * 3000 * 43830 * 60 / D(10080)
    assert abs(allowed - exact) < D("1e-20")
    assert duration_parts(allowed) == [(HOUR, D(1)), (MIN, D(5))]


def test_coverage_is_ignored_when_measured_always() -> None:
    """A target measured around the clock would shrink to the office hours."""
    always = allowed_downtime_seconds(D("99.5"), Period.MONTH, MeasuredDuring.ALWAYS, OFFICE_HOURS)
    assert always == D("13149")


def test_empty_coverage_measured_during_coverage_is_the_whole_period() -> None:
    """An empty coverage list (24×7) would be treated as no coverage at all."""
    for period in Period:
        assert measured_minutes(period, MeasuredDuring.COVERAGE, []) == PERIOD_MINUTES[period]


@pytest.mark.parametrize("target", ["100", "100.0", "120"])
def test_no_downtime_at_or_above_one_hundred_percent(target: str) -> None:
    """A 100 % target would show negative or nonsensical downtime."""
    allowed = allowed_downtime_seconds(D(target), Period.MONTH, MeasuredDuring.ALWAYS, [])

    assert allowed == 0
    assert duration_parts(allowed) == [(SEC, D(0))]


def test_allowed_downtime_per_year_and_day() -> None:
    """Yearly or daily targets would use the wrong period length."""
    year = allowed_downtime_seconds(D("99.9"), Period.YEAR, MeasuredDuring.ALWAYS, [])
    day = allowed_downtime_seconds(D("99"), Period.DAY, MeasuredDuring.ALWAYS, [])

    assert year == D("31557.6")
    assert duration_parts(year) == [(HOUR, D(8)), (MIN, D(46))]
    assert day == D("864")
    assert duration_parts(day) == [(MIN, D(14)), (SEC, D(24))]


# --------------------------------------------------------------------------- coverage


def test_empty_coverage_is_the_whole_week() -> None:
    """A service covered 24×7 (empty list) would be counted as never covered."""
    assert weekly_coverage_minutes([]) == 10080
    assert is_around_the_clock([])


def test_office_hours_coverage() -> None:
    """Monday–Friday 08:00–18:00 would not count as 50 hours a week."""
    assert weekly_coverage_minutes(OFFICE_HOURS) == 3000
    assert not is_around_the_clock(OFFICE_HOURS)


def test_overlapping_blocks_count_once() -> None:
    """Overlapping coverage blocks would inflate the covered time and the allowed downtime."""
    blocks = [
        _block([Weekday.MON], "08:00", "12:00"),
        _block([Weekday.MON], "10:00", "14:00"),
        _block([Weekday.MON, Weekday.MON], "09:00", "11:00"),
        _block([Weekday.TUE], "08:00", "12:00"),
        _block([Weekday.TUE], "12:00", "13:00"),
    ]
    assert weekly_coverage_minutes(blocks) == 360 + 300


def test_end_of_day_2400() -> None:
    """Coverage until midnight (24:00) would lose the last hours of the day."""
    assert weekly_coverage_minutes([_block([Weekday.SAT], "20:00", "24:00")]) == 240
    whole_week = [_block(list(Weekday), "00:00", "24:00")]
    assert weekly_coverage_minutes(whole_week) == 10080
    assert is_around_the_clock(whole_week)


@pytest.mark.parametrize(("start", "end"), [("18:00", "08:00"), ("09:00", "09:00")])
def test_block_ending_before_it_starts_counts_nothing(start: str, end: str) -> None:
    """An inverted block would produce negative coverage and absurd downtime."""
    inverted = _block([Weekday.MON], start, end)

    assert weekly_coverage_minutes([inverted]) == 0
    assert weekly_coverage_minutes([inverted, *OFFICE_HOURS]) == 3000


@pytest.mark.parametrize(
    ("period", "minutes"),
    [
        (Period.DAY, 1440),
        (Period.WEEK, 10080),
        (Period.MONTH, 43830),
        (Period.QUARTER, 131490),
        (Period.YEAR, 525960),
    ],
)
def test_period_minutes(period: Period, minutes: int) -> None:
    """Downtime would be computed over a period of the wrong length."""
    assert PERIOD_MINUTES[period] == minutes
    assert measured_minutes(period, MeasuredDuring.ALWAYS, OFFICE_HOURS) == minutes


def test_measured_minutes_during_coverage_scale_with_the_period() -> None:
    """Office-hours targets over a quarter would not scale the week's coverage."""
    minutes = measured_minutes(Period.QUARTER, MeasuredDuring.COVERAGE, OFFICE_HOURS)
    assert abs(minutes - D(3000) * 131490 / 10080) < D("1e-20")
    assert measured_minutes(Period.WEEK, MeasuredDuring.COVERAGE, OFFICE_HOURS) == 3000


# --------------------------------------------------------------------------- duration_parts


@pytest.mark.parametrize(
    ("seconds", "parts"),
    [
        ("0", [(SEC, 0)]),
        ("0.04", [(SEC, 0)]),
        ("0.05", [(SEC, D("0.1"))]),
        ("7", [(SEC, 7)]),
        ("7.0", [(SEC, 7)]),
        ("26.298", [(SEC, D("26.3"))]),
        ("59.94", [(SEC, D("59.9"))]),
        ("59.95", [(MIN, 1)]),
        ("59.96", [(MIN, 1)]),
        ("60", [(MIN, 1)]),
        ("90", [(MIN, 1), (SEC, 30)]),
        ("119.5", [(MIN, 2)]),
        ("3599.4", [(MIN, 59), (SEC, 59)]),
        ("3599.6", [(HOUR, 1)]),
        ("3600", [(HOUR, 1)]),
        ("3629", [(HOUR, 1)]),
        ("3630", [(HOUR, 1), (MIN, 1)]),
        ("86369", [(HOUR, 23), (MIN, 59)]),
        ("86399.6", [(DAY, 1)]),
        ("86400", [(DAY, 1)]),
        ("90000", [(DAY, 1), (HOUR, 1)]),
        ("187200", [(DAY, 2), (HOUR, 4)]),
        ("1209600", [(DAY, 14)]),
    ],
)
def test_duration_parts_rounding(seconds: str, parts: list[tuple[DurationUnit, Decimal]]) -> None:
    """Downtime would read "60 s" or "59 min 60 s" instead of "1 min" or "1 h"."""
    assert duration_parts(D(seconds)) == parts


def test_duration_parts_values_are_whole_above_a_minute() -> None:
    """Downtime of more than a minute would show fractions such as "21.0 min"."""
    for seconds in ("61.7", "1314.9", "13149", "3913.39", "200000.5"):
        for _unit, value in duration_parts(D(seconds)):
            assert value == value.to_integral_value()
            assert value > 0


# --------------------------------------------------------------------------- credits


@pytest.fixture
def us_credits(us_example: Path) -> ServiceCredits:
    return load_project(us_example).service_credits


@pytest.mark.parametrize(
    ("measured", "due"),
    [
        ("100", "0"),
        ("99.6", "0"),
        ("99.5", "0"),
        ("99.50", "0"),
        ("99.49", "5"),
        ("99.4", "5"),
        ("99.0", "5"),
        ("98.7", "10"),
        ("97.0", "10"),
        ("96.99", "25"),
        ("96", "25"),
        ("0", "25"),
    ],
)
def test_credit_due_for_the_us_example(
    us_credits: ServiceCredits, measured: str, due: str
) -> None:
    """The customer would be told a wrong credit for a month's measured availability."""
    assert credit_percent_due(us_credits, D(measured)) == D(due)


def test_tier_order_in_the_file_does_not_matter(us_credits: ServiceCredits) -> None:
    """Tiers listed from the lowest up would pay the smallest credit for a bad month."""
    us_credits.tiers.reverse()
    assert credit_percent_due(us_credits, D("96")) == 25
    assert credit_percent_due(us_credits, D("98.7")) == 10
    tier = applicable_tier(us_credits.tiers, D("98.7"))
    assert tier is not None
    assert tier.below == D("99.0")


def test_cap_lower_than_a_tier_caps_the_credit(us_credits: ServiceCredits) -> None:
    """The credit would exceed the cap the contract promises."""
    us_credits.cap_percent = D("8")
    assert credit_percent_due(us_credits, D("99.4")) == 5
    assert credit_percent_due(us_credits, D("98.7")) == 8
    assert credit_percent_due(us_credits, D("96")) == 8


def test_no_cap_pays_the_tier(us_credits: ServiceCredits) -> None:
    """Without a cap the credit would be cut or lost."""
    us_credits.cap_percent = None
    assert credit_percent_due(us_credits, D("96")) == 25


def test_disabled_credits_pay_nothing(us_credits: ServiceCredits) -> None:
    """A contract without service credits would still compute credits."""
    us_credits.enabled = False
    assert credit_percent_due(us_credits, D("50")) == 0


def test_enabled_credits_without_tiers_pay_nothing() -> None:
    """A half-filled credits step would crash the computation."""
    credits = ServiceCredits(enabled=True, metric="uptime")
    assert credit_percent_due(credits, D("10")) == 0
    assert applicable_tier([], D("10")) is None
    assert applicable_tier([CreditTier(below=D("99"), credit_percent=D("5"))], D("99")) is None


@pytest.mark.parametrize(
    ("fee", "percent", "amount"),
    [
        ("1250.00", "5", "62.50"),
        ("89.90", "25", "22.48"),  # 22.475 rounds half up
        ("0.10", "5", "0.01"),  # 0.005 rounds half up
        ("0.10", "4", "0.00"),  # 0.004 rounds down
        ("24.00", "0", "0.00"),
        ("300", "100", "300.00"),
        ("2150.00", "12.5", "268.75"),
    ],
)
def test_credit_amount_is_rounded_to_the_cent(fee: str, percent: str, amount: str) -> None:
    """Credits would show fractions of a cent or round the wrong way."""
    result = credit_amount(D(fee), D(percent))

    assert result == D(amount)
    assert str(result) == amount
