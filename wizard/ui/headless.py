"""Qt on a machine without a screen (a build machine, a package test)."""

from __future__ import annotations

import os
import sys


def offscreen_when_headless() -> None:
    """Use Qt's offscreen platform on a Linux machine with neither X11 nor
    Wayland, unless the environment names a platform already."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
