"""The words of service level agreements, explained: Help → Glossary lists
them all, and F1 on a field shows its hint, the glossary entry for its label
and the help for the step.

Each entry is a term as the fields name it and a short explanation in plain
words, both marked for translation.
"""

from __future__ import annotations

import re
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
    (N_("Allowed downtime"),
     N_("How long a service may be unavailable in a period and still meet its availability "
        "target: in a 30-day month, 3 hours 36 minutes for a target of 99.5 %.")),
    (N_("Response time"),
     N_("How soon a person starts work on an incident after it is reported. An automatic "
        "reply does not count as a response.")),
    (N_("Resolution time"),
     N_("How soon an incident is fixed, or worked around, after it is reported. Often a "
        "goal the provider works towards rather than a firm promise.")),
    (N_("Escalation path"),
     N_("Who takes over when a matter is not settled: level 1 is the first line, level 2 "
        "the next person up, and so on.")),
    (N_("Customer groups"),
     N_("Plans or departments (Gold, Retail …) of a multi-level agreement that keep every "
        "target of the whole organisation except the ones they set themselves.")),
    (N_("Other hours"),
     N_("Named hours beside the service coverage and support hours, such as a phone line "
        "open 9 to 17 while the platform runs around the clock; a level may be measured on "
        "them.")),
    (N_("Promised as"),
     N_("How firmly a level is promised: firm (a miss is a breach, and may earn a credit) "
        "or commercially reasonable efforts (the provider tries, but a miss alone is no "
        "breach).")),
    (N_("Records that prevail"),
     N_("Whose measurements decide when the two sides' figures differ: usually the "
        "provider's monitoring, unless the customer shows it to be wrong.")),
    (N_("Master agreement"),
     N_("The main contract between the parties (services, prices, liability) of which this "
        "service level agreement is a part; it says which of the two wins in a conflict.")),
    (N_("Governing law"),
     N_("The country's (or state's) law that decides how the agreement is read. It is "
        "usually the provider's.")),
    (N_("Courts"),
     N_("Where a dispute about the agreement is decided.")),
    (N_("Liability capped"),
     N_("The most one party pays the other for damage under the agreement, as the fees of a "
        "number of months; the law never lets it cover fraud or gross negligence.")),
    (N_("Signing formalities"),
     N_("What a country expects at the signatures: the place and two originals (France, "
        "Spain), the Customer's second signature approving the onerous clauses (Italy), "
        "two witnesses (Brazil).")),
    (N_("Standard exclusions"),
     N_("Causes of downtime that do not count against the targets, such as announced "
        "maintenance or force majeure. Each one you tick is a promise the provider need not "
        "keep in that case.")),
    (N_("Customer responsibilities"),
     N_("What the customer must do for a service to work (report incidents through the "
        "portal, give remote access). A miss caused by not doing it does not count.")),
)


def glossary_entries() -> list[tuple[str, str]]:
    """The terms and their explanations in the interface language, sorted."""
    # a term may share its words with a label, access key and all
    entries = [(_(term).replace("&", ""), _(text)) for term, text in GLOSSARY]
    return sorted(entries, key=lambda entry: entry[0].casefold())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("&", "").casefold())


def _same_word(term: str, label: str) -> bool:
    """A term's word and a label's word alike but for an ending: a plural
    (Finestra / Finestre, Délai / Délais) or an abbreviation (Obiett. /
    Obiettivo); short words must be equal."""
    shortest = min(len(term), len(label))
    if shortest <= 3:
        return term == label
    common = next((i for i, (a, b) in enumerate(zip(term, label, strict=False)) if a != b),
                  shortest)
    # a differing last letter only in words long enough to have an ending
    return common >= shortest or (common == shortest - 1 and shortest >= 5)


def names_term(label: str, term: str) -> bool:
    """Whether ``label`` names the glossary ``term``: its words, in a row,
    each alike but for an ending."""
    wanted, words = _words(term), _words(label)
    return bool(wanted) and any(
        all(_same_word(w, words[start + i]) for i, w in enumerate(wanted))
        for start in range(len(words) - len(wanted) + 1))


def entry_for(label: str) -> tuple[str, str] | None:
    """The glossary entry a field's label names (``Provider: Baseline`` and
    ``Baseline`` alike, ``Maintenance windows`` for the term in the singular),
    if any: the longest term the label names."""
    found = [(term, text) for term, text in glossary_entries() if names_term(label, term)]
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

