"""The command line: ``sla-wizard generate``, ``check``, ``diff`` and ``report``.

No Qt here. Every failure ends with a one-line message on stderr and exit
status 2, among them a template whose check or render overran a limit of the
render worker (the message names the limit); a project with errors is refused
with status 1. ``generate --pdf``
also writes a PDF (LibreOffice converts the contract); a failed conversion
keeps the Word contract and fails like the rest.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from wizard import __version__
from wizard.cli_export import add_export_parser, run_export
from wizard.cli_review import KeepError, add_review_parser, keep_month, run_review
from wizard.core.checks import (
    Problem,
    Severity,
    check_project,
    has_errors,
    text_language_problems,
)
from wizard.core.contract import SUPPORTED_LOCALES, UnsupportedLanguageError
from wizard.core.model import Project
from wizard.core.project_file import ProjectFileError, load_project
from wizard.i18n import _, ngettext

COMMANDS = ("generate", "check", "diff", "report", "review", "export")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FAILURE = 2
TRACEBACK_ENV = "SLA_WIZARD_TRACEBACK"
"""Set (to anything), an unexpected error also prints its traceback: for a bug report."""


class CommandError(Exception):
    """A command could not do its work; the message is for the user."""


class _Parser(argparse.ArgumentParser):
    """Usage mistakes end like every other failure: one line, status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_FAILURE, _("sla-wizard: {message} (see sla-wizard --help)\n").format(
            message=message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sla-wizard",
        description=_("Draft a Service Level Agreement and generate the contract."),
    )
    parser.add_argument("--version", action="version", version=f"SLA Wizard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser(
        "generate", help=_("write the contract of a project as a Word file (and a PDF)"))
    generate.add_argument("project", type=Path, help=_("the .slaproj file"))
    generate.add_argument(
        "-o", "--output", type=Path,
        help=_("where to write the contract (default: beside the project, same name, .docx)"))
    generate.add_argument(
        "--language", metavar="LOCALE",
        help=_("write the contract in this language and locale, such as en_GB "
               "(default: the project's own)"))
    generate.add_argument(
        "--template", type=Path, metavar="FILE.docx",
        help=_("write the contract with this Word template instead of the standard one "
               "(a restyled copy of it, say)"))
    generate.add_argument(
        "--pdf", action="store_true",
        help=_("also write a PDF beside the contract (same name, .pdf); needs LibreOffice"))

    check = commands.add_parser("check", help=_("list the problems of a project"))
    check.add_argument("project", type=Path, help=_("the .slaproj file"))
    check.add_argument(
        "--language", metavar="LOCALE",
        help=_("check for the contract in this language and locale, such as es_ES "
               "(default: the project's own)"))
    _add_diff_parser(commands)
    _add_report_parser(commands)
    add_review_parser(commands)
    add_export_parser(commands)
    return parser


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    for problem in problems:
        print(problem, file=stream)


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return _("{errors} error(s), {warnings} warning(s)").format(errors=errors, warnings=warnings)


def _language(requested: str | None, project_language: str) -> str:
    language = project_language if requested is None else requested
    if language in SUPPORTED_LOCALES:
        return language
    supported = ", ".join(SUPPORTED_LOCALES)
    if requested is not None:
        raise CommandError(
            _("cannot write a contract in {language}; supported languages: {supported}").format(
                language=requested, supported=supported))
    raise CommandError(
        _("the project's contract language {language} is not supported yet; choose one with "
          "--language ({supported})").format(language=language, supported=supported))


def run_generate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from wizard.core.render import RenderError, generate_contract

    project = load_project(args.project)
    _refuse_a_stopped_template(project, args.project, args.template)
    # a template given on the command line replaces the one the project names
    checked = project if args.template is None else project.model_copy(update={"template": ""})
    # the legal frame is checked in the language the contract is written in
    locale = args.language if args.language in SUPPORTED_LOCALES else None
    problems = check_project(checked, args.project, locale)
    if has_errors(problems):
        print(_("{file}: the contract was not generated; fix these problems first:").format(
            file=args.project), file=err)
        _print_problems([p for p in problems if p.severity is Severity.ERROR], err)
        return EXIT_PROBLEMS
    language = _language(args.language, project.language)
    problems = [*problems, *text_language_problems(project, language)]
    target = args.output or args.project.with_suffix(".docx")
    if target.resolve() == args.project.resolve():
        raise CommandError(
            _("the contract would overwrite the project {file}; choose another name with -o")
            .format(file=args.project))
    if args.template is not None and target.resolve() == args.template.resolve():
        raise CommandError(
            _("the contract would overwrite the template {file}; choose another name with -o")
            .format(file=args.template))
    soffice = _libreoffice() if args.pdf else None
    try:
        generate_contract(project, target, language, args.template, args.project)
    except (RenderError, UnsupportedLanguageError) as exc:
        raise CommandError(_one_line(str(exc))) from None
    print(_("Contract written to {path}").format(path=target), file=out)
    if soffice is not None:
        print(_("PDF written to {path}").format(path=_write_pdf(target, soffice)), file=out)
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    if warnings:
        print(_("Worth a look before you send it:"), file=out)
        _print_problems(warnings, out)
    print(_("This draft is not legal advice."), file=out)
    return EXIT_OK


