"""Bylines and datelines: who wrote, edited and published an article, as news pages write it.

文|刺猬公社 铁林 · 编辑|石灿 · 作者：林舟，编辑 | 何夕 · 采访、撰文：阿舟 编辑：木木Q · 每经记者:李然每经编辑:周宁 ·
新浪科技讯 8月21日消息 · 【财新网】(记者 陈思远) · 新华社北京1月25日电（记者陈思武） · 电车汇消息： · 来源：第一财经 ·
（中央社记者王明台北12日电） · 钜亨网编译王明 · 王明/文 · 王明 | 作者 青禾评论| 出品
(来源：互联网 names no outlet). Each is a ``Field``: a role (author, editor, publisher) and the span of its value;
the recogniser makes people and outlets of the values, the relation builder links them to the article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Document
from ..words import load_words
from .lexicon import load_lexicon

_HEAD_SENTENCES, _TAIL_SENTENCES = 12, 6


@dataclass(frozen=True)
class Field:
    role: str  # author | editor | publisher
    start: int  # the value's span in Document.norm
    end: int
    sentence: int
    people_only: bool = (
        False  # reporters named in brackets or right after 记者: names of people, never outlets
    )


def byline_fields(doc: Document) -> list[Field]:
    """Every byline field of ``doc``: key–value lines near its top or bottom, the dateline of its first
    sentences, the reporters named in brackets after it, and a closing line in brackets."""
    sentences = doc.sentences
    chosen = sentences[:_HEAD_SENTENCES] + sentences[max(_HEAD_SENTENCES, len(sentences) - _TAIL_SENTENCES) :]
    last = sentences[-1].index if sentences else -1
    return list(_fields(tuple((doc.norm[s.start : s.end], s.start, s.index) for s in chosen), last))


@functools.lru_cache(maxsize=1024)  # more than a batch of documents (pipeline.BATCH)
def _fields(lines: tuple[tuple[str, int, int], ...], last: int = -1) -> tuple[Field, ...]:
    """The fields of a document's head and tail lines (remembered: recognition and relations both ask)."""
    out: list[Field] = []
    for k, (text, start, index) in enumerate(lines):
        if load_words().regex("photo_credit_line").fullmatch(text):
            continue  # 青禾社记者 林海 摄: a photo's credit
        out += _key_values(text, start, index) + _datelines(text, start, index)
        if k + 1 < len(lines) and lines[k + 1][2] == index + 1:
            out += _value_below(text, *lines[k + 1])
            out += _outlet_above_date(text, lines[k + 1][0], start, index)
        if index == last and index > 0:
            out += _tail_bylines(text, start, index)
    return tuple(sorted(set(out), key=lambda f: (f.start, f.end, f.role)))


def _key_values(text: str, base: int, index: int) -> list[Field]:
    """文|刺猬公社 铁林 / 编辑：石灿 / 来源：36氪: the key–value parts of a short line."""
    w = load_words()
    if len(text) > 90 or not w.set("sentence_end").isdisjoint(text[:-1]):
        return []
    roles = w.map("byline_role")
    out = []
    for m in w.regex("byline_segment").finditer(text):
        role = roles.get(_last_key(m.group("key"), roles))
        group = "value" if m.group("value") else "name"
        value_start, value_end = m.start(group), m.end(group)
        value = text[value_start:value_end].rstrip("".join(w.words("byline_trailing")))
        desk = w.regex("outlet_desk_word").search(value) if role == "publisher" else None
        if desk and desk.start() >= 2:
            value = value[: desk.start()]  # 出品|青禾财经原创: the outlet is 青禾财经
        if value and value[-1] in w.set("sentence_end"):
            if len(value) > 8:
                continue  # 报道：锋泰科技今日宣布… : the key runs into the article's first sentence
            if not text[
                : m.start()
            ].strip():  # 来源：青禾日报客户端。 as a line of its own (not a clause: …，来源正当合规。)
                value = value[:-1]
        if role and value and not w.regex("not_an_outlet").fullmatch(value):
            out.append(
                Field(role, base + value_start, base + value_start + len(value), index, group == "name")
            )
    for m in w.regex("byline_reversed").finditer(text):  # 王明/文 / 青禾评论| 出品: the value first
        role = roles.get(m.group("key"))
        if role and not w.regex("not_an_outlet").fullmatch(m.group("value")):
            out.append(Field(role, base + m.start("value"), base + m.end("value"), index))
    return out


def _value_below(key_line: str, text: str, base: int, index: int) -> list[Field]:
    """作者： on a line of its own and the name on the next: the next line is the key's value, where it is
    short and no sentence."""
    w = load_words()
    key = w.regex("byline_key_alone").fullmatch(key_line.strip())
    role = w.map("byline_role").get(_last_key(key.group("key"), w.map("byline_role"))) if key else None
    value = text.strip()
    if role is None or not 2 <= len(value) <= 20 or not w.set("sentence_end").isdisjoint(value):
        return []
    if w.regex("byline_segment").search(value) or w.regex("not_an_outlet").fullmatch(value):
        return []  # (the next line is a byline of its own)
    at = base + text.index(value)
    return [Field(role, at, at + len(value), index)]


def _outlet_above_date(text: str, below: str, base: int, index: int) -> list[Field]:
    """零壹财经 / 晚点LatePost / 钛媒体APP on a line of its own under the headline, the page's date or time on the
    next line (an app's or account's page head): the outlet, where the line ends like an outlet's name."""
    w = load_words()
    if not 1 <= index < 4 or not w.regex("page_date_line").match(below):
        return []
    m = w.regex("outlet_line").fullmatch(text)
    if m is None or w.regex("not_an_outlet").fullmatch(m.group("outlet")):
        return []
    return [Field("publisher", base + m.start("outlet"), base + m.end("outlet"), index)]


