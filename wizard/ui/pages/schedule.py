"""Availability schedule: time zone, service coverage and support hours,
public holidays, maintenance windows and their notice."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Problem, Step
from wizard.core.explain import timezone_text
from wizard.core.model import (
    MAX_MONTH_MINUTES,
    MAX_NOTICE_HOURS,
    MAX_WINDOW_MINUTES,
    CoverageBlock,
    Holidays,
    MaintenanceWindow,
    Project,
    Weekday,
)
from wizard.core.weekly import NothingCoveredError, parse_clock_text
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.legal_parts import maintenance_group
from wizard.ui.pages.schedule_calendars import OtherHours
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import FieldMessage, OptionalSpinBox
from wizard.ui.widgets.record_table import Column, RecordTable
from wizard.ui.widgets.region_picker import RegionPicker
from wizard.ui.widgets.weekly_hours import WeeklyHoursEditor, weekday_names

NOT_ZONES = frozenset({"Factory", "localtime", "posixrules"})


@cache
def time_zone_names() -> tuple[str, ...]:
    """The IANA time zones this computer knows, sorted."""
    return tuple(sorted(zoneinfo.available_timezones() - NOT_ZONES))


def holiday_choices() -> list[tuple[Holidays, str]]:
    return [
        (Holidays.EXCLUDED, _("Excluded: public holidays are not covered")),
        (Holidays.INCLUDED, _("Included: public holidays are covered like other days")),
    ]


class ClockColumn(Column):
    """A time of day typed as text, refused unless it reads as ``HH:MM``."""

    def parse(self, text: str) -> Any:
        return parse_clock_text(text)


class SchedulePage(StepPage):
    step = Step.SCHEDULE
    title = N_("Availability schedule")

    def build(self) -> None:
        self._zones: list[str] = list(time_zone_names())

        # time zone and holidays ------------------------------------------------
        zone_box = QGroupBox(_("Time zone and public holidays"))
        zone_form = QFormLayout(zone_box)
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.setMaxVisibleItems(15)
        self.zone_combo.setMinimumContentsLength(24)
        self.zone_combo.setMaximumWidth(400)
        self.zone_completer = QCompleter(self._zones, self.zone_combo)
        self.zone_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setCompleter(self.zone_completer)
        self.row(zone_form, _("Time &zone"), self.zone_combo, ("schedule", "timezone"),
                 _("All hours on this page are in this time zone. Type part of a name, "
                   "e.g. Berlin or New_York, and pick it from the list."))
        self.zone_message = self._message(("schedule", "timezone"))
        self.zone_name = plain_label()  # the zone's name in the interface language
        self.zone_name.setProperty("role", "hint")
        zone_form.addRow("", self.zone_name)
        self.zone_form = zone_form
        self.zone_combo.currentTextChanged.connect(self._zone_changed)
        line_edit = self.zone_combo.lineEdit()
        if line_edit is not None:
            line_edit.editingFinished.connect(self._zone_finished)

        self.holidays_combo = self.bind_choice(QComboBox(),
                                               field(Project, "schedule", "public_holidays"),
                                               holiday_choices())
        self.row(zone_form, _("P&ublic holidays"), self.holidays_combo,
                 ("schedule", "public_holidays"))

        self.region_picker = RegionPicker()
        self.region_edit = self.region_picker.edit
        self.row(zone_form, _("Holiday re&gion"), self.region_picker,
                 ("schedule", "holiday_region"),
                 _("Whose public holidays apply: a country or one of its states or "
                   "provinces, picked from the list. May be empty."))
        self._bind_region()

        # hours -------------------------------------------------------------------
        hours_box = QGroupBox(_("Hours"))
        hours_form = QFormLayout(hours_box)
        hours_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.coverage = WeeklyHoursEditor(_("Service coverage"))
        self.row(hours_form, _("Service &coverage"), self.coverage, ("schedule", "coverage"),
                 _("When the service levels apply: availability is measured in these "
                   "hours. 24×7 means around the clock."))
        self._bind_hours(self.coverage, "coverage")
        self._kept_support: tuple[Project, list[CoverageBlock]] | None = None
        """The support hours as they were when the promise was switched off,
        for as long as the same project is open."""
        self.document.replaced.connect(self._forget_support)
        self.support_box = QCheckBox(_("&Promise support hours (when people answer)"))
        hours_form.addRow(self.switch(
            self.support_box, None,
            _("Untick when the agreement promises no hours in which people answer: the "
              "contract then shows only the service coverage.")))
        self.support_box.toggled.connect(self._support_promised)
        self.add_loader(self._load_support_promise)
        self.support = WeeklyHoursEditor(_("Support hours"))
        self.support_row = self.row(hours_form, _("&Support hours"), self.support,
                                    ("schedule", "support_coverage"),
                                    _("When people answer calls and tickets; may differ from "
                                      "the service coverage."))
        self.hours_form = hours_form
        self._bind_hours(self.support, "support_coverage")
        self.other_hours = OtherHours(self)

        # maintenance -------------------------------------------------------------
        maintenance_box = QGroupBox(_("Maintenance"))
        maintenance_form = QFormLayout(maintenance_box)
        names = weekday_names()
        self.windows = RecordTable(
            [Column(_("Day"), "day", kind="choice",
                    choices=[(day, names[day]) for day in Weekday], width=150),
             ClockColumn(_("Start (HH:MM)"), "start", width=130),
             Column(_("Duration (minutes)"), "duration_minutes", kind="int", minimum=1,
                    maximum=MAX_WINDOW_MINUTES)],
            MaintenanceWindow, _("maintenance window"))
        self.windows.setMinimumHeight(130)
        self.windows.setMaximumHeight(200)
        self.windows.edited.connect(self._windows_edited)
        self.windows.input_rejected.connect(self._window_rejected)
        windows_row = QFormLayout()
        windows_row.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(windows_row, _("Maintenance &windows"), self.windows,
                 ("schedule", "maintenance_windows"),
                 _("Regular weekly slots for planned work, in the time zone above."))
        self.windows_message = self._message(("schedule", "maintenance_windows"))
        maintenance_form.addRow(windows_row)

        self.notice_spin = QSpinBox()
        self.notice_spin.setRange(0, MAX_NOTICE_HOURS)
        self.notice_spin.setSuffix(_(" hours"))
        self.notice_spin.setMaximumWidth(200)
        self.bind_int(self.notice_spin, field(Project, "schedule", "maintenance_notice_hours"))
        self.row(maintenance_form, _("N&otice"), self.notice_spin,
                 ("schedule", "maintenance_notice_hours"),
                 _("How long before planned maintenance the customer is told; 48 to 72 "
                   "hours is usual."))

        self.max_spin = OptionalSpinBox(_("no limit"), minimum=0, maximum=MAX_MONTH_MINUTES,
                                        suffix=_(" minutes"))
        self.max_spin.setMaximumWidth(200)
        self.bind_optional_int(self.max_spin,
                               field(Project, "schedule", "max_maintenance_minutes_per_month"))
        self.row(maintenance_form, _("Ma&ximum per month"), self.max_spin,
                 ("schedule", "max_maintenance_minutes_per_month"),
                 _("The most planned maintenance in one month, or no limit."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(zone_box)
        layout.addWidget(hours_box)
        layout.addWidget(self.other_hours)
        layout.addWidget(maintenance_box)
        layout.addWidget(maintenance_group(self))
        layout.addStretch(1)

    def load(self) -> None:
        zone = self.project.schedule.timezone
        zones = list(time_zone_names())
        if zone not in zones:
            zones.append(zone)  # shown as it is; the checks say what is wrong with it
        if zones != self._zones or self.zone_combo.count() != len(zones):
            self._zones = zones
            self.zone_combo.clear()
            self.zone_combo.addItems(zones)
        self.zone_combo.setCurrentIndex(self._zones.index(zone))
        self._show_zone_name(zone)
        self.zone_message.set_input_error("")
        self.windows.set_items(self.project.schedule.maintenance_windows)
        self.windows_message.set_input_error("")

    def select_item(self, loc: Loc) -> None:
        if len(loc) < 3 or loc[0] != "schedule" or not isinstance(loc[2], int):
            return
        if loc[1] == "calendars":
            self.other_hours.select(loc[2])
        elif loc[1] == "maintenance_windows":
            self.windows.select_row(loc[2], str(loc[3]) if len(loc) > 3 else None)
        elif loc[1] in ("coverage", "support_coverage"):
            editor = self.coverage if loc[1] == "coverage" else self.support
            blocks = getattr(self.project.schedule, str(loc[1])) or []
            if loc[2] < len(blocks) and blocks[loc[2]].days:
                editor.focus_day(blocks[loc[2]].days[0])

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Say which days a problem with coverage hours is about."""
        super().show_problems([self._with_days(problem) for problem in problems])

    # helpers -------------------------------------------------------------------
    def _message(self, loc: Loc) -> FieldMessage:
        match = self._field_for(loc)
        assert match is not None
        return match[2]

    def _bind_hours(self, editor: WeeklyHoursEditor, attribute: str) -> None:
        """Show the schedule's ``attribute`` blocks in ``editor``; store what
        the user sets, unless it covers nothing (which the format cannot say)."""
        message = self._message(("schedule", attribute))

        def load() -> None:
            blocks = getattr(self.project.schedule, attribute)
            editor.set_blocks(blocks if blocks is not None else self._support_to_restore())
            message.set_input_error("")

        def store() -> None:
            try:
                blocks = editor.blocks()
            except NothingCoveredError:
                message.set_input_error(
                    _("Tick at least one day, or choose 24×7; until then the last hours "
                      "with a covered day are kept."))
                return
            message.set_input_error("")
            self.edited(lambda p: setattr(p.schedule, attribute, blocks))

        self.add_loader(load)
        editor.edited.connect(store)
        editor.unreadable.connect(lambda text: message.set_input_error(
            _('"{text}" is not a time of day: type it as 9, 9:30, 09:30 or 0930.').format(
                text=text.strip())))

    def _bind_region(self) -> None:
        message = self._message(("schedule", "holiday_region"))

        def load() -> None:
            self.region_picker.set_region(self.project.schedule.holiday_region)
            message.set_input_error("")

        def store(code: str) -> None:
            message.set_input_error("")
            if code != self.project.schedule.holiday_region:
                self.edited(lambda p: setattr(p.schedule, "holiday_region", code))

        self.add_loader(load)
        self.region_picker.chosen.connect(store)
        self.region_picker.unknown.connect(lambda text: message.set_input_error(
            _('"{text}" is not a region from the list: type part of its name, e.g. Bayern '
              "or Oregon, and pick one.").format(text=text)))

    # the support-hours promise -------------------------------------------------
    def _load_support_promise(self) -> None:
        promised = self.project.schedule.support_coverage is not None
        self.support_box.setChecked(promised)
        self.hours_form.setRowVisible(self.support_row, promised)

    def _support_to_restore(self) -> list[CoverageBlock]:
        """What ticking the promise again brings back: the hours this project
        had when it was switched off, else around the clock (the default)."""
        if self._kept_support is not None and self._kept_support[0] is self.project:
            return [block.model_copy(deep=True) for block in self._kept_support[1]]
        return []

    def _forget_support(self) -> None:
        self._kept_support = None

    def _support_promised(self, promised: bool) -> None:
        if self.loading:
            return
        schedule = self.project.schedule
        if promised == (schedule.support_coverage is not None):
            return
        self.hours_form.setRowVisible(self.support_row, promised)
        if promised:
            blocks = self._support_to_restore()
            self.support.set_blocks(blocks)  # shown, not an edit of the hours
            self.edited(lambda p: setattr(p.schedule, "support_coverage", blocks))
        else:
            kept = schedule.support_coverage or []
            self._kept_support = (self.project, [b.model_copy(deep=True) for b in kept])
            self.edited(lambda p: setattr(p.schedule, "support_coverage", None))

    def _with_days(self, problem: Problem) -> Problem:
        loc = problem.loc
        if (problem.step is not self.step or len(loc) < 3 or loc[0] != "schedule"
                or loc[1] not in ("coverage", "support_coverage")
                or not isinstance(loc[2], int)):
            return problem
        blocks = getattr(self.project.schedule, str(loc[1])) or []
        if not 0 <= loc[2] < len(blocks) or not blocks[loc[2]].days:
            return problem
        names = weekday_names()
        days = ", ".join(names[day] for day in blocks[loc[2]].days)
        return Problem(problem.severity, problem.step, loc,
                       _("{days}: {message}").format(days=days, message=problem.message))

    def _canonical_zone(self, text: str) -> str | None:
        if not time_zone_names():  # no time zone database: take what is typed
            return text.strip() or None
        key = text.strip().casefold()
        return next((zone for zone in self._zones if zone.casefold() == key), None)

    def _show_zone_name(self, zone: str) -> None:
        name = timezone_text(zone)
        self.zone_name.setText(name)
        self.zone_form.setRowVisible(self.zone_name, bool(name))

    def _zone_changed(self, text: str) -> None:
        if self.loading:
            return
        zone = self._canonical_zone(text)
        if zone is None:
            return  # still typing: judged when the field is left
        self.zone_message.set_input_error("")
        self._show_zone_name(zone)
        if zone != self.project.schedule.timezone:
            self.edited(lambda p: setattr(p.schedule, "timezone", zone))

    def _zone_finished(self) -> None:
        text = self.zone_combo.currentText()
        if self._canonical_zone(text) is None:
            self.zone_message.set_input_error(
                _('"{text}" is not a time zone from the list. Type part of a name, e.g. '
                  "Berlin, and pick one.").format(text=text.strip()))

    def _windows_edited(self) -> None:
        self.windows_message.set_input_error("")
        self.table_edited(self.windows)

    def _window_rejected(self, _row: int, _attribute: str, text: str) -> None:
        self.windows_message.set_input_error(
            _('"{text}" is not a time of day: write the start as HH:MM, e.g. 02:00.').format(
                text=text.strip()))
