"""Figures: value, unit, scale, measure, qualifiers; dates and names are not figures."""

import pytest
from helpers import figures_of, result_of


def one(text: str):
    figs = figures_of(text)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


@pytest.mark.parametrize(
    "text,value,unit,kind",
    [
        ("日活跃用户数将达到3亿。", "300000000", None, "quantity"),
        ("每周发布作品1.6万+。", "16000", None, "quantity"),
        ("52%的手机淘宝用户来自下沉市场。", "0.52", "percent", "percentage"),
        ("其中9成销售来自直播。", "0.9", "percent", "percentage"),
        ("决心用两个月的时间解决问题。", "2", "month", "duration"),
        ("订单金额超过1万元。", "10000", "CNY", "money"),
        ("公司获得2.5亿美元投资。", "250000000", "USD", "money"),
        ("平台商家数量突破三千五百万。", "35000000", None, "quantity"),
        ("全年营收1,175万元。", "11750000", "CNY", "money"),
        ("旗下已有27家工厂。", "27", "家", "quantity"),
        ("项目占地16万平米。", "160000", "平米", "quantity"),
        ("宁德时代规划产能20GWh。", "20", "GWh", "quantity"),
        ("对应12,345,678股A股。", "12345678", "股", "quantity"),
        ("去年营收为700亿韩元。", "70000000000", "KRW", "money"),
        ("交出了80亿年收入的成绩。", "8000000000", None, "quantity"),
        ("他创业3年收入翻番。", "3", "year", "duration"),
        ("全年交付 52,318 辆。", "52318", "辆", "quantity"),
        # a currency written before the amount: the yuan after it is that currency's
        ("公司完成新台币5亿元增资。", "500000000", "TWD", "money"),
        ("公司營收達新台幣120億元。", "12000000000", "TWD", "money"),
        ("公司获得港币3亿元投资。", "300000000", "HKD", "money"),
        ("公司获得人民币2亿投资。", "200000000", "CNY", "money"),
        # 兆 before a currency is Taiwan's trillion; 500兆瓦 stays megawatts
        ("前三季營收約新台幣1.6兆元。", "1600000000000", "TWD", "money"),
        ("公司市值一度突破20兆元。", "20000000000000", "CNY", "money"),
        ("电站装机规模500兆瓦。", "500", "兆瓦", "quantity"),
    ],
)
def test_value_and_unit(text, value, unit, kind):
    f = one(text)
    assert (f.value, f.unit, f.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    "text,measure",
    [
        ("日活跃用户数将达到3亿。", "日活跃用户数"),
        ("在平台上有1175万粉丝。", "粉丝"),
        ("52%的手机淘宝用户来自下沉市场。", "手机淘宝用户"),
        ("年营业额达3亿左右。", "年营业额"),
        ("周播放量12亿+。", "周播放量"),
    ],
)
def test_measure(text, measure):
    assert one(text).measure == measure


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("每周发布作品1.6万+。", ("bound", "at_least")),
        ("评论超过190万条。", ("bound", "more_than")),
        ("年营业额达3亿左右。", ("approximate", "true")),
        ("营收同比增长45%。", ("comparison", "year_on_year")),
        ("公司目标是日活达到3亿。", ("modality", "target")),
        ("亏损不足1亿元。", ("bound", "less_than")),
    ],
)
def test_qualifiers(text, qualifier):
    assert qualifier in one(text).qualifiers


@pytest.mark.parametrize(
    "text",
    [
        "公司推出两款新品。",
        "三场比赛均是强队。",
        "共有7个号码被停用。",  # small counts: wording, or counting nothing named
        "占比千万亿分之一。",
        "约三分之一的用户来自海外。",  # fractions
        "两家公司合作了六七十年。",
        "双方合作了2303030年。",
        "他08年加入公司。",  # a rough range, glued digits, a 2-digit year
        "那台旧电脑只有32兆内存。",  # 兆 of megabytes, no trillion
    ],
)
def test_wording_that_is_not_a_figure(text):
    assert not figures_of(text), [f.text for f in figures_of(text)]


@pytest.mark.parametrize(
    "text,measure",
    [
        (
            "安邦保险以近20亿美元收购美国曼哈顿的华尔道夫酒店。",
            None,
        ),  # a verb phrase after money is not its measure
        (
            "旗下共有3000辆新能源车。",
            "新能源车",
        ),  # after a counting word a noun phrase no measure word ends still counts
        ("公司已有120名算法工程师，", "算法工程师"),
        ("开放平台已有超过30万家企业和开发者用户。", "企业和开发者用户"),
        ("共有17个号码都被停用。", None),  # 号码都: an adverb ends it, so it is no noun phrase
    ],
)
def test_measure_after_the_number(text, measure):
    assert one(text).measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "2020年6月28日发布。",
        "618期间销量大增。",
        "三线及以下城市增长快。",
        "一周前宣布消息。",
        "QQ2023版本上线。",
        "第一个吃螃蟹的人。",
        "今年前两个月表现平稳。",
    ],
)
def test_not_figures(text):
    assert figures_of(text) == []


def test_figure_is_about_the_entity_in_its_clause():
    res = result_of("京东宣布，平台日活跃用户数达到1亿。拼多多则表示用户增长放缓。")
    about = {f.text: f.about for f in res.figures}
    assert about == {"1亿": "org/京东"}


def test_funding_received_from_an_investor_is_the_receivers():
    """获得腾讯的5亿美元战略投资: the amount is the funded company's, not the investor's that pays it, also where
    the clause leaves its subject to an earlier one."""
    res = result_of("2019年以来，青禾科技营收不断增长，之后又于2022年3月获得腾讯的5亿美元战略投资。")
    labels = {e.id: e.label for e in res.entities}
    assert [labels.get(f.about) for f in res.figures if f.text == "5亿美元"] == ["青禾科技"]


def test_figure_about_the_entity_named_inside_its_measure():
    res = result_of("数据显示，48%的京东用户来自三线城市。")
    assert [f.about for f in res.figures] == ["org/京东"]


def test_who_publishes_the_data_is_not_what_a_figure_is_about():
    res = result_of("艾媒咨询数据显示，2020年中国在线音乐市场规模达到1480.4亿元。")
    assert [f.about for f in res.figures if f.text == "1480.4亿元"] != ["org/艾媒咨询"]


def test_figures_of_cited_data_are_not_the_articles_companys():
    """A survey's shares in a story about a company are about what the survey studied, which no name gives."""
    res = result_of("青禾集团发布了年报。青禾行业研究会的一份调研报告指出，40%的受访企业计划扩大招聘。")
    assert {f.text: f.about for f in res.figures}.get("40%") is None


def test_a_news_outlet_or_an_exchange_is_not_what_a_figure_is_about():
    """格隆汇10月17日… / 在上交所…: the outlet reports, the exchange is where; the figures are the company's."""
    res = result_of("格隆汇3月8日，青禾科技股价报8.21元，成交2.3亿元。锋泰电气在上交所的市值为37.6亿元。")
    about = {f.text: f.about for f in res.figures}
    assert about["8.21元"] == about["2.3亿元"] == "org/青禾科技"
    assert about["37.6亿元"] == "org/锋泰电气"
    # (an exchange's short name in traditional script: 紐約證交所, 台灣證交所)
    res = result_of("星瀾電子在台灣證交所的總市值達52億元。青禾科技在紐約證交所的市值為37.6億美元。")
    about = {f.text: f.about for f in res.figures}
    assert about["52億元"] == "org/星澜电子"
    assert about["37.6億美元"] == "org/青禾科技"


