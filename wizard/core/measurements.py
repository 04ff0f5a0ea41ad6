"""A month's measurements read from the files people have: outages from an
uptime monitor, tickets from a helpdesk, and the values of other metrics.

Every reader takes a file, the project (to know its services, severity
levels, metrics and time zone) and returns plain records; a row that cannot
be read exactly is refused with a :class:`MeasurementError` that names the
file, the line and the field in the interface language. Nothing is guessed:
an end before its start, a service or severity level the agreement does not
have, a time without offset that the agreement's clocks show twice (or never)
at a daylight-saving change, all stop the import.

Times are kept as whole microseconds since 1970-01-01 UTC (:data:`Instant`),
so that every sum and difference is exact.

The files:

- **Outages** (:func:`read_outages`), one of
  - the generic layout ``service,start,end``: ``service`` is a service id of
    the agreement or ``*`` (every service); ``start`` and ``end`` are ISO 8601
    times, with an offset (``2027-03-01T14:00:00+01:00``, ``…Z``) or without
    one, then read in the agreement's time zone;
  - samples ``service,time,status``, one check a row, ``status`` ``up`` or
    ``down`` (a year of one-minute checks is 525,600 rows): a service is down
    from its first ``down`` sample to its next ``up`` sample, the rule uptime
    monitors count downtime by; a service still down at its last sample is
    refused (the file does not say when it came back);
  - UptimeRobot's log export (:func:`read_uptimerobot`).
- **Tickets** (:func:`read_tickets`): the generic layout
  ``id,severity,created,first_response,resolved`` with an optional
  ``paused_minutes`` (minutes on the ticket's own clock during which it waited
  on the customer), or Zendesk's ticket CSV export (:func:`read_zendesk`).
- **Values** (:func:`read_values`): ``metric,value`` for the metrics no
  monitor or helpdesk measures (leads delivered, calls made).

A file's layout is told by its header row, whose column names each layout
has of its own; the columns may come in any order, extra columns are left
alone, and the header decides the delimiter (a comma, or a semicolon or tab
as spreadsheets in many locales write).

Every reader also takes, by keyword, ``progress`` (told ``(rows read, rows in
all)`` every :data:`PROGRESS_EVERY` rows and once at the end) and
``cancelled`` (asked as often; when it answers true the reading stops with
:class:`ReadCancelledError`), for a window that reads a long file in the
background. Without them the rows are read by the csv reader alone, with no
call between them.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wizard.core.model import MeasuredDuring, Project, SeverityLevel
from wizard.core.safe_read import read_regular_file
from wizard.i18n import _

Instant = int
"""A moment as whole microseconds since 1970-01-01T00:00:00Z."""

US_PER_SECOND = 1_000_000
US_PER_MINUTE = 60 * US_PER_SECOND

MAX_FILE_BYTES = 128 * 1024 * 1024
"""The largest measurement file read: a year of one-minute samples of a few
services is well below it."""

ALL_SERVICES = "*"

_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SIGNED_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_SPACE_BEFORE_OFFSET_RE = re.compile(r"\s+(?=(?:[+-][0-9]{2}:?[0-9]{2}|Z)$)")

Progress = Callable[[int, int], None]
"""Told ``(rows read, rows in all)`` while a file is read."""
CancelCheck = Callable[[], bool]
"""Asked while a file is read; true stops the reading."""

PROGRESS_EVERY = 4096
"""Rows read between two calls of ``progress`` and ``cancelled``."""


class ReadCancelledError(Exception):
    """The reading of a file was stopped because ``cancelled`` said so."""


class MeasurementError(ValueError):
    """A measurement file that cannot be read as it stands; the message names
    the file, and the line and field where there is one."""

    def __init__(self, file: str, problem: str, line: int | None = None,
                 field_name: str | None = None) -> None:
        if line is not None and field_name is not None:
            message = _("{file}, line {line}, {field}: {problem}").format(
                file=file, line=line, field=field_name, problem=problem)
        elif line is not None:
            message = _("{file}, line {line}: {problem}").format(
                file=file, line=line, problem=problem)
        else:
            message = _("{file}: {problem}").format(file=file, problem=problem)
        super().__init__(message)
        self.file = file
        self.line = line
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: the file's name and the line of its row."""

    file: str
    line: int

    def __str__(self) -> str:
        return _("{file}, line {line}").format(file=self.file, line=self.line)


