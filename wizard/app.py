"""Entry point of ``sla-wizard`` and ``python main.py``.

``sla-wizard [PROJECT.slaproj]`` opens the window; ``generate``, ``check`` and
``--version`` run on the command line without starting Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard.i18n import _

CLI_WORDS = ("generate", "check", "--version", "-h", "--help")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_WORDS:
        from wizard import cli

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
    options = parser.parse_args(args)
    if options.smoke_test:
        from wizard.ui.smoke import run_smoke_test

        return run_smoke_test(options.project)
    from wizard.ui.application import run_gui

    return run_gui(options.project)


if __name__ == "__main__":
    sys.exit(main())
