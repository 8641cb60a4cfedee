"""The training data of the neural recogniser: every NER training split, its labels turned into constraints.

Where a set's labels are coarser than kg's (PER, COM, ORG, GOV, TITLE, LOC in BIO), its annotation constrains the
CRF's path instead of fixing it: an MSRA ORG may be a company, an organisation or a government body, and where
MSRA says nothing a job title may still be (MSRA does not mark titles). ``allowed_labels`` spells that out per
character; the loss (kg/train_nn.py) is the likelihood of all paths that keep to it. Every tenth sentence of each
set is held out (``HELD_OUT``). Dev and test splits are never read.

The real-text corpus's `dev` split (benchmarks/realtext/corpus.jsonl) trains it too, where it is given: news
articles, whose gold lists names, not spans; every occurrence of a gold name or alias (longest first) is a span
of its type, and the only annotated set with products, platforms and programmes (PRO). Its `test` split is never
read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .recognize.lexicon import Lexicon
from .recognize.nn import LABELS
from .segment import get_segmenter
from .zh.text import fold_width, to_simplified

ORGS = ("COM", "ORG", "GOV")


@dataclass(frozen=True)
class Scheme:
    """How one dataset's labels constrain kg's: a label → the types its spans may be; ``unmarked``: types the set
    does not annotate (they may occur where it says nothing); spans shorter than ``short`` of a label that allows
    several types may also be nothing (Resume NER marks 公司 and 本公司 as ORG)."""

    file: str
    spans: dict[str, tuple[str, ...]]
    unmarked: tuple[str, ...] = ()
    short: int = 0


SCHEMES = {
    "cluener2020": Scheme(
        "cluener2020/train.jsonl",
        {
            "name": ("PER",),
            "company": ("COM",),
            "organization": ("ORG",),
            "government": ("GOV",),
            "position": ("TITLE",),
            "address": ("LOC",),
            "game": ("PRO",),  # games, books and films are products, as the real-text gold types them
            "book": ("PRO",),
            "movie": ("PRO",),
        },
    ),
    "resume_ner": Scheme(
        "resume_ner/train.jsonl",
        {"NAME": ("PER",), "ORG": ORGS, "TITLE": ("TITLE",), "LOC": ("LOC",), "CONT": ("LOC",)},
        unmarked=("LOC",),
        short=4,
    ),
    "msra_ner": Scheme(
        "msra_ner/train_sample.jsonl",
        {"PER": ("PER",), "ORG": ORGS, "LOC": ("LOC",)},
        unmarked=("TITLE",),
    ),
    "weibo_ner": Scheme(
        "weibo_ner/train.jsonl",
        {"PER.NAM": ("PER",), "ORG.NAM": ORGS, "GPE.NAM": ("LOC",), "LOC.NAM": ("LOC",)},
        unmarked=("TITLE",),
    ),
}
REALTEXT = Scheme(
    "benchmarks/realtext/corpus.jsonl",
    {
        "Person": ("PER",),
        "Company": ("COM",),
        "Organization": ("ORG",),
        "MediaOrganization": ("ORG",),
        "BusinessUnit": ("ORG",),
        "GovernmentOrganization": ("GOV",),
        "Product": ("PRO",),
        "Platform": ("PRO",),
        "Programme": ("PRO",),
        "Place": ("LOC",),
    },
    unmarked=("TITLE", "LOC"),  # the guide annotates no titles, and places only where a relation needs them
)
HELD_OUT = 10  # every tenth sentence of each set is held out


def scheme_of(dataset: str) -> Scheme:
    """The labelling scheme of a training sentence's dataset."""
    return REALTEXT if dataset == "realtext" else SCHEMES[dataset]


_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@dataclass(frozen=True)
class Sentence:
    dataset: str
    text: str
    tokens: list
    allowed: np.ndarray  # (characters × labels) bool: the labels the annotation allows at each character
    gold: tuple[tuple[int, int, str], ...]  # the annotated spans, in the dataset's own labels


def _index(label: str) -> int:
    return LABELS.index(label)


def allowed_labels(n: int, entities: list[dict], scheme: Scheme) -> np.ndarray:
    """Per character, the labels a path may take there and still agree with the annotation."""
    allowed = np.zeros((n, len(LABELS)), dtype=bool)
    allowed[:, 0] = True
    for t in scheme.unmarked:
        allowed[:, [_index("B-" + t), _index("I-" + t)]] = True
    for ent in entities:
        types = scheme.spans.get(ent["type"])
        start, end = ent["start"], ent["end"]
        if types is None:
            allowed[start:end] = False
            allowed[start:end, 0] = True  # annotated as something kg does not tag
            continue
        allowed[start:end] = False
        if len(types) > 1 and end - start < scheme.short:
            allowed[start:end, 0] = True
        for t in types:
            allowed[start, _index("B-" + t)] = True
            allowed[start + 1 : end, _index("I-" + t)] = True
    return allowed


def realtext_records(path: Path) -> Iterator[dict]:
    """The sentences of the real-text corpus's dev split as NER records (``text``, ``entities`` with offsets):
    every occurrence of a gold name or alias, longest first and never overlapping, is a span of its type."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("split") != "dev":
                continue  # the test split is never read
            text = fold_width(to_simplified(record["text"]))
            names = sorted(
                {
                    (fold_width(to_simplified(n)), e["type"])
                    for e in record["gold"]["entities"]
                    if e["type"] in REALTEXT.spans
                    for n in (e["name"], *e.get("aliases", ()))
                    if len(n.strip()) >= 2
                },
                key=lambda x: (-len(x[0]), x[0]),
            )
            taken = [False] * len(text)
            spans = []
            for name, type_ in names:
                for m in re.finditer(re.escape(name), text):
                    if not any(taken[m.start() : m.end()]):
                        taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                        spans.append((m.start(), m.end(), type_))
            spans.sort()
            for sent in _SENTENCE.finditer(text):
                a, b = sent.start(), sent.end()
                if b - a < 4:
                    continue
                inside = [{"start": s - a, "end": e - a, "type": t} for s, e, t in spans if a <= s and e <= b]
                yield {"text": text[a:b], "entities": inside}


def read_sentences(
    data: Path, lexicon: Lexicon, realtext: Path | None = None
) -> Iterator[tuple[int, Sentence]]:
    """(index in its file, sentence) for every record of every training split, text normalised as kg does; and
    the real-text corpus's dev sentences where ``realtext`` names it."""
    segmenter = get_segmenter("rjieba")
    for name, scheme in SCHEMES.items():
        path = data / scheme.file
        if not path.is_file():
            raise FileNotFoundError(f"{path}: not found")
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                record = json.loads(line)
                text = fold_width(to_simplified(record["text"]))
                if not text:
                    continue
                ents = record["entities"]
                gold = tuple((e["start"], e["end"], e["type"]) for e in ents if e["type"] in scheme.spans)
                allowed = allowed_labels(len(text), ents, scheme)
                yield i, Sentence(name, text, segmenter.tokens(text), allowed, gold)
    if realtext is not None:
        if not realtext.is_file():
            raise FileNotFoundError(f"{realtext}: not found")
        for i, record in enumerate(realtext_records(realtext)):
            text, ents = record["text"], record["entities"]
            gold = tuple((e["start"], e["end"], e["type"]) for e in ents)
            allowed = allowed_labels(len(text), ents, REALTEXT)
            yield i, Sentence("realtext", text, segmenter.tokens(text), allowed, gold)
