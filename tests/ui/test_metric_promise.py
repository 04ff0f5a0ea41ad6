"""A level promised otherwise than the agreement, an availability level worked
out per resource, and resolution times promised as objectives: set on the
Service levels step as a user would, saved, reopened and read back from the
contract."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_format_2_fields import choose, contract, reopened, shown

from wizard.core.model import Commitment, MetricKind
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.metrics import MetricsPage


def test_one_level_promised_as_efforts_only(qtbot: QtBot, us_document: ProjectDocument,
                                            tmp_path: Path) -> None:
    page = shown(qtbot, MetricsPage, us_document)
    combo = page.promise.commitment_combo
    page.metrics_table.select_row(1)
    assert combo.currentText() == "As the agreement says (firm)"
    choose(qtbot, combo, "Commercially reasonable efforts to meet it")
    metric = us_document.project.metrics[1]
    assert metric.commitment is Commitment.REASONABLE_EFFORTS
    page.metrics_table.select_row(0)
    assert combo.currentText() == "As the agreement says (firm)"

    document = reopened(us_document, tmp_path)
    again = shown(qtbot, MetricsPage, document)
    again.metrics_table.select_row(1)
    assert again.promise.commitment_combo.currentText() == \
        "Commercially reasonable efforts to meet it"
    assert (f"For “{metric.name}”, the Provider does not promise to meet the target but uses "
            "commercially reasonable efforts to meet it.") in contract(document.project).text


def test_availability_worked_out_per_instance(qtbot: QtBot,
                                              us_document: ProjectDocument) -> None:
    page = shown(qtbot, MetricsPage, us_document)
    metrics = us_document.project.metrics
    availability = next(i for i, m in enumerate(metrics) if m.kind is MetricKind.AVAILABILITY)
    other = next(i for i, m in enumerate(metrics) if m.kind is not MetricKind.AVAILABILITY)
    page.metrics_table.select_row(other)
    assert not page.promise.resource_row.isVisibleTo(page)
    page.metrics_table.select_row(availability)
    assert page.promise.resource_row.isVisibleTo(page)
    page.promise.resource_edit.setFocus()
    qtbot.keyClicks(page.promise.resource_edit, "workstation")
    assert metrics[availability].method.per_resource == "workstation"
    assert "is worked out for each workstation separately" in contract(
        us_document.project).text


def test_resolution_times_as_objectives(qtbot: QtBot, us_document: ProjectDocument) -> None:
    page = shown(qtbot, MetricsPage, us_document)
    choose(qtbot, page.resolution_combo,
           "Objectives: commercially reasonable efforts to resolve within them")
    assert us_document.project.agreement.resolution_commitment is \
        Commitment.REASONABLE_EFFORTS
    assert "uses commercially reasonable efforts to resolve them within the resolution " \
        "times" in contract(us_document.project).text


def test_a_presets_measurement_wording_is_an_example(qtbot: QtBot) -> None:
    """The novice sent "from the patch management console" to a dentist: a preset's
    measurement texts are examples, shown as such until typed over."""
    from wizard.core.model import AgreementType
    from wizard.core.presets import new_project

    document = ProjectDocument(new_project(AgreementType.CUSTOMER_BASED))
    page = shown(qtbot, MetricsPage, document)
    page.metrics_table.select_row(0)
    edit = page.measurement_edit
    assert edit.toPlainText() == ""
    assert edit.placeholderText() == document.project.metrics[0].measurement
    edit.setFocus()
    qtbot.keyClicks(edit, "Uptime monitor checking the website every minute")
    assert document.project.metrics[0].measurement == \
        "Uptime monitor checking the website every minute"
    assert "metrics.0.measurement" not in document.project.examples
