"""The service levels as OpenSLO v1 YAML (https://github.com/OpenSLO/OpenSLO).

One YAML document per object, in the order a reader needs them: a
``Service`` for each service a level concerns (``all-services`` for a level
of every service), an ``SLI`` for each level, then its ``SLO``.

- Each SLO refers to its SLI (``indicatorRef``) and its service, budgets by
  ``Occurrences`` (good events, or good minutes, over all of them: the
  contract's own formula), and has one objective whose ``target`` is the
  level as a ratio: 99.5 % at least is ``0.995``; 0.1 % at most (an error
  rate) is ``0.999`` of good events, counted through the SLI's ``bad``
  events.
- The time window is calendar-aligned: the level's period (``1d``, ``1w``,
  ``1M``, ``1Q``, ``1Y``) starting at local midnight on the first day of the
  period that holds the agreement's effective date, in the agreement's time
  zone (``UTC`` is written ``Etc/UTC``, the IANA name the spec asks for).
- What OpenSLO has no field for goes into ``metadata.annotations`` under
  ``slawizard.example/``: the hours the level is measured during, the coverage
  and support hours, the public holidays and their region, the announced
  maintenance windows and whether they are left out of the measured time.
- The SLIs name no monitoring tool (the agreement names none): each metric
  source is of type ``Any`` and says in ``spec.description`` what is counted.

Only levels OpenSLO can express are written: a level in percent whose
ratio is below 1. A limit in minutes, hours, days or a count (every ticket
answered within an hour, at least 250 leads) is not a share of good events,
and a 100 % level leaves no error budget (OpenSLO's target is below 1); both
are left out, and the notes and the file's opening comment say which and why.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import yaml

from wizard.core.attainment import maintenance_excluded
from wizard.core.calendars import named_calendar
from wizard.core.export_common import (
    Export,
    ExportError,
    agreement_title,
    agreement_zone,
    hours_text,
    object_name,
)
from wizard.core.model import (
    PERCENT_UNIT,
    Direction,
    Metric,
    MetricKind,
    Period,
    Project,
)
from wizard.i18n import _

API_VERSION = "openslo/v1"
ANNOTATION_PREFIX = "slawizard.example/"
DESCRIPTION_MAX = 1050
ALL_SERVICES = "all-services"

_DURATION = {Period.DAY: "1d", Period.WEEK: "1w", Period.MONTH: "1M",
             Period.QUARTER: "1Q", Period.HALF_YEAR: "6M", Period.YEAR: "1Y"}

_COUNTED = {
    MetricKind.AVAILABILITY: ("minutes the service was up within the measured hours",
                              "minutes within the measured hours"),
    MetricKind.ERROR_RATE: ("events counted as errors", "all events"),
    MetricKind.RESPONSE_TIME: ("tickets answered within their severity level's target",
                               "tickets"),
    MetricKind.RESOLUTION_TIME: ("tickets resolved within their severity level's target",
                                 "tickets"),
}


def period_start(period: Period, day: datetime.date) -> datetime.date:
    """The first day of the calendar ``period`` that holds ``day`` (weeks
    start on Monday)."""
    if period is Period.DAY:
        return day
    if period is Period.WEEK:
        return day - datetime.timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    if period is Period.QUARTER:
        return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if period is Period.HALF_YEAR:
        return datetime.date(day.year, 1 if day.month <= 6 else 7, 1)
    return datetime.date(day.year, 1, 1)


def objective_target(metric: Metric) -> Decimal | None:
    """The share of good events the level asks for, or ``None`` when it is
    not a percentage."""
    if metric.unit != PERCENT_UNIT:
        return None
    share = metric.target / 100
    return share if metric.direction is Direction.AT_LEAST else 1 - share


def left_out_reason(metric: Metric) -> str | None:
    """Why OpenSLO cannot hold ``metric``; ``None`` when it can."""
    target = objective_target(metric)
    if target is None:
        return _("its target ({target} {unit}) is a limit, not the share of good events an "
                 "OpenSLO objective needs").format(target=format(metric.target, "f"),
                                                   unit=metric.unit)
    if not 0 <= target < 1:
        return _("a level of {percentage} leaves no error budget; an OpenSLO target must be "
                 "below 1").format(percentage=f"{format(metric.target, 'f')} %")
    return None


def _time_zone_name(project: Project) -> str:
    zone = agreement_zone(project).key
    return "Etc/UTC" if zone in ("UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu") else zone


def _annotations(project: Project, metric: Metric) -> dict[str, str]:
    schedule = project.schedule
    notes = {
        "agreement": project.agreement.reference.strip(),
        "measured-during": metric.measured_during.value,
        **_calendar_notes(project, metric),
        "coverage-hours": hours_text(schedule.coverage),
        "support-hours": hours_text(schedule.support_coverage),
        "public-holidays": schedule.public_holidays.value,
        "holiday-region": schedule.holiday_region.strip(),
        "maintenance-windows": "; ".join(
            f"{w.day.value} {w.start} {w.duration_minutes}m"
            for w in schedule.maintenance_windows),
        "maintenance-excluded": "true" if maintenance_excluded(project) else "false",
    }
    return {ANNOTATION_PREFIX + key: value for key, value in notes.items() if value}


def _calendar_notes(project: Project, metric: Metric) -> dict[str, str]:
    """The named calendar a level is measured on, by id, name and hours (an
    OpenSLO time window has no hours of its own, so they go in annotations)."""
    found = named_calendar(project, metric.measured_during, metric.calendar)
    if found is None:
        return {"calendar": metric.calendar} if metric.calendar else {}
    return {"calendar": found.id, "calendar-name": found.name.strip(),
            "calendar-hours": hours_text(found.coverage)}


def _metadata(name: str, display: str, annotations: dict[str, str] | None = None
              ) -> dict[str, Any]:
    metadata: dict[str, Any] = {"name": name}
    if display.strip():
        metadata["displayName"] = display.strip()
    if annotations:
        metadata["annotations"] = annotations
    return metadata


def _source(description: str) -> dict[str, Any]:
    return {"metricSource": {"type": "Any", "spec": {"description": description}}}


def _sli(metric: Metric, name: str) -> dict[str, Any]:
    at_most = metric.direction is Direction.AT_MOST
    counted, total = _COUNTED.get(metric.kind, (
        "events the level's percentage counts" if at_most else "events meeting the level",
        "events measured"))
    ratio: dict[str, Any] = {"counter": False, "bad" if at_most else "good": _source(counted)}
    ratio["total"] = _source(total)
    spec: dict[str, Any] = {"ratioMetric": ratio}
    if metric.measurement.strip():
        spec = {"description": metric.measurement.strip()[:DESCRIPTION_MAX], **spec}
    return {"apiVersion": API_VERSION, "kind": "SLI",
            "metadata": _metadata(name, metric.name), "spec": spec}


def _slo(project: Project, metric: Metric, name: str, sli: str, service: str,
         zone: str) -> dict[str, Any]:
    target = objective_target(metric)
    assert target is not None
    start = period_start(metric.period, project.agreement.effective_date)
    spec: dict[str, Any] = {}
    if metric.measurement.strip():
        spec["description"] = metric.measurement.strip()[:DESCRIPTION_MAX]
    spec.update({
        "service": service,
        "indicatorRef": sli,
        "timeWindow": [{"duration": _DURATION[metric.period], "isRolling": False,
                        "calendar": {"startTime": f"{start.isoformat()} 00:00:00",
                                     "timeZone": zone}}],
        "budgetingMethod": "Occurrences",
        "objectives": [{"displayName": metric.name.strip() or metric.id,
                        "target": float(target)}],
    })
    return {"apiVersion": API_VERSION, "kind": "SLO",
            "metadata": _metadata(name, metric.name, _annotations(project, metric)),
            "spec": spec}


def export_openslo(project: Project) -> Export:
    """The service levels OpenSLO can hold, as YAML documents; the notes
    name the levels left out."""
    zone = _time_zone_name(project)
    notes: list[str] = []
    kept: list[Metric] = []
    for metric in project.metrics:
        reason = left_out_reason(metric)
        if reason is None:
            kept.append(metric)
        else:
            notes.append(_("Left out {level}: {reason}.").format(
                level=metric.name or metric.id, reason=reason))
    if not kept:
        raise ExportError(_("no service level of the project can be written as an OpenSLO "
                            "objective: that needs a level in percent, below 100"))
    taken: set[str] = set()
    services: dict[str, dict[str, Any]] = {}
    objects: list[dict[str, Any]] = []
    for metric in kept:
        key = metric.service if metric.service != "*" else ""
        if key not in services:
            found = project.service_by_id(key)
            if found is None:
                name = object_name(ALL_SERVICES, ALL_SERVICES, taken)
                display = _("All services of {agreement}").format(
                    agreement=agreement_title(project))
                description = ""
            else:
                name = object_name(found.id, "service", taken)
                display, description = found.name, found.description.strip()
            spec = {"description": description[:DESCRIPTION_MAX]} if description else {}
            services[key] = {"apiVersion": API_VERSION, "kind": "Service",
                             "metadata": _metadata(name, display), "spec": spec}
        base = object_name(metric.id or metric.name, "level", set())
        sli_name = object_name(f"{base}-sli", "level-sli", taken)
        slo_name = object_name(base, "level", taken)
        objects.append(_sli(metric, sli_name))
        objects.append(_slo(project, metric, slo_name, sli_name,
                            services[key]["metadata"]["name"], zone))
    header = "".join(f"# {line}\n" for line in [
        _("OpenSLO v1 service levels of {agreement}").format(agreement=agreement_title(project)),
        *notes])
    body = yaml.safe_dump_all([*services.values(), *objects], sort_keys=False,
                              allow_unicode=True, explicit_start=True)
    return Export((header + body).encode("utf-8"), notes)
