"""The Basics step, driven through its widgets."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import AgreementType
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.basics import BasicsPage


def test_basics_shows_and_edits_the_project(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Typing a title, picking a type and a date changes the project and marks it unsaved."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    assert page.title_edit.text() == "Managed IT Support Service Level Agreement"
    assert page.date_edit.date() == QDate(2027, 1, 1)
    assert page.definitions.table.rowCount() == 3

    page.title_edit.clear()
    qtbot.keyClicks(page.title_edit, "Bakery IT & Support <SLA>")
    assert us_document.project.agreement.title == "Bakery IT & Support <SLA>"
    assert us_document.modified

    page.type_combo.setCurrentIndex(3)
    page.type_combo.activated.emit(3)
    assert us_document.project.agreement.type is AgreementType.INTERNAL

    page.date_edit.setDate(QDate(2027, 2, 15))
    assert us_document.project.agreement.effective_date == datetime.date(2027, 2, 15)


def test_empty_title_shows_an_error_beside_the_field(qtbot: QtBot,
                                                     us_document: ProjectDocument) -> None:
    """The user sees what is wrong right under the field, not only in a dialog."""
    page = BasicsPage(us_document)
    qtbot.addWidget(page)
    page.reload()
    page.title_edit.selectAll()
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Delete)
    page.title_edit.textEdited.emit("")
    page.show_problems(check_project(us_document.project))
    message = page._field_for(("agreement", "title"))
    assert message is not None
    assert any("title" in text for text in message[2].messages())
