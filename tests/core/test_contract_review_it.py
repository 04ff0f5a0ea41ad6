"""Italian contracts read as an Italian contracts lawyer reads them, from the
rendered .docx: defined terms capitalised wherever the clauses mean them, a
sole-remedy clause that keeps liability for wilful misconduct and gross
negligence (art. 1229 c.c.), worked examples and interval allowances in plain
Italian."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.model import (
    AvailabilityMethod,
    Holidays,
    MeasuredDuring,
    Project,
    SamplingMethod,
)
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

NBSP = "\u00a0"


def italian(project: Project) -> str:
    return read_contract(render_contract(project, "it_IT")).text


def msp() -> Project:
    return load_project(US_EXAMPLE)


def test_defined_terms_are_capitalised_in_the_clauses() -> None:
    """«Livello di servizio» and «Credito di servizio» are defined in section 2:
    the clauses that mean them write them as defined."""
    text = italian(msp())
    assert ("Se in un mese il Livello di servizio «Service availability» non raggiunge il "
            "proprio obiettivo, il Cliente riceve un Credito di servizio pari a una "
            "percentuale dei canoni di quel mese per i servizi interessati:") in text
    assert "Il Fornitore si impegna a rispettare i seguenti Livelli di servizio." in text
    assert "Le parti riesaminano il presente accordo e i Livelli di servizio" in text
    assert f"Il Cliente richiede per iscritto il Credito di servizio entro 30{NBSP}giorni" in text
    assert "il livello di servizio «" not in text
    assert "mancato rispetto di un livello di servizio" not in text


def test_sole_remedy_keeps_liability_for_wilful_misconduct_and_gross_negligence() -> None:
    """Art. 1229 c.c. voids any exclusion of liability for dolo or colpa grave:
    the sole-remedy clause says so instead of being void in part."""
    text = italian(msp())
    assert ("Fermi restando i diritti di recesso e di risoluzione di cui all’articolo 10 e "
            f"salvo il caso di dolo o colpa grave (art.{NBSP}1229 c.c.), i Crediti di servizio "
            "costituiscono l’unico ed esclusivo rimedio del Cliente per il mancato rispetto "
            "di un Livello di servizio.") in text


@pytest.mark.parametrize(("example", "sentence"), [
    (US_EXAMPLE, "Ad esempio, se il valore misurato è 98,7%, il Cliente riceve il 10% del "
                 f"canone mensile dei servizi interessati, pari a 2.150,00{NBSP}USD, ossia "
                 f"215,00{NBSP}USD."),
    (ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj",
     "Ad esempio, se il valore misurato è 98,7%, il Cliente riceve il 25% del canone mensile "
     f"dei servizi interessati, pari a 113,90{NBSP}€, ossia 28,48{NBSP}€."),
])
def test_worked_example_states_the_measured_value_plainly(example: Path, sentence: str) -> None:
    """Not «pari a 98,7%» (a percentage takes the article after «pari»): the
    measured value stands as the predicate, whatever its unit."""
    text = italian(load_project(example))
    assert sentence in text
    assert "valore misurato pari a" not in text


def test_failed_intervals_are_intervals_with_a_negative_result() -> None:
    """A sampled interval in which the service is found unavailable has a
    negative result; «intervallo non superato» (not exceeded) says nothing."""
    project = msp()
    metric = project.metrics[0]
    metric.target = Decimal("99.9")
    metric.measured_during = MeasuredDuring.ALWAYS
    metric.method = AvailabilityMethod(method=SamplingMethod.SAMPLED_INTERVAL,
                                       interval_minutes=5)
    project.schedule.public_holidays = Holidays.INCLUDED
    project.schedule.maintenance_windows = []
    text = italian(project)
    assert (f"Un obiettivo del 99,9% consente 8 intervalli con esito negativo, pari a "
            f"40{NBSP}minuti di Indisponibilità, in un mese di 30{NBSP}giorni.") in text
    assert "non superat" not in text
