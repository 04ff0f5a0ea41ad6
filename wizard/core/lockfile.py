"""Noticing that a project is already open elsewhere.

Opening a project writes a small lock file beside it, ``.NAME.slaproj.lock``,
saying who has it open (program, process and when that process started,
machine, user, since when). Another window or another instance opening the
same project finds the lock and warns; the user may open it anyway. A lock
left behind by a process that no longer runs on this machine is stale and
taken over without a word; so is one whose process id now belongs to another
program (a different start time: ids are reused, after a reboot at the
latest). A lock from another machine (a shared or synced folder) cannot be
checked, so it always warns.

Nothing here is essential: a folder where no lock can be written (read-only,
full) simply gets no lock, and a damaged lock file counts as stale, as does
anything at the lock's name that is not a small regular file (a link to a
device, a pipe: it is read without waiting, at most :data:`MAX_LOCK_BYTES`).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wizard.core.processes import process_alive, process_started, this_host, this_user
from wizard.core.safe_read import read_regular_file
from wizard.i18n import _

LOCK_MARKER = "sla-wizard-lock"
PROGRAM = "SLA Wizard"
MAX_LOCK_BYTES = 4096
"""A lock holds a few hundred bytes (a host name is at most 255); anything
larger is not one of ours and is not read further."""

_held: set[str] = set()
"""Tokens of the locks this process holds (one per window)."""


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a project open, as the lock file says."""

    pid: int
    host: str
    user: str
    since: datetime
    token: str
    started: str = ""
    """When the process started (:func:`~wizard.core.processes.process_started`);
    empty when that could not be known, or in a lock an older version wrote."""

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": LOCK_MARKER, "program": PROGRAM, "pid": self.pid, "host": self.host,
            "user": self.user, "since": self.since.isoformat(), "token": self.token}
        if self.started:
            data["started"] = self.started
        return data

    @property
    def on_this_host(self) -> bool:
        return self.host == this_host()

    def is_alive(self) -> bool:
        """False only when the owner certainly no longer has the project open:
        a process of this machine that has ended, or a window of this process
        that released it."""
        if not self.on_this_host:
            return True
        if self.pid == os.getpid():
            return self.token in _held
        if not process_alive(self.pid):
            return False
        if self.started:
            now = process_started(self.pid)
            if now is not None and now != self.started:
                return False  # the id has been given to another program since
        return True


def owner_from_bytes(raw: bytes) -> LockOwner | None:
    """The owner recorded in a lock file's content; None if it is not a lock."""
    try:
        data = json.loads(raw[:MAX_LOCK_BYTES].decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != LOCK_MARKER:
            return None
        pid, host, user = data["pid"], data["host"], data["user"]
        token, since = data["token"], datetime.fromisoformat(data["since"])
        started = data.get("started", "")
        if (not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str)
                or not isinstance(user, str) or not isinstance(token, str)
                or not isinstance(started, str)):
            return None
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return LockOwner(pid, host, user, since, token, started)
    except (ValueError, TypeError, KeyError, RecursionError, OverflowError):
        return None


def read_owner(project: Path) -> LockOwner | None:
    """The lock's owner, or None when there is no readable lock."""
    try:
        raw = read_regular_file(lock_path(project), MAX_LOCK_BYTES, _("The lock file"))
    except OSError:  # none, unreadable, or not a lock at all (a folder, a device, a pipe)
        return None
    return owner_from_bytes(raw)


def live_owner(project: Path) -> LockOwner | None:
    """Who else has ``project`` open right now, or None."""
    owner = read_owner(project)
    return owner if owner is not None and owner.is_alive() else None


class ProjectLock:
    """A lock this window holds; :meth:`release` removes it if it is still ours."""

    def __init__(self, project: Path, owner: LockOwner) -> None:
        self.project = project
        self.owner = owner
        _held.add(owner.token)

    @property
    def path(self) -> Path:
        return lock_path(self.project)

    def release(self) -> None:
        _held.discard(self.owner.token)
        current = read_owner(self.project)
        if current is not None and current.token == self.owner.token:
            with contextlib.suppress(OSError):
                self.path.unlink()


def acquire(project: Path) -> ProjectLock | None:
    """Lock ``project`` for this window. A stale lock is taken over; a live
    one is left alone (the caller asked the user first) and None is returned,
    as it is when no lock can be written."""
    owner = LockOwner(os.getpid(), this_host(), this_user(), datetime.now(UTC),
                      secrets.token_hex(8), process_started(os.getpid()) or "")
    content = json.dumps(owner.to_data(), indent=2).encode("utf-8")
    target = lock_path(project)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)
    except FileExistsError:
        if live_owner(project) is not None:
            return None
        return _take_over(project, owner, content)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()
        return None
    return ProjectLock(project, owner)


def _take_over(project: Path, owner: LockOwner, content: bytes) -> ProjectLock | None:
    target = lock_path(project)
    temp = target.with_name(f"{target.name}.{secrets.token_hex(6)}.new")
    try:
        temp.write_bytes(content)
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return None
    current = read_owner(project)
    if current is None or current.token != owner.token:
        return None  # another instance took it over at the same moment
    return ProjectLock(project, owner)
