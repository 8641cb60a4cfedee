"""kg:about: which entity a figure is about.

In order: an entity named inside the measure (52%的手机淘宝用户 → 淘宝); the company whose shares a stake is
(收购B 60%股权 → B; 公司股份 → the article's company); the target of an investment or acquisition the sentence
states (以5.86亿美元收购新浪微博 → 新浪微博); a personal pronoun points back at the last person (他们已有27家工厂);
an organisation or platform in the figure's clause, before it, then after it; a company-level measure with no
organisation in its clause (净营收, 估值, 净利润) is the article's organisation (the document frame); the subject of
an earlier clause; else the discourse topic.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from ..kb import is_market
from ..model import Document, Figure, Mention, Relation
from ..recognize.byline import byline_fields
from ..types import AGENT_TYPES
from ..words import load_words
from .anaphora import last_pair
from .frame import Frame, cites_data

_AGENT = AGENT_TYPES
_OFFERING = ("Product", "Programme")


BYLINE = "pattern:byline"  # mentions of a byline or a dateline: the outlet and its staff
HOLDING_VEHICLE = "holding vehicle"  # role of a person's investment in the company he holds another through


def assign_about(
    doc: Document,
    figures: list[Figure],
    mentions: list[Mention],
    entity_of: dict[int, str],
    *,
    frame: Frame | None = None,
    relations: list[Relation] | tuple[Relation, ...] = (),
) -> list[Figure]:
    out = []
    cited = load_words().regex("cited_source")
    associations = load_words().words("association_name_end")

    def publishes_data(m: Mention) -> bool:
        return bool(
            m.source == "pattern:data_source"
            or cites_data(doc, m)
            or _cited_as(doc, m, cited)
            or _research_firm(doc, m)
            or doc.norm[m.start : m.end].endswith(associations)  # 中国星澜行业协会表示: an industry's figures
        )

    # who publishes the data (艾媒咨询数据显示, 根据易观最新发布的《…报告》) is not what figures are about, and in a
    # sentence that cites data, the article's company is no fallback for them; the outlet, any news outlet, a
    # government body, an exchange or a regulator (在上交所…) is none either
    sources = [publishes_data(m) for m in mentions]
    cited_data = {m.sentence for m, source in zip(mentions, sources, strict=True) if source}
    mentions = [
        m
        for m, source in zip(mentions, sources, strict=True)
        if not source
        and m.source != BYLINE
        and m.type not in ("MediaOrganization", "GovernmentOrganization")
        and not is_market(m.key)
    ]
    people = [m for m in mentions if m.type == "Person"]
    defined = _defined_terms(doc, mentions, entity_of) if figures else {}
    main = main_organisation(mentions) if figures else None  # once per document, not once per figure
    targets = _deal_targets(relations)
    sellers = _sellers(relations)
    named = {entity_of.get(m.start) for m in mentions}
    main_named = bool(frame and frame.main and frame.main.entity in named)  # not only as a data source
    listed = load_words().regex("figure_list_join")
    starts = [m.start for m in mentions]
    in_sentence: dict[int, list[Figure]] = {}
    for f in sorted(figures, key=lambda g: g.evidence.start):
        in_sentence.setdefault(f.evidence.sentence, []).append(f)
    licence_paid: set[int] = set()  # the payments assigned to their payee (ids of the figures in ``out``)
    for f in figures:
        paired = _respectively(doc, f, in_sentence[f.evidence.sentence], mentions)
        if paired is not None:  # 青禾、远澜位列其后，分别为2870辆和1930辆: the n-th figure is the n-th name's
            listed_about = entity_of.get(paired.start)
            if paired.type == "Person" and frame and frame.main and _persons_holding(doc, f):
                # 王明和王亮拟认购的数量分别为1亿股、2000万股: the shares are the article's company's
                listed_about = (frame.company or frame.main).entity
            out.append(dataclasses.replace(f, about=listed_about))
            continue
        # 2104辆锋泰P7、936辆锋泰G3: a count right before a product counts that product
        counted = _counted_offering(f, mentions, starts) if f.kind == "quantity" else None
        if counted is not None:
            out.append(dataclasses.replace(f, about=entity_of.get(counted.start)))
            continue
        prev = out[-1] if out else None
        payee = _licence_payee(doc, f, mentions, entity_of, frame)
        if payee is None and prev is not None and prev.about is not None and id(prev) in licence_paid:
            payee = _deal_total_after(doc, prev, f)
        if payee is not None:
            paid = dataclasses.replace(f, about=payee)
            licence_paid.add(id(paid))
            out.append(paid)  # 星澜制药方面将支付3亿美元首付款 (in 青禾生物's story): the licensor's
            continue
        if prev is not None and _votes_of_stake(doc, prev, f, mentions, entity_of):
            out.append(dataclasses.replace(f, about=prev.about))  # 持有锋泰18.5%的股份，并拥有62.3%的投票权
            continue
        if prev is not None and _stake_in_shares(doc, prev, f):
            out.append(dataclasses.replace(f, about=prev.about))  # 收购公司20%股份(合计2.6亿股)
            continue
        target = (
            _venture_share(doc, f, mentions, entity_of)
            or _capital_share(doc, f, mentions, entity_of)
            or _stake_named_before(doc, f, mentions, entity_of)
            or _target(doc, f, targets)
            or _shares_of(doc, f, mentions, entity_of)
            or _traded_stock(doc, f, mentions, entity_of)
        )
        if target is None and (f.kind == "percentage" and _is_stake(doc, f) or _deal_price(doc, f)):
            target = _recent_target(f, targets)
        if target is None and f.kind == "money":
            bought = _bought_with(doc, f, mentions)
            target = entity_of.get(bought.start) if bought is not None else None
        if target is None and _price_premium(doc, f):
            target = _recent_target(f, targets)  # 这一价格较其停牌前市价溢价40%: the bought company's shares
        if target is None and _valuation_paid(doc, f):
            # 青禾集团以25亿美元估值买下 (the company bought named before): the valued company, never the buyer
            out.append(dataclasses.replace(f, about=_recent_target(f, targets)))
            continue
        if target is None and f.kind == "money":
            sold = _sold_for(doc, f, mentions)
            target = entity_of.get(sold.start) if sold is not None else None
        if target is None:
            target = _seller(doc, f, sellers)
        if target is not None:
            out.append(dataclasses.replace(f, about=target))
            continue
        if prev is not None and (
            listed.fullmatch(doc.norm, prev.evidence.end, f.evidence.start)  # 分别不低于3,100万元、4,200万元
            or _reached(doc, prev, f, mentions)  # 旗下菜鸟收入增长30%，达到280亿元
            or _continues_list(doc, prev, f, mentions)  # 支付3亿美元预付款，以及最高90亿美元的里程碑付款
            or _compares(doc, prev, f, mentions)  # 达5.2亿，较上年同期的4.1亿增长27%
        ):
            out.append(dataclasses.replace(f, about=prev.about))  # the same party as the figure before
            continue
        if _unnamed_venture_stake(doc, f, defined) or _each_the_same(doc, f, mentions):
            out.append(dataclasses.replace(f, about=None))  # 占合营公司股权约45% / A、B分别出资2亿元
            continue
        about = _defined_subject(doc, f, mentions, defined) or _about(
            doc,
            f,
            mentions,
            people,
            main,
            frame,
            entity_of,
            main_named,
            f.evidence.sentence in cited_data,
            targets,
        )
        if isinstance(about, Mention):
            about = _audience_of(doc, f, about, mentions) or about
        if isinstance(about, str):
            out.append(dataclasses.replace(f, about=about))
        else:
            out.append(dataclasses.replace(f, about=entity_of[about.start] if about else None))
    return out


_HOLDER_TYPES = ("Company", "Organization", "Platform", "Product", "BusinessUnit")  # what a stake is of
_LISTED_TYPES = (*_HOLDER_TYPES, "Person")  # what figures after 分别 may be of


def _counted_offering(f: Figure, mentions: list[Mention], starts: list[int]) -> Mention | None:
    """The product or programme named right after a count (its unit a measure word): 936辆锋泰G3. ``starts``
    are the mentions' starts, in order."""
    at = bisect.bisect_left(starts, f.evidence.end)
    if at < len(mentions) and mentions[at].start == f.evidence.end and mentions[at].type in _OFFERING:
        return mentions[at]
    return None


def _respectively(doc: Document, f: Figure, figures: list[Figure], mentions: list[Mention]) -> Mention | None:
    """A figure in a list after 分别 (respectively) that pairs with a list of as many names before it, in order:
    青禾汽车、远澜汽车位列其后，分别为2870辆和1930辆 — the second figure is 远澜汽车's. ``figures`` are those of the
    figure's sentence, in order; ``mentions`` are sorted by start."""
    words = load_words()
    sentence = doc.sentences[f.evidence.sentence]
    marker = None
    for found in words.regex("respectively").finditer(doc.norm, sentence.start, f.evidence.start):
        marker = found
    if marker is None:
        return None
    joins = words.regex("figure_list_join")
    chain: list[Figure] = []
    pos = marker.end()
    # the figures that follow the marker, one list (joined by 、 / 和 / 及, or a comma)
    for g in (g for g in figures if g.evidence.start >= marker.end()):
        between = doc.norm[pos : g.evidence.start]
        if chain and not (joins.fullmatch(between) or between.strip() in words.set("comma")):
            break
        if not chain and len(between) > 4:
            break
        chain.append(g)
        pos = g.evidence.end
    if f not in chain or len(chain) < 2:
        return None
    names = [m for m in _in_span(mentions, sentence.start, marker.start()) if m.type in _LISTED_TYPES]
    listed: list[Mention] = []
    for m in reversed(names):  # the list of names that ends last before the marker
        if listed and not joins.fullmatch(doc.norm, m.end, listed[0].start):
            break
        if not listed or m.end <= listed[0].start:
            listed.insert(0, m)
    if len(listed) != len(chain):
        return None
    if words.regex("respective_stake").match(doc.norm, marker.end()):
        # 青禾科技注册资本5亿元，其中锋泰与星澜分别持有40%和60%的股权: the stakes are in the company the sentence
        # opens with, not the holders'
        held = next((m for m in names if m.end <= listed[0].start and m.type in _HOLDER_TYPES), None)
        if held is not None and words.regex("among_them").search(doc.norm, held.end, listed[0].start):
            return held
    return listed[chain.index(f)]


