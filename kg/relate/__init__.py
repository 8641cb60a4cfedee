"""Relations between entities, from explicit wording in one sentence (plus the discourse topic for bare titles)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..kb import is_market, kb_label, load_kb
from ..model import Document, Evidence, Figure, Mention, Relation
from ..recognize.byline import byline_fields
from ..recognize.lexicon import Lexicon, load_lexicon
from ..recognize.shortforms import regional_subsidiary, trade_cores
from ..recognize.units import company_stem, owner_in_name
from ..resolve import entity_id
from ..words import load_words
from ..zh.text import to_simplified
from .about import _AGENT, _company_anaphor, _topic, assign_about, cited_outlet
from .anaphora import company_mentions, gap_mentions, pair_mentions, pronoun_mentions, role_mentions
from .byline import byline_relations
from .frame import Frame, document_frame
from .makers import curated_maker_ids, known_makers, named_maker
from .rules import RuleEnv, RuleSet, load_rules
from .scorer import RelationScorer
from .template import SentenceView

ANAPHOR_DISCOUNT = 0.9

__all__ = ["relate", "assign_about", "article_id"]


def article_id(doc: Document) -> str:
    return f"article/{doc.id}"


def relate(
    doc: Document,
    mentions: list[Mention],
    entity_of: dict[int, str],
    figures: list[Figure] | tuple[Figure, ...] = (),
    *,
    lexicon: Lexicon | None = None,
    rules: RuleSet | None = None,
    frame: Frame | None = None,
    scorer: RelationScorer | None = None,
) -> list[Relation]:
    """All relations found in ``doc``; ``entity_of`` maps a mention's start offset to its entity id.

    Each sentence becomes a template (its mentions as typed slots) that the relation rules read; then the learned
    ``scorer``, if given, relates pairs of entities no rule linked."""
    lexicon = lexicon or load_lexicon()
    rules = rules or load_rules(title_pattern=lexicon.title_pattern.pattern)
    starts = [m.start for m in mentions]
    amounts: dict[int, list[str]] = {}
    not_paid = load_words().words("not_a_deal_amount")
    sale, per_share = load_words().regex("sale_before_amount"), load_words().regex("per_share_after")
    for f in figures:  # what a deal pays: money, but not a valuation or revenue (融资后估值将达到30亿美元)
        if f.kind == "money" and not (f.measure and any(w in f.measure for w in not_paid)):
            if sale.search(doc.norm, max(0, f.evidence.start - 4), f.evidence.start):
                continue  # 减持锋泰科技套现3亿元: what a sale brings in
            if per_share.match(doc.norm, f.evidence.end) or doc.norm.endswith(
                load_words().words("per_share_before"), 0, f.evidence.start
            ):
                continue  # 以15.23元/股的价格 / 每股13.80港元: a price per share, not what the deal pays
            amounts.setdefault(f.evidence.sentence, []).append(f.text)
    frame = frame or document_frame(doc, mentions, entity_of, figures)
    fields = byline_fields(doc)
    in_byline = {(f.start, f.end) for f in fields}  # the spans a byline or dateline names
    out: list[Relation] = []
    pronouns, pronoun_ids = pronoun_mentions(doc, mentions, entity_of)
    main = frame.main.entity if frame.main else None
    companies, company_ids = company_mentions(doc, mentions, entity_of, main)
    gaps, gap_ids = gap_mentions(doc, mentions, entity_of, main)
    pairs, pair_ids = pair_mentions(doc, mentions, entity_of)
    roles, role_ids = role_mentions(doc, mentions, entity_of)
    # an anaphor's slot (他, 公司, 其, 后者, an empty subject) stands for its antecedent's entity
    read_as = {**entity_of, **pronoun_ids, **company_ids, **gap_ids, **pair_ids, **role_ids}
    pronouns_in: dict[int, list[Mention]] = {}
    for p in pronouns:
        pronouns_in.setdefault(p.sentence, []).append(p)
    companies_in: dict[int, list[Mention]] = {}
    for c in companies + gaps + pairs + roles:
        companies_in.setdefault(c.sentence, []).append(c)
    for sent in doc.sentences:
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        local = mentions[lo:hi]
        anaphors = companies_in.get(sent.index)
        if not local and not anaphors:
            continue
        here = pronouns_in.get(sent.index)
        if here:
            local = sorted([*local, *here], key=lambda m: m.start)
        view = SentenceView.build(doc, sent, local, read_as)
        out += byline_relations(view, article_id(doc), fields)
        topic = (
            _org_topic(doc, mentions, local, sent.index, entity_of, in_byline, main, lexicon)
            if "⟦P" in view.template or rules.words.regex("reads_topic").search(view.template)
            else None
        )
        env = RuleEnv(rules.words, lexicon, amounts.get(sent.index, []), topic, frame)
        out += rules.apply(view, env)
        if anaphors:  # the sentence again with 公司 / 其 as the organisation they stand for (rules that read
            # the word itself, 公司与X签署, keep their reading above)
            both = sorted([*local, *anaphors], key=lambda m: m.start)
            at = {m.start for m in anaphors}
            again = SentenceView.build(doc, sent, both, read_as)
            if topic is not None:  # the topic is a slot number: the same mention's number in this view
                topic = _org_topic(doc, mentions, both, sent.index, read_as, in_byline, main, lexicon)
                env = RuleEnv(rules.words, lexicon, amounts.get(sent.index, []), topic, frame)
            out += [  # a fact read through an anaphor is a little less sure than one that names both ends
                replace(r, confidence=round(r.confidence * ANAPHOR_DISCOUNT, 2))
                if r.evidence.start in at
                else r
                for r in rules.apply(again, env)
            ]
    out += _round_backers(doc, mentions, entity_of, frame, out)
    out += _named_units(doc, mentions, entity_of, lexicon)
    out += _model_family(doc, mentions, entity_of, out)
    out += known_makers(doc, mentions, entity_of, lexicon, out)
    out += _unit_signatories(doc, out)
    if scorer is not None:
        out += scorer.relations(doc, mentions, entity_of, linked=out)
    out = _not_anothers_product(out, mentions, entity_of, lexicon)
    out = _known_maker_not_dealt(out)
    out = _no_company_over_government(out, mentions, entity_of)
    return _dedupe(_nearer_parent(_no_parent_of_own_unit(_heads_not_staff(out))))


def _unit_signatories(doc: Document, relations: list[Relation]) -> list[Relation]:
    """A person who signs for one of the parties of an agreement (…与青禾集团储能事业部副总经理王明，代表双方签约) acts for
    the company: the head or staff of a division whose name says whose it is (rule unit_name) works for that company
    too, where the sentence says the people sign for the parties (the vocabulary's signing_for_parties)."""
    parent = {
        r.subject: r.object
        for r in relations
        if r.predicate == "parentOrganization" and r.rule == "unit_name" and r.object
    }
    if not parent:
        return []
    cue = load_words().regex("signing_for_parties")
    out, seen = [], {r.key for r in relations}
    for r in relations:
        if r.predicate not in ("leads", "worksFor") or r.object not in parent:
            continue
        if ("former", "true") in r.qualifiers or not cue.search(
            to_simplified(doc.sentences[r.evidence.sentence].text)
        ):
            continue
        fact = replace(r, predicate="worksFor", object=parent[r.object], rule="unit_signatory", qualifiers=())
        if fact.key not in seen:
            seen.add(fact.key)
            out.append(replace(fact, confidence=round(r.confidence * 0.9, 2)))
    return out


def _not_anothers_product(
    relations: list[Relation], mentions: list[Mention], entity_of: dict[int, str], lexicon: Lexicon
) -> list[Relation]:
    """A well-known product the curated list gives a maker is no product of another organisation a sentence rule
    reads it with: a company that uses it, sells it, builds on it or partners its maker (青禾科技的ChatGPT使用率 /
    锋泰集团的iPhone订单 / 青禾科技的鸿蒙版应用). An organisation the list does not name stays where it may be one of
    the maker's own: a business unit, or one whose name holds a maker's (京东数科 for 京东支付, 上海万物新生… for 爱回收)."""
    makers_of: dict[str, set[str]] = {}
    for m in mentions:
        e = entity_of.get(m.start)
        entry = lexicon.names.get(m.key)
        if (
            e is not None
            and entry is not None
            and m.type in _MADE_TYPES
            and entry.canonical in lexicon.makers
        ):
            makers_of.setdefault(e, set()).update(curated_maker_ids(entry.canonical, lexicon))
    if not makers_of:
        return relations
    names_of: dict[str, set[str]] = {}
    for m in mentions:
        if m.start in entity_of:
            names_of.setdefault(entity_of[m.start], set()).add(
                "BusinessUnit" if m.type == "BusinessUnit" else m.key
            )
    # the first two characters of each maker's name: an organisation whose name holds them may be the maker's own
    stems_of = {e: {i.partition("/")[2][:2] for i in ids} for e, ids in makers_of.items()}
    out = []
    for r in relations:
        makers = makers_of.get(r.subject)
        if r.predicate == "productOf" and r.rule not in _PARENT_BY_NAME and makers and r.object not in makers:
            names = names_of.get(r.object or "", set())
            stems = stems_of[r.subject]
            if "BusinessUnit" not in names and not any(stem in name for stem in stems for name in names):
                continue
        out.append(r)
    return out


_MADE_TYPES = ("Product", "Platform")

# what an article may say instead of "X is Y's product": a deal or an ownership between the two
_DEALT = ("acquired", "investsIn", "parentOrganization", "partner")


def _known_maker_not_dealt(relations: list[Relation]) -> list[Relation]:
    """The curated list's maker of a product is no reading of an article that tells how the two are tied otherwise:
    where a sentence says the maker bought it or holds shares of it (阿里巴巴完成收购饿了么后… / 新浪持有微博54%的股权),
    or that it is the maker's unit, the article's fact is that one, not productOf (rule known_maker)."""
    tied = {
        frozenset((r.subject, r.object))
        for r in relations
        if r.predicate in _DEALT and r.object and r.subject != r.object
    }
    if not tied:
        return relations
    return [
        r
        for r in relations
        if not (
            r.rule == "known_maker"
            and r.predicate == "productOf"
            and frozenset((r.subject, r.object)) in tied
        )
    ]


def _no_company_over_government(
    relations: list[Relation], mentions: list[Mention], entity_of: dict[int, str]
) -> list[Relation]:
    """A government body is no company's part: where a sentence names a ministry or commission beside a company
    (青禾数据是国家发改委重大工程的承建单位 / 获工信部批准), the scorer or a rule that makes the body the company's
    subsidiary reads a client, a regulator or a project owner as a unit."""
    types: dict[str, set[str]] = {}
    for m in mentions:
        e = entity_of.get(m.start)
        if e is not None:
            types.setdefault(e, set()).add(m.type)
    return [
        r
        for r in relations
        if r.predicate != "parentOrganization"
        or types.get(r.subject) != {"GovernmentOrganization"}
        or "GovernmentOrganization" in types.get(r.object or "", {"GovernmentOrganization"})
    ]


def _no_parent_of_own_unit(relations: list[Relation]) -> list[Relation]:
    """A company is no part of its own division: where a division's name says it is the company's (青禾科技 …
    本地生活事业群, rule unit_name), a sentence rule that makes the company the division's part or product read a
    clause's subject wrong (青禾科技成立出行事业部，隶属于本地生活事业群: the new division belongs to it)."""
    units_of = {
        (r.object, r.subject)
        for r in relations
        if r.predicate == "parentOrganization" and r.rule == "unit_name"
    }
    return [
        r
        for r in relations
        if r.predicate not in ("parentOrganization", "productOf")
        or r.rule in _PARENT_BY_NAME
        or (r.subject, r.object) not in units_of
    ]


def _nearer_parent(relations: list[Relation]) -> list[Relation]:
    """A division's name says whose it is in the end (京东支付: 京东), and the lexicon knows who makes a known
    product, but where the text names the unit it sits in (青禾数科旗下青禾支付 / 将今日头条并入抖音), that unit is
    its parent, not the company its name begins with or its maker in the lexicon."""
    told: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate in ("parentOrganization", "productOf") and r.rule not in _PARENT_BY_NAME and r.object:
            told.setdefault(r.subject, set()).add(r.object)
    return [
        r for r in relations if r.rule not in _PARENT_BY_NAME or not told.get(r.subject, set()) - {r.object}
    ]


# Rules that give a parent from a name alone: the division's own (京东支付) or the lexicon's maker (今日头条)
_PARENT_BY_NAME = ("unit_name", "known_maker")


def _heads_not_staff(relations: list[Relation]) -> list[Relation]:
    """Who leads an organisation somewhere in the article is not also said to work for it: 锋泰集团合伙人兼总裁…
    王明 is the group's head (the same rule as inside one title chain, across the article)."""
    heads = {(r.subject, r.object) for r in relations if r.predicate == "leads"}
    return [
        r
        for r in relations
        if r.predicate != "worksFor"
        or (r.subject, r.object) not in heads
        or ("former", "true") in r.qualifiers
    ]


def _round_backers(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], frame: Frame, found: list[Relation]
) -> list[Relation]:
    """In an article about one company's funding round, an investment firm (X资本, X基金, X Capital) named in a
    sentence that speaks of the round backs that company, where no rule said anything about the pair and the
    sentence does not give the firm's money to another company (a lower confidence: no wording links them)."""
    if frame.funded is None:
        return []
    funded = frame.funded.entity
    if _another_round(doc, mentions, entity_of, funded):
        return []  # a roundup, or another company's round: which round a firm is in is not known
    words = load_words()
    cue, suffix, adviser = (
        words.regex("round_context"),
        words.regex("investor_name_end"),
        words.regex("adviser_after"),
    )
    linked = {(r.subject, r.object) for r in found} | {(r.object, r.subject) for r in found}
    elsewhere = {(r.subject, r.evidence.sentence) for r in found if r.predicate in ("investsIn", "acquired")}
    out, seen = [], set()
    for m in mentions:
        e = entity_of.get(m.start)
        owner = frame.round_in(m.sentence) or frame.round_in(m.sentence - 1) or frame.funded
        # (星澜智能宣布完成C轮融资，…由X领投: a sentence that reports a round, or follows one, speaks of that round)
        if (
            e is None
            or e == owner.entity
            or e in seen
            or m.type != "Company"
            or not suffix.search(m.key)
            or (e, owner.entity) in linked
            or (e, m.sentence) in elsewhere
        ):
            continue
        sent = doc.sentences[m.sentence]
        if not cue.search(doc.norm, sent.start, sent.end) or adviser.match(doc.norm, m.end):
            continue  # (远澜资本任顾问: an adviser, not an investor)
        seen.add(e)
        evidence = Evidence(doc.id, sent.index, m.start, m.end, sent.text)
        out.append(Relation(e, "investsIn", owner.entity, evidence, 0.6, "frame:round_backer"))
    return out


