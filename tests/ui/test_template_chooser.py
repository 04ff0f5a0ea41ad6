"""The Word template chooser: the standard template or the user's own, added
after a check, exported for restyling, bound to the project like every field."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import RGBColor
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from wizard.core.project_file import load_project
from wizard.core.template_library import add_template, templates_folder, user_templates
from wizard.paths import standard_template
from wizard.ui.document import ProjectDocument
from wizard.ui.widgets.template_chooser import TemplateChooser


def restyled(path: Path) -> Path:
    document = Document(str(standard_template()))
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xA0, 0x1C, 0x1C)
    document.save(str(path))
    return path


def broken(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Signed by {{ provider.nmae }}")
    document.save(str(path))
    return path


@pytest.fixture
def chooser(qtbot: QtBot, us_document: ProjectDocument) -> TemplateChooser:
    widget = TemplateChooser(us_document)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def items(chooser: TemplateChooser) -> list[str]:
    return [chooser.combo.itemText(i) for i in range(chooser.combo.count())]


def pick(chooser: TemplateChooser, text: str) -> None:
    """Choose an entry the way a user does (activated, not just set)."""
    index = chooser.combo.findText(text)
    assert index >= 0, items(chooser)
    chooser.combo.setCurrentIndex(index)
    chooser.combo.activated.emit(index)


def test_choosing_a_template_edits_the_project(qtbot: QtBot, tmp_path: Path,
                                               us_document: ProjectDocument) -> None:
    """The user's templates are listed; choosing one is an edit like any other
    (unsaved mark, preview refresh), and the standard template is one choice away."""
    add_template(restyled(tmp_path / "Red letterhead.docx"))
    widget = TemplateChooser(us_document)
    qtbot.addWidget(widget)
    assert items(widget) == ["Standard template", "Red letterhead"]
    assert widget.combo.currentIndex() == 0

    with qtbot.waitSignal(us_document.changed):
        pick(widget, "Red letterhead")
    assert us_document.project.template == "Red letterhead.docx"
    assert us_document.modified
    qtbot.waitUntil(lambda: not widget.checking.isVisible(), timeout=20000)
    assert widget.message.messages() == []

    pick(widget, "Standard template")
    assert us_document.project.template == ""


def test_adding_a_good_template(chooser: TemplateChooser, us_document: ProjectDocument,
                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                qtbot: QtBot) -> None:
    """Add a template… copies the file into the templates folder and uses it,
    once the check (which never holds up the window) has found nothing wrong."""
    source = restyled(tmp_path / "Blue.docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(source), ""))
    with qtbot.waitSignal(chooser.added, timeout=20000) as added:
        chooser.add_button.click()
        assert not chooser.add_button.isEnabled()  # while the template is checked
    assert added.args == [True]
    assert chooser.add_button.isEnabled()
    qtbot.waitUntil(lambda: not chooser.checking.isVisible(), timeout=20000)
    assert (templates_folder() / "Blue.docx").read_bytes() == source.read_bytes()
    assert us_document.project.template == "Blue.docx"
    assert chooser.combo.currentText() == "Blue"
    assert chooser.message.messages() == []


def test_a_broken_template_is_not_added(chooser: TemplateChooser, us_document: ProjectDocument,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        no_modal_dialogs: list[str], qtbot: QtBot) -> None:
    """A template with a mistake is refused with the mistake named; the project keeps
    its template and the folder stays as it was."""
    source = broken(tmp_path / "Typo.docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(source), ""))
    with qtbot.waitSignal(chooser.added, timeout=20000) as added:
        chooser.add_button.click()
    assert added.args == [False]
    assert user_templates() == []
    assert us_document.project.template == ""
    assert not us_document.modified
    assert any("provider.nmae" in text and '"Typo.docx"' in text
               for text in chooser.message.messages())
    assert len(no_modal_dialogs) == 1 and "was not added" in no_modal_dialogs[0]


def test_replacing_a_template_asks_first(chooser: TemplateChooser, tmp_path: Path,
                                         no_modal_dialogs: list[str], qtbot: QtBot) -> None:
    """A template of the same name is not overwritten without a yes."""
    add_template(restyled(tmp_path / "Red.docx"))
    other = tmp_path / "other"
    other.mkdir()
    newer = other / "Red.docx"
    newer.write_bytes(standard_template().read_bytes())
    before = (templates_folder() / "Red.docx").read_bytes()
    with qtbot.waitSignal(chooser.added, timeout=20000) as added:
        chooser.add_template_file(newer)
    assert added.args == [False]  # the dialog fixture answers "no"
    assert "Replace it?" in no_modal_dialogs[-1]
    assert (templates_folder() / "Red.docx").read_bytes() == before


def test_export_the_standard_template(chooser: TemplateChooser, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      no_modal_dialogs: list[str]) -> None:
    """The exported file is the standard template, saved where the user said."""
    target = tmp_path / "mine" / "To restyle"
    (tmp_path / "mine").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    chooser.export_button.click()
    written = target.with_name("To restyle.docx")
    assert written.read_bytes() == standard_template().read_bytes()
    assert str(written) in no_modal_dialogs[-1]


def test_open_the_templates_folder(chooser: TemplateChooser,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder opens in the file manager, made first if it is not there yet."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    chooser.folder_button.click()
    assert templates_folder().is_dir()
    assert [url.toLocalFile() for url in opened] == [str(templates_folder())]


def test_a_missing_template_is_kept_and_explained(qtbot: QtBot, tmp_path: Path) -> None:
    """A project naming a template this computer lacks keeps the name (nothing is lost
    by opening it) and says where it was looked for."""
    project = load_project(Path(__file__).resolve().parents[2] / "resources" / "examples"
                           / "msp-it-support.slaproj")
    project.template = "From a colleague.docx"
    document = ProjectDocument(project, tmp_path / "deal.slaproj")
    widget = TemplateChooser(document)
    qtbot.addWidget(widget)
    assert widget.combo.currentText() == "From a colleague.docx"
    assert any("not in your templates folder" in text for text in widget.message.messages())
    assert document.project.template == "From a colleague.docx"
    assert not document.modified


def test_a_broken_template_in_the_folder_shows_its_problem(
        qtbot: QtBot, tmp_path: Path, us_document: ProjectDocument) -> None:
    """A template spoiled in Word after it was added shows what is wrong under the choice."""
    folder = templates_folder()
    folder.mkdir(parents=True)
    broken(folder / "Spoiled.docx")
    widget = TemplateChooser(us_document)
    qtbot.addWidget(widget)
    pick(widget, "Spoiled")
    qtbot.waitUntil(lambda: any("provider.nmae" in text
                                and "Did you mean “provider.name”?" in text
                                for text in widget.message.messages()), timeout=20000)
    assert not widget.checking.isVisible()


def test_another_project_shows_its_own_template(chooser: TemplateChooser, tmp_path: Path,
                                                us_document: ProjectDocument) -> None:
    """Opening another project shows the template that project uses."""
    add_template(restyled(tmp_path / "Red.docx"))
    path = us_document.path
    assert path is not None
    other = load_project(path)
    other.template = "Red.docx"
    us_document.replace(other, path)
    assert chooser.combo.currentText() == "Red"
    us_document.replace(load_project(path), path)
    assert chooser.combo.currentText() == "Standard template"
