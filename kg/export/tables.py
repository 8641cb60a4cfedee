"""The graph as plain records: nodes and edges with typed, flat attributes (strings, numbers, booleans).

What GraphML, Neo4j and pandas take: no Python objects, no nested values. Lists are kept as lists here
(aliases, documents, evidence); each exporter flattens them the way its tool reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..graph import Fact, KnowledgeGraph

QUALIFIER_FIELDS = ("title", "former", "amount", "role", "status", "text")


@dataclass(frozen=True)
class NodeRecord:
    id: str
    kind: str  # entity | article | figure
    label: str
    type: str  # the entity type, Article or Figure
    types: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    mentions: int = 0
    props: dict[str, str | float | int | bool] = field(default_factory=dict)


@dataclass(frozen=True)
class EdgeRecord:
    source: str
    target: str
    predicate: str
    confidence: float
    evidence: tuple[str, ...]
    documents: tuple[str, ...]
    rules: tuple[str, ...]
    qualifiers: dict[str, str | bool] = field(default_factory=dict)

    @property
    def key(self) -> str:
        quals = ",".join(f"{k}={v}" for k, v in sorted(self.qualifiers.items()))
        return f"{self.predicate}({quals})" if quals else self.predicate


def node_records(kg: KnowledgeGraph) -> Iterator[NodeRecord]:
    """Entities (with their literal facts, e.g. foundingDate, as properties), articles and figures, sorted."""
    literals: dict[str, dict[str, str]] = {}
    for f in kg.facts():
        if f.literal:
            literals.setdefault(f.subject, {}).setdefault(f.predicate, f.object)
    for e in kg.entities():
        props: dict[str, str | float | int | bool] = dict(sorted(literals.get(e.id, {}).items()))
        if e.value:
            props["date_value"] = e.value
        documents = tuple(sorted(set(e.documents) | {m.document for m in e.mentions}))
        yield NodeRecord(
            e.id, "entity", e.label, e.type, e.types, e.aliases, documents, len(e.mentions), props
        )
    for d in kg.articles():
        props = {k: v for k, v in (("source", d.source), ("url", d.url), ("date", d.date)) if v}
        yield NodeRecord(f"article/{d.id}", "article", d.title or d.id, "Article", props=props)
    for fig in kg.figures():
        props = {"value": float(fig.value), "text": fig.text, "figure_kind": fig.kind}
        props.update(
            {k: v for k, v in (("unit", fig.unit), ("measure", fig.measure), ("time", fig.time)) if v}
        )
        props.update(dict(fig.qualifiers))
        props["sentence"] = fig.evidence.text
        label = f"{fig.measure or ''} {fig.text}".strip()
        yield NodeRecord(
            f"figure/{fig.id}", "figure", label, "Figure", documents=(fig.evidence.document,), props=props
        )


def edge_records(kg: KnowledgeGraph) -> Iterator[EdgeRecord]:
    """Relations between nodes (not the literal-valued ones), then each figure's ``about`` edge."""
    for f in kg.facts():
        if not f.literal:
            yield _edge(f)
    for fig in kg.figures():
        if fig.about:
            yield EdgeRecord(
                f"figure/{fig.id}",
                fig.about,
                "about",
                1.0,
                (fig.evidence.text,),
                (fig.evidence.document,),
                (),
            )


def _edge(f: Fact) -> EdgeRecord:
    quals: dict[str, str | bool] = {}
    for k, v in f.qualifiers:
        quals[k] = v == "true" if k == "former" else v
    return EdgeRecord(
        f.subject,
        f.object,
        f.predicate,
        round(f.confidence, 4),
        tuple(ev.text for ev in f.evidence),
        tuple(sorted({ev.document for ev in f.evidence})),
        f.rules,
        quals,
    )
