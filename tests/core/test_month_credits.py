"""Every credit schedule worked out on a measured month: the tiers on the attained
value, lost time on the minutes of downtime, a credit per missed response, the
monthly cap over all of them and the yearly cap, figures worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from example_paths import US_EXAMPLE

from wizard.core.attainment import Month, measure_month
from wizard.core.measurements import Measurements, read_outages, read_tickets
from wizard.core.model import CreditKind, CreditSchedule, MeasuredDuring, Project
from wizard.core.month_credits import month_credit_due, month_credits, month_measures
from wizard.core.project_file import load_project

OUTAGES = (
    "service,start,end\n"
    # May 2027 in Portland, coverage Mon–Fri 08:00–18:00: 90 + 30 + 60 = 180 min counted
    "*,2027-05-04T09:00:00-07:00,2027-05-04T10:00:00-07:00\n"
    "desk,2027-05-04 09:30,2027-05-04 10:30\n"
    "backup,2027-05-05T17:30,2027-05-05T19:00\n"
    "endpoints,2027-05-28T17:00,2027-06-01T10:00\n"
)
TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    # P2 on support hours: answered after 90 min (over its 60), then after 30
    "B,P2,2027-05-03T10:00,2027-05-03T11:30,2027-05-03T15:00,\n"
    "A,P2,2027-05-04T10:00,2027-05-04T10:30,2027-05-04T12:00,\n"
)


def measured(project: Project, folder: Path):  # type: ignore[no-untyped-def]
    for severity in project.severity_levels:
        if severity.measured_during is MeasuredDuring.COVERAGE:
            severity.measured_during = MeasuredDuring.SUPPORT_HOURS
    data = Measurements()
    (folder / "outages.csv").write_text(OUTAGES, encoding="utf-8")
    (folder / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    data.add_outages(read_outages(folder / "outages.csv", project))
    data.add_tickets(read_tickets(folder / "tickets.csv", project))
    return measure_month(project, Month.parse("2027-05"), data)


def test_every_schedule_on_a_measured_month(tmp_path: Path) -> None:
    project = load_project(US_EXAMPLE)  # fees $1,250 + $600 + $300 = $2,150.00
    project.service_credits.more_schedules = [
        CreditSchedule(kind=CreditKind.LOST_TIME, metric="uptime", hourly_rate=Decimal("100")),
        CreditSchedule(kind=CreditKind.PER_MISS, severity="P2", percent=Decimal("1.5")),
    ]
    result = measured(project, tmp_path)
    measures = month_measures(result)
    assert measures.attained["uptime"] == Decimal("98.5")
    assert measures.downtime_minutes["uptime"] == Decimal(180)
    assert measures.missed_responses["P2"] == 1
    credits = month_credits(result)
    # tiers: 98.5 is below 99.0: 10 % of $2,150.00 = $215.00
    # lost time: 3 hours × $100.00 = $300.00
    # one missed P2 response × 1.5 % of $2,150.00 = $32.25
    assert [part.amount for part in credits.parts] == [
        Decimal("215.00"), Decimal("300.00"), Decimal("32.25")]
    # together $547.25, capped at the agreement's 25 % of $2,150.00 = $537.50
    assert credits.total == Decimal("537.50")
    assert credits.not_worked_out == ()

    project.service_credits.yearly_cap_percent = Decimal("2")
    # a yearly cap of 2 % of 12 × $2,150.00 = $516.00; $400.00 given in the eleven months
    # before leaves $116.00
    due = month_credit_due(result, [Decimal("150"), Decimal("250")], Decimal("25800"))
    assert due == Decimal("116.00")
