"""Example values look like examples: a project started from a preset shows
the preset's names and texts in placeholder style, typing replaces them, a
step with examples left is not complete, and Review lists what was not
replaced; a project reused for another client warns about the previous
client's name left in its texts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.example_checks import former_party_problems
from wizard.core.examples import examples_left, is_example
from wizard.core.model import AgreementType
from wizard.core.project_file import load_project
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.parties import PartiesPage
from wizard.ui.pages.review import ReviewPage
from wizard.ui.pages.stakeholders import StakeholdersPage
from wizard.ui.step_states import StepState, step_state
from wizard.ui.style import EXAMPLE_PROPERTY

CUSTOMER = "parties.customer.name"


def parties_page(window: MainWindow) -> PartiesPage:
    window.go_to(window.pages.index_of(Step.PARTIES))
    page = window.current_page()
    assert isinstance(page, PartiesPage)
    return page


def review_page(window: MainWindow) -> ReviewPage:
    window.go_to(window.pages.index_of(Step.REVIEW))
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    return page


def review_lines(review: ReviewPage) -> list[str]:
    return [review.problem_list.item(row).text() for row in range(review.problem_list.count())]


def test_a_preset_shows_its_names_as_examples_and_typing_replaces_them(
        window: MainWindow, qtbot: QtBot) -> None:
    """The preset's customer name would look like something the user typed,
    and be sent unchanged; or typing would be appended to the example."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    page = parties_page(window)
    edit = page.customer.name_edit
    example = window.document.project.parties.customer.name
    assert example
    assert edit.text() == ""
    assert edit.placeholderText() == example
    assert edit.property(EXAMPLE_PROPERTY) is True
    assert edit.font().italic()
    address = page.customer.address_edit
    assert address.toPlainText() == ""
    assert address.placeholderText() == window.document.project.parties.customer.address
    # the contract (the model) still says the example until it is typed over
    assert is_example(window.document.project, CUSTOMER)

    edit.setFocus()
    qtbot.keyClicks(edit, "Harbor Dental")
    project = window.document.project
    assert project.parties.customer.name == "Harbor Dental"
    assert CUSTOMER not in project.examples
    assert edit.text() == "Harbor Dental"
    assert not edit.font().italic()
    assert edit.property(EXAMPLE_PROPERTY) is False
    assert edit.placeholderText() != example  # the page's own hint again
    # the other examples stay examples
    assert is_example(project, "parties.customer.address")

    window.undo_action.trigger()
    project = window.document.project
    assert project.parties.customer.name == example
    assert is_example(project, CUSTOMER)
    page = parties_page(window)
    assert page.customer.name_edit.text() == ""
    assert page.customer.name_edit.placeholderText() == example


def test_showing_a_page_writes_nothing_back(window: MainWindow) -> None:
    """Visiting the steps of an untouched preset would store the empty fields
    the examples are shown in, and the contract would lose its texts."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    before = window.document.project.model_copy(deep=True)
    for step in (Step.BASICS, Step.PARTIES, Step.SERVICES, Step.REVIEW):
        window.go_to(window.pages.index_of(step))
    assert window.document.project == before


def test_a_multi_line_example_is_replaced_by_typing(window: MainWindow, qtbot: QtBot) -> None:
    """Typing into the preset's purpose would add to the example text."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.BASICS))
    page = window.current_page()
    assert isinstance(page, BasicsPage)
    purpose = page.purpose_edit
    assert purpose.toPlainText() == ""
    purpose.setFocus()
    qtbot.keyClicks(purpose, "Care for the practice's computers.")
    project = window.document.project
    assert project.agreement.purpose == "Care for the practice's computers."
    assert "agreement.purpose" not in project.examples


def test_a_step_with_examples_left_is_not_complete(window: MainWindow, qtbot: QtBot) -> None:
    """A step of an untouched preset would show ✓ as soon as it was seen."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    page = parties_page(window)
    project = window.document.project
    visited = {Step.PARTIES}
    assert step_state(Step.PARTIES, visited, [], project) == StepState.EXAMPLES
    for edit in (page.provider.name_edit, page.provider.registration_edit,
                 page.provider.signatory_name_edit, page.provider.signatory_title_edit,
                 page.provider.signatory_email_edit, page.customer.name_edit,
                 page.customer.signatory_name_edit, page.customer.signatory_title_edit,
                 page.customer.signatory_email_edit):
        edit.setFocus()
        qtbot.keyClicks(edit, "x@example.org" if "email" in edit.accessibleName().lower()
                        else "Real value")
    for address in (page.provider.address_edit, page.customer.address_edit):
        address.setFocus()
        qtbot.keyClicks(address, "1 Real Street")
    project = window.document.project
    assert Step.PARTIES not in {e.step for e in examples_left(project)}
    assert step_state(Step.PARTIES, visited, [], project) == StepState.COMPLETE
    assert step_state(Step.BASICS, {Step.BASICS}, [], project) == StepState.EXAMPLES


def test_review_lists_the_examples_of_an_untouched_preset(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    """Review would say "No problems found" for a preset nobody changed."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    review = review_page(window)
    assert review.problem_count.text() != "No problems found."
    assert "example values are not replaced yet" in review.problem_count.text()
    lines = review_lines(review)
    assert "✎ Parties: Example value not replaced: Customer" in lines
    assert any(line.startswith("✎ Basics: Example value not replaced: Purpose")
               for line in lines)
    # each line goes to its field
    row = lines.index("✎ Parties: Example value not replaced: Customer")
    item = review.problem_list.item(row)
    review.problem_list.itemClicked.emit(item)
    page = window.current_page()
    assert isinstance(page, PartiesPage)
    assert page.customer.name_edit.hasFocus()


