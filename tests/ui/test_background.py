"""Background work: the outcome (or the error) comes back on the window's
thread, and not at all once the window that asked is gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wizard.ui.background import BackgroundWork


def test_the_result_comes_back_on_the_windows_thread(qtbot: QtBot) -> None:
    owner = QObject()
    work = BackgroundWork(owner)
    outcomes: list[tuple[object, BaseException | None, bool]] = []
    worker_threads: list[int] = []

    def compute() -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    work.start(compute, lambda result, error: outcomes.append(
        (result, error, QThread.currentThread() is owner.thread())))
    assert work.wait_idle()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=2000)
    assert outcomes == [(42, None, True)]
    assert worker_threads != [threading.get_ident()]


def test_an_error_is_handed_over_not_lost(qtbot: QtBot) -> None:
    owner = QObject()
    work = BackgroundWork(owner)
    outcomes: list[tuple[object, BaseException | None]] = []

    def fail() -> None:
        raise OSError("disk full")

    work.start(fail, lambda result, error: outcomes.append((result, error)))
    assert work.wait_idle()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=2000)
    result, error = outcomes[0]
    assert result is None
    assert isinstance(error, OSError) and str(error) == "disk full"


def test_an_outcome_after_the_owner_is_gone_is_dropped(qtbot: QtBot) -> None:
    """A page closed while its contract was being written would be called after its end."""
    owner = QObject()
    work = BackgroundWork(owner)
    outcomes: list[object] = []
    work.start(lambda: "written", lambda result, _error: outcomes.append(result))
    assert work.wait_idle()  # finished: its outcome waits in the event queue
    with qtbot.waitSignal(owner.destroyed, timeout=2000):
        owner.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)
    assert outcomes == []
