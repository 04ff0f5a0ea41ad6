"""The few style rules the window adds to the system theme. Colours come from
the palette, so light and dark themes both stay readable.

Only the help frame has a style sheet: a style sheet on the whole window
would have Qt run every widget through its style-sheet style (slower to build
and paint, and a few megabytes more)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QWidget

HELP_STYLE_SHEET = """
QFrame#help {
    background: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 6px;
}
"""


def style_help_frame(frame: QFrame) -> None:
    """A soft panel behind the help text of each step."""
    frame.setObjectName("help")
    frame.setStyleSheet(HELP_STYLE_SHEET)


def style_hints(widget: QWidget) -> None:
    """Labels marked ``role="hint"`` inside ``widget`` in the theme's muted
    text colour (the colour of placeholder text)."""
    for label in widget.findChildren(QLabel):
        if label.property("role") == "hint":
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