def _deal_targets(relations) -> dict[int, list[Relation]]:
    """Investments and acquisitions stated in each sentence (their objects are what the money buys); not a
    person's holding vehicle (A通过B持有C 30%的股权: the stake is C's, not B's)."""
    out: dict[int, list[Relation]] = {}
    for r in relations:
        if (
            r.predicate in ("investsIn", "acquired")
            and not r.literal
            and ("role", HOLDING_VEHICLE) not in r.qualifiers
        ):
            out.setdefault(r.evidence.sentence, []).append(r)
    return out


def _sellers(relations) -> dict[int, set[str]]:
    """Who sells on a platform, per sentence (主播王明快手直播间…成交额超2亿元: the streamer)."""
    out: dict[int, set[str]] = {}
    for r in relations:
        if r.predicate == "sellsOn":
            out.setdefault(r.evidence.sentence, set()).add(r.subject)
    return out


def _seller(doc: Document, f: Figure, sellers: dict[int, set[str]]) -> str | None:
    """A sales figure in a sentence that says who sells on a platform is the seller's, when one seller is named
    there and the figure's clause speaks of sales."""
    found = sellers.get(f.evidence.sentence)
    if not found or len(found) != 1:
        return None
    lo = _clause_start(doc.norm, doc.sentences[f.evidence.sentence].start, f.evidence.start)
    if not load_words().regex("sales_word").search(doc.norm, lo, f.evidence.end + 4):
        return None
    return next(iter(found))


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    """Where the clause that holds ``pos`` begins: after the last clause break before it in its sentence."""
    breaks = load_words().words("clause_break")
    return max([text.rfind(c, sentence_start, pos) for c in breaks] + [sentence_start - 1]) + 1


def _target(doc: Document, f: Figure, targets: dict[int, list[Relation]]) -> str | None:
    """The company an amount or a stake in a deal sentence is about: the deal's target, where the figure stands
    between the buyer and the target or after both (以5.86亿美元收购新浪微博18%股份)."""
    if f.kind not in ("money", "percentage") and not _is_stake(doc, f):
        return None
    if load_words().regex("gain_after").match(doc.norm, f.evidence.end):
        return None  # 出售星澜电子股权，获得约8亿元收益: the seller's gain, not the target's price
    deals = [r for r in targets.get(f.evidence.sentence, []) if r.evidence.start <= f.evidence.start]
    if f.kind == "money" and load_words().regex("deal_price_by").search(
        doc.norm, max(0, f.evidence.start - 8), f.evidence.start
    ):
        # 以8.5亿元的价格将星澜电子出售给青禾集团: the deal's price
        deals = targets.get(f.evidence.sentence, [])
    if f.kind == "percentage" and not _is_stake(doc, f):
        return None
    objects = {r.object for r in deals}
    return deals[0].object if len(objects) == 1 else None


def _bought_with(doc: Document, f: Figure, mentions: list[Mention]) -> Mention | None:
    """星澜以5亿元收购锋泰 / 斥资3亿元增持锋泰 / 拟支付15亿元，取得锋泰的控制权: an amount a buyer pays, right before
    a verb of buying, is the price of the company named right after that verb (its descriptor between them:
    收购了精品民宿连锁集团锋泰), where no deal relation says so."""
    words, text = load_words(), doc.norm
    if words.regex("price_paid_before").search(text, max(0, f.evidence.start - 8), f.evidence.start) is None:
        return None
    verb = words.regex("price_bought_after").match(text, f.evidence.end)
    if verb is None:
        return None
    sentence = doc.sentences[f.evidence.sentence]
    for m in _in_span(mentions, verb.end(), min(sentence.end, verb.end() + 16)):
        gap = text[verb.end() : m.start]
        if any(c in gap for c in words.words("clause_break")) or words.regex("holder_of_bought").match(
            text, m.end
        ):
            return None  # (收购锋泰持有的青禾60%股权: the seller; the stake's own figure says whose)
        if m.type == "Place":
            continue  # 受让取得日本锋泰电子全部股权: the country before the name
        return m if m.type in _HOLDER_TYPES else None
    return None


def _price_premium(doc: Document, f: Figure) -> bool:
    """该价格较停牌前收盘价溢价约35% / 较前一交易日收盘价折让约10%: a price's premium or discount in its clause."""
    sentence = doc.sentences[f.evidence.sentence]
    lo = _clause_start(doc.norm, sentence.start, f.evidence.start)
    return (
        f.kind == "percentage"
        and load_words()
        .regex("price_premium_before")
        .search(doc.norm, max(lo, f.evidence.start - 30), f.evidence.start)
        is not None
    )


def _valuation_paid(doc: Document, f: Figure) -> bool:
    """以25亿美元估值买下 / 以5亿美元的估值领投: a valuation at which a buyer or an investor pays, so the company
    valued is the one bought or invested in, not the payer."""
    words, start = load_words(), f.evidence.start
    return (
        f.kind == "money"
        and words.regex("price_paid_before").search(doc.norm, max(0, start - 8), start) is not None
        and words.regex("valuation_deal_after").match(doc.norm, f.evidence.end) is not None
    )


def _sold_for(doc: Document, f: Figure, mentions: list[Mention]) -> Mention | None:
    """青禾集团拟出售星澜科技全部股权，预计套现20亿元 / 转让星澜科技51%股权，转让价款为6.5亿元: what a sale brings in
    or its price (套现 / 回笼资金 / 转让价款 right before the amount) is about the company sold, named right after a
    verb of selling earlier in the sentence (not 出售给: the buyer), the last one so named."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    if not (
        words.regex("sale_before_amount").search(text, max(0, start - 8), start)
        or load_words().regex("deal_price_before").search(text, max(0, start - 14), start)
    ):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    sold = None
    for verb in words.regex("sold_company_before").finditer(text, sentence.start, start):
        at = bisect.bisect_left(mentions, verb.end(), key=_start)
        if at < len(mentions) and mentions[at].start == verb.end() and mentions[at].type in _HOLDER_TYPES:
            sold = mentions[at]
            listed = words.regex("sold_list_after").match(text, sold.end)
            if listed and at + 1 < len(mentions) and mentions[at + 1].start == listed.end():
                return None  # 减持星澜(2013)及青禾(9880)，合共套现20亿元: the seller's total of several sales
    return sold


def _recent_target(f: Figure, targets: dict[int, list[Relation]], holder: str | None = None) -> str | None:
    """A stake with no company named for it (王五占股90% / 青禾将持股5% / 占注册资本的47%): the shares of the company
    the latest deal up to its sentence is about, where that deal names one company. With ``holder``, only the
    holder's own deals count, anywhere in the figure's sentence (星澜国资持股比例由5.1%变更为6.2%, after 增持锋泰保险…)."""
    for index in sorted((i for i in targets if i <= f.evidence.sentence), reverse=True):
        deals = [
            r
            for r in targets[index]
            if (
                r.subject == holder and r.object != holder
                if holder is not None
                else index < f.evidence.sentence or r.evidence.start <= f.evidence.start
            )
        ]
        if deals:
            objects = {r.object for r in deals}
            return deals[-1].object if len(objects) == 1 else None
    return None


def _stake_named_before(
    doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str]
) -> str | None:
    """A stake written right after the company whose shares it is (持有A 30%股权和B 75%股权 / B的75%股份): that
    company's."""
    words = load_words()
    if f.kind != "percentage":
        return None
    after = words.regex("stake_after").match(doc.norm, f.evidence.end) is not None
    sentence = doc.sentences[f.evidence.sentence]
    for m in _in_span(mentions, sentence.start, f.evidence.start):
        gap = doc.norm[m.end : f.evidence.start]
        if (
            m.type in _HOLDER_TYPES
            and m.end <= f.evidence.start
            and m.start in entity_of
            and (
                after
                and (
                    gap.strip() in ("", *words.words("possessive"))
                    or words.regex("stake_quantifier_gap").fullmatch(gap.strip()) is not None
                )
                or words.regex("stake_holder_gap").match(gap) is not None
                and any(w in gap for w in words.words("share_word"))
            )
        ):
            return entity_of[m.start]  # (持有星澜集团全部股权42%: the stake after 股权 is that company's too)
    return None


def _offering_measured(
    text: str, f: Figure, in_sentence: list[Mention], agents: list[Mention], c_lo: int
) -> Mention | None:
    """锋泰4代的销量超过800万台 / 青禾OS 4升级设备数达3000万: a product or programme that opens the
    figure's clause, with no organisation between it and the figure, is what the figure measures (not where the
    figure is money raised or paid: a product takes no investment)."""
    start = f.evidence.start
    offerings = [m for m in in_sentence if m.type in _OFFERING and c_lo <= m.start and m.end <= start]
    if not offerings or load_words().regex("funding_measure").search(text[c_lo : f.evidence.end + 4]):
        return None
    last = offerings[-1]
    if any(last.end <= m.start and m.end <= start for m in agents):
        return None  # 锋泰Pad 6发布后，锋泰营收增长10%: the company named after it
    return last


