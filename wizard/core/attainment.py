"""A calendar month measured under the contract's own rules: each service
level's attained value and whether it was met, each severity level's tickets
within and over their targets, and the service credit due.

The month is a calendar month in the agreement's time zone
(``schedule.timezone``): it starts at local midnight on the 1st and ends at
local midnight on the 1st of the next, so a month in which the clocks go
forward has an hour less and one in which they go back an hour more. Every
span of time is a list of ``(start, end)`` instants (microseconds, see
:mod:`wizard.core.measurements`), sorted and disjoint, so that overlaps count
once and sums are exact.

**Availability** (a metric of kind ``availability`` in percent, measured per
month). The eligible time is

- the whole month (measured ``always``), or its coverage hours (measured
  during ``coverage``): the coverage blocks of each weekday in local
  wall-clock time, an empty list meaning around the clock;
- less public holidays, when ``schedule.public_holidays`` is ``excluded``:
  the whole local day of each holiday of ``schedule.holiday_region`` (ISO
  3166 country and subdivision, ``US-OR``, ``DE-BY``) as the ``holidays``
  library lists them, observed days included;
- less the announced maintenance windows, when the agreement has an
  exclusions clause that excludes scheduled maintenance: each window from its
  local start on its weekday, for its duration (a window starting on the
  last days of the month before counts for the part that falls in this one);
- in the month the agreement takes effect, less the days before its
  effective date (a month before it has no eligible time).

A level measured over a ``billing_cycle`` counts the cycle that starts on
day ``cycle_start_day`` of the month named (``2027-03`` with day 15: from 15
March to the end of 14 April) instead of the calendar month.

The downtime is the union of the outages that concern the level (for one
service: that service's outages and those of ``*``; for every service
(``*``): every outage, since any service down is the services down),
counted only inside the eligible time: to the microsecond for a level
measured ``continuous``; for one measured ``sampled_interval``, each interval
of ``interval_minutes`` counted from the month's first instant that an outage
touches counts whole (its eligible part). This is the rule the contract
states (:mod:`wizard.core.availability_rule`). Attained = (eligible − down) /
eligible × 100, an exact :class:`~decimal.Decimal`; met when it is at least
the target (or at most, for a level whose direction is ``at_most``).

**Tickets.** A ticket belongs to the month it was created in. Its clock runs
on its severity level's calendar: at all times (``always``), or during
coverage hours; an agreement with support hours (``schedule.support_coverage``
not ``None``) runs ticket clocks on its support hours instead, since those are
the hours people answer. As the project format says, an empty support list
means support around the clock (``docs/project-format.md``), and ``None``
means no support hours, so the coverage hours. Calendars measured during hours
skip public holidays when the agreement excludes them. The response time runs
from creation to the first response; the resolution time from creation to
resolution less the ticket's paused minutes (waiting on the customer comes
after someone answered, so it never shortens a response). A ticket without a
response (or resolution) at the month's end has missed when its clock had
already passed the target, else it is listed as still open.

A metric of kind ``response_time`` or ``resolution_time`` reads the same
tickets: in percent, the share of tickets within their severity level's
target; in a unit of time, the longest time of the month's tickets on the
metric's own calendar (a percentile written in the measurement text is not
read: that text is prose).

**Other metrics** (counts, leads delivered, calls made) take the month's
value from a values file; a value given there also replaces what outages or
tickets would give a metric. A level that is measured over a period other
than a month, or for which no data was given, is listed as not measured with
the reason, never as met.

**Credit.** The tier the credit metric's attained value falls in
(:func:`~wizard.core.compute.credit_percent_due`, capped by ``cap_percent``)
as a share of the fees of the services that metric covers
(:func:`~wizard.core.compute.credited_monthly_fee`). The credits of the
eleven months before are taken as an input (the project's history keeps
them, :func:`wizard.core.history.earlier_credits`): with a yearly cap
(``yearly_cap_percent`` of twelve months' fees, ``yearly_cap_amount``) the
month gets what the cap leaves (:func:`~wizard.core.credit_schedules.credit_due`).
The claim deadline is the month's last day plus ``claim_window_days`` (none
when zero).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from wizard.core.business_units import BUSINESS_UNITS, business_unit_minutes
from wizard.core.calendars import CALENDAR_PREFIX, as_coverage, named_calendar
from wizard.core.compute import (
    applicable_tier,
    credit_amount,
    credit_percent_due,
    credited_monthly_fee,
    day_intervals,
)
from wizard.core.credit_schedules import (
    MONTHS_COUNTED_BY_YEARLY_CAP,
    credit_due,
    yearly_limit,
)
from wizard.core.measurements import (
    ALL_SERVICES,
    US_PER_MINUTE,
    Instant,
    MeasurementError,
    Measurements,
    Outage,
    Ticket,
    agreement_zone,
    instant_of,
)
from wizard.core.model import (
    PERCENT_UNIT,
    AvailabilityMethod,
    CoverageBlock,
    CreditTier,
    Direction,
    Holidays,
    MeasuredDuring,
    Metric,
    MetricKind,
    Period,
    Project,
    SamplingMethod,
    SeverityLevel,
    StandardExclusion,
    Weekday,
)
from wizard.i18n import _

Spans = list[tuple[Instant, Instant]]
"""Sorted, disjoint ``(start, end)`` pairs, each end after its start."""

_MONTH_RE = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_ONE_DAY = datetime.timedelta(days=1)
_HUNDRED = Decimal(100)
_UNIT_MINUTES = {"seconds": Decimal(1) / 60, "minutes": Decimal(1), "hours": Decimal(60),
                 "days": Decimal(1440)}


class AttainmentError(ValueError):
    """The month cannot be measured as the agreement stands (an unknown time
    zone or holiday region, a month that is not one); the message says why."""


# the month ---------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, ``2027-03``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``"2027-03"`` → ``Month(2027, 3)``; :class:`AttainmentError` otherwise."""
        match = _MONTH_RE.fullmatch(text.strip())
        if match is None:
            raise AttainmentError(_(
                '"{text}" is not a month written YYYY-MM, such as 2027-03').format(text=text[:20]))
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def next_first_day(self) -> datetime.date:
        if self.month == 12:
            return datetime.date(self.year + 1, 1, 1)
        return datetime.date(self.year, self.month + 1, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.next_first_day - _ONE_DAY

    def days(self) -> list[datetime.date]:
        return list(_dates(self.first_day, self.last_day))


def _dates(first: datetime.date, last: datetime.date) -> Iterable[datetime.date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


# spans -------------------------------------------------------------------------
def normalise(spans: Iterable[tuple[Instant, Instant]]) -> Spans:
    """``spans`` sorted and merged; empty ones dropped."""
    merged: Spans = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def intersect(first: Spans, second: Spans) -> Spans:
    """The time in both (each normalised)."""
    result: Spans = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def subtract(first: Spans, second: Spans) -> Spans:
    """The time in ``first`` and not in ``second`` (each normalised)."""
    result: Spans = []
    j = 0
    for start, end in first:
        current = start
        while j < len(second) and second[j][1] <= current:
            j += 1
        k = j
        while k < len(second) and second[k][0] < end:
            if second[k][0] > current:
                result.append((current, second[k][0]))
            current = max(current, second[k][1])
            if current >= end:
                break
            k += 1
        if current < end:
            result.append((current, end))
    return result


def total(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def minutes(micros: int) -> Decimal:
    """Microseconds as exact minutes."""
    return Decimal(micros) / US_PER_MINUTE


# calendars ---------------------------------------------------------------------
_WEEKDAYS = list(Weekday)


def wall_instant(day: datetime.date, minute: int, zone: ZoneInfo) -> Instant:
    """The moment the local clock in ``zone`` shows ``minute`` (0 … 1440) on
    ``day``. A time the clocks skip is the moment they jumped; a time they
    show twice is its first occurrence."""
    if minute >= 1440:
        day, minute = day + _ONE_DAY, minute - 1440
    return instant_of(datetime.datetime(day.year, day.month, day.day, minute // 60,
                                        minute % 60, tzinfo=zone))


def block_spans(blocks: Sequence[CoverageBlock], first: datetime.date, last: datetime.date,
                zone: ZoneInfo) -> Spans:
    """The hours ``blocks`` cover from ``first`` to ``last`` (inclusive), in
    local time; an empty list covers every day whole."""
    spans: Spans = []
    for day in _dates(first, last):
        intervals = (day_intervals(blocks, _WEEKDAYS[day.weekday()]) if blocks
                     else [(0, 1440)])
        spans.extend((wall_instant(day, start, zone), wall_instant(day, end, zone))
                     for start, end in intervals)
    return normalise(spans)


def day_spans(days: Iterable[datetime.date], zone: ZoneInfo) -> Spans:
    """Each local day whole, midnight to midnight."""
    return normalise((wall_instant(day, 0, zone), wall_instant(day, 1440, zone))
                     for day in days)


@lru_cache(maxsize=32)
def _holidays(region: str, years: tuple[int, ...]) -> tuple[tuple[datetime.date, str], ...]:
    import holidays  # about half a second: only when a month is measured

    country, _sep, subdivision = region.partition("-")
    try:
        found = holidays.country_holidays(country, subdiv=subdivision or None, years=years)
    except NotImplementedError:
        raise AttainmentError(_(
            'the holiday region "{region}" is unknown: name a country and, where its holidays '
            'differ, a subdivision as ISO 3166 codes, such as US-OR or DE-BY').format(
                region=region)) from None
    return tuple(sorted((day, str(name)) for day, name in found.items()))


def public_holidays(project: Project, first: datetime.date, last: datetime.date
                    ) -> list[tuple[datetime.date, str]]:
    """The public holidays the agreement leaves out, from ``first`` to ``last``
    (empty when it includes them)."""
    schedule = project.schedule
    if schedule.public_holidays is not Holidays.EXCLUDED:
        return []
    region = schedule.holiday_region.strip()
    if not region:
        raise AttainmentError(_(
            "the agreement leaves public holidays out but names no holiday region; name one "
            "in the availability schedule, such as US-OR or DE-BY"))
    years = tuple(range(first.year, last.year + 1))
    return [(day, name) for day, name in _holidays(region, years) if first <= day <= last]


def maintenance_excluded(project: Project) -> bool:
    """Whether announced maintenance is left out of the measured time."""
    exclusions = project.exclusions
    return exclusions.included and StandardExclusion.SCHEDULED_MAINTENANCE in exclusions.standard


def maintenance_spans(project: Project, first: datetime.date, last: datetime.date,
                      zone: ZoneInfo) -> Spans:
    """The announced maintenance windows starting from ``first`` to ``last``."""
    spans: Spans = []
    for day in _dates(first, last):
        for window in project.schedule.maintenance_windows:
            if window.day is _WEEKDAYS[day.weekday()]:
                hours, mins = window.start.split(":")
                start = wall_instant(day, int(hours) * 60 + int(mins), zone)
                spans.append((start, start + window.duration_minutes * US_PER_MINUTE))
    return normalise(spans)


def ticket_blocks(project: Project, measured_during: MeasuredDuring, calendar: str = ""
                  ) -> list[CoverageBlock] | None:
    """The hours a ticket clock runs on, as the contract names them: ``None``
    at all times; the support hours for a level counted during support hours
    (the coverage hours when the agreement promises none, which the checks
    report); a named calendar's hours for a level measured on one; the
    coverage hours otherwise (an empty list: around the clock)."""
    if measured_during is MeasuredDuring.ALWAYS:
        return None
    if measured_during is MeasuredDuring.CALENDAR:
        return as_coverage(project, measured_during, calendar)[1]
    support = project.schedule.support_coverage
    if measured_during is MeasuredDuring.SUPPORT_HOURS and support is not None:
        return list(support)
    return list(project.schedule.coverage)


class Clock:
    """Time on one calendar: elapsed at all times (``blocks`` ``None``), or
    inside ``blocks`` less the public holidays the agreement leaves out."""

    def __init__(self, project: Project, zone: ZoneInfo,
                 blocks: Sequence[CoverageBlock] | None) -> None:
        self.project = project
        self.zone = zone
        self.blocks = blocks
        self._cache: dict[tuple[datetime.date, datetime.date], Spans] = {}

    def spans(self, first: datetime.date, last: datetime.date) -> Spans:
        key = (first, last)
        if key not in self._cache:
            spans = block_spans(self.blocks or [], first, last, self.zone)
            holidays = public_holidays(self.project, first, last)
            self._cache[key] = subtract(spans, day_spans((d for d, _n in holidays), self.zone))
        return self._cache[key]

    def elapsed(self, start: Instant, end: Instant) -> int:
        """Microseconds of this calendar from ``start`` to ``end``."""
        if end <= start:
            return 0
        if self.blocks is None:
            return end - start
        first = _local_date(start, self.zone) - _ONE_DAY
        last = _local_date(end, self.zone) + _ONE_DAY
        # whole months, so that a month's tickets share one calendar
        first = first.replace(day=1)
        last = Month(last.year, last.month).last_day
        return total(intersect([(start, end)], self.spans(first, last)))


def _local_date(instant: Instant, zone: ZoneInfo) -> datetime.date:
    seconds = instant // 1_000_000
    return datetime.datetime.fromtimestamp(seconds, zone).date()


# results -----------------------------------------------------------------------
class Origin(StrEnum):
    """Where a level's attained value came from."""

    OUTAGES = "outages"
    TICKETS = "tickets"
    VALUES = "values"


@dataclass(frozen=True)
class EligibleTime:
    """The time an availability level is measured over, and how it was made."""

    spans: Spans
    month: int
    """The month's whole length (microseconds)."""
    base: int
    """The month, or its coverage hours."""
    holidays: int
    """Taken out for public holidays."""
    holiday_days: tuple[tuple[datetime.date, str], ...]
    maintenance: int
    """Taken out for announced maintenance."""
    start: Instant = 0
    """The month's first instant: sampling intervals are counted from it."""
    before_effect: int = 0
    """Taken out because the agreement took effect later in the month."""

    @property
    def eligible(self) -> int:
        return total(self.spans)


@dataclass(frozen=True)
class CountedOutage:
    """An outage and the part of it that counted against a level."""

    outage: Outage
    counted: int
    """Microseconds inside the eligible time."""


@dataclass(frozen=True)
class Availability:
    eligible: EligibleTime
    down: int
    """Microseconds of downtime inside the eligible time, overlaps once."""
    outages: tuple[CountedOutage, ...]
    """The outages that counted, in time order."""
    resource: str = ""
    """For a level worked out per resource: the resource with the most
    downtime, whose figures these are (empty: the service as a whole)."""


@dataclass(frozen=True)
class TicketTime:
    """A ticket's time on one clock, and whether it was within the target."""

    ticket: Ticket
    micros: int
    """Its time on the clock (so far, for an open ticket)."""
    within: bool | None
    """``None``: still open at the month's end and not yet over the target."""
    open: bool


class Measure(StrEnum):
    RESPONSE = "response"
    RESOLUTION = "resolution"


@dataclass(frozen=True)
class TicketTarget:
    """One severity level's tickets against one of its targets."""

    severity: SeverityLevel
    measure: Measure
    target_minutes: int
    calendar: str
    """``always``, ``coverage`` or ``support``: the hours its clock ran on."""
    times: tuple[TicketTime, ...]

    @property
    def counted(self) -> tuple[TicketTime, ...]:
        return tuple(t for t in self.times if t.within is not None)

    @property
    def missed(self) -> tuple[TicketTime, ...]:
        return tuple(t for t in self.times if t.within is False)

    @property
    def pending(self) -> tuple[TicketTime, ...]:
        return tuple(t for t in self.times if t.within is None)

    @property
    def share(self) -> Decimal | None:
        """Percent of the counted tickets within the target; ``None`` without any."""
        counted = len(self.counted)
        if not counted:
            return None
        return Decimal(counted - len(self.missed)) * _HUNDRED / counted


@dataclass(frozen=True)
class LevelResult:
    """A service level measured for the month."""

    metric: Metric
    attained: Decimal
    met: bool
    source: Origin
    availability: Availability | None = None
    tickets: tuple[TicketTime, ...] = ()
    """For a level read from tickets: the tickets over the target, or the
    tickets behind the longest time."""


@dataclass(frozen=True)
class Unmeasured:
    """A level the month's data cannot decide, and why (a sentence)."""

    metric: Metric
    reason: str


@dataclass(frozen=True)
class CreditResult:
    metric: Metric
    attained: Decimal
    tier: CreditTier | None
    percent: Decimal
    """The share of the fee credited, after the cap."""
    capped: bool
    fee: Decimal | None
    """The credited services' monthly fees; ``None`` when none has a fee."""
    services: tuple[str, ...]
    """The names of the services whose fees the credit is a share of."""
    amount: Decimal
    """The credit due for the month, after the yearly cap."""
    earlier: Decimal
    """Credits of the eleven months before."""
    month_amount: Decimal | None = None
    """The month's credit before the yearly cap, when the cap cut it."""
    yearly_limit: Decimal | None = None
    """What the yearly cap allows over twelve months; ``None`` without one."""

    @property
    def tier_percent(self) -> Decimal:
        return self.tier.credit_percent if self.tier is not None else Decimal(0)

    @property
    def year_to_date(self) -> Decimal:
        return self.earlier + self.amount


@dataclass(frozen=True)
class MonthResult:
    project: Project
    month: Month
    zone: ZoneInfo
    levels: tuple[LevelResult, ...]
    unmeasured: tuple[Unmeasured, ...]
    tickets: tuple[TicketTarget, ...]
    """Each severity level's targets (empty when no tickets file was given)."""
    credit: CreditResult | None
    credit_note: str
    """Why no credit was worked out, when ``credit`` is ``None`` and credits apply."""
    claim_deadline: datetime.date | None

    @property
    def credit_total(self) -> Decimal | None:
        """The credit due in money: zero without credits, ``None`` when the
        credit metric could not be measured."""
        if self.credit is not None:
            return self.credit.amount
        return None if self.credit_note else Decimal("0.00")


# measuring ---------------------------------------------------------------------
def meets(value: Decimal, target: Decimal, direction: Direction) -> bool:
    return value >= target if direction is Direction.AT_LEAST else value <= target


def eligible_time(project: Project, month: Month, zone: ZoneInfo,
                  measured_during: MeasuredDuring, cycle_day: int = 1,
                  calendar: str = "") -> EligibleTime:
    """The time an availability level measured ``measured_during`` (on the
    named ``calendar``) counts in ``month``: the calendar month, or the
    billing cycle that starts on day ``cycle_day`` of it and ends before that
    day of the next month."""
    measured_during, blocks = as_coverage(project, measured_during, calendar)
    first_day = month.first_day.replace(day=cycle_day)
    next_first_day = month.next_first_day.replace(day=cycle_day)
    last_day = next_first_day - _ONE_DAY
    start = wall_instant(first_day, 0, zone)
    end = wall_instant(next_first_day, 0, zone)
    effect = wall_instant(project.agreement.effective_date, 0, zone)
    whole: Spans = normalise([(max(start, effect), end)])
    if measured_during is MeasuredDuring.ALWAYS:
        base = whole
    else:
        base = intersect(whole, block_spans(blocks, first_day, last_day, zone))
    holidays = public_holidays(project, first_day, last_day)
    after_holidays = subtract(base, day_spans((d for d, _n in holidays), zone))
    after_maintenance = after_holidays
    if maintenance_excluded(project) and project.schedule.maintenance_windows:
        windows = maintenance_spans(project, first_day - 7 * _ONE_DAY, last_day, zone)
        after_maintenance = subtract(after_holidays, windows)
    return EligibleTime(
        spans=after_maintenance, month=end - start, base=total(base),
        holidays=total(base) - total(after_holidays), holiday_days=tuple(holidays),
        maintenance=total(after_holidays) - total(after_maintenance), start=start,
        before_effect=end - start - total(whole))


def failed_intervals(down: Spans, start: Instant, interval_minutes: int) -> Spans:
    """The whole intervals of ``interval_minutes``, counted from ``start``, that
    ``down`` touches: a sampled interval in which the service was found
    unavailable counts whole."""
    length = interval_minutes * US_PER_MINUTE
    return normalise(
        (start + (first - start) // length * length,
         start + -(-(last - start) // length) * length)
        for first, last in down)


def availability(eligible: EligibleTime, outages: Iterable[Outage], service: str,
                 method: AvailabilityMethod | None = None) -> Availability:
    """The downtime of ``service`` (or of every service, for ``*``) inside the
    eligible time, counted by ``method`` (to the second when not given)."""
    concerned = [o for o in outages
                 if service == ALL_SERVICES or o.service in (service, ALL_SERVICES)]
    resources = sorted({o.resource for o in concerned if o.resource})
    if method is not None and method.per_resource.strip() and resources:
        # each resource on its own, an outage of the whole service counting for
        # every one: the level is as good as its worst resource
        found = [_downtime(eligible, [o for o in concerned if o.resource in ("", resource)],
                           method, resource) for resource in resources]
        return max(found, key=lambda each: each.down)
    return _downtime(eligible, concerned, method, "")


def _downtime(eligible: EligibleTime, concerned: Sequence[Outage],
              method: AvailabilityMethod | None, resource: str) -> Availability:
    down = intersect(normalise((o.start, o.end) for o in concerned), eligible.spans)
    if method is not None and method.method is SamplingMethod.SAMPLED_INTERVAL:
        down = intersect(failed_intervals(down, eligible.start, method.interval_minutes),
                         eligible.spans)
    counted = []
    for outage in sorted(concerned, key=lambda o: (o.start, o.end)):
        part = total(intersect([(outage.start, outage.end)], eligible.spans)) \
            if outage.end > outage.start else 0
        if part:
            counted.append(CountedOutage(outage, part))
    return Availability(eligible, total(down), tuple(counted), resource)


def _ticket_times(tickets: Sequence[Ticket], clock: Clock, measure: Measure,
                  target_minutes: int | None, month_end: Instant) -> tuple[TicketTime, ...]:
    """Each ticket's time on ``clock`` for ``measure``; within the target
    when one is given (``None`` for open tickets not yet over it)."""
    times = []
    target = None if target_minutes is None else target_minutes * US_PER_MINUTE
    for ticket in tickets:
        end = ticket.first_response if measure is Measure.RESPONSE else ticket.resolved
        paused = 0 if measure is Measure.RESPONSE else int(ticket.paused_minutes * US_PER_MINUTE)
        if end is not None:
            elapsed = clock.elapsed(ticket.created, end) - paused
            if elapsed < 0:
                raise MeasurementError(
                    ticket.source.file, _(
                        "the ticket is paused for longer than it was open on its clock "
                        "({minutes} minutes)").format(
                            minutes=_plain(minutes(elapsed + paused))),
                    ticket.source.line, "paused_minutes")
            within = None if target is None else elapsed <= target
            times.append(TicketTime(ticket, elapsed, within, False))
        else:
            so_far = clock.elapsed(ticket.created, month_end) - paused
            over = target is not None and so_far > target
            times.append(TicketTime(ticket, max(so_far, 0), False if over else None, True))
    return tuple(times)


def _plain(value: Decimal) -> str:
    text = format(value.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _calendar_name(project: Project, measured_during: MeasuredDuring,
                   calendar: str = "") -> str:
    if measured_during is MeasuredDuring.ALWAYS:
        return "always"
    if named_calendar(project, measured_during, calendar) is not None:
        return CALENDAR_PREFIX + calendar
    if (measured_during is MeasuredDuring.SUPPORT_HOURS
            and project.schedule.support_coverage is not None):
        return "support"
    return "coverage"


def measure_month(project: Project, month: Month, data: Measurements,
                  earlier_credits: Sequence[Decimal] = ()) -> MonthResult:
    """Every service level of ``project`` in ``month`` from ``data``, the
    severity levels' tickets, and the credit due. ``earlier_credits`` are the
    credits of the eleven months before (oldest first), which a yearly cap
    counts with this month's."""
    try:
        zone = agreement_zone(project)
    except ValueError as exc:
        raise AttainmentError(str(exc)) from None
    month_start = wall_instant(month.first_day, 0, zone)
    month_end = wall_instant(month.next_first_day, 0, zone)
    tickets = [t for t in data.tickets or [] if month_start <= t.created < month_end]
    tickets.sort(key=lambda t: (t.created, t.id))

    clocks: dict[tuple[MeasuredDuring, str], Clock] = {}

    def clock(measured_during: MeasuredDuring, calendar: str = "") -> Clock:
        key = (measured_during, calendar)
        if key not in clocks:
            clocks[key] = Clock(project, zone, ticket_blocks(project, *key))
        return clocks[key]

    targets: list[TicketTarget] = []
    if data.tickets is not None:
        for level in project.severity_levels:
            own = [t for t in tickets if t.severity == level.id]
            pairs = [(Measure.RESPONSE, level.response_minutes),
                     (Measure.RESOLUTION, level.resolution_minutes)]
            for measure, target in pairs:
                if target is None:
                    continue
                targets.append(TicketTarget(
                    level, measure, target,
                    _calendar_name(project, level.measured_during, level.calendar),
                    _ticket_times(own, clock(level.measured_during, level.calendar), measure,
                                  target, month_end)))

    eligible_cache: dict[tuple[MeasuredDuring, int, str], EligibleTime] = {}
    levels: list[LevelResult] = []
    unmeasured: list[Unmeasured] = []
    for metric in project.metrics:
        given = data.values.get(metric.id)
        if given is not None:
            levels.append(LevelResult(metric, given.value,
                                      meets(given.value, metric.target, metric.direction),
                                      Origin.VALUES))
            continue
        if metric.period is not Period.MONTH and metric.kind in (
                MetricKind.AVAILABILITY, MetricKind.RESPONSE_TIME, MetricKind.RESOLUTION_TIME):
            unmeasured.append(Unmeasured(metric, _(
                "it is not measured per month; give the month's value in a values file if the "
                "report should show one")))
            continue
        if metric.kind is MetricKind.AVAILABILITY:
            if metric.unit != PERCENT_UNIT:
                unmeasured.append(Unmeasured(metric, _(
                    "an availability level is measured in percent; give its value in a values "
                    "file")))
            elif data.outages is None:
                unmeasured.append(Unmeasured(metric, _("no outages file was given")))
            else:
                key = (metric.measured_during, metric.method.cycle_day(), metric.calendar)
                if key not in eligible_cache:
                    eligible_cache[key] = eligible_time(project, month, zone, *key)
                eligible = eligible_cache[key]
                if not eligible.eligible:
                    unmeasured.append(Unmeasured(metric, _(
                        "the month has no time during which the level applies")))
                    continue
                result = availability(eligible, data.outages, metric.service, metric.method)
                attained = (Decimal(eligible.eligible - result.down) * _HUNDRED
                            / eligible.eligible)
                levels.append(LevelResult(metric, attained,
                                          meets(attained, metric.target, metric.direction),
                                          Origin.OUTAGES, availability=result))
        elif metric.kind in (MetricKind.RESPONSE_TIME, MetricKind.RESOLUTION_TIME):
            measure = (Measure.RESPONSE if metric.kind is MetricKind.RESPONSE_TIME
                       else Measure.RESOLUTION)
            # business hours and days run on the support calendar
            business = metric.unit in BUSINESS_UNITS
            counted_during = (MeasuredDuring.SUPPORT_HOURS if business
                              else metric.measured_during)
            outcome = _ticket_level(project, metric, measure, tickets, data, targets,
                                    clock(counted_during, "" if business else metric.calendar),
                                    month_end)
            if isinstance(outcome, Unmeasured):
                unmeasured.append(outcome)
            else:
                levels.append(outcome)
        else:
            unmeasured.append(Unmeasured(metric, _("no value was given in a values file")))

    credit, note = _credit(project, levels, unmeasured, earlier_credits)
    credits = project.service_credits
    deadline = (month.last_day + datetime.timedelta(days=credits.claim_window_days)
                if credits.enabled and credits.claim_window_days else None)
    return MonthResult(project, month, zone, tuple(levels), tuple(unmeasured), tuple(targets),
                       credit, note, deadline)


def _ticket_level(project: Project, metric: Metric, measure: Measure, tickets: Sequence[Ticket],
                  data: Measurements, targets: Sequence[TicketTarget], clock: Clock,
                  month_end: Instant) -> LevelResult | Unmeasured:
    if data.tickets is None:
        return Unmeasured(metric, _("no tickets file was given"))
    if metric.unit == PERCENT_UNIT:
        own = [target for target in targets if target.measure is measure]
        counted = sum(len(target.counted) for target in own)
        if not counted:
            return Unmeasured(metric, _("no ticket of the month could be counted"))
        missed = tuple(sorted((time for target in own for time in target.missed),
                              key=lambda time: (time.ticket.created, time.ticket.id)))
        attained = Decimal(counted - len(missed)) * _HUNDRED / counted
        return LevelResult(metric, attained, meets(attained, metric.target, metric.direction),
                           Origin.TICKETS, tickets=missed)
    unit_minutes = (business_unit_minutes(project, metric.unit)
                    if metric.unit in BUSINESS_UNITS else _UNIT_MINUTES.get(metric.unit))
    if unit_minutes is not None:
        times = _ticket_times(tickets, clock, measure, None, month_end)
        if not times:
            return Unmeasured(metric, _("no ticket was created in the month"))
        longest = max(times, key=lambda t: t.micros)
        attained = minutes(longest.micros) / unit_minutes
        met = meets(attained, metric.target, metric.direction)
        limit = metric.target * unit_minutes * US_PER_MINUTE
        over = tuple(t for t in times if not meets(Decimal(t.micros), limit, metric.direction))
        return LevelResult(metric, attained, met, Origin.TICKETS, tickets=over)
    return Unmeasured(metric, _(
        "a level in {unit} cannot be read from tickets; give its value in a values file")
        .format(unit=metric.unit))


def _credit(project: Project, levels: Sequence[LevelResult], unmeasured: Sequence[Unmeasured],
            earlier: Sequence[Decimal]) -> tuple[CreditResult | None, str]:
    credits = project.service_credits
    if not credits.enabled:
        return None, ""
    metric = project.metric_by_id(credits.metric)
    if metric is None:
        return None, _("the service credits name no service level of the agreement")
    result = next((level for level in levels if level.metric.id == metric.id), None)
    if result is None:
        reason = next((u.reason for u in unmeasured if u.metric.id == metric.id), "")
        return None, _("no credit was worked out: {level} was not measured ({reason})").format(
            level=metric.name or metric.id, reason=reason)
    tier = applicable_tier(credits.tiers, result.attained)
    percent = credit_percent_due(credits, result.attained)
    fee = credited_monthly_fee(project.services, metric.service)
    services = tuple(s.name or s.id for s in project.services if s.monthly_fee
                     and (metric.service == ALL_SERVICES or s.id == metric.service))
    amount = credit_amount(fee, percent) if fee is not None else Decimal("0.00")
    counted = list(earlier)[-(MONTHS_COUNTED_BY_YEARLY_CAP - 1):]
    yearly_fees = fee * MONTHS_COUNTED_BY_YEARLY_CAP if fee is not None else None
    due = credit_due(credits, amount, counted, yearly_fees)
    return CreditResult(
        metric=metric, attained=result.attained, tier=tier, percent=percent,
        capped=tier is not None and percent < tier.credit_percent, fee=fee, services=services,
        amount=due, earlier=sum(counted, Decimal(0)),
        month_amount=amount if due < amount else None,
        yearly_limit=yearly_limit(credits, yearly_fees)), ""


# as data -----------------------------------------------------------------------
def decimal_text(value: Decimal) -> str:
    """An exact decimal as plain text, without exponent or trailing zeros."""
    text = format(value.normalize(), "f")
    return text


def result_to_data(result: MonthResult) -> dict[str, Any]:
    """The month's results as JSON-ready data (``sla-wizard report --json``)."""
    credit = result.credit
    total_due = result.credit_total
    return {
        "month": str(result.month),
        "currency": result.project.currency,
        "levels": [
            {
                "id": level.metric.id,
                "name": level.metric.name,
                "kind": level.metric.kind.value,
                "unit": level.metric.unit,
                "direction": level.metric.direction.value,
                "target": decimal_text(level.metric.target),
                "attained": decimal_text(level.attained),
                "met": level.met,
                "source": level.source.value,
            }
            for level in result.levels
        ],
        "unmeasured": [{"id": u.metric.id, "reason": u.reason} for u in result.unmeasured],
        "tickets": [
            {
                "severity": target.severity.id,
                "measure": target.measure.value,
                "target_minutes": target.target_minutes,
                "calendar": target.calendar,
                "counted": len(target.counted),
                "within": len(target.counted) - len(target.missed),
                "share": decimal_text(target.share) if target.share is not None else None,
                "missed": [t.ticket.id for t in target.missed],
                "open": [t.ticket.id for t in target.pending],
            }
            for target in result.tickets
        ],
        "credit": None if credit is None else {
            "metric": credit.metric.id,
            "attained": decimal_text(credit.attained),
            "tier_percent": decimal_text(credit.tier_percent),
            "percent": decimal_text(credit.percent),
            "capped": credit.capped,
            "fee": format(credit.fee, "f") if credit.fee is not None else None,
            "amount": format(credit.amount, "f"),
            "year_to_date": format(credit.year_to_date.quantize(Decimal("0.01")), "f"),
        },
        "credit_note": result.credit_note,
        "credit_total": format(total_due.quantize(Decimal("0.01")), "f")
        if total_due is not None else None,
        "claim_deadline": result.claim_deadline.isoformat()
        if result.claim_deadline is not None else None,
    }
