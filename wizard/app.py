"""Entry point of ``sla-wizard`` and ``python main.py``.

``sla-wizard [PROJECT.slaproj]`` opens the window; ``generate``, ``check`` and
``--version`` run on the command line without starting Qt; ``--smoke-test`` and
``--exit-when-shown`` prove (and time) a build; ``--self-check`` proves that
its Qt binding does not wear away Python's None.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard.i18n import _

CLI_WORDS = ("generate", "check", "diff", "report", "review", "export", "--version", "-h",
             "--help")

BEFORE_QT = (
    "wizard.settings",
    "wizard.translations",
)
"""The modules outside Qt that the window needs before its first paint.

They are imported before PySide6: once PySide6 is loaded, its import hook
reads the whole source of every module imported after it (looking for the
word "PySide6") and keeps it in memory. The project model (pydantic, Babel)
is not among them: the window is painted first and loads it right after."""


def import_before_qt() -> None:
    for name in BEFORE_QT:
        importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--render-worker"]:  # hidden: the program's own render process
        from wizard.core.render_worker import main as render_worker

        return render_worker()
    if args and args[0] in CLI_WORDS:
        from wizard import cli

        cli.install_interface_language()
        return cli.main(args)
    parser = argparse.ArgumentParser(
        prog="sla-wizard",
        description=_("Draft a Service Level Agreement step by step. Commands: "
                      "'sla-wizard generate PROJECT', 'sla-wizard check PROJECT'."))
    parser.add_argument("project", nargs="?", type=Path, help=_("a .slaproj file to open"))
    parser.add_argument(
        "--smoke-test", action="store_true",
        help=_("open the window on the project (or a new one), visit every step, render the "
               "preview and exit: 0 when all went well, 1 otherwise"))
    parser.add_argument(
        "--exit-when-shown", action="store_true",
        help=_("start as usual and exit as soon as the window has first been shown (for "
               "timing start-up; with --smoke-test too); the settings and recent files are "
               "left alone"))
    # whether this Qt binding keeps Python's None alive (the package tests run it)
    parser.add_argument("--self-check", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(args)
    if options.self_check:
        from wizard.ui.self_check import run_self_check

        return run_self_check()
    import_before_qt()
    if options.exit_when_shown:
        from wizard.ui.startup_probe import run_until_shown

        code = run_until_shown(options.project)
        # a timing run ends here: what it printed is flushed, and tearing down
        # Qt and every module (tens of milliseconds) is of no use to anyone
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if options.smoke_test:
        from wizard.ui.smoke import run_smoke_test

        return run_smoke_test(options.project)
    from wizard.ui.application import run_gui

    return run_gui(options.project)


if __name__ == "__main__":
    sys.exit(main())
