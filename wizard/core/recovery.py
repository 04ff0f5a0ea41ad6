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

A recovery file damaged all the same (cut short by a full disk, a bad
sector, a hand edit) is still offered with what can be recovered: a file
cut short is closed where it ends, fields and list items that are not valid
are left out so that their defaults apply, and :attr:`Recovery.damage` says
what was lost. A file from which nothing can be recovered is listed by
:func:`scan_recoveries` with the reason, for the window to name it; it is
never deleted unasked. Files are read only when they are regular files of
at most :data:`MAX_RECOVERY_BYTES`.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from wizard.core.model import FORMAT_MARKER, FORMAT_VERSION, Project
from wizard.core.processes import process_alive, this_host
from wizard.core.project_file import (
    MAX_NESTING,
    MAX_PROJECT_BYTES,
    ProjectFileError,
    ProjectFileErrorKind,
    check_project_size,
    field_path,
    file_format_version,
    json_text_bytes,
    migrate_data,
    nested_deeper_than,
    project_from_bytes,
    project_from_data,
    project_to_bytes,
    write_atomically,
)
from wizard.core.safe_read import read_regular_file
from wizard.i18n import _

RECOVERY_MARKER = "sla-wizard-recovery"
RECOVERY_VERSION = 1
RECOVERY_SUFFIX = ".slarecovery"
SESSION_SUFFIX = ".session"
SESSION_GRACE_SECONDS = 60
MAX_RECOVERY_BYTES = MAX_PROJECT_BYTES + 1024 * 1024
"""A recovery file holds one project (never more than the largest project
file, :data:`~wizard.core.project_file.MAX_PROJECT_BYTES`, which autosave
refuses to exceed) and a few lines about it (its file's path, times, owner):
a MiB more than a project is room to spare."""
MAX_FIELDS_NAMED = 10
"""How many left-out fields a damage note names before it stops."""

Owner = tuple[str, int, str]
"""Who wrote a recovery file: session, process id, host."""


class RecoveryError(Exception):
    """Nothing can be recovered from a recovery file; the message says why
    and names the file. ``owner`` is who wrote it, when the file still says."""

    def __init__(self, message: str, owner: Owner | None = None) -> None:
        super().__init__(message)
        self.owner = owner


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
    damage: tuple[str, ...] = ()
    """What could not be recovered, as sentences for the user (the file was
    damaged); empty when everything was."""

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
    check_project_size(content, original or Path("recovery.slaproj"))
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


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class UnreadableRecovery:
    """A recovery file from which nothing could be recovered."""

    file: Path
    reason: str
    """Why, as a sentence naming the file."""


@dataclass(frozen=True)
class RecoveryScan:
    found: list[Recovery]
    """What can be offered, most recently edited first."""
    unreadable: list[UnreadableRecovery]
    """Files that hold nothing that can be recovered (left where they are)."""


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{},]', re.DOTALL)


def close_cut_json(text: str) -> Any:
    """The JSON value of ``text`` cut short at some point, closed after its
    last complete entry (``{"a": [1, 2, 3`` gives ``{"a": [1, 2]}``), or
    None when that does not make valid JSON either."""
    open_brackets: list[str] = []
    cut: tuple[int, tuple[str, ...]] | None = None
    for token in _JSON_TOKEN.finditer(text):
        kind = token.group()
        if kind in "[{":
            open_brackets.append(kind)
            cut = (token.end(), tuple(open_brackets))
        elif kind in "]}":
            if not open_brackets:
                return None
            open_brackets.pop()
            cut = (token.end(), tuple(open_brackets))
        elif kind == ",":
            cut = (token.start(), tuple(open_brackets))
    if cut is None:
        return None
    end, still_open = cut
    closing = "".join("]" if bracket == "[" else "}" for bracket in reversed(still_open))
    try:
        return json.loads(text[:end] + closing)
    except (ValueError, RecursionError):
        return None


def _owner(data: dict[str, Any]) -> Owner:
    session, pid, host = data.get("session"), data.get("pid"), data.get("host")
    return (session if isinstance(session, str) else "",
            pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
            host if isinstance(host, str) else "")


_DROPPED = object()
"""Stands in a list for an item left out, so that the others keep their places
(and the names the user is told)."""


def _without_dropped(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_dropped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_dropped(item) for item in value if item is not _DROPPED]
    return value


def _deepest_existing(work: Any, loc: Sequence[str | int]) -> list[str | int]:
    """Where in ``work`` (with its dropped items) the error at ``loc`` (a
    place in the data without them) is: as deep as the place exists."""
    path: list[str | int] = []
    node = work
    for key in loc:
        if isinstance(node, list) and isinstance(key, int):
            kept = [index for index, item in enumerate(node) if item is not _DROPPED]
            if not 0 <= key < len(kept):
                break
            path.append(kept[key])
            node = node[kept[key]]
        elif isinstance(node, dict) and isinstance(key, str) and key in node:
            path.append(key)
            node = node[key]
        else:
            break
    return path


def _leave_out(work: Any, path: list[str | int]) -> None:
    node = work
    for key in path[:-1]:
        node = node[key]
    key = path[-1]
    if isinstance(node, list) and isinstance(key, int):
        node[key] = _DROPPED
    elif isinstance(node, dict):
        del node[key]


