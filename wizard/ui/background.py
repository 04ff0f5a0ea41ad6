"""Work that would hold up the window (writing a contract, converting it to
PDF, a redline) run on a thread of its own, its outcome handed back on the
window's thread: one way for every such job instead of a runnable and a
signals class each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any, BaseException | None], None]
"""Called on the window's thread with the work's result, or None and the
exception it raised."""


class _Relay(QObject):
    """Carries outcomes from the threads to the window's thread. It has no
    parent: a job finishing after its window is gone still has it to emit
    on, and nobody listens any more."""

    finished = Signal(int, object, object)  # job number, result, exception


class _Job(QRunnable):
    def __init__(self, number: int, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._number = number
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the window, which says what went wrong
            self._relay.finished.emit(self._number, None, exc)
            return
        self._relay.finished.emit(self._number, result, None)


class BackgroundWork(QObject):
    """Runs functions on a pool of threads owned by ``parent``; an outcome
    arriving after ``parent`` is gone is dropped."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._pending: dict[int, Done] = {}
        self._numbers = 0

    def start(self, work: Callable[[], object], done: Done) -> None:
        """Run ``work`` on another thread, then ``done`` on this one."""
        self._numbers += 1
        self._pending[self._numbers] = done
        self._pool.start(_Job(self._numbers, work, self._relay))

    def _deliver(self, number: int, result: object, error: object) -> None:
        done = self._pending.pop(number, None)
        if done is not None:
            done(result, error if isinstance(error, BaseException) else None)

    def wait_idle(self, msecs: int = 20000) -> bool:
        """Wait until every job has finished (their outcomes are delivered
        when the event loop next runs); False if ``msecs`` passed first."""
        return self._pool.waitForDone(msecs)
