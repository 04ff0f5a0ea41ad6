"""What the Measure window says about a month's results, in the interface
language: each level's row, the tickets against their targets, the credit
with its arithmetic and the claim deadline; and each file's line in the list.
Plain functions (no widgets), so that the sentences can be read in a test."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.dates import format_date

from wizard.core.attainment import Month, MonthResult
from wizard.core.explain import (
    date_text,
    minutes_text,
    money_text,
    number_text,
    percent_text,
    value_text,
)
from wizard.core.measurement_files import KIND_NAMES, FileKind, MeasurementFile
from wizard.core.report import shown_value
from wizard.i18n import _, language, ngettext


class Verdict:
    MET = "met"
    MISSED = "missed"
    UNMEASURED = "unmeasured"


@dataclass(frozen=True)
class LevelRow:
    """A row of the results table."""

    level: str
    target: str
    attained: str
    result: str
    verdict: str
    """:class:`Verdict`: the row's colour, beside its words."""


def level_rows(result: MonthResult) -> list[LevelRow]:
    """Each service level measured, then each one that could not be, with why."""
    rows = []
    for level in result.levels:
        metric = level.metric
        rows.append(LevelRow(
            metric.name or metric.id, value_text(metric.target, metric.unit),
            value_text(shown_value(level.attained, metric), metric.unit),
            _("Met") if level.met else _("Missed"),
            Verdict.MET if level.met else Verdict.MISSED))
    for unmeasured in result.unmeasured:
        metric = unmeasured.metric
        rows.append(LevelRow(
            metric.name or metric.id, value_text(metric.target, metric.unit), "–",
            _("Not measured: {reason}").format(reason=unmeasured.reason), Verdict.UNMEASURED))
    return rows


def ticket_lines(result: MonthResult) -> list[str]:
    """Each severity level's response and resolution targets: the tickets
    within, those over and those still open."""
    lines = []
    for target in result.tickets:
        counted = len(target.counted)
        if not counted and not target.pending:
            continue  # no ticket of this level in the month
        line = _("{severity} {measure}: {within} of {counted} ticket(s) within {target}").format(
            severity=target.severity.id,
            measure=_("response") if target.measure.value == "response" else _("resolution"),
            within=counted - len(target.missed), counted=counted,
            target=minutes_text(target.target_minutes))
        if target.missed:
            line += "; " + _("missed: {tickets}").format(
                tickets=", ".join(t.ticket.id for t in target.missed))
        if target.pending:
            line += "; " + _("still open: {tickets}").format(
                tickets=", ".join(t.ticket.id for t in target.pending))
        lines.append(line)
    return lines


def credit_lines(result: MonthResult) -> list[str]:
    """The credit due and how it was worked out, and the claim deadline."""
    project = result.project
    credits = project.service_credits
    if not credits.enabled:
        return [_("The agreement has no service credits.")]
    credit = result.credit
    if credit is None:
        return [result.credit_note]
    metric = credit.metric
    name = metric.name or metric.id
    attained = value_text(shown_value(credit.attained, metric), metric.unit)

    def money(value: Decimal) -> str:
        return money_text(value, project.currency)

    lines = []
    if credit.tier is None:
        lines.append(_("{level} attained {attained}: no credit is due.").format(
            level=name, attained=attained))
    else:
        lines.append(_("{level} attained {attained}, below {threshold}: the credit is {percent} "
                       "of the monthly fee.").format(
            level=name, attained=attained, threshold=value_text(credit.tier.below, metric.unit),
            percent=percent_text(credit.tier_percent)))
        if credit.capped and credits.cap_percent is not None:
            lines.append(_("The credit is capped at {cap} of the monthly fee.").format(
                cap=percent_text(credits.cap_percent)))
        if credit.fee is None:
            lines.append(_("The services this level covers have no monthly fee: no amount is "
                           "due."))
        else:
            lines.append(_("Monthly fee of {services}: {fee}; credit: {percent} × {fee} = "
                           "{amount}").format(
                services=", ".join(credit.services), fee=money(credit.fee),
                percent=percent_text(credit.percent), amount=money(credit.amount)))
    lines.append(_("Credit due for {month}: {amount}").format(
        month=month_text(result.month), amount=money(credit.amount)))
    if credit.earlier:
        lines.append(_("Credits of the last twelve months, this month included: {amount}").format(
            amount=money(credit.year_to_date)))
    if result.claim_deadline is not None and credit.amount > Decimal(0):
        lines.append(_("The customer claims the credit by {date}.").format(
            date=date_text(result.claim_deadline)))
    return lines


def month_text(month: Month) -> str:
    """``March 2027``, ``März 2027``: a month in the interface language."""
    return format_date(month.first_day, "MMMM y", locale=language())


def file_line(read: MeasurementFile) -> str:
    """``samples.csv — Outages (monitor samples): 44,640 rows, 3 outages``;
    the layout is named when it is a monitor's or a helpdesk's own."""
    records = read.records
    if read.kind is FileKind.OUTAGES:
        found = ngettext("{count} outage", "{count} outages", records)
    elif read.kind is FileKind.TICKETS:
        found = ngettext("{count} ticket", "{count} tickets", records)
    else:
        found = ngettext("{count} value", "{count} values", records)
    kind = _(KIND_NAMES[read.kind])
    if not read.layout.generic:
        kind = _("{kind} ({layout})").format(kind=kind, layout=_(read.layout.name))
    return _("{file} — {kind}: {rows}, {found}").format(
        file=read.path.name, kind=kind,
        rows=ngettext("{count} row", "{count} rows", read.rows).format(
            count=number_text(read.rows)),
        found=found.format(count=number_text(records)))
