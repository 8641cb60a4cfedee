"""A sentence as a template: each mention replaced by ⟦<code><n>⟧, so rules are short regexes over roles.

Codes: P person, O organisation (company, media, government body, business unit, other), A platform/app,
R product or programme, L place, D date. ``Sentence view`` maps placeholder numbers back to mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Evidence, Mention, Relation, Sentence

CODE = {"Person": "P", "Company": "O", "Organization": "O", "GovernmentOrganization": "O", "MediaOrganization": "O",
        "BusinessUnit": "O", "Platform": "A", "Product": "R", "Programme": "R", "Place": "L", "Date": "D"}
_SLOT = re.compile(r"⟦[A-Z](\d+)⟧")
SEP = r"(?:、|和|与|及|以及|,|，|/)"


def slot(name: str, codes: str) -> str:
    """One placeholder of the given codes, its number captured as group ``name``."""
    return rf"⟦[{codes}](?P<{name}>\d+)⟧"


def slots(name: str, codes: str) -> str:
    """A list of placeholders (A、B和C), captured whole as group ``name``."""
    one = rf"⟦[{codes}]\d+⟧"
    return rf"(?P<{name}>{one}(?:{SEP}{one})*)"


@dataclass
class SentenceView:
    doc: Document
    sentence: Sentence
    mentions: list[Mention]
    entity_of: dict[int, str]
    template: str

    @classmethod
    def build(cls, doc: Document, sentence: Sentence, mentions: list[Mention], entity_of: dict[int, str]) -> SentenceView:
        parts, pos = [], sentence.start
        for i, m in enumerate(mentions):
            parts.append(doc.norm[pos : m.start])
            parts.append(f"⟦{CODE[m.type]}{i}⟧")
            pos = m.end
        parts.append(doc.norm[pos : sentence.end])
        return cls(doc, sentence, mentions, entity_of, "".join(parts))

    def mention(self, number: str | int) -> Mention:
        return self.mentions[int(number)]

    def entity(self, number: str | int) -> str:
        return self.entity_of[self.mentions[int(number)].start]

    def many(self, group: str) -> list[int]:
        return [int(n) for n in _SLOT.findall(group)]

    def code(self, number: int) -> str:
        return CODE[self.mentions[number].type]

    def relation(self, subject: int | str, predicate: str, obj: int | str, *, rule: str, confidence: float,
                 qualifiers: dict[str, str] | None = None, literal: str | None = None,
                 subject_id: str | None = None, object_id: str | None = None) -> Relation:
        """A relation between placeholders (or given ids), with the sentence as evidence."""
        used = [self.mentions[int(x)] for x in (subject, obj) if isinstance(x, (int, str)) and str(x).isdigit()]
        start = min((m.start for m in used), default=self.sentence.start)
        end = max((m.end for m in used), default=self.sentence.end)
        evidence = Evidence(self.doc.id, self.sentence.index, start, end, self.sentence.text)
        s = subject_id or self.entity(subject)
        o = literal if literal is not None else (object_id or self.entity(obj))
        quals = tuple(sorted((qualifiers or {}).items()))
        return Relation(s, predicate, o, evidence, round(confidence, 2), rule, quals, literal is not None)
