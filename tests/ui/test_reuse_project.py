"""For consultants: a new project from the open one, presets of one's own on
the Start step, and a name replaced across the project (undoable)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from wizard.core.checks import Severity, Step
from wizard.core.model import PartyRole
from wizard.settings import user_presets_dir
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.basics import BasicsPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def bakery(tmp_path: Path, window: MainWindow) -> Path:
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    assert window.open_path(target)
    return target


def test_new_from_this_project_is_an_unsaved_copy_for_another_client(
        window: MainWindow, bakery: Path, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    services = [s.name for s in window.document.project.services]
    window.new_copy_action.trigger()
    document = window.document
    assert document.path is None
    assert window.isWindowModified()
    assert "bakery" not in window.windowTitle()
    project = document.project
    assert project.agreement.reference == "NW-SLA-2027-015"
    assert project.parties.customer.name == ""
    assert [s.name for s in project.services] == services
    assert all(c.name == "" for c in project.contacts if c.party is PartyRole.CUSTOMER)
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    assert basics.reference_edit.text() == "NW-SLA-2027-015"
    # the checks point at the client's details to fill in
    window.run_checks()
    parties_errors = [p for p in window.problems
                      if p.step is Step.PARTIES and p.severity is Severity.ERROR]
    assert any(p.loc[:2] == ("parties", "customer") for p in parties_errors)
    # Save asks for a new name: the original file stays as it was
    original = bakery.read_bytes()
    target = tmp_path / "next client.slaproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    assert bakery.read_bytes() == original
    assert json.loads(target.read_text(encoding="utf-8"))["agreement"]["reference"] == \
        "NW-SLA-2027-015"


def test_my_preset_is_offered_on_the_start_step(window: MainWindow, bakery: Path,
                                                qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Bakery chain: managed IT", True))
    window.save_preset_action.trigger()
    files = sorted(user_presets_dir().iterdir())
    assert [f.name for f in files] == ["Bakery chain_ managed IT.slaproj"]
    saved = json.loads(files[0].read_text(encoding="utf-8"))
    assert saved["parties"]["customer"]["name"] == ""  # no client's details in a preset

    window.go_to(0)
    start = window.start_page
    assert start.user_presets.isVisibleTo(start)
    item = start.user_presets.item(0)
    assert item.text() == "Bakery chain_ managed IT"
    start.user_presets.itemActivated.emit(item)
    assert window.current_page().step is Step.BASICS
    assert window.document.path is None
    assert window.document.project.agreement.title == \
        json.loads(US_EXAMPLE.read_text(encoding="utf-8"))["agreement"]["title"]


def test_a_preset_name_that_cannot_be_used_is_explained(
        window: MainWindow, bakery: Path, monkeypatch: pytest.MonkeyPatch,
        no_modal_dialogs: list[str]) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    window.save_preset_action.trigger()
    assert no_modal_dialogs == ["Give the preset a name."]
    assert not user_presets_dir().exists() or not list(user_presets_dir().iterdir())


def test_replace_a_name_across_the_project_and_undo_it(window: MainWindow, bakery: Path,
                                                       qtbot: QtBot) -> None:
    project = window.document.project
    assert project.parties.customer.name == "Harbor Bakery Co."
    window.go_to(window.pages.index_of(Step.PARTIES))
    window.replace_action.trigger()
    dialog = window.replace_dialog
    assert not dialog.replace_button.isEnabled()
    qtbot.keyClicks(dialog.find_edit, "Harbor Bakery")
    qtbot.keyClicks(dialog.replace_edit, "Quayside Bakery")
    qtbot.mouseClick(dialog.replace_button, LEFT)
    project = window.document.project
    assert project.parties.customer.name == "Quayside Bakery Co."
    # the customer's name and the purpose ("… provides to Harbor Bakery, …")
    assert window.statusBar().currentMessage() == \
        "Replaced “Harbor Bakery” with “Quayside Bakery” 2 times."
    assert "provides to Quayside Bakery," in project.agreement.purpose
    page = window.current_page()
    assert page.customer.name_edit.text() == "Quayside Bakery Co."  # type: ignore[attr-defined]
    assert window.undo_action.text().replace("&", "") == \
        "Undo Replace “Harbor Bakery” with “Quayside Bakery”"
    window.undo_action.trigger()
    assert window.document.project.parties.customer.name == "Harbor Bakery Co."
    assert not window.isWindowModified()
