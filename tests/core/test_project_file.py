"""Reading and writing `.slaproj` files: round trips, error messages, atomic saves."""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from example_paths import EXAMPLES, SHARED_EXAMPLES, as_format_2, current_format_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project_strategies import free_text_slots

from wizard.core.model import FORMAT_VERSION, Project
from wizard.core.project_file import (
    ProjectFileError,
    ProjectFileErrorKind,
    load_project,
    project_from_bytes,
    project_from_data,
    project_to_bytes,
    save_project,
)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
US_EXAMPLE = next(p for p in EXAMPLES if p.name == "msp-it-support.slaproj")
NAME = Path("x.slaproj")

# --------------------------------------------------------------------------- helpers

JsonValue = Any


def _data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_bytes())
    return data


def _us_data() -> dict[str, Any]:
    return _data(US_EXAMPLE)


def _write(folder: Path, content: bytes | dict[str, Any], name: str = "broken.slaproj") -> Path:
    path = folder / name
    if isinstance(content, dict):
        content = json.dumps(content, indent=2).encode("utf-8")
    path.write_bytes(content)
    return path


def _set(data: dict[str, Any], keys: tuple[str | int, ...], value: JsonValue) -> dict[str, Any]:
    """A copy of ``data`` with the value at ``keys`` replaced."""
    result = copy.deepcopy(data)
    target: Any = result
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return result


