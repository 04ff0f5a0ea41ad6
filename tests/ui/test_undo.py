"""Edit → Undo and Redo in the real window: every change, removals included,
can be taken back, typing in one field is undone in one go, and undoing back
to what was saved clears the unsaved mark."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.services import ServicesPage
from wizard.ui.pages.stakeholders import StakeholdersPage

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def bakery(tmp_path: Path, window: MainWindow) -> Path:
    """The US example, opened from a copy."""
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    assert window.open_path(target)
    return target


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions asked, each answered Yes."""
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str,
                   *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    return asked


def services_page(window: MainWindow) -> ServicesPage:
    window.go_to(window.pages.index_of(Step.SERVICES))
    page = window.current_page()
    assert isinstance(page, ServicesPage)
    return page


def listed(page: ServicesPage) -> list[str]:
    table = page.services.table
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def press_undo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z, as typed wherever the focus is."""
    window.activateWindow()
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Z, CTRL)


def test_ctrl_z_brings_a_removed_service_back_and_save_keeps_it(
        window: MainWindow, bakery: Path, qtbot: QtBot, questions: list[str]) -> None:
    """Remove acted at once and for good: Ctrl+Z did nothing."""
    page = services_page(window)
    assert listed(page) == ["Service Desk", "Managed Endpoints", "Cloud Backup"]
    page.services.select_row(2)
    qtbot.mouseClick(page.services.remove_button, LEFT)
    assert listed(page) == ["Service Desk", "Managed Endpoints"]
    assert "Successful restore tests" in questions[0]  # the metric measuring it
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().replace("&", "") == \
        "Undo Remove service “Cloud Backup”"
    assert window.isWindowModified()

    press_undo(qtbot, window)

    assert window.current_page() is page  # still on the Services step
    assert listed(page) == ["Service Desk", "Managed Endpoints", "Cloud Backup"]
    assert [s.id for s in window.document.project.services] == ["desk", "endpoints", "backup"]
    assert not window.isWindowModified()  # back to what was saved
    assert window.redo_action.text().replace("&", "") == \
        "Redo Remove service “Cloud Backup”"

    # an edit after the undo, so that Save has something to write
    page.services.select_row(2)
    qtbot.keyClicks(page.name_edit, " (nightly)")
    window.save_action.trigger()
    saved = json.loads(bakery.read_text(encoding="utf-8"))
    assert [s["name"] for s in saved["services"]] == [
        "Service Desk", "Managed Endpoints", "Cloud Backup (nightly)"]


def test_redo_removes_it_again(window: MainWindow, bakery: Path, qtbot: QtBot,
                               questions: list[str]) -> None:
    page = services_page(window)
    page.services.select_row(0)
    qtbot.mouseClick(page.services.remove_button, LEFT)
    window.undo_action.trigger()
    assert len(listed(page)) == 3
    window.redo_action.trigger()
    assert listed(page) == ["Managed Endpoints", "Cloud Backup"]
    assert window.isWindowModified()
    assert page.name_edit.text() == "Managed Endpoints"  # the detail follows the list


def test_typing_in_a_field_is_undone_in_one_step(window: MainWindow, bakery: Path,
                                                 qtbot: QtBot) -> None:
    """Undo would take back one character at a time."""
    window.go_to(window.pages.index_of(Step.BASICS))
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    title = window.document.project.agreement.title
    basics.title_edit.setFocus()
    basics.title_edit.end(False)
    qtbot.keyClicks(basics.title_edit, " draft")
    qtbot.keyClicks(basics.reference_edit, "-B")
    assert window.document.project.agreement.title == title + " draft"
    assert window.undo_action.text().replace("&", "") == "Undo Edit “Reference”"

    window.undo_action.trigger()  # the reference
    assert window.document.project.agreement.title == title + " draft"
    assert not basics.reference_edit.text().endswith("-B")
    window.undo_action.trigger()  # the whole title typed
    assert window.document.project.agreement.title == title
    assert basics.title_edit.text() == title
    assert not window.undo_action.isEnabled()
    assert not window.isWindowModified()

    window.redo_action.trigger()
    assert basics.title_edit.text() == title + " draft"
    assert window.isWindowModified()


def test_removing_a_contact_the_reports_go_to_says_so_and_undoes(
        window: MainWindow, bakery: Path, qtbot: QtBot, questions: list[str]) -> None:
    project = window.document.project
    recipient = project.reporting.recipient
    row = next(i for i, c in enumerate(project.contacts) if c.name == recipient)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    page.contacts.select_row(row)
    qtbot.mouseClick(page.contacts.items.remove_button, LEFT)
    assert "reports are addressed to this person" in questions[0]
    assert recipient not in [c.name for c in window.document.project.contacts]
    window.undo_action.trigger()
    assert recipient in [c.name for c in window.document.project.contacts]
    assert page.contacts.items.table.rowCount() == len(window.document.project.contacts)


def test_opening_another_project_empties_the_history(window: MainWindow, bakery: Path,
                                                    qtbot: QtBot) -> None:
    """Undo would bring the previous project's edits into the one just opened."""
    window.go_to(window.pages.index_of(Step.BASICS))
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    qtbot.keyClicks(basics.title_edit, " draft")
    window.save_action.trigger()
    assert window.undo_action.isEnabled()
    assert window.open_path(bakery, ask=False)
    assert not window.undo_action.isEnabled()


