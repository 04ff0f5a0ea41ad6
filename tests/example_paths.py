"""Where the tests find the repository and its example projects."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.slaproj"))
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"
