"""Recognise entity mentions: lexicon, patterns, propagation, then one precedence rule (``filter_spans``)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence

from ..kb import kb_label, load_kb
from ..model import Document, Mention, Token
from ..types import ORG_TYPES, PROPAGATE_TYPES
from ..words import load_words
from ..zh.text import occurrences
from .context import FUNCTION_SURNAMES, GLUED, HAN, NAME_POS, NAME_STOP, Context
from .kbnames import find_kb_names
from .lexicon import Lexicon, load_lexicon
from .merge import filter_spans
from .patterns import (
    as_the_company,
    board_committee,
    find_abbreviations,
    find_branches,
    find_brand_goods,
    find_business_named_orgs,
    find_business_units,
    find_byline,
    find_cited_media,
    find_coded_names,
    find_company_sites,
    find_counted_list_orgs,
    find_country_abbreviations,
    find_data_sources,
    find_dates,
    find_described_orgs,
    find_flagged_stock_names,
    find_founded_orgs,
    find_founders,
    find_glossed_names,
    find_glossed_products,
    find_government_departments,
    find_holders,
    find_introduced_orgs,
    find_latin_names,
    find_listed_investors,
    find_listed_parties,
    find_listed_platforms,
    find_listed_products,
    find_local_media,
    find_ministry_departments,
    find_orgs_before_board,
    find_orgs_before_titles,
    find_owned_offerings,
    find_people_after_cue,
    find_people_by_cue,
    find_places,
    find_platform_stores,
    find_products,
    find_quoted_offerings,
    find_quoted_targets,
    find_round_investors,
    find_speakers,
    find_streamers,
    find_suffixed_orgs,
    find_titled_media,
    find_titled_people,
    find_titled_works,
    former_stripped,
    generic_with_acronym,
    invests_between_names,
    kind_of_company,
    reads_as_a_clause,
    received_investment,
)
from .precision import precise_enough
from .shortforms import find_short_forms
from .siblings import find_cooperation_partners, find_list_siblings
from .units import find_org_units, find_stem_units, owner_in_name

__all__ = [
    "recognize",
    "statistical_mentions",
    "tag_documents",
    "embedded_parents",
    "find_titles",
    "find_lexicon",
    "filter_spans",
    "load_lexicon",
    "Context",
]

PATTERNS = (
    find_country_abbreviations,
    find_flagged_stock_names,
    find_coded_names,
    find_glossed_names,
    find_titled_people,
    find_titled_media,
    find_cited_media,
    find_local_media,
    find_streamers,
    find_platform_stores,
    find_orgs_before_titles,
    find_orgs_before_board,
    find_speakers,
    find_people_by_cue,
    find_people_after_cue,
    find_holders,
    find_byline,
    find_founders,
    find_data_sources,
    find_suffixed_orgs,
    find_introduced_orgs,
    find_listed_parties,
    find_counted_list_orgs,
    find_round_investors,
    find_listed_investors,
    find_listed_products,
    find_listed_platforms,
    find_founded_orgs,
    find_described_orgs,
    find_business_named_orgs,
    find_owned_offerings,
    find_quoted_targets,
    find_titled_works,
    find_latin_names,
    find_products,
    find_places,
    find_government_departments,
    find_ministry_departments,
    find_dates,
)
Span = tuple[int, int, str, float]  # a statistical tagger's (start, end, kg type, confidence)

# Types whose names the patterns discover; their other occurrences in the document are mentions too.
_PROPAGATE = PROPAGATE_TYPES
ABBREVIATED = "pattern:country_abbreviation"


def find_lexicon(ctx: Context) -> list[Mention]:
    out = []
    for start, end in ctx.lexicon.name_spans(ctx.text):
        if ctx.text[end : end + 1] in _ASPECT or received_investment(ctx, start, end):
            shorter = _shorter_name(
                ctx, start, end
            )  # 腾讯投资了蔚来: 了 marks 投资 as a verb, so the name is 腾讯 (获得腾讯投资: an investment from 腾讯)
            if shorter is None:
                continue
            end = shorter
        if inside_longer_word(ctx, start, end):
            continue  # 小米粥 / 中国移动互联网 / 京东方: the name is part of another word
        entry = ctx.lexicon.names[ctx.text[start:end]]
        out.append(
            ctx.mention(start, end, entry.types[0], "lexicon", 0.95, key=entry.canonical, types=entry.types)
        )
    return out


def inside_longer_word(ctx: Context, start: int, end: int) -> bool:
    """A known name that is the beginning of a longer word (小米粥, 京东方), whose end begins another word
    (中国移动 + 移动互联网) or that a word of the dictionary straddles at both ends (沿海地区) is no mention of it.
    Words are the segmenter's dictionary and kg's common terms (kg/data/words.toml); a longer known name is not
    such a word (it is matched on its own). A name whose first character closes a rank (第二大连锁) is none either."""
    text, terms = ctx.text, _W.set("common_term")
    rank = _W.regex("rank_phrase").search(text, max(0, start - 4), start + 1)
    if rank and rank.start() < start < rank.end():
        return True  # 第二大连锁集团: 大 closes the rank, 大连 is not named there
    if text.startswith(_W.words("bound_across_name_end"), end - 1):
        return True  # 锋泰国际: 国际 is one word, 泰国 is not named
    if _cited_outlet(ctx, start, end):
        return False  # 据界面新闻报道: 新闻报道 is a word, yet the outlet is cited by its name
    title = ctx.lexicon.title_pattern.match(text, end)
    for j in range(start, end):
        for k in range(end + 1, min(end + 4, len(text)) + 1):
            if title and k <= title.end():
                continue  # 清华大学校长 / 人民银行行长: a title after the name, not a word across its end
            word = text[j:k]
            if j == start and ctx.is_boundary(end):
                continue  # 腾讯通过…: the name and a character after it make a word (腾讯通), but the segmenter read
                # the name on its own (小米粥 / 京东方, read as one word, stay no mention of 小米 / 京东)
            if len(word) >= 3 and (word in terms or ctx.known(word)) and word not in ctx.lexicon.names:
                return True
    if ctx.known(text[end - 1 : end + 1]) and _suffix_of_name_before(ctx, start, end):
        # 收购青禾科技部分股权: 科技 ends 青禾科技 and 部分 is one word; 科技部 is not named there
        return True
    if not ctx.is_boundary(start) and not ctx.is_boundary(end):
        # 沿海地区 / 北京东路: the segmenter reads a word across the name's start, and the name's end is inside a
        # word too: 海地 and 京东 are not named there
        for j in range(max(0, start - 2), start):
            word = text[j : start + 1]
            if ctx.known(word) and word not in ctx.lexicon.names:
                return True
    return False


def _cited_outlet(ctx: Context, start: int, end: int) -> bool:
    """据界面新闻报道 / 根据新浪科技消息: a name the segmenter read whole between 据 and a word of reporting."""
    return (
        ctx.is_boundary(start)
        and ctx.is_boundary(end)
        and ctx.text.endswith(_W.words("citing_word"), 0, start)
        and _W.regex("news_cited_after").match(ctx.text, end) is not None
    )


def _suffix_of_name_before(ctx: Context, start: int, end: int) -> bool:
    """The known name at ``start`` begins with an organisation's ending (科技部: 科技) right after a name the
    segmenter found (青禾|科技部分): that name and the ending are more likely one company's name."""
    before = ctx.tokens[ctx.token_index(start - 1)] if start else None
    if before is None or before.end != start or not (before.pos in NAME_POS or not ctx.known(before.word)):
        return False
    return any(
        ctx.text.startswith(suffix, start) and len(suffix) < end - start
        for suffix in ctx.lexicon.suffix_words
    )