def _offering_opening(
    text: str, f: Figure, sent_start: int, c_lo: int, in_sentence: list[Mention]
) -> Mention | None:
    """第二季度，青禾App的月活跃用户为4.1亿，比去年同期的3.2亿增长28%: a product, platform or business unit that opens
    the sentence (after at most a short time phrase), with no other name before the figure, is what the figures of
    its later clauses measure too (not money raised or paid: a product takes no investment)."""
    named = [m for m in in_sentence if m.type in (*_AGENT, *_OFFERING) and m.start < f.evidence.start]
    if not named or named[0].type not in (*_OFFERING, "Platform", "BusinessUnit") or len(named) > 1:
        return None
    first = named[0]
    if first.start - sent_start > 8 or first.end > c_lo:
        return None  # (a name inside the figure's own clause is _about's business)
    if load_words().regex("funding_measure").search(text[c_lo : f.evidence.end + 4]):
        return None
    return first


def _priced_offering(
    text: str, f: Figure, in_sentence: list[Mention], agents: list[Mention], c_lo: int
) -> Mention | None:
    """锋泰公司发布青禾Pad 5，起售价为2999元: a price (售价 / 起售价 / 定价) in a clause that names no organisation is
    the price of the product named last before it in the sentence, not the maker's."""
    if f.kind != "money" or not load_words().regex("price_word").search(text, c_lo, f.evidence.start):
        return None
    if any(c_lo <= m.start < f.evidence.start for m in agents):
        return None
    offerings = [m for m in in_sentence if m.type in _OFFERING and m.end <= f.evidence.start]
    return offerings[-1] if offerings else None


def _stock_named(
    text: str, f: Figure, agents: list[Mention], sentence_start: int, c_lo: int
) -> Mention | None:
    """受锋泰科技注资消息提振，星澜电子今日股价收在26元，大涨19%: a move of a price or a value in a clause that names
    no one, after an earlier clause of the sentence that speaks of a company's stock: that company's (the last so named)."""
    words = load_words()
    if f.kind not in ("money", "percentage") or not words.regex("stock_move").search(
        text, c_lo, f.evidence.start
    ):
        return None
    stock = words.regex("stock_after_name")
    named = [m for m in agents if sentence_start <= m.start and m.end <= c_lo and stock.match(text, m.end)]
    return named[-1] if named else None


def _sold_offering(
    text: str, f: Figure, in_sentence: list[Mention], agents: list[Mention], c_lo: int
) -> Mention | None:
    """锋泰科技推出新车锋泰S7，上市24小时订单突破5万台: how many sold, shipped or ordered (销量 / 订单 / 激活量) in a
    clause that names no organisation, where the name closing the clause before is a product: the product's."""
    words = load_words()
    if f.kind == "money" or not words.regex("offering_volume_word").search(text, c_lo, f.evidence.start):
        return None
    if any(c_lo <= m.start < f.evidence.start for m in agents):
        return None
    named = [m for m in in_sentence if (m.type in _AGENT or m.type in _OFFERING) and m.end <= c_lo]
    if not named or named[-1].type not in _OFFERING:
        return None
    last = named[-1]
    gap = text[last.end : c_lo - 1]
    if len(gap) > 4 or any(c in gap for c in words.words("clause_break")):
        return None  # (the product must close the clause right before: 发布锋泰X5手机，…)
    return last


def _person_measured(text: str, f: Figure, in_sentence: list[Mention], c_lo: int) -> Mention | None:
    """锋泰科技董事长林舟年薪达500万元: a measure only a person has (年薪 / 身家), with a person named in the
    figure's clause before it: that person's, not the company's."""
    words = load_words()
    if not (
        words.regex("person_measure").search(text, c_lo, f.evidence.start)
        or words.regex("person_measure_after").match(text, f.evidence.end)  # 以120亿元的身家位列…
    ):
        return None
    people = [m for m in in_sentence if m.type == "Person" and c_lo <= m.start and m.end <= f.evidence.start]
    return people[-1] if people else None


def _personal_wealth(text: str, f: Figure, c_lo: int) -> bool:
    """身家 / 身价: a measure only a person has, before the figure in its clause or right after it."""
    words = load_words()
    return bool(
        words.regex("personal_wealth").search(text, c_lo, f.evidence.start)
        or words.regex("person_measure_after").match(text, f.evidence.end)
    )


def _streamer_on(text: str, last: Mention, in_sentence: list[Mention]) -> Mention | None:
    """林舟快手粉丝数达121万 / 王芳在小红书的首场直播热度达1亿: a person named right before the platform
    the figure follows is the one it measures (the streamer's followers and sales, not the platform's)."""
    words = load_words()
    if last.type != "Platform" and text[last.start : last.end] not in words.set("commerce_platform"):
        return None  # (快手, 小红书: the companies' names are their platforms' too)
    person = next((m for m in reversed(in_sentence) if m.type == "Person" and m.end <= last.start), None)
    if person is None:
        return None
    gap = text[person.end : last.start].strip()
    if gap not in ("", *words.words("on_platform"), *words.words("possessive")):
        return None
    return person


def _audience_of(doc: Document, f: Figure, about: Mention, mentions: list[Mention]) -> Mention | None:
    """王芳入驻小红书仅一个月，粉丝数已突破100万 / 坐拥500万粉丝的抖音主播王芳 / 王芳在抖音账号发布的视频获得了12万个赞:
    followers, likes or views (粉丝 / 点赞 / 观看) given to a platform belong to the account on it: the person named
    before the figure in its sentence (else the first after it), else an organisation named right before the
    platform (星澜甄选的抖音号有2800万粉丝). ``mentions`` are sorted by start."""
    words, text = load_words(), doc.norm
    if about.sentence != f.evidence.sentence or (
        about.type != "Platform" and text[about.start : about.end] not in words.set("commerce_platform")
    ):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    lo = _clause_start(text, sentence.start, f.evidence.start)
    audience = words.regex("audience_measure")
    if not (
        audience.search(f.measure or "")
        or audience.search(text, lo, f.evidence.start)
        or audience.match(text, f.evidence.end)
    ):
        return None
    in_sentence = _in_span(mentions, sentence.start, sentence.end)
    people = [m for m in in_sentence if m.type == "Person"]
    before = [m for m in people if m.end <= f.evidence.start]
    if before:
        return before[-1]
    # (after the figure only in its own clause: 坐拥500万粉丝的抖音主播王芳, not a speaker quoted after it)
    hi = min(
        [
            x
            for x in (text.find(c, f.evidence.end, sentence.end) for c in words.words("clause_break"))
            if x >= 0
        ]
        + [sentence.end]
    )
    after = [m for m in people if f.evidence.end <= m.start < hi]
    if after:
        return after[0]
    owner = next((m for m in reversed(in_sentence) if m.end <= about.start and m.type in _AGENT), None)
    if owner is not None and text[owner.end : about.start].strip() in ("", *words.words("possessive")):
        return owner
    return None


def _is_stake(doc: Document, f: Figure) -> bool:
    words, text, start = load_words(), doc.norm, f.evidence.start
    return bool(
        words.regex("stake_after").match(text, f.evidence.end)
        or words.regex("stake_before").search(text[max(0, start - 12) : start])
        or f.kind == "percentage"
        and (
            words.regex("stake_share_before").search(text[max(0, start - 40) : start])
            or words.regex("share_of_capital").search(text[max(0, start - 24) : start])
        )
    )


def _compares(doc: Document, prev: Figure, f: Figure, mentions: list[Mention]) -> bool:
    """``f`` compares the figure before it (月活达5.2亿，较上年同期的4.1亿增长27%): same sentence, a word of
    comparison between them and no name, so it measures the same thing. A figure about no one compares only a
    market's (市场规模达1480亿元，较上年增长27%: the market's growth, about no one either) or a total of several
    parties' (三大平台共实现8000亿元销售额，按年增长18%)."""
    if prev.evidence.sentence != f.evidence.sentence or prev.evidence.end > f.evidence.start:
        return False
    if prev.about is None:
        sentence = doc.sentences[prev.evidence.sentence]
        lo = _clause_start(doc.norm, sentence.start, prev.evidence.start)
        agents = [m for m in _in_span(mentions, sentence.start, prev.evidence.start) if m.type in _AGENT]
        if not (
            _market_measure(prev, doc.norm[lo : prev.evidence.start]) or _joint_total(doc, prev, agents, lo)
        ):
            return False
    gap = doc.norm[prev.evidence.end : f.evidence.start]
    if not load_words().regex("figure_comparison_gap").search(gap):
        return False
    # (a date between them is no name: 较2019年底增长27%)
    return _nothing_named(mentions, prev.evidence.end, f.evidence.start)


def _reached(doc: Document, prev: Figure, f: Figure, mentions: list[Mention]) -> bool:
    """``f`` is the level a change in the clause right before reached (旗下青禾物流收入增长30%，达到280亿元 / 净利润下滑
    12%，至8.5亿元): its clause opens with a verb of reaching and the figure, that clause holds the change ``prev``
    and no name stands between them, so it measures the same party's same thing."""
    if prev.about is None or prev.kind != "percentage" or prev.evidence.sentence != f.evidence.sentence:
        return False
    text = doc.norm
    sentence = doc.sentences[f.evidence.sentence]
    lo = _clause_start(text, sentence.start, f.evidence.start)
    if not (_clause_start(text, sentence.start, prev.evidence.start) < prev.evidence.end < lo):
        return False
    words = load_words()
    if any(c in text[prev.evidence.end : lo - 1] for c in words.words("clause_break")):
        return False  # (the change must close the clause right before)
    verb = words.regex("level_reached_opening").match(text, lo, f.evidence.end)
    if verb is None or verb.end() < f.evidence.start:  # (突破13亿: the verb may be the figure's own prefix)
        return False
    return _nothing_named(mentions, prev.evidence.end, f.evidence.start)


def _nothing_named(mentions: list[Mention], lo: int, hi: int) -> bool:
    """No name but a date starts in [lo, hi)."""
    return not any(m.type != "Date" for m in _in_span(mentions, lo, hi))


