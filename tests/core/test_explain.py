"""The sentences the wizard shows beside targets and credits, against the
worked values of the spec (sla-content.md) and the US example."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from wizard.core.compute import credit_example_value
from wizard.core.explain import (
    commitment_sentence,
    credit_example_sentence,
    downtime_sentence,
    duration_text,
    minutes_text,
    severity_sentence,
    value_text,
)
from wizard.core.model import (
    AvailabilityMethod,
    Commitment,
    CoverageBlock,
    CreditTier,
    MeasuredDuring,
    Metric,
    MetricKind,
    PartyRole,
    Period,
    Project,
    SamplingMethod,
    SeverityLevel,
    Weekday,
)
from wizard.core.project_file import load_project

ROOT = Path(__file__).resolve().parents[2]
D = Decimal
OFFICE_HOURS = [CoverageBlock(days=[Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU,
                                    Weekday.FRI], start="08:00", end="18:00")]


def availability(target: str, during: MeasuredDuring = MeasuredDuring.ALWAYS,
                 period: Period = Period.MONTH) -> Metric:
    return Metric(id="uptime", name="Availability", kind=MetricKind.AVAILABILITY,
                  target=D(target), period=period, measured_during=during)


@pytest.fixture
def us_project(us_example: Path) -> Project:
    return load_project(us_example)


@pytest.mark.parametrize(
    ("target", "downtime"),
    # 43,200 minutes: 0.05 % is 21.6 min, 0.001 % 25.92 sec, 0.5 % 216 min
    [("99.95", "21 min 36 sec"), ("99.999", "25.9 sec"), ("99.5", "3 hr 36 min")],
)
def test_downtime_of_a_month_around_the_clock(target: str, downtime: str) -> None:
    """The wizard would promise a different downtime than the contract states: both
    name the month they count (30 days)."""
    sentence = downtime_sentence(availability(target), [])

    assert sentence == (f"{target}% of a month of 30 days around the clock allows {downtime} "
                        "of downtime")


def test_downtime_during_office_hours_names_the_weekly_hours() -> None:
    """A user could not tell that 99.5 % of office hours is a smaller promise."""
    sentence = downtime_sentence(availability("99.5", MeasuredDuring.COVERAGE), OFFICE_HOURS)

    # 50 hours a week for 30 days: 214 hours; 0.5 % of them is 64.2 minutes
    assert sentence == ("99.5% of a month of 30 days during coverage hours (50 hr a week) "
                        "allows 1 hr 4 min of downtime")


def test_coverage_that_is_the_whole_week_reads_as_around_the_clock() -> None:
    """An empty coverage list (24×7) would be described as "0 hr a week" or "168 hr"."""
    sentence = downtime_sentence(availability("99.95", MeasuredDuring.COVERAGE), [])

    assert sentence == ("99.95% of a month of 30 days around the clock allows 21 min 36 sec "
                        "of downtime")


def test_other_periods_and_a_perfect_target() -> None:
    """A year's or a 100 % target's downtime would be wrong or read "0 sec"."""
    # 0.1 % of 365 days: 525.6 minutes
    assert downtime_sentence(availability("99.9", period=Period.YEAR), []) == (
        "99.9% of a year of 365 days around the clock allows 8 hr 46 min of downtime")
    assert downtime_sentence(availability("100"), []) == (
        "100% of a month of 30 days around the clock allows no downtime")


def test_a_sampled_level_is_explained_in_whole_failed_intervals() -> None:
    """Checked every 5 minutes, 99.99 % allows not one failed interval in a 31-day month
    (4.46 minutes); 99.9 % of 43,200 minutes allows 8 (43.2 minutes, 40 in whole ones)."""
    sampled = AvailabilityMethod(method=SamplingMethod.SAMPLED_INTERVAL, interval_minutes=5)
    strict = availability("99.99").model_copy(update={"method": sampled})
    assert downtime_sentence(strict, []) == (
        "99.99% around the clock, checked in intervals of 5 min, allows no failed interval "
        "in any month: a single failed interval misses it")
    looser = availability("99.9").model_copy(update={"method": sampled})
    assert downtime_sentence(looser, []) == (
        "99.9% of a month of 30 days around the clock, checked in intervals of 5 min, allows "
        "8 failed intervals (40 min of downtime)")


def test_no_downtime_sentence_for_other_metrics() -> None:
    """A response-time metric would show a meaningless "allowed downtime"."""
    response = Metric(kind=MetricKind.RESPONSE_TIME, target=D(60), unit="minutes")
    wrong_unit = availability("99.5").model_copy(update={"unit": "count"})

    assert downtime_sentence(response, []) == ""
    assert downtime_sentence(wrong_unit, []) == ""


def test_downtime_sentence_keeps_the_digits_typed() -> None:
    """A target typed as 99.950 must not read as a different number."""
    assert downtime_sentence(availability("99.950"), []).startswith("99.95")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 min"), (30, "30 min"), (60, "1 hr"), (90, "1 hr 30 min"), (240, "4 hr"),
     (2400, "40 hr")],
)
def test_minutes_text(minutes: int, text: str) -> None:
    """Response and resolution targets would read as raw minutes or as misleading days."""
    assert minutes_text(minutes) == text


def test_duration_text_of_zero() -> None:
    """No downtime at all would show an empty string."""
    assert duration_text(D(0)) == "0 sec"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [("98.7", "percent", "98.7%"), ("5", "days", "5 days"), ("1.5", "hours", "1.5 hr"),
     ("1200", "count", "1,200"), ("40", "leads", "40 leads")],
)
def test_value_text(value: str, unit: str, text: str) -> None:
    """A measured value in the credit example would lose its unit."""
    assert value_text(D(value), unit) == text


def test_severity_sentence(us_project: Project) -> None:
    """The humanised response and resolution targets under the severity table would be wrong."""
    critical, _high, _normal, request = us_project.severity_levels

    assert severity_sentence(critical) == (
        "P1 Critical: response within 30 min, resolution within 4 hr, at all times")
    assert severity_sentence(request) == (
        "P4 Request: response within 8 hr, no resolution target, counted during coverage hours")
    assert severity_sentence(SeverityLevel()).startswith("(no name): ")


def test_credit_example_of_the_us_example(us_project: Project) -> None:
    """The credit example would disagree with the tiers (99.0 → 10 %), and with the
    level it credits, which covers all three services: 1,250 + 600 + 300 = 2,150."""
    assert credit_example_value(us_project.service_credits) == D("98.7")
    assert credit_example_sentence(us_project) == (
        "At 98.7% availability the customer receives 10% of the monthly fee "
        "($215.00 of $2,150.00).")


def test_credit_example_on_a_level_for_one_service(us_project: Project) -> None:
    """A level covering one service credits that service's fee alone."""
    metric = us_project.metric_by_id(us_project.service_credits.metric)
    assert metric is not None
    metric.service = "endpoints"
    assert credit_example_sentence(us_project) == (
        "At 98.7% availability the customer receives 10% of the monthly fee "
        "($60.00 of $600.00).")


