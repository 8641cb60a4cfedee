"""The knowledge base's data files (kg/data/kb) hold together, and tools/build_kb.py builds them as documented."""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
RAW_SOURCES = ROOT.parent / "data" / "kb" / "sources"  # the raw files, kept outside the repository
ORG_COLUMNS = ["kb_id", "name", "type", "aliases", "ids", "flags", "sources", "ambiguous_aliases"]
PEOPLE_COLUMNS = ["kb_id", "name", "org_kb_id", "title", "ids", "sources"]
ID_KEYS = {"stock", "moe", "wikidata", "uscc"}


def _load_tool():
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "tools" / "build_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_kb"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


build_kb = _load_tool()


@functools.cache
def _table(name: str) -> tuple[list[str], list[list[str]]]:
    text = resources.files("kg.data").joinpath(f"kb/{name}").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    return header, rows


def orgs() -> list[list[str]]:
    return _table("organizations.tsv")[1]


def people() -> list[list[str]]:
    return _table("people.tsv")[1]


def _generic_words() -> set[str]:
    words = set()
    for name in ("non_entities.txt", "org_suffixes.txt"):
        text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#"):
                words.update(line.split("\t")[0].split() if name == "org_suffixes.txt" else line.split())
    return words


@pytest.mark.parametrize("name,columns", [("organizations.tsv", ORG_COLUMNS), ("people.tsv", PEOPLE_COLUMNS)])
def test_header_names_the_columns_and_rows_have_them(name, columns):
    header, rows = _table(name)
    assert header[-1] == "# " + "\t".join(columns)
    assert {len(r) for r in rows} == {len(columns)}


@pytest.mark.parametrize("name", ["organizations.tsv", "people.tsv"])
def test_rows_are_sorted_by_kb_id(name):
    keys = [(r[0], r) for r in _table(name)[1]]
    assert keys == sorted(keys)


def test_organisation_ids_are_unique_and_shaped():
    ids = [r[0] for r in orgs()]
    assert len(ids) == len(set(ids))
    pattern = re.compile(
        r"wd:Q\d+|cn:stock:(\d{6}\.(SH|SZ|BJ)|\d{5}\.HK|\d{4,6}\.TWO?|[A-Z][A-Z0-9]{0,5}\.US)|cn:moe:\d{10}"
        r"|kg:[0-9a-f]{12}"
    )
    assert [i for i in ids if not pattern.fullmatch(i)] == []


def test_taiwan_names_carry_no_market_markers():
    """-KY (registered abroad), 创 (innovation board), -DR (depositary receipt) and * (par value) are kept only
    as aliases; a Latin code under four letters keeps its marker (ABC-KY), since ABC alone names many things."""
    marked = [
        r[1]
        for r in orgs()
        if re.search(r"\.TWO?\b", r[4])
        and re.search(r"\*|-创|-KY|-DR$", r[1])
        and not re.fullmatch(r"[A-Za-z0-9]{1,3}-KY", r[1])
    ]
    assert marked == []


def test_a_stock_or_moe_kb_id_is_one_of_the_rows_ids():
    for kb_id, _name, _type, _aliases, ids, _flags, _sources, _ambiguous in orgs():
        if kb_id.startswith(("cn:stock:", "cn:moe:")):
            scheme, value = kb_id.split(":")[1:]
            assert f"{scheme}={value}" in ids.split("|"), kb_id


def test_types_are_kg_types():
    types = Counter(r[2] for r in orgs())
    assert set(types) <= {
        "Company",
        "Organization",
        "GovernmentOrganization",
        "MediaOrganization",
        "Platform",
    }
    assert all(hasattr(KG, t) for t in types)


def test_no_junk_names():
    generic = _generic_words()
    junk = [
        r[1] for r in orgs() if len(r[1]) < 2 or r[1].isdigit() or r[1] in generic or r[1] != r[1].strip()
    ]
    assert junk == []


def test_aliases_ids_and_flags_are_clean_lists():
    for _id, name, _type, aliases, ids, flags, sources, ambiguous in orgs():
        alias_list = aliases.split("|") if aliases else []
        assert name not in alias_list and "" not in alias_list and alias_list == sorted(set(alias_list))
        assert set(ambiguous.split("|") if ambiguous else []) <= set(alias_list)
        for pair in ids.split("|") if ids else []:
            key, _, value = pair.partition("=")
            assert key in ID_KEYS and value, pair
        assert flags == "|".join(sorted(set(flags.split("|")) - {""}))
        assert sources and "" not in sources.split("|")


def test_stock_names_carry_no_market_markers():
    """ST, *ST, N, C, -U and share-class letters are markers of the listing, kept only as aliases."""
    marked = [
        r[1]
        for r in orgs()
        if "listed" in r[5]
        and re.search(r"^(\*?ST|PT|[SNC])(?=[\u4e00-\u9fff])|-U$|[\u4e00-\u9fff][AB]$", r[1])
    ]
    assert marked == []


def test_every_source_key_is_described_in_the_readme():
    readme = resources.files("kg.data").joinpath("kb/README.md").read_text(encoding="utf-8")
    keys = {s for r in orgs() for s in r[6].split("|")} | {s for r in people() for s in r[5].split("|")}
    assert keys == {s.key for s in build_kb.SOURCES} | {build_kb.CURATED_KEY}
    assert [k for k in keys if f"`{k}`" not in readme] == []


