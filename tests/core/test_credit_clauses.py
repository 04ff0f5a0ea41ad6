"""The service-credit clause for several schedules, credits that are not tiers,
caps per month and per year, the form credits take and the claim procedure, read
back from the generated contract in English and German, with the worked examples'
arithmetic done by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx_reading import read_contract
from example_paths import EXAMPLES

from wizard.core.model import (
    ClaimDeadlineUnit,
    ClaimProcedure,
    CreditForm,
    CreditKind,
    CreditSchedule,
    CreditTier,
    LastMonthCredit,
    Project,
)
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

US_EXAMPLE = next(p for p in EXAMPLES if p.name == "msp-it-support.slaproj")
# The example's services cost $1,250.00 + $600.00 + $300.00 = $2,150.00 a month; its
# availability level "Service availability" covers every service.


def example(*schedules: CreditSchedule, **credits: object) -> Project:
    project = load_project(US_EXAMPLE)
    project.service_credits.more_schedules = list(schedules)
    for name, value in credits.items():
        setattr(project.service_credits, name, value)
    return project


def text(project: Project, locale: str = "en_US") -> str:
    return read_contract(render_contract(project, locale)).text


def clause(project: Project, locale: str = "en_US") -> str:
    """The service-credit section, heading to the next heading, as a reader sees it
    (a no-break space as a space)."""
    lines = text(project, locale).replace("\u00a0", " ").splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line in ("# Service credits", "# Servicegutschriften"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#"))
    return "\n".join(lines[start:end])


def test_a_credit_per_missed_response() -> None:
    project = example(CreditSchedule(kind=CreditKind.PER_MISS, severity="P1",
                                     percent=Decimal("2.5")))
    english = clause(project)
    assert ("For each response to an Incident of severity “Critical” that misses its target, "
            "the Customer receives a Service Credit of 2.5% of that month’s fees.") in english
    # two misses × 2.5 % = 5 % of $2,150.00 = $107.50
    assert ("For example, after 2 missed responses in a month the Customer receives 5% of the "
            "monthly fees of the services concerned ($2,150.00), that is $107.50.") in english
    german = clause(project, "de_DE")
    assert "2,5 %" in german and "107,50 $" in german and "2.150,00 $" in german


def test_lost_time_at_an_hourly_rate_and_prorated() -> None:
    hourly = CreditSchedule(kind=CreditKind.LOST_TIME, metric="uptime",
                            hourly_rate=Decimal("40"))
    prorated = CreditSchedule(kind=CreditKind.LOST_TIME, metric="uptime")
    english = clause(example(hourly, prorated))
    assert ("For each hour of Downtime counted against the Service Level “Service "
            "availability”, the Customer receives a Service Credit of $40.00, counted to the "
            "minute.") in english
    # 2 hours × $40.00
    assert "after 2 hours of downtime in a month the Customer receives a credit of $80.00." \
        in english
    assert ("receives a Service Credit of the fees for the affected services for the time "
            "lost, prorated on a month of 43,830 minutes.") in english
    # $2,150.00 × 120 / 43,830 = $5.886… → $5.89
    assert ("after 2 hours of downtime in a month the Customer receives a credit of "
            "$5.89.") in english
    german = clause(example(hourly, prorated), "de_DE")
    assert "80,00 $" in german and "5,89 $" in german and "43.830" in german


def test_a_multiple_of_the_downtime_with_a_minimum() -> None:
    schedule = CreditSchedule(kind=CreditKind.MULTIPLE_OF_DOWNTIME, metric="uptime",
                              multiple=Decimal("10"), minimum_credit=Decimal("100"))
    english = clause(example(schedule))
    assert "for 10 times the time lost, prorated on a month of 43,830 minutes." in english
    # 10 × 120 minutes: $2,150.00 × 1,200 / 43,830 = $58.86…, raised to the minimum $100.00
    assert "after 2 hours of downtime in a month the Customer receives a credit of $100.00." \
        in english
    assert "A Service Credit due under the schedule above is at least $100.00." in english
    assert "100,00 $" in clause(example(schedule), "de_DE")


def test_worked_examples_say_a_credit_one_way_whatever_the_schedule() -> None:
    """A credit that is a share of the fees is that share of the monthly fees of
    the services concerned; any other is "a credit of" its amount: never "of a
    monthly fee"."""
    share = CreditSchedule(metric="uptime", tiers=[
        CreditTier(below=Decimal("99.9"), credit_percent=Decimal("10")),
        CreditTier(below=Decimal("99"), credit_percent=Decimal("25"))])
    minimum = CreditSchedule(kind=CreditKind.PER_MISS, severity="P1", percent=Decimal("1"),
                             minimum_credit=Decimal("125"))
    english = clause(example(share, minimum))
    # 25 % of $2,150.00; 2 × 1 % = $43.00, raised to the minimum $125.00
    assert ("For example, at 98.7% the Customer receives 25% of the monthly fees of the "
            "services concerned ($2,150.00), that is $537.50.") in english
    assert ("For example, after 2 missed responses in a month the Customer receives a credit "
            "of $125.00.") in english
    examples = [line for line in english.splitlines()
                if line.startswith(("For example, at 98.7%", "For example, after"))]
    # the further schedules' examples (the first tiers' is the template's own)
    assert len(examples) == 3 and not [line for line in examples[1:] if "a monthly fee" in line]


