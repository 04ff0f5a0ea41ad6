"""Hypothesis strategies for whole projects, built from the model's own field
types (so a field added to the model is generated without touching this)."""

from __future__ import annotations

import datetime
import types
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import BeforeValidator

from wizard.core.model import Project

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
        return st.integers(min_value=low, max_value=10**9)
    if annotation is Decimal:  # as typed: digits, maybe a sign and a fraction
        return st.from_regex(r"-?[0-9]{1,13}(\.[0-9]{1,12})?", fullmatch=True) | st.builds(
            lambda sign, zeros, digits: f"{sign}0.{'0' * zeros}{digits}",  # tiny: 0.0000001
            st.sampled_from(["", "-"]), st.integers(0, 12), st.from_regex(r"[0-9]{1,3}",
                                                                          fullmatch=True))
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
    return st.builds(lambda values, extra: model.model_validate({**extra, **values}),
                     st.fixed_dictionaries(fields), extras)


projects: st.SearchStrategy[Project] = models(Project)


TextSlot = tuple[BaseModel, str, int | None]


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
              and (type(model).__name__, name) not in skip):
            yield model, name, None