def test_saving_and_reopening_keeps_the_marks(window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              qtbot: QtBot) -> None:
    """A saved preset would open with its examples looking like real input."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    page = parties_page(window)
    page.customer.name_edit.setFocus()
    qtbot.keyClicks(page.customer.name_edit, "Harbor Dental")
    target = tmp_path / "dentist.slaproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert "parties.provider.name" in saved["examples"]
    assert CUSTOMER not in saved["examples"]
    assert window.open_path(target, ask=False)
    page = parties_page(window)
    assert page.customer.name_edit.text() == "Harbor Dental"
    assert page.provider.name_edit.text() == ""
    assert page.provider.name_edit.placeholderText() == "Example Provider Ltd"


def test_a_format_1_file_saves_without_example_marks(window: MainWindow,
                                                     tmp_path: Path) -> None:
    """Opening and saving someone's format-1 project would add keys it never had."""
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    assert window.open_path(target)
    page = parties_page(window)
    assert page.customer.name_edit.text() == window.document.project.parties.customer.name
    assert page.customer.name_edit.property(EXAMPLE_PROPERTY) is not True
    assert window.save()
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert "examples" not in saved
    assert "former_party_names" not in saved
    assert load_project(target).examples == {}


def test_the_previous_clients_name_left_in_a_text_is_warned_about(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    """A copy for a new client would keep the previous client's name in its
    purpose, unnoticed, into the new client's contract."""
    target = tmp_path / "bakery.slaproj"
    shutil.copy(US_EXAMPLE, target)
    assert window.open_path(target)
    previous = window.document.project.parties.customer.name
    assert previous == "Harbor Bakery Co."
    assert "to Harbor Bakery, the" in window.document.project.agreement.purpose
    window.new_copy_action.trigger()
    project = window.document.project
    assert project.former_party_names == [previous]
    page = parties_page(window)
    page.customer.name_edit.setFocus()
    qtbot.keyClicks(page.customer.name_edit, "Harbor Dental")
    warnings = former_party_problems(window.document.project)
    assert [(p.step, p.loc) for p in warnings if p.loc == ("agreement", "purpose")] == [
        (Step.BASICS, ("agreement", "purpose"))]
    assert previous in warnings[0].message
    # the client's fields emptied by the copy are listed at Review until filled in
    review = review_page(window)
    assert any("Not filled in for the new client: Customer's address" in line
               for line in review_lines(review))
    assert not any(line.endswith(": Customer") for line in review_lines(review))


def test_the_step_list_shows_a_step_with_examples_as_not_complete(
        window: MainWindow, qtbot: QtBot) -> None:
    """The step list would tick a preset's step as complete on first sight."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    page = parties_page(window)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    assert window.step_state(Step.PARTIES) == StepState.EXAMPLES
    window.go_to(window.pages.index_of(Step.PARTIES))
    for edit in (page.provider.name_edit, page.provider.registration_edit,
                 page.provider.signatory_name_edit, page.provider.signatory_title_edit,
                 page.customer.name_edit, page.customer.signatory_name_edit,
                 page.customer.signatory_title_edit):
        edit.setFocus()
        qtbot.keyClicks(edit, "Real value")
    for edit in (page.provider.signatory_email_edit, page.customer.signatory_email_edit):
        edit.setFocus()
        qtbot.keyClicks(edit, "someone@example.org")
    for address in (page.provider.address_edit, page.customer.address_edit):
        address.setFocus()
        qtbot.keyClicks(address, "1 Real Street")
    window.run_checks()
    assert window.step_state(Step.PARTIES) == StepState.COMPLETE


def test_example_contacts_look_like_examples_until_typed_over(
        window: MainWindow, qtbot: QtBot) -> None:
    """The preset's contacts would look like the user's own, in the list and in the fields."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    cell = page.contacts.items.table.item(0, 0)
    assert cell is not None and cell.text().startswith("Sam Patel")
    assert cell.font().italic()
    name, email = page.name_edit, page.email_edit
    assert name.text() == "" and name.placeholderText() == "Sam Patel"
    assert name.property(EXAMPLE_PROPERTY) and name.font().italic()
    assert email.text() == "" and email.placeholderText() and email.font().italic()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "Ana Ruiz")  # typing replaces the example
    assert window.document.project.contacts[0].name == "Ana Ruiz"
    assert not is_example(window.document.project, "contacts.0.name")
    assert not name.font().italic() and name.text() == "Ana Ruiz"
    cell = page.contacts.items.table.item(0, 0)
    assert cell is not None and cell.text().startswith("Ana Ruiz") and not cell.font().italic()
    assert email.font().italic()  # the e-mail is still the example
    assert is_example(window.document.project, "contacts.0.email")


