"""Pattern recognisers: each reads a ``Context`` and returns candidate mentions with a source rule and score."""

from __future__ import annotations

import functools
import itertools
import re

from ..kb import load_kb
from ..model import ORG_TYPES, Mention, Token
from ..words import load_words
from ..zh.numerals import parse_chinese_integer
from ..zh.text import occurrences
from .byline import byline_fields, split_names
from .context import GLUED, HAN, NAME_POS, Context, is_han

W = load_words()
PRODUCT_MODEL = "pattern:product_model"  # the source of a model of a listed product (iPhone 17 Pro)
SPEECH = W.words("speech_verb")
DEMONSTRATIVES = W.words("demonstrative")
_TENSE_MARKERS = W.words("tense_marker")
_FUNCTION_CHARS = W.set("function_character")
_LEGAL_END = re.compile(f"{W.alt('legal_form')}$")  # a registered name's legal form
_PARTY_LAST = frozenset(
    w[-1] for w in W.words("party_word")
)  # the last characters of words for a party to a deal


def _name_like(ctx: Context, name: str, start: int, *, at_boundary: bool = True) -> bool:
    """A clause-initial span that can be a name: starts at a word boundary (unless ``at_boundary`` is False: a
    pattern fixed the start where the segmenter glued a word to it), no demonstrative (该/这/其…), no 的, not a
    generic noun."""
    return (
        (ctx.is_boundary(start) or not at_boundary)
        and not name.startswith(DEMONSTRATIVES)
        and not any(ch in name for ch in W.words("possessive"))
        and name not in ctx.lexicon.non_entities
    )


# --- people ---------------------------------------------------------------------------------------
_LATIN_PERSON = re.compile(
    r" ?([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}|[A-Z]{2,}(?: [A-Z]{2,}){1,2})(?![A-Za-z0-9&.\-])"
)  # David Lund, or in capitals as a registry writes a passport's name: TAO ZHENG


def find_titled_people(ctx: Context) -> list[Mention]:
    """创始人宿华、程一笑 / 运营负责人白嘉乐 / CEO兼董事长张三: a title, then one or more names."""
    text, out = ctx.text, []
    for m in ctx.lexicon.title_pattern.finditer(text):
        pos = m.end()
        while True:  # 创始人兼CEO / 创始人、董事长兼CEO: titles joined by 兼 or 、
            nxt = (
                ctx.lexicon.title_pattern.match(text, pos + 1)
                if text[pos : pos + 1] in W.set("title_join")
                else None
            )
            if not nxt:
                break
            pos = nxt.end()
        while pos < len(text) and text[pos] in W.set("title_after_name"):
            pos += 1
        if text[pos : pos + 1] in W.set("copula") and not ctx.name_end(pos):
            pos += 1  # 京东的CEO是许冉
        foreign = _foreign_name_end(ctx, pos)
        if foreign:  # 联合创始人伊万·彼得洛夫表示: a transliterated name, its parts joined by ·
            out.append(ctx.mention(pos, foreign, "Person", "pattern:title_person", 0.85))
            continue
        end = ctx.name_end(pos) or _name_read_as_verb(ctx, pos)
        latin = None if end else _LATIN_PERSON.match(text, pos)
        if latin and not _LATIN_ORG_SUFFIX.search(latin.group(1)) and latin.group(1) not in ctx.lexicon.names:
            # 锋泰资本合伙人David Lund: a title, then a Latin given name and family name
            out.append(ctx.mention(latin.start(1), latin.end(1), "Person", "pattern:title_person", 0.85))
        while end:
            out.append(ctx.mention(pos, end, "Person", "pattern:title_person", 0.9))
            sep = W.regex("name_list_separator").match(text[end : end + 2])
            if not sep or text.startswith(tuple(_TENSE_MARKERS), end + len(sep.group())):
                break  # 、原唐钢副总经理张海: a new title clause begins, not another name
            pos = end + len(sep.group())
            end = ctx.name_end(pos)
            if end and (_title_near(ctx, end) or sep.group() in W.set("comma") and ctx.known(text[pos:end])):
                break  # the next item has a title of its own, or after a comma a word (毕业于) begins a clause
    return out


def _name_read_as_verb(ctx: Context, pos: int) -> int | None:
    """董事长安进表示: right after a title, a surname and one character that the segmenter read as one verb, then a
    verb of saying: the verb is the name (not a verb of saying itself: 总裁强调称)."""
    tok, slen = ctx.token_at(pos), ctx.surname_length(pos)
    if (
        tok is None
        or not slen
        or len(tok.word) != slen + 1
        or not tok.pos.startswith("v")
        or tok.word in SPEECH
        or ctx.text[pos] in W.set("function_surname")
        or not ctx.text.startswith(SPEECH, tok.end)
    ):
        return None
    return tok.end if ctx.plausible_name(tok.word) else None


_FOREIGN_NAME = re.compile(rf"[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})+")


def _foreign_name_end(ctx: Context, pos: int) -> int | None:
    """The end of a transliterated name after a title (伊万·彼得洛夫 / 玛丽亚·何塞·罗德里格斯): parts joined by ·,
    the last ending where a common word the segmenter knows begins (伊万·彼得洛夫 / 在 / 会上, 代表 / 双方), or
    punctuation, within five characters; the parts before it hold no such word (CEO和董事长伊万·彼得洛夫: the
    name is after the second title)."""
    m = _FOREIGN_NAME.match(ctx.text, pos)
    if not m or ctx.text[pos] in W.set("name_stop"):
        return None
    last = ctx.text.rindex("·", pos, m.end()) + 1
    if any(_common_word(ctx, t) and len(t.word) >= 2 for t in ctx.tokens_from(pos, last)):
        return None  # CEO和董事长伊万·彼得洛夫: another title, not the name's first part
    for end in range(min(m.end(), last + 5), last, -1):
        nxt = ctx.token_at(end)
        ends = end == len(ctx.text) or not is_han(ctx.text[end]) or nxt is not None and _common_word(ctx, nxt)
        if ends and not any(_common_word(ctx, t) for t in ctx.tokens_from(last, end)):
            return end
    return None


def _common_word(ctx: Context, tok: Token) -> bool:
    """A word the segmenter knows and reads as no name (代表, 在, 表示), two characters or a function word."""
    return (
        ctx.known(tok.word)
        and tok.pos not in NAME_POS
        and (len(tok.word) >= 2 or tok.pos[:1] in "vpdcu")
        and is_han(tok.word[0])
    )


def find_titled_media(ctx: Context) -> list[Mention]:
    """创办《新闻晨报》、《每日经济新闻》 / 据《壹览商业》报道: a name in book-title marks that ends like an outlet's
    (报, 周刊, 杂志, 新闻 …) or is followed by 报道/记者/采访 is a media organisation."""
    out = []
    for m in W.regex("titled_media").finditer(ctx.text):
        group = "name" if m.group("name") else "name2"
        name = m.group(group)
        if name in ctx.lexicon.names or name in ctx.lexicon.non_entities:
            continue
        out.append(
            ctx.mention(m.start(group), m.end(group), "MediaOrganization", "pattern:titled_media", 0.75)
        )
    return out


def find_cited_media(ctx: Context) -> list[Mention]:
    """据青禾新闻报道 / 据锋泰财经此前报道: the name whose story a sentence cites is a media organisation, unless it
    is a kind of source (据外媒报道 / 据当地媒体报道) or a name the lexicon knows (as what it knows it)."""
    out = []
    for m in W.regex("cited_media").finditer(ctx.text):
        name = m.group("name")
        if (
            name in ctx.lexicon.names
            or name in ctx.lexicon.non_entities
            or name.endswith(W.words("generic_cited_source"))
            or any(w in name for w in W.words("possessive"))
            or ctx.known(ctx.text[m.start() : m.start("name") + 1])  # 据悉 / 据称: a word of its own
        ):
            continue
        out.append(
            ctx.mention(m.start("name"), m.end("name"), "MediaOrganization", "pattern:cited_media", 0.75)
        )
    return out


def find_local_media(ctx: Context) -> list[Mention]:
    """北京晚报联合… / 青州电视台播出… / 在华商报工作: a place and an outlet's ending (晚报, 电视台), or one name-word of
    the segmenter's that ends so, is a newspaper or a broadcaster (工作日报, 提交日报: a common noun before it)."""
    endings = W.words("outlet_ending")
    out = []
    for i, tok in enumerate(ctx.tokens):
        if (
            tok.word in endings
            and i
            and _is_place(ctx, ctx.tokens[i - 1])
            and ctx.tokens[i - 1].end == tok.start
        ):
            start = ctx.tokens[i - 1].start
        elif tok.pos in ("nz", "nt") and tok.word.endswith(endings) and len(tok.word) >= 3:
            start = tok.start
        else:
            continue
        if ctx.text[start : tok.end] not in ctx.lexicon.names:
            out.append(ctx.mention(start, tok.end, "MediaOrganization", "pattern:local_media", 0.7))
    return out


def find_platform_stores(ctx: Context) -> list[Mention]:
    """天猫青禾果蔬旗舰店: a store named after the platform it is on is a seller of its own (青禾果蔬旗舰店), whose
    name runs from the platform's end to the store word."""
    out = []
    for m in W.regex("store_after_platform").finditer(ctx.text):
        start, end = m.span("store")
        if not (ctx.is_boundary(start) and ctx.is_boundary(end)):
            continue
        name = ctx.text[start:end]
        own = W.regex("store_kind_end").sub("", name)  # 青禾果蔬 of 青禾果蔬旗舰店
        if (
            len(own) < 2
            or own in W.set("generic_store_name")
            or W.regex("date").search(name)
            or own.startswith(W.words("store_opening_verb"))
        ):
            continue  # 天猫官方旗舰店 / 京东自营旗舰店: a kind of store, no name of its own
        if any(
            tok.pos[:1] in "vpcdumqrft" and tok.pos != "vn" and ctx.known(tok.word)
            for tok in ctx.tokens_from(start, start + len(own))
        ):
            continue  # 在天猫开设官方旗舰店: a clause, not a store's name
        out.append(ctx.mention(start, end, "Company", "pattern:store", 0.8))
    return out


def find_streamers(ctx: Context) -> list[Mention]:
    """快手带货顶流辛巴 / 头部主播疯狂小杨哥: the name after a streamer word is a person's, a nickname as often
    as not (so any word up to the next mark or verb), when it is no known name or common word; so is a personal
    name between a platform and 直播间 (淘宝林舟直播间)."""
    out = []
    for m in W.regex("platform_room_name").finditer(ctx.text):
        start, end = m.span("name")
        if ctx.name_end(start) == end and ctx.text[start:end] not in ctx.lexicon.names:
            out.append(ctx.mention(start, end, "Person", "pattern:streamer", 0.7))
    mark = next(iter(W.set("name_list_mark")))
    for m in W.regex("room_list").finditer(ctx.text):  # 王明、香菇来了等多个抖音直播间: each one streams
        pos = m.start("list")
        for item in m.group("list").split(mark):
            start, end = pos, pos + len(item)
            pos = end + 1
            if (
                2 <= len(item) <= 6
                and item not in ctx.lexicon.names
                and item not in ctx.lexicon.non_entities
                and not ctx.known(item)
                and ctx.is_boundary(start)
                and ctx.is_boundary(end)
            ):
                out.append(ctx.mention(start, end, "Person", "pattern:streamer", 0.7))
    for m in W.regex("streamer").finditer(ctx.text):
        n = W.regex("streamer_name").match(ctx.text, m.end())
        last = ctx.tokens[ctx.token_index(m.end() - 1)]
        if not n or m.start() < last.start and last.end > m.end() and ctx.known(last.word):
            continue  # (总额达人民币8亿元: 达|人民币, the word's end begins another word: no 达人)
        name, start = n.group("name"), n.start("name")
        cut = next(
            (
                k
                for k in range(2, len(name) - 1)
                if any(name[k : k + size] in ctx.lexicon.names for size in (2, 3, 4))
            ),
            None,
        )
        name = name[:cut] if cut else name  # 主播王明快手直播间: the name ends where a known platform begins
        when = next(
            (
                t.start
                for t in ctx.tokens_from(start + 2, start + len(name))
                if t.pos[:1] == "t" and ctx.known(t.word)
            ),
            None,
        )
        name = name[: when - start] if when is not None and when > start + 1 else name  # 主播林舟昨晚在…
        if name in ctx.lexicon.names or name in ctx.lexicon.non_entities or ctx.known(name) and len(name) > 2:
            continue
        tok = ctx.token_at(start)
        if tok and tok.start == start and tok.pos[:1] in "kupcrdmf":
            continue  # 主播们在…: a suffix or a function word, not a name
        if tok and tok.start == start and tok.pos[:1] == "v" and ctx.known(tok.word) and len(tok.word) >= 2:
            continue  # 主播开启直播 / 主播依赖过高: a verb of the dictionary, not a nickname
        if name in W.set("collective_noun"):
            continue  # 主播群体: the group, not one person
        if any(
            t.start > start
            and t.end <= start + len(name)
            and ctx.known(t.word)
            and (t.pos[:1] == "p" or t.pos[:1] in "vm" and len(t.word) >= 2)
            for t in ctx.tokens_from(start, start + len(name))
        ):
            continue  # 达人稳定发挥 / 主播人数超八成 / 主播圈粉众多: a clause goes on, no nickname holds a verb
        if name.startswith(DEMONSTRATIVES) or W.regex("date").search(name):
            continue
        out.append(ctx.mention(start, start + len(name), "Person", "pattern:streamer", 0.7))
    return out


def find_orgs_before_titles(ctx: Context) -> list[Mention]:
    """天天果园创始人兼CEO王伟 / 凡客诚品CEO陈年: a name-like clause opening right before a head's or founder's
    title that a person's name follows is an organisation (its own name, not a kind of company)."""
    text, out = ctx.text, []
    counts: dict[str, int] = {}  # a name's occurrences in the document, counted once per name
    for m in ctx.lexicon.title_pattern.finditer(text):
        if ctx.lexicon.titles.get(m.group()) not in ("founder", "leads"):
            continue
        join = m.start() - 1
        if text[join : join + 1] in W.set("title_join") and any(
            text[join - k : join] in ctx.lexicon.titles for k in range(1, min(join, 12) + 1)
        ):
            continue  # 星澜总裁兼CEO: the second title of a chain; the name is before the first
        pos = m.end()
        while text[pos : pos + 1] in W.set("title_join"):  # 创始人兼CEO
            nxt = ctx.lexicon.title_pattern.match(text, pos + 1)
            if not nxt:
                break
            pos = nxt.end()
        opener = W.regex("name_before_title").search(text, max(0, m.start() - 11), m.start())
        if not opener:
            continue
        took_post = opener.group("verb") is not None  # 王明接替李强成为星澜视频总裁: the person came first
        if not took_post and not ctx.name_end(pos + (1 if text[pos : pos + 1] == " " else 0)):
            continue
        start, title_start = opener.span("name")  # 金立前总裁: the name ends before 前
        if opener.group("was") and ctx.known(text[title_start - 1 : m.start()]):
            title_start = m.start()  # 河南中原董事长: 中原 is a word of the name, not "former"
        lead = next((w for w in W.words("clause_opener") if text.startswith(w, start)), "")
        if lead and title_start - start - len(lead) >= 2:
            start += len(lead)  # 但凡客诚品CEO: 但 opens the clause, 凡客诚品 is the name
        glued = next(
            (
                t.start + 1
                for t in ctx.tokens_from(start, title_start)
                if t.start >= start and t.word[0] in _FUNCTION_CHARS and t.word not in ctx.lexicon.names
            ),
            None,
        )
        if glued is not None:
            start = glued  # 会议由青禾科技董事长: the name begins after the preposition (由青禾 was one word)
        term = next((w for w in W.words("term_marker") if text.endswith(w, start, title_start)), "")
        title_start -= len(term)  # 青禾科技新任董事长: 新任 is the term of office, no part of the name
        name = text[start:title_start]
        if (
            any(name[:k] in ctx.lexicon.names for k in range(2, len(name)))
            or name.endswith(ctx.lexicon.title_domains)
            or W.regex("department_end").search(name)
            or name.endswith(W.words("business_word"))
        ):
            continue  # 凡客公关部负责人 / 抖音业务负责人 / 华为云终端总裁: a department or business, a title's domain
        if (
            not (2 <= len(name) <= 8)
            or not _name_like(ctx, name, start)
            or name.startswith(tuple(_TENSE_MARKERS))
        ):
            continue
        tokens = ctx.tokens_from(start, title_start)
        while (
            len(tokens) > 1
            and tokens[0].start >= start
            and tokens[0].pos[:1] == "d"
            and len(tokens[0].word) >= 2  # (真格基金, 极兔速递: one character may begin a name)
            and ctx.known(tokens[0].word)
        ):
            tokens = tokens[1:]  # 仅次于锋泰电源创始人: the adverb opens the clause, the name is what follows
            start, name = tokens[0].start, text[tokens[0].start : title_start]
        if not tokens or tokens[-1].end not in (title_start, m.start()):  # (星澜前 may be one word)
            continue
        if (
            any(
                t.pos[:1] in "pcurmqf"
                or t.pos[:1] == "v"
                and ctx.known(t.word)
                and not (t is tokens[-1] and len(tokens) > 1 and t.word in W.set("brand_industry_word"))
                or t.word in ctx.lexicon.titles
                for t in tokens
            )
            or tokens[0].pos[:1] == "d"
            and len(tokens) == 1
        ):
            continue  # 他表示CEO… / 据悉董事长…: words of a clause, not a name
        named = any(not ctx.known(t.word) or t.pos in NAME_POS and t.pos != "ns" for t in tokens)
        if len(name) >= 3 and name not in counts:
            counts[name] = text.count(name)
        repeated = counts.get(name, 0) >= 2  # 天天果园: common words, but named again
        if named and not any(t.pos[:1] == "t" for t in tokens) or repeated:
            out.append(ctx.mention(start, title_start, "Company", "pattern:org_before_title", 0.65))
    return out


def find_orgs_before_board(ctx: Context) -> list[Mention]:
    """青川环境董事会本周收到… / 星河寿险董事会宣布…: a name-like clause opening right before its board acting is an
    organisation's name (本公司董事会, 第三届董事会: words or a term, no name)."""
    text, out = ctx.text, []
    for m in W.regex("name_before_board").finditer(text):
        start, end = m.span("name")
        name = m.group("name")
        if not _name_like(ctx, name, start) or name in ctx.lexicon.names:
            continue
        tokens = ctx.tokens_from(start, end)
        if not tokens or tokens[0].start != start or tokens[-1].end != end:
            continue
        if any(
            t.pos[:1] in "pcurmqfdtv" and ctx.known(t.word) or t.word in ctx.lexicon.titles for t in tokens
        ):
            continue  # 他表示董事会… / 据悉董事会…: words of a clause, not a name
        named = any(not ctx.known(t.word) or t.pos in NAME_POS and t.pos != "ns" for t in tokens)
        if named or len(name) >= 4 and len(tokens) >= 2:  # 星河寿险: two common words, named by its board
            out.append(ctx.mention(start, end, "Company", "pattern:org_before_board", 0.6))
    return out


def _title_near(ctx: Context, end: int) -> bool:
    """A title right after ``end`` or after a few more characters of one name (、曲美家具董事长赵瑞: 曲美 begins an
    organisation's name, not a second person's)."""
    m = re.match(rf"[{HAN}A-Za-z]{{0,4}}", ctx.text[end : end + 4])
    assert m is not None  # {0,4} matches the empty string
    return any(ctx.lexicon.title_pattern.match(ctx.text, end + k) for k in range(m.end() + 1))


def find_speakers(ctx: Context) -> list[Mention]:
    """A name the segmenter tags as a person, followed by a speech verb: 张三表示 / 李四透露."""
    text, out = ctx.text, []
    for tok in ctx.tokens:
        if (
            not tok.pos.startswith("nr")
            or not ctx.plausible_name(tok.word)
            or not ctx.surname_length(tok.start)
        ):
            continue
        after = text[tok.end : tok.end + 3]
        if len(tok.word) == 3 and tok.word[-1] in W.set("speech_again") and after.startswith(SPEECH):
            if ctx.plausible_name(
                tok.word[:-1]
            ):  # 马云续说: 续 is the verb's (goes on saying), not the name's
                out.append(ctx.mention(tok.start, tok.end - 1, "Person", "pattern:speaker", 0.8))
            continue
        if after[:1] in W.set("speech_again") and text.startswith(SPEECH, tok.end + 1):
            after = after[1:]  # 王建国续称: the speaker goes on
        if after.startswith(SPEECH) or after[:1] in W.set("comma") and _title_follows(ctx, tok.end + 1):
            out.append(ctx.mention(tok.start, tok.end, "Person", "pattern:speaker", 0.8))
    for m in W.regex("quoted_speaker").finditer(text):
        out.append(ctx.mention(m.start(1), m.end(1), "Person", "pattern:quoted_speaker", 0.6))
    for m in W.regex("couple").finditer(text):
        out.append(ctx.mention(m.start(1), m.end(1), "Person", "pattern:couple", 0.6))
    return out


def _title_follows(ctx: Context, pos: int) -> bool:
    window = ctx.text[pos : pos + 16]
    return any(
        ctx.lexicon.title_pattern.search(window[: i + 1])
        for i in range(len(window))
        if window[i] in W.set("title_clause_end")
    )


_BYLINE_LINE = 12  # characters of a line that holds only a byline key and a pen name (作者云舟)


def find_byline(ctx: Context) -> list[Mention]:
    """The outlet and the people who wrote or edited the article, from its byline and dateline
    (kg/recognize/byline.py): a known name keeps its type, a plausible personal name or a pen name in an author
    field is a person, any other name of an author or publisher field an outlet."""
    out = []
    fields = byline_fields(ctx.doc)
    # a line whose outlet another key names (来源:青禾日报 作者:林舟 王川): its author field holds people only
    outlet_named = {f.sentence for f in fields if f.role == "publisher"}
    for field in fields:
        if field.people_only:
            found = _reporters(ctx, field.start, field.end)
            line = ctx.doc.sentences[field.sentence]
            if (  # 作者云舟 as a line of its own: a pen name, not a family name
                not found
                and field.role == "author"
                and line.end - line.start <= _BYLINE_LINE
                and _pen_name(ctx.text[field.start : field.end], alone=True, last=True)
            ):
                found = [ctx.mention(field.start, field.end, "Person", "pattern:byline", 0.8)]
            out += found
            continue
        parts = split_names(ctx.text[field.start : field.end])
        if field.role == "publisher" and len(parts) == 1:
            parts = _two_outlets(ctx, parts[0]) or parts  # 上证报中国证券网讯: two known outlets run together
        elif (
            field.role == "publisher"
            and len(parts) == 2
            and not parts[0][2].isascii()
            and parts[1][2].isascii()
        ):
            parts = [
                (parts[0][0], parts[1][1], ctx.text[field.start + parts[0][0] : field.start + parts[1][1]])
            ]
            # 汽势 Auto-First: an outlet's Chinese and English names are one name
        elif (
            field.role == "publisher"
            and len(parts) > 1
            and all(p[2].isascii() and p[2].isalpha() for p in parts)
        ):
            parts = [
                (parts[0][0], parts[-1][1], ctx.text[field.start + parts[0][0] : field.start + parts[-1][1]])
            ]
            # --(BUSINESS WIRE)--: a Latin name of several words is one name
        for i, (s, e, part) in enumerate(parts):
            s, e = s + field.start, e + field.start
            entry = ctx.lexicon.names.get(part)
            if entry:  # (above the lexicon's own mention of the name: the byline says what it is here)
                out.append(
                    ctx.mention(
                        s, e, entry.types[0], "pattern:byline", 0.96, key=entry.canonical, types=entry.types
                    )
                )
            elif (field.role != "publisher" or i > 0 and ctx.text[s - 1].isspace()) and _byline_person(
                ctx,
                s,
                e,
                part,
                last=i == len(parts) - 1 or field.role == "author" and field.sentence in outlet_named,
            ):  # (来源:青禾日报 王芳 李明: the outlet, then its writers)
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.9))
            elif field.role == "author" and _pen_name(part, alone=len(parts) == 1, last=i == len(parts) - 1):
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.8))
            elif (
                field.role == "author"
                and not W.set("name_list_mark").isdisjoint({ctx.text[s - 1 : s], ctx.text[e : e + 1]})
                and _pen_name(part, alone=True, last=True)
            ):  # 作者:云舟、木禾: names listed with 、 are writers, not an outlet and its writer
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.8))
            elif (
                field.role == "author"
                and i + 1 < len(parts)
                and _name_pair(ctx, s, field.start, parts[i + 1], part)
            ):
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.85))  # 文|林舟 王川: two writers
            elif (
                field.role == "author"
                and i + 1 < len(parts)
                and _ends_in_title(ctx, parts[i + 1][2])
                and _personal_name_at(ctx, part)
            ):  # 作者｜林舟 青禾资本投资总监: the writer, then his firm and post
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.85))
            elif field.role == "author" and (titled := _titled_writer(ctx, part)) is not None:
                # 作者:青禾资本合伙人林舟: a guest writer with the organisation and post he writes under, not an
                # outlet; the organisation is the lexicon's where it knows it (else the recogniser's)
                head, name_at = titled
                out.append(ctx.mention(s + name_at, e, "Person", "pattern:byline", 0.85))
                entry = ctx.lexicon.names.get(part[:head])
                if entry:
                    out.append(
                        ctx.mention(
                            s,
                            s + head,
                            entry.types[0],
                            "pattern:byline",
                            0.9,
                            key=entry.canonical,
                            types=entry.types,
                        )
                    )
            elif field.role == "editor" and _pen_name(part, alone=True, last=True, latin=True):
                out.append(ctx.mention(s, e, "Person", "pattern:byline", 0.8))  # 编辑:木木Q 乙小姐
            elif (
                field.role != "editor"
                and re.fullmatch(rf"[{HAN}A-Za-z0-9·][{HAN}A-Za-z0-9·\- ]{{1,23}}", part)
                and not W.regex("not_an_outlet").fullmatch(part)  # 本刊实习记者: a role, not an outlet
                and not (field.role == "author" and _ends_in_title(ctx, part))
                # 作者:青禾资本合伙人 林舟: the writer's organisation and post, not an outlet
            ):
                out.append(ctx.mention(s, e, "MediaOrganization", "pattern:byline", 0.85))
    return out


