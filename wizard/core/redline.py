"""A Word redline: the new contract with the changes from the old one as
tracked changes, so that Word and LibreOffice show them and their "Accept
all" gives the new contract's text, "Reject all" the old one's.

Both contracts are rendered with the same template (the new project's, with
its look), so that they differ only where the projects' words do. Then each
story (the body, each header and footer) is compared as Word stores it:

- its paragraphs and tables are aligned with :mod:`difflib` on what they say;
  those that did not change are left untouched;
- a changed paragraph is compared word by word, and the words taken out or
  put in keep the formatting (``w:rPr``) of the runs they came from, inside
  ``w:del`` / ``w:ins``;
- a paragraph put in or taken out as a whole also has its paragraph mark
  marked (``w:pPr/w:rPr/w:ins`` or ``w:del``), so that accepting or rejecting
  joins no two paragraphs that should stay apart; where a story ends, or a
  table follows, the mark of the paragraph before carries the change
  instead, as Word itself records it, and ``w:pPrChange`` keeps the
  paragraph properties of the side that loses the paragraph;
- table rows are aligned like paragraphs, then cell by cell; a row put in or
  taken out is marked in its ``w:trPr``.

Every change carries an author, a date and a ``w:id`` unique in the document.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from wizard.core.model import Project

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"

DEFAULT_AUTHOR = "SLA Wizard"

STORY_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")
"""The parts whose text is compared: the body, the headers and the footers."""

MAX_ALIGNMENT_CELLS = 10_000
"""Above this many pairs of paragraphs to weigh against each other in one
changed stretch, they are paired in order instead (as fast as it is rough)."""

PARAGRAPH_LIKENESS = 0.4
ROW_LIKENESS = 0.3

_TOKEN_RE = re.compile(r"\w+(?:[.,:'’/\-]\w+)*|\s+|[^\w\s]")
"""A word (``99.95``, ``1,250.00``, ``08:00`` and ``e-mail`` are one), a run
of spaces, or one sign."""


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
_PPR, _RPR, _TRPR = w("pPr"), w("rPr"), w("trPr")
_INS, _DEL = w("ins"), w("del")
_DEL_TEXT = w("delText")
_KEPT_IN_PLACE = frozenset({w("tcPr"), w("sectPr"), w("tblPr"), w("tblGrid"), w("tblPrEx")})
_PPR_NOT_PROPERTIES = frozenset({_RPR, w("sectPr"), w("pPrChange")})
_RUN_ELEMENTS = frozenset({w("tab"), w("br"), w("cr"), w("noBreakHyphen"), w("softHyphen"),
                           w("sym"), w("drawing")})
_DROPPED = frozenset({w("lastRenderedPageBreak"), w("proofErr")})
_PICTURES = (w("drawing"), w("pict"), w("object"))
_SPACE = f"{{{XML_NS}}}space"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_blank_text=False)


class RedlineError(ValueError):
    """The two documents cannot be compared (not Word documents, say)."""


class Status(Enum):
    """Which side a block of the redline belongs to."""

    BOTH = "both"
    NEW = "new"
    """Only in the new contract: inserted."""
    OLD = "old"
    """Only in the old contract: deleted."""


SIDES = (Status.NEW, Status.OLD)


# --------------------------------------------------------------------------- revisions

@dataclass
class Revisions:
    """Author, date and the next free ``w:id`` of the tracked changes."""

    author: str
    date: str
    next_id: int = 1

    def attributes(self) -> dict[str, str]:
        attributes = {w("id"): str(self.next_id), w("author"): self.author,
                      w("date"): self.date}
        self.next_id += 1
        return attributes

    def element(self, tag: str) -> etree._Element:
        return etree.Element(tag, self.attributes())


def _date_text(date: datetime.datetime | None) -> str:
    moment = date or datetime.datetime.now(datetime.UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


# --------------------------------------------------------------------------- reading

@dataclass
class Token:
    """A piece of a paragraph's text: a word, spaces, a sign, or an element
    that stands for text (a tab, a line break, a picture)."""

    key: str
    text: str | None
    element: etree._Element | None
    rpr: etree._Element | None
    rpr_key: bytes


def _xml(element: etree._Element | None) -> bytes:
    return b"" if element is None else etree.tostring(element)


def paragraph_tokens(paragraph: etree._Element) -> list[Token] | None:
    """The paragraph's text as tokens with their run properties; None for a
    paragraph holding more than plain runs (a field, a hyperlink, a
    bookmark), which is compared as a whole."""
    tokens: list[Token] = []
    for child in paragraph:
        if child.tag in (_PPR, *_DROPPED) or not isinstance(child.tag, str):
            continue
        if child.tag != _R:
            return None
        rpr = child.find(_RPR)
        rpr_key = _xml(rpr)
        for part in child:
            if part.tag == _RPR or part.tag in _DROPPED or not isinstance(part.tag, str):
                continue
            if part.tag == _T:
                tokens.extend(Token(piece, piece, None, rpr, rpr_key)
                              for piece in _TOKEN_RE.findall(part.text or ""))
            elif part.tag in _RUN_ELEMENTS:
                tokens.append(Token(_element_key(part), None, part, rpr, rpr_key))
            else:
                return None
    return tokens


def _element_key(element: etree._Element) -> str:
    local = etree.QName(element).localname
    if local == "tab":
        return "\t"
    if local in ("br", "cr"):
        kind = element.get(w("type"), "")
        return "\n" if kind in ("", "textWrapping") else f"\x0c{kind}"
    if local == "noBreakHyphen":
        return "\u2011"
    if local == "softHyphen":
        return "\u00ad"
    return "\ufffc" + _xml(element).decode("utf-8")


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{_PPR}/{w('pStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def _visible_text(element: etree._Element) -> str:
    return "".join(element.itertext(_T))


class _Keys:
    """What blocks, rows and cells say, worked out once each."""

    def __init__(self) -> None:
        self._keys: dict[etree._Element, Hashable] = {}
        self._words: dict[etree._Element, Counter[str]] = {}
        self._tokens: dict[etree._Element, list[Token] | None] = {}

    def tokens(self, paragraph: etree._Element) -> list[Token] | None:
        if paragraph not in self._tokens:
            self._tokens[paragraph] = paragraph_tokens(paragraph)
        return self._tokens[paragraph]

    def key(self, element: etree._Element) -> Hashable:
        known = self._keys.get(element)
        if known is not None:
            return known
        key: Hashable
        if element.tag == _P:
            tokens = self.tokens(element)
            if tokens is not None:
                key = ("p", _style(element), "".join(token.key for token in tokens))
            else:
                key = ("p*", _style(element), _content_xml(element))
        elif element.tag == _TBL:
            key = ("tbl", tuple(self.key(row) for row in element.iterchildren(_TR)))
        elif element.tag == _TR:
            key = ("tr", tuple(self.key(cell) for cell in element.iterchildren(_TC)))
        elif element.tag == _TC:
            key = ("tc", tuple(self.key(block) for block in _blocks(element)))
        else:
            key = ("x", _xml(element))
        self._keys[element] = key
        return key

    def words(self, element: etree._Element) -> Counter[str]:
        known = self._words.get(element)
        if known is None:
            known = self._words[element] = Counter(
                piece for piece in _TOKEN_RE.findall(_visible_text(element))
                if not piece.isspace())
        return known


def _blocks(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent
            if isinstance(child.tag, str) and child.tag not in _KEPT_IN_PLACE]


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    total = a.total() + b.total()
    if not total:
        return 1.0
    return 2 * (a & b).total() / total


# --------------------------------------------------------------------------- alignment

@dataclass
class Op:
    """One step of an alignment: a pair (both), or an item of one side only."""

    old: etree._Element | None
    new: etree._Element | None
    equal: bool = False


def align(old: Sequence[etree._Element], new: Sequence[etree._Element],
          key: Callable[[etree._Element], Hashable],
          likeness: Callable[[etree._Element, etree._Element], float]) -> list[Op]:
    """``old`` and ``new`` in one sequence: the same items as equal pairs,
    changed ones paired with their most alike counterpart, the rest alone
    (within each stretch of changes, the old side's first)."""
    matcher = SequenceMatcher(None, [key(e) for e in old], [key(e) for e in new],
                              autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(Op(old[i1 + k], new[j1 + k], equal=True) for k in range(i2 - i1))
        else:
            ops.extend(_pair_stretch(old[i1:i2], new[j1:j2], likeness))
    return ops


def _pair_stretch(old: Sequence[etree._Element], new: Sequence[etree._Element],
                  likeness: Callable[[etree._Element, etree._Element], float]) -> list[Op]:
    pairs: list[tuple[int, int]] = []
    if old and new:
        if len(old) * len(new) <= MAX_ALIGNMENT_CELLS:
            pairs = _best_pairs(old, new, likeness)
        else:
            pairs = [(k, k) for k in range(min(len(old), len(new)))
                     if likeness(old[k], new[k]) > 0]
    ops: list[Op] = []
    i = j = 0
    for pi, pj in [*pairs, (len(old), len(new))]:
        ops.extend(Op(old[k], None) for k in range(i, pi))
        ops.extend(Op(None, new[k]) for k in range(j, pj))
        if pi < len(old):
            ops.append(Op(old[pi], new[pj]))
        i, j = pi + 1, pj + 1
    return ops


def _best_pairs(old: Sequence[etree._Element], new: Sequence[etree._Element],
                likeness: Callable[[etree._Element, etree._Element], float]
                ) -> list[tuple[int, int]]:
    """The pairs, in order, with the greatest total likeness."""
    m, n = len(old), len(new)
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    like = [[likeness(old[i], new[j]) for j in range(n)] for i in range(m)]
    for i in range(1, m + 1):
        row, above = score[i], score[i - 1]
        for j in range(1, n + 1):
            best = max(above[j], row[j - 1])
            alike = like[i - 1][j - 1]
            if alike > 0:
                best = max(best, above[j - 1] + alike)
            row[j] = best
    pairs: list[tuple[int, int]] = []
    i, j = m, n
    while i and j:
        alike = like[i - 1][j - 1]
        if alike > 0 and score[i][j] == score[i - 1][j - 1] + alike:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


# --------------------------------------------------------------------------- marking

def _ensure(parent: etree._Element, tag: str, index: int | None = None) -> etree._Element:
    child = parent.find(tag)
    if child is None:
        child = etree.Element(tag)
        if index is None:
            parent.append(child)
        else:
            parent.insert(index, child)
    return child


def _paragraph_properties(paragraph: etree._Element) -> etree._Element:
    return _ensure(paragraph, _PPR, 0)


def _mark_rpr(paragraph: etree._Element) -> etree._Element:
    """The paragraph mark's run properties (made when missing, in their place)."""
    ppr = _paragraph_properties(paragraph)
    rpr = ppr.find(_RPR)
    if rpr is None:
        rpr = etree.Element(_RPR)
        after = next((c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))), None)
        if after is None:
            ppr.append(rpr)
        else:
            after.addprevious(rpr)
    return rpr


