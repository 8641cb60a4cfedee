"""A sentence as a template: each mention replaced by ⟦<code><n>⟧, so rules are short regexes over roles.

Codes: P person, O organisation (company, media, government body, business unit, other), A platform/app,
B both (a company that is also its platform: 快手, 京东), R product or programme, L place, D date. ``Sentence view`` maps placeholder numbers back to mentions.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import cast

from ..model import Document, Evidence, Mention, Relation, Sentence
from ..types import SLOT_GROUPS, slot_code
from ..words import load_words

_SLOT = re.compile(r"⟦[A-Z](\d+)⟧")
_PLACE_BEFORE_NAME = re.compile(rf"⟦{slot_code('Place')}\d+⟧(?=⟦)")  # a place slot right before a slot
# {a:org} one slot captured as a; {a:org+} a list (A、B和C) captured whole; {a:org+~} a list in which unknown
# names may stand; {org} or {:org} one slot, not captured. Groups name slot codes (kg/data/types.toml).
_SLOT_MACRO = re.compile(r"\{(?:([a-z_][a-z0-9_]*)?:)?([a-z]+(?:\|[a-z]+)*)(\+~?)?\}")


def _group_codes(spec: str) -> str:
    codes = ""
    for name in spec.split("|"):
        if name not in SLOT_GROUPS:
            raise ValueError(f"unknown slot group {name!r} (known: {', '.join(SLOT_GROUPS)})")
        codes += SLOT_GROUPS[name]
    return "".join(sorted(set(codes), key=codes.index))


def expand_slots(pattern: str) -> str:
    """A template pattern with its slot macros replaced by regular expressions over ``⟦<code><n>⟧``."""
    words = load_words()

    def one(m: re.Match[str]) -> str:
        name, spec, many = m.group(1), m.group(2), m.group(3)
        single = rf"⟦[{_group_codes(spec)}]\d+⟧"
        if not many:
            return rf"⟦[{_group_codes(spec)}](?P<{name}>\d+)⟧" if name else single
        single = f"{single}(?:{words.alt('list_item_note')})?"  # A（领投）、B、C: an item's part in brackets
        codes = _group_codes(spec)
        if "P" in codes and set(codes) & set("OAB"):  # 锋泰科技创始人王强、星澜资本: the person is the item
            single = f"(?:{_item_owner_title().pattern})?{single}"
        if many == "+~":
            item = f"(?:{single}|{words.alt('unknown_list_item')}(?={words.alt('unknown_item_end')}))"
            body = f"{single}(?:\\s?{words.alt('loose_list_separator')}\\s?(?:{words.alt('list_item_role')})?{item})*"
        else:  # (青禾 AI 、锋泰智能: pages put blanks around Latin names)
            sep = words.alt("list_separator")
            if "P" in codes:  # (王明与李强会面: 李强 is the one met, no item of the list)
                sep = f"(?!{words.alt('companion_item')}){sep}"
            body = f"{single}(?:{_not_set_apart()}\\s?{sep}\\s?(?:{words.alt('list_item_role')})?{single})*"
        return f"(?P<{name}>{body})" if name else f"(?:{body})"

    return _SLOT_MACRO.sub(one, pattern)


@functools.cache
def _owner_before_item() -> re.Pattern[str]:
    """The owner of a list's item named before it, after a separator (A、B旗下C: B)."""
    return re.compile(rf"(?<=[^⟧\s])(?:⟦[A-Z]\d+⟧\s?){{1,2}}(?:{load_words().alt('list_item_owner_link')})")


@functools.cache
def _not_set_apart() -> str:
    """Before a list's separator: no comma after a name set apart (除了A，B还投资了C: A is no item)."""
    behind = "".join(
        rf"(?<!{re.escape(w)}⟦[A-Z]{digits}⟧)"
        for w in load_words().words("list_exception_opener")
        for digits in (r"\d", r"\d\d", r"\d\d\d")
    )
    return rf"(?:{behind}|(?!\s?[,\uff0c]))"


@functools.cache
def _item_owner_title() -> re.Pattern[str]:
    """An organisation and a post before a person's slot in a list (锋泰科技创始人王强): no item of the list."""
    return re.compile(load_words().alt("item_owner_title"))


def template_regex(name: str) -> re.Pattern[str]:
    """A vocabulary pattern over templates (slots allowed), compiled."""
    return _compiled_template_regex(name)


@functools.cache
def _compiled_template_regex(name: str) -> re.Pattern[str]:
    words = load_words()
    return re.compile(expand_slots(words.expand(f"<{name}>")))


