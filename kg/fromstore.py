"""A KnowledgeGraph read back from a store: the whole union, or the neighbourhood of one entity.

What the store keeps comes back: articles (title, url, date, source), entities (label, types, aliases, the
articles that mention them), statements with their qualifiers, confidence, rules and evidence sentences,
and figures. What it does not keep stays empty: an article's full text (only its evidence sentences, at
their offsets) and each mention's position.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

from .errors import KgError
from .graph import KnowledgeGraph
from .model import Document, Entity, Evidence, Figure, Relation, Sentence
from .store import Store
from .vocab import CLASSES, FIGURE_QUALIFIERS, PREDICATES, QUALIFIERS, Minter

_CHUNK = 400  # IRIs per VALUES clause


class _Ids:
    """IRI ↔ kg id under the store's base."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._mint = Minter(base)

    def id(self, iri) -> str:
        text = str(iri)
        return unquote(text[len(self.base) :]) if text.startswith(self.base) else text

    def iri(self, node_id: str) -> str:
        return f"<{self._mint.node(node_id)}>"


def _values(var: str, iris: Iterable[str]) -> Iterator[str]:
    items = sorted(iris)
    for start in range(0, len(items), _CHUNK):
        yield f"VALUES ?{var} {{ {' '.join(items[start : start + _CHUNK])} }}"


def find_entities(store: Store, name: str) -> list[str]:
    """Entity ids named ``name``: an id (org/快手), else an exact label, else an exact alias."""
    ids = _Ids(store.base)
    if "/" in name:
        if store.query(f"SELECT ?a WHERE {{ {ids.iri(name)} kg:mentionedIn ?a }} LIMIT 1").rows:
            return [name]
    literal = name.replace("\\", "\\\\").replace('"', '\\"')
    for prop in ("rdfs:label", "schema:alternateName"):
        rows = store.query(
            f'SELECT DISTINCT ?e WHERE {{ ?e {prop} "{literal}"@zh ; kg:mentionedIn ?a }} ORDER BY ?e'
        ).rows
        if rows:
            return [ids.id(r[0]) for r in rows]
    return []


def neighbourhood(store: Store, start: Iterable[str], depth: int) -> set[str]:
    """Entity ids within ``depth`` relations of ``start`` (either direction)."""
    ids = _Ids(store.base)
    predicates = " ".join(f"<{p}>" for k, p in sorted(PREDICATES.items()) if k != "about")
    seen = set(start)
    frontier = set(seen)
    for _ in range(depth):
        found: set[str] = set()
        for values in _values("x", (ids.iri(n) for n in frontier)):
            rows = store.query(
                f"SELECT DISTINCT ?y WHERE {{ {values} VALUES ?p {{ {predicates} }} "
                "{ ?x ?p ?y } UNION { ?y ?p ?x } ?y kg:mentionedIn ?a }"
            ).rows
            found.update(ids.id(r[0]) for r in rows)
        frontier = found - seen
        seen |= frontier
        if not frontier:
            break
    return seen


def load_store(store: Store, *, focus: str | None = None, depth: int = 2) -> KnowledgeGraph:
    """The store's graph, or with ``focus`` (a name or an id) the entities within ``depth`` relations of it."""
    ids = _Ids(store.base)
    if focus is None:
        rows = store.select_values("SELECT DISTINCT ?e WHERE { ?e kg:mentionedIn ?a }")
        wanted = {ids.id(r[0]) for r in rows}
    else:
        start = find_entities(store, focus)
        if not start:
            raise KgError(f"no entity named {focus!r} in {store.path}")
        wanted = neighbourhood(store, start, depth)
    reader = _Reader(store, ids, wanted, everything=focus is None)
    graph = KnowledgeGraph()
    entities = reader.entities()
    doc_ids = {d for e in entities for d in e.documents}
    relations, sentences = reader.relations(f"article/{d}" for d in doc_ids)
    figures, figure_sentences = reader.figures()
    for key, value in figure_sentences.items():
        sentences.setdefault(key, value)
    documents = reader.documents(doc_ids, sentences)
    graph.add_parts(documents=documents, entities=entities, relations=relations, figures=figures)
    return graph


