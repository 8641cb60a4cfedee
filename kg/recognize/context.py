"""What every recogniser reads: the document, its tokens, the lexicon, and helpers to make mentions."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Document, Mention, Token
from ..words import load_words
from .lexicon import Lexicon

HAN = "\u4e00-\u9fff"
STATISTICAL_SOURCES = ("nn", "crf")  # the sources of the statistical taggers' mentions
_W = load_words()
NAME_STOP = _W.set("name_stop")
FUNCTION_SURNAMES = _W.set("function_surname")
GLUED = _W.set("glued_after_name")
_ADVERBS = _W.set("adverb_after_name")
_GLUED_CLAUSE = _W.set("glued_clause_char")
_NOT_GIVEN_NAME = ("v", "d", "p", "c", "r", "m", "q", "f", "u", "t", "a")
NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "nt", "eng", "j"})


@dataclass
class Context:
    doc: Document
    tokens: list[Token]
    lexicon: Lexicon
    known: Callable[[str], bool]
    _starts: list[int] = field(init=False)
    _by_start: dict[int, Token] = field(init=False)
    _ends: set[int] = field(init=False)
    _sentence_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self._by_start = {t.start: t for t in self.tokens}
        self._ends = {t.end for t in self.tokens}
        self._sentence_starts = [s.start for s in self.doc.sentences]

    @property
    def text(self) -> str:
        return self.doc.norm

    def token_at(self, start: int) -> Token | None:
        return self._by_start.get(start)

    def token_index(self, offset: int) -> int:
        """Index of the token that contains ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def tokens_from(self, start: int, end: int) -> list[Token]:
        """The tokens from the one that contains ``start`` up to the last that begins before ``end``."""
        return self.tokens[self.token_index(start) : bisect.bisect_left(self._starts, end)]

    def after_glued_char(self, start: int, end: int, *, head: int | None = None) -> int:
        """Where a name begins when the segmenter glued a verb or a preposition to it (占|云帆科技) and the rest
        (up to ``head``, where given: 兼|青禾资管 of 兼青禾资管(澳门)…) stands alone elsewhere in the article; else
        ``start``."""
        text = self.text
        if end - start < 4 or text[start] not in _GLUED_CLAUSE:
            return start
        rest = text[start + 1 : end if head is None else head]
        if len(rest) < 2:
            return start
        pos = text.find(rest)
        while pos >= 0:
            if pos != start + 1 and (pos == 0 or text[pos - 1] != text[start]):
                return start + 1
            pos = text.find(rest, pos + 1)
        return start

    def opens_with_function_word(self, start: int, end: int) -> bool:
        """The span opens with a word of the segmenter's that is an adverb, a preposition, a conjunction, a particle or
        a pronoun, and the span goes on after it (了新计划 / 已拥有青禾汽车: a phrase, not a name)."""
        first = self.token_at(start)
        return first is not None and first.pos[:1] in "cdpru" and self.known(first.word) and first.end < end

    def is_boundary(self, offset: int) -> bool:
        return offset in self._ends or offset in self._by_start or offset in (0, len(self.text))

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def mention(
        self,
        start: int,
        end: int,
        type_: str,
        source: str,
        score: float,
        *,
        key: str | None = None,
        types: tuple[str, ...] = (),
    ) -> Mention:
        surface = self.text[start:end]
        return Mention(
            start,
            end,
            self.doc.text[start:end],
            type_,
            source,
            score,
            key or surface,
            self.sentence_of(start),
            types or (type_,),
            self.doc.id,
        )

    # --- personal names -------------------------------------------------------------------------
    def surname_length(self, start: int) -> int:
        return self.lexicon.surname_length(self.text, start)

    def ends_in_a_verb(self, start: int, end: int) -> bool:
        """京东战略投资了达达 / 对小红书投资5亿美元 / 小米投资小鹏汽车 / 由青禾资本独家投资: the span ends in an organisation
        suffix that is the verb here."""
        suffix = next((w for w in _W.words("verb_like_suffix") if self.text.endswith(w, start, end)), None)
        if suffix is None:
            return False
        return bool(
            _W.regex("after_verb_use").match(self.text, end)
            or self.lexicon.name_pattern.match(self.text, end)
            or self.text[max(0, start - 1) : start] in _W.set("object_marker")
            or self.text.endswith(_W.words("adverb_before_verb_suffix"), 0, end - len(suffix))
        )  # (小米投资小鹏汽车: a known name right after it is what the verb takes; 对青禾投资: 对 marks the object;
        # 独家投资: an adverb before it)

    def name_end(self, start: int) -> int | None:
        """End of a Chinese personal name starting at ``start``, or None if none starts there."""
        text = self.text
        slen = self.surname_length(start)
        if not slen:
            return None
        tok = self.token_at(start)
        if text[start] in FUNCTION_SURNAMES and not (tok and tok.pos.startswith("nr")):
            return None  # 由原抖音…, 和新疆…: a preposition or conjunction that is also a surname
        if (
            tok
            and tok.pos.startswith("nr")
            and len(tok.word) > slen + 1
            and (
                tok.word[-1] in GLUED
                or self._as_title(tok.end - 1)
                or self._adverb_at(tok.end - 1)
                or text.startswith(_W.words("post_verb_glued"), tok.end - 1)  # 徐磊 / 升为: 升 is the verb's
            )
        ):
            tok = Token(
                tok.start, tok.end - 1, tok.word[:-1], tok.pos
            )  # 黄峥于2015年: the segmenter glued 于 on
        if tok and tok.pos.startswith("nr") and slen + 1 <= len(tok.word) <= slen + 2 and _all_han(tok.word):
            nxt = self.token_at(tok.end)
            lone = (
                nxt
                and len(nxt.word) == 1
                and (
                    nxt.pos not in ("p", "v", "d", "c", "u", "uj", "ul", "r", "f")
                    or nxt.pos == "v"
                    and self._verb_char_ends_name(nxt.start)
                )
                and not self._adverb_at(nxt.start)
            )  # 贺涛 / 即 / 将调任: 即将 is one word
            glued = (
                nxt
                and len(nxt.word) == 2
                and nxt.word not in _ADVERBS
                and not (nxt.pos[:1] in "cd" and self.known(nxt.word))
                and not (nxt.pos[:1] == "p" and nxt.word in _W.set("preposition_ending_glued"))
                and (
                    nxt.word[1] in GLUED
                    or self._as_title(nxt.start + 1)
                    or not (nxt.pos.startswith("v") and self.known(nxt.word))
                    and nxt.word[0] not in _W.set("verb_char_before_as")
                    and self._as_title(nxt.start + 1, across_org=True)
                )
            )  # 孙立 / 冰为 / 新一任: the segmenter glued 为 (as) onto the name's last character (not 由于, a
            # conjunction it knows: 王芳 / 由于)
            # 张大 / 为 / 表示: 为 before a speech verb or a clause's end ends the name 张大为, not a clause
            speaks = (
                nxt is not None
                and (nxt.word in _W.set("as_title") or self._conjunction_ends_name(nxt.start, nxt.end))
                and self._before_speech(nxt.end)
            )
            if (
                len(tok.word) == slen + 1
                and (lone or glued or speaks)
                and nxt is not None
                and is_han(nxt.word[0])
                and (nxt.word[0] not in NAME_STOP or speaks)
            ):
                # the segmenter split a three-character name (吕志 / 航 or 吕志 / 航于): keep the lone character
                if self.plausible_name(tok.word + nxt.word[0]):
                    return nxt.start + 1
            return tok.end if self.plausible_name(tok.word) else None
        for length in (slen + 2, slen + 1):
            end = start + length
            chunk = text[start:end]
            if end > len(text) or not _all_han(chunk):
                continue
            conjunction_end = length == slen + 2 and self._conjunction_ends_name(end - 1, end)
            if any(ch in NAME_STOP for ch in chunk[slen : len(chunk) - conjunction_end]):
                continue  # (陈永和表示: 和 before a speech verb ends no clause that joins two names; it is the name's)
            follows_stop = end == len(text) or text[end] in NAME_STOP or not is_han(text[end])
            last = self.token_at(end - 1) if end < len(text) and text[end] in GLUED else None
            glued_on = last is not None and last.start == end - 1 and last.end == end + 1
            # (何享 / 健在: the segmenter read the name's last character and 在 after it as one word)
            if length == slen + 2 and not (self.is_boundary(end) or follows_stop or glued_on):
                continue
            if length == slen + 1 and not (follows_stop or self.is_boundary(end)):
                continue
            given = self.token_at(start + slen)
            if given and given.end == end and len(given.word) >= 2 and given.pos.startswith(_NOT_GIVEN_NAME):
                continue  # 谈 + 出海: a verb or adverb after a surname-like character is not a given name
            whole = self.token_at(start)
            if whole and whole.end == end and whole.pos.startswith(_NOT_GIVEN_NAME):
                continue  # 曾经 / 高度: one word, an adverb or a verb, that begins with a surname
            if (
                whole
                and len(whole.word) >= 2
                and whole.end < end
                and whole.pos.startswith(("v", "d"))
                and self.known(whole.word)
            ):
                continue  # 依赖 / 过高: a verb that begins with a surname, then more words, is no name (何享 / 健在
                # is a guess of the segmenter's, not a word it knows)
            if whole and whole.end > end and whole.pos[:1] in "lida" and self.known(whole.word):
                continue  # 普遍认为 / 一致看好: a set phrase that runs past the span, not a name and a verb
            if whole and whole.end == end and whole.word in _W.set("collective_noun"):
                continue  # 主播群体: a word for a group, not a given name
            if length == slen + 2 and (self._as_title(end - 1) or self._adverb_at(end - 1)):
                continue  # 姚颂 / 更是: the last character begins an adverb, not the name
            last = self.token_at(end - 1)
            if (
                length == slen + 2
                and text[end - 1] in GLUED
                and last is not None
                and last.start == end - 1
                and last.pos[:1] in "vpcd"
            ):
                continue  # 丁当 / 拟 / 出任: the segmenter read the last character as a verb of its own
            if self.plausible_name(chunk):
                return end
        return None

    def _verb_char_ends_name(self, at: int) -> bool:
        """庄辰 / 超 / 的强势, 张家 / 祝 / 代理董事长: a name's last character the segmenter read as a one-character verb,
        told by what follows it (的, a speech verb, punctuation, acting in a post); not a verb that often follows a
        name (王明 / 做 / 的决定, 王明 / 任 / 总裁)."""
        text = self.text
        if text[at] in _W.set("verb_char_after_name") or text[at] in GLUED:  # (丁冬 / 拟 / 出任)
            return False
        return text.startswith(_W.words("after_verb_read_name"), at + 1) or self._before_speech(at + 1)

    def _adverb_at(self, at: int) -> bool:
        return self.text[at : at + 2] in _ADVERBS or self.text[at : at + 3] in _ADVERBS

    def _conjunction_ends_name(self, start: int, end: int) -> bool:
        """A conjunction (和 / 与) right before a speech verb or a clause's punctuation joins nothing: it is the last
        character of the name before it (李国和指出 / 陈永和表示)."""
        return (
            self.text[start:end] in _W.set("name_joining_conjunction")
            and end - start == 1
            and self._before_speech(end)
        )

    def _before_speech(self, at: int) -> bool:
        rest = self.text[at : at + 2]
        return rest.startswith(_W.words("speech_verb")) or rest[:1] in _W.set("clause_punctuation")

    def _as_title(self, at: int, *, across_org: bool = False) -> bool:
        """张海为副总经理 / 王建国为新一任总裁 / 孙立冰为京东集团副总裁: 为 (as) followed by a title (or a known
        organisation's title) ends the name before it (a name may end in 为: 张大为)."""
        if self.text[at : at + 1] not in _W.set("as_title"):
            return False
        pos = at + 1
        pos += len(next((w for w in _W.words("term_marker") if self.text.startswith(w, pos)), ""))
        pos += len(next((w for w in _W.words("bare_company_suffix") if self.text.startswith(w, pos)), ""))
        known = self.lexicon.name_pattern.match(self.text, pos) if across_org else None
        if known:  # 任命孙立冰为京东集团副总裁: a known organisation's title
            pos = known.end()
        modifier = _W.regex("board_seat_modifier").match(self.text, pos)  # 为独立董事
        return bool(self.lexicon.title_pattern.match(self.text, modifier.end() if modifier else pos))

    def plausible_name(self, name: str) -> bool:
        lex = self.lexicon
        return (
            2 <= len(name) <= 4
            and _all_han(name)
            and name not in lex.non_entities
            and name not in lex.names
            and name not in lex.titles
            and not name.endswith(_W.words("not_a_name_ending"))
        )


def is_han(ch: str) -> bool:
    """A character of the CJK Unified Ideographs block."""
    return "\u4e00" <= ch <= "\u9fff"


def _all_han(text: str) -> bool:
    return bool(text) and all(is_han(ch) for ch in text)
