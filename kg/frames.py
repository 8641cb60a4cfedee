"""pandas tables of a graph (facts, entities, figures) and of query results, for notebooks.

pandas is optional (``pip install "kg[notebook]"``); without it these raise ``MissingDependency``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import KgError, MissingDependency
from .export.tables import QUALIFIER_FIELDS

if TYPE_CHECKING:
    from .graph import KnowledgeGraph
    from .sparql import QueryResult

TABLES = ("facts", "entities", "figures")


def _pandas():
    try:
        import pandas
    except ImportError:
        raise MissingDependency("pandas", extra="notebook") from None
    return pandas


def _label(kg: KnowledgeGraph, node: str) -> str | None:
    data = kg.nx.nodes.get(node) if node in kg.nx else None
    if data is None:
        return None
    if "entity" in data:
        return data["entity"].label
    if "document" in data:
        return data["document"].title or data["document"].id
    return None


def fact_rows(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    rows = []
    for f in kg.facts():
        quals = dict(f.qualifiers)
        row: dict[str, Any] = {
            "subject": f.subject,
            "subject_label": _label(kg, f.subject),
            "predicate": f.predicate,
            "object": f.object,
            "object_label": None if f.literal else _label(kg, f.object),
            "literal": f.literal,
            "confidence": f.confidence,
        }
        for key in QUALIFIER_FIELDS:
            value = quals.get(key)
            row["date_text" if key == "text" else key] = (
                (value == "true") if key == "former" and value else value
            )
        row.update(
            rules=list(f.rules),
            evidence=f.evidence[0].text if f.evidence else None,
            evidence_count=len(f.evidence),
            documents=sorted({ev.document for ev in f.evidence}),
        )
        rows.append(row)
    return rows


def entity_rows(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "types": list(e.types),
            "aliases": list(e.aliases),
            "mentions": len(e.mentions),
            "documents": sorted(set(e.documents) | {m.document for m in e.mentions}),
            "date_value": e.value,
        }
        for e in kg.entities()
    ]


def figure_rows(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    return [
        {
            "id": f"figure/{f.id}",
            "about": f.about,
            "about_label": _label(kg, f.about) if f.about else None,
            "measure": f.measure,
            "value": float(f.value),
            "unit": f.unit,
            "kind": f.kind,
            "text": f.text,
            "time": f.time,
            **{k: v for k, v in f.qualifiers},
            "sentence": f.evidence.text,
            "document": f.evidence.document,
        }
        for f in kg.figures()
    ]


def dataframe(kg: KnowledgeGraph, what: str = "facts"):
    """One row per fact, entity or figure."""
    rows = {"facts": fact_rows, "entities": entity_rows, "figures": figure_rows}
    if what not in rows:
        raise KgError(f"unknown table {what!r}; choose from: {', '.join(TABLES)}")
    return _pandas().DataFrame(rows[what](kg))


def result_dataframe(result: QueryResult):
    """A query's rows with one column per variable: IRIs as strings, literals as Python values."""
    pd = _pandas()
    from rdflib import Literal

    def plain(term):
        if term is None:
            return None
        if isinstance(term, Literal):
            value = term.toPython()
            return str(term) if isinstance(value, Literal) else value
        return str(term)

    return pd.DataFrame([[plain(t) for t in row] for row in result.rows], columns=list(result.variables))
