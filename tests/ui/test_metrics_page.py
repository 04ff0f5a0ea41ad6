"""The Service levels step, driven through its widgets."""

from __future__ import annotations

from decimal import Decimal

from page_driving import activate, open_page, retype
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.core.model import MeasuredDuring, MetricKind
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.metrics import MetricsPage


def test_shows_the_metrics_and_the_selected_one(qtbot: QtBot,
                                                us_document: ProjectDocument) -> None:
    """Opening a project shows every metric and level, and the first metric's fields."""
    page = open_page(qtbot, MetricsPage, us_document)

    assert page.metrics_table.table.rowCount() == 4
    assert page.metrics_table.table.item(2, 2).text() == "Managed Endpoints"
    assert page.levels_table.table.rowCount() == 4
    assert page.id_edit.text() == "uptime"
    assert page.name_edit.text() == "Service availability"
    assert page.service_combo.currentText() == "All services"
    assert page.target_edit.text() == "99.5"
    assert page.unit_combo.currentText() == "percent"
    assert page.measured_combo.currentIndex() == 0
    assert page.measurement_edit.toPlainText().startswith("Automated monitoring")
    assert page.baseline_edit.text() == "99.2"
    assert page.downtime_label.text() == (
        "99.5% of a month of 30 days during coverage hours (50 hr a week) allows 1 hr 4 min "
        "of downtime")
    assert not us_document.modified


def test_typing_in_the_detail_changes_the_metric_and_the_table(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """An edited name, period or measurement would be lost, or the table would show stale text."""
    page = open_page(qtbot, MetricsPage, us_document)
    uptime = us_document.project.metrics[0]

    retype(qtbot, page.name_edit, "Uptime & reachability")
    assert uptime.name == "Uptime & reachability"
    assert us_document.modified
    assert page.metrics_table.table.item(0, 0).text() == "Uptime & reachability"
    assert page.detail_box.title() == "Selected metric: Uptime & reachability"

    assert page.period_combo.itemText(4) == "Every half-year"
    page.period_combo.setCurrentIndex(5)
    page.period_combo.activated.emit(5)
    page.measurement_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.measurement_edit, " Reported monthly.")
    assert uptime.period.value == "year"
    assert uptime.measurement.endswith("two locations. Reported monthly.")
    assert page.metrics_table.table.item(0, 6).text() == "year"


def test_downtime_follows_the_target_as_it_is_typed(qtbot: QtBot,
                                                    us_document: ProjectDocument) -> None:
    """The user would not see what a target promises until some later refresh."""
    page = open_page(qtbot, MetricsPage, us_document)
    page.measured_combo.setCurrentIndex(1)
    page.measured_combo.activated.emit(1)
    assert us_document.project.metrics[0].measured_during is MeasuredDuring.ALWAYS
    assert page.downtime_label.text() == (
        "99.5% of a month of 30 days around the clock allows 3 hr 36 min of downtime")

    page.target_edit.selectAll()
    qtbot.keyClick(page.target_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.target_edit, "99.9")
    assert page.downtime_label.text() == (
        "99.9% of a month of 30 days around the clock allows 43 min 12 sec of downtime")
    qtbot.keyClicks(page.target_edit, "5")
    assert page.downtime_label.text() == (
        "99.95% of a month of 30 days around the clock allows 21 min 36 sec of downtime")
    assert us_document.project.metrics[0].target == Decimal("99.95")
    assert not page.downtime_label.isHidden()


def test_a_target_that_is_not_a_number_is_refused_beside_the_field(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Garbage would be saved into the file, or the user would not know why nothing changed."""
    page = open_page(qtbot, MetricsPage, us_document)
    retype(qtbot, page.target_edit, "99.5 or so")

    assert us_document.project.metrics[0].target == Decimal("99.5")
    message = page._field_for(("metrics", 0, "target"))
    assert message is not None
    assert message[1] is page.target_edit
    assert message[2].messages() == ["Enter a number such as 99.95."]
    assert page.downtime_label.isHidden()

    retype(qtbot, page.baseline_edit, "")
    assert us_document.project.metrics[0].baseline is None


def test_service_and_unit_choices(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A metric could not be tied to one service, or a unit such as "leads" could not be typed."""
    page = open_page(qtbot, MetricsPage, us_document)
    page.metrics_table.select_row(1)
    response = us_document.project.metrics[1]
    assert page.service_combo.currentText() == "Service Desk"
    assert page.unit_combo.currentText() == "minutes"

    labels = [page.service_combo.itemText(i) for i in range(page.service_combo.count())]
    assert labels == ["All services", "Service Desk", "Managed Endpoints", "Cloud Backup"]
    page.service_combo.setCurrentIndex(3)
    page.service_combo.activated.emit(3)
    assert response.service == "backup"
    assert us_document.modified

    page.unit_combo.setCurrentIndex(2)
    page.unit_combo.activated.emit(2)
    assert response.unit == "minutes"
    edit = page.unit_combo.lineEdit()
    assert edit is not None
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, "leads")
    assert response.unit == "leads"
    assert page.metrics_table.table.item(1, 4).text() == "leads"


