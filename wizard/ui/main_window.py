"""The main window: the steps on the left, the current step with its help in
the middle, the live preview on the right, and the menus.

The window can be painted before the project model exists: its frame (steps,
titles, help, menus) needs no pydantic, and :meth:`MainWindow.load` builds
the rest (the project session, the pages, the preview) right after the
first paint. What the window does to the project as a whole (open, save,
undo, recover, check) is the :class:`~wizard.ui.session.ProjectSession`'s.
"""

from __future__ import annotations

import importlib
import linecache
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent

from wizard.core.steps import Step
from wizard.settings import APP_NAME, Settings, default_projects_dir, save_settings, set_aside_note
from wizard.ui.access_keys import settle_access_keys, window_keys
from wizard.ui.glossary import ContextHelp
from wizard.ui.page_list import LOAD_AT_THE_LATEST_MS, FirstPaint, PageList
from wizard.ui.step_states import StepState, state_label, step_state
from wizard.ui.window_fit import WindowFit
from wizard.ui.window_frame import WindowFrame

if TYPE_CHECKING:
    from wizard.core.changes import Change
    from wizard.core.checks import Problem
    from wizard.core.lockfile import ProjectLock
    from wizard.core.model import AgreementType
    from wizard.core.recovery import Recovery
    from wizard.ui.autosave import Autosaver
    from wizard.ui.compare_dialog import CompareDialog
    from wizard.ui.document import ProjectDocument
    from wizard.ui.measure_dialog import MeasureDialog
    from wizard.ui.pages.base import StepPage
    from wizard.ui.pages.review import ReviewPage
    from wizard.ui.pages.start import StartPage
    from wizard.ui.session import ProjectSession

__all__ = ["LOAD_AT_THE_LATEST_MS", "FirstPaint", "MainWindow", "PageList", "StepState",
           "state_label"]

NOTE_MS = 12000
"""How long a status-bar note about a file (backup, conversion) stays."""

_extra_windows: list[MainWindow] = []
"""Windows opened to restore a second recovered project (kept alive here)."""


