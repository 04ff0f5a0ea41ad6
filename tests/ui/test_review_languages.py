"""The Review step names text typed in another language than the contract's."""

from __future__ import annotations

import shutil
from pathlib import Path

from example_paths import US_EXAMPLE

from wizard.core.checks import Severity, Step
from wizard.ui.main_window import MainWindow


def test_english_text_in_a_spanish_contract_is_listed_and_leads_to_its_field(
        window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / US_EXAMPLE.name
    shutil.copyfile(US_EXAMPLE, copy)
    window.open_path(copy)
    project = window.document.project
    project.language = "es_ES"
    project.agreement.purpose = ("Este acuerdo fija los niveles de servicio del soporte "
                                 "informático de la clínica.")
    window.document.touch()
    window.go_to(len(window.pages) - 1)
    review = window.review_page
    foreign = [p for p in review._problems if "Spanish" in p.message]
    assert foreign and all(p.severity is Severity.WARNING for p in foreign)
    paths = [p.path for p in foreign]
    assert "reporting.contents[2]" in paths and "agreement.purpose" not in paths
    # the checks that run after an edit keep the list
    window.run_checks()
    assert [p.path for p in review._problems if "Spanish" in p.message] == paths
    row = review._problems.index(next(p for p in foreign if p.path == "reporting.contents[2]"))
    review.problem_list.itemClicked.emit(review.problem_list.item(row))
    assert window.current_page().step is Step.REPORTING
