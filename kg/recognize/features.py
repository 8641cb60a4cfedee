"""Per-character input ids of the neural recogniser, computed by one function for training and tagging alike.

Six columns per character: the character, the bigram it starts, the segmenter's word boundary and part of speech,
what the curated lexicon sees there, what a gazetteer (the knowledge base's names) sees there, and the character's
shape (script, whether it starts a word with a surname, whether an organisation suffix ends on it or on the next
character). Ids come from a ``Vocab`` saved with the model; anything the vocabulary lacks reads as ``UNKNOWN``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Token
from .crf import _suffix_ends, lexicon_spans
from .lexicon import Lexicon

FEATURES = ("char", "bigram", "word", "lexicon", "gazetteer", "shape")
PAD, UNKNOWN = 0, 1  # every vocabulary's first two ids
SHAPES = 5 * 2 * 2 * 2  # script (Han, digit, Latin, punctuation, space) × surname × suffix end × suffix next
_PAD_BEFORE, _PAD_AFTER = (
    "\x02\x02",
    "\x03\x03",
)  # sentence edges in a batch's joined text; never part of a name

Item = tuple[str, list[Token], int]  # a sentence, its tokens, the offset its tokens start from


@dataclass(frozen=True)
class Gazetteer:
    """Names from a knowledge base as a feature: surface → kind, found leftmost-longest without overlaps.

    Built from any iterable of (name, kind) pairs, so the feature reads whatever list of names it is given. Tens
    of thousands of names are too many for one regular expression (seconds to compile, slow to match); instead
    the first two characters of every name are keys, and only where a key occurs are names looked up (of the
    lengths that names beginning with the next three characters have)."""

    kinds: dict[str, str]
    longer: dict[
        str, tuple[int, ...]
    ]  # first three characters → lengths of the names they start, longest first
    keys: np.ndarray  # the first two characters of every name as sorted integers, for finding candidates

    @classmethod
    def from_names(cls, names: Iterable[tuple[str, str]]) -> Gazetteer:
        kinds: dict[str, str] = {}
        for name, kind in names:
            if len(name) >= 2:  # a one-character name would fire everywhere
                kinds.setdefault(name, kind)
        longer: dict[str, set[int]] = {}
        for name in kinds:
            if len(name) > 2:
                longer.setdefault(name[:3], set()).add(len(name))
        keys = np.array(sorted({_key(name[:2]) for name in kinds}), dtype=np.int64)
        return cls(kinds, {k: tuple(sorted(v, reverse=True)) for k, v in longer.items()}, keys)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of the names in ``text``: at each position the longest, then on after its end.
        A Latin name must not touch another letter or digit (JD is no match inside JDX)."""
        if len(text) < 2 or not len(self.keys):
            return []
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        pairs = (cp[:-1] << 21) | cp[1:]
        at = np.minimum(np.searchsorted(self.keys, pairs), len(self.keys) - 1)
        out, end = [], 0
        for i in np.flatnonzero(self.keys[at] == pairs).tolist():
            if i < end:
                continue
            for size in (*self.longer.get(text[i : i + 3], ()), 2):  # only lengths a name here can have
                name = text[i : i + size]
                if len(name) == size and name in self.kinds and _edges_ok(text, i, i + size):
                    out.append((i, i + size, self.kinds[name]))
                    end = i + size
                    break
        return out


