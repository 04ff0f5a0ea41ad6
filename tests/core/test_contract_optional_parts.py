"""The optional parts a real SLA has beside its service levels, read back from
the generated contract: each part switched on writes its clauses with the
user's values; switched off it leaves no trace (no heading, no sentence, no
section number), whatever its fields hold."""

from __future__ import annotations

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE

from wizard.core.checks import check_project
from wizard.core.contract import ContractFormatter, contract_translations
from wizard.core.model import PartyRole, Project, StandardExclusion
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.core.steps import Step

PARTS = ("measurement_terms", "maintenance_rules", "frame", "commercial", "signing")


@pytest.fixture
def us() -> Project:
    return load_project(US_EXAMPLE)


def text_of(project: Project, locale: str = "en_US") -> str:
    return read_contract(render_contract(project, locale)).text


def headings(project: Project, locale: str = "en_US") -> list[str]:
    return [line.removeprefix("# ") for line in read_contract(
        render_contract(project, locale)).headings()]


def translated(locale: str, message: str) -> str:
    """``message`` as the contract in ``locale`` prints it (English until its
    catalog has it)."""
    return ContractFormatter(locale, "EUR", contract_translations(locale)).gettext(message)


def fill_every_part(project: Project) -> None:
    """Values in every field of every optional part, the switches left as they are."""
    terms = project.measurement_terms
    terms.unavailable_when = "it does not answer requests, or answers only with server errors"
    terms.measured_from = "the Provider's monitoring, checking every minute from two locations"
    terms.records_prevail = PartyRole.CUSTOMER
    terms.workaround_resolves = False
    terms.severity_assigned_by = PartyRole.PROVIDER
    project.maintenance_rules.notice_channel = "e-mail to the Customer's contacts"
    project.maintenance_rules.emergency_notice_hours = 4
    project.maintenance_rules.emergency_cap_minutes_per_month = 90
    project.frame.master_agreement = "the Master Services Agreement of 1 March 2026"
    project.frame.governing_law = "the law of the State of Oregon"
    project.frame.courts = "the state and federal courts in Multnomah County, Oregon"
    project.commercial.payment_days = 45
    project.commercial.price_change_notice_days = 90
    project.commercial.liability_cap_months = 6
    project.commercial.data_protection = "the Data Processing Addendum of 1 March 2026"
    project.signing.place = "Portland"


# off: no trace ------------------------------------------------------------------------------
def test_parts_switched_off_leave_the_contract_as_it_was(us: Project) -> None:
    before = text_of(us)
    filled = us.model_copy(deep=True)
    fill_every_part(filled)
    assert text_of(filled) == before
    assert not {"Measurement and incidents", "Commercial terms", "General provisions"} \
        & set(headings(filled))
    saved = filled.model_copy(deep=True)
    for part in PARTS:
        setattr(saved, part, type(getattr(saved, part))())
    assert not set(PARTS) & set(saved.to_data()), "parts at their defaults are not saved"


@pytest.mark.parametrize("locale", ["it_IT", "pt_BR", "fr_FR"])
def test_signing_formalities_off_add_nothing_in_their_countries(us: Project, locale: str) -> None:
    before = text_of(us, locale)
    us.signing.place = "Milano"
    assert text_of(us, locale) == before
    assert "1341" not in before
    # the two witnesses of a Brazilian contract are customary: there by default
    assert (translated(locale, "Witnesses:") in before) is (locale == "pt_BR")


# on: the user's values ------------------------------------------------------------------------
def test_measurement_terms_define_downtime_response_resolution_and_severity(us: Project) -> None:
    fill_every_part(us)
    us.measurement_terms.included = True
    text = text_of(us)
    assert "Measurement and incidents" in headings(us)
    assert ("The service is unavailable when it does not answer requests, or answers only with "
            "server errors.") in text
    assert ("Unavailability is detected and measured by the Provider's monitoring, checking "
            "every minute from two locations.") in text
    assert "the Customer’s records prevail unless the Provider shows them to be wrong." in text
    assert "an automatic acknowledgment is not a response." in text  # en_US spelling
    assert "a workaround does not stop the resolution time." in text
    # the severity levels are the second subsection of the service levels section (6.2)
    assert ("The Provider assigns each Incident a severity level on receiving it, by the "
            "definitions in section 6.2, and tells the Customer the level assigned.") in text
    # the other choices
    us.measurement_terms.records_prevail = PartyRole.PROVIDER
    us.measurement_terms.workaround_resolves = True
    us.measurement_terms.severity_assigned_by = PartyRole.CUSTOMER
    text = text_of(us)
    assert "the Provider’s records prevail unless the Customer shows them to be wrong." in text
    assert "whether by a fix or by a workaround the Customer can reasonably use" in text
    assert "The Customer assigns each Incident a severity level when reporting it" in text


