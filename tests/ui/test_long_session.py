"""A long working session in the real window: more than twenty thousand edits
over every step, then the project holds exactly what was typed (issue 14).

Every keystroke, cell and row makes the pages call Qt setters that return
nothing (``setText``, ``setItem``, ``setToolTip`` …); a Qt binding that loses
a reference to None in each such call (PySide6 6.12.0 on Python 3.11) aborts
the process after a few thousand of them, as it did after ten minutes of
typing severity definitions; the session here makes some two and a half
million such calls. The test counts edits as a user sees them: one keystroke
in a field, one cell changed, one row added or removed, one box ticked, one
move to another step. It takes about twenty seconds.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.model import (
    Contact,
    CreditTier,
    Definition,
    MaintenanceWindow,
    MeasuredDuring,
    Metric,
    PartyRole,
    Project,
    Service,
    SeverityLevel,
    StandardExclusion,
    Weekday,
)
from wizard.core.project_file import load_project
from wizard.ui.main_window import MainWindow
from wizard.ui.widgets.record_table import RecordTable

ROUNDS = 20
"""Times the session goes through the wizard; each round is over a thousand edits."""
LEAST_EDITS = 20_000
LEFT = Qt.MouseButton.LeftButton
STEPS = list(Step)


def differences(got: Any, want: Any, path: str = "") -> list[str]:
    """Where two dumped projects differ, by their place in the project."""
    if isinstance(got, dict) and isinstance(want, dict):
        return [line for key in sorted(set(got) | set(want))
                for line in differences(got.get(key), want.get(key), f"{path}.{key}")]
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        return [line for index, (g, w) in enumerate(zip(got, want, strict=True))
                for line in differences(g, w, f"{path}.{index}")]
    return [] if got == want else [f"{path[1:]}: typed {want!r}, project has {got!r}"]


def free_id(taken: list[str], name: Callable[[int], str], start: int) -> str:
    """The identifier a new row gets: the first free one from ``start`` on."""
    number = start
    while name(number) in taken:
        number += 1
    return name(number)


class Session:
    """A user at work in the window: every action goes through the widgets,
    is counted, and is applied to :attr:`expected`, the project as the user
    means it to be."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.expected: Project = window.document.project.model_copy(deep=True)
        self.edits: Counter[str] = Counter()
        self.edits_by_step: Counter[Step] = Counter()
        self.visited: set[Step] = set()

    @property
    def total(self) -> int:
        return sum(self.edits.values())

    def _count(self, kind: str, number: int = 1) -> None:
        self.edits[kind] += number
        self.edits_by_step[self.window.current_page().step] += number

    # moving between steps -----------------------------------------------------
    def go(self, step: Step) -> Any:
        """Press Back or Next until ``step`` shows; its page."""
        window = self.window
        while (shown := STEPS.index(window.current_page().step)) != STEPS.index(step):
            button = window.next_button if shown < STEPS.index(step) else window.back_button
            self.qtbot.mouseClick(button, LEFT)
            self._count("step")
        return self._arrived(step)

    def jump(self, step: Step) -> Any:
        """Click ``step`` in the list of steps; its page."""
        steps = self.window.step_list
        item = steps.item(STEPS.index(step))
        steps.scrollToItem(item)
        self.qtbot.mouseClick(steps.viewport(), LEFT, pos=steps.visualItemRect(item).center())
        self._count("step")
        return self._arrived(step)

    def _arrived(self, step: Step) -> Any:
        page = self.window.current_page()
        assert page.step is step
        self.visited.add(step)
        # the editors the tables closed are deleted, as the event loop would
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return page

    def pause(self) -> None:
        """Stop typing for a moment: the checks run, the preview renders and is shown."""
        self.qtbot.wait(450)
        self.window.preview.wait_idle()
        QApplication.processEvents()

    # typing -------------------------------------------------------------------
    def retype(self, edit: QLineEdit | QAbstractSpinBox, text: str) -> None:
        """Select all of a one-line field and type ``text`` over it, key by key."""
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClicks(edit, text)
        self._count("keystroke", len(text))

    def rewrite(self, box: QPlainTextEdit, text: str) -> None:
        """Select all of a text box, delete it and type ``text``, Return between lines."""
        box.setFocus()
        box.selectAll()
        if box.toPlainText():
            self.qtbot.keyClick(box, Qt.Key.Key_Delete)
            self._count("keystroke")
        for number, line in enumerate(text.split("\n")):
            if number:
                self.qtbot.keyClick(box, Qt.Key.Key_Return)
                self._count("keystroke")
            self.qtbot.keyClicks(box, line)
            self._count("keystroke", len(line))

    def choose(self, combo: QComboBox, text: str) -> None:
        """Choose the entry ``text`` of a list, as a user's pick does."""
        index = combo.findText(text)
        assert index >= 0, f"{text!r} is not offered"
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self._count("choice")

    def tick(self, box: QCheckBox) -> None:
        """Click the box where its tick mark is."""
        self.qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
        self._count("tick")

    # tables --------------------------------------------------------------------
    def select(self, records: RecordTable, row: int) -> None:
        """Select a row (not an edit)."""
        records.table.setCurrentCell(row, 0)
        assert records.current_row() == row

    def edit_cell(self, records: RecordTable, row: int, column: int, text: str) -> None:
        """Select a cell, press F2, type (or choose, in a list cell) and press Enter."""
        table = records.table
        if not table.hasFocus():
            table.setFocus()
        table.setCurrentCell(row, column)
        self.qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        if isinstance(editor, QComboBox):
            index = editor.findText(text)
            assert index >= 0, f"{text!r} is not offered in column {column}"
            editor.setCurrentIndex(index)
        elif isinstance(editor, QLineEdit | QSpinBox):
            editor.selectAll()
            self.qtbot.keyClicks(editor, text)
        else:
            raise AssertionError(f"no cell editor opened, focus on {editor!r}")
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        # the delegate commits the editor's text once the key has been handled
        QApplication.sendPostedEvents(table.itemDelegate(), QEvent.Type.MetaCall)
        assert table.state() != QAbstractItemView.State.EditingState
        self._count("cell")

    def add_row(self, records: RecordTable, items: list[Any], item: Any) -> None:
        """Press Add; the new row holds ``item`` and is selected."""
        self.qtbot.mouseClick(records.add_button, LEFT)
        items.append(item)
        assert records.current_row() == len(items) - 1
        self._count("row")

    def remove_row(self, records: RecordTable, items: list[Any], row: int) -> None:
        """Select ``row`` and press Remove."""
        self.select(records, row)
        self.qtbot.mouseClick(records.remove_button, LEFT)
        del items[row]
        self._count("row")


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# a round of work on each step --------------------------------------------------
def basics(s: Session, r: int) -> None:
    page = s.go(Step.BASICS)
    agreement = s.expected.agreement
    agreement.title = f"Managed printing agreement, draft {r}"
    s.retype(page.title_edit, agreement.title)
    agreement.reference = f"MPS-2027-{r:03d}"
    s.retype(page.reference_edit, agreement.reference)
    agreement.document_version = f"1.{r}"
    s.retype(page.version_edit, agreement.document_version)
    agreement.purpose = (f"Inkwell Print Services keeps the printers of Bramble Books running "
                         f"(draft {r}).\nThis agreement sets the service levels for that work.")
    s.rewrite(page.purpose_edit, agreement.purpose)

    terms = agreement.definitions
    if r % 4 == 0 and len(terms) < 4:
        s.add_row(page.definitions.items, terms, Definition(term="New term"))
    elif r % 4 == 2 and len(terms) > 2:
        s.remove_row(page.definitions.items, terms, 0)
    row = r % len(terms)
    s.select(page.definitions.items, row)
    terms[row].term = f"Print job {r}"
    s.retype(page.term_edit, terms[row].term)
    terms[row].definition = f"A document sent to a covered printer, as of draft {r}."
    s.rewrite(page.definition_edit, terms[row].definition)


