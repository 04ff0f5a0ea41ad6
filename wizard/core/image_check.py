"""Is a PNG or JPEG file whole? Read to its end, without an image library.

python-docx reads an image's header only, so a logo cut short (a download
that stopped, a file copied from a full disk) passed as an image, and Word
showed a broken picture on the contract. :func:`verify_image` reads all of
it:

- a PNG chunk by chunk, each chunk's checksum (CRC-32) verified, from the
  ``IHDR`` header to the ``IEND`` chunk; its pixel data (the ``IDAT``
  chunks) unpacked in full and counted against the size the header gives,
  each row's filter byte checked, and the unpacking stopped as soon as it
  would exceed that size;
- a JPEG segment by segment from its start marker (``SOI``), through a frame
  header with the image's size and at least one scan whose compressed data
  is followed to its end, to the end marker (``EOI``).

Both are refused above :data:`MAX_PIXELS`, before their pixels are
unpacked: a few kilobytes of PNG can stand for gigabytes of pixels. No Qt
here (the core has none) and no new dependency: zlib, which unpacks PNG
pixel data, is in the standard library.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"

MAX_PIXELS = 25_000_000
"""The most pixels a logo may have (5,000 × 5,000): a logo printed 4 cm wide
needs about 500 pixels across; 25 million unpack to at most 200 MB."""

_CHUNK = 256 * 1024
_PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))
"""Interlaced PNG passes: first column, first row, column step, row step."""
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF})
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_SOS, _EOI = 0xDA, 0xD9


class DamagedImageError(ValueError):
    """The file is not a whole PNG or JPEG image; the message says where it
    breaks (in English: a detail for the curious, not the user's message)."""


class TooManyPixelsError(ValueError):
    """The image has more than :data:`MAX_PIXELS` pixels."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width} × {height} pixels")
        self.width = width
        self.height = height


def verify_image(data: bytes) -> tuple[int, int]:
    """The width and height of the PNG or JPEG image ``data``, read to its end.
    :class:`DamagedImageError` when it is neither or is damaged,
    :class:`TooManyPixelsError` when it is too large to unpack."""
    width, height, problem = _verified(data)
    if problem == "pixels":
        raise TooManyPixelsError(width, height)
    if problem:
        raise DamagedImageError(problem)
    return width, height


@lru_cache(maxsize=8)
def _verified(data: bytes) -> tuple[int, int, str]:
    """``(width, height, problem)``, cached: the checks and every preview ask
    again for the same logo."""
    try:
        if data.startswith(PNG_SIGNATURE):
            width, height = _verify_png(data)
        elif data.startswith(JPEG_SIGNATURE):
            width, height = _verify_jpeg(data)
        else:
            raise DamagedImageError("neither a PNG nor a JPEG image")
    except TooManyPixelsError as exc:
        return exc.width, exc.height, "pixels"
    except DamagedImageError as exc:
        return 0, 0, str(exc) or "damaged"
    return width, height, ""


# --------------------------------------------------------------------------- PNG
def _png_rows(width: int, height: int, bits_per_pixel: int, interlaced: bool
              ) -> list[tuple[int, int]]:
    """``(bytes per row including its filter byte, rows)`` for each pass."""
    passes = _ADAM7 if interlaced else ((0, 0, 1, 1),)
    rows = []
    for column, row, column_step, row_step in passes:
        pass_width = (width - column + column_step - 1) // column_step
        pass_height = (height - row + row_step - 1) // row_step
        if pass_width > 0 and pass_height > 0:
            rows.append((1 + (pass_width * bits_per_pixel + 7) // 8, pass_height))
    return rows


class _PixelData:
    """PNG pixel data unpacked as it arrives, counted against what the header
    promises and checked row by row (each starts with a filter type, 0 to 4)."""

    def __init__(self, rows: list[tuple[int, int]]) -> None:
        self.rows = [(length, count) for length, count in rows]
        self.expected = sum(length * count for length, count in rows)
        self.produced = 0
        self.row_left = 0  # bytes left in the current row
        self.unpacker = zlib.decompressobj()

    def feed(self, packed: bytes) -> None:
        pending = packed
        while pending and not self.unpacker.eof:
            try:
                out = self.unpacker.decompress(pending, _CHUNK)
            except zlib.error as exc:
                raise DamagedImageError(f"pixel data damaged ({exc})") from None
            self._count(out)
            pending = self.unpacker.unconsumed_tail

    def _count(self, out: bytes) -> None:
        self.produced += len(out)
        if self.produced > self.expected:
            raise DamagedImageError("more pixel data than the image has room for")
        at = 0
        while at < len(out):
            if self.row_left == 0:
                if out[at] > 4:
                    raise DamagedImageError(f"unknown row filter {out[at]}")
                length, count = self.rows[0]
                self.rows[0] = (length, count - 1)
                if count == 1:
                    self.rows.pop(0)
                self.row_left = length
            step = min(self.row_left, len(out) - at)
            self.row_left -= step
            at += step

    def finish(self) -> None:
        if not self.unpacker.eof:
            try:
                self._count(self.unpacker.flush())
            except zlib.error as exc:
                raise DamagedImageError(f"pixel data damaged ({exc})") from None
        if not self.unpacker.eof or self.produced != self.expected:
            raise DamagedImageError("pixel data cut short")


def _verify_png(data: bytes) -> tuple[int, int]:
    at = len(PNG_SIGNATURE)
    width = height = 0
    pixels: _PixelData | None = None
    palette = idat_ended = False
    colour = -1
    previous = b""
    while True:
        if at + 8 > len(data):
            raise DamagedImageError("cut short before its end (IEND)")
        length, kind = struct.unpack_from(">I4s", data, at)
        end = at + 12 + length
        if length > 0x7FFFFFFF or end > len(data):
            raise DamagedImageError(f"chunk {kind!r} cut short")
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack_from(">I", data, at + 8 + length)
        if zlib.crc32(kind + body) != crc:
            raise DamagedImageError(f"chunk {kind!r} damaged (checksum)")
        if at == len(PNG_SIGNATURE):
            if kind != b"IHDR" or length != 13:
                raise DamagedImageError("no IHDR header first")
            width, height, depth, colour, method, filtering, interlace = struct.unpack(
                ">IIBBBBB", body)
            if (width == 0 or height == 0 or width > 0x7FFFFFFF or height > 0x7FFFFFFF
                    or depth not in _PNG_DEPTHS.get(colour, ()) or method or filtering
                    or interlace > 1):
                raise DamagedImageError("impossible IHDR header")
            if width * height > MAX_PIXELS:
                raise TooManyPixelsError(width, height)
            pixels = _PixelData(_png_rows(width, height, depth * _PNG_CHANNELS[colour],
                                          bool(interlace)))
        elif kind == b"PLTE":
            palette = True
        elif kind == b"IDAT":
            if pixels is None or idat_ended or (colour == 3 and not palette):
                raise DamagedImageError("pixel data out of place")
            pixels.feed(body)
        elif kind == b"IEND":
            break
        if previous == b"IDAT" and kind != b"IDAT":
            idat_ended = True
        previous = kind
        at = end
    if pixels is None:
        raise DamagedImageError("no IHDR header")
    pixels.finish()
    return width, height


# --------------------------------------------------------------------------- JPEG
def _skip_scan(data: bytes, at: int) -> int:
    """Where the compressed data of a scan starting at ``at`` ends: at the
    first marker that is neither a stuffed 0xFF 0x00 nor a restart marker."""
    while True:
        found = data.find(b"\xff", at)
        if found < 0 or found + 1 >= len(data):
            raise DamagedImageError("cut short inside a scan")
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at = found + 2
        elif following == 0xFF:
            at = found + 1
        else:
            return found


def _verify_jpeg(data: bytes) -> tuple[int, int]:
    at = 2
    size: tuple[int, int] | None = None
    scans = 0
    while True:
        if at >= len(data):
            raise DamagedImageError("cut short before its end (EOI)")
        if data[at] != 0xFF:
            raise DamagedImageError(f"no marker at byte {at}")
        while at < len(data) and data[at] == 0xFF:
            at += 1  # fill bytes
        if at >= len(data):
            raise DamagedImageError("cut short before its end (EOI)")
        marker = data[at]
        at += 1
        if marker == _EOI:
            if size is None or not scans:
                raise DamagedImageError("no frame or no scan before its end")
            return size
        if marker in _JPEG_STANDALONE:
            continue
        if marker == 0x00 or at + 2 > len(data):
            raise DamagedImageError("cut short in a segment")
        (length,) = struct.unpack_from(">H", data, at)
        if length < 2 or at + length > len(data):
            raise DamagedImageError(f"segment {marker:#04x} cut short")
        segment = data[at + 2:at + length]
        at += length
        if marker in _JPEG_FRAMES:
            if size is not None or len(segment) < 6:
                raise DamagedImageError("a second or short frame header")
            height, width, components = struct.unpack_from(">HHB", segment, 1)
            if width == 0 or height == 0 or len(segment) != 6 + 3 * components:
                raise DamagedImageError("impossible frame header")
            if width * height > MAX_PIXELS:
                raise TooManyPixelsError(width, height)
            size = (width, height)
        elif marker == _SOS:
            if size is None:
                raise DamagedImageError("a scan before the frame header")
            scans += 1
            at = _skip_scan(data, at)
