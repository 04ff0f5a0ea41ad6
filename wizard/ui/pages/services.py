"""Services: the list of services, and the selected one's description,
scope, dependencies, customer responsibilities and monthly fee.

The detail fields are registered under ``("services", "selected", …)``; a
problem about the selected service (``("services", i, field)``) is shown
beside its field, a problem about another service under the list, named.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks import Loc, Problem, Step
from wizard.core.model import Service
from wizard.core.references import service_references
from wizard.i18n import N_, _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.detail_section import SELECTED, DetailSection
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import LinesEdit, TextBox
from wizard.ui.widgets.list_detail import ListDetail
from wizard.ui.widgets.record_table import Column


def service_heading(service: Service | None) -> str:
    if service is None:
        return _("Selected service: none")
    return _("Selected service: {name}").format(name=service.name.strip() or service.id)


def unused_service_id(services: Sequence[Service]) -> str:
    """``service``, ``service2`` … : the first identifier no service has."""
    taken = {s.id for s in services}
    number = 1
    while (candidate := "service" if number == 1 else f"service{number}") in taken:
        number += 1
    return candidate


class ServicesPage(StepPage):
    step = Step.SERVICES
    title = N_("Services")

    def build(self) -> None:
        self._problems: list[Problem] = []

        self.services = ListDetail(
            [Column(_("Id"), "id", width=110), Column(_("Name"), "name")],
            lambda: Service(id=unused_service_id(self.project.services),
                            name=_("New service")),
            _("service"))
        list_form = QFormLayout()
        list_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row(list_form, _("&Services"), self.services, ("services",),
                 _("Each service the agreement covers. Select one to describe it."))
        self.section = DetailSection(self, self.services, lambda p: p.services,
                                     service_heading, ("services",))
        self.detail_box = self.services.detail_box
        form = self.services.form
        selected = self.section.selected

        self.id_edit = self.bind_text(QLineEdit(), field(Service, "id"), base=selected)
        self.follow_renames(self.id_edit, lambda p: service_references(p, service.id)
                            if (service := self.selected_service()) else [])
        self.id_edit.setPlaceholderText(_("e.g. desk"))
        self.row(form, _("&Identifier"), self.id_edit, ("services", SELECTED, "id"),
                 _("Short and unique; metrics name the service they measure by it."))

        self.name_edit = self.bind_text(QLineEdit(), field(Service, "name"), base=selected)
        self.name_edit.setPlaceholderText(_("e.g. Service Desk"))
        self.row(form, _("Na&me"), self.name_edit, ("services", SELECTED, "name"))

        self.description_edit = self.bind_multiline(
            TextBox(_("What the service is, for whom, in a sentence or two."), rows=3),
            field(Service, "description"), base=selected)
        self.description_edit.setMaximumHeight(
            self.description_edit.fontMetrics().lineSpacing() * 6 + 14)
        self.row(form, _("&Description"), self.description_edit,
                 ("services", SELECTED, "description"))

        self.included_edit = self.bind_lines(
            LinesEdit(_("e.g. Password resets and account management")), field(Service, "included"),
            base=selected)
        self.row(form, _("Incl&uded"), self.included_edit, ("services", SELECTED, "included"),
                 _("What the service covers, one item per line."))

        self.excluded_edit = self.bind_lines(
            LinesEdit(_("e.g. Training courses")), field(Service, "excluded"), base=selected)
        self.row(form, _("E&xcluded"), self.excluded_edit, ("services", SELECTED, "excluded"),
                 _("What a customer might expect but is not part of it."))

        self.dependencies_edit = self.bind_lines(
            LinesEdit(_("e.g. Customer internet connection")), field(Service, "dependencies"),
            base=selected)
        self.row(form, _("De&pendencies"), self.dependencies_edit,
                 ("services", SELECTED, "dependencies"),
                 _("What the service relies on that the provider does not control."))

        self.responsibilities_edit = self.bind_lines(
            LinesEdit(_("e.g. Report incidents through the portal")),
            field(Service, "customer_responsibilities"), base=selected)
        self.row(form, _("Customer &responsibilities"), self.responsibilities_edit,
                 ("services", SELECTED, "customer_responsibilities"),
                 _("What the customer must do for the service to work."))

        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText(_("no fee"))
        self.fee_edit.setMaximumWidth(160)
        self.currency_label = plain_label()
        fee_box = QWidget()
        fee_layout = QHBoxLayout(fee_box)
        fee_layout.setContentsMargins(0, 0, 0, 0)
        fee_layout.addWidget(self.fee_edit)
        fee_layout.addWidget(self.currency_label)
        fee_layout.addStretch(1)
        fee_box.setFocusProxy(self.fee_edit)
        fee_loc: Loc = ("services", SELECTED, "monthly_fee")
        self.row(form, _("M&onthly fee"), fee_box, fee_loc,
                 _("Leave empty when there is no fee (as between departments). Service "
                   "credits are a share of this fee."))
        self.fee_edit.setAccessibleName(_("Monthly fee"))
        self.fee_message = self._fields[-1][2]
        self.bind_decimal(self.fee_edit, field(Service, "monthly_fee"), self.fee_message,
                          base=selected, optional=True)

        self.section.finish(
            [self.id_edit, self.name_edit, self.description_edit, self.included_edit,
             self.excluded_edit, self.dependencies_edit, self.responsibilities_edit,
             self.fee_edit], titles=[self.id_edit, self.name_edit],
            focus_on_add=self.name_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(list_form)
        layout.addStretch(1)

    def load(self) -> None:
        currency = self.project.currency
        self.currency_label.setText(_("{currency} a month").format(currency=currency))
        self.fee_edit.setAccessibleDescription(
            _("In {currency}; leave empty for no fee.").format(currency=currency))

    def select_item(self, loc: Loc) -> None:
        if loc[:1] == ("services",) and len(loc) > 1 and isinstance(loc[1], int):
            self.services.select_row(loc[1])

    # the selected service ----------------------------------------------------
    def selected_service(self) -> Service | None:
        service: Service | None = self.section.selected()
        return service

    # problems -----------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Problems about the selected service go beside its fields; those
        about another service under the list, with its name."""
        self._problems = list(problems)
        self._show_stored_problems()

    def _show_stored_problems(self) -> None:
        selected = self.services.current_row()
        shown: list[Problem] = []
        for problem in self._problems:
            loc = problem.loc
            if (problem.step is self.step and loc[:1] == ("services",) and len(loc) > 1
                    and isinstance(loc[1], int) and loc[1] != selected):
                problem = Problem(problem.severity, problem.step, ("services",),
                                  self._about_service(loc[1], problem.message))
            shown.append(problem)
        super().show_problems(shown)

    def _about_service(self, index: int, message: str) -> str:
        services = self.project.services
        service = services[index] if 0 <= index < len(services) else None
        label = (service.name.strip() or service.id.strip()) if service else ""
        return _("Service {number} ({name}): {message}").format(
            number=index + 1, name=label or _("no name"), message=message)

    def show_problems_again(self) -> None:
        self._show_stored_problems()
