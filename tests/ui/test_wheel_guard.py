"""Scrolling the form with the mouse wheel never changes a value: a combo or spin box
changes by the wheel only once the user has put the focus in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.model import PartyKind
from wizard.ui.main_window import MainWindow


@pytest.fixture
def us_copy(tmp_path: Path) -> Path:
    path = tmp_path / US_EXAMPLE.name
    shutil.copyfile(US_EXAMPLE, path)
    return path


def wheel_down(widget: QWidget) -> None:
    """One notch of the wheel, turned towards the user, over the middle of ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form(
        window: MainWindow, us_copy: Path, qtbot: QtBot) -> None:
    window.resize(1024, 600)  # the Parties form is taller than its part of the window
    window.open_path(us_copy)
    window.go_to(window.pages.index_of(Step.PARTIES))
    page = window.page_for(Step.PARTIES)
    combo = page.customer.kind_combo  # type: ignore[attr-defined]
    scroll = scroll_area_of(combo).verticalScrollBar()
    QApplication.processEvents()
    assert scroll.maximum() > 0 and scroll.value() == 0
    assert not combo.hasFocus()

    wheel_down(combo)

    assert window.document.project.parties.customer.kind is PartyKind.COMPANY
    assert combo.currentIndex() == 0
    assert scroll.value() > 0  # the form scrolled instead
    assert not window.document.modified

    combo.setFocus(Qt.FocusReason.MouseFocusReason)  # clicked: now the wheel is for it
    qtbot.waitUntil(combo.hasFocus)
    wheel_down(combo)
    assert window.document.project.parties.customer.kind is PartyKind.DEPARTMENT


def test_every_combo_and_spin_box_of_every_step_is_guarded(window: MainWindow) -> None:
    """A box added to a page later must not escape the guard: none takes the focus
    from the wheel, and each passes an unfocused wheel on."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    from wizard.ui.widgets.wheel_guard import WheelGuard

    for step in Step:
        page = window.page_for(step)
        boxes = [*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)]
        guard = page.findChild(WheelGuard)
        for box in boxes:
            assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus, (step, box.objectName())
        assert guard is not None or not boxes, step
