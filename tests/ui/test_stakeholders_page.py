"""The Stakeholders step, driven through its widgets."""

from __future__ import annotations

from page_driving import open_page
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import Contact, PartyRole
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.stakeholders import StakeholdersPage, escalation_path_text

NAME, PARTY, ROLE, EMAIL, PHONE, LEVEL = range(6)




def _show_focused(qtbot: QtBot, page: StakeholdersPage) -> None:
    """Show the page as the active window with the table focused, as after a click."""
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.contacts.table.setFocus()
    qtbot.waitUntil(page.contacts.table.hasFocus)


def _cell(page: StakeholdersPage, row: int, col: int) -> str:
    item = page.contacts.table.item(row, col)
    assert item is not None
    return item.text()


def test_contacts_table_and_escalation_path(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Opening a project lists its contacts by party name and shows who escalates to whom."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    assert page.contacts.table.rowCount() == 3
    assert _cell(page, 0, NAME) == "Priya Nair"
    assert _cell(page, 0, PARTY) == "Northwind IT Services LLC"
    assert _cell(page, 2, PARTY) == "Harbor Bakery Co."
    assert _cell(page, 1, LEVEL) == "2"
    assert _cell(page, 2, LEVEL) == "not in path"
    assert page.path_label.text() == (
        "Level 1: Priya Nair (Service Desk Lead) → Level 2: Dana Whitfield (Managing Director)")
    assert page.responsibilities_edit.lines() == [
        "Triage and assign every ticket", "Send the monthly service report"]
    assert not us_document.modified


def test_typing_in_a_cell_renames_the_contact(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """Typing a new name into the table changes the contact, the path and the heading."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    table = page.contacts.table
    _show_focused(qtbot, page)
    table.setCurrentCell(0, NAME)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Priya N. Nair")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits on the next event loop turn
    qtbot.waitUntil(lambda: us_document.project.contacts[0].name == "Priya N. Nair")
    assert us_document.modified
    assert page.path_label.text().startswith("Level 1: Priya N. Nair (Service Desk Lead)")
    assert table.currentRow() == 1  # Enter went on to the row below, as in a spreadsheet
    table.setCurrentCell(0, NAME)
    assert "Priya N. Nair" in page.detail_box.title()


def test_escalation_level_and_party_edits(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Putting the customer's owner in the path at level 3 shows at once in the path text."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    table = page.contacts.table
    _show_focused(qtbot, page)
    table.setCurrentCell(2, LEVEL)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    spin = QApplication.focusWidget()
    assert isinstance(spin, QSpinBox)
    assert spin.minimum() == 0  # a negative level would make the file unloadable
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    luis = us_document.project.contacts[2]
    qtbot.waitUntil(lambda: luis.escalation_level == 3)
    assert us_document.modified
    assert page.path_label.text().endswith("→ Level 3: Luis Ortega (Owner)")

    page.contacts.set_value(0, PARTY, PartyRole.CUSTOMER)
    assert us_document.project.contacts[0].party is PartyRole.CUSTOMER
    assert _cell(page, 0, PARTY) == "Harbor Bakery Co."


def test_responsibilities_follow_the_selection(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """The detail editor shows and edits the selected contact, and selecting alone saves nothing."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.table.setCurrentCell(1, NAME)
    assert page.responsibilities_edit.lines() == [
        "Final escalation point", "Chair the quarterly review"]
    assert "Dana Whitfield" in page.detail_box.title()
    assert not us_document.modified

    page.responsibilities_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(page.responsibilities_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.responsibilities_edit, "Approve major changes")
    dana, priya = us_document.project.contacts[1], us_document.project.contacts[0]
    assert dana.responsibilities[-1] == "Approve major changes"
    assert len(priya.responsibilities) == 2
    assert us_document.modified

    page.contacts.table.setCurrentCell(0, ROLE)
    assert page.responsibilities_edit.lines() == priya.responsibilities


def test_add_and_remove_contacts(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Add gives an empty contact ready to describe; Remove takes the selected one away."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    qtbot.mouseClick(page.contacts.add_button, Qt.MouseButton.LeftButton)
    contacts = us_document.project.contacts
    assert len(contacts) == 4
    assert page.contacts.current_row() == 3
    assert page.responsibilities_edit.lines() == []
    assert page.responsibilities_edit.isEnabled()
    assert us_document.modified
    qtbot.keyClicks(page.responsibilities_edit, "Answers the phone")
    assert contacts[3].responsibilities == ["Answers the phone"]

    page.contacts.table.setCurrentCell(0, NAME)
    qtbot.mouseClick(page.contacts.remove_button, Qt.MouseButton.LeftButton)
    assert contacts[0].name == "Dana Whitfield"
    assert page.path_label.text() == "Level 2: Dana Whitfield (Managing Director)"
    assert page.responsibilities_edit.lines() == contacts[0].responsibilities


def test_no_contacts_disables_the_detail(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """With no contact there is nothing to type responsibilities into, and the path says why."""
    us_document.project.contacts.clear()
    page = open_page(qtbot, StakeholdersPage, us_document)
    assert not page.responsibilities_edit.isEnabled()
    assert "escalation level of 1" in page.path_label.text()


def test_contact_problems_show_under_the_table(qtbot: QtBot,
                                               us_document: ProjectDocument) -> None:
    """A nameless contact is flagged beside the table, and jumping to it selects its row."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.set_value(2, NAME, " ")
    page.show_problems(check_project(us_document.project))
    match = page._field_for(("contacts", 2, "name"))
    assert match is not None
    assert match[1] is page.contacts
    assert "A contact needs a name." in match[2].messages()

    page.focus_problem(("contacts", 2, "name"))
    assert page.contacts.current_row() == 2
    assert page.contacts.table.currentColumn() == NAME
    assert page.responsibilities_edit.lines() == us_document.project.contacts[2].responsibilities


def test_select_item_selects_the_row_and_column(qtbot: QtBot,
                                                us_document: ProjectDocument) -> None:
    """The review step's link to a contact's e-mail lands on that cell."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.select_item(("contacts", 1, "email"))
    assert page.contacts.current_row() == 1
    assert page.contacts.table.currentColumn() == EMAIL
    page.select_item(("contacts",))
    assert page.contacts.current_row() == 1


def test_party_column_follows_the_party_names(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """Renaming a party on the Parties step renames it here; an unnamed party reads "Provider"."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    us_document.project.parties.provider.name = ""
    us_document.project.parties.customer.name = "Harbor Bakery Inc."
    page.reload()
    assert _cell(page, 0, PARTY) == "Provider"
    assert _cell(page, 2, PARTY) == "Harbor Bakery Inc."
    assert not us_document.modified


def test_escalation_path_text() -> None:
    """The path lists levels in order, people sharing a level together, skipping level 0."""
    contacts = [
        Contact(name="B", role="Head", escalation_level=2),
        Contact(name="A", role="", escalation_level=1),
        Contact(name="C", role="Lead", escalation_level=2),
        Contact(name="D", role="Owner", escalation_level=0),
    ]
    assert escalation_path_text(contacts) == "Level 1: A → Level 2: B (Head), C (Lead)"
    assert "escalation level of 1" in escalation_path_text([contacts[3]])
