"""graph.json: the documented schema, offsets that point into the document text, evidence for every fact."""

import json

from conftest import Exported

from kg.export import render
from kg.vocab import DEFAULT_BASE, PREDICATES


def test_schema_and_offsets(seed_graph: Exported):
    data = json.loads(render(seed_graph.graph, "json", base=DEFAULT_BASE))
    assert set(data) == {"kg_version", "base", "documents", "entities", "relations", "figures"}
    docs = {d["id"]: d for d in data["documents"]}
    for e in data["entities"]:
        assert {"id", "iri", "label", "type", "types", "aliases", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert docs[m["document"]]["text"][m["start"] : m["end"]] == m["text"]
    for r in data["relations"]:
        assert r["predicate"] in PREDICATES and 0 < r["confidence"] <= 1 and r["evidence"]
        for ev in r["evidence"]:
            sent = docs[ev["document"]]["sentences"][ev["sentence"]]
            assert docs[ev["document"]]["text"][sent["start"] : sent["end"]] == ev["text"]
    for f in data["figures"]:
        assert {"id", "about", "measure", "value", "unit", "text", "qualifiers", "evidence"} <= set(f)
        doc = docs[f["evidence"]["document"]]
        assert doc["text"][f["evidence"]["start"] : f["evidence"]["end"]] == f["text"]


def test_dau_figure_in_json(seed_graph: Exported):
    data = json.loads(render(seed_graph.graph, "json", base=DEFAULT_BASE))
    dau = [f for f in data["figures"] if f["value"] == "300000000" and f["measure"] == "日活跃用户数"]
    assert dau and dau[0]["about"] == "org/快手" and dau[0]["qualifiers"] == {"modality": "target"}


def test_a_partnership_stated_both_ways_is_one_edge_with_the_evidence_of_both():
    """partner is symmetric: 青禾科技与星澜集团合作 read by two rules in two directions is one fact, in the order of the
    ids, carrying both rules."""
    from kg.pipeline import build_from_texts

    graph = build_from_texts(["青禾科技成立于2015年。公司与星澜集团、锋泰电子等企业开展合作。"])
    data = json.loads(render(graph, "json", base=DEFAULT_BASE))
    pairs = [(r["subject"], r["object"]) for r in data["relations"] if r["predicate"] == "partner"]
    assert len(pairs) == len({frozenset(p) for p in pairs}) >= 2
    assert all(s < o for s, o in pairs)
    assert any(len(r["rules"]) >= 2 for r in data["relations"] if r["predicate"] == "partner")
