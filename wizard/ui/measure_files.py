"""The Measure window's files: the list of the month's files, each read in
the background (its kind told by its header) with the progress of the one
being read, Add files…, Remove and Cancel reading. A file that cannot be read
stays in the list, in words and in red, with the message that names its line
and field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.measurement_files import MeasurementFile, combine
from wizard.core.model import Project
from wizard.i18n import _
from wizard.ui.measure_texts import file_line
from wizard.ui.measure_worker import ImportQueue, ReadCancelled, ReadFailure

PROBLEM_COLOUR = QColor("#b3261e")
"""A file not read, or a level missed: beside the words, never instead of them."""


@dataclass
class FileEntry:
    """A file in the list: being read, read, refused or cancelled."""

    path: Path
    job: int
    read: MeasurementFile | None = None
    problem: str = ""
    """Why the file is not used (a sentence naming the file)."""
    cancelled: bool = False
    progress: tuple[int, int] = (0, 0)

    @property
    def reading(self) -> bool:
        return self.read is None and not self.problem and not self.cancelled


class FilesBox(QGroupBox):
    """The month's files, read for the project ``project()`` returns."""

    files_changed = Signal()
    """A file was read, refused, cancelled or taken out of the list."""
    note = Signal(str)
    """A sentence for the window's status line."""

    def __init__(self, project: Callable[[], Project], folder: Callable[[], Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(_("&Files"), parent)  # its access key takes the focus to the list
        self._project, self._folder = project, folder
        self.entries: list[FileEntry] = []
        self.queue = ImportQueue(self)
        self.queue.progress.connect(self._progress)
        self.queue.finished.connect(self._read_done)

        hint = QLabel(_(
            "Drop the month's files here, or add them: outages or monitor samples "
            "(UptimeRobot's log export too), tickets (Zendesk's export too) and the values of "
            "other levels. Each file's kind is told by its header row."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.file_list = QListWidget()
        self.file_list.setWordWrap(True)
        self.file_list.setAccessibleName(_("Files read for the month"))
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        line = self.file_list.fontMetrics().lineSpacing()
        self.file_list.setMinimumHeight(3 * line)
        self.file_list.setMaximumHeight(7 * line)
        self.add_button = QPushButton(_("&Add files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(_("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_progress = QProgressBar()
        self.import_progress.setAccessibleName(_("Reading the files"))
        self.cancel_button = QPushButton(_("Ca&ncel reading"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.file_list, 1)
        layout.addLayout(buttons)
        self._show_reading(False)

    # what was read -------------------------------------------------------------------
    def read_files(self) -> list[MeasurementFile]:
        """The files read, in the order of the list."""
        return [entry.read for entry in self.entries if entry.read is not None]

    @property
    def reading(self) -> bool:
        return any(entry.reading for entry in self.entries)

    # adding and removing -------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Add measurement files"), str(self._folder()),
            _("CSV files (*.csv *.txt);;All files (*)"))
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Read each of ``paths`` not in the list yet, in the background."""
        known = {entry.path.resolve() for entry in self.entries}
        for path in paths:
            if path.resolve() in known:
                self.note.emit(_("{file} is in the list already.").format(file=path.name))
                continue
            known.add(path.resolve())
            job = self.queue.read(path, self._project())
            self.entries.append(FileEntry(path, job))
        self._show()

    def remove_selected(self) -> None:
        rows = sorted({self.file_list.row(item) for item in self.file_list.selectedItems()},
                      reverse=True)
        for row in rows:
            entry = self.entries.pop(row)
            if entry.reading:
                self.queue.cancel_job(entry.job)
        self._show()
        self.files_changed.emit()

    def cancel(self) -> None:
        """Stop reading: the file being read and those waiting stay in the
        list, marked as not read."""
        self.queue.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.queue.wait(msecs)

    # the reading -------------------------------------------------------------------
    def _entry(self, job: int) -> FileEntry | None:
        return next((entry for entry in self.entries if entry.job == job), None)

    def _progress(self, job: int, done: int, total: int) -> None:
        entry = self._entry(job)
        if entry is not None:
            entry.progress = (done, total)
            self._show()

    def _read_done(self, job: int, outcome: object) -> None:
        entry = self._entry(job)
        if entry is None:  # taken out of the list meanwhile
            return
        if isinstance(outcome, MeasurementFile):
            entry.read = outcome
        elif isinstance(outcome, ReadFailure):
            entry.problem = outcome.message
        elif isinstance(outcome, ReadCancelled):
            entry.cancelled = True
        self._show()
        self.files_changed.emit()

    # the list ------------------------------------------------------------------------
    def _show(self) -> None:
        _data, refused = combine(self.read_files())
        used = [entry for entry in self.entries if entry.read is not None]
        refused_by_entry = {id(used[index]): str(error) for index, error in refused.items()}
        selected = {self.file_list.row(item) for item in self.file_list.selectedItems()}
        self.file_list.clear()
        for row, entry in enumerate(self.entries):
            item = QListWidgetItem(entry_text(entry, refused_by_entry.get(id(entry), "")))
            if entry.problem or id(entry) in refused_by_entry:
                item.setForeground(QBrush(PROBLEM_COLOUR))
            self.file_list.addItem(item)
            item.setSelected(row in selected)
        reading = [entry for entry in self.entries if entry.reading]
        self._show_reading(bool(reading))
        if reading:
            done, total = reading[0].progress
            self.import_progress.setRange(0, max(total, 1))
            self.import_progress.setValue(min(done, max(total, 1)))

    def _show_reading(self, busy: bool) -> None:
        self.import_progress.setVisible(busy)
        self.cancel_button.setVisible(busy)


def entry_text(entry: FileEntry, refused: str = "") -> str:
    """A file's line in the list: what it gave, why it is not used, or how
    far it has been read."""
    if entry.read is not None and refused:
        return _("Not used: {reason}").format(reason=refused)
    if entry.read is not None:
        return file_line(entry.read)
    if entry.problem:
        return _("Not read: {reason}").format(reason=entry.problem)
    if entry.cancelled:
        return _("{file} — not read: the reading was cancelled").format(file=entry.path.name)
    done, total = entry.progress
    if total:
        return _("{file} — reading: {percent}%").format(
            file=entry.path.name, percent=done * 100 // total)
    return _("{file} — waiting to be read").format(file=entry.path.name)
