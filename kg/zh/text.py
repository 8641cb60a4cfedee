"""Width and script normalisation that never changes the length of the text (offsets must survive)."""

from __future__ import annotations

import functools

# Full-width ASCII letters, digits and a few signs that are safe to fold to half-width. Chinese
# punctuation (，。：；！？（）) also lives in this block but is kept: it carries sentence structure.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FOLD.update({ord(s): ord(s) - 0xFEE0 for s in "％＋．－＆＠＃＿"})
_FOLD[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Full-width letters, digits and ％＋．－ to half-width; same length."""
    return text.translate(_FOLD)


@functools.cache
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


@functools.cache
def _char_t2s(ch: str) -> str:
    conv = _t2s()
    out = conv.convert(ch) if conv else ch
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC, forced to keep the length (per character if a phrase rule changes it)."""
    conv = _t2s()
    if conv is None:
        return text
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(_char_t2s(ch) for ch in text)


def traditional_ratio(text: str) -> float:
    """Share of Han characters that change under t2s: > 0.05 means the text is in traditional script."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    sample = "".join(han[:5000])
    simp = to_simplified(sample)
    return sum(1 for a, b in zip(sample, simp, strict=True) if a != b) / len(sample)


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text``, left to right and non-overlapping (as ``re.finditer`` would find
    them, without compiling a pattern per needle)."""
    out, at = [], text.find(needle)
    while at >= 0 and needle:
        out.append(at)
        at = text.find(needle, at + len(needle))
    return out
