"""The reference page of the values a Word template may use, generated from
the context the contract is rendered with.

The names, kinds and examples come from
:func:`wizard.core.contract.build_context` (on the example projects and
presets, the same samples :mod:`wizard.core.template_check` accepts); only
the meanings are written here, and a test fails when a value has none or a
meaning outlives its value. Write the page again after changing the
context::

    python -m wizard.core.template_reference          # writes templates/VARIABLES.md
    python -m wizard.core.template_reference --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wizard.core.contract import build_context
from wizard.core.project_file import load_project
from wizard.core.template_check import sample_projects
from wizard.paths import examples_dir, templates_dir

EXAMPLE_PROJECT = "msp-it-support.slaproj"
"""The example whose values illustrate the page."""

DESCRIPTIONS: dict[str, str] = {
    "locale": "The contract's language and country code.",
    "branding": "The project's look (Appearance step).",
    "branding.logo": "The project's logo as a picture, ready to print with `{{ branding.logo }}` "
                     "in a paragraph of its own; nothing when the project has no logo.",
    "branding.accent_colour": "The accent colour chosen for headings and table headers, "
                              "`#RRGGBB`; empty for the template's own.",
    "branding.body_font": "The body font chosen; empty for the template's own.",
    "agreement": "The agreement itself (Basics step).",
    "agreement.title": "The agreement's title.",
    "agreement.reference": "The agreement's reference number.",
    "agreement.version": "The document version.",
    "agreement.effective_date": "The date the agreement takes effect, written out in full.",
    "agreement.type": "The kind of agreement, as a word.",
    "agreement.scope": "A sentence saying what the kind of agreement covers.",
    "agreement.purpose": "The purpose the user wrote.",
    "agreement.internal": "Whether the agreement is between two departments of one "
                          "organisation (no payments, no service credits).",
    "definitions": "The defined terms, the user's and the standard ones, in alphabetical order.",
    "definitions[].term": "The term.",
    "definitions[].definition": "What it means.",
    "provider": "The party providing the services (Parties step).",
    "customer": "The party receiving the services (Parties step).",
    "contacts": "Everyone named on the Stakeholders step.",
    "contacts[].name": "The contact's name.",
    "contacts[].party": "The name of the party the contact works for.",
    "contacts[].role": "The contact's role.",
    "contacts[].email": "E-mail address.",
    "contacts[].phone": "Telephone number.",
    "contacts[].responsibilities": "What the contact is responsible for, one item per line.",
    "contacts[].escalation_level": "The contact's escalation level as a number; 0 when the "
                                   "contact is not on the escalation path.",
    "escalation": "The escalation path, lowest level first.",
    "escalation[].level": "The level, as a number in words of the contract's language.",
    "escalation[].contacts": "The contacts at this level, as a list in words.",
    "services": "The services the agreement covers (Services step).",
    "services[].id": "The service's short identifier.",
    "services[].name": "The service's name.",
    "services[].description": "What the service is.",
    "services[].included": "What the service includes.",
    "services[].excluded": "What it does not include.",
    "services[].dependencies": "What the service depends on.",
    "services[].customer_responsibilities": "What the customer must do for this service.",
    "services[].fee": "The monthly fee, as money; empty when there is none.",
    "total_fee": "The sum of the monthly fees, when more than one service has a fee.",
    "schedule": "When the services are available and supported (Availability schedule step).",
    "schedule.timezone": "The time zone the hours are given in.",
    "schedule.rows": "One row per weekday, Monday first.",
    "schedule.rows[].day": "The weekday.",
    "schedule.rows[].coverage": "The coverage hours that day (\"all day\", \"closed\" or "
                                "times).",
    "schedule.rows[].support": "The support hours that day.",
    "schedule.coverage_always": "Whether the services are covered around the clock.",
    "schedule.levels_in_coverage": "Whether there are service levels and every one is "
                                   "measured during the coverage hours.",
    "schedule.support_hours": "Whether the agreement promises support hours at all (else "
                              "the rows' support hours are not to be shown).",
    "schedule.holidays_excluded": "Whether public holidays are outside the coverage hours.",
    "schedule.holiday_region": "Whose public holidays count.",
    "schedule.calendars": "The named calendars (other hours, as \"Phone support\"), each "
                          "with its hours per weekday; empty when there are none.",
    "schedule.calendars[].name": "The calendar's name.",
    "schedule.calendars[].title": "The sentence that introduces its hours.",
    "schedule.calendars[].rows": "One row per weekday, Monday first.",
    "schedule.calendars[].rows[].day": "The weekday.",
    "schedule.calendars[].rows[].hours": "The calendar's hours that day (\"all day\", "
                                         "\"closed\" or times).",
    "schedule.calendar_holidays": "The sentence on public holidays under the named "
                                  "calendars; empty without any.",
    "schedule.maintenance": "The regular maintenance windows.",
    "schedule.maintenance[].day": "The weekday of the window, as written inside a sentence.",
    "schedule.maintenance[].start": "When it starts.",
    "schedule.maintenance[].duration": "How long it lasts.",
    "schedule.maintenance[].text": "The whole window as one item (\"Sunday from 2:00 AM, "
                                   "for up to 3 hours\").",
    "schedule.notice": "How long before other maintenance the customer is told.",
    "schedule.max_maintenance": "The most maintenance in a month.",
    "metrics": "The service levels (Service levels step).",
    "metrics[].name": "The service level's name.",
    "metrics[].service": "The name of the service it applies to (\"All services\" for all).",
    "metrics[].target": "The target, with at least / at most.",
    "metrics[].period": "How often it is measured (\"per month\" …).",
    "metrics[].measured_during": "When it is measured (\"during coverage hours\" …).",
    "metrics[].measurement": "How it is measured.",
    "metrics[].baseline": "The level measured before the agreement; empty when not known.",
    "metrics[].allowed_downtime": "For availability in percent: the downtime the target "
                                  "allows in each period; empty otherwise.",
    "metrics[].owed_by_customer": "Whether the Customer, not the Provider, meets this level.",
    "provider_metrics": "The service levels the Provider meets (fields as in metrics).",
    "customer_metrics": "The service levels the Customer meets (fields as in metrics): an "
                        "internal agreement's commitments of the other side; often empty.",
    "commitment_notes": "For each party, the levels it promises otherwise than the "
    "agreement says.",
    "commitment_notes.provider": "The sentence naming the Provider's levels promised "
    "otherwise than the agreement says (firmly, or as efforts only); empty when none.",
    "commitment_notes.customer": "The same for the Customer's levels.",
    "resolution_by_efforts": "Whether the resolution times are objectives the Provider uses "
    "commercially reasonable efforts to meet (the response times stay firm).",
    "reasonable_efforts": "Whether the levels are promised as commercially reasonable efforts "
                          "rather than outright.",
    "downtime": "The availability targets again, with the downtime each allows.",
    "downtime[].name": "The service level's name.",
    "downtime[].target": "The target, as a percentage.",
    "downtime[].period": "The period (\"month\" …).",
    "downtime[].measured_during": "When it is measured.",
    "downtime[].measured_minutes": "The Eligible Minutes of the period the allowance names "
                                   "(before holidays and maintenance).",
    "downtime[].allowed": "The downtime allowed in the period the allowance names, to the "
                          "second (\"about\" when rounded).",
    "downtime[].reference": "The period the allowance names (\"in a month of 30 days\", "
                            "\"in a month of 214 Coverage Hours\").",
    "downtime[].method": "How the level counts downtime: to the second, or in sampled "
                         "intervals of which a failed one counts whole.",
    "downtime[].allowance": "What the target allows in the period it names (failed intervals "
                            "for a sampled level).",
    "downtime[].sentence": "The method and the allowance together, as the standard template "
                           "prints them.",
    "convention": "An average month, quarter and year in minutes (365.25 days a year), for "
                  "templates written before the calendar-month rule; the standard template "
                  "no longer prints them.",
    "convention.year_days": "Days in the year of the convention (365.25), as the locale writes it.",
    "convention.month": "Minutes in a month.",
    "convention.quarter": "Minutes in a quarter.",
    "convention.year": "Minutes in a year.",
    "severity_levels": "The severity levels of incidents and their targets.",
    "severity_levels[].id": "The level's short identifier (P1 …).",
    "severity_levels[].name": "The level's name.",
    "severity_levels[].definition": "What makes an incident this severe.",
    "severity_levels[].response": "The response time.",
    "severity_levels[].resolution": "The resolution time (or \"no fixed target\").",
    "severity_levels[].measured_during": "When the times run.",
    "customer_groups": "The customer groups of a multi-level agreement (Service levels step).",
    "customer_groups.included": "Whether the agreement has customer groups: more than one "
                                "level of terms.",
    "customer_groups.groups": "Each customer group, in the order the project lists them.",
    "customer_groups.groups[].name": "The group's name.",
    "customer_groups.groups[].description": "Who belongs to the group; empty when not said.",
    "customer_groups.groups[].sentence": "The group's name and who belongs to it, as a "
                                         "sentence.",
    "customer_groups.rows": "Each service level, with its target for the whole organisation "
                            "and for each group.",
    "customer_groups.rows[].name": "The service level's name.",
    "customer_groups.rows[].organisation": "Its target for the whole organisation "
                                           "(\"at least 99.5%\").",
    "customer_groups.rows[].targets": "Its target for each group, in the order of "
                                      "`customer_groups.groups`, inherited targets included.",
    "customer_groups.credits": "The credit tiers a group has of its own, one item each.",
    "customer_groups.credits[].group": "The group, in quotation marks.",
    "customer_groups.credits[].metric": "The service level the tiers are for, in quotation "
                                        "marks.",
    "customer_groups.credits[].tiers": "The group's tiers, as `credits.tiers`.",
    "customer_groups.credits[].tiers[].measured": "The band (\"below 99.5%, down to 99%\").",
    "customer_groups.credits[].tiers[].credit": "The credit, as a percentage of the monthly "
                                                "fee.",
    "customer_groups.downtime": "The allowed downtime of each availability target a group has "
                                "of its own, as sentences.",
    "credits": "Service credits (Service credits step). Only `credits.enabled` is there when "
               "the project has none.",
    "credits.enabled": "Whether the agreement grants service credits.",
    "credits.metric": "The service level the credits are for, in quotation marks.",
    "credits.tiers": "The credit for each band of the measured level, highest band first.",
    "credits.tiers[].measured": "The band (\"below 99.5%, down to 99%\").",
    "credits.tiers[].credit": "The credit, as a percentage of the monthly fee.",
    "credits.cap": "The most credit in a month, as a percentage; empty for no cap.",
    "credits.claim_window": "How long the customer has to claim a credit.",
    "credits.sole_remedy": "Whether credits are the customer's only remedy for a miss.",
    "credits.example": "A worked example of a credit; nothing when the project has no fee "
                       "to work it out on.",
    "credits.example.measured": "The level measured in the example.",
    "credits.example.percent": "The credit due, as a percentage.",
    "credits.example.fee": ("The monthly fee in the example: the fees of the services the "
                           "credited level covers."),
    "credits.example.amount": "The credit due, as money.",
    "credits.minimum": "The least credit due under the first schedule, as money; empty for none.",
    "credits.schedules": "The further credit schedules (and the first, when it is not by tiers), "
                         "each with its own figures.",
    "credits.schedules[].tiers": "Its tiers, as `credits.tiers`; empty when it is not by tiers.",
    "credits.schedules[].tiers[].measured": "The band (\"below 99.5%, down to 99%\").",
    "credits.schedules[].tiers[].credit": "The credit, as a percentage of the monthly fee.",
    "credits.schedules[].per_miss": "Whether it credits each missed response of a severity level.",
    "credits.schedules[].hourly": "Whether it credits each hour of downtime at a rate.",
    "credits.schedules[].prorated": "Whether it credits the downtime prorated from the fee.",
    "credits.schedules[].multiple": "How many times the downtime it credits, prorated from the "
                                    "fee; empty for the other kinds.",
    "credits.schedules[].metric": "The service level it measures, in quotation marks; empty "
                                  "for missed responses.",
    "credits.schedules[].severity": "The severity level whose missed responses it credits, in "
                                    "quotation marks.",
    "credits.schedules[].percent": "The credit for each missed response, as a percentage.",
    "credits.schedules[].rate": "The credit for each hour of downtime, as money.",
    "credits.schedules[].month": "The minutes of a month the downtime is prorated on.",
    "credits.schedules[].example": "A worked example of the schedule, as a sentence; empty "
                                   "when the project has no fee to work it on.",
    "credits.schedules[].minimum": "The least credit due under it, as money; empty for none.",
    "credits.schedules[].cap": "The most it credits in a month, as a percentage; empty for "
                               "no cap.",
    "credits.yearly_cap": "The most credit in twelve consecutive months, as a percentage of "
                          "their fees; empty for no such cap.",
    "credits.yearly_cap_amount": "The same cap as money; empty for none.",
    "credits.automatic": "Whether credits are given without a claim, the charge waived on the "
                         "next invoice.",
    "credits.refund_at_end": "Whether credits not yet set off are refunded when the agreement "
                             "ends.",
    "credits.claim": "The claim procedure; nothing when the agreement sets none out.",
    "credits.claim.channel": "Where claims are sent; empty when not said.",
    "credits.claim.contents": "What a claim contains, item by item.",
    "credits.claim.deadline": "How long after the month a claim may be made (\"30 days\", "
                              "\"2 billing cycles\").",
    "credits.claim.answer": "How long the provider has to accept or reject a claim; empty "
                            "when not set.",
    "credits.claim.issue_days": "Within how long of acceptance the credit is issued; empty "
                                "when it is set off against the next invoice.",
    "credits.claim.last_month_refunded": "Whether a credit for the last month of the term is "
                                         "refunded (else it lapses).",
    "reporting": "Reports and reviews (Reporting and review step).",
    "reporting.frequency": "How often the provider reports (\"every month\" …).",
    "reporting.included": "Whether the agreement has a reporting and review clause.",
    "reporting.recipient": "Who receives the report.",
    "reporting.contents": "What the report holds.",
    "reporting.review_frequency": "How often the parties review the agreement; empty when "
    "they agree no reviews.",
    "reporting.reviews": "Whether the parties review the agreement at set intervals.",
    "reporting.baseline_review": "Whether the targets are reviewed against the baselines.",
    "exclusions": "Everything the service levels do not cover, as sentences (Exclusions step).",
    "downtime_counted": "Whether the contract counts Downtime (a level of availability, the "
                        "measurement terms or the emergency maintenance limit), and so "
                        "defines it.",
    "exclusions_clause": "Whether the agreement has an exclusions clause.",
    "sections": "The number of each section of the standard template, for cross-references "
                "(a section the agreement leaves out takes no number; a template that orders "
                "its sections differently numbers them itself).",
    **{f"sections.{name}": f"The number of the {title} section." for name, title in (
        ("purpose", "purpose and scope"), ("definitions", "definitions"),
        ("stakeholders", "stakeholders (and escalation path)"), ("services", "services"),
        ("schedule", "availability schedule"), ("service_levels", "service levels"),
        ("credits", "service credits"), ("reporting", "reporting and review"),
        ("exclusions", "exclusions"), ("termination", "term and termination"),
        ("signatures", "signatures"))},
    "sections.escalation": "The number of the escalation path subsection of the stakeholders "
                           "section.",
    "sections.availability": "The number of the availability and allowed downtime "
                             "subsection of the service levels section.",
    "sections.severity": "The number of the severity levels subsection of the service levels "
                         "section.",
    "sections.groups": "The number of the service levels by customer group subsection of the "
                       "service levels section.",
    "sections.measurement": "The number of the measurement and incidents subsection of the "
                            "service levels section.",
    "sections.maintenance": "The number of the maintenance subsection of the schedule section.",
    "signatories_named": "Whether both parties name a signatory.",
    "stakeholders_section": "Whether the contract has its contacts section (always with "
    "contacts; without them unless the agreement leaves it out).",
    "credits_section": "Whether the contract has its service credits section (always with "
    "credits; without them unless the agreement leaves out the clause that none apply).",
    "termination.convenience_clause": "Whether the agreement says if it may be ended for "
    "convenience.",
    "termination.rights": "Whether a party has a right to end the agreement early (for "
    "convenience, chronic failure or breach).",
    "termination": "Term and termination (Termination step).",
    "termination.fixed_term": "Whether the agreement runs for a term (else the term fields "
                              "do not apply).",
    "termination.while_used": "Whether it is in force as long as the services are used.",
    "termination.until_replaced": "Whether it is in force until a revised agreement "
                                  "replaces it.",
    "termination.initial_term": "The initial term.",
    "termination.auto_renew": "Whether the agreement renews by itself.",
    "termination.renewal_term": "The length of each renewal.",
    "termination.notice": "The notice to end the agreement at the end of a term; empty when "
                          "none is needed.",
    "termination.for_convenience": "The notice to end it at any time; empty when not allowed "
                                   "or allowed with immediate effect.",
    "reworded": "For each clause of the standard template reworded with its defined terms "
                "capitalised, whether the contract's language has the new wording yet.",
    **{f"reworded.{key}": "Whether the contract's language has this reworded clause."
       for key in ("schedule_both", "schedule_coverage", "holidays_both_region",
                   "holidays_both", "holidays_on_both", "holidays_coverage_region",
                   "holidays_coverage", "holidays_on_coverage", "exclusions_intro")},
    "termination.written_notice": "The notice to end it at the end of a term as a phrase "
                                  "(\"30 days’ written notice\"); empty when none is needed.",
    "termination.for_convenience_notice": "The notice to end it at any time as a phrase "
                                          "(\"1 day’s written notice\"); empty as above.",
    "termination.for_convenience_at_once": "Whether either party may end it at any time "
                                           "with immediate effect.",
    "termination.chronic_failure": "When repeated misses let the customer end the agreement "
                                   "(\"in 3 consecutive months …\"); empty when never.",
    "termination.chronic_levels": "The service levels whose misses count for chronic failure, "
                                  "quoted and joined with \"or\"; empty when every level "
                                  "counts.",
    "termination.chronic_notice": "The time the customer has, after the month that meets the "
                                  "chronic-failure condition, to use the right (\"30 days\"); "
                                  "empty when no limit is set.",
    "termination.cure": "The time allowed to remedy a breach; empty when none is set.",
    "termination.data_return": "How long the customer has to get their data back; empty when "
                               "not set.",
    "termination.amendments": "How the agreement may be changed.",
    "measurement_terms": "What Downtime, a response and a resolution mean and who assigns "
                         "severity, as sentences; empty unless the project includes them "
                         "(Service levels step).",
    "maintenance_rules": "How maintenance is announced and what emergency maintenance may "
                         "take, as sentences; empty unless included (Availability schedule "
                         "step).",
    "commercial": "Payment, taxes, price changes, liability and data protection, as "
                  "sentences; empty unless the commercial terms are included (Termination "
                  "step).",
    "report_mechanics": "When reports are due and how the customer objects, as sentences; "
                        "empty unless the reporting clause sets them (Reporting step).",
    "general": "Master agreement, notices, entire agreement, severability, governing law, "
               "courts and signing in counterparts, as sentences; empty unless the legal frame "
               "is included (Termination step).",
    "signing": "Signing formalities (Termination step).",
    "signing.included": "Whether the project asks for signing formalities.",
    "signing.place": "Where and in how many originals the agreement is signed, as a "
                     "sentence; empty unless included.",
    "signing.onerous": "In Italian contracts, the customer's specific approval of onerous "
                       "clauses under articles 1341 and 1342 of the Civil Code; empty "
                       "elsewhere.",
    "signing.place_named": "Whether the place of signing is named (the signature lines then "
                           "ask only for the date).",
    "signing.witnesses": "Whether two witnesses sign (Brazilian contracts).",
}
"""What each value means; a party's fields are described once, below."""

