"""Named calendars in the wizard: the Availability schedule step's "Other
hours" part adds, renames and removes them; the Service levels step offers
them as "Measured during"; every edit is undone with Ctrl+Z."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.model import MeasuredDuring
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.schedule import SchedulePage

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def bakery(tmp_path: Path, window: MainWindow) -> Path:
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    assert window.open_path(target)
    return target


def schedule_page(window: MainWindow) -> SchedulePage:
    window.go_to(window.pages.index_of(Step.SCHEDULE))
    page = window.current_page()
    assert isinstance(page, SchedulePage)
    return page


def metrics_page(window: MainWindow) -> MetricsPage:
    window.go_to(window.pages.index_of(Step.METRICS))
    page = window.current_page()
    assert isinstance(page, MetricsPage)
    return page


def press_undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL)


def test_without_calendars_the_part_is_one_add_button(window: MainWindow, bakery: Path) -> None:
    other = schedule_page(window).other_hours
    assert other.add_button.isVisible()
    assert not other.list_row.isVisible()
    assert not other.details.isVisible()
    assert not other.remove_button.isVisible()


def test_add_a_calendar_measure_a_level_on_it_and_undo(window: MainWindow, bakery: Path,
                                                       qtbot: QtBot) -> None:
    other = schedule_page(window).other_hours
    qtbot.mouseClick(other.add_button, LEFT)
    project = window.document.project
    assert [c.id for c in project.schedule.calendars] == ["hours-1"]
    assert other.details.isVisible() and other.remove_button.isVisible()
    # the new hours start from the service coverage, Mon–Fri 08:00–18:00: 50 hours a week
    assert other.hours.total_label.text() == "50 hours a week"
    other.name_edit.setFocus()
    other.name_edit.selectAll()
    qtbot.keyClicks(other.name_edit, "Phone support")
    assert window.document.project.schedule.calendars[0].name == "Phone support"
    assert other.list.item(0).text() == "Phone support"

    page = metrics_page(window)
    page.metrics_table.select_row(0)
    page._show_selected()
    combo = page.measured_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[-1] == "Phone support hours"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    metric = window.document.project.metrics[0]
    assert (metric.measured_during, metric.calendar) == (MeasuredDuring.CALENDAR, "hours-1")
    severity_labels = [label for _value, label in page.level_hours_column.choices]
    assert "Phone support hours" in severity_labels

    press_undo(qtbot, window)
    metric = window.document.project.metrics[0]
    assert (metric.measured_during, metric.calendar) == (MeasuredDuring.COVERAGE, "")
    press_undo(qtbot, window)  # the name typed, in one step
    assert window.document.project.schedule.calendars[0].name == "Other hours 1"
    press_undo(qtbot, window)  # the calendar added
    assert window.document.project.schedule.calendars == []
    assert not schedule_page(window).other_hours.list_row.isVisible()


def test_removing_a_calendar_puts_its_levels_back_on_coverage(
        window: MainWindow, bakery: Path, qtbot: QtBot) -> None:
    other = schedule_page(window).other_hours
    qtbot.mouseClick(other.add_button, LEFT)
    window.document.about_to_change()
    window.document.project.metrics[0].measured_on = (MeasuredDuring.CALENDAR, "hours-1")
    window.document.touch("test")
    qtbot.mouseClick(other.remove_button, LEFT)
    project = window.document.project
    assert project.schedule.calendars == []
    assert project.metrics[0].measured_on == (MeasuredDuring.COVERAGE, "")
    window.undo_action.trigger()
    assert window.document.project.metrics[0].measured_on == (MeasuredDuring.CALENDAR, "hours-1")
