"""Dutch contracts (nl_NL, nl_BE) read back from the .docx as a Dutch or
Flemish contracts lawyer reads them: notice periods, signing formalities,
the liability carve-out and the Belgian wording of holidays, fault and
courts."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract

CLOUD = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"


def text_of(project: Project, locale: str) -> str:
    return read_contract(render_contract(project, locale)).text


def with_every_part(project: Project) -> Project:
    """The project with the general provisions, commercial terms and
    signing formalities switched on, signed at a named place."""
    full = project.model_copy(deep=True)
    for part in ("frame", "commercial", "signing"):
        getattr(full, part).included = True
    full.signing.place = "Utrecht"
    return full


@pytest.mark.parametrize("locale", ["nl_NL", "nl_BE"])
def test_notice_period_reads_as_dutch_drafting(locale: str) -> None:
    """"ten minste" belongs to the number of days, and the notice is given
    in writing: "met inachtneming van een opzegtermijn van ten minste 30
    dagen", never "ten minste een schriftelijke opzegtermijn"."""
    text = text_of(load_project(CLOUD), locale)
    assert ("tenzij een van de partijen haar tegen het einde van de lopende periode "
            "schriftelijk opzegt met inachtneming van een opzegtermijn van ten minste "
            "30\u00a0dagen.") in text
    assert ("Elke partij kan deze overeenkomst te allen tijde schriftelijk opzeggen met "
            "inachtneming van een opzegtermijn van ten minste 30\u00a0dagen.") in text
    assert "ten minste een schriftelijke opzegtermijn" not in text
    assert "ten minste een opzegtermijn" not in text


@pytest.mark.parametrize("locale", ["nl_NL", "nl_BE"])
def test_place_of_signing_is_not_signed_twice(locale: str) -> None:
    """The signature block opens with "Aldus overeengekomen en namens
    partijen ondertekend"; the place line above it names the place only."""
    text = text_of(with_every_part(load_project(US_EXAMPLE)), locale)
    assert "Plaats van ondertekening: Utrecht." in text
    assert "Ondertekend te" not in text
    assert text.count("ondertekend") == 1 + text.count("kan in meerdere exemplaren worden "
                                                       "ondertekend")


def test_two_originals_are_made_up_not_signed_again() -> None:
    project = with_every_part(load_project(US_EXAMPLE))
    project.frame.electronic_signature = False
    text = text_of(project, "nl_NL")
    assert ("In tweevoud opgemaakt te Utrecht, waarvan elke partij een exemplaar heeft "
            "ontvangen.") in text
    assert "opgemaakt en ondertekend" not in text


def test_dutch_liability_carve_out() -> None:
    text = text_of(with_every_part(load_project(US_EXAMPLE)), "nl_NL")
    assert ("noch voor aansprakelijkheid voor overlijden of lichamelijk letsel als gevolg "
            "van nalatigheid, voor bedrog, voor grove schuld of opzet,") in text
    assert "dood of letsel" not in text
    assert "Op deze overeenkomst en op alle geschillen" in text
    assert ("uitsluitend voorgelegd aan de bevoegde rechter van het arrondissement waarin de "
            "statutaire zetel van Leverancier is gelegen.") in text
    assert "Officiële feestdagen (Oregon, Verenigde Staten)" in text


def test_belgian_contract_speaks_belgian_law() -> None:
    """nl_BE: wettelijke feestdagen, opzettelijke fout / zware fout, and
    the courts of the judicial district of the Provider's seat."""
    text = text_of(with_every_part(load_project(US_EXAMPLE)), "nl_BE")
    assert "Belgisch recht van toepassing." in text
    assert ("voor bedrog, voor opzettelijke fout of zware fout, of voor aansprakelijkheid") \
        in text
    assert ("uitsluitend voorgelegd aan de rechtbanken van het gerechtelijk arrondissement "
            "waarin de zetel van Leverancier is gevestigd.") in text
    assert "Wettelijke feestdagen (Oregon, Verenigde Staten) vallen buiten" in text
    assert "fficiële feestdagen" not in text
    assert "grove schuld" not in text
    assert "statutaire zetel" not in text


def test_provider_regrades_by_giving_reasons() -> None:
    project = load_project(US_EXAMPLE)
    project.measurement_terms.included = True
    text = text_of(project, "nl_NL")
    assert ("Leverancier kan het prioriteitsniveau van een Incident herzien door Afnemer de "
            "redenen daarvoor mee te delen;") in text
    assert "redenen aan Afnemer herzien" not in text
