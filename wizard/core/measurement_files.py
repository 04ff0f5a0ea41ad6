"""Measurement files of any kind, told apart by their header row: a file
dropped in a window is recognised as outages, tickets or values (in one of
the layouts :mod:`wizard.core.measurements` reads) before it is read, and a
header that fits no layout, or more than one kind, is refused with the file
and its columns named, never guessed.

:func:`read_measurement_file` reads one file of whatever kind it is;
:func:`combine` puts the files read into one :class:`Measurements`, setting
aside (with the reason) a file whose tickets or values another file already
gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from wizard.core.measurements import (
    CancelCheck,
    MeasurementError,
    Measurements,
    MetricValue,
    Outage,
    Progress,
    Ticket,
    file_header,
    read_outages,
    read_tickets,
    read_values,
)
from wizard.core.model import Project
from wizard.i18n import N_, _


class FileKind(StrEnum):
    OUTAGES = "outages"
    TICKETS = "tickets"
    VALUES = "values"


@dataclass(frozen=True)
class Layout:
    """A layout a measurement file can have: its kind, a name to show
    (English, to translate with ``_``) and the columns that tell it."""

    kind: FileKind
    name: str
    columns: tuple[str, ...]
    generic: bool = False
    """The program's own layout of its kind (not a product's export)."""


LAYOUTS: tuple[Layout, ...] = (
    # in the order the readers tell them apart: a header with UptimeRobot's
    # columns is UptimeRobot's, whatever else it has
    Layout(FileKind.OUTAGES, N_("UptimeRobot log export"),
           ("event", "date-time", "duration (in mins.)")),
    Layout(FileKind.OUTAGES, N_("monitor samples"), ("service", "time", "status")),
    Layout(FileKind.OUTAGES, N_("outages"), ("service", "start", "end"), generic=True),
    Layout(FileKind.TICKETS, N_("Zendesk ticket export"),
           ("priority", "created at", "solved at", "first reply time in minutes")),
    Layout(FileKind.TICKETS, N_("tickets"),
           ("id", "severity", "created", "first_response", "resolved"), generic=True),
    Layout(FileKind.VALUES, N_("values"), ("metric", "value"), generic=True),
)

KIND_NAMES = {
    FileKind.OUTAGES: N_("Outages"),
    FileKind.TICKETS: N_("Tickets"),
    FileKind.VALUES: N_("Values"),
}


def layout_of(header: Sequence[str]) -> Layout | None:
    """The layout whose columns ``header`` has (case aside), or ``None``;
    :class:`ValueError` when the header has the columns of two kinds."""
    names = {name.strip().casefold() for name in header}
    fits = [layout for layout in LAYOUTS if set(layout.columns) <= names]
    if not fits:
        return None
    kinds = {layout.kind for layout in fits}
    if len(kinds) > 1:
        raise ValueError(_(
            "the header has the columns of more than one kind of file ({kinds}); keep one "
            "kind in a file").format(kinds=", ".join(
                _(KIND_NAMES[kind]) for kind in FileKind if kind in kinds)))
    return fits[0]


def layouts_text() -> str:
    """The layouts read, for a message: ``outages (service, start, end); …``."""
    return "; ".join("{name} ({columns})".format(name=_(layout.name),
                                                 columns=", ".join(layout.columns))
                     for layout in LAYOUTS)


def recognise(path: str | Path) -> Layout:
    """The layout of the file ``path`` from its header row; a
    :class:`MeasurementError` naming the file when it fits none."""
    file = Path(path)
    header = file_header(file, _("The measurement file"))
    try:
        layout = layout_of(header)
    except ValueError as exc:
        raise MeasurementError(file.name, str(exc), 1) from None
    if layout is None:
        raise MeasurementError(file.name, _(
            "the header ({header}) is not one of an outages, tickets or values file; the "
            "columns read: {layouts}").format(header=", ".join(header), layouts=layouts_text()),
            1)
    return layout


@dataclass(frozen=True)
class MeasurementFile:
    """A file read: its layout, its data rows and the records they gave."""

    path: Path
    layout: Layout
    rows: int
    outages: tuple[Outage, ...] = ()
    tickets: tuple[Ticket, ...] = ()
    values: tuple[MetricValue, ...] = ()

    @property
    def kind(self) -> FileKind:
        return self.layout.kind

    @property
    def records(self) -> int:
        """The outages, tickets or values read."""
        return len(self.outages) + len(self.tickets) + len(self.values)


def read_measurement_file(path: str | Path, project: Project, *,
                          progress: Progress | None = None,
                          cancelled: CancelCheck | None = None) -> MeasurementFile:
    """The file ``path`` recognised and read for ``project``; a
    :class:`MeasurementError` for a row or header that cannot be read,
    :class:`~wizard.core.measurements.ReadCancelledError` when ``cancelled``
    stopped it."""
    file = Path(path)
    layout = recognise(file)
    counted = [0]

    def tell(done: int, total: int) -> None:
        counted[0] = total
        if progress is not None:
            progress(done, total)

    if layout.kind is FileKind.OUTAGES:
        outages = read_outages(file, project, progress=tell, cancelled=cancelled)
        return MeasurementFile(file, layout, counted[0], outages=tuple(outages))
    if layout.kind is FileKind.TICKETS:
        tickets = read_tickets(file, project, progress=tell, cancelled=cancelled)
        return MeasurementFile(file, layout, counted[0], tickets=tuple(tickets))
    values = read_values(file, project, progress=tell, cancelled=cancelled)
    return MeasurementFile(file, layout, counted[0], values=tuple(values.values()))


def combine(files: Sequence[MeasurementFile]
            ) -> tuple[Measurements, dict[int, MeasurementError]]:
    """The files' records as one month's measurements, and, by the file's
    index, each file set aside because it gives a ticket or value an earlier
    file gave (the message names both)."""
    data = Measurements()
    refused: dict[int, MeasurementError] = {}
    for index, read in enumerate(files):
        trial = Measurements(tickets=list(data.tickets) if data.tickets is not None else None,
                             values=dict(data.values))
        try:
            if read.kind is FileKind.TICKETS:
                trial.add_tickets(read.tickets)
            elif read.kind is FileKind.VALUES:
                trial.add_values({value.metric: value for value in read.values})
        except MeasurementError as exc:
            refused[index] = exc
            continue
        if read.kind is FileKind.OUTAGES:
            data.add_outages(read.outages)
        else:
            data.tickets, data.values = trial.tickets, trial.values
    return data, refused