@dataclass
class SentenceView:
    doc: Document
    sentence: Sentence
    mentions: list[Mention]
    entity_of: dict[int, str]
    template: str
    # the template with the places that only describe the name after them kept as slots (美国芯片巨头⟦O1⟧ read
    # as ⟦L0⟧芯片巨头⟦O1⟧): what rules with places = "kept" read; the template itself where nothing was folded
    kept: str = ""

    @staticmethod
    def code_of(m: Mention) -> str:
        return slot_code(m.type, m.types)

    @classmethod
    def build(
        cls, doc: Document, sentence: Sentence, mentions: list[Mention], entity_of: dict[int, str]
    ) -> SentenceView:
        parts, pos = [], sentence.start
        for i, m in enumerate(mentions):
            parts.append(doc.norm[pos : m.start])
            parts.append(f"⟦{cls.code_of(m)}{i}⟧")
            pos = m.end
        parts.append(doc.norm[pos : sentence.end])
        unfolded = _drop_glosses("".join(parts), mentions, entity_of)
        template = _fold_modifier_places(unfolded, mentions, doc)
        template = _carry_subject(_SLOT_BLANKS.sub("", _drop_codes(_drop_honorifics(template))))
        kept = template
        if template_regex("modifier_place").search(unfolded):
            kept = _fold_modifier_places(unfolded, mentions, doc, keep_modifiers=True)
            kept = _carry_subject(_SLOT_BLANKS.sub("", _drop_codes(_drop_honorifics(kept))))
        return cls(doc, sentence, mentions, entity_of, template, kept)

    def places_kept(self) -> SentenceView:
        """This view as rules with places = "kept" read it: its modifier places as slots."""
        return self if self.kept == self.template else dataclasses.replace(self, template=self.kept)

    def mention(self, number: str | int) -> Mention:
        return self.mentions[int(number)]

    def entity(self, number: str | int) -> str:
        return self.entity_of[self.mentions[int(number)].start]

    def many(self, group: str) -> list[int]:
        """The items of a list: its slots, less a place written right before a name (A、德国B: B, not 德国) and
        the owner named before an item (A、B旗下C: A and C, not B)."""
        group = _item_owner_title().sub("", group)  # 锋泰科技创始人王强: 王强, not 锋泰科技
        return [
            int(n) for n in _SLOT.findall(_owner_before_item().sub("", _PLACE_BEFORE_NAME.sub("", group)))
        ]

    def code(self, number: int) -> str:
        return self.code_of(self.mentions[number])

    def relation(
        self,
        subject: int | str | None,
        predicate: str,
        obj: int | str | None,
        *,
        rule: str,
        confidence: float,
        qualifiers: dict[str, str] | None = None,
        literal: str | None = None,
        subject_id: str | None = None,
        object_id: str | None = None,
    ) -> Relation:
        """A relation between placeholders (or given ids), with the sentence as evidence: a None placeholder
        comes with its id (or, for the object, a literal)."""
        used = [
            self.mentions[int(x)] for x in (subject, obj) if isinstance(x, (int, str)) and str(x).isdigit()
        ]
        start = min((m.start for m in used), default=self.sentence.start)
        end = max((m.end for m in used), default=self.sentence.end)
        evidence = Evidence(self.doc.id, self.sentence.index, start, end, self.sentence.text)
        s = subject_id or self.entity(cast("int | str", subject))
        o = literal if literal is not None else (object_id or self.entity(cast("int | str", obj)))
        quals = tuple(sorted((qualifiers or {}).items()))
        return Relation(s, predicate, o, evidence, round(confidence, 2), rule, quals, literal is not None)


def _carry_subject(template: str) -> str:
    """Give each subjectless clause the subject of the nearest clause before it that has one of the same role:
    an organisation before 由…创立 / 成立于 / 总部位于 / 入驻 (京东宣布与蔚来合作，蔚来由李斌创立，成立于2014年:
    the founding date is 蔚来's), a person before a career clause (张楠加入字节跳动，曾任今日头条副总裁)."""
    clauses = re.split(f"(?<={load_words().alt('comma')})", template)
    if len(clauses) == 1:
        return template
    org_rx, career_rx = template_regex("subjectless_clause"), template_regex("career_clause")
    org: str | None = None
    person: str | None = None
    out: list[str] = []
    for i, clause in enumerate(clauses):
        if i and career_rx.match(clause):
            # no clause opened with a person: the one the clause before ends with (…锋泰手机CEO王明，将出任…),
            # else the first named
            carried = person or _ending_slot(out[-1], "P") or _first_slot("".join(out), "P")
            agent = (
                _ending_slot(out[-1], "P") if out[-1].startswith(load_words().words("agent_marker")) else None
            )
            carried = agent or carried  # …一职，由⟦O⟧副总经理⟦P4⟧，出任…: the one named after 由
            successor = template_regex("successor_clause").search(out[-1])
            if successor is not None:  # 任命⟦P1⟧接替⟦P2⟧，出任…: the one who takes the place
                carried = successor.group("subject")
            clause = (carried or "") + clause
        elif i and org_rx.match(clause):
            carried = org or _first_slot("".join(out), "OABR")  # no clause opened with one: the first named
            owner = template_regex("open_note_owner").search("".join(out))
            if owner is not None:  # a clause of a note in brackets is about the name the note follows
                carried = owner.group("subject")
            clause = (carried or "") + clause
        org = _clause_subject(clause, "org") or org
        person = _clause_subject(clause, "person") or person
        out.append(clause)
    return "".join(out)


def _clause_subject(clause: str, role: str) -> str | None:
    """The slot a clause is about, in ``role`` (org or person), if one opens it."""
    m = template_regex(f"clause_subject_{role}").match(clause)
    return m.group("subject") if m else None


