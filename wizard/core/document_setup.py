"""The contract as a document of its country and language.

:func:`apply_document_setup` prepares a loaded template before it is
rendered, the standard one or a person's own alike:

- **Paper.** US Letter where CLDR says Letter is the paper of the contract
  locale's territory (:data:`LETTER_TERRITORIES`), A4 elsewhere. A project may
  choose either on the Appearance step (``branding.paper``), and that choice
  always wins. Left to the locale, a template set on another size than A4 or
  Letter (A5, Legal …) keeps it: its author chose it. When the width changes
  the text keeps its width, so that tables drawn to it and the header's
  right-aligned tab stop still meet the right margin; the side margins share
  the difference (2.5 cm on A4 become 1.1 in on Letter).
- **Language.** Every ``w:lang`` (the document's defaults, each style, each
  run of the body, headers, footers and numbering) names the contract's
  language, ``de-CH`` or ``fr-BE``: Word checks the spelling and hyphenates
  by that language's rules. The template's "spelling and grammar already
  checked" state goes, since the contract's text has not been checked.
- **Hyphenation.** On for the languages in :data:`HYPHENATED_LANGUAGES`, see
  there why. At most two hyphenated lines in a row; words in capitals
  (acronyms, product names) are never divided. Hyphenation only divides a
  word between its syllables: a number and its unit, joined by a no-break
  space in the contract's text, stay together.
- **Compatibility.** Word's current layout rules (``compatibilityMode`` 15,
  Word 2013 and later), so that Word does not open the contract in
  compatibility mode.
- **Properties.** The contract's language, created and modified now, last
  modified by the provider, revision 1, the agreement's version; what
  described the template (category, status, identifier, last printed, the
  thumbnail of its first page) goes. :mod:`wizard.core.render` sets the
  title, subject and author.

Nothing here loads python-docx until a contract is rendered.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Literal

from babel import Locale, UnknownLocaleError

from wizard.core.model import Project

PaperName = Literal["a4", "letter"]


@dataclass(frozen=True)
class Paper:
    """A paper size in twips (1,440 to the inch), portrait."""

    name: PaperName
    width: int
    height: int
    code: int
    """The paper's number in ``w:pgSz/@w:code`` (Windows' DMPAPER_*), which
    printers choose their tray by."""


A4 = Paper("a4", 11906, 16838, 9)
LETTER = Paper("letter", 12240, 15840, 1)
PAPERS: dict[PaperName, Paper] = {"a4": A4, "letter": LETTER}

LETTER_TERRITORIES = frozenset(
    {"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"})
"""The territories on US Letter: CLDR's ``<paperSize type="US-Letter">``
(supplemental measurement data, UTS #35 part 6). Everywhere else uses A4.
Babel does not import these data, so they are written out here."""

SIZE_TOLERANCE = 20
"""Twips (about a third of a millimetre) within which a page is taken to be
A4 or Letter: Word rounds A4's millimetres to whole twips in different ways."""

MIN_SIDE_MARGIN = 720
"""The narrowest side margin, in twips (1.27 cm), a change of paper leaves."""

HYPHENATED_LANGUAGES = frozenset({"de", "nl", "fr", "es", "it", "pt"})
"""The languages whose contracts are hyphenated.

German and Dutch write compounds as one word (Kundenbetreuung,
Verfügbarkeitsziel, beschikbaarheidspercentage): unhyphenated, such a word
leaves a gap at the end of the line before it, and in a narrow table column
Word breaks it between any two letters with no hyphen at all. French,
Spanish, Italian and Portuguese contracts are hyphenated by custom as well,
and their long words (responsabilités, disponibilidade) sit in the same
narrow columns. English contracts are set without hyphenation by custom: a
hyphen added to a defined term or a product name reads as part of it.

The standard template sets its text left-aligned in every language, which
reads well in narrow columns and needs no hyphenation to avoid wide word
gaps; here hyphenation evens the right edge and keeps long words whole in
table cells. A custom template set justified gets the hyphenation that
justified text needs in these languages. A template that hyphenates English
keeps doing so: only these languages switch hyphenation on."""

CONSECUTIVE_HYPHEN_LIMIT = 2
COMPATIBILITY_MODE = 15
"""Word 2013 and later: the layout rules of every current Word."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_URI = "http://schemas.microsoft.com/office/word"
_TEMPLATE_PROPERTIES = (
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}contentStatus",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted",
    "{http://purl.org/dc/elements/1.1/}identifier",
)
"""Core properties that describe a template, not the contract made with it."""
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
    "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
    "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
    "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)
"""The children of ``w:settings`` in the order the schema requires (by local
name: ``mathPr`` and ``schemaLibrary`` are in other namespaces)."""
_SETTINGS_RANK = {name: rank for rank, name in enumerate(_SETTINGS_ORDER)}
_RPR_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath", "rPrChange")


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------- choices
def _territory(locale: str) -> str | None:
    try:
        return Locale.parse(locale).territory
    except (ValueError, UnknownLocaleError):
        return None


def locale_paper(locale: str) -> Paper:
    """The paper contracts in ``locale`` are printed on: Letter in the
    territories of :data:`LETTER_TERRITORIES`, else A4."""
    return LETTER if _territory(locale) in LETTER_TERRITORIES else A4


def contract_paper(project: Project, locale: str) -> Paper:
    """The paper the project chose, or else the one of ``locale``."""
    chosen = project.branding.paper
    return PAPERS[chosen] if chosen is not None else locale_paper(locale)


def language_tag(locale: str) -> str:
    """The locale as Word tags a language: ``de_CH`` → ``de-CH``."""
    try:
        parsed = Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        return locale.replace("_", "-")
    return "-".join(part for part in (parsed.language, parsed.script, parsed.territory)
                    if part)


def hyphenates(locale: str) -> bool:
    """Whether contracts in ``locale`` are hyphenated (:data:`HYPHENATED_LANGUAGES`)."""
    return locale.replace("-", "_").split("_")[0].lower() in HYPHENATED_LANGUAGES


def paper_of(width: int, height: int) -> Paper | None:
    """A4 or Letter when a page of ``width`` × ``height`` twips is one of them
    (either way up), else ``None``."""
    short, long = sorted((width, height))
    for paper in PAPERS.values():
        if (abs(short - paper.width) <= SIZE_TOLERANCE
                and abs(long - paper.height) <= SIZE_TOLERANCE):
            return paper
    return None


# --------------------------------------------------------------------------- the template
def apply_document_setup(template: Any, project: Project, locale: str,
                         now: datetime.datetime | None = None) -> None:
    """Set ``template`` (a :class:`docxtpl.DocxTemplate` not yet rendered) on
    the contract's paper, in its language, with its hyphenation, Word's current
    layout rules and properties that describe this contract, made at ``now``
    (UTC; the present moment when not given)."""
    template.init_docx()
    document = template.docx
    set_paper(document, contract_paper(project, locale),
              chosen=project.branding.paper is not None)
    set_language(document, language_tag(locale))
    settings = document.settings.element
    if hyphenates(locale):
        set_hyphenation(settings)
    set_compatibility_mode(settings)
    set_properties(document, project, language_tag(locale), now)


def set_paper(document: Any, paper: Paper, chosen: bool = True) -> None:
    """Every section of ``document`` on ``paper`` (landscape sections stay
    landscape). Unless ``chosen``, a section on neither A4 nor Letter keeps
    its size. The text keeps its width: the side margins share the change."""
    from docx.shared import Twips

    for section in document.sections:
        width, height = section.page_width, section.page_height
        if width is None or height is None:
            section.page_width, section.page_height = Twips(paper.width), Twips(paper.height)
            _paper_code(section, paper)
            continue
        if not chosen and paper_of(width.twips, height.twips) is None:
            continue
        landscape = width.twips > height.twips
        new_width, new_height = ((paper.height, paper.width) if landscape
                                 else (paper.width, paper.height))
        if (abs(width.twips - new_width) <= SIZE_TOLERANCE
                and abs(height.twips - new_height) <= SIZE_TOLERANCE):
            continue
        left, right = section.left_margin, section.right_margin
        section.page_width, section.page_height = Twips(new_width), Twips(new_height)
        _paper_code(section, paper)
        if left is None or right is None:
            continue
        change = new_width - width.twips
        section.left_margin = Twips(max(MIN_SIDE_MARGIN, left.twips + change // 2))
        section.right_margin = Twips(max(MIN_SIDE_MARGIN, right.twips + change - change // 2))


def _paper_code(section: Any, paper: Paper) -> None:
    """A paper number the template gave its page is changed with the page
    (a printer would otherwise feed the template's paper)."""
    size = section._sectPr.find(_w("pgSz"))
    if size is not None and size.get(_w("code")) is not None:
        size.set(_w("code"), str(paper.code))


def set_language(document: Any, tag: str) -> None:
    """``tag`` as the language of the document's defaults and of every style,
    paragraph mark and run that names a language, in each part of the
    document (body, headers, footers, numbering, styles); the theme fonts'
    language too. The proofing state the template was saved with goes."""
    from docx.opc.part import XmlPart

    _default_language(document.styles.element, tag)
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        for element in part.element.iter(_w("lang"), _w("themeFontLang")):
            element.set(_w("val"), tag)
    settings = document.settings.element
    for proof_state in settings.findall(_w("proofState")):
        settings.remove(proof_state)


def _default_language(styles: Any, tag: str) -> None:
    """``tag`` in ``w:docDefaults/w:rPrDefault/w:rPr/w:lang``, made when missing."""
    from docx.oxml import OxmlElement

    defaults = styles.find(_w("docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(_w("rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    properties = run_default.find(_w("rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_default.append(properties)
    if properties.find(_w("lang")) is None:
        lang = OxmlElement("w:lang")
        following = next((child for child in properties
                          if _local(child.tag) in _RPR_AFTER_LANG), None)
        if following is not None:
            following.addprevious(lang)
        else:
            properties.append(lang)
    properties.find(_w("lang")).set(_w("val"), tag)


def _setting(settings: Any, name: str) -> Any:
    """``settings``' child ``w:name``, made when missing and placed where the
    schema wants it (elements of Word's later extensions come last)."""
    from docx.oxml import OxmlElement

    element = settings.find(_w(name))
    if element is not None:
        return element
    element = OxmlElement(f"w:{name}")
    rank = _SETTINGS_RANK[name]
    following = next((child for child in settings
                      if _SETTINGS_RANK.get(_local(child.tag), len(_SETTINGS_ORDER)) > rank),
                     None)
    if following is not None:
        following.addprevious(element)
    else:
        settings.append(element)
    return element


def set_hyphenation(settings: Any) -> None:
    """Automatic hyphenation on, at most :data:`CONSECUTIVE_HYPHEN_LIMIT`
    hyphenated lines in a row (unless the template says otherwise), words in
    capitals never divided (unless the template divides them)."""
    _setting(settings, "autoHyphenation").attrib.pop(_w("val"), None)
    limit = _setting(settings, "consecutiveHyphenLimit")
    if limit.get(_w("val")) is None:
        limit.set(_w("val"), str(CONSECUTIVE_HYPHEN_LIMIT))
    _setting(settings, "doNotHyphenateCaps")


def set_compatibility_mode(settings: Any) -> None:
    """Word's layout rules of :data:`COMPATIBILITY_MODE`, in place of the
    compatibility mode the template names."""
    from docx.oxml import OxmlElement

    compat = _setting(settings, "compat")
    mode = next((setting for setting in compat.iterchildren(_w("compatSetting"))
                 if setting.get(_w("name")) == "compatibilityMode"), None)
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(_w("name"), "compatibilityMode")
        mode.set(_w("uri"), _WORD_URI)
        compat.append(mode)
    mode.set(_w("val"), str(COMPATIBILITY_MODE))


def set_properties(document: Any, project: Project, tag: str,
                   now: datetime.datetime | None = None) -> None:
    """Core properties describing this contract rather than the template:
    its language, made and last modified at ``now`` by the provider, revision
    1, the agreement's version. The template's category, status, identifier,
    last printing and thumbnail go."""
    from wizard.core.render import xml_safe

    moment = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    moment = moment.replace(microsecond=0, tzinfo=None)
    core = document.core_properties
    core.language = tag
    core.created = moment
    core.modified = moment
    core.last_modified_by = xml_safe(project.parties.provider.name)[:255]
    core.revision = 1
    core.version = xml_safe(project.agreement.document_version)[:255]
    element = core._element
    for name in _TEMPLATE_PROPERTIES:
        for leftover in element.findall(name):
            element.remove(leftover)
    package_rels = document.part.package.rels
    for key in [key for key, rel in package_rels.items() if rel.reltype == _THUMBNAIL]:
        package_rels.pop(key)
