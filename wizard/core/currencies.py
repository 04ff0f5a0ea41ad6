"""The currency a contract for a country is usually priced in."""

from __future__ import annotations

from babel.core import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies


def usual_currency(locale: str) -> str | None:
    """The legal tender of the country of ``locale`` (``de_DE`` → EUR,
    ``es_MX`` → MXN); None for a locale without a country."""
    try:
        territory = Locale.parse(locale).territory
    except (ValueError, UnknownLocaleError):
        return None
    if not territory:
        return None
    current = get_territory_currencies(territory, tender=True)
    return current[0] if current else None


def currency_after_language_change(currency: str, old_locale: str,
                                   new_locale: str) -> str | None:
    """The currency to switch to when the contract's locale changes from
    ``old_locale`` to ``new_locale``: the new country's, when the contract
    was priced in the old country's usual currency (so it was most likely the
    default, not a choice); None to keep ``currency``."""
    old, new = usual_currency(old_locale), usual_currency(new_locale)
    if new is None or currency != old or new == currency:
        return None
    return new
