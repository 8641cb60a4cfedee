"""kg query reaches nothing but its graph: no SERVICE, LOAD or FROM requests, no JSON-LD context fetched, no XML
entity expanded, a time limit, nothing a terminal acts on, and --update says what it does (issue 11, cases 2, 3
(timeout) and 8)."""

import http.server
import json
import threading

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

import kg
from kg.cli import main
from kg.corpus import build_store
from kg.errors import InputError, QueryError
from kg.guard import federation_keyword
from kg.sparql import format_result, load_graph, printable, run_query
from kg.store import Store

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Listener:
    """A local HTTP server that counts the requests it gets: the stand-in for any address a query might reach."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                listener.requests.append(self.path)
                body = b'{"@context": {"name": "https://schema.org/name"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("g")
    kg.write(kg.build([EXAMPLE]), out, formats=("turtle",))
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("s") / "store"
    build_store([EXAMPLE], path)
    return path


def remote_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ ?x ?y ?z .service<{url}/sparql>{{?s ?p ?o}} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
    ]


def test_a_file_query_sends_no_request_anywhere(graph_file, listener):
    graph = load_graph(graph_file)
    for query in remote_queries(listener.url):
        with pytest.raises(QueryError, match="unless you pass --allow-federation"):
            run_query(graph, query)
    with pytest.raises(QueryError, match="LOAD reads other sources"):
        run_query(graph, f"LOAD <{listener.url}/data.ttl>", allow_update=True)
    assert listener.requests == []
    with pytest.raises(QueryError):  # opted in, the request goes out: the listener would have seen one
        run_query(graph, remote_queries(listener.url)[0], allow_federation=True)
    assert listener.requests


def test_a_store_query_sends_no_request_anywhere(store_dir, listener):
    with Store(store_dir, read_only=True) as store:
        for query in remote_queries(listener.url)[:3]:
            with pytest.raises(QueryError, match="unless you pass --allow-federation"):
                store.query(query)
        assert store.query(f"SELECT * FROM <{listener.url}/g> WHERE {{ ?s ?p ?o }}").rows == ()
    assert listener.requests == []


def test_the_cli_refuses_service_with_one_line(graph_file, listener):
    res = CliRunner().invoke(main, ["query", str(graph_file), remote_queries(listener.url)[0]])
    assert res.exit_code == 1 and res.output.count("\n") == 1 and "--allow-federation" in res.output
    assert listener.requests == []


@pytest.mark.parametrize(
    "query,keyword",
    [
        ("SELECT ?load WHERE { ?load ex:service 'SERVICE' } # LOAD", None),
        ("SELECT * WHERE { ?s <http://e/SERVICE> ?o }", None),
        ('SELECT * WHERE { ?s ?p """a\nSERVICE <x> {}""" }', None),
        ("PREFIX load: <urn:x> SELECT * WHERE { ?s load:p ?o }", None),
        ("Load <file:///etc/passwd>", "LOAD"),
        ("SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <http://x> {} }", "SERVICE"),
    ],
)
def test_federation_keywords_are_found_only_where_they_are_keywords(query, keyword):
    assert federation_keyword(query) == keyword


def test_a_remote_json_ld_context_is_never_fetched(tmp_path, listener):
    doc = {"@context": f"{listener.url}/context.jsonld", "@id": "urn:a", "name": "快手"}
    for i, data in enumerate([doc, [doc], {"@graph": [doc]}, {"@context": [{"@import": listener.url}]}]):
        path = tmp_path / f"x{i}.jsonld"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError, match="remote @context: kg never fetches contexts"):
            load_graph(path)
    assert listener.requests == []
    inline = tmp_path / "inline.jsonld"
    inline.write_text(json.dumps({**doc, "@context": {"name": "https://schema.org/name"}}), encoding="utf-8")
    assert len(load_graph(inline)) == 1


def test_xml_entities_are_not_expanded(tmp_path):
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY a "lol">\n'
        + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">\n' for p, c in zip("abc", "bcd", strict=True))
        + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="https://schema.org/">'
        '<rdf:Description rdf:about="urn:a"><s:name>&d;</s:name></rdf:Description></rdf:RDF>\n'
    )
    path = tmp_path / "bomb.rdf"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(InputError, match="entity declaration"):
        load_graph(path)
    res = CliRunner().invoke(main, ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"])
    assert res.exit_code == 1 and res.output.count("\n") == 1


@pytest.mark.slow  # waits for the limit; the store's limit is in the fast suite
def test_a_file_query_stops_at_its_time_limit(graph_file):
    with pytest.raises(QueryError, match="time limit of 0.3 s"):
        run_query(load_graph(graph_file), CROSS_JOIN, timeout=0.3)


def test_the_cli_has_a_time_limit_by_default():
    option = next(p for p in main.commands["query"].params if p.name == "timeout")
    assert option.default and option.default > 0


def test_terminal_escapes_in_the_data_are_shown_not_obeyed(tmp_path):
    path = tmp_path / "x.ttl"
    path.write_text(
        '<urn:a> <urn:p> "red\\u001B[31m alarm\\u009B2J \\u202Eevil\\nline" .\n', encoding="utf-8"
    )
    res = CliRunner().invoke(main, ["query", str(path), "SELECT ?o WHERE { ?s ?p ?o }"])
    assert res.exit_code == 0
    assert not any(ch in res.output for ch in "\x1b\x9b\u202e")
    assert "red\\x1b[31m alarm\\x9b2J \\u202eevil line" in res.output
    assert printable("a\tb\nc\x07") == "a\tb\nc\\x07"
    table = format_result(run_query(load_graph(path), "SELECT ?o WHERE { ?s ?p ?o }"), "table")
    assert "\x1b" not in table


def test_update_on_a_store_is_written_to_it_and_the_help_says_so(tmp_path, graph_file):
    store = tmp_path / "store"
    build_store([EXAMPLE], store)
    update = 'INSERT DATA { <urn:a> rdfs:label "新" }'
    assert CliRunner().invoke(main, ["query", str(store), update, "--update"]).exit_code == 0
    with Store(store, read_only=True) as s:
        assert s.query('ASK { <urn:a> rdfs:label "新" }').boolean
    before = graph_file.read_bytes()
    assert CliRunner().invoke(main, ["query", str(graph_file), update, "--update"]).exit_code == 0
    assert graph_file.read_bytes() == before
    help_text = " ".join(CliRunner().invoke(main, ["query", "--help"]).output.split())
    assert "on a store it is written to the store" in help_text and "the file is not touched" in help_text


DEEP = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000


@pytest.mark.slow  # a process of its own (should the check fail, Oxigraph's parser dies of it: SIGSEGV)
def test_brackets_nested_deep_enough_to_crash_a_parser_are_refused_on_a_store(store_dir):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kg", "query", str(store_dir), DEEP],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr == "Error: SPARQL error: brackets nested more than 256 deep\n"


def test_brackets_nested_deep_enough_to_crash_a_parser_are_refused(graph_file):
    """The check runs before any parser, on files as on stores (the store's own test runs in a process of its
    own, slow)."""
    res = CliRunner().invoke(main, ["query", str(graph_file), DEEP])
    assert res.exit_code == 1 and res.output == "Error: SPARQL error: brackets nested more than 256 deep\n"
    assert run_query(load_graph(graph_file), "ASK " + "{" * 20 + "}" * 20).boolean is True


def test_a_store_query_stops_at_its_time_limit(store_dir):
    """The store answers again after a query cut at its limit. Oxigraph's solutions may only be dropped by the
    thread that made them: the query's thread lets go of them when it stops reading, so the garbage collector in
    this thread finds none ("unsendable ... dropped on another thread" was printed at exit)."""
    import gc
    import sys
    import threading
    import time

    seen = []
    previous, sys.unraisablehook = sys.unraisablehook, seen.append
    try:
        with Store(store_dir, read_only=True) as store:
            with pytest.raises(QueryError, match="time limit of 0.3 s"):
                store.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.3)
            assert store.query("ASK { ?s ?p ?o }", timeout=5).boolean is True
            deadline = time.monotonic() + 30
            while any(t.name == "kg-query" for t in threading.enumerate()) and time.monotonic() < deadline:
                time.sleep(0.05)
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert not [s for s in seen if "unsendable" in str(s.exc_value)]
