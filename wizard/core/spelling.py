"""American spelling for contracts written in US English.

The clause catalog's English is British ("organisation"); a contract in
``en_US`` is written with the spellings an American reader expects. Only the
contract's own clause text goes through :func:`american` (text a user typed
stays as typed)."""

from __future__ import annotations

import re

US_SPELLINGS: dict[str, str] = {
    "organisation": "organization",
    "organisations": "organizations",
    "organised": "organized",
    "authorise": "authorize",
    "authorised": "authorized",
    "authorisation": "authorization",
    "recognise": "recognize",
    "recognised": "recognized",
    "realise": "realize",
    "minimise": "minimize",
    "prioritise": "prioritize",
    "summarise": "summarize",
    "utilise": "utilize",
    "behaviour": "behavior",
    "colour": "color",
    "favour": "favor",
    "honour": "honor",
    "labour": "labor",
    "centre": "center",
    "programme": "program",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "analyse": "analyze",
    "catalogue": "catalog",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "modelling": "modeling",
    "travelled": "traveled",
    "fulfil": "fulfill",
    "wilful": "willful",
    "enrol": "enroll",
    "instalment": "installment",
    "per cent": "percent",
    "e-mail": "email",
    "e-mails": "emails",
}
"""British spelling → American, lower case; the first letter's case is kept."""

_WORDS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, US_SPELLINGS), key=len,
                                                 reverse=True)) + r")\b", re.IGNORECASE)


def american(text: str) -> str:
    """``"The organisation's licence"`` → ``"The organization's license"``."""

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        us = US_SPELLINGS[found.casefold()]
        return us[:1].upper() + us[1:] if found[:1].isupper() else us

    return _WORDS.sub(replace, text)