@dataclass(frozen=True, slots=True)
class Outage:
    """A stretch of time during which ``service`` (an id, or ``*`` for every
    service) was down."""

    service: str
    start: Instant
    end: Instant
    source: Source
    resource: str = ""
    """The resource of the service that was down (an instance, a region),
    from the outages file's optional ``resource`` column; empty: the whole
    service, every resource of it."""


@dataclass(frozen=True, slots=True)
class Ticket:
    """A helpdesk ticket; ``first_response`` and ``resolved`` are ``None``
    while they have not happened."""

    id: str
    severity: str
    created: Instant
    first_response: Instant | None
    resolved: Instant | None
    paused_minutes: Decimal
    """Minutes on the ticket's own clock during which it waited on the
    customer; they do not count towards its resolution time."""
    source: Source


@dataclass(frozen=True, slots=True)
class MetricValue:
    """A metric's value for the month, as the values file gives it."""

    metric: str
    value: Decimal
    source: Source


@dataclass
class Measurements:
    """Everything read for one month; ``None`` where no file of that kind
    was given (a level then has no data, rather than a perfect month)."""

    outages: list[Outage] | None = None
    tickets: list[Ticket] | None = None
    values: dict[str, MetricValue] = field(default_factory=dict)

    def add_outages(self, outages: Sequence[Outage]) -> None:
        self.outages = [*(self.outages or []), *outages]

    def add_tickets(self, tickets: Sequence[Ticket]) -> None:
        """Add tickets; a ticket id read twice (two exports that overlap) is refused."""
        known = {ticket.id: ticket for ticket in self.tickets or []}
        for ticket in tickets:
            if ticket.id in known:
                raise MeasurementError(
                    ticket.source.file,
                    _("ticket {id} was already read from {other}").format(
                        id=ticket.id, other=known[ticket.id].source),
                    ticket.source.line, "id")
            known[ticket.id] = ticket
        self.tickets = list(known.values())

    def add_values(self, values: Mapping[str, MetricValue]) -> None:
        for metric, value in values.items():
            if metric in self.values:
                raise MeasurementError(
                    value.source.file,
                    _("metric {metric} was already given in {other}").format(
                        metric=metric, other=self.values[metric].source),
                    value.source.line, "metric")
            self.values[metric] = value


# times -------------------------------------------------------------------------
class TimeTextError(ValueError):
    """A text that is not a time, or names a local time that is ambiguous or
    never happened; the message says which, for a :class:`MeasurementError`."""


