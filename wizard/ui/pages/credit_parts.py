"""The parts of the Credits step beyond the first schedule: a minimum, the
yearly cap and the form credits take (rows of the credit terms), further
schedules with the tiers of the selected one, and the optional claim
procedure. Built onto :class:`~wizard.ui.pages.credits.CreditsPage`."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Loc
from wizard.core.credit_explain import schedule_sentence, yearly_cap_sentence
from wizard.core.model import (
    MAX_DAYS,
    ClaimDeadlineUnit,
    CreditForm,
    CreditIssue,
    CreditKind,
    CreditSchedule,
    CreditTier,
    Direction,
    LastMonthCredit,
    MetricKind,
    PartyRole,
    Project,
)
from wizard.i18n import _
from wizard.ui.binder import field
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import DecimalColumn, FieldMessage, LinesEdit
from wizard.ui.widgets.record_table import Column, RecordTable

if TYPE_CHECKING:
    from wizard.ui.pages.credits import CreditsPage

SCHEDULES_LOC: Loc = ("service_credits", "more_schedules")
CLAIM = ("service_credits", "claim_procedure")


def kind_choices() -> list[tuple[Any, str]]:
    return [(CreditKind.TIERS, _("tiers")),
            (CreditKind.PER_MISS, _("each missed response")),
            (CreditKind.LOST_TIME, _("lost time")),
            (CreditKind.MULTIPLE_OF_DOWNTIME, _("a multiple of the downtime"))]


def schedule_metric_choices(project: Project) -> list[tuple[Any, str]]:
    """The levels a schedule can measure: the Provider's, where more is better."""
    return [(None, "—"), *((m.id, m.name.strip() or m.id) for m in project.metrics
                           if m.owed_by is PartyRole.PROVIDER
                           and m.direction is Direction.AT_LEAST)]


def severity_choices(project: Project) -> list[tuple[Any, str]]:
    return [(None, "—"), *((s.id, f"{s.id} {s.name}".strip()) for s in project.severity_levels)]


