"""File → Measure a month…: the user picks the month, drops the monitoring
and helpdesk files (or adds them), sees each service level attained, met or
missed, the credit due with its arithmetic and the claim deadline, writes
the monthly report (with a PDF when LibreOffice is installed), and keeps the
month's results with the project (its history, which the yearly credit cap
reads: the credits of the eleven months before are added up with this one's).

Each file is recognised by its header and read in the background, one after
the other, with its progress shown and a Cancel button; a file that cannot be
read stays in the list with the message that names its line and field, and
the month is measured from the others."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.attainment import Month, MonthResult, measure_month
from wizard.core.explain import timezone_text
from wizard.core.history import earlier_credits, record_for, record_of, with_record
from wizard.core.measurement_files import combine
from wizard.core.pdf_export import find_libreoffice, install_hint
from wizard.i18n import _, language
from wizard.ui.measure_files import PROBLEM_COLOUR, FilesBox
from wizard.ui.measure_texts import (
    Verdict,
    credit_lines,
    level_rows,
    month_text,
    ticket_lines,
)
from wizard.ui.measure_worker import ReportJob, ReportSignals
from wizard.ui.plain_text import plain_label

if TYPE_CHECKING:
    from wizard.ui.document import ProjectDocument

REFRESH_MS = 300
"""The results follow the user's edits of the project this long after the last one."""

VERDICT_COLOURS = {Verdict.MET: QColor("#1b7a3a"), Verdict.MISSED: PROBLEM_COLOUR}
"""Beside the words "Met" and "Missed", never instead of them."""


def previous_month(today: datetime.date) -> Month:
    first = today.replace(day=1) - datetime.timedelta(days=1)
    return Month(first.year, first.month)


