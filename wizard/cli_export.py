"""``sla-wizard export PROJECT --to openslo|ics|zendesk [-o FILE] [--start DATE]``.

Writes the agreement in the form a tool that measures or keeps it reads:
the service levels as OpenSLO v1 YAML (:mod:`wizard.core.export_openslo`),
the coverage and support hours, maintenance windows and public holidays as
an iCalendar file (:mod:`wizard.core.export_ics`), or the severity targets as
a Zendesk SLA policy with its schedule (:mod:`wizard.core.export_zendesk`).
Then it prints where the file went and what was left out or mapped, one note
a line. The file goes beside the project unless ``-o`` names it, and
replaces an existing file whole (never the project itself); a project that
cannot be exported ends, like every failure, with one line and status 2.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from wizard.i18n import _

if TYPE_CHECKING:
    from wizard.core.model import Project

FORMATS = ("openslo", "ics", "zendesk")
SUFFIXES = {"openslo": ".openslo.yaml", "ics": ".ics", "zendesk": ".zendesk.json"}


def add_export_parser(commands: argparse._SubParsersAction[Any]) -> None:
    export = commands.add_parser(
        "export", help=_("write the service levels for OpenSLO tools, the hours, maintenance "
                         "and holidays as a calendar (iCalendar), or the severity targets as a "
                         "Zendesk SLA policy"))
    export.add_argument("project", type=Path, help=_("the .slaproj file"))
    export.add_argument("--to", required=True, choices=FORMATS, dest="format",
                        help=_("the format: openslo (YAML), ics (iCalendar) or zendesk (JSON)"))
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE",
        help=_("where to write it (default: beside the project, same name, .openslo.yaml, "
               ".ics or .zendesk.json)"))
    export.add_argument(
        "--start", metavar="YYYY-MM-DD",
        help=_("the first day of the calendar and of the twelve months of holidays (default: "
               "today in the agreement's time zone, or the effective date when it is later)"))


def _start(text: str | None, project: Project) -> datetime.date:
    from wizard.cli import CommandError
    from wizard.core.export_common import agreement_zone

    if text is not None:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise CommandError(_("--start {text} is not a date written YYYY-MM-DD").format(
                text=text)) from None
    zone: ZoneInfo = agreement_zone(project)
    today = datetime.datetime.now(zone).date()
    return max(today, project.agreement.effective_date)


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the export, then say where and print its notes."""
    from wizard.cli import EXIT_OK, CommandError
    from wizard.core.export_common import Export, ExportError
    from wizard.core.project_file import ProjectFileError, load_project, write_atomically

    project = load_project(args.project)
    target: Path = args.output or args.project.with_name(
        args.project.stem + SUFFIXES[args.format])
    if target.resolve() == args.project.resolve():
        raise CommandError(
            _("the export would overwrite the project {file}; choose another name with -o")
            .format(file=args.project))
    try:
        export: Export
        if args.format == "openslo":
            from wizard.core.export_openslo import export_openslo

            export = export_openslo(project)
        elif args.format == "ics":
            from wizard.core.export_ics import export_ics

            export = export_ics(project, _start(args.start, project),
                                datetime.datetime.now(datetime.UTC).replace(microsecond=0))
        else:
            from wizard.core.export_zendesk import export_zendesk

            export = export_zendesk(project, _start(args.start, project))
    except ExportError as exc:
        raise CommandError(_("nothing was exported: {reason}").format(reason=exc)) from None
    try:
        write_atomically(target, export.content)
    except ProjectFileError as exc:
        raise CommandError(" ".join(str(exc).split())) from None
    print(_("Export written to {path}").format(path=target), file=out)
    for note in export.notes:
        print(note, file=out)
    return EXIT_OK
