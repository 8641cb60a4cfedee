"""A personal pronoun that opens a clause stands for the person the text was just about.

张伟2009年加入青禾科技。他现任青禾科技副总裁。 — 他 is 张伟: the rules read the second sentence as ⟦P⟧现任⟦O⟧副总裁 and
the fact's evidence is the pronoun itself. The person is the one nearest before the pronoun: earlier in its own
sentence, else in the nearest earlier sentence of the same paragraph (at most two back) that names people, and only
where that sentence names one person (张伟对李强说…。他… is left alone: the text does not say who)."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..model import Document, Mention
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
    for match in W.regex("clause_pronoun").finditer(doc.norm):
        at = match.start("pronoun")
        sentence = _sentence_at(doc, sentence_starts, at)
        if sentence is None:
            continue
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
    return out, ids


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


__all__ = ["pronoun_mentions"]