def _titled_writer(ctx: Context, part: str) -> tuple[int, int] | None:
    """An author's value that is an organisation, a job title and a personal name run together (青禾资本合伙人林舟):
    where the title starts and where the name starts; None for anything else."""
    for m in ctx.lexicon.title_pattern.finditer(part):
        name = part[m.end() :]
        if m.start() >= 2 and 2 <= len(name) <= 4 and _personal_name_at(ctx, name):
            return m.start(), m.end()
    return None


def _ends_in_title(ctx: Context, part: str) -> bool:
    """青禾资本合伙人 / 青禾证券首席分析师: an organisation and a job title, the post a guest writer writes under."""
    return any(m.start() >= 2 and m.end() == len(part) for m in ctx.lexicon.title_pattern.finditer(part))


def _personal_name_at(ctx: Context, name: str) -> bool:
    return name not in ctx.lexicon.names and ctx.lexicon.surname_length(name) > 0 and not name.isascii()


def _two_outlets(ctx: Context, part: tuple[int, int, str]) -> list[tuple[int, int, str]] | None:
    """A publisher's value that is two known outlets run together (上证报中国证券网, 楚天都市报极目新闻), as two."""
    s, e, value = part
    if value in ctx.lexicon.names:
        return None
    for k in range(2, len(value) - 1):
        head, tail = value[:k], value[k:]
        if _is_outlet(ctx, head) and _is_outlet(ctx, tail):
            return [(s, s + k, head), (s + k, e, tail)]
    return None


def _is_outlet(ctx: Context, name: str) -> bool:
    entry = ctx.lexicon.names.get(name)
    if entry is not None:
        return entry.types[0] == "MediaOrganization"
    org = load_kb().org(name)
    return org is not None and org.type == "MediaOrganization"


def _reporters(ctx: Context, start: int, end: int) -> list[Mention]:
    """Reporters' names, also written without a blank between them (李蕾张羽飞, 孟梅实习生夏冬梅)."""
    out, pos = [], start
    while pos < end:
        if not ctx.text[pos].strip() or ctx.text[pos] in W.set("name_list_mark") | W.set("comma"):
            pos += 1
            continue
        stop = ctx.name_end(pos)
        if stop is None or stop > end:
            break
        out.append(ctx.mention(pos, stop, "Person", "pattern:byline", 0.9))
        pos = stop
    return out


def _byline_person(ctx: Context, start: int, end: int, part: str, *, last: bool) -> bool:
    """A personal name (the last of a value, or one the segmenter tags as a name), or a Latin pen name."""
    if ctx.plausible_name(part) and ctx.surname_length(start) and (last or _is_nr(ctx, start, end)):
        return True
    return last and bool(re.fullmatch(r"[A-Za-z][A-Za-z.\-]{1,20}", part))


def _name_pair(ctx: Context, start: int, base: int, after: tuple[int, int, str], part: str) -> bool:
    """文|林舟 王川 / 文|林舟 青禾财经: a short personal name before another name or an outlet in an author field is a
    writer, not an outlet (文|青禾日报 王川 keeps its outlet: an outlet's word ends it)."""
    outlet_words = tuple(W.words("outlet_word"))

    def personal(at: int, name: str) -> bool:
        return (
            2 <= len(name) <= 3
            and ctx.plausible_name(name)
            and ctx.surname_length(at) > 0
            and not name.endswith(outlet_words)
        )

    return personal(start, part) and (
        personal(base + after[0], after[2]) or len(after[2]) >= 3 and after[2].endswith(outlet_words)
    )


def _pen_name(part: str, *, alone: bool, last: bool, latin: bool = False) -> bool:
    """A byline's pen name: 文|华商韬略 江舟 (the name after the outlet) / 撰文:阿舟 (a short name alone) / an
    editor's 木木Q (``latin``: Latin letters allowed in it); not an outlet's name (…社, …报, …网)."""
    chars = rf"[{HAN}A-Za-z]" if latin else rf"[{HAN}]"
    if not re.fullmatch(rf"{chars}{{2,4}}", part) or not re.search(rf"[{HAN}]", part):
        return False
    if part.endswith(W.words("outlet_word")):
        return False
    return (last and not alone) or (alone and len(part) <= 3)


def _is_nr(ctx: Context, start: int, end: int) -> bool:
    tok = ctx.token_at(start)
    return bool(tok and tok.end == end and tok.pos.startswith("nr"))


# --- organisations ------------------------------------------------------------------------------
def find_data_sources(ctx: Context) -> list[Mention]:
    """飞瓜快数数据显示 / X发布的报告指出: whoever publishes data is an organisation."""
    out = []
    for m in W.regex("data_source").finditer(ctx.text):
        name, end = m.group(1), m.end(1)
        trailer = next((w for w in W.words("data_source_trailer") if name.endswith(w)), "")
        if trailer and len(name) - len(trailer) >= 2:
            name, end = name[: -len(trailer)], end - len(trailer)  # 锋泰相关数据显示: 锋泰 publishes the data
        begin = m.start(1)
        kind = next(
            (k for k in range(len(name) - 2, 1, -1) if W.regex("research_firm_before").search(name, 0, k)),
            None,
        )
        if kind is not None:
            name, begin = (
                name[kind:],
                begin + kind,
            )  # 美国调研机构Finlo数据显示: the kind of firm is no part of its name
        if not _name_like(ctx, name, begin) or name.endswith(W.words("not_a_data_source")):
            continue
        tok = ctx.token_at(begin)
        single_word = tok is not None and tok.end == end and tok.pos not in NAME_POS
        if single_word and not name.isascii():
            continue  # 行业数据显示 / 公开数据显示: a common word, not a name
        if name.isascii() and (name.isupper() and len(name) <= 3 and kind is None or name.isdigit()):
            continue  # GDP数据显示: an acronym alone, unless a kind of firm names it (调研机构IDC数据显示)
        if reads_as_a_clause(ctx, begin, end):
            continue  # 中国移动6月份运营数据显示: a name and a time, not one name
        out.append(ctx.mention(begin, end, "Organization", "pattern:data_source", 0.75))
    return out


def received_investment(ctx: Context, start: int, end: int) -> bool:
    """获得腾讯投资 / 获小米战略投资: after a verb of receiving, a name that ends in a kind of investment (腾讯投资,
    小米战略投资 are also the names of investment arms) is the investment received, not the arm."""
    name = ctx.text[start:end]
    kind = next((k for k in W.words("investment_kind") if name.endswith(k)), None)
    if kind is None:
        return False
    if W.regex("after_verb_use").match(ctx.text, end):
        return True  # 在腾讯投资后: after Tencent invested, not 腾讯投资 (the arm)
    if name[: -len(kind)].endswith(W.words("investor_suffix")):
        return True  # 星澜资本投资的锋泰: a firm's name and the verb (no firm is called 资本投资)
    owner = ctx.lexicon.names.get(name[: -len(kind)])
    if (
        (
            owner is not None
            and owner.types[0] == "Company"
            or len(name) - len(kind) >= 4
            and _suffix_at_end(ctx.lexicon.org_suffixes).search(name[: -len(kind)]) is not None
        )
        and name not in ctx.lexicon.names
        and (
            ctx.text[end : end + 1] in W.set("possessive")
            or ctx.text[start - 1 : start] in W.set("business_agent_marker")
            or (after := ctx.token_at(end)) is not None
            and not ctx.known(after.word)
            and re.fullmatch(rf"[{HAN}]{{2,}}", after.word) is not None
        )
    ):
        return True  # 由红杉中国投资的青禾科技 / 星澜科技投资青禾科技: a company (the lexicon's, or a whole name) and the
        # verb, not an arm of it
    return (
        ctx.text[max(0, start - 3) : start].endswith(W.words("receive_verb"))
        or W.regex("receipt_list_before").search(ctx.text, max(0, start - 40), start) is not None
    ) and ctx.text[end : end + 1] not in W.set("name_list_mark")
    # (获腾讯、红杉中国投资: the last of a list after the verb, too; 获得鼎晖投资、星澜资本等机构的融资: the first
    # of a list of investors, a firm's name)


def invests_between_names(ctx: Context, start: int, end: int) -> bool:
    """锋泰集团战略投资青禾科技: a span that holds a whole name (up to its suffix), a verb of investing and a name
    after it is a clause about two organisations, not one name."""
    kinds = W.words("investment_kind")
    suffix_end = _suffix_at_end(ctx.lexicon.org_suffixes)
    for t in ctx.tokens_from(start, end)[1:]:
        if t.word not in W.set("investing_after_firm") or end - t.end < 2 or t.start <= start:
            continue
        kind = next((k for k in kinds if ctx.text.endswith(k, start, t.end)), t.word)
        before = ctx.text[start : t.end - len(kind)]
        if (
            len(before) >= 3
            and suffix_end.search(before)
            and not W.regex("registered_after_investing").match(ctx.text, t.end)
        ):
            return True
    return False


def find_suffixed_orgs(ctx: Context) -> list[Mention]:
    """Names ending in 有限公司/集团/银行/研究院 …, with a name-like part before the suffix."""
    text, out = ctx.text, []
    for suffix, type_ in ctx.lexicon.org_suffixes:
        for s in occurrences(text, suffix):
            end = s + len(suffix)
            if not ctx.is_boundary(s) or not (ctx.is_boundary(end) or verb_glued_after(ctx, end)):
                continue
            if ctx.ends_in_a_verb(s, end):
                continue  # 京东战略投资了达达 / 对小红书投资5亿美元: the verb, not a name's end
            if text.startswith(W.words("suffix_compound"), s):
                continue  # 深化公司治理: 公司 begins a common word here, it ends no name
            if suffix in W.set("arm_suffix") and (
                text.startswith(ctx.lexicon.suffix_words, end)
                or text.startswith(W.words("investment_kind"), end)
            ):
                continue  # 锋泰国际投资公司 / 锋泰国际控股: 国际 inside a longer name
            if text.startswith(W.words("field_head_after_suffix"), end):
                continue  # 沪深科技指数 / 长沙智能汽车集群: a field or an index, the suffix ends no name
            if any(
                len(w) > len(suffix) and w.endswith(suffix) and text.endswith(w, 0, end)
                for w in W.words("subsidiary_noun")
            ):
                continue  # 公告称孙公司青禾医疗… / 旗下子公司: a word for a subsidiary, whose name may follow
            if board_committee(ctx, text[max(0, s - 16) : end]) and not board_committee(ctx, text[s:end]):
                continue  # 锋泰薪酬委员会: a committee of the company's board, not an organisation of its own
            if as_the_company(text, end):
                continue  # 选举王明为公司董事长: 为公司 is "as the company's", the name before it a person's
            if suffix in W.set("bare_company_suffix") and _this_company(ctx, s, end):
                continue  # 纳入本集团 / 为本公司董事长: "this company", not a name's end
            if suffix in W.set("common_noun_suffix") and W.regex("investment_common_noun_after").match(
                text, end
            ):
                continue  # 明星投资机构 / 投资方 / 资本方: a common noun, not a firm's name ending in 投资
            if suffix in W.set("common_noun_suffix") and W.regex("organ_before_investment").search(
                text, 0, s
            ):
                continue  # 经济部投资处 / 商务部投资促进局: a ministry's department of investment, no firm named 经济部投资
            if suffix in W.set("domain_suffix") and _title_domain_after_a_name(ctx, s, end):
                continue  # 青禾资本投资总监: the firm's 投资总监, not a firm named 青禾资本投资
            if suffix in W.set("subsidiary_domain_suffix") and _subsidiary_domain_after_a_name(ctx, s, end):
                continue  # 锋泰银行科技子公司青禾数科: the bank's technology subsidiary, no firm named 锋泰银行科技
            partnership = suffix.endswith(W.words("partnership_end"))  # …投资(温州)合伙企业 and (有限合伙)
            bracket = (
                _bracketed_place_before(ctx, s) if suffix in W.set("legal_form") or partnership else None
            )
            if bracket is not None:
                # 锋泰智能科技(苏州)有限公司: the seat in brackets inside the registered name
                named_start, named = _name_prefix(ctx, bracket)
                if named_start is None:
                    named_start = _name_before_bracketed_group(ctx, bracket)
                if named and _opens_a_clause(ctx, named[0]) and len(named) > 1:
                    # 投资芯原微电子(上海)股份有限公司: the verb is before the name
                    named_start = named[1].start
                if named_start is not None:
                    named_start = _with_places_before(
                        ctx, named_start
                    )  # 中国|锋泰酒厂(集团)…: the place opens it
                    named_start = ctx.after_glued_char(named_start, end, head=bracket)  # 兼|青禾资管(澳门)…
                    out.append(ctx.mention(named_start, end, type_, "pattern:registered_name", 0.85))
                    continue
            body = type_ in ("GovernmentOrganization", "Organization") and len(suffix) >= 2
            legal = suffix in W.set("legal_form") or suffix.endswith(W.words("partnership_end"))
            registered = _registered_name_start(ctx, s, body=not legal) if legal or body else None
            # (深圳市科技创新委员会: a place begins a body's name, whose words may be verbs)
            if registered is not None and any(
                t.word in W.set("clause_inside_name") for t in ctx.tokens_from(registered, s)[1:]
            ):
                registered = None  # 青岛分行成为锋泰科技大学: a clause, not one name
            if registered is not None:
                inner = [
                    t.end
                    for t in ctx.tokens_from(registered, s)[1:]
                    if t.pos == "p" and t.word in _FUNCTION_CHARS and s - t.end >= 2
                ]
                if inner:
                    registered = inner[-1]  # 东|从|青岛锋风电子…: a preposition ends the clause before it
            if body and text.endswith(W.words("body_determiner"), 0, s):
                continue  # 杭州市相关政府领导 / 各级政府: the place's bodies in general, no name
            if registered is not None:  # 北京三快在线科技有限公司: a place begins a registered name
                out.append(ctx.mention(registered, end, type_, "pattern:registered_name", 0.85))
                continue
            if type_ == "BusinessUnit":
                # (存储与算力 事业群: a space the writer put between Chinese words; 星澜集团 BU is a company's name, then
                # a Latin word after the usual space)
                spaced = (
                    s - 1
                    if s >= 2
                    and ctx.text[s - 1] == " "
                    and re.fullmatch(f"[{HAN}]{{2}}", ctx.text[s - 2] + suffix[0])
                    else s
                )
                unit = W.regex("unit_name_head").search(ctx.text[max(0, spaced - 11) : spaced])
                start = spaced - len(unit.group(1)) if unit else s
                word = ctx.tokens[ctx.token_index(start)] if unit and not ctx.is_boundary(start) else None
                if word is not None and (word.pos.startswith("n") or word.word in ctx.lexicon.names):
                    # 华为云计算BU: 为 inside a name marks nothing (兼|锋泰事业部: a verb's does)
                    start = word.start
                for tok in ctx.tokens_from(start, s) if unit else ():
                    if tok.pos in ("p", "c") and tok.start >= start:
                        start = tok.end  # 美团对到家事业群: the division's name begins after the preposition
                start = _bracketed_division_start(ctx, start)
                verb = W.regex("unit_name_verb").match(ctx.text[start:s])
                if verb:
                    start += verb.end()  # 将全面负责星火事业部: the division's name begins after the verb
                if (
                    s - start >= 2
                    and ctx.text[start:s] not in W.set("generic_unit_name")
                    and not W.regex("counted_org_prefix").fullmatch(ctx.text, start, s)
                    and not W.regex("count_before_suffix").search(ctx.text[start:s])
                    and not W.regex("unit_name_clause").search(ctx.text[start:s])
                    and not ctx.text.startswith(W.words("unit_determiner"), start)
                ):
                    # 海外事业群 / 企业服务事业部: a division needs no proper name
                    out.append(ctx.mention(start, end, type_, "pattern:org_suffix", 0.75))
                continue
            prefix_start, tokens = _name_prefix(ctx, s)
            if prefix_start is not None:
                described = _descriptor_end(ctx.text, prefix_start, s)
                if described is not None:
                    # 造车新势力青禾汽车: a description (in several words), then the name
                    prefix_start = described
                    tokens = [t for t in tokens if t.start >= described]
            if prefix_start is None:
                word = ctx.tokens[ctx.token_index(s - 1)] if s else None
                # 由|深创投独家投资: a preposition the segmenter glued to a one-character name begins no name
                head = word.start if word is not None else 0
                if word is not None and s - word.start >= 2 and text[word.start] in _FUNCTION_CHARS:
                    head += 1
                if (
                    word is not None
                    and word.end == s
                    and (
                        suffix in W.set("investor_suffix")
                        and _named_by_round(ctx, head, s, end)
                        or type_ == "Company"
                        and _named_by_joining(ctx, head, s, end)
                    )
                ):
                    out.append(ctx.mention(head, end, type_, "pattern:org_suffix", 0.75))
                    # (由远望资本领投 / 就职于远望科技: a verb's word names the fund the round gives a role, or
                    # the company a person works at)
                continue
            named = any(
                t.pos in NAME_POS
                and (t.pos != "ns" or not _a_known_place(ctx, t.word))
                and not _acronym(t.word)
                or t.word in ctx.lexicon.names
                or not ctx.known(t.word)
                and not _acronym(t.word)
                for t in tokens
            )  # (VR设备公司 / 医疗AI公司: the acronym of a field names no company; 永中科技: a place the lexicon
            # does not know, the segmenter's guess, is a brand)
            if not named and legal and len(tokens) >= 2 and all(t.pos[:1] in "nv" for t in tokens):
                # 合众电池材料有限公司: common words before a legal form, registered, name a company
                named = True
            if not named and len(tokens) == 1 and len(tokens[0].word) >= 2:
                known = load_kb().org(tokens[0].word)
                named = known is not None and known.type == "Company"
                # 平安证券 / 长安汽车: a company's short name (a common word too) before an industry's suffix
            by_round = (
                not named
                and suffix in W.set("investor_suffix")
                and _named_by_round(ctx, prefix_start, s, end)
            )
            by_role = not named and not by_round and _named_by_joining(ctx, prefix_start, s, end)
            # 由厚朴基金领投 / 由远望资本领投: an investor the round names; 就职于远望科技: a company a person works at
            named = named or by_round or by_role
            only_place = all(_a_known_place(ctx, t.word) for t in tokens)
            if only_place and type_ == "GovernmentOrganization":
                named = True  # 义乌市政府: a place and a government suffix is a government body
            elif only_place:
                continue
            if W.regex("counted_org_prefix").fullmatch(text, prefix_start, s):
                continue  # 四大子集团 / 两家子公司: a count of organisations, not one named
            if s - prefix_start == 1 and text[prefix_start] in W.set("place_abbreviation"):
                continue  # 在沪投资 / 赴港上市: a province's or a city's short name and a verb, not a firm
            if W.regex("round_stage").search(text, prefix_start, s):
                continue  # 获锋泰资本A轮投资: a round's stage before 投资, no name of a firm
            after_place = next((t.start for t in tokens if t.pos != "ns"), prefix_start)
            if text[after_place:end] in ctx.lexicon.non_entities:
                continue  # 法国初创公司: a place and a kind of company, not a name
            if not named or generic_with_acronym(ctx, ctx.text[prefix_start:end]):
                continue
            if ctx.ends_in_a_verb(prefix_start, end):
                continue  # 对青禾电子投资: 对 marks the name before the verb
            if not (by_round or by_role) and reads_as_a_clause(ctx, prefix_start, end):
                # 领导阿里云智能集团 / 李明远入职OPPO研究院: a clause run together, not a name; where only its first
                # word is a verb (投资青禾科技, 增持青禾科技), the name is what follows the verb
                rest = tokens[1:] if tokens and _opens_a_clause(ctx, tokens[0]) else []
                after_verb = _after_person_and_verb(ctx, tokens)
                if after_verb is not None:
                    rest = [t for t in tokens if t.start >= after_verb]  # 市长林志会见青禾集团
                if (
                    rest
                    and any(t.pos in NAME_POS and t.pos != "ns" or not ctx.known(t.word) for t in rest)
                    and not reads_as_a_clause(ctx, rest[0].start, end)
                ):
                    out.append(ctx.mention(rest[0].start, end, type_, "pattern:org_suffix", 0.8))
                continue
            if any(
                t.word in W.set("field_entering_verb")
                and t.end < s
                and _made_of(text[t.end : s], W.set("field_word"))
                for t in tokens[1:]
            ):
                continue  # 锋泰集团布局智能汽车: a name, a verb and the field it enters, no name
            if received_investment(ctx, prefix_start, end) or kind_of_company(ctx, text[prefix_start:end]):
                continue  # 被小米投资 / 获得青禾投资: the investment received, not an investment arm's name; 公募基金:
                # a kind of company
            prefix_start = _from_a_known_name(ctx, tokens, prefix_start, end)
            determiner = next((w for w in W.words("unit_determiner") if text.startswith(w, prefix_start)), "")
            if determiner and s - prefix_start - len(determiner) >= 2:
                prefix_start += len(
                    determiner
                )  # 整个|锋泰集团: a word that points at the whole begins no name
            dated = W.regex("date_before_name").match(text, prefix_start)
            if dated and s - dated.end() >= 2:
                prefix_start = dated.end()  # 2月|锋泰科技: the date the segmenter glued on begins no name
            prefix_start = ctx.after_glued_char(prefix_start, end)  # 占|云帆科技总股本
            if (
                text[prefix_start] in W.set("glued_clause_preposition")
                and end - prefix_start >= 4
                and text.startswith(W.words("example_frame"), end)
            ):
                prefix_start += 1  # 以锋泰科技为例: 以 … 为例 frames the name
            if W.regex("count_before_suffix").search(text, prefix_start, s) and s - prefix_start > 2:
                continue  # 锋泰电影厂三大集团: a count of organisations after a name, not one named
            prefix_start = _opening_word_of_generic_name(ctx, prefix_start, s)
            placed = _place_after_common_words(ctx, [t for t in tokens if t.start >= prefix_start])
            if placed is not None and placed[1]:
                # 项目落地杭州云帆电机: common words, then a name that a place begins
                prefix_start = placed[0]
            elif placed is not None:
                continue  # 落地杭州银行: a place alone before the suffix (a known bank's name the lexicon finds)
            out.append(ctx.mention(prefix_start, end, type_, "pattern:org_suffix", 0.8))
    return [_without_former(ctx, m) for m in out]


