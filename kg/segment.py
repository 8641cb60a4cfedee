"""The one wrapper around jieba / rjieba: created lazily, quiet, and offset-exact.

jieba keeps a module-level tokenizer and logs to stderr on first use; kg instead builds one private
``Segmenter`` per engine and process (``get_segmenter``), loads the lexicon's words into it with their
tags, and checks that the tokens rebuild the text exactly.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable, Iterable

from .errors import KgError, MissingDependency
from .model import Token

ENGINES = ("rjieba", "jieba")


class Segmenter:
    """Word segmentation with POS tags and character offsets."""

    def __init__(
        self, engine: str = "rjieba", *, words: Iterable[tuple[str, str]] = (), split: Iterable[str] = ()
    ) -> None:
        if engine not in ENGINES:
            raise KgError(f"unknown segmentation engine {engine!r}; choose one of: {', '.join(ENGINES)}")
        self.engine = engine
        words = tuple(words)
        if engine == "rjieba":
            try:
                import rjieba
            except ImportError:
                raise MissingDependency("rjieba") from None
            self._impl = rjieba.Jieba()
            for word, tag in words:
                self._impl.add_word(word, 50000, tag)
            split = tuple(split)
            for word in split:
                self._impl.add_word(word, 0, None)  # a frequency of 0: never one token
            self._tag: Callable[[str], list[tuple[str, str]]] = self._impl.tag
            unknown = frozenset(
                split
            )  # (rjieba still lists them; jieba's FREQ says 0, so no engine knows them)
            self.known = lambda word: word not in unknown and self._impl.has_word(word)
        else:
            try:
                import jieba
                import jieba.posseg
            except ImportError:
                raise MissingDependency("jieba") from None
            logging.getLogger("jieba").setLevel(logging.ERROR)
            jieba.setLogLevel(logging.ERROR)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word, tag in words:
                tokenizer.add_word(word, 50000, tag)
            for word in split:
                tokenizer.add_word(word, 0)
            pos = jieba.posseg.POSTokenizer(tokenizer)
            self.known = lambda word: bool(tokenizer.FREQ.get(word))
            self._tag = lambda text: [(p.word, p.flag) for p in pos.cut(text)]

    def tokens(self, text: str, *, offset: int = 0) -> list[Token]:
        """Tokens of ``text`` with offsets shifted by ``offset``; raises if they do not rebuild the text."""
        tagged = self._tag(text)
        words, tags = zip(*tagged, strict=True) if tagged else ((), ())
        if "".join(words) != text:
            raise KgError(f"segmenter output does not rebuild the text (at offset {offset})")
        bounds = list(
            itertools.accumulate(map(len, words), initial=offset)
        )  # each token starts where one ends
        return list(map(Token, bounds[:-1], bounds[1:], words, tags))

    def words(self, text: str) -> list[str]:
        return [w for w, _ in self._tag(text)]


@functools.cache
def get_segmenter(engine: str = "rjieba", lexicons: tuple[str, ...] = ()) -> Segmenter:
    """One segmenter per engine (and set of user lexicons) per process, with the lexicon's words added."""
    from .recognize.lexicon import load_lexicon
    from .words import load_words

    return Segmenter(
        engine, words=load_lexicon(lexicons).segmenter_words(), split=load_words().words("split_in_segmenter")
    )


def available_engine(preferred: str = "rjieba") -> str:
    """The preferred engine if it imports, else the reference jieba."""
    if preferred == "rjieba":
        try:
            import rjieba  # noqa: F401
        except ImportError:
            return "jieba"
    return preferred
