"""What a typesetter and a contracts lawyer mark in the margin of a generated
contract, read back from the rendered .docx in the locales where it showed:
the possessive of a notice period, zero periods, apostrophes, e-mail addresses
broken at their hyphen, identifiers instead of places, British spelling in US
English, a lone table row, a scope sentence that contradicts the contract."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.model import AgreementType, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.core.spelling import US_SPELLINGS

FR_EXAMPLE = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"
DE_EXAMPLE = ROOT / "resources" / "examples" / "internal-leads-de.slaproj"


def text_of(project: Project, locale: str) -> str:
    return read_contract(render_contract(project, locale)).text


def test_a_notice_period_takes_the_possessive() -> None:
    """"60 days notice" is wrong English; "60 days’ written notice", "1 day’s"."""
    project = load_project(US_EXAMPLE)
    project.termination.for_convenience_notice_days = 1
    text = text_of(project, "en_US")
    assert ("unless either party gives at least 60\u00a0days\u2019 written notice before the "
            "end of the current term") in text
    assert "at any time by giving at least 1\u00a0day\u2019s written notice." in text
    assert "days notice" not in text
    assert "60 days" not in text and "1 day\u2019s" not in text  # a no-break space binds them


ZERO_DAYS = {"en_US": "0 days", "de_DE": "0 Tage", "fr_FR": "0 jour", "es_ES": "0 días",
             "nl_NL": "0 dagen", "it_IT": "0 giorni", "pt_BR": "0 dias"}


@pytest.mark.parametrize("locale", [loc for loc in ZERO_DAYS if loc in SUPPORTED_LOCALES])
def test_a_period_of_zero_leaves_its_clause_out_or_says_what_zero_means(locale: str) -> None:
    """"within 0 days" or "at least 0 hours in advance" is a drafting slip in any
    language; zero notice means the clause says "in writing" or "with immediate effect"."""
    project = load_project(US_EXAMPLE)
    term = project.termination
    term.notice_days = 0
    term.for_convenience_notice_days = 0
    term.cure_days = 0
    term.data_return_days = 0
    project.service_credits.claim_window_days = 0
    project.schedule.maintenance_notice_hours = 0
    text = text_of(project, locale)
    number_zero = re.compile(r"(?<![\d.,])0[\s\u00a0]")
    assert ZERO_DAYS[locale] not in text.replace("\u00a0", " ")
    assert not number_zero.search(text), number_zero.search(text)
    if locale == "en_US":
        assert "unless either party gives notice in writing before the end" in text
        assert "at any time, with immediate effect, by notice in writing" in text


@pytest.mark.parametrize("locale", [loc for loc in ("en_US", "en_GB", "fr_FR", "de_DE")
                                    if loc in SUPPORTED_LOCALES])
def test_apostrophes_are_curly_like_the_quotes_beside_them(locale: str) -> None:
    """“the Provider” beside "the Customer's" mixes two typefaces of punctuation."""
    text = text_of(load_project(US_EXAMPLE), locale)
    assert "'" not in text
    if locale.startswith("en"):
        assert "that month\u2019s fees" in text


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_an_e_mail_address_never_breaks_at_its_own_hyphen(locale: str) -> None:
    """Broken at the line end after "northwind-", the reader cannot tell whether the
    hyphen belongs to the address: Word's non-breaking hyphen, drawn as a hyphen."""
    document = Document(io.BytesIO(render_contract(load_project(US_EXAMPLE), locale)))
    cells = [paragraph for table in document.tables for row in table.rows
             for cell in row.cells for paragraph in cell.paragraphs]
    address = next(p for p in cells if "support@northwind" in p._p.xml)
    texts = "".join(t.text or "" for t in address._p.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert texts == "support@northwindit.example"  # the hyphen is not breakable text
    assert "<w:noBreakHyphen/>" in address._p.xml
    assert "\u2011" not in document.element.body.xml  # no glyph the font may lack


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_places_are_named_never_written_as_identifiers(locale: str) -> None:
    """"America/Los_Angeles" and "US-OR" are database keys, not places."""
    text = text_of(load_project(US_EXAMPLE), locale)
    assert "America/Los_Angeles" not in text
    assert "Los_Angeles" not in text
    assert "US-OR" not in text
    assert "Oregon" in text


def test_a_german_holiday_region_is_bavaria_by_name() -> None:
    text = text_of(load_project(DE_EXAMPLE), "de_DE")
    assert "DE-BY" not in text
    assert "Bayern, Deutschland" in text


def british_spellings_in_the_clause_text() -> set[str]:
    """The British spellings the clause catalog and the template hold."""
    from babel.messages.pofile import read_po

    sources = [(ROOT / "templates" / "build_standard_template.py").read_text(encoding="utf-8")]
    with (ROOT / "resources" / "locale" / "fr" / "LC_MESSAGES" / "contract.po").open("rb") as po:
        for message in read_po(po):
            sources.extend(message.id if isinstance(message.id, tuple) else [message.id])
    words = {word.casefold() for text in sources for word in re.findall(r"[A-Za-z]+", text)}
    return {british for british in US_SPELLINGS if british in words}


def test_us_english_uses_us_spelling() -> None:
    """An American client reads "organisation" as a foreign draft."""
    british = british_spellings_in_the_clause_text()
    assert "organisation" in british
    project = load_project(US_EXAMPLE)
    project.agreement.type = AgreementType.MULTI_LEVEL
    us_text = text_of(project, "en_US").casefold()
    found = [word for word in british if re.search(rf"\b{word}\b", us_text)]
    assert found == []
    assert "whole organization" in us_text
    if "en_GB" in SUPPORTED_LOCALES:
        assert "whole organisation" in text_of(project, "en_GB")


def test_a_service_based_agreement_does_not_claim_to_bind_every_customer() -> None:
    """One customer signs it: "the same terms for every customer" contradicts that."""
    text = text_of(load_project(FR_EXAMPLE), "en_US")
    assert "same terms for every customer" not in text
    assert ("This is a service-based agreement: it sets out, between the Provider and the "
            "Customer, the service levels of the services it describes.") in text


def test_no_table_row_is_left_alone_on_a_page() -> None:
    """The heading row stays with the first row, the last row with the one before."""
    document = Document(io.BytesIO(render_contract(load_project(US_EXAMPLE), "en_US")))
    credits = next(t for t in document.tables
                   if t.rows[0].cells[0].text == "Measured value in the month")
    rows = credits.rows
    assert len(rows) == 4

    def kept(row_index: int) -> bool:
        return all(p.paragraph_format.keep_with_next for cell in rows[row_index].cells
                   for p in cell.paragraphs)

    assert kept(0) and kept(2)
    assert not kept(3)


def test_a_weeks_hours_are_kept_whole_on_one_page() -> None:
    """The German example's hours table broke after its heading and Monday,
    the other six days on the next page; a long table still may break."""
    document = Document(io.BytesIO(render_contract(load_project(DE_EXAMPLE), "de_DE")))
    week = next(t for t in document.tables if len(t.rows) == 8
                and t.rows[1].cells[0].text.startswith("Montag"))

    def kept(row: object) -> bool:
        return all(p.paragraph_format.keep_with_next for cell in row.cells  # type: ignore[attr-defined]
                   for p in cell.paragraphs)

    assert all(kept(row) for row in week.rows[:-1]) and not kept(week.rows[-1])
    project = load_project(US_EXAMPLE)
    project.service_credits.tiers = project.service_credits.tiers * 4  # 13 rows with the heading
    document = Document(io.BytesIO(render_contract(project, "en_US")))
    credits = next(t for t in document.tables
                   if t.rows[0].cells[0].text == "Measured value in the month")
    assert len(credits.rows) > 9
    assert kept(credits.rows[0]) and not kept(credits.rows[3])


def test_the_worked_credit_example_looks_like_the_clause_it_belongs_to() -> None:
    """Set in grey it read as a drafting note beside a binding clause."""
    document = Document(io.BytesIO(render_contract(load_project(US_EXAMPLE), "en_US")))
    example = next(p for p in document.paragraphs if p.text.startswith("For example, at "))
    clause = next(p for p in document.paragraphs
                  if p.text.startswith("If the Service Level ") and "Service Credit" in p.text)
    assert example.style.name == clause.style.name
    assert {run.font.color.rgb for run in example.runs} <= {None}


@pytest.mark.parametrize("locale", ["en_US", "it_IT", "de_DE"])
def test_a_term_the_user_defines_replaces_the_built_in_one_in_any_language(locale: str) -> None:
    """The US example defines "Incident" in English; its Italian contract also
    listed the built-in "Incidente", the same term defined twice."""
    document = Document(io.BytesIO(render_contract(load_project(US_EXAMPLE), locale)))
    definitions = next(t for t in document.tables if len(t.columns) == 2 and len(t.rows) > 5
                       and t.rows[1].cells[0].text.strip())
    terms = [row.cells[0].text.strip() for row in definitions.rows[1:]]
    assert "Incident" in terms
    assert not {"Incidente", "Störung"} & set(terms)
    cloud = load_project(FR_EXAMPLE)  # no user definition: the built-in one, translated
    english = read_contract(render_contract(cloud, "en_US")).text
    assert "An unplanned interruption of a service, or a reduction in its quality" in english


def test_a_partys_registration_is_labelled_and_one_escalation_level_is_not_a_ladder() -> None:
    """"OR 1234567-89" stood under the address with nothing saying what it is;
    one level was introduced as "escalated to the next level"."""
    project = load_project(US_EXAMPLE)
    text = read_contract(render_contract(project, "en_US")).text
    assert "Registration: OR 1234567-89" in text
    assert "Registernummer: OR 1234567-89" in read_contract(render_contract(project, "de_DE")).text
    assert "escalated to the next level:" in text
    for contact in project.contacts:
        contact.escalation_level = min(contact.escalation_level, 1)
    text = read_contract(render_contract(project, "en_US")).text
    assert "escalated to the next level" not in text
    assert "A matter the parties’ contacts cannot resolve is escalated to:" in text
