"""Reading and writing ``.slaproj`` files.

Loading turns every way a file can be wrong into one :class:`ProjectFileError`
whose message names the file and, where there is one, the field. A file in an
older project format is converted on load by the steps in :data:`MIGRATIONS`.

Saving is atomic: the new content goes to a temporary file in the same folder,
is flushed to disk, then renamed over the old file, so that a crash leaves
either the old project or the new one, never half of one. Before the old file
is replaced:

* a file that is read-only, or that a newer version of the program has
  written (a higher ``format_version``), is refused and left untouched;
* a file in an older format is copied to ``NAME.slaproj.vN.bak`` once (the
  original as the user had it before conversion); the save is refused if that
  copy cannot be made;
* the previous version is copied to ``NAME.slaproj.bak``. If that copy cannot
  be made the project is still saved (the save itself is atomic, so nothing is
  lost) and :attr:`SaveResult.backup_error` says why, for the window to tell
  the user.

Saving to a symbolic link writes the file it points to (atomically, beside
that file: the backups go there too) and leaves the link as it is.

Temporary files carry the writer's process id; those left behind by a process
that was killed are removed at the next save of the same file.

A project file is read only when it is a regular file (never a device, a
pipe, a folder: see :mod:`wizard.core.safe_read`) of at most
:data:`MAX_PROJECT_BYTES`, and only when its JSON is nested at most
:data:`MAX_NESTING` deep; a project that would be larger is not saved.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from wizard.core.migrations import MIGRATIONS as FORMAT_STEPS
from wizard.core.migrations import Migration
from wizard.core.model import FORMAT_MARKER, FORMAT_VERSION, Project
from wizard.core.processes import process_alive
from wizard.core.safe_read import FileReadError, ReadProblem, read_regular_file, size_text
from wizard.i18n import _

PROJECT_SUFFIX = ".slaproj"
BACKUP_SUFFIX = ".bak"
STALE_TEMP_SECONDS = 3600
"""A temporary file whose writer cannot be identified is removed after this long."""

MAX_PROJECT_BYTES = 16 * 1024 * 1024
"""The largest project file read or written. The benchmarks' large project
(10 services, 80 service levels, 20 contacts) is 50 KB; with the largest logo
the appearance step accepts (1 MiB, 1.4 MB in base64) it is 1.45 MB. 16 MB
leaves ten times that, room for a logo a hand edit made too large (it still
loads, so that the checks can say so), while a file of gigabytes is refused
before it is read."""

MAX_NESTING = 64
"""How deeply a project's JSON may nest. The format nests five levels deep
(``schedule.coverage[0].days[0]``); keys a newer version adds may add a few.
Deeper data is refused on load, long before ``json`` or the copies the window
makes of a project would run out of stack."""


class ProjectFileErrorKind(StrEnum):
    UNREADABLE = "unreadable"
    NOT_A_PROJECT = "not_a_project"
    NEWER_VERSION = "newer_version"
    INVALID_FIELD = "invalid_field"
    WRITE_FAILED = "write_failed"
    READ_ONLY = "read_only"


class ProjectFileError(Exception):
    """A project file could not be read or written; the message says why."""

    def __init__(
        self,
        kind: ProjectFileErrorKind,
        path: Path,
        message: str,
        field: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


def field_path(loc: Sequence[str | int]) -> str:
    """``("metrics", 2, "target")`` → ``metrics[3].target`` (items counted from 1,
    as a person counts them)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def _describe(error: ErrorDetails) -> str:
    """A short, plain description of one validation error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return _("is missing")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("must be a whole number")
    if kind in ("bool_type", "bool_parsing"):
        return _("must be true or false")
    if kind in ("string_type",):
        return _("must be text")
    if kind in ("list_type",):
        return _("must be a list")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("must be an object with named fields")
    if kind == "greater_than_equal":
        return _("must be at least {limit}").format(limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return _("must be at most {limit}").format(limit=ctx.get("le"))
    if kind == "enum":
        return _("must be one of: {choices}").format(choices=ctx.get("expected", ""))
    if kind.startswith("date_"):
        return _("must be a date written YYYY-MM-DD")
    if kind == "string_pattern_mismatch":
        return _("has the wrong form (expected a code such as \"EUR\")")
    if kind == "decimal_text":
        return _("must be a number written as text, such as \"99.95\"")
    if kind == "decimal_range":
        return _("must be a number with at most {digits} digits before the decimal point and "
                 "{places} after it").format(digits=ctx.get("digits"), places=ctx.get("places"))
    if kind == "clock_time":
        return _("must be a time of day written HH:MM (00:00 to 24:00)")
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "…"
    return _("has an unusable value {value}").format(value=shown)




def _validation_error(path: Path, exc: ValidationError, saving: bool) -> ProjectFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = field_path(first["loc"])
    if saving:
        message = _('"{file}" was not saved: the field {field} {problem}. The file has not '
                    "been changed.").format(file=path.name, field=where,
                                            problem=_describe(first))
    else:
        message = _('"{file}" cannot be opened: the field {field} {problem}.').format(
            file=path.name, field=where, problem=_describe(first)
        )
    if len(errors) > 1:
        message += " " + _("({count} more problems follow it.)").format(count=len(errors) - 1)
    return ProjectFileError(ProjectFileErrorKind.INVALID_FIELD, path, message, where)


# --------------------------------------------------------------------------- migrations

MIGRATIONS: dict[int, Migration] = dict(FORMAT_STEPS)
"""``MIGRATIONS[n]`` turns the data of a format-``n`` file into format ``n + 1``
(it may change the dict it is given and return it). Loading applies the steps
one after another up to :data:`FORMAT_VERSION`; a version with no step is
refused. The steps live in :mod:`wizard.core.migrations` (tests register a
synthetic format 0 here)."""


def _version_error(path: Path) -> ProjectFileError:
    return ProjectFileError(
        ProjectFileErrorKind.INVALID_FIELD,
        path,
        _('"{file}" cannot be opened: the field format_version must be a whole number '
          "such as 1.").format(file=path.name),
        "format_version",
    )


def _newer_error(path: Path, version: int) -> ProjectFileError:
    return ProjectFileError(
        ProjectFileErrorKind.NEWER_VERSION,
        path,
        _('"{file}" was saved by a newer version of SLA Wizard (project format {found}; '
          "this version reads format {supported}). Update SLA Wizard to open it; "
          "the file has not been changed.").format(
            file=path.name, found=version, supported=FORMAT_VERSION
        ),
        "format_version",
    )


def file_format_version(data: Any) -> int | None:
    """The ``format_version`` of parsed project data, or None when ``data`` is
    not a project or the version is not a whole number."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_MARKER:
        return None
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return None
    return version


