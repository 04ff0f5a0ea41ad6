"""Spanish contracts (es_ES, es_MX) read back from the .docx as a Spanish or
Mexican lawyer reads them: defined terms capitalised, the boilerplate in
grammatical Spanish, and the Mexican contract in Mexican drafting practice
(notice "con N días de anticipación", submission to the courts with the
waiver of any other forum, “…” quotes throughout)."""

from __future__ import annotations

import re
from functools import cache

import pytest
from docx_reading import read_contract
from every_part import every_part_on
from example_paths import ROOT

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

MSP = ROOT / "resources" / "examples" / "msp-it-support.slaproj"
CLOUD = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"


def full(project: Project) -> Project:
    """The project with every optional legal part switched on."""
    return every_part_on(project, place="Madrid")


@cache
def text(example: str, locale: str, with_parts: bool = False) -> str:
    project = load_project(MSP if example == "msp" else CLOUD)
    if with_parts:
        project = full(project)
    return re.sub(r"[ \t\n]+", " ", read_contract(render_contract(project, locale)).text)


@pytest.mark.parametrize("locale", ["es_ES", "es_MX"])
def test_chronic_failure_names_the_defined_service_level(locale: str) -> None:
    body = text("msp", locale)
    assert "si se incumple el mismo Nivel de Servicio en 3\u00a0meses consecutivos" in body
    assert "mismo nivel de servicio" not in body


@pytest.mark.parametrize("locale", ["es_ES", "es_MX"])
def test_counterparts_clause_is_grammatical(locale: str) -> None:
    body = text("msp", locale, True)
    assert ("cada uno de los cuales tendrá la consideración de original, y todos ellos, "
            "en conjunto, constituirán un único y mismo acuerdo.") in body
    assert "original y que, en conjunto" not in body


def test_liability_carve_out_names_fraud_wilful_misconduct_and_gross_negligence() -> None:
    body = text("msp", "es_ES", True)
    assert ("a la responsabilidad por muerte o daños personales causados por negligencia, a la "
            "responsabilidad por fraude, dolo o culpa grave, ni a ninguna responsabilidad") in body
    assert "por fraude, por culpa grave o dolo" not in body


def test_spain_keeps_preaviso_and_its_own_courts_clause() -> None:
    body = text("cloud", "es_ES")
    assert "con al menos 30\u00a0días de preaviso por escrito antes de la fecha" in body
    body = text("msp", "es_ES", True)
    assert "se regirán por la legislación española." in body
    assert ("se someterá a la jurisdicción exclusiva de los juzgados y tribunales competentes "
            "del lugar del domicilio social del Proveedor.") in body
    assert "renunciando" not in body


def test_mexican_notice_is_given_with_anticipation_not_preaviso() -> None:
    body = text("cloud", "es_MX")
    assert "preaviso" not in body
    assert ("notifique a la otra su voluntad de no renovarlo con al menos 30\u00a0días de "
            "anticipación, mediante aviso por escrito, antes de la fecha de finalización "
            "del periodo en curso.") in body
    assert ("podrá dar por terminado anticipadamente el presente acuerdo en cualquier momento, "
            "con al menos 30\u00a0días de anticipación, mediante aviso por escrito.") in body


def test_mexican_law_and_submission_to_the_courts() -> None:
    body = text("msp", "es_MX", True)
    assert "se regirán por las leyes federales de los Estados Unidos Mexicanos." in body
    assert ("las partes se someten expresamente a la jurisdicción de los juzgados y tribunales "
            "competentes del lugar del domicilio social del Proveedor, renunciando a cualquier "
            "otro fuero que pudiera corresponderles por razón de sus domicilios presentes o "
            "futuros o por cualquier otra causa.") in body


def test_mexican_contract_quotes_the_mexican_way_throughout() -> None:
    body = text("msp", "es_MX", True)
    assert ("El Nivel de Servicio “Service availability” se mide durante el Horario de Cobertura"
            in body)
    assert "conforme a lo establecido en la cláusula 6.3." in body
    assert "«" not in body and "»" not in body
    assert "«Service availability»" in text("msp", "es_ES", True)


@pytest.mark.parametrize("locale", ["es_ES", "es_MX"])
def test_maintenance_exclusions_read_alike_in_spain_and_mexico(locale: str) -> None:
    body = text("cloud", locale)
    assert "comunicado lo antes que sea razonablemente posible." in body
    assert "antelación" not in body if locale == "es_MX" else "antelación" in body
