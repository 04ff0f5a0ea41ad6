"""The size reference: a bare seven-page PySide6 QWizard and nothing else.

installer/build --compare-size bundles it with the same recipe as the app
(installer/sla-wizard.spec -- --bare) and prints the two sizes side by side.
``--smoke-test`` shows the wizard, steps through every page and exits 0.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWizard, QWizardPage

PAGES = 7


def build_wizard() -> QWizard:
    wizard = QWizard()
    wizard.setWindowTitle("Bare wizard")
    for number in range(1, PAGES + 1):
        page = QWizardPage()
        page.setTitle(f"Step {number}")
        page.setSubTitle("A page with one field.")
        form = QFormLayout(page)
        form.addRow("&Answer", QLineEdit())
        wizard.addPage(page)
    return wizard


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = build_wizard()
    wizard.show()
    if "--smoke-test" in sys.argv[1:]:
        def walk() -> None:
            for _ in range(PAGES - 1):
                wizard.next()
                app.processEvents()
            print(f"smoke test passed: {len(wizard.pageIds())} pages")
            app.exit(0 if len(wizard.pageIds()) == PAGES else 1)

        QTimer.singleShot(0, walk)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
