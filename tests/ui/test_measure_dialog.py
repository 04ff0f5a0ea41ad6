"""File → Measure a month…: the month picked, files dropped or added and
recognised by their header, each level's attained value worked out by hand
and shown in the table, a bad row named by file and line while the other
files are kept, a long import cancelled, and the report written and read back."""

from __future__ import annotations

import datetime
import re
import shutil
import sys
import time
from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE
from office import needs_libreoffice, pdf_text
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from wizard.core.attainment import Month
from wizard.core.pdf_export import SOFFICE_ENV
from wizard.core.project_file import load_project
from wizard.ui import measure_worker
from wizard.ui.document import ProjectDocument
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.main_window import MainWindow
from wizard.ui.measure_dialog import VERDICT_COLOURS, MeasureDialog
from wizard.ui.measure_texts import Verdict
from wizard.ui.measure_worker import ReadCancelled

MARCH = Month(2027, 3)

# March 2027 in the example's time zone (America/Los_Angeles); availability is
# measured during coverage, Monday to Friday 08:00–18:00, less US-OR holidays
# (none in March) and Sunday-night maintenance (outside coverage).
OUTAGES = (
    "service,start,end\n"
    # Wednesday 10 March 09:00–10:00, every service: 60 minutes
    "*,2027-03-10T09:00,2027-03-10T10:00\n"
    # the desk 09:30–10:30 the same day overlaps it: 30 minutes more
    "desk,2027-03-10T09:30,2027-03-10T10:30\n"
    # Saturday 13 March: no coverage, no minutes
    "backup,2027-03-13T12:00,2027-03-13T13:00\n"
    # Friday 19 March 17:30 to Monday 22 March 08:18: 30 + 18 minutes
    "endpoints,2027-03-19T17:30,2027-03-22T08:18\n"
)
DOWN_MINUTES = 60 + 30 + 30 + 18


def march_coverage_minutes() -> int:
    weekdays = sum(1 for day in range(1, 32) if datetime.date(2027, 3, day).weekday() < 5)
    return weekdays * 10 * 60


@pytest.fixture
def document(tmp_path: Path) -> ProjectDocument:
    path = tmp_path / "msp.slaproj"
    shutil.copy(US_EXAMPLE, path)
    return ProjectDocument(load_project(path), path)


