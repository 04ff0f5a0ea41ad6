"""A month measured under the contract's rules, with every expected figure
worked out by hand in the test.

The project is the bundled managed-IT example: America/Los_Angeles, coverage
Monday to Friday 08:00–18:00, support Monday to Friday 07:00–19:00 and
Saturday 09:00–13:00, public holidays of US-OR excluded, maintenance on
Sundays 02:00–05:00 excluded, availability 99.5 % of coverage hours on all
services, credits of 5 % below 99.5, 10 % below 99.0, 25 % below 97.0
(cap 25 %) on the three services' fees of $1,250 + $600 + $300 = $2,150.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from example_paths import ROOT

from wizard.core.attainment import (
    AttainmentError,
    Month,
    measure_month,
    result_to_data,
)
from wizard.core.measurements import Measurements, read_outages, read_tickets, read_values
from wizard.core.model import (
    CoverageBlock,
    CreditTier,
    Direction,
    Holidays,
    MeasuredDuring,
    Metric,
    MetricKind,
    Project,
    Weekday,
)
from wizard.core.project_file import load_project

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"


def example() -> Project:
    return load_project(US_EXAMPLE)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def measured(project: Project, month: str, *, outages: str | None = None,
             tickets: str | None = None, values: str | None = None, folder: Path,
             earlier: tuple[Decimal, ...] = ()):  # type: ignore[no-untyped-def]
    data = Measurements()
    if outages is not None:
        data.add_outages(read_outages(write(folder, "outages.csv", outages), project))
    if tickets is not None:
        data.add_tickets(read_tickets(write(folder, "tickets.csv", tickets), project))
    if values is not None:
        data.add_values(read_values(write(folder, "values.csv", values), project))
    return measure_month(project, Month.parse(month), data, earlier)


def level(result, metric_id: str):  # type: ignore[no-untyped-def]
    return next(lv for lv in result.levels if lv.metric.id == metric_id)


# --------------------------------------------------------------------------- availability


def test_a_month_with_a_holiday_overlapping_outages_and_one_past_coverage_and_month_end(
        tmp_path: Path) -> None:
    """May 2027 in Portland: the report a customer checks by hand must agree
    with it to the minute, or the credit is argued over."""
    outages = (
        "service,start,end\n"
        # Tue 4 May: two overlapping outages, 09:00–10:00 and 09:30–10:30 → 90 min once
        "*,2027-05-04T09:00:00-07:00,2027-05-04T10:00:00-07:00\n"
        "desk,2027-05-04 09:30,2027-05-04 10:30\n"
        # Wed 5 May 17:30–19:00 crosses the end of coverage (18:00) → 30 min
        "backup,2027-05-05T17:30,2027-05-05T19:00\n"
        # Fri 28 May 17:00 until Tue 1 June 10:00: coverage 17:00–18:00 on Friday → 60 min;
        # the weekend is outside coverage, Mon 31 May is Memorial Day, June is next month
        "endpoints,2027-05-28T17:00,2027-06-01T10:00\n"
        # Sat 8 May: outside coverage altogether → 0 min
        "*,2027-05-08T10:00,2027-05-08T12:00\n"
    )
    result = measured(example(), "2027-05", outages=outages, folder=tmp_path)
    uptime = level(result, "uptime")
    eligible = uptime.availability.eligible
    # May 2027 starts on a Saturday: weekdays 3–7, 10–14, 17–21, 24–28, 31 = 21 days
    # 21 × 600 min = 12,600 min of coverage
    assert eligible.base == 12_600 * 60_000_000
    # Memorial Day (Mon 31 May) takes a whole coverage day: 600 min
    assert eligible.holidays == 600 * 60_000_000
    assert [day for day, _name in eligible.holiday_days] == [datetime.date(2027, 5, 31)]
    # maintenance is on Sunday nights, outside coverage: nothing taken out
    assert eligible.maintenance == 0
    assert eligible.eligible == 12_000 * 60_000_000
    # down: 90 + 30 + 60 = 180 min; (12,000 − 180) / 12,000 × 100 = 98.5
    assert uptime.availability.down == 180 * 60_000_000
    assert uptime.attained == Decimal("98.5")
    assert uptime.met is False
    # the Saturday outage did not count
    assert len(uptime.availability.outages) == 4
    # 98.5 is below 99.0 (and 99.5): the lowest such threshold's tier, 10 % of $2,150
    assert result.credit is not None
    assert result.credit.percent == Decimal("10")
    assert result.credit_total == Decimal("215.00")
    # claim window 30 days after 31 May
    assert result.claim_deadline == datetime.date(2027, 6, 30)
    data = result_to_data(result)
    assert data["credit_total"] == "215.00"
    assert data["levels"][0] == {
        "id": "uptime", "name": "Service availability", "kind": "availability",
        "unit": "percent", "direction": "at_least", "target": "99.5", "attained": "98.5",
        "met": False, "source": "outages"}


def test_announced_maintenance_and_a_holiday_leave_an_around_the_clock_month(
        tmp_path: Path) -> None:
    """February 2027 measured at all times: an outage inside the Sunday window
    is not downtime, the part after the window is."""
    project = example()
    project.metrics[0].measured_during = MeasuredDuring.ALWAYS
    outages = (
        "service,start,end\n"
        # Sun 14 Feb 03:00–06:00; the window is 02:00–05:00 → 60 min count
        "*,2027-02-14T03:00,2027-02-14T06:00\n"
    )
    result = measured(project, "2027-02", outages=outages, folder=tmp_path)
    eligible = level(result, "uptime").availability.eligible
    # 28 days × 1,440 = 40,320 min; Presidents Day (15 Feb) 1,440 min;
    # four Sundays (7, 14, 21, 28) × 180 min = 720 min → 38,160 min
    assert eligible.base == 40_320 * 60_000_000
    assert eligible.holidays == 1_440 * 60_000_000
    assert eligible.maintenance == 720 * 60_000_000
    assert eligible.eligible == 38_160 * 60_000_000
    uptime = level(result, "uptime")
    assert uptime.availability.down == 60 * 60_000_000
    assert uptime.attained == Decimal(38_100) * 100 / Decimal(38_160)  # 99.8427…
    assert uptime.met is True
    assert result.credit is not None and result.credit.tier is None
    assert result.credit_total == Decimal("0.00")


def test_without_the_maintenance_exclusion_the_window_counts(tmp_path: Path) -> None:
    """An agreement that does not exclude scheduled maintenance counts an
    outage inside the window in full."""
    project = example()
    project.metrics[0].measured_during = MeasuredDuring.ALWAYS
    project.exclusions.standard = [s for s in project.exclusions.standard
                                   if s.value != "scheduled_maintenance"]
    result = measured(project, "2027-02", outages="service,start,end\n"
                      "*,2027-02-14T03:00,2027-02-14T06:00\n", folder=tmp_path)
    uptime = level(result, "uptime")
    # 40,320 − 1,440 (Presidents Day) = 38,880 min; all 180 min of the outage count
    assert uptime.availability.eligible.eligible == 38_880 * 60_000_000
    assert uptime.availability.down == 180 * 60_000_000


def test_the_month_the_clocks_go_forward_has_an_hour_less(tmp_path: Path) -> None:
    """March 2027 in Los Angeles (clocks forward on Sunday 14 March, 02:00 →
    03:00): 31 × 1,440 − 60 = 44,580 minutes, and an outage over the change
    lasts one hour of real time, not two of the wall clock."""
    project = example()
    project.metrics[0].measured_during = MeasuredDuring.ALWAYS
    project.schedule.public_holidays = Holidays.INCLUDED
    project.exclusions.standard = []
    result = measured(project, "2027-03", outages="service,start,end\n"
                      "*,2027-03-14T01:30,2027-03-14T03:30\n", folder=tmp_path)
    uptime = level(result, "uptime")
    assert uptime.availability.eligible.eligible == 44_580 * 60_000_000
    assert uptime.availability.down == 60 * 60_000_000
    assert uptime.attained == Decimal(44_520) * 100 / Decimal(44_580)


def test_coverage_on_the_day_the_clocks_change_is_wall_clock_time(tmp_path: Path) -> None:
    """Coverage all day on Sundays in Europe/Berlin, March 2027 (clocks
    forward on the 28th): Sundays 7, 14, 21, 28 → 4 × 1,440 − 60 = 5,700 min;
    October 2027 (back on the 31st): Sundays 3, 10, 17, 24, 31 → 5 × 1,440 + 60."""
    project = example()
    project.schedule.timezone = "Europe/Berlin"
    project.schedule.public_holidays = Holidays.INCLUDED
    project.schedule.coverage = [CoverageBlock(days=[Weekday.SUN], start="00:00", end="24:00")]
    project.exclusions.standard = []
    march = measured(project, "2027-03", outages="service,start,end\n", folder=tmp_path)
    assert level(march, "uptime").availability.eligible.eligible == 5_700 * 60_000_000
    october = measured(project, "2027-10", outages="service,start,end\n", folder=tmp_path)
    assert level(october, "uptime").availability.eligible.eligible == 7_260 * 60_000_000
    assert level(october, "uptime").attained == Decimal(100)


def test_an_unknown_holiday_region_is_a_clear_error(tmp_path: Path) -> None:
    project = example()
    project.schedule.holiday_region = "XX-YY"
    with pytest.raises(AttainmentError, match='holiday region "XX-YY" is unknown'):
        measured(project, "2027-05", outages="service,start,end\n", folder=tmp_path)


def test_a_german_region_has_its_own_holidays(tmp_path: Path) -> None:
    """DE-BY keeps Corpus Christi (Thursday 27 May 2027), which Berlin does not."""
    project = example()
    project.schedule.timezone = "Europe/Berlin"
    project.schedule.holiday_region = "DE-BY"
    result = measured(project, "2027-05", outages="service,start,end\n", folder=tmp_path)
    days = [day for day, _n in level(result, "uptime").availability.eligible.holiday_days]
    # weekday holidays in May 2027 in Bavaria: Ascension (6th), Whit Monday (17th),
    # Corpus Christi (27th); Labour Day falls on a Saturday, outside coverage
    assert datetime.date(2027, 5, 27) in days
    assert level(result, "uptime").availability.eligible.holidays == 3 * 600 * 60_000_000


def test_a_month_that_is_not_one_is_refused() -> None:
    with pytest.raises(AttainmentError, match="YYYY-MM"):
        Month.parse("2027-13")


def test_levels_without_data_are_listed_not_met(tmp_path: Path) -> None:
    """No outages file: availability is not measured (and no credit worked
    out), rather than a perfect month."""
    result = measured(example(), "2027-05", values="metric,value\npatch,3\n", folder=tmp_path)
    assert [u.metric.id for u in result.unmeasured] == ["uptime", "first-response", "restore"]
    assert level(result, "patch").met is True  # 3 days ≤ 5 days
    assert result.credit is None
    assert result.credit_total is None
    assert result_to_data(result)["credit_total"] is None


# --------------------------------------------------------------------------- credits


def test_a_credit_above_the_cap_is_capped_and_earlier_months_add_up(tmp_path: Path) -> None:
    """A tier of 50 % under a 25 % cap credits 25 %: 25 % × $2,150 = $537.50."""
    project = example()
    project.service_credits.tiers = [
        CreditTier(below=Decimal("99.5"), credit_percent=Decimal("5")),
        CreditTier(below=Decimal("97"), credit_percent=Decimal("50")),
    ]
    # May 2027: 12,000 eligible minutes; 600 min down (all of Tue 4 May) → 95 %
    result = measured(project, "2027-05", folder=tmp_path, earlier=(Decimal("100"),),
                      outages="service,start,end\n*,2027-05-04T08:00,2027-05-04T18:00\n")
    assert level(result, "uptime").attained == Decimal(95)
    credit = result.credit
    assert credit is not None
    assert credit.tier_percent == Decimal(50)
    assert credit.percent == Decimal(25)
    assert credit.capped is True
    assert credit.amount == Decimal("537.50")
    assert credit.year_to_date == Decimal("637.50")


def test_a_level_for_one_service_credits_that_service_s_fee(tmp_path: Path) -> None:
    """Availability of the backup service alone: its outages and those of all
    services count, the desk's do not, and the credit is a share of $300."""
    project = example()
    project.metrics[0].service = "backup"
    outages = ("service,start,end\n"
               "desk,2027-05-04T08:00,2027-05-04T18:00\n"     # another service: not counted
               "*,2027-05-05T08:00,2027-05-05T10:00\n"        # 120 min
               "backup,2027-05-06T08:00,2027-05-06T09:00\n")  # 60 min
    result = measured(project, "2027-05", outages=outages, folder=tmp_path)
    # (12,000 − 180) / 12,000 = 98.5 % → 10 % of $300 = $30.00
    assert level(result, "uptime").attained == Decimal("98.5")
    assert result.credit_total == Decimal("30.00")