def test_a_bare_results_line_is_about_the_articles_company():
    res = result_of(
        "新浪公布了第三季度财报。\n\n业绩焦点\n\n第三季度\n\n净营收较上年同期增长1%，至5.614亿美元。"
    )
    assert {f.text: f.about for f in res.figures}.get("5.614亿美元") == "org/新浪"


def test_a_results_paragraph_of_another_company_in_a_roundup_is_that_companys():
    text = (
        "锋泰科技、青禾集团和星澜控股三家公司日前都发布了财报，锋泰科技的利润最高，锋泰科技领跑。\n"
        "第三季度，青禾集团营收达299亿元，同比增长14.9%。青禾零售作为核心业务，收入250亿元。"
        "物流业务收入55亿元，同比增长24.1%。\n"
        "锋泰科技本季度收入190亿元。"
    )
    about = {f.text: f.about for f in result_of(text).figures}
    assert about.get("55亿元") == "org/青禾集团"
    assert about.get("190亿元") == "org/锋泰科技"


def test_a_persons_shares_are_the_articles_companys():
    """A number of shares or a stake right after a person who holds or trades them is about the company whose
    shares they are (the article's), never about the person; a company holder keeps its stake."""
    res = result_of("青禾科技发布公告。截至9月22日，林舟累计卖出42.6万股。大股东王芳持股由68%摊薄至59.4%。")
    about = {f.text: f.about for f in res.figures}
    assert about["42.6万股"] == about["68%"] == about["59.4%"] == "org/青禾科技"
    res = result_of("青禾科技发布公告。截至9月22日，林舟在发布会上介绍了81.35万名用户的情况。")
    assert {f.text: f.about for f in res.figures}["81.35万名"] != "org/青禾科技"  # not a number of shares


def test_a_word_the_document_defines_as_a_partys_short_name_stands_for_that_party():
    res = result_of(
        "青禾科技拟与锋泰集团共同设立星澜动力科技有限公司(以下简称“合资公司”)。"
        "合资公司落户西安市；注册资本为6200万元。青禾科技今年营收为8亿元。"
    )
    about = {f.text: f.about for f in res.figures}
    assert about["6200万元"] == "org/星澜动力科技有限公司"
    assert about["8亿元"] == "org/青禾科技"  # a sentence that does not open with the word keeps its subject


def test_a_survey_share_and_a_regions_total_are_about_no_company():
    res = result_of(
        "青禾咨询发布调查。调查发现，64%受访企业家表示将扩大招聘。去年，全区线上销售额为31.5亿元。"
    )
    about = {f.text: f.about for f in res.figures}
    assert about["64%"] is None and about["31.5亿元"] is None
    res = result_of("青禾咨询发布调查。调查发现，青禾科技的64%员工表示将留任。")
    assert {f.text: f.about for f in res.figures}["64%"] == "org/青禾科技"  # no survey of respondents


def test_a_platform_opening_the_sentence_is_what_its_later_clauses_measure():
    res = result_of(
        "阿里巴巴发布财报。上个季度，微博的收入为7300万美元，其中广告收入5200万美元，同比增长150%。"
    )
    about = {f.text: f.about for f in res.figures}
    assert about["5200万美元"] == about["150%"] == about["7300万美元"]
    assert about["7300万美元"] != "org/阿里巴巴"
    # a company named before the figure in the sentence keeps it
    res = result_of("阿里巴巴发布财报。上个季度，微博从阿里巴巴获得的广告收入为7300万美元。")
    assert {f.text: f.about for f in res.figures}["7300万美元"] != _platform_of(res, "微博")


def _platform_of(res, label: str) -> str | None:
    return next((e.id for e in res.entities if e.label == label), None)


def test_figure_time_is_the_date_in_its_sentence():
    res = result_of("2023年，美团营收达到2767亿元。")
    assert [(f.time, f.about) for f in res.figures] == [("2023年", "org/美团")]


@pytest.mark.parametrize(
    "text,value,value_max,unit,kind",
    [
        # blanks between digits and units, as several major outlets write
        ("第三季度净营收 5.614 亿美元。", "561400000", None, "USD", "money"),
        ("营收 8 亿元。", "800000000", None, "CNY", "money"),
        # 'several' times a scale is a range, not its scale
        ("完成数千万美元A轮融资。", "20000000", "90000000", "USD", "money"),
        ("获得几十亿元投资。", "2000000000", "9000000000", "CNY", "money"),
        # ranges keep both ends
        ("预计营收3-5亿元。", "300000000", "500000000", "CNY", "money"),
        ("预计营收3亿至5亿元。", "300000000", "500000000", "CNY", "money"),
        # colloquial currencies and units
        ("融资3000万美金。", "30000000", None, "USD", "money"),
        ("毛利率提升了9个点。", "0.09", None, "percentage_point", "percentage"),
        ("毛利率下降2个百分点。", "0.02", None, "percentage_point", "percentage"),
        # one number written with several scales
        ("注册资本三亿五千万元。", "350000000", None, "CNY", "money"),
        ("估值1亿5000万元。", "150000000", None, "CNY", "money"),
        ("斥资两亿八收购。", "280000000", None, None, "quantity"),
    ],
)
def test_numbers_as_real_pages_write_them(text, value, value_max, unit, kind):
    f = one(text)
    assert (f.value, f.value_max, f.unit, f.kind) == (value, value_max, unit, kind)


@pytest.mark.parametrize(
    "text", ["这位90年女创始人很年轻。", "85年出生的他创办了公司。", "截至 2019 年 9 月 30 日的季度。"]
)
def test_birth_years_and_spaced_dates_are_no_figures(text):
    assert figures_of(text) == []