_PARTY_FIELDS: dict[str, str] = {
    "name": "The party's name.",
    "is_department": "Whether the party is a department rather than a company.",
    "address": "The postal address, over several lines.",
    "registration": "The company registration number; empty when not given.",
    "role_label": "How the contract calls the party (“the Provider”, “the Customer”).",
    "signatory": "Who signs for the party.",
    "signatory.name": "The signatory's name.",
    "signatory.title": "The signatory's title.",
    "signatory.email": "The signatory's e-mail address.",
}
for _party in ("provider", "customer"):
    for _name, _text in _PARTY_FIELDS.items():
        DESCRIPTIONS[f"{_party}.{_name}"] = _text
for _owner in ("provider_metrics",):  # customer_metrics: no sample has any
    for _path, _text in list(DESCRIPTIONS.items()):
        if _path.startswith("metrics[]."):
            DESCRIPTIONS[_owner + _path.removeprefix("metrics")] = _text

_OPTIONAL = "may be nothing"

KINDS: dict[str, str] = {"branding.logo": "picture, " + _OPTIONAL}
"""Kinds the samples cannot show (the logo is put in while rendering)."""

INTRODUCTION = """\
# The values a contract template may use

Generated by `python -m wizard.core.template_reference` from the values the
contract is made with; do not edit it by hand.

A contract template is a Word document (`.docx`) with fields in it, written
the way [docxtpl](https://docxtpl.readthedocs.io) reads them. The easiest
start is the standard template: in SLA Wizard, on the Appearance step, choose
**Export the standard template…**, restyle it in Word (fonts, colours,
headings, your letterhead), keep the fields, and add it with **Add a
template…**.

## How fields are written

- `{{ agreement.title }}` prints a value. Every value is already written for
  the contract's language: dates, money, percentages, durations and lists
  come out as words, so no formatting filter is needed. What the user typed
  is printed as typed, never read as template code.
- `{% if agreement.purpose %}…{% endif %}` keeps text only when a value is
  there (an empty text, an empty list and "no" count as not there).
- `{% for s in services %}…{{ s.name }}…{% endfor %}` repeats text for each
  item of a list. Inside, `loop.index` counts from 1, and `loop.first` and
  `loop.last` say where the loop is.
- docxtpl's own tags work on whole paragraphs, table rows, cells and runs:
  `{%p if … %}`, `{%tr for … %}`, `{%tc … %}`, `{%r … %}`.
- Clause text is translated into the contract's language when it is written
  as `{{ _("The Provider shall …") }}`; with values in it,
  `{{ _("within %(days)s", days=termination.notice) }}`; and with a number
  that decides the plural, `{{ ngettext("%(num)s month", "%(num)s months", n) }}`.
  A text that is not in the clause catalogs is printed as written.
- Jinja's own filters and tests (`upper`, `default`, `length` …) and its
  globals (`range`, `loop`, `namespace` …) may be used, and so may the
  methods that read text, lists and groups (`s.name.upper()`,
  `provider.items()`, `"{} and {}".format(a, b)`).

## What a template may not do

A template is checked when it is added and before every contract. A contract
is not made when the template has an error in its fields (a tag that is not
closed, a filter that does not exist), uses a value that is not listed
below, reaches past the values into the program (anything starting with an
underscore, such as `__class__`, or any method but those that read text,
lists and groups), or tries to read another file (`{% include %}`,
`{% import %}`, `{% extends %}`). The message names the template and quotes
the text around the problem.

Every check and contract is made in a separate process with limits: a
template that computes for more than 20 seconds, runs for more than 30, or
needs more than 1 GB of memory (a loop over huge ranges, text doubled again
and again, a number with thousands of digits) is stopped, and the message
says which limit it reached.

## The values

Types: *text* is printed as it is; *yes/no* is for `{% if %}`; a *list* is
for `{% for %}` (its items' fields are listed under it, written `list[].field`);
a *group* holds the fields listed under it. The examples are the values of
the example project "Managed IT Support" in American English.
"""


