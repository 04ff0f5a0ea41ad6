"""Whatever a user types in any field comes out literally in the contract: markup,
template syntax, control characters, emoji, right-to-left scripts, a 20,000-character
clause. Never evaluated, never breaking the file; and the contract still opens in
LibreOffice, which shows the same text.

Every free-text field of the model is found by walking it (so a field added later is
covered without touching this test), and each distinct value of the US example is
replaced by a hostile string with a unique marker. Values are replaced by value, so
references between fields (a metric's service id, the report recipient's contact
name) stay consistent.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_reading import read_contract
from example_paths import US_EXAMPLE
from lxml import etree
from office import needs_libreoffice, pdf_text, to_pdf
from project_strategies import free_text_slots

from wizard.core.contract import SUPPORTED_LOCALES
from wizard.core.model import KNOWN_UNITS, Project
from wizard.core.project_file import load_project, project_to_bytes, save_project
from wizard.core.render import render_contract, xml_safe

HOSTILE = [
    "<w:p><w:r><w:t>injected</w:t></w:r></w:p>",
    "]]><!-- comment --><![CDATA[x]]>",
    "{{ 7*7 }}",
    "{% for i in range(3) %}loop{% endfor %}",
    "{%p if true %}para{%p endif %}",
    "{{r x }} {%tr for r in rows %} {{p x}}",
    "{_{ x }_} {_% if %_}",
    "{# a comment #}",
    "{{ ''.__class__.__mro__ }}",
    "&amp; &lt;b&gt; & < > \" '",
    "${x} %s %(x)s {0} $1 \\1",
    "ctrl\x00\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\ufffe\uffffend",
    "emoji 🚀😀👍🏽 family 👨‍👩‍👧 flag 🇩🇪",
    "שלום עולם",
    "مرحبا بالعالم",
    "mixed Hello שלום 123 مرحبا end",
    "\u202eoverride\u202c and \u200fmark",
    "e\u0301 é ＡＢＣ ﬁ",
    "zero\u200bwidth\u200djoin\ufeffbom",
    "日本語のテキスト 中文 한국어",
    "line one\nline two\twith tab\r\nline three\rline four",
    "C:\\Users\\n\\t path",
    "'; DROP TABLE contracts; --",
    "\u00a0non-breaking\u2028line sep\u2029para sep",
    "  leading and trailing  ",
]
SKIPPED_FIELDS = frozenset({("Project", "language"), ("Schedule", "timezone"),
                            ("Project", "template")})
"""Codes chosen from a list (the contract's locale, an IANA time zone) and the
template's file name, not typed text."""
LONG_CLAUSE_WORDS = 2900


def _replace_text(project: Project, make: Callable[[int], str]) -> dict[str, str]:
    """Replace every free-text value (codes such as "percent" or "*" aside) by
    ``make(n)``, the same value by the same text; returns old → new."""
    mapping: dict[str, str] = {}
    for owner, name, index in list(free_text_slots(project, optional=True, skip=SKIPPED_FIELDS)):
        old = getattr(owner, name) if index is None else getattr(owner, name)[index]
        if old in KNOWN_UNITS or old == "*":
            continue
        new = mapping.setdefault(old, make(len(mapping)))
        if index is None:
            setattr(owner, name, new)
        else:
            getattr(owner, name)[index] = new
    return mapping


def _marker(n: int) -> str:
    return f"Q{n:03d}Z"


LONG_CLAUSE = "Q999Z " + " ".join(
    f"w{i:05d}" + (" <&> {{ x }}" if i % 97 == 0 else "") for i in range(LONG_CLAUSE_WORDS))


@functools.cache
def hostile_project() -> tuple[Project, dict[str, str]]:
    """The US example with hostile text in every field, saved and loaded again."""
    project = load_project(US_EXAMPLE)
    mapping = _replace_text(project, lambda n: f"{_marker(n)} {HOSTILE[n % len(HOSTILE)]}")
    project.metrics[3].unit = mapping["custom unit"] = "Q998Z {{ unit }} <b>"
    project.agreement.purpose = mapping[load_project(US_EXAMPLE).agreement.purpose] = \
        LONG_CLAUSE
    assert len(LONG_CLAUSE) >= 20_000
    reloaded = Project.model_validate_json(project_to_bytes(project))
    assert reloaded == project
    return reloaded, mapping


@functools.cache
def rendered_fields() -> frozenset[str]:
    """The markers of the fields the contract shows (ids and the like are not shown)."""
    project = load_project(US_EXAMPLE)
    mapping = _replace_text(project, _marker)
    text = read_contract(render_contract(project, "en_US")).text
    return frozenset(marker for marker in mapping.values() if marker in text)


def _flat(text: str) -> str:
    """What a reader compares: no XML-forbidden characters, whitespace collapsed."""
    return " ".join(xml_safe(text).split())


def test_every_text_field_is_covered() -> None:
    """A field added to the model would escape the hostile-text test."""
    _project, mapping = hostile_project()
    assert len(mapping) >= 90
    assert len(rendered_fields()) >= 80
    for hostile in HOSTILE:  # each hostile string lands in several fields
        assert sum(value.endswith(hostile) for value in mapping.values()) >= 3, hostile


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_hostile_text_comes_out_literally(locale: str, tmp_path: Path) -> None:
    """Markup or template code typed by a user would be evaluated, break the Word file, or
    vanish from the contract."""
    project, mapping = hostile_project()
    path = tmp_path / "hostile.slaproj"
    save_project(project, path)
    data = render_contract(load_project(path), locale)

    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        for name in docx.namelist():
            if name.endswith(".xml"):
                etree.fromstring(docx.read(name))  # well-formed, or this raises
    text = _flat(read_contract(data).text)
    shown = rendered_fields()
    missing = [new for new in mapping.values()
               if new[:5] in shown and _flat(new) not in text]
    assert missing == []
    assert _flat(LONG_CLAUSE) in text
    assert "Q998Z {{ unit }} <b>" in text
    assert "injected</w:t>" in text  # printed, not parsed
    assert "{{ 7*7 }}" in text and " 49 " not in text.replace("{{ 7*7 }}", "")
    assert "looplooploop" not in text
    assert "<class" not in text


# --------------------------------------------------------------------------- LibreOffice



@functools.cache
def _has_glyph(char: str) -> bool:
    """Whether any installed font can draw ``char`` (else no PDF can show it)."""
    if char.isascii():
        return True
    if shutil.which("fc-list") is None:
        return False  # cannot tell
    result = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"],
                            capture_output=True, text=True, check=False)
    return result.returncode != 0 or bool(result.stdout.strip())