_W = load_words()
# Words that end the name of a body (部 ministry, 局 bureau, 军 armed force, 委 commission …).
_ORG_HEADS = _W.words("org_head")
# Aspect particles follow verbs, never names: a lexicon name followed by one ends in a verb.
_ASPECT = _W.set("aspect_particle")
# Words for a kind of organisation or a description of one: before a known name they describe it.
_DESCRIBING_KINDS = (*_W.words("org_kind_word"), *_W.words("descriptor_noun"))
_LIST_MARK = next(iter(_W.set("name_list_mark")))


def _shorter_name(ctx: Context, start: int, end: int) -> int | None:
    for e in range(end - 1, start + 1, -1):
        if ctx.text[start:e] in ctx.lexicon.names:
            return e
    return None


CRF_MIN_CONFIDENCE = 0.8  # a CRF span's lowest per-character marginal probability must reach this
CRF_OVERRIDE_CONFIDENCE = 0.9  # …and this to replace the shorter rule mentions it contains
CRF_PROPAGATE_SCORE = 0.72  # a tagged name this sure (0.9 probability) marks its other occurrences too


def recognize(
    doc: Document,
    tokens: list[Token],
    *,
    known=lambda w: True,
    lexicon: Lexicon | None = None,
    tagged: list[Span] | None = None,
    min_confidence: float = CRF_MIN_CONFIDENCE,
    source: str = "crf",
) -> list[Mention]:
    """All entity mentions of ``doc``, non-overlapping, sorted by offset. ``tokens`` are over ``doc.norm``.

    Precedence: the lexicon and the patterns first (longest span, then score, then earliest); then, where
    they found nothing, the statistical tagger's spans (``tagged``, from ``tag_documents``) above a confidence."""
    ctx = Context(doc, tokens, lexicon or load_lexicon(), known)
    mentions = _rule_mentions(ctx)
    if tagged is None:
        return _with_variants(
            ctx, _with_neighbours(ctx, filter_spans(mentions + find_short_forms(ctx, mentions)))
        )
    extra = [
        m
        for m in statistical_mentions(ctx, tagged, mentions, min_confidence=min_confidence, source=source)
        if m.type != "Title"
    ]
    by_position = _SpanIndex(extra)
    covered = [
        m
        for m in mentions
        if not any(x.start <= m.start and m.end <= x.end for x in by_position.overlapping(m.start, m.end))
    ]
    found = sorted(covered + extra, key=lambda m: (m.start, m.end))
    # a name the tagger is sure of is the same name where it occurs again (春雨医生 in the headline and the lead)
    sure = [m for m in extra if m.score >= CRF_PROPAGATE_SCORE]
    found = filter_spans(found + _propagate(ctx, sure, taken=found))
    found = _tagged_abbreviations(ctx, found, {id(m) for m in extra})
    return _with_variants(ctx, _with_neighbours(ctx, filter_spans(found + find_short_forms(ctx, found))))


