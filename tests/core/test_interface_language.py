"""The wizard's explanations write numbers, money, units and names the way
the interface language does (no Qt: the language comes from wizard.i18n)."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from decimal import Decimal

import pytest
from example_paths import US_EXAMPLE

from wizard import i18n
from wizard.core.explain import (
    credit_example_sentence,
    date_text,
    downtime_sentence,
    minutes_text,
    money_text,
    timezone_text,
)
from wizard.core.project_file import load_project
from wizard.core.summaries import notice_text
from wizard.translations import MESSAGES_DOMAIN, load_translations


@pytest.fixture
def interface() -> Iterator[None]:
    yield
    i18n.install(gettext.NullTranslations())


def use(language: str) -> None:
    i18n.install(load_translations(MESSAGES_DOMAIN, language), language)


def test_english_until_a_language_is_installed() -> None:
    assert i18n.language() == "en"
    project = load_project(US_EXAMPLE)
    assert downtime_sentence(project.metrics[0], project.schedule.coverage).startswith("99.5%")


@pytest.mark.usefixtures("interface")
@pytest.mark.parametrize(("language", "percent", "fee", "notice", "hour", "zone"), [
    ("en", "98.7%", "$2,150.00", "1,000 days' notice", "1 hr", "Pacific Time"),
    ("de", "98,7\u00a0%", "2.150,00\u00a0$", "1.000 Tagen", "1 Std.",
     "Nordamerikanische Westküstenzeit"),
    ("fr", "98,7\u00a0%", "2\u202f150,00\u00a0$US", "1\u202f000 jours", "1\u202fh",
     "heure du Pacifique nord-américain"),
    ("es", "98,7\u00a0%", "2.150,00\u00a0US$", "1.000 días", "1 h", "hora del Pacífico"),
    ("nl", "98,7%", "US$\u00a02.150,00", "1.000 dagen", "1 uur", "Pacific-tijd"),
    ("it", "98,7%", "2.150,00\u00a0USD", "1.000 giorni", "1 h", "Ora del Pacifico USA"),
    ("pt_BR", "98,7%", "US$\u00a02.150,00", "1.000 dias", "1 h", "Horário do Pacífico"),
])
def test_explanations_in_the_interface_language(
        language: str, percent: str, fee: str, notice: str, hour: str, zone: str) -> None:
    """Hand-checked forms per language: a German sentence around "98.7%" and
    "$2,150.00" (the fees of the three services the credited level covers) reads
    as a half-translated window."""
    use(language)
    project = load_project(US_EXAMPLE)
    sentence = credit_example_sentence(project)
    assert sentence is not None
    assert percent in sentence
    assert fee in sentence
    assert money_text(Decimal("2150.00"), "USD") == fee
    assert notice in notice_text(1000)
    assert minutes_text(60) == hour  # not "1 horas", as Babel writes Spanish hours
    assert timezone_text("America/Los_Angeles") == zone
    assert timezone_text("UTC") == ""


@pytest.mark.usefixtures("interface")
def test_dates_and_unknown_currencies() -> None:
    import datetime

    use("de")
    assert date_text(datetime.date(2027, 1, 1)) == "01.01.2027"
    assert money_text(Decimal("12.5"), "XYZ") == "12,50\u00a0XYZ"
