"""Appearance: the consultant's logo, accent colour and body font on the
contract, and the paper it is set on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.branding import (
    LOGO_FILE_PATTERNS,
    LogoError,
    file_size_text,
    logo_bytes,
    read_logo,
)
from wizard.core.checks import Loc, Problem, Step
from wizard.core.document_setup import PaperName, locale_paper
from wizard.core.model import LOGO_MAX_BYTES, Logo, Project
from wizard.i18n import N_, _
from wizard.ui.pages.base import StepPage
from wizard.ui.plain_text import plain_label
from wizard.ui.widgets.fields import FieldMessage
from wizard.ui.widgets.template_chooser import TEMPLATE_LOC, TemplateChooser

THUMBNAIL_WIDTH = 180
THUMBNAIL_HEIGHT = 72
SWATCH_SIZE = 18

LOGO_LOC: Loc = ("branding", "logo")
COLOUR_LOC: Loc = ("branding", "accent_colour")
FONT_LOC: Loc = ("branding", "body_font")

PAPER_CHOICES: tuple[PaperName | None, ...] = (None, "a4", "letter")
"""The paper sizes offered, in the list's order: ``None`` follows the contract's locale."""


def paper_label(paper: PaperName) -> str:
    return _("US Letter") if paper == "letter" else _("A4")


def _swatch(colour: str | None) -> QIcon:
    """A small square of ``colour``; an empty outlined one for the template's own."""
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#7a828c"))
    if colour is not None:
        painter.setBrush(QColor(colour))
    painter.drawRect(0, 0, SWATCH_SIZE - 1, SWATCH_SIZE - 1)
    painter.end()
    return QIcon(pixmap)


