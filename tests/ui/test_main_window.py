"""The main window as a user meets it: start, edit, preview, save, reopen, generate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE, as_format_2
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Severity, Step
from wizard.core.model import AgreementType
from wizard.core.project_file import load_project
from wizard.settings import load_settings
from wizard.ui.main_window import MainWindow, StepState


@pytest.fixture
def us_copy(tmp_path: Path) -> Path:
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    return target


def test_starts_on_the_start_step_with_presets(window: MainWindow) -> None:
    """A first-time user sees the four presets and an Open button, nothing half-filled."""
    assert window.stack.currentIndex() == 0
    assert set(window.start_page.preset_buttons) == set(AgreementType)
    assert "SLA Wizard" in window.windowTitle()


def test_new_project_from_preset(window: MainWindow, qtbot: QtBot) -> None:
    """Choosing a preset fills the wizard with marked example values and goes to Basics."""
    qtbot.mouseClick(window.start_page.preset_buttons[AgreementType.INTERNAL],
                     Qt.MouseButton.LeftButton)
    assert window.current_page().step is Step.BASICS
    project = window.document.project
    assert project.agreement.type is AgreementType.INTERNAL
    assert "(example)" in project.agreement.title
    assert window.isWindowModified()


def test_open_edit_and_see_unsaved_mark(window: MainWindow, us_copy: Path,
                                        qtbot: QtBot) -> None:
    """Typing marks the window unsaved; the title names the project."""
    assert window.open_path(us_copy)
    assert "bakery" in window.windowTitle()
    assert not window.isWindowModified()
    basics = window.page_for(Step.BASICS)
    qtbot.keyClicks(basics.title_edit, " (draft)")  # type: ignore[attr-defined]
    assert window.document.project.agreement.title.endswith("(draft)")
    assert window.isWindowModified()


def test_preview_follows_the_edits(window: MainWindow, us_copy: Path, qtbot: QtBot) -> None:
    """The preview shows the real contract, and catches up after the user types."""
    window.open_path(us_copy)
    basics = window.page_for(Step.BASICS)
    with qtbot.waitSignal(window.preview.refreshed, timeout=10000):
        qtbot.keyClicks(basics.title_edit, " for Harbor Bakery")  # type: ignore[attr-defined]
    window.preview.wait_idle()
    qtbot.waitUntil(lambda: "for Harbor Bakery" in window.preview.view.toPlainText(),
                    timeout=10000)
    assert "Northwind IT Services LLC" in window.preview.view.toPlainText()


def test_save_and_reopen(window: MainWindow, us_copy: Path, qtbot: QtBot) -> None:
    """Ctrl+S writes the edits; reopening shows them; nothing else in the file changes."""
    window.open_path(us_copy)
    original_bytes = us_copy.read_bytes()
    original = json.loads(original_bytes)
    basics = window.page_for(Step.BASICS)
    basics.reference_edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(basics.reference_edit, "NW-2027-015")  # type: ignore[attr-defined]
    window.save_action.trigger()
    assert not window.isWindowModified()
    saved = json.loads(us_copy.read_text(encoding="utf-8"))
    expected = as_format_2(original)  # a format-1 file is saved in format 2
    expected["agreement"]["reference"] = "NW-2027-015"
    assert saved == expected
    assert (us_copy.parent / f"{us_copy.name}.v1.bak").read_bytes() == original_bytes
    assert load_project(us_copy).agreement.reference == "NW-2027-015"
    assert load_settings().recent_files[0] == str(us_copy.resolve())


def test_save_as_for_a_new_project(window: MainWindow, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A new project asks where to save, and adds the .slaproj extension itself."""
    window.new_from_preset(AgreementType.SERVICE_BASED)
    target = tmp_path / "hosting"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    assert window.save()
    assert (tmp_path / "hosting.slaproj").exists()
    assert window.document.path == tmp_path / "hosting.slaproj"
    assert load_project(tmp_path / "hosting.slaproj") == window.document.project


def test_broken_file_is_explained_and_changes_nothing(window: MainWindow, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a damaged file shows the reason; the open project and the file stay as they were."""
    broken = tmp_path / "broken.slaproj"
    broken.write_bytes(b'{"format": "sla-project", "format_version": 1, "agreement": ')
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: messages.append(text))
    before = window.document.project
    assert not window.open_path(broken)
    assert messages and "broken.slaproj" in messages[0]
    assert window.document.project is before
    assert broken.read_bytes().endswith(b'"agreement": ')


def test_closing_with_unsaved_changes_asks(window: MainWindow, us_copy: Path, qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing with unsaved edits asks first; Cancel keeps the window and the edits."""
    window.open_path(us_copy)
    qtbot.keyClicks(window.page_for(Step.BASICS).title_edit, "!")  # type: ignore[attr-defined]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    assert window.document.project.agreement.title.endswith("!")


def test_step_list_shows_states_and_review_jumps_to_the_field(window: MainWindow,
                                                              us_copy: Path) -> None:
    """An error shows on its step in the list, and clicking it in the review goes there."""
    window.open_path(us_copy)
    window.document.project.metrics[1].service = "nope"
    window.document.touch()
    window.run_checks()
    assert window.step_state(Step.METRICS) == StepState.ERRORS
    window.go_to(len(window.pages) - 1)
    review = window.review_page
    errors = [p for p in review._problems if p.severity is Severity.ERROR]
    assert errors and errors[0].path == "metrics[2].service"
    item = review.problem_list.item(review._problems.index(errors[0]))
    review.problem_list.itemClicked.emit(item)
    assert window.current_page().step is Step.METRICS


def test_next_and_back_walk_through_every_step(window: MainWindow, qtbot: QtBot,
                                               us_copy: Path) -> None:
    """Next and Back (and Alt+arrows) visit every step in order."""
    window.open_path(us_copy)
    window.go_to(0)
    for index in range(1, len(window.pages)):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentIndex() == index
    assert not window.next_button.isEnabled()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == len(window.pages) - 2


def test_generate_from_the_review_step(window: MainWindow, us_copy: Path, tmp_path: Path,
                                       qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generate writes the contract where the user chose and offers to open it."""
    from docx import Document

    window.open_path(us_copy)
    window.go_to(len(window.pages) - 1)
    target = tmp_path / "contract.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.review_page.generated, timeout=20000):
        qtbot.mouseClick(window.review_page.generate_button, Qt.MouseButton.LeftButton)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Managed IT Support Service Level Agreement" in text
    assert window.review_page.open_button.isVisibleTo(window.review_page)
