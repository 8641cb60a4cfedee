"""Figures: numbers with unit and scale normalised to a value, what they measure, whom they are about.

3亿 → 300000000; 1.6万+ → 16000 (at least); 52% → 0.52 (percentage); 9成 → 0.9 (成 is tenths);
两个月 → 2 months; 1万元 → 10000 CNY. A figure is a node; ``about`` is filled in by ``assign_about``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import Document, Evidence, Figure, Mention
from .recognize.lexicon import Lexicon, load_lexicon
from .zh.dates import date_name
from .zh.numerals import format_decimal, parse_number, scale_value

_CN_NUM = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_NUM}]+(?:点[{_CN_NUM}]+)?)"
_SCALE = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)"
_CURRENCY = {
    "元": "CNY",
    "人民币": "CNY",
    "元人民币": "CNY",
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "欧元": "EUR",
    "日元": "JPY",
    "英镑": "GBP",
    "块": "CNY",
}
_DURATION = {
    "年": "year",
    "个月": "month",
    "月": "month",
    "周": "week",
    "天": "day",
    "日": "day",
    "小时": "hour",
    "分钟": "minute",
    "秒": "second",
}
_CLASSIFIERS = (
    "套|个|家|位|名|条|款|台|辆|件|次|项|座|所|部|只|张|份|单|笔|场|篇|支|间|亩|平方米|平米|吨|倍|户|人次|人"
)
_SMALL_COUNT = 10  # 两款 / 三次 / 7个: counts below this, with no scale, are wording rather than a figure
_FIGURE = re.compile(
    rf"(?P<pre>超过|超|逾|近|约|突破|破|高达|不足|不到|将近|接近|大约)?"
    rf"(?P<num>{_NUM})(?:个(?=亿|万))?(?P<scale>{_SCALE})?(?P<plus>\+|多|余)?"
    rf"(?P<unit>%|％|成|元人民币|人民币|美元|港元|港币|欧元|日元|英镑|元|块|个月|小时|分钟|{_CLASSIFIERS}|年|周|天|个)?"
    rf"(?P<post>\+|以上|左右|上下|多|余)?"
)
_COUNTERS = frozenset(_CLASSIFIERS.split("|")) - {
    "亩",
    "平方米",
    "平米",
    "吨",
    "倍",
}  # classifiers that count things
_BARE_SCALE = re.compile(r"(?P<pre>破|过|上)(?P<scale>万|亿|千万|百万)(?![\d一二三四五六七八九十])")
_TARGET = ("目标", "预计", "计划", "将达到", "将", "有望", "力争", "争取")
_SKIP_AFTER = ("线", "季度", "月", "日", "号", "点", "时", "岁", "代", "届", "期", "楼", "层", "名")


def find_figures(doc: Document, mentions: list[Mention], *, lexicon: Lexicon | None = None) -> list[Figure]:
    """Every figure in ``doc`` outside dates and names, with value, unit, measure, time and qualifiers."""
    lexicon = lexicon or load_lexicon()
    text = doc.norm
    blocked = {i for m in mentions for i in range(m.start, m.end)}  # digits inside dates and names
    out: list[Figure] = []
    for m in _FIGURE.finditer(text):
        num_start = m.start("num")
        if num_start in blocked or _glued_to_latin(text, num_start):
            continue
        figure = _make(doc, mentions, lexicon, m)
        if figure:
            out.append(figure)
    for m in _BARE_SCALE.finditer(text):
        if m.start() in blocked:
            continue
        value = scale_value(m.group("scale"))
        out.append(
            _figure(
                doc, mentions, lexicon, m.start(), m.end(), value, None, "quantity", [("bound", "at_least")]
            )
        )
    return sorted(out, key=lambda f: f.evidence.start)


def _glued_to_latin(text: str, start: int) -> bool:
    """Digits that continue a Latin name or a number (QQ2023, iPhone15, v1.5) are not a figure of their own."""
    before = text[start - 1 : start]
    return bool(before) and (before.isascii() and before.isalnum() or before == ".")


def _make(doc, mentions, lexicon, m: re.Match) -> Figure | None:
    num, scale, unit = m.group("num"), m.group("scale") or "", m.group("unit") or ""
    chinese = not num[0].isdigit()
    after = doc.norm[m.end() : m.end() + 2]
    if chinese and not (scale or unit):
        return None  # 一 / 三 on their own are words, not figures
    if (
        chinese
        and num in ("一", "十", "百", "千")
        and not scale
        and unit in ("个", "年", "家", "位", "次", "人", "名", "条")
    ):
        return None  # 一个 / 一家: an article, not a count worth a node
    if doc.norm.startswith("分之", m.end()) or doc.norm.endswith("分之", 0, m.start()):
        return None  # 三分之一 / 千万亿分之一: a fraction, not an amount
    if chinese and re.search(r"[一二两三四五六七八九]{2}", num):
        return None  # 六七十年 / 三四百家: a rough range, not one value
    if unit == "年" and num.startswith("0"):
        return None  # 08年: a two-digit year, not eight years
    if not (scale or unit or m.group("plus") or m.group("post")) or (
        after.startswith(_SKIP_AFTER) and not unit and not scale
    ):
        return None  # a bare number (618, 2019) or an ordinal
    if unit in ("年", "月", "周", "天") and (after[:1] in "前后内来底初" or re.match(r"\d", after)):
        return None  # 一周前 / 3年后: a point in time, not an amount
    if unit in _DURATION and re.search(
        r"(?:前|过去|未来|近|最近|头)$", doc.norm[max(0, m.start() - 2) : m.start()]
    ):
        return None  # 今年前两个月 / 过去三年: a time window, not an amount
    try:
        value = parse_number(num.replace("点", ".")) * scale_value(scale)
    except (ValueError, ArithmeticError):
        return None
    if chinese and not scale and unit in _COUNTERS and value < _SMALL_COUNT:
        return None  # 两款新品 / 三场比赛: a small count in words
    if unit == "年" and value >= 1000:
        return None  # 2303030年: a year glued to digits, not a duration
    qualifiers: list[tuple[str, str]] = []
    kind = "quantity"
    if unit in ("%", "％"):
        value, kind, unit = value / 100, "percentage", "percent"
    elif unit == "成":
        value, kind, unit = value / 10, "percentage", "percent"
    elif unit in _CURRENCY:
        kind, unit = "money", _CURRENCY[unit]
    elif unit in _DURATION:
        kind, unit = "duration", _DURATION[unit]
    if m.group("plus") in ("+", "多", "余") or m.group("post") in ("+", "以上", "多", "余"):
        qualifiers.append(("bound", "at_least"))
    pre = m.group("pre") or ""
    if pre in ("超过", "超", "逾", "突破", "破", "高达"):
        qualifiers.append(("bound", "more_than"))
    elif pre in ("近", "约", "将近", "接近", "大约") or m.group("post") in ("左右", "上下"):
        qualifiers.append(("approximate", "true"))
    elif pre in ("不足", "不到"):
        qualifiers.append(("bound", "less_than"))
    start = m.start("num") if not pre else m.start()
    figure = _figure(doc, mentions, lexicon, start, m.end(), value, unit or None, kind, qualifiers)
    if unit in _COUNTERS and not scale and value < _SMALL_COUNT and figure.measure is None:
        return None  # 7个 / 5名 counting nothing named: no figure a reader could use
    return figure


def _figure(doc, mentions, lexicon, start, end, value: Decimal, unit, kind, qualifiers) -> Figure:
    sent = doc.sentence_at(start)
    clause_start, clause_end = _clause(doc.norm, start, sent.start, sent.end)
    before = doc.norm[clause_start:start]
    after = (
        None
        if kind == "duration"
        else _measure_after(doc.norm, end, clause_end, lexicon, guess=unit in _COUNTERS)
    )
    measure = after or _measure_before(before, lexicon)
    if (
        any(w in doc.norm[max(sent.start, start - 12) : start] for w in _TARGET)
        or "目标" in doc.norm[end : end + 4]
    ):
        qualifiers.append(("modality", "target"))
    if "同比" in doc.norm[max(sent.start, start - 8) : start]:
        qualifiers.append(("comparison", "year_on_year"))
    if "环比" in doc.norm[max(sent.start, start - 8) : start]:
        qualifiers.append(("comparison", "period_on_period"))
    time = _time(doc, mentions, sent.start, sent.end, start)
    return Figure(
        id=f"{doc.id}-{start}",
        text=doc.text[start:end],
        value=format_decimal(value),
        unit=unit,
        measure=measure,
        about=None,
        evidence=Evidence(doc.id, sent.index, start, end, sent.text),
        qualifiers=tuple(sorted(set(qualifiers))),
        time=time,
        kind=kind,
    )


def _clause(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    seps = "，,；;：:"
    s = max(text.rfind(c, lo, pos) for c in seps)
    e = [text.find(c, pos, hi) for c in seps]
    e = [x for x in e if x >= 0]
    return (s + 1 if s >= lo else lo), (min(e) if e else hi)


_LEFT_FILLER = re.compile(
    r"(?:将|已|已经|共|累计|平均|总计|总共|同比|环比|均|也|就|每天|每周|每月|每年|一共|则|还)*"
    r"(?:达到|达|为|是|超过|超|突破|破|约|近|逾|有|增长|增至|增长至|下降|降至|提升至|至|到|高达|仅|约为|已有)?"
    r"(?:将|已|已经|约)?$"
)


def _measure_before(before: str, lexicon: Lexicon) -> str | None:
    """日活跃用户数将达到3亿 → 日活跃用户数: the noun phrase left of the number, past verbs like 达到/超过."""
    stem = before[: len(before) - len(_LEFT_FILLER.search(before).group())] if before else ""
    for word in lexicon.measures:
        if stem.endswith(word):
            head = stem[: len(stem) - len(word)]
            lead = re.search(
                r"(?:(?<![去今明前])(?:日|周|月|年)|总|平均|单日|全年|季度|直播间)?(?:在线)?$", head
            ).group()
            return lead + word
    return None


def _measure_after(text: str, end: int, clause_end: int, lexicon: Lexicon, *, guess: bool) -> str | None:
    """1175万粉丝 / 52%的手机淘宝用户 / 27家工厂 → the noun phrase right after the number. A phrase no measure word
    ends is taken only when ``guess`` (after a counting classifier: 3000辆新能源车) and only up to a clause break
    or 的; after an amount of money it is usually a verb phrase (20亿美元收购…), not what the money measures."""
    rest = text[end:clause_end]
    rest = rest[1:] if rest.startswith("的") else rest
    for hit in lexicon.measure_pattern.finditer(rest[:24]):
        i = hit.start()
        if i > 8:
            break
        if not re.search(r"[，,。、和与及在是将会被了进]", rest[:i]) and re.fullmatch(
            r"[\u4e00-\u9fffA-Za-z]*", rest[:i]
        ):
            return rest[: hit.end()]  # the earliest measure word, longest at that position
    if not guess:
        return None
    m = re.match(r"[\u4e00-\u9fff]{2,8}(?=[，,。；;的]|$)", rest)
    if (
        m
        and not re.match(r"(以上|左右|上下|之前|之后|以来|期间|时间|的时间)", m.group())
        and not re.search(r"[都均也就还又才被是将会了在进]", m.group())
    ):
        return m.group()
    return None


def _time(doc: Document, mentions: list[Mention], lo: int, hi: int, pos: int) -> str | None:
    """The id name of the date nearest the figure in its sentence (its date entity is date/<this>)."""
    dates = [m for m in mentions if m.type == "Date" and lo <= m.start < hi]
    if not dates:
        return None
    return date_name(min(dates, key=lambda m: abs(m.start - pos)).key, doc.id, doc.date)
