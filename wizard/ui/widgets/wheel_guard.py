"""The mouse wheel scrolls the form; it changes a combo or spin box only once the
user has put the focus in it.

A form taller than the window is read by scrolling, and Qt lets the wheel change
any combo or spin box the pointer passes over: a party became a "Department" and
a German contract Swiss while the user only scrolled. Each such box of a page
takes the focus only by a click or Tab (not by the wheel), and a wheel turned
over it while it has no focus goes to the form around it instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """The event filter of the guarded boxes of one page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) \
                or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:  # the form around the box scrolls instead
            QCoreApplication.sendEvent(area.viewport(), event)
        return True


def guard_wheel(page: QWidget) -> WheelGuard:
    """Guard every combo and spin box ``page`` holds now (a page builds its
    fields once; a table's cell editors have the focus while they exist)."""
    guard = page.findChild(WheelGuard) or WheelGuard(page)
    boxes: list[QWidget] = [*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)]
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.removeEventFilter(guard)  # once, however often a page is guarded
        box.installEventFilter(guard)
    return guard
