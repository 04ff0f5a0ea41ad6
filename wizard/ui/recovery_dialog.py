"""The question asked at start-up after a crash: for each project with
unsaved work, restore it, keep it for later, or discard it."""

from __future__ import annotations

import html
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale
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

from wizard.core.recovery import Recovery
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
    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover unsaved work"))
        self.setMinimumWidth(560)
        self.recoveries = recoveries
        self.groups: dict[Path, QButtonGroup] = {}
        self.buttons: dict[Path, dict[RecoveryChoice, QRadioButton]] = {}

        intro = QLabel(_("SLA Wizard was not closed properly last time. Unsaved work was kept "
                         "for the projects below. Choose what to do with each; work you keep "
                         "for later is offered again next time (File ▸ Recover Unsaved Work)."))
        intro.setWordWrap(True)

        rows = QWidget()
        grid = QGridLayout(rows)
        labels = {
            RecoveryChoice.RESTORE: _("&Restore"),
            RecoveryChoice.KEEP: _("&Keep for later"),
            RecoveryChoice.DISCARD: _("&Discard"),
        }
        for row, item in enumerate(recoveries):
            name = item.name or _("Untitled agreement")
            where = str(item.original) if item.original is not None else _("never saved")
            label = QLabel(_("<b>{name}</b><br>{where}<br>last edited {when}").format(
                name=html.escape(name), where=html.escape(where), when=edited_text(item.edited_at)))
            label.setWordWrap(True)
            grid.addWidget(label, row * 2, 0)
            group = QButtonGroup(self)
            self.groups[item.file] = group
            self.buttons[item.file] = {}
            for column, choice in enumerate(RecoveryChoice, start=1):
                button = QRadioButton(labels[choice])
                button.setAccessibleName(f"{labels[choice].replace('&', '')}: {name}")
                group.addButton(button, column)
                self.buttons[item.file][choice] = button
                grid.addWidget(button, row * 2, column)
            self.buttons[item.file][RecoveryChoice.RESTORE].setChecked(True)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            grid.addWidget(line, row * 2 + 1, 0, 1, 4)
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

    def choices(self) -> dict[Path, RecoveryChoice]:
        result: dict[Path, RecoveryChoice] = {}
        for file, buttons in self.buttons.items():
            result[file] = next((choice for choice, button in buttons.items()
                                 if button.isChecked()), RecoveryChoice.KEEP)
        return result

    @staticmethod
    def choose(parent: QWidget | None, recoveries: list[Recovery]) -> dict[Path, RecoveryChoice]:
        """Ask; closing the dialog keeps everything for later."""
        dialog = RecoveryDialog(recoveries, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return {item.file: RecoveryChoice.KEEP for item in recoveries}
        return dialog.choices()
