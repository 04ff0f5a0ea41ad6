"""Weekly hours as a person edits them, one row per weekday, and the
schedule's list of coverage blocks as the project stores it.

A week is a mapping of every :class:`Weekday` to the spans of that day, each
span a ``(start, end)`` pair of ``HH:MM`` texts (``end`` may be ``24:00``).
A day without spans is not covered. The project stores the same hours as
``CoverageBlock {days, start, end}`` items, where an empty list means around
the clock (24×7).

- :func:`blocks_to_week` reads blocks into per-day spans: each day gets the
  spans of the blocks naming it, sorted, exact duplicates once. Overlapping
  spans are kept as they are (what the user wrote is what they see), and so
  are spans whose end is not after their start (the checks report those).
  A block naming no day covers nothing and is dropped.
- :func:`week_to_blocks` writes them back with as few blocks as possible:
  one block per distinct span, naming every day that has it (Monday to
  Friday 08:00–18:00 is one block of five days). A week covering every
  minute becomes the empty list; a week covering nothing cannot be stored
  (the empty list would mean the opposite) and raises :class:`NothingCovered`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from pydantic import TypeAdapter, ValidationError

from wizard.core.compute import is_around_the_clock
from wizard.core.model import ClockTime, CoverageBlock, Weekday

Span = tuple[str, str]
"""``(start, end)`` of one stretch of a day, ``HH:MM``; ``end`` may be ``24:00``."""

Week = dict[Weekday, list[Span]]
"""Every weekday with its spans, in week order; no spans = not covered."""

WHOLE_DAY: Span = ("00:00", "24:00")
OFFICE_HOURS: Span = ("08:00", "18:00")
WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)

_CLOCK = TypeAdapter(ClockTime)
_LOOSE_CLOCK_RE = re.compile(r"([0-9]{1,2})[:.h]?([0-9]{2})")


class NothingCoveredError(ValueError):
    """No day has any hours: the project cannot say that (an empty coverage
    list means around the clock)."""


def empty_week() -> Week:
    """Every day, none covered."""
    return {day: [] for day in Weekday}


def around_the_clock_week() -> Week:
    """Every day from 00:00 to 24:00: what an empty coverage list means."""
    return {day: [WHOLE_DAY] for day in Weekday}


def office_hours_week() -> Week:
    """Monday to Friday 08:00–18:00, the weekend not covered."""
    return {day: [OFFICE_HOURS] if day in WORKDAYS else [] for day in Weekday}


def copy_day(week: Mapping[Weekday, Sequence[Span]], source: Weekday,
             targets: Iterable[Weekday]) -> Week:
    """``week`` with the hours of ``source`` given to each of ``targets``."""
    result = {day: list(week.get(day, ())) for day in Weekday}
    for day in targets:
        result[day] = list(result[source])
    return result


def blocks_to_week(blocks: Sequence[CoverageBlock]) -> Week:
    """The spans of each day; an empty list is around the clock."""
    if not blocks:
        return around_the_clock_week()
    week = empty_week()
    for block in blocks:
        for day in set(block.days):
            span = (block.start, block.end)
            if span not in week[day]:
                week[day].append(span)
    return {day: sorted(spans) for day, spans in week.items()}


def week_to_blocks(week: Mapping[Weekday, Sequence[Span]]) -> list[CoverageBlock]:
    """The fewest blocks saying the same as ``week``: one per distinct span,
    naming every day that has it, ordered by their first day and start.
    Raises :class:`NothingCoveredError` when no day has hours."""
    days_of: dict[Span, list[Weekday]] = {}
    for day in Weekday:
        for span in week.get(day, ()):
            days = days_of.setdefault((span[0], span[1]), [])
            if day not in days:
                days.append(day)
    if not days_of:
        raise NothingCoveredError("no day is covered")
    blocks = [
        CoverageBlock(days=days, start=start, end=end)
        for (start, end), days in sorted(
            days_of.items(), key=lambda item: (item[1][0].number, item[0]))
    ]
    return [] if is_around_the_clock(blocks) else blocks


def parse_clock_text(text: str) -> str:
    """A time of day as a person types it (``8:00``, ``08:00``, ``0800``,
    ``8.30``) as the project's ``HH:MM``; ``ValueError`` if it is not one."""
    match = _LOOSE_CLOCK_RE.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    clock = f"{int(match.group(1)):02d}:{match.group(2)}"
    try:
        return _CLOCK.validate_python(clock)
    except ValidationError as exc:
        raise ValueError(text) from exc
