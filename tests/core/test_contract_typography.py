"""Typography and wording a careful reader of each language expects: weekdays in lower
case inside a sentence where the language writes them so, tier bands that say whether
their bound is included, places named as people name them, no possessive to get wrong."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.project_file import load_project
from wizard.core.render import render_contract


def contract_text(locale: str) -> str:
    return read_contract(render_contract(load_project(US_EXAMPLE), locale)).text


@pytest.mark.parametrize(("locale", "window"), [
    ("en_US", "Sunday from 2:00\u202fAM, for up to 3"),
    ("de_DE", "Sonntag ab 02:00 Uhr"),
    ("fr_FR", "Chaque dimanche à partir de 2\u00a0h"),
    ("es_ES", "Cada domingo, con hora de inicio 2:00"),
    ("nl_NL", "Op zondag vanaf 02:00"),
    ("it_IT", "Domenica dalle 02:00"),
    ("pt_BR", "Domingo, a partir das 02:00"),
])
def test_a_weekday_inside_a_sentence_is_written_as_the_language_writes_it(
        locale: str, window: str) -> None:
    """"Chaque Dimanche", "Cada Domingo", "Op Zondag" read as translated by a machine;
    an item still begins with a capital letter ("Domenica dalle …")."""
    assert window in contract_text(locale)


def test_a_tier_band_says_its_lower_bound_is_included() -> None:
    """A credit table whose rows do not say where 99 % itself belongs invites a dispute."""
    text = contract_text("en_US")
    assert "below 99.5%, down to and including 99.0%" in text
    assert "below 99.0%, down to and including 97.0%" in text


@pytest.mark.parametrize(("locale", "zone"), [
    ("en_US", "Pacific Time"),
    ("de_DE", "Nordamerikanische Westküstenzeit"),
    ("fr_FR", "heure du Pacifique nord-américain"),
])
def test_the_time_zone_is_named_as_people_name_it(locale: str, zone: str) -> None:
    text = contract_text(locale)
    assert zone in text
    assert "America/Los_Angeles" not in text


def test_operative_text_looks_operative_and_amendments_are_a_numbered_heading() -> None:
    """Grey text reads as a drafting note; the availability rule binds, so it is set
    like the rest. "Amendments" in bold without a number was the one unnumbered rule."""
    import io

    from docx import Document

    document = Document(io.BytesIO(render_contract(load_project(US_EXAMPLE), "en_US")))
    convention = next(p for p in document.paragraphs
                      if p.text.startswith("Each allowance is exact for the period it names"))
    assert all(run.font.color.rgb is None for run in convention.runs)
    assert convention.style.name == "Normal"
    amendments = next(p for p in document.paragraphs if p.text == "Amendments")
    assert amendments.style.name == "Heading 2"


@pytest.mark.parametrize(("locale", "typed", "written"), [
    ("en_US", "99.0", "99.0%"), ("en_US", "99.50", "99.50%"), ("en_US", "99", "99%"),
    ("de_DE", "99.0", "99,0\u00a0%"), ("fr_FR", "99.95", "99,95\u00a0%"),
])
def test_a_percentage_is_written_with_the_digits_typed(locale: str, typed: str,
                                                         written: str) -> None:
    """"99.0" typed and "99%" in the contract is not what was agreed in the draft."""
    import gettext
    from decimal import Decimal

    from wizard.core.contract import ContractFormatter

    formatter = ContractFormatter(locale, "USD", gettext.NullTranslations())
    assert formatter.percent(Decimal(typed)) == written


def test_french_hours_are_written_with_h() -> None:
    """"08:00" reads as a computer's clock in a French contract: 8 h, 18 h 30."""
    import gettext

    from wizard.core.contract import ContractFormatter

    french = ContractFormatter("fr_FR", "EUR", gettext.NullTranslations())
    assert [french.clock(t) for t in ("08:00", "18:30", "00:00", "24:00")] == [
        "8\u00a0h", "18\u00a0h\u00a030", "0\u00a0h", "24\u00a0h"]
    text = contract_text("fr_FR")
    assert "08:00" not in text and "20:00" not in text
