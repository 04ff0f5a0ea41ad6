"""A PDF beside the Word contract, made by LibreOffice.

LibreOffice is found on the PATH, then in its usual install folders on
Windows and macOS (``SLA_WIZARD_SOFFICE`` names another one). It converts a
copy of the contract in a private temporary folder with a private user
profile, so that a LibreOffice the user has open neither takes the job over
nor locks it out, and no lock file appears beside the user's files. The PDF is
then written beside the contract atomically: a failed, timed-out or cancelled
conversion leaves any earlier PDF as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from wizard.core.project_file import ProjectFileError, write_atomically
from wizard.i18n import _

SOFFICE_ENV = "SLA_WIZARD_SOFFICE"
"""The LibreOffice program to use instead of searching for one."""

DEFAULT_TIMEOUT = 180.0
"""Seconds a conversion may take (the first one also creates a profile)."""

DOWNLOAD_URL = "https://www.libreoffice.org/download/"

_POLL = 0.1
_SOURCE_NAME = "contract.docx"


class PdfErrorKind(Enum):
    NOT_INSTALLED = "not-installed"
    TIMED_OUT = "timed-out"
    FAILED = "failed"
    NOT_WRITABLE = "not-writable"
    CANCELLED = "cancelled"


class PdfExportError(Exception):
    """No PDF was written; the message says why, in the user's language."""

    def __init__(self, kind: PdfErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def pdf_path(docx: Path) -> Path:
    """Where the PDF of ``docx`` goes: beside it, same name, ``.pdf``."""
    return docx.with_suffix(".pdf")


def usual_locations(platform: str = sys.platform,
                    environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where LibreOffice's installer puts the program on ``platform``."""
    env = os.environ if environ is None else environ
    if platform == "win32":
        folders = [env.get("PROGRAMFILES") or r"C:\Program Files",
                   env.get("PROGRAMW6432") or r"C:\Program Files",
                   env.get("PROGRAMFILES(X86)") or r"C:\Program Files (x86)"]
        unique = list(dict.fromkeys(folders))
        return [Path(folder) / "LibreOffice" / "program" / "soffice.exe" for folder in unique]
    if platform == "darwin":
        bundle = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        places = [Path("/Applications") / bundle]
        home = env.get("HOME")
        if home:
            places.append(Path(home) / "Applications" / bundle)
        return places
    return []


def find_libreoffice(environ: Mapping[str, str] | None = None,
                     platform: str = sys.platform) -> Path | None:
    """The LibreOffice program, or None when it is not installed.

    ``SLA_WIZARD_SOFFICE``, when set, is the only place looked at (a path, or a
    name on the PATH); otherwise ``soffice`` and ``libreoffice`` on the PATH,
    then :func:`usual_locations`."""
    env = os.environ if environ is None else environ
    search = env.get("PATH", os.defpath)
    override = env.get(SOFFICE_ENV, "").strip()
    if override:
        found = shutil.which(override, path=search)
        return Path(found) if found else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=search)
        if found:
            return Path(found)
    for candidate in usual_locations(platform, env):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def install_hint(platform: str = sys.platform) -> str:
    """How to get LibreOffice on ``platform``."""
    if platform in ("win32", "darwin"):
        return _("Install LibreOffice, free from {url}.").format(url=DOWNLOAD_URL)
    return _("Install LibreOffice from your distribution's packages (such as "
             "libreoffice-writer) or from {url}.").format(url=DOWNLOAD_URL)


def not_installed_message(platform: str = sys.platform) -> str:
    return _("LibreOffice is needed to save a PDF and was not found.") + " " + install_hint(
        platform)


def convert_to_pdf(
    docx: Path,
    target: Path | None = None,
    *,
    soffice: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
) -> Path:
    """Convert ``docx`` to ``target`` (default: :func:`pdf_path`) and return it.

    Raises :class:`PdfExportError` when LibreOffice is missing, fails, takes
    longer than ``timeout`` seconds, or ``cancel`` is set meanwhile (the
    conversion is then stopped at once), and when the PDF cannot be written."""
    target = pdf_path(docx) if target is None else target
    program = soffice or find_libreoffice()
    if program is None:
        raise PdfExportError(PdfErrorKind.NOT_INSTALLED, not_installed_message())
    _check_folder(target)
    with tempfile.TemporaryDirectory(prefix="sla-wizard-pdf-",
                                     ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        source = work / _SOURCE_NAME
        try:
            shutil.copyfile(docx, source)
        except OSError as exc:
            raise PdfExportError(PdfErrorKind.FAILED, _(
                'The contract "{file}" cannot be read: {reason}.').format(
                file=docx.name, reason=exc.strerror or exc)) from None
        outdir = work / "pdf"
        outdir.mkdir()
        args = [str(program), f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir), str(source)]
        code = _run(args, work, timeout, cancel)
        produced = outdir / (source.stem + ".pdf")
        if code != 0 or not produced.is_file() or produced.stat().st_size == 0:
            raise PdfExportError(PdfErrorKind.FAILED, _(
                "LibreOffice could not convert the contract to PDF: {detail}").format(
                detail=_last_words(work, code)))
        content = produced.read_bytes()
    try:
        write_atomically(target, content)
    except ProjectFileError as exc:
        raise PdfExportError(PdfErrorKind.NOT_WRITABLE, str(exc)) from None
    return target


def _check_folder(target: Path) -> None:
    """Refuse at once, before a conversion that would be thrown away."""
    folder = target.parent
    if not folder.is_dir():
        raise PdfExportError(PdfErrorKind.NOT_WRITABLE, _(
            '"{file}" could not be saved: the folder "{folder}" does not exist.').format(
            file=target.name, folder=folder))
    if not os.access(folder, os.W_OK):
        raise PdfExportError(PdfErrorKind.NOT_WRITABLE, _(
            '"{file}" could not be saved: the folder "{folder}" is read-only, or you are not '
            "allowed to write in it.").format(file=target.name, folder=folder))


def _run(args: list[str], work: Path, timeout: float, cancel: threading.Event | None) -> int:
    """Run LibreOffice in ``work``; its output goes to files there. Returns the
    exit status; a time-out or a cancel stops LibreOffice and all it started."""
    with open(work / "stdout.txt", "wb") as out, open(work / "stderr.txt", "wb") as err:
        try:
            process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=work,
                env=_child_environment(), **_own_process_group())
        except OSError as exc:
            raise PdfExportError(PdfErrorKind.FAILED, _(
                "LibreOffice could not be started ({program}): {reason}").format(
                program=args[0], reason=exc.strerror or exc)) from None
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    return process.wait(timeout=_POLL)
                except subprocess.TimeoutExpired:
                    pass
                if cancel is not None and cancel.is_set():
                    raise PdfExportError(PdfErrorKind.CANCELLED, _(
                        "The PDF was not saved: the conversion was cancelled."))
                if time.monotonic() >= deadline:
                    raise PdfExportError(PdfErrorKind.TIMED_OUT, _(
                        "LibreOffice took more than {seconds} seconds to convert the contract "
                        "to PDF and was stopped. Try again, or open the contract in your "
                        "word processor and export it as PDF from there.").format(
                        seconds=f"{timeout:g}"))
        except BaseException:  # also Ctrl+C, which LibreOffice's own session does not see
            _stop(process)
            raise


def _own_process_group() -> dict[str, Any]:
    """Start LibreOffice in a process group of its own, so that stopping it
    stops the programs its launcher starts too (and no console window opens
    on Windows)."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP
                | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}


def _stop(process: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                           capture_output=True, timeout=10, check=False,
                           creationflags=subprocess.CREATE_NO_WINDOW)
        with contextlib.suppress(OSError):
            process.kill()
    else:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def _child_environment() -> dict[str, str]:
    """The environment LibreOffice starts with. A bundled (PyInstaller) program
    points the library path at its own folder; LibreOffice gets the user's."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        for name in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH"):
            original = env.pop(f"{name}_ORIG", None)
            if original is None:
                env.pop(name, None)
            else:
                env[name] = original
    return env


def _last_words(work: Path, code: int) -> str:
    """The last line LibreOffice wrote on stderr (stdout if none), or its exit status."""
    for name in ("stderr.txt", "stdout.txt"):
        try:
            text = (work / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        lines = [line.strip() for line in text.splitlines()
                 if line.strip() and "javaldx" not in line]
        if lines:
            return lines[-1][:300]
    if code != 0:
        return _("it stopped with exit status {code}.").format(code=code)
    return _("it wrote no PDF.")
