"""Where the program's own files live: in a source checkout, the folders beside
the ``wizard`` package; in a PyInstaller bundle, the bundle's folder. Every
resource is found through here, never through the current directory."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``templates/`` and ``resources/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    return app_root() / "templates"


def standard_template() -> Path:
    """The bundled contract template."""
    return templates_dir() / "standard.docx"


def resources_dir() -> Path:
    return app_root() / "resources"


def examples_dir() -> Path:
    """The example projects shipped with the program."""
    return resources_dir() / "examples"


def locale_dir() -> Path:
    """Compiled gettext catalogs: ``<lang>/LC_MESSAGES/<domain>.mo``."""
    return resources_dir() / "locale"
