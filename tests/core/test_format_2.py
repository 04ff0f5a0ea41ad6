"""Format 2: format-1 files open, convert and keep their meaning; the parts format 2
adds change the contract exactly where they should, in English and in German; the
published JSON Schema describes every file the program writes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from docx_reading import ContractText, read_contract
from example_paths import EXAMPLES, SHARED_EXAMPLES, as_format_2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project_strategies import projects

from wizard.core.model import (
    FORMAT_VERSION,
    Commitment,
    PartyRole,
    Project,
    TermKind,
)
from wizard.core.presets import PRESETS, preset_path
from wizard.core.project_file import (
    load_project,
    original_backup_path,
    project_to_bytes,
    read_project,
    save_project,
)
from wizard.core.project_schema import project_schema, schema_path, schema_text
from wizard.core.render import render_contract

US_EXAMPLE = next(p for p in EXAMPLES if p.name == "msp-it-support.slaproj")
FORMAT_1_FILES = sorted(SHARED_EXAMPLES.glob("*.slaproj")) if SHARED_EXAMPLES.is_dir() \
    else EXAMPLES


def contract(project: Project, locale: str = "en_US") -> ContractText:
    return read_contract(render_contract(project, locale))


def heading_titles(text: ContractText) -> list[str]:
    return [line.lstrip("# ").strip() for line in text.headings()]


# --------------------------------------------------------------------------- conversion


@pytest.mark.parametrize("path", FORMAT_1_FILES, ids=lambda p: p.stem)
def test_a_format_1_file_opens_converts_and_keeps_its_original(path: Path,
                                                                tmp_path: Path) -> None:
    """The reference files are format 1: they open, the first save writes format 2 and
    keeps the file as it was beside it, and a second save changes nothing more."""
    original = path.read_bytes()
    assert json.loads(original)["format_version"] == 1
    copy = tmp_path / path.name
    copy.write_bytes(original)

    loaded = read_project(copy)
    assert loaded.migrated and loaded.format_version == 1
    result = save_project(loaded.project, copy)

    kept = original_backup_path(copy, 1)
    assert kept.name == f"{path.name}.v1.bak"
    assert result.original == kept and kept.read_bytes() == original
    saved = json.loads(copy.read_bytes())
    assert saved == as_format_2(json.loads(original))
    assert saved["format_version"] == FORMAT_VERSION == 2
    first = copy.read_bytes()
    save_project(load_project(copy), copy)
    assert copy.read_bytes() == first


@pytest.mark.parametrize("path", FORMAT_1_FILES, ids=lambda p: p.stem)
def test_a_converted_project_says_what_format_1_said(path: Path) -> None:
    """Each format-2 default must mean what format 1 meant: a fixed term with the
    renewal as before, the support-hours column, the reporting and exclusions
    clauses, the levels promised outright by the Provider."""
    project = load_project(path)
    text = contract(project)
    body = text.text
    titles = heading_titles(text)
    assert "Reporting and review" in titles
    assert "Exclusions" in titles
    assert "runs for an initial term of" in body
    assert "remains in force" not in body
    assert any(row[:3] == ["Day", "Service coverage", "Support hours"]
               for table in text.tables for row in table[:1])
    if project.metrics:
        assert "The Provider meets the following Service Levels." in body
    assert "commercially reasonable efforts" not in body
    assert "The Customer meets" not in body


def test_keys_format_2_gives_a_meaning_are_not_read_from_a_format_1_file(
        tmp_path: Path) -> None:
    """A format-1 file holding, as an unknown key, a name format 2 now uses (written by
    some other tool) must not switch a clause off by accident: it is kept aside."""
    data: dict[str, Any] = json.loads(US_EXAMPLE.read_bytes())
    data["reporting"]["included"] = False
    data["termination"]["term"] = "until_replaced"
    data["metrics"][0]["owed_by"] = "customer"
    path = tmp_path / "odd.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")

    project = load_project(path)

    assert project.reporting.included is True
    assert project.termination.term is TermKind.FIXED
    assert project.metrics[0].owed_by is PartyRole.PROVIDER
    saved = json.loads(project_to_bytes(project))
    assert saved["reporting"]["format_1_included"] is False
    assert saved["termination"]["format_1_term"] == "until_replaced"
    assert saved["metrics"][0]["format_1_owed_by"] == "customer"


def test_a_file_of_a_newer_format_is_refused_untouched(tmp_path: Path) -> None:
    data = json.loads(project_to_bytes(load_project(US_EXAMPLE)))
    data["format_version"] = FORMAT_VERSION + 1
    path = tmp_path / "next.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(Exception, match="newer version of SLA Wizard"):
        load_project(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["next.slaproj"]


# --------------------------------------------------------------------------- the new parts


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def test_an_agreement_in_force_while_the_services_are_used(us: Project) -> None:
    us.termination.term = TermKind.WHILE_SERVICES_USED
    body = contract(us).text
    assert ("This agreement takes effect on January 1, 2027 and remains in force for as long "
            "as the Customer uses the services.") in body
    assert "initial term" not in body and "renews automatically" not in body
    assert "Neither party may terminate this agreement for convenience." in body
    assert "before the end of a term" not in body

    german = contract(us, "de_DE").text
    assert "solange der Kunde die Leistungen nutzt" in german
    assert "Mindestlaufzeit" not in german and "verlängert sich" not in german


def test_an_agreement_until_a_revised_one_replaces_it(us: Project) -> None:
    us.termination.term = TermKind.UNTIL_REPLACED
    us.termination.for_convenience_notice_days = 90
    body = contract(us).text
    assert ("remains in force until the parties agree in writing a revised agreement that "
            "replaces it.") in body
    assert "initial term" not in body
    assert ("Either party may terminate this agreement at any time by giving at least "
            "90\u00a0days\u2019 written notice.") in body


def test_zero_notice_is_never_written_as_zero_days(us: Project) -> None:
    us.termination.notice_days = 0
    us.termination.for_convenience_notice_days = 0
    us.service_credits.claim_window_days = 0
    body = contract(us).text
    assert not re.search(r"\b0 days", body)
    assert ("unless either party gives notice in writing before the end of the current term."
            in body)
    assert ("Either party may terminate this agreement at any time, with immediate effect, by "
            "notice in writing.") in body
    # without a claim window the credits are still set off, never paid out
    assert "Credits are set off against the next invoice and are not paid out in cash." in body
    assert "claims a Service Credit in writing within" not in body


def test_no_support_hours_promise(us: Project) -> None:
    us.schedule.support_coverage = None
    text = contract(us)
    body = text.text
    # a level measured at all times: the Coverage Hours are not "when the Service Levels apply"
    assert "Coverage Hours are:" in body
    assert "Support hours" not in [cell for table in text.tables for cell in table[0]]
    assert "Support Hours" not in body  # nor its definition
    header = next(table[0] for table in text.tables if table[0][0] == "Day")
    assert header == ["Day", "Service coverage"]

    around_the_clock = load_project(US_EXAMPLE)
    around_the_clock.schedule.support_coverage = []
    rows = next(t for t in contract(around_the_clock).tables if t[0][0] == "Day")
    assert [row[2] for row in rows[1:]] == ["all day"] * 7


def test_no_reporting_and_no_exclusions_clause(us: Project) -> None:
    us.reporting.included = False
    us.exclusions.included = False
    text = contract(us)
    titles = heading_titles(text)
    assert "Reporting and review" not in titles and "Exclusions" not in titles
    assert "reports on the Service Levels" not in text.text
    assert "no Downtime is counted for" not in text.text
    # Downtime no longer points at exclusions the agreement does not have
    assert "Any period during which a service is not available to the Customer." in text.text
    assert "other than the exclusions set out in this agreement" not in text.text

    german = heading_titles(contract(us, "de_DE"))
    assert "Berichte und Überprüfung" not in german and "Ausschlüsse" not in german


def test_service_levels_owed_by_each_side_and_the_effort_standard() -> None:
    """The internal agreement: Marketing delivers the leads, Sales calls them; Sales's
    targets must not print as Marketing's duties."""
    internal = load_project(next(p for p in EXAMPLES if p.name == "internal-leads-de.slaproj"))
    internal.metrics[-1].owed_by = PartyRole.CUSTOMER
    internal.agreement.commitment = Commitment.REASONABLE_EFFORTS
    text = contract(internal, "en_US")
    body = text.text
    provider_intro = ("The Provider uses commercially reasonable efforts to meet the following "
                      "Service Levels.")
    customer_intro = ("The Customer uses commercially reasonable efforts to meet the following "
                      "Service Levels.")
    assert provider_intro in body and customer_intro in body
    assert body.index(provider_intro) < body.index(customer_intro)
    level_tables = [t for t in text.tables if t[0][0] == "Service level"]
    assert len(level_tables) == 2
    names = [[row[0] for row in table[1:]] for table in level_tables]
    assert names == [[m.name for m in internal.metrics[:-1]], [internal.metrics[-1].name]]

    german = contract(internal, "de_DE").text
    assert "Der Kunde" in german and "wirtschaftlich angemessene" in german


