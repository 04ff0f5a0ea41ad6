"""Service levels: the metrics (with the downtime an availability target
allows, shown as the target is typed) and the severity levels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.calendars import as_coverage
from wizard.core.checks import Loc, Problem, Step
from wizard.core.explain import downtime_sentence, severity_sentence
from wizard.core.model import (
    KNOWN_UNITS,
    MAX_INTERVAL_MINUTES,
    MAX_TARGET_MINUTES,
    Direction,
    MeasuredDuring,
    MeasuredOn,
    MeasuredOver,
    Metric,
    MetricKind,
    PartyRole,
    Period,
    Project,
    SamplingMethod,
    SeverityLevel,
)
from wizard.core.references import metric_references
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.customer_groups import customer_groups_box
from wizard.ui.pages.hours_choices import severity_hours_choices, with_calendars
from wizard.ui.pages.legal_parts import measurement_group
from wizard.ui.pages.metric_promise import metric_promise_rows, resolution_row
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.duration_column import DurationColumn
from wizard.ui.widgets.fields import (
    DecimalColumn,
    FieldMessage,
    TextBox,
    parse_decimal_input,
)
from wizard.ui.widgets.record_table import Column, RecordTable

SELECTED = -1
"""Stands for the selected metric's index in the locs of the detail fields."""

ALL_SERVICES = "*"


def kind_choices() -> list[tuple[MetricKind, str]]:
    return [
        (MetricKind.AVAILABILITY, _("Availability")),
        (MetricKind.RESPONSE_TIME, _("Response time")),
        (MetricKind.RESOLUTION_TIME, _("Resolution time")),
        (MetricKind.ERROR_RATE, _("Error rate")),
        (MetricKind.THROUGHPUT, _("Throughput")),
        (MetricKind.CUSTOM, _("Custom")),
    ]


def direction_choices() -> list[tuple[Direction, str]]:
    return [(Direction.AT_LEAST, _("at least")), (Direction.AT_MOST, _("at most"))]


def period_choices() -> list[tuple[Period, str]]:
    return [
        (Period.DAY, _("day")),
        (Period.WEEK, _("week")),
        (Period.MONTH, _("month")),
        (Period.QUARTER, _("quarter")),
        (Period.HALF_YEAR, _("half-year")),
        (Period.YEAR, _("year")),
    ]


def measured_during_choices() -> list[tuple[MeasuredDuring, str]]:
    """When a severity level's response and resolution clock runs."""
    return [
        (MeasuredDuring.SUPPORT_HOURS, _("support hours")),
        (MeasuredDuring.COVERAGE, _("coverage hours")),
        (MeasuredDuring.ALWAYS, _("at all times")),
    ]


def metric_hours_choices() -> list[tuple[MeasuredDuring, str]]:
    """When a service level is measured, before the named calendars."""
    return [(MeasuredDuring.COVERAGE, _("During coverage hours (see the schedule)")),
            (MeasuredDuring.ALWAYS, _("At all times (around the clock)"))]


def owed_by_choices(project: Project) -> list[tuple[PartyRole, str]]:
    """The two parties as the party that meets a level, each with its name
    where known: ``Provider (Northwind IT)``."""
    names = {PartyRole.PROVIDER: project.parties.provider.name.strip(),
             PartyRole.CUSTOMER: project.parties.customer.name.strip()}
    roles = {PartyRole.PROVIDER: _("Provider"), PartyRole.CUSTOMER: _("Customer")}
    return [
        (role, _("{role} ({name})").format(role=roles[role], name=names[role])
         if names[role] else roles[role])
        for role in (PartyRole.PROVIDER, PartyRole.CUSTOMER)
    ]


def unit_labels() -> dict[str, str]:
    """The units the contract knows, as the interface names them."""
    names = {
        "percent": _("percent"),
        "seconds": _("seconds"),
        "minutes": _("minutes"),
        "hours": _("hours"),
        "days": _("days"),
        "business_hours": _("business hours"),
        "business_days": _("business days"),
        "count": _("count"),
    }
    return {unit: names[unit] for unit in KNOWN_UNITS}


class UnitColumn(Column):
    """The unit of a metric: a known unit by its translated name, a unit of
    the user's own as typed."""

    def display(self, value: Any) -> str:
        return unit_labels().get(value, str(value))

    def parse(self, text: str) -> Any:
        return unit_for_text(text)


