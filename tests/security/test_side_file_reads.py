"""Project, lock and other side files are read only when they are regular
files of a sensible size: a named pipe never blocks, a link to /dev/zero or a
file of gigabytes is never read whole, and each refusal names the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from guards import WIZARD, needs_dev_zero, needs_fifo, run_capped, unblocking

from wizard.core import lockfile
from wizard.core.lockfile import MAX_LOCK_BYTES, acquire, live_owner, lock_path
from wizard.core.project_file import (
    MAX_NESTING,
    MAX_PROJECT_BYTES,
    ProjectFileError,
    load_project,
    read_project,
    save_project,
)
from wizard.core.safe_read import FileReadError, ReadProblem, read_regular_file

GIB = 1024**3


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "contract.slaproj"
    path.write_bytes(US_EXAMPLE.read_bytes())
    return path


def _sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(ProjectFileError) as caught:
        read_project(path)
    return str(caught.value)


# --------------------------------------------------------------------------- the reader


@needs_fifo
def test_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """Opening a named pipe nobody writes to would wait for ever."""
    fifo = tmp_path / "template.docx"
    os.mkfifo(fifo)
    with unblocking(fifo) as fired, pytest.raises(FileReadError) as caught:
        read_regular_file(fifo, 1024, "The Word template")
    assert not fired
    assert caught.value.problem is ReadProblem.NOT_REGULAR
    assert str(caught.value) == ('The Word template "template.docx" cannot be read: it is not '
                                 "a regular file but a device, a pipe or a socket.")


@needs_dev_zero
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    """A link to /dev/zero (a zip can carry one) would be read until memory ran out."""
    link = tmp_path / "settings.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileReadError) as caught:
        read_regular_file(link, 1024, "The settings file")
    assert caught.value.problem is ReadProblem.NOT_REGULAR
    assert "settings.json" in str(caught.value)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A file of gigabytes would be read whole to find out it is too big."""
    big = _sparse(tmp_path / "big.bin", 2 * GIB)
    with pytest.raises(FileReadError) as caught:
        read_regular_file(big, 4096, "The lock file")
    assert caught.value.problem is ReadProblem.TOO_LARGE
    assert str(caught.value) == ('The lock file "big.bin" cannot be read: it is larger than '
                                 "4 KB, the most SLA Wizard reads from such a file.")
    assert caught.value.strerror.startswith("it is larger than 4 KB")


def test_the_limit_itself_is_allowed(tmp_path: Path) -> None:
    """A file of exactly the stated size would be refused (or one byte more read)."""
    exact = tmp_path / "exact.bin"
    exact.write_bytes(b"x" * 4096)
    assert read_regular_file(exact, 4096, "The lock file") == b"x" * 4096
    exact.write_bytes(b"x" * 4097)
    with pytest.raises(FileReadError):
        read_regular_file(exact, 4096, "The lock file")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_file_that_says_it_is_empty_is_read_up_to_the_limit() -> None:
    """Files in /proc say they are empty: a reader trusting the size would read
    nothing, or one trusting it as a bound would read without end."""
    content = read_regular_file(Path("/proc/self/status"), 64 * 1024, "The file")
    assert b"Pid:" in content
    with pytest.raises(FileReadError):
        read_regular_file(Path("/proc/self/status"), 16, "The file")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    """A folder would give an obscure error, or none."""
    with pytest.raises(FileReadError) as caught:
        read_regular_file(tmp_path, 1024, "The file")
    assert caught.value.problem is ReadProblem.FOLDER


def test_a_missing_file_is_the_systems_own_error(tmp_path: Path) -> None:
    """Callers that treat a missing file as "none yet" would see something else."""
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "none", 1024, "The file")


# --------------------------------------------------------------------------- lock files

_LOCK_CHECK = """
import json, sys
from pathlib import Path
from wizard.core.lockfile import acquire, live_owner, lock_path
project = Path(sys.argv[1])
owner = live_owner(project)
lock = acquire(project)
print(json.dumps({"owner": owner is not None, "locked": lock is not None,
                  "link": lock_path(project).is_symlink(),
                  "content": json.loads(lock_path(project).read_text()) if lock else None}))
"""


