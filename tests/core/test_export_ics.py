"""iCalendar export: the file parsed back with ``icalendar``, each event's
local times, recurrence and time zone checked against the example projects
by hand, and the recurrences expanded to see the hours land where the
agreement says."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from example_paths import ROOT, US_EXAMPLE
from icalendar import Calendar, Event

from wizard.core.export_common import ExportError
from wizard.core.export_ics import export_ics
from wizard.core.model import CoverageBlock, Holidays, Project, Weekday
from wizard.core.project_file import load_project

STAMP = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
LA = ZoneInfo("America/Los_Angeles")


def parsed(project: Project, first: datetime.date) -> Calendar:
    return Calendar.from_ical(export_ics(project, first, STAMP).content)


def events(calendar: Calendar, summary: str) -> list[Event]:
    return [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == summary]


def test_msp_coverage_support_and_maintenance_by_hand() -> None:
    """msp-it-support from Friday 1 January 2027: coverage Mon–Fri 08:00–18:00
    starts that Friday at 08:00 Los Angeles time; support adds Mon–Fri
    07:00–19:00 and Saturday 09:00–13:00 (first Saturday: the 2nd); the
    Sunday 02:00 maintenance window of 180 minutes runs to 05:00 on the 3rd."""
    calendar = parsed(load_project(US_EXAMPLE), datetime.date(2027, 1, 1))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Los_Angeles"]
    (coverage,) = events(calendar, "Coverage hours")
    assert coverage.start == datetime.datetime(2027, 1, 1, 8, 0, tzinfo=LA)
    assert coverage.end == datetime.datetime(2027, 1, 1, 18, 0, tzinfo=LA)
    assert coverage["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert coverage["RRULE"] == {"FREQ": ["WEEKLY"], "BYDAY": ["MO", "TU", "WE", "TH", "FR"]}
    weekdays, saturday = events(calendar, "Support hours")
    assert (weekdays.start, weekdays.end) == (datetime.datetime(2027, 1, 1, 7, tzinfo=LA),
                                              datetime.datetime(2027, 1, 1, 19, tzinfo=LA))
    assert (saturday.start, saturday.end) == (datetime.datetime(2027, 1, 2, 9, tzinfo=LA),
                                              datetime.datetime(2027, 1, 2, 13, tzinfo=LA))
    assert saturday["RRULE"]["BYDAY"] == ["SA"]
    (maintenance,) = events(calendar, "Maintenance window")
    assert (maintenance.start, maintenance.end) == (
        datetime.datetime(2027, 1, 3, 2, tzinfo=LA), datetime.datetime(2027, 1, 3, 5, tzinfo=LA))
    assert maintenance["RRULE"]["BYDAY"] == ["SU"]
    assert "not counted as downtime" in str(maintenance["DESCRIPTION"])
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT"))


def test_coverage_keeps_local_time_across_the_clock_change() -> None:
    """The rule is in local time: on Monday 15 March 2027, after the clocks
    went forward on the 14th, coverage still starts at 08:00 local, which is
    15:00 UTC rather than January's 16:00."""
    from dateutil.rrule import rrulestr

    calendar = parsed(load_project(US_EXAMPLE), datetime.date(2027, 1, 1))
    (coverage,) = events(calendar, "Coverage hours")
    rule = rrulestr(coverage["RRULE"].to_ical().decode(), dtstart=coverage.start)
    march = rule.after(datetime.datetime(2027, 3, 15, tzinfo=LA), inc=True)
    assert march == datetime.datetime(2027, 3, 15, 8, tzinfo=LA)
    assert march.astimezone(datetime.UTC).hour == 15
    assert coverage.start.astimezone(datetime.UTC).hour == 16


