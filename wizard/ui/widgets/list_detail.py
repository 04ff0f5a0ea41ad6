"""A list of items beside the selected item's fields (list and detail).

The list shows one line per item (its title: a contact's name and role, a
term), with Add, Remove, Move up and Move down under it; the selected item
is edited in a form beside the list, or under it when the page is narrow.
Beside a form longer than the window, the list stays in sight while the
page scrolls through the form (as a "sticky" column does on the web).
Nothing is cut short: long texts are edited in fields the width of the form,
multi-line ones wrapping.

The list is a :class:`RecordTable` of one column that only selects, so
adding, removing and moving an item go through the page's undo history as
every table's do, and ask before removing an item others refer to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from wizard.i18n import _
from wizard.ui.widgets.record_table import Column, RecordTable
from wizard.ui.widgets.sheet_table import SheetTable

NARROW = 640
"""Below this width (pixels) the detail goes under the list rather than beside it."""


class TitleColumn(Column):
    """The list's one column: each item's title, made by ``title`` from the
    whole item. ``attribute`` names the field the title starts with (shown
    as an example while that field holds one)."""

    def __init__(self, attribute: str, title: Callable[[Any], str]) -> None:
        super().__init__("", attribute)
        self.title = title

    def display(self, value: Any) -> str:
        return self.title(value)


class ItemList(RecordTable):
    """The items, a line each, with the buttons that add, remove and move them.
    The lines are only selected here; the item is edited in the form."""

    def __init__(self, columns: Sequence[Column], new_item: Callable[[], Any],
                 item_name: str) -> None:
        super().__init__(columns, new_item, item_name)
        table = self.table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setVisible(len(self.columns) > 1)  # one title: no heading needed
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(False)
        self.add_button.setText(_("&Add"))
        self.remove_button.setText(_("Re&move"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move do&wn"))
        # the buttons two by two under the list, which may be narrow
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        row = layout.takeAt(1)
        del row
        grid = self._buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.remove_button,
                                        self.up_button, self.down_button)):
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid)

    def add_wide_button(self, button: QAbstractButton) -> None:
        """Put ``button`` under the others, as wide as two of them."""
        grid = self._buttons
        grid.addWidget(button, grid.rowCount(), 0, 1, 2)

    def item_label(self, item: Any) -> str:
        """How ``item`` is named in the Edit menu: the text of its title field."""
        if not isinstance(self.columns[0], TitleColumn):
            return super().item_label(item)
        value = getattr(item, self.columns[0].attribute, None)
        return str(value).strip() if value is not None else ""

    def value_at(self, row: int, col: int) -> Any:
        column = self.columns[col]
        if isinstance(column, TitleColumn):
            return self.items[row]
        return super().value_at(row, col)


class ListDetail(QWidget):
    """A list of items (:attr:`items`) and a form (:attr:`form`) for the selected one.

    The list shows a :class:`TitleColumn`, or a few short columns (an
    identifier and a name) under headings."""

    def __init__(self, columns: Sequence[Column], new_item: Callable[[], Any],
                 item_name: str) -> None:
        super().__init__()
        # the form is the first child: the access keys of its labels are
        # settled before the buttons' (a field's key matters more)
        self.detail_box = QGroupBox(self)
        self.items = ItemList(columns, new_item, item_name)
        self.items.setMinimumWidth(200)
        self.items.setMinimumHeight(160)
        self.form = QFormLayout(self.detail_box)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # the list's column: a gap above the list that grows as the page
        # scrolls past the list's top keeps the list in sight
        column = QWidget(self)
        self._column = QVBoxLayout(column)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._lift = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._column.addSpacerItem(self._lift)
        self._column.addWidget(self.items)
        self._column.addStretch(1)
        self._area: QScrollArea | None = None
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(column, 2)
        self._layout.addWidget(self.detail_box, 3)
        self.setFocusProxy(self.items.table)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        narrow = event.size().width() < NARROW
        direction = (QBoxLayout.Direction.TopToBottom if narrow
                     else QBoxLayout.Direction.LeftToRight)
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        super().resizeEvent(event)
        self.follow_scrolling()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        area = self._scroll_area()
        if area is not self._area:
            if self._area is not None:
                self._area.verticalScrollBar().valueChanged.disconnect(self.follow_scrolling)
            self._area = area
            if area is not None:
                area.verticalScrollBar().valueChanged.connect(self.follow_scrolling)
        self.follow_scrolling()

    def _scroll_area(self) -> QScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    def follow_scrolling(self) -> None:
        """Keep the list in sight beside a form taller than the page's view:
        the list is no taller than the view, and moves down with the page's
        scrolling as far as the form reaches."""
        area = self._area
        page = area.widget() if area is not None else None
        if self.stacked() or area is None or page is None:
            self.items.setMaximumHeight(260 if self.stacked() else 16777215)
            self._set_lift(0)
            return
        view = area.viewport().height()
        self.items.setMaximumHeight(max(self.items.minimumHeight(), view - 16))
        top = self.mapTo(page, QPoint(0, 0)).y()
        room = max(0, self.height() - self.items.height())
        self._set_lift(min(room, max(0, area.verticalScrollBar().value() - top + 8)))

    def _set_lift(self, height: int) -> None:
        if self._lift.sizeHint().height() != height:
            self._lift.changeSize(0, height, QSizePolicy.Policy.Minimum,
                                  QSizePolicy.Policy.Fixed)
            self._column.invalidate()

    def list_top(self) -> int:
        """How far the list has moved down to stay in sight (pixels)."""
        return self._lift.sizeHint().height()

    def stacked(self) -> bool:
        """Whether the detail is under the list (a narrow page)."""
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def set_tab_order(self, fields: Sequence[QWidget]) -> None:
        """Tab goes through the list, its buttons, then ``fields`` in reading order."""
        chain: list[QWidget] = [self.items.table, self.items.add_button,
                                self.items.remove_button, self.items.up_button,
                                self.items.down_button, *fields]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # the list's parts, as a record table has them
    @property
    def table(self) -> SheetTable:
        return self.items.table

    @property
    def add_button(self) -> QPushButton:
        return self.items.add_button

    @property
    def remove_button(self) -> QPushButton:
        return self.items.remove_button

    @property
    def up_button(self) -> QPushButton:
        return self.items.up_button

    @property
    def down_button(self) -> QPushButton:
        return self.items.down_button

    def current_row(self) -> int:
        return self.items.current_row()

    def select_row(self, row: int) -> None:
        self.items.select_row(row)

    def set_detail_title(self, text: str, enabled: bool) -> None:
        self.detail_box.setTitle(text)
        self.detail_box.setEnabled(enabled)


def focus_first(widget: QWidget) -> None:
    """Put the cursor in ``widget`` with its text selected (a new item's first field)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    select_all = getattr(widget, "selectAll", None)
    if callable(select_all):
        select_all()
