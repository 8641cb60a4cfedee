"""Recognition: lexicon, patterns, precedence, junk filtering; offsets always point into the text."""

import pytest
from helpers import mentions_of, result_of, triples

from kg.config import BuildConfig
from kg.ingest import document_from_text
from kg.model import Mention
from kg.pipeline import extract
from kg.recognize import filter_spans, recognize
from kg.segment import get_segmenter


def found(text: str) -> set[tuple[str, str]]:
    doc, _, mentions = mentions_of(text)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    return {(m.key, m.type) for m in mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("小米集团创始人兼CEO雷军表示，今年将加大投入。", {("雷军", "Person"), ("小米", "Company")}),
        # a fund named with a common word after a verb of receiving, before 注资 / 投资: the investor
        ("青禾科技获远望资本注资1亿美元。", {("远望资本", "Company")}),
        # a bracket that holds only a division's name keeps its 与 (数字与文娱事业群)
        ("青禾科技PCG(数字与文娱事业群)做出高管调整。", {("数字与文娱事业群", "BusinessUnit")}),
        # electronics, precision, motor and computer makers (Taiwan's and Hong Kong's names often end so)
        (
            "青禾電子資深副總裁王明表示，鋒泰精密與遠澜電機將合作。",
            {("青禾电子", "Company"), ("锋泰精密", "Company"), ("远澜电机", "Company")},
        ),
        ("据美团高级副总裁王莆中介绍，新业务进展顺利。", {("王莆中", "Person"), ("美团", "Company")}),
        ("易观分析发布的报告显示，直播电商规模继续扩大。", {("易观", "Organization")}),
        ("企鹅智库数据显示，短视频用户超过8亿。", {("企鹅智库", "Organization")}),
        # a kind of research firm before its name, and the word for data after a Latin name, are no part of it
        ("美国调研机构Finlo数据显示，出货量下滑。", {("Finlo", "Organization")}),
        ("据市场研究机构QXR数据显示，面板价格上涨。", {("QXR", "Organization")}),
        ("据海外市场调查公司Norvik数据，销量增长。", {("Norvik", "Company")}),
        ("杭州微念科技有限公司近日完成新一轮融资。", {("杭州微念科技有限公司", "Company")}),
        ("北京市海淀区人民政府与百度签署协议。", {("百度", "Company")}),
        ("文|经济观察报 马言\n正文第一段。", {("经济观察报", "MediaOrganization"), ("马言", "Person")}),
        ("阿里巴巴集团（以下简称“阿里”）公布财报。", {("阿里巴巴", "Company")}),
        ("Moonshot AI与OpenAI展开竞争。", {("OpenAI", "Company")}),
        ("抖音电商推出“春雨计划”，扶持中小商家。", {("春雨计划", "Programme"), ("抖音电商", "BusinessUnit")}),
        ("微软的子公司LinkedIn Holdings宣布裁员。", {("LinkedIn Holdings", "Company"), ("微软", "Company")}),
        # a registered name in capitals that a word with digits or a bracketed country breaks, and German forms
        (
            "投审会通过英商FENGTAI HARBOR 2-1 HOLDINGS LIMITED增资。",
            {("FENGTAI HARBOR 2-1 HOLDINGS LIMITED", "Company")},
        ),
        ("公司增资泰国QINGHE（VIETNAM）CO., LTD.，用于制造。", {("QINGHE（VIETNAM）CO., LTD.", "Company")}),
        ("锋泰科技收购了Qinghe Chemie AG。", {("Qinghe Chemie AG", "Company"), ("锋泰科技", "Company")}),
        ("2023年双11期间，淘宝成交额创新高。", {("淘宝", "Platform"), ("双11", "Date")}),
        ("苹果发布了iPhone 15 Pro Max。", {("iPhone 15 Pro Max", "Product")}),
        ("星海机器人与锋泰电气的卖方订立股份转让协议。", {("锋泰电气", "Company")}),
        ("老牌国货品牌中，青禾在抖音开启48小时超长直播。", {("青禾", "Company")}),
        ("9月11日起，青禾开启48小时超长直播，增粉120万。", {("青禾", "Company")}),
        ("快手带货顶流辛巴宣布退网。", {("辛巴", "Person")}),
        ("小米公司正为小米手机三代铺路。", {("小米手机三代", "Product")}),
        ("第二季度，拼多多APP平均月活用户数达5亿。", {("拼多多APP", "Product")}),
        ("小米Note是小米公司发布的旗舰手机。", {("小米Note", "Product")}),
        # a title after a known name is no word across its end (大学校长, 银行行长)
        ("清华大学校长王明表示。", {("清华大学", "Organization")}),
        ("中国人民银行行长易纲表示。", {("中国人民银行", "GovernmentOrganization")}),
        # store names, stake targets, partners beside a known company, investments received
        ("本地商家天猫青禾果蔬旗舰店的店长说。", {("青禾果蔬旗舰店", "Company")}),
        ("星澜集团公开收购锐思24.71%股份。", {("锐思", "Company")}),
        ("青禾集团拟收购星澜科技持有的锋泰电子51%股权。", {("锋泰电子", "Company")}),
        ("星澜汽车与锐思光学达成了战略合作。", {("锐思光学", "Company")}),
        ("星澜科技获得腾讯投资。", {("腾讯", "Company")}),
        # a blank where Latin meets Chinese, as many outlets type it (B 站 for B站), keeps the known name
        ("B 站董事长兼 CEO 陈睿表示，平台将继续投入。", {("哔哩哔哩", "Company"), ("陈睿", "Person")}),
        # a quoted name ending in a legal form is one registered name, whatever words are inside it
        ("两家公司成立了合资公司“远澜智能科技有限公司”。", {("远澜智能科技有限公司", "Company")}),
        ("双方宣布设立合资企业“联合星海材料(丽水)有限公司”。", {("联合星海材料(丽水)有限公司", "Company")}),
        # a description ending in 的 or 品牌 before a funded name is no part of it
        ("主打宠物陪伴的澄舟智能完成数千万元天使轮融资。", {("澄舟智能", "Company")}),
        ("国内首家储能安全品牌星澜智能宣布获得数千万元天使轮投资。", {("星澜智能", "Company")}),
        # a kind of company (a field's words and 企业) before a registered name describes it
        (
            "锋泰集团正筹划买下军工企业江西青禾雷达技术有限公司六成股权。",
            {("江西青禾雷达技术有限公司", "Company")},
        ),
        # a name that has been funded since it was founded (X成立以来) is an organisation's
        ("星澜智能成立以来累计融资五轮。", {("星澜智能", "Company")}),
        # a name that sells on a commerce platform is a seller's (今年入驻 / 通过…带货 / 在A、B开设旗舰店)
        ("青禾食品今年入驻京东，月销售额破千万。", {("青禾食品", "Company")}),
        ("星澜美妆通过抖音直播带货，单场成交超千万元。", {("星澜美妆", "Company")}),
        ("锋泰母婴已在京东、天猫开设旗舰店。", {("锋泰母婴", "Company")}),
        # an unknown word glued to a Latin model name is its brand (a known company's name is not)
        ("锋泰科技近日发布了智能手表澄禾Watch 3。", {("澄禾Watch 3", "Product")}),
        # after a known name, the names of a list closed by 等…平台 are platforms
        (
            "锋泰传媒的主播活跃在抖音、快手、青禾直播和星澜TV等多个直播平台。",
            {("青禾直播", "Platform"), ("星澜TV", "Platform")},
        ),
        # what is under an owner is a company where the clause ends with a kind of company, after a description
        ("澄禾置业是星澜控股旗下第二家专做长租业务的房产公司。", {("澄禾置业", "Company")}),
        # a brand's or a subsidiary's name before a time word or a verb
        (
            "锋泰科技旗下品牌澄禾推出新款耳机。星澜集团的子公司远澜物流今日挂牌。",
            {("澄禾", "Company"), ("远澜物流", "Company")},
        ),
        # names the segmenter does not know, right after a verb of investing, one or a list
        ("据悉，星澜资本此前已投资澄禾智能、锋泰科技等多家企业。", {("澄禾智能", "Company")}),
        ("锋泰集团以2亿元入股澄禾新材，持股15%。", {("澄禾新材", "Company")}),
        # a name that settles somewhere (正式落户) is an organisation's
        ("2019年3月，星澜医疗正式落户苏州。", {("星澜医疗", "Company")}),
        # 获得战略注资 is a round received
        ("储能企业远澜新能日前获得战略注资。", {("远澜新能", "Company")}),
        # …已累计完成5轮融资 / 再获…追加投资 / (Taiwan) 完成A轮募资
        ("星澜芯片已累计完成4轮融资。", {("星澜芯片", "Company")}),
        ("澄禾智能再获远望资本追加投资。", {("澄禾智能", "Company")}),
        ("澄禾光學宣布完成A輪募資。", {("澄禾光学", "Company")}),
        # a preposition after 公司 begins no described name (有限公司由青禾集团…)
        (
            "远澜物流有限公司由青禾集团和锋泰集团分别持股。",
            {("青禾集团", "Company"), ("锋泰集团", "Company")},
        ),
        # a Latin name of several words listed among a round's investors
        ("跟投方包括远望资本、North Harbor Ventures、QRT等老股东。", {("North Harbor Ventures", "Company")}),
        # a brand and a word of its trade, where the clause says a company acts (business_subject / business_object)
        ("星澜教育今日发布了全新的学习平台。", {("星澜教育", "Company")}),
        ("据悉，锋泰食品近日宣布与盒马达成战略合作。", {("锋泰食品", "Company")}),
        ("澄禾能源计划于明年在科创板上市。", {("澄禾能源", "Company")}),
        ("知情人士透露，远澜物流计划明年赴港上市。", {("远澜物流", "Company")}),
        ("青禾电商被阿里巴巴以10亿元收购。", {("青禾电商", "Company")}),
        ("腾讯向云杉游戏注资5亿元。", {("云杉游戏", "Company")}),
        ("美团领投了澄观餐饮的A轮融资。", {("澄观餐饮", "Company")}),
        ("国内机器人企业优必选与青禾机器人合作。", {("青禾机器人", "Company")}),
        ("由星野游戏开发的新作上线。", {("星野游戏", "Company")}),
        ("药企澜海医药宣布新药获批。", {("澜海医药", "Company")}),
        ("新能源车企驰远汽车宣布降价。", {("驰远汽车", "Company")}),
        ("京东以3亿元收购锋泰食品。", {("锋泰食品", "Company")}),
        ("一家物流企业（远澜物流）获得融资。", {("远澜物流", "Company")}),
        ("对此，锋泰食品回应称，公司经营正常。", {("锋泰食品", "Company")}),
        ("杭州锋泰智能发布了新产品。", {("杭州锋泰智能", "Company")}),
        ("王明医药与复星医药达成合作。", {("王明医药", "Company")}),
        ("星澜教育董事长张伟称，将继续投入。", {("星澜教育", "Company")}),
        ("Novaby宣布与腾讯达成战略合作。", {("Novaby", "Company")}),
        ("由Novaby开发的游戏上线。", {("Novaby", "Company")}),
        # where a person's career places them
        ("王刚曾任远澜物流副总裁。", {("远澜物流", "Company")}),
        ("王刚此前在云帆生物担任首席科学家。", {("云帆生物", "Company")}),
        ("他曾就职于青禾医疗，后创办了锋泰食品。", {("青禾医疗", "Company"), ("锋泰食品", "Company")}),
        # a kind of company that ends in 之一; a company's figures after its name; a list after 与 before its act
        ("国内最大的物流企业之一远澜物流宣布涨价。", {("远澜物流", "Company")}),
        ("锋泰食品2024年营收同比增长20%。", {("锋泰食品", "Company")}),
        ("锋泰食品的市值突破百亿。", {("锋泰食品", "Company")}),
        ("星澜教育与好未来、新东方一起入选榜单。", {("星澜教育", "Company")}),
        ("盒马与锋泰食品、澄观餐饮签署协议。", {("锋泰食品", "Company"), ("澄观餐饮", "Company")}),
        ("锋泰食品的母公司青禾集团宣布重组。", {("锋泰食品", "Company")}),
        # a company's deals, filings and heads after its name
        ("锋泰食品斥资2亿元收购澄观餐饮。", {("锋泰食品", "Company"), ("澄观餐饮", "Company")}),
        ("锋泰食品增持青禾医疗股份。", {("锋泰食品", "Company")}),
        ("青禾医疗正式向港交所提交上市申请。", {("青禾医疗", "Company")}),
        ("青禾医疗科创板IPO过会。", {("青禾医疗", "Company")}),
        # the last item of a list of known companies, before what the whole list does
        ("阿里巴巴、腾讯以及锋泰食品均表示支持。", {("锋泰食品", "Company")}),
        ("包括京东、美团、锋泰食品在内的多家企业获得投资。", {("锋泰食品", "Company")}),
        # a name whose spokesman, official account or side speaks, or that a reporter learns from
        ("据澄宇智联相关负责人介绍，新厂已投产。", {("澄宇智联", "Company")}),
        ("泓岸视界方面表示，暂不置评。", {("泓岸视界", "Company")}),
        ("泓岸视界官方微博称，新品下月开售。", {("泓岸视界", "Company")}),
        ("记者日前从泓岸视界获悉，其新厂已投产。", {("泓岸视界", "Company")}),
        ("此前，远澜出行曾获得京东投资。", {("远澜出行", "Company")}),
        # a name a company is given, one said to be a company, one founded on a date, one filing for a listing
        ("一家名为泓岸视界的初创公司近日亮相。", {("泓岸视界", "Company")}),
        ("泓岸视界是一家专注于机器视觉的科技公司。", {("泓岸视界", "Company")}),
        ("泓岸视界于2020年在苏州成立。", {("泓岸视界", "Company")}),
        ("泓岸视界昨日已向联交所递交上市申请。", {("泓岸视界", "Company")}),
        # a kind of company, then a name, then the company's act
        ("新势力车企岚途发布了首款轿车。", {("岚途", "Company")}),
        ("自动驾驶公司澄宇智驾宣布在苏州开展测试。", {("澄宇智驾", "Company")}),
        ("芯片初创企业禾芯获得京东投资。", {("禾芯", "Company")}),
        # a name whose figures are told, that is bought or funded, that makes or owns something, or is introduced
        ("泓岸视界投后估值达到30亿元。", {("泓岸视界", "Company")}),
        ("岚途视界去年营收为8亿元。", {("岚途视界", "Company")}),
        ("京东收购了泓岸视界。", {("泓岸视界", "Company")}),
        ("美团领投了泓岸视界的B轮融资。", {("泓岸视界", "Company")}),
        ("由泓岸视界研发的眼镜开售。", {("泓岸视界", "Company")}),
        ("泓岸视界旗下的两款游戏上线。", {("泓岸视界", "Company")}),
        ("作为国内领先的视觉公司，泓岸视界已服务数百家客户。", {("泓岸视界", "Company")}),
        # what only a company does, and the head or founder it has
        ("澜途视界近日宣布裁员15%。", {("澜途视界", "Company")}),
        ("澜途视界股票今日复牌。", {("澜途视界", "Company")}),
        ("澜途视界昨日在科创板挂牌上市。", {("澜途视界", "Company")}),
        ("澜途视界发布了2025年半年报。", {("澜途视界", "Company")}),
        ("澜途视界的联合创始人李强认为，需求仍在增长。", {("澜途视界", "Company")}),
        ("澜途视界（以下简称“澜途”）今日宣布完成融资。", {("澜途", "Company")}),
        ("澜途视界今年以来股价累计上涨40%。", {("澜途视界", "Company")}),
        ("澜途视界2025年实现营收9亿元。", {("澜途视界", "Company")}),
        ("据澜途视界招股书显示，其研发投入逐年增加。", {("澜途视界", "Company")}),
        ("澜途视界相关人士向记者证实了这一消息。", {("澜途视界", "Company")}),
        ("总部位于苏州的安防企业澜途视界今日发布新品。", {("澜途视界", "Company")}),
        ("岚途股份发布公告称，拟出售部分资产。", {("岚途股份", "Company")}),
    ],
)
def test_recognises(text, expected):
    assert expected <= found(text)


