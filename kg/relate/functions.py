"""The named functions relation rules may call for what a pattern cannot say (``@name`` or ``name`` in a rule).

- resolvers (``subject = "@org_before"``): where a rule's subject or object is, when it is no slot of the match;
- qualifiers (``qualifiers = { amount = "@amount" }``): a value computed from the match;
- checks (``check = "year_date:d"``): the match is used only if each returns true;
- emitters (``emit = "by_title"``): make the relations themselves (a title decides the predicate);
- literals (``literal = "@iso_date:d"``) and object maps (``object_map = "platform_of"``).

A name may take one argument after a colon (``surface:d``: the text of slot ``d``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Relation
from ..resolve import entity_id
from ..zh.dates import normalise_date
from ..zh.text import to_simplified
from .frame import Anchor, Frame
from .makers import curated_maker_ids

if TYPE_CHECKING:
    from .rules import Hit

End = int | Anchor  # a slot number, or an entity outside the sentence (with where the article names it)


def _split(name: str) -> tuple[str, str | None]:
    base, _, arg = name.partition(":")
    return base, arg or None


# --- resolvers -------------------------------------------------------------------------------------------------


def _org_before(hit: Hit, arg: str | None) -> list[End]:
    """The last organisation slot before the match (X由张三创立: X)."""
    before = [int(n) for n in re.findall(r"⟦[OAB](\d+)⟧", hit.view.template[: hit.start])]
    return [before[-1]] if before else []


def _org_topic(hit: Hit, arg: str | None) -> list[End]:
    """The organisation a bare title belongs to: the one of the sentence, else the passage's topic."""
    topic = hit.env.org_topic
    if topic is None:
        return []
    return [topic if isinstance(topic, int) else Anchor(topic, None)]


def _round_company(hit: Hit, arg: str | None) -> list[End]:
    """The company whose round the article reports (本轮融资由甲资本领投), else the article's organisation."""
    frame = hit.env.frame
    anchor = frame.funded or frame.main if frame else None
    if _unnamed_round_before(hit):
        return []  # 煮葉已完成Pre-A轮融资，投资方为… / …，同在赛道的星海亦完成A轮融资，由…领投: a round of a company
        # kg did not recognise, not the article's
    # 位列第二的是：“星澜互助”完成D轮融资，本轮由…领投 / 青禾于B轮融资时…，包含…等投资: the round this sentence
    # reports is its company's
    owner = _round_owner_before(hit)
    if owner is not None:
        return [owner]
    if anchor is None:
        return []
    if frame and not frame.funded and _invests_in_article(hit, anchor):
        return []  # no round reported, and the article's organisation invests: the investors are not its
    end = _local(hit, anchor)
    if isinstance(end, int) and frame and not frame.funded:
        return []  # no round reported and the article's organisation named here: it is an investor, not funded
    if not isinstance(end, int) and frame:
        previous = _round_before(hit, frame)
        if previous is not None and previous.entity != anchor.entity:
            return [
                previous
            ]  # 星澜智能宣布完成C轮融资。这轮融资由…领投: the round the sentence before reports
    if not isinstance(end, int) and _another_round_before(hit, anchor):
        return []  # “锋泰出行”日前宣布获得融资。此轮融资由…领投: that round, whoever's it is, not the article's
    return [end]


def _invests_in_article(hit: Hit, anchor: Anchor) -> bool:
    """The article names ``anchor``'s organisation where it leads, joins or makes an investment (A领投了B)."""
    if anchor.evidence is None:
        return False
    norm = hit.view.doc.norm
    name = norm[anchor.evidence.start : anchor.evidence.end]
    if not name:
        return False
    investing = hit.env.words.regex("investing_after_name")
    at = norm.find(name)
    while at >= 0:  # every place the name is written, overlapping ones too
        if investing.match(norm, at + len(name)):
            return True
        at = norm.find(name, at + 1)
    return False


