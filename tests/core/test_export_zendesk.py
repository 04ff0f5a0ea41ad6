"""Zendesk export: the JSON file checked against a JSON Schema written from
Zendesk's SLA Policies and Schedules API reference
(tests/data/zendesk-sla-export.schema.json), and its targets, intervals,
time zone and holidays worked out by hand from the example projects."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holiday_library
import pytest
from example_paths import ROOT, US_EXAMPLE
from jsonschema import Draft202012Validator

from wizard.core.export_common import ExportError
from wizard.core.export_zendesk import export_zendesk
from wizard.core.model import MeasuredDuring, Project, SeverityLevel
from wizard.core.project_file import load_project
from wizard.core.zendesk_time_zones import rails_name

SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "zendesk-sla-export.schema.json")
                    .read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
FIRST = datetime.date(2027, 1, 1)


def exported(project: Project) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_zendesk(project, FIRST).content)
    return data


@pytest.mark.parametrize("name", ["msp-it-support", "cloud-hosting-fr"])
def test_the_file_meets_the_schema(name: str) -> None:
    data = exported(load_project(ROOT / "resources" / "examples" / f"{name}.slaproj"))
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    for interval in data["schedule"]["intervals"]:  # none spans midnight
        assert interval["start_time"] // 1440 == (interval["end_time"] - 1) // 1440


def test_the_schema_refuses_what_zendesk_refuses() -> None:
    """The validation is live: a priority Zendesk lacks, a target written as
    text, an IANA zone name and a read-only id all fail."""
    data = exported(load_project(US_EXAMPLE))
    for change in (
        lambda d: d["sla_policy"]["policy_metrics"][0].update(priority="critical"),
        lambda d: d["sla_policy"]["policy_metrics"][0].update(target="30"),
        lambda d: d["schedule"].update(time_zone="America/Los_Angeles"),
        lambda d: d["sla_policy"].update(id=1),
    ):
        broken = json.loads(json.dumps(data))
        change(broken)
        assert not VALIDATOR.is_valid(broken)


def test_msp_policy_by_hand() -> None:
    """msp-it-support's four levels become the four priorities in order; P1
    runs at all times (business_hours false), P2–P4 during coverage; P4 has
    no resolution target, so no requester wait time."""
    data = exported(load_project(US_EXAMPLE))
    metrics = {(m["priority"], m["metric"]): (m["target"], m["business_hours"])
               for m in data["sla_policy"]["policy_metrics"]}
    assert metrics == {
        ("urgent", "first_reply_time"): (30, False),
        ("urgent", "requester_wait_time"): (240, False),
        ("high", "first_reply_time"): (60, True),
        ("high", "requester_wait_time"): (480, True),
        ("normal", "first_reply_time"): (240, True),
        ("normal", "requester_wait_time"): (2400, True),
        ("low", "first_reply_time"): (480, True),
    }
    assert data["sla_policy"]["filter"] == {"all": [], "any": []}
    assert any("P1 Critical → urgent" in note and "P4 Request → low" in note
               for note in data["notes"])


def test_msp_schedule_by_hand() -> None:
    """Coverage Mon–Fri 08:00–18:00 in minutes since Sunday 00:00: Monday
    1440 + 480 = 1920 to 1440 + 1080 = 2520, … Friday 5 × 1440 + 480 = 7680
    to 8280; in Zendesk's name for Los Angeles time."""
    schedule = exported(load_project(US_EXAMPLE))["schedule"]
    assert schedule["time_zone"] == "Pacific Time (US & Canada)"
    assert schedule["intervals"] == [
        {"start_time": day * 1440 + 480, "end_time": day * 1440 + 1080} for day in range(1, 6)]


def test_msp_holidays_for_twelve_months() -> None:
    """Every Oregon public holiday of 2027 the holidays library lists, once."""
    listed = exported(load_project(US_EXAMPLE))["holidays"]
    expected = holiday_library.country_holidays("US", subdiv="OR", years=2027)
    assert sorted(h["start_date"] for h in listed) == sorted(d.isoformat() for d in expected)
    assert all(h["start_date"] == h["end_date"] for h in listed)
    memorial = next(h for h in listed if h["start_date"] == "2027-05-31")
    assert memorial["name"] == "Memorial Day"


def test_support_hours_and_a_weekend_shift() -> None:
    """Levels timed on support hours take those hours: Saturday 09:00–13:00
    is 6 × 1440 + 540 = 9180 to 9420; a block to 24:00 on Sunday ends at 1440."""
    project = load_project(US_EXAMPLE)
    for level in project.severity_levels:
        level.measured_during = MeasuredDuring.SUPPORT_HOURS
    intervals = exported(project)["schedule"]["intervals"]
    assert {"start_time": 9180, "end_time": 9420} in intervals
    assert {"start_time": 1440 + 420, "end_time": 1440 + 1140} in intervals  # Mon 07–19
    project.schedule.support_coverage = []  # around the clock
    intervals = exported(project)["schedule"]["intervals"]
    assert intervals[0] == {"start_time": 0, "end_time": 1440}
    assert len(intervals) == 7


def test_levels_on_different_hours_are_named() -> None:
    project = load_project(US_EXAMPLE)
    project.severity_levels[3].measured_during = MeasuredDuring.SUPPORT_HOURS
    notes = exported(project)["notes"]
    assert any("one schedule" in note and "P4 Request" in note for note in notes)


def test_a_fifth_level_has_no_priority_left() -> None:
    project = load_project(US_EXAMPLE)
    project.severity_levels.append(SeverityLevel(id="P5", name="Question", response_minutes=960))
    data = exported(project)
    assert all(m["target"] != 960 for m in data["sla_policy"]["policy_metrics"])
    assert any("P5 Question" in note and "four priorities" in note for note in data["notes"])


def test_time_zones_zendesk_names() -> None:
    """Rails's own names, a zone Rails lacks matched by its clock (and said),
    and a zone without a twin refused."""
    assert rails_name(ZoneInfo("Europe/Berlin"), FIRST) == ("Berlin", True)
    assert rails_name(ZoneInfo("UTC"), FIRST) == ("UTC", True)
    assert rails_name(ZoneInfo("Europe/Kyiv"), FIRST) == ("Kyiv", True)
    name, own = rails_name(ZoneInfo("America/Vancouver"), FIRST) or ("", True)
    assert (name, own) == ("Pacific Time (US & Canada)", False)
    assert rails_name(ZoneInfo("Australia/Lord_Howe"), FIRST) is None
    project = load_project(US_EXAMPLE)
    project.schedule.timezone = "America/Vancouver"
    assert any('no "America/Vancouver"' in note for note in exported(project)["notes"])
    project.schedule.timezone = "Australia/Lord_Howe"
    with pytest.raises(ExportError, match="Lord_Howe"):
        export_zendesk(project, FIRST)


def test_a_project_without_severity_levels_is_refused() -> None:
    project = load_project(ROOT / "resources" / "examples" / "internal-leads-de.slaproj")
    with pytest.raises(ExportError, match="severity levels"):
        export_zendesk(project, FIRST)
