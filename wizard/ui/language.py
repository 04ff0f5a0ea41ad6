"""The interface language: our own catalogs and Qt's, chosen from the system
on first start and from the Language menu afterwards."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wizard import i18n
from wizard.translations import (
    MESSAGES_DOMAIN,
    available_languages,
    best_match,
    load_translations,
)

ENGLISH = i18n.ENGLISH

NATIVE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "nl": "Nederlands",
    "it": "Italiano",
    "pt_BR": "Português (Brasil)",
}
"""Each language named in itself, as a language menu shows it."""


def interface_languages() -> list[str]:
    """English and every language with an interface catalog."""
    translated = [code for code in available_languages(MESSAGES_DOMAIN) if code != ENGLISH]
    return [ENGLISH, *sorted(translated, key=lambda code: NATIVE_NAMES.get(code, code))]


def native_name(code: str) -> str:
    return NATIVE_NAMES.get(code, code)


def system_language() -> str:
    """The interface language that fits the system's locale."""
    return best_match(QLocale.system().name(), interface_languages(), ENGLISH)


_qt_translators: list[QTranslator] = []


def apply_language(code: str) -> str:
    """Translate our messages and Qt's own dialogs and buttons into ``code``
    (English when unknown); return the language applied."""
    if code not in interface_languages():
        code = ENGLISH
    i18n.install(load_translations(MESSAGES_DOMAIN, code), code)
    app = QCoreApplication.instance()
    if app is None:
        return code
    for translator in _qt_translators:
        app.removeTranslator(translator)
    _qt_translators.clear()
    if code != ENGLISH:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(QLocale(code), "qtbase", "_", folder):
            app.installTranslator(translator)
            _qt_translators.append(translator)
    return code