class MainWindow(WindowFrame):
    """The window. ``MainWindow(settings)`` is complete at once; with
    ``loaded=False`` only its frame is built (showing the step ``opening``
    will open on) until :meth:`load` is called, typically just after the
    first paint."""

    loaded = Signal()
    """:meth:`load` is done: the project (the one to open, if any) is shown."""

    def __init__(self, settings: Settings, document: ProjectDocument | None = None,
                 check_recovery: bool = True, *, loaded: bool = True,
                 opening: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.visited: set[Step] = set()
        self.is_loaded = False
        self._check_recovery = check_recovery
        self.setMinimumSize(960, 600)

        self._build_steps_and_pages()
        self._build_preview_dock()
        self._build_actions()
        self.compare_action.triggered.connect(lambda _checked=False: self.compare_with())
        self.measure_action.triggered.connect(lambda _checked=False: self.measure_month())

        self.fit = WindowFit(self, self)
        self.fit.place(settings.window_geometry)
        self.context_help = ContextHelp(self, self.whole_help)
        if loaded:
            self.load(document)
        else:
            self._show_frame(Step.BASICS if opening is not None else Step.START, opening)

    def load_after_first_paint(self, opening: Path | None = None,
                               then: Callable[[], None] | None = None) -> None:
        """:meth:`load` (opening ``opening``) just after the window's first
        paint, or :data:`LOAD_AT_THE_LATEST_MS` after now if no paint comes;
        then call ``then``."""

        def load_once() -> None:
            if self.is_loaded:
                return
            self.load(opening=opening)
            if then is not None:
                then()

        FirstPaint(self, load_once)
        QTimer.singleShot(LOAD_AT_THE_LATEST_MS, self, load_once)

    def load(self, document: ProjectDocument | None = None,
             opening: Path | None = None) -> bool:
        """Make the session, the pages and the preview, and show ``document``
        (or open ``opening``: False when it could not be opened, and the
        start step shows instead)."""
        # PySide6's import hook reads the source of every module imported
        # after it (looking for the word "PySide6") into the line cache, which
        # only tracebacks use: emptied after each group of modules (pydantic,
        # the model, the checks with Babel), so that the memory serves the
        # next group instead of adding up (3 MiB less at the peak)
        for group in ("pydantic", "wizard.core.model", "wizard.core.checks"):
            importlib.import_module(group)
            linecache.clearcache()
        from wizard.ui.session import ProjectSession

        self.session = ProjectSession(self, self.settings, document, self._new_window_session)
        self.pages = PageList(list(Step), self._build_page)
        linecache.clearcache()
        self._build_preview()
        linecache.clearcache()
        self._connect()
        self.is_loaded = True
        opened = opening is not None and self.open_path(opening, ask=False)
        if not opened:
            self.go_to(0)
            self.run_checks()
        self._update_title()
        self._fill_recent_menu()
        if self.settings.set_aside is not None:  # damaged settings: said once, here
            self.statusBar().showMessage(set_aside_note(self.settings), NOTE_MS)
            self.settings.set_aside = None
        if self._check_recovery:
            # once the window is up (and a project named on the command line is open)
            self._recovery_timer = QTimer(self)
            self._recovery_timer.setSingleShot(True)
            self._recovery_timer.timeout.connect(self.offer_recovery)
            self._recovery_timer.start(0)
        self.loaded.emit()
        return opened

    # the session's, as the window's ----------------------------------------------
    @property
    def document(self) -> ProjectDocument:
        return self.session.document

    def open_project_path(self) -> Path | None:
        session = getattr(self, "session", None)
        return session.document.path if session is not None else None

    @property
    def autosaver(self) -> Autosaver:
        return self.session.autosaver

    @property
    def lock(self) -> ProjectLock | None:
        return self.session.lock

    @property
    def problems(self) -> list[Problem]:
        return self.session.problems

    def maybe_save_changes(self) -> bool:
        return self.session.maybe_save_changes()

    def new_from_preset(self, kind: AgreementType) -> None:
        self.session.new_from_preset(kind)

    def new_blank(self) -> None:
        self.session.new_blank()

    def open_dialog(self) -> None:
        self.session.open_dialog()

    def open_path(self, path: Path, ask: bool = True) -> bool:
        return self.session.open_path(path, ask)

    def save(self) -> bool:
        return self.session.save()

    def save_as(self) -> bool:
        return self.session.save_as()

    def restore(self, item: Recovery) -> bool:
        return self.session.restore(item)

    def offer_recovery(self, asked: bool = False) -> None:
        self.session.offer_recovery(asked)

    def run_checks(self) -> None:
        self.session.run_checks()

    def _new_window_session(self) -> ProjectSession:
        """Another window, for a second recovered project."""
        window = MainWindow(self.settings, check_recovery=False)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _extra_windows.append(window)
        window.destroyed.connect(lambda *_args: _extra_windows.remove(window)
                                 if window in _extra_windows else None)
        window.show()
        return window.session

    def _build_preview(self) -> None:
        from wizard.ui.preview import PreviewPane

        placeholder = self.preview_dock.widget()
        self.preview = PreviewPane(self.document)
        self.preview_dock.setWidget(self.preview)
        if placeholder is not None:
            placeholder.deleteLater()

    def _connect(self) -> None:
        self.step_list.currentRowChanged.connect(self._show_page)
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        session = self.session
        session.checked.connect(self._show_checks)
        session.note.connect(self.statusBar().showMessage)
        session.project_loaded.connect(lambda: self.go_to(1))
        session.recent_changed.connect(self._recent_changed)
        session.recovered.connect(self._recovered)
        self.document.state_changed.connect(self._update_title)
        self.document.changed.connect(self._update_title)  # the title may name the project
        self.document.replaced.connect(self._project_replaced)
        self.document.reverted.connect(self._project_reverted)
        self.new_action.triggered.connect(lambda: self.go_to(0))
        self.new_copy_action.triggered.connect(self.new_from_this_project)
        self.save_preset_action.triggered.connect(self.save_as_my_preset)
        self.replace_action.triggered.connect(self.show_replace_dialog)
        session.presets_changed.connect(self._fill_user_presets)
        self.open_action.triggered.connect(self.open_dialog)
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        self.recover_action.triggered.connect(lambda: self.offer_recovery(asked=True))
        self.quit_action.triggered.connect(self.close)
        self.preview_dock.visibilityChanged.connect(self._preview_visibility)
        self._connect_undo(session.undo_stack)

    # pages -------------------------------------------------------------------------
    def _build_page(self, index: int) -> StepPage:
        """Build the page of step ``index`` and connect it to the window."""
        from wizard.ui.pages.registry import page_class
        from wizard.ui.style import style_hints

        step = self.pages.steps[index]
        page = page_class(step)(self.document)
        style_hints(page)
        self._scrolls[index].setWidget(page)
        if step is Step.START:
            from wizard.ui.pages.start import StartPage

            assert isinstance(page, StartPage)
            page.new_requested.connect(self.new_from_preset)
            page.blank_requested.connect(self.new_blank)
            page.open_requested.connect(self.open_dialog)
            page.recent_requested.connect(lambda path: self.open_path(Path(path)))
            page.set_recent(self.settings.recent_files)
            page.user_preset_requested.connect(self.new_from_my_preset)
            self._fill_user_presets(page)
        if step is Step.REVIEW:
            from wizard.ui.pages.review import ReviewPage

            assert isinstance(page, ReviewPage)
            page.problem_activated.connect(self.go_to_problem)
            page.use_settings(self.settings)
        return page

    def page_for(self, step: Step) -> StepPage:
        """The page of ``step`` (built now if it was not yet)."""
        return self.pages[self.pages.index_of(step)]

    def built_page_for(self, step: Step) -> StepPage | None:
        return self.pages.built(self.pages.index_of(step))

    @property
    def start_page(self) -> StartPage:
        from wizard.ui.pages.start import StartPage

        page = self.page_for(Step.START)
        assert isinstance(page, StartPage)
        return page

    @property
    def review_page(self) -> ReviewPage:
        from wizard.ui.pages.review import ReviewPage

        page = self.page_for(Step.REVIEW)
        assert isinstance(page, ReviewPage)
        return page

    # navigation ----------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        if self.step_list.currentRow() == index:
            self._show_page(index)
        else:
            self.step_list.setCurrentRow(index)  # which shows the page

    def current_page(self) -> StepPage:
        return self.pages[self.stack.currentIndex()]

    def _show_page(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)
        self.session.flush_checks()  # edits the checks have not seen yet
        page.reload()
        page.show_problems(self.problems)
        self.visited.add(page.step)
        self._show_step_frame(page.step)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self._update_step_states()
        settle_access_keys(page, window_keys(self, self.menuBar(), self.stack))

    def go_to_problem(self, problem: Problem) -> None:
        """Show the step of ``problem`` and put the focus on its field."""
        index = self.pages.index_of(problem.step)
        self.go_to(index)
        self.pages[index].focus_problem(problem.loc)

    # comparing -------------------------------------------------------------------
    def compare_with(self, path: Path | None = None) -> CompareDialog | None:
        """File → Compare with…: what changed since a saved project (chosen in
        a file dialog unless given), each change a link to its field."""
        if not self.is_loaded:
            return None
        from wizard.ui.compare_dialog import choose_file_to_compare, compare_with_file

        if path is None:
            folder = (self.document.path.parent if self.document.path is not None
                      else Path(self.settings.last_folder or default_projects_dir()))
            path = choose_file_to_compare(self, folder)
            if path is None:
                return None
        dialog = compare_with_file(self, path, self.document)
        if dialog is not None:
            dialog.change_activated.connect(self.go_to_change)
            dialog.project_edited.connect(lambda: self.current_page().reload())
            dialog.show()
        return dialog

    def measure_month(self) -> MeasureDialog | None:
        """File → Measure a month…: the month's files, results and report."""
        if not self.is_loaded:
            return None
        from wizard.ui.measure_dialog import open_measure_dialog

        return open_measure_dialog(self, self.document)

    def go_to_change(self, change: Change) -> None:
        """Show the step of ``change`` and put the focus on its field."""
        index = self.pages.index_of(change.step)
        self.go_to(index)
        self.pages[index].focus_problem(change.loc)

    # checks ----------------------------------------------------------------------
    def _show_checks(self) -> None:
        problems = self.problems
        current = self.current_page()
        current.show_problems(problems)
        review = self.built_page_for(Step.REVIEW)
        if review is not None and review is not current:
            review.show_problems(problems)
        self._update_step_states()

    def step_state(self, step: Step) -> str:
        if not self.is_loaded:
            return super().step_state(step)
        return step_state(step, self.visited, self.problems, self.document.project)

    # the project as a whole ----------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _project_replaced(self) -> None:
        self.visited = set()
        self._show_page(self.stack.currentIndex())
        self.run_checks()

    def _recovered(self) -> None:
        """Recovered work was being edited: its steps are not new to the user."""
        self.visited = set(Step) - {Step.START}
        self._update_step_states()

    def _project_reverted(self) -> None:
        """Undo or redo: the step shown reads the project again (the others
        do when they are shown)."""
        self.current_page().reload()
        self._update_title()

    def _remember_settings(self) -> None:
        self.session.remember_settings()

    def _recent_changed(self) -> None:
        from wizard.ui.pages.start import StartPage

        start = self.built_page_for(Step.START)
        if isinstance(start, StartPage):
            start.set_recent(self.settings.recent_files)
        self._fill_recent_menu()

    # reusing the project --------------------------------------------------------------
    def new_from_this_project(self) -> None:
        from wizard.ui.reuse_actions import new_from_this_project

        new_from_this_project(self.session)

    def save_as_my_preset(self) -> None:
        from wizard.ui.reuse_actions import save_as_my_preset

        save_as_my_preset(self.session)

    def new_from_my_preset(self, path: str) -> None:
        from wizard.ui.reuse_actions import new_from_my_preset

        new_from_my_preset(self.session, Path(path))

    def _fill_user_presets(self, page: StartPage | None = None) -> None:
        from wizard.core.user_presets import list_user_presets
        from wizard.settings import user_presets_dir
        from wizard.ui.pages.start import StartPage

        start = page if page is not None else self.built_page_for(Step.START)
        if isinstance(start, StartPage):
            start.set_user_presets(list_user_presets(user_presets_dir()))

    def show_replace_dialog(self) -> None:
        """Edit → Replace a Name Across the Project…"""
        from wizard.ui.reuse_actions import ReplaceDialog, replace_across_project

        self.replace_dialog = ReplaceDialog(self)
        self.replace_dialog.replace_requested.connect(
            lambda old, new: replace_across_project(self.session, old, new))
        self.replace_dialog.open()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(Path(path).name)
            from wizard.ui.plain_text import literal

            action.setToolTip(literal(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_loaded:  # closed before the first paint was over: nothing to keep
            event.accept()
            return
        if not self.maybe_save_changes():
            event.ignore()
            return
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.session.close()
        save_settings(self.settings)
        self.preview.stop()  # and with it the render worker
        event.accept()

    def problems_for(self, step: Step) -> Sequence[Problem]:
        return [p for p in self.problems if p.step is step]
