"""A character CRF trained in this repository (python-crfsuite, ``python -m kg.train``) and decoded here with numpy:
names the rules and lexicon never listed.

Features per character: the character and its neighbours (±2), bigrams and the centred trigram, the segmenter's word boundary
(B/M/E/S), the word itself, its part of speech and length, whether the character starts a known surname, and where the
lexicon sees a name, a title, a place or an organisation suffix. Labels are BIO over PER, COM (company),
ORG, GOV, TITLE and LOC. The model file ships in ``kg/data/ner.crfsuite`` and loads on first use; training needs
python-crfsuite, tagging only numpy.
"""

from __future__ import annotations

import functools
import struct
from importlib import resources

import numpy as np

from ..model import Token
from ..types import CRF_LABELS
from .chain import LinearChain
from .crfmodel import CrfWeights, ModelFormatError, read_model
from .lexicon import Lexicon

MODEL_FILE = "ner.crfsuite"
_KINDS = "HDLPS"
_NGRAMS = {"c": 1, "c-1": 1, "c+1": 1, "c-2": 1, "c+2": 1, "b-1": 2, "b+1": 2, "t": 3}
_MARK_START, _MARK_END = 1, 2
_GROUP = 256  # sentences decoded together, sorted by length so that padding stays small
KG_TYPE = {**CRF_LABELS, "TITLE": "Title"}  # the CRF's labels (kg/data/types.toml) and job titles


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P" if not ch.isspace() else "S"


def lexicon_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The lexicon's view of ``text``: (start, end, kind) for each name (kind: its type's first three letters)
    and each title (kind: T) that does not start inside a name."""
    spans_ = [
        (start, end, lexicon.names[text[start:end]].types[0][:3]) for start, end in lexicon.name_spans(text)
    ]
    named = bytearray(len(text))
    for start, end, _ in spans_:
        named[start:end] = b"\x01" * (end - start)
    spans_ += [
        (m.start(), m.end(), "T") for m in lexicon.title_pattern.finditer(text) if not named[m.start()]
    ]
    return spans_


def lexicon_marks(text: str, lexicon: Lexicon) -> list[str]:
    """Per character: B-/I- of the lexicon span it is in (``lexicon_spans``), or O."""
    marks = ["O"] * len(text)
    for start, end, kind in lexicon_spans(text, lexicon):
        marks[start] = "B" + kind
        marks[start + 1 : end] = ["I" + kind] * (end - start - 1)
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
        ["c=" + padded[i + 2] for i in rng],
        ["c-1=" + padded[i + 1] for i in rng],
        ["c+1=" + padded[i + 3] for i in rng],
        ["c-2=" + padded[i] for i in rng],
        ["c+2=" + padded[i + 4] for i in rng],
        ["b-1=" + padded[i + 1 : i + 3] for i in rng],
        ["b+1=" + padded[i + 2 : i + 4] for i in rng],
        ["k=" + _kind(ch) for ch in text],
        ["w=" + b for b in boundary],
        ["p=" + p for p in pos],
        ["wl=" + x for x in length],
        ["wp=" + b + p for b, p in zip(boundary, pos, strict=True)],
        ["lex=" + lex[i + 1] for i in rng],
        ["lex-1=" + lex[i] for i in rng],
        ["lex+1=" + lex[i + 2] for i in rng],
        ["t=" + padded[i + 1 : i + 4] for i in rng],
        ["wd=" + w for w in word],
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


def _key(value: str) -> int:
    """A character n-gram as one integer (21 bits per code point)."""
    key = 0
    for ch in value:
        key = (key << 21) | ord(ch)
    return key


def spans(labels: list[str], probs: list[float]) -> list[tuple[int, int, str, float]]:
    """BIO labels → (start, end, label, lowest marginal inside the span)."""
    out: list[tuple[int, int, str, float]] = []
    start: int | None = None
    kind = ""
    for i, label in enumerate([*labels, "O"]):
        if start is not None and (label == "O" or label.startswith("B-") or label[2:] != kind):
            out.append((start, i, kind, min(probs[start:i])))
            start, kind = None, ""
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = i, label[2:]
    return out


def _spans(
    labels: list[int], probs: list[float], bio: list[tuple[bool, bool, str]]
) -> list[tuple[int, int, str, float]]:
    """``spans`` over label indices, with each label's (begins, inside, kind) looked up once."""
    out: list[tuple[int, int, str, float]] = []
    start: int | None = None
    kind = ""
    for i, label in enumerate(labels):
        begins, inside, label_kind = bio[label]
        if start is not None and (not (begins or inside) or begins or label_kind != kind):
            out.append((start, i, kind, min(probs[start:i])))
            start, kind = None, ""
        if begins or (inside and start is None):
            start, kind = i, label_kind
    if start is not None:
        out.append((start, len(labels), kind, min(probs[start:])))
    return out


