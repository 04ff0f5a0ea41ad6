"""The catalog update never fills a regional overlay with empty entries: it
updates the full catalogs from the extracted template and only drops, from an
overlay, the entries the sources no longer hold (pybabel itself is not run
here: the calls the tool would make are recorded)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from example_paths import ROOT

from wizard.translations import overlay_base


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_catalogs", ROOT / "tools" / "update_catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0]
                for m in read_po(handle, locale=path.parts[-3]) if m.id}


def test_an_update_leaves_overlays_unfilled(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    source = ROOT / "resources" / "locale"
    for code in ("de", "de_AT"):
        shutil.copytree(source / code / "LC_MESSAGES", tmp_path / code / "LC_MESSAGES")
    overlay = tmp_path / "de_AT" / "LC_MESSAGES" / "contract.po"
    kept_id = "Term and termination"
    dropped = _ids(overlay) - {kept_id}
    assert dropped  # the overlay holds more than the entry kept below

    # the sources now hold one of the overlay's entries and a new sentence
    template = tmp_path / "contract.pot"
    extracted = Catalog()
    extracted.add(kept_id)
    extracted.add("A sentence added since.")
    with template.open("wb") as handle:
        write_po(handle, extracted)

    tool = _tool()
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(tool, "LOCALE", tmp_path)
    monkeypatch.setattr(tool, "extract", lambda domain: template)
    monkeypatch.setattr(tool, "pybabel", lambda *args: calls.append(args))
    monkeypatch.setattr(sys, "argv", ["update_catalogs.py", "--domain", "contract"])
    assert tool.main() == 0

    # the full catalog is updated by pybabel, for its own locale only
    assert [call[call.index("-l") + 1] for call in calls] == ["de"]
    # the overlay keeps its still-extracted entry and its mark, gains nothing
    assert _ids(overlay) == {kept_id}
    assert overlay_base(overlay) == "de"
    with overlay.open("rb") as handle:
        kept = read_po(handle, locale="de_AT").get(kept_id)
    assert kept is not None and kept.string == "Laufzeit und Vertragsbeendigung"
