"""Chinese and Arabic numerals with scales (万 = 10^4, 亿 = 10^8, 成 = tenths).

Chinese counts in myriads: 1.6万 is 16,000 and 3亿 is 300,000,000; 万亿 stacks to 10^12.
两 is the form of 2 used before measure words (两个月), 〇/零 is zero.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def parse_chinese_integer(text: str) -> int:
    """Parse 一百二十 → 120, 两千三百万 → 23000000, 十五 → 15. Raises ValueError if not a numeral."""
    if not text:
        raise ValueError("empty numeral")
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch] if digit is None else digit * 10 + DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            total = (
                (total + section) * BIG_UNITS[ch]
                if total and BIG_UNITS[ch] > 10**4
                else total + section * BIG_UNITS[ch]
            )
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)


def parse_number(text: str) -> Decimal:
    """Parse an Arabic (1,175 / 1.6) or Chinese (一百二十) number without scale."""
    cleaned = text.replace(",", "").replace("，", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return Decimal(parse_chinese_integer(cleaned))


def scale_value(scale: str) -> Decimal:
    """The multiplier of a scale word: 万 → 10^4, 亿 → 10^8, 万亿 → 10^12, 百万 → 10^6, '' → 1."""
    value = Decimal(1)
    for ch in scale:
        if ch in BIG_UNITS:
            value *= BIG_UNITS[ch]
        elif ch in SMALL_UNITS:
            value *= SMALL_UNITS[ch]
        else:
            raise ValueError(f"not a scale: {scale!r}")
    return value


def format_decimal(value: Decimal) -> str:
    """A plain decimal string with no exponent and no trailing zeros: 300000000, 0.52, 16000."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