def _with_places_before(ctx: Context, start: int) -> int:
    """Where a registered name begins when places the name's prefix left out stand right before it."""
    for _ in range(2):
        i = ctx.token_index(start - 1) if start > 0 else -1
        tok = ctx.tokens[i] if i >= 0 else None
        if tok is None or tok.end != start or not (tok.pos == "ns" or _a_known_place(ctx, tok.word)):
            break
        start = tok.start
    return start


def verb_glued_after(ctx: Context, end: int) -> bool:
    """The segmenter made one word of a name's last word and the verb after it (锋泰|科技开发|的 / 电子科技|大学毕业):
    the name still ends at ``end``."""
    tok = ctx.tokens[ctx.token_index(end - 1)] if end > 0 and ctx.tokens else None
    if tok is None or not (tok.start < end < tok.end) or end - tok.start < 2:
        return False
    rest = ctx.text[end : tok.end]
    # (青禾|科技部|分股权: the segmenter took 部 of 部分 into 科技部, a ministry's name)
    return rest in W.set("verb_glued_to_suffix") or len(rest) == 1 and ctx.known(ctx.text[end : end + 2])


def _without_former(ctx: Context, m: Mention) -> Mention:
    start = former_stripped(ctx, m.start, m.end)
    return m if start == m.start else ctx.mention(start, m.end, m.type, m.source, m.score)


def former_stripped(ctx: Context, start: int, end: int) -> int:
    """前锋泰区民政事务局局长: 前 ("former") glued before a name it is no part of (not 前海人寿: a word of its own)."""
    text = ctx.text
    if end - start > 3 and text[start] in W.set("former_marker") and not ctx.known(text[start : start + 2]):
        return start + 1
    return start


_DESCRIPTOR = re.compile(W.alt("descriptor_noun"))


def _descriptor_end(text: str, start: int, suffix_start: int) -> int | None:
    """Where a description the segmenter split into several words ends inside a name's prefix (造车新势力青禾: after
    新势力), if a name of two characters or more follows it."""
    found = None
    for m in _DESCRIPTOR.finditer(text, start, suffix_start):
        if suffix_start - m.end() >= 2:
            found = m.end()
    return found


def _named_by_round(ctx: Context, start: int, suffix_start: int, end: int) -> bool:
    """A fund whose name is a common word (厚朴基金, 远望资本) is a name where a round gives it a role: it stands
    in a list of investors that 领投 / 跟投 / 参投 ends, or after a verb of receiving before 注资 / 投资 (获远望资本注资).
    Not a generic word before the suffix (社会资本)."""
    head = ctx.text[start:suffix_start]
    if (
        not 2 <= len(head) <= 4
        or head in W.set("generic_investor_head")
        or not re.fullmatch(rf"[{HAN}]+", head)
    ):
        return False
    if W.regex("receipt_before_list").search(ctx.text[max(0, start - 40) : start]) and W.regex(
        "receipt_list_after"
    ).match(ctx.text, end):
        return True  # 获远望资本注资 / 获星河资本、远望资本等机构投资: the funds that invest
    if W.regex("investor_descriptor").search(ctx.text, max(0, start - 8), start) and not W.regex(
        "amount_head"
    ).search(head):
        return True  # 明星投资机构远望资本 / 旗下产业基金远望资本: the description of a firm, then its name
    before = ctx.text[start - 1] if start else ""
    if before and before not in W.set("investor_list_opener"):
        return False  # 老虎全球|管理基金: the name begins further left, where this cannot tell
    return W.regex("round_role_after").match(ctx.text, end) is not None


def _named_by_joining(ctx: Context, start: int, suffix_start: int, end: int) -> bool:
    """A company whose name is a common word (远望科技, 星河科技) is a name where a person joins or works at it
    (就职于远望科技 / 加入了星河科技和远望科技) or where a job title and a person's name follow it (星河科技董事长王强).
    Not a field before the suffix (加入科技公司: a kind of company), nor 上市公司 or a demonstrative's company."""
    head = ctx.text[start:suffix_start]
    if (
        not 2 <= len(head) <= 4
        or head in W.set("generic_investor_head")
        or not re.fullmatch(rf"[{HAN}]+", head)
        or _made_of(head, W.set("field_word"))
        or ctx.text[start:end] in ctx.lexicon.non_entities
        or head.startswith(DEMONSTRATIVES)
        or head.startswith(W.words("person_descriptor"))  # 资深行业咨询顾问王明: a senior consultant, no firm
    ):
        return False
    if W.regex("join_before_list").search(ctx.text[max(0, start - 40) : start]) is not None:
        return True
    if any(t.pos.startswith("v") and ctx.known(t.word) for t in ctx.tokens_from(start, suffix_start)):
        return False  # 接到公司董事长王明: a verb, then "the company's chairman"
    title = ctx.lexicon.title_pattern.match(ctx.text, end)
    return title is not None and ctx.name_end(title.end()) is not None


_PREFIX_STOP_POS = ("p", "c", "u", "d", "r", "m", "q", "f", "t", "x", "w", "y", "e", "o", "z", "l")


def _from_a_known_name(ctx: Context, tokens: list[Token], start: int, end: int) -> int:
    """Where a name before a suffix begins when a known organisation's name stands inside it after words of a
    clause (交由中国石化青禾分公司 / 晨报讯海航集团: at the known name). Not after a place (北京百度网讯科技: a
    registered name) or after nouns (时代锋泰动力电池, 长安福特: a joint venture's name)."""
    kb = load_kb()

    def known(name: str) -> bool:
        entry = ctx.lexicon.names.get(name)
        return len(name) >= 2 and (entry is not None and entry.types[0] in ORG_TYPES or name in kb.by_name)

    if _LEGAL_END.search(ctx.text[start:end]) or tokens and tokens[0].pos.startswith("nr"):
        for t in tokens[1:]:
            if ctx.text[t.start : end] in kb.by_name:
                # 王明为|青岛啤酒股份有限公司 / 李娜|中国传媒大学: a name the knowledge base knows, whole, after a
                # clause's words or a person's name
                return t.start
    for k, tok in enumerate(tokens[1:], 1):
        if any(_a_known_place(ctx, t.word) or t.pos == "ns" or known(t.word) for t in tokens[:k]):
            return start  # (广汽星途新能源汽车: a known name before the other one makes one name of both)
        if not any(t.pos[:1] in "vdl" or t.pos == "nt" for t in tokens[:k]):
            continue
        if any(known(ctx.text[tok.start : tokens[j - 1].end]) for j in range(len(tokens), k, -1)):
            return tok.start
    return start


def _party_glued(ctx: Context, tok: Token) -> int:
    """How many characters at the start of ``tok`` end a word for a party to a deal (领投|方德联: 1), 0 if none."""
    for i in range(1, len(tok.word)):
        if tok.word[i - 1] in _PARTY_LAST and any(
            ctx.text.endswith(w, 0, tok.start + i) for w in W.words("party_word")
        ):
            return i
    return 0


def _a_known_place(ctx: Context, word: str) -> bool:
    """A place kg's lexicon knows (北京, 浙江), or a word with a place's level (义乌市)."""
    entry = ctx.lexicon.names.get(word)
    if entry is not None:
        return entry.types[0] == "Place"
    return word[-1] in W.set("place_level")


def _acronym(word: str) -> bool:
    """AI, VR, 5G: two capitals or digits, the name of a field rather than of a company (CMC资本 has three)."""
    return bool(re.fullmatch(r"[A-Z0-9]{2}", word))


def _registered_name_start(ctx: Context, suffix_start: int, *, body: bool = False) -> int | None:
    """Where a registered company name that begins with a place starts (北京三快在线科技有限公司 /
    上海寻梦信息技术有限公司): walking left from the legal form over at most 20 characters of words (verbs and
    places the segmenter found inside the name included) to the nearest place; None if no place begins it. A
    body's name (``body``: 深圳市科技创新委员会) may hold such verbs too, but no one-character verb (是, 为). A place
    the lexicon does not know (澜锋/ns in 上海高澜锋冠电气有限公司) begins the name only if no place it knows does
    further left."""
    i = ctx.token_index(suffix_start - 1)
    size = 0
    guessed: int | None = None
    while i >= 0:
        tok = ctx.tokens[i]
        if tok.end > suffix_start:
            i -= 1
            continue
        size += len(tok.word)
        if (
            size > 20
            or not re.fullmatch(rf"[{HAN}A-Za-z0-9·&]+", tok.word)
            or tok.word in W.set("deal_party")
            or ctx.text.endswith(W.words("legal_form"), 0, tok.end)
        ):
            return guessed  # (锋泰精密股份有限公司|收购|云帆光学…: another name's legal form ends before this one)
        prev = ctx.tokens[i - 1] if i > 0 else None
        inside = (  # 青岛高新盛和发展有限公司: 盛|和, a one-character word and 和 the segmenter split off a name
            len(tok.word) == 1
            and prev is not None
            and len(prev.word) == 1
            and prev.word not in _FUNCTION_CHARS
        )
        if _joiner_inside_name(ctx, i):
            inside = True
            if guessed == ctx.tokens[i + 1].start:
                guessed = tok.start  # 和|澜 (a place guessed): the name begins at 和
        if not inside and (
            tok.word in _FUNCTION_CHARS or tok.word[0] in _FUNCTION_CHARS and not ctx.known(tok.word)
        ):
            return guessed  # 由 / 向云汐: a preposition, on its own or glued to a name, is before the name
        if not inside and tok.pos[:1] in "ucp" and ctx.known(tok.word):
            return guessed  # 总部位于天津的高恒…有限公司: a particle or preposition stands before the name
        if tok.word.startswith(W.words("ordinal_prefix")):
            return guessed  # 美国第二大连锁集团QXT…公司: a rank describes the company, it begins no name
        if body and tok.pos.startswith("v") and len(tok.word) == 1:
            return guessed  # 碧溪苑是政府…: a body's name holds words such as 创新 or 改革, not 是 or 为
        if guessed is not None and _is_known_org(ctx, tok):
            # 广汽星途新能源汽车有限公司: a known company's name begins it, before a guessed place
            return tok.start
        if _is_place(ctx, tok) and suffix_start - tok.start > len(tok.word) + 1:
            if guessed is None and tok.word not in ctx.lexicon.names:
                guessed = tok.start
                i -= 1
                continue
            while i > 0 and _is_place(ctx, ctx.tokens[i - 1]) and size + len(ctx.tokens[i - 1].word) <= 20:
                i -= 1  # 杭州 + 宜格 (a place guess): the name begins at the first of adjacent places
                size += len(ctx.tokens[i].word)
            prev = ctx.tokens[i - 1] if i > 0 else None
            if (
                prev is not None
                and prev.end == ctx.tokens[i].start
                and size + len(prev.word) <= 20
                and (_is_known_org(ctx, prev) or _known_company(prev.word))
                and not _field_kind(prev.word)
            ):
                # 腾讯澳门投资有限公司: a known company's name before the place begins the name (a kind of company,
                # 军工企业, describes it)
                return prev.start
            return ctx.tokens[i].start
        i -= 1
    return guessed


def _opening_word_of_generic_name(ctx: Context, start: int, suffix_start: int) -> int:
    """远航控股集团宣布: where what stands before the suffix is only organisations' endings (控股集团), the
    word that opens the sentence right before it (a verb to the segmenter: 远航) is the name's own; else ``start``."""
    if not _made_of(ctx.text[start:suffix_start], frozenset(ctx.lexicon.suffix_words)):
        return start
    i = ctx.token_index(start - 1) if start else -1
    tok = ctx.tokens[i] if i >= 0 else None
    if (
        tok is None
        or tok.end != start
        or len(tok.word) < 2
        or not re.fullmatch(f"[{HAN}]+", tok.word)
        or tok.start
        and ctx.text[tok.start - 1] not in W.set("sentence_end_or_list")
        and ctx.text[tok.start - 1] not in W.set("clause_break")
    ):
        return start
    return tok.start


def _place_after_common_words(ctx: Context, tokens: list[Token]) -> tuple[int, bool] | None:
    """Where a name before a suffix begins when nouns of the dictionary (落地, 地块) stand before a place kg knows that
    begins it (落地|杭州|云帆|电机): at the place, as a registered name begins. Returns the place's start and whether
    more than places follows it; None where the name opens with no such words."""

    def place(t: Token) -> bool:
        entry = ctx.lexicon.names.get(t.word)
        return t.pos == "ns" and entry is not None and entry.types[0] == "Place"

    k = next((k for k, t in enumerate(tokens) if place(t)), None)
    if not k or not all(
        ctx.known(t.word)
        and len(t.word) >= 2
        and t.pos in ("n", "vn")
        and t.word not in ctx.lexicon.names
        and not load_kb().org(t.word)
        for t in tokens[:k]
    ):
        return None
    rest = tokens[k:]
    return rest[0].start, not all(place(t) for t in rest)


def _joiner_inside_name(ctx: Context, i: int) -> bool:
    """杭州和澜医药有限公司 / 和汇投资集团: a one-character conjunction or preposition that also begins names (和, 同)
    right before a one-character noun that the segmenter split off an unknown name is the name's first character,
    not a word that joins two names (a name is never one character long)."""
    tok = ctx.tokens[i]
    nxt = ctx.tokens[i + 1] if i + 1 < len(ctx.tokens) else None
    return (
        len(tok.word) == 1
        and tok.word in W.set("joiner_beginning_name")
        and nxt is not None
        and nxt.start == tok.end
        and len(nxt.word) == 1
        and nxt.word not in _FUNCTION_CHARS
        and nxt.word not in W.set("place_abbreviation")
        and re.fullmatch(f"[{HAN}]", nxt.word) is not None
        and nxt.pos.startswith(("n", "zg"))
        and not ctx.known(tok.word + nxt.word)
        # 王明和李集团: 和 after a person's name joins
        and not (i > 0 and ctx.tokens[i - 1].pos.startswith("nr"))
    )


def _this_company(ctx: Context, suffix_start: int, end: int) -> bool:
    """本 / 该 / 此 right before 公司 or 集团, on its own or as one word with it (本公司): "this company" (not the 本
    of 资本集团)."""
    if ctx.text[suffix_start - 1 : suffix_start] not in W.set("own_company_marker"):
        return False
    tok = ctx.token_at(suffix_start - 1)
    if tok is None and suffix_start >= 2:
        glued = ctx.token_at(suffix_start - 2)  # 因本|公司: a preposition glued to 本
        if glued is not None and glued.end == suffix_start and glued.word[0] in W.set("glued_clause_char"):
            return True
    return tok is not None and (tok.end == suffix_start and len(tok.word) == 1 or tok.end == end)


def _title_domain_after_a_name(ctx: Context, suffix_start: int, end: int) -> bool:
    """A title follows the suffix (投资|总监) and the text before the suffix already ends as an organisation's
    name: a known name (红杉中国) or one with an organisation suffix of its own (青禾资本)."""
    if not ctx.lexicon.title_pattern.match(ctx.text, end):
        return False
    before = ctx.text[max(0, suffix_start - 12) : suffix_start]
    return _suffix_at_end(ctx.lexicon.org_suffixes).search(before) is not None or any(
        before[k:] in ctx.lexicon.names for k in range(len(before) - 1)
    )


def _subsidiary_domain_after_a_name(ctx: Context, suffix_start: int, end: int) -> bool:
    """A word for a subsidiary follows the suffix (科技|子公司) and the text before the suffix already ends in an
    organisation suffix of its own (锋泰银行 / 青禾证券): the suffix is the subsidiary's field, not the name's end."""
    if not ctx.text.startswith(W.words("subsidiary_after_domain"), end):
        return False
    before = ctx.text[max(0, suffix_start - 12) : suffix_start]
    return _suffix_at_end(ctx.lexicon.org_suffixes).search(before) is not None


def as_the_company(text: str, end: int) -> bool:
    """The text before ``end`` ends in a copula and a bare 公司 (选举王明为公司…: "as the company's")."""
    bare = next((w for w in W.words("bare_company_suffix") if text.endswith(w, 0, end)), None)
    return bare is not None and text[end - len(bare) - 1 : end - len(bare)] in W.set("copula_char")


def reads_as_a_clause(ctx: Context, start: int, end: int) -> bool:
    """领导阿里云智能集团 / 曾任航天…集团 / 智元机器人在两年内 / 中国移动6月份运营 / 李明远入职OPPO研究院: a span that
    opens with a verb of a clause or a preposition, holds a date, a time or a preposition, or a person's name and
    a verb, is a clause run together, not a name."""
    tokens = ctx.tokens_from(start, end)
    if not tokens or tokens[0].start < start:
        return False  # the span begins inside a word: leave it to the other filters
    first = tokens[0]
    if (
        first.word not in ctx.lexicon.names
        and (first.pos[:1] in "pcdr" and ctx.known(first.word) or first.word in W.set("clause_verb"))
        and not _joiner_inside_name(ctx, ctx.token_index(first.start))  # 和|汇|投资集团: 和 is the name's
    ):
        return True
    if any(t.pos[:1] == "t" or t.pos == "p" and ctx.known(t.word) for t in tokens[1:]):
        return True
    if any(t.word[1:2] in W.set("demonstrative_char") for t in tokens if len(t.word) == 2):
        return True  # 收购达该公司: 达该 ends a verb and opens 该公司 (this company), no name
    if any(t.word[:1] in W.set("glued_receive") and not ctx.known(t.word) for t in tokens[1:]):
        return True  # 青禾科技|获锋泰|集团: a verb of receiving glued to the name after it
    if W.regex("date").search(ctx.text[start:end]) or W.regex("time_phrase").search(ctx.text[start:end]):
        return True
    has_name = any(t.pos.startswith("nr") for t in tokens)
    verbs = W.set("clause_verb")
    if _after_person_and_verb(ctx, tokens) is not None:
        return True
    fund = ctx.text.endswith(
        W.words("fund_suffix"), 0, end
    )  # 青禾创新基金: 创新 is the fund's aim, no clause
    return has_name and any(
        t.pos == "v"
        and (ctx.known(t.word) or t.word in verbs)
        and not (fund and t.word in W.set("fund_name_verb"))
        for t in tokens
    )


def _after_person_and_verb(ctx: Context, tokens: list[Token]) -> int | None:
    """市长林志会见青禾集团 / 林志會|見青禾集團: a person's name the segmenter tagged, then a verb of meeting (会见 /
    拜访, which it may tag as a noun or split across the name's end): where the name after the verb begins."""
    if len(tokens) < 3 or not tokens[0].pos.startswith("nr"):
        return None
    for at in (tokens[0].end, tokens[0].end - 1):
        verb = next((w for w in W.words("meeting_verb") if ctx.text.startswith(w, at)), None)
        if verb and any(t.start == at + len(verb) for t in tokens[1:]):
            return at + len(verb)
    return None


def _opens_a_clause(ctx: Context, tok: Token) -> bool:
    """A verb that opens a clause (投资, 增持, 领导): what follows it may be a name, it is none."""
    return tok.word not in ctx.lexicon.names and (
        tok.word in W.set("clause_verb") or tok.pos.startswith("v") and ctx.known(tok.word)
    )


def generic_with_acronym(ctx: Context, name: str) -> bool:
    """AI创业公司 / IT科技公司: a kind of company after a field's acronym names no company."""
    if not name.endswith(_as_tuple(ctx.lexicon.non_entities)):
        return False  # (one test of all the words first: most names end in none of them)
    return any(
        name.endswith(word) and re.fullmatch(r"[A-Za-z]{1,5}", name[: -len(word)] or "-")
        for word in ctx.lexicon.non_entities
    )


