"""The wizard's steps, in order."""

from __future__ import annotations

from wizard.core.checks import Step
from wizard.i18n import _
from wizard.ui.pages.base import StepPage


def page_classes() -> list[type[StepPage]]:
    from wizard.ui.pages.appearance import AppearancePage
    from wizard.ui.pages.basics import BasicsPage
    from wizard.ui.pages.credits import CreditsPage
    from wizard.ui.pages.exclusions import ExclusionsPage
    from wizard.ui.pages.metrics import MetricsPage
    from wizard.ui.pages.parties import PartiesPage
    from wizard.ui.pages.reporting import ReportingPage
    from wizard.ui.pages.review import ReviewPage
    from wizard.ui.pages.schedule import SchedulePage
    from wizard.ui.pages.services import ServicesPage
    from wizard.ui.pages.stakeholders import StakeholdersPage
    from wizard.ui.pages.start import StartPage
    from wizard.ui.pages.termination import TerminationPage

    return [StartPage, BasicsPage, PartiesPage, StakeholdersPage, ServicesPage, SchedulePage,
            MetricsPage, CreditsPage, ReportingPage, ExclusionsPage, TerminationPage,
            AppearancePage, ReviewPage]


def page_titles() -> dict[Step, str]:
    """Each step's title in the interface language."""
    return {cls.step: _(cls.title) for cls in page_classes()}
