"""A personal pronoun that opens a clause stands for the person the text was just about; 公司 / 该公司 / 其
opening a clause stand for the organisation it is about.

张伟2009年加入青禾科技。他现任青禾科技副总裁。 — 他 is 张伟: the rules read the second sentence as ⟦P⟧现任⟦O⟧副总裁 and
the fact's evidence is the pronoun itself. The person is the one nearest before the pronoun: earlier in its own
sentence, else in the nearest earlier sentence of the same paragraph (at most two back) that names people, and only
where that sentence names one person (张伟对李强说…。他… is left alone: the text does not say who). So is 这位 / 这名
before a post (张伟接受了采访。这位青禾科技副总裁表示…), unless its clause names its own person after it; after a
preposition inside a clause too (在这位青禾资本合伙人看来…), unless its sentence names a person before it. So is the empty
subject of a sentence that opens with a career predicate (李娜，1982年出生。2010年加入青禾科技，现任…).

青禾科技发布公告。公司与锋泰集团签署合作协议。 — 公司 is 青禾科技: the organisation named before it in its own
sentence where that sentence names one (not the source of its information: 据某平台显示，公司…), else (none named
before it) the organisation the sentence before opens with, in the same paragraph, else the article's main
organisation (the document frame's) if the text has named it by then; after several (A与B有关系，其创始人…) it is
left alone: the text does not say which. The sentence before is about the unit where it opens with a parent and its
unit (锋泰集团旗下的青禾汽车…), and about the article's main organisation where it names that one besides the one it
opens with (小米投资了青禾科技。该公司… in an article about 青禾科技). 这家公司 / 这家企业 stand for a company just
named, never the main one further back; 公司 after a verb of holding a post (王明现任公司董事长) only where its sentence
names no organisation before it."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..model import Document, Mention
from ..types import AGENT_TYPES
from ..words import load_words

_LOOKBACK = 2  # sentences


def pronoun_mentions(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str]
) -> tuple[list[Mention], dict[int, str]]:
    """Person mentions for the clause-opening pronouns of ``doc`` whose person is clear, with their entities."""
    W = load_words()
    people = sorted((m for m in mentions if m.type == "Person"), key=lambda m: m.start)
    starts = [m.start for m in people]
    out: list[Mention] = []
    ids: dict[int, str] = {}
    sentence_starts = [s.start for s in doc.sentences]
    breaks = W.set("clause_break")
    for match in W.regex("clause_pronoun").finditer(doc.norm):
        at = match.start("pronoun")
        sentence = _sentence_at(doc, sentence_starts, at)
        if sentence is None:
            continue
        if match.group("this") is not None:
            # 这位副总裁王明表示…: the clause names its person after the post; 这位 is that one, not one before
            stop = doc.sentences[sentence].end
            end = next((k for k in range(match.end(), stop) if doc.norm[k] in breaks), stop)
            if any(match.end() <= p.start < end for p in people):
                continue
            if match.group("inside") is not None and any(
                doc.sentences[sentence].start <= p.start < at for p in people
            ):
                continue  # 李强对这位副总裁说…: the one spoken to is not the one speaking
        person = _antecedent(doc, people, starts, entity_of, sentence, at)
        if person is None:
            continue
        pronoun = replace(
            person,
            start=at,
            end=match.end("pronoun"),
            text=doc.text[at : match.end("pronoun")],
            source="anaphora",
            sentence=sentence,
        )
        out.append(pronoun)
        ids[at] = entity_of[person.start]
    gaps, gap_ids = _career_gaps(doc, mentions, people, starts, entity_of, sentence_starts)
    return sorted([*out, *gaps], key=lambda m: m.start), {**ids, **gap_ids}


def _career_gaps(
    doc: Document,
    mentions: list[Mention],
    people: list[Mention],
    starts: list[int],
    entity_of: dict[int, str],
    sentence_starts: list[int],
) -> tuple[list[Mention], dict[int, str]]:
    """Empty person mentions for sentences that open with a career predicate and no subject (王明，1970年出生。
    曾任青禾科技总经理，现任远川集团董事长。 / 2015年加入百度): the one person the sentence before names (as for a
    pronoun), where the clause names no person of its own (现任董事长王明… has its subject after the title)."""
    W = load_words()
    breaks = W.set("clause_break")
    out: list[Mention] = []
    ids: dict[int, str] = {}
    for sent, at in _subjectless(doc, mentions, "subjectless_career_opening"):
        end = next((k for k in range(at, sent.end) if doc.norm[k] in breaks), sent.end)
        if W.regex("time_clause_end").search(doc.norm, at, end):
            # 加入京东后，王明开始…: the clause says when; the one after names whose career it is
            end = next((k for k in range(end + 1, sent.end) if doc.norm[k] in breaks), sent.end)
        if any(at <= p.start < end for p in people):
            continue
        person = _antecedent(doc, people, starts, entity_of, sent.index, at)
        if person is None:
            continue
        out.append(replace(person, start=at, end=at, text="", source="anaphora", sentence=sent.index))
        ids[at] = entity_of[person.start]
    return out, ids


def company_mentions(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], main: str | None
) -> tuple[list[Mention], dict[int, str]]:
    """Organisation mentions for the clause-opening company anaphors of ``doc`` whose organisation is clear, with
    their entities; ``main`` is the entity of the article's main organisation, if any."""
    W = load_words()
    orgs = sorted(
        (
            m
            for m in mentions
            if m.type in AGENT_TYPES and m.start in entity_of and m.source != "pattern:byline"
        ),
        key=lambda m: m.start,
    )
    starts = [m.start for m in orgs]
    all_starts = [m.start for m in mentions]
    taken = sorted((m.start, m.end) for m in mentions)
    first_of: dict[str, Mention] = {}
    for m in orgs:
        first_of.setdefault(entity_of[m.start], m)
    out: list[Mention] = []
    ids: dict[int, str] = {}
    sentence_starts = [s.start for s in doc.sentences]
    post = {m.start("anaphor") for m in W.regex("post_company_anaphor").finditer(doc.norm)}
    found = [
        *W.regex("clause_company_anaphor").finditer(doc.norm),
        *W.regex("post_company_anaphor").finditer(doc.norm),
    ]
    for match in sorted(found, key=lambda m: m.start()):
        group = "anaphor" if match.group("anaphor") is not None else "its"
        at, end = match.span(group)
        sentence = _sentence_at(doc, sentence_starts, at)
        if sentence is None or _overlaps(taken, at, end):
            continue
        here = doc.sentences[sentence]
        before = [
            m
            for m in orgs[bisect.bisect_left(starts, here.start) : bisect.bisect_left(starts, at)]
            if not _a_source(doc, m)
        ]
        if before and at in post:
            continue  # 张伟曾在华为工作，现任公司董事长: the organisation named before may be a past employer
        entities = {entity_of[m.start] for m in before}
        kind = W.regex("anaphor_kind").search(doc.norm, at, end)
        same_kind = [m for m in before if kind and doc.norm[m.start : m.end].endswith(kind.group())]
        if kind and len({entity_of[m.start] for m in same_kind}) == 1:
            # 获锋泰集团注资，该集团创始人…: the one organisation of the kind the anaphor names
            org = same_kind[-1]
        elif len(entities) == 1:
            org = before[-1]
        elif entities:
            # 据了解，青禾科技是锋泰集团的生态链公司，其主要产品为…: the one the sentence opens with
            opener = _sentence_subject(doc, mentions, all_starts, entity_of, sentence, here.paragraph)
            companies = [m for m in before if m.type == "Company"]
            host = before[-1]
            if W.regex("visit_before_host").search(doc.norm, max(here.start, host.start - 8), host.start):
                # 青禾集团董事长王明一行到访锋泰集团，集团董事长李强…: the host, the one visited
                org = host
            elif (
                (opener is None or opener.type != "Company")
                and len({entity_of[m.start] for m in companies}) == 1
                and W.regex("company_anaphor_word").fullmatch(doc.norm, at, end)
            ):
                # 市委书记王明一行到青禾科技调研，公司董事长李强陪同: 公司 is the one company, not the body visiting
                org = companies[-1]
            elif opener is None or not _opens_for(doc, opener, entity_of, entities, at):
                continue
            else:
                org = opener
        elif not W.regex("own_company_word").fullmatch(doc.norm[at:end]) and (
            subject := _sentence_subject(doc, mentions, all_starts, entity_of, sentence - 1, here.paragraph)
        ):
            # 青禾科技登陆科创板。该公司是锋泰集团控股的子公司: the one the sentence before is about (公司 / 本公司 in a
            # notice are the announcing company's own words for itself: the article's)
            topic = _topic_of(doc, mentions, entity_of, subject, main)
            prev = doc.sentences[sentence - 1]
            in_prev = orgs[bisect.bisect_left(starts, prev.start) : bisect.bisect_left(starts, prev.end)]
            if kind and (topic is None or not doc.norm[topic.start : topic.end].endswith(kind.group())):
                # 青禾科技获远川基金投资。该基金创始合伙人…: the one organisation of the kind in the sentence before
                of_kind = [m for m in in_prev if doc.norm[m.start : m.end].endswith(kind.group())]
                if len({entity_of[m.start] for m in of_kind}) == 1:
                    topic = of_kind[-1]
            if topic is not None and W.regex("near_company_anaphor").match(doc.norm, at):
                # 腾讯收购了搜狗。这家公司…: this one is the one just named, which the text does not say among several
                if len({entity_of[m.start] for m in in_prev if not _a_source(doc, m)}) > 1:
                    continue
            if topic is None:
                continue
            org = topic
        elif (
            main in first_of
            and first_of[main].start < at
            and not W.regex("near_company_anaphor").match(doc.norm, at)
            and (at not in post or _last_named(orgs, starts, entity_of, at) == main)
        ):
            # (王明现任公司董事长 after a passage about another company: that one's, maybe; left alone)
            org = first_of[main]
        else:
            continue
        out.append(
            replace(org, start=at, end=end, text=doc.text[at:end], source="anaphora", sentence=sentence)
        )
        ids[at] = entity_of[org.start]
    return out, ids