def _set_mark(paragraph: etree._Element, inserted: bool, deleted: bool,
              revisions: Revisions) -> None:
    """Mark the paragraph mark as inserted and/or deleted (or neither)."""
    ppr = paragraph.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    had_ins = rpr is not None and rpr.find(_INS) is not None
    had_del = rpr is not None and rpr.find(_DEL) is not None
    if (had_ins, had_del) == (inserted, deleted):
        return
    rpr = _mark_rpr(paragraph)
    for tag, wanted, had in ((_INS, inserted, had_ins), (_DEL, deleted, had_del)):
        if had and not wanted:
            rpr.remove(rpr.find(tag))
        elif wanted and not had:
            rpr.insert(0 if tag == _INS else int(rpr.find(_INS) is not None),
                       revisions.element(tag))
    if not len(rpr) and ppr is not None:
        ppr.remove(rpr)


def _runs_of(element: etree._Element) -> list[etree._Element]:
    return [run for run in element.iter(_R)]


def _wrap_runs(element: etree._Element, tag: str, revisions: Revisions) -> None:
    """Each run of ``element`` not yet inside a ``tag`` (``w:ins`` or ``w:del``)
    wrapped in one of its own, and every paragraph mark marked alike."""
    for run in _runs_of(element):
        parent = run.getparent()
        if parent is None or parent.tag == tag:
            continue
        wrapper = revisions.element(tag)
        run.addprevious(wrapper)
        wrapper.append(run)
    for paragraph in element.iter(_P):
        _set_mark(paragraph, tag == _INS, tag == _DEL, revisions)


