"""A Babel extractor for the clause text inside Word templates.

``pybabel extract`` calls :func:`extract_docx` for ``templates/*.docx``: the
XML parts that docxtpl renders (body, headers, footers) are reduced to their
text, docxtpl's paragraph and row tags (``{%p``, ``{%tr``, ``{%tc``) become
plain Jinja tags, and Jinja's own extractor finds the ``_()`` and
``ngettext()`` calls.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from jinja2.ext import babel_extract

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_TAG = re.compile(r"<[^>]+>")
_DOCXTPL_TAGS = re.compile(r"\{%(p|tr|tc|r)\s")


def template_text(data: bytes) -> str:
    """The Jinja source of a ``.docx`` template: one line per paragraph."""
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        for name in sorted(docx.namelist()):
            if not _PARTS.match(name):
                continue
            xml = docx.read(name).decode("utf-8")
            for paragraph in re.split(r"</w:p>", xml):
                text = html.unescape(_TAG.sub("", paragraph))
                if text.strip():
                    lines.append(_DOCXTPL_TAGS.sub("{% ", text))
    return "\n".join(lines)


def extract_docx(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
                 options: Mapping[str, Any]) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel extraction method for Word templates rendered by docxtpl."""
    source = io.BytesIO(template_text(fileobj.read()).encode("utf-8"))
    yield from babel_extract(source, list(keywords), list(comment_tags),
                             {**options, "extensions": ""})
