"""The monthly SLA report: a Word document, in the contract's language and
locale, of what :func:`wizard.core.attainment.measure_month` found.

Each service level's target, attained value and whether it was met; behind
each miss, the outages or tickets that made it and, for availability, the
arithmetic from the month's hours to the attained percentage; the severity
levels' tickets within and over target; the credit due with its arithmetic
and the claim deadline. Sentences are English source text translated through
the contract catalogs (:meth:`ContractFormatter.gettext`); numbers, money,
dates and durations are formatted with Babel for the contract's locale.

The document is built in sections (:func:`build_report` calls one function
per section on a python-docx ``Document``); the charts of
:mod:`wizard.core.report_charts` follow the service levels (availability per
day, downtime against allowed downtime) and the tickets table (tickets per
severity), each with its caption. The document takes the contract's paper,
language, accent colour, body font and logo (:mod:`wizard.core.branding`,
:mod:`wizard.core.document_setup`).
"""

from __future__ import annotations

import datetime
import io
import os
import tempfile
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date, format_time

from wizard.core.attainment import (
    LevelResult,
    Measure,
    MonthResult,
    Origin,
    TicketTime,
    minutes,
)
from wizard.core.calendars import CALENDAR_PREFIX
from wizard.core.contract import (
    SUPPORTED_LOCALES,
    ContractFormatter,
    UnsupportedLanguageError,
    contract_translations,
)
from wizard.core.measurements import moment_of
from wizard.core.model import PERCENT_UNIT, Direction, Metric, Project, SamplingMethod

if TYPE_CHECKING:
    from wizard.core.report_charts import Chart

_UNIT_KEYS = {"seconds": "duration-second", "minutes": "duration-minute",
              "hours": "duration-hour", "days": "duration-day"}


def formatter_for(result: MonthResult, locale: str | None = None) -> ContractFormatter:
    """The contract's formatter for the report (the project's language unless given)."""
    language = locale or result.project.language
    if language not in SUPPORTED_LOCALES:
        raise UnsupportedLanguageError(language)
    return ContractFormatter(language, result.project.currency, contract_translations(language))


def shown_value(value: Decimal, metric: Metric) -> Decimal:
    """``value`` to three decimals (more when the target has more), rounded
    away from the target's side, so that a missed level never shows the
    target itself: 99.4999… is shown as 99.499, not 99.500."""
    target_exponent = metric.target.as_tuple().exponent
    exponent = min(-3, target_exponent if isinstance(target_exponent, int) else -3)
    rounding = ROUND_FLOOR if metric.direction is Direction.AT_LEAST else ROUND_CEILING
    shown = value.quantize(Decimal(1).scaleb(exponent), rounding=rounding)
    return shown.normalize()  # a measured 98.500 is shown 98.5 (the contract keeps typed zeros)


def value_text(value: Decimal, metric: Metric, fmt: ContractFormatter) -> str:
    """A measured or target value in the metric's unit, for the contract's locale."""
    if metric.unit == PERCENT_UNIT:
        return fmt.percent(value)
    if metric.unit in _UNIT_KEYS:
        return fmt.unit(value, _UNIT_KEYS[metric.unit])
    if metric.unit == "count":
        return fmt.number(value)
    return f"{fmt.number(value)} {metric.unit}"


def _duration(micros: int, fmt: ContractFormatter) -> str:
    """A span of time in words, ``1 hour and 30 minutes``."""
    return fmt.duration(Decimal(micros) / 1_000_000)


def _moment(instant: int, result: MonthResult, fmt: ContractFormatter) -> str:
    moment = moment_of(instant, result.zone)
    return "{} {}".format(format_date(moment.date(), "medium", locale=fmt.locale),
                          format_time(moment.time(), "short", locale=fmt.locale))


def _heading(document: Any, text: str, level: int = 1) -> None:
    document.add_heading(text, level=level)


