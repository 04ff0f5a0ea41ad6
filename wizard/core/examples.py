"""Example values: the texts a preset filled in for the user to write over,
and the client's details a reused project asks to fill in again.

``Project.examples`` records each such field by its path, as the wizard's
fields name them (``parties.customer.name``, ``services.0.description``),
with the text it was given. A field still holds its example while its text
is that text: typing over it (in a field, a table cell, or with Replace
across the project) ends the example, even where the mark itself is not
removed, and a list whose items moved never lends an example mark to
another item's text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from wizard.core.changes import ITEM, STEPS, Pattern, field_name, list_rule
from wizard.core.model import Project
from wizard.core.steps import Step
from wizard.i18n import _

Loc = tuple[str | int, ...]

PRESET_FIELDS: tuple[Pattern, ...] = (
    ("agreement", "title"),
    ("agreement", "reference"),
    ("agreement", "purpose"),
    ("agreement", "definitions", ITEM, "term"),
    ("agreement", "definitions", ITEM, "definition"),
    *(("parties", role, name) for role in ("provider", "customer")
       for name in ("name", "address", "registration")),
    *(("parties", role, "signatory", name) for role in ("provider", "customer")
       for name in ("name", "title", "email")),
    ("contacts", ITEM, "name"),
    ("contacts", ITEM, "role"),
    ("contacts", ITEM, "email"),
    ("contacts", ITEM, "phone"),
    ("contacts", ITEM, "responsibilities"),
    ("services", ITEM, "name"),
    ("services", ITEM, "description"),
    ("services", ITEM, "included"),
    ("services", ITEM, "excluded"),
    ("services", ITEM, "dependencies"),
    ("services", ITEM, "customer_responsibilities"),
    ("services", ITEM, "monthly_fee"),
    ("metrics", ITEM, "measurement"),
    ("metrics", ITEM, "baseline"),
    ("severity_levels", ITEM, "definition"),
    ("customer_groups", ITEM, "name"),
    ("customer_groups", ITEM, "description"),
    ("reporting", "contents"),
    ("exclusions", "custom"),
)
"""The fields a preset fills with examples: who the parties are, what the
agreement is called and is for, who the contacts are and what they do, what
the services are and what each includes, leaves out, depends on and asks of
the customer and what it costs, how each service level is measured and what
it was before (its baseline), what each severity level means, who the
customer groups are, what a report contains and what else is excluded.
Targets, times and choices are sensible defaults, not examples, and are not
marked."""


def example_text(value: Any) -> str | None:
    """``value`` as an example records it: a text as it is, a list of texts
    one item a line, a number as saved; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n".join(value)
    if isinstance(value, Decimal):
        return str(value)  # as saved: a fee, a baseline
    return None


@dataclass(frozen=True)
class ExampleLeft:
    """A field that still holds its example value (or, for a reused project,
    is still empty)."""

    step: Step
    loc: Loc
    path: str
    value: str
    label: str
    """The field as the user knows it, translated (``Customer``,
    ``Service “Cloud Backup”: description``)."""


def loc_of(path: str) -> Loc:
    """``services.0.description`` → ``("services", 0, "description")``."""
    return tuple(int(part) if part.isdigit() else part for part in path.split("."))


