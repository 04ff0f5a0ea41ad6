"""The live preview after one edit, in the real window, on the large project.

``python bench/preview_refresh.py PROJECT.slaproj RUNS`` opens the project
in the main window (offscreen), types one character into the agreement title
``RUNS`` times, and prints one JSON object:

- ``debounce_ms``: from the key press to the start of the render (the
  deliberate pause after typing);
- ``work_ms``: from the start of the render to the preview showing the edit;
- ``stall_ms``: the longest gap between two ticks of a 5 ms timer on the GUI
  thread, from the key press to the preview updated (input waits this long);
- ``idle_stall_ms``: the same gap measured while nothing happens (the floor);
- ``set_html_ms``: of that work, the part on the GUI thread (showing the HTML);
- ``open_ms`` / ``save_ms``: opening the project in the window (the pages
  filled in) and saving it with File → Save.

It runs in a process of its own, so that Qt starts offscreen and nothing the
other measurements imported is already loaded.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from wizard.core.checks import Step
from wizard.settings import Settings
from wizard.ui.main_window import MainWindow

TICK_MS = 5
TIMEOUT_MS = 30000


class StallMeter:
    """A timer ticking every few milliseconds on the GUI thread; the largest
    gap between two ticks is the longest time the event loop (and so the
    user's input) had to wait."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._last = 0
        self.longest = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.longest = max(self.longest, (now - self._last) / 1e6)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def wait_until(signal: SignalInstance, condition: Callable[[], bool],
               timeout_ms: int = TIMEOUT_MS) -> None:
    """Run the event loop until ``condition()`` is true, checking it each
    time ``signal`` fires (no polling: the GUI thread sleeps meanwhile)."""
    if condition():
        return
    loop = QEventLoop()

    def check() -> None:
        if condition():
            loop.quit()

    signal.connect(check)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    loop.exec()
    signal.disconnect(check)
    if not condition():
        raise TimeoutError("the preview did not update in time")


def spin(msecs: int) -> None:
    """Let the event loop run for ``msecs`` (nothing is measured)."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def measure(project_path: Path, runs: int) -> dict[str, list[float]]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = MainWindow(Settings())
    window.resize(1280, 800)
    window.show()
    preview = window.preview
    marks: dict[str, float] = {}
    preview.rendering.connect(lambda: marks.setdefault("rendering", time.perf_counter()))
    preview.refreshed.connect(lambda: marks.setdefault("refreshed", time.perf_counter()))

    started = time.perf_counter()
    if not window.open_path(project_path):
        raise RuntimeError(f"{project_path} could not be opened")
    open_ms = [(time.perf_counter() - started) * 1000]
    # the first render imports docxtpl & co. and compiles the template: not measured
    wait_until(preview.refreshed, lambda: "refreshed" in marks)
    preview.wait_idle()
    spin(300)

    # each step's page is built on its first visit: the wait a user has then
    first_visit_ms = []
    for index in range(len(window.pages)):
        if window.pages.built(index) is None:
            started = time.perf_counter()
            window.go_to(index)
            first_visit_ms.append((time.perf_counter() - started) * 1000)
            spin(20)

    page = window.page_for(Step.BASICS)
    window.go_to(window.pages.index(page))
    title = getattr(page, "title_edit", None) or page.findChild(QLineEdit)
    assert isinstance(title, QLineEdit)
    title.setFocus()
    spin(100)

    meter = StallMeter()
    results: dict[str, list[float]] = {
        "debounce_ms": [], "work_ms": [], "stall_ms": [], "idle_stall_ms": []}
    for run in range(runs):
        meter.start()
        spin(200)
        results["idle_stall_ms"].append(meter.stop())

        marks.clear()
        meter.start()
        edited = time.perf_counter()
        if run % 2 == 0:
            QTest.keyClick(title, Qt.Key.Key_Z)
        else:
            QTest.keyClick(title, Qt.Key.Key_Backspace)
        wait_until(preview.refreshed,
                   lambda: "refreshed" in marks and marks["refreshed"] > marks["rendering"])
        results["stall_ms"].append(meter.stop())
        results["debounce_ms"].append((marks["rendering"] - edited) * 1000)
        results["work_ms"].append((marks["refreshed"] - marks["rendering"]) * 1000)
        shown = preview.view.toPlainText()
        expected = window.document.project.agreement.title
        if expected not in shown:
            raise RuntimeError("the preview does not show the edit")
        preview.wait_idle()
        spin(150)  # the checks and the review page settle

    # the part of the work done on the GUI thread: showing the new HTML
    from wizard.core.contract_html import contract_html
    from wizard.core.render import render_contract
    from wizard.ui.preview import PREVIEW_CSS, preview_locale

    project = window.document.project
    html = (f"<html><head><style>{PREVIEW_CSS}</style></head><body>"
            f"{contract_html(render_contract(project, preview_locale(project)))}</body></html>")
    set_html_ms = []
    for _ in range(3):
        started = time.perf_counter()
        preview.view.setHtml(html)
        set_html_ms.append((time.perf_counter() - started) * 1000)
    results["set_html_ms"] = set_html_ms

    save_ms = []
    for _ in range(3):
        window.document.modified = True
        started = time.perf_counter()
        if not window.save():
            raise RuntimeError("the project could not be saved")
        save_ms.append((time.perf_counter() - started) * 1000)
    results["save_ms"] = save_ms
    for _ in range(2):
        window.document.modified = False
        started = time.perf_counter()
        window.open_path(project_path)
        open_ms.append((time.perf_counter() - started) * 1000)
    results["open_ms"] = open_ms
    results["first_visit_ms"] = first_visit_ms
    window.document.modified = False
    preview.stop()
    window.review_page.wait_idle()
    window.close()
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python bench/preview_refresh.py PROJECT.slaproj RUNS", file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(argv[0]), int(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
