"""The generated contract, read back as a person reads it."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx_reading import ContractText, read_contract

from wizard.core.contract import UnsupportedLanguageError, build_context
from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import RenderError, generate_contract, render_contract


@pytest.fixture(scope="module")
def us_project() -> Project:
    return load_project(Path(__file__).parents[2] / "resources/examples/msp-it-support.slaproj")


@pytest.fixture(scope="module")
def us_contract(us_project: Project) -> ContractText:
    return read_contract(render_contract(us_project))


def _table(contract: ContractText, first_heading: str) -> list[list[str]]:
    return next(t for t in contract.tables if t[0][0] == first_heading)


def test_us_contract_names_parties_date_and_reference(us_contract: ContractText) -> None:
    """The first page must say who signs with whom, from when, under which reference."""
    text = us_contract.text
    assert "Managed IT Support Service Level Agreement" in us_contract.body[0]
    assert "Reference NW-SLA-2027-014 · Version 1.0" in text
    parties = us_contract.tables[0][0]
    assert parties[0].startswith("Northwind IT Services LLC\n400 Harbor Way, Suite 12\n")
    assert "OR 1234567-89" in parties[0]
    assert "(hereinafter “the Provider”)" in parties[0]
    assert parties[2].startswith("Harbor Bakery Co.\n18 Front Street")
    # the customer has no registration: no empty line stands in for it
    assert "USA\n(hereinafter “the Customer”)" in parties[2]
    assert "This agreement takes effect on January 1, 2027." in text


def test_us_contract_has_every_section_in_order(us_contract: ContractText) -> None:
    """A contract missing a section, or in a muddled order, is not one a consultant sends."""
    sections = [
        "Purpose and scope", "Definitions", "Contacts and responsibilities", "Services",
        "Availability schedule", "Service levels", "Service credits", "Reporting and review",
        "Exclusions", "Term and termination", "Signatures",
    ]
    headings = [h[2:] for h in us_contract.headings()]
    positions = [headings.index(s) for s in sections]
    assert positions == sorted(positions)


def test_us_contract_services_and_fees(us_contract: ContractText) -> None:
    """Each service appears with its scope and its monthly fee in dollars."""
    text = us_contract.text
    for name in ("Service Desk", "Managed Endpoints", "Cloud Backup"):
        assert f"# {name}" in us_contract.body
    assert "Monthly fee: $1,250.00" in text
    assert "Monthly fee: $600.00" in text
    assert "Monthly fee: $300.00" in text
    assert "The monthly fees for all services total $2,150.00." in text
    assert "Password resets and account management" in text
    # Cloud Backup has no dependencies: no dangling "depends on:" label for it
    backup = us_contract.body.index("# Cloud Backup")
    rest = us_contract.body[backup:backup + 8]
    assert "The service depends on:" not in rest


def test_us_contract_tables_have_a_row_per_item(us_contract: ContractText) -> None:
    """Every contact, weekday, metric, severity level and credit tier gets its row."""
    definitions = _table(us_contract, "Term")
    # user terms plus the template's own, Availability and Eligible Minutes among them
    assert len(definitions) == 1 + 3 + 5 + 2
    assert [r[0] for r in definitions if "Uptime" in r[0]] == ["Monthly Uptime Percentage"]

    contacts = _table(us_contract, "Contact")
    assert [r[0] for r in contacts[1:]] == ["Priya Nair", "Dana Whitfield", "Luis Ortega"]
    assert "• Triage and assign every ticket" in contacts[1][3]

    schedule = _table(us_contract, "Day")
    assert [r[0] for r in schedule[1:]] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert schedule[1][1:] == ["8:00\u202fAM to 6:00\u202fPM", "7:00\u202fAM to 7:00\u202fPM"]
    assert schedule[6][1:] == ["closed", "9:00\u202fAM to 1:00\u202fPM"]
    assert schedule[7][1:] == ["closed", "closed"]

    metrics = _table(us_contract, "Service level")
    assert len(metrics) == 5
    assert metrics[1][:3] == ["Service availability", "All services", "at least 99.5%"]
    assert metrics[1][3] == "per month, during Coverage Hours"
    assert metrics[1][5] == "99.2%"
    assert metrics[2][2] == "at most 60\u00a0minutes"
    assert metrics[3][2] == "at most 5\u00a0days"
    assert metrics[4][3] == "per quarter, at all times"
    assert metrics[2][5] == "—"

    severity = _table(us_contract, "Level")
    assert [r[0] for r in severity[1:]] == ["P1\nCritical", "P2\nHigh", "P3\nNormal", "P4\nRequest"]
    assert severity[1][2:4] == ["30\u00a0minutes", "4\u00a0hours"]
    assert severity[3][3] == "40\u00a0hours"
    assert severity[4][3] == "no fixed target"

    credits = _table(us_contract, "Measured value in the month")
    # the thresholds as typed in the project: "99.0", "97.0"
    assert credits[1:] == [
        ["below 99.5%, down to and including 99.0%", "5%"],
        ["below 99.0%, down to and including 97.0%", "10%"],
        ["below 97.0%", "25%"],
    ]


def test_us_contract_allowed_downtime_and_credits(us_contract: ContractText) -> None:
    """The customer must see what a target means in minutes and what a miss earns."""
    text = us_contract.text
    # 50 coverage hours a week for 30 days: 214.29, so 214 hours; 0.5 % of 12,840 minutes
    # is 64.2 minutes
    assert ("A target of 99.5% allows 1\u00a0hour, 4\u00a0minutes, and 12\u00a0seconds of "
            "Downtime in a month of 214 Coverage Hours.") in text
    assert "43,830" not in text
    # the credited level covers all three services: 1,250 + 600 + 300 = 2,150; 10 % of it
    assert ("at 98.7% the Customer receives 10% of a monthly fee of $2,150.00, "
            "that is $215.00") in text
    assert "capped at 25% of that month\u2019s fees" in text
    assert "within 30\u00a0days after the end of the month" in text
    assert "sole and exclusive remedy" in text


def test_us_contract_schedule_reporting_termination(us_contract: ContractText) -> None:
    """Time zone, maintenance, reports and the way out of the contract are all stated."""
    text = us_contract.text
    assert "All times in this agreement are given in Pacific Time." in text
    assert "America/Los_Angeles" not in text  # a database identifier, not a place
    assert ("Public holidays (Oregon, United States) are not part of the Coverage Hours and "
            "Support Hours.") in text
    assert "Sunday from 2:00\u202fAM, for up to 3\u00a0hours" in text
    assert "at least 72\u00a0hours in advance" in text
    assert "does not exceed 12\u00a0hours in any month" in text
    assert "The Provider reports on the Service Levels every month to Luis Ortega." in text
    assert "Tickets opened and closed by priority" in text
    assert "review this agreement and the Service Levels every quarter" in text
    assert "initial term of 12\u00a0months" in text
    assert "further terms of 12\u00a0months" in text
    assert "at least 60\u00a0days\u2019 written notice before the end" in text
    assert "Neither party may terminate this agreement for convenience" in text
    assert ("missed in 3 consecutive months, or in 5\u00a0months within any 12 consecutive "
            "months") in text
    assert "Devices older than seven years" in text
    assert "Changes must be agreed in writing and signed by both signatories." in text


def test_us_contract_signature_block(us_contract: ContractText) -> None:
    """Both signatories have a signature line with their name and title."""
    signatures = us_contract.tables[-1][0]
    assert "For the Provider\nNorthwind IT Services LLC" in signatures[0]
    assert "Name: Dana Whitfield\nTitle: Managing Director" in signatures[0]
    assert "Name: Luis Ortega\nTitle: Owner" in signatures[2]


def test_header_and_footer(us_contract: ContractText, us_project: Project) -> None:
    """Every page carries the title, the reference and its page number."""
    assert us_contract.header == "Managed IT Support Service Level Agreement\tNW-SLA-2027-014"
    data = render_contract(us_project)
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        footer = next(docx.read(n).decode() for n in docx.namelist() if "footer" in n)
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Page" in footer and " of " in footer


def test_no_template_residue_anywhere(example_path: Path) -> None:
    """No contract may show template syntax, "None" or an empty heading."""
    contract = read_contract(render_contract(load_project(example_path), "en_GB"))
    text = contract.text
    for residue in ("{{", "}}", "{%", "%}", "None", "%(", "[]"):
        assert residue not in text, residue
    assert all(h.strip("# ") for h in contract.headings())
    lines = [line for line in contract.body if line.strip()]
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line.rstrip().endswith(":") and not line.startswith("#"):
            assert following and not following.startswith("#"), f"dangling: {line}"


def test_en_gb_formats_for_britain(us_project: Project) -> None:
    """A British contract writes day-month dates, 24-hour times and US$ for dollars."""
    text = read_contract(render_contract(us_project, "en_GB")).text
    assert "This agreement takes effect on 1 January 2027." in text
    assert "Monthly fee: US$1,250.00" in text
    assert "08:00 to 18:00" in text


def test_empty_optional_parts_disappear(us_project: Project) -> None:
    """Leaving optional parts empty must not leave empty headings, labels or "None"."""
    project = us_project.model_copy(deep=True)
    project.agreement.purpose = ""
    project.agreement.definitions = []
    project.agreement.reference = ""
    project.contacts = []
    project.reporting.recipient = ""
    project.reporting.contents = []
    project.severity_levels = []
    project.service_credits.enabled = False
    project.schedule.maintenance_windows = []
    project.schedule.maintenance_notice_hours = 0
    project.schedule.max_maintenance_minutes_per_month = None
    project.schedule.holiday_region = ""
    project.exclusions.standard = []
    project.exclusions.custom = []
    project.termination.amendments = ""
    project.termination.chronic_failure.consecutive_months = None
    project.termination.chronic_failure.months_in_year = None
    for service in project.services:
        service.included = []
        service.excluded = []
        service.dependencies = []
        service.customer_responsibilities = []
        service.monthly_fee = None
    project.parties.provider.signatory.title = ""
    contract = read_contract(render_contract(project))
    text = contract.text
    headings = [h[2:] for h in contract.headings()]
    for gone in ("Escalation path", "Severity levels", "Maintenance"):
        assert gone not in headings
    for label in ("Included:", "Not included:", "depends on:", "responsibilities:",
                  "Monthly fee", "Each report covers:", "Amendments", "Reference",
                  "Title: \n", "None", "consecutive months", "Public holidays (",
                  "The monthly fees for all services total"):
        assert label not in text, label
    assert "No service credits apply under this agreement." in text
    assert "No exclusions apply to the Service Levels." in text
    assert "Each party\u2019s signatory is its contact for this agreement." in text
    assert "The Provider reports on the Service Levels every month." in text
    assert "Public holidays are not part of the Coverage Hours and Support Hours." in text
    assert "Version 1.0" in text
    assert "Title: Owner" in text  # the customer's title is still there


def test_hostile_text_comes_out_literally(us_project: Project) -> None:
    """Markup or template syntax typed into a field is printed, never executed."""
    project = us_project.model_copy(deep=True)
    hostile = "A & B <w:p> ]]> {{ 7*7 }} {% if x %}y{% endif %} {_{ x }_} \x00\x07\x1b end"
    project.agreement.title = hostile
    project.parties.provider.address = "Line one\r\nLine two\nLine three"
    project.services[0].name = "<b>bold</b> & 'quoted' \"double\""
    project.exclusions.custom = ["{{ ''.__class__.__mro__ }}"]
    contract = read_contract(render_contract(project))
    expected = "A & B <w:p> ]]> {{ 7*7 }} {% if x %}y{% endif %} {_{ x }_}  end"
    assert contract.body[0] == expected
    assert contract.header.startswith(expected)
    assert "49" not in contract.body[0]
    assert "Line one\nLine two\nLine three" in contract.tables[0][0][0]
    assert "# <b>bold</b> & 'quoted' \"double\"" in contract.body
    assert "{{ ''.__class__.__mro__ }}" in contract.text


def test_long_clause_and_scripts(us_project: Project) -> None:
    """A 20,000-character clause, emoji and right-to-left text survive whole."""
    project = us_project.model_copy(deep=True)
    long_text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 400)[:20000]
    project.agreement.purpose = long_text.strip()
    project.services[1].name = "خدمة الدعم 🚀 サービス"
    text = read_contract(render_contract(project)).text
    assert long_text.strip() in text
    assert "خدمة الدعم 🚀 サービス" in text


def test_generate_writes_a_docx_file(us_project: Project, tmp_path: Path) -> None:
    """Generating writes a Word file that opens."""
    target = generate_contract(us_project, tmp_path / "contract.docx")
    assert zipfile.is_zipfile(target)
    assert "Harbor Bakery Co." in read_contract(target.read_bytes()).text


def test_unsupported_language_is_refused(us_project: Project) -> None:
    """A language the contract cannot be written in is refused, not half-translated."""
    with pytest.raises(UnsupportedLanguageError):
        build_context(us_project, "ja_JP")


def test_broken_template_is_reported(us_project: Project, tmp_path: Path) -> None:
    """A template with a syntax error gives a message naming it and quoting the text."""
    from docx import Document

    document = Document()
    document.add_paragraph("Dear {{ customer.name }")
    broken = tmp_path / "broken.docx"
    document.save(str(broken))
    with pytest.raises(RenderError) as info:
        render_contract(us_project, template=broken)
    message = str(info.value)
    assert '"broken.docx"' in message
    assert re.search(r"Near: “.*Dear", message)


def test_sandbox_refuses_python_internals(us_project: Project, tmp_path: Path) -> None:
    """A template received from someone else cannot reach Python objects."""
    from docx import Document

    document = Document()
    document.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    evil = tmp_path / "evil.docx"
    document.save(str(evil))
    with pytest.raises(RenderError) as info:
        render_contract(us_project, template=evil)
    assert "may not do" in str(info.value)


def test_long_dates_follow_the_locale() -> None:
    """A French contract dated "le 1 janvier" reads as a mistake to a French client."""
    import datetime
    import gettext

    from wizard.core.contract import ContractFormatter

    def long_date(locale: str, day: int) -> str:
        formatter = ContractFormatter(locale, "EUR", gettext.NullTranslations())
        return formatter.date(datetime.date(2027, 1, day))

    assert long_date("fr_FR", 1) == "1er janvier 2027"
    assert long_date("fr_BE", 1) == "1er janvier 2027"
    assert long_date("fr_FR", 15) == "15 janvier 2027"
    assert long_date("de_DE", 1) == "1. Januar 2027"
    assert long_date("en_GB", 1) == "1 January 2027"
    assert long_date("pt_BR", 1) == "1º de janeiro de 2027"
    assert long_date("pt_BR", 2) == "2 de janeiro de 2027"


def test_time_zones_without_a_region_are_written_as_offsets() -> None:
    """"Unknown Region (UTC) Time" in a contract looks like a bug to the reader."""
    import gettext

    from wizard.core.contract import CONTRACT_LOCALES, ContractFormatter

    for locale in CONTRACT_LOCALES:
        formatter = ContractFormatter(locale, "EUR", gettext.NullTranslations())
        assert formatter.timezone_name("UTC") == "UTC"
        assert formatter.timezone_name("Etc/UTC") == "UTC"
        assert formatter.timezone_name("Etc/GMT+5") == "UTC\u221205:00"
        assert formatter.timezone_name("Etc/GMT-2") == "UTC+02:00"
        berlin = formatter.timezone_name("Europe/Berlin")
        assert berlin and "Europe/Berlin" not in berlin and "/" not in berlin, (locale, berlin)


def test_money_units_and_weekdays_in_every_locale(us_project: Project) -> None:
    """Amounts, durations and weekdays read as a person writes them in each locale."""
    import gettext

    from wizard.core.contract import CONTRACT_LOCALES, ContractFormatter

    for locale in CONTRACT_LOCALES:
        formatter = ContractFormatter(locale, "USD", gettext.NullTranslations())
        for unit in ("duration-day", "duration-hour", "duration-month", "duration-minute",
                     "duration-second"):
            for count in (1, 30):
                assert "duration-" not in formatter.unit(count, unit), (locale, unit)
        money = formatter.money(Decimal("1250.00"))
        assert not re.search(r"[A-Za-z]\d|\d[A-Za-z]", money), (locale, money)
    context = build_context(us_project, "en_US")
    assert [row["day"][0].isupper() for row in context["schedule"]["rows"]] == [True] * 7