def pair_mentions(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str]
) -> tuple[list[Mention], dict[int, str]]:
    """前者 / 后者 (the former / the latter) for the first / the second of a pair of organisations named together
    (A与B / A和B / A、B) last before them, in their sentence or the one before, or of the only two named there."""
    W = load_words()
    orgs = sorted(
        (
            m
            for m in mentions
            if m.type in AGENT_TYPES and m.start in entity_of and m.source != "pattern:byline"
        ),
        key=lambda m: m.start,
    )
    taken = sorted((m.start, m.end) for m in mentions)
    sentence_starts = [s.start for s in doc.sentences]
    out: list[Mention] = []
    ids: dict[int, str] = {}
    for match in W.regex("pair_anaphor").finditer(doc.norm):
        at, end = match.span()
        sentence = _sentence_at(doc, sentence_starts, at)
        if sentence is None or _overlaps(taken, at, end):
            continue
        pair = last_pair(doc, orgs, entity_of, doc.sentences[max(0, sentence - 1)].start, at)
        if pair is None:
            continue
        org = pair[0] if match.group("former") else pair[1]
        out.append(
            replace(org, start=at, end=end, text=doc.text[at:end], source="anaphora", sentence=sentence)
        )
        ids[at] = entity_of[org.start]
    return out, ids


