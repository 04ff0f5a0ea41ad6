"""The Services step: a list of services and the selected one's details."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.checks import check_project
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.services import ServicesPage


@pytest.fixture
def page(qtbot: QtBot, us_document: ProjectDocument) -> ServicesPage:
    widget = ServicesPage(us_document)
    qtbot.addWidget(widget)
    widget.reload()
    widget.show()
    return widget


def click_row(qtbot: QtBot, page: ServicesPage, row: int) -> None:
    table = page.services.table
    item = table.item(row, 1)
    assert item is not None
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(item).center())


def test_clicking_a_service_shows_its_details(qtbot: QtBot, page: ServicesPage) -> None:
    """The fields would keep showing the first service whatever the user selects."""
    assert page.services.table.rowCount() == 3
    assert page.name_edit.text() == "Service Desk"
    click_row(qtbot, page, 1)
    assert page.id_edit.text() == "endpoints"
    assert page.name_edit.text() == "Managed Endpoints"
    assert page.included_edit.lines()[0] == "Monthly operating system patching"
    assert page.fee_edit.text() == "600.00"
    assert "USD" in page.currency_label.text()
    assert "Managed Endpoints" in page.detail_box.title()


def test_typing_in_the_details_edits_the_selected_service(
        qtbot: QtBot, page: ServicesPage, us_document: ProjectDocument) -> None:
    """Edits would land in the wrong service, or the list would show the old name."""
    click_row(qtbot, page, 2)
    page.name_edit.selectAll()
    qtbot.keyClicks(page.name_edit, "Offsite Backup")
    page.description_edit.selectAll()
    qtbot.keyClicks(page.description_edit, "Hourly snapshots.")
    page.dependencies_edit.setFocus()
    qtbot.keyClicks(page.dependencies_edit, "Customer bandwidth")
    page.responsibilities_edit.setFocus()
    qtbot.keyClicks(page.responsibilities_edit, "Keep the agent running")
    backup = us_document.project.services[2]
    assert backup.name == "Offsite Backup"
    assert backup.description == "Hourly snapshots."
    assert backup.dependencies == ["Customer bandwidth"]
    assert backup.customer_responsibilities == ["Keep the agent running"]
    assert us_document.project.services[0].name == "Service Desk"
    assert page.services.table.item(2, 1).text() == "Offsite Backup"
    assert us_document.modified


def test_the_identifier_shows_in_the_list(qtbot: QtBot, page: ServicesPage,
                                          us_document: ProjectDocument) -> None:
    """A renamed identifier would be saved but the list would show the old one."""
    page.id_edit.selectAll()
    qtbot.keyClicks(page.id_edit, "helpdesk")
    assert us_document.project.services[0].id == "helpdesk"
    assert page.services.table.item(0, 0).text() == "helpdesk"
    assert page.services.current_row() == 0


def test_the_monthly_fee_is_a_number_or_empty(qtbot: QtBot, page: ServicesPage,
                                              us_document: ProjectDocument) -> None:
    """A fee that is no number would be saved, or an empty fee would not mean "no fee"."""
    desk = us_document.project.services[0]
    page.fee_edit.selectAll()
    qtbot.keyClicks(page.fee_edit, "a lot")
    assert desk.monthly_fee == Decimal("1250.00")
    assert page.fee_message.messages() == ["Enter a number such as 99.95."]
    page.fee_edit.selectAll()
    qtbot.keyClicks(page.fee_edit, "1 300,50")
    assert desk.monthly_fee == Decimal("1300.50")
    assert page.fee_message.messages() == []
    page.fee_edit.selectAll()
    qtbot.keyClick(page.fee_edit, Qt.Key.Key_Delete)
    assert desk.monthly_fee is None
    assert us_document.modified


@pytest.mark.parametrize(("typed", "fee"), [
    ("49 Euro", "49"), ("€49", "49"), ("49,00 €", "49.00"), ("EUR 1.250,50", "1250.50"),
    ("$1,300.50", "1300.50"), ("49,-", "49")])
def test_a_fee_is_read_with_its_currency(qtbot: QtBot, page: ServicesPage,
                                         us_document: ProjectDocument, typed: str,
                                         fee: str) -> None:
    """ "49 Euro" in a fee field was dropped without a word."""
    desk = us_document.project.services[0]
    page.fee_edit.selectAll()
    for character in typed:  # QTest types Latin-1 only: € as a key press of its own
        if character.isascii():
            qtbot.keyClick(page.fee_edit, character)
        else:
            QApplication.sendEvent(page.fee_edit, QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                character))
    assert page.fee_edit.text() == typed
    assert desk.monthly_fee == Decimal(fee)
    assert page.fee_message.messages() == []


def test_add_and_remove_services(qtbot: QtBot, page: ServicesPage,
                                 us_document: ProjectDocument,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A new service would get a taken identifier, or removing one would leave its details."""
    questions: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str,
                   *_args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    page.activateWindow()
    qtbot.mouseClick(page.services.add_button, Qt.MouseButton.LeftButton)
    services = us_document.project.services
    assert [s.id for s in services] == ["desk", "endpoints", "backup", "service"]
    assert page.services.current_row() == 3
    assert page.name_edit.text() == "New service"
    assert QApplication.focusWidget() is page.name_edit
    qtbot.keyClicks(page.name_edit, "Printing")
    assert services[3].name == "Printing"
    assert us_document.modified

    click_row(qtbot, page, 1)
    qtbot.mouseClick(page.services.remove_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in services] == ["desk", "backup", "service"]
    assert page.id_edit.text() == "backup"
    assert len(questions) == 1  # a service level measures the endpoints
    assert "Managed Endpoints" in questions[0]
    assert "Critical patches applied" in questions[0]

    for _service in range(3):
        qtbot.mouseClick(page.services.remove_button, Qt.MouseButton.LeftButton)
    assert services == []
    assert not page.detail_box.isEnabled()
    assert page.name_edit.text() == ""


