"""Reporting and review: how often, to whom, what the reports cover, and when
the parties review the agreement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Step
from wizard.core.model import PartyRole, Project, ReportFrequency, ReviewFrequency
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.legal_parts import report_terms_rows
from wizard.ui.widgets.fields import LinesEdit


def report_frequency_choices() -> list[tuple[ReportFrequency, str]]:
    return [
        (ReportFrequency.DAILY, _("Daily")),
        (ReportFrequency.WEEKLY, _("Weekly")),
        (ReportFrequency.MONTHLY, _("Monthly")),
        (ReportFrequency.QUARTERLY, _("Quarterly")),
        (ReportFrequency.HALF_YEARLY, _("Half-yearly")),
    ]


def review_frequency_choices() -> list[tuple[ReviewFrequency, str]]:
    return [
        (ReviewFrequency.MONTHLY, _("Monthly")),
        (ReviewFrequency.QUARTERLY, _("Quarterly")),
        (ReviewFrequency.HALF_YEARLY, _("Half-yearly")),
        (ReviewFrequency.YEARLY, _("Yearly")),
        (ReviewFrequency.NONE, _("No reviews")),
    ]


def recipient_choices(project: Project) -> list[tuple[str, str]]:
    """The people a report may go to, as ``(name, who they are)``: the
    contacts, then the two signatories; each name once, blank names left out."""
    party_names = {PartyRole.PROVIDER: _("provider"), PartyRole.CUSTOMER: _("customer")}
    people = [
        (contact.name, _("{role}, {party}").format(role=contact.role,
                                                   party=party_names[contact.party])
         if contact.role.strip() else party_names[contact.party])
        for contact in project.contacts
    ]
    people += [
        (project.parties.provider.signatory.name, _("Signatory for the provider")),
        (project.parties.customer.signatory.name, _("Signatory for the customer")),
    ]
    seen: set[str] = set()
    choices = []
    for name, who in people:
        if name.strip() and name not in seen:
            seen.add(name)
            choices.append((name, who))
    return choices


class ReportingPage(StepPage):
    step = Step.REPORTING
    title = N_("Reporting and review")

    def build(self) -> None:
        self.included_box = self.bind_bool(
            QCheckBox(_("&Include a reporting and review clause")),
            field(Project, "reporting", "included"))
        self.included_box.toggled.connect(self._show_included)
        clause = self.switch(self.included_box, ("reporting", "included"),
                             _("Untick to leave the clause, and its heading, out of the "
                               "contract; what you entered below is kept for when you tick "
                               "it again."))

        reports = self.reports_group = QGroupBox(_("Reports"))
        form = QFormLayout(reports)
        self.frequency_combo = self.bind_choice(QComboBox(),
                                                field(Project, "reporting", "frequency"),
                                                report_frequency_choices())
        self.row(form, _("Report frequenc&y"), self.frequency_combo,
                 ("reporting", "frequency"))

        self.recipient_combo = QComboBox()
        self.recipient_combo.setEditable(True)
        self.recipient_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.recipient_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(_("Choose a contact or type a name"))
        self.recipient_combo.editTextChanged.connect(self._store_recipient)
        self.row(form, _("Re&cipient"), self.recipient_combo, ("reporting", "recipient"),
                 _("The contact or signatory who receives the reports."))

        self.contents_edit = self.bind_lines(
            LinesEdit(_("e.g. Availability per service"), rows=4),
            field(Project, "reporting", "contents"))
        self.row(form, _("Report c&ontents"), self.contents_edit, ("reporting", "contents"),
                 _("What each report covers, one item per line."))
        report_terms_rows(self, form)

        reviews = self.reviews_group = QGroupBox(_("Reviews"))
        review_form = QFormLayout(reviews)
        self.review_combo = self.bind_choice(QComboBox(),
                                             field(Project, "reporting", "review_frequency"),
                                             review_frequency_choices())
        self.row(review_form, _("&Review frequency"), self.review_combo,
                 ("reporting", "review_frequency"),
                 _("How often the parties meet to review the agreement and its service "
                   "levels."))

        self.baseline_box = self.bind_bool(
            QCheckBox(_("Allow targets to be tightened at a review")),
            field(Project, "reporting", "baseline_review"))
        self.row(review_form, _("Ba&seline review"), self.baseline_box,
                 ("reporting", "baseline_review"),
                 _("Once enough data has been collected, the parties may tighten the "
                   "targets, starting from the measured baseline."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(clause)
        layout.addWidget(reports)
        layout.addWidget(reviews)
        layout.addStretch(1)

    def load(self) -> None:
        combo = self.recipient_combo
        recipient = self.project.reporting.recipient
        combo.clear()
        for index, (name, who) in enumerate(recipient_choices(self.project)):
            combo.addItem(name)
            combo.setItemData(index, who, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(combo.findText(recipient))
        combo.setEditText(recipient)
        self._show_included(self.project.reporting.included)

    def _show_included(self, included: bool) -> None:
        """Without the clause its fields are kept, but not edited."""
        self.reports_group.setEnabled(included)
        self.reviews_group.setEnabled(included)

    def _store_recipient(self, text: str) -> None:
        if self.loading or text == self.project.reporting.recipient:
            return
        self.edited(lambda p: setattr(p.reporting, "recipient", text))

    def select_item(self, loc: Loc) -> None:
        if loc[:2] == ("reporting", "contents") and len(loc) > 2 and isinstance(loc[2], int):
            self.contents_edit.select_line(loc[2])
