"""Starting the program: the window is painted first, then the project named
on the command line (or the start step) fills it."""

from __future__ import annotations

import sys

import pytest
from example_paths import US_EXAMPLE
from pytestqt.qtbot import QtBot

from wizard.core.project_file import load_project
from wizard.core.steps import STEP_TITLES, Step
from wizard.settings import Settings
from wizard.ui.application import start_gui
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.registry import PAGES, page_classes
from wizard.ui.pages.start import StartPage


def _started(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, *args: object) -> MainWindow:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own
    _app, window = start_gui(*args)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    return window


def test_a_project_named_on_the_command_line_fills_the_window_after_its_first_paint(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _started(qtbot, monkeypatch, US_EXAMPLE)
    # the frame: the step the project opens on, and the project's name
    assert window.step_list.currentRow() == 1
    assert window.step_title.text() == "Basics"
    assert window.windowTitle().startswith(US_EXAMPLE.stem)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    page = window.current_page()
    assert isinstance(page, BasicsPage)
    assert page.title_edit.text() == load_project(US_EXAMPLE).agreement.title
    assert window.document.path == US_EXAMPLE.resolve()
    assert not window.isWindowModified()
    window.preview.wait_idle()
    window.close()


def test_without_a_project_the_start_step_shows_after_the_first_paint(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _started(qtbot, monkeypatch, None)
    assert window.step_title.text() == "Start"
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    assert isinstance(window.current_page(), StartPage)
    assert window.windowTitle().startswith("Untitled agreement")
    window.preview.wait_idle()
    window.close()


def test_each_page_belongs_to_its_step_and_has_its_title() -> None:
    """The window's frame names the steps before their pages are imported."""
    assert list(PAGES) == list(Step)
    assert [(cls.step, cls.title) for cls in page_classes()] == list(STEP_TITLES.items())


def test_a_window_that_is_never_painted_opens_its_project_all_the_same(
        qtbot: QtBot) -> None:
    """Started minimised, say: the project must not wait for a paint."""
    window = MainWindow(Settings(), loaded=False, opening=US_EXAMPLE)
    qtbot.addWidget(window)
    window.load_after_first_paint(US_EXAMPLE)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    assert window.document.path == US_EXAMPLE.resolve()
    assert window.step_list.currentRow() == 1
