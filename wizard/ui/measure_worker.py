"""The Measure window's background work: reading measurement files (one at a
time, each telling its progress and stopping when cancelled) and writing the
monthly report (and its PDF), so that the window keeps answering while a
year of one-minute samples is read."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from wizard.core.attainment import MonthResult
from wizard.core.measurement_files import MeasurementFile, read_measurement_file
from wizard.core.measurements import MeasurementError, ReadCancelledError
from wizard.core.model import Project
from wizard.core.safe_read import FileReadError
from wizard.i18n import _


@dataclass(frozen=True)
class ReadFailure:
    """Why a file was not read, a sentence naming the file (and its line and
    field when the problem is a row)."""

    message: str


class ReadCancelled:
    """The reading of a file was cancelled."""


ReadOutcome = MeasurementFile | ReadFailure | ReadCancelled


class ImportSignals(QObject):
    progress = Signal(int, int, int)  # job, rows read, rows in all
    finished = Signal(int, object)  # job, ReadOutcome


class ImportJob(QRunnable):
    """Read one file for a project, in the pool's thread."""

    def __init__(self, job: int, path: Path, project: Project, signals: ImportSignals) -> None:
        super().__init__()
        self.job, self.path, self.project, self.signals = job, path, project, signals
        self.cancel = threading.Event()

    def run(self) -> None:
        outcome: ReadOutcome
        try:
            outcome = read_measurement_file(
                self.path, self.project, cancelled=self.cancel.is_set,
                progress=lambda done, total: self.signals.progress.emit(self.job, done, total))
        except ReadCancelledError:
            outcome = ReadCancelled()
        except (MeasurementError, ValueError) as exc:
            outcome = ReadFailure(str(exc))
        except FileReadError as exc:  # a folder, a device, a file too large
            outcome = ReadFailure(str(exc))
        except OSError as exc:  # a file gone, or not allowed
            outcome = ReadFailure(_("{file}: {reason}").format(
                file=self.path.name, reason=exc.strerror or str(exc)))
        except Exception as exc:  # told in the window; nothing else is touched
            outcome = ReadFailure(_("{file}: {reason}").format(
                file=self.path.name, reason=str(exc) or type(exc).__name__))
        self.signals.finished.emit(self.job, outcome)


class ImportQueue(QObject):
    """Files read one after the other (the machine's other core stays free
    for the window); :meth:`cancel` stops the one being read and those
    waiting."""

    progress = Signal(int, int, int)
    finished = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = ImportSignals()
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._finished)
        self._jobs: dict[int, ImportJob] = {}
        self._next = 0

    def read(self, path: Path, project: Project) -> int:
        """Queue ``path`` to be read for ``project``; the job's number."""
        self._next += 1
        job = ImportJob(self._next, path, project.model_copy(deep=True), self._signals)
        job.setAutoDelete(False)  # kept in _jobs until its outcome is in
        self._jobs[job.job] = job
        self._pool.start(job)
        return job.job

    def _finished(self, job: int, outcome: object) -> None:
        self._jobs.pop(job, None)
        self.finished.emit(job, outcome)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def cancel(self) -> None:
        for job in self._jobs.values():
            job.cancel.set()

    def cancel_job(self, number: int) -> None:
        job = self._jobs.get(number)
        if job is not None:
            job.cancel.set()

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


# the report ------------------------------------------------------------------------
class ReportSignals(QObject):
    finished = Signal(str, str, str)  # report path, PDF path, error


class ReportJob(QRunnable):
    """Write the monthly report as ``target`` and, with ``soffice``, a PDF beside it."""

    def __init__(self, result: MonthResult, target: Path, soffice: Path | None,
                 signals: ReportSignals) -> None:
        super().__init__()
        self.result, self.target, self.soffice, self.signals = result, target, soffice, signals
        self.cancel = threading.Event()

    def run(self) -> None:
        from wizard.core.report import write_report

        try:
            write_report(self.result, self.target)
        except Exception as exc:  # told in the window
            self.signals.finished.emit("", "", _("No report was written: {reason}").format(
                reason=str(exc) or type(exc).__name__))
            return
        if self.soffice is None:
            self.signals.finished.emit(str(self.target), "", "")
            return
        from wizard.core.pdf_export import convert_to_pdf

        try:
            pdf = convert_to_pdf(self.target, soffice=self.soffice, cancel=self.cancel)
        except Exception as exc:  # the Word report is kept
            self.signals.finished.emit(str(self.target), "", _(
                "The report was written, but not its PDF: {reason}").format(
                    reason=str(exc) or type(exc).__name__))
            return
        self.signals.finished.emit(str(self.target), str(pdf), "")