def _continues_list(doc: Document, prev: Figure, f: Figure, mentions: list[Mention]) -> bool:
    """``f`` opens a clause that continues the list of the figure before it (将支付3亿美元预付款，以及最高90亿美元的
    里程碑付款): same sentence, 以及 / 及 / 外加 opening its clause and no name since that figure, so it is about the
    same party."""
    if (
        prev.about is None
        or prev.evidence.sentence != f.evidence.sentence
        or prev.evidence.end > f.evidence.start
    ):
        return False
    sentence = doc.sentences[f.evidence.sentence]
    lo = _clause_start(doc.norm, sentence.start, f.evidence.start)
    if lo <= prev.evidence.end or not load_words().regex("list_continued_opening").match(doc.norm, lo):
        return False
    return _nothing_named(mentions, prev.evidence.end, f.evidence.start)


def _votes_of_stake(
    doc: Document, prev: Figure, f: Figure, mentions: list[Mention], entity_of: dict[int, str]
) -> bool:
    """``f`` is a share of the votes (62.3%的投票权) right after a stake in the same sentence (持有锋泰科技18.5%的股份):
    the votes are in the company whose shares the stake is, not the holder's. Not where that stake was given to
    its holder (通过星澜投资持股为13.5%，有72.9%的投票权: the stake's company is not known, nor the votes')."""
    words = load_words()
    if not (
        f.kind == "percentage"
        and prev.kind == "percentage"
        and prev.about is not None
        and prev.evidence.sentence == f.evidence.sentence
        and prev.evidence.end <= f.evidence.start
        and words.regex("voting_share_after").match(doc.norm, f.evidence.end) is not None
        and words.regex("voting_share_after").match(doc.norm, prev.evidence.end) is None
        and _is_stake(doc, prev)
    ):
        return False
    sentence = doc.sentences[prev.evidence.sentence]
    lo = _clause_start(doc.norm, sentence.start, prev.evidence.start)
    holds = words.regex("holds_stake")
    # (the name of the stake's company nearest before it: 持有锋泰18.5% is the company's, 星澜投资持股为13.5% the holder's)
    named = [m for m in _in_span(mentions, lo, prev.evidence.start) if entity_of.get(m.start) == prev.about]
    return not (named and holds.search(doc.norm, named[-1].end, prev.evidence.start))


def _stake_in_shares(doc: Document, prev: Figure, f: Figure) -> bool:
    """``f`` is the number of shares that the stake just before it comes to (收购公司20%股份(合计2.6亿股) /
    收购目标公司29.99%的股权，对应6500万股A股): the shares are in the stake's company, whoever buys them."""
    return (
        f.unit in load_words().words("share_count_unit")
        and prev.kind == "percentage"
        and prev.about is not None
        and prev.evidence.sentence == f.evidence.sentence
        and prev.evidence.end <= f.evidence.start
        and _is_stake(doc, prev)
        and load_words()
        .regex("stake_restated_in_shares")
        .fullmatch(doc.norm, prev.evidence.end, f.evidence.start)
        is not None
    )


def _shares_of(doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str]) -> str | None:
    """A number of shares, a price per share, the money laid out for them (斥资3.6亿元) or a stake in a sentence that
    trades or counts the shares of one named company (减持384万股锋泰科技，平均作价每股41元 / 增持星澜银行H股股份100万股，
    持股量由8.4%降至2.9%): that company's, whoever holds them."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    if not (
        f.unit in words.words("share_count_unit")
        or f.kind == "money"
        and (
            words.regex("per_share_price_before").search(text[max(0, start - 10) : start])
            or words.regex("share_outlay_before").search(text[max(0, start - 6) : start])
        )
        or f.kind == "percentage"
        and _is_stake(doc, f)
    ):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    after, before = words.regex("shares_after_name"), words.regex("shares_before_name")
    of = {
        entity_of[m.start]
        for m in _in_span(mentions, sentence.start, sentence.end)
        if m.type in _HOLDER_TYPES
        and m.start in entity_of
        and (after.match(text, m.end) or before.search(text[max(sentence.start, m.start - 14) : m.start]))
    }
    return next(iter(of)) if len(of) == 1 else None


def _persons_shares(doc: Document, f: Figure, holder: Mention) -> bool:
    """A number of shares or a percentage right after a person who holds or trades shares (林舟卖出42万股)."""
    words = load_words()
    return (
        holder.type == "Person"
        and (f.unit in words.words("share_count_unit") or f.kind == "percentage")
        and words.regex("holder_acts").match(doc.norm, holder.end) is not None
    )


def _defined_terms(doc: Document, mentions: list[Mention], entity_of: dict[int, str]) -> dict[str, str]:
    """Generic words the document defines as a party's short name (星澜动力有限公司，下称“合资公司”):
    word → that party's entity id. The recogniser keeps such words out of the graph; figures read them."""
    words = load_words()
    terms = words.set("defined_party_term")
    if not any(term in doc.norm for term in terms):
        return {}
    ends = {m.end: m for m in mentions if m.type in _HOLDER_TYPES and m.start in entity_of}
    out: dict[str, str] = {}
    alternative = words.regex("abbreviation_alternative")
    for match in words.regex("abbreviation").finditer(doc.norm):
        full = ends.get(match.start())
        if full is None:
            continue
        second = alternative.search(match.group())  # （简称“青禾”或“目标企业”）
        for term in (match.group(1), second.group(1) if second else None):
            if term in terms:
                out.setdefault(term, entity_of[full.start])
    # 共同出资设立星澜动力有限公司 … 合资公司拟注册资金8亿元: with no 下称, the venture words name the company set up
    founded = words.regex("venture_founded_before")
    for m in ends.values():
        if m.type == "Company" and founded.search(doc.norm, max(0, m.start - 32), m.start):
            for term in words.words("venture_term"):
                out.setdefault(term, entity_of[m.start])
            break
    return out


def _defined_subject(
    doc: Document, f: Figure, mentions: list[Mention], defined: dict[str, str]
) -> str | None:
    """合资公司的资本为25亿元 / 合资公司落户西安；注册资本为6200万元, after the document defined 合资公司: the
    figure's clause or sentence opens with the defined word and names nobody between it and the figure, so the
    figure is that party's."""
    if not defined:
        return None
    text, start = doc.norm, f.evidence.start
    sentence = doc.sentences[f.evidence.sentence]
    # (a sentence may end at a semicolon: the statement runs to the last full stop)
    stop = max(text.rfind(c, 0, sentence.start) for c in (*load_words().set("sentence_end"), "\n")) + 1
    for lo in sorted({_clause_start(text, sentence.start, start), sentence.start, stop}, reverse=True):
        opening = text[lo:start].lstrip()
        at = start - len(opening)
        pointer = next(
            (w for w in load_words().words("defined_term_demonstrative") if opening.startswith(w)), ""
        )
        opening, at = opening[len(pointer) :], at + len(pointer)  # 该合营公司总投资30亿元
        for term, entity in defined.items():
            if opening.startswith(term) and not any(
                m.type in _AGENT or m.type == "Person" for m in _in_span(mentions, at + len(term), start)
            ):
                return entity
    return None


def _deal_price(doc: Document, f: Figure) -> bool:
    """收购代价约为11.6亿元 / 交易总价8亿元 / 收购数量7亿股: an amount or a number of shares written as the price
    or the size of a deal."""
    start = f.evidence.start
    return (f.kind == "money" or f.unit in load_words().words("share_count_unit")) and bool(
        load_words().regex("deal_price_before").search(doc.norm[max(0, start - 14) : start])
    )


