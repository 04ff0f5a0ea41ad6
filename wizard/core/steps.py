"""The wizard's steps, in order, and their titles: all the first paint of the
window needs to know about them (no project model behind it)."""

from __future__ import annotations

from enum import StrEnum

from wizard.i18n import N_


class Step(StrEnum):
    """The wizard's steps, in order; every problem belongs to one (none to the
    start step, where a project is chosen)."""

    START = "start"
    BASICS = "basics"
    PARTIES = "parties"
    STAKEHOLDERS = "stakeholders"
    SERVICES = "services"
    SCHEDULE = "schedule"
    METRICS = "metrics"
    CREDITS = "credits"
    REPORTING = "reporting"
    EXCLUSIONS = "exclusions"
    TERMINATION = "termination"
    APPEARANCE = "appearance"
    REVIEW = "review"


STEP_TITLES: dict[Step, str] = {
    Step.START: N_("Start"),
    Step.BASICS: N_("Basics"),
    Step.PARTIES: N_("Parties"),
    Step.STAKEHOLDERS: N_("Stakeholders"),
    Step.SERVICES: N_("Services"),
    Step.SCHEDULE: N_("Availability schedule"),
    Step.METRICS: N_("Service levels"),
    Step.CREDITS: N_("Service credits"),
    Step.REPORTING: N_("Reporting and review"),
    Step.EXCLUSIONS: N_("Exclusions"),
    Step.TERMINATION: N_("Termination"),
    Step.APPEARANCE: N_("Appearance"),
    Step.REVIEW: N_("Review and generate"),
}
"""Each step's title, marked with ``N_`` (shown translated); the same as its
page's ``title``."""
