"""Labelled candidate pairs for training the relation scorer, from annotated sentences read by kg itself.

Each annotated sentence goes through kg's own recogniser, resolver and rules; gold subject and object strings are
aligned to the mentions, and every candidate pair (kg.relate.features) gets a label (a gold relation of a
family's predicate, or none) and a weight:

- a gold relation: 1;
- a pair the annotation labels with something else (FinRE's 竞争 or unknown, DuIE's 毕业院校, a real-text gold
  pair without a relation): 1 — a sure negative;
- any other pair: ``unlabelled`` (0.3 by default). FinRE labels one pair per sentence and DuIE only its own
  schema, so an unlabelled pair is probably, not surely, unrelated; a person and an organisation with a job
  title between them are left out entirely, since DuIE annotates chairmen (董事长) but no other post.

With ``inject``, gold strings that kg did not recognise as a mention are added as mentions (replacing the
mentions they overlap), so the wording of every annotated pair is learnt, not only of those kg finds today.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from pathlib import Path

from ..config import BuildConfig
from ..errors import InputError
from ..evaluate import load_label_map, read_jsonl, sentence_document
from ..model import Document, Mention, Relation
from ..resolve import entity_id
from ..types import TYPES
from ..vocab import PREDICATES, SYMMETRIC
from ..zh.dates import normalise_date
from ..zh.text import fold_width, to_simplified
from .features import Candidate, Family, SentenceSlots, ruled_predicates
from .scorer import RelationScorer

# Predicates a dataset annotates for every pair of a sentence: FinRE labels pairs one by one (an unlabelled pair
# may well be related), DuIE labels its schema sentence by sentence.
COVERS = {"duie": frozenset({"founder", "leads", "location", "foundingDate"})}
PREDICATES_ALL = frozenset(PREDICATES)  # the real-text gold annotates every pair for every predicate


@dataclass(frozen=True)
class TrainMap:
    """kg/data/labelmaps/train_relations.tsv for one dataset: entity types, extra facts, repeated labels."""

    types: dict[str, str]
    re: dict[str, tuple[str, str]]
    repeats: frozenset[str]


@functools.cache
def train_map(dataset: str) -> TrainMap:
    text = resources.files("kg.data").joinpath("labelmaps/train_relations.tsv").read_text(encoding="utf-8")
    types, rel, repeats = {}, {}, set()
    for line in text.splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3 or cells[1] != dataset:
            continue
        if cells[0] == "type":
            types[cells[2]] = cells[3]
        elif cells[0] == "re":
            rel[cells[2]] = (cells[3], cells[4])
        elif cells[0] == "repeat":
            repeats.add(cells[2])
    return TrainMap(types, rel, frozenset(repeats))


@dataclass(frozen=True)
class Gold:
    """A gold fact in kg's direction, by surface strings (a date by its normalised value)."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Annotated:
    """One annotated text: gold facts of kg's predicates and the pairs annotated as something else (negatives),
    names in simplified script (dates as normalised values)."""

    source: str
    text: str
    gold: tuple[Gold, ...]
    negatives: frozenset[frozenset[str]] = frozenset()
    names: tuple[tuple[str, str], ...] = ()  # every annotated name as written, with its kg type
    covers: frozenset[str] = (
        frozenset()
    )  # predicates annotated for every pair of the text (else pair by pair)

    @property
    def group(self) -> int:
        """A stable number for the text, for cross-validation folds."""
        return int(hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:8], 16)


@dataclass(frozen=True)
class Example:
    """A candidate pair with its label, weight and features. ``natural``: both ends are kg's own mentions (as at
    run time); ``ruled``: a rule already relates the pair (the scorer never sees such pairs at run time)."""

    source: str
    group: int
    family: str
    label: str
    weight: float
    features: tuple[str, ...]
    natural: bool
    ruled: bool
    sentence: SentenceSlots | None = field(default=None, compare=False, repr=False)
    candidate: Candidate | None = field(default=None, compare=False)
    ruled_ends: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), compare=False, repr=False)


def normalise_name(text: str) -> str:
    return fold_width(to_simplified(text))


