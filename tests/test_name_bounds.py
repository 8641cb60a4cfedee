"""Organisation names with the right extent: no label, repeated copy or restating word swallowed, no first character
lost where the segmenter split it off, 公司 kept where it ends an unknown name introduced by its founding."""

import pytest
from helpers import mentions_of, triples

ORGS = ("Company", "Organization", "GovernmentOrganization")


def org_names(text: str) -> set[str]:
    return {m.text for m in mentions_of(text)[2] if m.type in ORGS}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a label or a heading run into the text before the name
        ("集团简介锋泰集团创建于1997年，是一家电缆企业。", "锋泰集团"),
        ("基本情况云帆茶具有限责任公司今年扩产。", "云帆茶具有限责任公司"),
        ("原名青禾电机，成立于1990年。", "青禾电机"),
        ("公司原名星澜电器，1990年更名。", "星澜电器"),
        ("该厂前身锋泰电器厂创建于1958年。", "锋泰电器厂"),
        # a name written twice in a row (a heading, then the text)
        ("锋泰门业锋泰门业成立于1999年。", "锋泰门业"),
        # 和 the segmenter split off an unknown name is its first character
        ("和汇茶具有限公司今年扩产。", "和汇茶具有限公司"),
        ("温州和鼎灯饰有限公司的业绩持续增长。", "温州和鼎灯饰有限公司"),
        ("杭州和藤茶具有限公司今年扩产。", "杭州和藤茶具有限公司"),
        # common nouns before a place that begins the name
        ("项目落地杭州云帆电机，预计明年投产。", "杭州云帆电机"),
    ],
)
def test_name_has_its_own_extent(text, name):
    assert name in org_names(text), org_names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我们的供应商为星河化工有限公司。", "星河化工有限公司"),  # 为 is no name's first character
        ("王明和李强共同创立了锋泰集团。", "锋泰集团"),
    ],
)
def test_name_keeps_no_word_before_it(text, name):
    assert name in org_names(text), org_names(text)


def test_this_company_after_a_name_restates_it():
    text = "云帆家居该公司始建于2003年，主营家装。"
    assert "云帆家居" in org_names(text)
    assert ("云帆家居", "foundingDate", "2003") in triples(text)


def test_company_after_an_unknown_founded_name_is_in_its_mention():
    # the mention covers 公司 (the way the text writes the name); the entity is named without the generic noun
    text = "ABX公司成立于1972年，总部位于芝加哥。"
    assert "ABX公司" in org_names(text)
    assert ("ABX", "foundingDate", "1972") in triples(text)


def test_a_known_name_keeps_its_form_before_company():
    text = "小米公司成立于2010年。"
    assert ("小米", "foundingDate", "2010") in triples(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an item's number run into the name, which the text writes elsewhere without it
        ("2青禾娱乐成立于2009年06月，主要业务分为青禾音乐、青禾影视两大板块。", "青禾娱乐"),
        # a name that begins with a number is written so each time
        ("37锋泰成立于2011年，37锋泰旗下有多款游戏。", "37锋泰"),
        ("3青禾娱乐成立于2009年。", "3青禾娱乐"),
    ],
)
def test_list_number_run_into_a_name(text, name):
    assert name in org_names(text), org_names(text)


def test_a_word_opening_the_sentence_before_generic_endings_is_the_name():
    # 远航 reads as a verb, yet before 控股集团公司 (endings only) it is the name's own word
    assert "远航控股集团公司" in org_names("远航控股集团公司去年裁员三成。")


@pytest.mark.parametrize(
    "text",
    ["林海先生创立于1998年，后来公司上市。", "二、青禾 始于1918年，创始人山田太郎先生创立于大阪。"],
)
def test_a_person_with_an_honorific_who_founded_is_no_company(text):
    assert not any(n.endswith("先生") for n in org_names(text)), org_names(text)