class CreditParts:
    """The widgets, bound to the page's project."""

    def __init__(self, page: CreditsPage, terms: QFormLayout) -> None:
        self.page = page
        self._terms_rows(terms)
        self.schedules_box = self._schedules_group()
        self.claim_group = self._claim_group()

    # rows of the credit terms -------------------------------------------------
    def _decimal_row(self, form: QFormLayout, label: str, path: str, hint: str,
                     placeholder: str) -> QLineEdit:
        page = self.page
        edit = QLineEdit()
        edit.setMaximumWidth(140)
        edit.setPlaceholderText(placeholder)
        loc: Loc = tuple(path.split("."))
        page.row(form, label, edit, loc, hint)
        page.bind_decimal(edit, path, self._message(loc), optional=True)
        return edit

    def _message(self, loc: Loc) -> FieldMessage:
        match = self.page._field_for(loc)
        assert match is not None
        return match[2]

    def _terms_rows(self, form: QFormLayout) -> None:
        self.minimum_edit = self._decimal_row(
            form, _("&Minimum credit"), "service_credits.minimum_credit",
            _("A credit due under the tiers above is at least this amount; empty = no "
              "minimum."), _("no minimum"))
        self.yearly_cap_edit = self._decimal_row(
            form, _("&Yearly cap (percentage of the year's fees)"),
            "service_credits.yearly_cap_percent",
            _("The most the credits of any twelve consecutive months add up to, as a share of "
              "those months' fees; each month's credit counts the eleven months before it. "
              "Empty = no yearly cap."), _("no yearly cap"))
        self.yearly_amount_edit = self._decimal_row(
            form, _("Yearly ca&p (amount)"), "service_credits.yearly_cap_amount",
            _("The same cap as an amount of money; with both, the smaller applies."),
            _("no yearly cap"))
        self.yearly_sentence = plain_label()
        self.yearly_sentence.setWordWrap(True)
        self.yearly_caption = QLabel(_("Yearly cap"))
        form.addRow(self.yearly_caption, self.yearly_sentence)
        self._terms = form
        self.form_combo = QComboBox()
        self.page.bind_choice(self.form_combo, field(Project, "service_credits", "form"), [
            (CreditForm.FUTURE_INVOICES, _("set off against future invoices, never paid out")),
            (CreditForm.REFUND_AT_END, _("set off against future invoices, the rest refunded "
                                         "at the end of the term")),
            (CreditForm.AUTOMATIC_WAIVER, _("waived on the next invoice without a claim")),
        ])
        self.page.row(form, _("Credits are"), self.form_combo, ("service_credits", "form"),
                      _("How the customer receives its credits. Waived without a claim, the "
                        "contract sets out no claim window and no claim procedure."))

    # further schedules --------------------------------------------------------
    def _schedules_group(self) -> QGroupBox:
        box = QGroupBox(_("More credit schedules"))
        layout = QVBoxLayout(box)
        hint = QLabel(_("A schedule of its own for another level (an instance-level "
                        "availability beside a region-level one), for each missed response of a "
                        "severity level, or for the time lost. Its monthly cap applies to it "
                        "alone; the cap above applies to all schedules together."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.schedules = RecordTable(
            [Column(_("Credit for"), "kind", kind="choice", choices=kind_choices(), width=170),
             Column(_("Service level"), "metric", kind="choice", width=170),
             Column(_("Severity level"), "severity", kind="choice", width=130),
             DecimalColumn(_("Per miss (%)"), "percent", kind="optional_decimal", width=100),
             DecimalColumn(_("Hourly rate"), "hourly_rate", kind="optional_decimal",
                           none_text=_("prorated"), width=100),
             DecimalColumn(_("Times the downtime"), "multiple", kind="optional_decimal",
                           width=130),
             DecimalColumn(_("Monthly cap (%)"), "cap_percent", kind="optional_decimal",
                           width=120),
             DecimalColumn(_("Minimum credit"), "minimum_credit", kind="optional_decimal",
                           width=120)],
            self._new_schedule, _("credit schedule"))
        self.schedules.setMinimumHeight(150)
        self.schedules.edited.connect(self._schedules_edited)
        self.schedules.current_changed.connect(lambda _row: self._show_selected_tiers())
        self.schedules.input_rejected.connect(self._rejected)
        self.add_schedule_button = QPushButton(_("Add a credit schedule"))
        self.add_schedule_button.clicked.connect(self.schedules.add)
        layout.addWidget(self.add_schedule_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.schedules)
        layout.addWidget(self.page.register(SCHEDULES_LOC, self.schedules))
        self.schedule_example = plain_label()
        self.schedule_example.setWordWrap(True)
        layout.addWidget(self.schedule_example)

        self.schedule_tiers_caption = QLabel(_("Tiers of the selected schedule"))
        self.schedule_tiers = RecordTable(
            [DecimalColumn(_("Measured value below"), "below", kind="decimal", width=190),
             DecimalColumn(_("Credit (percentage of monthly fee)"), "credit_percent",
                           kind="decimal", width=250)],
            self._new_schedule_tier, _("credit tier"))
        self.schedule_tiers.setMinimumHeight(130)
        self.schedule_tiers.share_width()
        self.schedule_tiers.edited.connect(lambda: self.page.table_edited(self.schedule_tiers))
        self.schedule_tiers.input_rejected.connect(self._rejected)
        layout.addWidget(self.schedule_tiers_caption)
        layout.addWidget(self.schedule_tiers)
        return box

    def _new_schedule(self) -> CreditSchedule:
        """A schedule of tiers on the first level that can earn credits."""
        metrics = [value for value, _label in schedule_metric_choices(self.page.project)[1:]]
        metric = self.page.project.metric_by_id(metrics[0]) if metrics else None
        tiers = [CreditTier(below=metric.target, credit_percent=Decimal("5"))] if metric else []
        return CreditSchedule(metric=metric.id if metric else None, tiers=tiers)

    def _new_schedule_tier(self) -> CreditTier:
        tiers = self.schedule_tiers.items
        if not tiers:
            return CreditTier(below=Decimal("99"), credit_percent=Decimal("5"))
        return CreditTier(below=max(min(t.below for t in tiers) - 1, Decimal(0)),
                          credit_percent=min(max(t.credit_percent for t in tiers) + 5,
                                             Decimal(100)))

    def _schedules_edited(self) -> None:
        self._message(SCHEDULES_LOC).set_input_error("")
        self._prefill_kind_figures()
        self.schedules.set_items(self.schedules.items)
        self.page.table_edited(self.schedules)
        self._show_selected_tiers()

    def _prefill_kind_figures(self) -> None:
        """A schedule switched to another kind gets what that kind needs, so that
        it is complete at once: a severity level and a percentage, a metric
        that counts downtime, a multiple."""
        project = self.page.project
        availability = next((m.id for m in project.metrics
                             if m.kind is MetricKind.AVAILABILITY), None)
        for schedule in self.schedules.items:
            if schedule.kind is CreditKind.PER_MISS:
                schedule.metric = None
                if schedule.severity is None and project.severity_levels:
                    schedule.severity = project.severity_levels[0].id
                if schedule.percent is None:
                    schedule.percent = Decimal("5")
            elif schedule.kind is not CreditKind.TIERS and schedule.metric is None:
                schedule.metric = availability
            if schedule.kind is CreditKind.MULTIPLE_OF_DOWNTIME and schedule.multiple is None:
                schedule.multiple = Decimal("10")

    def _rejected(self, _row: int, _attribute: str, text: str) -> None:
        self._message(SCHEDULES_LOC).set_input_error(
            _('"{text}" is not a number such as 99.5; the schedule was not changed.').format(
                text=text))

    def _show_selected_tiers(self) -> None:
        row = self.schedules.current_row()
        items: Sequence[CreditSchedule] = self.schedules.items
        # without further schedules the group is one button, as simple as before
        self.schedules.setVisible(bool(items))
        self.add_schedule_button.setVisible(not items)
        selected = items[row] if 0 <= row < len(items) else None
        tiered = selected is not None and selected.kind is CreditKind.TIERS
        self.schedule_tiers_caption.setVisible(tiered)
        self.schedule_tiers.setVisible(tiered)
        if selected is not None and tiered:
            self.schedule_tiers.set_items(selected.tiers)
        self._explain_selected()

    def _explain_selected(self) -> None:
        row = self.schedules.current_row()
        items: Sequence[CreditSchedule] = self.schedules.items
        sentence = (schedule_sentence(self.page.project, items[row]) or ""
                    if 0 <= row < len(items) else "")
        self.schedule_example.setText(sentence)
        self.schedule_example.setAccessibleName(_("Example: {text}").format(text=sentence))
        self.schedule_example.setVisible(bool(sentence))

    # claim procedure ----------------------------------------------------------
    def _claim_group(self) -> QGroupBox:
        page = self.page
        box = QGroupBox(_("Claim procedure"))
        layout = QVBoxLayout(box)
        self.claim_switch = page.bind_bool(
            QCheckBox(_("Set out how the customer claims a credit")),
            field(Project, *CLAIM, "included"))
        layout.addWidget(page.switch(
            self.claim_switch, ("service_credits", "claim_procedure", "included"),
            _("Where a claim goes, what it contains, its deadline, the provider's time to "
              "answer and when the credit is issued. Off, the contract keeps the claim window "
              "above.")))
        self.claim_details = QWidget()
        form = QFormLayout(self.claim_details)
        form.setContentsMargins(0, 0, 0, 0)
        self.channel_edit = page.bind_text(QLineEdit(), field(Project, *CLAIM, "channel"))
        self.channel_edit.setPlaceholderText(_("in writing"))
        page.row(form, _("Send claims t&o"), self.channel_edit,
                 ("service_credits", "claim_procedure", "channel"),
                 _("A portal, an e-mail address or the support desk, as the contract should "
                   "name it (\"the support portal\", \"credits@example.com\")."))
        self.contents_edit = page.bind_lines(
            LinesEdit(_("One item a line, such as: the month and service concerned"), rows=3),
            field(Project, *CLAIM, "contents"))
        page.row(form, _("A claim &contains"), self.contents_edit,
                 ("service_credits", "claim_procedure", "contents"),
                 _("What the customer must give for a claim to be considered."))
        deadline = QWidget()
        deadline_layout = QHBoxLayout(deadline)
        deadline_layout.setContentsMargins(0, 0, 0, 0)
        self.deadline_spin = QSpinBox()
        self.deadline_spin.setRange(1, MAX_DAYS)
        page.bind_int(self.deadline_spin, field(Project, *CLAIM, "deadline"))
        self.deadline_unit_combo = QComboBox()
        page.bind_choice(self.deadline_unit_combo, field(Project, *CLAIM, "deadline_unit"), [
            (ClaimDeadlineUnit.DAYS, _("days")),
            (ClaimDeadlineUnit.BILLING_CYCLES, _("billing cycles"))])
        self.deadline_unit_combo.setAccessibleName(_("Claim deadline unit"))
        deadline_layout.addWidget(self.deadline_spin)
        deadline_layout.addWidget(self.deadline_unit_combo)
        deadline_layout.addStretch(1)
        deadline.setFocusProxy(self.deadline_spin)
        page.row(form, _("Claim &deadline"), deadline,
                 ("service_credits", "claim_procedure", "deadline"),
                 _("How long after the end of the month a claim may be made, in days or in "
                   "billing cycles (the period one invoice covers)."))
        self.deadline_spin.setAccessibleName(_("Claim deadline"))
        self.answer_spin = QSpinBox()
        self.answer_spin.setRange(0, MAX_DAYS)
        self.answer_spin.setSuffix(_(" days"))
        self.answer_spin.setSpecialValueText(_("not set"))
        self.answer_spin.setMaximumWidth(140)
        page.bind_int(self.answer_spin, field(Project, *CLAIM, "answer_days"))
        page.row(form, _("Provider answers within"), self.answer_spin,
                 ("service_credits", "claim_procedure", "answer_days"),
                 _("The provider's time to accept or reject a claim, with its reasons."))
        self.issued_combo = QComboBox()
        page.bind_choice(self.issued_combo, field(Project, *CLAIM, "issued"), [
            (CreditIssue.NEXT_INVOICE, _("on the next invoice")),
            (CreditIssue.WITHIN_DAYS, _("within a number of days of acceptance"))])
        page.row(form, _("Credit &issued"), self.issued_combo,
                 ("service_credits", "claim_procedure", "issued"))
        self.issue_spin = QSpinBox()
        self.issue_spin.setRange(0, MAX_DAYS)
        self.issue_spin.setSuffix(_(" days"))
        self.issue_spin.setMaximumWidth(140)
        page.bind_int(self.issue_spin, field(Project, *CLAIM, "issue_days"))
        self.issue_row = page.row(form, _("Iss&ued within"), self.issue_spin,
                                  ("service_credits", "claim_procedure", "issue_days"))
        self.last_month_combo = QComboBox()
        page.bind_choice(self.last_month_combo, field(Project, *CLAIM, "last_month"), [
            (LastMonthCredit.REFUNDED, _("is refunded")),
            (LastMonthCredit.LAPSES, _("lapses"))])
        page.row(form, _("A credit for the last month"), self.last_month_combo,
                 ("service_credits", "claim_procedure", "last_month"),
                 _("No invoice follows the last month of the term to set its credit off "
                   "against."))
        layout.addWidget(self.claim_details)
        return box

    # loading and following edits ------------------------------------------------
    def load(self) -> None:
        project = self.page.project
        self.schedules.columns[1].choices = schedule_metric_choices(project)
        self.schedules.columns[2].choices = severity_choices(project)
        self.schedules.set_items(project.service_credits.more_schedules)
        self._show_selected_tiers()

    def follow(self) -> None:
        """Any edit: the parts that apply show, the others hide."""
        credits = self.page.project.service_credits
        self.schedules_box.setEnabled(credits.enabled)
        automatic = credits.form is CreditForm.AUTOMATIC_WAIVER
        self.claim_group.setEnabled(credits.enabled and not automatic)
        self.claim_details.setVisible(credits.claim_procedure.included)
        self._explain_selected()
        yearly = yearly_cap_sentence(self.page.project) or ""
        self.yearly_sentence.setText(yearly)
        self._terms.setRowVisible(self.yearly_sentence, bool(yearly))
        form = self.claim_details.layout()
        if isinstance(form, QFormLayout):
            form.setRowVisible(self.issue_row, credits.claim_procedure.issued
                               is CreditIssue.WITHIN_DAYS)