def migrate_data(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """``data`` (a project in an older format) converted to the current format."""
    version = file_format_version(data)
    if version is None:
        raise _version_error(path)
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectFileError(
                ProjectFileErrorKind.INVALID_FIELD,
                path,
                _('"{file}" cannot be opened: the field format_version is {found}, an old '
                  "project format this version of SLA Wizard cannot convert.").format(
                    file=path.name, found=version),
                "format_version",
            )
        try:
            converted = step(data)
        except Exception:
            converted = None
        if not isinstance(converted, dict):
            raise ProjectFileError(
                ProjectFileErrorKind.INVALID_FIELD,
                path,
                _('"{file}" cannot be opened: it is in the old project format {found} and '
                  "could not be converted. The file has not been changed.").format(
                    file=path.name, found=version),
                "format_version",
            )
        version += 1
        data = converted
        data["format"] = FORMAT_MARKER
        data["format_version"] = version
    return data


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadedProject:
    """A project as read from a file, with the format the file was in."""

    project: Project
    format_version: int

    @property
    def migrated(self) -> bool:
        return self.format_version < FORMAT_VERSION


def _nested_error(path: Path) -> ProjectFileError:
    return ProjectFileError(
        ProjectFileErrorKind.UNREADABLE,
        path,
        _('"{file}" cannot be opened: its content is nested too deeply (more than {limit} '
          "levels) to be an SLA Wizard project.").format(file=path.name, limit=MAX_NESTING),
    )


def nested_deeper_than(data: Any, limit: int) -> bool:
    """Whether parsed JSON ``data`` nests lists and objects more than ``limit``
    deep (counted without recursion, so any depth is safe to ask about)."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children
                       if isinstance(child, (dict, list)))
    return False


def _loaded_from_data(data: Any, path: Path, saving: bool = False) -> LoadedProject:
    if isinstance(data, (dict, list)) and nested_deeper_than(data, MAX_NESTING):
        raise _nested_error(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT_MARKER:
        raise ProjectFileError(
            ProjectFileErrorKind.NOT_A_PROJECT,
            path,
            _('"{file}" is not an SLA Wizard project file.').format(file=path.name),
        )
    version = file_format_version(data)
    if version is None:
        raise _version_error(path)
    if version > FORMAT_VERSION:
        raise _newer_error(path, version)
    if version < FORMAT_VERSION:
        data = migrate_data(data, path)
    try:
        return LoadedProject(Project.model_validate(data), version)
    except ValidationError as exc:
        raise _validation_error(path, exc, saving) from None
    except RecursionError:
        raise ProjectFileError(
            ProjectFileErrorKind.NOT_A_PROJECT,
            path,
            _('"{file}" is not an SLA Wizard project file.').format(file=path.name),
        ) from None


def project_from_data(data: Any, path: Path) -> Project:
    """Validate already-parsed JSON data as a project (converting an older format)."""
    return _loaded_from_data(data, path).project


def _parse_json(raw: bytes, path: Path) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            path,
            _('"{file}" cannot be opened: it is not a text file in UTF-8, so it cannot be '
              "an SLA Wizard project.").format(file=path.name),
        ) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise _nested_error(path) from None
    except ValueError as exc:
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = " " + _("(line {line}, column {column})").format(
                line=exc.lineno, column=exc.colno
            )
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            path,
            _('"{file}" cannot be opened: it is damaged or is not a project file '
              "(its content is not valid JSON{where}).").format(file=path.name, where=where),
        ) from None


def loaded_from_bytes(raw: bytes, path: Path) -> LoadedProject:
    """Parse and validate the bytes of a project file named ``path``."""
    return _loaded_from_data(_parse_json(raw, path), path)


def project_from_bytes(raw: bytes, path: Path) -> Project:
    """Parse and validate the bytes of a project file named ``path``."""
    return loaded_from_bytes(raw, path).project


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_project(path: str | os.PathLike[str]) -> LoadedProject:
    """Read a project file and say which format it was in; raise
    :class:`ProjectFileError` for any problem."""
    file = Path(path)
    try:
        raw = read_regular_file(file, MAX_PROJECT_BYTES, _("The project file"))
    except FileReadError as exc:
        if exc.problem is ReadProblem.FOLDER:
            raise ProjectFileError(
                ProjectFileErrorKind.UNREADABLE,
                file,
                _('"{file}" cannot be opened: it is a folder, not a project file.').format(
                    file=file.name),
            ) from None
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            file,
            _('"{file}" cannot be opened: {reason}.').format(file=file.name,
                                                           reason=exc.strerror),
        ) from None
    except FileNotFoundError:
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            file,
            _('"{file}" cannot be opened: there is no such file.').format(file=file.name),
        ) from None
    except IsADirectoryError:
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            file,
            _('"{file}" cannot be opened: it is a folder, not a project file.').format(
                file=file.name
            ),
        ) from None
    except OSError as exc:
        raise ProjectFileError(
            ProjectFileErrorKind.UNREADABLE,
            file,
            _('"{file}" cannot be opened: {reason}.').format(
                file=file.name, reason=exc.strerror or exc
            ),
        ) from None
    return loaded_from_bytes(raw, file)


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file; raise :class:`ProjectFileError` for any problem."""
    return read_project(path).project


# --------------------------------------------------------------------------- saving


def _json_value(value: Any) -> Any:
    """What ``json`` cannot write itself: decimals as plain digits (never
    ``1E-7``, which the format does not allow), dates as ISO text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be saved in a project file")


def project_to_bytes(project: Project) -> bytes:
    """The file content for ``project``: indented UTF-8 JSON with a final newline."""
    text = json.dumps(project.model_dump(mode="python"), indent=2, ensure_ascii=False,
                      default=_json_value)
    return json_text_bytes(text)


def json_text_bytes(text: str) -> bytes:
    """JSON text as UTF-8 with a final newline. A lone surrogate (which a file
    may hold as ``"\\ud800"``, though UTF-8 cannot) is written back as that
    escape rather than making the save fail."""
    return (text + "\n").encode("utf-8", errors="backslashreplace")


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.slaproj.bak``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def original_backup_path(path: Path, version: int) -> Path:
    """Where a file in the older format ``version`` is kept before it is first
    overwritten in the current format: ``NAME.slaproj.v0.bak``."""
    return path.with_name(f"{path.name}.v{version}{BACKUP_SUFFIX}")


@dataclass(frozen=True)
class SaveResult:
    path: Path
    """The file written (the target, when the name saved to is a symbolic link)."""
    backup: Path | None = None
    """The copy of the previous version, when there was one and it was made."""
    backup_error: str = ""
    """Why no copy of the previous version could be made (the save succeeded)."""
    original: Path | None = None
    """The copy of an older-format file kept before it was converted."""


def is_read_only(path: Path) -> bool:
    """True when ``path`` exists and this user may not change it (on Windows:
    the file has the read-only mark). An administrator may change anything,
    so for them only a failed write says "read-only"."""
    return path.exists() and not os.access(path, os.W_OK)


def _on_read_only_drive(path: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def link_target(path: Path) -> Path:
    """The file that writing ``path`` should change: ``path`` itself, or when
    it is a symbolic link, the file the link leads to (through any chain of
    links; it need not exist yet)."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def check_project_size(content: bytes, path: Path) -> None:
    """Refuse to write a project larger than :data:`MAX_PROJECT_BYTES`: it
    could not be opened again."""
    if len(content) > MAX_PROJECT_BYTES:
        # the project itself is at fault: saving it elsewhere would not help
        raise ProjectFileError(
            ProjectFileErrorKind.INVALID_FIELD, path,
            _('"{file}" was not saved: the project would be larger than {size}, the largest '
              "project SLA Wizard opens. The file has not been changed.").format(
                file=path.name, size=size_text(MAX_PROJECT_BYTES)))


def save_project(
    project: Project,
    path: str | os.PathLike[str],
    *,
    backup: bool = True,
) -> SaveResult:
    """Write ``project`` to ``path`` atomically (see the module notes for the
    checks and copies made first). The content is validated first, so that a
    file that could not be opened again is never written. A symbolic link at
    ``path`` stays: the file it points to is written, and
    :attr:`SaveResult.path` names that file. Raises :class:`ProjectFileError`;
    the file on disk is then unchanged."""
    file = link_target(Path(path))
    content = project_to_bytes(project)
    check_project_size(content, file)
    _loaded_from_data(_parse_json(content, file), file, saving=True)

    old: bytes | None = None
    old_mode: int | None = None
    backup_error = ""
    original: Path | None = None
    if file.is_file():
        if _on_read_only_drive(file):
            raise ProjectFileError(
                ProjectFileErrorKind.READ_ONLY, file,
                _('"{file}" could not be saved: the drive holding "{folder}" is '
                  "read-only.").format(file=file.name, folder=file.parent)
                + " " + _("The previous version of the file is unchanged."))
        if is_read_only(file):
            raise ProjectFileError(
                ProjectFileErrorKind.READ_ONLY, file,
                _('"{file}" was not saved: the file is read-only. It has not been '
                  "changed.").format(file=file.name))
        try:
            old = read_regular_file(file, MAX_PROJECT_BYTES, _("The project file"))
            old_mode = file.stat().st_mode & 0o777
        except OSError as exc:
            old = None
            backup_error = exc.strerror or str(exc)
    if old is not None:
        original = _refuse_or_keep_older_format(file, old, old_mode)
    made: Path | None = None
    if backup and old is not None:
        try:
            write_atomically(backup_path(file), old, mode=old_mode)
            made = backup_path(file)
        except ProjectFileError as exc:
            backup_error = str(exc)
    remove_stale_temp_files(file)
    remove_stale_temp_files(backup_path(file))
    write_atomically(file, content)
    return SaveResult(file, made, backup_error, original)


def _refuse_or_keep_older_format(file: Path, old: bytes, mode: int | None) -> Path | None:
    """Refuse to overwrite a file written in a newer format; keep a copy of a
    file in an older format (once). Anything else on disk is left to the
    ordinary backup."""
    try:
        version = file_format_version(json.loads(old.decode("utf-8-sig")))
    except (ValueError, RecursionError):
        return None
    if version is None or version == FORMAT_VERSION:
        return None
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            ProjectFileErrorKind.NEWER_VERSION, file,
            _('"{file}" was not saved: the file on disk is now in project format {found}, '
              "written by a newer version of SLA Wizard. It has not been overwritten, so "
              "that nothing the newer version wrote is lost.").format(
                file=file.name, found=version),
            "format_version")
    copy = original_backup_path(file, version)
    counter = 1
    while copy.exists():
        with contextlib.suppress(OSError):
            if read_regular_file(copy, MAX_PROJECT_BYTES, _("The project file")) == old:
                return copy
        counter += 1
        copy = file.with_name(f"{file.name}.v{version}-{counter}{BACKUP_SUFFIX}")
    try:
        write_atomically(copy, old, mode=mode)
    except ProjectFileError as exc:
        raise ProjectFileError(
            exc.kind, file,
            _('"{file}" was not saved: it is in the older project format {found}, and a '
              "copy of it as it was could not be kept ({reason}). It has not been "
              "changed.").format(file=file.name, found=version, reason=exc)) from None
    return copy