def test_without_severity_levels_no_response_or_resolution_terms(us: Project) -> None:
    us.measurement_terms.included = True
    us.severity_levels = []
    text = text_of(us)
    assert "Downtime starts when the service is first recorded as unavailable" in text
    assert "A response is" not in text and "severity level" not in text


def test_a_notice_channel_typed_with_by_is_not_given_by_by(us: Project) -> None:
    """The clause says "by" itself: a channel typed as "by e-mail to …" (as the
    hint once suggested) loses its own "by"."""
    us.maintenance_rules.included = True
    for typed in ("by e-mail to the Customer's contacts.", "By  e-mail to the Customer's contacts"):
        us.maintenance_rules.notice_channel = typed
        text = text_of(us)
        assert "The Provider gives notice of maintenance by e-mail to the Customer's contacts." \
            in text
        assert "by by" not in text.lower()
    # a channel that merely starts with the letters keeps them
    us.maintenance_rules.notice_channel = "bypass notices on the status page"
    assert "notice of maintenance by bypass notices on the status page." in text_of(us)


def test_maintenance_rules_give_the_channel_and_cap_emergency_maintenance(us: Project) -> None:
    fill_every_part(us)
    us.maintenance_rules.included = True
    text = text_of(us)
    assert "The Provider gives notice of maintenance by e-mail to the Customer's contacts." \
        in text
    assert "The Provider gives notice of emergency maintenance at least 4\u00a0hours in advance." \
        in text
    # the example does not exclude emergency maintenance: the cap is a plain limit
    assert StandardExclusion.EMERGENCY_MAINTENANCE not in us.exclusions.standard
    assert ("Emergency maintenance does not exceed 1\u00a0hour and 30\u00a0minutes in any "
            "month.") in text
    us.exclusions.standard.append(StandardExclusion.EMERGENCY_MAINTENANCE)
    us.maintenance_rules.emergency_notice_hours = 0
    text = text_of(us)
    assert "any further emergency maintenance counts as Downtime." in text
    assert "as early as it reasonably can, and in any case before the work begins." in text


def test_maintenance_rules_bring_the_heading_without_windows(us: Project) -> None:
    us.schedule.maintenance_windows = []
    us.schedule.maintenance_notice_hours = 0
    us.schedule.max_maintenance_minutes_per_month = None
    assert "Maintenance" not in headings(us)
    us.maintenance_rules.included = True
    assert "Maintenance" in headings(us)
    text = text_of(us)
    assert ("The Provider may carry out emergency maintenance only where it is needed to remedy "
            "an urgent security vulnerability") in text
    assert "maintenance windows" not in text.split("# Maintenance")[1].split("# Service levels")[0]
    problems = [p for p in check_project(us) if p.loc == ("maintenance_rules", "included")]
    assert problems and problems[0].step is Step.SCHEDULE


def test_commercial_terms(us: Project) -> None:
    fill_every_part(us)
    us.commercial.included = True
    text = text_of(us)
    assert "The Customer pays each invoice within 45\u00a0days of its date." in text
    assert "All fees are exclusive of value added tax, sales tax and similar taxes" in text
    assert ("The Provider may change the fees by written notice given at least 90\u00a0days before "
            "the change takes effect.") in text
    assert "the fees paid and payable under it in the 6\u00a0months before the event" in text
    assert "for gross negligence or willful misconduct" in text  # American spelling
    assert "This limit does not apply to the Customer’s obligation to pay the fees" in text
    assert "for gross negligence or wilful misconduct" in text_of(us, "en_GB")
    assert ("Personal data the Provider processes on behalf of the Customer under this agreement "
            "is processed in accordance with the Data Processing Addendum of 1 March 2026.") \
        in text
    us.commercial.price_change_notice_days = None
    us.commercial.liability_cap_months = None
    us.commercial.fees_exclude_tax = False
    us.commercial.data_protection = ""
    text = text_of(us)
    assert "The fees may be changed only by written agreement of the parties." in text
    assert "total liability" not in text and "Personal data" not in text
    assert "All fees include value added tax" in text