def test_problems_show_beside_the_selected_services_fields(
        qtbot: QtBot, page: ServicesPage, us_document: ProjectDocument) -> None:
    """A missing name or a negative fee would not be pointed out where it can be fixed."""
    us_document.project.services[1].name = ""
    us_document.project.services[1].monthly_fee = Decimal("-5")
    page.show_problems(check_project(us_document.project))
    under_list = page._field_for(("services",))
    assert under_list is not None
    assert any("Service 2" in text and "Name this service" in text
               for text in under_list[2].messages())

    click_row(qtbot, page, 1)
    name_field = page._field_for(("services", 1, "name"))
    fee_field = page._field_for(("services", 1, "monthly_fee"))
    assert name_field is not None and fee_field is not None
    assert name_field[1] is page.name_edit
    assert name_field[2].messages() == ["Name this service."]
    assert fee_field[2].messages() == ["A fee cannot be negative."]
    assert under_list[2].messages() == []


def test_no_service_at_all_is_shown_under_the_list(qtbot: QtBot, page: ServicesPage,
                                                   us_document: ProjectDocument) -> None:
    """An agreement without services would not say why it cannot be generated."""
    us_document.project.services.clear()
    page.reload()
    page.show_problems(check_project(us_document.project))
    field = page._field_for(("services",))
    assert field is not None
    assert field[2].messages() == ["Describe at least one service."]


def test_a_problem_selects_its_service(qtbot: QtBot, page: ServicesPage) -> None:
    """Jumping from the review to a problem would show another service's fields."""
    page.activateWindow()
    page.focus_problem(("services", 2, "monthly_fee"))
    assert page.services.current_row() == 2
    assert page.id_edit.text() == "backup"
    assert QApplication.focusWidget() is page.fee_edit


def test_moving_a_service_keeps_it_selected(qtbot: QtBot, page: ServicesPage,
                                            us_document: ProjectDocument) -> None:
    """After Move down the fields would show the service that moved up instead."""
    qtbot.mouseClick(page.services.down_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in us_document.project.services] == ["endpoints", "desk", "backup"]
    assert page.services.current_row() == 1
    assert page.id_edit.text() == "desk"
    assert us_document.modified


def test_removing_a_measured_service_says_what_it_breaks_and_can_be_cancelled(
        qtbot: QtBot, page: ServicesPage, us_document: ProjectDocument,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A metric would silently be left measuring a service that no longer exists."""
    questions: list[str] = []

    def cancel(_parent: object, _title: str, text: str,
               *_args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    click_row(qtbot, page, 0)
    qtbot.mouseClick(page.services.remove_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in us_document.project.services] == ["desk", "endpoints", "backup"]
    assert not us_document.modified
    assert "First response to tickets" in questions[0]
    assert "Service availability" not in questions[0]  # it measures every service ("*")


def test_the_list_stays_in_sight_while_the_page_scrolls_through_a_long_form(
        window: MainWindow, qtbot: QtBot) -> None:
    """At 1280×800 the services list scrolled away (58 wheel notches on the
    step) while the user read down to a service's fee."""
    from example_paths import US_EXAMPLE
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    from wizard.core.checks import Step

    window.resize(1280, 800)
    window.open_path(US_EXAMPLE, ask=False)
    window.go_to(window.pages.index_of(Step.SERVICES))
    page = window.current_page()
    assert isinstance(page, ServicesPage)
    area = page.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert isinstance(area, QScrollArea)
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the form is longer than the window
    view = area.viewport()

    def in_view(widget: QWidget) -> bool:
        top = widget.mapTo(view, QPoint(0, 0)).y()
        return top >= 0 and top + widget.height() <= view.height()

    table = page.services.table
    for value in (bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        qtbot.waitUntil(lambda: in_view(table))
    assert in_view(page.fee_edit)  # the end of the form, beside the list
    assert page.services.list_top() > 0
    bar.setValue(0)
    qtbot.waitUntil(lambda: page.services.list_top() == 0)
    assert in_view(table)


def test_going_to_a_problem_brings_its_field_into_sight(
        window: MainWindow, qtbot: QtBot) -> None:
    """From Review the cursor went into the field, but the field stayed below the
    window's edge until scrolled to."""
    from example_paths import US_EXAMPLE
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    from wizard.core.checks import Problem, Severity, Step

    window.resize(1280, 800)
    window.open_path(US_EXAMPLE, ask=False)
    window.go_to_problem(Problem(Severity.WARNING, Step.SERVICES, ("services", 2, "monthly_fee"),
                                 "A fee to check."))
    page = window.current_page()
    assert isinstance(page, ServicesPage)
    assert page.services.current_row() == 2
    area = page.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    view = area.viewport()
    qtbot.waitUntil(lambda: 0 <= page.fee_edit.mapTo(view, QPoint(0, 0)).y()
                    <= view.height() - page.fee_edit.height())
