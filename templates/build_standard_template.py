"""Build ``templates/standard.docx``, the bundled contract template.

The template is generated rather than drawn by hand so that every change to
it is a readable diff: this script holds the layout (styles, numbering,
header, footer, tables) and the clause text, written as Jinja for docxtpl.
Clause text goes through ``_()`` / ``ngettext()`` so that it can be
translated; the values come from :func:`wizard.core.contract.build_context`.

Run from the repository root: ``python templates/build_standard_template.py``
(needs python-docx, part of the ``test`` extra). A test checks that the
committed ``standard.docx`` is what this script builds.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from wizard.core.contract import (
    CONVENIENCE_WITH_WRITTEN_NOTICE,
    RENEWAL_WITH_WRITTEN_NOTICE,
    REWORDED,
)
from wizard.core.document_setup import set_compatibility_mode

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x59, 0x62, 0x6E)
HEADER_FILL = "E3EAF2"
"""The heading row of a table; the "Contract Table" style holds it."""
BORDER = "A9B4C2"
FONT = "Calibri"
TEXT_WIDTH_CM = 16.0
LOGO_SPACE_AFTER = Pt(10)

TABLE_STYLE = "Contract Table"
TABLE_HEADING_STYLE = "Table Heading"
LOGO_STYLE = "Logo"
"""Named styles that branding (and a person restyling the template in Word)
changes in one place: the heading row's fill, its text, the logo's paragraph."""

OUT = Path(__file__).resolve().parent / "standard.docx"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# A fixed timestamp keeps the zip (and so the committed file) reproducible.
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


def tr(text: str) -> str:
    """A translated clause: ``{{ _("text") }}``."""
    return '{{ _("' + text + '") }}'


def tr_with(text: str, **values: str) -> str:
    """A translated clause with named values: ``{{ _("… %(x)s …", x=expr) }}``."""
    args = ", ".join(f"{name}={expr}" for name, expr in values.items())
    return '{{ _("' + text + '", ' + args + ") }}"


def reworded(key: str, old: str, **values: str) -> str:
    """The clause :data:`~wizard.core.contract.REWORDED` holds for ``key``
    where the contract's language has it, ``old`` where not yet."""
    def make(text: str) -> str:
        return tr_with(text, **values) if values else tr(text)
    return ("{% if reworded." + key + " %}" + make(REWORDED[key]) + "{% else %}" + make(old)
            + "{% endif %}")


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        self._styles()
        self._numbering()
        self._page()
        self._settings()

    # set-up ----------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10.5)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15

        title = styles["Title"]
        title.font.name = FONT
        title.font.size = Pt(22)
        title.font.bold = True
        title.font.color.rgb = ACCENT
        title.paragraph_format.space_after = Pt(4)
        border = title.element.get_or_add_pPr().find(qn("w:pBdr"))
        if border is not None:
            border.getparent().remove(border)

        for name, size, before in (("Heading 1", 13, 16), ("Heading 2", 11, 10)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = ACCENT
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True

        bullet = styles["List Bullet"]
        bullet.font.name = FONT
        bullet.paragraph_format.space_after = Pt(2)

        for name in ("Header", "Footer"):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(8.5)
            style.font.color.rgb = MUTED
            tabs = style.paragraph_format.tab_stops
            tabs.clear_all()
            tabs.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)

        heading = styles.add_style(TABLE_HEADING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        heading.base_style = normal
        heading.quick_style = True
        heading.font.bold = True
        heading.font.size = Pt(9.5)
        heading.paragraph_format.space_after = Pt(1)
        heading.paragraph_format.line_spacing = 1.0

        logo = styles.add_style(LOGO_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        logo.base_style = normal
        logo.paragraph_format.space_after = LOGO_SPACE_AFTER
        logo.paragraph_format.line_spacing = 1.0
        logo.paragraph_format.keep_with_next = True

        table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        table.base_style = styles["Normal Table"]
        first_row = OxmlElement("w:tblStylePr")
        first_row.set(qn("w:type"), "firstRow")
        tc_pr = OxmlElement("w:tcPr")
        shading = OxmlElement("w:shd")
        for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", HEADER_FILL)):
            shading.set(qn(key), value)
        tc_pr.append(shading)
        first_row.append(tc_pr)
        table.element.append(first_row)

    def _numbering(self) -> None:
        """Heading 1 numbered ``1.``, Heading 2 ``1.1``: numbers follow the
        sections actually present."""
        numbering = self.doc.part.numbering_part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), "90")
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "multilevel")
        abstract.append(multi)
        for level, (fmt, style) in enumerate((("%1.", "Heading1"), ("%1.%2", "Heading2"))):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:pStyle", style),
                             ("w:lvlText", fmt), ("w:lvlJc", "left")):
                child = OxmlElement(tag)
                child.set(qn("w:val"), val)
                lvl.append(child)
            ppr = OxmlElement("w:pPr")
            tabs = OxmlElement("w:tabs")
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), "num")
            tab.set(qn("w:pos"), "567")
            tabs.append(tab)
            ppr.append(tabs)
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), "567")
            ind.set(qn("w:hanging"), "567")
            ppr.append(ind)
            lvl.append(ppr)
            abstract.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), "90")
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        num.append(ref)
        numbering.append(num)
        for level, name in enumerate(("Heading 1", "Heading 2")):
            ppr = self.doc.styles[name].element.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(level))
            numid = OxmlElement("w:numId")
            numid.set(qn("w:val"), "90")
            numpr.append(ilvl)
            numpr.append(numid)
            _put(ppr, numpr)

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Cm(21.0)
        section.page_height = Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = Cm(2.3)
        section.bottom_margin = Cm(2.0)
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(1.0)

        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        header.add_run("{{ agreement.title }}\t{{ agreement.reference }}")
        _bottom_border(header)

        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(tr("Page") + " ")
        _field(footer, "PAGE")
        footer.add_run(" " + tr("of") + " ")
        _field(footer, "NUMPAGES")

    def _settings(self) -> None:
        """Word's current layout rules rather than compatibility mode, and no
        leftovers of python-docx's own starting document: its "spelling
        already checked" state, the thumbnail of its blank first page, and a
        copy of its original styles (stylesWithEffects.xml, read by Word 2010)
        that no longer matches ours. The paper and the language are set for
        each contract as it is made (:mod:`wizard.core.document_setup`)."""
        settings = self.doc.settings.element
        set_compatibility_mode(settings)
        for proof_state in settings.findall(qn("w:proofState")):
            settings.remove(proof_state)
        for rels, reltype in ((self.doc.part.package.rels, RT.THUMBNAIL),
                              (self.doc.part.rels, STYLES_WITH_EFFECTS)):
            for key in [key for key, rel in rels.items() if rel.reltype == reltype]:
                rels.pop(key)

    # content helpers -------------------------------------------------------
    def p(self, text: str = "", style: str | None = None, bold: bool = False,
          muted: bool = False, align: WD_ALIGN_PARAGRAPH | None = None,
          keep: bool = False) -> Paragraph:
        """A paragraph; ``keep`` keeps it on the page of what follows (an
        introduction stays with its table or list)."""
        paragraph = self.doc.add_paragraph(style=style)
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if muted:
                run.font.color.rgb = MUTED
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def tag(self, text: str) -> None:
        """A paragraph holding only a ``{%p … %}`` tag: docxtpl removes it."""
        self.doc.add_paragraph(text)

    def paragraphs(self, loop: str) -> None:
        """One paragraph for each text of the list ``loop``."""
        self.tag("{%p for text in " + loop + " %}")
        self.p("{{ text }}")
        self.tag("{%p endfor %}")

    def h1(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Heading 1")

    def h2(self, text: str) -> None:
        self.doc.add_paragraph(text, style="Heading 2")

    def bullets(self, loop: str, item: str) -> None:
        self.tag("{%p for " + loop + " %}")
        self.doc.add_paragraph(item, style="List Bullet")
        self.tag("{%p endfor %}")

    def labelled_list(self, condition: str, label: str, loop: str, item: str) -> None:
        self.tag("{%p if " + condition + " %}")
        paragraph = self.p(label, bold=True)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.paragraph_format.keep_with_next = True
        self.bullets(loop, item)
        self.tag("{%p endif %}")

    def table(self, headers: list[str], widths: list[float], loop: str,
              cells: list[list[str]]) -> Table:
        """A table with a heading row and one row per item of ``loop``; each
        cell is a list of paragraphs (which may be ``{%p … %}`` tags)."""
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = self.doc.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _table_look(table, widths)
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].style = self.doc.styles[TABLE_HEADING_STYLE]
            cell.paragraphs[0].add_run(text)
        _repeat_header(table.rows[0])
        _cell_text(table.rows[1].cells[0], ["{%tr for " + loop + " %}"])
        _keep_row_together(table.rows[2])
        for cell, paragraphs in zip(table.rows[2].cells, cells, strict=True):
            _cell_text(cell, paragraphs)
        _cell_text(table.rows[3].cells[0], ["{%tr endfor %}"])
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return table

    def _preserve_spaces(self) -> None:
        """Every text node keeps its spaces, so that values with leading or
        trailing spaces print as typed."""
        section = self.doc.sections[0]
        for root in (self.doc.element.body, section.header._element, section.footer._element):
            for text in root.iter(qn("w:t")):
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def save(self, path: Path) -> None:
        self._preserve_spaces()
        buffer = io.BytesIO()
        self.doc.core_properties.author = ""
        self.doc.core_properties.title = ""
        self.doc.core_properties.comments = ""
        self.doc.core_properties.last_modified_by = ""
        self.doc.core_properties.revision = 1
        from datetime import datetime
        stamp = datetime(2026, 1, 1)
        self.doc.core_properties.created = stamp
        self.doc.core_properties.modified = stamp
        self.doc.save(buffer)
        _reproducible_zip(buffer.getvalue(), path)


