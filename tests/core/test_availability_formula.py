"""One availability rule: what the contract says is what the monthly report
computes, worked out by hand for the same month in both.

The project is the bundled managed-IT example (Portland, coverage Monday to
Friday 08:00–18:00, public holidays of Oregon excluded, maintenance on
Sundays 02:00–05:00 excluded, 99.5 % of coverage hours on all services)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.attainment import Month, measure_month
from wizard.core.availability_rule import allowance
from wizard.core.measurements import Measurements, read_outages
from wizard.core.model import (
    AvailabilityMethod,
    Holidays,
    MeasuredDuring,
    Period,
    Project,
    SamplingMethod,
)
from wizard.core.project_file import load_project, project_from_data
from wizard.core.render import render_contract

NBSP = "\u00a0"
US_PER_MINUTE = 60_000_000


def example() -> Project:
    return load_project(US_EXAMPLE)


def around_the_clock(target: str, method: AvailabilityMethod) -> Project:
    """The example measured at all times, public holidays included and no
    maintenance windows, so that June 2027 has exactly 30 × 1,440 = 43,200
    Eligible Minutes."""
    project = example()
    metric = project.metrics[0]
    metric.target = Decimal(target)
    metric.measured_during = MeasuredDuring.ALWAYS
    metric.method = method
    project.schedule.public_holidays = Holidays.INCLUDED
    project.schedule.maintenance_windows = []
    return project


def attained(project: Project, month: str, outages: str, folder: Path):  # type: ignore[no-untyped-def]
    path = folder / "outages.csv"
    path.write_text("service,start,end\n" + outages, encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(path, project))
    result = measure_month(project, Month.parse(month), data)
    return next(level for level in result.levels if level.metric.id == "uptime")


def contract(project: Project, locale: str) -> str:
    return read_contract(render_contract(project, locale)).text


FIVE_MINUTES = AvailabilityMethod(method=SamplingMethod.SAMPLED_INTERVAL, interval_minutes=5)


@pytest.mark.parametrize(("locale", "promise"), [
    ("en_US", "4\u00a0minutes"), ("de_DE", "4\u00a0Minuten"), ("fr_FR", "4\u00a0minutes"),
    ("es_ES", "4\u00a0minutos"), ("nl_NL", "4\u00a0minuten"),
])
def test_a_99_99_target_in_five_minute_intervals_promises_no_failed_interval(
        locale: str, promise: str, tmp_path: Path) -> None:
    """0.01 % of even a 31-day month is 4.46 minutes, less than one 5-minute interval:
    the contract must not promise 4 minutes 23 seconds the measurement cannot show,
    and the report must miss the level at the first failed interval."""
    project = around_the_clock("99.99", FIVE_MINUTES)
    text = contract(project, locale)
    assert promise not in text
    assert "23\u00a0s" not in text
    if locale == "en_US":
        assert ("A target of 99.99% allows no failed interval in any month: a single failed "
                "interval misses it.") in text
        assert "measured at all times in intervals of 5\u00a0minutes" in text

    # 30 seconds down on Wed 9 June 2027 count as the interval 10:00–10:05 (from local
    # midnight): (43,200 − 5) / 43,200 × 100 = 99.98842…, below 99.99
    level = attained(project, "2027-06", "*,2027-06-09T10:02:00,2027-06-09T10:02:30\n",
                     tmp_path)
    assert level.availability.eligible.eligible == 43_200 * US_PER_MINUTE
    assert level.availability.down == 5 * US_PER_MINUTE
    assert level.attained == Decimal(43_195) * 100 / Decimal(43_200)
    assert level.met is False


def test_counted_to_the_second_the_same_half_minute_meets_it(tmp_path: Path) -> None:
    """The default method (every format-1 file's): downtime as it happened."""
    project = around_the_clock("99.99", AvailabilityMethod())
    level = attained(project, "2027-06", "*,2027-06-09T10:02:00,2027-06-09T10:02:30\n",
                     tmp_path)
    assert level.availability.down == US_PER_MINUTE // 2
    assert level.attained == (Decimal(43_200) - Decimal("0.5")) * 100 / Decimal(43_200)
    assert level.met is True
    # 0.01 % of a 30-day month: 4.32 minutes, 4 minutes 19.2 seconds, stated for that month
    text = contract(project, "en_US")
    assert ("A target of 99.99% allows 4\u00a0minutes and 19.2\u00a0seconds of Downtime in a "
            "month of 30\u00a0days.") in text


def test_failed_intervals_allowed_are_whole_intervals(tmp_path: Path) -> None:
    """99.9 % of 43,200 minutes is 43.2 minutes: 8 whole 5-minute intervals (40 minutes);
    a ninth misses, and the contract says 8, not 43 minutes."""
    project = around_the_clock("99.9", FIVE_MINUTES)
    assert ("A target of 99.9% allows 8 failed intervals, that is 40\u00a0minutes of "
            "Downtime, in a month of 30\u00a0days.") in contract(project, "en_US")
    eight = "".join(f"*,2027-06-{day:02d}T10:01:00,2027-06-{day:02d}T10:02:00\n"
                    for day in range(1, 9))
    assert attained(project, "2027-06", eight, tmp_path).met is True
    nine = eight + "*,2027-06-20T23:59:00,2027-06-21T00:00:00\n"
    level = attained(project, "2027-06", nine, tmp_path)
    assert level.availability.down == 45 * US_PER_MINUTE
    assert level.met is False


@pytest.mark.parametrize(("locale", "reference", "holidays"), [
    ("en_US", "in a month of 214 Coverage Hours", "Public holidays are not Eligible Minutes."),
])
def test_a_calendar_month_with_holidays_is_the_rule_and_the_allowance_names_its_month(
        locale: str, reference: str, holidays: str, tmp_path: Path) -> None:
    """The contract once counted a 43,830-minute month scaled from the week and ignored
    holidays, while the report counted the calendar month less holidays. Now both count
    the calendar month's Eligible Minutes, and the allowance says for which month it
    holds: 50 hours a week for 30 days, 214.29, so 214 Coverage Hours; 0.5 % of 12,840
    minutes is 64.2 minutes."""
    project = example()
    text = contract(project, locale)
    assert f"1{NBSP}hour, 4{NBSP}minutes, and 12{NBSP}seconds of Downtime {reference}" in text
    assert holidays in text
    assert "calendar month" in text
    assert "43,830" not in text and "365.25" not in text
    assert "allows 1\u00a0hour and 5\u00a0minutes of downtime." not in text

    # May 2027 has 21 weekdays, Memorial Day (31 May) is one: 20 × 600 = 12,000 Eligible
    # Minutes, so 0.5 % allows 60 minutes in May (not 64.2): 60 minutes meet, 61 miss
    sixty = "*,2027-05-04T09:00,2027-05-04T10:00\n"
    level = attained(project, "2027-05", sixty, tmp_path)
    assert level.availability.eligible.eligible == 12_000 * US_PER_MINUTE
    assert level.attained == Decimal("99.5")
    assert level.met is True
    one_more = sixty + "*,2027-05-31T09:00,2027-05-31T12:00\n*,2027-05-05T09:00,2027-05-05T09:01\n"
    assert attained(project, "2027-05", one_more, tmp_path).met is False


def test_the_month_the_agreement_takes_effect_counts_from_the_effective_date(
        tmp_path: Path) -> None:
    """Taking effect on 16 June 2027: June has 15 days × 1,440 = 21,600 Eligible Minutes,
    and 10 minutes down is (21,600 − 10) / 21,600 × 100, not a share of the whole month."""
    project = around_the_clock("99.9", AvailabilityMethod())
    project.agreement.effective_date = datetime.date(2027, 6, 16)
    level = attained(project, "2027-06", "*,2027-06-20T10:00,2027-06-20T10:10\n"
                     "*,2027-06-02T10:00,2027-06-02T12:00\n", tmp_path)
    assert level.availability.eligible.eligible == 21_600 * US_PER_MINUTE
    assert level.attained == Decimal(21_590) * 100 / Decimal(21_600)
    assert ("In the month in which this agreement takes effect, Eligible Minutes count from "
            "the effective date.") in contract(project, "en_US")


def test_the_rule_is_defined_once_and_the_section_points_to_it() -> None:
    """The definitions and the service-levels section say the same thing: the section
    refers to the defined term instead of stating a second formula."""
    text = contract(example(), "en_US")
    assert text.count("(Eligible Minutes − minutes of Downtime within them) ÷ Eligible "
                      "Minutes × 100") == 1
    # the report counts any service's outage against a level covering all services
    assert ("Service availability covers all services: any of them being unavailable is "
            "Downtime.") in text
    assert ("Each Service Level of availability is measured as Availability, defined in "
            "section 2") in text


def test_the_method_is_optional_in_the_file_and_round_trips(tmp_path: Path) -> None:
    """A format-1 file has no method: it means downtime to the second, and saves without
    one; a sampled method is written and read back."""
    project = example()
    assert "method" not in project.to_data()["metrics"][0]
    project.metrics[0].method = FIVE_MINUTES
    data = project.to_data()
    assert data["metrics"][0]["method"] == {"method": "sampled_interval", "interval_minutes": 5,
                                            "measured_over": "calendar_month",
                                            "cycle_start_day": 1}
    assert project_from_data(data, US_EXAMPLE).metrics[0].method == FIVE_MINUTES


def test_allowances_of_other_periods_name_their_length() -> None:
    """A quarter of 91 days at 99.9 %: 131,040 minutes × 0.1 % = 131.04 minutes."""
    found = allowance(Decimal("99.9"), Period.QUARTER, MeasuredDuring.ALWAYS, [],
                      AvailabilityMethod())
    assert (found.days, found.eligible_minutes) == (91, 131_040)
    assert found.seconds == Decimal("131.04") * 60


def test_a_user_term_that_repeats_a_built_in_one_is_warned_about() -> None:
    """"Business Hours" and "Monthly Uptime Percentage" beside Coverage Hours and
    Availability: two definitions of one thing that already disagree (the example's
    ignores public holidays)."""
    from wizard.core.checks import check_project

    warned = {problem.path: problem.message for problem in check_project(example())}
    assert '"Coverage Hours"' in warned["agreement.definitions[2].term"]
    assert '"Availability"' in warned["agreement.definitions[3].term"]
    # paths count from 1: Incident, the first, is the user's own
    assert "agreement.definitions[1].term" not in warned


def test_a_measurement_that_checks_every_minute_asks_for_checked_intervals() -> None:
    """The example's monitoring "checks every minute from two locations" while the
    contract would count downtime to the second: a lawyer reads two rules."""
    from wizard.core.checks import check_project

    def warned(project: Project) -> list[str]:
        return [p.message for p in check_project(project) if p.path == "metrics[1].method"]

    project = example()
    (message,) = warned(project)
    assert '"every minute"' in message
    project.metrics[0].method = AvailabilityMethod(method=SamplingMethod.SAMPLED_INTERVAL,
                                                   interval_minutes=1)
    assert warned(project) == []
    project.metrics[0].method = AvailabilityMethod()
    project.metrics[0].measurement = "Sondes HTTP alle 5 Minuten"
    assert len(warned(project)) == 1
    project.metrics[0].measurement = "Probes every 30 seconds from three sites."
    assert warned(project) == []


def test_a_sampled_target_no_interval_can_meet_is_warned_about() -> None:
    """99.99 % checked every 5 minutes misses at the first failed check; every
    10 minutes at 99.9 % still allows 4 (43.2 minutes in 30 days)."""
    from wizard.core.checks import check_project

    def warnings(target: str, interval: int) -> list[str]:
        project = around_the_clock(target, AvailabilityMethod(
            method=SamplingMethod.SAMPLED_INTERVAL, interval_minutes=interval))
        return [p.message for p in check_project(project) if p.path == "metrics[1].method"]

    assert len(warnings("99.99", 5)) == 1
    assert "a single failed check misses it" in warnings("99.99", 5)[0]
    assert warnings("99.9", 10) == []


def test_the_monthly_report_shows_the_intervals_and_the_first_month_it_counted(
        tmp_path: Path) -> None:
    """The report a customer checks must say why 30 seconds cost 5 minutes, and why
    June counted only from the 16th."""
    from wizard.core.report import report_bytes

    project = around_the_clock("99.99", FIVE_MINUTES)
    project.agreement.effective_date = datetime.date(2027, 6, 16)
    path = tmp_path / "outages.csv"
    path.write_text("service,start,end\n*,2027-06-20T10:02:00,2027-06-20T10:02:30\n",
                    encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(path, project))
    result = measure_month(project, Month.parse("2027-06"), data)
    text = read_contract(report_bytes(result, "en_US")).text
    assert ("Downtime is counted in whole intervals of 5 minutes from the start of the month: "
            "an interval an outage touches counts whole.") in text
    assert "counted from the effective date, June 16, 2027" in text
    # 15 days × 1,440 = 21,600 minutes, one failed interval of 5
    assert "Measured time: 21,600 minutes; downtime in it: 5 minutes" in text


def test_a_level_measured_over_the_billing_cycle_counts_the_cycle(tmp_path: Path) -> None:
    """Billed from the 15th: "2027-06" is 15 June to the end of 14 July, 30 days ×
    1,440 = 43,200 minutes; an outage on 10 June belongs to the cycle before, one on
    10 July to this one; and the contract says which month it counts."""
    from wizard.core.model import MeasuredOver

    project = around_the_clock("99.9", AvailabilityMethod(
        measured_over=MeasuredOver.BILLING_CYCLE, cycle_start_day=15))
    level = attained(project, "2027-06", "*,2027-06-10T10:00,2027-06-10T12:00\n"
                     "*,2027-07-10T10:00,2027-07-10T10:10\n", tmp_path)
    assert level.availability.eligible.eligible == 43_200 * US_PER_MINUTE
    assert level.availability.down == 10 * US_PER_MINUTE
    assert level.attained == Decimal(43_190) * 100 / Decimal(43_200)
    assert ("Service availability is worked out for each billing cycle instead of the calendar "
            "month: from the start of day 15 of a month to the end of day 14 of the next"
            ) in contract(project, "en_US")
    data = project.to_data()["metrics"][0]["method"]
    assert data["measured_over"] == "billing_cycle" and data["cycle_start_day"] == 15