class MeasureDialog(QDialog):
    """The month's measurements of the open project."""

    report_written = Signal(str)
    """The path of a report just written."""

    def __init__(self, parent: QWidget | None, document: ProjectDocument,
                 today: datetime.date | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.month_result: MonthResult | None = None
        self.last_report: Path | None = None
        self.last_pdf: Path | None = None
        self._report_signals = ReportSignals()
        self._report_signals.finished.connect(self._report_done)
        self._report_job: ReportJob | None = None
        self._report_pool = QThreadPool(self)
        self._measure_problem = ""
        self.setWindowTitle(_("Measure a month — {name}").format(name=document.display_name))
        self.setAcceptDrops(True)
        self.resize(900, 680)

        self.status = plain_label()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_month_row(today or datetime.date.today()))
        self.files = FilesBox(lambda: self.document.project, self._folder)
        self.files.files_changed.connect(self.refresh_results)
        self.files.note.connect(self.status_note)
        layout.addWidget(self.files, 1)
        layout.addWidget(self._build_results_box(), 3)
        layout.addLayout(self._build_report_row())
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_results)
        document.changed.connect(self._refresh_timer.start)
        document.reverted.connect(self._refresh_timer.start)
        document.replaced.connect(self.close)  # another project: these files are not its own
        self.refresh_results()

    # building ----------------------------------------------------------------------
    def _build_month_row(self, today: datetime.date) -> QHBoxLayout:
        default = previous_month(today)
        self.month_combo = QComboBox()
        for number in range(1, 13):
            self.month_combo.addItem(format_date(datetime.date(2000, number, 1), "LLLL",
                                                 locale=language()), number)
        self.month_combo.setCurrentIndex(default.month - 1)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2200)
        self.year_spin.setValue(default.year)
        self.year_spin.setGroupSeparatorShown(False)
        month_label = QLabel(_("&Month:"))
        month_label.setBuddy(self.month_combo)
        year_label = QLabel(_("&Year:"))
        year_label.setBuddy(self.year_spin)
        self.month_combo.currentIndexChanged.connect(lambda _index: self.refresh_results())
        self.year_spin.valueChanged.connect(lambda _value: self.refresh_results())
        zone_id = self.document.project.schedule.timezone
        zone_name = timezone_text(zone_id)
        zone = plain_label(_("Calendar month in the agreement's time zone ({zone}).").format(
            zone=f"{zone_name}, {zone_id}" if zone_name else zone_id))
        zone.setProperty("role", "hint")
        zone.setWordWrap(True)  # a long zone name in some languages
        row = QHBoxLayout()
        for widget in (month_label, self.month_combo, year_label, self.year_spin):
            row.addWidget(widget)
        row.addWidget(zone, 1)
        return row

    def _build_results_box(self) -> QGroupBox:
        box = QGroupBox(_("Results"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Service level"), _("Target"), _("Attained"),
                                              _("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(_("Service levels of the month"))
        self.table.setMinimumHeight(6 * self.table.fontMetrics().lineSpacing())
        table_label = QLabel(_("Service &levels:"))
        table_label.setBuddy(self.table)
        self.tickets_list = QListWidget()
        self.tickets_list.setAccessibleName(_("Tickets against their targets"))
        tickets_label = QLabel(_("&Tickets:"))
        tickets_label.setBuddy(self.tickets_list)
        self._tickets_widgets = (tickets_label, self.tickets_list)
        self.credit_label = plain_label()
        self.credit_label.setWordWrap(True)
        self.credit_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout = QVBoxLayout(box)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(tickets_label)
        layout.addWidget(self.tickets_list, 2)
        layout.addWidget(self.credit_label)
        return box

    def _build_report_row(self) -> QHBoxLayout:
        self.report_button = QPushButton(_("&Write report…"))
        self.report_button.clicked.connect(self.choose_and_write_report)
        self.pdf_box = QCheckBox(_("Also save as &PDF"))
        self.pdf_box.setToolTip(_("A PDF of the report beside the Word file, same name, made "
                                  "by LibreOffice."))
        self._soffice = find_libreoffice()
        self.pdf_box.setEnabled(self._soffice is not None)
        self.pdf_note = plain_label()
        self.pdf_note.setWordWrap(True)
        self.pdf_note.setProperty("role", "hint")
        self.pdf_note.setVisible(self._soffice is None)
        if self._soffice is None:
            self.pdf_note.setText(" ".join((
                _("Saving a PDF as well needs LibreOffice, which was not found."),
                install_hint())))
        self.keep_button = QPushButton(_("&Keep this month with the project"))
        self.keep_button.setToolTip(_(
            "Records each level's result and the credit in the project (saved with it), where "
            "the yearly credit cap and the review read them."))
        self.keep_button.clicked.connect(self.keep_month)
        self.kept_note = plain_label()
        self.kept_note.setProperty("role", "hint")
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addWidget(self.pdf_box)
        row.addWidget(self.pdf_note, 1)
        if self._soffice is not None:
            row.addStretch(1)
        row.addWidget(self.kept_note)
        row.addWidget(self.keep_button)
        return row

    # the month ---------------------------------------------------------------------
    @property
    def month(self) -> Month:
        return Month(self.year_spin.value(), int(self.month_combo.currentData()))

    def set_month(self, month: Month) -> None:
        self.year_spin.setValue(month.year)
        self.month_combo.setCurrentIndex(month.month - 1)

    # the files -----------------------------------------------------------------------
    def _folder(self) -> Path:
        return self.document.path.parent if self.document.path is not None else Path.home()

    def add_files(self, paths: list[Path]) -> None:
        """Read each of ``paths`` not in the list yet, in the background."""
        self.files.add_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def status_note(self, text: str) -> None:
        self.status.setText(text)

    # the results -------------------------------------------------------------------
    def refresh_results(self) -> None:
        """Measure the month again from the files read (and the project as it is now)."""
        self.month_result = None
        data, _refused = combine(self.files.read_files())
        project = self.document.project.model_copy(deep=True)
        try:
            self.month_result = measure_month(project, self.month, data, earlier_credits(
                project.history, self.month, project.currency))
        except ValueError as exc:  # the agreement's time zone or holiday region
            self._measure_problem = _("The month cannot be measured: {reason}").format(
                reason=exc)
            self.status.setText(self._measure_problem)
        else:
            if self._measure_problem and self.status.text() == self._measure_problem:
                self.status.clear()  # the agreement was put right
            self._measure_problem = ""
        self._show_results()

    def _show_results(self) -> None:
        result = self.month_result
        rows = level_rows(result) if result is not None else []
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate((row.level, row.target, row.attained, row.result)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3 and row.verdict in VERDICT_COLOURS:
                    item.setForeground(QBrush(VERDICT_COLOURS[row.verdict]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        has_data = bool(self.files.read_files())
        self.tickets_list.clear()
        self.tickets_list.addItems(ticket_lines(result) if result else [])
        for widget in self._tickets_widgets:
            widget.setVisible(self.tickets_list.count() > 0)
        self.credit_label.setText("\n".join(credit_lines(result)) if result and has_data
                                  else _("Add the month's files to see the credit due."))
        self.report_button.setEnabled(result is not None and has_data
                                      and self._report_job is None)
        self.keep_button.setEnabled(result is not None and has_data)
        kept = record_for(self.document.project.history, self.month) is not None
        self.kept_note.setText(_("{month} is kept with the project.").format(
            month=month_text(self.month)) if kept else "")

    # the history -------------------------------------------------------------------
    def keep_month(self) -> None:
        """Record the month's results in the project's history (in place of
        the month's earlier record, if any); saving the project keeps them."""
        result = self.month_result
        if result is None:
            return
        project = self.document.project
        replaced = record_for(project.history, result.month) is not None
        project.history = with_record(project, record_of(result)).history
        month = month_text(result.month)
        self.document.touch(_("Keep the results of {month}").format(month=month))
        self.status.setText((_(
            "The results of {month} replace those kept before; save the project to keep them "
            "in its file.") if replaced else _(
            "The results of {month} are kept with the project; save the project to keep them "
            "in its file.")).format(month=month))
        self._show_results()

    # the report ----------------------------------------------------------------------
    def default_report_target(self) -> Path:
        folder = self.document.path.parent if self.document.path is not None else Path.home()
        return folder / _("{name} - report {month}.docx").format(
            name=self.document.display_name, month=self.month)

    def choose_and_write_report(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Write the report as"), str(self.default_report_target()),
            _("Word documents (*.docx)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        self.write_report(target, pdf=self.pdf_box.isChecked())

    def write_report(self, target: Path, pdf: bool = False) -> None:
        """Write the month's report to ``target`` in the background."""
        if self.month_result is None:
            return
        soffice = self._soffice if pdf else None
        self._report_job = ReportJob(self.month_result, target, soffice, self._report_signals)
        self.report_button.setEnabled(False)
        self.status.setText(_("Writing the report…"))
        self._report_pool.start(self._report_job)

    def _report_done(self, report: str, pdf: str, error: str) -> None:
        self._report_job = None
        self.report_button.setEnabled(self.month_result is not None
                                      and bool(self.files.read_files()))
        self.last_report = Path(report) if report else None
        self.last_pdf = Path(pdf) if pdf else None
        messages = []
        if report:
            messages.append(_("Report written to {path}").format(path=report))
            self.report_written.emit(report)
        if pdf:
            messages.append(_("PDF written to {path}").format(path=pdf))
        if error:
            messages.append(error)
        self.status.setText("\n".join(messages))

    # closing -----------------------------------------------------------------------
    def wait_idle(self, msecs: int = 30000) -> bool:
        """Wait for the files being read and the report being written."""
        return self.files.wait(msecs) and self._report_pool.waitForDone(msecs)

    def done(self, result: int) -> None:
        self._refresh_timer.stop()
        self.files.cancel()
        if self._report_job is not None:
            self._report_job.cancel.set()
        self.wait_idle()
        super().done(result)


def open_measure_dialog(parent: QWidget, document: ProjectDocument) -> MeasureDialog:
    """The Measure window for ``document`` (the one ``parent`` showed before
    is brought forward rather than opened twice)."""
    for earlier in parent.findChildren(MeasureDialog):
        if earlier.isVisible() and earlier.document is document:
            earlier.raise_()
            earlier.activateWindow()
            return earlier
        if not earlier.isVisible():  # closed: its reading is over
            earlier.deleteLater()
    dialog = MeasureDialog(parent, document)
    dialog.show()
    return dialog