def _kind(values: list[Any]) -> str:
    """The kind of a value, over every sample's value of it."""
    present = [v for v in values if v is not None]
    kinds: list[str] = []
    if all(isinstance(v, bool) for v in present) and present:
        kinds.append("yes/no")
    elif present and all(isinstance(v, dict) for v in present):
        kinds.append("group")
    elif present and all(isinstance(v, list) for v in present):
        items = [item for v in present for item in v]
        if items and all(isinstance(item, dict) for item in items):
            kinds.append("list")
        else:
            kinds.append("list of texts")
    elif present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        kinds.append("number")
    else:
        kinds.append("text")
    if len(present) < len(values) or not present:
        kinds.append(_OPTIONAL)
    return ", ".join(kinds)


def _collect(value: Any, path: str, into: dict[str, list[Any]]) -> None:
    if isinstance(value, dict):
        for name, child in value.items():
            child_path = f"{path}.{name}" if path else str(name)
            into.setdefault(child_path, []).append(child)
            _collect(child, child_path, into)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                _collect(item, path + "[]", into)


def context_values() -> dict[str, list[Any]]:
    """Every value a template may use, by path, with its value in each sample."""
    found: dict[str, list[Any]] = {}
    for project in sample_projects():
        _collect(build_context(project, "en_US"), "", found)
    return found


