"""The "Other hours" part of the Availability schedule step: named calendars
(phone support 9–17, the platform around the clock) that service and
severity levels can be measured on, each edited with the weekly hours
editor. Without any it shows one Add button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.model import CoverageBlock, MeasuredDuring, NamedCalendar, Project
from wizard.core.weekly import NothingCoveredError
from wizard.i18n import _
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.weekly_hours import WeeklyHoursEditor

LOC = ("schedule", "calendars")


def new_calendar(project: Project) -> NamedCalendar:
    """Further hours with an id and a name of their own, starting from the
    service coverage."""
    taken = {c.id for c in project.schedule.calendars}
    number = next(n for n in range(1, len(taken) + 2) if f"hours-{n}" not in taken)
    return NamedCalendar(
        id=f"hours-{number}", name=_("Other hours {number}").format(number=number),
        coverage=[block.model_copy(deep=True) for block in project.schedule.coverage])


def remove_calendar(project: Project, index: int) -> None:
    """Remove a calendar; the levels measured on it go back to the coverage hours."""
    removed = (MeasuredDuring.CALENDAR, project.schedule.calendars.pop(index).id)
    for metric in project.metrics:
        if metric.measured_on == removed:
            metric.measured_on = (MeasuredDuring.COVERAGE, "")
    for level in project.severity_levels:
        if level.measured_on == removed:
            level.measured_on = (MeasuredDuring.COVERAGE, "")


class OtherHours(QGroupBox):
    """The named calendars of the schedule, as a list and the selected one's
    name and hours; edits go through the page (and so the undo stack)."""

    def __init__(self, page: StepPage) -> None:
        super().__init__(_("Other hours"))
        self.page = page
        layout = QVBoxLayout(self)
        hint = QLabel(_("Hours of their own for a channel or a service, such as phone "
                        "support on weekdays 9–17 or the platform around the clock: a service "
                        "level or a severity level can be measured on them."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)

        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.list_row = QWidget()
        list_form = QFormLayout(self.list_row)
        list_form.setContentsMargins(0, 0, 0, 0)
        list_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        page.row(list_form, _("Named &hours"), self.list, LOC)
        layout.addWidget(self.list_row)

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name_edit = QLineEdit()
        self.name_edit.setMaximumWidth(320)
        self.name_edit.textEdited.connect(self._name_typed)
        page.row(form, _("N&ame of these hours"), self.name_edit, None,
                 _("As the contract calls them: Phone support, Platform."))
        self.hours = WeeklyHoursEditor(_("Other hours"))
        self.hours.edited.connect(self._hours_edited)
        page.row(form, _("The&se hours"), self.hours, None)
        self.hours_error = QLabel()
        self.hours_error.setWordWrap(True)
        self.hours_error.setProperty("role", "error")
        self.hours_error.hide()
        form.addRow(self.hours_error)
        layout.addWidget(self.details)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("A&dd hours"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(_("Remo&ve these hours"))
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        page.add_loader(self.load)

    # showing -----------------------------------------------------------------
    def load(self) -> None:
        row = self.list.currentRow()
        calendars = self.page.project.schedule.calendars
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([c.name.strip() or c.id for c in calendars])
        self.list.setCurrentRow(min(max(row, 0), len(calendars) - 1) if calendars else -1)
        self.list.blockSignals(False)
        self._show_selected()

    def _show_selected(self) -> None:
        calendar = self.selected()
        has_any = bool(self.page.project.schedule.calendars)
        self.list_row.setVisible(has_any)
        self.remove_button.setVisible(has_any)
        self.details.setVisible(calendar is not None)
        self.hours_error.hide()
        if calendar is not None:
            if self.name_edit.text() != calendar.name:
                self.name_edit.setText(calendar.name)
            self.hours.set_blocks(calendar.coverage)

    def selected(self) -> NamedCalendar | None:
        calendars = self.page.project.schedule.calendars
        row = self.list.currentRow()
        return calendars[row] if 0 <= row < len(calendars) else None

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    # editing -------------------------------------------------------------------
    def _add(self) -> None:
        calendar = new_calendar(self.page.project)
        self.page.edited(lambda p: p.schedule.calendars.append(calendar.model_copy(deep=True)),
                         _("Add hours “{name}”").format(name=calendar.name))
        self.load()
        self.list.setCurrentRow(self.list.count() - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _remove(self) -> None:
        row = self.list.currentRow()
        calendar = self.selected()
        if calendar is None:
            return
        self.page.edited(lambda p: remove_calendar(p, row),
                         _("Remove hours “{name}”").format(name=calendar.name))
        self.load()

    def _name_typed(self, text: str) -> None:
        row = self.list.currentRow()
        if self.selected() is None:
            return
        self.page.edited(lambda p: setattr(p.schedule.calendars[row], "name", text),
                         _("Rename hours"), merge_key=f"calendar-name:{row}")
        item = self.list.item(row)
        if item is not None:
            item.setText(text.strip() or self.page.project.schedule.calendars[row].id)

    def _hours_edited(self) -> None:
        row = self.list.currentRow()
        if self.selected() is None:
            return
        try:
            blocks: list[CoverageBlock] = self.hours.blocks()
        except NothingCoveredError:
            self.hours_error.setText(_("Tick at least one day, or choose 24×7; until then the "
                                       "last hours with a covered day are kept."))
            self.hours_error.show()
            return
        self.hours_error.hide()
        name = self.page.project.schedule.calendars[row].name
        self.page.edited(lambda p: setattr(p.schedule.calendars[row], "coverage", blocks),
                         _("Edit hours “{name}”").format(name=name))
