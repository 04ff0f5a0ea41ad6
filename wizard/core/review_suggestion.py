"""At the review: each level's last months against its target and baseline,
and a tighter target where the months support one.

The seeds' advice is to set a baseline, then tighten the target at a review
once data exists. The rule here:

- A level needs at least :data:`MIN_MONTHS` recorded months (three: a
  quarter, the most common review period, and the fewest months in which a
  single good month cannot make the case alone).
- Of its last :data:`REVIEW_MONTHS` recorded months (a year at most), take
  the worst: the lowest attained value of a level to reach (``at_least``),
  the highest of a level to stay under (``at_most``).
- Round it towards the current target to the contract's precision: the
  decimals the target is written with, and at least one for a percentage
  (a target of 99 % becomes 99.7 %, not 100 %). That is the suggestion when
  it is tighter than the current target. So a suggestion is never looser
  than the target, never tighter than what every one of those months
  attained, and made only when every month beat the target by at least one
  step of that precision.

Pure functions of the project; the command line's ``sla-wizard review``
prints them (:mod:`wizard.cli_review`), the wizard can show them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from wizard.core.history import level_months
from wizard.core.model import PERCENT_UNIT, Direction, LevelRecord, Metric, Project

MIN_MONTHS = 3
"""Recorded months a level needs before a tighter target is suggested."""
REVIEW_MONTHS = 12
"""The most recent months a suggestion reads."""


@dataclass(frozen=True)
class LevelReview:
    """One service level at the review."""

    metric: Metric
    months: tuple[tuple[str, LevelRecord], ...]
    """The level's last recorded months (at most :data:`REVIEW_MONTHS`), oldest first."""
    suggestion: Decimal | None
    """A tighter target the months support; ``None`` when there is none."""

    @property
    def enough(self) -> bool:
        """Whether the level has the :data:`MIN_MONTHS` a suggestion needs."""
        return len(self.months) >= MIN_MONTHS

    @property
    def worst(self) -> Decimal | None:
        values = [record.attained for _month, record in self.months]
        if not values:
            return None
        return min(values) if self.metric.direction is Direction.AT_LEAST else max(values)


def precision(metric: Metric) -> Decimal:
    """The step a target of ``metric`` is written in: ``0.1`` for ``99.5``,
    ``1`` for ``60`` minutes, and at most ``0.1`` for a percentage."""
    exponent = metric.target.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if metric.unit == PERCENT_UNIT:
        places = max(places, 1)
    return Decimal(1).scaleb(-places)


def suggested_target(metric: Metric, attained: Sequence[Decimal]) -> Decimal | None:
    """The tighter target ``attained`` (the months' values) supports, or
    ``None``: fewer than :data:`MIN_MONTHS` values, or the worst of them,
    rounded towards the target to :func:`precision`, is not tighter."""
    if len(attained) < MIN_MONTHS:
        return None
    step = precision(metric)
    if metric.direction is Direction.AT_LEAST:
        candidate = min(attained).quantize(step, rounding=ROUND_FLOOR)
        tighter = candidate > metric.target
    else:
        candidate = max(attained).quantize(step, rounding=ROUND_CEILING)
        tighter = candidate < metric.target
    return candidate if tighter else None


def review_level(project: Project, metric: Metric) -> LevelReview:
    months = tuple(level_months(project.history, metric.id)[-REVIEW_MONTHS:])
    values = [record.attained for _month, record in months]
    return LevelReview(metric, months, suggested_target(metric, values))


def review_levels(project: Project) -> list[LevelReview]:
    """Every service level of ``project`` at the review, in the agreement's order."""
    return [review_level(project, metric) for metric in project.metrics]
