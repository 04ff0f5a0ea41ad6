"""Example values in the core: which fields a preset marks, when a mark no
longer counts, and the warning about a former client's name left in a text."""

from __future__ import annotations

from example_paths import US_EXAMPLE

from wizard.core.checks import Severity, Step
from wizard.core.example_checks import former_party_problems
from wizard.core.examples import examples_left, is_example, locate, steps_with_examples
from wizard.core.model import AgreementType, Project
from wizard.core.presets import blank_project, new_project
from wizard.core.project_file import load_project, project_to_bytes
from wizard.core.reuse import copy_for_new_client, replace_text


def test_a_preset_marks_its_names_and_texts_but_not_its_figures() -> None:
    """A preset's customer would look like a real one; or its targets and
    times, sensible defaults, would all have to be retyped."""
    project = new_project(AgreementType.CUSTOMER_BASED)
    for path in ("agreement.title", "agreement.purpose", "parties.customer.name",
                 "parties.provider.address", "services.0.description", "contacts.0.email"):
        assert is_example(project, path), path
    # how a level is measured is the preset's wording (a managed IT provider's), not a figure
    assert is_example(project, "metrics.0.measurement")
    assert is_example(project, "severity_levels.0.definition")
    # a fee and a baseline are the preset's figures, not the user's; targets are defaults
    assert is_example(project, "services.0.monthly_fee")
    assert is_example(project, "metrics.0.baseline") is (project.metrics[0].baseline is not None)
    assert not any(path.startswith(("metrics", "schedule", "service_credits"))
                   and not path.endswith((".measurement", ".baseline"))
                   for path in project.examples)
    assert {Step.BASICS, Step.PARTIES, Step.STAKEHOLDERS, Step.SERVICES} <= \
        steps_with_examples(project)
    assert examples_left(blank_project()) == []
    assert examples_left(load_project(US_EXAMPLE)) == []


def test_a_field_written_over_holds_no_example_even_with_its_mark() -> None:
    """A name replaced across the project, or a service moved in the list,
    would still count (or lend its mark to another service) as an example."""
    project = new_project(AgreementType.CUSTOMER_BASED)
    customer = project.parties.customer.name
    assert replace_text(project, customer, "Harbor Dental") > 0
    assert "parties.customer.name" in project.examples
    assert not is_example(project, "parties.customer.name")
    assert project.examples["parties.customer.name"] == customer  # no text of the agreement
    project.services.reverse()
    assert not is_example(project, "services.0.description")
    labels = [e.label for e in examples_left(project)]
    assert "Customer" not in labels


def test_marks_are_saved_and_read_back() -> None:
    """A saved preset would open with its examples looking like real input."""
    project = new_project(AgreementType.SERVICE_BASED)
    reloaded = Project.model_validate_json(project_to_bytes(project))
    assert reloaded.examples == project.examples
    assert examples_left(reloaded) == examples_left(project)


def test_locate_finds_an_item_inside_the_project() -> None:
    project = new_project(AgreementType.CUSTOMER_BASED)
    assert locate(project, project) == ""
    assert locate(project, project.parties.customer) == "parties.customer"
    assert locate(project, project.services[2]) == "services.2"
    assert locate(project, project.parties.customer.signatory) == \
        "parties.customer.signatory"
    assert locate(project, object()) is None


def test_the_former_clients_name_in_a_text_is_a_warning_until_it_is_a_party_again() -> None:
    """A copy for a new client would send the previous client's name in the
    purpose of the new client's contract."""
    copy = copy_for_new_client(load_project(US_EXAMPLE)).project
    assert copy.former_party_names == ["Harbor Bakery Co."]
    copy.parties.customer.name = "Harbor Dental"
    (problem,) = [p for p in former_party_problems(copy) if p.loc == ("agreement", "purpose")]
    assert problem.severity is Severity.WARNING
    assert problem.step is Step.BASICS
    assert "Harbor Bakery Co." in problem.message
    copy.agreement.purpose = copy.agreement.purpose.replace("Harbor Bakery", "Harbor Dental")
    assert not [p for p in former_party_problems(copy) if p.loc == ("agreement", "purpose")]
    # the same client again: nothing to warn about
    copy.agreement.purpose += " Harbor Bakery Co. too."
    copy.parties.customer.name = "harbor bakery co."
    assert former_party_problems(copy) == []


def test_a_former_name_is_found_as_a_whole_phrase_only() -> None:
    project = blank_project()
    project.former_party_names = ["Acme Inc.", "AB"]
    project.parties.customer.name = "Bolt Ltd"
    project.agreement.purpose = "Services for Acmeville and for ABBA."
    assert former_party_problems(project) == []
    project.agreement.purpose = "Services for ACME, Inc. — no: for acme."
    assert [p.loc for p in former_party_problems(project)] == [("agreement", "purpose")]


def test_the_checks_list_the_former_clients_name() -> None:
    """What `check`, the Review page and the field messages show."""
    from wizard.core.checks import check_project

    copy = copy_for_new_client(load_project(US_EXAMPLE)).project
    copy.parties.customer.name = "Harbor Dental"
    assert any(p.loc == ("agreement", "purpose") and "Harbor Bakery Co." in p.message
               for p in check_project(copy))


def test_a_presets_lists_are_examples_until_one_item_changes() -> None:
    """A dentist's contract kept the preset's "Training courses" and report
    contents because nothing marked them as someone else's example."""
    project = new_project(AgreementType.CUSTOMER_BASED)
    service = project.services[0]
    assert service.included, "the preset lists what its first service includes"
    assert is_example(project, "services.0.included")
    assert project.examples["services.0.included"] == "\n".join(service.included)
    assert is_example(project, "reporting.contents")
    labels = {e.path: e for e in examples_left(project)}
    assert labels["services.0.included"].value.splitlines() == service.included
    assert labels["reporting.contents"].step is Step.REPORTING
    service.included = [*service.included[:-1], "Printer set-up"]
    assert not is_example(project, "services.0.included")
    assert "services.0.included" not in {e.path for e in examples_left(project)}
    # an emptied list is not the example either
    project.reporting.contents = []
    assert not is_example(project, "reporting.contents")


def test_example_marks_follow_their_items_when_one_is_removed_or_moved() -> None:
    """Removing the second example contact left the last two unmarked: their
    example.com addresses passed for the user's own and reached the contract."""
    from wizard.core.examples import follow_items

    project = new_project(AgreementType.CUSTOMER_BASED)
    names = [c.name for c in project.contacts]
    assert len(names) >= 3
    after = follow_items(project)
    del project.contacts[1]
    after()
    left = {e.path for e in examples_left(project)}
    for index in range(len(project.contacts)):
        assert f"contacts.{index}.email" in left, index
    assert project.examples["contacts.1.name"] == names[2]
    after = follow_items(project)
    project.contacts.reverse()
    after()
    assert project.examples["contacts.0.name"] == project.contacts[0].name == names[-1]
    assert all(is_example(project, f"contacts.{i}.name") for i in range(len(project.contacts)))
