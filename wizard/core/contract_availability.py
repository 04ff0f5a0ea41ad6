"""The contract's words for the availability rule (:mod:`wizard.core.availability_rule`):
the defined terms *Availability* and *Eligible Minutes*, and for each
availability level how its downtime is counted and what its target allows
in the period the sentence names.

Every sentence here is translated through the contract's catalog (the
formatter's ``gettext``); the rule itself lives in one place, shared with the
monthly report, so that the contract says what the report computes.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from wizard.core.attainment import maintenance_excluded
from wizard.core.availability_rule import Allowance, allowance, measures_coverage
from wizard.core.calendars import as_coverage
from wizard.core.contract_calendars import calendar_reference, during_calendar
from wizard.core.model import (
    PERCENT_UNIT,
    Holidays,
    MeasuredDuring,
    MeasuredOver,
    Metric,
    MetricKind,
    Period,
    Project,
    SamplingMethod,
)
from wizard.core.units import plain
from wizard.i18n import N_

if TYPE_CHECKING:
    from wizard.core.contract import ContractFormatter

AVAILABILITY_TERM = N_("Availability")
ELIGIBLE_MINUTES_TERM = N_("Eligible Minutes")
BUILT_IN_SYNONYMS: dict[str, str] = {
    **{name: "Coverage Hours" for name in (
        "business hours", "service hours", "covered hours", "coverage hours",
        "hours of coverage", "service coverage hours")},
    **{name: "Support Hours" for name in ("support hours", "support window")},
    **{name: "Downtime" for name in ("downtime", "outage", "unavailability")},
    **{name: "Availability" for name in (
        "availability", "uptime", "monthly uptime", "monthly uptime percentage",
        "uptime percentage", "availability percentage", "monthly availability",
        "monthly availability percentage", "service availability")},
    **{name: "Eligible Minutes" for name in (
        "eligible minutes", "eligible time", "measured minutes")},
}
"""User terms (case folded) that say what a built-in defined term (English, as
in the catalog) already says: the checks warn about them, since two
definitions of one thing disagree sooner or later."""


def is_availability(metric: Metric) -> bool:
    return metric.kind is MetricKind.AVAILABILITY and metric.unit == PERCENT_UNIT


def availability_terms(project: Project, fmt: ContractFormatter,
                       sections: dict[str, str]) -> list[tuple[str, str]]:
    """The defined terms of the availability rule, translated, for an agreement
    with at least one availability level (none otherwise)."""
    if not any(is_availability(m) for m in project.metrics):
        return []
    t = fmt.gettext
    availability = t(
        "For a Service Level of availability, expressed as a percentage: (Eligible Minutes − "
        "minutes of Downtime within them) ÷ Eligible Minutes × 100, worked out for each "
        "calendar month in the time zone set out in section %(schedule)s, with Downtime "
        "counted as set out "
        "for that Service Level in section %(service_levels)s.") % sections
    eligible = [t(
        "The minutes of a calendar month during which a Service Level of availability "
        "applies: every minute of the month for a level measured at all times, the minutes "
        "within the Coverage Hours for a level measured during Coverage Hours.")]
    if any(is_availability(m) and m.measured_during is MeasuredDuring.CALENDAR
           for m in project.metrics):
        eligible.append(t(
            "For a level measured on other hours set out in section %(schedule)s, they are "
            "the minutes within those hours.") % sections)
    if project.schedule.public_holidays is Holidays.EXCLUDED:
        eligible.append(t("Public holidays are not Eligible Minutes."))
    if maintenance_excluded(project) and project.schedule.maintenance_windows:
        eligible.append(t(
            "Scheduled maintenance within the maintenance windows set out in section "
            "%(schedule)s is not counted in Eligible Minutes.") % sections)
    eligible.append(t(
        "In the month in which this agreement takes effect, Eligible Minutes count from the "
        "effective date."))
    return [(t(AVAILABILITY_TERM), availability),
            (t(ELIGIBLE_MINUTES_TERM), " ".join(eligible))]


def _reference(period: Period, found: Allowance, fmt: ContractFormatter) -> str:
    """The period an allowance is stated for: "in a month of 30 days", "in a
    month of 214 Coverage Hours"."""
    if found.coverage_hours is not None:
        hours = found.coverage_hours
        values = {"num": fmt.number(hours)}
        if period is Period.DAY:
            return fmt.ngettext("in a day of %(num)s Coverage Hour",
                                "in a day of %(num)s Coverage Hours", hours) % values
        if period is Period.WEEK:
            return fmt.ngettext("in a week of %(num)s Coverage Hour",
                                "in a week of %(num)s Coverage Hours", hours) % values
        if period is Period.QUARTER:
            return fmt.ngettext("in a quarter of %(num)s Coverage Hour",
                                "in a quarter of %(num)s Coverage Hours", hours) % values
        if period is Period.HALF_YEAR:
            return fmt.ngettext("in a half-year of %(num)s Coverage Hour",
                                "in a half-year of %(num)s Coverage Hours", hours) % values
        if period is Period.YEAR:
            return fmt.ngettext("in a year of %(num)s Coverage Hour",
                                "in a year of %(num)s Coverage Hours", hours) % values
        return fmt.ngettext("in a month of %(num)s Coverage Hour",
                            "in a month of %(num)s Coverage Hours", hours) % values
    days = {"num": fmt.number(found.days)}
    if period is Period.DAY:
        return fmt.gettext("in a day")
    if period is Period.WEEK:
        return fmt.gettext("in a week")
    if period is Period.QUARTER:
        return fmt.gettext("in a quarter of %(num)s days") % days
    if period is Period.HALF_YEAR:
        return fmt.gettext("in a half-year of %(num)s days") % days
    if period is Period.YEAR:
        return fmt.gettext("in a year of %(num)s days") % days
    return fmt.gettext("in a month of %(num)s days") % days


