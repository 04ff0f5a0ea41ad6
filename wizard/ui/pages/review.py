"""Review and generate: every problem and every example value not yet
replaced (each a link to its field), a summary,
and the contract written where the user chooses, with a PDF beside it when
LibreOffice is installed (converted in the background, and cancellable)."""

from __future__ import annotations

import html
import threading
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from wizard.core.checks import (
    Problem,
    Severity,
    Step,
    check_project,
    has_errors,
    text_language_problems,
)
from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.examples import ExampleLeft, drop_example, examples_left
from wizard.core.explain import date_text, money_text
from wizard.core.model import Project
from wizard.core.pdf_export import (
    DOWNLOAD_URL,
    PdfErrorKind,
    PdfExportError,
    convert_to_pdf,
    find_libreoffice,
    install_hint,
)
from wizard.core.summaries import left_out_text, service_levels_text
from wizard.i18n import N_, _, ngettext
from wizard.settings import Settings, default_projects_dir, save_settings
from wizard.ui.background import BackgroundWork
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.basics import locale_label
from wizard.ui.plain_text import literal, plain_label
from wizard.ui.preview import preview_locale
from wizard.ui.widgets.fields import FieldMessage


def summary_rows(project: Project) -> list[tuple[str, str]]:
    """A few facts to check at a glance before generating."""
    fees = [s.monthly_fee for s in project.services if s.monthly_fee is not None]
    total = sum(fees, Decimal(0))
    rows = [
        (_("Agreement"), project.agreement.title or _("(no title)")),
        (_("Parties"), _("{provider} and {customer}").format(
            provider=project.parties.provider.name or "?",
            customer=project.parties.customer.name or "?")),
        (_("Effective date"), date_text(project.agreement.effective_date)),
        (_("Services"), str(len(project.services))),
        (_("Service levels"), service_levels_text(project)),
        (_("Severity levels"), str(len(project.severity_levels))),
        (_("Service credits"), _("yes") if project.service_credits.enabled else _("no")),
    ]
    if fees:
        rows.append((_("Monthly fees"), money_text(total, project.currency)))
    if left_out := left_out_text(project):
        rows.append((_("Left out"), left_out))
    return rows


