"""The question asked at start-up after a crash: for each project with
unsaved work, restore it, keep it for later, or discard it. Work recovered
from a damaged file says what was lost; a file from which nothing could be
recovered is named with its path and why (keep it, to look at it, or
discard it)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wizard.core.recovery import Recovery, UnreadableRecovery
from wizard.i18n import _


class RecoveryChoice(StrEnum):
    RESTORE = "restore"
    KEEP = "keep"
    DISCARD = "discard"


def edited_text(moment: datetime) -> str:
    """When the work was last edited, in the interface's local date format."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class RecoveryDialog(QDialog):
    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None,
                 unreadable: Sequence[UnreadableRecovery] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover unsaved work"))
        self.setMinimumWidth(560)
        self.recoveries = recoveries
        self.unreadable = list(unreadable)
        self.groups: dict[Path, QButtonGroup] = {}
        self.buttons: dict[Path, dict[RecoveryChoice, QRadioButton]] = {}

        intro = QLabel(_("SLA Wizard was not closed properly last time. Unsaved work was kept "
                         "for the projects below. Choose what to do with each; work you keep "
                         "for later is offered again next time (File ▸ Recover Unsaved Work)."))
        intro.setWordWrap(True)

        rows = QWidget()
        grid = QGridLayout(rows)
        self._labels = {
            RecoveryChoice.RESTORE: _("&Restore"),
            RecoveryChoice.KEEP: _("&Keep for later"),
            RecoveryChoice.DISCARD: _("&Discard"),
        }
        row = 0
        for item in recoveries:
            name = item.name or _("Untitled agreement")
            where = str(item.original) if item.original is not None else _("never saved")
            text = _("<b>{name}</b><br>{where}<br>last edited {when}").format(
                name=html.escape(name), where=html.escape(where), when=edited_text(item.edited_at))
            if item.damage:
                text += "".join(f"<br><i>{html.escape(note)}</i>" for note in item.damage)
            self._add_row(grid, row, text, name, item.file, RecoveryChoice.RESTORE)
            row += 1
        if self.unreadable:
            heading = QLabel(_("Nothing could be recovered from these files. They are left "
                               "where they are, so that you can look at them; discard them "
                               "once you have."))
            heading.setWordWrap(True)
            grid.addWidget(heading, row * 2, 0, 1, 4)
            row += 1
        for lost in self.unreadable:
            text = f"<b>{html.escape(str(lost.file))}</b><br>{html.escape(lost.reason)}"
            self._add_row(grid, row, text, lost.file.name, lost.file, RecoveryChoice.KEEP,
                          restorable=False)
            row += 1
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Continue"))
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _add_row(self, grid: QGridLayout, row: int, text: str, name: str, file: Path,
                 default: RecoveryChoice, restorable: bool = True) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(label, row * 2, 0)
        group = QButtonGroup(self)
        self.groups[file] = group
        self.buttons[file] = {}
        for column, choice in enumerate(RecoveryChoice, start=1):
            if choice is RecoveryChoice.RESTORE and not restorable:
                continue
            button = QRadioButton(self._labels[choice])
            button.setAccessibleName(f"{self._labels[choice].replace('&', '')}: {name}")
            group.addButton(button, column)
            self.buttons[file][choice] = button
            grid.addWidget(button, row * 2, column)
        self.buttons[file][default].setChecked(True)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, row * 2 + 1, 0, 1, 4)

    def choices(self) -> dict[Path, RecoveryChoice]:
        result: dict[Path, RecoveryChoice] = {}
        for file, buttons in self.buttons.items():
            result[file] = next((choice for choice, button in buttons.items()
                                 if button.isChecked()), RecoveryChoice.KEEP)
        return result

    @staticmethod
    def choose(parent: QWidget | None, recoveries: list[Recovery],
               unreadable: Sequence[UnreadableRecovery] = ()) -> dict[Path, RecoveryChoice]:
        """Ask; closing the dialog keeps everything for later."""
        dialog = RecoveryDialog(recoveries, parent, unreadable)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return {file: RecoveryChoice.KEEP for file in dialog.buttons}
        return dialog.choices()
