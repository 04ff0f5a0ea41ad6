"""Starting the window: the QApplication, the exception hook, the project
given on the command line."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from wizard import __version__
from wizard.i18n import _
from wizard.settings import APP_NAME, load_settings

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
            _("Something went wrong: {error}\n\nYour project is still open; save it to be "
              "safe.").format(error=str(error) or kind.__name__))

    sys.excepthook = hook


def start_gui(project: Path | None = None) -> tuple[QApplication, MainWindow]:
    """The application and its window, shown, with ``project`` opened: all of
    start-up but the event loop (``--exit-when-shown`` times exactly this)."""
    from wizard.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("sla-wizard")
    _install_exception_hook(app)
    settings = load_settings()
    from wizard.ui.language import apply_language, system_language

    apply_language(settings.interface_language or system_language())
    window = MainWindow(settings)
    window.show()
    if project is not None:
        window.open_path(project)
    return app, window


def run_gui(project: Path | None = None) -> int:
    app, _window = start_gui(project)  # the window lives as long as the event loop
    return app.exec()
