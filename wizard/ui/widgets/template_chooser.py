"""Which Word template the contract is made with: the standard one or one of
the user's own, restyled in Word.

:class:`TemplateChooser` edits ``document.project.template`` (marking the
project changed, like every field) and shows what the template check says
about the chosen template. Templates are checked before they are added to the
templates folder; one with errors is not added.

The check runs in the render worker, a separate process with limits; the
widget never waits for it: it says the template is being checked, and shows
what the check found once it is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Loc, Severity
from wizard.core.template_library import (
    TemplateNotFoundError,
    add_template,
    export_standard_template,
    resolve_template,
    templates_folder,
    user_templates,
)
from wizard.i18n import _
from wizard.paths import templates_dir
from wizard.ui.document import ProjectDocument
from wizard.ui.plain_text import literal, plain_label
from wizard.ui.widgets.fields import FieldMessage

if TYPE_CHECKING:  # the checker (and Jinja) loads when a template is checked
    from wizard.core.template_check import TemplateProblem

TEMPLATE_LOC: Loc = ("template",)
"""Where :func:`wizard.core.checks.check_project` files the template's problems;
this widget shows them itself."""

EXPORT_NAME = "SLA Wizard standard template.docx"


class _CheckSignals(QObject):
    """Told from the checking thread; received on the GUI thread."""

    chosen_checked = Signal()
    added_checked = Signal()


class TemplateChooser(QGroupBox):
    """The contract's Word template, bound to ``document.project.template``."""

    added = Signal(bool)
    """A template the user asked to add was checked, then added and chosen
    (True) or not (False)."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("Word template"), parent)
        self.document = document
        self._values: list[str] = []
        self._loading = False
        self._adding: Path | None = None
        self._signals = _CheckSignals(self)
        self._signals.chosen_checked.connect(self.show_problems)
        self._signals.added_checked.connect(self._added_checked)

        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Word template"))
        self.combo.setMinimumContentsLength(24)
        self.combo.activated.connect(self._choose)
        caption = QLabel(_("&Template:"))
        caption.setBuddy(self.combo)

        self.add_button = QPushButton(_("A&dd a template…"))
        self.add_button.clicked.connect(self.add_template)
        self.export_button = QPushButton(_("E&xport the standard template…"))
        self.export_button.clicked.connect(self.export_standard)
        self.folder_button = QPushButton(_("O&pen templates folder"))
        self.folder_button.clicked.connect(self.open_folder)

        hint = QLabel(_(
            "To give the contract your own look, export the standard template, restyle it "
            "in Word (fonts, colours, headings, letterhead) keeping its fields, and add it "
            'here. <a href="reference">The values a template may use</a>'))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        hint.linkActivated.connect(self.open_reference)
        self.hint = hint

        self.message = FieldMessage()
        """The problems of the chosen template, in the user's language."""
        self.checking = plain_label()
        """Says a template is being checked, while it is."""
        self.checking.setProperty("role", "hint")
        self.checking.setWordWrap(True)
        self.checking.setVisible(False)

        choice = QHBoxLayout()
        choice.addWidget(caption)
        choice.addWidget(self.combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.checking)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(hint)

        document.replaced.connect(self.reload)
        document.changed.connect(self._follow_project)
        self.reload()

    # reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """List the templates again and show the project's."""
        self._loading = True
        try:
            current = self.document.project.template
            self.combo.clear()
            self._values = [""]
            self.combo.addItem(_("Standard template"))
            for template in user_templates():
                self._values.append(template.name)
                self.combo.addItem(template.title)
                self.combo.setItemData(self.combo.count() - 1, str(template.path),
                                       Qt.ItemDataRole.ToolTipRole)
            if current not in self._values:
                # a template the folder does not hold (a path, or one since removed)
                # stays chosen until the user chooses another
                self._values.append(current)
                self.combo.addItem(current)
            self.combo.setCurrentIndex(self._values.index(current))
        finally:
            self._loading = False
        self.show_problems()

    def _follow_project(self) -> None:
        """The project changed: show its template if another took its place."""
        if self._values[self.combo.currentIndex()] != self.document.project.template:
            self.reload()

    def problems(self) -> list[TemplateProblem] | None:
        """What is wrong with the chosen template (nothing for the standard
        one); ``None`` while it is being checked (:meth:`show_problems` runs
        again when the check is done)."""
        from wizard.core.template_check import TemplateProblem, check_template_soon

        project = self.document.project
        if not project.template.strip():
            return []
        try:
            path = resolve_template(project, self.document.path)
        except TemplateNotFoundError as exc:
            return [TemplateProblem(Severity.ERROR, str(exc))]
        return check_template_soon(path, self._signals.chosen_checked.emit)

    @Slot()
    def show_problems(self) -> None:
        problems = self.problems()
        self.message.clear_message()
        for problem in problems or []:
            self.message.add_message(problem.message, problem.severity)
        self._show_checking(problems is None and self._adding is None,
                            Path(self.document.project.template).name)

    def _show_checking(self, visible: bool, file: str) -> None:
        self.checking.setText(_("Checking the template “{file}”…").format(file=file))
        self.checking.setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Templates added in a file manager meanwhile appear when shown."""
        super().showEvent(event)
        self.reload()

    # editing -------------------------------------------------------------------------
    def _choose(self, index: int) -> None:
        if self._loading or not 0 <= index < len(self._values):
            return
        self.set_template(self._values[index])

    def set_template(self, value: str) -> None:
        """Make the project use ``value`` (empty for the standard template)."""
        if self.document.project.template != value:
            self.document.about_to_change()
            self.document.project.template = value
            self.document.touch(_("Choose the template"))
        self.reload()

    def add_template(self) -> None:
        """Copy a Word document the user chooses into the templates folder and use
        it, after checking it; one with errors is not added and its problems shown."""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Add a template"), self._start_folder(),
            _("Word documents (*.docx)"))
        if name:
            self.add_template_file(Path(name))

    def add_template_file(self, source: Path) -> None:
        """Check ``source`` (without waiting for the check) and then add it and
        choose it, or say why not; :attr:`added` tells which."""
        from wizard.core.template_check import check_template_soon

        self._adding = source
        self.add_button.setEnabled(False)
        self._show_checking(True, source.name)
        problems = check_template_soon(source, self._signals.added_checked.emit)
        if problems is not None:
            self._finish_adding(source, problems)

    @Slot()
    def _added_checked(self) -> None:
        from wizard.core.template_check import check_template_soon

        source = self._adding
        if source is None:
            return
        problems = check_template_soon(source, self._signals.added_checked.emit)
        if problems is not None:
            self._finish_adding(source, problems)

    def _finish_adding(self, source: Path, problems: list[TemplateProblem]) -> None:
        self._adding = None
        self.add_button.setEnabled(True)
        self._show_checking(False, source.name)
        self.added.emit(self._add_checked(source, problems))

    def _add_checked(self, source: Path, problems: list[TemplateProblem]) -> bool:
        """Add ``source``, checked and found to have ``problems``, unless they
        are errors; True when it was added and chosen."""
        from wizard.core.docx_guard import UnsafeDocumentError
        from wizard.core.template_check import has_template_errors

        if has_template_errors(problems):
            self.message.clear_message()
            for problem in problems:
                self.message.add_message(problem.message, problem.severity)
            QMessageBox.warning(
                self, _("Add a template"), literal(
                    _('"{file}" was not added: correct it in Word and add it again.').format(
                        file=source.name) + "\n\n" + "\n\n".join(p.message for p in problems)))
            return False
        existing = templates_folder() / source.name
        if existing.exists() and existing.resolve() != source.resolve():
            answer = QMessageBox.question(
                self, _("Add a template"),
                literal(_('Your templates folder already has a template called "{file}". '
                          "Replace it?").format(file=source.name)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            added = add_template(source)
        except UnsafeDocumentError as exc:  # changed since it was checked
            QMessageBox.warning(self, _("Add a template"), literal(str(exc)))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self, _("Add a template"),
                literal(_('"{file}" could not be copied into your templates folder: {reason}')
                        .format(file=source.name, reason=exc.strerror or exc)))
            return False
        self.set_template(added.name)
        return True

    def export_standard(self) -> None:
        """Save the standard template where the user chooses, to restyle in Word."""
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the standard template"),
            str(Path(self._start_folder()) / EXPORT_NAME), _("Word documents (*.docx)"))
        if name:
            self.export_standard_to(Path(name))

    def export_standard_to(self, target: Path) -> Path | None:
        try:
            written = export_standard_template(target)
        except OSError as exc:
            QMessageBox.warning(
                self, _("Export the standard template"),
                literal(_("The standard template could not be saved as {path}: {reason}").format(
                    path=target, reason=exc.strerror or exc)))
            return None
        QMessageBox.information(
            self, _("Export the standard template"),
            literal(_("The standard template was saved as {path}. Open it in Word, restyle it, "
                      "keep the fields in braces as they are, and add it here with “Add a "
                      "template…”.").format(path=written)))
        return written

    def open_folder(self) -> None:
        folder = templates_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(
                self, _("Open templates folder"),
                literal(_("The templates folder {path} could not be made: {reason}").format(
                    path=folder, reason=exc.strerror or exc)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_reference(self, _link: str = "") -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(templates_dir() / "VARIABLES.md")))

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(Path.home())
