"""Weekly hours: one row per weekday, for service coverage and support hours.

Each day has a "covered" box (the day's name), its hours from–to, "24 h" for
the whole day, and "Split" for a second span (a lunch break, two shifts).
A "to" time of 24:00 (midnight, the end of the day) is shown as 24:00: step
past 23:59 or type 00:00. A day read from a file with more than two spans
shows the first two; the others are kept, listed under the grid, and saved
again as long as the day stays covered.

The conversion between these rows and the project's coverage blocks lives
in :mod:`wizard.core.weekly`; this widget only shows and collects rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.core.compute import weekly_coverage_minutes
from wizard.core.model import CoverageBlock, Weekday
from wizard.core.weekly import (
    OFFICE_HOURS,
    WHOLE_DAY,
    WORKDAYS,
    NothingCoveredError,
    Span,
    Week,
    around_the_clock_week,
    blocks_to_week,
    copy_day,
    office_hours_week,
    week_to_blocks,
)
from wizard.i18n import _, ngettext
from wizard.ui.widgets.typed_inputs import ClockEdit

SECOND_SPAN: Span = ("13:00", "18:00")
MIDNIGHT = QTime(0, 0)


def weekday_names() -> dict[Weekday, str]:
    """The days of the week in the interface language."""
    return {
        Weekday.MON: _("Monday"),
        Weekday.TUE: _("Tuesday"),
        Weekday.WED: _("Wednesday"),
        Weekday.THU: _("Thursday"),
        Weekday.FRI: _("Friday"),
        Weekday.SAT: _("Saturday"),
        Weekday.SUN: _("Sunday"),
    }


def weekly_total_text(minutes: int, around_the_clock: bool) -> str:
    """``50 hours a week``; ``37 h 30 min a week``; 24×7 said as such."""
    hours, rest = divmod(minutes, 60)
    if around_the_clock:
        return _("Around the clock (24×7): 168 hours a week")
    if rest:
        return _("{hours} h {minutes} min a week").format(hours=hours, minutes=rest)
    return ngettext("{hours} hour a week", "{hours} hours a week", hours).format(hours=hours)


def _time(clock: str) -> QTime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return MIDNIGHT if hours == 24 else QTime(hours, minutes)


def _start_edit() -> QTimeEdit:
    """A time of day that takes ``9``, ``9:00`` or ``0900`` as typed."""
    return ClockEdit()


def _end_edit() -> QTimeEdit:
    """A "to" time where 00:00 reads and means 24:00, the end of the day
    (an end at the very start of a day would cover nothing)."""
    edit = _start_edit()
    edit.setSpecialValueText("24:00")
    edit.setWrapping(True)
    edit.setToolTip(_("24:00 is the end of the day: step up past 23:59 or type 00:00."))
    return edit


def _end_clock(edit: QTimeEdit) -> str:
    return "24:00" if edit.time() == MIDNIGHT else edit.time().toString("HH:mm")


class DayRow:
    """The controls of one weekday."""

    def __init__(self, day: Weekday, name: str, owner: str) -> None:
        """``name`` is the day's, ``owner`` the editor's (for screen readers:
        a page has two editors with the same days)."""
        self.day = day
        self.covered = QCheckBox(name)
        self.start = _start_edit()
        self.end = _end_edit()
        self.all_day = QCheckBox(_("24 h"))
        self.split = QCheckBox(_("Split"))
        self.start2 = _start_edit()
        self.end2 = _end_edit()
        self.dash = QLabel("–")
        self.dash2 = QLabel("–")
        self.extra: list[Span] = []
        """Spans beyond the second, read from the file and kept."""
        self.split.setToolTip(_("Two spans this day, e.g. 08:00–12:00 and 13:00–18:00."))
        self.all_day.setToolTip(_("Covered the whole day, 00:00 to 24:00."))
        for widget, label in ((self.covered, _("{day}: covered")),
                              (self.start, _("{day}: from")),
                              (self.end, _("{day}: to")),
                              (self.all_day, _("{day}: all day, 24 hours")),
                              (self.split, _("{day}: two spans")),
                              (self.start2, _("{day}: second span from")),
                              (self.end2, _("{day}: second span to"))):
            widget.setAccessibleName(f"{owner}, {label.format(day=name)}")
        self.set_spans([])

    def controls(self) -> list[QWidget]:
        """In Tab order."""
        return [self.covered, self.start, self.end, self.all_day, self.split,
                self.start2, self.end2]

    def set_spans(self, spans: Sequence[Span]) -> None:
        spans = list(spans)
        self.covered.setChecked(bool(spans))
        self.all_day.setChecked(spans == [WHOLE_DAY])
        first = spans[0] if spans else OFFICE_HOURS
        second = spans[1] if len(spans) > 1 else SECOND_SPAN
        self.start.setTime(_time(first[0]))
        self.end.setTime(_time(first[1]))
        self.split.setChecked(len(spans) > 1)
        self.start2.setTime(_time(second[0]))
        self.end2.setTime(_time(second[1]))
        self.extra = spans[2:]
        self.update_states()

    def spans(self) -> list[Span]:
        if not self.covered.isChecked():
            return []
        if self.all_day.isChecked():
            return [WHOLE_DAY]
        spans = [(self.start.time().toString("HH:mm"), _end_clock(self.end))]
        if self.split.isChecked():
            spans.append((self.start2.time().toString("HH:mm"), _end_clock(self.end2)))
        return spans + self.extra

    def kept_spans(self) -> list[Span]:
        """The extra spans that will be saved (the day covered, not all day)."""
        if self.covered.isChecked() and not self.all_day.isChecked():
            return self.extra
        return []

    def update_states(self) -> None:
        covered = self.covered.isChecked()
        all_day = self.all_day.isChecked()
        hours = covered and not all_day
        for control in (self.start, self.end, self.split):
            control.setEnabled(hours)
        self.all_day.setEnabled(covered)
        if all_day:
            self.start.setTime(MIDNIGHT)
            self.end.setTime(MIDNIGHT)
        second = self.split.isChecked() and not all_day
        for part in (self.start2, self.dash2, self.end2):
            part.setVisible(second)
            part.setEnabled(second and hours)


class WeeklyHoursEditor(QWidget):
    """Per-day hours, Monday to Sunday, read from and written as coverage blocks."""

    edited = Signal()
    unreadable = Signal(str)
    """Text that is not a time of day was typed into one of the times."""
    """The user changed the hours (not emitted by :meth:`set_blocks`)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self._loading = False
        names = weekday_names()
        self.rows = {day: DayRow(day, names[day], name) for day in Weekday}

        self.around_button = QPushButton(_("24×7"))
        self.around_button.setToolTip(_("Every day, around the clock."))
        self.office_button = QPushButton(_("Office hours Mon–Fri 08:00–18:00"))
        self.copy_button = QPushButton(_("Copy Monday to weekdays"))
        self.copy_button.setToolTip(_("Give Tuesday to Friday the same hours as Monday."))
        for button, label in ((self.around_button, _("Set around the clock, 24×7")),
                              (self.office_button,
                               _("Set office hours, Monday to Friday 08:00 to 18:00")),
                              (self.copy_button,
                               _("Copy Monday's hours to Tuesday to Friday"))):
            button.setAccessibleName(f"{name}: {label}")
        self.around_button.clicked.connect(lambda: self._apply(around_the_clock_week()))
        self.office_button.clicked.connect(lambda: self._apply(office_hours_week()))
        self.copy_button.clicked.connect(
            lambda: self._apply(copy_day(self.week(), Weekday.MON, WORKDAYS[1:])))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.around_button, self.office_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self._second_headers: list[QLabel] = []
        for column, text in ((1, _("From")), (3, _("To")), (6, _("From")), (8, _("To"))):
            header = QLabel(text)
            header.setProperty("role", "hint")
            grid.addWidget(header, 0, column)
            if column > 5:
                self._second_headers.append(header)
        for line, row in enumerate(self.rows.values(), start=1):
            widgets = (row.covered, row.start, row.dash, row.end, row.all_day, row.split,
                       row.start2, row.dash2, row.end2)
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, line, column)
            row.covered.setMinimumWidth(row.covered.sizeHint().width())
            for box in (row.covered, row.all_day, row.split):
                box.toggled.connect(self._user_changed)
            for edit in (row.start, row.end, row.start2, row.end2):
                edit.timeChanged.connect(self._user_changed)
                if isinstance(edit, ClockEdit):
                    edit.rejected.connect(self.unreadable.emit)
        grid.setColumnStretch(9, 1)

        self.kept_label = QLabel()
        self.kept_label.setWordWrap(True)
        self.kept_label.setProperty("role", "hint")
        self.total_label = QLabel()
        self.total_label.setAccessibleName(_("{name}: weekly total").format(name=name))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(grid)
        layout.addWidget(self.kept_label)
        layout.addWidget(self.total_label)

        chain: list[QWidget] = [self.around_button, self.office_button, self.copy_button]
        for row in self.rows.values():
            chain.extend(row.controls())
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.rows[Weekday.MON].covered)
        self._show_totals()

    # the project's blocks ------------------------------------------------------
    def set_blocks(self, blocks: Sequence[CoverageBlock]) -> None:
        """Show ``blocks`` (an empty list is 24×7); not an edit."""
        self.set_week(blocks_to_week(blocks))
        self.focus_day(Weekday.MON)

    def blocks(self) -> list[CoverageBlock]:
        """The hours shown, as the project stores them; raises
        :class:`NothingCoveredError` when no day is covered."""
        return week_to_blocks(self.week())

    # rows ----------------------------------------------------------------------
    def week(self) -> Week:
        return {day: row.spans() for day, row in self.rows.items()}

    def set_week(self, week: Week) -> None:
        self._loading = True
        try:
            for day, row in self.rows.items():
                row.set_spans(week.get(day, []))
        finally:
            self._loading = False
        self._show_totals()

    def focus_day(self, day: Weekday) -> None:
        """Let the next focus on this widget land on ``day``."""
        self.setFocusProxy(self.rows[day].covered)

    # reacting ------------------------------------------------------------------
    def _apply(self, week: Week) -> None:
        self.set_week(week)
        self.edited.emit()

    def _user_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            for row in self.rows.values():
                row.update_states()
        finally:
            self._loading = False
        self._show_totals()
        self.edited.emit()

    def _show_totals(self) -> None:
        any_split = any(not row.start2.isHidden() for row in self.rows.values())
        for header in self._second_headers:
            header.setVisible(any_split)
        names = weekday_names()
        kept = [
            _("{day} {start}–{end}").format(day=names[day], start=start, end=end)
            for day, row in self.rows.items() for start, end in row.kept_spans()
        ]
        self.kept_label.setText(
            _("Also covered, kept from the file: {spans}.").format(spans="; ".join(kept))
            if kept else "")
        self.kept_label.setVisible(bool(kept))
        try:
            blocks = self.blocks()
        except NothingCoveredError:
            self.total_label.setText(_("No hours: tick at least one day, or choose 24×7."))
            return
        self.total_label.setText(
            weekly_total_text(weekly_coverage_minutes(blocks), not blocks))
