"""What the exports to other tools share: the result they give back, the
error they raise, object names those tools accept, and the weekly hours of
a schedule as spans of minutes grouped by the days that have them.

Each export (:mod:`wizard.core.export_openslo`, :mod:`wizard.core.export_ics`,
:mod:`wizard.core.export_zendesk`) turns a :class:`~wizard.core.model.Project`
into the bytes of one file and a list of notes: what was left out and why,
and how the agreement's terms were mapped onto the tool's own.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wizard.core.compute import day_intervals
from wizard.core.model import CoverageBlock, Project, Weekday
from wizard.i18n import _

MINUTES_PER_DAY = 24 * 60

_NOT_NAME_RE = re.compile(r"[^a-z0-9]+")
NAME_MAX = 63
"""The longest object name every OpenSLO tool must accept (RFC 1123 label)."""


class ExportError(ValueError):
    """The project cannot be exported to the format asked for; the message,
    in the interface language, says why."""


@dataclass
class Export:
    """One exported file and the notes the command prints about it."""

    content: bytes
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WeeklySpan:
    """One stretch of a day, ``start`` to ``end`` in minutes after local
    midnight (``end`` up to 1440), on each of ``days``."""

    start: int
    end: int
    days: tuple[Weekday, ...]


def weekly_spans(blocks: Sequence[CoverageBlock]) -> list[WeeklySpan]:
    """The hours ``blocks`` cover (an empty list: every day whole), each
    distinct span once with the days that have it, in week order. Overlapping
    blocks are merged as the measurement merges them."""
    days_of: dict[tuple[int, int], list[Weekday]] = {}
    for day in Weekday:
        intervals = day_intervals(blocks, day) if blocks else [(0, MINUTES_PER_DAY)]
        for interval in intervals:
            days_of.setdefault(interval, []).append(day)
    ordered = sorted(days_of.items(), key=lambda item: (item[1][0].number, item[0]))
    return [WeeklySpan(start, end, tuple(days)) for (start, end), days in ordered]


def twelve_months_later(first: datetime.date) -> datetime.date:
    """The last day of the twelve months that start on ``first``."""
    try:
        following = first.replace(year=first.year + 1)
    except ValueError:  # 29 February
        following = datetime.date(first.year + 1, 3, 1)
    return following - datetime.timedelta(days=1)


def clock_text(minutes: int) -> str:
    """``HH:MM`` of minutes after midnight (1440 is ``24:00``)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def hours_text(blocks: Sequence[CoverageBlock] | None) -> str:
    """Weekly hours in a plain form a tool's annotation can hold:
    ``mon,tue,wed,thu,fri 08:00-18:00``; ``24x7`` for around the clock."""
    if blocks is None:
        return "none"
    spans = weekly_spans(blocks)
    if [(s.start, s.end, len(s.days)) for s in spans] == [(0, MINUTES_PER_DAY, 7)]:
        return "24x7"
    return "; ".join(f"{','.join(d.value for d in s.days)} "
                     f"{clock_text(s.start)}-{clock_text(s.end)}" for s in spans)


def object_name(text: str, fallback: str, taken: set[str]) -> str:
    """``text`` as a name of lower-case letters, digits and hyphens (at most
    :data:`NAME_MAX` characters), ``fallback`` when nothing is left, made
    unique among ``taken`` (which it joins)."""
    base = _NOT_NAME_RE.sub("-", text.lower()).strip("-")[:NAME_MAX].strip("-") or fallback
    name, number = base, 2
    while name in taken:
        suffix = f"-{number}"
        name = base[:NAME_MAX - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(name)
    return name


def agreement_zone(project: Project) -> ZoneInfo:
    """The agreement's time zone; :class:`ExportError` naming it when it is
    not one the time-zone database knows."""
    name = project.schedule.timezone.strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ExportError(_(
            'the time zone "{zone}" of the availability schedule is unknown: name one '
            'such as Europe/Berlin or America/New_York').format(zone=name)) from None


def agreement_title(project: Project) -> str:
    """The agreement's title, else its reference, else a plain name."""
    agreement = project.agreement
    return agreement.title.strip() or agreement.reference.strip() or _("Service Level Agreement")
