"""A changed draft saved over one a contract was made from is offered the next
document version, so that two different contracts never carry the same one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.project_file import load_project
from wizard.core.render import generate_contract
from wizard.core.sent_drafts import sent_contract, version_for_changed_sent_draft
from wizard.ui.main_window import MainWindow


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.slaproj"
    shutil.copyfile(US_EXAMPLE, path)
    return path


def make_contract(draft: Path) -> Path:
    """The contract made from the draft as it is, as generate writes it beside it."""
    contract = generate_contract(load_project(draft), draft.with_suffix(".docx"))
    later = draft.stat().st_mtime_ns + 1_000_000_000
    os.utime(contract, ns=(later, later))
    return contract


def test_a_draft_counts_as_sent_once_a_contract_was_made_from_it(draft: Path) -> None:
    assert sent_contract(draft) is None
    contract = make_contract(draft)
    assert sent_contract(draft) == contract
    project = load_project(draft)
    assert version_for_changed_sent_draft(draft, project) is None  # nothing changed
    project.service_credits.claim_window_days = 45
    suggestion = version_for_changed_sent_draft(draft, project)
    assert suggestion is not None
    assert (suggestion.current, suggestion.suggested) == ("1.0", "1.1")
    project.agreement.document_version = "1.1"  # already raised: nothing to suggest
    assert version_for_changed_sent_draft(draft, project) is None
    older = draft.stat().st_mtime_ns - 1_000_000_000
    os.utime(contract, ns=(older, older))  # a contract older than the draft on disk
    project.agreement.document_version = "1.0"
    assert version_for_changed_sent_draft(draft, project) is None


def _edit_claim_window(window: MainWindow, qtbot: QtBot) -> None:
    page = window.page_for(Step.CREDITS)
    window.go_to(window.pages.index_of(Step.CREDITS))
    spin = page.claim_spin  # type: ignore[attr-defined]
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    assert window.document.project.service_credits.claim_window_days == 45


@pytest.mark.parametrize("accept", [True, False])
def test_saving_changes_over_a_sent_draft_offers_the_next_version(
        window: MainWindow, draft: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        accept: bool) -> None:
    window.open_path(draft)
    make_contract(draft)
    _edit_claim_window(window, qtbot)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object
                 ) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.save_action.trigger()

    assert asked == ["The contract “bakery.docx” was made from this project as version 1.0, "
                     "and the project has changed since. Save it as version 1.1?"]
    saved = load_project(draft)
    assert saved.service_credits.claim_window_days == 45
    assert saved.agreement.document_version == ("1.1" if accept else "1.0")


def test_no_question_without_a_contract_made_from_the_draft(
        window: MainWindow, draft: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_path(draft)
    _edit_claim_window(window, qtbot)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: pytest.fail("asked about the version"))
    window.save_action.trigger()
    assert load_project(draft).agreement.document_version == "1.0"
