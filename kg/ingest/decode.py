"""Bytes → str: UTF-8, UTF-16 and UTF-32 (with or without BOM), GB18030/GBK, Big5; refuse binary and guesses."""

from __future__ import annotations

import codecs

from ..errors import InputError


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12, 27))
    return controls > max(8, len(sample) // 50)


def _plausible_text(text: str) -> bool:
    """Decoded text should be mostly Han, ASCII, or common punctuation; mojibake is full of rare symbols."""
    sample = text[:20000]
    if not sample:
        return True
    good = sum(
        1
        for ch in sample
        if ch.isascii()
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·•●"
    )
    return good / len(sample) > 0.9


ENCODINGS = "UTF-8, GB18030, Big5, UTF-16 or UTF-32"
BINARY = f"binary file, not text (expected {ENCODINGS} text)"
_BOMS = (  # UTF-32's little-endian BOM begins with UTF-16's: it is tried first
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode with detection; raise InputError naming the file when no encoding is credible."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    head = data[:8192]
    if b"\x00" in head:  # NUL bytes: UTF-32 or UTF-16 without a BOM (ASCII characters leave zeros), or binary
        text = _wide(data)
        if text is None:
            raise InputError(path, BINARY)
        return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _looks_binary(data):
            raise InputError(path, BINARY)
        return text
    guess = _guess_legacy(data)
    if guess is not None:
        return guess
    if _looks_binary(data):
        raise InputError(path, BINARY)
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(path, f"not {ENCODINGS} text (undecodable bytes)", line=line) from utf8_error


def _wide(data: bytes) -> str | None:
    """BOM-less UTF-32 or UTF-16, whichever decodes strictly into plausible text without control characters."""
    for encoding, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % unit:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text) and not any(ord(c) < 9 for c in text[:8192]):
            return text
    return None


def _guess_legacy(data: bytes) -> str | None:
    """GB18030/GBK, Big5 (and its Windows form cp950) or BOM-less UTF-16, chosen by charset-normalizer among
    these only, and kept only if it reads as text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "cp950", "utf_16_le", "utf_16_be"]).best()
    if best is None or best.chaos > 0.1:
        return None
    text = str(best)
    return text if _plausible_text(text) else None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"declared {encoding} but bytes at offset {exc.start} are invalid") from exc
