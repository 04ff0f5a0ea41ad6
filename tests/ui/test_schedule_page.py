"""The Availability schedule step, driven through its widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import CoverageBlock, Holidays, MaintenanceWindow, Weekday
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.schedule import SchedulePage
from wizard.ui.widgets.record_table import RecordTable

MON, TUE, WED, THU, FRI, SAT, SUN = list(Weekday)
WORKDAYS = [MON, TUE, WED, THU, FRI]


@pytest.fixture
def page(qtbot: QtBot, us_document: ProjectDocument) -> SchedulePage:
    widget = SchedulePage(us_document)
    qtbot.addWidget(widget)
    widget.reload()
    widget.show()
    widget.activateWindow()
    return widget


def edit_cell(qtbot: QtBot, table: RecordTable, row: int, column: int, text: str) -> None:
    """Type into a cell as a user does: select it, start typing, press Enter."""
    table.table.setFocus()
    table.table.setCurrentCell(row, column)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
        qtbot.keyClicks(editor, text)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findText(text))
    elif isinstance(editor, QSpinBox):
        editor.selectAll()
        qtbot.keyClicks(editor, text)
    else:  # pragma: no cover
        raise AssertionError(f"no cell editor opened, focus on {editor!r}")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the loop


def test_the_schedule_is_shown(page: SchedulePage) -> None:
    """Opening the US example would show another time zone, other hours or no windows."""
    assert page.zone_combo.currentText() == "America/Los_Angeles"
    assert page.holidays_combo.currentIndex() == 0
    assert page.region_edit.text() == "US-OR"
    assert page.coverage.total_label.text() == "50 hours a week"
    assert page.support.total_label.text() == "64 hours a week"
    assert page.windows.table.rowCount() == 1
    assert page.windows.table.item(0, 0).text() == "Sunday"
    assert page.windows.table.item(0, 1).text() == "02:00"
    assert page.notice_spin.value() == 72
    assert page.max_spin.optional_value() == 720


def test_typing_a_time_zone_stores_its_iana_name(qtbot: QtBot, page: SchedulePage,
                                                 us_document: ProjectDocument) -> None:
    """A zone typed in lower case would not be taken, or a half-typed one would be saved."""
    line = page.zone_combo.lineEdit()
    assert line is not None
    assert page.zone_completer.model().rowCount() > 300
    line.selectAll()
    qtbot.keyClicks(line, "europe/ber")
    assert us_document.project.schedule.timezone == "America/Los_Angeles"
    assert not us_document.modified
    qtbot.keyClicks(line, "lin")
    assert us_document.project.schedule.timezone == "Europe/Berlin"
    assert us_document.modified

    line.selectAll()
    qtbot.keyClicks(line, "Mars/Olympus")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert us_document.project.schedule.timezone == "Europe/Berlin"
    assert any("Mars/Olympus" in text for text in page.zone_message.messages())


def test_the_completer_finds_zones_by_part_of_their_name(qtbot: QtBot,
                                                         page: SchedulePage) -> None:
    """Typing a city would not offer its zone, so the user would have to know the region."""
    completer = page.zone_completer
    completer.setCompletionPrefix("berl")
    assert completer.currentCompletion() == "Europe/Berlin"


def test_office_hours_for_support(qtbot: QtBot, page: SchedulePage,
                                  us_document: ProjectDocument) -> None:
    """The support hours preset would not reach the project, or change the coverage instead."""
    qtbot.mouseClick(page.support.office_button, Qt.MouseButton.LeftButton)
    schedule = us_document.project.schedule
    assert schedule.support_coverage == [
        CoverageBlock(days=WORKDAYS, start="08:00", end="18:00")]
    assert schedule.coverage == [CoverageBlock(days=WORKDAYS, start="08:00", end="18:00")]
    assert us_document.modified


def test_around_the_clock_coverage_is_saved_as_the_empty_list(
        qtbot: QtBot, page: SchedulePage, us_document: ProjectDocument) -> None:
    """24×7 coverage would be saved as blocks the contract reads as a weekly schedule."""
    qtbot.mouseClick(page.coverage.around_button, Qt.MouseButton.LeftButton)
    assert us_document.project.schedule.coverage == []
    assert us_document.modified


def test_a_saturday_shift_until_midnight(qtbot: QtBot, page: SchedulePage,
                                         us_document: ProjectDocument) -> None:
    """A day ticked and given hours in the grid would not be saved."""
    saturday = page.coverage.rows[SAT]
    qtbot.keyClick(saturday.covered, Qt.Key.Key_Space)
    saturday.end.setFocus()
    saturday.end.lineEdit().selectAll()
    qtbot.keyClicks(saturday.end, "24:00")
    assert us_document.project.schedule.coverage[-1] == CoverageBlock(
        days=[SAT], start="08:00", end="24:00")


def test_unticking_every_day_is_refused(qtbot: QtBot, page: SchedulePage,
                                        us_document: ProjectDocument) -> None:
    """No coverage at all would be saved as the empty list, which means 24×7."""
    for day in WORKDAYS:
        qtbot.keyClick(page.coverage.rows[day].covered, Qt.Key.Key_Space)
    coverage = us_document.project.schedule.coverage
    assert coverage == [CoverageBlock(days=[FRI], start="08:00", end="18:00")]
    message = page._field_for(("schedule", "coverage"))
    assert message is not None
    assert any("at least one day" in text for text in message[2].messages())
    qtbot.keyClick(page.coverage.rows[SUN].covered, Qt.Key.Key_Space)
    assert us_document.project.schedule.coverage == [
        CoverageBlock(days=[SUN], start="08:00", end="18:00")]
    assert message[2].messages() == []


def test_holidays_and_region(qtbot: QtBot, page: SchedulePage,
                             us_document: ProjectDocument) -> None:
    """The holiday choice or the region typed would not reach the contract."""
    page.holidays_combo.setCurrentIndex(1)
    page.holidays_combo.activated.emit(1)
    page.region_edit.selectAll()
    qtbot.keyClicks(page.region_edit, "US-WA")
    schedule = us_document.project.schedule
    assert schedule.public_holidays is Holidays.INCLUDED
    assert schedule.holiday_region == "US-WA"
    assert us_document.modified


def test_maintenance_windows_are_edited_in_the_table(qtbot: QtBot, page: SchedulePage,
                                                     us_document: ProjectDocument) -> None:
    """A new window, its day, start or duration would not be saved."""
    windows = us_document.project.schedule.maintenance_windows
    qtbot.mouseClick(page.windows.add_button, Qt.MouseButton.LeftButton)
    assert len(windows) == 2
    edit_cell(qtbot, page.windows, 1, 0, "Saturday")
    edit_cell(qtbot, page.windows, 1, 1, "3:30")
    edit_cell(qtbot, page.windows, 1, 2, "45")
    assert windows[1] == MaintenanceWindow(day=SAT, start="03:30", duration_minutes=45)
    assert page.windows.table.item(1, 1).text() == "03:30"
    assert us_document.modified


def test_a_start_that_is_no_time_is_refused(qtbot: QtBot, page: SchedulePage,
                                            us_document: ProjectDocument) -> None:
    """A start such as 25:00 would be saved, and the file would no longer open."""
    edit_cell(qtbot, page.windows, 0, 1, "25:00")
    assert us_document.project.schedule.maintenance_windows[0].start == "02:00"
    assert any("25:00" in text for text in page.windows_message.messages())
    edit_cell(qtbot, page.windows, 0, 1, "01:15")
    assert us_document.project.schedule.maintenance_windows[0].start == "01:15"
    assert page.windows_message.messages() == []


def test_a_duration_below_one_minute_cannot_be_entered(page: SchedulePage) -> None:
    """A zero-minute window would be saved, and the file would no longer open."""
    column = page.windows.columns[2]
    with pytest.raises(ValueError):
        column.parse("0")
    assert column.minimum == 1


def test_notice_and_monthly_limit(qtbot: QtBot, page: SchedulePage,
                                  us_document: ProjectDocument) -> None:
    """The notice or the maintenance limit typed would not be saved, or "no limit" lost."""
    page.notice_spin.selectAll()
    qtbot.keyClicks(page.notice_spin, "48")
    assert us_document.project.schedule.maintenance_notice_hours == 48
    page.max_spin.selectAll()
    qtbot.keyClicks(page.max_spin, "600")
    assert us_document.project.schedule.max_maintenance_minutes_per_month == 600
    page.max_spin.setValue(page.max_spin.minimum())  # the lowest position reads "no limit"
    assert page.max_spin.text() == "no limit"
    assert us_document.project.schedule.max_maintenance_minutes_per_month is None
    assert page.notice_spin.minimum() == 0
    assert us_document.modified


def test_problems_show_beside_their_fields(page: SchedulePage,
                                           us_document: ProjectDocument) -> None:
    """A wrong time zone, an end before the start or missing notice would not be pointed out."""
    schedule = us_document.project.schedule
    schedule.timezone = "Nowhere/Special"
    schedule.support_coverage = [CoverageBlock(days=[MON, TUE], start="18:00", end="08:00")]
    schedule.maintenance_notice_hours = 0
    schedule.maintenance_windows[0].start = "24:00"
    page.reload()
    page.show_problems(check_project(us_document.project))

    def messages(loc: tuple[str | int, ...]) -> list[str]:
        field = page._field_for(loc)
        assert field is not None
        return field[2].messages()

    assert any("Nowhere/Special" in text for text in messages(("schedule", "timezone")))
    assert messages(("schedule", "support_coverage", 0, "end")) == [
        "Monday, Tuesday: The end must be after the start."]
    assert messages(("schedule", "coverage")) == []
    assert any("notice" in text for text in messages(("schedule", "maintenance_notice_hours")))
    assert any("23:59" in text
               for text in messages(("schedule", "maintenance_windows", 0, "start")))


def test_a_problem_selects_its_maintenance_window(page: SchedulePage,
                                                  us_document: ProjectDocument) -> None:
    """Jumping from the review to a window's start would leave another row selected."""
    us_document.project.schedule.maintenance_windows.append(
        MaintenanceWindow(day=Weekday.WED, start="23:00", duration_minutes=30))
    page.reload()
    page.focus_problem(("schedule", "maintenance_windows", 1, "start"))
    assert page.windows.table.currentRow() == 1
    assert page.windows.table.currentColumn() == 1
    assert QApplication.focusWidget() is page.windows.table


