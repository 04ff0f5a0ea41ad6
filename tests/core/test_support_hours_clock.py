"""A response clock can run on support hours, and the checks say when a severity
level promises a response nobody staffs."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.checks import Severity, check_project
from wizard.core.model import CoverageBlock, MeasuredDuring, Project, Weekday
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI]


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def clock_problems(project: Project, index: int) -> list[tuple[Severity, str]]:
    return [(p.severity, p.message) for p in check_project(project)
            if p.loc == ("severity_levels", index, "measured_during")]


def test_the_contract_says_during_support_hours(us: Project) -> None:
    us.severity_levels[1].measured_during = MeasuredDuring.SUPPORT_HOURS
    rows = next(t for t in read_contract(render_contract(us, "en_US")).tables
                if t[0][0] == "Level")
    assert rows[2][0].startswith("P2") and rows[2][-1] == "during Support Hours"
    assert clock_problems(us, 1) == []


def test_support_hours_clock_without_support_hours_is_an_error(us: Project) -> None:
    us.severity_levels[1].measured_during = MeasuredDuring.SUPPORT_HOURS
    us.schedule.support_coverage = None
    (problem,) = clock_problems(us, 1)
    assert problem[0] is Severity.ERROR and "promises no support hours" in problem[1]


def test_coverage_beyond_support_hours_is_a_promise_nobody_staffs(us: Project) -> None:
    # coverage Mon–Fri 08:00–18:00; support only 09:00–17:00: two hours a day unstaffed
    us.schedule.support_coverage = [CoverageBlock(days=WEEKDAYS, start="09:00", end="17:00")]
    assert us.severity_levels[1].measured_during is MeasuredDuring.COVERAGE
    (problem,) = clock_problems(us, 1)
    assert problem[0] is Severity.WARNING and "nobody answers" in problem[1]
    # support hours that include the coverage hours (the example's own 07:00–19:00): fine
    us.schedule.support_coverage = [CoverageBlock(days=WEEKDAYS, start="07:00", end="19:00")]
    assert clock_problems(us, 1) == []


def test_a_service_level_cannot_be_measured_on_support_hours() -> None:
    from pydantic import ValidationError

    from wizard.core.model import Metric

    with pytest.raises(ValidationError):
        Metric.model_validate({"measured_during": "support_hours"})
