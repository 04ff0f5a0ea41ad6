"""What people type, read: times of day, amounts with a currency, percentages,
e-mail addresses."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from wizard.ui.widgets.fields import OptionalSpinBox, parse_decimal_input
from wizard.ui.widgets.typed_inputs import is_email, parse_clock


@pytest.mark.parametrize(("typed", "hours", "minutes"), [
    ("9", 9, 0), ("09", 9, 0), ("9:00", 9, 0), ("0900", 9, 0), ("930", 9, 30),
    ("9.30", 9, 30), ("9h30", 9, 30), ("17 h", 17, 0), (" 23:59 ", 23, 59), ("0", 0, 0)])
def test_a_time_of_day_in_the_forms_people_use(typed: str, hours: int, minutes: int) -> None:
    assert parse_clock(typed) == QTime(hours, minutes)


def test_24_is_the_end_of_the_day() -> None:
    assert parse_clock("24:00") == QTime(0, 0)
    assert parse_clock("24") == QTime(0, 0)


@pytest.mark.parametrize("typed", ["", "noon", "25", "9:60", "24:30", "12345", "9:3:0"])
def test_what_is_no_time_of_day(typed: str) -> None:
    assert parse_clock(typed) is None


@pytest.mark.parametrize(("typed", "value"), [
    ("49 Euro", "49"), ("€49", "49"), ("49,00 €", "49.00"), ("EUR 1.250,50", "1250.50"),
    ("USD 1,200.50", "1200.50"), ("CHF 99.95", "99.95"), ("R$ 300,00", "300.00"),
    ("49,-", "49"), ("99.5 %", "99.5"), ("99,95%", "99.95")])
def test_a_number_with_its_currency_or_percent_sign(typed: str, value: str) -> None:
    assert parse_decimal_input(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["forty", "49 apples", "99.5 or so"])
def test_what_is_no_number(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal_input(typed)


@pytest.mark.parametrize(("typed", "valid"), [
    ("anna@example.com", True), (" anna.berg@kanzlei-berg.de ", True), ("anna@example", False),
    ("anna example.com", False), ("anna@@example.com", False), ("", False)])
def test_an_e_mail_address_has_its_form(typed: str, valid: bool) -> None:
    assert is_email(typed) is valid


def test_no_limit_is_reached_by_emptying_the_field(qtbot: QtBot) -> None:
    """"No target" hid below zero in a spin box: emptying the field or typing
    the words says it too."""
    spin = OptionalSpinBox("no limit", minimum=0, maximum=1000)
    qtbot.addWidget(spin)
    spin.set_optional_value(120)
    spin.show()
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.optional_value() is None
    assert spin.text() == "no limit"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "45")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.optional_value() == 45
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "no limit")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.optional_value() is None
