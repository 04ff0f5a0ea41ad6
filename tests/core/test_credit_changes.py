"""The change summary between two drafts names the credit parts format 2 added in
words: a schedule added, its tier changed, the yearly cap, the claim procedure."""

from __future__ import annotations

from decimal import Decimal

from example_paths import US_EXAMPLE

from wizard.core.changes import compare_projects
from wizard.core.model import ClaimDeadlineUnit, CreditForm, CreditKind, CreditSchedule, CreditTier
from wizard.core.project_file import load_project


def test_credit_additions_read_as_sentences() -> None:
    old = load_project(US_EXAMPLE)
    old.service_credits.more_schedules = [
        CreditSchedule(metric="uptime", tiers=[CreditTier(below=Decimal("99.9"),
                                                          credit_percent=Decimal("10"))])]
    new = old.model_copy(deep=True)
    credits = new.service_credits
    credits.more_schedules[0].tiers[0].credit_percent = Decimal("15")
    credits.more_schedules.append(CreditSchedule(kind=CreditKind.PER_MISS, severity="P1",
                                                 percent=Decimal("2.5")))
    credits.yearly_cap_amount = Decimal("5000")
    credits.form = CreditForm.REFUND_AT_END
    credits.claim_procedure.included = True
    credits.claim_procedure.deadline_unit = ClaimDeadlineUnit.BILLING_CYCLES
    credits.claim_procedure.answer_days = 10

    texts = [change.text for change in compare_projects(old, new, "en")]
    assert texts == [
        "Credit schedule tiers on Service availability › tier below 99.9: credit 10% → 15%",
        "Credit schedule added: each missed response of P1",
        "Yearly credit cap (amount): (none) → $5,000.00",
        "Credits are: set off against future invoices → set off, the rest refunded at the end "
        "of the term",
        "Claim procedure: no → yes",
        "Claim deadline counted in: days → billing cycles",
        "Provider answers a claim within: 0 days → 10 days",
    ]
