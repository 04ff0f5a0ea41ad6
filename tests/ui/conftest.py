"""Qt tests: a project document to drive pages with, settings in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.project_file import load_project
from wizard.settings import CONFIG_ENV, Settings
from wizard.ui.application import WizardApplication
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.review import ReviewPage


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """The UI tests run in the program's own application class."""
    return WizardApplication


@pytest.fixture(autouse=True)
def earlier_widgets_deleted(qapp: QApplication) -> None:
    """The widgets earlier tests closed are deleted before this test starts,
    not while it runs (under an event filter it may have installed)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the real user's settings or recent files."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal message box would block a test for ever: each one is recorded
    instead, and questions are answered "Discard". Tests that care about a
    dialog patch it themselves."""
    shown: list[str] = []

    def record(answer: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, _title: str, text: str, *args: object,
                 **kwargs: object) -> QMessageBox.StandardButton:
            shown.append(text)
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Discard))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", lambda *args: None)
    return shown


@pytest.fixture
def us_document() -> ProjectDocument:
    """The US example opened, as the window holds it."""
    return ProjectDocument(load_project(US_EXAMPLE), US_EXAMPLE)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window, shown, with fresh settings; it waits for its background
    work before it is closed."""
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()  # shown and painted before the test (and its fixtures) go on
    yield win
    win.preview.wait_idle()
    review = win.built_page_for(Step.REVIEW)  # generates in the background
    if isinstance(review, ReviewPage):
        review.wait_idle()
