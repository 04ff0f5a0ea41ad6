"""What the window says when a file is in the way: saving failed (with a
Save As way out), or the project is already open somewhere else."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from wizard.core.lockfile import LockOwner
from wizard.core.project_file import ProjectFileError
from wizard.i18n import _
from wizard.ui.plain_text import literal
from wizard.ui.recovery_dialog import edited_text


def offer_save_as(parent: QWidget | None, error: ProjectFileError) -> bool:
    """Say why the project was not saved and offer to save it elsewhere;
    True when the user chose Save As. (A box of its own: the static
    QMessageBox functions have no "Save As…" button.)"""
    text = str(error) + "\n\n" + _("Your changes are still here, unsaved. Save them under "
                                    "another name or in another folder?")
    box = QMessageBox(QMessageBox.Icon.Warning, _("The project was not saved"), text,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    save_as = box.addButton(_("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def where_open(owner: LockOwner) -> str:
    """Who else has the project open, as the end of a sentence."""
    since = edited_text(owner.since)
    if owner.on_this_host and owner.pid == os.getpid():
        return _("in another SLA Wizard window (since {time})").format(time=since)
    if owner.on_this_host:
        return _("in another SLA Wizard on this computer (user {user}, since {time})").format(
            user=owner.user or "?", time=since)
    return _("on the computer {host} (user {user}, since {time})").format(
        host=owner.host, user=owner.user or "?", time=since)


def confirm_despite_owner(parent: QWidget | None, path: Path, owner: LockOwner,
                          saving: bool) -> bool:
    """Warn that ``path`` is open elsewhere; True when the user goes on anyway.
    Cancel is the default (Enter and Escape both keep things as they are)."""
    text = _("“{name}” is already open {where}.").format(name=path.name,
                                                         where=where_open(owner))
    text += " " + _("If you both change it, the one who saves last overwrites the other's "
                    "changes.")
    if saving:
        text += "\n\n" + _("Save over it anyway?")
        go_on = QMessageBox.StandardButton.Save
    else:
        text += "\n\n" + _("Open it anyway?")
        go_on = QMessageBox.StandardButton.Open
    answer = QMessageBox.warning(parent, _("Project already open"), literal(text),
                                 go_on | QMessageBox.StandardButton.Cancel,
                                 QMessageBox.StandardButton.Cancel)
    return answer != QMessageBox.StandardButton.Cancel
