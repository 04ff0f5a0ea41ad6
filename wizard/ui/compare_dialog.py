"""File → Compare with…: what changed between a saved draft and the open
project, grouped by step, each change a link to its field; the redline (the
contract with the changes as tracked changes) saved in the background; and
the document version raised one step when both drafts still carry the same."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.changes import Change, changes_by_step, compare_projects, version_to_raise
from wizard.core.model import Project
from wizard.core.steps import STEP_TITLES
from wizard.i18n import _, ngettext
from wizard.ui.background import BackgroundWork
from wizard.ui.plain_text import literal, plain_label
from wizard.ui.preview import preview_locale

if TYPE_CHECKING:
    from wizard.ui.document import ProjectDocument

REFRESH_MS = 300
"""The list follows the user's edits this long after the last one."""

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1


class CompareDialog(QDialog):
    """The changes from ``old`` (saved as ``old_path``) to the open project."""

    change_activated = Signal(object)
    """A :class:`~wizard.core.changes.Change` the user chose: go to its field."""
    redline_written = Signal(str)
    """The path of a redline just written."""
    project_edited = Signal()
    """The dialog changed the open project (its document version)."""

    def __init__(self, parent: QWidget | None, old: Project, old_path: Path,
                 document: ProjectDocument) -> None:
        super().__init__(parent)
        self.old, self.old_path, self.document = old, old_path, document
        self.changes: list[Change] = []
        self.suggested_version: str | None = None
        self.last_redline: Path | None = None
        self._work = BackgroundWork(self)
        self.setWindowTitle(_("Compare with {name}").format(name=old_path.name))
        self.resize(640, 520)

        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(_("Changes: press Enter to go to the field"))
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)

        self.version_note = plain_label()
        self.version_note.setWordWrap(True)
        self.version_button = QPushButton()
        self.version_button.clicked.connect(self.raise_version)
        version_row = QHBoxLayout()
        version_row.addWidget(self.version_note, 1)
        version_row.addWidget(self.version_button)

        self.redline_button = QPushButton(_("Save &redline…"))
        self.redline_button.setToolTip(_(
            "The open project's contract with the changes from the saved one as tracked "
            "changes, for Word or LibreOffice."))
        self.redline_button.clicked.connect(self.choose_and_save_redline)
        self.status = plain_label()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.redline_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(version_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        document.changed.connect(self._refresh_timer.start)
        document.replaced.connect(self.close)  # another project: this comparison is over
        self.refresh()

    # the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Compare again (the open project may have been edited)."""
        project = self.document.project
        self.changes = compare_projects(self.old, project)
        count = len(self.changes)
        if count:
            self.heading.setText(ngettext(
                "{count} change since {file}:", "{count} changes since {file}:", count).format(
                count=count, file=self.old_path))
        else:
            self.heading.setText(_("The open project says the same as {file}.").format(
                file=self.old_path))
        self.tree.clear()
        link = self.palette().color(QPalette.ColorRole.Link)
        for step, changes in changes_by_step(self.changes).items():
            group = QTreeWidgetItem([_(STEP_TITLES[step])])
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for change in changes:
                item = QTreeWidgetItem([change.text])
                item.setData(0, CHANGE_ROLE, change)
                item.setToolTip(0, literal(_("Go to the field: {text}").format(text=change.text)))
                item.setForeground(0, link)
                underlined = QFont(item.font(0))
                underlined.setUnderline(True)
                item.setFont(0, underlined)
                group.addChild(item)
            group.setExpanded(True)
        self.redline_button.setEnabled(bool(self.changes))
        self._show_version()

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        change = item.data(0, CHANGE_ROLE)
        if isinstance(change, Change):
            self.change_activated.emit(change)

    def change_items(self) -> list[QTreeWidgetItem]:
        """The changes' items, in the order shown."""
        items: list[QTreeWidgetItem] = []
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            if group is not None:
                items.extend(child for k in range(group.childCount())
                             if (child := group.child(k)) is not None)
        return items

    # the document version -------------------------------------------------------------
    def _show_version(self) -> None:
        project = self.document.project
        self.suggested_version = version_to_raise(self.old, project, self.changes)
        visible = self.suggested_version is not None
        self.version_note.setVisible(visible)
        self.version_button.setVisible(visible)
        if visible:
            self.version_note.setText(
                _("Both drafts are version {version}: give this one a version of its own "
                  "before you send it.").format(version=project.agreement.document_version))
            self.version_button.setText(_("Make it &version {version}").format(
                version=self.suggested_version))

    def raise_version(self) -> None:
        """Give the open project the version suggested."""
        if self.suggested_version is None:
            return
        self.document.about_to_change()
        self.document.project.agreement.document_version = self.suggested_version
        self.document.touch(_("Document version {version}").format(
            version=self.suggested_version))
        self.project_edited.emit()
        self.refresh()

    # the redline ----------------------------------------------------------------------
    def default_redline_target(self) -> Path:
        path = self.document.path or self.old_path
        return path.with_name(f"{path.stem} - {_('changes')}.docx")

    def choose_and_save_redline(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the redline as"), str(self.default_redline_target()),
            _("Word documents (*.docx)"))
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        self.save_redline(target)

    def save_redline(self, target: Path) -> None:
        """Write the redline to ``target`` in the background."""
        self.redline_button.setEnabled(False)
        self.status.setText(_("Writing the redline…"))
        old, new = self.old, self.document.project.model_copy(deep=True)
        new_path, locale = self.document.path, preview_locale(new)

        def write() -> None:
            from wizard.core.redline import write_redline

            write_redline(old, new, target, locale, new_path)

        # an error is told in the dialog; the project is untouched
        self._work.start(write, lambda _none, error: self._redline_done(
            str(target), "" if error is None else str(error) or type(error).__name__))

    def _redline_done(self, path: str, error: str) -> None:
        self.redline_button.setEnabled(bool(self.changes))
        if error:
            self.status.setText(_("The redline could not be written: {error}").format(
                error=error))
            return
        self.last_redline = Path(path)
        self.status.setText(_("Redline written to {path}").format(path=path))
        self.redline_written.emit(path)

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self._work.wait_idle(msecs)

    def done(self, result: int) -> None:
        self._refresh_timer.stop()
        super().done(result)


def compare_with_file(parent: QWidget, path: Path,
                      document: ProjectDocument) -> CompareDialog | None:
    """The dialog comparing the open project with the one saved as ``path``
    (replacing one ``parent`` showed before); None (and a message) when that
    file cannot be read."""
    from wizard.core.project_file import ProjectFileError, read_project

    try:
        loaded = read_project(path)
    except ProjectFileError as exc:
        QMessageBox.warning(parent, _("Cannot compare the projects"), literal(str(exc)))
        return None
    for earlier in parent.findChildren(CompareDialog):
        earlier.wait_idle()
        earlier.close()
        earlier.deleteLater()
    return CompareDialog(parent, loaded.project, path, document)


def choose_file_to_compare(parent: QWidget, folder: Path) -> Path | None:
    """A saved project chosen in a file dialog, or None."""
    from wizard.core.project_file import PROJECT_SUFFIX

    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Compare with a saved project"), str(folder),
        _("SLA projects (*{suffix})").format(suffix=PROJECT_SUFFIX))
    return Path(name) if name else None

