"""The presets offered on the Start step: valid, complete, clearly examples."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from docx_reading import read_contract

from wizard.core.checks import Severity, Step, check_project
from wizard.core.model import FORMAT_VERSION, AgreementType, MeasuredDuring, PartyKind, Project
from wizard.core.presets import PRESETS, blank_project, new_project, preset_path
from wizard.core.project_file import load_project, project_from_bytes, project_to_bytes
from wizard.core.render import render_contract


@pytest.fixture(params=PRESETS, ids=lambda kind: kind.value)
def kind(request: pytest.FixtureRequest) -> AgreementType:
    value: AgreementType = request.param
    return value


def test_presets_cover_every_type_in_wizard_order() -> None:
    """The Start step lists the four SLA types in the order the spec gives them."""
    assert PRESETS == (
        AgreementType.CUSTOMER_BASED,
        AgreementType.SERVICE_BASED,
        AgreementType.MULTI_LEVEL,
        AgreementType.INTERNAL,
    )


def test_preset_file_is_named_after_its_type(kind: AgreementType) -> None:
    path = preset_path(kind)
    assert path.name == f"{kind.value}.slaproj"
    assert path.is_file()


def test_preset_loads_with_its_type_and_common_settings(kind: AgreementType) -> None:
    project = new_project(kind)
    assert project.agreement.type is kind
    assert project.language == "en_US"
    assert project.currency == "USD"
    assert project.agreement.effective_date == datetime.date(2027, 1, 1)
    # the file's project, its names and texts marked as examples
    assert project.examples
    assert project.examples["parties.customer.name"] == project.parties.customer.name
    assert project.model_copy(update={"examples": {}}) == load_project(preset_path(kind))


def test_preset_file_is_the_current_format_with_decimals_as_text(kind: AgreementType) -> None:
    """The file is what the app itself would save: no floats, nothing missing."""
    raw = preset_path(kind).read_bytes()
    data = json.loads(raw, parse_float=lambda text: pytest.fail(f"float {text} in preset"))
    assert data["format"] == "sla-project"
    assert data["format_version"] == FORMAT_VERSION
    assert "examples" not in data  # marked when a project is made from it
    assert json.loads(project_to_bytes(load_project(preset_path(kind)))) == data


def test_preset_has_no_check_errors(kind: AgreementType) -> None:
    """A preset must generate a contract straight away; only deliberate warnings."""
    problems = check_project(new_project(kind))
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    warnings = {(p.step, p.loc) for p in problems if p.severity is Severity.WARNING}
    allowed: set[tuple[Step, tuple[str | int, ...]]] = set()
    if kind is AgreementType.SERVICE_BASED:
        # Availability around the clock with office-hours support: the warning
        # teaches to say who restores the service at night, which the preset
        # answers in the support desk's responsibilities; so does the warning
        # that Critical incidents are answered at 3 a.m. on Sunday.
        allowed = {(Step.METRICS, ("metrics", 0, "measured_during")),
                   (Step.METRICS, ("severity_levels", 0, "measured_during"))}
    assert warnings <= allowed


def test_preset_fills_every_section(kind: AgreementType) -> None:
    """A preset is complete, like the examples, so every step shows something."""
    project = new_project(kind)
    agreement = project.agreement
    assert agreement.purpose and agreement.definitions and agreement.document_version
    for party in (project.parties.provider, project.parties.customer):
        assert party.name and party.address
        assert party.signatory.name and party.signatory.title and party.signatory.email
    assert project.contacts
    assert any(c.escalation_level > 0 for c in project.contacts)
    for contact in project.contacts:
        assert contact.role and contact.email and contact.phone and contact.responsibilities
    assert project.services
    for service in project.services:
        assert service.id and service.name and service.description and service.included
    assert project.metrics
    for metric in project.metrics:
        assert metric.measurement
    assert project.reporting.recipient and project.reporting.contents
    assert project.exclusions.standard
    assert project.termination.amendments


def test_preset_is_clearly_marked_as_example(kind: AgreementType) -> None:
    """Nobody must be able to send a preset unchanged without noticing."""
    project = new_project(kind)
    assert project.agreement.title.endswith(" (example)")
    assert project.agreement.reference == "EXAMPLE-001"
    assert "Example" in project.parties.provider.name
    assert "Example" in project.parties.customer.name
    emails = [c.email for c in project.contacts] + [
        p.signatory.email for p in (project.parties.provider, project.parties.customer)
    ]
    assert all(e.endswith("@example.com") for e in emails), emails
    for contact in project.contacts:
        digits = "".join(ch for ch in contact.phone if ch.isdigit())
        assert digits[-7:-2] == "55501", contact.phone


def test_preset_renders_a_contract(kind: AgreementType) -> None:
    project = new_project(kind)
    contract = read_contract(render_contract(project))
    assert project.parties.provider.name in contract.text
    assert project.parties.customer.name in contract.text
    assert "(example)" in contract.body[0]


def test_customer_based_preset_content() -> None:
    project = new_project(AgreementType.CUSTOMER_BASED)
    assert len(project.services) >= 3
    assert project.schedule.coverage, "office hours, not around the clock"
    availability = project.metric_by_id(project.service_credits.metric)
    assert availability is not None
    assert availability.target == Decimal("99.5")
    assert availability.measured_during is MeasuredDuring.COVERAGE
    assert any(m.kind == "response_time" for m in project.metrics)
    assert [s.id for s in project.severity_levels] == ["P1", "P2", "P3", "P4"]
    credits = project.service_credits
    assert credits.enabled
    assert max(t.below for t in credits.tiers) == availability.target
    assert project.reporting.review_frequency == "quarterly"


def test_service_based_preset_content() -> None:
    project = new_project(AgreementType.SERVICE_BASED)
    assert len(project.services) == 1
    assert project.schedule.coverage == []
    assert project.schedule.support_coverage, "support answers in office hours only"
    availability = project.metric_by_id(project.service_credits.metric)
    assert availability is not None
    assert availability.target == Decimal("99.9")
    assert availability.measured_during is MeasuredDuring.ALWAYS
    assert any(m.kind == "error_rate" for m in project.metrics)
    assert project.service_credits.enabled
    on_call = [r for c in project.contacts for r in c.responsibilities if "on-call" in r]
    assert on_call, "someone must restore the service at night"


def test_multi_level_preset_content() -> None:
    project = new_project(AgreementType.MULTI_LEVEL)
    assert 2 <= len(project.services) <= 3
    assert len({m.kind for m in project.metrics}) >= 3
    assert any(m.service == "*" for m in project.metrics), "a corporate-level metric"
    assert any(m.service != "*" for m in project.metrics), "service-level metrics"


def test_internal_preset_has_no_fees_and_no_credits() -> None:
    """Departments escalate and review; they do not pay each other penalties."""
    project = new_project(AgreementType.INTERNAL)
    assert project.parties.provider.kind is PartyKind.DEPARTMENT
    assert project.parties.customer.kind is PartyKind.DEPARTMENT
    assert all(s.monthly_fee is None for s in project.services)
    credits = project.service_credits
    assert not credits.enabled
    assert credits.metric is None
    assert credits.tiers == []
    assert credits.cap_percent is None
    assert credits.claim_window_days == 0
    assert not credits.sole_remedy
    kinds = {m.kind for m in project.metrics}
    assert {"throughput", "response_time"} <= kinds
    assert project.reporting.frequency == "monthly"
    assert any("friction" in c.casefold() for c in project.reporting.contents)
    assert any(c.escalation_level > 0 for c in project.contacts)


def test_new_project_returns_independent_objects(kind: AgreementType) -> None:
    """Editing one new project must not change the next one made from the preset."""
    first = new_project(kind)
    first.agreement.title = "Changed"
    first.services[0].included.append("Something else")
    first.metrics.clear()
    second = new_project(kind)
    assert second.agreement.title.endswith(" (example)")
    assert "Something else" not in second.services[0].included
    assert second.metrics
    assert second is not first


def test_blank_project_saves_and_loads() -> None:
    project = blank_project()
    assert isinstance(project, Project)
    assert project.agreement.title == ""
    assert project.services == []
    again = project_from_bytes(project_to_bytes(project), preset_path(PRESETS[0]))
    assert again == project
    assert blank_project() is not project