@needs_dev_zero
def test_a_lock_that_links_to_dev_zero_is_stale(project: Path) -> None:
    """Opening the project (say, from an unpacked zip) would read /dev/zero until
    memory ran out."""
    lock_path(project).symlink_to("/dev/zero")
    done = run_capped(_LOCK_CHECK, str(project), timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["owner"] is False and result["locked"] is True
    assert result["link"] is False  # the link was replaced by a lock, /dev/zero left alone
    assert result["content"]["format"] == lockfile.LOCK_MARKER


@needs_fifo
def test_a_lock_that_is_a_pipe_is_stale(project: Path) -> None:
    """Opening the project would hang the window (or the command line) for ever."""
    os.mkfifo(lock_path(project))
    with unblocking(lock_path(project)) as fired:
        assert live_owner(project) is None
        lock = acquire(project)
    assert not fired
    assert lock is not None
    assert json.loads(lock_path(project).read_text())["pid"] == os.getpid()
    lock.release()
    assert not lock_path(project).exists()


def test_a_huge_lock_is_stale_and_not_read(project: Path) -> None:
    """A 2 GiB file at the lock's name would be read whole at every open."""
    _sparse(lock_path(project), 2 * GIB)
    assert live_owner(project) is None
    lock = acquire(project)
    assert lock is not None
    assert lock_path(project).stat().st_size < MAX_LOCK_BYTES
    lock.release()


# --------------------------------------------------------------------------- project files


@needs_fifo
def test_a_project_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """Opening it would hang the window for ever."""
    fifo = tmp_path / "contract.slaproj"
    os.mkfifo(fifo)
    with unblocking(fifo) as fired:
        message = _load_error(fifo)
    assert not fired
    assert message == ('"contract.slaproj" cannot be opened: it is not a regular file but a '
                       "device, a pipe or a socket.")


@needs_fifo
def test_the_command_line_refuses_a_pipe(tmp_path: Path) -> None:
    """``sla-wizard check`` on a pipe would hang (the timeout fails the test)."""
    fifo = tmp_path / "contract.slaproj"
    os.mkfifo(fifo)
    done = run_capped(WIZARD, "check", str(fifo), timeout=60,
                      env={"SLA_WIZARD_CONFIG_DIR": str(tmp_path / "config")})
    assert done.returncode == 2
    assert done.stderr.strip() == ('sla-wizard: "contract.slaproj" cannot be opened: it is not a '
                                   "regular file but a device, a pipe or a socket.")


@needs_dev_zero
def test_the_command_line_refuses_a_link_to_dev_zero(tmp_path: Path) -> None:
    """``sla-wizard generate`` on such a link would fill the memory."""
    link = tmp_path / "contract.slaproj"
    link.symlink_to("/dev/zero")
    done = run_capped(WIZARD, "generate", str(link), timeout=60,
                      env={"SLA_WIZARD_CONFIG_DIR": str(tmp_path / "config")})
    assert done.returncode == 2
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.glob("*.docx")) == []


def test_a_huge_project_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 2 GiB file would be read into memory (and then parsed) before being refused."""
    big = _sparse(tmp_path / "big.slaproj", 2 * GIB)
    assert _load_error(big) == ('"big.slaproj" cannot be opened: it is larger than 16 MB, the '
                                "most SLA Wizard reads from such a file.")


def test_a_project_of_exactly_the_limit_opens(tmp_path: Path) -> None:
    """The limit would refuse a project it claims to allow."""
    content = US_EXAMPLE.read_bytes().rstrip()
    exact = tmp_path / "exact.slaproj"
    exact.write_bytes(content + b" " * (MAX_PROJECT_BYTES - len(content)))
    assert exact.stat().st_size == MAX_PROJECT_BYTES
    assert load_project(exact) == load_project(US_EXAMPLE)
    with open(exact, "ab") as handle:
        handle.write(b" ")
    assert "larger than 16 MB" in _load_error(exact)


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 900, 100_000])
def test_deeply_nested_project_says_so(tmp_path: Path, depth: int) -> None:
    """JSON nested thousands deep made the loader fail with "not valid JSON" (it
    is valid) or, nested less, pass and crash the window's copies later."""
    data = json.loads(US_EXAMPLE.read_bytes())
    data["x_newer"] = "@"
    text = json.dumps(data).replace('"@"', "[" * depth + "]" * depth)
    nested = tmp_path / "nested.slaproj"
    nested.write_text(text, encoding="utf-8")
    assert _load_error(nested) == ('"nested.slaproj" cannot be opened: its content is nested too '
                                   "deeply (more than 64 levels) to be an SLA Wizard project.")


def test_nesting_within_the_limit_is_kept(tmp_path: Path) -> None:
    """Keys a newer version wrote, nested a little deeper, would be refused or lost."""
    data = json.loads(US_EXAMPLE.read_bytes())
    data["x_newer"] = json.loads("[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1))
    path = tmp_path / "newer.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    save_project(load_project(path), path)
    assert json.loads(path.read_bytes())["x_newer"] == data["x_newer"]


def test_a_project_too_large_to_open_again_is_not_saved(project: Path) -> None:
    """Saving would write a file SLA Wizard then refuses to open: the work lost."""
    before = project.read_bytes()
    work = load_project(project)
    work.agreement.purpose = "x" * MAX_PROJECT_BYTES
    with pytest.raises(ProjectFileError) as caught:
        save_project(work, project)
    assert str(caught.value) == ('"contract.slaproj" was not saved: the project would be larger '
                                 "than 16 MB, the largest project SLA Wizard opens. The file has "
                                 "not been changed.")
    assert project.read_bytes() == before


def test_a_huge_file_being_replaced_is_not_read_for_its_backup(tmp_path: Path) -> None:
    """Saving over a 2 GiB file would read it whole to copy it; the save must work
    and say why there is no copy."""
    target = _sparse(tmp_path / "contract.slaproj", 2 * GIB)
    result = save_project(load_project(US_EXAMPLE), target)
    assert result.backup is None and "larger than 16 MB" in result.backup_error
    assert load_project(target) == load_project(US_EXAMPLE)
