"""SPARQL over an exported graph: kg's prefixes predeclared, read-only unless asked, results as table/CSV/JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from .errors import InputError, QueryError
from .guard import (
    Expired,
    deadline,
    in_thread,
    refuse_deep,
    refuse_entities,
    refuse_federation,
    refuse_remote_contexts,
)
from .vocab import DEFAULT_BASE, PREFIXES

RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".nq": "nquads",
    ".trig": "trig",
    ".rdf": "xml",
}
OUTPUT_FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class QueryResult:
    variables: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]  # rdflib terms or None
    boolean: bool | None = None
    updated: bool = False

    def __iter__(self):
        """The rows, each a tuple of terms in the order of ``variables``."""
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dataframe(self):
        """A pandas DataFrame, one column per variable (needs kg[notebook])."""
        from .frames import result_dataframe

        return result_dataframe(self)


class FileGraph:
    """An RDF file loaded into an in-memory Oxigraph store: what ``kg query FILE`` queries. Oxigraph parses a
    12 MB Turtle file about 20x faster than rdflib and answers queries faster too (issue 14)."""

    def __init__(self, store, *, kgid: str, quads: bool) -> None:
        self.store, self.kgid, self.quads = store, kgid, quads

    def __len__(self) -> int:
        return len(self.store)


_OX_FORMATS = {
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "json-ld": "JSON_LD",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "xml": "RDF_XML",
}
_KGID = re.compile(r"(?im)^\s*@?prefix\s+kgid:\s*<([^>]*)>")


def load_graph(path: str | Path) -> FileGraph:
    """Parse an RDF file with Oxigraph, refusing what would make the parser reach out or blow up: a JSON-LD
    ``@context`` that is not inline (it would be fetched) and an RDF/XML entity declaration (expanded, a few
    nested ones take minutes and gigabytes)."""
    import pyoxigraph as ox

    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such graph file (expected .ttl, .nt, .jsonld, .nq or .trig)")
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF format {path.suffix!r} (expected {', '.join(RDF_FORMATS)})")
    data = path.read_bytes()
    if fmt == "xml":
        refuse_entities(data, str(path))
    kgid = DEFAULT_BASE
    if fmt == "json-ld":
        kgid = refuse_remote_contexts(data, str(path)) or kgid
    elif fmt in ("turtle", "trig"):
        found = _KGID.search(data.decode("utf-8", "replace"))
        kgid = found.group(1) if found else kgid
    store = ox.Store()
    try:
        store.load(data, format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]), base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(str(path), f"not valid {fmt}: {str(exc).splitlines()[0][:200]}") from exc
    return FileGraph(store, kgid=kgid, quads=fmt in ("nquads", "trig"))


def read_query(text_or_path: str) -> str:
    """A query string, or the content of a .rq/.sparql file."""
    candidate = Path(text_or_path)
    if (
        len(text_or_path) < 4096
        and "\n" not in text_or_path
        and candidate.suffix in (".rq", ".sparql", ".txt")
    ):
        if not candidate.is_file():
            raise InputError(text_or_path, "no such query file")
        return candidate.read_text(encoding="utf-8")
    return text_or_path


def _prologue_lines(query: str, kgid: str = DEFAULT_BASE) -> list[str]:
    """PREFIX lines for kg's prefixes that the query does not declare itself."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    prefixes = {**PREFIXES, "kgid": kgid}
    return [f"PREFIX {p}: <{ns}>" for p, ns in sorted(prefixes.items()) if p not in declared]


def _prologue(query: str, graph: Graph) -> str:
    kgid = next((str(ns) for prefix, ns in graph.namespaces() if prefix == "kgid"), DEFAULT_BASE)
    return "\n".join(_prologue_lines(query, kgid)) + "\n"


_UPDATE = re.compile(
    r"(?is)^\s*(?:(?:PREFIX|BASE)\s+[^\n]*\n\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b"
)