def role_mentions(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str]
) -> tuple[list[Mention], dict[int, str]]:
    """合资公司 / 标的公司 opening a clause for the joint venture a sentence before sets up (锋泰集团拟与青禾科技共同出资
    设立锋泰青禾储能科技公司。合资公司的注册地位于成都) or the company it buys (拟收购青禾物流100%股权。标的公司成立于…):
    the one organisation named right after such a verb earlier in its sentence or in the two before it, in its
    paragraph; left alone where there are several (the text does not say which)."""
    W = load_words()
    orgs = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if m.type in AGENT_TYPES and m.start in entity_of and m.source != "pattern:byline"
    ]
    taken = sorted((m.start, m.end) for m in mentions)
    sentence_starts = [s.start for s in doc.sentences]
    out: list[Mention] = []
    ids: dict[int, str] = {}
    for match in W.regex("role_anaphor").finditer(doc.norm):
        at, end = match.span("anaphor")
        sentence = _sentence_at(doc, sentence_starts, at)
        if sentence is None or _overlaps(taken, at, end):
            continue
        here = doc.sentences[sentence]
        first = next(
            i
            for i in range(sentence, max(-1, sentence - 3), -1)
            if i == 0 or i == sentence - 2 or doc.sentences[i - 1].paragraph != here.paragraph
        )
        lo = doc.sentences[first].start
        cue = W.regex("venture_before" if match.group("venture") is not None else "target_before")
        named = {
            entity_of[m.start]: m
            for m in orgs
            if lo <= m.start and m.end <= at and cue.search(doc.norm, max(lo, m.start - 16), m.start)
        }
        if len(named) != 1:
            continue
        org = next(iter(named.values()))
        out.append(
            replace(org, start=at, end=end, text=doc.text[at:end], source="anaphora", sentence=sentence)
        )
        ids[at] = entity_of[org.start]
    return out, ids