def mark_inserted(element: etree._Element, revisions: Revisions) -> None:
    """Everything in ``element`` (a paragraph, a row, a table) as inserted."""
    _wrap_runs(element, _INS, revisions)


def mark_deleted(element: etree._Element, revisions: Revisions) -> None:
    """Everything in ``element`` (a copy from the old contract) as deleted:
    its text as ``w:delText``; pictures, which would point into the old
    contract's package, are left out."""
    for picture in [e for tag in _PICTURES for e in element.iter(tag)]:
        parent = picture.getparent()
        if parent is not None:
            parent.remove(picture)
    for run in _runs_of(element):
        for text in run.findall(_T):
            text.tag = _DEL_TEXT
        for code in run.findall(w("instrText")):
            code.tag = w("delInstrText")
    _wrap_runs(element, _DEL, revisions)


def _mark_row(row: etree._Element, tag: str, revisions: Revisions) -> None:
    trpr = row.find(_TRPR)
    if trpr is None:
        trpr = etree.Element(_TRPR)
        exceptions = row.find(w("tblPrEx"))
        if exceptions is not None:
            exceptions.addnext(trpr)
        else:
            row.insert(0, trpr)
    change = trpr.find(w("trPrChange"))
    if change is not None:
        change.addprevious(revisions.element(tag))
    else:
        trpr.append(revisions.element(tag))


