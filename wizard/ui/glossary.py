"""The words of service level agreements, explained: Help → Glossary lists
them all, and F1 on a field shows its hint, the glossary entry for its label
and the help for the step.

Each entry is a term as the fields name it and a short explanation in plain
words, both marked for translation.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from wizard.i18n import N_, _

GLOSSARY: tuple[tuple[str, str], ...] = (
    (N_("Identifier"),
     N_("A short name without spaces (uptime, response) by which the rest of the agreement "
        "refers to a metric or a service. It is not printed as a heading; renaming it "
        "updates what refers to it.")),
    (N_("Target"),
     N_("The level promised for a metric, such as 99.5 % availability or a response within "
        "30 minutes. Whether more or less is better is the metric's direction.")),
    (N_("Direction"),
     N_("Whether a metric is met by reaching at least its target (availability: more is "
        "better) or by staying at most at it (response time: less is better).")),
    (N_("Baseline"),
     N_("The level measured before the agreement, or in its first months. It shows whether "
        "a target is realistic, and a baseline review may tighten targets once enough data "
        "exists.")),
    (N_("Measured during"),
     N_("The hours in which a metric is measured: around the clock, or only during the "
        "service coverage or the support hours. Downtime outside these hours does not "
        "count.")),
    (N_("Measurement period"),
     N_("The span over which a metric is worked out and reported, usually a calendar "
        "month.")),
    (N_("Service coverage"),
     N_("The hours in which the service levels apply: availability is measured in these "
        "hours.")),
    (N_("Support hours"),
     N_("The hours in which people answer calls and tickets. They may differ from the "
        "service coverage: a service can run around the clock while its desk keeps office "
        "hours.")),
    (N_("Severity level"),
     N_("How serious an incident is (critical, high, normal …), each with the time within "
        "which the provider responds and resolves.")),
    (N_("Service credits"),
     N_("A share of the monthly fee the customer gets back when a target is missed: the "
        "further below the target, the larger the share.")),
    (N_("Claim window"),
     N_("How many days after the end of a month the customer has to claim a credit.")),
    (N_("Sole remedy"),
     N_("Whether service credits are all the customer can ask for when a level is missed. "
        "Without it, the customer may also claim damages.")),
    (N_("Chronic failure"),
     N_("Targets missed again and again: a number of months in a row, or a number of months "
        "within a run of consecutive months. It lets the customer end the agreement.")),
    (N_("Cure period"),
     N_("How long a party has to put a breach right after being told of it, before the "
        "other may end the agreement for it.")),
    (N_("Notice"),
     N_("How far ahead the other party is told: of planned maintenance, or that the "
        "agreement is to end.")),
    (N_("Maintenance window"),
     N_("A regular weekly slot for planned work; downtime in it does not count against "
        "availability.")),
    (N_("Holiday region"),
     N_("The country or region whose public holidays apply to the hours of the agreement.")),
)


def glossary_entries() -> list[tuple[str, str]]:
    """The terms and their explanations in the interface language, sorted."""
    entries = [(_(term), _(text)) for term, text in GLOSSARY]
    return sorted(entries, key=lambda entry: entry[0].casefold())


def entry_for(label: str) -> tuple[str, str] | None:
    """The glossary entry a field's label names (``Provider: Baseline`` and
    ``Baseline`` alike), if any: the longest term the label contains."""
    key = label.replace("&", "").casefold()
    found = [(term, text) for term, text in glossary_entries() if term.casefold() in key]
    return max(found, key=lambda entry: len(entry[0]), default=None)


def glossary_html() -> str:
    return "".join(f"<h3>{escape(term)}</h3><p>{escape(text)}</p>"
                   for term, text in glossary_entries())


def field_help_html(widget: QWidget, step_help: str) -> str:
    """What F1 shows for ``widget``: its name and hint, the glossary entry
    its label names, then the help for the step."""
    parts: list[str] = []
    name = widget.accessibleName()
    if name:
        parts.append(f"<p><b>{escape(name)}</b></p>")
    hint = widget.accessibleDescription()
    if hint:
        parts.append(f"<p>{escape(hint)}</p>")
    entry = entry_for(name) if name else None
    if entry is not None and entry[1] != hint:
        parts.append(f"<p><i>{escape(entry[0])}</i>: {escape(entry[1])}</p>")
    if step_help:
        parts.append(step_help)
    return "".join(parts)


class GlossaryDialog(QDialog):
    """Help → Glossary: every term, explained."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Glossary"))
        self.browser = QTextBrowser()
        self.browser.setHtml(glossary_html())
        self.browser.setAccessibleName(_("Glossary"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(520, 480)


class ContextHelp:
    """F1 and Help → Glossary for a main window. ``step_help`` gives the
    current step's help as HTML."""

    def __init__(self, window: QMainWindow, step_help: Callable[[], str]) -> None:
        self._window = window
        self._step_help = step_help
        self.dialog: GlossaryDialog | None = None
        self.glossary_action = QAction(_("&Glossary…"), window)
        self.glossary_action.triggered.connect(self.show_glossary)
        # the Help menu is the menu bar's last
        menus = [menu for action in window.menuBar().actions()
                 if isinstance(menu := action.menu(), QMenu)]
        help_menu = menus[-1] if menus else None
        if help_menu is not None:
            if help_menu.actions():
                help_menu.insertAction(help_menu.actions()[0], self.glossary_action)
            else:
                help_menu.addAction(self.glossary_action)
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.help_for_focus)
        self.last_shown = ""

    def show_glossary(self) -> GlossaryDialog:
        if self.dialog is None:
            self.dialog = GlossaryDialog(self._window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def help_for_focus(self) -> None:
        """F1: the help for the field with the focus (or for the step)."""
        widget: QWidget = QApplication.focusWidget() or self._window
        # the editor inside a combo box or a spin box: the box has the name
        while not widget.accessibleName() and (parent := widget.parentWidget()) is not None:
            widget = parent
        html = field_help_html(widget, self._step_help())
        self.last_shown = html
        corner = widget.mapToGlobal(QPoint(0, widget.height()))
        QWhatsThis.showText(corner, html, widget)

