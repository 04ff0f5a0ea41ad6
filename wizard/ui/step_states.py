"""How the step list shows each step: not visited, complete, with example
values left, with warnings, with errors (an icon drawn once per state, and
words for screen readers)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from wizard.core.steps import Step
from wizard.i18n import _

if TYPE_CHECKING:  # the first paint draws the step list without them
    from wizard.core.checks import Problem
    from wizard.core.model import Project


class StepState:
    NOT_VISITED = "not_visited"
    COMPLETE = "complete"
    EXAMPLES = "examples"
    """Visited, but a field still holds an example value (or a detail of a
    reused project's previous client, still to fill in)."""
    WARNINGS = "warnings"
    ERRORS = "errors"


_STATE_LOOK = {
    StepState.NOT_VISITED: ("#9aa3ad", ""),
    StepState.COMPLETE: ("#2e7d32", "✓"),
    StepState.EXAMPLES: ("#1565c0", "…"),
    StepState.WARNINGS: ("#b26a00", "!"),
    StepState.ERRORS: ("#c62828", "×"),
}


_icons: dict[str, QIcon] = {}
"""Each state's icon, drawn once."""


def state_icon(state: str) -> QIcon:
    icon = _icons.get(state)
    if icon is None:
        icon = _icons[state] = _draw_state_icon(state)
    return icon


def _draw_state_icon(state: str) -> QIcon:
    colour, glyph = _STATE_LOOK[state]
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour))
    if glyph:
        painter.setBrush(QColor(colour))
    painter.drawEllipse(3, 3, 26, 26)
    if glyph:
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def start_icon() -> QIcon:
    """A hollow square: the start step has no state, but lines up with the others."""
    icon = _icons.get(Step.START.value)
    if icon is None:
        icon = _icons[Step.START.value] = _draw_start_icon()
    return icon


def _draw_start_icon() -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#5f6b78"))
    painter.drawRoundedRect(5, 5, 22, 22, 4, 4)
    painter.drawLine(10, 16, 22, 16)
    painter.drawLine(16, 10, 16, 22)
    painter.end()
    return QIcon(pixmap)


def state_label(state: str) -> str:
    return {
        StepState.NOT_VISITED: _("not visited"),
        StepState.COMPLETE: _("complete"),
        StepState.EXAMPLES: _("example values left"),
        StepState.WARNINGS: _("has warnings"),
        StepState.ERRORS: _("has errors"),
    }[state]


def step_state(step: Step, visited: Collection[Step], problems: Sequence[Problem],
               project: Project) -> str:
    """The state of ``step``: its errors show even before it is visited; a
    visited step is complete only without warnings and without example
    values left in its fields."""
    from wizard.core.examples import steps_with_examples

    severities = {p.severity.value for p in problems if p.step is step}
    if "error" in severities:
        return StepState.ERRORS
    if step not in visited:
        return StepState.NOT_VISITED
    if "warning" in severities:
        return StepState.WARNINGS
    if step in steps_with_examples(project):
        return StepState.EXAMPLES
    return StepState.COMPLETE
