"""Chronic failure as real SLAs write it: "N of any M consecutive months", limited to
named service levels, with a window to use the right; read back from the contract."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.checks import Severity, check_project
from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract


def _text(project: Project, locale: str = "en_US") -> str:
    return " ".join(read_contract(render_contract(project, locale)).text.split())


def _project() -> Project:
    return load_project(US_EXAMPLE)


def test_a_year_window_is_twelve_consecutive_months_in_numerals() -> None:
    """Lawyers' review: "within any twelve months" left open whether the months
    run on; the window is written like any other, in numerals."""
    text = _text(_project())
    assert ("if the same Service Level is missed in 3 consecutive months, or in 5 months "
            "within any 12 consecutive months.") in text
    assert "twelve months" not in text
    assert "Service Level, among" not in text and "use this right" not in text


def test_n_of_any_m_consecutive_months() -> None:
    project = _project()
    chronic = project.termination.chronic_failure
    chronic.consecutive_months = None
    chronic.months_in_year = 4
    chronic.within_months = 6
    assert ("if the same Service Level is missed in 4 months within any 6 consecutive "
            "months.") in _text(project)


def test_limited_to_named_levels_with_a_notice_window() -> None:
    project = _project()
    chronic = project.termination.chronic_failure
    chronic.metrics = ["uptime", "first-response"]
    chronic.notice_days = 30
    text = _text(project)
    assert ("if the same Service Level, among “Service availability” or “First response to "
            "tickets”, is missed in 3 consecutive months") in text
    assert ("The Customer may use this right only by written notice given within 30 days "
            "after the end of the month in which the condition is met.") in text


def test_no_condition_leaves_no_trace_of_levels_or_notice() -> None:
    project = _project()
    chronic = project.termination.chronic_failure
    chronic.consecutive_months = None
    chronic.months_in_year = None
    chronic.metrics = ["uptime"]
    chronic.notice_days = 30
    text = _text(project)
    assert "Service availability”, is missed" not in text
    assert "use this right" not in text


@pytest.mark.parametrize(("missed", "window", "metrics", "message"), [
    (7, 6, [], "cannot happen within 6 months"),
    (2, 6, ["nope"], "There is no service level"),
])
def test_checks_name_an_impossible_condition(missed: int, window: int, metrics: list[str],
                                             message: str) -> None:
    project = _project()
    chronic = project.termination.chronic_failure
    chronic.months_in_year = missed
    chronic.within_months = window
    chronic.metrics = metrics
    errors = [p for p in check_project(project) if p.severity is Severity.ERROR
              and p.loc[:2] == ("termination", "chronic_failure")]
    assert errors and message in errors[0].message


def test_the_live_sentence_says_the_run_of_months() -> None:
    from wizard.core.summaries import chronic_failure_sentence

    project = _project()
    chronic = project.termination.chronic_failure
    assert chronic_failure_sentence(project.termination) == (
        "The customer may leave when a target is missed 3 months in a row or 5 months "
        "within twelve.")
    chronic.consecutive_months = None
    chronic.months_in_year = 3
    chronic.within_months = 6
    assert chronic_failure_sentence(project.termination) == (
        "The customer may leave when a target is missed 3 months within any 6.")
