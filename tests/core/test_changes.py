"""The change summary: every kind of field changed once, read as the line a
person sees (in the wizard's Compare dialog and from ``sla-wizard diff``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from example_paths import US_EXAMPLE

from wizard.core.changes import (
    FIELD_NAMES,
    LISTS,
    STEPS,
    Change,
    ChangeKind,
    changes_by_step,
    compare_projects,
    field_patterns,
    next_document_version,
    unnamed_fields,
    version_to_raise,
)
from wizard.core.model import (
    AgreementType,
    Contact,
    CoverageBlock,
    CreditTier,
    Definition,
    Logo,
    MaintenanceWindow,
    Metric,
    PartyRole,
    Project,
    Service,
    SeverityLevel,
    StandardExclusion,
    Weekday,
)
from wizard.core.project_file import load_project
from wizard.core.steps import Step

Edit = Callable[[Project], object]


def changed(edit: Edit, locale: str = "en") -> list[Change]:
    """The changes from the US example to a copy with ``edit`` made."""
    old = load_project(US_EXAMPLE)
    new = old.model_copy(deep=True)
    edit(new)
    return compare_projects(old, new, locale)


def lines(edit: Edit, locale: str = "en") -> list[str]:
    return [change.text for change in changed(edit, locale)]


def _set(path: str, value: object) -> Edit:
    def edit(project: Project) -> None:
        *parents, name = path.split(".")
        target: object = project
        for part in parents:
            target = target[int(part)] if part.isdigit() else getattr(target, part)
        setattr(target, name, value)
    return edit


# each scalar kind once --------------------------------------------------------------------
SCALARS: dict[str, tuple[Edit, str]] = {
    "text": (_set("agreement.title", "Managed IT Support Agreement"),
             "Agreement title: Managed IT Support Service Level Agreement → "
             "Managed IT Support Agreement"),
    "text emptied": (_set("agreement.reference", ""), "Reference: NW-SLA-2027-014 → (none)"),
    "choice": (_set("agreement.type", AgreementType.INTERNAL),
               "Agreement type: customer-based → internal"),
    "date": (_set("agreement.effective_date", datetime.date(2027, 2, 1)),
             "Effective date: Jan 1, 2027 → Feb 1, 2027"),
    "locale": (_set("language", "en_GB"),
               "Contract language: English (United States) (en_US) → "
               "English (United Kingdom) (en_GB)"),
    "currency": (_set("currency", "EUR"), "Currency: USD → EUR"),
    "nested person": (_set("parties.customer.signatory.name", "Ana Ortega"),
                      "Customer's signatory: Luis Ortega → Ana Ortega"),
    "party name": (_set("parties.provider.name", "Northwind IT Ltd"),
                   "Provider: Northwind IT Services LLC → Northwind IT Ltd"),
    "percent target": (_set("metrics.0.target", Decimal("99.95")),
                       "Service availability: target 99.5% → 99.95%"),
    "target in minutes": (_set("metrics.1.target", Decimal("45")),
                          "First response to tickets: target 60 min → 45 min"),
    "money": (_set("services.0.monthly_fee", Decimal("1300")),
              "Service “Service Desk”: monthly fee $1,250.00 → $1,300.00"),
    "money removed": (_set("services.0.monthly_fee", None),
                      "Service “Service Desk”: monthly fee $1,250.00 → (none)"),
    "days": (_set("service_credits.claim_window_days", 45), "Claim window: 30 days → 45 days"),
    "minutes": (_set("severity_levels.1.response_minutes", 30),
                "Severity P2: response 1 hour → 30 minutes"),
    "minutes in hours and minutes": (_set("severity_levels.0.resolution_minutes", 270),
                                     "Severity P1: resolution 4 hours → 4 hours 30 minutes"),
    "hours": (_set("schedule.maintenance_notice_hours", 48),
              "Notice before maintenance: 72 hours → 48 hours"),
    "months": (_set("termination.initial_term_months", 24), "Initial term: 12 months → 24 months"),
    "optional days": (_set("termination.for_convenience_notice_days", 90),
                      "Notice to end it without a reason: (none) → 90 days"),
    "nested months": (_set("termination.chronic_failure.consecutive_months", 2),
                      "Customer may leave after misses in a row: 3 months → 2 months"),
    "yes or no": (_set("termination.auto_renew", False), "Renews automatically: yes → no"),
    "whole number": (_set("contacts.0.escalation_level", 3),
                     "Priya Nair: escalation level 1 → 3"),
    "percent": (_set("service_credits.cap_percent", Decimal("30")), "Credit cap: 25% → 30%"),
    "service named by id": (_set("metrics.1.service", "*"),
                            "First response to tickets: service Service Desk → All services"),
    "metric named by id": (_set("service_credits.metric", "first-response"),
                           "Service level credited: Service availability → "
                           "First response to tickets"),
    "unit": (_set("metrics.1.unit", "hours"), "First response to tickets: unit minutes → hours"),
    "time zone": (_set("schedule.timezone", "Europe/Berlin"),
                  "Time zone: Pacific Time (America/Los_Angeles) → "
                  "Central European Time (Europe/Berlin)"),
    "week's hours": (_set("schedule.coverage", [CoverageBlock(
        days=[Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI, Weekday.SAT],
        start="08:00", end="18:00")]),
        "Coverage hours: Mon–Fri 08:00–18:00 → Mon–Sat 08:00–18:00"),
    "around the clock": (_set("schedule.coverage", []),
                         "Coverage hours: Mon–Fri 08:00–18:00 → around the clock"),
    "logo": (_set("branding.logo", Logo(filename="northwind.png", data="iVBORw0KGgo=")),
             "Logo: (none) → northwind.png"),
    "colour": (_set("branding.accent_colour", "#AA0000"),
               "Accent colour: the template's own → #AA0000"),
    "paper": (_set("branding.paper", "a4"),
              "Paper size: the contract language's usual size → A4"),
    "template": (_set("template", "Letterhead.docx"),
                 "Word template: the standard template → Letterhead.docx"),
}


@pytest.mark.parametrize("name", list(SCALARS))
def test_a_field_changed_reads_as_one_line(name: str) -> None:
    """A user comparing two drafts reads each change as a person would say it."""
    edit, expected = SCALARS[name]
    assert lines(edit) == [expected]


def test_a_long_text_is_cut_around_the_change() -> None:
    """A changed paragraph shows the words around the change, not both texts in full."""
    def edit(project: Project) -> None:
        project.agreement.purpose = project.agreement.purpose.replace(
            "reported and reviewed", "reported, audited and reviewed")

    (line,) = lines(edit)
    assert line.startswith("Purpose: …")
    assert "reported and reviewed" in line.split("→")[0]
    assert "reported, audited and reviewed" in line.split("→")[1]
    assert len(line) < 200


def test_a_value_that_reads_the_same_is_said_to_have_changed() -> None:
    """A logo replaced by another of the same name is still a change."""
    def both(data: str) -> Edit:
        return _set("branding.logo", Logo(filename="logo.png", data=data))

    old = load_project(US_EXAMPLE)
    both("iVBORw0KGgo=")(old)
    new = old.model_copy(deep=True)
    both("iVBORw0KGgoAAAANSUhEUg==")(new)
    assert [c.text for c in compare_projects(old, new, "en")] == ["Logo changed"]


def test_the_same_week_written_otherwise_is_no_change() -> None:
    """Coverage stored as two blocks instead of one says the same hours: no change."""
    def split(project: Project) -> None:
        project.schedule.coverage = [
            CoverageBlock(days=[Weekday.MON, Weekday.TUE], start="08:00", end="18:00"),
            CoverageBlock(days=[Weekday.WED, Weekday.THU, Weekday.FRI], start="08:00",
                          end="18:00")]

    assert lines(split) == []


# each list kind: added, removed, renamed, moved ---------------------------------------------
LISTS_CHANGED: dict[str, tuple[Edit, list[str]]] = {
    "service added": (lambda p: p.services.append(Service(id="print", name="Printing")),
                      ["Service added: Printing"]),
    "service removed": (lambda p: p.services.pop(1), ["Service removed: Managed Endpoints"]),
    "service renamed": (_set("services.2.name", "Online Backup"),
                        ["Service renamed: Cloud Backup → Online Backup"]),
    "service moved": (lambda p: p.services.insert(0, p.services.pop(2)),
                      ["Service moved: Cloud Backup (place 3 → 1)"]),
    "service with a new id and name": (
        lambda p: p.services.__setitem__(2, p.services[2].model_copy(
            update={"id": "vault", "name": "Backup Vault"})),
        ["Service renamed: Cloud Backup → Backup Vault",
         "Service “Backup Vault”: identifier backup → vault"]),
    "metric added": (lambda p: p.metrics.append(Metric(id="csat", name="Satisfaction")),
                     ["Service level added: Satisfaction"]),
    "metric removed": (lambda p: p.metrics.pop(2),
                       ["Service level removed: Critical patches applied"]),
    "metric renamed": (_set("metrics.0.name", "Uptime"),
                       ["Service level renamed: Service availability → Uptime"]),
    "metric moved": (lambda p: p.metrics.append(p.metrics.pop(0)),
                     ["Service level moved: Service availability (place 1 → 4)"]),
    "severity added": (lambda p: p.severity_levels.append(SeverityLevel(id="P5", name="Advice")),
                       ["Severity level added: P5"]),
    "severity removed": (lambda p: p.severity_levels.pop(3), ["Severity level removed: P4"]),
    "severity renamed": (_set("severity_levels.1.id", "S2"),
                         ["Severity level renamed: P2 → S2"]),
    "severity moved": (lambda p: p.severity_levels.reverse(),
                       ["Severity level moved: P3 (place 3 → 2)",
                        "Severity level moved: P2 (place 2 → 3)",
                        "Severity level moved: P1 (place 1 → 4)"]),
    "contact added": (lambda p: p.contacts.append(Contact(name="Ana Ortega", role="Manager",
                                                          party=PartyRole.CUSTOMER)),
                      ["Contact added: Ana Ortega"]),
    "contact removed": (lambda p: p.contacts.pop(1), ["Contact removed: Dana Whitfield"]),
    "contact renamed": (_set("contacts.2.name", "Luis Ortega Díaz"),
                        ["Contact renamed: Luis Ortega → Luis Ortega Díaz"]),
    "contact moved": (lambda p: p.contacts.insert(0, p.contacts.pop(2)),
                      ["Contact moved: Luis Ortega (place 3 → 1)"]),
    "definition added": (lambda p: p.agreement.definitions.append(
        Definition(term="Site", definition="A place of business of the Customer.")),
        ["Definition added: Site"]),
    "definition removed": (lambda p: p.agreement.definitions.pop(0),
                           ["Definition removed: Incident"]),
    "definition renamed": (_set("agreement.definitions.0.term", "Incidents"),
                           ["Definition renamed: Incident → Incidents"]),
    "definition moved": (lambda p: p.agreement.definitions.append(
        p.agreement.definitions.pop(0)),
        ["Definition moved: Incident (place 1 → 3)"]),
    "tier added": (lambda p: p.service_credits.tiers.append(
        CreditTier(below=Decimal("95"), credit_percent=Decimal("50"))),
        ["Credit tier added: 95%"]),
    "tier removed": (lambda p: p.service_credits.tiers.pop(1), ["Credit tier removed: 99%"]),
    "tier threshold changed": (_set("service_credits.tiers.2.below", Decimal("96")),
                               ["Credit tier below 96%: below 97% → 96%"]),
    "tiers reordered": (lambda p: p.service_credits.tiers.reverse(), []),
    "window added": (lambda p: p.schedule.maintenance_windows.append(
        MaintenanceWindow(day=Weekday.WED, start="22:00", duration_minutes=60)),
        ["Maintenance window added: Wednesday 22:00"]),
    "window longer": (_set("schedule.maintenance_windows.0.duration_minutes", 240),
                      ["Maintenance window Sunday 02:00: length 3 hours → 4 hours"]),
    "window removed": (lambda p: p.schedule.maintenance_windows.clear(),
                       ["Maintenance window removed: Sunday 02:00"]),
    "line added": (lambda p: p.services[0].included.append("Printer set-up"),
                   ["Service “Service Desk”: included item added: Printer set-up"]),
    "line removed": (lambda p: p.services[0].included.pop(0),
                     ["Service “Service Desk”: included item removed: "
                      "Password resets and account management"]),
    "line edited": (lambda p: p.services[0].included.__setitem__(
        2, "Remote troubleshooting and repair"),
                    ["Service “Service Desk”: included item changed: Remote troubleshooting → "
                     "Remote troubleshooting and repair"]),
    "line moved": (lambda p: p.services[0].included.reverse(),
                   ["Service “Service Desk”: included item moved: Remote troubleshooting "
                    "(place 3 → 1)",
                    "Service “Service Desk”: included item moved: Password resets and account "
                    "management (place 1 → 3)"]),
    "nested line": (lambda p: p.contacts[0].responsibilities.append("Keep the asset list"),
                    ["Priya Nair: responsibility added: Keep the asset list"]),
    "report line": (lambda p: p.reporting.contents.remove("Patching status"),
                    ["Report content removed: Patching status"]),
    "exclusion ticked": (lambda p: p.exclusions.standard.append(StandardExclusion.BETA_FEATURES),
                         ["Standard exclusion added: Beta features"]),
    "exclusion unticked": (lambda p: p.exclusions.standard.remove(
        StandardExclusion.FORCE_MAJEURE), ["Standard exclusion removed: Force majeure"]),
    "exclusions reordered": (lambda p: p.exclusions.standard.reverse(), []),
    "own exclusion": (lambda p: p.exclusions.custom.append("Faults of leased lines."),
                      ["Exclusion added: Faults of leased lines."]),
}


@pytest.mark.parametrize("name", list(LISTS_CHANGED))
def test_list_items_are_matched_by_identity(name: str) -> None:
    """A renamed or moved item is one change, not a removal and an addition."""
    edit, expected = LISTS_CHANGED[name]
    assert lines(edit) == expected


def test_a_renamed_contact_with_a_new_email_is_still_one_contact() -> None:
    """A contact whose name and email both changed is matched by what stayed."""
    def edit(project: Project) -> None:
        project.contacts[2].name = "Ana Ortega"
        project.contacts[2].email = "ana@harborbakery.example"

    assert lines(edit) == [
        "Contact renamed: Luis Ortega → Ana Ortega",
        "Ana Ortega: email luis@harborbakery.example → ana@harborbakery.example"]


def test_unrelated_contacts_are_not_taken_for_a_renamed_one() -> None:
    """One contact leaving and another arriving reads as that, not as a rename."""
    def edit(project: Project) -> None:
        project.contacts[1] = Contact(name="Sam Lee", party=PartyRole.PROVIDER,
                                      role="Engineer", email="sam@northwind-it.example",
                                      phone="+1 503 555 0142")

    assert lines(edit) == ["Contact removed: Dana Whitfield", "Contact added: Sam Lee"]


# where each change leads -------------------------------------------------------------------
def test_each_change_names_its_step_and_field() -> None:
    """Clicking a change in the Compare dialog goes to its step and field."""
    def edit(project: Project) -> None:
        project.services.append(Service(id="print", name="Printing"))
        project.services.pop(1)
        project.metrics[0].target = Decimal("99.9")
        project.severity_levels[0].response_minutes = 15
        project.termination.cure_days = 14

    found = {(c.kind, c.step, c.loc) for c in changed(edit)}
    assert found == {
        (ChangeKind.ADDED, Step.SERVICES, ("services", 2)),
        (ChangeKind.REMOVED, Step.SERVICES, ("services",)),
        (ChangeKind.CHANGED, Step.METRICS, ("metrics", 0, "target")),
        (ChangeKind.CHANGED, Step.METRICS, ("severity_levels", 0, "response_minutes")),
        (ChangeKind.CHANGED, Step.TERMINATION, ("termination", "cure_days")),
    }


def test_changes_come_in_the_order_of_the_steps() -> None:
    def edit(project: Project) -> None:
        project.termination.cure_days = 14
        project.agreement.title = "New title"
        project.contacts[0].phone = "+1 503 555 0199"

    steps = [change.step for change in changed(edit)]
    assert steps == [Step.BASICS, Step.STAKEHOLDERS, Step.TERMINATION]
    grouped = changes_by_step(changed(edit))
    assert list(grouped) == [Step.BASICS, Step.STAKEHOLDERS, Step.TERMINATION]
    assert changed(edit)[0].path == "agreement.title"


def test_no_change_no_line() -> None:
    project = load_project(US_EXAMPLE)
    assert compare_projects(project, project.model_copy(deep=True)) == []


# the interface language ---------------------------------------------------------------------
def test_numbers_money_and_durations_follow_the_interface_language() -> None:
    """Under a German interface, 99,95 % and 1.300,00 $, 45 Tage."""
    def edit(project: Project) -> None:
        project.metrics[0].target = Decimal("99.95")
        project.services[0].monthly_fee = Decimal("1300")
        project.service_credits.claim_window_days = 45
        project.severity_levels[1].response_minutes = 90

    text = "\n".join(lines(edit, "de"))
    assert "99,5 % → 99,95 %" in text
    assert "1.250,00 $ → 1.300,00 $" in text
    assert "30 Tage → 45 Tage" in text
    assert "1 Stunde → 1 Stunde 30 Minuten" in text


# names for every field, now and later -------------------------------------------------------
def test_every_field_has_a_human_name() -> None:
    """A field added to the model without a name here fails this test (it
    would show as its key: "Schedule › night shift")."""
    assert unnamed_fields() == []
    assert set(Project.model_fields) <= set(STEPS)
    patterns = {pattern for pattern, _kind in field_patterns()}
    assert set(FIELD_NAMES) <= patterns, "names for fields the model no longer has"
    assert set(LISTS) <= patterns, "rules for lists the model no longer has"


class _Grown(Project):
    """A project of a later edition, with a field this one has no name for."""

    night_shift: bool = False


def test_a_new_field_shows_with_a_name_made_from_its_key() -> None:
    """A field a later edition adds is compared at once, named after its key,
    and the naming test notices it."""
    assert unnamed_fields(_Grown) == [("night_shift",)]
    old = _Grown.model_validate(load_project(US_EXAMPLE).to_data())
    new = old.model_copy(update={"night_shift": True})
    (change,) = compare_projects(old, new, "en")
    assert change.text == "Night shift: no → yes"
    assert change.step is Step.REVIEW


def test_keys_a_newer_edition_wrote_are_compared_too() -> None:
    """Unknown keys kept from a newer file show as changes under their key."""
    data = load_project(US_EXAMPLE).to_data()
    old = Project.model_validate(data)
    data["schedule"]["night_shift"] = True
    new = Project.model_validate(data)
    (change,) = compare_projects(old, new, "en")
    assert change.text == "Schedule › night shift: (none) → yes"
    assert change.step is Step.SCHEDULE


# the document version ------------------------------------------------------------------------
@pytest.mark.parametrize(("version", "following"), [
    ("1.0", "1.1"), ("2.9", "2.10"), (" 3.4 ", "3.5"), ("1", None), ("v1.0", None),
    ("1.0-draft", None), ("", None)])
def test_the_next_document_version(version: str, following: str | None) -> None:
    assert next_document_version(version) == following


def test_a_changed_draft_with_the_old_version_gets_a_suggestion() -> None:
    """Sending 1.0 twice with different terms is what the suggestion prevents."""
    old = load_project(US_EXAMPLE)
    new = old.model_copy(deep=True)
    new.service_credits.claim_window_days = 45
    changes = compare_projects(old, new)
    assert version_to_raise(old, new, changes) == "1.1"
    new.agreement.document_version = "1.1"
    assert version_to_raise(old, new, compare_projects(old, new)) is None
    assert version_to_raise(old, old, []) is None