def test_report_due_date_and_objections_in_the_reporting_clause(us: Project) -> None:
    before = text_of(us)
    us.reporting.due_business_days = 5
    us.reporting.objection_days = 15
    text = text_of(us)
    assert "Each report is delivered within 5 business days after the end of the period" in text
    assert ("The Customer may object to a report in writing within 15\u00a0days of receiving it, "
            "stating its reasons.") in text
    assert "taken as agreed for the purpose of service credits." in text
    reporting = text.split("# Reporting and review")[1].split("# Exclusions")[0]
    assert "Each report is delivered" in reporting
    us.reporting.due_business_days = 1
    assert "within 1 business day after" in text_of(us)
    # without the reporting clause, nothing of them
    us.reporting.included = False
    assert "Each report is delivered" not in text_of(us)
    assert "object to a report" not in text_of(us)
    # not set: not saved, and the contract as before
    us.reporting.included = True
    us.reporting.due_business_days = us.reporting.objection_days = None
    assert text_of(us) == before
    assert "due_business_days" not in us.to_data()["reporting"]


def test_commercial_and_general_sections_take_numbers_before_the_signatures(us: Project) -> None:
    fill_every_part(us)
    us.commercial.included = True
    us.frame.included = True
    titles = headings(us)
    top = ["Purpose and scope", "Definitions", "Contacts and responsibilities", "Services",
           "Availability schedule", "Service levels", "Service credits", "Reporting and review",
           "Exclusions", "Term and termination", "Commercial terms", "General provisions",
           "Signatures"]
    assert [title for title in titles if title in top] == top
    us.frame.included = False
    titles = headings(us)
    assert "General provisions" not in titles
    assert [title for title in titles if title in top][-2:] == ["Commercial terms", "Signatures"]


def test_legal_frame(us: Project) -> None:
    fill_every_part(us)
    us.frame.included = True
    text = text_of(us)
    assert ("This agreement forms part of the Master Services Agreement of 1 March 2026 (the "
            "“Master Agreement”).") in text
    assert "If this agreement and the Master Agreement conflict, the Master Agreement prevails." \
        in text
    assert "This agreement and the Master Agreement are the entire agreement" in text
    assert "are governed by the law of the State of Oregon." in text
    assert ("subject to the exclusive jurisdiction of the state and federal courts in Multnomah "
            "County, Oregon.") in text
    assert "If a provision of this agreement is invalid or unenforceable" in text
    assert "signed in counterparts" in text and "electronic signature" in text
    assert "Notices under this agreement are given in writing" in text
    us.frame.master_agreement = ""
    us.frame.electronic_signature = False
    us.frame.courts = ""
    text = text_of(us)
    assert "Master Agreement" not in text and "electronic signature" not in text
    assert "This agreement is the entire agreement of the parties on its subject matter" in text
    # no courts named: the US practice's (the Provider's seat elsewhere)
    assert ("the exclusive jurisdiction of the state and federal courts located in the state "
            "whose law governs this agreement.") in text
    assert "die Gerichte am Sitz des Anbieters" in text_of(us, "de_DE")  # the seat elsewhere


def test_governing_law_defaults_to_the_contract_country(us: Project) -> None:
    us.frame.included = True
    assert "are governed by the law of England and Wales." in text_of(us, "en_GB")
    german = text_of(us, "de_DE")
    assert translated("de_DE", "the law of the Federal Republic of Germany") in german
    # the United States has no one law: the contract names none and the check says so
    assert "are governed by" not in text_of(us)
    problems = [p for p in check_project(us) if p.loc == ("frame", "governing_law")]
    assert len(problems) == 1 and problems[0].step is Step.TERMINATION
    us.frame.governing_law = "the law of the State of Oregon"
    assert not [p for p in check_project(us) if p.loc == ("frame", "governing_law")]


