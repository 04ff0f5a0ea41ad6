"""Stakeholders: the contacts, their responsibilities and the escalation path."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Step
from wizard.core.examples import is_example
from wizard.core.model import MAX_ESCALATION_LEVEL, Contact, PartyRole, Project
from wizard.core.references import person_references
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.detail_section import DetailSection
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import LinesEdit
from wizard.ui.widgets.list_detail import ListDetail, TitleColumn


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


def contact_title(contact: Contact) -> str:
    """A contact's line in the list: ``Priya Nair – Service Desk Lead``."""
    role = contact.role.strip()
    return (_("{name} – {role}").format(name=_person(contact), role=role) if role
            else _person(contact))


def signatory_contact(project: Project, role: PartyRole) -> Contact | None:
    """The contact ``role``'s signatory would be (name, title as role, e-mail),
    or None when the signatory has no name of the user's own yet (none, or
    the preset's example)."""
    signatory = getattr(project.parties, role.value).signatory
    name = signatory.name.strip()
    if not name or is_example(project, f"parties.{role.value}.signatory.name"):
        return None
    title = signatory.title
    if is_example(project, f"parties.{role.value}.signatory.title"):
        title = ""
    email = signatory.email
    if is_example(project, f"parties.{role.value}.signatory.email"):
        email = ""
    return Contact(name=name, party=role, role=title.strip(), email=email.strip())


def is_contact(project: Project, name: str) -> bool:
    folded = name.strip().casefold()
    return any(c.name.strip().casefold() == folded for c in project.contacts)


def contact_heading(contact: Contact | None) -> str:
    if contact is None:
        return _("Selected contact: none")
    return _("Selected contact: {name}").format(name=_person(contact))