class CrfTagger:
    """The shipped model, decoded with numpy: ``tag_batch`` returns (start, end, kg type, confidence) spans.

    The features are the ones ``features`` spells out as strings for training, computed here as attribute ids
    over a whole batch of sentences at once (character n-grams by sorted-key lookup, word features once per
    token), and Viterbi and forward-backward run over the batch in one pass per position. The labels are the
    ones crfsuite's own tagger gives and the confidences agree with its marginals to rounding (tested)."""

    name = "crf"  # the source its mentions carry

    def __init__(self, weights: CrfWeights) -> None:
        self.labels = weights.labels
        self._state = weights.state
        self._chain = LinearChain(
            weights.transitions, weights.labels.index("O") if "O" in weights.labels else -1
        )
        self._none = len(weights.attributes)  # the zero row
        vocab: dict[str, dict[str, int]] = {}
        for ident, attribute in enumerate(weights.attributes):
            name, _, value = attribute.partition("=")
            vocab.setdefault(name, {})[value] = ident
        self._vocab = vocab
        self._ngrams = {name: self._keyed(vocab.get(name, {}), size) for name, size in _NGRAMS.items()}
        # single characters of the Basic Multilingual Plane: a direct table per feature (one gather, no search)
        self._bmp = {
            name: self._bmp_table(name) for name, size in _NGRAMS.items() if size == 1 and name in vocab
        }
        outside = self._chain._outside
        self._bio = [(label.startswith("B-"), label.startswith("I-"), label[2:]) for label in self.labels]
        self._all_outside = outside
        self._kind_ids = self._ids("k", _KINDS)
        self._boundary_ids = self._ids("w", "BMES")
        self._length_ids = self._ids("wl", ["", "1", "2", "3", "4"])
        # parts of speech the model knows, as rows of (p=, wp= by boundary) ids; row 0 for an unknown one
        tags = sorted(set(vocab.get("p", {})) | {v[1:] for v in vocab.get("wp", {})})
        self._pos_index = {tag: i + 1 for i, tag in enumerate(tags)}
        self._pos_ids = self._ids("p", ["\x00", *tags])
        self._wp_ids = np.array(
            [[vocab.get("wp", {}).get(b + tag, self._none) for b in "BMES"] for tag in ["\x00", *tags]],
            dtype=np.int64,
        )
        self._single = {
            name: vocab.get(name, {}).get("", self._none) for name in ("surname", "orgsuffix", "orgsuffix+1")
        }

    @classmethod
    def from_file(cls, path: str) -> CrfTagger:
        with open(path, "rb") as f:
            data = f.read()
        try:
            return cls(read_model(data))
        except (ModelFormatError, struct.error, UnicodeDecodeError, ValueError) as exc:
            raise ModelFormatError(f"{path}: not a usable CRFsuite model ({exc})") from None

    def _ids(self, name: str, values) -> np.ndarray:
        table = self._vocab.get(name, {})
        return np.array([table.get(v, self._none) for v in values], dtype=np.int64)

    def _keyed(self, table: dict[str, int], size: int) -> tuple[np.ndarray, np.ndarray]:
        pairs = sorted((_key(v), i) for v, i in table.items() if len(v) == size)
        keys = np.array([k for k, _ in pairs], dtype=np.int64)
        return keys, np.array([i for _, i in pairs], dtype=np.int64)

    def _bmp_table(self, name: str) -> np.ndarray:
        table = np.full(0x10000, self._none, dtype=np.int64)
        for value, ident in self._vocab[name].items():
            if len(value) == 1 and ord(value) < 0x10000:
                table[ord(value)] = ident
        return table

    def _unigram(self, name: str, query: np.ndarray) -> np.ndarray:
        """``_lookup`` for one character: the BMP table, the sorted keys for the rest."""
        table = self._bmp.get(name)
        if table is None:
            return self._lookup(name, query)
        astral = query >= 0x10000
        out = table[np.where(astral, 0, query)]
        if astral.any():
            out[astral] = self._lookup(name, query[astral])
        return out

    def _lookup(self, name: str, query: np.ndarray) -> np.ndarray:
        keys, ids = self._ngrams[name]
        if not len(keys):
            return np.full(len(query), self._none, dtype=np.int64)
        at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
        return np.where(keys[at] == query, ids[at], self._none)

    def tag(self, text: str, tokens: list[Token], lexicon: Lexicon) -> list[tuple[int, int, str, float]]:
        return self.tag_batch([(text, tokens, 0)], lexicon)[0]

    def tag_batch(
        self, items: list[tuple[str, list[Token], int]], lexicon: Lexicon
    ) -> list[list[tuple[int, int, str, float]]]:
        """Spans (offsets into the sentence) for each (sentence, its tokens, the offset its tokens start from);
        the tokens must rebuild the sentence."""
        results: list[list[tuple[int, int, str, float]]] = [[] for _ in items]
        live = [i for i, (text, _, _) in enumerate(items) if text]
        if not live:
            return results
        emissions = self._emissions([items[i] for i in live], lexicon)
        order = sorted(range(len(live)), key=lambda k: len(emissions[k]))
        for lo in range(0, len(order), _GROUP):
            group = order[lo : lo + _GROUP]
            for k, labels, probs in zip(
                group, *self._chain.decode([emissions[k] for k in group]), strict=True
            ):
                if labels.count(self._all_outside) == len(labels):
                    continue  # nothing tagged (most sentences)
                results[live[k]] = [
                    (s, e, KG_TYPE[t], p) for s, e, t, p in _spans(labels, probs, self._bio) if t in KG_TYPE
                ]
        return results

    def _emissions(self, items: list[tuple[str, list[Token], int]], lexicon: Lexicon) -> list[np.ndarray]:
        """Per sentence, the (characters × labels) state scores, summed feature by feature in ``features``'s order."""
        padded = "".join("\x02\x02" + text + "\x03\x03" for text, _, _ in items)
        bases, base = [], 2
        for text, _, _ in items:
            bases.append(base)
            base += len(text) + 4
        cp = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        real = np.concatenate([np.arange(b, b + len(t)) for b, (t, _, _) in zip(bases, items, strict=True)])
        # word features, once per token
        flat = [t for _, tokens, _ in items for t in tokens]
        tok_start = [
            b - offset + t.start for b, (_, tokens, offset) in zip(bases, items, strict=True) for t in tokens
        ]
        tok_len = [t.end - t.start for t in flat]
        pos_index = self._pos_index
        pos_of = np.array([pos_index.get(t.pos, 0) for t in flat], dtype=np.int64)
        wd_vocab, none = self._vocab.get("wd", {}), self._none
        wd_ids = np.array([wd_vocab.get(t.word, none) for t in flat], dtype=np.int64)
        tok_len_a = np.array(tok_len, dtype=np.int64)
        owner = np.repeat(np.arange(len(tok_len)), tok_len_a)  # token of each real character, in order
        inside = real - np.repeat(np.array(tok_start, dtype=np.int64), tok_len_a)
        length = tok_len_a[owner]
        boundary = np.where(length == 1, 3, np.where(inside == 0, 0, np.where(inside == length - 1, 2, 1)))
        marks, mark_names = _mark_codes(padded, bases, [len(t) for t, _, _ in items], lexicon)
        suffix_end = _suffix_ends(padded, lexicon)
        surname_cps = np.array(sorted(ord(s) for s in lexicon.surnames), dtype=np.int64)
        here = cp[real]
        columns = [
            self._unigram("c", here),
            self._unigram("c-1", cp[real - 1]),
            self._unigram("c+1", cp[real + 1]),
            self._unigram("c-2", cp[real - 2]),
            self._unigram("c+2", cp[real + 2]),
            self._lookup("b-1", (cp[real - 1] << 21) | here),
            self._lookup("b+1", (here << 21) | cp[real + 1]),
            self._kind_ids[self._kinds(here)],
            self._boundary_ids[boundary],
            self._pos_ids[pos_of[owner]],
            self._length_ids[np.minimum(length, 4)],
            self._wp_ids[pos_of[owner], boundary],
        ]
        for name, shift in (("lex", 0), ("lex-1", -1), ("lex+1", 1)):
            columns.append(self._ids(name, mark_names)[marks[real + shift]])
        columns.append(self._lookup("t", (cp[real - 1] << 42) | (here << 21) | cp[real + 1]))
        columns.append(wd_ids[owner])
        surname = np.isin(here, surname_cps) & ((boundary == 0) | (boundary == 3))
        columns.append(np.where(surname, self._single["surname"], none))
        columns.append(np.where(suffix_end[real], self._single["orgsuffix"], none))
        columns.append(np.where(suffix_end[real + 1], self._single["orgsuffix+1"], none))
        state = self._state
        scores = state[columns[0]]
        for column in columns[1:]:
            scores += state[column]  # added in column order, as crfsuite adds a character's features
        cuts = np.cumsum([len(t) for t, _, _ in items])[:-1]
        return np.split(scores, cuts)

    @staticmethod
    def _kinds(cps: np.ndarray) -> np.ndarray:
        out = np.full(len(cps), _KINDS.index("H"), dtype=np.int64)
        other = (cps < 0x4E00) | (cps > 0x9FFF)
        if other.any():
            values, inverse = np.unique(cps[other], return_inverse=True)
            out[other] = np.array([_KINDS.index(_kind(chr(v))) for v in values], dtype=np.int64)[inverse]
        return out


