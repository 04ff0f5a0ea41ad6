"""``check`` and ``generate`` agree on numbers: every number is bounded where
the project is read, so a project that loads and passes the check makes a
contract, and an absurd number (a 29-digit fee, a 4,000-digit count) is
refused with its field named, never an "unexpected error (InvalidOperation)"
from the contract's arithmetic."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from example_paths import EXAMPLES, US_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project_strategies import number_slots, numbers_in

import wizard.cli
from wizard.core.checks import check_project, has_errors
from wizard.core.model import DECIMAL_DIGITS, DECIMAL_PLACES, Project
from wizard.core.project_file import ProjectFileError, load_project, project_from_bytes
from wizard.core.render import render_contract

NAME = Path("numbers.slaproj")
EXAMPLE_DATA = [json.loads(path.read_bytes()) for path in EXAMPLES]
EXAMPLE_SLOTS = [list(number_slots(load_project(path))) for path in EXAMPLES]
EDITED_EXAMPLES = st.one_of(*(numbers_in(data, slots)
                              for data, slots in zip(EXAMPLE_DATA, EXAMPLE_SLOTS, strict=True)))


def test_every_kind_of_number_is_edited() -> None:
    """The fuzzing below reaches fees, targets, thresholds, durations and
    counts (a number field added to the model is reached without a change)."""
    reached = {loc[-1] for slots in EXAMPLE_SLOTS for loc, _kind in slots}
    assert {"monthly_fee", "target", "below", "credit_percent", "cap_percent",
            "response_minutes", "duration_minutes", "notice_days", "initial_term_months",
            "escalation_level", "claim_window_days"} <= reached


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(EDITED_EXAMPLES)
def test_what_loads_and_passes_the_check_renders(raw: bytes) -> None:
    """26 of 3,300 fuzzed projects passed the check and then failed to render
    with InvalidOperation (a fee too long for decimal arithmetic, a count of
    thousands of digits): whatever loads and has no error now renders."""
    try:
        project = project_from_bytes(raw, NAME)
    except ProjectFileError as error:
        assert NAME.name in str(error)
        return
    if has_errors(check_project(project)):
        return
    contract = render_contract(project)
    assert contract.startswith(b"PK")


def _project_file(tmp_path: Path, edit: dict[str, Any]) -> Path:
    data = json.loads(US_EXAMPLE.read_bytes())
    for dotted, value in edit.items():
        *parents, last = dotted.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    path = tmp_path / "absurd.slaproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("field", "value", "said"), [
    ("services.0.monthly_fee", "1" * 29,
     f"services[1].monthly_fee must be a number with at most {DECIMAL_DIGITS} digits before "
     f"the decimal point and {DECIMAL_PLACES} after it"),
    ("termination.notice_days", int("9" * 4000), "termination.notice_days must be at most 3650"),
    ("severity_levels.0.response_minutes", 10**20,
     "severity_levels[1].response_minutes must be at most 1000000"),
    ("metrics.0.target", "0." + "0" * 20 + "1", "metrics[1].target must be a number"),
])
def test_check_reports_an_absurd_number_and_generate_never_fails_unexpectedly(
        tmp_path: Path, field: str, value: object, said: str) -> None:
    project = _project_file(tmp_path, {field: value})
    status, out, err = _cli("check", str(project))
    assert status == 2 and said in err and "unexpected" not in err + out
    status, out, err = _cli("generate", str(project), "-o", str(tmp_path / "c.docx"))
    assert status == 2 and said in err and "unexpected" not in err + out
    assert not (tmp_path / "c.docx").exists()


def test_the_largest_numbers_a_project_holds_make_a_contract(tmp_path: Path) -> None:
    """At the bounds, the contract is written: the bounds are what the
    arithmetic can carry, not less."""
    top = "9" * DECIMAL_DIGITS + "." + "9" * DECIMAL_PLACES
    project = _project_file(tmp_path, {
        "services.0.monthly_fee": top, "services.1.monthly_fee": top,
        "termination.notice_days": 3650, "termination.initial_term_months": 600,
        "severity_levels.0.response_minutes": 10**6,
        "severity_levels.0.resolution_minutes": 10**6,
        "schedule.maintenance_notice_hours": 8760,
    })
    status, _out, err = _cli("generate", str(project), "-o", str(tmp_path / "c.docx"))
    assert status == 0, err
    assert (tmp_path / "c.docx").exists()


def test_a_project_saved_with_a_number_too_long_is_refused_before_it_is_written(
        tmp_path: Path) -> None:
    """The window cannot store such a number (its fields refuse it), and a
    project holding one is never written, so no saved project fails to open."""
    from decimal import Decimal

    from wizard.core.project_file import save_project

    project: Project = load_project(US_EXAMPLE)
    project.services[0].monthly_fee = Decimal("1" * 29)  # no validation on assignment
    with pytest.raises(ProjectFileError, match="monthly_fee must be a number with at most"):
        save_project(project, tmp_path / "p.slaproj")
    assert not (tmp_path / "p.slaproj").exists()