def _another_round(doc: Document, mentions: list[Mention], entity_of: dict[int, str], funded: str) -> bool:
    """Whether a clause reports a round without naming the funded company or standing for it (另一边，锋泰出行日前
    宣布获得2亿元融资: a round of a company kg may not even know)."""
    words = load_words()
    at = sorted(m.start for m in mentions if entity_of.get(m.start) == funded)
    breaks, anaphor = words.words("clause_break"), _company_anaphor()
    for r in words.regex("round_report").finditer(doc.norm):
        lo = max(doc.norm.rfind(c, 0, r.start()) for c in breaks) + 1
        named = bisect.bisect_left(at, lo) < bisect.bisect_left(at, r.start())
        if not named and not anaphor.search(doc.norm, lo, r.start()):
            return True
    return False


def _org_topic(
    doc: Document,
    mentions: list[Mention],
    local: list[Mention],
    index: int,
    entity_of,
    in_byline: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    main: str | None = None,
    lexicon: Lexicon | None = None,
) -> int | str | None:
    """The organisation a bare title (创始人宿华) belongs to: one in the sentence, else the topic before it; never
    the outlet of the byline or dateline (新华社深圳9月3日电 … 创始人兼CEO王明: not the news agency's founder)."""
    agents = [
        i
        for i, m in enumerate(local)
        if m.type in _AGENT
        and m.source != "pattern:byline"
        and (m.start, m.end) not in in_byline
        and not is_market(m.text)  # 在港交所公告: where the company files, not whose post it is
        # 据晚点报道，…事业群总裁: the outlet cited is not the organisation spoken of
        and not cited_outlet(doc, m)
        # 辞去公司总裁及审计小组(青禾创新小组)成员职务: a name in brackets glosses what stands before them
        and not _in_brackets(doc, m)
    ]
    people = [m for m in local if m.type == "Person"]
    if len({entity_of[local[i].start] for i in agents}) == 1:
        only = local[agents[0]]
        if (
            not people
            or only.start < people[0].start
            or (_same_clause(doc, only, people[0]) and not _post_elsewhere(doc, people[0], only, lexicon))
        ):
            return agents[0]
        # 总裁刘炽平指出，视频号…: an organisation in a later clause is what the person talks about; 其创始人王明 /
        # 创始人王明曾在华为任职: the title is at the organisation before the sentence
    elif agents:
        return None  # several organisations: ambiguous, prefer no edge
    if main is not None and load_words().regex("that_company").search(doc.sentences[index].text):
        return main  # 建议该公司股东推选王明为执行董事: 该公司 is the article's organisation
    topic = _topic(doc, mentions, index)
    return entity_of[topic.start] if topic else None