# --------------------------------------------------------------------------- tickets


TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    # P2 (support hours Mon–Fri 07:00–19:00, Sat 09:00–13:00), created Friday 5 March 18:00,
    # answered 18:30 (30 min ≤ 60), resolved Tuesday 9 March 09:00:
    # Fri 18:00–19:00 60 + Sat 09:00–13:00 240 + Mon 07:00–19:00 720 + Tue 07:00–09:00 120
    # = 1,140 min, less 700 min waiting on the customer = 440 ≤ 480: within
    "A,P2,2027-03-05T18:00,2027-03-05T18:30,2027-03-09T09:00,700\n"
    # P2 created Monday 1 March 10:00, answered 11:30: 90 min > 60, missed;
    # resolved 15:00: 300 min ≤ 480
    "B,P2,2027-03-01T10:00,2027-03-01T11:30,2027-03-01T15:00,\n"
    # P1 (at all times) created Wednesday 31 March 20:00, no answer by midnight:
    # 240 min > 30, missed although still open
    "C,P1,2027-03-31T20:00,,,\n"
    # P3 created Wednesday 31 March 18:00, no answer: 60 support minutes so far ≤ 240, open
    "D,P3,2027-03-31T18:00,,,\n"
    # created in February: another month's ticket
    "E,P1,2027-02-26T10:00,2027-02-26T12:00,,\n"
)