def test_downtime_only_for_availability(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A response-time metric would show a meaningless allowed downtime."""
    page = open_page(qtbot, MetricsPage, us_document)
    page.metrics_table.select_row(1)
    assert page.downtime_label.isHidden()

    page.metrics_table.select_row(0)
    assert not page.downtime_label.isHidden()
    page.kind_combo.setCurrentIndex(5)
    page.kind_combo.activated.emit(5)
    assert us_document.project.metrics[0].kind is MetricKind.CUSTOM
    assert page.downtime_label.isHidden()


def test_add_and_remove_metrics(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A new metric would clash with an existing id, or the detail would keep a removed one."""
    page = open_page(qtbot, MetricsPage, us_document)
    qtbot.mouseClick(page.metrics_table.add_button, Qt.MouseButton.LeftButton)
    metrics = us_document.project.metrics
    assert len(metrics) == 5
    assert metrics[4].id == "metric-5"
    assert page.id_edit.text() == "metric-5"
    assert us_document.modified

    page.metrics_table.select_row(1)
    qtbot.mouseClick(page.metrics_table.remove_button, Qt.MouseButton.LeftButton)
    assert [m.id for m in metrics] == ["uptime", "patch", "restore", "metric-5"]
    assert page.id_edit.text() == "patch"


def test_table_cell_that_is_not_a_number_is_refused(qtbot: QtBot,
                                                     us_document: ProjectDocument) -> None:
    """A target typed into the table as text would be stored, or refused without a word."""
    page = open_page(qtbot, MetricsPage, us_document)
    activate(qtbot, page)
    table = page.metrics_table.table
    table.setCurrentCell(0, 3)
    table.editItem(table.item(0, 3))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "lots")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    message = page._field_for(("metrics",))
    assert message is not None
    qtbot.waitUntil(lambda: any('"lots" is not a number' in text
                                for text in message[2].messages()))
    assert us_document.project.metrics[0].target == Decimal("99.5")
    assert not us_document.modified

    table.editItem(table.item(0, 3))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "99.9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: us_document.project.metrics[0].target == Decimal("99.9"))
    assert us_document.modified
    assert message[2].messages() == []
    assert table.currentRow() == 1  # Enter went on to the row below, as in a spreadsheet
    table.setCurrentCell(0, 3)
    assert page.target_edit.text() == "99.9"
    assert page.downtime_label.text().startswith("99.9% of a month")


