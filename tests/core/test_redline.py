"""The Word redline: the new contract with the changes from the old one as
tracked changes. Accepting every change (done here on the XML, as Word does
it) must give the new contract's text exactly, rejecting every change the
old one's; what did not change stays untouched; Word's readers open it."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import docx
import pytest
from docx_reading import ContractText, read_contract
from example_paths import US_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from office import needs_libreoffice, pdf_text, to_pdf
from redline_resolving import accept_all, reject_all, revision_ids

from wizard.core.model import (
    Contact,
    MaintenanceWindow,
    PartyRole,
    Project,
    Service,
    StandardExclusion,
    Weekday,
)
from wizard.core.project_file import load_project
from wizard.core.redline import (
    RedlineError,
    redline_documents,
    redline_projects,
    write_redline,
)
from wizard.core.render import render_contract

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = datetime.datetime(2027, 3, 1, 9, 30, tzinfo=datetime.UTC)

Edit = Callable[[Project], object]


def _claim_window(p: Project) -> None:
    p.service_credits.claim_window_days = 45


def _target(p: Project) -> None:
    p.metrics[0].target = Decimal("99.95")


def _title(p: Project) -> None:
    p.agreement.title = "Managed IT Support and Backup Agreement"


def _effective_date(p: Project) -> None:
    p.agreement.effective_date = datetime.date(2027, 4, 1)


def _purpose(p: Project) -> None:
    p.agreement.purpose = "This agreement sets out what Northwind does for Harbor Bakery."


def _report_line(p: Project) -> None:
    p.reporting.contents.insert(1, "Open security findings")


def _exclusion_gone(p: Project) -> None:
    p.exclusions.custom = []


def _service_added(p: Project) -> None:
    p.services.append(Service(id="print", name="Printing", description="Printer support.",
                              included=["Toner delivery"], monthly_fee=Decimal("80")))


def _service_removed(p: Project) -> None:
    p.services.pop(1)


def _contacts(p: Project) -> None:
    p.contacts.pop(1)
    p.contacts.append(Contact(name="Ana Ortega", party=PartyRole.CUSTOMER, role="Manager",
                              email="ana@harborbakery.example", escalation_level=2))


def _windows_gone(p: Project) -> None:
    p.schedule.maintenance_windows = []


def _windows_added(p: Project) -> None:
    p.schedule.maintenance_windows.append(
        MaintenanceWindow(day=Weekday.WED, start="22:00", duration_minutes=60))


def _credits_off(p: Project) -> None:
    p.service_credits.enabled = False


def _services_reversed(p: Project) -> None:
    p.services.reverse()


def _exclusions(p: Project) -> None:
    p.exclusions.standard.append(StandardExclusion.BETA_FEATURES)
    p.exclusions.standard.remove(StandardExclusion.FORCE_MAJEURE)


def _definitions_gone(p: Project) -> None:
    p.agreement.definitions = []


def _signatory(p: Project) -> None:
    p.parties.customer.signatory.name = "Ana Ortega"
    p.parties.provider.registration = ""


def _term(p: Project) -> None:
    p.termination.auto_renew = False
    p.termination.for_convenience_notice_days = 90


def _severity(p: Project) -> None:
    p.severity_levels[1].response_minutes = 30
    p.severity_levels.pop()


EDITS: dict[str, Edit] = {
    "a word": _claim_window,
    "a figure in a table": _target,
    "the title, in the header too": _title,
    "bold text": _effective_date,
    "a paragraph rewritten": _purpose,
    "a list line added": _report_line,
    "a paragraph removed": _exclusion_gone,
    "a section added": _service_added,
    "a section removed": _service_removed,
    "table rows added and removed": _contacts,
    "a table removed": _windows_gone,
    "a table row added": _windows_added,
    "a section with a table removed": _credits_off,
    "sections reordered": _services_reversed,
    "list lines swapped": _exclusions,
    "a whole table removed": _definitions_gone,
    "party details": _signatory,
    "term sentences": _term,
    "table cells and a row": _severity,
}


@cache
def _base() -> Project:
    return load_project(US_EXAMPLE)


def edited(*edits: Edit) -> Project:
    project = _base().model_copy(deep=True)
    for edit in edits:
        edit(project)
    return project


@cache
def _contract_of(data: bytes) -> bytes:
    return render_contract(Project.model_validate_json(data), "en_US")


def contract(project: Project) -> bytes:
    return _contract_of(project.model_dump_json().encode())


def texts(data: bytes) -> ContractText:
    return read_contract(data)


def assert_resolves(old: bytes, new: bytes, redline: bytes) -> None:
    accepted, rejected = texts(accept_all(redline)), texts(reject_all(redline))
    wanted_new, wanted_old = texts(new), texts(old)
    assert accepted.text == wanted_new.text
    assert accepted.tables == wanted_new.tables
    assert rejected.text == wanted_old.text
    assert rejected.tables == wanted_old.tables


@pytest.mark.parametrize("name", list(EDITS))
@pytest.mark.parametrize("direction", ["forward", "back"])
def test_accept_all_gives_the_new_contract_and_reject_all_the_old(name: str,
                                                                   direction: str) -> None:
    """A lawyer who accepts every change reads the new draft word for word;
    one who rejects them all reads the old draft."""
    before, after = contract(_base()), contract(edited(EDITS[name]))
    if direction == "back":
        before, after = after, before
    redline = redline_documents(before, after, date=DATE)
    assert revision_ids(redline), "no tracked change at all"
    assert_resolves(before, after, redline)


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(sorted(EDITS)), min_size=2, max_size=6, unique=True))
def test_many_changes_at_once_resolve_both_ways(names: list[str]) -> None:
    """However the changes combine, accepting and rejecting give each draft back."""
    before = contract(_base())
    after = contract(edited(*(EDITS[name] for name in names)))
    assert_resolves(before, after, redline_documents(before, after, date=DATE))


def test_every_change_has_an_author_a_date_and_its_own_id() -> None:
    """Word lists each change with who made it and when; two changes with
    one id confuse it."""
    before = contract(_base())
    after = contract(edited(_service_added, _contacts, _claim_window, _windows_gone))
    redline = redline_documents(before, after, author="Northwind IT Services", date=DATE)
    ids = revision_ids(redline)
    assert len(ids) > 20
    assert len(set(ids)) == len(ids)
    with zipfile.ZipFile(io.BytesIO(redline)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    marks = list(body.iter(f"{{{W}}}ins", f"{{{W}}}del", f"{{{W}}}pPrChange"))
    assert {m.get(f"{{{W}}}author") for m in marks} == {"Northwind IT Services"}
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2027-03-01T09:30:00Z"}


def _body_children(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{{{W}}}body")
    return [etree.tostring(child) for child in body]


def test_what_did_not_change_is_left_untouched() -> None:
    """One changed word touches one paragraph: every other paragraph and
    table of the new contract is in the redline as it was."""
    before, after = contract(_base()), contract(edited(_claim_window))
    redline = redline_documents(before, after, date=DATE)
    new_blocks, red_blocks = _body_children(after), _body_children(redline)
    assert len(new_blocks) == len(red_blocks)
    differing = [k for k, (a, b) in enumerate(zip(new_blocks, red_blocks, strict=True))
                 if a != b]
    assert len(differing) == 1
    changed = red_blocks[differing[0]].decode()
    assert "30" in changed and "45" in changed


def test_changed_words_keep_their_formatting() -> None:
    """The effective date is bold in the contract: so are its old and new words."""
    before, after = contract(_base()), contract(edited(_effective_date))
    redline = redline_documents(before, after, date=DATE)
    with zipfile.ZipFile(io.BytesIO(redline)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    sentence = next(p for p in body.iter(f"{{{W}}}p")
                    if "".join(p.itertext()).startswith("This agreement takes effect on"))
    inserted = [r for r in sentence.iter(f"{{{W}}}r") if r.getparent().tag == f"{{{W}}}ins"]
    deleted = [r for r in sentence.iter(f"{{{W}}}r") if r.getparent().tag == f"{{{W}}}del"]
    assert "".join(r.findtext(f"{{{W}}}t") or "" for r in inserted).strip() == "April"
    assert "".join(r.findtext(f"{{{W}}}delText") or "" for r in deleted).strip() == "January"
    for run in inserted + deleted:
        assert run.find(f"{{{W}}}rPr/{{{W}}}b") is not None


def test_whole_paragraphs_and_rows_are_marked_as_such() -> None:
    """A paragraph or a table row put in or taken out shows as one in Word:
    its paragraph mark, or its row, is marked too."""
    before = contract(_base())
    after = contract(edited(_service_added, _contacts))
    redline = redline_documents(before, after, date=DATE)
    with zipfile.ZipFile(io.BytesIO(redline)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    ins_marks = body.findall(f".//{{{W}}}pPr/{{{W}}}rPr/{{{W}}}ins")
    del_marks = body.findall(f".//{{{W}}}pPr/{{{W}}}rPr/{{{W}}}del")
    assert len(ins_marks) >= 4  # the new service's heading, text, list and fee
    assert del_marks  # Dana Whitfield's escalation line
    row_ins = body.findall(f".//{{{W}}}trPr/{{{W}}}ins")
    row_del = body.findall(f".//{{{W}}}trPr/{{{W}}}del")
    assert len(row_ins) == 1 and len(row_del) == 1
    deleted_row = row_del[0].getparent().getparent()
    assert "Dana Whitfield" in "".join(deleted_row.itertext())


def test_no_change_no_mark() -> None:
    same = contract(_base())
    redline = redline_documents(same, same, date=DATE)
    assert revision_ids(redline) == []
    assert texts(redline).text == texts(same).text


def test_python_docx_opens_the_redline() -> None:
    before = contract(_base())
    after = contract(edited(_service_added, _contacts, _credits_off, _title))
    document = docx.Document(io.BytesIO(redline_documents(before, after, date=DATE)))
    assert document.paragraphs


def test_something_else_than_a_word_document_is_refused() -> None:
    with pytest.raises(RedlineError):
        redline_documents(b"not a zip", contract(_base()))
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("hello.txt", "hello")
    with pytest.raises(RedlineError):
        redline_documents(empty.getvalue(), contract(_base()))


def test_both_drafts_are_written_with_the_new_one_s_template_and_look(tmp_path: Path) -> None:
    """The old draft's own colour or logo is no change of wording: only what
    the projects say shows in the redline."""
    old = _base().model_copy(deep=True)
    old.branding.accent_colour = "#AA0000"
    new = edited(_claim_window)
    redline = redline_projects(old, new, "en_US", date=DATE)
    assert_resolves(contract(old.model_copy(update={"branding": new.branding})),
                    contract(new), redline)
    target = write_redline(old, new, tmp_path / "changes.docx", "en_US")
    assert texts(accept_all(target.read_bytes())).text == texts(contract(new)).text


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_opens_the_redline_and_shows_both_drafts_words(tmp_path: Path) -> None:
    """LibreOffice draws the tracked changes: the old words struck through
    beside the new ones."""
    before = contract(_base())
    after = contract(edited(_claim_window, _service_added, _contacts))
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_documents(before, after, date=DATE))
    text = " ".join(pdf_text(to_pdf(path, tmp_path)).split())
    assert "30 days" in text and "45 days" in text
    assert "Printing" in text and "Dana Whitfield" in text and "Ana Ortega" in text
