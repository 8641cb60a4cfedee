"""The data that flows between stages: frozen dataclasses whose offsets point into ``Document.text``."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

# Entity types kg knows. The JSON uses these names; ontology/kg.ttl defines a class for each.
ENTITY_TYPES = (
    "Person",
    "Company",
    "Organization",
    "GovernmentOrganization",
    "MediaOrganization",
    "BusinessUnit",
    "Platform",
    "Product",
    "Programme",
    "Place",
    "Date",
)
ORG_TYPES = frozenset(
    {"Company", "Organization", "GovernmentOrganization", "MediaOrganization", "BusinessUnit"}
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``Document.text[start:end] == text``; ``source_start`` is the offset in the decoded input."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    source_start: int | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned article. ``norm`` is ``text`` in simplified script with half-width letters, same length."""

    id: str
    text: str
    norm: str
    sentences: tuple[Sentence, ...]
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    traditional: bool = False

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (sentences are in text order: a binary search)."""
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        raise ValueError(f"offset {offset} is outside every sentence of {self.id}")


class Token(NamedTuple):
    """A word from the segmenter with its offsets (a tuple: documents have many, and it is built in a hot loop)."""

    start: int
    end: int
    word: str
    pos: str


@dataclass(frozen=True)
class Mention:
    """A span recognised as an entity. ``key`` is the simplified canonical name used for resolution."""

    start: int
    end: int
    text: str
    type: str
    source: str
    score: float
    key: str
    sentence: int
    types: tuple[str, ...] = ()
    document: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where a fact came from: document, sentence, and the character span inside ``Document.text``."""

    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str
    label: str
    type: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    documents: tuple[str, ...] = ()
    value: str | None = None  # normalised value for Date entities (ISO-like), else None
    # identifiers from the knowledge base (kb=cn:stock:01024.HK, stock=01024.HK, moe=…, wikidata=Q…)
    ids: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Relation:
    """``subject`` and ``object`` are entity ids, except literal objects (``foundingDate``)."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    confidence: float
    rule: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    literal: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True)
class Figure:
    """A number with unit, scale and what it measures, as a node of its own."""

    id: str
    text: str
    value: str  # decimal string, e.g. "300000000" or "0.52"
    unit: str | None
    measure: str | None
    about: str | None
    evidence: Evidence
    qualifiers: tuple[tuple[str, str], ...] = ()
    time: str | None = None
    kind: str = "quantity"  # quantity | percentage | money | duration | ratio
    value_max: str | None = None  # the upper end of a range (3-5亿元, 数千万); ``value`` is then the lower


@dataclass(frozen=True)
class DocumentResult:
    """Everything extracted from one document, ready to be merged into a graph."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    figures: tuple[Figure, ...]
    warnings: tuple[str, ...] = field(default=())
