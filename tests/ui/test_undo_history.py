"""The undo history of a document, without a window: what each undo and redo
gives back, which changes merge, and how the unsaved mark follows saving."""

from __future__ import annotations

from pathlib import Path

from example_paths import US_EXAMPLE

from wizard.core.model import Service
from wizard.core.project_file import load_project
from wizard.ui.document import ProjectDocument
from wizard.ui.history import UNDO_LIMIT, ProjectHistory


def document_and_history() -> tuple[ProjectDocument, ProjectHistory]:
    document = ProjectDocument(load_project(US_EXAMPLE), US_EXAMPLE)
    return document, ProjectHistory(document)


def type_title(document: ProjectDocument, text: str) -> None:
    """Keystrokes in the title field: one announced change each, merging."""
    for character in text:
        document.about_to_change("title")
        document.project.agreement.title += character
        document.touch("Edit “Title”", "title")


def test_keystrokes_in_one_field_are_one_change_and_another_field_starts_a_new_one() -> None:
    document, history = document_and_history()
    title = document.project.agreement.title
    type_title(document, " v2")
    document.about_to_change("reference")
    document.project.agreement.reference = "X-1"
    document.touch("Edit “Reference”", "reference")
    type_title(document, "!")
    assert history.stack.count() == 3
    assert history.stack.undoText() == "Edit “Title”"
    history.stack.undo()
    assert document.project.agreement.title == title + " v2"
    assert document.project.agreement.reference == "X-1"
    history.stack.undo()
    assert document.project.agreement.reference == "NW-SLA-2027-014"
    history.stack.undo()
    assert document.project.agreement.title == title
    assert not document.modified
    history.stack.redo()
    history.stack.redo()
    history.stack.redo()
    assert document.project.agreement.title == title + " v2!"
    assert document.project.agreement.reference == "X-1"
    assert document.modified


def test_an_undone_project_is_a_copy_that_later_edits_do_not_reach_into() -> None:
    document, history = document_and_history()
    document.about_to_change()
    document.project.services.append(Service(id="print", name="Printing"))
    document.touch("Add service")
    history.stack.undo()
    restored = document.project
    restored.services.clear()  # edited in place without telling: the stored copy stays
    history.stack.redo()
    assert [s.id for s in document.project.services] == ["desk", "endpoints", "backup", "print"]


def test_typing_on_after_a_save_starts_a_new_change(tmp_path: Path) -> None:
    document, history = document_and_history()
    title = document.project.agreement.title
    type_title(document, "A")
    document.save(tmp_path / "saved.slaproj")
    assert not document.modified
    type_title(document, "B")
    assert document.modified
    assert history.stack.count() == 2
    history.stack.undo()
    assert document.project.agreement.title == title + "A"
    assert not document.modified  # exactly what was saved
    history.stack.undo()
    assert document.project.agreement.title == title
    assert document.modified


def test_a_change_made_without_notice_joins_the_previous_one() -> None:
    """Never a state that did not exist: undo takes both back together."""
    document, history = document_and_history()
    title = document.project.agreement.title
    type_title(document, "A")
    document.project.agreement.reference = "unannounced"
    document.touch("Edit")
    history.stack.undo()  # the unannounced change: nothing of its own to take back
    history.stack.undo()
    assert document.project.agreement.title == title
    assert document.project.agreement.reference == "NW-SLA-2027-014"
    history.stack.redo()
    assert document.project.agreement.reference == "unannounced"


def test_the_history_keeps_a_limited_number_of_changes_and_forgets_on_replace() -> None:
    document, history = document_and_history()
    for number in range(UNDO_LIMIT + 5):
        document.about_to_change()
        document.project.agreement.document_version = f"1.{number}"
        document.touch("Edit “Document version”")
    assert history.stack.count() == UNDO_LIMIT
    document.replace(load_project(US_EXAMPLE), US_EXAMPLE)
    assert history.stack.count() == 0
    assert not document.modified