def read_relation_set(path: str | Path, dataset: str, *, training: bool = True) -> Iterator[Annotated]:
    """A relation set in the shared JSONL format (FinRE, DuIE), mapped to kg's predicates with its label map
    (and, for ``training``, the training-only facts of train_relations.tsv). A passive form of a mapped predicate
    (FinRE's 被持股) repeats a fact and is skipped."""
    lmap = load_label_map(dataset)
    extra = train_map(dataset)
    mapping = {**lmap.re, **(extra.re if training else {})}
    for record in map(lmap.restored, read_jsonl(path)):  # FinRE's <N>: a number again, as in kg evaluate
        gold: list[Gold] = []
        negatives: set[frozenset[str]] = set()
        names: dict[str, str] = {}
        for rel in record.get("relations", []):
            s, p, o = normalise_name(rel["subject"]), rel["predicate"], normalise_name(rel["object"])
            for name, kind in (
                (s, _kg_type(rel.get("subject_type"), extra)),
                (o, _kg_type(rel.get("object_type"), extra)),
            ):
                if kind:
                    names.setdefault(name, kind)
            if p in mapping and mapping[p][1] != "alias":
                kg_p, direction = mapping[p]
                if direction == "inverse":
                    s, o = o, s
                gold.append(Gold(s, kg_p, normalise_date(o) or o if kg_p == "foundingDate" else o))
            elif p not in extra.repeats:
                negatives.add(frozenset((s, o)))
        for pair in record.get("no_relation_pairs", []):
            negatives.add(frozenset(map(normalise_name, pair)))
            names.update({normalise_name(n): "Company" for n in pair if normalise_name(n) not in names})
        names_ = tuple(sorted(names.items()))
        yield Annotated(
            dataset,
            record["text"],
            tuple(gold),
            frozenset(negatives),
            names_,
            COVERS.get(dataset, frozenset()),
        )


def _kg_type(dataset_type: str | None, extra: TrainMap) -> str | None:
    """A dataset's entity type as kg's; no type at all (FinRE) means an organisation; other types are None."""
    if dataset_type is None:
        return "Company"
    return extra.types.get(dataset_type, dataset_type if dataset_type in TYPES else None)


def read_realtext(path: str | Path, split: str = "dev") -> Iterator[Annotated]:
    """The articles of one split of the real-text corpus (benchmarks/realtext/) that have gold: every pair of
    gold entities is annotated, so a pair without a relation is a sure negative. Names match by name or alias."""
    for record in read_jsonl(path):
        if record.get("split") != split or "gold" not in record:
            continue
        try:
            ents = record["gold"]["entities"]
            names = {
                e["name"]: sorted({normalise_name(n) for n in [e["name"], *e.get("aliases", [])]})
                for e in ents
            }
            types = {n: e["type"] for e in ents for n in names[e["name"]] if e["type"] in TYPES}
            gold = [
                Gold(s, r["predicate"], o)
                for r in record["gold"].get("relations", [])
                if r["subject"] in names and r["object"] in names
                for s in names[r["subject"]]
                for o in names[r["object"]]
            ]
        except (KeyError, TypeError) as exc:
            raise InputError(str(path), f"record {record.get('id')!r}: malformed gold ({exc!r})") from None
        negatives = {
            frozenset((x, y)) for a, b in combinations(sorted(names), 2) for x in names[a] for y in names[b]
        }
        yield Annotated(
            "realtext",
            record["text"],
            tuple(gold),
            frozenset(negatives),
            tuple(sorted(types.items())),
            PREDICATES_ALL,
        )


def evaluation_texts(data: Path) -> frozenset[str]:
    """The texts of every dev and test split in ``data``: a training text among them is left out."""
    out: set[str] = set()
    for name in (
        "finre/dev.jsonl", "finre/test.jsonl", "duie2_subset/dev.jsonl", "duie2_subset/dev_business.jsonl",
        "duie1_sample/dev.jsonl", "duie1_sample/dev_business.jsonl",
    ):  # fmt: skip
        if (data / name).is_file():
            out |= {json.loads(line)["text"] for line in (data / name).open(encoding="utf-8") if line.strip()}
    return frozenset(out)


# --- labelling -------------------------------------------------------------------------------------------------


def _label(family: Family, cand: Candidate, surfaces: Sequence[set[str]], gold: Sequence[Gold]) -> str:
    """The family's label for a candidate: the gold fact between its two ends, else none."""
    for g in gold:
        for label in family.labels[1:]:
            predicate = label.rstrip("<>")
            if g.predicate != predicate:
                continue
            s, o = (cand.b, cand.a) if label.endswith("<") else (cand.a, cand.b)
            if g.subject in surfaces[s] and g.object in surfaces[o]:
                return label
            if predicate in SYMMETRIC and g.subject in surfaces[o] and g.object in surfaces[s]:
                return label
    return "none"


def _weight(
    item: Annotated, family: Family, cand: Candidate, surfaces: Sequence[set[str]], between: str,
    titles: re.Pattern[str], *, unlabelled: float,
) -> float:  # fmt: skip
    """The weight of a pair without a gold relation: 1 where it is surely unrelated (annotated as something else,
    or the annotation covers every pair for the family's predicates), else ``unlabelled``; 0 (left out) for a
    person and an organisation with a job title between them where the annotation has no worksFor."""
    if any(frozenset((x, y)) in item.negatives for x in surfaces[cand.a] for y in surfaces[cand.b]):
        return 1.0
    if family.name == "person_org" and "worksFor" not in item.covers and titles.search(between):
        return 0.0
    if {label.rstrip("<>") for label in family.labels[1:]} <= item.covers:
        return 1.0
    return unlabelled