def parties(s: Session, r: int) -> None:
    page = s.go(Step.PARTIES)
    for fields, party, name, town in (
            (page.provider, s.expected.parties.provider, "Inkwell Print Services", "Bristol"),
            (page.customer, s.expected.parties.customer, "Bramble Books", "Bath")):
        party.name = f"{name} {r} Ltd"
        s.retype(fields.name_edit, party.name)
        party.address = f"{4 + r} Quay Street\n{town}"
        s.rewrite(fields.address_edit, party.address)
        party.registration = f"Company no. {1234567 + r:08d}"
        s.retype(fields.registration_edit, party.registration)
        party.signatory.name = f"Signatory {r}"
        s.retype(fields.signatory_name_edit, party.signatory.name)
        party.signatory.title = "Director" if r % 2 else "Owner"
        s.retype(fields.signatory_title_edit, party.signatory.title)
        party.signatory.email = f"sign{r}@{town.lower()}.example"
        s.retype(fields.signatory_email_edit, party.signatory.email)


def stakeholders(s: Session, r: int) -> None:
    page = s.go(Step.STAKEHOLDERS)
    contacts = s.expected.contacts
    if len(contacts) < 2 or (r % 3 == 0 and len(contacts) < 5):
        s.add_row(page.contacts.items, contacts, Contact(name="New contact"))
    elif r % 3 == 1 and len(contacts) > 2:
        s.remove_row(page.contacts.items, contacts, 1)
    row = r % len(contacts)
    s.select(page.contacts.items, row)
    contact = contacts[row]
    contact.name = f"Contact {r}"
    s.retype(page.name_edit, contact.name)
    contact.party = [PartyRole.PROVIDER, PartyRole.CUSTOMER][r % 2]
    party = s.expected.parties.provider if r % 2 == 0 else s.expected.parties.customer
    s.choose(page.party_combo, party.name)
    contact.role = f"Service manager {r}"
    s.retype(page.role_edit, contact.role)
    contact.email = f"contact{r}@inkwell.example"
    s.retype(page.email_edit, contact.email)
    contact.phone = f"+44 117 496 {r:04d}"
    s.retype(page.phone_edit, contact.phone)
    contact.escalation_level = 1 + r % 3
    s.retype(page.level_spin, str(contact.escalation_level))
    text = f"Answer print tickets ({r})\nSend the monthly reports"
    contact.responsibilities = lines(text)
    s.rewrite(page.responsibilities_edit, text)


