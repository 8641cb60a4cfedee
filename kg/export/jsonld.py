"""graph.jsonld: compact JSON-LD with kg's published context, embedded so that nothing is ever fetched.

The context is published as https://w3id.org/kg/context.jsonld (the file ``ontology/context.jsonld``, which
a test keeps equal to ``context()``): short names for kg's terms, ``@id`` typing for relations, typed
numbers, and Chinese (``zh``) as the language of plain strings. A graph's document is
``{"@context": [<the published context>, {"kgid": <base>}], "@graph": [...]}``, one node per subject, sorted.
"""

from __future__ import annotations

import functools
import json

from rdflib.namespace import RDF, XSD

from ..graph import KnowledgeGraph
from ..vocab import FIGURE_QUALIFIERS, KG_NS, PREDICATES, PREFIXES, QUALIFIERS, Minter
from .rdf import Lit, triples

CONTEXT_IRI = "https://w3id.org/kg/context.jsonld"
_IDS = ("mentionedIn", "document", "statementSubject", "statementPredicate", "statementObject", "time")
_INTEGERS = ("mentionCount", "sentenceIndex", "startOffset", "endOffset", "spanStart", "spanEnd")
_PLAIN = ("rule", "unit", "kind", "source", "contentHash", "bound", "modality", "comparison")
_ZH = ("text", "rawText", "measure")
_TYPE, _INTEGER, _BOOLEAN = str(RDF.type), str(XSD.integer), str(XSD.boolean)


def context() -> dict:
    """The published context: prefixes, then one term per kg property."""
    terms: dict[str, object] = {"@version": 1.1, "@language": "zh", "id": "@id", "type": "@type"}
    terms.update({p: ns for p, ns in sorted(PREFIXES.items())})
    terms["label"] = {"@id": "rdfs:label"}
    terms["alternateName"] = {"@id": "schema:alternateName"}
    terms["headline"] = {"@id": "schema:headline"}
    terms["url"] = {"@id": "schema:url", "@type": "xsd:anyURI"}
    terms["datePublished"] = {"@id": "schema:datePublished", "@language": None}
    terms["wasDerivedFrom"] = {"@id": "prov:wasDerivedFrom", "@type": "@id"}
    for name, iri in sorted(PREDICATES.items()):
        terms[name] = (
            {"@id": _short(str(iri))} if name == "foundingDate" else {"@id": _short(str(iri)), "@type": "@id"}
        )
    for name, iri in sorted({**QUALIFIERS, **FIGURE_QUALIFIERS}.items()):
        key = "dateText" if name == "text" else name
        terms[key] = {"@id": _short(str(iri))}
        if name in ("bound", "modality", "comparison"):
            terms[key] = {"@id": _short(str(iri)), "@language": None}
    for name in _IDS:
        terms[name] = {"@id": f"kg:{name}", "@type": "@id"}
    for name in _INTEGERS:
        terms[name] = {"@id": f"kg:{name}"}
    for name in _PLAIN:
        terms[name] = {"@id": f"kg:{name}", "@language": None}
    for name in _ZH:
        terms[name] = {"@id": f"kg:{name}"}
    terms["confidence"] = {"@id": "kg:confidence", "@type": "xsd:decimal"}
    terms["value"] = {"@id": "kg:value", "@type": "xsd:decimal"}
    terms["dateValue"] = {"@id": "kg:dateValue"}
    terms["statementValue"] = {"@id": "kg:statementValue"}
    return terms


def context_document() -> str:
    """ontology/context.jsonld as published."""
    return json.dumps({"@context": context()}, ensure_ascii=False, indent=1) + "\n"


@functools.lru_cache(maxsize=4096)
def _short(iri: str) -> str:
    for prefix, ns in _LONGEST_FIRST:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


_LONGEST_FIRST = tuple(sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])))


class _Compactor:
    """Turns (predicate, object) pairs into a term and a compact JSON value, following ``context()``."""

    def __init__(self, base: str) -> None:
        self.base = base
        ctx = context()
        self.terms: dict[str, tuple[str, dict]] = {}
        for term, definition in ctx.items():
            if isinstance(definition, dict):
                self.terms[self._expand(definition["@id"], ctx)] = (term, definition)

    @staticmethod
    def _expand(curie: str, ctx: dict) -> str:
        prefix, _, rest = curie.partition(":")
        return str(ctx[prefix]) + rest if prefix in ctx and isinstance(ctx[prefix], str) else curie

    def iri(self, iri: str) -> str:
        if iri.startswith(self.base):
            return "kgid:" + iri[len(self.base) :]
        return _short(iri)

    def term(self, predicate: str) -> tuple[str, dict]:
        return self.terms.get(predicate, (self.iri(predicate), {}))

    def value(self, obj, definition: dict):
        """A plain term (``kg.export.rdf``: an IRI is a str, a literal a ``Lit``) as a compact JSON value."""
        if not isinstance(obj, Lit):
            return self.iri(obj) if definition.get("@type") == "@id" else {"@id": self.iri(obj)}
        text, lang, dtype = obj.value, obj.lang or None, obj.datatype or None
        typed = definition.get("@type")
        if typed and dtype is not None and _short(dtype) == typed:
            return text
        language = definition.get("@language", "zh")  # the context's default applies unless the term says
        if typed is None:
            if lang is not None and lang == language or lang is None and dtype is None and language is None:
                return text
            if dtype == _INTEGER:
                return int(text)
            if dtype == _BOOLEAN:
                return text == "true"
        out: dict[str, object] = {"@value": text}  # a value object: the default language does not apply
        if lang:
            out["@language"] = lang
        elif dtype is not None:
            out["@type"] = _short(dtype)
        return out


def to_jsonld(kg: KnowledgeGraph, *, base: str, triples_: list | None = None) -> str:
    """``triples_``: the graph's ``kg.export.rdf.triples``, when already made for another format."""
    mint = Minter(base)
    compact = _Compactor(mint.base)
    nodes: dict[str, dict[str, list]] = {}
    for s, p, o in triples(kg, base=base) if triples_ is None else triples_:
        node = nodes.setdefault(compact.iri(s), {})
        if p == _TYPE and not isinstance(o, Lit):
            node.setdefault("type", []).append(compact.iri(o))
            continue
        term, definition = compact.term(p)
        node.setdefault(term, []).append(compact.value(o, definition))
    graph = []
    for node_id in sorted(nodes):
        item: dict[str, object] = {"id": node_id}
        for key, values in sorted(nodes[node_id].items()):
            if len(values) == 1:  # as the round trip below leaves it: a value object's keys sorted
                value = values[0]
                item[key] = dict(sorted(value.items())) if isinstance(value, dict) else value
                continue
            unique = sorted({json.dumps(v, ensure_ascii=False, sort_keys=True) for v in values})
            decoded = [json.loads(v) for v in unique]
            item[key] = decoded[0] if len(decoded) == 1 else decoded
        graph.append(item)
    document = {"@context": [context(), {"kgid": mint.base}], "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


__all__ = ["CONTEXT_IRI", "KG_NS", "context", "context_document", "to_jsonld"]
