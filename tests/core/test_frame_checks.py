"""The checks of the optional clauses: a part switched on without what makes
it useful is named on the step where it is edited; a part switched off is
never mentioned."""

from __future__ import annotations

import pytest
from example_paths import US_EXAMPLE

from wizard.core.checks import Problem, Severity, check_project
from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.steps import Step
from wizard.core.text_language import foreign_texts

PARTS = ("measurement_terms", "maintenance_rules", "frame", "commercial", "signing")


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def about(project: Project, *loc: str) -> list[Problem]:
    return [p for p in check_project(project) if p.loc == loc]


def test_parts_switched_off_are_never_mentioned(us: Project) -> None:
    us.language = "en_US"
    us.schedule.maintenance_windows = []
    us.frame.master_prevails = False
    assert not [p for p in check_project(us) if p.loc and p.loc[0] in PARTS]


def test_measurement_terms_without_what_counts_as_unavailable(us: Project) -> None:
    us.measurement_terms.included = True
    [problem] = about(us, "measurement_terms", "unavailable_when")
    assert problem.severity is Severity.WARNING and problem.step is Step.METRICS
    us.measurement_terms.measured_from = "the Provider's external monitoring"
    assert not about(us, "measurement_terms", "unavailable_when")


def test_this_agreement_prevailing_over_no_master_agreement(us: Project) -> None:
    us.frame.included = True
    us.frame.governing_law = "the law of the State of Oregon"
    us.frame.master_prevails = False
    [problem] = about(us, "frame", "master_agreement")
    assert problem.step is Step.TERMINATION
    us.frame.master_agreement = "the Master Services Agreement of 1 March 2026"
    assert not about(us, "frame", "master_agreement")


def test_governing_law_is_asked_for_only_where_the_country_has_none(us: Project) -> None:
    us.frame.included = True
    assert about(us, "frame", "governing_law")
    us.language = "en_GB"
    assert not about(us, "frame", "governing_law")


def test_text_of_a_part_in_another_language_is_named_only_while_the_part_is_on(
        us: Project) -> None:
    us.frame.courts = ("die ordentlichen Gerichte am Sitz des Anbieters, die für alle "
                       "Streitigkeiten aus diesem Vertrag ausschließlich zuständig sind")
    assert not [t for t in foreign_texts(us) if t.loc == ("frame", "courts")]
    us.frame.included = True
    [found] = [t for t in foreign_texts(us) if t.loc == ("frame", "courts")]
    assert found.language == "de" and found.step is Step.TERMINATION


def test_governing_law_is_checked_in_the_language_the_contract_is_written_in(
        us: Project) -> None:
    """A US project written in Brazilian Portuguese or Dutch names Brazilian or
    Dutch law by default: no warning then; and the other way round."""
    us.frame.included = True
    loc = ("frame", "governing_law")
    for locale in ("pt_BR", "nl_NL", "en_GB"):
        assert not [p for p in check_project(us, locale=locale) if p.loc == loc], locale
    assert [p for p in check_project(us, locale="en_US") if p.loc == loc]
    us.language = "pt_BR"
    assert not about(us, *loc)
    assert [p for p in check_project(us, locale="en_US") if p.loc == loc]


def test_an_internal_agreement_with_commercial_terms_or_courts_is_warned_about() -> None:
    """The internal example with the commercial terms on said "It creates no payment
    obligations" beside "The Customer pays each invoice within 30 days"."""
    from example_paths import ROOT

    internal = load_project(ROOT / "resources" / "examples" / "internal-leads-de.slaproj")
    assert not about(internal, "commercial", "included")
    internal.commercial.included = True
    internal.frame.included = True
    (commercial,) = about(internal, "commercial", "included")
    (frame,) = about(internal, "frame", "included")
    assert commercial.severity is Severity.WARNING and commercial.step is Step.TERMINATION
    assert "internal agreement" in commercial.message and "payment" in commercial.message
    assert "courts" in frame.message
    us = load_project(US_EXAMPLE)  # between companies: both parts belong there
    us.commercial.included = us.frame.included = True
    assert not about(us, "commercial", "included") and not about(us, "frame", "included")


def test_an_italian_contract_with_onerous_clauses_asks_for_their_approval(us: Project) -> None:
    """Without the signing formalities an Italian contract's sole remedy, caps and
    renewal have no specific approval, and a court may not enforce them."""
    us.language = "it_IT"
    (problem,) = about(us, "signing", "included")
    assert "1341" in problem.message and problem.step is Step.TERMINATION
    us.signing.included = True
    assert not about(us, "signing", "included")
    us.signing.included = False
    us.language = "fr_FR"
    assert not about(us, "signing", "included")