def _first(value: Any, path: str) -> Any:
    """The value at ``path`` in ``value``, through the first item of lists."""
    for name in path.replace("[]", "").split("."):
        while isinstance(value, list):
            value = next((item for item in value if isinstance(item, dict)), None)
        if not isinstance(value, dict):
            return None
        value = value.get(name)
    return value


def _example(value: Any, kind: str) -> str:
    if kind.startswith(("group", "list")) and not kind.startswith("list of texts"):
        return ""
    if value is None:
        return "*(nothing)*"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if not value:
            return "*(none)*"
        more = f" … ({len(value)} items)" if len(value) > 1 else ""
        return _cell(str(value[0]), limit=70) + more
    if value == "":
        return "*(empty)*"
    return _cell(str(value), limit=70)


def _cell(text: str, limit: int | None = None) -> str:
    """``text`` fit for a table cell: one line (line breaks shown as " / "),
    shortened to ``limit`` characters."""
    flat = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    if limit is not None and len(flat) > limit:
        flat = flat[:limit - 1].rstrip() + "…"
    return flat.replace("|", "\\|")


def _rows(paths: list[str], values: dict[str, list[Any]], example: dict[str, Any]) -> Iterator[str]:
    for path in paths:
        kind = KINDS.get(path) or _kind(values[path])
        yield (f"| `{path}` | {kind} | {_cell(DESCRIPTIONS.get(path, ''))} | "
               f"{_example(_first(example, path), kind)} |")


