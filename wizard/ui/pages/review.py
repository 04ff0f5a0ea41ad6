"""Review and generate: every problem (each a link to its field), a summary,
and the contract written where the user chooses."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_currency
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from wizard.core.checks import Problem, Severity, Step, check_project, has_errors
from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.model import Project
from wizard.i18n import N_, _
from wizard.settings import default_projects_dir
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.basics import locale_label
from wizard.ui.preview import preview_locale


class _GenerateSignals(QObject):
    done = Signal(str, str)  # path, error


class _GenerateJob(QRunnable):
    def __init__(self, project: Project, target: Path, locale: str,
                 signals: _GenerateSignals) -> None:
        super().__init__()
        self.project, self.target, self.locale, self.signals = project, target, locale, signals

    def run(self) -> None:
        try:
            from wizard.core.render import generate_contract

            generate_contract(self.project, self.target, self.locale)
            self.signals.done.emit(str(self.target), "")
        except Exception as exc:  # reported on the page, the project is untouched
            self.signals.done.emit(str(self.target), str(exc) or type(exc).__name__)


def summary_rows(project: Project) -> list[tuple[str, str]]:
    """A few facts to check at a glance before generating."""
    fees = [s.monthly_fee for s in project.services if s.monthly_fee is not None]
    total = sum(fees, Decimal(0))
    rows = [
        (_("Agreement"), project.agreement.title or _("(no title)")),
        (_("Parties"), _("{provider} and {customer}").format(
            provider=project.parties.provider.name or "?",
            customer=project.parties.customer.name or "?")),
        (_("Effective date"), project.agreement.effective_date.isoformat()),
        (_("Services"), str(len(project.services))),
        (_("Service levels"), str(len(project.metrics))),
        (_("Severity levels"), str(len(project.severity_levels))),
        (_("Service credits"), _("yes") if project.service_credits.enabled else _("no")),
    ]
    if fees:
        try:
            amount = format_currency(total, project.currency, locale="en")
        except (ValueError, LookupError):
            amount = f"{total} {project.currency}"
        rows.append((_("Monthly fees"), amount))
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
        self._pool = QThreadPool(self)
        self._signals = _GenerateSignals()
        self._signals.done.connect(self._generation_done)
        self.last_contract: Path | None = None

        problems_box = QGroupBox(_("Problems"))
        problems_layout = QVBoxLayout(problems_box)
        self.problem_count = QLabel()
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(_("Problems: press Enter to go to the field"))
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._activate)
        self.problem_list.itemClicked.connect(self._activate)
        problems_layout.addWidget(self.problem_count)
        problems_layout.addWidget(self.problem_list)

        summary_box = QGroupBox(_("Summary"))
        self.summary = QFormLayout(summary_box)

        generate_box = QGroupBox(_("Contract"))
        generate_layout = QVBoxLayout(generate_box)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.generate_button = QPushButton(_("&Generate the contract…"))
        self.generate_button.clicked.connect(self.choose_and_generate)
        self.blocked_note = QLabel(_("Fix the errors above to generate the contract."))
        self.blocked_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton(_("&Open the contract"))
        self.open_button.clicked.connect(self.open_contract)
        self.folder_button = QPushButton(_("Show in &folder"))
        self.folder_button.clicked.connect(self.show_folder)
        after = QHBoxLayout()
        after.addWidget(self.open_button)
        after.addWidget(self.folder_button)
        after.addStretch(1)
        disclaimer = QLabel(_("This draft is not legal advice. Have the final text reviewed "
                              "before you sign."))
        disclaimer.setWordWrap(True)
        disclaimer.setProperty("role", "hint")
        generate_layout.addWidget(self.language_note)
        generate_layout.addWidget(self.generate_button)
        generate_layout.addWidget(self.blocked_note)
        generate_layout.addWidget(self.status)
        generate_layout.addLayout(after)
        generate_layout.addWidget(disclaimer)
        self._show_after_buttons(False)

        layout = QVBoxLayout(self)
        layout.addWidget(problems_box, 2)
        layout.addWidget(summary_box)
        layout.addWidget(generate_box)

    def load(self) -> None:
        self.show_problems(check_project(self.project))
        while self.summary.rowCount():
            self.summary.removeRow(0)
        for label, value in summary_rows(self.project):
            text = QLabel(value)
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

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        self.problem_list.clear()
        step_titles = _step_titles()
        for problem in problems:
            icon = "✖" if problem.severity is Severity.ERROR else "⚠"
            where = step_titles.get(problem.step, problem.step.value)
            item = QListWidgetItem(f"{icon} {where}: {problem.message}")
            item.setToolTip(problem.path)
            self.problem_list.addItem(item)
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = len(problems) - errors
        if not problems:
            self.problem_count.setText(_("No problems found."))
        else:
            self.problem_count.setText(
                _("{errors} error(s) and {warnings} warning(s). Click one to go to its field.")
                .format(errors=errors, warnings=warnings))
        self.problem_list.setVisible(bool(problems))
        blocked = has_errors(problems)
        self.generate_button.setEnabled(not blocked)
        self.blocked_note.setVisible(blocked)

    def _activate(self, item: QListWidgetItem) -> None:
        row = self.problem_list.row(item)
        if 0 <= row < len(self._problems):
            self.problem_activated.emit(self._problems[row])

    # generating ------------------------------------------------------------------
    def default_target(self) -> Path:
        path = self.document.path
        if path is not None:
            return path.with_suffix(".docx")
        name = self.project.agreement.title.strip() or _("Service Level Agreement")
        safe = "".join(c for c in name if c.isalnum() or c in " -_.").strip() or "contract"
        return default_projects_dir() / f"{safe}.docx"

    def choose_and_generate(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the contract as"), str(self.default_target()),
            _("Word documents (*.docx)"))
        if name:
            target = Path(name)
            if target.suffix.lower() != ".docx":
                target = target.with_name(target.name + ".docx")
            self.generate(target)

    def generate(self, target: Path) -> None:
        """Write the contract to ``target`` in the background."""
        if has_errors(check_project(self.project)):
            return
        self.generate_button.setEnabled(False)
        self.status.setText(_("Writing the contract…"))
        self._show_after_buttons(False)
        snapshot = self.project.model_copy(deep=True)
        self._pool.start(_GenerateJob(snapshot, target, preview_locale(snapshot),
                                      self._signals))

    def wait_idle(self, msecs: int = 20000) -> bool:
        return self._pool.waitForDone(msecs)

    def _generation_done(self, path: str, error: str) -> None:
        self.generate_button.setEnabled(not has_errors(self._problems))
        if error:
            self.status.setText(_("The contract could not be written: {error}").format(
                error=error))
            self._show_after_buttons(False)
            return
        self.last_contract = Path(path)
        self.status.setText(_("Contract written to {path}").format(path=path))
        self._show_after_buttons(True)
        self.generated.emit(path)

    def _show_after_buttons(self, visible: bool) -> None:
        self.open_button.setVisible(visible)
        self.folder_button.setVisible(visible)

    def open_contract(self) -> None:
        if self.last_contract is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_contract)))

    def show_folder(self) -> None:
        if self.last_contract is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_contract.parent)))


def _step_titles() -> dict[Step, str]:
    from wizard.ui.pages.registry import page_titles

    return page_titles()
