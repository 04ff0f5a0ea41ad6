"""Saving to a symbolic link writes the file it points to and keeps the link,
from the core and from the window's Save and Save As."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.project_file import backup_path, load_project, save_project
from wizard.settings import Settings
from wizard.ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                reason="symbolic links need privileges on Windows")


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A project kept in one folder and linked from another: (link, target)."""
    target = tmp_path / "shared" / "contract.slaproj"
    target.parent.mkdir()
    target.write_bytes(US_EXAMPLE.read_bytes())
    link = tmp_path / "desk" / "contract.slaproj"
    link.parent.mkdir()
    link.symlink_to(target)
    return link, target


def test_save_writes_the_target_and_keeps_the_link(linked: tuple[Path, Path]) -> None:
    """The link would be replaced by a copy: the shared file would silently stop
    getting the changes."""
    link, target = linked
    before = target.read_bytes()
    project = load_project(link)
    project.agreement.title = "Through the link"
    result = save_project(project, link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert load_project(target).agreement.title == "Through the link"
    assert result.path == target.resolve()
    assert backup_path(target).read_bytes() == before  # beside the file it is a copy of
    assert not backup_path(link).exists()
    assert sorted(p.name for p in link.parent.iterdir()) == ["contract.slaproj"]


def test_a_chain_of_links_is_followed(linked: tuple[Path, Path], tmp_path: Path) -> None:
    """A link to a link would have its first link replaced."""
    link, target = linked
    outer = tmp_path / "outer.slaproj"
    outer.symlink_to(link)
    project = load_project(outer)
    project.agreement.title = "Two links away"
    save_project(project, outer)
    assert outer.is_symlink() and link.is_symlink()
    assert load_project(target).agreement.title == "Two links away"


def test_a_link_to_a_file_not_there_yet_creates_it(tmp_path: Path) -> None:
    """Saving to a link whose file was moved away would replace the link."""
    target = tmp_path / "later.slaproj"
    link = tmp_path / "link.slaproj"
    link.symlink_to(target)
    save_project(load_project(US_EXAMPLE), link)
    assert link.is_symlink()
    assert load_project(target) == load_project(US_EXAMPLE)


def test_save_as_onto_a_link_and_save_again_in_the_window(
        qtbot: QtBot, linked: tuple[Path, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, shown: list[str]) -> None:
    """Save As chosen onto a link (the file dialog offers it like any file), then
    Ctrl+S, would each replace the link by a plain file."""
    link, target = linked
    source = tmp_path / "draft.slaproj"
    source.write_bytes(US_EXAMPLE.read_bytes())
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(source)
    window.go_to(1)
    title = window.page_for(Step.BASICS).title_edit  # type: ignore[attr-defined]
    title.clear()
    qtbot.keyClicks(title, "Saved as through a link")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(link), ""))

    assert window.save_as()

    assert link.is_symlink()
    assert load_project(target).agreement.title == "Saved as through a link"
    assert not window.isWindowModified()
    qtbot.keyClicks(title, " and saved")
    assert window.save()
    assert link.is_symlink()
    assert load_project(link).agreement.title == "Saved as through a link and saved"
    assert load_project(source).agreement.title == load_project(US_EXAMPLE).agreement.title
    assert shown == []  # no "already open" warning about its own file, no failure
    window.preview.wait_idle()
