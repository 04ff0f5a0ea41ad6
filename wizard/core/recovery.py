"""Recovery files: unsaved work kept safe until it is saved or discarded.

While a project has unsaved edits, the window writes it (shortly after each
change) to a recovery file in the program's state folder: one JSON file per
open project, holding the project, the path of its file (none for a project
never saved) and when it was last edited. Saving or a clean close removes
it. After a crash the file is still there, and the next start offers it.

A recovery file belongs to a *session*: a small file in the same folder that
the running program keeps locked (``flock``/``LockFileEx``). The operating
system drops that lock when the process ends, however it ends, so "its
program is gone" is known for certain, even when the process id has since
been given to another program. Recovery files of a running program (another
window or instance) are never offered.

Recovery files are written atomically, readable only by their user, and
never with a project that could not be opened again.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from wizard.core.model import Project
from wizard.core.processes import process_alive, this_host
from wizard.core.project_file import (
    ProjectFileError,
    json_text_bytes,
    project_from_bytes,
    project_from_data,
    project_to_bytes,
    write_atomically,
)

RECOVERY_MARKER = "sla-wizard-recovery"
RECOVERY_VERSION = 1
RECOVERY_SUFFIX = ".slarecovery"
SESSION_SUFFIX = ".session"
SESSION_GRACE_SECONDS = 60


class RecoveryError(Exception):
    """A recovery file cannot be read; the message says why."""


@dataclass(frozen=True)
class Recovery:
    """A recovery file as read from disk."""

    file: Path
    project: Project
    original: Path | None
    """The project's own file, or None for a project never saved."""
    edited_at: datetime
    """When the user last changed the project (UTC)."""
    saved_at: datetime
    """When the recovery file was written (UTC)."""
    session: str
    pid: int
    host: str

    @property
    def name(self) -> str:
        """How the user knows the project: its file name, or its title."""
        if self.original is not None:
            return self.original.stem
        return self.project.agreement.title.strip()


# --------------------------------------------------------------------------- sessions