def _round_before(hit: Hit, frame: Frame) -> Anchor | None:
    """The organisation whose round the sentence before reports; past a sentence about a part of that round (远川科技的
    C轮融资已顺利交割完成。C1轮融资由甲资本独家投资；C2轮融资由乙资本领投…), the one before that."""
    index = hit.view.sentence.index
    sentences = hit.view.doc.sentences
    for back in (1, 2):
        if index - back < 0:
            return None
        found = frame.round_in(index - back)
        if found is not None:
            return found
        before = sentences[index - back]
        if not hit.env.words.regex("this_round").search(hit.view.doc.norm, before.start, before.end):
            return None
    return None


def _round_owner_before(hit: Hit) -> int | None:
    """The slot of the last company whose round the sentence reports before the match (⟦O3⟧完成C轮融资 /
    ⟦O0⟧于2019年B轮融资时), if any."""
    before = hit.view.template[: hit.start]
    words = hit.env.words
    found = [*words.regex("named_round").finditer(before), *words.regex("staged_round").finditer(before)]
    return int(max(found, key=lambda m: m.end()).group("slot")) if found else None


def _unnamed_round_before(hit: Hit) -> bool:
    """The last round the sentence reports before the match is in a clause that names no organisation."""
    before = hit.view.template[: hit.start]
    rounds = list(hit.env.words.regex("unnamed_round").finditer(before))
    if not rounds:
        return False
    last = rounds[-1]
    clause = max(before.rfind(ch, 0, last.start()) for ch in hit.env.words.set("clause_break")) + 1
    return "⟦" not in before[clause : last.start()]


def _another_round_before(hit: Hit, anchor: Anchor) -> bool:
    """The sentence before reports the round of a company it names in quotes or Latin letters, neither the company
    of ``anchor`` nor a word standing for it."""
    index = hit.view.sentence.index
    if index == 0 or anchor.evidence is not None and anchor.evidence.sentence == index - 1:
        return False
    before = hit.view.doc.sentences[index - 1].text
    words = hit.env.words
    if not words.regex("other_round_before").search(before) or words.regex("round_owner_anaphor").search(
        before
    ):
        return False
    name = anchor.entity.split("/", 1)[-1]
    return to_simplified(name[:2]) not in to_simplified(before)


def _main_org(hit: Hit, arg: str | None) -> list[End]:
    """The organisation the article is about (担任公司CEO: 公司 is it); in a sentence that opens with a company's
    announcement (华谊兄弟(300027)公告称，公司控股股东…), that company."""
    # (the match may begin at the comma that ends the announcing clause)
    announcer = hit.env.words.regex("announcer").search(hit.view.template[: hit.start + 1])
    if announcer:
        return [int(announcer.group("slot"))]
    anchor = hit.env.frame.main if hit.env.frame else None
    return [_local(hit, anchor)] if anchor else []


def _local(hit: Hit, anchor: Anchor) -> End:
    """The anchor as a slot where the sentence itself names it."""
    for i, m in enumerate(hit.view.mentions):
        if hit.view.entity_of.get(m.start) == anchor.entity:
            return i
    return anchor


def _sentence_subject(hit: Hit, arg: str | None) -> list[End]:
    """The organisation that opens the sentence, before its first clause ends (青禾于2013年创办，2015年获…: 青禾),
    when the match comes after that clause: the subject of the clauses that name none."""
    m = hit.env.words.regex("sentence_subject").match(hit.view.template)
    # (the match may begin at the comma that ends the subject's clause)
    return [int(m.group("slot"))] if m and m.end() - 1 <= hit.start else []


def _profile_person(hit: Hit, arg: str | None) -> list[End]:
    """A profile's person: the name that opens the sentence, followed by a comma (文剑平，男，…)."""
    m = re.match(r"⟦P(\d+)⟧" + hit.env.words.alt("comma"), hit.view.template)
    return [int(m.group(1))] if m else []


