"""``sla-wizard report``: the month's results as JSON and as a table, the
monthly Word report read back, and every failure as one line with status 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT

import wizard.cli

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"

OUTAGES = (
    "service,start,end\n"
    # May 2027, coverage Mon–Fri 08:00–18:00 less Memorial Day: 12,000 minutes.
    # Tue 4 May 09:00–10:00 and 09:30–10:30 overlap: 90 minutes once
    "*,2027-05-04T09:00,2027-05-04T10:00\n"
    "desk,2027-05-04T09:30,2027-05-04T10:30\n"
    # Wed 5 May 17:30–19:00, past the end of coverage: 30 minutes
    "backup,2027-05-05T17:30,2027-05-05T19:00\n"
    # Fri 28 May 17:00 to Tue 1 June: 60 minutes in May's coverage
    "endpoints,2027-05-28T17:00,2027-06-01T10:00\n"
)
TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    # P2 answered after 90 support minutes (target 60): missed
    "B,P2,2027-05-03T10:00,2027-05-03T11:30,2027-05-03T15:00,\n"
    # P1 answered after 20 minutes (target 30): within
    "C,P1,2027-05-06T22:00,2027-05-06T22:20,2027-05-07T01:00,\n"
)


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main([str(arg) for arg in argv], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def files(folder: Path) -> tuple[Path, Path]:
    outages = folder / "outages.csv"
    outages.write_text(OUTAGES, encoding="utf-8")
    tickets = folder / "tickets.csv"
    tickets.write_text(TICKETS, encoding="utf-8")
    return outages, tickets


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    """A script reading --json gets the month, the currency, each level's
    target, attained value as exact text and met as a boolean, and the credit."""
    outages, tickets = files(tmp_path)
    status, out, err = run("report", US_EXAMPLE, "--month", "2027-05", "--outages", outages,
                           "--tickets", tickets, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["month"] == "2027-05"
    assert data["currency"] == "USD"
    levels = {level["id"]: level for level in data["levels"]}
    # (12,000 − 180) / 12,000 × 100 = 98.5
    assert levels["uptime"]["target"] == "99.5"
    assert levels["uptime"]["attained"] == "98.5"
    assert levels["uptime"]["met"] is False
    # the longest first response on support hours: B's 90 minutes > 60
    assert (levels["first-response"]["attained"], levels["first-response"]["met"]) == (
        "90", False)
    for level in data["levels"]:
        assert isinstance(level["attained"], str) and isinstance(level["met"], bool)
    # 98.5 < 99.0: 10 % of $2,150 = $215.00, to be claimed 30 days after 31 May
    assert data["credit_total"] == "215.00"
    assert data["claim_deadline"] == "2027-06-30"
    assert {u["id"] for u in data["unmeasured"]} == {"patch", "restore"}


def test_table_and_word_report(tmp_path: Path) -> None:
    """Without --json the results are a table; -o writes a report a customer
    can read: each level, the outages behind the miss, the credit's arithmetic."""
    outages, tickets = files(tmp_path)
    target = tmp_path / "may.docx"
    status, out, err = run("report", US_EXAMPLE, "--month", "2027-05", "--outages", outages,
                           "--tickets", tickets, "-o", target)
    assert (status, err) == (0, "")
    assert "Service availability" in out and "98.5%" in out and "missed" in out
    assert "Credit due: $215.00 (10% of $2,150.00)" in out
    assert f"Report written to {target}" in out
    report = read_contract(target.read_bytes())
    assert ["Service availability", "99.5%", "98.5%", "missed"] in report.tables[0]
    text = report.text
    assert "Month: May 2027" in text
    assert "Coverage Hours in the month: 12,600 minutes" in text
    assert "less public holidays (May 31, 2027 (Memorial Day)): 600 minutes" in text
    assert ("Measured time: 12,000 minutes; downtime in it: 180 minutes; attained "
            "(12,000 − 180) ÷ 12,000 × 100 = 98.5%") in text
    # CLDR puts a narrow no-break space before AM and PM
    assert ("Managed Endpoints, May 28, 2027 5:00\u202fPM to Jun 1, 2027 10:00\u202fAM: "
            "1\u00a0hour counted") in text  # a number never breaks from its unit
    assert ("Ticket B (P2, response), created May 3, 2027 10:00\u202fAM: 1\u00a0hour and "
            "30\u00a0minutes") in text
    assert "credit: 10% × $2,150.00 = $215.00" in text
    assert "The Customer claims the credit by June 30, 2027." in text


def test_report_in_french_uses_the_contract_locale(tmp_path: Path) -> None:
    """A fr_FR project's report writes French months and numbers."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["language"] = "fr_FR"
    data["currency"] = "EUR"
    project = tmp_path / "fr.slaproj"
    project.write_text(json.dumps(data), encoding="utf-8")
    outages, _tickets = files(tmp_path)
    target = tmp_path / "mai.docx"
    status, _out, err = run("report", project, "--month", "2027-05", "--outages", outages,
                            "-o", target, "--json")
    assert status == 0, err
    assert f"Report written to {target}" in err  # stdout stays one JSON object
    text = read_contract(target.read_bytes()).text
    assert "mai 2027" in text
    assert "98,5\u00a0%" in text
    assert "215,00\u00a0€" in text


def one_line_failure(status: int, out: str, err: str, *fragments: str) -> None:
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("sla-wizard: ")
    for fragment in fragments:
        assert fragment in err, err


def test_failures_are_one_line_with_status_2(tmp_path: Path) -> None:
    """A bad month, a bad row, a missing file, an unknown holiday region: one
    line naming the problem, status 2, no traceback."""
    outages, _tickets = files(tmp_path)
    one_line_failure(*run("report", US_EXAMPLE, "--month", "May 2027", "--outages", outages),
                     "YYYY-MM")
    bad = tmp_path / "bad.csv"
    bad.write_text("service,start,end\ndesk,2027-05-04T10:00,2027-05-04T09:00\n",
                   encoding="utf-8")
    one_line_failure(*run("report", US_EXAMPLE, "--month", "2027-05", "--outages", bad),
                     "bad.csv, line 2, end: the outage ends before it starts")
    one_line_failure(*run("report", US_EXAMPLE, "--month", "2027-05",
                          "--outages", tmp_path / "missing.csv"), "missing.csv")
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["schedule"]["holiday_region"] = "Atlantis"
    project = tmp_path / "atlantis.slaproj"
    project.write_text(json.dumps(data), encoding="utf-8")
    one_line_failure(*run("report", project, "--month", "2027-05", "--outages", outages),
                     'holiday region "Atlantis" is unknown')


def test_a_missing_month_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("report", US_EXAMPLE)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("sla-wizard: ") and "--month" in err and len(err.splitlines()) == 1
