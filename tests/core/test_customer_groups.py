"""Customer groups, the middle level of a multi-level agreement: saved only when
there are any, kept when saved and opened again, and a format-1 file holding the
name as an unknown key keeps it aside."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from wizard.core.migrations import format_1_to_2
from wizard.core.model import (
    CreditTier,
    CustomerGroup,
    GroupCreditTiers,
    GroupTarget,
    Metric,
    Project,
)
from wizard.core.project_file import load_project, project_to_bytes, save_project


def gold() -> CustomerGroup:
    return CustomerGroup(
        id="gold", name="Gold", description="Customers on the Gold plan.",
        targets=[GroupTarget(metric="availability", target=Decimal("99.95"))],
        credit_tiers=[GroupCreditTiers(metric="availability", tiers=[
            CreditTier(below=Decimal("99.95"), credit_percent=Decimal("10"))])])


def test_a_project_without_groups_saves_without_the_key() -> None:
    assert "customer_groups" not in json.loads(project_to_bytes(Project()))


def test_groups_are_kept_when_saved_and_opened_again(tmp_path: Path) -> None:
    project = Project(customer_groups=[gold()])
    path = tmp_path / "groups.slaproj"
    save_project(project, path)
    saved = json.loads(path.read_bytes())
    assert saved["customer_groups"][0]["targets"] == [
        {"metric": "availability", "target": "99.95"}]
    assert load_project(path).customer_groups == project.customer_groups


def test_a_group_inherits_the_targets_it_does_not_name() -> None:
    group = gold()
    availability = Metric(id="availability", target=Decimal("99.5"))
    response = Metric(id="response", target=Decimal("30"))
    assert group.target_for(availability) == Decimal("99.95")
    assert group.target_for(response) == Decimal("30")


def test_a_format_1_file_keeps_a_key_of_that_name_aside() -> None:
    data = format_1_to_2({"customer_groups": ["whatever"]})
    assert data == {"format_1_customer_groups": ["whatever"]}
