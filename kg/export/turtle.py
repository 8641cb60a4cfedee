"""Turtle written as rdflib's serializer writes kg's graphs, byte for byte, without building an rdflib Graph.

rdflib's layout (``rdflib.plugins.serializers.turtle``): the prefixes actually used, sorted; subjects ordered by
how often they are the object of a triple, then by IRI; per subject ``a`` (rdf:type) and rdfs:label first, then
the other predicates by IRI, each one's objects sorted; an IRI shortened to a prefixed name where rdflib's own
rules allow it (``rdflib.namespace.split_uri`` and the prefixes a new Graph binds, plus kg's). Graphs outside
what kg writes (a predicate in a namespace no prefix is bound to, bound namespaces nested so that rdflib would
pick a longer one, literals rdflib would not write plainly) are handed to rdflib itself, so the output is always
rdflib's. A test compares the two on the fixtures, the seed article and a synthetic corpus.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib.namespace import split_uri

from .rdf import RDF, RDFS, XSD, Lit

_PLAIN = {XSD.integer, XSD.boolean, XSD.double, XSD.decimal, "http://www.w3.org/2002/07/owl#rational"}
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # rdflib escapes a % that starts no %XX escape
_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`\x00-\x20]')


class _Unsupported(Exception):
    """A graph this writer does not claim to write as rdflib would: rdflib writes it."""


def write_turtle(triples: Iterable[tuple[str, str, str | Lit]], *, base: str) -> str:
    """``triples`` (plain terms, see ``kg.export.rdf``) as Turtle, identical to rdflib's ``serialize``."""
    triples = list(dict.fromkeys(triples))  # a graph is a set; first occurrence order does not matter below
    try:
        text = _Writer(base).write(triples)
    except _Unsupported:
        from .rdf import _bound_graph, rdflib_term

        g = _bound_graph(base)
        g.addN((rdflib_term(s), rdflib_term(p), rdflib_term(o), g) for s, p, o in triples)
        return g.serialize(format="turtle")
    # rdflib encodes with errors="replace": a lone surrogate (from a library caller's text) becomes "?"
    return text.encode("utf-8", "replace").decode("utf-8")


@functools.lru_cache(maxsize=16)
def _prefixes(base: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """namespace → prefix as a Graph of ``to_graph`` binds them, and every bound namespace."""
    from .rdf import _bound_graph

    bound = [(prefix, str(ns)) for prefix, ns in _bound_graph(base).namespaces()]
    namespaces = [ns for _, ns in bound]
    if len(set(namespaces)) != len(namespaces):
        return {}, ()  # one namespace under two prefixes: rdflib's choice between them is not modelled
    return {ns: prefix for prefix, ns in bound}, tuple(namespaces)


class _Writer:
    def __init__(self, base: str) -> None:
        self.prefix_of, self.bound = _prefixes(base)
        if not self.prefix_of:
            raise _Unsupported
        self.used: dict[str, str] = {}  # prefix → namespace, for the @prefix lines
        self.names: dict[str, str | None] = {}

    def write(self, triples: list[tuple[str, str, str | Lit]]) -> str:
        subjects: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        references: dict[object, int] = defaultdict(int)
        for s, p, o in triples:
            subjects[s][p].append(o)
            references[o] += 1
            # as rdflib's preprocess: every term's prefixed name is worked out (and its prefix declared) up front
            self.name(s)
            if p != RDF.type:
                self.name(p, verb=True)
            if not isinstance(o, Lit):
                self.name(o)
            elif o.datatype:
                self.name(o.datatype)
        out = [f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(self.used.items())]
        for s in sorted(subjects, key=lambda s: (references.get(s, 0), s)):
            out.append(self.block(s, subjects[s]))
        out.append("\n")
        return "".join(out)

    def block(self, subject: str, properties: dict[str, list]) -> str:
        order = [p for p in (RDF.type, RDFS.label) if p in properties]
        order += sorted(p for p in properties if p not in (RDF.type, RDFS.label))
        parts = []
        for p in order:
            verb = "a" if p == RDF.type else self.name(p, verb=True) or f"<{p}>"
            objects = [self.term(o) for o in _sorted(properties[p])]
            parts.append(verb + " " + ",\n        ".join(objects))
        return "\n" + self.iri(subject) + " " + " ;\n    ".join(parts) + " .\n"

    def iri(self, iri: str) -> str:
        return self.name(iri) or f"<{iri}>"

    def term(self, term: str | Lit) -> str:
        return _literal(term, self.name) if isinstance(term, Lit) else self.iri(term)

    def name(self, iri: str, *, verb: bool = False) -> str | None:
        """rdflib's ``get_pname``: a prefixed name, or None where the IRI stays whole."""
        if iri in self.names:
            return self.names[iri]
        if _NOT_IN_IRI.search(iri):
            raise _Unsupported  # rdflib refuses to write it; let it say so
        try:
            namespace, local = split_uri(iri)
        except ValueError:
            namespace, local = iri, ""
            if iri not in self.prefix_of:
                self.names[iri] = None
                return None
        if any(len(ns) > len(namespace) and iri.startswith(ns) for ns in self.bound):
            raise _Unsupported  # rdflib would pick the longer bound namespace
        prefix = self.prefix_of.get(namespace)
        if prefix is None:
            if verb:
                raise _Unsupported  # rdflib would make up a prefix (ns1) for it
            self.names[iri] = None
            return None
        local = _PERCENT.sub(r"\\%", local.replace("(", r"\(").replace(")", r"\)"))
        if local.endswith("."):
            self.names[iri] = None
            return None
        self.used[prefix] = namespace
        self.names[iri] = f"{prefix}:{local}"
        return self.names[iri]


def _sorted(objects: list) -> list:
    """A predicate's objects in rdflib's order: IRIs by text, strings of one language by text; other literals
    (typed ones compare by value, 2017 < 2022) by rdflib's own comparison, from the same first order."""
    if len(objects) == 1:
        return objects
    literals = [o for o in objects if type(o) is Lit]
    if not literals:
        return sorted(objects)
    kinds = {(o.lang, o.datatype) for o in literals}
    if len(literals) == len(objects) and len(kinds) == 1 and not next(iter(kinds))[1]:
        return sorted(objects, key=lambda o: o.value)
    from .rdf import rdflib_term

    return [o for _, o in sorted(((rdflib_term(o), o) for o in objects), key=lambda pair: pair[0])]


def _literal(lit: Lit, name) -> str:
    """rdflib's ``Literal._literal_n3(use_plain=True)``."""
    value, lang, datatype = lit
    if datatype in _PLAIN:
        if datatype == XSD.integer and _INTEGER.fullmatch(value):
            return value
        if datatype == XSD.decimal and _DECIMAL.fullmatch(value):
            return value if "." in value else value + ".0"
        if datatype == XSD.boolean and value in ("true", "false"):
            return value
        raise _Unsupported
    encoded = _quote(value)
    if lang:
        return f"{encoded}@{lang}"
    if datatype:
        return f"{encoded}^^{name(datatype) or f'<{datatype}>'}"
    return encoded


def _quote(text: str) -> str:
    """rdflib's ``Literal._quote_encode``: long strings (with a line break) in triple quotes."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        return '"""' + encoded.replace("\r", "\\r") + '"""'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") + '"'
