"""Translation of the interface's own messages (gettext).

Modules import ``_`` (translate now) and ``N_`` (mark for extraction, translate
later) from here explicitly. Until a catalog is installed, messages are
English.
"""

from __future__ import annotations

import gettext

_translations: gettext.NullTranslations = gettext.NullTranslations()


def install(translations: gettext.NullTranslations) -> None:
    """Use ``translations`` for every message from now on."""
    global _translations
    _translations = translations


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    return message
