"""The monthly report's charts, for people who would rather look than read.

Three charts, each drawn only when the month has what it shows:

- **Availability per day** of each availability level measured from outages:
  one bar a day (the day's measured time less its downtime, as a share of the
  measured time), a line at the target, the days under it in the miss
  colour; a day with no measured time (a weekend outside coverage hours, a
  public holiday) has no bar.
- **Tickets per severity** within and over their target, stacked, one bar for
  each severity level's response and resolution target.
- **The month's downtime against the allowed downtime** of each availability
  level: allowed = (100 − target) ÷ 100 × the month's measured time.
- **The trend** of each of those levels: its last twelve months (the months
  recorded in the project's history, then this one) against the target, when
  at least :data:`TREND_MIN_EARLIER` earlier months are recorded.

The figures are worked out here as exact decimals (:func:`daily_availability`,
:func:`ticket_bars`, :func:`downtime_bars`, pure and testable without a
plotting library); :func:`draw_charts` draws them with matplotlib's Agg
renderer into PNG bytes at print resolution (:data:`DPI`). matplotlib is
imported inside the drawing functions only, never when this module is: it
takes about a second to load, and only a report needs it.

Words are the contract's (its catalog, through ``fmt.gettext``), numbers and
dates Babel's for its locale; bars and lines take the project's accent colour
when it has one, and the body font when matplotlib knows it.
"""

from __future__ import annotations

import datetime
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.dates import format_date

from wizard.core.attainment import (
    LevelResult,
    Measure,
    Month,
    MonthResult,
    intersect,
    minutes,
    normalise,
    total,
    wall_instant,
)
from wizard.core.contract import ContractFormatter
from wizard.core.model import PERCENT_UNIT, Branding, Direction

DPI = 300
"""Print resolution: dots per inch of every chart's PNG."""
WIDTH_CM = 16.0
"""A chart's width on the page (less when the text is narrower)."""
HEIGHT_CM = 7.0
DEFAULT_COLOUR = "#1F4E79"
"""Bars and lines without an accent colour: the standard template's blue."""
MISS_COLOUR = "#C0392B"
"""What missed its target: a red readable on white and in grey print."""
TARGET_COLOUR = "#404040"
TREND_MONTHS = 12
TREND_MIN_EARLIER = 2
"""Recorded months before this one a trend needs (with this one, three: a
quarter's worth, the fewest that show a direction)."""
_HUNDRED = Decimal(100)
_CM_PER_INCH = 2.54


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the caption under it."""

    name: str
    """``availability-<level id>``, ``tickets`` or ``downtime``."""
    png: bytes
    caption: str
    width_cm: float = WIDTH_CM


@dataclass(frozen=True)
class DayShare:
    day: datetime.date
    percent: Decimal | None
    """``None``: the level had no measured time that day."""


@dataclass(frozen=True)
class TicketBar:
    severity: str
    measure: Measure
    within: int
    over: int


@dataclass(frozen=True)
class TrendPoint:
    month: Month
    attained: Decimal
    met: bool


@dataclass(frozen=True)
class DowntimeBar:
    level: LevelResult
    down_minutes: Decimal
    allowed_minutes: Decimal


# the figures ---------------------------------------------------------------------
def daily_availability(level: LevelResult, result: MonthResult) -> list[DayShare]:
    """Each day of the month: the level's availability that day in percent."""
    spent = level.availability
    if spent is None:
        return []
    eligible = spent.eligible.spans
    down = intersect(normalise((c.outage.start, c.outage.end) for c in spent.outages),
                     eligible)
    shares = []
    for day in result.month.days():
        whole = [(wall_instant(day, 0, result.zone), wall_instant(day, 1440, result.zone))]
        measured = total(intersect(whole, eligible))
        if not measured:
            shares.append(DayShare(day, None))
            continue
        lost = total(intersect(whole, down))
        shares.append(DayShare(day, Decimal(measured - lost) * _HUNDRED / measured))
    return shares


def ticket_bars(result: MonthResult) -> list[TicketBar]:
    """Each severity level's counted tickets within and over each of its targets."""
    return [TicketBar(target.severity.id or target.severity.name, target.measure,
                      len(target.counted) - len(target.missed), len(target.missed))
            for target in result.tickets if target.counted]


def downtime_bars(result: MonthResult) -> list[DowntimeBar]:
    """Each availability level's downtime and the downtime its target allows,
    in minutes of the month's measured time."""
    bars = []
    for level in result.levels:
        spent = level.availability
        if (spent is None or level.metric.unit != PERCENT_UNIT
                or level.metric.direction is not Direction.AT_LEAST):
            continue
        measured = minutes(spent.eligible.eligible)
        allowed = max(Decimal(0), (_HUNDRED - level.metric.target) / _HUNDRED * measured)
        bars.append(DowntimeBar(level, minutes(spent.down), allowed))
    return bars


