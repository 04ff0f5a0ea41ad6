"""How firmly the contract promises its service levels, where a level or the
severity levels' resolution times differ from the agreement's commitment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.core.model import Commitment, PartyRole, Project
from wizard.i18n import N_

if TYPE_CHECKING:
    from wizard.core.contract import ContractFormatter

EFFORTS_ONLY = {
    PartyRole.PROVIDER: N_(
        "For %(levels)s, the Provider does not promise to meet the target but uses "
        "commercially reasonable efforts to meet it."),
    PartyRole.CUSTOMER: N_(
        "For %(levels)s, the Customer does not promise to meet the target but uses "
        "commercially reasonable efforts to meet it."),
}
FIRM = {
    PartyRole.PROVIDER: N_("%(levels)s the Provider meets without qualification."),
    PartyRole.CUSTOMER: N_("%(levels)s the Customer meets without qualification."),
}


def commitment_notes(project: Project, fmt: ContractFormatter) -> dict[str, str]:
    """For each party (``provider``, ``customer``), the sentence naming the
    levels it promises otherwise than the agreement says; empty when none."""
    agreement = project.agreement
    notes = {}
    for party in PartyRole:
        others = [metric for metric in project.metrics if metric.owed_by is party
                  and metric.commitment_in(agreement) is not agreement.commitment]
        names = [fmt.gettext("“%(name)s”") % {"name": metric.name.strip() or metric.id}
                 for metric in others]
        text = ""
        if names:
            sentence = EFFORTS_ONLY[party] if agreement.commitment is Commitment.WILL_MEET \
                else FIRM[party]
            levels = fmt.join(names)
            text = fmt.gettext(sentence) % {"levels": levels}
            text = text[:1].upper() + text[1:]
        notes[party.value] = text
    return notes


def resolution_by_efforts(project: Project) -> bool:
    """Whether the resolution times are objectives rather than promises."""
    return project.agreement.resolution_commitment is Commitment.REASONABLE_EFFORTS
