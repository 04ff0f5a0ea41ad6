"""Presets in the interface language: a German user starting from a preset
gets German texts, a German contract in euros, German holidays; a language
without presets of its own gets the English ones. Every localised preset is
as complete and clean as its English original."""

from __future__ import annotations

import json

import pytest

from wizard.core.checks import Severity, check_project
from wizard.core.model import AgreementType
from wizard.core.presets import PRESETS, new_project, preset_languages, preset_path, presets_dir
from wizard.core.project_file import load_project, project_to_bytes
from wizard.core.text_language import foreign_texts

CONTRACT_LOCALE = {"de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL",
                   "pt_BR": "pt_BR"}
CURRENCY = {"de": "EUR", "fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "pt_BR": "BRL"}

LOCALISED = [(kind, language) for kind in PRESETS for language in preset_languages(kind)]


def test_each_folder_is_an_interface_language() -> None:
    folders = sorted(p.name for p in presets_dir().iterdir() if p.is_dir())
    assert set(folders) <= set(CONTRACT_LOCALE)


def test_a_language_without_its_own_presets_gets_the_english_ones() -> None:
    for kind in PRESETS:
        assert preset_path(kind, "en") == presets_dir() / f"{kind.value}.slaproj"
        assert preset_path(kind, "xx") == presets_dir() / f"{kind.value}.slaproj"


@pytest.mark.parametrize(("kind", "language"), LOCALISED,
                         ids=[f"{k.value}-{lang}" for k, lang in LOCALISED])
def test_a_localised_preset(kind: AgreementType, language: str) -> None:
    path = preset_path(kind, language)
    assert path.parent.name == language
    english = load_project(preset_path(kind))
    project = new_project(kind, language)
    assert project.agreement.type is kind
    assert project.language == CONTRACT_LOCALE[language]
    assert project.currency == CURRENCY[language]
    assert project.examples["parties.customer.name"] == project.parties.customer.name
    # the same structure as the English preset: every step as full
    assert len(project.services) == len(english.services)
    assert len(project.metrics) == len(english.metrics)
    assert [m.id for m in project.metrics] == [m.id for m in english.metrics]
    assert len(project.severity_levels) == len(english.severity_levels)
    assert project.service_credits.enabled == english.service_credits.enabled
    # saved as the program saves it
    data = json.loads(path.read_bytes())
    assert "examples" not in data
    assert json.loads(project_to_bytes(load_project(path))) == data
    # no errors, no warning beyond the English preset's own, no English text left
    problems = check_project(project)
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    english_warnings = {(p.step, p.loc) for p in check_project(new_project(kind))
                        if p.severity is Severity.WARNING}
    warnings = {(p.step, p.loc) for p in problems if p.severity is Severity.WARNING}
    assert warnings <= english_warnings, warnings - english_warnings
    assert foreign_texts(project) == []