def _drop_honorifics(template: str) -> str:
    """任命⟦P0⟧先生为…: the honorific after a person's slot is left out, so that rules see ⟦P0⟧为…."""
    return _honorific().sub(r"\1", template)


def _drop_codes(template: str) -> str:
    """青禾集团参股⟦O1⟧(6239)、⟦O2⟧(8150): a listed company's code after its slot is left out, so that rules see
    a list of two names; so is an organisation's other name (在⟦O1⟧(Yuanlan Medical)担任… / ⟦O2⟧(蔻图资本)领投) and
    a person's (接替⟦P1⟧(John Zhao)出任…); and a title's other spelling before a person (首席执行官(CEO)⟦P1⟧)."""
    if "(" not in template and "\uff08" not in template:
        return template
    template = template_regex("title_gloss").sub("", template)  # 首席执行官（CEO）⟦P1⟧: the title given twice
    return _person_gloss().sub(r"\1", _other_name().sub(r"\1", _stock_code().sub(r"\1", template)))


@functools.cache
def _person_gloss() -> re.Pattern[str]:
    """A bracket after a person's slot that gives the name in Latin letters (接替⟦P1⟧(John Zhao)出任…); not one
    that gives a post (⟦P1⟧(CEO)、⟦P2⟧(CTO)共同创立…)."""
    words = load_words()
    title = words.alt("latin_title_in_brackets")  # 王明（CEO）: a post in brackets is read, not left out
    return re.compile(
        rf"(⟦P\d+⟧)\s?[(\uff08](?!(?:{title})[)\uff09])(?:{words.alt('latin_person_name')})[)\uff09]"
    )


@functools.cache
def _other_name() -> re.Pattern[str]:
    """A bracket after an organisation's slot that gives its name in Latin letters or its Chinese name."""
    words = load_words()
    other = words.alt("latin_org_name") + r"|[\u4e00-\u9fff]{2,8}" + words.alt("gloss_org_suffix")
    return re.compile(rf"(⟦[OAB]\d+⟧)[(\uff08](?:{other})[)\uff09]")


@functools.cache
def _stock_code() -> re.Pattern[str]:
    return re.compile(rf"(⟦[A-Z]+\d+⟧){load_words().alt('code_after_slot')}")


# Blanks between a slot and Chinese text are read past (王明于 ⟦D⟧ 加入⟦O⟧ / 为⟦O⟧ CTO: the house style of some
# outlets); not those between two slots (虎嗅 陆一鸣 / IDG资本 红杉中国 are a byline and a list).
_SLOT_BLANKS = re.compile(
    r"(?<=⟧)[ \u3000]+(?=[\u4e00-\u9fff]|[A-Z]{2,5}(?![a-z]))|(?<=[\u4e00-\u9fff])[ \u3000]+(?=⟦)"
)


@functools.cache
def _honorific() -> re.Pattern[str]:
    return re.compile(rf"(⟦P\d+⟧)(?:{load_words().alt('honorific')})")


def _drop_glosses(template: str, mentions: list[Mention], entity_of: dict[int, str]) -> str:
    """招商局集团与比亚迪股份有限公司（简称“比亚迪”）签署…: a bracket that only gives the short name of the slot
    before it is left out, so that rules see 招商局集团与比亚迪…签署 (the short name is an alias already)."""

    def same(m: re.Match[str]) -> str:
        a, b = mentions[int(m.group(1))], mentions[int(m.group(2))]
        return (
            m.group(0)[: m.end(1) - m.start(0) + 1]
            if entity_of.get(a.start) == entity_of.get(b.start)
            else m.group(0)
        )

    return template_regex("short_name_gloss").sub(same, template)


def _fold_modifier_places(
    template: str, mentions: list[Mention], doc: Document, *, keep_modifiers: bool = False
) -> str:
    """A place that only describes the organisation after it (收购中国本地生活平台“口碑”) becomes its text again:
    rules that allow a description between a verb and its object then see the object. Location rules are untouched:
    they read places after 位于 / 在 / 总部, never before a kind of organisation."""

    def text_of(m: re.Match[str]) -> str:
        return doc.norm[mentions[int(m.group(1))].start : mentions[int(m.group(1))].end]

    # (锋泰制药山东大区总经理王斌: a region inside a title, the title's, not a place the rules should read)
    template = template_regex("region_in_title").sub(text_of, template)
    # (据天眼查，红杉中国入股锋泰: a source cited before a comma is nobody's party either)
    template = template_regex("source_before_comma").sub(text_of, template)
    if keep_modifiers:
        return template
    return template_regex("modifier_place").sub(text_of, template)


def _ending_slot(clause: str, codes: str) -> str | None:
    """The slot a clause ends with (before its comma), of one of ``codes``."""
    m = re.search(rf"(⟦[{codes}]\d+⟧)\s*{load_words().alt('comma')}?\s*$", clause)
    return m.group(1) if m else None


def _first_slot(text: str, codes: str) -> str | None:
    m = re.search(rf"⟦[{codes}]\d+⟧", text)
    return m.group() if m else None
