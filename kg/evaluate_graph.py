"""Score whole-article graphs against hand-made gold (benchmarks/realtext/README.md): entities, relations and
figures, compared by name after mapping kg's entities to the gold ones through labels and aliases.

A kg entity is a gold entity when one of its names (label or alias) is one of the gold entity's names, compared
in simplified script, half width and lower case. A relation is right when its mapped subject, predicate and
object are a gold relation (or one of its ``also`` predicates; partner either way round). A figure is found when
kg has a figure with the gold figure's text (the nth occurrence if ``nth`` is given), and attached right when its
``about`` maps to the gold ``about`` (or both are nothing).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import BuildConfig
from .errors import InputError
from .evaluate import Scores, read_jsonl
from .model import DocumentResult
from .zh.dates import normalise_date
from .zh.text import fold_width, to_simplified

BYLINE = ("author", "editor", "publisher")
ARTICLE = "ARTICLE"


def norm(name: str) -> str:
    return fold_width(to_simplified(name)).lower().replace(" ", "")


@dataclass
class GraphReport:
    path: str
    split: str | None
    articles: int
    relations: Scores  # content predicates
    bylines: Scores
    entities: Scores  # by type
    figures_gold: int = 0
    figures_found: int = 0
    figures_attached: int = 0
    byline_employers: int = 0  # reporter worksFor outlet, stated by a byline: not annotated, not scored
    seconds: float = 0.0
    characters: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def attribution(self) -> float:
        """Of the gold figures kg found, the share attached to the right entity."""
        return self.figures_attached / self.figures_found if self.figures_found else 0.0

    def to_dict(self, errors: int = 0) -> dict:
        return {
            "path": self.path,
            "split": self.split,
            "articles": self.articles,
            "relations": self.relations.table(),
            "bylines": self.bylines.table(),
            "entities": self.entities.table(),
            "figures": {
                "gold": self.figures_gold,
                "found": self.figures_found,
                "attached": self.figures_attached,
                "attribution": round(self.attribution, 4),
            },
            "byline_employers": self.byline_employers,
            "seconds": round(self.seconds, 2),
            "errors": self.errors[:errors],
        }

    def format(self, errors: int = 0) -> str:
        lines = [f"graph evaluation of {self.path} (split {self.split or 'all'}, {self.articles} articles)"]
        for title, scores in (
            ("relations", self.relations),
            ("bylines", self.bylines),
            ("entities", self.entities),
        ):
            lines.append(f"{title:<22}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}")
            for row in scores.table():
                support = "" if row["support"] is None else str(row["support"])
                lines.append(
                    f"  {row['label']:<20}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}{support:>9}"
                )
        lines.append(
            f"byline employers (a reporter works for the outlet; not annotated, not scored): {self.byline_employers}"
        )
        lines.append(
            f"figures: {self.figures_found} of {self.figures_gold} found, "
            f"{self.figures_attached} attached to the right entity (attribution {self.attribution:.3f})"
        )
        if errors:
            lines.append(f"errors (first {errors}):")
            lines += [f"  {e}" for e in self.errors[:errors]]
        return "\n".join(lines) + "\n"


def read_gold_corpus(path: str | Path, *, split: str | None = None) -> list[dict]:
    """The annotated records of a real-text corpus (optionally of one split)."""
    records = []
    for record in read_jsonl(path):
        if "gold" not in record or not record["gold"]:
            continue
        if split is not None and record.get("split") != split:
            continue
        for key in ("id", "text"):
            if not isinstance(record.get(key), str):
                raise InputError(str(path), f"record without {key!r}")
        records.append(record)
    return records


def evaluate_graph(
    path: str | Path,
    *,
    split: str | None = None,
    config: BuildConfig = BuildConfig(),
    limit: int | None = None,
) -> GraphReport:
    """Build each annotated article of ``path`` as ``kg build`` would and score it against its gold."""
    records = read_gold_corpus(path, split=split)[:limit]
    report = GraphReport(str(path), split, len(records), Scores(), Scores(), Scores())
    started = time.perf_counter()
    for record, result in extract_records(path, records, config):
        report.characters += len(record["text"])
        _score_article(record, result, report)
    report.seconds = time.perf_counter() - started
    return report


def extract_records(
    path: str | Path, records: list[dict], config: BuildConfig
) -> Iterator[tuple[dict, DocumentResult]]:
    """Each annotated record of ``path`` with what ``kg build`` extracts from it (title, address and date as the
    record gives them), in batches as a build makes them."""
    from .ingest import RawRecord, make_document
    from .pipeline import batches, extract_many

    for chunk in batches(records, 32):
        docs = [
            make_document(
                RawRecord(
                    f"{path}#{r['id']}",
                    r["text"],
                    "text",
                    title=r.get("title"),
                    url=r.get("url"),
                    date=r.get("date") or None,
                    id=r["id"],
                )
            )
            for r in chunk
        ]
        yield from zip(chunk, extract_many(docs, config=config), strict=True)


class _Names:
    """Gold entities by every normalised name; kg entities mapped onto them."""

    def __init__(self, gold_entities: Iterable[dict]) -> None:
        self.by_name: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for ent in gold_entities:
            canonical = ent["name"]
            self.types[canonical] = ent.get("type", "")
            for name in [canonical, *ent.get("aliases", [])]:
                self.by_name.setdefault(norm(name), canonical)

    def gold_of(self, names: Iterable[str]) -> str | None:
        for name in names:
            found = self.by_name.get(norm(name))
            if found:
                return found
        return None

    def name(self, text: str) -> str:
        """A gold relation's end as its entity's canonical name (or as written, for dates and ARTICLE)."""
        return self.by_name.get(norm(text), text)


def _score_article(record: dict, result: DocumentResult, report: GraphReport) -> None:
    facts = article_facts(record, result)
    report.byline_employers += len(facts.employers)
    _score_relations(record["id"], facts.gold, facts.predicted - facts.employers, report)
    _score_entities(record["id"], facts.names, facts.kg_gold, result, report)
    _score_figures(record, facts.names, facts.kg_gold, result, report)


@dataclass
class ArticleFacts:
    """An article's gold and kg's statements, both as (subject, predicate, object) of gold names."""

    names: _Names
    kg_gold: dict[str, str | None]  # kg's entity id → the gold entity it is, if any
    gold: dict[tuple[str, str, str], tuple[str, ...]]  # gold fact → the predicates that count for it
    predicted: set[tuple[str, str, str]]  # kg's facts; an end that is no gold entity is "?" + kg's id
    employers: set[
        tuple[str, str, str]
    ]  # the reporter works for the outlet, unlisted by the gold: not scored


def article_facts(record: dict, result: DocumentResult) -> ArticleFacts:
    """What the gold of ``record`` states and what kg stated in ``result``, mapped onto the gold's names."""
    names = _Names(record["gold"].get("entities", []))
    kg_gold = {e.id: names.gold_of([e.label, *e.aliases]) for e in result.entities}
    article = f"article/{result.document.id}"

    def end(entity_id: str) -> str | None:
        return ARTICLE if entity_id == article else kg_gold.get(entity_id)

    gold_rel: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for r in record["gold"].get("relations", []):
        s, o = names.name(r["subject"]), names.name(r["object"])
        if r["predicate"] == "foundingDate":
            o = normalise_date(o) or o
        gold_rel[(s, r["predicate"], o)] = (r["predicate"], *r.get("also", ()))
    predicted: set[tuple[str, str, str]] = set()
    for r in result.relations:
        ps = end(r.subject)
        po = (
            (normalise_date(dict(r.qualifiers).get("text", r.object)) or r.object)
            if r.literal
            else end(r.object)
        )
        predicted.add((ps or f"?{r.subject}", r.predicate, po or f"?{r.object}"))
    employers = {fact for fact in _byline_employers(predicted) if _match(fact, gold_rel) is None}
    return ArticleFacts(names, kg_gold, gold_rel, predicted, employers)


