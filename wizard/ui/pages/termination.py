"""Termination: the term, renewal and notice, the ways to end the agreement
early, and how it is changed."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Step
from wizard.core.model import MAX_CHRONIC_WINDOW, MAX_DAYS, MAX_MONTHS, Project, TermKind
from wizard.core.summaries import termination_summary
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.legal_parts import LegalGroups
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import OptionalSpinBox, TextBox

SpinT = TypeVar("SpinT", bound=QSpinBox)


class ChronicLevelsList(QListWidget):
    """The service levels, each with a tick: those whose misses count."""

    def __init__(self) -> None:
        super().__init__()
        self.filling = False
        self.setAccessibleName(_("Service levels whose misses count"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_levels(self, levels: list[tuple[str, str]], checked: list[str]) -> None:
        self.filling = True
        try:
            self.clear()
            # each row as tall as its tick box needs, with room around it
            row = max(self.fontMetrics().height(),
                      self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)) + 8
            for metric_id, name in levels:
                item = QListWidgetItem(name)
                item.setSizeHint(QSize(0, row))
                item.setData(Qt.ItemDataRole.UserRole, metric_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if metric_id in checked
                                   else Qt.CheckState.Unchecked)
                self.addItem(item)
            rows = max(1, min(self.count(), 5))
            self.setFixedHeight(row * rows + 2 * self.frameWidth()
                                if self.count() else self.fontMetrics().height() * 2)
        finally:
            self.filling = False

    def checked_ids(self) -> list[str]:
        return [str(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())
                if self.item(row).checkState() is Qt.CheckState.Checked]


def term_choices() -> list[tuple[TermKind, str]]:
    return [
        (TermKind.FIXED, _("For a fixed term, renewed or not")),
        (TermKind.WHILE_SERVICES_USED, _("As long as the customer uses the services")),
        (TermKind.UNTIL_REPLACED, _("Until replaced by a revised agreement")),
    ]


def spin_box(minimum: int, maximum: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    return _compact(spin)


def _compact(spin: SpinT) -> SpinT:
    """A number box as wide as its longest value, not as the page."""
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


def align_columns(forms: list[QFormLayout]) -> None:
    """Give the forms of a page one label column, and its number boxes one
    width, so that the group boxes line up."""
    labels: list[QWidget] = []
    spins: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and (widget := label.widget()) is not None:
                labels.append(widget)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if field is not None and (container := field.widget()) is not None:
                spins += container.findChildren(QAbstractSpinBox)
    for widgets in (labels, spins):
        width = max((w.sizeHint().width() for w in widgets), default=0)
        for widget in widgets:
            widget.setMinimumWidth(width)


class TerminationPage(StepPage):
    step = Step.TERMINATION
    title = N_("Termination")

    def build(self) -> None:
        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)
        self.summary_label.setProperty("role", "summary")
        self.summary_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_label.setMargin(6)
        self.summary_label.setAccessibleName(_("Summary"))

        term_group = QGroupBox(_("Term and renewal"))
        form = QFormLayout(term_group)
        self.term_combo = self.bind_choice(QComboBox(),
                                           field(Project, "termination", "term"), term_choices())
        self.row(form, _("How long the agreement run&s"), self.term_combo,
                 ("termination", "term"),
                 _("A fixed term suits a contract with fees; an internal agreement often "
                   "runs as long as the services are used, or until the parties agree a "
                   "revised one."))
        self.initial_spin = self.bind_int(spin_box(1, MAX_MONTHS, _(" months")),
                                          field(Project, "termination", "initial_term_months"))
        self.row(form, _("&Initial term"), self.initial_spin,
                 ("termination", "initial_term_months"),
                 _("How long the agreement runs from its effective date."))

        self.auto_renew_box = self.bind_bool(QCheckBox(_("Renew at the end of each term")),
                                             field(Project, "termination", "auto_renew"))
        self.auto_renew_box.toggled.connect(self._show_renewal)
        self.row(form, _("&Automatic renewal"), self.auto_renew_box,
                 ("termination", "auto_renew"))

        self.renewal_spin = self.bind_int(spin_box(1, MAX_MONTHS, _(" months")),
                                          field(Project, "termination", "renewal_term_months"))
        self.row(form, _("&Renewal term"), self.renewal_spin,
                 ("termination", "renewal_term_months"),
                 _("The length of each further term."))

        self.notice_spin = self.bind_int(spin_box(0, MAX_DAYS, _(" days")),
                                         field(Project, "termination", "notice_days"))
        self.notice_meaning = self._meaning(_("notice at any time before the term ends"))
        self.row(form, _("Notice &to end"),
                 self._beside(self.notice_spin, self.notice_meaning),
                 ("termination", "notice_days"),
                 _("How long before the end of a term a party must say that it will not "
                   "renew."))

        ending_group = QGroupBox(_("Ending the agreement"))
        ending = QFormLayout(ending_group)
        self.convenience_spin = self.bind_optional_int(
            _compact(OptionalSpinBox(_("not allowed"), minimum=0, maximum=MAX_DAYS,
                                     suffix=_(" days"))),
            field(Project, "termination", "for_convenience_notice_days"))
        self.convenience_meaning = self._meaning(_("with immediate effect"))
        self.row(ending, _("For &convenience"),
                 self._beside(self.convenience_spin, self.convenience_meaning),
                 ("termination", "for_convenience_notice_days"),
                 _("Notice either party gives to end the agreement at any time without a "
                   "reason."))

        self.convenience_box = self.bind_bool(
            QCheckBox(_("Say in the contract whether it may be ended without a reason")),
            field(Project, "termination", "convenience_clause"))
        self.convenience_box.toggled.connect(self._show_renewal)
        self.row(ending, _("Con&venience clause"), self.convenience_box,
                 ("termination", "convenience_clause"),
                 _("Untick to say nothing about it, as many published SLAs do: they run "
                   "under a main agreement that says how it ends."))

        self.consecutive_spin = self.bind_optional_int(
            _compact(OptionalSpinBox(_("no limit"), minimum=1, maximum=MAX_MONTHS,
                                     suffix=_(" months"))),
            field(Project, "termination", "chronic_failure", "consecutive_months"))
        self.row(ending, _("Missed in a row"), self.consecutive_spin,
                 ("termination", "chronic_failure", "consecutive_months"),
                 _("Chronic failure: the customer may terminate when the same target is "
                   "missed this many months in a row."))

        self.in_year_spin = self.bind_optional_int(
            _compact(OptionalSpinBox(_("no limit"), minimum=1, maximum=MAX_CHRONIC_WINDOW,
                                     suffix=_(" months"))),
            field(Project, "termination", "chronic_failure", "months_in_year"))
        self.window_spin = self.bind_int(
            spin_box(2, MAX_CHRONIC_WINDOW, _(" months")),
            field(Project, "termination", "chronic_failure", "within_months"))
        self.window_spin.setAccessibleName(_("Run of months the misses count in"))
        self.row(ending, _("Missed &within a run"),
                 self._within(self.in_year_spin, self.window_spin),
                 ("termination", "chronic_failure", "months_in_year"),
                 _("Chronic failure: the customer may terminate when the same target is "
                   "missed this many months within any run of consecutive months (twelve "
                   "is usual; some SLAs count 3 of any 6)."))

        self.chronic_levels = ChronicLevelsList()
        self.chronic_levels.itemChanged.connect(self._store_chronic_levels)
        self._loaders.append(self._load_chronic_levels)
        self.row(ending, _("Levels that c&ount"), self.chronic_levels,
                 ("termination", "chronic_failure", "metrics"),
                 _("Tick the service levels whose misses count for chronic failure; with none "
                   "ticked, every service level counts."))

        self.chronic_notice_spin = self.bind_optional_int(
            _compact(OptionalSpinBox(_("no limit"), minimum=1, maximum=MAX_DAYS,
                                     suffix=_(" days"))),
            field(Project, "termination", "chronic_failure", "notice_days"))
        self.row(ending, _("Ri&ght lapses after"), self.chronic_notice_spin,
                 ("termination", "chronic_failure", "notice_days"),
                 _("How long after the month that meets the condition the customer may still "
                   "use the right to leave; after that, it lapses until the next time."))

        self.cure_spin = self.bind_int(spin_box(0, MAX_DAYS, _(" days")),
                                       field(Project, "termination", "cure_days"))
        self.row(ending, _("C&ure period"), self.cure_spin, ("termination", "cure_days"),
                 _("Time to remedy a material breach after written notice; 0 leaves the "
                   "clause out."))

        self.data_return_spin = self.bind_int(spin_box(0, MAX_DAYS, _(" days")),
                                              field(Project, "termination", "data_return_days"))
        self.row(ending, _("&Data return"), self.data_return_spin,
                 ("termination", "data_return_days"),
                 _("Days after the end within which the provider returns the customer's "
                   "data; 0 leaves the clause out."))

        changes_group = QGroupBox(_("Changes"))
        changes = QFormLayout(changes_group)
        self.amendments_edit = self.bind_multiline(
            TextBox(_("e.g. Changes must be agreed in writing and signed by both "
                      "signatories."), rows=3),
            field(Project, "termination", "amendments"))
        self.amendments_edit.setMaximumHeight(
            self.amendments_edit.fontMetrics().lineSpacing() * 6 + 14)
        self.row(changes, _("A&mendments"), self.amendments_edit,
                 ("termination", "amendments"), _("How the agreement is changed."))

        self.document.changed.connect(self._show_summary)
        align_columns([form, ending, changes])

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(self.summary_label)
        layout.addWidget(term_group)
        layout.addWidget(ending_group)
        layout.addWidget(changes_group)
        self.legal = LegalGroups(self)
        for group in self.legal.groups:
            layout.addWidget(group)
        align_columns([form, ending, changes, *self.legal.forms])
        layout.addStretch(1)

    def load(self) -> None:
        self._show_summary()

    @staticmethod
    def _within(missed: QSpinBox, window: QSpinBox) -> QWidget:
        """"[5 months] within any [12 months]", one row."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(missed)
        layout.addWidget(QLabel(_("within any")))
        layout.addWidget(window)
        layout.addStretch(1)
        box.setFocusProxy(missed)
        return box

    def _load_chronic_levels(self) -> None:
        self.chronic_levels.show_levels(
            [(m.id, m.name.strip() or m.id) for m in self.project.metrics],
            self.project.termination.chronic_failure.metrics)

    def _store_chronic_levels(self, _item: QListWidgetItem) -> None:
        if self._loading or self.chronic_levels.filling:
            return
        chosen = self.chronic_levels.checked_ids()
        chronic = self.project.termination.chronic_failure
        if chosen != chronic.metrics:
            self.edited(lambda _p: setattr(chronic, "metrics", chosen))

    @staticmethod
    def _meaning(text: str) -> QLabel:
        label = QLabel(_("0 = {meaning}").format(meaning=text))
        label.setProperty("role", "hint")
        return label

    @staticmethod
    def _beside(spin: QSpinBox, meaning: QLabel) -> QWidget:
        """A number box with what its lowest value means next to it."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(spin)
        layout.addWidget(meaning)
        layout.addStretch(1)
        box.setFocusProxy(spin)
        return box

    def _show_renewal(self, _auto_renew: bool = False) -> None:
        """The term, renewal and notice fields apply to a fixed term only, the
        renewal term and notice only when it renews."""
        term = self.project.termination
        fixed = term.term is TermKind.FIXED
        renews = fixed and self.auto_renew_box.isChecked()
        self.initial_spin.setEnabled(fixed)
        self.auto_renew_box.setEnabled(fixed)
        self.renewal_spin.setEnabled(renews)
        self.notice_spin.setEnabled(renews)
        self.notice_meaning.setVisible(renews and self.notice_spin.value() == 0)
        stated = self.convenience_box.isChecked()
        self.convenience_spin.setEnabled(stated)
        self.convenience_meaning.setVisible(
            stated and self.convenience_spin.optional_value() == 0)

    def _show_summary(self) -> None:
        self._show_renewal()
        self.summary_label.setText(termination_summary(self.project.termination))
