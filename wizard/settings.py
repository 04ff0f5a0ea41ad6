"""The program's own settings and folders (platformdirs), kept as a small
JSON file. A damaged settings file is set aside, never fatal.

Read before the window's first paint, so plain dataclasses and ``json``: no
project model behind it."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "SLA Wizard"
APP_SLUG = "sla-wizard"
MAX_RECENT = 8
CONFIG_ENV = "SLA_WIZARD_CONFIG_DIR"
"""Overrides every folder below (tests, portable installs)."""


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
            if item.name not in data:
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
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    path = settings_file()
    try:
        return Settings.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".damaged.json"))
        return Settings()


def save_settings(settings: Settings) -> None:
    path = settings_file()
    try:
        from wizard.core.project_file import write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, settings.to_json().encode("utf-8"))
    except Exception:  # settings are a convenience: never lose work over them
        pass
