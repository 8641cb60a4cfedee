"""The document frame: what an article is about, for the sentences that do not say it again.

News names its subject once — in the headline, in the first sentence — and then writes 本轮融资由甲资本领投,
该公司CEO…, 营收同比增长30% without it. The frame holds the article's main organisation and the funding round
it reports (the company, the stage, the amount, the sentence), so that such sentences and figures resolve to
them (with a lower confidence, and the frame's sentence as evidence too).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Document, Evidence, Figure, Mention
from ..recognize.byline import byline_fields
from ..types import AGENT_TYPES
from ..words import load_words

COMPANY_TYPES = ("Company",)  # what has revenue and profit: not a platform, a product or a unit of a company


@dataclass(frozen=True)
class Anchor:
    """An entity of the frame and where the article establishes it."""

    entity: str
    evidence: Evidence | None  # None for the passage's topic, known from an earlier sentence


@dataclass(frozen=True)
class Frame:
    main: Anchor | None = None  # the organisation the article is about
    funded: Anchor | None = None  # the company whose funding round the article reports
    stage: str | None = None  # 天使轮 / B轮 / 战略融资 …
    amount: str | None = None  # the round's money, as written
    # the company it is about: main unless main is a platform or a product (微信 → 腾讯)
    company: Anchor | None = None
    # per sentence, the organisation whose round it reports (星澜智能宣布完成2亿元C轮融资), first of each sentence
    rounds: tuple[tuple[int, Anchor], ...] = ()

    def round_in(self, sentence: int) -> Anchor | None:
        """The organisation whose round sentence ``sentence`` reports, if any."""
        return next((a for i, a in self.rounds if i == sentence), None)


def document_frame(
    doc: Document,
    mentions: list[Mention],
    entity_of: dict[int, str],
    figures: list[Figure] | tuple[Figure, ...] = (),
) -> Frame:
    # the article's outlet (its byline, its dateline: 青禾财经APP讯) is not what it is about
    bylined = {(f.start, f.end) for f in byline_fields(doc)}
    agents = [
        m
        for m in mentions
        if m.type in AGENT_TYPES
        and m.start in entity_of
        and m.source != "pattern:byline"
        and (m.start, m.end) not in bylined
        and not (m.type not in COMPANY_TYPES and cites_data(doc, m))
    ]  # (聯交所資料顯示: a body whose data the article cites is not what it is about)
    if not agents:
        return Frame()
    funded, stage, amount = _round(doc, agents, entity_of, figures)
    main = _main(doc, agents, entity_of, funded)
    companies = [m for m in agents if m.type in COMPANY_TYPES]
    company = main if main and _is_company(main, agents) else _main(doc, companies, entity_of, None)
    return Frame(main, funded, stage, amount, company, _rounds(doc, agents, entity_of))


def cites_data(doc: Document, m: Mention) -> bool:
    """The article cites data or news of the one named by ``m`` (艾媒咨询数据显示 / “青禾电视台”消息称)."""
    words = load_words()
    end = m.end + doc.norm.startswith(words.words("closing_quote"), m.end)
    return bool(words.regex("data_source_cue").match(doc.norm, end))


def _main(
    doc: Document, agents: list[Mention], entity_of: dict[int, str], funded: Anchor | None
) -> Anchor | None:
    if not agents:
        return funded
    return (
        _in_title(doc, agents, entity_of)
        or funded
        or _announcer(doc, agents, entity_of)
        or _most_mentioned(doc, agents, entity_of)
        or _anchor(doc, agents[0], entity_of)  # the first organisation named
    )


def _is_company(anchor: Anchor, agents: list[Mention]) -> bool:
    """Whether the mention ``anchor`` was made from is a company's."""
    start = anchor.evidence.start if anchor.evidence else None
    return any(m.type in COMPANY_TYPES for m in agents if m.start == start)


def _anchor(doc: Document, m: Mention, entity_of: dict[int, str]) -> Anchor:
    sent = doc.sentences[m.sentence]
    return Anchor(entity_of[m.start], Evidence(doc.id, sent.index, m.start, m.end, sent.text))


