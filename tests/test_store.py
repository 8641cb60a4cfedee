"""Corpus builds into a store: incremental, replaceable, parallel and distributed with identical results;
queried, exported, served over HTTP and pushed to a Graph Store Protocol endpoint."""

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import ARTICLES, EXAMPLE, ROOT, fixture_articles
from rdflib import Dataset, Graph

from kg.cli import main
from kg.corpus import build_store
from kg.errors import InputError
from kg.serve import oxigraph_binary
from kg.store import Store
from kg.zh.text import to_simplified

INPUTS = [EXAMPLE, ARTICLES]
N_DOCS = len(fixture_articles()) + 1


def dump(path) -> list[bytes]:
    with Store(path, read_only=True) as store:
        return sorted(store.dump("nquads").splitlines())


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("s") / "store"
    build_store(INPUTS, path)
    return path


def test_store_holds_one_named_graph_per_document(store_dir):
    with Store(store_dir, read_only=True) as store:
        assert len(store.documents()) == N_DOCS and len(store) > 1000


def test_re_adding_is_a_no_op_and_a_changed_article_replaces_its_facts(tmp_path):
    path = tmp_path / "store"
    news = tmp_path / "news.jsonl"
    news.write_text(
        json.dumps(
            {"id": "a1", "text": "小米集团创始人雷军表示，小米与京东达成战略合作。"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    first = build_store([news], path)
    assert (first.added, first.unchanged) == (1, 0)
    before = dump(path)
    again = build_store([news], path)
    assert (again.added, again.unchanged) == (0, 1) and dump(path) == before
    news.write_text(
        json.dumps(
            {"id": "a1", "text": "小米集团创始人雷军表示，小米与美团达成战略合作。"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    changed = build_store([news], path)
    assert changed.replaced == 1
    with Store(path, read_only=True) as store:
        partners = {
            str(r[0])
            for r in store.query(
                'SELECT ?l WHERE { ?x rdfs:label "小米"@zh ; kg:partner ?p . ?p rdfs:label ?l }'
            ).rows
        }
    assert partners == {"美团"}  # the old fact (京东) is gone with the old version


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])  # (2: a pool of workers)
def test_an_article_repeated_in_one_input_lands_once_and_its_last_version_wins(tmp_path, jobs):
    """Batches are extracted ahead of loading; a repeat of an article still in flight must not be merged into it."""
    records = [
        ("a1", "小米集团创始人雷军表示，小米与京东达成战略合作。"),
        ("b1", "腾讯宣布投资蔚来。"),
        ("a1", "小米集团创始人雷军表示，小米与京东达成战略合作。"),  # same text: unchanged
        ("c1", "阿里巴巴与上汽集团合作。"),
        ("a1", "小米集团创始人雷军表示，小米与美团达成战略合作。"),
    ]  # changed
    news = tmp_path / "news.jsonl"
    news.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in records),
        encoding="utf-8",
    )
    progress = build_store([news], tmp_path / "store", jobs=jobs, batch_size=1)
    assert (progress.added, progress.unchanged, progress.replaced) == (3, 1, 1)
    with Store(tmp_path / "store", read_only=True) as store:
        partners = {
            str(r[0])
            for r in store.query(
                'SELECT ?l WHERE { ?x rdfs:label "小米"@zh ; kg:partner ?p . ?p rdfs:label ?l }'
            ).rows
        }
        assert partners == {"美团"} and len(store.documents()) == 3


def test_batches_land_in_the_order_they_finish():
    """A batch that finished is landed before an older one still running (workers would otherwise wait on the
    slowest batch before they get more), and the oldest of those finished comes first."""
    import threading
    from collections import deque
    from concurrent.futures import Future

    from kg.config import BuildConfig
    from kg.corpus import _runner

    runner = _runner("local", 2, None, BuildConfig())
    runner._pool = object()  # as if a pool ran the batches: only the handles matter here
    slow, fast, later = (runner._track(Future()) for _ in range(3))
    fast.set_result("fast")
    later.set_result("later")
    assert runner.next_done(deque([slow, fast, later])) is fast
    threading.Timer(0.05, slow.set_result, args=("slow",)).start()
    assert runner.next_done(deque([slow])) is slow and slow.result() == "slow"


@pytest.mark.parametrize(
    ("documents", "workers", "size"),
    [
        (8000, 16, 63),
        (3000, 16, 24),
        (100_000, 16, 64),
        (100, 16, 16),
        (3000, 1, 64),
        (600, 2, 38),
        (0, 16, 64),
    ],
)
def test_batch_size_fits_the_corpus_and_the_workers(documents, workers, size):
    from kg.corpus import fitted_batch_size

    assert fitted_batch_size(documents, workers) == size


@pytest.mark.slow  # starts a pool of worker processes
def test_parallel_build_is_identical_to_serial(tmp_path, store_dir):
    build_store(INPUTS, tmp_path / "p", jobs=2, batch_size=2)
    assert dump(tmp_path / "p") == dump(store_dir)


@pytest.mark.slow  # two loads in threads
def test_loads_running_together_give_the_same_store(tmp_path, store_dir, monkeypatch):
    """One bulk load per document, four at a time, and a changed article replacing its first version: the
    writer's threads leave the store as one load after another does."""
    import kg.corpus

    monkeypatch.setattr(kg.corpus, "LOAD_EVERY", 1)
    monkeypatch.setattr(kg.corpus, "writer_threads", lambda jobs: 4)
    build_store(INPUTS, tmp_path / "t", batch_size=1)
    assert dump(tmp_path / "t") == dump(store_dir)

    def news(path, texts):
        rows = [json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return path

    first = [
        "小米集团创始人雷军表示，小米与京东达成战略合作。",
        "腾讯投资了蔚来。",
        "京东发布财报。",
        "快手宣布与京东合作。",
    ]
    later = [first[0].replace("京东", "美团"), *first[1:3], first[3].replace("京东", "拼多多")]
    build_store([news(tmp_path / "a.jsonl", first)], tmp_path / "r", batch_size=1)
    replaced = build_store([news(tmp_path / "b.jsonl", later)], tmp_path / "r", batch_size=1)
    assert (replaced.replaced, replaced.unchanged) == (2, 2)
    monkeypatch.setattr(kg.corpus, "writer_threads", lambda jobs: 1)
    build_store([tmp_path / "a.jsonl"], tmp_path / "one_by_one")
    build_store([tmp_path / "b.jsonl"], tmp_path / "one_by_one")
    assert dump(tmp_path / "r") == dump(tmp_path / "one_by_one")


@pytest.mark.slow
def test_dask_build_on_a_two_worker_cluster_is_identical(tmp_path, store_dir):
    """Partitions sent back compressed, or written by the workers to a shared folder: the same store."""
    from distributed import LocalCluster

    shared = tmp_path / "shared"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build_store(INPUTS, tmp_path / "d", engine="dask", scheduler=cluster.scheduler_address, batch_size=2)
        build_store(
            INPUTS,
            tmp_path / "f",
            engine="dask",
            scheduler=cluster.scheduler_address,
            partition_dir=shared,
            batch_size=2,
        )
    assert dump(tmp_path / "d") == dump(tmp_path / "f") == dump(store_dir)
    assert list(shared.iterdir()) == []  # each partition removed once loaded


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["sent back", "shared folder"])
def test_a_clusters_batches_are_loaded_together(tmp_path, store_dir, monkeypatch, shared):
    """A cluster returns one partition per batch; they are loaded several at a time (every load of Oxigraph's
    adds files its compactions must merge), their files removed once loaded, and the store is the same."""
    import kg.corpus

    class InProcessCluster(kg.corpus._runner):  # a cluster's partitions, made here
        parallel = True

        def __enter__(self):
            if self.partition_dir is not None:
                Path(self.partition_dir).mkdir()
            return self

        def __exit__(self, *exc):
            pass

        def submit(self, docs):
            return kg.corpus.extract_partition(docs, self.config, self.partition_dir)

        def collect(self, partition):
            return kg.corpus.unpack(partition)

    loads = []
    original = Store.load_documents
    monkeypatch.setattr(
        Store, "load_documents", lambda self, *parts: (loads.append(1), original(self, *parts))
    )
    monkeypatch.setattr(kg.corpus, "_runner", InProcessCluster)
    monkeypatch.setattr(kg.corpus, "LOAD_EVERY", 3)
    folder = tmp_path / "parts" if shared else None
    build_store(INPUTS, tmp_path / "c", engine="dask", partition_dir=folder, batch_size=1)
    assert len(loads) == -(-N_DOCS // 3) < N_DOCS
    assert dump(tmp_path / "c") == dump(store_dir)
    assert folder is None or list(folder.iterdir()) == []


def test_cross_document_entities_are_one_node(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("京东集团宣布与快手达成战略合作。", encoding="utf-8")
    b.write_text("京东创始人刘强东表示，京东将继续投入。", encoding="utf-8")
    build_store([a, b], tmp_path / "s")
    with Store(tmp_path / "s", read_only=True) as store:
        rows = store.query('SELECT DISTINCT ?e WHERE { ?e rdfs:label "京东"@zh }').rows
        assert len(rows) == 1
        docs = store.query(
            'SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e rdfs:label "京东"@zh ; kg:mentionedIn ?a }'
        ).rows
        assert int(docs[0][0]) == 2


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    """The store's documents built into a Turtle file (once for the module's queries)."""
    out = tmp_path_factory.mktemp("file")
    built = CliRunner().invoke(
        main, ["build", str(EXAMPLE), str(ARTICLES), "--out", str(out), "--format", "turtle", "-q"]
    )
    assert built.exit_code == 0, built.output
    return out / "graph.ttl"


@pytest.mark.parametrize("query", sorted((ROOT / "examples" / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_the_same_queries_work_on_a_store_and_on_a_file(store_dir, graph_file, query):
    runner = CliRunner()
    on_file = runner.invoke(main, ["query", str(graph_file), str(query), "--format", "csv"])
    on_store = runner.invoke(main, ["query", str(store_dir), str(query), "--format", "csv"])
    assert on_store.exit_code == 0, on_store.output
    # the store labels an entity by its canonical (simplified) name; a file keeps a traditional-only article's script
    rows = lambda out: sorted(to_simplified(line) for line in out.splitlines()[1:])  # noqa: E731
    if query.stem in ("who_leads_what", "founders", "investments"):
        assert rows(on_store.output) == rows(on_file.output) and rows(on_file.output)


@pytest.mark.parametrize(
    "fmt,check",
    [
        ("turtle", lambda p: len(Graph().parse(p, format="turtle")) > 1000),
        ("trig", lambda p: len(list(Dataset().parse(p, format="trig").graphs())) >= N_DOCS),
        ("graphml", lambda p: nx.read_graphml(p).number_of_edges() > 20),
        ("jsonld", lambda p: len(Dataset().parse(p, format="json-ld")) > 1000),
    ],
)
def test_export_formats(store_dir, tmp_path, fmt, check):
    out = tmp_path / f"all.{fmt}"
    res = CliRunner().invoke(main, ["export", str(store_dir), "--format", fmt, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert check(str(out))


def test_not_a_store_is_a_one_line_error(tmp_path):
    (tmp_path / "x.txt").write_text("hello", encoding="utf-8")
    res = CliRunner().invoke(main, ["export", str(tmp_path), "--out", str(tmp_path / "o.ttl")])
    assert res.exit_code == 1 and "not a kg store" in res.output
    with pytest.raises(InputError, match="is not a kg store"):
        Store(tmp_path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on {port}")


def _sparql(port: int, query: str, path: str = "query") -> str:
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/{path}", data=data, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read().decode("utf-8")


@pytest.mark.slow  # starts a server
def test_serve_answers_sparql_over_http_and_refuses_updates(store_dir):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(store_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(port)
        csv_text = _sparql(
            port,
            "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?n WHERE { ?o schema:founder ?p . ?p rdfs:label ?n } ORDER BY ?n",
        )
        assert "沈一鸣" in csv_text and "吕志航" in csv_text
        update = urllib.request.Request(
            f"http://127.0.0.1:{port}/update", data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_push_to_a_graph_store_protocol_endpoint(store_dir, tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "target"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(port)
        res = CliRunner().invoke(
            main, ["push", str(store_dir), "--endpoint", f"http://127.0.0.1:{port}/store"]
        )
        assert res.exit_code == 0 and f"pushed {N_DOCS} graphs" in res.output
        counted = _sparql(port, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert counted.splitlines()[1].strip() == str(N_DOCS)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_push_to_nothing_is_a_one_line_error(store_dir):
    res = CliRunner().invoke(
        main, ["push", str(store_dir), "--endpoint", f"http://127.0.0.1:{_free_port()}/store"]
    )
    assert res.exit_code == 1 and "cannot connect" in res.output and res.output.count("\n") == 1


def test_nquads_escape_literals_an_rdf_parser_accepts():
    import pyoxigraph as ox
    from rdflib import Literal

    from kg.store import nt_term

    value = '第一行\n第二行\t"引号"\\反斜杠\r\x01'
    line = f"<https://a/s> <https://a/p> {nt_term(Literal(value, lang='zh'))} <https://a/g> .\n"
    store = ox.Store()
    store.load(line.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    assert [q.object.value for q in store] == [value]


def test_store_path_that_is_a_file_or_locked_is_a_one_line_error(tmp_path):
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(EXAMPLE), "--store", str(path)])
    assert res.exit_code == 1 and "is a file, not a store folder" in res.output
    with Store(tmp_path / "s"):
        with pytest.raises(InputError, match="cannot open the store"):
            Store(tmp_path / "s")


@pytest.mark.slow  # builds a store twice
def test_a_large_build_compacts_the_store_and_a_small_one_does_not(tmp_path, monkeypatch):
    import kg.corpus

    calls = []
    monkeypatch.setattr(Store, "optimize", lambda self: calls.append(self))
    monkeypatch.setattr(kg.corpus, "OPTIMIZE_AFTER", N_DOCS)
    lines = []
    build_store(INPUTS, tmp_path / "s", on_progress=lambda p: lines.append(p.line()))
    assert len(calls) == 1 and lines[-1].endswith("compacting the store…")
    monkeypatch.setattr(kg.corpus, "OPTIMIZE_AFTER", N_DOCS + 1)
    build_store(INPUTS, tmp_path / "t")
    assert len(calls) == 1


@pytest.mark.slow  # builds and compacts a store
def test_compaction_keeps_the_store_as_it_was(tmp_path, store_dir):
    build_store(INPUTS, tmp_path / "s")
    before = dump(tmp_path / "s")
    with Store(tmp_path / "s") as store:
        store.optimize()
    assert dump(tmp_path / "s") == before == dump(store_dir)
