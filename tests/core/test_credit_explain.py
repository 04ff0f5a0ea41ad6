"""The live sentences of the Credits step for further schedules and the yearly cap,
worked out by hand."""

from __future__ import annotations

from decimal import Decimal

from example_paths import US_EXAMPLE

from wizard.core.credit_explain import schedule_sentence, yearly_cap_sentence
from wizard.core.model import CreditKind, CreditSchedule
from wizard.core.project_file import load_project


def test_schedule_sentences() -> None:
    project = load_project(US_EXAMPLE)  # fees $1,250 + $600 + $300 = $2,150.00
    hourly = CreditSchedule(kind=CreditKind.LOST_TIME, metric="uptime",
                            hourly_rate=Decimal("40"))
    assert schedule_sentence(project, hourly, "en") == (
        "After 2 hr of downtime in a month the customer receives $80.00.")
    multiple = CreditSchedule(kind=CreditKind.MULTIPLE_OF_DOWNTIME, metric="uptime",
                              multiple=Decimal("10"))
    # $2,150.00 × 1,200 / 43,830 = $58.86
    assert schedule_sentence(project, multiple, "de_DE") == (
        "After 2 Std. of downtime in a month the customer receives 58,86\u00a0$ (of a "
        "monthly fee of 2.150,00\u00a0$).")
    assert schedule_sentence(project, CreditSchedule(metric="no-such-level")) is None


def test_yearly_cap_sentence() -> None:
    project = load_project(US_EXAMPLE)
    assert yearly_cap_sentence(project, "en") is None
    project.service_credits.yearly_cap_amount = Decimal("2000")
    assert yearly_cap_sentence(project, "en") == (
        "The credits of any twelve consecutive months add up to at most $2,000.00; each "
        "month's credit counts those of the eleven months before it.")
    project.service_credits.yearly_cap_percent = Decimal("5")
    # 5 % of 12 × $2,150.00 = $1,290.00, below the amount
    assert yearly_cap_sentence(project, "en") == (
        "The credits of any twelve consecutive months add up to at most $1,290.00; each "
        "month's credit counts those of the eleven months before it. ($25,800.00 is twelve "
        "months of the fees credited.)")
