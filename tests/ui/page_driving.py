"""Driving a single wizard page in a test, the way a user would."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from wizard.ui.document import ProjectDocument
from wizard.ui.pages.base import StepPage

PageT = TypeVar("PageT", bound=StepPage)


def open_page(qtbot: QtBot, page_class: type[PageT], document: ProjectDocument) -> PageT:
    """The page, showing ``document`` as it does when the user reaches it."""
    page = page_class(document)
    qtbot.addWidget(page)
    page.reload()
    return page


def activate(qtbot: QtBot, page: StepPage) -> None:
    """Show the page as the active window, so that focus and cell editors work."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace a field's text by typing, as a user selecting it all and typing over."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
