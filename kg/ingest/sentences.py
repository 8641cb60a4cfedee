"""Sentence splitting with offsets. Ends at 。！？；… (and line breaks); text inside quotes stays whole."""

from __future__ import annotations

import re

from ..model import Sentence

_ENDERS = set("。！？!?；;…")
_OPEN = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "‘": "’"}
_CLOSERS = set(_OPEN.values()) | {'"', "'"}
_MAX_QUOTE = 300  # an unbalanced quote must not swallow the rest of the paragraph
_MAX_SENTENCE = (
    1000  # longer runs without an ender are cut at a comma or space (or hard) to bound later stages
)


def split_sentences(text: str, *, paragraph_spans: list[tuple[int, int, int | None]]) -> tuple[Sentence, ...]:
    """``paragraph_spans`` are (start, end, source_start) of each paragraph inside ``text``."""
    out: list[Sentence] = []
    for p_index, (p_start, p_end, src) in enumerate(paragraph_spans):
        for start, end in _split_span(text, p_start, p_end):
            source = None if src is None else src + (start - p_start)
            out.append(Sentence(len(out), start, end, text[start:end], p_index, source))
    return tuple(out)


# The characters that can change the splitter's state; it jumps from one to the next (a search in C) instead of
# looking at every character.
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_ENDERS | set(_OPEN) | set(_OPEN.values())))) + "]")


def _split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    sent_start = start
    pos = start
    while True:
        found = _SPECIAL.search(text, pos, end)
        i = found.start() if found else end
        # an unbalanced quote is given up at the first character past _MAX_QUOTE, special or not
        if stack and i > pos and (i - 1) - stack[0][1] > _MAX_QUOTE:
            stack.clear()
        if found is None:
            break
        ch = text[i]
        if stack and (ch == stack[-1][0]):
            stack.pop()
        elif ch in _OPEN:
            stack.append((_OPEN[ch], i))
        if stack and i - stack[0][1] > _MAX_QUOTE:
            stack.clear()
        if ch in _ENDERS and not stack:
            j = i + 1
            while j < end and (text[j] in _ENDERS or text[j] in _CLOSERS):
                j += 1
            spans.append((sent_start, j))
            sent_start = pos = j
            continue
        pos = i + 1
    if sent_start < end:
        spans.append((sent_start, end))
    # trim whitespace, drop empties
    trimmed = []
    for s, e in (piece for span in spans for piece in _cap(text, *span)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > _MAX_SENTENCE:
        window = text[start : start + _MAX_SENTENCE]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind(" "))
        cut = start + (cut + 1 if cut > _MAX_SENTENCE // 2 else _MAX_SENTENCE)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