def _properties_key(ppr: etree._Element | None) -> bytes:
    if ppr is None:
        return b""
    return b"".join(_xml(child) for child in ppr if child.tag not in _PPR_NOT_PROPERTIES)


def _set_properties(paragraph: etree._Element, source: etree._Element | None) -> None:
    """Give ``paragraph`` the properties of ``source`` (a ``w:pPr``), keeping
    its own paragraph mark's run properties."""
    ppr = paragraph.find(_PPR)
    mark = ppr.find(_RPR) if ppr is not None else None
    if ppr is not None:
        paragraph.remove(ppr)
    fresh = copy.deepcopy(source) if source is not None else etree.Element(_PPR)
    for child in list(fresh):
        if child.tag in (_RPR, w("pPrChange")):
            fresh.remove(child)
    if mark is not None:
        section = fresh.find(w("sectPr"))
        if section is not None:
            section.addprevious(mark)
        else:
            fresh.append(mark)
    if len(fresh):
        paragraph.insert(0, fresh)


def _record_former_properties(paragraph: etree._Element, former: etree._Element | None,
                              revisions: Revisions) -> None:
    """``w:pPrChange``: the paragraph had ``former`` properties before."""
    if _properties_key(paragraph.find(_PPR)) == _properties_key(former):
        return
    ppr = _paragraph_properties(paragraph)
    change = revisions.element(w("pPrChange"))
    before = etree.SubElement(change, _PPR)
    if former is not None:
        for child in former:
            if child.tag not in _PPR_NOT_PROPERTIES:
                before.append(copy.deepcopy(child))
    ppr.append(change)


# --------------------------------------------------------------------------- the redline