RESOLVERS: dict[str, Callable[[Hit, str | None], list[End]]] = {
    "org_before": _org_before,
    "org_topic": _org_topic,
    "round_company": _round_company,
    "main_org": _main_org,
    "profile_person": _profile_person,
    "sentence_subject": _sentence_subject,
}


# --- qualifiers ------------------------------------------------------------------------------------------------


def _amount(hit: Hit, arg: str | None) -> str | None:
    """The sentence's money figure, when it has exactly one (``@amount:round``: else the reported round's)."""
    if len(hit.env.amounts) == 1:
        amount = hit.env.amounts[0]
        payer = _payer(hit, amount)
        subjects = hit.rule.subject.groups
        if payer is not None and subjects and not any(payer in hit.slots(group) for group in subjects):
            return None  # 由腾讯领投，京东投资10亿元参与: 京东's money, not the round's or 腾讯's
        return amount
    if arg == "round" and not hit.env.amounts and hit.env.frame:
        return hit.env.frame.amount
    return None


def _payer(hit: Hit, amount: str) -> int | None:
    """The slot written right before the money figure as paying it (X投资30亿元), if any."""
    template = hit.view.template
    for m in hit.env.words.regex("amount_payer").finditer(template):
        if template.startswith(amount, m.end()):
            return int(m.group("slot"))
    return None


def _round(hit: Hit, arg: str | None) -> str | None:
    """The stage of the round the sentence names (B轮, 天使轮), else the stage of the round the article reports."""
    found = hit.env.words.regex("round_stage_word").search(hit.view.sentence.text)
    if found:
        return found.group()
    return hit.env.frame.stage if hit.env.frame else None


def _stake(hit: Hit, arg: str | None) -> str | None:
    value = _stake_value(hit)
    stake = hit.groups.get("stake")
    if stake:
        return re.sub(r"\s", "", stake)  # 54.5 % → 54.5%
    return f"{value:g}%" if value is not None else None  # 已发行全部股份 → 100% / 约9成股份 → 90%


def _stake_value(hit: Hit) -> float | None:
    """The stake the match names, in percent: 54.5% / 全部 (100) / 9成 (90)."""
    stake = hit.groups.get("stake")
    if stake:
        return float(re.sub(r"\s", "", stake).rstrip("%％"))
    if hit.groups.get("whole"):
        return 100.0
    tenths = hit.groups.get("tenths")
    if tenths:
        digits = "".join(hit.env.words.words("han_digit"))  # the digits one to nine in characters
        return 10.0 * (digits.index(tenths) + 1 if tenths in digits else int(tenths))
    return None


def _planned(hit: Hit, arg: str | None) -> str | None:
    """status=planned when the wording is a plan (拟收购 / 将收购), not where 将 only brings the object first."""
    text = hit.env.words.regex("disposal_marker").sub("", hit.text)
    return "planned" if any(w in text for w in hit.env.words.words("plan_marker")) else None


def _surface(hit: Hit, arg: str | None) -> str | None:
    slot = hit.groups.get(arg or "")
    return hit.view.mention(slot).text if slot else None


QUALIFIERS: dict[str, Callable[[Hit, str | None], str | None]] = {
    "amount": _amount,
    "round": _round,
    "stake": _stake,
    "planned": _planned,
    "surface": _surface,
}


# --- checks ----------------------------------------------------------------------------------------------------


def _stake_below(hit: Hit, arg: str | None) -> bool:
    """The stake in the match is below ``arg`` percent (a minority stake is an investment, not a takeover)."""
    value = _stake_value(hit)
    return value is not None and value < float(arg or 50)


def _stake_at_least(hit: Hit, arg: str | None) -> bool:
    value = _stake_value(hit)
    return value is not None and value >= float(arg or 50)


def _stake_at_most(hit: Hit, arg: str | None) -> bool:
    """The stake in the match is at most ``arg`` percent: half or less is an investment (50%的股权), not control."""
    value = _stake_value(hit)
    return value is not None and value <= float(arg or 50)


