"""Which language the user's own text is written in (no Qt).

A contract in Spanish with the report's contents typed in English reads as a
draft nobody finished. The project's prose fields (purpose, definitions,
descriptions, duties, severity definitions, report contents, exclusions …)
go into the contract as typed; :func:`foreign_texts` finds those written in
another language than the contract's.

Language identification is py3langid's (a maintained fork of langid.py),
whose model ships inside the package: nothing is downloaded. Loading the model
takes about a second, so it is loaded once, on first use, and never at
start-up. Only the languages the program writes contracts in are considered,
and only texts long enough to tell (a name such as "Hosting" is not a
sentence in any language).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from wizard.core.model import Project
from wizard.core.steps import Step

if TYPE_CHECKING:
    from collections.abc import Sequence

Loc = tuple[str | int, ...]

# a text needs this many words before its language is told at all …
MIN_WORDS = 4
# … and the identifier must be this sure (probabilities normalised over the
# contract languages): short texts of shared words ("Service Desk") stay quiet
MIN_CONFIDENCE = 0.95


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@dataclass(frozen=True)
class ForeignText:
    """A field whose text is in ``language`` while the contract is in another."""

    step: Step
    loc: Loc
    language: str
    confidence: float


def contract_languages() -> list[str]:
    """The languages (not locales) contracts are written in."""
    from wizard.core.contract import SUPPORTED_LOCALES

    return sorted({locale.split("_")[0] for locale in SUPPORTED_LOCALES})


@lru_cache(maxsize=1)
def _identifier() -> _Identifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(contract_languages())
    return identifier  # type: ignore[no-any-return]


def identify(text: str) -> tuple[str, float] | None:
    """The language of ``text`` and how sure that is, or None when the text
    is too short to tell."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) < MIN_WORDS:
        return None
    language, confidence = _identifier().classify(text)
    return str(language), float(confidence)


def prose_fields(project: Project) -> Iterator[tuple[Step, Loc, str]]:
    """Every field whose text the contract prints as the user wrote it,
    with the step that edits it."""
    agreement = project.agreement
    yield Step.BASICS, ("agreement", "purpose"), agreement.purpose
    for index, definition in enumerate(agreement.definitions):
        yield Step.BASICS, ("agreement", "definitions", index, "definition"), \
            definition.definition
    for index, contact in enumerate(project.contacts):
        yield from _lines(Step.STAKEHOLDERS, ("contacts", index, "responsibilities"),
                          contact.responsibilities)
    for index, service in enumerate(project.services):
        loc: Loc = ("services", index)
        yield Step.SERVICES, (*loc, "description"), service.description
        for name in ("included", "excluded", "dependencies", "customer_responsibilities"):
            yield from _lines(Step.SERVICES, (*loc, name), getattr(service, name))
    for index, metric in enumerate(project.metrics):
        yield Step.METRICS, ("metrics", index, "name"), metric.name
        yield Step.METRICS, ("metrics", index, "measurement"), metric.measurement
    for index, level in enumerate(project.severity_levels):
        yield Step.METRICS, ("severity_levels", index, "definition"), level.definition
    for index, group in enumerate(project.customer_groups):
        yield Step.METRICS, ("customer_groups", index, "description"), group.description
    yield from _lines(Step.REPORTING, ("reporting", "contents"), project.reporting.contents)
    yield from _lines(Step.EXCLUSIONS, ("exclusions", "custom"), project.exclusions.custom)
    yield Step.TERMINATION, ("termination", "amendments"), project.termination.amendments
    yield from _optional_parts(project)


def _optional_parts(project: Project) -> Iterator[tuple[Step, Loc, str]]:
    """The texts of the optional clauses that are switched on."""
    parts = (
        ("measurement_terms", Step.METRICS, ("unavailable_when", "measured_from")),
        ("maintenance_rules", Step.SCHEDULE, ("notice_channel",)),
        ("frame", Step.TERMINATION, ("master_agreement", "governing_law", "courts")),
        ("commercial", Step.TERMINATION, ("data_protection",)),
    )
    for key, step, names in parts:
        part = getattr(project, key)
        if part.included:
            for name in names:
                yield step, (key, name), getattr(part, name)


def _lines(step: Step, loc: Loc, lines: Sequence[str]) -> Iterator[tuple[Step, Loc, str]]:
    for index, line in enumerate(lines):
        yield step, (*loc, index), line


def foreign_texts(project: Project, locale: str | None = None) -> list[ForeignText]:
    """The prose fields written, with confidence, in another contract
    language than ``locale``'s (the project's contract language by default)."""
    language = (locale or project.language).replace("-", "_").split("_")[0]
    found = []
    for step, loc, text in prose_fields(project):
        told = identify(text)
        if told is not None and told[0] != language and told[1] >= MIN_CONFIDENCE:
            found.append(ForeignText(step, loc, told[0], told[1]))
    return found