def test_a_spaced_date_is_one_date():
    res = result_of("截至 2019 年 9 月 30 日，公司营收增长。")
    assert [e.value for e in res.entities if e.type == "Date"] == ["2019-09-30"]


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("营业额升四成二。", "0.42", None),
        ("网络广告业务收入升三成半。", "0.35", None),
        ("营业额增至三百四十几亿元。", "34000000000", ("bound", "at_least")),
    ],
)
def test_hong_kong_wordings_of_shares_and_amounts(text, value, qualifier):
    f = one(text)
    assert f.value == value and (qualifier is None or qualifier in f.qualifiers)


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,figure,about",
    [
        # results are the company's even where its platform is named more often
        (
            "腾讯公布第二季度业绩。\n微信的月活跃账户数达到13亿，微信支付交易额增长，微信小程序数量翻倍。\n"
            "业绩好过市场预期。\n不派中期息。\n营业额升四成二，增至三百四十几亿元。",
            "三百四十几亿元",
            "腾讯",
        ),
        # shares of 公司 in a company's announcement are that company's, not the holder's
        (
            "华谊兄弟(300027)公告称，公司控股股东星河集团将所持有1.2亿股公司股份"
            "(占公司总股本的8%)转让予中移投资。",
            "8%",
            "华谊兄弟",
        ),
        # a stake bought from a company's holders is in that company
        (
            "星海机器人与锋泰电气的卖方订立股份转让协议，以每股12.5元的价格收购目标公司25.5%的股权。",
            "25.5%",
            "锋泰电气",
        ),
        # the holder of a stake is not the company whose shares it holds
        (
            "截至6月底，腾讯共持有虎牙42.5%的股权，京东作为第二大股东拥有20.5%的股权。",
            "20.5%",
            "虎牙",
        ),
        # the figures of one list are about one thing
        (
            "腾讯承诺，京东2022-2024年的税后净利润分别不低于3,100万元、4,200万元、5,600万元。",
            "5,600万元",
            "京东",
        ),
        # 分别: the n-th figure of the list is the n-th name's
        (
            "锋泰汽车上月交付新车4210辆，青禾汽车、远澜汽车位列其后，分别为2870辆和1930辆。",
            "1930辆",
            "远澜汽车",
        ),
        (
            "锋泰汽车上月交付新车4210辆，青禾汽车、远澜汽车位列其后，分别为2870辆和1930辆。",
            "2870辆",
            "青禾汽车",
        ),
        # a stake written right after a company's name is that company's, whatever the deal's target
        ("交易完成后，青禾资本将持有锋泰科技30%股权和远澜电子75%股权。", "75%", "远澜电子"),
        # … and so is a stake after its shares (全部股权42%), or one of a list of stakes (的12%及27%股权)
        ("青禾控股拟转让所持星澜集团全部股权42%，买方以现金支付。", "42%", "星澜集团"),
        ("星澜集团拟出售锋泰港口集团全数80%股权，预计套现逾19亿美元。", "80%", "锋泰港口集团"),
        ("交易后青禾控股和锋泰投资将各持有星澜集团的12%及27%股权。", "12%", "星澜集团"),
        # a holder's stake with no company named for it is of the company the latest deal was about
        (
            "锋泰集团完成对青禾科技的收购。交易完成后，锋泰集团持股比例升至51%，星澜资本持股20%。",
            "51%",
            "青禾科技",
        ),
        (
            "锋泰集团完成对青禾科技的收购。交易完成后，锋泰集团持股比例升至51%，星澜资本持股20%。",
            "20%",
            "青禾科技",
        ),
        # a holder's share named earlier in the clause makes both figures stakes in what it bought
        (
            "星澜资本通过交易系统增持锋泰科技A股股份6000万股，因此，星澜资本持股比例由去年4月的3.25%变更为4.1%。",
            "3.25%",
            "锋泰科技",
        ),
        # a count right before a product counts that product, not the one before it
        ("星澜汽车本月交付的车型中有2104辆星澜P7、936辆星澜P5。", "2104辆", "星澜P7"),
        # votes in a company, as its shares, are the company's
        (
            "交易完成后，青禾集团持有锋泰科技的股权将增至31.5%，投票权将由14.5%增加至15.2%。",
            "14.5%",
            "锋泰科技",
        ),
        # a product that opens the figure's clause is what its figure measures
        ("小米发布了新品。到今年2月底，小米Pad 9系列卖出了80万台。", "80万台", "小米Pad 9系列"),
        ("青禾科技发布了新品。青禾Pad 3发布后，青禾科技营收增长18%。", "18%", "青禾科技"),
        # a company that opens the sentence is the company of 公司股份 after it
        ("锋泰集团(0088)主席王明于5月30日增持公司股份120.5万股，涉资约1.4亿元。", "120.5万股", "锋泰集团"),
        # a stake as a share of the capital of "the bank" / "the company" is the traded company's
        ("增持前，星澜保险持有锋泰银行H股3.1亿股，占该行总股本的5.1%。", "5.1%", "锋泰银行"),
        # a streamer named right before the platform is what the followers measure
        ("截至发稿，主播林舟快手粉丝量达980.5万。", "980.5万", "林舟"),
        # a figure in a later clause of a sentence that opens with a company is that company's, not the article's
        (
            "锋泰科技发布了季度财报。星澜集团作为主力业务，当季收入250亿元，同比增长9%。",
            "250亿元",
            "星澜集团",
        ),
        # the price or the size of a deal is the bought company's, also where the deal was in an earlier sentence
        (
            "星澜科技公告称，完成对锋泰光电21.5%股权的收购。交易总价约9.6亿元，以现金支付。",
            "约9.6亿元",
            "锋泰光电",
        ),
        ("青禾集团拟公开收购锋泰电子30%股份，预计收购数量不超过2.4亿股。", "不超过2.4亿股", "锋泰电子"),
        # shares traded, their price and the stake after the trade are the traded company's, not the seller's
        (
            "星澜集团本周分两次减持384万股锋泰科技，平均作价每股21.6元，持股量由7.2%降至4.9%。",
            "21.6元",
            "锋泰科技",
        ),
        ("星澜集团本周分两次减持384万股锋泰科技，持股量由7.2%降至4.9%。", "4.9%", "锋泰科技"),
        # a figure that compares the one before it measures the same thing
        (
            "截至6月30日，锋泰科技“星享会员”数量已达1300万，同比增长31%。",
            "31%",
            "星享会员",
        ),
        # a market's size from a cited report is about no one
        (
            "哔哩哔哩发布了第三季度财报。\n根据易观最新发布的《2023年中国短视频行业研究报告》，"
            "2022年中国短视频行业市场规模为1800亿元，同比增长15.6%。",
            "1800亿元",
            None,
        ),
        # a country's or a sector's total (渗透率 / 全国 / 融资总额) in a company's story is about no one
        ("锋泰汽车发布新车。目前国内电动车的渗透率已突破45%。", "突破45%", None),
        ("青禾医疗获得融资。当月医疗领域融资总额约90亿元。", "约90亿元", None),
        # 其他 is no personal pronoun: the revenue from other businesses is the company's
        (
            "锋泰科技公布了季度业绩。本季度锋泰科技来自在线营销及其他业务的收入为211.5亿元。",
            "211.5亿元",
            "锋泰科技",
        ),
        # a market's total (市场整体出货量), and the growth that compares it, are about no one
        ("青禾科技发布新品。2024年，国内平板市场整体出货量为2.9亿台，同比下降4%。", "2.9亿台", None),
        ("青禾科技发布新品。2024年，国内平板市场整体出货量为2.9亿台，同比下降4%。", "4%", None),
        ("远澜汽车发布新车。去年上半年该市场规模已达2360亿元，较2023年底增长21%。", "21%", None),
        # a comparison with the year before in Taiwan and Hong Kong wording measures the same thing
        ("星澜电子公布营收。上季合併營收約新台幣31.6億元，年增9.5%。", "9.5%", "星澜电子"),
        # a stock index's moves and the market's turnover are about no company
        ("锋泰集团公布业绩。恒指收报18320点，升1.3%，大市成交额为1020亿港元。", "1.3%", None),
        ("锋泰集团公布业绩。恒指收报18320点，升1.3%，大市成交额为1020亿港元。", "1020亿港元", None),
        ("锋泰集团公布业绩。港股收盘，恒生指数报18320点，升1.3%；恒生科技指数跌0.6%。", "0.6%", None),
        # … but a company's own move stays the company's, whatever index it is compared with
        ("锋泰集团今日股价跑输大盘，跌4.2%。", "4.2%", "锋泰集团"),
        # a difference from a company compared with (较Y高出 / 比Y多卖了) is the subject's; Y's own figure is Y's
        ("理想汽车的毛利率为22%，较蔚来高约12个百分点。", "约12个百分点", "理想汽车"),
        ("理想汽车上月交付5万辆，比蔚来多卖了2万辆。", "2万辆", "理想汽车"),
        ("小米的营收比华为的营收少300亿元。", "300亿元", "小米"),
        ("比亚迪上月销量达30.1万辆，超过特斯拉的17.2万辆。", "17.2万辆", "特斯拉"),
        # the money and valuation of a round in a later clause are the company's whose round the sentence reports,
        # not the parent's that opens the sentence
        ("锋泰集团旗下的青禾物流完成新一轮融资，融资金额为12亿元。", "12亿元", "青禾物流"),
        ("锋泰集团旗下的青禾物流完成新一轮融资，投后估值约为60亿元。", "60亿元", "青禾物流"),
        ("锋泰集团旗下的青禾物流完成新一轮融资，锋泰集团去年营收为300亿元。", "300亿元", "锋泰集团"),
        # a sentence that opens with a group and its part (旗下的 / 全资子公司 / 设立子公司) reports the part's figures in
        # its later clauses; a partner named after 与 is no part
        ("锋泰集团旗下的青禾科技成立于2015年，注册资本2亿元。", "2亿元", "青禾科技"),
        ("星澜控股全资子公司星澜物流，一季度营收为12.7亿元。", "12.7亿元", "星澜物流"),
        ("锋泰集团拟在成都设立全资子公司锋泰智能，注册资本5000万元。", "5000万元", "锋泰智能"),
        ("锋泰集团与青禾科技达成合作，去年营收200亿元。", "200亿元", "锋泰集团"),
        ("锋泰集团旗下拥有青禾科技、星澜电子等品牌，去年营收300亿元。", "300亿元", "锋泰集团"),
        # the parties' money and stakes in a venture set up just before are the venture's, not the parties'
        (
            "青禾物流与锋泰资本合资成立青禾冷链有限公司。其后青禾物流出资8000万元，占注册资本的80%。",
            "8000万元",
            "青禾冷链有限公司",
        ),
        (
            "青禾物流与锋泰资本合资成立青禾冷链有限公司。其后青禾物流出资8000万元，占注册资本的80%。",
            "80%",
            "青禾冷链有限公司",
        ),
        (
            "锋泰集团拟与青禾科技设立锋泰新能源有限公司，锋泰集团出资6亿元，持股60%；青禾科技出资4亿元，持股40%。",
            "4亿元",
            "锋泰新能源有限公司",
        ),
        # a sentence that opens (after dates) with a place states the place's statistics, not the article company's
        ("青禾科技发布新品。欧洲去年电动自行车销量达到470万辆，同比增长38%。", "470万辆", None),
        ("锋泰集团公布业绩。2023年，日本咖啡消费量约为45万吨。", "45万吨", None),
        ("锋泰集团公布业绩。美国去年电商交易额达1.1万亿美元。", "1.1万亿美元", None),
        # … but a company's region (上海门店) is the company's
        ("锋泰汽车公布业绩。上海门店去年营收3亿元。", "3亿元", "锋泰汽车"),
        # stakes listed after 分别 for holders named after 其中 are in the company the sentence opens with
        ("青禾科技注册资本5亿元，其中锋泰资本与星澜投资分别持有40%和60%的股权。", "60%", "青禾科技"),
        ("锋泰资本与星澜投资分别持有青禾科技20%和30%的股份。", "30%", "青禾科技"),
        # … but not money the party then spends on another company
        (
            "青禾物流与锋泰资本合资成立青禾冷链有限公司。锋泰资本还出资2亿元收购了星澜物流。",
            "2亿元",
            "星澜物流",
        ),
        # the one company that opens an earlier clause of the sentence is the subject of its later clauses' results,
        # not the article's company
        (
            "锋泰汽车公布业绩。从几家的财报来看，各家车企正在分化，青禾汽车上季的营收再创新高，总收入188.6亿元。",
            "188.6亿元",
            "青禾汽车",
        ),
        ("锋泰汽车公布业绩。截至周五收盘，星澜电子跌3.1%，报22.6元，总市值86亿元。", "86亿元", "星澜电子"),
        # a stake as a share of "the listed company"'s capital is the traded company's, also in spaced wording
        (
            "锋泰人寿本周在二级市场买入星澜银行 H 股 2400 万股，占该上市公司现有股本约 6.3%。",
            "6.3%",
            "星澜银行",
        ),
        # a price in a clause with no organisation is the product's named before it, not the maker's
        ("锋泰科技上周发布了新款手表青禾手表，售价399元。", "399元", "青禾手表"),
        ("锋泰科技昨日发布新机，起售价为5299元。", "5299元", "锋泰科技"),  # (no product named: the maker's)
        # names listed in brackets as examples of a segment (新业务（包括X、Y等）收入) are not what its figures are about
        (
            "锋泰集团公布业绩。新业务（包括美团优选、快驴等）收入为185亿元，同比增长21%。",
            "185亿元",
            "锋泰集团",
        ),
        # whoever estimates or analyses the data (据X估计 / X分析指出) is not what the figures are about
        ("锋泰集团公布业绩。据青禾咨询估计，今年国内平板出货量为3100万台。", "3100万台", None),
        ("锋泰集团公布业绩。青禾咨询分析指出，今年国内平板出货量为3100万台。", "3100万台", None),
        # a company that opens a later clause (after 而 / 反观 and a rank) is the subject of the subjectless clauses
        # after it, not the company the sentence opens with
        ("青禾科技营收下滑，而星澜科技表现亮眼，营收增长35%。", "35%", "星澜科技"),
        (
            "去年排名第一的青禾汽车跌至第三，而位列第四的星澜汽车与前三名差距较大，仅有10.6%的市场份额。",
            "10.6%",
            "星澜汽车",
        ),
        ("青禾电子净利润下降12%，星澜电子则表现稳健，实现营收80亿元。", "80亿元", "星澜电子"),
        ("青禾电子净利润下降12%，星澜电子则表现稳健，实现营收80亿元。", "12%", "青禾电子"),
        ("青禾電子淨利潤下降12%，而星瀾電子表現穩健，實現營收80億元。", "80億元", "星瀾電子"),
        # (two companies in one clause: the subject's; a company after a speech verb's clause is no subject of it)
        ("青禾科技与星澜科技达成合作，目标是三年内销售额达到50亿元。", "50亿元", "青禾科技"),
        # 公司's shares after a company that itself holds or trades them are the article's company's, not the trader's
        (
            "星澜电子发布公告。青禾集团计划减持公司股份不超过1200万股，相当于公司现有股本的2%。",
            "2%",
            "星澜电子",
        ),
        (
            "星澜电子发布公告。青禾集团计划减持公司股份不超过1200万股，相当于公司现有股本的2%。",
            "不超过1200万股",
            "星澜电子",
        ),
        (
            "星澜电子发布公告。股份转让完成后，青禾集团持有公司股份8000万股，占公司已发行股本的9%。",
            "8000万股",
            "星澜电子",
        ),
        ("星澜电子发布公告。青禾集团于近日增持公司股份200万股。", "200万股", "星澜电子"),
        ("星澜電子發佈公告。青禾集團計劃減持公司股份不超過300萬股。", "不超過300萬股", "星澜電子"),
        # (its own directors or shareholders trading: 公司 is the company named before them)
        ("锋泰集团发布公告。星澜电子部分董事计划减持公司股份不超过80万股。", "不超过80万股", "星澜电子"),
        ("锋泰集团发布公告。星澜电子控股股东青禾集团拟增持公司股份500万股。", "500万股", "星澜电子"),
        # what a sale brings in or its price is the company sold, not the seller's (not the buyer after 出售给)
        ("青禾集团拟出售星澜科技全部股权，预计套现20亿元。", "20亿元", "星澜科技"),
        ("青禾集团以15亿元出售星澜科技60%股权。", "15亿元", "星澜科技"),
        ("青禾集团拟转让星澜科技51%股权，转让价款为6.5亿元。", "6.5亿元", "星澜科技"),
        ("青禾集团减持星澜银行股份，套现约5亿港元。", "约5亿港元", "星澜银行"),
        ("青禾集团拟以8亿元的价格转让其持有的星澜科技全部股权。", "8亿元", "星澜科技"),
        ("青禾集团出售星澜科技股份，获得约3亿元收益。", "约3亿元", "青禾集团"),
        ("青禾集团近日减持星澜电子(1234)及远澜科技(5678)，合共套现约9亿元。", "约9亿元", "青禾集团"),
        # a valuation at which a buyer or an investor pays is the company valued, not the payer's (about no one
        # where no deal names it)
        (
            "听说远澜资本打算以 6500 万美元估值入股星澜科技，青禾资本随即加价。",
            "6500 万美元",
            "星澜科技",
        ),
        ("星澜游戏是一家手游开发商。青禾集团于2021年以25亿美元估值将其买下了。", "25亿美元", None),
        ("青禾资本以5亿美元的估值领投。", "5亿美元", None),
        # a premium or a discount of a deal's price is the bought company's
        ("青禾集团以每股9元收购星澜电子。这一价格较其停牌前市价溢价超过40%。", "超过40%", "星澜电子"),
        # a person's wealth is the person's, else no one's, never the company's
        ("星澜集团上市后，创始人兄弟二人身家超过300亿元。", "超过300亿元", None),
        ("星澜集团创始人王明以120亿元的身家位列榜单第35位。", "120亿元", "王明"),
        ("星澜银行财富管理规模达到500亿元。", "500亿元", "星澜银行"),
        # followers, likes and views given to a platform are the account's on it: the person in the sentence
        ("王芳入驻小红书仅一个月，粉丝数已突破100万。", "突破100万", "王芳"),
        ("坐拥500万粉丝的抖音主播王芳近日宣布退网。", "500万", "王芳"),
        ("主播王芳日前用自己的抖音号发出一段预告短片，这段短片收获12万个赞。", "12万个", "王芳"),
        ("王芳今年在抖音的带货总额超过10亿元。", "超过10亿元", "王芳"),
        ("坐擁500萬粉絲的抖音主播王芳近日宣佈退網。", "500萬", "王芳"),
        # (a platform's own users stay the platform's)
        ("抖音日活跃用户超过7亿，快手的日活跃用户为4亿。", "4亿", "快手"),
        ("星澜美妆入驻抖音后，单场直播带货超过两万瓶，星澜美妆负责人王明告诉记者。", "超过两万", "星澜美妆"),
        # the number of shares a stake comes to is the stake's company's, not the buyer's
        (
            "星澜电子晚间公告，青禾集团拟发出要约，收购公司15%股份(合计8,800,000股)。",
            "8,800,000股",
            "星澜电子",
        ),
        (
            "锋泰动力拟以每股12.3元收购目标公司星澜电气18.6%的股权，对应5,100,000股A股。",
            "5,100,000股",
            "星澜电气",
        ),
        ("青禾投资拟受让锋泰生物5%股份，即1200万股。", "1200万股", "锋泰生物"),
        # a figure after a list closed by 等 and a count of its kind is the group's, none of its members'
        ("首批名单显示青禾科技、星澜能源、锋泰电池等12家公司携40个项目入选。", "40个", None),
        ("本届车展上，锋泰汽车、青禾汽车等20多家车企带来了100余款新车。", "100余款", None),
        # (not where the clause's subject stands before the list, nor in a later clause)
        ("星澜资本投资了青禾科技、锋泰电池等30家公司共50亿元。", "50亿元", "星澜资本"),
        ("星澜资本已投资青禾科技、锋泰电池等30家公司，投资总额超过50亿元。", "超过50亿元", "星澜资本"),
        # a party's contribution or stake listed after 其中 that follows a company's capital is that company's
        (
            "星澜新材料注册资本为2亿元，其中青禾投资以货币出资1.2亿元，占注册资本的60%。",
            "1.2亿元",
            "星澜新材料",
        ),
        (
            "青禾光电有限公司的二期资本金为50亿元，其中锋泰集团出资20亿元，出资后持股比例40%。",
            "20亿元",
            "青禾光电有限公司",
        ),
        # (not a part of a company's revenue after 其中, nor another company's figure in a later clause)
        ("锋泰集团营收120亿元，其中海外业务收入40亿元。", "40亿元", "锋泰集团"),
        ("青禾光电注册资本共5亿元，其中星澜资本出资3亿元，锋泰科技营收增长20%。", "20%", "锋泰科技"),
        # an upfront or a milestone payment the payer makes, naming no payee, is the article's company's (the
        # licensor's), and so are the deal's total and the next payment of the list after it
        (
            "青禾生物发布公告。星澜制药方面将支付3亿美元首付款，交易总价值可达50亿美元。",
            "3亿美元",
            "青禾生物",
        ),
        (
            "青禾生物发布公告。星澜制药方面将支付3亿美元首付款，交易总价值可达50亿美元。",
            "50亿美元",
            "青禾生物",
        ),
        ("青禾生物公告称，星澜制药需支付1.5亿元首付款、最高6亿元里程碑付款。", "6亿元", "青禾生物"),
        # (not where the article's company pays, nor the payer's own figure in a later clause)
        ("青禾生物发布公告称，公司将支付2亿元首付款引进一款新药。", "2亿元", "青禾生物"),
        ("青禾生物公告称，星澜制药需支付1.5亿元首付款，星澜制药去年营收80亿元。", "80亿元", "星澜制药"),
        # a stake in a venture the text names with a venture word only is about no one named
        ("锋泰汽车与星澜汽车将组建合资公司，锋泰汽车将持有合资公司51%的股份。", "51%", None),
        ("二者合计出资8.5亿元，占合营公司股权约45%。", "约45%", None),
        # one figure after 分别 for a list of names is each one's alike, not the last one's alone
        ("青禾锂业、星澜矿业、锋泰资源拟以现金分别出资2亿元。", "2亿元", None),
        ("青禾科技和星澜电子分别获得5000万元和3000万元政府补贴。", "3000万元", "星澜电子"),
        # a count closing a list with no subject before it in its clause is the group's
        ("青禾汽车发布公告。入围名单显示星澜能源、锋泰电池等12家公司入选。", "12家", None),
        ("红杉已投资包括青禾科技、锋泰电池等300家企业。", "300家", "红杉"),
        # people's shares, stakes and subscriptions paired by 分别 are the article's company's (not their pay)
        ("青禾科技公告，股东王明、李华分别减持120万股和80万股。", "80万股", "青禾科技"),
        ("青禾科技上市前，创始人王明、李华分别持股35.5%和20.1%。", "20.1%", "青禾科技"),
        ("青禾科技公布高管薪酬，王明、李华的年薪分别为300万元和200万元。", "200万元", "李华"),
        # a percentage or a multiple of another company's, in traditional script: the subject's
        ("星瀾電子去年營收5.1億元，相當於鋒泰科技的四成。", "四成", "星瀾電子"),
        ("星瀾電子今年營收達到鋒泰科技的2倍。", "2倍", "星瀾電子"),
        # shares a clause trades or holds after an earlier clause speaks of one company's stock: that company's
        (
            "受利好消息刺激，星澜电子股价大涨，锋泰资本随即在场内沽出5210万股及1.3亿股。",
            "1.3亿股",
            "星澜电子",
        ),
        ("星澜电子股价近期低迷，大股东锋泰集团出手增持200万股。", "200万股", "星澜电子"),
        ("青禾科技股价连日下挫，锋泰基金却逆势买入800万股，持股比例升至6.2%。", "6.2%", "青禾科技"),
        # (not where the clause names the company whose shares are traded)
        ("星澜电子股价大涨，锋泰资本减持青禾科技300万股。", "300万股", "青禾科技"),
        # a clause that opens with 公司 after a person's pronoun and verb of saying is the company's, not the person's
        ("星澜激光董事长王建群接受了采访。他表示，公司上半年订单超过3亿元。", "超过3亿元", "星澜激光"),
        ("锋泰电子总经理赵刚谈到业绩。他说，公司去年净利润增长了20%。", "20%", "锋泰电子"),
        # (the person's own, where the clause opens with him)
        ("锋泰电子总经理赵刚谈到个人投资。他说，他已累计投资了2000万元。", "2000万元", "赵刚"),
    ],
)
def test_what_a_figure_is_about(text, figure, about):
    res = result_of(text)
    label = {e.id: e.label for e in res.entities}
    found = {f.text: label.get(f.about) for f in res.figures}
    assert found[figure] == about, found


