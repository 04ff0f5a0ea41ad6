"""The interface in German, step by step: labels that read the same in both
languages ("Name", "Start") are allowed, the English wording of the others is not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wizard.i18n import _
from wizard.settings import Settings
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.main_window import MainWindow


@pytest.fixture
def german(qtbot: QtBot) -> Iterator[MainWindow]:
    assert apply_language("de") == "de"
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.preview.wait_idle()
    apply_language(ENGLISH)


def test_every_step_shows_german_labels(german: MainWindow) -> None:
    """A German user would meet English words somewhere in the wizard."""
    window = german
    assert window.menuBar().actions()[0].text() == "&Datei"
    titles = []
    for index, page in enumerate(window.pages):
        window.go_to(index)
        title = window.step_title.text()
        titles.append(title)
        assert title == _(page.title)
        assert title != page.title or title == "Start"  # the same word in German
        labels = [label.text() for label in page.findChildren(QLabel) if label.text()]
        english = [text for text in labels if text in ENGLISH_LABELS]
        assert not english, (title, english)
    assert titles[1] == "Grundlagen"
    assert "Grundlagen" in [window.step_list.item(i).text() for i in range(len(window.pages))]


ENGLISH_LABELS = {
    "&Title", "&Reference", "&Contract language", "C&urrency", "&Purpose and scope",
    "Time zone and public holidays", "Service coverage", "&Identifier", "Kind",
    "Give the customer credits when a target is missed", "Problems", "Summary",
    "New agreement", "Existing project", "&Recent projects", "Escalation path",
}

