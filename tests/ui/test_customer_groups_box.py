"""The customer groups on the Service levels step, driven through their widgets:
hidden for an agreement of one level, edited in two tables, undone like any edit."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from example_paths import US_EXAMPLE
from page_driving import edit_cell, open_page
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.ui.document import ProjectDocument
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.customer_groups import CustomerGroupsBox
from wizard.ui.pages.metrics import MetricsPage


def groups_box(page: MetricsPage) -> CustomerGroupsBox:
    box = page.findChild(CustomerGroupsBox)
    assert isinstance(box, CustomerGroupsBox)
    return box



def test_an_agreement_of_one_level_shows_no_groups(
        qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = open_page(qtbot, MetricsPage, us_document)
    assert not us_document.project.customer_groups
    assert not groups_box(page).isVisibleTo(page)


def test_a_group_and_its_own_target_are_added_and_undone(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    data = json.loads(US_EXAMPLE.read_bytes())
    data["agreement"]["type"] = "multi_level"
    path = tmp_path / "levels.slaproj"
    shutil.copy(US_EXAMPLE, path)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_path(path)
    window.go_to(window.pages.index_of(Step.METRICS))
    page = window.current_page()
    assert isinstance(page, MetricsPage)
    box = groups_box(page)
    assert box.isVisibleTo(page)

    box.groups.add_button.click()
    project = window.document.project
    assert [g.id for g in project.customer_groups] == ["group"]
    edit_cell(qtbot, box.groups, 0, 1, "Gold", "Gold")
    edit_cell(qtbot, box.groups, 0, 2, "Customers on the Gold plan", "Customers on the Gold plan")
    assert box.targets.isEnabled()
    box.targets.add_button.click()
    uptime = project.metrics[0]
    (own,) = window.document.project.customer_groups[0].targets
    assert own.metric == uptime.id and own.target == uptime.target
    edit_cell(qtbot, box.targets, 0, 1, "99.95", Decimal("99.95"))
    group = window.document.project.customer_groups[0]
    assert (group.name, group.description) == ("Gold", "Customers on the Gold plan")
    assert group.targets[0].target == Decimal("99.95")
    assert box.targets.table.item(0, 0).text() == uptime.name

    assert box.tiers.isEnabled()  # the example credits the availability level by tiers
    box.tiers.add_button.click()
    (own_tiers,) = window.document.project.customer_groups[0].credit_tiers
    assert own_tiers.metric == uptime.id
    assert [(t.below, t.credit_percent) for t in own_tiers.tiers] == [
        (Decimal("99.95"), Decimal("5"))]
    edit_cell(qtbot, box.tiers, 0, 2, "10", Decimal("10"))
    assert window.document.project.customer_groups[0].credit_tiers[0].tiers[0].credit_percent \
        == Decimal("10")

    window.undo_action.trigger()  # the credit typed
    window.undo_action.trigger()  # the tier added
    assert window.document.project.customer_groups[0].credit_tiers == []
    assert box.tiers.table.rowCount() == 0
    for _step in range(4):  # the target, the target added, the description, the name
        window.undo_action.trigger()
    assert [g.name for g in window.document.project.customer_groups] == ["New group"]
    window.undo_action.trigger()  # the group added
    assert window.document.project.customer_groups == []
    assert box.groups.table.rowCount() == 0
    window.redo_action.trigger()
    assert [g.id for g in window.document.project.customer_groups] == ["group"]
