"""The review step's "Also save as PDF": a PDF beside the contract, converted
in the background, with a progress bar, Cancel, and a clear message when
LibreOffice fails or is missing (the Word contract is always kept)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from office import needs_libreoffice, pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from wizard.core.pdf_export import SOFFICE_ENV
from wizard.settings import load_settings
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.review import ReviewPage

posix_only = pytest.mark.skipif(sys.platform == "win32",
                                reason="the fake soffice is a shell script")

PROVIDER = "Northwind IT Services LLC"


def review_step(window: MainWindow, folder: Path) -> ReviewPage:
    """The review step of the US example opened from ``folder``."""
    project = folder / "northwind.slaproj"
    shutil.copyfile(US_EXAMPLE, project)
    assert window.open_path(project)
    window.go_to(len(window.pages) - 1)
    return window.review_page


def fake_soffice(folder: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice replaced by a shell script for the rest of the test."""
    program = folder / "fake" / "soffice"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv(SOFFICE_ENV, str(program))


def generate(qtbot: QtBot, page: ReviewPage, target: Path,
             monkeypatch: pytest.MonkeyPatch) -> None:
    """Press Generate and save as ``target``; wait until the contract is written."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.generated, timeout=20000):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)


def shown(page: ReviewPage, widget: object) -> bool:
    return bool(widget.isVisibleTo(page))  # type: ignore[attr-defined]


@pytest.mark.slow
@needs_libreoffice
def test_generate_also_saves_a_pdf(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticking "Also save as PDF" gives a PDF beside the contract, an "Open the
    PDF" button, and the choice is remembered for the next time."""
    page = review_step(window, tmp_path)
    assert page.pdf_box.isEnabled()
    assert not shown(page, page.pdf_note)
    qtbot.mouseClick(page.pdf_box, Qt.MouseButton.LeftButton)
    assert page.pdf_box.isChecked()
    generate(qtbot, page, tmp_path / "contract.docx", monkeypatch)
    qtbot.waitUntil(lambda: shown(page, page.open_pdf_button), timeout=120000)
    pdf = tmp_path / "contract.pdf"
    assert PROVIDER in " ".join(pdf_text(pdf).split())
    assert str(pdf) in page.pdf_status.text()
    assert shown(page, page.open_button)
    assert not shown(page, page.pdf_progress)
    assert page.generate_button.isEnabled()
    assert load_settings().save_pdf is True

    later = MainWindow(load_settings())
    qtbot.addWidget(later)
    assert later.review_page.pdf_box.isChecked()


@posix_only
def test_a_failed_conversion_is_shown_and_the_contract_kept(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """When LibreOffice fails, its reason is shown on the page, the Word
    contract is there to open, and no PDF is offered."""
    fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1\n",
                 monkeypatch)
    page = review_step(window, tmp_path)
    page.pdf_box.setChecked(True)
    generate(qtbot, page, tmp_path / "contract.docx", monkeypatch)
    qtbot.waitUntil(lambda: shown(page, page.pdf_message), timeout=20000)
    [message] = page.pdf_message.messages()
    assert "Error: source file could not be loaded" in message
    assert "Word contract is kept" in message
    assert (tmp_path / "contract.docx").is_file()
    assert not (tmp_path / "contract.pdf").exists()
    assert shown(page, page.open_button)
    assert not shown(page, page.open_pdf_button)
    assert not shown(page, page.pdf_progress)
    assert page.generate_button.isEnabled()


@posix_only
def test_a_conversion_can_be_cancelled(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """While the PDF is made a busy bar and Cancel show; Cancel stops it and
    the Word contract stays."""
    started = tmp_path / "started"
    fake_soffice(tmp_path, f"touch '{started}'\nexec sleep 300\n", monkeypatch)
    page = review_step(window, tmp_path)
    page.pdf_box.setChecked(True)
    generate(qtbot, page, tmp_path / "contract.docx", monkeypatch)
    assert shown(page, page.pdf_progress)
    assert shown(page, page.cancel_pdf_button)
    assert not page.generate_button.isEnabled()
    qtbot.waitUntil(started.exists, timeout=20000)
    qtbot.mouseClick(page.cancel_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shown(page, page.pdf_progress), timeout=20000)
    assert "cancelled" in page.pdf_status.text()
    assert page.pdf_message.messages() == []
    assert (tmp_path / "contract.docx").is_file()
    assert not (tmp_path / "contract.pdf").exists()
    assert not shown(page, page.open_pdf_button)
    assert page.generate_button.isEnabled()


def test_without_libreoffice_the_option_says_how_to_get_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without LibreOffice the PDF box is off and a note says where to get it;
    Generate still writes the Word contract."""
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    page = review_step(window, tmp_path)
    assert not page.pdf_box.isEnabled()
    assert shown(page, page.pdf_note)
    assert "libreoffice.org" in page.pdf_note.text()
    generate(qtbot, page, tmp_path / "contract.docx", monkeypatch)
    assert (tmp_path / "contract.docx").is_file()
    assert not shown(page, page.pdf_progress)
    assert not (tmp_path / "contract.pdf").exists()
