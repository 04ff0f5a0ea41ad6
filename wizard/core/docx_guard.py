"""Word files from outside, looked over before anything unpacks them.

A ``.docx`` is a zip of XML parts. Before docxtpl or python-docx open a
template (the standard one, the user's, or one being added to the library),
:func:`safe_template_bytes` reads it the careful way and refuses, with a
message naming the template and the part:

- a zip that unpacks to far more than it holds (a "zip bomb"): each part's
  unpacked size and compression ratio are checked from the zip's directory,
  then enforced again while the part is read, since a directory can lie;
  the unpacked total and the number of parts are bounded too;
- XML with a document type declaration (``<!DOCTYPE``) or entity
  declarations (``<!ENTITY``): Word never writes them, and they are how an
  XML file is made to read other files or to expand without end; an XML
  part in another text encoding than UTF-8 or UTF-16 (the only two the
  Office Open XML packaging allows) is refused too, so that no declaration
  hides in an encoding the check cannot read;
- links that make Word fetch something from outside the document when the
  contract is opened: a relationship with ``TargetMode="External"`` (a
  picture or object linked from a web address or a file path, a frame, a
  mail-merge data source) and a field that fetches (``INCLUDEPICTURE``,
  ``INCLUDETEXT``, ``LINK``, ``DDE`` …). Two kinds are not refused:
  hyperlinks stay, because they are text a reader may click, never fetched
  by themselves, and a contract may well point to the provider's web site;
  the link to the template a document was made from (``attachedTemplate``,
  written by Word for every document based on a ``.dotx``) is removed
  instead, because Word fetches it on opening (a known way to smuggle code
  into a document) while its absence changes nothing in the contract.

:func:`ensure_contract_opens` makes sure a contract just made can be opened
again before it is written, so that no template ever yields a "success"
with a file Word and python-docx cannot read.

The limits and why they fit real templates:

- :data:`MAX_XML_PART_BYTES` (20 MB): the largest XML part of a real
  template is its body or its styles; a 300-page contract's body is 3 to
  10 MB, Word's styles part 0.3 to 1 MB. Reading and checking 20 MB of XML
  takes about a second; what took 30 seconds was 50 MB.
- :data:`MAX_OTHER_PART_BYTES` (50 MB): pictures, fonts and embedded
  objects; a full-page photograph at print resolution is 20 to 30 MB.
- :data:`MAX_TOTAL_BYTES` (200 MB): a template with several such pictures.
- :data:`MAX_RATIO` (100 times, for parts above :data:`RATIO_FROM_BYTES`):
  Word's XML packs 5 to 40 times smaller (the standard template's styles
  30 times), pictures hardly at all; a zip bomb packs about 1,000 times.
  Small parts may pack better (a run of empty table cells) and are bounded
  by their size alone.
- :data:`MAX_ENTRIES` (1,000 parts): a template has 10 to 40 parts plus one
  per picture, header and footer.
- :data:`MAX_FILE_BYTES` (200 MB): the template file itself, read whole.
"""

from __future__ import annotations

import codecs
import importlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.core.branding import file_size_text
from wizard.core.render import RenderError
from wizard.i18n import _

MEGABYTE = 1024 * 1024
MAX_XML_PART_BYTES = 20 * MEGABYTE
MAX_OTHER_PART_BYTES = 50 * MEGABYTE
MAX_TOTAL_BYTES = 200 * MEGABYTE
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MEGABYTE
MAX_ENTRIES = 1000
MAX_FILE_BYTES = 200 * MEGABYTE

_CHUNK = 1024 * 1024
_PACKING_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
"""Word packs with deflate, or stores; bzip2 and LZMA pack far tighter."""
_XML_NAME_ENDINGS = (".xml", ".rels")
_ALLOWED_ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be",
                                "utf16le", "utf16be"})
_ENCODING_RE = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")

_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FLD_CHAR = f"{{{_W_NS}}}fldChar"
_INSTR_TEXT = f"{{{_W_NS}}}instrText"
_FLD_SIMPLE = f"{{{_W_NS}}}fldSimple"
_FLD_CHAR_TYPE = f"{{{_W_NS}}}fldCharType"
_INSTR = f"{{{_W_NS}}}instr"

_HYPERLINK = "hyperlink"
_ATTACHED_TEMPLATE = "attachedTemplate"
_FETCHING_FIELDS = frozenset({"DATABASE", "DDE", "DDEAUTO", "IMPORT", "INCLUDE",
                              "INCLUDEPICTURE", "INCLUDETEXT", "LINK"})
"""Field codes that read a file or an address when the field is updated."""

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22


class UnsafeDocumentError(RenderError):
    """A Word file that is not opened, or a contract that is not written; the
    message says why, naming the file and the part."""


