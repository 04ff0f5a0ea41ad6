"""The contract's words for the named calendars (``schedule.calendars``): each
calendar's hours per weekday in the availability schedule, its defined term
("Phone support Hours"), and the "measured during" wording of a level
measured on it ("during Phone support Hours").

The calendar's name is used as the user wrote it; the words around it go
through the contract's catalog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from wizard.core.calendars import named_calendar
from wizard.core.model import (
    CoverageBlock,
    Holidays,
    MeasuredDuring,
    NamedCalendar,
    Period,
    Project,
)
from wizard.i18n import N_

if TYPE_CHECKING:
    from wizard.core.contract import ContractFormatter

CALENDAR_TERM = N_("%(calendar)s Hours")
"""The defined term of a named calendar's hours."""
CALENDAR_DEFINITION = N_("The hours called %(calendar)s, set out in section %(schedule)s.")
DURING_CALENDAR = N_("during %(calendar)s Hours")

_PERIOD_NAMES = {
    Period.DAY: N_("day"), Period.WEEK: N_("week"), Period.MONTH: N_("month"),
    Period.QUARTER: N_("quarter"), Period.HALF_YEAR: N_("half-year"), Period.YEAR: N_("year"),
}

DayHours = Callable[[Sequence[CoverageBlock]], list[dict[str, str]]]
"""The schedule's rows for some blocks: one per weekday, with ``day`` and the
hours as ``coverage`` (the contract's own table rows)."""


def calendar_name(calendar: NamedCalendar) -> str:
    return calendar.name.strip() or calendar.id


def during_calendar(project: Project, measured_during: MeasuredDuring, calendar: str,
                    fmt: ContractFormatter) -> str | None:
    """"during Phone support Hours" for a level measured on a named calendar
    the schedule has; ``None`` for any other level."""
    found = named_calendar(project, measured_during, calendar)
    if found is None:
        return None
    return fmt.gettext(DURING_CALENDAR) % {"calendar": calendar_name(found)}


def calendar_reference(project: Project, measured_during: MeasuredDuring, calendar: str,
                       period: Period, hours: int, fmt: ContractFormatter) -> str | None:
    """The period an allowance on a named calendar is stated for: "in a month
    of 160 Phone support Hours"; ``None`` for any other level."""
    found = named_calendar(project, measured_during, calendar)
    if found is None:
        return None
    return fmt.ngettext("in a %(period)s of %(num)s %(calendar)s Hour",
                        "in a %(period)s of %(num)s %(calendar)s Hours", hours) % {
        "period": fmt.gettext(_PERIOD_NAMES[period]), "num": fmt.number(hours),
        "calendar": calendar_name(found)}


def calendars_context(project: Project, fmt: ContractFormatter, day_hours: DayHours,
                      region: str) -> dict[str, Any]:
    """The template's ``schedule.calendars`` (each with ``name``, ``title`` and
    one row per weekday, ``day`` and ``hours``) and ``schedule.calendar_holidays``,
    the sentence on public holidays under them."""
    t = fmt.gettext
    calendars = [
        {"name": calendar_name(c),
         "title": t("%(calendar)s Hours are:") % {"calendar": calendar_name(c)},
         "rows": [{"day": row["day"], "hours": row["coverage"]}
                  for row in day_hours(c.coverage)]}
        for c in project.schedule.calendars]
    if not calendars:
        holidays = ""
    elif project.schedule.public_holidays is not Holidays.EXCLUDED:
        holidays = t("These hours apply on public holidays as on any other day.")
    elif region:
        holidays = t("Public holidays (%(region)s) are not part of these hours.") % {
            "region": region}
    else:
        holidays = t("Public holidays are not part of these hours.")
    return {"calendars": calendars, "calendar_holidays": holidays}


def calendar_terms(project: Project, fmt: ContractFormatter,
                   sections: dict[str, str]) -> list[tuple[str, str]]:
    """The defined term of each named calendar's hours."""
    t = fmt.gettext
    return [(t(CALENDAR_TERM) % {"calendar": calendar_name(c)},
             t(CALENDAR_DEFINITION) % {"calendar": calendar_name(c), **sections})
            for c in project.schedule.calendars]
