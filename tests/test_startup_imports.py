"""Start-up stays light: the window is on screen before the project model
(pydantic) is loaded and before the contract machinery (docxtpl, lxml,
python-docx); what the first paint needs outside Qt is loaded before Qt; and
timing start-up never touches the user's settings. Nothing here is timed:
bench/run.py measures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from example_paths import ROOT, US_EXAMPLE

from wizard.settings import CONFIG_ENV

HEAVY = ("docxtpl", "lxml", "docx", "jinja2", "matplotlib", "numpy", "PIL")
"""Needed for the first contract, preview or template check (python-docx and
its kin), or only for the monthly report's charts (matplotlib, with numpy and
Pillow): not for the first paint."""

MODEL = ("pydantic", "pydantic_core", "wizard.core.model", "wizard.core.checks",
         "wizard.core.project_file", "wizard.ui.document")
"""The project model: loaded just after the first paint, not before."""

BEFORE_QT = ("platformdirs", "wizard.settings", "wizard.translations")
"""What the first paint needs outside Qt, loaded before PySide6: Qt's import
hook reads (and keeps) the source of every module imported after it."""

_PROBE = """
import json, sys
from pathlib import Path
order = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        order.append(name)
        return None
sys.meta_path.insert(0, Recorder())
from wizard.app import import_before_qt
import_before_qt()  # as sla-wizard does
from wizard.ui.startup_probe import run_until_shown
loaded = []
def record():
    loaded.extend(sorted(name for name in sys.modules if name.split(".")[0] in {heavy!r}))
painted = []
def record_painted():
    painted.extend(sorted(name for name in sys.modules if name in {model!r}))
code = run_until_shown(Path({project!r}), on_shown=record, on_painted=record_painted)
print("LOADED " + json.dumps(loaded))
print("PAINTED " + json.dumps(painted))
print("ORDER " + json.dumps(order))
sys.exit(code)
"""


def _probe(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = _PROBE.format(heavy=set(HEAVY), model=set(MODEL), project=str(US_EXAMPLE))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False, env=_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout
    return result


def _printed(result: subprocess.CompletedProcess[str], key: str) -> list[str]:
    line = next(line for line in result.stdout.splitlines() if line.startswith(key + " "))
    names: list[str] = json.loads(line.removeprefix(key + " "))
    return names


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
    """Start-up would be slower by the time it takes to import docxtpl, lxml,
    python-docx and Jinja (and the first paint would wait for them), or
    matplotlib (about a second, for the report's charts alone)."""
    assert _printed(_probe(tmp_path), "LOADED") == []


def test_window_is_painted_before_the_project_model_is_imported(tmp_path: Path) -> None:
    """Importing pydantic and building the model's schemas would delay the
    first paint by about the time Qt itself takes to show a window."""
    assert _printed(_probe(tmp_path), "PAINTED") == []


def test_what_the_first_paint_needs_is_loaded_before_qt(tmp_path: Path) -> None:
    """A module the first paint needs, first imported after PySide6, costs
    memory and time at every start (add it to wizard.app.BEFORE_QT)."""
    order = _printed(_probe(tmp_path), "ORDER")
    qt = order.index("PySide6")
    late = [name for name in order[qt:]
            if any(name == root or name.startswith(root + ".") for root in BEFORE_QT)]
    assert late == []


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
