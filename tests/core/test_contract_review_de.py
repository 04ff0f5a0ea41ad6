"""German, Austrian and Swiss contracts read back from the .docx as a lawyer of
each country reads them: the legal frame, the commercial terms and the
measurement clauses with every optional part switched on."""

from __future__ import annotations

import pytest
from every_part import contract_text, every_part_on
from example_paths import ROOT

from wizard.core.model import Project
from wizard.core.project_file import load_project

CLOUD = ROOT / "resources" / "examples" / "cloud-hosting-fr.slaproj"


GERMAN = ("de_DE", "de_AT", "de_CH")
MERCHANT = "sofern der Kunde Kaufmann, juristische Person des öffentlichen Rechts"


def full() -> Project:
    return every_part_on(load_project(CLOUD))


text_of = contract_text


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    project = full()
    return {locale: text_of(project, locale) for locale in GERMAN}


def test_data_protection_sentence_closes_its_clauses(texts: dict[str, str]) -> None:
    """The processing terms stand before the noun: no relative clause left
    open before the verb ("… schließen verarbeitet")."""
    assert ("werden nach Maßgabe des zwischen den Parteien gemäß Art. 28 der Verordnung (EU) "
            "2016/679 (Datenschutz-Grundverordnung) geschlossenen "
            "Auftragsverarbeitungsvertrags verarbeitet.") in texts["de_DE"]
    assert "Auftragsverarbeitungsvertrags verarbeitet." in texts["de_AT"]
    for text in texts.values():
        assert "schließen verarbeitet" not in text
        assert "schliessen verarbeitet" not in text


def test_swiss_contract_speaks_the_data_protection_act(texts: dict[str, str]) -> None:
    """Swiss law (DSG) speaks of Personendaten that are bearbeitet."""
    assert ("Personendaten, die der Anbieter nach dieser Vereinbarung im Auftrag des Kunden "
            "bearbeitet, werden nach Massgabe des zwischen den Parteien gemäss dem "
            "schweizerischen Bundesgesetz über den Datenschutz (DSG) geschlossenen "
            "Auftragsbearbeitungsvertrags bearbeitet.") in texts["de_CH"]
    assert "Personenbezogene Daten" not in texts["de_CH"]


def test_swiss_contract_charges_mehrwertsteuer(texts: dict[str, str]) -> None:
    assert "zuzüglich Mehrwertsteuer und ähnlicher Steuern" in texts["de_CH"]
    assert "Umsatzsteuer" not in texts["de_CH"]
    assert "zuzüglich Umsatzsteuer" in texts["de_DE"]
    assert "zuzüglich Umsatzsteuer" in texts["de_AT"]


def test_jurisdiction_follows_each_country(texts: dict[str, str]) -> None:
    """§ 38 ZPO lets only merchants (and public bodies) agree on a court in
    Germany; Austrian and Swiss law need no such condition. The courts are
    named once, without "zuständig … die zuständigen Gerichte"."""
    assert ("Ausschließlich zuständig für alle Streitigkeiten aus oder im Zusammenhang mit "
            "dieser Vereinbarung sind die Gerichte am Sitz des Anbieters, " + MERCHANT
            + " oder öffentlich-rechtliches Sondervermögen ist.") in texts["de_DE"]
    assert ("dieser Vereinbarung sind die Gerichte am Sitz des Anbieters.") in texts["de_AT"]
    assert ("dieser Vereinbarung sind die Gerichte am Sitz des Anbieters.") in texts["de_CH"]
    assert MERCHANT not in texts["de_AT"] + texts["de_CH"]
    for text in texts.values():
        assert "die zuständigen Gerichte" not in text


def test_typed_channels_follow_a_colon(texts: dict[str, str]) -> None:
    """A channel the user typed (in any language, with or without its own
    preposition) is not forced after "über"."""
    assert "Der Anbieter kündigt Wartungsarbeiten auf folgendem Weg an: e-mail." in texts["de_DE"]
    assert "über e-mail" not in texts["de_DE"]


def test_any_service_can_be_unavailable(texts: dict[str, str]) -> None:
    assert ("Eine Leistung gilt als nicht verfügbar, wenn folgende Bedingung erfüllt ist: "
            "it does not answer requests.") in texts["de_DE"]


def test_sole_remedy_keeps_liability_for_intent_and_gross_negligence(
        texts: dict[str, str]) -> None:
    """Liability for intent cannot be excluded in advance (§ 276 (3) BGB,
    § 879 ABGB, Art. 100 OR), nor, in standard terms, for gross negligence
    (§ 309 No. 7 b BGB): the credits settle every other claim."""
    assert ("abschließend abgegolten, soweit die Verfehlung nicht auf Vorsatz oder grober "
            "Fahrlässigkeit beruht; die in Abschnitt 10 geregelten Kündigungsrechte bleiben "
            "unberührt.") in texts["de_DE"]
    assert ("abschließend abgegolten, soweit die Verfehlung nicht auf Vorsatz oder grober "
            "Fahrlässigkeit beruht; die in Abschnitt 10 geregelten Kündigungs- und "
            "Auflösungsrechte bleiben unberührt.") in texts["de_AT"]
    assert ("abschliessend abgegolten, soweit die Verfehlung nicht auf Vorsatz oder grober "
            "Fahrlässigkeit beruht;") in texts["de_CH"]


def test_claim_contents_are_a_requirement() -> None:
    """What a claim holds is a requirement the claim must meet, not a description."""
    project = full()
    claim = project.service_credits.claim_procedure
    claim.included = True
    claim.channel = "billing@nuage-leger.example"
    claim.contents = ["the month concerned"]
    text = text_of(project, "de_DE")
    assert "Die Geltendmachung muss folgende Angaben enthalten:" in text
    assert ("nach Ablauf des betreffenden Monats auf folgendem Weg geltend: "
            "billing@nuage-leger.example.") in text
