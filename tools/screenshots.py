"""Render a screenshot of every step of the wizard, offscreen at 1280×800,
for the README: ``python tools/screenshots.py [PROJECT] [--out FOLDER]
[--language CODE] [--size 1024x768]`` (the interface language, English
unless told; the window's size, to see it on a small screen)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", nargs="?", type=Path,
                        default=ROOT / "resources" / "examples" / "msp-it-support.slaproj")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="en", help="interface language: de, fr, pt_BR …")
    parser.add_argument("--size", default="1280x800", help="the window's size, e.g. 1024x768")
    options = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SLA_WIZARD_CONFIG_DIR"] = tempfile.mkdtemp(prefix="sla-wizard-shots-")
    from PySide6.QtWidgets import QApplication

    from wizard.settings import Settings
    from wizard.ui.language import apply_language
    from wizard.ui.main_window import MainWindow

    app = QApplication([])
    apply_language(options.language)
    window = MainWindow(Settings())
    width, _x, height = options.size.partition("x")
    window.resize(int(width), int(height))
    window.show()
    work = Path(tempfile.mkdtemp(prefix="sla-wizard-shots-"))
    copy = work / options.project.name
    shutil.copy(options.project, copy)
    window.open_path(copy)
    options.out.mkdir(parents=True, exist_ok=True)
    for index, page in enumerate(window.pages):
        window.go_to(index)
        app.processEvents()
        window.preview.refresh_now()
        window.preview.wait_idle()
        for _ in range(3):
            app.processEvents()
        target = options.out / f"{index:02d}-{page.step.value}.png"
        window.grab().save(str(target))
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
