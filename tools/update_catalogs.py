"""Extract the translatable text and bring every catalog up to date.

``python tools/update_catalogs.py`` writes ``resources/locale/<domain>.pot``
for the interface (``messages``) and the contract (``contract``), then
updates each language's ``.po`` from it (new entries appear untranslated, so
that the catalog test lists them). ``--init LANG`` starts a new language.

An overlay catalog (a regional one holding only the entries that differ from
its language's, marked ``# X-Overlay-Of: de`` in its header comment) never
receives new, empty entries: its missing entries are its language's. Only
the entries the sources no longer hold are dropped from it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
sys.path.insert(0, str(ROOT))

from babel.messages.pofile import read_po, write_po  # noqa: E402

from wizard.translations import overlay_base  # noqa: E402

DOMAINS: dict[str, list[str]] = {
    "messages": ["-k", "_", "-k", "N_", "-k", "ngettext:1,2"],
    "contract": ["-k", "_", "-k", "N_", "-k", "t", "-k", "gettext", "-k", "ngettext:1,2"],
}


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT,
                   check=True)


def extract(domain: str) -> Path:
    template = LOCALE / f"{domain}.pot"
    pybabel("extract", "-F", str(LOCALE / f"{domain}.cfg"), *DOMAINS[domain],
            "--no-location", "--sort-output", "--project",
            "SLA Wizard", "-o", str(template), ".")
    return template


_POT_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"$', re.M)


def _without_date(content: bytes) -> bytes:
    return _POT_DATE.sub(b"", content)


def keep_unchanged(before: dict[Path, bytes]) -> None:
    """A catalog whose entries did not change keeps its old extraction date, so
    that an update touches only the catalogs it really changed."""
    for path, old in before.items():
        if path.exists() and _without_date(path.read_bytes()) == _without_date(old):
            path.write_bytes(old)


def prune_overlay(catalog: Path, template: Path) -> None:
    """Drop from an overlay the entries ``template`` no longer holds; add none."""
    with template.open("rb") as handle:
        wanted = {message.id for message in read_po(handle) if message.id}
    with catalog.open("rb") as handle:
        overlay = read_po(handle, locale=catalog.parts[-3])
    stale = [message.id for message in overlay if message.id and message.id not in wanted]
    if not stale:
        return
    for message_id in stale:
        overlay.delete(message_id)
    with catalog.open("wb") as handle:
        write_po(handle, overlay, omit_header=False, ignore_obsolete=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--init", metavar="LANG", help="start a catalog for a new language")
    parser.add_argument("--domain", choices=sorted(DOMAINS), action="append",
                        help="only this domain (default: both)")
    options = parser.parse_args()
    for domain in options.domain or sorted(DOMAINS):
        template = extract(domain)
        if options.init:
            pybabel("init", "-D", domain, "-i", str(template), "-d", str(LOCALE),
                    "-l", options.init)
        elif catalogs := sorted(LOCALE.glob(f"*/LC_MESSAGES/{domain}.po")):
            before = {path: path.read_bytes() for path in catalogs}
            for catalog in catalogs:
                if overlay_base(catalog) is not None:
                    prune_overlay(catalog, template)
                else:
                    pybabel("update", "-D", domain, "-i", str(template), "-d", str(LOCALE),
                            "-l", catalog.parts[-3], "--no-fuzzy-matching", "--ignore-obsolete")
            keep_unchanged(before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
