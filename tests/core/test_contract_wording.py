"""Wording a contracts lawyer of each country would mark in the margin, read
back from the rendered contracts: French elision before a quantity of one,
Spanish and Portuguese section names and agreement, Austrian and Mexican
termination vocabulary (regional overlay catalogs), and durations written
out in clause text in every locale."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
from babel.units import format_unit
from docx_reading import read_contract
from example_paths import EXAMPLES

from wizard.core.contract import CONTRACT_LOCALES
from wizard.core.elision import unit_words
from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

NBSP = "\u00a0"
CLOUD = next(path for path in EXAMPLES if path.stem == "cloud-hosting-fr")
MSP = next(path for path in EXAMPLES if path.stem == "msp-it-support")
EXAMPLE_IDS = [path.stem for path in EXAMPLES]


@cache
def contract_text(example: Path, locale: str) -> str:
    return read_contract(render_contract(load_project(example), locale)).text


def with_termination(example: Path, **changes: int) -> Project:
    project = load_project(example)
    return project.model_copy(
        update={"termination": project.termination.model_copy(update=changes)})


def text_of(project: Project, locale: str) -> str:
    return read_contract(render_contract(project, locale)).text


# -- French: "d'un mois", not "de 1 mois" -------------------------------------------------

@pytest.mark.parametrize("locale", ["fr_FR", "fr_BE"])
def test_a_french_one_month_term_reads_d_un_mois(locale: str) -> None:
    """The cloud example runs for one month and renews by the month."""
    project = load_project(CLOUD)
    assert project.termination.initial_term_months == 1
    assert project.termination.renewal_term_months == 1
    text = contract_text(CLOUD, locale)
    assert "pour une durée initiale d’un mois." in text
    assert "pour des périodes successives d’un mois," in text
    assert not re.search(r"\bde 1\s+mois", text)


def test_french_keeps_the_digits_of_any_other_quantity() -> None:
    text = contract_text(MSP, "fr_FR")
    assert f"pour une durée initiale de 12{NBSP}mois." in text
    assert f"dans un délai de 30{NBSP}jours à compter" in text


def test_french_elides_before_one_day_too() -> None:
    """Every clause that puts "de" before a duration: a one-day cure period
    and a one-day data return read "d’un jour"."""
    text = text_of(with_termination(MSP, cure_days=1, data_return_days=1), "fr_FR")
    assert "dans un délai d’un jour à compter de la réception" in text
    assert not re.search(r"\bde 1\s+jour", text)


# -- Spanish, Italian, Portuguese: "de un mes", not "de 1 mes" ------------------------------

ONE_MONTH_TERM = {
    "es_ES": ("una vigencia inicial de un mes.", "por periodos sucesivos de un mes,"),
    "es_MX": ("una vigencia inicial de un mes.", "por periodos sucesivos de un mes,"),
    "it_IT": ("una durata iniziale di un mese.", "per ulteriori periodi di un mese,"),
    "pt_BR": ("por um prazo inicial de um mês.", "por períodos sucessivos de um mês,"),
}


@pytest.mark.parametrize("locale", list(ONE_MONTH_TERM))
def test_a_one_month_term_is_written_with_its_article(locale: str) -> None:
    """The cloud example's one-month term and renewals: "de un mes", "di un
    mese", "de um mês", as a careful writer puts them, never "de 1 mes"."""
    initial, renewal = ONE_MONTH_TERM[locale]
    text = contract_text(CLOUD, locale)
    assert initial in text
    assert renewal in text
    assert not re.search(r"\b(de|di) 1\s+(mes|mese|mês)\b", text)


@pytest.mark.parametrize("locale", list(ONE_MONTH_TERM))
def test_any_other_quantity_keeps_its_digits(locale: str) -> None:
    text = contract_text(MSP, locale)
    months = {"es": "meses", "it": "mesi", "pt": "meses"}[locale[:2]]
    assert re.search(rf"\b(de|di) 12{NBSP}{months}\b", text)
    assert not re.search(r"\b(de|di) (un|um) (meses|mesi)\b", text)


def test_a_one_day_limit_takes_the_article_in_portuguese_and_spanish() -> None:
    project = with_termination(MSP, cure_days=1, data_return_days=1)
    assert "no prazo de um dia, contado" in text_of(project, "pt_BR")
    spanish = text_of(project, "es_ES")
    assert not re.search(r"\bde 1\s+día\b", spanish)
    assert "de un día" in spanish


# -- every language: a number never ends a line without its unit -----------------------------

