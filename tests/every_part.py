"""A project with every optional legal part switched on, as the contract
review reads it, and its contract's text."""

from __future__ import annotations

from docx_reading import read_contract

from wizard.core.model import LEGAL_PARTS, Project
from wizard.core.render import render_contract


def every_part_on(project: Project, place: str = "") -> Project:
    """A copy of ``project`` with the measurement terms, maintenance rules,
    general provisions, commercial terms and signing formalities switched
    on, the fields they need filled (in English, as a user might type them),
    signed at ``place`` when one is given."""
    full = project.model_copy(deep=True)
    for part in LEGAL_PARTS:
        getattr(full, part).included = True
    full.measurement_terms.unavailable_when = "it does not answer requests"
    full.measurement_terms.measured_from = "the Provider's monitoring"
    full.maintenance_rules.notice_channel = "e-mail"
    full.maintenance_rules.emergency_notice_hours = 4
    full.frame.master_agreement = "the Master Services Agreement of 1 March 2026"
    if place:
        full.signing.place = place
    return full


def contract_text(project: Project, locale: str) -> str:
    """The text of ``project``'s contract in ``locale``."""
    return read_contract(render_contract(project, locale)).text
