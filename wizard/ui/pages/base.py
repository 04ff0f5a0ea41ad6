"""What every wizard step has in common.

A page builds its widgets once (:meth:`StepPage.build`), binds each to a
field of the project with the ``bind_*`` helpers, reads the project when it
is shown (:meth:`StepPage.reload`) and writes it on every edit. Problems from
:mod:`wizard.core.checks` are shown beside the field they name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Loc, Problem, Step
from wizard.core.examples import drop_example, follow_items, is_example, item_label, locate
from wizard.core.model import Project
from wizard.core.references import Reference, redirect, removal_consequences
from wizard.i18n import _
from wizard.ui.access_keys import connect_access_keys
from wizard.ui.binder import (
    Base,
    Binder,
    BoolAdapter,
    ChoiceAdapter,
    DateAdapter,
    DecimalAdapter,
    FieldRef,
    IntAdapter,
    LinesAdapter,
    MultilineAdapter,
    OptionalIntAdapter,
    TextAdapter,
)
from wizard.ui.document import ProjectDocument
from wizard.ui.style import show_example
from wizard.ui.widgets.fields import FieldMessage, LinesEdit, OptionalSpinBox
from wizard.ui.widgets.record_table import RecordTable
from wizard.ui.widgets.wheel_guard import guard_wheel


def assign(obj: Any, path: str, value: Any) -> None:
    *parents, name = path.split(".")
    for parent in parents:
        obj = getattr(obj, parent)
    setattr(obj, name, value)


class StepPage(QWidget):
    """One step of the wizard."""

    step: ClassVar[Step]
    title: ClassVar[str]
    """Marked with ``N_``; shown translated."""

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__()
        self.document = document
        self._loaders: list[Callable[[], None]] = []
        self.binder = Binder(self)
        self._fields: list[tuple[Loc, QWidget, FieldMessage]] = []
        self._local_locs: list[Callable[[Loc], Loc]] = []
        """Turn a problem's loc into the loc of a field showing it (the selected
        item's fields, say)."""
        self._problems_shown: list[Problem] = []
        self._loading = False
        self._last_field_edit: tuple[QWidget, str, str] | None = None
        """The widget, label and merge key of the last field edited."""
        self.page_message = FieldMessage()
        self.lists_naming_items: set[Loc] = set()
        """The lists under which a problem of an item not selected names it
        (a list and its detail form show one item's fields at a time)."""
        self._examples_follow: Callable[[], None] | None = None
        """Moves the example marks with the items of the table being edited."""
        self.build()
        guard_wheel(self)
        connect_access_keys(self)
        for table in self.findChildren(RecordTable):
            if table.removal_consequences is None:
                table.removal_consequences = self._removal_consequences
            table.about_to_edit.connect(self._table_about_to_edit)
            table.edited.connect(lambda table=table: self._style_example_cells(table))

    def _table_about_to_edit(self) -> None:
        if not self._loading:
            self.document.about_to_change()
            self._examples_follow = follow_items(self.project) if self.project.examples \
                else None

    def _removal_consequences(self, item: object) -> list[str]:
        return removal_consequences(self.project, item)

    # to implement -------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Read the project into the widgets (bound fields load themselves)."""

    # reading and writing ---------------------------------------------------
    @property
    def project(self) -> Project:
        return self.document.project

    def reload(self) -> None:
        self._loading = True
        try:
            for loader in self._loaders:
                loader()
            self.load()
        finally:
            self._loading = False
        for table in self.findChildren(RecordTable):
            self._style_example_cells(table)

    @property
    def loading(self) -> bool:
        return self._loading

    def edited(self, apply: Callable[[Project], None], label: str = "",
               merge_key: str = "") -> None:
        """Apply a user's edit to the project (ignored while loading).
        ``label`` names it in the Edit menu; edits with the same ``merge_key``
        in a row are undone together (see :meth:`ProjectDocument.touch`)."""
        if self._loading:
            return
        self.document.about_to_change(merge_key)
        apply(self.project)
        self.document.touch(label or self._focused_field_label(), merge_key)

    def _focused_field_label(self) -> str:
        """"Edit “Field”" for the field the user is in (an edit a page makes itself)."""
        focus = QApplication.focusWidget()
        while focus is not None and not focus.accessibleName() and focus is not self:
            focus = focus.parentWidget()
        if focus is None or focus is self or not self.isAncestorOf(focus):
            return ""
        return _("Edit “{field}”").format(field=focus.accessibleName())

    def table_edited(self, table: RecordTable) -> None:
        """A record table added, removed, moved or changed an item in place
        (the example marks follow the items they belong to)."""
        follow, self._examples_follow = self._examples_follow, None
        self.edited(lambda _p: follow() if follow is not None else None, table.change_label)

    def field_edited(self, widget: QWidget, target: Any, path: str, value: Any,
                     merge: bool = False) -> None:
        """The user set the field ``path`` of ``target`` to ``value`` in ``widget``
        (which ends an example value there, in the same step to undo)."""
        if self._loading:
            return
        name = widget.accessibleName() or path
        key = f"{id(widget)}:{id(target)}" if merge else ""
        label = _("Edit “{field}”").format(field=name)
        self._last_field_edit = (widget, label, key)
        example = self.example_path(target, path) if self.project.examples else None

        def apply(project: Project) -> None:
            assign(target, path, value)
            if example is not None:
                drop_example(project, example)

        self.edited(apply, label, key)
        show_example(widget, None)

    # example values ----------------------------------------------------------
    def _style_example_cells(self, table: RecordTable) -> None:
        """Cells of ``table`` that hold an example value in the placeholder's
        colour and in italics (typing in a cell replaces its text)."""
        muted = self.palette().brush(QPalette.ColorRole.PlaceholderText)
        for row, item in enumerate(table.items):
            prefix = locate(self.project, item) if self.project.examples else None
            for col, column in enumerate(table.columns):
                cell = table.table.item(row, col)
                if cell is None:
                    continue
                example = prefix is not None and is_example(
                    self.project, f"{prefix}.{column.attribute}" if prefix else column.attribute)
                if example or cell.font().italic():
                    font = cell.font()
                    font.setItalic(example)
                    cell.setFont(font)
                    cell.setForeground(muted if example else QBrush())

    def example_path(self, target: Any, path: str) -> str | None:
        """The project-wide path of the field ``path`` of ``target``
        (``parties.customer.name``), as :attr:`Project.examples` names it."""
        prefix = locate(self.project, target)
        if prefix is None:
            return None
        return f"{prefix}.{path}" if prefix else path

    def holds_example(self, target: Any, path: str) -> bool:
        """Whether the field ``path`` of ``target`` still holds its example value."""
        if target is None or not self.project.examples:
            return False
        full = self.example_path(target, path)
        return full is not None and is_example(self.project, full)

    # fields and their messages -----------------------------------------------
    def register(self, loc: Loc, widget: QWidget) -> FieldMessage:
        message = FieldMessage()
        self._fields.append((loc, widget, message))
        return message

    def row(self, form: QFormLayout, label: str, widget: QWidget, loc: Loc | None = None,
            hint: str = "") -> QWidget:
        """Add ``widget`` to ``form`` under ``label`` with room for a message."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setProperty("role", "hint")
            layout.addWidget(hint_label)
        if loc is not None:
            layout.addWidget(self.register(loc, widget))
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        if hint:
            widget.setAccessibleDescription(hint)
        form.addRow(caption, container)
        return container

    def switch(self, box: QCheckBox, loc: Loc | None, hint: str) -> QWidget:
        """A check box that turns a part of the agreement on or off, the whole
        width of the page, with its hint and room for a message about ``loc``."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(box)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setProperty("role", "hint")
        layout.addWidget(hint_label)
        if loc is not None:
            layout.addWidget(self.register(loc, box))
        box.setAccessibleName(box.text().replace("&", ""))
        box.setAccessibleDescription(hint)
        return container

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems_shown = list(problems)
        for _loc, _widget, message in self._fields:
            message.clear_message()
        self.page_message.clear_message()
        unplaced: list[Problem] = []
        for problem in problems:
            if problem.step is not self.step:
                continue
            match = self._field_for(problem.loc)
            if match is None:
                unplaced.append(problem)
            else:
                match[2].add_message(self._naming_its_item(problem, match[0]), problem.severity)
        for problem in unplaced:
            self.page_message.add_message(problem.message, problem.severity)

    def _naming_its_item(self, problem: Problem, shown_at: Loc) -> str:
        """A problem about an item not shown in the form (another contact
        than the selected one) shown under its list, naming the item."""
        if shown_at not in self.lists_naming_items:
            return problem.message  # the table says which row, or the message does
        loc = problem.loc
        size = len(shown_at)
        index = loc[size] if len(loc) > size else None
        if isinstance(index, int) and index >= 0:
            item = item_label(self.project, loc[:size + 1])
            if item:
                return _("{item}: {field}").format(item=item, field=problem.message)
        return problem.message

    def add_local_locs(self, local: Callable[[Loc], Loc]) -> None:
        """Problems about ``loc`` are shown beside the field of ``local(loc)``."""
        self._local_locs.append(local)

    def show_problems_again(self) -> None:
        """Place the problems shown last again (another item was selected)."""
        self.show_problems(self._problems_shown)

    def _field_for(self, loc: Loc) -> tuple[Loc, QWidget, FieldMessage] | None:
        for local in self._local_locs:
            loc = local(loc)
        best: tuple[Loc, QWidget, FieldMessage] | None = None
        for entry in self._fields:
            field_loc = entry[0]
            longer = best is None or len(field_loc) > len(best[0])
            if loc[:len(field_loc)] == field_loc and longer:
                best = entry
        return best

    def focus_problem(self, loc: Loc) -> None:
        """Bring the field a problem is about into view and give it the focus."""
        self.select_item(loc)
        match = self._field_for(loc)
        if match is not None:
            match[1].setFocus(Qt.FocusReason.OtherFocusReason)
            scroll = self.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:  # the field with its message, in sight
                scroll.ensureWidgetVisible(match[1], 40, 60)

    def select_item(self, loc: Loc) -> None:
        """Pages with lists select the item ``loc`` points into."""

    # bindings ----------------------------------------------------------------
    # Each names its field with ``field(Model, ...)`` or, for a field of the
    # project, its dotted path; both are checked when the page is built.
    def bind_text(self, edit: QLineEdit, ref: FieldRef, base: Base | None = None) -> QLineEdit:
        return self.binder.bind(TextAdapter(edit), ref, base)

    def bind_multiline(self, edit: QPlainTextEdit, ref: FieldRef,
                       base: Base | None = None) -> QPlainTextEdit:
        return self.binder.bind(MultilineAdapter(edit), ref, base)

    def bind_lines(self, edit: LinesEdit, ref: FieldRef, base: Base | None = None) -> LinesEdit:
        return self.binder.bind(LinesAdapter(edit), ref, base)

    def bind_choice(self, combo: QComboBox, ref: FieldRef,
                    choices: Sequence[tuple[Enum | str, str]],
                    base: Base | None = None) -> QComboBox:
        """A combo box of ``(value, label)`` pairs."""
        return self.binder.bind(ChoiceAdapter(combo, choices), ref, base)

    def bind_int(self, spin: QSpinBox, ref: FieldRef, base: Base | None = None) -> QSpinBox:
        return self.binder.bind(IntAdapter(spin), ref, base)

    def bind_optional_int(self, spin: OptionalSpinBox, ref: FieldRef,
                          base: Base | None = None) -> OptionalSpinBox:
        return self.binder.bind(OptionalIntAdapter(spin), ref, base)

    def bind_bool(self, box: QCheckBox, ref: FieldRef, base: Base | None = None) -> QCheckBox:
        return self.binder.bind(BoolAdapter(box), ref, base)

    def bind_date(self, edit: QDateEdit, ref: FieldRef, base: Base | None = None) -> QDateEdit:
        return self.binder.bind(DateAdapter(edit), ref, base)

    def bind_decimal(self, edit: QLineEdit, ref: FieldRef, message: FieldMessage,
                     base: Base | None = None, optional: bool = False) -> QLineEdit:
        """A number typed as text (see :class:`DecimalAdapter`)."""
        return self.binder.bind(DecimalAdapter(edit, message, optional), ref, base)

    def follow_renames(self, edit: QLineEdit,
                       references: Callable[[Project], list[Reference]]) -> None:
        """While ``edit`` (an identifier or a name) is typed into, what referred
        to its value when the item was shown follows it. The references are
        taken when the page (or the selected item) loads, so an identifier that
        passes through another item's on the way never captures that one's."""
        captured: list[Reference] = []

        def capture() -> None:
            captured[:] = references(self.project)

        def follow(text: str) -> None:
            if self._loading or not captured:
                return
            last = self._last_field_edit
            label, key = (last[1], last[2]) if last is not None and last[0] is edit else ("", "")
            # part of the same change as the typing (one step to undo)
            self.edited(lambda _p: redirect(captured, text), label, key)

        self._loaders.append(capture)
        edit.textEdited.connect(follow)

    def add_loader(self, loader: Callable[[], None]) -> None:
        self._loaders.append(loader)

    def loader_count(self) -> int:
        """How many loaders the page has so far (to take the ones added next)."""
        return len(self._loaders)

    def loaders_since(self, start: int) -> list[Callable[[], None]]:
        """The loaders added since there were ``start`` of them."""
        return self._loaders[start:]

    def run_loaders(self, loaders: Sequence[Callable[[], None]]) -> None:
        """Read part of the project into the widgets, as :meth:`reload` does
        (showing is not an edit)."""
        self._loading = True
        try:
            for loader in loaders:
                loader()
        finally:
            self._loading = False

    def style_examples(self, table: RecordTable) -> None:
        """Show the cells of ``table`` holding an example value as examples."""
        self._style_example_cells(table)

