"""The window on small screens: 1024×768, and 1280×800 at 150 % (853×533
logical pixels). Every step is usable without sideways scrolling, Back and
Next stay on the screen, the preview and the help fold away and come back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from example_paths import EXAMPLES
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from wizard.settings import Settings
from wizard.ui.language import ENGLISH, apply_language, interface_languages
from wizard.ui.main_window import MainWindow
from wizard.ui.window_fit import SMALLEST, fitted, opening_geometry

TASK_BAR = 48
TITLE_BAR = 32
SCREENS = {
    "1024x768": (1024, 768 - TASK_BAR - TITLE_BAR),
    # 1280×800 at 150 %: 853×533 logical pixels, and the bars scaled alike
    "1280x800@150%": (853, 533 - (TASK_BAR + TITLE_BAR) * 2 // 3),
    "1280x800": (1280, 800 - TASK_BAR - TITLE_BAR),
}


@pytest.fixture(params=interface_languages())
def any_language(request: pytest.FixtureRequest) -> Iterator[str]:
    language: str = request.param
    apply_language(language)
    yield language
    apply_language(ENGLISH)


def open_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.open_path(EXAMPLES[0], ask=False)
    return window


def inside(window: MainWindow, point: QPoint) -> bool:
    return window.rect().contains(point)


@pytest.mark.parametrize("screen", SCREENS)
def test_every_step_fits_without_sideways_scrolling(screen: str, any_language: str,
                                                    qtbot: QtBot) -> None:
    """At 1024×768 every form scrolled sideways; at 150 % on 1280×800 Next
    could not be reached."""
    window = open_window(qtbot)
    width, height = SCREENS[screen]
    assert window.minimumSize().width() <= width and window.minimumSize().height() <= height
    window.resize(width, height)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (width, height)
    overflowing = []
    for index, page in enumerate(window.pages):
        window.go_to(index)
        QApplication.processEvents()
        scroll = window.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        if scroll.horizontalScrollBar().isVisible():
            overflowing.append((page.step.value, page.minimumSizeHint().width(),
                                scroll.viewport().width()))
        for button in (window.back_button, window.next_button):
            assert button.isVisible()
            corner = button.mapTo(window, button.rect().bottomRight())
            assert inside(window, corner), (page.step.value, button.text(), corner)
    assert not overflowing, (any_language, screen, overflowing)
    window.preview.wait_idle()


def test_preview_folds_when_narrow_and_comes_back(window: MainWindow) -> None:
    window.settings.show_preview = True
    window.resize(1300, 760)
    QApplication.processEvents()
    assert window.preview_dock.isVisible()
    window.resize(1024, 700)
    QApplication.processEvents()
    assert not window.preview_dock.isVisible()
    assert window.settings.show_preview, "folded away, not switched off"
    window.resize(1300, 760)
    QApplication.processEvents()
    assert window.preview_dock.isVisible()


def test_help_folds_when_short(window: MainWindow) -> None:
    window.resize(1024, 700)
    QApplication.processEvents()
    window.go_to(1)
    QApplication.processEvents()
    assert window.help_frame.height() > 40
    window.resize(1024, 460)
    QApplication.processEvents()
    assert window.help_frame.height() == 0
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.help_frame.height() > 40


def test_a_new_window_opens_within_the_screen() -> None:
    small = QRect(0, 0, 1024, 728)
    assert small.contains(opening_geometry(small))
    large = QRect(0, 0, 1920, 1040)
    opened = opening_geometry(large)
    assert opened.size().toTuple() == (1280, 800)
    assert opened.center() == large.center() or abs(opened.center().x() - 960) <= 1


def test_a_saved_place_off_the_screen_is_brought_back() -> None:
    """A geometry saved on a larger or second screen opens on this one."""
    available = QRect(0, 0, 1024, 728)
    moved = fitted(QRect(1900, 1200, 1400, 900), available)
    assert available.contains(moved)
    assert moved.size().toTuple() == (1024, 728)
    kept = fitted(QRect(50, 40, 800, 600), available)
    assert kept == QRect(50, 40, 800, 600)


def test_the_last_geometry_is_restored(qtbot: QtBot) -> None:
    settings = Settings()
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(SMALLEST.width() + 10, SMALLEST.height() + 20)
    first.move(5, 6)
    QApplication.processEvents()
    first.close()
    assert settings.window_geometry
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    QApplication.processEvents()
    assert second.size().toTuple() == (SMALLEST.width() + 10, SMALLEST.height() + 20)
    second.preview.wait_idle()


def test_tab_from_the_step_list_reaches_the_first_field(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    """Five Tabs led from the step list to the first field."""
    window.open_path(EXAMPLES[0], ask=False)
    window.go_to(1)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.step_list.setFocus()
    qtbot.keyClick(window.step_list, Qt.Key.Key_Tab)
    page = window.current_page()
    assert QApplication.focusWidget() is page.title_edit  # type: ignore[attr-defined]


def test_a_short_window_shows_the_first_paragraph_of_help_and_more_on_a_click(
        window: MainWindow, qtbot: QtBot) -> None:
    """At 800 pixels the Service levels step's four paragraphs of help took a
    fifth of the window before the first field."""
    from wizard.core.steps import Step
    from wizard.ui.help_texts import LESS_LINK, MORE_LINK

    window.resize(1280, 1000)
    QApplication.processEvents()
    window.go_to(window.pages.index_of(Step.METRICS))
    QApplication.processEvents()
    whole = window.help_label.text()
    assert whole.count("<p>") == 4 and "href" not in whole
    tall = window.help_frame.sizeHint().height()
    window.resize(1280, 800)
    QApplication.processEvents()
    brief = window.help_label.text()
    assert brief.count("<p>") == 1 and f'href="{MORE_LINK}"' in brief
    assert brief.split("<a")[0].rstrip() in whole  # the first paragraph, as it is
    assert window.help_frame.sizeHint().height() < tall / 2
    window.help_label.linkActivated.emit(MORE_LINK)  # the user clicks More…
    expanded = window.help_label.text()
    assert expanded.replace(f' <a href="{LESS_LINK}">Less</a>', "") == whole
    window.help_label.linkActivated.emit(LESS_LINK)  # and Less folds it again
    assert window.help_label.text() == brief
    window.help_label.linkActivated.emit(MORE_LINK)
    window.go_to(window.pages.index_of(Step.CREDITS))  # the next step: brief again
    QApplication.processEvents()
    assert f'href="{MORE_LINK}"' in window.help_label.text()
    assert window.whole_help().count("<p>") > 1  # F1 shows the whole help all the same
