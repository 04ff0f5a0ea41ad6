"""Each shared example written in each of the thirteen contract locales and
read back: the effective date, money, percentages and durations appear as
that locale writes them, and no clause is left in English.

The expected forms are computed with Babel wherever it can compute them, and a
few hand-checked ones per locale are pinned, so that formatting routed through
the wrong locale (the project's own, the interface's, English) fails here."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_percent
from babel.units import format_unit
from docx_reading import read_contract
from example_paths import EXAMPLES
from test_catalogs import english_fragments

from wizard.core.availability_rule import allowance
from wizard.core.compute import DurationUnit
from wizard.core.contract import CONTRACT_LOCALES
from wizard.core.model import PERCENT_UNIT, MetricKind, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

EXAMPLE_IDS = [path.stem for path in EXAMPLES]
UNIT_KEYS = {
    DurationUnit.DAY: "duration-day",
    DurationUnit.HOUR: "duration-hour",
    DurationUnit.MINUTE: "duration-minute",
    DurationUnit.SECOND: "duration-second",
}


@cache
def contract_text(example: Path, locale: str) -> str:
    return read_contract(render_contract(load_project(example), locale)).text


def loose(expected: str) -> re.Pattern[str]:
    """``expected`` as a pattern that also matches a no-break space between a
    currency code and the digits ("USD 1,250.00" where CLDR writes
    "USD1,250.00": the contract never lets a code touch the digits)."""
    pieces = re.split(r"(?<=[A-Za-z])(?=[\d-])|(?<=\d)(?=[A-Za-z])", expected)
    return re.compile("\u00a0?".join(re.escape(piece) for piece in pieces))


def long_date(value: datetime.date, locale: str) -> str:
    """Babel's long date; French, Italian and Portuguese write the first of
    the month as an ordinal, as their contracts do (1er janvier, 1° gennaio,
    1º de janeiro)."""
    if value.day == 1 and locale.startswith("fr"):
        return format_date(value, "d'er' MMMM y", locale=locale)
    if value.day == 1 and locale.startswith("it"):
        return format_date(value, "d'°' MMMM y", locale=locale)
    if value.day == 1 and locale.startswith("pt"):
        return format_date(value, "d'º de' MMMM 'de' y", locale=locale)
    return format_date(value, "long", locale=locale)


def unit(value: Decimal | int, key: str, locale: str) -> str:
    """A duration unit written out; the short form where CLDR has no long one."""
    text = format_unit(value, key, length="long", locale=locale)
    return text if key not in text else format_unit(value, key, length="short", locale=locale)


def downtime(project: Project, locale: str) -> list[str]:
    """The allowed downtime of every availability target, in the locale's unit
    names written out (a clause, not a table), joined by its list pattern."""
    texts = []
    for metric in project.metrics:
        if metric.kind is MetricKind.AVAILABILITY and metric.unit == PERCENT_UNIT:
            seconds = allowance(metric.target, metric.period, metric.measured_during,
                                project.schedule.coverage, metric.method).seconds
            # to the second: days, hours, minutes and seconds that are not zero
            whole, parts = int(seconds), []
            for size, key in ((86400, "duration-day"), (3600, "duration-hour"),
                              (60, "duration-minute"), (1, "duration-second")):
                count, whole = divmod(whole, size)
                if count:
                    parts.append(format_unit(count, key, length="long",
                                             locale=locale).replace(" ", NBSP))
            texts.append(format_list(parts, locale=locale))
    return texts


@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_values_are_written_the_way_the_locale_writes_them(example: Path, locale: str) -> None:
    """A contract for Vienna with "$1,250.00" and "99.95%" in it reads as a
    translation nobody checked."""
    project = load_project(example)
    text = contract_text(example, locale)

    assert long_date(project.agreement.effective_date, locale) in text
    for service in project.services:
        if service.monthly_fee is not None:
            money = format_currency(service.monthly_fee, project.currency, locale=locale)
            assert loose(money).search(text), money
    for metric in project.metrics:
        if metric.unit == PERCENT_UNIT:
            percent = format_percent(metric.target / 100, locale=locale,
                                     decimal_quantization=False)
            if locale == "de_CH":  # Swiss typesetting spaces the sign (CLDR does not)
                percent = percent.replace("%", f"{NBSP}%")
            assert percent in text, percent
    for allowed in downtime(project, locale):
        assert allowed in text, allowed
    notice = unit(project.termination.notice_days, "duration-day", locale).replace(" ", NBSP)
    assert notice in text, notice


@pytest.mark.parametrize("locale", [loc for loc in CONTRACT_LOCALES if not loc.startswith("en")])
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_no_clause_is_left_in_english(example: Path, locale: str) -> None:
    text = contract_text(example, locale)
    english = [fragment for fragment in english_fragments() if fragment in text]
    assert not english, english[:5]


CLOUD = next(path for path in EXAMPLES if path.stem == "cloud-hosting-fr")
MSP = next(path for path in EXAMPLES if path.stem == "msp-it-support")
NBSP, NNBSP = "\u00a0", "\u202f"

HAND_CHECKED: dict[str, dict[Path, list[str]]] = {
    "en_US": {MSP: ["January 1, 2027", "$1,250.00", "99.5%",
                    f"1{NBSP}hour, 4{NBSP}minutes, and 12{NBSP}seconds"],
              CLOUD: ["March 15, 2027", "€89.90", "99.95%",
                      f"21{NBSP}minutes and 36{NBSP}seconds"]},
    "en_GB": {MSP: ["1 January 2027", "US$1,250.00", "99.5%"],
              CLOUD: ["15 March 2027", "€89.90", "99.95%"]},
    "de_DE": {MSP: ["1. Januar 2027", f"1.250,00{NBSP}$", f"99,5{NBSP}%",
                    f"1{NBSP}Stunde, 4{NBSP}Minuten und 12{NBSP}Sekunden"],
              CLOUD: ["15. März 2027", f"89,90{NBSP}€", f"99,95{NBSP}%",
                      f"21{NBSP}Minuten und 36{NBSP}Sekunden"]},
    "de_AT": {MSP: ["1. Jänner 2027", f"${NBSP}1.250,00", f"99,5{NBSP}%"],
              CLOUD: [f"€{NBSP}89,90", f"99,95{NBSP}%"]},
    "de_CH": {MSP: ["1. Januar 2027", f"${NBSP}1'250.00", f"99.5{NBSP}%", "«der Anbieter»"],
              CLOUD: [f"EUR{NBSP}89.90", f"99.95{NBSP}%", f"21{NBSP}Minuten und 36{NBSP}Sekunden"]},
    "fr_FR": {MSP: ["1er janvier 2027", f"1{NNBSP}250,00{NBSP}$US", f"99,5{NBSP}%",
                    f"1{NBSP}heure, 4{NBSP}minutes et 12{NBSP}secondes"],
              CLOUD: ["15 mars 2027", f"89,90{NBSP}€", f"99,95{NBSP}%",
                      f"21{NBSP}minutes et 36{NBSP}secondes"]},
    "fr_BE": {MSP: ["1er janvier 2027", f"1{NNBSP}250,00{NBSP}$US"],
              CLOUD: [f"99,95{NBSP}%"]},
    "es_ES": {MSP: ["1 de enero de 2027", f"1.250,00{NBSP}US$", f"99,5{NBSP}%",
                    f"1{NBSP}hora, 4{NBSP}minutos y 12{NBSP}segundos"],
              CLOUD: ["15 de marzo de 2027", f"89,90{NBSP}€",
                      f"21{NBSP}minutos y 36{NBSP}segundos"]},
    "es_MX": {MSP: ["1 de enero de 2027", f"USD{NBSP}1,250.00", "99.5%"],
              CLOUD: [f"EUR{NBSP}89.90", "99.95%"]},
    "nl_NL": {MSP: ["1 januari 2027", f"US${NBSP}1.250,00", "99,5%",
                    f"1{NBSP}uur, 4{NBSP}minuten en 12{NBSP}seconden"],
              CLOUD: [f"€{NBSP}89,90", "99,95%", f"21{NBSP}minuten en 36{NBSP}seconden"]},
    "nl_BE": {MSP: ["1 januari 2027", f"US${NBSP}1.250,00"],
              CLOUD: ["99,95%"]},
    "it_IT": {MSP: ["in data 1° gennaio 2027", f"1.250,00{NBSP}USD", "99,5%",
                    f"1{NBSP}ora, 4{NBSP}minuti e 12{NBSP}secondi"],
              CLOUD: ["15 marzo 2027", f"89,90{NBSP}€", "99,95%",
                      f"21{NBSP}minuti e 36{NBSP}secondi"]},
    "pt_BR": {MSP: ["1º de janeiro de 2027", f"US${NBSP}1.250,00", "99,5%",
                    f"1{NBSP}hora, 4{NBSP}minutos e 12{NBSP}segundos"],
              CLOUD: ["15 de março de 2027", f"€{NBSP}89,90", "99,95%",
                      f"21{NBSP}minutos e 36{NBSP}segundos"]},
}


def test_every_locale_is_hand_checked() -> None:
    assert list(HAND_CHECKED) == list(CONTRACT_LOCALES)


@pytest.mark.parametrize("locale", list(HAND_CHECKED))
def test_hand_checked_forms(locale: str) -> None:
    """Forms read off the rendered contracts and checked by hand (the
    no-break spaces included)."""
    for example, forms in HAND_CHECKED[locale].items():
        text = contract_text(example, locale)
        missing = [form for form in forms if form not in text]
        assert not missing, (example.stem, missing)


def test_the_worked_credit_example_uses_the_credited_services_fees() -> None:
    """The French example credits a level covering both services: at 98.7 % (below
    99.0) the tier pays 25 % of 89.90 + 24.00 = 113.90, that is 28.475, rounded 28.48."""
    example = next(path for path in EXAMPLES if path.name == "cloud-hosting-fr.slaproj")
    text = contract_text(example, "fr_FR")
    fee = format_currency(Decimal("113.90"), "EUR", locale="fr_FR")
    amount = format_currency(Decimal("28.48"), "EUR", locale="fr_FR")
    assert fee == f"113,90{NBSP}€"
    assert loose(fee).search(text), fee
    assert loose(amount).search(text), amount
    assert not loose(format_currency(Decimal("22.48"), "EUR", locale="fr_FR")).search(text)
