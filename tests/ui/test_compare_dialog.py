"""File → Compare with…: the changes since a saved draft, grouped by step,
each a link to its field; "Save redline…" in the background; the document
version raised one step when both drafts still carry the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from redline_resolving import accept_all, reject_all

from wizard.core.model import Service
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.core.steps import Step
from wizard.ui.compare_dialog import CompareDialog
from wizard.ui.main_window import MainWindow


@pytest.fixture
def sent(tmp_path: Path) -> Path:
    """The draft that was sent: a saved copy of the US example."""
    target = tmp_path / "sent.slaproj"
    shutil.copy(US_EXAMPLE, target)
    return target


def open_and_edit(window: MainWindow, sent: Path, qtbot: QtBot) -> None:
    """Open the sent draft and change it on two steps, as a user would."""
    assert window.open_path(sent)
    window.go_to(window.pages.index_of(Step.CREDITS))
    credits_page = window.page_for(Step.CREDITS)
    credits_page.claim_spin.setValue(45)  # type: ignore[attr-defined]
    window.document.project.services.append(Service(id="print", name="Printing"))
    window.document.touch()
    assert window.isWindowModified()


def compare(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> CompareDialog:
    """File → Compare with…, choosing ``path``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.compare_action.trigger()
    dialog = window.findChild(CompareDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def groups(dialog: CompareDialog) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {}
    for row in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(row)
        assert group is not None
        shown[group.text(0)] = [item.text(0) for item in
                                (group.child(k) for k in range(group.childCount())) if item]
    return shown


def item_for(dialog: CompareDialog, text: str) -> QTreeWidgetItem:
    return next(item for item in dialog.change_items() if item.text(0) == text)


def test_the_changes_are_listed_by_step(window: MainWindow, sent: Path, qtbot: QtBot,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The consultant sees, step by step, what the new draft changes."""
    open_and_edit(window, sent, qtbot)
    dialog = compare(window, sent, monkeypatch)
    assert groups(dialog) == {
        "Services": ["Service added: Printing"],
        "Service credits": ["Claim window: 30 days → 45 days"],
    }
    assert "2 changes since" in dialog.heading.text()
    assert dialog.redline_button.isEnabled()


def test_a_change_takes_the_window_to_its_field(window: MainWindow, sent: Path, qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter on a change shows its step with the focus in its field."""
    open_and_edit(window, sent, qtbot)
    window.go_to(window.pages.index_of(Step.BASICS))
    dialog = compare(window, sent, monkeypatch)
    item = item_for(dialog, "Claim window: 30 days → 45 days")
    dialog.tree.setCurrentItem(item)
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert window.current_page().step is Step.CREDITS
    credits_page = window.page_for(Step.CREDITS)
    assert window.focusWidget() is credits_page.claim_spin  # type: ignore[attr-defined]

    rect = dialog.tree.visualItemRect(item_for(dialog, "Service added: Printing"))
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page().step is Step.SERVICES


def test_the_list_follows_the_edits(window: MainWindow, sent: Path, qtbot: QtBot,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    open_and_edit(window, sent, qtbot)
    dialog = compare(window, sent, monkeypatch)
    window.document.project.termination.cure_days = 14
    window.document.touch()
    qtbot.waitUntil(lambda: "Termination" in groups(dialog), timeout=5000)
    assert groups(dialog)["Termination"] == ["Cure period: 30 days → 14 days"]


def test_save_redline_writes_it_in_the_background(window: MainWindow, sent: Path,
                                                  qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The redline accepts to the open project's contract and rejects to the sent one's."""
    open_and_edit(window, sent, qtbot)
    dialog = compare(window, sent, monkeypatch)
    target = tmp_path / "changes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(dialog.redline_written, timeout=60000):
        qtbot.mouseClick(dialog.redline_button, Qt.MouseButton.LeftButton)
    assert dialog.redline_button.isEnabled()  # ready for another
    assert str(target) in dialog.status.text()
    data = target.read_bytes()
    new = render_contract(window.document.project, "en_US")
    old = render_contract(load_project(sent), "en_US")
    assert read_contract(accept_all(data)).text == read_contract(new).text
    assert read_contract(reject_all(data)).text == read_contract(old).text
    dialog.wait_idle()


def test_a_redline_that_cannot_be_written_is_told(window: MainWindow, sent: Path,
                                                  qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    open_and_edit(window, sent, qtbot)
    dialog = compare(window, sent, monkeypatch)
    target = tmp_path / "no such folder" / "changes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.redline_button, Qt.MouseButton.LeftButton)
    dialog.wait_idle()
    qtbot.waitUntil(lambda: "could not be written" in dialog.status.text(), timeout=10000)
    assert dialog.redline_button.isEnabled()
    assert not target.exists()


def test_the_version_is_raised_one_step(window: MainWindow, sent: Path, qtbot: QtBot,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Both drafts say 1.0: one click makes the new one 1.1, shown on the Basics step."""
    open_and_edit(window, sent, qtbot)
    window.go_to(window.pages.index_of(Step.BASICS))
    dialog = compare(window, sent, monkeypatch)
    assert dialog.version_button.isVisibleTo(dialog)
    assert "version 1.1" in dialog.version_button.text().replace("&", "")
    qtbot.mouseClick(dialog.version_button, Qt.MouseButton.LeftButton)
    assert window.document.project.agreement.document_version == "1.1"
    assert window.isWindowModified()
    basics = window.page_for(Step.BASICS)
    assert basics.version_edit.text() == "1.1"  # type: ignore[attr-defined]
    assert "Document version: 1.0 → 1.1" in groups(dialog)["Basics"]
    assert not dialog.version_button.isVisibleTo(dialog)


def test_the_same_project_has_no_change(window: MainWindow, sent: Path, qtbot: QtBot,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_path(sent)
    dialog = compare(window, sent, monkeypatch)
    assert groups(dialog) == {}
    assert "says the same as" in dialog.heading.text()
    assert not dialog.redline_button.isEnabled()
    assert not dialog.version_button.isVisibleTo(dialog)


def test_a_file_that_cannot_be_read_is_explained(window: MainWindow, sent: Path,
                                                 tmp_path: Path,
                                                 no_modal_dialogs: list[str]) -> None:
    assert window.open_path(sent)
    broken = tmp_path / "broken.slaproj"
    broken.write_text("{", encoding="utf-8")
    assert window.compare_with(broken) is None
    assert window.findChild(CompareDialog) is None
    assert len(no_modal_dialogs) == 1 and "broken.slaproj" in no_modal_dialogs[0]


def test_another_project_opened_closes_the_comparison(window: MainWindow, sent: Path,
                                                      qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    open_and_edit(window, sent, qtbot)
    dialog = compare(window, sent, monkeypatch)
    window.document.modified = False
    other = tmp_path / "other.slaproj"
    shutil.copy(US_EXAMPLE, other)
    assert window.open_path(other)
    QApplication.processEvents()
    assert not dialog.isVisible()
