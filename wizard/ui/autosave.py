"""Autosave: unsaved edits go to a recovery file shortly after the user stops
changing things (not on every keystroke), and the file goes away when the
work is saved, discarded or the window closes cleanly. The file format and
the rules about whose file is whose are in :mod:`wizard.core.recovery`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from wizard.core import recovery
from wizard.core.project_file import ProjectFileError
from wizard.i18n import _
from wizard.settings import recovery_dir
from wizard.ui.document import ProjectDocument

AUTOSAVE_DELAY_MS = 2000


class Autosaver(QObject):
    written = Signal(Path)
    """A recovery file was written."""
    failed = Signal(str)
    """A recovery file could not be written (said once until it works again)."""

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.file: Path | None = None
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.write_now)
        document.replaced.connect(self.discard)
        document.changed.connect(self._changed)
        document.state_changed.connect(self._state_changed)

    def _changed(self) -> None:
        if self.document.modified and self.document.edited_at is not None:
            self.timer.start()

    def _state_changed(self) -> None:
        if not self.document.modified:
            self.discard()

    def write_now(self) -> None:
        """Write the recovery file now, if there are unsaved edits."""
        self.timer.stop()
        document = self.document
        if not document.modified or document.edited_at is None:
            return
        if self.file is None:
            self.file = recovery.new_recovery_file(recovery_dir())
        try:
            recovery.write_recovery(self.file, document.project, document.path,
                                    document.edited_at)
        except (ProjectFileError, OSError, ValueError) as exc:
            if not self._failing:
                self._failing = True
                self.failed.emit(_("Unsaved changes could not be kept safe for recovery "
                                   "after a crash: {reason}").format(reason=exc))
            return
        self._failing = False
        self.written.emit(self.file)

    def adopt(self, file: Path) -> None:
        """Continue a recovery file restored from an earlier session: it is
        rewritten at once, so that it now belongs to this window."""
        self.file = file
        self.write_now()

    def discard(self) -> None:
        """The work was saved or thrown away: no recovery file is needed."""
        self.timer.stop()
        if self.file is not None:
            recovery.discard(self.file)
            self.file = None
