"""Bytes → str: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), GB18030/GBK; refuse binary and guesses."""

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


def decode_bytes(data: bytes, path: str) -> str:
    """Decode with detection; raise InputError naming the file when no encoding is credible."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    for zeros, other, encoding in (
        (data[1::2], data[0::2], "utf-16-le"),
        (data[0::2], data[1::2], "utf-16-be"),
    ):
        if len(data) >= 4 and zeros[:64].count(0) > 24 and other[:64].count(0) == 0:
            text = _strict(data, encoding, path)
            if not _plausible_text(text) or any(ord(c) < 9 for c in text[:8192]):
                raise InputError(path, "binary file, not text (expected UTF-8, GB18030 or UTF-16 text)")
            return text
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text (expected UTF-8, GB18030 or UTF-16 text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _looks_binary(data):
            raise InputError(path, "binary file, not text (expected UTF-8, GB18030 or UTF-16 text)")
        return text
    guess = _guess_legacy(data)
    if guess is not None:
        return guess
    if _looks_binary(data):
        raise InputError(path, "binary file, not text (expected UTF-8, GB18030 or UTF-16 text)")
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(path, "not UTF-8, GB18030 or UTF-16 text (undecodable bytes)", line=line) from utf8_error


def _guess_legacy(data: bytes) -> str | None:
    """GB18030/GBK or BOM-less UTF-16, chosen by charset-normalizer among these only, and kept only if it reads as text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "utf_16_le", "utf_16_be"]).best()
    if best is None or best.chaos > 0.1:
        return None
    text = str(best)
    return text if _plausible_text(text) else None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"declared {encoding} but bytes at offset {exc.start} are invalid") from exc
