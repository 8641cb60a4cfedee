"""Shared fixtures: graphs built once per session, exported to Turtle, and queried with SPARQL."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# Where the environment turns bytecode caching off (PYTHONDONTWRITEBYTECODE), every test process would compile kg,
# rdflib and the test modules from source on every run: five seconds of a run of the fast suite here. The tests
# keep the cache; it is written under __pycache__, which git ignores.
sys.dont_write_bytecode = False

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    import kg

# kg and rdflib are imported where they are used: with xdist, the controlling process loads this file too but runs
# no test, and importing them there (half a second) delayed the start of the workers.

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = ROOT.parent / "shared" / "seed" / "000_dad6d5eae66523e8.txt"
EXAMPLE = ROOT / "examples" / "qinglan_battery.txt"

# Property tests draw the same cases on every run, so a red CI means the change broke something; KG_FUZZ_EXPLORE=1
# draws new cases (README, "Tests"), and what they find is pinned with @example.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("KG_FUZZ_EXPLORE") else "fixed")


def fixture_articles() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl"))


def expected_for(article: Path) -> dict:
    return json.loads(article.with_name(article.stem + ".expected.json").read_text(encoding="utf-8"))


class Exported:
    """A graph exported to Turtle and parsed back, with SPARQL helpers that use kg's prefixes."""

    def __init__(self, graph: kg.KnowledgeGraph) -> None:
        from rdflib import Graph

        from kg.export import render
        from kg.vocab import DEFAULT_BASE, PREFIXES

        self.graph = graph
        self.turtle = render(graph, "turtle", base=DEFAULT_BASE)
        self.rdf = Graph().parse(data=self.turtle, format="turtle")
        self.prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def ask(self, body: str) -> bool:
        return bool(self.rdf.query(self.prologue + "ASK { " + body + " }").askAnswer)

    def select(self, query: str) -> list[tuple]:
        return [
            tuple(str(x) if x is not None else None for x in row)
            for row in self.rdf.query(self.prologue + query)
        ]

    def labels(self) -> set[str]:
        return {row[0] for row in self.select("SELECT ?l WHERE { ?e rdfs:label ?l ; kg:mentionCount ?n }")}


@pytest.fixture(scope="session")
def seed_graph() -> Exported:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    import kg

    return Exported(kg.build([SEED]))


@pytest.fixture(scope="session")
def fixture_graphs() -> dict[str, Exported]:
    import kg

    return {p.name: Exported(kg.build([p])) for p in fixture_articles()}


@pytest.fixture(scope="session")
def example_graph() -> Exported:
    import kg

    return Exported(kg.build([EXAMPLE]))


_extracted_ahead: set[str] = set()  # modules whose batched cases were extracted


@pytest.fixture
def batched(request) -> None:
    """For a test whose cases extract their ``text`` parameter with ``helpers.result_of`` (or ``triples``): on the
    first such case of a module, the texts of all the cases of this run that use this fixture in the module are
    extracted together (``helpers.extract_ahead``), and each case then reads its own result. The same results as
    one by one (``extract_many`` is ``extract`` per document, test_crf), in a third of the time."""
    module = request.module
    if module.__name__ in _extracted_ahead:
        return
    _extracted_ahead.add(module.__name__)
    from helpers import extract_ahead

    extract_ahead(
        item.callspec.params["text"]
        for item in request.session.items
        if getattr(item, "module", None) is module
        and "batched" in item.fixturenames
        and hasattr(item, "callspec")
    )


def _processes_mentioning(text: str) -> dict[int, str]:
    """Processes (Linux /proc) whose command line mentions ``text``, this one aside."""
    found = {}
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        pid = int(cmdline.parent.name)
        if text in args and pid != os.getpid():
            try:
                state = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                found[pid] = args
    return found


@pytest.fixture(scope="session", autouse=True)
def no_server_is_left_running(tmp_path_factory):
    """After the tests, no server (kg serve, Oxigraph) started on a store of this run is still running."""
    yield
    if not Path("/proc/self/cmdline").exists():
        return
    base = str(tmp_path_factory.getbasetemp())
    deadline = time.monotonic() + 10  # a server being stopped may take a moment
    left = _processes_mentioning(base)
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = _processes_mentioning(base)
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # ours (their command lines name this run's folder): clean up, then fail
    assert not left, f"processes left running: {list(left.values())}"
