"""Service credits: which metric earns them, the tiers, the cap, the claim
window and the sole-remedy clause, with a worked example as the user edits;
further schedules, the yearly cap and the claim procedure come from
:mod:`wizard.ui.pages.credit_parts`."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Problem, Step
from wizard.core.explain import credit_example_sentence
from wizard.core.model import MAX_DAYS, CreditForm, CreditTier, Direction, PartyRole, Project
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.credit_parts import SCHEDULES_LOC, CreditParts
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import DecimalColumn, FieldMessage, decimal_text
from wizard.ui.widgets.record_table import RecordTable

TIERS_LOC: Loc = ("service_credits", "tiers")


def metric_choices(project: Project) -> list[tuple[str | None, str]]:
    """The metrics that can earn credits (more is better, owed by the
    provider), by name; the current choice is kept, marked, when it is none
    or not one of them, so that the combo shows what the file says."""
    choices: list[tuple[str | None, str]] = [
        (m.id, m.name.strip() or m.id) for m in project.metrics
        if m.direction is Direction.AT_LEAST and m.owed_by is PartyRole.PROVIDER]
    current = project.service_credits.metric
    if current not in [value for value, _label in choices]:
        metric = project.metric_by_id(current)
        if current is None:
            label = _("(choose a metric)")
        elif metric is None:
            label = _("{id} (no such metric)").format(id=current)
        elif metric.owed_by is PartyRole.CUSTOMER:
            label = _("{name} (owed by the customer: cannot earn credits)").format(
                name=metric.name.strip() or metric.id)
        else:
            label = _("{name} (less is better: cannot earn credits)").format(
                name=metric.name.strip() or metric.id)
        choices.insert(0, (current, label))
    return choices


class CreditsPage(StepPage):
    step = Step.CREDITS
    title = N_("Service credits")

    def build(self) -> None:
        self._problems: list[Problem] = []
        self._metric_values: list[str | None] = []

        top = self.top_form = QFormLayout()
        self.enabled_box = self.bind_bool(
            QCheckBox(_("Give the customer credits when a target is missed")),
            field(Project, "service_credits", "enabled"))
        self.row(top, _("Se&rvice credits"), self.enabled_box, ("service_credits", "enabled"))
        self.enabled_box.setAccessibleName(
            _("Service credits: give the customer credits when a target is missed"))
        self.off_note = QLabel(_("No service credits. Internal SLAs usually use escalation and "
                                 "regular reviews instead: set those up under Stakeholders "
                                 "and Reporting."))
        self.off_note.setWordWrap(True)
        self.off_note.setProperty("role", "hint")
        top.addRow(self.off_note)
        self.no_credits_box = self.bind_bool(
            QCheckBox(_("Say in the contract that no credits apply")),
            field(Project, "service_credits", "no_credits_clause"))
        self.no_credits_row = self.row(
            top, _("&Without credits"), self.no_credits_box,
            ("service_credits", "no_credits_clause"),
            _("Untick to leave the service credits section out, as SLAs without credits "
              "usually do; ticked, it says no credits apply and how a miss is handled."))

        self.details = QGroupBox(_("Credit terms"))
        form = QFormLayout(self.details)

        self.metric_combo = QComboBox()
        self.metric_combo.activated.connect(self._metric_chosen)
        self.row(form, _("Metric"), self.metric_combo, ("service_credits", "metric"),
                 _("The metric whose misses earn credits, normally availability. Only "
                   "metrics where more is better can be chosen."))

        self.tiers = RecordTable(
            [DecimalColumn(_("Measured value below"), "below", kind="decimal", width=190),
             DecimalColumn(_("Credit (percentage of monthly fee)"), "credit_percent",
                           kind="decimal", width=250)],
            self._new_tier, _("credit tier"))
        self.tiers.setMinimumHeight(160)
        self.tiers.share_width()
        self.tiers.edited.connect(self._tiers_edited)
        self.tiers.input_rejected.connect(self._tier_rejected)
        # the tiers take the form's whole width, their caption above them
        tiers_form = QFormLayout()
        tiers_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        tiers_form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tiers_form)
        self.row(tiers_form, _("Credit &tiers"), self.tiers, TIERS_LOC,
                 _("When the measured value of a month falls below a threshold, the customer "
                   "gets that share of the month's fee for the affected services; the lowest "
                   "threshold reached applies."))

        self.example_label = plain_label()
        self.example_label.setWordWrap(True)
        self.example_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.example_caption = QLabel(_("Example"))
        form.addRow(self.example_caption, self.example_label)

        self.cap_edit = QLineEdit()
        self.cap_edit.setMaximumWidth(140)
        self.cap_edit.setPlaceholderText(_("no cap"))
        self.row(form, _("Cap (percenta&ge of monthly fee)"), self.cap_edit,
                 ("service_credits", "cap_percent"),
                 _("The most a month's credits can add up to; empty = no cap."))
        self.bind_decimal(self.cap_edit, field(Project, "service_credits", "cap_percent"),
                          self._message(("service_credits", "cap_percent")), optional=True)

        self.claim_spin = QSpinBox()
        self.claim_spin.setRange(0, MAX_DAYS)
        self.claim_spin.setSuffix(_(" days"))
        self.claim_spin.setMaximumWidth(140)
        self.bind_int(self.claim_spin, field(Project, "service_credits", "claim_window_days"))
        self.row(form, _("Claim &window"), self.claim_spin,
                 ("service_credits", "claim_window_days"),
                 _("How long after the end of a month the customer may claim its credits."))

        self.sole_remedy_box = self.bind_bool(
            QCheckBox(_("Credits are the customer's only remedy for missed targets")),
            field(Project, "service_credits", "sole_remedy"))
        self.row(form, _("&Sole remedy"), self.sole_remedy_box,
                 ("service_credits", "sole_remedy"),
                 _("If ticked, the customer cannot claim damages for a missed service level "
                   "beyond the credits (termination for chronic failure stays open). Providers "
                   "usually ask for this; customers may not accept it."))
        self.sole_remedy_box.setAccessibleName(
            _("Sole remedy: credits are the customer's only remedy for missed targets"))
        self.parts = CreditParts(self, form)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.parts.schedules_box)
        layout.addWidget(self.parts.claim_group)
        layout.addStretch(1)

        self.document.changed.connect(self._document_changed)

    def load(self) -> None:
        self._load_metric_combo()
        self.tiers.set_items(self.project.service_credits.tiers)
        self.parts.load()
        self._document_changed()

    def select_item(self, loc: Loc) -> None:
        if loc[:2] == TIERS_LOC and len(loc) > 2 and isinstance(loc[2], int):
            self.tiers.select_row(loc[2], str(loc[3]) if len(loc) > 3 else None)
        if loc[:2] == SCHEDULES_LOC and len(loc) > 2 and isinstance(loc[2], int):
            self.parts.schedules.select_row(loc[2], str(loc[3]) if len(loc) > 3 else None)

    # problems about one tier stand under the table, with the tier named
    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        super().show_problems([self._labelled(p) for p in problems])

    def _labelled(self, problem: Problem) -> Problem:
        loc = problem.loc
        tiers = self.project.service_credits.tiers
        if (problem.step is not self.step or loc[:2] != TIERS_LOC or len(loc) < 3
                or not isinstance(loc[2], int) or not 0 <= loc[2] < len(tiers)):
            return problem
        return dataclasses.replace(problem, message=_("Tier “below {value}”: {message}").format(
            value=decimal_text(tiers[loc[2]].below), message=problem.message))

    def _message(self, loc: Loc) -> FieldMessage:
        match = self._field_for(loc)
        assert match is not None
        return match[2]

    # editing -------------------------------------------------------------------
    def _load_metric_combo(self) -> None:
        choices = metric_choices(self.project)
        self._metric_values = [value for value, _label in choices]
        self.metric_combo.clear()
        self.metric_combo.addItems([label for _value, label in choices])
        current = self.project.service_credits.metric
        self.metric_combo.setCurrentIndex(
            self._metric_values.index(current) if current in self._metric_values else -1)

    def _metric_chosen(self, index: int) -> None:
        if 0 <= index < len(self._metric_values):
            value = self._metric_values[index]
            self.edited(lambda p: setattr(p.service_credits, "metric", value))
            self._load_metric_combo()  # a "(choose a metric)" entry has done its job

    def _new_tier(self) -> CreditTier:
        """A tier under the lowest one, with a larger credit (the user adjusts it)."""
        tiers = self.project.service_credits.tiers
        if not tiers:
            metric = self.project.metric_by_id(self.project.service_credits.metric)
            below = metric.target if metric is not None else Decimal("99")
            return CreditTier(below=below, credit_percent=Decimal("5"))
        lowest = min(tier.below for tier in tiers)
        largest = max(tier.credit_percent for tier in tiers)
        return CreditTier(below=max(lowest - 1, Decimal(0)),
                          credit_percent=min(largest + 5, Decimal(100)))

    def _tiers_edited(self) -> None:
        self._message(TIERS_LOC).set_input_error("")
        self.table_edited(self.tiers)

    def _tier_rejected(self, _row: int, _attribute: str, text: str) -> None:
        self._message(TIERS_LOC).set_input_error(
            _('"{text}" is not a number such as 99.5; the tier was not changed.').format(
                text=text))

    def _document_changed(self) -> None:
        """Any edit: the controls follow the on/off switch, the example the tiers."""
        credits = self.project.service_credits
        self.details.setEnabled(credits.enabled)
        self.off_note.setVisible(not credits.enabled)
        self.top_form.setRowVisible(self.no_credits_row, not credits.enabled)
        self.parts.follow()
        self.claim_spin.setEnabled(not credits.claim_procedure.included
                                   and credits.form is not CreditForm.AUTOMATIC_WAIVER)
        sentence = credit_example_sentence(self.project) or ""
        self.example_label.setText(sentence)
        self.example_label.setAccessibleName(_("Example: {text}").format(text=sentence))
        form = self.details.layout()
        if isinstance(form, QFormLayout):
            form.setRowVisible(self.example_label, bool(sentence))
