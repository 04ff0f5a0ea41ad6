"""What changed between two drafts of a project, field by field, in words a
person uses: "Claim window: 30 days → 45 days", "Service added: Cloud
Backup", "Severity P2: response 1 hour → 30 minutes".

The comparison walks the pydantic model generically, so that a field added
to the model shows up without more code: each field path has a human name in
:data:`FIELD_NAMES` (a field without one is named after its key, and a test
asks for a name), each list a rule in :data:`LISTS` saying what identifies
an item (a service's id, a contact's name …). Items are matched by identity,
then leftover items that are mostly alike are matched as renamed; an item
that moved is one change, not a removal and an addition.

Words are in the interface language (gettext); numbers, money, dates and
durations are written for ``locale``, the interface language unless given
(:func:`wizard.i18n.language`), with the helpers of
:mod:`wizard.core.explain`.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import types
import typing
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum, StrEnum
from functools import partial
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names
from babel.lists import format_list
from babel.units import format_unit
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from wizard.core.credit_changes import (
    CREDIT_ENUM_LABELS,
    CREDIT_FIELD_NAMES,
    CREDIT_FORMATS,
    schedule_name,
    schedule_tier_name,
)
from wizard.core.explain import (
    date_text,
    money_text,
    number_text,
    percent_text,
    timezone_text,
    value_text,
)
from wizard.core.model import (
    PERCENT_UNIT,
    AgreementType,
    Commitment,
    CoverageBlock,
    Direction,
    Holidays,
    Logo,
    MeasuredDuring,
    Metric,
    MetricKind,
    PartyKind,
    PartyRole,
    Period,
    Project,
    ReportFrequency,
    ReviewFrequency,
    StandardExclusion,
    TermKind,
    Weekday,
)
from wizard.core.project_file import field_path
from wizard.core.steps import Step
from wizard.core.weekly import blocks_to_week
from wizard.i18n import N_, _, language

Loc = tuple[str | int, ...]
"""Where a change is in the new project: ``("metrics", 2, "target")``; for an
item that was removed, the list it was in."""

Pattern = tuple[str, ...]
"""A field path with ``"*"`` for the items of a list: ``("metrics", "*", "target")``."""

ITEM = "*"


class ChangeKind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True)
class Change:
    """One change, as a line a person reads, with the wizard step and the
    field it is about (to take the window there)."""

    step: Step
    loc: Loc
    kind: ChangeKind
    text: str

    @property
    def path(self) -> str:
        """The field as a person reads it: ``metrics[2].target``."""
        return field_path(self.loc)

    def __str__(self) -> str:
        return self.text


# --------------------------------------------------------------------------- names

STEPS: dict[str, Step] = {
    "format": Step.BASICS,
    "format_version": Step.BASICS,
    "language": Step.BASICS,
    "currency": Step.BASICS,
    "agreement": Step.BASICS,
    "parties": Step.PARTIES,
    "contacts": Step.STAKEHOLDERS,
    "services": Step.SERVICES,
    "schedule": Step.SCHEDULE,
    "metrics": Step.METRICS,
    "severity_levels": Step.METRICS,
    "service_credits": Step.CREDITS,
    "reporting": Step.REPORTING,
    "exclusions": Step.EXCLUSIONS,
    "termination": Step.TERMINATION,
    "branding": Step.APPEARANCE,
    "template": Step.APPEARANCE,
    "history": Step.REVIEW,
    "measurement_terms": Step.METRICS,
    "maintenance_rules": Step.SCHEDULE,
    "frame": Step.TERMINATION,
    "commercial": Step.TERMINATION,
    "signing": Step.TERMINATION,
    "examples": Step.REVIEW,
    "former_party_names": Step.REVIEW,
    "customer_groups": Step.METRICS,
}
"""The step each part of the project is edited on; a part not named here
(a key a newer edition added) belongs to the review step."""

IGNORED: frozenset[Pattern] = frozenset({("format",), ("format_version",), ("history",),
                                         ("examples",), ("former_party_names",)})
"""Fields that say what the file is, not what the agreement says; the
months' recorded results (``history``), which record how the agreement was
met, never change what it says; nor does which texts are still examples and
whom the project was made for before (``examples``, ``former_party_names``)."""

FIELD_NAMES: dict[Pattern, str] = {
    ("language",): N_("Contract language"),
    ("currency",): N_("Currency"),
    ("agreement", "title"): N_("Agreement title"),
    ("agreement", "reference"): N_("Reference"),
    ("agreement", "type"): N_("Agreement type"),
    ("agreement", "effective_date"): N_("Effective date"),
    ("agreement", "purpose"): N_("Purpose"),
    ("agreement", "definitions", ITEM, "term"): N_("term"),
    ("agreement", "definitions", ITEM, "definition"): N_("meaning"),
    ("agreement", "document_version"): N_("Document version"),
    ("agreement", "commitment"): N_("Service levels are promised as"),
    ("agreement", "contacts_fallback"): N_("Contacts section without contacts"),
    ("agreement", "scope_sentence"): N_("The kind of agreement described"),
    ("agreement", "resolution_commitment"): N_("Resolution times are promised as"),
    ("parties", "provider", "name"): N_("Provider"),
    ("parties", "provider", "kind"): N_("Provider is a"),
    ("parties", "provider", "address"): N_("Provider's address"),
    ("parties", "provider", "registration"): N_("Provider's registration"),
    ("parties", "provider", "signatory", "name"): N_("Provider's signatory"),
    ("parties", "provider", "signatory", "title"): N_("Provider's signatory's title"),
    ("parties", "provider", "signatory", "email"): N_("Provider's signatory's email"),
    ("parties", "customer", "name"): N_("Customer"),
    ("parties", "customer", "kind"): N_("Customer is a"),
    ("parties", "customer", "address"): N_("Customer's address"),
    ("parties", "customer", "registration"): N_("Customer's registration"),
    ("parties", "customer", "signatory", "name"): N_("Customer's signatory"),
    ("parties", "customer", "signatory", "title"): N_("Customer's signatory's title"),
    ("parties", "customer", "signatory", "email"): N_("Customer's signatory's email"),
    ("contacts", ITEM, "name"): N_("name"),
    ("contacts", ITEM, "party"): N_("party"),
    ("contacts", ITEM, "role"): N_("role"),
    ("contacts", ITEM, "email"): N_("email"),
    ("contacts", ITEM, "phone"): N_("phone"),
    ("contacts", ITEM, "escalation_level"): N_("escalation level"),
    ("services", ITEM, "id"): N_("identifier"),
    ("services", ITEM, "name"): N_("name"),
    ("services", ITEM, "description"): N_("description"),
    ("services", ITEM, "monthly_fee"): N_("monthly fee"),
    ("services", ITEM, "included"): N_("included"),
    ("services", ITEM, "excluded"): N_("excluded"),
    ("schedule", "timezone"): N_("Time zone"),
    ("schedule", "coverage"): N_("Coverage hours"),
    ("schedule", "support_coverage"): N_("Support hours"),
    ("schedule", "public_holidays"): N_("Public holidays"),
    ("schedule", "holiday_region"): N_("Holiday region"),
    ("schedule", "maintenance_windows", ITEM, "day"): N_("day"),
    ("schedule", "maintenance_windows", ITEM, "start"): N_("start"),
    ("schedule", "maintenance_windows", ITEM, "duration_minutes"): N_("length"),
    ("schedule", "maintenance_notice_hours"): N_("Notice before maintenance"),
    ("schedule", "calendars", ITEM, "id"): N_("identifier"),
    ("schedule", "calendars", ITEM, "name"): N_("name"),
    ("schedule", "calendars", ITEM, "coverage"): N_("hours"),
    ("metrics", ITEM, "calendar"): N_("calendar"),
    ("severity_levels", ITEM, "calendar"): N_("calendar"),
    ("schedule", "max_maintenance_minutes_per_month"): N_("Maintenance per month, at most"),
    ("metrics", ITEM, "id"): N_("identifier"),
    ("metrics", ITEM, "name"): N_("name"),
    ("metrics", ITEM, "kind"): N_("kind"),
    ("metrics", ITEM, "service"): N_("service"),
    ("metrics", ITEM, "owed_by"): N_("owed by"),
    ("metrics", ITEM, "commitment"): N_("promised as"),
    ("metrics", ITEM, "target"): N_("target"),
    ("metrics", ITEM, "unit"): N_("unit"),
    ("metrics", ITEM, "direction"): N_("direction"),
    ("metrics", ITEM, "period"): N_("period"),
    ("metrics", ITEM, "measured_during"): N_("measured"),
    ("metrics", ITEM, "measurement"): N_("measurement"),
    ("metrics", ITEM, "baseline"): N_("baseline"),
    ("metrics", ITEM, "method", "method"): N_("downtime counted"),
    ("metrics", ITEM, "method", "interval_minutes"): N_("check interval (minutes)"),
    ("metrics", ITEM, "method", "per_resource"): N_("worked out for each"),
    ("metrics", ITEM, "method", "measured_over"): N_("month worked out"),
    ("metrics", ITEM, "method", "cycle_start_day"): N_("billing cycle starts on day"),
    ("severity_levels", ITEM, "id"): N_("identifier"),
    ("severity_levels", ITEM, "name"): N_("name"),
    ("severity_levels", ITEM, "definition"): N_("definition"),
    ("severity_levels", ITEM, "response_minutes"): N_("response"),
    ("severity_levels", ITEM, "resolution_minutes"): N_("resolution"),
    ("severity_levels", ITEM, "measured_during"): N_("counted"),
    ("service_credits", "enabled"): N_("Service credits"),
    ("service_credits", "metric"): N_("Service level credited"),
    ("service_credits", "tiers", ITEM, "below"): N_("below"),
    ("service_credits", "tiers", ITEM, "credit_percent"): N_("credit"),
    ("service_credits", "cap_percent"): N_("Credit cap"),
    ("service_credits", "claim_window_days"): N_("Claim window"),
    ("service_credits", "sole_remedy"): N_("Credits are the sole remedy"),
    ("service_credits", "no_credits_clause"): N_("Says that no credits apply"),
    **CREDIT_FIELD_NAMES,
    ("reporting", "included"): N_("Reporting and review clause"),
    ("reporting", "frequency"): N_("Reports"),
    ("reporting", "recipient"): N_("Report recipient"),
    ("reporting", "contents"): N_("Report contents"),
    ("reporting", "review_frequency"): N_("Reviews"),
    ("reporting", "baseline_review"): N_("Targets may be tightened at a review"),
    ("exclusions", "included"): N_("Exclusions clause"),
    ("exclusions", "custom"): N_("Other exclusions"),
    ("termination", "term"): N_("The agreement runs"),
    ("termination", "initial_term_months"): N_("Initial term"),
    ("termination", "auto_renew"): N_("Renews automatically"),
    ("termination", "renewal_term_months"): N_("Renewal term"),
    ("termination", "notice_days"): N_("Notice to end it"),
    ("termination", "for_convenience_notice_days"): N_("Notice to end it without a reason"),
    ("termination", "chronic_failure", "consecutive_months"):
        N_("Customer may leave after misses in a row"),
    ("termination", "chronic_failure", "months_in_year"):
        N_("Customer may leave after misses within a run of months"),
    ("termination", "chronic_failure", "within_months"): N_("Run of months misses count in"),
    ("termination", "chronic_failure", "notice_days"): N_("Time to use the right to leave"),
    ("termination", "cure_days"): N_("Cure period"),
    ("termination", "data_return_days"): N_("Data returned within"),
    ("termination", "amendments"): N_("Amendments"),
    ("termination", "convenience_clause"): N_("Says whether it may be ended for convenience"),
    ("reporting", "due_business_days"): N_("Report due within"),
    ("reporting", "objection_days"): N_("Time to object to a report"),
    ("measurement_terms", "included"): N_("Measurement and incident terms"),
    ("measurement_terms", "unavailable_when"): N_("Service is unavailable when"),
    ("measurement_terms", "measured_from"): N_("Downtime measured by"),
    ("measurement_terms", "records_prevail"): N_("Records that prevail"),
    ("measurement_terms", "workaround_resolves"): N_("A workaround resolves an incident"),
    ("measurement_terms", "severity_assigned_by"): N_("Severity assigned by"),
    ("maintenance_rules", "included"): N_("Maintenance rules"),
    ("maintenance_rules", "notice_channel"): N_("Maintenance notice given by"),
    ("maintenance_rules", "emergency_notice_hours"): N_("Notice of emergency maintenance"),
    ("maintenance_rules", "emergency_cap_minutes_per_month"):
        N_("Emergency maintenance per month at most"),
    ("frame", "included"): N_("Legal frame"),
    ("frame", "master_agreement"): N_("Master agreement"),
    ("frame", "master_prevails"): N_("Master agreement prevails"),
    ("frame", "governing_law"): N_("Governing law"),
    ("frame", "courts"): N_("Courts"),
    ("frame", "electronic_signature"): N_("Electronic signature allowed"),
    ("commercial", "included"): N_("Commercial terms"),
    ("commercial", "payment_days"): N_("Invoices paid within"),
    ("commercial", "fees_exclude_tax"): N_("Fees exclude taxes"),
    ("commercial", "price_change_notice_days"): N_("Notice of a price change"),
    ("commercial", "liability_cap_months"): N_("Liability capped at the fees of"),
    ("commercial", "data_protection"): N_("Data protection terms"),
    ("signing", "included"): N_("Signing formalities"),
    ("signing", "place"): N_("Place of signing"),
    ("branding", "logo"): N_("Logo"),
    ("branding", "accent_colour"): N_("Accent colour"),
    ("branding", "body_font"): N_("Body font"),
    ("branding", "paper"): N_("Paper size"),
    ("template",): N_("Word template"),
    ("customer_groups", ITEM, "id"): N_("identifier"),
    ("customer_groups", ITEM, "name"): N_("name"),
    ("customer_groups", ITEM, "description"): N_("who belongs to it"),
    ("customer_groups", ITEM, "targets", ITEM, "metric"): N_("service level"),
    ("customer_groups", ITEM, "targets", ITEM, "target"): N_("target"),
    ("customer_groups", ITEM, "credit_tiers", ITEM, "metric"): N_("service level"),
    ("customer_groups", ITEM, "credit_tiers", ITEM, "tiers", ITEM, "below"): N_("below"),
    ("customer_groups", ITEM, "credit_tiers", ITEM, "tiers", ITEM, "credit_percent"):
        N_("credit"),
}
"""The human name of every field that can change, marked with ``N_``.
A field of a list item is named in lower case: it follows the item's own
label ("Severity P2: response 1 hour → 30 minutes")."""

WHOLE: frozenset[Pattern] = frozenset({
    ("branding", "logo"),
    ("schedule", "coverage"),
    ("schedule", "support_coverage"),
    ("schedule", "calendars", ITEM, "coverage"),
})
"""Values compared and shown as a whole (a week's hours, a picture), not
part by part."""


def _service_name(item: Any, project: Project) -> str:
    return str(item.name).strip() or str(item.id).strip() or _("(no name)")


def _plain_name(item: Any, project: Project) -> str:
    return str(item.name).strip() or _("(no name)")


def _metric_name(item: Any, project: Project) -> str:
    return str(item.name).strip() or str(item.id).strip() or _("(no name)")


def _severity_name(item: Any, project: Project) -> str:
    return str(item.id).strip() or str(item.name).strip() or _("(no name)")


def _term_name(item: Any, project: Project) -> str:
    return str(item.term).strip() or _("(no name)")


def _tier_name(item: Any, project: Project) -> str:
    return _credited_value(item.below, project)


def _window_name(item: Any, project: Project) -> str:
    return f"{_weekday(item.day)} {item.start}"


def _level_of_name(item: Any, project: Project) -> str:
    """A group's target or tiers, named after the service level they are for."""
    metric = project.metric_by_id(item.metric)
    return (metric.name.strip() if metric else "") or str(item.metric).strip() \
        or _("(no name)")


def _text_name(item: Any, project: Project) -> str:
    return _shorten(str(item))


def _exclusion_name(item: Any, project: Project) -> str:
    return _enum_text(item)


@dataclass(frozen=True)
class ListRule:
    """How the items of one list are told apart and named."""

    kind: str
    """What an item is, marked with ``N_``: "Service", "included item"."""
    name: Callable[[Any, Project], str]
    """An item's name: a service's name, a severity's id …"""
    identity: tuple[str, ...] = ()
    """The fields that identify an item; none: the item itself (a line of text)."""
    label: str | None = None
    """An item in the lines about its fields, marked with ``N_``, with
    ``{name}``: "Service “{name}”", "Severity {name}"; None: its name alone."""
    ordered: bool = True
    """Whether the order of the items means something (a move is a change)."""
    renamed_by: tuple[str, ...] = ()
    """The fields whose change renames the item ("Service renamed: A → B")."""


LISTS: dict[Pattern, ListRule] = {
    ("agreement", "definitions"): ListRule(
        N_("Definition"), _term_name, ("term",), label=N_("Definition “{name}”"),
        renamed_by=("term",)),
    ("contacts",): ListRule(N_("Contact"), _plain_name, ("name",),
                            renamed_by=("name",)),
    ("contacts", ITEM, "responsibilities"): ListRule(
        N_("responsibility"), _text_name),
    ("services",): ListRule(N_("Service"), _service_name, ("id",),
                            label=N_("Service “{name}”"), renamed_by=("name",)),
    ("services", ITEM, "included"): ListRule(N_("included item"), _text_name),
    ("services", ITEM, "excluded"): ListRule(N_("excluded item"), _text_name),
    ("services", ITEM, "dependencies"): ListRule(N_("dependency"), _text_name),
    ("services", ITEM, "customer_responsibilities"): ListRule(
        N_("customer responsibility"), _text_name),
    ("schedule", "maintenance_windows"): ListRule(
        N_("Maintenance window"), _window_name, ("day",),
        label=N_("Maintenance window {name}")),
    ("schedule", "calendars"): ListRule(
        N_("Calendar"), _plain_name, ("id",), label=N_("Calendar {name}"),
        renamed_by=("name",)),
    ("metrics",): ListRule(N_("Service level"), _metric_name, ("id",),
                           renamed_by=("name",)),
    ("severity_levels",): ListRule(
        N_("Severity level"), _severity_name, ("id",), label=N_("Severity {name}"),
        renamed_by=("id",)),
    ("service_credits", "tiers"): ListRule(
        N_("Credit tier"), _tier_name, ("below",), label=N_("Credit tier below {name}"),
        ordered=False),
    ("service_credits", "more_schedules"): ListRule(
        N_("Credit schedule"), schedule_name, ("kind", "metric", "severity"),
        label=N_("Credit schedule {name}")),
    ("service_credits", "more_schedules", ITEM, "tiers"): ListRule(
        N_("credit tier"), schedule_tier_name, ("below",), label=N_("tier below {name}"),
        ordered=False),
    ("service_credits", "claim_procedure", "contents"): ListRule(
        N_("Claim content"), _text_name),
    ("reporting", "contents"): ListRule(N_("Report content"), _text_name),
    ("termination", "chronic_failure", "metrics"): ListRule(
        N_("Service level whose misses count"), _text_name),
    ("exclusions", "standard"): ListRule(
        N_("Standard exclusion"), _exclusion_name, ordered=False),
    ("exclusions", "custom"): ListRule(N_("Exclusion"), _text_name),
    ("customer_groups",): ListRule(
        N_("Customer group"), _plain_name, ("id",), label=N_("Customer group {name}"),
        renamed_by=("name",)),
    ("customer_groups", ITEM, "targets"): ListRule(
        N_("own target"), _level_of_name, ("metric",), label=N_("own target for {name}"),
        ordered=False),
    ("customer_groups", ITEM, "credit_tiers"): ListRule(
        N_("own credit tiers"), _level_of_name, ("metric",),
        label=N_("own credit tiers for {name}"), ordered=False),
    ("customer_groups", ITEM, "credit_tiers", ITEM, "tiers"): ListRule(
        N_("credit tier"), schedule_tier_name, ("below",), label=N_("tier below {name}"),
        ordered=False),
}
"""Every list of the project: what its items are called and what identifies one."""


# --------------------------------------------------------------------------- values

ENUM_LABELS: dict[Enum, str] = {
    AgreementType.CUSTOMER_BASED: N_("customer-based"),
    AgreementType.SERVICE_BASED: N_("service-based"),
    AgreementType.MULTI_LEVEL: N_("multi-level"),
    AgreementType.INTERNAL: N_("internal"),
    Commitment.WILL_MEET: N_("firm commitments"),
    Commitment.REASONABLE_EFFORTS: N_("commercially reasonable efforts"),
    TermKind.FIXED: N_("for a fixed term"),
    TermKind.WHILE_SERVICES_USED: N_("while the services are used"),
    TermKind.UNTIL_REPLACED: N_("until a revised agreement replaces it"),
    PartyKind.COMPANY: N_("company"),
    PartyKind.DEPARTMENT: N_("department"),
    PartyRole.PROVIDER: N_("provider"),
    PartyRole.CUSTOMER: N_("customer"),
    MetricKind.AVAILABILITY: N_("Availability"),
    MetricKind.RESPONSE_TIME: N_("Response time"),
    MetricKind.RESOLUTION_TIME: N_("Resolution time"),
    MetricKind.ERROR_RATE: N_("Error rate"),
    MetricKind.THROUGHPUT: N_("Throughput"),
    MetricKind.CUSTOM: N_("Custom"),
    Direction.AT_LEAST: N_("at least"),
    Direction.AT_MOST: N_("at most"),
    Period.DAY: N_("per day"),
    Period.WEEK: N_("per week"),
    Period.MONTH: N_("per month"),
    Period.QUARTER: N_("per quarter"),
    Period.HALF_YEAR: N_("per half-year"),
    Period.YEAR: N_("per year"),
    MeasuredDuring.COVERAGE: N_("during coverage hours"),
    MeasuredDuring.ALWAYS: N_("at all times"),
    MeasuredDuring.SUPPORT_HOURS: N_("during support hours"),
    MeasuredDuring.CALENDAR: N_("on a named calendar"),
    Holidays.EXCLUDED: N_("excluded from coverage"),
    Holidays.INCLUDED: N_("covered like other days"),
    ReportFrequency.DAILY: N_("Daily"),
    ReportFrequency.WEEKLY: N_("Weekly"),
    ReportFrequency.MONTHLY: N_("Monthly"),
    ReportFrequency.QUARTERLY: N_("Quarterly"),
    ReportFrequency.HALF_YEARLY: N_("Half-yearly"),
    ReviewFrequency.NONE: N_("No reviews"),
    ReviewFrequency.MONTHLY: N_("Monthly"),
    ReviewFrequency.QUARTERLY: N_("Quarterly"),
    ReviewFrequency.HALF_YEARLY: N_("Half-yearly"),
    ReviewFrequency.YEARLY: N_("Yearly"),
    StandardExclusion.SCHEDULED_MAINTENANCE: N_("Scheduled maintenance"),
    StandardExclusion.EMERGENCY_MAINTENANCE: N_("Emergency maintenance"),
    StandardExclusion.FORCE_MAJEURE: N_("Force majeure"),
    StandardExclusion.CUSTOMER_CAUSED: N_("Caused by the customer"),
    StandardExclusion.THIRD_PARTY: N_("Third parties"),
    StandardExclusion.INTERNET_OUTSIDE_NETWORK: N_("Internet outside the provider's network"),
    StandardExclusion.SUSPENSION_NON_PAYMENT: N_("Suspension for non-payment"),
    StandardExclusion.BETA_FEATURES: N_("Beta features"),
    StandardExclusion.CUSTOMER_REQUESTED_CHANGES: N_("Changes the customer asked for"),
    **CREDIT_ENUM_LABELS,
}
"""Each fixed choice in words (weekdays are Babel's)."""

_UNIT_NAMES = {
    "percent": N_("percent"),
    "seconds": N_("seconds"),
    "minutes": N_("minutes"),
    "hours": N_("hours"),
    "days": N_("days"),
    "business_hours": N_("business hours"),
    "business_days": N_("business days"),
    "count": N_("count"),
}

_PAPER = {"a4": N_("A4"), "letter": N_("US Letter")}

MAX_ORDERED_ITEMS = 2000
"""A list longer than this is not searched for moved items (the search
grows with the square of the length)."""

SHORT_TEXT = 60
"""Characters of a long text shown on each side of the arrow."""


@dataclass(frozen=True)
class Side:
    """One side of the comparison, for the formatters: the whole project
    (its currency, its services' names) and the model holding the value."""

    project: Project
    owner: Any
    locale: str


Formatter = Callable[[Any, Side], str]


def _shorten(text: str, start: int = 0, width: int = SHORT_TEXT) -> str:
    """``text`` on one line, from ``start``, at most ``width`` characters."""
    flat = " ".join(text.split())
    if start and start < len(flat):
        space = flat.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    piece = flat[start:start + width]
    if start + width < len(flat):
        space = piece.rfind(" ")
        piece = (piece[:space] if space > width // 2 else piece) + "…"
    return ("…" if start else "") + piece


def _shorten_pair(old: str, new: str) -> tuple[str, str]:
    """Two long texts cut around the place where they first differ."""
    old_flat, new_flat = " ".join(old.split()), " ".join(new.split())
    if len(old_flat) <= SHORT_TEXT and len(new_flat) <= SHORT_TEXT:
        return old_flat, new_flat
    common = 0
    for a, b in zip(old_flat, new_flat, strict=False):
        if a != b:
            break
        common += 1
    start = max(0, common - SHORT_TEXT // 3)
    return _shorten(old_flat, start), _shorten(new_flat, start)


def _weekday(day: Weekday, width: Literal["abbreviated", "wide"] = "wide",
             locale: str | None = None) -> str:
    return str(get_day_names(width, locale=locale or language())[day.number])


def _enum_text(value: Enum) -> str:
    label = ENUM_LABELS.get(value)
    if label is not None:
        return _(label)
    if isinstance(value, Weekday):
        return _weekday(value)
    return str(value.value).replace("_", " ")


def _long_units(value: int, unit: str, locale: str) -> str:
    return format_unit(value, f"duration-{unit}", length="long", locale=locale)


def minutes_long(minutes: int, locale: str | None = None) -> str:
    """``1 hour``, ``30 minutes``, ``1 hour 30 minutes``."""
    locale = locale or language()
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(_long_units(hours, "hour", locale))
    if rest or not hours:
        parts.append(_long_units(rest, "minute", locale))
    return " ".join(parts)


def _by_name_duration(field_name: str) -> Formatter | None:
    """Whole numbers whose name says their unit: ``claim_window_days``,
    ``response_minutes``, ``consecutive_months`` …"""
    words = field_name.split("_")
    if "minutes" in words:
        return lambda value, side: minutes_long(value, side.locale)
    for word, unit in (("hours", "hour"), ("days", "day"), ("months", "month")):
        if word in words:
            return partial(_in_units, unit=unit)
    return None


def _in_units(value: int, side: Side, unit: str) -> str:
    return _long_units(value, unit, side.locale)


def _metric_value(value: Decimal, side: Side) -> str:
    return value_text(value, str(side.owner.unit), side.locale)


def _credited_value(value: Decimal, project: Project, locale: str | None = None) -> str:
    metric = project.metric_by_id(project.service_credits.metric)
    return value_text(value, metric.unit if metric is not None else PERCENT_UNIT,
                      locale or language())


def _service_of(value: str, side: Side) -> str:
    if value == "*":
        return _("All services")
    service = side.project.service_by_id(value)
    return service.name.strip() or value if service is not None else value


def _metric_of(value: str, side: Side) -> str:
    metric: Metric | None = side.project.metric_by_id(value)
    return metric.name.strip() or value if metric is not None else value


def _unit(value: str, side: Side) -> str:
    return _(_UNIT_NAMES[value]) if value in _UNIT_NAMES else value


def _language_name(value: str, side: Side) -> str:
    try:
        name = Locale.parse(value).get_display_name(side.locale)
    except (ValueError, UnknownLocaleError):
        return value
    return f"{name} ({value})" if name else value


def _zone(value: str, side: Side) -> str:
    name = timezone_text(value, side.locale)
    return f"{name} ({value})" if name else value


def coverage_text(blocks: Sequence[CoverageBlock], locale: str | None = None) -> str:
    """A week's hours in a few words: ``Mon–Fri 08:00–18:00, Sat 09:00–13:00``;
    ``around the clock`` for no blocks (what an empty list means)."""
    locale = locale or language()
    if not blocks:
        return _("around the clock")
    week = blocks_to_week(blocks)
    runs: list[tuple[list[Weekday], list[tuple[str, str]]]] = []
    for day in Weekday:
        spans = week[day]
        if runs and runs[-1][1] == spans and runs[-1][0][-1].number == day.number - 1:
            runs[-1][0].append(day)
        else:
            runs.append(([day], spans))
    pieces = []
    for days, spans in runs:
        if not spans:
            continue
        first = _weekday(days[0], "abbreviated", locale)
        named = first if len(days) == 1 else \
            f"{first}–{_weekday(days[-1], 'abbreviated', locale)}"
        pieces.append(f"{named} " + " ".join(f"{start}–{end}" for start, end in spans))
    return ", ".join(pieces) if pieces else _("never")


def _coverage(value: list[CoverageBlock], side: Side) -> str:
    return coverage_text(value, side.locale)


def _logo(value: Logo, side: Side) -> str:
    return value.filename.strip() or _("an image")


def _paper(value: str, side: Side) -> str:
    return _(_PAPER[value]) if value in _PAPER else value


def _template(value: str, side: Side) -> str:
    return value.strip() or _("the standard template")


def _window_day(value: Weekday, side: Side) -> str:
    return _weekday(value, locale=side.locale)


FORMATS: dict[Pattern, Formatter] = {
    ("language",): _language_name,
    ("services", ITEM, "monthly_fee"):
        lambda value, side: money_text(value, side.project.currency, side.locale),
    ("metrics", ITEM, "target"): _metric_value,
    ("customer_groups", ITEM, "targets", ITEM, "target"):
        lambda value, side: number_text(value, side.locale),
    ("customer_groups", ITEM, "targets", ITEM, "metric"): _metric_of,
    ("customer_groups", ITEM, "credit_tiers", ITEM, "metric"): _metric_of,
    ("customer_groups", ITEM, "credit_tiers", ITEM, "tiers", ITEM, "credit_percent"):
        lambda value, side: percent_text(value, side.locale),
    ("metrics", ITEM, "baseline"): _metric_value,
    ("metrics", ITEM, "service"): _service_of,
    ("metrics", ITEM, "unit"): _unit,
    ("service_credits", "metric"): _metric_of,
    ("service_credits", "tiers", ITEM, "below"):
        lambda value, side: _credited_value(value, side.project, side.locale),
    ("service_credits", "tiers", ITEM, "credit_percent"):
        lambda value, side: percent_text(value, side.locale),
    ("service_credits", "cap_percent"): lambda value, side: percent_text(value, side.locale),
    **CREDIT_FORMATS,
    ("schedule", "timezone"): _zone,
    ("schedule", "coverage"): _coverage,
    ("schedule", "support_coverage"): _coverage,
    ("schedule", "calendars", ITEM, "coverage"): _coverage,
    ("schedule", "maintenance_windows", ITEM, "day"): _window_day,
    ("branding", "logo"): _logo,
    ("branding", "paper"): _paper,
    ("template",): _template,
}
"""Values that need more than their type to be written (a fee in the
project's currency, a target in its metric's unit)."""

NONE_WORDS: dict[Pattern, str] = {
    ("branding", "paper"): N_("the contract language's usual size"),
    ("branding", "accent_colour"): N_("the template's own"),
    ("schedule", "support_coverage"): N_("no support hours promised"),
    ("metrics", ITEM, "commitment"): N_("as the agreement says"),
}
"""What an empty optional value means, where it means more than "none"."""

def _week(blocks: list[CoverageBlock] | None) -> object:
    """A week's hours as what they mean (an empty list: around the clock)."""
    if blocks is None:
        return None
    return blocks_to_week(blocks) if blocks else "around the clock"


NORMALISE: dict[Pattern, Callable[[Any], Any]] = {
    ("schedule", "coverage"): _week,
    ("schedule", "support_coverage"): _week,
    ("schedule", "calendars", ITEM, "coverage"): _week,
}
"""Values that can be stored in more than one way: compared by what they mean."""


def value_words(value: Any, pattern: Pattern, side: Side) -> str:
    """``value`` of the field at ``pattern`` as the summary writes it."""
    if value is None:
        return _(NONE_WORDS.get(pattern, N_("(none)")))
    special = FORMATS.get(pattern)
    if special is not None:
        return special(value, side)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Enum):
        return _enum_text(value)
    if isinstance(value, int) and pattern:
        by_name = _by_name_duration(pattern[-1])
        if by_name is not None:
            return by_name(value, side)
    if isinstance(value, Decimal | int):
        return number_text(value, side.locale)
    if isinstance(value, datetime.date):
        return date_text(value, side.locale)
    if isinstance(value, str):
        return value if value.strip() else _("(none)")
    if isinstance(value, list):
        if not value:
            return _("(none)")
        return format_list([value_words(item, (*pattern, ITEM), side) for item in value],
                           locale=side.locale)
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


# --------------------------------------------------------------------------- matching

def _identity(item: Any, rule: ListRule) -> Hashable:
    if not rule.identity:
        return item.strip() if isinstance(item, str) else item
    values = []
    for name in rule.identity:
        value = getattr(item, name, None)
        values.append(value.strip().casefold() if isinstance(value, str) else value)
    return tuple(values)


def _field_default(model: BaseModel, name: str) -> Any:
    info = type(model).model_fields.get(name)
    if info is None or info.is_required():
        return PydanticUndefined
    return info.get_default(call_default_factory=True)


def _likeness(old: Any, new: Any, rule: ListRule) -> float:
    """How much two items that do not share an identity are alike: 0 when
    they should not be taken for one renamed item."""
    if isinstance(old, str) and isinstance(new, str):
        ratio = difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio()
        return ratio if ratio >= 0.6 else 0.0
    if not isinstance(old, BaseModel) or type(old) is not type(new):
        return 0.0
    same = differ = 0
    for name in type(new).model_fields:
        a, b = getattr(old, name), getattr(new, name)
        if name in rule.identity:
            if isinstance(a, str) and isinstance(b, str) and a.strip() and b.strip():
                ratio = difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()
                same += ratio >= 0.5
            continue
        if a != b:
            differ += 1
        elif a != _field_default(new, name):
            same += 1
    if same == 0 or same < differ:
        return 0.0
    return same / (same + differ)


@dataclass
class Matching:
    pairs: list[tuple[int, int]] = field(default_factory=list)
    """``(old index, new index)`` of the same item, in the new order."""
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    moved: set[int] = field(default_factory=set)
    """New indexes of the items that changed place."""


def match_items(old: Sequence[Any], new: Sequence[Any], rule: ListRule) -> Matching:
    """The same items of two lists: by identity (in order, for repeats),
    then the rest by likeness."""
    waiting: dict[Hashable, list[int]] = {}
    for index, item in enumerate(old):
        waiting.setdefault(_identity(item, rule), []).append(index)
    paired: dict[int, int] = {}
    for index, item in enumerate(new):
        queue = waiting.get(_identity(item, rule))
        if queue:
            paired[index] = queue.pop(0)
    used = set(paired.values())
    old_left = [i for i in range(len(old)) if i not in used]
    new_left = [i for i in range(len(new)) if i not in paired]
    if old_left and new_left and len(old_left) * len(new_left) <= 10_000:
        candidates = sorted(
            ((score, -abs(o - n), o, n) for o in old_left for n in new_left
             if (score := _likeness(old[o], new[n], rule)) > 0),
            reverse=True)
        for _score, _distance, o, n in candidates:
            if o in used or n in paired:
                continue
            paired[n] = o
            used.add(o)
    matching = Matching(
        pairs=sorted(((o, n) for n, o in paired.items()), key=lambda pair: pair[1]),
        removed=[i for i in range(len(old)) if i not in used],
        added=[i for i in range(len(new)) if i not in paired],
    )
    if rule.ordered:
        kept = _longest_increasing([o for o, _n in matching.pairs],
                                   [o == n for o, n in matching.pairs])
        matching.moved = {n for position, (o, n) in enumerate(matching.pairs)
                          if position not in kept and o != n}
    return matching


def _longest_increasing(values: Sequence[int], fixed: Sequence[bool]) -> set[int]:
    """Positions of a longest increasing run (not necessarily contiguous) of
    ``values``; of the longest, one keeping most of the ``fixed`` positions
    (items still in their old place are the last to be called moved)."""
    count = len(values)
    if count > MAX_ORDERED_ITEMS:
        return set(range(count))  # too long to weigh: no move is reported
    weight = [count + 1 + int(fixed[k]) for k in range(count)]
    best = list(weight)
    previous = [-1] * count
    for i in range(count):
        for j in range(i):
            if values[j] < values[i] and best[j] + weight[i] > best[i]:
                best[i], previous[i] = best[j] + weight[i], j
    kept: set[int] = set()
    position = max(range(count), key=best.__getitem__, default=-1)
    while position >= 0:
        kept.add(position)
        position = previous[position]
    return kept


# --------------------------------------------------------------------------- the walk

def humanised(key: str) -> str:
    """``max_maintenance_minutes`` → ``max maintenance minutes``."""
    return key.replace("_", " ").strip()


def field_name(pattern: Pattern) -> str:
    """The human name of the field at ``pattern``, translated; a field the
    table does not know is named after its key ("Schedule › new field")."""
    name = FIELD_NAMES.get(pattern)
    if name is not None:
        return _(name)
    words = humanised(pattern[-1]) if pattern else ""
    if len(pattern) > 1 and pattern[-2] == ITEM:
        return words  # follows the item's label
    parents = [humanised(part) for part in pattern[:-1] if part != ITEM]
    return " › ".join([*(p[:1].upper() + p[1:] for p in parents[:1]), *parents[1:], words]) \
        if parents else words[:1].upper() + words[1:]


def list_rule(pattern: Pattern) -> ListRule:
    rule = LISTS.get(pattern)
    if rule is not None:
        return rule
    kind = field_name(pattern)
    return ListRule(kind, lambda item, project: value_words(
        item, (*pattern, ITEM), Side(project, None, language())))


class _Walk:
    def __init__(self, old: Project, new: Project, locale: str) -> None:
        self.old, self.new, self.locale = old, new, locale
        self.changes: list[Change] = []

    def add(self, loc: Loc, kind: ChangeKind, text: str) -> None:
        step = STEPS.get(str(loc[0]), Step.REVIEW) if loc else Step.REVIEW
        self.changes.append(Change(step, loc, kind, text))

    # models ------------------------------------------------------------------
    def model(self, old: BaseModel, new: BaseModel, loc: Loc, pattern: Pattern,
              item: str | None, rule: ListRule | None = None) -> None:
        renames = rule.renamed_by if rule is not None else ()
        for name in renames:
            if getattr(old, name) != getattr(new, name):
                assert rule is not None
                self.add((*loc, name), ChangeKind.CHANGED, _(
                    "{kind} renamed: {old} → {new}").format(
                    kind=_(rule.kind), old=rule.name(old, self.old),
                    new=rule.name(new, self.new)))
        for name in type(new).model_fields:
            if name not in renames:
                self.value(getattr(old, name), getattr(new, name), (*loc, name),
                           (*pattern, name), item, old, new)
        old_extra, new_extra = old.model_extra or {}, new.model_extra or {}
        for name in sorted(set(old_extra) | set(new_extra)):
            a, b = old_extra.get(name), new_extra.get(name)
            if a != b:
                self.scalar(a, b, (*loc, name), (*pattern, name), item, old, new)

    def value(self, old: Any, new: Any, loc: Loc, pattern: Pattern, item: str | None,
              old_owner: Any, new_owner: Any) -> None:
        if pattern in IGNORED:
            return
        if pattern not in WHOLE and isinstance(old, BaseModel) and type(old) is type(new):
            self.model(old, new, loc, pattern, item)
        elif pattern not in WHOLE and isinstance(old, list) and isinstance(new, list):
            self.list(old, new, loc, pattern, item)
        else:
            normalise = NORMALISE.get(pattern)
            same = normalise(old) == normalise(new) if normalise is not None else old == new
            if not same:
                self.scalar(old, new, loc, pattern, item, old_owner, new_owner)

    def scalar(self, old: Any, new: Any, loc: Loc, pattern: Pattern, item: str | None,
               old_owner: Any, new_owner: Any) -> None:
        name = field_name(pattern)
        before = value_words(old, pattern, Side(self.old, old_owner, self.locale))
        after = value_words(new, pattern, Side(self.new, new_owner, self.locale))
        if before == after:
            text = (_("{item}: {field} changed").format(item=item, field=name) if item
                    else _("{field} changed").format(field=name))
        else:
            before, after = _shorten_pair(before, after)
            text = (_("{item}: {field} {old} → {new}").format(
                item=item, field=name, old=before, new=after) if item
                else _("{field}: {old} → {new}").format(field=name, old=before, new=after))
        self.add(loc, ChangeKind.CHANGED, text)

    # lists -------------------------------------------------------------------
    def list(self, old: list[Any], new: list[Any], loc: Loc, pattern: Pattern,
             item: str | None) -> None:
        rule = list_rule(pattern)
        kind = _(rule.kind)
        matching = match_items(old, new, rule)

        def line(template: str, in_item: str, **values: Any) -> str:
            if item:
                return in_item.format(item=item, kind=kind, **values)
            return template.format(kind=kind, **values)

        for index in matching.removed:
            self.add(loc, ChangeKind.REMOVED, line(
                _("{kind} removed: {name}"), _("{item}: {kind} removed: {name}"),
                name=rule.name(old[index], self.old)))
        added = set(matching.added)
        old_of = {n: o for o, n in matching.pairs}
        for index, entry in enumerate(new):
            here = (*loc, index)
            name = rule.name(entry, self.new)
            if index in added:
                self.add(here, ChangeKind.ADDED, line(
                    _("{kind} added: {name}"), _("{item}: {kind} added: {name}"), name=name))
                continue
            before = old_of[index]
            if index in matching.moved:
                self.add(here, ChangeKind.MOVED, line(
                    _("{kind} moved: {name} (place {old} → {new})"),
                    _("{item}: {kind} moved: {name} (place {old} → {new})"),
                    name=name, old=number_text(before + 1, self.locale),
                    new=number_text(index + 1, self.locale)))
            if isinstance(entry, BaseModel) and type(entry) is type(old[before]):
                label = _(rule.label).format(name=name) if rule.label else name
                self.model(old[before], entry, here, (*pattern, ITEM),
                           f"{item} › {label}" if item else label, rule)
            elif old[before] != entry:
                former = rule.name(old[before], self.old)
                former, name = _shorten_pair(former, name)
                self.add(here, ChangeKind.CHANGED, line(
                    _("{kind} changed: {old} → {new}"),
                    _("{item}: {kind} changed: {old} → {new}"), old=former, new=name))


def compare_projects(old: Project, new: Project, locale: str | None = None) -> list[Change]:
    """Every change from ``old`` to ``new``, in the wizard's order of steps
    and fields, written for ``locale`` (the interface language by default)."""
    walk = _Walk(old, new, locale or language())
    walk.model(old, new, (), (), None)
    order = list(Step)
    return sorted(walk.changes, key=lambda change: order.index(change.step))


def changes_by_step(changes: Sequence[Change]) -> dict[Step, list[Change]]:
    """The changes of each step, steps in the wizard's order."""
    grouped: dict[Step, list[Change]] = {}
    for step in Step:
        here = [change for change in changes if change.step is step]
        if here:
            grouped[step] = here
    return grouped


# --------------------------------------------------------------------------- versions

_VERSION_RE = re.compile(r"(\d+)\.(\d+)")


def next_document_version(version: str) -> str | None:
    """The version one step up: ``1.0`` → ``1.1``, ``2.9`` → ``2.10``; None
    when ``version`` is not written ``N.M``."""
    match = _VERSION_RE.fullmatch(version.strip())
    if match is None:
        return None
    return f"{match.group(1)}.{int(match.group(2)) + 1}"


def version_to_raise(old: Project, new: Project, changes: Sequence[Change]) -> str | None:
    """The document version to suggest for ``new`` when it changed from
    ``old`` (the draft sent) but still carries the same version; None when
    there is nothing to suggest."""
    version = new.agreement.document_version
    if not changes or version.strip() != old.agreement.document_version.strip():
        return None
    return next_document_version(version)


# --------------------------------------------------------------------------- the names

def _field_types(annotation: Any) -> list[Any]:
    """The types a field's annotation allows, without ``None``, ``Annotated``
    and ``Literal`` wrapping."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _field_types(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [t for arg in typing.get_args(annotation) if arg is not type(None)
                for t in _field_types(arg)]
    return [annotation]


def field_patterns(model: type[BaseModel] = Project, pattern: Pattern = ()) -> Iterator[
        tuple[Pattern, str]]:
    """Every path of the model that can make a change line, with what it is:
    ``"field"`` (a value) or ``"list"`` (a list, whose items are compared)."""
    for name, info in model.model_fields.items():
        here = (*pattern, name)
        if here in IGNORED:
            continue
        if here in WHOLE:
            yield here, "field"
            continue
        for kind in _field_types(info.annotation):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from field_patterns(kind, here)
            elif typing.get_origin(kind) is list:
                yield here, "list"
                item = _field_types(typing.get_args(kind)[0])[0]
                if isinstance(item, type) and issubclass(item, BaseModel):
                    yield from field_patterns(item, (*here, ITEM))
            else:
                yield here, "field"


def unnamed_fields(model: type[BaseModel] = Project) -> list[Pattern]:
    """The paths of ``model`` with no human name (none in the project, as a
    test asks)."""
    return [pattern for pattern, kind in field_patterns(model)
            if (kind == "list" and pattern not in LISTS)
            or (kind == "field" and pattern not in FIELD_NAMES)]

