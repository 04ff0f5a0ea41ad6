"""Business hours and business days as units: the contract writes them and defines
them, the wizard names them, and a month's tickets are timed on the support
calendar, worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.attainment import Month, measure_month
from wizard.core.business_units import business_day_minutes
from wizard.core.explain import value_text
from wizard.core.measurements import Measurements, read_tickets
from wizard.core.model import Direction, MeasuredDuring, Metric, MetricKind, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract


def with_fix_time(target: str = "1", unit: str = "business_days") -> Project:
    project = load_project(US_EXAMPLE)
    project.metrics.append(Metric(id="fix", name="Time to fix", kind=MetricKind.RESOLUTION_TIME,
                                  service="desk", target=Decimal(target), unit=unit,
                                  direction=Direction.AT_MOST))
    return project


def test_the_contract_writes_and_defines_business_units() -> None:
    project = with_fix_time("2")
    english = read_contract(render_contract(project, "en_US"))
    assert any("at most 2 business days" in " ".join(row) for table in english.tables
               for row in table)
    assert "Business Day" in english.text and "Business Hour" in english.text
    project.metrics[-1].target = Decimal("1")
    project.metrics[-1].unit = "business_hours"
    text = read_contract(render_contract(project, "de_DE")).text
    assert "1 Arbeitsstunde" in text and "business hour" not in text  # singular, in German
    plain = read_contract(render_contract(load_project(US_EXAMPLE), "en_US")).text
    assert "Business Day" not in plain


def test_the_wizard_names_business_units() -> None:
    assert value_text(Decimal("2.5"), "business_days", "en") == "2.5 business days"
    assert value_text(Decimal("1"), "business_hours", "en") == "1 business hour"


def test_a_business_day_is_an_average_staffed_day() -> None:
    # support Mon–Fri 07:00–19:00 (720 min) and Sat 09:00–13:00 (240 min):
    # 3,840 minutes over 6 days = 640
    assert business_day_minutes(load_project(US_EXAMPLE)) == Decimal(640)


TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    # created Friday 5 March 18:00, resolved Tuesday 9 March 09:00: on the support
    # calendar Fri 18:00–19:00 60 + Sat 09:00–13:00 240 + Mon 07:00–19:00 720
    # + Tue 07:00–09:00 120 = 1,140 min, less 700 waiting = 440 min
    "A,P2,2027-03-05T18:00,2027-03-05T18:30,2027-03-09T09:00,700\n"
    # Monday 1 March 10:00 to 15:00: 300 min
    "B,P2,2027-03-01T10:00,2027-03-01T11:30,2027-03-01T15:00,\n"
)


def test_tickets_are_timed_in_business_days(tmp_path: Path) -> None:
    project = with_fix_time("0.5")
    for severity in project.severity_levels:  # the severities' own clocks agree
        severity.measured_during = MeasuredDuring.SUPPORT_HOURS
    path = tmp_path / "tickets.csv"
    path.write_text(TICKETS, encoding="utf-8")
    data = Measurements()
    data.add_tickets(read_tickets(path, project))
    result = measure_month(project, Month.parse("2027-03"), data)
    fix = next(level for level in result.levels if level.metric.id == "fix")
    # the longest, 440 min, in business days of 640 min: 0.6875 > 0.5
    assert fix.attained == Decimal("0.6875")
    assert fix.met is False
    assert [t.ticket.id for t in fix.tickets] == ["A"]  # B's 300 min is within 320
