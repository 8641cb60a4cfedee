"""Candidate entity pairs of a sentence and the features the learned relation scorer reads (kg.relate.scorer).

A sentence is seen as its text with typed slots (the mentions, as in the rule templates). A *candidate* is a
pair of slots of two different entities whose types fit one *family* of predicates (organisation–organisation,
person–organisation, organisation–place, organisation–date). Its features are strings: the words between and
around the two slots as character n-grams, their types and order, distance, other slots between, vocabulary
cues (kg/data/words.toml) and the rule relations that already touch either end. Strings are hashed into a fixed
number of buckets with CRC-32, which is the same in every process (Python's ``hash`` is not).
"""

from __future__ import annotations

import bisect
import functools
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Document, Mention, Relation
from ..types import slot_code
from ..words import Words, WordsError, load_words

# Each slot code (kg/data/types.toml) as one character in feature text, so that an n-gram never splits a slot.
SLOT_CHAR = {"P": "Ⓟ", "O": "Ⓞ", "A": "Ⓐ", "B": "Ⓑ", "R": "Ⓡ", "L": "Ⓛ", "D": "Ⓓ"}
_DIGITS = re.compile(r"<N>|\d+(?:\.\d+)?")  # FinRE writes every number as <N>; real text has digits
_WINDOW = 6  # characters of context read on either side of the pair
_LONG = 16  # text between longer than this: n-grams of its two ends only
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Slot:
    """One mention of a sentence: offsets into the sentence text, template code, entity id, surface text."""

    start: int
    end: int
    code: str
    entity: str
    text: str
    type: str = ""  # the mention's entity type (kg/data/types.toml)


@dataclass(frozen=True)
class SentenceSlots:
    """A sentence (simplified script, ``Document.norm``) and its mentions as slots, in text order; every mention
    given to ``build`` has an entity in ``entity_of``."""

    text: str
    slots: tuple[Slot, ...]

    @classmethod
    def build(
        cls, doc: Document, sentence_index: int, mentions: Sequence[Mention], entity_of: dict[int, str]
    ) -> SentenceSlots:
        sent = doc.sentences[sentence_index]
        slots = tuple(
            Slot(
                m.start - sent.start,
                m.end - sent.start,
                slot_code(m.type, m.types),
                entity_of[m.start],
                m.key,
                m.type,
            )
            for m in mentions
        )
        return cls(doc.norm[sent.start : sent.end], slots)


@dataclass(frozen=True)
class Family:
    """Predicates between slots of two kinds. ``first`` and ``second`` are slot codes; a label is ``none``, a
    predicate with the first kind as subject, or ``predicate<`` (the second kind is the subject); where both ends
    are of one kind, ``predicate>`` / ``predicate<`` say whether the earlier slot is the subject."""

    name: str
    first: str
    second: str
    labels: tuple[str, ...]
    blocked: str = ""  # slot codes that may not stand between the two ends (another person, place or date)
    exclude: tuple[str, ...] = ()  # entity types that take no part (a news outlet is mostly a source)

    @property
    def same_kind(self) -> bool:
        return self.first == self.second


# The families the scorer is trained for; organisation pairs leave out bare apps and platforms (在京东和天猫开店 is
# no partnership; FinRE, which teaches them, has companies), news outlets and business units. productOf (offering–organisation) and worksFor are left out: none of
# the training sets annotates them.
FAMILIES = (
    Family(
        "org_org",
        "OB",
        "OB",
        (
            "none",
            "partner",
            "investsIn>",
            "investsIn<",
            "acquired>",
            "acquired<",
            "parentOrganization>",
            "parentOrganization<",
        ),
        exclude=(
            "MediaOrganization",
            "BusinessUnit",
        ),  # a division's ties are its company's (rules: unit_name)
    ),
    Family("person_org", "P", "OAB", ("none", "founder<", "leads"), blocked="P"),
    Family("org_place", "OAB", "L", ("none", "location"), blocked="L"),
    Family("org_date", "OAB", "D", ("none", "foundingDate"), blocked="D"),
)


@dataclass(frozen=True)
class Candidate:
    """A pair of slots of one family: ``a`` has the family's first kind (the earlier slot, for one kind)."""

    family: str
    a: int
    b: int


