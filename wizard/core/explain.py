"""Sentences that explain a number to the person filling in the wizard: the
downtime an availability target allows, what a service credit would pay, a
response target in hours. Pure functions of the model, no Qt.

These are written in the *interface* language: the words come from
:mod:`wizard.i18n` (gettext), numbers, money and units from Babel for
``locale``, which is the interface language (:func:`wizard.i18n.language`)
unless given. The contract's own words, in the contract's language, come
from :mod:`wizard.core.contract`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date, get_timezone, get_timezone_name
from babel.numbers import format_currency, format_decimal, format_percent

from wizard.core.availability_rule import Allowance, allowance
from wizard.core.business_units import BUSINESS_HOURS, BUSINESS_UNITS
from wizard.core.compute import (
    credit_amount,
    credit_example_value,
    credit_percent_due,
    credited_monthly_fee,
    is_around_the_clock,
    weekly_coverage_minutes,
)
from wizard.core.model import (
    PERCENT_UNIT,
    Commitment,
    CoverageBlock,
    MeasuredDuring,
    Metric,
    MetricKind,
    PartyRole,
    Period,
    Project,
    SeverityLevel,
)
from wizard.core.units import duration_units, plain, short_unit
from wizard.i18n import N_, _, language, ngettext

"""How far below a tier's threshold the credit example's measured value lies
(the contract's example uses the same)."""

_UNIT_KEYS = {
    "seconds": "duration-second",
    "minutes": "duration-minute",
    "hours": "duration-hour",
    "days": "duration-day",
}

_A_PERIOD = {
    Period.DAY: N_("a day"),
    Period.WEEK: N_("a week"),
    Period.MONTH: N_("a month of 30 days"),
    Period.QUARTER: N_("a quarter of 91 days"),
    Period.HALF_YEAR: N_("a half-year of 182 days"),
    Period.YEAR: N_("a year of 365 days"),
}
"""The period each allowance is stated for, as the contract states it
(:data:`wizard.core.availability_rule.REFERENCE_DAYS`)."""


def _join_units(parts: Sequence[str]) -> str:
    """``21 min 55 sec``, ``21 Min. 55 Sek.``: a duration in two units, written
    as the contract writes it (CLDR's unit list would put a comma between them
    in German and Dutch: "1 Std., 5 Min.")."""
    return " ".join(parts)


def duration_text(seconds: Decimal, locale: str | None = None) -> str:
    """A duration in at most two short units: ``26.3 sec``, ``21 min 55 sec``,
    ``3 hr 39 min``."""
    locale = locale or language()
    return _join_units(duration_units(seconds, locale))


def minutes_text(minutes: int, locale: str | None = None) -> str:
    """A response or resolution target in hours and minutes: ``30 min``,
    ``4 hr``, ``1 hr 30 min``, ``40 hr`` (never days: the minutes may be
    counted during coverage hours only, so a day would mislead)."""
    locale = locale or language()
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(short_unit(hours, "duration-hour", locale))
    if rest or not hours:
        parts.append(short_unit(rest, "duration-minute", locale))
    return _join_units(parts)


def percent_text(value: Decimal, locale: str | None = None) -> str:
    """``Decimal("99.95")`` → ``99.95%``, with the digits the user typed."""
    locale = locale or language()
    return format_percent(value / 100, locale=locale, decimal_quantization=False)


def value_text(value: Decimal, unit: str, locale: str | None = None) -> str:
    """A measured value in a metric's unit: ``98.7%``, ``5 days``, ``12 leads``."""
    locale = locale or language()
    if unit == PERCENT_UNIT:
        return percent_text(value, locale)
    if unit in _UNIT_KEYS:
        return short_unit(plain(value), _UNIT_KEYS[unit], locale)
    number = format_decimal(value, locale=locale, decimal_quantization=False)
    if unit in BUSINESS_UNITS:
        count = 1 if value == 1 else 2
        if unit == BUSINESS_HOURS:
            return ngettext("{num} business hour", "{num} business hours", count).format(
                num=number)
        return ngettext("{num} business day", "{num} business days", count).format(num=number)
    if unit == "count" or not unit.strip():
        return number
    return f"{number} {unit.strip()}"


def number_text(value: Decimal | int, locale: str | None = None) -> str:
    """``1250.5`` → ``1,250.5`` / ``1.250,5``, with the digits given."""
    return format_decimal(value, locale=locale or language(), decimal_quantization=False)


def money_text(value: Decimal, currency: str, locale: str | None = None) -> str:
    """``$1,250.00``, ``1.250,00 €``; the amount and the code when the
    currency is not one Babel knows."""
    locale = locale or language()
    try:
        return format_currency(value, currency, locale=locale)
    except (ValueError, LookupError):
        return f"{number_text(value, locale)} {currency}"


def date_text(value: datetime.date, locale: str | None = None) -> str:
    """``Jan 1, 2027``, ``01.01.2027``: a date as the interface writes it."""
    return format_date(value, "medium", locale=locale or language())


def timezone_text(zone: str, locale: str | None = None) -> str:
    """A time zone's name: ``Central European Time``, ``Mitteleuropäische
    Zeit``; empty for an unknown zone and for those with no region (``UTC``,
    ``Etc/GMT+5``), which CLDR would call "Unknown Region"."""
    if zone.split("/")[0] in ("Etc", "UTC", "UCT", "GMT", "Zulu", "Universal", "Greenwich"):
        return ""
    try:
        return str(get_timezone_name(get_timezone(zone), locale=locale or language()))
    except (LookupError, ValueError):
        return ""


def _weekly_hours(coverage: Sequence[CoverageBlock], locale: str) -> str:
    hours = (Decimal(weekly_coverage_minutes(coverage)) / 60).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)
    return short_unit(plain(hours), "duration-hour", locale)