def _mark_codes(
    padded: str, bases: list[int], lengths: list[int], lexicon: Lexicon
) -> tuple[np.ndarray, list[str]]:
    """``lexicon_marks`` for a padded batch: a code per position and the code → mark table. The pads read as the
    sentence edges (^ before a sentence, $ after it), as ``features`` pads each sentence for training."""
    marks = np.zeros(len(padded), dtype=np.int64)
    starts, ends = np.array(bases), np.array(bases) + np.array(lengths)
    marks[starts - 1] = marks[starts - 2] = _MARK_START
    marks[ends] = marks[ends + 1] = _MARK_END
    codes = {"O": 0}
    for start, end, kind in lexicon_spans(padded, lexicon):
        marks[start] = codes.setdefault("B" + kind, len(codes) + 2)
        marks[start + 1 : end] = codes.setdefault("I" + kind, len(codes) + 2)
    return marks, ["O", "^", "$"] + [c for c, _ in sorted(codes.items(), key=lambda kv: kv[1]) if c != "O"]


def _suffix_ends(padded: str, lexicon: Lexicon) -> np.ndarray:
    """Where an organisation suffix (公司, 集团 …) ends, overlapping occurrences included (one extra position)."""
    out = np.zeros(len(padded) + 1, dtype=bool)
    for suffix, _ in lexicon.org_suffixes:
        at = padded.find(suffix)
        while at >= 0:
            out[at + len(suffix) - 1] = True
            at = padded.find(suffix, at + 1)
    return out


@functools.cache
def load_tagger() -> CrfTagger | None:
    """The shipped CRF, or None when the package carries no model file."""
    ref = resources.files("kg.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        return CrfTagger.from_file(str(path))