# --- examples ----------------------------------------------------------------------------------------------------


def with_gold_mentions(doc: Document, mentions: list[Mention], item: Annotated) -> list[Mention]:
    """``mentions`` with each annotated name that is no mention added as one (replacing those it overlaps)."""
    have = {m.key for m in mentions} | {normalise_name(m.text) for m in mentions}
    out = list(mentions)
    for name, type_ in sorted(item.names, key=lambda x: (-len(x[0]), x[0])):  # longest first
        start = doc.norm.find(name) if name and name not in have else -1
        if start < 0 or any(
            m.source == "gold" and m.start < start + len(name) and start < m.end for m in out
        ):
            continue
        end = start + len(name)
        out = [m for m in out if m.end <= start or m.start >= end]
        sentence = doc.sentence_at(start).index
        out.append(
            Mention(start, end, doc.text[start:end], type_, "gold", 1.0, name, sentence, (type_,), doc.id)
        )
    return sorted(out, key=lambda m: m.start)


def labelled_examples(
    items: Sequence[Annotated],
    scorer: RelationScorer,
    *,
    config: BuildConfig = BuildConfig(),
    inject: bool = True,
    unlabelled: float = 0.3,
) -> Iterator[Example]:
    """Labelled candidates of ``items``: those of kg's own mentions (``natural``), and with ``inject`` those of
    the mentions with the gold strings added (``natural=False``)."""
    from ..pipeline import batches, mentions_for_many
    from ..recognize import embedded_parents
    from ..recognize.lexicon import load_lexicon
    from ..resolve import resolve
    from . import relate
    from .rules import load_rules

    lexicon = load_lexicon(config.lexicons)
    rules = load_rules(config.rules, lexicon.title_pattern.pattern)
    label = _Labeller(scorer, lexicon.title_pattern, unlabelled)
    for chunk in batches(list(enumerate(items)), 64):
        docs = [sentence_document(item.text, i) for i, item in chunk]
        for (_, item), doc, mentions in zip(chunk, docs, mentions_for_many(docs, config=config), strict=True):
            parents = embedded_parents(doc, mentions, lexicon=lexicon)
            _, entity_of = resolve(doc, mentions + parents, lexicon=lexicon)
            linked = relate(doc, mentions, entity_of, lexicon=lexicon, rules=rules)
            yield from label(doc, mentions, entity_of, linked, item, natural=True)
            if inject:
                more = with_gold_mentions(doc, mentions, item)
                ids = dict(entity_of)
                ids.update({m.start: entity_id(m.type, m.key) for m in more if m.source == "gold"})
                yield from label(doc, more, ids, linked, item, natural=False)


@dataclass(frozen=True)
class _Labeller:
    scorer: RelationScorer
    titles: re.Pattern[str]
    unlabelled: float

    def __call__(
        self,
        doc: Document,
        mentions: list[Mention],
        entity_of: dict[int, str],
        linked: list[Relation],
        item: Annotated,
        *,
        natural: bool,
    ) -> Iterator[Example]:
        families = {f.name: f for f in self.scorer.model.families}
        pairs = {frozenset((r.subject, r.object)) for r in linked if not r.literal}
        dated = {r.subject for r in linked if r.literal}  # the scorer gives these no founding date
        for sent in doc.sentences:
            local = [m for m in mentions if sent.start <= m.start < sent.end and m.start in entity_of]
            if len(local) < 2:
                continue
            sentence = SentenceSlots.build(doc, sent.index, local, entity_of)
            surfaces = [{m.key, normalise_name(m.text)} for m in local]
            if any(s.code == "D" for s in sentence.slots):  # dates as the gold's normalised value
                surfaces = [s | {normalise_date(x) or x for x in s} for s in surfaces]
            ruled = ruled_predicates(linked, sent.index)
            for cand, feats in self.scorer.features(sentence, ruled):
                label = _label(families[cand.family], cand, surfaces, item.gold)
                first, second = sorted(
                    (sentence.slots[cand.a], sentence.slots[cand.b]), key=lambda s: s.start
                )
                between = sentence.text[first.end : second.start]
                weight = (
                    1.0
                    if label != "none"
                    else _weight(
                        item,
                        families[cand.family],
                        cand,
                        surfaces,
                        between,
                        self.titles,
                        unlabelled=self.unlabelled,
                    )
                )
                if weight > 0:
                    a, b = sentence.slots[cand.a], sentence.slots[cand.b]
                    ends = frozenset((a.entity, b.entity))
                    ruled_pair = ends in pairs or b.code == "D" and a.entity in dated
                    yield Example(
                        item.source,
                        item.group,
                        cand.family,
                        label,
                        weight,
                        tuple(feats),
                        natural,
                        ruled_pair,
                        sentence,
                        cand,
                        tuple((e, ruled[e]) for e in sorted(ends) if e in ruled),
                    )
