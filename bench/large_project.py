"""The large project the benchmarks work on: 10 services × 8 service levels,
6 severity levels and 20 contacts, built from the bundled US example so that
every other part (parties, schedule, credits, exclusions …) is realistic.

``python bench/large_project.py OUT.slaproj`` writes it to a file.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from wizard.core.model import (
    Contact,
    Direction,
    MeasuredDuring,
    Metric,
    MetricKind,
    PartyRole,
    Period,
    Project,
    SeverityLevel,
)
from wizard.core.project_file import load_project, save_project
from wizard.paths import examples_dir

SERVICES = 10
METRICS_PER_SERVICE = 8
SEVERITY_LEVELS = 6
CONTACTS = 20

_SERVICE_NAMES = (
    "Service Desk", "Managed Endpoints", "Network Management", "Cloud Backup",
    "Email and Collaboration", "Security Monitoring", "Identity and Access",
    "Telephony", "Point of Sale Support", "Website Hosting",
)
# (kind, name, target, unit, direction, period, measured during, baseline)
_METRIC_SHAPES: tuple[tuple[MetricKind, str, str, str, Direction, Period, MeasuredDuring,
                            str | None], ...] = (
    (MetricKind.AVAILABILITY, "availability", "99.9", "percent", Direction.AT_LEAST,
     Period.MONTH, MeasuredDuring.ALWAYS, "99.7"),
    (MetricKind.AVAILABILITY, "availability in business hours", "99.5", "percent",
     Direction.AT_LEAST, Period.QUARTER, MeasuredDuring.COVERAGE, None),
    (MetricKind.RESPONSE_TIME, "first response", "30", "minutes", Direction.AT_MOST,
     Period.MONTH, MeasuredDuring.COVERAGE, "45"),
    (MetricKind.RESOLUTION_TIME, "resolution", "8", "hours", Direction.AT_MOST,
     Period.MONTH, MeasuredDuring.COVERAGE, None),
    (MetricKind.ERROR_RATE, "failed requests", "0.5", "percent", Direction.AT_MOST,
     Period.WEEK, MeasuredDuring.ALWAYS, "0.8"),
    (MetricKind.THROUGHPUT, "requests handled", "1200", "count", Direction.AT_LEAST,
     Period.DAY, MeasuredDuring.ALWAYS, None),
    (MetricKind.RESPONSE_TIME, "page response", "2", "seconds", Direction.AT_MOST,
     Period.MONTH, MeasuredDuring.ALWAYS, "3"),
    (MetricKind.CUSTOM, "customer satisfaction", "4.5", "points", Direction.AT_LEAST,
     Period.YEAR, MeasuredDuring.ALWAYS, None),
)
_SEVERITIES = (
    ("P1", "Critical", "The business cannot take orders or payments.", 15, 240),
    ("P2", "High", "A core function is degraded or many users are affected.", 30, 480),
    ("P3", "Medium", "One user or one non-core function is affected.", 120, 1440),
    ("P4", "Low", "A minor fault with an easy workaround.", 480, 4320),
    ("P5", "Request", "A request for a change or for information.", 960, None),
    ("P6", "Planning", "Advice for a project planned by the Customer.", 2880, None),
)


def build_large_project() -> Project:
    """The large project, in memory (valid: the contract can be generated)."""
    project = load_project(examples_dir() / "msp-it-support.slaproj")
    base_service = project.services[0]
    project.services = [
        base_service.model_copy(deep=True, update={
            "id": f"svc-{index + 1}",
            "name": name,
            "description": f"{name} for every site and every member of staff of the Customer.",
            "monthly_fee": Decimal(500 + 125 * index),
        })
        for index, name in enumerate(_SERVICE_NAMES[:SERVICES])
    ]
    project.metrics = [
        Metric(
            id=f"svc-{s + 1}-m{m + 1}",
            name=f"{service.name}: {shape[1]}",
            kind=shape[0],
            service=service.id,
            target=Decimal(shape[2]),
            unit=shape[3],
            direction=shape[4],
            period=shape[5],
            measured_during=shape[6],
            measurement="Automated monitoring from two locations, checked every minute; "
                        "reported monthly.",
            baseline=Decimal(shape[7]) if shape[7] is not None else None,
        )
        for s, service in enumerate(project.services)
        for m, shape in enumerate(_METRIC_SHAPES[:METRICS_PER_SERVICE])
    ]
    project.service_credits.metric = project.metrics[0].id
    project.severity_levels = [
        SeverityLevel(id=code, name=name, definition=text, response_minutes=response,
                      resolution_minutes=resolution,
                      measured_during=MeasuredDuring.ALWAYS if code == "P1"
                      else MeasuredDuring.COVERAGE)
        for code, name, text, response, resolution in _SEVERITIES[:SEVERITY_LEVELS]
    ]
    project.contacts = [
        Contact(
            name=f"Contact {index + 1:02d}",
            party=PartyRole.PROVIDER if index % 2 == 0 else PartyRole.CUSTOMER,
            role="Service Desk Lead" if index % 4 == 0 else "Account Manager",
            email=f"contact{index + 1}@example.com",
            phone=f"+1 503 555 01{index:02d}",
            responsibilities=["Triage and assign tickets", "Join the quarterly review"],
            escalation_level=index % 4,
        )
        for index in range(CONTACTS)
    ]
    project.reporting.recipient = project.contacts[1].name
    return project


def describe(project: Project) -> str:
    return (f"{len(project.services)} services, {len(project.metrics)} service levels, "
            f"{len(project.severity_levels)} severity levels, {len(project.contacts)} contacts")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python bench/large_project.py OUT.slaproj", file=sys.stderr)
        return 2
    project = build_large_project()
    save_project(project, Path(argv[0]))
    print(f"{argv[0]}: {describe(project)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
