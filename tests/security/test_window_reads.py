"""The window is never held up by a project file that is not one: a named pipe
or a file of gigabytes is refused at once with a message naming it, whether
it is opened from the window or named on the command line at start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from guards import needs_fifo, run_capped, unblocking
from pytestqt.qtbot import QtBot

from wizard.core.project_file import load_project
from wizard.settings import Settings
from wizard.ui.main_window import MainWindow

PIPE_MESSAGE = ('"contract.slaproj" cannot be opened: it is not a regular file but a device, a '
                "pipe or a socket.")


@pytest.fixture
def window(qtbot: QtBot, shown: list[str]) -> MainWindow:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    return win


@needs_fifo
def test_opening_a_pipe_says_so_at_once(window: MainWindow, tmp_path: Path,
                                        shown: list[str]) -> None:
    """Opening it (from the open dialog, a recent file, a double-click) would freeze
    the window for ever."""
    assert window.open_path(US_EXAMPLE)
    fifo = tmp_path / "contract.slaproj"
    os.mkfifo(fifo)
    with unblocking(fifo) as fired:
        assert not window.open_path(fifo)
    assert not fired
    assert shown == [PIPE_MESSAGE]
    assert window.document.path == US_EXAMPLE.resolve()  # the open project stays
    assert window.document.project == load_project(US_EXAMPLE)
    window.preview.wait_idle()


def test_opening_a_huge_file_says_so_at_once(window: MainWindow, tmp_path: Path,
                                             shown: list[str]) -> None:
    """A 2 GiB file would be read into memory before being refused."""
    big = tmp_path / "big.slaproj"
    with open(big, "wb") as handle:
        handle.truncate(2 * 1024**3)
    assert not window.open_path(big)
    assert shown == ['"big.slaproj" cannot be opened: it is larger than 16 MB, the most SLA '
                     "Wizard reads from such a file."]
    window.preview.wait_idle()


@needs_fifo
def test_starting_on_a_pipe_fails_instead_of_hanging(tmp_path: Path) -> None:
    """``sla-wizard PIPE`` would start a window that never shows anything (the
    timeout fails the test)."""
    fifo = tmp_path / "contract.slaproj"
    os.mkfifo(fifo)
    done = run_capped("import sys\nfrom wizard.app import main\n"
                      "sys.exit(main(['--exit-when-shown', sys.argv[1]]))", str(fifo),
                      env={"SLA_WIZARD_CONFIG_DIR": str(tmp_path / "config")}, timeout=90)
    assert done.returncode == 1
    assert PIPE_MESSAGE in done.stderr
