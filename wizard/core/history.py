"""The months' results kept with the project (``Project.history``).

Why in the project file: a project is one ``.slaproj`` file, the thing a
consultant keeps, mails and backs up; results kept beside it would be lost or
mixed up with another project's as soon as the file moves. The yearly credit
cap needs the credits of the eleven months before a month, and the review
needs each level's last months: both read them from here. The history records
how the agreement was met and never changes what it says, so the change
summary between two drafts (:mod:`wizard.core.changes`) leaves it out.

Each :class:`~wizard.core.model.MonthRecord` holds the month (``YYYY-MM``),
each measured level's target at the time, its attained value and whether it
was met, and the credit given in the project's currency. Recording a month
that is already recorded replaces it (measurements are corrected, late
tickets arrive): a month is in the history once, and the history stays in
calendar order.

Pure functions: nothing here reads or writes files
(:func:`wizard.core.project_file.save_project` does, for ``sla-wizard report
--keep``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from wizard.core.attainment import LevelResult, Month, MonthResult
from wizard.core.credit_schedules import MONTHS_COUNTED_BY_YEARLY_CAP
from wizard.core.model import (
    DECIMAL_PLACES,
    CreditRecord,
    Direction,
    LevelRecord,
    MonthRecord,
    Project,
)


def recorded_value(level: LevelResult) -> Decimal:
    """The attained value as the history keeps it: at most
    :data:`~wizard.core.model.DECIMAL_PLACES` decimals, rounded away from the
    target's side (down for a level to reach, up for a level to stay under),
    so that a recorded value never looks better than what was measured."""
    rounding = ROUND_FLOOR if level.metric.direction is Direction.AT_LEAST else ROUND_CEILING
    value = level.attained.quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=rounding)
    return value.normalize() if value != value.to_integral_value() \
        else value.quantize(Decimal(1))


def record_of(result: MonthResult) -> MonthRecord:
    """The month's results as the history keeps them."""
    credit = None
    if result.credit is not None:
        credit = CreditRecord(amount=result.credit.amount, currency=result.project.currency)
    return MonthRecord(
        month=str(result.month),
        levels=[LevelRecord(id=level.metric.id, target=level.metric.target,
                            attained=recorded_value(level), met=level.met)
                for level in result.levels],
        credit=credit)


def with_record(project: Project, record: MonthRecord) -> Project:
    """``project`` with ``record`` in its history: in place of the same
    month's record when there is one, else added; months in calendar order."""
    others = [kept for kept in project.history if kept.month != record.month]
    history = sorted([*others, record], key=lambda kept: kept.month)
    return project.model_copy(update={"history": history})


def record_for(history: Sequence[MonthRecord], month: Month) -> MonthRecord | None:
    """The record of ``month``, if it was recorded."""
    return next((kept for kept in history if kept.month == str(month)), None)


def previous_months(month: Month, count: int) -> list[Month]:
    """The ``count`` months before ``month``, oldest first."""
    months = []
    year, number = month.year, month.month
    for _ in range(count):
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
        months.append(Month(year, number))
    return months[::-1]


def earlier_credits(history: Sequence[MonthRecord], month: Month, currency: str
                    ) -> list[Decimal]:
    """The credits given in the eleven months before ``month``, oldest first,
    as a yearly cap counts them (a month not recorded, or recorded without a
    credit, counts zero; a credit in another currency than ``currency``
    cannot be added up and counts zero too)."""
    credits = []
    for earlier in previous_months(month, MONTHS_COUNTED_BY_YEARLY_CAP - 1):
        kept = record_for(history, earlier)
        credit = kept.credit if kept is not None else None
        credits.append(credit.amount if credit is not None and credit.currency == currency
                       else Decimal(0))
    return credits


def level_months(history: Sequence[MonthRecord], metric_id: str
                 ) -> list[tuple[str, LevelRecord]]:
    """Each recorded month of the level ``metric_id`` with its result, oldest first."""
    return [(kept.month, level) for kept in history for level in kept.levels
            if level.id == metric_id]
