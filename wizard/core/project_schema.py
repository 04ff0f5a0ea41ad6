"""The JSON Schema of the ``.slaproj`` format, generated from the model.

``python -m wizard.core.project_schema`` writes ``docs/project-format.schema.json``
(a test keeps the committed file current). It describes the files SLA Wizard
writes, for people who produce or read projects with other tools; the program
itself reads a little more leniently (a decimal given as a JSON number, say)
and always validates with the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wizard.core.model import FORMAT_VERSION, Project

SCHEMA_ID = f"https://slawizard.example/schema/slaproj-{FORMAT_VERSION}.json"


def project_schema() -> dict[str, Any]:
    """The schema of a project file in the current format."""
    schema = Project.model_json_schema(mode="validation")
    properties = schema["properties"]
    properties["format"] = {"const": "sla-project"}
    properties["format_version"] = {"const": FORMAT_VERSION}
    schema["required"] = sorted({*schema.get("required", []), "format", "format_version"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": f"SLA Wizard project, format {FORMAT_VERSION}",
        "description": "One Service Level Agreement project (a .slaproj file). Unknown keys "
                       "are allowed everywhere and kept by SLA Wizard when it saves.",
    }


def schema_text() -> str:
    return json.dumps(project_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_path() -> Path:
    return Path(__file__).resolve().parents[2] / "docs" / "project-format.schema.json"


def main() -> int:
    path = schema_path()
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