def _stake_above(hit: Hit, arg: str | None) -> bool:
    value = _stake_value(hit)
    return value is not None and value > float(arg or 50)


def _year_date(hit: Hit, arg: str | None) -> bool:
    """The date in slot ``arg`` is an entity and has a year (a founding date needs one)."""
    slot = hit.groups.get(arg or "")
    if not slot:
        return False
    date = hit.view.mention(slot)
    return date.start in hit.view.entity_of and bool(re.match(r"\d{4}", date.key))


def _bare_title(hit: Hit, arg: str | None) -> bool:
    """The titles have only functional domains before them (运营负责人), no organisation's name (长安汽车董事长)."""
    from .people import bare_title

    return bare_title(hit.groups.get("titles") or "", hit.env.lexicon, hit.env.words)


def _not_unit(hit: Hit, arg: str | None) -> bool:
    """No organisation in slot(s) ``arg`` is a business unit (家居事业部与家电事业部合并: a reorganisation, not a deal)."""
    return all(hit.view.mention(n).type != "BusinessUnit" for n in hit.slots(arg or ""))


def _not_unit_name(hit: Hit, arg: str | None) -> bool:
    """No organisation in slot(s) ``arg`` is a business unit or named as a unit of another (a lab or an institute
    a company sets up: 小米成立探索实验室 founds no company)."""
    ends = tuple(hit.env.words.words("org_unit_suffix"))
    return _not_unit(hit, arg) and all(
        not hit.view.mention(n).key.endswith(ends) for n in hit.slots(arg or "")
    )


def _not_branch(hit: Hit, arg: str | None) -> bool:
    """No organisation in slot(s) ``arg`` is a branch named by its company and place (锋泰银行杭州分行): a division
    named after a branch in one person's chain of posts is the company's, not the branch's."""
    return all(hit.view.mention(n).source != "pattern:branch" for n in hit.slots(arg or ""))


def _not_region_name(hit: Hit, arg: str | None) -> bool:
    """No organisation in slot(s) ``arg`` is named as a company's regional organisation (the vocabulary's
    org_region_unit or org_region_end ends its name): its headquarters is a regional one, not the company's seat."""
    ends = tuple(hit.env.words.words("org_region_unit") + hit.env.words.words("org_region_end"))
    return all(not hit.view.mention(n).key.endswith(ends) for n in hit.slots(arg or ""))


def _unit(hit: Hit, arg: str | None) -> bool:
    """Every organisation in slot(s) ``arg`` is a business unit or is named as one (the vocabulary's
    org_unit_suffix or unit_group_end ends its name): what several divisions merge into is a division too."""
    ends = hit.env.words.words("org_unit_suffix") + hit.env.words.words("unit_group_end")
    return all(
        hit.view.mention(n).type == "BusinessUnit" or hit.view.mention(n).key.endswith(ends)
        for n in hit.slots(arg or "")
    )


def _one_unit_at_most(hit: Hit, arg: str | None) -> bool:
    """At most one organisation in the slots ``arg`` (comma-separated) is a business unit: divisions listed together
    (two divisions that merge, four that are regrouped) reorganise one company, while a single cloud unit that signs
    with a bank is a party to a deal like any company."""
    slots = {n for name in (arg or "").split(",") if name for n in hit.slots(name.strip())}
    return sum(hit.view.mention(n).type == "BusinessUnit" for n in slots) <= 1


def _company(hit: Hit, arg: str | None) -> bool:
    """Every organisation in slot(s) ``arg`` is a company (a university or a public body, where one studied or
    served, is not: 阿里巴巴出身 says where one worked, 清华出身 where one studied)."""
    return all(hit.view.mention(n).type == "Company" for n in hit.slots(arg or ""))


def _store(hit: Hit, arg: str | None) -> bool:
    """The organisation in slot ``arg`` is a store (青禾果蔬旗舰店): its name ends in a store word."""
    return all(
        hit.view.mention(n).key.endswith(hit.env.words.words("store_word")) for n in hit.slots(arg or "")
    )


