"""A month measured on a named calendar: an availability level counts its
eligible minutes and its downtime only within the calendar's hours (less the
region's public holidays, as coverage does), and a severity level's clock runs
on the calendar. The figures are worked out by hand below."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_attainment import example, level, measured

from wizard.core.model import (
    CoverageBlock,
    MeasuredDuring,
    NamedCalendar,
    Project,
    Weekday,
)

US = 60_000_000  # microseconds in a minute
WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]


def on_phone_hours(project: Project) -> Project:
    """The Portland example with a "Phone support" calendar, Mon–Fri 09:00–17:00
    (its coverage is Mon–Fri 08:00–18:00), that the uptime level and P2 run on."""
    project.schedule.calendars = [NamedCalendar(
        id="phone", name="Phone support",
        coverage=[CoverageBlock(days=WEEKDAYS, start="09:00", end="17:00")])]
    uptime = project.metric_by_id("uptime")
    assert uptime is not None
    uptime.measured_during = MeasuredDuring.CALENDAR
    uptime.calendar = "phone"
    p2 = next(s for s in project.severity_levels if s.id == "P2")
    p2.measured_during = MeasuredDuring.CALENDAR
    p2.calendar = "phone"
    return project


def test_availability_on_a_calendar_counts_only_its_hours(tmp_path: Path) -> None:
    outages = (
        "service,start,end\n"
        # Tue 4 May 08:00–10:00: inside coverage, but phone hours start at 09:00 → 60 min
        "*,2027-05-04T08:00,2027-05-04T10:00\n"
        # Wed 5 May 16:30–19:00: phone hours end at 17:00 → 30 min
        "*,2027-05-05T16:30,2027-05-05T19:00\n"
        # Mon 31 May (Memorial Day) 10:00–11:00: a holiday → 0 min
        "*,2027-05-31T10:00,2027-05-31T11:00\n"
    )
    result = measured(on_phone_hours(example()), "2027-05", outages=outages, folder=tmp_path)
    uptime = level(result, "uptime")
    eligible = uptime.availability.eligible
    # May 2027 has 21 weekdays; 21 × 480 min of phone hours = 10,080 min
    assert eligible.base == 10_080 * US
    # Memorial Day takes one phone day: 480 min → 9,600 min eligible
    assert eligible.holidays == 480 * US
    assert eligible.eligible == 9_600 * US
    # down 60 + 30 = 90 min: (9,600 − 90) / 9,600 × 100 = 99.0625 %
    assert uptime.availability.down == 90 * US
    assert uptime.attained == Decimal("99.0625")


def test_a_severity_level_on_a_calendar_times_its_tickets_on_it(tmp_path: Path) -> None:
    tickets = ("id,severity,created,first_response,resolved,paused_minutes\n"
               # Fri 5 March 16:00, answered Mon 8 March 09:30, resolved 10:00:
               # Fri 16:00–17:00 = 60 min, Mon 09:00–09:30 = 30 → 90 min to the response,
               # 60 + 60 = 120 min to the resolution
               "A,P2,2027-03-05T16:00,2027-03-08T09:30,2027-03-08T10:00,0\n")
    result = measured(on_phone_hours(example()), "2027-03", tickets=tickets, folder=tmp_path)
    targets = {(t.severity.id, t.measure.value): t for t in result.tickets}
    response = targets[("P2", "response")]
    assert response.calendar == "calendar:phone"
    assert response.times[0].micros == 90 * US
    assert targets[("P2", "resolution")].times[0].micros == 120 * US
