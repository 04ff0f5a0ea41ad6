"""Help for the jargon: Help → Glossary lists the terms, F1 on a field shows
its hint, the glossary entry its label names and the step's help."""

from __future__ import annotations

from example_paths import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wizard.core.steps import Step
from wizard.i18n import _
from wizard.ui.glossary import GLOSSARY, entry_for, glossary_entries
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.main_window import MainWindow


def test_help_menu_offers_the_glossary(window: MainWindow, qtbot: QtBot) -> None:
    """Help had only About."""
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is not None
    texts = [action.text() for action in help_menu.actions()]
    assert "&Glossary…" in texts
    window.context_help.glossary_action.trigger()
    dialog = window.context_help.dialog
    assert dialog is not None and dialog.isVisible()
    shown = dialog.browser.toPlainText()
    for term in ("Baseline", "Cure period", "Sole remedy", "Chronic failure", "Support hours"):
        assert term in shown
    assert shown.index("Baseline") < shown.index("Cure period")  # in order
    dialog.close()


def test_f1_on_a_field_explains_it(window: MainWindow, qtbot: QtBot) -> None:
    """Baseline, Direction, Measured during were explained only in small grey hints."""
    window.open_path(EXAMPLES[0], ask=False)
    window.go_to(window.pages.index_of(Step.METRICS))
    page = window.current_page()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    baseline = page.baseline_edit  # type: ignore[attr-defined]
    baseline.setFocus()
    qtbot.waitUntil(baseline.hasFocus)
    qtbot.keyClick(baseline, Qt.Key.Key_F1)
    shown = window.context_help.last_shown
    assert "<b>Baseline</b>" in shown
    assert "The level measured before the agreement" in shown
    assert "Every metric needs a target" in shown  # the step's help follows


def test_the_label_names_its_entry() -> None:
    assert entry_for("Provider: Baseline") is not None
    entry = entry_for("Measured &during")
    assert entry is not None and entry[0] == "Measured during"
    assert entry_for("Title") is None


def test_the_glossary_follows_the_interface_language() -> None:
    apply_language("de")
    try:
        entries = glossary_entries()
        assert len(entries) == len(GLOSSARY)
        assert [term for term, _text in entries] == sorted(
            (_(term) for term, _text in GLOSSARY), key=str.casefold)
    finally:
        apply_language(ENGLISH)