@pytest.fixture
def dialog(qtbot: QtBot, document: ProjectDocument) -> MeasureDialog:
    shown = MeasureDialog(None, document, today=datetime.date(2027, 4, 15))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def drop(dialog: MeasureDialog, *paths: Path) -> None:
    """Drop ``paths`` on the window, as from a file manager."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = dialog.files.file_list.mapTo(dialog, QPoint(10, 10))
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert event.isAccepted()


def read_all(qtbot: QtBot, dialog: MeasureDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.files.reading, timeout=20000)


def list_texts(dialog: MeasureDialog) -> list[str]:
    shown = dialog.files.file_list
    return [item.text() for item in (shown.item(row) for row in range(shown.count())) if item]


def table_rows(dialog: MeasureDialog) -> dict[str, list[str]]:
    rows = {}
    for row in range(dialog.table.rowCount()):
        cells = [item.text() if (item := dialog.table.item(row, column)) else ""
                 for column in range(4)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_month_defaults_to_the_previous_one(qtbot: QtBot,
                                                document: ProjectDocument) -> None:
    in_january = MeasureDialog(None, document, today=datetime.date(2028, 1, 3))
    qtbot.addWidget(in_january)
    assert in_january.month == Month(2027, 12)
    assert in_january.month_combo.currentText() == "December"


def test_dropped_outages_give_the_attained_value_and_the_credit(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog) -> None:
    assert dialog.month == MARCH
    drop(dialog, write(tmp_path, "outages.csv", OUTAGES))
    read_all(qtbot, dialog)
    assert list_texts(dialog) == ["outages.csv — Outages: 4 rows, 4 outages"]

    eligible = march_coverage_minutes()
    assert eligible == 13_800
    attained = Decimal(eligible - DOWN_MINUTES) * 100 / eligible  # 99
    shown = f"{attained.normalize():f}%"
    rows = table_rows(dialog)
    assert rows["Service availability"] == ["99.5%", shown, "Missed"]
    availability_row = list(rows).index("Service availability")
    result_item = dialog.table.item(availability_row, 3)
    assert result_item is not None
    assert result_item.foreground().color() == VERDICT_COLOURS[Verdict.MISSED]
    # no tickets file: the first-response level is not measured, and says so
    assert rows["First response to tickets"][2].startswith("Not measured: ")

    # below 99.5 but not below 99.0: 5 % of the three services' fees
    fees = Decimal("1250.00") + Decimal("600.00") + Decimal("300.00")
    credit = (fees * 5 / 100).quantize(Decimal("0.01"))
    assert credit == Decimal("107.50")
    text = dialog.credit_label.text()
    assert ("Service availability attained 99%, below 99.5%: the credit is 5% of the monthly "
            "fee.") in text
    assert ("Monthly fee of Service Desk, Managed Endpoints, Cloud Backup: $2,150.00; "
            "credit: 5% × $2,150.00 = $107.50") in text
    assert "Credit due for March 2027: $107.50" in text
    # 31 March + the 30-day claim window
    assert "The customer claims the credit by Apr 30, 2027." in text

    # another month of the same files: nothing down in February's coverage
    dialog.set_month(Month(2027, 2))
    assert table_rows(dialog)["Service availability"] == ["99.5%", "100%", "Met"]
    met_item = dialog.table.item(availability_row, 3)
    assert met_item is not None
    assert met_item.foreground().color() == VERDICT_COLOURS[Verdict.MET]
    assert "no credit is due" in dialog.credit_label.text()


def test_a_bad_row_is_named_and_the_other_files_are_kept(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    good = write(tmp_path, "outages.csv", OUTAGES)
    bad = write(tmp_path, "more.csv", "service,start,end\n"
                "desk,2027-03-11T09:00,2027-03-11T09:10\n"
                "desk,2027-03-12T09:00,2027-03-12T08:00\n")
    unknown = write(tmp_path, "notes.csv", "when,what\n2027-03-01,coffee machine\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(good), str(bad), str(unknown)], ""))
    qtbot.mouseClick(dialog.files.add_button, Qt.MouseButton.LeftButton)
    read_all(qtbot, dialog)
    texts = list_texts(dialog)
    assert texts[0].startswith("outages.csv — Outages")
    assert texts[1] == ("Not read: more.csv, line 3, end: the outage ends before it starts "
                        "(2027-03-12T09:00)")
    assert texts[2].startswith("Not read: notes.csv, line 1: the header (when, what) is not "
                               "one of an outages, tickets or values file")
    refused = dialog.files.file_list.item(1)
    assert refused is not None
    assert refused.foreground().color() == VERDICT_COLOURS[Verdict.MISSED]
    # measured from the file that was read, as if the bad one had not been given
    assert table_rows(dialog)["Service availability"][1] == "99%"

    # the fixed file is read once the broken one is taken out of the list
    dialog.files.file_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.files.remove_button, Qt.MouseButton.LeftButton)
    bad.write_text("service,start,end\ndesk,2027-03-11T09:00,2027-03-11T10:09\n",
                   encoding="utf-8")
    dialog.add_files([bad])
    read_all(qtbot, dialog)
    # 138 + 69 minutes of 13,800: 98.5 %
    assert table_rows(dialog)["Service availability"][1] == "98.5%"


def samples_file(folder: Path, rows: int) -> Path:
    """A monitor's samples every five seconds, all up."""
    path = folder / "samples.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("service,time,status\n")
        start = datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC)
        for second in range(rows):
            moment = start + datetime.timedelta(seconds=second * 5)
            stream.write(f"desk,{moment.isoformat()},up\n")
    return path


