"""A persistent graph store: an embedded Oxigraph database with one named graph per document.

Each document's extraction is written as its own named graph (the article's IRI), holding its entities,
statements, figures and sentences, and the content hash of its text. Re-adding the same document is a no-op;
a changed document (same id, new text) replaces its graph. Entities have stable IRIs, so the union of the
named graphs is the cross-document graph. That union is kept, deduplicated, in the default graph (a triple
stated by two documents is there once), which is what queries read; ``GRAPH ?g`` reaches the provenance.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from .errors import InputError, KgError, MissingDependency, QueryError
from .export.rdf import nt_term
from .graph import KnowledgeGraph
from .guard import Expired, in_thread, refuse_deep, refuse_federation
from .model import DocumentResult
from .sparql import _UPDATE, QueryResult, _prologue_lines, _strip_comments
from .vocab import DEFAULT_BASE, KG, Minter

MARKER = "kg-store.txt"  # written in the store folder so kg can tell a store from any folder


def _ox():
    try:
        import pyoxigraph
    except ImportError:
        raise MissingDependency("pyoxigraph", extra="store") from None
    return pyoxigraph


def is_store(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """Open (or create) a store folder. Use as a context manager or call ``close``."""

    def __init__(self, path: str | Path, *, read_only: bool = False, base: str = DEFAULT_BASE) -> None:
        ox = _ox()
        self.path, self.base, self._mint, self.read_only = Path(path), base, Minter(base), read_only
        if self.path.exists() and not self.path.is_dir():
            raise InputError(str(self.path), "is a file, not a store folder")
        try:
            if read_only:
                if not is_store(self.path):
                    raise InputError(str(self.path), "not a kg store (create one with kg build --store)")
                self._db = ox.Store.read_only(str(self.path))
            else:
                if self.path.exists() and any(self.path.iterdir()) and not is_store(self.path):
                    raise InputError(
                        str(self.path), "folder exists and is not a kg store; choose an empty or new folder"
                    )
                self.path.mkdir(parents=True, exist_ok=True)
                self._db = ox.Store(str(self.path))
                (self.path / MARKER).write_text(f"kg store\nbase {base}\n", encoding="utf-8")
        except OSError as exc:  # RocksDB's lock: another process has the store open for writing
            raise InputError(
                str(self.path), f"cannot open the store ({str(exc).splitlines()[0][:160]})"
            ) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None and not self.read_only:
            self._db.flush()
        self._db = None

    # --- writing ---------------------------------------------------------------------------------
    def stored_hash(self, doc_id: str) -> str | None:
        ox = _ox()
        graph = ox.NamedNode(str(self._mint.article(doc_id)))
        for quad in self._db.quads_for_pattern(graph, ox.NamedNode(str(KG.contentHash)), None, graph):
            return quad.object.value
        return None

    def drop_document(self, doc_id: str) -> None:
        """Remove a document's graph, and from the union the triples no other document supports."""
        g = str(self._mint.article(doc_id))
        self._db.update(
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{g}>) }} }}"
        )
        self._db.remove_graph(_ox().NamedNode(g))

    def has_graph(self, doc_id: str) -> bool:
        return self._db.contains_named_graph(_ox().NamedNode(str(self._mint.article(doc_id))))

    def load_documents(self, data: str | bytes | Path, hashes: str | bytes | Path) -> None:
        """Load documents prepared by ``document_quads`` (text, or files of it): their graphs and their triples in
        the union (the default graph, a set), then their content hashes.

        Bulk loading keeps memory flat however large the store grows. The hashes go in last: a load
        interrupted half-way leaves no hashes, so its documents are extracted again next time."""
        ox = _ox()
        for part in (data, hashes):
            # lenient: the IRIs were checked when they were minted (kg.vocab), so the loader need not check them again
            if isinstance(part, Path):
                self._db.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS, lenient=True)
            else:
                raw = part.encode("utf-8") if isinstance(part, str) else part
                self._db.bulk_load(raw, format=ox.RdfFormat.N_QUADS, lenient=True)

    def optimize(self) -> None:
        """Compact the database after a large load: queries then read a few large files instead of many small
        ones (measured 2-3x faster on a 12,000-article store; it took 3.5 s)."""
        self._db.optimize()

    # --- reading ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._db)

    def documents(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs())

    def query(
        self,
        sparql: str,
        *,
        allow_update: bool = False,
        allow_federation: bool = False,
        timeout: float | None = None,
    ) -> QueryResult:
        """SPARQL on the store; an UPDATE is written to the store (only with ``allow_update``); SERVICE and LOAD
        are refused unless ``allow_federation``; after ``timeout`` seconds QueryError is raised (see ``in_thread``)."""
        if not allow_federation:
            refuse_federation(sparql)
        refuse_deep(sparql)
        prologue = "\n".join(_prologue_lines(sparql, self.base)) + "\n"
        if _UPDATE.match(_strip_comments(sparql)):
            if not allow_update:
                raise QueryError("this is an UPDATE; kg query is read-only unless you pass --update")
            try:
                in_thread(lambda cancelled: self._db.update(prologue + sparql), timeout)
            except SyntaxError as exc:
                raise QueryError(str(exc).splitlines()[0]) from exc
            return QueryResult((), (), updated=True)
        db = self._db

        def run(cancelled):
            return _convert(db.query(prologue + sparql), cancelled)

        try:
            return in_thread(run, timeout)
        except SyntaxError as exc:
            raise _oxigraph_error(exc, prologue.count("\n")) from exc

    def select_values(self, sparql: str) -> list[tuple[str | None, ...]]:
        """A SELECT's rows as plain strings (each term's value; None where unbound), with kg's prefixes: for
        readers of many rows, which need no RDF term objects (``kg.fromstore``)."""
        prologue = "\n".join(_prologue_lines(sparql, self.base)) + "\n"
        try:
            result = self._db.query(prologue + sparql)
        except SyntaxError as exc:
            raise _oxigraph_error(exc, prologue.count("\n")) from exc
        return [tuple(None if t is None else t.value for t in row) for row in result]

    def dump(self, fmt: str) -> bytes:
        """The whole store: 'nquads' or 'trig' keep the named graphs; 'nt' and 'turtle' merge them."""
        ox = _ox()
        formats = {
            "nquads": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG,
            "nt": ox.RdfFormat.N_TRIPLES,
            "turtle": ox.RdfFormat.TURTLE,
        }
        if fmt in ("nquads", "trig"):  # the document graphs, with their provenance (the union is derived)
            out = ox.Store()
            out.extend(q for q in self._db if not isinstance(q.graph_name, ox.DefaultGraph))
            return out.dump(format=formats[fmt])
        return self._db.dump(format=formats[fmt], from_graph=ox.DefaultGraph())


