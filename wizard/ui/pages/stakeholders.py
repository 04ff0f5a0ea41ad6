"""Stakeholders: the contacts, their responsibilities and the escalation path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Step
from wizard.core.model import MAX_ESCALATION_LEVEL, Contact, PartyRole, Project
from wizard.core.references import person_references, redirect
from wizard.i18n import N_, _
from wizard.ui.pages.base import StepPage
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import LinesEdit
from wizard.ui.widgets.record_table import Column, RecordTable


def escalation_path(contacts: Sequence[Contact]) -> list[tuple[int, list[Contact]]]:
    """The contacts in the escalation path, grouped by level, first line first
    (level 0 means not in the path)."""
    levels = sorted({c.escalation_level for c in contacts if c.escalation_level > 0})
    return [(level, [c for c in contacts if c.escalation_level == level]) for level in levels]


def escalation_path_text(contacts: Sequence[Contact]) -> str:
    """``Level 1: Priya Nair (Service Desk Lead) → Level 2: …``, or a hint when
    no one is in the path."""
    steps = []
    for level, people in escalation_path(contacts):
        names = ", ".join(
            _("{name} ({role})").format(name=_person(c), role=c.role.strip())
            if c.role.strip() else _person(c)
            for c in people)
        steps.append(_("Level {level}: {people}").format(level=level, people=names))
    if not steps:
        return _("No one is in the escalation path yet: give the first line an escalation "
                 "level of 1, the next an escalation level of 2.")
    return " → ".join(steps)


def _person(contact: Contact) -> str:
    return contact.name.strip() or _("(no name)")


def party_choices(project: Project) -> list[tuple[PartyRole, str]]:
    """The two parties, by name where they have one."""
    parties = project.parties
    return [
        (PartyRole.PROVIDER, parties.provider.name.strip() or _("Provider")),
        (PartyRole.CUSTOMER, parties.customer.name.strip() or _("Customer")),
    ]


class EscalationColumn(Column):
    """An escalation level: 0 reads as "not in path"."""

    def display(self, value: Any) -> str:
        return _("not in path") if value == 0 else super().display(value)


class StakeholdersPage(StepPage):
    step = Step.STAKEHOLDERS
    title = N_("Stakeholders")

    def build(self) -> None:
        self.party_column = Column(_("Party"), "party", kind="choice",
                                   choices=party_choices(Project()), width=120)
        self.contacts = RecordTable(
            [Column(_("Name"), "name", width=110),
             self.party_column,
             Column(_("Role"), "role", width=115),
             Column(_("E-mail"), "email", width=125),
             Column(_("Phone"), "phone", width=105),
             EscalationColumn(_("Escalation"), "escalation_level", kind="int",
                              minimum=0, maximum=MAX_ESCALATION_LEVEL)],
            lambda: Contact(name=_("New contact")), _("contact"))
        self.contacts.setMinimumHeight(200)
        self.contacts.table.setWordWrap(False)  # long names are elided, not squeezed
        self.contacts.value_changed.connect(self._contact_value_changed)
        self.contacts.edited.connect(self._contacts_edited)
        self.contacts.current_changed.connect(lambda _row: self._show_selected())
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(form, _("&Contacts"), self.contacts, ("contacts",),
                 _("Who does what on each side. Escalation level 1 is the first line, 2 "
                   "takes over from it, and so on; 0 means not in the escalation path."))

        self.detail_box = QGroupBox()
        detail_form = QFormLayout(self.detail_box)
        self.responsibilities_edit = self.bind_lines(
            LinesEdit(_("e.g. Send the monthly service report"), rows=4), "responsibilities",
            base=lambda p: self.selected_contact())
        self.row(detail_form, _("&Responsibilities"), self.responsibilities_edit,
                 hint=_("What this person does under the agreement, one per line."))

        self.path_box = QGroupBox(_("Escalation path"))
        path_layout = QVBoxLayout(self.path_box)
        self.path_label = plain_label()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_layout.addWidget(self.path_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(form)
        layout.addWidget(self.detail_box)
        layout.addWidget(self.path_box)
        layout.addStretch(1)

    def load(self) -> None:
        self.party_column.choices = party_choices(self.project)
        self.contacts.set_items(self.project.contacts)
        self._show_selected()
        self._show_path()

    def select_item(self, loc: Loc) -> None:
        if loc[:1] == ("contacts",) and len(loc) > 1 and isinstance(loc[1], int):
            self.contacts.select_row(loc[1], str(loc[2]) if len(loc) > 2 else None)

    # the selected contact ------------------------------------------------------
    def _contact_value_changed(self, _row: int, attribute: str, old: object,
                               new: object) -> None:
        """A renamed contact stays the recipient of the reports."""
        if attribute == "name" and isinstance(old, str) and isinstance(new, str):
            redirect(person_references(self.project, old), new)

    def selected_contact(self) -> Contact | None:
        row = self.contacts.current_row()
        contacts = self.project.contacts
        return contacts[row] if 0 <= row < len(contacts) else None

    def _show_selected(self) -> None:
        """Show the selected contact's responsibilities (reading, not an edit)."""
        contact = self.selected_contact()
        with QSignalBlocker(self.responsibilities_edit):
            self.responsibilities_edit.set_lines(contact.responsibilities if contact else [])
        self.responsibilities_edit.setEnabled(contact is not None)
        if contact is None:
            self.detail_box.setTitle(_("Selected contact: none"))
        else:
            self.detail_box.setTitle(_("Selected contact: {name}").format(name=_person(contact)))

    def _show_path(self) -> None:
        text = escalation_path_text(self.project.contacts)
        self.path_label.setText(text)
        self.path_label.setAccessibleName(_("Escalation path: {path}").format(path=text))

    def _contacts_edited(self) -> None:
        self.table_edited(self.contacts)
        self._show_selected()
        self._show_path()
