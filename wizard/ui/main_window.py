"""The main window: the steps on the left, the current step with its help in
the middle, the live preview on the right, and the File menu.

The window can be painted before the project model exists: its frame (steps,
titles, help, menus) needs no pydantic, and :meth:`MainWindow.load` builds
the rest (the document, the pages, the preview) right after the first paint.
"""

from __future__ import annotations

import importlib
import linecache
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard import __version__
from wizard.core.steps import STEP_TITLES, Step
from wizard.i18n import _
from wizard.settings import (
    APP_NAME,
    Settings,
    default_projects_dir,
    recovery_dir,
    save_settings,
    set_aside_note,
)
from wizard.ui.help_texts import help_html
from wizard.ui.language import interface_languages, native_name, system_language
from wizard.ui.plain_text import literal
from wizard.ui.style import style_help_frame

if TYPE_CHECKING:
    from wizard.core.changes import Change
    from wizard.core.checks import Problem
    from wizard.core.lockfile import ProjectLock
    from wizard.core.model import AgreementType
    from wizard.core.project_file import ProjectFileError
    from wizard.core.recovery import Recovery
    from wizard.ui.compare_dialog import CompareDialog
    from wizard.ui.document import ProjectDocument
    from wizard.ui.pages.base import StepPage
    from wizard.ui.pages.review import ReviewPage
    from wizard.ui.pages.start import StartPage

CHECK_DELAY_MS = 200
NOTE_MS = 12000
"""How long a status-bar note about a file (backup, conversion) stays."""

_extra_windows: list[MainWindow] = []
"""Windows opened to restore a second recovered project (kept alive here)."""


class StepState:
    NOT_VISITED = "not_visited"
    COMPLETE = "complete"
    WARNINGS = "warnings"
    ERRORS = "errors"


_STATE_LOOK = {
    StepState.NOT_VISITED: ("#9aa3ad", ""),
    StepState.COMPLETE: ("#2e7d32", "✓"),
    StepState.WARNINGS: ("#b26a00", "!"),
    StepState.ERRORS: ("#c62828", "×"),
}


_icons: dict[str, QIcon] = {}
"""Each state's icon, drawn once."""


def _state_icon(state: str) -> QIcon:
    icon = _icons.get(state)
    if icon is None:
        icon = _icons[state] = _draw_state_icon(state)
    return icon


def _draw_state_icon(state: str) -> QIcon:
    colour, glyph = _STATE_LOOK[state]
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour))
    if glyph:
        painter.setBrush(QColor(colour))
    painter.drawEllipse(3, 3, 26, 26)
    if glyph:
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def _start_icon() -> QIcon:
    """A hollow square: the start step has no state, but lines up with the others."""
    icon = _icons.get(Step.START.value)
    if icon is None:
        icon = _icons[Step.START.value] = _draw_start_icon()
    return icon


def _draw_start_icon() -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#5f6b78"))
    painter.drawRoundedRect(5, 5, 22, 22, 4, 4)
    painter.drawLine(10, 16, 22, 16)
    painter.drawLine(16, 10, 16, 22)
    painter.end()
    return QIcon(pixmap)


def state_label(state: str) -> str:
    return {
        StepState.NOT_VISITED: _("not visited"),
        StepState.COMPLETE: _("complete"),
        StepState.WARNINGS: _("has warnings"),
        StepState.ERRORS: _("has errors"),
    }[state]


