"""Posts named by job titles: one relation per title in a chain (创始人兼CEO), its predicate from the title's role.

The wordings themselves are rules (kg/data/rules/people.toml); this module turns a matched title chain into
founder / leads / worksFor. 前 or 原 before a title means *former* (前CEO = former CEO): such a person gets
worksFor with former=true, never leads; 副 (deputy) never leads. A domain before a title (运营负责人, 技术副总裁)
is kept in the title qualifier.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..model import Relation
from ..recognize.lexicon import Lexicon
from ..words import Words
from .frame import Anchor

if TYPE_CHECKING:
    from .functions import End
    from .rules import Hit


def relations_by_title(
    hit: Hit, person: End, org: End, *, professions: bool, former: bool = False
) -> list[Relation]:
    """One relation per title of the chain in the match's ``titles`` group; ``professions=False`` skips
    occupations (主播, 分析师), which say nothing about an organisation that is only the passage's topic.
    A founder stays a founder when the post is a former one (原美团联合创始人王慧文); the head of a function or a
    region (市场负责人, 中国区总裁) works for the organisation, it does not lead it."""
    from .rules import confidence_for

    lexicon, words = hit.env.lexicon, hit.env.words
    former = (
        former
        or bool(hit.groups.get("former") or hit.groups.get("was"))
        or _leaves_after(hit)
        or _ended(hit)
        or _moves_after(hit, org)
        or _left_before(hit)
        or _former_chain(hit)
    )
    conf = confidence_for(hit, person, org)
    if _shares_one_post(hit, person):
        return []
    out = []
    region = ""  # 亚太区董事长兼CEO: a region before the first title is the region of those after it
    for part in (p.strip() for p in re.split(words.alt("title_chain_join"), hit.groups.get("titles") or "")):
        head = head_title(part, lexicon)
        if head is None:
            continue
        domain = words.regex("regional_domain").search(part[: len(part) - len(head)])
        if part == head and region:
            part = region + part
        elif domain is not None:
            region = domain.group()
        role = lexicon.titles[head]
        if (
            head.endswith(words.words("government_head_title"))
            and isinstance(org, int)
            and hit.view.mention(org).text.endswith(words.words("party_committee_end"))
        ):
            continue  # 澄江市委副书记兼市长王明: the mayor heads the city's government, not its party committee
        if role == "leads" and any(
            c in part[: len(part) - len(head) + 1][-2:] for c in words.words("deputy")
        ):
            role = "works"  # 副院长 / 副总经理: a deputy works for the organisation, it does not lead it
        prefix = part[: len(part) - len(head)]
        unit = words.regex("title_modifier_end").sub(
            "", prefix
        )  # 新能源项目总负责人: the project's, 总 modifies
        if role == "leads" and (
            hit.groups.get(
                "part"
            )  # a product or programme named before the title: its head, not the company's
            or _heads_a_function(prefix, words)
            or words.regex("department_end").search(unit)
            or not words.regex("leading_title_modifier").match(lexicon.title_pattern.sub("", prefix))
            and not (isinstance(org, int) and hit.view.mention(org).type == "BusinessUnit")
        ):
            role = "works"  # 市场负责人 / 中国区总裁 / 对公事业部总经理 / 家庭娱乐业务硬件总裁: the head of a function,
            # region, department or business inside the organisation (words after a division's name, 青禾云智能总裁,
            # are more of the division's name)
        if role == "none" or role == "profession" and not professions:
            continue  # 商家陈建波 / 主播李佳琦: a role or an occupation, not a post at the topic's organisation
        if role == "profession" and isinstance(org, int) and hit.view.mention(org).type == "Platform":
            continue  # 抖音头部主播X: a streamer sells on the platform (commerce rules), it does not work for it
        title = words.regex("generic_title_prefix").sub("", part) or part
        if role == "founder":
            quals = {} if title in words.set("plain_founder_title") else {"title": title}
            out.append(_post(hit, org, "founder", person, conf, quals))
            if words.regex("founding_partner_title").search(title):
                # 创始合伙人: a founder who is also a partner of the firm works for it
                out.append(_post(hit, person, "worksFor", org, conf, {"title": title, **_former(former)}))
        elif former:
            out.append(_post(hit, person, "worksFor", org, conf, {"title": title, **_former(former)}))
        else:
            out.append(
                _post(hit, person, "leads" if role == "leads" else "worksFor", org, conf, {"title": title})
            )
    if any(r.predicate == "leads" for r in out):  # 合伙人、总裁: who leads an organisation also works for it
        out = [r for r in out if r.predicate != "worksFor"]
    return out


_ORG_SLOT = re.compile(r"⟦[OAB](\d+)⟧")


def _former(former: bool) -> dict[str, str]:
    return {"former": "true"} if former else {}


def _ended(hit: Hit) -> bool:
    """The post is held over a period that has ended (2014年5月至2017年9月，任锋泰实业董秘), also one written as two
    dates (2016年至2020年，任… / 王明于2016年至2020年担任…: group ``range``, the first date and the word between),
    or before a move a clause names (加入星澜之前，王明担任…)."""
    if hit.groups.get("range"):
        return True
    if hit.env.words.regex("closed_period_slots").search(hit.view.template[: hit.start]):
        return True
    if _before_move(hit):
        return True
    slot = hit.groups.get("period")
    if not slot:  # 2014年5月至2017年9月，任…: the period is a clause of its own before the post's
        before = re.search(
            r"⟦D(\d+)⟧\s?" + hit.env.words.alt("comma") + r"\s?$", hit.view.template[: hit.start]
        )
        slot = before.group(1) if before else None
    if not slot:
        return False
    return hit.env.words.regex("closed_period").search(hit.view.mention(slot).text) is not None


def _before_move(hit: Hit) -> bool:
    """加入星澜之前，王明担任青禾总经理: a clause of a move ends right before the match, so the post was held before
    it; not where the clause names the post's own organisation (创立青禾之前，其联合创始人、CEO王明…: 其 is 青禾)."""
    clause = hit.env.words.regex("before_move_clause").search(hit.view.template[: hit.start])
    if clause is None:
        return False
    named = {hit.view.entity(n) for n in _ORG_SLOT.findall(clause.group())}
    own = _ORG_SLOT.search(hit.text)
    return own is not None and hit.view.entity(own.group(1)) not in named


