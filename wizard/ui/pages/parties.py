"""Parties: the provider and the customer, each with its signatory."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Step
from wizard.core.model import Party, PartyKind, Project
from wizard.core.references import person_references
from wizard.i18n import N_, _
from wizard.ui.binder import Base, field
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.fields import TextBox
from wizard.ui.widgets.typed_inputs import say_when_no_email


def party_kind_choices() -> list[tuple[PartyKind, str]]:
    return [
        (PartyKind.COMPANY, _("Company or other legal entity")),
        (PartyKind.DEPARTMENT, _("Department (internal agreement)")),
    ]


@dataclass
class PartyFields:
    """The editors of one party."""

    box: QGroupBox
    name_edit: QLineEdit
    kind_combo: QComboBox
    address_edit: TextBox
    registration_edit: QLineEdit
    signatory_name_edit: QLineEdit
    signatory_title_edit: QLineEdit
    signatory_email_edit: QLineEdit


def _provider(project: Project) -> Party:
    return project.parties.provider


def _customer(project: Project) -> Party:
    return project.parties.customer


class PartiesPage(StepPage):
    step = Step.PARTIES
    title = N_("Parties")

    def build(self) -> None:
        # The two boxes have the same fields; their mnemonics differ so that
        # each Alt+letter reaches exactly one field.
        self.provider = self._party_box(
            "provider", _provider, _("Provider"),
            (_("Na&me"), _("&Kind"), _("Addre&ss"), _("&Registration"), _("Signatory"),
             _("Signatory's &title"), _("Signatory's e-mail")),
            _("e.g. Northwind IT Services LLC"))
        self.customer = self._party_box(
            "customer", _customer, _("Customer"),
            (_("N&ame"), _("K&ind"), _("A&ddress"), _("Re&gistration"), _("Signat&ory"),
             _("Signatory's title"), _("Signator&y's e-mail")),
            _("e.g. Harbor Bakery Co."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(self.provider.box)
        layout.addWidget(self.customer.box)
        layout.addStretch(1)

    def _party_box(self, role: str, base: Base, heading: str, labels: tuple[str, ...],
                   name_example: str) -> PartyFields:
        box = QGroupBox(heading)
        form = QFormLayout(box)
        loc = ("parties", role)

        name_edit = self.bind_text(QLineEdit(), field(Party, "name"), base)
        name_edit.setPlaceholderText(name_example)
        self.row(form, labels[0], name_edit, (*loc, "name"),
                 _("Exactly as registered; for an internal agreement, the department."))

        kind_combo = self.bind_choice(QComboBox(), field(Party, "kind"), party_kind_choices(), base)
        self.row(form, labels[1], kind_combo, (*loc, "kind"))

        address_edit = TextBox(_("Street\nPostal code and city\nCountry"), rows=3)
        self.bind_multiline(address_edit, field(Party, "address"), base)
        address_edit.setMaximumHeight(address_edit.fontMetrics().lineSpacing() * 6 + 14)
        self.row(form, labels[2], address_edit, (*loc, "address"),
                 _("Where notices under the agreement are sent."))

        registration_edit = self.bind_text(QLineEdit(), field(Party, "registration"), base)
        registration_edit.setPlaceholderText(_("e.g. Delaware file number 1234567"))
        self.row(form, labels[3], registration_edit, (*loc, "registration"),
                 _("Company register number; leave empty if there is none (a department, "
                   "a sole trader)."))

        signatory_name_edit = self.bind_text(QLineEdit(), field(Party, "signatory", "name"), base)
        self.follow_renames(signatory_name_edit,
                            lambda p: person_references(p, base(p).signatory.name))
        self.row(form, labels[4], signatory_name_edit, (*loc, "signatory", "name"),
                 _("The person with authority to sign for this party."))

        signatory_title_edit = self.bind_text(QLineEdit(), field(Party, "signatory", "title"), base)
        signatory_title_edit.setPlaceholderText(_("e.g. Managing Director"))
        self.row(form, labels[5], signatory_title_edit, (*loc, "signatory", "title"))

        signatory_email_edit = self.bind_text(QLineEdit(), field(Party, "signatory", "email"), base)
        signatory_email_edit.setPlaceholderText(_("e.g. name@example.com"))
        self.row(form, labels[6], signatory_email_edit, (*loc, "signatory", "email"))
        email_message = self._fields[-1][2]
        self.add_loader(say_when_no_email(signatory_email_edit, email_message.set_input_error))

        editors: tuple[QWidget, ...] = (
            name_edit, kind_combo, address_edit, registration_edit, signatory_name_edit,
            signatory_title_edit, signatory_email_edit)
        for editor, label in zip(editors, labels, strict=True):
            # Both boxes have a "Name": say whose it is.
            editor.setAccessibleName(_("{party}: {field}").format(
                party=heading, field=label.replace("&", "")))

        return PartyFields(box, name_edit, kind_combo, address_edit, registration_edit,
                           signatory_name_edit, signatory_title_edit, signatory_email_edit)