def path_of(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def value_at(project: Project, path: str) -> Any:
    """The value at ``path``; None when there is none (an item removed since)."""
    value: Any = project
    for part in loc_of(path):
        if isinstance(part, int):
            if not isinstance(value, list) or not 0 <= part < len(value):
                return None
            value = value[part]
        else:
            value = getattr(value, part, None)
            if value is None:
                return None
    return value


def is_example(project: Project, path: str) -> bool:
    """Whether the field at ``path`` still holds its example value."""
    example = project.examples.get(path)
    return example is not None and example_text(value_at(project, path)) == example


def mark_examples(project: Project, patterns: tuple[Pattern, ...] = PRESET_FIELDS) -> None:
    """Mark every filled text field of ``project`` matching ``patterns`` as an
    example (a project just made from a preset)."""
    for pattern in patterns:
        for loc in _locs(project, pattern, ()):
            text = example_text(value_at(project, path_of(loc)))
            if text is not None and text.strip():
                project.examples[path_of(loc)] = text


def mark_to_fill(project: Project, paths: list[str]) -> None:
    """Mark the fields at ``paths`` (emptied for a new client) as still to be
    filled in: they count as examples until something is typed."""
    for path in paths:
        text = example_text(value_at(project, path))
        if text is not None:
            project.examples[path] = text


def follow_items(project: Project) -> Callable[[], None]:
    """Before items of a list are removed or moved: a function that, called
    after, moves each example mark to where its item went (removing the
    second of four example contacts would otherwise leave the last two
    marked at places that no longer hold them, and their texts would pass
    for the user's own). The marks of a removed item go with it."""
    anchors: list[tuple[str, object, Loc, str]] = []
    for path, text in project.examples.items():
        loc = loc_of(path)
        last = max((i for i, part in enumerate(loc) if isinstance(part, int)), default=None)
        if last is None:
            continue
        item = value_at(project, path_of(loc[:last + 1]))
        if item is not None:
            anchors.append((path, item, loc[last + 1:], text))

    def after() -> None:
        for path, _item, _rest, _text in anchors:
            project.examples.pop(path, None)
        for _path, item, rest, text in anchors:
            found = locate(project, item)
            if found:
                project.examples[path_of((*loc_of(found), *rest))] = text
    return after


def drop_example(project: Project, path: str) -> bool:
    """The user wrote in the field at ``path``: it holds an example no more."""
    return project.examples.pop(path, None) is not None


def examples_left(project: Project) -> list[ExampleLeft]:
    """Every field that still holds its example, in the wizard's order of
    steps and then as the project lists them."""
    order = list(Step)
    left = [
        ExampleLeft(_step(loc), loc, path, value, example_label(project, loc))
        for path, value in project.examples.items()
        if is_example(project, path)
        for loc in (loc_of(path),)
    ]
    return sorted(left, key=lambda e: (order.index(e.step), _sort_key(e.loc)))


def steps_with_examples(project: Project) -> set[Step]:
    return {example.step for example in examples_left(project)}


def example_label(project: Project, loc: Loc) -> str:
    """The field at ``loc`` named as the comparison of projects names it."""
    item, pattern = _walk(project, loc)
    field = field_name(pattern)
    return _("{item}: {field}").format(item=item, field=field) if item else field


def item_label(project: Project, loc: Loc) -> str:
    """The list item ``loc`` ends at (``("contacts", 2)``) named as the
    comparison names it: ``Jordan Lee``, ``Service Cloud Backup``; "" when
    there is no such item."""
    try:
        label, pattern = _walk(project, loc)
    except (AttributeError, IndexError, TypeError):
        return ""
    unnamed = _("(no name)")
    index = loc[-1] if loc else None
    if label.endswith(unnamed) and isinstance(index, int):
        # an item without a name is told by its place: "Contact 3"
        kind = _(list_rule(pattern[:-1]).kind)
        label = label[:-len(unnamed)] + _("{kind} {number}").format(kind=kind, number=index + 1)
    return label


def _walk(project: Project, loc: Loc) -> tuple[str, Pattern]:
    """The items ``loc`` passes through, named (``A › B``), and its pattern."""
    pattern: list[str] = []
    item = ""
    value: Any = project
    for part in loc:
        if isinstance(part, int):
            rule = list_rule(tuple(pattern))
            value = value[part]
            name = rule.name(value, project)
            label = _(rule.label).format(name=name) if rule.label else name
            item = f"{item} › {label}" if item else label
            pattern.append(ITEM)
        else:
            value = getattr(value, part)
            pattern.append(part)
    return item, tuple(pattern)


def _step(loc: Loc) -> Step:
    return STEPS.get(str(loc[0]), Step.REVIEW) if loc else Step.REVIEW


def _sort_key(loc: Loc) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in loc)


def _locs(value: Any, pattern: Pattern, loc: Loc) -> list[Loc]:
    """Every location in ``value`` that ``pattern`` names."""
    if not pattern:
        return [loc]
    head, rest = pattern[0], pattern[1:]
    if head == ITEM:
        if not isinstance(value, list):
            return []
        return [found for index, item in enumerate(value)
                for found in _locs(item, rest, (*loc, index))]
    if not isinstance(value, BaseModel) or head not in type(value).model_fields:
        return []
    return _locs(getattr(value, head), rest, (*loc, head))


def locate(project: Project, target: object) -> str | None:
    """The path of ``target`` (an object inside ``project``, found by
    identity): ``""`` for the project itself, None when it is not in it."""
    if target is project:
        return ""
    found = _locate(project, target, ())
    return None if found is None else path_of(found)


def _locate(model: BaseModel, target: object, loc: Loc) -> Loc | None:
    for name in type(model).model_fields:
        if name in ("examples", "former_party_names", "history"):
            continue
        value = getattr(model, name)
        if value is target:
            return (*loc, name)
        if isinstance(value, BaseModel):
            found = _locate(value, target, (*loc, name))
            if found is not None:
                return found
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if item is target:
                    return (*loc, name, index)
                if isinstance(item, BaseModel):
                    found = _locate(item, target, (*loc, name, index))
                    if found is not None:
                        return found
    return None
