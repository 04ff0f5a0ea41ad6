"""Field bindings: a widget shows one field of the project and writes it back.

A field is named with :func:`field`, from the model classes
(``field(Project, "service_credits", "enabled")``), and checked when it is
made: a name that is not a field of its model raises :class:`FieldPathError`
at once (when the page's module is imported or the page is built), not when
the user first edits the field. A :class:`Binder` ties a field to a widget
through an :class:`Adapter` for the widget's kind, all of them sharing one
way to load (the project into the widget, the example value shown as a
placeholder) and to store (an edit through the page's undo stack).
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import (
    Annotated,
    Any,
    ClassVar,
    Generic,
    Literal,
    Protocol,
    TypeVar,
    Union,
    get_args,
    get_origin,
    overload,
)

from pydantic import BaseModel
from PySide6.QtCore import QDate, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox

from wizard.core.model import DECIMAL_DIGITS, DECIMAL_PLACES, DecimalRangeError, Project
from wizard.i18n import _
from wizard.ui.style import show_example
from wizard.ui.widgets.fields import (
    FieldMessage,
    LinesEdit,
    OptionalSpinBox,
    decimal_text,
    parse_decimal_input,
)

T = TypeVar("T")
W = TypeVar("W")

Base = Callable[[Project], Any]
"""Where a page's fields live: the project itself, or an item inside it
(the selected service, say)."""


class FieldPathError(AttributeError):
    """A field named that its model does not have, or bound to a widget that
    cannot show it."""


def leaf_types(annotation: Any) -> tuple[type, ...]:
    """The classes a value of ``annotation`` may be (``int | None`` gives
    ``int`` and ``NoneType``; ``list[str]`` gives ``list``)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return leaf_types(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return tuple(t for arg in get_args(annotation) for t in leaf_types(arg))
    if origin is Literal:
        return tuple(type(value) for value in get_args(annotation))
    if origin is not None:
        return (origin,) if isinstance(origin, type) else ()
    if annotation is None:
        return (type(None),)
    return (annotation,) if isinstance(annotation, type) else ()


def _model_of(annotation: Any) -> type[BaseModel] | None:
    models = [t for t in leaf_types(annotation) if issubclass(t, BaseModel)]
    return models[0] if len(models) == 1 else None


@dataclass(frozen=True)
class Field(Generic[T]):
    """A field of ``model`` reached through ``names`` (each a pydantic field of
    the model before it), with the annotation of the last."""

    model: type[BaseModel]
    names: tuple[str, ...]
    annotation: Any

    @property
    def path(self) -> str:
        """The dotted path from an instance of :attr:`model`."""
        return ".".join(self.names)

    @property
    def types(self) -> tuple[type, ...]:
        return leaf_types(self.annotation)

    def get(self, target: Any) -> T:
        """The field's value in ``target`` (an instance of :attr:`model`)."""
        value = target
        for name in self.names:
            value = getattr(value, name)
        return value  # type: ignore[no-any-return]


@overload
def field(model: type[BaseModel], *names: str) -> Field[Any]: ...


@overload
def field(model: type[BaseModel], *names: str, of: type[T]) -> Field[T]: ...


def field(model: type[BaseModel], *names: str, of: type[Any] | None = None) -> Field[Any]:
    """The field ``names`` of ``model``, checked now: each name must be a field
    of the model the one before it leads to (and the last one's value of the
    type ``of``, if given)."""
    if not names:
        raise FieldPathError(f"No field named in {model.__name__}")
    current: type[BaseModel] | None = model
    annotation: Any = None
    for index, name in enumerate(names):
        path = ".".join(names)
        if current is None:
            raise FieldPathError(
                f"{model.__name__}.{path}: {'.'.join(names[:index])} is not a model")
        info = current.model_fields.get(name)
        if info is None:
            raise FieldPathError(
                f"{model.__name__}.{path}: {current.__name__} has no field {name!r}")
        annotation = info.annotation
        current = _model_of(annotation)
    result: Field[Any] = Field(model, tuple(names), annotation)
    if of is not None and not any(issubclass(t, of) for t in result.types):
        raise FieldPathError(f"{model.__name__}.{result.path} is {annotation!r}, not {of.__name__}")
    return result


def project_field(path: str) -> Field[Any]:
    """The field of the project at the dotted ``path`` (checked)."""
    return field(Project, *path.split("."))


class NoValue:
    """What :meth:`Adapter.read` gives when the widget holds nothing to store."""


NO_VALUE = NoValue()


class Adapter(Generic[W, T]):
    """How one kind of widget shows a field and reads what the user put in."""

    kind: ClassVar[type | None] = None
    """What the field's value must be able to be (checked when bound)."""
    merge: ClassVar[bool] = True
    """Whether edits in a row (typing) are undone together."""
    shows_examples: ClassVar[bool] = False
    """Whether an example value is shown as a placeholder (typing replaces it)."""

    def __init__(self, widget: W) -> None:
        self.widget = widget

    def changed(self) -> SignalInstance:
        raise NotImplementedError

    def clear(self) -> None:
        """Shown when there is no item to show (nothing selected)."""

    def show(self, value: T, example: bool) -> None:
        raise NotImplementedError

    def read(self) -> T | NoValue:
        raise NotImplementedError

    def differs(self, current: T, value: T, example: bool) -> bool:
        """Whether storing ``value`` over ``current`` is an edit."""
        return True

    def fits(self, target: Field[Any]) -> bool:
        kind = self.kind
        return kind is None or any(issubclass(t, kind) for t in target.types)


class TextAdapter(Adapter[QLineEdit, str]):
    kind = str
    shows_examples = True

    def changed(self) -> SignalInstance:
        return self.widget.textEdited

    def clear(self) -> None:
        self.show("", False)

    def show(self, value: str, example: bool) -> None:
        # an example is shown, not filled in: typing replaces it
        self.widget.setText("" if example else value)
        show_example(self.widget, value if example else None)

    def read(self) -> str:
        return self.widget.text()


class MultilineAdapter(Adapter[QPlainTextEdit, str]):
    kind = str
    shows_examples = True

    def changed(self) -> SignalInstance:
        return self.widget.textChanged

    def clear(self) -> None:
        self.show("", False)

    def show(self, value: str, example: bool) -> None:
        shown = "" if example else value
        if self.widget.toPlainText() != shown:
            self.widget.setPlainText(shown)
        show_example(self.widget, value if example else None)

    def read(self) -> str:
        return self.widget.toPlainText()

    def differs(self, current: str, value: str, example: bool) -> bool:
        return bool(value) if example else current != value  # typed over the example


class LinesAdapter(Adapter[LinesEdit, list[str]]):
    kind = list
    shows_examples = True

    def changed(self) -> SignalInstance:
        return self.widget.textChanged

    def clear(self) -> None:
        self.show([], False)

    def show(self, value: list[str], example: bool) -> None:
        # example items are shown one a line, not filled in: typing replaces them
        self.widget.set_lines([] if example else value)
        show_example(self.widget, "\n".join(value) if example else None)

    def read(self) -> list[str]:
        return self.widget.lines()

    def differs(self, current: list[str], value: list[str], example: bool) -> bool:
        return bool(value) if example else current != value  # typed over the example


class ChoiceAdapter(Adapter[QComboBox, Any]):
    """A combo box of ``(value, label)`` pairs (values kept on the Python side:
    Qt would turn enums into plain strings)."""

    merge = False

    def __init__(self, widget: QComboBox, choices: Sequence[tuple[Enum | str, str]]) -> None:
        super().__init__(widget)
        self.values = [value for value, _label in choices]
        for _value, label in choices:
            widget.addItem(label)

    def changed(self) -> SignalInstance:
        return self.widget.activated

    def show(self, value: Any, example: bool) -> None:
        self.widget.setCurrentIndex(self.values.index(value) if value in self.values else 0)

    def read(self) -> Any:
        index = self.widget.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else NO_VALUE


class IntAdapter(Adapter[QSpinBox, int]):
    kind = int

    def changed(self) -> SignalInstance:
        return self.widget.valueChanged

    def clear(self) -> None:
        self.widget.setValue(self.widget.minimum())

    def show(self, value: int, example: bool) -> None:
        self.widget.setValue(value)

    def read(self) -> int:
        return self.widget.value()

    def differs(self, current: int, value: int, example: bool) -> bool:
        return current != value


class OptionalIntAdapter(Adapter[OptionalSpinBox, "int | None"]):
    kind = int

    def changed(self) -> SignalInstance:
        return self.widget.valueChanged

    def clear(self) -> None:
        self.widget.set_optional_value(None)

    def show(self, value: int | None, example: bool) -> None:
        self.widget.set_optional_value(value)

    def read(self) -> int | None:
        return self.widget.optional_value()

    def differs(self, current: int | None, value: int | None, example: bool) -> bool:
        return current != value


class BoolAdapter(Adapter[QCheckBox, bool]):
    kind = bool
    merge = False

    def changed(self) -> SignalInstance:
        return self.widget.toggled

    def clear(self) -> None:
        self.widget.setChecked(False)

    def show(self, value: bool, example: bool) -> None:
        self.widget.setChecked(bool(value))

    def read(self) -> bool:
        return self.widget.isChecked()


class DateAdapter(Adapter[QDateEdit, datetime.date]):
    kind = datetime.date

    def changed(self) -> SignalInstance:
        return self.widget.dateChanged

    def show(self, value: datetime.date, example: bool) -> None:
        self.widget.setDate(QDate(value.year, value.month, value.day))

    def read(self) -> datetime.date:
        day = self.widget.date()
        return datetime.date(day.year(), day.month(), day.day())


class DecimalAdapter(Adapter[QLineEdit, "Decimal | None"]):
    """A number typed as text, shown with the interface language's decimal
    mark and read with either mark (the project stores it with a dot). What
    cannot be read as a number is not stored: the field says so and the
    project keeps its last good value."""

    kind = Decimal
    shows_examples = True

    def __init__(self, widget: QLineEdit, message: FieldMessage, optional: bool) -> None:
        super().__init__(widget)
        self.message = message
        self.optional = optional

    def changed(self) -> SignalInstance:
        return self.widget.textEdited

    def clear(self) -> None:
        self.show(None, False)

    def show(self, value: Decimal | None, example: bool) -> None:
        # an example amount is shown, not filled in: typing replaces it
        shown = decimal_text(value) if example and value is not None else None
        self.widget.setText("" if value is None or shown is not None else decimal_text(value))
        show_example(self.widget, shown)
        self.message.set_input_error("")

    def differs(self, current: Decimal | None, value: Decimal | None, example: bool) -> bool:
        if example:
            return value is not None  # typed over the example
        # "99.950" is typed as the contract is to print it, not as "99.95"
        return str(current) != str(value)

    def read(self) -> Decimal | NoValue | None:
        text = self.widget.text()
        if self.optional and not text.strip():
            self.message.set_input_error("")
            return None
        try:
            value = parse_decimal_input(text)
        except DecimalRangeError:
            self.message.set_input_error(
                _("Enter a number with at most {digits} digits before the decimal point "
                  "and {places} after it.").format(digits=DECIMAL_DIGITS, places=DECIMAL_PLACES))
            return NO_VALUE
        except ValueError:
            self.message.set_input_error(_("Enter a number such as 99.95."))
            return NO_VALUE
        self.message.set_input_error("")
        return value


class BindingHost(Protocol):
    """What a binder needs of its page."""

    @property
    def project(self) -> Project: ...

    @property
    def loading(self) -> bool: ...

    def add_loader(self, loader: Callable[[], None]) -> None: ...

    def holds_example(self, target: Any, path: str) -> bool: ...

    def field_edited(self, widget: Any, target: Any, path: str, value: Any,
                     merge: bool = False) -> None: ...


@dataclass(frozen=True)
class Binding:
    """A widget bound to a field (of the project, or of the item ``base`` picks)."""

    field: Field[Any]
    widget: object
    base: Base | None


FieldRef = Field[Any] | str
"""A field, or the dotted path of a field of the project (checked when bound)."""


class Binder:
    """Binds the widgets of one page to the fields they show."""

    def __init__(self, host: BindingHost) -> None:
        self.host = host
        self.bindings: list[Binding] = []

    def target(self, base: Base | None) -> Any:
        return base(self.host.project) if base is not None else self.host.project

    def bind(self, adapter: Adapter[W, Any], ref: FieldRef, base: Base | None = None) -> W:
        """Show ``ref`` in the adapter's widget when the page loads and store
        the user's edits of it (one step to undo, with the example value there
        dropped)."""
        bound = self._field(ref, base)
        if not adapter.fits(bound):
            raise FieldPathError(f"{bound.model.__name__}.{bound.path} is {bound.annotation!r}: "
                                 f"{type(adapter).__name__} cannot show it")
        widget = adapter.widget
        host = self.host
        path = bound.path

        def example(target: Any) -> bool:
            return adapter.shows_examples and host.holds_example(target, path)

        def load() -> None:
            target = self.target(base)
            if target is None:
                adapter.clear()
            else:
                adapter.show(bound.get(target), example(target))

        def store(*_args: object) -> None:
            if host.loading or (target := self.target(base)) is None:
                return
            value = adapter.read()
            if isinstance(value, NoValue):
                return
            if adapter.differs(bound.get(target), value, example(target)):
                host.field_edited(widget, target, path, value, merge=adapter.merge)

        host.add_loader(load)
        adapter.changed().connect(store)
        self.bindings.append(Binding(bound, widget, base))
        return widget

    @staticmethod
    def _field(ref: FieldRef, base: Base | None) -> Field[Any]:
        if isinstance(ref, Field):
            if base is None and ref.model is not Project:
                raise FieldPathError(f"{ref.model.__name__}.{ref.path} is bound without the "
                                     "item it belongs to (no base)")
            return ref
        if base is not None:
            raise FieldPathError(f"{ref!r}: a field of a selected item is named with "
                                 "field(Model, ...), so that it can be checked")
        return project_field(ref)
