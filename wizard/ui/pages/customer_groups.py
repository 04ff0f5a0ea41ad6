"""The customer groups of a multi-level agreement, on the Service levels step:
a table of the groups (identifier, name, who belongs to it), a table of the
selected group's own targets and one of its own credit tiers (one row a
tier, with the service level it is for). Shown only for a multi-level agreement or a
project that has groups, so that any other project looks as before. The rules
(what a group inherits, what is wrong) are in :mod:`wizard.core.contract_groups`
and :mod:`wizard.core.group_checks`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QFormLayout, QGroupBox

from wizard.core.contract_groups import tiers_schedule
from wizard.core.model import (
    AgreementType,
    CreditTier,
    CustomerGroup,
    GroupCreditTiers,
    GroupTarget,
    Project,
)
from wizard.i18n import _
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.fields import DecimalColumn
from wizard.ui.widgets.record_table import Column, RecordTable


@dataclass
class TierRow:
    """One of a group's own credit tiers as a row of the table."""

    metric: str
    below: Decimal
    credit_percent: Decimal


def tier_rows(group: CustomerGroup) -> list[TierRow]:
    return [TierRow(own.metric, tier.below, tier.credit_percent)
            for own in group.credit_tiers for tier in own.tiers]


def grouped_tiers(rows: Sequence[TierRow]) -> list[GroupCreditTiers]:
    """The rows as the project keeps them: the tiers of each service level
    together, in the order the levels first appear."""
    grouped: dict[str, list[CreditTier]] = {}
    for row in rows:
        grouped.setdefault(row.metric, []).append(
            CreditTier(below=row.below, credit_percent=row.credit_percent))
    return [GroupCreditTiers(metric=metric, tiers=tiers) for metric, tiers in grouped.items()]


def unused_group_id(groups: Sequence[CustomerGroup]) -> str:
    """``group``, ``group2`` … : the first identifier no group has."""
    taken = {g.id for g in groups}
    number = 1
    while (candidate := "group" if number == 1 else f"group{number}") in taken:
        number += 1
    return candidate


def shows_groups(project: Project) -> bool:
    """Whether the Service levels step shows the customer groups."""
    return project.agreement.type is AgreementType.MULTI_LEVEL or bool(project.customer_groups)


class CustomerGroupsBox(QGroupBox):
    """The customer groups and the selected group's own targets."""

    def __init__(self, page: StepPage) -> None:
        super().__init__(_("Customer groups"))
        self.page = page
        self.groups = RecordTable(
            [Column(_("Id"), "id", width=110), Column(_("Name"), "name", width=150),
             Column(_("Who belongs to it"), "description")],
            self._new_group, _("customer group"))
        self.groups.setMinimumHeight(120)
        self.metric_column = Column(_("Service level"), "metric", kind="choice", width=280)
        self.targets = RecordTable(
            [self.metric_column,
             DecimalColumn(_("Target for this group"), "target", kind="decimal")],
            self._new_target, _("own target"))
        self.targets.setMinimumHeight(120)
        self.tier_metric_column = Column(_("Service level"), "metric", kind="choice",
                                         width=280)
        self.tiers = RecordTable(
            [self.tier_metric_column,
             DecimalColumn(_("Measured value below"), "below", kind="decimal", width=170),
             DecimalColumn(_("Credit (percentage of monthly fee)"), "credit_percent",
                           kind="decimal")],
            self._new_tier, _("own credit tier"))
        self.tiers.setMinimumHeight(120)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        page.row(form, _("Customer &groups"), self.groups, ("customer_groups",), _(
            "The level between the terms for the whole organisation and those of a single "
            "service: plans or groups of customers (Gold and Silver, Tier 1 to 4). A group "
            "keeps every target and credit of the organisation except those it sets."))
        page.row(form, _("O&wn targets of the selected group"), self.targets, None, _(
            "Only the service levels whose target differs for this group; usually a "
            "stricter one."))
        page.row(form, _("Own credit t&iers of the selected group"), self.tiers, None, _(
            "Only where this group's service credits differ: its tiers replace all the tiers "
            "of that service level's credit schedule."))

        self.groups.current_changed.connect(lambda _row: self._show_targets())
        self.groups.edited.connect(lambda: self._edited(self.groups))
        self.targets.edited.connect(lambda: self._edited(self.targets))
        self.tiers.edited.connect(self._tiers_edited)
        page.add_loader(self._load)
        page.document.changed.connect(self._follow)

    # the project --------------------------------------------------------------
    @property
    def project(self) -> Project:
        return self.page.project

    def selected_group(self) -> CustomerGroup | None:
        row = self.groups.current_row()
        groups = self.project.customer_groups
        return groups[row] if 0 <= row < len(groups) else None

    def _new_group(self) -> CustomerGroup:
        return CustomerGroup(id=unused_group_id(self.project.customer_groups),
                             name=_("New group"))

    def _new_target(self) -> GroupTarget:
        group = self.selected_group()
        named = {o.metric for o in group.targets} if group else set()
        metric = next((m for m in self.project.metrics if m.id not in named),
                      self.project.metrics[0] if self.project.metrics else None)
        if metric is None:
            return GroupTarget()
        return GroupTarget(metric=metric.id, target=metric.target)

    def _tier_metrics(self) -> list[tuple[str, str]]:
        """The service levels credited by tiers, the ones a group's tiers can replace."""
        return [(m.id, m.name.strip() or m.id) for m in self.project.metrics
                if tiers_schedule(self.project, m.id) is not None]

    def _new_tier(self) -> TierRow:
        group = self.selected_group()
        choices = self._tier_metrics()
        metric = choices[0][0] if choices else ""
        own = [t for o in (group.credit_tiers if group else []) if o.metric == metric
               for t in o.tiers]
        if own:
            return TierRow(metric, max(min(t.below for t in own) - 1, Decimal(0)), Decimal("5"))
        level = self.project.metric_by_id(metric)
        target = group.target_for(level) if group and level else Decimal("99")
        return TierRow(metric, target, Decimal("5"))

    def _tiers_edited(self) -> None:
        group = self.selected_group()
        if group is not None:
            group.credit_tiers = grouped_tiers(self.tiers.items)
        self.page.table_edited(self.tiers)

    # showing ------------------------------------------------------------------
    def _load(self) -> None:
        self.metric_column.choices = [(m.id, m.name.strip() or m.id)
                                      for m in self.project.metrics]
        self.tier_metric_column.choices = self._tier_metrics()
        self.groups.set_items(self.project.customer_groups)
        self._show_targets()
        self.setVisible(shows_groups(self.project))

    def _show_targets(self) -> None:
        group = self.selected_group()
        self.targets.setEnabled(group is not None and bool(self.project.metrics))
        self.targets.set_items(group.targets if group is not None else [])
        self.tiers.setEnabled(group is not None and bool(self.tier_metric_column.choices))
        self.tiers.set_items(tier_rows(group) if group is not None else [])

    def _follow(self) -> None:
        """Any edit (the agreement's type, a metric renamed, an undo): show
        the latest groups, and the box only where it belongs."""
        self._load()

    def _edited(self, table: RecordTable) -> None:
        self.page.table_edited(table)
        if table is self.groups:
            self._show_targets()


def customer_groups_box(page: StepPage) -> CustomerGroupsBox:
    """The customer groups' box of the Service levels step."""
    return CustomerGroupsBox(page)
