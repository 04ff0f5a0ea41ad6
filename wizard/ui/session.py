"""The open project of one window: the document, its undo history, the lock
on its file, the autosave for recovery, the checks, and the file actions
(new, open, save, save as, recover).

The window (:mod:`wizard.ui.main_window`) paints its frame first and makes
the session right after; the session asks its questions over the window and
tells it, through signals, what to show.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from wizard.core.checks import Problem, check_project
from wizard.i18n import _, language
from wizard.settings import APP_NAME, Settings, default_projects_dir, recovery_dir, save_settings
from wizard.ui.autosave import Autosaver
from wizard.ui.document import ProjectDocument
from wizard.ui.history import ProjectHistory
from wizard.ui.plain_text import literal

if TYPE_CHECKING:
    from wizard.core.lockfile import ProjectLock
    from wizard.core.model import AgreementType, Project
    from wizard.core.project_file import ProjectFileError
    from wizard.core.recovery import Recovery

CHECK_DELAY_MS = 200
NOTE_MS = 12000
"""How long a status-bar note about a file (backup, conversion) stays."""


class ProjectSession(QObject):
    """The project shown in ``window``, and what can be done to it as a whole."""

    note = Signal(str, int)
    """A message for the status bar, and for how many milliseconds."""
    project_loaded = Signal()
    """A project was started, opened or recovered: show its first step."""
    recovered = Signal()
    """Recovered work was loaded (after :attr:`project_loaded`): its steps were worked on."""
    recent_changed = Signal()
    """The list of recent files changed."""
    presets_changed = Signal()
    """The user saved a preset of their own."""
    checked = Signal()
    """The checks ran: :attr:`problems` is new."""
    template_checked = Signal()
    """The render worker has checked a template the checks asked about."""

    def __init__(self, window: QWidget, settings: Settings,
                 document: ProjectDocument | None = None,
                 open_window: Callable[[], ProjectSession] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.document = document or ProjectDocument()
        self.history = ProjectHistory(self.document, self)
        self.autosaver = Autosaver(self.document, self)
        self.lock: ProjectLock | None = None
        self.problems: list[Problem] = []
        self.closed = False
        self._open_window = open_window
        """Makes another window, for a second recovered project."""

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_checks)
        self.document.changed.connect(self.check_timer.start)
        self.autosaver.failed.connect(lambda text: self.note.emit(text, NOTE_MS))

        from wizard.core.render_worker import never_wait_here

        # the checks never wait for a template to be checked: they run again once it is
        self._checks_notified = self.template_checked.emit
        never_wait_here(self._checks_notified)
        self.template_checked.connect(self._template_checked)

    @property
    def undo_stack(self) -> QUndoStack:
        return self.history.stack

    # checks ----------------------------------------------------------------------
    def run_checks(self) -> None:
        self.check_timer.stop()
        self.problems = check_project(self.document.project, self.document.path)
        self.checked.emit()

    def flush_checks(self) -> None:
        """Run the checks now if there are edits they have not seen yet."""
        if self.check_timer.isActive():
            self.check_timer.stop()
            self.problems = check_project(self.document.project, self.document.path)

    def _template_checked(self) -> None:
        if not self.closed:  # a closed window no longer checks (nor waits for a check)
            self.run_checks()

    # new and open -------------------------------------------------------------------
    def maybe_save_changes(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self.window, APP_NAME,
            literal(_("“{name}” has unsaved changes. Save them?").format(
                name=self.document.display_name)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_from_preset(self, kind: AgreementType) -> None:
        if not self.maybe_save_changes():
            return
        from wizard.core.presets import new_project
        from wizard.core.project_file import ProjectFileError

        try:
            project = new_project(kind, language())
        except ProjectFileError as exc:
            QMessageBox.warning(self.window, _("Cannot start a new project"),
                                literal(str(exc)))
            return
        self.start(project)

    def new_blank(self) -> None:
        if not self.maybe_save_changes():
            return
        from wizard.core.presets import blank_project

        self.start(blank_project())

    def start(self, project: Project) -> None:
        """Show ``project`` as a new one: unsaved, with no file."""
        self.document.replace(project, None, modified=True)
        self._lock_path(None)
        self.project_loaded.emit()

    def open_dialog(self) -> None:
        if not self.maybe_save_changes():
            return
        from wizard.core.project_file import PROJECT_SUFFIX

        folder = self.settings.last_folder or str(default_projects_dir())
        name, _filter = QFileDialog.getOpenFileName(
            self.window, _("Open a project"), folder,
            _("SLA projects (*{suffix})").format(suffix=PROJECT_SUFFIX))
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open ``path``; a file that cannot be read is explained and changes nothing."""
        if ask and not self.maybe_save_changes():
            return False
        from wizard.core.project_file import ProjectFileError, read_project

        try:
            loaded = read_project(path)
        except ProjectFileError as exc:
            QMessageBox.warning(self.window, _("Cannot open the project"), literal(str(exc)))
            if str(path.resolve()) in self.settings.recent_files and not path.exists():
                self.settings.forget(str(path.resolve()))
                self.remember_settings()
            return False
        path = path.resolve()
        if not self._may_use_path(path, saving=False):
            return False
        self.document.replace(loaded.project, path)
        self._lock_path(path)
        self.settings.remember(path)
        self.remember_settings()
        if loaded.migrated:
            self.note.emit(
                _("{name} is in an older project format; it will be converted when you save "
                  "it, and the original kept as a copy beside it.").format(name=path.name),
                NOTE_MS)
        self.project_loaded.emit()
        return True

    # open elsewhere --------------------------------------------------------------
    def _may_use_path(self, path: Path, saving: bool) -> bool:
        """True unless ``path`` is open in another window or program and the
        user chose not to go on."""
        if self.lock is not None and self.lock.project == path:
            return True
        from wizard.core.lockfile import live_owner

        owner = live_owner(path)
        if owner is None:
            return True
        from wizard.ui.file_messages import confirm_despite_owner

        return confirm_despite_owner(self.window, path, owner, saving)

    def _lock_path(self, path: Path | None) -> None:
        """Hold the lock of ``path`` (None: of nothing), releasing the previous one."""
        if self.lock is not None:
            if path is not None and self.lock.project == path:
                return
            self.lock.release()
            self.lock = None
        if path is not None:
            from wizard.core.lockfile import acquire

            self.lock = acquire(path)

    # recovery ----------------------------------------------------------------------
    def offer_recovery(self, asked: bool = False) -> None:
        """Offer the unsaved work left by a program that ended without saving it."""
        from wizard.core.recovery import discard, scan_recoveries

        scan = scan_recoveries(recovery_dir())
        recoveries = scan.found
        if not recoveries and not scan.unreadable:
            if asked:
                QMessageBox.information(self.window, _("Recover unsaved work"),
                                        _("There is no unsaved work to recover."))
            return
        from wizard.ui.recovery_dialog import RecoveryChoice, RecoveryDialog

        choices = RecoveryDialog.choose(self.window, recoveries, scan.unreadable)
        for unreadable in scan.unreadable:
            if choices.get(unreadable.file) is RecoveryChoice.DISCARD:
                discard(unreadable.file)
        target: ProjectSession | None = self if not self.document.modified else None
        for item in recoveries:
            choice = choices.get(item.file, RecoveryChoice.KEEP)
            if choice is RecoveryChoice.DISCARD:
                discard(item.file)
            elif choice is RecoveryChoice.RESTORE:
                session = target or self._another_session()
                if session is None:
                    continue
                if session.restore(item):
                    target = None
                elif session is not self:
                    session.window.close()

    def _another_session(self) -> ProjectSession | None:
        return self._open_window() if self._open_window is not None else None

    def restore(self, item: Recovery) -> bool:
        """Show recovered work: its original file name, marked unsaved."""
        from wizard.ui.recovery_dialog import edited_text

        original = item.original
        if original is not None and not self._may_use_path(original, saving=False):
            return False
        self.document.replace(item.project, original, modified=True,
                              edited_at=item.edited_at)
        self.autosaver.adopt(item.file)
        self._lock_path(original)
        self.project_loaded.emit()
        self.recovered.emit()
        self.note.emit(
            _("Recovered the unsaved work of {name} (last edited {time}). Save it to keep "
              "it.").format(name=self.document.display_name, time=edited_text(item.edited_at)),
            NOTE_MS)
        return True

    # saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from wizard.core.project_file import PROJECT_SUFFIX

        folder = default_projects_dir()
        if self.document.path is not None:
            suggestion = self.document.path
        else:
            folder.mkdir(parents=True, exist_ok=True)
            stem = "".join(c for c in self.document.display_name
                           if c.isalnum() or c in " -_.").strip() or "agreement"
            suggestion = folder / f"{stem}{PROJECT_SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save the project as"), str(suggestion),
            _("SLA projects (*{suffix})").format(suffix=PROJECT_SUFFIX))
        if not name:
            return False
        return self._save_to(Path(name))

    def _save_to(self, path: Path) -> bool:
        from wizard.core.project_file import PROJECT_SUFFIX, ProjectFileError

        target = path if path.suffix.lower() == PROJECT_SUFFIX else \
            path.with_name(path.name + PROJECT_SUFFIX)
        if not self._may_use_path(target.resolve(), saving=True):
            return False
        self._offer_next_version(target)
        try:
            saved = self.document.save(path)
        except ProjectFileError as exc:
            return self._save_failed(exc)
        self._lock_path(saved.resolve())
        self.settings.remember(saved)
        self.remember_settings()
        result = self.document.last_save
        if result is not None and result.backup_error:
            self.note.emit(
                _("Saved {path}, but no backup copy of the previous version could be made: "
                  "{reason}").format(path=saved, reason=result.backup_error), NOTE_MS)
        elif result is not None and result.original is not None:
            self.note.emit(
                _("Saved {path} in the current project format; the original is kept as "
                  "{copy}").format(path=saved, copy=result.original.name), NOTE_MS)
        else:
            self.note.emit(_("Saved {path}").format(path=saved), 4000)
        return True

    def _offer_next_version(self, target: Path) -> None:
        """Before changes are saved over a draft a contract was made from, offer
        the next document version, so that two different contracts never carry
        the same one."""
        from wizard.core.sent_drafts import version_for_changed_sent_draft

        if self.document.path is None or not target.exists() or \
                target.resolve() != self.document.path.resolve():
            return
        suggestion = version_for_changed_sent_draft(target, self.document.project)
        if suggestion is None:
            return
        answer = QMessageBox.question(
            self.window, APP_NAME,
            literal(_("The contract “{contract}” was made from this project as version "
                      "{current}, and the project has changed since. Save it as version "
                      "{suggested}?").format(contract=suggestion.contract.name,
                                             current=suggestion.current,
                                             suggested=suggestion.suggested)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.document.about_to_change()
            self.document.project.agreement.document_version = suggestion.suggested
            self.document.touch(_("Document version {version}").format(
                version=suggestion.suggested))
            self.document.reverted.emit()  # the pages show the new version

    def _save_failed(self, exc: ProjectFileError) -> bool:
        """Explain a failed save (the edits stay in the window, unsaved) and,
        unless the project itself is at fault, offer to save it elsewhere."""
        from wizard.core.project_file import ProjectFileErrorKind

        if exc.kind is ProjectFileErrorKind.INVALID_FIELD:
            QMessageBox.critical(self.window, _("The project was not saved"),
                                 literal(str(exc)))
            return False
        from wizard.ui.file_messages import offer_save_as

        return offer_save_as(self.window, exc) and self.save_as()

    def remember_settings(self) -> None:
        save_settings(self.settings)
        self.recent_changed.emit()

    # closing ------------------------------------------------------------------------------
    def close(self) -> None:
        """The window closes (its unsaved changes saved or given up)."""
        from wizard.core.render_worker import wait_again

        self.autosaver.discard()
        self._lock_path(None)
        self.closed = True
        self.check_timer.stop()
        wait_again(self._checks_notified)