class AppearancePage(StepPage):
    step = Step.APPEARANCE
    title = N_("Appearance")

    def build(self) -> None:
        form = QFormLayout()

        # the logo: thumbnail, name, Choose… and Remove
        self.logo_thumbnail = QLabel()
        self.logo_thumbnail.setFixedSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT)
        self.logo_thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_thumbnail.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_name = plain_label()
        self.logo_name.setWordWrap(True)
        self.logo_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_logo_button = QPushButton(_("&Choose…"))
        self.choose_logo_button.setAccessibleName(_("Choose a logo"))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(_("Re&move"))
        self.remove_logo_button.setAccessibleName(_("Remove the logo"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch(1)
        details = QVBoxLayout()
        details.addWidget(self.logo_name)
        details.addLayout(buttons)
        details.addStretch(1)
        logo_box = QWidget()
        logo_layout = QHBoxLayout(logo_box)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_thumbnail)
        logo_layout.addLayout(details, 1)
        self.logo_message = self._button_row(
            form, _("Lo&go"), logo_box, self.choose_logo_button, LOGO_LOC,
            _("PNG or JPEG, at most {limit}. It is printed above the contract's title, "
              "at most 4 cm wide.").format(limit=file_size_text(LOGO_MAX_BYTES)))

        # the accent colour: a swatch button and a way back to the template's own
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self.choose_colour)
        self.colour_reset_button = QPushButton(_("&Use the template's colour"))
        self.colour_reset_button.clicked.connect(self.reset_colour)
        colour_box = QWidget()
        colour_layout = QHBoxLayout(colour_box)
        colour_layout.setContentsMargins(0, 0, 0, 0)
        colour_layout.addWidget(self.colour_button)
        colour_layout.addWidget(self.colour_reset_button)
        colour_layout.addStretch(1)
        self._button_row(form, _("&Accent colour"), colour_box, self.colour_button, COLOUR_LOC,
                         _("For the title, the headings and the heading rows of tables."))

        # the body font: the template's own, an installed family, or a typed name
        self.font_combo = QComboBox()
        self.font_combo.setEditable(True)
        self.font_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.font_combo.setMinimumContentsLength(24)
        self.font_combo.addItem(_("Template default"))
        self.font_combo.addItems(QFontDatabase.families())
        self.font_combo.editTextChanged.connect(self._store_font)
        self.row(form, _("B&ody font"), self.font_combo, FONT_LOC,
                 _("A font the reader of the contract has too, or Word shows a substitute."))

        # the paper: the one of the contract's country, or one chosen
        self.paper_combo = QComboBox()
        for paper in PAPER_CHOICES:
            self.paper_combo.addItem("" if paper is None else paper_label(paper))
        self.paper_combo.activated.connect(self._store_paper)
        self.row(form, _("Pape&r size"), self.paper_combo, None,
                 _("Automatic follows the contract's country: US Letter in the United States, "
                   "Canada, Mexico and the other countries that use it, A4 elsewhere."))

        self.below_branding = QVBoxLayout()
        """Room under the branding fields for more of the contract's look (the
        choice of template); see :meth:`add_section`."""
        self.below_branding.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.page_message)
        layout.addLayout(form)
        layout.addLayout(self.below_branding)
        layout.addStretch(1)

        self.template_chooser = TemplateChooser(self.document)
        self.add_section(self.template_chooser)
        # a problem with the template opens the template list; the chooser
        # words the problems itself, under the list
        self._fields.append((TEMPLATE_LOC, self.template_chooser.combo,
                             self.template_chooser.message))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        super().show_problems([p for p in problems if p.loc[:1] != TEMPLATE_LOC])
        self.template_chooser.show_problems()

    def add_section(self, widget: QWidget) -> None:
        """Show ``widget`` under the branding fields."""
        self.below_branding.addWidget(widget)

    def _button_row(self, form: QFormLayout, label: str, box: QWidget, button: QPushButton,
                    loc: Loc, hint: str) -> FieldMessage:
        """A row of several widgets whose ``button`` takes the label's mnemonic
        and the focus when a problem about ``loc`` is opened."""
        container = self.row(form, label, box, None, hint)
        message = self.register(loc, button)
        layout = container.layout()
        assert layout is not None
        layout.addWidget(message)
        caption = form.labelForField(container)
        if isinstance(caption, QLabel):
            caption.setBuddy(button)
        return message

    # reading ---------------------------------------------------------------------
    def load(self) -> None:
        self.logo_message.set_input_error("")
        self._show_logo()
        self._show_colour()
        font = self.project.branding.body_font
        if font:
            self.font_combo.setEditText(font)
        else:
            self.font_combo.setCurrentIndex(0)
            self.font_combo.setEditText(self.font_combo.itemText(0))
        self._show_paper()

    def _show_logo(self) -> None:
        logo = self.project.branding.logo
        self.remove_logo_button.setEnabled(logo is not None)
        self.logo_thumbnail.clear()
        if logo is None:
            self.logo_thumbnail.setText(_("No logo"))
            self.logo_name.setText(_("The contract has no logo."))
            return
        name = logo.filename or _("Logo")
        self.logo_name.setText(name)
        pixmap = QPixmap()
        try:
            data = logo_bytes(logo)
            pixmap.loadFromData(data)
        except LogoError:
            pixmap = QPixmap()  # the step's problems say what is wrong with it
        if pixmap.isNull():
            self.logo_thumbnail.setText(_("Cannot be shown"))
            return
        self.logo_name.setText(name + "\n" + _("{width} × {height} pixels, {size}").format(
            width=pixmap.width(), height=pixmap.height(), size=file_size_text(len(data))))
        ratio = self.devicePixelRatioF()
        scaled = pixmap.scaled(round(THUMBNAIL_WIDTH * ratio) - 8,
                               round(THUMBNAIL_HEIGHT * ratio) - 8,
                               Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.logo_thumbnail.setPixmap(scaled)

    def _show_colour(self) -> None:
        colour = self.project.branding.accent_colour
        self.colour_button.setIcon(_swatch(colour))
        self.colour_button.setText(colour if colour is not None else _("Template default"))
        self.colour_button.setAccessibleName(
            _("Accent colour: {colour}").format(
                colour=colour if colour is not None else _("template default")))
        self.colour_reset_button.setEnabled(colour is not None)

    def _show_paper(self) -> None:
        automatic = paper_label(locale_paper(self.project.language).name)
        self.paper_combo.setItemText(0, _("Automatic ({paper})").format(paper=automatic))
        self.paper_combo.setCurrentIndex(PAPER_CHOICES.index(self.project.branding.paper))

    # editing ---------------------------------------------------------------------
    def _logo_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(Path.home())

    def choose_logo(self) -> None:
        patterns = " ".join(LOGO_FILE_PATTERNS)
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), self._logo_folder(),
            _("PNG or JPEG images ({patterns})").format(patterns=patterns))
        if not name:
            return
        try:
            logo = read_logo(Path(name))
        except LogoError as error:
            self.logo_message.set_input_error(str(error))
            return
        self.logo_message.set_input_error("")
        self._set_logo(logo)

    def remove_logo(self) -> None:
        self.logo_message.set_input_error("")
        self._set_logo(None)

    def _set_logo(self, logo: Logo | None) -> None:
        def apply(project: Project) -> None:
            project.branding.logo = logo

        self.edited(apply)
        self._show_logo()

    def choose_colour(self) -> None:
        current = self.project.branding.accent_colour
        colour = QColorDialog.getColor(QColor(current or "#1F3A5F"), self,
                                       _("Accent colour"))
        if not colour.isValid():
            return
        self._set_colour(colour.name(QColor.NameFormat.HexRgb).upper())

    def reset_colour(self) -> None:
        self._set_colour(None)

    def _set_colour(self, colour: str | None) -> None:
        def apply(project: Project) -> None:
            project.branding.accent_colour = colour

        self.edited(apply)
        self._show_colour()

    def _store_font(self, text: str) -> None:
        font = "" if text == self.font_combo.itemText(0) else text

        def apply(project: Project) -> None:
            project.branding.body_font = font

        if self.project.branding.body_font != font:
            self.edited(apply)

    def _store_paper(self, index: int) -> None:
        if not 0 <= index < len(PAPER_CHOICES):
            return
        paper = PAPER_CHOICES[index]

        def apply(project: Project) -> None:
            project.branding.paper = paper

        if self.project.branding.paper != paper:
            self.edited(apply)
