"""OpenSLO v1 export: the bundled examples' levels as YAML documents, each
checked against OpenSLO's published v1 JSON Schema (where a copy of it is
at hand) and against the rules of the spec's README, with targets and
windows worked out by hand."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from example_paths import EXAMPLES, ROOT, US_EXAMPLE
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from wizard.core.export_common import ExportError
from wizard.core.export_openslo import export_openslo, period_start
from wizard.core.model import Direction, Metric, MetricKind, Period, Project
from wizard.core.project_file import load_project

OPENSLO_SCHEMA = Path(__file__).parent.parent / "data" / "openslo-v1-schema"
"""OpenSLO's v1 JSON Schema (Apache 2.0): the files of schemas/v1 of
github.com/OpenSLO/OpenSLO, unchanged, with SOURCE.md naming the commit."""

NAME_RE = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
"""RFC 1123 labels: the names every OpenSLO implementation must support."""


def documents(project: Project) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(export_openslo(project).content) if d is not None]


def schema_validator() -> Draft7Validator:
    assert (OPENSLO_SCHEMA / "openslo.schema.json").is_file(), OPENSLO_SCHEMA
    resources = []
    for path in sorted(OPENSLO_SCHEMA.rglob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    registry: Registry[Any] = Registry().with_resources(resources)
    root = json.loads((OPENSLO_SCHEMA / "openslo.schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(root, registry=registry)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_document_meets_the_published_schema(path: Path) -> None:
    validator = schema_validator()
    try:
        docs = documents(load_project(path))
    except ExportError:
        pytest.skip("no level of this example is a share of good events")
    assert docs
    for doc in docs:
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], (doc["kind"], doc["metadata"]["name"], errors)


def test_the_schema_refuses_what_the_spec_forbids() -> None:
    """The validation is live: a 100 % target and an SLO without an SLI fail."""
    validator = schema_validator()
    slo = next(d for d in documents(load_project(US_EXAMPLE)) if d["kind"] == "SLO")
    slo["spec"]["objectives"][0]["target"] = 1.0
    assert not validator.is_valid(slo)
    slo["spec"]["objectives"][0]["target"] = 0.5
    del slo["spec"]["indicatorRef"]
    assert not validator.is_valid(slo)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_documents_follow_the_spec(path: Path) -> None:
    """The README's rules: apiVersion, kinds, RFC 1123 names unique per kind,
    every reference resolved, a calendar window with an IANA zone, a target
    in [0, 1), annotations with a DNS prefix."""
    try:
        docs = documents(load_project(path))
    except ExportError:
        return
    by_kind: dict[str, list[str]] = {}
    for doc in docs:
        assert doc["apiVersion"] == "openslo/v1"
        assert doc["kind"] in {"Service", "SLI", "SLO"}
        assert NAME_RE.match(doc["metadata"]["name"]), doc["metadata"]["name"]
        by_kind.setdefault(doc["kind"], []).append(doc["metadata"]["name"])
    for names in by_kind.values():
        assert len(names) == len(set(names))
    for slo in (d for d in docs if d["kind"] == "SLO"):
        spec = slo["spec"]
        assert spec["service"] in by_kind["Service"]
        assert spec["indicatorRef"] in by_kind["SLI"]
        assert spec["budgetingMethod"] == "Occurrences"
        (window,) = spec["timeWindow"]
        assert window["isRolling"] is False
        datetime.datetime.strptime(window["calendar"]["startTime"], "%Y-%m-%d %H:%M:%S")
        assert "/" in window["calendar"]["timeZone"]
        (objective,) = spec["objectives"]
        assert 0 <= objective["target"] < 1
        for key in slo["metadata"]["annotations"]:
            assert key.startswith("slawizard.example/")


def test_msp_example_by_hand() -> None:
    """msp-it-support: only the availability level (99.5 % at least, monthly,
    during coverage) is a share; it becomes target 0.995 over calendar
    months from 1 January 2027 (its effective date) in Los Angeles time."""
    project = load_project(US_EXAMPLE)
    export = export_openslo(project)
    docs = documents(project)
    assert [(d["kind"], d["metadata"]["name"]) for d in docs] == [
        ("Service", "all-services"), ("SLI", "uptime-sli"), ("SLO", "uptime")]
    slo = docs[2]
    assert slo["spec"]["objectives"] == [{"displayName": "Service availability",
                                          "target": 0.995}]
    assert slo["spec"]["timeWindow"] == [{
        "duration": "1M", "isRolling": False,
        "calendar": {"startTime": "2027-01-01 00:00:00", "timeZone": "America/Los_Angeles"}}]
    notes = slo["metadata"]["annotations"]
    assert notes["slawizard.example/measured-during"] == "coverage"
    assert notes["slawizard.example/coverage-hours"] == "mon,tue,wed,thu,fri 08:00-18:00"
    assert notes["slawizard.example/support-hours"] == (
        "mon,tue,wed,thu,fri 07:00-19:00; sat 09:00-13:00")
    assert notes["slawizard.example/holiday-region"] == "US-OR"
    assert notes["slawizard.example/public-holidays"] == "excluded"
    assert notes["slawizard.example/maintenance-windows"] == "sun 02:00 180m"
    sli = docs[1]["spec"]["ratioMetric"]
    assert set(sli) == {"counter", "good", "total"}
    # the three others are left out, each named with its reason, in the notes and the file
    assert len(export.notes) == 3
    for name, reason in (("First response to tickets", "60 minutes"),
                         ("Critical patches applied", "5 days"),
                         ("Successful restore tests", "100 %")):
        (note,) = [n for n in export.notes if name in n]
        assert reason in note
        assert f"# {note}" in export.content.decode("utf-8")


def test_an_error_rate_at_most_counts_bad_events() -> None:
    """cloud-hosting-fr: error rate at most 0.1 % is 1 − 0.001 = 0.999 of good
    events, read through the SLI's bad events; availability 99.95 % is 0.9995."""
    docs = documents(load_project(ROOT / "resources/examples/cloud-hosting-fr.slaproj"))
    slos = {d["metadata"]["name"]: d for d in docs if d["kind"] == "SLO"}
    slis = {d["metadata"]["name"]: d for d in docs if d["kind"] == "SLI"}
    assert slos["err"]["spec"]["objectives"][0]["target"] == 0.999
    assert set(slis["err-sli"]["spec"]["ratioMetric"]) == {"counter", "bad", "total"}
    assert slos["dispo"]["spec"]["objectives"][0]["target"] == 0.9995
    # its time zone, the holidays it counts as ordinary days, coverage around the clock
    assert slos["dispo"]["spec"]["timeWindow"][0]["calendar"]["timeZone"] == "Europe/Paris"
    annotations = slos["dispo"]["metadata"]["annotations"]
    assert annotations["slawizard.example/public-holidays"] == "included"
    assert annotations["slawizard.example/coverage-hours"] == "24x7"  # an empty list
    assert annotations["slawizard.example/support-hours"] == "mon,tue,wed,thu,fri 08:00-20:00"