def agreement_zone(project: Project) -> ZoneInfo:
    """The agreement's time zone, from ``schedule.timezone``."""
    try:
        return ZoneInfo(project.schedule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(_('the agreement\'s time zone "{zone}" is unknown').format(
            zone=project.schedule.timezone)) from None


def instant_of(moment: datetime.datetime) -> Instant:
    """An aware datetime as an :data:`Instant`."""
    return int(moment.timestamp()) * US_PER_SECOND + moment.microsecond


def moment_of(instant: Instant, zone: datetime.tzinfo) -> datetime.datetime:
    """An :data:`Instant` as an aware datetime in ``zone``."""
    seconds, micros = divmod(instant, US_PER_SECOND)
    return datetime.datetime.fromtimestamp(seconds, zone).replace(microsecond=micros)


def local_instant(naive: datetime.datetime, zone: ZoneInfo) -> Instant:
    """A wall-clock time in ``zone`` as an instant; a time the clocks show
    twice (when they go back) or skip (when they go forward) raises
    :class:`TimeTextError`, since only an offset could say which moment it is."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        shown = naive.isoformat(sep=" ", timespec="minutes")
        back = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
        if back != naive:
            raise TimeTextError(_(
                "{time} never happened in {zone}: the clocks went forward; give the time "
                "with its offset from UTC").format(time=shown, zone=zone.key))
        raise TimeTextError(_(
            "{time} happened twice in {zone}: the clocks went back; give the time with "
            "its offset from UTC (such as -07:00 or -08:00)").format(time=shown, zone=zone.key))
    return instant_of(first)


def parse_time(text: str, zone: ZoneInfo) -> Instant:
    """An ISO 8601 date and time (``2027-03-01T14:30:00+01:00``, ``…Z``, or
    ``2027-03-01 14:30`` read in ``zone``) as an instant; :class:`TimeTextError`
    when it is not one."""
    cleaned = text.strip()
    moment: datetime.datetime | None = None
    if len(cleaned) > 10:  # a date alone is no moment
        try:
            moment = datetime.datetime.fromisoformat(cleaned)
        except ValueError:
            try:
                moment = datetime.datetime.fromisoformat(
                    _SPACE_BEFORE_OFFSET_RE.sub("", cleaned))
            except ValueError:
                moment = None
    if moment is None:
        raise TimeTextError(_(
            '"{text}" is not a date and time such as 2027-03-01T14:30:00+01:00').format(
                text=cleaned[:40]))
    if moment.tzinfo is None:
        return local_instant(moment, zone)
    return instant_of(moment)


# reading rows ------------------------------------------------------------------
@dataclass
class _Table:
    """A CSV file's rows, with the header's columns by their lower-case name."""

    file: str
    columns: dict[str, int]
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    reader: Any
    """The csv reader itself, past the header (``rows`` reads from it)."""
    path: Path
    progress: Progress | None = None
    cancelled: CancelCheck | None = None

    def has(self, *names: str) -> bool:
        return all(name in self.columns for name in names)

    def require(self, *names: str) -> None:
        for name in names:
            if name not in self.columns:
                raise MeasurementError(self.file, _(
                    'the column "{column}" is missing (the header names: {header})').format(
                        column=name, header=", ".join(self.header)), 1)


class _WatchedReader:
    """A csv reader that tells its progress and stops when cancelled, every
    :data:`PROGRESS_EVERY` rows. Iterating it reads the rows in slices of the
    csv reader itself, so that no Python call comes between two rows."""

    __slots__ = ("_cancelled", "_progress", "_reader", "_total")

    def __init__(self, reader: Any, total: int, progress: Progress | None,
                 cancelled: CancelCheck | None) -> None:
        self._reader, self._total = reader, total
        self._progress, self._cancelled = progress, cancelled

    @property
    def line_num(self) -> int:
        return int(self._reader.line_num)

    def __next__(self) -> list[str]:
        row: list[str] = next(self._reader)
        return row

    def __iter__(self) -> Iterator[list[str]]:
        reader = self._reader
        while True:
            before = reader.line_num
            yield from itertools.islice(reader, PROGRESS_EVERY)
            if reader.line_num == before:  # nothing left
                if self._progress is not None:
                    self._progress(self._total, self._total)
                return
            if self._cancelled is not None and self._cancelled():
                raise ReadCancelledError
            if self._progress is not None:
                self._progress(min(reader.line_num - 1, self._total), self._total)


def _data_lines(text: str) -> int:
    """The lines of ``text`` after its header line."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    return max(lines - 1, 0)


def file_header(path: str | Path, what: str) -> list[str]:
    """The column names in the header row of ``path``, as the readers read
    them (``what`` names the file in a message, "The outages file")."""
    return _open_table(path, what).header


def _open_table(path: str | Path, what: str, progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> _Table:
    file = Path(path)
    if cancelled is not None and cancelled():
        raise ReadCancelledError
    data = read_regular_file(file, MAX_FILE_BYTES, what)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MeasurementError(file.name, _(
            "it is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = next((d for d in (",", ";", "\t") if d in first_line), ",")
    reader: Any = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    if progress is not None or cancelled is not None:
        reader = _WatchedReader(reader, _data_lines(text), progress, cancelled)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise MeasurementError(file.name, str(exc), 1) from None
    if header is None or not any(cell.strip() for cell in header):
        raise MeasurementError(file.name, _("the file is empty: it has no header row"))
    names = [cell.strip() for cell in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(name.casefold(), index)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    yield reader.line_num, row
        except csv.Error as exc:
            raise MeasurementError(file.name, str(exc), reader.line_num) from None

    return _Table(file.name, columns, names, rows(), reader, file, progress, cancelled)


class _Row:
    """One row, its cells read by column name, every problem named."""

    __slots__ = ("cells", "line", "table")

    def __init__(self, table: _Table, line: int, cells: list[str]) -> None:
        self.table = table
        self.line = line
        self.cells = cells

    def field_name(self, column: str) -> str:
        return self.table.header[self.table.columns[column]]

    def text(self, column: str) -> str:
        index = self.table.columns.get(column)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def fail(self, column: str, problem: str) -> MeasurementError:
        return MeasurementError(self.table.file, problem, self.line, self.field_name(column))

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            raise self.fail(column, _("this field is empty"))
        return value

    def time(self, column: str, zone: ZoneInfo) -> Instant:
        try:
            return parse_time(self.required(column), zone)
        except TimeTextError as exc:
            raise self.fail(column, str(exc)) from None

    def optional_time(self, column: str, zone: ZoneInfo) -> Instant | None:
        return self.time(column, zone) if self.text(column) else None

    def number(self, column: str, signed: bool = False) -> Decimal:
        value = self.required(column)
        pattern = _SIGNED_NUMBER_RE if signed else _NUMBER_RE
        if not pattern.fullmatch(value):
            raise self.fail(column, _(
                '"{text}" is not a number written with digits and a decimal point, '
                'such as 12.5').format(text=value[:40]) if signed else _(
                '"{text}" is not a number of zero or more written with digits and a decimal '
                'point, such as 12.5').format(text=value[:40]))
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern rules it out
            raise self.fail(column, value) from None

    @property
    def source(self) -> Source:
        return Source(self.table.file, self.line)


def _service_lookup(project: Project, *, by_name: bool) -> Callable[[_Row, str], str]:
    """A service id for a row's text: an id of the agreement or ``*`` (and,
    for a monitor's export, a service's name, case aside)."""
    ids = {service.id for service in project.services}
    names = {service.name.strip().casefold(): service.id for service in project.services
             if service.name.strip()}
    known = ", ".join(sorted(ids)) or _("none")

    def lookup(row: _Row, column: str) -> str:
        value = row.required(column)
        if value == ALL_SERVICES or value in ids:
            return value
        if by_name and value.casefold() in names:
            return names[value.casefold()]
        if by_name:
            raise row.fail(column, _(
                '"{value}" is neither a service of the agreement nor its name (the services: '
                '{known}); name the monitor after its service').format(
                    value=value[:60], known=known))
        raise row.fail(column, _(
            '"{value}" is not a service of the agreement (the services: {known}, or * for '
            'every service)').format(value=value[:60], known=known))

    return lookup


# outages -----------------------------------------------------------------------
_GENERIC_OUTAGES = ("service", "start", "end")
_SAMPLES = ("service", "time", "status")
_UPTIMEROBOT = ("event", "date-time", "duration (in mins.)")


def read_outages(path: str | Path, project: Project,
                 zone: ZoneInfo | None = None, *, progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> list[Outage]:
    """The outages in ``path``: the generic layout, samples, or UptimeRobot's
    log export, told apart by the header. Times without an offset are read in
    ``zone`` (the agreement's time zone unless given)."""
    zone = zone or agreement_zone(project)
    table = _open_table(path, _("The outages file"), progress, cancelled)
    if table.has(*_UPTIMEROBOT):
        return _uptimerobot_rows(table, project, zone)
    if table.has(*_SAMPLES):
        return _sample_rows(table, project, zone)
    table.require(*_GENERIC_OUTAGES)
    service_of = _service_lookup(project, by_name=False)
    by_resource = table.has("resource")
    outages = []
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        service = service_of(row, "service")
        start = row.time("start", zone)
        end = row.time("end", zone)
        if end < start:
            raise row.fail("end", _("the outage ends before it starts ({start})").format(
                start=row.text("start")))
        resource = " ".join(row.text("resource").split()) if by_resource else ""
        outages.append(Outage(service, start, end, row.source, resource))
    return outages


def _sample_rows(table: _Table, project: Project, zone: ZoneInfo) -> list[Outage]:
    """Outages from samples; a file in time order (as monitors write them)
    is read in one pass, any other is read again and sorted."""
    outages = _samples_in_order(table, project, zone)
    if outages is not None:
        return outages
    return _samples_sorted(_open_table(table.path, _("The outages file"), table.progress,
                                       table.cancelled), project, zone)


def _samples_in_order(table: _Table, project: Project, zone: ZoneInfo) -> list[Outage] | None:
    """The outages of samples read in one pass, or ``None`` when a service's
    samples are not in time order. Rows in the usual form (a service id, a
    time with offset, ``up`` or ``down``) take a short path; any other row is
    read, or refused, by the general one."""
    service_of = _service_lookup(project, by_name=False)
    services = {service.id for service in project.services} | {ALL_SERVICES}
    service_at, time_at, status_at = (table.columns[c] for c in _SAMPLES)
    parse = datetime.datetime.fromisoformat
    reader = table.reader
    latest: dict[str, Instant] = {}
    down_since: dict[str, tuple[Instant, int]] = {}
    last_line: dict[str, int] = {}
    outages: list[Outage] = []
    try:
        for cells in reader:
            try:
                service = cells[service_at]
                status = cells[status_at]
                moment = parse(cells[time_at])
                if service not in services or moment.tzinfo is None or (
                        status != "up" and status != "down"):
                    raise ValueError(service)
                down = status == "down"
                instant = int(moment.timestamp()) * US_PER_SECOND + moment.microsecond
            except (IndexError, ValueError):
                if not any(cell.strip() for cell in cells):
                    continue
                row = _Row(table, reader.line_num, cells)
                service = service_of(row, "service")
                instant = row.time("time", zone)
                down = _sample_status(row)
            line = reader.line_num
            if instant < latest.get(service, instant):
                return None
            latest[service] = instant
            last_line[service] = line
            since = down_since.get(service)
            if down and since is None:
                down_since[service] = (instant, line)
            elif not down and since is not None:
                outages.append(Outage(service, since[0], instant, Source(table.file, since[1])))
                del down_since[service]
    except csv.Error as exc:
        raise MeasurementError(table.file, str(exc), reader.line_num) from None
    for service in down_since:
        raise _still_down(table, service, last_line[service])
    return outages


def _sample_status(row: _Row) -> bool:
    status = row.required("status").casefold()
    if status not in ("up", "down"):
        raise row.fail("status", _('"{value}" is neither up nor down').format(
            value=row.text("status")[:40]))
    return status == "down"


def _still_down(table: _Table, service: str, line: int) -> MeasurementError:
    return MeasurementError(table.file, _(
        "{service} is still down at its last sample: the file does not say when it came back "
        "up; add the samples that follow").format(service=service),
        line, table.header[table.columns["status"]])


def _samples_sorted(table: _Table, project: Project, zone: ZoneInfo) -> list[Outage]:
    service_of = _service_lookup(project, by_name=False)
    samples: dict[str, list[tuple[Instant, bool, int]]] = {}
    in_order: dict[str, bool] = {}
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        service = service_of(row, "service")
        moment = row.time("time", zone)
        down = _sample_status(row)
        series = samples.setdefault(service, [])
        if series and moment < series[-1][0]:
            in_order[service] = False
        series.append((moment, down, line))
    outages = []
    for service, series in samples.items():
        if not in_order.get(service, True):
            series.sort()
        down_since: tuple[Instant, int] | None = None
        for moment, down, line in series:
            if down and down_since is None:
                down_since = (moment, line)
            elif not down and down_since is not None:
                outages.append(Outage(service, down_since[0], moment,
                                      Source(table.file, down_since[1])))
                down_since = None
        if down_since is not None:
            raise _still_down(table, service, series[-1][2])
    return outages


def read_uptimerobot(path: str | Path, project: Project,
                     zone: ZoneInfo | None = None, *, progress: Progress | None = None,
                     cancelled: CancelCheck | None = None) -> list[Outage]:
    """The downtime in UptimeRobot's log export (a monitor's or the account's
    logs, downloaded as CSV from the dashboard).

    UptimeRobot's published API documentation (uptimerobot.com/api,
    ``getMonitors`` with ``logs=1``) describes each log entry: its type (down,
    up, paused, started), the moment it began (``datetime``), how long the
    state lasted (``duration``, in seconds) and the reason. The dashboard's
    CSV export writes the same entries with the columns ``Monitor``,
    ``Monitor URL``, ``Event`` (``Down``, ``Up``, ``Paused``, ``Started``),
    ``Date-Time`` (in the account's time zone, without offset), ``Reason``,
    ``Duration`` and ``Duration (in mins.)``.

    Each ``Down`` entry is an outage of the service the monitor is named
    after (a service id or name of the agreement), from ``Date-Time`` for
    ``Duration (in mins.)`` minutes; ``Up``, ``Started`` and ``Paused``
    entries are no downtime. ``zone`` is the account's time zone (the
    agreement's unless given)."""
    zone = zone or agreement_zone(project)
    table = _open_table(path, _("The outages file"), progress, cancelled)
    table.require(*_UPTIMEROBOT)
    return _uptimerobot_rows(table, project, zone)


def _uptimerobot_rows(table: _Table, project: Project, zone: ZoneInfo) -> list[Outage]:
    table.require("monitor")
    service_of = _service_lookup(project, by_name=True)
    outages = []
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        event = row.required("event").casefold()
        if event not in ("down", "up", "paused", "started"):
            raise row.fail("event", _(
                '"{value}" is not an UptimeRobot event (Down, Up, Paused, Started)').format(
                    value=row.text("event")[:40]))
        if event != "down":
            continue
        service = service_of(row, "monitor")
        start = row.time("date-time", zone)
        minutes = row.number("duration (in mins.)")
        outages.append(Outage(service, start, start + int(minutes * US_PER_MINUTE),
                              row.source))
    return outages


# tickets -----------------------------------------------------------------------
_GENERIC_TICKETS = ("id", "severity", "created", "first_response", "resolved")
_ZENDESK = ("priority", "created at", "solved at", "first reply time in minutes")


def _severity_lookup(project: Project, names: Mapping[str, str] | None
                     ) -> Callable[[_Row, str], SeverityLevel]:
    """A severity level for a row's text: its id, or (case aside) its name,
    or what ``names`` maps the text to."""
    by_id = {level.id: level for level in project.severity_levels}
    by_text = {level.id.casefold(): level for level in project.severity_levels}
    by_text.update({level.name.strip().casefold(): level for level in project.severity_levels
                    if level.name.strip()})
    mapped = {key.casefold(): value for key, value in (names or {}).items()}
    known = ", ".join(f"{level.id} ({level.name})" if level.name else level.id
                      for level in project.severity_levels) or _("none")

    def lookup(row: _Row, column: str) -> SeverityLevel:
        value = row.required(column)
        target = mapped.get(value.casefold(), value)
        level = by_id.get(target) or by_text.get(target.casefold())
        if level is None:
            raise row.fail(column, _(
                '"{value}" is not a severity level of the agreement (its levels: {known})')
                .format(value=value[:60], known=known))
        return level

    return lookup


def read_tickets(path: str | Path, project: Project, zone: ZoneInfo | None = None,
                 severity_names: Mapping[str, str] | None = None, *,
                 progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> list[Ticket]:
    """The tickets in ``path``: the generic layout or Zendesk's CSV export,
    told apart by the header. ``severity_names`` maps a helpdesk's own
    priorities to severity ids (``{"Urgent": "P1"}``); without it a priority
    must be a level's id or name."""
    zone = zone or agreement_zone(project)
    table = _open_table(path, _("The tickets file"), progress, cancelled)
    if table.has(*_ZENDESK):
        return _zendesk_rows(table, project, zone, severity_names)
    table.require(*_GENERIC_TICKETS)
    severity_of = _severity_lookup(project, severity_names)
    tickets = []
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        ticket_id = row.required("id")
        level = severity_of(row, "severity")
        created = row.time("created", zone)
        first_response = row.optional_time("first_response", zone)
        resolved = row.optional_time("resolved", zone)
        for column, moment in (("first_response", first_response), ("resolved", resolved)):
            if moment is not None and moment < created:
                raise row.fail(column, _("this is before the ticket was created ({created})")
                               .format(created=row.text("created")))
        paused = row.number("paused_minutes") if row.text("paused_minutes") else Decimal(0)
        tickets.append(Ticket(ticket_id, level.id, created, first_response, resolved, paused,
                              row.source))
    return tickets


def read_zendesk(path: str | Path, project: Project, zone: ZoneInfo | None = None,
                 severity_names: Mapping[str, str] | None = None, *,
                 progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> list[Ticket]:
    """The tickets in Zendesk's ticket CSV export (Admin Center → Account →
    Tools → Reports → Export → CSV).

    Zendesk's help centre article "Exporting data to a JSON, CSV, or XML
    file" (support.zendesk.com/hc/en-us/articles/4408886165402) lists the
    export's columns; these are read:

    - ``ID`` (or ``Id``): the ticket number;
    - ``Priority``: Low, Normal, High or Urgent, matched to a severity level
      by its id or name, or through ``severity_names``;
    - ``Created at``: "the original creation time and date", and ``Solved at``:
      "the time and date of the final or most recent change to solved status",
      both "in the account's time zone" (``zone``; the agreement's unless
      given);
    - ``First reply time in minutes``: "the time between ticket creation time
      and the timestamp of the first public agent comment", so the first
      response is the creation time plus these minutes;
    - ``Agent wait time in minutes``: "the total time spent in the Pending
      status", when the ticket waited on the requester, the paused minutes of
      a level measured at all times; for a level measured during coverage or
      support hours, ``Agent wait time in minutes within business hours`` (so
      Zendesk's business hours must be the agreement's).
    """
    zone = zone or agreement_zone(project)
    table = _open_table(path, _("The tickets file"), progress, cancelled)
    table.require(*_ZENDESK)
    return _zendesk_rows(table, project, zone, severity_names)


def _zendesk_rows(table: _Table, project: Project, zone: ZoneInfo,
                  severity_names: Mapping[str, str] | None) -> list[Ticket]:
    id_column = "id"
    table.require(id_column)
    severity_of = _severity_lookup(project, severity_names)
    tickets = []
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        ticket_id = row.required(id_column)
        level = severity_of(row, "priority")
        created = row.time("created at", zone)
        first_response = None
        if row.text("first reply time in minutes"):
            first_response = created + int(
                row.number("first reply time in minutes") * US_PER_MINUTE)
        resolved = row.optional_time("solved at", zone)
        if resolved is not None and resolved < created:
            raise row.fail("solved at", _("this is before the ticket was created ({created})")
                           .format(created=row.text("created at")))
        wait_column = ("agent wait time in minutes"
                       if level.measured_during is MeasuredDuring.ALWAYS
                       else "agent wait time in minutes within business hours")
        paused = (row.number(wait_column) if wait_column in table.columns
                  and row.text(wait_column) else Decimal(0))
        tickets.append(Ticket(ticket_id, level.id, created, first_response, resolved, paused,
                              row.source))
    return tickets


# values ------------------------------------------------------------------------
def read_values(path: str | Path, project: Project, *, progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> dict[str, MetricValue]:
    """The month's value of each metric named in ``path`` (``metric,value``):
    a metric id of the agreement and a number; a metric given twice is refused."""
    table = _open_table(path, _("The values file"), progress, cancelled)
    table.require("metric", "value")
    ids = {metric.id for metric in project.metrics}
    known = ", ".join(metric.id for metric in project.metrics) or _("none")
    values: dict[str, MetricValue] = {}
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        metric = row.required("metric")
        if metric not in ids:
            raise row.fail("metric", _(
                '"{value}" is not a service level of the agreement (its levels: {known})')
                .format(value=metric[:60], known=known))
        if metric in values:
            raise row.fail("metric", _("{metric} is given twice (first on line {line})")
                           .format(metric=metric, line=values[metric].source.line))
        values[metric] = MetricValue(metric, row.number("value", signed=True), row.source)
    return values