# --------------------------------------------------------------------------- the schema


def test_the_published_schema_is_current() -> None:
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "run: python -m wizard.core.project_schema")


@pytest.mark.parametrize("kind", PRESETS)
def test_presets_and_converted_examples_match_the_schema(kind: Any) -> None:
    validator = jsonschema.Draft202012Validator(project_schema())
    for project in [load_project(preset_path(kind)), *map(load_project, EXAMPLES)]:
        validator.validate(json.loads(project_to_bytes(project)))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(project=projects)
def test_every_project_the_program_saves_matches_the_schema(project: Project) -> None:
    jsonschema.Draft202012Validator(project_schema()).validate(
        json.loads(project_to_bytes(project)))


def test_the_schema_refuses_what_the_program_would_refuse() -> None:
    validator = jsonschema.Draft202012Validator(project_schema())
    good = json.loads(project_to_bytes(load_project(US_EXAMPLE)))
    for path, value in [(("termination", "term"), "forever"),
                        (("metrics", 0, "owed_by"), "nobody"),
                        (("metrics", 0, "target"), "99,9"),
                        (("format_version",), 1)]:
        bad = json.loads(json.dumps(good))
        holder: Any = bad
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = value
        assert not validator.is_valid(bad), path


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.dictionaries(
    st.sampled_from(["agreement", "reporting", "exclusions", "termination", "metrics",
                     "schedule"]),
    st.none() | st.integers() | st.text(max_size=3) | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.sampled_from(["included", "term", "commitment", "owed_by"]),
                      st.booleans() | st.text(max_size=3), max_size=3)
    | st.lists(st.dictionaries(st.sampled_from(["owed_by", "id"]), st.text(max_size=3),
                               max_size=2), max_size=2)))
def test_converting_any_format_1_content_never_crashes(data: dict[str, Any]) -> None:
    """Odd format-1 content (a section that is a number, a metric that is text) is
    refused by the model's own checks, never by a crash in the conversion."""
    from wizard.core.migrations import format_1_to_2

    converted = format_1_to_2(json.loads(json.dumps(data)))
    assert isinstance(converted, dict)