def document_quads(result: DocumentResult, *, base: str = DEFAULT_BASE) -> tuple[str, str]:
    """One document ready for ``Store.load_documents`` (workers produce this): its RDF as N-Quads in its own
    named graph followed by the same triples for the union, and apart, its content hash in that graph."""
    from .export.rdf import triples

    single = KnowledgeGraph()
    single.add(_canonical_labels(result))
    article = Minter(base).article(result.document.id)
    count = str(KG.mentionCount)
    triples_ = sorted(
        {f"{nt_term(s)} {nt_term(p)} {nt_term(o)}" for s, p, o in triples(single, base=base) if p != count}
    )
    graph = f" <{article}> .\n"
    data = graph.join(triples_) + graph + " .\n".join(triples_) + " .\n"
    digest = f'<{article}> <{KG.contentHash}> "{content_hash(result.document.text)}"{graph}'
    return data, digest


def _canonical_labels(result: DocumentResult) -> DocumentResult:
    """Across documents an entity needs one label: its canonical (simplified) name; the written form stays an alias."""
    entities = []
    for e in result.entities:
        canonical = e.label if e.type == "Date" else e.id.split("/", 1)[1]  # a date's id may hold its article
        if e.label != canonical:
            aliases = tuple(sorted((set(e.aliases) | {e.label}) - {canonical}))
            e = dataclasses.replace(e, label=canonical, aliases=aliases)
        entities.append(e)
    return dataclasses.replace(result, entities=tuple(entities))