def _in_brackets(doc: Document, m: Mention) -> bool:
    """The mention stands inside a bracket of its sentence: …审计小组（青禾创新小组）成员."""
    words = load_words()
    return (
        words.regex("inside_bracket_before").search(doc.norm[max(0, m.start - 25) : m.start]) is not None
        and words.regex("inside_bracket_after").match(doc.norm[m.end : m.end + 25]) is not None
    )


def _post_elsewhere(doc: Document, person: Mention, org: Mention, lexicon: Lexicon | None = None) -> bool:
    """The organisation after a person with a bare title is not the title's: the person's clause opens with a word
    that points back (其创始人王明 / 该公司CTO李娜), or the words between make it a past employer or a school
    (创始人王明曾在华为任职 / 毕业于清华)."""
    words = load_words()
    breaks, floor = words.set("clause_break"), doc.sentences[person.sentence].start
    start = person.start
    while start > floor and doc.norm[start - 1] not in breaks:
        start -= 1
    opening = doc.norm[start : person.start].strip()
    titles = (lexicon or load_lexicon()).title_pattern
    if opening.startswith(words.words("title_owner_anaphor")) and titles.search(opening):
        return True
    return any(w in doc.norm[person.end : org.start] for w in words.words("career_elsewhere"))


def _same_clause(doc: Document, a: Mention, b: Mention) -> bool:
    lo, hi = sorted((a.start, b.start))
    breaks = load_words().set("clause_break")
    return not any(ch in breaks for ch in doc.norm[lo:hi])


