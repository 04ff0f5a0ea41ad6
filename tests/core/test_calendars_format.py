"""Named calendars in the project file: saved only when there are any, kept
on a round trip, refused when a level's calendar and ``measured_during``
disagree, and moved aside in a format-1 file that happens to hold the names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from wizard.core.migrations import format_1_to_2
from wizard.core.model import (
    CoverageBlock,
    MeasuredDuring,
    Metric,
    NamedCalendar,
    Project,
    SeverityLevel,
    Weekday,
)
from wizard.core.project_file import project_from_bytes, project_to_bytes

NAME = Path("x.slaproj")
WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]


def with_calendars() -> Project:
    project = Project()
    project.schedule.calendars = [
        NamedCalendar(id="phone", name="Phone support",
                      coverage=[CoverageBlock(days=WEEKDAYS, start="09:00", end="17:00")]),
        NamedCalendar(id="platform", name="Platform"),
    ]
    project.metrics = [Metric(id="up", measured_during=MeasuredDuring.CALENDAR,
                              calendar="platform")]
    project.severity_levels = [SeverityLevel(id="P1", measured_during=MeasuredDuring.CALENDAR,
                                             calendar="phone")]
    return project


def test_calendars_survive_saving_and_reopening() -> None:
    project = with_calendars()
    reloaded = project_from_bytes(project_to_bytes(project), NAME)
    assert reloaded == project
    assert reloaded.schedule.calendar_by_id("phone") is not None
    data = json.loads(project_to_bytes(project))
    assert data["schedule"]["calendars"][0]["coverage"][0]["start"] == "09:00"
    assert data["metrics"][0]["calendar"] == "platform"


def test_a_project_without_calendars_saves_without_the_keys() -> None:
    project = Project(metrics=[Metric(id="up")], severity_levels=[SeverityLevel(id="P1")])
    data = json.loads(project_to_bytes(project))
    assert "calendars" not in data["schedule"]
    assert "calendar" not in data["metrics"][0]
    assert "calendar" not in data["severity_levels"][0]


@pytest.mark.parametrize("kind", [Metric, SeverityLevel])
def test_a_calendar_id_needs_measured_during_calendar(kind: type) -> None:
    with pytest.raises(ValidationError):
        kind.model_validate({"measured_during": "always", "calendar": "phone"})
    with pytest.raises(ValidationError):
        kind.model_validate({"measured_during": "calendar"})


def test_format_1_keys_of_the_new_names_are_kept_aside() -> None:
    data = {"schedule": {"calendars": [1]}, "metrics": [{"calendar": "x"}],
            "severity_levels": [{"calendar": "y"}]}
    moved = format_1_to_2(data)
    assert moved["schedule"] == {"format_1_calendars": [1]}
    assert moved["metrics"] == [{"format_1_calendar": "x"}]
    assert moved["severity_levels"] == [{"format_1_calendar": "y"}]