def _in_span(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions starting in [lo, hi); ``mentions`` are sorted by start (a binary search, not a scan)."""
    key = _start
    return mentions[bisect.bisect_left(mentions, lo, key=key) : bisect.bisect_left(mentions, hi, key=key)]


def _start(m: Mention) -> int:
    return m.start


def _about(
    doc: Document,
    f: Figure,
    mentions: list[Mention],
    people: list[Mention],
    main: Mention | None,
    frame: Frame | None,
    entity_of: dict[int, str],
    main_named: bool = True,
    cites_data: bool = False,
    targets: dict[int, list[Relation]] | None = None,
) -> Mention | str | None:
    sent = doc.sentences[f.evidence.sentence]
    start, end = f.evidence.start, f.evidence.end
    text = doc.norm
    seps = load_words().words("clause_break")
    c_lo = _clause_start(text, sent.start, start)
    c_hi = min([x for x in (text.find(c, end, sent.end) for c in seps) if x >= 0] + [sent.end])
    in_sentence = _in_span(mentions, sent.start, sent.end)
    if f.measure:
        m_at = text.find(f.measure, c_lo, c_hi)
        inside = [
            m
            for m in in_sentence
            if m_at >= 0 and m_at <= m.start < m_at + len(f.measure) and m.type in _AGENT
        ]
        if inside:
            return inside[0]
    listed_group = any(
        c_lo <= m.start and m.type in _AGENT and (_group_counted(text, m, f) or _counted_in_list(text, m, f))
        for m in in_sentence
    )
    in_sentence = [
        m
        for m in in_sentence
        if not _compared_with(text, m, start)
        and not _named_as_example(text, m)
        and not _ratio_base(text, m, f)
        and not _outdone(text, m, f)
        and not _counted_in_list(text, m, f)
    ]
    agents = [m for m in in_sentence if m.type in _AGENT]
    if load_words().regex("survey_share_after").match(text, end):
        return None  # 调查发现，82%受访企业家表示…: a share of those asked, about no one named
    if _market_measure(f, text[c_lo:start]) and not any(c_lo <= m.start and m.end <= start for m in agents):
        raiser = _own_round_total(text, f, agents, sent.start, c_lo)
        if raiser is not None:
            return raiser  # 星澜医疗已完成多轮融资，融资规模达数亿美元: its own rounds' total
        return None  # 中国短视频行业市场规模为1800亿元: a market's size, about no one named
    if listed_group and not any(c_lo <= m.start < start for m in agents):
        return None  # 青禾、星澜等12家公司携40个项目入选: the listed group's, none of its members'
    if not agents and _aggregate(text, sent.start, start, end):
        return (
            None  # 今年上半年，新能源汽车领域共发生融资事件120起: a sector's total, not the topic company's
        )
    if not any(m.start < start for m in agents) and _place_statistic(text, sent.start, start, in_sentence):
        return None  # 2023年，日本咖啡消费量约为45万吨: a place's statistics, about no company
    projects = list(load_words().regex("project_demonstrative").finditer(text, sent.start, start))
    if projects and not any(projects[-1].end() <= m.start < start for m in agents):
        return None  # 该项目总投资50亿元 / 这个园区占地800亩: a project's, no company's
    if _index_moves(text, sent.start, start, agents):
        return None  # 恒生指数报17500点，跌1.2%: a stock index's move, about no company
    pointed = _former_or_latter(doc, f, mentions, entity_of, c_lo)
    if pointed is not None:
        return pointed
    offering = (
        _offering_measured(text, f, in_sentence, agents, c_lo)
        or _priced_offering(text, f, in_sentence, agents, c_lo)
        or _sold_offering(text, f, in_sentence, agents, c_lo)
    )
    if offering is not None:
        return offering
    earner = _person_measured(text, f, in_sentence, c_lo)
    if earner is not None:
        return earner
    if _personal_wealth(text, f, c_lo):
        return None  # 创始人兄弟二人身家超过300亿元: a person's measure of no one named, never the company's
    subscriber = [m for m in agents if m.end <= start]
    if (
        subscriber
        and f.unit in load_words().words("share_count_unit")
        and frame
        and frame.funded
        and frame.funded.entity != entity_of.get(subscriber[-1].start)
        and load_words().regex("investor_subscribes").search(text, subscriber[-1].end, start)
    ):
        return (
            frame.funded.entity
        )  # 红杉中国以1亿美元认购3000万股B系列优先股 (in 青禾's round story): 青禾's shares
    if _is_stake(doc, f) or _company_shares_counted(text, f, c_lo):
        holder = [m for m in agents if c_lo <= m.start and m.end <= start]
        words = load_words()
        if not holder and words.regex("each_party_holds").search(text, c_lo, start):
            return None  # 拟成立新合资公司，双方各持股50%: an unnamed venture's shares
        sold = next((m for m in agents if words.regex("sellers_of").match(text, m.end)), None)
        if sold is not None and not holder:
            return sold  # 与锋泰电气的卖方订立…协议，收购目标公司25.5%的股权: the target's shares
        if words.regex("share_of_capital").search(text[max(sent.start, start - 24) : start]):
            traded = [
                m
                for m in agents
                if m.end <= start and words.regex("trades_shares").search(text[max(0, m.start - 4) : m.start])
            ]
            if traded:
                return traded[-1]  # 持有锋泰银行H股2亿股，占该行总股本的4.9%: the bank whose shares
        if _company_anaphor().search(text[max(c_lo, start - 8) : start]) or (
            _company_anaphor().search(text[f.evidence.end : f.evidence.end + 4]) and frame and frame.main
        ):
            # 1.2亿股公司股份: the company that announces in this sentence, else the article's company
            announcer = _announcer(text, agents)
            if announcer is not None:
                return announcer
            first = next((m for m in agents if m.end <= start and m.type in _HOLDER_TYPES), None)
            if (
                first is not None
                and not words.regex("holder_acts").match(text, first.end)
                and not _trades_the_shares(text, first, start, in_sentence)
            ):
                return first  # 锋泰集团(0088)主席王明…增持公司股份: the company the sentence opens with (not
                # 锋泰投资持有公司股份… / 锋泰投资计划减持公司股份…: the holder itself)
            return frame.main.entity if frame and frame.main else main
        if holder:
            held = _owned_by_subject(text, holder[-1], start, agents)
            # 持有禾丰生物27%股权: the company whose shares they are; 京东拥有20.5%的股权: the holder
            # itself, so the company the sentence says is held (腾讯持有虎牙42.5%的股权，京东拥有20.5%的股权)
            owner = entity_of.get(holder[-1].start)
            bought = _recent_target(f, targets or {}, owner) if held is None and owner is not None else None
            return held or bought or holder[-1]  # (a holder's stake in the one company it bought into)
    if _pronoun().search(text[c_lo:start]) or (
        _pronoun().search(text[sent.start : start])
        and not any(m.start < start for m in agents)
        and not _company_anaphor().match(
            text, c_lo
        )  # 他表示，公司上半年订单超过3亿元: the company's, not his
    ):
        # the last person ending before the figure (mentions do not overlap, so ends are in order too)
        i = bisect.bisect_right(people, start, key=lambda m: m.end)
        return people[i - 1] if i else None
    if _joint_total(doc, f, agents, c_lo):
        return None  # 青禾、星澜及锋泰三大平台去年共实现8000亿元销售额: a total of several, none of theirs
    before = [m for m in agents if c_lo <= m.start and m.end <= start]
    if (
        before
        and f.kind == "money"
        and frame
        and frame.funded
        and frame.funded.entity != entity_of.get(before[-1].start)
        and load_words().regex("investor_pays").search(text[before[-1].end : start])
    ):
        return frame.funded.entity  # 红杉中国投资了5000万美元 (in a story of 青禾's round): the round's money
    if before and f.kind == "money":
        receiver = _funding_receiver(text, f, before[-1], agents, sent.start, c_lo)
        if receiver is not None:
            return receiver
    if before:
        streamer = _streamer_on(text, before[-1], in_sentence)
        return streamer if streamer is not None else before[-1]
    subject = _offering_opening(text, f, sent.start, c_lo, in_sentence)
    if subject is not None:
        return subject
    stock_of = _stock_named(text, f, agents, sent.start, c_lo)
    if stock_of is not None:
        return stock_of
    after = [m for m in agents if end <= m.start < c_hi]
    if after:
        return after[0]
    means_of = _means_of(text, f, agents, sent.end, c_lo, c_hi)
    if means_of is not None:
        return means_of
    if cites_data and not agents:
        return None  # X的一份调研报告指出，40%的受访企业…: the data's subject, which no name here gives
    if not any(m.start < start for m in agents):
        article = (frame.company or frame.main).entity if frame and frame.main else None
        pointed = _pointed_back_at(doc, mentions, entity_of, sent.index, start, article)
        if pointed is not None:
            return pointed  # …上海星澜公司。该公司近年盈利良好，净利润2亿元: the company named last
    earlier = [m for m in agents if m.end <= c_lo]
    funded = frame.round_in(sent.index) if frame else None
    if (
        funded is not None
        and any(entity_of.get(m.start) == funded.entity for m in earlier)
        and load_words().regex("funding_measure").search(text, c_lo, end)
    ):
        return funded.entity  # 锋泰集团旗下的青禾物流完成新一轮融资，融资金额为10亿元: the round's company
    later = _later_subject(text, sent.start, earlier) if not _company_anaphor().match(text, c_lo) else None
    if later is not None:
        return later  # 青禾科技营收下滑，而星澜科技表现亮眼，营收增长35%: the last clause's subject, not the first's
    if earlier and (_company_anaphor().match(text, c_lo) or earlier[0].start - sent.start <= 2):
        # 锋泰集团公布业绩，集团收入240亿元 / 星澜零售作为主力业务，当季收入80亿元: the company the
        # sentence opens with, not the article's
        return _owned_part(text, earlier) or earlier[0]
    if earlier:
        # 林舟在快手的首场直播观看量达2亿，有200万人观看，卖了3000万: the streamer named before the platform that
        # an earlier clause opens with, not the platform
        streamer = _streamer_on(text, earlier[0], in_sentence)
        if streamer is not None and streamer.start - _clause_start(text, sent.start, streamer.start) <= 8:
            return streamer
    subject = _clause_subject(text, sent.start, earlier)
    if subject is not None:
        return subject
    if frame and frame.main and _company_measure(f):
        # 净营收 5.614 亿美元 in a results story: the article's company, unless the paragraph is about another
        # (a roundup of three companies' results: 京东集团营收…。…物流业务收入551亿元 is 京东集团's)
        company = (frame.company or frame.main).entity
        return _paragraph_company(doc, mentions, entity_of, f, company) or company
    earlier = [m for m in agents if m.end <= c_lo]
    if earlier:
        return earlier[0]  # an earlier clause: its subject (小米与京东达成合作，目标是… → 小米)
    people_in_clause = [m for m in in_sentence if m.type == "Person" and c_lo <= m.start < c_hi]
    if people_in_clause:
        if _persons_shares(doc, f, people_in_clause[-1]) and frame and frame.main:
            # 林舟累计卖出42万股 / 大股东林舟持股由68%摊薄至59%: a person's shares are the article's company's
            return (frame.company or frame.main).entity
        return people_in_clause[0]
    if not agents:
        stream = load_words().regex("stream_after_person")
        streamer = next(
            (
                m
                for m in reversed(in_sentence)
                if m.type == "Person" and m.end <= c_lo and stream.match(text, m.end)
            ),
            None,
        )
        if streamer is not None:
            return streamer  # 副县长林舟的直播短时间成交400多单，成交金额超过2万元: the streamer's
    if _company_anaphor().search(text[sent.start : start]):
        return main
    topic = _topic(doc, mentions, sent.index)
    if (
        topic is None
        and main_named
        and frame
        and frame.main
        and f.kind in ("money", "percentage")
        and not agents
    ):
        # • 净营收较上年同期增长1%: a bare line of a company's results
        return (frame.company or frame.main).entity
    return topic


def _former_or_latter(
    doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str], c_lo: int
) -> Mention | None:
    """星澜汽车和青禾汽车公布了财报，前者营收120亿元，后者营收98亿元: 前者 / 后者 opening the figure's clause, with no
    name between it and the figure, is the first or the second of the pair of names joined last before it, in its
    sentence, else in the sentence before (same paragraph). ``mentions`` are sorted by start."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    pointer = words.regex("former_latter_opening").match(text, c_lo, start)
    if pointer is None or any(
        m.type in _AGENT or m.type == "Person" for m in _in_span(mentions, pointer.end(), start)
    ):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    spans = [(sentence.start, pointer.start())]
    if sentence.index > 0 and doc.sentences[sentence.index - 1].paragraph == sentence.paragraph:
        spans.append((doc.sentences[sentence.index - 1].start, doc.sentences[sentence.index - 1].end))
    joins, maker_gap = words.regex("figure_pair_join"), words.regex("maker_product_gap")
    for lo, hi in spans:
        # (星澜的“X5”和青禾的“Q7”: a maker with its product is one item, the product)
        items: list[tuple[int, Mention]] = []
        for m in _in_span(mentions, lo, hi):
            if m.type in _OFFERING and items and items[-1][1].type in _AGENT:
                if maker_gap.fullmatch(text, items[-1][1].end, m.start):
                    items[-1] = (items[-1][0], m)
                    continue
            if m.type in (*_AGENT, *_OFFERING, "Person"):
                items.append((m.start, m))
        for (_, a), (b_at, b) in zip(
            items[-2::-1], items[:0:-1], strict=False
        ):  # backwards: (earlier, later)
            if joins.fullmatch(text, a.end, b_at):
                return a if pointer.group("former") else b
    # (锋泰集团宣布收购青禾物流。后者去年营收8亿元: the only two organisations named there)
    orgs = [m for m in mentions if m.type in _AGENT and m.start in entity_of]
    pair = last_pair(doc, orgs, entity_of, spans[-1][0], pointer.start())
    return None if pair is None else pair[0] if pointer.group("former") else pair[1]


def _own_round_total(
    text: str, f: Figure, agents: list[Mention], sentence_start: int, c_lo: int
) -> Mention | None:
    """星澜医疗已完成多轮融资，融资规模达数亿美元 / 青禾云宣布完成D轮融资，融资总额为4亿美元: a funding total (a
    market's word too: 融资规模 / 融资总额) in a clause after one that an organisation opens and that speaks of its
    funding: that organisation's rounds, not a sector's."""
    words = load_words()
    clause = text[c_lo : f.evidence.start]
    total = words.regex("round_total_measure")
    if not total.search(clause) or words.regex("aggregate_scope").search(total.sub("", clause)):
        return None  # (今年机器人赛道融资总额: a sector's)
    opener = next(
        (m for m in agents if m.end <= c_lo and m.start - _clause_start(text, sentence_start, m.start) <= 2),
        None,
    )
    if opener is None or not words.regex("funding_measure").search(text, opener.end, c_lo):
        return None
    return opener


def _joint_total(doc: Document, f: Figure, agents: list[Mention], c_lo: int) -> bool:
    """A total (共 / 合计 / 一共) right before the figure in its clause whose subject is several parties: a list of
    two or more names before it in the sentence, none in the figure's clause after the total word, or a word for
    several (二者 / 双方 / 三家)."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    total = words.regex("joint_total_before").search(text, c_lo, start)
    if total is None:
        return False
    at = total.start()
    if any(at <= m.start < start for m in agents):
        return False
    lo = doc.sentences[f.evidence.sentence].start
    if words.regex("joint_subject").search(text, max(lo, at - 6), at):
        return True
    named = [m for m in agents if m.end <= at]
    listed = _joined_at_end(text, named)
    return listed >= 2


def _joined_at_end(text: str, named: list[Mention]) -> int:
    """How many of ``named`` (in text order), counted back from the last, are one list: each joined to the next
    by nothing but a list's joining word or mark (A、B和C)."""
    joins = load_words().regex("figure_list_join")
    listed = 1
    for a, b in zip(named[-2::-1], named[:0:-1], strict=False):  # backwards: pairs (earlier, later)
        if not joins.fullmatch(text, a.end, b.start):
            break
        listed += 1
    return listed


def _pointed_back_at(
    doc: Document,
    mentions: list[Mention],
    entity_of: dict[int, str],
    index: int,
    start: int,
    article: str | None,
) -> Mention | None:
    """该公司 / 这家公司 / 该行 before the figure in its sentence: the organisation the nearest of the two sentences
    before (same or previous paragraph) names first, or the article's company where that sentence names it too."""
    sent = doc.sentences[index]
    if load_words().regex("company_demonstrative").search(doc.norm, sent.start, start) is None:
        return None
    named = _earlier_agents(doc, mentions, index)
    return next((m for m in named if entity_of.get(m.start) == article), named[0]) if named else None


def _paragraph_company(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], f: Figure, company: str
) -> str | None:
    """The first company of the figure's paragraph before it, where the paragraph does not name ``company``
    (the article's) before the figure and a company's measure follows that first name (京东集团营收达…)."""
    sent = doc.sentences[f.evidence.sentence]
    first = next((s for s in doc.sentences[: sent.index + 1] if s.paragraph == sent.paragraph), sent)
    named = [
        m
        for m in _in_span(mentions, first.start, f.evidence.start)
        if m.type == "Company" and _named_here(doc, m)
    ]
    if not named or any(entity_of.get(m.start) == company for m in named):
        return None
    head = named[0]  # the paragraph is its results only where a measure of a company follows its name
    after = doc.norm[head.end : head.end + 8]
    if not any(w in after for w in load_words().words("company_measure")):
        return None
    return entity_of.get(head.start)