def test_every_person_points_at_a_known_organisation():
    known = {r[0] for r in orgs()}
    assert [p for p in people() if p[2] not in known] == []


def test_people_rows_are_unique_posts_with_real_names():
    posts = [(p[0], p[3]) for p in people()]
    assert len(posts) == len(set(posts))
    assert [p[1] for p in people() if len(p[1]) < 2 or any(ch.isdigit() for ch in p[1])] == []
    assert all(re.fullmatch(r"kg:p:[0-9a-f]{12}|wd:Q\d+", p[0]) for p in people())


def test_counts_reach_what_the_sources_give():
    """Floors for what this build holds, so a source that silently stops parsing fails the test."""
    flags = Counter(f for r in orgs() for f in r[5].split("|"))
    sources = Counter(s for r in orgs() for s in r[6].split("|"))
    assert len(orgs()) >= 26_500
    assert flags["listed"] >= 8_000 and flags["university"] >= 3_500
    assert sources["hk_listing_2026"] >= 2_300 and sources["hanlp_org_2015"] >= 15_000
    assert sources["tw_listing_2024"] >= 1_000 and sources["tw_otc_2024"] >= 800
    assert sources["kg_curated"] >= 1_600 and flags["investor"] >= 600 and flags["brand"] >= 250
    assert flags["platform"] >= 100 and sum(1 for r in orgs() if r[2] == "Platform") >= 100
    assert sum(1 for r in orgs() if ".US" in r[4]) >= 70
    assert sum(1 for r in orgs() if r[2] == "GovernmentOrganization") >= 6_000
    assert len({p[0] for p in people()}) >= 5_000
    assert sum(1 for p in people() if p[5].startswith("tw_")) >= 3_500


def test_counts_reach_the_issue_targets_for_organisations_and_people():
    assert len(orgs()) >= 20_000 and len({p[0] for p in people()}) >= 5_000


def test_a_and_h_shares_of_one_company_are_one_row_with_its_mainland_id():
    """Hong Kong listings join the mainland row of the same registered name; the row keeps its mainland kb_id."""
    both = [r for r in orgs() if re.search(r"\.(SH|SZ)\b", r[4]) and ".HK" in r[4]]
    assert len(both) >= 100
    assert all(not r[0].endswith(".HK") for r in both)


@pytest.mark.xfail(
    strict=True,
    reason="the curated list names about 640 investment firms; no redistributable list found for the rest "
    "(see kg/data/kb/README.md, Known gaps)",
)
def test_counts_reach_the_issue_target_for_investment_firms():
    flags = Counter(f for r in orgs() for f in r[5].split("|"))
    assert flags["investor"] >= 1_000


# ---- the curated list and what it adds to the shipped files -----------------------------------------------


def _named(name: str) -> list[str]:
    found = [r for r in orgs() if r[1] == name]
    assert len(found) == 1, (name, [r[0] for r in found])
    return found[0]


def test_the_shipped_curated_list_parses_with_unique_names():
    rows = build_kb.read_curated(build_kb.CURATED_FILE)
    names = [n for row in rows for n in row.names]
    assert len(rows) >= 1_600 and len(names) == len(set(names))
    assert sum(1 for row in rows if "investor" in row.flags) >= 600
    assert {row.type for row in rows} <= set(build_kb.TYPES)
    assert set().union(*(row.flags for row in rows)) <= build_kb.CURATED_FLAGS


@pytest.mark.parametrize(
    "name,kb_id,flag,alias",
    [
        ("美团", "cn:stock:03690.HK", "platform", "北京三快在线科技有限公司"),
        ("拼多多", "cn:stock:PDD.US", "platform", "上海寻梦信息技术有限公司"),
        ("饿了么", "kg:", "platform", "上海拉扎斯信息科技有限公司"),
        ("快手", "cn:stock:01024.HK", "platform", "快手科技"),
        ("叮咚买菜", "cn:stock:DDL.US", "platform", "Dingdong"),
        ("平安好医生", "cn:stock:01833.HK", "platform", "平安健康医疗科技"),
        ("地平线", "cn:stock:09660.HK", "listed", "Horizon Robotics"),
        ("寒武纪", "cn:stock:688256.SH", "listed", "Cambricon"),
        ("蜜雪冰城", "cn:stock:02097.HK", "brand", "MIXUE"),
        ("元气森林", "kg:", "unicorn", "Genki Forest"),
        ("货拉拉", "kg:", "private", "深圳依时货拉拉科技有限公司"),
        ("喜茶", "kg:", "brand", "HEYTEA"),
        ("启明创投", "kg:", "investor", "Qiming Venture Partners"),
        ("红杉中国", "kg:", "investor", "HongShan"),
        ("腾讯投资", "kg:", "investor", "Tencent Investment"),
    ],
)
def test_the_names_of_issue_12_are_rows_with_ids_flags_and_aliases(name, kb_id, flag, alias):
    row = _named(name)
    assert row[0].startswith(kb_id) and flag in row[5].split("|") and alias in row[3].split("|")