def candidates(
    sentence: SentenceSlots, families: Sequence[Family], *, max_between: int, max_distance: int
) -> list[Candidate]:
    """Every pair of slots of two different entities that fits a family, at most ``max_between`` other slots
    and ``max_distance`` characters apart, with no slot of the family's ``blocked`` kinds between them (张三，
    李四任X董事长: 李四's post, not 张三's); a date must have a year."""
    slots = sentence.slots
    out = []
    for i, x in enumerate(slots):
        for j in range(i + 1, min(len(slots), i + max_between + 2)):
            y = slots[j]
            if x.entity == y.entity or y.start - x.end > max_distance:
                continue
            for fam in families:
                if x.type in fam.exclude or y.type in fam.exclude:
                    continue
                if x.code in fam.first and y.code in fam.second:
                    pair = (i, j)
                elif not fam.same_kind and y.code in fam.first and x.code in fam.second:
                    pair = (j, i)
                else:
                    continue
                if fam.blocked and any(slots[k].code in fam.blocked for k in range(i + 1, j)):
                    continue
                if all(slots[k].code != "D" or _YEAR.match(slots[k].text) for k in pair):
                    out.append(Candidate(fam.name, *pair))
    return out


@dataclass(frozen=True)
class Cues:
    """Where the vocabulary's cue words and the lexicon's job titles occur in a sentence."""

    starts: tuple[int, ...]
    items: tuple[tuple[int, int, str], ...]  # (start, end, feature), sorted by start

    def inside(self, lo: int, hi: int) -> Iterable[str]:
        k = bisect.bisect_left(self.starts, lo)
        while k < len(self.items) and self.items[k][0] < hi:
            if self.items[k][1] <= hi:
                yield self.items[k][2]
            k += 1


@dataclass(frozen=True)
class CueFinder:
    """One regular expression over the cue words of the named vocabulary lists, and the job titles."""

    regex: re.Pattern[str] | None
    lists_of: dict[str, tuple[str, ...]]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    titles: re.Pattern[str] | None

    @classmethod
    def build(cls, words: Words, names: Sequence[str], titles: re.Pattern[str] | None) -> CueFinder:
        """Cues from word lists (one alternation) and from patterns without slots; a name the vocabulary no
        longer has gives no feature."""
        lists_of: dict[str, list[str]] = {}
        patterns = []
        for name in names:
            try:
                for w in words.words(name):
                    lists_of.setdefault(w, []).append(name)
            except WordsError:
                try:
                    rx = words.regex(name)
                except WordsError:
                    continue
                if "⟦" not in rx.pattern:
                    patterns.append((name, rx))
        alternation = "|".join(re.escape(w) for w in sorted(lists_of, key=lambda w: (-len(w), w)))
        return cls(
            re.compile(alternation) if alternation else None,
            {w: tuple(n) for w, n in lists_of.items()},
            tuple(patterns),
            titles,
        )

    def find(self, text: str) -> Cues:
        items = []
        if self.regex is not None:
            for m in self.regex.finditer(text):
                items += [(m.start(), m.end(), f"cue:{name}") for name in self.lists_of[m.group()]]
        for name, rx in self.patterns:
            items += [(m.start(), m.end(), f"cue:{name}") for m in rx.finditer(text) if m.end() > m.start()]
        if self.titles is not None:
            for m in self.titles.finditer(text):
                items.append((m.start(), m.end(), f"title:{m.group()}"))
        items.sort()
        return Cues(tuple(i[0] for i in items), tuple(items))


def _shape(text: str, slots: Sequence[Slot], lo: int, hi: int) -> str:
    """``text[lo:hi]`` with every slot inside written as its one character and numbers as 0."""
    parts, pos = [], lo
    for s in slots:
        if s.start >= lo and s.end <= hi:
            parts.append(text[pos : s.start])
            parts.append(SLOT_CHAR.get(s.code, "Ⓞ"))
            pos = s.end
    parts.append(text[pos:hi])
    return _DIGITS.sub("0", "".join(parts))


def _clause_end(text: str, start: int, limit: int = 16) -> int:
    """Where the clause that goes on at ``start`` ends (a clause break), at most ``limit`` characters on."""
    end = min(len(text), start + limit)
    ends = _punctuation()[1]
    for k in range(start, end):
        if text[k] in ends:
            return k
    return end


