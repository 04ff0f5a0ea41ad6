"""French elision before a quantity of one, for clause text.

Babel writes a duration with its digits (``1 mois``, ``1 heure``), and a
French clause puts a preposition before it: "pour une durée initiale de
%(term)s". With one, French writes the article and elides the preposition:
"d’un mois", "d’une heure", never "de 1 mois". No catalog entry can do this
(the number comes from the project, the preposition from the clause, and the
same value is used after "de", "d’au moins" or alone in a table), so the
finished text is corrected: "de" (or "De") followed by one of Babel's duration
units of quantity one becomes "d’un"/"d’une" and the unit. Any other
quantity, and a one not after "de" ("au moins 1 heure"), keeps its digits.
"""

from __future__ import annotations

import re

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

_DE_ONE = re.compile(r"\b([Dd])e 1[\u00a0\u202f ](" + "|".join(FRENCH_ARTICLES) + r")\b")


def elide(text: str, language: str) -> str:
    """``text`` with "de 1 mois" written "d’un mois" when ``language`` is French."""
    if language != "fr" or "1" not in text:
        return text
    return _DE_ONE.sub(lambda m: f"{m[1]}’{FRENCH_ARTICLES[m[2]]} {m[2]}", text)