@functools.cache
def _as_tuple(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(words)


def _bracketed_place_before(ctx: Context, suffix_start: int) -> int | None:
    """Where ``(东莞)`` / ``（中国）`` begins when such a bracketed place ends right before a legal form, or before
    the words of trade that precede it (青禾时代(深圳前海)信息技术有限公司: a city and its district)."""
    window = max(0, suffix_start - 14)
    m = W.regex("bracketed_seat").search(ctx.text[window:suffix_start])
    if not m:
        return None
    place = m.group(1)
    # (深圳前海): a city and its district
    entry = next(filter(None, (ctx.lexicon.names.get(p) for p in (place, place[:3], place[:2]))), None)
    token = ctx.token_at(window + m.start(1))
    is_place = bool(entry and entry.types[0] == "Place") or bool(
        token and token.word == place and token.pos == "ns"
    )
    seat = (
        m.end() == suffix_start - window
        and token is not None
        and token.word == place
        and token.pos.startswith(("nr", "ns"))
        and len(place) <= 3
    )  # 锋泰化学(蓬莱)有限公司: right before the legal form, a seat the segmenter took for a name
    group = place in W.set("bracketed_group_word") and m.end() == suffix_start - window  # 锋泰置业(集团)…
    return window + m.start() if is_place or seat or group else None


def _name_before_bracketed_group(ctx: Context, bracket: int) -> int | None:
    """Where the name begins before ``(集团)`` and a legal form when the word right before the bracket is one the
    segmenter reads as a verb (锋泰|照明/v|(集团)股份…): that word and a name-like word before it, the
    bracketed group and the legal form marking a registered name; None where no such pair stands there."""
    if not W.regex("bracketed_group").match(ctx.text, bracket):
        return None
    i = ctx.token_index(bracket - 1) if bracket else -1
    if i < 1:
        return None
    last, first = ctx.tokens[i], ctx.tokens[i - 1]
    if (
        last.end != bracket
        or first.end != last.start
        or len(last.word) < 2
        or not re.fullmatch(f"[{HAN}]+", first.word + last.word)
        or not (first.pos in NAME_POS and first.pos != "ns" or not ctx.known(first.word))
        or first.word in W.set("post_verb")
    ):
        return None
    if (
        len(first.word) >= 3
        and first.word[0] in W.set("glued_post") | _FUNCTION_CHARS
        and not ctx.known(first.word)
    ):
        return first.start + 1  # 曾|任锋泰|照明(集团)…: 任 ("served as") or a preposition glued to the name
    return first.start


def _field_kind(word: str) -> bool:
    """军工企业 / 光伏厂商: words of a field and a word for a company, a kind of company (even where a dictionary
    lists it as a name)."""
    return any(
        word.endswith(head) and len(word) > len(head) and _made_of(word[: -len(head)], W.set("field_word"))
        for head in W.words("company_kind_head")
    )


def _is_known_org(ctx: Context, tok: Token) -> bool:
    entry = ctx.lexicon.names.get(tok.word)
    return bool(entry and entry.types[0] in ("Company", "Organization", "BusinessUnit"))


def _known_company(word: str) -> bool:
    """A company the knowledge base knows by this name, and not a name that is also an ordinary word."""
    org = load_kb().org(word) if len(word) >= 2 else None
    return org is not None and org.type == "Company" and not org.ambiguous


def _is_place(ctx: Context, tok: Token) -> bool:
    entry = ctx.lexicon.names.get(tok.word)
    return tok.pos == "ns" or bool(entry and entry.types[0] == "Place")


def _bracketed_division_start(ctx: Context, start: int) -> int:
    """(数字与文娱事业群): where a bracket holds only a division's name, 与 / 和 joining two nouns stays in it."""
    if ctx.text[start - 1 : start] not in W.set("division_name_joiner"):
        return _field_pair_start(ctx, start)
    opened = max(ctx.text.rfind(ch, max(0, start - 6), start - 1) for ch in W.set("opening_bracket"))
    if opened >= 0 and re.fullmatch(rf"[{HAN}]{{1,4}}", ctx.text[opened + 1 : start - 1]):
        return opened + 1
    return _field_pair_start(ctx, start)


_FIELD_POS = ("n", "vn", "a", "b", "j")  # nouns, words that describe, abbreviations (it tags 健康 a, 存储 j)
_MAX_FIELD = 6


def _field_pair_start(ctx: Context, start: int) -> int:
    """存储与算力事业群 / 材料与能源事业部: a division named by two fields joined by 与, where the first field is
    common words that begin the clause or follow a verb or a list's mark (…副总裁、数据与智能事业部总经理 / 兼技术与工程
    事业群总裁); 青禾科技与星澜事业群签约 joins a company and a division (青禾 is no common word)."""
    joiner = start - 1
    if ctx.text[joiner : joiner + 1] not in W.set("division_field_joiner"):
        return start
    head = joiner
    i = ctx.token_index(joiner - 1) if joiner else -1
    while i >= 0:
        tok = ctx.tokens[i]
        if tok.end != head or joiner - tok.start > _MAX_FIELD:
            break
        if (
            not (tok.pos.startswith(_FIELD_POS) or tok.word in W.set("unit_field_verb"))
            or tok.pos.startswith("nr")
            or not ctx.known(tok.word)
            or tok.word in ctx.lexicon.names
        ):
            break  # (a verb, a function word; a person's or a known name: 王明与…, 北京与…)
        head = tok.start
        i -= 1
    if head == joiner or ctx.text[head:joiner].endswith(ctx.lexicon.suffix_words):
        return start
    before = ctx.tokens[i] if i >= 0 and ctx.tokens[i].end == head else None
    if head == 0 or ctx.text[head - 1] in W.set("division_field_opener"):
        return head
    if before is not None and before.pos[:1] in ("v", "c", "p", "d") and ctx.known(before.word):
        return head  # 兼|技术与工程事业群 / 担任|数据与智能事业部
    return start


def _name_prefix(ctx: Context, suffix_start: int):
    """Tokens that can form the name part before an organisation suffix, walking left (at most 6, 16 chars:
    江苏 + 铭诚 + 土地 + 房地产 + 评估 + 有限公司 is one registered name)."""
    i = ctx.token_index(suffix_start - 1)
    tokens: list[Token] = []
    while i >= 0 and len(tokens) < 6:
        tok = ctx.tokens[i]
        if tok.end > suffix_start:
            i -= 1
            continue
        if tok.word.startswith(DEMONSTRATIVES) and tok.word not in ctx.lexicon.names:
            break
        if tok.word in W.set("short_name_word"):
            break  # （下称合众公司）: the gloss that gives a short name is no part of it
        cite = W.regex("citing_head").match(tok.word)
        if cite and tok.word not in ctx.lexicon.names:
            # 但据咨询公司X估计: a source is cited, no name begins here (据锋泰|咨询: the name after 据 does)
            if len(tok.word) - cite.end() >= 2 and not ctx.known(tok.word):
                tokens.insert(0, Token(tok.start + cite.end(), tok.end, tok.word[cite.end() :], "nz"))
            break
        rumour = W.regex("rumour_head").match(tok.word)
        if rumour and tok.word not in ctx.lexicon.names:
            rest = tok.word[rumour.end() :]
            if not rest:
                break  # 传闻|锋泰科技将被收购 / 王明现身|锋泰科技发布会: a word of hearsay or of a visit, no name
            if len(rest) >= 2 and not ctx.known(tok.word) and re.fullmatch(rf"[{HAN}]+", rest):
                # 网传锋泰|科技裁员 / 有消息称锋泰|科技…: the word glued by the segmenter to the name after it
                tokens.insert(0, Token(tok.start + rumour.end(), tok.end, rest, "nz"))
                break
        if tokens and _joiner_inside_name(ctx, i):
            # 和|汇|投资集团: 和 begins the name here
            tokens.insert(0, Token(tok.start, tok.end, tok.word, "nz"))
            i -= 1
            continue
        first = tok.word[0]
        # 前威马汽车 / 徐磊升|为锋泰|集团: 前 ("former"), 是 or 为 glued to a name the segmenter does not know
        glued = (
            first in _FUNCTION_CHARS
            or first in W.set("aspect_particle")
            or len(tok.word) >= 3
            and not ctx.known(tok.word)
            and (
                first in W.set("former_marker")
                or first in W.set("glued_copula")
                or first in W.set("glued_naming")
                or first in W.set("glued_receive")
                # 全资拥有之|青禾科技: 之 (the written "of") before an unknown name
                or first in W.set("glued_possessive")
                # ，以锋泰|电子为存续公司: 以 ("with … as") that opens a clause
                or first in W.set("glued_clause_preposition")
                and (i == 0 or not re.match(rf"[{HAN}A-Za-z0-9]", ctx.tokens[i - 1].word))
                or first in W.set("glued_after_verb")
                and i > 0
                and ctx.tokens[i - 1].end == tok.start
                and ctx.tokens[i - 1].pos.startswith("v")
                # 2015年|任锋泰|集团副总裁: 任 ("served as") after a date or a comma
                or first in W.set("glued_post")
                and i > 0
                and (
                    ctx.tokens[i - 1].pos in ("m", "t")
                    or ctx.tokens[i - 1].word in W.set("time_word_before_post")
                    or not re.match(rf"[{HAN}A-Za-z0-9]", ctx.tokens[i - 1].word)
                )
                or first in W.set("clause_opening_conjunction")  # 。但锋泰|科技: 但 opens the clause
                and (tok.start == 0 or not re.match(rf"[{HAN}A-Za-z0-9]", ctx.text[tok.start - 1]))
                # 入|职锋泰|研究院: 职 ends the verb 入职
                or ctx.text[tok.start - 1 : tok.start + 1] in W.set("post_verb")
                # 对|标锋泰|集团: 标 ends the verb 对标
                or ctx.text[tok.start - 1 : tok.start + 1] in W.set("verb_split_before_name")
            )
        )
        if not glued and first in W.set("verb_complement") and i > 0:
            # 拆分出青禾科技: 出 completes the verb before it
            before = ctx.tokens[i - 1]
            glued = before.end == tok.start and before.pos.startswith("v")
        if glued and tok.word not in ctx.lexicon.names:
            # 由原比亚迪… / 向云汐 / 投资了泽东公司: a preposition or an aspect particle the segmenter glued to an
            # unknown name is not part of it
            if len(tok.word) >= 3 and not ctx.known(tok.word) and re.fullmatch(rf"[{HAN}]+", tok.word):
                tokens.insert(0, Token(tok.start + 1, tok.end, tok.word[1:], "nz"))
            elif (
                len(tok.word) == 2
                and first in _FUNCTION_CHARS
                and sum(len(t.word) for t in tokens) == 1
                and re.fullmatch(rf"[{HAN}]+", tok.word + tokens[0].word)
            ):  # 将星|澜|科技: a name has two characters at least, the second of a word 将 opens begins it
                tokens.insert(0, Token(tok.start + 1, tok.end, tok.word[1:], "nz"))
            break
        party = _party_glued(ctx, tok)
        if party and tok.word not in ctx.lexicon.names:
            # 领投|方德联|资本 / 领投方德联: the role of a party (领投方) glued by the segmenter to the name after it
            # (领投|方为|远澜资本: a copula after the role is no part of the name either)
            if tok.word[party:] not in W.set("glued_copula"):
                tokens.insert(0, Token(tok.start + party, tok.end, tok.word[party:], "nz"))
            break
        inner = next((k for k in range(len(tok.word) - 2, 0, -1) if tok.word[k] in _FUNCTION_CHARS), None)
        if inner is not None and not ctx.known(tok.word) and re.fullmatch(rf"[{HAN}]+", tok.word):
            # 员工股由锋|泰实业: a preposition inside a word the segmenter guessed begins the name after it
            tokens.insert(0, Token(tok.start + inner + 1, tok.end, tok.word[inner + 1 :], "nz"))
            break
        if tokens and len(tok.word) >= 2 and tok.word[-1] in _FUNCTION_CHARS and not ctx.known(tok.word):
            break  # 周立|青及|锋泰|汽车: a conjunction the segmenter glued to the word before ends the name's start
        if (
            tokens
            and len(tok.word) >= 3
            and tok.word[-1] in W.set("copula_glued_before_name")
            and tok.pos.startswith("nr")
            and not ctx.known(tok.word)
            and tok.word not in ctx.lexicon.names
        ):
            break  # 张伟为|锋泰|实业董事: a person's name and the copula, glued by the segmenter, end the name's start
        if (
            not tokens
            and tok.word in W.set("group_before_legal_form")
            and (
                ctx.text.startswith(W.words("legal_form"), suffix_start)
                or W.regex("bracketed_seat_then_legal_form").match(ctx.text, suffix_start)
            )
        ):
            tokens.insert(
                0, tok
            )  # 锋泰智造集团有限公司: 集团 before the legal form is part of the name (控股, a verb to
            # the segmenter, too)
            i -= 1
            continue
        # the segmenter guesses a POS for words it does not know (锐能 → v); such words are likely names
        guessed = not ctx.known(tok.word)
        if (
            tok.pos.startswith(_PREFIX_STOP_POS)
            and tok.pos not in ("eng",)
            and tok.word not in ctx.lexicon.names
            and not guessed
        ):
            break
        if (
            tok.pos.startswith("v")
            and tok.pos != "vn"
            and tok.word not in ctx.lexicon.names
            and not guessed
            and not (
                tok.word in W.set("fund_name_verb")
                and ctx.text.startswith(W.words("fund_suffix"), suffix_start)
            )  # 青禾创新基金 / 锋泰成长基金: a word of a fund's aim, a verb to the segmenter, inside its name
        ):
            break
        if tok.word in ctx.lexicon.non_entities or tok.word in ctx.lexicon.titles:
            break
        if tok.word in W.set("descriptor_noun") and tokens:
            break  # 芯片新秀青禾半导体: a description of the company, then its name
        if tok.word in W.set("term_marker"):
            break  # 为新一任总裁: a term of office before a title, not a name
        if tok.word in W.set("clause_inside_name") or tok.word in W.set("clause_inside_org_span"):
            break  # 指导青禾驱动科技 / 锋泰资本曾为青禾科技: a verb (the segmenter may take it for a noun) ends the
            # name's start
        if (
            tok.word in W.set("investing_after_firm")
            and i > 0
            and ctx.tokens[i - 1].end == tok.start
            and ctx.tokens[i - 1].word in W.set("investor_suffix")
            and tokens
            and not W.regex("registered_after_investing").match(tokens[0].word)
        ):
            break  # 星澜基金投资青禾科技: a fund's name, then the verb (no firm is called 基金投资青禾)
        if (
            (tok.word in W.set("investing_after_firm") or tok.word in W.set("running_verb"))
            and tokens
            and not W.regex("registered_after_investing").match(tokens[0].word)
            and (
                tokens[0].pos in NAME_POS
                or not ctx.known(tokens[0].word)
                or tokens[0].word in ctx.lexicon.names
            )
        ):
            break  # 红杉中国投资青禾科技 / 在快手运营青禾公司: the verb, then the name it takes
        if (
            len(tok.word) == 2
            and tok.word.endswith(tuple(_TENSE_MARKERS))
            and tok.word[0] in W.set("copula_before_former")
        ):
            break  # 负责人为原京东零售集团CFO: 为原 is "is the former", not the name's start
        if (
            tok.word in W.set("byline_key")
            or tok.word in W.set("determiner_word")
            or tok.word in W.set("owner_word")
        ):
            break  # 来源阅文集团 / 前述邮储银行: a byline's key or a determiner, not the name's start
        if (
            tok.word in W.set("deal_party")
            or tok.word.startswith(W.words("heading_word"))
            or tok.word in W.set("label_before_name")
        ):
            break  # 收购方锋泰基金 / 公司简介锋泰服饰 / 原名青禾电机: a deal's party, a heading or a
            # label, not the name
        verb = next((v for v in W.words("post_verb") if tok.word.startswith(v)), None)
        if verb is not None and tok.word not in ctx.lexicon.names:
            # 宣布辞任锋泰集团: a verb of leaving or taking a post, on its own or glued to the name, is before it
            if len(tok.word) > len(verb) and not ctx.known(tok.word):
                rest = tok.word[len(verb) :]
                tokens.insert(0, Token(tok.start + len(verb), tok.end, rest, "nz"))
            break
        if not re.fullmatch(rf"[{HAN}A-Za-z0-9·&]+", tok.word):
            break
        if (
            tokens
            and tok.word in W.set("org_kind_word")
            and (tokens[0].pos == "eng" or tokens[0].pos in NAME_POS or not ctx.known(tokens[0].word))
        ):
            # 连锁集团QXT娱乐控股公司 / 私募股权基金黑石集团: a kind of company before a name describes it (in
            # 青禾基金管理公司 a plain word follows the kind word, and the name goes on)
            break
        tokens.insert(0, tok)
        i -= 1
        if sum(len(t.word) for t in tokens) > 16:
            tokens.pop(0)
            break
    while tokens and tokens[0].word in _TENSE_MARKERS:
        tokens.pop(0)  # 原比亚迪电池研究院: 原 (former) qualifies the post, it is not part of the name
    if not tokens:
        return None, []
    return tokens[0].start, tokens


_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&.\-]*(?:,? [A-Z][A-Za-z0-9&.\-]*)*(?![A-Za-z0-9])")
_ABBREVIATED_SUFFIX = re.compile(rf" (?:{W.alt('latin_abbreviated_suffix')})\.$", re.IGNORECASE)
_LATIN_ORG_SUFFIX = re.compile(rf" (?:{W.alt('latin_org_suffix')})\.?$", re.IGNORECASE)  # (STARLAN INC.)


def _capitals_before(text: str, start: int, word: str) -> int:
    """Where a registered name in capitals begins when a word with digits or a country in brackets broke the run
    before its legal form (FENGTAI 2-1 HOLDINGS COMPANY LIMITED / QINGHE（VIETNAM）CO., LTD.): the capitals' start;
    else ``start``."""
    if not word.isupper() or start == 0 or not W.regex("before_capital_legal_form").match(text, start - 1):
        return start
    m = W.regex("capitals_before_legal_form").search(text, max(0, start - 80), start)
    return m.start() if m and any(c.isalpha() for c in m.group()) else start


def find_latin_names(ctx: Context) -> list[Mention]:
    """Latin-script names: lexicon names with a typo (QuestMoible → QuestMobile) and names with a company suffix."""
    out = []
    for m in _LATIN.finditer(ctx.text):
        word = m.group().rstrip("-")
        if not _ABBREVIATED_SUFFIX.search(word):
            word = word.rstrip(".-")  # (TSMC GLOBAL LTD. keeps the period of its abbreviation)
        end = m.start() + len(word)
        if word in ctx.lexicon.names:
            continue
        if _LATIN_ORG_SUFFIX.search(word):
            out.append(
                ctx.mention(
                    _capitals_before(ctx.text, m.start(), word), end, "Company", "pattern:latin_company", 0.8
                )
            )
            continue
        if len(word) >= 6:
            best = _closest(word.lower(), ctx.lexicon)
            if best:
                out.append(
                    ctx.mention(
                        m.start(),
                        end,
                        best.types[0],
                        "lexicon:fuzzy",
                        0.85,
                        key=best.canonical,
                        types=best.types,
                    )
                )
    return out


def _closest(word: str, lexicon):
    cache = lexicon.fuzzy_cache
    if word not in cache:
        cache[word] = _closest_name(word, lexicon.latin_by_length)
    best = cache[word]
    return lexicon.latin_names[best] if best else None


def _closest_name(word: str, by_length: dict[int, tuple[str, ...]]) -> str | None:
    """The known Latin name nearest ``word`` within 1 edit (2 from 9 letters on), ties to the first in order."""
    limit, letters = (1 if len(word) < 9 else 2), set(word)
    hits = [
        (d, name)
        for size in range(len(word) - 2, len(word) + 3)
        for name in by_length.get(size, ())
        # each letter one word has and the other lacks takes an edit: a cheap test before the full distance
        if len(letters.symmetric_difference(name)) <= 2 * limit
        and (d := osa_distance(word, name, limit=limit)) <= limit
    ]
    return min(hits)[1] if hits else None


def osa_distance(a: str, b: str, *, limit: int | None = None) -> int:
    """Edit distance counting an adjacent transposition as one edit (QuestMoible ↔ QuestMobile = 1). With
    ``limit``, any distance over it may be returned as ``limit + 1`` as soon as no row can get back under it."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if limit is not None and min(cur) > limit and min(prev) > limit:
            return limit + 1  # every later cell builds on this row or, by a transposition, the one before
        prev2, prev = prev, cur
    return prev[-1]


# --- products and programmes ------------------------------------------------------------------------


def _brand_before(ctx: Context, start: int) -> int:
    """智能手表青禾Watch 3: a word the segmenter does not know, glued to a Latin model name, is its brand and begins
    the product's name (a known word or name before it, 推出X50 / 小米Redmi K80, does not)."""
    if start == 0:
        return start
    tok = ctx.tokens[ctx.token_index(start - 1)]
    if (
        tok.end == start
        and 2 <= len(tok.word) <= 4
        and re.fullmatch(rf"[{HAN}]+", tok.word)
        and tok.word not in ctx.lexicon.names
        and tok.word not in W.words("quoted_kind")  # (手机新品X50: 新品 is a kind, not a name)
        and tok.word not in W.set("list_opener")  # (新品包括X50: 包括 opens a list, it names nothing)
        and tok.word not in W.set("kind_modifier")  # (推出自研GLM-5 / 旗舰X9: a word of the kind, no brand)
        and (not ctx.known(tok.word) or ctx.text[: tok.start].endswith(W.words("device_kind")))
    ):  # (芯片凌云X2: after a kind of device, even a word of the dictionary is the model's first name)
        return tok.start
    kind = W.regex("device_kind_then_brand").search(ctx.text, max(0, start - 10), start)
    if kind and kind.end() == start:
        brand = kind.group("brand")  # 新机锋泰S7: the segmenter read 机锋 as a word, splitting the brand
        if len(brand) >= 3 and ctx.text[: kind.start("brand") + 1].endswith(W.words("device_kind")):
            brand = brand[1:]  # 新车型禾米S7: 新车 and 车型 are both kinds, the brand begins after the longer
        at = start - len(brand)
        inside = [t for t in ctx.tokens_from(at, start) if t.start >= at]
        if (
            not ctx.known(brand)
            and brand not in W.set("device_kind")
            and not any(len(t.word) >= 2 and ctx.known(t.word) for t in inside)
        ):  # (音箱产品小米Sound: 产品 is a word of its own, no brand's first half)
            return at
    return start


def _organisation_ends(ctx: Context, pos: int) -> bool:
    """An organisation's name ends at ``pos``: a known name, or a word that ends a company's (字节跳动的 / 青禾科技的)."""
    if pos == 0:
        return False
    tok = ctx.tokens[ctx.token_index(pos - 1)]
    return (
        tok.end == pos and tok.word in ctx.lexicon.names or ctx.text[:pos].endswith(ctx.lexicon.suffix_words)
    )


def _coined(ctx: Context, tokens: list[Token]) -> bool:
    """A name coined from common characters (旗下音乐应用锋乐 / 短视频平台禾拍): it opens with a word the segmenter
    guessed (锋乐), or with one character that a word of one character or a guessed one follows (禾|拍, 禾|购网);
    not with a character of degree or a function word (很强 / 更好)."""
    if not tokens or tokens[0].word[:1] in W.set("coined_name_stop"):
        return False
    first = tokens[0]
    if not ctx.known(first.word):
        return len(first.word) >= 2 and first.pos[:1] not in "dmqux"
    return (
        len(first.word) == 1
        and first.pos[:1] == "n"
        and len(tokens) >= 2
        and (len(tokens[1].word) == 1 or not ctx.known(tokens[1].word))
        and tokens[1].pos[:1] not in "dpcumqrux"
    )


def _product_kind(text: str, start: int, end: int, name_end: int) -> tuple[str, int, int]:
    """The last word for a kind before a product's name, and where the name begins: 首款SUV车型青禾L9 (two words for its
    kind), 电动车型星澜L7 / 茶饮品牌澜茶 (a longer kind word that overlaps the end of the one the pattern read); the name
    keeps two characters at least."""
    kinds = sorted(W.words("product_kind_noun"), key=len, reverse=True)
    after = W.words("kind_then_kind")
    while True:
        overlap = next(
            (
                (p, k)
                for p in range(start + 1, end)
                for k in kinds
                if text.startswith(k, p) and p + len(k) > end and name_end - p - len(k) >= 2
            ),
            None,
        )
        nxt = overlap or next(
            ((end, k) for k in after if text.startswith(k, end) and name_end - end - len(k) >= 2), None
        )
        if nxt is None:
            gap = len(text[end:name_end]) - len(
                text[end:name_end].lstrip()
            )  # (旗舰SUV ES9: a space before it)
            return text[start:end], end + gap, name_end
        start, end = nxt[0], nxt[0] + len(nxt[1])


def _glued_to_kind(ctx: Context, kind_start: int, start: int, end: int) -> bool:
    """The segmenter glued the last character of a kind to the unknown name after it (智能体澜小助 read 智能|体澜小助):
    the word that holds the name's start begins inside the kind, is a guess and ends inside the name."""
    tok = ctx.tokens[ctx.token_index(start)]
    return kind_start <= tok.start < start and start < tok.end <= end and not ctx.known(tok.word)


def _glued_to_follow(ctx: Context, end: int) -> bool:
    """The segmenter glued a name's last character to the first of a word that follows products' names (星澜云营|收
    for 星澜云 and 营收, 禾|单用户 for 禾单 and 用户): that word of two characters or more stands at ``end``."""
    tok = ctx.tokens[ctx.token_index(end)]
    return tok.start < end < tok.end and any(
        len(w) >= 2 and ctx.text.startswith(w, end) for w in W.words("product_name_follow")
    )


def _kind_list_next(ctx: Context, first: str, pos: int) -> list[tuple[int, int]]:
    """The names listed after the first one read after a word for their kind (自研芯片禾芯一号和禾芯二号 / 车型锋泰S7、锋泰S9):
    each shares the first one's first character (its brand), or both carry a model's letters or digits."""
    out: list[tuple[int, int]] = []
    coded = re.search(r"[A-Za-z0-9]", first) is not None
    while (m := W.regex("kind_product_next").match(ctx.text, pos)) is not None:
        name, s, e = m.group("name"), m.start("name"), m.end("name")
        if (
            not (ctx.is_boundary(s) and (ctx.is_boundary(e) or _glued_to_follow(ctx, e)))
            or not (name[0] == first[0] or coded and re.search(r"[A-Za-z0-9]", name))
            or name in ctx.lexicon.names
            or name in ctx.lexicon.non_entities
            or ctx.opens_with_function_word(s, e)
            or any(ch in name for ch in W.words("possessive"))
        ):
            break
        out.append((s, e))
        pos = e
    return out


