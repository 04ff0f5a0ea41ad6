"""Hypothesis strategies for whole projects, built from the model's own field
types (so a field added to the model is generated without touching this)."""

from __future__ import annotations

import datetime
import json
import types
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import BeforeValidator

from wizard.core.model import DECIMAL_DIGITS, DECIMAL_PLACES, Project

CLOCKS = st.just("24:00") | st.builds(lambda h, m: f"{h:02d}:{m:02d}",
                                      st.integers(0, 23), st.integers(0, 59))
ANY_TEXT = st.text(max_size=40) | st.text(
    st.characters(exclude_categories=()), max_size=12)  # lone surrogates too
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)


def _is_clock(metadata: list[Any]) -> bool:
    return any(isinstance(m, BeforeValidator) and m.func.__name__ == "_parse_clock"
               for m in metadata)


def for_type(annotation: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    """Values of ``annotation`` that the model accepts."""
    metadata = list(metadata or [])
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        flat = [inner for item in extra
                for inner in (item.metadata if isinstance(item, FieldInfo) else [item])]
        return for_type(base, metadata + flat)
    if origin in (Union, types.UnionType):
        return st.one_of(*(for_type(arg, metadata) for arg in get_args(annotation)))
    if origin is list:
        return st.lists(for_type(get_args(annotation)[0]), max_size=3)
    if origin is dict:
        key, value = get_args(annotation)
        return st.dictionaries(for_type(key), for_type(value), max_size=3)
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return models(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
        high = next((m.le for m in metadata if isinstance(m, Le)), 10**9)
        return st.integers(min_value=low, max_value=high)
    if annotation is Decimal:  # as typed: digits, maybe a sign and a fraction
        return st.from_regex(rf"-?[0-9]{{1,{DECIMAL_DIGITS}}}(\.[0-9]{{1,{DECIMAL_PLACES}}})?",
                             fullmatch=True) | st.builds(
            lambda sign, zeros, digits: f"{sign}0.{'0' * zeros}{digits}"[:DECIMAL_PLACES + 2
                                                                          + len(sign)],
            st.sampled_from(["", "-"]), st.integers(0, DECIMAL_PLACES - 1),
            st.from_regex(r"[0-9]{1,3}", fullmatch=True))  # tiny: 0.0000001
    if annotation is datetime.date:
        return st.dates()
    if annotation is str:
        pattern = next((getattr(m, "pattern", None) for m in metadata
                        if getattr(m, "pattern", None)), None)
        if pattern:
            return st.from_regex(pattern, fullmatch=True)
        if _is_clock(metadata):
            return CLOCKS
        return ANY_TEXT
    raise TypeError(f"no strategy for {annotation!r}")


def models(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Instances of ``model``, every field generated, sometimes with unknown keys
    (which the format keeps)."""
    fields = {name: for_type(info.annotation, info.metadata)
              for name, info in model.model_fields.items()}
    extras = st.dictionaries(st.text(max_size=6).map(lambda k: "x_" + k), JSON_VALUES,
                             max_size=2)
    return st.builds(lambda values, extra: model.model_validate(
        {**extra, **_calendar_consistent(values)}), st.fixed_dictionaries(fields), extras)


def _calendar_consistent(values: dict[str, Any]) -> dict[str, Any]:
    """A level names a calendar exactly when it is measured on one (the model
    refuses anything else): a generated ``calendar`` id is kept only then."""
    if "calendar" in values and "measured_during" in values:
        on_calendar = values["measured_during"] == "calendar"
        if on_calendar and not values["calendar"]:
            return {**values, "calendar": "hours"}
        if not on_calendar:
            return {**values, "calendar": ""}
    return values


projects: st.SearchStrategy[Project] = models(Project)


TextSlot = tuple[BaseModel, str, int | None]

CALENDAR_REFERENCES = frozenset({("Metric", "calendar"), ("SeverityLevel", "calendar")})
"""A level's calendar id is set together with its ``measured_during``, never
as text on its own."""


def free_text_slots(model: BaseModel, optional: bool = False,
                    skip: frozenset[tuple[str, str]] = frozenset()) -> Iterator[TextSlot]:
    """Every place in ``model`` that holds free text: (owner, field, index in a
    list). ``optional`` includes ``str | None`` fields; ``skip`` names
    (model class, field) pairs to leave out."""
    kinds: tuple[Any, ...] = (str, str | None) if optional else (str,)
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from free_text_slots(value, optional, skip)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from free_text_slots(item, optional, skip)
                elif isinstance(item, str) and info.annotation == list[str]:
                    yield model, name, index
        elif (isinstance(value, str) and info.annotation in kinds and not info.metadata
              and (type(model).__name__, name) not in skip | CALENDAR_REFERENCES):
            yield model, name, None


NumberSlot = tuple[tuple[str | int, ...], str]
"""Where a number is in a project (its path in the data) and its kind,
``"int"`` or ``"decimal"``."""


def _number_kind(annotation: Any) -> str | None:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _number_kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return next((kind for arg in get_args(annotation)
                     if (kind := _number_kind(arg)) is not None), None)
    if annotation is int:
        return "int"
    if annotation is Decimal:
        return "decimal"
    return None


def number_slots(model: BaseModel, loc: tuple[str | int, ...] = ()) -> Iterator[NumberSlot]:
    """Every place in ``model`` that holds a number (whole or decimal)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from number_slots(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from number_slots(item, (*loc, name, index))
        elif (kind := _number_kind(info.annotation)) is not None:
            yield (*loc, name), kind


WIDE_INTS = st.one_of(
    st.sampled_from([0, 1, 11, 12, 13, 20, 21, 600, 601, 3650, 3651, 8760, 8761, 10080, 10081,
                     44640, 44641, 10**6, 10**6 + 1, -1]),
    st.integers(-10, 10**7),
    st.integers(-(10**30), 10**30),
    st.just(int("9" * 4000)),  # 4,000 digits: JSON reads it, arithmetic on it fails
)
"""Whole numbers around every field's bounds and far beyond them."""

WIDE_DECIMALS = st.one_of(
    st.from_regex(r"-?9{12}(\.9{1,8})?", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,12}(\.[0-9]{1,8})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{1,20})?", fullmatch=True),
    st.sampled_from(["1" * 29, "1000000000000", "0.00000001", "0." + "0" * 8 + "1", "100"]),
    st.integers(-(10**20), 10**20),  # written by hand as a JSON number
)
"""Decimals (as the file's strings, or as JSON numbers) around the bounds and
beyond: a 29-digit fee, 20 decimals."""


def numbers_in(data: dict[str, Any], slots: list[NumberSlot]) -> st.SearchStrategy[bytes]:
    """The project ``data`` (a parsed file) as file bytes with one to three of
    its numbers replaced by wide values."""

    def edited(edits: list[tuple[NumberSlot, Any]]) -> bytes:
        copy = json.loads(json.dumps(data))
        for (loc, _kind), value in edits:
            target = copy
            for part in loc[:-1]:
                # an object the file leaves out while it holds its defaults
                # (a level's measurement method, say) is written for the edit
                target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
            target[loc[-1]] = value
        return json.dumps(copy).encode()

    edit = st.sampled_from(slots).flatmap(
        lambda slot: st.tuples(st.just(slot), WIDE_INTS if slot[1] == "int" else WIDE_DECIMALS))
    return st.lists(edit, min_size=1, max_size=3).map(edited)
