"""The credit tiers at 1024×768: both columns, the threshold and the credit,
in full on the page without scrolling sideways, in every interface language
it is tested in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from example_paths import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from wizard.core.checks import Step
from wizard.settings import Settings
from wizard.ui.language import ENGLISH, apply_language
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.credits import CreditsPage
from wizard.ui.widgets.record_table import RecordTable

WIDTH, HEIGHT = 1024, 768 - 48 - 32  # a 1024×768 screen less the task bar and title bar


@pytest.fixture(params=["en", "de", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    code: str = request.param
    apply_language(code)
    yield code
    apply_language(ENGLISH)


def assert_columns_visible(records: RecordTable) -> None:
    """Every column of ``records`` lies inside the table's visible area, wide
    enough for its heading and its figures."""
    table = records.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0, "the table scrolls sideways"
    visible = table.viewport().width()
    for column in range(table.columnCount()):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
        left = header.sectionViewportPosition(column)
        size = header.sectionSize(column)
        assert left >= 0 and left + size <= visible, (column, left, size, visible)
        heading = table.horizontalHeaderItem(column)
        assert heading is not None
        needed = header.fontMetrics().horizontalAdvance(heading.text()) + 12
        assert size >= needed, (heading.text(), size, needed)
        for row in range(table.rowCount()):
            cell = table.item(row, column)
            assert cell is not None
            assert size >= table.fontMetrics().horizontalAdvance(cell.text()) + 8


def test_both_tier_columns_are_visible_at_1024_pixels(language: str, qtbot: QtBot) -> None:
    """The credit column of the tiers was off to the right until scrolled."""
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.open_path(EXAMPLES[0], ask=False)
    window.resize(WIDTH, HEIGHT)
    window.go_to(window.pages.index_of(Step.CREDITS))
    qtbot.wait(50)  # laid out and shown
    QApplication.processEvents()
    page = window.current_page()
    assert isinstance(page, CreditsPage)
    assert page.tiers.table.rowCount() > 0
    scroll = window.stack.currentWidget()
    assert not scroll.horizontalScrollBar().isVisible()  # type: ignore[attr-defined]
    assert_columns_visible(page.tiers)

    # a further schedule of tiers: its tiers as well
    qtbot.mouseClick(page.parts.add_schedule_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    QApplication.processEvents()
    assert page.parts.schedule_tiers.isVisible()
    assert page.parts.schedule_tiers.table.rowCount() > 0
    assert_columns_visible(page.parts.schedule_tiers)
    window.preview.wait_idle()