def hold_reading_until_cancelled(monkeypatch: pytest.MonkeyPatch, held: Path) -> None:
    """Once the first rows of ``held`` are read, the reading waits for the cancel button
    (as a slow disk would), so a fast machine cannot finish it before the
    test clicks."""
    real_read = measure_worker.read_measurement_file

    def slow_read(path: Path, project: object, *, cancelled: Callable[[], bool],
                  progress: Callable[[int, int], None]) -> object:
        def held_progress(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 20
            while Path(path) == held and done and not cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)
        return real_read(path, project, cancelled=cancelled, progress=held_progress)

    monkeypatch.setattr(measure_worker, "read_measurement_file", slow_read)


def test_cancel_stops_a_long_import_and_the_window_stays_usable(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = 500_000
    long_file = samples_file(tmp_path, rows)
    hold_reading_until_cancelled(monkeypatch, long_file)
    assert not dialog.report_button.isEnabled()  # nothing read yet
    dialog.add_files([long_file])
    entry = dialog.files.entries[0]
    assert dialog.files.cancel_button.isVisible() and dialog.files.import_progress.isVisible()
    qtbot.waitUntil(lambda: entry.progress[0] > 0, timeout=20000)
    assert "reading: " in list_texts(dialog)[0]
    qtbot.mouseClick(dialog.files.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not entry.reading, timeout=20000)
    assert entry.cancelled and entry.read is None
    assert entry.progress[0] < rows == entry.progress[1]
    assert list_texts(dialog) == ["samples.csv — not read: the reading was cancelled"]
    assert not dialog.files.cancel_button.isVisible()

    # the window goes on: another file is read and measured
    dialog.add_files([write(tmp_path, "outages.csv", OUTAGES)])
    read_all(qtbot, dialog)
    assert table_rows(dialog)["Service availability"][1] == "99%"
    assert dialog.report_button.isEnabled()


def test_closing_the_window_stops_the_reading(tmp_path: Path, qtbot: QtBot,
                                              dialog: MeasureDialog,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    rows = 300_000
    long_file = samples_file(tmp_path, rows)
    hold_reading_until_cancelled(monkeypatch, long_file)
    dialog.add_files([long_file])
    entry = dialog.files.entries[0]
    qtbot.waitUntil(lambda: entry.progress[0] > 0, timeout=20000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not entry.reading, timeout=5000)
    assert entry.cancelled and entry.progress[0] < rows


def test_write_report_gives_a_docx_with_the_table(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.add_files([write(tmp_path, "outages.csv", OUTAGES)])
    read_all(qtbot, dialog)
    target = tmp_path / "march"
    offered: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, *_args: object) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dialog.pdf_box.setChecked(False)
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=20000)
    assert offered == [str(tmp_path / "msp - report 2027-03.docx")]
    written = tmp_path / "march.docx"
    assert dialog.last_report == written
    assert f"Report written to {written}" in dialog.status.text()
    report = read_contract(written.read_bytes())
    assert ["Service availability", "99.5%", "99%", "missed"] in report.tables[0]
    assert "Month: March 2027" in report.text
    assert "credit: 5% × $2,150.00 = $107.50" in report.text


def test_the_menu_opens_it_and_escape_closes_it(window: MainWindow, tmp_path: Path,
                                                qtbot: QtBot) -> None:
    path = tmp_path / "msp.slaproj"
    shutil.copy(US_EXAMPLE, path)
    assert window.open_path(path)
    assert window.measure_action.text() == "&Measure a month…"
    window.measure_action.trigger()
    dialog = window.findChild(MeasureDialog)
    assert dialog is not None and dialog.isVisible()
    today = datetime.date.today()
    last = today.replace(day=1) - datetime.timedelta(days=1)
    assert dialog.month == Month(last.year, last.month)
    # each access key reaches one control, and a label's key its field
    keys: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        text = (widget.title() if isinstance(widget, QGroupBox)
                else widget.text() if isinstance(widget, QLabel | QAbstractButton) else "")
        key = re.search(r"&([^&])", text.replace("&&", ""))
        if key is None:
            continue
        keys.setdefault(key.group(1).lower(), []).append(text)
        if isinstance(widget, QLabel):
            assert widget.buddy() is not None, text
    assert {key: texts for key, texts in keys.items() if len(texts) > 1} == {}
    assert {"m", "y", "f", "a", "r", "l", "w", "p", "k"} <= set(keys)
    # every control takes the keyboard focus
    for widget in (dialog.month_combo, dialog.year_spin, dialog.files.file_list,
                   dialog.files.add_button, dialog.table, dialog.report_button):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    # small screens: the window fits in 1024×768
    dialog.resize(1000, 700)
    assert dialog.minimumSizeHint().width() <= 1000
    assert dialog.minimumSizeHint().height() <= 700
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_in_german_the_month_and_the_row_problem_are_german(
        tmp_path: Path, qtbot: QtBot, document: ProjectDocument) -> None:
    assert apply_language("de") == "de"
    try:
        german = MeasureDialog(None, document, today=datetime.date(2027, 4, 15))
        qtbot.addWidget(german)
        assert german.month_combo.currentText() == "März"
        german.add_files([write(tmp_path, "more.csv", "service,start,end\n"
                                "desk,2027-03-12T09:00,2027-03-12T08:00\n")])
        read_all(qtbot, german)
        assert ("more.csv, Zeile 2, end: der Ausfall endet, bevor er beginnt "
                "(2027-03-12T09:00)") in list_texts(german)[0]
        german.close()
    finally:
        apply_language(ENGLISH)


def measured(qtbot: QtBot, document: ProjectDocument, folder: Path) -> MeasureDialog:
    """The window on March 2027 with the outages read (made after the test
    chose its LibreOffice)."""
    shown = MeasureDialog(None, document, today=datetime.date(2027, 4, 15))
    qtbot.addWidget(shown)
    shown.show()
    shown.add_files([write(folder, "outages.csv", OUTAGES)])
    read_all(qtbot, shown)
    return shown


@pytest.mark.slow
@needs_libreoffice
def test_the_report_is_also_saved_as_pdf(tmp_path: Path, qtbot: QtBot,
                                         document: ProjectDocument) -> None:
    dialog = measured(qtbot, document, tmp_path)
    assert dialog.pdf_box.isEnabled() and not dialog.pdf_note.isVisible()
    dialog.write_report(tmp_path / "march.docx", pdf=True)
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=180000)
    assert dialog.last_pdf == tmp_path / "march.pdf"
    text = " ".join(pdf_text(tmp_path / "march.pdf").split())
    assert "Service availability" in text and "$107.50" in text
    assert f"PDF written to {tmp_path / 'march.pdf'}" in dialog.status.text()


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")
def test_a_failed_pdf_keeps_the_word_report(tmp_path: Path, qtbot: QtBot,
                                            document: ProjectDocument,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "fake" / "soffice"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n",
                       encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv(SOFFICE_ENV, str(program))
    dialog = measured(qtbot, document, tmp_path)
    dialog.pdf_box.setChecked(True)
    dialog.write_report(tmp_path / "march.docx", pdf=dialog.pdf_box.isChecked())
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=20000)
    assert dialog.last_pdf is None
    status = dialog.status.text()
    assert f"Report written to {tmp_path / 'march.docx'}" in status
    assert "The report was written, but not its PDF: " in status
    assert "source file could not be loaded" in status
    assert (tmp_path / "march.docx").is_file() and not (tmp_path / "march.pdf").exists()
    assert dialog.report_button.isEnabled()


