"""The interface language follows the system on first start."""

from __future__ import annotations

from wizard import i18n
from wizard.ui.language import ENGLISH, apply_language, best_match, interface_languages


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