def _one_line(message: str) -> str:
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def _libreoffice() -> Path:
    """LibreOffice, looked for before anything is written."""
    from wizard.core.pdf_export import find_libreoffice, not_installed_message

    soffice = find_libreoffice()
    if soffice is None:
        raise CommandError(_("cannot write a PDF: {reason}").format(
            reason=not_installed_message()))
    return soffice


def _write_pdf(contract: Path, soffice: Path) -> Path:
    from wizard.core.pdf_export import PdfExportError, convert_to_pdf

    try:
        return convert_to_pdf(contract, soffice=soffice)
    except PdfExportError as exc:
        raise CommandError(_("no PDF was written (the Word contract is kept): {reason}").format(
            reason=_one_line(str(exc)))) from None


def _refuse_a_stopped_template(project: Project, project_path: Path,
                               template: Path | None = None) -> None:
    """One line, status 2, when checking the template (``template``, else the
    project's own) was stopped at a limit or could not run at all."""
    if template is None and not project.template.strip():
        return  # the standard template: part of the program
    from wizard.core.template_check import check_template
    from wizard.core.template_library import TemplateNotFoundError, resolve_template

    try:
        path = template or resolve_template(project, project_path)
    except TemplateNotFoundError:
        return  # a problem of the project: check_project lists it
    stopped = next((p for p in check_template(path) if p.stopped), None)
    if stopped is not None:
        raise CommandError(_one_line(stopped.message))


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    project = load_project(args.project)
    _refuse_a_stopped_template(project, args.project)
    language = _language(args.language, project.language) if args.language else None
    problems = [*check_project(project, args.project, language),
                *text_language_problems(project, language)]
    _print_problems(problems, out)
    print(_("{file}: {summary}").format(file=args.project, summary=_summary(problems)), file=out)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def _add_diff_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    diff = commands.add_parser(
        "diff", help=_("list what changed between two drafts of a project, one change a line "
                       "(status 1 when nothing changed); write a Word redline"))
    diff.add_argument("old", type=Path, metavar="OLD.slaproj", help=_("the earlier draft"))
    diff.add_argument("new", type=Path, metavar="NEW.slaproj", help=_("the later draft"))
    diff.add_argument(
        "--redline", type=Path, metavar="OUT.docx",
        help=_("also write the later draft's contract with the changes from the earlier one "
               "as tracked changes"))
    diff.add_argument(
        "--language", metavar="LOCALE",
        help=_("write the redline in this language and locale, such as en_GB "
               "(default: the later draft's own)"))


