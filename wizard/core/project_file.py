"""Reading and writing ``.slaproj`` files.

Loading turns every way a file can be wrong into one :class:`ProjectFileError`
whose message names the file and, where there is one, the field. Saving is
atomic: the new content goes to a temporary file in the same folder, is
flushed to disk, then renamed over the old file, so that a crash leaves either
the old project or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from wizard.core.model import FORMAT_MARKER, FORMAT_VERSION, Project
from wizard.i18n import _

PROJECT_SUFFIX = ".slaproj"


class ProjectFileErrorKind(StrEnum):
    UNREADABLE = "unreadable"
    NOT_A_PROJECT = "not_a_project"
    NEWER_VERSION = "newer_version"
    INVALID_FIELD = "invalid_field"
    WRITE_FAILED = "write_failed"


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
    if kind == "clock_time":
        return _("must be a time of day written HH:MM (00:00 to 24:00)")
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "…"
    return _("has an unusable value {value}").format(value=shown)


def _validation_error(path: Path, exc: ValidationError) -> ProjectFileError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = field_path(first["loc"])
    message = _('"{file}" cannot be opened: the field {field} {problem}.').format(
        file=path.name, field=where, problem=_describe(first)
    )
    if len(errors) > 1:
        message += " " + _("({count} more problems follow it.)").format(count=len(errors) - 1)
    return ProjectFileError(ProjectFileErrorKind.INVALID_FIELD, path, message, where)


def project_from_data(data: Any, path: Path) -> Project:
    """Validate already-parsed JSON data as a project."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_MARKER:
        raise ProjectFileError(
            ProjectFileErrorKind.NOT_A_PROJECT,
            path,
            _('"{file}" is not an SLA Wizard project file.').format(file=path.name),
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(
            ProjectFileErrorKind.INVALID_FIELD,
            path,
            _('"{file}" cannot be opened: the field format_version must be a whole number '
              "such as 1.").format(file=path.name),
            "format_version",
        )
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            ProjectFileErrorKind.NEWER_VERSION,
            path,
            _('"{file}" was saved by a newer version of SLA Wizard (project format {found}; '
              "this version reads format {supported}). Update SLA Wizard to open it; "
              "the file has not been changed.").format(
                file=path.name, found=version, supported=FORMAT_VERSION
            ),
            "format_version",
        )
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(path, exc) from None
    except RecursionError:
        raise ProjectFileError(
            ProjectFileErrorKind.NOT_A_PROJECT,
            path,
            _('"{file}" is not an SLA Wizard project file.').format(file=path.name),
        ) from None


def project_from_bytes(raw: bytes, path: Path) -> Project:
    """Parse and validate the bytes of a project file named ``path``."""
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
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
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
    return project_from_data(data, path)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read a project file; raise :class:`ProjectFileError` for any problem."""
    file = Path(path)
    try:
        raw = file.read_bytes()
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
    return project_from_bytes(raw, file)


def project_to_bytes(project: Project) -> bytes:
    """The file content for ``project``: indented UTF-8 JSON with a final newline."""
    text = json.dumps(project.to_data(), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write ``project`` to ``path`` atomically. The content is validated
    first, so that a file that could not be opened again is never written."""
    file = Path(path)
    content = project_to_bytes(project)
    project_from_bytes(content, file)
    write_atomically(file, content)


def write_atomically(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so that a crash at any moment leaves
    either the old file or the new one on disk. A new file gets the usual
    permissions (the umask applies); a replaced file keeps its own."""
    folder = path.parent
    temp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _write_error(path, exc) from None
    _fsync_folder(folder)


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


def _write_error(path: Path, exc: OSError) -> ProjectFileError:
    reason = exc.strerror or str(exc)
    if path.exists():
        message = _('"{file}" could not be saved: {reason}. The previous version of the file is '
                    "unchanged.").format(file=path.name, reason=reason)
    elif not path.parent.is_dir():
        message = _('"{file}" could not be saved: the folder "{folder}" does not exist.').format(
            file=path.name, folder=path.parent)
    else:
        message = _('"{file}" could not be saved in "{folder}": {reason}.').format(
            file=path.name, folder=path.parent, reason=reason)
    return ProjectFileError(ProjectFileErrorKind.WRITE_FAILED, path, message)
