"""Reading measurement files: each layout read exactly, and every bad row
refused with the file, the line and the field named (what a user needs to
fix the export instead of guessing which of 10,000 rows is wrong)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from example_paths import ROOT

from wizard.core.measurements import (
    MAX_FILE_BYTES,
    MeasurementError,
    Measurements,
    instant_of,
    read_outages,
    read_tickets,
    read_uptimerobot,
    read_values,
    read_zendesk,
)
from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.safe_read import FileReadError

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"
LA = ZoneInfo("America/Los_Angeles")


def example() -> Project:
    return load_project(US_EXAMPLE)


def at(text: str) -> int:
    return instant_of(datetime.datetime.fromisoformat(text))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(reader, path: Path, *fragments: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(MeasurementError) as caught:
        reader(path, example())
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------- outages


def test_generic_outages_with_and_without_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, "out.csv", "Service;Start;End\n"
                 "desk;2027-03-02T10:00:00Z;2027-03-02T11:00:00Z\n"
                 "\n"
                 "*;2027-03-02 10:30;2027-03-02 10:45:30\n")
    first, second = read_outages(path, example())
    assert (first.service, first.start, first.end) == (
        "desk", at("2027-03-02T10:00:00+00:00"), at("2027-03-02T11:00:00+00:00"))
    # without an offset: Los Angeles time, UTC−8 in early March
    assert second.start == at("2027-03-02T18:30:00+00:00")
    assert second.end - second.start == 15 * 60_000_000 + 30_000_000
    assert (second.source.file, second.source.line) == ("out.csv", 4)


@pytest.mark.parametrize(("row", "fragments"), [
    ("desk,2027-03-02T11:00,2027-03-02T10:00",
     ("out.csv, line 2, end:", "ends before it starts")),
    ("mail,2027-03-02T10:00,2027-03-02T11:00",
     ("out.csv, line 2, service:", '"mail" is not a service', "backup, desk, endpoints")),
    ("desk,yesterday,2027-03-02T11:00", ("line 2, start:", '"yesterday" is not a date')),
    ("desk,2027-03-02,2027-03-02T11:00", ("line 2, start:", "is not a date and time")),
    ("desk,,2027-03-02T11:00", ("line 2, start:", "empty")),
    # 7 November 2027 01:30 happened twice in Los Angeles
    ("desk,2027-11-07T01:30,2027-11-07T03:00", ("line 2, start:", "happened twice")),
    # 14 March 2027 02:30 never happened there
    ("desk,2027-03-14T01:00,2027-03-14T02:30", ("line 2, end:", "never happened")),
])
def test_bad_outage_rows_are_refused_by_line_and_field(
        tmp_path: Path, row: str, fragments: tuple[str, ...]) -> None:
    path = write(tmp_path, "out.csv", f"service,start,end\n{row}\n")
    refused(read_outages, path, *fragments)


def test_an_ambiguous_time_with_its_offset_is_read(tmp_path: Path) -> None:
    """The same wall-clock time with its offset says which of the two it is."""
    path = write(tmp_path, "out.csv", "service,start,end\n"
                 "desk,2027-11-07T01:30-07:00,2027-11-07T01:30-08:00\n")
    (outage,) = read_outages(path, example())
    assert outage.end - outage.start == 60 * 60_000_000


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    refused(read_outages, write(tmp_path, "out.csv", "service,start\ndesk,2027-03-02T10:00\n"),
            "out.csv, line 1", 'column "end" is missing')


def test_a_file_that_is_not_utf8_or_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes("service,start,end\nB\xe4ckerei,1,2\n".encode("latin-1"))
    refused(read_outages, path, "out.csv:", "UTF-8")
    big = tmp_path / "big.csv"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(FileReadError, match="larger than"):
        read_outages(big, example())


def test_samples_make_outages_from_the_first_down_to_the_next_up(tmp_path: Path) -> None:
    path = write(tmp_path, "samples.csv", "service,time,status\n"
                 "desk,2027-03-02T10:00:00Z,up\n"
                 "desk,2027-03-02T10:02:00Z,down\n"
                 "desk,2027-03-02T10:01:00Z,down\n"   # out of order: sorted by time
                 "desk,2027-03-02T10:03:00Z,DOWN\n"
                 "desk,2027-03-02T10:04:00Z,up\n"
                 "backup,2027-03-02T10:00:00Z,up\n")
    (outage,) = read_outages(path, example())
    assert (outage.service, outage.start, outage.end) == (
        "desk", at("2027-03-02T10:01:00+00:00"), at("2027-03-02T10:04:00+00:00"))


def test_samples_in_order_read_in_one_pass_as_written(tmp_path: Path) -> None:
    """A file in time order (as monitors write them) with rows in other forms:
    a local time, upper case, a blank line; a bad row is still named."""
    path = write(tmp_path, "samples.csv", "service,time,status\n"
                 "desk,2027-03-02T10:00:00Z,up\n"
                 "desk,2027-03-02 02:01,DOWN\n"       # Los Angeles: 10:01 UTC
                 "\n"
                 "desk,2027-03-02T10:03:00Z,up\n")
    (outage,) = read_outages(path, example())
    assert (outage.start, outage.end) == (at("2027-03-02T10:01:00+00:00"),
                                          at("2027-03-02T10:03:00+00:00"))
    assert outage.source.line == 3
    refused(read_outages, write(tmp_path, "samples.csv", "service,time,status\n"
                                "desk,2027-03-02T10:00:00Z,up\n"
                                "mail,2027-03-02T10:01:00Z,up\n"),
            "samples.csv, line 3, service:", '"mail" is not a service')


def test_samples_still_down_at_the_end_and_bad_statuses_are_refused(tmp_path: Path) -> None:
    refused(read_outages, write(tmp_path, "samples.csv", "service,time,status\n"
                                "desk,2027-03-02T10:00:00Z,up\n"
                                "desk,2027-03-02T10:01:00Z,down\n"),
            "samples.csv, line 3, status:", "still down at its last sample")
    refused(read_outages, write(tmp_path, "samples.csv", "service,time,status\n"
                                "desk,2027-03-02T10:00:00Z,degraded\n"),
            "line 2, status:", '"degraded" is neither up nor down')


UPTIMEROBOT = (
    "Monitor,Monitor URL,Event,Date-Time,Reason,Duration,Duration (in mins.)\n"
    "Service Desk,https://desk.example,Down,2027-03-02 10:00:00,Connection Timeout,"
    "0 hrs 25 mins,25\n"
    "Service Desk,https://desk.example,Up,2027-03-02 10:25:00,OK,20 hrs,1200\n"
    "backup,https://backup.example,Started,2027-03-01 00:00:00,Started,,0\n"
)


def test_uptimerobot_log_export(tmp_path: Path) -> None:
    """Down entries become outages of the service the monitor is named after
    (its name or id), for the minutes the export gives, in the account's zone."""
    path = write(tmp_path, "uptimerobot.csv", UPTIMEROBOT)
    (outage,) = read_outages(path, example())
    assert outage.service == "desk"
    assert outage.start == at("2027-03-02T10:00:00-08:00")
    assert outage.end - outage.start == 25 * 60_000_000
    (in_utc,) = read_uptimerobot(path, example(), ZoneInfo("UTC"))
    assert in_utc.start == at("2027-03-02T10:00:00+00:00")