def _leaves_after(hit: Hit) -> bool:
    """飞书总裁张楠因个人原因，已于近日卸任: the person the match ends with leaves the post later in the sentence
    (before any other person is named; not 将会在明年退任 nor 已决定退休, a plan)."""
    words = hit.env.words
    rest = hit.view.template[hit.start + len(hit.text) :].split("⟦P", 1)[0]
    rest = re.split(words.alt("sentence_end"), rest)[0]
    leaves = re.search(words.alt("resign_verb"), rest)
    if leaves is None:
        return False
    before = words.regex("effective_from").sub("", rest[: leaves.start()])  # 将于9月1日起辞去: decided, dated
    # 将会…退任 / 已决定退休: not yet (a decided departure still holds the post)
    return not re.search(words.alt("plan_marker") + "|" + words.alt("leave_decided_marker"), before)


def _shares_one_post(hit: Hit, person: End) -> bool:
    """锋泰集团董事长王明和李强出席 / 锋泰集团总裁王明与李强是大学同学: a post one person holds (董事长, 总裁, CEO),
    at one organisation, is not the post of a second name listed after the first: that one is a companion."""
    if not isinstance(person, int) or len(_ORG_SLOT.findall(hit.text)) != 1:
        return False
    words, titles = hit.env.words, hit.groups.get("titles") or ""
    parts = [p.strip() for p in re.split(words.alt("title_chain_join"), titles)]
    if not titles or not all(p in words.set("sole_post_title") for p in parts):
        return False
    people_after = _people_listed(words.alt("list_separator"))
    at = hit.text.find(titles)
    while at >= 0:  # the titles, then a list of people: its first is another, the person comes later
        listed = people_after.match(hit.text, at + len(titles))
        if listed and listed.group(1) != str(person) and str(person) in _SLOT_NUMBER.findall(listed.group(2)):
            return True
        at = hit.text.find(titles, at + 1)
    return False


