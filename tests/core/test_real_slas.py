"""Seven published SLAs written as projects (resources/examples/real/): five
providers' own, a managed IT provider's and an internal help desk's. Each opens,
reopens equal once saved, passes the checks, and its contract, in English and in
German, reads back every term the project models, with the figures worked out
by hand here; the clauses the source does not have (reporting, support hours, a
fixed term that renews, severity levels, exclusions) are not in it.

The German contracts are read for what the program formats itself (numbers,
percentages, money, days, the effective date): the catalogs may not yet hold
the newest clauses, which then still read in English."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from docx_reading import ContractText, read_contract
from example_paths import EXAMPLES, ROOT

from wizard.core.checks import Severity, check_project
from wizard.core.model import Project
from wizard.core.project_file import load_project, project_from_bytes, project_to_bytes
from wizard.core.render import render_contract

REAL = ROOT / "resources" / "examples" / "real"
GOOGLE = REAL / "google-compute-engine.slaproj"
GITHUB = REAL / "github-enterprise-cloud.slaproj"
MICROSOFT = REAL / "microsoft-online-services.slaproj"
ATLASSIAN = REAL / "atlassian-cloud.slaproj"
CLOUDFLARE = REAL / "cloudflare-enterprise.slaproj"
SAFEPOINT = REAL / "safepoint-it-msp.slaproj"
HELP_DESK = REAL / "internal-it-help-desk.slaproj"
SOURCES = {
    GOOGLE: "https://cloud.google.com/compute/sla",
    GITHUB: "https://docs.github.com/en/site-policy/site-policy-deprecated/"
            "github-enterprise-service-level-agreement",
    MICROSOFT: "https://www.microsoft.com/licensing/docs/view/"
               "Service-Level-Agreements-SLA-for-Online-Services",
    ATLASSIAN: "https://www.atlassian.com/legal/sla",
    CLOUDFLARE: "https://www.cloudflare.com/enterprise-support-sla/",
    SAFEPOINT: "https://www.safepointit.com/service-level-agreement",
    HELP_DESK: "https://www.givainc.com/resources/wp/sample-it-help-desk-service-level-agreement-sla/",
}
PROVIDERS = {GOOGLE: "Google LLC", GITHUB: "GitHub, Inc.", MICROSOFT: "Microsoft Corporation",
             ATLASSIAN: "Atlassian Pty Ltd", CLOUDFLARE: "Cloudflare, Inc.",
             SAFEPOINT: "Premier Hosting, Inc., d/b/a SafePoint IT",
             HELP_DESK: "Northgate Mutual IT Help Desk"}
REAL_SLAS = list(SOURCES)



@cache
def contract(path: Path, locale: str) -> ContractText:
    return read_contract(render_contract(load_project(path), locale))


def spaced(words: str) -> str:
    """No-break spaces (before a unit, inside "8:30 AM") read as spaces."""
    return words.replace("\u00a0", " ").replace("\u202f", " ")


def text(path: Path, locale: str = "en_US") -> str:
    """The contract as a reader sees it, a no-break space as a space."""
    return spaced(contract(path, locale).text)


def row(path: Path, first_cell: str, locale: str = "en_US") -> list[str]:
    """The table row whose first cell reads ``first_cell``."""
    rows = [r for table in contract(path, locale).tables for r in table if r[0] == first_cell]
    assert len(rows) == 1, first_cell
    return [spaced(cell) for cell in rows[0]]


def section(path: Path, heading: str, locale: str = "en_US") -> str:
    """The section from ``# heading`` to the next heading."""
    lines = text(path, locale).splitlines()
    start = lines.index(f"# {heading}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("#"))
    return "\n".join(lines[start:end])


def assert_absent_clauses(path: Path) -> None:
    """What none of the five providers' own SLAs has: a reporting clause, support hours,
    severity levels, maintenance windows, or a fixed term that renews."""
    english = text(path)
    assert "# Reporting and review" not in english
    assert "# Severity levels" not in english
    assert "# Maintenance" not in english
    assert "Support Hours" not in english and "support hours" not in english
    term = section(path, "Term and termination")
    assert "initial term" not in term and "renews" not in term
    assert "remains in force for as long as the Customer uses the services." in term
    # none says how it may be ended early, returns data, names contacts
    assert "for convenience" not in term and "material breach" not in term
    assert "returns the Customer’s data" not in term
    assert "# Contacts and responsibilities" not in english
    assert "without prejudice to the rights to terminate" not in english
    assert "This is a service-based agreement" not in english


def test_the_real_slas_stay_out_of_the_examples_every_test_walks_through() -> None:
    assert sorted(REAL.glob("*.slaproj")) == sorted(REAL_SLAS)
    assert not [path for path in EXAMPLES if REAL in path.parents]


@pytest.mark.parametrize("path", REAL_SLAS, ids=lambda p: p.stem)
def test_each_opens_and_reopens_equal_once_saved(path: Path) -> None:
    project = load_project(path)
    reopened = project_from_bytes(project_to_bytes(project), path)
    assert reopened == project
    assert reopened.to_data() == project.to_data()


@pytest.mark.parametrize("path", REAL_SLAS, ids=lambda p: p.stem)
def test_each_passes_the_checks(path: Path) -> None:
    errors = [str(p) for p in check_project(load_project(path), path)
              if p.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("path", REAL_SLAS, ids=lambda p: p.stem)
def test_each_names_its_source_and_the_real_provider(path: Path) -> None:
    project: Project = load_project(path)
    assert project.agreement.purpose.startswith("Modelled on the ")
    assert f" as published at {SOURCES[path]}" in project.agreement.purpose
    assert project.parties.provider.name == PROVIDERS[path]
    assert "Modelled on the " in text(path)


def test_google_compute_engine_in_english() -> None:
    assert row(GOOGLE, "Monthly Uptime Percentage, Instances in Multiple Zones")[2:4] == [
        "at least 99.99%", "per month, at all times"]
    assert row(GOOGLE, "Monthly Uptime Percentage, A Single Instance")[2] == "at least 99.9%"
    assert row(GOOGLE, "Monthly Uptime Percentage, load balancing")[2] == "at least 99.99%"
    credits = section(GOOGLE, "Service credits")
    # the multi-zone and load-balancing schedules, then the single instance's
    assert credits.count("below 99.99%, down to and including 99.0% | 10%") == 2
    assert credits.count("below 99.0%, down to and including 95.0% | 25%") == 2
    assert credits.count("below 95.0% | 100%") == 2
    assert "below 99.9%, down to and including 95.0% | 10%" in credits
    assert "below 95.0%, down to and including 90.0% | 25%" in credits
    assert "below 90.0% | 100%" in credits
    # 98.7% is in the 25% tier of the multi-zone schedule: 25% of $4,000.00
    assert ("For example, at 98.7% the Customer receives 25% of a monthly fee of $4,000.00, "
            "that is $1,000.00.") in credits
    # the single instance's example falls in its second tier, 95% down to 90%: 25% of $500.00
    assert ("at 94.7% the Customer receives 25% of the monthly fees of the services "
            "concerned ($500.00), that is $125.00.") in credits
    assert ("The Customer sends a claim for a Service Credit to Google Cloud technical support "
            "within 60 days after the end of the month concerned.") in credits
    assert "Log files showing the Downtime Periods and the date and time they occurred." \
        in credits
    assert "The Provider issues an accepted credit within 60 days of accepting the claim." \
        in credits
    assert "sole and exclusive remedy" in credits
    assert "capped" not in credits  # the maximum credit was not modelled
    assert_absent_clauses(GOOGLE)
    assert "Quota limits that Google applies as part of normal operations." in text(GOOGLE)
    assert ("Monthly Uptime Percentage, A Single Instance is worked out for each instance "
            "separately") in text(GOOGLE)
    assert ("Monthly Uptime Percentage, Instances in Multiple Zones is worked out for each "
            "project and region separately") in text(GOOGLE)


def test_google_compute_engine_in_german() -> None:
    assert row(GOOGLE, "Monthly Uptime Percentage, Instances in Multiple Zones",
               "de_DE")[2].endswith("99,99 %")
    german = text(GOOGLE, "de_DE")
    for figure in ("unter 99,99 % bis einschließlich 99,0 % | 10 %", "unter 90,0 % | 100 %",
                   "4.000,00 $", "1.000,00 $", "94,7 %", "125,00 $", "500,00 $", "60 Tage",
                   "1. Januar 2027"):
        assert figure in german, figure


def test_github_enterprise_cloud_in_english() -> None:
    for name in ("Uptime", "Actions Uptime", "Packages Uptime"):
        assert row(GITHUB, name)[2:4] == ["at least 99.9%", "per quarter, at all times"]
    english = text(GITHUB)
    # a minute in which the error rate exceeds 5% is Downtime: checked intervals of a minute;
    # 0.1% of a quarter of 91 days (131,040 minutes) is 131.04, so 131 whole failed minutes
    assert ("Uptime is measured at all times in intervals of 1 minute, counted from the start "
            "of each month") in english
    assert "A target of 99.9% allows 131 failed intervals, that is 2 hours and 11 minutes of " \
        "Downtime, in a quarter of 91 days." in english
    credits = section(GITHUB, "Service credits")
    assert credits.count("below 99.9%, down to and including 99.0% | 10%") == 3
    assert credits.count("below 99.0% | 25%") == 3
    # 98.7% earns 25%: of $2,100.00, $600.00 and $300.00
    assert "25% of a monthly fee of $2,100.00, that is $525.00." in credits
    assert ("the Customer receives 25% of the monthly fees of the services "
            "concerned ($600.00), that is $150.00.") in credits
    assert ("the Customer receives 25% of the monthly fees of the services "
            "concerned ($300.00), that is $75.00.") in credits
    assert "Service Credits for any month are capped at 100% of that month’s fees." in credits
    assert "to GitHub Support, by written request within 30 days after the end of" in credits
    assert "lapses" in credits
    assert "sole and exclusive remedy" in credits
    assert "Failures resulting from the Customer's equipment, services or other technology." \
        in english
    assert_absent_clauses(GITHUB)


def test_github_enterprise_cloud_in_german() -> None:
    assert row(GITHUB, "Uptime", "de_DE")[2].endswith("99,9 %")
    german = text(GITHUB, "de_DE")
    for figure in ("unter 99,9 % bis einschließlich 99,0 % | 10 %", "unter 99,0 % | 25 %",
                   "2.100,00 $", "525,00 $", "150,00 $", "75,00 $", "100 %", "30 Tage"):
        assert figure in german, figure


def test_microsoft_online_services_in_english() -> None:
    for service in ("Exchange Online", "SharePoint Online", "Microsoft Teams"):
        level = row(MICROSOFT, f"Monthly Uptime Percentage, {service}")
        assert level[1:4] == [service, "at least 99.9%", "per month, at all times"]
        assert "User Minutes" in level[4]
    credits = section(MICROSOFT, "Service credits")
    assert credits.count("below 99.9%, down to and including 99.0% | 25%") == 3
    assert credits.count("below 99.0%, down to and including 95.0% | 50%") == 3
    assert credits.count("below 95.0% | 100%") == 3
    # 98.7% earns 50%: of $400.00, $250.00 and $350.00
    assert "50% of a monthly fee of $400.00, that is $200.00." in credits
    assert ("the Customer receives 50% of the monthly fees of the services "
            "concerned ($250.00), that is $125.00.") in credits
    assert ("the Customer receives 50% of the monthly fees of the services "
            "concerned ($350.00), that is $175.00.") in credits
    assert "capped at 100% of that month’s fees." in credits
    assert ("The Customer sends a claim for a Service Credit to Microsoft customer support "
            "within 1 billing cycle after the end of the month concerned.") in credits
    for item in ("A detailed description of the Incident.",
                 "Information about the time and duration of the Downtime.",
                 "The number and location(s) of affected users, if applicable."):
        assert item in credits
    assert "sole and exclusive remedy" in credits
    english = text(MICROSOFT)
    # scheduled downtime is announced five days (120 hours) ahead and is excluded
    assert "The Provider announces scheduled maintenance at least 120 hours in advance." \
        in english
    assert "Scheduled maintenance announced with the notice set out in section 4." in english
    assert "the version of this SLA current at the time of renewal applies" in english
    assert_absent_clauses(MICROSOFT)


def test_microsoft_online_services_in_german() -> None:
    german = text(MICROSOFT, "de_DE")
    for figure in ("unter 99,9 % bis einschließlich 99,0 % | 25 %", "unter 95,0 % | 100 %",
                   "400,00 $", "200,00 $", "125,00 $", "175,00 $", "120 Stunden"):
        assert figure in german, figure


def test_atlassian_cloud_in_english() -> None:
    for product in ("Jira Premium", "Confluence Premium"):
        level = row(ATLASSIAN, f"Monthly uptime percentage, {product}")
        assert level[1:4] == [product, "at least 99.9%", "per month, at all times"]
    english = text(ATLASSIAN)
    # a Downtime Minute is a minute with an error rate over 5%: 0.1% of 43,200 minutes
    assert "A target of 99.9% allows 43 failed intervals, that is 43 minutes of Downtime, in " \
        "a month of 30 days." in english
    credits = section(ATLASSIAN, "Service credits")
    assert credits.count("below 99.9%, down to and including 99.0% | 10%") == 2
    assert credits.count("below 99.0%, down to and including 95.0% | 25%") == 2
    assert credits.count("below 95.0% | 50%") == 2
    assert "25% of a monthly fee of $1,600.00, that is $400.00." in credits
    assert ("the Customer receives 25% of the monthly fees of the services "
            "concerned ($1,100.00), that is $275.00.") in credits
    assert "https://support.atlassian.com" in credits
    assert "within 15 days after the end of the month concerned." in credits
    assert "sole and exclusive remedy" not in credits  # the source does not say so
    assert "# Exclusions" not in english
    assert_absent_clauses(ATLASSIAN)


def test_atlassian_cloud_in_german() -> None:
    german = text(ATLASSIAN, "de_DE")
    for figure in ("unter 95,0 % | 50 %", "1.600,00 $", "400,00 $", "275,00 $", "15 Tage"):
        assert figure in german, figure


def test_cloudflare_enterprise_in_english() -> None:
    assert row(CLOUDFLARE, "Uptime")[2] == "at least 100%"
    english = text(CLOUDFLARE)
    assert "A target of 100% allows no Downtime." in english
    for term in ("Customer Planned Downtime", "Scheduled Availability", "Outage Period",
                 "P1 Issue", "P4 Issue"):
        assert row(CLOUDFLARE, term)
    credits = section(CLOUDFLARE, "Service credits")
    assert "25 times the time lost, prorated on a month of 43,830 minutes." in credits
    # $5,000.00 × 25 × 120 ÷ 43,830 = $342.231… → $342.23
    assert ("For example, after 2 hours of downtime in a month the Customer receives a credit "
            "of $342.23.") in credits
    assert "claim" not in credits  # no claim deadline was modelled
    assert "Customer Planned Downtime." in section(CLOUDFLARE, "Exclusions")
    assert_absent_clauses(CLOUDFLARE)


def test_cloudflare_enterprise_in_german() -> None:
    german = text(CLOUDFLARE, "de_DE")
    for figure in ("100 %", "342,23 $", "5.000,00 $", "43.830"):
        assert figure in german, figure


def test_safepoint_it_in_english() -> None:
    # the business-hours response targets; resolution "1-2" and "3-5 business days" as
    # their longer end, a business day being 8:30 to 17:00 (8.5 hours): 17 and 42.5 hours
    assert row(SAFEPOINT, "P1\nCritical")[2:5] == ["30 minutes", "4 hours", "during Support Hours"]
    assert row(SAFEPOINT, "P2\nHigh")[2:4] == ["1 hour", "8 hours"]
    assert row(SAFEPOINT, "P3\nMedium")[2:4] == ["2 hours", "17 hours"]
    assert row(SAFEPOINT, "P4\nLow")[2:4] == ["24 hours", "42 hours and 30 minutes"]
    assert "any interruption to clinical systems or patient workflows is Priority 1" \
        in row(SAFEPOINT, "P1\nCritical")[1]
    assert row(SAFEPOINT, "Monday")[2] == "8:30 AM to 5:00 PM"
    assert row(SAFEPOINT, "Saturday")[2] == "closed"
    english = text(SAFEPOINT)
    assert "All times in this agreement are given in Central Time." in english
    assert ("The services are to be available around the clock, every day except public "
            "holidays (United States).") in english
    assert "Public holidays are not part of the Support Hours." in english
    assert "Project-based work, unless otherwise specified." in english
    assert "emergency support for Priority 1 and Priority 2" in english
    for heading in ("# Reporting and review", "# Exclusions", "# Maintenance"):
        assert heading not in english
    assert "remains in force for as long as the Customer uses the services." \
        in section(SAFEPOINT, "Term and termination")


def test_safepoint_it_in_german() -> None:
    assert row(SAFEPOINT, "P4\nLow", "de_DE")[2:4] == ["24 Stunden", "42 Stunden und 30 Minuten"]
    assert row(SAFEPOINT, "P3\nMedium", "de_DE")[3] == "17 Stunden"
    assert row(SAFEPOINT, "Montag", "de_DE")[2] == "08:30 bis 17:00 Uhr"


def test_internal_help_desk_in_english() -> None:
    assert row(HELP_DESK, "Return call after an urgent voice mail message")[2:4] == [
        "at most 5 minutes", "per month, during Coverage Hours"]
    assert row(HELP_DESK, "Confirmation of receipt of a voice mail message")[2] == \
        "at most 4 hours"
    assert row(HELP_DESK, "Monday")[1:] == ["8:00 AM to 5:00 PM", "8:00 AM to 5:00 PM"]
    assert row(HELP_DESK, "Sunday")[1:] == ["closed", "closed"]
    english = text(HELP_DESK)
    # the purpose says it is internal; the source has no sentence on payment or disputes
    assert "an internal agreement in which a company's IT Help Desk" in english
    assert "no payment obligations" not in english
    assert "Problems are resolved or assigned to the appropriate specialist." in english
    assert "The Provider reports on the Service Levels every month to Owen Hughes." in english
    term = section(HELP_DESK, "Term and termination")
    # the service period: January 1 to December 31, not renewed
    assert "takes effect on January 1, 2027 and runs for an initial term of 12 months." in term
    assert "It ends at the end of the initial term unless the parties agree in writing" in term
    for heading in ("# Exclusions", "# Severity levels", "# Maintenance"):
        assert heading not in english


def test_internal_help_desk_in_german() -> None:
    assert row(HELP_DESK, "Return call after an urgent voice mail message", "de_DE")[2] == \
        "höchstens 5 Minuten"
    assert row(HELP_DESK, "Montag", "de_DE")[1] == "08:00 bis 17:00 Uhr"
    german = text(HELP_DESK, "de_DE")
    assert "1. Januar 2027" in german and "12 Monate" in german