def downtime_sentence(metric: Metric, coverage: Sequence[CoverageBlock],
                      locale: str | None = None) -> str:
    """What an availability target allows, for the person typing it, by the
    rule and for the period the contract states it:
    ``99.95% of a month of 30 days around the clock allows 21 min 36 sec of
    downtime``; measured in sampled intervals, the whole failed intervals.

    ``coverage`` is the schedule's service coverage. Empty for a metric that
    is not an availability in percent (nothing to explain).
    """
    sentence = _allowed_downtime(metric, coverage, locale or language())
    resource = metric.method.per_resource.strip()
    if sentence and resource:
        # a level worked out per resource allows this to each resource
        return _("{sentence}, for each {resource} on its own").format(
            sentence=sentence, resource=resource)
    return sentence


def _allowed_downtime(metric: Metric, coverage: Sequence[CoverageBlock], locale: str) -> str:
    if metric.kind is not MetricKind.AVAILABILITY or metric.unit != PERCENT_UNIT:
        return ""
    found = allowance(metric.target, metric.period, metric.measured_during, coverage,
                      metric.method)
    seconds = found.seconds
    values = {
        "target": percent_text(metric.target, locale),
        "period": _(_A_PERIOD[metric.period]),
        "hours": _weekly_hours(coverage, locale),
        "downtime": duration_text(seconds, locale),
    }
    always = (metric.measured_during is MeasuredDuring.ALWAYS
              or is_around_the_clock(coverage))
    if found.interval_minutes is not None:
        return _sampled_sentence(found, values, always, locale)
    if seconds <= 0:
        if always:
            template = _("{target} of {period} around the clock allows no downtime")
        else:
            template = _("{target} of {period} during coverage hours ({hours} a week) "
                         "allows no downtime")
    elif always:
        template = _("{target} of {period} around the clock allows {downtime} of downtime")
    else:
        template = _("{target} of {period} during coverage hours ({hours} a week) allows "
                     "{downtime} of downtime")
    return template.format(**values)


def _sampled_sentence(found: Allowance, values: dict[str, str], always: bool,
                      locale: str) -> str:
    interval = minutes_text(found.interval_minutes or 0, locale)
    when = _("around the clock") if always else _(
        "during coverage hours ({hours} a week)").format(**values)
    values = {**values, "when": when, "interval": interval,
              "count": number_text(found.intervals or 0, locale)}
    if found.none_in_longest:
        return _("{target} {when}, checked in intervals of {interval}, allows no failed "
                 "interval in any month: a single failed interval misses it").format(**values)
    if not found.intervals:
        return _("{target} of {period} {when}, checked in intervals of {interval}, allows no "
                 "failed interval").format(**values)
    return ngettext(
        "{target} of {period} {when}, checked in intervals of {interval}, allows {count} "
        "failed interval ({downtime} of downtime)",
        "{target} of {period} {when}, checked in intervals of {interval}, allows {count} "
        "failed intervals ({downtime} of downtime)", found.intervals).format(**values)