def test_uptimerobot_rows_that_cannot_be_read(tmp_path: Path) -> None:
    header = UPTIMEROBOT.splitlines()[0]
    refused(read_outages, write(tmp_path, "u.csv", header + "\n"
                                "Web shop,https://shop.example,Down,2027-03-02 10:00:00,x,,5\n"),
            "u.csv, line 2, Monitor:", '"Web shop" is neither a service')
    refused(read_outages, write(tmp_path, "u.csv", header + "\n"
                                "desk,https://desk.example,Down,2027-03-02 10:00:00,x,,soon\n"),
            "line 2, Duration (in mins.):", '"soon" is not a number')
    refused(read_outages, write(tmp_path, "u.csv", header + "\n"
                                "desk,https://desk.example,Flapping,2027-03-02 10:00:00,x,,5\n"),
            "line 2, Event:", "not an UptimeRobot event")


# --------------------------------------------------------------------------- tickets


def test_generic_tickets(tmp_path: Path) -> None:
    path = write(tmp_path, "tickets.csv",
                 "id,severity,created,first_response,resolved,paused_minutes\n"
                 "T-1,Critical,2027-03-02T10:00,2027-03-02T10:05,,\n"
                 "T-2,p2,2027-03-02T10:00,,,12.5\n")
    first, second = read_tickets(path, example())
    assert (first.severity, first.first_response, first.resolved) == (
        "P1", at("2027-03-02T10:05:00-08:00"), None)
    assert second.severity == "P2"
    assert second.paused_minutes == Decimal("12.5")


