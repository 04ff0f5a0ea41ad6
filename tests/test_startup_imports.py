"""Start-up stays light: the window is on screen before the contract machinery
(docxtpl, lxml, python-docx) is loaded, and timing start-up never touches the
user's settings. Nothing here is timed: bench/run.py measures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from example_paths import ROOT, US_EXAMPLE

from wizard.settings import CONFIG_ENV

HEAVY = ("docxtpl", "lxml", "docx")
"""Needed for the first contract or preview, not for the first paint."""

_PROBE = """
import json, sys
from pathlib import Path
from wizard.ui.startup_probe import run_until_shown
loaded = []
def record():
    loaded.extend(sorted(name for name in sys.modules if name.split(".")[0] in {heavy!r}))
code = run_until_shown(Path({project!r}), on_shown=record)
print("LOADED " + json.dumps(loaded))
sys.exit(code)
"""


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop(CONFIG_ENV, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                 "XDG_DOCUMENTS_DIR"):
        env.pop(name, None)
    return env


def test_window_is_shown_before_docxtpl_and_lxml_are_imported(tmp_path: Path) -> None:
    """Start-up would be slower by the time it takes to import docxtpl, lxml and
    python-docx (and the first paint would wait for them)."""
    script = _PROBE.format(heavy=set(HEAVY), project=str(US_EXAMPLE))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False, env=_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED "))
    assert json.loads(line.removeprefix("LOADED ")) == []


def test_exit_when_shown_leaves_the_users_settings_alone(tmp_path: Path) -> None:
    """Timing start-up (as packaging and the benchmarks do) would otherwise add
    the project to the user's recent files and overwrite their settings."""
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, "main.py", "--exit-when-shown", str(US_EXAMPLE)], cwd=ROOT,
        capture_output=True, text=True, timeout=120, check=False, env=_environment(home))
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    written = [str(path.relative_to(home)) for path in home.rglob("*")
               if "sla" in path.name.lower()]
    assert written == []


def test_exit_when_shown_reports_a_project_that_cannot_be_opened(tmp_path: Path) -> None:
    """A broken build or project must fail the timing run, not hang on a dialog."""
    broken = tmp_path / "broken.slaproj"
    broken.write_text("{ not json", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "main.py", "--exit-when-shown", str(broken)], cwd=ROOT,
        capture_output=True, text=True, timeout=120, check=False, env=_environment(tmp_path))
    assert result.returncode == 1
    assert "broken.slaproj" in result.stderr