def services(s: Session, r: int) -> None:
    page = s.go(Step.SERVICES)
    items = s.expected.services
    if len(items) < 2 or (r % 4 == 0 and len(items) < 4):
        new_id = free_id([x.id for x in items], lambda n: "service" if n == 1 else f"service{n}",
                         1)
        s.add_row(page.services, items, Service(id=new_id, name="New service"))
    elif r % 4 == 2 and len(items) > 2:
        s.remove_row(page.services, items, 0)
    row = r % len(items)
    s.select(page.services, row)
    service = items[row]
    service.name = f"Managed printing {r}"
    s.retype(page.name_edit, service.name)
    service.description = f"Printers, toner and repairs for the office, round {r}."
    s.rewrite(page.description_edit, service.description)
    text = f"Toner delivery\nOn-site repairs within {r + 1} days\nDriver updates"
    service.included = lines(text)
    s.rewrite(page.included_edit, text)
    fee = f"{400 + r}.{r % 100:02d}"
    service.monthly_fee = Decimal(fee)
    s.retype(page.fee_edit, fee)
    assert page.services.table.item(row, 1).text() == service.name


def schedule(s: Session, r: int) -> None:
    page = s.go(Step.SCHEDULE)
    s.expected.schedule.holiday_region = ["GB-ENG", "GB-SCT", "GB-WLS"][r % 3]
    s.retype(page.region_edit, s.expected.schedule.holiday_region)
    popup = page.region_edit.completer().popup()
    QApplication.processEvents()
    if popup.isVisible():  # the list of matching regions, closed as a person would
        s.qtbot.keyClick(popup, Qt.Key.Key_Escape)
        s._count("keystroke")
    assert not popup.isVisible()
    if QApplication.activeWindow() is not s.window:
        # the offscreen platform leaves the closed list active; a click on the
        # window, as the next one below, makes the window active again
        s.window.activateWindow()
        s.qtbot.waitUntil(lambda: QApplication.activeWindow() is s.window)
    windows = s.expected.schedule.maintenance_windows
    if len(windows) < 2 or (r % 5 == 0 and len(windows) < 3):
        s.add_row(page.windows, windows, MaintenanceWindow())
    elif r % 5 == 3 and len(windows) > 1:
        s.remove_row(page.windows, windows, len(windows) - 1)
    row = r % len(windows)
    window = windows[row]
    window.day = list(Weekday)[r % 7]
    s.edit_cell(page.windows, row, 0, page.windows.columns[0].display(window.day))
    window.start = f"{6 + r % 4:02d}:30"
    s.edit_cell(page.windows, row, 1, window.start)
    window.duration_minutes = 30 + r
    s.edit_cell(page.windows, row, 2, str(window.duration_minutes))
    s.expected.schedule.maintenance_notice_hours = 24 + r
    s.retype(page.notice_spin, str(s.expected.schedule.maintenance_notice_hours))


