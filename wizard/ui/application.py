"""Starting the window: the QApplication, the exception hook, the project
given on the command line or handed over by the macOS Finder."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from wizard import __version__
from wizard.i18n import _
from wizard.settings import APP_NAME, load_settings
from wizard.ui.plain_text import literal

if TYPE_CHECKING:
    from wizard.ui.main_window import MainWindow


def _install_exception_hook(app: QApplication) -> None:
    """An unexpected error is reported in a dialog; the window (and the
    user's unsaved work) stays."""

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        parent = app.activeWindow()
        QMessageBox.critical(
            parent, APP_NAME,
            literal(_("Something went wrong: {error}\n\nYour project is still open; save it "
                      "to be safe.").format(error=str(error) or kind.__name__)))

    sys.excepthook = hook


class WizardApplication(QApplication):
    """The application. It also opens the projects macOS hands to the running
    program as file-open events (a project double-clicked in the Finder, or
    dropped on the Dock icon); a project that arrives before the window exists
    opens once it does. Only events sent to the application object itself
    pass through Python here, never every widget's."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self._window: MainWindow | None = None
        self._waiting: list[Path] = []

    def attach(self, window: MainWindow) -> None:
        """Open the projects that arrived before ``window``, and those to come, in it."""
        self._window = window
        for path in self._waiting:
            self._open(path)
        self._waiting.clear()

    def detach(self) -> None:
        """The window is gone: projects handed over from now on wait for the next."""
        self._window = None

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return super().event(event)
        name = event.file() or event.url().toLocalFile()
        if name:
            path = Path(name)
            if self._window is None:
                self._waiting.append(path)
            else:
                self._open(path)
        return True

    def _open(self, path: Path) -> None:
        """Open ``path`` from the event loop, not inside the event's delivery
        (opening may ask about unsaved changes first)."""
        window = self._window
        assert window is not None
        window.raise_()
        window.activateWindow()
        QTimer.singleShot(0, window, lambda: window.open_path(path))


def start_gui(project: Path | None = None) -> tuple[QApplication, MainWindow]:
    """The application and its window, shown: all of start-up but the event
    loop. The window is painted before the project model is loaded; right
    after that first paint the window loads it and opens ``project``
    (``--exit-when-shown`` times both)."""
    from wizard.ui.main_window import MainWindow

    app = QApplication.instance() or WizardApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("example.slawizard.SLAWizard")  # installer/linux/*.desktop
    _install_exception_hook(app)
    settings = load_settings()
    from wizard.ui.language import apply_language, system_language

    apply_language(settings.interface_language or system_language())
    window = MainWindow(settings, loaded=False, opening=project)

    def attach() -> None:
        if isinstance(app, WizardApplication):  # macOS hands projects over as events
            app.attach(window)

    window.load_after_first_paint(project, attach)
    window.show()
    return app, window


def run_gui(project: Path | None = None) -> int:
    app, _window = start_gui(project)  # the window lives as long as the event loop
    return app.exec()