@pytest.mark.parametrize(
    "text,junk",
    [
        ("嘉宾们来自多个城市，周末也在开会。", {"嘉宾", "城市", "周"}),
        ("平台推出零售宝模式，商家反馈不错。", {"宝", "零售宝", "商家", "平台"}),
        ("用户层面，平台推出雷霆计划。", {"雷霆", "用户"}),
        ("这家公司的负责人表示满意。", {"这家公司", "公司", "负责人"}),
        ("科技公司纷纷布局电商公司业务。", {"科技公司", "电商公司"}),
        ("创始人谈未来计划。", {"谈未来"}),
        # a particle glued to a name, a determiner or a byline's key begins no organisation's name
        ("他投资了泽东公司。", {"投资了泽东公司", "了泽东公司"}),
        ("前述邮储银行人士表示。", {"前述邮储银行"}),
        ("集团将深化公司治理改革。", {"深化公司"}),
        # 投资 before a known name is the verb; a joint venture spoken of is no name
        ("小米投资小鹏汽车，双方成立合资公司。", {"小米投资", "合资公司"}),
        ("王明自2021年领导阿里云智能集团。", {"领导阿里云智能集团"}),
        ("碧溪苑是政府投资建设的小区。", {"碧溪苑是政府", "是政府"}),
        ("主播开启直播。", {"开启"}),
        # what glues onto a name: 为 after an appointee, a verb's complement, a preposition before a head's title
        ("京东宣布，任命王川为零售事业群总裁。", {"王川为"}),
        ("星澜集团拆分出青禾科技。", {"出青禾科技"}),
        ("会议由青禾科技董事长王明主持。", {"会议由青禾科技"}),
        ("腾讯领投青禾科技5亿元B轮融资。", {"腾讯领投青禾科技"}),
        ("青禾物流隶属于星澜集团。", {"青禾物流隶属于星澜集团"}),
        ("星澜科技将被私募股权基金黑石集团收购。", {"私募股权基金黑石集团"}),
        # a generic body (which city's government? which court?) is no node of the graph
        ("市政府决定加大投入，法院受理了此案，公安机关介入调查。", {"市政府", "法院", "公安机关"}),
        # a word read across a known name's start and end: 海地 (Haiti) in 沿海地区, 京东 in 北京东路
        ("沿海地区经济发展迅速，北京东路有家店。", {"海地", "京东"}),
        # 国际 is one word: no country is named in a company's name that ends with it
        ("锋泰国际与韦德国际签署了合作协议。", {"泰国", "德国"}),
        # a model-like code before 工厂 names a factory, not a product
        ("蔚来F4工厂将于明年投产。", {"蔚来F4", "F4"}),
        # 投资 before 后 is the verb (after Tencent invested), not the arm 腾讯投资
        (
            "在腾讯投资后，锋泰集团仍是青禾科技的第一大股东。小米投资之后，青禾科技的估值翻了一番。",
            {"腾讯投资", "小米投资"},
        ),
        # a department without a company before it is no node
        ("行政部门的副总经理王海涛另有任用。", {"行政部门"}),
        # a quoted figure of speech or idea after a company is no offering of it
        ("锋泰集团“最大印钞机”的负责人换人。青禾“国潮元素”系列大受欢迎。", {"最大印钞机", "国潮元素"}),
        # a province's short name before 投资 (invest in Shanghai), a kind of investment, a person's descriptor
        (
            "两家外企今年在沪投资设厂。其中侨外投资约3亿元。资深行业咨询顾问王明认为如此。多家药企加码在华投资。",
            {"沪投资", "侨外投资", "资深行业咨询", "华投资"},
        ),
        # the matter of a deal after its party is no part of the party's name
        ("双方谈妥投资入股澄禾单车事宜。", {"澄禾单车事宜"}),
        # a verb of opening a store after the platform begins no store's name
        ("锋泰茶业在拼多多上线官方旗舰店。", {"上线官方旗舰店"}),
        # a date the segmenter glued to the name after it begins no name
        ("1月澄禾机器人率先获投，2月锋泰科技紧随其后。", {"2月锋泰科技", "月锋泰科技"}),
        # a clause after a kind word (项目正式落户…) is no name
        ("该项目正式落户合肥。", {"正式落户合肥", "正式落户"}),
        # a field's words and 企业 are a kind of company, even where a dictionary lists them as a name
        (
            "多家军工企业的订单大增。锋泰集团买下军工企业江西青禾雷达技术有限公司。",
            {"军工企业", "军工企业江西青禾雷达技术有限公司"},
        ),
        # a place and 一 before a kind of company describe one; a company's sales arm is no name
        ("浙江一茶企近日获得千万元投资。王涛现任销售公司的负责人。", {"浙江一茶企", "销售公司"}),
        # a count of divisions names none (物流两大事业群 / 锋泰科技两大事业群)
        (
            "公司将组建零售、物流两大事业群。锋泰科技两大事业群负责人近日调整。",
            {"物流两大事业群", "锋泰科技两大事业群", "两大事业群"},
        ),
        # 及 after a three-character name: the segmenter glued it on (青及), neither name runs across it
        ("青禾精密董事长周立青及锋泰汽车董事长何小明出席。", {"周立", "周立青及锋泰汽车", "青及锋泰汽车"}),
        # a verb the segmenter glued to the name after it begins no name: 获|锋泰 / 私有化
        (
            "青禾科技获锋泰集团入股。锋泰集团宣布以每股5元私有化青禾科技。",
            {"青禾科技获锋泰集团", "私有化青禾科技"},
        ),
        # a field's acronym and a kind of company, or what a name belongs to, name no company
        ("该集团花费巨资收购VR设备公司Nova。", {"VR设备公司"}),
        ("云雀科技(灵犀助手所属公司)的股东。", {"灵犀助手所属公司", "所属公司"}),
        # a word and a localiser before a career verb are no person (毕 is also a surname); a field is no name
        ("他毕业后加入科技公司。", {"毕业后", "科技公司"}),
        # 后 (after) closing a verb's clause is no part of the name the segmenter glued it to
        ("锋泰科技拟收购远澜科技，交易完成后远澜科技将成为其全资子公司。", {"后远澜科技"}),
        # a company suffix inside a run after a kind of company ends the name
        ("星河集团入股的初创公司锋泰科技传将上市。", {"锋泰科技传将上市", "锋泰科技传将"}),
        # a list's conjunction ends no name; one common noun is no company
        ("其中锋泰、星澜资本以及总部位于迪拜的QXT各持有一成。", {"星澜资本以及"}),
        # a word of its own between a kind and a known brand begins no brand (音箱产品|小禾Sound)
        ("青禾同时发布音箱产品小禾Sound 3 Max。", {"产品小禾Sound 3 Max", "品小禾Sound 3 Max"}),
        # Taiwan's investor conference (法说会) names no country
        ("锋泰科技董事长韩轩在法说会上指出，资本支出将增加。", {"法", "法国"}),
        # a trade's word after words of a kind of business, a field or a place alone names no company
        ("在线教育推出了很多新课程。", {"在线教育"}),
        ("跨境电商发布了年度报告。", {"跨境电商"}),
        ("职业教育与产业深度合作。", {"职业教育"}),
        ("冷链物流宣布进入快车道。", {"冷链物流"}),
        ("人工智能与医疗深度融合。", {"人工智能", "人工"}),
        ("中国教育发布了一份报告。", {"中国教育"}),
        ("各大电商平台宣布促销。", {"各大电商"}),
        ("AI医疗宣布进入新阶段。", {"AI医疗"}),
        ("由地方教育主导的项目。", {"地方教育"}),
        ("字节跳动、快手和星耀传媒均发布了相关声明。", {"快手和星耀传媒"}),
        ("字节跳动收购了游戏公司沐瞳科技。", {"游戏公司沐瞳科技"}),
        ("财报数据发布后，股价大涨。", {"财报数据"}),
        ("APP宣布下架。", {"APP"}),
        ("他曾任职业教育处处长。", {"职业教育", "业教育"}),
        ("她加入了在线教育行业。", {"在线教育"}),
        ("他曾在基础教育工作多年。", {"基础教育"}),
        ("京东、美团和成都都参加了。", {"成都都"}),
        ("盒马与锋泰食品、澄观餐饮签署协议。", {"澄观餐饮签署协议"}),
        ("医疗收入同比增长。", {"医疗收入", "医疗"}),
        ("国内物流的营收下滑。", {"国内物流"}),
        ("在线教育进军海外。", {"在线教育"}),
        ("生鲜电商IPO遇冷。", {"生鲜电商"}),
        ("今年，智慧物流布局加速。", {"智慧物流"}),
        ("王明宣布青禾科技收购锋泰食品。", {"王明宣布青禾科技"}),
        ("会议由青禾医疗宣布开幕。", {"会议由青禾医疗"}),
        # a person, a place, a common noun or two known names before a spokesman's words are no company
        ("王菲方面表示，暂不回应。", {("王菲")}),
        ("学校方面表示，正在调查。", {"学校"}),
        ("据公司相关负责人介绍，新厂已投产。", {"公司"}),
        ("记者从市场监管部门获悉，调查仍在进行。", {"市场监管部门"}),
        ("记者从多个渠道获悉，交易接近完成。", {"多个渠道"}),
        ("京东美团方面回应称，暂无计划。", {"京东美团"}),
        ("据业内人士透露，该公司估值已超百亿。", {"估值已超百亿"}),
        # what something is said to be, a count of kinds and a company's organ are no company's name
        ("青禾给用户的感觉是一家平价超市公司。", {"感觉"}),
        ("两家药企年报数据发布以来，股价分化。", {"年报数据"}),
        ("公司董事会宣布了分红方案。", {"董事会"}),
        ("国内车企近日宣布降价。", {"近日"}),
        # a figure's modifier, a round, a year, a part of the business; what is bought that is no name
        ("此前，A轮融资估值为3亿元。", {"A轮融资"}),
        ("2023年度营收为5亿元。", {"2023年度"}),
        ("其中，教育业务营收增长明显。", {"教育业务"}),
        ("目前，行业整体估值偏高。", {"行业", "行业整体"}),
        ("京东收购了部分股权。", {"部分股权"}),
        ("由团队自主研发的芯片量产。", {"团队"}),
        ("作为一家上市公司，我们已发布公告。", {"我们"}),
        ("近期多家上市公司都发布了年报。", {"多家上市公司", "上市公司"}),
        ("新股在科创板上市首日大涨。", {"新股"}),
        ("这家公司的创始人王明表示满意。", {"这家公司", "公司"}),
        ("星海视界App（以下简称“星海”）今日上线。", {"星海"}),
        ("据招股书显示，公司去年亏损。", {"招股书"}),
        ("总部位于北京的一家公司宣布裁员。", {"一家公司"}),
        ("法院公告称，案件已受理。", {"法院"}),
        ("王刚案二审的公告已经向社会公布。", {"王刚案二审"}),
        ("岚途股份(600000)10月8日盘后公告称，拟回购股份。", {"10月8日盘后", "8日盘后"}),
        # a line of business by its common word in a list of platforms is no platform
        ("阿里巴巴把淘宝、天猫、搜索、广告以及本地服务业务整合为一个板块。", {"搜索", "广告"}),
    ],
)
def test_does_not_make_junk(text, junk):
    keys = {k for k, _ in found(text)}
    assert not (keys & junk)


def test_typo_of_a_known_latin_name_resolves_to_it():
    assert ("QuestMobile", "Organization") in found("QuestMoible数据显示，用户增长。")


def test_name_found_by_a_pattern_is_found_again_elsewhere():
    doc, _, mentions = mentions_of("运营负责人白晓峰在会上发言。随后白晓峰接受了采访。")
    assert [m.text for m in mentions if m.type == "Person"] == ["白晓峰", "白晓峰"]


def test_traditional_text_keeps_the_original_script_in_mentions():
    doc, _, mentions = mentions_of("騰訊創始人馬化騰表示，將繼續投資。")
    people = [m for m in mentions if m.type == "Person"]
    assert people and people[0].text == "馬化騰" and people[0].key == "马化腾"


def _m(start, end, score, type_="Company"):
    return Mention(start, end, "x" * (end - start), type_, "t", score, "k", 0)


def test_filter_spans_longest_wins_then_score_then_earliest():
    kept = filter_spans(
        [_m(0, 2, 0.9), _m(0, 4, 0.5), _m(3, 6, 0.9), _m(6, 8, 0.5), _m(6, 8, 0.9, "Platform")]
    )
    assert [(m.start, m.end, m.type) for m in kept] == [(0, 4, "Company"), (6, 8, "Platform")]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text,people",
    [
        # a list of names after a title stops where a new title clause begins (原 = former, not the surname)
        ("原邯钢总经理李贵阳、原唐钢副总经理张海为副总经理。", ["李贵阳", "张海"]),
        (
            "校党总支书记、校长武天安，毕业于同济医科大学。",
            ["武天安"],
        ),  # 毕业 after a comma is a verb, not a name
        ("董事长张大为表示，公司将扩产。", ["张大为"]),  # a name may end in 为 when no title follows it
        ("公司任命王小川为首席执行官。", ["王小川"]),
        # 为 before a known organisation's title, 以 before how one speaks: not the name's last character
        ("锋泰集团任命原金立总裁孙立冰为京东集团副总裁。", ["孙立冰"]),
        ("对此，青禾科技副总裁林冰以官方身份作出回应。", ["林冰"]),
        # the name's last character the segmenter read as a verb of its own (邓子 / 跃 / 的), kept before 的 or an
        # acting post; a verb that often follows a name is not (李明 / 做 / 的, 王明 / 任 / 总裁)
        ("锋泰科技总裁邓子跃的说法引发关注。", ["邓子跃"]),
        ("由常务董事张家祝代理董事长职务。", ["张家祝"]),
        ("锋泰科技总裁李明做的决定获得认可。", ["李明"]),
        ("青禾集团董事王明任总裁。", ["王明"]),
        # a meeting verb after a name (會見 glued on as 林志會), then a company: neither is part of the other
        ("上海市市長林志會見青禾集團董事長王明一行。", ["林志", "王明"]),
        ("副市长林志会见锋泰科技总裁李强。", ["林志", "李强"]),
    ],
)
def test_people_after_titles_stop_at_the_clause(text, people):
    assert sorted(e.label for e in result_of(text).entities if e.type == "Person") == sorted(people)


def test_a_person_and_a_meeting_verb_are_no_part_of_the_company_after_them():
    companies = {
        e.label for e in result_of("市长林志会见青禾集团董事长王明一行。").entities if e.type == "Company"
    }
    assert companies == {"青禾集团"}


def test_a_party_to_a_deal_is_not_part_of_a_company_name():
    companies = {
        m.text
        for m in mentions_of("其中，收购方华胜旅业基金由天津华胜股权投资管理有限公司管理。")[2]
        if m.type == "Company"
    }
    assert "华胜旅业基金" in companies and not any(c.startswith("收购方") for c in companies)


def test_statistical_names_carry_no_surrounding_blanks():
    doc = document_from_text("场上位置:前锋  蒂鲍尔特,贝内泽特,塞杜")
    people = [e.label for e in extract(doc, config=BuildConfig(model="crf")).entities if e.type == "Person"]
    assert "蒂鲍尔特" in people and all(p == p.strip() for p in people)


def test_a_name_list_stops_where_an_organisation_and_its_title_begin():
    text = "左右家私董事长黄华坤、敏华控股董事局主席黄敏利、曲美家具董事长赵瑞海出席。"
    people = {e.label for e in result_of(text).entities if e.type == "Person"}
    assert {"黄华坤", "黄敏利", "赵瑞海"} <= people and "曲美" not in people


def test_a_heading_does_not_become_a_name():
    entities = result_of("公司简介比音勒芬服饰股份有限公司成立于2003年。").entities
    names = {(n, e.type) for e in entities for n in (e.label, *e.aliases)}
    # the registered name is found whole (and linked to the short name the knowledge base knows it by)
    assert ("比音勒芬服饰股份有限公司", "Company") in names and not any(
        n.startswith("公司") for n, _ in names
    )


def test_a_name_does_not_take_the_first_character_of_an_adverb():
    people = {
        e.label
        for e in result_of("原上海国盛有限公司总裁兼党委书记贺涛即将调任上海百联集团总裁。").entities
        if e.type == "Person"
    }
    assert people == {"贺涛"}
    assert {
        e.label
        for e in result_of("云帆机器人由前华为工程师吕志航于2023年在深圳创立。").entities
        if e.type == "Person"
    } == {"吕志航"}


@pytest.mark.parametrize(
    "text,expected,unwanted",
    [
        (
            "A轮融资的投资方为IDG、顺为、晨兴等，估值2.5亿美元。",
            {("顺为", "Company"), ("晨兴", "Company")},
            set(),
        ),
        ("B轮获来自IDG、高通、淡马锡、启明的9000万美元融资。", {("启明", "Company")}, set()),
        ("腾讯、阿里巴巴和多家银行都在做。", set(), {("多家银行", "Company")}),
        ("他们与百度、腾讯、合作伙伴等一起推进。", set(), {("合作伙伴", "Company")}),
        ("公司计划与腾讯、南山等地展开合作。", set(), {("南山", "Company")}),
        ("本轮由星河资本领投，禾川、锋泰基金跟投。", {("禾川", "Company")}, set()),
        ("他表示，禾川、锋泰基金都很重视。", set(), {("禾川", "Company")}),
    ],
)
def test_unknown_names_in_a_list_of_organisations(text, expected, unwanted):
    """An unrecognised name-like item of a list of known organisations is one (kg/recognize/siblings.py); a
    generic noun, a quantity or a list with one known organisation and no closing 等 is not; a list that ends in
    a part in a round (跟投, 联合领投) is closed as by 等."""
    got = found(text)
    assert expected <= got
    assert not unwanted & got