@pytest.mark.parametrize(("locale", "days", "plain"), [
    ("en_US", f"60{NBSP}days", "60 days"),
    ("en_GB", f"60{NBSP}days", "60 days"),
    ("es_ES", f"60{NBSP}días", "60 días"),
    ("es_MX", f"60{NBSP}días", "60 días"),
    ("it_IT", f"60{NBSP}giorni", "60 giorni"),
    ("de_DE", f"60{NBSP}Tage", "60 Tage"),
    ("pt_BR", f"60{NBSP}dias", "60 dias"),
    ("nl_NL", f"60{NBSP}dagen", "60 dagen"),
])
def test_a_number_and_its_unit_share_a_no_break_space(locale: str, days: str,
                                                      plain: str) -> None:
    """The MSP example's 60 days' notice, read back from the Word file: the
    number is tied to "days" by a no-break space, and so is every number of
    days, hours, months and minutes in the contract."""
    assert load_project(MSP).termination.notice_days == 60
    text = contract_text(MSP, locale)
    assert days in text
    assert plain not in text
    words = "|".join(sorted(unit_words(locale), key=len, reverse=True))
    assert not re.findall(rf".{{0,30}}\d ({words})\b", text)


# -- Spanish, Portuguese, Italian: section names ---------------------------------------------

CONTACTS_HEADING = {
    "es_ES": "Interlocutores y responsabilidades",
    "es_MX": "Interlocutores y responsabilidades",
    "pt_BR": "Pontos de contato e responsabilidades",
}
BASELINE = {
    "es_ES": ("Valor de referencia", "Línea base"),
    "es_MX": ("Valor de referencia", "Línea base"),
    "pt_BR": ("Valor de referência", "Linha de base"),
    "it_IT": ("Valore di riferimento", "Valore di base"),
}


@pytest.mark.parametrize("locale", list(CONTACTS_HEADING))
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_the_contacts_section_is_not_called_the_parties(example: Path, locale: str) -> None:
    """In a contract "las partes" / "as partes" are the contracting parties,
    not the people to contact."""
    contract = read_contract(render_contract(load_project(example), locale))
    assert f"# {CONTACTS_HEADING[locale]}" in contract.headings()
    assert not re.search(r"[Pp]artes interes", contract.text)


@pytest.mark.parametrize("locale", list(BASELINE))
@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_the_baseline_is_the_reference_value(example: Path, locale: str) -> None:
    usual, jargon = BASELINE[locale]
    contract = read_contract(render_contract(load_project(example), locale))
    headers = [rows[0] for rows in contract.tables if rows]
    assert any(usual in header for header in headers), headers
    assert jargon not in contract.text


# -- Portuguese: "no prazo de 1 dia, contado" -------------------------------------------------

def test_portuguese_time_limits_agree_with_one_day() -> None:
    """"1 dia contados" is an agreement error; "prazo …, contado" agrees with
    the time limit whatever the number of days."""
    one = text_of(with_termination(MSP, cure_days=1), "pt_BR")
    assert "no prazo de um dia, contado do recebimento de notificação por escrito" in one
    thirty = contract_text(MSP, "pt_BR")
    assert f"no prazo de 30{NBSP}dias, contado do recebimento de notificação por escrito" \
        in thirty
    # ("os Minutos Elegíveis serão contados" elsewhere agrees with its plural)
    assert "dia contados" not in one and "dia, contados" not in one


# -- Austria and Mexico: the regional overlays -----------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_an_austrian_contract_uses_austrian_termination_terms(example: Path) -> None:
    austrian = contract_text(example, "de_AT")
    german = contract_text(example, "de_DE")
    assert "Abmahnung" not in austrian and "fristlos" not in austrian
    assert "aus wichtigem Grund vorzeitig auflösen" in austrian
    assert "nach Zugang einer schriftlichen Mahnung" in austrian
    assert "# Laufzeit und Vertragsbeendigung" in austrian.splitlines()
    # the German contract keeps its own terms, and the rest of the Austrian one is German
    assert "schriftlichen Abmahnung" in german and "fristlos kündigen" in german
    assert "# Zweck und Geltungsbereich" in austrian.splitlines()
    assert "(nachfolgend „der Anbieter“)" in austrian


def test_an_austrian_contract_is_dated_in_austrian() -> None:
    assert "1. Jänner 2027" in contract_text(MSP, "de_AT")


