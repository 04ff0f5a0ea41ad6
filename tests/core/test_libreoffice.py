"""A real word processor opens every generated contract (LibreOffice, headless)."""

from __future__ import annotations

from pathlib import Path

import pytest
from office import needs_libreoffice, pdf_text, to_pdf

from wizard.core.project_file import load_project
from wizard.core.render import generate_contract

pytestmark = [pytest.mark.slow, needs_libreoffice]


def test_every_example_opens_in_libreoffice(example_path: Path, tmp_path: Path) -> None:
    """A client opening the contract sees the parties, the targets and page numbers."""
    project = load_project(example_path)
    docx = generate_contract(project, tmp_path / f"{example_path.stem}.docx", "en_GB")
    raw = pdf_text(to_pdf(docx, tmp_path))
    text = " ".join(raw.split())  # table cells wrap: compare words, not lines
    for name in (project.parties.provider.name, project.parties.customer.name,
                 *(metric.name for metric in project.metrics)):
        assert " ".join(name.split()) in text
    assert "Page 1 of " in text
    assert "Signatures" in text
    pages = raw.count("\f")
    assert 3 <= pages <= 10, pages