def _named_units(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], lexicon: Lexicon
) -> list[Relation]:
    """快手电商 is part of 快手, 招行广州分行 of 招行: a business unit or a branch whose name starts with another
    organisation's name (one named in the article, or a well-known one from the lexicon)."""
    out, seen = [], set()
    # (a platform is no owner: 抖音电商 and 淘宝直播 belong to the platforms' companies, which the name does not say)
    orgs = {
        m.key: entity_of[m.start]
        for m in mentions
        if m.type in _AGENT and m.type not in ("BusinessUnit", "Platform")
    }
    platforms = {m.key: entity_of[m.start] for m in mentions if m.type == "Platform" and m.start in entity_of}
    present: set[str] = set()  # the article's entities, made when a unit first needs them
    for m in mentions:
        named_product = m.type == "Product" and m.source in ("pattern:product_name", "pattern:kind_product")
        # (腾讯会议 / 百度文心大模型: a product whose name begins with its maker's)
        branch = m.source == "pattern:branch"  # 招行广州分行
        regional = m.type == "Company" and regional_subsidiary(m.key)  # 星澜汽车（中国）公司
        if m.type != "BusinessUnit" and not named_product and not branch and not regional or m.key in seen:
            continue
        if regional:
            own = entity_of.get(m.start)
            cores = trade_cores(m.key)
            parent = next((orgs[c] for c in cores if c in orgs and orgs[c] != own), None)
            named = [k for k in orgs if cores and cores[0].startswith(k) and orgs[k] != own]
            if parent is None and named:  # 宝马集团（亚太）有限公司: 宝马's, the article's 宝马集团
                parent = orgs[max(named, key=len)]
        else:
            parent = _longest_prefix_org(
                m.key, orgs, lexicon, found_by_pattern=m.source.startswith("pattern:")
            )
        surface = doc.norm[m.start : m.end]
        if parent is None and surface != m.key and surface.endswith(m.key):
            # 腾讯云与智慧产业事业群: the lexicon's 云与智慧产业事业群
            parent = _longest_prefix_org(surface, orgs, lexicon)
        if parent is None and m.source == "pattern:product_name":
            parent = _maker_in_kb(m.key, lexicon)  # 理想L9: a brand's short name the knowledge base knows
        if parent is None and m.source == "pattern:org_unit":
            parent = _longest_prefix_org(m.key, platforms, lexicon, _OWNER_TYPES + ("Platform",))
            # (支付宝商家服务事业部: a division of the platform)
        if parent is None and m.source == "pattern:org_unit" and m.key == surface:
            owner = owner_in_name(m.key, lexicon)  # 青禾集团人工智能研究院: the group only its division names
            parent = entity_id(owner[1], m.key[: owner[0]]) if owner else None
        if parent is None and m.source == "pattern:stem_unit":
            parent = _stem_owner(m.key, orgs, lexicon)  # 锋泰云: 锋泰科技's, named in the article
        if parent is None and m.type == "BusinessUnit" and m.source.startswith("pattern:org_suffix"):
            parent = _unit_owner(doc, mentions, m, entity_of)  # 海外事业群: the organisation spoken of
        platform = lexicon.owner_of(m.key, ("Platform",)) if m.type == "BusinessUnit" else None
        if platform is not None and parent in (None, entity_id("Platform", platform[1].canonical)):
            # 抖音电商 / 抖音 BU: a division of a platform belongs to the platform's maker the article names
            present = present or set(entity_of.values())
            parent = named_maker(platform[1].canonical, present, lexicon, doc.date) or parent
        if parent is None or m.key.endswith(load_words().words("unit_word_no_parent")):
            continue  # (快手直播: a platform's channel, not a division of its own)
        present = present or set(entity_of.values())
        if (
            not named_product
            and not branch
            and parent not in present
            and not m.key.endswith(load_words().words("org_unit_suffix"))
            and not m.key.endswith(load_words().words("org_region_unit"))
        ):
            continue  # (腾讯音乐 / 阿里云 in passing, in an article that never names 腾讯 or 阿里巴巴: a brand; a branch,
            # a division word, a region (微软大中华区) or a product's name still says whose it is)
        seen.add(m.key)
        view = SentenceView.build(doc, doc.sentences[m.sentence], [m], entity_of)
        predicate = "productOf" if named_product else "parentOrganization"
        out.append(view.relation(0, predicate, 0, rule="unit_name", confidence=0.8, object_id=parent))
    return out