def test_credit_example_with_one_tier_and_a_cap(us_project: Project) -> None:
    """With one tier the example would pick no tier, and a cap would be ignored."""
    credits = us_project.service_credits
    credits.tiers = [CreditTier(below=D("99.5"), credit_percent=D("30"))]

    assert credit_example_value(credits) == D("99.2")
    assert credit_example_sentence(us_project) == (
        "At 99.2% availability the customer receives 25% of the monthly fee "
        "($537.50 of $2,150.00).")  # the cap, 25 %, of all three fees


def test_credit_example_without_fee_or_for_another_metric(us_project: Project) -> None:
    """Without a fee the example would show "None"; for a count the unit would be lost."""
    for service in us_project.services:
        service.monthly_fee = None
    us_project.service_credits.metric = "restore"

    assert credit_example_sentence(us_project) == (
        "At 98.7% for “Successful restore tests” the customer receives 10% of the "
        "monthly fee.")


def test_no_credit_example_when_off_or_incomplete(us_project: Project) -> None:
    """An example would promise credits the contract does not contain."""
    credits = us_project.service_credits
    credits.enabled = False
    assert credit_example_sentence(us_project) is None
    credits.enabled = True
    credits.metric = "no-such-metric"
    assert credit_example_sentence(us_project) is None
    credits.metric = "uptime"
    credits.tiers = []
    assert credit_example_sentence(us_project) is None


def test_credit_example_of_a_zero_credit(us_project: Project) -> None:
    """A cap of 0 % would still show money being paid."""
    us_project.service_credits.cap_percent = D(0)

    assert credit_example_sentence(us_project) == (
        "At 98.7% availability the customer receives no credit.")


def test_no_credit_example_for_a_level_the_customer_owes(us_project: Project) -> None:
    """The example would pay the customer for missing its own service level."""
    assert credit_example_sentence(us_project) is not None
    us_project.metrics[0].owed_by = PartyRole.CUSTOMER

    assert credit_example_sentence(us_project) is None


def test_commitment_sentence_names_the_parties(us_project: Project) -> None:
    """The Basics step would not say who promises what, or how firmly."""
    assert commitment_sentence(us_project) == (
        "The contract says that Northwind IT Services LLC meets its service levels.")
    us_project.agreement.commitment = Commitment.REASONABLE_EFFORTS
    assert commitment_sentence(us_project) == (
        "The contract says that Northwind IT Services LLC uses commercially reasonable "
        "efforts to meet its service levels.")
    us_project.metrics[1].owed_by = PartyRole.CUSTOMER
    assert commitment_sentence(us_project) == (
        "The contract says that Northwind IT Services LLC and Harbor Bakery Co. each use "
        "commercially reasonable efforts to meet their service levels.")
    us_project.agreement.commitment = Commitment.WILL_MEET
    assert commitment_sentence(us_project) == (
        "The contract says that Northwind IT Services LLC and Harbor Bakery Co. each meet "
        "their service levels.")
    for metric in us_project.metrics:
        metric.owed_by = PartyRole.CUSTOMER
    us_project.parties.customer.name = " "
    assert commitment_sentence(us_project) == (
        "The contract says that the customer meets its service levels.")
    us_project.metrics = []
    assert commitment_sentence(us_project) == ""


def test_explain_imports_no_qt() -> None:
    """The sentences would drag Qt into the core and its command-line users."""
    code = ("import sys, wizard.core.explain; "
            "print(','.join(m for m in sys.modules if m.startswith('PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
