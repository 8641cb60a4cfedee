"""Short forms of registered names: an article that introduces 锋泰电气科技(苏州)有限公司 or 深圳市青禾智能股份有限公司
calls the company 锋泰电气 or 青禾智能 afterwards. Those later mentions are the same company.

The registered name, less its legal form, the seat in brackets and a place it opens with, is the name's core
(锋泰电气科技, 青禾智能); the longest beginning of the core that the article writes again where the segmenter's
words begin and end, outside other mentions, is a mention of the registered company (keyed by its name, so that
resolution makes one node of both). A beginning that is a common word (中国, 科技) or a name of its own (TCL in
TCL青禾科技有限公司, a known company) is not the company.
"""

from __future__ import annotations

import re

from ..model import ORG_TYPES, Mention
from ..words import load_words
from ..zh.text import occurrences
from .context import NAME_POS, STATISTICAL_SOURCES, Context

W = load_words()
LEGAL_FORM = re.compile(f"{W.alt('company_ending')}$")
_SEAT = W.regex("registered_seat")
_MIN_CORE = 2
_LATIN_HEAD = re.compile(r"[A-Z][A-Za-z0-9&]{1,11}(?=[\u4e00-\u9fff])")  # QXT娱乐控股公司: QXT


def trade_cores(key: str) -> list[str]:
    """A registered name without its legal form and its seat in brackets, then without one word of trade after
    another, longest first: 锋泰智能科技(苏州)有限公司 → 锋泰智能科技, 锋泰智能, 锋泰. None for a name without a
    legal form."""
    if not LEGAL_FORM.search(key):
        return []
    core = _SEAT.sub("", LEGAL_FORM.sub("", key))
    trades = sorted(W.words("trade_word"), key=len)
    out = [core]
    while (
        trade := next((t for t in trades if core.endswith(t) and len(core) - len(t) >= 2), None)
    ) is not None:
        core = core[: -len(trade)]
        out.append(core)
    return out


def find_short_forms(ctx: Context, found: list[Mention]) -> list[Mention]:
    """Later short mentions of the registered names among ``found`` (which they may not overlap)."""
    occupied = bytearray(len(ctx.text) + 1)
    for m in found:
        if m.source != "pattern:org_suffix" and not (m.source in STATISTICAL_SOURCES and m.type in ORG_TYPES):
            # 远澜芯材 after 远澜芯材科技有限公司: the short form, not a name of its own (found by a pattern or
            # by the statistical tagger)
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    done: set[str] = set()
    for m in found:
        if m.type not in ORG_TYPES or m.key in done or m.source == "lexicon" or m.source == "kb":
            continue
        done.add(m.key)
        name = ctx.text[m.start : m.end]
        if not name.endswith(W.words("legal_form")) and not _LATIN_HEAD.match(name):
            continue  # 一家冷链物流公司: a kind of company, not a registered name (QXT娱乐控股公司 is a name)
        cores = trade_cores(name)
        if not cores:
            continue
        core = _without_place(ctx, cores[0])
        short = _repeated_beginning(ctx, core, occupied, m)
        if short is None or named_as_parent(name, short, ctx.text):
            continue
        length = len(short)
        for s in occurrences(ctx.text, short):
            e = s + length
            if any(occupied[s:e]) or not _names_it(ctx, s, e):
                continue
            out.append(ctx.mention(s, e, m.type, "pattern:short_form", 0.85, key=m.key, types=m.types))
            occupied[s:e] = b"\x01" * length
    return out


def regional_subsidiary(key: str) -> bool:
    """星澜汽车（中国）公司 / 青禾基金（香港）: a registered name whose bracket names a country or a region, not
    a city, is the company's arm there, a company of its own (锋泰智能科技（苏州） is 锋泰智能 itself)."""
    return bool(LEGAL_FORM.search(key) and W.regex("regional_seat").search(key))


def named_as_parent(key: str, short: str, text: str) -> bool:
    """青禾电子(开曼)有限公司是青禾电子的全资子公司 / 青禾电子旗下的青禾电子(开曼)有限公司: the text names the short name
    as the registered company's parent, so the two are different companies."""
    owner, child = re.escape(short), re.escape(key)
    copula, owned = W.regex("copula_before_parent").pattern, W.regex("parent_of_before").pattern
    return bool(re.search(f"{child}(?:{copula}){owner}(?:{owned})|{owner}(?:{owned}){child}", text))


def _without_place(ctx: Context, core: str) -> str:
    """深圳市青禾智能 → 青禾智能: the place a registered name opens with is not part of what readers call it."""
    for k in range(min(len(core) - _MIN_CORE, 6), 1, -1):
        entry = ctx.lexicon.names.get(core[:k])
        if entry and entry.types[0] == "Place":
            rest = core[k:]
            return rest[1:] if rest[:1] in W.set("place_level") and len(rest) > _MIN_CORE else rest
    return core


def _repeated_beginning(ctx: Context, core: str, occupied: bytearray, model: Mention) -> str | None:
    """The longest beginning of ``core`` that stands elsewhere in the text, free and on word boundaries."""
    for k in range(len(core), _MIN_CORE - 1, -1):
        short = core[:k]
        if k == 2 and (k < len(core) or ctx.known(short)):
            continue  # 中交 of 中交设计咨询 may begin any of the group's companies; 中国 is a word
        if short in ctx.lexicon.names or short in ctx.lexicon.non_entities or short in ctx.lexicon.titles:
            return None  # TCL, 腾讯: a name of its own, a kind of company or a title
        if short.isdigit():
            continue
        for s in occurrences(ctx.text, short):
            e = s + k
            if not (model.start <= s < model.end) and not any(occupied[s:e]):
                if _names_it(ctx, s, e):
                    return short
    return None


def _names_it(ctx: Context, s: int, e: int) -> bool:
    """The words at ``s:e`` can be a name's: on the segmenter's boundaries, not the beginning of another registered
    name (青禾(苏州)…), and not made only of common words (冷链物流 of a 冷链物流公司)."""
    if not (ctx.is_boundary(s) and ctx.is_boundary(e)) or ctx.text[e : e + 1] in W.set("opening_bracket"):
        return False
    tokens = ctx.tokens_from(s, e)
    return any(not ctx.known(t.word) or t.pos in NAME_POS for t in tokens)
