"""The optional clauses of a full SLA as groups of the steps where a user
looks for them: what Downtime, a response and a resolution mean on the Service
levels step, maintenance rules on the Availability schedule step, and the
commercial terms, the legal frame and the signing formalities on the
Termination step. Each group is a switch, off by default, and the fields it
shows once switched on (:mod:`wizard.core.contract_frame` writes the clauses).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.core.contract import SUPPORTED_LOCALES, contract_translations
from wizard.core.contract_frame import (
    DEFAULT_COURTS,
    default_data_protection,
    default_governing_law,
)
from wizard.core.model import (
    MAX_DAYS,
    MAX_MONTH_MINUTES,
    MAX_MONTHS,
    MAX_NOTICE_HOURS,
    PartyRole,
    Project,
)
from wizard.i18n import _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.fields import OptionalSpinBox


class OptionalPart:
    """A group with the switch of one optional part and the fields it shows
    when the part is on."""

    def __init__(self, page: StepPage, part: str, title: str, switch_text: str,
                 hint: str) -> None:
        self.page = page
        self.part = part
        self.group = QGroupBox(title)
        layout = QVBoxLayout(self.group)
        self.switch = page.bind_bool(QCheckBox(switch_text), field(Project, part, "included"))
        layout.addWidget(page.switch(self.switch, (part, "included"), hint))
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.details)
        self.switch.toggled.connect(self.details.setVisible)
        page.document.changed.connect(self.follow)
        page.add_loader(self.follow)

    def follow(self) -> None:
        self.details.setVisible(bool(getattr(self.page.project, self.part).included))

    def text(self, name: str, label: str, placeholder: str, hint: str) -> QLineEdit:
        edit = self.page.bind_text(QLineEdit(), field(Project, self.part, name))
        edit.setPlaceholderText(placeholder)
        self.page.row(self.form, label, edit, (self.part, name), hint)
        return edit

    def check(self, name: str, label: str, text: str, hint: str) -> QCheckBox:
        box = self.page.bind_bool(QCheckBox(text), field(Project, self.part, name))
        self.page.row(self.form, label, box, (self.part, name), hint)
        return box

    def party(self, name: str, label: str, hint: str) -> QComboBox:
        combo = self.page.bind_choice(QComboBox(), field(Project, self.part, name), [
            (PartyRole.PROVIDER, _("the provider")), (PartyRole.CUSTOMER, _("the customer"))])
        self.page.row(self.form, label, combo, (self.part, name), hint)
        return combo

    def number(self, name: str, label: str, spin: QSpinBox, hint: str) -> QSpinBox:
        spin.setMaximumWidth(220)
        if isinstance(spin, OptionalSpinBox):
            self.page.bind_optional_int(spin, field(Project, self.part, name))
        else:
            self.page.bind_int(spin, field(Project, self.part, name))
        self.page.row(self.form, label, spin, (self.part, name), hint)
        return spin


def _spin(minimum: int, maximum: int, suffix: str, special: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSuffix(suffix)
    if special:
        spin.setSpecialValueText(special)
    return spin


def measurement_group(page: StepPage) -> QGroupBox:
    """Service levels step: what the measurement words mean."""
    part = OptionalPart(
        page, "measurement_terms", _("Measurement and incidents"),
        _("Define downtime, response and resolution"),
        _("A service level is only as firm as its words: say what counts as unavailable, "
          "from where it is measured, when downtime starts and stops and whose records decide; "
          "that a response is a person's reply, not an automatic acknowledgement; whether a "
          "workaround resolves an incident; and who assigns the severity level."))
    part.text("unavailable_when", _("Unavailable when"),
              _("it does not answer requests, or answers only with server errors"),
              _("Completes the sentence “The service is unavailable when …”. Describe what a "
                "user notices (no answer, errors, far too slow), not how it is detected."))
    part.text("measured_from", _("Measured by"),
              _("the provider's monitoring, checking every minute from two locations outside "
                "its network"),
              _("Completes “Unavailability is detected and measured by …”. Good practice "
                "measures from outside the provider's network, at a stated interval."))
    part.party("records_prevail", _("Records that prevail"),
               _("Whose records decide when the parties' records of downtime differ, unless "
                 "the other party shows them to be wrong. Usually the provider's monitoring."))
    part.check("workaround_resolves", _("Workarounds"),
               _("A workaround the customer can reasonably use resolves an incident"),
               _("Off, an incident is resolved only when its cause is corrected. On, the "
                 "provider keeps working on a permanent fix."))
    part.party("severity_assigned_by", _("Severity assigned by"),
               _("Usually the customer assigns it when reporting and the provider may re-grade "
                 "it, giving reasons; the contract says what happens if they disagree."))
    return part.group


def maintenance_group(page: StepPage) -> QGroupBox:
    """Availability schedule step: how maintenance is announced, emergency maintenance."""
    part = OptionalPart(
        page, "maintenance_rules", _("Maintenance rules"),
        _("Set out maintenance notice and emergency maintenance"),
        _("How notice of maintenance reaches the customer, when the provider may work outside "
          "the windows in an emergency, with what notice, and how much emergency maintenance a "
          "month may take before it counts as downtime."))
    part.text("notice_channel", _("Notice given by"),
              _("e-mail to the customer's contacts and on the status page"),
              _("Completes “The Provider gives notice of maintenance by …”."))
    part.number("emergency_notice_hours", _("Emergency notice"),
                _spin(0, MAX_NOTICE_HOURS, _(" hours"), _("as early as possible")),
                _("The least notice before emergency maintenance; at the lowest value the "
                  "provider gives notice as early as it reasonably can."))
    part.number("emergency_cap_minutes_per_month", _("Emergency maintenance at most"),
                OptionalSpinBox(_("no cap"), minimum=0, maximum=MAX_MONTH_MINUTES,
                                suffix=_(" minutes a month")),
                _("When emergency maintenance is an exclusion, what goes beyond this counts as "
                  "downtime; otherwise the contract caps emergency maintenance at it."))
    return part.group


def report_terms_rows(page: StepPage, form: QFormLayout) -> None:
    """Reporting step: when a report is due and how long the customer has to
    object (each empty until set)."""
    due = OptionalSpinBox(_("not set"), minimum=1, maximum=MAX_DAYS, suffix=_(" business days"))
    due.setMaximumWidth(220)
    page.bind_optional_int(due, field(Project, "reporting", "due_business_days"))
    page.row(form, _("Report due within"), due, ("reporting", "due_business_days"),
             _("Business days after the end of the period a report covers; five to ten is "
               "usual for a monthly report."))
    objection = OptionalSpinBox(_("not set"), minimum=1, maximum=MAX_DAYS, suffix=_(" days"))
    objection.setMaximumWidth(220)
    page.bind_optional_int(objection, field(Project, "reporting", "objection_days"))
    page.row(form, _("Objections to a report within"), objection,
             ("reporting", "objection_days"),
             _("The time the customer has to dispute a report, with reasons; a report not "
               "disputed in it counts as agreed for service credits."))


class LegalGroups:
    """Termination step: commercial terms, the legal frame and signing formalities."""

    def __init__(self, page: StepPage) -> None:
        self.page = page
        self.commercial = self._commercial()
        self.frame = self._frame()
        self.signing = self._signing()
        page.document.changed.connect(self.follow)
        page.add_loader(self.follow)

    @property
    def groups(self) -> list[QGroupBox]:
        return [self.commercial.group, self.frame.group, self.signing.group]

    @property
    def forms(self) -> list[QFormLayout]:
        return [self.commercial.form, self.frame.form, self.signing.form]

    def _commercial(self) -> OptionalPart:
        part = OptionalPart(
            self.page, "commercial", _("Commercial terms"),
            _("Add commercial terms"),
            _("Payment, taxes, price changes, a limit of liability and data protection: what a "
              "master agreement would otherwise say. Leave them off when a master agreement "
              "already covers them."))
        part.number("payment_days", _("Invoices paid within"),
                    _spin(0, MAX_DAYS, _(" days"), _("not said")),
                    _("Days from the invoice date; 30 is common in business contracts."))
        part.check("fees_exclude_tax", _("Taxes"), _("Fees are stated before VAT and other taxes"),
                   _("Business prices are usually stated before tax (“HT”, “zzgl. USt.”); off, "
                     "the fees include VAT."))
        part.number("price_change_notice_days", _("Notice of a price change"),
                    OptionalSpinBox(_("only by agreement"), minimum=1, maximum=MAX_DAYS,
                                    suffix=_(" days")),
                    _("With a notice period, the provider may change the fees and the customer "
                      "may then leave; without, fees change only by agreement."))
        part.number("liability_cap_months", _("Liability capped at the fees of"),
                    OptionalSpinBox(_("no limit clause"), minimum=1, maximum=MAX_MONTHS,
                                    suffix=_(" months")),
                    _("Each party's liability is capped at the fees of this many months before "
                      "the claim (twelve is usual); liability that the law does not allow to "
                      "be limited stays unlimited."))
        self.data_protection = part.text(
            "data_protection", _("Data protection"), "",
            _("The terms personal data is processed under, as the contract should name them. "
              "Empty: a data processing agreement in the EU, UK, Swiss and Brazilian "
              "contracts, none elsewhere."))
        return part

    def _frame(self) -> OptionalPart:
        part = OptionalPart(
            self.page, "frame", _("Legal frame"),
            _("Add general provisions"),
            _("How this agreement relates to a master agreement and which prevails, notices, "
              "entire agreement, severability, governing law and courts, counterparts and "
              "electronic signature. Leave them off when the agreement is an annex of a master "
              "agreement that has them."))
        part.text("master_agreement", _("Master agreement"),
                  _("the Master Services Agreement of 1 March 2026"),
                  _("The agreement this one forms part of, as the contract should name it; "
                    "empty: none."))
        part.check("master_prevails", _("In a conflict"), _("The master agreement prevails"),
                   _("Off, this agreement prevails on the matters it governs (the service "
                     "levels and credits)."))
        self.law_edit = part.text(
            "governing_law", _("Governing law"), "",
            _("Empty: the law of the contract language's country. In the United States each "
              "state has its own law: name it."))
        self.courts_edit = part.text(
            "courts", _("Courts"), "",
            _("Empty: the competent courts at the provider's registered office. Name an "
              "arbitration body here if the parties prefer one."))
        part.check("electronic_signature", _("Signing"),
                   _("The parties may sign electronically"),
                   _("An electronic signature binds as a handwritten one does."))
        return part

    def _signing(self) -> OptionalPart:
        part = OptionalPart(
            self.page, "signing", _("Signing formalities"),
            _("Add the signing formalities"),
            _("Where and in how many originals the agreement is signed, and each country's "
              "own formalities: in Italian contracts the customer signs a second time to "
              "approve onerous clauses (articles 1341 and 1342 of the Civil Code), in "
              "Brazilian contracts two witnesses sign."))
        part.text("place", _("Place of signing"), _("Paris"),
                  _("The town where the agreement is signed; empty: not said."))
        return part

    def follow(self) -> None:
        """Placeholders that show what the contract writes for an empty field, in
        the contract's language."""
        language = self.page.project.language
        if language not in SUPPORTED_LOCALES:
            language = "en_US"
        clause = contract_translations(language).gettext
        law = default_governing_law(language)
        self.law_edit.setPlaceholderText(
            clause(law) if law else _("required: no default for this country"))
        self.courts_edit.setPlaceholderText(clause(DEFAULT_COURTS))
        terms = default_data_protection(language)
        self.data_protection.setPlaceholderText(clause(terms) if terms else _("none"))
