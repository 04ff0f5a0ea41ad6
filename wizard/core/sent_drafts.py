"""Whether the draft on disk has been sent, and what version a changed draft
saved over it should then carry.

A draft counts as sent once a contract has been made from it: the contract
beside the project file, under the project's name (where ``sla-wizard generate``
and the review step put it unless told otherwise), written after the project
was last saved. Saving changes over such a draft without raising its
document version would give the client two different contracts with the same
version; the window then suggests the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.core.changes import compare_projects, version_to_raise
from wizard.core.model import Project
from wizard.core.project_file import ProjectFileError, load_project


@dataclass(frozen=True)
class VersionSuggestion:
    """Raise the document version from ``current`` to ``suggested``: ``contract``
    was made from the draft on disk, and the project has changed since."""

    current: str
    suggested: str
    contract: Path


def sent_contract(project_file: Path) -> Path | None:
    """The contract made from ``project_file`` as it is on disk, if there is one."""
    contract = project_file.with_suffix(".docx")
    try:
        made = contract.stat().st_mtime_ns
        saved = project_file.stat().st_mtime_ns
    except OSError:
        return None
    return contract if made >= saved else None


def version_for_changed_sent_draft(project_file: Path, project: Project
                                   ) -> VersionSuggestion | None:
    """The version to suggest before ``project`` is saved over ``project_file``:
    only when a contract was made from the draft on disk, the project differs
    from that draft, and both still carry the same document version."""
    contract = sent_contract(project_file)
    if contract is None:
        return None
    try:
        sent = load_project(project_file)
    except ProjectFileError:
        return None
    suggested = version_to_raise(sent, project, compare_projects(sent, project))
    if suggested is None:
        return None
    return VersionSuggestion(project.agreement.document_version, suggested, contract)
