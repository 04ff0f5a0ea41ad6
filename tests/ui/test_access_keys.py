"""Access keys: on every step, in every interface language, each Alt+letter
reaches one thing (the step's labels, buttons and check boxes, the menu bar,
Back and Next), and a label's key moves the focus to a field that takes it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
from babel.messages.pofile import read_po
from example_paths import EXAMPLES, ROOT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.steps import Step
from wizard.settings import Settings
from wizard.ui.access_keys import (
    AccessKey,
    clashes,
    labels_without_buddy,
    menu_keys,
    mnemonic,
    widget_keys,
)
from wizard.ui.language import ENGLISH, apply_language, interface_languages
from wizard.ui.main_window import MainWindow

LANGUAGES = interface_languages()


@cache
def translated_texts(language: str) -> frozenset[str]:
    """The texts the catalog of ``language`` translates to, without their
    ampersands. A text not yet translated shows in English with the English
    key: the translator picks its key, so it is not judged here."""
    path = ROOT / "resources" / "locale" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return frozenset(str(message.string).replace("&", "") for message in catalog
                     if message.id and isinstance(message.string, str) and message.string)


def judged(keys: list[AccessKey], language: str) -> list[AccessKey]:
    if language == ENGLISH:
        return keys
    translated = translated_texts(language)
    return [key for key in keys if key.text in translated]


@pytest.fixture(params=LANGUAGES)
def window_in(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[tuple[str, MainWindow]]:
    language: str = request.param
    assert apply_language(language) == language
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.open_path(EXAMPLES[0], ask=False)
    yield language, window
    window.preview.wait_idle()
    apply_language(ENGLISH)


def test_the_seven_interface_languages_are_checked() -> None:
    assert len(LANGUAGES) == 7


def test_access_keys_are_unique_on_every_step(window_in: tuple[str, MainWindow]) -> None:
    """Alt+N was both Next and Name, Alt+L opened the Language menu instead
    of a field: each step's keys, with the window's, are different."""
    language, window = window_in
    frame = [key for key in widget_keys(window) if not window.stack.isAncestorOf(key.widget)]
    frame += menu_keys(window.menuBar())
    assert {key.text for key in frame} >= {
        text.replace("&", "") for text in (window.back_button.text(), window.next_button.text())}
    found = {}
    for index, page in enumerate(window.pages):
        window.go_to(index)
        # rows a step shows only in some cases count as well (hidden_too)
        keys = judged(widget_keys(page, hidden_too=True) + frame, language)
        if clash := clashes(keys):
            found[page.step.value] = clash
    assert not found, (language, found)


def test_every_label_key_reaches_a_field(window_in: tuple[str, MainWindow]) -> None:
    """A table's label did nothing on Alt+letter: each label with a key has
    a field that takes the focus."""
    _language, window = window_in
    for index, page in enumerate(window.pages):
        window.go_to(index)
        assert labels_without_buddy(page) == [], page.step
        for label in page.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is None or mnemonic(label.text()) is None:
                continue
            assert buddy.focusPolicy() != Qt.FocusPolicy.NoFocus, (page.step, label.text())
            target: QWidget = buddy
            while target.focusProxy() is not None:
                target = target.focusProxy()
            assert target.focusPolicy() & Qt.FocusPolicy.TabFocus, (page.step, label.text())


def test_alt_key_of_a_table_label_focuses_the_table(window: MainWindow, qtbot: QtBot) -> None:
    """Alt+C on "Contacts" puts the focus into the contacts table."""
    window.open_path(EXAMPLES[0], ask=False)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    label = next(label for label in page.findChildren(QLabel) if label.text() == "&Contacts")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_C,
                   Qt.KeyboardModifier.AltModifier)
    buddy = label.buddy()
    assert buddy is not None
    assert QApplication.focusWidget() is buddy.focusProxy()


def test_a_clash_moves_the_later_key_to_a_free_letter_of_its_own_text(qtbot: QtBot) -> None:
    """Two labels a translation starts with the same letter, or a label on a
    menu's letter: the first keeps its key, the later one moves to a free
    word start, then to any free letter, and loses its key only when every
    letter of its text is taken."""
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout

    from wizard.ui.access_keys import settle_access_keys

    page = QWidget()
    layout = QVBoxLayout(page)
    texts = ["&Name", "&Notes && remarks", "&File name", "&Rn"]
    labels = []
    for text in texts:
        label = QLabel(text)
        field = QLineEdit()
        label.setBuddy(field)
        layout.addWidget(label)
        layout.addWidget(field)
        labels.append(label)
    box = QCheckBox("&Name the parties")
    layout.addWidget(box)
    qtbot.addWidget(page)
    settle_access_keys(page, reserved={"f"})  # F is the File menu's
    assert [label.text() for label in labels] == [
        "&Name",  # first on N: kept
        "Notes && &remarks",  # N taken: the next word's first letter
        "F&ile name",  # F and N taken, no other word start free: any free letter
        "Rn",  # R and N taken: no key rather than a clash
    ]
    assert box.text() == "Name &the parties"
    keys = [mnemonic(widget.text()) for widget in [*labels, box]]
    present = [key for key in keys if key is not None]
    assert len(present) == len(set(present)) and "f" not in present
