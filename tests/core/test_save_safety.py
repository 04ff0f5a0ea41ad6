"""Saving never destroys what is on disk: backups, full disks, read-only files and
folders, files from a newer version, files in an older format."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from example_paths import US_EXAMPLE

from wizard.core import project_file
from wizard.core.model import FORMAT_VERSION, Project, parse_decimal_text
from wizard.core.project_file import (
    ProjectFileError,
    ProjectFileErrorKind,
    backup_path,
    load_project,
    original_backup_path,
    project_to_bytes,
    read_project,
    remove_stale_temp_files,
    save_project,
    temp_files,
)

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _titled(title: str) -> Project:
    project = load_project(US_EXAMPLE)
    project.agreement.title = title
    return project


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A project saved once, as version "A"."""
    path = tmp_path / "contract.slaproj"
    save_project(_titled("A"), path)
    return path


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# --------------------------------------------------------------------------- backups


def test_saving_again_keeps_the_previous_version_beside_it(saved: Path) -> None:
    """A user who saves a mistake would have no way back to what they had before."""
    first = saved.read_bytes()
    result = save_project(_titled("B"), saved)
    assert result.backup == backup_path(saved) == saved.with_name("contract.slaproj.bak")
    assert result.backup_error == ""
    assert backup_path(saved).read_bytes() == first

    second = saved.read_bytes()
    save_project(_titled("C"), saved)
    assert backup_path(saved).read_bytes() == second  # the .bak is replaced, not piled up
    assert load_project(saved).agreement.title == "C"
    assert _names(saved.parent) == ["contract.slaproj", "contract.slaproj.bak"]


def test_first_save_makes_no_backup(tmp_path: Path) -> None:
    """A new project would come with a pointless .bak file."""
    result = save_project(_titled("A"), tmp_path / "new.slaproj")
    assert result.backup is None
    assert _names(tmp_path) == ["new.slaproj"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_backup_is_as_private_as_the_project(saved: Path) -> None:
    """A private project's backup would be readable by everyone on the machine."""
    saved.chmod(0o600)
    save_project(_titled("B"), saved)
    assert backup_path(saved).stat().st_mode & 0o777 == 0o600


def test_failed_backup_still_saves_and_says_why(saved: Path) -> None:
    """The user's save would be refused because of the backup copy, which is only a
    convenience (the save itself is atomic)."""
    backup_path(saved).mkdir()  # something in the way of the .bak
    result = save_project(_titled("B"), saved)
    assert result.backup is None
    assert result.backup_error
    assert load_project(saved).agreement.title == "B"


# --------------------------------------------------------------------------- write failures


def _no_space(*_args: object, **_kwargs: object) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


class _FullDiskFile:
    """A file object whose writes fail as on a full disk."""

    def __init__(self, fd: int, *args: Any, **kwargs: Any) -> None:
        self.fd = fd

    def __enter__(self) -> _FullDiskFile:
        return self

    def __exit__(self, *args: object) -> None:
        os.close(self.fd)

    def write(self, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return self.fd


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_full_disk_keeps_the_original(saved: Path, monkeypatch: pytest.MonkeyPatch,
                                      where: str) -> None:
    """A disk that fills up while saving would destroy the project or leave debris."""
    before = saved.read_bytes()
    if where == "write":
        monkeypatch.setattr(os, "fdopen", _FullDiskFile)
    else:
        monkeypatch.setattr(os, where, _no_space)
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)
    monkeypatch.undo()

    assert info.value.kind is ProjectFileErrorKind.WRITE_FAILED
    message = str(info.value)
    assert "contract.slaproj" in message and "disk is full" in message
    assert "unchanged" in message
    assert saved.read_bytes() == before
    assert temp_files(saved) == [] and temp_files(backup_path(saved)) == []
    assert _names(saved.parent) == ["contract.slaproj"]


def _refuse_temp_files(code: int) -> Callable[..., int]:
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


def test_read_only_folder_is_said_plainly(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving into a folder the user may not write in would show a cryptic error."""
    before = saved.read_bytes()
    monkeypatch.setattr(os, "open", _refuse_temp_files(errno.EACCES))
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)
    monkeypatch.undo()

    assert info.value.kind is ProjectFileErrorKind.READ_ONLY
    assert "read-only" in str(info.value)
    assert str(saved.parent) in str(info.value)
    assert saved.read_bytes() == before


def test_read_only_drive_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving onto a write-protected memory card would show a cryptic error."""
    monkeypatch.setattr(os, "open", _refuse_temp_files(errno.EROFS))
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), tmp_path / "new.slaproj")
    assert info.value.kind is ProjectFileErrorKind.READ_ONLY
    assert "drive" in str(info.value) and "read-only" in str(info.value)


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="POSIX file systems")
def test_project_on_a_read_only_drive_is_said_plainly(saved: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A project opened from a write-protected card or a read-only share would fail to
    save with a message blaming the file."""
    before = saved.read_bytes()

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda _path: ReadOnly())
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)
    assert info.value.kind is ProjectFileErrorKind.READ_ONLY
    assert "drive" in str(info.value) and "read-only" in str(info.value)
    assert saved.read_bytes() == before


def test_read_only_file_is_not_overwritten(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not change would be replaced anyway (renaming over it is
    allowed on Linux and macOS when the folder is writable)."""
    before, mtime = saved.read_bytes(), saved.stat().st_mtime_ns
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == saved
                        else real_access(p, mode, **kw))
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)

    assert info.value.kind is ProjectFileErrorKind.READ_ONLY
    assert "read-only" in str(info.value)
    assert saved.read_bytes() == before and saved.stat().st_mtime_ns == mtime
    assert _names(saved.parent) == ["contract.slaproj"]


