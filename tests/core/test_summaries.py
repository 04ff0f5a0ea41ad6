"""The plain-language summary of the term and termination rules."""

from __future__ import annotations

from wizard.core.model import ChronicFailure, Termination
from wizard.core.summaries import (
    chronic_failure_sentence,
    convenience_sentence,
    months_text,
    notice_text,
    term_sentence,
    termination_summary,
)


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
        "Either party may end it at any time, without notice.")
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