def test_holidays_of_the_region_for_twelve_months() -> None:
    """US-OR from 1 January 2027 to 31 December 2027, as all-day events: New
    Year's Day, Memorial Day (31 May), Independence Day (observed Monday 5
    July, as the holidays library lists it) and Christmas (observed Friday 24
    December) among them; nothing from 2028."""
    calendar = parsed(load_project(US_EXAMPLE), datetime.date(2027, 1, 1))
    holidays = {e.start: str(e["SUMMARY"]) for e in calendar.walk("VEVENT")
                if "holiday" in str(e["UID"])}
    assert all(isinstance(day, datetime.date) and not isinstance(day, datetime.datetime)
               for day in holidays)
    assert min(holidays) == datetime.date(2027, 1, 1)
    assert max(holidays) <= datetime.date(2027, 12, 31)
    assert holidays[datetime.date(2027, 5, 31)] == "Memorial Day"
    assert "Independence Day" in holidays[datetime.date(2027, 7, 5)]
    assert "Christmas" in holidays[datetime.date(2027, 12, 24)]
    one = next(e for e in calendar.walk("VEVENT") if e.start == datetime.date(2027, 5, 31))
    assert one.end == datetime.date(2027, 6, 1)


def test_holidays_that_count_are_not_listed() -> None:
    """cloud-hosting-fr counts public holidays as ordinary days: no holiday
    events, and the notes say why; Paris time with its own VTIMEZONE; its
    coverage is around the clock, its support Mon–Fri 08:00–20:00."""
    project = load_project(ROOT / "resources/examples/cloud-hosting-fr.slaproj")
    assert project.schedule.public_holidays is Holidays.INCLUDED
    export = export_ics(project, datetime.date(2027, 3, 1), STAMP)
    calendar = Calendar.from_ical(export.content)
    assert not [e for e in calendar.walk("VEVENT") if "holiday" in str(e["UID"])]
    assert any("ordinary days" in note for note in export.notes)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    paris = ZoneInfo("Europe/Paris")
    (coverage,) = events(calendar, "Coverage hours")
    assert len(coverage["RRULE"]["BYDAY"]) == 7
    assert (coverage.start, coverage.end) == (datetime.datetime(2027, 3, 1, tzinfo=paris),
                                              datetime.datetime(2027, 3, 2, tzinfo=paris))
    (support,) = events(calendar, "Support hours")
    assert (support.start, support.end) == (datetime.datetime(2027, 3, 1, 8, tzinfo=paris),
                                            datetime.datetime(2027, 3, 1, 20, tzinfo=paris))
    assert support["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]


def test_around_the_clock_and_a_day_ending_at_midnight() -> None:
    """An empty coverage list is every day 00:00 to 24:00 (the next midnight);
    a block ending 24:00 ends at the following midnight."""
    project = load_project(US_EXAMPLE)
    project.schedule.coverage = []
    project.schedule.support_coverage = [CoverageBlock(days=[Weekday.SAT], start="20:00",
                                                       end="24:00")]
    calendar = parsed(project, datetime.date(2027, 1, 4))
    (coverage,) = events(calendar, "Coverage hours")
    assert coverage["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert (coverage.start, coverage.end) == (datetime.datetime(2027, 1, 4, tzinfo=LA),
                                              datetime.datetime(2027, 1, 5, tzinfo=LA))
    (support,) = events(calendar, "Support hours")
    assert (support.start, support.end) == (datetime.datetime(2027, 1, 9, 20, tzinfo=LA),
                                            datetime.datetime(2027, 1, 10, tzinfo=LA))


def test_a_missing_holiday_region_is_refused() -> None:
    project = load_project(US_EXAMPLE)
    project.schedule.holiday_region = ""
    with pytest.raises(ExportError, match="holiday region"):
        export_ics(project, datetime.date(2027, 1, 1), STAMP)
    project.schedule.holiday_region = "US-OR"
    project.schedule.timezone = "Mars/Olympus"
    with pytest.raises(ExportError, match="Mars/Olympus"):
        export_ics(project, datetime.date(2027, 1, 1), STAMP)


def test_utc_times_and_no_support_hours() -> None:
    """An agreement in UTC writes its times with Z and needs no VTIMEZONE;
    one without support hours has none in the calendar, and says so."""
    project = load_project(US_EXAMPLE)
    project.schedule.timezone = "UTC"
    project.schedule.support_coverage = None
    export = export_ics(project, datetime.date(2027, 1, 1), STAMP)
    text = export.content.decode("utf-8")
    assert "DTSTART:20270101T080000Z" in text
    assert "BEGIN:VTIMEZONE" not in text
    calendar = Calendar.from_ical(export.content)
    assert not events(calendar, "Support hours")
    assert any("no support hours" in note for note in export.notes)