def _leaf_paths(value: JsonValue, prefix: tuple[str | int, ...] = ()) -> Iterator[
    tuple[str | int, ...]
]:
    """Every path to a scalar or empty container in a JSON document."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from _leaf_paths(item, (*prefix, key))
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from _leaf_paths(item, (*prefix, index))
    else:
        yield prefix


def _folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=12,
)

# --------------------------------------------------------------------------- round trips


def test_every_example_round_trips_unchanged(example_path: Path, tmp_path: Path) -> None:
    """An example opened and saved again would lose or alter what the user entered."""
    project = load_project(example_path)
    saved = tmp_path / example_path.name
    save_project(project, saved)

    assert load_project(saved) == project
    assert json.loads(saved.read_bytes()) == as_format_2(_data(example_path))
    first = saved.read_bytes()
    save_project(load_project(saved), saved)
    assert saved.read_bytes() == first  # the format-2 file saves byte for byte


def test_saved_file_is_indented_utf8_with_final_newline(tmp_path: Path) -> None:
    """Saved projects would be unreadable in a text editor or mangle accented names."""
    french = next(p for p in EXAMPLES if p.name == "cloud-hosting-fr.slaproj")
    saved = tmp_path / "fr.slaproj"
    save_project(load_project(french), saved)

    raw = saved.read_bytes()
    assert raw.endswith(b"}\n")
    assert "Disponibilité".encode() in raw  # not escaped as \u00e9
    assert b'\n  "format": "sla-project"' in raw


def test_bundled_examples_match_shared_examples() -> None:
    """The examples shipped with the app would drift from the agreed reference files."""
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip("../shared/examples is not present")
    shared = sorted(SHARED_EXAMPLES.glob("*.slaproj"))
    assert [p.name for p in EXAMPLES] == [p.name for p in shared]
    for bundled, reference in zip(EXAMPLES, shared, strict=True):
        assert bundled.read_bytes() == reference.read_bytes(), bundled.name


def test_unknown_keys_survive_a_round_trip(tmp_path: Path) -> None:
    """Opening and saving a file from a newer app edition would silently drop its data."""
    data = _us_data()
    data["x_top"] = {"nested": {"ratio": 0.25, "items": [1, "two", None, True]}}
    data["x_float"] = 12.5
    data["agreement"]["x_agreement"] = 1.5
    data["parties"]["provider"]["signatory"]["x_phone"] = "+1 503 555 0102"
    data["metrics"][1]["x_metric"] = {"source": "probe", "weight": 0.75, "tags": ["a", "b"]}
    data["service_credits"]["tiers"][0]["x_note"] = None
    path = _write(tmp_path, data, "extra.slaproj")

    project = load_project(path)
    save_project(project, path)

    assert json.loads(path.read_bytes()) == as_format_2(data)
    assert load_project(path) == project


def test_decimals_keep_the_digits_typed(tmp_path: Path) -> None:
    """A target typed as 99.50 would appear in the contract as 99.5 (or as a float)."""
    data = _set(_us_data(), ("metrics", 0, "target"), "99.50")
    data = _set(data, ("services", 0, "monthly_fee"), "1250.00")
    path = _write(tmp_path, data, "digits.slaproj")

    save_project(load_project(path), path)

    saved = json.loads(path.read_bytes())
    assert saved["metrics"][0]["target"] == "99.50"
    assert saved["services"][0]["monthly_fee"] == "1250.00"


@pytest.mark.parametrize(
    ("number", "saved_as"),
    [(99.5, "99.5"), (100, "100"), (0.1, "0.1")],
)
def test_json_number_for_a_decimal_is_saved_as_text(
    tmp_path: Path, number: float, saved_as: str
) -> None:
    """A hand-edited file with a plain number would fail to open or be saved as a float."""
    path = _write(tmp_path, _set(_us_data(), ("metrics", 0, "target"), number), "num.slaproj")

    project = load_project(path)
    save_project(project, path)

    assert str(project.metrics[0].target) == saved_as
    assert json.loads(path.read_bytes())["metrics"][0]["target"] == saved_as


# --------------------------------------------------------------------------- load errors


def _load_error(path: Path) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    return info.value


INVALID_FIELD_CASES: list[tuple[str, tuple[str | int, ...], JsonValue, str, list[str]]] = [
    ("wrong-type", ("termination", "notice_days"), "thirty",
     "termination.notice_days", ["whole number"]),
    ("out-of-range", ("contacts", 0, "escalation_level"), -1,
     "contacts[1].escalation_level", ["at least 0"]),
    ("bad-enum", ("metrics", 1, "kind"), "uptime",
     "metrics[2].kind", ["must be one of", "availability"]),
    ("bad-decimal", ("metrics", 0, "target"), "abc",
     "metrics[1].target", ["number", '"99.95"']),
    ("float-exponent-decimal", ("services", 2, "monthly_fee"), 1e20,
     "services[3].monthly_fee", ["number"]),
    ("bad-clock", ("schedule", "coverage", 0, "start"), "25:00",
     "schedule.coverage[1].start", ["HH:MM"]),
    ("bad-date", ("agreement", "effective_date"), "1 January 2027",
     "agreement.effective_date", ["YYYY-MM-DD"]),
    ("bad-currency", ("currency",), "dollars", "currency", ["EUR"]),
    ("null-for-bool", ("termination", "auto_renew"), None,
     "termination.auto_renew", ["true or false"]),
    ("not-a-list", ("services",), "desk", "services", ["list"]),
    ("bool-for-int", ("termination", "cure_days"), True,
     "termination.cure_days", ["whole number"]),
    ("missing-required", ("service_credits", "tiers", 0), {"below": "99.5"},
     "service_credits.tiers[1].credit_percent", ["missing"]),
]


@pytest.mark.parametrize(
    ("keys", "value", "field", "words"),
    [
        *(pytest.param(*case[1:], id=case[0]) for case in INVALID_FIELD_CASES),
        pytest.param(
            ("termination", "auto_renew"), "maybe", "termination.auto_renew",
            ["true or false"], id="text-for-bool",
        ),
        pytest.param(
            ("termination", "auto_renew"), 2, "termination.auto_renew",
            ["true or false"], id="number-for-bool",
        ),
    ],
)
def test_invalid_field_is_named_in_the_message(
    tmp_path: Path,
    keys: tuple[str | int, ...],
    value: JsonValue,
    field: str,
    words: list[str],
) -> None:
    """A broken file would give no hint of which field to fix (or crash the app)."""
    path = _write(tmp_path, _set(_us_data(), keys, value))

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.INVALID_FIELD
    assert error.path == path
    assert error.field == field
    message = str(error)
    assert '"broken.slaproj"' in message
    assert field in message
    for word in words:
        assert word in message


@pytest.mark.parametrize("clock", ["08:00\n", "24:00\n", "0\u0668:00"], ids=repr)
def test_clock_time_with_stray_characters_is_refused(tmp_path: Path, clock: str) -> None:
    """A hand-edited time such as "08:00<newline>" would open and reach the contract as is."""
    path = _write(tmp_path, _set(_us_data(), ("schedule", "coverage", 0, "start"), clock))

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.INVALID_FIELD
    assert error.field == "schedule.coverage[1].start"


def test_several_invalid_fields_are_counted(tmp_path: Path) -> None:
    """The user would fix one field and be surprised by the next, with no warning."""
    data = _set(_us_data(), ("termination", "notice_days"), "thirty")
    data = _set(data, ("termination", "cure_days"), "forty")
    error = _load_error(_write(tmp_path, data))

    assert "1 more problems" in str(error)


def test_bytes_not_utf8_are_refused(tmp_path: Path) -> None:
    """Opening a binary file would crash instead of explaining it is not a project."""
    path = _write(tmp_path, b"\xff\xfe\x00garbage")

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.UNREADABLE
    assert "broken.slaproj" in str(error)
    assert "UTF-8" in str(error)


def test_utf8_with_bom_opens() -> None:
    """A project re-saved by a Windows editor (with a byte-order mark) would not open."""
    raw = b"\xef\xbb\xbf" + US_EXAMPLE.read_bytes()
    assert project_from_bytes(raw, NAME) == load_project(US_EXAMPLE)


def test_text_not_json_names_line_and_column(tmp_path: Path) -> None:
    """A damaged file would not say where the damage is."""
    path = _write(tmp_path, b'{\n  "format": "sla-project",\n  oops\n}\n')

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.UNREADABLE
    message = str(error)
    assert "broken.slaproj" in message
    assert "JSON" in message
    assert "line 3" in message
    assert "column" in message


@pytest.mark.parametrize(
    "content",
    [b"NaN", b'{"format": "sla-project", "format_version": 1, "x": Infinity}'],
    ids=["nan", "infinity"],
)
def test_non_standard_json_constants_are_refused(tmp_path: Path, content: bytes) -> None:
    """A file with NaN or Infinity would load values no contract can show."""
    assert _load_error(_write(tmp_path, content)).kind is ProjectFileErrorKind.UNREADABLE


@pytest.mark.parametrize(
    "content",
    [
        [1, 2, 3],
        "sla-project",
        {"format_version": 1, "language": "en_US"},
        {"format": "something-else", "format_version": 1},
    ],
    ids=["list", "string", "no-format", "other-format"],
)
def test_json_that_is_not_a_project_is_refused(tmp_path: Path, content: JsonValue) -> None:
    """Opening some other JSON file would show an empty or garbled wizard."""
    path = _write(tmp_path, json.dumps(content).encode())

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.NOT_A_PROJECT
    assert "broken.slaproj" in str(error)
    assert "not an SLA Wizard project" in str(error)


@pytest.mark.parametrize("version", ["1", 0, None, True, 1.0], ids=repr)
def test_unusable_format_version_is_refused(tmp_path: Path, version: JsonValue) -> None:
    """A file with a garbled version number would open as if it were format 1."""
    path = _write(tmp_path, _set(_us_data(), ("format_version",), version))

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.INVALID_FIELD
    assert error.field == "format_version"
    assert "format_version" in str(error)


def test_newer_format_is_refused_and_left_untouched(tmp_path: Path) -> None:
    """A file from a newer app could be opened, misread, and its data later overwritten."""
    path = _write(tmp_path, _set(_us_data(), ("format_version",), FORMAT_VERSION + 1),
                  "future.slaproj")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before_bytes = path.read_bytes()
    before_mtime = path.stat().st_mtime_ns

    error = _load_error(path)

    assert error.kind is ProjectFileErrorKind.NEWER_VERSION
    assert "future.slaproj" in str(error)
    assert "newer" in str(error)
    assert path.read_bytes() == before_bytes
    assert path.stat().st_mtime_ns == before_mtime
    assert _folder_names(tmp_path) == ["future.slaproj"]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    """Opening a recent project that was deleted would crash the app."""
    error = _load_error(tmp_path / "gone.slaproj")

    assert error.kind is ProjectFileErrorKind.UNREADABLE
    assert "gone.slaproj" in str(error)
    assert "no such file" in str(error)


def test_folder_is_reported(tmp_path: Path) -> None:
    """Choosing a folder in the open dialog would crash the app."""
    folder = tmp_path / "folder.slaproj"
    folder.mkdir()

    error = _load_error(folder)

    assert error.kind is ProjectFileErrorKind.UNREADABLE
    assert "folder.slaproj" in str(error)
    assert "folder" in str(error).replace("folder.slaproj", "")


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="file permissions are not enforced",
)
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    """Opening a file without read permission would crash the app."""
    path = _write(tmp_path, US_EXAMPLE.read_bytes(), "locked.slaproj")
    path.chmod(0)
    try:
        error = _load_error(path)
    finally:
        path.chmod(0o600)

    assert error.kind is ProjectFileErrorKind.UNREADABLE
    assert "locked.slaproj" in str(error)


# --------------------------------------------------------------------------- atomic save


def test_save_over_existing_file_leaves_no_temp_files(tmp_path: Path) -> None:
    """Saving would litter the user's folder with hidden temporary files (the one
    backup of the previous version is meant to be there)."""
    path = _write(tmp_path, current_format_bytes(US_EXAMPLE), "project.slaproj")
    project = load_project(path)
    project.agreement.title = "Changed title"

    save_project(project, path)
    save_project(project, path)

    assert _folder_names(tmp_path) == ["project.slaproj", "project.slaproj.bak"]
    assert load_project(path).agreement.title == "Changed title"


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk during save would destroy the user's project or leave debris."""
    path = _write(tmp_path, current_format_bytes(US_EXAMPLE), "project.slaproj")
    original = path.read_bytes()
    project = load_project(path)
    project.agreement.title = "Never written"

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(ProjectFileError) as info:
        save_project(project, path)
    monkeypatch.undo()

    assert info.value.kind is ProjectFileErrorKind.WRITE_FAILED
    assert "project.slaproj" in str(info.value)
    assert "No space left on device" in str(info.value)
    assert "unchanged" in str(info.value)
    assert path.read_bytes() == original
    assert _folder_names(tmp_path) == ["project.slaproj"]


