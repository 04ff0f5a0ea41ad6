"""The checks of the named calendars (``schedule.calendars``) and of the levels
measured on them, wired into :func:`wizard.core.checks.check_project`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from wizard.core.calendars import used_calendar_ids
from wizard.core.checks import Problem, Severity, coverage_problems
from wizard.core.compute import uncovered_weekly_minutes
from wizard.core.model import MeasuredDuring, Project
from wizard.core.steps import Step
from wizard.i18n import _


def calendar_problems(project: Project) -> Iterator[Problem]:
    """The calendars' own problems, then those of the levels that name one."""
    yield from _calendars(project)
    yield from _levels(project)


def _calendars(project: Project) -> Iterator[Problem]:
    calendars = project.schedule.calendars
    counts = Counter(c.id for c in calendars)
    used = used_calendar_ids(project)
    for index, calendar in enumerate(calendars):
        loc = ("schedule", "calendars", index)
        if not calendar.id.strip():
            yield Problem(Severity.ERROR, Step.SCHEDULE, (*loc, "id"),
                          _("These hours need a short identifier."))
        elif counts[calendar.id] > 1:
            yield Problem(Severity.ERROR, Step.SCHEDULE, (*loc, "id"),
                          _('Two calendars use the identifier "{id}".').format(id=calendar.id))
        if not calendar.name.strip():
            yield Problem(Severity.ERROR, Step.SCHEDULE, (*loc, "name"),
                          _("Name these hours: the contract calls them by their name."))
        yield from coverage_problems((*loc, "coverage"), calendar.coverage)
        if calendar.id.strip() and calendar.id not in used:
            yield Problem(Severity.WARNING, Step.SCHEDULE, loc, _(
                'No service level or severity level is measured on "{name}", but the contract '
                "sets out its hours. Measure a level on them, or remove them.").format(
                    name=calendar.name.strip() or calendar.id))


def _levels(project: Project) -> Iterator[Problem]:
    schedule = project.schedule
    levels: list[tuple[tuple[str, int], MeasuredDuring, str]] = [
        (("metrics", i), m.measured_during, m.calendar)
              for i, m in enumerate(project.metrics)]
    levels += [(("severity_levels", i), s.measured_during, s.calendar)
               for i, s in enumerate(project.severity_levels)]
    for loc, during, calendar_id in levels:
        if during is not MeasuredDuring.CALENDAR:
            continue
        calendar = schedule.calendar_by_id(calendar_id)
        if calendar is None:
            yield Problem(Severity.ERROR, Step.METRICS, (*loc, "calendar"), _(
                'This level is measured on the hours "{id}", which the Availability schedule '
                "step does not set out. Choose other hours for it.").format(id=calendar_id))
        elif (loc[0] == "severity_levels" and schedule.support_coverage is not None
              and uncovered_weekly_minutes(calendar.coverage, schedule.support_coverage)):
            yield Problem(Severity.WARNING, Step.METRICS, (*loc, "calendar"), _(
                'This level is counted on the hours "{name}", which go beyond the support hours: '
                "it promises a response when nobody answers, at 3 a.m. on Sunday perhaps. Count "
                "it during support hours, or end these hours when support does.").format(
                    name=calendar.name.strip() or calendar.id))
