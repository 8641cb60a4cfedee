"""Resolution: aliases, legal-form suffixes, typos, sub-units, stable ids, cross-document merge."""

import pytest
from helpers import result_of, triples

import kg
from kg.resolve import merge_entities


def entities(text):
    return {e.id: e for e in result_of(text).entities}


def test_alias_of_the_lexicon_resolves_to_one_entity():
    ents = entities("京东集团宣布新战略。京东表示将继续投入。手机淘宝和淘宝都在增长。")
    assert "org/京东" in ents and "org/京东集团" not in ents
    assert "京东集团" in ents["org/京东"].aliases and len(ents["org/京东"].mentions) == 2
    assert "手机淘宝" in ents["org/淘宝"].aliases


def test_legal_suffix_merges_with_the_short_name_in_the_same_article():
    ents = entities("星澜科技有限公司发布新品。此外星澜公司高管表示满意，星澜科技有限公司将扩产。")
    orgs = [e for e in ents.values() if e.id.startswith("org/")]
    assert len(orgs) == 1 and orgs[0].label == "星澜科技有限公司" and "星澜公司" in orgs[0].aliases


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, ids, fact",
    [
        # a sub-unit stays distinct but is linked to its parent
        (
            "快手电商负责人表示，快手将加大投入。",
            {"org/快手电商", "org/快手"},
            ("org/快手电商", "parentOrganization", "org/快手"),
        ),
        # 抖音集团 is a company of its own in the lexicon: its legal-form ending does not fold it into the platform
        (
            "抖音集团CEO王明在内部信中表示，抖音用户数继续增长。",
            {"org/抖音集团", "org/抖音"},
            ("person/王明", "leads", "org/抖音集团"),
        ),
    ],
)
def test_a_unit_or_a_company_named_after_another_keeps_its_own_node(text, ids, fact):
    res = result_of(text)
    assert ids <= {e.id for e in res.entities}
    assert fact in {(r.subject, r.predicate, r.object) for r in res.relations}


def test_a_company_named_after_a_university_is_not_the_university():
    ents = entities("清华控股与青禾科技签署协议，清华大学的教授出席了仪式。")
    assert {"org/清华控股", "org/清华大学"} <= set(ents)
    assert ents["org/清华控股"].type == "Company" and ents["org/清华大学"].type == "Organization"


def test_same_name_and_type_give_the_same_id_in_every_run_and_document():
    a = kg.build_from_texts(["美团与京东合作。"]).entities()
    b = kg.build_from_texts(["据悉，京东发布财报。", "美团宣布扩张。"]).entities()
    assert {e.id for e in a} == {e.id for e in b} == {"org/美团", "org/京东"}


def test_cross_document_merge_keeps_evidence_from_every_article():
    graph = kg.build_from_texts(["运营负责人白晓峰表示满意。", "白晓峰此前在京东工作。运营负责人白晓峰说。"])
    person = graph.entity("person/白晓峰")
    assert len(person.documents) == 2 and len({m.document for m in person.mentions}) == 2


def test_re_adding_a_document_changes_nothing():
    graph = kg.build_from_texts(["京东宣布与快手合作。"])
    doc = graph.articles()[0]
    before = (len(graph.entities()), len(graph.facts()))
    assert graph.add(kg.extract(doc)) is False
    assert (len(graph.entities()), len(graph.facts())) == before


def test_merge_entities_unions_types_and_aliases():
    a = entities("京东集团宣布新战略。")["org/京东"]
    b = entities("京东商城上线新功能。")["org/京东"]
    merged = merge_entities(a, b)
    assert {"京东集团", "京东商城"} <= set(merged.aliases) and merged.label == "京东"


def test_bracketed_acronym_is_an_alias_of_the_name_before_it():
    ents = entities("世界卫生组织（WHO）发布报告。")
    org = next(e for e in ents.values() if e.id.startswith("org/"))
    assert "WHO" in org.aliases or org.label == "WHO"


