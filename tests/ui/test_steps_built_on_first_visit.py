"""The window builds a step's page on its first visit (so that it opens
quickly), yet every step's problems show in the step list from the start, and
a step's page shows the project as it is when the user gets there."""

from __future__ import annotations

import json
from pathlib import Path

from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.ui.main_window import MainWindow, StepState


def _project_with_a_bad_metric(folder: Path) -> Path:
    data = json.loads(US_EXAMPLE.read_text(encoding="utf-8"))
    data["metrics"][1]["service"] = "nope"
    path = folder / "bad metric.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_unvisited_step_shows_its_errors_and_its_page_when_clicked(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """Without the step list's marks, an error on a step nobody opened yet would
    go unnoticed until Review."""
    assert window.open_path(_project_with_a_bad_metric(tmp_path))
    row = window.pages.index_of(Step.METRICS)
    assert window.pages.built(row) is None  # not built before it is visited
    item = window.step_list.item(row)
    assert window.step_state(Step.METRICS) == StepState.ERRORS
    assert item.toolTip() == "has errors"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole).endswith("has errors")

    rect = window.step_list.visualItemRect(item)
    qtbot.mouseClick(window.step_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())

    page = window.current_page()
    assert page.step is Step.METRICS
    assert window.stack.currentWidget().isAncestorOf(page)
    shown_messages = [label.text() for label in page.findChildren(QLabel)
                      if label.isVisibleTo(page) and "nope" in label.text()]
    assert shown_messages  # the problem, shown on the step's page


def test_a_page_built_late_shows_the_edits_made_before(window: MainWindow,
                                                       tmp_path: Path) -> None:
    """A page built after the project changed must not show stale values."""
    assert window.open_path(_project_with_a_bad_metric(tmp_path))
    window.document.project.termination.notice_days = 77
    window.document.touch()
    window.go_to(window.pages.index_of(Step.TERMINATION))
    page = window.current_page()
    assert page.step is Step.TERMINATION
    assert 77 in [spin.value() for spin in page.findChildren(QSpinBox)]