def _round(
    doc: Document, agents: list[Mention], entity_of: dict[int, str], figures
) -> tuple[Anchor | None, str | None, str | None]:
    """The first organisation that completes or receives a round (X宣布完成5亿元C轮融资), with the round's stage and
    money as that sentence writes them."""
    for m in agents:
        clause = doc.norm[m.end : m.end + 40]
        hit = load_words().regex("funding_after_name").match(clause)
        if not hit or _another_between(agents, m, m.end + _round_word_at(hit)):
            continue  # 锋泰集团旗下品牌青禾汽车获得B轮投资: 青禾汽车's round, not 锋泰集团's
        return _round_of(doc, m, entity_of, figures, hit)
    for m in agents:  # 红杉中国领投青禾智能5亿元C轮融资: the company whose round an investor leads or joins
        hit = _joined_round(doc, m)
        if hit is not None:
            return _round_of(doc, m, entity_of, figures, hit)
    return None, None, None


def _round_of(
    doc: Document, m: Mention, entity_of: dict[int, str], figures, hit: re.Match[str]
) -> tuple[Anchor, str | None, str | None]:
    """The round ``hit`` reports of ``m``: the organisation, the stage and the money its sentence writes."""
    stage = re.search(load_words().alt("round_stage_word"), hit.group())
    money = [f.text for f in figures if f.kind == "money" and f.evidence.sentence == m.sentence]
    return _anchor(doc, m, entity_of), (stage.group() if stage else None), (money[0] if money else None)


def _joined_round(doc: Document, m: Mention) -> re.Match[str] | None:
    """The round after ``m`` where a verb of leading or joining a round stands right before it."""
    words = load_words()
    if not words.regex("round_joined_before_name").search(doc.norm[max(0, m.start - 8) : m.start]):
        return None
    return words.regex("round_after_joined_name").match(doc.norm[m.end : m.end + 40])


def _rounds(
    doc: Document, agents: list[Mention], entity_of: dict[int, str]
) -> tuple[tuple[int, Anchor], ...]:
    """Per sentence, the first organisation that completes or receives a round in it."""
    funding = load_words().regex("funding_after_name")
    out: dict[int, Anchor] = {}
    for m in agents:
        hit = funding.match(doc.norm[m.end : m.end + 40]) if m.sentence not in out else None
        if hit and not _another_between(agents, m, m.end + _round_word_at(hit)):
            out[m.sentence] = _anchor(doc, m, entity_of)
        elif m.sentence not in out and _joined_round(doc, m) is not None:
            out[m.sentence] = _anchor(doc, m, entity_of)
    return tuple(sorted(out.items(), key=lambda kv: kv[0]))


def _round_word_at(hit: re.Match[str]) -> int:
    """Where a funding wording's verb (完成 / 获得) begins, else its round (B轮融资已完成)."""
    return hit.start("verb") if hit.group("verb") is not None else hit.start("done")


def _another_between(agents: list[Mention], m: Mention, end: int) -> bool:
    """Another organisation is named after ``m`` and before ``end`` (where its round's verb begins)."""
    return any(m.end <= other.start < end for other in agents)


def _announcer(doc: Document, agents: list[Mention], entity_of: dict[int, str]) -> Anchor | None:
    """The company whose notice the article opens with (青禾能源5月6日晚间披露，公司… / 锋泰电子公告称): in its
    first two sentences, an organisation followed by a wording of filing a notice."""
    notice = load_words().regex("notice_after_name")
    for m in agents:
        if m.sentence > 1:
            break
        if notice.match(doc.norm, m.end):
            return _anchor(doc, m, entity_of)
    return None


def _in_title(doc: Document, agents: list[Mention], entity_of: dict[int, str]) -> Anchor | None:
    """The organisation the headline names (the earliest in it, counted among the article's mentions)."""
    if not doc.title:
        return None
    title = doc.title
    found = [(title.find(m.text), m) for m in agents if m.text and m.text in title]
    if not found:
        return None
    _, m = min(found, key=lambda x: (x[0], -len(x[1].text), x[1].start))
    return _anchor(doc, m, entity_of)


def _most_mentioned(doc: Document, agents: list[Mention], entity_of: dict[int, str]) -> Anchor | None:
    """The organisation the article names most often (ties: the earliest), if it is named at least twice."""
    counts = Counter(entity_of[m.start] for m in agents)
    entity, n = max(
        counts.items(), key=lambda kv: (kv[1], -min(m.start for m in agents if entity_of[m.start] == kv[0]))
    )
    if n < 2:
        return None
    first = next(m for m in agents if entity_of[m.start] == entity)
    return _anchor(doc, first, entity_of)
