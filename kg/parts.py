"""Long documents in parts: recognition (segmentation, the tagger, the rules) sees a very long document one
sentence-aligned part at a time, so that its working memory (a token per word, the tagger's arrays) is that of
one part; the mentions come back with offsets into the whole document, which keeps its one id. The later stages
(figures, resolution, relations) see the whole document: they are linear and light.

A part ends at a paragraph break where one falls in its second half, else at a sentence end. Within a part,
everything works as on a whole document; across parts, a name found by a pattern is not looked for again, nor is
an abbreviation applied (the parts are ``PART_CHARS`` long: no news article comes near).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Document, Mention, Sentence

PART_CHARS = 200_000


@dataclass(frozen=True)
class Part:
    """A document of its own made of ``sentences`` of ``whole``, from offset ``start`` and sentence ``first``."""

    doc: Document
    start: int
    first: int
    whole: Document


def split(doc: Document, limit: int | None = None) -> list[Part]:
    """``doc`` itself when it is short, else its parts of at most ``limit`` characters (a longer sentence is a
    part of its own)."""
    limit = limit or PART_CHARS
    if len(doc.text) <= limit or len(doc.sentences) < 2:
        return [Part(doc, 0, 0, doc)]
    parts, first = [], 0
    while first < len(doc.sentences):
        last = _last_sentence(doc.sentences, first, limit)
        parts.append(_part(doc, first, last))
        first = last + 1
    return parts


def _last_sentence(sentences: tuple[Sentence, ...], first: int, limit: int) -> int:
    start, last, paragraph_end = sentences[first].start, first, None
    while last + 1 < len(sentences) and sentences[last + 1].end - start <= limit:
        last += 1
        if last + 1 < len(sentences) and sentences[last + 1].paragraph != sentences[last].paragraph:
            paragraph_end = last
    if last + 1 < len(sentences) and paragraph_end is not None:
        if sentences[paragraph_end].end - start >= limit // 2:
            return paragraph_end
    return last


def _part(doc: Document, first: int, last: int) -> Part:
    a, b = doc.sentences[first].start, doc.sentences[last].end
    sentences = tuple(
        dataclasses.replace(s, index=s.index - first, start=s.start - a, end=s.end - a)
        for s in doc.sentences[first : last + 1]
    )
    text = dataclasses.replace(doc, text=doc.text[a:b], norm=doc.norm[a:b], sentences=sentences)
    return Part(text, a, first, doc)


def whole(mentions: list[Mention], part: Part) -> list[Mention]:
    """Mentions found in ``part`` with offsets and sentence numbers into the whole document."""
    if part.doc is part.whole:
        return mentions
    return [
        dataclasses.replace(
            m, start=m.start + part.start, end=m.end + part.start, sentence=m.sentence + part.first
        )
        for m in mentions
    ]


def groups(parts: list[tuple[int, Part]], limit: int | None = None) -> Iterator[list[tuple[int, Part]]]:
    """(document number, part) in runs of at most ``limit`` characters: many short documents go to the tagger
    together (faster), long ones one part at a time (bounded memory)."""
    limit = limit or PART_CHARS
    run: list[tuple[int, Part]] = []
    size = 0
    for item in parts:
        if run and size + len(item[1].doc.text) > limit:
            yield run
            run, size = [], 0
        run.append(item)
        size += len(item[1].doc.text)
    if run:
        yield run
