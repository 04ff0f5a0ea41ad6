"""Shared test setup: Qt runs offscreen, examples are found in one place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from example_paths import EXAMPLES, US_EXAMPLE


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_path(request: pytest.FixtureRequest) -> Path:
    """Each example project shipped with the program."""
    path: Path = request.param
    return path


@pytest.fixture
def us_example() -> Path:
    return US_EXAMPLE
