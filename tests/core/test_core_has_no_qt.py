"""The core must stay importable without Qt (tests, command line, other front ends)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

CODE = """
import sys
import wizard.core.model
import wizard.core.project_file
import wizard.core.compute
import wizard.core.checks
qt = sorted(name for name in sys.modules if name.startswith("PySide6"))
print(",".join(qt))
"""


def test_core_imports_no_qt() -> None:
    """The core would drag in Qt, so scripts and tests without a display would break."""
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