def test_a_registered_names_short_form_later_in_the_article_is_the_same_company():
    """深圳市青禾芯材科技有限公司 … 青禾芯材: the place, the trade word and the legal form dropped, one node; a kind of
    company (一家冷链物流公司) and a beginning shared by a group's companies (中交) give no short forms."""
    res = result_of(
        "锋泰电气公告，旗下子公司深圳市青禾芯材科技有限公司拟购买远澜半导体材料有限公司全部股权。"
        "交易完成后，远澜半导体将成为青禾芯材全资子公司，青禾芯材本次新增注册资本5亿元。"
    )
    by_id = {e.id: e for e in res.entities}
    qinghe = by_id["org/深圳市青禾芯材科技有限公司"]
    assert "青禾芯材" in qinghe.aliases and len(qinghe.mentions) == 3
    assert "远澜半导体" in by_id["org/远澜半导体材料有限公司"].aliases
    assert not any(e.label in ("青禾芯材", "远澜半导体") for e in res.entities)
    kinds = result_of("李强说青禾鲜生其实是一家大型冷链物流公司，日均配送5万单冷链物流订单。")
    assert not any(m.source == "pattern:short_form" for e in kinds.entities for m in e.mentions)


def test_a_groups_name_is_not_renamed_after_a_listed_two_character_stem():
    """三联集团: the knowledge base lists a company whose short name is 三联 (a stem of many names); the group keeps
    its own name rather than becoming that company."""
    ents = entities("三联集团宣布与多家企业签署合作协议。")
    assert "org/三联集团" in ents and "org/三联" not in ents


def test_a_division_named_after_its_company_is_a_unit_of_it_with_its_own_name_as_alias():
    res = result_of("王明担任华为无线网络研究院院长。无线网络研究院去年扩编。")
    units = {e.label: e for e in res.entities if e.type == "BusinessUnit"}
    assert set(units) == {"华为无线网络研究院"}
    unit = units["华为无线网络研究院"]
    assert "无线网络研究院" in unit.aliases and len(unit.mentions) == 2
    rels = triples("王明担任华为无线网络研究院院长。")
    assert ("华为无线网络研究院", "parentOrganization", "华为") in rels
    assert ("王明", "leads", "华为无线网络研究院") in rels


def test_a_division_of_a_platform_belongs_to_the_platform():
    assert ("支付宝商家服务事业部", "parentOrganization", "支付宝") in triples(
        "王明出任支付宝商家服务事业部总经理。"
    )


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, unit",
    [
        ("腾讯宣布对互娱事业群、技术事业群进行整合。", "互娱事业群"),  # not 腾讯宣布对互娱事业群
        ("公司宣布成立海外事业群，由王明担任负责人。", "海外事业群"),
        ("华为常务董事、智能座舱BU总裁王明出席。", "智能座舱BU"),
    ],
)
def test_a_division_without_its_company_name_begins_after_the_last_word_of_the_clause(text, unit):
    labels = {e.label for e in result_of(text).entities if e.type == "BusinessUnit"}
    assert unit in labels and not any(label.endswith(unit) and label != unit for label in labels)


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text",
    [
        "华为数据中心位于贵州。",  # 中心 names a division only before a title
        "阿里巴巴成立新零售事业部。",  # a clause, not a name
        "OPPO研究院AI实验室发布新模型。",  # the division is OPPO研究院, not one name to the laboratory
        "字节跳动宣布实行业务线BU化。",  # a generic word before BU
        "锋泰成为集团旗下12个事业部之一。",  # a count of divisions
    ],
)
def test_no_division_from_a_clause_a_building_or_a_count(text):
    labels = {e.label for e in result_of(text).entities if e.type == "BusinessUnit"}
    assert not labels & {"华为数据中心", "阿里巴巴成立新零售事业部", "OPPO研究院AI实验室", "业务线BU"}
    assert not any("个" in label for label in labels)


def test_a_model_named_after_its_maker_has_its_own_name_as_alias_but_a_product_word_has_none():
    ents = {e.label: e for e in result_of("华为发布了华为Mate 80系列。腾讯会议上线新功能。").entities}
    assert "Mate 80系列" in ents["华为Mate 80系列"].aliases
    assert "会议" not in ents["腾讯会议"].aliases


def test_central_state_enterprises_are_known_by_their_short_names():
    ents = {e.label: e for e in result_of("通用技术集团与中国五矿集团签署战略合作协议。").entities}
    assert {"中国通用技术集团", "中国五矿"} <= set(ents)
    assert "中国五矿集团" in ents["中国五矿"].aliases


