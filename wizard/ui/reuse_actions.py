"""Reusing the open project: File → New from This Project, File → Save as My
Preset…, starting from one of the user's presets, and Edit → Replace Name
Across the Project…; the work itself is in :mod:`wizard.core.reuse` and
:mod:`wizard.core.user_presets`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.project_file import ProjectFileError
from wizard.core.reuse import copy_for_new_client, replace_text
from wizard.core.user_presets import new_from_user_preset, save_user_preset
from wizard.i18n import _, ngettext
from wizard.settings import user_presets_dir
from wizard.ui.plain_text import literal
from wizard.ui.session import NOTE_MS, ProjectSession


def new_from_this_project(session: ProjectSession) -> bool:
    """Start a copy of the open project for another client (unsaved, no file
    name); False if the user kept the project as it was."""
    if not session.maybe_save_changes():
        return False
    result = copy_for_new_client(session.document.project)
    session.start(result.project)
    session.note.emit(
        _("A copy for a new client, reference {reference}: fill in the client's details "
          "(the checks point at each one) and save it under a new name.").format(
              reference=result.project.agreement.reference or "—"), NOTE_MS)
    return True


def save_as_my_preset(session: ProjectSession, name: str | None = None) -> Path | None:
    """Keep the open project as one of the user's presets (the name asked
    for unless given); the path of the preset, or None."""
    if name is None:
        suggestion = session.document.project.agreement.title.strip()
        name, accepted = QInputDialog.getText(
            session.window, _("Save as my preset"),
            _("Name of the preset (it is offered on the Start step):"),
            QLineEdit.EchoMode.Normal, suggestion)
        if not accepted:
            return None
    try:
        path = save_user_preset(session.document.project, name, user_presets_dir())
    except (ValueError, ProjectFileError, OSError) as exc:
        QMessageBox.warning(session.window, _("The preset was not saved"), literal(str(exc)))
        return None
    session.presets_changed.emit()
    session.note.emit(_("Saved the preset “{name}”; it is offered on the Start step.").format(
        name=path.stem), NOTE_MS)
    return path


def new_from_my_preset(session: ProjectSession, path: Path) -> bool:
    if not session.maybe_save_changes():
        return False
    try:
        project = new_from_user_preset(path)
    except ProjectFileError as exc:
        QMessageBox.warning(session.window, _("Cannot start a new project"), literal(str(exc)))
        return False
    session.start(project)
    return True


def replace_across_project(session: ProjectSession, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in every text of the project, as one change
    to undo; says how many times in the status bar."""
    document = session.document
    document.about_to_change()
    count = replace_text(document.project, old, new)
    if count:
        document.touch(_("Replace “{old}” with “{new}”").format(old=old, new=new))
        document.reverted.emit()  # the pages show the new texts
        session.note.emit(ngettext("Replaced “{old}” with “{new}” once.",
                                   "Replaced “{old}” with “{new}” {count} times.", count).format(
            old=old, new=new, count=count), NOTE_MS)
    else:
        session.note.emit(_("“{old}” is not written anywhere in the project.").format(
            old=old), NOTE_MS)
    return count


class ReplaceDialog(QDialog):
    """Edit → Replace Name Across the Project…: what to find, what to put instead."""

    replace_requested = Signal(str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Replace a name across the project"))
        intro = QLabel(_("Every title, name, description and line of the project that holds "
                         "the text is changed; identifiers and codes are not. Edit → Undo "
                         "takes it back."))
        intro.setWordWrap(True)
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        form = QFormLayout()
        find_label = QLabel(_("&Find:"))
        find_label.setBuddy(self.find_edit)
        replace_label = QLabel(_("Replace &with:"))
        replace_label.setBuddy(self.replace_edit)
        form.addRow(find_label, self.find_edit)
        form.addRow(replace_label, self.replace_edit)
        self.find_edit.setAccessibleName(_("Find"))
        self.replace_edit.setAccessibleName(_("Replace with"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = self.buttons.addButton(
            _("&Replace all"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setEnabled(False)
        self.find_edit.textChanged.connect(
            lambda text: self.replace_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self._replace)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _replace(self) -> None:
        if self.find_edit.text():
            self.replace_requested.emit(self.find_edit.text(), self.replace_edit.text())
            self.accept()