def test_save_into_missing_folder_is_reported(tmp_path: Path) -> None:
    """Saving to a folder that was removed (e.g. an unplugged drive) would crash the app."""
    with pytest.raises(ProjectFileError) as info:
        save_project(load_project(US_EXAMPLE), tmp_path / "gone" / "p.slaproj")

    assert info.value.kind is ProjectFileErrorKind.WRITE_FAILED
    assert "p.slaproj" in str(info.value)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    """Saving would silently change who may read a shared project file."""
    path = _write(tmp_path, US_EXAMPLE.read_bytes(), "shared.slaproj")
    path.chmod(0o640)

    save_project(load_project(path), path)

    assert path.stat().st_mode & 0o777 == 0o640


# --------------------------------------------------------------------------- properties


def _load_or_refuse(raw: bytes) -> Project | None:
    """Load ``raw``; a ProjectFileError is fine, any other exception fails the test."""
    try:
        project = project_from_bytes(raw, NAME)
    except ProjectFileError as error:
        assert error.kind in set(ProjectFileErrorKind) - {ProjectFileErrorKind.WRITE_FAILED}
        assert "x.slaproj" in str(error)
        return None
    assert isinstance(project, Project)
    return project


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_loader(raw: bytes) -> None:
    """Opening a random file would crash the app instead of showing a message."""
    _load_or_refuse(raw)