class ReviewPage(StepPage):
    step = Step.REVIEW
    title = N_("Review and generate")

    problem_activated = Signal(object)
    """A Problem the user chose: go to its field."""
    generated = Signal(str)
    """The path of a contract just written."""

    def build(self) -> None:
        self._problems: list[Problem] = []
        self._entries: list[Problem] = []
        self._foreign_texts: list[Problem] = []
        self._work = BackgroundWork(self)
        self._pdf_cancel: threading.Event | None = None
        self._settings: Settings | None = None
        self._soffice: Path | None = None
        self._want_pdf = False
        self.last_contract: Path | None = None
        self._writing: Path | None = None
        """The contract being written for this project (None: none, or forgotten)."""
        self.last_pdf: Path | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel_pdf)

        problems_box = QGroupBox(_("Problems"))
        problems_layout = QVBoxLayout(problems_box)
        self.problem_count = QLabel()
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(_("Problems: press Enter to go to the field"))
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._activate)
        self.problem_list.itemClicked.connect(self._activate)
        # an example worth keeping need not be typed again: right-click → keep it
        self.problem_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.problem_list.customContextMenuRequested.connect(self._offer_keep)
        self._examples: list[ExampleLeft] = []
        problems_layout.addWidget(self.problem_count)
        problems_layout.addWidget(self.problem_list)

        summary_box = QGroupBox(_("Summary"))
        self.summary = QFormLayout(summary_box)

        generate_box = QGroupBox(_("Contract"))
        generate_layout = QVBoxLayout(generate_box)
        self.language_note = plain_label()
        self.language_note.setWordWrap(True)
        self.generate_button = QPushButton(_("&Generate the contract…"))
        self.generate_button.clicked.connect(self.choose_and_generate)
        self.pdf_box = QCheckBox(_("Also save as &PDF"))
        self.pdf_box.setToolTip(_("A PDF of the contract beside the Word file, same name, "
                                  "made by LibreOffice."))
        self.pdf_box.toggled.connect(self._pdf_choice_changed)
        self.pdf_note = QLabel()
        self.pdf_note.setWordWrap(True)
        self.pdf_note.setProperty("role", "hint")
        self.pdf_note.setTextFormat(Qt.TextFormat.RichText)
        self.pdf_note.setOpenExternalLinks(True)
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.generate_button)
        generate_row.addWidget(self.pdf_box)
        generate_row.addStretch(1)
        self.blocked_note = QLabel(_("Fix the errors above to generate the contract."))
        self.blocked_note.setWordWrap(True)
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.pdf_progress = QProgressBar()
        self.pdf_progress.setRange(0, 0)  # busy: LibreOffice tells nothing of its progress
        self.pdf_progress.setTextVisible(False)
        self.pdf_progress.setAccessibleName(_("Saving the PDF"))
        self.cancel_pdf_button = QPushButton(_("Cancel"))
        self.cancel_pdf_button.clicked.connect(self.cancel_pdf)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.pdf_progress, 1)
        progress_row.addWidget(self.cancel_pdf_button)
        self.pdf_status = plain_label()
        self.pdf_status.setWordWrap(True)
        self.pdf_message = FieldMessage()
        self.open_button = QPushButton(_("&Open the contract"))
        self.open_button.clicked.connect(self.open_contract)
        self.open_pdf_button = QPushButton(_("Open the P&DF"))
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.folder_button = QPushButton(_("Show &in folder"))
        self.folder_button.clicked.connect(self.show_folder)
        after = QHBoxLayout()
        after.addWidget(self.open_button)
        after.addWidget(self.open_pdf_button)
        after.addWidget(self.folder_button)
        after.addStretch(1)
        disclaimer = QLabel(_("This draft is not legal advice. Have the final text reviewed "
                              "before you sign."))
        disclaimer.setWordWrap(True)
        disclaimer.setProperty("role", "hint")
        generate_layout.addWidget(self.language_note)
        generate_layout.addLayout(generate_row)
        generate_layout.addWidget(self.pdf_note)
        generate_layout.addWidget(self.blocked_note)
        generate_layout.addWidget(self.status)
        generate_layout.addWidget(self.pdf_status)
        generate_layout.addLayout(progress_row)
        generate_layout.addWidget(self.pdf_message)
        generate_layout.addLayout(after)
        generate_layout.addWidget(disclaimer)
        self._show_after_buttons(False)
        self._show_pdf_progress(False)
        self.pdf_status.setVisible(False)
        self.open_pdf_button.setVisible(False)
        self.find_libreoffice()
        self.document.replaced.connect(self.forget_results)

        layout = QVBoxLayout(self)
        layout.addWidget(problems_box, 2)
        layout.addWidget(summary_box)
        layout.addWidget(generate_box)
        layout.addStretch(0)  # takes the problem list's room while it is empty
        self._layout = layout

    def use_settings(self, settings: Settings) -> None:
        """Remember the PDF choice in ``settings`` (and start from it)."""
        self._settings = settings
        self.pdf_box.setChecked(settings.save_pdf)

    def load(self) -> None:
        self.find_libreoffice()
        # telling a text's language takes a model: done on each visit, not on each edit
        self._foreign_texts = text_language_problems(self.project)
        self.show_problems(check_project(self.project, self.document.path))
        while self.summary.rowCount():
            self.summary.removeRow(0)
        for label, value in summary_rows(self.project):
            text = plain_label(value)
            text.setWordWrap(True)
            self.summary.addRow(QLabel(label), text)
        language = self.project.language
        if language in SUPPORTED_LOCALES:
            self.language_note.setText(_("The contract is written in {language}.").format(
                language=locale_label(language)))
        else:
            self.language_note.setText(_(
                "Contracts in {language} are not available yet: this one is written in "
                "English ({fallback}).").format(language=language,
                                                fallback=preview_locale(self.project)))

    def example_at(self, row: int) -> ExampleLeft | None:
        """The example value listed in ``row`` (problems come first), if any."""
        index = row - (len(self._entries) - len(self._examples))
        return self._examples[index] if 0 <= index < len(self._examples) else None

    def keep_example(self, example: ExampleLeft) -> None:
        """The user keeps an example value as their own text (one step to undo)."""
        def keep(project: Project) -> None:
            drop_example(project, example.path)

        self.edited(keep, _keep_label(example))

    def _offer_keep(self, position: QPoint) -> None:
        item = self.problem_list.itemAt(position)
        example = self.example_at(self.problem_list.row(item)) if item is not None else None
        if example is None or not example.value:
            return
        menu = QMenu(self.problem_list)
        keep = menu.addAction(_keep_label(example))
        if menu.exec(self.problem_list.viewport().mapToGlobal(position)) is keep:
            self.keep_example(example)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        problems = [*problems, *self._foreign_texts]
        self._problems = problems
        examples = examples_left(self.project)
        self._examples = examples
        self._entries = [*problems, *(_example_entry(e) for e in examples)]
        """What each row of the list leads to (an example as a Problem to go to)."""
        self.problem_list.clear()
        step_titles = _step_titles()
        for problem in problems:
            icon = "✖" if problem.severity is Severity.ERROR else "⚠"
            where = step_titles.get(problem.step, problem.step.value)
            item = QListWidgetItem(f"{icon} {where}: {problem.message}")
            item.setToolTip(problem.path)
            self.problem_list.addItem(item)
        for example in examples:
            where = step_titles.get(example.step, example.step.value)
            item = QListWidgetItem(f"✎ {where}: {_example_message(example)}")
            item.setToolTip(example.value or example.path)
            self.problem_list.addItem(item)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = len(problems) - errors
        counts = []
        if examples:
            counts.append(ngettext("{count} example value is not replaced yet.",
                                   "{count} example values are not replaced yet.",
                                   len(examples)).format(count=len(examples)))
        if problems:
            counts.append(
                _("{errors} error(s) and {warnings} warning(s). Click one to go to its field.")
                .format(errors=errors, warnings=warnings))
        elif examples:
            counts.append(_("Click one to go to its field."))
        self.problem_count.setText(" ".join(counts) or _("No problems found."))
        listed = bool(self._entries)
        self.problem_list.setVisible(listed)
        self._layout.setStretch(0, 2 if listed else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if listed else 1)
        blocked = has_errors(problems)
        self.generate_button.setEnabled(not blocked)
        self.blocked_note.setVisible(blocked)

    # PDF ------------------------------------------------------------------------
    def find_libreoffice(self) -> None:
        """Offer the PDF when LibreOffice is installed; otherwise say how to get it."""
        self._soffice = find_libreoffice()
        found = self._soffice is not None
        self.pdf_box.setEnabled(found)
        self.pdf_note.setVisible(not found)
        if not found:
            text = html.escape(" ".join((
                _("Saving a PDF as well needs LibreOffice, which was not found."),
                install_hint(),
                _("The option is offered as soon as LibreOffice is installed."))))
            link = f'<a href="{DOWNLOAD_URL}">{html.escape(DOWNLOAD_URL)}</a>'
            self.pdf_note.setText(text.replace(html.escape(DOWNLOAD_URL), link))

    def _pdf_choice_changed(self, checked: bool) -> None:
        if self._settings is not None and self._settings.save_pdf != checked:
            self._settings.save_pdf = checked
            save_settings(self._settings)

    def _start_pdf(self, docx: Path) -> None:
        assert self._soffice is not None
        self._pdf_cancel = threading.Event()
        self.generate_button.setEnabled(False)
        self.pdf_status.setText(_("Saving the PDF…"))
        self.pdf_status.setVisible(True)
        self._show_pdf_progress(True)
        soffice, cancel = self._soffice, self._pdf_cancel
        self._work.start(lambda: convert_to_pdf(docx, soffice=soffice, cancel=cancel),
                         self._pdf_finished)

    def _pdf_finished(self, pdf: object, error: BaseException | None) -> None:
        if error is None:
            self._pdf_done(str(pdf), "", "")
        elif isinstance(error, PdfExportError):
            self._pdf_done("", str(error), error.kind.value)
        else:  # reported on the page, the contract is kept
            self._pdf_done("", str(error) or type(error).__name__, PdfErrorKind.FAILED.value)

    def cancel_pdf(self) -> None:
        """Stop a PDF conversion under way (the Word contract stays)."""
        if self._pdf_cancel is not None:
            self._pdf_cancel.set()
            self.cancel_pdf_button.setEnabled(False)
            self.pdf_status.setText(_("Cancelling…"))

    def _pdf_done(self, path: str, error: str, kind: str) -> None:
        forgotten = self._pdf_cancel is None  # another project was loaded meanwhile
        self._pdf_cancel = None
        self._show_pdf_progress(False)
        if forgotten:
            self.generate_button.setEnabled(not has_errors(self._problems))
            return
        self.generate_button.setEnabled(not has_errors(self._problems))
        if kind == PdfErrorKind.CANCELLED.value:
            self.pdf_status.setText(error)
            return
        if error:
            self.pdf_status.setVisible(False)
            self.pdf_message.add_message(
                _("No PDF was saved (the Word contract is kept): {reason}").format(
                    reason=error), Severity.ERROR)
            return
        self.last_pdf = Path(path)
        self.pdf_status.setText(_("PDF saved to {path}").format(path=path))
        self.pdf_status.setVisible(True)
        self.open_pdf_button.setVisible(True)

    def _show_pdf_progress(self, visible: bool) -> None:
        self.pdf_progress.setVisible(visible)
        self.cancel_pdf_button.setVisible(visible)
        self.cancel_pdf_button.setEnabled(True)

    def open_pdf(self) -> None:
        if self.last_pdf is not None:
            self._open(self.last_pdf)

    def forget_results(self) -> None:
        """Another project was loaded: what was written for the last one is not
        this one's."""
        self.last_contract = None
        self.last_pdf = None
        self._writing = None
        if self._pdf_cancel is not None:  # its result is not this project's
            self._pdf_cancel.set()
            self._pdf_cancel = None
        self._show_pdf_progress(False)
        self.status.setText("")
        self.pdf_status.setText("")
        self.pdf_status.setVisible(False)
        self.pdf_message.clear_message()
        self._show_after_buttons(False)
        self.open_pdf_button.setVisible(False)

    def _activate(self, item: QListWidgetItem) -> None:
        row = self.problem_list.row(item)
        if 0 <= row < len(self._entries):
            self.problem_activated.emit(self._entries[row])

    # generating ------------------------------------------------------------------
    def default_target(self) -> Path:
        path = self.document.path
        if path is not None:
            return path.with_suffix(".docx")
        name = self.project.agreement.title.strip() or _("Service Level Agreement")
        safe = "".join(c for c in name if c.isalnum() or c in " -_.").strip() or "contract"
        return default_projects_dir() / f"{safe}.docx"

    def choose_and_generate(self) -> None:
        suggestion = self.default_target()
        try:  # a folder that does not exist yet would open the dialog wherever the program runs
            suggestion.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            suggestion = Path.home() / suggestion.name
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the contract as"), str(suggestion),
            _("Word documents (*.docx)"))
        if name:
            target = Path(name)
            if target.suffix.lower() != ".docx":
                target = target.with_name(target.name + ".docx")
            self.generate(target)

    def generate(self, target: Path) -> None:
        """Write the contract to ``target`` in the background."""
        if has_errors(check_project(self.project, self.document.path)):
            return
        self.generate_button.setEnabled(False)
        self.status.setText(_("Writing the contract…"))
        self._show_after_buttons(False)
        self._want_pdf = self.pdf_box.isEnabled() and self.pdf_box.isChecked()
        self.last_pdf = None
        self.open_pdf_button.setVisible(False)
        self.pdf_status.setVisible(False)
        self.pdf_message.clear_message()
        snapshot = self.project.model_copy(deep=True)
        self._writing = target
        project_path, locale = self.document.path, preview_locale(snapshot)

        def write() -> None:
            from wizard.core.render import generate_contract

            generate_contract(snapshot, target, locale, project_path=project_path)

        # an error is reported on the page; the project is untouched
        self._work.start(write, lambda _none, error: self._generation_done(
            str(target), "" if error is None else str(error) or type(error).__name__))

    def wait_idle(self, msecs: int = 20000) -> bool:
        return self._work.wait_idle(msecs)

    def _generation_done(self, path: str, error: str) -> None:
        self.generate_button.setEnabled(not has_errors(self._problems))
        if self._writing is None or Path(path) != self._writing:
            return  # written for a project no longer shown
        self._writing = None
        if error:
            self.status.setText(_("The contract could not be written: {error}").format(
                error=error))
            self._show_after_buttons(False)
            return
        self.last_contract = Path(path)
        self.status.setText(_("Contract written to {path}").format(path=path))
        self._show_after_buttons(True)
        self.generated.emit(path)
        if self._want_pdf and self._soffice is not None:
            self._start_pdf(self.last_contract)

    def _show_after_buttons(self, visible: bool) -> None:
        self.open_button.setVisible(visible)
        self.folder_button.setVisible(visible)

    def open_contract(self) -> None:
        if self.last_contract is not None:
            self._open(self.last_contract)

    def show_folder(self) -> None:
        if self.last_contract is not None:
            self._open(self.last_contract.parent)

    def _open(self, path: Path) -> bool:
        """Open ``path`` in the program the system has for it; say so when
        there is none (or it would not start)."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        if path.is_dir():
            text = _("The folder {path} could not be shown: the system has no program to "
                     "show folders with.").format(path=path)
        elif not path.exists():
            text = _("{path} is no longer there: it was moved or deleted.").format(path=path)
        else:
            text = _("No program on this computer opens {kind} files, so {name} could not be "
                     "opened. It is saved in {folder}.").format(
                         kind=path.suffix.lstrip(".").upper() or path.name,
                         name=path.name, folder=path.parent)
        QMessageBox.warning(self, _("Cannot open the file"), literal(text))
        return False


def _step_titles() -> dict[Step, str]:
    from wizard.ui.pages.registry import page_titles

    return page_titles()


def _keep_label(example: ExampleLeft) -> str:
    return _("Keep “{field}” as written").format(field=example.label)


def _example_message(example: ExampleLeft) -> str:
    if example.value:
        return _("Example value not replaced: {field}").format(field=example.label)
    return _("Not filled in for the new client: {field}").format(field=example.label)


def _example_entry(example: ExampleLeft) -> Problem:
    """An example left, as the window goes to a problem's field (a warning:
    it never stops the contract from being generated)."""
    return Problem(Severity.WARNING, example.step, example.loc, _example_message(example))