def on_support_hours(project: Project) -> Project:
    """The example with its office-hours severity levels counted during support hours,
    as the contract then says ("during support hours")."""
    for severity in project.severity_levels:
        if severity.measured_during is MeasuredDuring.COVERAGE:
            severity.measured_during = MeasuredDuring.SUPPORT_HOURS
    return project


def test_tickets_run_on_support_hours_and_pause_while_waiting_on_the_customer(
        tmp_path: Path) -> None:
    result = measured(on_support_hours(example()), "2027-03", tickets=TICKETS,
                      folder=tmp_path)
    targets = {(t.severity.id, t.measure.value): t for t in result.tickets}
    response = targets[("P2", "response")]
    assert response.calendar == "support"
    assert [(t.ticket.id, t.micros // 60_000_000, t.within) for t in response.times] == [
        ("B", 90, False), ("A", 30, True)]
    assert response.share == Decimal(50)
    resolution = targets[("P2", "resolution")]
    assert [(t.ticket.id, t.micros // 60_000_000, t.within) for t in resolution.times] == [
        ("B", 300, True), ("A", 440, True)]
    p1 = targets[("P1", "response")]
    assert p1.calendar == "always"
    assert [(t.ticket.id, t.micros // 60_000_000, t.within, t.open) for t in p1.times] == [
        ("C", 240, False, True)]
    p3 = targets[("P3", "response")]
    assert [(t.ticket.id, t.micros // 60_000_000, t.within) for t in p3.times] == [
        ("D", 60, None)]
    assert p3.share is None
    # first-response (minutes, at most 60; each ticket on its severity's clock):
    # the longest of B 90, A 30, D 60 so far, C 0 so far (after 19:00) = 90 min
    first = level(result, "first-response")
    assert first.attained == Decimal(90)
    assert first.met is False
    assert [t.ticket.id for t in first.tickets] == ["B"]


def test_without_support_hours_tickets_run_on_coverage(tmp_path: Path) -> None:
    """An agreement that promises no support hours times P2 on coverage
    (Mon–Fri 08:00–18:00): ticket A then has Mon 08:00–18:00 600 + Tue 08:00–09:00 60
    = 660 min less 600 paused = 60 min to resolution."""
    project = example()
    project.schedule.support_coverage = None
    tickets = ("id,severity,created,first_response,resolved,paused_minutes\n"
               "A,P2,2027-03-05T18:00,2027-03-08T08:30,2027-03-09T09:00,600\n")
    result = measured(project, "2027-03", tickets=tickets, folder=tmp_path)
    targets = {(t.severity.id, t.measure.value): t for t in result.tickets}
    assert targets[("P2", "resolution")].calendar == "coverage"
    assert targets[("P2", "resolution")].times[0].micros == 60 * 60_000_000
    assert targets[("P2", "response")].times[0].micros == 30 * 60_000_000


def test_a_percent_response_level_is_the_share_within_target(tmp_path: Path) -> None:
    """In percent, a response level counts the tickets within their own
    severity's target: of A, B and C, A alone answered in time → 33.33… %."""
    project = on_support_hours(example())
    project.metrics[1].unit = "percent"
    project.metrics[1].direction = Direction.AT_LEAST
    project.metrics[1].target = Decimal(90)
    result = measured(project, "2027-03", tickets=TICKETS, folder=tmp_path)
    first = level(result, "first-response")
    assert first.attained == Decimal(100) / 3
    assert [t.ticket.id for t in first.tickets] == ["B", "C"]


def test_a_ticket_paused_longer_than_it_was_open_is_refused(tmp_path: Path) -> None:
    tickets = ("id,severity,created,first_response,resolved,paused_minutes\n"
               "A,P1,2027-03-02T10:00,2027-03-02T10:10,2027-03-02T11:00,61\n")
    with pytest.raises(ValueError, match=r"tickets.csv, line 2, paused_minutes: .*60 minutes"):
        measured(example(), "2027-03", tickets=tickets, folder=tmp_path)


# --------------------------------------------------------------------------- values


def test_values_decide_counts_and_replace_what_files_would_give(tmp_path: Path) -> None:
    """Leads delivered, counted by hand: at least 120 a month."""
    project = example()
    project.metrics.append(Metric(id="leads", name="Qualified leads",
                                  kind=MetricKind.THROUGHPUT, unit="count",
                                  target=Decimal(120)))
    result = measured(project, "2027-05", folder=tmp_path,
                      values="metric,value\nleads,118\nuptime,99.7\n")
    assert level(result, "leads").attained == Decimal(118)
    assert level(result, "leads").met is False
    assert level(result, "uptime").attained == Decimal("99.7")
    assert level(result, "uptime").source.value == "values"
    assert result.credit_total == Decimal("0.00")


def test_a_level_counted_during_coverage_runs_on_coverage_even_with_support_hours(
        tmp_path: Path) -> None:
    """The contract says "during coverage hours": the clock must not quietly run on the
    support hours instead."""
    project = example()
    assert project.schedule.support_coverage is not None
    # P2 created Friday 5 March 18:30, after coverage (08:00–18:00) but inside support
    # hours (07:00–19:00), answered Monday 8 March 08:30: on coverage Mon 08:00–08:30 =
    # 30 min (on support hours it would be Fri 30 + Sat 240 + Mon 90 = 360 min)
    tickets = ("id,severity,created,first_response,resolved\n"
               "E,P2,2027-03-05T18:30,2027-03-08T08:30,\n")
    result = measured(project, "2027-03", tickets=tickets, folder=tmp_path)
    response = {(t.severity.id, t.measure.value): t for t in result.tickets}[("P2", "response")]
    assert response.calendar == "coverage"
    assert [(t.ticket.id, t.micros // 60_000_000) for t in response.times] == [("E", 30)]
