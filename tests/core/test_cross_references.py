"""No clause points at something the contract does not contain, and clauses point at
each other by section number, counted as the contract numbers its sections."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.model import Contact, MaintenanceWindow, Project, StandardExclusion
from wizard.core.project_file import load_project
from wizard.core.render import render_contract


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def text_of(project: Project) -> str:
    return read_contract(render_contract(project, "en_US")).text


def numbered_headings(project: Project) -> dict[str, int]:
    """Each top-level heading with the number Word gives it: the headings are
    numbered automatically, one after another."""
    contract = read_contract(render_contract(project, "en_US"))
    titles = [line.removeprefix("# ") for line in contract.body
              if line.startswith("# ")]
    # the top-level titles of the standard template (the others are sub-headings)
    top = ["Purpose and scope", "Definitions", "Contacts and responsibilities", "Services",
           "Availability schedule", "Service levels", "Service credits", "Reporting and review",
           "Exclusions", "Term and termination", "Signatures"]
    present = [title for title in titles if title in top]
    return {title: number for number, title in enumerate(present, start=1)}


def test_sections_are_cited_by_the_numbers_they_carry(us: Project) -> None:
    numbers = numbered_headings(us)
    assert numbers["Availability schedule"] == 5 and numbers["Term and termination"] == 10
    text = text_of(us)
    assert ("Scheduled maintenance carried out within the maintenance windows and with the "
            "notice set out in section 5.") in text
    assert "without prejudice to the rights to terminate set out in section 10." in text
    assert "A measurable target for a service, set out in section 6." in text
    assert "other than the exclusions set out in section 9." in text
    assert "The hours, set out in section 5, during which the services are to be available." \
        in text
    assert "Service Levels section" not in text and "set out in this agreement" not in text


def test_leaving_out_a_section_renumbers_the_references(us: Project) -> None:
    us.reporting.included = False
    numbers = numbered_headings(us)
    assert "Reporting and review" not in numbers
    assert numbers["Exclusions"] == 8 and numbers["Term and termination"] == 9
    text = text_of(us)
    assert "other than the exclusions set out in section 8." in text
    assert "the rights to terminate set out in section 9." in text


@pytest.mark.parametrize(("windows", "notice", "expected"), [
    (True, True, "Scheduled maintenance carried out within the maintenance windows and with "
                 "the notice set out in section 5."),
    (True, False, "Scheduled maintenance carried out within the maintenance windows set out in "
                  "section 5."),
    (False, True, "Scheduled maintenance announced with the notice set out in section 5."),
    (False, False, "Scheduled maintenance announced to the Customer in advance."),
])
def test_the_maintenance_exclusion_names_only_what_the_agreement_sets_out(
        us: Project, windows: bool, notice: bool, expected: str) -> None:
    assert StandardExclusion.SCHEDULED_MAINTENANCE in us.exclusions.standard
    us.schedule.maintenance_windows = [MaintenanceWindow()] if windows else []
    us.schedule.maintenance_notice_hours = 48 if notice else 0
    text = text_of(us)
    assert expected in text
    if not windows:
        assert "maintenance windows" not in text
    if not notice:
        assert "with the notice" not in text


def test_suspension_is_not_said_to_follow_a_clause_the_contract_lacks(us: Project) -> None:
    us.exclusions.standard = [StandardExclusion.SUSPENSION_NON_PAYMENT]
    us.commercial.included = True  # the payment clause that gives the right to suspend
    text = text_of(us)
    assert ("Suspension of the services because undisputed fees were not paid when due, after "
            "written notice to the Customer.") in text
    assert "in accordance with this agreement" not in text


def test_contacts_without_signatories(us: Project) -> None:
    us.contacts = []
    assert "Each party\u2019s signatory is its contact for this agreement." in text_of(us)
    us.parties.customer.signatory.name = ""
    text = text_of(us)
    assert "signatory is its contact" not in text
    assert "Each party names its contact for this agreement to the other party in writing." \
        in text


@pytest.mark.parametrize(("escalation", "reviews", "expected"), [
    (True, True, "A missed Service Level is handled through the escalation path set out in "
                 "section 3.1 and at the reviews set out in section 8."),
    (True, False, "A missed Service Level is handled through the escalation path set out in "
                  "section 3.1."),
    (False, True, "A missed Service Level is handled at the reviews set out in section 8."),
    (False, False, "A missed Service Level is raised in writing with the other party\u2019s "
                   "contact."),
])
def test_without_credits_a_miss_goes_where_the_agreement_has_somewhere(
        us: Project, escalation: bool, reviews: bool, expected: str) -> None:
    us.service_credits.enabled = False
    us.reporting.included = reviews
    if not escalation:
        us.contacts = [Contact(name=c.name, party=c.party, role=c.role, email=c.email)
                       for c in us.contacts]  # nobody on an escalation level
    text = text_of(us)
    assert "No service credits apply under this agreement. " + expected in text
    assert ("Escalation path" in text) is escalation


def test_emergency_maintenance_is_excluded_by_one_rule(us: Project) -> None:
    """With the maintenance rules on, the exclusion still said "announced as early
    as reasonably possible" beside "at least 4 hours in advance, up to 2 hours"."""
    us.exclusions.standard = [StandardExclusion.EMERGENCY_MAINTENANCE]
    loose = "announced as early as reasonably possible"
    assert loose in text_of(us)
    us.maintenance_rules.included = True
    us.maintenance_rules.emergency_notice_hours = 4
    us.maintenance_rules.emergency_cap_minutes_per_month = 120
    text = text_of(us).replace("\u00a0", " ")
    assert loose not in text
    # the maintenance rules are the schedule section's (5) one subsection
    assert ("Emergency maintenance carried out as set out in section 5.1, within the limits set "
            "out there.") in text
    assert "The Provider gives notice of emergency maintenance at least 4 hours in advance." \
        in text
    german = read_contract(render_contract(us, "de_DE")).text
    assert "wie in Abschnitt 5.1 festgelegt und innerhalb der dort bestimmten Grenzen" in german


@pytest.mark.parametrize(("locale", "reference"), [
    ("en_US", "as set out in section 6.3."), ("de_DE", "wie in Abschnitt 6.3 festgelegt."),
    ("fr_FR", "selon les modalités prévues à l’article 6.3."),
    ("it_IT", "secondo quanto previsto all’articolo 6.3."),
])
def test_the_measurement_terms_are_cited_by_their_number(
        us: Project, locale: str, reference: str) -> None:
    """"as set out under “Measurement and incidents” below" named a section by its heading."""
    us.measurement_terms.included = True
    text = read_contract(render_contract(us, locale)).text
    assert reference in text
    assert "Measurement and incidents”" not in text and "Messung und Störungen“" not in text
