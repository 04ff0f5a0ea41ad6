"""The frame of the main window, painted before the project model is
loaded: the step list with each step's state, the step's title and help, the
stack of (still empty) pages, Back and Next, the preview dock holding a
placeholder, and the menus. :class:`~wizard.ui.main_window.MainWindow` adds
the project session and the pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.steps import STEP_TITLES, Step
from wizard.i18n import _
from wizard.settings import APP_NAME
from wizard.ui.help_texts import MORE_LINK, help_html
from wizard.ui.step_states import StepState, start_icon, state_icon, state_label
from wizard.ui.style import style_help_frame
from wizard.ui.window_menus import MenuWindow


class WindowFrame(MenuWindow):
    """The window's frame: what shows before (and around) the pages."""

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
        self.help_label.linkActivated.connect(self._show_whole_help)
        self._help_step = Step.START
        self._help_brief = False
        """Only each step's first paragraph of help (a window short of room)."""
        self._help_whole = False
        """The user asked for the whole help of this step (More…)."""
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

    def _show_step_frame(self, step: Step) -> None:
        self.step_title.setText(_(STEP_TITLES[step]))
        self._help_step = step
        self._help_whole = False
        self._show_help()

    def _show_help(self) -> None:
        html = help_html(self._help_step, brief=self._help_brief and not self._help_whole,
                         foldable=self._help_brief and self._help_whole)
        self.help_label.setText(html)
        self.help_frame.setVisible(bool(html))

    def _show_whole_help(self, link: str = MORE_LINK) -> None:
        """More… shows the whole help, Less folds it back to its first paragraph."""
        self._help_whole = link == MORE_LINK
        self._show_help()

    def set_help_brief(self, brief: bool) -> None:
        """Show only the first paragraph of each step's help, with a link to
        the rest (the window is short of room), or all of it."""
        if brief != self._help_brief:
            self._help_brief = brief
            self._show_help()

    def whole_help(self) -> str:
        """The current step's whole help (for F1, whatever the frame shows)."""
        return help_html(self._help_step)

    def step_state(self, step: Step) -> str:
        """Before a project is loaded no step has been visited."""
        return StepState.NOT_VISITED

    def _update_step_states(self) -> None:
        for row, step in enumerate(Step):
            item = self.step_list.item(row)
            if step is Step.START:
                item.setIcon(start_icon())
                continue
            state = self.step_state(step)
            item.setIcon(state_icon(state))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{_(STEP_TITLES[step])}, {state_label(state)}")
            item.setToolTip(state_label(state))