def _any_period(period: Period, fmt: ContractFormatter) -> str:
    return fmt.gettext({
        Period.DAY: N_("in any day"), Period.WEEK: N_("in any week"),
        Period.MONTH: N_("in any month"), Period.QUARTER: N_("in any quarter"),
        Period.HALF_YEAR: N_("in any half-year"), Period.YEAR: N_("in any year")}[period])


def exact_duration(seconds: Decimal, fmt: ContractFormatter) -> str:
    """A duration in words to the second (``1 hour, 4 minutes and 12 seconds``),
    each number bound to its unit; "about" when tenths of a second had to be
    rounded."""
    rounded = seconds.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    whole = int(rounded)
    parts: list[str] = []
    for size, key in ((86400, "duration-day"), (3600, "duration-hour"),
                      (60, "duration-minute")):
        count, whole = divmod(whole, size)
        if count:
            parts.append(fmt.unit(count, key))
    rest = whole + (rounded - int(rounded))
    if rest or not parts:
        parts.append(fmt.unit(plain(rest), "duration-second"))
    text = fmt.join([part.replace(" ", "\u00a0") for part in parts])
    if rounded != seconds:
        return fmt.gettext("about %(duration)s") % {"duration": text}
    return text


def downtime_row(project: Project, metric: Metric, fmt: ContractFormatter,
                 measurement_section: str = "") -> dict[str, Any]:
    """One availability level's method and allowance, as the contract writes
    them; ``measurement_section`` numbers the measurement terms' subsection
    (when the contract has it) that says when Downtime starts and ends."""
    measured_during, blocks = as_coverage(project, metric.measured_during, metric.calendar)
    found = allowance(metric.target, metric.period, measured_during, blocks, metric.method)
    t = fmt.gettext
    during = during_calendar(project, metric.measured_during, metric.calendar, fmt) or (
        t("during Coverage Hours") if measures_coverage(measured_during, blocks)
        else t("at all times"))
    reference = (calendar_reference(project, metric.measured_during, metric.calendar,
                                    metric.period, found.coverage_hours, fmt)
                 if found.coverage_hours is not None else None)
    values = {"name": metric.name, "target": fmt.percent(metric.target), "during": during,
              "allowed": exact_duration(found.seconds, fmt),
              "reference": reference or _reference(metric.period, found, fmt)}
    if metric.method.method is SamplingMethod.SAMPLED_INTERVAL:
        interval = fmt.minutes(metric.method.interval_minutes).replace(" ", "\u00a0")
        method = t(
            "%(name)s is measured %(during)s in intervals of %(interval)s, counted from the "
            "start of each month: an interval in which the service is found unavailable counts "
            "as Downtime for the whole of its Eligible Minutes.") % {**values,
                                                                      "interval": interval}
        count = found.intervals or 0
        if found.none_in_longest:
            allowed = t(
                "A target of %(target)s allows no failed interval %(any)s: a single failed "
                "interval misses it.") % {**values, "any": _any_period(metric.period, fmt)}
        elif count == 0:
            allowed = t("A target of %(target)s allows no failed interval %(reference)s.") \
                % values
        else:
            allowed = fmt.ngettext(
                "A target of %(target)s allows %(count)s failed interval, that is %(allowed)s "
                "of Downtime, %(reference)s.",
                "A target of %(target)s allows %(count)s failed intervals, that is %(allowed)s "
                "of Downtime, %(reference)s.", count) % {**values, "count": fmt.number(count)}
    else:
        # once included, the measurement terms say when Downtime starts and ends: one
        # rule, theirs, and no second one here
        method = t(
            "%(name)s is measured %(during)s; Downtime is counted to the second, from when it "
            "starts until it ends, as set out in section %(section)s.") % {
                **values, "section": measurement_section} \
            if project.measurement_terms.included and measurement_section else t(
            "%(name)s is measured %(during)s; Downtime is counted to the second, from the "
            "moment the service becomes unavailable until it is available again.") % values
        if found.seconds <= 0:
            allowed = t("A target of %(target)s allows no Downtime.") % values
        else:
            allowed = t("A target of %(target)s allows %(allowed)s of Downtime %(reference)s.") \
                % values
    if metric.service == "*":
        scope = t("%(name)s covers all services: any of them being unavailable is Downtime.") \
            % values
    else:
        service = project.service_by_id(metric.service)
        scope = t("%(name)s covers %(service)s: that service being unavailable, or all "
                  "services being unavailable, is Downtime.") % {
                      **values, "service": service.name if service else metric.service}
    method = f"{method} {scope}"
    if metric.method.measured_over is MeasuredOver.BILLING_CYCLE \
            and metric.method.cycle_start_day > 1:
        day = metric.method.cycle_start_day
        cycle = t(
            "%(name)s is worked out for each billing cycle instead of the calendar month: from "
            "the start of day %(day)s of a month to the end of day %(before)s of the next; "
            "Eligible Minutes and intervals count from the start of the cycle.") % {
                **values, "day": fmt.number(day), "before": fmt.number(day - 1)}
        method = f"{method} {cycle}"
    resource = metric.method.per_resource.strip()
    if resource:
        separately = t(
            "%(name)s is worked out for each %(resource)s separately: each %(resource)s meets "
            "or misses the target on its own, and the Service Level is missed in a month in "
            "which any %(resource)s misses it.") % {**values, "resource": resource}
        method = f"{method} {separately}"
    return {"method": method, "allowance": allowed, "sentence": f"{method} {allowed}",
            "allowed": values["allowed"],
            "eligible_minutes": fmt.number(found.eligible_minutes),
            "reference": values["reference"]}
