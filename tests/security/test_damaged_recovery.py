"""A damaged recovery file is never silently ignored: what it still holds is
offered (and what was lost is said), and a file that holds nothing that can
be recovered is named with its path, left on disk until the user discards it."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from example_paths import US_EXAMPLE
from guards import needs_fifo, unblocking
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from wizard.core import recovery
from wizard.core.project_file import load_project
from wizard.core.recovery import (
    RECOVERY_SUFFIX,
    Recovery,
    close_cut_json,
    new_recovery_file,
    scan_recoveries,
    write_recovery,
)
from wizard.settings import Settings, recovery_dir
from wizard.ui.main_window import MainWindow
from wizard.ui.recovery_dialog import RecoveryChoice, RecoveryDialog

EDITED = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)
TITLE = "Typed before the crash"
ENDED_SESSION = "0123456789abcdef"


def _orphan_data(original: Path | None = US_EXAMPLE) -> tuple[Path, dict[str, Any]]:
    """A recovery file left by a program that ended, and its content."""
    project = load_project(US_EXAMPLE)
    project.agreement.title = TITLE
    file = new_recovery_file(recovery_dir())
    write_recovery(file, project, original, EDITED)
    data = json.loads(file.read_bytes())
    data["session"] = ENDED_SESSION
    return file, data


def _write(file: Path, data: dict[str, Any] | bytes) -> Path:
    file.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return file


def _only_found() -> Recovery:
    scan = scan_recoveries(recovery_dir())
    assert scan.unreadable == []
    [found] = scan.found
    return found


# --------------------------------------------------------------------------- what is recovered


def test_one_bad_field_loses_that_field_only() -> None:
    """A crash-time recovery file with one damaged value would not be offered at
    all, and an hour of work with it."""
    file, data = _orphan_data()
    data["project"]["metrics"][1]["target"] = "ninety-nine"
    _write(file, data)
    item = _only_found()
    assert item.project.agreement.title == TITLE
    assert item.original == US_EXAMPLE and item.edited_at == EDITED
    expected = load_project(US_EXAMPLE)
    expected.agreement.title = TITLE
    expected.metrics[1].target = type(expected.metrics[1].target)("0")  # its default
    assert item.project == expected
    assert item.damage == ("These parts could not be read and were left out or set back to "
                           "their defaults: metrics[2].target.",)


def test_a_bad_list_item_is_left_out_and_named_by_its_place() -> None:
    """One broken credit tier would cost the whole project (or its neighbours)."""
    file, data = _orphan_data()
    tiers = data["project"]["service_credits"]["tiers"]
    assert len(tiers) >= 2
    del tiers[0]["below"]  # a tier needs both of its values
    data["project"]["services"][0]["name"] = {"not": "text"}
    _write(file, data)
    item = _only_found()
    assert len(item.project.service_credits.tiers) == len(tiers) - 1
    assert item.project.service_credits.tiers[0].below == \
        load_project(US_EXAMPLE).service_credits.tiers[1].below
    assert item.project.services[0].name == ""
    assert "service_credits.tiers[1]" in item.damage[0] and "services[1].name" in item.damage[0]


def test_damaged_times_and_owner_do_not_hide_the_work() -> None:
    """Damage to the lines about the work (not the work) would lose it all."""
    file, data = _orphan_data()
    data.update(edited_at=17, saved_at=None, session=["x"], pid="12", host=None)
    _write(file, data)
    item = _only_found()
    assert item.project.agreement.title == TITLE
    assert item.damage == ()


def test_a_lost_file_name_is_said() -> None:
    """Saving the recovered work would silently ask for a new name, or use a wrong one."""
    file, data = _orphan_data()
    data["original_path"] = 42
    _write(file, data)
    item = _only_found()
    assert item.original is None
    assert "name of the project's file could not be read" in item.damage[0]


def test_a_file_cut_short_gives_what_came_before_the_cut() -> None:
    """A recovery file cut short by a full disk would give nothing back."""
    file, data = _orphan_data()
    text = json.dumps(data, indent=1)
    cut = text.index('"severity_levels"')  # after services and metrics
    _write(file, text[:cut].encode())
    item = _only_found()
    assert item.project.agreement.title == TITLE
    assert item.project.metrics == load_project(US_EXAMPLE).metrics
    assert item.project.severity_levels == []  # after the cut: the default
    assert item.damage == ("The file was cut short: whatever came after the last complete "
                           "entry is lost.",)


def test_bytes_that_are_not_utf8_are_replaced_and_said() -> None:
    """One bad byte (a bad sector) would make the whole file unreadable."""
    file, data = _orphan_data()
    raw = json.dumps(data, ensure_ascii=False).encode().replace(TITLE.encode(),
                                                                b"Typed \xff the crash")
    _write(file, raw)
    item = _only_found()
    assert item.project.agreement.title == "Typed \ufffd the crash"
    assert "could not be read and are shown as \ufffd" in item.damage[0]


@pytest.mark.parametrize(("text", "closed"), [
    ('{"a": [1, 2, 3', {"a": [1, 2]}),
    ('{"a": "x", "b": "unfinish', {"a": "x"}),
    ('{"a": {"b": "a [bracket, in text", "c', {"a": {"b": "a [bracket, in text"}}),
    ('{"a": "q\\"uote", ', {"a": 'q"uote'}),
    ("[", []),
    ("nothing", None),
    ('{"a": 1}} trailing', None),
])
def test_closing_json_cut_short(text: str, closed: Any) -> None:
    """A file cut inside a string or a list would be closed in the wrong place."""
    assert close_cut_json(text) == closed


# --------------------------------------------------------------------------- what is named


@pytest.mark.parametrize(("content", "reason"), [
    (b"\x00\x01 garbage", "its content is not valid JSON"),
    (b'{"format": "sla-wizard-recovery", "format_version": 1, "original', "no project"),
    (b'{"format": "something else"}', "not a file of unsaved work from SLA Wizard"),
    (b'{"format": "sla-wizard-recovery", "format_version": 1, "project": [1]}', "no project"),
    (b'{"format": "sla-wizard-recovery", "format_version": 1, "project": '
     + b"[" * 100_000 + b"]" * 100_000 + b"}", "not valid JSON"),
])
def test_nothing_recoverable_is_named_and_kept(content: bytes, reason: str) -> None:
    """A damaged recovery file would be skipped without a word at every start,
    the user never learning that work was lost, nor where the file is."""
    recovery_dir().mkdir(parents=True)
    file = _write(recovery_dir() / f"0123456789abcdef{RECOVERY_SUFFIX}", content)
    scan = scan_recoveries(recovery_dir())
    assert scan.found == []
    [lost] = scan.unreadable
    assert lost.file == file and file.exists()
    assert lost.reason.startswith(f'"{file.name}"') and reason in lost.reason


def test_work_from_a_newer_version_is_named_not_mangled() -> None:
    """Fields a newer version wrote would be dropped as "damaged" and the rest
    offered as if it were complete."""
    file, data = _orphan_data()
    data["project"]["format_version"] = 9
    _write(file, data)
    [lost] = scan_recoveries(recovery_dir()).unreadable
    assert "newer version of SLA Wizard" in lost.reason


def test_a_running_programs_unreadable_file_is_not_named() -> None:
    """Another running SLA Wizard (a newer version) would have its files listed here."""
    file, data = _orphan_data()
    data["format_version"] = 2
    data["session"] = recovery.current_session(recovery_dir()).id  # alive: this process's
    _write(file, data)
    assert scan_recoveries(recovery_dir()) == recovery.RecoveryScan([], [])


@needs_fifo
def test_a_pipe_among_the_recovery_files_is_named_at_once() -> None:
    """Every start would hang on it."""
    recovery_dir().mkdir(parents=True)
    fifo = recovery_dir() / f"fifo{RECOVERY_SUFFIX}"
    os.mkfifo(fifo)
    with unblocking(fifo) as fired:
        scan = scan_recoveries(recovery_dir())
    assert not fired
    assert [lost.file for lost in scan.unreadable] == [fifo]
    assert "not a regular file" in scan.unreadable[0].reason


def test_a_huge_recovery_file_is_named_not_read(tmp_path: Path) -> None:
    """A 2 GiB file in the recovery folder would be read whole at every start."""
    recovery_dir().mkdir(parents=True)
    huge = recovery_dir() / f"huge{RECOVERY_SUFFIX}"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024**3)
    [lost] = scan_recoveries(recovery_dir()).unreadable
    assert "larger than 17 MB" in lost.reason


# --------------------------------------------------------------------------- in the window


class DialogDriver:
    """Stands in for the user at the recovery dialog: reads it, makes the
    choices set in ``choose`` and presses Continue."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.choose: dict[Path, RecoveryChoice] = {}

    def exec(self, dialog: RecoveryDialog) -> int:
        self.texts = [label.text() for label in dialog.findChildren(QLabel)]
        for file, choice in self.choose.items():
            dialog.buttons[file][choice].click()
        return QDialog.DialogCode.Accepted.value


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    driver = DialogDriver()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda dialog: driver.exec(dialog))
    return driver


