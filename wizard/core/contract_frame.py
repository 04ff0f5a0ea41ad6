"""The optional parts of the contract a real SLA has beside its service levels:
what the measurement words mean (Downtime, response, resolution, severity),
maintenance rules, commercial terms, the legal frame and each country's signing
formalities.

Each part is off by default and then adds nothing to the contract: no heading,
no sentence, no section number. Switched on, it adds the sentences below, each
one self-contained so that it translates on its own.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from babel.numbers import format_currency

from wizard.core.model import CreditForm, PartyRole, Project, StandardExclusion, TermKind
from wizard.i18n import N_


class Formatter(Protocol):
    """What the clauses need of :class:`wizard.core.contract.ContractFormatter`."""

    @property
    def locale(self) -> Any: ...
    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def number(self, value: int) -> str: ...
    def days(self, count: int) -> str: ...
    def hours(self, count: int) -> str: ...
    def months(self, count: int) -> str: ...
    def minutes(self, minutes: int) -> str: ...
    def join(self, items: list[str]) -> str: ...


# the law of the contract locale's country, when the user names none; the United
# States has no default (contract law is each state's)
GOVERNING_LAW = {
    "GB": N_("the law of England and Wales"),
    "DE": N_("the law of the Federal Republic of Germany"),
    "AT": N_("the law of the Republic of Austria"),
    "CH": N_("Swiss law"),
    "FR": N_("French law"),
    "BE": N_("Belgian law"),
    "ES": N_("Spanish law"),
    "MX": N_("the law of the United Mexican States"),
    "NL": N_("the law of the Netherlands"),
    "IT": N_("Italian law"),
    "BR": N_("the law of the Federative Republic of Brazil"),
}
DEFAULT_COURTS = N_("the competent courts at the place of the Provider's registered office")
COURTS = {
    "GB": N_("the courts of England and Wales"),
    "US": N_("the state and federal courts located in the state whose law governs this "
             "agreement"),
}
"""The courts where the country's practice names others than the Provider's seat."""

# the data protection terms personal data is processed under, when the user names none
EU_DATA_PROCESSING = N_("the data processing agreement the parties conclude under Article 28 "
                        "of Regulation (EU) 2016/679 (General Data Protection Regulation)")
DATA_PROCESSING = {
    **dict.fromkeys(("DE", "AT", "FR", "BE", "ES", "NL", "IT"), EU_DATA_PROCESSING),
    "GB": N_("the data processing agreement the parties conclude under Article 28 of the UK "
             "General Data Protection Regulation"),
    "CH": N_("the data processing agreement the parties conclude under the Swiss Federal Act "
             "on Data Protection"),
    "BR": N_("the data processing terms the parties agree under the Brazilian General Data "
             "Protection Law (Law No. 13,709/2018)"),
    "MX": N_("the data processing terms the parties agree under the Federal Law on the "
             "Protection of Personal Data Held by Private Parties"),
}


LATE_PAYMENT_DIRECTIVE = frozenset(("DE", "AT", "FR", "BE", "ES", "NL", "IT"))
"""The contract countries that apply the EU directive on late payment in
commercial transactions: interest at the statutory rate and a fixed EUR 40."""


def default_governing_law(locale: str) -> str:
    """The English text of the default governing law for ``locale`` ("" for none)."""
    return GOVERNING_LAW.get(locale.partition("_")[2], "")


def default_data_protection(locale: str) -> str:
    """The English text of the default data protection terms ("" for none)."""
    return DATA_PROCESSING.get(locale.partition("_")[2], "")


def _measurement(project: Project, fmt: Formatter, sections: dict[str, str]) -> list[str]:
    terms = project.measurement_terms
    if not terms.included:
        return []
    t = fmt.gettext
    out = []
    out += _downtime_terms(project, fmt)
    if not project.severity_levels:
        return out
    out.append(t("A response is a reply to an Incident report from a member of the Provider's "
                 "support staff who has begun to work on the Incident; an automatic "
                 "acknowledgement is not a response."))
    out.append(t("An Incident is resolved when the affected function is restored, whether by a "
                 "fix or by a workaround the Customer can reasonably use; the Provider continues "
                 "to work on a permanent fix of an Incident resolved by a workaround.")
               if terms.workaround_resolves else
               t("An Incident is resolved only when its cause has been corrected; a workaround "
                 "does not stop the resolution time."))
    section = {"section": sections.get("severity") or sections["service_levels"]}
    if terms.severity_assigned_by is PartyRole.CUSTOMER:
        out.append(t("The Customer assigns each Incident a severity level when reporting it, in "
                     "good faith and by the definitions in section %(section)s.") % section)
        out.append(t("The Provider may re-grade an Incident by giving the Customer its reasons; "
                     "if the Customer objects, the Incident keeps the severity level the "
                     "Customer assigned until the parties agree on it."))
    else:
        out.append(t("The Provider assigns each Incident a severity level on receiving it, by "
                     "the definitions in section %(section)s, and tells the Customer the level "
                     "assigned.") % section)
        out.append(t("The Customer may ask for an Incident to be re-graded, giving its reasons; "
                     "the Provider reconsiders the level without delay and tells the Customer "
                     "its decision."))
    return out


def _downtime_terms(project: Project, fmt: Formatter) -> list[str]:
    """What counts as unavailable, how it is measured, when Downtime starts and
    ends, whose records prevail."""
    terms = project.measurement_terms
    t = fmt.gettext
    out = []
    if terms.unavailable_when.strip():
        out.append(t("The service is unavailable when %(condition)s.")
                   % {"condition": terms.unavailable_when.strip().rstrip(".")})
    if terms.measured_from.strip():
        out.append(t("Unavailability is detected and measured by %(source)s.")
                   % {"source": terms.measured_from.strip().rstrip(".")})
    out.append(t("Downtime starts when the service is first recorded as unavailable, or when the "
                 "Customer reports the unavailability if that is earlier, and ends when the "
                 "service is recorded as available again."))
    out.append(t("If the parties' records of Downtime differ, the Provider's records prevail "
                 "unless the Customer shows them to be wrong.")
               if terms.records_prevail is PartyRole.PROVIDER else
               t("If the parties' records of Downtime differ, the Customer's records prevail "
                 "unless the Provider shows them to be wrong."))
    return out


def notice_channel(typed: str) -> str:
    """The maintenance notice channel as the clause puts it after its own "by":
    without a "by" the user typed ("by e-mail to …" would print "by by e-mail")
    nor a final full stop."""
    channel = typed.strip().rstrip(".").strip()
    return re.sub(r"^by\s+", "", channel, flags=re.IGNORECASE)


def _maintenance(project: Project, fmt: Formatter) -> list[str]:
    rules = project.maintenance_rules
    if not rules.included:
        return []
    t = fmt.gettext
    out = []
    channel = notice_channel(rules.notice_channel)
    if channel:
        out.append(t("The Provider gives notice of maintenance by %(channel)s.")
                   % {"channel": channel})
    out.append(t("The Provider may carry out emergency maintenance outside the maintenance "
                 "windows only where it is needed to remedy an urgent security vulnerability or "
                 "to prevent an imminent failure of the service.")
               if project.schedule.maintenance_windows else
               t("The Provider may carry out emergency maintenance only where it is needed to "
                 "remedy an urgent security vulnerability or to prevent an imminent failure of "
                 "the service."))
    out.append(t("The Provider gives notice of emergency maintenance at least %(notice)s in "
                 "advance.") % {"notice": fmt.hours(rules.emergency_notice_hours)}
               if rules.emergency_notice_hours else
               t("The Provider gives notice of emergency maintenance as early as it reasonably "
                 "can, and in any case before the work begins."))
    if rules.emergency_cap_minutes_per_month is not None:
        limit = {"limit": fmt.minutes(rules.emergency_cap_minutes_per_month)}
        excluded = project.exclusions.included and \
            StandardExclusion.EMERGENCY_MAINTENANCE in project.exclusions.standard
        out.append(t("Emergency maintenance is excluded from Downtime only up to %(limit)s in "
                     "any month; any further emergency maintenance counts as Downtime.") % limit
                   if excluded else
                   t("Emergency maintenance does not exceed %(limit)s in any month.") % limit)
    return out


def _commercial(project: Project, fmt: Formatter) -> list[str]:
    terms = project.commercial
    if not terms.included:
        return []
    t = fmt.gettext
    out = []
    if terms.payment_days:
        out.append(t("The Customer pays each invoice within %(days)s of its date.")
                   % {"days": fmt.days(terms.payment_days)})
        if fmt.locale.territory in LATE_PAYMENT_DIRECTIVE:
            # Directive 2011/7/EU: statutory interest and a fixed EUR 40 for recovery costs
            out.append(t("A late payment bears interest at the statutory rate for commercial "
                         "transactions, and the Customer then also owes a fixed sum of "
                         "%(amount)s as compensation for recovery costs.")
                       % {"amount": format_currency(40, "EUR", locale=fmt.locale)})
    out.append(t("All fees are exclusive of value added tax, sales tax and similar taxes, which "
                 "the Customer pays in addition at the applicable rate.")
               if terms.fees_exclude_tax else
               t("All fees include value added tax at the rate in force when this agreement is "
                 "made; a change in that rate changes the fees accordingly."))
    if terms.price_change_notice_days is None:
        out.append(t("The fees may be changed only by written agreement of the parties."))
    else:
        out.append(t("The Provider may change the fees by written notice given at least "
                     "%(days)s before the change takes effect.")
                   % {"days": fmt.days(terms.price_change_notice_days)})
        out.append(t("If the Customer does not accept a change in the fees, it may terminate "
                     "this agreement by written notice with effect from the date the change "
                     "would take effect."))
    if terms.liability_cap_months is not None:
        out.append(fmt.ngettext(
            "Each party's total liability arising out of or in connection with this agreement "
            "is limited to the fees paid and payable under it in the month before the event "
            "giving rise to the claim.",
            "Each party's total liability arising out of or in connection with this agreement "
            "is limited to the fees paid and payable under it in the %(months)s before the "
            "event giving rise to the claim.", terms.liability_cap_months)
            % {"months": fmt.months(terms.liability_cap_months)})
        out.append(t("This limit does not apply to the Customer's obligation to pay the fees, "
                     "to liability for death or personal injury caused by negligence, for fraud, "
                     "for gross negligence or wilful misconduct, or to any liability that cannot "
                     "be limited by law."))
    default = default_data_protection(str(fmt.locale))
    data = terms.data_protection.strip().rstrip(".") or (t(default) if default else "")
    if data:
        out.append(t("Personal data the Provider processes on behalf of the Customer under this "
                     "agreement is processed in accordance with %(terms)s.") % {"terms": data})
    return out


def _report_mechanics(project: Project, fmt: Formatter) -> list[str]:
    terms = project.reporting
    if not terms.included:
        return []
    t = fmt.gettext
    out = []
    if terms.due_business_days:
        days = fmt.ngettext("%(num)s business day", "%(num)s business days",
                            terms.due_business_days) % {"num": fmt.number(terms.due_business_days)}
        out.append(t("Each report is delivered within %(days)s after the end of the period it "
                     "covers.") % {"days": days})
    if terms.objection_days:
        out.append(t("The Customer may object to a report in writing within %(days)s of "
                     "receiving it, stating its reasons.")
                   % {"days": fmt.days(terms.objection_days)})
        out.append(t("A report to which the Customer has not objected within that time is taken "
                     "as agreed for the purpose of service credits."))
    return out


def governing_law_text(project: Project, locale: str) -> str:
    """The governing law the contract names in English ("" when there is none:
    the user named none and the locale's country has no default)."""
    return project.frame.governing_law.strip() or default_governing_law(locale)


def _frame(project: Project, fmt: Formatter, locale: str) -> list[str]:
    frame = project.frame
    if not frame.included:
        return []
    t = fmt.gettext
    out = []
    master = frame.master_agreement.strip()
    if master:
        out.append(t("This agreement forms part of %(master)s (the “Master Agreement”).")
                   % {"master": master.rstrip(".")})
        out.append(t("If this agreement and the Master Agreement conflict, the Master Agreement "
                     "prevails.")
                   if frame.master_prevails else
                   t("If this agreement and the Master Agreement conflict, this agreement "
                     "prevails on the matters it governs."))
        out.append(t("This agreement and the Master Agreement are the entire agreement of the "
                     "parties on their subject matter and replace all earlier agreements and "
                     "understandings on it."))
    else:
        out.append(t("This agreement is the entire agreement of the parties on its subject "
                     "matter and replaces all earlier agreements and understandings on it."))
    out.append(t("Notices under this agreement are given in writing to the other party at its "
                 "address stated at the beginning of this agreement, or at another address it "
                 "has notified in writing."))
    out.append(t("Notices may also be given by e-mail, except notices of breach or termination, "
                 "which are given in writing."))
    out.append(t("If a provision of this agreement is invalid or unenforceable, the other "
                 "provisions remain in force, and the parties replace the provision with a valid "
                 "one that comes as close as possible to its purpose."))
    law = frame.governing_law.strip() or (
        t(default_governing_law(locale)) if default_governing_law(locale) else "")
    if law:
        out.append(t("This agreement and any dispute arising out of or in connection with it "
                     "are governed by %(law)s.") % {"law": law.rstrip(".")})
    courts = frame.courts.strip().rstrip(".") or t(
        COURTS.get(locale.partition("_")[2], DEFAULT_COURTS))
    out.append(t("Any dispute arising out of or in connection with this agreement is subject to "
                 "the exclusive jurisdiction of %(courts)s.") % {"courts": courts})
    out.append(t("This agreement may be signed in counterparts, each of which is an original "
                 "and which together are one and the same agreement."))
    if frame.electronic_signature:
        out.append(t("A party may sign this agreement with an electronic signature, which binds "
                     "it as a handwritten signature does."))
    return out


# the clauses an Italian contract names for specific approval (articles 1341 and 1342
# of the Civil Code), by what they say: only the onerous ones, never a whole article
SOLE_REMEDY = N_("service credits as the sole remedy")
CREDIT_CAP = N_("cap on service credits")
EXCLUSIONS = N_("exclusions from the service levels")
TACIT_RENEWAL = N_("tacit renewal")
TERMINATION_RIGHTS = N_("rights of termination")
LIABILITY_LIMIT = N_("limitation of liability")
PRICE_CHANGES = N_("changes to the fees")
JURISDICTION = N_("jurisdiction")
CLAIM_DEADLINE = N_("time limit for claiming service credits")
RECORDS_PREVAIL = N_("the Provider's records prevailing")


def has_termination_rights(project: Project) -> bool:
    """Whether the termination section gives a party a right to end the
    agreement early: for convenience, for chronic failure or for breach."""
    term = project.termination
    chronic = term.chronic_failure
    return ((term.convenience_clause and term.for_convenience_notice_days is not None)
            or bool(chronic.consecutive_months or chronic.months_in_year)
            or bool(term.cure_days))


def onerous_clauses(project: Project) -> list[tuple[str, list[str]]]:
    """The onerous clauses the contract holds, section by section (the
    sections' keys, each with the English texts of its clauses), in the order
    of the contract."""
    credits = project.service_credits
    term = project.termination
    commercial = project.commercial
    capped = credits.cap_percent is not None or credits.yearly_cap_percent is not None \
        or credits.yearly_cap_amount is not None \
        or any(s.cap_percent is not None for s in credits.more_schedules)
    exclusions = project.exclusions
    claimed = credits.enabled and credits.form is not CreditForm.AUTOMATIC_WAIVER and (
        credits.claim_procedure.included or bool(credits.claim_window_days))
    clauses = {
        # the Customer's objections limited by the Provider's measurements
        "service_levels": [RECORDS_PREVAIL] * (
            project.measurement_terms.included
            and project.measurement_terms.records_prevail is PartyRole.PROVIDER),
        "credits": [SOLE_REMEDY] * (credits.enabled and credits.sole_remedy)
        + [CREDIT_CAP] * (credits.enabled and capped)
        + [CLAIM_DEADLINE] * claimed,  # a time bar (decadenza)
        "exclusions": [EXCLUSIONS] * (exclusions.included and bool(
            exclusions.standard or any(text.strip() for text in exclusions.custom))),
        "termination": [TACIT_RENEWAL] * (term.term is TermKind.FIXED and term.auto_renew)
        + [TERMINATION_RIGHTS] * has_termination_rights(project),
        "commercial": [LIABILITY_LIMIT] * (commercial.included
                                           and commercial.liability_cap_months is not None)
        + [PRICE_CHANGES] * (commercial.included
                             and commercial.price_change_notice_days is not None),
        "general": [JURISDICTION] * project.frame.included,
    }
    return [(name, texts) for name, texts in clauses.items() if texts]


def _signing(project: Project, fmt: Formatter, sections: dict[str, str]) -> dict[str, Any]:
    signing = project.signing
    t = fmt.gettext
    # two witnesses make a Brazilian contract an enforceable instrument (CPC art. 784 III):
    # customary there, so printed whether or not the signing formalities are on
    witnesses = fmt.locale.territory == "BR"
    if not signing.included:
        return {"included": False, "place": "", "onerous": "", "witnesses": witnesses}
    place = signing.place.strip()
    if project.frame.included and project.frame.electronic_signature:
        # signed electronically or in counterparts: no number of paper originals
        sentence = t("Signed at %(place)s.") % {"place": place} if place else ""
    else:
        sentence = (t("Signed in two originals, one for each party, at %(place)s.")
                    % {"place": place} if place else
                    t("Signed in two originals, one for each party."))
    onerous = ""
    if fmt.locale.language == "it":
        clauses = [t("section %(number)s (%(title)s)") % {
            "number": sections[name], "title": fmt.join([t(text) for text in texts])}
            for name, texts in onerous_clauses(project) if name in sections]
        if clauses:
            onerous = t("Under articles 1341 and 1342 of the Italian Civil Code, the Customer "
                        "specifically approves the following clauses: %(clauses)s.") \
                % {"clauses": fmt.join(clauses)}
    return {"included": True, "place": sentence, "onerous": onerous, "witnesses": witnesses}


def frame_context(project: Project, fmt: Formatter, sections: dict[str, str],
                  locale: str) -> dict[str, Any]:
    """The optional parts' keys of the contract template's context."""
    return {
        "measurement_terms": _measurement(project, fmt, sections),
        "maintenance_rules": _maintenance(project, fmt),
        "commercial": _commercial(project, fmt),
        "report_mechanics": _report_mechanics(project, fmt),
        "general": _frame(project, fmt, locale),
        "signing": _signing(project, fmt, sections),
    }


def left_out_sections(project: Project) -> dict[str, bool]:
    """The optional parts' own sections that the agreement leaves out."""
    return {"commercial": not project.commercial.included,
            "general": not project.frame.included}
