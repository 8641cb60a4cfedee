"""People after a profession word and no adverb taken for a name; model codes with a generation (Gen 3) or a
list's bare-numbered first model."""

import pytest
from helpers import mentions_of


def names(text: str, type_: str) -> set[str]:
    return {m.text for m in mentions_of(text)[2] if m.type == type_}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("知名学者郑晓川认为，产业政策需要调整。", "郑晓川"),
        ("资深主持人王晓燕在直播间里卖出了十万单。", "王晓燕"),
        ("经济学家刘建华表示，内需仍需提振。", "刘建华"),
    ],
)
def test_a_name_after_a_profession_is_a_person(text, name):
    assert name in names(text, "Person")


@pytest.mark.parametrize(
    "text",
    [
        "分析师普遍认为，降息将提振需求。",
        "专家一致认为，价格战还会持续。",
        "律师高度评价这一判决。",
        "上百位青年学者齐聚杭州，共商合作。",
        "半年内，星澜电子已有3位高管离职。",
    ],
)
def test_a_set_phrase_after_a_title_is_no_name(text):
    assert not names(text, "Person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("新机全系搭载骁龙8 Gen3处理器。", "骁龙8 Gen3"),
        ("新机搭载第三代骁龙8s Gen 3移动平台。", "骁龙8s Gen 3"),
        ("此次发布会推出两款机型：小米15、小米15 Pro。", "小米15"),
        ("荣耀推出了荣耀90和荣耀90 Pro。", "荣耀90"),
        ("小米16于今日正式开售。", "小米16"),
        ("荣耀80于9月在国内发布。", "荣耀80"),
    ],
)
def test_model_codes(text, name):
    assert name in names(text, "Product")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("锋泰药业自主研发的1类新药锋泰替尼获批上市。", "锋泰替尼"),
        ("青禾生物的PD-1单抗青禾利单抗获批上市。", "青禾利单抗"),
        ("澜星医药宣布，其自主研发的禾达沙坦片获得批准。", "禾达沙坦"),
    ],
)
def test_a_drug_by_its_stem(text, name):
    assert name in names(text, "Product")


@pytest.mark.parametrize("text", ["该公司的人源化单抗进入临床。", "双特异性单抗是研发热点。"])
def test_a_kind_of_antibody_is_no_drug_name(text):
    assert not names(text, "Product")
