"""The few style rules the window adds to the system theme. Colours come from
the palette, so light and dark themes both stay readable.

Only the help frame has a style sheet: a style sheet on the whole window
would have Qt run every widget through its style-sheet style (slower to build
and paint, and a few megabytes more)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QWidget

from wizard.i18n import _

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


EXAMPLE_PROPERTY = "example"
"""The dynamic property set (True) on a field that shows an example value."""
_OWN_PLACEHOLDER = "own_placeholder"
_OWN_TOOLTIP = "own_tooltip"


def show_example(widget: QWidget, example: str | None) -> None:
    """Show ``example`` in ``widget`` as an example, in the placeholder's
    muted colour and in italics: a text field is left empty with the example
    as its placeholder, so that typing replaces it. ``None`` shows the
    widget's own text again, in its own style (and its own placeholder)."""
    marked = example is not None
    if not marked and not widget.property(EXAMPLE_PROPERTY):
        return  # never marked: nothing to undo
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        if widget.property(_OWN_PLACEHOLDER) is None:
            widget.setProperty(_OWN_PLACEHOLDER, widget.placeholderText())
        own = str(widget.property(_OWN_PLACEHOLDER) or "")
        widget.setPlaceholderText(example if example is not None else own)
    if widget.property(_OWN_TOOLTIP) is None:
        widget.setProperty(_OWN_TOOLTIP, widget.toolTip())
    widget.setToolTip(_("An example: type your own text over it.") if marked
                      else str(widget.property(_OWN_TOOLTIP) or ""))
    font = widget.font()
    font.setItalic(marked)
    widget.setFont(font)
    widget.setProperty(EXAMPLE_PROPERTY, marked)
