"""The window on small screens: it opens no larger than the screen (and back
where it was, if that is still on a screen), its smallest size fits a
1024×768 screen and a 1280×800 one at 150 % (853×533 logical pixels, less a
task bar and the title bar), and when it is narrow or short the preview and
the step help fold away instead of pushing Back/Next off the screen or making
the form scroll sideways. Tab from the step list goes straight to the step's
first field.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QFrame,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from wizard.settings import Settings

COMFORTABLE = QSize(1280, 800)
"""The size the window opens at when the screen has room for it."""
SMALLEST = QSize(760, 440)
"""Fits 853×533 (1280×800 at 150 %) with a task bar and a title bar."""
PREVIEW_FROM_WIDTH = 1240
"""Narrower than this, the preview folds away (it comes back when wider)."""
HELP_FROM_HEIGHT = 600
"""Shorter than this, the step help folds away (F1 shows it)."""
WHOLE_HELP_FROM_HEIGHT = 900
"""Shorter than this, the step help shows its first paragraph and a link to the rest."""
STEP_LIST_WIDTH = 230
STEP_LIST_NARROW = 170
NARROW = 900


class FittedWindow(Protocol):
    """What :class:`WindowFit` needs of the main window."""

    settings: Settings
    step_list: QListWidget
    stack: QStackedWidget
    help_frame: QFrame
    preview_dock: QDockWidget

    def set_help_brief(self, brief: bool) -> None: ...


def screen_for(geometry: QRect) -> QScreen | None:
    """The screen that holds the middle of ``geometry``, if any."""
    return QGuiApplication.screenAt(geometry.center())


def fitted(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` made no larger than ``available`` and moved onto it."""
    size = wanted.size().boundedTo(available.size())
    left = min(max(wanted.left(), available.left()), available.right() - size.width() + 1)
    top = min(max(wanted.top(), available.top()), available.bottom() - size.height() + 1)
    return QRect(left, top, size.width(), size.height())


def opening_geometry(available: QRect) -> QRect:
    """A new window: the comfortable size, or the available area, centred."""
    size = COMFORTABLE.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return fitted(rect, available)


def wrap_long_rows(page: QWidget) -> None:
    """Forms put a label above its field when both do not fit side by side."""
    for form in page.findChildren(QFormLayout):
        if form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.DontWrapRows:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


def first_field(page: QWidget) -> QWidget | None:
    """The first widget of ``page`` that Tab would reach, in focus order."""
    start = page.window()
    widget = start.nextInFocusChain()
    while widget is not None and widget is not start:
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusProxy() is None
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            return widget
        widget = widget.nextInFocusChain()
    return None


class WindowFit(QObject):
    """Keeps a main window usable on the screen it is on."""

    def __init__(self, window: QMainWindow, parts: FittedWindow) -> None:
        super().__init__(window)
        self._window = window
        self._parts = parts
        self._preview_folded = False
        self._help_folded = False
        window.setMinimumSize(SMALLEST)
        # a narrow step list shortens the long titles (…) instead of scrolling
        parts.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        parts.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for index in range(parts.stack.count()):
            scroll = parts.stack.widget(index)
            if isinstance(scroll, QScrollArea):
                scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parts.stack.currentChanged.connect(self._page_shown)
        window.installEventFilter(self)
        parts.step_list.installEventFilter(self)

    # geometry ---------------------------------------------------------------------
    def place(self, saved: str | None) -> None:
        """Restore the ``saved`` geometry if it still fits a screen (shrunk
        onto it if need be), else open at a size the screen has room for."""
        window = self._window
        if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            screen = screen_for(window.frameGeometry()) or window.screen()
            available = screen.availableGeometry()
            frame = window.frameGeometry()
            if not available.contains(frame):
                self._set_frame(fitted(frame, available))
            return
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self._set_frame(opening_geometry(screen.availableGeometry()))

    def _set_frame(self, frame: QRect) -> None:
        """Give the window ``frame`` as its outer size (title bar included)."""
        window = self._window
        extra = window.frameGeometry().size() - window.geometry().size()
        inner = QSize(frame.width() - extra.width(), frame.height() - extra.height())
        window.resize(inner.expandedTo(window.minimumSize()))
        window.move(frame.topLeft())

    # folding ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.adapt()
        elif (watched is self._parts.step_list and isinstance(event, QKeyEvent)
              and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
              and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            return self._into_page()
        return False

    def _into_page(self) -> bool:
        """Tab from the step list: to the step's first field (not through
        the help and the scroll area)."""
        scroll = self._parts.stack.currentWidget()
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        field = first_field(page) if page is not None else None
        if field is None:
            return False
        field.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def adapt(self) -> None:
        """Fold the preview and the help when the window is too small for
        them, and bring them back when it is large enough again."""
        parts = self._parts
        size = self._window.size()
        parts.step_list.setFixedWidth(STEP_LIST_NARROW if size.width() < NARROW
                                      else STEP_LIST_WIDTH)
        narrow = size.width() < PREVIEW_FROM_WIDTH
        dock = parts.preview_dock
        if narrow and dock.isVisible() and not dock.isFloating():
            wanted = parts.settings.show_preview
            dock.hide()
            parts.settings.show_preview = wanted  # folded, not switched off
            self._preview_folded = True
        elif not narrow and self._preview_folded:
            self._preview_folded = False
            if parts.settings.show_preview:
                dock.show()
        parts.set_help_brief(size.height() < WHOLE_HELP_FROM_HEIGHT)
        short = size.height() < HELP_FROM_HEIGHT
        if short != self._help_folded:
            self._help_folded = short
            parts.help_frame.setMaximumHeight(0 if short else 16777215)

    @property
    def preview_folded(self) -> bool:
        return self._preview_folded

    @property
    def help_folded(self) -> bool:
        return self._help_folded

    def _page_shown(self, index: int) -> None:
        scroll = self._parts.stack.widget(index)
        page = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if page is None:
            return
        if not page.property("fitted"):
            page.setProperty("fitted", True)
            wrap_long_rows(page)
