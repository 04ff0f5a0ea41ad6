"""``sla-wizard diff OLD NEW [--redline OUT.docx] [--language LOCALE]``: one
change a line, status 0 when something changed and 1 when nothing did (as
``diff`` does), 2 with one line when a file cannot be read."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE
from redline_resolving import accept_all, reject_all, revision_ids

import wizard.cli
from wizard.core.changes import compare_projects
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.settings import CONFIG_ENV


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main([str(arg) for arg in argv], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def draft(folder: Path, name: str = "new.slaproj", **changes: object) -> Path:
    """A copy of the US example with top-level parts changed (``section__field=value``)."""
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        section, field = key.split("__")
        data[section][field] = value
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_each_change_is_one_line_and_the_status_is_0(tmp_path: Path) -> None:
    new = draft(tmp_path, service_credits__claim_window_days=45,
                agreement__document_version="1.1")
    status, out, err = run("diff", US_EXAMPLE, new)
    assert status == 0
    assert out.splitlines() == ["Document version: 1.0 → 1.1", "Claim window: 30 days → 45 days"]
    assert err == ""


def test_the_lines_are_the_change_summary(tmp_path: Path) -> None:
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["services"].reverse()
    data["contacts"].pop()
    data["metrics"][0]["target"] = "99.9"
    new = tmp_path / "new.slaproj"
    new.write_text(json.dumps(data), encoding="utf-8")
    status, out, _err = run("diff", US_EXAMPLE, new)
    expected = [str(c) for c in compare_projects(load_project(US_EXAMPLE), load_project(new))]
    assert status == 0
    assert out.splitlines() == expected
    assert len(expected) == 4


def test_no_change_is_status_1_and_no_output(tmp_path: Path) -> None:
    """Like diff: nothing printed, status 1, so that scripts can tell."""
    same = draft(tmp_path)
    assert run("diff", US_EXAMPLE, same) == (1, "", "")


def test_a_file_that_cannot_be_read_is_status_2_with_one_line(tmp_path: Path) -> None:
    status, out, err = run("diff", US_EXAMPLE, tmp_path / "missing.slaproj")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and "missing.slaproj" in err


def test_a_damaged_project_is_status_2_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.slaproj"
    broken.write_text('{"format": "sla-project", "format_version": 1, "agreement": ',
                      encoding="utf-8")
    status, out, err = run("diff", broken, US_EXAMPLE)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and "broken.slaproj" in err


def test_an_invalid_project_is_status_2_with_one_line(tmp_path: Path) -> None:
    invalid = draft(tmp_path, "invalid.slaproj", service_credits__claim_window_days="soon")
    status, out, err = run("diff", US_EXAMPLE, invalid)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and "claim_window_days" in err


def test_an_unknown_language_is_status_2(tmp_path: Path) -> None:
    new = draft(tmp_path, service_credits__claim_window_days=45)
    status, out, err = run("diff", US_EXAMPLE, new, "--redline", tmp_path / "r.docx",
                           "--language", "xx_YY")
    assert (status, out) == (2, "")
    assert "xx_YY" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "r.docx").exists()


def test_the_redline_is_written_and_resolves_both_ways(tmp_path: Path) -> None:
    """--redline writes the new draft's contract with the changes tracked."""
    new = draft(tmp_path, service_credits__claim_window_days=45)
    target = tmp_path / "changes.docx"
    status, out, err = run("diff", US_EXAMPLE, new, "--redline", target)
    assert status == 0
    assert out.splitlines() == ["Claim window: 30 days → 45 days"]
    assert str(target) in err
    data = target.read_bytes()
    assert revision_ids(data)
    docx.Document(io.BytesIO(data))
    old_contract = render_contract(load_project(US_EXAMPLE), "en_US")
    new_contract = render_contract(load_project(new), "en_US")
    assert read_contract(accept_all(data)).text == read_contract(new_contract).text
    assert read_contract(reject_all(data)).text == read_contract(old_contract).text


def test_the_redline_in_another_language(tmp_path: Path) -> None:
    new = draft(tmp_path, service_credits__claim_window_days=45)
    target = tmp_path / "changes.docx"
    status, _out, _err = run("diff", US_EXAMPLE, new, "--redline", target,
                             "--language", "en_GB")
    assert status == 0
    accepted = read_contract(accept_all(target.read_bytes())).text
    assert accepted == read_contract(render_contract(load_project(new), "en_GB")).text


def test_the_redline_never_overwrites_a_project(tmp_path: Path) -> None:
    new = draft(tmp_path, service_credits__claim_window_days=45)
    before = new.read_bytes()
    status, _out, err = run("diff", US_EXAMPLE, new, "--redline", new)
    assert status == 2 and len(err.splitlines()) == 1
    assert new.read_bytes() == before


def test_the_installed_command_runs_diff(tmp_path: Path) -> None:
    """``sla-wizard diff`` reaches the command line, not the window."""
    new = draft(tmp_path, service_credits__claim_window_days=45)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "", "LC_ALL": "",
           "LC_MESSAGES": "", "LANG": "en_US.UTF-8", CONFIG_ENV: str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "main.py", "diff", str(US_EXAMPLE), str(new)],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Claim window: 30 days → 45 days"]
