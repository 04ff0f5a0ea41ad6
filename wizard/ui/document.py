"""The open project as the window sees it: the model, its file, and whether
it has unsaved changes. Pages edit ``document.project`` in place between
:meth:`ProjectDocument.about_to_change` and :meth:`ProjectDocument.touch`;
everything else listens to the signals."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from wizard.core.model import Project
from wizard.core.project_file import PROJECT_SUFFIX, SaveResult, save_project
from wizard.i18n import _


class ProjectDocument(QObject):
    changed = Signal()
    """The project's content changed (an edit, or a new project loaded)."""
    state_changed = Signal()
    """The file name or the unsaved-changes mark changed."""
    replaced = Signal()
    """A different project was loaded: pages read it afresh."""
    about_to_edit = Signal(str)
    """merge key: the project is about to be changed in place (for undo)."""
    recorded = Signal(str, str)
    """label, merge key: the user changed the project in place (for undo)."""
    reverted = Signal()
    """Undo or redo put another version of the project in: pages read it afresh."""
    saved = Signal()
    """The project was written to its file."""

    def __init__(self, project: Project | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.project = project or Project()
        self.path = path
        self.modified = False
        self.edited_at: datetime | None = None
        """When the user last changed the project; None until they do."""
        self.last_save: SaveResult | None = None

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return self.project.agreement.title.strip() or _("Untitled agreement")

    def replace(self, project: Project, path: Path | None, modified: bool = False,
                edited_at: datetime | None = None) -> None:
        """Show another project (new, opened or recovered)."""
        self.project = project
        self.path = path
        self.modified = modified
        self.edited_at = edited_at
        self.replaced.emit()
        self.changed.emit()
        self.state_changed.emit()

    def about_to_change(self, merge_key: str = "") -> None:
        """Say that the project is about to be changed in place (then call
        :meth:`touch`), so that the change can be undone; ``merge_key`` as
        for :meth:`touch`."""
        self.about_to_edit.emit(merge_key)

    def touch(self, label: str = "", merge_key: str = "") -> None:
        """Record that the user changed something: ``label`` names the change
        for the Edit menu; changes with the same non-empty ``merge_key`` in a
        row (keystrokes in one field) are undone together."""
        was_modified = self.modified
        self.modified = True
        self.edited_at = datetime.now(UTC)
        self.recorded.emit(label or _("Edit"), merge_key)
        self.changed.emit()
        if not was_modified:
            self.state_changed.emit()

    def revert_to(self, project: Project) -> None:
        """Show an earlier or later version of the same project (undo, redo)."""
        self.project = project
        self.edited_at = datetime.now(UTC)
        self.reverted.emit()
        self.changed.emit()

    def set_modified(self, modified: bool) -> None:
        """Whether there are unsaved changes (undo can take them back)."""
        if modified != self.modified:
            self.modified = modified
            self.state_changed.emit()

    def save(self, path: Path | None = None) -> Path:
        """Write the project; raises :class:`ProjectFileError` on failure, in
        which case nothing changes (the edits stay, still unsaved). What the
        save did besides (backup copies) is in :attr:`last_save`."""
        target = path or self.path
        if target is None:
            raise ValueError("no file name")
        if target.suffix.lower() != PROJECT_SUFFIX:
            target = target.with_name(target.name + PROJECT_SUFFIX)
        self.last_save = save_project(self.project, target)
        self.path = target
        self.modified = False
        self.saved.emit()
        self.state_changed.emit()
        return target
