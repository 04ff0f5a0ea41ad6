"""Durations in CLDR units, shared by the contract and the interface's
explanations: which CLDR unit each part of a duration is, and its short form."""

from __future__ import annotations

from decimal import Decimal

from babel.units import format_unit

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
    """``5 hr``, ``1 h``, ``1 Std.``."""
    return format_unit(value, key, length="short", locale=locale)


def duration_units(seconds: Decimal, locale: str) -> list[str]:
    """A duration as at most two short units, largest first: ``["21 min", "55 sec"]``."""
    return [short_unit(plain(value), DURATION_KEYS[unit], locale)
            for unit, value in duration_parts(seconds)]
