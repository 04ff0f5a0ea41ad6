"""The finishing of clause text, word by word: a quantity of one after its
preposition written with the article, and a number bound to its unit."""

from __future__ import annotations

import pytest

from wizard.core.elision import bind_units, elide, finish, unit_words

NBSP = "\u00a0"


@pytest.mark.parametrize(("language", "before", "after"), [
    ("es", "una vigencia inicial de 1 mes.", "una vigencia inicial de un mes."),
    ("es", "De 1 año a otro", "De un año a otro"),
    ("es", "un preaviso de 1 semana", "un preaviso de una semana"),
    ("es", f"en un plazo de 1{NBSP}día", "en un plazo de un día"),
    ("it", "periodi di 1 mese", "periodi di un mese"),
    ("it", "una durata iniziale di 1 anno", "una durata iniziale di un anno"),
    ("it", "di 1 settimana", "di una settimana"),
    ("it", "entro il termine di 1 giorno", "entro il termine di un giorno"),
    ("pt", "por um prazo inicial de 1 mês.", "por um prazo inicial de um mês."),
    ("pt", "no prazo de 1 dia, contado", "no prazo de um dia, contado"),
    ("pt", "de 1 semana", "de uma semana"),
    ("pt", "de 1 ano", "de um ano"),
    ("fr", f"une durée initiale de 1{NBSP}mois", "une durée initiale d’un mois"),
])
def test_one_after_its_preposition_takes_the_article(language: str, before: str,
                                                    after: str) -> None:
    assert elide(before, language) == after


@pytest.mark.parametrize(("language", "text"), [
    ("es", "de 12 meses"),              # any other quantity
    ("es", "de 1,5 meses"),
    ("es", "de 1.000 días"),
    ("es", "desde 1 mes"),              # "de" inside another word
    ("es", "en 1 mes"),                 # another preposition
    ("es", "de 1 hora"),                # hours and minutes keep their digits
    ("es", "de 1 mesa"),                # not a unit
    ("it", "entro 1 mese"),
    ("it", "di 1 ora"),                 # "di un'ora" would need elision
    ("pt", "em 1 mês"),
    ("pt", "de 1 hora"),
    ("nl", "van 1 maand"),              # Dutch: not asked for
    ("de", "von 1 Monat"),
    ("en", "of 1 month"),
])
def test_everything_else_keeps_its_digits(language: str, text: str) -> None:
    assert elide(text, language) == text


@pytest.mark.parametrize(("locale", "before", "after"), [
    ("en_US", "60 days' written notice", f"60{NBSP}days' written notice"),
    ("en_US", "1 hour and 30 minutes", f"1{NBSP}hour and 30{NBSP}minutes"),
    ("es_ES", "60 días, 72 horas y 12 meses", f"60{NBSP}días, 72{NBSP}horas y 12{NBSP}meses"),
    ("es_ES", "1.000 días", f"1.000{NBSP}días"),
    ("it_IT", "60 minuti", f"60{NBSP}minuti"),
    ("pt_BR", "1 mês", f"1{NBSP}mês"),
    ("de_DE", "innerhalb von 30 Tagen, 12 Monate", f"innerhalb von 30{NBSP}Tagen, 12{NBSP}Monate"),
    ("nl_NL", "30 dagen", f"30{NBSP}dagen"),
])
def test_a_number_is_bound_to_its_unit(locale: str, before: str, after: str) -> None:
    assert bind_units(before, locale) == after


@pytest.mark.parametrize(("locale", "text"), [
    ("en_US", "2 business days"),       # not a duration of Babel's
    ("en_US", "page 3 of 4"),
    ("en_US", "the days of 2027"),
    ("es_ES", "60díasx"),
    ("es_ES", "60 diaspora"),
])
def test_other_text_keeps_its_spaces(locale: str, text: str) -> None:
    assert bind_units(text, locale) == text


def test_finish_elides_then_binds() -> None:
    assert finish("de 1 mes y de 3 meses", "es_MX") == f"de un mes y de 3{NBSP}meses"
    assert finish("de 1 mois", "fr_BE") == "d’un mois"


def test_the_unit_words_are_babels_in_every_plural_form() -> None:
    assert {"day", "days", "month", "months", "minute", "minutes"} <= unit_words("en_US")
    assert {"día", "días", "mes", "meses", "hora", "horas"} <= unit_words("es_ES")
    assert {"mese", "mesi", "giorno", "giorni", "ora", "ore"} <= unit_words("it_IT")
