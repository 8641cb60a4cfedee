"""Chinese numerals, scales, dates and width/script normalisation."""

from decimal import Decimal

import pytest

from kg.zh.dates import normalise_date
from kg.zh.numerals import format_decimal, parse_chinese_integer, parse_number, scale_value
from kg.zh.text import fold_width, to_simplified, traditional_ratio


@pytest.mark.parametrize(
    "text,value",
    [
        ("一百二十", 120),
        ("十五", 15),
        ("两千三百万", 23_000_000),
        ("三千五百万", 35_000_000),
        ("一亿两千万", 120_000_000),
        ("两万亿", 2 * 10**12),
        ("零", 0),
        ("九十九", 99),
    ],
)
def test_chinese_integer(text, value):
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize(
    "text,value", [("1,175", Decimal(1175)), ("1.6", Decimal("1.6")), ("两", Decimal(2))]
)
def test_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "scale,value", [("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("百万", 10**6), ("", 1)]
)
def test_scale(scale, value):
    assert scale_value(scale) == value


def test_not_a_numeral_raises():
    with pytest.raises(ValueError):
        parse_chinese_integer("快手")


@pytest.mark.parametrize(
    "value,text", [(Decimal("3E8"), "300000000"), (Decimal("0.520"), "0.52"), (Decimal("16000.0"), "16000")]
)
def test_format_decimal(value, text):
    assert format_decimal(value) == text


@pytest.mark.parametrize(
    "text,ref,value",
    [
        ("2020年6月28日", None, "2020-06-28"),
        ("6月28日", None, "--06-28"),
        ("2020年春节", None, "2020"),
        ("今年4月", "2019-07-01", "2019-04"),
        ("去年", "2019-07-01", "2018"),
        ("二〇一九年", None, "2019"),
        ("618", None, None),
        ("2021 年 3 月 5 日", None, "2021-03-05"),
        ("2014 年", None, "2014"),
    ],
)
def test_normalise_date(text, ref, value):
    assert normalise_date(text, ref) == value


def test_fold_width_keeps_length_and_chinese_punctuation():
    text = "ＱｕｅｓｔＭｏｂｉｌｅ数据，５２％的用户。"
    folded = fold_width(text)
    assert folded == "QuestMobile数据，52%的用户。" and len(folded) == len(text)


def test_to_simplified_keeps_length():
    text = "騰訊控股有限公司創始人表示，與京東達成合作。"
    simple = to_simplified(text)
    assert simple == "腾讯控股有限公司创始人表示，与京东达成合作。" and len(simple) == len(text)


def test_traditional_ratio_tells_scripts_apart():
    assert traditional_ratio("騰訊宣佈與網易達成戰略合作，雙方將共同開發遊戲。") > 0.3
    assert traditional_ratio("腾讯宣布与网易达成战略合作，双方将共同开发游戏。") == 0


@pytest.mark.parametrize(
    "text,reference,name",
    [
        ("今年4月", "2024-06-05", "2024年4月"),
        ("去年", "2024-06-05T10:00:00+08:00", "2023年"),
        ("今年第三季度", "2024年6月5日", "2024年第三季度"),
        ("6月28日", "2024-06-05", "2024年6月28日"),
        ("12月5日", "2025-01-10", "2024年12月5日"),  # the nearest December: last year's
        ("1月3日", "2024-12-20", "2025年1月3日"),
        ("2020年春节", "2024-06-05", "2020年春节"),  # names its year: as written
        ("今年4月", None, "doc1/今年4月"),  # no article date: kept to its article
        ("6月28日", None, "doc1/6月28日"),
    ],
)
def test_relative_dates_resolve_against_the_article_date_or_stay_with_their_article(text, reference, name):
    from kg.zh.dates import date_name

    assert date_name(text, "doc1", reference) == name
