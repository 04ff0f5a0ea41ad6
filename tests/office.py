"""Opening a generated contract in a real word processor: LibreOffice
converts it to PDF, poppler reads the PDF's text back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are not installed",
)


def to_pdf(docx: Path, folder: Path) -> Path:
    """``docx`` converted to PDF in ``folder``, with a private LibreOffice profile
    so that conversions running side by side do not lock each other out."""
    assert SOFFICE is not None
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not convert the contract"
    return pdf


def pdf_text(pdf: Path, *options: str) -> str:
    """The PDF's text as pdftotext reads it (``-raw``: in the order the PDF holds it)."""
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
