"""What lets the window paint before its pages exist: :class:`FirstPaint`
(run something just after the first paint) and :class:`PageList` (each
step's page built the first time it is asked for)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from wizard.core.steps import Step

if TYPE_CHECKING:
    from wizard.ui.pages.base import StepPage


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
