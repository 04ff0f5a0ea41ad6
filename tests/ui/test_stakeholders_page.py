"""The Stakeholders step, driven through its widgets."""

from __future__ import annotations

from example_paths import US_EXAMPLE
from page_driving import activate, list_titles, open_page
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step, check_project
from wizard.core.model import Contact, PartyRole
from wizard.ui.access_keys import mnemonic
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.stakeholders import StakeholdersPage, escalation_path_text

LEFT = Qt.MouseButton.LeftButton



def _type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into a field, select what it holds and type over it, as a user would."""
    qtbot.mouseClick(widget, LEFT)
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_contacts_list_detail_and_escalation_path(qtbot: QtBot,
                                                  us_document: ProjectDocument) -> None:
    """Opening a project lists its contacts by name and role, shows the first
    one's fields in full and who escalates to whom."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    assert list_titles(page.contacts.items) == [
        "Priya Nair – Service Desk Lead", "Dana Whitfield – Managing Director",
        "Luis Ortega – Owner"]
    assert page.name_edit.text() == "Priya Nair"
    assert page.party_combo.currentText() == "Northwind IT Services LLC"
    assert page.role_edit.text() == "Service Desk Lead"
    assert page.email_edit.text() == us_document.project.contacts[0].email
    assert page.level_spin.value() == 1
    assert page.path_label.text() == (
        "Level 1: Priya Nair (Service Desk Lead) → Level 2: Dana Whitfield (Managing Director)")
    assert page.responsibilities_edit.lines() == [
        "Triage and assign every ticket", "Send the monthly service report"]
    page.contacts.select_row(2)
    assert page.party_combo.currentText() == "Harbor Bakery Co."
    assert page.level_spin.text() == "not in path"
    assert not us_document.modified


def test_add_a_contact_with_the_button_and_fields(qtbot: QtBot,
                                                  us_document: ProjectDocument) -> None:
    """Add, then typing into the detail fields, makes a complete contact in the project."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    activate(qtbot, page)
    qtbot.mouseClick(page.contacts.items.add_button, LEFT)
    contacts = us_document.project.contacts
    assert len(contacts) == 4
    assert page.contacts.current_row() == 3
    assert page.detail_box.isEnabled()
    qtbot.waitUntil(page.name_edit.hasFocus)  # ready to type the name
    qtbot.keyClicks(page.name_edit, "Ana Ruiz")
    page.party_combo.setFocus()
    qtbot.keyClick(page.party_combo, Qt.Key.Key_Down)  # the customer
    _type_into(qtbot, page.role_edit, "Office Manager")
    _type_into(qtbot, page.email_edit, "ana.ruiz@example.com")
    _type_into(qtbot, page.phone_edit, "+1 555 0100")
    page.level_spin.setFocus()
    page.level_spin.selectAll()
    qtbot.keyClicks(page.level_spin, "3")
    _type_into(qtbot, page.responsibilities_edit, "Orders supplies")
    qtbot.keyClick(page.responsibilities_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.responsibilities_edit, "Approves invoices")
    ana = contacts[3]
    assert (ana.name, ana.party, ana.role, ana.email, ana.phone, ana.escalation_level) == (
        "Ana Ruiz", PartyRole.CUSTOMER, "Office Manager", "ana.ruiz@example.com",
        "+1 555 0100", 3)
    assert ana.responsibilities == ["Orders supplies", "Approves invoices"]
    assert list_titles(page.contacts.items)[3] == "Ana Ruiz – Office Manager"
    assert "Ana Ruiz" in page.detail_box.title()
    assert page.path_label.text().endswith("→ Level 3: Ana Ruiz (Office Manager)")
    assert us_document.modified


def test_a_long_responsibility_wraps_and_is_kept_whole(qtbot: QtBot,
                                                      us_document: ProjectDocument) -> None:
    """A long line is wrapped in its multi-line editor, never cut short."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.resize(1000, 700)
    activate(qtbot, page)
    long_text = ("Reviews every major incident with the customer within five working days "
                 "and agrees the corrective actions, their owners and their deadlines")
    edit = page.responsibilities_edit
    edit.selectAll()
    qtbot.keyClicks(edit, long_text)
    assert us_document.project.contacts[0].responsibilities == [long_text]
    assert edit.toPlainText() == long_text  # the text is complete in the widget
    assert edit.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    layout = edit.document().firstBlock().layout()
    assert layout is not None and layout.lineCount() > 1  # shown on several lines
    assert edit.horizontalScrollBar().maximum() == 0  # nothing off to the side


