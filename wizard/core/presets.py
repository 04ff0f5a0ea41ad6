"""The four presets the Start step offers, and the blank project.

A preset is a complete, valid project of one SLA type, shipped as a
``.slaproj`` file in ``resources/presets/``. Its values are realistic but
clearly marked as examples (``Example Provider Ltd``, ``example.com``
addresses, 555-01xx telephone numbers, a title ending in "(example)" and the
reference ``EXAMPLE-001``) so that nobody sends one unchanged.
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.examples import mark_examples
from wizard.core.model import AgreementType, Project
from wizard.core.project_file import PROJECT_SUFFIX, load_project
from wizard.paths import resources_dir

PRESETS: tuple[AgreementType, ...] = (
    AgreementType.CUSTOMER_BASED,
    AgreementType.SERVICE_BASED,
    AgreementType.MULTI_LEVEL,
    AgreementType.INTERNAL,
)
"""Every SLA type with a preset, in the order the Start step lists them."""


def presets_dir() -> Path:
    """The folder holding the preset files."""
    return resources_dir() / "presets"


def preset_path(kind: AgreementType, language: str = "en") -> Path:
    """The preset file for an agreement type, in the interface ``language``
    (``de``, ``pt_BR``) when there is one in it: its texts in that language,
    with the contract language and currency that fit. Otherwise the English
    preset."""
    name = f"{kind.value}{PROJECT_SUFFIX}"
    if language != "en":
        localised = presets_dir() / language / name
        if localised.is_file():
            return localised
    return presets_dir() / name


def preset_languages(kind: AgreementType) -> list[str]:
    """The interface languages with a preset of ``kind`` of their own."""
    name = f"{kind.value}{PROJECT_SUFFIX}"
    return sorted(folder.name for folder in presets_dir().iterdir()
                  if folder.is_dir() and (folder / name).is_file())


def new_project(kind: AgreementType, language: str = "en") -> Project:
    """A new project pre-filled from the preset of ``kind``.

    The file is read on every call, so each project is independent of the
    ones returned before. The preset's names, addresses, titles and texts
    are marked as examples (:func:`~wizard.core.examples.mark_examples`):
    the wizard shows them as such until the user writes over them. Raises
    :class:`~wizard.core.project_file.ProjectFileError` if the preset is
    missing or damaged (a broken installation).
    """
    project = load_project(preset_path(kind, language))
    mark_examples(project)
    return project


def blank_project() -> Project:
    """An empty project for a user who starts from scratch.

    Only the model's defaults are set (language ``en_US``, currency ``USD``,
    effective today, a customer-based agreement); nothing is invented, so no
    example value can slip into a contract. The checks then lead the user
    through what is missing, starting with the title, the parties and at
    least one service.
    """
    return Project()