def main_organisation(mentions: list[Mention]) -> Mention | None:
    """The organisation mentioned most often (ties: the earliest); the article's subject."""
    counts: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type in _AGENT:
            counts.setdefault(m.key, []).append(m)
    if not counts:
        return None
    return max(counts.values(), key=lambda ms: (len(ms), -ms[0].start))[0]


def _topic(doc: Document, mentions: list[Mention], index: int) -> Mention | None:
    """The first organisation or platform of the nearest earlier sentence (two back at most) in the same or previous paragraph."""
    agents = _earlier_agents(doc, mentions, index)
    return agents[0] if agents else None


def _earlier_agents(doc: Document, mentions: list[Mention], index: int) -> list[Mention]:
    """The organisations and platforms the article itself names in the nearest earlier sentence that names any (two
    back at most), in the same or the previous paragraph; none where there is no such sentence."""
    here = doc.sentences[index]
    for back in range(index - 1, max(-1, index - 3), -1):
        s = doc.sentences[back]
        if here.paragraph - s.paragraph > 1:
            break
        agents = [m for m in _in_span(mentions, s.start, s.end) if m.type in _AGENT and _named_here(doc, m)]
        if agents:
            return agents
    return []


def _named_here(doc: Document, m: Mention) -> bool:
    """A name the article's text uses, not its byline, its dateline's outlet (新浪科技讯 / 青禾财经APP讯) or an outlet
    it cites: those are not what the next sentences are about."""
    return m.source != BYLINE and not _in_dateline(doc, m) and not cited_outlet(doc, m)


def cited_outlet(doc: Document, m: Mention) -> bool:
    """据晚点报道 / 根据彭博社消息: an outlet cited for the news is not what the passage is about."""
    return _cited_as(doc, m, load_words().regex("news_cited_after"))


def _cited_as(doc: Document, m: Mention, after: re.Pattern[str]) -> bool:
    """据X / 根据X, then what ``after`` matches: X is cited (for data, or for the news)."""
    before = doc.norm[max(0, m.start - 2) : m.start]
    return before.endswith(load_words().words("citing_word")) and after.match(doc.norm, m.end) is not None


def _research_firm(doc: Document, m: Mention) -> bool:
    """据咨询公司星澜估计 / 市场研究公司星澜称 / 根据美国市场调查公司星澜数据: a name introduced as a research or data
    firm that says, estimates or publishes figures is their source, not what they are about."""
    words = load_words()
    if words.regex("research_firm_before").search(doc.norm, max(0, m.start - 6), m.start) is None:
        return False
    # (星澜数据: a name that itself ends in a word for data)
    return bool(
        words.regex("research_firm_says").match(doc.norm, m.end)
        or doc.norm[m.start : m.end].endswith(words.words("research_firm_name_end"))
    )


def _in_dateline(doc: Document, m: Mention) -> bool:
    return m.sentence == 0 and any((f.start, f.end) == (m.start, m.end) for f in byline_fields(doc))


@functools.cache
def _pronoun() -> re.Pattern[str]:
    return load_words().regex("personal_pronoun_word")  # (not the 他 of 其他)


@functools.cache
def _company_anaphor() -> re.Pattern[str]:
    """该公司 / 公司 with no name in the sentence refer back to the organisation the article is about."""
    return re.compile(load_words().alt("company_anaphor"))


def _contribution_clause(doc: Document, f: Figure) -> tuple[int, int] | None:
    """Where the clause of a party's money (出资6000万元) or stake (持股60%) begins and ends (the first clause
    break after the figure); None for a figure of another kind."""
    if f.kind not in ("money", "percentage"):
        return None
    words, text, start = load_words(), doc.norm, f.evidence.start
    sentence = doc.sentences[f.evidence.sentence]
    c_lo = _clause_start(text, sentence.start, start)
    before = text[max(c_lo, start - 16) : start]
    if not (
        f.kind == "money"
        and words.regex("contribution_before").search(before)
        or f.kind == "percentage"
        and words.regex("stake_before").search(before)
    ):
        return None
    breaks = (text.find(c, f.evidence.end, sentence.end) for c in words.words("clause_break"))
    return c_lo, min((at for at in breaks if at >= 0), default=sentence.end)