def _byline_employers(facts: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """The article's own author or editor works for its own outlet (新浪科技记者王明): a byline's statement. The gold
    annotates bylines as author / editor / publisher and only sometimes this as well, so those the gold does not
    list are counted apart and scored neither way (those it lists are scored as any relation)."""
    people = {o for s, p, o in facts if s == ARTICLE and p in ("author", "editor")}
    outlets = {o for s, p, o in facts if s == ARTICLE and p == "publisher"}
    return {(s, p, o) for s, p, o in facts if p == "worksFor" and s in people and o in outlets}


def _match(fact: tuple[str, str, str], gold: dict[tuple[str, str, str], tuple[str, ...]]) -> tuple | None:
    s, p, o = fact
    for key, allowed in gold.items():
        if p not in allowed:
            continue
        if (key[0], key[2]) == (s, o) or p == "partner" and (key[0], key[2]) == (o, s):
            return key
    return None


def _score_relations(doc_id: str, gold: dict, predicted: set, report: GraphReport) -> None:
    matched: set[tuple] = set()
    for fact in sorted(predicted):
        scores = report.bylines if fact[1] in BYLINE else report.relations
        key = _match(fact, gold)
        if key is not None and key not in matched:
            matched.add(key)
            scores.tp[key[1]] += 1
        elif key is None:
            scores.fp[fact[1]] += 1
            report.errors.append(f"{doc_id} spurious: {' '.join(fact)}")
    for key in sorted(set(gold) - matched):
        scores = report.bylines if key[1] in BYLINE else report.relations
        scores.fn[key[1]] += 1
        report.errors.append(f"{doc_id} missed: {' '.join(key)}")
    report.relations.items += 1


def _family(type_: str) -> str:
    return {"Person": "person", "Place": "place", "Date": "date"}.get(type_, "organisation")


def _score_entities(
    doc_id: str, names: _Names, kg_gold: dict, result: DocumentResult, report: GraphReport
) -> None:
    found: set[str] = set()
    for e in result.entities:
        family = _family(e.type)
        if family in ("date", "place"):
            continue  # annotated only where a relation uses them
        mapped = kg_gold.get(e.id)
        if mapped and _family(names.types.get(mapped, "")) == family:
            if mapped not in found:
                report.entities.tp[family] += 1
                found.add(mapped)
        else:
            report.entities.fp[family] += 1
    for canonical, type_ in names.types.items():
        family = _family(type_)
        if family not in ("date", "place") and canonical not in found:
            report.entities.fn[family] += 1


def _score_figures(
    record: dict, names: _Names, kg_gold: dict, result: DocumentResult, report: GraphReport
) -> None:
    text = result.document.text
    figures = sorted(result.figures, key=lambda f: f.evidence.start)
    seen: Counter[str] = Counter()
    for g in record["gold"].get("figures", []):
        seen[g["text"]] += 1
        report.figures_gold += 1
        start = _nth(text, g["text"], int(g.get("nth", seen[g["text"]])))
        if start is None:
            report.errors.append(f"{record['id']} figure {g['text']}: not in the cleaned text")
            continue
        end = start + len(g["text"])
        hits = [f for f in figures if f.evidence.start < end and start < f.evidence.end]
        if not hits:
            report.errors.append(f"{record['id']} figure {g['text']}: not found")
            continue
        report.figures_found += 1
        about = (kg_gold.get(hits[0].about) or f"?{hits[0].about}") if hits[0].about else None
        wanted = names.name(g["about"]) if g.get("about") else None
        if about == wanted:
            report.figures_attached += 1
        else:
            report.errors.append(f"{record['id']} figure {g['text']}: about {about} (gold {wanted})")


def _nth(text: str, needle: str, n: int) -> int | None:
    pos = -1
    for _ in range(max(n, 1)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos
