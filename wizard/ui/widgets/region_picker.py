"""The holiday region, picked from the regions whose public holidays the
program knows (countries and their states, provinces, cantons), found by
typing part of a name or a code; what is not one of them is said, not kept."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from wizard.core.holiday_regions import holiday_region_name, holiday_regions, region_code
from wizard.i18n import _, language


@cache
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def region_label(code: str, name: str) -> str:
    return f"{name} ({code})"


class RegionPicker(QWidget):
    """A code such as ``DE-BY`` typed or picked by name, with the region's
    name beside it."""

    chosen = Signal(str)
    """A region the program knows (its code), or "" for none."""
    unknown = Signal(str)
    """Text that is no region of the list was left in the field."""

    def __init__(self) -> None:
        super().__init__()
        self._locale = _locale(language())
        regions = holiday_regions(self._locale)
        self._by_label = {region_label(code, name): code for code, name in regions}
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("Type a name or a code, e.g. Bayern or US-OR"))
        self.edit.setMinimumWidth(220)
        self.edit.setMaximumWidth(320)
        self.completer = QCompleter(list(self._by_label), self.edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.name_label = QLabel()
        self.name_label.setProperty("role", "hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.name_label, 1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.completer.activated.connect(self._picked)

    def set_region(self, code: str) -> None:
        """Show ``code`` (as stored) and its name."""
        self.edit.setText(code)
        self._show_name(code)

    def _show_name(self, code: str) -> None:
        known = region_code(code) if code.strip() else None
        self.name_label.setText(holiday_region_name(known, self._locale) if known else "")

    def resolve(self, text: str) -> str | None:
        """The code ``text`` means: a code, a name from the list, or a part of
        exactly one name; "" for nothing; None when it is none of these."""
        text = text.strip()
        if not text:
            return ""
        code = region_code(text)
        if code is not None:
            return code
        if text in self._by_label:
            return self._by_label[text]
        key = text.casefold()
        matches = {code for label, code in self._by_label.items() if key in label.casefold()}
        return matches.pop() if len(matches) == 1 else None

    def _typed(self, text: str) -> None:
        """A code typed as one (``US-WA``) counts at once; a name, or a code
        in lower case, when the field is left or an entry picked."""
        if text.strip() != text.strip().upper():
            return
        code = region_code(text) if text.strip() else ""
        if code is not None:
            self._show_name(code)
            self.chosen.emit(code)

    def _finished(self) -> None:
        text = self.edit.text()
        code = self.resolve(text)
        if code is None:
            self.unknown.emit(text.strip())
            return
        if code != text:
            self.edit.setText(code)
        self._show_name(code)
        self.chosen.emit(code)

    def _picked(self, label: str) -> None:
        code = self._by_label.get(label)
        if code is not None:
            # after the completer has put the label into the field
            QTimer.singleShot(0, lambda: self._choose(code))

    def _choose(self, code: str) -> None:
        self.edit.setText(code)
        self._show_name(code)
        self.chosen.emit(code)
