"""The committed contract template is exactly what its build script makes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_committed_template_matches_its_build_script(tmp_path: Path) -> None:
    """A layout change made in the script but not rebuilt would ship a stale contract."""
    built = tmp_path / "standard.docx"
    subprocess.run(
        [sys.executable, str(ROOT / "templates/build_standard_template.py"), str(built)],
        check=True, capture_output=True,
    )
    committed = zipfile.ZipFile(ROOT / "templates/standard.docx")
    fresh = zipfile.ZipFile(built)
    assert committed.namelist() == fresh.namelist()
    for name in committed.namelist():
        assert committed.read(name) == fresh.read(name), name
