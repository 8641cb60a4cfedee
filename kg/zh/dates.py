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
    """An xsd-style value (gYear, gYearMonth, date or --MM-DD), or None when the text names no calendar point."""
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