@pytest.mark.parametrize(
    "text,expected,unwanted",
    [
        (
            "采访、撰文:阿舟  编辑:木木Q 乙小姐\n\n正文第一段。",
            {("阿舟", "Person"), ("木木Q", "Person"), ("乙小姐", "Person")},
            {("阿舟", "MediaOrganization")},
        ),
        ("文|华商韬略 江舟\n\n正文第一段。", {("华商韬略", "MediaOrganization"), ("江舟", "Person")}, set()),
        ("北京时间2月25日消息，新浪今日发布了财报。", set(), {("北京时间", "MediaOrganization")}),
    ],
)
def test_pen_names_in_bylines(text, expected, unwanted):
    """A pen name after the outlet, a short name alone in an author field, an editor's name with Latin letters
    are people; a time zone opening a dateline is no outlet."""
    got = found(text)
    assert expected <= got
    assert not unwanted & got


def test_no_name_inside_a_common_term_or_a_funding_clause():
    """美国通用会计准则 holds no company (美国通用); 宣布新获…融资 and A、B轮共获得 introduce none."""
    got = found("按美国通用会计准则，新浪净营收为5.588亿美元。请吃饭宣布，A、B轮共获得了2048万美元投资。")
    assert ("美国通用", "Company") not in got
    assert not {k for k, _ in got if k.endswith("轮共") or k.startswith("宣布")}


@pytest.mark.parametrize(
    "text,expected,unwanted",
    [
        ("天天果园创始人兼CEO王伟表示，天天果园将扩张。", {("天天果园", "Company")}, set()),
        ("此前，锤子科技CEO罗永浩曾告诉记者，锤子科技将发布新品。", {("锤子科技", "Company")}, set()),
        ("凡客公关部负责人周小姐告诉记者。", set(), {("凡客公关部", "Company")}),
        ("2020年初，王建国接替李明华成为星澜视频总裁，打出新旗号。", {("星澜视频", "Company")}, set()),
        ("他于2019年担任公司总裁，李强随后升任集团总裁。", set(), {("公司", "Company"), ("集团", "Company")}),
        (
            "他表示，公司CEO张三将出席。今天，新任CEO王五上任。",
            set(),
            {("公司", "Company"), ("新任", "Company")},
        ),
    ],
)
def test_a_name_opening_a_clause_before_a_heads_title_is_an_organisation(text, expected, unwanted):
    """X创始人兼CEO王伟 / X CEO罗永浩 / 成为X总裁: the name before the title is an organisation; a department, a
    generic noun or an adjective is not."""
    got = found(text)
    assert expected <= got
    assert not unwanted & got


def test_streamers_nicknames_are_people_and_not_function_words():
    """快手带货顶流辛巴 / 抖音头部主播疯狂小杨哥: a streamer's nickname after a streamer word is a person; 主播们 is not."""
    got = found("快手带货顶流辛巴与抖音头部主播疯狂小杨哥也掀起了一场骂战。据悉，主播们在直播间卖货。")
    assert {("辛巴", "Person"), ("疯狂小杨哥", "Person")} <= got
    assert not {k for k, t in got if t == "Person" and k.startswith("们")}


def test_a_bracket_after_a_name_glosses_a_product_only_when_it_can():
    """快手小黄车（购物车） glosses a product; 小米超过百度(809亿美元) and …合伙企业(有限合伙) do not."""
    got = found(
        "用户可以通过快手小黄车（购物车）下单。小米超过百度(809亿美元)。真爱集团与广州探迹远擎科技合伙企业(有限合伙)签署协议。"
    )
    assert ("小黄车", "Product") in got
    assert ("广州探迹远擎科技合伙企业(有限合伙)", "Company") in got
    assert not {k for k, t in got if t == "Product" and k in ("超过百度", "合伙企业")}


def test_a_tagged_span_that_reads_as_a_clause_is_no_organisation():
    """The tagger sometimes runs a clause together (智元机器人在两年内 / 中国移动6月份运营): no such organisation."""
    got = found("智元机器人在两年内完成了多轮融资。中国移动6月份运营数据显示，用户继续增长。")
    assert not {k for k, t in got if t != "Person" and ("两年内" in k or "6月份" in k)}


@pytest.mark.parametrize(
    "text,expected,unwanted",
    [
        ("截至3月31日，哔哩哔哩“大会员”数量已达2010万。", {("大会员", "Product")}, set()),
        ("应用商店里多了一款叫“抖音商城”的APP。", {("抖音商城", "Product")}, set()),
        ("小红书宣布正式上线为买手打造的“买手橱窗”。", {("买手橱窗", "Product")}, set()),
        (
            "腾讯“连接一切”的理念深入人心。合鲸资本“资源性投资”的打法。",
            set(),
            {("连接一切", "Product"), ("资源性投资", "Product")},
        ),
        (
            "天猫“双11”项目团队表示，京东“618”也将开启。",
            set(),
            {("双11", "Product"), ("618", "Product")},
        ),
        ("他指出，未来将保留锋泰科技的「天天星河」等网站。", {("天天星河", "Product")}, set()),
        ("锋泰电器「铁腕女董」王芳近日卸任董事长。", set(), {("铁腕女董", "Product")}),
        ("门店中央摆着“星光Pro”“青禾2025”等车型。", {("星光Pro", "Product"), ("青禾2025", "Product")}, set()),
        ("今年“平价”车型卖得最好。", set(), {("平价", "Product")}),
        ("此举打破了锋泰科技「青禾低调」的标签。", set(), {("青禾低调", "Product")}),
        ("青禾光电昨日发布“星澜交棒”公告。", set(), {("星澜交棒", "Product")}),
        (
            "锋泰汽贸旗下多家门店停业，涉及星澜、远山等品牌。",
            {("星澜", "Product")},
            {("涉及星澜", "Product")},
        ),
        ("锋泰教育研制出适合乡村学生的平板电脑“禾书”。", {("禾书", "Product")}, set()),
    ],
)
def test_quoted_offerings(text, expected, unwanted):
    """A short quoted name (“…” or 「…」) after its owner, launched, or named (一款叫“X”的APP) is an offering; a
    slogan or an activity or a shopping festival in quotes is not, nor an epithet before a person's name."""
    got = found(text)
    assert expected <= got
    assert not unwanted & got


def test_a_suffix_the_segmenter_joined_to_a_verb_still_ends_a_name():
    # 锋泰|科技开发|的: the dictionary's 科技开发 holds the suffix of the name and the verb after it
    assert ("锋泰科技", "Company") in found("据介绍，青禾App是锋泰科技开发的一款社交软件。")
    # a university the knowledge base knows, named with a field's words; 中国传媒|大学毕业: its last word and 毕业
    assert ("电子科技大学", "Organization") in found("他毕业于电子科技大学，随后加入锋泰。")
    assert ("中国传媒大学", "Organization") in found("李娜中国传媒大学毕业后加入锋泰。")


def test_a_known_company_before_the_place_of_a_registered_name_begins_it():
    keys = {k for k, _ in found("一家名为腾讯澳门投资有限公司的机构进入了股东名单。")}
    assert "腾讯澳门投资有限公司" in keys and "澳门投资有限公司" not in keys


def test_an_organisation_suffix_used_as_a_verb_ends_no_name():
    """哈勃投资 is a fund; in 京东战略投资了达达集团 and 阿里巴巴对小红书投资5亿美元, 投资 is the verb."""
    got = found("京东战略投资了达达集团。阿里巴巴对小红书投资5亿美元。华为旗下哈勃投资入股了思瑞浦。")
    names = {k for k, _ in got}
    assert "京东战略投资" not in names and "小红书投资" not in names
    assert {"京东", "小红书", "哈勃投资"} <= names


def test_a_companys_short_name_that_is_a_common_word_before_a_suffix_is_a_name():
    """平安 is a common word and 中国平安's short name (knowledge base): 平安证券 is a company; a common word that
    names no company (安全) before the same suffix is none."""
    got = found("据悉，平安证券将扩大投行团队。据悉，安全证券的说法不准确。")
    assert ("平安证券", "Company") in got
    assert not any(name.startswith("安全") for name, _ in got)


def test_an_epithet_x_zhi_fu_marks_a_name_and_founds_nothing():
    """“青禾软件之父”王明 is an epithet: the name after it is a person's, and X is not what he founded."""
    result = result_of("据报道，青禾软件之父王明首次公开揭秘新功能。")
    assert "王明" in {e.label for e in result.entities if e.type == "Person"}
    assert not [r for r in result.relations if r.predicate == "founder"]


def test_an_outlet_in_book_title_marks():
    """《新闻晨报》 ends like a newspaper; 《壹览商业》采访了 is an outlet by what it does; 《三体》 is neither."""
    got = found("王明曾参与创办《新闻晨报》。近日，《壹览商业》采访了一位品牌创始人。他读了《三体》。")
    assert {("新闻晨报", "MediaOrganization"), ("壹览商业", "MediaOrganization")} <= got
    assert ("三体", "MediaOrganization") not in got


@pytest.mark.parametrize(
    "text,expected,unwanted",
    [
        # countries, world cities and regions are places; 中国 too, though it never starts a name by itself
        (
            "中国与瑞典、挪威签署协议，总部设在斯德哥尔摩。",
            {("中国", "Place"), ("瑞典", "Place"), ("挪威", "Place"), ("斯德哥尔摩", "Place")},
            set(),
        ),
        (
            "公司在东南亚和中东扩张，并进入拉美。",
            {("东南亚", "Place"), ("中东", "Place"), ("拉美", "Place")},
            set(),
        ),
        # 欧盟 is a body, not the continent; 我国 is no name
        (
            "欧盟宣布对我国电动车加征关税。",
            {("欧盟", "Organization")},
            {("欧洲", "Place"), ("中国", "Place")},
        ),
    ],
)
def test_places_of_the_world(text, expected, unwanted):
    got = found(text)
    assert expected <= got and not (got & unwanted), got


@pytest.mark.parametrize(
    "text,span,type_,prob,expected",
    [
        # the tagger, reading a club where the lexicon knows a city, names the body
        ("利物浦主场击败对手。", "利物浦", "Organization", 0.85, ("利物浦", "Organization")),
        # a name that grows to the left of a place (拜仁慕尼黑) or begins with one (中国电动汽车百人会)
        ("拜仁慕尼黑主场获胜。", "拜仁慕尼黑", "Organization", 0.85, ("拜仁慕尼黑", "Organization")),
        (
            "中国电动汽车百人会发布报告。",
            "中国电动汽车百人会",
            "Organization",
            0.85,
            ("中国电动汽车百人会", "Organization"),
        ),
        # too unsure: the place stands
        ("利物浦主场击败对手。", "利物浦", "Organization", 0.6, ("利物浦", "Place")),
    ],
)
def test_the_tagger_may_read_a_place_name_as_a_body(text, span, type_, prob, expected):
    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    start = doc.norm.index(span)
    tagged = [(start, start + len(span), type_, prob)]
    mentions = recognize(doc, seg.tokens(doc.norm), known=seg.known, tagged=tagged, min_confidence=0.8)
    assert expected in {(m.key, m.type) for m in mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "中美关系持续改善，日俄首脑举行会谈。",
            [("中", "中国"), ("美", "美国"), ("日", "日本"), ("俄", "俄罗斯")],
        ),
        ("该公司计划赴港上市，此前已在美上市。", [("港", "香港"), ("美", "美国")]),
        ("驻华大使表示，中方欢迎外资。", [("华", "中国"), ("中", "中国")]),
        # the first character of another word is no country: 华为, 日常, 美元, 其中, 中美洲
        ("美国对华为的制裁升级，在日常工作中，对美元汇率走低，其中美洲市场。", [("美国", "美国")]),
    ],
)
def test_countries_written_as_one_character(text, expected):
    doc, _, mentions = mentions_of(text)
    places = [(m.text, m.key) for m in mentions if m.type == "Place"]
    assert places == expected


def test_a_country_written_as_one_character_is_its_full_name_in_the_graph():
    res = result_of("中美关系持续改善。")
    labels = {e.label: e.aliases for e in res.entities if e.type == "Place"}
    assert labels == {"中国": (), "美国": ()}  # no one-character label or alias


def test_a_subsidiary_named_after_the_word_for_it_is_a_company():
    got = found("美的集团公告称，拟将控股子公司云岭光电分拆至深交所创业板上市。")
    assert ("云岭光电", "Company") in got and not any(k.startswith("云岭光电分") for k, _ in got)


def test_a_tagged_span_over_two_known_organisations_is_not_one_name():
    doc = document_from_text("阿里巴巴旗下子公司蚂蚁集团宣布。")
    seg = get_segmenter("rjieba")
    tagged = [(0, len("阿里巴巴旗下子公司蚂蚁集团"), "Company", 0.99)]
    mentions = recognize(doc, seg.tokens(doc.norm), known=seg.known, tagged=tagged, min_confidence=0.8)
    assert {m.key for m in mentions} == {"阿里巴巴", "蚂蚁集团"}


def test_a_latin_acronym_in_brackets_is_an_alias_of_the_chinese_name():
    res = result_of("药明康德(WXAT)发布2023年第三季度财报。WXAT股价上涨。")
    org = next(e for e in res.entities if "WXAT" in (e.label, *e.aliases))
    assert org.label == "药明康德" and "WXAT" in org.aliases


def test_a_branch_is_a_company_of_its_own_and_part_of_its_parent():
    res = result_of("招行广州分行行长表示，中国电信武汉分公司推出新套餐。")
    label = {e.id: e.label for e in res.entities}
    assert {"招行广州分行", "中国电信武汉分公司"} <= {e.label for e in res.entities if e.type == "Company"}
    parents = {
        (label[r.subject], label.get(r.object, r.object.removeprefix("org/")))
        for r in res.relations
        if r.predicate == "parentOrganization"
    }
    assert ("招行广州分行", "招商银行") in parents and ("中国电信武汉分公司", "中国电信") in parents


def test_an_honorific_or_since_ends_a_name_before_a_career_verb():
    assert {k for k, t in found("京东称，王明自加入京东十余年以来表现出色。") if t == "Person"} == {"王明"}
    people = {k for k, t in found("京东集团总裁王明先生出任京东集团CEO。") if t == "Person"}
    assert not people & {"明先生", "王明先生", "王明先"}


def test_a_registered_name_the_segmenter_split_at_a_conjunction_and_its_two_short_names():
    res = result_of(
        "青岛高新盛和发展有限公司(简称“青高盛和”)拟出资8,200万元，收购山东禾丰生物技术有限公司"
        "(简称“禾丰生物”或“标的公司”)55%股权。禾丰生物净利润不低于3,600万元。"
    )
    orgs = {e.label: set(e.aliases) for e in res.entities if e.type == "Company"}
    assert "高盛" not in orgs  # Goldman Sachs is not inside 青高盛和
    assert any("青岛高新盛和发展有限公司" in {label, *aliases} for label, aliases in orgs.items())
    target = next(f for f in res.figures if f.text == "不低于3,600万元")
    label = {e.id: e.label for e in res.entities}
    assert label[target.about] in ("禾丰生物", "山东禾丰生物技术有限公司")


def test_an_english_name_after_a_company_is_no_model_of_it():
    """字节跳动ByteDance: the company's English name; Google Research: a word of an English name; 讯飞输入法App: a
    product word — none of them a model of the company before it."""
    got = found("字节跳动ByteDance宣布组织调整。他此前在Google Research工作。讯飞输入法App月活过亿。")
    names = {k for k, _ in got}
    assert not {"字节跳动ByteDance", "讯飞输入法App"} & names
    assert ("Google Research", "Product") not in got
    assert ("Google Research", "Company") in got  # a Latin name with a word for an organisation


def test_a_rank_or_an_amount_is_no_part_of_a_name_and_a_latin_name_keeps_its_short_form():
    """美国第二大连锁集团QXT娱乐控股公司总计5亿美元: the rank and the kind describe the company, the amount follows
    it; the company is QXT娱乐控股公司, and QXT later in the article is the same company."""
    res = result_of(
        "远航集团宣布完成对美国第二大连锁集团QXT娱乐控股公司总计5亿美元的收购。QXT去年营收约3亿美元。"
    )
    names = {m.text: m.type for e in res.entities for m in e.mentions}
    assert names.get("QXT娱乐控股公司") == "Company"
    assert not [n for n in names if "第二大" in n or "亿美元" in n]
    qxt = next(e for e in res.entities if e.label == "QXT娱乐控股公司")
    assert "QXT" in qxt.aliases
    assert {f.text: f.about for f in res.figures}["约3亿美元"] == qxt.id
    assert "大连" not in names  # 第二大连锁: the rank's 大, no city


def test_a_quarter_or_a_payment_after_a_company_is_no_product_or_unit():
    """网易Q4营收 / 大众集团支付7亿美元: a reporting period and a verb before an amount, not 网易Q4 or a 支付 unit;
    京东支付推出新功能 still names the unit."""
    got = found("网易Q4营收增长，快手Q3亏损收窄。大众集团支付7亿美元服务费。京东支付推出新功能。")
    names = {k for k, _ in got}
    assert not {"网易Q4", "快手Q3", "大众集团支付"} & names
    assert ("京东支付", "BusinessUnit") in got


def test_a_listed_short_name_read_as_a_place_needs_a_cue_after_it():
    """新建 is a Taiwan-listed company's short name and a word the segmenter reads as a place: 投资新建 (build) is
    no company; a cue after it (新建公司) would be."""
    got = found("公司拟在宜昌投资新建年产20GWh储能电池基地。")
    assert not {k for k, t in got if k == "新建"}


