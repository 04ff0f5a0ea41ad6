"""Exclusions: what the service levels do not cover, from a standard list and
in the user's own words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QStyle,
    QVBoxLayout,
)

from wizard.core.checks import Loc, Step
from wizard.core.model import Project, StandardExclusion
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.fields import LinesEdit


def exclusion_choices() -> list[tuple[StandardExclusion, str, str]]:
    """Every standard exclusion in the order of the enum (the contract's
    order), as ``(key, label, one-line explanation)``."""
    return [
        (StandardExclusion.SCHEDULED_MAINTENANCE, _("&Scheduled maintenance"),
         _("Planned work inside the maintenance windows, announced with the agreed notice")),
        (StandardExclusion.EMERGENCY_MAINTENANCE, _("Emer&gency maintenance"),
         _("Urgent work to prevent imminent harm or close a security hole, announced as "
           "early as possible")),
        (StandardExclusion.FORCE_MAJEURE, _("Force &majeure"),
         _("Events beyond the provider's control such as natural disasters, war or strikes")),
        (StandardExclusion.CUSTOMER_CAUSED, _("&Caused by the customer"),
         _("Failures caused by the customer, its users or its equipment, or by misuse of "
           "the service")),
        (StandardExclusion.THIRD_PARTY, _("&Third parties"),
         _("Products or services of others that the provider neither supplies nor controls")),
        (StandardExclusion.INTERNET_OUTSIDE_NETWORK, _("&Internet outside the provider's "
                                                       "network"),
         _("Problems of the internet or of networks the provider does not run")),
        (StandardExclusion.SUSPENSION_NON_PAYMENT, _("Suspension for non-&payment"),
         _("Time the service is suspended as the agreement allows, in particular for unpaid "
           "invoices")),
        (StandardExclusion.BETA_FEATURES, _("Beta feat&ures"),
         _("Features offered as beta, preview or trial versions")),
        (StandardExclusion.CUSTOMER_REQUESTED_CHANGES, _("Changes the customer as&ked for"),
         _("Interruptions caused by changes the customer requested or approved")),
    ]


class ExclusionsPage(StepPage):
    step = Step.EXCLUSIONS
    title = N_("Exclusions")

    def build(self) -> None:
        self.included_box = self.bind_bool(
            QCheckBox(_("Include an e&xclusions clause")), field(Project, "exclusions", "included"))
        self.included_box.toggled.connect(self._show_included)
        clause = self.switch(self.included_box, ("exclusions", "included"),
                             _("Untick to leave the clause, and its heading, out of the "
                               "contract: downtime then counts whatever its cause. What you "
                               "chose below is kept for when you tick it again."))

        self.standard_group = QGroupBox(_("Standard exclusions"))
        group_layout = QVBoxLayout(self.standard_group)
        group_layout.setSpacing(8)
        intro = QLabel(_("No downtime is counted for the causes you tick here."))
        intro.setWordWrap(True)
        group_layout.addWidget(intro)
        indent = (self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                  + self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
        self.exclusion_boxes: dict[StandardExclusion, QCheckBox] = {}
        for key, label, explanation in exclusion_choices():
            box = QCheckBox(label)
            box.setAccessibleName(label.replace("&", ""))
            box.setAccessibleDescription(explanation)
            box.toggled.connect(self._store_standard)
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setProperty("role", "hint")
            note.setIndent(indent)
            item = QVBoxLayout()
            item.setSpacing(0)
            item.addWidget(box)
            item.addWidget(note)
            group_layout.addLayout(item)
            self.exclusion_boxes[key] = box
        # A problem about the list lands under it; going to a problem focuses
        # the box it names (see select_item), the first box otherwise.
        self.standard_group.setFocusProxy(self._standard_box_for(()))
        group_layout.addWidget(self.register(("exclusions", "standard"), self.standard_group))

        own = self.own_group = QGroupBox(_("Your own exclusions"))
        form = QFormLayout(own)
        self.custom_edit = self.bind_lines(
            LinesEdit(_("e.g. Devices no longer supported by their manufacturer."), rows=3),
            field(Project, "exclusions", "custom"))
        self.row(form, _("&Other exclusions"), self.custom_edit, ("exclusions", "custom"),
                 _("One per line; each completes the sentence \"No downtime is counted "
                   "for …\". Be specific: a vague exclusion invites disputes."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addWidget(clause)
        layout.addWidget(self.standard_group)
        layout.addWidget(own)
        layout.addStretch(1)

    def load(self) -> None:
        chosen = set(self.project.exclusions.standard)
        for key, box in self.exclusion_boxes.items():
            box.setChecked(key in chosen)
        self._show_included(self.project.exclusions.included)

    def _show_included(self, included: bool) -> None:
        """Without the clause its choices are kept, but not edited."""
        self.standard_group.setEnabled(included)
        self.own_group.setEnabled(included)

    def _store_standard(self) -> None:
        if self.loading:
            return
        chosen = [key for key in StandardExclusion if self.exclusion_boxes[key].isChecked()]
        if chosen != self.project.exclusions.standard:
            self.edited(lambda p: setattr(p.exclusions, "standard", chosen))

    def _standard_box_for(self, loc: Loc) -> QCheckBox:
        """The box a problem about ``exclusions.standard[i]`` names, or the first."""
        standard = self.project.exclusions.standard
        if len(loc) > 2 and isinstance(loc[2], int) and 0 <= loc[2] < len(standard):
            return self.exclusion_boxes[standard[loc[2]]]
        return self.exclusion_boxes[next(iter(StandardExclusion))]

    def select_item(self, loc: Loc) -> None:
        if loc[:2] == ("exclusions", "standard"):
            self.standard_group.setFocusProxy(self._standard_box_for(loc))
        elif loc[:2] == ("exclusions", "custom") and len(loc) > 2 and isinstance(loc[2], int):
            self.custom_edit.select_line(loc[2])