def last_pair(
    doc: Document, orgs: list[Mention], entity_of: dict[int, str], lo: int, at: int
) -> tuple[Mention, Mention] | None:
    """The last two organisations between ``lo`` and ``at`` named together (A与B / A、B), two different ones; else
    the two named there where there are just two (锋泰集团宣布收购青禾物流。后者成立于2005年)."""
    join = load_words().regex("pair_join")
    before = [m for m in orgs if lo <= m.start and m.end <= at]
    for a, b in reversed(list(zip(before, before[1:], strict=False))):
        if join.match(doc.norm[a.end : b.start]) and entity_of[a.start] != entity_of[b.start]:
            return a, b
    first: dict[str, Mention] = {}
    for m in before:
        first.setdefault(entity_of[m.start], m)
    if len(first) == 2:
        a, b = first.values()
        return a, b
    return None


def _opens_for(
    doc: Document, opener: Mention, entity_of: dict[int, str], entities: set[str], at: int
) -> bool:
    """Whether the organisation a sentence opens with is the one an anaphor at ``at`` stands for, among several
    before it: not a dateline's outlet (上证报讯…公司与A、B签署…), not one of a pair (A与B关系密切，其…)."""
    return (
        opener.type != "MediaOrganization"
        and entity_of[opener.start] in entities
        and opener.start < at
        and not load_words().regex("coordinated_after").match(doc.norm, opener.end)
    )


def _subjectless(doc: Document, mentions: list[Mention], opening: str):
    """Each sentence of ``doc`` that opens with the predicate the words' regex ``opening`` reads (group ``gap``
    where its subject would stand) and names nothing but a date before it, with the gap's offset."""
    pattern = load_words().regex(opening)
    starts = [m.start for m in mentions]
    for sent in doc.sentences:
        gap = pattern.match(doc.norm, sent.start, sent.end)
        if gap is None:
            continue
        at = gap.start("gap")
        i = bisect.bisect_left(starts, sent.start)
        # (a name before the predicate, or beginning where it does: the sentence has its subject)
        if not any(m.type != "Date" for m in mentions[i : bisect.bisect_right(starts, at)]):
            yield sent, at


def gap_mentions(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], main: str | None
) -> tuple[list[Mention], dict[int, str]]:
    """Empty organisation mentions for sentences that open with an organisation's predicate and no subject
    (2021年获得红杉中国投资 / 目前已与宁德时代达成合作): the organisation the sentence before opens with, in the same
    paragraph, else the article's main organisation. The mention has no characters; the fact's evidence is the
    sentence."""
    starts = [m.start for m in mentions]
    out: list[Mention] = []
    ids: dict[int, str] = {}
    for sent, at in _subjectless(doc, mentions, "subjectless_opening"):
        org = subject = _sentence_subject(doc, mentions, starts, entity_of, sent.index - 1, sent.paragraph)
        if subject is not None:
            org = _topic_of(doc, mentions, entity_of, subject, main)
            if org is None:
                continue
        elif main is not None:
            org = next((m for m in mentions if entity_of.get(m.start) == main and m.start < at), None)
        if org is None:
            continue
        out.append(replace(org, start=at, end=at, text="", source="anaphora", sentence=sent.index))
        ids[at] = entity_of[org.start]
    return out, ids


