"""The interface language follows the system on first start."""

from __future__ import annotations

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


def test_language_menu_remembers_the_choice(qtbot: QtBot) -> None:
    """Choosing Deutsch in the Language menu is kept for the next start."""
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