class FirstPaint(QObject):
    """Calls ``then`` once, just after ``widget`` is painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            self._widget.removeEventFilter(self)
            # after the paint (and its flush to the screen) has been finished
            QTimer.singleShot(0, then)
        return False


LOAD_AT_THE_LATEST_MS = 1000
"""A window that gets no paint event this long after it was shown (started
minimised, say) loads its project all the same."""


class PageList(Sequence["StepPage"]):
    """The steps' pages in order. A page is built the first time it is asked
    for (shown, searched for a problem's field, driven by a test): the window
    opens without building (or importing) the steps nobody has visited yet.
    What needs no page (titles, steps, problems) comes from the steps."""

    def __init__(self, steps: Sequence[Step], build: Callable[[int], StepPage]) -> None:
        self.steps = list(steps)
        self._build = build
        self._built: dict[int, StepPage] = {}

    def __len__(self) -> int:
        return len(self.steps)

    @overload
    def __getitem__(self, index: int) -> StepPage: ...

    @overload
    def __getitem__(self, index: slice) -> list[StepPage]: ...

    def __getitem__(self, index: int | slice) -> StepPage | list[StepPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        page = self._built.get(index)
        if page is None:
            page = self._built[index] = self._build(index)
        return page

    def __iter__(self) -> Iterator[StepPage]:
        return (self[i] for i in range(len(self)))

    def built(self, index: int) -> StepPage | None:
        """The page at ``index`` if it has been built, without building it."""
        return self._built.get(index)

    def built_pages(self) -> list[StepPage]:
        return [self._built[i] for i in sorted(self._built)]

    def index_of(self, step: Step) -> int:
        return self.steps.index(step)


class MainWindow(QMainWindow):
    """The window. ``MainWindow(settings)`` is complete at once; with
    ``loaded=False`` only its frame is built (showing the step ``opening``
    will open on) until :meth:`load` is called, typically just after the
    first paint."""

    loaded = Signal()
    """:meth:`load` is done: the project (the one to open, if any) is shown."""
    template_checked = Signal()
    """The render worker has checked a template the checks asked about."""

    def __init__(self, settings: Settings, document: ProjectDocument | None = None,
                 check_recovery: bool = True, *, loaded: bool = True,
                 opening: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.problems: list[Problem] = []
        self.visited: set[Step] = set()
        self.lock: ProjectLock | None = None
        self.is_loaded = False
        self._closed = False
        self._check_recovery = check_recovery
        self.setMinimumSize(960, 600)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)

        self._build_steps_and_pages()
        self._build_preview_dock()
        self._build_actions()

        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        if loaded:
            self.load(document)
        else:
            self._show_frame(Step.BASICS if opening is not None else Step.START, opening)

    def _show_frame(self, step: Step, opening: Path | None) -> None:
        """What the window shows before :meth:`load`: ``step`` chosen, with
        its title and help, and the name of the project about to open."""
        index = list(Step).index(step)
        self.step_list.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        self._show_step_frame(step)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(Step) - 1)
        self._update_step_states()
        name = opening.stem if opening is not None else _("Untitled agreement")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

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
        """Build the document, the pages and the preview, and show ``document``
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
        from wizard.ui.autosave import Autosaver
        from wizard.ui.document import ProjectDocument

        self.document = document or ProjectDocument()
        self.autosaver = Autosaver(self.document, self)
        self.pages = PageList(list(Step), self._build_page)
        linecache.clearcache()
        self._build_preview()
        linecache.clearcache()
        from wizard.core.render_worker import never_wait_here, wait_again

        # the checks never wait for a template to be checked: they run again once it is
        notify = self._checks_notified = self.template_checked.emit
        never_wait_here(notify)
        self.destroyed.connect(lambda: wait_again(notify))
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

    # layout ------------------------------------------------------------------
    def _build_steps_and_pages(self) -> None:
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(_("Steps"))
        self.step_list.setFixedWidth(230)
        for step in Step:
            item = QListWidgetItem(_(STEP_TITLES[step]))
            self.step_list.addItem(item)

        self.step_title = QLabel()
        font = self.step_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.step_title.setFont(font)
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        self.help_label.setAccessibleName(_("Help for this step"))
        self.help_frame = QFrame()
        self.help_frame.setFrameShape(QFrame.Shape.StyledPanel)
        style_help_frame(self.help_frame)
        help_layout = QVBoxLayout(self.help_frame)
        help_layout.addWidget(self.help_label)

        self.stack = QStackedWidget()
        self._scrolls: list[QScrollArea] = []
        for _step in Step:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.stack.addWidget(scroll)
            self._scrolls.append(scroll)

        self.back_button = QPushButton(_("◀ &Back"))
        self.next_button = QPushButton(_("&Next ▶"))
        # Alt+arrows as well as the buttons' own Alt+letter (a button's
        # setShortcut would replace its mnemonic)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_button.animateClick)
        QShortcut(QKeySequence("Alt+Right"), self, self.next_button.animateClick)
        self.next_button.setDefault(False)
        navigation = QHBoxLayout()
        navigation.addStretch(1)
        navigation.addWidget(self.back_button)
        navigation.addWidget(self.next_button)

        middle = QVBoxLayout()
        middle.addWidget(self.step_title)
        middle.addWidget(self.help_frame)
        middle.addWidget(self.stack, 1)
        middle.addLayout(navigation)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.step_list)
        layout.addLayout(middle, 1)
        self.setCentralWidget(central)

    def _build_preview_dock(self) -> None:
        """The dock, holding until :meth:`load` an empty page that looks like
        the preview before its first render."""
        placeholder = QWidget()
        layout = QVBoxLayout(placeholder)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QTextBrowser())
        self.preview_dock = QDockWidget(_("Contract preview"), self)
        self.preview_dock.setObjectName("preview")
        self.preview_dock.setWidget(placeholder)
        self.preview_dock.setMinimumWidth(340)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.preview_dock.setVisible(self.settings.show_preview)

    def _build_preview(self) -> None:
        from wizard.ui.preview import PreviewPane

        placeholder = self.preview_dock.widget()
        self.preview = PreviewPane(self.document)
        self.preview_dock.setWidget(self.preview)
        if placeholder is not None:
            placeholder.deleteLater()

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = QAction(_("&New…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = QAction(_("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_action = QAction(_("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_as_action = QAction(_("Save &As…"), self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.recover_action = QAction(_("Recover &Unsaved Work…"), self)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.recent_menu = file_menu.addMenu(_("Open &Recent"))
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        self.compare_action = QAction(_("Compare &with…"), self)
        self.compare_action.triggered.connect(lambda _checked=False: self.compare_with())
        file_menu.addAction(self.compare_action)
        file_menu.addSeparator()
        file_menu.addAction(self.recover_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(_("&View"))
        self.preview_action = self.preview_dock.toggleViewAction()
        self.preview_action.setText(_("Contract &preview"))
        self.preview_action.setShortcut(QKeySequence("Ctrl+P"))
        view_menu.addAction(self.preview_action)

        self.language_menu = self.menuBar().addMenu(_("&Language"))
        self.language_group = QActionGroup(self)
        current = self.settings.interface_language or system_language()
        for code in interface_languages():
            action = self.language_menu.addAction(native_name(code))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))

        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("&About SLA Wizard"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.step_list.currentRowChanged.connect(self._show_page)
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        self.document.changed.connect(self._check_timer.start)
        self.template_checked.connect(self._template_checked)
        self.document.state_changed.connect(self._update_title)
        self.document.replaced.connect(self._project_replaced)
        self.new_action.triggered.connect(lambda: self.go_to(0))
        self.open_action.triggered.connect(self.open_dialog)
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        self.recover_action.triggered.connect(lambda: self.offer_recovery(asked=True))
        self.autosaver.failed.connect(lambda text: self.statusBar().showMessage(text, NOTE_MS))
        self.quit_action.triggered.connect(self.close)
        self.preview_dock.visibilityChanged.connect(self._preview_visibility)

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

    def choose_language(self, code: str) -> None:
        """Remember the interface language; it applies at the next start."""
        if code == (self.settings.interface_language or system_language()):
            return
        self.settings.interface_language = code
        save_settings(self.settings)
        QMessageBox.information(
            self, APP_NAME,
            _("SLA Wizard will appear in {language} the next time you start it.").format(
                language=native_name(code)))

    def _show_page(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        page = self.pages[index]
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)
        if self._check_timer.isActive():  # edits the checks have not seen yet
            from wizard.core.checks import check_project

            self._check_timer.stop()
            self.problems = check_project(self.document.project, self.document.path)
        page.reload()
        page.show_problems(self.problems)
        self.visited.add(page.step)
        self._show_step_frame(page.step)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self._update_step_states()

    def _show_step_frame(self, step: Step) -> None:
        self.step_title.setText(_(STEP_TITLES[step]))
        html = help_html(step)
        self.help_label.setText(html)
        self.help_frame.setVisible(bool(html))

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

    def go_to_change(self, change: Change) -> None:
        """Show the step of ``change`` and put the focus on its field."""
        index = self.pages.index_of(change.step)
        self.go_to(index)
        self.pages[index].focus_problem(change.loc)

    # checks ----------------------------------------------------------------------
    def _template_checked(self) -> None:
        if not self._closed:  # a closed window no longer checks (nor waits for a check)
            self.run_checks()

    def run_checks(self) -> None:
        from wizard.core.checks import check_project

        self.problems = check_project(self.document.project, self.document.path)
        current = self.current_page()
        current.show_problems(self.problems)
        review = self.built_page_for(Step.REVIEW)
        if review is not None and review is not current:
            review.show_problems(self.problems)
        self._update_step_states()

    def step_state(self, step: Step) -> str:
        severities = {p.severity.value for p in self.problems if p.step is step}
        if "error" in severities:
            return StepState.ERRORS
        if step not in self.visited:
            return StepState.NOT_VISITED
        if "warning" in severities:
            return StepState.WARNINGS
        return StepState.COMPLETE

    def _update_step_states(self) -> None:
        for row, step in enumerate(Step):
            item = self.step_list.item(row)
            if step is Step.START:
                item.setIcon(_start_icon())
                continue
            state = self.step_state(step)
            item.setIcon(_state_icon(state))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{_(STEP_TITLES[step])}, {state_label(state)}")
            item.setToolTip(state_label(state))

    # files ---------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _project_replaced(self) -> None:
        self.visited = set()
        self._show_page(self.stack.currentIndex())
        self.run_checks()

    def maybe_save_changes(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self, APP_NAME,
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
            project = new_project(kind)
        except ProjectFileError as exc:
            QMessageBox.warning(self, _("Cannot start a new project"), literal(str(exc)))
            return
        self.document.replace(project, None, modified=True)
        self.go_to(1)

    def new_blank(self) -> None:
        if not self.maybe_save_changes():
            return
        from wizard.core.presets import blank_project

        self.document.replace(blank_project(), None, modified=True)
        self.go_to(1)

    def open_dialog(self) -> None:
        if not self.maybe_save_changes():
            return
        from wizard.core.project_file import PROJECT_SUFFIX

        folder = self.settings.last_folder or str(default_projects_dir())
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open a project"), folder,
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
            QMessageBox.warning(self, _("Cannot open the project"), literal(str(exc)))
            if str(path.resolve()) in self.settings.recent_files and not path.exists():
                self.settings.forget(str(path.resolve()))
                self._remember_settings()
            return False
        path = path.resolve()
        if not self._may_use_path(path, saving=False):
            return False
        self.document.replace(loaded.project, path)
        self._lock_path(path)
        self.settings.remember(path)
        self._remember_settings()
        if loaded.migrated:
            self.statusBar().showMessage(
                _("{name} is in an older project format; it will be converted when you save "
                  "it, and the original kept as a copy beside it.").format(name=path.name),
                NOTE_MS)
        self.go_to(1)
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

        return confirm_despite_owner(self, path, owner, saving)

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
                QMessageBox.information(self, _("Recover unsaved work"),
                                        _("There is no unsaved work to recover."))
            return
        from wizard.ui.recovery_dialog import RecoveryChoice, RecoveryDialog

        choices = RecoveryDialog.choose(self, recoveries, scan.unreadable)
        for unreadable in scan.unreadable:
            if choices.get(unreadable.file) is RecoveryChoice.DISCARD:
                discard(unreadable.file)
        target: MainWindow | None = self if not self.document.modified else None
        for item in recoveries:
            choice = choices.get(item.file, RecoveryChoice.KEEP)
            if choice is RecoveryChoice.DISCARD:
                discard(item.file)
            elif choice is RecoveryChoice.RESTORE:
                window = target or self._new_window()
                if window.restore(item):
                    target = None
                elif window is not self:
                    window.close()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.settings, check_recovery=False)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _extra_windows.append(window)
        window.destroyed.connect(lambda *_args: _extra_windows.remove(window)
                                 if window in _extra_windows else None)
        window.show()
        return window

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
        self.go_to(1)
        self.statusBar().showMessage(
            _("Recovered the unsaved work of {name} (last edited {time}). Save it to keep "
              "it.").format(name=self.document.display_name, time=edited_text(item.edited_at)),
            NOTE_MS)
        return True

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
            self, _("Save the project as"), str(suggestion),
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
        self._remember_settings()
        result = self.document.last_save
        if result is not None and result.backup_error:
            self.statusBar().showMessage(
                _("Saved {path}, but no backup copy of the previous version could be made: "
                  "{reason}").format(path=saved, reason=result.backup_error), NOTE_MS)
        elif result is not None and result.original is not None:
            self.statusBar().showMessage(
                _("Saved {path} in the current project format; the original is kept as "
                  "{copy}").format(path=saved, copy=result.original.name), NOTE_MS)
        else:
            self.statusBar().showMessage(_("Saved {path}").format(path=saved), 4000)
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
            self, APP_NAME,
            literal(_("The contract “{contract}” was made from this project as version "
                      "{current}, and the project has changed since. Save it as version "
                      "{suggested}?").format(contract=suggestion.contract.name,
                                             current=suggestion.current,
                                             suggested=suggestion.suggested)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.document.project.agreement.document_version = suggestion.suggested
            self.document.touch()
            self.current_page().reload()

    def _save_failed(self, exc: ProjectFileError) -> bool:
        """Explain a failed save (the edits stay in the window, unsaved) and,
        unless the project itself is at fault, offer to save it elsewhere."""
        from wizard.core.project_file import ProjectFileErrorKind

        if exc.kind is ProjectFileErrorKind.INVALID_FIELD:
            QMessageBox.critical(self, _("The project was not saved"), literal(str(exc)))
            return False
        from wizard.ui.file_messages import offer_save_as

        return offer_save_as(self, exc) and self.save_as()

    def _remember_settings(self) -> None:
        from wizard.ui.pages.start import StartPage

        save_settings(self.settings)
        start = self.built_page_for(Step.START)
        if isinstance(start, StartPage):
            start.set_recent(self.settings.recent_files)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(literal(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _preview_visibility(self, visible: bool) -> None:
        if self.isVisible() and not self.isMinimized():
            self.settings.show_preview = visible

    def show_about(self) -> None:
        QMessageBox.about(
            self, _("About SLA Wizard"),
            _("<p><b>SLA Wizard {version}</b></p><p>Draft a Service Level Agreement step by "
              "step and get a Word contract.</p><p>The drafts it produces are not legal "
              "advice.</p>").format(version=__version__))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.is_loaded:  # closed before the first paint was over: nothing to keep
            event.accept()
            return
        if not self.maybe_save_changes():
            event.ignore()
            return
        self.autosaver.discard()
        self._lock_path(None)
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        save_settings(self.settings)
        self.preview.stop()  # and with it the render worker
        from wizard.core.render_worker import wait_again

        self._closed = True
        self._check_timer.stop()
        wait_again(self._checks_notified)
        event.accept()

    def problems_for(self, step: Step) -> Sequence[Problem]:
        return [p for p in self.problems if p.step is step]