def test_a_short_name_the_article_defines_is_an_abbreviation_even_when_the_lexicon_knows_it():
    res = result_of("香港金融管理局（以下简称“金管局”）昨日公布数据，金管局表示将维持利率不变。")
    short = [m for e in res.entities for m in e.mentions if m.text == "金管局"]
    assert any(m.source == "pattern:abbreviation" for m in short)
    assert len({e.id for e in res.entities if "金管局" in {e.label, *e.aliases}}) == 1


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,short",
    [
        ("青禾集团，简称为禾运传媒，去年上市。", "禾运传媒"),
        ("青禾集团简称“禾运租车”，去年上市。", "禾运租车"),
    ],
)
def test_a_short_name_given_without_brackets_is_an_abbreviation(text, short):
    mentions = [m for e in result_of(text).entities for m in e.mentions if m.text == short]
    assert any(m.source == "pattern:abbreviation" for m in mentions)


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,full,short",
    [
        # the full name only the statistical recogniser finds, the short name in brackets after it
        ("北方能源互联网研究中心（NEIC）宣布成立。", "北方能源互联网研究中心", "NEIC"),
        ("湖州市第三中学，简称湖州三中，为一所高级中学。", "湖州市第三中学", "湖州三中"),
        ("青松数据科技集团（下称“青松数据”）今日宣布完成融资。", "青松数据科技集团", "青松数据"),
        # a quoted short name alone in brackets, as announcements define one
        ("双方与远山生物研究院(“远山研究院”)签署合作协议。", "远山生物研究院", "远山研究院"),
        # an acronym after the English name
        ("青禾材料研究院（Qinghe Materials Institute，简称QMI）今年成立。", "青禾材料研究院", "QMI"),
    ],
)
def test_a_short_name_defined_after_a_name_is_the_same_entity_whoever_found_the_name(text, full, short):
    owners = [e for e in result_of(text).entities if {full, short} & {e.label, *e.aliases}]
    assert len(owners) == 1 and {full, short} <= {owners[0].label, *owners[0].aliases}


def test_a_quoted_word_in_brackets_that_is_no_short_name_joins_nothing():
    res = result_of("青禾科技与锋泰集团（“公司”）签署协议。")
    assert not any(m.source == "pattern:abbreviation" for e in res.entities for m in e.mentions)


def test_what_follows_a_bare_jiancheng_that_is_no_name_is_no_abbreviation():
    res = result_of("蓝鲸资本投资了青禾科技，简称是为了方便。")
    assert not any(m.source == "pattern:abbreviation" for e in res.entities for m in e.mentions)


def test_a_short_name_the_article_gives_to_a_registered_name_the_kb_lacks_links_to_nothing():
    res = result_of("青禾市高新区投资运营有限公司（简称“高新投”）与锋泰集团签署协议。高新投将出资3000万元。")
    org = next(e for e in res.entities if "高新投" in (e.label, *e.aliases))
    assert org.ids == () and org.label != "深圳高新投"


def test_a_group_the_article_says_controls_the_company_of_its_name_is_its_parent_not_the_company():
    found = triples("青禾科技发布公告，其控股股东青禾科技集团拟增持公司股份。")
    assert ("青禾科技", "parentOrganization", "青禾科技集团") in found


def test_a_group_named_after_a_company_with_nothing_said_of_ownership_is_the_company():
    res = result_of("青禾科技集团今日宣布，青禾科技将加大研发投入。")
    assert len({e.id for e in res.entities if e.type == "Company"}) == 1


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "group", "company"),
    [
        ("吉利控股集团旗下的吉利汽车发布新车。", "吉利控股集团", "吉利汽车"),
        ("格力集团宣布增持。格力电器的股价上涨。", "格力集团", "格力电器"),
    ],
)
def test_a_group_and_its_company_named_in_one_article_are_two_entities(text, group, company):
    res = result_of(text)
    by_name = {n: e.id for e in res.entities for n in (e.label, *e.aliases)}
    assert by_name[group] != by_name[company]


def test_a_group_and_its_short_name_stay_one_entity():
    res = result_of("京东集团宣布，京东的营收增长。")
    assert len([e for e in res.entities if e.type == "Company"]) == 1


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text",
    ["青禾电子(开曼)有限公司是青禾电子的全资子公司。", "青禾电子旗下的青禾电子(开曼)有限公司负责海外业务。"],
)
def test_a_registered_name_whose_parent_is_its_short_name_is_another_company(text):
    """A subsidiary registered under its parent's name with a seat in brackets: where the article names the short
    name as its parent, they are two companies (and the subsidiary's fact is kept); elsewhere one (above)."""
    res = result_of(text)
    labels = {e.label for e in res.entities}
    assert {"青禾电子", "青禾电子(开曼)有限公司"} <= labels
    assert ("org/青禾电子(开曼)有限公司", "parentOrganization", "org/青禾电子") in {
        (r.subject, r.predicate, r.object) for r in res.relations
    }