def test_registered_names_with_a_seat_before_their_trade_and_no_copula_names():
    """青禾时代(深圳前海)信息技术有限公司: the seat may stand before the trade words; 选举李强为公司董事长 names no
    company 李强为公司, and 公司董事会之日起生效 none after 公司."""
    got = found(
        "位于科技园的青禾时代(深圳前海)信息技术有限公司发布公告。会议选举李强为公司第五届董事会董事长。"
        "该辞职申请自送达公司董事会之日起生效，其仍在公司担任顾问。"
    )
    assert ("青禾时代(深圳前海)信息技术有限公司", "Company") in got
    names = {k for k, _ in got}
    assert not {n for n in names if n.endswith("为公司") or n.startswith("董事会")}


def test_titled_works_after_a_kind_or_in_a_list_of_works_are_products():
    """卡牌游戏《风暴守望》 / 作品包括《星海远航》: products; 据《华尔街日报》报道 and 发布《2023年报告》 name none."""
    got = found(
        "网易旗下作品包括畅销海外的《星海远航》，以及卡牌游戏《Storm Watch》和动作游戏《晶石》。"
        "据《华尔街日报》报道，京东发布《2023年消费报告》。"
    )
    assert {("星海远航", "Product"), ("Storm Watch", "Product"), ("晶石", "Product")} <= got
    assert not {k for k, t in got if t == "Product" and k.endswith("报告")}


def test_an_unknown_first_item_of_a_list_of_known_companies_is_a_company():
    """参股的公司包括云途、美团、京东和拼多多: the list's first item is of the kind of the known ones after it."""
    got = found("至此，腾讯参股的公司包括云途、美团、京东和拼多多。")
    assert ("云途", "Company") in got


@pytest.mark.parametrize(
    "text, product",
    [
        ("荣耀推出了平板MagicPad 3。", "MagicPad 3"),  # a Latin name after a word for a device
        ("锋泰发布旗舰SUV ES9。", "ES9"),  # not "SUV ES9"
        ("百度发布青禾大模型。", "青禾大模型"),  # a name and the word for its kind
        ("网易旗下的远澜手游收入增长。", "远澜手游"),
        ("华为发布了Mate 80系列。", "Mate 80系列"),
        (
            "此外，Mate 80 Pro+将于下月上市。",
            "Mate 80 Pro+",
        ),  # a Latin model name with a number, wherever it stands
        ("HarmonyOS 6的装机量已超过8000万。", "HarmonyOS 6"),
        ("新模型已经超过了GPT-5。", "GPT-5"),
        ("P80系列的处理器与此前相同。", "P80系列"),
        ("锋泰发布了自研的澄湖大模型。", "澄湖大模型"),  # 自研的 before the name is not part of it
        ("锋泰旗下社交应用远澜App用户翻倍。", "远澜App"),  # a kind of application between 旗下 and the name
        ("锋泰汽车的锋泰S9车型交付量大增。", "锋泰S9"),  # one letter and a number before 车型 is a model
    ],
)
def test_a_product_named_with_the_word_for_its_kind_or_a_model_number(text, product):
    assert product in {m.text for m in mentions_of(text)[2] if m.type == "Product"}


@pytest.mark.parametrize(
    "text",
    [
        "公司一共发布了80多款手游。",
        "百度发布了基座大模型。",
        "腾讯推出自研操作系统。",
        "百度发布了新一代多模态大模型。",
        "锋泰发布了自研的多模态大模型。",
        "首款L3车型将于明年上市。",
    ],
)
def test_a_count_or_a_description_of_a_kind_names_no_product(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


def test_a_drugs_target_is_no_product():
    labels = {
        e.label for e in result_of("锋泰医药的PD-1抑制剂和HER2抗体进入临床，GLP-1药物销量大增。").entities
    }
    assert not labels & {"PD-1", "HER2", "GLP-1"}


@pytest.mark.parametrize("text", ["快手 CEO 王明一开始是犹豫的。", "CEO李强一直没有表态。"])
def test_an_adverb_after_a_name_is_not_part_of_it(text):
    people = {m.text for m in mentions_of(text)[2] if m.type == "Person"}
    assert people and all(len(p) == 2 for p in people)


@pytest.mark.parametrize(
    "text",
    [
        "公司公布了Q3 2024财报。",
        "该公司入选Top 10榜单。",
        "G20峰会在杭州举行。",
        "公司开展B2B业务。",
        "研发L4自动驾驶。",
    ],
)
def test_a_quarter_a_ranking_a_summit_or_a_level_is_no_model(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


def test_a_model_of_a_family_is_made_by_the_maker_of_the_family():
    rels = triples("华为发布了Mate 80系列。此外，Mate 80 Pro+将于下月上市。")
    assert ("Mate 80 Pro+", "productOf", "华为") in rels and ("Mate 80系列", "productOf", "华为") in rels
    # two makers of one family: no guess
    rels = triples("华为发布了Mate 80系列，小米推出了Mate 9系列。此外，Mate 80 Pro+将于下月上市。")
    assert not any(s == "Mate 80 Pro+" and p == "productOf" for s, p, _ in rels)


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text", ["小米智能手表将于下月上市。", "去年，珀莱雅补水面膜在抖音上走红。", "理想L9上市。"]
)
def test_a_brands_goods_are_its_product_and_the_brand_is_a_node_of_the_graph(text):
    res = result_of(text)
    ids = {e.id for e in res.entities}
    made = [(r.subject, r.object) for r in res.relations if r.predicate == "productOf"]
    assert made and all(s in ids and o in ids for s, o in made)


@pytest.mark.parametrize("text", ["小米推出手表。", "小米的手表卖得好。"])
def test_goods_after_a_verb_or_a_possessive_are_no_product_name(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, name",
    [
        ("新机配备华为灵犀电池，续航更长。", "华为灵犀电池"),
        ("农夫山泉东方树叶绿茶销量增长。", "农夫山泉东方树叶绿茶"),
        ("據悉，華為智慧眼鏡3將於下月開售。", "華為智慧眼鏡3"),
    ],
)
def test_a_brand_a_coined_name_and_a_word_for_goods_make_its_product(text, name):
    rels = triples(text)
    assert any(s == name and p == "productOf" for s, p, _ in rels)


@pytest.mark.parametrize("text", ["华为芯片供应受限。", "华为自研芯片进展顺利。", "苹果新款芯片性能提升。"])
def test_a_word_for_chips_after_a_brand_or_a_kind_is_no_product_name(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


@pytest.mark.parametrize(
    "text, name",
    [("副总经理陈永和认为，市场将回暖。", "陈永和"), ("星澜集团董事长李国和指出，公司将扩张。", "李国和")],
)
def test_a_conjunction_before_a_speech_verb_ends_the_name_it_follows(text, name):
    people = {m.text for m in mentions_of(text)[2] if m.type == "Person"}
    assert name in people


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, unit, parent",
    [
        ("比亚迪发布财报。比亚迪长沙工厂停产。", "比亚迪长沙工厂", "比亚迪"),
        ("长安汽车发布公告。长安汽车南京工厂投产。", "长安汽车南京工厂", "长安汽车"),
        ("宝马集团公布业绩。宝马集团中国总部迁至北京。", "宝马集团中国总部", "宝马"),
    ],
)
def test_a_known_company_a_place_and_a_site_word_make_its_unit(text, unit, parent):
    assert (unit, "parentOrganization", parent) in triples(text)


def test_a_site_that_is_a_building_is_no_unit():
    assert not [m for m in mentions_of("小米武汉总部大楼竣工。")[2] if m.type == "BusinessUnit"]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, child, parent",
    [
        ("宝马集团宣布，宝马集团（亚太）有限公司将迁址。", "宝马集团（亚太）有限公司", "宝马"),
        ("星巴克称，星巴克（中国）投资有限公司将增资。", "星巴克（中国）投资有限公司", "星巴克"),
    ],
)
def test_a_registered_name_with_a_region_in_brackets_is_the_companys_arm(text, child, parent):
    assert (child, "parentOrganization", parent) in triples(text)


def test_a_company_and_a_region_in_brackets_without_a_legal_form_is_its_arm():
    assert ("微软（中国）", "parentOrganization", "微软") in triples("微软宣布，微软（中国）将裁员。")


def test_a_registered_name_with_a_city_in_brackets_is_still_the_company():
    res = result_of("锋泰科技宣布，锋泰科技（宁波）有限公司成立。")
    assert len([e for e in res.entities if e.type == "Company"]) == 1


@pytest.mark.parametrize(
    "text, names",
    [
        ("青禾互娱先后推出《禾风1》及《禾风2》两部单机游戏。", {"禾风1", "禾风2"}),
        ("调查涉及《青禾街舞》等多档网络综艺。", {"青禾街舞"}),
        ("青禾互娱的首个作品是主机游戏——《禾风传》。", {"禾风传"}),
    ],
)
def test_titles_before_a_counted_kind_of_work_or_after_a_kind_and_a_dash_are_products(text, names):
    assert names <= {m.text for m in mentions_of(text)[2] if m.type == "Product"}


def test_a_titled_document_before_a_count_of_files_is_no_product():
    assert not [m for m in mentions_of("央视发布《2024年消费报告》等三份文件。")[2] if m.type == "Product"]


def test_a_conjunction_between_two_titled_names_still_joins_them():
    people = {
        m.text for m in mentions_of("青禾科技董事长王芳和总裁李强表示，公司将上市。")[2] if m.type == "Person"
    }
    assert {"王芳", "李强"} <= people


@pytest.mark.parametrize(
    "text, name",
    [
        ("该基金与 Silver Lake Management 同意收购。", "Silver Lake Management"),
        ("通过Max Smart Limited持股13.5%。", "Max Smart Limited"),
        ("法国初创公司Mistral AI完成融资。", "Mistral AI"),
    ],
)
def test_a_latin_name_with_a_word_for_a_company_is_one(text, name):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert name in orgs and not any(o.endswith("初创公司") for o in orgs)


@pytest.mark.parametrize("text", ["王明2016年加入字节，是公司的老员工。", "王明在字节内部负责多个项目。"])
def test_a_short_name_that_is_also_a_word_is_the_company_after_joining_or_inside(text):
    assert "字节" in {m.text for m in mentions_of(text)[2] if m.type == "Company"}


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("王明此后将指导青禾驱动科技的研发。", "青禾驱动科技", "指导青禾驱动科技"),
        ("中国银行青岛分行成为锋泰科技大学的合作银行。", "锋泰科技大学", "青岛分行成为锋泰科技大学"),
        ("他收购达该公司20%股权。", None, "达该公司"),
    ],
)
def test_a_verb_or_a_demonstrative_is_no_part_of_an_organisations_name(text, name, junk):
    orgs = {m.text for m in mentions_of(text)[2]}
    assert junk not in orgs and (name is None or name in orgs)


def test_a_name_that_is_also_a_word_after_a_lone_character_ends_a_name_of_its_own():
    # 头条 (a headline) names 今日头条 only in context; 趣头条 is another company
    found_names = {(m.text, m.type) for m in mentions_of("趣头条发布了第四季度财报，营收增长。")[2]}
    assert ("趣头条", "Company") in found_names and not any(t == "头条" for t, _ in found_names)


@pytest.mark.parametrize(
    "text, name",
    [
        ("百联咨询创始人王明告诉记者。", "百联咨询"),  # a trade word ends a company's short name
        ("腾讯入股了芯片新秀青禾半导体。", "青禾半导体"),  # a description before the name is no part of it
        ("锋泰光电发布公告。", "锋泰光电"),
    ],
)
def test_a_short_company_name_ending_in_a_word_of_trade(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Company"}


@pytest.mark.parametrize("text", ["红杉中国曾在2019年投资青禾科技。", "小米集团宣布战略投资青禾科技。"])
def test_a_name_right_after_a_verb_is_found_without_the_verb(text):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert "青禾科技" in orgs and not any(o.startswith("投资") for o in orgs)


@pytest.mark.parametrize(
    "text, junk",
    [
        ("已经启动对青禾电子投资。", "青禾电子投资"),  # 对 … 投资: the verb, not a firm's name
        ("锋泰以及王明个人投资的远澜资本已启动投资。", "王明个人投资"),
        ("青禾日记母公司锋泰电商发布第三季度财报。", "青禾日记母公司锋泰"),
    ],
)
def test_no_name_runs_into_a_verb_or_the_word_that_relates_two_names(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, arm",
    [("微软中国宣布调整业务。", "微软中国"), ("蔚来欧洲负责人王明表示将扩大投入。", "蔚来欧洲")],
)
def test_a_companys_arm_in_a_region_is_a_unit_of_it(text, arm):
    assert (arm, "BusinessUnit") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize("text", ["比亚迪欧洲市场销量增长。", "阿里巴巴美国上市。", "特斯拉中国工厂投产。"])
def test_a_region_after_a_company_that_is_the_region_itself_is_no_unit(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "BusinessUnit"]


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("公司旗下企业锋泰智造集团有限公司申请获批。", "锋泰智造集团有限公司", "申请获批"),
        ("锋泰控股集团有限公司发布公告。", "锋泰控股集团有限公司", None),
    ],
)
def test_a_registered_name_keeps_its_group_word_and_no_event_after_it_is_a_name(text, name, junk):
    found_names = {m.text for m in mentions_of(text)[2]}
    assert name in found_names and junk not in found_names


def test_a_name_that_is_also_a_word_before_a_kind_of_company_after_de_is_a_kind():
    assert not [m for m in mentions_of("青禾科技是一家成立于2015年的机器人公司。")[2] if m.text == "机器人"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("云途工场由王明创立于 2016 年 5 月，主要运营共享办公空间。", "云途工场"),
        ("锋泰智能12日晚公告，公司拟收购一家工厂。", "锋泰智能"),
        ("航远建设与腾讯签订合作协议。", "航远建设"),
    ],
)
def test_an_unknown_name_that_is_founded_files_a_notice_or_signs_with_a_known_partner_is_a_company(
    text, name
):
    assert (name, "Company") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, junk, name",
    [
        ("主要的出资方是电池供应商青禾科技集团。", "电池供应商青禾科技集团", "青禾科技集团"),
        ("本轮引入了美国投资公司黑石。", "美国投资公司", "黑石"),
        ("论坛嘉宾有绿澜资本合伙人张明。", "有绿澜资本", "绿澜资本"),
    ],
)
def test_what_describes_or_introduces_a_company_is_not_part_of_its_name(text, junk, name):
    found = {m.text for m in mentions_of(text)[2]}
    assert name in found and junk not in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("集团旗下的上海高捷联锋电气有限公司近日收购了一家工厂。", "上海高捷联锋电气有限公司"),
        ("院长暨星澜研发集团成员王明出席。", "星澜研发集团"),
    ],
)
def test_a_registered_name_begins_at_the_known_place_and_no_conjunction_begins_a_name(text, name):
    assert name in {m.text for m in mentions_of(text)[2]}


def test_a_plan_after_the_word_company_is_no_name():
    assert not [
        m
        for m in mentions_of("青禾控股：公司拟以12,345.67万元收购锋泰电器55%股权")[2]
        if m.text.startswith("拟")
    ]


def test_a_title_and_a_glossed_nickname_after_a_platform_is_a_person_not_a_product():
    found = {(m.text, m.type) for m in mentions_of("天猫总裁云舟（右二）与嘉宾合影。")[2]}
    assert ("云舟", "Person") in found and not any(t == "Product" for _, t in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("由王明与青协董事长李志刚见证。", "青协"),
        ("宣布加入华为的青澜前总裁王建国将担任副总裁。", "青澜"),
    ],
)
def test_a_name_before_a_head_after_a_conjunction_or_de_and_before_qian_is_an_organisation(text, name):
    assert (name, "Company") in {(m.text, m.type) for m in mentions_of(text)[2]}


def test_a_tagged_name_does_not_take_the_kind_of_organisation_before_it():
    found = {e.label for e in result_of("研究机构奥维睿沃首席分析师王明表示。").entities}
    assert "奥维睿沃" in found and "研究机构奥维睿沃" not in found


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text, name",
    [
        ("德国车企蓝鲸汽车集团宣布在华投资。", "蓝鲸汽车集团"),
        ("瑞士手表品牌Lavora公布了扩张计划。", "Lavora"),
    ],
)
def test_a_tagged_name_does_not_take_the_place_and_trade_before_it(text, name):
    found = {e.label for e in result_of(text).entities}
    assert name in found and not any(f.endswith(name) and f != name for f in found)


def test_a_term_of_office_before_a_title_is_no_name_and_the_promoted_person_is_found():
    found = {(m.text, m.type) for m in mentions_of("决定提拔王建国为新一任总裁。")[2]}
    assert ("王建国", "Person") in found and not any(t != "Person" for _, t in found)


def test_who_data_comes_from_does_not_take_the_verb_and_a_third_party_is_nobody():
    assert not [m for m in mentions_of("来自第三方的数据表明，份额仍在下降。")[2] if "第三方" in m.text]