@dataclass
class _Out:
    """A block of a redlined story, with the paragraph properties it has on
    each side (paragraphs only)."""

    element: etree._Element
    status: Status
    new_properties: etree._Element | None = None
    old_properties: etree._Element | None = None

    @property
    def is_paragraph(self) -> bool:
        return bool(self.element.tag == _P)

    def shown(self, side: Status) -> bool:
        return self.status is Status.BOTH or self.status is side


@dataclass
class _MarkPlan:
    present: dict[Status, set[int]] = field(default_factory=dict)
    owner: dict[Status, dict[int, int | None]] = field(default_factory=dict)


def _plan_marks(blocks: Sequence[_Out]) -> _MarkPlan:
    """Which paragraph marks each side keeps, and whose paragraph each ends.

    On one side, the paragraphs between two of its tables (or the story's
    ends) form a stretch; the paragraphs shown on that side each keep their
    mark, except that the last mark of the stretch always stays and ends the
    last paragraph shown (the marks of paragraphs that side does not have go,
    joining them to the next)."""
    plan = _MarkPlan()
    for side in SIDES:
        present: set[int] = set()
        owner: dict[int, int | None] = {}
        stretch: list[int] = []

        def close(stretch: list[int], present: set[int] = present,
                  owner: dict[int, int | None] = owner, side: Status = side) -> None:
            if not stretch:
                return
            shown = [i for i in stretch if blocks[i].shown(side)]
            for i in shown[:-1]:
                present.add(i)
                owner[i] = i
            present.add(stretch[-1])
            owner[stretch[-1]] = shown[-1] if shown else None

        for index, block in enumerate(blocks):
            if block.is_paragraph:
                stretch.append(index)
            elif block.element.tag == _TBL and block.shown(side):
                close(stretch)
                stretch = []
        close(stretch)
        plan.present[side] = present
        plan.owner[side] = owner
    return plan


