"""Durations in CLDR units, shared by the contract and the interface's
explanations: which CLDR unit each part of a duration is, and its short form."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from babel.units import format_unit, get_unit_name

from wizard.core.compute import DurationUnit, duration_parts

DURATION_KEYS = {
    DurationUnit.DAY: "duration-day",
    DurationUnit.HOUR: "duration-hour",
    DurationUnit.MINUTE: "duration-minute",
    DurationUnit.SECOND: "duration-second",
}
"""The CLDR unit of each part of a duration."""


def plain(value: Decimal) -> Decimal | int:
    """``Decimal("5.0")`` → ``5``, so that units read ``5 hr``, not ``5.0 hr``."""
    return int(value) if value == value.to_integral_value() else value


def short_unit(value: Decimal | int, key: str, locale: str) -> str:
    """``5 hr``, ``1 h``. Where CLDR has no short pattern for the value's plural
    category (Spanish and Portuguese hours have only "other"), Babel ≤ 2.18
    writes the long name instead ("1 horas"): the "other" pattern is used then."""
    text = format_unit(value, key, length="short", locale=locale)
    number = format_decimal(value, locale=locale, decimal_quantization=False)
    if text == f"{number} {get_unit_name(key, length='short', locale=locale)}":
        two = format_decimal(2, locale=locale)
        text = format_unit(2, key, length="short", locale=locale).replace(two, number, 1)
    return text


def duration_units(seconds: Decimal, locale: str) -> list[str]:
    """A duration as at most two short units, largest first: ``["21 min", "55 sec"]``."""
    return [short_unit(plain(value), DURATION_KEYS[unit], locale)
            for unit, value in duration_parts(seconds)]
