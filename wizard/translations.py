"""Gettext catalogs: where they live and how they are loaded (no Qt).

Two domains: ``messages`` for the interface and ``contract`` for the
contract's clauses. Catalogs are kept as ``.po`` files under
``resources/locale/<language>/LC_MESSAGES/``; a bundle may ship compiled
``.mo`` files beside them, which are preferred. A ``.po`` without its ``.mo``
is compiled in memory once, so a source checkout needs no build step.

A regional catalog (``de_AT``) may be an *overlay*: it holds only the
entries whose wording differs in that country, says so in its header
comment (``# X-Overlay-Of: de``), and every entry it lacks is read from its
language's catalog. Loading always chains a regional catalog to its
language's, so a full regional copy (``de_CH``) reads the same either way.
"""

from __future__ import annotations

import gettext
import io
import re
from functools import lru_cache
from pathlib import Path

from wizard.paths import locale_dir

MESSAGES_DOMAIN = "messages"
CONTRACT_DOMAIN = "contract"


def catalog_languages(locale: str) -> list[str]:
    """The catalog folders to try for ``locale``, most specific first:
    ``pt_BR`` → ``pt_BR``, ``pt``; ``de_AT`` → ``de_AT``, ``de``."""
    code = locale.replace("-", "_")
    language = code.split("_")[0]
    return [code, language] if language != code else [code]


def catalog_file(domain: str, language: str, suffix: str) -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{domain}{suffix}"


def has_catalog(domain: str, locale: str) -> bool:
    """Whether ``locale`` (or its language) has a catalog for ``domain``."""
    return any(catalog_file(domain, language, suffix).exists()
               for language in catalog_languages(locale) for suffix in (".po", ".mo"))


def available_languages(domain: str) -> list[str]:
    """The catalog folders that hold ``domain``."""
    folder = locale_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if (p / "LC_MESSAGES" / f"{domain}.po").exists()
                  or (p / "LC_MESSAGES" / f"{domain}.mo").exists())


def best_match(locale_name: str, offered: list[str], fallback: str = "en") -> str:
    """The offered language closest to a locale such as ``pt_BR`` or ``de_AT``."""
    code = locale_name.replace("-", "_")
    if code in offered:
        return code
    language = code.split("_")[0]
    if language in offered:
        return language
    return next((o for o in offered if o.split("_")[0] == language), fallback)


_OVERLAY = re.compile(r"^#\s*X-Overlay-Of:\s*(\w+)\s*$", re.MULTILINE)


def overlay_base(path: Path) -> str | None:
    """The language whose catalog the ``.po`` at ``path`` completes, as its
    header comment names it (``# X-Overlay-Of: de``); None for a full catalog.
    (A comment, not a header field: Babel keeps only the fields it knows.)"""
    with path.open(encoding="utf-8") as handle:
        head = handle.read().split('msgid ""', 1)[0]
    match = _OVERLAY.search(head)
    return match.group(1) if match else None


@lru_cache(maxsize=64)
def load_translations(domain: str, locale: str) -> gettext.NullTranslations:
    """The translations of ``domain`` for ``locale``, most specific catalog
    first, each falling back to the next for the entries it lacks (``de_AT``
    → ``de``); English (the messages as written) when there is no catalog."""
    found = [catalog for language in catalog_languages(locale)
             if (catalog := _load(domain, language)) is not None]
    if not found:
        return gettext.NullTranslations()
    for catalog in found[1:]:
        found[0].add_fallback(catalog)
    return found[0]


def _load(domain: str, language: str) -> gettext.NullTranslations | None:
    compiled = catalog_file(domain, language, ".mo")
    if compiled.exists():
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    source = catalog_file(domain, language, ".po")
    if source.exists():
        return _compile(source, language)
    return None


def _compile(path: Path, language: str) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
