"""Reusing a project for another client: a copy with a new reference and the
client's details left to fill in, and replacing a name everywhere it is
written.

Both work on the text a user wrote (titles, names, descriptions, lists of
lines); identifiers, the references between parts (a metric's service),
codes (language, currency, time zone), times, file data and the record of
measured months are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from wizard.core.examples import mark_to_fill
from wizard.core.model import Agreement, PartyRole, Project

NOT_TEXT = frozenset({
    "format", "language", "currency", "template", "id", "service", "metric", "severity",
    "metrics", "timezone", "start", "end", "holiday_region", "filename", "data",
    "accent_colour", "body_font", "history", "examples", "former_party_names",
})
"""Fields holding identifiers, references, codes, times or data, not prose."""

_TRAILING_NUMBER = re.compile(r"(\d+)(\D*)$")


def new_reference(reference: str) -> str:
    """The next reference after ``reference``: its last number counted up
    (keeping its width: ``MSP-2027-014`` → ``MSP-2027-015``), or ``-2``
    added when it has no number. Empty stays empty."""
    reference = reference.strip()
    if not reference:
        return ""
    match = _TRAILING_NUMBER.search(reference)
    if match is None:
        return f"{reference}-2"
    digits, tail = match.group(1), match.group(2)
    number = str(int(digits) + 1).zfill(len(digits))
    return f"{reference[:match.start(1)]}{number}{tail}"


@dataclass(frozen=True)
class NewClientCopy:
    project: Project
    to_review: list[str]
    """Where the previous client's details were emptied, as field paths
    (``parties.customer.name``, ``contacts.1.email`` …)."""


def copy_for_new_client(project: Project) -> NewClientCopy:
    """A copy of ``project`` for another client: a new reference, version
    1.0, the customer's name, address, registration and signatory emptied,
    the customer's contacts' names and addresses emptied (their roles kept),
    the reports' recipient emptied if it was one of them, and no measured
    months. The checks then point at every emptied field; the emptied fields
    are marked to fill in (:func:`~wizard.core.examples.mark_to_fill`) and
    the customer's name is kept in ``former_party_names``, so that a text
    still naming the previous client is warned about."""
    copy = project.model_copy(deep=True)
    emptied: list[str] = []

    def empty(owner: Any, attribute: str, path: str) -> None:
        if getattr(owner, attribute):
            setattr(owner, attribute, "")
            emptied.append(path)

    copy.agreement.reference = new_reference(project.agreement.reference)
    copy.agreement.document_version = Agreement.model_fields["document_version"].default
    customer = copy.parties.customer
    former = customer.name.strip()
    if former and former not in copy.former_party_names:
        copy.former_party_names.append(former)
    for attribute in ("name", "address", "registration"):
        empty(customer, attribute, f"parties.customer.{attribute}")
    for attribute in ("name", "title", "email"):
        empty(customer.signatory, attribute, f"parties.customer.signatory.{attribute}")
    customer_names = set()
    for index, contact in enumerate(copy.contacts):
        if contact.party is not PartyRole.CUSTOMER:
            continue
        customer_names.add(contact.name)
        for attribute in ("name", "email", "phone"):
            empty(contact, attribute, f"contacts.{index}.{attribute}")
    if copy.reporting.recipient and copy.reporting.recipient in customer_names:
        empty(copy.reporting, "recipient", "reporting.recipient")
    if "history" in Project.model_fields:  # the months measured for the other client
        setattr(copy, "history", [])  # noqa: B010
    mark_to_fill(copy, emptied)
    return NewClientCopy(copy, emptied)


def replace_text(project: Project, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in every text of ``project``, in place;
    returns how many times it was replaced (0 when ``old`` is empty)."""
    if not old:
        return 0
    return _replace_in_model(project, old, new)


def _replace_in_model(model: BaseModel, old: str, new: str) -> int:
    count = 0
    for name in type(model).model_fields:
        if name in NOT_TEXT:
            continue
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            count += _replace_in_model(value, old, new)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    count += _replace_in_model(item, old, new)
                elif _is_text(item) and old in item:
                    count += item.count(old)
                    value[index] = item.replace(old, new)
        elif _is_text(value) and old in value:
            count += value.count(old)
            setattr(model, name, value.replace(old, new))
    return count


def _is_text(value: object) -> bool:
    return isinstance(value, str) and not isinstance(value, Enum)
