"""The command line's history and review: ``sla-wizard report --keep`` records
the month's results in the project, ``sla-wizard review`` prints each level's
last months against its target and baseline with a suggested tighter target.

No Qt here; :mod:`wizard.cli` registers the command and reports failures.
"""

from __future__ import annotations

import argparse
import gettext
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wizard.core.project_file import load_project, save_project
from wizard.i18n import _

if TYPE_CHECKING:
    from wizard.core.attainment import MonthResult
    from wizard.core.model import Project

SHOWN_MONTHS = 6
"""Months the review table shows (the suggestion reads up to a year)."""


class KeepError(Exception):
    """The month could not be recorded; the message is for the user."""


def keep_month(path: Path, project: Project, result: MonthResult) -> bool:
    """Record ``result`` in the project at ``path`` (written through the
    program's safe save, with its backup). Returns whether an earlier record
    of the same month was replaced. Refused while the project is open in a
    window, which would write its own copy back over the record."""
    from wizard.core.history import record_for, record_of, with_record
    from wizard.core.lockfile import live_owner

    owner = live_owner(path)
    if owner is not None:
        raise KeepError(_(
            "the month was not recorded: {file} is open in SLA Wizard (by {user} on {host}); "
            "close it there first").format(file=path, user=owner.user, host=owner.host))
    replaced = record_for(project.history, result.month) is not None
    save_project(with_record(project, record_of(result)), path)
    return replaced


def add_review_parser(commands: argparse._SubParsersAction[Any]) -> None:
    review = commands.add_parser(
        "review", help=_("show each service level's recorded months against its target and "
                         "baseline, and a tighter target where the months support one"))
    review.add_argument("project", type=Path, help=_("the .slaproj file"))


def run_review(args: argparse.Namespace, out: TextIO) -> int:
    """The review table; status 0 (1 when no month has been recorded yet)."""
    from wizard import i18n
    from wizard.core.contract import ContractFormatter
    from wizard.core.report import shown_value, value_text
    from wizard.core.review_suggestion import MIN_MONTHS, review_levels

    project = load_project(args.project)
    if not project.history:
        print(_("{file}: no month recorded yet; record one with sla-wizard report "
                "--month YYYY-MM --keep").format(file=args.project), file=out)
        return 1
    fmt = ContractFormatter(i18n.language(), project.currency, gettext.NullTranslations())
    months = [kept.month for kept in project.history][-SHOWN_MONTHS:]
    rows = [[_("Level"), _("Target"), _("Baseline"), *months, _("Suggestion")]]
    for review in review_levels(project):
        metric = review.metric
        values = dict(review.months)
        cells = []
        for month in months:
            record = values.get(month)
            cells.append("–" if record is None else
                         value_text(shown_value(record.attained, metric), metric, fmt)
                         + ("" if record.met else " ✗"))
        if review.suggestion is not None:
            advice = _("tighten to {target}").format(
                target=value_text(review.suggestion, metric, fmt))
        elif not review.enough:
            advice = _("{count} of {needed} months recorded").format(
                count=len(review.months), needed=MIN_MONTHS)
        else:
            advice = _("keep the target")
        rows.append([metric.name or metric.id, value_text(metric.target, metric, fmt),
                     value_text(metric.baseline, metric, fmt) if metric.baseline is not None
                     else "–", *cells, advice])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
              + "  " + row[-1], file=out)
    print(_("✗: the month missed the target it had then. A tighter target is suggested when "
            "the last {months} or more recorded months all beat it: the worst of them, "
            "rounded to the target's precision.").format(months=MIN_MONTHS), file=out)
    return 0