def test_a_coverage_problem_focuses_its_first_day(page: SchedulePage,
                                                  us_document: ProjectDocument) -> None:
    """Jumping to a coverage problem would put the focus somewhere unrelated."""
    page.focus_problem(("schedule", "support_coverage", 1, "end"))
    assert QApplication.focusWidget() is page.support.rows[SAT].covered


def test_a_time_that_is_no_time_is_said_beside_the_hours(qtbot: QtBot, page: SchedulePage,
                                                        us_document: ProjectDocument) -> None:
    """Typing that could not be used was dropped without a word."""
    monday = page.support.rows[MON]
    before = list(us_document.project.schedule.support_coverage or [])
    monday.start.setFocus()
    monday.start.lineEdit().selectAll()
    qtbot.keyClicks(monday.start, "noon")
    qtbot.keyClick(monday.start, Qt.Key.Key_Return)
    message = page._message(("schedule", "support_coverage"))
    qtbot.waitUntil(lambda: bool(message.messages()))
    assert message.messages() == [
        '"noon" is not a time of day: type it as 9, 9:30, 09:30 or 0930.']
    assert us_document.project.schedule.support_coverage == before
    monday.start.lineEdit().selectAll()
    qtbot.keyClicks(monday.start, "9")
    qtbot.keyClick(monday.start, Qt.Key.Key_Return)
    assert message.messages() == []
    support = us_document.project.schedule.support_coverage
    assert support is not None and support[0].start == "09:00"