def find_products(ctx: Context) -> list[Mention]:
    text, out = ctx.text, []
    for m in W.regex("counted_launch").finditer(text):  # 澜海食品上新了4款星光乌龙茶
        s, e = m.span("name")
        kind = next(k for k in W.words("counted_goods_kind") if text.endswith(k, s, e))
        # (款锋泰|耳机: the segmenter may glue the count's 款 to the name)
        before_kind = ctx.tokens_from(s, e - len(kind))
        if (
            e - len(kind) - s < 2
            or not ctx.is_boundary(e - len(kind))
            or not any(t.pos in NAME_POS or t.pos == "l" or not ctx.known(t.word) for t in before_kind)
        ):
            continue  # 推出了两款智能手表 / 新款手机: words that describe the goods, no name of a line
        out.append(ctx.mention(s, e, "Product", "pattern:launched_product", 0.75))
    for m in W.regex("launched_latin_product").finditer(text):
        name = m.group(1)
        if name in W.set("latin_kind_word"):
            continue  # 发布了新App: a kind, not a name
        start = _brand_before(ctx, m.start(1))
        branded = start < m.start(1) and len(name) >= 2 and name not in ctx.lexicon.titles
        if (
            len(name) >= 3
            and name not in ctx.lexicon.titles
            and not name.isupper()
            or re.search(r"\d", name)
            or branded
        ):
            # (推出了瑶川C-DM: capitals glued to an unknown word are a model of that brand, not an acronym)
            out.append(ctx.mention(start, m.end(1), "Product", "pattern:launched_product", 0.75))
    for m in W.regex("latin_model").finditer(text):  # Mate 70 Pro+ / GPT-5 / P70系列
        first = m.group("name").split()[0].split("-")[0]
        series = m.group(1).endswith(W.words("model_series_end"))
        kind_after = text.startswith(tuple(W.words("device_kind")), m.end(1))  # S9车型 / X5手机
        branded = _brand_before(ctx, m.start(1)) < m.start(1) and not ctx.known(text[: m.start(1)][-2:])
        # 锋泰S9: a brand the segmenter does not know, glued to a letter and a number, names a model too
        single = len(m.group("name")) == 1 and not (series or kind_after or branded)  # not B2B or L4
        if (
            (first in W.set("latin_model_stop") or first in W.set("latin_not_a_name"))
            and not series
            or single
        ):
            continue  # (Top 10 / CEO-1 / UGC 3D: a ranking or a common noun with a number)
        if m.group("name") in ctx.lexicon.names and ctx.lexicon.names[m.group("name")].types[0] != "Product":
            continue  # OPPO 5: a company's name (a model of it is find_business_units')
        out.append(
            ctx.mention(_brand_before(ctx, m.start(1)), m.end(1), "Product", "pattern:latin_model", 0.7)
        )
    for m in W.regex("named_latin_product").finditer(text):  # 一款名为QuickNote的效率工具
        if (
            m.group("name") not in ctx.lexicon.names
            and m.group("name") not in W.set("latin_kind_word")
            and not W.regex("named_company_after").match(text, m.end())  # 名为Nova的芯片公司: a company
        ):
            out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:named_product", 0.75))
    for m in W.regex("latin_name_before_kind").finditer(text):  # 锋泰科技的NovaPad平板
        name = m.group("name")
        if name in W.set("latin_platform_word") or name in ctx.lexicon.titles:
            continue
        if name in ctx.lexicon.names and ctx.lexicon.names[name].types[0] != "Product":
            continue  # (OpenAI应用: a company's name, not a model)
        out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:latin_before_kind", 0.7))
    for m in W.regex("drug_name").finditer(text):  # 创新药锋泰替尼 / PD-1单抗澜星利单抗
        out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:drug_name", 0.72))
    for m in W.regex("flagship_product").finditer(text):  # 主打产品青禾笔记 / 核心产品XT-101
        name, first = m.group("name"), ctx.token_at(m.start("name"))
        if (
            name in ctx.lexicon.non_entities
            or first is not None
            and first.pos[:1] in "rpcdumqtv"
            and ctx.known(first.word)
        ):
            continue  # 核心产品是什么 / 主打产品在…: no name after the kind
        tokens = ctx.tokens_from(m.start("name"), m.end("name"))
        if len(tokens) == 1 and ctx.known(tokens[0].word) and name not in ctx.lexicon.names:
            continue  # 主打产品手机: one word of the dictionary is a kind, not a name
        if any(t.pos[:1] == "u" or t.pos[:1] in "vd" and ctx.known(t.word) for t in tokens):
            continue  # 主打产品手机卖得好: a clause, not a name
        out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:flagship_product", 0.72))
    kind_starts: set[int] = set()  # where a name read after its kind begins
    kind_ends: set[int] = set()  # … and ends
    for m in W.regex("kind_then_product").finditer(text):  # 旗下短视频应用青禾视频 / 的大模型青禾
        if m.group("joined") is not None and m.start() not in kind_ends:
            continue  # 家用饮品、手机配件 / 视频和品牌直播: a list goes on only after a product's name
        kind, start, end = _product_kind(text, m.start("kind"), m.end("kind"), m.end("name"))
        name, first = text[start:end], ctx.token_at(start)
        tokens = ctx.tokens_from(start, end)
        glued = _glued_to_kind(ctx, start - len(kind), start, end)
        if glued:  # (智能|体澜小助: the segmenter glued the kind's last character to a name it guessed)
            first = tokens[0]
        named = (
            glued
            or re.search(r"[A-Za-z0-9]", name)
            or any(
                t.pos in NAME_POS or not ctx.known(t.word) and t.pos[:1] not in "adv"
                for t in tokens
                if t.start >= start
            )  # (能力很强: a noun and an adjective the segmenter guessed, no name)
            or _coined(ctx, [t for t in tokens if t.start >= start])
            or kind
            in W.set("brand_kind")  # 旗下手机品牌禾米: single characters after the word brand name one
            and len(name) >= 2
            and all(len(t.word) == 1 and t.pos[:1] in "nq" for t in tokens if t.start >= start)
        )
        if (
            not named
            or name in ctx.lexicon.suffix_words  # 品牌联盟: an alliance, no product
            or name in W.set("product_kind_noun")  # 的小程序商城: two words for kinds, no name
            or ctx.lexicon.title_pattern.match(name)  # 的锋书产品副总裁王明: a title and a person, no product
            or name.split()[0] in W.set("latin_kind_word") | W.set("latin_not_a_name")  # 的平台App: a kind
            or not (ctx.is_boundary(start) or glued)
            or not (ctx.is_boundary(end) or _glued_to_follow(ctx, end))
            or not _name_like(ctx, name, start, at_boundary=not glued)
            or first is None
            or first.pos[:1] in "rpcdumqtvf"
            and ctx.known(first.word)
            or any(t.pos[:1] == "u" or t.pos[:1] in "dp" and ctx.known(t.word) for t in tokens)
        ):
            continue  # 的手机销量很好 / 旗下应用已上线 / 的大模型能力很强: a kind and a clause, no name
        if (
            kind in W.set("brand_kind")
            and text.startswith(W.words("possessive"), m.start())
            and W.regex("founded_brand_before").search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # 王建国创办的智能乐器品牌QingheLive: a brand someone founded may be the company itself
        type_ = (
            "Platform"
            if kind in W.set("kind_then_platform")
            else "Company"  # 旗下品牌澄禾: a brand is named as its company is (the rules make it a product of the owner)
            if kind in W.set("brand_kind")
            else "Product"
        )
        out.append(ctx.mention(start, end, type_, "pattern:kind_then_product", 0.72))
        kind_starts.add(start)
        kind_ends.add(end)
        for s, e in _kind_list_next(ctx, name, end):  # 自研芯片禾芯一号和禾芯二号: more of that kind
            out.append(ctx.mention(s, e, type_, "pattern:kind_then_product", 0.7))
    for m in W.regex("kind_latin_product").finditer(text):
        name = m.group("name")
        if m.group("kind") in W.set("brand_kind"):
            continue  # 女装品牌Brandy Melville: a brand, named as its company is (kind_then_product)
        type_ = "Platform" if m.group("kind") in W.set("kind_then_platform") else "Product"
        if m.group("brand") is not None:
            # 首款MPV锋泰M9: a brand glued to a model code, not a word before a name (手机厂商Apple)
            brand = ctx.token_at(m.start("brand"))
            if (
                re.search(r"\d", name)
                and _brand_before(ctx, m.start("name")) == m.start("brand")
                and brand is not None
                and (brand.pos in NAME_POS or not ctx.known(brand.word))
            ):  # (新车包括Q3: a verb before the code, no brand)
                out.append(
                    ctx.mention(m.start("brand"), m.end("name"), "Product", "pattern:kind_product", 0.75)
                )
            continue
        if name.split()[0] in W.set("latin_kind_word") | W.set("latin_platform_word") | W.set(
            "latin_not_a_name"
        ):
            continue  # 平台App / 系统Android / 产品SaaS: a kind or another's platform, not this product's name
        if len(name) >= 3 and not name.isupper() or re.search(r"\d", name):
            out.append(ctx.mention(m.start("name"), m.end("name"), type_, "pattern:kind_product", 0.75))
    kinds = sorted(W.words("product_kind_noun"), key=len, reverse=True)
    for m in W.regex("kind_named_product").finditer(text):
        pstart, name = m.start("product"), m.group("name") or ""
        lead = next((k for k in kinds if name.startswith(k) and len(name) - len(k) >= 2), None)
        if lead:  # 的操作系统锋泰OS: the word for its kind, then the product's name
            pstart, name = pstart + len(lead), name[len(lead) :]
        first = ctx.token_at(pstart)
        if (
            name.startswith(DEMONSTRATIVES)
            or m.end("product")
            in kind_starts  # 的AI编程助手澜码: a description of the kind, the name after it
            or name in ctx.lexicon.non_entities
            or name in ctx.lexicon.names  # 豆包大模型: the known name is the product
            or W.regex("counted_kind").match(name)  # 发布了80多款手游
            or text[:pstart].endswith(
                W.words("category_counted_before")
            )  # 推出了一款在线教育App: a description
            or name in W.set("kind_modifier")  # 基座大模型: a kind, not a name
            or any(ch in name for ch in W.words("possessive"))
            or not ctx.is_boundary(pstart)
            or first is not None
            and first.pos[:1] in "vpcdumqrt"
            and ctx.known(first.word)
            or any(t.pos[:1] == "p" and ctx.known(t.word) for t in ctx.tokens_from(pstart, m.end("name")))
            or m.group("of") is not None
            and not _organisation_ends(ctx, m.start("of"))
            or m.group("device")
            is not None  # 青禾X9手机 / 锋泰7系列手机 / VR眼镜: the model is the name, or a kind
            and (name.endswith(W.words("model_series_end")) or re.search(r"[A-Za-z0-9]", name) is not None)
            or (m.group("of") is not None or m.group("device") is not None)
            and not any(
                t.pos in NAME_POS or not ctx.known(t.word) and t.pos[:1] not in "adv"
                for t in ctx.tokens_from(pstart, m.end("name"))
                if t.start >= pstart
            )
        ):
            continue  # 发布多款手游 / 推出自己的大模型 / 青禾云基于大模型: no name before the kind
        out.append(ctx.mention(pstart, m.end("product"), "Product", "pattern:kind_product", 0.75))
    for m in W.regex("under_banner_product").finditer(text):
        out.append(ctx.mention(m.start(1), m.end(1), "Product", "pattern:under_banner", 0.75))
    for m in W.regex("name_before_kind").finditer(text):  # 旗下禾乐品牌 / 的禾光产品 / 打造的禾聚平台
        start, end, name = m.start("name"), m.end("name"), m.group("name")
        tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
        if (
            name.startswith(DEMONSTRATIVES)
            or name in ctx.lexicon.names
            or name in ctx.lexicon.non_entities
            or name in W.set("kind_modifier") | W.set("series_generic_head")
            or not (ctx.is_boundary(start) and ctx.is_boundary(end))
            or ctx.opens_with_function_word(start, end)
            or m.group("of") is not None
            and not _organisation_ends(ctx, m.start("of"))
            or not any(t.pos in NAME_POS or not ctx.known(t.word) and t.pos[:1] not in "adv" for t in tokens)
            and not _coined(ctx, tokens)
        ):
            continue  # 的核心产品 / 旗下高端品牌: a kind, no name
        platform = m.group("kind") in W.set("kind_then_platform")
        out.append(
            ctx.mention(
                start,
                m.end("kind") if platform else end,
                "Platform" if platform else "Product",
                "pattern:name_before_kind",
                0.72,
            )
        )
    for m in W.regex("called_product").finditer(text):  # 两款产品，一款叫禾记，另一款叫禾历
        start, end = m.start("name"), m.end("name")
        if (
            m.group("name").startswith(DEMONSTRATIVES)
            or m.group("name") in ctx.lexicon.non_entities
            or not (ctx.is_boundary(start) and ctx.is_boundary(end))
            or ctx.opens_with_function_word(start, end)
        ):
            continue
        out.append(ctx.mention(start, end, "Product", "pattern:called_product", 0.72))
    for m in W.regex("han_series_product").finditer(text):  # 推出了禾风系列空调 / 涵盖禾光系列、禾影系列
        start, name = m.start("name"), m.group("name")
        tokens = [t for t in ctx.tokens_from(start, m.end("name")) if t.start >= start]
        if (
            not ctx.is_boundary(start)
            or name.startswith(DEMONSTRATIVES)
            or name in W.set("series_generic_head")
            or name in ctx.lexicon.names  # 阿里巴巴系列产品: a company's goods, no line's name
            or W.regex("counted_kind").match(name)
            or ctx.opens_with_function_word(start, m.end("name"))
            or not any(t.pos in NAME_POS or not ctx.known(t.word) and t.pos[:1] not in "adv" for t in tokens)
            and not _coined(ctx, tokens)
        ):
            continue  # 推出了一系列措施 / 的产品系列 / 经典系列: a kind of series, no name
        out.append(ctx.mention(start, m.end(), "Product", "pattern:han_series", 0.72))
    programme_end = re.compile(W.alt("programme_noun") + "$")
    for rx in (W.regex("launched_programme"), W.regex("quoted_programme")):
        for m in rx.finditer(text):
            name = m.group("name")
            head = programme_end.sub("", name)
            # (宣布委任工程|师: 工程 begins 工程师 here, no programme ends)
            if (
                len(head) < 2
                or head.startswith(DEMONSTRATIVES)
                or W.regex("programme_generic_head").match(head)  # 发布五年计划 / 举办创业大赛: no name
                or W.regex("launch").match(head)  # 宣布实施新项目: the second verb, no name
                or any(ch in name for ch in W.words("possessive"))
                or head in ctx.lexicon.non_entities
                or not ctx.is_boundary(m.end("name"))
                or ctx.opens_with_function_word(m.start("name"), m.end("name"))
            ):
                continue  # (宣布了新计划: 了 is the verb's, no name)
            out.append(ctx.mention(m.start("name"), m.end("name"), "Programme", "pattern:programme", 0.8))
    for m in W.regex("launched_quoted_product").finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if group == 1 and (
            not ctx.is_boundary(m.start())
            or W.regex("built_quote").match(text, m.start())
            and not W.regex("built_quote_named").match(text, m.end())
        ):
            continue  # a verb inside another word launches nothing; 打造“桥头堡”: a figure of speech, no product
        type_ = "Platform" if W.regex("platform_name_ending").search(name) else "Product"
        if name.endswith(W.words("programme_noun")) or name.endswith(W.words("document_word")):
            continue  # 发布《2023年报告》: a report, not a product
        if group == 2 and W.regex("named_company_after").match(text, m.end()):
            type_ = "Company"  # 投资了一家叫做“云栖”的芯片公司: the name of a company of that field
        out.append(ctx.mention(m.start(group), m.end(group), type_, "pattern:launched_product", 0.75))
    return out


def find_quoted_offerings(ctx: Context, anchors: list[Mention]) -> list[Mention]:
    """哔哩哔哩“大会员” / 网易“英雄盛典”: a short quoted name right after an organisation is an offering of it
    (a programme where its name says so); not a slogan's or a term's quotes (“…”一词, “…”的说法)."""
    out = []
    for a in anchors:
        if a.type not in ("Platform", "Company", "BusinessUnit"):
            continue
        m = W.regex("owner_quoted_offering").match(ctx.text, a.end)
        if not m:
            continue
        g = 1 if m.group(1) is not None else 2  # “…” or 「…」
        name = m.group(g)
        if name in ctx.lexicon.non_entities or name in ctx.lexicon.titles or name in ctx.lexicon.names:
            continue
        if any(ch in name for ch in W.words("possessive")):
            continue  # 锋泰“风口上的猪”: a phrase, a figure of speech, not a name
        tokens = ctx.tokens_from(m.start(g), m.end(g))
        if any(t.pos[:1] in "vpcdrum" and ctx.known(t.word) for t in tokens[:1]):
            continue  # 腾讯“连接一切”: a verb phrase, a slogan
        if any(t.pos[:1] in "dr" and ctx.known(t.word) for t in tokens[1:]):
            continue  # 锋泰汽车“前路这边更宽” / 青禾“品质永远第一”: an adverb or a pronoun inside, a clause, a slogan
        if tokens and (
            tokens[-1].pos in ("v", "vn")
            and ctx.known(tokens[-1].word)
            or len(tokens) == 1
            and ctx.known(name)
        ):
            continue  # 合鲸资本“资源性投资” / X“完美”: an activity or a common word, not a name
        if W.regex("date").search(name) or name in W.set("shopping_festival"):
            continue  # 天猫“双11”: a date
        if name.endswith(W.words("person_kind")) or ctx.name_end(m.end()) is not None:
            continue  # 锋泰药业的“核心人物” / 锋泰电器“铁娘子”王芳: a word for a person, an epithet, not an offering
        if W.regex("concept_quote").search(name):
            continue  # 锋泰“最大印钞机” / 青禾“国潮元素”: a figure of speech or an idea
        type_ = "Programme" if name.endswith(W.words("programme_noun")) else "Product"
        out.append(ctx.mention(m.start(g), m.end(g), type_, "pattern:owner_quoted", 0.7))
    return out


def find_glossed_products(ctx: Context, anchors: list[Mention]) -> list[Mention]:
    """快手小黄车（购物车）: a short name right after a platform or company, explained in brackets."""
    text, out = ctx.text, []
    for a in anchors:
        if a.type not in ("Platform", "Company", "BusinessUnit"):
            continue
        m = W.regex("glossed_product").match(text, a.end)
        if not m or m.group(1) in ctx.lexicon.non_entities or m.group(1) in ctx.lexicon.titles:
            continue
        title = ctx.lexicon.title_pattern.match(m.group(1))
        if title:  # 天猫总裁家洛(左一): a title and a person's (nick)name, glossed with where they stand
            name_start = m.start(1) + title.end()
            if 2 <= m.end(1) - name_start <= 3 and re.fullmatch(rf"[{HAN}]+", text[name_start : m.end(1)]):
                out.append(ctx.mention(name_start, m.end(1), "Person", "pattern:title_person", 0.7))
            continue
        first = ctx.token_at(m.start(1))
        if first and first.pos[:1] in "vpcdum" and ctx.known(first.word):
            continue  # 小米超过百度(809亿美元): a verb, not a product's name
        if W.regex("pinyin_gloss").fullmatch(m.group(2)):
            continue  # 青禾重(chóng)启: the reading of a character in brackets, not a gloss of a name
        if re.match(r"[\d.]", m.group(2)) or m.group(1) in W.set("partnership_form"):
            continue  # a figure in the brackets; 合伙企业(有限合伙): a legal form
        out.append(ctx.mention(m.start(1), m.end(1), "Product", "pattern:glossed_product", 0.7))
    return out


def find_branches(ctx: Context, anchors: list[Mention]) -> list[Mention]:
    """招行广州分行 / 中国电信武汉分公司 / 工商银行总行: a company's name, the place a branch serves, and the word for
    a branch name the branch, a company of its own (CLUENER2020 labels it so; it is registered as one); so do a
    place and a bank's short name (福建中行)."""
    text, out = ctx.text, []
    places = {m.start: m for m in anchors if m.type == "Place"}
    for a in anchors:
        if a.type != "Company":
            continue
        m = W.regex("branch").match(text, a.end)
        if not m:
            continue
        between = m.group("place")
        place = places.get(a.end)
        if between and not (place and place.end == m.end("place")):
            continue  # only a place may stand between the name and the branch word
        out.append(ctx.mention(a.start, m.end(), "Company", "pattern:branch", 0.85))
    ends = {m.end: m for m in anchors if m.type == "Place"}
    for a in anchors:  # 福建中行 / 广东农行: a province's or city's branch of a bank, named by its short name
        place = ends.get(a.start)
        if (
            a.type == "Company"
            and place
            and a.source == "lexicon"
            and a.text.endswith(W.words("bank_short_end"))
        ):
            out.append(ctx.mention(place.start, a.end, "Company", "pattern:branch", 0.85))
    return out


# --- places and dates ---------------------------------------------------------------------------
def find_places(ctx: Context) -> list[Mention]:
    """Administrative names the segmenter tags as places and that end in 省/市/县/区/镇."""
    out = []
    for tok in ctx.tokens:
        if tok.pos == "ns" and len(tok.word) >= 2 and tok.word not in ctx.lexicon.names:
            nxt = ctx.text[tok.end : tok.end + 1]
            after = ctx.token_at(tok.end)
            if nxt and nxt in W.set("admin_suffix") and (after is None or after.end == tok.end + 1):
                # 美洲市场: 市 begins 市场 there, and 美洲市 is no place
                out.append(ctx.mention(tok.start, tok.end + 1, "Place", "pattern:admin_place", 0.75))
    for m in W.regex("county_before_office").finditer(ctx.text):
        start = m.start("name")
        if ctx.text[start] in W.set("county_name_not_a_name") or ctx.text[start + 1] in W.set(
            "county_name_not_a_name"
        ):
            continue  # 该县县长 / 永仁县 after 和: a word that points at a county, or one glued before its name
        province = m.group("province")
        if province and _a_known_place(ctx, province[:-1]):
            start = m.start("province")  # 江西省崇义县副县长: the province opens the county's full name
        out.append(ctx.mention(start, m.end("name"), "Place", "pattern:admin_place", 0.75))
    return out


def find_government_departments(ctx: Context) -> list[Mention]:
    """湖南省发改委 / 宁波市住房和城乡建设局: a place, its administrative suffix and one of the standard names of
    a local government's departments (vocabulary government_department) are one government body, 和 and all. The
    place is one the lexicon knows or the segmenter tags as a place."""
    out = []
    text = ctx.text
    for m in W.regex("government_department").finditer(text):
        s = m.start()
        if not s or text[s - 1] not in W.set("admin_suffix"):
            continue  # 发改委表示: no place names the department, the lexicon's national body may
        for k in (4, 3, 2):
            b = s - 1 - k
            if b < 0:
                continue
            entry = ctx.lexicon.names.get(text[b : s - 1])
            tok = ctx.token_at(b)
            if (
                entry is not None
                and entry.types[0] == "Place"
                or tok is not None
                and tok.start == b
                and tok.end == s - 1
                and tok.pos == "ns"
            ):
                out.append(ctx.mention(b, m.end(), "GovernmentOrganization", "pattern:registered_name", 0.85))
                break
    return out


def find_ministry_departments(ctx: Context) -> list[Mention]:
    """商务部外资司 / 教育部职业教育司 / 工信部新闻办: a department's name right after a ministry the lexicon knows is a
    government body of its own (the department a person heads or speaks for)."""
    out: list[Mention] = []
    text = ctx.text
    department = W.regex("ministry_department")
    ends = W.set("ministry_end")
    if not any(department.match(text, i + 1) for ch in ends for i in occurrences(text, ch)):
        return out  # no department's name after a ministry's last character: the lexicon's scan is not needed
    for start, end in ctx.lexicon.name_spans(text):
        entry = ctx.lexicon.names.get(text[start:end])
        if (
            entry is None
            or entry.types[0] != "GovernmentOrganization"
            or text[end - 1] not in W.set("ministry_end")
        ):
            continue
        m = W.regex("ministry_department").match(text, end)
        if (
            m is None
            or not ctx.is_boundary(m.end())
            or W.regex("ministry_department_not_a_name").search(m.group("dept"))
            or any(t.pos[:1] in "pcud" for t in ctx.tokens_from(end, m.end()) if t.start >= end)
        ):  # (商务部对|公司…: a preposition after the ministry opens a clause; 对外|合作|司 is a department)
            continue
        out.append(ctx.mention(start, m.end(), "GovernmentOrganization", "pattern:registered_name", 0.85))
    return out


def find_flagged_stock_names(ctx: Context) -> list[Mention]:
    """*ST宏盛 / ST银广夏: a listed company's short name after the exchange's risk flag. The flag is a trading
    status, the name (two or three characters, as short names are) the company's."""
    out = []
    for m in W.regex("stock_flag").finditer(ctx.text):
        start = m.end()
        name = re.match(rf"[{HAN}]{{2,3}}", ctx.text[start : start + 3])
        if name is None:
            continue
        end = start + len(name.group())
        if end - start == 3 and (ctx.text[end - 1] in W.set("flagged_name_stop") or not ctx.is_boundary(end)):
            end -= 1
        out.append(ctx.mention(start, end, "Company", "pattern:stock_flag", 0.85))
    return out


def find_glossed_names(ctx: Context) -> list[Mention]:
    """易安信(EMC) / 国际商业机器(IBM): a Chinese name right before a known organisation's Latin name in brackets is
    another name of it (same type, same entity)."""
    out = []
    for m in W.regex("latin_gloss_of_known").finditer(ctx.text):
        entry = ctx.lexicon.names.get(m.group("latin").strip())
        at = m.start()
        if entry is None or entry.types[0] not in ORG_TYPES or not at:
            continue
        start = at
        for tok in reversed(ctx.tokens_from(max(0, at - 8), at)):
            if (
                tok.end > at
                or not re.fullmatch(rf"[{HAN}]+", tok.word)
                or tok.pos[:1] in "pcurdvmqft"
                or tok.word in W.set("kind_noun")
                or tok.word in W.set("descriptor_noun")
                or at - tok.start > 8
            ):
                break
            # 国际商业机器(IBM): the words before the bracket, back to a function word or a kind
            start = tok.start
        if at - start < 2:
            continue
        name = ctx.text[start:at]
        if name in ctx.lexicon.non_entities or name in ctx.lexicon.names or kind_of_company(ctx, name):
            continue
        out.append(
            ctx.mention(
                start, at, entry.types[0], "pattern:glossed_name", 0.8, key=entry.canonical, types=entry.types
            )
        )
    return out


def find_coded_names(ctx: Context) -> list[Mention]:
    """力成(6239) / 青禾电子(300999) / 锋泰(00981.HK): a name right before a listed company's code in brackets is
    that company's, whatever its words (a year in brackets is no code: 报告(2023))."""
    out = []
    for m in W.regex("stock_code").finditer(ctx.text):
        at = m.start()
        if at and ctx.text[at - 1] in " \u3000":
            at -= 1
        if not at or not re.match(rf"[{HAN}A-Za-z]", ctx.text[at - 1]):
            continue
        start, tokens = _name_prefix(ctx, at)
        if start is None:
            tok = ctx.tokens[ctx.token_index(at - 1)]
            opens = tok.start == 0 or not re.match(rf"[{HAN}A-Za-z0-9]", ctx.text[tok.start - 1])
            if (
                tok.end != at
                or ctx.known(tok.word)
                and not opens  # (，长实(0001): a word the segmenter knows, alone before the code, is the name)
                or not re.fullmatch(rf"[{HAN}]{{2,4}}", tok.word)
            ):
                continue
            start = tok.start  # 参股|力成: a word the segmenter does not know, the short name
        dateline = W.regex("dateline_before_name").match(ctx.text, start, at)
        if dateline:
            start = dateline.end()  # 北京3月2日讯青禾电子(000999.SZ): the dateline, then the name
        if at - start < 2 or ctx.text[start:at] in ctx.lexicon.non_entities:
            continue
        out.append(ctx.mention(start, at, "Company", "pattern:stock_code", 0.85))
    return out


def find_country_abbreviations(ctx: Context) -> list[Mention]:
    """中美关系 / 日俄首脑 / 在美上市 / 驻华大使 / 中方: one character for a country, in a pair of them before what
    they share, after a verb of visiting, posting or listing, or before 方 (side). To the segmenter the character
    begins a word that is the pair or the phrase (中美关系, 中方), stands alone (在|美|上市) or ends the verb's word
    (访华, 驻华大使); never the first character of another word (对华为的制裁, 在日常, 对美元, 其中美国)."""
    full = W.map("country_abbreviation")
    pair = W.regex("country_pair")
    out = []
    for word in ctx.tokens:
        m = pair.match(ctx.text, word.start) if word.word[:1] in full else None
        if m:
            out += [_abbreviated(ctx, i, full) for i in range(*m.span("run"))]
    for m in W.regex("country_after_verb").finditer(ctx.text):
        group = "abbr" if m.group("abbr") else "side"
        i = m.start(group)
        tok = ctx.tokens[ctx.token_index(i)] if ctx.tokens else None
        if tok is None or not tok.start <= i < tok.end:
            continue
        if group == "abbr" and (tok.start == i - 1 or tok.start == i and tok.end == i + 1):
            out.append(_abbreviated(ctx, i, full))
        elif group == "side" and tok.start == i and (tok.end == i + 2 or ctx.is_boundary(i + 2)):
            out.append(_abbreviated(ctx, i, full))
    return out


def _abbreviated(ctx: Context, i: int, full: dict[str, str]) -> Mention:
    return ctx.mention(i, i + 1, "Place", "pattern:country_abbreviation", 0.8, key=full[ctx.text[i]])


def find_dates(ctx: Context) -> list[Mention]:
    out = []
    for m in W.regex("date").finditer(ctx.text):
        surface = m.group()
        if surface in W.set("relative_year") and not ctx.doc.date:
            continue  # a bare relative year means nothing without the article's date
        key = "".join(surface.split())  # 2019 年 9 月 30 日 is 2019年9月30日
        out.append(ctx.mention(m.start(), m.end(), "Date", "pattern:date", 0.9, key=key))
    return out


def find_abbreviations(ctx: Context, found: list[Mention]) -> list[tuple[Mention, Mention]]:
    """深圳云帆机器人科技有限公司（以下简称“云帆机器人”）: the short name is a mention of the same thing."""
    ends = {m.end: m for m in found}
    pairs = []
    for m in W.regex("abbreviation").finditer(ctx.text):
        full = ends.get(m.start())
        if full is None or full.type in ("Date", "Place"):
            continue
        # 简称“X” or a Latin acronym in brackets, or a short name without them (…，简称X，)
        group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
        if m.group(group) in ctx.lexicon.non_entities:
            continue  # （简称“公司”）: the document's word for the company, not a name
        if full.type == "Person" and m.group(group) in ctx.lexicon.titles:
            continue  # 王明（CEO）: a title in brackets after a name is the person's post, not a short name
        entry = ctx.lexicon.names.get(m.group(group))
        short = ctx.mention(
            m.start(group),
            m.end(group),
            full.type,
            "pattern:abbreviation",
            min(1.0, full.score + 0.01),  # above the lexicon's mention of the short name: the text defines it
            key=entry.canonical if entry else None,
            types=full.types,
        )
        pairs.append((full, short))
    return pairs


def find_listed_parties(ctx: Context) -> list[Mention]:
    """青禾科技的合作伙伴包括锋泰股份、远澜电子等 / 投资了数家创业公司，包括澄湖智能、… / 股东包括…: the items of a
    list that names an organisation's partners, investees or shareholders are organisations, whatever their words."""
    out = []
    for _intro, _item, start, end in _list_items(ctx, "party_list_intro", "party_list_item", 1):
        name = ctx.text[start:end]
        if (
            ctx.is_boundary(end)
            and _name_like(ctx, name, start)
            and not kind_of_company(ctx, name)
            and not W.regex("party_list_not_a_name").search(name)
            and name not in ctx.lexicon.titles
        ):
            out.append(ctx.mention(start, end, "Company", "pattern:listed_party", 0.7))
    return out


def find_counted_list_orgs(ctx: Context) -> list[Mention]:
    """锋泰清洁、青禾驭新、智澜储能等10家公司: the names a count of companies closes are companies, whatever their
    words (the first begins where a clause's verb before it ends)."""
    out = []
    for m in W.regex("counted_company_list").finditer(ctx.text):
        start = m.start("items")
        for k, item in enumerate(m.group("items").split(next(iter(W.set("name_list_mark"))))):
            end = start + len(item)
            first: int | None = _counted_list_first(ctx, start, end) if k == 0 else start
            name = ctx.text[first:end] if first is not None else ""
            if (
                first is not None
                and end - first >= 2
                and ctx.is_boundary(first)
                and ctx.is_boundary(end)
                and _name_like(ctx, name, first)
                and not kind_of_company(ctx, name)
                and name not in ctx.lexicon.titles
                and not _a_known_place(ctx, name)
                and not W.regex("date").search(name)
            ):
                out.append(ctx.mention(first, end, "Company", "pattern:counted_list", 0.7))
            start = end + 1
    return out


def _counted_list_first(ctx: Context, start: int, end: int) -> int | None:
    """Where the first name of a counted list begins: after the punctuation before it, or after a word that opens
    a list (显示|锋泰清洁 / 包括|锋泰消金); None where neither is found (曾任职于锋泰会计师事务所: a clause whose
    name the list's eight characters may cut)."""
    opened = start == 0 or not re.match(rf"[{HAN}A-Za-z0-9]", ctx.text[start - 1])
    after = [
        t.end
        for t in ctx.tokens_from(start, end)
        if t.start >= start
        and t.word in W.set("list_opener")
        and end - t.end >= 2
        and (not opened or len(t.word) >= 2)
    ]
    if opened:
        return (
            after[-1] if after else start
        )  # 。举牌涉及|锋泰人寿: a clause opens the sentence, its verb the list
    return after[-1] if after else None  # (共有|包括|锋信消金: the last of them)


def find_round_investors(ctx: Context) -> list[Mention]:
    """本轮融资由甲资本领投，乙基金、丙资本和丁投资跟投: the names listed right before their part in a round are
    investors, whatever their words (what the recogniser already knows is kept as it is)."""
    out = []
    for m in W.regex("round_investor_list").finditer(ctx.text):
        start, end = m.span("list")
        pos = start
        # a separator begins at a word boundary (复朴投资|与曦|晨资本: the segmenter may glue 与 to the next name)
        separators = W.regex("round_investor_separator").finditer(ctx.text, start, end)
        cuts = [(s.start(), s.end()) for s in separators if ctx.is_boundary(s.start())]
        for a, b in [*cuts, (end, end)]:
            item_start, item_end = pos, a
            pos = b
            name = ctx.text[item_start:item_end]
            if not 2 <= len(name) <= 14 or not ctx.is_boundary(item_end):
                continue
            tokens = [t for t in ctx.tokens_from(item_start, item_end) if t.start >= item_start]
            # (the list's first item begins where the pattern says, even where the segmenter glued 由 to it)
            if (
                not _name_like(ctx, name, item_start, at_boundary=item_start != start)
                or W.regex("round_investor_not_a_name").search(name)
                or kind_of_company(ctx, name)
                or _generic_investor(ctx, name)
                or name in ctx.lexicon.titles
                or ctx.lexicon.title_pattern.search(name)
                or name.isdigit()
                or tokens
                and tokens[0].pos[:1] in "vpcdrumqft"
                and ctx.known(tokens[0].word)
                and not _verb_named_fund(tokens)
                or any(
                    t.pos[:1] in "vpdu"
                    and t.pos != "vn"
                    and ctx.known(t.word)
                    and not _verb_named_fund(tokens)
                    for t in tokens
                )
                or all(t.pos.startswith("nr") for t in tokens)  # a person's own money: left to the tagger
            ):
                continue
            out.append(ctx.mention(item_start, item_end, "Company", "pattern:round_investor", 0.7))
    return out


def find_listed_investors(ctx: Context) -> list[Mention]:
    """跟投方包括远望资本、North Harbor Ventures、QRT等: a name in Latin letters listed among a round's investors is an
    investor, blanks and all (the other items are left to the recognisers that know Chinese names)."""
    return [
        ctx.mention(start, end, "Company", "pattern:listed_investor", 0.7)
        for _, item, start, end in _list_items(ctx, "investor_list_intro", "investor_list_item", "name")
        if _LATIN_NAME.fullmatch(item.group("name"))
    ]


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z][A-Za-z0-9&.\-]*)*")


