"""A service level measured per half-year: its allowed downtime worked out by hand,
written into the contract, exported, and offered by the wizard."""

from __future__ import annotations

import datetime
from decimal import Decimal

from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.compute import PERIOD_MINUTES, allowed_downtime_seconds
from wizard.core.export_openslo import period_start
from wizard.core.model import MeasuredDuring, Period, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract


def half_yearly() -> Project:
    project = load_project(US_EXAMPLE)
    level = project.metrics[0]
    level.period = Period.HALF_YEAR
    level.measured_during = MeasuredDuring.ALWAYS
    level.target = Decimal("99.9")
    return project


def test_a_half_year_of_the_downtime_convention() -> None:
    # six months of 43,830 minutes
    assert PERIOD_MINUTES[Period.HALF_YEAR] == 6 * 43830
    # 0.1 % of 262,980 minutes = 262.98 min = 15,778.8 s
    assert allowed_downtime_seconds(Decimal("99.9"), Period.HALF_YEAR, MeasuredDuring.ALWAYS,
                                    []) == Decimal("15778.8")


def test_the_contract_states_the_half_year() -> None:
    text = read_contract(render_contract(half_yearly(), "en_US")).text
    assert "| at least 99.9% | per half-year, at all times |" in text
    # the allowance is stated for a half-year of 182 days: 0.1 % of 262,080 minutes
    # = 262.08 min = 4 h 22 min 4.8 s
    assert ("A target of 99.9% allows 4 hours, 22 minutes, and 4.8 seconds of Downtime in a "
            "half-year of 182 days.") in text.replace("\u00a0", " ")
    german = read_contract(render_contract(half_yearly(), "de_DE")).text.replace("\u00a0", " ")
    assert "4 Stunden, 22 Minuten und 4,8 Sekunden" in german


def test_a_half_year_starts_in_january_or_july() -> None:
    assert period_start(Period.HALF_YEAR, datetime.date(2027, 5, 20)) == datetime.date(2027, 1, 1)
    assert period_start(Period.HALF_YEAR, datetime.date(2027, 9, 2)) == datetime.date(2027, 7, 1)
