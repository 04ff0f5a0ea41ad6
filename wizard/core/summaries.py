"""Plain-language summaries of parts of a project, shown in the wizard as the
user edits them (in the interface language, not the contract's: its words
and its way of writing numbers)."""

from __future__ import annotations

from babel.lists import format_list

from wizard.core.explain import number_text
from wizard.core.model import (
    MONTHS_IN_YEAR,
    Commitment,
    PartyRole,
    Project,
    Termination,
    TermKind,
)
from wizard.i18n import _, language, ngettext


def months_text(count: int) -> str:
    """``1 month``, ``12 months``."""
    return ngettext("{count} month", "{count} months", count).format(
        count=number_text(count))


def notice_text(days: int) -> str:
    """``1 day's notice``, ``60 days' notice``."""
    return ngettext("{count} day's notice", "{count} days' notice", days).format(
        count=number_text(days))


def term_sentence(term: Termination) -> str:
    """How long the agreement runs and how it renews or ends."""
    if term.term is TermKind.WHILE_SERVICES_USED:
        return _("In force while the services are used.")
    if term.term is TermKind.UNTIL_REPLACED:
        return _("In force until a revised agreement replaces it.")
    initial = months_text(term.initial_term_months)
    if not term.auto_renew:
        return _("Runs {term}, then ends unless the parties agree to extend it.").format(
            term=initial)
    renewal = months_text(term.renewal_term_months)
    if term.notice_days == 0:
        return _("Runs {term}, renews for {renewal} unless ended before the term is "
                 "over.").format(term=initial, renewal=renewal)
    return _("Runs {term}, renews for {renewal} unless ended with {notice}.").format(
        term=initial, renewal=renewal, notice=notice_text(term.notice_days))


def convenience_sentence(term: Termination) -> str:
    """Whether either party may end the agreement early without a reason."""
    days = term.for_convenience_notice_days
    if not term.convenience_clause:
        return _("The contract says nothing about ending it without a reason.")
    if days is None:
        if term.term is not TermKind.FIXED:
            return _("Neither party may end it without a reason.")
        return _("Neither party may end it early without a reason.")
    if days == 0:
        return _("Either party may end it at any time, with immediate effect.")
    return _("Either party may end it at any time with {notice}.").format(
        notice=notice_text(days))


def chronic_failure_sentence(term: Termination) -> str:
    """When repeated misses let the customer leave; empty when they never do."""
    consecutive = term.chronic_failure.consecutive_months
    in_year = term.chronic_failure.months_in_year
    window = term.chronic_failure.within_months
    if in_year and window != MONTHS_IN_YEAR:
        within = ngettext(
            "The customer may leave when a target is missed in {count} month within any "
            "{window}.",
            "The customer may leave when a target is missed {count} months within any "
            "{window}.", in_year).format(count=number_text(in_year), window=number_text(window))
        if consecutive:
            return ngettext(
                "The customer may leave when a target is missed in {count} month.",
                "The customer may leave when a target is missed {count} months in a row.",
                consecutive,
            ).format(count=number_text(consecutive)) + " " + within
        return within
    if consecutive and in_year:
        return _("The customer may leave when a target is missed {consecutive} months in a "
                 "row or {in_year} months within twelve.").format(
            consecutive=number_text(consecutive), in_year=number_text(in_year))
    if consecutive:
        return ngettext(
            "The customer may leave when a target is missed in {count} month.",
            "The customer may leave when a target is missed {count} months in a row.",
            consecutive,
        ).format(count=number_text(consecutive))
    if in_year:
        return ngettext(
            "The customer may leave when a target is missed in {count} month within twelve.",
            "The customer may leave when a target is missed {count} months within twelve.",
            in_year,
        ).format(count=number_text(in_year))
    return ""


def termination_summary(term: Termination) -> str:
    """The term and termination rules in two or three short sentences:
    ``Runs 12 months, renews for 12 months unless ended with 60 days' notice.`` …"""
    sentences = (term_sentence(term), convenience_sentence(term),
                 chronic_failure_sentence(term))
    return " ".join(sentence for sentence in sentences if sentence)


def service_levels_text(project: Project) -> str:
    """How many service levels there are, ``4``; with those the customer owes
    and an efforts-only promise said: ``4 (1 owed by the customer), as
    commercially reasonable efforts``."""
    metrics = project.metrics
    text = str(len(metrics))
    owed = sum(1 for m in metrics if m.owed_by is PartyRole.CUSTOMER)
    if owed:
        text = _("{count} ({customer} owed by the customer)").format(
            count=text, customer=number_text(owed))
    efforts = sum(1 for m in metrics
                  if m.commitment_in(project.agreement) is Commitment.REASONABLE_EFFORTS)
    if metrics and efforts == len(metrics):
        text = _("{levels}, as commercially reasonable efforts").format(levels=text)
    elif efforts:
        text = _("{levels}, {count} as commercially reasonable efforts").format(
            levels=text, count=number_text(efforts))
    return text


def left_out_text(project: Project) -> str:
    """The parts the agreement leaves out that a contract usually has, as a
    list (``support hours and exclusions``); empty when it leaves out none."""
    parts = []
    if project.schedule.support_coverage is None:
        parts.append(_("support hours"))
    if not project.reporting.included:
        parts.append(_("reporting and review"))
    if not project.exclusions.included:
        parts.append(_("exclusions"))
    if not project.contacts and not project.agreement.contacts_fallback:
        parts.append(_("contacts"))
    if not project.service_credits.enabled and not project.service_credits.no_credits_clause:
        parts.append(_("service credits"))
    if project.reporting.included and project.reporting.review_frequency.value == "none":
        parts.append(_("reviews"))
    if not project.termination.convenience_clause:
        parts.append(_("ending for convenience"))
    return format_list(parts, locale=language()) if parts else ""
