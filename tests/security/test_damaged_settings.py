"""A damaged settings file (nested too deeply, not JSON, not a regular file)
is set aside and the defaults are used: the command line and the window start
as usual and say so, every start after that is quiet."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from guards import WIZARD, needs_dev_zero, needs_fifo, run_capped, unblocking
from pytestqt.qtbot import QtBot

from wizard.settings import Settings, load_settings, save_settings, settings_file
from wizard.ui.application import start_gui

NESTED = b'{"recent_files": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def _damaged(config: Path, content: bytes = NESTED) -> Path:
    config.mkdir(parents=True, exist_ok=True)
    path = config / "settings.json"
    path.write_bytes(content)
    return path


def _set_aside(config: Path) -> list[Path]:
    return sorted(config.glob("settings.json.damaged-*"))


@pytest.mark.parametrize("content", [NESTED, b'{"recent_files": "not a list"}', b"\xff{",
                                     b"[1, 2", b'{"show_preview": ' + b"[" * 500 + b"]" * 500
                                     + b"}"])
def test_damaged_settings_are_set_aside(private_settings: Path, content: bytes) -> None:
    """The program would stop with a traceback at every start until the user found
    and deleted the file; or the file would be lost without a trace."""
    _damaged(private_settings, content)
    settings = load_settings()
    assert settings == Settings()
    [copy] = _set_aside(private_settings)
    assert copy.read_bytes() == content
    assert settings.set_aside == copy
    assert not settings_file().exists()
    save_settings(settings)
    assert load_settings().set_aside is None  # the next start is quiet
    assert "set_aside" not in json.loads(settings_file().read_text())


def test_a_second_damaged_file_does_not_overwrite_the_first(private_settings: Path) -> None:
    """The copy kept for a look would be replaced by the next damaged one."""
    _damaged(private_settings, b"first")
    load_settings()
    _damaged(private_settings, b"second")
    load_settings()
    assert sorted(path.read_bytes() for path in _set_aside(private_settings)) == [b"first",
                                                                                   b"second"]


@needs_fifo
def test_settings_that_are_a_pipe_do_not_hang_the_start(private_settings: Path) -> None:
    """Every start would wait for ever on the pipe."""
    private_settings.mkdir()
    os.mkfifo(settings_file())
    with unblocking(settings_file()) as fired:
        settings = load_settings()
    assert not fired
    assert settings == Settings() and settings.set_aside is not None
    assert not os.path.lexists(settings_file())


@needs_dev_zero
def test_settings_that_link_to_dev_zero_are_set_aside(private_settings: Path) -> None:
    """Every start would read /dev/zero until memory ran out."""
    private_settings.mkdir()
    settings_file().symlink_to("/dev/zero")
    done = run_capped("from wizard.settings import load_settings\n"
                      "print(load_settings().set_aside is not None)",
                      env={"SLA_WIZARD_CONFIG_DIR": str(private_settings)}, timeout=60)
    assert done.stdout.strip() == "True", done.stderr
    assert not os.path.lexists(settings_file())


def test_settings_saved_through_a_link_keep_the_link(private_settings: Path,
                                                     tmp_path: Path) -> None:
    """Settings kept in a dotfiles folder and linked into place would lose the link
    at the first save."""
    private_settings.mkdir()
    real = tmp_path / "dotfiles" / "settings.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    settings_file().symlink_to(real)
    settings = load_settings()
    settings.interface_language = "de"
    save_settings(settings)
    assert settings_file().is_symlink()
    assert json.loads(real.read_text())["interface_language"] == "de"


def test_the_command_line_starts_and_says_so(tmp_path: Path) -> None:
    """``sla-wizard check`` would end in a traceback at every run until the user found
    and deleted the settings file."""
    config = tmp_path / "config"
    _damaged(config)
    done = run_capped(WIZARD, "check", str(US_EXAMPLE),
                      env={"SLA_WIZARD_CONFIG_DIR": str(config)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    [copy] = _set_aside(config)
    assert done.stderr.strip() == (
        f'sla-wizard: The settings file "{config / "settings.json"}" could not be read and was '
        f'set aside as "{copy.name}"; SLA Wizard starts with its default settings.')
    again = run_capped(WIZARD, "check", str(US_EXAMPLE),
                       env={"SLA_WIZARD_CONFIG_DIR": str(config)}, timeout=60)
    assert again.returncode == 0 and again.stderr == ""


def test_the_window_starts_and_says_so(qtbot: QtBot, private_settings: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       shown: list[str]) -> None:
    """The window would not start at all."""
    _damaged(private_settings)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own
    _app, window = start_gui(US_EXAMPLE)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10000):
        pass
    [copy] = _set_aside(private_settings)
    assert copy.name in window.statusBar().currentMessage()
    assert "default settings" in window.statusBar().currentMessage()
    assert window.document.path == US_EXAMPLE.resolve()
    assert shown == []
    window.preview.wait_idle()
    window.close()
    assert load_settings().set_aside is None  # closing wrote good settings