@pytest.mark.parametrize(("row", "fragments"), [
    ("T,P9,2027-03-02T10:00,,,", ("line 2, severity:", '"P9" is not a severity level',
                                  "P1 (Critical)")),
    ("T,P1,2027-03-02T10:00,2027-03-02T09:00,,", ("line 2, first_response:",
                                                  "before the ticket was created")),
    ("T,P1,2027-03-02T10:00,,2027-03-01T10:00,", ("line 2, resolved:", "before the ticket")),
    ("T,P1,2027-03-02T10:00,,,-5", ("line 2, paused_minutes:", '"-5" is not a number of zero')),
    (",P1,2027-03-02T10:00,,,", ("line 2, id:", "empty")),
])
def test_bad_ticket_rows_are_refused_by_line_and_field(
        tmp_path: Path, row: str, fragments: tuple[str, ...]) -> None:
    path = write(tmp_path, "tickets.csv",
                 f"id,severity,created,first_response,resolved,paused_minutes\n{row}\n")
    refused(read_tickets, path, "tickets.csv, ", *fragments)


def test_a_ticket_read_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "tickets.csv", "id,severity,created,first_response,resolved\n"
                 "T-1,P1,2027-03-02T10:00,,\n")
    data = Measurements()
    data.add_tickets(read_tickets(path, example()))
    with pytest.raises(MeasurementError, match=r"ticket T-1 was already read from tickets\.csv"):
        data.add_tickets(read_tickets(path, example()))


ZENDESK = (
    "Id,Requester,Subject,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,"
    "First reply time in minutes,Agent wait time in minutes,"
    "Agent wait time in minutes within business hours\n"
    "101,Ann,Till broken,Solved,Urgent,Email,Incident,2027-03-02 10:00:00,"
    "2027-03-02 12:00:00,2027-03-02 11:30:00,12,30,0\n"
    "102,Bo,Printer,Solved,High,Web,Problem,2027-03-03 09:00:00,2027-03-04 09:00:00,"
    "2027-03-04 09:00:00,45,600,120\n"
    "103,Cy,Question,Open,Normal,Web,Question,2027-03-04 09:00:00,2027-03-04 09:00:00,,,,\n"
)


def test_zendesk_export(tmp_path: Path) -> None:
    """Zendesk's priorities mapped to the agreement's levels; the first reply
    is the creation time plus its minutes; the pending (agent wait) time is
    the pause, in business hours for levels measured during hours."""
    path = write(tmp_path, "zendesk.csv", ZENDESK)
    urgent, high, normal = read_tickets(path, example(), severity_names={"Urgent": "P1"})
    assert (urgent.id, urgent.severity) == ("101", "P1")
    assert urgent.first_response == at("2027-03-02T10:12:00-08:00")
    assert urgent.resolved == at("2027-03-02T11:30:00-08:00")
    assert urgent.paused_minutes == Decimal(30)  # P1 is measured at all times
    assert (high.severity, high.paused_minutes) == ("P2", Decimal(120))  # business hours
    assert (normal.severity, normal.first_response, normal.resolved) == ("P3", None, None)
    assert len(read_zendesk(path, example(), severity_names={"urgent": "P1"})) == 3


def test_zendesk_priority_without_a_level_is_refused(tmp_path: Path) -> None:
    refused(read_tickets, write(tmp_path, "zendesk.csv", ZENDESK),
            "zendesk.csv, line 2, Priority:", '"Urgent" is not a severity level')


# --------------------------------------------------------------------------- values


def test_values(tmp_path: Path) -> None:
    values = read_values(write(tmp_path, "values.csv", "metric,value\npatch,4.5\n"), example())
    assert values["patch"].value == Decimal("4.5")


@pytest.mark.parametrize(("rows", "fragments"), [
    ("leads,10", ("line 2, metric:", '"leads" is not a service level', "uptime, first-response")),
    ("patch,four", ("line 2, value:", '"four" is not a number')),
    ("patch,1,5", ()),  # an extra cell is left alone (see below)
    ("patch,4\npatch,5", ("line 3, metric:", "given twice (first on line 2)")),
])
def test_bad_value_rows_are_refused(tmp_path: Path, rows: str,
                                    fragments: tuple[str, ...]) -> None:
    path = write(tmp_path, "values.csv", f"metric,value\n{rows}\n")
    if not fragments:
        assert read_values(path, example())["patch"].value == Decimal(1)
        return
    refused(read_values, path, "values.csv, ", *fragments)
