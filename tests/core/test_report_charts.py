"""The monthly report's charts: the figures behind them worked out by hand,
the pictures in the Word report with their captions, and the contract's
branding and paper on the report."""

from __future__ import annotations

import base64
import datetime
import io
import struct
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx_reading import read_contract
from example_paths import ROOT
from images import png_bytes

from wizard.core.attainment import Measure, Month, MonthResult, measure_month
from wizard.core.measurements import Measurements, read_outages, read_tickets
from wizard.core.model import Branding, Logo, Project
from wizard.core.project_file import load_project
from wizard.core.report import CHARACTER_WIDTH, build_report, formatter_for, report_bytes
from wizard.core.report_charts import (
    DPI,
    WIDTH_CM,
    daily_availability,
    downtime_bars,
    draw_charts,
    ticket_bars,
)

US_EXAMPLE = ROOT / "resources" / "examples" / "msp-it-support.slaproj"

OUTAGES = (
    "service,start,end\n"
    # coverage Mon–Fri 08:00–18:00 (600 minutes a day), America/Los_Angeles
    # Tue 4 May: 09:00–10:00 and 09:30–10:30 overlap, 90 minutes once
    "*,2027-05-04T09:00,2027-05-04T10:00\n"
    "desk,2027-05-04T09:30,2027-05-04T10:30\n"
    # Wed 5 May: 17:30–19:00, 30 minutes inside coverage
    "backup,2027-05-05T17:30,2027-05-05T19:00\n"
    # Fri 28 May 17:00 to Tue 1 June: 60 minutes on the 28th, none on the
    # weekend or on Memorial Day (31 May, excluded)
    "endpoints,2027-05-28T17:00,2027-06-01T10:00\n"
)
TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    # P2 on support hours: answered after 90 minutes (target 60), resolved
    # after 300 (target 480)
    "B,P2,2027-05-03T10:00,2027-05-03T11:30,2027-05-03T15:00,\n"
    # P1 at all times: 20 minutes (target 30), resolved after 180 (target 240)
    "C,P1,2027-05-06T22:00,2027-05-06T22:20,2027-05-07T01:00,\n"
)


def month_result(tmp_path: Path, project: Project | None = None) -> MonthResult:
    project = project or load_project(US_EXAMPLE)
    outages = tmp_path / "outages.csv"
    outages.write_text(OUTAGES, encoding="utf-8")
    tickets = tmp_path / "tickets.csv"
    tickets.write_text(TICKETS, encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(outages, project))
    data.add_tickets(read_tickets(tickets, project))
    return measure_month(project, Month(2027, 5), data)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_availability_per_day_by_hand(tmp_path: Path) -> None:
    result = month_result(tmp_path)
    uptime = next(level for level in result.levels if level.metric.id == "uptime")
    days = {share.day: share.percent for share in daily_availability(uptime, result)}
    assert len(days) == 31
    assert days[datetime.date(2027, 5, 3)] == 100  # a Monday without outages
    assert days[datetime.date(2027, 5, 4)] == Decimal(85)  # (600 − 90) / 600
    assert days[datetime.date(2027, 5, 5)] == Decimal(95)  # (600 − 30) / 600
    assert days[datetime.date(2027, 5, 28)] == Decimal(90)  # (600 − 60) / 600
    assert days[datetime.date(2027, 5, 1)] is None  # Saturday: no coverage hours
    assert days[datetime.date(2027, 5, 31)] is None  # Memorial Day, excluded


def test_tickets_and_downtime_by_hand(tmp_path: Path) -> None:
    result = month_result(tmp_path)
    bars = {(bar.severity, bar.measure): (bar.within, bar.over) for bar in ticket_bars(result)}
    assert bars == {("P1", Measure.RESPONSE): (1, 0), ("P1", Measure.RESOLUTION): (1, 0),
                    ("P2", Measure.RESPONSE): (0, 1), ("P2", Measure.RESOLUTION): (1, 0)}
    (downtime,) = downtime_bars(result)
    # 12,000 measured minutes; 99.5 % allows 0.5 % of them: 60 minutes
    assert (downtime.down_minutes, downtime.allowed_minutes) == (Decimal(180), Decimal(60))


def test_charts_are_print_resolution_pngs(tmp_path: Path) -> None:
    result = month_result(tmp_path)
    charts = draw_charts(result, formatter_for(result))
    assert [chart.name for chart in charts] == ["availability-uptime", "downtime", "tickets"]
    for chart in charts:
        width, height = png_size(chart.png)
        assert abs(width - WIDTH_CM / 2.54 * DPI) <= 1  # 16 cm at 300 dpi
        assert height > 0
    assert charts[0].caption == (
        "Availability per day of Service availability against its target of 99.5%")


