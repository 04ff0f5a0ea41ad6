"""``sla-wizard --self-check`` run as a user or a build runs it: a process
started from the source tree, which prints one line and exits 0 when the Qt
binding leaves Python's None alone, 1 when it frees None a little on every
call (issue 14). The bundle tests run the same switch on the installed program."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import PySide6
import pytest
from example_paths import ROOT

from wizard.settings import CONFIG_ENV
from wizard.ui.self_check import NONE_IS_IMMORTAL

ENTRY_POINTS = {
    "main.py": [sys.executable, "main.py"],
    "-m wizard.app": [sys.executable, "-m", "wizard.app"],
}
PASSED = re.compile(
    r"^self-check passed: PySide6 (?P<pyside>\S+), Python (?P<python>\S+): reference count "
    r"of None changed by \+\d+ over 10000 Qt calls that return nothing "
    r"\(\+\d+\.\d{4} per call\)(; None is immortal in this Python)?$")

# The check as it runs with a binding that takes a reference from None in each
# call it makes: every call it prepares is followed by one such loss.
FAULTY = textwrap.dedent("""
    import ctypes, sys
    from wizard.ui import self_check
    take = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_DecRef", ctypes.pythonapi))
    prepare = self_check.qt_setter_calls

    def faulty(calls=self_check.CALLS):
        made, widgets = prepare(calls)

        def losing(method, arguments):
            def call(*_):
                method(*arguments)
                take(None)
            return call, ()

        return [losing(method, arguments) for method, arguments in made], widgets

    self_check.qt_setter_calls = faulty
    from wizard.app import main
    sys.exit(main(["--self-check"]))
""")


def _run(command: list[str], config: Path) -> subprocess.CompletedProcess[str]:
    """``command`` started in the source tree, offscreen, with settings in ``config``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           CONFIG_ENV: str(config)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_the_self_check_passes_and_says_what_it_measured(entry: str, tmp_path: Path) -> None:
    """A packager running ``--self-check`` on a good build must see it pass, with
    the versions it ran on."""
    result = _run([*ENTRY_POINTS[entry], "--self-check"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    match = PASSED.match(lines[0])
    assert match, lines[0]
    assert match["pyside"] == PySide6.__version__
    assert match["python"] == platform.python_version()
    assert result.stderr == ""


@pytest.mark.skipif(NONE_IS_IMMORTAL, reason="None is immortal from Python 3.12 on")
def test_the_self_check_fails_on_a_binding_that_frees_none(tmp_path: Path) -> None:
    """Such a build must fail the check with status 1 and say why, not abort."""
    result = _run([sys.executable, "-c", FAULTY], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    line = result.stdout.strip()
    assert line.startswith("self-check FAILED: "), line
    per_call = re.search(r"\(([-+]\d+\.\d+) per call\)", line)
    assert per_call and round(float(per_call[1])) == -1, line
    assert "a long session would abort" in line, line
    assert "Fatal Python error" not in result.stderr, result.stderr
