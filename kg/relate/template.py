"""A sentence as a template: each mention replaced by ⟦<code><n>⟧, so rules are short regexes over roles.

Codes: P person, O organisation (company, media, government body, business unit, other), A platform/app,
B both (a company that is also its platform: 快手, 京东), R product or programme, L place, D date. ``Sentence view`` maps placeholder numbers back to mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Evidence, Mention, Relation, Sentence

CODE = {
    "Person": "P",
    "Company": "O",
    "Organization": "O",
    "GovernmentOrganization": "O",
    "MediaOrganization": "O",
    "BusinessUnit": "O",
    "Platform": "A",
    "Product": "R",
    "Programme": "R",
    "Place": "L",
    "Date": "D",
}
_SLOT = re.compile(r"⟦[A-Z](\d+)⟧")
SEP = r"(?:、|和|与|及|以及|,|，|/)"
# An item of a list that the recogniser did not know (奇瑞 in 吉利、奇瑞、江汽集团等): skipped, not a barrier.
_UNKNOWN_ITEM = r"[\u4e00-\u9fffA-Za-z]{2,6}?"


def slot(name: str, codes: str) -> str:
    """One placeholder of the given codes, its number captured as group ``name``."""
    return rf"⟦[{codes}](?P<{name}>\d+)⟧"


def slots(name: str, codes: str, *, loose: bool = False) -> str:
    """A list of placeholders (A、B和C), captured whole as group ``name``; ``loose`` lets unknown names stand in it."""
    one = rf"⟦[{codes}]\d+⟧"
    if loose:
        item = rf"(?:{one}|{_UNKNOWN_ITEM}(?=、|和|与|及|等|⟦))"
        return rf"(?P<{name}>{one}(?:(?:、|和|与|及){item})*)"
    return rf"(?P<{name}>{one}(?:{SEP}{one})*)"


@dataclass
class SentenceView:
    doc: Document
    sentence: Sentence
    mentions: list[Mention]
    entity_of: dict[int, str]
    template: str

    @staticmethod
    def code_of(m: Mention) -> str:
        code = CODE[m.type]
        return "B" if code == "O" and "Platform" in m.types or code == "A" and m.type != "Platform" else code

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
        return cls(doc, sentence, mentions, entity_of, _carry_subject("".join(parts)))

    def mention(self, number: str | int) -> Mention:
        return self.mentions[int(number)]

    def entity(self, number: str | int) -> str:
        return self.entity_of[self.mentions[int(number)].start]

    def many(self, group: str) -> list[int]:
        return [int(n) for n in _SLOT.findall(group)]

    def code(self, number: int) -> str:
        return self.code_of(self.mentions[number])

    def relation(
        self,
        subject: int | str,
        predicate: str,
        obj: int | str,
        *,
        rule: str,
        confidence: float,
        qualifiers: dict[str, str] | None = None,
        literal: str | None = None,
        subject_id: str | None = None,
        object_id: str | None = None,
    ) -> Relation:
        """A relation between placeholders (or given ids), with the sentence as evidence."""
        used = [
            self.mentions[int(x)] for x in (subject, obj) if isinstance(x, (int, str)) and str(x).isdigit()
        ]
        start = min((m.start for m in used), default=self.sentence.start)
        end = max((m.end for m in used), default=self.sentence.end)
        evidence = Evidence(self.doc.id, self.sentence.index, start, end, self.sentence.text)
        s = subject_id or self.entity(subject)
        o = literal if literal is not None else (object_id or self.entity(obj))
        quals = tuple(sorted((qualifiers or {}).items()))
        return Relation(s, predicate, o, evidence, round(confidence, 2), rule, quals, literal is not None)


# A clause that starts with a predicate has the sentence's subject: 拼多多总部位于上海，由黄峥于2015年创立.
_SUBJECTLESS = re.compile(
    r"(?<=[，,])(?=由|于⟦D|在⟦D|⟦D\d+⟧由|总部|成立于|创立于|创办于|始建于|旗下|并与|并和|并同|还与|同时与|并宣布"
    r"|公司(?:成立|创立|总部|于)|该公司|其总部"
    r"|(?:后来|随后|此后|之后|目前|现已|也|还)?(?:陆续|相继|先后)?(?:入驻|进驻|登陆))"
)


# A clause about a person's career with no subject: 张楠于2013年加入字节跳动，曾任今日头条副总裁，2018年起担任抖音总裁.
_CAREER = re.compile(
    r"(?<=[，,])(?=(?:⟦D\d+⟧起?)?(?:曾任|曾担任|现任|担任|出任|后任|此前担任|历任|兼任|转任))"
)


def _carry_subject(template: str) -> str:
    """Repeat the sentence's first organisation before each subjectless clause (and its first person before a
    subjectless career clause), so clause rules see a subject."""
    first = re.search(
        r"⟦[OABR]\d+⟧", template
    )  # a brand or product can be the subject too (花西子…，后来入驻抖音)
    person = re.match(r"(?:[^⟦，,。]|⟦D\d+⟧)*(⟦P\d+⟧)", template)
    if person:
        template = _CAREER.sub(lambda m: person.group(1) if m.start() > person.end() else "", template)
        first = re.search(r"⟦[OABR]\d+⟧", template)
    if not first:
        return template
    return _SUBJECTLESS.sub(lambda m: first.group() if m.start() > first.end() else "", template)
