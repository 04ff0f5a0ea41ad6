"""The Parties step, driven through its widgets."""

from __future__ import annotations

from page_driving import open_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import PartyKind
from wizard.ui.access_keys import mnemonic
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.parties import PartiesPage


def test_parties_shows_both_parties(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Opening a project shows who provides and who receives the service, with signatories."""
    page = open_page(qtbot, PartiesPage, us_document)
    assert page.provider.name_edit.text() == "Northwind IT Services LLC"
    assert page.provider.address_edit.toPlainText() == (
        "400 Harbor Way, Suite 12\nPortland, OR 97201\nUSA")
    assert page.provider.registration_edit.text() == "OR 1234567-89"
    assert page.provider.signatory_title_edit.text() == "Managing Director"
    assert page.customer.name_edit.text() == "Harbor Bakery Co."
    assert page.customer.signatory_email_edit.text() == "luis@harborbakery.example"
    assert page.customer.kind_combo.currentIndex() == 0
    assert not us_document.modified


def test_typing_changes_the_right_party(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """What the user types for the customer lands on the customer, and the project is unsaved."""
    page = open_page(qtbot, PartiesPage, us_document)
    customer = us_document.project.parties.customer

    page.customer.name_edit.clear()
    qtbot.keyClicks(page.customer.name_edit, "Harbor & Sons <Bakery>")
    assert customer.name == "Harbor & Sons <Bakery>"
    assert us_document.project.parties.provider.name == "Northwind IT Services LLC"
    assert us_document.modified

    page.customer.kind_combo.setCurrentIndex(1)
    page.customer.kind_combo.activated.emit(1)
    assert customer.kind is PartyKind.DEPARTMENT
    assert us_document.project.parties.provider.kind is PartyKind.COMPANY

    page.customer.address_edit.clear()
    qtbot.keyClicks(page.customer.address_edit, "1 Pier Road")
    qtbot.keyClick(page.customer.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.customer.address_edit, "Seattle, WA")
    assert customer.address == "1 Pier Road\nSeattle, WA"

    qtbot.keyClicks(page.customer.registration_edit, "WA 602 123 456")
    assert customer.registration == "WA 602 123 456"

    page.provider.signatory_name_edit.clear()
    qtbot.keyClicks(page.provider.signatory_name_edit, "Sam Lee")
    page.provider.signatory_title_edit.clear()
    qtbot.keyClicks(page.provider.signatory_title_edit, "CEO")
    page.provider.signatory_email_edit.clear()
    qtbot.keyClicks(page.provider.signatory_email_edit, "sam@northwind-it.example")
    signatory = us_document.project.parties.provider.signatory
    assert (signatory.name, signatory.title, signatory.email) == (
        "Sam Lee", "CEO", "sam@northwind-it.example")


def test_problems_show_under_the_party_fields(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """A missing name or signatory is flagged right under that party's field, not the other's."""
    page = open_page(qtbot, PartiesPage, us_document)
    page.provider.name_edit.selectAll()
    qtbot.keyClick(page.provider.name_edit, Qt.Key.Key_Delete)
    page.provider.name_edit.textEdited.emit("")
    page.customer.signatory_name_edit.selectAll()
    qtbot.keyClick(page.customer.signatory_name_edit, Qt.Key.Key_Delete)
    page.customer.signatory_name_edit.textEdited.emit("")
    assert us_document.project.parties.provider.name == ""

    page.show_problems(check_project(us_document.project))
    provider_name = page._field_for(("parties", "provider", "name"))
    customer_name = page._field_for(("parties", "customer", "name"))
    signatory = page._field_for(("parties", "customer", "signatory", "name"))
    assert provider_name is not None and customer_name is not None and signatory is not None
    assert provider_name[1] is page.provider.name_edit
    assert provider_name[2].messages() == ["Name this party."]
    assert customer_name[2].messages() == []
    assert signatory[1] is page.customer.signatory_name_edit
    assert any("signs" in text for text in signatory[2].messages())


def test_every_field_has_its_own_shortcut_and_name(qtbot: QtBot,
                                                   us_document: ProjectDocument) -> None:
    """Alt+letter reaches exactly one field, and a screen reader says whose field it is.
    Fourteen fields and the window's own keys (Back, Next and the menus) leave
    too few letters of these words for all: three fields go without."""
    page = open_page(qtbot, PartiesPage, us_document)
    labels = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
    assert len(labels) == 14
    letters = [key for label in labels if (key := mnemonic(label.text())) is not None]
    assert len(letters) == 11
    assert len(set(letters)) == len(letters)
    names = [label.buddy().accessibleName() for label in labels]
    assert len(set(names)) == len(names)
    assert page.customer.name_edit.accessibleName() == "Customer: Name"


def test_tab_walks_through_provider_then_customer(qtbot: QtBot,
                                                  us_document: ProjectDocument) -> None:
    """Tab goes down the provider's fields, then the customer's, without getting stuck."""
    page = open_page(qtbot, PartiesPage, us_document)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    expected = [page.provider.name_edit, page.provider.kind_combo, page.provider.address_edit,
                page.provider.registration_edit, page.provider.signatory_name_edit,
                page.provider.signatory_title_edit, page.provider.signatory_email_edit,
                page.customer.name_edit, page.customer.kind_combo, page.customer.address_edit]
    page.provider.name_edit.setFocus()
    qtbot.waitUntil(lambda: page.provider.name_edit.hasFocus())
    for widget in expected[1:]:
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is widget
    assert not us_document.modified


def test_an_address_that_is_no_e_mail_is_said_beside_the_field(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """An invalid e-mail address passed without a word."""
    page = open_page(qtbot, PartiesPage, us_document)
    page.show()
    edit = page.customer.signatory_email_edit
    message = page._field_for(("parties", "customer", "signatory", "email"))
    assert message is not None and message[1] is edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "anna.example.com")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert message[2].messages() == [
        "“anna.example.com” is not an e-mail address: write it as name@example.com."]
    edit.selectAll()
    qtbot.keyClicks(edit, "anna@example.com")
    assert message[2].messages() == []
    assert us_document.project.parties.customer.signatory.email == "anna@example.com"