def _last_key(key: str, roles: dict[str, str]) -> str:
    """采访、撰文 / 每经记者: the key word that gives the role."""
    for known in sorted(roles, key=len, reverse=True):
        if key.endswith(known):
            return known
    return key


def _datelines(text: str, base: int, index: int) -> list[Field]:
    """新浪科技讯 / 财联社5月14日讯 / 新华社北京1月25日电 / 电车汇消息: the outlet; （记者 陈思远）: its reporters."""
    w = load_words()
    out = []
    # the first lines, or a short line of its own further down (青禾周报记者 林海 发自杭州 after a lead paragraph), or
    # a paragraph that opens with a wire byline in brackets (（青禾社记者林海台北23日电）), wherever it stands
    dateline = w.regex("dateline").match(text)
    wired = dateline is not None and dateline.group("wirebracket") is not None
    wired = (
        wired or w.regex("reporter_opening").match(text) is not None
    )  # 〔记者林海／台北报导〕 after a caption
    head = index < 3 or len(text.strip()) <= 40 and w.set("sentence_end").isdisjoint(text) or wired
    # a reporter's line that the page glued to the first paragraph (青禾网 记者 林海 经过…) near the top
    staffed = (
        dateline is not None
        and (dateline.group("staffed") or dateline.group("leadoutlet")) is not None
        and index < _HEAD_SENTENCES
    )
    if (
        not (head or staffed)
        or index >= 3
        and dateline
        and not (
            dateline.group("staffed") or dateline.group("glued") or dateline.group("leadoutlet") or wired
        )
    ):
        dateline = None  # further down, only a reporter's own line (not a bracketed heading: 【…】 / [广告])
    found = [dateline, *w.regex("outlet_reporter").finditer(text)]
    for m in found:
        group = next((g for g, v in (m.groupdict() if m else {}).items() if v), None)
        if m and group and not w.regex("not_an_outlet").fullmatch(m.group(group)):
            end = m.end(group)
            trailing = w.regex("outlet_trailing_word").search(m.group(group))
            trailing = trailing or w.regex("outlet_desk_word").search(m.group(group))
            tail = trailing.group() if trailing else ""
            if len(m.group(group)) - len(tail) >= 2:
                end -= len(tail)  # 【TechWeb报道】: the outlet is TechWeb
            if group == "stamped" and _personal_name(m.group(group)):
                # 林海 2024-04-19 06:18:16: a writer's name and the page's time, not an outlet
                out.append(Field("author", base + m.start(group), base + end, index, True))
                continue
            out.append(Field("publisher", base + m.start(group), base + end, index))
    if head:  # 股权交换中央社记者林海台北11日电: an agency's dateline inside the headline's line
        for wire in w.regex("wire_dateline").finditer(text):
            out.append(Field("publisher", base + wire.start("agency"), base + wire.end("agency"), index))
            if wire.group("reporter"):
                out.append(
                    Field("author", base + wire.start("reporter"), base + wire.end("reporter"), index, True)
                )
    bar = w.regex("outlet_bar_author").match(text) if index == 0 else None
    if (
        bar
        and not w.regex("not_an_outlet").fullmatch(bar.group("outlet").strip())
        and load_lexicon().surname_length(bar.group("author")) > 0
    ):  # (not a headline's 小米汽车丨年度盘点: the part after the bar is a personal name)
        out.append(Field("publisher", base + bar.start("outlet"), base + bar.end("outlet"), index))
        out.append(Field("author", base + bar.start("author"), base + bar.end("author"), index, True))
    if head:
        for r in w.regex("reporter_in_brackets").finditer(text[:160]):
            group = next(
                g
                for g in (
                    "names",
                    "staff",
                    "glued",
                    "reported",
                    "wired",
                    "bare",
                    "sent",
                    "booked",
                    "desked",
                    "placed",
                    "slashreporter",
                    "cityed",
                    "foreign",
                    "wechatwriter",
                    "spaced",
                    "shot",
                )
                if r.group(g)
            )
            out.append(Field("author", base + r.start(group), base + r.end(group), index, True))
    return out


def _personal_name(value: str) -> bool:
    """林海 / 欧阳明: two to four characters that open with a surname and are no known name (券商中国 is an
    outlet)."""
    lexicon = load_lexicon()
    return (
        2 <= len(value) <= 4
        and value not in lexicon.names
        and lexicon.surname_length(value) > 0
        and not value.endswith(tuple(load_words().words("outlet_word")))
    )


def _tail_bylines(text: str, base: int, index: int) -> list[Field]:
    """(林海) / (青禾新闻) / 记者 张岚 (青禾日报) / (青禾日报记者 林海): a closing line that names the author or the
    outlet in brackets."""
    m = load_words().regex("tail_byline").match(text)
    if m is None:
        return []
    out = []
    roles = {
        "reporter": "author",
        "author": "author",
        "staff": "author",
        "outlet": "publisher",
        "staff_outlet": "publisher",
        "credit": "author",
        "credit_outlet": "publisher",
    }
    for group, role in roles.items():
        if m.group(group):
            out.append(Field(role, base + m.start(group), base + m.end(group), index, role == "author"))
    return out


def split_names(value: str) -> list[tuple[int, int, str]]:
    """The names of a byline value, with their offsets in it (separated by blanks, 、, commas, slashes)."""
    return [(p.start(), p.end(), p.group()) for p in re.finditer(load_words().alt("byline_part"), value)]