def test_data_protection_defaults_to_a_dpa_in_the_eu(us: Project) -> None:
    us.commercial.included = True
    german = text_of(us, "de_DE")
    assert translated("de_DE", "the data processing agreement the parties conclude under "
                      "Article 28 of Regulation (EU) 2016/679 (General Data Protection "
                      "Regulation)") in german
    assert "Personal data" not in text_of(us, "en_US")


# signing formalities ------------------------------------------------------------------------------
def test_place_and_originals(us: Project) -> None:
    us.signing.included = True
    us.signing.place = "Portland"
    assert "Signed in two originals, one for each party, at Portland." in text_of(us)
    us.signing.place = ""
    assert "Signed in two originals, one for each party." in text_of(us)
    # signed electronically or in counterparts, the contract counts no paper originals
    us.frame.included = True
    assert "two originals" not in text_of(us)
    us.signing.place = "Portland"
    assert "Signed at Portland." in text_of(us)


def test_measurement_terms_give_the_one_rule_of_when_downtime_starts(us: Project) -> None:
    """Without the measurement terms the availability clause says when Downtime
    starts; with them it defers to them, and no second start rule is left."""
    own_rule = "from the moment the service becomes unavailable until it is available again"
    assert own_rule in text_of(us)
    us.measurement_terms.included = True
    text = text_of(us)
    assert own_rule not in text
    assert text.count("Downtime starts when") == 1
    assert ("Service availability is measured during Coverage Hours; Downtime is counted to the "
            "second, from when it starts until it ends, as set out in section 6.3.") in text
    assert "Measurement and incidents" in headings(us)


def approval_of(project: Project) -> str:
    """The Italian contract's specific approval (articles 1341 and 1342), "" for none."""
    return next((line for line in read_contract(render_contract(project, "it_IT")).body
                 if "1341" in line), "")


def cited(number: str, *clauses: str) -> str:
    """How the Italian approval names ``clauses`` of section ``number``."""
    fmt = ContractFormatter("it_IT", "EUR", contract_translations("it_IT"))
    return translated("it_IT", "section %(number)s (%(title)s)") % {
        "number": number, "title": fmt.join([translated("it_IT", c) for c in clauses])}


def test_italian_contract_has_the_customer_approve_onerous_clauses(us: Project) -> None:
    us.signing.included = True
    us.commercial.included = True
    us.commercial.price_change_notice_days = 90
    contract = read_contract(render_contract(us, "it_IT"))
    text = contract.text
    approval = approval_of(us)
    # the onerous clauses by section and content, never whole sections: credits 7,
    # exclusions 9, termination 10, commercial terms 11 (no general provisions)
    for number, clauses in (
            ("7", ("service credits as the sole remedy", "cap on service credits",
                   "time limit for claiming service credits")),
            ("9", ("exclusions from the service levels",)),
            ("10", ("tacit renewal", "rights of termination")),
            ("11", ("limitation of liability", "changes to the fees"))):
        assert cited(number, *clauses) in approval, approval
    for title in ("Service levels", "Service credits", "Exclusions", "Term and termination",
                  "Commercial terms", "General provisions"):
        assert translated("it_IT", title) not in approval, title
    assert translated("it_IT", "jurisdiction") not in approval
    # the service levels only where the Provider's records prevail over the Customer's
    us.measurement_terms.included = True
    assert cited("6", "the Provider's records prevailing") in approval_of(us)
    us.measurement_terms.records_prevail = PartyRole.CUSTOMER
    assert " 6 (" not in approval_of(us)
    # a second signature of the Customer below the approval
    after = text[text.index(approval):]
    assert translated("it_IT", "For the Customer") in after
    assert translated("it_IT", "Signature") in after
    assert "1341" not in text_of(us, "fr_FR") and "1341" not in text_of(us, "pt_BR")


