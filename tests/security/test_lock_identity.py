"""A lock names the SLA Wizard that holds the project (process id and when that
process started): a lock whose process id now belongs to an unrelated live
program is stale, a lock of a running SLA Wizard is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from example_paths import ROOT, US_EXAMPLE
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from wizard.core.lockfile import LockOwner, acquire, live_owner, lock_path, owner_from_bytes
from wizard.core.processes import process_alive, process_started
from wizard.settings import Settings
from wizard.ui.main_window import MainWindow

HOLDER = r"""
import sys
from pathlib import Path
from wizard.core.lockfile import acquire
lock = acquire(Path(sys.argv[1]))
print("locked" if lock is not None else "not locked", flush=True)
sys.stdin.read()  # holds the project until its input is closed or it is killed
"""

knows_start_times = pytest.mark.skipif(
    process_started(os.getpid()) is None, reason="no process start times on this system")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "contract.slaproj"
    path.write_bytes(US_EXAMPLE.read_bytes())
    return path


class Holder:
    """Another SLA Wizard with the project open."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(project)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def crash(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def holder(project: Path) -> Iterator[Holder]:
    program = Holder(project)
    yield program
    program.crash()


def _unrelated_live_pids() -> list[int]:
    """Processes that run now and are not SLA Wizard: the one that started the
    tests, and the system's first process (where this user may see it)."""
    pids = [os.getppid()]
    if process_alive(1) and process_started(1) is not None:
        pids.append(1)
    return pids


def _lock_left_by_a_crash(project: Path, holder: Holder) -> dict[str, object]:
    holder.crash()
    data: dict[str, object] = json.loads(lock_path(project).read_bytes())
    return data


@knows_start_times
def test_process_start_tells_processes_apart() -> None:
    """Without it, a reused process id could not be told from the process that had it."""
    ours = process_started(os.getpid())
    assert ours is not None and process_started(os.getpid()) == ours
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = process_started(child.pid)
        assert theirs is not None and theirs != ours  # started well after this one
    finally:
        child.kill()
        child.wait()
    assert process_started(child.pid) is None  # ended
    assert process_started(0) is None and process_started(-1) is None


@knows_start_times
def test_a_lock_records_the_program_and_when_its_process_started(project: Path) -> None:
    """The lock would not say which process holds the project, only its id."""
    lock = acquire(project)
    assert lock is not None
    data = json.loads(lock.path.read_bytes())
    assert data["program"] == "SLA Wizard"
    assert data["started"] == process_started(os.getpid())
    assert owner_from_bytes(lock.path.read_bytes()) == lock.owner
    lock.release()


@knows_start_times
@pytest.mark.parametrize("reused", _unrelated_live_pids())
def test_a_crashed_lock_whose_id_was_reused_is_stale(project: Path, holder: Holder,
                                                     reused: int) -> None:
    """After a crash (and a reboot) the lock's process id may belong to any program:
    every open would warn that the project is open elsewhere, for ever."""
    data = _lock_left_by_a_crash(project, holder)
    data["pid"] = reused  # the id now belongs to a live, unrelated program
    lock_path(project).write_text(json.dumps(data), encoding="utf-8")
    assert process_alive(reused)

    assert live_owner(project) is None
    lock = acquire(project)
    assert lock is not None and lock.owner.pid == os.getpid()
    lock.release()


@knows_start_times
def test_a_running_sla_wizard_is_still_noticed(project: Path, holder: Holder) -> None:
    """Checking start times must not make a real second instance go unnoticed."""
    owner = live_owner(project)
    assert owner is not None and owner.pid == holder.process.pid
    assert acquire(project) is None
    holder.crash()
    assert live_owner(project) is None


def test_a_lock_an_older_version_wrote_still_warns_while_its_process_runs(
        project: Path, holder: Holder) -> None:
    """A lock without a start time (written before locks had one) cannot be checked
    further: its live process may be an SLA Wizard, so it still counts."""
    data = json.loads(lock_path(project).read_bytes())
    del data["started"], data["program"]
    lock_path(project).write_text(json.dumps(data), encoding="utf-8")
    assert live_owner(project) is not None


def test_a_lock_with_a_damaged_start_time_is_stale() -> None:
    """A start time of the wrong type would crash the check."""
    data = LockOwner(os.getppid(), "host", "user", datetime.now(UTC), "token", "x").to_data()
    data["started"] = 12
    assert owner_from_bytes(json.dumps(data).encode()) is None


@knows_start_times
def test_the_window_opens_without_a_false_warning(qtbot: QtBot, project: Path, holder: Holder,
                                                  shown: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The user would be told the project is open elsewhere when nothing has it open;
    and a real second instance must still be named."""
    def warn(_parent: object, _title: str, text: str, *args: object
             ) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warn)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert not window.open_path(project)  # the running holder: warned, and Cancel chosen
    assert len(shown) == 1 and "already open in another SLA Wizard" in shown[0]
    data = _lock_left_by_a_crash(project, holder)
    data["pid"] = os.getppid()
    lock_path(project).write_text(json.dumps(data), encoding="utf-8")

    assert window.open_path(project)

    assert len(shown) == 1
    assert window.document.path == project.resolve()
    assert json.loads(lock_path(project).read_bytes())["pid"] == os.getpid()
    window.preview.wait_idle()
