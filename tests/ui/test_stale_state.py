"""What the window shows keeps up with the project: the title after a rename,
the steps' marks after recovered work is restored, the Review step after
another project is opened, and a contract no program can open is said so."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.model import AgreementType
from wizard.core.project_file import load_project
from wizard.core.recovery import new_recovery_file, read_recovery, write_recovery
from wizard.settings import recovery_dir
from wizard.ui.main_window import MainWindow, StepState
from wizard.ui.pages.basics import BasicsPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def bakery(tmp_path: Path) -> Path:
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    return target


def test_the_window_title_follows_a_new_projects_title(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    """The title kept the preset's name after the agreement was renamed."""
    qtbot.mouseClick(window.start_page.preset_buttons[AgreementType.INTERNAL], LEFT)
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    preset_title = window.document.project.agreement.title
    assert window.windowTitle().startswith(preset_title)
    basics.title_edit.selectAll()
    qtbot.keyClicks(basics.title_edit, "Canteen services")
    assert window.windowTitle().startswith("Canteen services")
    assert preset_title not in window.windowTitle()


def test_restored_work_shows_its_steps_as_worked_on(window: MainWindow, bakery: Path) -> None:
    """After a restore every step was marked "not visited", as if nothing had been done."""
    project = load_project(bakery)
    project.agreement.title = "Typed before the crash"
    file = new_recovery_file(recovery_dir())
    write_recovery(file, project, bakery.resolve(), datetime(2027, 1, 4, 9, 30, tzinfo=UTC))
    assert window.restore(read_recovery(file))
    assert window.current_page().step is Step.BASICS
    for step in Step:
        if step is not Step.START:
            assert window.step_state(step) != StepState.NOT_VISITED, step
    # and a project opened afterwards starts afresh
    assert window.open_path(bakery, ask=False)
    assert window.step_state(Step.SCHEDULE) == StepState.NOT_VISITED


def test_review_forgets_the_last_projects_contract(window: MainWindow, bakery: Path,
                                                  tmp_path: Path, qtbot: QtBot,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Review still said "Contract written to …" for the project opened before."""
    assert window.open_path(bakery)
    window.go_to(window.pages.index_of(Step.REVIEW))
    review = window.review_page
    target = tmp_path / "contract.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(review.generated, timeout=20000):
        qtbot.mouseClick(review.generate_button, LEFT)
    assert str(target) in review.status.text()
    assert review.open_button.isVisibleTo(review)

    other = tmp_path / "other.slaproj"
    shutil.copy(US_EXAMPLE, other)
    assert window.open_path(other)
    window.go_to(window.pages.index_of(Step.REVIEW))
    assert review.status.text() == ""
    assert not review.open_button.isVisibleTo(review)
    assert not review.folder_button.isVisibleTo(review)
    assert review.last_contract is None


def test_a_contract_no_program_opens_is_said_so(window: MainWindow, bakery: Path,
                                                tmp_path: Path, qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch,
                                                no_modal_dialogs: list[str]) -> None:
    """"Open the contract" did nothing at all when no application opens .docx."""
    assert window.open_path(bakery)
    window.go_to(window.pages.index_of(Step.REVIEW))
    review = window.review_page
    target = tmp_path / "contract.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(review.generated, timeout=20000):
        qtbot.mouseClick(review.generate_button, LEFT)
    opened: list[str] = []

    def no_program(url: object) -> bool:
        opened.append(str(url))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_program)
    qtbot.mouseClick(review.open_button, LEFT)
    assert opened and "contract.docx" in opened[0]
    assert len(no_modal_dialogs) == 1
    assert "DOCX" in no_modal_dialogs[0] and "contract.docx" in no_modal_dialogs[0]
    assert str(tmp_path) in no_modal_dialogs[0]


def test_a_contract_still_being_written_when_another_project_opens_is_not_announced(
        window: MainWindow, bakery: Path, tmp_path: Path, qtbot: QtBot) -> None:
    """The previous project's "Contract written to …" arrived after the next one opened."""
    assert window.open_path(bakery)
    window.go_to(window.pages.index_of(Step.REVIEW))
    review = window.review_page
    review.generate(tmp_path / "previous.docx")  # in the background
    other = tmp_path / "other.slaproj"
    shutil.copy(US_EXAMPLE, other)
    assert window.open_path(other)  # before the result is delivered
    assert review.wait_idle()
    qtbot.waitUntil(review.generate_button.isEnabled, timeout=5000)
    assert (tmp_path / "previous.docx").exists()
    assert review.status.text() == ""
    assert review.last_contract is None
    assert not review.open_button.isVisibleTo(review)


def test_a_new_projects_contract_is_offered_in_the_projects_folder(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save dialog opened wherever the program runs when the projects folder did
    not exist yet: a novice pressing Enter saved the contract among its files."""
    from wizard.settings import default_projects_dir

    window.session.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.REVIEW))
    folder = default_projects_dir()
    shutil.rmtree(folder, ignore_errors=True)
    offered: list[str] = []

    def dialog(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.review_page.choose_and_generate()
    assert Path(offered[0]).parent == folder
    assert folder.is_dir()
