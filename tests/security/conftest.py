"""Files that are not what they seem: the same Qt set-up as tests/ui (the
program's application class, offscreen, no modal box that would wait for
ever), settings and recovery files in a temporary folder for every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from wizard.core import recovery
from wizard.settings import CONFIG_ENV
from wizard.ui.application import WizardApplication


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return WizardApplication


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the real user's settings, recent files or recovery files."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    yield folder
    recovery.end_sessions()


@pytest.fixture
def shown(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown (a modal box would block
    the test for ever); questions are answered "Discard"."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts: list[str] = []

    def record(answer: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, _title: str, text: str, *args: object,
                 **kwargs: object) -> QMessageBox.StandardButton:
            texts.append(text)
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.Discard))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record(QMessageBox.StandardButton.Ok))
    return texts