# --------------------------------------------------------------------------- atomic writes


def _temp_name(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}.tmp"


_TEMP_MIDDLE = re.compile(r"(?:(\d+)-)?[0-9a-f]{12}")


def temp_files(path: Path) -> list[Path]:
    """The temporary files of saves of ``path`` in its folder (in progress, or
    left behind by a process that was killed)."""
    prefix, suffix = f".{path.name}.", ".tmp"
    try:
        with os.scandir(path.parent) as entries:
            return sorted(path.parent / e.name for e in entries
                          if e.name.startswith(prefix) and e.name.endswith(suffix)
                          and _TEMP_MIDDLE.fullmatch(e.name[len(prefix):-len(suffix)]))
    except OSError:
        return []


def _temp_writer(temp: Path, path: Path) -> int | None:
    match = _TEMP_MIDDLE.fullmatch(temp.name[len(path.name) + 2:-len(".tmp")])
    return int(match.group(1)) if match and match.group(1) else None


def remove_stale_temp_files(path: Path) -> int:
    """Remove temporary files of ``path`` whose writer is no longer running
    (or that are over an hour old); returns how many were removed."""
    removed = 0
    now = time.time()
    for temp in temp_files(path):
        pid = _temp_writer(temp, path)
        try:
            stale = (pid is not None and pid != os.getpid() and not process_alive(pid)) or (
                now - temp.stat().st_mtime > STALE_TEMP_SECONDS)
            if stale:
                temp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def write_atomically(path: Path, content: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``content`` so that a crash at any moment leaves
    either the old file or the new one on disk. ``mode`` gives the new file's
    permissions; otherwise a replaced file keeps its own and a new file gets
    the usual ones (the umask applies)."""
    folder = path.parent
    temp = _temp_name(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666 if mode is None else mode)
    except OSError as exc:
        raise _write_error(path, exc, creating=True) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temp, path.stat().st_mode & 0o777)
        _replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _write_error(path, exc, creating=False) from None
    _fsync_folder(folder)


def _replace(temp: Path, path: Path) -> None:
    """``os.replace``; on Windows a virus scanner or a sync client holding the
    file for a moment makes it fail, so it is tried a few times."""
    attempts = 10 if sys.platform == "win32" else 1
    for attempt in range(attempts):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: renames are durable without it
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


def _write_error(path: Path, exc: OSError, creating: bool) -> ProjectFileError:
    reason = exc.strerror or str(exc)
    exists = path.exists()
    unchanged = " " + _("The previous version of the file is unchanged.") if exists else ""
    if exc.errno in _NOT_ALLOWED:
        if exists and is_read_only(path):
            message = _('"{file}" could not be saved: the file is read-only.').format(
                file=path.name)
        elif exc.errno == errno.EROFS:
            message = _('"{file}" could not be saved: the drive holding "{folder}" is '
                        "read-only.").format(file=path.name, folder=path.parent)
        elif creating:
            message = _('"{file}" could not be saved: the folder "{folder}" is read-only, '
                        "or you are not allowed to write in it.").format(
                file=path.name, folder=path.parent)
        else:
            message = _('"{file}" could not be saved: you are not allowed to change it, or '
                        "another program (a sync client, a virus scanner) is using "
                        "it.").format(file=path.name)
        return ProjectFileError(ProjectFileErrorKind.READ_ONLY, path, message + unchanged)
    if exc.errno in _NO_SPACE:
        message = _('"{file}" could not be saved: the disk is full ({reason}).').format(
            file=path.name, reason=reason)
    elif not path.parent.is_dir():
        return ProjectFileError(
            ProjectFileErrorKind.WRITE_FAILED, path,
            _('"{file}" could not be saved: the folder "{folder}" does not exist.').format(
                file=path.name, folder=path.parent))
    elif exists:
        message = _('"{file}" could not be saved: {reason}.').format(
            file=path.name, reason=reason)
    else:
        message = _('"{file}" could not be saved in "{folder}": {reason}.').format(
            file=path.name, folder=path.parent, reason=reason)
    return ProjectFileError(ProjectFileErrorKind.WRITE_FAILED, path, message + unchanged)