@pytest.mark.skipif(sys.platform == "win32" or ROOT_USER, reason="permissions do not stop root")
def test_real_read_only_file_and_folder(saved: Path) -> None:
    """The same, with real permissions rather than simulated ones."""
    saved.chmod(0o444)
    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)
    assert info.value.kind is ProjectFileErrorKind.READ_ONLY
    saved.chmod(0o644)
    saved.parent.chmod(0o555)
    try:
        with pytest.raises(ProjectFileError) as info:
            save_project(_titled("B"), saved.parent / "other.slaproj")
    finally:
        saved.parent.chmod(0o755)
    assert info.value.kind is ProjectFileErrorKind.READ_ONLY


def test_newer_file_on_disk_is_never_overwritten(saved: Path) -> None:
    """A project rewritten by a newer version after it was opened here would be
    overwritten, losing what the newer version added."""
    data = json.loads(saved.read_bytes())
    data["format_version"] = FORMAT_VERSION + 1
    data["x_added_by_a_newer_version"] = {"anything": True}
    saved.write_text(json.dumps(data), encoding="utf-8")
    before = saved.read_bytes()

    with pytest.raises(ProjectFileError) as info:
        save_project(_titled("B"), saved)

    assert info.value.kind is ProjectFileErrorKind.NEWER_VERSION
    assert "newer version" in str(info.value) and "not been overwritten" in str(info.value)
    assert saved.read_bytes() == before
    assert _names(saved.parent) == ["contract.slaproj"]


def test_invalid_project_is_not_written(tmp_path: Path) -> None:
    """A project that could not be opened again would be written, and the message would
    talk about opening while the user was saving."""
    project = _titled("A")
    project.currency = "dollars"  # no validation on assignment
    with pytest.raises(ProjectFileError) as info:
        save_project(project, tmp_path / "bad.slaproj")
    assert info.value.kind is ProjectFileErrorKind.INVALID_FIELD
    assert "was not saved" in str(info.value) and "currency" in str(info.value)
    assert _names(tmp_path) == []


@pytest.mark.parametrize("typed", ["0.0000001", "0.00000000", "-0.0000005", "1000000000"])
def test_tiny_and_large_numbers_can_be_saved(tmp_path: Path, typed: str) -> None:
    """A target typed as 0.0000001 became 1E-7 in the file, which the format refuses:
    the project could no longer be saved at all."""
    project = _titled("A")
    project.metrics[0].target = parse_decimal_text(typed)
    path = tmp_path / "tiny.slaproj"
    save_project(project, path)
    assert json.loads(path.read_bytes())["metrics"][0]["target"] == typed
    assert load_project(path) == project


# --------------------------------------------------------------------------- temporary files


def test_temporary_files_of_killed_saves_are_removed(saved: Path) -> None:
    """Every save interrupted by a crash would leave a hidden file behind, for ever."""
    folder = saved.parent
    dead = folder / f".contract.slaproj.{_dead_pid()}-0123456789ab.tmp"
    mine = folder / f".contract.slaproj.{os.getpid()}-0123456789ab.tmp"  # a save in progress
    old = folder / ".contract.slaproj.abcdefabcdef.tmp"  # no process id: by age
    young = folder / ".contract.slaproj.fedcbafedcba.tmp"
    dead_bak = folder / f".contract.slaproj.bak.{_dead_pid()}-0123456789ab.tmp"
    unrelated = folder / ".contract.slaproj.notes.tmp"
    for file in (dead, mine, old, young, dead_bak, unrelated):
        file.write_bytes(b"{")
    hour_ago = time.time() - 2 * project_file.STALE_TEMP_SECONDS
    os.utime(old, (hour_ago, hour_ago))

    save_project(_titled("B"), saved)

    assert not dead.exists() and not old.exists() and not dead_bak.exists()
    assert mine.exists() and young.exists() and unrelated.exists()
    assert remove_stale_temp_files(saved) == 0


