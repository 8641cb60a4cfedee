"""kg: Chinese business and tech news → a knowledge graph with evidence (RDF, JSON, HTML, SPARQL).

>>> import kg
>>> graph = kg.build(["examples/qinglan_battery.txt"])
>>> kg.write(graph, "out/")
"""

from __future__ import annotations

__version__ = "0.3.0"

from .config import BuildConfig  # noqa: E402
from .errors import InputError, KgError, MissingDependency, OutputError, QueryError  # noqa: E402
from .graph import Fact, KnowledgeGraph  # noqa: E402
from .pipeline import build, build_from_texts, extract, extract_many  # noqa: E402


def write(graph: KnowledgeGraph, out_dir, *, formats=("turtle", "json", "html"), base: str | None = None):
    """Write the graph's outputs (graph.ttl, graph.json, graph.html, …) atomically into ``out_dir``."""
    from .export import write_outputs
    from .vocab import DEFAULT_BASE

    return write_outputs(graph, out_dir, formats=formats, base=base or DEFAULT_BASE)


def load(store_dir, *, focus: str | None = None, depth: int = 2) -> KnowledgeGraph:
    """A store's graph as a KnowledgeGraph, or with ``focus`` (a name or id) the neighbourhood of that entity."""
    from .fromstore import load_store
    from .store import Store

    with Store(store_dir, read_only=True) as store:
        return load_store(store, focus=focus, depth=depth)


def query(
    graph_file,
    sparql: str,
    *,
    allow_update: bool = False,
    allow_federation: bool = False,
    timeout: float | None = None,
):
    """Run SPARQL on an exported RDF file; returns a ``QueryResult``. SERVICE, LOAD and FROM are refused unless
    ``allow_federation``; ``timeout`` in seconds."""
    from .sparql import load_graph, run_query

    return run_query(
        load_graph(graph_file),
        sparql,
        allow_update=allow_update,
        allow_federation=allow_federation,
        timeout=timeout,
    )


__all__ = [
    "build",
    "build_from_texts",
    "extract",
    "extract_many",
    "write",
    "load",
    "query",
    "BuildConfig",
    "KnowledgeGraph",
    "Fact",
    "KgError",
    "InputError",
    "QueryError",
    "OutputError",
    "MissingDependency",
    "__version__",
]