def unit_for_text(text: str) -> str:
    """The stored unit for what is typed or chosen: ``minutes`` for "Minuten"
    under a German interface, the text itself for a unit of the user's own."""
    typed = text.strip()
    by_label = {label.casefold(): unit for unit, label in unit_labels().items()}
    return by_label.get(typed.casefold(), typed)


def service_choices(project: Project, current: str | None = None) -> list[tuple[str, str]]:
    """"All services" and each service by name; a service id that no longer
    exists is kept (marked) so that the combo shows what the file says."""
    choices = [(ALL_SERVICES, _("All services"))]
    choices += [(s.id, s.name.strip() or s.id) for s in project.services]
    if current is not None and current not in [value for value, _label in choices]:
        choices.append((current, _("{id} (no such service)").format(id=current)))
    return choices


class MetricsPage(StepPage):
    step = Step.METRICS
    title = N_("Service levels")

    def build(self) -> None:
        # a problem of a level not selected stands under its table, naming the level
        self.lists_naming_items |= {("metrics",), ("severity_levels",)}
        self._problems: list[Problem] = []
        self._shown_metric: Metric | None = None
        self._shown_level: SeverityLevel | None = None
        self._service_values: list[str] = []
        self._units = unit_labels()

        # the metrics -----------------------------------------------------------
        self.service_column = Column(_("Service"), "service", kind="choice",
                                     choices=service_choices(Project()), width=120)
        self.metrics_table = RecordTable(
            [Column(_("Name"), "name", width=165),
             Column(_("Kind"), "kind", kind="choice", choices=kind_choices(), width=100),
             self.service_column,
             DecimalColumn(_("Target"), "target", kind="decimal", width=52),
             UnitColumn(_("Unit"), "unit", width=58),
             Column(_("Direction"), "direction", kind="choice", choices=direction_choices(),
                    width=70),
             # the last column stretches; its width is the least it keeps
             Column(_("Period"), "period", kind="choice", choices=period_choices(), width=60)],
            self._new_metric, _("metric"))
        self.metrics_table.setMinimumHeight(190)
        self.metrics_table.edited.connect(self._table_edited)
        self.metrics_table.current_changed.connect(lambda _row: self._show_selected())
        self.metrics_table.input_rejected.connect(self._table_input_rejected)
        metrics_box = QGroupBox(_("Service level targets"))
        metrics_form = QFormLayout(metrics_box)
        metrics_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(metrics_form, _("Metrics"), self.metrics_table, ("metrics",),
                 _("What is measured and the target for it. Keep to about ten: the more "
                   "complex the monitoring, the less it is used."))

        # the selected metric ---------------------------------------------------
        first_detail_loader = len(self._loaders)
        self.detail_box = QGroupBox()
        form = self.detail_form = QFormLayout(self.detail_box)

        def base(_project: Project) -> Metric | None:
            return self.selected_metric()

        self.id_edit = self.bind_text(QLineEdit(), field(Metric, "id"), base=base)
        self.follow_renames(self.id_edit, lambda p: metric_references(p, metric.id)
                            if (metric := self.selected_metric()) else [])
        self.id_edit.setMaximumWidth(220)
        self.row(form, _("&Identifier"), self.id_edit, self._detail_loc("id"),
                 _("A short name without spaces, unique among the metrics (e.g. uptime)."))

        self.name_edit = self.bind_text(QLineEdit(), field(Metric, "name"), base=base)
        self.row(form, _("Na&me"), self.name_edit, self._detail_loc("name"))

        self.kind_combo = self.bind_choice(QComboBox(), field(Metric, "kind"), kind_choices(),
                                           base=base)
        self.row(form, _("&Kind"), self.kind_combo, self._detail_loc("kind"))

        self.service_combo = QComboBox()
        self.service_combo.activated.connect(self._service_chosen)
        self.row(form, _("&Service"), self.service_combo, self._detail_loc("service"))

        self.owed_combo = QComboBox()
        self.owed_combo.activated.connect(self._owed_by_chosen)
        self.row(form, _("&Owed by"), self.owed_combo, self._detail_loc("owed_by"),
                 _("The party that meets this level; in an internal agreement each side "
                   "may owe some."))

        self.target_edit = QLineEdit()
        self.target_edit.setMaximumWidth(140)
        self.target_edit.setPlaceholderText(_("e.g. 99.5"))
        self.row(form, _("Tar&get"), self.target_edit, self._detail_loc("target"))
        self.bind_decimal(self.target_edit, field(Metric, "target"),
                          self._message(self._detail_loc("target")), base=base)
        self.target_edit.textEdited.connect(self._show_downtime)

        self.downtime_label = plain_label()
        self.downtime_label.setWordWrap(True)
        self.downtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.downtime_caption = QLabel(_("Allowed downtime"))
        form.addRow(self.downtime_caption, self.downtime_label)

        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.addItems(list(self._units.values()))
        self.unit_combo.setMaximumWidth(220)
        unit_edit = self.unit_combo.lineEdit()
        if unit_edit is not None:
            unit_edit.textEdited.connect(self._unit_typed)
        self.unit_combo.activated.connect(
            lambda _i: self._unit_typed(self.unit_combo.currentText()))
        self.row(form, _("&Unit"), self.unit_combo, self._detail_loc("unit"),
                 _("Choose one, or type your own (such as leads)."))

        self.direction_combo = self.bind_choice(
            QComboBox(), field(Metric, "direction"),
            [(Direction.AT_LEAST, _("At least the target (more is better)")),
             (Direction.AT_MOST, _("At most the target (less is better)"))], base=base)
        self.row(form, _("Di&rection"), self.direction_combo, self._detail_loc("direction"))

        self.period_combo = self.bind_choice(
            QComboBox(), field(Metric, "period"),
            [(Period.DAY, _("Every day")), (Period.WEEK, _("Every week")),
             (Period.MONTH, _("Every month")), (Period.QUARTER, _("Every quarter")),
             (Period.HALF_YEAR, _("Every half-year")), (Period.YEAR, _("Every year"))],
            base=base)
        self.row(form, _("Measurement &period"), self.period_combo, self._detail_loc("period"))

        self.measured_combo = QComboBox()
        self._measured_values: list[MeasuredOn] = []
        self.measured_combo.activated.connect(self._measured_chosen)
        self.add_loader(self._load_measured_combo)
        self.row(form, _("Measured &during"), self.measured_combo,
                 self._detail_loc("measured_during"))

        self.method_combo = self.bind_choice(
            QComboBox(), field(Metric, "method", "method"),
            [(SamplingMethod.CONTINUOUS, _("To the second, as long as each outage lasted")),
             (SamplingMethod.SAMPLED_INTERVAL,
              _("In checked intervals: a failed interval counts whole"))], base=base)
        self.method_row = self.row(
            form, _("Do&wntime counted"), self.method_combo, self._detail_loc("method"),
            _("How the monitoring counts downtime. A check every few minutes cannot show "
              "less than one interval: the contract and the allowed downtime follow this "
              "choice."))
        self.interval_spin = self.bind_int(
            QSpinBox(), field(Metric, "method", "interval_minutes"), base=base)
        self.interval_spin.setRange(1, MAX_INTERVAL_MINUTES)
        self.interval_spin.setSuffix(_(" min"))
        self.interval_spin.setMaximumWidth(120)
        self.interval_row = self.row(form, _("&Check interval"), self.interval_spin,
                                     (*self._detail_loc("method"), "interval_minutes"))

        self.cycle_spin = QSpinBox()
        self.cycle_spin.setRange(1, 28)
        self.cycle_spin.setSpecialValueText(_("1 (the calendar month)"))
        self.cycle_spin.setMaximumWidth(220)
        self._loaders.append(self._load_cycle)
        self.cycle_spin.valueChanged.connect(self._cycle_chosen)
        self.cycle_row = self.row(
            form, _("Month starts on day (&1: calendar month)"), self.cycle_spin,
            (*self._detail_loc("method"), "cycle_start_day"),
            _("The calendar month, or the billing cycle that starts on this day of each "
              "month: availability is worked out for it."))

        self.measurement_edit = self.bind_multiline(
            TextBox(_("e.g. Automated checks every minute from two locations."), rows=2),
            field(Metric, "measurement"), base=base)
        self.measurement_edit.setMaximumHeight(self.measurement_edit.minimumHeight() * 2)
        self.row(form, _("Measuremen&t"), self.measurement_edit,
                 self._detail_loc("measurement"),
                 _("The source and the method: which tool or log, how often, what counts."))

        self.baseline_edit = QLineEdit()
        self.baseline_edit.setMaximumWidth(140)
        self.row(form, _("Baseline"), self.baseline_edit, self._detail_loc("baseline"),
                 _("Today's measured value, if known (empty = none). Targets can be "
                   "tightened at a review once more data exists."))
        self.bind_decimal(self.baseline_edit, field(Metric, "baseline"),
                          self._message(self._detail_loc("baseline")), base=base, optional=True)

        self.promise = metric_promise_rows(self, form, base, self._detail_loc)

        self.add_loader(self._load_service_combo)
        self.add_loader(self._load_owed_combo)
        self.add_loader(self._load_unit_combo)
        self._detail_loaders = self._loaders[first_detail_loader:]

        # severity levels -------------------------------------------------------
        # "measured_on" sets measured_during and the calendar together
        self.level_hours_column = Column(_("Measured during"), "measured_on", kind="choice",
                                         choices=severity_hours_choices(
                                             Project(), measured_during_choices()), width=100)
        self.levels_table = RecordTable(
            [Column(_("ID"), "id", width=45),
             Column(_("Name"), "name", width=120),
             DurationColumn(_("Response time"), "response_minutes", kind="duration",
                            minimum=0, maximum=MAX_TARGET_MINUTES, width=120),
             DurationColumn(_("Resolution time"), "resolution_minutes", kind="duration",
                            minimum=0, maximum=MAX_TARGET_MINUTES, none_text=_("no target"),
                            width=125, optional=True),
             self.level_hours_column],
            self._new_level, _("severity level"))
        self.levels_table.setMinimumHeight(170)
        self.levels_table.edited.connect(lambda: self.table_edited(self.levels_table))
        self.levels_table.edited.connect(
            lambda: self._message(("severity_levels",)).set_input_error(""))
        self.levels_table.input_rejected.connect(
            lambda _row, _attribute, text: self._message(("severity_levels",)).set_input_error(
                _('"{text}" is not a duration: type it as 30 min, 4 h or 1 d (a response '
                  "time is needed; an empty resolution time is no target).").format(
                    text=text.strip())))
        self.levels_table.current_changed.connect(lambda _row: self._show_level())
        levels_box = QGroupBox(_("Incident response"))
        levels_form = QFormLayout(levels_box)
        levels_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(levels_form, _("Severit&y levels"), self.levels_table, ("severity_levels",),
                 _("How fast the provider responds to an incident and resolves it, by how "
                   "serious it is. Type times as 30 min, 4 h or 1 d."))
        self.level_label = plain_label()
        self.level_label.setWordWrap(True)
        self.level_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        levels_form.addRow(self.level_label)

        self.resolution_combo = resolution_row(self, levels_form)

        first_level_loader = len(self._loaders)
        self.definition_edit = self.bind_multiline(
            TextBox(_("e.g. The business cannot take orders or payments."), rows=2),
            field(SeverityLevel, "definition"), base=lambda _p: self.selected_level())
        self.definition_edit.setMaximumHeight(self.definition_edit.minimumHeight() * 2)
        self.row(levels_form, _("Definition of the selected level"), self.definition_edit,
                 ("severity_levels", SELECTED, "definition"),
                 _("When an incident has this severity, in words both sides recognise."))
        self._level_loaders = self._loaders[first_level_loader:]

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(metrics_box)
        layout.addWidget(self.detail_box)
        layout.addWidget(levels_box)
        layout.addWidget(customer_groups_box(self))
        layout.addWidget(measurement_group(self))
        layout.addStretch(1)

        self.document.changed.connect(self._document_changed)

    def load(self) -> None:
        self.service_column.choices = service_choices(self.project)
        self.level_hours_column.choices = severity_hours_choices(
            self.project, measured_during_choices())
        self.metrics_table.set_items(self.project.metrics)
        self.levels_table.set_items(self.project.severity_levels)
        self._shown_metric = None
        self._shown_level = None
        self._show_selected()
        self._show_level()

    def select_item(self, loc: Loc) -> None:
        if len(loc) > 1 and isinstance(loc[1], int):
            attribute = str(loc[2]) if len(loc) > 2 else None
            if loc[0] == "metrics":
                self.metrics_table.select_row(loc[1], attribute)
                self._show_selected()
            elif loc[0] == "severity_levels":
                self.levels_table.select_row(loc[1], attribute)

    # problems: the selected metric's beside its fields, the others' under the table
    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        super().show_problems(problems)

    def _tables(self) -> dict[str, RecordTable]:
        return {"metrics": self.metrics_table, "severity_levels": self.levels_table}

    def _field_for(self, loc: Loc) -> tuple[Loc, QWidget, FieldMessage] | None:
        """The selected item's problems go beside its fields (registered with
        ``SELECTED`` for the index), the other items' under their table."""
        tables = self._tables()
        if len(loc) > 1 and loc[0] in tables and isinstance(loc[1], int):
            table = tables[str(loc[0])]
            loc = (loc[0], SELECTED, *loc[2:]) if loc[1] == table.current_row() else loc[:1]
        return super()._field_for(loc)

    @staticmethod
    def _detail_loc(attribute: str) -> Loc:
        return ("metrics", SELECTED, attribute)

    def _message(self, loc: Loc) -> FieldMessage:
        match = super()._field_for(loc)
        assert match is not None
        return match[2]

    # the selected metric -------------------------------------------------------
    def selected_metric(self) -> Metric | None:
        row = self.metrics_table.current_row()
        metrics = self.project.metrics
        return metrics[row] if 0 <= row < len(metrics) else None

    def _show_selected(self) -> None:
        """Show the selected metric in the detail fields (reading, not an edit)."""
        metric = self.selected_metric()
        if metric is not self._shown_metric:
            self._shown_metric = metric
            self._run_loaders(self._detail_loaders)
            if self._problems:
                self.show_problems(self._problems)
        self.detail_box.setEnabled(metric is not None)
        if metric is None:
            self.detail_box.setTitle(_("Selected metric: none"))
        else:
            name = metric.name.strip() or metric.id.strip() or _("(no name)")
            self.detail_box.setTitle(_("Selected metric: {name}").format(name=name))
        self._show_downtime()

    def _run_loaders(self, loaders: Sequence[Callable[[], None]]) -> None:
        """Read the selected item into its fields (a reading, not an edit)."""
        was_loading = self._loading
        self._loading = True
        try:
            for loader in loaders:
                loader()
        finally:
            self._loading = was_loading

    def _show_downtime(self, text: str | None = None) -> None:
        """The downtime the target allows; ``text`` is the target as being typed."""
        metric = self.selected_metric()
        sentence = ""
        if metric is not None:
            if text is not None:
                try:
                    metric = metric.model_copy(update={"target": parse_decimal_input(text)})
                except ValueError:
                    metric = None
            if metric is not None:
                during, blocks = as_coverage(self.project, metric.measured_during,
                                             metric.calendar)
                sentence = downtime_sentence(metric.model_copy(update={
                    "measured_during": during, "calendar": ""}), blocks)
        availability = metric is not None and metric.kind is MetricKind.AVAILABILITY
        self.detail_form.setRowVisible(self.method_row, availability)
        self.detail_form.setRowVisible(self.cycle_row, availability)
        self.detail_form.setRowVisible(self.promise.resource_row, availability)
        self.detail_form.setRowVisible(
            self.interval_row, availability and metric is not None
            and metric.method.method is SamplingMethod.SAMPLED_INTERVAL)
        self.downtime_label.setText(sentence)
        self.downtime_label.setAccessibleName(_("Allowed downtime: {text}").format(text=sentence))
        self.detail_form.setRowVisible(self.downtime_label, bool(sentence))

    def _load_cycle(self) -> None:
        metric = self.selected_metric()
        self.cycle_spin.setValue(metric.method.cycle_day() if metric is not None else 1)

    def _cycle_chosen(self, day: int) -> None:
        """Day 1 is the calendar month; any later day a billing cycle starting on it."""
        metric = self.selected_metric()
        if self._loading or metric is None or metric.method.cycle_day() == day:
            return
        method = metric.method.model_copy(update={
            "measured_over": MeasuredOver.BILLING_CYCLE if day > 1
            else MeasuredOver.CALENDAR_MONTH,
            "cycle_start_day": day})
        self.field_edited(self.cycle_spin, metric, "method", method, merge=True)

    def _load_service_combo(self) -> None:
        metric = self.selected_metric()
        choices = service_choices(self.project, metric.service if metric else None)
        self._service_values = [value for value, _label in choices]
        self.service_combo.clear()
        self.service_combo.addItems([label for _value, label in choices])
        if metric is not None:
            self.service_combo.setCurrentIndex(self._service_values.index(metric.service))

    def _load_measured_combo(self) -> None:
        metric = self.selected_metric()
        self.measured_combo.clear()
        self._measured_values = []
        if metric is None:
            return
        choices = with_calendars(self.project, metric_hours_choices(), metric.measured_on)
        self._measured_values = [value for value, _label in choices]
        self.measured_combo.addItems([label for _value, label in choices])
        self.measured_combo.setCurrentIndex(self._measured_values.index(metric.measured_on))

    def _measured_chosen(self, index: int) -> None:
        metric = self.selected_metric()
        if (metric is not None and 0 <= index < len(self._measured_values)
                and metric.measured_on != self._measured_values[index]):
            self.field_edited(self.measured_combo, metric, "measured_on",
                              self._measured_values[index])
            self._show_downtime()

    def _service_chosen(self, index: int) -> None:
        metric = self.selected_metric()
        if metric is not None and 0 <= index < len(self._service_values):
            value = self._service_values[index]
            self.edited(lambda _p: setattr(metric, "service", value))

    def _load_owed_combo(self) -> None:
        metric = self.selected_metric()
        choices = owed_by_choices(self.project)
        self.owed_combo.clear()
        self.owed_combo.addItems([label for _role, label in choices])
        if metric is not None:
            roles = [role for role, _label in choices]
            self.owed_combo.setCurrentIndex(roles.index(metric.owed_by))

    def _owed_by_chosen(self, index: int) -> None:
        metric = self.selected_metric()
        roles = [role for role, _label in owed_by_choices(self.project)]
        if metric is not None and 0 <= index < len(roles) and metric.owed_by != roles[index]:
            role = roles[index]
            self.edited(lambda _p: setattr(metric, "owed_by", role))

    def _load_unit_combo(self) -> None:
        metric = self.selected_metric()
        unit = metric.unit if metric is not None else ""
        if unit in self._units:
            self.unit_combo.setCurrentIndex(list(self._units).index(unit))
        else:
            self.unit_combo.setCurrentIndex(-1)
            self.unit_combo.setEditText(unit)

    def _unit_typed(self, text: str) -> None:
        metric = self.selected_metric()
        if metric is None:
            return
        value = unit_for_text(text)
        if value != metric.unit:
            self.edited(lambda _p: setattr(metric, "unit", value))

    # tables ----------------------------------------------------------------------
    def _new_metric(self) -> Metric:
        ids = {m.id for m in self.project.metrics}
        number = len(ids) + 1
        while f"metric-{number}" in ids:
            number += 1
        return Metric(id=f"metric-{number}", name=_("New metric"))

    def _new_level(self) -> SeverityLevel:
        ids = {s.id for s in self.project.severity_levels}
        number = len(ids) + 1
        while f"P{number}" in ids:
            number += 1
        return SeverityLevel(id=f"P{number}", name=_("New level"))

    def _table_edited(self) -> None:
        """A cell, or the list, changed: the detail shows the selected metric afresh."""
        self._message(("metrics",)).set_input_error("")
        self._run_loaders(self._detail_loaders)
        self.table_edited(self.metrics_table)

    def _table_input_rejected(self, row: int, attribute: str, text: str) -> None:
        self._message(("metrics",)).set_input_error(
            _('"{text}" is not a number such as 99.95; the {field} was not changed.').format(
                text=text, field=_("target") if attribute == "target" else attribute))

    def selected_level(self) -> SeverityLevel | None:
        row = self.levels_table.current_row()
        levels = self.project.severity_levels
        return levels[row] if 0 <= row < len(levels) else None

    def _show_level(self) -> None:
        """The selected level's targets in words, and its definition."""
        level = self.selected_level()
        if level is not self._shown_level:
            self._shown_level = level
            self._run_loaders(self._level_loaders)
        self.definition_edit.setEnabled(level is not None)
        text = severity_sentence(level) if level is not None else ""
        self.level_label.setText(text)
        self.level_label.setAccessibleName(text)
        self.level_label.setVisible(bool(text))

    def _document_changed(self) -> None:
        """Any edit: the tables show the latest values, the detail and the
        sentences follow."""
        self.metrics_table.set_items(self.project.metrics)
        self.levels_table.set_items(self.project.severity_levels)
        self._show_selected()
        self._show_level()