def _try_lock(handle: IO[bytes]) -> bool:
    """Lock ``handle``'s file exclusively without waiting; False if another
    open file (in any process) holds the lock. Other errors propagate."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError as exc:
            if exc.errno in (13, 36):  # EACCES, EDEADLOCK: locked by someone else
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class Session:
    """This process's claim on its recovery files (see the module notes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.id = secrets.token_hex(8)
        self.file = folder / f"{self.id}{SESSION_SUFFIX}"
        self._handle: IO[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = open(self.file, "w+b")  # noqa: SIM115 - held open while the program runs
        try:
            handle.write(json.dumps({"pid": os.getpid(), "host": this_host()}).encode())
            handle.flush()
            self.locked = _try_lock(handle)
        except OSError:
            self.locked = False
        self._handle = handle

    def close(self) -> None:
        """End the session (the program is closing cleanly)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            with contextlib.suppress(OSError):
                self.file.unlink()


_sessions: dict[Path, Session] = {}


def current_session(folder: Path) -> Session:
    """This process's session in ``folder``, started on first use."""
    key = folder.absolute()
    session = _sessions.get(key)
    if session is None:
        if not _sessions:
            atexit.register(end_sessions)
        session = _sessions[key] = Session(folder)
    return session


def end_sessions() -> None:
    """Close this process's sessions (for a clean exit, and for tests)."""
    for session in _sessions.values():
        session.close()
    _sessions.clear()


def session_alive(folder: Path, session: str, pid: int, host: str) -> bool:
    """Whether the program that wrote a recovery file is still running."""
    own = _sessions.get(folder.absolute())
    if own is not None and own.id == session:
        return True
    file = folder / f"{session}{SESSION_SUFFIX}"
    if not session or not all(c in "0123456789abcdef" for c in session):
        return host == this_host() and process_alive(pid)
    try:
        handle = open(file, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return False
    except OSError:
        return host == this_host() and process_alive(pid)
    try:
        try:
            return not _try_lock(handle)
        except OSError:
            return host == this_host() and process_alive(pid)
    finally:
        handle.close()  # also drops the lock just taken on a dead session


# --------------------------------------------------------------------------- files


def new_recovery_file(folder: Path) -> Path:
    """A fresh recovery file name in ``folder`` (nothing is written yet)."""
    return folder / f"{secrets.token_hex(8)}{RECOVERY_SUFFIX}"


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat()


def recovery_to_bytes(project: Project, original: Path | None, edited_at: datetime,
                      session: Session) -> bytes:
    """The content of a recovery file. Raises
    :class:`~wizard.core.project_file.ProjectFileError` if the project could
    not be opened again (nothing is written then)."""
    content = project_to_bytes(project)
    project_from_bytes(content, original or Path("recovery.slaproj"))
    data = {
        "format": RECOVERY_MARKER,
        "format_version": RECOVERY_VERSION,
        "original_path": str(original) if original is not None else None,
        "edited_at": _iso(edited_at),
        "saved_at": _iso(datetime.now(UTC)),
        "session": session.id,
        "pid": os.getpid(),
        "host": this_host(),
        "project": json.loads(content),
    }
    return json_text_bytes(json.dumps(data, indent=1, ensure_ascii=False))


def write_recovery(file: Path, project: Project, original: Path | None,
                   edited_at: datetime) -> None:
    """Write (or rewrite, taking it over for this session) a recovery file.
    Raises :class:`~wizard.core.project_file.ProjectFileError`."""
    session = current_session(file.parent)
    content = recovery_to_bytes(project, original, edited_at, session)
    write_atomically(file, content, mode=0o600)


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def recovery_from_bytes(raw: bytes, file: Path) -> Recovery:
    """Read the content of a recovery file; raises :class:`RecoveryError`."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise RecoveryError(f"{file.name}: not JSON") from None
    if not isinstance(data, dict) or data.get("format") != RECOVERY_MARKER:
        raise RecoveryError(f"{file.name}: not a recovery file")
    if data.get("format_version") != RECOVERY_VERSION:
        raise RecoveryError(f"{file.name}: written by another version of SLA Wizard")
    try:
        original_text = data.get("original_path")
        original = Path(original_text) if isinstance(original_text, str) and original_text \
            else None
        edited_at = _moment(data.get("edited_at"))
        saved_at = _moment(data.get("saved_at"))
        session, pid, host = data.get("session"), data.get("pid"), data.get("host")
        if not isinstance(session, str) or not isinstance(host, str) \
                or not isinstance(pid, int) or isinstance(pid, bool):
            raise ValueError("owner")
        project = project_from_data(data.get("project"), original or file)
    except ProjectFileError as exc:
        raise RecoveryError(f"{file.name}: {exc}") from None
    except (ValueError, TypeError, OverflowError):
        raise RecoveryError(f"{file.name}: damaged") from None
    return Recovery(file, project, original, edited_at, saved_at, session, pid, host)


def read_recovery(file: Path) -> Recovery:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise RecoveryError(f"{file.name}: {exc.strerror or exc}") from None
    return recovery_from_bytes(raw, file)


def list_recoveries(folder: Path) -> list[Recovery]:
    """The recovery files in ``folder`` whose program is no longer running,
    most recently edited first. Files that cannot be read (damaged, or from a
    newer version of the program) are left alone and not listed. Session
    files of ended programs with nothing left to recover are removed."""
    try:
        files = sorted(folder.glob(f"*{RECOVERY_SUFFIX}"))
    except OSError:
        return []
    found: list[Recovery] = []
    sessions_in_use: set[str] = set()
    for file in files:
        try:
            recovery = read_recovery(file)
        except RecoveryError:
            continue
        sessions_in_use.add(recovery.session)
        if not session_alive(folder, recovery.session, recovery.pid, recovery.host):
            found.append(recovery)
    _remove_ended_sessions(folder, sessions_in_use)
    return sorted(found, key=lambda r: r.edited_at, reverse=True)


def _remove_ended_sessions(folder: Path, in_use: set[str]) -> None:
    own = _sessions.get(folder.absolute())
    now = time.time()
    for file in folder.glob(f"*{SESSION_SUFFIX}"):
        session = file.name[:-len(SESSION_SUFFIX)]
        if session in in_use or (own is not None and own.id == session):
            continue
        with contextlib.suppress(OSError):
            # a session file is created a moment before it is locked: leave young ones
            if now - file.stat().st_mtime > SESSION_GRACE_SECONDS \
                    and not session_alive(folder, session, 0, ""):
                file.unlink()


def discard(file: Path) -> None:
    """Remove a recovery file (the user saved or discarded the work)."""
    with contextlib.suppress(FileNotFoundError):
        file.unlink()
