"""``sla-wizard --smoke-test [PROJECT]``: the whole window, every step, the
preview, then exit. Packaging and benchmarks run it to prove a build works."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

from wizard.core.project_file import load_project
from wizard.settings import CONFIG_ENV
from wizard.ui.headless import offscreen_when_headless


def run_smoke_test(project_path: Path | None) -> int:
    """0 when the window opened, every step showed and the preview rendered;
    1 (with the reason on stderr) otherwise."""
    # the smoke test must not touch the user's settings or recent files
    os.environ.setdefault(CONFIG_ENV, tempfile.mkdtemp(prefix="sla-wizard-smoke-"))
    offscreen_when_headless()
    try:
        from PySide6.QtWidgets import QApplication

        from wizard.settings import Settings
        from wizard.ui.document import ProjectDocument
        from wizard.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication(sys.argv[:1])
        document = ProjectDocument()
        if project_path is not None:
            document = ProjectDocument(load_project(project_path), project_path)
        window = MainWindow(Settings(), document)
        window.show()
        errors: list[str] = []
        window.preview.refreshed.connect(
            lambda: errors.append(window.preview.note.text())
            if "could not be updated" in window.preview.note.text() else None)
        for index in range(len(window.pages)):
            window.go_to(index)
            app.processEvents()
        window.preview.refresh_now()
        if not window.preview.wait_idle(60000):
            raise RuntimeError("the preview did not finish rendering")
        app.processEvents()
        if errors:
            raise RuntimeError(errors[-1])
        if not window.preview.view.toPlainText().strip():
            raise RuntimeError("the preview is empty")
        window.document.modified = False
        window.close()
        print(f"smoke test passed: {len(window.pages)} steps, preview rendered")
        return 0
    except Exception:
        traceback.print_exc()
        return 1
