"""RDF: each relation as a direct triple plus a statement node with qualifiers and provenance (Wikidata style).

Triples are made of plain terms: an IRI is a ``str``, a literal a ``Lit`` (lexical form, language, datatype),
which cost a fraction of rdflib's terms to make. ``to_graph`` gives the same triples as an rdflib Graph (for
SHACL and for the tests that compare the writers with rdflib's)."""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SDO as _SDO
from rdflib.namespace import XSD as _XSD

from ..graph import Fact, KnowledgeGraph
from ..resolve import entity_id
from ..vocab import CLASSES, FIGURE_QUALIFIERS, PREDICATES, QUALIFIERS, SYMMETRIC, Minter
from ..vocab import KG as _KG

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


class Lit(NamedTuple):
    """A literal: its lexical form, its language tag or "", its datatype IRI or "" (a plain string)."""

    value: str
    lang: str = ""
    datatype: str = ""


class _Terms:
    """A namespace's terms as plain strings, looked up once each."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        term = str(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


KG, RDF, RDFS, SDO, PROV, XSD = map(_Terms, (_KG, _RDF, _RDFS, _SDO, _PROV, _XSD))
_CLASSES = {name: str(iri) for name, iri in CLASSES.items()}
_PREDICATES = {name: str(iri) for name, iri in PREDICATES.items()}
_QUALIFIERS = {name: str(iri) for name, iri in QUALIFIERS.items()}
_FIGURE_QUALIFIERS = {name: str(iri) for name, iri in FIGURE_QUALIFIERS.items()}
_DATES = tuple(
    (re.compile(rx), str(dt))
    for rx, dt in (
        (r"\d{4}-\d{2}-\d{2}", _XSD.date),
        (r"\d{4}-\d{2}", _XSD.gYearMonth),
        (r"\d{4}", _XSD.gYear),
        (r"--\d{2}-\d{2}", _XSD.gMonthDay),
    )
)


def date_literal(value: str) -> Lit:
    """2020 → xsd:gYear, 2020-06 → xsd:gYearMonth, 2020-06-28 → xsd:date, --06-28 → xsd:gMonthDay."""
    for rx, dt in _DATES:
        if rx.fullmatch(value):
            return Lit(value, "", dt)
    return Lit(value)


def decimal_literal(value: str) -> Lit:
    """xsd:decimal in canonical lexical form (300000000.0), which every RDF syntax keeps as is."""
    return Lit(value if "." in value else value + ".0", "", XSD.decimal)


def _integer(value: int) -> Lit:
    return Lit(str(value), "", XSD.integer)


def _boolean(value: bool) -> Lit:
    return Lit("true" if value else "false", "", XSD.boolean)


def _zh(text: str) -> Lit:
    return Lit(text, "zh")


def rdflib_term(term: str | Lit) -> URIRef | Literal:
    """A plain term as rdflib's."""
    if isinstance(term, Lit):
        return Literal(
            term.value, lang=term.lang or None, datatype=URIRef(term.datatype) if term.datatype else None
        )
    return URIRef(term)


def to_graph(kg: KnowledgeGraph, *, base: str) -> Graph:
    """The graph as an rdflib Graph with kg's prefixes bound."""
    g = _bound_graph(base)
    g.addN((rdflib_term(s), rdflib_term(p), rdflib_term(o), g) for s, p, o in triples(kg, base=base))
    return g


def _bound_graph(base: str) -> Graph:
    g = Graph()
    for prefix, ns in (("kg", _KG._NS), ("schema", _SDO), ("prov", _PROV), ("xsd", _XSD), ("rdfs", _RDFS)):
        g.bind(prefix, ns)
    g.bind("kgid", Minter(base).base)
    return g


def triples(kg: KnowledgeGraph, *, base: str) -> list[tuple[str, str, str | Lit]]:
    """Every triple of the graph's RDF form (direct relations, statements, entities, figures, sentences)."""
    mint = Minter(base, term=str)
    g = _Sink()
    sentences: set[tuple[str, int]] = set()
    for doc in kg.articles():
        _add_article(g, mint, doc)
    for e in kg.entities():
        _add_entity(g, mint, e)
    for fact in kg.facts():
        _add_fact(g, mint, fact)
        sentences.update((ev.document, ev.sentence) for ev in fact.evidence)
    for f in kg.figures():
        _add_figure(g, mint, f)
        sentences.add((f.evidence.document, f.evidence.sentence))
    for doc_id, index in sorted(sentences):
        sent = _sentence(kg.documents[doc_id], index)
        node = mint.sentence(doc_id, index)
        g.add((node, RDF.type, KG.Sentence))
        g.add((node, KG.text, _zh(sent.text)))
        g.add((node, KG.document, mint.article(doc_id)))
        g.add((node, KG.sentenceIndex, _integer(index)))
        g.add((node, KG.startOffset, _integer(sent.start)))
        g.add((node, KG.endOffset, _integer(sent.end)))
    return g.items


def _add_article(g, mint: Minter, doc) -> None:
    a = mint.article(doc.id)
    g.add((a, RDF.type, KG.Article))
    if doc.title:
        g.add((a, SDO.headline, _zh(doc.title)))
    if doc.url:
        g.add((a, SDO.url, Lit(doc.url, "", XSD.anyURI)))
    if doc.date:
        g.add((a, SDO.datePublished, Lit(doc.date)))
    g.add((a, KG.source, Lit(doc.source)))


