"""A table that edits like a spreadsheet.

While a cell is being edited, Tab and Shift+Tab commit it and edit the next
or previous cell of the table in reading order; past the last cell (or before
the first) they leave the table for the next (previous) field instead of
wrapping round to overwrite the first row. Enter commits and selects the cell
below, Esc cancels the edit, and typing on a selected cell starts editing it
(the table's edit triggers). Qt's own handling moves to the next cell too, but
wraps at the end of the table and, in a row holding a cell that cannot be
edited, may open the same cell again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableWidget, QWidget

Hint = QAbstractItemDelegate.EndEditHint


class SheetTable(QTableWidget):
    """A :class:`QTableWidget` with a spreadsheet's keyboard."""

    def _editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def _step(self, row: int, column: int, forward: bool) -> tuple[int, int] | None:
        """The next (previous) editable cell after (``row``, ``column``) in
        reading order, or None past the end (before the start)."""
        columns, rows = self.columnCount(), self.rowCount()
        position = row * columns + column
        step = 1 if forward else -1
        position += step
        while 0 <= position < rows * columns:
            candidate = divmod(position, columns)
            if (not self.isColumnHidden(candidate[1])
                    and self._editable(self.model().index(*candidate))):
                return candidate
            position += step
        return None

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:  # noqa: N802 - Qt's name
        current = self.indexAt(editor.geometry().center())  # the cell being edited
        if current != self.currentIndex():
            # Qt closes the editor of a cell the user has just left (with
            # SubmitModelCache when the row changed): nothing more to do
            super().closeEditor(editor, Hint.NoHint)
            return
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem) and current.isValid():
            forward = hint == Hint.EditNextItem
            super().closeEditor(editor, Hint.NoHint)
            target = self._step(current.row(), current.column(), forward)
            if target is None:  # the table ends here: on to the next field
                self.focusNextPrevChild(forward)
                return
            self.setCurrentCell(*target)
            self.edit(self.currentIndex())
            return
        if hint == Hint.SubmitModelCache and current.isValid():  # Enter: the cell below
            super().closeEditor(editor, Hint.NoHint)
            if current.row() + 1 < self.rowCount():
                self.setCurrentCell(current.row() + 1, current.column())
            return
        super().closeEditor(editor, hint)

    def open_editor(self) -> QWidget | None:
        """The editor open on the current cell, if any."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        return self.indexWidget(self.currentIndex())
