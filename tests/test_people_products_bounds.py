"""People after a profession word and no adverb taken for a name; model codes with a generation (Gen 3) or a
list's bare-numbered first model."""

import pytest
from helpers import mentions_of

from kg.segment import get_segmenter


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("青禾集团董事长安进表示，公司将加大投入。", "安进"),
        ("锋泰科技总经理宣进透露，新工厂将于明年投产。", "宣进"),
        ("星澜电子总裁秦开指出，出口订单仍在增长。", "秦开"),
        ("青禾物流首席执行官易行称，运价已经见底。", "易行"),
        ("锋泰银行行长包容认为，息差仍在收窄。", "包容"),
    ],
)
def test_a_name_the_segmenter_read_as_a_verb_after_a_title(text, name):
    assert name in names(text, "Person")


@pytest.mark.parametrize(
    "text",
    [
        "青禾集团总裁强调称，公司将加大投入。",
        "锋泰科技总经理宣布，新工厂将于明年投产。",
        "星澜电子董事长曾经表示，出口订单仍在增长。",
    ],
)
def test_a_verb_of_saying_after_a_title_is_no_name(text):
    assert not names(text, "Person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("联合创始人伊万·彼得洛夫代表公司出席了签约仪式。", "伊万·彼得洛夫"),
        ("青禾资本创始合伙人玛丽亚·何塞·罗德里格斯表示，基金已完成募集。", "玛丽亚·何塞·罗德里格斯"),
        ("青禾电子董事长阿卜杜拉·本·哈立德宣布，公司将在利雅得设厂。", "阿卜杜拉·本·哈立德"),
        ("此次会议由欧洲区总经理托马斯·穆勒主持。", "托马斯·穆勒"),
        ("原首席财务官卡洛斯·门多萨于上月离职。", "卡洛斯·门多萨"),
    ],
)
def test_a_transliterated_name_after_a_title(text, name):
    assert name in names(text, "Person")


def test_a_title_then_a_dot_is_no_name():
    assert not names("他是青禾集团的首席执行官·也是创始人。", "Person")


def _tagged_person(text: str, start: int, end: int) -> set[str]:
    from kg.recognize import statistical_mentions
    from kg.recognize.context import Context
    from kg.recognize.lexicon import load_lexicon

    doc, tokens, _ = mentions_of(text)
    ctx = Context(doc, tokens, load_lexicon(), get_segmenter("rjieba").known)
    return {m.text for m in statistical_mentions(ctx, [(start, end, "Person", 0.99)], [], source="nn")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("周海燕说，公司会继续投入。周海燕此前很少露面。", "周海燕"),
        ("林志远称，订单已经排到明年。林志远表示不会降价。", "林志远"),
        ("郑雨桐表示，新店将在下月开业。郑雨桐，青禾零售创始人。", "郑雨桐"),
    ],
)
def test_a_name_the_tagger_cut_short_is_completed(text, name):
    assert _tagged_person(text, 0, 2) == {name}


@pytest.mark.parametrize(
    "text",
    [
        "首个进球正是周海顶进自家大门的乌龙球。",  # once only
        "林志来了。林志来到杭州。",  # 来 is a verb each time
    ],
)
def test_a_name_the_tagger_cut_is_left_where_the_longer_name_is_no_name(text):
    pos = 6 if text.startswith("首个") else 0
    assert _tagged_person(text, pos, pos + 2) == {text[pos : pos + 2]}


def test_a_transliterated_name_after_two_titles_joined_by_and():
    got = names("星澜影业总裁和董事长伊万·彼得洛夫也表示，市场仍在增长。", "Person")
    assert "伊万·彼得洛夫" in got
    assert not any(n.startswith("和") for n in got)


@pytest.mark.parametrize(
    "text",
    [
        "当地盛产葡萄、樱桃、杨梅、枇杷等水果。",
        "他喜欢吃苹果、杨梅和香蕉。",
        "店里有菠萝、杨梅、芒果等鲜果。",
        "门店主推奶茶、杨梅汁、果茶三类饮品。",
        "早餐有豆浆、油条、包子和馒头。",
    ],
)
def test_a_tagged_name_among_things_in_a_list_is_no_person(text):
    pos = next(i for i, ch in enumerate(text) if ch in "杨油")
    assert not _tagged_person(text, pos, pos + 2)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("公司董事包括王明、李华、杨梅等人。", "杨梅"),
        ("出席仪式的有青禾集团代表、锋泰科技代表、杨梅等人。", "杨梅"),
        ("总裁、杨梅和两位副总裁出席了会议。", "杨梅"),
    ],
)
def test_a_tagged_name_among_people_in_a_list_stays(text, name):
    pos = text.index(name)
    assert _tagged_person(text, pos, pos + 2) == {name}