def test_without_libreoffice_the_pdf_is_not_offered(tmp_path: Path, qtbot: QtBot,
                                                    document: ProjectDocument,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "nowhere" / "soffice"))
    dialog = measured(qtbot, document, tmp_path)
    assert not dialog.pdf_box.isEnabled()
    assert dialog.pdf_note.isVisible()
    assert "needs LibreOffice, which was not found" in dialog.pdf_note.text()


def test_the_menu_brings_an_open_window_forward_and_opens_a_closed_one_anew(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "msp.slaproj"
    shutil.copy(US_EXAMPLE, path)
    assert window.open_path(path)
    first = window.measure_month()
    assert first is not None
    first.set_month(MARCH)
    assert window.measure_month() is first
    first.close()
    second = window.measure_month()
    assert second is not None and second is not first and second.isVisible()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(MeasureDialog) == [second]


def test_removing_a_file_being_read_stops_its_reading(tmp_path: Path, qtbot: QtBot,
                                                      dialog: MeasureDialog,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    long_file = samples_file(tmp_path, 300_000)
    hold_reading_until_cancelled(monkeypatch, long_file)
    dialog.files.add_files([long_file])
    entry = dialog.files.entries[0]
    qtbot.waitUntil(lambda: entry.progress[0] > 0, timeout=20000)
    dialog.files.file_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.files.queue.finished, timeout=20000) as finished:
        qtbot.mouseClick(dialog.files.remove_button, Qt.MouseButton.LeftButton)
        assert list_texts(dialog) == [] and not dialog.files.reading
        assert not dialog.files.cancel_button.isVisible()
    assert finished.args is not None
    assert finished.args[0] == entry.job and isinstance(finished.args[1], ReadCancelled)


def test_an_agreement_that_cannot_be_measured_says_why_until_it_is_put_right(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog, document: ProjectDocument) -> None:
    dialog.files.add_files([write(tmp_path, "outages.csv", OUTAGES)])
    read_all(qtbot, dialog)
    document.project.schedule.timezone = "Mars/Olympus_Mons"
    document.touch()
    qtbot.waitUntil(lambda: "cannot be measured" in dialog.status.text(), timeout=5000)
    assert 'the agreement\'s time zone "Mars/Olympus_Mons" is unknown' in dialog.status.text()
    assert dialog.table.rowCount() == 0 and not dialog.report_button.isEnabled()
    document.project.schedule.timezone = "America/Los_Angeles"
    document.touch()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    assert dialog.status.text() == ""
    assert table_rows(dialog)["Service availability"][1] == "99%"


def test_keep_this_month_records_it_in_the_project_and_the_year_adds_up(
        tmp_path: Path, qtbot: QtBot, dialog: MeasureDialog, document: ProjectDocument) -> None:
    dialog.files.add_files([write(tmp_path, "outages.csv", OUTAGES)])
    read_all(qtbot, dialog)
    assert dialog.kept_note.text() == ""
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert document.modified
    assert "The results of March 2027 are kept with the project" in dialog.status.text()
    assert dialog.kept_note.text() == "March 2027 is kept with the project."
    assert document.path is not None
    document.save(document.path)
    [march] = load_project(document.path).history
    assert march.month == "2027-03"
    uptime = next(level for level in march.levels if level.id == "uptime")
    assert (uptime.target, uptime.attained, uptime.met) == (Decimal("99.5"), Decimal("99"),
                                                            False)
    assert march.credit is not None
    assert (march.credit.amount, march.credit.currency) == (Decimal("107.50"), "USD")

    # April, every service down from Tuesday 6 at 08:00 to Wednesday 7 at 17:00:
    # 600 + 540 = 1,140 coverage minutes of 22 weekdays × 600 = 13,200, so
    # (13,200 − 1,140) ÷ 13,200 = 91.36…% < 97: 25 % of $2,150 = $537.50; with
    # March's $107.50 the year comes to $645.00
    dialog.files.add_files([write(tmp_path, "april.csv", "service,start,end\n"
                                  "*,2027-04-06T08:00,2027-04-07T17:00\n")])
    read_all(qtbot, dialog)
    dialog.set_month(Month(2027, 4))
    assert dialog.kept_note.text() == ""
    weekdays = sum(1 for day in range(1, 31) if datetime.date(2027, 4, day).weekday() < 5)
    attained = Decimal(weekdays * 600 - 1140) * 100 / (weekdays * 600)
    # shown to three decimals, rounded away from the target: 91.3636… → 91.363
    shown = attained.quantize(Decimal("0.001"), rounding=ROUND_FLOOR)
    assert table_rows(dialog)["Service availability"][1] == f"{shown}%"
    text = dialog.credit_label.text()
    assert "Credit due for April 2027: $537.50" in text
    assert "Credits of the last twelve months, this month included: $645.00" in text
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert "replace those kept before" in dialog.status.text()
    assert [kept.month for kept in document.project.history] == ["2027-03", "2027-04"]