def test_example_definitions_look_like_examples_until_typed_over(
        window: MainWindow, qtbot: QtBot) -> None:
    """The preset's definitions show as examples in the term and the multi-line definition."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    page = window.current_page()
    assert isinstance(page, BasicsPage)
    definitions = window.document.project.agreement.definitions
    assert definitions, "the preset defines terms"
    page.definitions.select_row(0)
    term, text = page.term_edit, page.definition_edit
    assert term.text() == "" and term.placeholderText() == definitions[0].term
    assert text.toPlainText() == "" and text.placeholderText() == definitions[0].definition
    assert term.font().italic() and text.font().italic()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClicks(text, "Our own meaning.")
    assert definitions[0].definition == "Our own meaning."
    assert not is_example(window.document.project, "agreement.definitions.0.definition")
    assert not text.font().italic()
    assert term.font().italic()  # the term is still the example


def test_a_good_example_is_kept_from_review_without_retyping_it(window: MainWindow,
                                                                qtbot: QtBot) -> None:
    """A novice retyped the preset's perfectly good "Incident" definition, 116
    characters, to make Review stop listing it."""
    from PySide6.QtCore import Qt

    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    review = review_page(window)
    policy = review.problem_list.contextMenuPolicy()
    assert policy is Qt.ContextMenuPolicy.CustomContextMenu
    lines = review_lines(review)
    row = next(i for i, line in enumerate(lines) if "Definition" in line or "Meaning" in line)
    example = review.example_at(row)
    assert example is not None and example.value
    project = window.document.project
    before = len(examples_left(project))
    review.keep_example(example)
    assert len(examples_left(project)) == before - 1
    assert not is_example(project, example.path)
    qtbot.waitUntil(lambda: lines[row] not in review_lines(review))  # after the checks
    assert window.undo_action.text().replace("&", "").startswith("Undo Keep “")
    window.undo_action.trigger()
    assert is_example(window.document.project, example.path)
    qtbot.waitUntil(lambda: review_lines(review) == lines)


def test_a_services_example_items_are_shown_as_examples_and_replaced_by_typing(
        window: MainWindow, qtbot: QtBot) -> None:
    """The preset's "included" items looked like the user's own list and went
    into the dentist's contract unread."""
    from wizard.ui.pages.services import ServicesPage

    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.SERVICES))
    page = window.current_page()
    assert isinstance(page, ServicesPage)
    original = list(window.document.project.services[0].included)
    included, excluded = page.included_edit, page.excluded_edit
    assert included.toPlainText() == ""
    assert included.placeholderText().splitlines() == original
    assert included.font().italic() and included.property(EXAMPLE_PROPERTY)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    included.setFocus()
    qtbot.waitUntil(included.hasFocus)
    qtbot.keyClicks(included, "Printer set-up")
    assert window.document.project.services[0].included == ["Printer set-up"]
    assert not is_example(window.document.project, "services.0.included")
    assert not included.font().italic()
    assert excluded.font().italic()  # the other list is still the example
    paths = {e.path for e in examples_left(window.document.project)}
    assert "services.0.excluded" in paths and "services.0.included" not in paths
    window.undo_action.trigger()  # Ctrl+Z: the whole example back, as an example
    assert window.document.project.services[0].included == original
    assert included.toPlainText() == "" and included.font().italic()


def test_removing_one_example_contact_keeps_the_others_examples(
        window: MainWindow, qtbot: QtBot) -> None:
    """After Remove on the second example contact the rest turned black, the
    step showed ✓ and Review no longer listed them."""
    window.new_from_preset(AgreementType.CUSTOMER_BASED)
    window.go_to(window.pages.index_of(Step.STAKEHOLDERS))
    page = window.current_page()
    assert isinstance(page, StakeholdersPage)
    count = len(window.document.project.contacts)
    page.contacts.select_row(1)
    page.contacts.items.remove()
    project = window.document.project
    assert len(project.contacts) == count - 1
    page.contacts.select_row(1)
    assert page.email_edit.text() == "" and page.email_edit.font().italic()
    cell = page.contacts.items.table.item(count - 2, 0)
    assert cell is not None and cell.font().italic()
    paths = {e.path for e in examples_left(project)}
    assert {f"contacts.{i}.email" for i in range(count - 1)} <= paths
    assert step_state(Step.STAKEHOLDERS, {Step.STAKEHOLDERS}, [], project) == StepState.EXAMPLES