def metrics(s: Session, r: int) -> None:
    page = s.go(Step.METRICS)
    items = s.expected.metrics
    if len(items) < 2 or (r % 6 == 0 and len(items) < 3):
        new_id = free_id([m.id for m in items], lambda n: f"metric-{n}", len(items) + 1)
        s.add_row(page.metrics_table, items, Metric(id=new_id, name="New metric"))
    elif r % 6 == 3 and len(items) > 2:
        s.remove_row(page.metrics_table, items, 0)
    row = r % len(items)
    metric = items[row]
    metric.name = f"Printer availability {r}"
    s.edit_cell(page.metrics_table, row, 0, metric.name)
    metric.target = Decimal(f"99.{r % 10}")
    s.edit_cell(page.metrics_table, row, 3, str(metric.target))
    metric.measurement = f"Printer status polled every {r + 1} minutes."
    s.rewrite(page.measurement_edit, metric.measurement)
    metric.baseline = Decimal(f"98.{r % 10}")
    s.retype(page.baseline_edit, str(metric.baseline))
    severities(s, r)


def severities(s: Session, r: int) -> None:
    """The severity levels and their definitions, as in the session of issue 14."""
    page = s.window.current_page()
    assert page.step is Step.METRICS
    levels = s.expected.severity_levels
    if len(levels) < 3 or (r % 3 == 0 and len(levels) < 5):
        new_id = free_id([level.id for level in levels], lambda n: f"P{n}", len(levels) + 1)
        s.add_row(page.levels_table, levels, SeverityLevel(id=new_id, name="New level"))
    elif r % 3 == 1 and len(levels) > 3:
        s.remove_row(page.levels_table, levels, 1)
    for row, level in enumerate(levels):
        level.name = f"Severity {row + 1}, round {r}"
        s.edit_cell(page.levels_table, row, 1, level.name)
        level.response_minutes = 15 * (row + 1) + r
        s.edit_cell(page.levels_table, row, 2, str(level.response_minutes))
        level.definition = f"Level {row + 1}, round {r}: no printer on floor {row} works."
        s.select(page.levels_table, row)  # Enter went on to the next row
        s.rewrite(page.definition_edit, level.definition)
    row = r % len(levels)
    levels[row].measured_during = [MeasuredDuring.COVERAGE, MeasuredDuring.ALWAYS][r % 2]
    s.edit_cell(page.levels_table, row, 4, ["coverage hours", "at all times"][r % 2])


def credits(s: Session, r: int) -> None:
    page = s.go(Step.CREDITS)
    credit = s.expected.service_credits
    if not credit.enabled:
        s.tick(page.enabled_box)
        credit.enabled = True
    tiers = credit.tiers
    if len(tiers) < 2:
        # what the new tier starts with is typed over right away
        s.add_row(page.tiers, tiers, CreditTier(below=Decimal(0), credit_percent=Decimal(0)))
        row = len(tiers) - 1
    elif r % 5 == 4:
        s.remove_row(page.tiers, tiers, 1)
        row = 0
    else:
        row = r % len(tiers)
    tiers[row].below = Decimal(f"{99 - row}.{r % 10}")
    s.edit_cell(page.tiers, row, 0, str(tiers[row].below))
    tiers[row].credit_percent = Decimal(5 + 10 * row + r % 5)
    s.edit_cell(page.tiers, row, 1, str(tiers[row].credit_percent))
    credit.cap_percent = Decimal(40 + r % 20)
    s.retype(page.cap_edit, str(credit.cap_percent))
    credit.claim_window_days = 30 + r
    s.retype(page.claim_spin, str(credit.claim_window_days))


def reporting(s: Session, r: int) -> None:
    page = s.go(Step.REPORTING)
    text = f"Printer availability ({r})\nTickets by severity\nOpen problems"
    s.expected.reporting.contents = lines(text)
    s.rewrite(page.contents_edit, text)
    s.tick(page.baseline_box)
    s.expected.reporting.baseline_review = not s.expected.reporting.baseline_review


