"""How the change summary (:mod:`wizard.core.changes`) names and writes the
credit fields format 2 added: further schedules, minimum, yearly cap, the
form credits take and the claim procedure."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from wizard.core.explain import money_text, number_text, percent_text
from wizard.core.model import (
    ClaimDeadlineUnit,
    CreditForm,
    CreditIssue,
    CreditKind,
    LastMonthCredit,
    Project,
)
from wizard.i18n import N_, _

ITEM = "*"
SCHEDULE = ("service_credits", "more_schedules", ITEM)
CLAIM = ("service_credits", "claim_procedure")

_SCHEDULE_FIELDS = {
    "metric": N_("service level"),
    "tiers": N_("tiers"),
    "cap_percent": N_("monthly cap"),
    "kind": N_("credit for"),
    "severity": N_("severity level"),
    "percent": N_("credit per missed response"),
    "hourly_rate": N_("hourly rate"),
    "multiple": N_("times the downtime"),
    "minimum_credit": N_("minimum credit"),
}

CREDIT_FIELD_NAMES: dict[tuple[str, ...], str] = {
    ("service_credits", "kind"): N_("First credit schedule is for"),
    ("service_credits", "severity"): N_("Severity level credited"),
    ("service_credits", "percent"): N_("Credit per missed response"),
    ("service_credits", "hourly_rate"): N_("Hourly rate of lost time"),
    ("service_credits", "multiple"): N_("Times the downtime credited"),
    ("service_credits", "minimum_credit"): N_("Minimum credit"),
    ("service_credits", "more_schedules"): N_("More credit schedules"),
    **{(*SCHEDULE, name): label for name, label in _SCHEDULE_FIELDS.items()},
    (*SCHEDULE, "tiers", ITEM, "below"): N_("below"),
    (*SCHEDULE, "tiers", ITEM, "credit_percent"): N_("credit"),
    ("service_credits", "yearly_cap_percent"): N_("Yearly credit cap"),
    ("service_credits", "yearly_cap_amount"): N_("Yearly credit cap (amount)"),
    ("service_credits", "form"): N_("Credits are"),
    (*CLAIM, "included"): N_("Claim procedure"),
    (*CLAIM, "channel"): N_("Claims sent to"),
    (*CLAIM, "contents"): N_("A claim contains"),
    (*CLAIM, "deadline"): N_("Claim deadline"),
    (*CLAIM, "deadline_unit"): N_("Claim deadline counted in"),
    (*CLAIM, "answer_days"): N_("Provider answers a claim within"),
    (*CLAIM, "issued"): N_("Accepted credit issued"),
    (*CLAIM, "issue_days"): N_("Accepted credit issued within"),
    (*CLAIM, "last_month"): N_("Credit for the last month of the term"),
}
"""The human name of each credit field format 2 added."""

CREDIT_ENUM_LABELS: dict[Enum, str] = {
    CreditKind.TIERS: N_("tiers"),
    CreditKind.PER_MISS: N_("each missed response"),
    CreditKind.LOST_TIME: N_("lost time"),
    CreditKind.MULTIPLE_OF_DOWNTIME: N_("a multiple of the downtime"),
    CreditForm.FUTURE_INVOICES: N_("set off against future invoices"),
    CreditForm.REFUND_AT_END: N_("set off, the rest refunded at the end of the term"),
    CreditForm.AUTOMATIC_WAIVER: N_("waived without a claim"),
    ClaimDeadlineUnit.DAYS: N_("days"),
    ClaimDeadlineUnit.BILLING_CYCLES: N_("billing cycles"),
    CreditIssue.NEXT_INVOICE: N_("on the next invoice"),
    CreditIssue.WITHIN_DAYS: N_("within a number of days"),
    LastMonthCredit.REFUNDED: N_("refunded"),
    LastMonthCredit.LAPSES: N_("lapses"),
}


def schedule_name(item: Any, project: Project) -> str:
    """A schedule in the summary: "each missed response of P1", "tiers on Availability"."""
    kind = _(CREDIT_ENUM_LABELS[item.kind]) if item.kind in CREDIT_ENUM_LABELS else ""
    if item.kind is CreditKind.PER_MISS:
        return _("{kind} of {level}").format(kind=kind, level=item.severity or _("(none)"))
    metric = project.metric_by_id(item.metric)
    name = (metric.name.strip() or metric.id) if metric is not None else item.metric
    return _("{kind} on {level}").format(kind=kind, level=name or _("(none)"))


def schedule_tier_name(item: Any, project: Project) -> str:
    return number_text(item.below)


def _money(value: Any, side: Any) -> str:
    return money_text(value, side.project.currency, side.locale)


def _percent(value: Any, side: Any) -> str:
    return percent_text(value, side.locale)


def _metric(value: Any, side: Any) -> str:
    metric = side.project.metric_by_id(value)
    return (metric.name.strip() or value) if metric is not None else str(value)


CREDIT_FORMATS: dict[tuple[str, ...], Callable[[Any, Any], str]] = {
    ("service_credits", "percent"): _percent,
    ("service_credits", "hourly_rate"): _money,
    ("service_credits", "minimum_credit"): _money,
    ("service_credits", "yearly_cap_percent"): _percent,
    ("service_credits", "yearly_cap_amount"): _money,
    (*SCHEDULE, "metric"): _metric,
    (*SCHEDULE, "cap_percent"): _percent,
    (*SCHEDULE, "percent"): _percent,
    (*SCHEDULE, "hourly_rate"): _money,
    (*SCHEDULE, "minimum_credit"): _money,
    (*SCHEDULE, "tiers", ITEM, "below"): lambda value, side: number_text(value, side.locale),
    (*SCHEDULE, "tiers", ITEM, "credit_percent"): _percent,
}
"""Values written with more than their type (money in the project's currency)."""