def trend(level: LevelResult, result: MonthResult) -> list[TrendPoint]:
    """The level's recorded months before this one, then this one: at most
    :data:`TREND_MONTHS`, oldest first."""
    from wizard.core.history import level_months

    earlier = [TrendPoint(Month.parse(month), record.attained, record.met)
               for month, record in level_months(result.project.history, level.metric.id)
               if month < str(result.month)]
    return [*earlier[-(TREND_MONTHS - 1):], TrendPoint(result.month, level.attained, level.met)]


# drawing -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Look:
    colour: str
    font: str | None


def _look(branding: Branding) -> _Look:
    from matplotlib import font_manager

    from wizard.core.branding import font_name

    wanted = font_name(branding)
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return _Look(branding.accent_colour or DEFAULT_COLOUR, wanted if wanted in known else None)


def _figure(look: _Look) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_CM / _CM_PER_INCH, HEIGHT_CM / _CM_PER_INCH), dpi=DPI,
                    layout="constrained")
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=8)
    return figure


def _png(figure: Any, look: _Look) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    if look.font is not None:
        for text in figure.findobj(Text):
            text.set_fontfamily(look.font)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None},
                   pil_kwargs={"compress_level": 1})  # flat colours: small all the same
    return buffer.getvalue()


def _legend(axes: Any) -> None:
    """The legend above the plot, right-aligned, clear of the bars."""
    axes.legend(fontsize=8, frameon=False, loc="lower right", bbox_to_anchor=(1, 1),
                ncols=2, borderaxespad=0.2)


def _formatter(text: Callable[[Decimal], str]) -> Any:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _position: object) -> str:
        number = Decimal(f"{float(value):.6f}")
        integral = number.to_integral_value()
        return text(integral if number == integral else number.normalize())

    return FuncFormatter(label)


def draw_availability(level: LevelResult, days: Sequence[DayShare], fmt: ContractFormatter,
                      look: _Look) -> bytes:
    t = fmt.gettext
    figure = _figure(look)
    axes = figure.axes[0]
    target = level.metric.target
    shown = [share for share in days if share.percent is not None]
    lowest = min([target, *(share.percent for share in shown if share.percent is not None)])
    bottom = max(Decimal(0), lowest - max((_HUNDRED - lowest) * Decimal("0.25"),
                                          Decimal("0.1")))
    colours = [look.colour if share.percent is not None and share.percent >= target
               else MISS_COLOUR for share in shown]
    axes.bar([share.day.day for share in shown],
             [float(share.percent) - float(bottom) for share in shown if share.percent is not None],
             bottom=float(bottom), color=colours, width=0.7)
    axes.axhline(float(target), color=TARGET_COLOUR, linestyle="--", linewidth=1,
                 label=t("Target: %(target)s") % {"target": fmt.percent(target)})
    axes.set_ylim(float(bottom), 100.0 + float(_HUNDRED - bottom) * 0.02)
    axes.set_xlim(0.4, len(days) + 0.6)
    ticks = [share.day for share in days if share.day.day == 1 or share.day.day % 5 == 0]
    axes.set_xticks([day.day for day in ticks],
                    [format_date(day, "d", locale=fmt.locale) for day in ticks])
    axes.yaxis.set_major_formatter(_formatter(fmt.percent))
    axes.set_xlabel(t("Day of the month"), fontsize=8)
    axes.set_ylabel(t("Availability"), fontsize=8)
    _legend(axes)
    return _png(figure, look)


def draw_trend(level: LevelResult, points: Sequence[TrendPoint], fmt: ContractFormatter,
               look: _Look) -> bytes:
    from wizard.core.report import shown_value, value_text

    t = fmt.gettext
    metric = level.metric
    figure = _figure(look)
    axes = figure.axes[0]
    values = [shown_value(point.attained, metric) for point in points]
    places = list(range(len(points)))
    if metric.unit == PERCENT_UNIT:
        lowest = min([metric.target, *values])
        bottom = max(Decimal(0), lowest - max((_HUNDRED - lowest) * Decimal("0.25"),
                                              Decimal("0.1")))
        top = max([*values, metric.target]) + (_HUNDRED - bottom) * Decimal("0.02")
    else:
        bottom, top = Decimal(0), max([*values, metric.target]) * Decimal("1.15")
    axes.bar(places, [float(value - bottom) for value in values], bottom=float(bottom),
             color=[look.colour if point.met else MISS_COLOUR for point in points], width=0.6)
    axes.axhline(float(metric.target), color=TARGET_COLOUR, linestyle="--", linewidth=1,
                 label=t("Target: %(target)s") % {"target": value_text(metric.target, metric,
                                                                         fmt)})
    axes.set_ylim(float(bottom), float(top) if top > bottom else float(bottom) + 1)
    axes.set_xticks(places, [format_date(point.month.first_day, "MMM y", locale=fmt.locale)
                             for point in points], fontsize=7)
    axes.yaxis.set_major_formatter(_formatter(lambda value: value_text(value, metric, fmt)))
    _legend(axes)
    return _png(figure, look)


