"""Exports for the tools users already have: GraphML (Gephi, networkx), Neo4j CSV and Cypher, compact JSON-LD.

Neo4j itself is not run here: the CSV files are checked against the header rules of ``neo4j-admin database
import`` (typed fields, one ID per node file, START_ID/END_ID/TYPE per relationship file, ids that resolve).
"""

import csv
import io
import json
import re
import socket
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from conftest import ARTICLES, EXAMPLE, ROOT
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.export import render, write_outputs
from kg.export.jsonld import context_document
from kg.export.neo4j import cypher_literal, relationship_type
from kg.vocab import DEFAULT_BASE, KG_NS

HOSTILE = "京东与快手合作。\n星澜科技（“星澜”; 'x'）由沈一鸣创立，\\n 她说：\"好\"。"


@pytest.fixture(scope="module")
def graph():
    return kg.build([EXAMPLE, ARTICLES])


def test_graphml_loads_in_networkx_with_every_attribute_typed(graph, tmp_path):
    (path,) = write_outputs(graph, tmp_path, formats=("graphml",), base=DEFAULT_BASE)
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}key")
    }
    assert set(keys.values()) <= {"string", "double", "long", "int", "boolean", "float"}  # what Gephi reads
    assert keys[("node", "mentions")] == "long" and keys[("edge", "confidence")] == "double"
    assert keys[("edge", "former")] == "boolean" and keys[("node", "value")] == "double"
    g = nx.read_graphml(path)
    person = g.nodes["person/沈一鸣"]
    assert person["label"] == "沈一鸣" and person["type"] == "Person" and isinstance(person["mentions"], int)
    leads = [d for s, o, d in g.edges(data=True) if s == "person/沈一鸣" and d["predicate"] == "leads"]
    assert leads and isinstance(leads[0]["confidence"], float) and "沈一鸣" in leads[0]["evidence"]
    assert leads[0]["document"] and leads[0]["title"]
    article = next(d for n, d in g.nodes(data=True) if d["kind"] == "article")
    assert article["label"] and article["source"]


def test_the_library_graph_converts_to_plain_networkx(graph, tmp_path):
    plain = graph.to_networkx()
    nx.write_graphml(plain, tmp_path / "g.graphml")  # fails on Python objects as attribute values
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == plain.number_of_edges() > 20
    for _, data in plain.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())


_NEO4J_TYPES = r"(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?"


def _check_header(header: list[str], kind: str) -> dict[str, str]:
    """neo4j-admin's header rules: name:type fields, and the special fields a node or relationship file needs."""
    special = {}
    for field in header:
        name, _, typ = field.partition(":")
        if typ.startswith(("ID", "START_ID", "END_ID")) or typ in ("LABEL", "TYPE", "IGNORE"):
            assert re.fullmatch(r"(ID|START_ID|END_ID)(\(\w+\))?|LABEL|TYPE|IGNORE", typ), field
            special[typ.split("(")[0]] = field
        else:
            assert name and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name), field
            assert typ == "" or re.fullmatch(_NEO4J_TYPES, typ), field
    if kind == "nodes":
        assert [f for f in header if ":ID" in f] == [special["ID"]]
    else:
        assert {"START_ID", "END_ID", "TYPE"} <= special.keys()
    return special


def _cell_ok(value: str, typ: str) -> bool:
    if (
        value == ""
        or typ in ("", "string", "string[]", "LABEL", "TYPE")
        or typ.startswith(("ID", "START", "END"))
    ):
        return True
    parts = value.split(";") if typ.endswith("[]") else [value]
    base = typ.rstrip("[]")
    checks = {
        "int": lambda v: re.fullmatch(r"-?\d+", v),
        "long": lambda v: re.fullmatch(r"-?\d+", v),
        "float": lambda v: float(v) is not None,
        "double": lambda v: float(v) is not None,
        "boolean": lambda v: v in ("true", "false"),
    }
    return all(checks[base](p) for p in parts)