class _Reader:
    def __init__(self, store: Store, ids: _Ids, wanted: set[str], *, everything: bool) -> None:
        self.store, self.ids, self.wanted, self.everything = store, ids, wanted, everything
        self.classes = {str(v): k for k, v in CLASSES.items()}

    def _rows(self, var: str, head: str, body: str, nodes: set[str] | None = None) -> Iterator[tuple]:
        """Rows of ``SELECT head`` (plain strings) for the wanted nodes (or ``nodes``) bound to ``var``: the whole
        store in one query when everything is wanted, else in chunks of VALUES."""
        nodes = self.wanted if nodes is None else nodes
        if self.everything:
            for row in self.store.select_values(f"SELECT {head} WHERE {{ {body} }}"):
                if self.ids.id(row[head.split().index(f"?{var}")]) in nodes:
                    yield row
            return
        for values in _values(var, (self.ids.iri(n) for n in nodes)):
            yield from self.store.select_values(f"SELECT {head} WHERE {{ {values} {body} }}")

    def entities(self) -> list[Entity]:
        label: dict[str, str] = {}
        types: dict[str, set[str]] = defaultdict(set)
        aliases: dict[str, set[str]] = defaultdict(set)
        docs: dict[str, set[str]] = defaultdict(set)
        for e, lab in self._rows("e", "?e ?l", "?e rdfs:label ?l"):
            label[self.ids.id(e)] = str(lab)
        for e, t in self._rows("e", "?e ?t", "?e a ?t"):
            if str(t) in self.classes:
                types[self.ids.id(e)].add(self.classes[str(t)])
        for e, alias in self._rows("e", "?e ?l", "?e schema:alternateName ?l"):
            aliases[self.ids.id(e)].add(str(alias))
        for e, a in self._rows("e", "?e ?a", "?e kg:mentionedIn ?a"):
            docs[self.ids.id(e)].add(self.ids.id(a).removeprefix("article/"))
        values = {self.ids.id(e): str(v) for e, v in self._rows("e", "?e ?v", "?e kg:dateValue ?v")}
        codes: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for e, v in self._rows("e", "?e ?v", "?e kg:identifier ?v"):
            scheme, _, code = str(v).partition(":")
            codes[self.ids.id(e)].add((scheme, code))
        out = []
        for eid in sorted(label):
            ordered = _by_precedence(types[eid]) or ("Organization",)
            out.append(
                Entity(
                    eid,
                    label[eid],
                    ordered[0],
                    ordered,
                    tuple(sorted(aliases[eid])),
                    (),
                    tuple(sorted(docs[eid])),
                    values.get(eid),
                    tuple(sorted(codes[eid])),
                )
            )
        return out

    def relations(self, articles: Iterable[str]) -> tuple[list[Relation], dict[tuple[str, int], Sentence]]:
        """Statements whose subject is a wanted entity or one of ``articles`` (article/… ids), and whose object
        is a wanted entity or a literal."""
        names = {str(v): k for k, v in PREDICATES.items()}
        qualifier_names = {str(v): k for k, v in QUALIFIERS.items()}
        statements: dict[str, dict] = {}
        self.subjects = self.wanted | set(articles)
        body = (
            "?st kg:statementSubject ?s ; kg:statementPredicate ?p ; kg:confidence ?c . "
            "{ ?st kg:statementObject ?o } UNION { ?st kg:statementValue ?v }"
        )
        for st, s, p, o, v, c in self._rows("s", "?st ?s ?p ?o ?v ?c", body, self.subjects):
            obj = self.ids.id(o) if o is not None else str(v)
            if o is not None and obj not in self.wanted:
                continue
            statements[str(st)] = {
                "subject": self.ids.id(s),
                "predicate": names[str(p)],
                "object": obj,
                "literal": o is None,
                "confidence": float(c),
                "rules": [],
                "qualifiers": [],
                "evidence": [],
            }
        for st, key, value in self._statement_rows("?st ?q ?v . FILTER(?q != kg:rule)", ("q", "v")):
            if st in statements and str(key) in qualifier_names:
                statements[st]["qualifiers"].append((qualifier_names[str(key)], _text(value)))
        for st, rule in self._statement_rows("?st kg:rule ?r", ("r",)):
            if st in statements:
                statements[st]["rules"].append(str(rule))
        sentences: dict[tuple[str, int], Sentence] = {}
        for st, _sent, *rest in self._statement_rows(
            "?st prov:wasDerivedFrom ?sent . " + _SENTENCE, ("sent", "doc", "i", "start", "end", "text")
        ):
            if st not in statements:
                continue
            sentence = self._sentence(sentences, rest)
            statements[st]["evidence"].append((self.ids.id(rest[0]).removeprefix("article/"), sentence))
        out = []
        for st in sorted(statements):
            d = statements[st]
            for doc_id, sentence in sorted(d["evidence"], key=lambda x: (x[0], x[1].index)):
                evidence = Evidence(doc_id, sentence.index, sentence.start, sentence.end, sentence.text)
                for rule in sorted(d["rules"]) or [""]:
                    out.append(
                        Relation(
                            d["subject"],
                            d["predicate"],
                            d["object"],
                            evidence,
                            d["confidence"],
                            rule,
                            tuple(sorted(d["qualifiers"])),
                            d["literal"],
                        )
                    )
        return out, sentences

    def _statement_rows(self, body: str, columns: tuple[str, ...]) -> Iterator[tuple]:
        """(statement, *columns) for the statements about the wanted subjects."""
        head = " ".join(f"?{c}" for c in ("st", "s") + columns)
        for row in self._rows("s", head, f"?st kg:statementSubject ?s . {body}", self.subjects):
            yield (row[0],) + tuple(row[2:])

    def _sentence(self, cache: dict[tuple[str, int], Sentence], row) -> Sentence:
        doc, index, start, end, text = row
        key = (self.ids.id(doc).removeprefix("article/"), int(index))
        if key not in cache:
            cache[key] = Sentence(int(index), int(start), int(end), str(text), 0)
        return cache[key]

    def figures(self) -> tuple[list[Figure], dict[tuple[str, int], Sentence]]:
        qualifier_names = {str(v): k for k, v in FIGURE_QUALIFIERS.items()}
        sentences: dict[tuple[str, int], Sentence] = {}
        figures: dict[str, dict] = {}
        body = (
            "?f kg:about ?e ; kg:value ?value ; kg:rawText ?raw ; kg:kind ?kind ; prov:wasDerivedFrom ?sent ; "
            "kg:spanStart ?fs ; kg:spanEnd ?fe . " + _SENTENCE
        )
        head = "?e ?f ?value ?raw ?kind ?fs ?fe ?doc ?i ?start ?end ?text"
        for row in self._rows("e", head, body):
            v = dict(zip(head.replace("?", "").split(), row, strict=True))
            sentence = self._sentence(sentences, (v["doc"], v["i"], v["start"], v["end"], v["text"]))
            doc_id = self.ids.id(v["doc"]).removeprefix("article/")
            fid = self.ids.id(v["f"]).removeprefix("figure/")
            figures[fid] = {
                "about": self.ids.id(v["e"]),
                "text": str(v["raw"]),
                "value": _plain_decimal(str(v["value"])),
                "kind": str(v["kind"]),
                "evidence": Evidence(doc_id, sentence.index, int(v["fs"]), int(v["fe"]), sentence.text),
                "unit": None,
                "measure": None,
                "time": None,
                "qualifiers": [],
            }
        wanted = {f"figure/{f}" for f in figures}
        for f, q, value in self._rows("f", "?f ?q ?v", "?f a kg:Figure ; ?q ?v", wanted):
            fig = figures[self.ids.id(f).removeprefix("figure/")]
            key = str(q).rsplit("#", 1)[-1]
            if key in ("unit", "measure"):
                fig[key] = str(value)
            elif key == "time":
                fig["time"] = self.ids.id(value).removeprefix("date/")
            elif str(q) in qualifier_names:
                fig["qualifiers"].append((qualifier_names[str(q)], _text(value)))
        out = [
            Figure(
                fid,
                f["text"],
                f["value"],
                f["unit"],
                f["measure"],
                f["about"],
                f["evidence"],
                tuple(sorted(f["qualifiers"])),
                f["time"],
                f["kind"],
            )
            for fid, f in sorted(figures.items())
        ]
        return out, sentences

    def documents(self, doc_ids: set[str], sentences: dict[tuple[str, int], Sentence]) -> list[Document]:
        fields: dict[str, dict[str, str]] = defaultdict(dict)
        body = "?a ?k ?v . VALUES ?k { schema:headline schema:url schema:datePublished kg:source }"
        for a, k, v in self._rows("a", "?a ?k ?v", body, {f"article/{d}" for d in doc_ids}):
            fields[self.ids.id(a).removeprefix("article/")][str(k).rsplit("/", 1)[-1].rsplit("#", 1)[-1]] = (
                str(v)
            )
        by_doc: dict[str, list[Sentence]] = defaultdict(list)
        for (doc_id, _), sentence in sorted(sentences.items()):
            by_doc[doc_id].append(sentence)
        return [
            Document(
                id=d,
                text="",
                norm="",
                sentences=tuple(by_doc.get(d, ())),
                source=fields[d].get("source", ""),
                title=fields[d].get("headline"),
                url=fields[d].get("url"),
                date=fields[d].get("datePublished"),
            )
            for d in sorted(doc_ids)
        ]


