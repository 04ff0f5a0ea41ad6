"""Holiday regions by name: ``US-OR`` → ``Oregon, United States``, ``DE-BY`` →
``Bayern, Deutschland``. A contract names the place, never the code.

The region's own name comes from the ``holidays`` library (in the language of
the place, as its public holidays are published); the country's from Babel,
in the contract's language."""

from __future__ import annotations

from functools import lru_cache

import holidays
from babel import Locale


@lru_cache(maxsize=64)
def _subdivision_names(country: str) -> dict[str, str]:
    """Subdivision code → its name, for ``country`` (empty when unknown)."""
    try:
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        return {}
    aliases: dict[str, str] = getattr(type(calendar), "subdivisions_aliases", {}) or {}
    names: dict[str, str] = {}
    for name, code in aliases.items():
        # the first alias of a code is its name; later ones are abbreviations
        if code not in names and len(name) > 3:
            names[code] = name
    return names


def holiday_region_name(region: str, locale: Locale) -> str:
    """``region`` (``US-OR``, ``DE``) as its name in ``locale``'s words;
    the text as typed when it is not a code the libraries know."""
    text = region.strip()
    country, _dash, subdivision = text.partition("-")
    country_name = locale.territories.get(country.upper())
    if country_name is None:
        return text
    if not subdivision:
        return str(country_name)
    name = _subdivision_names(country.upper()).get(subdivision.upper())
    if name is None:
        return text
    return f"{name}, {country_name}"
