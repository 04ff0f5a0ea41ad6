"""A table column of durations kept in minutes but shown in hours and
minutes (``4 hr``, ``1 hr 30 min`` rather than 240 or 90) and typed in any
unit: ``90``, ``1:30``, ``1.5 h``, ``4 hours``, ``1 day``. An empty cell is
"no target" when the column allows none, said in words instead of a value
below zero."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.units import format_unit

from wizard.core.explain import minutes_text
from wizard.i18n import language
from wizard.ui.widgets.record_table import Column

MINUTES_IN = {"min": 1, "h": 60, "d": 24 * 60}

_UNIT_WORDS = {
    "min": ("m", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti",
            "minuut"),
    "h": ("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "heure", "heures",
          "hora", "horas", "ora", "ore", "uur", "u"),
    "d": ("d", "day", "days", "t", "tag", "tage", "j", "jour", "jours", "día", "días", "dia",
          "dias", "g", "giorno", "giorni", "dag", "dagen"),
}
_UNITS = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s.,:]*)\.?")


def unit_words() -> dict[str, str]:
    """The unit words understood: a list of common ones, and the interface
    language's own short units (``Std.``, ``hr``) as durations are shown."""
    words = dict(_UNITS)
    for unit, cldr in (("min", "duration-minute"), ("h", "duration-hour"),
                       ("d", "duration-day")):
        shown = format_unit(1, cldr, length="short", locale=language())
        word = re.sub(r"[\d\s]", "", shown).rstrip(".").casefold()
        if word:
            words[word] = unit
    return words


def parse_duration(text: str) -> int:
    """Minutes for ``90``, ``90 min``, ``1:30``, ``1.5 h``, ``4h``, ``1 day``,
    ``1 h 30 min``; a number alone is minutes. ``ValueError`` otherwise."""
    cleaned = text.strip().casefold()
    clock = re.fullmatch(r"(\d+):(\d{2})", cleaned)
    if clock:
        return int(clock.group(1)) * 60 + int(clock.group(2))
    words = unit_words()
    total = Decimal(0)
    position = 0
    for match in _PART.finditer(cleaned):
        if cleaned[position:match.start()].strip():
            raise ValueError(text)
        try:
            number = Decimal(match.group(1).replace(",", "."))
        except InvalidOperation as exc:
            raise ValueError(text) from exc
        unit = words.get(match.group(2) or "min")
        if unit is None:
            raise ValueError(text)
        total += number * MINUTES_IN[unit]
        position = match.end()
    if position == 0 or cleaned[position:].strip():
        raise ValueError(text)
    if total != total.to_integral_value():
        raise ValueError(text)
    return int(total)


@dataclass
class DurationColumn(Column):
    """Minutes, shown and typed as a duration; with ``optional`` an empty
    cell (or ``none_text``) is no value."""

    optional: bool = False

    def display(self, value: Any) -> str:
        if value is None:
            return self.none_text if self.optional else ""
        return minutes_text(int(value))

    def parse(self, text: str) -> Any:
        cleaned = text.strip()
        if self.optional and cleaned.casefold() in ("", self.none_text.casefold()):
            return None
        minutes = parse_duration(cleaned)
        if not self.minimum <= minutes <= self.maximum:
            raise ValueError(text)
        return minutes
