"""Numbers, money, dates and names in the wizard are written the way the
interface language writes them, and decimals are read in either form."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from page_driving import activate, open_page, retype
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from wizard import i18n
from wizard.core.project_file import project_to_bytes
from wizard.ui.document import ProjectDocument
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.pages.basics import BasicsPage
from wizard.ui.pages.credits import CreditsPage
from wizard.ui.pages.metrics import MetricsPage
from wizard.ui.pages.review import ReviewPage, summary_rows
from wizard.ui.pages.schedule import SchedulePage
from wizard.ui.pages.services import ServicesPage


@pytest.fixture
def german() -> Iterator[None]:
    assert apply_language("de") == "de"
    assert i18n.language() == "de"
    yield
    apply_language(ENGLISH)


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.usefixtures("german")
def test_german_interface_writes_numbers_the_german_way(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A German user reading "99.5%" and "$1,250.00" beside German words
    would take the numbers for typing mistakes."""
    metrics = open_page(qtbot, MetricsPage, us_document)
    table = metrics.metrics_table.table
    assert [cell_text(table, row, 3) for row in range(table.rowCount())] == [
        "99,5", "60", "5", "100"]
    assert [cell_text(table, row, 4) for row in range(table.rowCount())] == [
        "Prozent", "Minuten", "Tage", "Prozent"]
    metrics.metrics_table.select_row(0)
    assert metrics.target_edit.text() == "99,5"
    assert metrics.baseline_edit.text() == "99,2"
    assert "99,5\u00a0%" in metrics.downtime_label.text()
    # 0.5 % of the 12,857 coverage minutes of a 30-day month (50 of 168 hours a week)
    assert "1 Std. 4 Min." in metrics.downtime_label.text()

    credits = open_page(qtbot, CreditsPage, us_document)
    tiers = credits.tiers.table
    assert [cell_text(tiers, row, 0) for row in range(tiers.rowCount())] == [
        "99,5", "99,0", "97,0"]
    fee = format_currency(Decimal("2150.00"), "USD", locale="de")
    assert fee == "2.150,00\u00a0$"
    assert credits.example_label.text() == (
        f"Bei 98,7\u00a0% Verfügbarkeit erhält der Kunde 10\u00a0% der monatlichen Vergütung "
        f"(215,00\u00a0$ von {fee}).")

    services = open_page(qtbot, ServicesPage, us_document)
    assert services.fee_edit.text() == "1250,00"

    rows = dict(summary_rows(us_document.project))
    assert rows["Inkrafttreten"] == "01.01.2027"
    assert "2.150,00\u00a0$" in rows.values()
    assert not us_document.modified


@pytest.mark.usefixtures("german")
def test_german_interface_names_languages_currencies_and_zones_in_german(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """"German (Switzerland)" in a German window is a word left in English."""
    basics = open_page(qtbot, BasicsPage, us_document)
    languages = combo_texts(basics.language_combo)
    assert "Deutsch (Schweiz) (de_CH)" in languages
    assert "Englisch (Vereinigte Staaten) (en_US)" in languages
    assert basics.currency_combo.currentText() == "USD – US-Dollar"
    assert "CHF – Schweizer Franken" in combo_texts(basics.currency_combo)

    schedule = open_page(qtbot, SchedulePage, us_document)
    assert schedule.zone_name.text() == "Nordamerikanische Westküstenzeit"
    review = open_page(qtbot, ReviewPage, us_document)
    review.wait_idle()


def test_english_interface_keeps_the_dot(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The other way round: an English window writes 99.5 and names in English."""
    assert i18n.language() == ENGLISH
    metrics = open_page(qtbot, MetricsPage, us_document)
    metrics.metrics_table.select_row(0)
    assert metrics.target_edit.text() == "99.5"
    assert cell_text(metrics.metrics_table.table, 1, 4) == "minutes"
    basics = open_page(qtbot, BasicsPage, us_document)
    assert "German (Switzerland) (de_CH)" in combo_texts(basics.language_combo)
    schedule = open_page(qtbot, SchedulePage, us_document)
    assert schedule.zone_name.text() == "Pacific Time"


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize("typed", ["99,95", "99.95", " 99,950 "])
def test_decimals_are_read_with_either_mark(qtbot: QtBot, us_document: ProjectDocument,
                                            typed: str) -> None:
    """A German user types a comma, a pasted figure may have a dot: both are the
    same number, and the project file keeps it with a dot."""
    metrics = open_page(qtbot, MetricsPage, us_document)
    activate(qtbot, metrics)
    metrics.metrics_table.select_row(0)
    retype(qtbot, metrics.target_edit, typed)
    target = us_document.project.metrics[0].target
    assert target == Decimal("99.95")
    assert str(target) == typed.strip().replace(",", ".")
    stored = typed.strip().replace(",", ".")
    assert f'"target": "{stored}"'.encode() in project_to_bytes(us_document.project)
    assert "99,95\u00a0%" in metrics.downtime_label.text()
    assert not [m for m in metrics._message(("metrics", -1, "target")).messages()]


@pytest.mark.usefixtures("german")
def test_fee_with_german_grouping_is_read(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """"1.250,50" is how a German user writes a fee; it is not refused."""
    services = open_page(qtbot, ServicesPage, us_document)
    activate(qtbot, services)
    retype(qtbot, services.fee_edit, "1.250,50")
    assert us_document.project.services[0].monthly_fee == Decimal("1250.50")
    assert services.fee_message.messages() == []
    # an amount written with its currency is read as the amount
    qtbot.keyClicks(services.fee_edit, " Euro")
    assert us_document.project.services[0].monthly_fee == Decimal("1250.50")
    assert services.fee_message.messages() == []
    retype(qtbot, services.fee_edit, "zwanzig Euro")
    assert services.fee_message.messages() != []


def edit_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


@pytest.mark.usefixtures("german")
def test_table_cells_in_german(qtbot: QtBot, us_document: ProjectDocument) -> None:
    """"Stunden" typed in the Unit cell is the unit "hours", not a unit of one's
    own; "Leads" stays as typed; "98,5" in a target cell is 98.5."""
    metrics = open_page(qtbot, MetricsPage, us_document)
    activate(qtbot, metrics)
    table = metrics.metrics_table.table
    for text, stored in (("Stunden", "hours"), ("Leads", "Leads")):
        edit_cell(qtbot, table, 1, 4, text)
        qtbot.waitUntil(lambda stored=stored: us_document.project.metrics[1].unit == stored)
        assert cell_text(table, 1, 4) == text
    edit_cell(qtbot, table, 0, 3, "98,5")
    qtbot.waitUntil(lambda: us_document.project.metrics[0].target == Decimal("98.5"))
    assert cell_text(table, 0, 3) == "98,5"
