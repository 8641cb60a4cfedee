"""founder, leads, worksFor: people and the organisations they founded, head or work for.

前 or 原 before a title means *former* (前CEO = former CEO): such a person gets worksFor with former=true,
never leads. A domain before a title (运营负责人, 技术副总裁) is kept in the title qualifier.
"""

from __future__ import annotations

import re

from ..model import Relation
from ..recognize.lexicon import Lexicon
from .template import SentenceView, slot, slots

ORGS = "OAB"


def _title_re(lexicon: Lexicon) -> str:
    return lexicon.title_pattern.pattern


def people_relations(view: SentenceView, lexicon: Lexicon, org_topic: int | str | None) -> list[Relation]:
    t = view.template
    title = f"(?:{_title_re(lexicon)})"
    chain = rf"(?P<former>前任|原任|前|原)?(?P<titles>[A-Za-z\u4e00-\u9fff]{{0,8}}?{title}(?:[兼、][A-Za-z\u4e00-\u9fff]{{0,6}}?{title})*)"
    was = r"(?P<was>前|原|曾任|曾担任|曾经担任|曾经任|此前担任|此前曾任|曾是|曾为|历任)?"
    out: list[Relation] = []
    claimed: set[tuple[int, str]] = set()

    def emit(m: re.Match, org, rule: str, conf: float) -> None:
        former = bool(m.group("former") or (m.groupdict().get("was")))
        for p in view.many(m.group("people")):
            key = (p, str(org))
            if key not in claimed:
                claimed.add(key)
                out.extend(_by_titles(view, lexicon, p, org, m.group("titles"), former, rule, conf))

    # ORG + title + names: 快手电商运营负责人白嘉乐 / 小米集团创始人兼CEO雷军 / 前华为工程师吕志航
    for m in re.finditer(
        was + slot("org", ORGS) + r"(?:的|之)?" + chain + r"\s*[:：]?\s*" + slots("people", "P"), t
    ):
        emit(m, m.group("org"), "org_title_person", 0.9)
    # names + ORG + title: 雷军，小米集团董事长 / 张三是京东的CEO / 李四曾任百度高级工程师
    for m in re.finditer(
        slots("people", "P")
        + r"(?:[,，]\s*)?(?:⟦D\d+⟧起?)?(?:现任|担任|出任|转任|兼任|任|是|为|作为|系)?"
        + was
        + slot("org", ORGS)
        + r"(?:的|之)?"
        + chain
        + r"(?![A-Za-z\u4e00-\u9fff、兼]{0,8}\s*[:：]?\s*⟦P)",
        t,
    ):
        # (not when more titles and then a name follow: 杨照乾，陕汽集团党委书记、董事长袁宏明 is 袁宏明's title)
        emit(m, m.group("org"), "person_org_title", 0.85)
    # a profile: 文剑平，男，1962年出生于湖南，…，现任北京碧水源科技股份有限公司董事长、总经理
    first = re.match(r"⟦P(\d+)⟧[，,]", t)
    if first:
        for m in re.finditer(r"(?:现任|担任|出任|现为)" + slot("org", ORGS) + r"(?:的)?" + chain, t):
            p = int(first.group(1))
            if (p, m.group("org")) not in claimed:
                claimed.add((p, m.group("org")))
                out.extend(
                    _by_titles(
                        view,
                        lexicon,
                        p,
                        m.group("org"),
                        m.group("titles"),
                        bool(m.group("former")),
                        "profile_post",
                        0.8,
                    )
                )
    # ORG + title + 是/为 + names: 京东的CEO是张三
    for m in re.finditer(slot("org", ORGS) + r"(?:的|之)?" + chain + r"(?:是|为)" + slots("people", "P"), t):
        emit(m, m.group("org"), "org_title_is_person", 0.85)
    # title + names with no organisation attached: the sentence's (or the discourse's) organisation
    people_with_org = {p for p, _ in claimed}
    for m in re.finditer(r"(?<![⟧A-Za-z\u4e00-\u9fff])" + chain + r"\s*[:：]?\s*" + slots("people", "P"), t):
        if org_topic is None:
            break
        if not _bare_title(m.group("titles"), lexicon):
            continue  # 长安汽车董事长朱华荣: an unrecognised organisation in the title, not the topic's
        for p in view.many(m.group("people")):
            if p not in people_with_org:
                conf = 0.7 if isinstance(org_topic, int) else 0.6
                out += _by_titles(
                    view,
                    lexicon,
                    p,
                    org_topic,
                    m.group("titles"),
                    bool(m.group("former")),
                    "title_person_topic",
                    conf,
                )
                people_with_org.add(p)
    out += _founding_verbs(view, org_topic)
    out += _joining_verbs(view, lexicon, title)
    return out


