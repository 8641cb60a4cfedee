"""RDF export: SHACL shapes, an independent parser, every format, IRIs, determinism, vocabulary vs ontology."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from conftest import ROOT, SEED, Exported
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

import kg
from kg.export import render
from kg.vocab import CLASSES, DEFAULT_BASE, KG, KG_NS, PREDICATES, Minter

ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"


def _validate(data: Graph):
    import pyshacl  # (here: a tenth of a second to import, in every test process that collects this module)

    conforms, _, text = pyshacl.validate(
        data, shacl_graph=Graph().parse(SHAPES), ont_graph=Graph().parse(ONTOLOGY), inference="rdfs"
    )
    return conforms, text


@pytest.mark.slow  # SHACL over the seed article's graph
def test_seed_graph_satisfies_the_shapes(seed_graph: Exported):
    conforms, text = _validate(seed_graph.rdf)
    assert conforms, text


@pytest.mark.slow  # SHACL over every fixture graph
def test_fixture_graphs_satisfy_the_shapes(fixture_graphs):
    for name, exported in fixture_graphs.items():
        conforms, text = _validate(exported.rdf)
        assert conforms, f"{name}: {text}"


def test_shapes_catch_a_broken_graph(seed_graph: Exported):
    broken = Graph() + seed_graph.rdf
    person = URIRef(DEFAULT_BASE + "person/白嘉乐")
    broken.remove((person, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None))
    conforms, text = _validate(broken)
    assert not conforms and "白嘉乐" in text


def test_turtle_parses_with_an_independent_parser(seed_graph: Exported, fixture_graphs):
    for exported in [seed_graph, *fixture_graphs.values()]:
        store = pyoxigraph.Store()
        store.load(exported.turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
        assert len(store) == len(exported.rdf)


@pytest.mark.parametrize("fmt,rdflib_format", [("nt", "nt"), ("jsonld", "json-ld")])
def test_other_rdf_formats_hold_the_same_triples(seed_graph: Exported, fmt, rdflib_format):
    text = render(seed_graph.graph, fmt, base=DEFAULT_BASE)
    other = Graph().parse(data=text, format=rdflib_format)
    assert other.isomorphic(seed_graph.rdf)


def test_iris_are_percent_encoded_where_they_must_be():
    mint = Minter("https://example.org/kg/")
    iri = mint.entity('org/罗拉 快跑<"x">')
    assert iri == URIRef("https://example.org/kg/org/罗拉%20快跑%3C%22x%22%3E")
    assert mint.entity("org/a\ufffdb\u3000c") == URIRef("https://example.org/kg/org/a%EF%BF%BDb%E3%80%80c")
    with pytest.raises(ValueError):
        Minter("not a base")


def test_base_option_changes_minted_iris(seed_graph: Exported):
    text = render(seed_graph.graph, "turtle", base="https://news.example/id/")
    assert "https://news.example/id/org/快手" in text and DEFAULT_BASE not in text


def test_no_blank_nodes(seed_graph: Exported):
    assert not any(
        isinstance(t, type(None)) or t.__class__.__name__ == "BNode"
        for triple in seed_graph.rdf
        for t in triple
    )


def test_every_relation_is_a_direct_triple_and_a_statement_with_provenance(seed_graph: Exported):
    rows = seed_graph.select("""SELECT (COUNT(?st) AS ?n) WHERE { ?st a kg:Statement ; kg:statementSubject ?s ;
        kg:statementPredicate ?p ; kg:statementObject ?o ; prov:wasDerivedFrom ?sent . ?s ?p ?o .
        ?sent kg:text ?t ; kg:startOffset ?a ; kg:endOffset ?b ; kg:document ?d . }""")
    total = seed_graph.select("SELECT (COUNT(?st) AS ?n) WHERE { ?st kg:statementObject ?o }")
    assert rows == total and int(rows[0][0]) >= 10


def test_sentence_offsets_point_into_the_document(seed_graph: Exported):
    doc = seed_graph.graph.articles()[0]
    for text, start, end in seed_graph.select(
        "SELECT ?t ?a ?b WHERE { ?s a kg:Sentence ; kg:text ?t ; kg:startOffset ?a ; kg:endOffset ?b }"
    ):
        assert doc.text[int(start) : int(end)] == text


def test_vocabulary_matches_the_ontology():
    onto = Graph().parse(ONTOLOGY)
    declared = {str(s)[len(KG_NS) :] for s in onto.subjects() if str(s).startswith(KG_NS)}
    in_code = {name for name in KG.__annotations__}
    assert declared == in_code
    for term in PREDICATES.values():
        assert (term, None, None) in onto, term
    for cls in CLASSES.values():
        assert (cls, RDF.type, OWL.Class) in onto


def test_misspelt_term_raises():
    with pytest.raises(AttributeError):
        KG.lead  # noqa: B018


def _run_build(tmp: Path, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(SEED),
            str(ROOT / "examples" / "qinglan_battery.txt"),
            "--out",
            str(tmp),
            "--format",
            "turtle,json,nt,jsonld,graphml,cypher,neo4j",
            "-q",
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    return {p.name: p.read_bytes() for p in sorted(tmp.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_output_is_byte_identical_across_runs(tmp_path):
    if not SEED.exists():
        pytest.skip("seed article not available")
    first = _run_build(tmp_path / "a", "1")
    second = _run_build(tmp_path / "b", "2")
    assert {
        "graph.ttl",
        "graph.json",
        "graph.nt",
        "graph.jsonld",
        "graph.graphml",
        "graph.cypher",
    } < first.keys()
    assert first == second


def test_golden_turtle_for_a_small_article():
    golden = Path(__file__).parent / "golden" / "small.ttl"
    graph = kg.build_from_texts(
        ["标题\n文|虎嗅 陆一鸣\n小米集团创始人雷军表示，小米与京东达成战略合作，目标是年销量达到1亿台。"]
    )
    text = render(graph, "turtle", base=DEFAULT_BASE)
    if os.environ.get("KG_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert json.loads(render(graph, "json", base=DEFAULT_BASE))["relations"]