def test_italian_approval_names_only_the_onerous_clauses_the_contract_has(
        us: Project) -> None:
    us.signing.included = True
    us.measurement_terms.included = False
    # the jurisdiction clause comes with the legal frame (general provisions, 12)
    us.frame.included = True
    us.commercial.included = True
    assert cited("12", "jurisdiction") in approval_of(us)
    # a credit clause with no sole remedy, no cap and no time limit to claim; no price changes
    us.service_credits.sole_remedy = False
    us.service_credits.cap_percent = None
    us.service_credits.claim_window_days = 0
    us.commercial.price_change_notice_days = None
    approval = approval_of(us)
    assert " 7 (" not in approval
    assert cited("11", "limitation of liability") in approval
    # a fixed term that does not renew by itself still has termination rights
    us.termination.auto_renew = False
    assert cited("10", "rights of termination") in approval_of(us)
    # nothing onerous left: no approval, and no second signature for it
    us.frame.included = False
    us.commercial.included = False
    us.exclusions.included = False
    us.termination.cure_days = 0
    us.termination.chronic_failure.consecutive_months = None
    us.termination.chronic_failure.months_in_year = None
    assert approval_of(us) == ""


@pytest.mark.parametrize("signing", [False, True])
def test_brazilian_contract_has_two_witnesses(us: Project, signing: bool) -> None:
    """Two witnesses (Nome, CPF) sign a Brazilian contract, with or without the
    signing formalities; never a contract of another country."""
    us.signing.included = signing
    contract = read_contract(render_contract(us, "pt_BR"))
    witnesses = translated("pt_BR", "Witnesses:")
    assert witnesses in contract.body
    table = contract.tables[-1]
    assert [cell for cell in table[0] if translated("pt_BR", "Taxpayer number (CPF):") in cell] \
        and len([c for c in table[0] if c.strip()]) == 2
    assert witnesses not in text_of(us, "it_IT")


# -- lawyers' review ---------------------------------------------------------------------------

SUSPENSION = "Suspension of the services because undisputed fees were not paid"


def with_suspension_exclusion(project: Project) -> Project:
    project.exclusions.included = True
    if StandardExclusion.SUSPENSION_NON_PAYMENT not in project.exclusions.standard:
        project.exclusions.standard.append(StandardExclusion.SUSPENSION_NON_PAYMENT)
    return project


def test_no_suspension_exclusion_without_the_payment_clause(us: Project) -> None:
    """Suspending the services for unpaid fees is a right the payment clause
    gives: without commercial terms the exclusion would rest on nothing."""
    project = with_suspension_exclusion(us)
    project.commercial.included = False
    assert SUSPENSION not in text_of(project)
    project.commercial.included = True
    project.commercial.payment_days = 0
    assert SUSPENSION not in text_of(project)


def test_the_suspension_exclusion_follows_the_payment_clause(us: Project) -> None:
    project = with_suspension_exclusion(us)
    project.commercial.included = True
    project.commercial.payment_days = 30
    text = text_of(project)
    assert "The Customer pays each invoice within 30\u00a0days of its date." in text
    assert SUSPENSION in text


def test_one_maintenance_window_is_this_window(us: Project) -> None:
    from wizard.core.model import MaintenanceWindow, Weekday

    project = us.model_copy(deep=True)
    project.schedule.maintenance_windows = [MaintenanceWindow(day=Weekday.SUN)]
    one = text_of(project)
    assert "Scheduled maintenance takes place in this window:" in one
    assert "these windows" not in one
    project.schedule.maintenance_windows = [MaintenanceWindow(day=Weekday.SUN),
                                            MaintenanceWindow(day=Weekday.WED)]
    two = text_of(project)
    assert "Scheduled maintenance takes place in these windows:" in two


def test_the_escalation_path_is_cited_by_its_subsection() -> None:
    """The internal example handles a missed level through the escalation path:
    the reference names subsection 3.1, which holds the path, not section 3."""
    from example_paths import ROOT

    project = load_project(ROOT / "resources" / "examples" / "internal-leads-de.slaproj")
    contract = read_contract(render_contract(project, "en_GB"))
    body = contract.body
    assert "# Escalation path" in body
    assert body.index("# Escalation path") > body.index("# Contacts and responsibilities")
    assert "the escalation path set out in section 3.1 " in contract.text
    assert "section 3 " not in contract.text.replace("section 3.1 ", "")