def draw_tickets(bars: Sequence[TicketBar], fmt: ContractFormatter, look: _Look) -> bytes:
    t = fmt.gettext
    figure = _figure(look)
    axes = figure.axes[0]
    names = [t("%(severity)s response") % {"severity": bar.severity}
             if bar.measure is Measure.RESPONSE else
             t("%(severity)s resolution") % {"severity": bar.severity} for bar in bars]
    places = list(range(len(bars)))
    within = [bar.within for bar in bars]
    axes.bar(places, within, color=look.colour, width=0.6, label=t("Within target"))
    axes.bar(places, [bar.over for bar in bars], bottom=within, color=MISS_COLOUR, width=0.6,
             label=t("Over target"))
    axes.set_xticks(places, names)
    from matplotlib.ticker import MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(_formatter(fmt.number))
    axes.set_ylim(0, max(bar.within + bar.over for bar in bars) * 1.1)
    axes.set_ylabel(t("Tickets"), fontsize=8)
    _legend(axes)
    return _png(figure, look)


def draw_downtime(bars: Sequence[DowntimeBar], fmt: ContractFormatter, look: _Look) -> bytes:
    t = fmt.gettext
    figure = _figure(look)
    axes = figure.axes[0]
    rows: list[tuple[str, Decimal, str]] = []
    for bar in bars:
        name = bar.level.metric.name or bar.level.metric.id
        over = bar.down_minutes > bar.allowed_minutes
        rows.append((t("%(level)s: allowed") % {"level": name}, bar.allowed_minutes,
                     TARGET_COLOUR))
        rows.append((t("%(level)s: downtime") % {"level": name}, bar.down_minutes,
                     MISS_COLOUR if over else look.colour))
    places = list(range(len(rows)))[::-1]
    axes.barh(places, [float(value) for _n, value, _c in rows],
              color=[colour for _n, _v, colour in rows], height=0.6)
    axes.set_yticks(places, [name for name, _v, _c in rows])
    largest = max([value for _n, value, _c in rows] + [Decimal(1)])
    for place, (_name, value, _colour) in zip(places, rows, strict=True):
        axes.text(float(value) + float(largest) * 0.01, place, fmt.duration(value * 60),
                  va="center", fontsize=7)
    axes.set_xlim(0, float(largest) * 1.3)
    axes.xaxis.set_major_formatter(_formatter(fmt.number))
    axes.set_xlabel(t("Minutes"), fontsize=8)
    return _png(figure, look)


def draw_charts(result: MonthResult, fmt: ContractFormatter) -> list[Chart]:
    """Every chart the month has data for, drawn, with its caption."""
    t = fmt.gettext
    daily = [(level, daily_availability(level, result)) for level in result.levels
             if level.availability is not None and level.metric.unit == PERCENT_UNIT]
    tickets = ticket_bars(result)
    downtime = downtime_bars(result)
    if not (daily or tickets or downtime):
        return []
    # matplotlib's own notes (a font cache being built, a font not found) are
    # not the user's business: the charts are drawn all the same
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    look = _look(result.project.branding)
    charts = []
    for level, days in daily:
        if not any(share.percent is not None for share in days):
            continue
        name = level.metric.name or level.metric.id
        charts.append(Chart(
            f"availability-{level.metric.id}", draw_availability(level, days, fmt, look),
            t("Availability per day of %(level)s against its target of %(target)s") % {
                "level": name, "target": fmt.percent(level.metric.target)}))
        points = trend(level, result)
        if len(points) > TREND_MIN_EARLIER:
            charts.append(Chart(
                f"trend-{level.metric.id}", draw_trend(level, points, fmt, look),
                t("%(level)s month by month against its target of %(target)s") % {
                    "level": name, "target": fmt.percent(level.metric.target)}))
    if downtime:
        charts.append(Chart("downtime", draw_downtime(downtime, fmt, look), t(
            "The month's downtime against the downtime the target allows")))
    if tickets:
        charts.append(Chart("tickets", draw_tickets(tickets, fmt, look), t(
            "Tickets per severity level within and over their target")))
    return charts