def _refuse(file: str, reason: str) -> UnsafeDocumentError:
    """``reason``, a sentence naming the part, after the template's name."""
    return UnsafeDocumentError(
        _('The template "{file}" is not safe to open: {reason}').format(file=file, reason=reason))


def _not_a_document(file: str) -> UnsafeDocumentError:
    return UnsafeDocumentError(
        _('The template "{file}" is not a Word document (.docx) that can be read.').format(
            file=file))


def _etree() -> Any:
    """lxml's ``etree`` (python-docx's parser; loaded when a template is read)."""
    return importlib.import_module("lxml.etree")


def _xml_parser() -> Any:
    """An lxml parser that reads nothing but the text it is given."""
    return _etree().XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)


# --------------------------------------------------------------------------- the zip
def _declared_entries(data: bytes) -> int | None:
    """The number of parts the zip's end record declares (``None`` when it does
    not say: no end record, or a zip64 one), read before the directory is."""
    at = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - 0xFFFF))
    if at < 0 or at + _EOCD_SIZE > len(data):
        return None
    total: int = struct.unpack_from("<H", data, at + 10)[0]
    return None if total == 0xFFFF else total


@dataclass
class _Package:
    """What was read of a template: the XML parts' text and bytes, and the
    content types the package gives its parts."""

    file: str
    xml: dict[str, str] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)

    def content_type(self, name: str) -> str:
        override = self.overrides.get("/" + name.lower())
        if override is not None:
            return override
        return self.defaults.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "")


def _too_large(file: str, part: str, size: int, limit: int) -> UnsafeDocumentError:
    return _refuse(file, _("{part} would be {size} when unpacked (the limit is "
                                 "{limit}).").format(part=part, size=file_size_text(size),
                                                     limit=file_size_text(limit)))


def _packed_too_tight(file: str, part: str, ratio: int) -> UnsafeDocumentError:
    return _refuse(file, _("{part} would unpack to {ratio} times its packed size (the "
                                 "limit is {limit} times), as files made to fill the memory "
                                 "do.").format(part=part, ratio=ratio, limit=MAX_RATIO))


def _part_limit(name: str) -> int:
    return MAX_XML_PART_BYTES if name.lower().endswith(_XML_NAME_ENDINGS) else (
        MAX_OTHER_PART_BYTES)


