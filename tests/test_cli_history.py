"""``sla-wizard report --keep`` and ``sla-wizard review``: months recorded in
the project file and read back, a month recorded again replaced, the review
table's suggestion; ``report --pdf`` through LibreOffice; and matplotlib left
unloaded when no report is written."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from docx_reading import read_contract
from example_paths import ROOT
from office import needs_libreoffice, pdf_text

import wizard.cli
from wizard.core.project_file import load_project

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main([str(arg) for arg in argv], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def outages(folder: Path, day: str, minutes: int) -> Path:
    """``minutes`` of outage from 09:00 local on ``day`` (a weekday: inside
    the coverage hours, Monday to Friday 08:00–18:00)."""
    path = folder / f"outages-{day}.csv"
    end_hour, end_minute = divmod(9 * 60 + minutes, 60)
    path.write_text(f"service,start,end\n*,{day}T09:00,{day}T"
                    f"{end_hour:02d}:{end_minute:02d}\n", encoding="utf-8")
    return path


def copy_of_example(folder: Path) -> Path:
    project = folder / "msp.slaproj"
    project.write_bytes(US_EXAMPLE.read_bytes())
    return project


def test_keep_records_the_month_and_replaces_it_when_recorded_again(tmp_path: Path) -> None:
    project = copy_of_example(tmp_path)
    # 6 May 2027 is a Thursday; May has 12,000 coverage minutes: 12 minutes
    # down is (12,000 − 12) / 12,000 = 99.9 %
    status, out, err = run("report", project, "--month", "2027-05",
                           "--outages", outages(tmp_path, "2027-05-06", 12), "--keep")
    assert (status, err) == (0, "")
    assert f"2027-05 recorded in {project}" in out
    (kept,) = load_project(project).history
    assert kept.month == "2027-05"
    assert [(level.id, str(level.attained), level.met) for level in kept.levels] == [
        ("uptime", "99.9", True)]
    # the same month again, with 120 minutes down: 99 %, replaced
    status, out, _err = run("report", project, "--month", "2027-05",
                            "--outages", outages(tmp_path, "2027-05-06", 120), "--keep")
    assert status == 0
    assert "2027-05 recorded again" in out
    (kept,) = load_project(project).history
    assert str(kept.levels[0].attained) == "99"
    assert kept.credit is not None and str(kept.credit.amount) == "107.50"  # 5 % of $2,150


def test_review_suggests_a_tighter_target_from_three_months(tmp_path: Path) -> None:
    """Three months above 99.9 % against a target of 99.5 %: the worst,
    99.904… %, rounded down to a tenth is suggested."""
    project = copy_of_example(tmp_path)
    status, out, _err = run("review", project)
    assert status == 1 and "no month recorded yet" in out
    # coverage minutes: March 2027 has 23 weekdays (13,800 minutes), April 22
    # (13,200), June 22 less Juneteenth observed on Friday 18 June (12,600):
    # 6, 6 and 12 minutes down give 99.956…, 99.954… and 99.904… %
    for day, minutes in (("2027-03-09", 6), ("2027-04-06", 6), ("2027-06-08", 12)):
        assert run("report", project, "--month", day[:7], "--outages",
                   outages(tmp_path, day, minutes), "--keep")[0] == 0
    status, out, _err = run("review", project)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Level", "Target", "Baseline", "2027-03", "2027-04",
                                "2027-06", "Suggestion"]
    uptime = next(line for line in lines if line.startswith("Service availability"))
    assert "99.5%" in uptime and "tighten to 99.9%" in uptime
    response = next(line for line in lines if line.startswith("First response"))
    assert "0 of 3 months recorded" in response


@needs_libreoffice
def test_pdf_of_the_report(tmp_path: Path) -> None:
    project = copy_of_example(tmp_path)
    status, out, err = run("report", project, "--month", "2027-05",
                           "--outages", outages(tmp_path, "2027-05-06", 120), "--pdf")
    assert (status, err) == (0, ""), err
    pdf = tmp_path / "msp-2027-05.pdf"
    assert f"PDF written to {pdf}" in out
    text = pdf_text(pdf)
    assert "Monthly service level report" in text
    assert "Availability per day of Service availability" in text


def test_matplotlib_is_loaded_only_for_a_report_document(tmp_path: Path) -> None:
    """Printing the month's results never pays for the plotting library."""
    script = (
        "import io, sys, wizard.cli\n"
        f"wizard.cli.main(['report', {str(US_EXAMPLE)!r}, '--month', '2027-05', "
        f"'--outages', {str(outages(tmp_path, '2027-05-06', 12))!r}, '--json'], "
        "out=io.StringIO(), err=io.StringIO())\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib')))"
        .replace("import io, sys", "import io, json, sys"))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []


def test_the_yearly_cap_counts_the_eleven_months_kept_before(tmp_path: Path) -> None:
    """A yearly cap of $300 and $100 credited in May 2026, March 2027 and
    April 2027: May 2026 is twelve months back and no longer counts, so $200
    counted leaves $100 of May 2027's $215 credit (10 % of $2,150)."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["format_version"] = 2  # a yearly cap and a history are new in format 2
    data["service_credits"]["yearly_cap_amount"] = "300"
    data["history"] = [
        {"month": month, "levels": [], "credit": {"amount": "100.00", "currency": "USD"}}
        for month in ("2026-05", "2027-03", "2027-04")]
    project = tmp_path / "capped.slaproj"
    project.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "may.docx"
    status, out, err = run("report", project, "--month", "2027-05", "--outages",
                           outages(tmp_path, "2027-05-06", 180), "-o", target, "--keep")
    assert (status, err) == (0, "")
    assert "Credit due: $100.00" in out and "The yearly cap cut the credit from $215.00" in out
    text = read_contract(target.read_bytes()).text
    assert "credit: 10% × $2,150.00 = $215.00" in text
    assert ("The yearly cap allows $300.00 of credits in twelve months; $200.00 were "
            "credited in the eleven months before, which leaves $100.00 for this month.") in text
    assert "Credit due for the month: $100.00" in text
    assert "Credits of the last twelve months, this month included: $300.00" in text
    assert str(load_project(project).history[-1].credit.amount) == "100.00"  # type: ignore[union-attr]


def test_a_format_1_file_holding_a_history_key_keeps_it_aside(tmp_path: Path) -> None:
    """A format-1 file knew no history: a key of that name is kept, unread."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    data["history"] = "notes of our own"
    project = tmp_path / "old.slaproj"
    project.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_project(project)
    assert loaded.history == []
    assert (loaded.model_extra or {})["format_1_history"] == "notes of our own"


def test_keep_is_refused_while_the_project_is_open_in_a_window(tmp_path: Path) -> None:
    """The window would save its own copy over the record: refused, one line,
    the project untouched."""
    from wizard.core.lockfile import acquire

    project = copy_of_example(tmp_path)
    before = project.read_bytes()
    lock = acquire(project)
    assert lock is not None
    try:
        status, out, err = run("report", project, "--month", "2027-05",
                               "--outages", outages(tmp_path, "2027-05-06", 12), "--keep")
    finally:
        lock.release()
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and "is open in SLA Wizard" in err
    assert project.read_bytes() == before
