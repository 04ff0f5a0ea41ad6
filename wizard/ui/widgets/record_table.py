"""An editable table of the items of a list in the project (contacts, metrics,
severity levels, credit tiers, definitions …), with Add, Remove, Move up and
Move down. Each column reads and writes one attribute of an item. The table
edits like a spreadsheet (:mod:`wizard.ui.widgets.sheet_table`), and is never
rebuilt under an open editor: what is being typed is kept first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.model import parse_decimal_text
from wizard.i18n import _
from wizard.ui.plain_text import literal
from wizard.ui.widgets.sheet_table import Hint, SheetTable

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """One column: a header, the item attribute, and how it is edited.

    ``kind`` is ``text``, ``int``, ``optional_int``, ``decimal``,
    ``optional_decimal`` or ``choice`` (with ``choices`` as value → label).
    """

    header: str
    attribute: str
    kind: str = "text"
    choices: Sequence[tuple[Any, str]] = field(default_factory=tuple)
    minimum: int = 0
    maximum: int = 1_000_000
    none_text: str = "—"
    width: int = 0

    def display(self, value: Any) -> str:
        if value is None:
            return self.none_text if self.kind.startswith("optional") else ""
        if self.kind == "choice":
            return next((label for v, label in self.choices if v == value), str(value))
        if isinstance(value, Enum):
            return str(value.value)
        return str(value)

    def parse(self, text: str) -> Any:
        """The value for ``text`` typed in a cell; ``ValueError`` if unusable."""
        text = text.strip()
        if self.kind.startswith("optional") and text in ("", self.none_text):
            return None
        if self.kind in ("int", "optional_int"):
            value = int(text)
            if not self.minimum <= value <= self.maximum:
                raise ValueError(text)
            return value
        if self.kind in ("decimal", "optional_decimal"):
            return parse_decimal_text(text)
        return text


class _Delegate(QStyledItemDelegate):
    def __init__(self, table: RecordTable) -> None:
        super().__init__(table)
        self.table = table

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        column = self.table.columns[index.column()]
        if column.kind == "choice":
            combo = QComboBox(parent)
            for _value, label in column.choices:
                combo.addItem(label)
            return combo
        if column.kind in ("int", "optional_int"):
            spin = QSpinBox(parent)
            low = column.minimum - (1 if column.kind == "optional_int" else 0)
            spin.setRange(low, column.maximum)
            if column.kind == "optional_int":
                spin.setSpecialValueText(column.none_text)
            return spin
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        column = self.table.columns[index.column()]
        value = self.table.value_at(index.row(), index.column())
        if isinstance(editor, QComboBox):
            values = [v for v, _label in column.choices]
            editor.setCurrentIndex(values.index(value) if value in values else 0)
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else column.display(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        column = self.table.columns[index.column()]
        if isinstance(editor, QComboBox):
            value: Any = column.choices[max(editor.currentIndex(), 0)][0]
        elif isinstance(editor, QSpinBox):
            value = None if (column.kind == "optional_int"
                             and editor.value() < column.minimum) else editor.value()
        elif isinstance(editor, QLineEdit):
            try:
                value = column.parse(editor.text())
            except ValueError:
                self.table.input_rejected.emit(index.row(), column.attribute, editor.text())
                return
        else:  # pragma: no cover
            return
        self.table.committing = True
        try:
            self.table.set_value(index.row(), index.column(), value)
        finally:
            self.table.committing = False


class RecordTable(QWidget):
    """A table bound to a list of model objects."""

    about_to_edit = Signal()
    """An item is about to be added, removed, moved or changed."""
    edited = Signal()
    """An item was added, removed, moved or changed."""
    current_changed = Signal(int)
    """The selected row (−1 for none)."""
    value_changed = Signal(int, str, object, object)
    """row, attribute, old value, new value: one cell was changed by the user."""
    input_rejected = Signal(int, str, str)
    """row, attribute, text: a cell's text could not be used (not a number)."""

    def __init__(self, columns: Sequence[Column], new_item: Callable[[], Any],
                 item_name: str) -> None:
        super().__init__()
        self.columns = list(columns)
        self.new_item = new_item
        self.item_name = item_name
        self.items: list[Any] = []
        self._filling = False
        self.committing = False
        """An editor's text is being written to its item (the editor closes next)."""
        self.change_label = ""
        """What the last change was, for the Edit menu ("Remove service “Hosting”")."""
        self.removal_consequences: Callable[[Any], list[str]] | None = None
        """What removing an item would break (one sentence each): the user
        confirms the removal when there is anything."""

        self.table = SheetTable(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.table.setItemDelegate(_Delegate(self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(item_name)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, column in enumerate(self.columns):
            if column.width:
                self.table.setColumnWidth(index, column.width)
        self.table.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self.current_changed.emit(row))

        self.add_button = QPushButton(_("&Add"))
        self.remove_button = QPushButton(_("Remove"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        for button, name in ((self.add_button, _("Add {item}")),
                             (self.remove_button, _("Remove the selected {item}")),
                             (self.up_button, _("Move the selected {item} up")),
                             (self.down_button, _("Move the selected {item} down"))):
            button.setAccessibleName(name.format(item=item_name))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self._update_buttons()
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())

    def share_width(self) -> None:
        """The columns share the table's width, whatever it is: none is ever
        off to the side (for a table of a few short columns)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for column in range(self.table.columnCount()):
            heading = self.table.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(literal(heading.text()))

    # model ↔ table -----------------------------------------------------------
    def set_items(self, items: list[Any]) -> None:
        """Show ``items`` (the list object itself: edits change it in place)."""
        self._keep_what_is_typed()
        current = self.table.currentRow()
        self.items = items
        self._filling = True
        try:
            self.table.setRowCount(len(items))
            for row in range(len(items)):
                self._fill_row(row)
        finally:
            self._filling = False
        if items:
            self.table.setCurrentCell(min(max(current, 0), len(items) - 1), 0)
        self._update_buttons()

    def _keep_what_is_typed(self) -> None:
        """Write an open editor's text to its item and close it, before the
        rows are rebuilt under it (unless it is being written already)."""
        editor = self.table.open_editor()
        if editor is None or self.committing:
            return
        self.committing = True
        try:
            self.table.commitData(editor)
        finally:
            self.committing = False
        self.table.closeEditor(editor, Hint.NoHint)

    def _fill_row(self, row: int) -> None:
        for col, column in enumerate(self.columns):
            value = self.value_at(row, col)
            item = self.table.item(row, col)
            if item is None:  # a cell's item is kept: an editor open on it stays
                item = QTableWidgetItem()
                self.table.setItem(row, col, item)
            item.setText(column.display(value))
            item.setToolTip(literal(column.display(value)))
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def value_at(self, row: int, col: int) -> Any:
        return getattr(self.items[row], self.columns[col].attribute)

    def set_value(self, row: int, col: int, value: Any) -> None:
        attribute = self.columns[col].attribute
        old = getattr(self.items[row], attribute)
        self.about_to_edit.emit()
        setattr(self.items[row], attribute, value)
        self.change_label = _("Edit {item} “{name}”").format(
            item=self.item_name, name=self.item_label(self.items[row]))
        self._filling = True
        try:
            self._fill_row(row)
        finally:
            self._filling = False
        self.value_changed.emit(row, attribute, old, value)
        self.edited.emit()

    def current_row(self) -> int:
        return self.table.currentRow()

    def item_label(self, item: Any) -> str:
        """How ``item`` is named in the Edit menu: its name, or its first column."""
        for attribute in ("name", "term", self.columns[0].attribute):
            value = getattr(item, attribute, None)
            if value is not None and str(value).strip():
                column = next((c for c in self.columns if c.attribute == attribute), None)
                return column.display(value) if column is not None else str(value).strip()
        return ""

    def select_row(self, row: int, attribute: str | None = None) -> None:
        if 0 <= row < len(self.items):
            col = next((i for i, c in enumerate(self.columns) if c.attribute == attribute), 0)
            self.table.setCurrentCell(row, col)

    # actions -------------------------------------------------------------------
    def add(self) -> None:
        self.add_item(self.new_item(), _("Add {item}").format(item=self.item_name))

    def add_item(self, item: Any, label: str) -> None:
        """Append ``item`` as the user's change ``label`` (one step to undo) and select it."""
        self.about_to_edit.emit()
        self.items.append(item)
        self.change_label = label
        self.set_items(self.items)
        self.table.setCurrentCell(len(self.items) - 1, 0)
        self.table.setFocus()
        self.edited.emit()

    def remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            if not self._may_remove(self.items[row]):
                return
            self.change_label = _("Remove {item} “{name}”").format(
                item=self.item_name, name=self.item_label(self.items[row]))
            self.about_to_edit.emit()
            del self.items[row]
            self.set_items(self.items)
            if self.items:
                self.table.setCurrentCell(min(row, len(self.items) - 1), 0)
            self.edited.emit()
            self.current_changed.emit(self.table.currentRow())

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if 0 <= row < len(self.items) and 0 <= target < len(self.items):
            self.change_label = _("Move {item} “{name}”").format(
                item=self.item_name, name=self.item_label(self.items[row]))
            self.about_to_edit.emit()
            self.items[row], self.items[target] = self.items[target], self.items[row]
            self.set_items(self.items)
            self.table.setCurrentCell(target, self.table.currentColumn())
            self.edited.emit()
            self.current_changed.emit(target)

    def _may_remove(self, item: Any) -> bool:
        """Ask before removing an item others refer to, saying what it breaks."""
        consequences = self.removal_consequences(item) if self.removal_consequences else []
        if not consequences:
            return True
        text = _("Remove {item} “{name}”?").format(item=self.item_name,
                                                  name=self.item_label(item))
        answer = QMessageBox.question(
            self, _("Remove {item}").format(item=self.item_name),
            literal("\n\n".join([text, *consequences,
                          _("They will name something that no longer exists. You can undo "
                            "the removal with Edit → Undo.")])),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        has = 0 <= row < len(self.items)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.items) - 1)
