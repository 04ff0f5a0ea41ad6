"""Whatever a user types, the contract holds it literally and stays a valid file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx_reading import read_contract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from wizard.core.model import Project
from wizard.core.project_file import load_project
from wizard.core.render import render_contract, xml_safe

US = load_project(Path(__file__).parents[2] / "resources/examples/msp-it-support.slaproj")

Setter = Callable[[Project, str], None]


def _set_title(p: Project, v: str) -> None:
    p.agreement.title = v


def _set_provider(p: Project, v: str) -> None:
    p.parties.provider.name = v


def _set_service(p: Project, v: str) -> None:
    p.services[0].name = v


def _set_metric(p: Project, v: str) -> None:
    p.metrics[1].name = v


def _set_role(p: Project, v: str) -> None:
    p.contacts[0].role = v


def _set_exclusion(p: Project, v: str) -> None:
    p.exclusions.custom = [v]


def _set_signatory(p: Project, v: str) -> None:
    p.parties.customer.signatory.name = v


def _set_included(p: Project, v: str) -> None:
    p.services[2].included = [v]


FIELDS: list[Setter] = [_set_title, _set_provider, _set_service, _set_metric, _set_role,
                        _set_exclusion, _set_signatory, _set_included]


def _well_formed(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        for name in docx.namelist():
            if name.endswith(".xml"):
                etree.fromstring(docx.read(name))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=80), field=st.sampled_from(FIELDS))
def test_any_text_in_any_field_comes_out_literally(text: str, field: Setter) -> None:
    """Any Unicode a user types gives a valid .docx whose text holds it
    (less the characters XML forbids)."""
    project = US.model_copy(deep=True)
    field(project, text)
    data = render_contract(project)
    _well_formed(data)
    assert xml_safe(text) in read_contract(data).text


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}%_#<>&;'\"\\ \n\tx"), min_size=1, max_size=40))
def test_template_syntax_fragments_are_never_evaluated(text: str) -> None:
    """Fragments of Jinja or XML syntax are printed as typed."""
    project = US.model_copy(deep=True)
    project.services[0].description = f"[{text}]"
    data = render_contract(project)
    _well_formed(data)
    assert f"[{xml_safe(text)}]" in read_contract(data).text


def test_xml_safe_drops_only_forbidden_characters() -> None:
    """Control characters vanish; tabs, line breaks, emoji and RTL text stay."""
    assert xml_safe("a\x00b\x08c\x0bd\x1fe\ufffef\ud800g") == "abcdefg"
    assert xml_safe("tab\there\nnew\r\nline\rend") == "tab\there\nnew\nline\nend"
    assert xml_safe("🚀 שלום مرحبا") == "🚀 שלום مرحبا"
