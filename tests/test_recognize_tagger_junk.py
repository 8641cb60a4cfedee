"""What a statistical tagger's span cannot be, whatever its confidence: the shapes of the wrong names a neural
tagger makes on articles it never saw (a generic collective, a count, a social handle, a gloss, a place in a
list of places), and the suffix it cut short."""

import pytest

from kg.ingest import document_from_text
from kg.recognize import recognize
from kg.segment import get_segmenter


def kept(text: str, span: str, type_: str, prob: float = 0.95) -> set[tuple[str, str]]:
    """The mentions kg keeps (of any source) where the tagger read ``span`` (its first occurrence) as ``type_``."""
    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    start = doc.norm.index(span)
    tagged = [(start, start + len(span), type_, prob)]
    found = recognize(
        doc, seg.tokens(doc.norm), known=seg.known, tagged=tagged, min_confidence=0.5, source="nn"
    )
    return {(m.text, m.type) for m in found}


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("锋泰集团宣布进军储能产业板块。", "储能产业板块", "Organization"),
        ("据悉，青禾科技商业化部门近期调整。", "青禾科技商业化部门", "Organization"),
        ("该交易尚需获得海外监管机构批准。", "海外监管机构", "GovernmentOrganization"),
        ("锋泰系的创业者越来越多。", "锋泰系", "Company"),
        ("青禾系出身的高管王明接任总裁。", "青禾系", "Company"),
    ],
)
def test_a_generic_collective_is_no_name(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("她后来考进一所名牌大学。", "一所名牌大学", "Organization"),
        ("这本书带火了一众网红。", "一众网红", "Product"),
        ("两家券商将联合承销此次发行。", "两家券商", "Company"),
        ("这家工厂已经停产半年。", "这家工厂", "Company"),
        ("首家外资控股券商正式开业。", "首家外资控股券商", "Company"),
    ],
)
def test_a_count_opens_no_name(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("他从一个小五金厂起步，做到了上市。", "小五金厂", "Company"),
        ("这是一个松散集团的权力交接。", "松散集团", "Company"),
        ("国内首家合资券商公司落地上海。", "合资券商公司", "Company"),
        ("青禾收购了两家地方水泥厂。", "地方水泥厂", "Company"),
        ("这家物流企业去年亏损。", "物流企业", "Organization"),
    ],
)
def test_a_counted_kind_of_company_is_no_name(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("锋泰医药宣布与德国制药巨头签署协议。", "德国制药", "Company"),
        ("美国SaaS行业今年裁员不少。", "美国SaaS", "Company"),
        ("日本半导体产业正在复苏。", "日本半导体", "Organization"),
        ("韩国汽车企业纷纷涨价。", "韩国汽车", "Company"),
        ("青禾科技成为中国芯片龙头之一。", "中国芯片", "Company"),
    ],
)
def test_a_place_and_a_trade_before_a_description_is_no_name(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_,name",
    [
        ("她去年考上青禾大学，读的是金融。", "考上青禾大学", "Organization", "青禾大学"),
        ("王明后来考入锋泰学院读研究生。", "考入锋泰学院", "Organization", "锋泰学院"),
        (
            "董事会决定委请远澜会计师事务所出具意见。",
            "委请远澜会计师事务所",
            "Organization",
            "远澜会计师事务所",
        ),
        ("董事会聘请青禾律师事务所担任顾问。", "聘请青禾律师事务所", "Organization", "青禾律师事务所"),
        ("他负责监督锋泰集团的日常运营。", "监督锋泰集团", "Company", "锋泰集团"),
    ],
)
def test_a_verb_before_a_name_is_no_part_of_it(text, span, type_, name):
    names = kept(text, span, type_)
    assert (name, type_) in names and (span, type_) not in names


