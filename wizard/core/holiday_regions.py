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


def region_code(text: str) -> str | None:
    """``text`` as a region code the ``holidays`` library knows (``de-by``
    → ``DE-BY``, ``us`` → ``US``), or None."""
    country, dash, subdivision = text.strip().upper().partition("-")
    subdivisions = holidays.list_supported_countries().get(country)
    if subdivisions is None:
        return None
    if not dash:
        return country
    known = {code.upper(): code for code in subdivisions}
    match = known.get(subdivision)
    return f"{country}-{match}" if match is not None else None


@lru_cache(maxsize=8)
def holiday_regions(locale: Locale) -> tuple[tuple[str, str], ...]:
    """Every country and subdivision with public holidays the program can
    count, as ``(code, name)``: ``("DE-BY", "Bayern, Deutschland")``, the
    countries named in ``locale``'s words, sorted by name."""
    regions: list[tuple[str, str]] = []
    for country, subdivisions in holidays.list_supported_countries().items():
        if len(country) != 2:  # the library lists DEU beside DE
            continue
        country_name = str(locale.territories.get(country, country))
        regions.append((country, country_name))
        names = _subdivision_names(country)
        for subdivision in subdivisions:
            name = names.get(subdivision, subdivision)
            regions.append((f"{country}-{subdivision}", f"{name}, {country_name}"))
    return tuple(sorted(regions, key=lambda region: (region[1].casefold(), region[0])))
