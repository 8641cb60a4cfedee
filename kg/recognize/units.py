"""Divisions named after their company: 京东 XR 事业部, 华为无线网络研究院, 网易创新中心负责人.

A known company's name, a name of the division's own (XR, 无线网络, 创新) and a word that ends a division's name
make one business unit; its company becomes its parent through the relation builder's ``unit_name`` rule, and
the article's later mentions of the division by its own name alone (无线网络研究院) are the same division.
"""

from __future__ import annotations

import bisect
import re

from ..model import Mention
from ..words import load_words
from ..zh.text import occurrences
from .context import Context

W = load_words()
_OWNER_TYPES = ("Company", "Platform", "Organization")
# what may not stand inside the division's own name: a verb, a preposition, a number, a pronoun, a position word…
_NOT_IN_NAME = ("p", "c", "u", "d", "r", "m", "q", "t", "f", "x", "w", "y", "e", "o", "z")
_MAX_NAME = 10
_POSTS = (
    "leads",
    "works",
    "founder",
)  # kinds of title that name a post (公关 / 研究员: a profession, a field too)
# the patterns whose organisation names are whole names (青禾集团, 锋泰科技有限公司), which may begin a division's
_NAMED_BY_PATTERN = ("pattern:org_suffix", "pattern:registered_name")


def _suffix_regex() -> re.Pattern[str]:
    strong = sorted(W.words("org_unit_suffix"), key=len, reverse=True)
    weak = sorted(W.words("org_unit_suffix_before_title"), key=len, reverse=True)
    own = rf"[\u4e00-\u9fffA-Za-z0-9+ ]{{1,{_MAX_NAME}}}?"  # (的, 和: tokens that stop a name, below)
    return re.compile(
        rf" ?(?P<own>{own})(?:(?P<strong>{'|'.join(map(re.escape, strong))})|(?P<weak>{'|'.join(map(re.escape, weak))}))"
    )


_UNIT = _suffix_regex()
_REGION = re.compile("|".join(map(re.escape, sorted(W.words("org_region_unit"), key=len, reverse=True))))


def find_org_units(ctx: Context, anchors: list[Mention]) -> list[Mention]:
    """Divisions written as a known organisation's name, a name of their own and a division word, and the later
    mentions of the same divisions by their own names."""
    out: list[Mention] = []
    # a division's own name (无线网络研究院) → the division's key
    own_names: dict[str, str] = {}
    for a in anchors:
        if a.type not in _OWNER_TYPES:
            continue
        region = _REGION.match(ctx.text, a.end)
        if region is not None and ctx.is_boundary(region.end()):
            # 微软大中华区 / 沃尔沃汽车亚太区: the company's regional organisation, a unit of its own
            out.append(ctx.mention(a.start, region.end(), "BusinessUnit", "pattern:org_unit", 0.8))
            continue
        if a.source not in ("lexicon", "kb") and not (a.source in _NAMED_BY_PATTERN and a.type == "Company"):
            continue  # (锋泰科技云计算事业部: a company whose suffixed name a pattern found owns one too; 锋泰研究院AI
            # 实验室 is the institute's laboratory)
        unit = _unit_after(ctx, a.end)
        if unit is None:
            continue
        own_start, end = unit
        banner = W.regex("unit_banner").match(ctx.text, a.end)
        # 锋泰科技旗下人工智能实验室: the division's name begins after 旗下 (its company is told by the word)
        found = (
            ctx.mention(own_start, end, "BusinessUnit", "pattern:banner_unit", 0.8)
            if banner
            else ctx.mention(a.start, end, "BusinessUnit", "pattern:org_unit", 0.8)
        )
        out.append(found)
        own = ctx.text[own_start:end].strip()
        if len(own) >= 3 and own not in ctx.lexicon.names and not ctx.known(own):
            own_names.setdefault(own, found.key)
    return out + _own_name_mentions(ctx, own_names, {(m.start, m.end) for m in out})