def _readable(text: str, undrawable: frozenset[str] = frozenset()) -> str:
    """Text as a PDF reader gets it back: compatibility forms folded (ﬁ → fi),
    invisible format characters (bidi marks, zero-width) and characters no font
    could draw left out, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", xml_safe(text))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf" and c not in undrawable)
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    """Without whitespace and hyphens: line wrapping in the PDF adds breaks after
    "/" or "-", and the PDF reader drops a hyphen that ends a line."""
    return "".join(c for c in text if not c.isspace() and c != "-")


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL", "RLO", "RLE", "RLI", "RLM")
               for c in text)


def _near_marker(wanted: str, pdf: str, marker: str) -> bool:
    """Every character of ``wanted`` shows close after ``marker``, in any order: text
    whose right-to-left parts the PDF holds in display order, or a table cell whose
    lines the PDF reader interleaves with the next cell's."""
    needed: dict[str, int] = {}
    for char in _squeezed(wanted):
        needed[char] = needed.get(char, 0) + 1
    start = pdf.find(marker)
    while start >= 0:
        window = _squeezed(pdf[start:start + 3 * len(wanted) + 200])
        if all(window.count(char) >= count for char, count in needed.items()):
            return True
        start = pdf.find(marker, start + 1)
    return False


def _pdf_texts(docx: Path, tmp_path: Path) -> tuple[str, str]:
    """The PDF's text as pdftotext reads it: in reading order (which may interleave
    the lines of table cells side by side) and in the order the PDF holds it (cell
    by cell)."""
    pdf = to_pdf(docx, tmp_path)
    return pdf_text(pdf), pdf_text(pdf, "-raw")


@pytest.mark.slow
@needs_libreoffice
def test_hostile_contract_opens_in_libreoffice(tmp_path: Path) -> None:
    """The contract with hostile text would not open in a word processor, or would show
    something other than what was typed."""
    project, mapping = hostile_project()
    docx = tmp_path / "hostile.docx"
    docx.write_bytes(render_contract(project, "en_US"))

    raw, stored = _pdf_texts(docx, tmp_path)

    # a character missing from the whole PDF is one no installed font can draw (the
    # Word file has it: see above); one missing in a single place would be lost text
    typed = {c for value in mapping.values() for c in _readable(value)}
    undrawable = frozenset(c for c in typed if c not in _readable(raw + stored))
    assert all(not _has_glyph(c) for c in undrawable), sorted(undrawable)
    pdf, pdf_stored = _readable(raw), _readable(stored)
    shown = rendered_fields()
    exact = reflowed = reordered = 0
    missing = []
    for new in mapping.values():
        marker = new[:5]
        if marker not in shown:
            continue
        wanted = _readable(new, undrawable)
        if wanted in pdf or wanted in pdf_stored:
            exact += 1
        elif any(_squeezed(wanted) in _squeezed(text) for text in (pdf, pdf_stored)):
            reflowed += 1
        elif any(_near_marker(wanted, text, marker) for text in (pdf, pdf_stored)):
            reordered += 1
        else:
            missing.append(new)
    assert missing == []
    # the long clause, word for word, across page breaks (where headers and footers
    # come between its lines)
    assert re.findall(r"\bw\d{5}\b", pdf) == [f"w{i:05d}" for i in range(LONG_CLAUSE_WORDS)]
    assert pdf.count("<&> {{ x }}") >= LONG_CLAUSE.count("<&> {{ x }}")
    assert exact + reflowed >= 0.8 * (exact + reflowed + reordered)
    assert "Page 1 of " in pdf and "Signatures" in pdf
    print(f"\nhostile fields in the PDF: {exact} word for word, {reflowed} word for word "
          f"once line breaks are ignored, {reordered} with every character in place but "
          f"in display order (right-to-left text) or interleaved with a table cell; "
          f"{raw.count(chr(12))} pages; characters no installed font draws: "
          f"{' '.join(sorted(undrawable))}")
