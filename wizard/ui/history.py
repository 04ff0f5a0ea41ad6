"""Undo and redo of every change to the project.

Each change is a :class:`ProjectChange` holding a copy of the project before
and after it, with a label for the Edit menu ("Undo Remove service
“Hosting”"). Pages keep editing the project in place: just before, they call
:meth:`ProjectDocument.about_to_change` (so that the state before is kept),
and just after, :meth:`ProjectDocument.touch`, which :class:`ProjectHistory`
turns into a change on a :class:`QUndoStack`. Keystrokes in one field merge
into one change, so undo does not go back a character at a time.

Copies are taken only when needed: the state before a change when a new
change begins (not on each keystroke of the same field), and the state after
the newest change when it is undone or another change begins. Undoing or
redoing puts a fresh copy of the stored project in the document, which tells
the pages to read it again. The stack's clean state follows saving: the
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
    """One change: the project before and after it (``after`` is taken when
    first needed). Pushed after the change was made, so its first
    :meth:`redo` does nothing."""

    def __init__(self, history: ProjectHistory, before: Project, label: str,
                 merge_key: str) -> None:
        super().__init__(label)
        self.history = history
        self.before = before
        self.after: Project | None = None
        self.merge_key = merge_key
        self._done = True

    def id(self) -> int:
        return MERGING if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, ProjectChange) or other.merge_key != self.merge_key:
            return False
        self.after = None  # the project has changed again
        return True

    def redo(self) -> None:
        if self._done:  # the change was made before it was pushed
            self._done = False
            return
        assert self.after is not None  # taken when it was undone
        self.history.show(self.after)

    def undo(self) -> None:
        if self.after is None:
            self.after = self.history.current_copy()
        self.history.show(self.before)


class ProjectHistory(QObject):
    """The undo stack of one document."""

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._before: Project | None = self.current_copy()
        """A copy of the project as it is now, or None when it has changed since."""
        self._restoring = False
        document.about_to_edit.connect(self.prepare)
        document.recorded.connect(self.record)
        document.replaced.connect(self.forget)
        document.saved.connect(self.stack.setClean)
        self.stack.cleanChanged.connect(self._clean_changed)

    def current_copy(self) -> Project:
        return self.document.project.model_copy(deep=True)

    def _top(self) -> ProjectChange | None:
        index = self.stack.index()
        command = self.stack.command(index - 1) if index > 0 else None
        return command if isinstance(command, ProjectChange) else None

    def _merges(self, merge_key: str) -> bool:
        """Whether a change with ``merge_key`` made now joins the newest one."""
        top = self._top()
        return (bool(merge_key) and top is not None and top.merge_key == merge_key
                and self.stack.index() != self.stack.cleanIndex())

    def prepare(self, merge_key: str) -> None:
        """The project is about to change: keep how it is, unless the change
        joins the newest one (whose state before is kept already)."""
        if self._before is None and not self._merges(merge_key):
            self._before = self.current_copy()

    def record(self, label: str, merge_key: str) -> None:
        """The document was changed in place: keep the change."""
        if self._restoring:
            return
        top = self._top()
        if top is not None and self._merges(merge_key):
            self.stack.push(ProjectChange(self, top.before, label, merge_key))  # joins it
            self._before = None
            return
        # not announced by about_to_change: the change joins the previous one
        before = self._before if self._before is not None else self.current_copy()
        if top is not None and top.after is None:
            top.after = before
        self._before = None
        self.stack.push(ProjectChange(self, before, label, merge_key))

    def forget(self) -> None:
        """Another project was loaded: nothing to undo, and clean unless it
        starts out unsaved (new, recovered)."""
        self._before = self.current_copy()
        self.stack.clear()
        if self.document.modified:
            self.stack.resetClean()

    def show(self, project: Project) -> None:
        """Put ``project`` (a stored copy) in the document (undo, redo)."""
        self._before = project
        self._restoring = True
        try:
            self.document.revert_to(project.model_copy(deep=True))
        finally:
            self._restoring = False

    def _clean_changed(self, clean: bool) -> None:
        self.document.set_modified(not clean)