_FAMILY = re.compile(r"[A-Za-z]{2,}")


def _model_family(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], found: list[Relation]
) -> list[Relation]:
    """Mate 70 Pro+ is made by whoever makes the Mate 70系列 the article names: a model no rule gave a maker
    belongs to the one maker of the article's models of the same family (the Latin word its name begins with)."""
    makers: dict[str, set[str]] = {}
    made = {r.subject for r in found if r.predicate == "productOf"}
    for r in found:
        if r.predicate == "productOf":
            family = _FAMILY.search(r.subject.split("/", 1)[1])
            if family:
                makers.setdefault(family.group(), set()).add(r.object)
    out: list[Relation] = []
    for m in mentions:
        eid = entity_of.get(m.start)
        if m.type != "Product" or eid is None or eid in made:
            continue
        family = _FAMILY.search(m.key)
        maker = makers.get(family.group(), set()) if family else set()
        if len(maker) != 1:
            continue
        made.add(eid)
        view = SentenceView.build(doc, doc.sentences[m.sentence], [m], entity_of)
        out.append(
            view.relation(0, "productOf", 0, rule="model_family", confidence=0.7, object_id=next(iter(maker)))
        )
    return out


def _unit_owner(doc: Document, mentions: list[Mention], unit: Mention, entity_of) -> str | None:
    """The organisation a division without a proper name belongs to: the one its sentence (or the passage
    before) is about, never another division."""
    local = [
        m
        for m in mentions
        if m.sentence == unit.sentence and m is not unit and _owns_units(m) and m.start in entity_of
    ]
    owners = [m for m in mentions if _owns_units(m)]  # a division's owner is no other division
    topic = _org_topic(doc, owners, local, unit.sentence, entity_of)
    if isinstance(topic, int):
        return entity_of[local[topic].start]
    return topic


