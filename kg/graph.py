"""KnowledgeGraph: a networkx MultiDiGraph of entities, articles and figures, with evidence on every edge.

Nodes: entity ids (``org/快手``), article ids (``article/<doc>``), figure ids (``figure/<doc>-<offset>``).
Edges: one per (subject, predicate, object, qualifiers), carrying every ``Relation`` that supports it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .model import Document, DocumentResult, Entity, Evidence, Figure, Relation
from .resolve import merge_entities
from .vocab import SYMMETRIC


@dataclass(frozen=True)
class Fact:
    """A relation as the graph holds it: the statement and all the evidence for it."""

    subject: str
    predicate: str
    object: str
    qualifiers: tuple[tuple[str, str], ...]
    confidence: float
    evidence: tuple[Evidence, ...]
    rules: tuple[str, ...]
    literal: bool = False


class KnowledgeGraph:
    """The in-memory graph that the exporters and queries read."""

    def __init__(self) -> None:
        self.nx = nx.MultiDiGraph()
        self.documents: dict[str, Document] = {}
        self.warnings: list[str] = []

    # --- building --------------------------------------------------------------------------------
    def add(self, result: DocumentResult) -> bool:
        """Merge one document's extraction; re-adding a document already present changes nothing."""
        doc = result.document
        if doc.id in self.documents:
            return False
        self.documents[doc.id] = doc
        self.nx.add_node(f"article/{doc.id}", kind="article", document=doc)
        for e in result.entities:
            if e.id in self.nx:
                self.nx.nodes[e.id]["entity"] = merge_entities(self.nx.nodes[e.id]["entity"], e)
            else:
                self.nx.add_node(e.id, kind="entity", entity=e)
        for r in result.relations:
            self._add_relation(r)
        for f in result.figures:
            fid = f"figure/{f.id}"
            self.nx.add_node(fid, kind="figure", figure=f)
            if f.about:
                self.nx.add_edge(fid, f.about, key=("about", ()), relations=[])
        self.warnings.extend(result.warnings)
        return True

    def add_parts(
        self,
        *,
        documents: Iterable[Document],
        entities: Iterable[Entity],
        relations: Iterable[Relation],
        figures: Iterable[Figure],
    ) -> None:
        """Add what was read back from elsewhere (a store) rather than extracted from one document."""
        for doc in documents:
            self.documents[doc.id] = doc
            self.nx.add_node(f"article/{doc.id}", kind="article", document=doc)
        for e in entities:
            self.nx.add_node(e.id, kind="entity", entity=e)
        for r in relations:
            if r.subject in self.nx and (r.literal or r.object in self.nx):
                self._add_relation(r)
        for f in figures:
            self.nx.add_node(f"figure/{f.id}", kind="figure", figure=f)
            if f.about:
                self.nx.add_edge(f"figure/{f.id}", f.about, key=("about", ()), relations=[])

    def _add_relation(self, r: Relation) -> None:
        if r.literal:
            node = self.nx.nodes[r.subject]
            node.setdefault("literals", []).append(r)
            return
        if r.predicate in SYMMETRIC and r.object < r.subject:
            # A partner B and B partner A are one fact: one edge, in the order of the ids, with the evidence of both
            r = dataclasses.replace(r, subject=r.object, object=r.subject)
        key = (r.predicate, r.qualifiers)
        if self.nx.has_edge(r.subject, r.object, key):
            self.nx.edges[r.subject, r.object, key]["relations"].append(r)
        else:
            self.nx.add_edge(r.subject, r.object, key=key, relations=[r])

    # --- reading ---------------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        return sorted(
            (d["entity"] for _, d in self.nx.nodes(data=True) if d.get("kind") == "entity"),
            key=lambda e: e.id,
        )

    def entity(self, entity_id: str) -> Entity:
        return self.nx.nodes[entity_id]["entity"]

    def figures(self) -> list[Figure]:
        return sorted(
            (d["figure"] for _, d in self.nx.nodes(data=True) if d.get("kind") == "figure"),
            key=lambda f: (f.evidence.document, f.evidence.start, f.id),
        )

    def articles(self) -> list[Document]:
        return [self.documents[k] for k in sorted(self.documents)]

    def facts(self) -> list[Fact]:
        """Every relation (edges and literal-valued ones), grouped with all its evidence, sorted."""
        out = []
        by_triple: dict[tuple[str, str, str], dict[tuple, list[Relation]]] = {}
        for s, o, key, data in self.nx.edges(keys=True, data=True):
            if key[0] != "about":
                by_triple.setdefault((s, key[0], o), {})[key[1]] = data["relations"]
        for (s, p, o), groups in by_triple.items():
            for quals, rels in _fold_qualifier_subsets(groups).items():
                out.append(_fact(s, p, o, quals, rels))
        for node, data in self.nx.nodes(data=True):
            literals: dict[tuple, list[Relation]] = {}
            for r in data.get("literals", []):
                literals.setdefault((r.object, r.qualifiers), []).append(r)
            for (value, quals), rels in literals.items():
                out.append(_fact(node, rels[0].predicate, value, quals, rels, literal=True))
        return sorted(out, key=lambda f: (f.subject, f.predicate, f.object, f.qualifiers))

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy with plain attributes (strings, numbers, booleans), writable with ``nx.write_graphml``."""
        from .export.graphml import to_networkx

        return to_networkx(self)

    def to_dataframe(self, what: str = "facts"):
        """A pandas DataFrame of the graph's ``facts``, ``entities`` or ``figures`` (needs kg[notebook])."""
        from .frames import dataframe

        return dataframe(self, what)

    def _repr_html_(self) -> str:
        """In Jupyter: the interactive view in an iframe, offline (vis-network is inlined)."""
        from .export.html import to_iframe

        return to_iframe(self)

    def summary(self) -> dict:
        from collections import Counter

        types = Counter(e.type for e in self.entities())
        preds = Counter(f.predicate for f in self.facts())
        return {
            "documents": len(self.documents),
            "entities": dict(sorted(types.items())),
            "relations": dict(sorted(preds.items())),
            "figures": len(self.figures()),
        }


def _fold_qualifier_subsets(groups: dict[tuple, list[Relation]]) -> dict[tuple, list[Relation]]:
    """A statement whose qualifiers are a strict subset of another's for the same triple adds only evidence:
    fold it into the one that says more (the headline's 投资 into the body's 投资 with its amount)."""
    out = {q: list(r) for q, r in groups.items()}
    for quals in sorted(groups, key=len):
        richer = [q for q in out if q != quals and set(quals) < set(q)]
        if richer and quals in out:
            target = max(richer, key=lambda q: (len(q), q))
            out[target].extend(out.pop(quals))
    return out


def _fact(s: str, p: str, o: str, quals, relations: list[Relation], literal: bool = False) -> Fact:
    # one piece of evidence per sentence (two rules may find the fact in one sentence, on different spans)
    by_sentence: dict[tuple[str, int], Evidence] = {}
    for e in sorted({r.evidence for r in relations}, key=lambda e: (e.document, e.sentence, e.start, e.end)):
        by_sentence.setdefault((e.document, e.sentence), e)
    evidence = tuple(by_sentence.values())
    rules = tuple(sorted({r.rule for r in relations}))
    return Fact(s, p, o, quals, max(r.confidence for r in relations), evidence, rules, literal)
