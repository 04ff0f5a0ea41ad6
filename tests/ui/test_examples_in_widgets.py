"""Each shipped example, opened in the window, shows its values on every step; a wrong
value is marked on its field and its step."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from example_paths import US_EXAMPLE
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.explain import minutes_text
from wizard.core.model import StandardExclusion
from wizard.ui.main_window import MainWindow, StepState
from wizard.ui.widgets.record_table import RecordTable

LEFT = Qt.MouseButton.LeftButton


def column(records: RecordTable, index: int) -> list[str]:
    texts = []
    for row in range(records.table.rowCount()):
        item = records.table.item(row, index)
        assert item is not None
        texts.append(item.text())
    return texts


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def weekly_total(blocks: list[dict[str, Any]]) -> str:
    """The weekly total the hours editor shows for ``blocks`` as the file has them."""
    if not blocks:
        return "Around the clock (24×7): 168 hours a week"
    minutes = sum(len(b["days"]) * (_minutes(b["end"]) - _minutes(b["start"])) for b in blocks)
    assert minutes % 60 == 0, "the examples have whole hours"
    return f"{minutes // 60} hours a week"


def test_every_step_shows_the_example(window: MainWindow, qtbot: QtBot,
                                      example_path: Path) -> None:
    """Opening an example would show empty, stale or wrong values on some step."""
    data = json.loads(example_path.read_text(encoding="utf-8"))
    assert window.open_path(example_path)

    def next_page(step: Step) -> Any:
        qtbot.mouseClick(window.next_button, LEFT)
        page = window.current_page()
        assert page.step is step
        return page

    page: Any = window.current_page()
    agreement = data["agreement"]
    assert page.step is Step.BASICS
    assert page.title_edit.text() == agreement["title"]
    assert page.reference_edit.text() == agreement["reference"]
    assert page.date_edit.text() == agreement["effective_date"]
    assert page.language_combo.currentText().endswith(f"({data['language']})")
    assert page.currency_combo.currentText().startswith(data["currency"])
    assert page.purpose_edit.toPlainText() == agreement["purpose"]
    assert column(page.definitions.items, 0) == [d["term"] for d in agreement["definitions"]]
    assert page.term_edit.text() == agreement["definitions"][0]["term"]
    assert page.definition_edit.toPlainText() == agreement["definitions"][0]["definition"]

    page = next_page(Step.PARTIES)
    parties = data["parties"]
    for fields, party in ((page.provider, parties["provider"]),
                          (page.customer, parties["customer"])):
        assert fields.name_edit.text() == party["name"]
        assert fields.address_edit.toPlainText() == party["address"]
        assert fields.registration_edit.text() == party["registration"]
        assert fields.signatory_name_edit.text() == party["signatory"]["name"]
        assert fields.signatory_title_edit.text() == party["signatory"]["title"]

    page = next_page(Step.STAKEHOLDERS)
    contacts = data["contacts"]
    assert column(page.contacts.items, 0) == [
        f"{c['name']} – {c['role']}" if c["role"] else c["name"] for c in contacts]
    assert page.name_edit.text() == contacts[0]["name"]
    assert page.party_combo.currentText() == parties[contacts[0]["party"]]["name"]
    assert page.role_edit.text() == contacts[0]["role"]
    assert page.email_edit.text() == contacts[0]["email"]
    assert page.responsibilities_edit.lines() == contacts[0]["responsibilities"]

    page = next_page(Step.SERVICES)
    services = data["services"]
    assert column(page.services, 0) == [s["id"] for s in services]
    assert column(page.services, 1) == [s["name"] for s in services]
    assert page.name_edit.text() == services[0]["name"]
    assert page.description_edit.toPlainText() == services[0]["description"]
    assert page.included_edit.lines() == services[0]["included"]
    assert page.fee_edit.text() == (services[0]["monthly_fee"] or "")

    page = next_page(Step.SCHEDULE)
    schedule = data["schedule"]
    assert page.zone_combo.currentText() == schedule["timezone"]
    assert page.region_edit.text() == schedule["holiday_region"]
    assert page.coverage.total_label.text() == weekly_total(schedule["coverage"])
    assert page.support.total_label.text() == weekly_total(schedule["support_coverage"])
    assert column(page.windows, 1) == [w["start"] for w in schedule["maintenance_windows"]]
    assert column(page.windows, 2) == [str(w["duration_minutes"])
                                       for w in schedule["maintenance_windows"]]
    assert page.notice_spin.value() == schedule["maintenance_notice_hours"]
    assert page.max_spin.optional_value() == schedule["max_maintenance_minutes_per_month"]

    page = next_page(Step.METRICS)
    metrics = data["metrics"]
    assert column(page.metrics_table, 0) == [m["name"] for m in metrics]
    assert column(page.metrics_table, 3) == [m["target"] for m in metrics]
    assert column(page.metrics_table, 4) == [m["unit"] for m in metrics]
    assert page.id_edit.text() == metrics[0]["id"]
    assert page.target_edit.text() == metrics[0]["target"]
    assert page.measurement_edit.toPlainText() == metrics[0]["measurement"]
    assert page.baseline_edit.text() == (metrics[0]["baseline"] or "")
    levels = data["severity_levels"]
    assert column(page.levels_table, 0) == [lv["id"] for lv in levels]
    assert column(page.levels_table, 1) == [lv["name"] for lv in levels]
    assert column(page.levels_table, 2) == [minutes_text(lv["response_minutes"]) for lv in levels]

    page = next_page(Step.CREDITS)
    credits = data["service_credits"]
    assert page.enabled_box.isChecked() is credits["enabled"]
    assert page.details.isEnabled() is credits["enabled"]
    if credits["metric"] is not None:
        metric = next(m for m in metrics if m["id"] == credits["metric"])
        assert page.metric_combo.currentText() == metric["name"]
    assert column(page.tiers, 0) == [t["below"] for t in credits["tiers"]]
    assert column(page.tiers, 1) == [t["credit_percent"] for t in credits["tiers"]]
    assert page.cap_edit.text() == (credits["cap_percent"] or "")
    assert page.claim_spin.value() == credits["claim_window_days"]
    assert page.sole_remedy_box.isChecked() is credits["sole_remedy"]

    page = next_page(Step.REPORTING)
    reporting = data["reporting"]
    assert page.recipient_combo.currentText() == reporting["recipient"]
    assert page.frequency_combo.currentText() == reporting["frequency"].capitalize()
    assert page.review_combo.currentText() == reporting["review_frequency"].capitalize()
    assert page.contents_edit.lines() == reporting["contents"]
    assert page.baseline_box.isChecked() is reporting["baseline_review"]

    page = next_page(Step.EXCLUSIONS)
    exclusions = data["exclusions"]
    for key, box in page.exclusion_boxes.items():
        assert box.isChecked() is (key.value in exclusions["standard"]), key
    assert page.custom_edit.lines() == exclusions["custom"]

    page = next_page(Step.TERMINATION)
    term = data["termination"]
    assert page.initial_spin.value() == term["initial_term_months"]
    assert page.auto_renew_box.isChecked() is term["auto_renew"]
    assert page.renewal_spin.value() == term["renewal_term_months"]
    assert page.notice_spin.value() == term["notice_days"]
    assert page.convenience_spin.optional_value() == term["for_convenience_notice_days"]
    assert page.consecutive_spin.optional_value() == (
        term["chronic_failure"]["consecutive_months"])
    assert page.in_year_spin.optional_value() == term["chronic_failure"]["months_in_year"]
    assert page.cure_spin.value() == term["cure_days"]
    assert page.data_return_spin.value() == term["data_return_days"]
    assert page.amendments_edit.toPlainText() == term["amendments"]

    page = next_page(Step.APPEARANCE)
    assert page.colour_button.text() == "Template default"
    assert page.font_combo.currentText() == "Template default"
    assert page.logo_name.text() == "The contract has no logo."

    page = next_page(Step.REVIEW)
    assert page.generate_button.isEnabled()
    assert not window.isWindowModified()
    assert window.document.project.exclusions.standard == [
        StandardExclusion(key) for key in exclusions["standard"]]


def test_a_percentage_target_over_100_marks_the_field_and_the_step(
        window: MainWindow, qtbot: QtBot) -> None:
    """A user typing an impossible 120 % target would get no warning until the contract."""
    assert window.open_path(US_EXAMPLE)
    index = next(i for i, p in enumerate(window.pages) if p.step is Step.METRICS)
    window.go_to(index)
    page: Any = window.current_page()
    assert page.metrics_table.current_row() == 0
    assert page.unit_combo.currentText() == "percent"
    # the example's Critical level is answered at all times, support keeps office hours
    assert window.step_state(Step.METRICS) == StepState.WARNINGS

    page.target_edit.setFocus()
    page.target_edit.selectAll()
    qtbot.keyClicks(page.target_edit, "120")
    assert window.document.project.metrics[0].target == Decimal("120")

    # the checks run once the user pauses
    qtbot.waitUntil(lambda: window.step_state(Step.METRICS) == StepState.ERRORS, timeout=3000)
    match = page._field_for(("metrics", 0, "target"))
    assert match is not None
    widget, message = match[1], match[2]
    assert widget is page.target_edit
    assert any("between 0 and 100" in text for text in message.messages())
    assert message.isVisibleTo(page)
    assert "between 0 and 100" in message.accessibleName()

    item = window.step_list.item(index)
    accessible = item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Service levels, has errors"
    assert item.toolTip() == "has errors"

    page.target_edit.selectAll()
    qtbot.keyClicks(page.target_edit, "99.9")
    window.run_checks()
    assert window.step_state(Step.METRICS) == StepState.WARNINGS
    assert message.messages() == []
    assert window.step_list.item(index).data(
        Qt.ItemDataRole.AccessibleTextRole) == "Service levels, has warnings"

