"""Undo and redo of every change to the project.

Each change is a :class:`ProjectChange` holding a copy of the project before
and after it, with a label for the Edit menu ("Undo Remove service
“Hosting”"). Pages keep editing the project in place and then call
:meth:`ProjectDocument.touch`; :class:`ProjectHistory` turns each touch into
a change on a :class:`QUndoStack`. Keystrokes in one field merge into one
change, so undo does not go back a character at a time. Undoing or redoing
puts a fresh copy of the stored project in the document, which tells the
pages to read it again. The stack's clean state follows saving: the
document is modified exactly when the stack is not clean.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from wizard.core.model import Project
from wizard.ui.document import ProjectDocument

UNDO_LIMIT = 100
"""Changes kept for undo (each holds a copy of the project)."""
MERGING = 1
"""The :meth:`QUndoCommand.id` of changes that may merge (same field)."""


class ProjectChange(QUndoCommand):
    """One change: the project before and after it. Pushed after the change
    was made, so its first :meth:`redo` does nothing."""

    def __init__(self, history: ProjectHistory, before: Project, after: Project,
                 label: str, merge_key: str) -> None:
        super().__init__(label)
        self.history = history
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._done = True

    def id(self) -> int:
        return MERGING if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ProjectChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:  # the change was made before it was pushed
            self._done = False
            return
        self.history.show(self.after)

    def undo(self) -> None:
        self.history.show(self.before)


class ProjectHistory(QObject):
    """The undo stack of one document."""

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._snapshot = document.project.model_copy(deep=True)
        self._restoring = False
        document.recorded.connect(self.record)
        document.replaced.connect(self.forget)
        document.saved.connect(self.stack.setClean)
        self.stack.cleanChanged.connect(self._clean_changed)

    def record(self, label: str, merge_key: str) -> None:
        """The document was changed in place: keep the change."""
        if self._restoring:
            return
        after = self.document.project.model_copy(deep=True)
        before, self._snapshot = self._snapshot, after
        self.stack.push(ProjectChange(self, before, after, label, merge_key))
        if self.stack.isClean():  # a change merged back to the saved state
            self.document.set_modified(False)

    def forget(self) -> None:
        """Another project was loaded: nothing to undo, and clean unless it
        starts out unsaved (new, recovered)."""
        self._snapshot = self.document.project.model_copy(deep=True)
        self.stack.clear()
        if self.document.modified:
            self.stack.resetClean()

    def show(self, project: Project) -> None:
        """Put ``project`` (a stored copy) in the document (undo, redo)."""
        self._snapshot = project
        self._restoring = True
        try:
            self.document.revert_to(project.model_copy(deep=True))
        finally:
            self._restoring = False

    def _clean_changed(self, clean: bool) -> None:
        self.document.set_modified(not clean)