def _owns_units(m: Mention) -> bool:
    """Whether a mention can own a division without a proper name: a company or a person (the topic may be one),
    not another division, nor a department or platform named beside it (到家事业群、用户平台 / 法务部并入了销售部), nor a
    branch named by its company and place (锋泰银行杭州分行行长、零售金融事业部总经理: the bank's division)."""
    return m.type in ("Company", "Person") and m.source != "pattern:branch"


def _stem_owner(key: str, orgs: dict[str, str], lexicon: Lexicon) -> str | None:
    """The article's company whose name is the division's first words and a trade or group word (锋泰科技 for
    锋泰云)."""
    words = load_words().words("unit_word")
    for name, eid in orgs.items():
        stem = company_stem(name, lexicon)
        if stem is not None and key.startswith(stem) and key[len(stem) :] in words:
            return eid
    return None


def _maker_in_kb(key: str, lexicon: Lexicon) -> str | None:
    """The company of the knowledge base whose name (or short name) begins a product's name (理想L9 → 理想汽车)."""
    found = load_kb().maker_of(key)
    return entity_id(found[1].type, kb_label(found[1], lexicon)) if found else None


def _longest_prefix_org(
    key: str,
    orgs: dict[str, str],
    lexicon: Lexicon,
    types: tuple[str, ...] | None = None,
    found_by_pattern: bool = False,
) -> str | None:
    """The organisation named in the article whose name begins ``key``, else a well-known one (for a name a
    pattern found, the knowledge base's where it knows a longer one)."""
    named = [k for k in orgs if key.startswith(k) and k != key]
    if named:
        return orgs[max(named, key=len)]
    found = lexicon.owner_of(key, types or _OWNER_TYPES)
    if found is None:
        return None
    longer = load_kb().longer_maker(key, len(found[0])) if found_by_pattern else None
    if longer is not None:  # 京东方…研发中心: 京东方's, not 京东's
        return entity_id(longer[1].type, kb_label(longer[1], lexicon))
    return entity_id(found[1].types[0], found[1].canonical)


_OWNER_TYPES = ("Company", "Organization", "GovernmentOrganization", "MediaOrganization")


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """Drop self-loops; keep one relation per (subject, predicate, object, qualifiers, sentence)."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        if r.subject == r.object:
            continue
        k = (r.subject, r.predicate, r.object, r.qualifiers, r.evidence.sentence)
        if k not in best or r.confidence > best[k].confidence:
            best[k] = r
    return sorted(
        best.values(), key=lambda r: (r.evidence.sentence, r.subject, r.predicate, r.object, r.qualifiers)
    )
