"""Named calendars in the contract and in the checks: the schedule sets out
each calendar's hours, each level names the calendar it is measured on, its
allowed downtime is worked out on the calendar's weekly minutes, and the
checks report what does not fit."""

from __future__ import annotations

from decimal import Decimal

from docx_reading import read_contract
from example_paths import ROOT

from wizard.core.calendars import as_coverage, with_example_calendars
from wizard.core.checks import Severity, check_project
from wizard.core.compute import allowed_downtime_seconds, weekly_coverage_minutes
from wizard.core.contract import build_context
from wizard.core.model import MeasuredDuring, NamedCalendar, Period, Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"


def two_calendars() -> Project:
    """The Portland example with "Phone support" (Mon–Fri 09:00–17:00) and
    "Platform" (around the clock): uptime on the phone hours, P2 on the platform."""
    project = with_example_calendars(load_project(US_EXAMPLE))
    uptime = project.metric_by_id("uptime")
    assert uptime is not None
    uptime.measured_during = MeasuredDuring.CALENDAR
    uptime.calendar = "phone"
    p2 = project.severity_levels[1]
    p2.measured_during = MeasuredDuring.CALENDAR
    p2.calendar = "platform"
    return project


def test_allowed_downtime_on_a_calendar_uses_its_weekly_minutes() -> None:
    project = two_calendars()
    during, blocks = as_coverage(project, MeasuredDuring.CALENDAR, "phone")
    # Mon–Fri 09:00–17:00 = 5 × 480 = 2,400 min a week
    assert weekly_coverage_minutes(blocks) == 2_400
    # a month of phone hours: 2,400 × 43,830 / 10,080 min; 99.5 % allows 0.5 % of it
    month = Decimal(2_400) * 43_830 / 10_080
    expected = Decimal("0.005") * month * 60
    assert allowed_downtime_seconds(Decimal("99.5"), Period.MONTH, during, blocks) == expected
    assert round(expected) == 3_131  # 52 min 11 s


def test_the_contract_sets_out_both_calendars_and_names_them_in_each_level() -> None:
    contract = read_contract(render_contract(two_calendars()))
    text = contract.text
    assert "Phone support Hours are:" in text
    assert "Platform Hours are:" in text
    phone = next(t for t in contract.tables if t[0] == ["Day", "Phone support"])
    assert phone[1] == ["Monday", "9:00\u202fAM to 5:00\u202fPM"]
    assert phone[6] == ["Saturday", "closed"]
    platform = next(t for t in contract.tables if t[0] == ["Day", "Platform"])
    assert platform[1] == ["Monday", "all day"]
    assert "Public holidays (Oregon, United States) are not part of these hours." in text
    levels = next(t for t in contract.tables if t[0][0] == "Service level")
    uptime = next(row for row in levels if row[0] == "Service availability")
    assert "per month, during Phone support Hours" in uptime
    severity = next(t for t in contract.tables if any(r[0].startswith("P2") for r in t))
    p2 = next(row for row in severity if row[0].startswith("P2"))
    assert p2[-1] == "during Platform Hours"
    # 2,400 min a week for the 30-day reference month: 2,400 × 30 / 7 min,
    # rounded to 171 hours; 0.5 % of 171 × 60 min = 51.3 min
    assert ("Service availability is measured during Phone support Hours" in text)
    assert "allows 51 minutes and 18 seconds of Downtime in a month of 171 Phone support " \
           "Hours" in text.replace("\u00a0", " ")
    assert "Phone support Hours | The hours called Phone support, set out in section 5." in text


def test_a_project_without_calendars_has_none_in_its_context() -> None:
    context = build_context(load_project(US_EXAMPLE))
    assert context["schedule"]["calendars"] == []
    assert context["schedule"]["calendar_holidays"] == ""
    assert not any("Hours are:" in line and "Phone" in line
                   for line in read_contract(render_contract(load_project(US_EXAMPLE))).body)


def problems(project: Project) -> dict[str, tuple[Severity, str]]:
    return {p.path: (p.severity, p.message) for p in check_project(project)}


def test_checks_of_calendars() -> None:
    project = two_calendars()
    project.schedule.calendars.append(NamedCalendar(id="phone", name=""))
    project.schedule.calendars.append(NamedCalendar(id="email", name="E-mail"))
    project.metrics[1].measured_during = MeasuredDuring.CALENDAR
    project.metrics[1].calendar = "chat"
    found = problems(project)  # paths count from 1, as a person does
    assert found["schedule.calendars[3].id"][0] is Severity.ERROR
    assert found["schedule.calendars[3].name"][0] is Severity.ERROR
    assert found["metrics[2].calendar"][0] is Severity.ERROR
    assert '"chat"' in found["metrics[2].calendar"][1]
    assert found["schedule.calendars[4]"][0] is Severity.WARNING
    assert "E-mail" in found["schedule.calendars[4]"][1]
    # P2 on the platform, around the clock, beyond the support hours
    assert found["severity_levels[2].calendar"][0] is Severity.WARNING
    assert "schedule.calendars[1]" not in found


def test_a_severity_level_within_the_support_hours_is_not_warned_about() -> None:
    project = two_calendars()
    project.severity_levels[1].calendar = "phone"
    assert "severity_levels[2].calendar" not in problems(project)


def test_the_change_summary_names_calendar_changes() -> None:
    from wizard.core.changes import compare_projects

    old = load_project(US_EXAMPLE)
    new = two_calendars()
    texts = [change.text for change in compare_projects(old, new, "en")]
    assert any(text.startswith("Calendar added") or "Phone support" in text for text in texts)
    assert any("calendar" in text.lower() and "phone" in text for text in texts)
