"""Neo4j: CSV files for ``neo4j-admin database import full`` (one per label or relationship type, with its
typed header), and a Cypher script for a running database.

Nodes get the label ``KgNode`` (the one id space, on ``id``) plus their kg types (an entity that is a company
and a platform has both); relationship types are the predicates in Neo4j's style (worksFor → WORKS_FOR).
Evidence sentences, documents, rules and confidence are relationship properties. Arrays use ``;`` (the
default array delimiter), so a ``;`` inside a sentence is written as the full-width ``；``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict

from ..graph import KnowledgeGraph
from .tables import QUALIFIER_FIELDS, EdgeRecord, NodeRecord, edge_records, node_records

BASE_LABEL = "KgNode"
_NODE_COLUMNS = {  # per kind: (property, neo4j type), after id:ID and before :LABEL
    "entity": [("name", "string"), ("type", "string"), ("aliases", "string[]"), ("mentions", "int"),
               ("documents", "string[]"), ("foundingDate", "string"), ("date_value", "string")],
    "article": [("name", "string"), ("source", "string"), ("url", "string"), ("date", "string")],
    "figure": [("name", "string"), ("value", "double"), ("unit", "string"), ("measure", "string"),
               ("text", "string"), ("figure_kind", "string"), ("time", "string"), ("bound", "string"),
               ("modality", "string"), ("approximate", "string"), ("comparison", "string"),
               ("sentence", "string"), ("documents", "string[]")],
}  # fmt: skip
_EDGE_COLUMNS = [("confidence", "float"), ("evidence", "string[]"), ("documents", "string[]"),
                 ("rules", "string[]"), ("title", "string"), ("former", "boolean"), ("amount", "string"),
                 ("role", "string"), ("status", "string"), ("date_text", "string")]  # fmt: skip


def relationship_type(predicate: str) -> str:
    """worksFor → WORKS_FOR (Neo4j's naming style for relationship types)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def _labels(n: NodeRecord) -> list[str]:
    kinds = {"article": ["Article"], "figure": ["Figure"]}
    return [BASE_LABEL] + kinds.get(n.kind, ["Entity", *n.types])


def _array(values) -> str:
    return ";".join(str(v).replace(";", "；") for v in values)


def _node_value(n: NodeRecord, prop: str):
    fields = {
        "name": n.label,
        "type": n.type,
        "aliases": n.aliases,
        "mentions": n.mentions,
        "documents": n.documents,
    }
    value = fields.get(prop, n.props.get(prop))
    return value


def _cell(value, kind: str) -> str:
    if value is None or value == "" or value == ():
        return ""
    if kind.endswith("[]"):
        return _array(value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _edge_value(e: EdgeRecord, prop: str):
    if prop == "date_text":
        return e.qualifiers.get("text")
    if prop in QUALIFIER_FIELDS:
        return e.qualifiers.get(prop)
    return {"confidence": e.confidence, "evidence": e.evidence, "documents": e.documents, "rules": e.rules}[
        prop
    ]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def to_neo4j(kg: KnowledgeGraph, *, base: str | None = None) -> dict[str, str]:
    """File name → CSV text: ``nodes_<Label>.csv`` per node kind or main type, ``relationships_<TYPE>.csv``
    per relationship type, and ``import.sh`` with the neo4j-admin command that loads them."""
    files: dict[str, list[list[str]]] = defaultdict(list)
    headers: dict[str, list[str]] = {}
    for n in node_records(kg):
        columns = _NODE_COLUMNS[n.kind]
        name = f"nodes_{n.type}.csv"
        headers[name] = ["id:ID"] + [f"{p}:{t}" for p, t in columns] + [":LABEL"]
        files[name].append(
            [n.id] + [_cell(_node_value(n, p), t) for p, t in columns] + [";".join(_labels(n))]
        )
    for e in edge_records(kg):
        name = f"relationships_{relationship_type(e.predicate)}.csv"
        headers[name] = [":START_ID", ":END_ID", ":TYPE"] + [f"{p}:{t}" for p, t in _EDGE_COLUMNS]
        files[name].append(
            [e.source, e.target, relationship_type(e.predicate)]
            + [_cell(_edge_value(e, p), t) for p, t in _EDGE_COLUMNS]
        )
    out = {name: _csv(headers[name], rows) for name, rows in sorted(files.items())}
    out["import.sh"] = _import_script(sorted(out))
    return out


def _import_script(names: list[str]) -> str:
    nodes = " ".join(f"--nodes={n}" for n in names if n.startswith("nodes_"))
    rels = " ".join(f"--relationships={n}" for n in names if n.startswith("relationships_"))
    return (
        "#!/bin/sh\n# Load these files into a new Neo4j database named kg (stop the database first).\n"
        'cd "$(dirname "$0")"\n'
        f"neo4j-admin database import full --array-delimiter=';' {nodes} {rels} kg\n"
    )


# --- Cypher ---------------------------------------------------------------------------------------------


def cypher_literal(value) -> str:
    """A Cypher literal: strings single-quoted with backslash escapes, lists, numbers, booleans, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = json.dumps(str(value), ensure_ascii=False)[1:-1]  # escapes \ " and control characters
    return "'" + text.replace('\\"', '"').replace("'", "\\'") + "'"


def _map(props: dict) -> str:
    return (
        "{"
        + ", ".join(f"`{k}`: {cypher_literal(v)}" for k, v in props.items() if v not in (None, "", ()))
        + "}"
    )


def to_cypher(kg: KnowledgeGraph, *, base: str | None = None, batch: int = 500) -> str:
    """A Cypher script: a uniqueness constraint, then nodes and relationships in UNWIND batches (MERGE, so
    running it twice changes nothing)."""
    lines = [f"CREATE CONSTRAINT kg_id IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.id IS UNIQUE;"]
    by_labels: dict[str, list[str]] = defaultdict(list)
    for n in node_records(kg):
        props: dict[str, object] = {
            "name": n.label,
            "type": n.type,
            "aliases": list(n.aliases),
            "documents": list(n.documents),
        }
        if n.kind == "entity":
            props["mentions"] = n.mentions
        props.update(n.props)
        by_labels[":".join(f"`{label}`" for label in _labels(n))].append(
            "{id: " + cypher_literal(n.id) + ", props: " + _map(props) + "}"
        )
    for labels, rows in sorted(by_labels.items()):
        for start in range(0, len(rows), batch):
            lines.append(
                f"UNWIND [{', '.join(rows[start : start + batch])}] AS row "
                f"MERGE (n:{labels} {{id: row.id}}) SET n += row.props;"
            )
    by_type: dict[str, list[str]] = defaultdict(list)
    for e in edge_records(kg):
        props = {p: _edge_value(e, p) for p, _ in _EDGE_COLUMNS}
        props = {k: list(v) if isinstance(v, tuple) else v for k, v in props.items()}
        by_type[relationship_type(e.predicate)].append(
            "{s: " + cypher_literal(e.source) + ", o: " + cypher_literal(e.target) + ", key: "
            + cypher_literal(e.key) + ", props: " + _map(props) + "}"
        )  # fmt: skip
    for rel, rows in sorted(by_type.items()):
        for start in range(0, len(rows), batch):
            lines.append(
                f"UNWIND [{', '.join(rows[start : start + batch])}] AS row "
                f"MATCH (a:{BASE_LABEL} {{id: row.s}}) MATCH (b:{BASE_LABEL} {{id: row.o}}) "
                f"MERGE (a)-[r:{rel} {{key: row.key}}]->(b) SET r += row.props;"
            )
    return "\n".join(lines) + "\n"
