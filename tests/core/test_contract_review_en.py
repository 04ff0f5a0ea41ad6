"""English contracts read as an American and a British lawyer read them,
back from the rendered .docx: American spelling only in US English, the
paper and language of each country, and the British forms kept in en_GB."""

from __future__ import annotations

import io

import pytest
from docx import Document
from every_part import contract_text, every_part_on
from example_paths import US_EXAMPLE

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract


@pytest.fixture
def us() -> Project:
    return every_part_on(load_project(US_EXAMPLE))


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    """The contract with every part on, in US and in British English (rendered once)."""
    project = every_part_on(load_project(US_EXAMPLE))
    return contract_text(project, "en_US"), contract_text(project, "en_GB")


def test_us_english_writes_email_in_one_word(texts: tuple[str, str]) -> None:
    """American usage is "email"; the British "e-mail" stays in en_GB. What
    the user typed (the maintenance notice channel) stays as typed."""
    us_text, gb_text = texts
    assert ("Notices may also be given by email, except notices of breach or termination, "
            "which are given in writing.") in us_text
    assert "by e-mail, except" not in us_text
    assert "The Provider gives notice of maintenance by e-mail." in us_text
    assert "Notices may also be given by e-mail, except notices" in gb_text
    assert "by email" not in gb_text


def test_each_country_its_own_spelling(texts: tuple[str, str]) -> None:
    us_text, gb_text = texts
    assert "gross negligence or willful misconduct" in us_text
    assert "gross negligence or wilful misconduct" in gb_text
    assert "an automatic acknowledgment is not a response" in us_text
    assert "an automatic acknowledgement is not a response" in gb_text
    # the serial comma is American; British English leaves it out
    assert "allows 1\u00a0hour, 4\u00a0minutes, and 12\u00a0seconds of Downtime" in us_text
    assert "allows 1\u00a0hour, 4\u00a0minutes and 12\u00a0seconds of Downtime" in gb_text


def test_dates_times_and_money_as_each_country_writes_them(texts: tuple[str, str]) -> None:
    us_text, gb_text = texts
    assert "This agreement takes effect on January 1, 2027." in us_text
    assert "This agreement takes effect on 1 January 2027." in gb_text
    assert "Monthly fee: $1,250.00" in us_text
    assert "Monthly fee: US$1,250.00" in gb_text
    assert "Sunday from 2:00\u202fAM" in us_text or "Sunday from 2:00 AM" in us_text
    assert "Sunday from 02:00" in gb_text
    assert "All times in this agreement are given in Pacific Time." in us_text
    assert "America/Los_Angeles" not in us_text + gb_text


@pytest.mark.parametrize(("locale", "width", "language"),
                         [("en_US", 8.5, "en-US"), ("en_GB", 8.27, "en-GB")])
def test_paper_and_language_follow_the_country(us: Project, locale: str, width: float,
                                               language: str) -> None:
    document = Document(io.BytesIO(render_contract(us, locale)))
    page_width = document.sections[0].page_width
    assert page_width is not None
    assert round(page_width.inches, 2) == width
    assert document.core_properties.language == language
