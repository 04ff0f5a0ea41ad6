"""The large bench project's next draft: a copy with 20 changes of every
kind (figures, names, items added, removed, renamed and moved), each one line
of the change summary. The bench compares the two and makes their redline.

``python bench/changed_project.py`` prints the 20 lines.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # `python bench/changed_project.py` from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_project import build_large_project
from wizard.core.model import Project, Service

CHANGES = 20


def with_twenty_changes(project: Project) -> Project:
    """A copy of ``project`` (the large bench project) with :data:`CHANGES` changes."""
    new = project.model_copy(deep=True)
    new.agreement.title += " (revised)"
    new.agreement.document_version = "1.1"
    new.parties.customer.signatory.name = "Ana Ortega"
    new.contacts[4].name = "Contact 05 (deputy)"
    new.contacts[12].phone = "+1 503 555 0999"
    new.contacts.pop(10)
    new.services[3].name = "Cloud Backup Pro"
    new.services[5].monthly_fee = Decimal("1999")
    new.services[7].included.append("Weekend on-call")
    new.services.insert(2, new.services.pop(8))
    new.services.append(Service(id="svc-11", name="Printing", monthly_fee=Decimal(99)))
    new.schedule.maintenance_notice_hours = new.schedule.maintenance_notice_hours + 24
    new.metrics[0].target = Decimal("99.95")
    new.metrics[9].target = Decimal("99.8")
    new.metrics[17].name += " (revised)"
    new.metrics.pop(30)
    new.severity_levels[1].response_minutes = 20
    new.service_credits.claim_window_days += 15
    new.exclusions.custom.append("Devices no longer supported by their manufacturer.")
    new.termination.notice_days += 30
    return new


def main() -> int:
    from wizard.core.changes import compare_projects

    old = build_large_project()
    changes = compare_projects(old, with_twenty_changes(old))
    print("\n".join(str(change) for change in changes))
    return 0 if len(changes) == CHANGES else 1


if __name__ == "__main__":
    sys.exit(main())
