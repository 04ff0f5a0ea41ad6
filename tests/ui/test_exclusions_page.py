"""The Exclusions step, driven through its widgets."""

from __future__ import annotations

from example_paths import ROOT
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Problem, Severity, Step
from wizard.core.model import StandardExclusion
from wizard.core.project_file import load_project
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.exclusions import ExclusionsPage, exclusion_choices


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box where its tick mark is, as a user would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def make_page(qtbot: QtBot, document: ProjectDocument) -> ExclusionsPage:
    page = ExclusionsPage(document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_standard_exclusion_has_a_box(qtbot: QtBot,
                                            us_document: ProjectDocument) -> None:
    """A standard exclusion could not be chosen, or a screen reader would not say what it
    means."""
    assert [key for key, _label, _note in exclusion_choices()] == list(StandardExclusion)
    page = make_page(qtbot, us_document)
    assert list(page.exclusion_boxes) == list(StandardExclusion)
    for box in page.exclusion_boxes.values():
        assert box.accessibleName() and "&" not in box.accessibleName()
        assert box.accessibleDescription()
    chosen = set(us_document.project.exclusions.standard)
    assert {k for k, box in page.exclusion_boxes.items() if box.isChecked()} == chosen


def test_ticking_boxes_writes_the_standard_order(qtbot: QtBot,
                                                 us_document: ProjectDocument) -> None:
    """Ticking or unticking an exclusion would not reach the contract, or would scramble
    the order of its clauses."""
    page = make_page(qtbot, us_document)
    tick(qtbot, page.exclusion_boxes[StandardExclusion.BETA_FEATURES])
    tick(qtbot, page.exclusion_boxes[StandardExclusion.EMERGENCY_MAINTENANCE])
    tick(qtbot, page.exclusion_boxes[StandardExclusion.FORCE_MAJEURE])
    assert us_document.project.exclusions.standard == [
        StandardExclusion.SCHEDULED_MAINTENANCE,
        StandardExclusion.EMERGENCY_MAINTENANCE,
        StandardExclusion.CUSTOMER_CAUSED,
        StandardExclusion.THIRD_PARTY,
        StandardExclusion.INTERNET_OUTSIDE_NETWORK,
        StandardExclusion.SUSPENSION_NON_PAYMENT,
        StandardExclusion.BETA_FEATURES,
    ]
    assert us_document.modified


def test_showing_a_project_changes_nothing(qtbot: QtBot) -> None:
    """Opening the step would mark an untouched project as unsaved or reorder its list."""
    path = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"
    document = ProjectDocument(load_project(path), path)
    before = list(document.project.exclusions.standard)
    page = make_page(qtbot, document)
    page.reload()
    assert document.project.exclusions.standard == before
    assert not document.modified


def test_own_exclusions_are_typed_one_per_line(qtbot: QtBot,
                                               us_document: ProjectDocument) -> None:
    """An exclusion the user types would not appear in the contract."""
    page = make_page(qtbot, us_document)
    page.custom_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(page.custom_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.custom_edit, "Outages of the customer's own power supply.")
    assert us_document.project.exclusions.custom == [
        "Devices older than seven years or no longer supported by their manufacturer.",
        "Outages of the customer's own power supply.",
    ]
    assert us_document.modified


def test_problems_appear_beside_their_field(qtbot: QtBot,
                                            us_document: ProjectDocument) -> None:
    """A problem about an exclusion would only show at the top of the page, or not at all."""
    page = make_page(qtbot, us_document)
    page.show_problems([
        Problem(Severity.WARNING, Step.EXCLUSIONS, ("exclusions", "standard", 1), "Standard."),
        Problem(Severity.ERROR, Step.EXCLUSIONS, ("exclusions", "custom", 0), "Own."),
    ])
    standard = page._field_for(("exclusions", "standard", 1))
    custom = page._field_for(("exclusions", "custom", 0))
    assert standard is not None and standard[2].messages() == ["Standard."]
    assert custom is not None and custom[2].messages() == ["Own."]
    assert page.page_message.messages() == []


def test_going_to_a_problem_focuses_its_item(qtbot: QtBot,
                                             us_document: ProjectDocument) -> None:
    """Jumping from the review step to an exclusion would land on the wrong box or line."""
    page = make_page(qtbot, us_document)
    page.activateWindow()
    # exclusions.standard[1] of the US example is force majeure
    page.focus_problem(("exclusions", "standard", 1))
    box = page.exclusion_boxes[StandardExclusion.FORCE_MAJEURE]
    qtbot.waitUntil(box.hasFocus)

    us_document.project.exclusions.custom.insert(0, "Power cuts.")
    page.reload()
    page.focus_problem(("exclusions", "custom", 1))
    assert page.custom_edit.textCursor().block().text().startswith("Devices older")
    qtbot.waitUntil(page.custom_edit.hasFocus)

    page.focus_problem(("exclusions", "standard"))
    qtbot.waitUntil(page.exclusion_boxes[StandardExclusion.SCHEDULED_MAINTENANCE].hasFocus)