def test_a_sales_figure_in_a_sellers_sentence_is_the_sellers():
    """主播王明快手直播间上周成交额超2亿元: the streamer sells on 快手; the sales are his, not the platform's."""
    res = result_of("据统计，主播王明快手直播间上周成交额超2亿元。")
    assert {f.text: f.about for f in res.figures}["超2亿元"] == "person/王明"


def test_a_government_body_that_speaks_is_not_what_a_figure_is_about():
    res = result_of("投资推广署发言人表示，今年新设的企业增加了15%。")
    labels = {e.id: e.label for e in res.entities}
    assert "投资推广署" in labels.values()
    assert all(labels.get(f.about) != "投资推广署" for f in res.figures)


def test_well_known_government_bodies_are_recognised():
    orgs = {
        (e.label, e.type)
        for e in result_of("科技部与经济部的官员出席了会议，金管会表示将加强监管。").entities
    }
    assert {("科技部", "GovernmentOrganization"), ("经济部", "GovernmentOrganization")} <= orgs
    assert ("金管会", "GovernmentOrganization") in orgs


def test_an_investors_amount_in_a_round_story_is_the_rounds():
    res = result_of("青禾科技宣布完成B轮融资。红杉中国投资了5000万美元。")
    labels = {e.id: e.label for e in res.entities}
    assert {f.text: labels.get(f.about) for f in res.figures}["5000万美元"] == "青禾科技"