def test_curated_rows_with_a_stock_code_joined_the_listed_row():
    """A curated row that gives a mainland or Hong Kong code made no row of its own: it joined the listed row
    (A and H lines of one company that the sources left apart are one row, with the mainland id)."""
    by_stock = {i: r for r in orgs() for i in r[4].split("|") if i}
    for row in build_kb.read_curated(build_kb.CURATED_FILE):
        for stock in row.ids:
            joined = by_stock[stock]
            assert "kg_curated" in joined[6] and (row.name == joined[1] or row.name in joined[3].split("|"))
            if not stock.endswith(".US"):
                listed_by = {
                    "cn_stock_2026",
                    "cn_stock_2018",
                    "hk_listing_2026",
                    "tw_listing_2024",
                    "tw_otc_2024",
                }
                assert listed_by & set(joined[6].split("|"))
    assert _named("百济神州")[4] == "stock=06160.HK|stock=688235.SH"


def test_curated_names_are_no_other_rows_names():
    owners: dict[str, set[str]] = {}
    for r in orgs():
        owners.setdefault(r[1], set()).add(r[0])
    clashes = [
        (r[1], n)
        for r in orgs()
        if "kg_curated" in r[6]
        for n in [r[1], *r[3].split("|")]
        if owners.get(n, {r[0]}) - {r[0]}
    ]
    assert clashes == []


def test_short_names_that_are_common_words_are_marked():
    assert "理想" in _named("理想汽车")[7].split("|") and "平安" in _named("中国平安")[7].split("|")
    assert "美的" in _named("美的集团")[7].split("|") and "长安" in _named("长安汽车")[7].split("|")
    assert "ambiguous" in _named("得到")[5].split("|") and "ambiguous" in _named("快的")[5].split("|")
    assert "ambiguous" not in _named("美团")[5].split("|")


# ---- the Taiwan lists --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,kb_id,aliases",
    [
        ("台积电", "cn:stock:2330.TW", {"台湾积体电路制造股份有限公司", "台湾积体电路制造", "TSMC"}),
        ("鸿海", "cn:stock:2317.TW", {"鸿海精密工业股份有限公司", "富士康", "Foxconn"}),
        ("联发科", "cn:stock:2454.TW", {"联发科技股份有限公司", "联发科技", "MediaTek"}),
        ("日月光投控", "cn:stock:3711.TW", {"日月光投资控股股份有限公司", "日月光"}),
        ("力成", "cn:stock:6239.TW", {"力成科技股份有限公司"}),
        ("矽力", "cn:stock:6415.TW", {"矽力*-KY", "矽力杰股份有限公司"}),
        ("威刚", "cn:stock:3260.TWO", {"威刚科技股份有限公司", "ADATA"}),
    ],
)
def test_taiwan_listings_are_rows_by_short_and_registered_name(name, kb_id, aliases):
    """Names in simplified script (kg converts traditional text at ingest, and matches names as written here)."""
    row = _named(name)
    assert row[0] == kb_id and "listed" in row[5].split("|") and aliases <= set(row[3].split("|"))
    assert {"tw_listing_2024", "tw_otc_2024"} & set(row[6].split("|"))


def test_taiwan_chairmen_and_managers_are_people_rows():
    posts = {(p[1], p[2], p[3]) for p in people() if p[5].startswith("tw_")}
    assert {("魏哲家", "cn:stock:2330.TW", "董事长"), ("刘扬伟", "cn:stock:2317.TW", "董事长")} <= posts
    assert {("黄钊凯", "cn:stock:1216.TW", "总经理"), ("李清田", "cn:stock:1216.TW", "总经理")} <= posts
    # no company sits in a post (博智投資股份有限公司 chairs 嘉泥), and no note or vacancy is a name
    assert [p for p in posts if re.search(r"公司|投资|[()（）:：]|待|^无$", p[0])] == []


def test_taiwan_short_names_that_are_words_or_places_are_marked():
    for name in ("统一", "南亚", "幸福", "大成", "泰山"):
        row = _named(name)
        assert row[0].endswith(".TW") and "ambiguous" in row[5].split("|"), name


def test_a_taiwan_listing_leaves_a_name_to_the_organisation_mainland_text_means():
    """海光 is 海光信息 (688041.SH); 三星 stays the dictionary's 三星; the Taiwan companies keep their registered
    names; a Hong Kong company with Taiwan depositary receipts is one row with its Hong Kong id."""
    assert _named("海光信息")[0] == "cn:stock:688041.SH" and _named("海光企业")[0] == "cn:stock:2038.TW"
    assert "stock=5007.TW" not in _named("三星")[4] and _named("三星科技")[0] == "cn:stock:5007.TW"
    assert _named("康师傅")[4] == "stock=00322.HK|stock=910322.TW"


def test_a_listed_row_is_neither_private_nor_a_unicorn():
    both = [r[1] for r in orgs() if "listed" in r[5] and {"private", "unicorn"} & set(r[5].split("|"))]
    assert both == []


# ---- the build script -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,plain,listed",
    [
        ("*ST国华", "国华", "*ST国华"),
        ("万  科Ａ", "万科", "万科A"),
        ("寒武纪-U", "寒武纪", "寒武纪-U"),
        ("S佳通", "佳通", "S佳通"),
        ("C德力佳", "德力佳", "C德力佳"),
        ("TCL科技", "TCL科技", "TCL科技"),
        ("深康佳B", "深康佳", "深康佳B"),
    ],
)
def test_plain_stock_name(raw, plain, listed):
    assert build_kb.plain_stock_name(raw) == (plain, listed)


