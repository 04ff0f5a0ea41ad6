"""The steps that bring a project file from an older format to the current one.

``MIGRATIONS[n]`` turns the parsed data of a format-``n`` file into format
``n + 1``; :func:`wizard.core.project_file.migrate_data` applies them one
after another and sets ``format_version``. Each step keeps the meaning the
file had: the contract made from the converted project says what the same
program says of the original.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.core.model import CREDIT_ADDITIONS

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def format_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 only adds to format 1, and each addition's default is what a
    format-1 file meant, so nothing in the data needs to change:

    * ``agreement.commitment`` ``will_meet``: the levels are promised outright;
    * ``metrics[].owed_by`` ``provider``: every level is the Provider's, and
      ``metrics[].commitment`` ``null``: promised as the agreement says;
    * ``agreement.resolution_commitment`` ``will_meet``: resolution times are
      firm, as before;
    * ``schedule.support_coverage`` keeps its list (an empty one is, as
      before, support around the clock; ``null`` is new: no support hours);
    * ``reporting.included`` and ``exclusions.included`` ``true``: both
      clauses are in the agreement;
    * ``termination.term`` ``fixed``: an initial term, renewed or not, and
      ``termination.convenience_clause`` ``true``: the agreement says whether
      it may be ended for convenience;
    * ``agreement.contacts_fallback`` ``true``: without contacts, the
      contacts section says who they are;
    * ``schedule.calendars`` empty and no level's ``calendar`` set: every
      level is measured on the coverage or support hours, or at all times;
    * ``service_credits``: its own fields stay the one schedule (``kind``
      ``tiers``), with no further schedules, no minimum, no yearly cap,
      credits set off against future invoices and no claim procedure; without
      credits, a clause says that none apply (``no_credits_clause``).

    A key that format 2 gives a meaning and that a format-1 file already holds
    as an unknown key (kept by format 1's rules) would take that meaning; the
    names are new in format 2, so such a key is moved aside under
    ``format_1_<name>`` rather than read."""
    sections = {
        "agreement": ("commitment", "contacts_fallback", "resolution_commitment",
                      "scope_sentence"),
        "reporting": ("included",),
        "exclusions": ("included",),
        "termination": ("term", "convenience_clause"),
        "service_credits": CREDIT_ADDITIONS,
    }
    for section, names in sections.items():
        part = data.get(section)
        if isinstance(part, dict):
            for name in names:
                if name in part:
                    part[f"format_1_{name}"] = part.pop(name)
    metrics = data.get("metrics")
    for metric in metrics if isinstance(metrics, list) else []:
        for name in ("owed_by", "commitment"):
            if isinstance(metric, dict) and name in metric:
                metric[f"format_1_{name}"] = metric.pop(name)
    schedule = data.get("schedule")
    if isinstance(schedule, dict) and "calendars" in schedule:  # named calendars
        schedule["format_1_calendars"] = schedule.pop("calendars")
    for key in ("metrics", "severity_levels"):
        levels = data.get(key)
        for level in levels if isinstance(levels, list) else []:
            if isinstance(level, dict) and "calendar" in level:
                level["format_1_calendar"] = level.pop("calendar")
    if "history" in data:  # the months' recorded results, new in format 2
        data["format_1_history"] = data.pop("history")
    if "customer_groups" in data:  # the levels of a multi-level agreement, new in format 2
        data["format_1_customer_groups"] = data.pop("customer_groups")
    return data


MIGRATIONS: dict[int, Migration] = {1: format_1_to_2}
