"""Weekly hours: per-day rows to coverage blocks and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.compute import day_intervals, weekly_coverage_minutes
from wizard.core.model import CoverageBlock, Weekday
from wizard.core.project_file import load_project
from wizard.core.weekly import (
    WHOLE_DAY,
    WORKDAYS,
    NothingCoveredError,
    Week,
    around_the_clock_week,
    blocks_to_week,
    copy_day,
    empty_week,
    office_hours_week,
    parse_clock_text,
    week_to_blocks,
)

MON, TUE, WED, THU, FRI, SAT, SUN = list(Weekday)


def test_office_hours_become_one_block_of_five_days() -> None:
    """The contract would list Monday to Friday five times instead of once."""
    blocks = week_to_blocks(office_hours_week())
    assert blocks == [CoverageBlock(days=list(WORKDAYS), start="08:00", end="18:00")]
    assert weekly_coverage_minutes(blocks) == 50 * 60


def test_days_with_the_same_span_share_a_block() -> None:
    """Split shifts and a short Saturday would be stored as a jumble of one-day blocks."""
    week = empty_week()
    for day in WORKDAYS:
        week[day] = [("08:00", "12:00"), ("13:00", "17:00")]
    week[SAT] = [("08:00", "12:00")]
    blocks = week_to_blocks(week)
    assert blocks == [
        CoverageBlock(days=[*WORKDAYS, SAT], start="08:00", end="12:00"),
        CoverageBlock(days=list(WORKDAYS), start="13:00", end="17:00"),
    ]


def test_a_whole_week_is_the_empty_list() -> None:
    """24×7 would be saved as seven blocks rather than as the format's "around the clock"."""
    assert week_to_blocks(around_the_clock_week()) == []
    halves = {day: [("00:00", "12:00"), ("12:00", "24:00")] for day in Weekday}
    assert week_to_blocks(halves) == []


def test_a_week_with_no_hours_cannot_be_stored() -> None:
    """Unticking every day would silently turn into 24×7 coverage."""
    with pytest.raises(NothingCoveredError):
        week_to_blocks(empty_week())


def test_the_empty_list_reads_as_every_day_all_day() -> None:
    """A 24×7 project would open with every day unticked."""
    assert blocks_to_week([]) == {day: [WHOLE_DAY] for day in Weekday}


def test_reading_blocks_gives_each_day_its_spans() -> None:
    """Saturday hours or a second shift from the file would not be shown."""
    blocks = [
        CoverageBlock(days=list(WORKDAYS), start="07:00", end="19:00"),
        CoverageBlock(days=[SAT], start="09:00", end="13:00"),
        CoverageBlock(days=[MON], start="20:00", end="22:00"),
        CoverageBlock(days=[MON, MON], start="07:00", end="19:00"),
        CoverageBlock(days=[], start="01:00", end="02:00"),
    ]
    week = blocks_to_week(blocks)
    assert week[MON] == [("07:00", "19:00"), ("20:00", "22:00")]
    assert week[FRI] == [("07:00", "19:00")]
    assert week[SAT] == [("09:00", "13:00")]
    assert week[SUN] == []


def test_spans_the_checks_refuse_are_kept_for_the_user_to_fix() -> None:
    """An end before its start would vanish on load, and the check's message with it."""
    week = blocks_to_week([CoverageBlock(days=[TUE], start="18:00", end="08:00")])
    assert week[TUE] == [("18:00", "08:00")]
    assert week_to_blocks(week) == [CoverageBlock(days=[TUE], start="18:00", end="08:00")]


def test_copy_monday_to_the_other_workdays() -> None:
    """"Copy Monday to weekdays" would leave Tuesday to Friday as they were."""
    week = empty_week()
    week[MON] = [("06:00", "14:00"), ("15:00", "24:00")]
    week[WED] = [("10:00", "11:00")]
    week[SAT] = [("09:00", "12:00")]
    copied = copy_day(week, MON, [TUE, WED, THU, FRI])
    assert all(copied[day] == week[MON] for day in WORKDAYS)
    assert copied[SAT] == [("09:00", "12:00")]
    assert week[WED] == [("10:00", "11:00")], "the input is not changed"


def test_each_example_keeps_its_hours_through_the_rows(example_path: Path) -> None:
    """Opening the schedule step and touching one day would change other days' hours."""
    schedule = load_project(example_path).schedule
    for blocks in (schedule.coverage, schedule.support_coverage):
        again = week_to_blocks(blocks_to_week(blocks))
        assert again == blocks or (not again and weekly_coverage_minutes(blocks) == 10080)


@pytest.mark.parametrize(("text", "clock"), [
    ("08:00", "08:00"), ("8:00", "08:00"), ("0800", "08:00"), (" 8.30 ", "08:30"),
    ("23:59", "23:59"), ("24:00", "24:00"), ("0:05", "00:05"),
])
def test_clock_text_is_read_as_hh_mm(text: str, clock: str) -> None:
    """A maintenance start typed as 8:00 would be refused or stored unpadded."""
    assert parse_clock_text(text) == clock


@pytest.mark.parametrize("text", ["", "8", "25:00", "24:01", "12:60", "noon", "12:00:00", "-1:00"])
def test_clock_text_that_is_no_time_is_refused(text: str) -> None:
    """A start the file could not load again would be written into the project."""
    with pytest.raises(ValueError):
        parse_clock_text(text)


def _clock(half: int) -> str:
    return f"{half // 2:02d}:{30 * (half % 2):02d}"


# a start, then an end after it: built, not filtered (a filter that drops half the
# draws trips hypothesis's health check on an unlucky run)
_spans = st.integers(0, 47).flatmap(
    lambda start: st.integers(start + 1, 48).map(lambda end: (_clock(start), _clock(end))))
_weeks = st.fixed_dictionaries({day: st.lists(_spans, max_size=3) for day in Weekday})


@settings(deadline=None, database=None)  # no flaky timing when the machine is busy
@given(_weeks)
def test_rows_to_blocks_and_back_say_the_same(week: Week) -> None:
    """Some combination of hours would be changed by saving it."""
    if not any(week.values()):
        with pytest.raises(NothingCoveredError):
            week_to_blocks(week)
        return
    blocks = week_to_blocks(week)
    expected: Week = {day: sorted(set(spans)) for day, spans in week.items()}
    if blocks:
        assert blocks_to_week(blocks) == expected
        assert len(blocks) == len({span for spans in week.values() for span in spans})
    for day in Weekday:
        assert day_intervals(blocks or [CoverageBlock(days=list(Weekday))], day) == \
            day_intervals([CoverageBlock(days=[day], start=s, end=e)
                           for s, e in week[day]], day)

