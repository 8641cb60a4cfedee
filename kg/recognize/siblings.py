"""Names that stand in a list of organisations (投资方为IDG、顺为、晨兴等 / 来自IDG、高通、淡马锡、启明的融资 /
参股的公司包括云途、美团和京东: the first item too, after the word that opens the list) or of products and platforms
(推出了微信、QQ和X), or of people (分别是王芳、李明和赵强: an item that reads as a personal name).

An item of such a list that nobody recognised, written like a name (no function word, number or time in it,
not only common nouns: a word the dictionary does not know, knows as a name, or a short word the segmenter
read as an adverb or verb), is of the kind of the list's known items. The list needs two known items, or one and a closing 等 (A、B、C等)."""

from __future__ import annotations

import bisect
import re

from ..model import Mention
from ..words import load_words
from .context import NAME_POS, STATISTICAL_SOURCES, Context

W = load_words()
_FAMILIES = (
    ("Company", "Organization"),
    ("Product", "Platform"),
    ("Person",),
)  # a list keeps to organisations, offerings or people (a person's item must read as a personal name)
_BAD_POS = "pcurtmqfy"  # (the segmenter's guesses for a short unknown name are often d or v: 顺为/d, 晨兴/v)


def find_list_siblings(ctx: Context, found: list[Mention]) -> list[Mention]:
    """Unknown items of lists of known organisations, as mentions of the same type."""
    found = sorted(found, key=lambda m: (m.start, m.end))
    starts = [m.start for m in found]
    separator = re.compile(W.alt("loose_list_separator"))
    item = re.compile(W.alt("sibling_item"))
    out: list[Mention] = []
    done: set[int] = set()
    for m in found:
        family = next((f for f in _FAMILIES if m.type in f), None)
        if family is None or m.start in done:
            continue
        known, unknown, pos = [m], [], m.end
        needs_role = False  # a first item after a comma or 由: the list must then end in a part in a round
        for name in ("list_head_item", "list_head_item_in_round"):
            head = W.regex(name).search(ctx.text, max(0, m.start - 12), m.start)
            if head is None or head.end() != m.start:
                continue
            first = head.span("item")
            if not _covers_mention(found, starts, first[0], m.start) and _item_like(ctx, family, *first):
                unknown.append(first)  # 包括云途、同程和途牛 / ，华新、锋泰基金跟投: the first item
                needs_role = name == "list_head_item_in_round"
            break
        while True:
            sep = separator.match(ctx.text, pos)
            if not sep:
                break
            nxt = _mention_at(found, starts, sep.end())
            if nxt is not None:
                if nxt.type not in family:
                    break
                longer = item.match(ctx.text, sep.end()) if nxt.source in STATISTICAL_SOURCES else None
                if (
                    longer is not None
                    and family != ("Person",)
                    and longer.end() > nxt.end
                    and not _covers_mention(found, starts, nxt.end, longer.end())
                    and _item_like(ctx, family, *longer.span())
                ):
                    # 青禾科技、锋泰智能等: the tagger's shorter name (锋泰) inside a whole item of the list
                    unknown.append(longer.span())
                    pos = longer.end()
                    continue
                known.append(nxt)
                done.add(nxt.start)
                pos = nxt.end
                continue
            if family == ("Person",):
                end = ctx.name_end(sep.end())  # 分别是A、B、C和洪锋: a personal name, by its surname
                span = (sep.end(), end) if end else None
            else:
                cand = item.match(ctx.text, sep.end())
                span = cand.span() if cand else None
            if not span or _covers_mention(found, starts, *span) or not _item_like(ctx, family, *span):
                break
            unknown.append(span)
            pos = span[1]
        in_round = family[0] == "Company" and bool(W.regex("list_closer_role").match(ctx.text, pos))
        closed = (
            ctx.text.startswith(W.words("list_closer"), pos)
            or in_round
            or bool(W.regex("counted_list_closer").match(ctx.text, pos))  # A、B、C四大品牌
        )
        if needs_role and not in_round:
            unknown = unknown[1:]  # ，华为、小米等: a first item after a comma needs a round to vouch for it
        if unknown and (len(known) >= 2 or closed):
            type_ = max(family, key=lambda t: sum(k.type == t for k in known))
            out += [ctx.mention(s, e, type_, "pattern:list_sibling", 0.6) for s, e in unknown]
    return out


def find_cooperation_partners(ctx: Context, found: list[Mention]) -> list[Mention]:
    """星澜汽车与锐思光学达成了战略合作 / 锐思光学与星澜汽车签订合作协议: a name nobody recognised, joined to a known
    organisation by 与 / 携手 before a wording of cooperation, is an organisation too (written like a name, as for
    list siblings)."""
    found = sorted(found, key=lambda m: (m.start, m.end))
    starts = [m.start for m in found]
    after, before, wording = (
        W.regex("cooperation_partner"),
        W.regex("cooperation_partner_before"),
        W.regex("cooperation_wording"),
    )
    out = []
    for m in found:
        if m.type not in _FAMILIES[0]:
            continue
        spans = []
        c = after.match(ctx.text, m.end)
        if c is not None:
            spans.append(c.span("name"))
        if wording.match(ctx.text, m.end):
            c = before.search(ctx.text, max(0, m.start - 10), m.start)
            if c is not None:
                spans.append(c.span("name"))
        for s, e in spans:
            if not _covers_mention(found, starts, s, e) and _name_like(ctx, s, e):
                out.append(ctx.mention(s, e, "Company", "pattern:partner", 0.6))
    return out


def _item_like(ctx: Context, family: tuple[str, ...], start: int, end: int) -> bool:
    """An unknown item that reads like a name of the list's kind: a personal name for people."""
    if family == ("Person",):
        return ctx.name_end(start) == end and ctx.plausible_name(ctx.text[start:end])
    if ctx.text[start:end] in W.set("generic_business_line"):
        return False  # 淘宝、天猫、搜索、广告等业务: a line of business by its common word, not a name
    return _name_like(ctx, start, end)


def _mention_at(found: list[Mention], starts: list[int], pos: int) -> Mention | None:
    i = bisect.bisect_left(starts, pos)
    return found[i] if i < len(found) and found[i].start == pos else None


def _covers_mention(found: list[Mention], starts: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(starts, lo)
    return i < len(found) and found[i].start < hi


def _name_like(ctx: Context, start: int, end: int) -> bool:
    """No function word, number, time or generic noun in it; not only common nouns."""
    if not (ctx.is_boundary(start) and ctx.is_boundary(end)):
        return False
    tokens = ctx.tokens_from(start, end)
    if any(t.pos[:1] in _BAD_POS for t in tokens):
        return False
    if any(t.word in ctx.lexicon.non_entities or t.word in ctx.lexicon.titles for t in tokens):
        return False
    if all(t.pos == "ns" for t in tokens):
        return False  # 与腾讯、南山等地: a place
    if any(t.pos == "v" and len(t.word) > 1 and ctx.known(t.word) for t in tokens[1:]):
        return False  # 与锋泰食品、澄观餐饮签署协议: the list's verb after its last item, not part of a name
    if tokens and (
        tokens[0].pos[:1] in "cd" and ctx.known(tokens[0].word) or ctx.text[start] in W.set("clause_joiner")
    ):
        return False  # ，且将与腾讯…合作: a conjunction or an adverb that opens the clause
    # (徕/x 卡/n: a character the segmenter cannot tag is a name's, not a word's)
    return any(not ctx.known(t.word) or t.pos in NAME_POS or t.pos[:1] in "dvx" for t in tokens)