def test_a_count_of_buyers_with_no_company_in_its_clause_is_the_articles_company():
    res = result_of("拼多多发布第二季度财报。在截至6月30日的12个月内，活跃买家数量8.5亿，同比增长12%。")
    labels = {e.id: e.label for e in res.entities}
    figure = next(f for f in res.figures if f.text == "8.5亿")
    assert figure.measure.endswith("买家数量") and labels.get(figure.about) == "拼多多"


def test_a_currency_before_the_amount_is_part_of_the_figure():
    f = one("公司完成新台币5亿元增资。")
    assert f.text == "新台币5亿元" and f.unit == "TWD"


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,figure,bound",
    [
        ("青禾集团拟认购不超过2.4亿股新股。", "不超过2.4亿股", "at_most"),
        ("认购金额不低于5亿元。", "不低于5亿元", "at_least"),
        ("用户数超过3亿。", "超过3亿", "more_than"),
    ],
)
def test_at_most_and_at_least_are_bounds_not_the_opposite(text, figure, bound):
    res = result_of(text)
    found = {f.text: dict(f.qualifiers).get("bound") for f in res.figures}
    assert found == {figure: bound}


def test_an_outlet_whose_news_the_article_cites_is_not_what_its_figures_are_about():
    res = result_of(
        "“锋泰电视台”消息称，青禾科技3月与远山市政府签下投资协议。"
        "按计划，项目总投资超600亿元，设计产能200GWh。锋泰电视台另外提到了两个项目。"
    )
    label = {e.id: e.label for e in res.entities}
    about = {f.text: label.get(f.about) for f in res.figures}
    assert about["超600亿元"] == "青禾科技" and about["200GWh"] == "青禾科技"


