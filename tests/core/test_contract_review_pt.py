"""Brazilian contracts read back from the rendered .docx: defined terms
capitalised where they are meant, section numbers kept with their word, and
an electronic signature clause with its Brazilian legal basis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT, SHARED_EXAMPLES

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

NBSP = "\u00a0"


def example(name: str) -> Path:
    shared = SHARED_EXAMPLES / f"{name}.slaproj"
    return shared if shared.exists() else ROOT / "resources" / "examples" / f"{name}.slaproj"


def text_of(project: Project) -> str:
    return read_contract(render_contract(project, "pt_BR")).text


def with_frame(project: Project) -> Project:
    project = project.model_copy(deep=True)
    project.frame.included = True
    project.frame.electronic_signature = True
    return project


@pytest.fixture(scope="module")
def msp() -> str:
    return text_of(load_project(example("msp-it-support")))


def test_service_levels_and_credits_are_the_defined_terms(msp: str) -> None:
    """"Nível de Serviço" and "Crédito de Serviço" are defined in section 2,
    so the clauses that mean them write them capitalised, as the English
    writes Service Level and Service Credit."""
    assert "O Prestador cumprirá os Níveis de Serviço a seguir." in msp
    assert "o Cliente fará jus a um Crédito de Serviço," in msp
    assert "Os Créditos de Serviço de cada mês ficam limitados a 25%" in msp
    assert "Os Créditos de Serviço constituem a única e exclusiva reparação do Cliente " \
        "pelo descumprimento de um Nível de Serviço" in msp
    assert "O Cliente deverá solicitar o Crédito de Serviço por escrito" in msp
    assert "se o mesmo Nível de Serviço for descumprido" in msp
    assert "As partes revisarão o presente acordo e os Níveis de Serviço" in msp
    assert "quando um Nível de Serviço é descumprido" in msp
    assert "os níveis de serviço a seguir" not in msp
    assert "Os créditos de serviço" not in msp
    assert "mesmo nível de serviço" not in msp
    # headings and table labels stay in sentence case
    assert "# Níveis de serviço" in msp
    assert "# Créditos de serviço" in msp


def test_no_credits_keeps_generic_credits_lower_case() -> None:
    text = text_of(load_project(example("internal-leads-de")))
    assert "O presente acordo não prevê créditos de serviço. O descumprimento de um " \
        "Nível de Serviço será tratado" in text


def test_section_numbers_stay_with_their_word() -> None:
    """"cláusula" never ends a line with its number on the next one."""
    texts = [text_of(load_project(example(name)))
             for name in ("msp-it-support", "internal-leads-de", "cloud-hosting-fr")]
    joined = "\n".join(texts)
    assert f"cláusula{NBSP}10" in joined
    assert f"na cláusula{NBSP}3.1 e nas revisões previstas na cláusula{NBSP}8." in joined
    assert not re.search(r"cláusulas? \d", joined)


def test_electronic_signature_names_its_legal_basis() -> None:
    text = text_of(with_frame(load_project(example("msp-it-support"))))
    assert ("assinatura eletrônica, ainda que sem certificado emitido pela ICP-Brasil, nos "
            f"termos do art.{NBSP}10, §{NBSP}2º, da Medida Provisória nº{NBSP}2.200-2/2001") in text
    assert "tal como a assinatura manuscrita." in text


@pytest.mark.parametrize("name", ["msp-it-support", "internal-leads-de"])
def test_closing_formula_names_the_witnesses_who_sign(name: str) -> None:
    """Every Brazilian contract prints two witnesses (CPC art. 784, III); the
    closing formula says the parties sign in their presence."""
    contract = read_contract(render_contract(load_project(example(name)), "pt_BR"))
    closing = ("E, por estarem assim ajustadas, as partes assinam o presente acordo por meio de "
               "seus representantes, na presença das duas testemunhas abaixo assinadas:")
    assert closing in contract.body
    assert "Testemunhas:" in contract.body
    assert contract.body.index(closing) < contract.body.index("Testemunhas:")
