"""Where the tests find the repository and its example projects."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.slaproj"))
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"


def current_format_bytes(path: Path) -> bytes:
    """The example as the program saves it today (format 2), for tests about a
    project file already in the current format."""
    from wizard.core.project_file import load_project, project_to_bytes

    return project_to_bytes(load_project(path))


def as_format_2(data: dict[str, Any]) -> dict[str, Any]:
    """What format-1 ``data`` becomes in format 2, written out by hand: the
    version, and each format-2 field at the value that means what format 1 meant."""
    converted = copy.deepcopy(data)
    converted["format_version"] = 2
    converted["agreement"]["commitment"] = "will_meet"
    for metric in converted["metrics"]:
        metric["owed_by"] = "provider"
    converted["reporting"]["included"] = True
    converted["exclusions"]["included"] = True
    converted["termination"]["term"] = "fixed"
    return converted
