"""The window's menus (File, Edit, View, Language, Help) and what they do
without a project: the actions are built with the frame, before the first
paint; :class:`~wizard.ui.main_window.MainWindow` connects them to its
session once it has one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from wizard import __version__
from wizard.i18n import _
from wizard.settings import APP_NAME, Settings, save_settings
from wizard.ui.language import interface_languages, native_name, system_language


class MenuWindow(QMainWindow):
    """A main window with the program's menus."""

    settings: Settings
    preview_dock: QDockWidget

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = QAction(_("&New…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = QAction(_("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_action = QAction(_("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_as_action = QAction(_("Save &As…"), self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.recover_action = QAction(_("Recover &Unsaved Work…"), self)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.recent_menu = file_menu.addMenu(_("Open &Recent"))
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        self.new_copy_action = QAction(_("New from &This Project"), self)
        self.new_copy_action.setStatusTip(_("A copy for another client: a new reference, "
                                            "the client's details to fill in"))
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_copy_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        self.save_preset_action = QAction(_("Save as My &Preset…"), self)
        file_menu.addAction(self.save_preset_action)
        self.compare_action = QAction(_("Compare &with…"), self)
        file_menu.addAction(self.compare_action)
        self.measure_action = QAction(_("&Measure a month…"), self)
        file_menu.addAction(self.measure_action)
        file_menu.addSeparator()
        file_menu.addAction(self.recover_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(_("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setEnabled(False)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.replace_action = QAction(_("Replace a &Name Across the Project…"), self)
        self.replace_action.setShortcut(QKeySequence.StandardKey.Replace)
        edit_menu.addAction(self.replace_action)
        self.edit_menu = edit_menu

        view_menu = self.menuBar().addMenu(_("&View"))
        self.preview_action = self.preview_dock.toggleViewAction()
        self.preview_action.setText(_("Contract &preview"))
        self.preview_action.setShortcut(QKeySequence("Ctrl+P"))
        view_menu.addAction(self.preview_action)

        self.language_menu = self.menuBar().addMenu(_("&Language"))
        self.language_group = QActionGroup(self)
        current = self.settings.interface_language or system_language()
        for code in interface_languages():
            action = self.language_menu.addAction(native_name(code))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))

        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("&About SLA Wizard"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _connect_undo(self, stack: QUndoStack) -> None:
        """Edit → Undo and Redo act on ``stack`` and name its changes."""
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)

    def _undo_text_changed(self, change: str) -> None:
        # an ampersand in a name ("R&D") is shown, not taken for an access key
        self.undo_action.setText(_("&Undo {change}").format(change=change.replace("&", "&&"))
                                 if change else _("&Undo"))

    def _redo_text_changed(self, change: str) -> None:
        self.redo_action.setText(_("&Redo {change}").format(change=change.replace("&", "&&"))
                                 if change else _("&Redo"))

    def choose_language(self, code: str) -> None:
        """Remember the interface language, and offer to restart in it now
        (the window closes as usual, asking to save, and opens again on the
        same project)."""
        if code == (self.settings.interface_language or system_language()):
            return
        self.settings.interface_language = code
        save_settings(self.settings)
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          _("SLA Wizard will appear in {language} after a restart.").format(
                              language=native_name(code)), parent=self)
        restart = box.addButton(_("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()

    def open_project_path(self) -> Path | None:
        """The file of the project that is open (None: not saved yet)."""
        return None

    def restart(self) -> None:
        """Close the window (asking to save, as on Quit) and start again on
        the project; nothing happens when the user cancels the closing."""
        from wizard.ui.restart import start_again

        project = self.open_project_path()
        if not self.close():
            return
        if not start_again(project):
            QMessageBox.warning(None, APP_NAME, _(
                "SLA Wizard could not start again; start it yourself to see it in the "
                "new language."))

    def _preview_visibility(self, visible: bool) -> None:
        if self.isVisible() and not self.isMinimized():
            self.settings.show_preview = visible

    def show_about(self) -> None:
        QMessageBox.about(
            self, _("About SLA Wizard"),
            _("<p><b>SLA Wizard {version}</b></p><p>Draft a Service Level Agreement step by "
              "step and get a Word contract.</p><p>The drafts it produces are not legal "
              "advice.</p>").format(version=__version__))
