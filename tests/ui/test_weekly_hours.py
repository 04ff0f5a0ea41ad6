"""The weekly hours editor: per-day rows in, coverage blocks out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QCheckBox, QTimeEdit
from pytestqt.qtbot import QtBot

from wizard.core.model import CoverageBlock, Weekday
from wizard.core.weekly import NothingCoveredError
from wizard.ui.widgets.weekly_hours import WeeklyHoursEditor, weekly_total_text

MON, TUE, WED, THU, FRI, SAT, SUN = list(Weekday)
WORKDAYS = [MON, TUE, WED, THU, FRI]
US_SUPPORT = [CoverageBlock(days=WORKDAYS, start="07:00", end="19:00"),
              CoverageBlock(days=[SAT], start="09:00", end="13:00")]


@pytest.fixture
def editor(qtbot: QtBot) -> WeeklyHoursEditor:
    widget = WeeklyHoursEditor("Support hours")
    qtbot.addWidget(widget)
    widget.set_blocks(US_SUPPORT)
    widget.show()
    return widget


def type_time(qtbot: QtBot, edit: QTimeEdit, text: str) -> None:
    """Type a time as a user does: into the field (entering it selects the
    time), then on to the next one."""
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize(("typed", "shown"), [
    ("9", "09:00"), ("09", "09:00"), ("9:00", "09:00"), ("0900", "09:00"), ("930", "09:30"),
    ("9.30", "09:30"), ("17:45", "17:45")])
def test_a_time_is_read_as_people_type_it(qtbot: QtBot, editor: WeeklyHoursEditor,
                                          typed: str, shown: str) -> None:
    """Typing "09" into a time field did nothing until the hour part was
    double-clicked."""
    start = editor.rows[MON].start
    with qtbot.waitSignal(editor.edited):
        type_time(qtbot, start, typed)
    assert start.text() == shown
    assert editor.week()[MON][0][0] == shown


def test_text_that_is_no_time_is_reported(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """A time that cannot be read was dropped without a word."""
    start = editor.rows[MON].start
    with qtbot.waitSignal(editor.unreadable) as blocker:
        type_time(qtbot, start, "noon")
    assert blocker.args == ["noon"]
    assert start.text() == "07:00"
    assert editor.week()[MON][0][0] == "07:00"


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Tick or untick as a keyboard user does."""
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_blocks_show_as_rows_with_their_weekly_total(editor: WeeklyHoursEditor) -> None:
    """Opening a project would show the wrong days or hours, or no total."""
    monday, saturday, sunday = editor.rows[MON], editor.rows[SAT], editor.rows[SUN]
    assert monday.covered.isChecked() and monday.covered.text() == "Monday"
    assert monday.start.time() == QTime(7, 0) and monday.end.time() == QTime(19, 0)
    assert saturday.start.time() == QTime(9, 0) and saturday.end.time() == QTime(13, 0)
    assert not sunday.covered.isChecked() and not sunday.start.isEnabled()
    assert editor.total_label.text() == "64 hours a week"
    assert editor.blocks() == US_SUPPORT


