"""The program's own settings and folders (platformdirs), kept as a small
JSON file. A damaged settings file (not JSON, nested too deeply, a value of
the wrong type, not a regular file, larger than :data:`MAX_SETTINGS_BYTES`)
is set aside as ``settings.json.damaged-YYYYMMDD-HHMMSS`` and the defaults
are used: never fatal, and the program says so (:func:`set_aside_note`).

Read before the window's first paint, so plain dataclasses and ``json``: no
project model behind it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from wizard.core.safe_read import read_regular_file
from wizard.i18n import _

APP_NAME = "SLA Wizard"
APP_SLUG = "sla-wizard"
MAX_RECENT = 8
CONFIG_ENV = "SLA_WIZARD_CONFIG_DIR"
"""Overrides every folder below (tests, portable installs)."""
MAX_SETTINGS_BYTES = 1024 * 1024
"""The settings hold eight recent paths, a window geometry and a few words:
a few KB at the very most. A MiB is far beyond any real settings file, and
small enough to read at every start without a thought."""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False))


def state_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "state"
    return Path(platformdirs.user_state_dir(APP_SLUG, appauthor=False))


def recovery_dir() -> Path:
    """Where unsaved work is kept until it is saved or discarded (see
    :mod:`wizard.core.recovery`)."""
    return state_dir() / "recovery"


def user_presets_dir() -> Path:
    """Where the user's own presets are kept (see :mod:`wizard.core.user_presets`)."""
    return config_dir() / "presets"


def default_projects_dir() -> Path:
    """Where projects are saved unless the user chooses another folder."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "projects"
    return Path(platformdirs.user_documents_dir()) / APP_NAME


@dataclass
class Settings:
    recent_files: list[str] = field(default_factory=list)
    interface_language: str = ""
    show_preview: bool = True
    window_geometry: str = ""
    last_folder: str = ""
    save_pdf: bool = False
    """Also save a PDF of each generated contract (when LibreOffice is installed)."""
    set_aside: Path | None = field(default=None, compare=False)
    """Where a damaged settings file was moved when these were loaded (not saved)."""

    def remember(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        text = str(path.resolve())
        self.recent_files = [text, *[f for f in self.recent_files if f != text]][:MAX_RECENT]
        self.last_folder = str(path.resolve().parent)

    def forget(self, path: str) -> None:
        self.recent_files = [f for f in self.recent_files if f != path]

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        """The settings in ``data`` (a settings file's JSON); unknown keys are
        ignored, a value of the wrong type raises ValueError."""
        if not isinstance(data, dict):
            raise ValueError("settings: not an object")
        values: dict[str, Any] = {}
        for item in fields(cls):
            if item.name not in data or item.name not in _SAVED:
                continue
            value = data[item.name]
            if item.name == "recent_files":
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            elif item.type == "bool":
                ok = isinstance(value, bool)
            else:
                ok = isinstance(value, str)
            if not ok:
                raise ValueError(f"settings: {item.name} has the wrong type")
            values[item.name] = list(value) if isinstance(value, list) else value
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps({name: getattr(self, name) for name in _SAVED}, indent=2,
                          ensure_ascii=False)


_SAVED = tuple(item.name for item in fields(Settings) if item.name != "set_aside")


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings; the defaults when there are none, or when the file
    is damaged (it is then set aside: :attr:`Settings.set_aside`)."""
    path = settings_file()
    try:
        raw = read_regular_file(path, MAX_SETTINGS_BYTES, _("The settings file"))
        return Settings.from_json(json.loads(raw.decode("utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return Settings(set_aside=_set_aside(path))


def _set_aside(path: Path) -> Path | None:
    """Move a damaged settings file out of the way (kept for a look), so that
    the next save writes a good one; where it went, or None if it could not
    be moved."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    try:
        os.rename(path, target)
    except OSError:
        return None
    return target


def set_aside_note(settings: Settings) -> str:
    """What to tell the user about settings that were set aside ("" if none)."""
    if settings.set_aside is None:
        return ""
    return _('The settings file "{file}" could not be read and was set aside as "{copy}"; '
             "SLA Wizard starts with its default settings.").format(
        file=settings_file(), copy=settings.set_aside.name)


def save_settings(settings: Settings) -> None:
    path = settings_file()
    try:
        from wizard.core.project_file import link_target, write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(link_target(path), settings.to_json().encode("utf-8"))
    except Exception:  # settings are a convenience: never lose work over them
        pass
