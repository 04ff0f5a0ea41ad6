"""``sla-wizard --self-check``: whether this Qt binding keeps Python's None alive.

PySide6 6.12.0 on Python 3.11 lowers the reference count of None by one in
every Qt call that returns nothing (``setText``, ``setItem``, ``setToolTip``
…). The window makes such calls on every keystroke, so after some thousands
of them the process aborts with "Fatal Python error: none_dealloc". The check
makes many such calls and compares None's reference count before and after:
a healthy binding leaves it where it was. From Python 3.12 on None is
immortal, its count never moves and the fault cannot happen.
"""

from __future__ import annotations

import ctypes
import gc
import platform
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.ui.headless import offscreen_when_headless

CALLS = 10_000
"""Qt calls the check makes: a faulty binding loses this many references to
None, a healthy one none."""

NONE_IS_IMMORTAL = sys.version_info >= (3, 12)

Call = tuple[Callable[..., Any], tuple[Any, ...]]
"""A method and its arguments."""


@dataclass(frozen=True)
class NoneRefcountCheck:
    """What the check measured."""

    calls: int
    change: int
    """How sys.getrefcount(None) moved over all the calls."""
    pyside: str
    python: str
    immortal: bool = NONE_IS_IMMORTAL

    @property
    def per_call(self) -> float:
        return self.change / self.calls if self.calls else 0.0

    @property
    def healthy(self) -> bool:
        """None kept every reference it had. No tolerance is needed: the calls
        are prepared before counting and the garbage collector is off while
        they run, so nothing else frees a reference to None meanwhile. A
        healthy binding never lowers the count (Qt keeps a few references the
        first time it does something: +11 over the 10,000 calls with PySide6
        6.11.3); a faulty one lowers it by one a call."""
        return self.immortal or self.change >= 0

    def line(self) -> str:
        """One line for a build log: what was measured and the verdict."""
        verdict = "passed" if self.healthy else "FAILED"
        measured = (f"PySide6 {self.pyside}, Python {self.python}: reference count of None "
                    f"changed by {self.change:+d} over {self.calls} Qt calls that return "
                    f"nothing ({self.per_call:+.4f} per call)")
        if self.immortal:
            measured += "; None is immortal in this Python"
        elif not self.healthy:
            measured += "; this PySide6 frees None, a long session would abort"
        return f"self-check {verdict}: {measured}"


def qt_setter_calls(calls: int = CALLS) -> tuple[list[Call], list[object]]:
    """``calls`` calls of Qt setters that return nothing, the kinds the pages
    make on every edit, and the widgets they are made on (keep these alive
    while calling). Needs a QApplication."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QSpinBox,
        QTableWidget,
        QTableWidgetItem,
        QWidget,
    )

    edit = QLineEdit()
    label = QLabel()
    text_box = QPlainTextEdit()
    combo = QComboBox()
    combo.addItems(["one", "two", "three"])
    spin = QSpinBox()
    spin.setRange(0, 1000)
    table = QTableWidget(3, 3)
    widget = QWidget()
    thing = QObject()
    kinds: list[Callable[[int], Call]] = [
        lambda i: (edit.setText, (f"text {i % 7}",)),
        lambda i: (table.setItem, (i % 3, i % 2, QTableWidgetItem(f"cell {i % 5}"))),
        lambda i: (widget.setToolTip, (f"tip {i % 3}",)),
        lambda i: (table.setCurrentCell, (i % 3, i % 3)),
        lambda i: (thing.setObjectName, (f"name{i % 4}",)),
        lambda i: (table.setRowCount, (3 + i % 2,)),
        lambda i: (label.setText, (f"label {i % 6}",)),
        lambda i: (text_box.setPlainText, (f"line {i % 3}",)),
        lambda i: (combo.setCurrentIndex, (i % 3,)),
        lambda i: (spin.setValue, (i % 1000,)),
        lambda i: (edit.setEnabled, (bool(i % 2),)),
    ]
    made = [kinds[i % len(kinds)](i) for i in range(calls)]
    return made, [edit, label, text_box, combo, spin, table, widget, thing]


def _give_back(count: int) -> None:
    """Add ``count`` references to None that are never released: what a faulty
    binding took is returned, so that the process can report and exit instead
    of aborting when it next releases None."""
    incref = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_IncRef", ctypes.pythonapi))
    for _ in range(count):
        incref(None)


def measure_none_refcount(calls: Sequence[Call]) -> int:
    """How sys.getrefcount(None) moves over ``calls`` (made in order). The
    references a faulty binding takes are given back afterwards."""
    # None must not reach 0 during the check itself: a process holds only a few
    # thousand references to it, fewer than the calls a faulty binding frees
    ballast = [None] * (len(calls) + 1000)
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()  # a collection mid-way would free objects that refer to None
    try:
        before = sys.getrefcount(None)
        for method, arguments in calls:
            method(*arguments)
        after = sys.getrefcount(None)
    finally:
        if collecting:
            gc.enable()
    change = after - before
    if change < 0 and not NONE_IS_IMMORTAL:
        _give_back(-change)
    del ballast
    return change


def check_none_refcount(calls: int = CALLS) -> NoneRefcountCheck:
    """Make ``calls`` Qt setter calls (after one unmeasured round of each kind,
    so that what PySide6 prepares on a first call is not counted) and say how
    None's reference count moved. Needs a QApplication."""
    import PySide6

    warm_up, warm_widgets = qt_setter_calls(20)
    for method, arguments in warm_up:
        method(*arguments)
    made, widgets = qt_setter_calls(calls)
    change = measure_none_refcount(made)
    del warm_widgets, widgets
    return NoneRefcountCheck(calls=calls, change=change, pyside=PySide6.__version__,
                             python=platform.python_version())


def run_self_check() -> int:
    """Print what the check measured; 0 when None keeps its references, 1 when
    Qt calls take them away (or the check could not run)."""
    offscreen_when_headless()
    try:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        result = check_none_refcount()
        del app  # alive until the check is done
    except Exception:
        traceback.print_exc()
        return 1
    print(result.line(), flush=True)
    return 0 if result.healthy else 1