class Redliner:
    """Compares the stories of two contracts and marks the changes in the new one."""

    def __init__(self, revisions: Revisions) -> None:
        self.revisions = revisions
        self.keys = _Keys()

    # likeness ---------------------------------------------------------------------------
    def block_likeness(self, old: etree._Element, new: etree._Element) -> float:
        if old.tag != new.tag:
            return 0.0
        if old.tag == _P:
            alike = _overlap(self.keys.words(old), self.keys.words(new))
            return alike if alike >= PARAGRAPH_LIKENESS else 0.0
        if old.tag == _TBL:
            if _columns(old) != _columns(new):
                return 0.0
            return 0.5 + 0.5 * _overlap(self.keys.words(old), self.keys.words(new))
        return 0.0

    def row_likeness(self, old: etree._Element, new: etree._Element) -> float:
        if len(old.findall(_TC)) != len(new.findall(_TC)):
            return 0.0
        alike = _overlap(self.keys.words(old), self.keys.words(new))
        return alike if alike >= ROW_LIKENESS else 0.0

    # stories ----------------------------------------------------------------------------
    def story(self, old_parent: etree._Element, new_parent: etree._Element) -> None:
        """Mark in ``new_parent`` (a body, header, footer or table cell) the
        changes from ``old_parent``."""
        old_blocks, new_blocks = _blocks(old_parent), _blocks(new_parent)
        ops = align(old_blocks, new_blocks, self.keys.key, self.block_likeness)
        if all(op.equal for op in ops):
            return
        ops = _pair_before_tables(ops)
        out = [block for block in map(self._block, ops) if block is not None]
        self._settle_marks(out)
        anchor = new_blocks[0] if new_blocks else None
        index = list(new_parent).index(anchor) if anchor is not None else _first_block_index(
            new_parent)
        for element in new_blocks:
            new_parent.remove(element)
        for offset, block in enumerate(out):
            new_parent.insert(index + offset, block.element)

    def _block(self, op: Op) -> _Out | None:
        old, new = op.old, op.new
        if new is not None and old is not None:
            if not op.equal:
                if new.tag == _P:
                    self.paragraph(old, new)
                elif new.tag == _TBL:
                    self.table(old, new)
            return _Out(new, Status.BOTH, new.find(_PPR), old.find(_PPR))
        if new is not None:
            if new.tag not in (_P, _TBL):
                return _Out(new, Status.BOTH)  # cannot be marked: kept
            if new.tag == _TBL:
                for row in new.iterchildren(_TR):
                    _mark_row(row, _INS, self.revisions)
            mark_inserted(new, self.revisions)
            return _Out(new, Status.NEW, new.find(_PPR), None)
        assert old is not None
        if old.tag not in (_P, _TBL):
            return None  # cannot be marked: left out
        former = copy.deepcopy(old)
        mark_deleted(former, self.revisions)
        if former.tag == _TBL:
            for row in former.iterchildren(_TR):
                _mark_row(row, _DEL, self.revisions)
        return _Out(former, Status.OLD, None, copy.deepcopy(old.find(_PPR)))

    def _settle_marks(self, blocks: Sequence[_Out]) -> None:
        plan = _plan_marks(blocks)
        for index, block in enumerate(blocks):
            if not block.is_paragraph:
                continue
            on_new = index in plan.present[Status.NEW]
            on_old = index in plan.present[Status.OLD]
            if on_new:
                owner = plan.owner[Status.NEW][index]
                if owner is not None and owner != index:
                    _set_properties(block.element, blocks[owner].new_properties)
            _set_mark(block.element, inserted=not on_old, deleted=not on_new,
                      revisions=self.revisions)
            if on_old:
                former_owner = plan.owner[Status.OLD][index]
                if former_owner is not None:
                    former = blocks[former_owner].old_properties
                    if on_new or former_owner != index:
                        _record_former_properties(block.element, former, self.revisions)

    # paragraphs ---------------------------------------------------------------------------
    def paragraph(self, old: etree._Element, new: etree._Element) -> None:
        """Mark in ``new`` the words changed from ``old``."""
        old_tokens, new_tokens = self.keys.tokens(old), self.keys.tokens(new)
        if old_tokens is None or new_tokens is None:
            if _content_xml(old) != _content_xml(new):
                self._replace_content(old, new)
            return
        old_keys = [token.key for token in old_tokens]
        new_keys = [token.key for token in new_tokens]
        if old_keys == new_keys:
            return
        pieces: list[tuple[Status, Token]] = []
        for tag, i1, i2, j1, j2 in word_opcodes(old_keys, new_keys):
            if tag == "equal":
                pieces.extend((Status.BOTH, token) for token in new_tokens[j1:j2])
            else:
                pieces.extend((Status.OLD, token) for token in old_tokens[i1:i2])
                pieces.extend((Status.NEW, token) for token in new_tokens[j1:j2])
        for child in list(new):
            if child.tag != _PPR:
                new.remove(child)
        for element in self._runs(pieces):
            new.append(element)

    def _runs(self, pieces: Sequence[tuple[Status, Token]]) -> list[etree._Element]:
        """Runs for ``pieces``, one per stretch of the same side and
        formatting, the changed ones inside ``w:ins`` / ``w:del``."""
        out: list[etree._Element] = []
        wrapper: etree._Element | None = None
        wrapper_status: Status | None = None
        run: etree._Element | None = None
        run_key: tuple[Status, bytes] | None = None
        text: etree._Element | None = None
        for status, token in pieces:
            if status is Status.OLD and token.element is not None and \
                    token.element.tag in _PICTURES:
                continue  # a picture of the old contract's package
            if (status, token.rpr_key) != run_key:
                run = etree.Element(_R)
                if token.rpr is not None:
                    run.append(copy.deepcopy(token.rpr))
                run_key, text = (status, token.rpr_key), None
                if status is Status.BOTH:
                    out.append(run)
                    wrapper, wrapper_status = None, None
                else:
                    if wrapper is None or wrapper_status is not status:
                        wrapper = self.revisions.element(_INS if status is Status.NEW else _DEL)
                        wrapper_status = status
                        out.append(wrapper)
                    wrapper.append(run)
            assert run is not None
            if token.text is not None:
                if text is None:
                    text = etree.SubElement(run, _DEL_TEXT if status is Status.OLD else _T)
                    text.text = ""
                text.text = (text.text or "") + token.text
                if text.text != text.text.strip():
                    text.set(_SPACE, "preserve")
            else:
                assert token.element is not None
                run.append(copy.deepcopy(token.element))
                text = None
        return out

    def _replace_content(self, old: etree._Element, new: etree._Element) -> None:
        """A paragraph compared as a whole: the old content deleted, the new inserted."""
        ppr = new.find(_PPR)
        at = 1 if ppr is not None and new.index(ppr) == 0 else 0
        content = [copy.deepcopy(child) for child in old if child.tag != _PPR]
        holder = etree.Element(_P)
        for child in content:
            holder.append(child)
        mark_deleted(holder, self.revisions)
        for child in list(new):
            if child.tag != _PPR:
                for run in ([child] if child.tag == _R else _runs_of(child)):
                    parent = run.getparent()
                    if parent is not None and parent.tag not in (_INS, _DEL):
                        wrapper = self.revisions.element(_INS)
                        run.addprevious(wrapper)
                        wrapper.append(run)
        for offset, child in enumerate(c for c in list(holder) if c.tag != _PPR):
            new.insert(at + offset, child)

    # tables -----------------------------------------------------------------------------
    def table(self, old: etree._Element, new: etree._Element) -> None:
        old_rows, new_rows = old.findall(_TR), new.findall(_TR)
        ops = align(old_rows, new_rows, self.keys.key, self.row_likeness)
        if all(op.equal for op in ops):
            return
        rows: list[etree._Element] = []
        for op in ops:
            if op.old is not None and op.new is not None:
                if not op.equal:
                    for old_cell, new_cell in zip(op.old.findall(_TC), op.new.findall(_TC),
                                                  strict=True):
                        self.story(old_cell, new_cell)
                rows.append(op.new)
            elif op.new is not None:
                _mark_row(op.new, _INS, self.revisions)
                mark_inserted(op.new, self.revisions)
                rows.append(op.new)
            else:
                assert op.old is not None
                former = copy.deepcopy(op.old)
                _mark_row(former, _DEL, self.revisions)
                mark_deleted(former, self.revisions)
                rows.append(former)
        index = list(new).index(new_rows[0]) if new_rows else len(new)
        for row in new_rows:
            new.remove(row)
        for offset, row in enumerate(rows):
            new.insert(index + offset, row)


