"""GraphML for network tools (Gephi, Cytoscape, networkx), and the graph as a networkx graph of plain values.

Every attribute has one GraphML type for all elements (string, double, long or boolean: what Gephi reads);
lists (aliases, documents, evidence sentences) are joined with " | ".
"""

from __future__ import annotations

import networkx as nx

from ..graph import KnowledgeGraph
from .tables import QUALIFIER_FIELDS, edge_records, node_records

JOIN = " | "


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph whose node and edge attributes are plain strings, numbers and booleans (so
    ``nx.write_graphml`` works); edge keys name the predicate and its qualifiers."""
    g = nx.MultiDiGraph()
    for n in node_records(kg):
        g.add_node(
            n.id,
            kind=n.kind,
            label=n.label,
            type=n.type,
            types=JOIN.join(n.types),
            aliases=JOIN.join(n.aliases),
            documents=JOIN.join(n.documents),
            mentions=n.mentions,
            **{k: v for k, v in n.props.items() if k not in _NODE_FIELDS},
        )
    for e in edge_records(kg):
        quals = {k: e.qualifiers[k] for k in QUALIFIER_FIELDS if k in e.qualifiers}
        if "text" in quals:
            quals["date_text"] = quals.pop("text")
        g.add_edge(
            e.source,
            e.target,
            key=e.key,
            predicate=e.predicate,
            confidence=float(e.confidence),
            evidence=JOIN.join(e.evidence),
            document=e.documents[0] if e.documents else "",
            documents=JOIN.join(e.documents),
            evidence_count=len(e.evidence),
            rules=JOIN.join(e.rules),
            **quals,
        )
    return g


_NODE_FIELDS = frozenset({"kind", "label", "type", "types", "aliases", "documents", "mentions"})


def to_graphml(kg: KnowledgeGraph, *, base: str | None = None) -> str:
    """graph.graphml (``base`` is accepted for the exporter interface; node ids are kg ids)."""
    g = to_networkx(kg)
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n"
