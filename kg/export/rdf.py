"""RDF: each relation as a direct triple plus a statement node with qualifiers and provenance (Wikidata style)."""

from __future__ import annotations

import json
import re

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

OWL_SAME_AS = URIRef("http://www.w3.org/2002/07/owl#sameAs")


class _Terms:
    """A namespace whose terms are looked up once each (rdflib builds a new URIRef on every attribute access,
    and a corpus build asks for a hundred terms per document)."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str):
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


KG, RDF, RDFS, SDO, PROV, XSD = map(_Terms, (_KG, _RDF, _RDFS, _SDO, _PROV, _XSD))


def date_literal(value: str) -> Literal:
    """2020 → xsd:gYear, 2020-06 → xsd:gYearMonth, 2020-06-28 → xsd:date, --06-28 → xsd:gMonthDay."""
    for rx, dt in (
        (r"\d{4}-\d{2}-\d{2}", XSD.date),
        (r"\d{4}-\d{2}", XSD.gYearMonth),
        (r"\d{4}", XSD.gYear),
        (r"--\d{2}-\d{2}", XSD.gMonthDay),
    ):
        if re.fullmatch(rx, value):
            return Literal(value, datatype=dt)
    return Literal(value)


def decimal_literal(value: str) -> Literal:
    """xsd:decimal in canonical lexical form (300000000.0), which every RDF syntax keeps as is."""
    return Literal(value if "." in value else value + ".0", datatype=XSD.decimal)


def to_graph(kg: KnowledgeGraph, *, base: str) -> Graph:
    """The graph as an rdflib Graph with kg's prefixes bound."""
    g = Graph()
    for prefix, ns in (("kg", _KG._NS), ("schema", _SDO), ("prov", _PROV), ("xsd", _XSD), ("rdfs", _RDFS)):
        g.bind(prefix, ns)
    g.bind("kgid", Minter(base).base)
    g.addN((s, p, o, g) for s, p, o in triples(kg, base=base))
    return g


def triples(kg: KnowledgeGraph, *, base: str):
    """Every triple of the graph's RDF form (direct relations, statements, entities, figures, sentences)."""
    mint = Minter(base)
    g = _Sink()
    sentences: set[tuple[str, int]] = set()
    for doc in kg.articles():
        a = mint.article(doc.id)
        g.add((a, RDF.type, KG.Article))
        if doc.title:
            g.add((a, SDO.headline, Literal(doc.title, lang="zh")))
        if doc.url:
            g.add((a, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))
        if doc.date:
            g.add((a, SDO.datePublished, Literal(doc.date)))
        g.add((a, KG.source, Literal(doc.source)))
    for e in kg.entities():
        node = mint.entity(e.id)
        for t in e.types:
            g.add((node, RDF.type, CLASSES[t]))
        g.add((node, RDFS.label, Literal(e.label, lang="zh")))
        for alias in e.aliases:
            g.add((node, SDO.alternateName, Literal(alias, lang="zh")))
        for doc_id in sorted({m.document for m in e.mentions}):
            g.add((node, KG.mentionedIn, mint.article(doc_id)))
        g.add((node, KG.mentionCount, Literal(len(e.mentions))))
        if e.value:
            g.add((node, KG.dateValue, date_literal(e.value)))
        for scheme, value in e.ids:
            g.add((node, KG.identifier, Literal(f"{scheme}:{value}")))
            if scheme == "stock":
                g.add((node, KG.stockCode, Literal(value)))
            elif scheme == "wikidata":
                g.add((node, OWL_SAME_AS, URIRef(f"http://www.wikidata.org/entity/{value}")))
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
        g.add((node, KG.text, Literal(sent.text, lang="zh")))
        g.add((node, KG.document, mint.article(doc_id)))
        g.add((node, KG.sentenceIndex, Literal(index)))
        g.add((node, KG.startOffset, Literal(sent.start)))
        g.add((node, KG.endOffset, Literal(sent.end)))
    return g.items


def _sentence(doc, index: int):
    """A document's sentence by index (a graph read back from a store holds only its evidence sentences)."""
    if index < len(doc.sentences) and doc.sentences[index].index == index:
        return doc.sentences[index]
    return next(s for s in doc.sentences if s.index == index)


class _Sink:
    """Collects triples (the exporters decide how to store or print them)."""

    def __init__(self) -> None:
        self.items: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self.items.append(triple)


def _add_fact(g, mint: Minter, fact: Fact) -> None:
    pred = PREDICATES[fact.predicate]
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
        term = QUALIFIERS.get(key)
        if term is None:
            continue
        g.add((st, term, Literal(value == "true") if key == "former" else Literal(value, lang="zh")))
    g.add((st, KG.confidence, Literal(f"{fact.confidence:.2f}", datatype=XSD.decimal)))
    for rule in fact.rules:
        g.add((st, KG.rule, Literal(rule)))
    for ev in fact.evidence:
        g.add((st, PROV.wasDerivedFrom, mint.sentence(ev.document, ev.sentence)))


def _add_figure(g, mint: Minter, f) -> None:
    node = mint.figure(f.id)
    g.add((node, RDF.type, KG.Figure))
    g.add((node, RDFS.label, Literal(f"{f.measure or ''} {f.text}".strip(), lang="zh")))
    g.add((node, KG.value, decimal_literal(f.value)))
    if f.value_max is not None:
        g.add((node, KG.maxValue, decimal_literal(f.value_max)))
    g.add((node, KG.rawText, Literal(f.text, lang="zh")))
    g.add((node, KG.kind, Literal(f.kind)))
    if f.unit:
        g.add((node, KG.unit, Literal(f.unit)))
    if f.measure:
        g.add((node, KG.measure, Literal(f.measure, lang="zh")))
    if f.about:
        g.add((node, KG.about, mint.entity(f.about)))
    if f.time:
        g.add((node, KG.time, mint.entity(entity_id("Date", f.time))))
    for key, value in f.qualifiers:
        g.add(
            (
                node,
                FIGURE_QUALIFIERS[key],
                Literal(value == "true") if key == "approximate" else Literal(value),
            )
        )
    g.add((node, PROV.wasDerivedFrom, mint.sentence(f.evidence.document, f.evidence.sentence)))
    g.add((node, KG.spanStart, Literal(f.evidence.start)))
    g.add((node, KG.spanEnd, Literal(f.evidence.end)))


def to_turtle(kg: KnowledgeGraph, *, base: str) -> str:
    return to_graph(kg, base=base).serialize(format="turtle")


def to_ntriples(kg: KnowledgeGraph, *, base: str) -> str:
    """One line per triple, sorted; every character the N-Triples grammar (or a line-based reader) would take
    for a line end or a control is escaped."""
    lines = {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in triples(kg, base=base)}
    return "\n".join(sorted(lines)) + "\n"


# Escaped in N-Triples / N-Quads literals: the quote and backslash, and everything a reader may take for a line
# end or a control (C0 but tab, DEL, C1 with U+0085, U+2028, U+2029), as \n, \r or \uXXXX.
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def nt_term(term) -> str:
    """A term in N-Triples / N-Quads syntax (rdflib's n3() may write Turtle-only long strings)."""
    if type(term) is URIRef:  # most terms: checked first
        return f"<{term}>"
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


def to_jsonld(kg: KnowledgeGraph, *, base: str) -> str:
    g = to_graph(kg, base=base)
    data = json.loads(g.serialize(format="json-ld"))
    nodes = data if isinstance(data, list) else data.get("@graph", [])
    for node in nodes:
        for values in node.values():
            if isinstance(values, list):
                values.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: n.get("@id", ""))
    return json.dumps(nodes, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
