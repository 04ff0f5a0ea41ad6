"""``sla-wizard --exit-when-shown [PROJECT]``: start exactly as ``sla-wizard``
does, note when the main window is first painted (its frame, before the
project model is loaded), and exit as soon as it shows the project (loaded
right after that paint; a project that cannot be opened fails the run). The
benchmarks time both and the whole process; like ``--smoke-test`` it never
touches the user's settings or recent files."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from wizard.settings import CONFIG_ENV

GIVE_UP_MS = 60000
"""A window that is not painted within this time counts as a failed start."""


def _no_dialogs(failures: list[str]) -> None:
    """A message box would wait for ever for a click nobody makes: a warning
    or an error is recorded (the start failed) instead of shown."""

    def record(_parent: object, _title: str, text: str, *args: object,
               **kwargs: object) -> QMessageBox.StandardButton:
        failures.append(text)
        return QMessageBox.StandardButton.Ok

    QMessageBox.warning = record  # type: ignore[method-assign]
    QMessageBox.critical = record  # type: ignore[method-assign]


def run_until_shown(project_path: Path | None,
                    on_shown: Callable[[], None] | None = None,
                    on_painted: Callable[[], None] | None = None) -> int:
    """0 once the window has been shown with ``project_path`` open; 1 (with
    the reason on stderr) when start-up failed. It prints when the window was
    first painted and when the project was shown in it. ``on_painted`` runs
    just after the first paint, ``on_shown`` once the project is shown."""
    private = None
    if not os.environ.get(CONFIG_ENV):  # never the user's settings or recent files
        private = tempfile.mkdtemp(prefix="sla-wizard-probe-")
        os.environ[CONFIG_ENV] = private
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from wizard.ui.application import start_gui
        from wizard.ui.main_window import FirstPaint

        failures: list[str] = []
        _no_dialogs(failures)
        app, window = start_gui(project_path)
        painted_at: list[float] = []
        shown_at: list[float] = []

        def fail(kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
            # no dialog (nobody would close it): report and stop
            traceback.print_exception(kind, error, tb, file=sys.stderr)
            failures.append(str(error))
            app.quit()

        sys.excepthook = fail

        def painted() -> None:
            painted_at.append(time.time())
            if on_painted is not None:
                on_painted()

        def finish() -> None:
            shown_at.append(time.time())
            if on_shown is not None:
                on_shown()
            window.preview.stop()  # its first render waits for the first paint: not needed
            app.quit()

        FirstPaint(window, painted)
        window.loaded.connect(finish)
        QTimer.singleShot(GIVE_UP_MS, app.quit)
        app.exec()
        if failures:
            print(failures[0], file=sys.stderr)
            return 1
        if not shown_at or not painted_at:
            raise RuntimeError(f"the window was not shown within {GIVE_UP_MS // 1000} s")
        # Unix times: the benchmarks read them
        print(f"window shown at {painted_at[0]:.6f}")
        print(f"project shown at {shown_at[0]:.6f}")
        return 0
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if private is not None:
            os.environ.pop(CONFIG_ENV, None)
            shutil.rmtree(private, ignore_errors=True)
