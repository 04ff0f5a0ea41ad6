"""What the user typed, and what a file holds, shown as written: never as markup.

Qt guesses whether a label's, a tooltip's or a message box's text is rich
text (``Qt.mightBeRichText``: a tag such as ``<b>`` early on is enough), so a
project title ``<b>Gold</b>`` came out bold, ``<img src=…>`` a picture and
``<a href=…>`` a link. A label that shows such text is made with
:func:`plain_label`, which never guesses; where Qt offers no choice (the
static message boxes, tooltips), the text goes through :func:`literal`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt  # QtGui's Qt: QtCore's has no mightBeRichText
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as plain text, whatever it holds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def literal(text: str) -> str:
    """``text`` for a place where Qt guesses the format (a message box, a
    tooltip), so that it shows as written: unchanged when Qt would show it as
    plain text anyway, else escaped into rich text that reads the same."""
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
