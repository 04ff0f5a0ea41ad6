"""Field bindings name their fields in a checked way: a misspelt field fails
when the page is built (or the field is named), not when the user edits it,
and every page's bindings name fields its model has."""

from __future__ import annotations

import pytest
from page_driving import open_page
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.core.model import Metric, Project, Service
from wizard.ui.binder import FieldPathError, field
from wizard.ui.document import ProjectDocument
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.registry import page_classes


def test_a_field_knows_its_path_and_annotation() -> None:
    enabled = field(Project, "service_credits", "enabled")
    assert enabled.path == "service_credits.enabled"
    assert enabled.types == (bool,)
    assert field(Metric, "method", "interval_minutes").types == (int,)
    assert set(field(Service, "monthly_fee").types) == {type(None), *field(
        Metric, "target").types}
    assert field(Project, "service_credits", "enabled", of=bool).get(Project()) is False


@pytest.mark.parametrize(("names", "wrong"), [
    (("service_credits", "enabeld"), "enabeld"),
    (("service_credit", "enabled"), "service_credit"),
    (("agreement", "title", "length"), "agreement.title"),
])
def test_a_misspelt_field_is_refused_naming_its_path(names: tuple[str, ...], wrong: str) -> None:
    with pytest.raises(FieldPathError) as raised:
        field(Project, *names)
    assert "Project." + ".".join(names) in str(raised.value)
    assert wrong in str(raised.value)


def test_a_field_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(FieldPathError, match=r"agreement\.title"):
        field(Project, "agreement", "title", of=bool)


class _MisspeltPage(StepPage):
    step = Step.BASICS
    title = "Misspelt"

    def build(self) -> None:
        self.bind_text(QLineEdit(), "agreement.titel")


class _WrongWidgetPage(StepPage):
    step = Step.BASICS
    title = "Wrong widget"

    def build(self) -> None:
        self.bind_bool(QCheckBox(), "agreement.title")


class _UncheckedItemPage(StepPage):
    step = Step.SERVICES
    title = "Unchecked item"

    def build(self) -> None:
        self.bind_text(QLineEdit(), "name", base=lambda p: p.services[0])


@pytest.mark.parametrize(("page_class", "path"), [
    (_MisspeltPage, "agreement.titel"),
    (_WrongWidgetPage, "agreement.title"),
    (_UncheckedItemPage, "name"),
])
def test_a_page_binding_a_field_it_cannot_check_is_not_built(
        us_document: ProjectDocument, page_class: type[StepPage], path: str) -> None:
    with pytest.raises(FieldPathError, match=path.replace(".", r"\.")):
        page_class(us_document)


def test_every_page_binds_fields_its_model_has(qtbot: QtBot,
                                               us_document: ProjectDocument) -> None:
    total = 0
    for page_class in page_classes():
        page = open_page(qtbot, page_class, us_document)
        for binding in page.binder.bindings:
            checked = field(binding.field.model, *binding.field.names)
            assert checked == binding.field
            if binding.base is None:
                assert binding.field.model is Project
            else:
                target = binding.base(us_document.project)
                assert target is None or isinstance(target, binding.field.model), \
                    (page_class.__name__, binding.field.path)
            total += 1
    assert total > 80