def salvage_project(data: dict[str, Any], path: Path) -> tuple[Project, list[str]] | None:
    """A project from ``data`` with every field or list item that is not
    valid left out (so that its default applies), and the names of what was
    left out; None when nothing of the project is left (or it is in a newer
    format, or nested too deeply)."""
    if nested_deeper_than(data, MAX_NESTING):
        return None
    work: dict[str, Any] = copy.deepcopy(data)
    work["format"] = FORMAT_MARKER
    version = file_format_version(work)
    if version is None:
        work["format_version"] = FORMAT_VERSION
    elif version > FORMAT_VERSION:
        return None
    elif version < FORMAT_VERSION:
        try:
            work = migrate_data(work, path)
        except ProjectFileError:
            return None
    left_out: list[str] = []
    for _round in range(1000):
        try:
            project = Project.model_validate(_without_dropped(work))
        except ValidationError as exc:
            places = {tuple(_deepest_existing(work, error["loc"]))
                      for error in exc.errors(include_url=False)}
            if () in places:
                return None  # the project as a whole is at fault
            for place in sorted(places, key=len):
                if any(place[:n] in places for n in range(1, len(place))):
                    continue  # a part of something left out as a whole
                _leave_out(work, list(place))
                left_out.append(field_path(place))
        except RecursionError:
            return None
        else:
            known = set(Project.model_fields) - {"format", "format_version"}
            if not known & set(work):
                return None
            return project, left_out
    return None


def _not_json(file: Path, owner: Owner | None = None) -> RecoveryError:
    return RecoveryError(
        _('"{file}" holds no unsaved work that can be recovered: its content is not valid '
          "JSON.").format(file=file.name), owner)


def _newer(file: Path, owner: Owner) -> RecoveryError:
    return RecoveryError(
        _('"{file}" was written by a newer version of SLA Wizard: recover the work in it '
          "with that version.").format(file=file.name), owner)


def recovery_from_bytes(raw: bytes, file: Path, modified: datetime | None = None) -> Recovery:
    """Read the content of a recovery file, recovering what a damaged one
    still holds (see the module notes; :attr:`Recovery.damage` says what
    was lost). ``modified`` is when the file was last written, for a file
    whose own times are damaged. Raises :class:`RecoveryError` when nothing
    can be recovered."""
    damage: list[str] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        damage.append(_("Some characters could not be read and are shown as \ufffd."))
    try:
        data = json.loads(text)
    except RecursionError:
        raise _not_json(file) from None
    except ValueError:
        data = close_cut_json(text)
        if data is None:
            raise _not_json(file) from None
        damage.append(_("The file was cut short: whatever came after the last complete entry "
                        "is lost."))
    if not isinstance(data, dict) or data.get("format") != RECOVERY_MARKER:
        raise RecoveryError(_('"{file}" is not a file of unsaved work from SLA Wizard.').format(
            file=file.name))
    owner = _owner(data)
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) \
            and version != RECOVERY_VERSION:
        raise _newer(file, owner)

    original_text = data.get("original_path")
    original = Path(original_text) if isinstance(original_text, str) and original_text \
        else None
    if original is None and original_text is not None:
        damage.append(_("The name of the project's file could not be read: save the work "
                        "under a name of your choice."))
    saved_at = _moment(data.get("saved_at")) or modified or datetime.now(UTC)
    edited_at = _moment(data.get("edited_at")) or saved_at

    project_data = data.get("project")
    no_project = RecoveryError(_('"{file}" holds no project that can be recovered.').format(
        file=file.name), owner)
    if not isinstance(project_data, dict):
        raise no_project
    try:
        project = project_from_data(copy.deepcopy(project_data), original or file)
    except ProjectFileError as exc:
        if exc.kind is ProjectFileErrorKind.NEWER_VERSION:
            raise _newer(file, owner) from None
        salvaged = salvage_project(project_data, original or file)
        if salvaged is None:
            raise no_project from None
        project, left_out = salvaged
        if left_out:
            named = ", ".join(left_out[:MAX_FIELDS_NAMED])
            if len(left_out) > MAX_FIELDS_NAMED:
                named += ", …"
            damage.append(_("These parts could not be read and were left out or set back to "
                            "their defaults: {fields}.").format(fields=named))
    return Recovery(file, project, original, edited_at, saved_at, owner[0], owner[1],
                    owner[2], tuple(damage))


def read_recovery(file: Path) -> Recovery:
    """Read a recovery file (see :func:`recovery_from_bytes`)."""
    try:
        raw = read_regular_file(file, MAX_RECOVERY_BYTES, _("The file of unsaved work"))
        modified = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    except OSError as exc:
        raise RecoveryError(_('"{file}" cannot be opened: {reason}.').format(
            file=file.name, reason=exc.strerror or exc)) from None
    return recovery_from_bytes(raw, file, modified)


def scan_recoveries(folder: Path) -> RecoveryScan:
    """The recovery files in ``folder`` whose program is no longer running:
    those with work to offer, most recently edited first, and those from
    which nothing can be recovered (left alone: the user decides). Session
    files of ended programs with nothing left to recover are removed."""
    try:
        files = sorted(folder.glob(f"*{RECOVERY_SUFFIX}"))
    except OSError:
        return RecoveryScan([], [])
    found: list[Recovery] = []
    unreadable: list[UnreadableRecovery] = []
    sessions_in_use: set[str] = set()
    for file in files:
        try:
            recovery = read_recovery(file)
        except RecoveryError as exc:
            if exc.owner is not None:
                sessions_in_use.add(exc.owner[0])
                if session_alive(folder, *exc.owner):
                    continue  # a running program's (a newer version's, say)
            unreadable.append(UnreadableRecovery(file, str(exc)))
            continue
        sessions_in_use.add(recovery.session)
        if not session_alive(folder, recovery.session, recovery.pid, recovery.host):
            found.append(recovery)
    _remove_ended_sessions(folder, sessions_in_use)
    found.sort(key=lambda r: r.edited_at, reverse=True)
    return RecoveryScan(found, unreadable)


def list_recoveries(folder: Path) -> list[Recovery]:
    """The work :func:`scan_recoveries` finds to offer."""
    return scan_recoveries(folder).found


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
