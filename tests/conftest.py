"""Shared test setup: Qt runs offscreen, examples are found in one place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.slaproj"))
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_path(request: pytest.FixtureRequest) -> Path:
    """Each example project shipped with the program."""
    path: Path = request.param
    return path


@pytest.fixture
def us_example() -> Path:
    return ROOT / "resources" / "examples" / "msp-it-support.slaproj"
