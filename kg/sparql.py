"""SPARQL over an exported graph: kg's prefixes predeclared, read-only unless asked, results as table/CSV/JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from .errors import InputError, QueryError
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


def load_graph(path: str | Path) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such graph file (expected .ttl, .nt, .jsonld, .nq or .trig)")
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF format {path.suffix!r} (expected {', '.join(RDF_FORMATS)})")
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types; all mean the same to a user
        raise InputError(str(path), f"not valid {fmt}: {str(exc).splitlines()[0][:200]}") from exc
    return g


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


def run_query(graph: Graph, query: str, *, allow_update: bool = False) -> QueryResult:
    """Run SELECT / ASK / CONSTRUCT / DESCRIBE; an UPDATE is refused unless ``allow_update``."""
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
        result = graph.query(prologue + query)
    except Exception as exc:
        raise _query_error(exc, offset_lines) from exc
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
    rows = [[term_text(t, short) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in rows]) for i, v in enumerate(result.variables)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(result.variables), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


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
            else:
                d = {"type": "literal", "value": str(term)}
                if term.language:
                    d["xml:lang"] = term.language
                elif term.datatype:
                    d["datatype"] = str(term.datatype)
                b[var] = d
        bindings.append(b)
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