@pytest.mark.parametrize(
    "code,ts_code",
    [
        ("600519", "600519.SH"),
        ("2658", "002658.SZ"),
        ("300750", "300750.SZ"),
        ("920001", "920001.BJ"),
        ("900901", "900901.SH"),
        ("200002", "200002.SZ"),
        ("830799", "830799.BJ"),
    ],
)
def test_exchange_code(code, ts_code):
    assert build_kb.exchange_code(code) == ts_code


@pytest.mark.parametrize(
    "fullname,short",
    [
        ("腾讯控股有限公司", "腾讯控股"),
        ("美团", "美团"),
        ("派格生物医药(杭州)股份有限公司", "派格生物医药"),
        ("中国平安保险(集团)股份有限公司", "中国平安保险"),
        ("有限公司", "有限公司"),
        ("美图公司", "美图"),
        ("Wong's Kong King International (Holdings) Limited", "Wong's Kong King International Limited"),
    ],
)
def test_short_name_drops_the_legal_form_and_brackets(fullname, short):
    assert build_kb.short_name(fullname) == short


def _vocab(words: dict[str, tuple[int, str]]) -> object:
    return build_kb.Vocab(words, frozenset({"长安"}), frozenset({"公司"}), ("公司", "银行"), "test")


@pytest.mark.parametrize(
    "name,ambiguous",
    [
        ("平安", True),
        ("长安", True),
        ("美的", True),
        ("同仁堂", False),
        ("中联重科", False),
        ("教育部", False),
        ("贵州茅台", False),
        ("中国银行", False),
    ],
)
def test_ambiguous_names_are_common_words_or_places(name, ambiguous):
    words = {
        "平安": (1438, "a"),
        "美的": (230, "nr"),
        "同仁堂": (62, "nr"),
        "中联重科": (34, "j"),
        "教育部": (1216, "n"),
        "中国银行": (500, "n"),
    }
    assert build_kb.is_ambiguous(name, _vocab(words)) is ambiguous


@pytest.mark.parametrize(
    "name,tag,kind",
    [
        ("星辰科技有限公司", "nt", ("Company", "")),
        ("长安公司", "nt", None),  # a place and 公司: no name
        ("社区医院", "nth", None),  # an ordinary word and 医院: a kind of hospital
        ("三级甲等医院", "nth", None),
        ("某县公安局", "nto", None),
        ("大丰花园餐厅", "nt", None),
        ("中国证券监督管理委员会", "nt", ("GovernmentOrganization", "regulator")),
        ("北方证券交易所", "nt", ("GovernmentOrganization", "exchange")),
        ("国务院国资委", "nt", ("GovernmentOrganization", "")),
        ("中国人民银行", "nto", ("GovernmentOrganization", "")),
        ("星辰银行", "ntcb", ("Company", "bank")),
        ("星辰", "ntc", ("Company", "")),
        ("星辰", "nt", None),  # no telling ending and no finer tag
        ("星辰大学", "nt", ("Organization", "university")),
    ],
)
def test_classify_lexicon_name(name, tag, kind):
    assert build_kb.classify_lexicon_name(name, tag, _vocab({"社区": (2000, "n")})) == kind


@pytest.mark.parametrize(
    "cell,title,people",
    [
        ("張安平", "董事长", [("张安平", "董事长")]),
        ("黃釗凱、李清田", "总经理", [("黄钊凯", "总经理"), ("李清田", "总经理")]),
        ("吳某山,鄭某宇", "总经理", [("吴某山", "总经理"), ("郑某宇", "总经理")]),
        ("林某姿 吳某蕙", "总经理", [("林某姿", "总经理"), ("吴某蕙", "总经理")]),
        ("何  鈞", "董事长", [("何钧", "董事长")]),
        ("黃&#21843;峰", "董事长", [("黄启峰", "董事长")]),
        ("博智投資股份有限公司", "董事长", []),
        ("某某投資股份有限公司(代表人張某照)", "董事长", [("张某照", "董事长")]),
        ("某某實業有限公司代表人宋某業", "董事长", [("宋某业", "董事长")]),
        ("陳某俊(代理)", "总经理", [("陈某俊", "代理总经理")]),
        ("翁某典代理", "总经理", [("翁某典", "代理总经理")]),
        ("楊某榮(執行長)", "总经理", [("杨某荣", "执行长")]),
        ("總裁: 魏某家", "总经理", [("魏某家", "总裁")]),
        ("執行長: 陳某男 / 總經理: 許某南", "总经理", [("陈某男", "执行长"), ("许某南", "总经理")]),
        ("翁某誠(原名:林某地)", "总经理", [("翁某诚", "总经理")]),
        ("賴某彥先生", "董事长", [("赖某彦", "董事长")]),
        ("楊青(山夆)", "董事长", []),  # a character written as its parts: the name cannot be spelt
        ("余 火甘 木發", "总经理", []),
        ("Stephen Lam", "总经理", []),
        ("待董事會委任後再另行公告", "总经理", []),
        ("無", "总经理", []),
        ("NA", "总经理", []),
    ],
)
def test_tw_people_reads_the_chairman_and_manager_cells(cell, title, people):
    assert build_kb.tw_people(cell, title) == people


def _tw_row(code: str, fullname: str, short: str, chairman: str, manager: str, en: str, industry: str = "24"):
    row = dict.fromkeys(TW_COLUMNS, "")
    row.update(
        {
            "出表日期": "1131029",
            "公司代號": code,
            "公司名稱": fullname,
            "公司簡稱": short,
            "外國企業註冊地國": "－ ",
            "產業別": industry,
            "董事長": chairman,
            "總經理": manager,
            "英文簡稱": en,
        }
    )
    return [row[c] for c in TW_COLUMNS]