_SLOT_NUMBER = re.compile(r"⟦P(\d+)⟧")


@functools.cache
def _people_listed(separator: str) -> re.Pattern[str]:
    """People's slots in a list: the first one's number, and the separators and slots after it."""
    sep = rf"\s?(?:{separator})\s?"
    return re.compile(rf"\s?⟦P(\d+)⟧((?:{sep}⟦P\d+⟧)*)")


def _former_chain(hit: Hit) -> bool:
    """前京东副总裁、青禾科技总经理王明: 前 before the first of a chain of organisations and titles makes every post
    of the chain a former one."""
    before = hit.view.template[: hit.start].rstrip()
    return hit.env.words.regex("former_chain_before").search(before) is not None


def _left_before(hit: Hit) -> bool:
    """已经卸任锋泰科技董事长与总裁的王明: a verb of leaving right before the organisation and its titles makes
    the posts former ones."""
    words = hit.env.words
    before = hit.view.template[: hit.start].rstrip()
    left = words.regex("left_post_before").search(before)
    # (将卸任锋泰董事长的王明: a plan, the post is still held)
    return left is not None and not words.regex("planned_before").search(before[: left.start()])


def _moves_after(hit: Hit, org: End) -> bool:
    """锋泰零售CEO王明升任锋泰集团总裁 / 由锋泰健康CEO李强出任锋泰零售CEO: the person the match ends with moves on
    to another post right after it, so the post named before the name is a former one (出任 a post of the same
    organisation, 出任董事, adds one; 兼任 keeps both)."""
    words = hit.env.words
    rest = hit.view.template[hit.start + len(hit.text) :]
    if words.regex("moves_to_post").match(rest):
        return True
    elsewhere = words.regex("takes_post_at").match(rest)
    if elsewhere is None or not isinstance(org, int):
        return False
    return hit.view.entity(int(elsewhere.group(1))) != hit.view.entity(org)


def _post(hit: Hit, subject: End, predicate: str, obj: End, conf: float, quals: dict[str, str]) -> Relation:
    return hit.view.relation(
        subject if isinstance(subject, int) else None,
        predicate,
        obj if isinstance(obj, int) else None,
        rule=hit.rule.name,
        confidence=conf,
        qualifiers=quals or None,
        subject_id=subject.entity if isinstance(subject, Anchor) else None,
        object_id=obj.entity if isinstance(obj, Anchor) else None,
    )


def _heads_a_function(prefix: str, words: Words) -> bool:
    """运营 / 市场 / 中国区 / 电商用户产品: a prefix made of functional or regional domains."""
    prefix = words.regex("generic_title_prefix").sub("", prefix)
    domains = words.words("function_domain")
    if not prefix:
        return False
    while prefix:
        word = next((d for d in domains if prefix.startswith(d)), None)
        if word is None:
            return False
        prefix = prefix[len(word) :]
    return True


def bare_title(titles: str, lexicon: Lexicon, words: Words) -> bool:
    """A title whose prefix is only functional domains (运营负责人, 技术副总裁, MCN运营负责人) or the company's own
    board and its term (第五届董事会董事长); a prefix with anything else (长安汽车董事长, 东方甄选CEO) may be an
    organisation's name, so the title is not bare."""
    generic = words.regex("generic_title_prefix")
    for part in (p.strip() for p in re.split(words.alt("title_chain_join"), titles)):
        head = head_title(part, lexicon)
        domain = generic.sub("", part[: len(part) - len(head)] if head else part)
        while domain:
            word = next((w for w in lexicon.title_domains if domain.startswith(w)), None)
            latin = re.match(r"[A-Za-z]+", domain) or words.regex("board_term").match(domain)
            if word is None and latin is None:
                return False
            domain = domain[len(word) if word else latin.end() :]  # type: ignore[union-attr]
    return True


def head_title(part: str, lexicon: Lexicon) -> str | None:
    """The longest known title that ends ``part`` (运营负责人 → 负责人)."""
    for i in range(len(part)):
        if part[i:] in lexicon.titles:
            return part[i:]
    return None