def signature_cells(project: Project) -> list[str]:
    table = read_contract(render_contract(project, "en_US")).tables[-1]
    return [table[0][0], table[0][2]]


def test_a_named_place_leaves_only_the_date_under_each_signature(us: Project) -> None:
    project = us.model_copy(deep=True)
    project.signing.included = True
    project.signing.place = "Portland"
    text = text_of(project)
    assert "Signed in two originals, one for each party, at Portland." in text
    for cell in signature_cells(project):
        assert cell.splitlines()[-1] == "Date of signing"
    project.signing.place = ""
    for cell in signature_cells(project):
        assert cell.splitlines()[-1] == "Date"


def test_the_place_of_signing_stays_with_the_signatures(us: Project) -> None:
    """Heading, place and the signature table are kept on one page: the
    heading and the place paragraph keep with what follows."""
    import io

    from docx import Document

    project = us.model_copy(deep=True)
    project.signing.included = True
    project.signing.place = "Portland"
    document = Document(io.BytesIO(render_contract(project, "en_US")))
    paragraphs = document.paragraphs
    heading = next(i for i, p in enumerate(paragraphs) if p.text == "Signatures")
    place, intro = paragraphs[heading + 1], paragraphs[heading + 2]
    assert place.text.startswith("Signed in two originals")
    assert intro.text == "Signed for and on behalf of the parties:"
    for paragraph in (paragraphs[heading], place, intro):
        keep = paragraph.paragraph_format.keep_with_next
        if keep is None and paragraph.style is not None:
            keep = paragraph.style.paragraph_format.keep_with_next
        assert keep, paragraph.text


@pytest.mark.parametrize(("locale", "courts"), [
    ("en_GB", "the exclusive jurisdiction of the courts of England and Wales."),
    ("en_US", "the exclusive jurisdiction of the state and federal courts located in the state "
              "whose law governs this agreement."),
])
def test_courts_follow_the_practice_of_the_contracts_country(
        us: Project, locale: str, courts: str) -> None:
    """English law with "the competent courts at the place of the Provider's
    registered office" read as a translation, not as an English clause."""
    us.frame.included = True
    text = text_of(us, locale)
    assert courts in text
    assert "registered office" not in text


def test_notices_by_e_mail_are_said_the_common_law_way(us: Project) -> None:
    """"E-mail satisfies the written form" is a civil-law notion an English
    reader does not know."""
    us.frame.included = True
    text = text_of(us)
    assert ("Notices may also be given by e-mail, except notices of breach or termination, "
            "which are given in writing.") in text.replace("email", "e-mail")
    assert "written form" not in text


@pytest.mark.parametrize(("locale", "amount"), [
    ("de_DE", "40,00\u00a0€"), ("fr_FR", "40,00\u00a0€"), ("it_IT", "40,00\u00a0€"),
    ("nl_NL", "€\u00a040,00"), ("es_ES", "40,00\u00a0€"), ("de_AT", "€\u00a040,00")])
def test_eu_contracts_state_late_payment_interest_and_the_fixed_sum(
        us: Project, locale: str, amount: str) -> None:
    """French practice (art. L. 441-10 C. com.) and the EU directive expect the
    statutory late-payment interest and the fixed EUR 40 beside the payment term."""
    us.commercial.included = True
    text = text_of(us, locale)
    assert amount in text
    sentence = translated(locale, "A late payment bears interest at the statutory rate for "
                          "commercial transactions, and the Customer then also owes a fixed sum "
                          "of %(amount)s as compensation for recovery costs.")
    assert sentence % {"amount": amount} in text
    assert "40" not in text_of(us, "en_US").split("Commercial terms")[-1].split("\n")[0]
    us.commercial.payment_days = 0  # no payment term: nothing is late
    assert amount not in text_of(us, locale)


def test_a_mexican_contract_names_the_mexican_data_protection_law(us: Project) -> None:
    us.commercial.included = True
    text = text_of(us, "es_MX")
    assert translated("es_MX", "the data processing terms the parties agree under the Federal "
                      "Law on the Protection of Personal Data Held by Private Parties") in text
