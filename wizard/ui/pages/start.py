"""Start: a new project from a preset, an existing file, or a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from wizard.core.checks import Step
from wizard.core.model import AgreementType
from wizard.core.presets import PRESETS
from wizard.core.user_presets import UserPreset
from wizard.i18n import N_, _
from wizard.ui.pages.base import StepPage
from wizard.ui.plain_text import literal


def preset_descriptions() -> dict[AgreementType, tuple[str, str]]:
    """Button text and explanation of each preset."""
    return {
        AgreementType.CUSTOMER_BASED: (
            _("Customer-based"),
            _("One customer, all the services it uses: a managed IT provider and a small "
              "business.")),
        AgreementType.SERVICE_BASED: (
            _("Service-based"),
            _("One service with the same terms for every customer: a hosting offer.")),
        AgreementType.MULTI_LEVEL: (
            _("Multi-level"),
            _("Global terms for the organisation, then per customer group, then per service.")),
        AgreementType.INTERNAL: (
            _("Internal"),
            _("Between two departments: no fees, no credits; escalation and review "
              "instead.")),
    }


class StartPage(StepPage):
    step = Step.START
    title = N_("Start")

    new_requested = Signal(object)
    """An AgreementType: start a project from that preset."""
    blank_requested = Signal()
    """Start from an empty agreement."""
    open_requested = Signal()
    """Choose a project file to open."""
    recent_requested = Signal(str)
    """Open this recent file."""
    user_preset_requested = Signal(str)
    """Start a project from the user's preset in this file."""

    def build(self) -> None:
        intro = QLabel(_(
            "Start a new agreement from one of four presets: each is filled with example "
            "values, clearly marked, for you to replace. Or open a project you saved."))
        intro.setWordWrap(True)

        presets = QGroupBox(_("New agreement"))
        preset_layout = QVBoxLayout(presets)
        self.preset_buttons: dict[AgreementType, QPushButton] = {}
        descriptions = preset_descriptions()
        for kind in PRESETS:
            label, text = descriptions[kind]
            button = QPushButton(label)
            button.setAccessibleName(_("New {kind} agreement").format(kind=label))
            button.setAccessibleDescription(text)
            button.setMinimumWidth(160)
            button.clicked.connect(lambda _checked=False, k=kind: self.new_requested.emit(k))
            explanation = QLabel(text)
            explanation.setWordWrap(True)
            explanation.setBuddy(button)
            line = QHBoxLayout()
            line.addWidget(button)
            line.addWidget(explanation, 1)
            preset_layout.addLayout(line)
            self.preset_buttons[kind] = button
        self.blank_button = QPushButton(_("Empty &agreement"))
        self.blank_button.setMinimumWidth(160)
        self.blank_button.clicked.connect(self.blank_requested.emit)
        blank_text = QLabel(_("No example values: every field starts empty."))
        blank_text.setWordWrap(True)
        blank_text.setBuddy(self.blank_button)
        line = QHBoxLayout()
        line.addWidget(self.blank_button)
        line.addWidget(blank_text, 1)
        preset_layout.addLayout(line)
        self.user_presets_label = QLabel(_("&My presets"))
        self.user_presets = QListWidget()
        self.user_presets.setAccessibleName(_("My presets"))
        self.user_presets.setMaximumHeight(120)
        self.user_presets_label.setBuddy(self.user_presets)
        self.user_presets.itemActivated.connect(
            lambda item: self.user_preset_requested.emit(item.data(256)))
        preset_layout.addWidget(self.user_presets_label)
        preset_layout.addWidget(self.user_presets)
        self.set_user_presets([])

        existing = QGroupBox(_("Existing project"))
        existing_layout = QVBoxLayout(existing)
        self.open_button = QPushButton(_("&Open a project…"))
        self.open_button.clicked.connect(self.open_requested.emit)
        existing_layout.addWidget(self.open_button)
        recent_label = QLabel(_("&Recent projects"))
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(_("Recent projects"))
        recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(256)))
        existing_layout.addWidget(recent_label)
        existing_layout.addWidget(self.recent_list)
        self.no_recent = QLabel(_("No recent projects yet."))
        existing_layout.addWidget(self.no_recent)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(presets)
        layout.addWidget(existing)
        layout.addStretch(1)

    def set_user_presets(self, presets: list[UserPreset]) -> None:
        """The user's own presets (File → Save as My Preset…); hidden while there are none."""
        self.user_presets.clear()
        for preset in presets:
            item = QListWidgetItem(preset.name)
            item.setData(256, str(preset.path))
            item.setToolTip(literal(str(preset.path)))
            self.user_presets.addItem(item)
        self.user_presets.setVisible(bool(presets))
        self.user_presets_label.setVisible(bool(presets))

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).stem}  —  {Path(path).parent}")
            item.setData(256, path)
            item.setToolTip(literal(path))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