def reference_markdown() -> str:
    """The whole reference page."""
    values = context_values()
    example = build_context(load_project(examples_dir() / EXAMPLE_PROJECT), "en_US")
    lines = [INTRODUCTION]
    top = [path for path in values if "." not in path and "[]" not in path]
    for name in top:
        lines.append(f"### `{name}`\n")
        lines.append("| Value | Type | Meaning | Example |")
        lines.append("|---|---|---|---|")
        below = [p for p in values if p == name or p.startswith((name + ".", name + "[]"))]
        lines.extend(_rows(below, values, example))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def reference_path() -> Path:
    return templates_dir() / "VARIABLES.md"


def undescribed() -> list[str]:
    """Values with no meaning written for them."""
    return [path for path in context_values() if path not in DESCRIPTIONS]


def stale_descriptions() -> list[str]:
    """Meanings written for values the contract no longer has."""
    values = context_values()
    return [path for path in DESCRIPTIONS if path not in values]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wizard.core.template_reference",
        description="Write templates/VARIABLES.md, the values a contract template may use.")
    parser.add_argument("--check", action="store_true",
                        help="only say whether the committed page is up to date")
    args = parser.parse_args(argv)
    missing = undescribed()
    if missing:
        print("describe these values in DESCRIPTIONS first: " + ", ".join(missing),
              file=sys.stderr)
        return 1
    text = reference_markdown()
    target = reference_path()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is out of date: run python -m wizard.core.template_reference",
                  file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