def test_shares_and_outlay_read_where_the_traded_company_stands():
    """受让星澜银行2400万股: a count of shares right after the company's name makes them that company's (matched where
    the name ends, not only at the start of the text); 斥资3.6亿元 is money laid out for shares; 2400万股东 is no count
    of shares."""
    from kg.words import load_words

    words = load_words()
    text = "锋泰人寿斥资3.6亿元受让星澜银行2400万股。"
    assert words.regex("shares_after_name").match(text, text.index("2400"))
    assert words.regex("share_outlay_before").search(text[: text.index("3.6")])
    assert not words.regex("shares_after_name").match("星澜银行2400万股东")


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,figure,about",
    [
        # a product's price or sales after its name; how many it sold after the clause that launches it
        ("锋泰X5售价4999元。", "4999元", "锋泰X5"),
        ("锋泰X5上市首月销量突破10万台。", "突破10万台", "锋泰X5"),
        ("锋泰科技发布新款手机锋泰X5，首月销量破10万台。", "破10万台", "锋泰X5"),
        ("锋泰科技推出新车锋泰S7，上市24小时订单突破5万台。", "突破5万台", "锋泰S7"),
        ("锋泰科技发布锋泰X5手机，上市首月激活量超过200万台。", "超过200万台", "锋泰X5"),
        ("锋泰科技推出新车锋泰S7，营收增长10%。", "10%", "锋泰科技"),
        # a platform's users; a streamer's sales and followers (also with 的 before the platform)
        ("锋泰科技旗下星澜App的月活跃用户数达1.5亿，同比增长20%。", "1.5亿", "星澜App"),
        ("主播林舟在抖音直播间单场带货1.2亿元。", "1.2亿元", "林舟"),
        ("林舟的抖音账号粉丝数超过3000万。", "超过3000万", "林舟"),
        # a market's total, an industry's average: about no company
        ("2025年中国新能源汽车销量达950万辆。", "950万辆", None),
        ("锋泰科技营收增长20%，远高于行业平均的9.5%。", "9.5%", None),
        ("锋泰科技毛利率为32%，胜过行业平均的26%。", "32%", "锋泰科技"),
        ("锋泰科技毛利率为32%，胜过行业平均的26%。", "26%", None),
        # shares of a market; a rival compared
        ("锋泰科技以18%的份额位居第一。", "18%", "锋泰科技"),
        ("在国内平板电脑市场上，锋泰科技以23%的份额排名第一，星澜电子以19%位居第二。", "19%", "星澜电子"),
        ("锋泰科技营收增长20%，高于星澜电子的12%。", "12%", "星澜电子"),
        ("锋泰科技营收增长20%，而星澜电子仅增长5%。", "5%", "星澜电子"),
        # money in a deal: the investee's, the target's (also a price written before the seller's wording)
        ("锋泰科技向星澜电子投资5亿元。", "5亿元", "星澜电子"),
        ("锋泰科技以8.5亿元的价格将旗下星澜电子出售给青禾集团。", "8.5亿元", "星澜电子"),
        ("锋泰科技将投资50亿元在合肥建设生产基地。", "50亿元", "锋泰科技"),
        # a unit named as an entity; employees, stores, capacity, per-share price and market cap
        ("锋泰科技旗下子公司星澜电子营收增长20%。", "20%", "星澜电子"),
        ("锋泰科技目前拥有员工1.2万人，门店超过800家。", "超过800家", "锋泰科技"),
        ("锋泰科技新工厂年产能达50万辆。", "50万辆", "锋泰科技"),
        ("锋泰科技港股收涨5.3%，报每股88.5港元，总市值达2100亿港元。", "88.5港元", "锋泰科技"),
        # a multiple of a rival's: the subject's; a gain from a sale: the seller's
        ("锋泰科技的营收是星澜电子的3倍。", "3倍", "锋泰科技"),
        ("锋泰科技的销量约为星澜电子的两倍。", "两倍", "锋泰科技"),
        ("星澜电子的估值增长了3倍。", "3倍", "星澜电子"),
        ("锋泰科技出售星澜电子股权，获得约8亿元收益。", "约8亿元", "锋泰科技"),
        ("锋泰科技以5亿元收购星澜电子。", "5亿元", "星澜电子"),
        # a later clause's move of the share price of the company an earlier clause names with its stock
        ("受锋泰科技注资消息提振，星澜电子今日股价收在26元，大涨19%。", "19%", "星澜电子"),
        ("锋泰科技宣布入股后，星澜电子股价一度上涨12%，市值增加了30亿元。", "30亿元", "星澜电子"),
        ("星澜電子今股價收在55元，上漲7.5%。", "7.5%", "星澜電子"),
        # a platform's users in a bare line of its results: the article's company's
        (
            "星澜科技公布第三季度财报。\n\n• 付费用户数量为1,870万，较去年同期的720万增长160%。",
            "1,870万",
            "星澜科技",
        ),
        # each party's stake in a venture: the venture's where it is named, else no one's
        ("锋泰汽车与星澜汽车签约，拟成立新合资公司，双方各持股50%。", "50%", None),
        ("锋泰汽车联手星澜汽车组建合资公司青禾动力，双方各持股50%。", "50%", "青禾动力"),
        # a share of the votes after a stake: the votes are in the stake's company, not the holder's
        ("创始人林舟借助持股平台持有锋泰科技18.5%的股份，并拥有62.3%的投票权。", "62.3%", "锋泰科技"),
        ("星澜资本作为锋泰电子单一最大股东，持股27.4%，拥有41.2%的投票权。", "41.2%", "锋泰电子"),
        ("交易完成後，青禾集團將持有星瀾電子12%的股權，並擁有20.5%的表決權。", "20.5%", "星瀾電子"),
        # a venture the document says is set up, then calls 合资公司 / 该合营公司 with no 下称
        (
            "锋泰股份拟与星澜资本共同出资设立青禾储能有限公司。合资公司拟注册资金8亿元，其中公司拟出资4.8亿元。",
            "4.8亿元",
            "青禾储能有限公司",
        ),
        (
            "星澜汽车与锋泰集团拟共同组建一家纯电动车生产企业青禾智行汽车有限公司。该合营公司总投资30亿元。",
            "30亿元",
            "青禾智行汽车有限公司",
        ),
        ("青禾电子成立于2012年，总部位于深圳。该合资公司拟注册资金2亿元。", "2亿元", "青禾电子"),
        # the second short name in one bracket (或“标的公司”); the entity is known by the short name it defines
        (
            "锋泰科技拟收购星海医药集团(简称“星海”或“目标企业”)70%股权。锋泰科技表示，目标企业今年营业收入约为3.1亿元。",
            "3.1亿元",
            "星海",
        ),
        # a brand of a group that announces, then in a later clause completes a round: the brand's
        ("3月5日，星澜集团旗下的青禾汽车宣布，已完成5亿美元A轮融资。", "5亿美元", "青禾汽车"),
        # 该公司 / 这家公司 with no name before the figure: the organisation the sentence before names first
        (
            "锋泰集团公布了旗下业务的情况。星澜地产是集团去年收购的子公司之一。该公司近年盈利良好，2023年实现净利润2.6亿元。锋泰集团营收增长8%。",
            "2.6亿元",
            "星澜地产",
        ),
        (
            "锋泰资本今年投资了多家企业。其中星澜云科技去年完成B轮融资，由锋泰资本领投。2022年，这家公司先后拿到两笔融资，总计超过3亿元。",
            "超过3亿元",
            "星澜云科技",
        ),
        # a streamer named before the platform an earlier clause opens with: later clauses' figures are the streamer's
        (
            "3月2日演员王芳在小红书开了首场直播，热度超过3亿，有150万人观看，整场卖了2800万。",
            "2800万",
            "王芳",
        ),
        ("主播张伟快手账号上的视频已经清空，目前仅剩直播回放，其粉丝量仍然是3200万。", "3200万", "张伟"),
        # an amount a buyer pays right before a verb of buying: the price of the company bought, not the buyer's
        ("青禾股份计划动用自有资金1.5亿元收购锋泰电子部分股权。", "1.5亿元", "锋泰电子"),
        ("据报道，青禾集团将投资8000万美元收购锋泰影业旗下的十余家影院。", "8000万美元", "锋泰影业"),
        ("星澜投资拟出资1.2亿元，收购锋泰集团持有的青禾电子60%股权。", "1.2亿元", "青禾电子"),
        # a person whose live stream the sentence reports, with no organisation in it: the streamer's figures
        (
            "锋泰科技今日发布新品。青禾县副县长王芳的直播短时间成交300多单，成交金额超过3万元。",
            "超过3万元",
            "王芳",
        ),
        # a measure only a person has
        ("锋泰科技董事长林舟年薪达500万元。", "500万元", "林舟"),
        # figures in a list after 分别
        ("锋泰科技、星澜电子和青禾汽车的市场份额分别为25%、18%和12%。", "18%", "星澜电子"),
        # a headline with no stop
        ("锋泰科技Q3营收破百亿 净利大涨45%", "45%", "锋泰科技"),
        # 前者 / 后者 opening a clause: the first or the second of the pair named together last before it, in the
        # sentence or the one before; a maker's product in the pair is the product
        ("星澜汽车和青禾汽车昨日公布了三季度财报，前者营收120亿元，后者营收98亿元。", "98亿元", "青禾汽车"),
        ("星澜汽车和青禾汽车昨日公布了三季度财报，前者营收120亿元，后者营收98亿元。", "120亿元", "星澜汽车"),
        ("青禾集团与星澜控股签署合资协议。前者将出资3亿元，后者出资2亿元。", "2亿元", "星澜控股"),
        (
            "锋泰电子与星澜科技的差距进一步拉大，前者市值达2000亿元，而后者仅有300亿元。",
            "300亿元",
            "星澜科技",
        ),
        (
            "王明对比了星澜汽车的“锋泰X5”和青禾汽车的“青禾Q7”，前者售价3200元，后者售价2700元。",
            "2700元",
            "青禾Q7",
        ),
        ("锋泰集团宣布收购青禾物流。后者去年营收8亿元。", "8亿元", "青禾物流"),
        # a count right after a list closed by 等 is the list's as a whole: the subject before the list's
        ("红杉中国已投资包括京东、美团、拼多多等300家企业。", "300家", "红杉中国"),
        ("高瓴资本投资了美团、京东等20家公司，总金额超过100亿元。", "20家", "高瓴资本"),
        ("苏宁与国美等100余家商家达成合作。", "100余家", "苏宁"),
        # a clause that is only a verb of reaching and a level, after a clause with a change: the changed measure's
        ("阿里巴巴发布季度业绩，旗下菜鸟网络收入增长30%，达到280亿元。", "280亿元", "菜鸟网络"),
        ("腾讯公布财报，旗下微信月活跃用户增长3%，突破13亿。", "突破13亿", "微信"),
        ("小米营收增长10%，京东达到280亿元。", "280亿元", "京东"),
        # a clause that continues the list of the figure before it (以及 / 外加) is about the same party
        ("葛兰素史克将向恒瑞医药支付3亿美元预付款，以及最高90亿美元的里程碑付款。", "90亿美元", "恒瑞医药"),
        # shares an investor subscribes, with no company named, in a story of a company's round: that company's
        (
            "星澜云宣布完成D轮融资，融资总额为4亿美元。青禾资本作为领投方，以1.5亿美元认购1.7亿股D类优先股。",
            "1.7亿股",
            "星澜云",
        ),
        ("星澜云宣布完成D轮融资。锋泰资本此前以2亿元认购青禾电子2000万股。", "2000万股", "青禾电子"),
        # a percentage taken of a name (仅为京东的40%) is the subject's; a figure that beats a name (以…反超 / 领先)
        # is the subject's; a figure after 凭借 / 依靠 is the next clause's opening organisation's
        ("以首日收盘价计，美团市值达90亿美元，仅为京东（230亿美元）的39%。", "39%", "美团"),
        ("小米的营收是金山软件的3倍。", "3倍", "小米"),
        ("曾经位居次席的蔚来，以16万辆的全年交付量反超理想汽车。", "16万辆", "蔚来"),
        ("凭借45%的市场份额，宁德时代稳居行业第一。", "45%", "宁德时代"),
        ("依靠2.1亿的月活用户，快手拉开了与对手的差距。", "2.1亿", "快手"),
        # (以 right before a figure that opens a clause is a word of means too; 以 before a basis is none)
        ("锋泰集团公布榜单。以1200亿元的营收，青禾科技位居榜首。", "1200亿元", "青禾科技"),
        ("锋泰集团公布榜单。以约35%的市场份额，星澜汽车稳居第一。", "约35%", "星澜汽车"),
        ("锋泰集团公布业绩。以每股10元计算，锋泰集团市值约为50亿元。", "50亿元", "锋泰集团"),
        # (占 is a share of the name's own total, not a ratio to it)
        ("小米持有的股份占金山软件的20%。", "20%", "金山软件"),
        # (后者 that is no subject of the figure's clause points at nothing)
        ("星澜和青禾在甲方案与乙方案中选择了后者，节省成本20%。", "20%", "星澜"),
    ],
)
def test_what_business_news_figures_are_about(text, figure, about):
    res = result_of(text)
    label = {e.id: e.label for e in res.entities}
    found = {f.text: label.get(f.about) if f.about else None for f in res.figures}
    assert found[figure] == about, found