def _verb_named_fund(tokens: list[Token]) -> bool:
    """点亮全球基金 / 启明创投: a fund's name may open with a verb, where a word of its own stands between the verb
    and the fund's suffix."""
    return (
        len(tokens) >= 3
        and tokens[-1].word in W.set("investor_suffix")
        and tokens[0].pos[:1] == "v"
        and all(t.pos[:1] not in "vpdu" or t.pos == "vn" for t in tokens[1:])
    )


def _generic_investor(ctx: Context, name: str) -> bool:
    """社会资本 / 产业基金: a generic word before an organisation suffix names a kind of investor, not one."""
    m = _suffix_at_end(ctx.lexicon.org_suffixes).search(name)
    return m is not None and (m.start() == 0 or name[: m.start()] in W.set("generic_investor_head"))


def _list_items(ctx: Context, intro_name: str, item_name: str, group: int | str):
    """Each item of the lists that ``intro_name`` opens, read with ``item_name`` (whose group ``sep`` says the list
    goes on): (the intro's match, the item's match, the item's start and end)."""
    for intro in W.regex(intro_name).finditer(ctx.text):
        pos = intro.end()
        while (item := W.regex(item_name).match(ctx.text, pos)) is not None:
            yield intro, item, item.start(group), item.end(group)
            pos = item.end()
            if not item.group("sep"):
                break


def find_listed_products(ctx: Context) -> list[Mention]:
    """其主要产品为米家空气净化器、…，以及自有品牌小瓦智能台灯: the items of a list of an
    organisation's products are products where they carry a name (a word the segmenter does not know, a known
    brand, Latin letters or digits, or a brand word before them), not where they name a kind (高压连接器)."""
    out = []
    kb = load_kb()
    for intro, item, start, end in _list_items(ctx, "product_list_intro", "product_list_item", "name"):
        name = ctx.text[start:end]
        # 这三款App分别为A、B: the count says each is one; 旗下拥有A、B等品牌: each is a brand
        counted = intro.group("counted") is not None or intro.group("branded") is not None
        tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
        named = (
            counted
            or item.group("brand") is not None
            or re.search(r"[A-Za-z0-9]", name) is not None
            or any(
                not ctx.known(t.word) and t.pos[:1] not in "vad" or t.pos in NAME_POS and t.pos != "ns"
                for t in tokens
            )
            # (充换电连接器: a verb the segmenter guessed names no brand)
            or any(
                name[:n] in kb.by_name or name[:n] in ctx.lexicon.names for n in range(2, min(7, len(name)))
            )
        )  # (米家空气净化器: a known brand begins it)
        if (
            named
            and (ctx.is_boundary(end) or counted)  # (多乐|和: glued by the segmenter)
            and (not name.startswith(DEMONSTRATIVES) or counted)
            and not any(ch in name for ch in W.words("possessive"))
            and name not in ctx.lexicon.non_entities
            and name not in ctx.lexicon.names
        ):  # (为米家…: the segmenter may glue the intro's last character to the first item)
            out.append(ctx.mention(start, end, "Product", "pattern:listed_product", 0.75))
    out.extend(_counted_list_products(ctx))
    return out


def find_listed_platforms(ctx: Context) -> list[Mention]:
    """抖音、快手、青禾直播、星澜TV等各大直播平台: after a known name, the items of a list closed by 等…平台 are platforms
    where they carry a name (a word the segmenter does not know, Latin letters or digits); the first item is left
    alone (where it starts is not known) and a list without a known name names no platforms."""
    out = []
    kb = load_kb()
    for m in W.regex("platform_list").finditer(ctx.text):
        items = _item_spans(ctx, m, "items")
        names = [ctx.text[s:e] for s, e in items]
        if not any(n in ctx.lexicon.names or n in kb.by_name for n in names[1:]):
            continue
        for (start, end), name in zip(items[1:], names[1:], strict=True):
            if name in ctx.lexicon.names or name in kb.by_name or name in ctx.lexicon.non_entities:
                continue
            tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
            if (
                not ctx.is_boundary(start)
                or not ctx.is_boundary(end)
                or any(t.word in ctx.lexicon.names for t in tokens)
                or any(ch in name for ch in W.words("possessive"))
            ):
                continue  # (腾讯旗下微信: a phrase around a known name, which is found on its own)
            if re.search(r"[A-Za-z0-9]", name) or any(
                not ctx.known(t.word) and t.pos[:1] not in "vad" or t.pos in NAME_POS and t.pos != "ns"
                for t in tokens
            ):
                out.append(ctx.mention(start, end, "Platform", "pattern:listed_platform", 0.72))
    return out


def _counted_list_products(ctx: Context) -> list[Mention]:
    """推出了禾光、禾影和禾声三款产品: the items of a list closed by a count of its kind are products where the count is
    the number of items (or at least that, after 等) and each item is a name, not a kind (手机和平板两款产品)."""
    out: list[Mention] = []
    for m in W.regex("counted_product_list").finditer(ctx.text):
        count = m.group("count")
        try:
            wanted = (
                int(count)
                if count.isdigit()
                else len(m.group("items"))  # 等多款: as many as there are, or more (等 says so)
                if count in W.set("vague_count")
                else parse_chinese_integer(count)
            )
        except ValueError:
            continue
        items = _item_spans(ctx, m, "items")
        if len(items) > wanted or len(items) < wanted and not m.group("more"):
            continue  # (A和B三款: the list is longer than it reads, its first item not found)
        names = [(s, e) for s, e in items if _listed_name(ctx, s, e)]
        if len(names) != len(items):
            continue  # 手机和平板两款产品: kinds, no names
        out.extend(ctx.mention(s, e, "Product", "pattern:listed_product", 0.72) for s, e in names)
    return out


def _item_spans(ctx: Context, m: re.Match[str], group: str) -> list[tuple[int, int]]:
    """The spans of the items of a list the match's group holds, parted by 、 / 和 / 及 / 与 / 以及."""
    split = W.regex("counted_list_item_split")
    pos, items = m.start(group), []
    for part in split.split(m.group(group)):
        items.append((pos, pos + len(part)))
        pos += len(part)
        sep = split.match(ctx.text, pos)
        pos = sep.end() if sep else pos
    return items


def _listed_name(ctx: Context, start: int, end: int) -> bool:
    """An item of a counted list is a name: Latin letters or digits, a known name, a word the dictionary lacks or
    characters it knows no word of (揽|月); not a word for a kind (手机)."""
    name = ctx.text[start:end].strip()
    if (
        len(name) < 2
        or not ctx.is_boundary(start)
        or not ctx.is_boundary(end)
        or name.startswith(DEMONSTRATIVES)
        or any(ch in name for ch in W.words("possessive"))
        or name in ctx.lexicon.non_entities
        or _function_word_at(ctx, start)
        or any(w in name for w in W.words("counted_item_stop"))
    ):
        return False
    if re.search(r"[A-Za-z0-9]", name) or name in ctx.lexicon.names:
        return True
    tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
    return (
        any(t.pos in NAME_POS for t in tokens)
        or _coined(ctx, tokens)
        or len(tokens) >= 2
        and all(len(t.word) == 1 for t in tokens)  # 揽|月: characters the dictionary knows no word of
    )


def find_founded_orgs(ctx: Context) -> list[Mention]:
    """王明创办的正泓创新，… / 李强创办的智能乐器品牌QingheLive已获…: what a person founded, named right after 创办的, is an
    organisation (a Latin name after a description of what it makes is the name)."""
    out = []
    for m in W.regex("founded_org_name").finditer(ctx.text):
        start, end = m.span("name")
        latin = re.search(r"[A-Za-z][A-Za-z0-9]+$", m.group("name"))
        if latin and latin.start() > 0:
            start += latin.start()  # 智能乐器品牌QingheLive: what it makes, then its name
        verb = next(
            (
                t
                for t in ctx.tokens_from(start, end)
                if t.start >= start + 2 and t.pos == "v" and ctx.known(t.word)
            ),
            None,
        )
        if verb is not None and ctx.text.endswith(ctx.lexicon.suffix_words, start, verb.start):
            # 由王明创立的青禾科技发布新品: the name (its suffix) ends where the clause's verb begins
            end = verb.start
        name = ctx.text[start:end]
        tokens = ctx.tokens_from(start, end)
        if (
            len(name) < 2
            or not ctx.is_boundary(end)
            or not _name_like(ctx, name, start)
            and not latin
            or kind_of_company(ctx, name)
            or any(t.pos[:1] in "pcudrtmqf" and ctx.known(t.word) for t in tokens if t.start >= start)
            or W.regex("time_phrase_name").search(name)  # 创办的第二年: a time, not what was founded
            or any(name[:k] in ctx.lexicon.names for k in range(2, len(name) + 1))  # 创立的腾讯发布财报
        ):
            continue
        out.append(ctx.mention(start, end, "Company", "pattern:founded_org", 0.7))
    return out


def find_introduced_orgs(ctx: Context) -> list[Mention]:
    """星海游戏成立于2014年 / X总部位于成都 / 青禾在抖音开启直播: a name that is founded, headquartered or sells on
    a platform is an organisation."""
    out = []
    company = W.words("company_word")[0]
    found = [(m, False) for m in W.regex("introduced_org").finditer(ctx.text)]
    found += [(m, True) for m in W.regex("seller_on_platform").finditer(ctx.text)]
    for m in W.regex("voiced_org").finditer(ctx.text):  # 深空智驾方面表示 / 记者从蓝鲸出行获悉
        group = next(g for g, v in m.groupdict().items() if v)
        if group == "glossed" and (
            not m.group("glossed").startswith(m.group("short"))
            or not m.group("glossed").isascii()
            and re.search("[A-Za-z0-9]$", m.group("glossed"))
        ):
            continue  # 星海视界（以下简称“星海”）: shortened to its own beginning, as a company's name is (星海App and
            # 星海S7, Chinese and then Latin letters, are an app's or a model's)
        if group == "figure" and (
            W.regex("figure_modifier").search(m.group(group))
            or W.regex("round_stage").search(m.group(group))
            or W.regex("date").search(m.group(group))
        ):
            continue  # 禾连健康投后估值 / 天使轮估值 / 2019年度的净利润: a modifier of the figure, a round or a date
        if group == "headed" and not ctx.name_end(m.end()):
            continue  # 星海视界的创始人王明: a person's name follows the title
        if _voiced_name(ctx, m.start(group), m.end(group)):
            out.append(ctx.mention(m.start(group), m.end(group), "Company", "pattern:voiced_org", 0.7))
    for m, seller in found:
        end = m.end(1)
        if seller and ctx.lexicon.title_pattern.search(m.group(1)):
            continue  # 主播李佳琦在淘宝直播带货: a streamer, a person with a role, not a brand
        if seller and W.regex("list_word_in_name").search(m.group(1)):
            continue  # 李强等多家天猫直播间: the end of a list, not a name
        start, generic_tail = m.start(1), False
        if (
            ctx.text.startswith(company, end)
            and ctx.text[end - 1] in W.set("own_company_marker")
            and end - start >= 3
            and not ctx.known(ctx.text[end - 2 : end])
        ):
            end -= 1  # 锋泰装饰该公司成立于: the name, then 该公司 ("this company") that restates it
        elif ctx.text.startswith(company, end) and m.group(1).endswith(W.words("legal_form_head")):
            # 国华人寿保险股份有限公司成立于: 公司 ends the registered name here, it is not a generic noun
            end += len(company)
        elif (
            ctx.text.startswith(company, end)
            and m.group(1) not in ctx.lexicon.names
            and not load_kb().org(m.group(1))
            and not ctx.text[end - 1].isdigit()
        ):
            # 星海游戏公司成立于 / QXT公司成立于: the name is written with 公司, which the mention covers; the
            # entity is named without the generic noun (a known name, 小米公司, is the lexicon's)
            generic_tail, end = True, end + len(company)
        for cut in W.regex("introduced_name_cut").finditer(ctx.text[start:end]):
            if cut.group("tail"):  # 循环智能是一家…成立于: the name ends before 是一家
                end = start + cut.start()
            elif end - (start + cut.end()) >= 2:  # AI创业公司月之暗面: the descriptor is not part of it
                start += cut.end()
        if "".join(W.set("possessive")) in ctx.text[m.start(1) : end] and W.regex(
            "introduced_kind_act"
        ).match(ctx.text, m.end(1)):
            continue  # 京东给人的印象是一家…公司: what something is said to be, not a name that is a company
        start += _list_number_glued(ctx, start, end)
        name = ctx.text[start:end]
        if len(name) < 2:
            continue  # …，是一家总部位于…: the cut leaves no name before 是一家
        if name.endswith(W.words("honorific")):
            continue  # 林海先生创立于1998年: a person, with the honorific after the name, founded something
        known_tail = next((k for k in range(1, len(name) - 1) if name[k:] in ctx.lexicon.names), None)
        if known_tail is not None and ctx.known(name[:known_tail]):
            continue  # 出资方青禾资本于2015年创立: a role, then a known name (which stands alone)
        if len(name) > _INTRODUCED_NAME_MAX:
            continue  # 今年以来国内已有多家机器人企业完成: a clause, where no descriptor ends before a name
        tokens = ctx.tokens_from(start, end)
        if tokens and (tokens[0].pos[:1] in "pcrdu" or any(t.pos[:1] == "t" for t in tokens)):
            continue  # 在当天宣布获…投资: a preposition or a time word, not a name
        if tokens and tokens[-1].pos[:1] == "c":
            continue  # 甲骨文、银湖资本以及总部位于…的MGX: a list's conjunction ends no name
        founded = (
            W.regex("founded_after_name").match(ctx.text, end)
            and len(name) <= 5
            and (start == 0 or ctx.text[start - 1] in W.set("sentence_end_or_list"))
        )  # 星说成立于2019年 / 锋泰网成立于: a short name opening a sentence may read as words ending in a verb
        if founded and len(tokens) == 1 and ctx.known(tokens[0].word) and tokens[0].pos[:1] in "vdcpra":
            continue  # 据说成立于: one word of the dictionary, a verb or an adverb, is no name
        if (
            not founded
            and tokens
            and tokens[-1].pos == "v"
            and ctx.known(tokens[-1].word)
            and tokens[-1].word not in ctx.lexicon.names
        ):
            continue  # 投资者包括…总部位于: a clause ending in a verb, not a name
        if reads_as_a_clause(ctx, start, end):
            continue  # 智元机器人在两年内完成…: a clause, not a name
        if W.regex("round_stage").search(name) or W.regex("amount_in_name").search(name):
            continue  # A轮获3.1亿元融资 / A、B轮共获得 / 40家企业获得融资: a round or a count, not a company
        if tokens and (
            tokens[0].pos[:1] == "v"
            and ctx.known(tokens[0].word)
            and not founded
            or tokens[-1].pos[:1] == "d"
        ):
            continue  # 宣布新获…融资: a verb and an adverb, not a name
        described = W.regex("one_of_a_kind").match(name)
        if (
            described
            and (entry := ctx.lexicon.names.get(described.group("place")))
            and "Place" in entry.types
        ):
            continue  # 浙江一茶企: a tea company in Shandong, not a name
        if _name_like(ctx, name, start) and not W.regex("date").search(name):
            # (华为于1987年成立于深圳: the name stops before the date)
            if seller and ctx.name_end(start) == end and name not in ctx.lexicon.names:
                out.append(ctx.mention(start, end, "Person", "pattern:streamer", 0.7))  # 林舟抖音直播间
            else:
                key = name[: -len(company)] if generic_tail and name.endswith(company) else None
                out.append(ctx.mention(start, end, "Company", "pattern:introduced_org", 0.7, key=key))
    return out


