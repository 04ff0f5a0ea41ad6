"""French and Belgian contracts read back from the .docx as a lawyer of the
country reads them: defined terms capitalised where they are meant, the
signing formula of French deeds, and the Belgian wording of the clauses
Belgian drafting words differently."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import ROOT

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

EXAMPLES = ROOT / "resources" / "examples"
CLOUD = EXAMPLES / "cloud-hosting-fr.slaproj"
INTERNAL = EXAMPLES / "internal-leads-de.slaproj"


def text_of(project: Project, locale: str) -> str:
    return read_contract(render_contract(project, locale)).text


@pytest.mark.parametrize("locale", ["fr_FR", "fr_BE"])
def test_no_credits_sentence_names_the_defined_service_level(locale: str) -> None:
    """The internal example has no credits: a missed level is handled through
    escalation and reviews. "Niveau de service" is a defined term there, and
    the sentence means it."""
    text = text_of(load_project(INTERNAL), locale)
    assert "Le présent accord ne prévoit aucun crédit de service. Le non-respect d\u2019un " \
           "Niveau de service est traité selon la procédure d\u2019escalade" in text
    assert "d\u2019un niveau de service est" not in text


def _signed_at(place: str, electronic: bool) -> Project:
    project = load_project(CLOUD)
    project.signing.included = True
    project.signing.place = place
    project.frame.included = True
    project.frame.electronic_signature = electronic
    return project


@pytest.mark.parametrize("electronic", [True, False])
def test_place_of_signing_is_the_french_formula(electronic: bool) -> None:
    """« Fait à Lyon », then « Fait le … » under each signature: together the
    French formula « Fait à …, le … », never a form label."""
    contract = read_contract(render_contract(_signed_at("Lyon", electronic), "fr_FR"))
    assert "Lieu de signature" not in contract.text
    expected = ("Fait à Lyon." if electronic else
                "Fait à Lyon. Chacune des parties reçoit un exemplaire original.")
    assert expected in contract.body
    signatures = contract.tables[-1]
    assert signatures[0][0].rstrip().endswith("Fait le \u2026")


def test_without_a_place_each_signature_says_where_and_when() -> None:
    project = load_project(CLOUD)
    text = text_of(project, "fr_FR")
    assert "Fait à \u2026, le \u2026" in text
    assert "Fait à ." not in text


def _framed() -> Project:
    project = load_project(CLOUD)
    project.frame.included = True
    project.commercial.included = True
    return project


def test_belgian_contract_names_belgian_courts_and_vat() -> None:
    """Belgian drafting: the courts of a judicial district (arrondissement
    judiciaire) of the Provider's seat (siège, since the 2019 companies code),
    and fees « hors TVA »; the rest of the catalog is the French one."""
    text = text_of(_framed(), "fr_BE")
    assert ("Tout litige né du présent accord ou s\u2019y rapportant est porté exclusivement "
            "devant les cours et tribunaux de l\u2019arrondissement judiciaire dans lequel le "
            "Prestataire a son siège.") in text
    assert "Toutes les redevances s\u2019entendent hors TVA\u00a0; la TVA et toute autre taxe " \
           "similaire sont dues en sus par le Client au taux applicable." in text
    assert "droit belge" in text
    assert "siège social" not in text
    assert "hors taxes" not in text


def test_french_contract_keeps_french_courts_and_vat() -> None:
    text = text_of(_framed(), "fr_FR")
    assert "devant les juridictions compétentes dans le ressort desquelles se trouve le " \
           "siège social du Prestataire." in text
    assert "Toutes les redevances s\u2019entendent hors taxes" in text
    assert "arrondissement judiciaire" not in text
    assert "droit français" in text
