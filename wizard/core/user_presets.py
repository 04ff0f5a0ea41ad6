"""The user's own presets: projects saved to start new agreements from, kept
as ``.slaproj`` files in a folder of the program's settings and offered on
the Start step beside the four built-in presets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.core.model import Project
from wizard.core.project_file import PROJECT_SUFFIX, load_project, save_project
from wizard.core.reuse import copy_for_new_client
from wizard.i18n import _

MAX_NAME = 80
_NOT_IN_FILE_NAMES = set('<>:"/\\|?*')


@dataclass(frozen=True)
class UserPreset:
    name: str
    path: Path


def preset_file_name(name: str) -> str:
    """The file name for a preset called ``name`` (characters no file system
    allows replaced); ``ValueError`` with a message for the user when the
    name cannot be used."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError(_("Give the preset a name."))
    if len(cleaned) > MAX_NAME:
        raise ValueError(_("A preset's name can have at most {count} characters.").format(
            count=MAX_NAME))
    safe = "".join("_" if c in _NOT_IN_FILE_NAMES or ord(c) < 32 else c for c in cleaned)
    if safe.strip(". ") == "":
        raise ValueError(_("“{name}” cannot be a preset's name.").format(name=cleaned))
    return safe + PROJECT_SUFFIX


def save_user_preset(project: Project, name: str, folder: Path) -> Path:
    """Keep ``project`` as the preset ``name`` in ``folder`` (replacing a
    preset of that name), without the client's details, its reference
    counted up and no measured months (see
    :func:`~wizard.core.reuse.copy_for_new_client`). Raises ``ValueError``
    for an unusable name and :class:`ProjectFileError` when it cannot be
    written."""
    path = folder / preset_file_name(name)
    folder.mkdir(parents=True, exist_ok=True)
    save_project(copy_for_new_client(project).project, path, backup=False)
    return path


def list_user_presets(folder: Path) -> list[UserPreset]:
    """The presets in ``folder``, by name (none when it does not exist)."""
    if not folder.is_dir():
        return []
    files = sorted(folder.glob(f"*{PROJECT_SUFFIX}"), key=lambda p: p.stem.casefold())
    return [UserPreset(path.stem, path) for path in files if path.is_file()]


def new_from_user_preset(path: Path) -> Project:
    """A new project from the preset file ``path``; raises
    :class:`~wizard.core.project_file.ProjectFileError`."""
    return load_project(path)
