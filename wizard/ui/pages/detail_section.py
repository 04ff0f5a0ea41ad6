"""A step's list-and-detail section (:class:`~wizard.ui.widgets.list_detail.ListDetail`)
tied to the project: the list shows a list of the project, the form edits the
selected item.

Build it before the form's fields, bind the fields with ``base=section.selected``
and call :meth:`DetailSection.finish` after them::

    section = DetailSection(page, view, lambda p: p.contacts, heading, ("contacts",))
    name = page.bind_text(QLineEdit(), field(Contact, "name"), base=section.selected)
    page.row(view.form, _("Na&me"), name, section.loc("name"))
    ...
    section.finish([name, ...], titles=[name])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from wizard.core.checks import Loc
from wizard.core.model import Project
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.list_detail import ListDetail, focus_first

SELECTED = "selected"
"""Stands for the selected item's index in the locs of the form's fields."""


class DetailSection:
    """Loads the list, shows the selected item in the form and keeps the
    list's titles up to date while the fields are typed in."""

    def __init__(self, page: StepPage, view: ListDetail,
                 items: Callable[[Project], list[Any]],
                 heading: Callable[[Any | None], str], prefix: Loc) -> None:
        self.page = page
        self.prefix = prefix
        self.view = view
        self._items = items
        self._heading = heading
        self._shown_row = -1
        self._fields: list[QWidget] = []
        self._focus_on_add: QWidget | None = None
        self._detail_loaders: list[Callable[[], None]] = []
        # loaded first, so that the fields' loaders read the selected item
        page.add_loader(self._load_list)
        self._start = page.loader_count()
        view.items.current_changed.connect(self._selection_changed)
        view.items.edited.connect(self._list_edited)
        view.items.add_button.clicked.connect(self._focus_new_item)
        page.add_local_locs(self._local)
        page.lists_naming_items.add(prefix)

    def finish(self, fields: Sequence[QWidget], titles: Sequence[QLineEdit] = (),
               focus_on_add: QWidget | None = None) -> None:
        """The form's ``fields`` are built (in reading order); typing in ``titles``
        changes the item's line in the list. A new item is typed into
        ``focus_on_add`` (the first field unless said)."""
        self._fields = list(fields)
        self._focus_on_add = focus_on_add
        self.page.add_loader(self._show_heading)
        self._detail_loaders = self.page.loaders_since(self._start)
        for edit in titles:
            edit.textEdited.connect(lambda _text: self.refresh_titles())
        self.view.set_tab_order(self._fields)

    def loc(self, attribute: str) -> Loc:
        """Where problems about ``attribute`` of the selected item are shown."""
        return (*self.prefix, SELECTED, attribute)

    def _local(self, loc: Loc) -> Loc:
        """A problem about a field of the selected item goes beside that field."""
        size = len(self.prefix)
        if (loc[:size] == self.prefix and len(loc) > size + 1
                and loc[size] == self.view.current_row()):
            return (*self.prefix, SELECTED, *loc[size + 1:])
        return loc

    # the selected item --------------------------------------------------------
    def items(self) -> list[Any]:
        return self._items(self.page.project)

    def selected(self, _project: Project | None = None) -> Any | None:
        """The selected item (a ``base`` for the page's ``bind_*`` helpers)."""
        row = self.view.current_row()
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def _load_list(self) -> None:
        self.view.items.set_items(self.items())

    def _show_heading(self) -> None:
        self._shown_row = self.view.current_row()
        item = self.selected()
        self.view.set_detail_title(self._heading(item), item is not None)

    def _selection_changed(self, row: int) -> None:
        """Show the newly selected item (the list may be in the middle of
        refilling itself: it is left alone)."""
        if self.page.loading or row == self._shown_row:
            return
        self.page.run_loaders(self._detail_loaders)
        self.page.show_problems_again()

    def _list_edited(self) -> None:
        """Added, removed or moved: the selected item may be another one."""
        self.page.table_edited(self.view.items)
        self.page.reload()

    def refresh_titles(self) -> None:
        """A title field was typed in: show it in the list and the heading."""
        self.view.items.set_items(self.items())
        self.page.style_examples(self.view.items)
        item = self.selected()
        self.view.set_detail_title(self._heading(item), item is not None)

    def _focus_new_item(self) -> None:
        first = self._focus_on_add or (self._fields[0] if self._fields else None)
        if first is not None:
            focus_first(first)
