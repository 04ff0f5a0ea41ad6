"""Hyphens a line never breaks at, written as Word writes them.

The contract's values carry U+2011 NON-BREAKING HYPHEN where a line must not
break at a hyphen (an e-mail address such as ``support@northwind-it.example``,
a telephone number): broken there, the reader cannot tell the address's own
hyphen from the line's. Many body fonts (Calibri's free twin Carlito among
them) have no glyph for U+2011, so after rendering each one becomes Word's own
``<w:noBreakHyphen/>``, which Word and LibreOffice draw with the font's
ordinary hyphen and never break at."""

from __future__ import annotations

from typing import Any

NO_BREAK_HYPHEN = "\u2011"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def unbreakable(text: str) -> str:
    """``text`` with each hyphen made one a line never breaks at."""
    return text.replace("-", NO_BREAK_HYPHEN)


def _split_text(text_element: Any) -> None:
    from docx.oxml import OxmlElement

    parts = (text_element.text or "").split(NO_BREAK_HYPHEN)
    run = text_element.getparent()
    position = run.index(text_element)
    run.remove(text_element)
    new: list[Any] = []
    for index, part in enumerate(parts):
        if index:
            new.append(OxmlElement("w:noBreakHyphen"))
        if part:
            element = OxmlElement("w:t")
            element.text = part
            element.set(_XML_SPACE, "preserve")
            new.append(element)
    for offset, element in enumerate(new):
        run.insert(position + offset, element)


def word_no_break_hyphens(document: Any) -> None:
    """Turn every U+2011 in the body, headers and footers of a python-docx
    ``document`` into ``<w:noBreakHyphen/>``."""
    # python-docx is imported here, not with the module: the contract's text
    # (and so the window's first paint) needs only :func:`unbreakable`
    from docx.oxml.ns import qn

    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    for root in roots:
        for text_element in list(root.iter(qn("w:t"))):
            if NO_BREAK_HYPHEN in (text_element.text or ""):
                _split_text(text_element)