@pytest.mark.parametrize("example", EXAMPLES, ids=EXAMPLE_IDS)
def test_a_mexican_contract_rescinds(example: Path) -> None:
    mexican = contract_text(example, "es_MX")
    spanish = contract_text(example, "es_ES")
    assert "podrá rescindir el presente acuerdo" in mexican
    assert "# Vigencia, terminación anticipada y rescisión" in mexican.splitlines()
    assert "resolver el presente acuerdo" not in mexican
    assert "(en lo sucesivo, “el Proveedor”)" in mexican
    assert "antelación" not in mexican
    # Spain keeps "resolver" and « »; the rest of the Mexican contract is the Spanish one
    assert "podrá resolver el presente acuerdo" in spanish and "rescindir" not in spanish
    assert "(en adelante, «el Proveedor»)" in spanish
    assert "# Objeto y alcance" in mexican.splitlines()


# -- durations written out in clause text, every locale --------------------------------------

@cache
def five_nines_text(locale: str) -> str:
    """The cloud example with a 99.999 % monthly target: about 26 seconds of downtime."""
    project = load_project(CLOUD)
    metrics = [m.model_copy(update={"target": Decimal("99.999")}) if m.id == "dispo" else m
               for m in project.metrics]
    return text_of(project.model_copy(update={"metrics": metrics}), locale)


def unit_word(locale: str, length: Literal["short", "long"]) -> str:
    written = format_unit(Decimal("26.3"), "duration-second", length=length, locale=locale)
    return re.sub(r"^[\d.,\s\u00a0\u202f]+", "", written)


@pytest.mark.parametrize("locale", CONTRACT_LOCALES)
def test_seconds_are_written_out_in_clauses(locale: str) -> None:
    """"26,3 sec" is a table abbreviation; a clause says "26,3 seconden"."""
    text = five_nines_text(locale)
    short, long = unit_word(locale, "short"), unit_word(locale, "long")
    assert short != long
    assert not re.search(rf"\d[\s\u00a0\u202f]{re.escape(short)}(?!\w)", text), short
    assert re.search(rf"\d[\s\u00a0\u202f]{re.escape(long)}(?!\w)", text), long


# -- signature formalities ---------------------------------------------------------------------

SIGNED_WHERE_AND_WHEN = {
    "fr_FR": ("Fait en deux exemplaires originaux", "Fait à …, le …"),
    "es_ES": ("En prueba de conformidad", "Lugar y fecha"),
    "es_MX": ("Leído que fue el presente acuerdo", "Lugar y fecha"),
    "it_IT": ("Sottoscritto in nome e per conto delle parti", "Luogo e data"),
    "nl_NL": ("Aldus overeengekomen", "Plaats en datum"),
    "pt_BR": ("por estarem assim ajustadas", "Local e data"),
}


@pytest.mark.parametrize("locale", list(SIGNED_WHERE_AND_WHEN))
def test_each_signature_says_where_and_when(locale: str) -> None:
    """French contracts are "faits à …, le …, en deux exemplaires"; Spanish,
    Italian, Dutch and Brazilian ones name the place of signing beside the date."""
    formula, label = SIGNED_WHERE_AND_WHEN[locale]
    text = contract_text(CLOUD, locale)
    assert formula in text
    assert len(re.findall(rf"^{re.escape(label)}$|^{re.escape(label)} \|", text, re.M)) == 2


def with_chronic_failure(example: Path, consecutive_months: int) -> Project:
    project = load_project(example)
    chronic = project.termination.chronic_failure.model_copy(
        update={"consecutive_months": consecutive_months, "months_in_year": None})
    return project.model_copy(update={"termination": project.termination.model_copy(
        update={"chronic_failure": chronic})})


ONE_MONTH_MISSED = {
    "fr_FR": "n’est pas respecté au cours d’un mois.",
    "de_DE": f"Servicelevel in 1{NBSP}Monat verfehlt wird.",
    "es_ES": f"el mismo Nivel de Servicio en 1{NBSP}mes.",
    "it_IT": f"per 1{NBSP}mese",
    "nl_NL": f"in 1{NBSP}maand",
    "pt_BR": f"em 1{NBSP}mês",
}


@pytest.mark.parametrize("locale", list(ONE_MONTH_MISSED))
def test_one_missed_month_is_not_one_consecutive_month(locale: str) -> None:
    """Chronic failure after a single missed month: no "1 mois consécutif"."""
    text = text_of(with_chronic_failure(MSP, 1), locale)
    assert ONE_MONTH_MISSED[locale] in text
    assert not re.search(r"1.(mois consécutif|mes consecutivo|mese consecutivo|"
                         r"opeenvolgende maand|mês consecutivo)", text)
