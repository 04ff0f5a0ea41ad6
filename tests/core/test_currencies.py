"""The currency a contract for a country is usually priced in."""

from __future__ import annotations

import pytest

from wizard.core.currencies import currency_after_language_change, usual_currency


@pytest.mark.parametrize(("locale", "currency"), [
    ("en_US", "USD"), ("en_GB", "GBP"), ("de_DE", "EUR"), ("de_CH", "CHF"),
    ("es_MX", "MXN"), ("pt_BR", "BRL"), ("nl_BE", "EUR"), ("en", None), ("xx_YY", None)])
def test_usual_currency(locale: str, currency: str | None) -> None:
    assert usual_currency(locale) == currency


def test_the_currency_follows_only_a_default() -> None:
    assert currency_after_language_change("USD", "en_US", "de_DE") == "EUR"
    assert currency_after_language_change("EUR", "de_DE", "de_CH") == "CHF"
    assert currency_after_language_change("GBP", "en_US", "de_DE") is None  # chosen
    assert currency_after_language_change("EUR", "de_DE", "fr_FR") is None  # same
    assert currency_after_language_change("USD", "en_US", "en") is None  # no country
