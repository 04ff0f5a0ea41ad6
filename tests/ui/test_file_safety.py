"""The window never loses the user's work: autosave and recovery after a crash,
saving where it cannot, a project open twice, files from other versions."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from example_paths import ROOT, US_EXAMPLE, current_format_bytes
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from wizard.core import project_file, recovery
from wizard.core.checks import Step
from wizard.core.lockfile import LockOwner, lock_path
from wizard.core.model import FORMAT_VERSION
from wizard.core.processes import this_host
from wizard.core.project_file import backup_path, load_project
from wizard.core.recovery import (
    Recovery,
    list_recoveries,
    new_recovery_file,
    read_recovery,
    write_recovery,
)
from wizard.settings import Settings, recovery_dir
from wizard.ui import main_window
from wizard.ui.main_window import MainWindow
from wizard.ui.recovery_dialog import RecoveryChoice, RecoveryDialog

FAST_AUTOSAVE_MS = 50
EDITED = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)

CRASHING_WRITER = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from wizard.core.project_file import load_project
from wizard.core.recovery import new_recovery_file, write_recovery

folder, project = Path(sys.argv[1]), Path(sys.argv[2])
work = load_project(project)
work.agreement.title = "Typed before the crash"
file = new_recovery_file(folder)
write_recovery(file, work, project, datetime(2027, 1, 4, 9, 30, tzinfo=UTC))
print(file, flush=True)
sys.stdin.read()
"""


@pytest.fixture(autouse=True)
def own_sessions() -> Iterator[None]:
    yield
    recovery.end_sessions()


def _make_window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def us_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "projects"
    folder.mkdir()
    target = folder / "bakery.slaproj"
    target.write_bytes(US_EXAMPLE.read_bytes())
    return target


class Boxes:
    """Message boxes with buttons of their own, answered by a test: each one is
    recorded; ``click`` names the button to press (None: close the box)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.click: str | None = None

    def exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        if self.click is not None:
            button = next(b for b in box.buttons()
                          if isinstance(b, QPushButton) and b.text().replace("&", "") == self.click)
            button.click()
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    record = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: record.exec(box))
    return record


def _type_title(window: MainWindow, qtbot: QtBot, text: str) -> None:
    window.go_to(1)
    qtbot.keyClicks(window.page_for(Step.BASICS).title_edit, text)  # type: ignore[attr-defined]


def _recovery_files() -> list[Path]:
    return sorted(recovery_dir().glob(f"*{recovery.RECOVERY_SUFFIX}"))


def _orphan(project_path: Path | None, title: str, edited: datetime = EDITED) -> Path:
    """Unsaved work left by a program that has ended."""
    project = load_project(project_path or US_EXAMPLE)
    project.agreement.title = title
    file = new_recovery_file(recovery_dir())
    write_recovery(file, project, project_path, edited)
    data = json.loads(file.read_bytes())
    data["session"] = "0123456789abcdef"  # a session with no program behind it
    file.write_text(json.dumps(data), encoding="utf-8")
    return file


# --------------------------------------------------------------------------- autosave


def test_edits_are_kept_for_recovery_shortly_after_typing(window: MainWindow, us_copy: Path,
                                                          qtbot: QtBot) -> None:
    """A crash after an hour of typing would lose all of it. (Written after a pause,
    not on every keystroke; the project file itself is untouched until Save.)"""
    before = us_copy.read_bytes()
    window.open_path(us_copy)
    _type_title(window, qtbot, " (draft)")
    assert _recovery_files() == []  # not on every keystroke
    qtbot.waitUntil(lambda: len(_recovery_files()) == 1, timeout=6000)

    item = read_recovery(_recovery_files()[0])
    assert item.project.agreement.title.endswith("(draft)")
    assert item.original == us_copy.resolve()
    assert us_copy.read_bytes() == before


def test_saving_removes_the_recovery_file(window: MainWindow, us_copy: Path,
                                          qtbot: QtBot) -> None:
    """Recovered work would be offered again after it was saved."""
    window.autosaver.timer.setInterval(FAST_AUTOSAVE_MS)
    window.open_path(us_copy)
    _type_title(window, qtbot, "!")
    qtbot.waitUntil(lambda: len(_recovery_files()) == 1, timeout=3000)
    assert window.save()
    assert _recovery_files() == []


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Save,
                                    QMessageBox.StandardButton.Discard])
def test_clean_close_removes_the_recovery_file(qtbot: QtBot, us_copy: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               answer: QMessageBox.StandardButton) -> None:
    """After a normal close, the next start would offer work the user saved or threw away."""
    window = _make_window(qtbot)
    window.autosaver.timer.setInterval(FAST_AUTOSAVE_MS)
    window.open_path(us_copy)
    _type_title(window, qtbot, "!")
    qtbot.waitUntil(lambda: len(_recovery_files()) == 1, timeout=3000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer)
    window.preview.wait_idle()
    assert window.close()
    assert _recovery_files() == []
    assert not lock_path(us_copy).exists()


def test_autosave_failure_is_said_once(window: MainWindow, us_copy: Path, qtbot: QtBot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk would make autosave fail silently (or nag at every keystroke)."""
    window.autosaver.timer.setInterval(FAST_AUTOSAVE_MS)
    window.open_path(us_copy)
    failures: list[str] = []
    window.autosaver.failed.connect(failures.append)

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    _type_title(window, qtbot, "a")
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=3000)
    _type_title(window, qtbot, "b")
    window.autosaver.write_now()
    assert len(failures) == 1
    assert "disk is full" in failures[0]
    assert "disk is full" in window.statusBar().currentMessage()