def run_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Every change from OLD to NEW on its own line; 1 when there is none."""
    from wizard.core.changes import compare_projects

    old = load_project(args.old)
    new = load_project(args.new)
    language = None
    if args.language is not None or args.redline is not None:
        language = _language(args.language, new.language)
    if args.redline is not None:
        for project_path in (args.old, args.new):
            if args.redline.resolve() == project_path.resolve():
                raise CommandError(
                    _("the redline would overwrite the project {file}; choose another name")
                    .format(file=project_path))
    changes = compare_projects(old, new)
    for change in changes:
        print(change, file=out)
    if args.redline is not None:
        from wizard.core.redline import RedlineError, write_redline
        from wizard.core.render import RenderError

        try:
            write_redline(old, new, args.redline, language, args.new)
        except (RenderError, RedlineError, UnsupportedLanguageError) as exc:
            raise CommandError(_("no redline was written: {reason}").format(
                reason=_one_line(str(exc)))) from None
        print(_("Redline written to {path}").format(path=args.redline), file=err)
    return EXIT_OK if changes else EXIT_PROBLEMS


def _add_report_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = commands.add_parser(
        "report", help=_("measure a month against the service levels from monitoring and "
                         "helpdesk files: print the results, or write the monthly report"))
    report.add_argument("project", type=Path, help=_("the .slaproj file"))
    report.add_argument("--month", required=True, metavar="YYYY-MM",
                        help=_("the calendar month, in the agreement's time zone"))
    report.add_argument(
        "--outages", type=Path, action="append", default=[], metavar="FILE",
        help=_("outages (service,start,end), monitor samples (service,time,status) or "
               "UptimeRobot's log export; may be given more than once"))
    report.add_argument(
        "--tickets", type=Path, action="append", default=[], metavar="FILE",
        help=_("tickets (id,severity,created,first_response,resolved and optionally "
               "paused_minutes) or Zendesk's ticket export; may be given more than once"))
    report.add_argument("--values", type=Path, metavar="FILE",
                        help=_("the month's values of the other levels (metric,value)"))
    report.add_argument(
        "-o", "--output", type=Path, metavar="REPORT.docx",
        help=_("write the monthly report as a Word document in the contract's language"))
    report.add_argument(
        "--pdf", action="store_true",
        help=_("also write the report as a PDF (same name, .pdf; without -o the report is "
               "written beside the project as NAME-YYYY-MM.docx); needs LibreOffice"))
    report.add_argument(
        "--keep", action="store_true",
        help=_("record the month's results in the project's history (a month recorded "
               "again is replaced), for the yearly credit cap and sla-wizard review"))
    report.add_argument("--json", action="store_true",
                        help=_("print the results as one JSON object"))


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The month's attainment and credit: a table, JSON, and the Word report."""
    import json

    from wizard.core.attainment import Month, measure_month, result_to_data
    from wizard.core.history import earlier_credits
    from wizard.core.measurements import Measurements, read_outages, read_tickets, read_values
    from wizard.core.safe_read import FileReadError

    project = load_project(args.project)
    if args.output is None and args.pdf:
        args.output = args.project.with_name(f"{args.project.stem}-{args.month.strip()}.docx")
    if args.output is not None and args.output.resolve() == args.project.resolve():
        raise CommandError(
            _("the report would overwrite the project {file}; choose another name with -o")
            .format(file=args.project))
    soffice = _libreoffice() if args.pdf else None
    try:
        month = Month.parse(args.month)
        data = Measurements()
        for path in args.outages:
            data.add_outages(read_outages(path, project))
        for path in args.tickets:
            data.add_tickets(read_tickets(path, project))
        if args.values is not None:
            data.add_values(read_values(args.values, project))
        result = measure_month(project, month, data,
                               earlier_credits(project.history, month, project.currency))
    except FileReadError as exc:
        raise CommandError(_one_line(str(exc))) from None
    except OSError as exc:
        raise CommandError(_("cannot read {file}: {reason}").format(
            file=exc.filename, reason=exc.strerror or exc)) from None
    except ValueError as exc:  # a bad row, month, time zone or holiday region
        raise CommandError(_one_line(str(exc))) from None
    if args.output is not None:
        from wizard.core.report import write_report

        try:
            write_report(result, args.output)
        except (UnsupportedLanguageError, OSError) as exc:
            raise CommandError(_("no report was written: {reason}").format(
                reason=_one_line(str(exc)))) from None
    pdf = _report_pdf(args.output, soffice) if soffice is not None else None
    if args.keep:
        try:
            replaced = keep_month(args.project, project, result)
        except KeepError as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        print(json.dumps(result_to_data(result), ensure_ascii=False, indent=2), file=out)
    else:
        _print_results(result, out)
    notes = err if args.json else out
    if args.output is not None:
        print(_("Report written to {path}").format(path=args.output), file=notes)
    if pdf is not None:
        print(_("PDF written to {path}").format(path=pdf), file=notes)
    if args.keep:
        print((_("{month} recorded again in {file} (the earlier record replaced)") if replaced
               else _("{month} recorded in {file}")).format(month=month, file=args.project),
              file=notes)
    return EXIT_OK


def _report_pdf(report: Path, soffice: Path) -> Path:
    from wizard.core.pdf_export import PdfExportError, convert_to_pdf

    try:
        return convert_to_pdf(report, soffice=soffice)
    except PdfExportError as exc:
        raise CommandError(_("no PDF was written (the Word report is kept): {reason}").format(
            reason=_one_line(str(exc)))) from None