def _park(hit: Hit, arg: str | None) -> bool:
    """Every place in slot(s) ``arg`` is a business park, a development zone or an incubator (the vocabulary's
    park_end ends its name): a company that moves into one is there, where one that moves into a mall or a city
    may only open a shop."""
    ends = tuple(hit.env.words.words("park_end"))
    return all(hit.view.mention(n).key.endswith(ends) for n in hit.slots(arg or ""))


def _investor(hit: Hit, arg: str | None) -> bool:
    """Some organisation in slot(s) ``arg`` is named as an investment firm (investor_name_end ends its name: 锋泰资本,
    青禾投资): what such a firm is said to have (锋泰资本的青禾机器人) is a company it holds shares of, not its product."""
    end = hit.env.words.regex("investor_name_end")
    return any(end.search(hit.view.mention(n).text.strip()) for n in hit.slots(arg or ""))


def _office_body(hit: Hit, arg: str | None) -> bool:
    """The slot(s) ``arg`` name a public body whose name takes 长 fused to it as its head's title (行政院长)."""
    return all(
        hit.view.mention(n).type == "GovernmentOrganization"
        and hit.view.mention(n).text.endswith(hit.env.words.words("office_body_end"))
        for n in hit.slots(arg or "")
    )


def _home_country(hit: Hit, arg: str | None) -> bool:
    """A place in slot(s) ``arg`` is the home country the news is written in (the vocabulary's home_country): a
    description of the company before its name that says nothing of where it is."""
    home = hit.env.words.words("home_country")
    return any(
        hit.view.mention(n).key in home or hit.view.mention(n).text in home for n in hit.slots(arg or "")
    )


def _party(hit: Hit, arg: str | None) -> bool:
    """An organisation in slot(s) ``arg`` is a political party (the vocabulary's political_party): joining it is a
    membership, not a post."""
    parties = hit.env.words.words("political_party")
    return any(
        hit.view.mention(n).key in parties or hit.view.mention(n).text in parties
        for n in hit.slots(arg or "")
    )


def _of_type(hit: Hit, arg: str | None) -> bool:
    """``slot/Type|Type``: an entity in the slot(s) is of one of the types (人民日报 is a MediaOrganization)."""
    slot, _, types = (arg or "").partition("/")
    wanted = set(types.split("|"))
    return any(hit.view.mention(n).type in wanted for n in hit.slots(slot))


def _named_after_another(hit: Hit, arg: str | None) -> bool:
    """``what/who``: a platform in slot(s) ``what`` is named after a known organisation other than the one in ``who``
    (瑞幸上线美团外卖: 美团外卖 is 美团's platform, not one 瑞幸 launched)."""
    what, _, who = (arg or "").partition("/")
    subjects = {hit.view.entity(n) for n in hit.slots(who)}
    for n in hit.slots(what):
        mention = hit.view.mention(n)
        if mention.type != "Platform":
            continue  # (小米发布Redmi K80 / 阿里巴巴推出天猫精灵: a product named after a brand of the group is its own)
        found = hit.env.lexicon.owner_of(mention.key, ("Company", "Platform", "Organization"))
        if found and entity_id(found[1].types[0], found[1].canonical) not in subjects:
            return True
        entry = hit.env.lexicon.names.get(mention.key)
        makers = curated_maker_ids(entry.canonical, hit.env.lexicon) if entry else set()
        if makers and not subjects & makers:
            return True  # 青禾宠物上线抖音商城: a platform the curated list says another company makes
    return False


def _makers_of_products(hit: Hit, slots: str) -> set[str]:
    """The makers of the products in ``slots``, by the curated list or by the organisation a product's name begins
    with (a phone of 小米 sold at 小米商城: its own maker's store, not a platform it sells on)."""
    lexicon = hit.env.lexicon
    out: set[str] = set()
    for n in hit.slots(slots):
        mention = hit.view.mention(n)
        if mention.type != "Product":
            continue
        entry = lexicon.names.get(mention.key)
        if entry is not None:
            out |= curated_maker_ids(entry.canonical, lexicon)
        found = lexicon.owner_of(mention.key, ("Company",))
        if found:
            out.add(entity_id(found[1].types[0], found[1].canonical))
    return out


