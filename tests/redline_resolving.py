"""Accepting or rejecting every tracked change of a Word document, done on its
XML as Word does it, so that a redline can be read back both ways."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STORIES = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


MARK_HOLDERS = (w("rPr"), w("trPr"))
"""``w:ins`` / ``w:del`` inside these mark a paragraph mark or a row, not text."""


class ResolveError(AssertionError):
    """The tracked changes cannot be resolved the way Word would."""


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _resolve_story(root: etree._Element, accept: bool) -> None:
    gone, kept = (w("del"), w("ins")) if accept else (w("ins"), w("del"))
    # rows, then tables left without rows
    for row in list(root.iter(w("tr"))):
        properties = row.find(w("trPr"))
        if properties is None:
            continue
        if properties.find(gone) is not None:
            row.getparent().remove(row)
        for marker in properties.findall(kept):
            properties.remove(marker)
    for table in list(root.iter(w("tbl"))):
        if table.find(w("tr")) is None:
            table.getparent().remove(table)
    # text
    for element in list(root.iter(gone, kept)):
        if element.getparent() is None or element.getparent().tag in MARK_HOLDERS:
            continue
        if element.tag == gone:
            element.getparent().remove(element)
        else:
            _unwrap(element)
    if not accept:
        for text in root.iter(w("delText")):
            text.tag = w("t")
        for code in root.iter(w("delInstrText")):
            code.tag = w("instrText")
    # paragraph properties changed
    for change in list(root.iter(w("pPrChange"))):
        properties = change.getparent()
        if accept:
            properties.remove(change)
            continue
        former = change.find(w("pPr"))
        for child in list(properties):
            if child.tag not in (w("rPr"), w("sectPr")):
                properties.remove(child)
        for index, child in enumerate(list(former) if former is not None else []):
            properties.insert(index, child)
    # paragraph marks: a paragraph whose mark goes joins the next paragraph
    for paragraph in list(root.iter(w("p"))):
        mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
        if mark is None:
            continue
        goes = mark.find(gone) is not None
        for marker in mark.findall(gone) + mark.findall(kept):
            mark.remove(marker)
        if not goes:
            continue
        following = paragraph.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is None or following.tag != w("p"):
            raise ResolveError(
                "a paragraph mark that goes is followed by "
                f"{'nothing' if following is None else etree.QName(following).localname}: "
                f"{''.join(paragraph.itertext())!r}")
        content = [child for child in paragraph if child.tag != w("pPr")]
        at = 1 if following.find(w("pPr")) is not None else 0
        for offset, child in enumerate(content):
            following.insert(at + offset, child)
        paragraph.getparent().remove(paragraph)


def resolve(docx: bytes, accept: bool) -> bytes:
    """``docx`` with every tracked change accepted (or rejected)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if STORIES.fullmatch(info.filename):
                root = etree.fromstring(data)
                _resolve_story(root, accept)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def accept_all(docx: bytes) -> bytes:
    return resolve(docx, accept=True)


def reject_all(docx: bytes) -> bytes:
    return resolve(docx, accept=False)


def revision_ids(docx: bytes) -> list[str]:
    """The ``w:id`` of every tracked change, in every story."""
    ids: list[str] = []
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        for name in source.namelist():
            if STORIES.fullmatch(name):
                root = etree.fromstring(source.read(name))
                ids.extend(element.get(w("id")) for element in root.iter(
                    w("ins"), w("del"), w("pPrChange")))
    return ids
