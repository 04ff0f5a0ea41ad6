"""A level worked out for each resource separately (Google's "per instance"):
the contract says so, each resource meets or misses the target on its own,
and the month's figure is its worst resource's, named in the report. Figures
are worked out by hand in each test."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT

from wizard.core.attainment import Month, measure_month
from wizard.core.measurements import MeasurementError, Measurements, read_outages
from wizard.core.model import Project
from wizard.core.project_file import load_project, save_project
from wizard.core.render import render_contract
from wizard.core.report import report_bytes

GOOGLE = ROOT / "resources" / "examples" / "real" / "google-compute-engine.slaproj"
MINUTE = 60_000_000


@pytest.fixture
def google() -> Project:
    return load_project(GOOGLE)


def outages(folder: Path, project: Project, text: str) -> Measurements:
    path = folder / "outages.csv"
    path.write_text(text, encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(path, project))
    return data


def single(result):  # type: ignore[no-untyped-def]
    return next(lv for lv in result.levels if lv.metric.id == "si-uptime")


def test_the_contract_says_the_level_is_worked_out_per_resource(google: Project) -> None:
    text = read_contract(render_contract(google, "en_US")).text
    assert ("Monthly Uptime Percentage, A Single Instance is worked out for each instance "
            "separately: each instance meets or misses the target on its own, and the Service "
            "Level is missed in a month in which any instance misses it.") in text
    google.metrics[1].method.per_resource = ""
    assert "worked out for each instance" not in read_contract(
        render_contract(google, "en_US")).text


def test_the_worst_resource_decides_and_a_service_outage_counts_for_each(
        google: Project, tmp_path: Path) -> None:
    """March 2027 (31 days × 1,440 = 44,640 min, around the clock in UTC):
    vm-a down 30 min, vm-b down 50 min, the whole service down 10 min. Per
    instance: vm-a 40 min, vm-b 60 min → 60 min, (44,640 − 60) ÷ 44,640."""
    data = outages(tmp_path, google, (
        "service,start,end,resource\n"
        "single-instance,2027-03-02T10:00Z,2027-03-02T10:30Z,vm-a\n"
        "single-instance,2027-03-09T08:00Z,2027-03-09T08:50Z,vm-b\n"
        "single-instance,2027-03-20T00:00Z,2027-03-20T00:10Z,\n"
    ))
    level = single(measure_month(google, Month.parse("2027-03"), data))
    assert level.availability.eligible.eligible == 44_640 * MINUTE
    assert level.availability.resource == "vm-b"
    assert level.availability.down == 60 * MINUTE
    assert level.attained == Decimal(44_580) * 100 / Decimal(44_640)  # 99.8655…
    assert level.met is False  # 99.9 % allows 44.64 min

    # worked out for the service as a whole, the two instances' outages add up
    google.metrics[1].method.per_resource = ""
    whole = single(measure_month(google, Month.parse("2027-03"), data))
    assert whole.availability.resource == ""
    assert whole.availability.down == 90 * MINUTE


def test_without_a_resource_column_the_service_is_one_resource(
        google: Project, tmp_path: Path) -> None:
    data = outages(tmp_path, google, (
        "service,start,end\n"
        "single-instance,2027-03-02T10:00Z,2027-03-02T10:30Z\n"
    ))
    level = single(measure_month(google, Month.parse("2027-03"), data))
    assert level.availability.resource == ""
    assert level.availability.down == 30 * MINUTE
    assert level.met is True  # 30 min of the 44.64 allowed


def test_the_report_names_the_worst_resource(google: Project, tmp_path: Path) -> None:
    data = outages(tmp_path, google, (
        "service,start,end,resource\n"
        "single-instance,2027-03-02T10:00Z,2027-03-02T11:30Z,vm-a\n"
    ))
    result = measure_month(google, Month.parse("2027-03"), data)
    text = read_contract(report_bytes(result)).text
    assert ("Worked out for each instance on its own; the figures are those of the one with "
            "the most downtime, vm-a.") in text
    assert "A Single Instance (vm-a)" in text


def test_kept_in_the_project_file_only_when_set(google: Project, tmp_path: Path) -> None:
    google.metrics[0].method.per_resource = ""
    google.metrics[0].method.interval_minutes = 1
    path = tmp_path / "g.slaproj"
    save_project(google, path)
    metrics = json.loads(path.read_text(encoding="utf-8"))["metrics"]
    assert metrics[1]["method"]["per_resource"] == "instance"
    assert metrics[0]["method"]["interval_minutes"] == 1
    assert "per_resource" not in metrics[0]["method"]
    assert load_project(path) == google


def test_a_resource_with_markup_is_kept_as_text(google: Project, tmp_path: Path) -> None:
    data = outages(tmp_path, google, (
        "service,start,end,resource\n"
        "single-instance,2027-03-02T10:00Z,2027-03-02T11:30Z,<b>vm  a</b>\n"
    ))
    level = single(measure_month(google, Month.parse("2027-03"), data))
    assert level.availability.resource == "<b>vm a</b>"


def test_a_bad_row_names_its_line(google: Project, tmp_path: Path) -> None:
    with pytest.raises(MeasurementError) as caught:
        outages(tmp_path, google, (
            "service,start,end,resource\n"
            "single-instance,2027-03-02T10:00Z,2027-03-02T11:30Z,vm-a\n"
            "single-instance,yesterday,2027-03-02T11:30Z,vm-b\n"
        ))
    assert "3" in str(caught.value)


def test_the_wizard_sentence_says_the_allowance_is_each_resource_s(google: Project) -> None:
    from wizard.core.explain import downtime_sentence

    single = google.metrics[1]
    assert downtime_sentence(single, google.schedule.coverage, "en") == (
        "99.9% of a month of 30 days around the clock allows 43 min 12 sec of downtime, "
        "for each instance on its own")
    single.method.per_resource = ""
    assert downtime_sentence(single, google.schedule.coverage, "en").endswith(
        "allows 43 min 12 sec of downtime")