def test_neo4j_csv_follows_the_admin_import_header_rules(graph, tmp_path):
    (folder,) = write_outputs(graph, tmp_path, formats=("neo4j",), base=DEFAULT_BASE)
    files = sorted(p.name for p in folder.iterdir())
    assert "nodes_Person.csv" in files and "relationships_LEADS.csv" in files and "import.sh" in files
    ids, ends = set(), []
    for path in folder.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        kind = path.name.split("_")[0]
        header, body = rows[0], rows[1:]
        special = _check_header(header, kind)
        assert body, path.name
        types = [f.partition(":")[2] for f in header]
        for row in body:
            assert len(row) == len(header), path.name
            assert all(_cell_ok(v, t) for v, t in zip(row, types, strict=True)), (path.name, row)
            if kind == "nodes":
                node_id = row[header.index(special["ID"])]
                assert node_id not in ids  # one id space
                ids.add(node_id)
                assert "KgNode" in row[header.index(":LABEL")].split(";")
            else:
                ends += [row[header.index(":START_ID")], row[header.index(":END_ID")]]
                assert row[header.index(":TYPE")] == path.stem.removeprefix("relationships_")
    assert ends and set(ends) <= ids  # every relationship's ends are nodes
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert all(f"={name}" in script for name in files if name.endswith(".csv"))
    leads = (folder / "relationships_LEADS.csv").read_text(encoding="utf-8")
    assert "confidence:float" in leads and "evidence:string[]" in leads and "沈一鸣" in leads


@pytest.mark.parametrize(
    "name,expected",
    [("worksFor", "WORKS_FOR"), ("parentOrganization", "PARENT_ORGANIZATION"), ("leads", "LEADS")],
)
def test_relationship_types_follow_neo4j_naming(name, expected):
    assert relationship_type(name) == expected


def _cypher_strings(text: str) -> list[str]:
    """Every single-quoted Cypher string literal in ``text``, unescaped."""
    out = []
    for m in re.finditer(r"'((?:[^'\\]|\\.)*)'", text):
        out.append(json.loads('"' + m.group(1).replace("\\'", "'").replace('"', '\\"') + '"'))
    return out


def test_cypher_literals_round_trip_hostile_text():
    for value in [HOSTILE, "a'b", 'c"d', "e\\f", "g\nh\ti", "；;|"]:
        assert _cypher_strings(cypher_literal(value)) == [value]


def test_cypher_script_creates_every_node_and_relationship(graph):
    script = render(graph, "cypher", base=DEFAULT_BASE)
    statements = [s for s in script.splitlines() if s]
    assert statements[0].startswith("CREATE CONSTRAINT") and all(s.endswith(";") for s in statements)
    strings = set(_cypher_strings(script))
    assert {e.id for e in graph.entities()} <= strings
    assert "MERGE (a)-[r:LEADS {key: row.key}]->(b)" in script


def test_hostile_text_reaches_neo4j_files_intact(tmp_path):
    graph = kg.build_from_texts([HOSTILE])
    (folder,) = write_outputs(graph, tmp_path, formats=("neo4j", "cypher"), base=DEFAULT_BASE)[:1]
    for path in folder.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert len({len(r) for r in rows}) == 1


def test_jsonld_is_compact_with_the_published_context_and_needs_no_network(graph, monkeypatch):
    text = render(graph, "jsonld", base=DEFAULT_BASE)
    data = json.loads(text)
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert data["@context"][0] == published["@context"]
    assert KG_NS not in json.dumps(data["@graph"], ensure_ascii=False)  # every kg term is compact
    node = next(n for n in data["@graph"] if n["id"] == "kgid:person/沈一鸣")
    assert node["label"] == "沈一鸣" and "kg:Person" in json.dumps(node["type"])

    def no_network(*args, **kwargs):
        raise AssertionError("JSON-LD parsing tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    parsed = Graph().parse(data=text, format="json-ld")
    assert isomorphic(parsed, Graph().parse(data=render(graph, "turtle", base=DEFAULT_BASE), format="turtle"))


def test_the_published_context_file_is_the_one_kg_embeds():
    assert (ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8") == context_document()
