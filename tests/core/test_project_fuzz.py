"""Generated projects and damaged files: what is saved loads back unchanged, and
whatever is opened either loads or is refused with a project-file error.

(The loader's fuzzing with arbitrary bytes, arbitrary JSON, garbled fields and
unusual text lives in test_project_file.py; this adds whole generated projects,
damaged copies of real files, and conversions of old formats.)
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from example_paths import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project_strategies import JSON_VALUES, projects

from wizard.core import project_file, recovery
from wizard.core.model import FORMAT_VERSION, Project
from wizard.core.project_file import (
    ProjectFileError,
    ProjectFileErrorKind,
    load_project,
    project_from_bytes,
    project_to_bytes,
    save_project,
)
from wizard.core.recovery import new_recovery_file, read_recovery, write_recovery

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAME = Path("x.slaproj")
EXAMPLE_BYTES = [p.read_bytes() for p in EXAMPLES]


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)
    recovery.end_sessions()


def _refused_or_loaded(raw: bytes) -> Project | None:
    try:
        return project_from_bytes(raw, NAME)
    except ProjectFileError as error:
        assert error.kind is not ProjectFileErrorKind.WRITE_FAILED
        assert "x.slaproj" in str(error)
        return None


@settings(FUZZ, max_examples=200)
@given(projects)
def test_generated_projects_load_back_unchanged(folder: Path, project: Project) -> None:
    """Some combination of values (odd text, tiny numbers, unknown keys) would be saved
    in a form that does not load back, or loads back different."""
    path = folder / "generated.slaproj"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    assert project_to_bytes(loaded) == path.read_bytes()  # a second save changes nothing


@settings(FUZZ, max_examples=80)
@given(projects)
def test_generated_projects_survive_recovery(folder: Path, project: Project) -> None:
    """Unsaved work with odd content would be lost in the recovery file."""
    file = new_recovery_file(folder / "recovery")
    write_recovery(file, project, None, recovery.datetime.now(recovery.UTC))
    assert read_recovery(file).project == project


def _mutate(raw: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(raw)
    for kind, where, chunk in edits:
        position = where % (len(data) + 1)
        if kind == 0:  # overwrite
            data[position:position + len(chunk)] = chunk
        elif kind == 1:  # insert
            data[position:position] = chunk
        elif kind == 2:  # delete
            del data[position:position + len(chunk) + 1]
        else:  # duplicate a stretch
            data[position:position] = data[position:position + 40]
    return bytes(data)


@FUZZ
@given(st.sampled_from(range(len(EXAMPLES))),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6),
                          st.binary(min_size=1, max_size=8)
                          | st.sampled_from([b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\",
                                             b"null", b"1e999", b'"\\ud800"', b"\xff"])),
                min_size=1, max_size=6))
def test_damaged_copies_of_real_files_never_crash_the_loader(
    index: int, edits: list[tuple[int, int, bytes]]
) -> None:
    """A project damaged by a bad disk, a sync conflict or a hand edit would crash the app."""
    project = _refused_or_loaded(_mutate(EXAMPLE_BYTES[index], edits))
    if project is not None:
        assert project_from_bytes(project_to_bytes(project), NAME) == project


def _old_title(data: dict[str, Any]) -> dict[str, Any]:
    data["agreement"]["title"] = data.pop("old_title")
    return data


@FUZZ
@given(st.dictionaries(st.sampled_from(["agreement", "old_title", "services", "x"]) | st.text(
    max_size=6), JSON_VALUES, max_size=5))
def test_old_files_with_any_content_never_crash_the_conversion(fields: dict[str, Any]) -> None:
    """A conversion step meeting an unexpected old file would crash the app."""
    data = {**fields, "format": "sla-project", "format_version": 0}
    saved = dict(project_file.MIGRATIONS)
    project_file.MIGRATIONS[0] = _old_title
    try:
        project = _refused_or_loaded(json.dumps(data).encode())
    finally:
        project_file.MIGRATIONS.clear()
        project_file.MIGRATIONS.update(saved)
    if project is not None:
        assert project.format_version == FORMAT_VERSION
