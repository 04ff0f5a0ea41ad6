"""Named calendars in the exports: iCalendar carries one series per calendar,
OpenSLO names a level's calendar and its hours in annotations, and Zendesk,
which times tickets on one schedule, says when a level runs on other hours."""

from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

import yaml
from example_paths import US_EXAMPLE
from icalendar import Calendar

from wizard.core.calendars import with_example_calendars
from wizard.core.export_ics import export_ics
from wizard.core.export_openslo import export_openslo
from wizard.core.export_zendesk import export_zendesk
from wizard.core.model import MeasuredDuring, Project
from wizard.core.project_file import load_project

STAMP = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
LA = ZoneInfo("America/Los_Angeles")
FIRST = datetime.date(2027, 1, 1)


def two_calendars() -> Project:
    project = with_example_calendars(load_project(US_EXAMPLE))
    uptime = project.metric_by_id("uptime")
    assert uptime is not None
    uptime.measured_during = MeasuredDuring.CALENDAR
    uptime.calendar = "phone"
    p2 = project.severity_levels[1]
    p2.measured_during = MeasuredDuring.CALENDAR
    p2.calendar = "phone"
    return project


def test_icalendar_has_one_series_for_each_calendar() -> None:
    calendar = Calendar.from_ical(export_ics(two_calendars(), FIRST, STAMP).content)
    phone = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Phone support hours"]
    assert len(phone) == 1
    # Friday 1 January 2027, 09:00–17:00 Los Angeles time, every weekday
    assert phone[0].start == datetime.datetime(2027, 1, 1, 9, 0, tzinfo=LA)
    assert phone[0].end == datetime.datetime(2027, 1, 1, 17, 0, tzinfo=LA)
    assert phone[0]["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Platform hours"]
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_openslo_names_the_calendar_of_a_level() -> None:
    documents = [d for d in yaml.safe_load_all(export_openslo(two_calendars()).content) if d]
    slo = next(d for d in documents if d["kind"] == "SLO"
               and d["metadata"].get("displayName") == "Service availability")
    notes = slo["metadata"]["annotations"]
    assert any(key.endswith("calendar") and value == "phone" for key, value in notes.items())
    assert any(key.endswith("calendar-name") and value == "Phone support"
               for key, value in notes.items())


def test_zendesk_times_on_the_calendar_and_says_what_runs_on_other_hours() -> None:
    export = export_zendesk(two_calendars(), FIRST)
    data = json.loads(export.content)
    assert data["sla_policy"]["policy_metrics"]
    # P1 runs at all times; P2 (second) on phone hours, P3 and P4 on coverage: the schedule
    # holds the phone hours of P2, the first level on hours, and the note names the others
    assert data["schedule"]["intervals"][0] == {"start_time": 1440 + 540, "end_time": 1440 + 1020}
    assert any("P3" in note and "other hours" in note for note in export.notes)
