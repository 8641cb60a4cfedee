"""A persistent graph store: an embedded Oxigraph database with one named graph per document.

Each document's extraction is written as its own named graph (the article's IRI), holding its entities,
statements, figures and sentences, and the content hash of its text. Re-adding the same document is a no-op;
a changed document (same id, new text) replaces its graph. Entities have stable IRIs, so the union of the
named graphs is the cross-document graph that SPARQL queries see (``use_default_graph_as_union``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from .errors import InputError, KgError, MissingDependency, QueryError
from .graph import KnowledgeGraph
from .model import DocumentResult
from .query import _UPDATE, QueryResult, _prologue_lines, _strip_comments
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


@dataclass(frozen=True)
class AddOutcome:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


class Store:
    """Open (or create) a store folder. Use as a context manager or call ``close``."""

    def __init__(self, path: str | Path, *, read_only: bool = False, base: str = DEFAULT_BASE) -> None:
        ox = _ox()
        self.path, self.base, self._mint, self.read_only = Path(path), base, Minter(base), read_only
        if read_only:
            if not is_store(self.path):
                raise InputError(str(self.path), "not a kg store (create one with kg build --store)")
            self._db = ox.Store.read_only(str(self.path))
        else:
            if self.path.exists() and any(self.path.iterdir()) and not is_store(self.path):
                raise InputError(str(self.path), "folder exists and is not a kg store; choose an empty or new folder")
            self.path.mkdir(parents=True, exist_ok=True)
            self._db = ox.Store(str(self.path))
            (self.path / MARKER).write_text(f"kg store\nbase {base}\n", encoding="utf-8")

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

    def add(self, result: DocumentResult) -> str:
        """Write one document's graph; returns 'added', 'replaced' or 'unchanged'."""
        doc = result.document
        digest = content_hash(doc.text)
        previous = self.stored_hash(doc.id)
        if previous == digest:
            return "unchanged"
        self.load_nquads(document_nquads(result, base=self.base), replace=doc.id if previous else None)
        return "replaced" if previous else "added"

    def load_nquads(self, data: str, *, replace: str | None = None) -> None:
        ox = _ox()
        if replace is not None:
            self._db.remove_graph(ox.NamedNode(str(self._mint.article(replace))))
        self._db.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    def drop_document(self, doc_id: str) -> None:
        self._db.remove_graph(_ox().NamedNode(str(self._mint.article(doc_id))))

    def load_file(self, path: str | Path) -> None:
        self._db.bulk_load(path=str(path), format=_ox().RdfFormat.N_QUADS)

    def add_all(self, results) -> AddOutcome:
        counts = {"added": 0, "replaced": 0, "unchanged": 0}
        for result in results:
            counts[self.add(result)] += 1
        return AddOutcome(**counts)

    # --- reading ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._db)

    def documents(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs())

    def query(self, sparql: str, *, allow_update: bool = False) -> QueryResult:
        prologue = "\n".join(_prologue_lines(sparql, self.base)) + "\n"
        if _UPDATE.match(_strip_comments(sparql)):
            if not allow_update:
                raise QueryError("this is an UPDATE; kg query is read-only unless you pass --update")
            try:
                self._db.update(prologue + sparql)
            except SyntaxError as exc:
                raise QueryError(str(exc).splitlines()[0]) from exc
            return QueryResult((), (), updated=True)
        try:
            result = self._db.query(prologue + sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise _oxigraph_error(exc, prologue.count("\n")) from exc
        return _convert(result)

    def dump(self, fmt: str) -> bytes:
        """The whole store: 'nquads' or 'trig' keep the named graphs; 'nt' and 'turtle' merge them."""
        ox = _ox()
        formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
                   "turtle": ox.RdfFormat.TURTLE}
        if fmt in ("nquads", "trig"):
            return self._db.dump(format=formats[fmt])
        merged = ox.Store()
        merged.extend(ox.Quad(q.subject, q.predicate, q.object) for q in self._db)
        return merged.dump(format=formats[fmt], from_graph=ox.DefaultGraph())


def document_nquads(result: DocumentResult, *, base: str = DEFAULT_BASE) -> str:
    """One document's RDF as N-Quads in its own named graph, with its content hash (workers produce this)."""
    from .export.rdf import to_graph

    single = KnowledgeGraph()
    single.add(result)
    g = to_graph(single, base=base)
    mint = Minter(base)
    article = mint.article(result.document.id)
    g.add((article, KG.contentHash, Literal(content_hash(result.document.text))))
    graph_iri = f"<{article}>"
    lines = sorted({f"{_nt(s)} {_nt(p)} {_nt(o)} {graph_iri} ." for s, p, o in g if p != KG.mentionCount})
    return "\n".join(lines) + "\n"


def _nt(term) -> str:
    return term.n3()


def _oxigraph_error(exc: SyntaxError, offset_lines: int) -> QueryError:
    message = str(exc).splitlines()[0]
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", message)
    if m:
        return QueryError(m.group(3), line=max(1, int(m.group(1)) - offset_lines), column=int(m.group(2)))
    return QueryError(message)


def _convert(result) -> QueryResult:
    ox = _ox()
    if isinstance(result, bool):
        return QueryResult(("ask",), ((Literal(result),),), boolean=result)
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term(solution[v]) for v in variables) for solution in result)
        return QueryResult(variables, rows)
    rows = tuple(sorted(((_term(t.subject), _term(t.predicate), _term(t.object)) for t in result),
                        key=lambda r: tuple(str(x) for x in r)))
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
