"""Checks about what a reused project kept from the one it was made from: a
text that still names a party who is no longer a party to the agreement (the
previous client's name left in the purpose, a service description or a
contact's responsibilities)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import TYPE_CHECKING

from pydantic import BaseModel

from wizard.core.changes import STEPS
from wizard.core.model import Project
from wizard.core.reuse import NOT_TEXT
from wizard.core.steps import Step
from wizard.i18n import _

if TYPE_CHECKING:  # checks.py calls this module: its names are imported when needed
    from wizard.core.checks import Problem

Loc = tuple[str | int, ...]

MIN_NAME_LENGTH = 3
"""Shorter former names ("AB") would be found inside too many words."""

LEGAL_FORMS = frozenset({
    "co", "company", "corp", "corporation", "inc", "incorporated", "llc", "llp", "lp",
    "ltd", "limited", "plc", "gmbh", "ag", "kg", "ohg", "ug", "ek", "e.k", "sa", "sas",
    "sarl", "sàrl", "snc", "bv", "nv", "vof", "spa", "srl", "sl", "ltda", "eireli",
    "mbh", "co.kg", "se",
})
"""Legal forms a text often leaves out when it names a party ("Harbor Bakery"
for "Harbor Bakery Co.")."""


def former_party_problems(project: Project) -> list[Problem]:
    """A warning for each text that names a former party of the agreement
    (``Project.former_party_names``) who is not one of its parties now."""
    current = {party.name.strip().casefold()
               for party in (project.parties.provider, project.parties.customer)}
    names = [name.strip() for name in project.former_party_names
             if len(name.strip()) >= MIN_NAME_LENGTH
             and name.strip().casefold() not in current]
    if not names:
        return []
    from wizard.core.checks import Problem, Severity

    patterns = {name: _name_pattern(name) for name in names}
    problems = []
    for loc, text in _texts(project, ()):
        for name, pattern in patterns.items():
            if pattern.search(text):
                step = STEPS.get(str(loc[0]), Step.REVIEW)
                problems.append(Problem(Severity.WARNING, step, loc, _(
                    "This text names {name}, who is no longer a party to this agreement: "
                    "write the new party's name or take it out.").format(name=name)))
                break
    return problems


def _texts(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, str]]:
    for name in type(model).model_fields:
        if name in NOT_TEXT:
            continue
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _texts(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, (*loc, name, index))
                elif isinstance(item, str) and not isinstance(item, Enum):
                    yield (*loc, name, index), item
        elif isinstance(value, str) and not isinstance(value, Enum):
            yield (*loc, name), value


def _name_pattern(name: str) -> re.Pattern[str]:
    """``name`` as a whole phrase, with or without its legal form, in any case
    and with any spacing."""
    variants = {name}
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].casefold().strip(".&") in LEGAL_FORMS | {""}:
        words.pop()
        shorter = " ".join(words)
        if len(shorter) >= MIN_NAME_LENGTH:
            variants.add(shorter)
    alternatives = sorted((r"\s+".join(re.escape(w) for w in v.split()) for v in variants),
                          key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
