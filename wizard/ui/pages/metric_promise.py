"""How firmly a service level is promised and what it is worked out for, on
the Service levels step: a level's own commitment when it differs from the
agreement's, the resource an availability level is worked out for
separately, and whether the severity levels' resolution times are firm."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from wizard.core.model import Commitment, Metric, Project
from wizard.i18n import _
from wizard.ui.binder import field
from wizard.ui.pages.base import StepPage

MetricBase = Callable[[Project], Metric | None]


@dataclass
class PromiseRows:
    commitment_combo: QComboBox
    resource_edit: QLineEdit
    resource_row: QWidget
    """Shown for availability levels only."""


def _commitment_choices(project: Project) -> list[tuple[Commitment | None, str]]:
    agreement = _("As the agreement says (firm)") \
        if project.agreement.commitment is Commitment.WILL_MEET \
        else _("As the agreement says (commercially reasonable efforts)")
    return [(None, agreement),
            (Commitment.WILL_MEET, _("Firm: the target is met")),
            (Commitment.REASONABLE_EFFORTS, _("Commercially reasonable efforts to meet it"))]


def metric_promise_rows(page: StepPage, form: QFormLayout, base: MetricBase,
                        loc: Callable[[str], tuple[str | int, ...]]) -> PromiseRows:
    """The selected level's commitment and resource rows, added to ``form``."""
    combo = QComboBox()
    combo.setAccessibleName(_("Promised as"))
    values: list[Commitment | None] = []

    def load() -> None:
        values[:] = [value for value, _label in _commitment_choices(page.project)]
        combo.clear()
        combo.addItems([label for _value, label in _commitment_choices(page.project)])
        metric = base(page.project)
        combo.setCurrentIndex(values.index(metric.commitment) if metric is not None else 0)

    def store(index: int) -> None:
        metric = base(page.project)
        if metric is not None and 0 <= index < len(values) \
                and metric.commitment is not values[index]:
            page.field_edited(combo, metric, "commitment", values[index])

    page.add_loader(load)
    combo.activated.connect(store)
    page.row(form, _("Promised &as"), combo, loc("commitment"),
             _("Usually every level is promised as the agreement says (Basics step). Some "
               "SLAs promise one level less firmly, an objective the provider uses "
               "commercially reasonable efforts to meet."))

    resource = page.bind_text(QLineEdit(), field(Metric, "method", "per_resource"), base=base)
    resource.setPlaceholderText(_("e.g. instance (empty: the service as a whole)"))
    resource.setAccessibleName(_("Worked out for each"))
    row = page.row(form, _("Worked out for &each"), resource, (*loc("method"), "per_resource"),
             _("Cloud SLAs often measure each instance or each region on its own: each one "
               "meets or misses the target by itself. Write the resource in the singular, in "
               "the contract's language; outages files then name it in a resource column."))
    return PromiseRows(combo, resource, row)


def resolution_row(page: StepPage, form: QFormLayout) -> QComboBox:
    """Whether the severity levels' resolution times are firm or objectives."""
    combo = page.bind_choice(
        QComboBox(), field(Project, "agreement", "resolution_commitment"),
        [(Commitment.WILL_MEET, _("Firm, like the response times")),
         (Commitment.REASONABLE_EFFORTS,
          _("Objectives: commercially reasonable efforts to resolve within them"))])
    page.row(form, _("Resolution times &are"), combo, ("agreement", "resolution_commitment"),
             _("Many support SLAs promise the response times firmly but the resolution times "
               "only as objectives, since a fix can depend on others."))
    return combo
