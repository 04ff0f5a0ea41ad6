"""The checks of further credit schedules, the yearly cap and the claim procedure
name the field at fault."""

from __future__ import annotations

from decimal import Decimal

from example_paths import US_EXAMPLE

from wizard.core.checks import Severity, check_project
from wizard.core.model import (
    ClaimProcedure,
    CreditForm,
    CreditKind,
    CreditSchedule,
    Project,
)
from wizard.core.project_file import load_project


def problems(project: Project) -> dict[tuple[str | int, ...], tuple[Severity, str]]:
    return {p.loc: (p.severity, p.message) for p in check_project(project)
            if p.loc[:1] == ("service_credits",)}


def test_a_complete_project_has_no_credit_problem() -> None:
    project = load_project(US_EXAMPLE)
    project.service_credits.more_schedules = [
        CreditSchedule(kind=CreditKind.PER_MISS, severity="P1", percent=Decimal("2")),
        CreditSchedule(kind=CreditKind.LOST_TIME, metric="uptime")]
    project.service_credits.claim_procedure = ClaimProcedure(included=True, channel="the portal")
    assert problems(project) == {}


def test_each_schedule_names_what_it_lacks() -> None:
    project = load_project(US_EXAMPLE)
    credits = project.service_credits
    credits.more_schedules = [
        CreditSchedule(kind=CreditKind.PER_MISS, severity="P9"),
        CreditSchedule(kind=CreditKind.LOST_TIME, metric="first-response"),
        CreditSchedule(kind=CreditKind.MULTIPLE_OF_DOWNTIME, metric="uptime"),
        CreditSchedule(metric="uptime", cap_percent=Decimal("120")),
    ]
    credits.yearly_cap_amount = Decimal("-1")
    found = problems(project)
    schedules = ("service_credits", "more_schedules")
    assert found[(*schedules, 0, "severity")][1] == (
        "Choose the severity level whose missed responses earn credits.")
    assert found[(*schedules, 0, "percent")][1] == (
        "Give the credit for each missed response, as a percentage.")
    assert "availability level" in found[(*schedules, 1, "metric")][1]
    assert found[(*schedules, 2, "multiple")][0] is Severity.ERROR
    assert found[(*schedules, 3, "tiers")][1] == "Add at least one credit tier."
    assert found[(*schedules, 3, "cap_percent")][1] == "A percentage must be between 0 and 100."
    assert found[("service_credits", "yearly_cap_amount")][1] == (
        "An amount of money cannot be below zero.")


def test_a_claim_procedure_without_a_channel_or_with_automatic_credits() -> None:
    project = load_project(US_EXAMPLE)
    credits = project.service_credits
    credits.claim_procedure = ClaimProcedure(included=True)
    loc = ("service_credits", "claim_procedure", "channel")
    assert problems(project)[loc][0] is Severity.WARNING
    credits.form = CreditForm.AUTOMATIC_WAIVER
    found = problems(project)
    assert loc not in found
    assert found[("service_credits", "claim_procedure", "included")][0] is Severity.WARNING


def test_switched_off_credits_are_not_checked() -> None:
    project = load_project(US_EXAMPLE)
    project.service_credits.enabled = False
    project.service_credits.more_schedules = [CreditSchedule(kind=CreditKind.PER_MISS)]
    assert problems(project) == {}


def test_no_claim_window_is_asked_for_when_the_contract_does_not_use_one() -> None:
    project = load_project(US_EXAMPLE)
    credits = project.service_credits
    credits.claim_window_days = 0
    window = ("service_credits", "claim_window_days")
    assert window in problems(project)
    credits.claim_procedure = ClaimProcedure(included=True, channel="the portal")
    assert window not in problems(project)
    credits.claim_procedure.included = False
    credits.form = CreditForm.AUTOMATIC_WAIVER
    assert window not in problems(project)