def exclusions(s: Session, r: int) -> None:
    page = s.go(Step.EXCLUSIONS)
    toggled = list(StandardExclusion)[r % len(StandardExclusion)]
    s.tick(page.exclusion_boxes[toggled])
    chosen = set(s.expected.exclusions.standard) ^ {toggled}
    s.expected.exclusions.standard = [key for key in StandardExclusion if key in chosen]
    text = f"Printers moved by the customer ({r}).\nPaper jams caused by the wrong paper."
    s.expected.exclusions.custom = lines(text)
    s.rewrite(page.custom_edit, text)


def termination(s: Session, r: int) -> None:
    page = s.go(Step.TERMINATION)
    terms = s.expected.termination
    terms.initial_term_months = 12 + r
    s.retype(page.initial_spin, str(terms.initial_term_months))
    terms.notice_days = 30 + r
    s.retype(page.notice_spin, str(terms.notice_days))
    terms.cure_days = 10 + r
    s.retype(page.cure_spin, str(terms.cure_days))
    terms.data_return_days = 40 + r
    s.retype(page.data_return_spin, str(terms.data_return_days))
    terms.amendments = f"Changes are agreed in writing (round {r})."
    s.rewrite(page.amendments_edit, terms.amendments)


def appearance(s: Session, r: int) -> None:
    page = s.go(Step.APPEARANCE)
    line_edit = page.font_combo.lineEdit()
    assert isinstance(line_edit, QLineEdit)
    s.expected.branding.body_font = f"Quill Text {r}"
    s.retype(line_edit, s.expected.branding.body_font)


def review(s: Session, r: int) -> None:
    page = s.go(Step.REVIEW)
    assert page.problem_count.text()


ROUND: list[Callable[[Session, int], None]] = [
    basics, parties, stakeholders, services, schedule, metrics, credits, reporting,
    exclusions, termination, appearance, review]


def check(s: Session, where: str) -> None:
    wrong = differences(s.window.document.project.model_dump(mode="json"),
                        s.expected.model_dump(mode="json"))
    assert wrong == [], f"{where}: " + "; ".join(wrong[:10])


@pytest.fixture
def session(window: MainWindow, qtbot: QtBot) -> Session:
    """A new blank project in the window, active, every step built."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(window.start_page.blank_button, LEFT)
    assert window.current_page().step is Step.BASICS
    return Session(qtbot, window)


def test_a_long_session_of_edits_keeps_the_program_alive_and_the_project_right(
        session: Session, window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_modal_dialogs: list[str]) -> None:
    """A user typing for an hour would see the program abort (a Qt binding that
    frees None a little on every call), or lose and garble what they typed."""
    started = time.perf_counter()
    for r in range(ROUNDS):
        for work in ROUND:
            work(session, r)
        # back to the service levels, typing more severity definitions there
        session.go(Step.METRICS)
        severities(session, r + ROUNDS)
        if r % 5 == 4:
            session.pause()
        check(session, f"round {r}")
        session.jump(Step.BASICS if r % 2 else Step.PARTIES)

    # the window still responds: a last edit reaches the project and the preview
    page = session.jump(Step.BASICS)
    session.expected.agreement.title = "Printing agreement, final"
    session.retype(page.title_edit, session.expected.agreement.title)
    check(session, "at the end")
    with qtbot.waitSignal(window.preview.refreshed, timeout=30000):
        # the preview renders once typing pauses; on a screen too narrow for
        # it, it is folded away and shown with View → Contract preview
        if not window.preview.isVisible():
            qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
            assert window.preview.isVisible()
    assert "Printing agreement, final" in window.preview.view.toPlainText(), \
        window.preview.note.text()
    elapsed = time.perf_counter() - started
    print(f"\n{session.total} edits in {elapsed:.1f} s: {dict(session.edits)}")

    assert session.total >= LEAST_EDITS, session.edits
    assert session.visited == set(STEPS[1:])
    assert all(session.edits_by_step[step] for step in STEPS[1:-1]), session.edits_by_step
    assert no_modal_dialogs == []

    # saved and opened again, it is the same project; showing it changes nothing
    target = tmp_path / "long-session.slaproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert load_project(target) == session.expected
    assert window.open_path(target)
    for index in range(1, len(STEPS)):
        window.go_to(index)
    QApplication.processEvents()
    assert window.document.project == session.expected
    assert not window.document.modified