def _edges_ok(text: str, start: int, end: int) -> bool:
    if not (text[start].isascii() and text[start].isalnum()) and not (
        text[end - 1].isascii() and text[end - 1].isalnum()
    ):
        return True
    before, after = text[start - 1 : start], text[end : end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


@dataclass(frozen=True)
class Vocab:
    """The strings each column knows, in id order from 2 (0 is padding, 1 unknown)."""

    chars: tuple[str, ...]
    bigrams: tuple[str, ...]
    words: tuple[str, ...]  # boundary (B, M, E, S) + part of speech
    marks: tuple[str, ...]  # lexicon marks: B/I + kind
    gazetteer: tuple[str, ...]  # gazetteer marks: B/I + kind

    def sizes(self) -> tuple[int, ...]:
        return (
            len(self.chars) + 2,
            len(self.bigrams) + 2,
            len(self.words) + 2,
            len(self.marks) + 2,
            len(self.gazetteer) + 2,
            SHAPES + 2,
        )


def fold_digits(text: str) -> str:
    """Every ASCII digit as 0: the model learns what a number looks like, not which number it is."""
    return re.sub("[0-9]", "0", text)


def _keyed(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted integer keys (21 bits per code point) of ``strings`` and their ids (2 upwards)."""
    pairs = sorted((_key(s), i + 2) for i, s in enumerate(strings))
    return np.array([k for k, _ in pairs], dtype=np.int64), np.array([i for _, i in pairs], dtype=np.int64)


def _key(value: str) -> int:
    key = 0
    for ch in value:
        key = (key << 21) | ord(ch)
    return key


def _lookup(table: tuple[np.ndarray, np.ndarray], query: np.ndarray) -> np.ndarray:
    keys, ids = table
    if not len(keys):
        return np.full(len(query), UNKNOWN, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return np.where(keys[at] == query, ids[at], UNKNOWN)


def _script(cps: np.ndarray) -> np.ndarray:
    """0 Han, 1 digit, 2 Latin letter, 3 other sign, 4 space, per code point."""
    out = np.full(len(cps), 3, dtype=np.int64)
    out[(cps >= 0x4E00) & (cps <= 0x9FFF)] = 0
    out[(cps >= 0x30) & (cps <= 0x39)] = 1
    out[((cps >= 0x41) & (cps <= 0x5A)) | ((cps >= 0x61) & (cps <= 0x7A))] = 2
    out[np.isin(cps, [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000])] = 4
    return out


class FeatureEncoder:
    """``encode`` turns a batch of sentences into an (all characters × 6) id array, ``FEATURES``'s columns."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._chars = _keyed(vocab.chars)
        self._bigrams = _keyed(vocab.bigrams)
        self._words = {w: i + 2 for i, w in enumerate(vocab.words)}
        self._marks = {m: i + 2 for i, m in enumerate(vocab.marks)}
        self._gazetteer = {m: i + 2 for i, m in enumerate(vocab.gazetteer)}

    def encode(self, items: Sequence[Item], lexicon: Lexicon, gazetteer: Gazetteer | None) -> np.ndarray:
        """Ids for every character of every sentence, sentence after sentence (the tokens must rebuild it)."""
        padded = "".join(_PAD_BEFORE + text + _PAD_AFTER for text, _, _ in items)
        bases = np.cumsum([0] + [len(text) + 4 for text, _, _ in items[:-1]], dtype=np.int64) + 2
        lengths = np.array([len(text) for text, _, _ in items], dtype=np.int64)
        real = np.repeat(bases - np.cumsum(np.concatenate([[0], lengths[:-1]])), lengths) + np.arange(
            lengths.sum()
        )
        cp = np.frombuffer(fold_digits(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        here = cp[real]
        boundary, words = self._words_of(items)
        out = np.empty((len(real), len(FEATURES)), dtype=np.int64)
        out[:, 0] = _lookup(self._chars, here)
        out[:, 1] = _lookup(self._bigrams, (here << 21) | cp[real + 1])
        out[:, 2] = words
        out[:, 3] = _marks(padded, lexicon_spans(padded, lexicon), self._marks)[real]
        spans = gazetteer.spans(padded) if gazetteer is not None else []
        out[:, 4] = _marks(padded, spans, self._gazetteer)[real]
        surnames = np.array(sorted(ord(s) for s in lexicon.surnames), dtype=np.int64)
        surname = np.isin(here, surnames) & ((boundary == 0) | (boundary == 3))
        suffix_end = _suffix_ends(padded, lexicon)
        shape = ((_script(here) * 2 + surname) * 2 + suffix_end[real]) * 2 + suffix_end[real + 1]
        out[:, 5] = shape + 2
        return out

    def _words_of(self, items: Sequence[Item]) -> tuple[np.ndarray, np.ndarray]:
        """Per character: its place in its word (0 B, 1 M, 2 E, 3 S) and the id of boundary + part of speech.
        The tokens rebuild each sentence, so the batch's characters and its tokens' characters run in step."""
        flat = [t for _, tokens, _ in items for t in tokens]
        sizes = np.array([t.end - t.start for t in flat], dtype=np.int64)
        owner = np.repeat(np.arange(len(flat)), sizes)
        inside = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        size = sizes[owner]
        boundary = np.where(size == 1, 3, np.where(inside == 0, 0, np.where(inside == size - 1, 2, 1)))
        tags = sorted({t.pos for t in flat})
        table = np.array(
            [[self._words.get(b + tag, UNKNOWN) for b in "BMES"] for tag in tags], dtype=np.int64
        ).reshape(len(tags), 4)
        index = {tag: i for i, tag in enumerate(tags)}
        pos = np.array([index[t.pos] for t in flat], dtype=np.int64)
        return boundary, table[pos[owner], boundary] if len(owner) else np.zeros(0, dtype=np.int64)


def _marks(padded: str, spans: list[tuple[int, int, str]], ids: dict[str, int]) -> np.ndarray:
    """Per position of the joined text: the id of B+kind / I+kind of the span over it, else ``PAD`` (outside)."""
    out = np.zeros(len(padded), dtype=np.int64)
    for start, end, kind in spans:
        out[start] = ids.get("B" + kind, UNKNOWN)
        out[start + 1 : end] = ids.get("I" + kind, UNKNOWN)
    return out


def build_vocab(
    items: Iterable[Item], lexicon: Lexicon, gazetteer: Gazetteer | None, *, min_count: int = 2
) -> Vocab:
    """The vocabulary of a training set: characters and bigrams seen ``min_count`` times or more, every
    boundary + part of speech, every lexicon and gazetteer mark."""
    from collections import Counter

    chars: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    words: set[str] = set()
    marks: set[str] = set()
    gaz: set[str] = set()
    for text, tokens, _ in items:
        folded = fold_digits(text) + _PAD_AFTER[0]
        chars.update(folded[:-1])
        bigrams.update(folded[i : i + 2] for i in range(len(folded) - 1))
        for t in tokens:
            n = t.end - t.start
            places = "S" if n == 1 else "B" + "M" * min(n - 2, 1) + "E"
            words.update(p + t.pos for p in places)
        marks.update(p + kind for _, _, kind in lexicon_spans(text, lexicon) for p in "BI")
        if gazetteer is not None:
            gaz.update(p + kind for _, _, kind in gazetteer.spans(text) for p in "BI")
    return Vocab(
        chars=tuple(sorted(c for c, n in chars.items() if n >= min_count)),
        bigrams=tuple(sorted(b for b, n in bigrams.items() if n >= min_count)),
        words=tuple(sorted(words)),
        marks=tuple(sorted(marks)),
        gazetteer=tuple(sorted(gaz)),
    )