def test_undoing_a_new_identifier_takes_the_metrics_naming_it_back_too(
        window: MainWindow, bakery: Path, qtbot: QtBot) -> None:
    """The metric would be left naming an identifier no service has any more."""
    page = services_page(window)
    page.services.select_row(0)
    page.id_edit.setFocus()
    page.id_edit.end(False)
    qtbot.keyClicks(page.id_edit, "2")
    project = window.document.project
    assert project.services[0].id == "desk2"
    assert [m.service for m in project.metrics if m.name == "First response to tickets"] == \
        ["desk2"]
    window.undo_action.trigger()
    project = window.document.project
    assert project.services[0].id == "desk"
    assert [m.service for m in project.metrics if m.name == "First response to tickets"] == \
        ["desk"]
    window.redo_action.trigger()
    project = window.document.project
    assert project.services[0].id == "desk2"
    assert [m.service for m in project.metrics if m.name == "First response to tickets"] == \
        ["desk2"]


def test_a_choice_made_on_a_page_is_named_in_the_edit_menu(
        window: MainWindow, bakery: Path, qtbot: QtBot) -> None:
    window.go_to(window.pages.index_of(Step.BASICS))
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    combo = basics.currency_combo  # type: ignore[attr-defined]
    combo.setFocus()
    before = window.document.project.currency
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.document.project.currency != before
    assert window.undo_action.text().replace("&", "") == \
        f"Undo Edit “{combo.accessibleName()}”"
    window.undo_action.trigger()
    assert window.document.project.currency == before


def test_undoing_everything_gives_the_opened_project_and_redoing_everything_the_edited_one(
        window: MainWindow, bakery: Path, qtbot: QtBot, questions: list[str]) -> None:
    """A mixed session: typing in several fields, rows added, renamed, moved and removed."""
    opened = window.document.project.model_dump()
    window.go_to(window.pages.index_of(Step.BASICS))
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    qtbot.keyClicks(basics.title_edit, " v2")
    qtbot.keyClicks(basics.reference_edit, "-A")
    qtbot.keyClicks(basics.title_edit, "!")
    page = services_page(window)
    qtbot.mouseClick(page.services.add_button, LEFT)
    qtbot.keyClicks(page.name_edit, "Printing")
    page.services.select_row(0)
    qtbot.mouseClick(page.services.down_button, LEFT)
    page.services.select_row(2)
    qtbot.mouseClick(page.services.remove_button, LEFT)
    qtbot.keyClicks(page.id_edit, "x")
    window.save_action.trigger()  # a save in the middle: the clean state moves
    qtbot.keyClicks(page.description_edit, " More.")
    edited = window.document.project.model_dump()
    assert edited != opened

    steps = 0
    while window.undo_action.isEnabled():
        window.undo_action.trigger()
        steps += 1
    assert window.document.project.model_dump() == opened
    assert steps == 9
    assert listed(page) == ["Service Desk", "Managed Endpoints", "Cloud Backup"]

    while window.redo_action.isEnabled():
        window.redo_action.trigger()
    assert window.document.project.model_dump() == edited
    assert window.isWindowModified()  # the last edit came after the save
    window.undo_action.trigger()
    assert not window.isWindowModified()  # exactly what was saved


def test_removing_the_level_credits_are_paid_on_says_so_and_undo_restores_it(
        window: MainWindow, bakery: Path, qtbot: QtBot, questions: list[str]) -> None:
    project = window.document.project
    credited = project.service_credits.metric
    row = next(i for i, m in enumerate(project.metrics) if m.id == credited)
    name = project.metrics[row].name
    window.go_to(window.pages.index_of(Step.METRICS))
    page = window.current_page()
    table = page.metrics_table  # type: ignore[attr-defined]
    table.select_row(row)
    qtbot.mouseClick(table.remove_button, LEFT)
    assert "Service credits are paid on this service level." in questions[0]
    assert name not in [m.name for m in window.document.project.metrics]
    assert window.undo_action.text().replace("&", "") == \
        f"Undo Remove {table.item_name} “{name}”"
    qtbot.keyClick(table.table, Qt.Key.Key_Z, CTRL)
    assert [m.id for m in window.document.project.metrics][row] == credited
    assert table.table.rowCount() == len(window.document.project.metrics)


def test_an_ampersand_in_a_name_shows_in_the_edit_menu(window: MainWindow, bakery: Path,
                                                        qtbot: QtBot,
                                                        questions: list[str]) -> None:
    """"R&D" would show as "RD" with an underlined D (an access key)."""
    page = services_page(window)
    page.services.select_row(1)
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "R&D")
    qtbot.mouseClick(page.services.remove_button, LEFT)
    assert window.undo_action.text() == "&Undo Remove service “R&&D”"


def test_every_step_reads_the_project_again_after_undo_and_redo(
        window: MainWindow, bakery: Path, qtbot: QtBot) -> None:
    """A page kept showing (and editing) the objects of the project before the undo."""
    window.go_to(window.pages.index_of(Step.BASICS))
    basics = window.current_page()
    assert isinstance(basics, BasicsPage)
    qtbot.keyClicks(basics.title_edit, " v2")
    page = services_page(window)
    page.services.select_row(0)
    qtbot.keyClicks(page.name_edit, " plus")
    for index in range(len(window.pages)):
        window.go_to(index)
        window.undo_action.trigger()
        assert window.current_page() is window.pages[index]
        window.redo_action.trigger()
    assert window.document.project.services[0].name == "Service Desk plus"
    # the Services step edits the project now shown, not the one before the undo
    page = services_page(window)
    page.services.select_row(0)
    qtbot.keyClicks(page.name_edit, "!")
    assert window.document.project.services[0].name == "Service Desk plus!"
    window.undo_action.trigger()
    assert window.document.project.services[0].name == "Service Desk plus"
