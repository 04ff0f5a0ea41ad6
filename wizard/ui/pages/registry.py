"""The wizard's steps, in order, and the page of each. A page's module is
imported when the page is first built, not before: the window opens without
loading the steps nobody has visited yet."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

from wizard.core.steps import STEP_TITLES, Step
from wizard.i18n import _

if TYPE_CHECKING:
    from wizard.ui.pages.base import StepPage

PAGES: dict[Step, tuple[str, str]] = {
    Step.START: ("wizard.ui.pages.start", "StartPage"),
    Step.BASICS: ("wizard.ui.pages.basics", "BasicsPage"),
    Step.PARTIES: ("wizard.ui.pages.parties", "PartiesPage"),
    Step.STAKEHOLDERS: ("wizard.ui.pages.stakeholders", "StakeholdersPage"),
    Step.SERVICES: ("wizard.ui.pages.services", "ServicesPage"),
    Step.SCHEDULE: ("wizard.ui.pages.schedule", "SchedulePage"),
    Step.METRICS: ("wizard.ui.pages.metrics", "MetricsPage"),
    Step.CREDITS: ("wizard.ui.pages.credits", "CreditsPage"),
    Step.REPORTING: ("wizard.ui.pages.reporting", "ReportingPage"),
    Step.EXCLUSIONS: ("wizard.ui.pages.exclusions", "ExclusionsPage"),
    Step.TERMINATION: ("wizard.ui.pages.termination", "TerminationPage"),
    Step.APPEARANCE: ("wizard.ui.pages.appearance", "AppearancePage"),
    Step.REVIEW: ("wizard.ui.pages.review", "ReviewPage"),
}
"""Each step's page: its module and class, in the order of the steps."""


def page_class(step: Step) -> type[StepPage]:
    """The page class of ``step`` (its module imported now if it was not yet)."""
    module, name = PAGES[step]
    return cast("type[StepPage]", getattr(importlib.import_module(module), name))


def page_classes() -> list[type[StepPage]]:
    return [page_class(step) for step in Step]


def page_titles() -> dict[Step, str]:
    """Each step's title in the interface language."""
    return {step: _(STEP_TITLES[step]) for step in Step}
