"""Shared test setup: Qt runs offscreen, examples are found in one place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from example_paths import EXAMPLES, US_EXAMPLE

# Speed is measured by bench/, never by a test: no property test fails because
# a busy machine made one example slow.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_path(request: pytest.FixtureRequest) -> Path:
    """Each example project shipped with the program."""
    path: Path = request.param
    return path


@pytest.fixture
def us_example() -> Path:
    return US_EXAMPLE