TW_COLUMNS = (
    "出表日期,公司代號,公司名稱,公司簡稱,外國企業註冊地國,產業別,住址,營利事業統一編號,董事長,總經理,發言人,"
    "發言人職稱,代理發言人,總機電話,成立日期,上市日期,普通股每股面額,實收資本額,私募股數,特別股,編制財務報表類型,"
    "股票過戶機構,過戶電話,過戶地址,簽證會計師事務所,簽證會計師1,簽證會計師2,英文簡稱,英文通訊地址,傳真機號碼,"
    "電子郵件信箱,網址,已發行普通股數或TDR原股發行股數"
).split(",")


def _write_sources(folder: Path) -> None:
    def csv_file(name: str, rows: list[list[str]]) -> None:
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)

    csv_file(
        "cn_stock_2026.csv",
        [
            ["ts_code", "symbol", "name", "area", "industry", "list_date"],
            ["000016.SZ", "000016", "深康佳Ａ", "深圳", "家用电器", "1992-03-27"],
            ["600999.SH", "600999", "招商证券", "深圳", "证券", "2009-11-17"],
        ],
    )
    head = [
        "TS代码",
        "股票代码",
        "股票名称",
        "所在地域",
        "所属行业",
        "股票全称",
        "英文全称",
        "市场",
        "交易所代码",
        "交易货币",
        "上市状态",
        "上市日期",
        "退市日期",
        "沪深港通",
    ]
    csv_file(
        "cn_stock_2020.csv",
        [
            head,
            [
                "000016.SZ",
                "000016",
                "深康佳A",
                "深圳",
                "家用电器",
                "康佳集团股份有限公司",
                "Konka Group Co.,Ltd",
                "主板",
                "SZSE",
                "CNY",
                "L",
                "19920327",
                "",
                "S",
            ],
        ],
    )
    csv_file(
        "cn_stock_2018.csv",
        [
            ["stock_id:ID(Stock)", "name", "code", ":LABEL"],
            ["16", "深康佳A", "16", "Company"],
            ["200016", "深康佳B", "200016", "Company"],
            ["600999", "招商证券", "600999", "Company"],
        ],
    )
    csv_file(
        "cn_exec_2018.csv",
        [
            ["name", "gender", "age", "code", "jobs"],
            ["周某某", "男", "50", "16", "董事长/董事"],
            ["吴某某", "女", "45", "16", "独立董事"],
            ["X", "男", "1", "16", "董事"],
        ],
    )
    moe = [
        {"附件1：": "序号", "Column2": "学校名称"},
        {
            "附件1：": 1,
            "Column2": "某某大学",
            "Column3": 4111010001,
            "Column4": "交通运输部（中国民用航空局）",
            "Column5": "北京市",
            "Column6": "本科",
        },
        {
            "附件1：": 2,
            "Column2": "某某学院",
            "Column3": 4111011418,
            "Column4": "北京市",
            "Column5": "北京市",
            "Column6": "本科",
            "Column7": "民办",
        },
    ]
    (folder / "moe_hei_2025.json").write_text(json.dumps(moe, ensure_ascii=False), encoding="utf-8")
    hk = [
        {"symbol": 2016, "engName": "Konka Group Co., Ltd.", "zhName": "康佳集團股份有限公司"},
        {"symbol": 9999, "engName": "Xingchen Holdings\r\nLimited", "zhName": "星辰控股有限公司"},
        {"symbol": 19, "engName": "Xingchen Pacific Limited 'A'", "zhName": "星辰股份有限公司'A'"},
        {"symbol": 87, "engName": "Xingchen Pacific Limited 'B'", "zhName": "星辰股份有限公司'B'"},
        {"symbol": 9988, "engName": "Yueliang Group Holding Limited", "zhName": "月亮集團控股有限公司"},
        {"symbol": 9660, "engName": "Sky Robotics", "zhName": "Sky Robotics"},
        {"symbol": 6099, "engName": "China Merchants Securities", "zhName": "招商證券國際有限公司"},
    ]
    (folder / "hk_listing_2026.json").write_text(json.dumps(hk, ensure_ascii=False), encoding="utf-8")
    (folder / "hanlp_org_2015.txt").write_text(
        "招商证券 ntc 3\n星辰科技有限公司 nt 1\n社区医院 nt 5\n上海公司 nt 2\n北方证券交易所 nt 2 nto 1\n"
        "月亮公司 ntc 2\n",
        encoding="utf-8",
    )
    (folder / "kb_curated.tsv").write_text(CURATED_FIXTURE, encoding="utf-8")
    csv_file(
        "tw_listing_2024.csv",
        [
            TW_COLUMNS,
            _tw_row("2399", "宏星電子股份有限公司", "宏星", "張某某", "李某甲、王某乙", "HONGSTAR"),
            _tw_row("1299", "幸福水泥股份有限公司", "幸福", "博智投資股份有限公司", "陳某某(代理)", "TCC"),
            _tw_row("3799", "康佳電子股份有限公司", "康佳", "黃&#21843;峰", "Stephen Lam", "Konka Taiwan"),
            _tw_row("9199", "月亮環球控股(股)公司", "月環-KY", "某某(山夆)", "無", "ABC"),
            _tw_row("910099", "星辰控股有限公司", "星辰控-DR", "周某某", "周某某", "Xingchen"),
            _tw_row("2899", "星辰商業銀行股份有限公司", "星辰銀", "吳某某", "鄭某某", "Star Bank", "17"),
        ],
    )
    csv_file(
        "tw_otc_2024.csv",
        [TW_COLUMNS, _tw_row("6499", "矽星科技股份有限公司", "矽星*-創", "林某某", "林某某", "SiStar")],
    )