@pytest.mark.parametrize(
    "text, name",
    [
        ("广东农行近日与中山大学开展全面合作。", "广东农行"),
        ("小米与广汽集团的全资子公司广汽星途新能源汽车有限公司联合开发新车。", "广汽星途新能源汽车有限公司"),
        ("青禾公司旗下锋泰科技、远澜出行分别与宁德时代签订协议。", "锋泰科技"),
    ],
)
def test_a_branch_a_registered_name_after_a_brand_and_a_name_after_qixia_are_whole(text, name):
    assert name in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, junk",
    [
        ("快手此前对少数主播依赖过高。", "依赖过高"),
        ("旗下主播群体被外界称为家族。", "群体"),
        ("青禾的几位达人稳定发挥了实力。", "稳定发挥"),
        ("青禾直播平台的主播人数超八成来自县城。", "人数超八成"),
        ("靠两位主播圈粉众多的青禾饮料。", "圈粉众多"),
    ],
)
def test_what_follows_a_streamer_word_is_no_name_when_it_is_a_verb_or_a_group(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


def test_well_known_beauty_brands_are_companies_not_people():
    found = {(m.text, m.type) for m in mentions_of("榜单前三名由雅诗兰黛、兰蔻和欧莱雅占据。")[2]}
    assert {("雅诗兰黛", "Company"), ("兰蔻", "Company"), ("欧莱雅", "Company")} <= found


@pytest.mark.parametrize(
    "text, firm",
    [("青禾资本投资总监王建国表示看好。", "青禾资本"), ("李娜现任红杉中国投资经理。", "红杉中国")],
)
def test_a_title_whose_domain_is_a_suffix_is_no_part_of_the_firm_before_it(text, firm):
    names = {m.text for m in mentions_of(text)[2]}
    assert firm in names and firm + "投资" not in names


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("锋泰资本以3亿元买入*ST青禾大股东的股份。", "青禾", "青禾大"),
        ("远澜基金重仓ST锋泰，股价随后下跌。", "锋泰", "ST锋泰"),
        ("本周ST板块整体走弱。", None, "板块"),
    ],
)
def test_a_risk_flagged_stock_name_is_the_company_without_its_flag(text, name, junk):
    found = {(m.text, m.type) for m in mentions_of(text)[2]}
    assert name is None or (name, "Company") in found
    assert not any(junk in t for t, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "这是一家金融科技公司。",
        "多家证券公司下调了评级。",
        "新能源汽车企业纷纷降价。",
        "两家公司宣布合资成立创投基金。",
    ],
)
def test_a_field_and_a_suffix_is_a_kind_of_company_not_a_name(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Company", "Organization")]


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("储备库上月已交由中国石化青禾储运公司管理。", "中国石化青禾储运公司", "交由"),
        ("公司控股子公司锋泰青禾储能有限公司拟投资扩产。", "锋泰青禾储能有限公司", None),
        ("青禾集团拟挂牌转让锋泰新材股份有限公司8%股权。", "锋泰新材股份有限公司", "转让"),
        ("前远澜汽车CTO王建国已加入青禾科技。", "远澜汽车", "前远澜"),
        ("关于永丰科技所设立的项目，各方看法不一。", "永丰科技", None),
        ("扩产计划已定。但锋泰科技表示反对。", "锋泰科技", "但锋泰"),
        ("王明赞成，而锋泰科技CEO李强表示反对。", "锋泰科技", "而锋泰"),
        ("毕业后，王明入职锋泰研究院AI实验室。", "锋泰研究院", "职锋泰"),
    ],
)
def test_a_name_before_a_suffix_starts_where_the_clause_ends(text, name, junk):
    found = {m.text for m in mentions_of(text)[2]}
    assert name in found
    assert junk is None or not any(junk in t for t in found)


def test_shi_inside_a_word_opens_no_offering():
    assert not [
        m for m in mentions_of("也就是说青禾集团原来旗下的两家公司只保留一家。")[2] if m.text == "也就"
    ]


def test_a_name_whose_last_character_the_segmenter_glued_to_zai_is_found_after_a_title():
    found = {(m.text, m.type) for m in mentions_of("青禾集团掌门人何家健在昨天的董事会上宣布辞任。")[2]}
    assert ("何家健", "Person") in found


def test_a_verb_before_a_registered_name_with_a_bracketed_seat_is_not_part_of_it():
    found = {m.text for m in mentions_of("锋泰基金于上个月投资青禾微电子（上海）股份有限公司。")[2]}
    assert "青禾微电子（上海）股份有限公司" in found and not any(t.startswith("投资") for t in found)


def test_a_clause_about_two_organisations_is_no_name():
    assert not [m for m in mentions_of("锋泰资本曾为青禾科技等公司提供融资服务。")[2] if "曾为" in m.text]


def test_a_fund_investing_in_a_company_is_two_names_but_a_registered_name_stays_whole():
    found = {m.text for m in mentions_of("星澜基金投资青禾科技1亿元。")[2]}
    assert {"星澜基金", "青禾科技"} <= found and "星澜基金投资青禾科技" not in found
    assert "远澜资本投资控股集团" in {m.text for m in mentions_of("远澜资本投资控股集团于今年注册。")[2]}


def test_this_company_ends_no_name_but_the_ben_of_a_word_does_not_stop_one():
    found = {m.text for m in mentions_of("出资方包括小米、锋泰资本集团。李娜女士为本公司董事长。")[2]}
    assert "锋泰资本集团" in found and not any(t.endswith("本公司") for t in found)


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("本轮领投方锋泰资本李娜表示，市场空间巨大。", "锋泰资本", "方锋泰资本"),
        ("推荐王建国为海尔智家股份有限公司的总经理人选。", "海尔智家股份有限公司", "王建国为"),
        ("推荐李明同志为海尔智家股份有限公司的监事人选。", "海尔智家股份有限公司", "同志"),
        ("2017年获得鼎晖投资、星澜资本等机构的B轮融资。", "鼎晖投资", None),
    ],
)
def test_a_party_word_a_person_or_a_receiving_verb_before_a_firm_is_not_part_of_it(text, name, junk):
    found = {m.text for m in mentions_of(text)[2]}
    assert name in found and (junk is None or not any(junk in t for t in found))


@pytest.mark.parametrize(
    "text, name",
    [
        ("青禾科技发布了新款扫地机器人“星尘”。", "星尘"),
        ("锋泰集团推出子品牌“星澜”，主打年轻市场。", "星澜"),
        # launched before (此前推出的“X”), developed (开发的“X”), under its owner after its kind (旗下AI助手“X”)
        ("青禾科技此前推出的“星河”App用户已过亿。", "星河"),
        ("这款由青禾实验室开发的“星河”大模型已接入多个应用。", "星河"),
        ("青禾科技旗下AI助手“星河”月活突破1亿。", "星河"),
        ("青禾科技自研的星河芯片已量产。", "星河芯片"),
    ],
)
def test_a_quoted_name_after_a_launch_and_a_kind_of_product_is_a_product(text, name):
    assert (name, "Product") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, names, junk",
    [
        ("本轮融资由远望资本领投，晨跑基金和丙丁资本跟投。", {"远望资本", "晨跑基金", "丙丁资本"}, None),
        ("本轮融资由社会资本领投。", set(), "社会资本"),
        ("本轮融资由海川亚洲管理基金领投。", set(), "管理基金"),
        # any name in the list before its part, suffix or not, after 由 or a clause's start
        (
            "本轮融资由星岚环球管理基金领投，澄远、韩国QTB跟投。",
            {"星岚环球管理基金", "澄远", "韩国QTB"},
            None,
        ),
        ("本轮融资由澄远创投领投，老股东追加跟投。", {"澄远创投"}, "老股东"),
        ("本轮融资由产业基金领投，员工持股平台跟投。", set(), "产业基金"),
        # a verb before 投资 names no fund (参与投资 / 联合投资), and 由 glued to a short name is no part of it
        ("青禾科技完成A轮融资，星河资本、远望资本等机构参与投资。", {"星河资本", "远望资本"}, "参与投资"),
        ("青禾科技完成A轮融资，星河资本等机构联合投资。", {"星河资本"}, "联合投资"),
        ("青禾科技完成A轮融资，由深创投独家投资。", {"深创投"}, "由深创投"),
        ("青禾科技完成B轮融资，红杉中国5亿元领投。", {"红杉中国"}, "红杉中国5亿元"),
    ],
)
def test_a_fund_named_with_common_words_is_a_name_where_a_round_gives_it_a_role(text, names, junk):
    found = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert names <= found
    assert junk is None or junk not in found


@pytest.mark.parametrize(
    "text, names",
    [
        ("青禾电子(300999)与锋泰股份（600888.SH）签署合作协议。", {"青禾电子", "锋泰股份"}),
        ("远澜(00981.HK)股价下跌3%，澄湖（6239）持平。", {"远澜", "澄湖"}),
        ("该行业报告(2023)显示，市场规模继续扩大。", set()),
    ],
)
def test_a_name_before_a_stock_code_in_brackets_is_a_listed_company(text, names):
    found = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert found == names


@pytest.mark.parametrize(
    "text, products, absent",
    [
        (
            "其主要产品为米家空气净化器、米家电动牙刷，及自主品牌石头智能台灯和小瓦智能台灯。",
            {"米家空气净化器", "米家电动牙刷", "石头智能台灯", "小瓦智能台灯"},
            set(),
        ),
        ("公司核心产品有数据线、充电器、移动电源等。", set(), {"数据线", "充电器"}),
        ("锋泰电器近年来大力推进旗下澄湖冰箱、星澜小家电等品牌。", {"澄湖冰箱", "星澜小家电"}, set()),
        ("青禾互娱旗下包括锋泰传奇、星澜物语等多款游戏。", {"锋泰传奇", "星澜物语"}, {"包括锋泰传奇"}),
        ("锋泰科技的业务包括新能源、半导体等产品。", set(), {"新能源", "半导体"}),
    ],
)
def test_a_list_of_products_gives_the_named_ones_not_kinds_of_goods(text, products, absent):
    found = {m.text for m in mentions_of(text)[2] if m.type == "Product"}
    assert products <= found
    assert not found & absent


def test_the_items_of_a_list_of_partners_are_organisations_whatever_their_words():
    found = {
        m.text
        for m in mentions_of("青禾科技的合作伙伴包括了锋泰股份、远澜电子,澄湖智能等。")[2]
        if m.type == "Company"
    }
    assert {"锋泰股份", "远澜电子", "澄湖智能"} <= found


@pytest.mark.parametrize(
    "text, junk, name",
    [
        ("这三大子集团的三位CEO全部换人了。", {"三大子集团", "全部"}, None),
        ("锋泰将现有的八大事业群合并为5大事业群。", {"5大事业群", "八大事业群"}, None),
        ("锋泰电子共设七个董事席位。", {"席位"}, None),
        ("原零售CEO徐磊升为锋泰集团总裁。", {"徐磊升"}, "徐磊"),
        ("王建国曾任锋泰出行事业群总经理。", {"曾任锋泰出行事业群"}, None),
        ("锋泰建立事业部制度。", {"锋泰建立事业部"}, None),
        ("相关团队将划入各业务事业部。", {"各业务事业部"}, None),
        ("2018年3月，青禾医疗正式落户锋泰生物医药科技产业园。", {"青禾医疗正式落户锋泰生物医药科技"}, None),
        ("就如资深行业咨询顾问王明在文章中写道。", {"资深行业咨询"}, "王明"),
        ("但据咨询公司Qmark估计，销售额增长。", {"但据咨询"}, None),
        ("据锋泰咨询统计，销量增长。", {"据锋泰咨询"}, "锋泰咨询"),
        ("上市公司实控人、控股股东等参与定增。", {"实控人", "上市公司实控人"}, None),
        ("他成为仅次于锋泰电源创始人王明的企业家。", {"仅次于锋泰电源"}, "锋泰电源"),
        ("锋泰王建发内部信：李强将退出公司日常管理事务。", {"王建发"}, None),
        ("截至4月底，锋泰区累计引进外资企业区域总部68家。", {"区域总部68家"}, None),
        ("去年，40家企业获得融资。", {"40家企业"}, None),
        ("此外，锋泰新能源项目总负责人王建国、青禾科技副总裁李娜等出任董事。", {"总负责人王建国"}, "王建国"),
    ],
)
def test_counts_words_and_verbs_next_to_titles_make_no_names(text, junk, name):
    found = {m.text for m in mentions_of(text)[2]}
    assert not found & junk
    assert name is None or name in found


def test_a_counted_list_of_apps_names_each_app():
    found = {
        m.text
        for m in mentions_of("这三款App分别为青禾、云杉短剧、多乐和锋泰音乐。")[2]
        if m.type == "Product"
    }
    assert {"云杉短剧", "多乐"} <= found


@pytest.mark.parametrize(
    "text, name, junk",
    [
        ("华为前研发负责人王明创办的正泓创新，距离总部不远。", "正泓创新", None),
        (
            "前华为工程师李强创办的智能乐器品牌QingheLive已获两轮融资。",
            "QingheLive",
            "智能乐器品牌QingheLive",
        ),
        ("马化腾、张志东共同创立的腾讯发布财报。", None, "腾讯发布财报"),
    ],
)
def test_what_a_person_founded_is_an_organisation(text, name, junk):
    found = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert name is None or name in found
    assert junk is None or junk not in found


def test_a_time_after_a_founding_verb_is_no_organisation():
    assert not [m for m in mentions_of("在王明创办的第二年，锋泰推出首款游戏。")[2] if m.text == "第二年"]


@pytest.mark.parametrize(
    "text, junk",
    [
        ("另一只基金的总额达人民币8亿元。", "民币8亿元"),
        ("知情人士称，王建国也是锋泰集团F事业群副总经理。", "是锋泰集团"),
        ("子公司锋泰创投于2月26日处分青禾光电普通股8695万股。", "处分青禾光电"),
    ],
)
def test_verbs_and_copulas_glued_by_the_segmenter_begin_no_name(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, name, key",
    [("王芳曾就职于国际商业机器(IBM)。", "国际商业机器", "IBM")],
)
def test_a_chinese_name_before_a_known_latin_one_in_brackets_is_the_same_organisation(text, name, key):
    found = {m.text: m.key for m in mentions_of(text)[2]}
    assert name in found and found[name] == found.get(key, key)


def test_former_glued_to_a_body_is_no_part_of_its_name():
    found = {m.text for m in mentions_of("董事会已委任前锋泰区民政事务局局长王建国为独立董事。")[2]}
    assert "前锋泰区民政事务局" not in found


def test_a_function_before_a_title_is_no_part_of_the_organisation():
    res = result_of("对于售价，Qinghe行销副总王建国表示，仍在规划。")  # the tagger took 行销 into the name
    assert "王建国" in {e.label for e in res.entities}
    assert "Qinghe行销" not in {e.label for e in res.entities}


def test_an_unknown_name_in_a_list_of_people_is_a_person():
    found = {m.text: m.type for m in mentions_of("青禾科技的联合创始人分别是CEO王芳、CTO李明和赵强。")[2]}
    assert found.get("赵强") == "Person"


def test_a_short_span_the_tagger_calls_a_body_needs_a_bodys_ending():
    res = result_of("青禾科技的创始人一共有五个人，分别是雷振华、林晓斌、黎万军、周光明和黄吉祥。")
    types = {e.label: e.type for e in res.entities}
    assert types.get("雷振华") == "Person"


def test_a_profile_that_opens_with_a_birth_year_names_a_person():
    found = {m.text: m.type for m in mentions_of("王建国，1968年生于福建厦门，1993年创立青禾集团。")[2]}
    assert found.get("王建国") == "Person"


def test_a_programme_word_inside_a_longer_word_ends_no_programme():
    assert not [
        m for m in mentions_of("青禾科技宣布委任工程师王建国为首席营运官。")[2] if m.type == "Programme"
    ]


def test_a_committee_of_the_board_is_no_organisation_of_its_own():
    res = result_of("王芳出任执行董事、总裁、董事会科技创新委员会成员，即日起生效。")
    assert not [e for e in res.entities if e.label.endswith("委员会")]


@pytest.mark.parametrize(
    "text, name, kind, absent",
    [
        # common words before a legal form make a registered name
        ("星途是合众电池材料有限公司旗下的品牌。", "合众电池材料有限公司", "Company", None),
        # a gloss that gives a short name is no part of it
        ("合众电池材料有限公司（下称合众公司）于2014年创办。", "合众公司", "Company", "下称合众公司"),
        # a capitalised word and one capital letter after a maker: a model
        ("2021年开年，比亚迪Model Q降价。", "比亚迪Model Q", "Product", "比亚迪Model"),
        # a maker's name before its round, where the segmenter glued 商 to it
        ("芯片研发商澄芯微完成由星澜资本领投的A轮融资。", "澄芯微", "Company", None),
        # the items of a list of brands an organisation owns
        ("锋泰集团旗下拥有星澜卡车、远澜客车等品牌。", "远澜客车", "Product", None),
    ],
)
def test_names_real_pages_write(text, name, kind, absent):
    found = {(m.text, m.type) for m in mentions_of(text)[2]}
    assert (name, kind) in found
    assert absent is None or absent not in {t for t, _ in found}


