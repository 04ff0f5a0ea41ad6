"""From a project to the words of its contract.

:class:`ContractFormatter` formats numbers, money, dates, times, weekdays and
durations for the contract's locale with Babel; :func:`build_context` turns a
project into the plain data the Word template reads (strings ready to print,
lists, booleans), so that the template holds layout and clause text and no
logic beyond ``if`` and ``for``.
"""

from __future__ import annotations

import copy
import datetime
import gettext
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time, get_day_names, get_time_format, get_timezone
from babel.dates import get_timezone_name as babel_timezone_name
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from wizard.core import credit_clauses
from wizard.core.business_units import (
    BUSINESS_TERMS,
    BUSINESS_UNITS,
    business_value,
    uses_business_units,
)
from wizard.core.compute import (
    DAYS_PER_YEAR,
    PERIOD_MINUTES,
    clock_minutes,
    day_intervals,
    duration_parts,
    is_around_the_clock,
)
from wizard.core.contract_availability import availability_terms, downtime_row, is_availability
from wizard.core.contract_calendars import calendar_terms, calendars_context, during_calendar
from wizard.core.contract_commitments import commitment_notes, resolution_by_efforts
from wizard.core.contract_frame import frame_context, has_termination_rights, left_out_sections
from wizard.core.contract_groups import groups_context, has_levels
from wizard.core.holiday_regions import holiday_region_name
from wizard.core.model import (
    PERCENT_UNIT,
    AgreementType,
    ChronicFailure,
    Commitment,
    CoverageBlock,
    Direction,
    Holidays,
    MeasuredDuring,
    Party,
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
from wizard.core.no_break_hyphens import unbreakable
from wizard.core.spelling import american
from wizard.core.units import DURATION_KEYS, plain
from wizard.i18n import N_
from wizard.translations import CONTRACT_DOMAIN, has_catalog, load_translations

CONTRACT_LOCALES: tuple[str, ...] = (
    "en_US", "en_GB", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "es_ES", "es_MX",
    "nl_NL", "nl_BE", "it_IT", "pt_BR",
)
"""Every locale the contract is designed for."""

SUPPORTED_LOCALES: tuple[str, ...] = tuple(
    locale for locale in CONTRACT_LOCALES
    if locale.startswith("en_") or has_catalog(CONTRACT_DOMAIN, locale)
)
"""The locales a contract can be written in now: English, and every locale
whose language has a clause catalog."""


class UnsupportedLanguageError(ValueError):
    """The contract cannot be written in the requested language."""


def contract_translations(locale: str) -> gettext.NullTranslations:
    """The clause catalog for ``locale`` (English needs none)."""
    return load_translations(CONTRACT_DOMAIN, locale)


REWORDED: dict[str, str] = {
    "schedule_both": "Coverage Hours (when the Service Levels apply) and Support Hours (when the "
                     "Provider's staff answer) are:",
    "schedule_coverage": "Coverage Hours (when the Service Levels apply) are:",
    "holidays_both_region": "Public holidays (%(region)s) are not part of the Coverage Hours "
                            "and Support Hours.",
    "holidays_both": "Public holidays are not part of the Coverage Hours and Support Hours.",
    "holidays_on_both": "Coverage Hours and Support Hours apply on public holidays as on any "
                        "other day.",
    "holidays_coverage_region": "Public holidays (%(region)s) are not part of the Coverage "
                                "Hours.",
    "holidays_coverage": "Public holidays are not part of the Coverage Hours.",
    "holidays_on_coverage": "Coverage Hours apply on public holidays as on any other day.",
    "exclusions_intro": "The Service Levels do not apply to, and no Downtime is counted for:",
}
"""Clauses of the standard template with their defined terms capitalised; each
is used once the contract's catalog has it, its lower-case wording until then
(``reworded`` in the context says which)."""

RENEWAL_WITH_WRITTEN_NOTICE = (
    "It then renews automatically for further terms of %(renewal)s, unless either party gives "
    "at least %(notice)s before the end of the current term.")
CONVENIENCE_WITH_WRITTEN_NOTICE = (
    "Either party may terminate this agreement at any time by giving at least %(notice)s.")
"""Clauses of the standard template worded around a notice period ("30 days’
written notice"): a contract uses them once its language's catalog has them."""

_UTC_ALIASES = frozenset({"UTC", "UCT", "GMT", "Zulu", "Universal", "Greenwich"})


class ContractFormatter:
    """Locale-aware formatting for one contract."""

    def __init__(self, locale: str, currency: str, translations: gettext.NullTranslations):
        self.locale = Locale.parse(locale)
        self.currency = currency
        self._translations = translations
        self.twelve_hour = "h" in get_time_format("short", locale=self.locale).pattern
        self._percent_pattern = self.locale.percent_formats[None]

    # translation ---------------------------------------------------------
    def gettext(self, message: str) -> str:
        return self._typeset(self._translations.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._typeset(self._translations.ngettext(singular, plural, n))

    def _typeset(self, text: str) -> str:
        """Clause text as it is printed: apostrophes curly (``Customer’s``, beside
        the curly quotes), and in US English American spelling."""
        text = text.replace("'", "\u2019")
        if self.locale.language == "en" and self.locale.territory == "US":
            text = american(text)
        return text

    # numbers -------------------------------------------------------------
    def number(self, value: Decimal | int) -> str:
        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def percent(self, value: Decimal) -> str:
        """``Decimal("99.95")`` → ``99.95%`` / ``99,95 %`` / ``99.95 %`` (Swiss): the
        digits typed are kept, trailing zeros too (``99.0`` stays ``99.0%``, what
        the user typed is what the contract says)."""
        places = max(0, -int(value.as_tuple().exponent))
        pattern = copy.copy(self._percent_pattern)
        pattern.frac_prec = (places, places)
        text = str(pattern.apply(value / 100, self.locale))
        if self.locale.territory == "CH" and re.search(r"\d%$", text):
            # Swiss typesetting spaces the sign, as German does (CLDR does not)
            text = text[:-1] + "\u00a0%"
        return text

    def money(self, value: Decimal) -> str:
        """``$1,250.00``, ``1.250,00 €``; a currency code never touches the digits
        (Mexican Spanish would print ``USD1,250.00``)."""
        text = format_currency(value, self.currency, locale=self.locale)
        return re.sub(r"(?<=[A-Za-z])(?=[\d-])|(?<=\d)(?=[A-Za-z])", "\u00a0", text)

    def date(self, value: datetime.date) -> str:
        """A long date: ``January 1, 2027``, ``1. Januar 2027``; French,
        Italian and Portuguese write the first of the month as an ordinal,
        ``1er janvier 2027``, ``1° gennaio 2027``, ``1º de janeiro de 2027``."""
        if value.day == 1 and self.locale.language == "fr":
            return format_date(value, "d'er' MMMM y", locale=self.locale)
        if value.day == 1 and self.locale.language == "it":
            return format_date(value, "d'°' MMMM y", locale=self.locale)
        if value.day == 1 and self.locale.language == "pt":
            return format_date(value, "d'º de' MMMM 'de' y", locale=self.locale)
        return format_date(value, "long", locale=self.locale)

    # time ----------------------------------------------------------------
    def clock(self, value: str) -> str:
        """``"08:00"`` → ``8:00 AM`` (en_US), ``08:00`` (en_GB) or ``8 h``
        (French); ``24:00`` is midnight at the end of the day."""
        minutes = clock_minutes(value)
        if self.locale.language == "fr":
            # French typography writes the hour with "h": 8 h, 8 h 30, 24 h
            hours, rest = divmod(minutes, 60)
            return f"{hours}\u00a0h" + (f"\u00a0{rest:02d}" if rest else "")
        if minutes == 1440:
            return "24:00" if not self.twelve_hour else self.gettext("midnight")
        moment = datetime.time(minutes // 60, minutes % 60)
        return format_time(moment, "short", locale=self.locale)

    def time_span(self, start: str, end: str) -> str:
        return self.gettext("%(start)s to %(end)s") % {
            "start": self.clock(start),
            "end": self.clock(end),
        }

    def weekday(self, day: Weekday) -> str:
        return str(get_day_names("wide", locale=self.locale)[day.number])

    def weekdays(self, days: Iterable[Weekday]) -> str:
        """Runs of three or more consecutive days as a range ("Monday to Friday"),
        the rest as a list ("Monday, Wednesday and Friday")."""
        indexes = sorted({d.number for d in days})
        ordered = list(Weekday)
        pieces: list[str] = []
        run: list[int] = []
        for index in [*indexes, None]:
            if index is not None and run and index == run[-1] + 1:
                run.append(index)
                continue
            if len(run) >= 3:
                pieces.append(self.gettext("%(first)s to %(last)s") % {
                    "first": self.weekday(ordered[run[0]]),
                    "last": self.weekday(ordered[run[-1]]),
                })
            else:
                pieces.extend(self.weekday(ordered[i]) for i in run)
            run = [index] if index is not None else []
        return self.join(pieces)

    def join(self, items: Sequence[str]) -> str:
        return format_list(list(items), locale=self.locale) if items else ""

    def timezone_name(self, zone: str) -> str:
        """``America/Los_Angeles`` → ``Pacific Time``, ``Europe/Paris`` → ``heure
        d’Europe centrale``: the time as people of the locale call it, never the
        database identifier; zones with no region (``UTC``, ``Etc/GMT+5``) as their
        offset from UTC, which CLDR would call "Unknown Region"."""
        try:
            tzinfo = get_timezone(zone)
        except (LookupError, ValueError):
            return zone
        if zone in _UTC_ALIASES or zone.startswith("Etc/"):
            offset = tzinfo.utcoffset(datetime.datetime(2027, 1, 1))
            minutes = int(offset.total_seconds() // 60) if offset is not None else 0
            if not minutes:
                return "UTC"
            sign = "+" if minutes > 0 else "\u2212"
            return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return str(babel_timezone_name(tzinfo, locale=self.locale))

    # durations -----------------------------------------------------------
    def unit(self, value: Decimal | int, unit_key: str) -> str:
        """``12 months``, ``30 Tage``: the long unit name, correctly pluralised."""
        return format_unit(value, unit_key, length="long", locale=self.locale)

    def duration(self, seconds: Decimal) -> str:
        """Allowed downtime in words, as a clause writes it: ``1 hour and 5 minutes``,
        ``1 Stunde und 5 Minuten``; a number never breaks from its unit."""
        parts = [
            self.unit(plain(value), DURATION_KEYS[unit]).replace(" ", "\u00a0")
            for unit, value in duration_parts(seconds)
        ]
        return self.join(parts)

    def minutes(self, minutes: int) -> str:
        """A response or resolution target: whole hours when it is whole hours."""
        hours, rest = divmod(minutes, 60)
        parts = []
        if hours:
            parts.append(self.unit(hours, "duration-hour"))
        if rest or not hours:
            parts.append(self.unit(rest, "duration-minute"))
        return self.join(parts)

    def days(self, count: int) -> str:
        return self.unit(count, "duration-day")

    def written_notice(self, days: int) -> str:
        """``1 day’s written notice``, ``30 days’ written notice``."""
        return self.ngettext("%(num)s day's written notice", "%(num)s days' written notice",
                             days) % {"num": self.number(days)}

    def translates(self, message: str) -> bool:
        """Whether the clause catalog has ``message`` (English needs none): a
        reworded clause is used once it is translated, the earlier wording
        until then, so that no contract mixes two languages."""
        return (self.locale.language == "en"
                or self._translations.gettext(message) != message)

    def hours(self, count: int) -> str:
        return self.unit(count, "duration-hour")

    def months(self, count: int) -> str:
        return self.unit(count, "duration-month")



@dataclass(frozen=True)
class _Labels:
    """Translatable labels for the model's fixed choices (marked with N_ for
    extraction, translated for the contract's language when used)."""

    agreement_type: dict[AgreementType, str]
    agreement_scope: dict[AgreementType, str]
    period: dict[Period, str]
    per_period: dict[Period, str]
    measured_during: dict[MeasuredDuring, str]
    report_frequency: dict[ReportFrequency, str]
    review_frequency: dict[ReviewFrequency, str]
    exclusion: dict[StandardExclusion, str]
    direction: dict[Direction, str]


LABELS = _Labels(
    agreement_type={
        AgreementType.CUSTOMER_BASED: N_("customer-based"),
        AgreementType.SERVICE_BASED: N_("service-based"),
        AgreementType.MULTI_LEVEL: N_("multi-level"),
        AgreementType.INTERNAL: N_("internal"),
    },
    agreement_scope={
        AgreementType.CUSTOMER_BASED: N_(
            "This is a customer-based agreement: it covers all the services that the "
            "Provider delivers to the Customer."
        ),
        AgreementType.SERVICE_BASED: N_(
            "This is a service-based agreement: it sets out, between the Provider and the "
            "Customer, the service levels of the services it describes."
        ),
        AgreementType.MULTI_LEVEL: N_(
            "This is a multi-level agreement: its general terms apply to the whole "
            "organisation, and the terms for a customer group or a single service add to "
            "them; where they differ, the more specific terms prevail."
        ),
        # a multi-level agreement without customer groups has one level of terms
        # (:data:`SINGLE_LEVEL_SCOPE`)
        AgreementType.INTERNAL: N_(
            "This is an internal agreement between two departments of the same "
            "organisation. It creates no payment obligations; disagreements are resolved "
            "between the heads of the two departments."
        ),
    },
    period={
        Period.DAY: N_("day"),
        Period.WEEK: N_("week"),
        Period.MONTH: N_("month"),
        Period.QUARTER: N_("quarter"),
        Period.HALF_YEAR: N_("half-year"),
        Period.YEAR: N_("year"),
    },
    per_period={
        Period.DAY: N_("per day"),
        Period.WEEK: N_("per week"),
        Period.MONTH: N_("per month"),
        Period.QUARTER: N_("per quarter"),
        Period.HALF_YEAR: N_("per half-year"),
        Period.YEAR: N_("per year"),
    },
    measured_during={
        MeasuredDuring.COVERAGE: N_("during coverage hours"),
        MeasuredDuring.ALWAYS: N_("at all times"),
        MeasuredDuring.SUPPORT_HOURS: N_("during support hours"),
        MeasuredDuring.CALENDAR: N_("during coverage hours"),
    },
    report_frequency={
        ReportFrequency.DAILY: N_("every day"),
        ReportFrequency.WEEKLY: N_("every week"),
        ReportFrequency.MONTHLY: N_("every month"),
        ReportFrequency.QUARTERLY: N_("every quarter"),
        ReportFrequency.HALF_YEARLY: N_("every six months"),
    },
    review_frequency={
        ReviewFrequency.MONTHLY: N_("every month"),
        ReviewFrequency.QUARTERLY: N_("every quarter"),
        ReviewFrequency.HALF_YEARLY: N_("every six months"),
        ReviewFrequency.YEARLY: N_("every year"),
    },
    exclusion={
        StandardExclusion.SCHEDULED_MAINTENANCE: N_(
            "Scheduled maintenance announced to the Customer in advance."
        ),
        StandardExclusion.EMERGENCY_MAINTENANCE: N_(
            "Emergency maintenance needed to prevent imminent harm to the service or its "
            "security, announced as early as reasonably possible."
        ),
        StandardExclusion.FORCE_MAJEURE: N_(
            "Events beyond the Provider's reasonable control (force majeure), such as natural "
            "disasters, war, epidemics, strikes or acts of public authorities."
        ),
        StandardExclusion.CUSTOMER_CAUSED: N_(
            "Failures caused by the Customer, its users or its equipment, or by use of the "
            "services contrary to this agreement."
        ),
        StandardExclusion.THIRD_PARTY: N_(
            "Failures of third-party products or services that the Provider does not "
            "supply or control."
        ),
        StandardExclusion.INTERNET_OUTSIDE_NETWORK: N_(
            "Problems of the internet or of networks outside the Provider's own network."
        ),
        StandardExclusion.SUSPENSION_NON_PAYMENT: N_(
            "Suspension of the services because undisputed fees were not paid when due, after "
            "written notice to the Customer."
        ),
        StandardExclusion.BETA_FEATURES: N_(
            "Features offered as beta, preview or trial versions."
        ),
        StandardExclusion.CUSTOMER_REQUESTED_CHANGES: N_(
            "Interruptions caused by changes the Customer has requested or approved."
        ),
    },
    direction={
        Direction.AT_LEAST: N_("at least %(value)s"),
        Direction.AT_MOST: N_("at most %(value)s"),
    },
)

_DURING_DEFINED = {
    MeasuredDuring.COVERAGE: N_("during Coverage Hours"),
    MeasuredDuring.SUPPORT_HOURS: N_("during Support Hours"),
    # a calendar the schedule does not have: measured on the coverage hours
    MeasuredDuring.CALENDAR: N_("during Coverage Hours"),
}
"""The labels with the defined terms capitalised, used once a language's
catalog has them (the lower-case labels until then)."""


SINGLE_LEVEL_TYPE = N_("organisation-wide")
"""The kind of a multi-level agreement that has no customer groups, as a word:
it has one level of terms and must not call itself multi-level."""
SINGLE_LEVEL_SCOPE = N_(
    "This agreement's terms apply to the whole organisation of the Customer; a service level "
    "set for a single service applies to that service."
)
"""What a multi-level agreement without customer groups covers."""


def agreement_kind(project: Project) -> tuple[str, str]:
    """The kind of agreement as a word and the sentence saying what it covers
    (untranslated): only an agreement with customer groups speaks of levels."""
    kind = project.agreement.type
    if kind is AgreementType.MULTI_LEVEL and not has_levels(project):
        return SINGLE_LEVEL_TYPE, SINGLE_LEVEL_SCOPE
    return LABELS.agreement_type[kind], LABELS.agreement_scope[kind]


def _level_during(project: Project, value: MeasuredDuring, calendar: str,
                  fmt: ContractFormatter) -> str:
    """When a level is measured, a named calendar by its defined term."""
    named = during_calendar(project, value, calendar, fmt)
    return named if named is not None else _during(value, fmt)


def _during(value: MeasuredDuring, fmt: ContractFormatter) -> str:
    """When a level is measured, its defined term capitalised ("during Coverage Hours")."""
    defined = _DURING_DEFINED.get(value)
    if defined is not None and fmt.translates(defined):
        return fmt.gettext(defined)
    return fmt.gettext(LABELS.measured_during[value])


_UNIT_NAMES = {
    "seconds": "duration-second",
    "minutes": "duration-minute",
    "hours": "duration-hour",
    "days": "duration-day",
}

_TEMPLATE_TERMS = (
    (N_("Coverage Hours"), N_("The hours, set out in section %(schedule)s, during which the "
                              "services are to be available.")),
    (N_("Support Hours"), N_("The hours during which the Provider's support staff answer "
                             "requests and work on Incidents.")),
    (N_("Downtime"), N_("Any period during which a service is not available to the Customer, "
                        "other than the exclusions set out in section %(exclusions)s.")),
    (N_("Service Level"), N_("A measurable target for a service, set out in section "
                             "%(service_levels)s.")),
    (N_("Incident"), N_("An unplanned interruption of a service, or a reduction in its "
                        "quality, that the Customer reports to the Provider or the Provider "
                        "detects.")),
)
_DOWNTIME_WITHOUT_EXCLUSIONS = (
    N_("Downtime"), N_("Any period during which a service is not available to the Customer."))


def uses_downtime(project: Project) -> bool:
    """Whether the contract counts Downtime: for a level of availability, in the
    measurement terms (when Downtime starts and ends), or in the maintenance
    rules' limit on emergency maintenance excluded from it."""
    rules = project.maintenance_rules
    return (any(is_availability(m) for m in project.metrics)
            or project.measurement_terms.included
            or (rules.included and rules.emergency_cap_minutes_per_month is not None
                and project.exclusions.included
                and StandardExclusion.EMERGENCY_MAINTENANCE in project.exclusions.standard))


def _template_terms(project: Project) -> list[tuple[str, str]]:
    """The terms the standard clauses use: Support Hours only where the
    agreement promises them, Service Level only where it sets any, Incident
    only where severity levels or Support Hours speak of it, Downtime
    only where it is counted (:func:`uses_downtime`), without exclusions where
    it has none."""
    terms = []
    for term, text in _TEMPLATE_TERMS:
        if term == "Support Hours" and project.schedule.support_coverage is None:
            continue
        if term == "Service Level" and not project.metrics:
            continue
        if term == "Incident" and not (project.severity_levels
                                       or project.schedule.support_coverage is not None):
            continue  # only where severity levels or Support Hours speak of Incidents
        if term == "Downtime" and not uses_downtime(project):
            continue
        if term == "Downtime" and not project.exclusions.included:
            term, text = _DOWNTIME_WITHOUT_EXCLUSIONS
        terms.append((term, text))
    return terms


_CREDIT_TERMS = (
    (N_("Service Credit"), N_("An amount credited against the monthly fee of the affected "
                              "services when a Service Level is missed.")),
)


_MAINTENANCE_EXCLUSIONS = {
    # (windows set, notice set): the scheduled-maintenance exclusion, naming only what
    # the agreement sets out
    (True, True): N_("Scheduled maintenance carried out within the maintenance windows and "
                     "with the notice set out in section %(section)s."),
    (True, False): N_("Scheduled maintenance carried out within the maintenance windows set "
                      "out in section %(section)s."),
    (False, True): N_("Scheduled maintenance announced with the notice set out in section "
                      "%(section)s."),
}

SECTIONS = ("purpose", "definitions", "stakeholders", "services", "schedule",
            "service_levels", "credits", "reporting", "exclusions", "termination",
            "commercial", "general", "signatures")
"""The standard template's numbered sections, in order."""


def section_numbers(project: Project) -> dict[str, str]:
    """The number of each section of the standard template for ``project``, for
    cross-references: the sections the agreement leaves out take no number."""
    left_out = {"stakeholders": not stakeholders_section(project),
                "credits": not credits_section(project),
                "reporting": not project.reporting.included,
                "exclusions": not project.exclusions.included,
                **left_out_sections(project)}
    present = [name for name in SECTIONS if not left_out.get(name, False)]
    return {name: str(number) for number, name in enumerate(present, start=1)}


def service_level_subsections(project: Project, number: str) -> dict[str, str]:
    """The numbers of the service levels section's subsections, in the
    template's order (``availability``: "6.1", ``severity``, ``groups``,
    ``measurement``), for cross-references; "" for one the contract leaves out."""
    parts = (
        ("availability", any(is_availability(m) for m in project.metrics)),
        ("severity", bool(project.severity_levels)),
        ("groups", has_levels(project)),
        ("measurement", project.measurement_terms.included),
    )
    present = [name for name, there in parts if there]
    numbers = {name: f"{number}.{index}" for index, name in enumerate(present, start=1)}
    return {name: numbers.get(name, "") for name, _there in parts}


def stakeholders_section(project: Project) -> bool:
    """Whether the contract has its stakeholders section: always with contacts,
    and without them unless the agreement leaves the section out."""
    return bool(project.contacts) or project.agreement.contacts_fallback


def credits_section(project: Project) -> bool:
    """Whether the contract has its service credits section: always with
    credits, and without them unless the agreement leaves the clause out."""
    credits = project.service_credits
    return credits.enabled or credits.no_credits_clause


def has_reviews(project: Project) -> bool:
    """Whether the parties agree to review the agreement at set intervals."""
    reporting = project.reporting
    return reporting.included and reporting.review_frequency is not ReviewFrequency.NONE


def has_payment_clause(project: Project) -> bool:
    """Whether the contract obliges the Customer to pay by a date (the
    commercial terms with a payment period)."""
    return project.commercial.included and project.commercial.payment_days > 0


def _exclusion_texts(project: Project, sections: dict[str, str],
                     t: Callable[[str], str]) -> list[str]:
    chosen = set(project.exclusions.standard)
    if not has_payment_clause(project):
        # suspension for non-payment needs the payment clause that gives the right
        chosen.discard(StandardExclusion.SUSPENSION_NON_PAYMENT)
    schedule = project.schedule
    texts = []
    for key in StandardExclusion:
        if key not in chosen:
            continue
        text = t(LABELS.exclusion[key])
        if key is StandardExclusion.EMERGENCY_MAINTENANCE and sections.get("maintenance") \
                and project.maintenance_rules.included:
            # the maintenance rules say when, with what notice and how much: one rule
            text = t("Emergency maintenance carried out as set out in section %(section)s, "
                     "within the limits set out there.") % {"section": sections["maintenance"]}
        if key is StandardExclusion.SCHEDULED_MAINTENANCE:
            variant = _MAINTENANCE_EXCLUSIONS.get(
                (bool(schedule.maintenance_windows), bool(schedule.maintenance_notice_hours)))
            if variant is not None:
                text = t(variant) % {"section": sections["schedule"]}
        texts.append(text)
    return texts


def _text_lines(items: Iterable[str]) -> list[str]:
    return [item for item in items if item.strip()]


def _party_context(party: Party, role: PartyRole, fmt: ContractFormatter) -> dict[str, Any]:
    role_label = (fmt.gettext("“the Provider”") if role is PartyRole.PROVIDER
                  else fmt.gettext("“the Customer”"))
    return {
        "name": party.name,
        "is_department": party.kind is PartyKind.DEPARTMENT,
        "address": party.address.strip(),
        "registration": party.registration.strip(),
        "role_label": role_label,
        "signatory": {
            "name": party.signatory.name,
            "title": party.signatory.title,
            "email": unbreakable(party.signatory.email),
        },
    }


def _branding_context(project: Project) -> dict[str, Any]:
    """The look the project asks for. ``logo`` is filled in with the image
    itself when the contract is rendered (it needs the document being made);
    the colour and font are there for templates that want to print them."""
    branding = project.branding
    return {
        "logo": None,
        "accent_colour": branding.accent_colour or "",
        "body_font": branding.body_font.strip(),
    }


def _schedule_rows(
    coverage: Sequence[CoverageBlock], support: Sequence[CoverageBlock], fmt: ContractFormatter
) -> list[dict[str, str]]:
    """One row per weekday, with the service coverage and support hours."""

    def hours(blocks: Sequence[CoverageBlock], day: Weekday) -> str:
        if not blocks:
            return fmt.gettext("all day")
        spans = day_intervals(blocks, day)
        if spans == [(0, 1440)]:
            return fmt.gettext("all day")
        if not spans:
            return fmt.gettext("closed")
        return fmt.join([
            fmt.time_span(f"{s // 60:02d}:{s % 60:02d}", f"{e // 60:02d}:{e % 60:02d}")
            for s, e in spans
        ])

    return [
        {"day": capitalised(fmt.weekday(day)), "coverage": hours(coverage, day),
         "support": hours(support, day)}
        for day in Weekday
    ]


def _chronic_condition(chronic: ChronicFailure, fmt: ContractFormatter) -> str:
    """When repeated misses let the customer leave: "in 3 consecutive months,
    or in 5 months within any 12 consecutive months" (empty when never)."""
    conditions = []
    if chronic.consecutive_months:
        conditions.append(fmt.ngettext(
            "in %(num)s consecutive month", "in %(num)s consecutive months",
            chronic.consecutive_months) % {"num": fmt.number(chronic.consecutive_months)})
    if chronic.months_in_year:
        conditions.append(fmt.ngettext(
            "in %(num)s month within any %(window)s consecutive months",
            "in %(num)s months within any %(window)s consecutive months",
            chronic.months_in_year) % {"num": fmt.number(chronic.months_in_year),
                                       "window": fmt.number(chronic.within_months)})
    if len(conditions) == 2:
        return fmt.gettext("%(first)s, or %(second)s") % {
            "first": conditions[0], "second": conditions[1]}
    return conditions[0] if conditions else ""


def _chronic_levels(project: Project, fmt: ContractFormatter) -> str:
    """The service levels a chronic-failure right counts, quoted and joined
    ("“Availability” or “First response”"); empty when it counts every level."""
    named = set(project.termination.chronic_failure.metrics)
    names = [fmt.gettext("“%(name)s”") % {"name": metric.name.strip() or metric.id}
             for metric in project.metrics if metric.id in named]
    if not names:
        return ""
    return format_list(names, style="or", locale=fmt.locale)


def capitalised(text: str) -> str:
    """``lunes`` → ``Lunes``, for the first word of a table cell."""
    return text[:1].upper() + text[1:]


def _metric_target(value: Decimal, unit: str, fmt: ContractFormatter) -> str:
    if unit == PERCENT_UNIT:
        return fmt.percent(value)
    if unit in _UNIT_NAMES:
        return fmt.unit(plain(value), _UNIT_NAMES[unit])
    if unit in BUSINESS_UNITS:
        return business_value(plain(value), unit, fmt)
    if unit == "count":
        return fmt.number(value)
    return f"{fmt.number(value)} {unit}"


def build_context(project: Project, locale: str | None = None) -> dict[str, Any]:
    """The data the contract template reads, formatted for ``locale``
    (the project's own language when not given)."""
    language = locale or project.language
    if language not in SUPPORTED_LOCALES:
        raise UnsupportedLanguageError(language)
    translations = contract_translations(language)
    fmt = ContractFormatter(language, project.currency, translations)
    t = fmt.gettext
    agreement = project.agreement
    services_by_id = {s.id: s for s in project.services}

    def service_name(service_id: str) -> str:
        if service_id == "*":
            return t("All services")
        service = services_by_id.get(service_id)
        return service.name if service else service_id

    contacts = [
        {
            "name": c.name,
            "party": project.parties.provider.name if c.party is PartyRole.PROVIDER
            else project.parties.customer.name,
            "role": c.role,
            "email": unbreakable(c.email),
            "phone": unbreakable(c.phone),
            "responsibilities": _text_lines(c.responsibilities),
            "escalation_level": c.escalation_level,
        }
        for c in project.contacts
    ]
    levels = sorted({c.escalation_level for c in project.contacts if c.escalation_level > 0})
    escalation = [
        {
            "level": fmt.number(level),
            "contacts": fmt.join([
                f"{c.name} ({c.role})" if c.role.strip() else c.name
                for c in project.contacts if c.escalation_level == level
            ]),
        }
        for level in levels
    ]

    fees = [s.monthly_fee for s in project.services if s.monthly_fee is not None]
    services = [
        {
            "id": s.id,
            "name": s.name,
            "description": s.description.strip(),
            "included": _text_lines(s.included),
            "excluded": _text_lines(s.excluded),
            "dependencies": _text_lines(s.dependencies),
            "customer_responsibilities": _text_lines(s.customer_responsibilities),
            "fee": fmt.money(s.monthly_fee) if s.monthly_fee is not None else "",
        }
        for s in project.services
    ]

    schedule = project.schedule
    coverage_always = is_around_the_clock(schedule.coverage)
    region = (holiday_region_name(schedule.holiday_region, fmt.locale)
              if schedule.holiday_region.strip() else "")
    maintenance = []
    for w in schedule.maintenance_windows:
        window = {
            "day": fmt.weekday(w.day),
            "start": fmt.clock(w.start),
            "duration": fmt.minutes(w.duration_minutes),
        }
        # the weekday as the language writes it inside a sentence ("chaque dimanche"),
        # the first letter of the item upper case ("Sunday …", "Domenica …")
        window["text"] = capitalised(
            t("%(day)s from %(start)s, for up to %(duration)s") % window)
        maintenance.append(window)

    sections = section_numbers(project)
    # the escalation path is the first (and only) subsection of the stakeholders section
    if "stakeholders" in sections:
        sections = {**sections, "escalation": sections["stakeholders"] + ".1"}
    sections = {**sections, **service_level_subsections(project, sections["service_levels"])}
    # maintenance is the schedule section's only subsection
    sections["maintenance"] = sections["schedule"] + ".1" \
        if schedule.maintenance_windows or project.maintenance_rules.included else ""
    metrics = []
    downtime = []
    for m in project.metrics:
        target = _metric_target(m.target, m.unit, fmt)
        row = {
            "name": m.name,
            "service": service_name(m.service),
            "target": t(LABELS.direction[m.direction]) % {"value": target},
            "period": t(LABELS.per_period[m.period]),
            "measured_during": _level_during(project, m.measured_during, m.calendar, fmt),
            "measurement": m.measurement.strip(),
            "baseline": _metric_target(m.baseline, m.unit, fmt) if m.baseline is not None
            else "",
            "allowed_downtime": "",
            "owed_by_customer": m.owed_by is PartyRole.CUSTOMER,
        }
        if is_availability(m):
            rule = downtime_row(project, m, fmt, sections.get("measurement", ""))
            row["allowed_downtime"] = rule["allowed"]
            downtime.append({
                "name": m.name,
                "target": fmt.percent(m.target),
                "period": t(LABELS.period[m.period]),
                "measured_during": _level_during(project, m.measured_during, m.calendar, fmt),
                "measured_minutes": rule["eligible_minutes"],
                "allowed": rule["allowed"],
                "reference": rule["reference"],
                "method": rule["method"],
                "allowance": rule["allowance"],
                "sentence": rule["sentence"],
            })
        metrics.append(row)

    severity_levels = [
        {
            "id": s.id,
            "name": s.name,
            "definition": s.definition.strip(),
            "response": fmt.minutes(s.response_minutes),
            "resolution": fmt.minutes(s.resolution_minutes)
            if s.resolution_minutes is not None else t("no fixed target"),
            "measured_during": _level_during(project, s.measured_during, s.calendar, fmt),
        }
        for s in project.severity_levels
    ]

    credits_context, credit_terms = credit_clauses.credits_context(
        project, fmt, lambda value, unit: _metric_target(value, unit, fmt))
    customer_groups = groups_context(
        project, fmt,
        lambda m, value: t(LABELS.direction[m.direction]) % {
            "value": _metric_target(value, m.unit, fmt)},
        lambda value, unit: _metric_target(value, unit, fmt))

    reporting = project.reporting
    exclusions = _exclusion_texts(project, sections, t)
    exclusions += _text_lines(project.exclusions.custom)

    term = project.termination
    chronic = term.chronic_failure
    terms = [*_template_terms(project),
             *((*_CREDIT_TERMS, *credit_terms) if credits_context["enabled"] else ()),
             *(BUSINESS_TERMS if uses_business_units(project) else ())]
    user_terms = {d.term.strip().casefold() for d in agreement.definitions}
    # a user's term replaces the built-in one it names, in English or in the
    # contract's language (a project typed in English, its contract in Italian)
    built_in = [(t(term_), t(text) % sections) for term_, text in terms
                if term_.casefold() not in user_terms]
    built_in += availability_terms(project, fmt, sections)
    built_in += calendar_terms(project, fmt, sections)
    definitions = sorted(
        [{"term": d.term, "definition": d.definition} for d in agreement.definitions
         if d.term.strip()]
        + [{"term": term_, "definition": text} for term_, text in built_in
           if term_.casefold() not in user_terms],
        key=lambda d: d["term"].casefold(),
    )

    frame = frame_context(project, fmt, sections, language)
    frame["signing"] = {**frame["signing"], "place_named": project.signing.included
                        and bool(project.signing.place.strip())}

    return {
        "locale": language,
        "branding": _branding_context(project),
        "agreement": {
            "title": agreement.title,
            "reference": agreement.reference.strip(),
            "version": agreement.document_version.strip(),
            "effective_date": fmt.date(agreement.effective_date),
            "type": t(agreement_kind(project)[0]),
            "scope": t(agreement_kind(project)[1])
            if agreement.scope_sentence or not agreement.purpose.strip() else "",
            "purpose": agreement.purpose.strip(),
            "internal": agreement.type is AgreementType.INTERNAL,
        },
        "definitions": definitions,
        "provider": _party_context(project.parties.provider, PartyRole.PROVIDER, fmt),
        "customer": _party_context(project.parties.customer, PartyRole.CUSTOMER, fmt),
        "contacts": contacts,
        "escalation": escalation,
        "services": services,
        "total_fee": fmt.money(sum(fees, Decimal(0))) if len(fees) > 1 else "",
        "schedule": {
            "timezone": fmt.timezone_name(schedule.timezone),
            "rows": _schedule_rows(schedule.coverage, schedule.support_coverage or [], fmt),
            "support_hours": schedule.support_coverage is not None,
            "coverage_always": coverage_always,
            "levels_in_coverage": bool(project.metrics) and all(
                m.measured_during is MeasuredDuring.COVERAGE for m in project.metrics),
            "holidays_excluded": schedule.public_holidays is Holidays.EXCLUDED,
            "holiday_region": region,
            **calendars_context(project, fmt, lambda blocks: _schedule_rows(blocks, [], fmt),
                                region),
            "maintenance": maintenance,
            "notice": fmt.hours(schedule.maintenance_notice_hours)
            if schedule.maintenance_notice_hours else "",
            "max_maintenance": fmt.minutes(schedule.max_maintenance_minutes_per_month)
            if schedule.max_maintenance_minutes_per_month else "",
        },
        "metrics": metrics,
        "provider_metrics": [m for m in metrics if not m["owed_by_customer"]],
        "customer_metrics": [m for m in metrics if m["owed_by_customer"]],
        "reasonable_efforts": agreement.commitment is Commitment.REASONABLE_EFFORTS,
        "commitment_notes": commitment_notes(project, fmt),
        "resolution_by_efforts": resolution_by_efforts(project),
        "downtime": downtime,
        "downtime_counted": uses_downtime(project),
        "convention": {
            "year_days": fmt.number(DAYS_PER_YEAR),
            **{name: fmt.number(PERIOD_MINUTES[period])
               for name, period in (("month", Period.MONTH), ("quarter", Period.QUARTER),
                                    ("year", Period.YEAR))},
        },
        "severity_levels": severity_levels,
        "customer_groups": customer_groups,
        "credits": credits_context,
        "reporting": {
            "included": reporting.included,
            "frequency": t(LABELS.report_frequency[reporting.frequency]),
            "recipient": reporting.recipient.strip(),
            "contents": _text_lines(reporting.contents),
            "review_frequency": t(LABELS.review_frequency[reporting.review_frequency])
            if reporting.review_frequency is not ReviewFrequency.NONE else "",
            "reviews": has_reviews(project),
            "baseline_review": reporting.baseline_review,
        },
        "exclusions": exclusions,
        "exclusions_clause": project.exclusions.included,
        "reworded": {key: fmt.translates(text) for key, text in REWORDED.items()},
        "sections": sections,
        "stakeholders_section": stakeholders_section(project),
        "credits_section": credits_section(project),
        "signatories_named": bool(project.parties.provider.signatory.name.strip()
                                  and project.parties.customer.signatory.name.strip()),
        "termination": {
            "fixed_term": term.term is TermKind.FIXED,
            "convenience_clause": term.convenience_clause,
            "rights": has_termination_rights(project),
            "while_used": term.term is TermKind.WHILE_SERVICES_USED,
            "until_replaced": term.term is TermKind.UNTIL_REPLACED,
            "initial_term": fmt.months(term.initial_term_months),
            "auto_renew": term.auto_renew,
            "renewal_term": fmt.months(term.renewal_term_months),
            "notice": fmt.days(term.notice_days) if term.notice_days else "",
            "written_notice": fmt.written_notice(term.notice_days)
            if term.notice_days and fmt.translates(RENEWAL_WITH_WRITTEN_NOTICE) else "",
            "for_convenience": fmt.days(term.for_convenience_notice_days)
            if term.for_convenience_notice_days else "",
            "for_convenience_at_once": term.for_convenience_notice_days == 0,
            "for_convenience_notice": fmt.written_notice(term.for_convenience_notice_days)
            if term.for_convenience_notice_days
            and fmt.translates(CONVENIENCE_WITH_WRITTEN_NOTICE) else "",
            "chronic_failure": _chronic_condition(chronic, fmt),
            "chronic_levels": _chronic_levels(project, fmt)
            if _chronic_condition(chronic, fmt) else "",
            "chronic_notice": fmt.days(chronic.notice_days)
            if chronic.notice_days and _chronic_condition(chronic, fmt) else "",
            "cure": fmt.days(term.cure_days) if term.cure_days else "",
            "data_return": fmt.days(term.data_return_days) if term.data_return_days else "",
            "amendments": term.amendments.strip(),
        },
        **frame,
    }

