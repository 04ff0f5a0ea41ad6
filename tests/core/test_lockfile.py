"""The same project opened twice is noticed; a crashed program's lock is not in the way."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import lockfile
from wizard.core.lockfile import LockOwner, acquire, live_owner, lock_path, owner_from_bytes
from wizard.core.processes import process_alive, this_host


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "contract.slaproj"
    path.write_text("{}", encoding="utf-8")
    return path


def _write_lock(project: Path, pid: int, host: str | None = None, token: str = "t0") -> None:
    owner = LockOwner(pid, host or this_host(), "someone", datetime(2027, 1, 4, 9, 30, tzinfo=UTC),
                      token)
    lock_path(project).write_text(json.dumps(owner.to_data()), encoding="utf-8")


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    """Another program that is running."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_open_writes_a_lock_and_close_removes_it(project: Path) -> None:
    """Nobody would know the project is open; or a closed project would look open for ever."""
    lock = acquire(project)
    assert lock is not None
    assert lock.path == project.with_name(".contract.slaproj.lock")
    data = json.loads(lock.path.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == this_host()
    assert {"user", "since", "token"} <= set(data)

    lock.release()
    assert not lock.path.exists()
    assert live_owner(project) is None


def test_a_second_window_of_the_same_program_is_warned(project: Path) -> None:
    """Two windows of one program editing one file would overwrite each other silently."""
    first = acquire(project)
    assert first is not None
    owner = live_owner(project)
    assert owner is not None and owner.pid == os.getpid()
    assert acquire(project) is None  # "open anyway" does not steal the first window's lock
    first.release()
    assert live_owner(project) is None


def test_another_running_program_is_warned(project: Path,
                                           other_process: subprocess.Popen[bytes]) -> None:
    """A second instance would open the project as if nobody else had it."""
    _write_lock(project, other_process.pid)
    owner = live_owner(project)
    assert owner is not None and owner.pid == other_process.pid and owner.user == "someone"
    assert acquire(project) is None
    assert json.loads(lock_path(project).read_text())["pid"] == other_process.pid


def test_lock_of_a_crashed_program_is_taken_over_silently(project: Path) -> None:
    """After a crash, every later open would warn about a program that no longer runs."""
    pid = _dead_pid()
    assert not process_alive(pid)
    _write_lock(project, pid)
    assert live_owner(project) is None
    lock = acquire(project)
    assert lock is not None
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()
    lock.release()
    assert not lock_path(project).exists()


def test_lock_from_another_computer_always_warns(project: Path) -> None:
    """A colleague with the project open from a shared folder would not be noticed."""
    _write_lock(project, 1, host="colleagues-laptop")
    owner = live_owner(project)
    assert owner is not None and owner.host == "colleagues-laptop" and not owner.on_this_host


def test_lock_left_by_a_closed_window_of_this_program_is_stale(project: Path) -> None:
    """A lock this program wrote and forgot would make it warn about itself."""
    _write_lock(project, os.getpid(), token="not-held")
    assert live_owner(project) is None


def test_releasing_never_removes_someone_elses_lock(project: Path) -> None:
    """The first window closing would remove the lock a second program had taken over."""
    lock = acquire(project)
    assert lock is not None
    _write_lock(project, 1, host="colleagues-laptop", token="theirs")
    lock.release()
    assert lock_path(project).exists()


@pytest.mark.parametrize("content", [b"", b"{", b"null", b'{"format": "sla-wizard-lock"}',
                                     b"\xff\xfe", b'{"format": "sla-wizard-lock", "pid": "1", '
                                     b'"host": "h", "user": "u", "since": "x", "token": "t"}'])
def test_damaged_lock_counts_as_stale(project: Path, content: bytes) -> None:
    """A lock file cut short by a crash would block or crash every later open."""
    lock_path(project).write_bytes(content)
    assert live_owner(project) is None
    lock = acquire(project)
    assert lock is not None
    lock.release()


def test_no_lock_where_none_can_be_written(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project in a read-only folder (a CD, a shared folder) could not be opened at all."""
    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert acquire(project) is None


def test_process_alive() -> None:
    """Stale locks would be mistaken for live ones, or the other way round."""
    assert process_alive(os.getpid())
    assert not process_alive(_dead_pid())
    assert not process_alive(0) and not process_alive(-5) and not process_alive(2**40)


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.builds(
    lambda d: json.dumps(d).encode(),
    st.dictionaries(st.sampled_from(["format", "pid", "host", "user", "since", "token", "x"]),
                    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
                    | st.just("sla-wizard-lock") | st.just("2027-01-04T09:30:00"))))
def test_any_lock_content_is_read_without_crashing(raw: bytes) -> None:
    """A garbled lock file would crash the app when opening a project."""
    owner = owner_from_bytes(raw)
    assert owner is None or isinstance(owner, LockOwner)
    if owner is not None:
        owner.is_alive()


def test_held_tokens_are_forgotten_on_release(project: Path) -> None:
    """A released lock would still count as a live window of this program."""
    lock = acquire(project)
    assert lock is not None
    lock.release()
    assert lock.owner.token not in lockfile._held
