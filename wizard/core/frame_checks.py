"""Checks of the optional legal parts (:mod:`wizard.core.contract_frame`): a
part switched on without what makes it say something useful."""

from __future__ import annotations

from collections.abc import Iterator

from wizard.core.checks import Problem, Severity
from wizard.core.contract import has_payment_clause
from wizard.core.contract_frame import default_governing_law, onerous_clauses
from wizard.core.model import AgreementType, Project, StandardExclusion
from wizard.core.steps import Step
from wizard.i18n import _


def frame_problems(project: Project, locale: str | None = None) -> Iterator[Problem]:
    """Warnings about the legal frame, the measurement terms and the
    maintenance rules of the contract written in ``locale`` (the project's
    contract language by default): the default governing law is that of the
    contract's country, which ``generate --language`` may change."""
    frame = project.frame
    if frame.included and not frame.governing_law.strip() \
            and not default_governing_law(locale or project.language):
        yield Problem(
            Severity.WARNING, Step.TERMINATION, ("frame", "governing_law"),
            _("The legal frame names no governing law, and the contract's country has no single "
              "one (in the United States each state has its own): enter the law that governs "
              "the agreement, for example \"the law of the State of New York\"."))
    if frame.included and not frame.master_prevails and not frame.master_agreement.strip():
        yield Problem(
            Severity.WARNING, Step.TERMINATION, ("frame", "master_agreement"),
            _("This agreement is to prevail over a master agreement, but none is named: enter "
              "the master agreement, or leave the choice at its default."))
    terms = project.measurement_terms
    if terms.included and not terms.unavailable_when.strip() and not terms.measured_from.strip():
        yield Problem(
            Severity.WARNING, Step.METRICS, ("measurement_terms", "unavailable_when"),
            _("The measurement terms say neither what counts as unavailable nor how it is "
              "measured: a Downtime definition without them leaves the parties to argue about "
              "every outage."))
    rules = project.maintenance_rules
    if rules.included and not project.schedule.maintenance_windows:
        yield Problem(
            Severity.WARNING, Step.SCHEDULE, ("maintenance_rules", "included"),
            _("The maintenance rules are on, but the agreement sets no maintenance windows, so "
              "scheduled maintenance has no agreed time: add the windows in which it takes "
              "place."))
    exclusions = project.exclusions
    if exclusions.included and StandardExclusion.SUSPENSION_NON_PAYMENT in exclusions.standard \
            and not has_payment_clause(project):
        index = exclusions.standard.index(StandardExclusion.SUSPENSION_NON_PAYMENT)
        yield Problem(
            Severity.WARNING, Step.EXCLUSIONS, ("exclusions", "standard", index),
            _("Suspension for non-payment is ticked, but the contract has no payment terms "
              "that would allow it, so it is left out: add the commercial terms with a payment "
              "period (Termination step), or untick it."))
    if (locale or project.language).startswith("it_") and not project.signing.included \
            and onerous_clauses(project):
        yield Problem(
            Severity.WARNING, Step.TERMINATION, ("signing", "included"),
            _("The contract has clauses an Italian court enforces against the Customer only "
              "when approved specifically in writing (articles 1341 and 1342 of the Civil "
              "Code: sole remedy, caps, time limits, renewal, termination): switch on the "
              "signing formalities, which add that approval and its second signature."))
    if project.agreement.type is AgreementType.INTERNAL:
        yield from _internal_problems(project)


def _internal_problems(project: Project) -> Iterator[Problem]:
    """Parts of a contract between companies switched on in an agreement
    between departments, which says it creates no payment obligations."""
    parts = (
        (project.commercial.included, "commercial",
         _("This is an internal agreement, which creates no payment obligations, but the "
           "commercial terms (payment, taxes, price changes, liability) are on: the contract "
           "would contradict itself. Switch them off, or choose another kind of agreement.")),
        (project.frame.included, "frame",
         _("This is an internal agreement, settled between the departments' heads, but the "
           "general provisions (governing law, courts, notices) are on: departments of one "
           "organisation do not take each other to court. Switch them off, or choose another "
           "kind of agreement.")),
    )
    for included, part, message in parts:
        if included:
            yield Problem(Severity.WARNING, Step.TERMINATION, (part, "included"), message)
