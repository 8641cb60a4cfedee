"""Products: a model's variant word or version after its name, no slogan quoted after a company, and no verb of
saying or launching read as the name of what is made "for" someone."""

import pytest
from helpers import mentions_of


def names(text: str, type_: str = "Product") -> set[str]:
    return {m.text for m in mentions_of(text)[2] if m.type == type_}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("小米同时发布米家空调Pro，以及音箱产品小米Sound 3 Max等。", "米家空调Pro"),
        ("华为推出了Mate 70 Pro+，起售价6999元。", "Mate 70 Pro+"),
        ("小米发布了小米16 Pro Max。", "小米16 Pro Max"),
        ("荣耀推出了荣耀90和荣耀90 Pro。", "荣耀90 Pro"),
        ("理想推出了理想i8 Ultra，搭载新一代芯片。", "理想i8 Ultra"),
        ("小米推出了米家洗衣机Max，售价2999元。", "米家洗衣机Max"),
        ("小米上新了米家扫地机器人Pro。", "米家扫地机器人Pro"),
    ],
)
def test_a_variant_word_belongs_to_the_model(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("小米发布了小米16，售价3999元。", "小米16"),
        ("荣耀80于9月在国内发布。", "荣耀80"),
    ],
)
def test_no_variant_no_extension(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["星澜发布了澜星音箱mini。", "青禾推出了一款Pro。", "锋泰的新品Max售价更高。"]
)
def test_a_variant_word_alone_is_no_product(text):
    assert not names(text) & {"mini", "Pro", "Max"}


@pytest.mark.parametrize(
    "text",
    [
        "今年上半年，锋泰汽车“前路这边更宽”。",
        "青禾乳业“品质永远第一”的口碑深入人心。",
        "在行业寒冬中，星澜电器“生意依然很旺”。",
        "澜星科技“好产品总会赢”，王明在会上说。",
        "锋泰食品“味道一直没变”，老顾客这样评价。",
    ],
)
def test_a_slogan_quoted_after_a_company_is_no_product(text):
    assert not names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("爱奇艺“星钻会员”的收入增长明显。", "星钻会员"), ("青禾游戏“星河盛典”吸引了大量玩家。", "星河盛典")],
)
def test_a_quoted_offering_after_a_company_is_still_one(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "青禾科技今日推出为老年人打造的智能手表。",
        "星澜日前正式发布为小微企业开发的记账工具。",
        "锋泰集团宣布推出为商家研发的收银系统。",
        "青禾宣布上线为买家设计的新功能。",
        "澜星物流表示将为中小卖家打造的仓储服务扩容。",
    ],
)
def test_a_verb_before_for_is_no_offering(text):
    assert not any(
        n.endswith(("推出", "发布", "上线")) or n.startswith(("宣布", "表示")) for n in names(text)
    )


def test_an_offering_under_its_maker_is_still_found():
    assert "星澜笔记" in names("星澜笔记是锋泰科技推出的一款社交应用。", "Platform")


def tagged_mentions(text: str, span: str, type_: str, prob: float = 0.99):
    from kg.ingest import document_from_text
    from kg.recognize import recognize
    from kg.segment import get_segmenter

    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    start = doc.norm.index(span)
    tagged = [(start, start + len(span), type_, prob)]
    return {
        (m.text, m.type)
        for m in recognize(doc, seg.tokens(doc.norm), known=seg.known, tagged=tagged, source="nn")
    }


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("这位主播带火了一众KOL的新品。", "一众KOL", None),
        ("展会吸引了众多星澜科技的客户。", "众多星澜科技", "星澜科技"),
        ("诸多锋泰电子的供应商已停工。", "诸多锋泰电子", "锋泰电子"),
        ("这款产品打动了一批青禾会员。", "一批青禾会员", "青禾会员"),
        ("大量澜海云盘的用户反映卡顿。", "大量澜海云盘", "澜海云盘"),
    ],
)
def test_a_tagged_span_opening_with_an_unnamed_many(text, span, kept):
    got = {name for name, _ in tagged_mentions(text, span, "Product")}
    assert span not in got and (kept is None or kept in got)


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("至收盘，锋泰生科报19.25元，跌幅9.18%。", "锋泰生科报", "锋泰生科"),
        ("截至午间，青禾药业报3.5港元，涨2%。", "青禾药业报", "青禾药业"),
        ("当日星澜智能报12.08元，较发行价上涨。", "星澜智能报", "星澜智能"),
        ("收盘时，澜海控股报8.2美元。", "澜海控股报", "澜海控股"),
        ("早盘锋泰新材报21元，随后回落。", "锋泰新材报", "锋泰新材"),
    ],
)
def test_a_price_quoted_after_a_short_name(text, span, name):
    got = tagged_mentions(text, span, "Product")
    assert (name, "Company") in got and not any(n == span for n, _ in got)


def test_a_newspaper_before_a_date_keeps_its_name():
    assert ("锋泰日报", "MediaOrganization") in tagged_mentions(
        "据锋泰日报10月1日报道，经济回暖。", "锋泰日报", "MediaOrganization"
    )


@pytest.mark.parametrize(
    ("text", "span"), [("头图丨 IC photo", "IC photo"), ("image 公司提醒投资者注意风险。", "image")]
)
def test_a_picture_left_in_the_text_is_no_product(text, span):
    assert not tagged_mentions(text, span, "Product")


def test_a_tagged_product_is_kept():
    assert ("澜星手表", "Product") in tagged_mentions("青禾发布了新款澜星手表。", "澜星手表", "Product")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("星澜在京东自营店上新两款澜星果汁汽水，有荔枝味和柚子味。", "澜星果汁汽水"),
        ("锋泰食品推出草莓、香橙两款锋泰汽水新品。", "锋泰汽水"),
        ("青禾乳业近日推出三款禾源酸奶，主打低糖。", "禾源酸奶"),
        ("星澜汽车发布了两款澜途SUV。", "澜途SUV"),
        ("锋泰电子上新了5款锋泰耳机，售价199元起。", "锋泰耳机"),
    ],
)
def test_a_line_of_goods_after_a_count_of_launched_models(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "青禾推出了两款智能手表。",
        "锋泰推出了两款新款手机，售价更低。",
        "2013年，星澜发布第一款澜星手机，售价799元。",
        "公司去年推出了5款新车。",
    ],
)
def test_a_count_of_goods_described_is_no_line(text):
    assert not {n for n in names(text) if n.endswith(("手表", "手机", "新车"))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("台铃“晴空”车型续航达到80公里。", "晴空"),
        ("绿源“飞燕”车型加入了自定义铃声。", "飞燕"),
        ("星澜“小白”机型卖得最好。", "小白"),
        ("爱玛“星辰”车型主打年轻女性。", "星辰"),
        ("雅迪“远山”车型的销量领先。", "远山"),
    ],
)
def test_a_quoted_model_after_its_maker_before_a_kind(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text", ["主打“平价”车型的品牌增长最快。", "这是一款“国民”车型。", "越来越多“小众”机型受到关注。"]
)
def test_a_quoted_word_before_a_kind_is_no_model(text):
    assert not names(text) & {"平价", "国民", "小众"}