CURATED_FIXTURE = """# a curated list for the tests
# name\ttype\taliases\tids\tflags
康佳\tCompany\tKonka\tstock=000016.SZ\tbrand
月亮\tCompany\t月亮-SW|月亮公司|Yueliang\tstock=09988.HK\tplatform
天空机器人\tCompany\t天空\tstock=09660.HK\t
招商证券\tCompany\t招商证券国际有限公司\tstock=600999.SH\tsecurities
星辰买菜\tCompany\t上海星辰买菜网络科技有限公司\tstock=XCMC.US\tplatform
星辰资本\tCompany\tXingchen Capital\t\tinvestor
月亮App\tPlatform\t\t\t
小星\tCompany\t\t\tprivate|unicorn|brand
"""


def _build(folder: Path, out: Path) -> dict[str, int]:
    return build_kb.build(folder, out, folder / "kb_curated.tsv")


def _built_rows(out: Path) -> dict[str, list[str]]:
    lines = (out / "organizations.tsv").read_text(encoding="utf-8").splitlines()
    return {r[1]: r for r in (ln.split("\t") for ln in lines if not ln.startswith("#"))}


@pytest.mark.slow
def test_build_merges_listings_and_keeps_old_names_as_aliases(tmp_path):
    _write_sources(tmp_path)
    counts = _build(tmp_path, tmp_path / "out")
    rows = {
        r[1]: r
        for r in (
            ln.split("\t")
            for ln in (tmp_path / "out/organizations.tsv").read_text(encoding="utf-8").splitlines()
            if not ln.startswith("#")
        )
    }
    konka = rows["深康佳"]
    assert konka[0] == "cn:stock:000016.SZ" and konka[4] == "stock=000016.SZ|stock=02016.HK|stock=200016.SZ"
    assert {"康佳集团股份有限公司", "Konka Group Co.,Ltd", "深康佳A", "深康佳B"} <= set(konka[3].split("|"))
    assert "securities" in rows["招商证券"][5]
    assert rows["某某大学"][0] == "cn:moe:4111010001" and "private" in rows["某某学院"][5]
    assert rows["交通运输部"][2] == rows["中国民用航空局"][2] == "GovernmentOrganization"
    assert "北京市" not in rows  # a province is a place, not a supervising organisation
    people_rows = [
        ln.split("\t")
        for ln in (tmp_path / "out/people.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#") and ln.endswith("cn_exec_2018")
    ]
    assert sorted((p[1], p[2], p[3]) for p in people_rows) == [
        ("周某某", "cn:stock:000016.SZ", "董事"),
        ("周某某", "cn:stock:000016.SZ", "董事长"),
    ]
    assert counts == {"organizations": 22, "people": 13, "unknown_companies": 0}  # 6 rows, 11 posts: Taiwan


@pytest.mark.slow  # a build of the knowledge base from its sources (a maintainer's command)
def test_build_adds_hong_kong_listings_and_lexicon_organisations(tmp_path):
    _write_sources(tmp_path)
    _build(tmp_path, tmp_path / "out")
    rows = {
        r[1]: r
        for r in (
            ln.split("\t")
            for ln in (tmp_path / "out/organizations.tsv").read_text(encoding="utf-8").splitlines()
            if not ln.startswith("#")
        )
    }
    # the H share joins the A share through the registered name, written in traditional script
    assert rows["深康佳"][4] == "stock=000016.SZ|stock=02016.HK|stock=200016.SZ"
    assert "hk_listing_2026" in rows["深康佳"][6]
    xingchen = rows["星辰控股"]
    assert xingchen[0] == "cn:stock:09999.HK" and "星辰控股有限公司" in xingchen[3].split("|")
    assert "Xingchen Holdings Limited" in xingchen[3].split("|")  # line breaks in a name become one space
    # two share classes of one company are one row; the class marker is not part of the name
    assert rows["星辰"][0] == "cn:stock:00019.HK" and rows["星辰"][4] == "stock=00019.HK|stock=00087.HK"
    assert rows["星辰"][3] == "Xingchen Pacific Limited|星辰股份有限公司"
    assert rows["招商证券"][6] == "cn_stock_2018|cn_stock_2026|hanlp_org_2015|hk_listing_2026|kg_curated"
    assert rows["星辰科技有限公司"][2] == "Company" and rows["星辰科技有限公司"][6] == "hanlp_org_2015"
    assert rows["北方证券交易所"][2:6:3] == ["GovernmentOrganization", "exchange"]
    assert "社区医院" not in rows and "上海公司" not in rows


