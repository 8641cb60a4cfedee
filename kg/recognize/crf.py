"""A character CRF (python-crfsuite) trained in this repository: names the rules and lexicon never listed.

Features per character: the character and its neighbours (±2), bigrams and the centred trigram, the segmenter's word boundary
(B/M/E/S), the word itself, its part of speech and length, whether the character starts a known surname, and where the
lexicon sees a name, a title, a place or an organisation suffix. Labels are BIO over PER, COM (company),
ORG, GOV, TITLE and LOC. The model file ships in ``kg/data/ner.crfsuite`` and loads on first use.
"""

from __future__ import annotations

import functools
from importlib import resources

from ..errors import MissingDependency
from ..model import Token
from .lexicon import Lexicon

MODEL_FILE = "ner.crfsuite"
KG_TYPE = {"PER": "Person", "COM": "Company", "ORG": "Organization", "GOV": "GovernmentOrganization",
           "TITLE": "Title", "LOC": "Place"}


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P" if not ch.isspace() else "S"


def lexicon_marks(text: str, lexicon: Lexicon) -> list[str]:
    """Per character: the lexicon's view (B-/I- of a name's type, a title, an organisation suffix end)."""
    marks = ["O"] * len(text)
    for m in lexicon.name_pattern.finditer(text):
        kind = lexicon.names[m.group()].types[0][:3]
        marks[m.start()] = "B" + kind
        for i in range(m.start() + 1, m.end()):
            marks[i] = "I" + kind
    for m in lexicon.title_pattern.finditer(text):
        if marks[m.start()] == "O":
            marks[m.start()] = "BT"
            for i in range(m.start() + 1, m.end()):
                marks[i] = "IT"
    return marks


def features(text: str, tokens: list[Token], lexicon: Lexicon) -> list[list[str]]:
    """crfsuite feature strings for each character of ``text`` (``tokens`` cover ``text`` from offset 0)."""
    n = len(text)
    boundary, pos, length, word = [""] * n, [""] * n, [""] * n, [""] * n
    for t in tokens:
        size = t.end - t.start
        for i in range(t.start, t.end):
            word[i] = t.word
            boundary[i] = "S" if size == 1 else ("B" if i == t.start else "E" if i == t.end - 1 else "M")
            pos[i] = t.pos
            length[i] = str(min(size, 4))
    marks = lexicon_marks(text, lexicon)
    suffix_ends = set()
    for suffix, _ in lexicon.org_suffixes:
        start = text.find(suffix)
        while start >= 0:
            suffix_ends.add(start + len(suffix) - 1)
            start = text.find(suffix, start + 1)
    padded = "\x02\x02" + text + "\x03\x03"
    lex = ["^", *marks, "$"]
    # each feature as a column, built in one comprehension, then zipped into rows: much faster than a row loop
    rng = range(n)
    columns = (
        ["c=" + padded[i + 2] for i in rng], ["c-1=" + padded[i + 1] for i in rng], ["c+1=" + padded[i + 3] for i in rng],
        ["c-2=" + padded[i] for i in rng], ["c+2=" + padded[i + 4] for i in rng],
        ["b-1=" + padded[i + 1 : i + 3] for i in rng], ["b+1=" + padded[i + 2 : i + 4] for i in rng],
        ["k=" + _kind(ch) for ch in text], ["w=" + b for b in boundary], ["p=" + p for p in pos],
        ["wl=" + x for x in length], ["wp=" + b + p for b, p in zip(boundary, pos, strict=True)],
        ["lex=" + lex[i + 1] for i in rng], ["lex-1=" + lex[i] for i in rng], ["lex+1=" + lex[i + 2] for i in rng],
        ["t=" + padded[i + 1 : i + 4] for i in rng], ["wd=" + w for w in word],
    )
    out = [list(row) for row in zip(*columns, strict=True)] if n else []
    surnames = lexicon.surnames
    for i, ch in enumerate(text):
        if ch in surnames and boundary[i] in ("B", "S"):
            out[i].append("surname")
    for i in suffix_ends:
        out[i].append("orgsuffix")
        if i > 0:
            out[i - 1].append("orgsuffix+1")
    return out


def spans(labels: list[str], probs: list[float]) -> list[tuple[int, int, str, float]]:
    """BIO labels → (start, end, label, lowest marginal inside the span)."""
    out, start, kind = [], None, None
    for i, label in enumerate([*labels, "O"]):
        if start is not None and (label == "O" or label.startswith("B-") or label[2:] != kind):
            out.append((start, i, kind, min(probs[start:i])))
            start = kind = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = i, label[2:]
    return out


class CrfTagger:
    """The shipped model; ``tag`` returns (start, end, kg type, confidence) spans."""

    def __init__(self, path: str) -> None:
        try:
            import pycrfsuite
        except ImportError:
            raise MissingDependency("python-crfsuite") from None
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)

    def tag(self, text: str, tokens: list[Token], lexicon: Lexicon) -> list[tuple[int, int, str, float]]:
        if not text:
            return []
        labels = self._tagger.tag(features(text, tokens, lexicon))
        # marginals only where a span was tagged: one call per character is the costly part of tagging
        probs = [self._tagger.marginal(label, i) if label != "O" else 1.0 for i, label in enumerate(labels)]
        return [(s, e, KG_TYPE[k], p) for s, e, k, p in spans(labels, probs) if k in KG_TYPE]


@functools.cache
def load_tagger() -> CrfTagger | None:
    """The shipped CRF, or None when the package carries no model file."""
    ref = resources.files("kg.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return CrfTagger(str(path))