TABLE_FONT_POINTS = 9.5  # tables are set a little smaller than the text around them
CHARACTER_WIDTH = 82550  # EMU: a (bold) character of a wide font at that size, 6.5 points
CELL_PADDING = 190500  # EMU: the cell's margins and a little air, 15 points


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]],
                   available: int) -> list[int]:
    """Each column's width in EMU: no column narrower than its longest word
    (a word is never broken), and what is left shared after what each column
    would need to hold its longest text on one line."""
    least, most = [], []
    for column in zip(header, *rows, strict=True):
        longest_word = max(len(word) for text in column for word in [*text.split(), ""])
        longest_text = max(len(text) for text in column)
        least.append(longest_word * CHARACTER_WIDTH + CELL_PADDING)
        most.append(longest_text * CHARACTER_WIDTH + CELL_PADDING)
    if sum(most) <= available:
        spare = available - sum(most)
        return [width + spare * width // sum(most) for width in most]
    spare = max(available - sum(least), 0)
    wish = [high - low for low, high in zip(least, most, strict=True)]
    return [low + (spare * extra // sum(wish) if sum(wish) else 0)
            for low, extra in zip(least, wish, strict=True)]


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from docx.shared import Pt

    from wizard.core.table_keeping import keep_table_rows_whole

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    section = document.sections[-1]
    available = section.page_width - section.left_margin - section.right_margin
    for column, width in zip(table.columns, _column_widths(header, rows, available),
                             strict=True):
        column.width = width
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for row in table.rows:  # Word and LibreOffice take the width from each cell
        for cell, column in zip(row.cells, table.columns, strict=True):
            cell.width = column.width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_FONT_POINTS)
    keep_table_rows_whole(table)


def _title(document: Any, result: MonthResult, fmt: ContractFormatter) -> None:
    t = fmt.gettext
    project = result.project
    _heading(document, t("Monthly service level report"), 0)
    month = format_date(result.month.first_day, "MMMM y", locale=fmt.locale)
    lines = [
        t("Agreement: %(title)s") % {"title": project.agreement.title}
        if project.agreement.title.strip() else "",
        t("Between %(provider)s and %(customer)s") % {
            "provider": project.parties.provider.name, "customer": project.parties.customer.name}
        if project.parties.provider.name and project.parties.customer.name else "",
        t("Month: %(month)s") % {"month": month},
        t("Times are given in %(zone)s.") % {"zone": fmt.timezone_name(project.schedule.timezone)},
    ]
    for line in lines:
        if line:
            document.add_paragraph(line)


def _levels(document: Any, result: MonthResult, fmt: ContractFormatter) -> None:
    t = fmt.gettext
    _heading(document, t("Service levels"))
    rows = [
        [level.metric.name or level.metric.id,
         value_text(level.metric.target, level.metric, fmt),
         value_text(shown_value(level.attained, level.metric), level.metric, fmt),
         t("met") if level.met else t("missed")]
        for level in result.levels
    ]
    rows += [[u.metric.name or u.metric.id, value_text(u.metric.target, u.metric, fmt),
              "", t("not measured")] for u in result.unmeasured]
    _table(document, [t("Service level"), t("Target"), t("Attained"), t("Result")], rows)
    if result.unmeasured:
        document.add_paragraph(t(
            "A level shown as not measured had no data for this month in the files the "
            "report was made from."))
    for level in result.levels:
        if not level.met:
            _miss(document, level, result, fmt)


def _miss(document: Any, level: LevelResult, result: MonthResult, fmt: ContractFormatter) -> None:
    t = fmt.gettext
    metric = level.metric
    _heading(document, t("%(level)s: missed") % {"level": metric.name or metric.id}, 2)
    if level.source is Origin.VALUES:
        document.add_paragraph(t(
            "The month's value, %(value)s, was given in the values file; the target is "
            "%(target)s.") % {"value": value_text(level.attained, metric, fmt),
                               "target": value_text(metric.target, metric, fmt)})
        return
    if level.availability is not None:
        spent = level.availability
        eligible = spent.eligible
        base = fmt.number(_minutes_shown(eligible.base))
        document.add_paragraph(
            (t("Coverage Hours in the month: %(minutes)s minutes") if
             metric.measured_during.value == "coverage"
             else t("The whole month: %(minutes)s minutes")) % {"minutes": base})
        if eligible.before_effect:
            document.add_paragraph(t(
                "counted from the effective date, %(date)s: the agreement took effect during "
                "the month") % {"date": fmt.date(result.project.agreement.effective_date)})
        if eligible.holidays:
            names = fmt.join([f"{fmt.date(day)} ({name})" for day, name in eligible.holiday_days])
            document.add_paragraph(t("less public holidays (%(days)s): %(minutes)s minutes") % {
                "days": names, "minutes": fmt.number(_minutes_shown(eligible.holidays))})
        if eligible.maintenance:
            document.add_paragraph(t(
                "less announced maintenance windows: %(minutes)s minutes") % {
                    "minutes": fmt.number(_minutes_shown(eligible.maintenance))})
        if metric.method.method is SamplingMethod.SAMPLED_INTERVAL:
            document.add_paragraph(t(
                "Downtime is counted in whole intervals of %(minutes)s minutes from the start "
                "of the month: an interval an outage touches counts whole.") % {
                    "minutes": fmt.number(metric.method.interval_minutes)})
        if spent.resource:
            document.add_paragraph(t(
                "Worked out for each %(kind)s on its own; the figures are those of the one "
                "with the most downtime, %(resource)s.") % {
                    "kind": metric.method.per_resource.strip(), "resource": spent.resource})
        document.add_paragraph(t(
            "Measured time: %(eligible)s minutes; downtime in it: %(down)s minutes; attained "
            "(%(eligible)s − %(down)s) ÷ %(eligible)s × 100 = %(attained)s") % {
                "eligible": fmt.number(_minutes_shown(eligible.eligible)),
                "down": fmt.number(_minutes_shown(spent.down)),
                "attained": value_text(shown_value(level.attained, metric), metric, fmt)})
        if spent.outages:
            document.add_paragraph(t("The outages that counted:"))
            for counted in spent.outages:
                outage = counted.outage
                service = (t("All services") if outage.service == "*" else
                           next((s.name for s in result.project.services
                                 if s.id == outage.service), outage.service))
                if outage.resource:
                    service = f"{service} ({outage.resource})"
                document.add_paragraph(t(
                    "%(service)s, %(start)s to %(end)s: %(counted)s counted") % {
                        "service": service, "start": _moment(outage.start, result, fmt),
                        "end": _moment(outage.end, result, fmt),
                        "counted": _duration(counted.counted, fmt)}, style="List Bullet")
        return
    if level.tickets:
        document.add_paragraph(t("The tickets over the target:"))
        for time in level.tickets:
            _ticket_line(document, time, result, fmt, level.metric.kind.value == "response_time")


def _minutes_shown(micros: int) -> Decimal:
    value = minutes(micros)
    return value if value == value.to_integral_value() else value.quantize(Decimal("0.01"))


def _ticket_line(document: Any, time: TicketTime, result: MonthResult,
                 fmt: ContractFormatter, response: bool) -> None:
    t = fmt.gettext
    ticket = time.ticket
    text = (t("Ticket %(id)s (%(severity)s, %(measure)s), created %(created)s: still open, "
              "%(time)s so far")
            if time.open else
            t("Ticket %(id)s (%(severity)s, %(measure)s), created %(created)s: %(time)s"))
    document.add_paragraph(text % {
        "id": ticket.id, "severity": ticket.severity,
        "measure": t("response") if response else t("resolution"),
        "created": _moment(ticket.created, result, fmt),
        "time": _duration(time.micros, fmt)}, style="List Bullet")


def _tickets(document: Any, result: MonthResult, fmt: ContractFormatter) -> None:
    if not result.tickets:
        return
    t = fmt.gettext
    _heading(document, t("Response and resolution"))
    calendars = {"always": t("at all times"), "coverage": t("during coverage hours"),
                 "support": t("during support hours")}
    rows = []
    for target in result.tickets:
        measure = t("response") if target.measure is Measure.RESPONSE else t("resolution")
        share = target.share
        rows.append([
            f"{target.severity.id} {target.severity.name}".strip(), measure,
            fmt.minutes(target.target_minutes) + ", " + _during(target.calendar, calendars,
                                                               result.project, fmt),
            fmt.number(len(target.counted)),
            fmt.number(len(target.counted) - len(target.missed)),
            fmt.percent(share.quantize(Decimal("0.1"), rounding=ROUND_FLOOR).normalize())
            if share is not None else "",
        ])
    _table(document, [t("Severity"), t("Measure"), t("Target"), t("Tickets"),
                      t("Within target"), t("Share")], rows)
    missed = [(target, time) for target in result.tickets for time in target.missed]
    if missed:
        document.add_paragraph(t("The tickets that missed their target:"))
        for target, time in missed:
            _ticket_line(document, time, result, fmt, target.measure is Measure.RESPONSE)
    pending = {time.ticket.id: time for target in result.tickets for time in target.pending}
    if pending:
        document.add_paragraph(t(
            "Still open at the end of the month and within their target so far: %(tickets)s")
            % {"tickets": fmt.join(list(pending))})


def _credit(document: Any, result: MonthResult, fmt: ContractFormatter) -> None:
    credits = result.project.service_credits
    if not credits.enabled:
        return
    t = fmt.gettext
    _heading(document, t("Service credit"))
    credit = result.credit
    if credit is None:
        document.add_paragraph(t(
            "No credit could be worked out: the level the credits depend on was not measured "
            "this month."))
        return
    metric = credit.metric
    attained = value_text(shown_value(credit.attained, metric), metric, fmt)
    name = metric.name or metric.id
    if credit.tier is None:
        document.add_paragraph(t("%(level)s attained %(attained)s: no credit is due.") % {
            "level": name, "attained": attained})
    else:
        document.add_paragraph(t(
            "%(level)s attained %(attained)s, below %(threshold)s: the credit tier is "
            "%(percent)s of the monthly fee.") % {
                "level": name, "attained": attained,
                "threshold": value_text(credit.tier.below, metric, fmt),
                "percent": fmt.percent(credit.tier_percent)})
        if credit.capped and credits.cap_percent is not None:
            document.add_paragraph(t("The credit is capped at %(cap)s of the monthly fee.") % {
                "cap": fmt.percent(credits.cap_percent)})
        if credit.fee is None:
            document.add_paragraph(t(
                "The services this level covers have no monthly fee: no amount is due."))
        else:
            document.add_paragraph(t(
                "Monthly fee of %(services)s: %(fee)s; credit: %(percent)s × %(fee)s = "
                "%(amount)s") % {
                    "services": fmt.join(list(credit.services)), "fee": fmt.money(credit.fee),
                    "percent": fmt.percent(credit.percent),
                    "amount": fmt.money(credit.amount if credit.month_amount is None
                                        else credit.month_amount)})
    if credit.month_amount is not None and credit.yearly_limit is not None:
        document.add_paragraph(t(
            "The yearly cap allows %(limit)s of credits in twelve months; %(earlier)s were "
            "credited in the eleven months before, which leaves %(amount)s for this month.") % {
                "limit": fmt.money(credit.yearly_limit), "earlier": fmt.money(credit.earlier),
                "amount": fmt.money(credit.amount)})
    document.add_paragraph(t("Credit due for the month: %(amount)s") % {
        "amount": fmt.money(credit.amount)})
    if credit.earlier:
        document.add_paragraph(t(
            "Credits of the last twelve months, this month included: %(amount)s") % {
            "amount": fmt.money(credit.year_to_date)})
    if result.claim_deadline is not None:
        document.add_paragraph(t("The Customer claims the credit by %(date)s.") % {
            "date": fmt.date(result.claim_deadline)})


def _set_up(document: Any, result: MonthResult, language: str) -> None:
    """The contract's paper, language and branding (accent colour, body font,
    the logo in the page header), as the contract itself has them."""
    from docx.shared import Emu

    from wizard.core.branding import restyle_document, usable_logo
    from wizard.core.document_setup import contract_paper, language_tag, set_language, set_paper

    project = result.project
    set_paper(document, contract_paper(project, language))
    set_language(document, language_tag(language))
    restyle_document(document, project.branding)
    logo = usable_logo(project.branding)
    if logo is not None:
        data, size = logo
        header = document.sections[0].header.paragraphs[0]
        header.add_run().add_picture(io.BytesIO(data), width=Emu(size.width),
                                     height=Emu(size.height))


def _place_charts(document: Any, charts: Sequence[Chart]) -> None:
    """Each chart at the text's width (at most its own), its caption under it."""
    from docx.shared import Cm, Emu

    section = document.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin
    for chart in charts:
        width = min(Cm(chart.width_cm), text_width)
        document.add_picture(io.BytesIO(chart.png), width=Emu(width))
        document.add_paragraph(chart.caption, style="Caption")


def build_report(result: MonthResult, locale: str | None = None, charts: bool = True) -> Any:
    """The report as a python-docx ``Document``: with its charts unless
    ``charts`` is false (matplotlib is loaded only to draw them)."""
    import docx

    fmt = formatter_for(result, locale)
    document = docx.Document()
    _set_up(document, result, locale or result.project.language)
    drawn: list[Chart] = []
    if charts:
        from wizard.core.report_charts import draw_charts

        drawn = draw_charts(result, fmt)
    _title(document, result, fmt)
    _levels(document, result, fmt)
    _place_charts(document, [chart for chart in drawn if chart.name != "tickets"])
    _tickets(document, result, fmt)
    _place_charts(document, [chart for chart in drawn if chart.name == "tickets"])
    _credit(document, result, fmt)
    document.add_paragraph(fmt.gettext("Made on %(date)s.") % {
        "date": fmt.date(datetime.date.today())})
    from wizard.core.table_keeping import keep_rows_together

    keep_rows_together(document)  # no heading or last row alone on a page
    return document


def report_bytes(result: MonthResult, locale: str | None = None) -> bytes:
    buffer = io.BytesIO()
    build_report(result, locale).save(buffer)
    return buffer.getvalue()


def write_report(result: MonthResult, target: str | os.PathLike[str],
                 locale: str | None = None) -> Path:
    """Write the report to ``target`` (replaced whole, never left half-written)."""
    path = Path(target)
    data = report_bytes(result, locale)
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".docx", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _during(calendar: str, calendars: dict[str, str], project: Project,
            fmt: ContractFormatter) -> str:
    """When a ticket target's clock runs: a named calendar by its name."""
    if calendar.startswith(CALENDAR_PREFIX):
        found = project.schedule.calendar_by_id(calendar.removeprefix(CALENDAR_PREFIX))
        name = (found.name or found.id) if found is not None else calendar
        return fmt.gettext("during the %(calendar)s hours") % {"calendar": name}
    return calendars[calendar]
