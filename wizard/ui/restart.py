"""Starting the program again, on the project that is open: after the
interface language changes (the texts of a running window are not all
translated again), the user may restart at once instead of by hand."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess


def restart_command(project: Path | None) -> tuple[str, list[str]]:
    """The program and arguments that start this program again on
    ``project``: the installed program itself when it is a bundle, else this
    Python on the script it was started with (``sla-wizard`` or
    ``main.py``)."""
    arguments = [] if getattr(sys, "frozen", False) else [str(Path(sys.argv[0]).resolve())]
    if project is not None:
        arguments.append(str(project))
    return sys.executable, arguments


def start_again(project: Path | None) -> bool:
    """Start a new instance of the program on ``project``; whether it started."""
    program, arguments = restart_command(project)
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
