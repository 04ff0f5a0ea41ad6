"""Recovery files: unsaved work written aside, found again after a crash, never
offered while its program still runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from example_paths import ROOT, US_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import recovery
from wizard.core.project_file import ProjectFileError, load_project
from wizard.core.recovery import (
    RecoveryError,
    discard,
    list_recoveries,
    new_recovery_file,
    read_recovery,
    recovery_from_bytes,
    write_recovery,
)

EDITED = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)

WRITER = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from wizard.core.project_file import load_project
from wizard.core.recovery import new_recovery_file, write_recovery

folder, project = Path(sys.argv[1]), Path(sys.argv[2])
file = new_recovery_file(folder)
write_recovery(file, load_project(project), project, datetime(2027, 1, 4, 9, 30, tzinfo=UTC))
print(file, flush=True)
sys.stdin.read()  # runs until its input is closed or it is killed
"""


@pytest.fixture(autouse=True)
def own_sessions() -> Iterator[None]:
    yield
    recovery.end_sessions()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "state" / "recovery"


class Writer:
    """Another program with unsaved work."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(US_EXAMPLE)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert self.process.stdout is not None
        self.file = Path(self.process.stdout.readline().strip())

    def crash(self) -> None:
        self.process.kill()  # SIGKILL: no clean-up of any kind
        self.process.wait()


@pytest.fixture
def writer(folder: Path) -> Iterator[Writer]:
    program = Writer(folder)
    yield program
    program.crash()


def test_write_and_read_back(folder: Path) -> None:
    """Recovered work would differ from what the user had typed, or lose its file name."""
    project = load_project(US_EXAMPLE)
    project.agreement.title = "Typed before the crash 🚀"
    file = new_recovery_file(folder)
    write_recovery(file, project, US_EXAMPLE, EDITED)

    item = read_recovery(file)
    assert item.project == project
    assert item.original == US_EXAMPLE
    assert item.edited_at == EDITED
    assert item.name == "msp-it-support"
    data = json.loads(file.read_bytes())
    assert data["original_path"] == str(US_EXAMPLE)
    assert data["edited_at"] == "2027-01-04T09:30:00+00:00"
    if sys.platform != "win32":
        assert file.stat().st_mode & 0o777 == 0o600  # contracts are private


def test_never_saved_project_is_named_by_its_title(folder: Path) -> None:
    """A recovered new project would have no name to recognise it by."""
    project = load_project(US_EXAMPLE)
    file = new_recovery_file(folder)
    write_recovery(file, project, None, EDITED)
    item = read_recovery(file)
    assert item.original is None
    assert item.name == project.agreement.title


def test_project_that_could_not_be_opened_again_is_never_written(folder: Path) -> None:
    """A recovery file would hold work that cannot be restored; the last good one would be
    lost too."""
    project = load_project(US_EXAMPLE)
    file = new_recovery_file(folder)
    write_recovery(file, project, None, EDITED)
    before = file.read_bytes()
    project.currency = "dollars"
    with pytest.raises(ProjectFileError):
        write_recovery(file, project, None, EDITED)
    assert file.read_bytes() == before


def test_own_work_is_not_offered(folder: Path) -> None:
    """A window's own unsaved work would be offered for recovery while it is open."""
    write_recovery(new_recovery_file(folder), load_project(US_EXAMPLE), None, EDITED)
    assert list_recoveries(folder) == []


def test_work_of_a_running_program_is_not_offered_until_it_crashes(folder: Path,
                                                                    writer: Writer) -> None:
    """A second instance would offer (and let the user discard) the work of the first;
    or after a crash the work would never be offered."""
    assert writer.file.exists()
    assert list_recoveries(folder) == []

    writer.crash()

    found = list_recoveries(folder)
    assert [item.file for item in found] == [writer.file]
    assert found[0].original == US_EXAMPLE
    assert found[0].project == load_project(US_EXAMPLE)


def test_a_reused_process_id_does_not_hide_the_work(folder: Path) -> None:
    """After a reboot the crashed program's process id may belong to another program:
    its work would never be offered again."""
    file = new_recovery_file(folder)
    write_recovery(file, load_project(US_EXAMPLE), None, EDITED)
    data = json.loads(file.read_bytes())
    data["session"] = "0123456789abcdef"  # a session that ended
    data["pid"] = os.getpid()  # a process id that is in use
    file.write_text(json.dumps(data), encoding="utf-8")
    assert [item.file for item in list_recoveries(folder)] == [file]


def test_newest_first_and_unreadable_files_left_alone(folder: Path) -> None:
    """Several recoveries would come in no order; a damaged or newer one would crash the
    start-up or be deleted."""
    project = load_project(US_EXAMPLE)
    files = []
    for hours in (1, 3, 2):
        file = new_recovery_file(folder)
        write_recovery(file, project, None, EDITED + timedelta(hours=hours))
        data = json.loads(file.read_bytes())
        data["session"] = "0123456789abcdef"
        file.write_text(json.dumps(data), encoding="utf-8")
        files.append(file)
    damaged = folder / f"damaged{recovery.RECOVERY_SUFFIX}"
    damaged.write_bytes(b'{"format": "sla-wizard-recovery", ')
    newer = folder / f"newer{recovery.RECOVERY_SUFFIX}"
    data["project"]["format_version"] = 9
    newer.write_text(json.dumps(data), encoding="utf-8")

    found = list_recoveries(folder)

    assert [item.file for item in found] == [files[1], files[2], files[0]]
    assert damaged.exists() and newer.exists()


def test_discard_removes_the_file(folder: Path) -> None:
    """Work the user discarded would be offered again and again."""
    file = new_recovery_file(folder)
    write_recovery(file, load_project(US_EXAMPLE), None, EDITED)
    discard(file)
    assert not file.exists()
    discard(file)  # twice is harmless


def test_session_files_of_ended_programs_are_cleared(folder: Path, writer: Writer) -> None:
    """Each crash would leave a session file in the state folder for ever."""
    writer.crash()
    session = next(folder.glob("*.session"))
    old = time.time() - 2 * recovery.SESSION_GRACE_SECONDS
    os.utime(session, (old, old))
    assert list_recoveries(folder)  # its work is still there: the session file stays
    assert session.exists()
    discard(writer.file)
    assert list_recoveries(folder) == []
    assert not session.exists()


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    """The first start of the program (no state folder yet) would crash."""
    assert list_recoveries(tmp_path / "nothing" / "here") == []


recovery_like = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from(["sla-wizard-recovery", "other"]),
        "format_version": st.sampled_from([1, 2, "1", None]),
        "original_path": st.none() | st.text(max_size=20) | st.integers(),
        "edited_at": st.none() | st.text(max_size=30) | st.just("2027-01-04T09:30:00"),
        "saved_at": st.none() | st.just("2027-01-04T09:30:00+01:00") | st.integers(),
        "session": st.none() | st.text(max_size=20),
        "pid": st.none() | st.integers() | st.booleans(),
        "host": st.none() | st.text(max_size=10),
        "project": st.none() | st.just(json.loads(US_EXAMPLE.read_bytes()))
        | st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
    },
)


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | recovery_like.map(lambda d: json.dumps(d).encode()))
def test_any_recovery_content_is_refused_or_read(raw: bytes) -> None:
    """A damaged recovery file would crash the program at every start."""
    try:
        item: Any = recovery_from_bytes(raw, Path("x.slarecovery"))
    except RecoveryError as error:
        assert "x.slarecovery" in str(error)
    else:
        assert item.project is not None
