"""The Appearance step, driven through its widgets: logo, accent colour, body font."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from example_paths import US_EXAMPLE
from images import png_bytes
from page_driving import open_page
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step, check_project
from wizard.core.model import LOGO_MAX_BYTES, Logo
from wizard.core.project_file import load_project
from wizard.settings import Settings
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.appearance import AppearancePage

LEFT = Qt.MouseButton.LeftButton


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    """The file dialog answers ``path`` (``None``: the user cancels)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(path) if path else "", ""))


def _choose_colour(monkeypatch: pytest.MonkeyPatch, colour: QColor) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: colour)


def test_choosing_a_logo_stores_it_and_shows_it(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A chosen logo would not reach the project, or the user could not see which one it is."""
    page = open_page(qtbot, AppearancePage, us_document)
    assert page.logo_name.text() == "The contract has no logo."
    assert not page.remove_logo_button.isEnabled()

    logo = tmp_path / "northwind.png"
    logo.write_bytes(png_bytes(300, 100))
    _choose_file(monkeypatch, logo)
    qtbot.mouseClick(page.choose_logo_button, LEFT)

    stored = us_document.project.branding.logo
    assert stored is not None
    assert (stored.filename, stored.media_type) == ("northwind.png", "image/png")
    assert us_document.modified
    assert page.logo_name.text() == "northwind.png\n300 × 100 pixels, 1 kB"
    pixmap = page.logo_thumbnail.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() / pixmap.height() == pytest.approx(3, abs=0.1)
    assert page.remove_logo_button.isEnabled()

    qtbot.mouseClick(page.remove_logo_button, LEFT)
    assert us_document.project.branding.logo is None
    assert page.logo_name.text() == "The contract has no logo."


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("huge.png", png_bytes(8, 8) + b"\0" * LOGO_MAX_BYTES, "at most 1 MB"),
    ("brochure.png", b"%PDF-1.7", "is not a PNG or JPEG image"),
])
def test_a_refused_logo_says_why_and_changes_nothing(
        qtbot: QtBot, us_document: ProjectDocument, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, name: str, content: bytes, expected: str) -> None:
    """A file that is too big or no image would be taken silently, or replace the good logo."""
    page = open_page(qtbot, AppearancePage, us_document)
    good = tmp_path / "good.png"
    good.write_bytes(png_bytes(40, 20))
    _choose_file(monkeypatch, good)
    qtbot.mouseClick(page.choose_logo_button, LEFT)
    before = us_document.project.model_copy(deep=True)
    us_document.modified = False

    bad = tmp_path / name
    bad.write_bytes(content)
    _choose_file(monkeypatch, bad)
    qtbot.mouseClick(page.choose_logo_button, LEFT)

    [message] = page.logo_message.messages()
    assert f'"{name}"' in message
    assert expected in message
    assert page.logo_message.isVisibleTo(page)
    assert us_document.project == before
    assert not us_document.modified
    assert page.logo_name.text().startswith("good.png\n")

    _choose_file(monkeypatch, good)  # choosing a good file clears the refusal
    qtbot.mouseClick(page.choose_logo_button, LEFT)
    assert page.logo_message.messages() == []


def test_cancelling_the_dialogs_changes_nothing(
        qtbot: QtBot, us_document: ProjectDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, AppearancePage, us_document)
    _choose_file(monkeypatch, None)
    qtbot.mouseClick(page.choose_logo_button, LEFT)
    _choose_colour(monkeypatch, QColor())  # an invalid colour: the dialog was cancelled
    qtbot.mouseClick(page.colour_button, LEFT)
    assert us_document.project.branding.is_default()
    assert not us_document.modified


def test_accent_colour_is_chosen_and_reset(
        qtbot: QtBot, us_document: ProjectDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """The colour picked would not be stored, or could not be taken back."""
    page = open_page(qtbot, AppearancePage, us_document)
    assert page.colour_button.text() == "Template default"
    assert not page.colour_reset_button.isEnabled()

    _choose_colour(monkeypatch, QColor(0x1F, 0x6F, 0x8B))
    qtbot.mouseClick(page.colour_button, LEFT)
    assert us_document.project.branding.accent_colour == "#1F6F8B"
    assert page.colour_button.text() == "#1F6F8B"
    assert page.colour_reset_button.isEnabled()

    qtbot.mouseClick(page.colour_reset_button, LEFT)
    assert us_document.project.branding.accent_colour is None
    assert page.colour_button.text() == "Template default"


def test_body_font_is_typed_or_set_back_to_the_template_default(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = open_page(qtbot, AppearancePage, us_document)
    assert page.font_combo.currentText() == "Template default"
    edit = page.font_combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Segoe UI")
    assert us_document.project.branding.body_font == "Segoe UI"

    page.font_combo.setCurrentIndex(0)
    page.font_combo.activated.emit(0)
    assert us_document.project.branding.body_font == ""
    assert us_document.project.branding.is_default()


def test_the_paper_follows_the_contract_language_unless_chosen(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A consultant could not print a US contract on A4 (or a German one on
    Letter), nor see which paper "Automatic" gives."""
    page = open_page(qtbot, AppearancePage, us_document)
    combo = page.paper_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Automatic (US Letter)", "A4", "US Letter"]
    assert combo.currentIndex() == 0

    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert us_document.project.branding.paper == "a4"
    assert us_document.modified
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert us_document.project.branding.paper == "letter"
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert us_document.project.branding.paper is None
    assert us_document.project.branding.is_default()

    us_document.project.language = "de_DE"
    us_document.project.branding.paper = "letter"
    page.reload()
    assert combo.itemText(0) == "Automatic (A4)"
    assert combo.currentText() == "US Letter"


def test_a_damaged_stored_logo_is_shown_beside_the_logo(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """A logo broken in the file would fail the contract without saying where to fix it."""
    us_document.project.branding.logo = Logo(filename="old.png", data="bm90IGFuIGltYWdl")
    page = open_page(qtbot, AppearancePage, us_document)
    page.show_problems(check_project(us_document.project))
    [message] = page.logo_message.messages()
    assert '"old.png"' in message
    assert page.logo_thumbnail.text() == "Cannot be shown"


def test_more_settings_go_below_the_branding(qtbot: QtBot,
                                             us_document: ProjectDocument) -> None:
    page = open_page(qtbot, AppearancePage, us_document)
    extra = QLabel("Template")
    page.add_section(extra)
    page.show()
    qtbot.waitExposed(page)
    assert extra.isVisible()
    assert extra.mapTo(page, extra.rect().topLeft()).y() > page.font_combo.mapTo(
        page, page.font_combo.rect().bottomLeft()).y()


def test_branding_set_in_the_window_is_saved_and_shown_again(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A consultant's look set once would be gone when the project is opened again."""
    project_path = tmp_path / "branded.slaproj"
    shutil.copy(US_EXAMPLE, project_path)
    assert window.open_path(project_path)
    window.go_to(window.pages.index_of(Step.APPEARANCE))
    page: Any = window.current_page()
    assert isinstance(page, AppearancePage)

    logo = tmp_path / "letterhead.png"
    logo.write_bytes(png_bytes(240, 80))
    _choose_file(monkeypatch, logo)
    qtbot.mouseClick(page.choose_logo_button, LEFT)
    _choose_colour(monkeypatch, QColor("#7a1f3d"))
    qtbot.mouseClick(page.colour_button, LEFT)
    edit = page.font_combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Carlito")
    qtbot.keyClick(page.paper_combo, Qt.Key.Key_Down)
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()

    saved = load_project(project_path).branding
    assert saved.logo is not None and saved.logo.filename == "letterhead.png"
    assert (saved.accent_colour, saved.body_font, saved.paper) == ("#7A1F3D", "Carlito", "a4")

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    try:
        assert again.open_path(project_path)
        again.go_to(again.pages.index_of(Step.APPEARANCE))
        shown: Any = again.current_page()
        assert shown.logo_name.text().startswith("letterhead.png\n240 × 80 pixels")
        assert not shown.logo_thumbnail.pixmap().isNull()
        assert shown.colour_button.text() == "#7A1F3D"
        assert shown.font_combo.currentText() == "Carlito"
        assert shown.paper_combo.currentText() == "A4"
    finally:
        again.preview.wait_idle()
        again.review_page.wait_idle()


def test_a_missing_template_is_told_once_under_the_template_list(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    """The Appearance step would word a template problem twice (under the list and
    at the top of the page), or not at all."""
    page = open_page(qtbot, AppearancePage, us_document)
    us_document.project.template = "gone-away.docx"
    us_document.touch()
    page.show_problems(check_project(us_document.project))

    chooser_messages = page.template_chooser.message.messages()
    assert len(chooser_messages) == 1
    assert "gone-away.docx" in chooser_messages[0]
    assert not any("gone-away.docx" in m for m in page.page_message.messages())


def test_a_template_named_beside_the_project_is_found_by_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """A project naming its template by a path beside it would show a false
    "template not found" in the step list, and a preview without it."""
    from wizard.core.project_file import save_project
    from wizard.core.template_library import export_standard_template

    (tmp_path / "letterhead").mkdir()
    export_standard_template(tmp_path / "letterhead" / "ours.docx")
    project = load_project(US_EXAMPLE)
    project.template = "letterhead/ours.docx"
    path = tmp_path / "bakery.slaproj"
    save_project(project, path)

    assert window.open_path(path, ask=False)
    assert not [p for p in window.problems if p.loc[:1] == ("template",)]
    with qtbot.waitSignal(window.preview.refreshed, timeout=10000):
        window.preview.refresh_now()
    assert not window.preview.note.isVisible()
    assert "Harbor Bakery" in window.preview.view.toPlainText()