class StakeholdersPage(StepPage):
    step = Step.STAKEHOLDERS
    title = N_("Stakeholders")

    def build(self) -> None:
        self.contacts = ListDetail([TitleColumn("name", contact_title)],
                                   lambda: Contact(name=_("New contact")), _("contact"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(form, _("&Contacts"), self.contacts, ("contacts",),
                 _("Who does what on each side; select a contact to edit it."))
        self.signatory_menu = QMenu(self)
        self.signatory_menu.aboutToShow.connect(self._fill_signatory_menu)
        self.signatory_button = QPushButton(_("Add a si&gnatory"))
        self.signatory_button.setToolTip(
            _("Add a party's signatory as a contact, with the name, title and e-mail "
              "given on the Parties step."))
        self.signatory_button.setMenu(self.signatory_menu)
        self.contacts.items.add_wide_button(self.signatory_button)
        self.fallback_box = self.bind_bool(
            QCheckBox(_("Keep the contacts section")),
            field(Project, "agreement", "contacts_fallback"))
        self.fallback_row = self.row(
            form, _("&Without contacts"), self.fallback_box, ("agreement", "contacts_fallback"),
            _("Only when no contact is listed: the section then names the signatories as "
              "the contacts. Untick to leave it out, as published SLAs often do."))
        self.form = form
        self.section = DetailSection(self, self.contacts, lambda p: p.contacts, contact_heading,
                                     ("contacts",))
        loc = self.section.loc
        self.detail_box = self.contacts.detail_box
        selected = self.section.selected
        detail = self.contacts.form

        self.name_edit = self.bind_text(QLineEdit(), field(Contact, "name"), base=selected)
        self.follow_renames(self.name_edit, lambda p: person_references(p, contact.name)
                            if (contact := self.section.selected()) else [])
        self.row(detail, _("Na&me"), self.name_edit, loc("name"))
        self.party_combo = self.bind_choice(QComboBox(), field(Contact, "party"),
                                            party_choices(Project()), base=selected)
        self.row(detail, _("Part&y"), self.party_combo, loc("party"))
        self.role_edit = self.bind_text(QLineEdit(), field(Contact, "role"), base=selected)
        self.role_edit.setPlaceholderText(_("e.g. Service Desk Lead"))
        self.row(detail, _("&Role"), self.role_edit, loc("role"))
        self.email_edit = self.bind_text(QLineEdit(), field(Contact, "email"), base=selected)
        self.row(detail, _("E-ma&il"), self.email_edit, loc("email"))
        self.phone_edit = self.bind_text(QLineEdit(), field(Contact, "phone"), base=selected)
        self.row(detail, _("&Phone"), self.phone_edit, loc("phone"))
        self.level_spin = QSpinBox()
        self.level_spin.setRange(0, MAX_ESCALATION_LEVEL)
        self.level_spin.setSpecialValueText(_("not in path"))
        self.level_spin.setMaximumWidth(160)
        self.bind_int(self.level_spin, field(Contact, "escalation_level"), base=selected)
        self.row(detail, _("Escala&tion level"), self.level_spin, loc("escalation_level"),
                 hint=_("1 is the first line, 2 takes over from it; 0 means not in the path."))
        self.responsibilities_edit = self.bind_lines(
            LinesEdit(_("e.g. Send the monthly service report"), rows=4),
            field(Contact, "responsibilities"), base=selected)
        self.row(detail, _("Re&sponsibilities"), self.responsibilities_edit,
                 loc("responsibilities"),
                 hint=_("What this person does under the agreement, one per line."))
        self.section.finish(
            [self.name_edit, self.party_combo, self.role_edit, self.email_edit,
             self.phone_edit, self.level_spin, self.responsibilities_edit],
            titles=[self.name_edit, self.role_edit])
        for edit in (self.name_edit, self.role_edit):
            edit.textEdited.connect(lambda _text: self._show_path())
        self.level_spin.valueChanged.connect(lambda _value: self._show_path())

        self.path_box = QGroupBox(_("Escalation path"))
        path_layout = QVBoxLayout(self.path_box)
        self.path_label = plain_label()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_layout.addWidget(self.path_label)

        self.document.changed.connect(self._show_path)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(form)
        layout.addWidget(self.path_box)
        layout.addStretch(1)

    def _fill_signatory_menu(self) -> None:
        """One entry per party: its signatory, unless already a contact or not named yet."""
        menu = self.signatory_menu
        menu.clear()
        for role, party in party_choices(self.project):
            contact = signatory_contact(self.project, role)
            if contact is None:
                action = menu.addAction(_("{party}: no signatory named on the Parties step")
                                        .format(party=party))
                action.setEnabled(False)
                continue
            action = menu.addAction(_("{name} ({party})").format(name=contact.name, party=party))
            if is_contact(self.project, contact.name):
                action.setText(_("{name} ({party}): already a contact")
                               .format(name=contact.name, party=party))
                action.setEnabled(False)
            else:
                action.triggered.connect(
                    lambda _checked=False, c=contact: self.add_signatory(c))

    def add_signatory(self, contact: Contact) -> None:
        """Add a signatory as a contact (one step to undo) and select it."""
        self.contacts.items.add_item(
            contact, _("Add contact “{name}”").format(name=contact.name))

    def load(self) -> None:
        for index, (_value, label) in enumerate(party_choices(self.project)):
            self.party_combo.setItemText(index, label)
        self._show_path()

    def _show_path(self) -> None:
        self.form.setRowVisible(self.fallback_row, not self.project.contacts)
        self._show_escalation_path()

    def select_item(self, loc: Loc) -> None:
        if loc[:1] == ("contacts",) and len(loc) > 1 and isinstance(loc[1], int):
            self.contacts.select_row(loc[1])

    def selected_contact(self) -> Contact | None:
        contact: Contact | None = self.section.selected()
        return contact

    def _show_escalation_path(self) -> None:
        text = escalation_path_text(self.project.contacts)
        self.path_label.setText(text)
        self.path_label.setAccessibleName(_("Escalation path: {path}").format(path=text))
