"""The months' results kept in the project: recorded from a measured month,
saved and reopened, a month recorded twice replaced, the eleven earlier
months a yearly cap counts, and never a change of the agreement."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from example_paths import ROOT

from wizard.core.attainment import Month, measure_month
from wizard.core.changes import compare_projects
from wizard.core.credit_schedules import credit_due
from wizard.core.history import (
    earlier_credits,
    level_months,
    previous_months,
    record_of,
    with_record,
)
from wizard.core.measurements import Measurements, read_outages
from wizard.core.model import CreditRecord, LevelRecord, MonthRecord, Project
from wizard.core.project_file import load_project, save_project

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"


def test_a_month_is_recorded_and_survives_save_and_reopen(tmp_path: Path) -> None:
    project = load_project(US_EXAMPLE)
    outages = tmp_path / "outages.csv"
    outages.write_text("service,start,end\n*,2027-05-04T09:00,2027-05-04T10:00\n",
                       encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(outages, project))
    result = measure_month(project, Month(2027, 5), data)
    record = record_of(result)
    # (12,000 − 60) / 12,000 × 100 = 99.5: met; below 99.5 is the first tier, so no credit
    assert record.month == "2027-05"
    assert record.levels == [LevelRecord(id="uptime", target=Decimal("99.5"),
                                         attained=Decimal("99.5"), met=True)]
    assert record.credit == CreditRecord(amount=Decimal("0.00"), currency="USD")
    path = tmp_path / "kept.slaproj"
    save_project(with_record(project, record), path)
    reopened = load_project(path)
    assert reopened.history == [record]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["history"] == [{"month": "2027-05", "levels": [
        {"id": "uptime", "target": "99.5", "attained": "99.5", "met": True}],
        "credit": {"amount": "0.00", "currency": "USD"}}]


def test_a_project_without_history_saves_without_the_key(tmp_path: Path) -> None:
    project = load_project(US_EXAMPLE)
    path = tmp_path / "plain.slaproj"
    save_project(project, path)
    assert "history" not in json.loads(path.read_text(encoding="utf-8"))


def test_recorded_value_never_looks_better_than_measured() -> None:
    """A third of a minute short of 99.5 % is kept as 99.49999999, not 99.5."""
    from wizard.core.attainment import LevelResult, Origin
    from wizard.core.history import recorded_value
    from wizard.core.model import Direction, Metric

    reach = Metric(id="a", target=Decimal("99.5"))
    value = (Decimal(12_000) - Decimal("60.0001")) * 100 / 12_000
    assert recorded_value(LevelResult(reach, value, False, Origin.OUTAGES)) == \
        Decimal("99.49999916")
    stay_under = Metric(id="b", target=Decimal(60), unit="minutes",
                        direction=Direction.AT_MOST)
    assert recorded_value(LevelResult(stay_under, Decimal(1) / 3 + 60, False,
                                      Origin.TICKETS)) == Decimal("60.33333334")


def record(month: str, attained: str = "99.9", credit: str | None = None,
           currency: str = "USD") -> MonthRecord:
    return MonthRecord(
        month=month, levels=[LevelRecord(id="uptime", target=Decimal("99.5"),
                                         attained=Decimal(attained), met=True)],
        credit=None if credit is None else CreditRecord(amount=Decimal(credit),
                                                       currency=currency))


def test_recording_a_month_again_replaces_it_and_keeps_months_in_order() -> None:
    project = Project()
    project = with_record(project, record("2027-05", "99.1"))
    project = with_record(project, record("2027-03", "99.7"))
    project = with_record(project, record("2027-05", "99.8"))
    assert [kept.month for kept in project.history] == ["2027-03", "2027-05"]
    assert [level.attained for _month, level in level_months(project.history, "uptime")] == [
        Decimal("99.7"), Decimal("99.8")]


def test_previous_months_cross_the_year() -> None:
    assert [str(m) for m in previous_months(Month(2027, 2), 3)] == [
        "2026-11", "2026-12", "2027-01"]


def test_yearly_cap_counts_the_eleven_earlier_months() -> None:
    """Credits of $100 in each of the thirteen months from March 2026 to
    March 2027: for April 2027 the cap counts May 2026 to March 2027 (eleven
    months, $1,100), not March or April 2026. A month in another currency
    counts nothing."""
    months = [f"2026-{n:02d}" for n in range(3, 13)] + ["2027-01", "2027-02", "2027-03"]
    history = [record(month, credit="100.00") for month in months]
    history[-2] = record("2027-02", credit="100.00", currency="EUR")
    credits = earlier_credits(history, Month(2027, 4), "USD")
    assert len(credits) == 11
    assert sum(credits) == Decimal("1000.00")  # ten in dollars, February's in euros left out
    # a yearly cap of $1,200: $200 left for April, so a $250 credit is cut to $200
    project = Project.model_validate({"service_credits": {
        "enabled": True, "yearly_cap_amount": "1200"}})
    assert credit_due(project.service_credits, Decimal("250.00"), credits, None) == \
        Decimal("200.00")


def test_history_is_not_a_change_of_the_agreement() -> None:
    project = load_project(US_EXAMPLE)
    kept = with_record(project, record("2027-05", credit="215.00"))
    assert compare_projects(project, kept) == []