# --------------------------------------------------------------------------- migrations


def _format_0(data: dict[str, Any]) -> dict[str, Any]:
    """A synthetic older format: the title sat at the top level as "name"."""
    old = {key: value for key, value in data.items() if key != "agreement"}
    old["format_version"] = 0
    old["name"] = data["agreement"]["title"]
    old["agreement_rest"] = {k: v for k, v in data["agreement"].items() if k != "title"}
    return old


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    agreement = data.pop("agreement_rest")
    agreement["title"] = data.pop("name")
    data["agreement"] = agreement
    return data


@pytest.fixture
def format_0(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A project written in the synthetic format 0, with its migration registered."""
    monkeypatch.setitem(project_file.MIGRATIONS, 0, _migrate_0_to_1)
    path = tmp_path / "old.slaproj"
    data = _format_0(json.loads(US_EXAMPLE.read_bytes()))
    path.write_text(json.dumps(data, indent=4), encoding="utf-8")
    yield path


def test_older_format_is_converted_on_load(format_0: Path) -> None:
    """A project from an older version would not open, or open with fields missing."""
    loaded = read_project(format_0)
    assert loaded.migrated and loaded.format_version == 0
    assert loaded.project == load_project(US_EXAMPLE)


def test_older_format_is_kept_as_it_was_before_the_first_save(format_0: Path) -> None:
    """Converting an old project would destroy the only copy readable by the old version."""
    original = format_0.read_bytes()
    project = load_project(format_0)
    project.agreement.title = "Converted"

    result = save_project(project, format_0)

    copy = original_backup_path(format_0, 0)
    assert copy.name == "old.slaproj.v0.bak"
    assert result.original == copy
    assert copy.read_bytes() == original
    assert json.loads(format_0.read_bytes())["format_version"] == FORMAT_VERSION
    assert read_project(format_0).format_version == FORMAT_VERSION

    save_project(project, format_0)  # later saves leave the converted original alone
    assert copy.read_bytes() == original
    assert _names(format_0.parent) == ["old.slaproj", "old.slaproj.bak", "old.slaproj.v0.bak"]


def test_conversion_chain_runs_step_by_step(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    """A project two formats old would skip a conversion step."""
    def minus_1_to_0(data: dict[str, Any]) -> dict[str, Any]:
        assert data["format_version"] == -1
        data["name"] = data.pop("old_name")
        return data

    monkeypatch.setitem(project_file.MIGRATIONS, -1, minus_1_to_0)
    monkeypatch.setitem(project_file.MIGRATIONS, 0, _migrate_0_to_1)
    data = _format_0(json.loads(US_EXAMPLE.read_bytes()))
    data["format_version"] = -1
    data["old_name"] = data.pop("name")
    path = tmp_path / "older.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")

    assert load_project(path) == load_project(US_EXAMPLE)


def test_failed_conversion_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    """A conversion step tripping over an odd file would crash the app."""
    monkeypatch.setitem(project_file.MIGRATIONS, 0, lambda data: data["no such key"])
    path = tmp_path / "odd.slaproj"
    path.write_text(json.dumps({"format": "sla-project", "format_version": 0}), encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert info.value.kind is ProjectFileErrorKind.INVALID_FIELD
    assert "could not be converted" in str(info.value)


def test_conversion_refused_when_the_original_cannot_be_kept(
    format_0: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old project would be converted in place although no copy of it could be made."""
    original = format_0.read_bytes()
    project = load_project(format_0)
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(ProjectFileError) as info:
        save_project(project, format_0)
    monkeypatch.undo()
    assert "older project format 0" in str(info.value)
    assert format_0.read_bytes() == original
    assert _names(format_0.parent) == ["old.slaproj"]


def test_saved_content_is_the_current_format(saved: Path) -> None:
    """A saved project would claim an old format version."""
    assert project_to_bytes(load_project(saved)).count(
        f'"format_version": {FORMAT_VERSION}'.encode()) == 1