def _owns(hit: Hit, arg: str | None) -> bool:
    """``what/who``: the organisation in ``who`` owns or makes a platform in ``what`` (字节跳动上线抖音商城: its own
    platform, not one it sells on)."""
    what, _, who = (arg or "").partition("/")
    subjects = {hit.view.entity(n) for n in hit.slots(who)}
    lexicon = hit.env.lexicon
    subjects |= _makers_of_products(hit, who)
    for n in hit.slots(what):
        key = hit.view.mention(n).key
        found = lexicon.owner_of(key, ("Company", "Platform", "Organization"))
        owners = {entity_id(found[1].types[0], found[1].canonical)} if found else set()
        for entry in (lexicon.names.get(key), found[1] if found else None):
            # (抖音电商: a unit named after a platform is its maker's, 字节跳动's, too)
            if entry is not None:
                owners |= curated_maker_ids(entry.canonical, lexicon)
        if subjects & owners:
            return True
    return False


CHECKS: dict[str, Callable[[Hit, str | None], bool]] = {
    "not_owns": lambda hit, arg: not _owns(hit, arg),
    "store": _store,
    "office_body": _office_body,
    "park": _park,
    "named_after_another": _named_after_another,
    "not_named_after_another": lambda hit, arg: not _named_after_another(hit, arg),
    "not_home_country": lambda hit, arg: not _home_country(hit, arg),
    "not_type": lambda hit, arg: not _of_type(hit, arg),
    "not_party": lambda hit, arg: not _party(hit, arg),
    "not_investor": lambda hit, arg: not _investor(hit, arg),
    "year_date": _year_date,
    "not_unit": _not_unit,
    "not_unit_name": _not_unit_name,
    "not_branch": _not_branch,
    "not_region_name": _not_region_name,
    "one_unit_at_most": _one_unit_at_most,
    "unit": _unit,
    "company": _company,
    "bare_title": _bare_title,
    "stake_below": _stake_below,
    "stake_at_least": _stake_at_least,
    "no_stake_below": lambda hit, arg: not _stake_below(hit, arg),
    "stake_at_most": _stake_at_most,
    "stake_above": _stake_above,
    "no_stake_at_most": lambda hit, arg: not _stake_at_most(hit, arg),
}


# --- literals and object maps ----------------------------------------------------------------------------------


def _iso_date(hit: Hit, arg: str | None) -> str | None:
    slot = hit.groups.get(arg or "")
    if not slot:
        return None
    date = hit.view.mention(slot)
    return normalise_date(date.key, hit.view.doc.date) or date.key


LITERALS: dict[str, Callable[[Hit, str | None], str | None]] = {"iso_date": _iso_date}


def _platform_of(hit: Hit, slot: int) -> str | None:
    """The platform itself, or for a business unit named after one (快手电商) that platform."""
    mention = hit.view.mention(slot)
    if "Platform" in mention.types:
        return entity_id(mention.type, mention.key)
    if mention.type != "BusinessUnit":
        return None
    found = hit.env.lexicon.owner_of(mention.key, ("Platform", "Company"))
    return entity_id("Platform", found[1].canonical) if found and "Platform" in found[1].types else None


def _platform_or_self(hit: Hit, slot: int) -> str | None:
    """As platform_of, but an organisation that is no platform stays itself (通过阿里巴巴、美团等平台接单)."""
    return _platform_of(hit, slot) or hit.view.entity(slot)


def _maker_in_name(hit: Hit, slot: int) -> str | None:
    """The company whose known name begins a product's or programme's name (小米 for 小米电视), where the text
    also names that company; else None."""
    mention = hit.view.mention(slot)
    if mention.type not in ("Product", "Programme"):
        return None
    found = hit.env.lexicon.owner_of(mention.key, ("Company",))
    maker = entity_id("Company", found[1].canonical) if found else None
    return maker if maker in hit.view.entity_of.values() else None


