"""The severity levels as a Zendesk SLA policy, with the business hours they
are timed on as a Zendesk schedule, in one JSON file:

.. code-block:: text

    {"sla_policy": {...},   body of POST /api/v2/slas/policies (its "sla_policy")
     "schedule": {...},     body of POST /api/v2/business_hours/schedules
     "holidays": [{...}],   each the "holiday" of POST .../schedules/{id}/holidays
     "notes": ["..."]}      how the agreement was mapped (not sent to Zendesk)

**SLA policy** (Zendesk's SLA Policies API): ``title`` (the agreement's),
``description``, ``position`` 1 and an empty ``filter`` (``{"all": [],
"any": []}``: every ticket; narrow it to the customer's organization in
Zendesk, whose ids the agreement does not know). The severity levels map
to Zendesk's four priorities in the order the agreement lists them: the
first to ``urgent``, then ``high``, ``normal``, ``low``; a fifth level and
later have no priority left and are named in the notes. Each level gives
``first_reply_time`` (its response target) and, when it has one,
``requester_wait_time`` (its resolution target: Zendesk pauses it while the
ticket waits on the requester, as the contract pauses the resolution clock),
in minutes, with ``business_hours`` true unless the level is timed at all
times. A target of zero minutes is left out (Zendesk asks for a time).

**Schedule** (Zendesk's Schedules API): ``name``, ``time_zone`` as Zendesk
names it (:mod:`wizard.core.zendesk_time_zones`), and ``intervals``, each a
stretch of business hours as minutes since Sunday 00:00 (Monday 08:00 is
1920), none spanning midnight. The hours are those the levels' clocks run on
(:func:`wizard.core.attainment.ticket_blocks`); Zendesk times a ticket on one
schedule, so when levels name different hours the first level's are written
and the notes say so. **Holidays**: the public holidays the agreement leaves
out for twelve months from the first day of the export, by the rule the
month's measurement uses, each ``name``, ``start_date``, ``end_date``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any

from wizard.core.attainment import AttainmentError, public_holidays, ticket_blocks
from wizard.core.compute import day_intervals
from wizard.core.export_common import (
    MINUTES_PER_DAY,
    Export,
    ExportError,
    agreement_title,
    agreement_zone,
    twelve_months_later,
)
from wizard.core.model import CoverageBlock, MeasuredDuring, Project, SeverityLevel, Weekday
from wizard.core.zendesk_time_zones import rails_name
from wizard.i18n import _

PRIORITIES = ("urgent", "high", "normal", "low")
RESPONSE_METRIC = "first_reply_time"
RESOLUTION_METRIC = "requester_wait_time"


def zendesk_intervals(blocks: Sequence[CoverageBlock]) -> list[dict[str, int]]:
    """The weekly hours of ``blocks`` (an empty list: around the clock) as
    Zendesk intervals, minutes since Sunday midnight, in week order."""
    intervals = []
    for day in Weekday:
        offset = (day.number + 1) % 7 * MINUTES_PER_DAY  # Zendesk's week starts on Sunday
        spans = day_intervals(blocks, day) if blocks else [(0, MINUTES_PER_DAY)]
        intervals += [{"start_time": offset + start, "end_time": offset + end}
                      for start, end in spans]
    return sorted(intervals, key=lambda interval: interval["start_time"])


def _level_name(level: SeverityLevel) -> str:
    return " ".join(part for part in (level.id, level.name) if part.strip()) or "?"


def _policy_metrics(levels: Sequence[SeverityLevel], notes: list[str]) -> list[dict[str, Any]]:
    metrics: list[dict[str, Any]] = []
    for level, priority in zip(levels, PRIORITIES, strict=False):
        business_hours = level.measured_during is not MeasuredDuring.ALWAYS
        targets = [(RESPONSE_METRIC, level.response_minutes),
                   (RESOLUTION_METRIC, level.resolution_minutes)]
        for metric, minutes in targets:
            if minutes is None:
                continue
            if minutes == 0:
                notes.append(_("Left out the zero-minute target of {level}: Zendesk needs a "
                               "time.").format(level=_level_name(level)))
                continue
            metrics.append({"priority": priority, "metric": metric, "target": minutes,
                            "business_hours": business_hours})
    return metrics


def _schedule_blocks(project: Project, notes: list[str]) -> list[CoverageBlock]:
    timed = [(level, ticket_blocks(project, level.measured_during, level.calendar))
             for level in project.severity_levels]
    on_hours = [(level, blocks) for level, blocks in timed if blocks is not None]
    if not on_hours:
        support = project.schedule.support_coverage
        return list(project.schedule.coverage if support is None else support)
    first_level, chosen = on_hours[0]
    others = [_level_name(level) for level, blocks in on_hours if blocks != chosen]
    if others:
        notes.append(_("Zendesk times a ticket on one schedule: the schedule holds the hours "
                       "of {level}; {others} run on other hours in the agreement.").format(
                           level=_level_name(first_level), others=", ".join(others)))
    return chosen


def export_zendesk(project: Project, first: datetime.date) -> Export:
    """The SLA policy, schedule and holidays as one JSON document; holidays
    from ``first`` for twelve months."""
    levels = project.severity_levels
    if not levels:
        raise ExportError(_("the project has no severity levels, so there are no response "
                            "or resolution targets for a Zendesk SLA policy"))
    zone = agreement_zone(project)
    named = rails_name(zone, first)
    if named is None:
        raise ExportError(_('Zendesk has no time zone with the clock of "{zone}" (it names '
                            "zones as Ruby on Rails does); choose a neighbouring zone in the "
                            "availability schedule").format(zone=zone.key))
    zone_name, own = named
    notes = [_("Severity levels map to Zendesk priorities in order: {mapping}.").format(
        mapping=", ".join(f"{_level_name(level)} → {priority}"
                          for level, priority in zip(levels, PRIORITIES, strict=False)))]
    if len(levels) > len(PRIORITIES):
        notes.append(_("Left out {levels}: Zendesk has four priorities.").format(
            levels=", ".join(_level_name(level) for level in levels[len(PRIORITIES):])))
    if not own:
        notes.append(_('Zendesk has no "{zone}": the schedule uses "{name}", whose clock is '
                       "the same.").format(zone=zone.key, name=zone_name))
    notes.append(_("The policy's filter is empty, so it applies to every ticket: narrow it to "
                   "the customer's organization in Zendesk."))
    title = agreement_title(project)
    reference = project.agreement.reference.strip()
    policy = {
        "title": title,
        "description": _("Response and resolution targets of {agreement}").format(
            agreement=f"{title} ({reference})" if reference else title),
        "position": 1,
        "filter": {"all": [], "any": []},
        "policy_metrics": _policy_metrics(levels, notes),
    }
    schedule = {"name": _("{agreement}: business hours").format(agreement=title),
                "time_zone": zone_name,
                "intervals": zendesk_intervals(_schedule_blocks(project, notes))}
    try:
        holidays = public_holidays(project, first, twelve_months_later(first))
    except AttainmentError as exc:
        raise ExportError(str(exc)) from None
    document = {
        "sla_policy": policy,
        "schedule": schedule,
        "holidays": [{"name": name, "start_date": day.isoformat(), "end_date": day.isoformat()}
                     for day, name in holidays],
        "notes": notes,
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return Export(text.encode("utf-8"), notes)
