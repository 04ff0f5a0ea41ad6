"""The interface language follows the system on first start."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from wizard import i18n
from wizard.translations import best_match
from wizard.ui.language import ENGLISH, apply_language, interface_languages


def test_best_match_picks_the_closest_language() -> None:
    """A Swiss or Austrian system gets German, a Brazilian one Brazilian Portuguese."""
    offered = ["en", "de", "fr", "pt_BR"]
    assert best_match("de_AT", offered) == "de"
    assert best_match("de-CH", offered) == "de"
    assert best_match("pt_BR", offered) == "pt_BR"
    assert best_match("pt_PT", offered) == "pt_BR"
    assert best_match("ja_JP", offered) == ENGLISH
    assert best_match("fr", offered) == "fr"


def test_unknown_language_falls_back_to_english() -> None:
    """Asking for a language with no catalog leaves the interface in English."""
    assert interface_languages()[0] == ENGLISH
    assert apply_language("xx") == ENGLISH
    assert i18n._("Contract preview") == "Contract preview"


def answer_with(monkeypatch: pytest.MonkeyPatch, label: str) -> list[str]:
    """The next message boxes are answered by clicking ``label``; their texts."""
    shown: list[str] = []

    def click(box: QMessageBox) -> int:
        shown.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return shown


def test_language_menu_remembers_the_choice(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing Deutsch in the Language menu is kept for the next start."""
    shown = answer_with(monkeypatch, "Later")
    from wizard.settings import Settings, load_settings
    from wizard.ui.main_window import MainWindow

    window = MainWindow(Settings(interface_language="en"))
    qtbot.addWidget(window)
    names = [action.text() for action in window.language_menu.actions()]
    assert names[0] == "English" and "Deutsch" in names and "Português (Brasil)" in names
    german = next(a for a in window.language_menu.actions() if a.text() == "Deutsch")
    german.trigger()
    assert german.isChecked()
    assert load_settings().interface_language == "de"
    assert shown == ["SLA Wizard will appear in Deutsch after a restart."]


def test_restart_now_closes_and_starts_again_on_the_project(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The language changed only after a manual restart: "Restart now"
    closes the window (asking to save changes) and starts the program again
    on the same project; cancelling the save question cancels the restart."""
    from PySide6.QtCore import QProcess

    from wizard.settings import Settings
    from wizard.ui.main_window import MainWindow

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, arguments: (started.append((program, arguments)),
                                                    (True, 1))[1])
    path = tmp_path / "msp.slaproj"
    shutil.copy(US_EXAMPLE, path)
    window = MainWindow(Settings(interface_language="en"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.is_loaded)
    window.document.about_to_change()
    window.document.project.agreement.title = "Changed"
    window.document.touch("Title")
    asked: list[str] = []

    def cancel(_parent: object, _title: str, text: str, *args: object,
               **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    answer_with(monkeypatch, "Restart now")
    window.choose_language("fr")
    assert window.isVisible() and started == []  # the user kept the window open
    assert len(asked) == 1  # "Save the changes?"

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.choose_language("de")
    assert not window.isVisible()
    assert started == [(sys.executable, [str(Path(sys.argv[0]).resolve()), str(path)])]