def _add_entity(g, mint: Minter, e) -> None:
    node = mint.entity(e.id)
    for t in e.types:
        g.add((node, RDF.type, _CLASSES[t]))
    g.add((node, RDFS.label, _zh(e.label)))
    for alias in e.aliases:
        g.add((node, SDO.alternateName, _zh(alias)))
    for doc_id in sorted({m.document for m in e.mentions}):
        g.add((node, KG.mentionedIn, mint.article(doc_id)))
    g.add((node, KG.mentionCount, _integer(len(e.mentions))))
    if e.value:
        g.add((node, KG.dateValue, date_literal(e.value)))
    for scheme, value in e.ids:
        g.add((node, KG.identifier, Lit(f"{scheme}:{value}")))
        if scheme == "stock":
            g.add((node, KG.stockCode, Lit(value)))
        elif scheme == "wikidata":
            g.add((node, OWL_SAME_AS, f"http://www.wikidata.org/entity/{value}"))


def _sentence(doc, index: int):
    """A document's sentence by index (a graph read back from a store holds only its evidence sentences)."""
    if index < len(doc.sentences) and doc.sentences[index].index == index:
        return doc.sentences[index]
    return next(s for s in doc.sentences if s.index == index)


class _Sink:
    """Collects triples (the exporters decide how to store or print them)."""

    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.add = self.items.append


def _add_fact(g, mint: Minter, fact: Fact) -> None:
    pred = _PREDICATES[fact.predicate]
    s = mint.node(fact.subject)
    o = date_literal(fact.object) if fact.literal else mint.node(fact.object)
    g.add((s, pred, o))
    if fact.predicate in SYMMETRIC and not fact.literal:
        g.add((o, pred, s))
    st = mint.statement(
        fact.subject, fact.predicate, fact.object, json.dumps(fact.qualifiers, ensure_ascii=False)
    )
    g.add((st, RDF.type, KG.Statement))
    g.add((st, KG.statementSubject, s))
    g.add((st, KG.statementPredicate, pred))
    g.add((st, KG.statementValue if fact.literal else KG.statementObject, o))
    for key, value in fact.qualifiers:
        term = _QUALIFIERS.get(key)
        if term is None:
            continue
        g.add((st, term, _boolean(value == "true") if key == "former" else _zh(value)))
    g.add((st, KG.confidence, Lit(f"{fact.confidence:.2f}", "", XSD.decimal)))
    for rule in fact.rules:
        g.add((st, KG.rule, Lit(rule)))
    for ev in fact.evidence:
        g.add((st, PROV.wasDerivedFrom, mint.sentence(ev.document, ev.sentence)))


def _add_figure(g, mint: Minter, f) -> None:
    node = mint.figure(f.id)
    g.add((node, RDF.type, KG.Figure))
    g.add((node, RDFS.label, _zh(f"{f.measure or ''} {f.text}".strip())))
    g.add((node, KG.value, decimal_literal(f.value)))
    if f.value_max is not None:
        g.add((node, KG.maxValue, decimal_literal(f.value_max)))
    g.add((node, KG.rawText, _zh(f.text)))
    g.add((node, KG.kind, Lit(f.kind)))
    if f.unit:
        g.add((node, KG.unit, Lit(f.unit)))
    if f.measure:
        g.add((node, KG.measure, _zh(f.measure)))
    if f.about:
        g.add((node, KG.about, mint.entity(f.about)))
    if f.time:
        g.add((node, KG.time, mint.entity(entity_id("Date", f.time))))
    for key, value in f.qualifiers:
        g.add(
            (
                node,
                _FIGURE_QUALIFIERS[key],
                _boolean(value == "true") if key == "approximate" else Lit(value),
            )
        )
    g.add((node, PROV.wasDerivedFrom, mint.sentence(f.evidence.document, f.evidence.sentence)))
    g.add((node, KG.spanStart, _integer(f.evidence.start)))
    g.add((node, KG.spanEnd, _integer(f.evidence.end)))


Triples = list[tuple[str, str, str | Lit]]


def to_turtle(kg: KnowledgeGraph, *, base: str, triples_: Triples | None = None) -> str:
    """Turtle, byte for byte as rdflib's serializer writes this graph (``kg.export.turtle``), in a fraction of
    its time. ``triples_``: the graph's ``triples``, when already made for another format."""
    from .turtle import write_turtle

    return write_turtle(triples(kg, base=base) if triples_ is None else triples_, base=base)


def to_ntriples(kg: KnowledgeGraph, *, base: str, triples_: Triples | None = None) -> str:
    """One line per triple, sorted; every character the N-Triples grammar (or a line-based reader) would take
    for a line end or a control is escaped."""
    made = triples(kg, base=base) if triples_ is None else triples_
    lines = {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in made}
    return "\n".join(sorted(lines)) + "\n"


# Escaped in N-Triples / N-Quads literals: the quote and backslash, and everything a reader may take for a line
# end or a control (C0 but tab, DEL, C1 with U+0085, U+2028, U+2029), as \n, \r or \uXXXX.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def nt_term(term) -> str:
    """A term (a plain one or rdflib's) in N-Triples / N-Quads syntax (rdflib's n3() may write Turtle-only long
    strings)."""
    kind = type(term)
    if kind is str or kind is URIRef:  # most terms: checked first
        return f"<{term}>"
    if kind is Lit:
        text = _NEEDS_ESCAPE.sub(_escape, term.value)
        if term.lang:
            return f'"{text}"@{term.lang}'
        if term.datatype:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    if isinstance(term, Literal):
        text = _NEEDS_ESCAPE.sub(_escape, str(term))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"
