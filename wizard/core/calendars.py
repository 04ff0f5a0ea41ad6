"""Named calendars (``schedule.calendars``): the hours a level measured on one
runs on, and how it is named.

A level measured on a named calendar is worked out exactly as one measured
during coverage hours, with the calendar's blocks in place of the coverage
blocks: the same weekly minutes, allowed downtime, eligible time and ticket
clock, under the schedule's time zone and public holidays. A level that names
a calendar the schedule does not have falls back to the coverage hours (the
checks report it as an error)."""

from __future__ import annotations

from wizard.core.model import CoverageBlock, MeasuredDuring, NamedCalendar, Project, Weekday

CALENDAR_PREFIX = "calendar:"
"""How a measured month's ticket target names a named calendar:
``calendar:<id>`` beside ``always``, ``coverage`` and ``support``."""


def named_calendar(project: Project, measured_during: MeasuredDuring,
                   calendar: str) -> NamedCalendar | None:
    """The named calendar a level is measured on, or ``None``."""
    if measured_during is not MeasuredDuring.CALENDAR:
        return None
    return project.schedule.calendar_by_id(calendar)


def as_coverage(project: Project, measured_during: MeasuredDuring, calendar: str
                ) -> tuple[MeasuredDuring, list[CoverageBlock]]:
    """The level's clock in the terms the coverage arithmetic takes: a named
    calendar becomes ``coverage`` with that calendar's blocks; anything else
    stays as it is, with the schedule's coverage blocks."""
    if measured_during is MeasuredDuring.CALENDAR:
        found = project.schedule.calendar_by_id(calendar)
        blocks = found.coverage if found is not None else project.schedule.coverage
        return MeasuredDuring.COVERAGE, list(blocks)
    return measured_during, list(project.schedule.coverage)


def used_calendar_ids(project: Project) -> set[str]:
    """The ids of the calendars some service or severity level is measured on."""
    pairs: list[tuple[MeasuredDuring, str]] = [
        (m.measured_during, m.calendar) for m in project.metrics]
    pairs += [(s.measured_during, s.calendar) for s in project.severity_levels]
    return {calendar for during, calendar in pairs if during is MeasuredDuring.CALENDAR}


def with_example_calendars(project: Project) -> Project:
    """A copy of ``project`` with two named calendars, phone support on
    weekdays 09:00–17:00 and the platform around the clock: a sample that
    shows the template's values for named calendars."""
    copy = project.model_copy(deep=True)
    weekdays = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]
    copy.schedule.calendars = [
        NamedCalendar(id="phone", name="Phone support",
                      coverage=[CoverageBlock(days=weekdays, start="09:00", end="17:00")]),
        NamedCalendar(id="platform", name="Platform"),
    ]
    return copy
