"""Lawyers' review of the generated contract, read back from the .docx: no
sentence contradicts another, and no defined term is defined or used where
the agreement has nothing for it to mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.model import MeasuredDuring, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

SAFEPOINT = ROOT / "resources" / "examples" / "real" / "safepoint-it-msp.slaproj"
INTERNAL = ROOT / "resources" / "examples" / "internal-leads-de.slaproj"


def text_of(project: Project, locale: str = "en_US") -> str:
    return read_contract(render_contract(project, locale)).text


def terms_of(project: Project, locale: str = "en_US") -> list[str]:
    definitions = read_contract(render_contract(project, locale)).tables[1]
    assert definitions[0] == ["Term", "Meaning"]
    return [row[0] for row in definitions[1:]]


def load(path: Path) -> Project:
    return load_project(path)


def test_around_the_clock_names_the_holidays_once() -> None:
    """SafePoint: coverage around the clock with US holidays left out. The
    model leaves the holidays out of the Coverage Hours too, so the clock
    sentence says so, and the holiday sentence speaks only of Support Hours."""
    text = text_of(load(SAFEPOINT))
    assert ("The services are to be available around the clock, every day except public "
            "holidays (United States).") in text
    assert "Public holidays are not part of the Support Hours." in text
    assert "not part of the Coverage Hours" not in text
    assert "around the clock, every day." not in text


def test_around_the_clock_on_holidays_too() -> None:
    from wizard.core.model import Holidays

    project = load(SAFEPOINT)
    project.schedule.public_holidays = Holidays.INCLUDED
    text = text_of(project)
    assert "The services are to be available around the clock, every day." in text
    assert "Coverage Hours and Support Hours apply on public holidays" in text


def test_no_service_levels_no_service_level_terms() -> None:
    """SafePoint sets no measured service levels: no Service Level, no
    Downtime, no "(when the Service Levels apply)", no missed service level."""
    project = load(SAFEPOINT)
    assert not project.metrics
    text = text_of(project)
    terms = terms_of(project)
    assert "Service Level" not in terms
    assert "Downtime" not in terms
    assert "Coverage Hours" in terms
    assert "when the Service Levels apply" not in text
    assert "Coverage Hours and Support Hours (when the Provider\u2019s staff answer) are:" in text
    # SafePoint's SLA has no credits section, and the project leaves it out
    assert "No service credits apply" not in text
    assert "missed service level" not in text.lower()
    project.service_credits.no_credits_clause = True
    text = text_of(project)
    assert "No service credits apply under this agreement." in text
    assert "missed service level" not in text.lower()


def test_no_availability_level_no_downtime() -> None:
    """The internal example has levels but none of availability: Downtime is
    neither defined nor excluded from."""
    project = load(INTERNAL)
    assert project.metrics and not project.measurement_terms.included
    text = text_of(project, "en_GB")
    assert "Downtime" not in terms_of(project, "en_GB")
    assert "Service Level" in terms_of(project, "en_GB")
    assert "Downtime" not in text
    assert "The Service Levels do not apply to:" in text


def test_an_availability_level_keeps_downtime() -> None:
    project = load(US_EXAMPLE)
    assert "Downtime" in terms_of(project)
    assert ("The Service Levels do not apply to, and no Downtime is counted for:"
            in text_of(project))


@pytest.mark.parametrize("always", [False, True])
def test_coverage_hours_say_when_levels_apply_only_if_true(always: bool) -> None:
    """"Coverage Hours (when the Service Levels apply)" is false as soon as one
    level is measured at all times: the parenthesis is then left out."""
    project = load(US_EXAMPLE)
    for metric in project.metrics:
        metric.measured_during = MeasuredDuring.COVERAGE
    if always:
        project.metrics[0].measured_during = MeasuredDuring.ALWAYS
    text = text_of(project)
    assert ("(when the Service Levels apply)" in text) is not always
    if always:
        assert "Coverage Hours and Support Hours (when the Provider\u2019s staff answer) are:" \
            in text
