"""Qt calls that return nothing leave Python's None as they found it (issue 14).

PySide6 6.12.0 on Python 3.11 lowered the reference count of None by one in
each such call, and the window aborted ("Fatal Python error: none_dealloc")
after some minutes of typing. From Python 3.12 on None is immortal and the
fault cannot happen.
"""

from __future__ import annotations

import ctypes
import sys

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLineEdit

from wizard.ui.self_check import (
    CALLS,
    NONE_IS_IMMORTAL,
    NoneRefcountCheck,
    check_none_refcount,
    measure_none_refcount,
)

pytestmark = pytest.mark.skipif(
    NONE_IS_IMMORTAL, reason="None is immortal from Python 3.12 on: its count never moves")

_take_reference = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_DecRef", ctypes.pythonapi))


def test_qt_setters_leave_the_reference_count_of_none_alone(qapp: QApplication) -> None:
    """With a faulty Qt binding the program aborts after some thousands of edits."""
    QThreadPool.globalInstance().waitForDone()  # no other thread frees objects meanwhile
    result = check_none_refcount(CALLS)
    assert result.calls == 10_000
    assert result.change >= 0, result.line()
    assert result.healthy
    assert result.line().startswith("self-check passed: ")


def test_the_check_finds_a_binding_that_frees_none(qapp: QApplication) -> None:
    """A binding that takes one reference from None in each call it makes (as
    PySide6 6.12.0 does) fails the check, and the process lives on to say so."""
    edit = QLineEdit()

    def faulty_set_text(text: str) -> None:
        edit.setText(text)
        _take_reference(None)

    before = sys.getrefcount(None)
    change = measure_none_refcount([(faulty_set_text, (f"text {i}",)) for i in range(CALLS)])
    result = NoneRefcountCheck(calls=CALLS, change=change, pyside="6.12.0", python="3.11.7")
    assert round(result.per_call) == -1
    assert not result.healthy
    assert result.line().startswith("self-check FAILED: ")
    assert "-1.0" in result.line()
    assert sys.getrefcount(None) >= before  # what was taken has been given back
