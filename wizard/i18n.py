"""Translation of the interface's own messages (gettext).

Modules import ``_`` (translate now) and ``N_`` (mark for extraction, translate
later) from here explicitly. Until a catalog is installed, messages are
English. :func:`language` names the interface language, so that numbers,
money and names shown beside the messages are written the same way
(``99,95 %`` under a German interface).
"""

from __future__ import annotations

import gettext

ENGLISH = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH


def install(translations: gettext.NullTranslations, language: str = ENGLISH) -> None:
    """Use ``translations`` (the catalog of ``language``, a code such as
    ``de`` or ``pt_BR``) for every message from now on."""
    global _translations, _language
    _translations = translations
    _language = language


def language() -> str:
    """The interface language as a locale code Babel reads (``en``, ``de``, ``pt_BR``)."""
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    return message
