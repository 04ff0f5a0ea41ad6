"""Basics: title, reference, type, commitment, date, language, currency,
purpose, definitions."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Step
from wizard.core.currencies import currency_after_language_change
from wizard.core.explain import commitment_sentence
from wizard.core.model import AgreementType, Commitment, Definition, Project
from wizard.i18n import N_, _, language
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.detail_section import DetailSection
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import TextBox
from wizard.ui.widgets.list_detail import ListDetail, TitleColumn
from wizard.ui.widgets.typed_inputs import DayEdit, example_day

CONTRACT_LOCALES = ("en_US", "en_GB", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "es_ES",
                    "es_MX", "nl_NL", "nl_BE", "it_IT", "pt_BR")
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "MXN", "BRL", "SEK", "NOK", "DKK",
              "PLN", "CZK", "JPY")


def agreement_type_choices() -> list[tuple[AgreementType, str]]:
    return [
        (AgreementType.CUSTOMER_BASED, _("Customer-based: one customer, all its services")),
        (AgreementType.SERVICE_BASED, _("Service-based: one service, for every customer")),
        (AgreementType.MULTI_LEVEL, _("Multi-level: organisation, customer group, service")),
        (AgreementType.INTERNAL, _("Internal: between two departments")),
    ]


def commitment_choices() -> list[tuple[Commitment, str]]:
    return [
        (Commitment.WILL_MEET, _("Meets the service levels (a firm promise)")),
        (Commitment.REASONABLE_EFFORTS,
         _("Uses commercially reasonable efforts to meet them")),
    ]


def locale_label(code: str) -> str:
    """``German (Switzerland) (de_CH)``, named in the interface language."""
    try:
        return f"{Locale.parse(code).get_display_name(language())} ({code})"
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return code


def definition_title(definition: Definition) -> str:
    return definition.term.strip() or _("(no term)")


def definition_heading(definition: Definition | None) -> str:
    if definition is None:
        return _("Selected definition: none")
    return _("Selected definition: {term}").format(term=definition_title(definition))


class BasicsPage(StepPage):
    step = Step.BASICS
    title = N_("Basics")

    def build(self) -> None:
        self._languages: list[str] = []
        self._currencies: list[str] = []
        form = QFormLayout()
        self.title_edit = self.bind_text(QLineEdit(), field(Project, "agreement", "title"))
        self.title_edit.setPlaceholderText(_("e.g. Managed IT Support Service Level Agreement"))
        self.row(form, _("&Title"), self.title_edit, ("agreement", "title"))

        self.reference_edit = self.bind_text(QLineEdit(), field(Project, "agreement", "reference"))
        self.row(form, _("&Reference"), self.reference_edit, ("agreement", "reference"),
                 _("Your own contract number, printed in every page's header."))

        self.type_combo = self.bind_choice(QComboBox(), field(Project, "agreement", "type"),
                                           agreement_type_choices())
        self.row(form, _("Agreement t&ype"), self.type_combo, ("agreement", "type"))

        self.commitment_combo = self.bind_choice(QComboBox(),
                                                 field(Project, "agreement", "commitment"),
                                                 commitment_choices())
        commitment_row = self.row(
            form, _("Co&mmitment"), self.commitment_combo, ("agreement", "commitment"),
            _("How firmly the service levels are promised: a firm promise is what customers "
              "expect; efforts wording is usual in internal agreements and public cloud "
              "terms."))
        self.commitment_label = plain_label()
        self.commitment_label.setWordWrap(True)
        self.commitment_label.setProperty("role", "hint")
        commitment_layout = commitment_row.layout()
        assert isinstance(commitment_layout, QVBoxLayout)
        commitment_layout.insertWidget(1, self.commitment_label)  # under the choice

        self.date_edit = DayEdit()  # 2027-01-01, or typed as 1.1.2027 in German
        self.bind_date(self.date_edit, field(Project, "agreement", "effective_date"))
        self.row(form, _("Effective &date"), self.date_edit, ("agreement", "effective_date"))
        date_message = self._fields[-1][2]
        self.date_edit.rejected.connect(lambda text: date_message.set_input_error(
            _('"{text}" is not a date: write it as {example} or 2027-01-31.').format(
                text=text.strip(), example=example_day())))
        self.date_edit.dateChanged.connect(lambda _day: date_message.set_input_error(""))

        self.language_combo = QComboBox()
        self.language_combo.setEditable(False)
        self.row(form, _("&Contract language"), self.language_combo, ("language",),
                 _("The language and country the contract is written for; it sets the "
                   "format of dates, numbers and money."))
        self.language_combo.activated.connect(self._language_chosen)

        self.currency_combo = QComboBox()
        self.currency_note = plain_label()
        self.currency_note.setProperty("role", "hint")
        self.currency_note.setWordWrap(True)
        self.currency_note.setVisible(False)
        currency_box = QWidget()
        currency_layout = QVBoxLayout(currency_box)
        currency_layout.setContentsMargins(0, 0, 0, 0)
        currency_layout.addWidget(self.currency_combo)
        currency_layout.addWidget(self.currency_note)
        currency_box.setFocusProxy(self.currency_combo)
        self.row(form, _("C&urrency"), currency_box, ("currency",))
        self.currency_combo.setAccessibleName(currency_box.accessibleName())
        self.currency_combo.activated.connect(self._currency_chosen)

        self.version_edit = self.bind_text(QLineEdit(),
                                           field(Project, "agreement", "document_version"))
        self.row(form, _("D&ocument version"), self.version_edit,
                 ("agreement", "document_version"))

        self.purpose_edit = self.bind_multiline(TextBox(rows=4),
                                                field(Project, "agreement", "purpose"))
        self.row(form, _("&Purpose and scope"), self.purpose_edit, ("agreement", "purpose"),
                 _("Two or three sentences: who provides what to whom, and why this agreement "
                   "exists."))
        self.scope_box = self.bind_bool(
            QCheckBox(_("Follow it with a sentence on the kind of agreement")),
            field(Project, "agreement", "scope_sentence"))
        self.row(form, _("Kind of a&greement"), self.scope_box, ("agreement", "scope_sentence"),
                 _("The contract says, for example, \"This is a service-based agreement: …\". "
                   "Untick when your purpose already says it."))

        definitions_form = QFormLayout()
        definitions_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.definitions = ListDetail([TitleColumn("term", definition_title)],
                                      lambda: Definition(term=_("New term")), _("definition"))
        self.row(definitions_form, _("Def&initions"), self.definitions,
                 ("agreement", "definitions"),
                 _("Terms your contract uses in a specific sense. The contract adds its own "
                   "(Coverage Hours, Downtime …)."))
        self.definition_section = DetailSection(
            self, self.definitions, lambda p: p.agreement.definitions, definition_heading,
            ("agreement", "definitions"))
        loc = self.definition_section.loc
        selected = self.definition_section.selected
        self.term_edit = self.bind_text(QLineEdit(), field(Definition, "term"), base=selected)
        self.term_edit.setPlaceholderText(_("e.g. Business Day"))
        self.row(self.definitions.form, _("&Term"), self.term_edit, loc("term"))
        self.definition_edit = self.bind_multiline(
            TextBox(_("What the term means in this agreement."), rows=4),
            field(Definition, "definition"), base=selected)
        self.row(self.definitions.form, _("&Definition"), self.definition_edit, loc("definition"))
        self.definition_section.finish([self.term_edit, self.definition_edit],
                                       titles=[self.term_edit])

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(form)
        layout.addLayout(definitions_form)
        layout.addStretch(1)

        self.document.changed.connect(self._show_commitment)

    def _language_chosen(self, index: int) -> None:
        """A contract for another country is usually priced in its currency:
        the currency follows when it was the old country's own (a default,
        most likely), in the same step of the Edit menu, and says so."""
        chosen = self._languages[index]
        follow = currency_after_language_change(self.project.currency, self.project.language,
                                                chosen)

        def apply(project: Project) -> None:
            project.language = chosen
            if follow is not None:
                project.currency = follow

        self.edited(apply)
        if follow is not None:
            self._select_currency(follow)
            self.currency_note.setText(_(
                "The currency follows the contract's country: {currency}. Choose another "
                "if the contract is priced in another currency.").format(currency=follow))
        self.currency_note.setVisible(follow is not None)

    def _currency_chosen(self, index: int) -> None:
        self.currency_note.setVisible(False)
        self.edited(lambda p: setattr(p, "currency", self._currencies[index]))

    def _select_currency(self, code: str) -> None:
        if code in self._currencies:
            self.currency_combo.setCurrentIndex(self._currencies.index(code))

    def load(self) -> None:
        project = self.project
        codes = self._languages = list(CONTRACT_LOCALES)
        if project.language not in codes:
            codes.append(project.language)
        self.language_combo.clear()
        for code in codes:
            self.language_combo.addItem(locale_label(code))
        self.language_combo.setCurrentIndex(codes.index(project.language))

        currencies = self._currencies = list(CURRENCIES)
        if project.currency not in currencies:
            currencies.append(project.currency)
        self.currency_combo.clear()
        for code in currencies:
            try:
                name = get_currency_name(code, locale=language())
            except (ValueError, LookupError):
                name = code
            self.currency_combo.addItem(f"{code} – {name}")
        self.currency_combo.setCurrentIndex(currencies.index(project.currency))
        self._show_commitment()

    def _show_commitment(self) -> None:
        """What the contract will promise, with the parties named."""
        sentence = commitment_sentence(self.project)
        self.commitment_label.setText(sentence)
        self.commitment_label.setVisible(bool(sentence))

    def select_item(self, loc: tuple[str | int, ...]) -> None:
        if loc[:2] == ("agreement", "definitions") and len(loc) > 2 and isinstance(loc[2], int):
            self.definitions.select_row(loc[2])