def _list_number_glued(ctx: Context, start: int, end: int) -> int:
    """How many digits open the span as an item's number run into the name (a list whose marks were lost: 2青禾娱乐成立于
    …，青禾音乐…): one or two digits at the start of the text or of a sentence or an item, before a Chinese name whose
    beginning the text writes elsewhere without them. A name that begins with a number (58同城, 37互娱) is written
    so each time; 0 where the digits are the name's."""
    text = ctx.text
    digits = re.match(rf"\d{{1,2}}(?=[{HAN}])", text[start:end])
    if digits is None or start and text[start - 1] not in W.set("sentence_end_or_list"):
        return 0
    cut = start + digits.end()
    if end - cut < 2 or text[start:end] in ctx.lexicon.names or load_kb().org(text[start:end]):
        return 0
    head = text[cut : cut + 2]
    again = any(p != cut and not text[p - 1 : p].isdigit() for p in occurrences(text, head))
    return digits.end() if again else 0


def _voiced_name(ctx: Context, start: int, end: int) -> bool:
    """The name before a company's voice (方面表示 / 负责人介绍 / 官方微博称) or after 从 before 获悉 is one: not a
    person's name (王菲方面回应), not one word of the dictionary (公司相关负责人), not a place (美国方面表示), no
    function word, nor a time, number or verb of two characters inside (多个渠道; 泓|岸: one character, the name's),
    not a department (市场监管部门), and not made of dictionary
    words alone unless the segmenter broke it into single characters (深|空智|驾: an unknown name)."""
    name = ctx.text[start:end]
    tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
    if (
        not tokens
        or ctx.name_end(start) == end
        or ctx.known(name)
        and name not in ctx.lexicon.names
        or name in ctx.lexicon.non_entities
        or _a_known_place(ctx, name)
        or not _name_like(ctx, name, start, at_boundary=False)
        or ctx.lexicon.title_pattern.search(name)
        or kind_of_company(ctx, name)
        or W.regex("department_end").search(name)
        or name[0] in _FUNCTION_CHARS
        or name.startswith(tuple(W.set("copula")))
        or _short_of_registered(ctx, name)
        or W.regex("date").search(name)
        or re.search(r"\d", name)
        and not re.search("[A-Za-z]", name)
        or any(t.word in W.set("descriptor_noun") or t.word in W.set("company_kind_head") for t in tokens)
        or name[-1] in W.set("government_name_end")
        or any(_suffix_at_end(ctx.lexicon.org_suffixes).search(name, 0, k) for k in range(2, len(name)))
        or any(name[:k] in ctx.lexicon.names or name[k:] in ctx.lexicon.names for k in range(1, len(name)))
    ):
        return False  # 是THQ旗下 / 芯片厂商青禾 / 9月29日晚公告称 / 市住建委 / 京东美团 / 青禾资本方面 / 青禾集团公告旗下: a copula, a body (the suffix scan types it), two
        # known names, a known name that stands alone, or a name that ends at its suffix before the rest
    if any(
        ctx.known(t.word) and (t.pos[:1] in "pcudr" or t.pos[:1] in "tmqfv" and len(t.word) > 1)
        for t in tokens
    ):
        return False
    return any(
        t.start < start or not ctx.known(t.word) or t.pos in NAME_POS and t.pos != "j" or len(t.word) == 1
        for t in ctx.tokens_from(start, end)
    )  # (从泓岸|视界: a marker glued to the name's first character, the segmenter did not know the name)


_REGISTERED_AFTER = re.compile(
    f"(?:(?!{W.alt('not_in_registered_name')})[{HAN}A-Za-z]){{0,6}}?(?:{W.alt('legal_form')}|{W.alt('company_word')})"
)


def _short_of_registered(ctx: Context, name: str) -> bool:
    """The name begins a registered name elsewhere in the text (QXT … QXT娱乐控股公司): it is that company's short
    form, which the short forms find and tie to it."""
    return any(_REGISTERED_AFTER.match(ctx.text, p + len(name)) for p in occurrences(ctx.text, name))


_INTRODUCED_NAME_MAX = (
    10  # characters of a name caught before 成立于 / 完成融资, once a descriptor is cut off
)


def find_described_orgs(ctx: Context) -> list[Mention]:
    """存储厂商青禾存储、DPU独角兽锋泰智能、量子计算公司QXT等: a name right after a word for a kind of company
    and right before a list mark is a company, as is a maker's name before a round (芯片研发商澄芯微完成); so is one
    after 子公司 / 控股子公司 (美的集团拟将控股子公司云岭光电分拆)."""
    out = []
    found = [
        *((m, False) for m in W.regex("described_org").finditer(ctx.text)),
        *((m, True) for m in W.regex("described_maker").finditer(ctx.text)),
        *((m, False) for m in W.regex("subsidiary_org").finditer(ctx.text)),
    ]
    actors = [
        *W.regex("described_actor").finditer(ctx.text),  # 创业公司深空智驾宣布
        *W.regex("named_as_org").finditer(ctx.text),  # 一家名为星海视界的公司
    ]
    acting = {id(m) for m in actors}
    found += [(m, True) for m in actors]
    for m, maker in found:
        start, end = m.span("name")
        # (研发|商澄|芯微: after a maker's kind the pattern fixes the start, the segmenter may glue 商 to the name)
        if not (_name_like(ctx, m.group("name"), start, at_boundary=not maker) and ctx.is_boundary(end)):
            continue
        if (
            W.regex("amount_in_name").search(m.group("name"))
            or W.regex("date").search(m.group("name"))
            or m.group("name").startswith(W.words("plan_marker"))
            or W.regex("business_metric").match(m.group("name"))
        ):
            continue  # 控股公司总计5亿美元 / 公司拟以45,267万元 / 公司建企于1958年 / 公司估值已超百亿: an amount, a
            # plan, a date or the company's figures
        if m.group("name").startswith(W.words("company_organ")):
            continue  # 送达公司董事会之日起生效: the company's board, not a company named after 公司
        label = next((w for w in W.words("label_before_name") if m.group("name").startswith(w)), "")
        if label and end - start - len(label) >= 2 and ctx.is_boundary(start + len(label)):
            start += len(label)  # 公司原名星澜电器: the label that introduces the name is no part of it
        for head_cut in W.regex("introduced_name_cut").finditer(ctx.text[start:end]):
            if head_cut.group("head") and end - (start + head_cut.end()) >= 2:
                start += head_cut.end()  # 职场培训平台青知学苑日前完成: a second kind word (平台) before the name ends the description
                break
        if m.group("name").startswith(tuple(W.set("conjunction_not_surname"))):
            continue  # 锋泰投资公司及澄湖资本: 公司 ended the name before the conjunction, it describes no other
        if m.group("name").startswith(W.words("joint_adverb")):
            continue  # 有限公司联合开发新车: acting together (the dictionary tags 联合开发 as a body), not a name
        if ctx.lexicon.title_pattern.search(m.group("name")):
            continue  # 新能源项目总负责人王明、: a title and a person's name, not a company
        if id(m) in acting and (
            m.group("name")[-1] in W.set("government_name_end")
            or W.regex("branch").fullmatch(m.group("name"))
        ):
            continue  # 有限公司北京代表处表示: a branch or a body speaks (the suffix scan finds it)
        tokens = ctx.tokens_from(start, end)
        placed = _place_after_common_words(ctx, [t for t in tokens if t.start >= start])
        if placed is not None and placed[1]:
            # 项目落地杭州云帆电机: the place begins it
            start = placed[0]
            tokens = ctx.tokens_from(start, end)
        if any(t.word in W.set("clause_inside_name") for t in tokens):
            continue  # 该项目正式落户苏州: a clause (正式 / 落户), not a name after 项目
        suffix_end = _suffix_at_end(ctx.lexicon.org_suffixes)
        cut = next(
            (
                t.end
                for t, after in itertools.pairwise(tokens)
                if suffix_end.search(t.word) and not suffix_end.fullmatch(after.word) and t.end - start >= 4
            ),
            None,
        )
        if cut is not None and cut < end:
            # 新创公司锋泰科技传将IPO: a company suffix inside the run ends the name, what follows is not part of it
            end, tokens = cut, ctx.tokens_from(start, cut)
        strict = not maker  # (a maker's name: the segmenter's guesses for unknown words say nothing)
        if any(
            t.pos[:1] in "pcudrt"
            and (strict or ctx.known(t.word))
            or t.pos[:1] == "v"
            and ctx.known(t.word)
            and not (id(m) in acting and len(t.word) == 1 and t.start > start)
            or t.word in ctx.lexicon.titles
            for t in tokens
            if strict or t.start >= start
        ):  # (深空|智|驾宣布: after a kind and before an act, a character the segmenter read as a verb is the name's)
            continue  # 公司和互联网公司都在做 / 品牌总经理卢伟冰今日发文: function words, verbs, times, titles
        if not any(
            not ctx.known(t.word)
            or t.pos in NAME_POS
            and t.pos != "j"
            or id(m) in acting
            and len(t.word) == 1
            and len(tokens) > 1
            for t in tokens
        ):
            continue  # 公司高管表示满意: ordinary words only, no name among them (深|空智|驾宣布: broken up, a name)
        if (
            m.group("name").endswith(W.words("event_verb"))
            or m.group("name").endswith(W.words("speech_end"))
            or all(t.pos.startswith("v") for t in tokens)
        ):
            continue  # 有限公司上市获批 / 公司内部信称: what happens to the company or its saying, not a name
        data = next((w for w in W.words("data_after_latin_name") if ctx.text.endswith(w, start, end)), "")
        if data and re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]*", ctx.text[start : end - len(data)]):
            end -= len(data)  # 市场调查公司Finlo数据: the firm's data, no Chinese word ends a Latin name here
        out.append(ctx.mention(start, end, "Company", "pattern:described_org", 0.7))
    return out


def find_business_named_orgs(ctx: Context) -> list[Mention]:
    """星澜教育今日发布了… / 锋泰食品近日宣布与盒马达成战略合作 / 由星野游戏开发 / 腾讯向云杉游戏注资 / 美团领投了澄观餐饮的A轮融资:
    a brand and a word of its trade (医疗, 食品, 物流: no organisation suffix on its own) is a company where it opens a
    clause right before a company's act, or stands after 由 / 被 / 向 / 与 before one, or after a verb of investing,
    or where a person's career places them (曾任远澜物流副总裁 / 加入了星澜教育，).
    The brand is a name: a word the dictionary does not know, a name it knows, or single characters; not a
    dictionary word of its own (职业教育, 跨境电商), a word that makes a kind of business (在线, 冷链) or a place
    alone (中国教育)."""
    out = []
    found = [*W.regex("business_subject").finditer(ctx.text), *W.regex("business_object").finditer(ctx.text)]
    found += [
        m
        for m in W.regex("career_org").finditer(ctx.text)
        if ctx.lexicon.title_pattern.match(ctx.text, m.end())
        or W.regex("career_org_after").match(ctx.text, m.end())
    ]  # 曾任远澜物流副总裁 / 加入了星澜教育，
    trades = W.regex("brand_industry_end")
    for m in found:
        group = next(g for g in ("name", "name2", "name3", "latin", "latin2") if m.groupdict().get(g))
        start, end = m.span(group)
        lead = next((w for w in W.words("short_name_word") if ctx.text.startswith(w, start)), "")
        start += len(lead)  # (下称青禾新能源): the short name follows the word that introduces it
        lead = next((w for w in W.words("clause_opener") if ctx.text.startswith(w, start)), "")
        if lead and end - start - len(lead) >= 4:
            start += len(lead)  # 但锋泰科技表示: 但 opens the clause
        elif ctx.text[start] in _FUNCTION_CHARS and (
            end - start >= 5
            and not ctx.is_boundary(start + 1)
            and not ctx.known(ctx.tokens[ctx.token_index(start)].word)
            or end - start >= 4
            and ctx.tokens[ctx.token_index(start)].end == start + 1
            and ctx.tokens[ctx.token_index(start)].pos[:1] in "pc"
            or end - start >= 5
            and ctx.text.startswith(W.words("citing_word"), start)
        ):
            start += 1  # 和锋泰食品宣布: the segmenter glued the conjunction to the name (or read it apart: 据|锋泰)
        first = ctx.token_at(start)
        while (
            first is not None
            and first.word in W.set("clause_inside_name")
            and ctx.known(first.word)
            and end - first.end >= 4
        ):
            start = (
                first.end
            )  # 锋泰集团携手青禾物流进军… / 正式成为…: the verbs before the name are no part of it
            first = ctx.token_at(start)
        name = ctx.text[start:end]
        if (
            name in ctx.lexicon.names
            or name in ctx.lexicon.titles
            or not _name_like(ctx, name, start, at_boundary=False)
        ):
            continue
        if (
            ctx.text[max(0, start - 3) : start]
            .rstrip("".join(W.set("possessive")))
            .endswith(W.words("owner_word"))
        ):
            continue  # 青禾科技旗下的QuickNote软件: what a company owns, an offering or a unit, no company
        if not (ctx.is_boundary(start) or _after_glued_marker(ctx, start)):
            continue  # 为青禾医疗: the name's first character ends a word of the dictionary
        if group.startswith("latin"):
            if ctx.is_boundary(end) and not ctx.known(name) and name not in W.set("latin_not_a_name"):
                out.append(ctx.mention(start, end, "Company", "pattern:business_named", 0.7))
            continue  # Novaby宣布与腾讯达成合作 (a model or a product would be launched, not announce)
        trade = trades.search(name)
        if trade is None or trade.start() < 2:
            continue
        cut = start + trade.start()
        if not ctx.is_boundary(cut):
            continue  # 人工智能发布: the trade's word is inside a word of the dictionary, no brand before it
        marked = ctx.text[start - 1 : start] in W.set("business_agent_marker") and m.re is W.regex(
            "business_object"
        )
        if _business_brand(ctx, start, cut, after_a_marker=marked) and not kind_of_company(ctx, name):
            out.append(ctx.mention(start, end, "Company", "pattern:business_named", 0.7))
    return out


def _after_glued_marker(ctx: Context, start: int) -> bool:
    """与锋泰 / 企澜海: the segmenter glued a marker (与, 由) or a kind's last character to the name's first: the
    word that holds the start began right before it."""
    tok = ctx.tokens[ctx.token_index(start)]
    return tok.start < start and start - tok.start <= 2 and not ctx.known(tok.word)


def _business_brand(ctx: Context, start: int, end: int, *, after_a_marker: bool = False) -> bool:
    """The text before a trade's word is a brand: no word that makes a kind of business (在线, 各大), no place
    alone, no function word, and not made only of words of the dictionary that are no names (职业, 社区)."""
    brand = ctx.text[start:end]
    if brand.isascii():
        return brand.isalnum() and not _acronym(brand)  # AI医疗: a field's acronym
    if _made_of(brand, W.set("industry_modifier") | W.set("field_word")) or _a_known_place(ctx, brand):
        return False
    if brand.startswith(DEMONSTRATIVES) or W.regex("date").search(brand):
        return False
    tokens = ctx.tokens_from(start, end)
    if any(
        t.pos[:1] in "pcu" or t.pos[:1] in "rdtmfq" and ctx.known(t.word) and len(t.word) > 1 for t in tokens
    ):
        return (
            False  # 快手和星耀: a list's conjunction; 少儿 / 各大: a quantity, an adverb or a function word
        )
    if any(t.word in W.set("copula") or t.word[0] in _FUNCTION_CHARS for t in tokens if t.start > start):
        return False  # 星澜是青禾 / 会议由青禾: a clause and its verb or preposition, not one name
    if any(t.pos == "v" and len(t.word) > 1 and ctx.known(t.word) for t in tokens if t.start > start):
        return False  # 雷军宣布小米: a person and the verb, then the name
    if _suffix_at_end(ctx.lexicon.org_suffixes).search(brand) or any(
        t.word in W.set("descriptor_noun") or t.word in W.set("company_kind_head") for t in tokens
    ):
        return False  # 游戏公司沐瞳: a kind of company before a name, not a brand
    if any(t.word in W.set("industry_modifier") for t in tokens):
        return False  # 深圳冷链物流: a kind of business after a place
    if any(w in brand for w in W.words("owner_word")) or any(
        (entry := ctx.lexicon.names.get(brand[:k])) is not None and entry.types[0] != "Place"
        for k in range(2, len(brand))
    ):
        return False  # 网易旗下青禾: an owner and the word that relates them; 小米青禾: a known name opens it
    return (
        after_a_marker or any(not ctx.known(t.word) or t.pos in NAME_POS or len(t.word) == 1 for t in tokens)
    )  # 青禾 / 王明 / 泓|景: a name; 职业|教育: words of the dictionary only (after 由 / 向 / 被 a word may name one)


def find_founders(ctx: Context) -> list[Mention]:
    """由黄峥于2015年创立 / 由葉天宇和龐曉彤共同創辦: names in a founding clause are people."""
    text, out = ctx.text, []
    marker, comma = W.alt("founded_by_marker"), W.alt("comma")
    for m in re.finditer(marker, text):
        pos, found = m.end(), []
        while True:
            end = ctx.name_end(pos)
            if not end:
                break
            found.append((pos, end))
            sep = W.regex("founder_list_separator").match(text[end : end + 1])
            if not sep:
                break
            pos = end + 1
        tail = re.split(comma, text[found[-1][1] : found[-1][1] + 16])[0] if found else ""
        if found and W.regex("founded_by_clause").search(tail):
            out += [ctx.mention(s, e, "Person", "pattern:founded_by", 0.8) for s, e in found]
    return out


def find_titled_works(ctx: Context) -> list[Mention]:
    """卡牌游戏《风暴守望》 / 作品包括《星海远航》、《风暴守望》: a title in book-title marks after a kind of work, or
    in a list of an organisation's works, is a product (not a report, a law or a newspaper: those have no such
    cue)."""
    out = []
    kind = W.regex("titled_work")
    for m in kind.finditer(ctx.text):
        if m.group("name").endswith(W.words("document_word")):
            continue
        out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:titled_work", 0.75))
        pos = m.end()
        while True:  # 《A》、《B》和《C》: the titles the list goes on with
            nxt = W.regex("titled_work_next").match(ctx.text, pos)
            if not nxt or nxt.group("name").endswith(W.words("document_word")):
                break
            out.append(ctx.mention(nxt.start("name"), nxt.end("name"), "Product", "pattern:titled_work", 0.7))
            pos = nxt.end()
    for m in W.regex("titled_work_before_kind").finditer(ctx.text):  # 《禾风1》及《禾风2》两部单机游戏
        if not m.group("name").endswith(W.words("document_word")):
            out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:titled_work", 0.72))
    for m in W.regex("maker_glossed_work").finditer(ctx.text):  # 《星河纪元》（网易出品）
        if not m.group("name").endswith(W.words("document_word")):
            out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:titled_work", 0.72))
    for m in W.regex("owner_glossed_name").finditer(ctx.text):  # 澜星手机（锋泰科技旗下品牌）
        name, start = m.group("name"), m.start("name")
        if (
            name in ctx.lexicon.names
            or name in ctx.lexicon.non_entities
            or ctx.lexicon.title_pattern.match(name)
            or name.startswith(DEMONSTRATIVES)
            or not ctx.is_boundary(start)
            or ctx.opens_with_function_word(start, m.end("name"))
            or ctx.text.endswith(ctx.lexicon.suffix_words, 0, m.end("name"))
        ):
            continue  # (青禾科技（锋泰集团旗下公司）: a company, its parent glossed)
        out.append(ctx.mention(start, m.end("name"), "Product", "pattern:owner_glossed", 0.72))
    for m in W.regex("quoted_kind_product").finditer(ctx.text):  # 首款火箭“远航一号” / 王牌栏目「晨间快报」
        name = m.group("name").strip()
        before = ctx.tokens[ctx.token_index(m.start() - 1)] if m.start() > 0 and ctx.tokens else None
        branded = (
            before is not None
            and before.end == m.start()
            and "\u4e00" <= before.word[-1] <= "\u9fff"
            and (before.pos in NAME_POS or not ctx.known(before.word))
        )  # 新日“晴空”车型: a maker's name right before the quotes
        if m.group("kind") is None and not (
            re.search(r"[A-Za-z0-9]", name)
            or branded
            or W.regex("quote_mark").match(ctx.text, m.end())
            or W.regex("quote_mark").match(ctx.text[max(0, m.start() - 2) : m.start()][::-1])
        ):
            continue  # “星光Pro”“青禾2025”等车型: a kind after quotes takes a model's name, or a list of names (not “平价”车型)
        if (
            len(name) < 2
            or name in ctx.lexicon.non_entities
            or name in ctx.lexicon.titles
            or name.endswith(W.words("document_word"))
            or W.regex("concept_quote").search(name)
            or W.regex("date").search(name)
        ):
            continue
        tokens = ctx.tokens_from(m.start("name"), m.end("name"))
        if (
            tokens
            and ctx.known(tokens[0].word)
            and (tokens[0].pos[:1] in "pcdrum" or tokens[0].pos[:1] == "v" and len(tokens) == 1)
        ):
            continue  # 栏目“如何” / 游戏“出海”: a quoted word or phrase, not a name (远航|一号 is one)
        if all(ctx.known(t.word) and t.pos[:1] in "adcuvil" for t in tokens) or any(
            t.pos[:1] == "d" and ctx.known(t.word) for t in tokens[1:]
        ):
            continue  # 我们的手机“好用又便宜” / “遥遥领先”: a quoted judgement or an idiom, words that name nothing
        out.append(ctx.mention(m.start("name"), m.end("name"), "Product", "pattern:quoted_kind", 0.72))
    return out