def _oxigraph_error(exc: SyntaxError, offset_lines: int) -> QueryError:
    message = str(exc).splitlines()[0]
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", message)
    if m:
        return QueryError(m.group(3), line=max(1, int(m.group(1)) - offset_lines), column=int(m.group(2)))
    return QueryError(message)


def _convert(result, cancelled: threading.Event | None = None) -> QueryResult:
    """Query results as rdflib terms; reading rows stops when ``cancelled`` is set (the query timed out)."""
    ox = _ox()
    if (
        isinstance(result, bool) or type(result).__name__ == "QueryBoolean"
    ):  # pyoxigraph 0.4: bool; 0.5: QueryBoolean
        answer = bool(result)
        return QueryResult(("ask",), ((Literal(answer),),), boolean=answer)
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        seen: dict = {}  # result rows repeat terms (units, labels, sentences); each is converted once

        def term(value):
            converted = seen.get(value)
            if converted is None and value is not None:
                converted = seen[value] = _term(value)
            return converted

        found = []
        for solution in result:
            if cancelled is not None and cancelled.is_set():
                raise Expired
            found.append(tuple(term(value) for value in solution))
        return QueryResult(variables, tuple(found))
    rows = tuple(
        sorted(
            ((_term(t.subject), _term(t.predicate), _term(t.object)) for t in result),
            key=lambda r: tuple(str(x) for x in r),
        )
    )
    return QueryResult(("subject", "predicate", "object"), rows)


def _term(term):
    ox = _ox()
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise KgError(f"unexpected term {term!r}")


def export_store(store: Store, fmt: str, out_file: str | Path) -> int:
    """Write the store in ``fmt`` to ``out_file`` atomically; returns the number of bytes written."""
    from .export import atomic_write

    if fmt in ("turtle", "nt", "nquads", "trig"):
        data = store.dump(fmt)
    elif fmt == "jsonld":
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=store.dump("nquads").decode("utf-8"), format="nquads")
        data = ds.serialize(format="json-ld").encode("utf-8")
    elif fmt == "graphml":
        data = _graphml(store)
    else:
        raise KgError(f"unknown format {fmt!r}; choose from: turtle, nt, nquads, trig, jsonld, graphml")
    atomic_write(Path(out_file), data)
    return len(data)


def _graphml(store: Store) -> bytes:
    """Entities (label, type) and the direct relation triples, for network tools (Gephi, Cytoscape, networkx)."""
    import networkx as nx

    from .vocab import PREDICATES

    names = {str(v): k for k, v in PREDICATES.items() if k != "about"}
    g = nx.MultiDiGraph()
    rows = store.query(
        "SELECT ?e ?label ?type WHERE { ?e rdfs:label ?label ; a ?type ; kg:mentionedIn ?a }"
    ).rows
    for e, label, type_ in sorted(rows, key=lambda r: tuple(map(str, r))):
        g.add_node(str(e), label=str(label), type=str(type_).rsplit("#", 1)[-1])
    values = " ".join(f"<{iri}>" for iri in sorted(names))
    rows = store.query(
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o . FILTER(isIRI(?o)) }}"
    ).rows
    for s, p, o in sorted(rows, key=lambda r: tuple(map(str, r))):
        g.add_edge(str(s), str(o), key=names[str(p)], predicate=names[str(p)])
    return "\n".join(nx.generate_graphml(g)).encode("utf-8") + b"\n"