def test_a_second_schedule_with_its_own_tiers_and_cap() -> None:
    schedule = CreditSchedule(metric="uptime", cap_percent=Decimal("20"), tiers=[
        CreditTier(below=Decimal("99.9"), credit_percent=Decimal("10")),
        CreditTier(below=Decimal("99"), credit_percent=Decimal("30"))])
    contract = read_contract(render_contract(example(schedule), "en_US"))
    assert any(["below 99.9%, down to and including 99%", "10%"] in table
               for table in contract.tables)
    assert any(["below 99%", "30%"] in table for table in contract.tables)
    english = clause(example(schedule))
    # at 99 − 0.3 = 98.7: 30 % of $2,150.00 = $645.00, capped at 20 % = $430.00
    assert ("For example, at 98.7% the Customer receives 20% of the monthly fees of the "
            "services concerned ($2,150.00), that is $430.00.") in english
    assert ("Service Credits under the schedule above are capped at 20% of a month’s fees "
            "for the affected services.") in english
    assert "430,00 $" in clause(example(schedule), "de_DE")


def test_yearly_cap_and_refund_at_the_end_of_the_term() -> None:
    english = clause(example(yearly_cap_percent=Decimal("15"), yearly_cap_amount=None,
                             form=CreditForm.REFUND_AT_END))
    assert ("The Service Credits of any twelve consecutive months are capped at 15% of the "
            "fees of those months.") in english
    assert ("The Customer claims a Service Credit in writing within 30 days after the end of "
            "the month concerned. Credits are set off against the next invoices; what has not "
            "been set off when the agreement ends is refunded.") in english
    amount = clause(example(yearly_cap_amount=Decimal("5000")))
    assert "capped at $5,000.00 in all." in amount


def test_an_automatic_waiver_needs_no_claim() -> None:
    english = clause(example(form=CreditForm.AUTOMATIC_WAIVER))
    assert "Service Credits need no claim" in english
    assert "claims a Service Credit" not in english


def test_the_claim_procedure() -> None:
    procedure = ClaimProcedure(
        included=True, channel="the support portal", contents=["the month", "the tickets"],
        deadline=2, deadline_unit=ClaimDeadlineUnit.BILLING_CYCLES, answer_days=10,
        last_month=LastMonthCredit.LAPSES)
    project = example(claim_procedure=procedure)
    whole = text(project)
    english = clause(project)
    assert ("The Customer sends a claim for a Service Credit to the support portal within 2 "
            "billing cycles after the end of the month concerned.") in english
    assert "A claim contains:\nthe month\nthe tickets" in english
    assert ("The Provider accepts or rejects a claim within 10 days of receiving it") in english
    assert ("An accepted credit is set off against the next invoice. Credits are not paid out "
            "in cash. A credit for the last month of the term, which no invoice follows, "
            "lapses.") in english
    assert "in writing within 30 days" not in english
    assert "Billing Cycle" in whole
    assert "2 billing cycles" in english and "10 Tage" in clause(project, "de_DE")
    # a refunded last month is the one exception to "no cash", said in one sentence
    procedure.last_month = LastMonthCredit.REFUNDED
    english = clause(project)
    assert ("An accepted credit is set off against the next invoice. Credits are not paid out "
            "in cash, except a credit for the last month of the term, which no invoice follows: "
            "it is refunded.") in english
    assert "Credits are not paid out in cash." not in english


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_switched_off_the_new_parts_leave_no_trace(locale: str) -> None:
    """A claim procedure filled in and switched off, and schedules that name no
    level, change nothing in the contract."""
    plain = text(load_project(US_EXAMPLE), locale)
    procedure = ClaimProcedure(included=False, channel="the support portal",
                               contents=["the month"], answer_days=10)
    unused = example(CreditSchedule(metric="no-such-level", kind=CreditKind.LOST_TIME),
                     claim_procedure=procedure)
    assert text(unused, locale) == plain
    assert "Billing Cycle" not in plain
