"""``sla-wizard export``: each format written and read back, the default
file name beside the project, an existing file replaced whole, and every
failure as one line with status 2 and nothing written."""

from __future__ import annotations

import datetime
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from example_paths import ROOT, US_EXAMPLE
from icalendar import Calendar

import wizard.cli

GERMAN_EXAMPLE = ROOT / "resources" / "examples" / "internal-leads-de.slaproj"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main([str(arg) for arg in argv], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_openslo_is_written_with_its_notes(tmp_path: Path) -> None:
    target = tmp_path / "levels.yaml"
    status, out, err = run("export", US_EXAMPLE, "--to", "openslo", "-o", target)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Export written to {target}"
    assert len(lines) == 4  # the three levels OpenSLO cannot hold, one a line
    assert "Successful restore tests" in out
    docs = list(yaml.safe_load_all(target.read_text(encoding="utf-8")))
    slo = next(d for d in docs if d["kind"] == "SLO")
    assert slo["spec"]["objectives"][0]["target"] == 0.995


def test_ics_from_a_given_day(tmp_path: Path) -> None:
    target = tmp_path / "agreement.ics"
    status, out, err = run("export", US_EXAMPLE, "--to", "ics", "-o", target,
                           "--start", "2027-03-01")
    assert (status, err) == (0, "")
    calendar = Calendar.from_ical(target.read_bytes())
    coverage = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Coverage hours")
    # Monday 1 March 2027, 08:00 Los Angeles time
    assert coverage.start.replace(tzinfo=None) == datetime.datetime(2027, 3, 1, 8)
    holidays = [e.start for e in calendar.walk("VEVENT") if "holiday" in str(e["UID"])]
    assert min(holidays) >= datetime.date(2027, 3, 1)
    assert max(holidays) <= datetime.date(2028, 2, 29)
    assert "public holiday(s) of US-OR from 2027-03-01 to 2028-02-29" in out


def test_default_name_beside_the_project_and_replacing_a_file(tmp_path: Path) -> None:
    project = tmp_path / "msp.slaproj"
    shutil.copyfile(US_EXAMPLE, project)
    old = tmp_path / "msp.zendesk.json"
    old.write_text("x" * 100_000, encoding="utf-8")
    status, out, _err = run("export", project, "--to", "zendesk", "--start", "2027-01-01")
    assert status == 0
    assert out.splitlines()[0] == f"Export written to {old}"
    data = json.loads(old.read_text(encoding="utf-8"))  # the whole file is the new one
    assert data["schedule"]["time_zone"] == "Pacific Time (US & Canada)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["msp.slaproj", "msp.zendesk.json"]


def test_failures_are_one_line_and_write_nothing(tmp_path: Path) -> None:
    project = tmp_path / "leads.slaproj"
    shutil.copyfile(GERMAN_EXAMPLE, project)
    before = project.read_bytes()
    cases = [
        (("export", project, "--to", "zendesk"), "no severity levels"),
        (("export", project, "--to", "openslo", "-o", project), "overwrite the project"),
        (("export", project, "--to", "ics", "--start", "1 March"), "YYYY-MM-DD"),
        (("export", project, "--to", "openslo", "-o", tmp_path / "missing" / "x.yaml"),
         "x.yaml"),
        (("export", tmp_path / "nowhere.slaproj", "--to", "ics"), "nowhere.slaproj"),
    ]
    for argv, said in cases:
        status, out, err = run(*argv)
        assert status == 2, argv
        assert out == ""
        assert len(err.strip().splitlines()) == 1, err
        assert said in err, err
    assert project.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.slaproj"]


def test_an_unknown_format_is_a_usage_mistake(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        wizard.cli.main(["export", str(US_EXAMPLE), "--to", "csv"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "openslo" in err and "zendesk" in err


def test_the_calendar_starts_with_the_agreement(tmp_path: Path) -> None:
    """Without --start, an agreement that takes effect later starts its
    calendar and its twelve months of holidays on its effective date."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["agreement"]["effective_date"] = "2099-03-02"  # a Monday
    project = tmp_path / "later.slaproj"
    project.write_text(json.dumps(data), encoding="utf-8")
    status, out, _err = run("export", project, "--to", "ics")
    assert status == 0
    assert "from 2099-03-02 to 2100-03-01" in out
    calendar = Calendar.from_ical((tmp_path / "later.ics").read_bytes())
    coverage = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Coverage hours")
    assert coverage.start.replace(tzinfo=None) == datetime.datetime(2099, 3, 2, 8)
