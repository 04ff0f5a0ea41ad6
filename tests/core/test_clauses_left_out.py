"""Clauses a published SLA does not have can be left out (format 2): the
contacts section without contacts, the clause that no credits apply, the
sentence on ending for convenience, review meetings. Each is read back from
the contract, on and off, in English and German; a clause left out takes its
section number with it, and no other clause points at it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.model import Project, ReviewFrequency
from wizard.core.project_file import load_project, save_project
from wizard.core.render import render_contract


def contract(project: Project, locale: str = "en_US") -> tuple[str, list[str]]:
    document = read_contract(render_contract(project, locale))
    return document.text, [line.removeprefix("# ") for line in document.headings()]


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def without_contacts(project: Project) -> Project:
    project.contacts = []
    return project


def test_contacts_section_without_contacts_says_who_the_contacts_are(us: Project) -> None:
    text, headings = contract(without_contacts(us))
    assert "Contacts and responsibilities" in headings
    assert "Each party’s signatory is its contact for this agreement." in text


def termination_section_cited(text: str) -> int:
    match = re.search(r"without prejudice to the rights to terminate set out in section (\d+)",
                      text)
    assert match, text
    return int(match.group(1))


def test_contacts_section_left_out_renumbers_what_follows(us: Project) -> None:
    us.service_credits.sole_remedy = True
    us.termination.cure_days = 30
    text, _ = contract(without_contacts(us))
    before = termination_section_cited(text)
    us.agreement.contacts_fallback = False
    text, headings = contract(us)
    assert "Contacts and responsibilities" not in headings
    assert "is its contact for this agreement" not in text
    assert "names its contact" not in text
    assert termination_section_cited(text) == before - 1


def test_contacts_are_printed_whatever_the_switch(us: Project) -> None:
    us.agreement.contacts_fallback = False
    text, headings = contract(us)
    assert "Contacts and responsibilities" in headings
    assert us.contacts[0].name in text


def test_no_credits_clause_on_and_off(us: Project) -> None:
    us.service_credits.enabled = False
    text, headings = contract(us)
    assert "Service credits" in headings
    assert "No service credits apply under this agreement." in text
    us.service_credits.no_credits_clause = False
    text, headings = contract(us)
    assert "Service credits" not in headings
    assert "No service credits apply" not in text
    german, _ = contract(us, "de_DE")
    assert "Servicegutschrift" not in german


def test_no_credits_clause_does_nothing_while_credits_apply(us: Project) -> None:
    assert us.service_credits.enabled
    with_clause, _ = contract(us)
    us.service_credits.no_credits_clause = False
    assert contract(us)[0] == with_clause


def test_convenience_not_stated(us: Project) -> None:
    us.termination.for_convenience_notice_days = None
    text, _ = contract(us)
    assert "Neither party may terminate this agreement for convenience" in text
    us.termination.convenience_clause = False
    text, _ = contract(us)
    assert "for convenience" not in text
    us.termination.for_convenience_notice_days = 60
    text, _ = contract(us)
    assert "at any time" not in text
    german, _ = contract(us, "de_DE")
    assert "ordentlich" not in german and "jederzeit" not in german


def test_sole_remedy_cites_termination_rights_only_when_there_are_some(us: Project) -> None:
    us.service_credits.sole_remedy = True
    term = us.termination
    term.chronic_failure.consecutive_months = None
    term.chronic_failure.months_in_year = None
    term.cure_days = 30
    text, _ = contract(us)
    assert ("sole and exclusive remedy for a missed Service Level, without prejudice to the "
            "rights to terminate set out in section") in text
    term.cure_days = 0
    term.for_convenience_notice_days = None
    text, _ = contract(us)
    assert "sole and exclusive remedy for a missed Service Level." in text
    assert "without prejudice" not in text


def test_no_reviews(us: Project) -> None:
    us.service_credits.enabled = False
    us.reporting.baseline_review = True
    text, headings = contract(us)
    assert "The parties review this agreement and the Service Levels every quarter." in text
    assert "Reporting and review" in headings
    us.reporting.review_frequency = ReviewFrequency.NONE
    text, headings = contract(us)
    assert "The parties review this agreement" not in text
    assert "at a review" not in text
    assert "at the reviews set out" not in text
    assert "Reporting" in headings and "Reporting and review" not in headings
    assert "The Provider reports on the Service Levels every month" in text


def test_additions_saved_only_when_set(tmp_path: Path, us: Project) -> None:
    path = tmp_path / "a.slaproj"
    save_project(us, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "contacts_fallback" not in data["agreement"]
    assert "convenience_clause" not in data["termination"]
    assert "no_credits_clause" not in data["service_credits"]
    us.agreement.contacts_fallback = False
    us.termination.convenience_clause = False
    us.service_credits.no_credits_clause = False
    us.reporting.review_frequency = ReviewFrequency.NONE
    save_project(us, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["agreement"]["contacts_fallback"] is False
    assert data["termination"]["convenience_clause"] is False
    assert data["service_credits"]["no_credits_clause"] is False
    again = load_project(path)
    assert again == us


def test_tightening_at_a_review_without_reviews_is_warned_about(us: Project) -> None:
    from wizard.core.checks import check_project

    us.reporting.baseline_review = True
    assert not [p for p in check_project(us) if p.loc == ("reporting", "baseline_review")]
    us.reporting.review_frequency = ReviewFrequency.NONE
    problems = [p for p in check_project(us) if p.loc == ("reporting", "baseline_review")]
    assert len(problems) == 1 and "no reviews are agreed" in problems[0].message


def test_around_the_clock_without_support_hours_has_no_table_of_days(us: Project) -> None:
    """Seven rows of "all day" say what one sentence says."""
    us.schedule.coverage = []
    us.schedule.support_coverage = None
    document = read_contract(render_contract(us, "en_US"))
    assert "The services are to be available around the clock, every day except public " \
        "holidays" in document.text
    assert not [table for table in document.tables if table[0][:2] == ["Day", "Service coverage"]]
    assert "Coverage Hours are:" not in document.text


def test_the_kind_of_agreement_sentence_can_be_left_out(us: Project) -> None:
    sentence = "This is a customer-based agreement"
    assert sentence in contract(us)[0]
    us.agreement.scope_sentence = False
    assert sentence not in contract(us)[0]
    assert us.agreement.purpose.strip().split(".")[0] in contract(us)[0]
    # never an empty section: without a purpose, the sentence stays
    us.agreement.purpose = ""
    assert sentence in contract(us)[0]


def test_a_ticked_exclusion_the_contract_leaves_out_is_warned_about(us: Project) -> None:
    """A novice ticked "suspension for non-payment" and never learned that the contract
    left it out for want of payment terms."""
    from wizard.core.checks import check_project
    from wizard.core.model import StandardExclusion

    assert StandardExclusion.SUSPENSION_NON_PAYMENT in us.exclusions.standard
    assert not us.commercial.included
    warned = [p for p in check_project(us) if p.loc[:2] == ("exclusions", "standard")]
    assert len(warned) == 1 and "no payment terms" in warned[0].message
    assert "suspend" not in contract(us)[0].lower()
    us.commercial.included = True
    assert not [p for p in check_project(us) if p.loc[:2] == ("exclusions", "standard")]