@FUZZ
@given(json_values)
def test_arbitrary_json_never_crashes_the_loader(value: JsonValue) -> None:
    """Opening some unrelated JSON file would crash the app instead of showing a message."""
    _load_or_refuse(json.dumps(value).encode())


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(sorted(Project.model_fields)) | st.text(max_size=8),
        json_values,
        max_size=6,
    )
)
def test_arbitrary_fields_in_a_marked_file_never_crash_the_loader(
    fields: dict[str, JsonValue],
) -> None:
    """A project file with garbled sections would crash the app instead of naming the field."""
    data = {**fields, "format": "sla-project", "format_version": 1}
    project = _load_or_refuse(json.dumps(data).encode())
    if project is not None:
        assert project_from_bytes(project_to_bytes(project), NAME) == project


EXAMPLE_DATA = [_data(p) for p in EXAMPLES]
LEAVES = [(index, path) for index, data in enumerate(EXAMPLE_DATA) for path in _leaf_paths(data)]


@FUZZ
@given(st.sampled_from(LEAVES), json_values)
def test_one_garbled_value_never_crashes_the_loader(
    leaf: tuple[int, tuple[str | int, ...]], value: JsonValue
) -> None:
    """One hand-edited value in a project would crash the app instead of being named."""
    index, keys = leaf
    data = _set(EXAMPLE_DATA[index], keys, value)

    project = _load_or_refuse(json.dumps(data).encode())

    if project is not None:
        assert project_from_bytes(project_to_bytes(project), NAME) == project


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_truncated_file_is_refused_as_damaged(example: Path) -> None:
    """A project cut short (crash while copying) would open with missing data."""
    raw = example.read_bytes()
    end = raw.rindex(b"}")
    for cut in range(0, end, 7):
        with pytest.raises(ProjectFileError) as info:
            project_from_bytes(raw[:cut], NAME)
        assert info.value.kind is ProjectFileErrorKind.UNREADABLE


EXAMPLE_PROJECTS = [project_from_data(data, NAME) for data in EXAMPLE_DATA]


@FUZZ
@given(st.sampled_from(range(len(EXAMPLES))), st.data())
def test_any_text_survives_a_round_trip(index: int, data: st.DataObject) -> None:
    """Text with unusual characters (quotes, newlines, emoji, control codes) would be
    altered or lost on save."""
    project = EXAMPLE_PROJECTS[index].model_copy(deep=True)
    slots = list(free_text_slots(project))
    chosen = data.draw(st.lists(st.sampled_from(slots), min_size=1, max_size=8))
    for owner, name, position in chosen:
        text = data.draw(st.text())
        if position is None:
            setattr(owner, name, text)
        else:
            getattr(owner, name)[position] = text

    reloaded = project_from_bytes(project_to_bytes(project), NAME)

    assert reloaded == project