@functools.cache
def _punctuation() -> tuple[frozenset[str], frozenset[str]]:
    """Punctuation inside a sentence (clause_break) and at any clause's end (clause_punctuation), words.toml."""
    words = load_words()
    return words.set("clause_break"), words.set("clause_punctuation")


def _grams(prefix: str, text: str, sizes: Iterable[int]) -> list[str]:
    return [f"{prefix}{n}:{text[k : k + n]}" for n in sizes for k in range(len(text) - n + 1)]


def _bin(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16"), (32, "17-32")):
        if n <= limit:
            return name
    return "33+"


def pair_features(
    sentence: SentenceSlots,
    cand: Candidate,
    cues: Cues,
    ruled: dict[str, tuple[str, ...]] | None = None,
) -> list[str]:
    """The feature strings of one candidate. ``ruled`` maps an entity to the predicates of the rule relations
    that already touch it in this sentence."""
    text, slots = sentence.text, sentence.slots
    a, b = slots[cand.a], slots[cand.b]
    first, second = (a, b) if a.start < b.start else (b, a)
    order = ">" if a is first else "<"
    between = _shape(text, slots, first.end, second.start)
    left = _shape(text, slots, max(0, first.start - _WINDOW), first.start)[-_WINDOW:]
    right = _shape(text, slots, second.end, min(len(text), second.end + _WINDOW))[:_WINDOW]
    inner = [s for s in slots if s.start >= first.end and s.end <= second.start]
    feats = [
        f"types:{a.code}{b.code}{order}",
        f"dist:{_bin(second.start - first.end)}",
        f"inner:{_bin(len(inner))}",
        f"innerseq:{''.join(s.code for s in inner[:4])}",
        f"punct:{min(2, sum(ch in _punctuation()[0] for ch in between))}",
        f"l1:{left[-1:]}",
        f"l2:{left[-2:]}",
        f"r1:{right[:1]}",
        f"r2:{right[:2]}",
        f"bs:{between[:2]}",
        f"be:{between[-2:]}",
        f"aend:{a.text[-2:]}",
        f"bend:{b.text[-2:]}",
    ]
    if len(between) <= 10:
        feats.append(f"bw:{order}{between}")
    ends = between if len(between) <= _LONG else between[:8] + "…" + between[-8:]
    feats += _grams("b", ends, (1, 2, 3))
    feats += [f"o{order}" + g for g in _grams("b", ends, (2,))]
    feats += _grams("l", left, (2,)) + _grams("r", right, (2,))
    # the rest of the clause after the pair holds the verb of 甲与乙…合作 / 竞争 / 签约
    stop = _clause_end(text, second.end)
    feats += _grams("c", _shape(text, slots, second.end, stop), (2,))
    feats += [f"{c}@c" for c in cues.inside(second.end, stop) if c.startswith("cue:")]
    feats += [f"{c}@b" for c in cues.inside(first.end, second.start)]
    feats += [f"{c}@b{order}" for c in cues.inside(first.end, second.start) if c.startswith("cue:")]
    feats += [f"{c}@l" for c in cues.inside(max(0, first.start - _WINDOW), first.start)]
    feats += [f"{c}@r" for c in cues.inside(second.end, second.end + _WINDOW)]
    if ruled:
        feats += [f"ruled_a:{p}" for p in ruled.get(a.entity, ())]
        feats += [f"ruled_b:{p}" for p in ruled.get(b.entity, ())]
    return feats


def hashed(features: Iterable[str], dim: int) -> np.ndarray:
    """The bucket of each distinct feature string (CRC-32 modulo ``dim``), as int32."""
    return np.fromiter((zlib.crc32(f.encode("utf-8")) % dim for f in dict.fromkeys(features)), dtype=np.int32)


def ruled_predicates(relations: Iterable[Relation], sentence: int) -> dict[str, tuple[str, ...]]:
    """For each entity, the predicates of the relations in ``sentence`` that touch it."""
    out: dict[str, set[str]] = {}
    for r in relations:
        if r.evidence.sentence == sentence and not r.literal:
            out.setdefault(r.subject, set()).add(r.predicate)
            out.setdefault(r.object, set()).add(r.predicate)
    return {k: tuple(sorted(v)) for k, v in out.items()}
