"""Fields that understand what people type.

A time of day is read from ``9``, ``09``, ``9:00``, ``9.30``, ``9h30`` or
``0930`` (not only by typing into the hour part of ``HH:MM``); a date from
ISO or the interface language's short form (``1.1.2027``); an amount
from ``49``, ``49,00 €``, ``€49`` or ``49 Euro``; an e-mail address is
checked for its form. What cannot be used is said beside the field by the
page, which hears of it through :attr:`ClockEdit.rejected`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from babel.dates import format_date, get_date_format, parse_date
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QLineEdit, QTimeEdit, QWidget

from wizard.i18n import _, language

_CLOCK = re.compile(r"(\d{1,2})(?:\s*[:.h]\s*(\d{1,2}))?\s*(?:h|uhr|hrs?)?", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(\d{1,2})(\d{2})")


def parse_clock(text: str) -> QTime | None:
    """The time of day ``text`` names, or None. ``24``/``24:00`` is the end
    of the day, returned as 00:00 (an end field shows it as 24:00)."""
    cleaned = text.strip()
    match = _FOUR_DIGITS.fullmatch(cleaned) if len(cleaned) in (3, 4) else None
    if match is None:
        match = _CLOCK.fullmatch(cleaned)
    if match is None:
        return None
    hours = int(match.group(1))
    minutes = int(match.group(2) or 0)
    if (match.group(2) is not None and len(match.group(2)) == 1
            and match.re is _CLOCK):
        minutes *= 10  # 9.3 is half past nine
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return QTime(0 if hours == 24 else hours, minutes)


class ClockEdit(QTimeEdit):
    """A time of day as ``HH:MM`` that also takes ``9``, ``9:00`` or
    ``0900``; the arrow keys still step the hour or the minutes. The whole
    time is selected when the field is entered, so typing replaces it."""

    rejected = Signal(str)
    """Text that is not a time of day was left in the field (it shows the
    last good time again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.editingFinished.connect(self._finished)

    # what is typed ------------------------------------------------------------
    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if parse_clock(text) is not None or text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        if len(text) <= 8:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt's name
        time = parse_clock(text)
        if time is None:
            return self.dateTime()
        return QDateTime(self.date(), time)

    def textFromDateTime(self, value: QDateTime) -> str:  # noqa: N802 - Qt's name
        return value.time().toString("HH:mm")

    def fixup(self, text: str) -> str:
        time = parse_clock(text)
        return (time if time is not None else self.time()).toString("HH:mm")

    def _judge_typed(self) -> None:
        """Text left in the field that is no time: said, and the last good
        time shown again."""
        text = self.lineEdit().text()
        if parse_clock(text) is None and text != self.specialValueText():
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            # once the field is done with the key: showing the time again
            # counts as an edit, which would clear what is said about it
            QTimer.singleShot(0, lambda: self.rejected.emit(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._judge_typed()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._judge_typed()
        super().focusOutEvent(event)

    def _finished(self) -> None:
        # the time kept, written out (or 24:00 where the end of the day is meant)
        special = self.specialValueText()
        shown = special if special and self.time() == self.minimumTime() else \
            self.textFromDateTime(self.dateTime())
        self.lineEdit().setText(shown)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        QTimer.singleShot(0, self.lineEdit().selectAll)


def parse_day(text: str, locale: str) -> datetime.date | None:
    """The date ``text`` names: ISO (``2027-01-01``) or the short form of
    the interface language, with a two- or four-digit year or the dots and
    slashes mixed (``1.1.2027``, ``1/1/27``); None if it is no date."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return datetime.date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return parse_date(cleaned, locale)
    except (ValueError, IndexError, LookupError):
        return None


def example_day() -> str:
    """31 January 2027 in the interface language's short form, with the
    whole year (1/31/2027, 31.01.2027)."""
    pattern = re.sub("y+", "yyyy", get_date_format("short", locale=language()).pattern)
    return format_date(datetime.date(2027, 1, 31), pattern, locale=language())


class DayEdit(QDateEdit):
    """A date shown as 2027-01-01 that also takes the interface language's
    way of writing it (``1.1.2027`` in German, ``1/1/2027`` in English)."""

    rejected = Signal(str)
    """Text that is not a date was left in the field (it shows the last good
    date again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)

    def _day(self, text: str) -> datetime.date | None:
        return parse_day(text, language())

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if self._day(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if len(text) <= 12:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt's name
        day = self._day(text)
        if day is None:
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), self.time())

    def textFromDateTime(self, value: QDateTime) -> str:  # noqa: N802 - Qt's name
        return value.date().toString("yyyy-MM-dd")

    def fixup(self, text: str) -> str:
        day = self._day(text)
        return day.isoformat() if day is not None else self.textFromDateTime(self.dateTime())

    def _judge_typed(self) -> None:
        text = self.lineEdit().text()
        if self._day(text) is None:
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            QTimer.singleShot(0, lambda: self.rejected.emit(text))
        else:
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._judge_typed()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self._judge_typed()
        super().focusOutEvent(event)


_CURRENCY_WORDS = re.compile(
    r"(?i)\b(euros?|eur|usd|dollars?|us\$|gbp|pounds?|chf|franken|francs?|cad|aud|mxn|pesos?|"
    r"brl|reais|real|sek|nok|dkk|kr|kronor|kroner|pln|zł|zloty|czk|kč|jpy|yen)\b\.?")
_CURRENCY_SIGNS = re.compile(r"R\$|US\$|Fr\.|[€$£¥]")


def strip_currency(text: str) -> str:
    """``49 Euro``, ``€49``, ``49,00 €``, ``USD 1,200.50`` without the
    currency, for reading the number that is left."""
    without = _CURRENCY_WORDS.sub(" ", text)
    without = _CURRENCY_SIGNS.sub(" ", without)
    without = re.sub(r"(?<=\d)\s*[,.]-+$", "", without.strip())  # 49,- and 49.--
    return without.strip()


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


def is_email(text: str) -> bool:
    """Whether ``text`` has the form of an e-mail address (name@domain.tld)."""
    return bool(_EMAIL.fullmatch(text.strip()))


def say_when_no_email(edit: QLineEdit, say: Callable[[str], None]) -> Callable[[], None]:
    """When ``edit`` is left holding something that is no e-mail address,
    ``say`` so (beside the field); typing a good one, or nothing, clears it.
    Returns the check, for a page to run when it shows a project."""

    def judge() -> None:
        text = edit.text().strip()
        if text and not is_email(text):
            say(_("“{text}” is not an e-mail address: write it as name@example.com.").format(
                text=text))
        else:
            say("")

    def typing(text: str) -> None:
        if not text.strip() or is_email(text):
            say("")

    edit.editingFinished.connect(judge)
    edit.textEdited.connect(typing)
    return judge