@pytest.mark.slow  # a build of the knowledge base from its sources (a maintainer's command)
def test_build_adds_taiwan_listings_and_their_chairmen_and_managers(tmp_path):
    _write_sources(tmp_path)
    _build(tmp_path, tmp_path / "out")
    rows = _built_rows(tmp_path / "out")
    star = rows["宏星"]
    assert star[0] == "cn:stock:2399.TW" and star[4] == "stock=2399.TW" and star[6] == "tw_listing_2024"
    assert star[3] == "HONGSTAR|宏星电子|宏星电子股份有限公司" and star[7] == "HONGSTAR"  # one English word
    otc = rows["矽星"]  # markers dropped from the name, kept in the listed form
    assert otc[0] == "cn:stock:6499.TWO" and "矽星*-创" in otc[3].split("|") and otc[6] == "tw_otc_2024"
    # a short name that is a word is marked; a two- or three-letter English code is not taken
    assert "ambiguous" in rows["幸福"][5].split("|") and "TCC" not in rows["幸福"][3]
    # a name the mainland rows or the curated list hold stays there: the Taiwan 康佳 is named by its registered name
    assert "康佳" not in rows and rows["康佳电子"][0] == "cn:stock:3799.TW"
    # the Cayman company: prefix and abbreviated legal form dropped; a bank by its registered name
    assert {"月亮环球控股股份有限公司", "月环-KY"} <= set(rows["月环"][3].split("|"))
    # 星辰 (stars) and one character: the three-character name reads as a phrase
    assert rows["星辰银"][5] == "ambiguous|bank|listed"
    assert rows["宏星"][5] == "listed" and rows["矽星"][5] == "listed"
    # depositary receipts of a Hong Kong company join its row, which keeps its Hong Kong id
    assert rows["星辰控股"][4] == "stock=09999.HK|stock=910099.TW" and "星辰控-DR" in rows["星辰控股"][3]
    people_lines = (tmp_path / "out/people.tsv").read_text(encoding="utf-8").splitlines()
    posts = {tuple(ln.split("\t")[1:4]) for ln in people_lines if "tw_" in ln}
    assert posts == {
        ("张某某", "cn:stock:2399.TW", "董事长"),
        ("李某甲", "cn:stock:2399.TW", "总经理"),
        ("王某乙", "cn:stock:2399.TW", "总经理"),
        ("陈某某", "cn:stock:1299.TW", "代理总经理"),
        ("黄启峰", "cn:stock:3799.TW", "董事长"),
        ("周某某", "cn:stock:09999.HK", "董事长"),
        ("周某某", "cn:stock:09999.HK", "总经理"),
        ("吴某某", "cn:stock:2899.TW", "董事长"),
        ("郑某某", "cn:stock:2899.TW", "总经理"),
        ("林某某", "cn:stock:6499.TWO", "董事长"),
        ("林某某", "cn:stock:6499.TWO", "总经理"),
    }