def board_committee(ctx: Context, text: str) -> bool:
    """薪酬委员会 / 锋泰薪酬委员会: a committee of a company's board, alone or after the company's name (not after a
    place: 锋泰市科创委员会 is a government body)."""
    m = W.regex("board_committee").search(text)
    if m is None or m.end() != len(text):
        return False
    owner = text[: m.start()]
    entry = ctx.lexicon.names.get(owner) if owner else None
    return not owner or not (entry and entry.types[0] == "Place") and owner[-1] not in W.set("admin_suffix")


def kind_of_company(ctx: Context, name: str) -> bool:
    """金融科技公司 / 多家证券公司 / 公募基金 / 美国公司: words of a field, counting words or a place (kg's lists)
    before an organisation suffix: a kind of company, not one named."""
    if _field_kind(name):
        return True  # 军工企业: 企业 is no suffix of a name, but after a field's words it makes a kind
    m = _suffix_at_end(ctx.lexicon.org_suffixes).search(name)
    if m is None or m.start() == 0:
        return False
    prefix = name[: m.start()]
    return (
        place_and_kind(ctx, name)
        or _made_of(prefix, W.set("field_word"))
        or _qualified_kind(ctx, prefix)
        or m.group() in W.set("bare_company_suffix")
        and len(prefix) > 2
        and prefix.endswith(W.words("kind_after_owner"))
    )  # (王立新创业公司 / 锋泰移动省级公司: the owner's name, then a kind of company)


def _qualified_kind(ctx: Context, prefix: str) -> bool:
    """明星机器人 / 硅谷著名创投 / 国货美妆: a place (or nothing), a word that rates or classes companies and words
    of a field: the prefix of a kind of company, not of a name."""
    for word in W.words("kind_qualifier"):
        i = prefix.find(word)
        before, after = prefix[:i], prefix[i + len(word) :]
        if i < 0 or after and not _made_of(after, W.set("field_word")):
            continue
        entry = ctx.lexicon.names.get(before) if before else None
        if not before and after or entry is not None and entry.types[0] == "Place":
            return True  # (明星电力: a bare qualifier before a suffix may be a name)
    return False


@functools.cache
def _suffix_at_end(suffixes: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """The longest organisation suffix a name ends with (one search, not one test per suffix)."""
    return re.compile("(?:" + "|".join(re.escape(s) for s, _ in suffixes) + ")$")


def _made_of(text: str, words: frozenset[str]) -> bool:
    """``text`` is a run of ``words`` and nothing else."""
    longest = max(map(len, words), default=0)
    ends = {0}
    for i in range(len(text)):
        if i in ends:
            ends.update(j for j in range(i + 1, min(len(text), i + longest) + 1) if text[i:j] in words)
    return len(text) in ends


def place_and_kind(ctx: Context, name: str) -> bool:
    """美国公司 / 日本企业: a place the lexicon knows and a bare word for companies, no company's name."""
    bare = next((w for w in W.words("bare_company_suffix") if name.endswith(w) and len(w) < len(name)), None)
    entry = ctx.lexicon.names.get(name[: -len(bare)]) if bare else None
    return entry is not None and entry.types[0] == "Place"


def find_quoted_targets(ctx: Context) -> list[Mention]:
    """收购了独立工作室「白鹭互动」 / 海尔将收购三洋的家电业务 / 平台“星澜互助”完成C轮融资: a name (quoted, or one
    word the segmenter takes for a name) that is bought, invested in or funded is a company; so is a quoted name
    that ends in a legal form (“远澜星海材料(丽水)有限公司”)."""
    out = [
        ctx.mention(m.start(1), m.end(1), "Company", "pattern:quoted_target", 0.7)
        for rx in (W.regex("quoted_target"), W.regex("quoted_funded"))
        for m in rx.finditer(ctx.text)
        if m.group(1) not in ctx.lexicon.non_entities
    ]
    out.extend(
        ctx.mention(m.start(1), m.end(1), "Company", "pattern:quoted_registered_name", 0.9)
        for m in W.regex("quoted_registered_name").finditer(ctx.text)
    )  # 合资企业“远澜星海材料(丽水)有限公司”: the quotes hold one registered name, whatever words are inside
    out.extend(
        ctx.mention(m.start(1), m.end(1), "Company", "pattern:quoted_room", 0.7)
        for m in W.regex("quoted_room").finditer(ctx.text)
        if m.group(1) not in ctx.lexicon.non_entities and m.group(1) not in ctx.lexicon.names
    )  # 抖音“青禾小羊”直播间: the brand or account whose livestream room it is
    for m in W.regex("deal_target").finditer(ctx.text):
        tok = ctx.token_at(m.start("name"))
        entry = ctx.lexicon.names.get(m.group("name"))
        if (
            tok
            and tok.end == m.end("name")
            and tok.pos in NAME_POS
            and not (entry and entry.types[0] == "Place")
            and not place_and_kind(ctx, m.group("name"))
        ):
            out.append(ctx.mention(m.start("name"), m.end("name"), "Company", "pattern:deal_target", 0.7))
    for m in W.regex("invested_names").finditer(ctx.text):
        start, end = m.span("name")
        tokens = ctx.tokens_from(start, end)
        if (
            tokens
            and tokens[0].start == start
            and tokens[-1].end == end
            and not ctx.known(tokens[0].word)
            and all(t.pos[:1] in "nj" or not ctx.known(t.word) for t in tokens)
            and not all(_a_known_place(ctx, t.word) for t in tokens)
            and m.group("name") not in ctx.lexicon.non_entities
            and not m.group("name").startswith(DEMONSTRATIVES)
            and not m.group("name").endswith(W.words("deal_matter_word"))
        ):  # 投资青禾智能、远澜科技 / 入股青禾新材: a name the segmenter does not know, right after the verb
            out.append(ctx.mention(start, end, "Company", "pattern:deal_target", 0.7))
    for m in W.regex("stake_target").finditer(ctx.text):
        start, end = m.span("name")
        name = m.group("name")
        tokens = ctx.tokens_from(start, end)
        if (
            ctx.is_boundary(start)
            and ctx.is_boundary(end)
            and name not in ctx.lexicon.non_entities
            and not name.startswith(DEMONSTRATIVES)
            and all(t.pos[:1] in "nx" or not ctx.known(t.word) for t in tokens)
            and not all(t.pos == "ns" for t in tokens)
        ):  # 收购锐思24.71%股份: what the stake is of (not 公司 or a place)
            out.append(ctx.mention(start, end, "Company", "pattern:deal_target", 0.7))
    return out


def find_people_by_cue(ctx: Context) -> list[Mention]:
    """A name followed by a career verb (加入, 出任, 创办) or by 是/为 + a title within the clause."""
    text, out = ctx.text, []
    for m in W.regex("person_cue").finditer(text):
        cue_start = m.start()
        glued = text[cue_start] in GLUED and ctx.is_boundary(cue_start + 1)  # 刘强/东于: 于 glued to the name
        if not ctx.is_boundary(cue_start) and not glued:
            continue  # 为 inside 华为 is no verb
        clause = re.split(W.alt("clause_punctuation"), text[m.end() : m.end() + 24])[0]
        if m.group().endswith(W.words("cue_needs_title")) and not ctx.lexicon.title_pattern.search(clause):
            continue
        end = cue_start
        honour = next((w for w in W.words("between_name_and_cue") if text.endswith(w, 0, end)), None)
        if honour and end - len(honour) >= 2:
            end -= len(honour)  # 王明先生出任 / 王明自加入京东以来: an honorific or 自 (since) ends no name
        for _ in range(2):  # 车峰曾经担任 / 张三也已加入: adverbs between the name and the verb
            tok = ctx.tokens[ctx.token_index(end - 1)] if end > 0 else None
            if not (tok and tok.end == end and tok.pos == "d" and len(tok.word) <= 2):
                break
            end = tok.start
        start = _name_before(ctx, end)
        while start is not None:  # 王五、赵六担任轮值董事长: every name of the list before the verb
            out.append(ctx.mention(start, end, "Person", "pattern:career_cue", 0.75))
            if start < 2 or text[start - 1] not in W.set("name_list_mark"):
                break
            end = start - 1
            start = _name_before(ctx, end)
    return out


def find_people_after_cue(ctx: Context) -> list[Mention]:
    """Names after a verb of appointment or succession: 聘任张伟为总裁 / 接替赵六出任 / 由李四接任."""
    return _names_after(ctx, "appointee_cue", "after_appointee", "pattern:appointee")


def find_holders(ctx: Context) -> list[Mention]:
    """A personal name after a word for a company's holder, ending the clause or a list item: 控股股东为王明 /
    实际控制人王明、李娜 (a company there is found by its own patterns: 锋泰 in 控股股东为锋泰集团 continues)."""
    return _names_after(ctx, "holder_cue", "after_holder", "pattern:holder")


def _names_after(ctx: Context, cue: str, follows: str, source: str) -> list[Mention]:
    """The personal names right after each match of the vocabulary's pattern ``cue``, one or a list of them, each
    followed by what the pattern ``follows`` allows (or a list mark, when another name comes next)."""
    text, out, after_name = ctx.text, [], W.regex(follows)
    for m in W.regex(cue).finditer(text):
        pos = m.end()
        while (end := ctx.name_end(pos)) is not None:
            after = text[end : end + 4]
            listed = after[:1] in W.set("name_list_mark")
            if not (after_name.match(after) or listed):
                break
            out.append(ctx.mention(pos, end, "Person", source, 0.75))
            if not listed:
                break
            pos = end + 1
    return out


def _name_before(ctx: Context, end: int) -> int | None:
    """Start of a personal name that ends exactly at ``end``: a person token, else two or three characters."""
    tok = ctx.tokens[ctx.token_index(end - 1)] if end > 0 else None
    if (
        tok
        and tok.pos.startswith("nr")
        and tok.end == end
        and len(tok.word) == 3
        and tok.word[0] in W.set("never_a_surname")
        and ctx.plausible_name(tok.word[1:])
    ):
        return tok.start + 1  # 青禾科技由王明于2010年创立: the segmenter glued the preposition to the name
    if tok and tok.pos.startswith("nr") and tok.start < end and ctx.name_end(tok.start) == end:
        return tok.start
    for length in (2, 3):
        start = end - length
        if start < 0 or ctx.text[start] in _FUNCTION_CHARS and length == 3:
            continue
        if ctx.text[start] in W.set("person_counter") and W.regex("count_digit").fullmatch(
            ctx.text[start - 1 : start]
        ):
            continue  # 3位高管离职: a count's classifier, not a surname
        whole = ctx.token_at(start)
        if whole and whole.end == end and ctx.known(whole.word) and not whole.pos.startswith("nr"):
            continue  # 被任命为: a word of the dictionary (任命) before the cue, not a name
        last = ctx.token_at(end - 1)
        if (
            whole
            and last
            and whole.end == end - 1
            and ctx.known(whole.word)
            and not whole.pos.startswith("nr")
            and last.start == end - 1
            and last.pos == "f"
        ):
            continue  # 他毕业后加入: a word of the dictionary and a localiser (毕业|后), not a name
        if ctx.is_boundary(start) and ctx.name_end(start) == end:
            return start
    return None


def find_business_units(ctx: Context, known: list[Mention]) -> list[Mention]:
    """A known company or platform immediately followed by a division word is a business unit of it; followed by
    a model code (小米15 Ultra, 理想i8, 华为Mate 60), a product of it."""
    out = []
    for m in known:
        if m.source == "lexicon" and m.type == "Product":
            # iPhone 15 Pro Max: a model of a known product
            code = W.regex("model_code").match(ctx.text, m.end)
            if not (code and code.group().strip()):  # iPhone 17销量 / 混元2: a bare number after a product
                code = W.regex("model_number").match(ctx.text, m.end + ctx.text.startswith(" ", m.end))
            if code and code.group().strip() and ctx.is_boundary(code.end()):
                out.append(ctx.mention(m.start, code.end(), "Product", PRODUCT_MODEL, 0.85))
            continue
        if m.source not in ("lexicon", "kb") or m.type not in ("Company", "Platform"):
            continue
        code = model_code(ctx, m.end)
        if not code and ctx.text[: m.start].endswith(W.words("model_number_cue")):
            code = W.regex("model_number").match(ctx.text, m.end)  # 旗舰手机小米5
        if code and ctx.is_boundary(code.end()):
            out.append(ctx.mention(m.start, code.end(), "Product", "pattern:product_name", 0.85))
            continue
        region = (
            W.regex("regional_arm").match(ctx.text, m.end) or _bare_seat(ctx, m.end)
            if m.type == "Company"
            else None
        )  # (星澜汽车集团（中国）: the region in brackets, a name that leaves out its legal form)
        if region and ctx.is_boundary(region.end()):  # 微软中国 / 蔚来欧洲: a company's arm in a region
            out.append(ctx.mention(m.start, region.end(), "BusinessUnit", "pattern:business_unit", 0.8))
            continue
        if m.source != "lexicon":
            continue
        for kind, words, source in (
            ("BusinessUnit", "unit_word", "pattern:business_unit"),
            ("Product", "product_word", "pattern:product_name"),  # 腾讯会议: a product named after its maker
        ):
            word = next((w for w in W.words(words) if ctx.text.startswith(w, m.end)), None)
            end = m.end + len(word) if word else m.end
            generation = (
                (W.regex("generation").match(ctx.text, end) or model_code(ctx, end))
                if kind == "Product" and word
                else None
            )
            end = generation.end() if generation else end  # 小米手机三代 / 小米手机4S
            if (
                kind == "Product"
                and word in W.set("category_product_word")
                and not generation
                and ctx.text[: m.start].endswith(W.words("category_counted_before"))
            ):
                continue  # 他买的一款小米手机: one of the maker's phones, no product line
            if kind == "Product" and ctx.text.startswith(W.words("department_after_goods"), end):
                continue  # 小米集团手机部: the department of the goods, no product
            if (
                word in W.set("unit_word_no_parent")
                and _channel_as_attribute(ctx, end)
                and ctx.text[m.start : end] not in ctx.lexicon.names
                and load_kb().org(ctx.text[m.start : end]) is None
            ):
                continue  # 青禾直播截图 / 青禾直播赛道 / 青禾直播等新业务: the company's livestreams, no division (青禾直播
                # 负责人 heads one; a livestreaming business the lexicon or the knowledge base lists by name is one)
            if word and ctx.is_boundary(end) and not W.regex("amount_follows").match(ctx.text, end):
                out.append(ctx.mention(m.start, end, kind, source, 0.85))
                break
    return out


def _channel_as_attribute(ctx: Context, end: int) -> bool:
    """A company's channel (青禾直播) before ``end`` that a noun or a verb after it makes an activity or a word
    describing the noun (直播截图, 直播赛道, 在青禾直播带货), or that a list of lines of business goes on from
    (直播等新业务): no name of its own (青禾直播先是… / 青禾直播GMV name it)."""
    if ctx.lexicon.title_pattern.match(ctx.text, end):
        return False
    nxt = ctx.token_at(end)
    return ctx.text.startswith(W.words("channel_list_mark"), end) or (
        nxt is not None and nxt.pos.startswith(("n", "v")) and ctx.known(nxt.word)
    )  # (直播带货 / 直播截图: livestreaming, a verb, as the segmenter reads it)


def find_brand_goods(ctx: Context, known: list[Mention]) -> list[Mention]:
    """小米智能手表 / 珀莱雅补水面膜: a known brand, a few words that describe them, and a word for goods."""
    out = []
    for m in known:
        if m.source in ("lexicon", "kb") and m.type in ("Company", "Platform"):
            if m.text.endswith(W.words("legal_form")):
                continue  # 青禾有限公司 + 投资电动车: a registered name is no brand its goods are named after
            end = _goods_after(ctx, m.end)
            if end and m.type == "Platform" and ctx.text.startswith(W.words("category_after_goods"), end):
                continue  # 天猫咖啡类目: a platform's category of goods, no product
            if end:
                out.append(ctx.mention(m.start, end, "Product", "pattern:product_name", 0.8))
    return out


def find_company_sites(ctx: Context, known: list[Mention]) -> list[Mention]:
    """星澜汽车华东总部 / 长安汽车南京工厂 / 宝马集团华东区域总部: a known company, a place and a word for a site make
    the company's unit there (the place alone is no unit: 蔚来中国 is regional_arm's)."""
    places: dict[int, int] = {}
    for m in known:
        if m.type == "Place":
            places[m.start] = max(places.get(m.start, m.end), m.end)
    out = []
    for m in known:
        seat = _bare_seat(ctx, m.end) if m.source == "kb" and m.type == "Company" else None
        if seat and ctx.is_boundary(seat.end()):  # 星澜汽车集团（中国）, a company the knowledge base knows
            out.append(ctx.mention(m.start, seat.end(), "BusinessUnit", "pattern:business_unit", 0.8))
            continue  # (a company of the lexicon: find_business_units)
        if m.source not in ("lexicon", "kb") or m.type != "Company" or m.end not in places:
            continue
        at = places[m.end]
        word = next((w for w in W.words("site_unit_word") if ctx.text.startswith(w, at)), None)
        end = at + len(word) if word else at
        if word not in W.set("country_site_word") and W.regex("regional_arm").fullmatch(ctx.text, m.end, at):
            continue  # 特斯拉中国工厂: the company's plants in the country, no one unit (蔚来中国总部 is one)
        if word and ctx.is_boundary(end) and not ctx.text.startswith(W.words("site_not_unit_after"), end):
            out.append(ctx.mention(m.start, end, "BusinessUnit", "pattern:business_unit", 0.8))
    return out


def _bare_seat(ctx: Context, pos: int) -> re.Match[str] | None:
    """A country or region in brackets at ``pos`` that no registered name goes on after (星澜汽车集团（中国）, not
    星澜汽车集团（香港）投资有限公司: a company of its own, the registered-name pattern's)."""
    seat = W.regex("regional_seat").match(ctx.text, pos)
    if seat is None or W.regex("seat_then_legal_form").match(ctx.text, seat.end()):
        return None
    return seat


def _goods_after(ctx: Context, pos: int) -> int | None:
    """The end of a word for goods (after at most six characters that describe them) right after a brand at ``pos``."""
    m = W.regex("goods_after_brand").match(ctx.text, pos)
    if m is None:
        return None
    start, end = m.start("word" if m.group("word") else "coined"), m.end()
    if not ctx.is_boundary(end) or start > pos and not ctx.is_boundary(start):
        return None
    if m.group("coined") and _only_kind_modifiers(ctx.text[pos:start]):
        return None  # 华为自研芯片 / 苹果新款芯片: words for a kind of chip, no coined name
    for tok in ctx.tokens_from(pos, start):
        if tok.start >= pos and (
            tok.pos[:1] in "vpcdumqrft"
            and (tok.pos != "vn" or m.group("coined"))
            or not re.fullmatch(rf"[{HAN}]+", tok.word)
        ):
            return None  # 小米推出手表 / 小米的手表 / 青禾投资电动车: a clause or a phrase, not one product's name
    return end


def _only_kind_modifiers(text: str) -> bool:
    """``text`` is made of words that describe a kind of product and name none (自研 / 新款 / 新一代) and nothing else."""
    while text:
        word = next((w for w in W.words("kind_modifier") if text.startswith(w)), None)
        if word is None:
            return False
        text = text[len(word) :]
    return True


def model_code(ctx: Context, pos: int) -> re.Match[str] | None:
    """A model code at ``pos`` that is no name of its own (字节跳动ByteDance: the company's English name), no
    product word (讯飞输入法App) and no word of an English name (Google Research)."""
    code = W.regex("model_code").match(ctx.text, pos)
    if code is None:
        return None
    word = code.group().strip()
    if word in ctx.lexicon.names or word in ctx.lexicon.titles or word in W.set("product_word"):
        return None
    if W.regex("business_model_code").match(word.upper()):
        return None  # 阿里巴巴B2B业务: a business model, not a model of a product
    if W.regex("reporting_period").fullmatch(word):
        return None  # 网易Q4营收: a quarter of the company's year, not a model
    if ctx.text.startswith(W.words("facility_after"), code.end()):
        return None  # 蔚来F4工厂: a factory, not a model
    if word.isalpha() and ctx.text[pos - 1 : pos].isascii():
        return None  # Google Research: a word of an English name, not a model of Google
    return None if load_kb().org(word) is not None else code


def _function_word_at(ctx: Context, start: int) -> bool:
    """A known adverb, preposition, conjunction, particle or pronoun begins at ``start`` (以及 / 并且): no name does."""
    first = ctx.token_at(start)
    return first is not None and first.pos[:1] in "cdpru" and ctx.known(first.word)


def find_owned_offerings(ctx: Context) -> list[Mention]:
    """剪映是字节跳动旗下的视频剪辑工具 / 东方甄选是新东方旗下的直播电商平台: what is "under" an owner is an offering."""
    out = []
    for m in W.regex("under_owner").finditer(ctx.text):
        if (
            not _name_like(ctx, m.group(1), m.start(1))
            or not ctx.is_boundary(m.end(1))
            or _function_word_at(ctx, m.start(1))
            or any(
                t.pos[:1] == "r" or t.word in W.set("is") and t.start == m.start(1)
                for t in ctx.tokens_from(m.start(1), m.end(1))
                if ctx.known(t.word)
            )
        ):
            continue  # (也就是说: 是 inside a word; 以及为… / 是他们为…: a conjunction, a copula or a pronoun, no name)
        if m.group(1).startswith(W.words("speech_verb")) or m.group(1).endswith(W.words("launch_verb")):
            continue  # 宣布上线为商家开发的…: a verb of saying or launching, 为 "for", no name before it
        kind = m.group(2).removesuffix(W.words("one_among")[0])  # 旗下上市公司之一: one of its companies
        if kind.endswith(W.words("person_kind")) or any(kind.endswith(t) for t in ctx.lexicon.titles):
            continue  # 张伟是青禾科技推出的一位新高管: a person, not an offering
        phrase = W.regex("clause_rest").match(ctx.text, m.start(2))
        type_ = (
            "Company"
            if kind.endswith(W.words("company_kind"))
            or phrase is not None
            and phrase.group().endswith(W.words("company_kind"))
            # 澄禾置业是星澜控股旗下第二家专做长租业务的房产公司: the kind ends the clause, after a description
            else "Platform"
            if kind.endswith(W.words("platform_kind"))
            else "Product"
        )
        end = m.end(1)
        for tok in reversed(ctx.tokens_from(m.start(1), end)):
            if tok.start <= m.start(1) or tok.end != end or not (tok.pos[:1] == "d" and ctx.known(tok.word)):
                break
            # 青禾汽车公司曾是锋泰集团旗下的子公司: 曾 ("once") is the clause's, not the name's
            end = tok.start
        out.append(ctx.mention(m.start(1), end, type_, "pattern:owned_offering", 0.92))
    for m in W.regex("made_by_owner").finditer(ctx.text):  # 青禾笔记由锋泰科技开发并运营
        start, end = m.span(1)
        tokens = [t for t in ctx.tokens_from(start, end) if t.start >= start]
        if (
            not _name_like(ctx, m.group(1), start)
            or not ctx.is_boundary(end)
            or _function_word_at(ctx, start)
            or not any(t.pos in NAME_POS or not ctx.known(t.word) and t.pos[:1] not in "adv" for t in tokens)
        ):
            continue  # 新版本由锋泰科技开发 / 该项目由…: a common noun, no name
        out.append(ctx.mention(start, end, "Product", "pattern:owned_offering", 0.8))
    return out