def test_office_hours_button_gives_one_block(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """The preset would leave Saturday covered or save five separate blocks."""
    with qtbot.waitSignal(editor.edited):
        qtbot.mouseClick(editor.office_button, Qt.MouseButton.LeftButton)
    assert editor.blocks() == [CoverageBlock(days=WORKDAYS, start="08:00", end="18:00")]
    assert editor.total_label.text() == "50 hours a week"


def test_around_the_clock_button_is_the_empty_list(qtbot: QtBot,
                                                   editor: WeeklyHoursEditor) -> None:
    """24×7 would be saved as seven blocks, or the days would not show 00:00–24:00."""
    with qtbot.waitSignal(editor.edited):
        qtbot.mouseClick(editor.around_button, Qt.MouseButton.LeftButton)
    assert editor.blocks() == []
    assert all(row.all_day.isChecked() for row in editor.rows.values())
    assert editor.rows[SUN].end.text() == "24:00"
    assert "168 hours" in editor.total_label.text()


def test_typing_hours_changes_that_day_only(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """A new closing time on Friday would be lost or applied to every day."""
    with qtbot.waitSignal(editor.edited):
        type_time(qtbot, editor.rows[FRI].end, "1500")
    assert editor.blocks() == [
        CoverageBlock(days=[MON, TUE, WED, THU], start="07:00", end="19:00"),
        CoverageBlock(days=[FRI], start="07:00", end="15:00"),
        CoverageBlock(days=[SAT], start="09:00", end="13:00"),
    ]
    assert editor.total_label.text() == "60 hours a week"


def test_an_end_of_midnight_is_24_00(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """Hours until midnight could not be entered, or would be saved as an end of 00:00."""
    type_time(qtbot, editor.rows[SAT].end, "0000")
    assert editor.week()[SAT] == [("09:00", "24:00")]
    tick(qtbot, editor.rows[SUN].covered)
    tick(qtbot, editor.rows[SUN].all_day)
    assert editor.week()[SUN] == [("00:00", "24:00")]
    assert not editor.rows[SUN].start.isEnabled()


def test_a_split_day_has_two_spans(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """A lunch break could not be entered, or the afternoon would not be saved."""
    wednesday = editor.rows[WED]
    assert wednesday.start2.isHidden()
    tick(qtbot, wednesday.split)
    assert not wednesday.start2.isHidden()
    type_time(qtbot, wednesday.end, "1200")
    type_time(qtbot, wednesday.start2, "1300")
    type_time(qtbot, wednesday.end2, "1900")
    assert editor.week()[WED] == [("07:00", "12:00"), ("13:00", "19:00")]
    assert CoverageBlock(days=[WED], start="13:00", end="19:00") in editor.blocks()


def test_copy_monday_to_weekdays(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """Copying Monday would miss a weekday, touch the weekend, or drop Monday's split."""
    monday = editor.rows[MON]
    tick(qtbot, monday.split)
    type_time(qtbot, monday.end, "1200")
    with qtbot.waitSignal(editor.edited):
        qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    week = editor.week()
    assert all(week[day] == [("07:00", "12:00"), ("13:00", "18:00")] for day in WORKDAYS)
    assert week[SAT] == [("09:00", "13:00")]
    assert editor.rows[THU].split.isChecked()


def test_no_day_covered_cannot_be_saved(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """Unticking every day would be saved as an empty list, which means 24×7."""
    for day in [*WORKDAYS, SAT]:
        tick(qtbot, editor.rows[day].covered)
    with pytest.raises(NothingCoveredError):
        editor.blocks()
    assert "No hours" in editor.total_label.text()


def test_a_third_span_from_the_file_is_kept(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """Editing Tuesday would silently delete Monday's evening shift read from the file."""
    blocks = [CoverageBlock(days=[MON], start=s, end=e)
              for s, e in (("06:00", "10:00"), ("11:00", "15:00"), ("18:00", "22:00"))]
    editor.set_blocks(blocks)
    assert not editor.kept_label.isHidden()
    assert "Monday 18:00–22:00" in editor.kept_label.text()
    tick(qtbot, editor.rows[TUE].covered)
    assert editor.week()[MON] == [("06:00", "10:00"), ("11:00", "15:00"), ("18:00", "22:00")]
    tick(qtbot, editor.rows[TUE].covered)
    tick(qtbot, editor.rows[MON].covered)
    assert editor.kept_label.isHidden()
    with pytest.raises(NothingCoveredError):
        editor.blocks()


def test_tab_walks_each_day_left_to_right(qtbot: QtBot, editor: WeeklyHoursEditor) -> None:
    """Keyboard users would jump around the grid or skip the hours."""
    editor.activateWindow()
    monday = editor.rows[MON]
    monday.covered.setFocus()
    seen: list[object] = []
    while len(seen) < 5:  # Tab goes through a time's hours and minutes, then on
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() not in seen:
            seen.append(QApplication.focusWidget())
    assert seen == [monday.start, monday.end, monday.all_day, monday.split,
                    editor.rows[TUE].covered]
    assert monday.start.accessibleName() == "Support hours, Monday: from"


def test_the_total_reads_hours_and_minutes() -> None:
    """The weekly total would show 37.5 hours as 37 hours."""
    assert weekly_total_text(37 * 60 + 30, False) == "37 h 30 min a week"
    assert weekly_total_text(60, False) == "1 hour a week"