def test_remove_and_ctrl_z_restores_the_contact(window: MainWindow, qtbot: QtBot) -> None:
    """Remove takes the selected contact away; Ctrl+Z brings it back, in the list too."""
    window.open_path(US_EXAMPLE, ask=False)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.contacts.select_row(0)
    qtbot.mouseClick(page.contacts.items.remove_button, LEFT)
    assert [c.name for c in window.document.project.contacts] == [
        "Dana Whitfield", "Luis Ortega"]
    assert page.path_label.text() == "Level 2: Dana Whitfield (Managing Director)"
    assert page.name_edit.text() == "Dana Whitfield"
    page.contacts.items.table.setFocus()
    qtbot.keyClick(page.contacts.items.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.name for c in window.document.project.contacts] == [
        "Priya Nair", "Dana Whitfield", "Luis Ortega"]
    assert list_titles(page.contacts.items)[0] == "Priya Nair – Service Desk Lead"


def test_move_up_reorders_the_contacts(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Move up puts the selected contact before the one above it, and keeps it selected."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.select_row(2)
    qtbot.mouseClick(page.contacts.items.up_button, LEFT)
    assert [c.name for c in us_document.project.contacts] == [
        "Priya Nair", "Luis Ortega", "Dana Whitfield"]
    assert page.contacts.current_row() == 1
    assert page.name_edit.text() == "Luis Ortega"
    assert list_titles(page.contacts.items)[1] == "Luis Ortega – Owner"
    assert us_document.modified


def test_selecting_shows_the_contact_and_saves_nothing(qtbot: QtBot,
                                                       us_document: ProjectDocument) -> None:
    """The detail fields show and edit the selected contact; selecting alone saves nothing."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.items.table.setCurrentCell(1, 0)
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

    page.contacts.select_row(0)
    assert page.responsibilities_edit.lines() == priya.responsibilities
    assert page.name_edit.text() == "Priya Nair"


def test_no_contacts_disables_the_detail(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """With no contact there is nothing to type into, and the path says why."""
    us_document.project.contacts.clear()
    page = open_page(qtbot, StakeholdersPage, us_document)
    assert not page.detail_box.isEnabled()
    assert page.detail_box.title() == "Selected contact: none"
    assert "escalation level of 1" in page.path_label.text()


def test_contact_problems_show_under_the_list(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """A nameless contact is flagged beside the list, and jumping to it selects it."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    us_document.project.contacts[2].name = " "
    page.show_problems(check_project(us_document.project))
    match = page._field_for(("contacts", 2, "name"))
    assert match is not None
    assert match[1] is page.contacts
    assert "Contact 3: A contact needs a name." in match[2].messages()  # told by its place

    page.focus_problem(("contacts", 2, "name"))
    assert page.contacts.current_row() == 2
    assert page.responsibilities_edit.lines() == us_document.project.contacts[2].responsibilities
    # selected, the contact's problem stands beside its name field, which has the focus
    match = page._field_for(("contacts", 2, "name"))
    assert match is not None and match[1] is page.name_edit
    assert "A contact needs a name." in match[2].messages()
    assert match[2].isVisibleTo(page)
    assert "A contact needs a name." not in page._field_for(("contacts",))[2].messages()


def test_party_choice_follows_the_party_names(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """Renaming a party on the Parties step renames it here; an unnamed party reads "Provider"."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    us_document.project.parties.provider.name = ""
    us_document.project.parties.customer.name = "Harbor Bakery Inc."
    page.reload()
    assert page.party_combo.itemText(0) == "Provider"
    assert page.party_combo.itemText(1) == "Harbor Bakery Inc."
    assert not us_document.modified


def test_tab_goes_from_the_list_through_its_buttons_to_the_fields(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Tab reads the section as it is laid out: list, buttons, then the fields."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.contacts.select_row(1)  # every button enabled
    activate(qtbot, page)
    items = page.contacts.items
    items.table.setFocus()
    qtbot.waitUntil(items.table.hasFocus)
    expected = [items.add_button, items.remove_button, items.up_button, items.down_button,
                page.name_edit, page.party_combo, page.role_edit, page.email_edit,
                page.phone_edit, page.level_spin, page.responsibilities_edit]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_list_and_detail_side_by_side_or_stacked(qtbot: QtBot,
                                                 us_document: ProjectDocument) -> None:
    """The detail sits beside the list on a wide page and under it on a narrow one."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    page.resize(1000, 700)
    activate(qtbot, page)
    qtbot.waitUntil(lambda: not page.contacts.stacked())
    assert page.detail_box.x() > page.contacts.items.x()
    page.resize(480, 900)
    qtbot.waitUntil(page.contacts.stacked)
    qtbot.waitUntil(lambda: page.detail_box.y() > page.contacts.items.y())


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


def test_the_detail_fields_keep_their_access_keys(window: MainWindow, qtbot: QtBot) -> None:
    """The field labels beside the list keep their own keys (the list's buttons
    give way), and Alt with the name's key goes to the name field."""
    window.open_path(US_EXAMPLE, ask=False)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    labels = {label.buddy(): label.text() for label in page.findChildren(QLabel)
              if label.buddy() is not None}
    for field in (page.name_edit, page.role_edit, page.email_edit, page.phone_edit,
                  page.level_spin, page.responsibilities_edit):
        assert mnemonic(labels[field]) is not None, labels[field]
    assert labels[page.name_edit] == "Na&me"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_M,
                   Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.name_edit


def _signatory_entries(page: StakeholdersPage) -> list[tuple[str, bool]]:
    page.signatory_menu.aboutToShow.emit()  # as opening the button's menu fills it
    return [(a.text(), a.isEnabled()) for a in page.signatory_menu.actions()]


def test_a_signatory_is_added_as_a_contact_without_typing_it_again(
        window: MainWindow, qtbot: QtBot) -> None:
    """A signatory who is also a contact was typed twice: name, title and e-mail."""
    window.open_path(US_EXAMPLE, ask=False)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    project = window.document.project
    assert _signatory_entries(page) == [
        ("Dana Whitfield (Northwind IT Services LLC): already a contact", False),
        ("Luis Ortega (Harbor Bakery Co.): already a contact", False)]
    page.contacts.select_row(1)
    qtbot.mouseClick(page.contacts.items.remove_button, LEFT)
    assert [c.name for c in project.contacts] == ["Priya Nair", "Luis Ortega"]
    entries = _signatory_entries(page)
    assert entries[0] == ("Dana Whitfield (Northwind IT Services LLC)", True)
    page.signatory_menu.actions()[0].trigger()
    added = project.contacts[-1]
    assert (added.name, added.party, added.role, added.email) == (
        "Dana Whitfield", PartyRole.PROVIDER, "Managing Director", "dana@northwind-it.example")
    assert page.contacts.current_row() == 2 and page.name_edit.text() == "Dana Whitfield"
    assert page.email_edit.text() == "dana@northwind-it.example"
    assert window.undo_action.text().endswith("Add contact “Dana Whitfield”")
    window.undo_action.trigger()
    assert [c.name for c in window.document.project.contacts] == ["Priya Nair", "Luis Ortega"]


def test_a_presets_example_signatory_is_not_offered(window: MainWindow) -> None:
    """The preset's made-up signatory would become a contact looking like the user's own."""
    from wizard.core.model import AgreementType

    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    entries = _signatory_entries(page)
    assert [enabled for _text, enabled in entries] == [False, False]
    assert all("no signatory named on the Parties step" in text for text, _on in entries)


def test_a_problem_of_a_contact_not_selected_names_the_contact(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """"Two contacts have this name" under the list did not say which contacts."""
    page = open_page(qtbot, StakeholdersPage, us_document)
    us_document.project.contacts[1].name = "Priya Nair"
    page.contacts.select_row(2)
    page.show_problems(check_project(us_document.project))
    under_list = page._field_for(("contacts",))
    assert under_list is not None and under_list[1] is page.contacts
    messages = under_list[2].messages()
    assert any(m.startswith("Priya Nair: Two contacts have this name") for m in messages), \
        messages
    page.focus_problem(("contacts", 0, "name"))  # selected: beside its field, as it was
    match = page._field_for(("contacts", 0, "name"))
    assert match is not None and match[1] is page.name_edit
    assert any(m.startswith("Two contacts have this name") for m in match[2].messages())