def _with_variants(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A product's name and the variant word or version right after it (蓝鲸冰箱Pro / 飞鹰2.0): one name, the
    model's, where nothing else was found there."""
    out = []
    for i, m in enumerate(found):
        v = _W.regex("variant_after_product").match(ctx.text, m.end) if m.type == "Product" else None
        nxt = found[i + 1].start if i + 1 < len(found) else len(ctx.text)
        if v is None or v.end() > nxt or ctx.text[m.end - 1].isspace():
            out.append(m)
            continue
        key = m.key + ctx.text[m.end : v.end()] if m.key != ctx.text[m.start : m.end] else None
        out.append(ctx.mention(m.start, v.end(), m.type, m.source, m.score, key=key, types=m.types))
    return out


def _tagged_abbreviations(ctx: Context, found: list[Mention], tagged: set[int]) -> list[Mention]:
    """北方能源互联网研究中心（NEIC） where only the tagger found the full name: the short name the text defines after
    it is the same entity, as after a name the rules found (``_rule_mentions`` pairs those)."""
    pairs = [(full, short) for full, short in find_abbreviations(ctx, found) if id(full) in tagged]
    if not pairs:
        return found
    return _apply_abbreviations(filter_spans(found + [short for _, short in pairs]), pairs)


def _with_neighbours(ctx: Context, found: list[Mention]) -> list[Mention]:
    """``found`` and the unknown names that stand beside its organisations: other items of their lists, and
    partners before a wording of cooperation."""
    found = filter_spans(_with_fund_phases(ctx, _offices_of_places(ctx, found)))
    found = filter_spans(found + find_list_siblings(ctx, found))
    return filter_spans(found + find_cooperation_partners(ctx, found))


def _offices_of_places(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A place right before a public office's title (vocabulary office_after_place) is the government whose office
    it is: a government body named by the place and its administrative suffix (the suffix the title begins with where
    the text does not write it apart: 上海 + 市长 is 上海市's head)."""
    out = []
    rx = _W.regex("office_after_place")
    for m in found:
        office = rx.match(ctx.text, m.end) if m.type == "Place" else None
        if m.type == "Place" and office is None and m.end - m.start > 2:
            office = rx.match(
                ctx.text, m.end - 1
            )  # 上海市长 read as the place 上海市: its 市 begins the title
            office = office if office and not office.group("unit") else None
        if (
            office is None
            or office.group("unit")
            and office.group("unit") != office.group("head")
            or not ctx.is_boundary(office.end())  # 上海市长宁区: 长 begins another place's name
        ):
            out.append(m)
            continue
        end = max(m.end, office.start() + len(office.group("unit") or ""))
        if (
            not office.group("unit")
            and office.start("head") == end
            and ctx.text[end - 1] != office.group("head")
        ):
            end += 1  # 上海 + 市长: 市 is the place's suffix and the title's first character
        out.append(ctx.mention(m.start, end, "GovernmentOrganization", "pattern:office_of_place", m.score))
    return out


def _with_fund_phases(ctx: Context, found: list[Mention]) -> list[Mention]:
    """A fund's name with its phase after it (集成电路产业投资基金二期 / 青禾成长基金三期): each phase is a fund of its
    own, so the phase is part of the name (and of the key it resolves by)."""
    out = []
    for m in found:
        phase = _W.regex("fund_phase").match(ctx.text, m.end) if m.type in ORG_TYPES else None
        if phase and ctx.text.endswith(_W.words("fund_head"), m.start, m.end):
            m = ctx.mention(m.start, phase.end(), m.type, m.source, m.score)
        out.append(m)
    return out


def _body_or_person(ctx: Context, start: int, end: int, type_: str) -> str:
    """王振华发布内部信: a short personal name the tagger took for a body (no body's ending, one word, not a word of
    the dictionary such as 中共 / 人大 / 政协) is a person."""
    if (
        type_ == "GovernmentOrganization"
        and end - start <= 3
        and ctx.text[end - 1] not in _W.set("government_name_end")
        and ctx.name_end(start) == end
        and not ctx.known(ctx.text[start:end])
    ):
        return "Person"
    if (
        type_ in ("Company", "Organization")
        and 2 <= end - start <= 3
        and _W.regex("appointee_cue").search(ctx.text, max(0, start - 2), start)
        and ctx.text[end : end + 1] in _W.set("appointed_as")
        and not ctx.known(ctx.text[start:end])
    ):
        return "Person"  # 聘任项立新为公司副总经理: the one appointed as something is a person
    return type_


def _after_trader(ctx: Context, start: int, end: int) -> int:
    """日商住友化学株式会社 / 英商青禾投资有限公司: where the name begins after a foreign company's nationality
    (Taiwan's and Hong Kong's usage), which is not part of it."""
    prefix = _W.regex("trader_nationality").match(ctx.text, start, end)
    return prefix.end() if prefix and end - prefix.end() >= 2 else start


def _after_repeat(ctx: Context, start: int, end: int) -> int:
    """锋泰门业锋泰门业成立于: a name's first words (three Chinese characters or more) written twice in a row (a heading
    run into the text) begin it once; the second copy is where the name starts. Shorter repeats are names' own
    (哔哩哔哩, 呷哺呷哺集团), as are Latin ones (Gogoro)."""
    text = ctx.text
    moved = True
    while moved:
        moved = False
        for n in range((end - start) // 2, 2, -1):
            word = text[start : start + n]
            if (
                len(set(word)) > 1
                and re.fullmatch(f"[{HAN}]+", word)
                and text.startswith(word, start + n)
                and text[start:end] not in ctx.lexicon.names
            ):
                start += n
                moved = True
                break
    return start


def _after_rumour(ctx: Context, start: int, end: int) -> int:
    """网传锋泰科技裁员 / 王明现身锋泰科技发布会: where a word of hearsay or of a visit (vocabulary rumour_head) opens an
    organisation's span, the name begins after it: at once after a word of two characters or more, after one
    character (传, 称) only where the rest stands alone elsewhere in the article."""
    found = _W.regex("rumour_head").match(ctx.text[start:end])
    if found is None or end - start - found.end() < 2 or ctx.text[start:end] in ctx.lexicon.names:
        return start
    head = start + found.end()
    if found.end() >= 2:
        return head
    rest = ctx.text[head:end]
    pos = ctx.text.find(rest)
    while pos >= 0:
        if pos != head and (pos == 0 or ctx.text[pos - 1] != ctx.text[start]):
            return head
        pos = ctx.text.find(rest, pos + 1)
    return start


_GLUE_TRIMMED = (
    "pattern:org_suffix",
    "pattern:business_named",
    "pattern:introduced_org",
    "pattern:voiced_org",
)


def _without_glued_words(ctx: Context, candidates: list[Mention]) -> list[Mention]:
    """交易完成后锋泰半导体股东… / 业务占锋泰电子营收: where a suffix scan's name ends in another organisation's whole
    name that a rule found on its own elsewhere in the article (four characters or more), the words before it are
    the clause's, glued on by the segmenter: the name begins there. Not after a place or a known name (北京|锋泰科技有限公司
    / 腾讯|音乐娱乐集团 are one name)."""
    alone: dict[str, set[int]] = {}
    for m in candidates:
        if m.type in ORG_TYPES and m.end - m.start >= 4:
            alone.setdefault(ctx.text[m.start : m.end], set()).add(m.start)
    out = []
    for m in candidates:
        if m.type == "Company" and m.source in _GLUE_TRIMMED and m.end - m.start >= 6:
            for k in range(m.start + 1, m.end - 3):
                starts = alone.get(ctx.text[k : m.end])
                head = ctx.text[m.start : k]
                if (
                    starts
                    and starts - {k}
                    and head not in ctx.lexicon.names
                    and not _a_known_place_word(ctx, head)
                    and re.fullmatch(f"[{HAN}]+", head)
                ):
                    m = ctx.mention(k, m.end, m.type, m.source, m.score, types=m.types)
                    break
        out.append(m)
    return out


def _a_known_place_word(ctx: Context, word: str) -> bool:
    return any(
        word.endswith(place)
        and (entry := ctx.lexicon.names.get(place)) is not None
        and entry.types[0] == "Place"
        for place in (word[i:] for i in range(len(word)))
    )


def _without_trader_prefix(ctx: Context, m: Mention) -> Mention:
    start = _after_trader(ctx, m.start, m.end) if m.type in ORG_TYPES else m.start
    start = _after_rumour(ctx, start, m.end) if m.type in ORG_TYPES else start
    start = _after_repeat(ctx, start, m.end) if m.type in ORG_TYPES else start
    return m if start == m.start else ctx.mention(start, m.end, m.type, m.source, m.score, types=m.types)


def _trimmed_org(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """An organisation span without the place, kind, 前 ("former", 委任前锋泰区民政事务局局长) or nationality (日商)
    before its name, and without a title's domain after it (Qinghe行销副总王明: 行销 belongs to the title)."""
    start = _after_place_of(ctx, start, end)
    start = _after_place_kind(ctx, start, end)
    start = _after_kind_of(ctx, start, end)
    start = _after_trader(ctx, former_stripped(ctx, start, end), end)
    start = _after_repeat(ctx, start, end)  # 锋泰门业锋泰门业: the name once
    start = ctx.after_glued_char(start, end)  # 占|云帆科技总股本
    start = _after_rumour(ctx, start, end)  # 网传|锋泰科技裁员
    verb = ctx.token_at(start)
    if (
        verb is not None
        and verb.start == start
        and verb.word in _W.set("clause_verb")
        and verb.word not in ctx.lexicon.names
        and end - verb.end >= 3
    ):
        start = verb.end  # 分管|锋泰发展司: the verb of a clause before the name
    link = _W.regex("relation_noun_before_name").match(ctx.text, start, end)
    if link and end - link.end() >= 4 and ctx.is_boundary(link.end()):
        start = link.end()  # 全资子公司锋泰勘察设计院有限公司: what the company is to another, then its name
    domain = next((d for d in _W.words("function_not_name_end") if ctx.text.endswith(d, start, end)), None)
    if domain and end - start > len(domain) + 1 and ctx.lexicon.title_pattern.match(ctx.text, end):
        end -= len(domain)
    return start, end


def _trimmed_person(ctx: Context, start: int, end: int) -> int:
    """The end of a personal name without a function word glued onto it: 王良于1995年 (the segmenter glued 于 onto
    the name, and the tagger followed it), 任命王川为零售事业群总裁 (为, "as", after the appointee's name)."""
    if end - start > 2 and ctx.text[end - 1] in GLUED:
        return end - 1
    if (
        end - start == 3
        and ctx.text[end - 1] in _W.set("appointed_as")
        and _W.regex("appointee_cue").search(ctx.text[max(0, start - 3) : start])
    ):
        return end - 1
    return end


def _completed_person(ctx: Context, start: int, end: int) -> int:
    """The end of a three-character name of which the tagger took the first two characters (马东 of 马东敏说): the
    name the span begins reads one character longer where the segmenter glued its last character to the verb
    after it (敏说), and the article writes those three characters elsewhere too, read as a name there as well
    (马东敏此前 / 马东敏表示; not 马云顶进球 once, nor 张勇来了)."""
    if end - start != 2 or ctx.surname_length(start) != 1 or ctx.name_end(start) != end + 1:
        return end
    name, text = ctx.text[start : end + 1], ctx.text
    ends = [
        pos
        for pos in occurrences(text, name)
        if pos != start
        and (pos + 3 == len(text) or text[pos + 3] in NAME_STOP or ctx.name_end(pos) == pos + 3)
    ]
    return end + 1 if ends else end


def _person_after_conjunction(ctx: Context, start: int, end: int) -> int:
    """The start of a personal name after a conjunction the tagger took into it: 由王明接任董事长及林舟接任CEO (及
    joins two clauses; 林舟 is the name) — where the rest is a whole name on its own, and either the character is no
    surname at all or the segmenter did not tag the span as one person's name (于丹 stays)."""
    tok, first = ctx.token_at(start), ctx.text[start : start + 1]
    if (
        end - start in (3, 4)
        and (
            first in _W.set("conjunction_not_surname")
            or first in FUNCTION_SURNAMES
            and not (tok and tok.pos.startswith("nr") and tok.end >= end)
        )
        and ctx.name_end(start + 1) == end
    ):
        return start + 1
    return start


def statistical_mentions(
    ctx: Context,
    tagged: list[Span],
    taken: list[Mention],
    *,
    min_confidence: float = CRF_MIN_CONFIDENCE,
    source: str = "crf",
) -> list[Mention]:
    """The tagger's confident spans that pass the junk filters and either overlap no rule mention or strictly
    contain the rule mentions they overlap (新浪乐居 over 新浪, 美国海军 over 美国: the longest span wins). A span
    is kept only where the tagger's spans of its type and confidence were measured precise enough
    (``precision.py``)."""
    out = []
    by_position = _SpanIndex(taken)
    for start, end, type_, prob in tagged:
        if prob < min_confidence or not precise_enough(source, type_, prob):
            continue
        overlapping = by_position.overlapping(start, end)
        contains = all(
            start <= m.start and m.end <= end and (m.start, m.end) != (start, end) for m in overlapping
        )
        # a place's name inside a longer name (中国传统文化促进会) or naming a body (利物浦, the club) needs only
        # the tagger's usual confidence; other rule names it replaces need more
        override = min_confidence if all(_lexicon_place(m) for m in overlapping) else CRF_OVERRIDE_CONFIDENCE
        if (
            overlapping
            and not (
                contains
                and prob >= override
                and type_ != "Title"
                and _meaningful_extension(ctx, start, end, overlapping)
            )
            and not (
                prob >= override
                and _names_a_body(overlapping, start, end, type_)
                and not _a_place_where_it_stands(ctx, by_position, start, end)
            )
        ):
            continue
        while start < end and ctx.text[start].isspace():
            start += 1  # the tagger may take the blanks before a name into it
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if type_ != "Person" and ctx.text.startswith(_W.words("vague_quantifier_start"), start):
            start += len(next(w for w in _W.words("vague_quantifier_start") if ctx.text.startswith(w, start)))
            if end - start < 2:
                continue  # 影响过一众KOL: an unnamed many, the quantifier no part of a name
        if type_ != "Person" and _W.regex("quoted_price_after").match(ctx.text, end - 1) and end - start > 3:
            end -= 1  # 至收盘，锋泰电子报19.25元: a listed company's short name and its price
            type_ = "Company" if type_ == "Product" else type_
        type_ = _body_or_person(ctx, start, end, type_)
        if type_ in ORG_TYPES:
            end = _with_whole_suffix(ctx, start, end)  # 锋泰建设集团有限公|司: the suffix the tagger cut
        # 青禾机器人与锋泰电气: two names the tagger read as one across the conjunction between them
        parts = _split_at_conjunction(ctx, start, end) if type_ in ORG_TYPES else [(start, end)]
        for start, end in parts:  # noqa: B020 (each part is read as the span was)
            if type_ in ORG_TYPES:
                start, end = _trimmed_org(ctx, start, end)
            elif type_ == "Person":
                start, end = _person_after_conjunction(ctx, start, end), _trimmed_person(ctx, start, end)
                end = _completed_person(ctx, start, end)
            m = ctx.mention(start, end, type_, source, round(prob * 0.8, 2))
            if (
                type_ == "Person"
                and ctx.text[start] in _W.set("post_verb_char")
                and by_position.ends_at(start)
            ):
                continue  # 王明任锋泰董事长: 任 after a name found is the verb of the post, not a surname
            if ctx.text[start:end] in ctx.lexicon.names and inside_longer_word(ctx, start, end):
                continue  # the tagger learnt that known names are names; in 中国移动互联网 this one is not
            if _runs_into_common_term(ctx, start, end):
                continue  # (美国)通用会计准则: the span ends inside a common term
            if type_ != "Person" and _latin_gloss(ctx, by_position, start, end):
                continue  # 首席战略官(Chief Strategy Officer) / 主席芬克(Larry Fink): a gloss, no company
            if type_ == "Title" or _acceptable(m, ctx) and _plausible_statistical(m, ctx):
                out.append(m)
    return out


def _split_at_conjunction(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of an organisation span that a conjunction cuts (与 / 和 / 及 as a word of their own, tagged a
    conjunction, or glued by the segmenter to the unknown name after it: 机器人|与锋泰|电气), where every part has two
    characters at least; else the span itself."""
    cuts: list[tuple[int, int]] = []
    joining = _W.set("name_joining_conjunction")
    i = ctx.token_index(start)
    while i < len(ctx.tokens) and ctx.tokens[i].start < end:
        tok = ctx.tokens[i]
        if start < tok.start and tok.end < end:
            if tok.pos == "c" and tok.word in joining:
                cuts.append((tok.start, tok.end))
            elif tok.word[0] in joining and len(tok.word) >= 3 and not ctx.known(tok.word):
                cuts.append((tok.start, tok.start + 1))
        i += 1
    if not cuts:
        return [(start, end)]
    bounds = [start, *(x for cut in cuts for x in cut), end]
    parts = list(zip(bounds[::2], bounds[1::2], strict=True))
    return parts if all(e - s >= 2 for s, e in parts) else [(start, end)]


def _lexicon_place(m: Mention) -> bool:
    return m.type == "Place" and m.source == "lexicon"


def _names_a_body(overlapping: list[Mention], start: int, end: int, type_: str) -> bool:
    """利物浦 / 意大利 read by the tagger as a club or a team: a place's name may name a body where the context
    says so; the lexicon only knows the place."""
    return (
        type_ in ORG_TYPES
        and len(overlapping) == 1
        and (overlapping[0].start, overlapping[0].end) == (start, end)
        and _lexicon_place(overlapping[0])
    )


def _a_place_where_it_stands(ctx: Context, by_position: _SpanIndex, start: int, end: int) -> bool:
    """英国、法国、瑞典等国 / 河南、河北经销商 / 总部设在青禾新区的: a place's name in a list of places, or after a
    word of where something is, names the place, not a body (a club or a team) the tagger read it as."""
    text = ctx.text
    if _W.regex("located_at_cue").search(text, max(0, start - 4), start):
        return True
    before = start >= 2 and text[start - 1] == _LIST_MARK and by_position.ends_at(start - 1, "Place")
    after = text[end : end + 1] == _LIST_MARK and any(
        m.start == end + 1 and _lexicon_place(m) for m in by_position.overlapping(end + 1, end + 2)
    )
    return before or after


def _with_whole_suffix(ctx: Context, start: int, end: int) -> int:
    """锋泰建设集团有限公|司 / 青禾县政|府: where a span ends with the beginning of an organisation's suffix that the
    text goes on to complete, the name ends with the whole suffix."""
    text = ctx.text
    if end >= len(text):
        return end
    for head, rest in _suffix_splits(ctx.lexicon.suffix_words).get(text[end], ()):
        if end - start > len(head) and text.endswith(head, start, end) and text.startswith(rest, end):
            return end + len(rest)
    return end


@functools.cache
def _suffix_splits(words: tuple[str, ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each suffix word cut in two at every place (有限公|司), by the first character of the second part, in the
    order of ``words`` and then of the cut."""
    out: dict[str, list[tuple[str, str]]] = {}
    for word in words:
        for k in range(1, len(word)):
            out.setdefault(word[k], []).append((word[:k], word[k:]))
    return {ch: tuple(v) for ch, v in out.items()}


def _latin_gloss(ctx: Context, by_position: _SpanIndex, start: int, end: int) -> bool:
    """首席战略官(Chief Strategy Officer) / 贝莱德主席芬克(Larry Fink): Latin words in brackets right after a title or
    a person's name gloss it; they name no company, body or product."""
    text = ctx.text
    if not text[start:end].isascii():
        return False
    opening = _W.regex("latin_gloss_open").search(text, max(0, start - 30), start)
    if opening is None or not _W.regex("latin_gloss_close").match(text, end, end + 30):
        return False
    at = opening.start()
    if by_position.ends_at(at, "Person"):
        return True
    titles = ctx.lexicon.title_pattern
    return any(
        (t := titles.match(text, k, at)) is not None and t.end() == at for k in range(max(0, at - 10), at)
    )


def _runs_into_common_term(ctx: Context, start: int, end: int) -> bool:
    """A common term of kg's list (通用会计准则, 移动互联网) begins inside the span and runs past its end."""
    terms = _W.set("common_term")
    text, ends = ctx.text, range(end + 1, min(end + 6, len(ctx.text)) + 1)
    begun = _beginnings(terms)  # (a term that runs past the end begins with what the span has of it)
    return any(text[j:end] in begun and any(text[j:k] in terms for k in ends) for j in range(start, end))


@functools.cache
def _beginnings(words: frozenset[str]) -> frozenset[str]:
    """Every beginning of a word shorter than the word."""
    return frozenset(w[:i] for w in words for i in range(1, len(w)))


def _after_place_of(ctx: Context, start: int, end: int) -> int:
    """天津的高恒管理咨询有限公司: a place and a possessive before a name (总部位于天津的…) are not part of it."""
    for particle in _W.words("possessive"):
        cut = ctx.text.find(particle, start, end)
        if cut <= start or end - cut - len(particle) < 2:
            continue
        place = ctx.lexicon.names.get(ctx.text[start:cut])
        tok = ctx.token_at(start)
        if place and place.types[0] == "Place" or tok and tok.end == cut and tok.pos == "ns":
            return cut + len(particle)
    return start


def _after_place_kind(ctx: Context, start: int, end: int) -> int:
    """德国车企青禾汽车集团 / 瑞士手表品牌Lavora: a place, a few words and a kind of company before a name (its
    nationality and trade) are not part of it, unless the whole is a name kg knows."""
    tok = ctx.token_at(start)
    if tok is None or ctx.known(ctx.text[start:end]):
        return start
    place = ctx.lexicon.names.get(tok.word)
    if not (tok.pos == "ns" or place and place.types[0] == "Place"):
        return start
    kind = _W.regex("kind_after_place").match(ctx.text, tok.end, end)
    if kind is None:
        return start
    rest = ctx.text[kind.end() : end]
    suffixes = ctx.lexicon.suffix_words
    if (
        len(rest) < 2
        or rest.startswith(suffixes)
        or rest in ctx.lexicon.non_entities
        or not ctx.is_boundary(kind.end())
    ):
        return start
    return kind.end()


def _after_kind_of(ctx: Context, start: int, end: int) -> int:
    """研究机构纳弗斯 / 投资机构锋泰资本: a short description ending in a kind of organisation, then a name, is not
    part of the name (the name after it is neither a generic word nor one that ends like an organisation's, unless
    the description is a kind of company: 酒店管理公司锋泰酒店集团)."""
    head = ctx.text[start : min(end, start + 6)]
    suffixes = ctx.lexicon.suffix_words
    for kind in _W.words("org_kind_word"):
        cut = head.find(kind)
        if cut < 0:
            continue
        rest_start = start + cut + len(kind)
        rest = ctx.text[rest_start:end]
        if (
            len(rest) >= 2
            and rest not in ctx.lexicon.non_entities
            and (not rest.endswith(suffixes) or kind_of_company(ctx, ctx.text[start:rest_start]))
            and not rest.startswith(suffixes)
            and re.fullmatch(rf"[{HAN}]+", ctx.text[start:rest_start])
            and ctx.is_boundary(rest_start)
        ):
            return rest_start
    return start


class _SpanIndex:
    """Mentions by position: those overlapping a span are found by binary search, not by a scan of all of them
    (a long document has tens of thousands of mentions and as many tagger spans)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def ends_at(self, at: int, type_: str = "Person") -> bool:
        """Whether a mention of ``type_`` ends right at ``at``."""
        lo = bisect.bisect_left(self.starts, at - self.longest)
        hi = bisect.bisect_left(self.starts, at)
        return any(m.end == at and m.type == type_ for m in self.mentions[lo:hi])


def tag_documents(
    tagger, documents: list[tuple[Document, list[Token]]], lexicon: Lexicon
) -> list[list[Span]]:
    """The statistical tagger's spans for each (document, its tokens), in document offsets. Every sentence of
    every document goes to the tagger in one batch (it decodes many sentences at once far faster than one by
    one); a span never crosses a sentence or a line."""
    items, owners = [], []
    for d, (doc, tokens) in enumerate(documents):
        starts = [t.start for t in tokens]
        for sent in doc.sentences:
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            inside = tokens[lo:hi]
            text = doc.norm[sent.start : sent.end]
            if "".join(t.word for t in inside) != text:
                continue  # a token crosses the sentence edge; skip rather than misalign
            items.append((text, inside, sent.start))
            owners.append((d, sent.start))
    out: list[list[Span]] = [[] for _ in documents]
    found = [spans for part in _parts(items) for spans in tagger.tag_batch(part, lexicon)]
    for (d, base), spans in zip(owners, found, strict=True):
        out[d].extend((start + base, end + base, type_, prob) for start, end, type_, prob in spans)
    return out


TAG_PART = 100_000  # characters the tagger decodes at once: its arrays take ~0.5 KB a character


def _parts(items: list[tuple[str, list[Token], int]]) -> Iterator[list[tuple[str, list[Token], int]]]:
    """Sentences in runs of at most ``TAG_PART`` characters (one longer sentence is a run of its own), so that a
    very long document is tagged part by part in bounded memory; each sentence's spans do not depend on its run."""
    part: list[tuple[str, list[Token], int]] = []
    size = 0
    for item in items:
        if part and size + len(item[0]) > TAG_PART:
            yield part
            part, size = [], 0
        part.append(item)
        size += len(item[0])
    if part:
        yield part


def _meaningful_extension(ctx: Context, start: int, end: int, inside: list[Mention]) -> bool:
    """新浪乐居 extends 新浪 by a name; 拼多多总部 / 阿里巴巴集团董事局(主席) extend it by a common word or a title."""
    rest_start, rest_end = start, end
    for m in sorted(inside, key=lambda m: m.start):
        if m.start == rest_start:
            rest_start = m.end
    for m in sorted(inside, key=lambda m: -m.end):
        if m.end == rest_end:
            rest_end = m.start
    rest = ctx.text[rest_start:rest_end]
    if not rest or rest in ctx.lexicon.non_entities or rest in ctx.lexicon.titles:
        return False
    if len(rest) == 1 and (rest in _W.set("glued_copula") or rest in _W.set("function_character")):
        return False  # 副总裁王明为总裁: a copula or a preposition after a name found is no part of it
    if rest_start == start and rest_end < end and rest.endswith(_DESCRIBING_KINDS):
        return False  # 私募股权基金黑石集团: a kind of organisation before a known name describes it
    if ctx.text[end : end + 1] in _ASPECT:
        return False  # 腾讯投资了: the extension is a verb
    # 拜仁慕尼黑, 中国电动汽车百人会: a place in a body's name
    only_places = all(_lexicon_place(m) for m in inside)
    if any(m.source.startswith("lexicon") for m in inside) and not only_places:
        # a curated name grows only into a longer organisation name (新浪 → 新浪乐居公司), not 京东商城 → 京东商城上线
        heads = ctx.lexicon.suffix_words + _ORG_HEADS
        if not ctx.text[start:end].endswith(heads):
            return False
    names = [m for m in inside if m.type in ORG_TYPES or m.type == "Person"]
    known = [m for m in names if m.type in ORG_TYPES and m.source in ("lexicon", "kb")]
    if len(known) > 1:
        return False  # 阿里巴巴旗下子公司蚂蚁集团: two known organisations are two names, not one
    if len(names) > 1 and any(
        ch in _W.set("function_character") for ch in ctx.text[names[0].end : names[-1].start]
    ):
        return False  # 红杉中国向云汐科技有限公司: two names and the preposition between them are no one name
    i = ctx.token_index(rest_start)
    while i < len(ctx.tokens) and ctx.tokens[i].start < rest_end:
        tok = ctx.tokens[i]
        if (
            tok.pos.startswith("v")
            and tok.pos != "vn"
            and ctx.known(tok.word)
            and not (tok.end == end and tok.word in _ORG_HEADS)  # 百人|会: the body's head, tagged a verb
        ):
            return False  # 京东商城上线: a verb is no part of a name
        if tok.pos in ("p", "c") and tok.word in _W.set("function_character"):
            return False  # 向 / 与 / 和: a preposition or conjunction joins names, it is not inside one
        i += 1
    return not any(
        t.start() == rest_start for t in ctx.lexicon.title_pattern.finditer(ctx.text, rest_start, end + 6)
    )


def _copula_after_name(ctx: Context, text: str) -> bool:
    """A copula (为, 系, 归) inside a span, after a whole organisation's name and before at least two characters more."""
    copulas = _W.set("copula_in_span")
    return any(
        text[k] in copulas and text.endswith(ctx.lexicon.suffix_words, 0, k) and k >= 4
        for k in range(2, len(text) - 2)
    )


def _among_common_nouns(ctx: Context, start: int, end: int) -> bool:
    """The span is an item of a list joined by 、 whose items beside it are things: a common noun the segmenter
    knows next to it, and no name or title on either side (葡萄、樱桃、杨梅等 / 杨梅、葡萄; not 王明、李华、杨梅等人,
    nor 创始人王明、总裁李华)."""
    text, lex = ctx.text, ctx.lexicon
    sep = _W.set("list_separator_char")
    beside = []
    if start and text[start - 1] in sep:
        before = ctx.tokens[ctx.token_index(start - 2)] if start >= 2 else None
        if before is not None and before.end == start - 1:
            beside.append(before)
    if text[end : end + 1] in sep:
        after = ctx.token_at(end + 1)
        if after is not None:
            beside.append(after)

    def a_thing(tok: Token) -> bool:
        return (
            tok.pos == "n"
            and len(tok.word) >= 2
            and ctx.known(tok.word)
            and tok.word not in lex.titles
            and tok.word not in lex.names
            and not tok.word.endswith(_W.words("person_noun_ending"))
        )

    def a_whole_item(tok: Token) -> bool:
        return (tok.start == 0 or text[tok.start - 1] in sep) and (
            text[tok.end : tok.end + 1] in sep or text.startswith(_W.words("list_end"), tok.end)
        )

    def a_name(tok: Token) -> bool:
        return a_whole_item(tok) and (
            tok.pos in NAME_POS or tok.word in lex.titles or tok.word in lex.names or not ctx.known(tok.word)
        )

    return any(a_thing(t) for t in beside) and not any(a_name(t) for t in beside)


def _plausible_statistical(m: Mention, ctx: Context) -> bool:
    text = ctx.text[m.start : m.end]
    if not text.strip() or any(ch in _W.set("not_in_a_name") for ch in text):
        return False
    if _W.regex("account_id_cue").search(ctx.text, max(0, m.start - 6), m.start):
        return False  # 来源：青禾观察(ID:qinghe_gc): a social account's handle
    if m.type == "Person" and len(text) <= 3 and text[-1] in _W.set("admin_area_end"):
        return False  # 徐闻县: a county, no personal name
    if m.type == "Person" and text.startswith(_W.words("heading_not_a_name")):
        return False  # 公司简介: a heading the segmenter took for a name
    if m.type == "Person" and len(text) >= 3 and ctx.text.startswith(_W.words("post_verb_glued"), m.end - 1):
        return False  # 徐磊升为…总裁: the verb's first character, not the name's last
    if m.type == "Person" and _among_common_nouns(ctx, m.start, m.end):
        return False  # 葡萄、樱桃、杨梅等水果: an item of a list of things, no person
    if m.type == "Person" and all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return 2 <= len(text) <= 4  # Chinese names; transliterated foreign names may be longer
    if m.type == "Person" and (
        text.isascii() and (text.isupper() or len(text) < 3) or any(ch.isdigit() for ch in text)
    ):
        return False  # MCN, CEO, AI: an acronym is not a person
    if m.type != "Person" and (text in ctx.lexicon.non_entities or generic_with_acronym(ctx, text)):
        return False  # 创业公司, SaaS公司: a kind of organisation
    if (
        m.type == "Product"
        and text.isascii()
        and (text in _W.set("latin_not_a_name") or text.split()[0] in _W.set("latin_model_stop"))
    ):
        return False  # SoC / Top 3: a common noun or a ranking, no product's name
    if m.type == "Product" and any(w in _W.set("picture_word") for w in text.split()):
        return False  # image / IC photo: where a picture was, or its credit
    if m.type in ("Product", "Platform") and text in _W.set("product_kind_noun"):
        return False  # 推出小程序“禾点餐”: the word for the kind, no product's name
    if m.type == "Product" and _W.regex("series_word_alone").fullmatch(text):
        return False  # 举办“双Ultra”发布会: a series word, no product's name
    if m.type != "Person" and _W.regex("counted_opening").match(text):
        return False  # 考进一所名校 / 带火一众网红: a count, no name's first words
    if (
        m.type in ORG_TYPES
        and _W.regex("counted_before").search(ctx.text, max(0, m.start - 2), m.start)
        and _W.regex("counted_kind_end").search(text)
    ):
        return False  # 从一个小五金厂起步 / 首家合资券商公司: a kind of company counted, no name
    if (
        m.type in ORG_TYPES
        and _place_and_field(ctx, text)
        and ctx.text.startswith(_W.words("field_description_head"), m.end)
    ):
        return False  # 英国制药巨头 / 美国SaaS行业: a place and a trade, a description
    if m.type in ORG_TYPES and _W.regex("located_at_cue").search(ctx.text, max(0, m.start - 4), m.start):
        return False  # 总部设在青禾新区的: where something is, a place
    if m.type != "Person" and text in _W.set("latin_common_noun"):
        return False  # ESG / FA: a common noun in Latin letters, no company
    if (
        m.type in ORG_TYPES
        and text.endswith(_W.words("collective_not_name_end"))
        and text not in ctx.lexicon.names
    ):
        return False  # 多晶硅产业板块 / 商业化部门 / 监管机构: a generic collective, no name
    if m.type == "Company" and len(text) > 2 and text[-1] in _W.set("circle_end") and not ctx.known(text):
        return False  # 字节系: a company's circle, no company
    if m.type in ORG_TYPES and text.endswith(_W.words("speech_end")):
        return False  # 公司内部信称: the clause's verb of saying, not a name's end
    if m.type in ORG_TYPES and any(w in text[1:] for w in _W.words("clause_inside_org_span")):
        return False  # 锋泰资本曾为青禾科技: a clause about two organisations, not one name
    if m.type in ORG_TYPES and _copula_after_name(ctx, text):
        return (
            False  # 青禾电子为锋泰集团: a name, a copula and the next name, a clause about two organisations
        )
    if m.type in ORG_TYPES and board_committee(ctx, text):
        return False  # 董事会的薪酬委员会: a committee of the company's board, not an organisation of its own
    if m.type in ORG_TYPES and kind_of_company(ctx, text):
        return False  # 金融科技公司 / 多家证券公司: a field and a suffix, a kind of company
    if m.type in ORG_TYPES and text.startswith(_W.words("person_descriptor")):
        return False  # 资深商业咨询(顾问刘润): a word describing a person, no organisation's first word
    if m.type != "Person" and any(w in text for w in _W.words("owner_word")):
        return False  # 青禾日记母公司锋泰: two names and the word that relates them
    if m.type == "Company" and _W.regex("department_end").search(text):
        return False  # 战略发展部: a department (of the company before it), not a company
    if m.type in ORG_TYPES and ctx.ends_in_a_verb(m.start, m.end):
        return False  # 京东战略投资了达达: the verb, not a name's end
    if m.type in ORG_TYPES and reads_as_a_clause(ctx, m.start, m.end):
        return False
    if m.type in ORG_TYPES and received_investment(ctx, m.start, m.end):
        return False  # 获得腾讯投资: the investment received
    if (
        m.type in ORG_TYPES
        and text not in ctx.lexicon.names
        and (cite := _W.regex("citing_head").match(text)) is not None
        and len(text) - cite.end() >= 2
    ):
        return False  # 按锋泰集团的说法: the word that cites the source is no part of the name
    if m.type in ORG_TYPES and invests_between_names(ctx, m.start, m.end):
        return False  # 锋泰集团战略投资青禾科技: a firm, the verb and the firm it invests in
    if m.type in ORG_TYPES and any(
        t.word in _W.set("clause_inside_name") for t in ctx.tokens_from(m.start, m.end)[1:]
    ):
        return False  # 青禾物流隶属于星澜集团: a verb the segmenter took for a noun makes it a clause
    if m.type in ORG_TYPES and _W.regex("rank_phrase").search(text):
        return False  # 美国第二大连锁集团QXT娱乐控股公司: a description run into the name
    if m.type in ORG_TYPES and len(text) > 3 and as_the_company(text, len(text)):
        return False  # 选举王明为公司…: "as the company's", after a person's name
    tok = ctx.token_at(m.start)
    if (
        m.type == "Company"
        and len(text) == 2
        and tok is not None
        and (tok.start, tok.end) == (m.start, m.end)
        and tok.pos == "n"
        and ctx.known(text)
        and text not in ctx.lexicon.names
        and (nxt := ctx.token_at(m.end)) is not None
        and nxt.start == m.end
        and nxt.pos in ("n", "vn")
        and ctx.known(nxt.word)
    ):
        return False  # 主业为百货零售: a common noun that modifies the noun after it, no company
    return len(text) <= 20


def _place_and_field(ctx: Context, text: str) -> bool:
    """英国制药 / 美国SaaS: a place the lexicon knows and one word of a field."""
    fields = _W.set("field_word")
    return any(
        text[k:] in fields
        and (entry := ctx.lexicon.names.get(text[:k])) is not None
        and entry.types[0] == "Place"
        for k in range(2, len(text) - 1)
    )


def _rule_mentions(ctx: Context) -> list[Mention]:
    candidates = find_lexicon(ctx)
    units = find_business_units(
        ctx, candidates
    )  # 網易遊戲: a unit of a known company, even if the KB lists it
    taken = {(m.start, m.end) for m in units}
    candidates.extend(
        m
        for m in find_kb_names(ctx, inside_longer_word, received_investment)
        if (m.start, m.end) not in taken
    )
    candidates.extend(units + find_brand_goods(ctx, candidates) + find_company_sites(ctx, candidates))
    for finder in PATTERNS:
        candidates.extend(finder(ctx))
    candidates = [_without_trader_prefix(ctx, m) for m in candidates]  # (the tagger's spans: _trimmed_org)
    candidates = _without_glued_words(ctx, candidates)
    anchors = filter_spans(candidates)
    candidates.extend(
        find_glossed_products(ctx, anchors)
        + find_quoted_offerings(ctx, anchors)
        + find_branches(ctx, anchors)
        + find_org_units(ctx, candidates)
        + find_stem_units(ctx, candidates)
    )
    merged = _join_places([m for m in filter_spans(candidates) if _acceptable(m, ctx)], ctx)
    pairs = find_abbreviations(ctx, merged)
    merged = filter_spans(merged + [short for _, short in pairs])
    mentions = filter_spans(merged + _propagate(ctx, merged))
    return _apply_abbreviations(mentions, pairs)


def _apply_abbreviations(mentions: list[Mention], pairs) -> list[Mention]:
    """The full name and its abbreviation resolve to one entity."""
    # a lexicon name keeps its canonical form (阿里巴巴集团（简称“阿里”） stays 阿里巴巴); otherwise readers' short name wins
    rename = {}
    for full, short in pairs:
        if short.key != full.key:
            if full.source.startswith("lexicon") or short.key.isascii() and not full.key.isascii():
                # (药明康德(WXAT) stays 药明康德: a Latin acronym is an alias of a Chinese name, not its label)
                rename[short.key] = full.key
            else:
                rename[full.key] = short.key
    if not rename:
        return mentions
    return [dataclasses.replace(m, key=rename[m.key]) if m.key in rename else m for m in mentions]


def _acceptable(m: Mention, ctx: Context) -> bool:
    key = m.key
    if m.type == "Date":
        return True
    if len(key) < 2 and not key.isascii():
        return False
    if key in ctx.lexicon.non_entities and not (m.type == "Place" and key in ctx.lexicon.names):
        return False  # 中国 is a common word in names (it never starts one), yet a place of its own
    if (
        m.type in ("Product", "Programme")
        and m.source not in ("lexicon", "kb")
        and not _whole_offering(ctx, m)
    ):
        return False
    if m.type == "Product" and _W.regex("series_word_alone").fullmatch(key):
        return False  # 澜星音箱mini: the variant word after a kind, no product's name of its own
    return key not in ctx.lexicon.titles and not key.isdigit()


def _whole_offering(ctx: Context, m: Mention) -> bool:
    """A product's or a programme's name a pattern found holds no list or clause mark and no half of a pair of
    quotes, and opens with no adverb, preposition, conjunction, particle or pronoun (业内领先、全国首创 / “十四五 /
    已拥有青禾汽车: a phrase, not a name)."""
    text = ctx.text[m.start : m.end]
    if any(ch in text for ch in _W.set("list_or_clause_mark")):
        return False
    if any(text.count(pair[0]) != text.count(pair[1]) for pair in _W.words("quote_pair")):
        return False
    return not ctx.opens_with_function_word(m.start, m.end)


def _propagate(ctx: Context, found: list[Mention], *, taken: Sequence[Mention] = ()) -> list[Mention]:
    """Other occurrences of names found by patterns (not the lexicon, which already finds every occurrence),
    where no mention in ``taken`` is."""
    seen = {(m.start, m.end) for m in found}
    occupied = {i for m in taken for i in range(m.start, m.end)}
    by_surface: dict[str, Mention] = {}
    for m in found:
        if m.source != "lexicon" and m.type in _PROPAGATE:
            by_surface.setdefault(ctx.text[m.start : m.end], m)
    out = []
    for surface, model in sorted(by_surface.items()):
        for s in occurrences(ctx.text, surface):
            e = s + len(surface)
            if (s, e) in seen or not (ctx.is_boundary(s) and ctx.is_boundary(e)):
                continue
            if occupied and any(i in occupied for i in range(s, e)):
                continue
            if model.type in ORG_TYPES and ctx.text.startswith(ctx.lexicon.suffix_words, e):
                continue  # 沃尔沃 found elsewhere; 沃尔沃汽车 here is a longer name, not 沃尔沃 and a word
            out.append(
                ctx.mention(
                    s, e, model.type, "propagate", model.score - 0.1, key=model.key, types=model.types
                )
            )
    return out


def embedded_parents(
    doc: Document, mentions: list[Mention], *, lexicon: Lexicon | None = None
) -> list[Mention]:
    """The well-known company named at the start of a business unit or a product named after it (網易 in 網易遊戲,
    腾讯 in 腾讯会议), as a mention of its own.

    These overlap their unit's mention, so they feed resolution (the parent becomes a node with evidence) but
    not the sentence templates of the relation builder.
    """
    lexicon = lexicon or load_lexicon()
    out = []
    for m in mentions:
        found = (
            lexicon.owner_of(doc.norm[m.start : m.end], ("Company", "Platform", "Organization"))
            if m.type == "BusinessUnit" or m.source == "pattern:product_name"
            else None
        )
        by_pattern = m.type == "BusinessUnit" and m.source.startswith("pattern:")
        longer = load_kb().longer_maker(m.key, len(found[0])) if found and by_pattern else None
        types: tuple[str, ...]
        if longer is not None:
            # 京东方技术研发中心: the longer name the knowledge base knows (京东方), not the lexicon's 京东
            end, key, types = m.start + longer[0], kb_label(longer[1], lexicon), (longer[1].type,)
        elif found:
            end, owner = m.start + len(found[0]), found[1]
            key, types = owner.canonical, owner.types
        elif m.source == "pattern:product_name" and (made := load_kb().maker_of(m.key)):
            end, key, types = m.start + made[0], kb_label(made[1], lexicon), (made[1].type,)
        elif (
            m.source == "pattern:org_unit"
            and m.key == doc.norm[m.start : m.end]
            and (in_name := owner_in_name(m.key, lexicon))
        ):
            # 青禾集团人工智能研究院: the organisation whose name a pattern found before the division's own
            end, key, types = m.start + in_name[0], m.key[: in_name[0]], (in_name[1],)
        else:
            continue  # 理想L9: the maker the knowledge base knows by the name the model begins with
        out.append(
            Mention(
                m.start,
                end,
                doc.text[m.start : end],
                types[0],
                "embedded",
                0.9,
                key,
                m.sentence,
                types,
                doc.id,
            )
        )
    return out


def find_titles(
    doc: Document,
    mentions: list[Mention],
    *,
    lexicon: Lexicon | None = None,
    tokens=None,
    tagged: list[Span] | None = None,
    min_confidence: float = CRF_MIN_CONFIDENCE,
    source: str = "crf",
) -> list[Mention]:
    """Job-title spans (董事长, 首席执行官, 运营负责人) outside entity mentions, typed ``Title``.

    Titles are qualifiers in the graph, not nodes; the evaluation scores them against position labels."""
    lexicon = lexicon or load_lexicon()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in lexicon.title_pattern.finditer(doc.norm):
        if lexicon.titles[m.group()] in ("none",) or any(i in taken for i in range(m.start(), m.end())):
            continue
        out.append(
            Mention(
                m.start(),
                m.end(),
                doc.text[m.start() : m.end()],
                "Title",
                "lexicon:title",
                0.9,
                m.group(),
                doc.sentence_at(m.start()).index,
                ("Title",),
                doc.id,
            )
        )
    if tagged is not None and tokens is not None:
        ctx = Context(doc, tokens, lexicon, lambda w: True)
        found = statistical_mentions(
            ctx, tagged, mentions + out, min_confidence=min_confidence, source=source
        )
        out += [m for m in found if m.type == "Title"]
    return sorted(out, key=lambda m: m.start)


def _join_places(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """广东省深圳市 / 德国慕尼黑 / 深圳南山区: adjacent place names are one, more specific, place; a place right
    before a government body's generic name is part of it (荆门 + 高新区管委会: 荆门高新区管委会)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev
            and prev.type == "Place"
            and m.type == "Place"
            and prev.end == m.start
            and ABBREVIATED not in (prev.source, m.source)  # 中美: two countries, not one place
        ):
            out[-1] = ctx.mention(
                prev.start, m.end, "Place", "pattern:joined_place", min(prev.score, m.score)
            )
        elif prev and prev.type == "Place" and m.type == "GovernmentOrganization" and prev.end == m.start:
            out[-1] = ctx.mention(
                prev.start, m.end, m.type, "pattern:placed_government", min(prev.score, m.score)
            )
        else:
            out.append(m)
    return out
