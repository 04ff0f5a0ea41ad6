"""Render the hand-drawn SVG icons in resources/icons/ into what each platform
wants: PNGs at 16-512 px in a freedesktop ``hicolor`` tree (Linux), ``.ico``
(Windows) and ``.icns`` (macOS).

Qt's SVG renderer (PySide6, already a dependency) draws every size from the
SVG itself so small icons stay crisp; Pillow (the ``build`` extra) packs the
sizes into ``.ico`` and ``.icns``. Run by installer/sla-wizard.spec on every
platform; nothing it writes is committed::

    python installer/make_icons.py OUTPUT_FOLDER
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

# icon name in the hicolor theme -> (SVG, hicolor context)
THEMED = {
    "sla-wizard": (ICONS / "sla-wizard.svg", "apps"),
    "application-x-slaproj": (ICONS / "application-x-slaproj.svg", "mimetypes"),
}
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def make_icons(out: Path) -> None:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine has no screen
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - kept alive
    for name, (svg, context) in THEMED.items():
        sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES})
        images = {size: Image.open(io.BytesIO(render(svg, size))).convert("RGBA")
                  for size in sizes}
        for size in HICOLOR_SIZES:
            target = out / "hicolor" / f"{size}x{size}" / context / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            images[size].save(target, optimize=True)
        scalable = out / "hicolor" / "scalable" / context / f"{name}.svg"
        scalable.parent.mkdir(parents=True, exist_ok=True)
        scalable.write_bytes(svg.read_bytes())
        largest_ico = images[max(ICO_SIZES)]
        largest_ico.save(out / f"{name}.ico", sizes=[(s, s) for s in ICO_SIZES],
                         append_images=[images[s] for s in ICO_SIZES])
        largest_icns = images[max(ICNS_SIZES)]
        largest_icns.save(out / f"{name}.icns",
                          append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    make_icons(out)
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