_SENTENCE = "?sent kg:document ?doc ; kg:sentenceIndex ?i ; kg:startOffset ?start ; kg:endOffset ?end ; kg:text ?text ."


def _text(value) -> str:
    """A qualifier's value as the graph keeps it (booleans as "true"/"false")."""
    text = str(value)
    return text.lower() if text in ("True", "False") else text


def _plain_decimal(value: str) -> str:
    """kg writes 300000000 as xsd:decimal 300000000.0; the graph keeps the plain form."""
    return value[:-2] if value.endswith(".0") else value


def _by_precedence(types: set[str]) -> tuple[str, ...]:
    from .resolve import TYPE_PRECEDENCE

    return tuple(sorted(types, key=lambda t: TYPE_PRECEDENCE.index(t) if t in TYPE_PRECEDENCE else 99))


GRAPH_FORMATS = ("json", "html", "graphml", "neo4j", "cypher")


def export_graph(store: Store, fmt: str, *, focus: str | None = None, depth: int = 2) -> str | dict[str, str]:
    """One of ``GRAPH_FORMATS`` rendered from the store's graph (whole, or around ``focus``)."""
    from .export import render

    if fmt not in GRAPH_FORMATS:
        raise KgError(f"unknown format {fmt!r}; choose from: {', '.join(GRAPH_FORMATS)}")
    graph = load_store(store, focus=focus, depth=depth)
    options: dict = {}
    if fmt == "html" and focus:
        start = find_entities(store, focus)
        options = {"focus": start[0], "depth": depth}
    return render(graph, fmt, base=store.base, **options)
