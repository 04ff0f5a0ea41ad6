"""A measurement file recognised by its header (never guessed), read with
its progress told, stopped when cancelled, and combined with the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from example_paths import US_EXAMPLE

from wizard.core.measurement_files import (
    FileKind,
    combine,
    read_measurement_file,
    recognise,
)
from wizard.core.measurements import (
    PROGRESS_EVERY,
    MeasurementError,
    ReadCancelledError,
    read_outages,
)
from wizard.core.project_file import load_project


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("header", "kind", "layout"), [
    ("service,start,end", FileKind.OUTAGES, "outages"),
    ("Service;Time;Status", FileKind.OUTAGES, "monitor samples"),
    ("Monitor,Monitor URL,Event,Date-Time,Reason,Duration,Duration (in mins.)",
     FileKind.OUTAGES, "UptimeRobot log export"),
    ("id,severity,created,first_response,resolved,paused_minutes", FileKind.TICKETS, "tickets"),
    ("ID,Subject,Priority,Created at,Solved at,First reply time in minutes",
     FileKind.TICKETS, "Zendesk ticket export"),
    ("metric\tvalue", FileKind.VALUES, "values"),
])
def test_each_layout_is_told_by_its_header(tmp_path: Path, header: str, kind: FileKind,
                                           layout: str) -> None:
    found = recognise(write(tmp_path, "f.csv", header + "\n"))
    assert (found.kind, found.name) == (kind, layout)


def test_a_header_of_no_layout_or_of_two_kinds_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(MeasurementError) as caught:
        recognise(write(tmp_path, "export.csv", "when,what\n2027-03-01,x\n"))
    message = str(caught.value)
    assert message.startswith("export.csv, line 1: the header (when, what)")
    assert "service, start, end" in message and "metric, value" in message
    with pytest.raises(MeasurementError) as caught:
        recognise(write(tmp_path, "both.csv", "service,start,end,metric,value\n"))
    assert "more than one kind of file (Outages, Values)" in str(caught.value)


def test_progress_is_told_and_the_rows_counted(tmp_path: Path) -> None:
    rows = 3 * PROGRESS_EVERY + 5
    text = "service,time,status\n" + "".join(
        f"desk,2027-03-01T08:{minute % 60:02d}:{minute // 60 % 60:02d}-08:00,up\n"
        for minute in range(rows))
    told: list[tuple[int, int]] = []
    read = read_measurement_file(write(tmp_path, "samples.csv", text), load_project(US_EXAMPLE),
                                 progress=lambda done, total: told.append((done, total)))
    assert read.rows == rows
    assert told[-1] == (rows, rows)
    assert [done for done, _total in told[:3]] == [
        PROGRESS_EVERY, 2 * PROGRESS_EVERY, 3 * PROGRESS_EVERY]


def test_cancelled_stops_the_reading(tmp_path: Path) -> None:
    text = "service,start,end\n" + "desk,2027-03-01T09:00,2027-03-01T09:05\n" * (
        2 * PROGRESS_EVERY)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # the second time it is asked

    with pytest.raises(ReadCancelledError):
        read_measurement_file(write(tmp_path, "o.csv", text), load_project(US_EXAMPLE),
                              cancelled=cancelled)
    assert len(asked) == 2


def test_a_file_that_repeats_tickets_is_set_aside_and_the_rest_combined(tmp_path: Path) -> None:
    project = load_project(US_EXAMPLE)
    header = "id,severity,created,first_response,resolved\n"
    first = read_measurement_file(write(tmp_path, "a.csv", header + (
        "A,P1,2027-03-02T09:00,2027-03-02T09:10,\n")), project)
    again = read_measurement_file(write(tmp_path, "b.csv", header + (
        "B,P2,2027-03-03T09:00,,\nA,P1,2027-03-02T09:00,,\n")), project)
    outages = read_measurement_file(write(tmp_path, "o.csv", "service,start,end\n"
                                          "desk,2027-03-01T09:00,2027-03-01T09:05\n"), project)
    data, refused = combine([first, again, outages])
    assert [ticket.id for ticket in data.tickets or []] == ["A"]
    assert data.outages is not None and len(data.outages) == 1
    assert list(refused) == [1]
    assert str(refused[1]) == ("b.csv, line 3, id: ticket A was already read from a.csv, "
                               "line 2")


def test_watched_reading_reads_what_plain_reading_reads(tmp_path: Path) -> None:
    """Samples out of time order (read twice, the second time sorted), watched
    or not, give the same outages."""
    rows = [f"desk,2027-03-01T{hour:02d}:{minute:02d}:00-08:00,{status}\n"
            for hour in range(24) for minute in range(60)
            for status in (("down",) if (hour, minute) in ((9, 0), (15, 30)) else ("up",))]
    rows.reverse()
    text = "service,time,status\n" + "".join(rows) + "".join(
        f"backup,2027-03-02T00:{minute % 60:02d}:{second:02d}-08:00,up\n"
        for minute in range(60) for second in range(60))
    path = write(tmp_path, "samples.csv", text)
    project = load_project(US_EXAMPLE)
    plain = read_outages(path, project)
    told: list[int] = []
    watched = read_outages(path, project, progress=lambda done, _total: told.append(done),
                           cancelled=lambda: False)
    assert watched == plain
    assert [(o.service, o.end - o.start) for o in plain] == [
        ("desk", 60_000_000), ("desk", 60_000_000)]
    assert len(told) > 2
