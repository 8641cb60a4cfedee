"""kg's RDF writers give the bytes rdflib's serializer gives for the same graph (issue 14): Turtle byte for byte,
N-Triples line for line; on the fixtures, the seed article, hostile text and a synthetic corpus."""

import dataclasses
import importlib.util

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.export import render
from kg.export.rdf import nt_term, to_graph
from kg.ingest import document_from_text
from kg.pipeline import extract
from kg.vocab import DEFAULT_BASE

BASES = (DEFAULT_BASE, "urn:kg:", "https://news.example/id#")


def rdflib_turtle(graph: kg.KnowledgeGraph, base: str) -> str:
    return to_graph(graph, base=base).serialize(format="turtle")


def rdflib_ntriples(graph: kg.KnowledgeGraph, base: str) -> str:
    lines = {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in to_graph(graph, base=base)}
    return "\n".join(sorted(lines)) + "\n"


def assert_same_as_rdflib(graph: kg.KnowledgeGraph, base: str = DEFAULT_BASE) -> None:
    assert render(graph, "turtle", base=base) == rdflib_turtle(graph, base)
    assert render(graph, "nt", base=base) == rdflib_ntriples(graph, base)


@pytest.mark.slow  # serialises every fixture graph twice per base
@pytest.mark.parametrize("base", BASES)
def test_turtle_and_ntriples_are_rdflibs_bytes_on_the_fixtures_and_the_seed(fixture_graphs, seed_graph, base):
    for exported in [seed_graph, *fixture_graphs.values()]:
        assert_same_as_rdflib(exported.graph, base)


def with_text(title: str, alias: str) -> kg.KnowledgeGraph:
    """A graph whose article title and whose first entity's alias are a library caller's own strings."""
    result = extract(document_from_text("快手宣布与京东合作。2019年，快手营收100亿元。"))
    entity = dataclasses.replace(result.entities[0], aliases=(alias, "另一个名字"))
    result = dataclasses.replace(
        result,
        document=dataclasses.replace(result.document, title=title),
        entities=(entity, *result.entities[1:]),
    )
    graph = kg.KnowledgeGraph()
    graph.add(result)
    return graph


@pytest.mark.parametrize(
    "title",
    [
        '引号"与反斜杠\\',
        "两行\n文字",
        '末尾引号"',
        '三引号"""在内\n',
        "回车\r换行",
        "(括号)与%百分号",
        "尾点.",
        "孤\ud800",
    ],
)
def test_turtle_quotes_literals_as_rdflib_does(title):
    assert_same_as_rdflib(with_text(title, title))


@pytest.mark.slow  # 20 random pairs of strings through two serialisers; the fixed cases above are fast
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=12))
def test_turtle_is_rdflibs_whatever_the_strings(title, alias):
    assert_same_as_rdflib(with_text(title, alias))


@pytest.mark.slow
@pytest.mark.skipif(
    not (ROOT.parent / "shared" / "datasets" / "cluener2020" / "train.jsonl").exists(),
    reason="the synthetic corpus is drawn from ../shared/datasets when present",
)
def test_turtle_and_ntriples_are_rdflibs_bytes_on_a_synthetic_corpus(tmp_path):
    spec = importlib.util.spec_from_file_location("corpus_bench", ROOT / "benchmarks" / "corpus_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    corpus = tmp_path / "corpus.jsonl"
    bench.make_corpus(corpus, 150)
    graph = kg.build([corpus])
    for base in BASES[:2]:
        assert_same_as_rdflib(graph, base)


def test_formats_written_together_are_the_formats_rendered_alone(tmp_path, seed_graph):
    """kg build -f turtle,nt,jsonld makes the triples once for the three writers; each file is as rendered alone."""
    from kg.export import write_outputs

    write_outputs(seed_graph.graph, tmp_path, formats=("turtle", "nt", "jsonld", "json"), base=DEFAULT_BASE)
    for fmt, name in (("turtle", "graph.ttl"), ("nt", "graph.nt"), ("jsonld", "graph.jsonld")):
        assert (tmp_path / name).read_text(encoding="utf-8") == render(
            seed_graph.graph, fmt, base=DEFAULT_BASE
        )