def _last_named(orgs: list[Mention], starts: list[int], entity_of: dict[int, str], at: int) -> str | None:
    """The entity of the organisation named last before ``at``."""
    i = bisect.bisect_left(starts, at)
    return entity_of[orgs[i - 1].start] if i else None


def _topic_of(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], subject: Mention, main: str | None
) -> Mention | None:
    """What an anaphor or a gap opening a sentence stands for, given the organisation ``subject`` the sentence
    before opens with: that one, unless the sentence before opens with two (青禾科技与锋泰集团签署协议。该公司…) or
    names the article's main organisation besides it (小米投资了青禾科技。其创始人… in an article about 青禾科技),
    not as its parent (锋泰集团旗下的青禾汽车…): then the main one if named there, else none (the text does not say
    which)."""
    if main is None or entity_of[subject.start] == main:
        return subject
    s = doc.sentences[subject.sentence]
    mains = [
        m
        for m in mentions
        if s.start <= m.start < s.end and entity_of.get(m.start) == main and m.type in AGENT_TYPES
    ]
    unit = load_words().regex("unit_between")
    if any(m.end <= subject.start and unit.fullmatch(doc.norm, m.end, subject.start) for m in mains):
        return subject  # 锋泰集团旗下的青禾汽车发布新车: about the unit, whose parent the main one is
    if mains:
        return mains[0]
    if load_words().regex("coordinated_after").match(doc.norm, subject.end):
        return None
    return subject


def _sentence_subject(
    doc: Document,
    mentions: list[Mention],
    starts: list[int],
    entity_of: dict[int, str],
    index: int,
    paragraph: int,
) -> Mention | None:
    """The organisation sentence ``index`` opens with (its first mention, at most a few characters in), if it is in
    ``paragraph``."""
    if index < 0 or doc.sentences[index].paragraph != paragraph:
        return None
    s = doc.sentences[index]
    i = bisect.bisect_left(starts, s.start)
    first = mentions[i] if i < len(mentions) and mentions[i].start < s.end else None
    if first is None or first.start - s.start > 12 or first.type not in AGENT_TYPES:
        return None
    if load_words().regex("agent_before").search(doc.norm, s.start, first.start):
        return (
            None  # 本轮融资由红杉中国领投。这家企业成立于…: the sentence is about the round, not its investor
        )
    if first.start not in entity_of or first.source == "pattern:byline":
        return None
    unit = mentions[i + 1] if i + 1 < len(mentions) and mentions[i + 1].start < s.end else None
    if (
        unit is not None
        and unit.type in AGENT_TYPES
        and unit.start in entity_of
        and load_words().regex("unit_between").fullmatch(doc.norm, first.end, unit.start)
    ):
        return unit  # 锋泰集团旗下的青禾汽车发布新车: the sentence is about 青禾汽车
    return first


def _a_source(doc: Document, m: Mention) -> bool:
    """据某工商平台信息显示 / 根据企查查数据: the organisation is where the text's information comes from."""
    W = load_words()
    return doc.norm[max(0, m.start - 2) : m.start].endswith(W.words("source_before")) and bool(
        W.regex("source_after").match(doc.norm, m.end)
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 8) : i])


def _sentence_at(doc: Document, starts: list[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < doc.sentences[i].end else None


def _antecedent(
    doc: Document, people: list[Mention], starts: list[int], entity_of: dict[int, str], sentence: int, at: int
) -> Mention | None:
    here = doc.sentences[sentence]
    lo = bisect.bisect_left(starts, here.start)
    before = people[lo : bisect.bisect_left(starts, at)]
    if before:
        return before[-1]  # 张伟说，他…: the person of the sentence itself
    for back in range(1, _LOOKBACK + 1):
        index = sentence - back
        if index < 0 or doc.sentences[index].paragraph != here.paragraph:
            return None
        s = doc.sentences[index]
        named = people[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)]
        if named:
            return named[-1] if len({entity_of[m.start] for m in named}) == 1 else None
    return None


__all__ = ["company_mentions", "gap_mentions", "pronoun_mentions", "role_mentions"]