def _entities(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.label: (e.type, e.aliases) for e in extract(document_from_text(text)).entities}


def test_a_knowledge_base_name_with_its_group_word_is_named_in_full():
    entities = _entities("云从科技集团发布公告。")
    assert entities["云从科技"] == ("Company", ("云从科技集团",))


def test_the_second_title_of_a_chain_opens_no_name_before_it():
    labels = set(_entities("王五出任星澜首席执行官兼总裁。"))
    assert not any(label.endswith("兼") or "首席" in label for label in labels), labels


def test_a_conjunction_glued_to_a_tagged_name_is_cut_off():
    text = "锋泰集团发布公告，由沈一鸣出任公司董事长及林舟出任公司总裁。"
    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    start = text.index("及林舟")
    # the tagger's span takes the conjunction in (及林舟): the mention kg keeps does not
    tagged = [(start, start + 3, "Person", 0.99)]
    found = recognize(doc, seg.tokens(doc.norm), known=seg.known, tagged=tagged, source="nn")
    assert {m.text for m in found if m.type == "Person"} >= {"林舟"}
    assert "及林舟" not in {m.text for m in found}


@pytest.mark.parametrize(
    "text,name", [("美丽说成立于1909年。", "美丽说"), ("易名网（eName）创立于1911年5月。", "易名网")]
)
def test_a_short_name_opening_a_sentence_before_its_founding_is_a_company(text, name):
    assert _entities(text)[name][0] == "Company"


@pytest.mark.parametrize("text", ["据说成立于1909年。", "锋泰集团建企于1958年，是一家大型企业。"])
def test_words_before_a_founding_are_no_name(text):
    labels = {label for label, (type_, _) in _entities(text).items() if type_ != "Date"}
    assert "据说" not in labels and not any("1958" in label for label in labels), labels


def test_exchanges_and_regulators_are_markets_whatever_the_knowledge_base_flags():
    from kg.kb import is_market

    assert all(
        is_market(n)
        for n in (
            "港交所",
            "上交所",
            "证监会",
            "纳斯达克",
            "大连商品交易所",
            "紐約證交所",
            "香港联交所",
            "伦交所",
        )
    )
    assert not is_market("锋泰集团")


def test_a_funds_phase_is_part_of_its_name():
    assert "锋泰集成电路产业投资基金二期" in _entities("锋泰集成电路产业投资基金二期领投，星澜资本跟投。")
    assert "星澜产业基金二期项目" not in _entities("星澜产业基金二期项目已经启动。")


def test_a_name_after_a_holders_word_is_a_person_and_a_company_there_stays_one():
    people = {
        label
        for label, (type_, _) in _entities("远澜科技实际控制人沈一鸣、林舟合计持股四成。").items()
        if type_ == "Person"
    }
    assert people == {"沈一鸣", "林舟"}
    assert _entities("远澜科技的控股股东为锋泰集团。")["锋泰集团"][0] == "Company"


def test_one_common_noun_the_tagger_takes_for_a_company_is_none_unless_listed():
    assert "百货" not in _entities("主营为百货零售业务的青禾股份发布公告。")


def test_names_listed_before_several_platform_rooms_are_streamers():
    found = {
        m.text: m.type for m in mentions_of("林舟、香菇来了、星澜宝贝等多个抖音直播间的销售额都比去年高。")[2]
    }
    assert {"林舟": "Person", "香菇来了": "Person", "星澜宝贝": "Person"}.items() <= found.items()


@pytest.mark.parametrize(
    "text, name",
    [
        ("互联网保险平台“星澜互助”完成C轮1.5亿美元融资。", "星澜互助"),
        ("肿瘤药物研发商「锋泰生物」获得B轮融资。", "锋泰生物"),
    ],
)
def test_a_quoted_name_that_completes_a_round_is_a_company(text, name):
    assert {m.text: m.type for m in mentions_of(text)[2]}.get(name) == "Company"


def test_a_kind_word_that_ends_a_name_before_a_conjunction_describes_no_other_name():
    found = {m.text for m in mentions_of("本轮融资由星澜资本、锋泰科创投公司及澄湖资本共同参与。")[2]}
    assert "澄湖资本" in found and "及澄湖资本" not in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("日商远川化学株式会社以1亿美元受让取得青禾光电有限公司股份。", "远川化学株式会社"),
        ("英商星澜投资有限公司认购锋泰股份有限公司增资股份。", "星澜投资有限公司"),
    ],
)
def test_a_foreign_companys_nationality_is_not_part_of_its_name(text, name):
    found = {m.text for m in mentions_of(text)[2]}
    assert name in found and not any(f.endswith(name) and f != name for f in found)


@pytest.mark.parametrize(
    "text, place",
    [
        ("锋泰集团的总部设在瑞典哥德堡。", "瑞典哥德堡"),
        ("锋泰集团总部设在台北。", "台北"),
        ("锋泰集团落户松山湖。", "松山湖"),
    ],
)
def test_seats_business_news_names_are_places(text, place):
    assert {m.text: m.type for m in mentions_of(text)[2]}.get(place) == "Place"


def test_a_dictionary_word_that_glues_a_name_to_the_noun_after_it_is_split():
    assert "集团股份" not in get_segmenter("rjieba").words("腾讯减持微盟集团股份。")
    assert ("腾讯", "investsIn", "微盟") in triples("腾讯减持微盟集团股份。")


def test_a_model_number_with_a_leading_zero_after_a_maker_is_a_product():
    found = {m.text: m.type for m in mentions_of("据悉，极氪001和极氪009搭载的芯片来自国外。")[2]}
    assert found.get("极氪001") == "Product" and found.get("极氪009") == "Product"
    assert "小米2023" not in {m.text for m in mentions_of("小米2023年营收增长。")[2]}


@pytest.mark.parametrize(
    "text, name",
    [
        ("青禾饮品推出饮用天然水“山泉小蓝”，首批供应华东。", "山泉小蓝"),
        ("远川茶铺本月上新口味“桂花乌龙奶茶”。", "桂花乌龙奶茶"),
        ("星澜汽车推出了瑶川C-DM两款新车。", "瑶川C-DM"),
        ("锋泰科技发布了新一代芯片凌云X2。", "凌云X2"),
        ("锋泰科技的主打产品青禾笔记用户超过千万。", "青禾笔记"),
    ],
)
def test_launched_and_flagship_products_are_named(text, name):
    assert {m.text: m.type for m in mentions_of(text)[2]}.get(name) == "Product"


@pytest.mark.parametrize(
    "text, junk",
    [
        ("锋泰科技的主打产品手机卖得好。", "手机卖得好"),
        ("锋泰科技的核心产品是什么？", "什么"),
        ("锋泰科技发布了手机新品X50。", "新品X50"),
    ],
)
def test_no_product_is_made_of_a_clause_or_a_kind(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("青禾电子推出了禾光、禾影和禾声三款产品。", {"禾光", "禾影", "禾声"}),
        ("锋泰汽车今年推出星途和揽月两款新车。", {"星途", "揽月"}),
        ("锋泰科技推出了青禾一号、青禾二号两款芯片。", {"青禾一号", "青禾二号"}),
        ("青禾科技近日上线了一款名为“禾记”的笔记应用。", {"禾记"}),
        ("青禾互娱发行的《远古传说》流水突破10亿元。", {"远古传说"}),
    ],
)
def test_the_items_of_a_list_its_count_closes_are_products(text, names):
    found = {m.text for m in mentions_of(text)[2] if m.type == "Product"}
    assert names <= found


@pytest.mark.parametrize(
    "text",
    [
        "锋泰科技推出了手机和平板两款产品。",
        "锋泰科技推出了智能手表和无线耳机两款新品。",
        "锋泰科技发布了旗舰和入门两款手机。",
        "锋泰科技推出了禾光和禾影三款产品。",
        "锋泰与青禾这两个手机厂商份额领先。",
        "锋泰科技开发的《关于数据安全的白皮书》引发关注。",
    ],
)
def test_kinds_or_a_list_its_count_does_not_fit_name_no_product(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


def test_a_latin_name_before_a_kind_of_company_is_no_product():
    assert ("Nova", "Product") not in {
        (m.text, m.type) for m in mentions_of("锋泰科技投资了一家名为Nova的芯片公司。")[2]
    }


def test_a_count_of_the_lists_kind_closes_a_list_of_products():
    found = {m.text: m.type for m in mentions_of("星澜汽车推出了瑶川C-DM和揽星REEV两款新车。")[2]}
    assert found.get("揽星REEV") == "Product"
    found = {m.text: m.type for m in mentions_of("锋泰汽车旗下有星途、捷途、远川PLUS三大品牌。")[2]}
    assert found.get("远川PLUS") == "Product"


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "unit", "company", "head"),
    [
        ("微软大中华区首席执行官林舟宣布了三年计划。", "微软大中华区", "微软", "林舟"),
        ("苹果公司大中華區總裁林海出席了活動。", "苹果公司大中華區", "苹果公司", "林海"),
    ],
)
def test_a_company_region_is_a_unit_its_head_leads(text, unit, company, head):
    found = triples(text)
    assert (unit, "parentOrganization", company) in found
    assert (head, "leads", unit) in found
    assert (head, "leads", company) not in found


def test_a_launch_verb_particle_opens_no_programme():
    _, _, found = mentions_of("青禾科技宣布了新计划，将投入5亿元。")
    assert not any(m.type == "Programme" for m in found)
    _, _, found = mentions_of("青禾科技启动了雷霆计划。")
    assert any(m.text == "雷霆计划" and m.type == "Programme" for m in found)


def test_a_verb_the_segmenter_glued_to_a_name_named_alone_elsewhere_is_not_part_of_it():
    _, _, found = mentions_of("青禾集团持有云帆科技股份5000万股，占云帆科技总股本的6%。")
    names = {m.text for m in found}
    assert "云帆科技" in names and "占云帆科技" not in names


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("美团酒店的订单增长了30%。", "美团酒店", "BusinessUnit"),
        ("抖音生活服务负责人林海表示。", "抖音生活服务", "BusinessUnit"),
        ("百度无人车已在武汉上路。", "百度无人车", "Product"),
        ("小米手表销量增长。", "小米手表", "Product"),
    ],
)
def test_a_known_name_and_a_division_or_product_word_name_a_part_of_it(text, name, type_):
    assert (name, type_) in {(m.text, m.type) for m in mentions_of(text)[2]}


def test_a_ministry_the_segmenter_reads_across_a_company_name_and_a_word_is_not_named():
    # 青禾科技|部分: the segmenter's 科技部 takes 部 of 部分
    _, _, found = mentions_of("星河集团计划以自有资金3.4亿元收购青禾科技部分股权。")
    names = {m.text for m in found}
    assert "科技部" not in names and "青禾科技" in names
    assert "科技部" in {m.text for m in mentions_of("科技部发布通知。")[2]}


@pytest.mark.parametrize("text", ["阿里巴巴B2B业务调整。", "拼多多C2M模式扩大。"])
def test_a_business_model_after_a_company_is_no_model_of_a_product(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Product"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("青禾科技宣称其工艺业内领先、全国首创，并启动“双碳计划。", "业内领先、全国首创"),
        ("锋泰控股目前旗下已拥有青禾汽车、云帆汽车两大品牌。", "已拥有青禾汽车"),
    ],
)
def test_a_phrase_is_no_product_a_pattern_names(text, phrase):
    assert phrase not in {m.text for m in mentions_of(text)[2]}


def test_a_name_found_elsewhere_is_not_taken_out_of_a_longer_name_before_a_suffix():
    from kg.recognize import _propagate
    from kg.recognize.context import Context
    from kg.recognize.lexicon import load_lexicon

    doc, tokens, _ = mentions_of("青岚宣布了新计划。星河集团旗下拥有青岚汽车、青岚等品牌。")
    ctx = Context(doc, tokens, load_lexicon(), get_segmenter("rjieba").known)
    found = [ctx.mention(0, 2, "Company", "kb", 0.9)]
    spread = {(m.start, m.end) for m in _propagate(ctx, found)}
    assert (17, 19) not in spread  # 青岚|汽车: a longer name
    assert (22, 24) in spread  # 青岚 on its own


@pytest.mark.parametrize(
    ("text", "names", "junk"),
    [
        (
            "日前，星河控股旗下的台湾锋泰精密股份有限公司收购云帆光学股份有限公司。",
            {"台湾锋泰精密股份有限公司", "云帆光学股份有限公司"},
            "台湾锋泰精密股份有限公司收购云帆光学股份有限公司",
        ),
        ("历史上，青禾汽车公司曾是锋泰集团旗下的子公司。", {"青禾汽车公司", "锋泰集团"}, "青禾汽车公司曾"),
        ("因本公司全资附属企业青禾能源的项目延期，董事会决定调整计划。", set(), "因本公司"),
    ],
)
def test_a_clause_around_a_name_is_not_part_of_it(text, names, junk):
    found = {m.text for m in mentions_of(text)[2]}
    assert names <= found and junk not in found


def test_a_conjunction_glued_to_a_name_is_not_part_of_it():
    # 林涛因|个人原因: 因 ("because of") opens the clause
    found = {m.text for m in mentions_of("上月，青禾证券首席风险官林涛因个人原因辞去职务。")[2]}
    assert "林涛" in found and "林涛因" not in found


def test_a_word_alone_before_a_hong_kong_code_is_the_companys_short_name():
    found = {(m.text, m.type) for m in mentions_of("另外，资料显示，长实(0001)主席李嘉诚增持了股份。")[2]}
    assert ("长实", "Company") in found


def test_a_founded_name_ends_before_the_clauses_verb():
    found = {m.text for m in mentions_of("由林海创立的青禾科技发布新品。")[2]}
    assert "青禾科技" in found and "青禾科技发布新品" not in found


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("锋泰科技旗下短视频应用青禾视频月活破亿。", "青禾视频", "Platform"),
        ("锋泰科技的大模型青禾已开放测试。", "青禾", "Product"),
        ("锋泰科技正式发布其首款SUV车型青禾L9。", "青禾L9", "Product"),
        # a name coined from common characters: a word the segmenter guessed, or single characters (禾|拍)
        ("锋泰科技宣布，旗下音乐应用锋乐将停止运营。", "锋乐", "Platform"),
        ("青禾集团旗下短视频平台禾拍日活超过1亿。", "禾拍", "Platform"),
        ("锋泰科技旗下即时通讯软件锋聊月活跃用户达3亿。", "锋聊", "Product"),
        ("锋泰科技的自动驾驶系统PilotX已在10个城市落地。", "PilotX", "Product"),
        # a Latin name in mixed case right before the word for its kind
        ("锋泰科技的NovaPad平板销量同比增长40%。", "NovaPad", "Product"),
        ("青禾科技旗下的QuickNote软件已上线。", "QuickNote", "Product"),
        # a Latin name after 名为 and before the kind of offering it is
        ("锋泰科技推出了一款名为Nova Chat的聊天应用。", "Nova Chat", "Product"),
        # a brand the segmenter glued to the kind before it (新机锋泰 read 新|机锋|泰)
        ("锋泰科技于昨日推出新機锋泰S7 Max，搭載自研晶片。", "锋泰S7 Max", "Product"),
    ],
)
def test_a_name_after_the_word_for_its_kind_is_a_product(text, name, type_):
    assert (name, type_) in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text",
    [
        "锋泰科技的大模型能力很强。",
        "锋泰科技的手机销量很好。",
        "借助电商平台打造品牌联盟。",
        "锋泰科技的平台很稳定，系统不断升级。",
        "锋泰科技旗下应用也在增长。",
        "锋泰科技的软件更新已完成。",
        "锋泰科技的管理系统全面升级。",
        "锋泰科技推出的平台型产品已上线。",
        "锋泰科技推出新品，扩充了产品线。",
        "锋泰科技推出AI手机和OLED电视。",
        "这款手机由锋泰科技设计。",
    ],
)
def test_a_kind_and_a_clause_after_it_name_no_product(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Product", "Platform")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("锋泰科技宣布启动星火项目，计划三年内培养1万名工程师。", "星火项目"),
        ("锋泰科技主办的首届锋泰杯创业大赛今日在杭州开幕。", "锋泰杯创业大赛"),
        ("青禾科技举办“禾光开发者大赛”，总奖金100万元。", "禾光开发者大赛"),
        ("青禾银行发起“禾苗公益行动”。", "禾苗公益行动"),
    ],
)
def test_a_launched_programme_or_contest_is_named_without_its_verb_or_edition(text, name):
    assert (name, "Programme") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text",
    [
        "锋泰科技发布了五年计划。",
        "锋泰科技宣布了新计划。",
        "该计划由锋泰科技牵头。",
        "锋泰科技宣布启动项目组。",
        "锋泰科技举办了创业大赛。",
        "锋泰科技计划在第二季度推出新品。",
        "锋泰科技牵头的国内首批智慧港口项目已经验收。",
        "锋泰科技宣布实施新项目。",
    ],
)
def test_a_span_of_years_a_count_or_a_kind_of_contest_names_no_programme(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Product", "Platform", "Programme")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("公告称，青川环境董事会本周收到韩露递交的辞呈。", "青川环境"),
        ("今年春天，星河寿险董事会按照新规改组了管理团队。", "星河寿险"),
        ("蓝舟物流董事会宣布，宋瑶将出任首席执行官。", "蓝舟物流"),
    ],
)
def test_a_name_before_its_board_acting_is_an_organisation(text, name):
    found = {(m.text, m.type) for m in mentions_of(text)[2]}
    assert (name, "Company") in found and not any("董事会" in t for t, _ in found)