def _content_xml(paragraph: etree._Element) -> bytes:
    return b"".join(_xml(child) for child in paragraph if child.tag != _PPR)


def _columns(table: etree._Element) -> int:
    grid = table.find(w("tblGrid"))
    return len(grid.findall(w("gridCol"))) if grid is not None else 0


def _first_block_index(parent: etree._Element) -> int:
    for index, child in enumerate(parent):
        if child.tag == w("sectPr"):
            return index
    return len(parent)


def _pair_before_tables(ops: list[Op]) -> list[Op]:
    """Where a stretch of changes ends just before a table or the end of
    the story and both sides lose a paragraph there, pair the last two:
    the paragraph mark there must stay on both sides."""
    result: list[Op] = []
    index = 0
    while index < len(ops):
        if ops[index].old is not None and ops[index].new is not None:
            result.append(ops[index])
            index += 1
            continue
        end = index
        while end < len(ops) and (ops[end].old is None or ops[end].new is None):
            end += 1
        gap = ops[index:end]
        after = ops[end] if end < len(ops) else None
        after_is_paragraph = after is not None and after.new is not None and \
            after.new.tag == _P
        last_old = max((k for k, op in enumerate(gap) if op.old is not None), default=None)
        last_new = max((k for k, op in enumerate(gap) if op.new is not None), default=None)
        if not after_is_paragraph and last_old is not None and last_new is not None:
            old_element, new_element = gap[last_old].old, gap[last_new].new
            if old_element is not None and new_element is not None and \
                    old_element.tag == _P and new_element.tag == _P:
                gap = [op for k, op in enumerate(gap) if k not in (last_old, last_new)]
                gap.append(Op(old_element, new_element))
        result.extend(gap)
        index = end
    return result