def test_report_holds_the_charts_with_captions(tmp_path: Path) -> None:
    result = month_result(tmp_path)
    data = report_bytes(result)
    document = Document(io.BytesIO(data))
    pictures = document.inline_shapes
    assert len(pictures) == 3
    text_width = (document.sections[0].page_width - document.sections[0].left_margin
                  - document.sections[0].right_margin)
    assert all(picture.width <= text_width for picture in pictures)
    captions = [p.text for p in document.paragraphs if p.style is not None
                and p.style.name == "Caption"]
    assert captions == [
        "Availability per day of Service availability against its target of 99.5%",
        "The month\u2019s downtime against the downtime the target allows",
        "Tickets per severity level within and over their target",
    ]
    text = read_contract(data).text
    # 98.5 < 99.0: the 10 % tier of the $2,150 monthly fee
    assert "credit: 10% × $2,150.00 = $215.00" in text
    assert "Credit due for the month: $215.00" in text
    # the tickets chart follows the tickets table, the others the levels
    body = read_contract(data).body
    assert body.index(captions[1]) < body.index("# Response and resolution") \
        < body.index(captions[2])


def test_report_without_charts_has_no_pictures(tmp_path: Path) -> None:
    result = month_result(tmp_path)
    assert len(build_report(result, charts=False).inline_shapes) == 0


def test_report_takes_the_contract_branding_and_paper(tmp_path: Path) -> None:
    project = load_project(US_EXAMPLE)
    logo = png_bytes(200, 100, dpi=96)
    project = project.model_copy(update={
        "language": "fr_FR", "currency": "EUR",
        "branding": Branding(accent_colour="#8B0000", body_font="Georgia",
                             logo=Logo(media_type="image/png", filename="logo.png",
                                       data=base64.b64encode(logo).decode("ascii")))})
    document = Document(io.BytesIO(report_bytes(month_result(tmp_path, project))))
    section = document.sections[0]
    # A4 for a French contract: 21 cm × 29.7 cm
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    heading = document.styles["Heading 1"]
    assert str(heading.font.color.rgb) == "8B0000"
    assert document.styles["Normal"].font.name == "Georgia"
    header_pictures = section.header._element.xpath(".//pic:pic")
    assert len(header_pictures) == 1
    text = read_contract(report_bytes(month_result(tmp_path, project))).text
    assert "98,5\u00a0%" in text and "215,00\u00a0€" in text


def test_trend_of_the_recorded_months_then_this_one(tmp_path: Path) -> None:
    """March and April 2027 recorded (and June, after the month reported,
    left out): the trend shows March, April and May, and the report gets a
    fourth chart after the level's days."""
    from wizard.core.model import LevelRecord, MonthRecord
    from wizard.core.report_charts import trend

    def kept(month: str, attained: str, met: bool) -> MonthRecord:
        return MonthRecord(month=month, levels=[LevelRecord(
            id="uptime", target=Decimal("99.5"), attained=Decimal(attained), met=met)])

    project = load_project(US_EXAMPLE).model_copy(update={"history": [
        kept("2027-03", "99.9", True), kept("2027-04", "99.2", False),
        kept("2027-06", "100", True)]})
    result = month_result(tmp_path, project)
    uptime = next(level for level in result.levels if level.metric.id == "uptime")
    assert [(str(p.month), p.attained, p.met) for p in trend(uptime, result)] == [
        ("2027-03", Decimal("99.9"), True), ("2027-04", Decimal("99.2"), False),
        ("2027-05", Decimal("98.5"), False)]
    charts = draw_charts(result, formatter_for(result))
    assert [chart.name for chart in charts] == [
        "availability-uptime", "trend-uptime", "downtime", "tickets"]
    assert charts[1].caption == (
        "Service availability month by month against its target of 99.5%")
    assert len(Document(io.BytesIO(report_bytes(result))).inline_shapes) == 4


def test_report_tables_keep_rows_whole_and_words_unbroken(tmp_path: Path) -> None:
    """A row of the tickets table split over two pages, a heading row that
    is not repeated, or a column so narrow that "response" is broken into
    "respon-se" would each make the report hard to read on paper."""
    document = Document(io.BytesIO(report_bytes(month_result(tmp_path))))
    assert len(document.tables) == 2
    section = document.sections[-1]
    available = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        rows = table.rows
        for number, row in enumerate(rows):
            properties = row._tr.trPr
            assert properties is not None
            assert properties.find(qn("w:cantSplit")) is not None
            assert (properties.find(qn("w:tblHeader")) is not None) == (number == 0)
        widths = [column.width for column in table.columns]
        assert sum(widths) <= available + 635 * len(widths)  # rounded to twips
        for index, width in enumerate(widths):
            longest_word = max(len(word) for row in rows
                               for word in row.cells[index].text.split())
            assert width >= longest_word * CHARACTER_WIDTH, (index, row.cells[index].text)
    severities = [row.cells[0].text for row in document.tables[1].rows]
    assert severities[0] == "Severity" and "P1 Critical" in severities