@pytest.mark.parametrize(
    "text", ["本公司董事会对此高度重视。", "新一届董事会正式成立。", "上市公司董事会应当审议。"]
)
def test_a_board_after_words_names_no_organisation(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Company", "Organization")]


@pytest.mark.parametrize(
    ("text", "name"),
    [("据界面新闻报道，锋泰集团将裁员。", "界面新闻"), ("根据新浪科技消息，锋泰集团将裁员。", "新浪科技")],
)
def test_an_outlet_cited_before_a_word_of_reporting_is_named(text, name):
    # 新闻报道 / 科技消息 may be words, yet the segmenter read the outlet whole after 据
    assert (name, "MediaOrganization") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("北京晚报携手锋泰集团推出专栏。", "北京晚报"),
        ("青州电视台播出了这档节目。", "青州电视台"),
        ("他在华商报工作。", "华商报"),
    ],
)
def test_a_place_and_an_outlets_ending_name_a_newspaper_or_broadcaster(text, name):
    assert (name, "MediaOrganization") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize("text", ["他每天写工作日报。", "员工需提交日报和周报。"])
def test_a_daily_report_is_no_newspaper(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "MediaOrganization"]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "unit", "company", "head"),
    [
        (
            "锋泰科技智能终端事业群总裁王明表示，今年将推出三款新机。",
            "锋泰科技智能终端事业群",
            "锋泰科技",
            "王明",
        ),
        ("青禾集团人工智能研究院院长李娜介绍了新模型。", "青禾集团人工智能研究院", "青禾集团", "李娜"),
        ("星澜電子研發中心主任陳大文指出，新製程已量產。", "星澜電子研發中心", "星澜電子", "陳大文"),
        ("锋泰科技华东区总经理张伟透露，门店数量将翻番。", "锋泰科技华东区", "锋泰科技", "张伟"),
        ("锋泰科技深圳研究院院长王平表示。", "锋泰科技深圳研究院", "锋泰科技", "王平"),
        ("青禾集团的消费电子事業群總經理林志明表示。", "消费电子事業群", "青禾集团", "林志明"),
        ("华为云计算BU总裁王明出席大会。", "华为云计算BU", "华为", "王明"),
    ],
)
def test_a_division_after_a_company_a_pattern_found_is_a_unit_of_it(text, unit, company, head):
    found = triples(text)
    assert (unit, "parentOrganization", company) in found
    assert (head, "leads", unit) in found


def test_a_division_after_a_company_named_in_an_earlier_sentence_is_a_unit_of_it():
    assert ("青禾集团云计算事业部", "parentOrganization", "青禾集团") in triples(
        "青禾集团发布财报。青禾集团云计算事业部营收增长三成。"
    )


def test_a_known_division_written_with_its_company_belongs_to_it():
    assert ("云与智慧产业事业群", "parentOrganization", "腾讯") in triples(
        "王明出任腾讯云与智慧产业事业群的首席执行官。"
    )


def test_a_division_after_a_longer_name_the_knowledge_base_knows_is_not_the_shorter_names():
    found = triples("京东方技术研发中心总经理王明表示。")
    assert ("京东方技术研发中心", "parentOrganization", "京东") not in found


@pytest.mark.parametrize(
    "text",
    [
        "公司内部正在讨论此事，相关部门已介入。",
        "技术团队已修复漏洞，销售部门业绩未达标。",
        "华东地区的销量增长明显。",
        "锋泰科技华东地区的销量增长明显。",
        "锋泰科技杭州总部今年扩建。",
        "锋泰科技销售部门负责人王明表示。",
        "锋泰集团今年调整。以上这些事业群都将合并。",
        "锋泰集团表示，任何事业群都不能例外。",
        "青禾科技原高管未曾分管任何事业部。",
        "锋泰科技的所有事业部都将调整。",
        "锋泰集团今年不再设置事业部。",
        "锋泰科技员工加入研究院。",
        "青禾集团联合创始人及星澜研究院负责人王芳出席。",
        "作为青禾科技副总裁兼锋泰事业部总裁，王明表示满意。",
    ],
)
def test_no_division_is_made_of_a_common_word_a_region_or_two_names(text):
    units = {m.text for m in mentions_of(text)[2] if m.type == "BusinessUnit"}
    assert not units - {"锋泰事业部"}  # (锋泰事业部: the second post's division, whole)
    assert not any(u.startswith(("青禾科技", "青禾集团联合")) for u in units)


def test_a_division_set_up_or_dropped_is_named_after_the_verb():
    units = {
        m.text
        for m in mentions_of("锋泰集团明年不再设置到家事业群，并撤销出行事业部。")[2]
        if m.type == "BusinessUnit"
    }
    assert units == {"到家事业群", "出行事业部"}


def test_a_division_without_a_proper_name_is_the_companys_not_a_department_named_beside_it():
    found = triples("据报道，锋泰科技近日进行了组织调整。电商业务离开了邮箱事业部、法务部并入了销售部。")
    parents = {o for s, p, o in found if s == "邮箱事业部" and p == "parentOrganization"}
    assert parents == {"锋泰科技"}
    found = triples("锋泰科技宣布调整架构。此次将到家事业群、用户平台及基础研发合并。")
    assert ("到家事业群", "parentOrganization", "锋泰科技") in found
    assert not {o for s, p, o in found if s == "到家事业群" and p == "parentOrganization"} - {"锋泰科技"}


def test_a_department_of_goods_after_a_company_is_no_product():
    assert not [m for m in mentions_of("小米集团手机部总裁王明表示。")[2] if m.type == "Product"]


def test_a_division_named_after_its_company_and_a_word_of_owning_begins_after_the_word():
    found = triples("锋泰科技旗下金融科技实验室负责人王明表示。")
    assert ("金融科技实验室", "parentOrganization", "锋泰科技") in found
    assert ("王明", "leads", "金融科技实验室") in found
    assert not [m for m in mentions_of("锋泰科技旗下金融科技实验室成立。")[2] if m.text == "金融科技"]


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "unit", "company"),
    [
        ("青禾集团今年扩张。青禾电商总裁李强称，销售额创新高。", "青禾电商", "青禾集团"),
        ("锋泰科技发布财报，锋泰金融也实现盈利。", "锋泰金融", "锋泰科技"),
    ],
)
def test_a_companys_short_name_and_a_line_of_business_name_a_unit_of_it(text, unit, company):
    assert (unit, "parentOrganization", company) in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "智能科技公司增多，智能健康受关注。",
        "锋泰科技发布财报。锋泰金融科技公司成立。",
        "锋泰科技营收增长，锋泰教育类产品热销。",
    ],
)
def test_a_common_words_or_a_longer_names_line_of_business_is_no_unit(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "BusinessUnit"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("锋泰集团将星澜科技并入其云业务。", "星澜科技"),  # the segmenter reads 将星 as one word
        ("青禾资本对华澜科技进行了投资。", "华澜科技"),
    ],
)
def test_a_name_whose_first_character_the_segmenter_glues_to_a_preposition_keeps_it(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Company"}


@pytest.mark.parametrize(
    ("text", "not_products"),
    [
        ("锋泰X5手机支持WiFi 6和LPDDR 5内存。", {"WiFi 6", "LPDDR 5"}),  # standards with a number
        ("青禾科技的CEO-1团队负责新业务。", {"CEO-1"}),  # a common noun with a number
        ("锋泰科技的口号“遥遥领先”引发热议。", {"遥遥领先"}),  # a quoted idiom
    ],
)
def test_standards_common_nouns_and_quoted_idioms_are_no_products(text, not_products):
    products = {m.text for m in mentions_of(text)[2] if m.type == "Product"}
    assert not products & not_products, products


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("原锋泰人寿董事长丁安拟出任监事长。", "丁安"),  # 拟 (intends to) glued onto the name
        ("锋泰中国副总裁陈晟向《每日财经》记者证实。", "陈晟"),  # 向 (to) glued onto the name
        ("锋泰银行董事长丁冬拟出任监事长。", "丁冬"),  # 拟 a word of its own after the name
    ],
)
def test_a_verb_or_preposition_glued_after_a_titled_name_is_no_part_of_it(text, name):
    people = {m.text for m in mentions_of(text)[2] if m.type == "Person"}
    assert people == {name}, people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("他将助力青禾城投集团推进改革。", "青禾城投集团"),
        ("本报联系锋选集团的发言人。", "锋选集团"),
    ],
)
def test_a_verb_the_segmenter_tags_as_a_noun_begins_no_organisation_name(text, name):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert orgs == {name}, orgs


@pytest.mark.parametrize(
    "text",
    [
        "金控公司改革正在推进。",
        "今年消金公司纷纷引战。",
        "基地计划建设成为综合性低碳化工园区。",
        "他将参与王立新创业公司的投资。",
        "国际大厂持续强化与台系半导体厂商合作。",
    ],
)
def test_a_kind_of_company_after_field_words_or_an_owner_is_no_name(text):
    assert not [m for m in mentions_of(text)[2] if m.type == "Company"]


_JOINT_STOCK = "股份有限公司"  # legal forms, apart so that the test's names share no long run with real ones
_LIMITED_PARTNERSHIP = "(有限合伙)"
_LIMITED_PARTNERSHIP_WIDE = "（有限合伙）"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("拟通过控股子公司锋泰化学(蓬莱)有限公司建设项目。", "锋泰化学(蓬莱)有限公司"),
        ("锋泰置业(控股)有限责任公司与青禾投资签约。", "锋泰置业(控股)有限责任公司"),
        ("他曾任青禾资管副总经理兼青禾资管(澳门)有限公司董事。", "青禾资管(澳门)有限公司"),
        ("青禾电子第九届监事会第二次会议审议通过议案。", "青禾电子"),
        ("锋泰物流主动退市,青禾以溢价收购剩余股份。", "锋泰物流"),
        ("控股股东为锋泰星辰集团(温州)有限公司。", "锋泰星辰集团(温州)有限公司"),
        ("青禾控股(温州)有限公司持有其六成股份。", "青禾控股(温州)有限公司"),
        (f"他曾任华晟照明(集团){_JOINT_STOCK}。", f"华晟照明(集团){_JOINT_STOCK}"),
        (
            f"锋泰股权投资(温州)合伙企业{_LIMITED_PARTNERSHIP}持股5%。",
            f"锋泰股权投资(温州)合伙企业{_LIMITED_PARTNERSHIP}",
        ),
        (
            f"份额转让予温州青禾芯片产业投资中心{_LIMITED_PARTNERSHIP}。",
            f"温州青禾芯片产业投资中心{_LIMITED_PARTNERSHIP}",
        ),
        (
            f"温州锋泰企业服务中心{_LIMITED_PARTNERSHIP_WIDE}持股8%。",
            f"温州锋泰企业服务中心{_LIMITED_PARTNERSHIP_WIDE}",
        ),
    ],
)
def test_registered_names_with_a_bracket_and_short_names_before_a_board_are_found(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Company"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("锋泰药业发布公告,称孙公司参股了一家药企。", {"锋泰药业"}),  # 孙公司: a subsidiary, no name
        ("锋泰集团斥资买下软件商Fengtai Software。", {"锋泰集团", "Fengtai Software"}),
        ("青禾富邦消费金融、锋泰消金今年双双获批增资。", {"青禾富邦消费金融", "锋泰消金"}),
        ("根据锋泰薪酬委员会之建议,董事会批准。", set()),  # a committee of the board
        (
            "商务部投资促进事务局与锋泰科技签约。",
            {"商务部", "锋泰科技"},
        ),  # a ministry's department, no firm 商务部投资
    ],
)
def test_subsidiary_words_board_committees_and_consumer_finance_names(text, names):
    orgs = {
        m.text
        for m in mentions_of(text)[2]
        if m.type in ("Company", "Organization", "GovernmentOrganization")
    }
    assert orgs == names, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("入围名单显示锋泰清洁、青禾驭新、智澜储能等8家公司将获补贴。", {"锋泰清洁", "青禾驭新", "智澜储能"}),
        ("杭州、成都、武汉等3家门店开业。", set()),  # places, and no count of companies
    ],
)
def test_names_a_count_of_companies_closes_are_companies(text, names):
    assert {m.text for m in mentions_of(text)[2] if m.source == "pattern:counted_list"} == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "凯澜集团拟买下酒店管理公司锋梦酒店集团的三个品牌。",
            "锋梦酒店集团",
        ),  # a kind of company, then the name
    ],
)
def test_a_kind_of_company_before_a_name_is_no_part_of_it(text, name):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert name in orgs and not any(o.endswith(name) and o != name for o in orgs), orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("以青禾科技为例,其董事近日辞职。", "青禾科技"),  # 以 … 为例 frames the name
        ("以澜图科技为代表的企业增长明显。", "澜图科技"),
    ],
)
def test_a_name_framed_by_an_example_is_found_without_the_frame(text, name):
    assert {m.text for m in mentions_of(text)[2] if m.type == "Company"} == {name}


@pytest.mark.parametrize(
    "text",
    [
        "锋泰股份、锋影集团、澜光制片厂三大集团携手拍片。",  # a count of organisations after a name
        "他曾任锋监会银行监管二部副主任。",  # 银行监管: a common word, not a bank's name
    ],
)
def test_a_count_or_a_common_word_after_a_name_ends_no_organisation(text):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert not any(o.endswith(("三大集团", "银行")) for o in orgs), orgs


def test_a_preposition_after_a_persons_name_ends_the_clause_before_a_registered_name():
    text = "这年,姜现东从青岛锋风光学有限责任公司离职。"
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert "青岛锋风光学有限责任公司" in orgs and not any(o.startswith("东") for o in orgs), orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("锋泰商城前欧洲区业务负责人Jon Kiao已获晋升。", "Jon Kiao"),
        ("青禾科技创始人Frederic Lund曾是工程师。", "Frederic Lund"),
    ],
)
def test_a_latin_given_and_family_name_after_a_title_is_a_person(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Person"}


@pytest.mark.parametrize(
    "text",
    [
        "这里涌现出一批明星芯片公司。",
        "其研发投入位居国货美妆集团前列。",
        "研发投入占比与国际大牌美妆集团持平。",
        "他说这家果园也算得上冷链物流公司。",
        "两家公司将在新创公司孵化上合作。",
    ],
)
def test_a_rating_or_class_word_before_field_words_and_a_suffix_is_a_kind_of_company(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Company", "Organization")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("公司获硅谷著名创投基金青禾资本注资。", {"青禾资本"}),
        ("锋泰美妆集团发布年报。", {"锋泰美妆集团"}),
        ("锋泰机器人宣布完成融资。", {"锋泰机器人"}),
        ("知名投资机构青禾资本领投。", {"青禾资本"}),
    ],
)
def test_a_kind_of_company_before_a_name_leaves_the_name(text, names):
    orgs = {m.text for m in mentions_of(text)[2] if m.type in ("Company", "Organization")}
    assert orgs == names, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("锋泰科技将其持有的股权表决权委托青禾实业代为行使。", {"锋泰科技", "青禾实业"}),
        ("星澜电子将表决权授权青禾实业行使。", {"星澜电子", "青禾实业"}),
    ],
)
def test_a_verb_of_entrusting_begins_no_organisation_name(text, names):
    orgs = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert orgs == names, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("财务数据显示，星澜科技去年营收5亿元。", {"星澜科技"}),
        ("记者查询到的数据显示，青禾科技共获6轮融资。", {"青禾科技"}),
        ("另据蝉妈妈数据显示，该直播间销售额破亿。", {"蝉妈妈"}),
        ("銷售數據顯示，青禾科技表現良好。", {"青禾科技"}),
    ],
)
def test_the_kind_of_data_or_who_found_it_is_no_data_source(text, names):
    orgs = {m.text for m in mentions_of(text)[2] if m.type in ("Company", "Organization")}
    assert orgs == names, orgs


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("锋泰控股集团布局智能汽车赛道。", {"锋泰控股集团"}),
        ("青禾集团进军智能汽车市场。", {"青禾集团"}),
        ("他曾任青州市建设投资公司副经理。", {"青州市建设投资公司"}),
    ],
)
def test_a_verb_entering_a_field_after_a_name_ends_the_name(text, names):
    orgs = {e.label for e in result_of(text).entities if e.type == "Company"}
    assert orgs == names, orgs


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("这体现了整个锋泰集团的技术实力。", {"锋泰集团"}),
        ("這體現了整個鋒泰集團的技術實力。", {"鋒泰集團"}),
        ("其他青禾集团的子公司也受影响。", {"青禾集团"}),
        ("他们透过家族信托基金持有股份。", set()),
        ("商业卫星公司星澜航天完成融资。", {"星澜航天"}),
        ("长光卫星公司完成新一轮融资。", {"长光卫星"}),
    ],
)
def test_a_word_for_the_whole_begins_no_name_and_a_field_makes_a_kind(text, names):
    orgs = {e.label for e in result_of(text).entities if e.type == "Company"}
    assert orgs == names, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("他在星澜中国工作多年，历任事业部副总裁、大区经理。", set()),
        ("他历任星澜事业部总经理、区域总经理等职务。", {"星澜事业部"}),
        ("他曾任青禾云事业群副总裁。", {"青禾云事业群"}),
    ],
)
def test_a_verb_of_holding_posts_begins_no_division_name(text, names):
    units = {m.text for m in mentions_of(text)[2] if m.type == "BusinessUnit"}
    assert units == names, units


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("他们因此获取锋泰投资，委托公司开发产品。", set()),
        ("上季度盈利源于计入锋泰投资的收益。", set()),
        ("他是锋泰投资的合伙人。", {"锋泰投资"}),
        ("青禾科技获得锋泰投资、星澜资本等机构的融资。", {"锋泰投资", "星澜资本", "青禾科技"}),
    ],
)
def test_an_investment_received_or_counted_in_is_no_investment_arm(text, names):
    orgs = {
        m.text
        for m in mentions_of(text)[2]
        if m.type == "Company" and m.text.endswith(("投资", "资本", "科技"))
    }
    assert orgs == names, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("双方将共同打造“桥头堡”项目。", set()),
        ("两地将联手打造“一站式”服务窗口。", set()),
        ("锋泰将打造“星澜”品牌。", {"星澜"}),
        ("非遗商家成功打造了“禾光”“禾光堂”等品牌。", {"禾光"}),
        ("青禾科技发布了新品“禾光Pro”。", {"禾光Pro"}),
    ],
)
def test_quotes_built_are_a_figure_of_speech_unless_a_kind_names_them(text, names):
    products = {
        m.text for m in mentions_of(text)[2] if m.type == "Product" and m.source == "pattern:launched_product"
    }
    assert products == names, products


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("目前新式茶饮品牌“小而美”，竞争激烈。", set()),
        ("他介绍新品空调“静音且省电”。", set()),
        ("行业里的饮料品牌“少而精”。", set()),
        ("锋泰推出新款手机“禾光一号”。", {"禾光一号"}),
    ],
)
def test_two_judgements_joined_in_quotes_name_no_product(text, names):
    products = {m.text for m in mentions_of(text)[2] if m.type == "Product"}
    assert products == names, products