# Word refuses a document whose property elements are out of schema order, so
# every property is inserted before the elements that must follow it.
_ORDER = {
    "w:pPr": ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"],
    "w:tblPr": ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"],
    "w:tcPr": ["w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
               "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
               "w:hideMark"],
}


_ORDER_BY_PARENT = {qn(parent): tags for parent, tags in _ORDER.items()}


def _put(parent: Any, child: Any) -> None:
    """Insert ``child`` into a ``pPr``, ``tblPr`` or ``tcPr`` in schema order,
    replacing an element of the same name."""
    order = _ORDER_BY_PARENT[parent.tag]
    name = next(tag for tag in order if qn(tag) == child.tag)
    existing = parent.find(child.tag)
    if existing is not None:
        parent.remove(existing)
    parent.insert_element_before(child, *order[order.index(name) + 1:])


def _reproducible_zip(data: bytes, path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    path.write_bytes(out.getvalue())


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"),
                       ("w:color", BORDER)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _put(ppr, borders)


def _cell_text(cell: _Cell, paragraphs: list[str]) -> None:
    first = cell.paragraphs[0]
    for index, text in enumerate(paragraphs):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(1)
        paragraph.paragraph_format.line_spacing = 1.0
        if text.startswith("**") and text.endswith("**"):
            run = paragraph.add_run(text[2:-2])
            run.bold = True
        else:
            run = paragraph.add_run(text)
        run.font.size = Pt(9.5)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _put(cell._tc.get_or_add_tcPr(), shading)


def _repeat_header(row: _Row) -> None:
    """The heading row repeats on each page and is never split."""
    _keep_row_together(row)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _keep_row_together(row: _Row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _table_look(table: Table, widths: list[float], borders: bool = True) -> None:
    tbl_pr = table._tbl.tblPr
    if borders:
        edges = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                               ("w:color", BORDER)):
                element.set(qn(key), value)
            edges.append(element)
        _put(tbl_pr, edges)
    margins = OxmlElement("w:tblCellMar")
    for edge, size in (("top", "40"), ("bottom", "40"), ("left", "90"), ("right", "90")):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), size)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _put(tbl_pr, margins)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _put(tbl_pr, layout)
    total = sum(widths)
    for grid, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid.set(qn("w:w"), str(int(Cm(TEXT_WIDTH_CM * width / total).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(TEXT_WIDTH_CM * width / total)



def _credit_schedules(b: Builder) -> None:
    """The further credit schedules, each with its figures and worked example."""
    b.tag("{%p for s in credits.schedules %}")
    b.tag("{%p if s.tiers %}")
    b.p(tr_with("If the Service Level %(metric)s falls below its target in a month, the "
                "Customer receives a Service Credit, as a share of that month's fees for the "
                "affected services:", metric="s.metric"), keep=True)
    b.table([tr("Measured value in the month"), tr("Service credit")], [10, 6],
            "r in s.tiers", [["{{ r.measured }}"], ["{{ r.credit }}"]])
    b.tag("{%p else %}")
    b.p("{% if s.per_miss %}"
        + tr_with("For each response to an Incident of severity %(severity)s that misses its "
                  "target, the Customer receives a Service Credit of %(percent)s of that "
                  "month's fees.", severity="s.severity", percent="s.percent")
        + "{% elif s.hourly %}"
        + tr_with("For each hour of Downtime counted against the Service Level %(metric)s, the "
                  "Customer receives a Service Credit of %(rate)s, counted to the minute.",
                  metric="s.metric", rate="s.rate")
        + "{% elif s.prorated %}"
        + tr_with("For the Downtime counted against the Service Level %(metric)s, the Customer "
                  "receives a Service Credit of the fees for the affected services for the time "
                  "lost, prorated on a month of %(month)s minutes.",
                  metric="s.metric", month="s.month")
        + "{% elif s.multiple %}"
        + tr_with("For the Downtime counted against the Service Level %(metric)s, the Customer "
                  "receives a Service Credit of the fees for the affected services for "
                  "%(multiple)s times the time lost, prorated on a month of %(month)s minutes.",
                  metric="s.metric", multiple="s.multiple", month="s.month")
        + "{% endif %}", keep=True)
    b.tag("{%p endif %}")
    b.tag("{%p if s.example %}")
    b.p("{{ s.example }}")
    b.tag("{%p endif %}")
    b.tag("{%p if s.minimum %}")
    b.p(tr_with("A Service Credit due under the schedule above is at least %(amount)s.",
                amount="s.minimum"))
    b.tag("{%p endif %}")
    b.tag("{%p if s.cap %}")
    b.p(tr_with("Service Credits under the schedule above are capped at %(cap)s of a month's "
                "fees for the affected services.", cap="s.cap"))
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")


def _customer_groups(b: Builder) -> None:
    """The levels of a multi-level agreement: each service level's target for
    the whole organisation and for each customer group (a column per group,
    repeated with ``{%tc %}``), who belongs to each group, and a group's own
    allowed downtime and credit tiers."""
    b.tag("{%p if customer_groups.included %}")
    b.h2(tr("Service levels by customer group"))
    b.p(tr("The Service Levels above apply to the whole organisation of the Customer. For the "
           "customer groups below, the targets in this table apply:"), keep=True)
    table = b.doc.add_table(rows=4, cols=5)
    table.style = b.doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_look(table, [4.4, 2.9, 2.9, 2.9, 2.9])
    headers = [tr("Service level"), tr("Whole organisation"),
               "{%tc for g in customer_groups.groups %}", "{{ g.name }}", "{%tc endfor %}"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].style = b.doc.styles[TABLE_HEADING_STYLE]
        cell.paragraphs[0].add_run(text)
    _repeat_header(table.rows[0])
    _cell_text(table.rows[1].cells[0], ["{%tr for r in customer_groups.rows %}"])
    _keep_row_together(table.rows[2])
    cells = [["**{{ r.name }}**"], ["{{ r.organisation }}"],
             ["{%tc for target in r.targets %}"], ["{{ target }}"], ["{%tc endfor %}"]]
    for cell, paragraphs in zip(table.rows[2].cells, cells, strict=True):
        _cell_text(cell, paragraphs)
    _cell_text(table.rows[3].cells[0], ["{%tr endfor %}"])
    b.doc.add_paragraph().paragraph_format.space_after = Pt(2)
    b.bullets("g in customer_groups.groups", "{{ g.sentence }}")
    b.p(tr("A customer group's target replaces the target for the whole organisation only where "
           "the table shows a different value. Every other term of this agreement applies to "
           "every customer group as it applies to the whole organisation."))
    b.tag("{%p for text in customer_groups.downtime %}")
    b.p("{{ text }}")
    b.tag("{%p endfor %}")
    b.tag("{%p for c in customer_groups.credits %}")
    b.p(tr_with("For customer group %(group)s, the Service Credits for the Service Level "
                "%(metric)s are these instead, as a share of that month's fees for the affected "
                "services:", group="c.group", metric="c.metric"), keep=True)
    b.table([tr("Measured value in the month"), tr("Service credit")], [10, 6],
            "r in c.tiers", [["{{ r.measured }}"], ["{{ r.credit }}"]])
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def _claim_procedure(b: Builder) -> None:
    """The optional claim procedure: where, what, by when, the answer, the credit."""
    b.p("{% if credits.claim.channel %}"
        + tr_with("The Customer sends a claim for a Service Credit to %(channel)s within "
                  "%(deadline)s after the end of the month concerned.",
                  channel="credits.claim.channel", deadline="credits.claim.deadline")
        + "{% else %}"
        + tr_with("The Customer claims a Service Credit in writing within %(deadline)s after "
                  "the end of the month concerned.", deadline="credits.claim.deadline")
        + "{% endif %}")
    b.labelled_list("credits.claim.contents", tr("A claim contains:"),
                    "c in credits.claim.contents", "{{ c }}")
    b.tag("{%p if credits.claim.answer %}")
    b.p(tr_with("The Provider accepts or rejects a claim within %(days)s of receiving it and "
                "gives its reasons for a rejection.", days="credits.claim.answer"))
    b.tag("{%p endif %}")
    b.p("{% if credits.claim.issue_days %}"
        + tr_with("The Provider issues an accepted credit within %(days)s of accepting the "
                  "claim.", days="credits.claim.issue_days")
        + "{% else %}"
        + tr("An accepted credit is set off against the next invoice.")
        + "{% endif %} {% if credits.refund_at_end %}"
        + tr("What has not been set off when the agreement ends is refunded.")
        + " {% if credits.claim.last_month_refunded %}"
        + tr("A credit for the last month of the term, which no invoice follows, is refunded.")
        + "{% else %}"
        + tr("A credit for the last month of the term, which no invoice follows, lapses.")
        + "{% endif %}{% elif credits.claim.last_month_refunded %}"
        # one rule: no cash, but for the month no invoice follows
        + tr("Credits are not paid out in cash, except a credit for the last month of the "
             "term, which no invoice follows: it is refunded.")
        + "{% else %}"
        + tr("Credits are not paid out in cash.") + " "
        + tr("A credit for the last month of the term, which no invoice follows, lapses.")
        + "{% endif %}")


def build() -> Builder:
    b = Builder()
    doc = b.doc

    # 1. Logo, title, reference, version, parties, effective date -----------
    b.tag("{%p if branding.logo %}")
    doc.add_paragraph("{{ branding.logo }}", style=LOGO_STYLE)
    b.tag("{%p endif %}")
    doc.add_paragraph("{{ agreement.title }}", style="Title")
    b.p(
        "{% if agreement.reference %}"
        + tr_with("Reference %(reference)s", reference="agreement.reference")
        + "{% endif %}{% if agreement.reference and agreement.version %} · {% endif %}"
        "{% if agreement.version %}"
        + tr_with("Version %(version)s", version="agreement.version")
        + "{% endif %}",
        muted=True,
    )
    b.p(tr("This Service Level Agreement is made between:"))
    parties = doc.add_table(rows=1, cols=3)
    _table_look(parties, [7.4, 1.2, 7.4], borders=False)
    for cell, who in ((parties.rows[0].cells[0], "provider"),
                      (parties.rows[0].cells[2], "customer")):
        _cell_text(cell, [
            "**{{ " + who + ".name }}**",
            "{%p if " + who + ".address %}",
            "{{ " + who + ".address }}",
            "{%p endif %}",
            "{%p if " + who + ".registration %}",
            tr_with("Registration: %(number)s", number=who + ".registration"),
            "{%p endif %}",
            "(" + tr_with("hereinafter %(role)s", role=who + ".role_label") + ")",
        ])
        _shade(cell, "F3F6F9")
    _cell_text(parties.rows[0].cells[1], ["" + tr("and")])
    parties.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    b.p()
    b.p(tr_with("This agreement takes effect on %(date)s.", date="agreement.effective_date"),
        bold=True)

    # 2. Purpose and scope ---------------------------------------------------
    b.h1(tr("Purpose and scope"))
    b.tag("{%p if agreement.purpose %}")
    b.p("{{ agreement.purpose }}")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.scope %}")
    b.p("{{ agreement.scope }}")
    b.tag("{%p endif %}")

    # 3. Definitions ----------------------------------------------------------
    b.h1(tr("Definitions"))
    b.p(tr("In this agreement, the following terms have the meanings given below."), keep=True)
    b.table([tr("Term"), tr("Meaning")], [4, 12], "d in definitions",
            [["**{{ d.term }}**"], ["{{ d.definition }}"]])

    # 4. Contacts and responsibilities ---------------------------------------
    b.tag("{%p if stakeholders_section %}")
    b.h1(tr("Contacts and responsibilities"))
    b.tag("{%p if contacts %}")
    b.p(tr("The parties name the following contacts for this agreement."), keep=True)
    contacts = b.table(
        [tr("Contact"), tr("Party and role"), tr("How to reach"), tr("Responsibilities")],
        [3.0, 3.4, 5.0, 5.4],
        "c in contacts",
        [
            ["**{{ c.name }}**"],
            ["{{ c.party }}", "{%p if c.role %}", "{{ c.role }}", "{%p endif %}"],
            ["{%p if c.email %}", "{{ c.email }}", "{%p endif %}",
             "{%p if c.phone %}", "{{ c.phone }}", "{%p endif %}"],
            ["{%p for r in c.responsibilities %}", "• {{ r }}", "{%p endfor %}"],
        ],
    )
    for paragraph in contacts.rows[2].cells[2].paragraphs:
        if paragraph.text in ("{{ c.email }}", "{{ c.phone }}"):
            _no_hyphenation(paragraph)
    b.tag("{%p elif signatories_named %}")
    b.p(tr("Each party's signatory is its contact for this agreement."))
    b.tag("{%p else %}")
    b.p(tr("Each party names its contact for this agreement to the other party in writing."))
    b.tag("{%p endif %}")
    b.tag("{%p if escalation %}")
    b.h2(tr("Escalation path"))
    b.p("{% if escalation|length > 1 %}"
        + tr("A matter that is not resolved at one level is escalated to the next level:")
        + "{% else %}"
        + tr("A matter the parties' contacts cannot resolve is escalated to:")
        + "{% endif %}", keep=True)
    b.bullets("e in escalation",
              tr_with("Level %(level)s: %(contacts)s", level="e.level", contacts="e.contacts"))
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    # 5. Services -------------------------------------------------------------
    b.h1(tr("Services"))
    b.p(tr("The Provider delivers the following services to the Customer."), keep=True)
    b.tag("{%p for s in services %}")
    b.h2("{{ s.name }}")
    b.tag("{%p if s.description %}")
    b.p("{{ s.description }}")
    b.tag("{%p endif %}")
    b.labelled_list("s.included", tr("Included:"), "i in s.included", "{{ i }}")
    b.labelled_list("s.excluded", tr("Not included:"), "i in s.excluded", "{{ i }}")
    b.labelled_list("s.dependencies", tr("The service depends on:"), "i in s.dependencies",
                    "{{ i }}")
    b.labelled_list("s.customer_responsibilities", tr("The Customer's responsibilities:"),
                    "i in s.customer_responsibilities", "{{ i }}")
    b.tag("{%p if s.fee %}")
    b.p(tr_with("Monthly fee: %(fee)s", fee="s.fee"))
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p if total_fee %}")
    b.p(tr_with("The monthly fees for all services total %(total)s.", total="total_fee"),
        bold=True)
    b.tag("{%p endif %}")

    # 6. Availability schedule -------------------------------------------
    b.h1(tr("Availability schedule"))
    b.p(tr_with("All times in this agreement are given in %(zone)s.", zone="schedule.timezone"),
        keep=True)
    # around the clock, the public holidays the agreement leaves out are named here, and the
    # holiday sentence below the table speaks only of the Support Hours
    b.tag("{%p if schedule.coverage_always %}")
    b.p("{% if schedule.holidays_excluded and schedule.holiday_region %}"
        + tr_with("The services are to be available around the clock, every day except public "
                  "holidays (%(region)s).", region="schedule.holiday_region")
        + "{% elif schedule.holidays_excluded %}"
        + tr("The services are to be available around the clock, every day except public "
             "holidays.")
        + "{% else %}"
        + tr("The services are to be available around the clock, every day.")
        + "{% endif %}", keep=True)
    b.tag("{%p endif %}")
    # "(when the Service Levels apply)" only where every Service Level is measured during
    # the Coverage Hours
    b.tag("{%p if schedule.support_hours %}")
    b.p("{% if schedule.levels_in_coverage %}"
        + reworded("schedule_both", "Service coverage hours (when the service levels apply) "
                   "and support hours (when the Provider's staff answer) are:")
        + "{% else %}"
        + tr("Coverage Hours and Support Hours (when the Provider's staff answer) are:")
        + "{% endif %}", keep=True)
    b.table([tr("Day"), tr("Service coverage"), tr("Support hours")], [4, 6, 6],
            "r in schedule.rows", [["{{ r.day }}"], ["{{ r.coverage }}"], ["{{ r.support }}"]])
    b.tag("{%p if schedule.holidays_excluded %}")
    b.p("{% if schedule.coverage_always %}"
        + tr("Public holidays are not part of the Support Hours.")
        + "{% elif schedule.holiday_region %}"
        + reworded("holidays_both_region", "Public holidays (%(region)s) are not part of the "
                   "coverage and support hours.", region="schedule.holiday_region")
        + "{% else %}"
        + reworded("holidays_both",
                   "Public holidays are not part of the coverage and support hours.")
        + "{% endif %}")
    b.tag("{%p else %}")
    b.p(reworded("holidays_on_both",
                 "Coverage and support hours apply on public holidays as on any other day."))
    b.tag("{%p endif %}")
    # around the clock without support hours, the sentence above says it all: no table of
    # seven days "all day"
    b.tag("{%p elif not schedule.coverage_always %}")
    b.p("{% if schedule.levels_in_coverage %}"
        + reworded("schedule_coverage",
                   "Service coverage hours (when the service levels apply) are:")
        + "{% else %}"
        + tr("Coverage Hours are:")
        + "{% endif %}", keep=True)
    b.table([tr("Day"), tr("Service coverage")], [6, 10],
            "r in schedule.rows", [["{{ r.day }}"], ["{{ r.coverage }}"]])
    b.tag("{%p if schedule.holidays_excluded %}")
    b.p("{% if schedule.holiday_region %}"
        + reworded("holidays_coverage_region", "Public holidays (%(region)s) are not part of "
                   "the coverage hours.", region="schedule.holiday_region")
        + "{% else %}"
        + reworded("holidays_coverage", "Public holidays are not part of the coverage hours.")
        + "{% endif %}")
    b.tag("{%p elif not schedule.holidays_excluded %}")
    b.p(reworded("holidays_on_coverage",
                 "Coverage hours apply on public holidays as on any other day."))
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    # the named calendars (phone support, the platform…): each its hours per weekday
    b.tag("{%p if schedule.calendars %}")
    b.tag("{%p for c in schedule.calendars %}")
    b.p("{{ c.title }}", keep=True)
    b.table([tr("Day"), "{{ c.name }}"], [6, 10], "r in c.rows",
            [["{{ r.day }}"], ["{{ r.hours }}"]])
    b.tag("{%p endfor %}")
    b.p("{{ schedule.calendar_holidays }}")
    b.tag("{%p endif %}")
    b.tag("{%p if schedule.maintenance or maintenance_rules %}")
    b.h2(tr("Maintenance"))
    b.tag("{%p endif %}")
    b.tag("{%p if schedule.maintenance %}")
    b.p('{{ ngettext("Scheduled maintenance takes place in this window:", '
        '"Scheduled maintenance takes place in these windows:", '
        'schedule.maintenance|length) }}', keep=True)
    b.bullets("w in schedule.maintenance", "{{ w.text }}")
    b.tag("{%p endif %}")
    b.tag("{%p if schedule.notice %}")
    b.p(tr_with("The Provider announces scheduled maintenance at least %(notice)s in advance.",
                notice="schedule.notice"))
    b.tag("{%p endif %}")
    b.tag("{%p if schedule.max_maintenance %}")
    b.p(tr_with("Scheduled maintenance does not exceed %(limit)s in any month.",
                limit="schedule.max_maintenance"))
    b.tag("{%p endif %}")
    b.paragraphs("maintenance_rules")

    # 7. Service levels --------------------------------------------------------
    b.h1(tr("Service levels"))
    b.tag("{%p if metrics %}")
    for owner, party in (("provider", "Provider"), ("customer", "Customer")):
        b.tag("{%p if " + owner + "_metrics %}")
        b.p("{% if reasonable_efforts %}"
            + tr(f"The {party} uses commercially reasonable efforts to meet the following "
                 "Service Levels. Each is measured over the period shown, from the source and "
                 "by the method stated.")
            + "{% else %}"
            + tr(f"The {party} meets the following Service Levels. Each is measured over the "
                 "period shown, from the source and by the method stated.")
            + "{% endif %}", keep=True)
        b.table(
            [tr("Service level"), tr("Service"), tr("Target"), tr("Measured"),
             tr("Source and method"), tr("Baseline")],
            [3.0, 2.3, 2.3, 2.6, 3.5, 2.4],
            "m in " + owner + "_metrics",
            [["**{{ m.name }}**"], ["{{ m.service }}"], ["{{ m.target }}"],
             ["{{ m.period }}, {{ m.measured_during }}"], ["{{ m.measurement or '—' }}"],
             ["{{ m.baseline or '—' }}"]],
        )
        b.tag("{%p if commitment_notes." + owner + " %}")
        b.p("{{ commitment_notes." + owner + " }}")
        b.tag("{%p endif %}")
        b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.p(tr("This agreement sets no measured service levels."))
    b.tag("{%p endif %}")
    b.tag("{%p if downtime %}")
    b.h2(tr("Availability and allowed downtime"))
    b.p(tr_with("Each Service Level of availability is measured as Availability, defined in "
                "section %(definitions)s, and counts Downtime as follows:",
                definitions="sections.definitions"), keep=True)
    b.bullets("a in downtime", "{{ a.sentence }}")
    b.p(tr("Each allowance is exact for the period it names; in any other period it follows "
           "from that period's Eligible Minutes."))
    b.tag("{%p endif %}")
    b.tag("{%p if severity_levels %}")
    b.h2(tr("Severity levels"))
    b.p("{% if resolution_by_efforts %}"
        + tr("Each Incident is given a severity level. The Provider responds to Incidents "
             "within the response times, and uses commercially reasonable efforts to resolve "
             "them within the resolution times:")
        + "{% else %}"
        + tr("Each Incident is given a severity level. The Provider responds to and resolves "
             "Incidents within these times:")
        + "{% endif %}", keep=True)
    b.table(
        [tr("Level"), tr("Definition"), tr("Response"), tr("Resolution"), tr("Counted")],
        [2.6, 5.6, 2.4, 2.4, 3.0],
        "s in severity_levels",
        [["**{{ s.id }}**", "{{ s.name }}"], ["{{ s.definition }}"], ["{{ s.response }}"],
         ["{{ s.resolution }}"], ["{{ s.measured_during }}"]],
    )
    b.tag("{%p endif %}")
    _customer_groups(b)
    b.tag("{%p if measurement_terms %}")
    b.h2(tr("Measurement and incidents"))
    b.paragraphs("measurement_terms")
    b.tag("{%p endif %}")

    # 8. Service credits --------------------------------------------------------
    b.tag("{%p if credits_section %}")
    b.h1(tr("Service credits"))
    b.tag("{%p if credits.enabled %}")
    b.tag("{%p if credits.tiers %}")
    b.p(tr_with("If the Service Level %(metric)s falls below its target in a month, the "
                "Customer receives a Service Credit, as a share of that month's fees for the "
                "affected services:", metric="credits.metric"), keep=True)
    b.table([tr("Measured value in the month"), tr("Service credit")], [10, 6],
            "t in credits.tiers", [["{{ t.measured }}"], ["{{ t.credit }}"]])
    b.tag("{%p if credits.example %}")
    b.p(tr_with("For example, at %(measured)s the Customer receives %(percent)s of a monthly fee "
                "of %(fee)s, that is %(amount)s.", measured="credits.example.measured",
                percent="credits.example.percent", fee="credits.example.fee",
                amount="credits.example.amount"))
    b.tag("{%p endif %}")
    b.tag("{%p if credits.minimum %}")
    b.p(tr_with("A Service Credit due under the schedule above is at least %(amount)s.",
                amount="credits.minimum"))
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    _credit_schedules(b)
    b.tag("{%p if credits.cap %}")
    b.p(tr_with("Service Credits for any month are capped at %(cap)s of that month's fees.",
                cap="credits.cap"))
    b.tag("{%p endif %}")
    b.tag("{%p if credits.yearly_cap or credits.yearly_cap_amount %}")
    b.p("{% if credits.yearly_cap and credits.yearly_cap_amount %}"
        + tr_with("The Service Credits of any twelve consecutive months are capped at %(cap)s "
                  "of the fees of those months and at %(amount)s in all.",
                  cap="credits.yearly_cap", amount="credits.yearly_cap_amount")
        + "{% elif credits.yearly_cap %}"
        + tr_with("The Service Credits of any twelve consecutive months are capped at %(cap)s "
                  "of the fees of those months.", cap="credits.yearly_cap")
        + "{% else %}"
        + tr_with("The Service Credits of any twelve consecutive months are capped at "
                  "%(amount)s in all.", amount="credits.yearly_cap_amount")
        + "{% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if credits.automatic %}")
    b.p(tr("Service Credits need no claim: the Provider waives the charge concerned on the next "
           "invoice. Credits are not paid out in cash."))
    b.tag("{%p elif credits.claim %}")
    _claim_procedure(b)
    b.tag("{%p elif credits.refund_at_end %}")
    b.p("{% if credits.claim_window %}"
        + tr_with("The Customer claims a Service Credit in writing within %(days)s after the end "
                  "of the month concerned. Credits are set off against the next invoices; what "
                  "has not been set off when the agreement ends is refunded.",
                  days="credits.claim_window")
        + "{% else %}"
        + tr("Credits are set off against the next invoices; what has not been set off when "
             "the agreement ends is refunded.")
        + "{% endif %}")
    b.tag("{%p else %}")
    b.p("{% if credits.claim_window %}"
        + tr_with("The Customer claims a Service Credit in writing within %(days)s after the end "
                  "of the month concerned. Credits are set off against the next invoice and are "
                  "not paid out in cash.", days="credits.claim_window")
        + "{% else %}"
        + tr("Credits are set off against the next invoice and are not paid out in cash.")
        + "{% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if credits.sole_remedy and termination.rights %}")
    b.p(tr_with("Service Credits are the Customer's sole and exclusive remedy for a missed "
                "Service Level, without prejudice to the rights to terminate set out in section "
                "%(section)s.", section="sections.termination"))
    b.tag("{%p elif credits.sole_remedy %}")
    b.p(tr("Service Credits are the Customer's sole and exclusive remedy for a missed Service "
           "Level."))
    b.tag("{%p endif %}")
    b.tag("{%p else %}")
    b.p("{% if not metrics %}"
        + tr("No service credits apply under this agreement.")
        + "{% elif escalation and reporting.reviews %}"
        + tr_with("No service credits apply under this agreement. A missed Service Level is "
                  "handled through the escalation path set out in section %(escalation)s and at "
                  "the reviews set out in section %(reviews)s.",
                  escalation="sections.escalation", reviews="sections.reporting")
        + "{% elif escalation %}"
        + tr_with("No service credits apply under this agreement. A missed Service Level is "
                  "handled through the escalation path set out in section %(escalation)s.",
                  escalation="sections.escalation")
        + "{% elif reporting.reviews %}"
        + tr_with("No service credits apply under this agreement. A missed Service Level is "
                  "handled at the reviews set out in section %(reviews)s.",
                  reviews="sections.reporting")
        + "{% else %}"
        + tr("No service credits apply under this agreement. A missed Service Level is raised "
             "in writing with the other party's contact.")
        + "{% endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    # 9. Reporting and review --------------------------------------------------
    b.tag("{%p if reporting.included %}")
    b.h1("{% if reporting.reviews %}" + tr("Reporting and review") + "{% else %}"
         + tr("Reporting") + "{% endif %}")
    b.p("{% if reporting.recipient %}"
        + tr_with("The Provider reports on the Service Levels %(frequency)s to %(recipient)s.",
                  frequency="reporting.frequency", recipient="reporting.recipient")
        + "{% else %}"
        + tr_with("The Provider reports on the Service Levels %(frequency)s.",
                  frequency="reporting.frequency")
        + "{% endif %}")
    b.labelled_list("reporting.contents", tr("Each report covers:"), "i in reporting.contents",
                    "{{ i }}")
    b.tag("{%p if reporting.reviews %}")
    b.p(tr_with("The parties review this agreement and the Service Levels %(frequency)s.",
                frequency="reporting.review_frequency"))
    b.tag("{%p endif %}")
    b.tag("{%p if reporting.baseline_review and reporting.reviews %}")
    b.p(tr("Once enough measurements have been collected, the parties may tighten the targets "
           "at a review, starting from the measured baseline."))
    b.tag("{%p endif %}")
    b.paragraphs("report_mechanics")
    b.tag("{%p endif %}")

    # 10. Exclusions -------------------------------------------------------------
    b.tag("{%p if exclusions_clause %}")
    b.h1(tr("Exclusions"))
    b.tag("{%p if exclusions %}")
    b.p("{% if downtime_counted %}"
        + reworded("exclusions_intro",
                   "The service levels do not apply to, and no downtime is counted for:")
        + "{% else %}"
        + tr("The Service Levels do not apply to:")
        + "{% endif %}", keep=True)
    b.bullets("x in exclusions", "{{ x }}")
    b.tag("{%p else %}")
    b.p(tr("No exclusions apply to the Service Levels."))
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    # 11. Term and termination ---------------------------------------------------
    b.h1(tr("Term and termination"))
    b.tag("{%p if termination.while_used %}")
    b.p(tr_with("This agreement takes effect on %(date)s and remains in force for as long as the "
                "Customer uses the services.", date="agreement.effective_date"))
    b.tag("{%p elif termination.until_replaced %}")
    b.p(tr_with("This agreement takes effect on %(date)s and remains in force until the parties "
                "agree in writing a revised agreement that replaces it.",
                date="agreement.effective_date"))
    b.tag("{%p else %}")
    b.p(tr_with("This agreement takes effect on %(date)s and runs for an initial term of "
                "%(term)s.", date="agreement.effective_date", term="termination.initial_term"))
    b.tag("{%p if termination.auto_renew %}")
    b.p("{% if termination.written_notice %}"
        + tr_with(RENEWAL_WITH_WRITTEN_NOTICE, renewal="termination.renewal_term",
                  notice="termination.written_notice")
        + "{% elif termination.notice %}"
        + tr_with("It then renews automatically for further terms of %(renewal)s, unless either "
                  "party gives notice of at least %(notice)s before the end of the current term.",
                  renewal="termination.renewal_term", notice="termination.notice")
        + "{% else %}"
        + tr_with("It then renews automatically for further terms of %(renewal)s, unless either "
                  "party gives notice in writing before the end of the current term.",
                  renewal="termination.renewal_term")
        + "{% endif %}")
    b.tag("{%p else %}")
    b.p(tr("It ends at the end of the initial term unless the parties agree in writing to "
           "extend it."))
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.tag("{%p if not termination.convenience_clause %}")
    b.tag("{%p elif termination.for_convenience_notice %}")
    b.p(tr_with(CONVENIENCE_WITH_WRITTEN_NOTICE, notice="termination.for_convenience_notice"))
    b.tag("{%p elif termination.for_convenience %}")
    b.p(tr_with("Either party may terminate this agreement at any time by written notice of at "
                "least %(notice)s.", notice="termination.for_convenience"))
    b.tag("{%p elif termination.for_convenience_at_once %}")
    b.p(tr("Either party may terminate this agreement at any time, with immediate effect, by "
           "notice in writing."))
    b.tag("{%p elif termination.fixed_term %}")
    b.p(tr("Neither party may terminate this agreement for convenience before the end of a "
           "term."))
    b.tag("{%p else %}")
    b.p(tr("Neither party may terminate this agreement for convenience."))
    b.tag("{%p endif %}")
    b.tag("{%p if termination.chronic_failure and termination.chronic_levels %}")
    b.p(tr_with("The Customer may terminate this agreement with immediate effect if the same "
                "Service Level, among %(levels)s, is missed %(condition)s.",
                levels="termination.chronic_levels", condition="termination.chronic_failure"))
    b.tag("{%p elif termination.chronic_failure %}")
    b.p(tr_with("The Customer may terminate this agreement with immediate effect if the same "
                "Service Level is missed %(condition)s.",
                condition="termination.chronic_failure"))
    b.tag("{%p endif %}")
    b.tag("{%p if termination.chronic_notice %}")
    b.p(tr_with("The Customer may use this right only by written notice given within "
                "%(days)s after the end of the month in which the condition is met.",
                days="termination.chronic_notice"))
    b.tag("{%p endif %}")
    b.tag("{%p if termination.cure %}")
    b.p(tr_with("Either party may terminate this agreement for a material breach that the other "
                "party has not remedied within %(days)s of written notice.",
                days="termination.cure"))
    b.tag("{%p endif %}")
    b.tag("{%p if termination.data_return %}")
    b.p(tr_with("When this agreement ends, the Provider returns the Customer's data within "
                "%(days)s.", days="termination.data_return"))
    b.tag("{%p endif %}")
    b.tag("{%p if termination.amendments %}")
    b.h2(tr("Amendments"))
    b.p("{{ termination.amendments }}")
    b.tag("{%p endif %}")

    # Commercial terms and general provisions (optional) -----------------------
    b.tag("{%p if commercial %}")
    b.h1(tr("Commercial terms"))
    b.paragraphs("commercial")
    b.tag("{%p endif %}")
    b.tag("{%p if general %}")
    b.h1(tr("General provisions"))
    b.paragraphs("general")
    b.tag("{%p endif %}")

    # 12. Signatures -------------------------------------------------------------
    b.h1(tr("Signatures"))
    b.tag("{%p if signing.place %}")
    b.p("{{ signing.place }}", keep=True)
    b.tag("{%p endif %}")
    b.p(tr("Signed for and on behalf of the parties:"), keep=True)
    signatures = doc.add_table(rows=1, cols=3)
    _table_look(signatures, [7.4, 1.2, 7.4], borders=False)
    _keep_row_together(signatures.rows[0])
    for cell, who, label in ((signatures.rows[0].cells[0], "provider", tr("For the Provider")),
                             (signatures.rows[0].cells[2], "customer", tr("For the Customer"))):
        sig = who + ".signatory"
        _cell_text(cell, [
            "**" + label + "**",
            "{{ " + who + ".name }}",
            "",
            "",
            "",
            tr("Signature"),
            tr_with("Name: %(name)s", name=sig + ".name"),
            "{%p if " + sig + ".title %}",
            tr_with("Title: %(title)s", title=sig + ".title"),
            "{%p endif %}",
            "",
            "",
            # a place named above the signatures leaves only the date to write
            "{% if signing.place_named %}" + tr("Date of signing") + "{% else %}"
            + tr("Date") + "{% endif %}",
        ])
        for index in (4, 11):
            _signature_line(cell.paragraphs[index])
    _signing_formalities(b)
    return b


def _signing_formalities(b: Builder) -> None:
    """The Customer's second signature approving onerous clauses (Italy) and
    two witnesses (Brazil), when the project asks for signing formalities."""
    b.tag("{%p if signing.onerous %}")
    b.p("{{ signing.onerous }}", keep=True).paragraph_format.space_before = Pt(12)
    approval = b.doc.add_table(rows=1, cols=3)
    _table_look(approval, [7.4, 1.2, 7.4], borders=False)
    _keep_row_together(approval.rows[0])
    _cell_text(approval.rows[0].cells[2], [
        "**" + tr("For the Customer") + "**", "", "", tr("Signature"),
    ])
    _signature_line(approval.rows[0].cells[2].paragraphs[2])
    b.tag("{%p endif %}")
    b.tag("{%p if signing.witnesses %}")
    b.p(tr("Witnesses:"), bold=True, keep=True).paragraph_format.space_before = Pt(12)
    witnesses = b.doc.add_table(rows=1, cols=3)
    _table_look(witnesses, [7.4, 1.2, 7.4], borders=False)
    _keep_row_together(witnesses.rows[0])
    for cell in (witnesses.rows[0].cells[0], witnesses.rows[0].cells[2]):
        _cell_text(cell, ["", "", tr("Signature"), tr("Name:"), tr("Taxpayer number (CPF):")])
        _signature_line(cell.paragraphs[1])
    b.tag("{%p endif %}")


def _no_hyphenation(paragraph: Paragraph) -> None:
    """Hyphenation never divides this paragraph: a hyphen added to an e-mail
    address or a telephone number would change it."""
    _put(paragraph._p.get_or_add_pPr(), OxmlElement("w:suppressAutoHyphens"))


def _signature_line(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "404040")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _put(ppr, borders)


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else OUT
    build().save(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
