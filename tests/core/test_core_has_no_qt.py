"""The core must stay importable without Qt (tests, command line, other front ends)."""

from __future__ import annotations

import subprocess
import sys

from example_paths import ROOT

CODE = """
import importlib
import pkgutil
import sys
import wizard.core
import wizard.cli
import wizard.settings
for module in pkgutil.iter_modules(wizard.core.__path__):
    importlib.import_module("wizard.core." + module.name)
qt = sorted(name for name in sys.modules if name.startswith("PySide6"))
print(",".join(qt))
"""


def test_core_imports_no_qt() -> None:
    """The core and the command line would drag in Qt, so scripts and tests without a
    display would break."""
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