def _by_titles(
    view: SentenceView,
    lexicon: Lexicon,
    person: int,
    org: int | str,
    titles: str,
    former: bool,
    rule: str,
    conf: float,
) -> list[Relation]:
    """One relation per title in a 兼-chain; the role of the title's head word decides the predicate."""
    out = []
    org_kw = {"object_id": org} if isinstance(org, str) and not org.isdigit() else {}
    org_slot = None if org_kw else org
    for part in re.split("[兼、]", titles):
        head = _head_title(part, lexicon)
        if head is None:
            continue
        role = lexicon.titles[head]
        if role == "leads" and "副" in part[: len(part) - len(head) + 1][-2:]:
            role = "works"  # 副院长 / 副总经理: a deputy works for the organisation, it does not lead it
        if role == "none" or role == "profession" and rule == "title_person_topic":
            continue  # 商家陈建波 / 主播李佳琦: a role or an occupation, not a post at the topic's organisation
        part = _GENERIC_PREFIX.sub("", part) or part
        qual = {"title": part}
        if former:
            qual["former"] = "true"
            out.append(
                view.relation(
                    person, "worksFor", org_slot, rule=rule, confidence=conf, qualifiers=qual, **org_kw
                )
            )
        elif role == "founder":
            out.append(_founder(view, org, person, rule, conf, part))
        elif role == "leads":
            out.append(
                view.relation(
                    person, "leads", org_slot, rule=rule, confidence=conf, qualifiers=qual, **org_kw
                )
            )
        else:
            out.append(
                view.relation(
                    person, "worksFor", org_slot, rule=rule, confidence=conf, qualifiers=qual, **org_kw
                )
            )
    return out


# 公司创始人 / 集团董事长 / 该公司CEO: the generic noun names no domain; the title is what follows it.
_GENERIC_PREFIX = re.compile(r"^(?:该公司|公司|集团|其|本|现任|时任)")


def _founder(
    view: SentenceView, org: int | str, person: int, rule: str, conf: float, title: str = ""
) -> Relation:
    quals = {"title": title} if title and title not in ("创始人",) else None
    if isinstance(org, str) and not org.isdigit():
        return view.relation(
            person,
            "founder",
            person,
            rule=rule,
            confidence=conf,
            qualifiers=quals,
            subject_id=org,
            object_id=view.entity(person),
        )
    return view.relation(org, "founder", person, rule=rule, confidence=conf, qualifiers=quals)


def _bare_title(titles: str, lexicon: Lexicon) -> bool:
    """A title whose prefix is only functional domains (运营负责人, 技术副总裁, MCN运营负责人); a prefix with anything
    else (长安汽车董事长, 东方甄选CEO) may be an organisation's name, so the title is not bare."""
    for part in re.split("[兼、]", titles):
        head = _head_title(part, lexicon)
        domain = _GENERIC_PREFIX.sub("", part[: len(part) - len(head)] if head else part)
        while domain:
            word = next((w for w in lexicon.title_domains if domain.startswith(w)), None)
            latin = re.match(r"[A-Za-z]+", domain)
            if word is None and latin is None:
                return False
            domain = domain[len(word) if word else latin.end() :]
    return True


def _head_title(part: str, lexicon: Lexicon) -> str | None:
    for i in range(len(part)):
        if part[i:] in lexicon.titles:
            return part[i:]
    return None


_FOUND_VERB = r"(?:共同|联合|一手)?(?:创立|创办|创建|创始|成立)"


def _founding_verbs(view: SentenceView, org_topic) -> list[Relation]:
    t, out = view.template, []
    # 小米由雷军于2010年创立 / 该公司由张三和李四共同创办
    for m in re.finditer(
        r"由(?:前|原)?(?:⟦[OAB]\d+⟧[A-Za-z\u4e00-\u9fff]{0,8}?)?"
        + slots("people", "P")
        + r"(?:等人?)?(?:于⟦D\d+⟧)?(?:在⟦L\d+⟧)?"
        + _FOUND_VERB,
        t,
    ):
        before = [int(n) for n in re.findall(r"⟦[OAB](\d+)⟧", t[: m.start()])]
        org = before[-1] if before else None
        if org is None:
            continue
        for p in view.many(m.group("people")):
            out.append(view.relation(org, "founder", p, rule="founded_by", confidence=0.85))
    # 雷军于2010年创办了小米 / 张三创立ABC公司
    for m in re.finditer(
        slots("people", "P") + r"(?:于⟦D\d+⟧)?(?:在⟦L\d+⟧)?" + _FOUND_VERB + r"(?:了)?" + slot("org", ORGS), t
    ):
        for p in view.many(m.group("people")):
            out.append(view.relation(m.group("org"), "founder", p, rule="person_founded", confidence=0.85))
    return out


def _joining_verbs(view: SentenceView, lexicon: Lexicon, title: str) -> list[Relation]:
    t, out = view.template, []
    for m in re.finditer(
        slots("people", "P")
        + r"(?:已|已经|也|曾|曾经|先后|随后|正式|将|于⟦D\d+⟧)*(?:加入|加盟|入职|就职于|任职于|供职于)"
        + slot("org", ORGS)
        + rf"(?:[，,](?:并)?(?:出任|担任|任)(?P<titles>[A-Za-z\u4e00-\u9fff]{{0,6}}?{title}))?",
        t,
    ):
        for p in view.many(m.group("people")):
            if m.group("titles"):  # 加入小红书，出任电商负责人
                out.extend(
                    _by_titles(view, lexicon, p, m.group("org"), m.group("titles"), False, "joined_as", 0.8)
                )
            else:
                out.append(view.relation(p, "worksFor", m.group("org"), rule="joined", confidence=0.8))
    for m in re.finditer(
        slots("people", "P") + r"(?:已|已经|于⟦D\d+⟧)?(?:从|自)" + slot("org", ORGS) + r"离职", t
    ):
        for p in view.many(m.group("people")):
            out.append(
                view.relation(
                    p, "worksFor", m.group("org"), rule="left", confidence=0.8, qualifiers={"former": "true"}
                )
            )
    return out