@pytest.mark.parametrize(
    "text",
    [
        "根据审计机构对目标公司的审计结果，净资产为5亿元。",
        "公司聘请的中介机构已完成尽职调查。",
        "双方将推动人工智能与智慧机械等产业合作。",
        "这家公司将继续探索黑科技产品。",
    ],
)
def test_words_for_a_role_or_a_trend_are_no_organisation(text):
    assert not [m for m in mentions_of(text)[2] if m.type in ("Company", "Organization")]


@pytest.mark.parametrize(
    ("text", "name", "junk"),
    [
        ("传闻蓝鲸科技将被收购，蓝鲸科技未予回应。", "蓝鲸科技", "传闻蓝鲸科技"),
        ("网传远澜科技裁员，远澜科技随后辟谣。", "远澜科技", "网传远澜科技"),
        ("有消息称锋泰科技将赴港上市。", "锋泰科技", "称锋泰科技"),
        ("爆料青禾科技将被收购。", "青禾科技", "爆料青禾科技"),
        ("传星澜完成新一轮融资。据悉，星澜已获多家机构投资。", "星澜", "传星澜"),
    ],
)
def test_a_word_of_hearsay_glued_to_a_name_is_no_part_of_it(text, name, junk):
    names = {m.text for m in mentions_of(text)[2]}
    assert name in names and junk not in names


def test_a_word_of_hearsay_that_begins_a_known_suffix_stays_in_the_name():
    names = {m.text for m in mentions_of("华策传媒集团宣布新一季片单。")[2]}
    assert "华策传媒集团" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("他曾任职于锦华地产，后创业。", "锦华地产"),
        ("王磊此前在远澜物业担任总经理。", "远澜物业"),
        ("李明加入了锦程资管，负责固收业务。", "锦程资管"),
        ("他曾任职于远澜物流。", "远澜物流"),
    ],
)
def test_a_brand_and_its_trade_where_a_career_places_a_person_is_a_company(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Company"}


def test_a_kind_of_business_where_a_career_places_a_person_is_no_company():
    assert not [m for m in mentions_of("他曾任职于商业地产。")[2] if m.type == "Company"]


@pytest.mark.parametrize(
    ("text", "name", "junk"),
    [
        ("职场培训平台青知学苑日前完成C轮融资。", "青知学苑", "培训平台青知学苑"),
        ("少儿编程平台青鸟学堂今日宣布获得新融资。", "青鸟学堂", "少儿编程平台青鸟学堂"),
    ],
)
def test_a_platform_word_before_a_name_describes_it(text, name, junk):
    names = {m.text for m in mentions_of(text)[2]}
    assert name in names and junk not in names


@pytest.mark.parametrize(
    ("text", "name", "junk"),
    [
        ("雲帆電子表示，空調業務佔雲帆電子營收三成。", "雲帆電子", "空調業務佔雲帆電子"),
        ("錦泰資本表示，該筆資金將投向雲帆電子，雲帆電子預計明年上市。", "雲帆電子", "投向雲帆電子"),
    ],
)
def test_words_glued_before_a_name_found_alone_elsewhere_are_no_part_of_it(text, name, junk):
    names = {m.text for m in mentions_of(text)[2]}
    assert name in names and junk not in names


def test_a_place_before_a_name_found_alone_elsewhere_stays_in_it():
    names = {
        m.text for m in mentions_of("北京锋泰科技有限公司去年迁址。锋泰科技有限公司的前身是一家工作室。")[2]
    }
    assert "北京锋泰科技有限公司" in names


def test_a_nickname_after_a_streamer_word_stays_whole():
    got = found("快手主播驴嫂平荣在直播间带货。抖音主播东北雨姐被罚。")
    assert {("驴嫂平荣", "Person"), ("东北雨姐", "Person")} <= got


@pytest.mark.parametrize(
    "text, name, junk",
    [("张勇续说，公司会坚持研发。", "张勇", "张勇续"), ("王建国续说，青禾将扩产。", "王建国", "王建国续")],
)
def test_a_speaker_who_goes_on_keeps_his_name_without_the_verb(text, name, junk):
    texts = {m.text for m in mentions_of(text)[2]}
    assert name in texts and junk not in texts


def test_a_name_in_capitals_after_a_title_is_a_person():
    assert ("WANG LEI", "Person") in {
        (m.text, m.type) for m in mentions_of("青禾科技董事长WANG LEI表示，公司将扩产。")[2]
    }


@pytest.mark.parametrize(
    "text, name",
    [("锋泰智能于2024年推出自研GLM-9模型。", "GLM-9"), ("凌云科技发布首款K7机器人。", "K7")],
)
def test_a_word_of_the_kind_before_a_latin_model_is_no_brand(text, name):
    assert name in {m.text for m in mentions_of(text)[2] if m.type == "Product"}


def test_a_version_after_a_known_product_is_part_of_its_name():
    texts = {m.text for m in mentions_of("百度今天推出了文心大模型4.0，用户已达5.5亿。")[2]}
    assert "文心大模型4.0" in texts


@pytest.mark.parametrize(
    "text, junk",
    [
        ("按章程，青禾的董事长任期三年。", "任期"),
        ("锋泰的几位高管都成了独立董事。", "都成"),
        ("公司两任董事长都来自华为。", "都来"),
    ],
)
def test_a_term_or_an_adverb_after_a_title_is_no_name(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, county",
    [
        ("同一天，宁远县副县长程鹏走进直播间。", "宁远县"),
        ("临安县县长刘明和平阳县副县长程鹏一起出席了开幕式。", "平阳县"),
        ("據報導，新竹縣副縣長程鹏將轉任公營事業董事長。", "新竹县"),
        ("湖南省宁乡县县长王海在发布会上介绍了当地特产。", "湖南省宁乡县"),
        ("江西省崇义县常务副县长王海出席了签约仪式。", "江西省崇义县"),
    ],
)
def test_a_county_before_its_own_office_is_a_government(text, county):
    found = {(m.text, m.type) for m in mentions_of(text)[2]}
    name = next(t for t, _ in found if t.replace("縣", "县").replace("義", "义") == county)
    assert (name, "GovernmentOrganization") in found
    assert ("程鹏" in text) <= any(t == "程鹏" for t, _ in found)


def test_a_word_that_points_at_a_county_begins_no_county():
    texts = {m.text for m in mentions_of("据该县副县长刘丽介绍，今年产量大增。")[2]}
    assert not any(t.endswith("县") for t in texts)


@pytest.mark.parametrize(
    "text, names",
    [
        ("此轮增持涉及锋泰人寿、青禾人寿、云帆人寿这3家险企。", {"锋泰人寿", "青禾人寿", "云帆人寿"}),
        ("本次抽检涉及云帆乳业、锋泰食品、青禾饮品等6家企业。", {"云帆乳业", "锋泰食品", "青禾饮品"}),
        ("王立平此前担任云帆人寿董事长。", {"云帆人寿"}),
        ("今年以来，青禾人寿、锋泰人寿先后举牌多家银行股。", {"青禾人寿", "锋泰人寿"}),
    ],
)
def test_life_insurers_and_a_list_after_a_verb_of_involving(text, names):
    texts = {m.text for m in mentions_of(text)[2] if m.type == "Company"}
    assert names <= texts
    assert not any(t.startswith(("此轮", "本次")) for t in texts)


def test_a_life_insurance_word_alone_names_nothing():
    assert not [m for m in mentions_of("商业保险包括财产险和人寿两类。")[2] if m.type == "Company"]


@pytest.mark.parametrize(
    "text, junk",
    [
        ("午后沪深科技指数跌1.2%，收于812点。", "沪深科技"),
        ("长沙智能汽车集群去年产值翻番。", "长沙智能汽车"),
        ("首届中德投资博览会下月在青岛举办。", "中德投资"),
        ("青禾创投成立九年来共募集了5期基金。", "5期基金"),
        ("青禾资本旗下两只基金完成募集。", "两只基金"),
    ],
)
def test_a_field_an_index_or_a_count_before_a_suffix_is_no_company(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2] if m.source == "pattern:org_suffix"}


def test_a_name_before_its_suffix_and_a_verb_is_still_a_company():
    assert "锋泰汽车" in {m.text for m in mentions_of("锋泰汽车发布了新款车型。")[2]}


@pytest.mark.parametrize(
    "text, body",
    [
        ("王立平此前在湖北省发展改革委工作多年。", "湖北省发展改革委"),
        ("浙江省经济和信息化厅副厅长刘明出席了启动仪式。", "浙江省经济和信息化厅"),
        ("据深圳市住房和建设局通报，新规下月起实施。", "深圳市住房和建设局"),
        ("成都市文化和旅游局日前发布了补贴通知。", "成都市文化和旅游局"),
        ("青禾科技拿到了宁波市财政局的一笔奖励资金。", "宁波市财政局"),
    ],
)
def test_a_place_and_a_standard_department_are_one_government_body(text, body):
    assert (body, "GovernmentOrganization") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, body",
    [
        ("教育部职业教育司司长刘明表示，今年将加大治理力度。", "教育部职业教育司"),
        ("该计划已获得商务部外资司批准。", "商务部外资司"),
        ("财政部经济建设司司长刘明介绍了预算安排。", "财政部经济建设司"),
    ],
)
def test_a_department_after_its_ministry_is_a_government_body(text, body):
    assert (body, "GovernmentOrganization") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text", ["商务部批准公司的收购计划。", "商务部表示将依法审查。", "发改委表示将加快审批。"]
)
def test_a_clause_after_a_ministry_names_no_department(text):
    texts = {m.text for m in mentions_of(text)[2] if m.type == "GovernmentOrganization"}
    assert not any(len(t) > 5 for t in texts)


@pytest.mark.parametrize(
    "text, body",
    [
        ("这份方案上周由商务部对外投资司正式批复。", "商务部对外投资司"),
        ("本报就此事联系了工信部新闻办，对方称将尽快回复。", "工信部新闻办"),
    ],
)
def test_a_department_whose_name_opens_with_a_prepositional_word_or_a_press_office(text, body):
    assert (body, "GovernmentOrganization") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, junk",
    [
        ("试驾结束后，杭州市相关政府部门人士称赞了新车。", "杭州市相关政府"),
        ("该项目得到了宁波市各级政府的支持。", "宁波市各级政府"),
    ],
)
def test_the_bodies_of_a_place_in_general_are_no_name(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, name",
    [
        ("瑞银与锋泰证券国际是这次上市的两家保荐机构。", "锋泰证券国际"),
        ("跟投的机构包括青禾开元国际、云帆资本和另外两家基金。", "青禾开元国际"),
        ("此次配售由云帆国际独家承销。", "云帆国际"),
    ],
)
def test_an_international_arm_is_a_company(text, name):
    assert (name, "Company") in {(m.text, m.type) for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text, junk",
    [
        ("公司加快走向国际的步伐。", "走向国际"),
        ("青禾科技将积极与国际接轨。", "与国际"),
        ("锋泰国际投资公司增资云帆科技。", "锋泰国际"),
    ],
)
def test_international_in_a_phrase_or_inside_a_longer_name_ends_no_name(text, junk):
    assert junk not in {m.text for m in mentions_of(text)[2]}


@pytest.mark.parametrize(
    "text,unit",
    [
        # two fields joined by 与 name one division, after a list's mark, a verb or the clause's start
        ("锋泰集团副总裁、数据与智能事业部总经理张伟表示，将继续加大投入。", "数据与智能事业部"),
        ("青禾科技执行副总裁兼技术与工程事业群总裁刘洋今日离职。", "技术与工程事业群"),
        ("星澜集团宣布成立金融与支付事业部，由陈刚负责。", "金融与支付事业部"),
        ("星澜集团今年将健康与营养事业部并入消费品事业群。", "健康与营养事业部"),
        ("材料与能源事业部是锋泰集团今年新设的部门。", "材料与能源事业部"),
        # a space the writer put before the division word
        ("青禾集团执行董事、存储与算力 事业群CEO王明分享了观点。", "存储与算力 事业群"),
        ("锋泰科技今天设立无人配送 事业部，由刘洋负责。", "无人配送 事业部"),
    ],
)
def test_division_of_two_joined_fields(text, unit):
    units = {key for key, type_ in found(text) if type_ == "BusinessUnit"}
    assert unit.replace(" ", "") in {u.replace(" ", "") for u in units}


@pytest.mark.parametrize(
    "text,not_unit",
    [
        # a company, a person or a place before 与 is a party of the clause, no field of the division's name
        ("青禾科技与星澜事业群签署合作协议。", "青禾科技与星澜事业群"),
        ("王明与李娜事业部的同事见面。", "王明与李娜事业部"),
        ("北京与上海事业部的同事都参加了。", "北京与上海事业部"),
        ("锋泰集团与游戏事业部的员工共同参加了活动。", "锋泰集团与游戏事业部"),
        ("公司与内容事业群达成一致。", "公司与内容事业群"),
    ],
)
def test_no_division_across_a_joined_party(text, not_unit):
    assert not_unit not in {key for key, _ in found(text)}


@pytest.mark.parametrize(
    "text,channel,is_unit",
    [
        # a known company's livestreams that a noun or a verb after them describes, or a list goes on from: no name
        ("网友晒出了小红书直播截图。", "小红书直播", False),
        ("他在快手直播钻石榜单上排名第一。", "快手直播", False),
        ("京东直播等业务今年增长很快。", "京东直播", False),
        # a head or a clause of its own make it a division
        ("快手直播负责人王明表示将扶持新主播。", "快手直播", True),
        ("京东直播今年先后推出了多项扶持政策。", "京东直播", True),
    ],
)
def test_company_livestreams_are_no_division_when_described(text, channel, is_unit):
    assert ((channel, "BusinessUnit") in found(text)) is is_unit


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("同日，据青禾新闻报道，锋泰集团将于9月发布新品。", "青禾新闻"),
        ("据锋泰财经此前报道，青禾科技拿到了两亿元融资。", "锋泰财经"),
        ("据星澜商报3月2日报道，青禾工厂已经停产。", "星澜商报"),
        ("据青禾日报的报道，锋泰集团计划裁员。", "青禾日报"),
        ("據青禾網報導，錦泰集團將裁員。", "青禾网"),
    ],
)
def test_the_outlet_a_sentence_cites_is_a_media_organisation(text, outlet):
    assert (outlet, "MediaOrganization") in found(text)


@pytest.mark.parametrize(
    "text",
    ["据外媒报道，锋泰集团将裁员。", "据当地媒体报道，青禾工厂已停产。", "据相关报道，锋泰集团计划裁员。"],
)
def test_a_kind_of_source_is_no_outlet(text):
    assert not {n for n, t in found(text) if t == "MediaOrganization"}