def test_a_bad_taiwan_stock_code_names_file_and_line(tmp_path):
    _write_sources(tmp_path)
    with (tmp_path / "tw_otc_2024.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(_tw_row("AB12", "某某股份有限公司", "某某", "", "", ""))
    with pytest.raises(build_kb.BuildError, match=r"tw_otc_2024\.csv: line 3: not a Taiwan stock code"):
        _build(tmp_path, tmp_path / "out")


def test_a_malformed_lexicon_line_names_file_and_line(tmp_path):
    _write_sources(tmp_path)
    with (tmp_path / "hanlp_org_2015.txt").open("a", encoding="utf-8") as fh:
        fh.write("没有标签的一行\n")
    with pytest.raises(build_kb.BuildError, match=r"hanlp_org_2015\.txt: line 7: not 'name nt"):
        _build(tmp_path, tmp_path / "out")


def test_build_is_byte_identical_on_a_rerun(tmp_path):
    _write_sources(tmp_path)
    _build(tmp_path, tmp_path / "a")
    _build(tmp_path, tmp_path / "b")
    for name in ("organizations.tsv", "people.tsv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_missing_source_is_one_error_naming_the_file_and_writes_nothing(tmp_path, capsys):
    _write_sources(tmp_path)
    (tmp_path / "cn_stock_2020.csv").unlink()
    args = [
        "--sources",
        str(tmp_path),
        "--out",
        str(tmp_path / "out"),
        "--curated",
        str(tmp_path / "kb_curated.tsv"),
    ]
    assert build_kb.main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cn_stock_2020.csv: missing" in err and "yu-bo/stock" in err
    assert not (tmp_path / "out").exists()


def test_a_bad_stock_code_names_file_and_line(tmp_path):
    _write_sources(tmp_path)
    with (tmp_path / "cn_exec_2018.csv").open("a", encoding="utf-8") as fh:
        fh.write("李某,男,40,ABC,董事\n")
    with pytest.raises(build_kb.BuildError, match=r"cn_exec_2018\.csv: line 5: not a six-digit stock code"):
        _build(tmp_path, tmp_path / "out")


def test_the_curated_list_joins_listed_rows_and_adds_its_own(tmp_path):
    _write_sources(tmp_path)
    _build(tmp_path, tmp_path / "out")
    rows = _built_rows(tmp_path / "out")
    # a mainland row keeps the exchange's short name; the curated name becomes an alias
    assert "康佳" not in rows and {"康佳", "Konka"} <= set(rows["深康佳"][3].split("|"))
    assert "brand" in rows["深康佳"][5] and rows["深康佳"][6].endswith("kg_curated")
    # a Hong Kong row named by the build (registered name less its legal form, or English) takes the curated name
    moon = rows["月亮"]
    assert moon[0] == "cn:stock:09988.HK" and {"月亮集团控股", "月亮-SW"} <= set(moon[3].split("|"))
    assert "hanlp_org_2015" in moon[6]  # the dictionary's 月亮公司 is one of its aliases: no row of its own
    assert rows["天空机器人"][0] == "cn:stock:09660.HK" and "Sky Robotics" in rows["天空机器人"][3]
    # an A and an H listing the sources left apart become one row with the mainland id
    cms = rows["招商证券"]
    assert cms[0] == "cn:stock:600999.SH" and cms[4] == "stock=06099.HK|stock=600999.SH"
    assert "招商证券国际" not in rows
    # a US ticker gives a listed row of its own; a row with no id gets a kg: id
    assert rows["星辰买菜"][0] == "cn:stock:XCMC.US" and rows["星辰买菜"][5] == "listed|platform"
    assert re.fullmatch(r"kg:[0-9a-f]{12}", rows["星辰资本"][0]) and rows["星辰资本"][5] == "investor"
    assert rows["月亮App"][2] == "Platform" and rows["小星"][5] == "brand|private|unicorn"


def test_common_words_among_curated_names_and_aliases_are_marked(tmp_path):
    _write_sources(tmp_path)
    (tmp_path / "kb_curated.tsv").write_text(
        "平安\tCompany\t\t\t\n星辰买菜\tCompany\t理想|星辰App\tstock=XCMC.US\t\n", encoding="utf-8"
    )
    # jieba's dictionary: 平安 and 理想 are ordinary words
    _build(tmp_path, tmp_path / "out")
    rows = _built_rows(tmp_path / "out")
    assert "ambiguous" in rows["平安"][5].split("|")
    assert rows["星辰买菜"][7] == "理想" and "ambiguous" not in rows["星辰买菜"][5]


def test_a_listed_row_is_not_private(tmp_path):
    _write_sources(tmp_path)
    (tmp_path / "kb_curated.tsv").write_text("星辰买菜\tCompany\t星辰控股\t\tprivate\n", encoding="utf-8")
    with pytest.raises(build_kb.BuildError, match="'星辰控股' is the name of row cn:stock:09999.HK"):
        _build(tmp_path, tmp_path / "out")
    (tmp_path / "kb_curated.tsv").write_text(
        "星辰买菜\tCompany\t星辰控股有限公司\t\tprivate|unicorn\n", encoding="utf-8"
    )  # the registered name joins the listed row, which stays listed
    _build(tmp_path, tmp_path / "out")
    rows = _built_rows(tmp_path / "out")
    assert rows["星辰买菜"][0] == "cn:stock:09999.HK" and rows["星辰买菜"][5] == "listed"


@pytest.mark.parametrize(
    "line,message",
    [
        ("星辰资本\tCompany\tXingchen Capital", r"line 11: 3 columns, not 5"),
        (
            "星辰资本二\tCompany\tXingchen Capital\t\tinvestor",
            r"line 11: 'Xingchen Capital' is already on line 8",
        ),
        ("星辰资本二\tCompany\t\t\tfamous", r"line 11: not a stock id or flag: famous"),
        ("星辰资本二\tFund\t\t\t", r"line 11: type 'Fund' is not one of"),
        ("星辰资本二\tCompany\t \t\t", r"line 11: name ' ' is empty"),
        ("星辰资本二\tCompany\t\tstock=00001.HK\t", r"line 11: no source lists stock=00001\.HK"),
        ("星辰资本二\tCompany\t\tstock=0700.HK\t", r"line 11: not a stock id or flag: stock=0700\.HK"),
        (
            "星辰资本二\tCompany\t\tstock=XCMD.US\tprivate",
            r"line 11: a row with a stock id is a listed company",
        ),
        ("深康佳\tCompany\t\t\t", r"line 11: '深康佳' is the name of row cn:stock:000016\.SZ"),
        ("星辰资本二\tPlatform\t\tstock=00019.HK\t", r"line 11: a row with a stock id is a listed company"),
        ("北方证券交易所二\tCompany\t中国民用航空局\t\t", r"line 11: '中国民用航空局' is the name of row"),
        (
            "深康佳A股\tGovernmentOrganization\t\tstock=000016.SZ\t",
            r"line 11: type GovernmentOrganization, but",
        ),
    ],
)
def test_a_bad_curated_row_names_file_line_and_problem(tmp_path, line, message):
    _write_sources(tmp_path)
    with (tmp_path / "kb_curated.tsv").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(build_kb.BuildError, match=r"kb_curated\.tsv: " + message):
        _build(tmp_path, tmp_path / "out")


def test_a_missing_curated_list_is_one_error_and_writes_nothing(tmp_path, capsys):
    _write_sources(tmp_path)
    args = [
        "--sources",
        str(tmp_path),
        "--out",
        str(tmp_path / "out"),
        "--curated",
        str(tmp_path / "none.tsv"),
    ]
    assert build_kb.main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none.tsv: missing" in err and not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.skipif(
    not all((RAW_SOURCES / s.file).is_file() for s in build_kb.SOURCES),
    reason="the raw source files are not on this machine",
)
def test_shipped_files_rebuild_byte_identically_from_the_raw_sources(tmp_path):
    build_kb.build(RAW_SOURCES, tmp_path)
    for name in ("organizations.tsv", "people.tsv"):
        shipped = resources.files("kg.data").joinpath(f"kb/{name}").read_bytes()
        assert (tmp_path / name).read_bytes() == shipped, name
