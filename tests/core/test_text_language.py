"""Text typed in another language than the contract's is warned about, by field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from example_paths import ROOT

import wizard.cli
from wizard.core.checks import Severity, text_language_problems
from wizard.core.project_file import load_project, save_project
from wizard.core.steps import Step
from wizard.core.text_language import foreign_texts, identify

EXAMPLES = ROOT / "resources" / "examples"
US = EXAMPLES / "msp-it-support.slaproj"
FR = EXAMPLES / "cloud-hosting-fr.slaproj"
DE = EXAMPLES / "internal-leads-de.slaproj"


@pytest.mark.parametrize("example", [US, FR, DE], ids=lambda p: p.stem)
def test_an_example_in_its_own_language_has_no_foreign_text(example: Path) -> None:
    assert text_language_problems(load_project(example)) == []


def test_english_report_contents_in_a_spanish_contract_are_named() -> None:
    project = load_project(US)
    project.language = "es_ES"
    project.agreement.purpose = ("Este acuerdo establece los niveles de servicio del soporte "
                                 "informático de la clínica dental.")
    project.reporting.contents = ["Disponibilidad de cada servicio durante el mes",
                                  "Response and resolution times for every ticket"]
    paths = {p.path: p for p in text_language_problems(project)}
    # fields are named as people count: the second line is [2]
    assert "reporting.contents[2]" in paths
    assert "reporting.contents[1]" not in paths
    assert "agreement.purpose" not in paths
    found = paths["reporting.contents[2]"]
    assert found.severity is Severity.WARNING and found.step is Step.REPORTING
    assert "English" in found.message and "Spanish" in found.message


def test_a_whole_english_project_rendered_in_spanish_is_warned_field_by_field() -> None:
    project = load_project(US)
    found = foreign_texts(project, "es_ES")
    assert {f.language for f in found} == {"en"}
    steps = {f.step for f in found}
    assert {Step.BASICS, Step.SERVICES, Step.REPORTING} <= steps


@pytest.mark.parametrize("text", ["Hosting", "Service Desk", "Web shop uptime", "", "  "])
def test_names_and_short_texts_are_not_judged(text: str) -> None:
    assert identify(text) is None


def test_german_text_in_an_english_contract(tmp_path: Path) -> None:
    project = load_project(US)
    project.exclusions.custom = ["Ausfälle, die der Kunde durch eigene Änderungen verursacht"]
    assert [(f.path, f.step) for f in text_language_problems(project)] == [
        ("exclusions.custom[1]", Step.EXCLUSIONS)]


def test_check_warns_for_the_language_asked_for(tmp_path: Path) -> None:
    out = io.StringIO()
    code = wizard.cli.main(["check", str(US), "--language", "es_ES"], out=out, err=io.StringIO())
    text = out.getvalue()
    assert code == 0  # a warning does not stop anything
    assert "warning: reporting.contents[2]:" in text
    assert "English" in text and "Spanish" in text


def test_generate_in_another_language_lists_the_foreign_fields(tmp_path: Path) -> None:
    project = load_project(US)
    copy = tmp_path / "us.slaproj"
    save_project(project, copy)
    out = io.StringIO()
    code = wizard.cli.main(["generate", str(copy), "--language", "es_ES",
                            "-o", str(tmp_path / "es.docx")], out=out, err=io.StringIO())
    assert code == 0
    assert (tmp_path / "es.docx").exists()
    assert "warning: agreement.purpose:" in out.getvalue()


def test_a_contract_language_without_contracts_is_not_judged() -> None:
    """A project in ja_JP is a problem of its own (the contract languages are
    listed); the language check does not fail on a locale with no data."""
    project = load_project(ROOT / "resources" / "examples" / "msp-it-support.slaproj")
    project.language = "ja_JP"
    assert text_language_problems(project) == []
