"""The user's own Word templates: where they live and which one a project uses.

A consultant exports the standard template, restyles it in Word and keeps it
in the templates folder (under the program's data folder); a project names
its template by file name when it is in that folder, or by a path otherwise.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from wizard.core.model import Project
from wizard.i18n import _
from wizard.paths import standard_template
from wizard.settings import APP_SLUG, CONFIG_ENV

TEMPLATE_SUFFIX = ".docx"
_LOCK_PREFIX = "~$"
"""Word keeps ``~$name.docx`` beside a document while it is open."""


class TemplateNotFoundError(LookupError):
    """The project's template cannot be found; the message says where it was looked for."""


@dataclass(frozen=True)
class UserTemplate:
    """One template in the user's templates folder."""

    name: str
    """The file name, which is what a project records."""
    path: Path

    @property
    def title(self) -> str:
        """The name shown in lists: the file name without ``.docx``."""
        return self.path.stem


def templates_folder() -> Path:
    """The folder holding the user's own templates (it may not exist yet).
    ``SLA_WIZARD_CONFIG_DIR`` moves it, as it moves every other folder."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "templates"
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)) / "templates"


def is_template_file(path: Path) -> bool:
    """A Word document that is not one of Word's lock files."""
    return (path.suffix.lower() == TEMPLATE_SUFFIX and not path.name.startswith(_LOCK_PREFIX)
            and path.is_file())


def user_templates(folder: Path | None = None) -> list[UserTemplate]:
    """The templates in ``folder`` (the templates folder unless given), by name."""
    folder = folder or templates_folder()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [UserTemplate(entry.name, entry) for entry in entries if is_template_file(entry)]
    return sorted(found, key=lambda t: (t.name.casefold(), t.name))


def export_standard_template(target: Path) -> Path:
    """Write a copy of the bundled standard template to ``target`` (``.docx``
    added when missing), for the user to restyle in Word. ``OSError`` when it
    cannot be written."""
    if target.suffix.lower() != TEMPLATE_SUFFIX:
        target = target.with_name(target.name + TEMPLATE_SUFFIX)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(standard_template(), target)
    return target


def add_template(source: Path, folder: Path | None = None) -> UserTemplate:
    """Copy ``source`` into the templates folder under its own name, replacing
    a template of that name. It is read and looked over first
    (:func:`wizard.core.docx_guard.read_template_file`), and what was looked
    over is what is copied. ``OSError`` when it cannot be read or copied,
    :class:`~wizard.core.docx_guard.UnsafeDocumentError` when it is not safe
    to open (nothing is copied)."""
    from wizard.core.docx_guard import read_template_file

    data = read_template_file(source)
    folder = folder or templates_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    if source.resolve() != target.resolve():
        target.write_bytes(data)
    return UserTemplate(target.name, target)


def is_bare_name(reference: str) -> bool:
    """``Letterhead.docx`` names a file in the templates folder; anything
    with a folder in it is a path."""
    return "/" not in reference and "\\" not in reference and reference not in ("", ".", "..")


def resolve_template(project: Project, project_path: Path | None = None) -> Path:
    """The template file ``project`` uses (its ``template`` field), given
    where the project is saved (``project_path``, None when it is not).

    Empty: the bundled standard template. A bare file name: that file in the
    templates folder. A relative path: relative to the project file's folder
    (to the current folder for a project not saved yet). An absolute path
    (``~`` expanded): itself. :class:`TemplateNotFoundError` when it is not
    there."""
    reference = project.template.strip()
    if not reference:
        return standard_template()
    if is_bare_name(reference):
        path = templates_folder() / reference
        if not path.is_file():
            raise TemplateNotFoundError(
                _('The template "{name}" is not in your templates folder ({folder}). '
                  "Add it again or choose another template.").format(
                    name=reference, folder=templates_folder()))
        return path
    path = Path(reference).expanduser()
    if not path.is_absolute() and project_path is not None:
        path = project_path.parent / path
    if not path.is_file():
        raise TemplateNotFoundError(
            _('The template file "{path}" cannot be found. Choose the template again.').format(
                path=path))
    return path
