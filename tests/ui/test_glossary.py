"""Help for the jargon: Help → Glossary lists the terms, F1 on a field shows
its hint, the glossary entry its label names and the step's help."""

from __future__ import annotations

from example_paths import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wizard.core.steps import Step
from wizard.i18n import _
from wizard.ui.glossary import GLOSSARY, entry_for, glossary_entries, names_term
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
    # a plural label or an abbreviated term still finds its entry (Italian, French)
    assert names_term("&Finestre di manutenzione", "Finestra di manutenzione")
    assert names_term("Obiettivo", "Obiett.") and names_term("Délais de résolution",
                                                             "Délai de résolution")
    assert not names_term("Sole", "Solde") and not names_term("di", "da")
    entry = entry_for("Maintenance &windows")
    assert entry is not None and entry[0] == "Maintenance window"


def test_the_glossary_follows_the_interface_language() -> None:
    apply_language("de")
    try:
        entries = glossary_entries()
        assert len(entries) == len(GLOSSARY)
        assert [term for term, _text in entries] == sorted(
            (_(term).replace("&", "") for term, _text in GLOSSARY), key=str.casefold)
    finally:
        apply_language(ENGLISH)


def _label_texts(window: MainWindow) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    texts: list[str] = []
    for page in window.pages:
        texts += [w.text() for w in page.findChildren(QLabel)]
        texts += [w.title() for w in page.findChildren(QGroupBox)]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
    return [text.replace("&", "").casefold() for text in texts if text]


def test_every_glossary_term_is_a_label_f1_finds_in_every_language(qtbot: QtBot) -> None:
    """An entry no field's label names is never shown by F1: the glossary and the
    labels must say the same words, in each interface language."""
    from wizard.settings import Settings
    from wizard.ui.language import interface_languages

    for language in interface_languages():
        apply_language(language)
        try:
            window = MainWindow(Settings())
            qtbot.addWidget(window)
            window.open_path(EXAMPLES[0], ask=False)
            labels = _label_texts(window)
            missing = [term for term, _text in glossary_entries()
                       if not any(names_term(label, term) for label in labels)]
            assert missing == [], (language, missing)
            window.close()
        finally:
            apply_language(ENGLISH)