def _venture_share(
    doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str]
) -> str | None:
    """锋泰与青禾合资成立青禾冷链。两家里锋泰出资6000万元，持股60%: a party's money or stake in the venture
    set up just before (in the sentence, or the sentence before in the paragraph) is the venture's; the figure's
    clause names at most its contributor and nothing after the figure."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    sentence = doc.sentences[f.evidence.sentence]
    bounds = _contribution_clause(doc, f)
    if bounds is None:
        return None
    c_lo, c_hi = bounds
    clause = [m for m in _in_span(mentions, c_lo, sentence.end) if m.type in _AGENT]
    if len([m for m in clause if m.start < start]) > 1 or any(start <= m.start < c_hi for m in clause):
        return None
    lo = sentence.start
    if sentence.index > 0 and doc.sentences[sentence.index - 1].paragraph == sentence.paragraph:
        lo = doc.sentences[sentence.index - 1].start
    founded = words.regex("venture_founded_before")
    venture = next(
        (
            m
            for m in reversed(_in_span(mentions, lo, c_lo))
            if m.type == "Company"
            and m.start in entity_of
            and founded.search(text, max(0, m.start - 32), m.start)
        ),
        None,
    )
    if venture is None or any(entity_of.get(m.start) == entity_of[venture.start] for m in clause):
        return None
    return entity_of[venture.start]


def _capital_share(
    doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str]
) -> str | None:
    """青禾光电注册资本达8亿元，其中锋泰出资6亿元，出资后持股比例60%: a party's money or stake listed after 其中
    that follows a company's capital in the sentence is that company's, not the contributor's; the figure's clause
    names at most its contributor and nothing after the figure, and no other party stands between the company and
    其中."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    sentence = doc.sentences[f.evidence.sentence]
    bounds = _contribution_clause(doc, f)
    among = next(reversed(list(words.regex("among_them").finditer(text, sentence.start, start))), None)
    if bounds is None or among is None:
        return None
    c_lo, c_hi = bounds
    clause = [m for m in _in_span(mentions, c_lo, c_hi) if m.type in _AGENT]
    if len([m for m in clause if m.start < start]) > 1 or any(m.start >= start for m in clause):
        return None
    named = [m for m in _in_span(mentions, sentence.start, among.start()) if m.type in _AGENT]
    owner = next((m for m in reversed(named) if m.type == "Company" and m.start in entity_of), None)
    if (
        owner is None
        or among.start() - owner.end > 48
        or not words.regex("capital_before_among").search(text, owner.end, among.start())
        or any(entity_of.get(m.start) != entity_of[owner.start] for m in named if m.start > owner.start)
        or any(entity_of.get(m.start) == entity_of[owner.start] for m in clause)
    ):
        return None
    return entity_of[owner.start]


def _licence_payee(
    doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str], frame: Frame | None
) -> str | None:
    """星澜制药方面将支付3亿美元首付款 / 星澜制药开出的3亿美元首付款, in a story of 青禾生物's licence: an upfront or a
    milestone payment that the one party named before it in its clause pays, naming no payee, is the article's
    company's (the licensor, who receives it), unless the payer is that company."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    if f.kind != "money" or frame is None or frame.main is None:
        return None
    if not words.regex("licence_payment_after").match(text, f.evidence.end):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    c_lo = _clause_start(text, sentence.start, start)
    payers = [m for m in _in_span(mentions, c_lo, start) if m.type in _AGENT]
    if len(payers) != 1 or not words.regex("payer_before_amount").fullmatch(text, payers[0].end, start):
        return None
    company = (frame.company or frame.main).entity
    return company if entity_of.get(payers[0].start) != company else None


def _deal_total_after(doc: Document, prev: Figure, f: Figure) -> str | None:
    """…将支付3亿美元首付款，交易总价值可达50亿美元: a deal's total after a payment in its sentence, the next payment
    of a list, or an amount converted, is the same party's as the payment before it."""
    words, text = load_words(), doc.norm
    if f.kind != "money" or prev.evidence.sentence != f.evidence.sentence:
        return None
    if words.regex("licence_payment_chain").fullmatch(text, prev.evidence.end, f.evidence.start):
        return prev.about  # 3亿美元首付款、最高20亿美元的里程碑付款 / 50亿美元，约合人民币360亿元
    lo = _clause_start(text, doc.sentences[f.evidence.sentence].start, f.evidence.start)
    if not words.regex("deal_total_before").search(text, max(lo, prev.evidence.end), f.evidence.start):
        return None
    return prev.about


def _unnamed_venture_stake(doc: Document, f: Figure, defined: dict[str, str]) -> bool:
    """占合营公司股权约45% / 持有合资公司51%的股份: a stake in a venture that the text names with a venture word only
    (no name defined for it) is about no one named, not the holder's."""
    if f.kind != "percentage":
        return False
    text, start = doc.norm, f.evidence.start
    lo = max(_clause_start(text, doc.sentences[f.evidence.sentence].start, start), start - 20)
    found = load_words().regex("unnamed_venture_stake_before").search(text, lo, start)
    return found is not None and not any(term in found.group() for term in defined)


def _each_the_same(doc: Document, f: Figure, mentions: list[Mention]) -> bool:
    """青禾、星澜、锋泰拟以现金分别出资2亿元: one figure right after 分别 and a verb, with a list of two or more
    names joined before 分别 in its clause and no figure after it in the list, is each party's alike, not the last
    one's alone."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    sentence = doc.sentences[f.evidence.sentence]
    c_lo = _clause_start(text, sentence.start, start)
    same = words.regex("each_the_same_before").search(text, max(c_lo, start - 16), start)
    if same is None or words.regex("figure_list_join").match(text, f.evidence.end):
        return False
    named = [m for m in _in_span(mentions, c_lo, same.start()) if m.type in _AGENT or m.type == "Person"]
    listed = _joined_at_end(text, named)
    return len(named) >= 2 and listed == len(named)


def _persons_holding(doc: Document, f: Figure) -> bool:
    """A figure a person has as a holder of a company's shares: a number of shares, a stake, or the money a
    subscription for shares comes to (拟认购的金额分别为8亿元和2亿元)."""
    words = load_words()
    sentence = doc.sentences[f.evidence.sentence]
    if f.unit in words.words("share_count_unit") or f.kind == "percentage" and _is_stake(doc, f):
        return True
    if f.kind == "percentage":  # 分别持股35.5%和20.1%: the later stakes of the list too
        lo = _clause_start(doc.norm, sentence.start, f.evidence.start)
        return words.regex("listed_stakes_before").search(doc.norm, lo, f.evidence.start) is not None
    return (
        f.kind == "money"
        and words.regex("subscribed_before").search(doc.norm, sentence.start, f.evidence.start) is not None
    )


def _traded_stock(doc: Document, f: Figure, mentions: list[Mention], entity_of: dict[int, str]) -> str | None:
    """星澜电子股价大涨，锋泰资本随即沽出5000万股，持股比例降至2.9%: a number of shares or a stake that a clause trades or
    holds, after an earlier clause of the sentence that speaks of one company's stock, is that company's, not the
    holder's (who is named in the figure's clause, if at all, before the verb)."""
    words, text, start = load_words(), doc.norm, f.evidence.start
    if not (f.unit in words.words("share_count_unit") or f.kind == "percentage" and _is_stake(doc, f)):
        return None
    sentence = doc.sentences[f.evidence.sentence]
    c_lo = _clause_start(text, sentence.start, start)
    traded = words.regex("share_trade_before").search(text, c_lo, start)
    if traded is None:
        return None
    stock = words.regex("stock_after_name")
    named = [
        m
        for m in _in_span(mentions, sentence.start, c_lo)
        if m.type in _HOLDER_TYPES and m.start in entity_of
    ]
    listed = {entity_of[m.start] for m in named if stock.match(text, m.end)}
    if len(listed) != 1:
        return None
    company = next(iter(listed))
    clause = [m for m in _in_span(mentions, c_lo, start) if m.type in _AGENT or m.type == "Person"]
    if any(entity_of.get(m.start) == company or m.start > traded.start() for m in clause):
        return (
            None  # (the company itself in the clause, or a name between the verb and the figure: its shares)
        )
    return company


def _place_statistic(text: str, sentence_start: int, start: int, in_sentence: list[Mention]) -> bool:
    """欧洲去年电动自行车销量达到470万辆 / 今年前三季度，广东省外贸进出口总额达6万亿元: the sentence opens (after
    dates) with a place that is no company's region (not 中国市场 / 华东区), and nobody is named before the figure."""
    first = next(
        (m for m in in_sentence if m.start < start and (m.type in _AGENT or m.type in ("Place", "Person"))),
        None,
    )
    words = load_words()
    return (
        first is not None
        and first.type == "Place"
        and words.regex("place_statistic_lead").match(text[sentence_start : first.start]) is not None
        and words.regex("place_statistic_part").match(text, first.end) is None
        and not any(m.type == "Person" for m in in_sentence if m.start < start)
    )


def _owned_part(text: str, earlier: list[Mention]) -> Mention | None:
    """锋泰集团旗下的青禾科技成立于2015年，注册资本2亿元 / 星澜股份拟设立全资子公司星澜智能，注册资本5000万元: the
    sentence opens with a group and names its part right after it, so a later clause's figure is the part's."""
    if len(earlier) < 2:
        return None
    first, part = earlier[0], earlier[1]
    joined = load_words().regex("parent_of_before").fullmatch(text, first.end, part.start)
    return part if joined is not None and part.type in _HOLDER_TYPES else None


def _owned_by_subject(text: str, last: Mention, start: int, agents: list[Mention]) -> Mention | None:
    """Where ``last`` holds the stake (a holding verb between it and the figure, none before it), the company
    named right after a holding verb elsewhere in the sentence; None otherwise."""
    holds = load_words().regex("holds_stake")
    if not holds.search(text[last.end : start]) or holds.search(text[max(0, last.start - 3) : last.start]):
        return None
    return next(
        (m for m in agents if m is not last and holds.search(text[max(0, m.start - 3) : m.start])), None
    )


def _company_shares_counted(text: str, f: Figure, c_lo: int) -> bool:
    """A number of shares written after the company's shares in its clause (增持公司股份200万股 / 持有公司股份合计
    8000万股): the shares of the company the article is about, as a stake is."""
    words = load_words()
    return (
        f.unit in words.words("share_count_unit")
        and words.regex("company_shares_before_count").search(
            text, max(c_lo, f.evidence.start - 16), f.evidence.start
        )
        is not None
    )


