"""Logos read to their end: a PNG or JPEG cut short, or whose pixel data is
damaged behind intact checksums, is refused when chosen and reported by the
checks when stored; one that would unpack to gigabytes is refused before it
is unpacked; whole images of every kind pass."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE
from images import JPEG_8X4, png_bytes
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter

from wizard.core.branding import LogoError, logo_problem, read_logo
from wizard.core.checks import Severity, check_project
from wizard.core.image_check import (
    MAX_PIXELS,
    DamagedImageError,
    TooManyPixelsError,
    verify_image,
)
from wizard.core.model import Logo
from wizard.core.project_file import load_project


def chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png(header: bytes, pixel_data: bytes, *extra: bytes) -> bytes:
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + b"".join(extra)
            + chunk(b"IDAT", zlib.compress(pixel_data)) + chunk(b"IEND", b""))


def interlaced_png(width: int, height: int) -> bytes:
    """An interlaced (Adam7) grey PNG, each pass's rows written out."""
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))
    data = b""
    for column, row, column_step, row_step in passes:
        columns = len(range(column, width, column_step))
        for _ in range(row, height, row_step):
            if columns:
                data += b"\x00" + b"\x80" * columns
    return png(struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 1), data)


def qt_image(fmt: bytes, progressive: bool = False) -> bytes:
    """An image as a real encoder (Qt's) writes it."""
    image = QImage(120, 45, QImage.Format.Format_RGB32)
    image.fill(QColor(31, 111, 139))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(fmt))
    writer.setProgressiveScanWrite(progressive)
    assert writer.write(image)
    return bytes(buffer.data().data())


def stored(data: bytes, name: str, media_type: str = "image/png") -> Logo:
    return Logo(media_type=media_type, filename=name,
                data=base64.b64encode(data).decode("ascii"))


GOOD = {
    "png": png_bytes(200, 80),
    "png with resolution": png_bytes(30, 30, dpi=300),
    "interlaced png": interlaced_png(13, 11),
    "palette png": png(struct.pack(">IIBBBBB", 9, 3, 4, 3, 0, 0, 0),
                       (b"\x00" + b"\x12\x34\x50\x12\x30") * 3,
                       chunk(b"PLTE", b"\x00\x00\x00" * 16)),
    "16-bit grey png": png(struct.pack(">IIBBBBB", 5, 2, 16, 0, 0, 0, 0),
                           (b"\x01" + b"\x10\x00" * 5) * 2),
    "qt png": qt_image(b"png"),
    "jpeg": JPEG_8X4,
    "qt jpeg": qt_image(b"jpeg"),
    "qt progressive jpeg": qt_image(b"jpeg", progressive=True),
}


@pytest.mark.parametrize("name", list(GOOD))
def test_whole_images_pass(name: str) -> None:
    """A logo any tool writes must keep passing."""
    data = GOOD[name]
    assert QImage.fromData(data).isNull() is False  # Qt reads it too
    width, height = verify_image(data)
    assert (width, height) == (QImage.fromData(data).width(), QImage.fromData(data).height())


def cuts(data: bytes) -> list[int]:
    return sorted({len(data) // 3, len(data) // 2, len(data) - 12, len(data) - 3, len(data) - 1})


@pytest.mark.parametrize("name", list(GOOD))
def test_every_cut_short_copy_is_refused(name: str) -> None:
    data = GOOD[name]
    for cut in cuts(data):
        with pytest.raises(DamagedImageError):
            verify_image(data[:cut])


def test_a_truncated_png_logo_is_refused_when_chosen(tmp_path: Path) -> None:
    """A download that stopped halfway still has a whole PNG header: it passed,
    and Word showed a broken picture on the contract."""
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes(400, 150)[:-20])
    with pytest.raises(LogoError) as info:
        read_logo(path)
    assert str(info.value) == '"logo.png" is damaged: it cannot be read as an image.'


def test_a_truncated_jpeg_logo_is_refused_when_chosen(tmp_path: Path) -> None:
    path = tmp_path / "logo.jpg"
    path.write_bytes(qt_image(b"jpeg")[:-200])
    with pytest.raises(LogoError, match="is damaged"):
        read_logo(path)


@pytest.mark.parametrize(("data", "media_type"), [(png_bytes(400, 150)[:-20], "image/png"),
                                                  (JPEG_8X4[:-2], "image/jpeg")])
def test_a_truncated_stored_logo_is_an_error_of_the_check(data: bytes, media_type: str) -> None:
    """A project whose logo was cut short: the check says so on the Appearance
    step, and the contract is not generated with a broken picture."""
    project = load_project(US_EXAMPLE)
    project.branding.logo = stored(data, "cut.png", media_type)
    problems = [p for p in check_project(project) if p.path == "branding.logo"]
    assert len(problems) == 1 and problems[0].severity is Severity.ERROR
    assert problems[0].message == ('The logo "cut.png" stored in this project is damaged. '
                                   "Choose the image again, or remove it.")


def test_damaged_pixels_behind_intact_checksums_are_found() -> None:
    """Checksums say each chunk is as written, not that the pixels are all
    there: half the rows a header promises are refused."""
    header = struct.pack(">IIBBBBB", 10, 10, 8, 0, 0, 0, 0)
    with pytest.raises(DamagedImageError, match="cut short"):
        verify_image(png(header, (b"\x00" + b"\x40" * 10) * 5))
    with pytest.raises(DamagedImageError, match="filter"):
        verify_image(png(header, (b"\x09" + b"\x40" * 10) * 10))
    data = bytearray(png(header, (b"\x00" + b"\x40" * 10) * 10))
    data[45] ^= 0xFF  # inside the pixel data: the chunk's checksum no longer matches
    with pytest.raises(DamagedImageError, match="checksum"):
        verify_image(bytes(data))


def test_a_png_that_would_unpack_to_gigabytes_is_refused_unpacked() -> None:
    """A few kilobytes standing for 40,000 × 40,000 pixels (6.4 GB of them)."""
    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 6, 0, 0, 0)
    bomb = png(header, b"")
    assert len(bomb) < 1000
    with pytest.raises(TooManyPixelsError):
        verify_image(bomb)
    problem = logo_problem(stored(bomb, "huge.png"))
    assert problem == ('"huge.png" is 40000 × 40000 pixels; a logo may have at most '
                       f"{MAX_PIXELS // 1_000_000} million pixels. Save it smaller (a few "
                       "hundred pixels wide is plenty) and choose it again.")


def test_a_whole_logo_has_no_problem() -> None:
    assert logo_problem(stored(GOOD["qt png"], "fine.png")) is None
    assert logo_problem(stored(GOOD["qt jpeg"], "fine.jpg", "image/jpeg")) is None
