"""The plain-language summary of the term and termination rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.model import (
    ChronicFailure,
    Commitment,
    PartyRole,
    Project,
    Termination,
    TermKind,
)
from wizard.core.project_file import load_project
from wizard.core.summaries import (
    chronic_failure_sentence,
    convenience_sentence,
    left_out_text,
    months_text,
    notice_text,
    service_levels_text,
    term_sentence,
    termination_summary,
)


@pytest.fixture
def us_project(us_example: Path) -> Project:
    return load_project(us_example)


def test_singular_and_plural() -> None:
    """The summary would read "1 months" or "1 days' notice"."""
    assert months_text(1) == "1 month"
    assert months_text(12) == "12 months"
    assert notice_text(1) == "1 day's notice"
    assert notice_text(60) == "60 days' notice"


def test_renewing_term() -> None:
    """The user would not see at a glance how long the agreement runs and how it renews."""
    term = Termination(initial_term_months=12, auto_renew=True, renewal_term_months=12,
                       notice_days=60)
    assert term_sentence(term) == (
        "Runs 12 months, renews for 12 months unless ended with 60 days' notice.")


def test_renewal_without_notice_and_fixed_term() -> None:
    """A term without renewal or without notice would be described wrongly."""
    no_notice = Termination(initial_term_months=1, renewal_term_months=1, notice_days=0)
    assert term_sentence(no_notice) == (
        "Runs 1 month, renews for 1 month unless ended before the term is over.")
    fixed = Termination(initial_term_months=24, auto_renew=False, renewal_term_months=12)
    assert term_sentence(fixed) == (
        "Runs 24 months, then ends unless the parties agree to extend it.")
    assert "renews" not in termination_summary(fixed)


def test_termination_for_convenience() -> None:
    """The summary would hide whether the agreement can be ended early."""
    assert convenience_sentence(Termination(for_convenience_notice_days=None)) == (
        "Neither party may end it early without a reason.")
    assert convenience_sentence(Termination(for_convenience_notice_days=0)) == (
        "Either party may end it at any time, with immediate effect.")
    assert convenience_sentence(Termination(for_convenience_notice_days=30)) == (
        "Either party may end it at any time with 30 days' notice.")


def test_chronic_failure() -> None:
    """The customer's right to leave after repeated misses would be misstated or missing."""
    def sentence(consecutive: int | None, in_year: int | None) -> str:
        return chronic_failure_sentence(Termination(chronic_failure=ChronicFailure(
            consecutive_months=consecutive, months_in_year=in_year)))

    assert sentence(3, 5) == (
        "The customer may leave when a target is missed 3 months in a row or 5 months "
        "within twelve.")
    assert sentence(3, None) == (
        "The customer may leave when a target is missed 3 months in a row.")
    assert sentence(None, 4) == (
        "The customer may leave when a target is missed 4 months within twelve.")
    assert sentence(1, None) == "The customer may leave when a target is missed in 1 month."
    assert sentence(None, None) == ""


def test_whole_summary() -> None:
    """The live summary on the Termination step would be wrong for the US example's terms."""
    term = Termination(initial_term_months=12, auto_renew=True, renewal_term_months=12,
                       notice_days=60, for_convenience_notice_days=None,
                       chronic_failure=ChronicFailure(consecutive_months=3, months_in_year=5))
    assert termination_summary(term) == (
        "Runs 12 months, renews for 12 months unless ended with 60 days' notice. "
        "Neither party may end it early without a reason. "
        "The customer may leave when a target is missed 3 months in a row or 5 months "
        "within twelve.")
    no_chronic = Termination(chronic_failure=ChronicFailure())
    assert not termination_summary(no_chronic).endswith(" ")


def test_agreements_without_a_fixed_term() -> None:
    """The Termination step would describe a term and renewal the agreement does not have."""
    while_used = Termination(term=TermKind.WHILE_SERVICES_USED, initial_term_months=24)
    assert term_sentence(while_used) == "In force while the services are used."
    until_replaced = Termination(term=TermKind.UNTIL_REPLACED, auto_renew=False)
    assert term_sentence(until_replaced) == "In force until a revised agreement replaces it."
    assert termination_summary(Termination(
        term=TermKind.WHILE_SERVICES_USED, for_convenience_notice_days=None,
        chronic_failure=ChronicFailure())) == (
        "In force while the services are used. Neither party may end it without a reason.")
    assert "months" not in termination_summary(until_replaced)


def test_service_levels_in_the_review_summary(us_project: Project) -> None:
    """The review would count the Customer's own levels as the Provider's, or hide an
    efforts-only promise."""
    assert service_levels_text(us_project) == "4"
    us_project.metrics[1].owed_by = PartyRole.CUSTOMER
    assert service_levels_text(us_project) == "4 (1 owed by the customer)"
    us_project.agreement.commitment = Commitment.REASONABLE_EFFORTS
    assert service_levels_text(us_project) == (
        "4 (1 owed by the customer), as commercially reasonable efforts")
    us_project.metrics = []
    assert service_levels_text(us_project) == "0"


def test_parts_left_out(us_project: Project) -> None:
    """The review would not say which usual parts the contract leaves out."""
    assert left_out_text(us_project) == ""
    us_project.exclusions.included = False
    assert left_out_text(us_project) == "exclusions"
    us_project.schedule.support_coverage = None
    us_project.reporting.included = False
    assert left_out_text(us_project) == "support hours, reporting and review, and exclusions"
