"""Small editors used on every page."""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape
from typing import Any

from babel.numbers import get_decimal_symbol
from PySide6.QtGui import QPalette, QTextCursor, QValidator
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSpinBox, QWidget

from wizard.core.checks import Severity
from wizard.core.model import parse_decimal_text
from wizard.i18n import _, language
from wizard.ui.widgets.record_table import Column
from wizard.ui.widgets.typed_inputs import strip_currency


def decimal_text(value: Decimal) -> str:
    """A stored decimal as the interface language writes it, with the digits
    stored and no grouping: ``99.95`` in English, ``99,95`` in German."""
    return format(value, "f").replace(".", get_decimal_symbol(language()))


_SPACES = re.compile("[\\s\u00a0\u202f'’]")


def parse_decimal_input(text: str) -> Decimal:
    """A number as typed in any of the interface's languages: ``99.95`` and
    ``99,95`` alike; with both marks (``1,250.50``, ``1.250,50``) the last is
    the decimal one. A currency (``49 Euro``, ``€49``, ``49,00 €``) or a
    percent sign around the number is left aside. ``ValueError`` if it is
    not a number."""
    cleaned = _SPACES.sub("", strip_currency(text).rstrip("%"))
    if "," in cleaned and "." in cleaned:
        mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if mark == "," else ",", "")
    return parse_decimal_text(cleaned)


class DecimalColumn(Column):
    """A table column of decimals, shown and read in the interface's way."""

    def display(self, value: Any) -> str:
        if isinstance(value, Decimal):
            return decimal_text(value)
        return super().display(value)

    def parse(self, text: str) -> Any:
        if self.kind.startswith("optional") and text.strip() in ("", self.none_text):
            return None
        return parse_decimal_input(text)


def _dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def severity_colour(widget: QWidget, severity: Severity) -> str:
    """Red for errors, amber for warnings, readable on light and dark themes."""
    if severity is Severity.ERROR:
        return "#ff8a80" if _dark(widget) else "#b3261e"
    return "#ffcc80" if _dark(widget) else "#8a5300"


class FieldMessage(QLabel):
    """The messages about one field, shown right under it; hidden when there
    are none. Input mistakes (a number that is not one) come first, then what
    the checks found."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setVisible(False)
        self._input_error = ""
        self._messages: list[tuple[str, Severity]] = []

    def set_input_error(self, text: str) -> None:
        self._input_error = text
        self._refresh()

    def add_message(self, text: str, severity: Severity) -> None:
        self._messages.append((text, severity))
        self._refresh()

    def clear_message(self) -> None:
        self._messages = []
        self._refresh()

    def messages(self) -> list[str]:
        """The texts shown, for tests and screen readers."""
        shown = [self._input_error] if self._input_error else []
        return shown + [text for text, _severity in self._messages]

    def _refresh(self) -> None:
        lines = []
        if self._input_error:
            lines.append((self._input_error, Severity.ERROR))
        lines.extend(self._messages)
        if not lines:
            self.clear()
            self.setVisible(False)
            return
        html = "<br>".join(
            f'<span style="color:{severity_colour(self, severity)}">'
            f"{'✖' if severity is Severity.ERROR else '⚠'} {escape(text)}</span>"
            for text, severity in lines
        )
        self.setText(html)
        self.setAccessibleName(" ".join(text for text, _severity in lines))
        self.setVisible(True)


class LinesEdit(QPlainTextEdit):
    """A list of short texts, one per line (blank lines are ignored)."""

    def __init__(self, placeholder: str = "", rows: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder or _("One item per line"))
        height = self.fontMetrics().lineSpacing() * rows + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)

    def lines(self) -> list[str]:
        return [line for line in self.toPlainText().splitlines() if line.strip()]

    def set_lines(self, lines: list[str]) -> None:
        if self.lines() != lines:
            self.setPlainText("\n".join(lines))

    def select_line(self, index: int) -> None:
        """Put the cursor at the start of the ``index``-th item (counting the
        non-blank lines, as :meth:`lines` does)."""
        block = self.document().firstBlock()
        seen = -1
        while block.isValid():
            if block.text().strip():
                seen += 1
                if seen == index:
                    self.setTextCursor(QTextCursor(block))
                    self.ensureCursorVisible()
                    return
            block = block.next()


class TextBox(QPlainTextEdit):
    """Multi-line text that Tab leaves rather than fills."""

    def __init__(self, placeholder: str = "", rows: int = 4) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        height = self.fontMetrics().lineSpacing() * rows + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)


class OptionalSpinBox(QSpinBox):
    """A whole number that may also be "none", shown as ``none_text``: reached
    by emptying the field or typing the words, as well as by stepping down
    past the lowest number."""

    def __init__(self, none_text: str, minimum: int = 0, maximum: int = 100000,
                 suffix: str = "") -> None:
        super().__init__()
        self._none = minimum - 1
        self.setRange(self._none, maximum)
        self.setSpecialValueText(none_text)
        if suffix:
            self.setSuffix(suffix)
        self.setToolTip(_("Empty the field for “{none}”.").format(none=none_text))

    def _means_none(self, text: str) -> bool:
        cleaned = text.strip().casefold()
        return not cleaned or cleaned == self.specialValueText().casefold()

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if self._means_none(text):
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt's name
        if self._means_none(text):
            return self._none
        return super().valueFromText(text)

    def optional_value(self) -> int | None:
        value = self.value()
        return None if value == self._none else value

    def set_optional_value(self, value: int | None) -> None:
        self.setValue(self._none if value is None else value)