def _trades_the_shares(text: str, first: Mention, start: int, in_sentence: list[Mention]) -> bool:
    """``first`` is itself the one that holds or trades the shares: a verb of holding or trading follows it before
    the figure with no person between (青禾集团计划减持公司股份 / 青禾集团将以每股12元受让公司15%股份), so 公司
    is another company, the article's (not 锋泰集团主席王明增持公司股份: the chairman trades his company's)."""
    words = load_words()
    verb = words.regex("share_trade_anywhere").search(text, first.end, start)
    if verb is None or words.regex("shareholder_role").search(text, first.end, verb.start()):
        return False  # (星澜电子部分董事计划减持公司股份: its directors trade, 公司 is 星澜电子)
    return not any(
        (m.type == "Person" or m.type in _AGENT) and first.end <= m.start < verb.start() for m in in_sentence
    )


def _announcer(text: str, agents: list[Mention]) -> Mention | None:
    """The company whose announcement the sentence reports (华谊兄弟(300027)公告称，…), if one does."""
    announces = load_words().regex("announces_after_name")
    return next((m for m in agents if announces.match(text, m.end)), None)


def _market_measure(f: Figure, before: str) -> bool:
    """A measure of a market or an industry as a whole (市场规模, 行业规模, 复合增长率), in the figure's measure or in
    its clause before it."""
    before = _without_footprint(before)  # (在全国有37家门店: where the company is, not the nation's total)
    return any(w in (f.measure or "") or w in before for w in load_words().words("market_measure"))


def _without_footprint(text: str) -> str:
    """``text`` with the wordings of where a company is present (在全国有 / 覆盖全国) blanked, same length."""
    return load_words().regex("company_footprint").sub(lambda m: " " * len(m.group()), text)


def _aggregate(text: str, sentence_start: int, start: int, end: int) -> bool:
    """A sentence that names no organisation and speaks of a whole sector, region or market before the figure
    (领域 / 产业带 / 全球 / 全市 / 市场规模), or whose figure counts the firms of one (共有36家上市企业), and does not
    point back at a company (其 / 公司): about no one."""
    words = load_words()
    span = _without_footprint(text[sentence_start:start])
    counted = words.regex("firm_count").search(text, max(sentence_start, start - 4), end + 10)
    return (
        (
            words.regex("aggregate_scope").search(span) is not None
            or counted is not None
            and counted.start() < start
        )
        and words.regex("aggregate_anaphor").search(text, sentence_start, start) is None
        and _pronoun().search(text, sentence_start, start) is None
    )


def _index_moves(text: str, sentence_start: int, start: int, agents: list[Mention]) -> bool:
    """恒生指数报17500点，跌1.2% / 沪指涨0.8%: the figure's clause, or one of the two before it in its sentence, opens
    with a stock index, and no organisation stands between that opening and the figure (恒生科技指数: a name
    followed by 指数 is the index's)."""
    words = load_words()
    opening, index_name = words.regex("market_index_opening"), words.regex("index_after_name")
    named = [m for m in agents if m.start < start and not index_name.match(text, m.end)]
    pos = start
    for _ in range(3):
        lo = _clause_start(text, sentence_start, pos)
        if any(lo <= m.start for m in named):
            return False
        if opening.match(text, lo):
            return True
        if lo <= sentence_start:
            return False
        pos = lo - 1  # (the clause before: up to the break that opens this one)
    return False


def _compared_with(text: str, m: Mention, start: int) -> bool:
    """星澜汽车的销量较青禾汽车高出50万辆 / 比青禾汽车多卖了5万辆: ``m`` is what the figure at ``start`` is compared
    with (较/比 right before it, a word of exceeding between it and the figure), so the difference is the subject's,
    not ``m``'s (超过青禾汽车的17万辆 is 青禾汽车's own figure, and stays so)."""
    words = load_words()
    return (
        m.end <= start
        and words.regex("compared_before_name").search(text[max(0, m.start - 4) : m.start]) is not None
        and words.regex("compared_gap").fullmatch(text, m.end, start) is not None
    )


def _ratio_base(text: str, m: Mention, f: Figure) -> bool:
    """锋泰科技的营收是星澜电子的3倍 / 星澜招聘市值7亿美元，仅为锋泰招聘的40%: ``m`` is the name a multiple or a
    percentage is taken of (是 / 达到 / 仅为 before it, 的 after it, then the figure), so the figure is the
    subject's, not ``m``'s."""
    words = load_words()
    if f.unit in words.words("ratio_unit"):
        base = words.regex("ratio_base")
    elif f.kind == "percentage":
        base = words.regex("percent_ratio_base")
    else:
        return False
    return (
        words.regex("ratio_name_gap").fullmatch(text, m.end, f.evidence.start) is not None
        and base.search(text, max(0, m.start - 6), m.start) is not None
    )


def _counted_in_list(text: str, m: Mention, f: Figure) -> bool:
    """红杉已投资包括京东、美团、拼多多等300家企业 / 园区已吸引华为、腾讯等50余家企业入驻: ``m`` is an item of a list
    closed by 等 right before a count of its kind, so the count is the whole list's, not ``m``'s (the subject before
    the list is what it is about)."""
    words = load_words()
    if m.end > f.evidence.start:
        return False
    if f.unit in words.words("counter") and words.regex("listed_before_count").fullmatch(
        text, m.end, f.evidence.start
    ):
        return True
    return _group_counted(text, m, f)


def _group_counted(text: str, m: Mention, f: Figure) -> bool:
    """锋泰、青禾等12家公司携40个项目入选: ``m`` is an item of a list closed by 等 and a count of its kind, and the
    figure comes later in that clause, so it is the counted group's, not ``m``'s."""
    return (
        m.end <= f.evidence.start
        and load_words().regex("listed_count_then").fullmatch(text, m.end, f.evidence.start) is not None
    )


def _outdone(text: str, m: Mention, f: Figure) -> bool:
    """蔚来以16万辆的交付量反超理想汽车 / 凭借45%的份额领先青禾: ``m`` is the name the figure beats, named right after
    it and a verb of beating, so the figure is the subject's, not ``m``'s."""
    return (
        f.evidence.end <= m.start
        and load_words().regex("outdone_gap").fullmatch(text, f.evidence.end, m.start) is not None
    )


def _means_of(
    text: str, f: Figure, agents: list[Mention], sentence_end: int, c_lo: int, c_hi: int
) -> Mention | None:
    """凭借45%的市场份额，宁德时代稳居行业第一: a figure in a clause that opens with a word of means (凭借 / 依靠 /
    得益于) and names no one, where the next clause opens with an organisation: that organisation's."""
    words = load_words()
    if c_hi >= sentence_end or not words.regex("means_opening").match(text, c_lo, f.evidence.start):
        return None
    if any(c_lo <= m.start < c_hi for m in agents):
        return None
    opener = next((m for m in agents if m.start > c_hi), None)
    if opener is None or len(text[c_hi + 1 : opener.start].strip()) > 2:
        return None
    return opener


def _funding_receiver(
    text: str, f: Figure, investor: Mention, agents: list[Mention], sentence_start: int, c_lo: int
) -> Mention | None:
    """A received its funding from the investor named right before the amount (获得锋泰资本的5000万元投资):
    the amount is the receiver's, the organisation that opens the figure's clause, else the one that opens an
    earlier clause of the sentence (the subject the figure's clause leaves out)."""
    words = load_words()
    if not (
        words.regex("funding_from_gap").fullmatch(text, investor.end, f.evidence.start)
        and words.regex("funding_after_amount").match(text, f.evidence.end)
    ):
        return None
    verb = words.regex("funding_received_from").search(text[max(c_lo, investor.start - 8) : investor.start])
    if verb is None:
        return None
    verb_at = max(c_lo, investor.start - 8) + verb.start()
    inside = [m for m in agents if c_lo <= m.start and m.end <= verb_at]
    if inside:
        return inside[0]
    return next(
        (m for m in agents if m.end <= c_lo and m.start - _clause_start(text, sentence_start, m.start) <= 2),
        None,
    )


def _clause_subject(text: str, sentence_start: int, earlier: list[Mention]) -> Mention | None:
    """各家车企正在分化，青禾汽车上季的营收再创新高，总收入188.6亿元: the one organisation named before the figure's
    clause, where it opens a clause of its own (its subject), rather than the article's company."""
    if len(earlier) != 1:
        return None
    m = earlier[0]
    return m if m.start - _clause_start(text, sentence_start, m.start) <= 2 else None


def _later_subject(text: str, sentence_start: int, earlier: list[Mention]) -> Mention | None:
    """青禾电子净利润下降12%，而排名第二的星澜电子表现稳健，实现营收80亿元: where a later clause opens with a company of
    its own (after 而 / 则 / 反观 and a rank), the figure in a subjectless clause after it is that company's, not the
    sentence's first company's."""
    orgs = [m for m in earlier if m.type in _HOLDER_TYPES and m.type != "Product"]
    if len(orgs) < 2:
        return None
    opener = load_words().regex("later_subject_opener")
    first = _clause_start(text, sentence_start, orgs[0].start)
    for m in reversed(orgs[1:]):
        lo = _clause_start(text, sentence_start, m.start)
        if lo > first and opener.fullmatch(text, lo, m.start):
            return m
    return None


def _named_as_example(text: str, m: Mention) -> bool:
    """新业务（含青禾优选、星澜外卖等）收入156亿元: a name listed in brackets as an example of a segment is not what the
    segment's figure is about."""
    return (
        load_words().regex("example_bracket_before").search(text, max(0, m.start - 30), m.start) is not None
    )


def _company_measure(f: Figure) -> bool:
    """A measure only a company has: revenue, profit, valuation, funding (营收, 净利润, 估值, 融资)."""
    return bool(f.measure and any(f.measure.endswith(w) for w in load_words().words("company_measure")))
