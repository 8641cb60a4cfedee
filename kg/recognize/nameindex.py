"""The lexicon's names in a text, found as its regular expression finds them, without running it at every character.

``Lexicon.name_pattern`` matches, at each position, the longest name written in Han characters (or mixed), else
the longest Latin name with no letter or digit on either side; ``finditer`` then goes on after the match. Python's
engine enters the name trie at almost every character of Chinese text, and two recognisers scan every document
with it. Here the positions where a name can start are found at once with numpy (a sorted array of the names'
first two characters for Han names, the Latin names' first characters), and only those are tried, longest length
first. The spans are the pattern's own, at every position (tests compare the two on the corpus and on random
text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


def _codes(text: str) -> np.ndarray:
    """Code points of ``text`` (lone surrogates too), one per character as Python indexes them."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


@dataclass(frozen=True)
class NameIndex:
    han: frozenset[str]  # names that are not all ASCII, each at least two characters long
    lengths: dict[
        str, tuple[int, ...]
    ]  # first three characters → lengths above two of the Han names, longest first
    pairs: np.ndarray  # the Han names' first two characters as sorted integers
    latin_first: np.ndarray  # the Latin names' first characters, sorted
    latin: re.Pattern[str] | None  # the pattern's Latin half, guards included
    short: frozenset[str]  # one-character Han names (none are shipped; a user's lexicon may have them)

    @classmethod
    def build(
        cls,
        names: Iterable[str],
        latin_pattern: str | None,
        compile_: Callable[[str], re.Pattern[str]] = re.compile,
    ) -> NameIndex:
        han = [n for n in set(names) if n and not n.isascii()]
        latin = [n for n in set(names) if n and n.isascii()]
        lengths: dict[str, set[int]] = {}
        for name in han:
            if len(name) > 2:
                lengths.setdefault(name[:3], set()).add(len(name))
        pairs = sorted({(ord(n[0]) << 21) | ord(n[1]) for n in han if len(n) >= 2})
        return cls(
            han=frozenset(n for n in han if len(n) >= 2),
            lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
            pairs=np.array(pairs, dtype=np.int64),
            latin_first=np.array(sorted({ord(n[0]) for n in latin}), dtype=np.int64),
            latin=compile_(latin_pattern) if latin and latin_pattern else None,
            short=frozenset(n for n in han if len(n) == 1),
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each name, as ``name_pattern.finditer(text)`` gives them."""
        if not text:
            return []
        cp = _codes(text)
        han_at: np.ndarray = np.zeros(0, dtype=np.int64)
        if len(cp) >= 2 and len(self.pairs):
            pairs = (cp[:-1] << 21) | cp[1:]
            at = np.minimum(np.searchsorted(self.pairs, pairs), len(self.pairs) - 1)
            han_at = np.flatnonzero(self.pairs[at] == pairs)
        if self.short:
            han_at = np.union1d(han_at, [i for i, ch in enumerate(text) if ch in self.short])
        latin_at: np.ndarray = np.zeros(0, dtype=np.int64)
        if self.latin is not None and len(self.latin_first):
            latin_at = np.flatnonzero(np.isin(cp, self.latin_first))
        han_starts = set(han_at.tolist())
        latin_starts = set(latin_at.tolist())
        out: list[tuple[int, int]] = []
        end = 0
        for i in sorted(han_starts | latin_starts):
            if i < end:
                continue
            found = self._han_end(text, i) if i in han_starts else None
            if found is None and i in latin_starts:
                assert self.latin is not None
                m = self.latin.match(text, i)
                found = m.end() if m else None
            if found is not None:
                out.append((i, found))
                end = found
        return out

    def _han_end(self, text: str, i: int) -> int | None:
        for size in (*self.lengths.get(text[i : i + 3], ()), 2, 1):
            name = text[i : i + size]
            if len(name) == size and (name in self.han or name in self.short):
                return i + size
        return None
