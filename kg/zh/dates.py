"""Chinese date expressions → ISO-like values: 2020年6月28日 → 2020-06-28, 6月28日 → --06-28, 2020年春节 → 2020."""

from __future__ import annotations

import re

from .numerals import DIGITS

_RELATIVE = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}


def _year(text: str) -> int | None:
    m = re.match(r"(\d{4})年", text)
    if m:
        return int(m.group(1))
    m = re.match(r"([〇零一二三四五六七八九]{4})年", text)
    if m:
        return int("".join(str(DIGITS[c]) for c in m.group(1)))
    return None


def normalise_date(text: str, reference: str | None = None) -> str | None:
    """An xsd-style value (gYear, gYearMonth, date or --MM-DD), or None when the text names no calendar point.
    Spaces between the numbers and their units (2021 年 3 月, the house style of several outlets) do not count."""
    text = re.sub(r"\s+", "", text)
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if iso:
        return f"{int(iso.group(1)):04d}-{int(iso.group(2)):02d}-{int(iso.group(3)):02d}"
    year = _year(text)
    for word, delta in _RELATIVE.items():
        if text.startswith(word) and reference and re.match(r"\d{4}", reference):
            year = int(reference[:4]) + delta
    m = re.search(r"(\d{1,2})月(?:(\d{1,2})[日号])?", text)
    if m and year:
        month = int(m.group(1))
        if not 1 <= month <= 12:
            return None
        return f"{year:04d}-{month:02d}" + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
    if m and m.group(2):
        return f"--{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    if year:
        return f"{year:04d}"
    return None


def has_year(text: str) -> bool:
    """The expression names its year (2024年…, 二〇二四年…, 2024-06-28) rather than leaving it to the reader."""
    return bool(re.match(r"\d{4}", text)) or _year(text) is not None


def _reference(date: str | None) -> tuple[int, int] | None:
    """Year and month of an article's date (2024-06-05, 2024-06-05T10:00+08:00, 2024年6月5日, 2024)."""
    m = re.match(r"(\d{4})(?:\s*[-/.年]\s*(\d{1,2}))?", date or "")
    return (int(m.group(1)), int(m.group(2) or 6)) if m else None


def absolute_name(text: str, reference: str | None) -> str | None:
    """A date written relative to the article (今年4月, 去年, 6月28日, 双11) as it would be written with its year,
    given the article's date: 今年4月 of an article of 2024-06-05 is 2024年4月. A month without a year is taken
    in the year that puts it nearest the article (12月 in an article of January is last December). None when
    the text already names its year or the article's date is unknown."""
    ref = _reference(reference)
    if ref is None:
        return None
    year, month = ref
    for word, delta in _RELATIVE.items():
        if text.startswith(word):
            return f"{year + delta}年{text[len(word) :]}"
    if has_year(text):
        return None
    m = re.match(r"(\d{1,2})月", text)
    if m and 1 <= int(m.group(1)) <= 12:
        year = min(
            (year - 1, year, year + 1),
            key=lambda y: (abs(y * 12 + int(m.group(1)) - ref[0] * 12 - month), y != ref[0]),
        )
    return f"{year}年{text}"


def date_name(text: str, doc_id: str, reference: str | None) -> str:
    """The name a date entity's id is made of: as written when it names its year; else resolved against the
    article's date (2024年4月); else kept to its article (``<doc id>/今年4月``), so that 今年4月 in two articles
    of unknown dates are two different dates."""
    if has_year(text) and not any(text.startswith(w) for w in _RELATIVE):
        return text
    return absolute_name(text, reference) or f"{doc_id}/{text}"