def test_periods_align_to_their_calendar() -> None:
    """A quarter's window starts on the quarter's first day, a week's on Monday;
    UTC is written Etc/UTC; names made of odd ids stay RFC 1123 names."""
    assert period_start(Period.QUARTER, datetime.date(2027, 5, 20)) == datetime.date(2027, 4, 1)
    assert period_start(Period.WEEK, datetime.date(2027, 5, 20)) == datetime.date(2027, 5, 17)
    assert period_start(Period.YEAR, datetime.date(2027, 5, 20)) == datetime.date(2027, 1, 1)
    project = load_project(US_EXAMPLE)
    project.schedule.timezone = "UTC"
    project.agreement.effective_date = datetime.date(2027, 5, 20)
    project.metrics = [Metric(id="Error Rate (API)", name="Errors", kind=MetricKind.ERROR_RATE,
                              target=Decimal("2.5"), direction=Direction.AT_MOST,
                              period=Period.QUARTER)]
    docs = documents(project)
    slo = docs[-1]
    assert slo["metadata"]["name"] == "error-rate-api"
    assert slo["spec"]["objectives"][0]["target"] == 0.975
    assert slo["spec"]["timeWindow"][0]["duration"] == "1Q"
    assert slo["spec"]["timeWindow"][0]["calendar"] == {
        "startTime": "2027-04-01 00:00:00", "timeZone": "Etc/UTC"}


def test_a_project_without_a_share_is_refused() -> None:
    project = load_project(US_EXAMPLE)
    project.metrics = [m for m in project.metrics if m.unit != "percent"]
    with pytest.raises(ExportError, match="OpenSLO"):
        export_openslo(project)