# --------------------------------------------------------------------------- recovery at start


def test_start_offers_work_left_by_a_crash(qtbot: QtBot, us_copy: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """After a crash, the next start would open as if nothing had happened, the work
    lost; or the recovered project would lose its file name or look saved."""
    crashed = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WRITER, str(recovery_dir()), str(us_copy.resolve())],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert crashed.stdout is not None
    file = Path(crashed.stdout.readline().strip())
    crashed.kill()
    crashed.wait()

    offered: list[list[Recovery]] = []

    def choose(_parent: object, items: list[Recovery], *_unreadable: object
               ) -> dict[Path, RecoveryChoice]:
        offered.append(items)
        return {item.file: RecoveryChoice.RESTORE for item in items}

    monkeypatch.setattr(RecoveryDialog, "choose", staticmethod(choose))
    window = _make_window(qtbot)
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)

    assert [item.file for item in offered[0]] == [file]
    assert offered[0][0].edited_at == EDITED
    assert window.document.project.agreement.title == "Typed before the crash"
    assert window.document.path == us_copy.resolve()
    assert window.isWindowModified() and "bakery" in window.windowTitle()
    assert load_project(us_copy).agreement.title != "Typed before the crash"
    assert file.exists() and list_recoveries(recovery_dir()) == []  # this window's own now
    assert window.save()
    assert not file.exists()
    assert load_project(us_copy).agreement.title == "Typed before the crash"


