"""No silent English: every catalog is complete, compiles, and a contract in
another language holds none of the template's English sentences."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docx_reading import read_contract
from example_paths import EXAMPLES, ROOT, US_EXAMPLE

from wizard.core.contract import CONTRACT_LOCALES, SUPPORTED_LOCALES
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.translations import (
    CONTRACT_DOMAIN,
    MESSAGES_DOMAIN,
    available_languages,
    load_translations,
    overlay_base,
)

LOCALE = ROOT / "resources" / "locale"
KEYWORDS = {
    "messages": {"_": None, "N_": None, "ngettext": (1, 2)},
    "contract": {"_": None, "N_": None, "t": None, "gettext": None, "ngettext": (1, 2)},
}
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


@cache
def extracted(domain: str, leave_out: tuple[str, ...] = ()) -> frozenset[str]:
    """The message ids the sources hold now (but for the files ``leave_out`` names)."""
    with (LOCALE / f"{domain}.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    ids: set[str] = set()
    for file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS[domain]):
        if Path(file).as_posix() not in leave_out:
            ids.add(message[0] if isinstance(message, tuple) else message)
    return frozenset(ids)


@cache
def extracted_entries(domain: str) -> frozenset[str | tuple[str, ...]]:
    """The message ids the sources hold now as a catalog keys its entries: a
    plural entry as its (singular, plural) pair, any other as its text."""
    with (LOCALE / f"{domain}.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    return frozenset(
        tuple(message) if isinstance(message, tuple) else message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS[domain]))


def stale_entries(catalog: Catalog, domain: str) -> list[str | tuple[str, ...]]:
    """The entries of ``catalog`` the sources of ``domain`` no longer hold: a
    plural entry is current only with both its singular and its plural."""
    entries = extracted_entries(domain)
    return [message.id for message in catalog if message.id and message.id not in entries]


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=path.parts[-3])


def test_extraction_finds_the_template_and_the_interface() -> None:
    """Translators would never see the clauses of the Word template."""
    contract = extracted("contract")
    assert "Purpose and scope" in contract
    assert "This agreement takes effect on %(date)s." in contract
    assert "at least %(value)s" in contract  # a label from wizard/core/contract.py
    assert "in %(num)s consecutive month" in contract
    messages = extracted("messages")
    assert "Give the agreement a title." in messages  # checks.py
    assert "Contract preview" in messages  # the window
    assert "Purpose and scope" not in messages


def test_interface_messages_are_not_taken_for_percent_formats() -> None:
    """The interface formats with ``str.format``: a label such as "Cap (% of
    monthly fee)" looks like ``% o`` to gettext tools, which then demand the
    same "placeholder" in every translation. Jinja's ``{% … %}`` in messages
    about templates is kept as written in every language anyway."""
    flagged = sorted(m for m in extracted("messages")
                     if Message(m.replace("{%", "{").replace("%}", "}")).python_format)
    assert not flagged, flagged


def _translated(message: Message | None) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}-{p.stem}")
def test_catalog_is_complete_and_compiles(path: Path) -> None:
    """A missing or fuzzy entry would print English inside a translated contract
    or window. An overlay (``# X-Overlay-Of: de``) is complete with its
    language's catalog beneath it, and every entry it holds is translated and
    still in the sources (a stale one would silently lose the regional wording)."""
    catalog = _catalog(path)
    base_language = overlay_base(path)
    base = (_catalog(LOCALE / base_language / "LC_MESSAGES" / path.name)
            if base_language else None)
    ids = extracted(path.stem)
    missing = [message_id for message_id in sorted(ids)
               if not _translated(catalog.get(message_id))
               and (base is None or message_id in catalog
                    or not _translated(base.get(message_id)))]
    assert not missing, f"{len(missing)} untranslated in {path}: {missing[:5]}"
    if base is not None:
        stale = stale_entries(catalog, path.stem)
        assert not stale, f"{path} overrides entries the sources no longer hold: {stale[:5]}"
    problems = [(m.id, errors) for m, errors in catalog.check()]
    assert not problems, problems
    mismatched = [message.id for message in catalog if message.id and not _same_fields(message)]
    assert not mismatched, f"{{placeholders}} or <tags> differ in {path}: {mismatched[:5]}"
    write_mo(io.BytesIO(), catalog, use_fuzzy=False)


def test_an_overlay_may_override_a_plural_entry() -> None:
    """A regional catalog that rewords "30 days' written notice" keeps its
    wording; an entry whose singular or plural the sources no longer hold
    is still stale."""
    overlay = Catalog(locale="es_MX")
    current = ("%(num)s day's written notice", "%(num)s days' written notice")
    overlay.add(current, ("%(num)s día de aviso", "%(num)s días de aviso"))
    overlay.add("Purpose and scope", "Objeto y alcance")
    overlay.add(("%(num)s week's notice", "%(num)s weeks' notice"), ("a", "b"))
    overlay.add("A clause no source holds any more", "Una cláusula")
    reworded = Catalog(locale="es_MX")  # the sources' plural is no longer this one
    reworded.add(("%(num)s day's written notice", "%(num)s days of written notice"),
                 ("a", "b"))
    ids = extracted_entries("contract")
    assert current in ids and "Purpose and scope" in ids

    assert stale_entries(overlay, "contract") == [
        ("%(num)s week's notice", "%(num)s weeks' notice"),
        "A clause no source holds any more",
    ]
    assert stale_entries(reworded, "contract") == [
        ("%(num)s day's written notice", "%(num)s days of written notice")]


def test_overlays_are_the_regional_catalogs_that_say_so() -> None:
    """The Austrian and Mexican catalogs hold only their regional wording and
    name the catalog beneath them; the Swiss one is a full copy (its spelling
    differs in nearly every entry)."""
    bases = {path.parts[-3]: overlay_base(path)
             for path in LOCALE.glob("*/LC_MESSAGES/contract.po")}
    assert bases["de_AT"] == "de"
    assert bases["es_MX"] == "es"
    assert bases["de_CH"] is None and bases["de"] is None
    for code in ("de_AT", "es_MX"):
        overlay, base = (_catalog(LOCALE / folder / "LC_MESSAGES" / "contract.po")
                         for folder in (code, code[:2]))
        entries = [message for message in overlay if message.id]
        assert 0 < len(entries) < len([m for m in base if m.id]) // 10
        assert all(message.string != base.get(message.id).string for message in entries)


def test_an_overlay_reads_its_missing_entries_from_its_language() -> None:
    """An Austrian contract: the Austrian wording where it has one, the
    German one elsewhere, plural forms included; never English."""
    austrian = load_translations(CONTRACT_DOMAIN, "de_AT")
    german = load_translations(CONTRACT_DOMAIN, "de")
    assert austrian.gettext("Term and termination") == "Laufzeit und Vertragsbeendigung"
    assert german.gettext("Term and termination") == "Laufzeit und Kündigung"
    assert austrian.gettext("Purpose and scope") == german.gettext("Purpose and scope") \
        != "Purpose and scope"
    singular, plural = "in %(num)s consecutive month", "in %(num)s consecutive months"
    assert [austrian.ngettext(singular, plural, n) for n in (1, 2)] == \
        [german.ngettext(singular, plural, n) for n in (1, 2)]
    assert austrian.ngettext(singular, plural, 2) != plural


_FIELD = re.compile(r"\{\w*\}|</?\w+>")


def _same_fields(message: Message) -> bool:
    """``str.format`` fields (``{file}``) and HTML tags survive translation."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    wanted = sorted(_FIELD.findall(ids[-1]))
    return all(not text or sorted(_FIELD.findall(text)) == wanted for text in strings)


TRANSLATED = [locale for locale in SUPPORTED_LOCALES if not locale.startswith("en_")]


def english_fragments() -> list[str]:
    """The fixed parts of the template's English sentences, long enough to be
    recognisable (placeholders cut out)."""
    fragments = []
    # the monthly report's sentences share the contract catalog but are not in a contract
    for message in extracted("contract", leave_out=("wizard/core/report.py",)):
        for piece in re.split(r"%\(\w+\)[sd]", message):
            piece = piece.strip(" ,.:;()“”")
            if len(piece) >= 14 and " " in piece:
                fragments.append(piece)
    return sorted(set(fragments))


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_translated_contract_holds_no_english_sentence(locale: str, example: Path) -> None:
    """A German contract with an English clause in the middle is not one to send."""
    text = read_contract(render_contract(load_project(example), locale)).text
    english = [fragment for fragment in english_fragments() if fragment in text]
    assert not english, english[:5]


def test_every_contract_locale_is_known() -> None:
    """The supported locales are the designed ones, English first."""
    assert SUPPORTED_LOCALES[:2] == ("en_US", "en_GB")
    assert set(SUPPORTED_LOCALES) <= set(CONTRACT_LOCALES)


def test_swiss_contracts_have_their_own_catalog() -> None:
    """A Swiss client reads „…“ and ß as a contract drafted in Germany."""
    german, swiss = (_catalog(LOCALE / code / "LC_MESSAGES" / "contract.po")
                     for code in ("de", "de_CH"))
    assert {m.id for m in swiss if m.id} == {m.id for m in german if m.id}
    texts = [text for message in swiss if message.id
             for text in (message.string if isinstance(message.string, tuple)
                          else (message.string,))]
    assert not [text for text in texts if re.search("[ß„“‚‘]", text)]
    assert swiss.get("“the Provider”").string == "«der Anbieter»"

    # US example: the clause text is the catalog's, the user's text has no ß
    swiss_text = read_contract(render_contract(load_project(US_EXAMPLE), "de_CH")).text
    assert "(nachfolgend «der Anbieter»)" in swiss_text
    assert "abschliessend abgegolten" in swiss_text
    assert not re.search("[ß„“]", swiss_text)
    austrian = read_contract(render_contract(load_project(US_EXAMPLE), "de_AT")).text
    assert "(nachfolgend „der Anbieter“)" in austrian
    assert "abschließend abgegolten" in austrian


SWISS_WORDING = {
    "wesentliche Pflichtverletzung": "wesentliche Vertragsverletzung",
    "schriftlichen Abmahnung": "schriftlichen Mahnung",
    "in bar ausgezahlt": "bar ausbezahlt",
    "365,25": "365.25",
    "Umsatzsteuer": "Mehrwertsteuer",
    (", sofern der Kunde Kaufmann, juristische Person des öffentlichen Rechts "
     "oder öffentlich-rechtliches Sondervermögen ist"): "",
    ("Personenbezogene Daten, die der Anbieter nach dieser Vereinbarung im Auftrag des "
     "Kunden verarbeitet, werden nach Massgabe %(terms)s verarbeitet."):
        ("Personendaten, die der Anbieter nach dieser Vereinbarung im Auftrag des Kunden "
         "bearbeitet, werden nach Massgabe %(terms)s bearbeitet."),
}
"""Where Swiss drafting words a clause differently (see de_CH/GLOSSARY.md)."""


def swiss_spelling(text: str) -> str:
    text = text.translate(str.maketrans({"„": "«", "“": "»", "‚": "‹", "‘": "›"}))
    text = text.replace("ß", "ss")
    for german, swiss in SWISS_WORDING.items():
        text = text.replace(german, swiss)
    return text


def test_swiss_catalog_keeps_in_step_with_the_german_one() -> None:
    """A clause reworded in the German catalog and forgotten in the Swiss one
    would make Swiss contracts say something else."""
    german, swiss = (_catalog(LOCALE / code / "LC_MESSAGES" / "contract.po")
                     for code in ("de", "de_CH"))
    differ = []
    for message in german:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = tuple(swiss_spelling(text) for text in strings)
        found = swiss.get(message.id)
        actual = () if found is None else (
            found.string if isinstance(found.string, tuple) else (found.string,))
        if actual != expected:
            differ.append(message.id)
    assert not differ, differ[:5]


def test_swiss_interface_stays_german() -> None:
    """Only the contract has a Swiss catalog; the interface of a Swiss system is German."""
    assert "de_CH" not in available_languages(MESSAGES_DOMAIN)
    assert "de_CH" in available_languages(CONTRACT_DOMAIN)
    swiss = load_translations(MESSAGES_DOMAIN, "de_CH")
    assert swiss.gettext("Contract preview") == load_translations(
        MESSAGES_DOMAIN, "de").gettext("Contract preview") != "Contract preview"