def _unit_after(ctx: Context, pos: int) -> tuple[int, int] | None:
    """(start of the division's own name, end of the division word) when one follows ``pos``."""
    text = ctx.text
    banner = W.regex("unit_banner").match(text, pos)
    m = _UNIT.match(text, banner.end() if banner else pos)
    if m is None:
        return None
    own_start, word_start, end = m.start("own"), m.end("own"), m.end()
    titled = ctx.lexicon.title_pattern.match(text, end) is not None
    if m.group("weak") and not titled:
        return None  # 华为数据中心 may be a building; 网易创新中心负责人 is a division's head
    if not titled and not ctx.is_boundary(end):
        return None
    if not ctx.is_boundary(own_start) or not ctx.is_boundary(word_start):
        return None  # 抖音头部主播: 部 ends another word
    if any(w in m.group("own") for w in W.words("org_unit_suffix")):
        return None  # OPPO研究院AI实验室: the division (OPPO研究院) ends before the laboratory
    if any(c in m.group("own") for c in W.set("post_joiner")) or any(
        ctx.lexicon.titles.get(t.group()) in _POSTS
        for t in ctx.lexicon.title_pattern.finditer(m.group("own"))
    ):
        return None  # 青禾科技副总裁兼锋泰事业部 / 青禾集团及星澜研究院: a post or a joiner between two names
    if W.regex("count_before_suffix").search(m.group("own")):
        return None  # 锋泰两大事业群: a count of divisions, none named
    for tok in ctx.tokens_from(own_start, word_start):
        if tok.start < own_start or not tok.word.strip():
            continue
        verb = tok.pos.startswith("v") and tok.pos != "vn" and ctx.known(tok.word)
        if verb and tok.word in W.set("unit_field_verb"):
            continue  # 锋泰科技云计算事业部 / 智能制造实验室: a verb that names the division's field
        named = ctx.lexicon.names.get(tok.word)
        if verb or tok.pos in _NOT_IN_NAME or tok.pos[:1] == "u" or named and named.types[0] != "Place":
            return None  # 阿里巴巴成立新零售事业部: a clause, not a name; 青禾集团的消费电子事业群: a phrase; (网易杭州研究院:
            # the place the division is in names it)
    return own_start, end


def _own_name_mentions(ctx: Context, own_names: dict[str, str], units: set[tuple[int, int]]) -> list[Mention]:
    """The divisions' own names (无线网络研究院) elsewhere in the article, keyed to their divisions: one pass over
    the text for all of them."""
    if not own_names:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(own_names, key=len, reverse=True))))
    inside = sorted(units)
    out = []
    for m in pattern.finditer(ctx.text):
        s, e = m.span()
        i = bisect.bisect_right(inside, (s, len(ctx.text) + 1)) - 1
        if i >= 0 and inside[i][0] <= s < inside[i][1] or not (ctx.is_boundary(s) and ctx.is_boundary(e)):
            continue  # (the own name inside a full mention of a division is that mention's)
        # (0.78: above a division found by its word alone, 0.75, at the same span)
        out.append(ctx.mention(s, e, "BusinessUnit", "pattern:org_unit", 0.78, key=own_names[m.group()]))
    return out


def owner_in_name(surface: str, lexicon) -> tuple[int, str] | None:
    """Where the name of the organisation a division found after it (pattern:org_unit) ends, and its type: the
    shortest beginning of the division's name that ends in an organisation's suffix and is no suffix alone, where
    no ending of a company's name follows (锋泰科技集团|云事业部, not 锋泰科技|集团…): 青禾集团人工智能研究院 → 青禾集团,
    青禾证券数字金融事业部 → 青禾证券."""
    endings = W.words("company_ending")
    for i in range(3, len(surface) - 1):
        if surface.startswith(endings, i):
            continue
        suffix = next(((w, t) for w, t in lexicon.org_suffixes if surface.endswith(w, 0, i)), None)
        if suffix is not None and i - len(suffix[0]) >= 2 and suffix[1] in _OWNER_TYPES:
            return i, suffix[1]
    return None


def company_stem(name: str, lexicon) -> str | None:
    """A company's name without its trade or group word (锋泰科技 → 锋泰), where two characters or more are left."""
    suffix = next((w for w in lexicon.suffix_words if name.endswith(w)), None)
    return name[: -len(suffix)] if suffix and len(name) - len(suffix) >= 2 else None


def find_stem_units(ctx: Context, anchors: list[Mention]) -> list[Mention]:
    """锋泰科技 … 锋泰云 / 青禾集团 … 青禾电商: the short name of a company a pattern found in the article (its name
    without its trade or group word) and a word for a line of business name a division of it."""
    stems = {
        stem
        for a in anchors
        if a.type == "Company"
        and a.source == "pattern:org_suffix"
        and (stem := company_stem(ctx.text[a.start : a.end], ctx.lexicon)) is not None
    }
    out: list[Mention] = []
    words = sorted(W.words("unit_word"), key=len, reverse=True)
    # 锋泰科技的小程序锋泰到家: a name right after the word for a kind of product is that product, no division
    offered = {
        (a.start, a.end)
        for a in anchors
        if a.type in ("Product", "Platform") and a.source == "pattern:kind_then_product"
    }
    for stem in stems:
        if stem in ctx.lexicon.names or ctx.known(stem):
            continue  # 智能 / 数字: a common word, no company's short name
        for s in occurrences(ctx.text, stem):
            word = next((w for w in words if ctx.text.startswith(w, s + len(stem))), None)
            end = s + len(stem) + len(word) if word else 0
            if not word or not (ctx.is_boundary(s) and ctx.is_boundary(end)) or (s, end) in offered:
                continue
            if (
                W.regex("amount_follows").match(ctx.text, end)
                or ctx.text.startswith(ctx.lexicon.suffix_words, end)
                or ctx.text.startswith(W.words("kind_after_field"), end)
            ):
                continue  # 锋泰金融科技: a longer name; 锋泰教育类产品: a kind of goods
            out.append(ctx.mention(s, end, "BusinessUnit", "pattern:stem_unit", 0.75))
    return out