def test_a_shopping_day_is_no_figure():
    """双十一成交额: 十一成 is the day's name and a word, not 110 %."""
    res = result_of("锋泰科技在天猫旗舰店双十一成交额突破5亿元。")
    assert [f.text for f in res.figures] == ["突破5亿元"]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,figure,about",
    [
        # a sentence naming no organisation that speaks of a sector, a region or a market: about no one, not the
        # company of the sentence before
        (
            "锋泰科技今日发布新品。今年上半年，新能源汽车领域共发生融资事件120起，披露金额约300亿元。",
            "约300亿元",
            None,
        ),
        (
            "锋泰科技今日发布新品。据调研机构统计，二季度全球平板电脑出货量同比下降了8%，出货量为3100万台。",
            "3100万台",
            None,
        ),
        ("锋泰科技今日发布新品。去年，宁波家电产业带总成交额超3.5亿元，同比增长62%。", "超3.5亿元", None),
        (
            "锋泰科技今日发布新品。去年，全市线上零售总额达56亿元，其中生鲜类线上销售额约9亿元。",
            "约9亿元",
            None,
        ),
        # (not where the sentence points back at the company, or speaks of its global offering or headquarters)
        ("锋泰科技今日发布新品。公司全球员工超过3万人。", "超过3万人", "锋泰科技"),
        ("锋泰科技今日发布新品。其全球营收增长20%。", "20%", "锋泰科技"),
        ("锋泰科技今日在港上市。本次港股公开发售部分占全球发售的8.5%，获认购3.2倍。", "3.2倍", "锋泰科技"),
        # a research firm introduced as one (据咨询公司X估计 / 市场研究公司X称) gives the figures, it is not their subject;
        # a total of several named parties (A、B及C共实现…) is none of theirs, nor is its growth
        (
            "锋泰电商今年营收增长12%。但据咨询公司Zentra估计，淘宝、京东及拼多多三大平台，去年双11期间共实现8000亿元销售额，按年增长18%。",
            "18%",
            None,
        ),
        (
            "锋泰电商今日发布新品。市场研究公司Zentra称，今年一季度又有12亿美元流入机器人赛道。",
            "12亿美元",
            None,
        ),
        ("京东和美团今年一共投入120亿元用于骑手补贴。", "120亿元", None),
        ("星澜汽车认缴出资3.4亿元，锋泰汽车认缴出资5.1亿元，二者合计出资8.5亿元。", "8.5亿元", None),
        ("星澜汽车认缴出资3.4亿元，锋泰汽车认缴出资5.1亿元，二者合计出资8.5亿元。", "5.1亿元", "锋泰汽车"),
        ("锋泰科技去年共实现营收50亿元。", "50亿元", "锋泰科技"),
        # an industry association that speaks gives an industry's figures, it is not what they are about
        (
            "锋泰科技今日发布新品。青禾市电动车流通协会本月初表示，7月份电动车总体销量同比下降了4.2%，但纯电车型销量大增近90%。",
            "近90%",
            None,
        ),
        # where a company is present (在全国有 / 在全国…拥有 / 覆盖全国) is no nation's total
        ("星澜茶饮成立于2015年，眼下在全国有37家门店，其中19家在北京。", "37家", "星澜茶饮"),
        ("青禾影业是国内老牌院线。它布局多年，在全国62座城市拥有190余家影院。", "62座", "青禾影业"),
        ("锋泰科技今日发布新品。去年，全国网络零售额达13万亿元。", "13万亿元", None),
        # shares of the firms or people a survey asked
        ("锋泰科技今日发布新品。调查显示，42%的企业表示将加大AI投入，另有18%的公司计划裁员。", "18%", None),
        # a project, a park or a site pointed at (该项目 / 这个园区) with no organisation named after it: its figures
        # are the project's, no company's
        ("宁德时代宣布在宜宾建设电池基地。该项目总投资100亿元，建成后年产能30GWh。", "30GWh", None),
        ("比亚迪宣布在合肥建厂。据了解，这个园区占地800亩，计划总投资45亿元。", "45亿元", None),
        ("比亚迪宣布在合肥建厂。该项目由比亚迪独资建设，总投资45亿元。", "45亿元", "比亚迪"),
        ("星澜锂业、青禾矿业和锋泰材料签署协议。三方合资公司拟定资本金3亿元。", "3亿元", None),
        (
            "星澜锂业与青禾矿业拟共同出资设立锋泰新材料有限公司。合资公司拟定资本金8亿元。",
            "8亿元",
            "锋泰新材料有限公司",
        ),
        # a funding total after a clause where a company speaks of its own rounds is its own, not a sector's
        ("星澜云宣布完成D轮融资，融资总额为4亿美元。", "4亿美元", "星澜云"),
        ("根据公开资料，青禾医疗已完成多轮融资，融资规模达数亿美元。", "数亿美元", "青禾医疗"),
        ("锋泰科技完成新一轮融资，今年机器人赛道融资总额已达300亿元。", "300亿元", None),
        ("锋泰科技CEO王明表示，今年机器人赛道融资总额达300亿元。", "300亿元", None),
        # a count of the firms of a market or a region (共有36家上市企业), and the sentence's other figures: no one's;
        # 上市公司 / 跨国公司 do not point back at a company as 公司 does
        (
            "锋泰电子宣布完成新一轮融资。今年以来，A股市场共有52家上市公司公布增发方案，预计募资总额超410亿元。",
            "52家",
            None,
        ),
        (
            "锋泰电子宣布完成新一轮融资。今年以来，A股市场共有52家上市公司公布增发方案，预计募资总额超410亿元。",
            "超410亿元",
            None,
        ),
        (
            "锋泰基金今日更换总经理。今年以来，共有31家基金公司更换了总经理，其中新上任的有24人。",
            "24人",
            None,
        ),
        (
            "锋泰电子在苏州设立总部。截至去年底，全市已落户的跨国公司总部达512家，研发中心318家。",
            "318家",
            None,
        ),
        # (not a company's own subsidiaries or shops, with its subject left out)
        ("锋泰科技今日发布新品。目前共有7家全资子公司，员工3000人。", "7家", "锋泰科技"),
        ("锋泰科技今日发布新品。目前共有150家门店，员工3000人。", "150家", "锋泰科技"),
    ],
)
def test_a_sectors_or_a_surveys_figures_are_about_no_one(text, figure, about):
    res = result_of(text)
    label = {e.id: e.label for e in res.entities}
    found = {f.text: label.get(f.about) if f.about else None for f in res.figures}
    assert found[figure] == about, found