OBJECT_MAPS: dict[str, Callable[[Hit, int], str | None]] = {
    "maker_in_name": _maker_in_name,
    "platform_of": _platform_of,
    "platform_or_self": _platform_or_self,
}


# --- emitters --------------------------------------------------------------------------------------------------


def _by_title(hit: Hit, subject: End, obj: End) -> list[Relation]:
    from .people import relations_by_title

    return relations_by_title(hit, subject, obj, professions=True)


def _by_title_at_topic(hit: Hit, subject: End, obj: End) -> list[Relation]:
    """As by_title, but an occupation (主播, 分析师) says nothing about the topic's organisation."""
    from .people import relations_by_title
    from .rules import end_key

    if any(p == end_key(subject) and o != end_key(obj) for p, o in hit.env.claims.get("post", {})):
        return []  # the person has a post at a named organisation already
    titles = re.split(hit.env.words.alt("title_chain_join"), hit.groups.get("titles") or "")
    public = all(t.strip().endswith(hit.env.words.words("public_office_title")) for t in titles if t.strip())
    if public and not (isinstance(obj, int) and hit.view.mention(obj).type == "GovernmentOrganization"):
        return []  # 县长王明走进淘宝直播间: a public office is no post at the company or platform spoken of
    named_only = hit.env.words.words("named_org_title")
    if any(t.strip() for t in titles) and all(t.strip().endswith(named_only) for t in titles if t.strip()):
        return []  # 老板王明: a boss of some business, not a post at the company a passage speaks of
    return relations_by_title(hit, subject, obj, professions=False)


def _by_title_former(hit: Hit, subject: End, obj: End) -> list[Relation]:
    """As by_title, for a post the person leaves or has left (卸任 / 辞去 / 接替Y: Y's post)."""
    from .people import relations_by_title

    return relations_by_title(hit, subject, obj, professions=True, former=True)


EMITTERS: dict[str, Callable[[Hit, End, End], list[Relation]]] = {
    "by_title": _by_title,
    "by_title_at_topic": _by_title_at_topic,
    "by_title_former": _by_title_former,
}


# --- dispatch --------------------------------------------------------------------------------------------------


def resolve(name: str, hit: Hit) -> list[End]:
    base, arg = _split(name)
    return RESOLVERS[base](hit, arg)


def qualifier(name: str, hit: Hit) -> str | None:
    base, arg = _split(name)
    return QUALIFIERS[base](hit, arg)


def check(name: str, hit: Hit) -> bool:
    base, arg = _split(name)
    return CHECKS[base](hit, arg)


def literal(name: str, hit: Hit) -> str | None:
    base, arg = _split(name.removeprefix("@"))
    return LITERALS[base](hit, arg)


def map_object(name: str, hit: Hit, slot: int) -> str | None:
    return OBJECT_MAPS[name](hit, slot)


def emit(name: str, hit: Hit, subject: End, obj: End) -> list[Relation]:
    return EMITTERS[name](hit, subject, obj)


def validate(*, resolvers, qualifiers, checks, emit, literal, object_map) -> None:
    """Raise ValueError naming the first function a rule refers to that does not exist."""
    tables: list[tuple[str, dict, list[str]]] = [
        ("resolver", RESOLVERS, resolvers),
        ("qualifier function", QUALIFIERS, qualifiers),
        ("check", CHECKS, checks),
        ("emitter", EMITTERS, [emit] if emit else []),
        ("literal function", LITERALS, [literal.removeprefix("@")] if literal else []),
        ("object map", OBJECT_MAPS, [object_map] if object_map else []),
    ]
    for kind, table, names in tables:
        for name in names:
            if _split(name)[0] not in table:
                raise ValueError(f"unknown {kind} {name!r} (known: {', '.join(sorted(table))})")
