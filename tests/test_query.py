"""SPARQL: predeclared prefixes, read-only by default, errors with positions, three output formats."""

import json
from pathlib import Path

import pytest
from conftest import ROOT

import kg
from kg.errors import InputError, QueryError
from kg.sparql import format_result, load_graph, read_query, run_query

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, seed_graph):
    out = tmp_path_factory.mktemp("q")
    kg.write(
        kg.build(
            [ROOT / "examples" / "qinglan_battery.txt", *seed_graph.graph.articles()[0].source.split("\0")]
        ),
        out,
        formats=("turtle",),
    )
    return out / "graph.ttl"


def test_prefixes_are_predeclared(graph_file):
    res = run_query(
        load_graph(graph_file),
        'SELECT ?o WHERE { ?s rdfs:label "白嘉乐"@zh ; schema:worksFor ?x . ?x rdfs:label ?o }',
    )
    assert [str(r[0]) for r in res.rows] == ["快手电商"]


def test_update_is_refused_unless_allowed(graph_file):
    g = load_graph(graph_file)
    update = 'INSERT DATA { <urn:a> rdfs:label "x" }'
    with pytest.raises(QueryError, match="read-only"):
        run_query(g, update)
    assert run_query(g, update, allow_update=True).updated
    assert run_query(g, 'ASK { <urn:a> rdfs:label "x" }').boolean is True


def test_update_disguised_after_a_comment_is_still_refused(graph_file):
    with pytest.raises(QueryError, match="read-only"):
        run_query(load_graph(graph_file), "# harmless\nPREFIX ex: <urn:x>\nDELETE WHERE { ?s ?p ?o }")


def test_syntax_error_is_one_line_with_its_position(graph_file):
    with pytest.raises(QueryError) as info:
        run_query(load_graph(graph_file), "SELECT ?x WHERE {\n  ?x ?y \n}")
    message = str(info.value)
    assert "\n" not in message and "line" in message and "column" in message


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_every_example_query_runs_and_returns_rows(graph_file, query):
    res = run_query(load_graph(graph_file), read_query(str(query)))
    assert res.rows, f"{query.name} returned nothing"


def test_example_queries_answer_what_they_promise(graph_file):
    g = load_graph(graph_file)
    founders = {
        (str(a), str(b)) for a, b in run_query(g, read_query(str(ROOT / "examples/queries/founders.rq"))).rows
    }
    assert {("快手", "宿华"), ("快手", "程一笑"), ("青岚新能源", "沈一鸣")} <= founders
    partners = {
        str(r[0]) for r in run_query(g, read_query(str(ROOT / "examples/queries/partners_of.rq"))).rows
    }
    assert {"快手", "抖音", "微博"} <= partners


def test_output_formats(graph_file):
    res = run_query(
        load_graph(graph_file), 'SELECT ?p ?o WHERE { ?s rdfs:label "白嘉乐"@zh ; ?p ?o } ORDER BY ?p'
    )
    table = format_result(res, "table")
    assert (
        table.splitlines()[0].split() == ["p", "|", "o"]
        and "schema:worksFor" in table
        and table.endswith("rows)\n")
    )
    csv_text = format_result(res, "csv")
    assert csv_text.splitlines()[0] == "p,o" and "https://schema.org/worksFor" in csv_text
    data = json.loads(format_result(res, "json"))
    assert data["head"]["vars"] == ["p", "o"] and len(data["results"]["bindings"]) == len(res.rows)


def test_missing_or_invalid_graph_file(tmp_path):
    with pytest.raises(InputError, match="no such graph file"):
        load_graph(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(InputError, match="not valid turtle"):
        load_graph(bad)


def test_query_file_that_does_not_exist():
    with pytest.raises(InputError, match="no such query file"):
        read_query(str(Path("nope.rq")))


def test_the_library_query_function_keeps_working_after_first_use(tmp_path):
    """kg.query is a function; a submodule of the same name once replaced it after its first call."""
    import kg

    graph = kg.build_from_texts(["京东集团董事长刘强东表示，京东与腾讯达成合作。"])
    kg.write(graph, tmp_path, formats=("turtle",))
    for _ in range(2):
        rows = kg.query(tmp_path / "graph.ttl", "SELECT ?o WHERE { ?s kg:partner ?o }").rows
        assert rows
