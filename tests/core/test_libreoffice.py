"""A real word processor opens every generated contract (LibreOffice, headless)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wizard.core.project_file import load_project
from wizard.core.render import generate_contract

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler are not installed"),
]


def _to_pdf(docx: Path, tmp_path: Path) -> Path:
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not convert the contract"
    return pdf


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_every_example_opens_in_libreoffice(example_path: Path, tmp_path: Path) -> None:
    """A client opening the contract sees the parties, the targets and page numbers."""
    project = load_project(example_path)
    docx = generate_contract(project, tmp_path / f"{example_path.stem}.docx", "en_GB")
    raw = _pdf_text(_to_pdf(docx, tmp_path))
    text = " ".join(raw.split())  # table cells wrap: compare words, not lines
    for name in (project.parties.provider.name, project.parties.customer.name,
                 *(metric.name for metric in project.metrics)):
        assert " ".join(name.split()) in text
    assert "Page 1 of " in text
    assert "Signatures" in text
    pages = raw.count("\f")
    assert 3 <= pages <= 10, pages
