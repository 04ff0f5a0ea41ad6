"""The Termination step, driven through its widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.checks import Problem, Severity, Step
from wizard.core.model import Project
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.termination import TerminationPage


def make_page(qtbot: QtBot, document: ProjectDocument) -> TerminationPage:
    page = TerminationPage(document)
    qtbot.addWidget(page)
    page.reload()
    page.show()
    qtbot.waitExposed(page)
    return page


def retype(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Select what the box shows and type over it, as a user would."""
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def turn_down(qtbot: QtBot, spin: QAbstractSpinBox) -> None:
    """Press Page Down until the box shows its lowest value."""
    for _press in range(100):
        qtbot.keyClick(spin, Qt.Key.Key_PageDown)


def test_termination_shows_and_edits_the_project(qtbot: QtBot,
                                                 us_document: ProjectDocument) -> None:
    """Typing the term, notice and periods changes the project and marks it unsaved."""
    page = make_page(qtbot, us_document)
    term = us_document.project.termination
    assert page.initial_spin.value() == 12
    assert page.notice_spin.value() == 60
    assert page.convenience_spin.text() == "not allowed"
    assert page.amendments_edit.toPlainText().startswith("Changes must be agreed")

    retype(qtbot, page.initial_spin, "24")
    assert term.initial_term_months == 24
    assert us_document.modified
    retype(qtbot, page.renewal_spin, "6")
    retype(qtbot, page.notice_spin, "90")
    retype(qtbot, page.cure_spin, "14")
    retype(qtbot, page.data_return_spin, "45")
    assert (term.renewal_term_months, term.notice_days, term.cure_days,
            term.data_return_days) == (6, 90, 14, 45)

    page.amendments_edit.selectAll()
    qtbot.keyClicks(page.amendments_edit, "By written agreement only.")
    assert term.amendments == "By written agreement only."


def test_optional_numbers_can_be_switched_off(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    """The user could not allow or forbid termination for convenience, or drop a chronic
    failure rule."""
    page = make_page(qtbot, us_document)
    term = us_document.project.termination
    qtbot.keyClick(page.convenience_spin, Qt.Key.Key_Up)
    assert term.for_convenience_notice_days == 0
    retype(qtbot, page.convenience_spin, "30")
    assert term.for_convenience_notice_days == 30
    turn_down(qtbot, page.convenience_spin)
    assert term.for_convenience_notice_days is None

    turn_down(qtbot, page.consecutive_spin)
    assert term.chronic_failure.consecutive_months is None
    assert page.consecutive_spin.text() == "no limit"
    qtbot.keyClick(page.in_year_spin, Qt.Key.Key_Up)
    assert term.chronic_failure.months_in_year == 6
    retype(qtbot, page.in_year_spin, "12")
    assert term.chronic_failure.months_in_year == 12
    assert us_document.modified


def test_lowest_values_still_make_a_loadable_file(qtbot: QtBot,
                                                  us_document: ProjectDocument) -> None:
    """Turning every box down as far as it goes would write a project that cannot be
    opened again."""
    page = make_page(qtbot, us_document)
    for spin in page.findChildren(QAbstractSpinBox):
        turn_down(qtbot, spin)
    term = us_document.project.termination
    assert term.initial_term_months == 1 and term.renewal_term_months == 1
    assert term.chronic_failure.consecutive_months is None
    Project.model_validate(us_document.project.to_data())
    assert term.chronic_failure.within_months == 2
    assert page.in_year_spin.maximum() == page.window_spin.maximum() == 36


def test_renewal_follows_automatic_renewal(qtbot: QtBot,
                                           us_document: ProjectDocument) -> None:
    """The renewal term would stay editable when nothing renews, and the summary would not
    say the agreement simply ends."""
    page = make_page(qtbot, us_document)
    assert page.summary_label.text().startswith(
        "Runs 12 months, renews for 12 months unless ended with 60 days' notice.")
    box = page.auto_renew_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert us_document.project.termination.auto_renew is False
    assert us_document.modified
    assert not page.renewal_spin.isEnabled()
    assert page.summary_label.text().startswith("Runs 12 months, then ends")

    retype(qtbot, page.initial_spin, "36")
    assert page.summary_label.text().startswith("Runs 36 months")


def test_problems_appear_beside_their_field(qtbot: QtBot,
                                            us_document: ProjectDocument) -> None:
    """A problem about a termination rule would only show at the top of the page."""
    page = make_page(qtbot, us_document)
    loc = ("termination", "chronic_failure", "months_in_year")
    page.show_problems([Problem(Severity.WARNING, Step.TERMINATION, loc, "Too strict.")])
    field = page._field_for(loc)
    assert field is not None and field[1].focusProxy() is page.in_year_spin
    assert field[2].messages() == ["Too strict."]
    assert page.page_message.messages() == []

    page.activateWindow()
    page.focus_problem(loc)
    qtbot.waitUntil(page.in_year_spin.hasFocus)


def test_tab_visits_the_fields_in_order(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """Keyboard users would jump around the page instead of going down it."""
    page = make_page(qtbot, us_document)
    page.activateWindow()
    page.initial_spin.setFocus()
    qtbot.waitUntil(page.initial_spin.hasFocus)
    visited: list[QWidget] = []
    for _step in range(13):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert visited == [page.initial_spin, page.auto_renew_box, page.renewal_spin,
                       page.notice_spin, page.convenience_spin, page.convenience_box,
                       page.consecutive_spin,
                       page.in_year_spin, page.window_spin, page.chronic_levels,
                       page.chronic_notice_spin, page.cure_spin, page.data_return_spin]
    assert QApplication.focusWidget() is page.amendments_edit


def test_chronic_failure_counts_n_of_m_months_for_ticked_levels(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """"3 of any 6 months, for availability only, within 30 days": typed and ticked."""
    page = make_page(qtbot, us_document)
    chronic = us_document.project.termination.chronic_failure
    assert page.window_spin.value() == 12
    assert [page.chronic_levels.item(row).text() for row in range(page.chronic_levels.count())
            ] == [m.name for m in us_document.project.metrics]
    assert page.chronic_notice_spin.text() == "no limit"
    retype(qtbot, page.in_year_spin, "3")
    retype(qtbot, page.window_spin, "6")
    item = page.chronic_levels.item(0)
    rect = page.chronic_levels.visualItemRect(item)
    # a click on the tick box ticks it
    qtbot.mouseClick(page.chronic_levels.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + rect.height() // 2, rect.center().y()))
    retype(qtbot, page.chronic_notice_spin, "30")
    assert (chronic.months_in_year, chronic.within_months, chronic.metrics,
            chronic.notice_days) == (3, 6, ["uptime"], 30)
    assert us_document.modified
    # the page shows a reopened project as saved
    page.reload()
    assert page.chronic_levels.checked_ids() == ["uptime"]
    assert page.window_spin.value() == 6


def test_every_level_to_count_shows_its_whole_tick_box(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """At 1024×768 the rows were as tall as their text and the tick boxes were cut."""
    from PySide6.QtWidgets import QStyle

    page = make_page(qtbot, us_document)
    levels = page.chronic_levels
    tick = levels.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
    rects = [levels.visualItemRect(levels.item(row)) for row in range(levels.count())]
    assert len(rects) == len(us_document.project.metrics) <= 5
    assert all(rect.height() >= tick + 4 for rect in rects)
    assert rects[-1].bottom() <= levels.viewport().height()  # all in sight, no scrolling