def run_query(
    graph: FileGraph | Graph,
    query: str,
    *,
    allow_update: bool = False,
    allow_federation: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run SELECT / ASK / CONSTRUCT / DESCRIBE on a loaded file (or an rdflib Graph); an UPDATE is refused unless
    ``allow_update`` (it changes the copy in memory); SERVICE, LOAD and FROM unless ``allow_federation``;
    ``timeout`` seconds at most."""
    if not allow_federation:
        refuse_federation(query, dataset_clauses=True)
    refuse_deep(query)
    if isinstance(graph, FileGraph):
        return _run_oxigraph(graph, query, allow_update, timeout)
    with deadline(timeout):
        return _run(graph, query, allow_update)


def _run_oxigraph(graph: FileGraph, query: str, allow_update: bool, timeout: float | None) -> QueryResult:
    from .store import _convert, _oxigraph_error

    prologue = "\n".join(_prologue_lines(query, graph.kgid)) + "\n"
    store, union = graph.store, graph.quads  # named graphs of a .nq/.trig file are queried as one graph
    try:
        if _UPDATE.match(_strip_comments(query)):
            if not allow_update:
                raise QueryError("this is an UPDATE; kg query is read-only unless you pass --update")
            in_thread(lambda cancelled: store.update(prologue + query), timeout)
            return QueryResult((), (), updated=True)

        def run(cancelled: threading.Event) -> QueryResult:
            solutions = store.query(prologue + query, use_default_graph_as_union=union)
            try:
                return _convert(solutions, cancelled)
            except Expired:
                pass
            finally:
                del solutions  # dropped in this thread: pyoxigraph's results may not cross threads
            raise Expired

        return in_thread(run, timeout)
    except SyntaxError as exc:
        raise _oxigraph_error(exc, prologue.count("\n")) from exc
    except (OSError, RuntimeError, ValueError) as exc:  # a SERVICE that failed, an evaluation error
        raise QueryError(str(exc).splitlines()[0][:200] or type(exc).__name__) from exc


def _run(graph: Graph, query: str, allow_update: bool) -> QueryResult:
    prologue = _prologue(query, graph)
    offset_lines = prologue.count("\n")
    if _UPDATE.match(_strip_comments(query)):
        if not allow_update:
            raise QueryError("this is an UPDATE; kg query is read-only unless you pass --update")
        try:
            graph.update(prologue + query)
        except Exception as exc:
            raise _query_error(exc, offset_lines) from exc
        return QueryResult((), (), updated=True)
    try:
        return _rows(graph.query(prologue + query))  # rdflib evaluates lazily: errors come while reading rows
    except Exception as exc:
        raise _query_error(exc, offset_lines) from exc


def _rows(result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult(("ask",), ((Literal(bool(result.askAnswer)),),), boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = tuple(sorted((tuple(t) for t in result.graph), key=lambda t: tuple(str(x) for x in t)))
        return QueryResult(("subject", "predicate", "object"), rows)
    variables = tuple(str(v) for v in result.vars)
    return QueryResult(variables, tuple(tuple(row) for row in result))


def _strip_comments(query: str) -> str:
    return re.sub(r"(?m)#[^\n<>\"]*$", "", query)


def _query_error(exc: Exception, offset_lines: int) -> QueryError:
    line = getattr(exc, "lineno", None) or getattr(exc, "line", None)
    col = getattr(exc, "col", None) or getattr(exc, "column", None)
    message = str(getattr(exc, "msg", None) or exc).splitlines()[0][:200]
    if isinstance(line, int):
        return QueryError(
            message, line=max(1, line - offset_lines), column=col if isinstance(col, int) else None
        )
    return QueryError(message)


def term_text(term: object, prefixes: dict[str, str] | None = None) -> str:
    """A term as text; with ``prefixes``, IRIs are shortened to prefix:rest for reading."""
    if term is None:
        return ""
    if isinstance(term, URIRef) and prefixes:
        for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
            if str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns) :]}"
    return str(term)


# Characters a terminal acts on instead of showing: C0 controls (ESC starts colour and cursor sequences), DEL,
# C1 controls (U+009B is a one-character CSI), and the bidirectional overrides that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: each control character is shown as its escape (\\x1b, \\u202e)."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; choose from: {', '.join(OUTPUT_FORMATS)}")
    if result.updated:
        return "update applied\n"
    if fmt == "json":
        return json.dumps(_sparql_json(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        rows = [[term_text(t) for t in row] for row in result.rows]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(rows)
        return buf.getvalue()
    short = {**PREFIXES, "kgid": DEFAULT_BASE}
    rows = [[_cell(term_text(t, short)) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(result.variables)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(result.variables), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """A table cell: one line, nothing a terminal would act on."""
    return printable(text.replace("\n", " ").replace("\t", " ").replace("\r", " "))


def _sparql_json(result: QueryResult) -> dict:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    bindings = []
    for row in result.rows:
        b = {}
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, URIRef):
                b[var] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                b[var] = {"type": "bnode", "value": str(term)}
            elif isinstance(term, Literal):
                d = {"type": "literal", "value": str(term)}
                if term.language:
                    d["xml:lang"] = term.language
                elif term.datatype:
                    d["datatype"] = str(term.datatype)
                b[var] = d
        bindings.append(b)
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
