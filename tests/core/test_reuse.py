"""Reusing a project for another client, and replacing a name everywhere."""

from __future__ import annotations

import json

from example_paths import US_EXAMPLE

from wizard.core.model import Contact, PartyRole, Project, Service
from wizard.core.project_file import load_project, project_to_bytes
from wizard.core.reuse import copy_for_new_client, new_reference, replace_text


def test_the_next_reference_counts_the_last_number_up() -> None:
    assert new_reference("NW-SLA-2027-014") == "NW-SLA-2027-015"
    assert new_reference("MSP-2027-099") == "MSP-2027-100"
    assert new_reference("A9/rev") == "A10/rev"
    assert new_reference("ACME") == "ACME-2"
    assert new_reference("  ") == ""


def test_a_copy_for_a_new_client_empties_the_clients_details_only() -> None:
    original = load_project(US_EXAMPLE)
    before = project_to_bytes(original)
    result = copy_for_new_client(original)
    copy = result.project
    assert project_to_bytes(original) == before  # the original is untouched
    assert copy.agreement.reference == "NW-SLA-2027-015"
    assert copy.agreement.document_version == "1.0"
    assert copy.parties.customer.name == ""
    assert copy.parties.customer.address == ""
    assert copy.parties.customer.signatory.name == ""
    assert copy.parties.provider == original.parties.provider
    customer_contacts = [c for c in copy.contacts if c.party is PartyRole.CUSTOMER]
    assert [(c.name, c.email, c.role) for c in customer_contacts] == \
        [("", "", original.contacts[2].role)]
    assert [c.name for c in copy.contacts if c.party is PartyRole.PROVIDER] == \
        ["Priya Nair", "Dana Whitfield"]
    assert copy.reporting.recipient == ""  # it was the customer's contact
    assert copy.services == original.services
    assert copy.metrics == original.metrics
    assert "parties.customer.name" in result.to_review
    assert "contacts.2.email" in result.to_review
    assert "parties.provider.name" not in result.to_review
    # the same parts of the file are written, and which fields to fill in and
    # whom the project was for before
    assert json.loads(project_to_bytes(copy)).keys() == \
        json.loads(before).keys() | {"examples", "former_party_names"}
    assert copy.former_party_names == [original.parties.customer.name]
    assert copy.examples["parties.customer.name"] == ""


def test_replace_counts_every_occurrence_in_the_texts() -> None:
    project = Project()
    project.agreement.title = "Acme support for Acme"
    project.parties.customer.name = "Acme Ltd"
    project.contacts = [Contact(name="Jo", role="Acme liaison", party=PartyRole.CUSTOMER)]
    project.services = [Service(id="Acme", name="Helpdesk",
                                included=["Acme laptops", "phones"])]
    assert replace_text(project, "Acme", "Bolt") == 5
    assert project.agreement.title == "Bolt support for Bolt"
    assert project.parties.customer.name == "Bolt Ltd"
    assert project.contacts[0].role == "Bolt liaison"
    assert project.services[0].included == ["Bolt laptops", "phones"]
    assert project.services[0].id == "Acme"  # identifiers are not text


def test_replace_leaves_codes_and_choices_alone() -> None:
    project = Project()
    project.contacts = [Contact(name="customer care", party=PartyRole.CUSTOMER)]
    assert replace_text(project, "customer", "client") == 1
    assert project.contacts[0].party is PartyRole.CUSTOMER
    assert project.contacts[0].name == "client care"
    assert replace_text(project, "US", "GB") == 0
    assert project.language == "en_US" and project.currency == "USD"
    assert replace_text(project, "", "x") == 0
