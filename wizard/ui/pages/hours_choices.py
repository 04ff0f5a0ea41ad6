"""The "Measured during" choices of service and severity levels: the fixed
clocks, then each named calendar of the schedule (``schedule.calendars``)."""

from __future__ import annotations

from collections.abc import Sequence

from wizard.core.model import MeasuredDuring, MeasuredOn, Project
from wizard.i18n import _


def with_calendars(project: Project, fixed: Sequence[tuple[MeasuredDuring, str]],
                   current: MeasuredOn | None = None) -> list[tuple[MeasuredOn, str]]:
    """``fixed`` as ``(measured_during, "")`` choices, then one for each named
    calendar; a calendar a level names that the schedule does not have is
    kept (marked), so that the choice shows what the file says."""
    choices: list[tuple[MeasuredOn, str]] = [((during, ""), label) for during, label in fixed]
    for calendar in project.schedule.calendars:
        name = calendar.name.strip() or calendar.id
        choices.append(((MeasuredDuring.CALENDAR, calendar.id),
                        _("{name} hours").format(name=name)))
    if current is not None and current not in [value for value, _label in choices]:
        choices.append((current, _("{id} (no such hours)").format(id=current[1])))
    return choices


def severity_hours_choices(project: Project, fixed: Sequence[tuple[MeasuredDuring, str]]
                           ) -> list[tuple[MeasuredOn, str]]:
    """When a severity level's clock runs: ``fixed``, the named calendars, and
    any calendar one of the levels names that the schedule does not have."""
    choices = with_calendars(project, fixed)
    for level in project.severity_levels:
        if level.measured_on not in [value for value, _label in choices]:
            choices += with_calendars(project, (), level.measured_on)[
                len(project.schedule.calendars):]
    return choices
