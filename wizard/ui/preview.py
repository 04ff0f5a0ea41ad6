"""The live preview: the real contract, rendered off the GUI thread shortly
after the user stops typing, by the render worker (a separate process with
limits), which also turns it into the preview's rich text. A template that
overruns a limit is named in the note above the preview. Stopping the pane
(the window closing) ends the worker, and with it a render under way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.model import Project
from wizard.i18n import _
from wizard.ui.document import ProjectDocument
from wizard.ui.plain_text import plain_label

DEBOUNCE_MS = 350
PREVIEW_CSS = """
p.title { font-size: 15pt; font-weight: bold; margin-bottom: 4px; }
p.h1 { font-size: 12pt; font-weight: bold; margin-top: 14px; margin-bottom: 4px; }
p.h2 { font-size: 10.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 5px; }
table { margin-top: 2px; margin-bottom: 8px; }
th { font-weight: bold; }
"""
FALLBACK_LOCALE = "en_GB"


def preview_locale(project: Project) -> str:
    """The project's language when contracts can be written in it."""
    return project.language if project.language in SUPPORTED_LOCALES else FALLBACK_LOCALE


class _Signals(QObject):
    done = Signal(int, str, str)  # generation, html, error


class _Latest:
    """The generation of the newest render asked for, shared with the jobs so
    that a job overtaken by a newer edit before it started does no work."""

    def __init__(self) -> None:
        self.generation = 0


class _RenderJob(QRunnable):
    def __init__(self, generation: int, project: Project, project_path: Path | None,
                 signals: _Signals, latest: _Latest) -> None:
        super().__init__()
        self.generation = generation
        self.project = project
        self.project_path = project_path
        self.signals = signals
        self.latest = latest

    def run(self) -> None:
        if self.latest.generation != self.generation:
            return  # a newer edit is queued behind this one: its result would be dropped
        try:
            from wizard.core.render import preview_html

            html = preview_html(self.project, preview_locale(self.project),
                                project_path=self.project_path)
            self.signals.done.emit(self.generation, html, "")
        except Exception as exc:  # shown in the preview, never a crash
            self.signals.done.emit(self.generation, "", str(exc) or type(exc).__name__)


class PreviewPane(QWidget):
    """Shows the contract of ``document``, refreshed after each pause in editing."""

    refreshed = Signal()
    """The preview shows the project as it was when the last render started."""
    rendering = Signal()
    """A render of the project as it is now is starting (the pause is over)."""

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__()
        self.document = document
        self._latest = _Latest()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._show)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        # The first render (which starts the render worker) waits until the
        # pane has been painted, so that it never delays the window.
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)
        self._after_paint.timeout.connect(self.refresh_now)
        self._awaiting_paint = False

        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(_("Contract preview"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.view)
        document.changed.connect(self.schedule)

    def schedule(self) -> None:
        """Refresh once the user pauses."""
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        self._awaiting_paint = True
        self._timer.start()  # in case no paint comes, the usual pause

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # type: ignore[arg-type]
        if self._awaiting_paint:
            self._awaiting_paint = False
            self._timer.stop()
            self._after_paint.start()  # once this paint has reached the screen

    @Slot()
    def refresh_now(self) -> None:
        self._timer.stop()
        self._after_paint.stop()
        self.rendering.emit()
        self._latest.generation += 1
        snapshot = self.document.project.model_copy(deep=True)
        self._pool.start(_RenderJob(self._latest.generation, snapshot, self.document.path,
                                    self._signals, self._latest))

    def wait_idle(self, msecs: int = 10000) -> bool:
        """For tests and shutdown: wait for the render in progress."""
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """For shutdown: cancel the refresh scheduled, end the render worker
        (a render in progress fails at once) and wait for the render job."""
        from wizard.core.render_worker import stop_worker

        self._timer.stop()
        self._after_paint.stop()
        self._awaiting_paint = False
        self._latest.generation += 1  # whatever is still under way is not shown
        self._pool.clear()
        stop_worker()
        self.wait_idle(3000)

    @Slot(int, str, str)
    def _show(self, generation: int, html: str, error: str) -> None:
        if generation != self._latest.generation:
            return  # a newer edit is already being rendered
        project = self.document.project
        notes = []
        if project.language not in SUPPORTED_LOCALES:
            notes.append(_("Contracts in {language} are not available yet; the preview is in "
                           "English.").format(language=project.language))
        if error:
            notes.append(_("The preview could not be updated: {error}").format(error=error))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        if html:
            scroll = self.view.verticalScrollBar().value()
            self.view.setHtml(f"<html><head><style>{PREVIEW_CSS}</style></head>"
                              f"<body>{html}</body></html>")
            self.view.verticalScrollBar().setValue(scroll)
        self.refreshed.emit()
