"""How firmly each service level is promised: the agreement's commitment,
a level that differs from it, and resolution times promised as efforts only
while response times stay firm (SafePoint's SLA). Read back from the
contract in English and German, the wizard's sentences, and the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.explain import commitment_sentence
from wizard.core.model import Commitment, Project
from wizard.core.project_file import load_project, save_project
from wizard.core.render import render_contract
from wizard.core.summaries import service_levels_text

SAFEPOINT = ROOT / "resources" / "examples" / "real" / "safepoint-it-msp.slaproj"


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def text_of(project: Project, locale: str = "en_US") -> str:
    return read_contract(render_contract(project, locale)).text


def test_one_level_promised_as_efforts_only(us: Project) -> None:
    names = [metric.name for metric in us.metrics]
    assert "does not promise to meet the target" not in text_of(us)
    us.metrics[1].commitment = Commitment.REASONABLE_EFFORTS
    us.metrics[2].commitment = Commitment.REASONABLE_EFFORTS
    text = text_of(us)
    assert "The Provider meets the following Service Levels." in text
    assert (f"For “{names[1]}” and “{names[2]}”, the Provider does not promise to meet the "
            "target but uses commercially reasonable efforts to meet it.") in text
    # the same value as the agreement's says nothing more
    us.metrics[1].commitment = Commitment.WILL_MEET
    assert f"For “{names[2]}”, the Provider does not promise" in text_of(us)


def test_one_level_firm_in_an_efforts_only_agreement(us: Project) -> None:
    us.agreement.commitment = Commitment.REASONABLE_EFFORTS
    us.metrics[0].commitment = Commitment.WILL_MEET
    text = text_of(us)
    assert "The Provider uses commercially reasonable efforts to meet the following" in text
    assert f"“{us.metrics[0].name}” the Provider meets without qualification." in text


def test_the_wizard_says_which_levels_differ(us: Project) -> None:
    us.metrics[1].commitment = Commitment.REASONABLE_EFFORTS
    assert commitment_sentence(us).endswith(f"Efforts only for one level: {us.metrics[1].name}.")
    assert service_levels_text(us) == "4, 1 as commercially reasonable efforts"


def test_resolution_times_as_efforts_only() -> None:
    project = load_project(SAFEPOINT)
    assert project.agreement.resolution_commitment is Commitment.REASONABLE_EFFORTS
    assert ("The Provider responds to Incidents within the response times, and uses "
            "commercially reasonable efforts to resolve them within the resolution times:"
            ) in text_of(project)
    project.agreement.resolution_commitment = Commitment.WILL_MEET
    assert ("The Provider responds to and resolves Incidents within these times:"
            in text_of(project))


def test_saved_only_when_set(us: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.slaproj"
    save_project(us, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "resolution_commitment" not in data["agreement"]
    assert all("commitment" not in metric for metric in data["metrics"])
    us.metrics[0].commitment = Commitment.REASONABLE_EFFORTS
    us.agreement.resolution_commitment = Commitment.REASONABLE_EFFORTS
    save_project(us, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["metrics"][0]["commitment"] == "reasonable_efforts"
    assert data["agreement"]["resolution_commitment"] == "reasonable_efforts"
    assert load_project(path) == us


def test_in_german(us: Project) -> None:
    us.metrics[1].commitment = Commitment.REASONABLE_EFFORTS
    german = text_of(us, "de_DE")
    assert f"„{us.metrics[1].name}“" in german or f"“{us.metrics[1].name}”" in german
