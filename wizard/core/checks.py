"""Everything worth telling the user about a project, as a list of problems.

Errors stop a contract from being generated (it would be wrong or
contradictory); warnings teach good SLA practice and leave the choice to the
user. Each problem names the wizard step and the field it is about, so that
the wizard can show it beside the field and jump to it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from babel.dates import get_timezone
from babel.numbers import list_currencies

from wizard.core.availability_rule import allowance
from wizard.core.branding import MIN_CONTRAST, contrast_with_white, font_name, logo_problem
from wizard.core.calendars import as_coverage
from wizard.core.compute import (
    clock_minutes,
    is_around_the_clock,
    uncovered_weekly_minutes,
)
from wizard.core.contract import SUPPORTED_LOCALES, contract_translations
from wizard.core.contract_availability import BUILT_IN_SYNONYMS
from wizard.core.example_checks import former_party_problems
from wizard.core.model import (
    MONTHS_IN_YEAR,
    PERCENT_UNIT,
    CoverageBlock,
    CreditKind,
    Direction,
    MeasuredDuring,
    MetricKind,
    PartyRole,
    Project,
    ReviewFrequency,
    SamplingMethod,
    TermKind,
)
from wizard.core.project_file import field_path
from wizard.core.steps import Step as Step
from wizard.i18n import _

MAX_METRICS = 10

_CHECK_INTERVAL_RE = re.compile(
    r"\b(?:every|each|toutes les|alle|jede|cada|elke|ogni|a cada)\s+(?:[0-9]+\s*)?"
    r"(?:minutes?|min\b|minuten|minute|minutos?|minuti|minuto|minuut)", re.IGNORECASE)
"""A measurement text that checks every minute or every few minutes, in the
contract languages ("every minute", "alle 5 Minuten", "toutes les minutes")."""
MAX_CLAUSE_PAGES = 5
WORDS_PER_PAGE = 450


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    step: Step
    loc: Loc
    message: str

    @property
    def path(self) -> str:
        """The field as a person reads it: ``metrics[2].target``."""
        return field_path(self.loc)

    def __str__(self) -> str:
        label = _("error") if self.severity is Severity.ERROR else _("warning")
        return f"{label}: {self.path}: {self.message}"


def check_project(project: Project, project_path: Path | None = None,
                  locale: str | None = None) -> list[Problem]:
    """Every problem of ``project``, errors first, then in wizard order.
    ``project_path`` (the project's file) finds a template named by a
    relative path; ``locale`` is the language the contract is written in
    (the project's contract language by default), which the checks of the
    legal frame go by."""
    found = [
        *_basics(project),
        *_parties(project),
        *_contacts(project),
        *_services(project),
        *_schedule(project),
        *_metrics(project),
        *_severity_levels(project),
        *_customer_groups(project),
        *_credits(project),
        *_reporting(project),
        *_termination(project),
        *_legal_parts(project, locale or project.language),
        *_branding(project),
        *_template(project, project_path),
        *_length(project),
        *former_party_problems(project),
        *_calendars(project),
    ]
    order = list(Step)
    return sorted(found, key=lambda p: (p.severity is not Severity.ERROR, order.index(p.step)))


def has_errors(problems: Sequence[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _error(step: Step, loc: Loc, message: str) -> Problem:
    return Problem(Severity.ERROR, step, loc, message)


def _warning(step: Step, loc: Loc, message: str) -> Problem:
    return Problem(Severity.WARNING, step, loc, message)


def _blank(text: str) -> bool:
    return not text.strip()


def _percent(step: Step, loc: Loc, value: Decimal | None) -> Iterator[Problem]:
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        yield _error(step, loc, _("A percentage must be between 0 and 100."))


def _duplicates(values: Sequence[str]) -> set[str]:
    return {value for value, count in Counter(values).items() if count > 1}


def _basics(project: Project) -> Iterator[Problem]:
    agreement = project.agreement
    if _blank(agreement.title):
        yield _error(Step.BASICS, ("agreement", "title"), _("Give the agreement a title."))
    if project.language not in SUPPORTED_LOCALES:
        yield _error(
            Step.BASICS,
            ("language",),
            _('"{language}" is not a contract language; choose one of {supported}.').format(
                language=project.language, supported=", ".join(SUPPORTED_LOCALES)
            ),
        )
    if project.currency not in list_currencies():
        yield _error(
            Step.BASICS,
            ("currency",),
            _('"{currency}" is not an ISO 4217 currency code such as EUR or USD.').format(
                currency=project.currency
            ),
        )
    terms = [d.term.strip().casefold() for d in agreement.definitions]
    for index, definition in enumerate(agreement.definitions):
        loc: Loc = ("agreement", "definitions", index)
        if _blank(definition.term):
            yield _error(Step.BASICS, (*loc, "term"), _("A definition needs a term."))
        elif terms.count(definition.term.strip().casefold()) > 1:
            yield _error(Step.BASICS, (*loc, "term"), _("This term is defined twice."))
        if _blank(definition.definition):
            yield _warning(
                Step.BASICS, (*loc, "definition"), _("Say what this term means, or remove it.")
            )
        built_in = BUILT_IN_SYNONYMS.get(" ".join(definition.term.split()).casefold())
        if built_in is not None:
            yield _warning(Step.BASICS, (*loc, "term"), _(
                '"{term}" says again what the contract\'s own defined term "{built_in}" '
                "says: remove it and use \"{built_in}\" in your text, or the two definitions "
                "will disagree.").format(term=definition.term.strip(), built_in=(
                    contract_translations(project.language).gettext(built_in)
                    if project.language in SUPPORTED_LOCALES else built_in)))


def _parties(project: Project) -> Iterator[Problem]:
    for role, party in (("provider", project.parties.provider),
                        ("customer", project.parties.customer)):
        if _blank(party.name):
            yield _error(Step.PARTIES, ("parties", role, "name"), _("Name this party."))
        if _blank(party.signatory.name):
            yield _warning(
                Step.PARTIES,
                ("parties", role, "signatory", "name"),
                _("Name the person who signs for this party, or the signature line stays blank."),
            )


def _contacts(project: Project) -> Iterator[Problem]:
    names = [c.name.strip() for c in project.contacts]
    twice = _duplicates([n for n in names if n])
    for index, contact in enumerate(project.contacts):
        loc: Loc = ("contacts", index, "name")
        if _blank(contact.name):
            yield _error(Step.STAKEHOLDERS, loc, _("A contact needs a name."))
        elif contact.name.strip() in twice:
            yield _error(
                Step.STAKEHOLDERS, loc,
                _("Two contacts have this name; reports are addressed by name, so each "
                  "must be unique."),
            )
    if project.contacts and not any(c.escalation_level > 0 for c in project.contacts):
        yield _warning(
            Step.STAKEHOLDERS,
            ("contacts",),
            _("No contact is in the escalation path: give the first line an escalation "
              "level of 1."),
        )


def _services(project: Project) -> Iterator[Problem]:
    if not project.services:
        yield _error(Step.SERVICES, ("services",), _("Describe at least one service."))
    twice = _duplicates([s.id for s in project.services])
    for index, service in enumerate(project.services):
        if _blank(service.id):
            yield _error(Step.SERVICES, ("services", index, "id"),
                         _("A service needs a short identifier."))
        elif service.id in twice:
            yield _error(Step.SERVICES, ("services", index, "id"),
                         _('Two services use the identifier "{id}".').format(id=service.id))
        if _blank(service.name):
            yield _error(Step.SERVICES, ("services", index, "name"), _("Name this service."))
        if service.monthly_fee is not None and service.monthly_fee < 0:
            yield _error(Step.SERVICES, ("services", index, "monthly_fee"),
                         _("A fee cannot be negative."))


def coverage_problems(loc: Loc, blocks: Sequence[CoverageBlock]) -> Iterator[Problem]:
    """The problems of a list of blocks of hours at ``loc``."""
    for index, block in enumerate(blocks):
        if not block.days:
            yield _error(Step.SCHEDULE, (*loc, index, "days"), _("Choose at least one day."))
        if clock_minutes(block.end) <= clock_minutes(block.start):
            yield _error(
                Step.SCHEDULE, (*loc, index, "end"), _("The end must be after the start.")
            )


def _schedule(project: Project) -> Iterator[Problem]:
    schedule = project.schedule
    try:
        get_timezone(schedule.timezone)
    except (LookupError, ValueError):
        yield _error(
            Step.SCHEDULE,
            ("schedule", "timezone"),
            _('"{zone}" is not a known time zone such as Europe/Berlin.').format(
                zone=schedule.timezone
            ),
        )
    yield from coverage_problems(("schedule", "coverage"), schedule.coverage)
    if schedule.support_coverage is not None:
        yield from coverage_problems(("schedule", "support_coverage"), schedule.support_coverage)
    for index, window in enumerate(schedule.maintenance_windows):
        if clock_minutes(window.start) >= 1440:
            yield _error(Step.SCHEDULE, ("schedule", "maintenance_windows", index, "start"),
                         _("A maintenance window starts at 23:59 at the latest."))
    limit = schedule.max_maintenance_minutes_per_month
    weekly = sum(w.duration_minutes for w in schedule.maintenance_windows)
    if limit is not None and weekly and limit < weekly:
        yield _warning(
            Step.SCHEDULE,
            ("schedule", "max_maintenance_minutes_per_month"),
            _("The monthly maintenance limit is shorter than one week's maintenance windows."),
        )
    if schedule.maintenance_windows and schedule.maintenance_notice_hours == 0:
        yield _warning(
            Step.SCHEDULE,
            ("schedule", "maintenance_notice_hours"),
            _("Give the customer notice before maintenance (48 to 72 hours is usual)."),
        )


def _metrics(project: Project) -> Iterator[Problem]:
    metrics = project.metrics
    if not metrics and not project.severity_levels:
        # response and resolution targets are measured too (a help desk's SLA)
        yield _warning(Step.METRICS, ("metrics",),
                       _("Define at least one service level, or there is nothing to measure."))
    if len(metrics) > MAX_METRICS:
        yield _warning(
            Step.METRICS,
            ("metrics",),
            _("{count} metrics are defined. Keep to about ten: the more complex the "
              "monitoring, the less it is used.").format(count=len(metrics)),
        )
    twice = _duplicates([m.id for m in metrics])
    service_ids = {s.id for s in project.services}
    support = project.schedule.support_coverage
    support_around_the_clock = support is None or is_around_the_clock(support)
    for index, metric in enumerate(metrics):
        loc: Loc = ("metrics", index)
        if _blank(metric.id):
            yield _error(Step.METRICS, (*loc, "id"), _("A metric needs a short identifier."))
        elif metric.id in twice:
            yield _error(Step.METRICS, (*loc, "id"),
                         _('Two metrics use the identifier "{id}".').format(id=metric.id))
        if _blank(metric.name):
            yield _error(Step.METRICS, (*loc, "name"), _("Name this metric."))
        if metric.service != "*" and metric.service not in service_ids:
            yield _error(
                Step.METRICS, (*loc, "service"),
                _('This metric refers to a service "{id}" that does not exist.').format(
                    id=metric.service),
            )
        if metric.unit == PERCENT_UNIT:
            yield from _percent(Step.METRICS, (*loc, "target"), metric.target)
            yield from _percent(Step.METRICS, (*loc, "baseline"), metric.baseline)
        elif metric.target < 0:
            yield _error(Step.METRICS, (*loc, "target"), _("A target cannot be negative."))
        if _blank(metric.unit):
            yield _error(Step.METRICS, (*loc, "unit"), _("Say in what unit this is measured."))
        if _blank(metric.measurement):
            yield _warning(
                Step.METRICS, (*loc, "measurement"),
                _("Say how and from what source this metric is measured, or the parties "
                  "will argue about the numbers."),
            )
        if metric.kind is MetricKind.AVAILABILITY:
            if metric.unit != PERCENT_UNIT:
                yield _error(Step.METRICS, (*loc, "unit"),
                             _("Availability is measured in percent."))
            elif (metric.method.method is SamplingMethod.SAMPLED_INTERVAL
                  and Decimal(0) <= metric.target < 100
                  and allowance(metric.target, metric.period,
                                *as_coverage(project, metric.measured_during, metric.calendar),
                                metric.method).none_in_longest):
                yield _warning(
                    Step.METRICS, (*loc, "method"),
                    _("Checked in intervals of {minutes} minutes, this target allows not one "
                      "failed interval: a single failed check misses it. Check more often or "
                      "lower the target.").format(minutes=metric.method.interval_minutes),
                )
            elif (metric.method.method is SamplingMethod.CONTINUOUS
                  and (found := _CHECK_INTERVAL_RE.search(metric.measurement))):
                yield _warning(
                    Step.METRICS, (*loc, "method"),
                    _('The measurement checks at intervals ("{found}"), but the contract counts '
                      "downtime to the second: count it in checked intervals, so that the "
                      "contract says what the monitoring can show.").format(
                          found=found.group(0)),
                )
            if (metric.measured_during is MeasuredDuring.ALWAYS
                    and is_around_the_clock(project.schedule.coverage)
                    and not support_around_the_clock):
                yield _warning(
                    Step.METRICS, (*loc, "measured_during"),
                    _("Availability is promised around the clock, but support answers only "
                      "during support hours: say who restores the service at night."),
                )


def _calendars(project: Project) -> Iterator[Problem]:
    from wizard.core.calendar_checks import calendar_problems  # it builds on this module

    yield from calendar_problems(project)


def _severity_levels(project: Project) -> Iterator[Problem]:
    twice = _duplicates([s.id for s in project.severity_levels])
    support = project.schedule.support_coverage
    for index, level in enumerate(project.severity_levels):
        loc: Loc = ("severity_levels", index)
        if _blank(level.id):
            yield _error(Step.METRICS, (*loc, "id"), _("A severity level needs an identifier."))
        elif level.id in twice:
            yield _error(Step.METRICS, (*loc, "id"),
                         _('Two severity levels use the identifier "{id}".').format(id=level.id))
        resolution = level.resolution_minutes
        if resolution is not None and resolution < level.response_minutes:
            yield _error(Step.METRICS, (*loc, "resolution_minutes"),
                         _("The resolution target cannot be shorter than the response target."))
        if support is None and level.measured_during is MeasuredDuring.SUPPORT_HOURS:
            yield _error(
                Step.METRICS, (*loc, "measured_during"),
                _("This level is counted during support hours, but the agreement promises no "
                  "support hours. Promise them on the Availability schedule step, or count "
                  "this level during coverage hours or at all times."),
            )
        elif support is None and level.measured_during is MeasuredDuring.COVERAGE:
            yield _warning(
                Step.METRICS, (*loc, "measured_during"),
                _("The response clock runs during coverage hours, but the agreement promises "
                  "no support hours: it has no staffed hours to run in. Promise support hours "
                  "on the Availability schedule step, or count this level at all times."),
            )
        elif (support is not None and level.measured_during is MeasuredDuring.ALWAYS
              and not is_around_the_clock(support)):
            yield _warning(
                Step.METRICS, (*loc, "measured_during"),
                _("This level is counted at all times, but support answers only during support "
                  "hours: it promises a response at 3 a.m. on Sunday. Count it during support "
                  "hours, or say who answers outside them."),
            )
        elif (support is not None and level.measured_during is MeasuredDuring.COVERAGE
              and uncovered_weekly_minutes(project.schedule.coverage, support)):
            yield _warning(
                Step.METRICS, (*loc, "measured_during"),
                _("This level is counted during coverage hours, which go beyond the support "
                  "hours: it promises a response when nobody answers. Count it during support "
                  "hours."),
            )


def _credits(project: Project) -> Iterator[Problem]:
    credits = project.service_credits
    if not credits.enabled:
        return
    step = Step.CREDITS
    metric = project.metric_by_id(credits.metric)
    if metric is None:
        yield _error(step, ("service_credits", "metric"),
                     _("Choose the metric whose misses earn service credits."))
    elif metric.owed_by is PartyRole.CUSTOMER:
        yield _error(
            step, ("service_credits", "metric"),
            _("This service level is owed by the Customer, but service credits compensate the "
              "Customer for the Provider's miss: choose a level the Provider owes."),
        )
    elif metric.direction is not Direction.AT_LEAST:
        yield _error(
            step, ("service_credits", "metric"),
            _("Credits are paid when the measured value falls below a threshold, so their "
              "metric must be one where more is better (such as availability)."),
        )
    if credits.kind is CreditKind.TIERS and not credits.tiers:
        yield _error(step, ("service_credits", "tiers"), _("Add at least one credit tier."))
    yield from _percent(step, ("service_credits", "cap_percent"), credits.cap_percent)
    ordered = sorted(enumerate(credits.tiers), key=lambda item: item[1].below, reverse=True)
    previous_credit: Decimal | None = None
    seen: set[Decimal] = set()
    for index, tier in ordered:
        loc: Loc = ("service_credits", "tiers", index)
        yield from _percent(step, (*loc, "below"), tier.below)
        yield from _percent(step, (*loc, "credit_percent"), tier.credit_percent)
        if tier.below in seen:
            yield _error(step, (*loc, "below"), _("Two tiers start at the same threshold."))
        seen.add(tier.below)
        if metric is not None and tier.below > metric.target:
            yield _error(
                step, (*loc, "below"),
                _("This tier starts above the target itself, so credits would be due while "
                  "the target is met."),
            )
        if previous_credit is not None and tier.credit_percent <= previous_credit:
            yield _error(
                step, (*loc, "credit_percent"),
                _("A lower threshold must earn a larger credit than the tier above it."),
            )
        if credits.cap_percent is not None and tier.credit_percent > credits.cap_percent:
            yield _warning(
                step, (*loc, "credit_percent"),
                _("This credit is larger than the cap, so the cap applies instead."),
            )
        previous_credit = tier.credit_percent
    if not any(s.monthly_fee for s in project.services):
        yield _warning(
            step, ("service_credits", "enabled"),
            _("Credits are a share of the monthly fee, but no service has a monthly fee."),
        )
    from wizard.core.credit_checks import (  # they build on this module
        credit_addition_problems,
        uses_claim_window,
    )

    if credits.claim_window_days == 0 and uses_claim_window(credits):
        yield _warning(step, ("service_credits", "claim_window_days"),
                       _("Give the customer a number of days to claim a credit."))

    yield from credit_addition_problems(project)


def _customer_groups(project: Project) -> Iterator[Problem]:
    from wizard.core.group_checks import group_problems  # it builds on this module

    yield from group_problems(project)


def _reporting(project: Project) -> Iterator[Problem]:
    if not project.reporting.included:
        return
    recipient = project.reporting.recipient
    if _blank(recipient):
        yield _warning(Step.REPORTING, ("reporting", "recipient"),
                       _("Say who receives the reports."))
    elif project.person_by_name(recipient) is None:
        yield _error(
            Step.REPORTING, ("reporting", "recipient"),
            _('The report recipient "{name}" is neither a contact nor a signatory.').format(
                name=recipient),
        )
    if project.reporting.baseline_review \
            and project.reporting.review_frequency is ReviewFrequency.NONE:
        yield _warning(Step.REPORTING, ("reporting", "baseline_review"), _(
            "Targets are tightened at a review, but no reviews are agreed: the contract "
            "leaves the tightening out. Choose how often the parties review the agreement."))


def _legal_parts(project: Project, locale: str) -> Iterator[Problem]:
    from wizard.core.frame_checks import frame_problems  # it builds on this module

    yield from frame_problems(project, locale)


def _termination(project: Project) -> Iterator[Problem]:
    yield from _chronic_failure(project)
    term = project.termination
    if term.term is not TermKind.FIXED:
        return
    initial = shortest_days(term.initial_term_months)
    renewal = shortest_days(term.renewal_term_months) if term.auto_renew else None
    if term.auto_renew:
        if term.notice_days >= initial:
            yield _warning(Step.TERMINATION, ("termination", "notice_days"), _(
                "The notice not to renew is as long as the initial term or longer, so it "
                "would have to be given before the agreement has begun: shorten the notice "
                "or lengthen the initial term."))
        elif renewal is not None and term.notice_days >= renewal:
            yield _warning(Step.TERMINATION, ("termination", "notice_days"), _(
                "The notice not to renew is as long as the renewal period or longer, so it "
                "would have to be given before that period has begun: shorten the notice or "
                "lengthen the renewal period."))
    convenience = term.for_convenience_notice_days
    if convenience is None:
        return
    if convenience >= initial:
        yield _warning(Step.TERMINATION, ("termination", "for_convenience_notice_days"), _(
            "The notice to terminate for convenience is as long as the initial term or "
            "longer, so it could not end the agreement before the initial term ends: "
            "shorten the notice or lengthen the initial term."))
    elif renewal is not None and convenience >= renewal:
        yield _warning(Step.TERMINATION, ("termination", "for_convenience_notice_days"), _(
            "The notice to terminate for convenience is as long as the renewal period or "
            "longer, so it could not end the agreement before that period ends: shorten "
            "the notice or lengthen the renewal period."))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def shortest_days(months: int) -> int:
    """The fewest days ``months`` calendar months can last (one month: 28,
    February; twelve: 365): a notice period that long or longer may not fit
    in a term of ``months``."""
    years, rest = divmod(months, MONTHS_IN_YEAR)
    if not rest:
        return years * 365
    return years * 365 + min(sum(_MONTH_DAYS[(start + i) % MONTHS_IN_YEAR] for i in range(rest))
                             for start in range(MONTHS_IN_YEAR))


def _chronic_failure(project: Project) -> Iterator[Problem]:
    chronic = project.termination.chronic_failure
    loc: Loc = ("termination", "chronic_failure")
    if chronic.months_in_year and chronic.months_in_year > chronic.within_months:
        yield _error(Step.TERMINATION, (*loc, "months_in_year"), _(
            "{missed} missed months cannot happen within {window} months: count more months "
            "than that, or fewer misses.").format(missed=chronic.months_in_year,
                                                   window=chronic.within_months))
    known = {metric.id for metric in project.metrics}
    for index, metric_id in enumerate(chronic.metrics):
        if metric_id not in known:
            yield _error(Step.TERMINATION, (*loc, "metrics", index), _(
                'There is no service level "{id}" any more: choose the levels whose misses '
                "count again.").format(id=metric_id))
    if (chronic.metrics or chronic.notice_days is not None) and not (
            chronic.consecutive_months or chronic.months_in_year):
        yield _warning(Step.TERMINATION, loc, _(
            "Service levels or a notice window are set for chronic failure, but no number of "
            "missed months: the contract says nothing of it until one is set."))


def _branding(project: Project) -> Iterator[Problem]:
    branding = project.branding
    step = Step.APPEARANCE
    if branding.logo is not None and (problem := logo_problem(branding.logo)):
        yield _error(step, ("branding", "logo"), problem)
    colour = branding.accent_colour
    if colour is not None and contrast_with_white(colour) < MIN_CONTRAST:
        yield _warning(
            step, ("branding", "accent_colour"),
            _("This colour is so light that headings in it are hard to read on white paper: "
              "choose a darker shade."),
        )
    if branding.body_font and not font_name(branding):
        yield _warning(
            step, ("branding", "body_font"),
            _("The font name is blank, so the template's own font is used: choose a font, "
              "or the template default."),
        )


def _template(project: Project, project_path: Path | None) -> Iterator[Problem]:
    """The project's own Word template must be there and fit to use (the
    standard template is checked by the tests)."""
    if not project.template.strip():
        return
    from wizard.core.template_check import check_template
    from wizard.core.template_library import TemplateNotFoundError, resolve_template

    try:
        path = resolve_template(project, project_path)
    except TemplateNotFoundError as exc:
        yield _error(Step.APPEARANCE, ("template",), str(exc))
        return
    for problem in check_template(path):
        yield Problem(problem.severity, Step.APPEARANCE, ("template",), problem.message)


def estimated_clause_pages(project: Project) -> Decimal:
    """A rough page count of the contract's clauses: the words the user wrote,
    the template's own clauses, and table rows, at about 450 words a page."""
    words = 0

    def count(text: str) -> None:
        nonlocal words
        words += len(text.split())

    agreement = project.agreement
    count(agreement.purpose)
    for definition in agreement.definitions:
        count(definition.term)
        count(definition.definition)
    for contact in project.contacts:
        words += 12
        for line in contact.responsibilities:
            count(line)
    for service in project.services:
        count(service.description)
        words += 20
        for items in (service.included, service.excluded, service.dependencies,
                      service.customer_responsibilities):
            for line in items:
                count(line)
    words += 25 * len(project.metrics)
    for metric in project.metrics:
        count(metric.measurement)
    for level in project.severity_levels:
        words += 12
        count(level.definition)
    words += 15 * len(project.service_credits.tiers)
    for line in [*project.reporting.contents, *project.exclusions.custom]:
        count(line)
    count(project.termination.amendments)
    words += 1100  # the template's own clauses
    return Decimal(words) / WORDS_PER_PAGE


def _length(project: Project) -> Iterator[Problem]:
    pages = estimated_clause_pages(project)
    if pages > MAX_CLAUSE_PAGES:
        yield _warning(
            Step.REVIEW, (),
            _("The contract runs to about {pages} pages of clauses. A good SLA is a few pages: "
              "short and specific beats long.").format(pages=int(pages.to_integral_value())),
        )


def text_language_problems(project: Project, locale: str | None = None) -> list[Problem]:
    """A warning for each field written in another language than the contract
    (``locale``, the project's contract language by default). Kept out of
    :func:`check_project`, which runs on every edit: telling a language needs
    a model that takes a second to load."""
    from babel import Locale, UnknownLocaleError

    from wizard.core.text_language import foreign_texts
    from wizard.i18n import language as interface_language

    contract_locale = locale or project.language
    if contract_locale not in SUPPORTED_LOCALES:
        return []  # the contract's language is a problem of its own (see _basics)
    shown_in = Locale.parse(interface_language().replace("-", "_"))

    def name(code: str) -> str:
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(shown_in) or code
        except (ValueError, UnknownLocaleError):  # a language Babel has no data for here
            return code

    return [
        _warning(found.step, found.loc, _(
            "This text reads as {found}, but the contract is in {contract}: translate it, "
            "or the contract mixes two languages.").format(
                found=name(found.language), contract=name(contract_locale.split("_")[0])))
        for found in foreign_texts(project, contract_locale)
    ]
