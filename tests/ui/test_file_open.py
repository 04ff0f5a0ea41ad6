"""A project double-clicked in the macOS Finder arrives as a file-open event.

If this broke, double-clicking a ``.slaproj`` (or dropping it on the Dock
icon) on a Mac would bring SLA Wizard up without the project in it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wizard.ui.application import WizardApplication
from wizard.ui.main_window import MainWindow


@pytest.fixture
def handler(qapp: QApplication) -> Iterator[WizardApplication]:
    """The program's application (the UI tests run in one), detached again afterwards."""
    assert isinstance(qapp, WizardApplication)
    yield qapp
    qapp.detach()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project in the user's own folder, as the Finder hands it over."""
    path = tmp_path / "Finder copy.slaproj"
    shutil.copyfile(US_EXAMPLE, path)
    return path


def test_a_project_opened_from_the_finder_opens_in_the_window(
        qapp: QApplication, qtbot: QtBot, window: MainWindow, handler: WizardApplication,
        project: Path) -> None:
    handler.attach(window)

    qapp.postEvent(qapp, QFileOpenEvent(str(project)))

    qtbot.waitUntil(lambda: window.document.path == project.resolve())
    assert "Finder copy" in window.windowTitle()


def test_a_project_opened_before_the_window_exists_opens_once_it_does(
        qapp: QApplication, qtbot: QtBot, window: MainWindow, handler: WizardApplication,
        project: Path) -> None:
    """At launch macOS sends the event as soon as the program runs, possibly
    before the window is ready."""
    qapp.sendEvent(qapp, QFileOpenEvent(str(project)))
    assert window.document.path != project.resolve()

    handler.attach(window)

    qtbot.waitUntil(lambda: window.document.path == project.resolve())
    assert "Finder copy" in window.windowTitle()
