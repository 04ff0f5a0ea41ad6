"""The customer groups of a multi-level agreement, on the Service levels step:
a table of the groups (identifier, name, who belongs to it) and a table of
the selected group's own targets. Shown only for a multi-level agreement or a
project that has groups, so that any other project looks as before. The rules
(what a group inherits, what is wrong) are in :mod:`wizard.core.contract_groups`
and :mod:`wizard.core.group_checks`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QGroupBox

from wizard.core.model import AgreementType, CustomerGroup, GroupTarget, Project
from wizard.i18n import _
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.record_table import Column, RecordTable


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
            [self.metric_column, Column(_("Target for this group"), "target", kind="decimal")],
            self._new_target, _("own target"))
        self.targets.setMinimumHeight(120)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        page.row(form, _("Customer &groups"), self.groups, ("customer_groups",), _(
            "The level between the terms for the whole organisation and those of a single "
            "service: plans or groups of customers (Gold and Silver, Tier 1 to 4). A group "
            "keeps every target and credit of the organisation except those it sets."))
        page.row(form, _("O&wn targets of the selected group"), self.targets, None, _(
            "Only the service levels whose target differs for this group; usually a "
            "stricter one."))

        self.groups.current_changed.connect(lambda _row: self._show_targets())
        self.groups.edited.connect(lambda: self._edited(self.groups))
        self.targets.edited.connect(lambda: self._edited(self.targets))
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

    # showing ------------------------------------------------------------------
    def _load(self) -> None:
        self.metric_column.choices = [(m.id, m.name.strip() or m.id)
                                      for m in self.project.metrics]
        self.groups.set_items(self.project.customer_groups)
        self._show_targets()
        self.setVisible(shows_groups(self.project))

    def _show_targets(self) -> None:
        group = self.selected_group()
        self.targets.setEnabled(group is not None and bool(self.project.metrics))
        self.targets.set_items(group.targets if group is not None else [])

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
