"""The review's suggestion on hand-made histories: the worst recorded month,
rounded towards the target to its precision, when that is tighter."""

from __future__ import annotations

from decimal import Decimal

from wizard.core.model import Direction, LevelRecord, Metric, MonthRecord, Project
from wizard.core.review_suggestion import (
    MIN_MONTHS,
    precision,
    review_levels,
    suggested_target,
)

UPTIME = Metric(id="uptime", name="Uptime", target=Decimal("99.5"), baseline=Decimal("99.0"))
RESPONSE = Metric(id="response", name="Response", kind="response_time", unit="minutes",
                  target=Decimal(60), direction=Direction.AT_MOST)


def history(values: dict[str, list[str]]) -> list[MonthRecord]:
    metrics = {"uptime": UPTIME, "response": RESPONSE}
    length = max(len(series) for series in values.values())
    return [MonthRecord(month=f"{2026 + n // 12}-{n % 12 + 1:02d}", levels=[
        LevelRecord(id=key, target=metrics[key].target, attained=Decimal(series[n]), met=True)
        for key, series in values.items() if n < len(series)]) for n in range(length)]


def test_precision_is_the_targets_and_at_least_a_tenth_for_percentages() -> None:
    assert precision(UPTIME) == Decimal("0.1")
    assert precision(UPTIME.model_copy(update={"target": Decimal("99")})) == Decimal("0.1")
    assert precision(UPTIME.model_copy(update={"target": Decimal("99.95")})) == Decimal("0.01")
    assert precision(RESPONSE) == Decimal(1)


def test_every_month_beat_the_target_the_worst_rounded_down_is_suggested() -> None:
    # worst of 99.91, 99.87, 99.95 is 99.87, down to a tenth: 99.8 > 99.5
    assert suggested_target(UPTIME, [Decimal("99.91"), Decimal("99.87"),
                                     Decimal("99.95")]) == Decimal("99.8")


def test_no_suggestion_when_a_month_came_close_to_the_target() -> None:
    # 99.52 rounds down to 99.5: not tighter than the target
    assert suggested_target(UPTIME, [Decimal("99.91"), Decimal("99.52"),
                                     Decimal("99.95")]) is None
    # a missed month: never looser than the target
    assert suggested_target(UPTIME, [Decimal("99.91"), Decimal("98.0"),
                                     Decimal("99.95")]) is None


def test_no_suggestion_before_three_months() -> None:
    assert MIN_MONTHS == 3
    assert suggested_target(UPTIME, [Decimal("99.99"), Decimal("99.99")]) is None


def test_a_level_to_stay_under_is_tightened_downwards() -> None:
    # longest first responses of 42.5, 38 and 45 minutes: 45 (rounded up) < 60
    assert suggested_target(RESPONSE, [Decimal("42.5"), Decimal("38"),
                                       Decimal("45")]) == Decimal(45)
    assert suggested_target(RESPONSE, [Decimal("42.5"), Decimal("59.2"),
                                       Decimal("45")]) is None  # 60: not tighter


def test_review_reads_the_last_twelve_months_of_each_level() -> None:
    """Fourteen months of uptime: the two oldest (the worst, 99.6) fall out of
    the year read, leaving 99.93 as the worst; response has two months only."""
    uptime = ["99.6", "99.6"] + ["99.97"] * 11 + ["99.93"]
    project = Project(metrics=[UPTIME, RESPONSE],
                      history=history({"uptime": uptime, "response": ["30", "35"]}))
    up, response = review_levels(project)
    assert len(up.months) == 12 and up.months[0][0] == "2026-03"
    assert up.worst == Decimal("99.93")
    assert up.suggestion == Decimal("99.9")
    assert (response.enough, response.suggestion) == (False, None)
