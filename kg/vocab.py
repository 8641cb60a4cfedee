"""RDF vocabulary: closed namespaces mirroring ontology/kg.ttl, and the only place IRIs are minted."""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD, DefinedNamespace, Namespace

from .model import ENTITY_TYPES

KG_NS = "https://w3id.org/kg/ontology#"
DEFAULT_BASE = "https://w3id.org/kg/id/"


class KG(DefinedNamespace):
    """kg's own terms. A misspelt term raises AttributeError (``_fail``), and a test checks this list against kg.ttl."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Person: URIRef
    Company: URIRef
    Organization: URIRef
    GovernmentOrganization: URIRef
    MediaOrganization: URIRef
    BusinessUnit: URIRef
    Platform: URIRef
    Product: URIRef
    Programme: URIRef
    Place: URIRef
    Date: URIRef
    Article: URIRef
    Sentence: URIRef
    Statement: URIRef
    Figure: URIRef
    # relations without a schema.org term
    leads: URIRef
    partner: URIRef
    investsIn: URIRef
    acquired: URIRef
    productOf: URIRef
    sellsOn: URIRef
    about: URIRef
    # statements, qualifiers and provenance
    statementSubject: URIRef
    statementPredicate: URIRef
    statementObject: URIRef
    statementValue: URIRef
    title: URIRef
    former: URIRef
    amount: URIRef
    round: URIRef
    stake: URIRef
    role: URIRef
    dateText: URIRef
    status: URIRef
    confidence: URIRef
    rule: URIRef
    mentionedIn: URIRef
    mentionCount: URIRef
    identifier: URIRef
    stockCode: URIRef
    # sentences
    text: URIRef
    document: URIRef
    sentenceIndex: URIRef
    startOffset: URIRef
    endOffset: URIRef
    spanStart: URIRef
    spanEnd: URIRef
    # figures and dates
    value: URIRef
    maxValue: URIRef
    unit: URIRef
    measure: URIRef
    kind: URIRef
    rawText: URIRef
    time: URIRef
    bound: URIRef
    modality: URIRef
    approximate: URIRef
    comparison: URIRef
    dateValue: URIRef
    source: URIRef
    contentHash: URIRef


# kg predicate name (as in JSON) → RDF term. schema.org where it has the term.
PREDICATES: dict[str, URIRef] = {
    "founder": SDO.founder,
    "leads": KG.leads,
    "worksFor": SDO.worksFor,
    "parentOrganization": SDO.parentOrganization,
    "partner": KG.partner,
    "investsIn": KG.investsIn,
    "acquired": KG.acquired,
    "productOf": KG.productOf,
    "location": SDO.location,
    "sellsOn": KG.sellsOn,
    "author": SDO.author,
    "editor": SDO.editor,
    "publisher": SDO.publisher,
    "foundingDate": SDO.foundingDate,
    "about": KG.about,
}
SYMMETRIC = frozenset({"partner"})
QUALIFIERS: dict[str, URIRef] = {
    "title": KG.title,
    "former": KG.former,
    "amount": KG.amount,
    "role": KG.role,
    "text": KG.dateText,
    "status": KG.status,
    "round": KG.round,
    "stake": KG.stake,
}
FIGURE_QUALIFIERS: dict[str, URIRef] = {
    "bound": KG.bound,
    "modality": KG.modality,
    "approximate": KG.approximate,
    "comparison": KG.comparison,
}
CLASSES: dict[str, URIRef] = {name: getattr(KG, name) for name in ENTITY_TYPES}
PREFIXES = {
    "kg": KG_NS,
    "schema": str(SDO),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
}

# Characters that may not appear raw in an IRI path segment (RFC 3987 excludes these; '/' separates our segments).
_SAFE = "/-._~!$&'()*+,;=:@"


# RFC 3987 ucschar: the non-ASCII code points an IRI may carry unescaped (not U+FFFD, controls or private use).
# Planes 1-13 whole but their last two code points; plane 14 only from U+E1000 (the tag characters before it are out).
_UCSCHAR = (
    ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF))
    + tuple((plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000))
    + ((0xE1000, 0xEFFFD),)
)


def _ucschar(ch: str) -> bool:
    code = ord(ch)
    return code > 127 and not ch.isspace() and any(lo <= code <= hi for lo, hi in _UCSCHAR)


# Paths made only of these stay as they are (ASCII letters and digits, /-._~, the CJK ideographs): the common case,
# checked at once; anything else goes character by character.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/\-._~\u3400-\u4dbf\u4e00-\u9fff]*")


@functools.lru_cache(maxsize=65536)
def _encode_path(path: str) -> str:
    """Keep non-ASCII letters readable where an IRI allows them (RFC 3987 ucschar); percent-encode the rest."""
    if _PLAIN_PATH.fullmatch(path):
        return path
    return "".join(ch if _ucschar(ch) else quote(ch, safe=_SAFE) for ch in path)


MAX_ID_IRI = (
    200  # characters of an encoded document id in an IRI; a longer one is cut and given a hash suffix
)


@functools.lru_cache(maxsize=65536)
def encode_document_id(doc_id: str) -> str:
    """A document id as one IRI path segment, reversibly: letters, digits, ``-._`` and non-ASCII letters stay,
    everything else is percent-encoded (``news/1`` → ``news%2F1``, ``news:1`` → ``news%3A1``), so different ids
    give different IRIs and ``urllib.parse.unquote`` gives the id back. An id whose encoding is longer than
    ``MAX_ID_IRI`` keeps its first part and ends in ``~`` and a hash of the whole id (``~`` never occurs otherwise).
    """
    encoded = "".join(
        ch if (ch.isascii() and (ch.isalnum() or ch in "-._")) or _ucschar(ch) else _percent(ch)
        for ch in doc_id
    )
    if encoded in ("", ".", ".."):  # not a path segment of its own ("." and ".." are removed from IRI paths)
        encoded = "".join(_percent(ch) for ch in doc_id)
    if len(encoded) <= MAX_ID_IRI:
        return encoded
    cut = MAX_ID_IRI - 17
    if "%" in encoded[cut - 2 : cut]:  # do not split a %XX escape
        cut = encoded.rindex("%", cut - 2, cut)
    return encoded[:cut] + "~" + hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:16]


def _percent(ch: str) -> str:
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))


class Minter:
    """Mints IRIs under one base: entities by family and name, articles, sentences, statements, figures."""

    def __init__(self, base: str = DEFAULT_BASE, *, term=URIRef) -> None:
        """``term`` makes each IRI from its text: rdflib's URIRef, or ``str`` for the exporters' plain terms."""
        if not base.startswith(("http://", "https://", "urn:")):
            raise ValueError(f"IRI base must start with http://, https:// or urn: (got {base!r})")
        bad = next((ch for ch in base if ord(ch) <= 0x20 or ch in '<>"{}|^`\\'), None)
        if bad is not None:
            raise ValueError(f"IRI base may not contain {bad!r} (got {base!r})")
        self.base = base if base.endswith(("/", "#", ":")) else base + "/"
        self._term = term

    def _iri(self, path: str) -> URIRef:
        return self._term(self.base + _encode_path(path))

    def entity(self, entity_id: str) -> URIRef:
        return self._iri(entity_id)

    def article(self, doc_id: str) -> URIRef:
        return self._term(f"{self.base}article/{encode_document_id(doc_id)}")

    def sentence(self, doc_id: str, index: int) -> URIRef:
        return self._term(f"{self.base}sentence/{encode_document_id(doc_id)}/{index}")

    def figure(self, figure_id: str) -> URIRef:
        """``figure_id`` is ``<document id>-<offset>``."""
        doc_id, _, offset = figure_id.rpartition("-")
        return self._term(f"{self.base}figure/{encode_document_id(doc_id)}-{offset}")

    def statement(self, *parts: str) -> URIRef:
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
        return self._iri(f"statement/{digest}")

    def node(self, node_id: str) -> URIRef:
        """Any graph node id (entity/…, article/…)."""
        if node_id.startswith("article/"):
            return self.article(node_id[len("article/") :])
        return self._iri(node_id)