def severity_sentence(level: SeverityLevel, locale: str | None = None) -> str:
    """``P1 Critical: response within 30 min, resolution within 4 hr, at all times``."""
    locale = locale or language()
    name = " ".join(part for part in (level.id.strip(), level.name.strip()) if part)
    response = minutes_text(level.response_minutes, locale)
    if level.resolution_minutes is None:
        targets = _("response within {response}, no resolution target").format(
            response=response)
    else:
        targets = _("response within {response}, resolution within {resolution}").format(
            response=response, resolution=minutes_text(level.resolution_minutes, locale))
    when = {MeasuredDuring.ALWAYS: _("at all times"),
            MeasuredDuring.COVERAGE: _("counted during coverage hours"),
            MeasuredDuring.SUPPORT_HOURS: _("counted during support hours"),
            MeasuredDuring.CALENDAR: _("counted on the calendar “{calendar}”").format(
                calendar=level.calendar)}[level.measured_during]
    return _("{name}: {targets}, {when}").format(
        name=name or _("(no name)"), targets=targets, when=when)


def credit_example_sentence(project: Project, locale: str | None = None) -> str | None:
    """What the credit tiers pay, worked on one example:
    ``At 98.7% availability the customer receives 10% of the monthly fee
    ($125.00 of $1,250.00).`` ``None`` when credits are off, have no metric
    or no tiers, or credit a level the customer owes (nothing is due to the
    customer for its own miss)."""
    locale = locale or language()
    credits = project.service_credits
    metric = project.metric_by_id(credits.metric)
    sample = credit_example_value(credits)
    if (not credits.enabled or metric is None or sample is None
            or metric.owed_by is PartyRole.CUSTOMER):
        return None
    due = credit_percent_due(credits, sample)
    measured = value_text(sample, metric.unit, locale)
    if metric.kind is MetricKind.AVAILABILITY:
        at = _("At {value} availability").format(value=measured)
    else:
        at = _("At {value} for “{metric}”").format(
            value=measured, metric=metric.name.strip() or metric.id)
    if not due:
        return _("{at} the customer receives no credit.").format(at=at)
    percent = percent_text(due, locale)
    fee = credited_monthly_fee(project.services, metric.service)
    if fee is None:
        return _("{at} the customer receives {percent} of the monthly fee.").format(
            at=at, percent=percent)
    return _("{at} the customer receives {percent} of the monthly fee "
             "({amount} of {fee}).").format(
        at=at, percent=percent,
        amount=money_text(credit_amount(fee, due), project.currency, locale),
        fee=money_text(fee, project.currency, locale))


def commitment_sentence(project: Project) -> str:
    """What the contract promises about the service levels, with the parties
    named: ``The contract says that Northwind IT meets its service levels.``
    Empty when there are no service levels to promise."""
    owed = {m.owed_by for m in project.metrics}
    if not owed:
        return ""
    efforts = project.agreement.commitment is Commitment.REASONABLE_EFFORTS
    names = {
        PartyRole.PROVIDER: project.parties.provider.name.strip() or _("the provider"),
        PartyRole.CUSTOMER: project.parties.customer.name.strip() or _("the customer"),
    }
    if len(owed) > 1:
        both = {"provider": names[PartyRole.PROVIDER], "customer": names[PartyRole.CUSTOMER]}
        if efforts:
            return _join_exceptions(_(
                "The contract says that {provider} and {customer} each use commercially "
                "reasonable efforts to meet their service levels.").format(**both), project)
        return _join_exceptions(_(
            "The contract says that {provider} and {customer} each meet their service "
            "levels.").format(**both), project)
    party = names[owed.pop()]
    if efforts:
        sentence = _("The contract says that {party} uses commercially reasonable efforts to "
                     "meet its service levels.").format(party=party)
    else:
        sentence = _("The contract says that {party} meets its service levels.").format(
            party=party)
    return _join_exceptions(sentence, project)


def _join_exceptions(sentence: str, project: Project) -> str:
    """``sentence`` with the levels promised otherwise than the agreement says."""
    agreement = project.agreement
    others = [m.name.strip() or m.id for m in project.metrics
              if m.commitment_in(agreement) is not agreement.commitment]
    if not others:
        return sentence
    names = ", ".join(others)
    if agreement.commitment is Commitment.WILL_MEET:
        extra = ngettext("Efforts only for one level: {names}.",
                         "Efforts only for {count} levels: {names}.", len(others))
    else:
        extra = ngettext("A firm promise for one level: {names}.",
                         "A firm promise for {count} levels: {names}.", len(others))
    return f"{sentence} {extra.format(count=len(others), names=names)}"
