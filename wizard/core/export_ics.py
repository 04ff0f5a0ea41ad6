"""The agreement's calendar as an iCalendar file (RFC 5545), written with the
``icalendar`` library.

- **Coverage hours** and **support hours** (when the agreement promises
  them): one weekly recurring event per distinct stretch of a day, repeating
  on every weekday that has it (``RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR``),
  from its local start to its local end in the agreement's time zone
  (``24:00`` is midnight at the end of the day). Around the clock is one event
  from 00:00 to 24:00 repeating every day.
- **Maintenance windows**: a weekly recurring event each, from the window's
  local start for its duration; its description says whether the agreement
  leaves announced maintenance out of the measured time.
- **Public holidays** the agreement leaves out, for twelve months from the
  first day of the export: all-day events, listed by the same rule the month's
  measurement uses (:func:`wizard.core.attainment.public_holidays`). An
  agreement that counts holidays as ordinary days lists none, and says so.

Every recurring event starts on the first matching day on or after the
export's first day; times carry the agreement's ``TZID`` and the file holds
the ``VTIMEZONE`` that defines it (``UTC`` times are written with ``Z``).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from wizard.core.attainment import AttainmentError, maintenance_excluded, public_holidays
from wizard.core.export_common import (
    Export,
    ExportError,
    WeeklySpan,
    agreement_title,
    agreement_zone,
    object_name,
    twelve_months_later,
    weekly_spans,
)
from wizard.core.model import CoverageBlock, Holidays, Project, Weekday
from wizard.i18n import _

PRODUCT_ID = "-//SLA Wizard//Agreement calendar//EN"
UID_DOMAIN = "slawizard.example"
_ICAL_DAY = {Weekday.MON: "MO", Weekday.TUE: "TU", Weekday.WED: "WE", Weekday.THU: "TH",
             Weekday.FRI: "FR", Weekday.SAT: "SA", Weekday.SUN: "SU"}


def first_on_or_after(first: datetime.date, days: Sequence[Weekday]) -> datetime.date:
    """The first date on or after ``first`` that falls on one of ``days``."""
    numbers = {day.number for day in days}
    return next(first + datetime.timedelta(days=n) for n in range(7)
                if (first + datetime.timedelta(days=n)).weekday() in numbers)


def _local(day: datetime.date, minutes: int, zone: ZoneInfo) -> datetime.datetime:
    wall = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=minutes)
    return wall.replace(tzinfo=zone)


def _weekly_event(uid: str, summary: str, description: str, start: datetime.datetime,
                  end: datetime.datetime, days: Sequence[Weekday],
                  stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("rrule", vRecur(freq="WEEKLY", byday=[_ICAL_DAY[d] for d in days]))
    return event


def _hours_events(blocks: Sequence[CoverageBlock], kind: str, summary: str, first: datetime.date,
                  zone: ZoneInfo, prefix: str, stamp: datetime.datetime) -> list[Event]:
    events = []
    span: WeeklySpan
    for number, span in enumerate(weekly_spans(blocks), start=1):
        day = first_on_or_after(first, span.days)
        events.append(_weekly_event(
            f"{prefix}-{kind}-{number}@{UID_DOMAIN}", summary, "",
            _local(day, span.start, zone), _local(day, span.end, zone), span.days, stamp))
    return events


def export_ics(project: Project, first: datetime.date, stamp: datetime.datetime) -> Export:
    """The coverage and support hours, maintenance windows and public
    holidays from ``first`` on; ``stamp`` is the moment written as each
    event's ``DTSTAMP`` (a UTC time)."""
    zone = agreement_zone(project)
    schedule = project.schedule
    prefix = object_name(project.agreement.reference or project.agreement.title, "sla", set())
    notes: list[str] = []
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", agreement_title(project))
    calendar.add("x-wr-timezone", zone.key)
    events = _hours_events(schedule.coverage, "coverage", _("Coverage hours"), first, zone,
                           prefix, stamp)
    if schedule.support_coverage is not None:
        events += _hours_events(schedule.support_coverage, "support", _("Support hours"),
                                first, zone, prefix, stamp)
    else:
        notes.append(_("The agreement promises no support hours: none are in the calendar."))
    for number, named in enumerate(schedule.calendars, start=1):
        # one series for each named calendar, under its name
        events += _hours_events(named.coverage, f"calendar{number}",
                                _("{name} hours").format(name=named.name.strip() or named.id),
                                first, zone, prefix, stamp)
    excluded = maintenance_excluded(project)
    for number, window in enumerate(schedule.maintenance_windows, start=1):
        hours, minutes = (int(part) for part in window.start.split(":"))
        day = first_on_or_after(first, [window.day])
        start = _local(day, hours * 60 + minutes, zone)
        end = _local(day, hours * 60 + minutes + window.duration_minutes, zone)
        description = (_("Announced maintenance is not counted as downtime.") if excluded
                       else _("The agreement does not leave maintenance out of the measured "
                              "time."))
        events.append(_weekly_event(
            f"{prefix}-maintenance-{number}@{UID_DOMAIN}", _("Maintenance window"),
            description, start, end, [window.day], stamp))
    last = twelve_months_later(first)
    try:
        holidays = public_holidays(project, first, last)
    except AttainmentError as exc:
        raise ExportError(str(exc)) from None
    if schedule.public_holidays is Holidays.INCLUDED:
        notes.append(_("Public holidays count as ordinary days under this agreement: none are "
                       "in the calendar."))
    for day, name in holidays:
        event = Event()
        event.add("uid", f"{prefix}-holiday-{day.isoformat()}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", name)
        event.add("description", _("Public holiday ({region}): not measured").format(
            region=schedule.holiday_region.strip()))
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        events.append(event)
    for event in events:
        calendar.add_component(event)
    # the weekly events repeat for as long as the agreement runs: ten years of rules
    calendar.add_missing_timezones(first - datetime.timedelta(days=7),
                                   datetime.date(first.year + 11, 1, 1))
    if holidays:
        notes.append(_("{count} public holiday(s) of {region} from {first} to {last}.").format(
            count=len(holidays), region=schedule.holiday_region.strip(),
            first=first.isoformat(), last=last.isoformat()))
    return Export(calendar.to_ical(), notes)
