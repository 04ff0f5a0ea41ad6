"""Business hours and business days as units of a service level: time
counted on the support calendar (the support hours, or the coverage hours
where the agreement promises none) less the public holidays it leaves out.

A business hour is an hour of that calendar; a business day is the support
hours of an average staffed weekday (40 hours over five days: 8 hours), so
that a ticket's time reads the same whichever day it starts on.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from wizard.core.compute import MINUTES_PER_DAY, day_intervals
from wizard.core.model import CoverageBlock, Project, Weekday
from wizard.i18n import N_

BUSINESS_HOURS = "business_hours"
BUSINESS_DAYS = "business_days"
BUSINESS_UNITS = (BUSINESS_HOURS, BUSINESS_DAYS)

BUSINESS_TERMS = (
    (N_("Business Day"), N_("A day on which the Support Hours set out in section %(schedule)s "
                            "are kept (the Coverage Hours where the agreement sets no Support "
                            "Hours), public holidays excepted where that section excludes them. "
                            "A time in Business Days counts only those hours, a Business Day "
                            "being the hours of an average such day.")),
    (N_("Business Hour"), N_("An hour within the Support Hours set out in section %(schedule)s "
                             "(the Coverage Hours where the agreement sets no Support Hours), "
                             "public holidays excepted where that section excludes them.")),
)
"""The defined terms a contract adds when a level is measured in business units."""


class Translator(Protocol):
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def number(self, value: Decimal | int) -> str: ...


def support_blocks(project: Project) -> list[CoverageBlock]:
    """The calendar business time runs on (an empty list: around the clock)."""
    support = project.schedule.support_coverage
    return list(support if support is not None else project.schedule.coverage)


def business_day_minutes(project: Project) -> Decimal:
    """The minutes of an average staffed weekday of the support calendar."""
    blocks = support_blocks(project)
    if not blocks:
        return Decimal(MINUTES_PER_DAY)
    days = [sum(end - start for start, end in day_intervals(blocks, day)) for day in Weekday]
    staffed = [minutes for minutes in days if minutes]
    return Decimal(sum(staffed)) / len(staffed) if staffed else Decimal(MINUTES_PER_DAY)


def business_unit_minutes(project: Project, unit: str) -> Decimal:
    """Minutes of the support calendar in one business hour or business day."""
    return Decimal(60) if unit == BUSINESS_HOURS else business_day_minutes(project)


def uses_business_units(project: Project) -> bool:
    return any(metric.unit in BUSINESS_UNITS for metric in project.metrics)


def business_value(value: Decimal | int, unit: str, fmt: Translator) -> str:
    """``2 business days``, ``1 business hour`` in the contract's language."""
    count = 1 if value == 1 else 2
    if unit == BUSINESS_HOURS:
        text = fmt.ngettext("%(num)s business hour", "%(num)s business hours", count)
    else:
        text = fmt.ngettext("%(num)s business day", "%(num)s business days", count)
    return text % {"num": fmt.number(value)}
