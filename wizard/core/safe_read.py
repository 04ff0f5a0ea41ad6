"""Reading a file that may be anything: only a regular file, and only up to a
stated size.

A name in a folder can be a symbolic link to ``/dev/zero`` (a zip unpacks
one happily), a named pipe that blocks whoever opens it until someone
writes, or a sparse file of gigabytes. :func:`read_regular_file` opens the
name without waiting (``O_NONBLOCK``, so a pipe never blocks), asks the
*opened* descriptor what it is (``fstat``: no window between a check and the
open for the name to change), refuses anything but a regular file, and reads
at most ``limit`` bytes: a file that is (or grows) larger is refused, never
read whole.

The errors say what is wrong in the interface language and name the file:
``str(error)`` is a whole sentence, ``error.strerror`` the reason alone (like
an operating system error's "Permission denied"), to fit messages that say
which file could not be read themselves.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import StrEnum
from pathlib import Path

from wizard.i18n import _

_CHUNK = 256 * 1024
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))


class ReadProblem(StrEnum):
    FOLDER = "folder"
    NOT_REGULAR = "not_regular"
    """A device, a named pipe (FIFO), a socket."""
    TOO_LARGE = "too_large"


def size_text(size: int) -> str:
    """A limit as a person reads it: ``16 MB``, ``4 KB`` (whole units of 1024)."""
    if size >= 1024 * 1024 and size % (1024 * 1024) == 0:
        return _("{count} MB").format(count=size // (1024 * 1024))
    if size >= 1024 and size % 1024 == 0:
        return _("{count} KB").format(count=size // 1024)
    return _("{count} bytes").format(count=size)


class FileReadError(OSError):
    """A file was not read because of what it is (see :class:`ReadProblem`).

    An :class:`OSError`, so that code catching the operating system's errors
    for a file catches these too."""

    def __init__(self, problem: ReadProblem, path: Path, what: str, limit: int) -> None:
        if problem is ReadProblem.FOLDER:
            reason = _("it is a folder, not a file")
            code = errno.EISDIR
        elif problem is ReadProblem.NOT_REGULAR:
            reason = _("it is not a regular file but a device, a pipe or a socket")
            code = errno.EINVAL
        else:
            reason = _("it is larger than {size}, the most SLA Wizard reads from such a "
                       "file").format(size=size_text(limit))
            code = errno.EFBIG
        super().__init__(code, reason, str(path))
        self.problem = problem
        self.path = path
        self.limit = limit
        self.message = _('{what} "{file}" cannot be read: {reason}.').format(
            what=what, file=path.name, reason=reason)

    def __str__(self) -> str:
        return self.message


def read_regular_file(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The content of ``path`` when it is a regular file (or a link to one) of
    at most ``limit`` bytes.

    ``what`` names the kind of file for the message, as the start of a
    sentence: ``_("The Word template")``. Raises :class:`FileReadError` for a
    folder, a device, a pipe, a socket or a file larger than ``limit``, and
    the operating system's :class:`OSError` otherwise (``FileNotFoundError``,
    ``PermissionError`` …)."""
    file = Path(path)
    try:
        fd = os.open(file, _OPEN_FLAGS)
    except IsADirectoryError:
        raise FileReadError(ReadProblem.FOLDER, file, what, limit) from None
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.ENODEV):  # a socket, a device without a driver
            raise FileReadError(ReadProblem.NOT_REGULAR, file, what, limit) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(ReadProblem.FOLDER, file, what, limit)
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(ReadProblem.NOT_REGULAR, file, what, limit)
        if info.st_size > limit:
            raise FileReadError(ReadProblem.TOO_LARGE, file, what, limit)
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)  # a regular file: reads wait for a slow disk as usual
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # a file may grow, or say it is empty (/proc): read one more
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileReadError(ReadProblem.TOO_LARGE, file, what, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