def test_problems_appear_beside_the_selected_metric_and_under_the_table(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The user would not see what is wrong with a metric, or not know which metric it is."""
    page = open_page(qtbot, MetricsPage, us_document)
    us_document.project.metrics[2].name = ""
    us_document.project.metrics[0].measurement = ""
    page.show_problems(check_project(us_document.project))

    measurement = page._field_for(("metrics", 0, "measurement"))
    assert measurement is not None and measurement[1] is page.measurement_edit
    assert any("how and from what source" in t for t in measurement[2].messages())
    under_table = page._field_for(("metrics", 2, "name"))
    assert under_table is not None and under_table[1] is page.metrics_table
    assert "patch: Name this metric." in under_table[2].messages()

    page.metrics_table.select_row(2)
    name = page._field_for(("metrics", 2, "name"))
    assert name is not None and name[1] is page.name_edit
    assert name[2].messages() == ["Name this metric."]


def test_severity_levels(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Levels could not be added or defined, and their targets would not read as hours."""
    page = open_page(qtbot, MetricsPage, us_document)
    levels = us_document.project.severity_levels
    assert page.level_label.text() == (
        "P1 Critical: response within 30 min, resolution within 4 hr, at all times")

    qtbot.mouseClick(page.levels_table.add_button, Qt.MouseButton.LeftButton)
    assert levels[4].id == "P5"
    assert us_document.modified
    page.levels_table.set_value(4, 2, 90)
    page.levels_table.set_value(4, 3, None)
    qtbot.keyClicks(page.definition_edit, "A question about an invoice.")
    assert levels[4].response_minutes == 90
    assert levels[4].definition == "A question about an invoice."
    assert page.level_label.text() == (
        "P5 New level: response within 1 hr 30 min, no resolution target, "
        "counted during coverage hours")

    levels[1].resolution_minutes = 30
    page.show_problems(check_project(us_document.project))
    message = page._field_for(("severity_levels", 1, "resolution_minutes"))
    assert message is not None and message[1] is page.levels_table
    level = us_document.project.severity_levels[1].id
    assert any(t.startswith(f"Severity {level}: The resolution target cannot be shorter")
               for t in message[2].messages()), message[2].messages()


def test_focus_problem_selects_the_item(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The review step's "go to" would land on the wrong metric or level."""
    page = open_page(qtbot, MetricsPage, us_document)
    activate(qtbot, page)
    page.focus_problem(("metrics", 2, "measurement"))
    assert page.metrics_table.current_row() == 2
    assert page.id_edit.text() == "patch"
    assert page.measurement_edit.hasFocus()

    page.focus_problem(("severity_levels", 3, "resolution_minutes"))
    assert page.levels_table.current_row() == 3
    assert page.levels_table.table.currentColumn() == 3
    assert page.definition_edit.toPlainText() == "A service request or question."


def test_downtime_counted_in_checked_intervals_follows_the_interval(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Checked every 5 minutes, 99.99 % allows no failed interval: the sentence must not
    promise minutes the monitoring cannot show, and the choice must reach the file."""
    from wizard.core.model import SamplingMethod

    page = open_page(qtbot, MetricsPage, us_document)
    assert page.interval_row.isHidden()  # counted to the second: no interval to give
    page.measured_combo.setCurrentIndex(1)
    page.measured_combo.activated.emit(1)
    page.method_combo.setCurrentIndex(1)
    page.method_combo.activated.emit(1)
    uptime = us_document.project.metrics[0]
    assert uptime.method.method is SamplingMethod.SAMPLED_INTERVAL
    assert not page.interval_row.isHidden()
    # 0.5 % of 43,200 minutes: 216 minutes, 43 whole 5-minute intervals (215 minutes)
    assert page.downtime_label.text() == (
        "99.5% of a month of 30 days around the clock, checked in intervals of 5 min, allows "
        "43 failed intervals (3 hr 35 min of downtime)")
    retype(qtbot, page.target_edit, "99.99")
    assert page.downtime_label.text() == (
        "99.99% around the clock, checked in intervals of 5 min, allows no failed interval in "
        "any month: a single failed interval misses it")
    page.interval_spin.setValue(1)
    assert uptime.method.interval_minutes == 1
    assert us_document.project.to_data()["metrics"][0]["method"] == {
        "method": "sampled_interval", "interval_minutes": 1, "measured_over": "calendar_month",
        "cycle_start_day": 1}
    assert "4 min" in page.downtime_label.text()  # 0.01 % of 43,200 minutes: 4 intervals


def test_the_month_can_be_a_billing_cycle(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Billed from the 15th, availability is worked out for that cycle: the choice
    reaches the file; day 1 is the calendar month again."""
    from wizard.core.model import MeasuredOver

    page = open_page(qtbot, MetricsPage, us_document)
    uptime = us_document.project.metrics[0]
    assert page.cycle_spin.value() == 1
    assert page.cycle_spin.text() == "1 (the calendar month)"
    page.cycle_spin.setValue(15)
    assert uptime.method.measured_over is MeasuredOver.BILLING_CYCLE
    assert uptime.method.cycle_start_day == 15
    assert us_document.modified
    page.cycle_spin.setValue(1)
    assert uptime.method.measured_over is MeasuredOver.CALENDAR_MONTH
    assert "method" not in us_document.project.to_data()["metrics"][0]