def word_opcodes(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """The word-by-word differences, with a mere space between two changes
    taken into them (one change reads better than two)."""
    ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for index in range(1, len(ops) - 1):
        tag, i1, i2, _j1, _j2 = ops[index]
        if tag == "equal" and all(piece.isspace() for piece in old[i1:i2]) and \
                ops[index - 1][0] != "equal" and ops[index + 1][0] != "equal":
            ops[index] = ("replace", *ops[index][1:])
    merged: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _tag, a1, _a2, b1, _b2 = merged[-1]
            merged[-1] = ("replace", a1, i2, b1, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


# --------------------------------------------------------------------------- packages

def _largest_id(roots: Iterable[etree._Element]) -> int:
    largest = 0
    attribute = w("id")
    for root in roots:
        for element in root.iter():
            value = element.get(attribute) if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                largest = max(largest, int(value))
    return largest


def redline_documents(old: bytes, new: bytes, author: str = DEFAULT_AUTHOR,
                      date: datetime.datetime | None = None) -> bytes:
    """The ``.docx`` ``new`` with the changes from ``old`` as tracked changes."""
    try:
        old_zip = zipfile.ZipFile(io.BytesIO(old))
        new_zip = zipfile.ZipFile(io.BytesIO(new))
    except zipfile.BadZipFile as exc:
        raise RedlineError(str(exc)) from None
    with old_zip, new_zip:
        old_names = set(old_zip.namelist())
        stories = [name for name in new_zip.namelist()
                   if STORY_PARTS.fullmatch(name) and name in old_names]
        if "word/document.xml" not in stories:
            raise RedlineError("word/document.xml")
        try:
            trees = {name: (etree.fromstring(old_zip.read(name), _PARSER),
                            etree.fromstring(new_zip.read(name), _PARSER))
                     for name in stories}
        except etree.XMLSyntaxError as exc:
            raise RedlineError(str(exc)) from None
        revisions = Revisions(author, _date_text(date),
                              _largest_id(root for _old, root in trees.values()) + 1)
        redliner = Redliner(revisions)
        for old_root, new_root in trees.values():
            old_story, new_story = old_root, new_root
            if new_root.tag == w("document"):
                old_story, new_story = old_root.find(w("body")), new_root.find(w("body"))
                if old_story is None or new_story is None:
                    raise RedlineError("w:body")
            redliner.story(old_story, new_story)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in new_zip.infolist():
                if info.filename in trees:
                    data = etree.tostring(trees[info.filename][1], xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                else:
                    data = new_zip.read(info.filename)
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def redline_projects(old: Project, new: Project, locale: str | None = None,
                     new_path: Path | None = None, author: str = DEFAULT_AUTHOR,
                     date: datetime.datetime | None = None) -> bytes:
    """The redline from ``old`` to ``new``: both contracts rendered in
    ``locale`` (the new project's language by default) with the new
    project's template and look, found beside ``new_path``."""
    from wizard.core.render import render_contract

    language = locale or new.language
    same_look = old.model_copy(update={"branding": new.branding, "template": new.template})
    old_docx = render_contract(same_look, language, None, new_path)
    new_docx = render_contract(new, language, None, new_path)
    return redline_documents(old_docx, new_docx, author, date)


def write_redline(old: Project, new: Project, target: Path, locale: str | None = None,
                  new_path: Path | None = None, author: str = DEFAULT_AUTHOR) -> Path:
    """Write the redline from ``old`` to ``new`` to ``target`` atomically."""
    from wizard.core.project_file import write_atomically

    data = redline_projects(old, new, locale, new_path, author)
    write_atomically(target, data)
    return target
