"""Names of the knowledge base (kg/data/kb) as mentions: 元气森林, 北京三快在线科技有限公司, 启明创投.

The curated lexicon comes first; a knowledge-base name is a mention where the segmenter's words begin and end
with it (not 中公 in 其中公司, not 匹克 in 奥林匹克), where it is not part of a longer word (``inside_longer_word``)
and, when it may be an ordinary word, only where the clause speaks of it as an organisation (寒武纪发布财报,
地平线公司). An ordinary word is a name the knowledge base marks so (地平线, 平安; where the segmenter reads it as
a verb or adjective, 联合CEO, 一致表示, only 公司, 集团 or a stock code after it will do) or a two-character short
name that only a stock list gives (方大, 新研).
"""

from __future__ import annotations

import functools

from ..bulk import no_collection
from ..kb import KbOrg, load_kb
from ..model import Mention
from ..words import load_words
from .context import Context
from .features import Gazetteer
from .patterns import kind_of_company, model_code, verb_glued_after

_WORD_POS = ("v", "a", "d", "c", "p", "m", "q", "r")  # the segmenter reads the name as a verb, adjective, …


@functools.cache
def _gazetteer() -> tuple[Gazetteer, dict[str, tuple[KbOrg, bool]]]:
    """The knowledge base's names (each naming one organisation) and, per name, its organisation and whether the
    name needs context."""
    kb = load_kb()
    orgs: dict[str, tuple[KbOrg, bool]] = {}
    with no_collection():
        for surface, org in kb.names():
            if len(surface) >= 2 and not surface.isdigit():
                orgs.setdefault(
                    surface, (org, org.ambiguous and surface == org.name or surface in org.ambiguous_aliases)
                )
        return Gazetteer.from_names((name, name) for name in orgs), orgs


def find_kb_names(ctx: Context, inside_longer_word, received_investment) -> list[Mention]:
    gazetteer, orgs = _gazetteer()
    w = load_words()
    out = []
    for start, end, name in gazetteer.spans(ctx.text):
        glued = verb_glued_after(ctx, end)  # 电子科技|大学毕业: the name's last word and a verb are one word
        if name in ctx.lexicon.names or not (ctx.is_boundary(start) and (ctx.is_boundary(end) or glued)):
            continue
        if orgs[name][0].type == "Company" and kind_of_company(ctx, name):
            continue  # 中小基金公司: a kind of company the lists hold as a name (电子科技大学 is a university's)
        if w.regex("stock_flag").match(name):
            continue  # ST宏盛: the flag is a trading status; find_flagged_stock_names gives the name without it
        if not glued and inside_longer_word(ctx, start, end):
            continue  # (where glued, the word across the name's end is the name's and a verb's)
        if ctx.ends_in_a_verb(start, end):
            continue  # 京东战略投资了达达: the verb, not the name of a fund
        if received_investment(ctx, start, end):
            continue  # 获得小米战略投资: an investment received, not the investor's fund 小米战略投资
        org, needs_context = orgs[name]
        if needs_context and org.type in ("Company", "Platform"):
            code = model_code(ctx, end)
            if code is not None and ctx.is_boundary(code.end()):
                # 理想L9 / 长安UNI-K: a model code after a brand that is also a word makes it the brand's product
                out.append(ctx.mention(start, code.end(), "Product", "pattern:product_name", 0.85))
                continue
        if needs_context and _glued_to_a_character(ctx, start) and "kg_curated" in org.sources:
            # 趣头条: a curated short name that is also a word (头条), after a lone character, ends an unknown name,
            # which the clause may speak of as an organisation (a listed company's short name, 全新, is left to the
            # checks below)
            if _spoken_of_as_organisation(ctx, start - 1, end, w):
                out.append(ctx.mention(start - 1, end, "Company", "pattern:glued_name", 0.75))
            continue
        token = ctx.token_at(start)
        as_word = token is not None and token.end == end and token.pos[:1] in _WORD_POS
        if needs_context and (as_word or name in w.set("joint_adverb")):
            if not w.regex("organisation_context_strong").match(ctx.text, end):
                continue  # 联合CEO, 一致表示: a verb or adjective here; 与B联合推出: acting together, whatever the words
        elif (
            needs_context or len(name) == 2 and "kg_curated" not in org.sources
        ) and not _spoken_of_as_organisation(
            ctx, start, end, w, place_reading=token is not None and token.end == end and token.pos == "ns"
        ):
            continue
        group = w.regex("group_word_after").match(ctx.text, end)
        if len(name) == 2 and "kg_curated" not in org.sources and group and ctx.is_boundary(group.end()):
            # 三联集团: a listed company's two-character short name before 集团 / 公司 begins another name (many
            # groups share a stem); the group is named in full and not linked to the listed company
            out.append(ctx.mention(start, group.end(), "Company", "pattern:org_suffix", 0.8))
            continue
        types = (org.type, "Platform") if "platform" in org.flags and org.type != "Platform" else (org.type,)
        if org.type == "Company" and group and ctx.is_boundary(group.end()):
            # 云从科技集团: the group is the company the name names, written in full (an alias)
            end = group.end()
        out.append(ctx.mention(start, end, org.type, "kb", 0.9, key=name, types=types))
    return out


def _glued_to_a_character(ctx: Context, start: int) -> bool:
    """The segmenter's word before ``start`` is a lone Chinese character it reads as a noun or a name."""
    if start == 0:
        return False
    before = ctx.tokens[ctx.token_index(start - 1)]
    return (
        before.end == start
        and len(before.word) == 1
        and "\u4e00" <= before.word <= "\u9fff"
        and before.pos in ("n", "ng", "nr", "nz", "j")
    )


def _spoken_of_as_organisation(ctx: Context, start: int, end: int, w, *, place_reading: bool = False) -> bool:
    """寒武纪发布财报 / 地平线公司 / 平安（601318）: the clause treats the word as an organisation; the cue is a word
    of its own (not 与 of 参与). A name the segmenter reads as a place (新建) needs a cue after it: 投资新建 or 与新建
    is said of places too."""
    after = w.regex("organisation_context_after").match(ctx.text, end)
    kind = w.regex("kind_of_company_before").search(ctx.text[max(0, start - 4) : start]) or (
        ctx.text[start - 1 : start] in w.words("possessive")
        and ctx.text.startswith(w.words("kind_noun"), end)
    )  # 成立于2015年的机器人公司: a kind of company (那时的熊猫营收: the company)
    if after and ctx.is_boundary(after.end()) and not kind:  # not 一家机器人公司: a kind of company
        return True
    if place_reading:
        return False
    before = w.regex("organisation_context_before").search(ctx.text[max(0, start - 6) : start])
    return bool(before) and ctx.is_boundary(start - (len(before.group(0))))
