"""Customer groups, the middle level of a multi-level agreement: saved only when
there are any, kept when saved and opened again, and a format-1 file holding the
name as an unknown key keeps it aside."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from docx_reading import ContractText, read_contract
from example_paths import EXAMPLES, US_EXAMPLE

from wizard.core.changes import compare_projects
from wizard.core.checks import Problem, Severity, check_project
from wizard.core.contract import SUPPORTED_LOCALES, build_context
from wizard.core.migrations import format_1_to_2
from wizard.core.model import (
    AgreementType,
    CreditTier,
    CustomerGroup,
    Direction,
    GroupCreditTiers,
    GroupTarget,
    Metric,
    MetricKind,
    Project,
)
from wizard.core.presets import new_project
from wizard.core.project_file import load_project, project_to_bytes, save_project
from wizard.core.references import metric_references, redirect, removal_consequences
from wizard.core.render import render_contract
from wizard.core.steps import Step


def gold() -> CustomerGroup:
    return CustomerGroup(
        id="gold", name="Gold", description="Customers on the Gold plan.",
        targets=[GroupTarget(metric="availability", target=Decimal("99.95"))],
        credit_tiers=[GroupCreditTiers(metric="availability", tiers=[
            CreditTier(below=Decimal("99.95"), credit_percent=Decimal("10"))])])


def test_a_project_without_groups_saves_without_the_key() -> None:
    assert "customer_groups" not in json.loads(project_to_bytes(Project()))


def test_groups_are_kept_when_saved_and_opened_again(tmp_path: Path) -> None:
    project = Project(customer_groups=[gold()])
    path = tmp_path / "groups.slaproj"
    save_project(project, path)
    saved = json.loads(path.read_bytes())
    assert saved["customer_groups"][0]["targets"] == [
        {"metric": "availability", "target": "99.95"}]
    assert load_project(path).customer_groups == project.customer_groups


def test_a_group_inherits_the_targets_it_does_not_name() -> None:
    group = gold()
    availability = Metric(id="availability", target=Decimal("99.5"))
    response = Metric(id="response", target=Decimal("30"))
    assert group.target_for(availability) == Decimal("99.95")
    assert group.target_for(response) == Decimal("30")


def test_a_format_1_file_keeps_a_key_of_that_name_aside() -> None:
    data = format_1_to_2({"customer_groups": ["whatever"]})
    assert data == {"format_1_customer_groups": ["whatever"]}


# --------------------------------------------------------------------------- the contract


def contract(project: Project, locale: str = "en_US") -> ContractText:
    return read_contract(render_contract(project, locale))


def with_groups(project: Project) -> Project:
    """``project`` as a multi-level agreement with a Gold group that tightens the
    first availability level and has credit tiers of its own, and a Silver group
    that names nothing."""
    project.agreement.type = AgreementType.MULTI_LEVEL
    availability = next(m for m in project.metrics if m.kind is MetricKind.AVAILABILITY)
    project.customer_groups = [
        CustomerGroup(id="gold", name="Gold", description="Customers on the Gold plan.",
                      targets=[GroupTarget(metric=availability.id, target=Decimal("99.95"))],
                      credit_tiers=[GroupCreditTiers(metric=availability.id, tiers=[
                          CreditTier(below=Decimal("99.95"), credit_percent=Decimal("10")),
                          CreditTier(below=Decimal("99"), credit_percent=Decimal("25"))])]),
        CustomerGroup(id="silver", name="Silver"),
    ]
    return project


def test_the_table_shows_every_level_for_the_organisation_and_each_group() -> None:
    project = with_groups(load_project(US_EXAMPLE))
    text = contract(project)
    assert "# Service levels by customer group" in text.headings()
    table = next(t for t in text.tables if t[0][:2] == ["Service level", "Whole organization"])
    assert table[0] == ["Service level", "Whole organization", "Gold", "Silver"]
    assert len(table) == 1 + len(project.metrics)
    for metric, row in zip(project.metrics, table[1:], strict=True):
        word = "at least" if metric.direction is Direction.AT_LEAST else "at most"
        organisation = row[1]
        assert row[0] == metric.name and organisation.startswith(word)
        # Silver names nothing: its column repeats the organisation's targets
        assert row[3] == organisation
        if metric.id == project.customer_groups[0].targets[0].metric:
            assert row[2] == "at least 99.95%"
        else:
            assert row[2] == organisation
    body = text.text
    assert "Customer group “Gold”: Customers on the Gold plan." in body
    assert "Customer group “Silver”." in body
    assert "only where the table shows a different value" in body


def test_a_group_s_own_availability_and_credit_tiers_are_printed() -> None:
    project = with_groups(load_project(US_EXAMPLE))
    availability = next(m for m in project.metrics if m.kind is MetricKind.AVAILABILITY)
    text = contract(project)
    body = text.text
    assert f"{availability.name} for customer group “Gold”: A target of 99.95% allows" in body
    assert "For customer group “Gold”, the Service Credits for the Service Level" in body
    tiers = [t for t in text.tables if t[0] == ["Measured value in the month", "Service credit"]]
    assert ["below 99.95%, down to and including 99%", "10%"] in tiers[0]
    assert ["below 99%", "25%"] in tiers[0]
    # the organisation's own tiers still come first in the credits section
    assert len(tiers) == 2


def test_only_an_agreement_with_groups_calls_itself_multi_level() -> None:
    project = load_project(US_EXAMPLE)
    project.agreement.type = AgreementType.MULTI_LEVEL
    single = contract(project).text
    assert "multi-level" not in single
    assert "by customer group" not in single
    assert "apply to the whole organization of the Customer" in single
    assert "This is a multi-level agreement" in contract(with_groups(project)).text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_without_groups_reads_as_before(path: Path) -> None:
    project = load_project(path)
    assert not project.customer_groups
    assert build_context(project)["customer_groups"]["included"] is False
    assert "customer group" not in contract(project).text.replace("Customer Group", "")


def test_the_multi_level_preset_shows_its_levels() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    assert len(project.customer_groups) >= 2
    text = contract(project)
    assert "# Service levels by customer group" in text.headings()
    assert "This is a multi-level agreement" in text.text


# --------------------------------------------------------------------------- changes


def test_the_change_summary_names_group_changes() -> None:
    old = new_project(AgreementType.MULTI_LEVEL)
    new = old.model_copy(deep=True)
    first, second = new.customer_groups[:2]
    first.targets[0].target = Decimal("99.8")
    second.credit_tiers[0].tiers[1].credit_percent = Decimal("20")
    new.customer_groups.append(CustomerGroup(id="extra", name="Extra"))
    lines = [change.text for change in compare_projects(old, new, "en")]
    assert all(change.step is Step.METRICS for change in compare_projects(old, new, "en"))
    assert lines[0].startswith(f"Customer group {first.name} › own target for ")
    assert lines[0].endswith(": target 99.7 → 99.8")
    assert lines[1].endswith("› tier below 99: credit 15% → 20%")
    assert lines[2] == "Customer group added: Extra"
    assert "Customer group removed: Extra" in [
        change.text for change in compare_projects(new, old, "en")]


def test_a_preset_s_group_names_are_marked_as_examples() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    assert project.examples["customer_groups.0.name"] == project.customer_groups[0].name
    assert "customer_groups.1.description" in project.examples


# --------------------------------------------------------------------------- checks


def group_problems_of(project: Project) -> list[Problem]:
    return [p for p in check_project(project) if p.loc[:1] == ("customer_groups",)]


def test_the_multi_level_preset_has_no_group_problems() -> None:
    assert group_problems_of(new_project(AgreementType.MULTI_LEVEL)) == []


def test_a_multi_level_agreement_without_groups_is_warned_about() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    project.customer_groups = []
    (problem,) = group_problems_of(project)
    assert problem.severity is Severity.WARNING and problem.step is Step.METRICS
    assert "Add customer groups" in problem.message
    project.agreement.type = AgreementType.SERVICE_BASED
    assert group_problems_of(project) == []


def test_a_group_needs_a_name_and_an_identifier_of_its_own() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    project.customer_groups[1].id = project.customer_groups[0].id
    project.customer_groups[1].name = " "
    found = {(p.severity, p.loc) for p in group_problems_of(project)}
    assert (Severity.ERROR, ("customer_groups", 0, "id")) in found
    assert (Severity.ERROR, ("customer_groups", 1, "id")) in found
    assert (Severity.ERROR, ("customer_groups", 1, "name")) in found


def test_overrides_that_point_nowhere_say_nothing_or_loosen_are_found() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    availability = project.metric_by_id("availability")
    response = project.metric_by_id("desk-response")
    assert availability and response and response.direction is Direction.AT_MOST
    project.customer_groups[0].targets = [
        GroupTarget(metric="nowhere", target=Decimal("1")),
        GroupTarget(metric="availability", target=availability.target),
        GroupTarget(metric="desk-response", target=response.target + 10),
    ]
    problems = {p.loc: p for p in group_problems_of(project)}
    missing = problems[("customer_groups", 0, "targets", 0, "metric")]
    assert missing.severity is Severity.ERROR and "does not exist" in missing.message
    same = problems[("customer_groups", 0, "targets", 1, "target")]
    assert same.severity is Severity.WARNING and "says nothing new" in same.message
    looser = problems[("customer_groups", 0, "targets", 2, "target")]
    assert looser.severity is Severity.WARNING and "looser" in looser.message
    # a tighter target (less time for an at-most level) is what groups are for
    project.customer_groups[0].targets = [
        GroupTarget(metric="desk-response", target=response.target - 10)]
    assert group_problems_of(project) == []


def test_credit_tiers_without_a_tier_schedule_or_like_the_organisation_s() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    retail = project.customer_groups[1]
    retail.credit_tiers[0].tiers = list(project.service_credits.tiers)
    (same,) = group_problems_of(project)
    assert same.loc == ("customer_groups", 1, "credit_tiers", 0, "tiers")
    assert same.path == "customer_groups[2].credit_tiers[1].tiers"  # counted from 1
    retail.credit_tiers[0].metric = "desk-response"
    (unused,) = group_problems_of(project)
    assert "leaves them out" in unused.message


def test_more_groups_than_a_page_has_room_for_are_warned_about() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    project.customer_groups = [CustomerGroup(id=f"g{n}", name=f"Group {n}") for n in range(6)]
    (problem,) = group_problems_of(project)
    assert problem.loc == ("customer_groups",) and "too narrow" in problem.message


# --------------------------------------------------------------------------- references


def test_a_renamed_or_removed_service_level_takes_the_groups_overrides_along() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    references = metric_references(project, "availability")
    redirect(references, "uptime")
    head_office, retail = project.customer_groups
    assert head_office.targets[0].metric == "uptime"
    assert retail.credit_tiers[0].metric == "uptime"
    assert project.service_credits.metric == "uptime"
    response = project.metric_by_id("desk-response")
    assert response is not None
    said = removal_consequences(project, response)
    assert "The customer group “Head Office” has its own terms for this service level." in said
    assert "The customer group “Retail” has its own terms for this service level." in said


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_contract_language_prints_the_groups_targets_in_its_own_format(
        locale: str) -> None:
    project = with_groups(load_project(US_EXAMPLE))
    rows = build_context(project, locale)["customer_groups"]["rows"]
    availability = next(i for i, m in enumerate(project.metrics)
                        if m.kind is MetricKind.AVAILABILITY)
    gold = rows[availability]["targets"][0]
    assert format_decimal(Decimal("99.95"), locale=locale) in gold
    table = next(t for t in contract(project, locale).tables if len(t[0]) == 4
                 and t[0][2:] == ["Gold", "Silver"])
    assert len(table) == 1 + len(project.metrics)