def _start(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_restores_damaged_work_and_names_the_rest(
        qtbot: QtBot, tmp_path: Path, driver: DialogDriver, shown: list[str]) -> None:
    """After a crash, damaged work would not be offered and a file holding nothing
    would never be mentioned: the user would believe nothing was kept."""
    project = tmp_path / "contract.slaproj"
    project.write_bytes(US_EXAMPLE.read_bytes())
    file, data = _orphan_data(project)
    data["project"]["metrics"][0]["period"] = "fortnight"
    _write(file, data)
    lost = _write(recovery_dir() / f"fedcba9876543210{RECOVERY_SUFFIX}", b"\x00 garbage")

    window = _start(qtbot)
    qtbot.waitUntil(lambda: window.document.modified, timeout=5000)

    joined = "\n".join(driver.texts)
    assert "metrics[1].period" in joined
    assert str(lost) in joined and "not valid JSON" in joined
    assert window.document.project.agreement.title == TITLE
    assert window.document.path == project
    assert lost.exists()  # kept for a look (the choice made by default)
    assert window.save()
    reopened = load_project(project)
    assert reopened.agreement.title == TITLE
    assert reopened.metrics[0].period == "month"  # the default, where the damage was
    assert reopened.metrics[1:] == load_project(US_EXAMPLE).metrics[1:]
    assert not file.exists()  # the recovered work was saved
    assert shown == []
    window.preview.wait_idle()


def test_a_named_file_can_be_discarded(qtbot: QtBot, driver: DialogDriver,
                                       shown: list[str]) -> None:
    """A file holding nothing recoverable would be listed at every start for ever."""
    recovery_dir().mkdir(parents=True)
    lost = _write(recovery_dir() / f"fedcba9876543210{RECOVERY_SUFFIX}", b"[")
    driver.choose = {lost: RecoveryChoice.DISCARD}
    window = _start(qtbot)
    qtbot.waitUntil(lambda: not lost.exists(), timeout=5000)
    window.recover_action.trigger()  # nothing left now
    assert shown == ["There is no unsaved work to recover."]
    window.preview.wait_idle()