def _check_directory(file: str, infos: list[zipfile.ZipInfo]) -> None:
    """What the zip's directory says, before a byte is unpacked."""
    if len(infos) > MAX_ENTRIES:
        raise _refuse(file, _("it has {count} parts (the limit is {limit}).").format(
            count=len(infos), limit=MAX_ENTRIES))
    total = 0
    for info in infos:
        name = info.filename
        if info.flag_bits & 0x1:
            raise _not_a_document(file)  # encrypted: nothing can read it
        if info.compress_type not in _PACKING_METHODS:
            raise _refuse(file, _("{part} is packed in a way Word does not use.").format(
                part=name))
        if info.file_size > _part_limit(name):
            raise _too_large(file, name, info.file_size, _part_limit(name))
        if info.file_size > RATIO_FROM_BYTES and (
                info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _packed_too_tight(file, name, info.file_size // max(info.compress_size, 1))
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(file, _("its parts would be {size} when unpacked (the limit is "
                                  "{limit} in all).").format(
            size=file_size_text(total), limit=file_size_text(MAX_TOTAL_BYTES)))


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str,
               total: int) -> bytes:
    """The part unpacked, never more than its limit (nor than the total left):
    the reading stops as soon as either is passed, whatever the directory
    said."""
    name = info.filename
    limit = _part_limit(name)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise _too_large(file, name, size, limit)
            if total + size > MAX_TOTAL_BYTES:
                raise _refuse(file, _("its parts would be {size} when unpacked (the "
                                            "limit is {limit} in all).").format(
                    size=file_size_text(total + size), limit=file_size_text(MAX_TOTAL_BYTES)))
            if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
                raise _packed_too_tight(file, name, size // max(info.compress_size, 1))
            chunks.append(chunk)
    return b"".join(chunks)


# --------------------------------------------------------------------------- XML text
def _as_text(data: bytes) -> str | None:
    """An XML part's text, decoded by its byte order mark or its first
    character; ``None`` when it does not start like XML in UTF-8 or UTF-16."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    elif data.startswith(b"<\x00") and not data.startswith(b"<\x00\x00"):
        text = data.decode("utf-16-le", "replace")
    elif data.startswith(b"\x00<"):
        text = data.decode("utf-16-be", "replace")
    else:
        text = data.decode("utf-8", "replace")
    return text if text.lstrip().startswith("<") else None


def _looks_like_xml(data: bytes) -> bool:
    head = data[:8].lstrip(b" \t\r\n")
    return head.startswith((b"<", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                            b"\x00<"))


def _check_xml(file: str, name: str, data: bytes) -> str:
    """The part's text, when it declares no DTD or entity and is UTF-8 or UTF-16."""
    text = _as_text(data) if data.strip() else ""
    encoding = _ENCODING_RE.match(text[:512]) if text else None
    if text is None or (encoding is not None
                        and encoding.group(1).strip().lower() not in _ALLOWED_ENCODINGS):
        raise _refuse(file, _("{part} is not written in UTF-8 or UTF-16, the text "
                                    "encodings Word documents use.").format(part=name))
    if any(declaration in text for declaration in _DECLARATIONS):
        raise _refuse(file, _("{part} declares a document type or entities "
                                    "(“<!DOCTYPE”, “<!ENTITY”), which can make a document "
                                    "read other files; Word never writes them.").format(
            part=name))
    return text


def _read_package(file: str, archive: zipfile.ZipFile) -> _Package:
    infos = archive.infolist()
    _check_directory(file, infos)
    package = _Package(file)
    total = 0
    for info in infos:
        data = _read_part(archive, info, file, total)
        total += len(data)
        name = info.filename
        if name.lower().endswith(_XML_NAME_ENDINGS) or _looks_like_xml(data):
            if len(data) > MAX_XML_PART_BYTES:
                raise _too_large(file, name, len(data), MAX_XML_PART_BYTES)
            package.xml[name] = _check_xml(file, name, data)
            package.raw[name] = data
    _read_content_types(package)
    for name, data in _parts_typed_as_xml(package, archive):
        package.xml[name] = _check_xml(file, name, data)
        package.raw[name] = data
    return package


def _read_content_types(package: _Package) -> None:
    data = package.raw.get(_CONTENT_TYPES)
    if data is None:
        raise _not_a_document(package.file)
    root = _parse(package, _CONTENT_TYPES, data)
    for element in root:
        kind = str(element.get("ContentType", ""))
        if element.tag == f"{{{_CT_NS}}}Default":
            package.defaults[str(element.get("Extension", "")).lower()] = kind
        elif element.tag == f"{{{_CT_NS}}}Override":
            package.overrides[str(element.get("PartName", "")).lower()] = kind


def _parts_typed_as_xml(package: _Package, archive: zipfile.ZipFile
                        ) -> Iterator[tuple[str, bytes]]:
    """Parts that do not look like XML but that the package says are: they
    are read as XML all the same, so they must pass as XML."""
    for info in archive.infolist():
        name = info.filename
        content_type = package.content_type(name).split(";")[0].strip().lower()
        if name not in package.xml and content_type.endswith("xml"):
            yield name, archive.read(info)  # within the limits: read once already


def _parse(package: _Package, name: str, data: bytes) -> Any:
    etree = _etree()
    try:
        return etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError:
        raise _not_a_document(package.file) from None


# --------------------------------------------------------------------------- links
def _relationship_source(rels_name: str) -> str:
    """``word/_rels/settings.xml.rels`` → ``word/settings.xml``."""
    folder, _sep, base = rels_name.rpartition("_rels/")
    return folder + base.removesuffix(".rels")


def _kind(relationship_type: str) -> str:
    return relationship_type.rstrip("/").rsplit("/", 1)[-1]


def _external_links(package: _Package) -> dict[str, set[str]]:
    """Refuse every relationship that makes Word fetch from outside; return the
    ids of the attached-template links to remove, by the part they belong to
    (the ``.rels`` part's name)."""
    removed: dict[str, set[str]] = {}
    for name in sorted(package.raw):
        if not name.lower().endswith(".rels"):
            continue
        root = _parse(package, name, package.raw[name])
        for relationship in root.iter(f"{{{_RELS_NS}}}Relationship"):
            if str(relationship.get("TargetMode", "")).strip().lower() != "external":
                continue
            kind = _kind(str(relationship.get("Type", "")))
            if kind == _HYPERLINK:
                continue
            if kind == _ATTACHED_TEMPLATE:
                removed.setdefault(name, set()).add(str(relationship.get("Id", "")))
                continue
            source = _relationship_source(name)
            raise _refuse(package.file, _(
                "{part} links to “{target}” outside the document (a link of the kind "
                "“{kind}”), which Word would fetch when the contract is opened. Insert the "
                "picture or object into the template itself instead of linking to it.").format(
                part=source, target=str(relationship.get("Target", ""))[:120], kind=kind))
    return removed


def _field_codes(root: Any) -> Iterator[str]:
    """The code of every field in a part, in document order: ``w:fldSimple``
    and the ``w:instrText`` runs between a field's begin and separate (or
    end) marks, nested fields included."""
    open_codes: list[list[str]] = []
    for element in root.iter(_FLD_CHAR, _INSTR_TEXT, _FLD_SIMPLE):
        if element.tag == _FLD_SIMPLE:
            yield str(element.get(_INSTR, ""))
        elif element.tag == _INSTR_TEXT:
            if open_codes:
                open_codes[-1].append(element.text or "")
        else:
            kind = element.get(_FLD_CHAR_TYPE)
            if kind == "begin":
                open_codes.append([])
            elif kind in ("separate", "end") and open_codes:
                code = "".join(open_codes[-1])
                if kind == "end":
                    open_codes.pop()
                else:
                    open_codes[-1] = []
                yield code
    for leftover in open_codes:
        yield "".join(leftover)


def _fetching_fields(package: _Package) -> None:
    for name in sorted(package.xml):
        text = package.xml[name]
        if "instr" not in text or name.lower().endswith(".rels"):
            continue
        root = _parse(package, name, package.raw[name])
        for code in _field_codes(root):
            words = code.split()
            if words and words[0].upper() in _FETCHING_FIELDS:
                target = " ".join(words[1:])[:120]
                raise _refuse(package.file, _(
                    "{part} has a field “{field}” that fetches “{target}” when the contract "
                    "is opened or updated. Remove the field, or put what it fetches into the "
                    "template itself.").format(part=name, field=words[0].upper(),
                                                target=target))


def _without_links(archive: zipfile.ZipFile, package: _Package,
                   removed: dict[str, set[str]]) -> bytes:
    """The package again, without the relationships ``removed`` names and
    without the elements of their parts that refer to them."""
    etree = _etree()
    replaced: dict[str, bytes] = {}
    for rels_name, ids in removed.items():
        root = _parse(package, rels_name, package.raw[rels_name])
        for relationship in list(root.iter(f"{{{_RELS_NS}}}Relationship")):
            if relationship.get("Id") in ids:
                root.remove(relationship)
        replaced[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                             standalone=True)
        source = _relationship_source(rels_name)
        if source in package.raw:
            part = _parse(package, source, package.raw[source])
            for element in [e for e in part.iter() if e.get(_R_ID) in ids]:
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
            replaced[source] = etree.tostring(part, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:
        for info in archive.infolist():
            content = replaced.get(info.filename)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.external_attr = info.external_attr
            rewritten.writestr(copy, content if content is not None else archive.read(info),
                               compress_type=info.compress_type)
    return out.getvalue()


# --------------------------------------------------------------------------- entry points
def read_template_file(path: Path) -> bytes:
    """The Word template ``path``, read (a regular file of at most
    :data:`MAX_FILE_BYTES`) and checked by :func:`safe_template_bytes`.
    ``OSError`` when it cannot be read; :class:`UnsafeDocumentError` when it
    is not safe to open."""
    from wizard.core.safe_read import read_regular_file

    data = read_regular_file(path, MAX_FILE_BYTES, _("The Word template"))
    return safe_template_bytes(data, path.name)


def safe_template_bytes(data: bytes, file: str) -> bytes:
    """``data``, the bytes of the Word template ``file`` (its name, for the
    messages), when it is safe to open: the same bytes, or a copy without the
    link to the template it was made from. :class:`UnsafeDocumentError` when
    it is not, saying why."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(file, _("the file is {size} (the limit is {limit}).").format(
            size=file_size_text(len(data)), limit=file_size_text(MAX_FILE_BYTES)))
    declared = _declared_entries(data)
    if declared is not None and declared > MAX_ENTRIES:
        raise _refuse(file, _("it has {count} parts (the limit is {limit}).").format(
            count=declared, limit=MAX_ENTRIES))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _read_package(file, archive)
            removed = _external_links(package)
            _fetching_fields(package)
            return _without_links(archive, package, removed) if removed else data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError,
            NotImplementedError, RuntimeError, ValueError, OSError):
        raise _not_a_document(file) from None


def ensure_contract_opens(data: bytes, file: str) -> None:
    """Raise :class:`UnsafeDocumentError` unless the contract ``data`` (to be
    written as ``file``) opens again in python-docx, its properties and text
    included."""
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
        properties = document.core_properties
        texts = [properties.title, properties.subject, properties.author,
                 *(paragraph.text for paragraph in document.paragraphs)]
        for section in document.sections:
            texts += [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]
    except Exception as exc:  # whatever a damaged package makes python-docx raise
        raise UnsafeDocumentError(
            _('The contract "{file}" was not written: the document made from the template '
              "cannot be opened again ({detail}). Correct the template, or use the standard "
              "one.").format(file=file, detail=str(exc)[:200] or type(exc).__name__)
        ) from None