def test_the_holiday_region_is_picked_from_real_regions(qtbot: QtBot, page: SchedulePage,
                                                        us_document: ProjectDocument) -> None:
    """A holiday region "Berlin" passed, and meant nothing to the holiday counting."""
    message = page._message(("schedule", "holiday_region"))
    assert page.region_picker.name_label.text() == "Oregon, United States"
    page.region_edit.setFocus()
    page.region_edit.selectAll()
    qtbot.keyClicks(page.region_edit, "Berlin")
    qtbot.keyClick(page.region_edit, Qt.Key.Key_Return)
    assert us_document.project.schedule.holiday_region == "DE-BE"
    assert page.region_edit.text() == "DE-BE"
    assert page.region_picker.name_label.text() == "Berlin, Germany"
    assert message.messages() == []

    page.region_edit.selectAll()
    qtbot.keyClicks(page.region_edit, "Atlantis")
    qtbot.keyClick(page.region_edit, Qt.Key.Key_Return)
    assert us_document.project.schedule.holiday_region == "DE-BE"
    assert message.messages() == [
        '"Atlantis" is not a region from the list: type part of its name, e.g. Bayern or '
        "Oregon, and pick one."]

    page.region_edit.selectAll()
    qtbot.keyClicks(page.region_edit, "ch-zh")
    qtbot.keyClick(page.region_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: us_document.project.schedule.holiday_region == "CH-ZH")
    assert page.region_edit.text() == "CH-ZH"
    assert message.messages() == []


def test_the_region_list_holds_countries_and_their_regions() -> None:
    from babel import Locale

    from wizard.core.holiday_regions import holiday_regions

    regions = dict(holiday_regions(Locale.parse("de")))
    assert regions["DE-BY"] == "Bayern, Deutschland"
    assert regions["US-OR"] == "Oregon, Vereinigte Staaten"
    assert regions["FR"] == "Frankreich"
    assert all(len(code.partition("-")[0]) == 2 for code in regions)
