"""The floor for start-up: a bare seven-page QWizard with a few fields on
each page, started like ``sla-wizard --exit-when-shown`` (a fresh Python
process) and closed as soon as its window has first been painted.

``python bench/bare_wizard.py`` prints ``window shown at <Unix time>`` and exits
0, as ``sla-wizard --exit-when-shown`` does.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

PAGES = ("Basics", "Parties", "Stakeholders", "Services", "Availability", "Service levels",
         "Review")


class _FirstPaint(QObject):
    """As in wizard/ui/startup_probe.py: ``then`` runs just after the first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False


def _page(title: str) -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(f"Everything the agreement says about {title.lower()}.")
    form = QFormLayout(page)
    form.addRow("Name", QLineEdit())
    kind = QComboBox()
    kind.addItems(["Company", "Department"])
    form.addRow("Kind", kind)
    form.addRow("Days", QSpinBox())
    form.addRow("Notes", QPlainTextEdit())
    return page


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    wizard.setWindowTitle("Bare wizard")
    for title in PAGES:
        wizard.addPage(_page(title))
    wizard.resize(1280, 800)
    shown_at: list[float] = []

    def finish() -> None:
        shown_at.append(time.time())
        app.quit()

    _FirstPaint(wizard, finish)
    wizard.show()
    app.exec()
    print(f"window shown at {shown_at[0]:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
