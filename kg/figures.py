"""Figures: numbers with unit and scale normalised to a value, what they measure, whom they are about.

3亿 → 300000000; 1.6万+ → 16000 (at least); 52% → 0.52 (percentage); 9成 → 0.9 (成 is tenths); 9个点 → 0.09
percentage points; 两个月 → 2 months; 1万元 → 10000 CNY; 三亿五千万元 → 350000000 CNY; 3-5亿元 → 300000000 to
500000000; 数千万美元 → 20000000 to 90000000 USD ("several"); 5.614 亿美元 (a blank before the scale, as some
outlets write). A figure is a node; ``about`` is filled in by ``assign_about``. The words are in
kg/data/words.toml.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .model import Document, Evidence, Figure, Mention
from .recache import compile_pattern
from .recognize.lexicon import Lexicon, load_lexicon
from .words import Words, load_words
from .zh.dates import date_name
from .zh.numerals import format_decimal, parse_chinese_integer, parse_number, scale_value

_SMALL_COUNT = 10  # 两款 / 三次 / 7个: counts below this, with no scale, are wording rather than a figure
_VAGUE = (Decimal(2), Decimal(9))  # 数千万: 'several' is two to nine of the scale
_BLANKS = " \u00a0\u3000"
_BLANK = f"[{_BLANKS}]?"  # 5.614 亿美元: some outlets put a blank between a number and its scale or unit


@dataclass(frozen=True)
class _Vocabulary:
    """The figure words of kg/data/words.toml, compiled once."""

    figure: re.Pattern[str]
    bare_scale: re.Pattern[str]
    currency: dict[str, str]
    duration: dict[str, str]
    percent: dict[str, str]
    prefix: dict[str, str]
    suffix: dict[str, str]
    counters: frozenset[str]
    scale_alias: dict[str, str]
    words: Words


@functools.cache
def _vocabulary() -> _Vocabulary:
    w = load_words()
    currency, duration, percent = w.map("currency"), w.map("duration_unit"), w.map("percent_unit")
    units = [*currency, *duration, *percent, *w.words("counter"), *w.words("measure_classifier")]
    annual = w.alt("annual_measure")
    unit_alt = "|".join(
        # 80亿年收入: annual revenue, not 14 billion years (3年收入翻番 stays three years)
        re.escape(u) + (f"(?!(?<=[万亿]年){annual})" if u == "年" else "")
        for u in sorted(set(units), key=lambda u: (-len(u), u))
    )
    alt = lambda table: "|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))  # noqa: E731
    cn = f"[{''.join(w.words('chinese_digit'))}]"
    some = f"(?:(?<=[十百千]){w.alt('some_digit')})?"  # 三百四十几亿: forty-some
    number = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{cn}+{some}(?:[万亿]{cn}+{some})*(?:点{cn}+)?)"
    scale = (
        f"(?:{w.alt('scale_word')}|{w.alt('trillion_scale')})"  # (新台币1.6兆元: 兆 only before a currency)
    )
    figure = compile_pattern(  # (kept compiled between runs: a tenth of a second to compile)
        rf"(?P<pre>{alt(w.map('figure_prefix'))})?"
        rf"(?:(?P<vague>{w.alt('vague_number')})(?P<vscale>{scale})"
        rf"|(?P<num>{number})(?:(?P<scale1>{scale})?{w.alt('range_separator')}(?P<num2>{number}))?"
        rf"(?:个(?=亿|万))?(?:{_BLANK}(?P<scale>{scale}))?(?:(?<=亿)(?P<num_b>\d+){_BLANK}万)?)"
        rf"(?P<plus>{w.alt('plus_after_scale')})?(?:{_BLANK}(?P<unit>{unit_alt}))?"
        rf"(?P<hundredth>(?<=成){w.alt('tenth_digit')})?"  # 四成二 = 42 %, 三成半 = 35 %
        rf"(?P<post>{alt(w.map('figure_suffix'))})?"
    )
    return _Vocabulary(
        figure=figure,
        bare_scale=w.regex("bare_scale"),
        currency=currency,
        duration=duration,
        percent=percent,
        prefix=w.map("figure_prefix"),
        suffix=w.map("figure_suffix"),
        counters=w.set("counter"),
        scale_alias=w.map("scale_alias"),
        words=w,
    )


@dataclass
class _Number:
    """A number as written, normalised: value (and upper end of a range), unit, kind, qualifiers."""

    value: Decimal
    unit: str = ""
    kind: str = "quantity"
    value_max: Decimal | None = None
    qualifiers: list[tuple[str, str]] = field(default_factory=list)


def find_figures(doc: Document, mentions: list[Mention], *, lexicon: Lexicon | None = None) -> list[Figure]:
    """Every figure in ``doc`` outside dates and names, with value, unit, measure, time and qualifiers."""
    lexicon = lexicon or load_lexicon()
    vocab = _vocabulary()
    text = doc.norm
    blocked = {i for m in mentions for i in range(m.start, m.end)}  # digits inside dates and names
    dates = sorted((m for m in mentions if m.type == "Date"), key=lambda m: m.start)
    out: list[Figure] = []
    for m in vocab.figure.finditer(text):
        start = m.start("vague") if m.group("vague") else m.start("num")
        if start in blocked or _glued_to_latin(text, start) or _rejected(text, m, vocab):
            continue
        number = _parse(m, vocab)
        if number is None or _small_count(m, number, vocab):
            continue
        begin = m.start() if m.group("pre") else start
        currency = _currency_before(text, begin, m, vocab)
        if currency:  # 新台币5亿元: TWD, and the currency is part of the figure's text
            number.kind, number.unit = "money", vocab.currency[currency]
            begin -= len(currency)
        figure = _figure(doc, dates, lexicon, begin, m.end(), number, vocab)
        if number.unit in vocab.counters and number.value < _SMALL_COUNT and not m.group("scale"):
            if figure.measure is None:
                continue  # 7个 / 5名 counting nothing named: no figure a reader could use
        out.append(figure)
    for m in vocab.bare_scale.finditer(text):
        if m.start() not in blocked:
            bound = vocab.words.map("bare_scale_bound")[m.group("pre")]
            quals = [("approximate", "true")] if bound == "approximate" else [("bound", bound)]
            number = _Number(scale_value(m.group("scale")), qualifiers=quals)
            out.append(_figure(doc, dates, lexicon, m.start(), m.end(), number, vocab))
    return sorted(out, key=lambda f: f.evidence.start)


def _currency_before(text: str, start: int, m: re.Match[str], vocab: _Vocabulary) -> str | None:
    """The currency written right before an amount whose unit is a bare yuan or none (新台币5亿元 / 港币3亿)."""
    w = vocab.words
    unit = m.group("unit") or ""
    if unit and unit not in w.words("generic_yuan") or not (unit or m.group("scale")):
        return None
    return next((c for c in w.words("currency_before_amount") if text.endswith(c, 0, start)), None)


def _glued_to_latin(text: str, start: int) -> bool:
    """Digits that continue a Latin name or a number (QQ2023, iPhone15, v1.5) are not a figure of their own."""
    before = text[start - 1 : start]
    return bool(before) and (before.isascii() and before.isalnum() or before == ".")


def _rejected(text: str, m: re.Match[str], vocab: _Vocabulary) -> bool:
    """Wordings with a number that are no amount: a lone numeral, an ordinal, a fraction, a birth year …"""
    w = vocab.words
    num, scale, unit = m.group("num") or "", m.group("scale") or "", m.group("unit") or ""
    chinese = bool(num) and not num[0].isdigit()
    after = text[m.end() : m.end() + 2]
    if m.group("vague"):
        return False
    if chinese and text.endswith(w.words("festival_numeral_before"), 0, m.start("num")):
        return True  # 双十一成交额: a shopping day, not 110 %
    if chinese and not (scale or unit or any(ch in num for ch in "万亿")):
        return True  # 一 / 三 on their own are words, not figures
    if any(ch in _BLANKS for ch in m.group()) and (chinese or len(num.split(".")[0].replace(",", "")) > 6):
        return True  # 一 成 / 20111021 百万: a blank joins only a short Arabic number to its scale or unit
    if chinese and num in w.set("article_numeral") and not scale and unit in w.set("article_classifier"):
        return True  # 一个 / 一家: an article, not a count worth a node
    fraction = w.words("fraction_marker")
    if text.startswith(fraction, m.end()) or text.endswith(fraction, 0, m.start()):
        return True  # 三分之一: a fraction, not an amount
    if chinese and w.regex("rough_range").search(num):
        return True  # 六七十年 / 三四百家: a rough range, not one value
    scaled = scale or any(ch in num for ch in "万亿")  # 两亿八: the scale may stand inside a Chinese numeral
    if not (scaled or unit or m.group("plus") or m.group("post")) or (
        after.startswith(w.words("ordinal_after")) and not unit and not scaled
    ):
        return True  # a bare number (618, 2019) or an ordinal
    return unit in vocab.duration and _not_a_duration(text, m, num, unit, vocab)


def _not_a_duration(text: str, m: re.Match[str], num: str, unit: str, vocab: _Vocabulary) -> bool:
    w = vocab.words
    after = text[m.end() : m.end() + 3]
    if unit == "年" and (num.startswith("0") or len(num) == 2 and w.regex("birth_year_after").match(after)):
        return True  # 08年 / 90年女创始人: a year, not eight or ninety years
    if unit in ("年", "月", "周", "天") and (
        after[:1] in w.set("point_in_time_after") or after[:1].isdigit()
    ):
        return True  # 一周前 / 3年后: a point in time, not an amount
    return bool(w.regex("time_window_before").search(text[max(0, m.start() - 2) : m.start()]))


def _value(num: str, scale: str) -> Decimal:
    """三亿五千 + 万 → 350000000 (one Chinese numeral); 1.6 + 万 → 16000; 三点五 + 亿 → 350000000."""
    if num and not num[0].isdigit() and "点" not in num and all(ch in "万亿" for ch in scale):
        tail = re.fullmatch(r"(.*[万亿])([一二两三四五六七八九])", num + scale)
        if tail:  # 两亿八 / 三万五: a digit after the last scale is tenths of it (2.8亿, 3.5万)
            head = Decimal(parse_chinese_integer(tail.group(1)))
            return head + parse_number(tail.group(2)) * scale_value(tail.group(1)[-1]) / 10
        return Decimal(parse_chinese_integer(num + scale))
    return parse_number(num.replace("点", ".")) * scale_value(scale)


def _scale(word: str, vocab: _Vocabulary) -> str:
    """A scale word as the numerals read it (兆 of a Taiwan amount → 万亿, 10^12)."""
    return vocab.scale_alias.get(word, word)


def _parse(m: re.Match[str], vocab: _Vocabulary) -> _Number | None:
    try:
        if m.group("vague"):
            base = scale_value(_scale(m.group("vscale"), vocab))
            number = _Number(
                _VAGUE[0] * base, value_max=_VAGUE[1] * base, qualifiers=[("approximate", "true")]
            )
        else:
            scale = _scale(m.group("scale") or "", vocab)
            some = vocab.words.words("some_digit")[0]
            num, num2 = (m.group("num") or "").replace(some, ""), (m.group("num2") or "").replace(some, "")
            value = _value(num, _scale(m.group("scale1") or "", vocab) or scale)
            if m.group("num_b"):
                value += parse_number(m.group("num_b")) * scale_value("万")  # 1亿5000万
            high = _value(num2, scale) if num2 else None
            number = _Number(value, value_max=high)
            if num != m.group("num"):
                number.qualifiers.append(("bound", "at_least"))  # 三百四十几亿: 340亿 and some
    except (ValueError, ArithmeticError):
        return None
    if number.value_max is not None and number.value_max <= number.value:
        return None  # 2019-2021: years, not a range of amounts
    _unit(number, m.group("unit") or "", vocab)
    if m.group("hundredth"):
        number.value += Decimal(vocab.words.map("tenth_digit_value")[m.group("hundredth")]) / 100
    if number.unit == "year" and number.value >= 1000:
        return None  # 2303030年: a year glued to digits, not a duration
    _bounds(number, m, vocab)
    return number


def _unit(number: _Number, unit: str, vocab: _Vocabulary) -> None:
    if unit in vocab.percent:
        share = vocab.percent[unit]
        factor = Decimal(10) if share == "tenth" else Decimal(100)
        number.value /= factor
        number.value_max = number.value_max / factor if number.value_max is not None else None
        number.kind, number.unit = (
            "percentage",
            "percentage_point" if share == "percentage_point" else "percent",
        )
    elif unit in vocab.currency:
        number.kind, number.unit = "money", vocab.currency[unit]
    elif unit in vocab.duration:
        number.kind, number.unit = "duration", vocab.duration[unit]
    else:
        number.unit = unit


def _bounds(number: _Number, m: re.Match[str], vocab: _Vocabulary) -> None:
    for word in (m.group("plus"), m.group("post")):
        if word and vocab.suffix.get(word) == "at_least":
            number.qualifiers.append(("bound", "at_least"))
    said = vocab.prefix.get(m.group("pre") or "") or vocab.suffix.get(m.group("post") or "")
    if said == "approximate":
        number.qualifiers.append(("approximate", "true"))
    elif said in ("more_than", "less_than", "at_most", "at_least") and m.group("pre"):
        number.qualifiers.append(("bound", said))


def _small_count(m: re.Match[str], number: _Number, vocab: _Vocabulary) -> bool:
    """两款新品 / 三场比赛: a small count in words."""
    num = m.group("num") or ""
    chinese = bool(num) and not num[0].isdigit()
    return chinese and not m.group("scale") and number.unit in vocab.counters and number.value < _SMALL_COUNT


def _figure(
    doc: Document,
    dates: list[Mention],
    lexicon: Lexicon,
    start: int,
    end: int,
    number: _Number,
    vocab: _Vocabulary,
) -> Figure:
    w = vocab.words
    sent = doc.sentence_at(start)
    clause_start, clause_end = _clause(doc.norm, start, sent.start, sent.end, w)
    before = doc.norm[clause_start:start]
    guess = number.unit in vocab.counters
    after = (
        None
        if number.kind == "duration"
        else _measure_after(doc.norm, end, clause_end, lexicon, w, guess=guess)
    )
    measure = after or _measure_before(before, lexicon, w)
    qualifiers = list(number.qualifiers)
    if any(t in doc.norm[max(sent.start, start - 12) : start] for t in w.words("target_word")) or any(
        t in doc.norm[end : end + 4] for t in w.words("target_after")
    ):
        qualifiers.append(("modality", "target"))
    for word, comparison in w.map("comparison_word").items():
        if word in doc.norm[max(sent.start, start - 8) : start]:
            qualifiers.append(("comparison", comparison))
    return Figure(
        id=f"{doc.id}-{start}",
        text=doc.text[start:end],
        value=format_decimal(number.value),
        unit=number.unit or None,
        measure=measure,
        about=None,
        evidence=Evidence(doc.id, sent.index, start, end, sent.text),
        qualifiers=tuple(sorted(set(qualifiers))),
        time=_time(doc, dates, sent.start, sent.end, start),
        kind=number.kind,
        value_max=format_decimal(number.value_max) if number.value_max is not None else None,
    )


def _clause(text: str, pos: int, lo: int, hi: int, w: Words) -> tuple[int, int]:
    seps = w.words("clause_break")
    s = max(text.rfind(c, lo, pos) for c in seps)
    e = [x for x in (text.find(c, pos, hi) for c in seps) if x >= 0]
    return (s + 1 if s >= lo else lo), (min(e) if e else hi)


def _measure_before(before: str, lexicon: Lexicon, w: Words) -> str | None:
    """日活跃用户数将达到3亿 → 日活跃用户数: the noun phrase left of the number, past verbs like 达到/超过."""
    filler = w.regex("measure_left_filler").search(before)
    stem = before[: len(before) - len(filler.group())] if before and filler else before
    for word in lexicon.measures:
        if stem.endswith(word):
            head = stem[: len(stem) - len(word)]
            lead = w.regex("measure_lead").search(head)
            return (lead.group() if lead else "") + word
    return None


def _measure_after(
    text: str, end: int, clause_end: int, lexicon: Lexicon, w: Words, *, guess: bool
) -> str | None:
    """1175万粉丝 / 52%的手机淘宝用户 / 27家工厂 → the noun phrase right after the number. A phrase no measure word
    ends is taken only when ``guess`` (after a counting classifier: 3000辆新能源车) and only up to a clause break
    or 的; after an amount of money it is usually a verb phrase (20亿美元收购…), not what the money measures."""
    rest = text[end:clause_end]
    rest = rest[1:] if rest.startswith(w.words("possessive")) else rest
    blockers = w.set("measure_blocker")
    for hit in lexicon.measure_pattern.finditer(rest[:24]):
        i = hit.start()
        if i > 8:
            break
        if not any(ch in blockers for ch in rest[:i]) and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]*", rest[:i]):
            return rest[: hit.end()]  # the earliest measure word, longest at that position
    if not guess:
        return None
    m = re.match(rf"[\u4e00-\u9fff]{{2,8}}(?={w.alt('guessed_measure_end')}|$)", rest)
    if (
        m
        and not w.regex("not_a_measure").match(m.group())
        and not any(ch in w.set("verb_in_measure") for ch in m.group())
    ):
        return m.group()
    return None


def _time(doc: Document, dates: list[Mention], lo: int, hi: int, pos: int) -> str | None:
    """The id name of the date nearest ``pos`` among those starting in [lo, hi) (``dates`` sorted by start);
    its date entity is date/<this>."""
    key = lambda m: m.start  # noqa: E731
    near = dates[bisect.bisect_left(dates, lo, key=key) : bisect.bisect_left(dates, hi, key=key)]
    if not near:
        return None
    return date_name(min(near, key=lambda m: abs(m.start - pos)).key, doc.id, doc.date)