def test_keep_for_later_and_discard(qtbot: QtBot, us_copy: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Declining to restore would delete the work; discarding would not."""
    kept = _orphan(us_copy.resolve(), "Kept")
    dropped = _orphan(None, "Dropped")
    monkeypatch.setattr(RecoveryDialog, "choose", staticmethod(
        lambda _parent, items, *_unreadable: {kept: RecoveryChoice.KEEP,
                                               dropped: RecoveryChoice.DISCARD}))
    window = _make_window(qtbot)
    qtbot.waitUntil(lambda: not dropped.exists(), timeout=3000)
    assert kept.exists()
    assert not window.document.modified
    assert [item.file for item in list_recoveries(recovery_dir())] == [kept]


def test_restoring_two_projects_opens_a_second_window(qtbot: QtBot, us_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Only one of two recovered projects would come back."""
    first = _orphan(us_copy.resolve(), "First")
    second = _orphan(None, "Second", EDITED.replace(hour=8))
    monkeypatch.setattr(RecoveryDialog, "choose", staticmethod(
        lambda _parent, items, *_unreadable: {item.file: RecoveryChoice.RESTORE
                                               for item in items}))
    window = _make_window(qtbot)
    qtbot.waitUntil(lambda: bool(main_window._extra_windows), timeout=3000)
    other = main_window._extra_windows[0]
    try:
        assert window.document.project.agreement.title == "First"
        assert other.document.project.agreement.title == "Second"
        assert other.document.path is None and other.isWindowModified()
        assert first.exists() and second.exists()
    finally:
        other.preview.wait_idle()
        other.close()


def test_recover_menu_says_when_there_is_nothing(window: MainWindow,
                                                 no_modal_dialogs: list[str]) -> None:
    """The menu entry would do nothing visible."""
    window.recover_action.trigger()
    assert no_modal_dialogs == ["There is no unsaved work to recover."]


def test_dialog_lists_each_project_with_its_last_edit(qtbot: QtBot, us_copy: Path) -> None:
    """The user could not tell which recovered work is which, or how old it is."""
    _orphan(us_copy.resolve(), "With a file")
    _orphan(None, "Never <b>saved</b>", EDITED.replace(hour=8))
    items = list_recoveries(recovery_dir())
    dialog = RecoveryDialog(items)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    joined = "\n".join(texts)
    assert "bakery" in joined and str(us_copy.resolve()) in joined
    assert "Never &lt;b&gt;saved&lt;/b&gt;" in joined and "never saved" in joined
    assert joined.count("last edited") == 2
    assert set(dialog.choices().values()) == {RecoveryChoice.RESTORE}
    dialog.buttons[items[1].file][RecoveryChoice.DISCARD].setChecked(True)
    assert dialog.choices() == {items[0].file: RecoveryChoice.RESTORE,
                                items[1].file: RecoveryChoice.DISCARD}


# --------------------------------------------------------------------------- saving fails


def _refuse_temp_files_in(folder: Path, code: int) -> Callable[..., int]:
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == folder and str(path).endswith(".tmp"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


def test_read_only_folder_says_so_and_offers_save_as(window: MainWindow, us_copy: Path,
                                                     qtbot: QtBot, tmp_path: Path,
                                                     boxes: Boxes,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving into a folder the user may not write in would fail with a cryptic error and
    no way forward."""
    before = us_copy.read_bytes()
    window.open_path(us_copy)
    _type_title(window, qtbot, " (edited)")
    monkeypatch.setattr(os, "open", _refuse_temp_files_in(us_copy.parent, errno.EACCES))
    elsewhere = tmp_path / "elsewhere.slaproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    boxes.click = "Save As…"

    assert window.save()

    assert len(boxes.texts) == 1 and "read-only" in boxes.texts[0]
    assert "another folder" in boxes.texts[0]
    assert us_copy.read_bytes() == before
    assert load_project(elsewhere).agreement.title.endswith("(edited)")
    assert window.document.path == elsewhere and not window.isWindowModified()
    assert lock_path(elsewhere).exists() and not lock_path(us_copy).exists()


def test_read_only_file_says_so(window: MainWindow, us_copy: Path, qtbot: QtBot,
                                boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only project would be overwritten anyway, or fail without saying why."""
    before = us_copy.read_bytes()
    window.open_path(us_copy)
    _type_title(window, qtbot, "!")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: False if Path(p) == us_copy.resolve()
                        else real_access(p, m, **k))
    assert not window.save()  # the box is closed without choosing Save As
    assert "read-only" in boxes.texts[0]
    assert us_copy.read_bytes() == before
    assert window.isWindowModified()


def test_full_disk_keeps_the_file_and_the_edits(window: MainWindow, us_copy: Path,
                                                qtbot: QtBot, boxes: Boxes,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk would destroy the project on disk or the edits in the window."""
    us_copy.write_bytes(current_format_bytes(us_copy))  # no conversion copy to make first
    shutil.copy(us_copy, backup_path(us_copy))
    before = us_copy.read_bytes()
    window.open_path(us_copy)
    _type_title(window, qtbot, " (typed)")

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", no_space)
        window.save_action.trigger()

    assert len(boxes.texts) == 1
    assert "disk is full" in boxes.texts[0] and "unchanged" in boxes.texts[0]
    assert us_copy.read_bytes() == before
    assert backup_path(us_copy).read_bytes() == before
    assert window.isWindowModified()
    assert window.document.project.agreement.title.endswith(" (typed)")
    assert window.page_for(Step.BASICS).title_edit.text().endswith(" (typed)")  # type: ignore[attr-defined]
    assert project_file.temp_files(us_copy) == []


def test_newer_version_on_disk_is_not_overwritten(window: MainWindow, us_copy: Path,
                                                  qtbot: QtBot, boxes: Boxes) -> None:
    """A newer version rewrote the file after it was opened here: saving would destroy
    what it added."""
    window.open_path(us_copy)
    _type_title(window, qtbot, "!")
    data = json.loads(us_copy.read_bytes())
    data["format_version"] = FORMAT_VERSION + 1
    us_copy.write_text(json.dumps(data), encoding="utf-8")
    before = us_copy.read_bytes()

    assert not window.save()

    assert "newer version" in boxes.texts[0]
    assert us_copy.read_bytes() == before
    assert window.isWindowModified()


def test_backup_failure_is_mentioned(window: MainWindow, us_copy: Path, qtbot: QtBot) -> None:
    """The user would believe a backup of the previous version exists when it does not."""
    window.open_path(us_copy)
    _type_title(window, qtbot, "!")
    backup_path(us_copy).mkdir()
    assert window.save()
    assert "no backup copy" in window.statusBar().currentMessage()


def test_older_format_is_converted_and_its_original_kept(window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         qtbot: QtBot) -> None:
    """An old project would not open, or be converted without a copy of the original."""
    def from_0(data: dict[str, Any]) -> dict[str, Any]:
        data["agreement"]["title"] = data.pop("old_title")
        return data

    monkeypatch.setitem(project_file.MIGRATIONS, 0, from_0)
    data = json.loads(US_EXAMPLE.read_bytes())
    data["format_version"] = 0
    data["old_title"] = data["agreement"].pop("title")
    old = tmp_path / "old.slaproj"
    old.write_text(json.dumps(data), encoding="utf-8")
    original = old.read_bytes()

    assert window.open_path(old)
    assert "older project format" in window.statusBar().currentMessage()
    _type_title(window, qtbot, "!")
    assert window.save()
    assert "old.slaproj.v0.bak" in window.statusBar().currentMessage()
    assert old.with_name("old.slaproj.v0.bak").read_bytes() == original


# --------------------------------------------------------------------------- open twice


def test_second_window_is_warned(qtbot: QtBot, us_copy: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Two windows on one project would overwrite each other's work without a word."""
    first = _make_window(qtbot)
    second = _make_window(qtbot)
    assert first.open_path(us_copy)
    warnings: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def warn(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        warnings.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "warning", warn)
    assert not second.open_path(us_copy)
    assert "already open in another SLA Wizard window" in warnings[0]
    assert second.document.path is None

    answer[0] = QMessageBox.StandardButton.Open
    assert second.open_path(us_copy)  # "open anyway"
    assert second.document.path == us_copy.resolve()

    first.preview.wait_idle()
    first.close()  # the first window's lock goes with it
    assert not lock_path(us_copy).exists()
    for win in (first, second):
        win.preview.wait_idle()
        win.review_page.wait_idle()


def test_another_instance_is_named(window: MainWindow, us_copy: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The warning would not say who else has the project open."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = LockOwner(sleeper.pid, this_host(), "dana", EDITED, "theirs")
        lock_path(us_copy).write_text(json.dumps(owner.to_data()), encoding="utf-8")
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning",
                            lambda _p, _t, text, *a: warnings.append(text)
                            or QMessageBox.StandardButton.Cancel)
        assert not window.open_path(us_copy)
        assert "another SLA Wizard on this computer" in warnings[0] and "dana" in warnings[0]
    finally:
        sleeper.kill()
        sleeper.wait()
    assert window.open_path(us_copy)  # its program ended: the lock is stale, no question
    assert len(warnings) == 1


def test_opening_another_project_releases_the_lock(window: MainWindow, us_copy: Path,
                                                   tmp_path: Path) -> None:
    """A project the user moved away from would stay locked until the program closed."""
    other = tmp_path / "other.slaproj"
    other.write_bytes(US_EXAMPLE.read_bytes())
    assert window.open_path(us_copy)
    assert lock_path(us_copy).exists()
    assert window.open_path(other)
    assert not lock_path(us_copy).exists() and lock_path(other).exists()
    assert window.open_path(other)  # reopening its own project does not warn about itself
