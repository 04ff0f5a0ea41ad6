"""PDF export: finding LibreOffice, converting, and every way it can go wrong.

The failure paths use a fake ``soffice`` (a shell script) that fails, sleeps
or waits to be cancelled; the real conversion runs wherever LibreOffice is
installed (CI installs it).
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from example_paths import US_EXAMPLE
from office import needs_libreoffice, pdf_text

from wizard.core.pdf_export import (
    SOFFICE_ENV,
    PdfErrorKind,
    PdfExportError,
    convert_to_pdf,
    find_libreoffice,
    pdf_path,
)
from wizard.core.processes import process_alive
from wizard.core.project_file import load_project
from wizard.core.render import generate_contract

posix_only = pytest.mark.skipif(sys.platform == "win32",
                                reason="the fake soffice is a shell script")


def executable(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def fake_soffice(folder: Path, body: str) -> Path:
    """A program standing in for LibreOffice; ``body`` is shell script."""
    return executable(folder / "fake" / "soffice", "#!/bin/sh\n" + body)


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    """A Word contract to convert, with nothing else in its folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    return generate_contract(load_project(US_EXAMPLE), folder / "Northwind SLA.docx", "en_US")


def gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for its parent counts as ended)."""
    if not process_alive(pid):
        return True
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" in status


# --------------------------------------------------------------------------- finding


def test_found_on_the_path(tmp_path: Path) -> None:
    """A LibreOffice the distribution put on the PATH is used."""
    soffice = executable(tmp_path / "bin" / "soffice")
    assert find_libreoffice({"PATH": str(tmp_path / "bin")}, platform="linux") == soffice


def test_found_under_its_distribution_name(tmp_path: Path) -> None:
    """Some distributions install only a ``libreoffice`` command."""
    program = executable(tmp_path / "bin" / "libreoffice")
    assert find_libreoffice({"PATH": str(tmp_path / "bin")}, platform="linux") == program


def test_not_found_anywhere(tmp_path: Path) -> None:
    """Without LibreOffice the PDF option says so instead of failing later."""
    (tmp_path / "empty").mkdir()
    env = {"PATH": str(tmp_path / "empty"), "PROGRAMFILES": str(tmp_path / "pf"),
           "PROGRAMFILES(X86)": str(tmp_path / "pf86"), "PROGRAMW6432": str(tmp_path / "pf"),
           "HOME": str(tmp_path / "home")}
    for platform in ("linux", "win32", "darwin"):
        assert find_libreoffice(env, platform=platform) is None


@pytest.mark.parametrize("variable", ["PROGRAMFILES", "PROGRAMFILES(X86)"])
def test_found_in_the_windows_install_folders(tmp_path: Path, variable: str) -> None:
    """The Windows installer does not put LibreOffice on the PATH: its program
    folder (64-bit or 32-bit) is looked at."""
    (tmp_path / "empty").mkdir()
    program = executable(tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe")
    env = {"PATH": str(tmp_path / "empty"), variable: str(tmp_path / "pf")}
    assert find_libreoffice(env, platform="win32") == program


def test_found_in_the_macos_applications_folder(tmp_path: Path) -> None:
    """On macOS LibreOffice is an app bundle dragged to Applications (here the user's own)."""
    (tmp_path / "empty").mkdir()
    program = executable(
        tmp_path / "home" / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    env = {"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path / "home")}
    assert find_libreoffice(env, platform="darwin") == program


def test_the_override_wins_and_can_say_none(tmp_path: Path) -> None:
    """SLA_WIZARD_SOFFICE picks one LibreOffice among several; naming one that
    is not there finds none rather than another."""
    executable(tmp_path / "bin" / "soffice")
    chosen = executable(tmp_path / "portable" / "soffice")
    env = {"PATH": str(tmp_path / "bin"), SOFFICE_ENV: str(chosen)}
    assert find_libreoffice(env, platform="linux") == chosen
    env[SOFFICE_ENV] = str(tmp_path / "nowhere" / "soffice")
    assert find_libreoffice(env, platform="linux") is None


# --------------------------------------------------------------------------- failures


def test_not_installed_says_how_to_get_it(contract: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The user learns where LibreOffice comes from; the contract stays alone."""
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    with pytest.raises(PdfExportError) as caught:
        convert_to_pdf(contract)
    assert caught.value.kind is PdfErrorKind.NOT_INSTALLED
    assert "LibreOffice" in str(caught.value)
    assert "libreoffice.org" in str(caught.value)
    assert sorted(p.name for p in contract.parent.iterdir()) == [contract.name]


@posix_only
def test_a_failed_conversion_shows_libreoffice_s_last_words(contract: Path,
                                                           tmp_path: Path) -> None:
    """LibreOffice's own reason reaches the user; an earlier PDF is not touched."""
    soffice = fake_soffice(tmp_path, "echo 'Warning: something harmless' >&2\n"
                                     "echo 'Error: source file could not be loaded' >&2\n"
                                     "exit 1\n")
    earlier = pdf_path(contract)
    earlier.write_bytes(b"%PDF-1.4 the earlier export")
    with pytest.raises(PdfExportError) as caught:
        convert_to_pdf(contract, soffice=soffice)
    assert caught.value.kind is PdfErrorKind.FAILED
    assert "Error: source file could not be loaded" in str(caught.value)
    assert earlier.read_bytes() == b"%PDF-1.4 the earlier export"
    assert sorted(p.name for p in contract.parent.iterdir()) == sorted(
        [contract.name, earlier.name])


@posix_only
def test_success_without_a_pdf_is_a_failure(contract: Path, tmp_path: Path) -> None:
    """LibreOffice sometimes exits 0 without writing anything: no PDF is no success."""
    soffice = fake_soffice(tmp_path, "exit 0\n")
    with pytest.raises(PdfExportError) as caught:
        convert_to_pdf(contract, soffice=soffice)
    assert caught.value.kind is PdfErrorKind.FAILED
    assert not pdf_path(contract).exists()


@posix_only
def test_a_hanging_libreoffice_is_stopped(contract: Path, tmp_path: Path) -> None:
    """A conversion that never ends is stopped with everything it started,
    and the user is told it timed out."""
    pids = tmp_path / "pids"
    soffice = fake_soffice(tmp_path, f"sleep 300 &\necho $$ $! > '{pids}'\nwait\n")
    with pytest.raises(PdfExportError) as caught:
        convert_to_pdf(contract, soffice=soffice, timeout=1)
    assert caught.value.kind is PdfErrorKind.TIMED_OUT
    assert "1 seconds" in str(caught.value)
    assert not pdf_path(contract).exists()
    started = [int(pid) for pid in pids.read_text().split()]
    assert len(started) == 2
    for pid in started:
        for _attempt in range(100):
            if gone(pid):
                break
            threading.Event().wait(0.05)
        assert gone(pid), f"process {pid} still runs"


@posix_only
def test_a_conversion_can_be_cancelled(contract: Path, tmp_path: Path) -> None:
    """Cancel stops LibreOffice at once and leaves no PDF."""
    started = tmp_path / "started"
    soffice = fake_soffice(tmp_path, f"touch '{started}'\nexec sleep 300\n")
    cancel = threading.Event()

    def cancel_once_started() -> None:
        for _attempt in range(600):
            if started.exists():
                break
            threading.Event().wait(0.05)
        cancel.set()

    helper = threading.Thread(target=cancel_once_started)
    helper.start()
    try:
        with pytest.raises(PdfExportError) as caught:
            convert_to_pdf(contract, soffice=soffice, cancel=cancel)
    finally:
        helper.join()
    assert started.exists()
    assert caught.value.kind is PdfErrorKind.CANCELLED
    assert not pdf_path(contract).exists()


@posix_only
def test_a_missing_folder_is_refused_before_converting(contract: Path, tmp_path: Path) -> None:
    """A PDF asked for in a folder that is gone is refused without running LibreOffice."""
    ran = tmp_path / "ran"
    soffice = fake_soffice(tmp_path, f"touch '{ran}'\nexit 1\n")
    with pytest.raises(PdfExportError) as caught:
        convert_to_pdf(contract, tmp_path / "gone" / "contract.pdf", soffice=soffice)
    assert caught.value.kind is PdfErrorKind.NOT_WRITABLE
    assert "does not exist" in str(caught.value)
    assert not ran.exists()


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write in a read-only folder")
def test_a_read_only_folder_is_refused(contract: Path, tmp_path: Path) -> None:
    """A folder the user may not write in is named in the message."""
    soffice = fake_soffice(tmp_path, "exit 1\n")
    contract.parent.chmod(0o555)
    try:
        with pytest.raises(PdfExportError) as caught:
            convert_to_pdf(contract, soffice=soffice)
    finally:
        contract.parent.chmod(0o755)
    assert caught.value.kind is PdfErrorKind.NOT_WRITABLE
    assert str(contract.parent) in str(caught.value)


@posix_only
def test_a_user_s_open_libreoffice_is_left_alone(contract: Path, tmp_path: Path) -> None:
    """The conversion uses a profile and a folder of its own, so a LibreOffice
    the user has open neither takes the job over nor gets its profile locked;
    the PDF lands beside the contract."""
    seen = tmp_path / "arguments"
    soffice = fake_soffice(tmp_path, f"""\
printf '%s\\n' "$@" > '{seen}'
outdir=""; previous=""
for argument in "$@"; do
  if [ "$previous" = "--outdir" ]; then outdir="$argument"; fi
  previous="$argument"
done
for argument in "$@"; do source="$argument"; done
name=$(basename "$source" .docx)
printf '%%PDF-1.4 from %s' "$name" > "$outdir/$name.pdf"
""")
    written = convert_to_pdf(contract, soffice=soffice)
    assert written == contract.parent / "Northwind SLA.pdf"
    assert written.read_bytes().startswith(b"%PDF-1.4")
    arguments = seen.read_text().splitlines()
    profile = next(a for a in arguments if a.startswith("-env:UserInstallation=file://"))
    profile_folder = Path(unquote(urlparse(profile.removeprefix("-env:UserInstallation=")).path))
    assert profile_folder.name == "profile"
    assert not profile_folder.parent.exists(), "the private folder was not cleaned up"
    assert "--headless" in arguments
    assert sorted(p.name for p in contract.parent.iterdir()) == sorted(
        [contract.name, written.name])


# --------------------------------------------------------------------------- the real thing


@pytest.mark.slow
@needs_libreoffice
def test_real_conversion_beside_the_contract(tmp_path: Path) -> None:
    """With LibreOffice installed the PDF appears beside the contract, same name,
    holding the contract's words, and nothing else is left in the folder."""
    project = load_project(US_EXAMPLE)
    folder = tmp_path / "Verträge"
    folder.mkdir()
    contract = generate_contract(project, folder / "Contrat été 2026.docx", "en_US")
    written = convert_to_pdf(contract)
    assert written == folder / "Contrat été 2026.pdf"
    text = " ".join(pdf_text(written).split())
    assert project.parties.provider.name in text
    assert project.parties.customer.name in text
    assert sorted(p.name for p in folder.iterdir()) == sorted([contract.name, written.name])