def test_a_verb_before_a_bare_word_for_companies_leaves_no_name():
    assert not kept("董事会负责监督集团的运营。", "监督集团", "Company")


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("来源：青禾观察（ID：qinghe_gc）作者：王明", "qinghe_gc", "Person"),
        ("转自锋泰财经公号（ID：fengtaicj）。", "fengtaicj", "Company"),
        ("欢迎关注微信号：lanhai2020", "lanhai2020", "Organization"),
        ("来源 | 远澜研究(ID:yuanlan_research)", "yuanlan_research", "Person"),
        ("转载自公众号：xinghe_ai", "xinghe_ai", "Company"),
    ],
)
def test_a_social_handle_names_no_one(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("公司设立了ESG委员会。", "ESG", "Company"),
        ("有的FA已经把办公室搬到了园区旁边。", "FA", "Company"),
        ("他负责SEO工作三年。", "SEO", "GovernmentOrganization"),
        ("新基地将生产电芯及PACK产品。", "PACK", "Company"),
        ("image 锋泰集团在公告里请股东留意。", "image", "Company"),
    ],
)
def test_a_latin_common_noun_is_no_company(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span",
    [
        ("锋泰县的菠萝在直播间里卖空了。", "锋泰县"),
        ("青禾镇的葡萄远销海外。", "青禾镇"),
        ("王明说，澜海市的项目明年开工。", "澜海市"),
        ("据介绍，远澜乡今年种了三千亩茶。", "远澜乡"),
        ("星河省的企业代表出席了会议。", "星河省"),
    ],
)
def test_a_county_is_no_person(text, span):
    assert (span, "Person") not in kept(text, span, "Person")


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("参展商来自英国、瑞典、挪威等国。", "瑞典", "Company"),
        ("他做过河南、河北两省的经销商。", "河北", "Company"),
        ("总部位于苏州的青禾医疗完成融资。", "苏州", "Company"),
        ("这家工厂坐落于天津，占地百亩。", "天津", "Company"),
        ("参会企业来自广东、浙江和江苏。", "浙江", "Organization"),
        ("总部设在青禾新区的锋泰医疗完成融资。", "青禾新区", "Company"),
    ],
)
def test_a_place_in_a_list_of_places_or_where_something_is_is_no_body(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("公司任命王明为首席战略官（Chief Strategy Officer），即日生效。", "Strategy Officer", "Company"),
        ("青禾集团董事长王明（Ming Wang）表示，将继续投入。", "Ming Wang", "Company"),
        ("锋泰资本主席李强（Qiang Li）在会上发言。", "Qiang Li", "Product"),
        ("公司首席财务官（Chief Financial Officer）将于下月离任。", "Chief Financial Officer", "Company"),
        ("远澜科技总裁（President）张伟出席发布会。", "President", "Organization"),
    ],
)
def test_a_latin_gloss_of_a_title_or_a_person_is_no_name(text, span, type_):
    assert (span, type_) not in kept(text, span, type_)


@pytest.mark.parametrize(
    "text,span,type_,expected",
    [
        (
            "青禾路桥股份公司完成重组。",
            "青禾路桥股份公",
            "Company",
            "青禾路桥股份公司",
        ),
        ("他曾在青禾县政府工作多年。", "青禾县政", "GovernmentOrganization", "青禾县政府"),
        ("远澜光子有限公司昨天公布了年报。", "远澜光子有限", "Company", "远澜光子有限公司"),
    ],
)
def test_a_suffix_the_tagger_cut_is_made_whole(text, span, type_, expected):
    names = kept(text, span, type_)
    assert (expected, type_) in names and (span, type_) not in names


@pytest.mark.parametrize(
    "text,span,type_",
    [
        ("王明说，锋泰系统的订单增长很快。", "锋泰系统", "Company"),  # 系统, not 系
        ("王明说，一点资讯的用户增长很快。", "一点资讯", "Company"),  # 一点 is no count
        ("王明说，他创立了一家青禾数控有限公司。", "青禾数控有限公司", "Company"),  # a registered name
        ("王明说，上海汽车的销量回升。", "上海汽车", "Company"),  # a place and a trade, no description after
        ("王明说，数位发展部将提供补贴。", "数位发展部", "GovernmentOrganization"),  # 数位: digital
        ("她后来考入青禾大学中文系。", "青禾大学中文系", "Organization"),  # a faculty may be named
        (
            "锋泰集团（Fengtai Group）宣布完成新一轮融资。",
            "Fengtai Group",
            "Company",
        ),  # a company's own gloss
        ("利物浦在主场击败了对手。", "利物浦", "Organization"),  # a place naming a club, in no list
        ("买家ID：8812，投诉对象是锋泰电器。", "锋泰电器", "Company"),  # the handle is not before the name
    ],
)
def test_names_of_these_shapes_stay(text, span, type_):
    assert (span, type_) in kept(text, span, type_)
