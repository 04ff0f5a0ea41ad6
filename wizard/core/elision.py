"""The last touches to clause text: a quantity of one written with its
article, and a number kept on the line of its unit.

Babel writes a duration with its digits (``1 mois``, ``1 mes``), and a
clause puts a preposition before it: "pour une durée initiale de
%(term)s", "una vigencia inicial de %(term)s". With one, French writes the
article and elides the preposition: "d’un mois", "d’une heure", never "de 1
mois"; Spanish and Portuguese write "de un mes", "de um mês", Italian "di un
mese". No catalog entry can do this (the number comes from the project, the
preposition from the clause, and the same value is used after "de", "d’au
moins" or alone in a table), so the finished text is corrected: the
preposition followed by one of Babel's duration units of quantity one
becomes the preposition, the article and the unit. Any other quantity, and a
one after any other word ("au moins 1 heure", "entro 1 mese"), keeps its
digits. Spanish, Italian and Portuguese do so for a year, a month, a week
and a day only.

Babel also writes most units with a plain space ("60 días", "72 horas"),
where a line may end and leave the number alone: :func:`bind_units` makes
the space between a number and one of the locale's duration units a no-break
space, as the contract's own duration writer does.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from babel.numbers import format_decimal
from babel.units import format_unit

FRENCH_ARTICLES = {
    "an": "un",
    "mois": "un",
    "jour": "un",
    "semaine": "une",
    "heure": "une",
    "minute": "une",
    "seconde": "une",
}
"""The indefinite article of each duration unit Babel writes in French."""

ARTICLES: dict[str, tuple[str, dict[str, str]]] = {
    "es": ("de", {"año": "un", "mes": "un", "semana": "una", "día": "un"}),
    "it": ("di", {"anno": "un", "mese": "un", "settimana": "una", "giorno": "un"}),
    "pt": ("de", {"ano": "um", "mês": "um", "semana": "uma", "dia": "um"}),
}
"""For languages that keep the preposition whole: the preposition, and the
indefinite article of each duration unit (of one) that takes the article
after it."""

_SPACE = "[\u00a0\u202f ]"
_DE_ONE = re.compile(r"\b([Dd])e 1" + _SPACE + "(" + "|".join(FRENCH_ARTICLES) + r")\b")
_PREPOSITION_ONE = {
    language: re.compile(rf"\b([{preposition[0].upper()}{preposition[0]}]{preposition[1:]}) 1"
                         + _SPACE + "(" + "|".join(units) + r")\b")
    for language, (preposition, units) in ARTICLES.items()
}

DURATION_UNITS = ("duration-year", "duration-month", "duration-week", "duration-day",
                  "duration-hour", "duration-minute", "duration-second")
_COUNTS = (0, 1, 2, 3, 5, 11, 21, 100, Decimal("1.5"))
"""Enough numbers to meet every plural form of the contract languages."""


def elide(text: str, language: str) -> str:
    """``text`` with "de 1 mois" written "d’un mois" when ``language`` is
    French, "de 1 mes" written "de un mes" in Spanish (and so on in Italian
    and Portuguese)."""
    if "1" not in text:
        return text
    if language == "fr":
        return _DE_ONE.sub(lambda m: f"{m[1]}’{FRENCH_ARTICLES[m[2]]} {m[2]}", text)
    pattern = _PREPOSITION_ONE.get(language)
    if pattern is None:
        return text
    articles = ARTICLES[language][1]
    return pattern.sub(lambda m: f"{m[1]} {articles[m[2]]} {m[2]}", text)


DATIVE_PLURALS = {"de": frozenset({"Tagen", "Monaten", "Jahren"})}
"""Plural forms a German clause writes after "von" or "nach" that Babel does
not ("innerhalb von 30 Tagen"): bound to their number too."""


@cache
def unit_words(locale: str) -> frozenset[str]:
    """The words Babel writes after a number for a duration in ``locale``
    (long form, every plural form): ``día``, ``días``, ``mes``, ``meses``…"""
    words: set[str] = set()
    for key in DURATION_UNITS:
        for count in _COUNTS:
            number = format_decimal(count, locale=locale)
            text = format_unit(count, key, length="long", locale=locale)
            rest = text.removeprefix(number)
            if rest != text and rest[:1] in (" ", "\u00a0", "\u202f") and rest[1:].strip():
                words.add(rest[1:])
    return frozenset(words | DATIVE_PLURALS.get(locale.split("_")[0], frozenset()))


@cache
def _number_space_unit(locale: str) -> re.Pattern[str]:
    words = sorted(unit_words(locale), key=len, reverse=True)
    return re.compile(r"(?<=\d) (?=(?:" + "|".join(map(re.escape, words)) + r")\b)")


def bind_units(text: str, locale: str) -> str:
    """``text`` with a no-break space between a number and a duration unit of
    ``locale`` ("60\u00a0días") where it has a plain one."""
    if " " not in text or not any(char.isdigit() for char in text):
        return text
    return _number_space_unit(locale).sub("\u00a0", text)


def finish(text: str, locale: str) -> str:
    """Clause text as the contract prints it: :func:`elide`, then :func:`bind_units`."""
    return bind_units(elide(text, locale.split("_")[0]), locale)
