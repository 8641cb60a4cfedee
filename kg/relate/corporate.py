"""Organisation-to-organisation and organisation-to-thing relations, each from explicit wording.

parentOrganization (旗下, 子公司), partner (与…合作, 携手), investsIn (投资, 领投, 入股), acquired (收购),
productOf (推出, 旗下), location (总部位于), foundingDate (成立于). Co-occurrence alone never makes an edge.
"""

from __future__ import annotations

import re

from ..model import Relation
from ..zh.dates import normalise_date
from .template import SentenceView, slot, slots

ORG = "OAB"
ADV = r"(?:宣布[，,]?|将|已|已经|正式|日前|近日|今天|今日|昨日|也|还|并|再次|首次|此前|曾|于⟦D\d+⟧|在⟦D\d+⟧)*"


def corporate_relations(view: SentenceView, amounts: list[str]) -> list[Relation]:
    out: list[Relation] = []
    for rule, triggers in _RULES:
        if any(word in view.template for word in triggers):  # a rule runs only where its wording occurs
            out += rule(view, amounts)
    return out


def _parent(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    # A旗下(的)B、C: B and C belong to A (organisations: parentOrganization; platforms, products: productOf)
    for m in re.finditer(
        slot("a", ORG)
        + r"(?:公司|集团)?旗下(?:的|拥有的|还有)?(?:[\u4e00-\u9fff]{0,6}?(?:平台|公司|品牌|产品|业务)?(?:有|包括)?)?[“\"《「]?"
        + slots("bs", "OABR"),
        t,
    ):
        for b in view.many(m.group("bs")):
            pred = "parentOrganization" if view.code(b) in "OB" else "productOf"
            out.append(view.relation(b, pred, m.group("a"), rule="under_banner", confidence=0.85))
    # B是A(的)(全资)子公司 / B为A旗下公司
    for m in re.finditer(
        slot("b", ORG)
        + r"(?:是|为|系|作为)"
        + slot("a", ORG)
        + r"(?:的)?(?:旗下|全资|控股|下属)?(?:子公司|孙公司|旗下公司|业务部门|事业部|事业群|分公司|部门|附属企业|附属公司|下属企业|下属公司|业务板块)",
        t,
    ):
        out.append(
            view.relation(
                m.group("b"), "parentOrganization", m.group("a"), rule="is_subsidiary", confidence=0.85
            )
        )
    # B的母公司A
    for m in re.finditer(slot("b", "OABR") + r"的(?:母公司|控股股东|东家)" + slot("a", "OB"), t):
        pred = "parentOrganization" if view.code(int(m.group("b"))) in "OB" else "productOf"
        out.append(view.relation(m.group("b"), pred, m.group("a"), rule="parent_named", confidence=0.85))
    # A(的)(下属)(全资)子公司B / A控股的B
    for m in re.finditer(
        slot("a", ORG)
        + r"(?:的)?(?:下属|旗下)?(?:全资|控股)?(?:子公司|孙公司|事业部|事业群|附属公司)"
        + slot("b", ORG),
        t,
    ):
        out.append(
            view.relation(
                m.group("b"), "parentOrganization", m.group("a"), rule="subsidiary_named", confidence=0.8
            )
        )
    for m in re.finditer(slot("a", ORG) + r"(?:全资)?控股的" + slot("b", ORG), t):
        out.append(
            view.relation(
                m.group("b"), "parentOrganization", m.group("a"), rule="subsidiary_named", confidence=0.8
            )
        )
    return out


_COOP = r"(?:达成|签署|签订|展开|开展|进行|建立|宣布|正式|启动|深化)?(?:了)?(?:全面|深度|深入|战略|独家|长期)*[\u4e00-\u9fff]{0,4}?(?:合作|签约|结盟|联手|携手)"


def _partner(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    patterns = [
        # 京东宣布与快手、抖音、微博等内容平台合作
        slot("a", ORG)
        + ADV
        + r"(?:与|和|同|跟)"
        + slots("bs", ORG, loose=True)
        + r"(?:等)?(?:[\u4e00-\u9fff]{0,8}?)?"
        + _COOP,
        # A联手B / A携手B / A牵手B
        slot("a", ORG) + ADV + r"(?:联手|携手|牵手|联合|结盟)" + slots("bs", ORG),
        # A和B宣布达成合作 / A与B合资成立
        slot("a", ORG)
        + r"(?:与|和|同)"
        + slots("bs", ORG)
        + r"(?:双方|两家|公司)?(?:共同|合资|联合)(?:成立|设立|组建|推出|打造|开发|研发)",
    ]
    for rule, rx in zip(("with_cooperate", "join_hands", "joint_venture"), patterns, strict=True):
        for m in re.finditer(rx, t):
            a = int(m.group("a"))
            for b in view.many(m.group("bs")):
                if view.entity(a) != view.entity(b):
                    out.append(_symmetric(view, a, b, rule))
    return out


def _symmetric(view: SentenceView, a: int, b: int, rule: str) -> Relation:
    ea, eb = view.entity(a), view.entity(b)
    return (
        view.relation(a, "partner", b, rule=rule, confidence=0.85)
        if ea <= eb
        else view.relation(b, "partner", a, rule=rule, confidence=0.85)
    )


def _invest(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    qual = {"amount": amounts[0]} if len(amounts) == 1 else None
    # 红杉中国领投 / A投资了B / A入股B / A向B注资
    for m in re.finditer(
        slots("invs", ORG + "P")
        + ADV
        + r"(?:战略)?(?:领投|跟投|参投|投资|入股|增持|注资|持股|持有|买入|受让)(?:了)?"
        + slot("b", ORG)
        + r"(?!的?(?:产品|商品|服务))",
        t,
    ):
        for inv in view.many(m.group("invs")):
            out.append(
                view.relation(
                    inv, "investsIn", m.group("b"), rule="invests", confidence=0.85, qualifiers=qual
                )
            )
    for m in re.finditer(
        slots("invs", ORG + "P")
        + ADV
        + r"(?:向|对)"
        + slot("b", ORG)
        + r"(?:进行)?(?:了)?(?:战略)?(?:投资|注资|增资)",
        t,
    ):
        for inv in view.many(m.group("invs")):
            out.append(
                view.relation(
                    inv, "investsIn", m.group("b"), rule="invests_in", confidence=0.85, qualifiers=qual
                )
            )
    # B获得A(的)投资 / B完成…融资，由A领投，C跟投
    for m in re.finditer(
        slot("b", ORG)
        + r"[^⟦。，,]{0,8}?(?:获得|获|完成|宣布完成|获得了)(?:了)?[^⟦。]{0,16}?"
        + slots("invs", ORG + "P")
        + r"(?:的|等)?(?:[^⟦。]{0,6}?)(?:投资|注资|入股)",
        t,
    ):
        for inv in view.many(m.group("invs")):
            out.append(
                view.relation(
                    inv,
                    "investsIn",
                    m.group("b"),
                    rule="received_investment",
                    confidence=0.8,
                    qualifiers=qual,
                )
            )
    # 腾讯和阿里巴巴都是小红书的股东
    for m in re.finditer(
        slots("invs", ORG + "P")
        + r"(?:都|均|也|同时)?(?:是|为|成为)(?:了)?"
        + slot("b", ORG)
        + r"(?:的)?(?:[\u4e00-\u9fff]{0,4})?(?:股东|投资方|投资人|战略投资者|投资者)",
        t,
    ):
        for inv in view.many(m.group("invs")):
            out.append(view.relation(inv, "investsIn", m.group("b"), rule="shareholder", confidence=0.8))
    for m in re.finditer(slot("b", ORG) + r"[^⟦。，,]{0,8}?(?:宣布)?(?:完成|获得)[^⟦。]{0,20}?融资", t):
        rest = t[m.end() :]
        found = list(
            re.finditer(
                r"(?:由)?"
                + slots("invs", ORG + "P", loose=True)
                + r"(?:等)?(?:共同|联合)?(?:领投|跟投|参投)",
                rest,
            )
        )
        found += list(
            re.finditer(
                r"(?:投资方|投资人|投资机构|参投方|出资方)(?:包括|为|是|有|分别为)[:：]?"
                + slots("invs", ORG + "P", loose=True),
                rest,
            )
        )
        for inv_m in found:
            for inv in view.many(inv_m.group("invs")):
                out.append(
                    view.relation(
                        inv, "investsIn", m.group("b"), rule="led_round", confidence=0.85, qualifiers=qual
                    )
                )
    return out


_PLANNED = re.compile(r"拟|将|计划|有意|准备|打算|欲")


def _acquire(view: SentenceView, amounts) -> list[Relation]:
    """A acquired B; announced as 拟/将/计划 (a plan, not a completed deal) it carries status=planned."""
    t, out = view.template, []
    base = {"amount": amounts[0]} if len(amounts) == 1 else {}
    for m in re.finditer(
        slot("a", ORG)
        + ADV
        + r"(?:拟|计划|有意|准备|以[^⟦。，,]{0,14})?(?:全资)?(?:收购|并购|买下|吞并)(?:了)?(?:[^⟦。，,]{0,8}?[“\"「])?"
        + slot("b", ORG),
        t,
    ):
        qual = {**base, "status": "planned"} if _PLANNED.search(m.group()) else base
        out.append(
            view.relation(
                m.group("a"),
                "acquired",
                m.group("b"),
                rule="acquires",
                confidence=0.85,
                qualifiers=qual or None,
            )
        )
    for m in re.finditer(
        slot("b", ORG)
        + ADV
        + r"(?:被|由)"
        + slot("a", ORG)
        + r"(?:以[^⟦。，,]{0,14})?(?:全资)?(?:收购|并购)",
        t,
    ):
        qual = {**base, "status": "planned"} if _PLANNED.search(m.group()) else base
        out.append(
            view.relation(
                m.group("a"),
                "acquired",
                m.group("b"),
                rule="acquired_by",
                confidence=0.85,
                qualifiers=qual or None,
            )
        )
    return out


def _product(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    # 快手推出雷霆计划 / 字节跳动发布豆包
    # the subject may be followed by other comma-separated actions first: 快手将完善…，引入…，推出百亿流量补贴计划
    for m in re.finditer(
        slot("a", ORG)
        + ADV
        + r"(?:[^⟦。；;，,]{1,20}[,，]){0,3}"
        + r"(?:推出|发布|上线|启动|打造|研发|开发|上市|升级|开通|开源)(?:了)?(?:全新的?|新一代|首款|名为)?[\u4e00-\u9fff]{0,8}?[“\"《]?"
        + slots("ps", "RAB"),
        t,
    ):
        for p in view.many(m.group("ps")):
            if view.entity(p) != view.entity(m.group("a")):
                out.append(view.relation(p, "productOf", m.group("a"), rule="launches", confidence=0.85))
    # 快手小黄车（购物车）: a product named right after its owner and glossed in brackets
    for m in re.finditer(slot("a", ORG) + slot("p", "R") + r"[（(]", t):
        out.append(
            view.relation(m.group("p"), "productOf", m.group("a"), rule="owner_product", confidence=0.75)
        )
    # 华为与赛力斯联合打造的问界: a product of both
    for m in re.finditer(
        slots("owners", ORG) + r"(?:共同|联合)?(?:打造|推出|开发|研发|发布)(?:的)[“\"《]?" + slot("p", "RA"),
        t,
    ):
        for owner in view.many(m.group("owners")):
            out.append(view.relation(m.group("p"), "productOf", owner, rule="jointly_made", confidence=0.8))
    # 抖音是字节跳动旗下的 / X是A推出的
    for m in re.finditer(
        slot("p", "RAB") + r"(?:是|为|系)" + slot("a", "OB") + r"(?:旗下|推出|开发|打造|运营)", t
    ):
        out.append(
            view.relation(m.group("p"), "productOf", m.group("a"), rule="is_product_of", confidence=0.85)
        )
    return out


def _location(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    for m in re.finditer(
        slot("a", ORG)
        + r"(?:公司|集团)?(?:的)?总部(?:位于|设在|设于|在|落户|坐落于|迁至|搬到|搬迁至)"
        + slot("l", "L"),
        t,
    ):
        out.append(
            view.relation(
                m.group("a"),
                "location",
                m.group("l"),
                rule="headquarters",
                confidence=0.9,
                qualifiers={"role": "headquarters"},
            )
        )
    for m in re.finditer(r"总部(?:位于|设在|在)" + slot("l", "L") + r"的" + slot("a", ORG), t):
        out.append(
            view.relation(
                m.group("a"),
                "location",
                m.group("l"),
                rule="headquartered_in",
                confidence=0.85,
                qualifiers={"role": "headquarters"},
            )
        )
    for m in re.finditer(
        slot("a", "OB") + r"(?:于⟦D\d+⟧)?(?:成立|创立|创办|注册|诞生)于" + slot("l", "L"), t
    ):
        out.append(
            view.relation(
                m.group("a"),
                "location",
                m.group("l"),
                rule="founded_in_place",
                confidence=0.8,
                qualifiers={"role": "founding place"},
            )
        )
    for m in re.finditer(
        slot("a", "OB")
        + _FILLER
        + r"在"
        + slot("l", "L")
        + r"(?:正式)?(?:共同)?(?:成立|创立|创办|注册成立|诞生)"
        + _CLAUSE_END,
        t,
    ):
        out.append(
            view.relation(
                m.group("a"),
                "location",
                m.group("l"),
                rule="founded_at_place",
                confidence=0.8,
                qualifiers={"role": "founding place"},
            )
        )
    return out


# Between a subject and its founding verb: words and people, places or dates, but no other organisation
# (由前华为工程师吕志航于2016年在深圳创立); the verb must end the clause (not 成立合资公司).
_FILLER = r"(?:[^⟦。，,；;]|⟦[PLD]\d+⟧|由(?:前|原)?⟦[OAB]\d+⟧)*?"
_CLAUSE_END = r"(?=[，,。；;！!]|$)"


def _founding_date(view: SentenceView, amounts) -> list[Relation]:
    t, out = view.template, []
    rules = (
        (
            slot("a", "OB")
            + r"(?:公司|集团)?(?:正式)?(?:成立|创立|创办|创建|注册成立|诞生|始建|建|组建)于"
            + slot("d", "D"),
            "founded_on",
        ),
        # X，成立日期2014年05月27日 / X成立时间：2001年
        (
            slot("a", "OB")
            + r"[^⟦。]{0,30}?(?:成立|注册|创立)(?:日期|时间)(?:为|是)?[:：]?"
            + slot("d", "D"),
            "founding_date_field",
        ),
        # X于2007年3月26日在厦门市集美区市场监督管理局登记成立
        (
            slot("a", "OB")
            + r"于"
            + slot("d", "D")
            + r"在[^，,。；;]{1,30}?(?:登记|注册)?成立"
            + _CLAUSE_END,
            "registered_on",
        ),
        (
            slot("a", "OB")
            + _FILLER
            + r"(?:于|在)"
            + slot("d", "D")
            + r"(?:在⟦L\d+⟧)?(?:正式)?(?:共同)?(?:成立|创立|创办|创建|注册成立)"
            + _CLAUSE_END,
            "founded_in",
        ),
        (slot("d", "D") + r"[,，]?" + slot("a", "OB") + r"(?:正式)?(?:成立|创立|诞生)", "date_founded"),
        # 蔚来…，2014年11月由李斌、秦力洪等人创立 (the subject carried into the clause)
        (
            slot("a", "OB")
            + slot("d", "D")
            + _FILLER
            + r"(?:正式)?(?:共同)?(?:成立|创立|创办|创建)"
            + _CLAUSE_END,
            "dated_founding",
        ),
    )
    for rx, rule in rules:
        for m in re.finditer(rx, t):
            date = view.mention(m.group("d"))
            value = view.entity_of.get(date.start)
            if value is None or not re.match(r"\d{4}", date.key):
                continue  # a founding date needs a year
            iso = normalise_date(date.key, view.doc.date) or date.key
            out.append(
                view.relation(
                    m.group("a"),
                    "foundingDate",
                    m.group("d"),
                    rule=rule,
                    confidence=0.85,
                    literal=iso,
                    qualifiers={"text": date.text},
                )
            )
    return out


_RULES = (
    (
        _parent,
        (
            "旗下",
            "子公司",
            "孙公司",
            "母公司",
            "控股",
            "东家",
            "事业部",
            "事业群",
            "部门",
            "附属",
            "下属",
            "板块",
        ),
    ),
    (_partner, ("合作", "联手", "携手", "牵手", "联合", "结盟", "签约", "合资", "共同")),
    (_invest, ("投", "资", "持股", "持有", "买入", "受让", "入股", "增持", "股东")),
    (_acquire, ("收购", "并购", "买下", "吞并")),
    (
        _product,
        (
            "推出",
            "发布",
            "上线",
            "启动",
            "打造",
            "研发",
            "开发",
            "上市",
            "升级",
            "开通",
            "（",
            "(",
            "旗下",
            "运营",
        ),
    ),
    (_location, ("总部", "成立", "创立", "创办", "注册", "诞生")),
    (_founding_date, ("成立", "创立", "创办", "创建", "诞生", "注册")),
)