def _print_results(result: object, out: TextIO) -> None:
    """The month's results as a table in the interface language."""
    import gettext

    from wizard import i18n
    from wizard.core.attainment import MonthResult
    from wizard.core.contract import ContractFormatter
    from wizard.core.report import shown_value, value_text

    assert isinstance(result, MonthResult)
    fmt = ContractFormatter(i18n.language(), result.project.currency,
                            gettext.NullTranslations())
    print(_("Service levels in {month}").format(month=result.month), file=out)
    rows = [[_("Level"), _("Target"), _("Attained"), _("Result")]]
    rows += [[level.metric.name or level.metric.id,
              value_text(level.metric.target, level.metric, fmt),
              value_text(shown_value(level.attained, level.metric), level.metric, fmt),
              _("met") if level.met else _("missed")] for level in result.levels]
    rows += [[u.metric.name or u.metric.id, value_text(u.metric.target, u.metric, fmt), "",
              _("not measured: {reason}").format(reason=u.reason)] for u in result.unmeasured]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
              + "  " + row[3], file=out)
    for target in result.tickets:
        counted = len(target.counted)
        line = ngettext("{severity} {measure}: {within} of {counted} ticket within {target}",
                        "{severity} {measure}: {within} of {counted} tickets within {target}",
                        counted).format(
            severity=target.severity.id,
            measure=_("response") if target.measure.value == "response" else _("resolution"),
            within=counted - len(target.missed), counted=counted,
            target=fmt.minutes(target.target_minutes))
        if target.missed:
            line += "; " + _("missed: {tickets}").format(
                tickets=", ".join(t.ticket.id for t in target.missed))
        if target.pending:
            line += "; " + _("still open: {tickets}").format(
                tickets=", ".join(t.ticket.id for t in target.pending))
        print(line, file=out)
    credit = result.credit
    if credit is not None:
        print(_("Credit due: {amount} ({percent} of {fee})").format(
            amount=fmt.money(credit.amount), percent=fmt.percent(credit.percent),
            fee=fmt.money(credit.fee) if credit.fee is not None else "–"), file=out)
        if credit.month_amount is not None:
            print(_("The yearly cap cut the credit from {amount}").format(
                amount=fmt.money(credit.month_amount)), file=out)
    elif result.credit_note:
        print(result.credit_note, file=out)
    if result.claim_deadline is not None:
        print(_("Claim by: {date}").format(date=fmt.date(result.claim_deadline)), file=out)


def system_locale(environ: Mapping[str, str]) -> str:
    """The locale the environment asks messages in (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``, as gettext reads them); empty for C/POSIX."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0].split(".")[0].split("@")[0]
        if value:
            return "" if value in ("C", "POSIX") else value
    return ""


def install_interface_language(environ: Mapping[str, str] | None = None) -> str:
    """Speak the language the window speaks: the one chosen in its Language
    menu, else the system's, else English. Returns the language installed."""
    from wizard import i18n
    from wizard.settings import load_settings, set_aside_note
    from wizard.translations import (
        MESSAGES_DOMAIN,
        available_languages,
        best_match,
        load_translations,
    )

    offered = [i18n.ENGLISH, *available_languages(MESSAGES_DOMAIN)]
    settings = load_settings()
    chosen = settings.interface_language
    if chosen not in offered:
        system = system_locale(os.environ if environ is None else environ)
        chosen = best_match(system, offered, i18n.ENGLISH) if system else i18n.ENGLISH
    i18n.install(load_translations(MESSAGES_DOMAIN, chosen), chosen)
    if settings.set_aside is not None:  # said once, in the language just installed
        print(f"sla-wizard: {set_aside_note(settings)}", file=sys.stderr)
    return chosen


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run a command; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        if args.command == "generate":
            return run_generate(args, out, err)
        if args.command == "diff":
            return run_diff(args, out, err)
        if args.command == "report":
            return run_report(args, out, err)
        if args.command == "export":
            return run_export(args, out, err)
        if args.command == "review":
            return run_review(args, out)
        return run_check(args, out)
    except (ProjectFileError, CommandError) as exc:
        print(f"sla-wizard: {exc}", file=err)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(_("sla-wizard: interrupted"), file=err)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        print(_("sla-wizard: unexpected error ({kind}): {detail}").format(
            kind=type(exc).__name__, detail=str(exc).splitlines()[0] if str(exc) else ""),
            file=err)
        if os.environ.get(TRACEBACK_ENV):
            traceback.print_exc(file=err)
        return EXIT_FAILURE
