"""Build kg's knowledge base (``kg/data/kb/organizations.tsv`` and ``people.tsv``) from raw open-data files.

    python tools/build_kb.py --sources DIR [--out kg/data/kb]

The same raw files give byte-identical output. The raw files are not part of kg; put them in DIR under the names
below, each taken from one public repository at one commit (``git show COMMIT:PATH > DIR/FILE``):

    cn_stock_2026.csv   henrylin99/stock_web_app            c5fa6c22d2593236ed46941ff3828bbaa03a3899  data/stock_basic.csv
    cn_stock_2020.csv   yu-bo/stock                         d9f9f96f0b47d09e75fd320d0d0725817d58e38c  data/stock_basic.csv
    cn_stock_2018.csv   lemonhu/stock-knowledge-graph       83d9e2ac5f86893d27c7e0a5cd48307327969e65  data/import/stock.csv
    cn_exec_2018.csv    lemonhu/stock-knowledge-graph       83d9e2ac5f86893d27c7e0a5cd48307327969e65  data/executive_prep.csv
    moe_hei_2025.json   YangZhi2007/ar-campus-guide         5c4cd2f498cfd7a5b7ba0c6333a8f15dc6062b82  全国高等学校名单.json
    hk_listing_2026.json jacktth/ga-hk_stock_info           24e417b0b1e12a06e249bd4afb3677c5919b485c  hk-listings/date.json
    tw_listing_2024.csv damentsai/stock_analysis            07059a7baf83b3dcb86a163a025def4c41808a38  t187ap03_L.csv
    tw_otc_2024.csv     damentsai/stock_analysis            07059a7baf83b3dcb86a163a025def4c41808a38  t187ap03_O.csv
    hanlp_org_2015.txt  hankcs/HanLP                        dadd5c76a53eb05cc84720628b89e4a334d5d753  data/dictionary/custom/机构名词典.txt

Beside them the build reads kg's own curated list, ``tools/kb_curated.tsv`` (source key ``kg_curated``): investment
firms, private companies, platforms and brands, and the short names of big Hong Kong and US listings, written for kg
(MIT like the project); ``--curated`` reads another file. Licences and what each gives are in
``kg/data/kb/README.md``. Only names, codes and titles are taken. Which names
are common words (flag ``ambiguous``) is read from the segmenter's dictionary (jieba's ``dict.txt``, located
without importing jieba) and kg's own place list; the jieba version is written into the output header. Hong Kong
and Taiwan names come in traditional script and are converted with OpenCC (``t2s``, a kg dependency), whose version
is written into the header too: kg converts traditional text to simplified at ingest, and the recogniser matches the
names as the knowledge base writes them.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import html
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KG_DATA = REPO_ROOT / "kg" / "data"
TYPES = ("Company", "Organization", "GovernmentOrganization", "MediaOrganization", "Platform")


class BuildError(Exception):
    """A raw file is missing or not in the shape this script reads; the message names the file."""


@dataclass(frozen=True)
class Source:
    key: str
    file: str
    repo: str
    commit: str
    path: str


SOURCES = (
    Source(
        "cn_stock_2026",
        "cn_stock_2026.csv",
        "henrylin99/stock_web_app",
        "c5fa6c22d2593236ed46941ff3828bbaa03a3899",
        "data/stock_basic.csv",
    ),
    Source(
        "cn_stock_2020",
        "cn_stock_2020.csv",
        "yu-bo/stock",
        "d9f9f96f0b47d09e75fd320d0d0725817d58e38c",
        "data/stock_basic.csv",
    ),
    Source(
        "cn_stock_2018",
        "cn_stock_2018.csv",
        "lemonhu/stock-knowledge-graph",
        "83d9e2ac5f86893d27c7e0a5cd48307327969e65",
        "data/import/stock.csv",
    ),
    Source(
        "cn_exec_2018",
        "cn_exec_2018.csv",
        "lemonhu/stock-knowledge-graph",
        "83d9e2ac5f86893d27c7e0a5cd48307327969e65",
        "data/executive_prep.csv",
    ),
    Source(
        "moe_hei_2025",
        "moe_hei_2025.json",
        "YangZhi2007/ar-campus-guide",
        "5c4cd2f498cfd7a5b7ba0c6333a8f15dc6062b82",
        "全国高等学校名单.json",
    ),
    Source(
        "hk_listing_2026",
        "hk_listing_2026.json",
        "jacktth/ga-hk_stock_info",
        "24e417b0b1e12a06e249bd4afb3677c5919b485c",
        "hk-listings/date.json",
    ),
    Source(
        "tw_listing_2024",
        "tw_listing_2024.csv",
        "damentsai/stock_analysis",
        "07059a7baf83b3dcb86a163a025def4c41808a38",
        "t187ap03_L.csv",
    ),
    Source(
        "tw_otc_2024",
        "tw_otc_2024.csv",
        "damentsai/stock_analysis",
        "07059a7baf83b3dcb86a163a025def4c41808a38",
        "t187ap03_O.csv",
    ),
    Source(
        "hanlp_org_2015",
        "hanlp_org_2015.txt",
        "hankcs/HanLP",
        "dadd5c76a53eb05cc84720628b89e4a334d5d753",
        "data/dictionary/custom/机构名词典.txt",
    ),
)
SOURCE_BY_KEY = {s.key: s for s in SOURCES}
# kg's own list, kept in the repository beside this script (see read_curated).
CURATED_KEY = "kg_curated"
CURATED_FILE = REPO_ROOT / "tools" / "kb_curated.tsv"
CURATED_COLUMNS = ("name", "type", "aliases", "ids", "flags")
# What the curated list may say of a row: investor (VC, PE, fund or asset manager), private (privately held: not
# listed, and neither state-owned nor a unit of a listed or state group), platform (runs an app or marketplace
# people use), brand (a consumer brand), unicorn (a private company valued at US$1 billion or more), ambiguous
# (the name is also an ordinary word the dictionary misses), and the industry flags of the stock lists.
CURATED_FLAGS = frozenset(
    {
        "investor",
        "private",
        "platform",
        "brand",
        "unicorn",
        "ambiguous",
        "bank",
        "insurance",
        "securities",
        "media",
    }
)
# A stock id in the curated list: a mainland, Hong Kong or Taiwan code, or a US ticker (PDD.US).
_CURATED_STOCK = re.compile(r"stock=(?:\d{6}\.(?:SH|SZ|BJ)|\d{5}\.HK|\d{4,6}\.TWO?|[A-Z][A-Z0-9]{0,5}\.US)")
# Flags that say a company is not listed: a row that a stock list names is listed whatever the curated list says.
_UNLISTED_FLAGS = frozenset({"private", "unicorn"})

# Stock-name markers that are not part of the company's name. ST / *ST mark special treatment (losses), PT
# (old) suspended trading, S an unfinished share reform, N and C a listing's first days, XD / XR / DR ex-dividend
# or ex-rights days; a trailing A or B is the share class (万科A, 深康佳B), -U / -W / -UW on the STAR market an
# unprofitable company or weighted voting rights (寒武纪-U).
_STATUS_PREFIX = re.compile(r"^(?:S\*ST|\*ST|SST|ST|PT|XD|XR|DR|S|N|C)(?=[\u4e00-\u9fff])")
_CLASS_SUFFIX = re.compile(r"(?:(?<=[\u4e00-\u9fff])[AB]|-[UWD]{1,3})$")
_HAN = re.compile(r"[\u4e00-\u9fff]")

# Listed-company industries (the stock lists' own classes) that say more than "Company".
INDUSTRY_FLAGS = {
    "银行": "bank",
    "证券": "securities",
    "保险": "insurance",
    "出版业": "media",
    "影视音像": "media",
}
# Words in a registered name that make it an investment firm (创业投资 = venture capital, 股权投资 = private equity).
INVESTOR_WORDS = ("创业投资", "创投", "股权投资", "风险投资")
# Last characters of a supervising body's name that make it part of government: 部 ministry, 厅 provincial
# department, 委/委员会 commission, 局 bureau, 署 administration, 办公厅 general office, 兵团 the Xinjiang corps.
GOVERNMENT_ENDINGS = ("部", "厅", "委", "委员会", "局", "署", "兵团")
# How jieba's dictionary tells a name from a word: nz (other proper noun), nt (organisation) and j (abbreviation,
# 中联重科) are names; nr/nrt/nrfg (person-like names, 同仁堂 62, but 阳光 3451 and 美的 230 too) count as words
# only when frequent; any other tag is a word once it is not rare; ns (place) always needs context.
_NAME_TAGS = {"nz", "nt", "j"}
_PERSON_TAGS = {"nr", "nrt", "nrfg"}
_COMMON_WORD_MIN_FREQ = 20
_BRANCH_HEAD_MIN_FREQ = 100  # 控股 (821) 子公司 is a kind of company; 首钢 (27) 总公司 a company
_COMMON_PERSON_TAG_MIN_FREQ = 100


@dataclass(eq=False)
class Org:
    """One organisation while the sources are merged; frozen into a row at the end."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    context_aliases: set[str] = field(default_factory=set)  # names a source says need context (see org_rows)
    made_up_name: bool = False  # the build made the name (from a registered name): a curated name replaces it


@dataclass(frozen=True)
class Vocab:
    """What says a name is a common word or a place: jieba's dictionary and kg's places, generic nouns, suffixes."""

    words: dict[str, tuple[int, str]]
    places: frozenset[str]
    generic: frozenset[str]
    suffixes: tuple[str, ...]
    jieba_version: str


# ---- names ------------------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """NFKC (full-width Ａ → A), runs of white space (line breaks too) as one space, and spaces inside Chinese
    names removed (万  科Ａ → 万科A)."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return (
        re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff A-Za-z])", "", text) if _HAN.search(text) else text
    )


def plain_stock_name(raw: str) -> tuple[str, str]:
    """(plain name, stock name as listed): *ST国华 → (国华, *ST国华); 万  科Ａ → (万科, 万科A)."""
    listed = clean(raw)
    plain = _CLASS_SUFFIX.sub("", _STATUS_PREFIX.sub("", listed))
    return (plain if len(plain) >= 2 else listed), listed


def is_junk(name: str, vocab: Vocab) -> bool:
    """Empty, one character, digits only, or a generic word (公司, 集团, 银行)."""
    return len(name) < 2 or name.isdigit() or name in vocab.generic


def is_ambiguous(name: str, vocab: Vocab) -> bool:
    """A name that is also an ordinary word (平安, 理想, 小米) or a place (长安, 张家界): matching it needs context."""
    if name in vocab.places:
        return True
    if name.endswith(GOVERNMENT_ENDINGS) or any(name.endswith(s) and name != s for s in vocab.suffixes):
        return False  # 教育部, 中国银行: an institution's own word ends the name
    freq, tag = vocab.words.get(name, (0, ""))
    if tag == "ns":
        return True
    if tag in _PERSON_TAGS:
        return freq >= _COMMON_PERSON_TAG_MIN_FREQ
    return freq >= _COMMON_WORD_MIN_FREQ and tag not in _NAME_TAGS


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\t".join(parts).encode("utf-8")).hexdigest()[:12]


def exchange_code(code: str) -> str:
    """600519 → 600519.SH, 000002 → 000002.SZ, 920001 → 920001.BJ (mainland codes by their first digit)."""
    code = code.strip()
    if code.isdigit() and len(code) < 6:  # spreadsheets drop the leading zeros (2658 for 002658)
        code = code.zfill(6)
    if not re.fullmatch(r"\d{6}", code):
        raise ValueError(f"not a six-digit stock code: {code!r}")
    # Beijing Stock Exchange codes since 2024 start 92 (920001); 900xxx are Shanghai B shares.
    if code.startswith("92"):
        return code + ".BJ"
    return code + {"6": ".SH", "0": ".SZ", "2": ".SZ", "3": ".SZ", "9": ".SH"}.get(code[0], ".BJ")


# ---- readers ----------------------------------------------------------------------------------------------


def _open(sources_dir: Path, key: str) -> Path:
    path = sources_dir / SOURCE_BY_KEY[key].file
    if not path.is_file():
        src = SOURCE_BY_KEY[key]
        raise BuildError(f"{path}: missing (git show {src.commit}:{src.path} from {src.repo})")
    return path


def _csv_rows(path: Path, required: Iterable[str]) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise BuildError(f"{path}: no column {', '.join(missing)} in the header")
            yield from reader
    except UnicodeDecodeError as exc:
        raise BuildError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def read_stock_2026(path: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """(ts_code, short name, registered name, English name, industry) of mainland listings in 2026; this list
    has no registered or English names."""
    for row in _csv_rows(path, ("ts_code", "name", "industry")):
        yield row["ts_code"], row["name"], "", "", row["industry"]


def read_stock_2020(path: Path) -> Iterator[tuple[str, str, str, str, str]]:
    for row in _csv_rows(path, ("TS代码", "股票名称", "股票全称", "英文全称", "所属行业")):
        yield row["TS代码"], row["股票名称"], row["股票全称"], row["英文全称"], row["所属行业"]


def read_stock_2018(path: Path) -> Iterator[tuple[str, str, str, str, str]]:
    for line, row in enumerate(_csv_rows(path, ("code", "name")), start=2):
        yield _code(path, line, row["code"]), row["name"], "", "", ""


def _code(path: Path, line: int, code: str) -> str:
    try:
        return exchange_code(code)
    except ValueError as exc:
        raise BuildError(f"{path}: line {line}: {exc}") from exc


def read_universities(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """(name, MoE institution code, supervising body, note) from the Ministry of Education's list (as JSON rows
    whose first field is the running number; province headings and the column header have no number)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildError(f"{path}: not a JSON list ({exc})") from exc
    if not isinstance(rows, list):
        raise BuildError(f"{path}: not a JSON list")
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("附件1："), int):
            continue
        name, code = str(row.get("Column2", "")), str(row.get("Column3", ""))
        if not re.fullmatch(r"\d{10}", code):
            raise BuildError(f"{path}: row {row.get('附件1：')}: institution code {code!r} is not ten digits")
        yield clean(name), code, str(row.get("Column4", "")), str(row.get("Column7", ""))


def read_executives(path: Path) -> Iterator[tuple[str, str, str]]:
    """(person, ts_code, titles as listed, e.g. 董事长/董事)."""
    for line, row in enumerate(_csv_rows(path, ("name", "code", "jobs")), start=2):
        yield clean(row["name"]), _code(path, line, row["code"]), row["jobs"]


def _json_list(path: Path) -> list[object]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildError(f"{path}: not a JSON list ({exc})") from exc
    if not isinstance(rows, list):
        raise BuildError(f"{path}: not a JSON list")
    return rows


@functools.cache
def _t2s() -> Callable[[str], str]:
    """Traditional → simplified (OpenCC t2s); Hong Kong names are written in traditional script."""
    try:
        import opencc
    except ImportError as exc:
        raise BuildError(
            "opencc is not installed: pip install opencc (Hong Kong names are traditional)"
        ) from exc
    return opencc.OpenCC("t2s").convert


def read_hk_listings(path: Path) -> Iterator[tuple[str, str, str]]:
    """(code as 00700.HK, registered name in simplified script, English name) of Hong Kong listings."""
    convert = _t2s()
    for number, row in enumerate(_json_list(path)):
        if not isinstance(row, dict) or not isinstance(row.get("symbol"), int):
            raise BuildError(f"{path}: entry {number}: no numeric stock code (symbol)")
        zh_name = _SHARE_CLASS.sub("", clean(convert(str(row.get("zhName") or ""))))
        yield f"{row['symbol']:05d}.HK", zh_name, _SHARE_CLASS.sub("", clean(str(row.get("engName") or "")))


# The legal form at the end of a registered name; what is left is the name a reader uses (腾讯控股有限公司 →
# 腾讯控股, 美团 stays). A bracketed part (集团), (杭州) is left out of that name but kept in the registered one.
_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
_BRACKETED = re.compile(r"\([^()]*\)")
# A share class after the name ('A' and 'B' shares of Swire: 太古股份有限公司'A') is not part of the company's name.
_SHARE_CLASS = re.compile(r"\s*'[A-Z]'$")


def short_name(fullname: str) -> str:
    """派格生物医药(杭州)股份有限公司 → 派格生物医药; a name that would be left under two characters stays whole."""
    name = re.sub(r"\s+", " ", _BRACKETED.sub("", _LEGAL_FORM.sub("", fullname))).strip()
    return name if len(name) >= 2 else fullname


def read_org_lexicon(path: Path) -> Iterator[tuple[str, str]]:
    """(name, tag) from HanLP's organisation dictionary: ``name tag frequency [tag frequency …]`` lines; of several
    tags the first finer one (nto before nt) is taken; nit (an institution) counts as nt."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise BuildError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    for number, line in enumerate(lines, start=1):
        parts = line.split(" ")
        tags = parts[1::2]
        if len(parts) < 3 or len(parts) % 2 == 0 or not all(t.startswith(("nt", "nit")) for t in tags):
            raise BuildError(f"{path}: line {number}: not 'name nt… frequency'")
        yield clean(parts[0]), next((t for t in tags if t not in ("nt", "nit")), "nt")


# ---- assembling -------------------------------------------------------------------------------------------


def add_listings(orgs: dict[str, Org], rows: Iterable[tuple[str, str, str, str, str]], source: str) -> None:
    """Merge stock-list rows by stock code; the first source to name a code gives the current name, a later
    (older) source's different name becomes an alias (a former short name)."""
    for ts_code, raw_name, fullname, enname, industry in rows:
        plain, listed = plain_stock_name(raw_name)
        org = orgs.get(ts_code)
        if org is None:
            org = orgs[ts_code] = Org(key=ts_code, name=plain, type="Company", ids={f"stock={ts_code}"})
        org.aliases.update({plain, listed, clean(fullname), clean(enname)} - {""})
        org.flags.add("listed")
        if industry in INDUSTRY_FLAGS:
            org.flags.add(INDUSTRY_FLAGS[industry])
        if any(w in clean(fullname) for w in INVESTOR_WORDS):
            org.flags.add("investor")
        org.sources.add(source)


def merge_same_registered_name(orgs: dict[str, Org]) -> dict[str, Org]:
    """Listings of one company under two codes (A and B shares) share a registered name: keep one row, the
    lowest code's, with both stock ids."""
    by_fullname: dict[str, str] = {}
    merged: dict[str, Org] = {}
    for key in sorted(orgs):
        org = orgs[key]
        fullnames = sorted(a for a in org.aliases if a.endswith("公司"))
        first = next((by_fullname[f] for f in fullnames if f in by_fullname), None)
        if first is None:
            merged[key] = org
            for f in fullnames:
                by_fullname[f] = key
            continue
        keep = merged[first]
        keep.aliases |= org.aliases
        keep.ids |= org.ids
        keep.flags |= org.flags
        keep.sources |= org.sources
        orgs[key] = keep
    return merged


def is_b_share(ts_code: str) -> bool:
    """200xxx.SZ and 900xxx.SH are B shares (traded in HKD / USD) of companies that often also have A shares."""
    return (ts_code.startswith("200") and ts_code.endswith(".SZ")) or (
        ts_code.startswith("900") and ts_code.endswith(".SH")
    )


def merge_b_shares(orgs: dict[str, Org], listings: dict[str, Org]) -> dict[str, Org]:
    """A B-share listing with no registered name joins the A-share company of the same plain name (深康佳B →
    深康佳A's row); ``listings`` is updated to point the B code at the kept row."""
    by_name: dict[str, str] = {}
    for key in sorted(orgs):
        if not is_b_share(key):
            by_name.setdefault(orgs[key].name, key)
    merged: dict[str, Org] = {}
    for key in sorted(orgs):
        org = orgs[key]
        target = by_name.get(org.name) if is_b_share(key) else None
        if target is None:
            merged[key] = org
            continue
        keep = orgs[target]
        keep.aliases |= org.aliases
        keep.ids |= org.ids
        keep.flags |= org.flags
        keep.sources |= org.sources
        for code, listed in listings.items():
            if listed is org:
                listings[code] = keep
    return merged


def government_type(name: str, suffixes: list[tuple[str, str]]) -> str:
    for suffix, type_ in suffixes:
        if name.endswith(suffix):
            return type_
    return "GovernmentOrganization" if name.endswith(GOVERNMENT_ENDINGS) else "Organization"


def add_universities(
    orgs: dict[str, Org],
    rows: Iterable[tuple[str, str, str, str]],
    vocab: Vocab,
    suffixes: list[tuple[str, str]],
) -> None:
    """Each university, and each supervising body named in the list (教育部, 河南省教育厅); a body that is only a
    province or city (河南省) is a place, not an organisation, and is left out."""
    for name, code, supervisor, note in rows:
        org = orgs.setdefault(f"moe:{code}", Org(key=f"moe:{code}", name=name, type="Organization"))
        org.ids.add(f"moe={code}")
        org.flags.add("university")
        if "民办" in note:  # 民办 = privately run
            org.flags.add("private")
        if "（" in name:
            org.aliases.add(name.replace("（", "(").replace("）", ")"))
        org.sources.add("moe_hei_2025")
        for body in re.split(r"[\s（）()]+", supervisor):
            if len(body) < 2 or body in vocab.places or re.fullmatch(r".+(?:省|市|自治区)", body):
                continue
            type_ = government_type(body, suffixes)
            key = f"name:{type_}:{body}"
            gov = orgs.setdefault(key, Org(key=key, name=body, type=type_))
            gov.flags.add("supervises_universities")
            gov.sources.add("moe_hei_2025")


def _registered_names(org: Org) -> list[str]:
    return sorted(a for a in org.aliases if a.endswith("公司"))


def add_hk_listings(orgs: dict[str, Org], rows: Iterable[tuple[str, str, str]]) -> None:
    """A Hong Kong listing joins the mainland row of the same registered name (A+H companies: 中国平安); any other
    becomes a row of its own, named by its registered name less the legal form."""
    by_fullname: dict[str, Org] = {}
    for key in sorted(orgs):
        for fullname in _registered_names(orgs[key]):
            by_fullname.setdefault(fullname, orgs[key])
    for code, fullname, enname in rows:
        if len(fullname) < 2:
            continue
        org = by_fullname.get(fullname)
        if org is None:  # the first of several lines of one company (太古 'A' and 'B') takes the others
            org = by_fullname[fullname] = orgs.setdefault(
                code, Org(key=code, name=short_name(fullname), type="Company", made_up_name=True)
            )
        org.ids.add(f"stock={code}")
        org.aliases.update({fullname, enname, short_name(fullname)} - {""})
        org.flags.add("listed")
        if any(w in fullname for w in INVESTOR_WORDS):
            org.flags.add("investor")
        org.sources.add("hk_listing_2026")


# ---- Taiwan listings --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TwListing:
    """One company of the Taiwan exchanges' 上市/上櫃公司基本資料, names in simplified script."""

    code: str  # 2330.TW (Taiwan Stock Exchange), 6488.TWO (Taipei Exchange, 上櫃)
    name: str  # the plain short name: 矽力 for 矽力*-KY
    listed: str  # the short name as listed: 矽力*-KY
    fullname: str  # the registered name: 台湾积体电路制造股份有限公司
    enname: str  # the English short name when it is a usable name (TSMC, MediaTek), else ""
    industry: str  # the exchange's industry code (17: finance and insurance)
    chairman: str  # the 董事長 cell as written (one or several names, a company, notes: see tw_people)
    manager: str  # the 總經理 cell as written


# Markers of a Taiwan short name that are not part of the company's name: -KY a company registered abroad, 創 the
# Taiwan Innovation Board, -DR a depositary receipt, * a par value other than NT$10 (矽力*-KY, 錼創科技-KY創).
_TW_MARKERS = re.compile(r"(?:\*|-KY创?|-创|-DR)+$")
# A registered name's note of a former name (豐達科技股份有限公司(原宏達)) and the abbreviated legal form (股)公司.
_TW_FORMER_NAME = re.compile(r"\(原[^()]*\)$")
_TW_ABBREVIATED_FORM = re.compile(r"\(股\)(?:有限)?公司$")
# The foreign-registration prefix of a registered name: 英屬開曼群島商, 開曼, 蓋曼群島商 (the Cayman Islands).
_TW_FOREIGN_PREFIX = re.compile(r"^(?:英属)?(?:开曼|盖曼)(?:群岛)?商?")
# 投控 (投資控股, an investment holding) after a short name: 日月光投控 is the holding of 日月光.
_TW_HOLDING = re.compile(r"(?<=..)投控$")
# An English short name is taken when it holds a word of four letters or more: two- and three-letter codes (TCC,
# EMC, CSC, CHC) name several companies on the lists themselves and other things beside (EMC, CSC), and dotted
# ones (T.S.M.C., S.C.P.C) are no names readers write.
_LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def read_tw_listings(path: Path, market: str) -> Iterator[TwListing]:
    """The listings of one Taiwan list (``market`` TW or TWO): MOPS writes rare characters as HTML character
    references (黃&#21843;峰), which are decoded; names are converted to simplified script."""
    convert = _t2s()
    columns = ("公司代號", "公司名稱", "公司簡稱", "產業別", "董事長", "總經理", "英文簡稱")
    for line, row in enumerate(_csv_rows(path, columns), start=2):
        code = row["公司代號"].strip()
        if not re.fullmatch(r"\d{4,6}", code):
            raise BuildError(f"{path}: line {line}: not a Taiwan stock code: {code!r}")
        cell = {column: clean(html.unescape(row[column])) for column in columns}
        listed = convert(cell["公司簡稱"])
        plain = _TW_MARKERS.sub("", listed).replace("*", "")
        if len(plain) < 2 or not _HAN.search(plain) and len(plain) < 4:
            plain = listed  # ABC-KY, TPK-KY: a Latin code under four letters is no name of its own
        fullname = _TW_FORMER_NAME.sub("", convert(cell["公司名稱"]))
        fullname = _TW_ABBREVIATED_FORM.sub("股份有限公司", fullname)
        enname = re.sub(r"-KY$", "", cell["英文簡稱"], flags=re.IGNORECASE).strip()
        if not _LATIN_WORD.search(enname) or not re.fullmatch(r"[A-Za-z0-9 .&'-]+", enname):
            enname = ""
        yield TwListing(
            f"{code}.{market}",
            plain,
            listed,
            fullname,
            enname,
            row["產業別"].strip(),
            row["董事長"],
            row["總經理"],
        )


# Financial companies (industry 17, 金融保險業) by what their registered name says.
_TW_FINANCE_FLAGS = (("银行", "bank"), ("证券", "securities"), ("保险", "insurance"), ("人寿", "insurance"))


def _tw_source(code: str) -> str:
    return "tw_listing_2024" if code.endswith(".TW") else "tw_otc_2024"


def tw_registered_short_name(fullname: str) -> str:
    """The registered name less the legal form, any bracketed part and a Cayman prefix (台湾积体电路制造股份有限公司
    → 台湾积体电路制造, 英属开曼群岛商骏吉控股股份有限公司 → 骏吉控股); "" for an English registered name."""
    if not _HAN.search(fullname):
        return ""
    name = short_name(_TW_FOREIGN_PREFIX.sub("", fullname))
    return name if len(name) >= 2 else ""


def add_tw_listings(
    orgs: dict[str, Org],
    rows: Iterable[TwListing],
    curated_names: dict[str, frozenset[str]],
    reserved: set[str],
    vocab: Vocab,
) -> None:
    """A Taiwan listing joins the row of the same registered name (a Hong Kong company with Taiwan depositary
    receipts: 康师傅); any other becomes a row of its own, named by its plain short name. A name that is already
    another row's name or alias, that the curated list gives a row without this stock code (``curated_names``:
    name → the ids of its curated row) or that is ``reserved`` (a generic word, or a name mainland text knows for
    another organisation: see well_known_lexicon_names) stays with that row: 海光 is 海光信息 (688041.SH), 中石化
    is 中国石化, 三星 is the dictionary's 三星, and the Taiwan 海光 (2038.TW) and 三星 (5007.TW) keep their
    registered names; the row is then named by the first of its registered name less the legal form, registered name and listed name that is
    free (东科控股 for 東科-KY, whose 东科 is 冠捷科技's former name; 正文科技 for 正文, a generic word). Two kinds
    of name need context like an ambiguous one: an English short name of one word (TSMC, Solar, GIANT: a code or
    an ordinary English word), and a three-character short name that is an ordinary word and one character
    (新零售, 第一金, 统一超, 太空梭: see is_tw_phrase)."""
    by_fullname: dict[str, Org] = {}
    for key in sorted(orgs):
        for fullname in _registered_names(orgs[key]):
            by_fullname.setdefault(fullname, orgs[key])
    taken = {n for org in orgs.values() for n in (org.name, *org.aliases)}
    for listing in rows:
        org = by_fullname.get(listing.fullname)
        own = {org.name, *org.aliases} if org is not None else set()
        registered_short = tw_registered_short_name(listing.fullname)
        candidates = [
            listing.name,
            listing.listed,
            registered_short,
            listing.fullname,
            _TW_HOLDING.sub("", listing.name),  # 日月光投控 → 日月光
            listing.enname,
        ]
        free = [
            n
            for n in dict.fromkeys(candidates)
            if n
            and (n in own or n not in taken and n not in reserved)
            and f"stock={listing.code}" in curated_names.get(n, frozenset({f"stock={listing.code}"}))
        ]
        if org is None:
            # the short name, else the registered name less its legal form, the registered name, the listed form
            order = (listing.name, registered_short, listing.fullname, listing.listed)
            name = next((n for n in order if n in free), listing.listed)
            org = orgs.setdefault(
                listing.code,
                Org(key=listing.code, name=name, type="Company", made_up_name=name != listing.name),
            )  # each code of the lists is a company of its own: 昇達科技 and 陞達科技 are both 升达科技 in t2s
        org.ids.add(f"stock={listing.code}")
        org.aliases.update(n for n in free if n != listing.enname)
        if listing.name in free and listing.name not in own and is_tw_phrase(listing.name, vocab):
            org.context_aliases.add(listing.name)
        if listing.enname in free and listing.enname not in own:
            org.aliases.add(listing.enname)
            if " " not in listing.enname and listing.enname != listing.name:  # IKKA-KY's IKKA is its name
                org.context_aliases.add(listing.enname)
        org.flags.add("listed")
        if listing.industry == "17":
            org.flags.update(flag for word, flag in _TW_FINANCE_FLAGS if word in listing.fullname)
        if any(w in listing.fullname for w in INVESTOR_WORDS):
            org.flags.add("investor")
        org.sources.add(_tw_source(listing.code))


def is_tw_phrase(name: str, vocab: Vocab) -> bool:
    """A Taiwan short name of three characters that is an ordinary word and one character (新零售 new retail, 第一金
    first gold, 太空梭 space shuttle; the exchange's abbreviations of 第一金控, 统一超商): it reads as a phrase
    wherever the segmenter cuts the text into that word and that character."""
    return len(name) == 3 and (is_common_word(name[1:], vocab) or is_common_word(name[:2], vocab))


def well_known_lexicon_names(rows: Iterable[tuple[str, str]], vocab: Vocab) -> set[str]:
    """The organisation dictionary's names that mainland text knows well: jieba lists them as a name (nz, nt, j)
    at frequency 20 or more (三星 363, 长虹 400, 联华 43) or they are ambiguous (惠普, 佳能, 光明). A Taiwan
    listing of that short name (三星 for 三星科技, 5007.TW) is most likely not what a news text means by it; names
    jieba hardly knows (华硕 75 as a person-like name, 宏碁, 威刚) are the Taiwan companies and join their rows."""
    out = set()
    for name, _tag in rows:
        freq, tag = vocab.words.get(name, (0, ""))
        if is_ambiguous(name, vocab) or tag in _NAME_TAGS and freq >= _COMMON_WORD_MIN_FREQ:
            out.add(name)
    return out


# How the 董事長 and 總經理 cells write people: several names (黃某、李某, 甲/乙, 甲及乙), a juristic person with
# the natural person who represents it (某投資股份有限公司(代表人張某)), notes in brackets ((代理) acting, (執行長)
# the title, (原名:…) a former name), a title before or after the name (執行長：廖某, 總裁: 魏某, 葉某 營運總經理),
# and characters the exchange could not encode written as their parts (楊青(山夆), 余 火甘 木發): such a name is
# left out, as are Latin-script names (news write foreign managers' names in Chinese) and vacancies (待聘任, 無).
_TW_SEPARATORS = re.compile(r"[、,，/;；&＆]|及(?=[\u4e00-\u9fff]{2})")
_TW_REPRESENTATIVE = re.compile(r"代表人[:：]?\s*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
_TW_TITLE = r"(?:总经理|执行长|总裁|营运长|营运总经理|行政总经理|总执行长|董事长)"
_TW_ACTING = re.compile(r"^(?:代理|暂代|代行|代)")
_TW_VACANCY = re.compile(r"待|缺|聘任|^无$")
_TW_ORGANISATION = re.compile(r"公司|投资|基金会|集团|实业|国际|贸易|控股|企业")
_TW_PERSON = re.compile(r"[\u4e00-\u9fff]{2,5}")


def tw_people(cell: str, title: str) -> list[tuple[str, str]]:
    """(person, title) for a 董事長 or 總經理 cell (``title`` 董事长 or 总经理), names in simplified script."""
    convert = _t2s()
    text = convert(unicodedata.normalize("NFKC", html.unescape(cell))).strip()
    representative = _TW_REPRESENTATIVE.search(text)
    if representative:  # the chair is a company; the person who represents it holds the post
        return [(representative.group(1), title)]
    out = []
    for part in _TW_SEPARATORS.split(text):
        person = _tw_person(part.strip(), title)
        if person is not None:
            out += person
    return out


def _tw_person(part: str, title: str) -> list[tuple[str, str]] | None:
    part = re.sub(r"先生$", "", part)
    labelled = re.fullmatch(r"([^\s()]*?)\s*[:：]\s*(.+)", part)
    if labelled:  # 執行長：廖某, 總裁: 魏某; a label that is no title (a division) leaves the column's title
        label, part = labelled.groups()
        if re.fullmatch(_TW_TITLE, label):
            title = label
    before = re.fullmatch(rf"({_TW_TITLE})([\u4e00-\u9fff]{{2,4}})", part)
    after = re.fullmatch(rf"([\u4e00-\u9fff]{{2,4}})\s*(董事长)?((?:代理|暂代)?{_TW_TITLE})", part)
    if before:  # 營運總經理賴某
        title, part = before.groups()
    elif after:  # 葉某 營運總經理, 李某董事長代理總經理
        part, title = after.group(1), after.group(3)
    note = re.fullmatch(r"(.+?)\s*\((.*)\)", part)
    if note:
        part, remark = note.group(1).strip(), note.group(2).strip()
        if re.search(r"原名|公司", remark):
            pass  # (原名:…) a former name, (某公司代表人) whom he represents
        elif remark in ("代理", "暂代", "代行", "代"):
            title = "代理" + title
        elif re.search(r"长|裁|经理", remark):  # (執行長), (暫代執行長), (代理總經理), (總執行長暨總裁)
            title = "代理" + _TW_ACTING.sub("", remark) if _TW_ACTING.match(remark) else remark
        else:
            return None  # 楊青(山夆): a character written as its parts; the name cannot be spelt
    acting = re.fullmatch(r"([\u4e00-\u9fff]{2,4})代理", part)
    if acting:
        part, title = acting.group(1), "代理" + title
    pieces = part.split()
    if len(pieces) > 1 and all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", p) for p in pieces):
        names = pieces  # 林某 吳某: two people
    elif len(pieces) == 2 and len("".join(pieces)) <= 3:
        names = ["".join(pieces)]  # 何  鈞: one name spaced out
    else:
        names = [part]
    if not all(
        _TW_PERSON.fullmatch(n) and not _TW_VACANCY.search(n) and not _TW_ORGANISATION.search(n)
        for n in names
    ):
        return None
    return [(n, title) for n in names]


def tw_people_rows(rows: Iterable[TwListing], org_ids: dict[str, str]) -> list[tuple[str, ...]]:
    """The chairman's and the general manager's posts of each Taiwan listing."""
    out = set()
    for listing in rows:
        org_id = org_ids[listing.code]
        source = _tw_source(listing.code)
        for cell, title in ((listing.chairman, "董事长"), (listing.manager, "总经理")):
            for name, post in tw_people(cell, title):
                out.add((f"kg:p:{short_hash(name, org_id)}", name, org_id, post, "", source))
    return sorted(out)


# ---- the curated list -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CuratedRow:
    """One row of kg's curated list: a name with its type, aliases, stock ids and flags, and where it was read."""

    line: int
    name: str
    type: str
    aliases: tuple[str, ...]
    ids: tuple[str, ...]
    flags: frozenset[str]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def read_curated(path: Path) -> list[CuratedRow]:
    """Rows of the curated list (tab-separated ``name type aliases ids flags``, lists ``|``-separated, ``#`` lines
    are comments). A bad row is a BuildError naming the file, the line and the problem; so is a name or alias that
    two rows give, since a name must say which organisation it is."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise BuildError(f"{path}: missing (kg's curated list)") from exc
    except UnicodeDecodeError as exc:
        raise BuildError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    rows = [
        _curated_row(path, number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]
    first_line: dict[str, int] = {}
    for row in rows:
        for name in row.names:
            if name in first_line:
                raise BuildError(f"{path}: line {row.line}: {name!r} is already on line {first_line[name]}")
            first_line[name] = row.line
    return rows


def _curated_row(path: Path, number: int, line: str) -> CuratedRow:
    def fail(problem: str) -> BuildError:
        return BuildError(f"{path}: line {number}: {problem}")

    cells = line.split("\t")
    if len(cells) != len(CURATED_COLUMNS):
        raise fail(f"{len(cells)} columns, not {len(CURATED_COLUMNS)} ({' '.join(CURATED_COLUMNS)})")
    name, type_, *lists = cells
    aliases, ids, flags = (cell.split("|") if cell else [] for cell in lists)
    bad_name = next((n for n in (name, *aliases) if clean(n) != n or len(n) < 2 or n.isdigit()), None)
    if bad_name is not None:
        raise fail(f"name {bad_name!r} is empty, one character, digits only or has stray spaces")
    if type_ not in TYPES:
        raise fail(f"type {type_!r} is not one of {', '.join(TYPES)}")
    bad = [i for i in ids if not _CURATED_STOCK.fullmatch(i)] + sorted(set(flags) - CURATED_FLAGS)
    if bad:
        raise fail(f"not a stock id or flag: {', '.join(bad)}")
    if ids and (type_ == "Platform" or _UNLISTED_FLAGS & set(flags)):
        raise fail("a row with a stock id is a listed company, not a Platform, private or a unicorn")
    return CuratedRow(number, name, type_, tuple(aliases), tuple(ids), frozenset(flags))


def add_curated(orgs: dict[str, Org], rows: Iterable[CuratedRow], path: Path) -> None:
    """Merge the curated list into the rows: a curated row joins every row with one of its stock ids (two rows of
    one company that the sources left apart become one) or one of its registered names; else it becomes a row of
    its own. A row whose name the build made up (a Hong Kong registered name less its legal form, an English name)
    takes the curated name. A curated name or alias that is the name of a row it did not join is an error: the
    list must then give that row's stock id or drop the name."""
    index = _OrgIndex(orgs)
    for row in rows:
        unknown = [i for i in row.ids if not i.endswith(".US") and i not in index.by_id]
        if unknown:  # a mainland or Hong Kong code must be one the stock lists give (no typing errors)
            raise BuildError(f"{path}: line {row.line}: no source lists {', '.join(unknown)}")
        matched = index.matches(row)
        for name in row.names:
            other = next((o for o in index.named(name) if o not in matched), None)
            if other is not None:
                raise BuildError(
                    f"{path}: line {row.line}: {name!r} is the name of row {kb_id(other)} ({other.type}); "
                    "give its stock id or drop the name"
                )
        org = index.fold(matched) if matched else index.add(Org(f"curated:{row.name}", row.name, row.type))
        if org.type != row.type:
            raise BuildError(f"{path}: line {row.line}: type {row.type}, but row {kb_id(org)} is {org.type}")
        if org.name != row.name and (org.made_up_name or not _HAN.search(org.name)):
            org.aliases.add(org.name)
            org.name = row.name
            org.made_up_name = False
        org.aliases.update(row.names)
        org.context_aliases -= set(row.names)  # a name the curated list gives is a name (TSMC for 台积电)
        org.ids.update(row.ids)
        org.flags.update(row.flags)
        org.sources.add(CURATED_KEY)
        if any(i.endswith(".US") for i in row.ids):
            org.flags.add("listed")
        index.update(org)


class _OrgIndex:
    """The rows by stock id, registered name and name, kept up to date while curated rows join and fold them."""

    def __init__(self, orgs: dict[str, Org]) -> None:
        self.orgs = orgs
        self.by_id: dict[str, Org] = {}
        self.by_fullname: dict[str, Org] = {}
        self.by_name: dict[str, list[Org]] = {}
        for key in sorted(orgs):
            self.update(orgs[key])

    def update(self, org: Org) -> None:
        for i in org.ids:
            self.by_id[i] = org
        for fullname in _registered_names(org):
            self.by_fullname.setdefault(fullname, org)
        named = self.by_name.setdefault(org.name, [])
        if org not in named:
            named.append(org)

    def matches(self, row: CuratedRow) -> list[Org]:
        found = [self.by_id[i] for i in row.ids if i in self.by_id]
        found += [self.by_fullname[a] for a in row.aliases if a.endswith("公司") and a in self.by_fullname]
        unique: list[Org] = []
        for org in sorted(found, key=lambda o: _stock_order(kb_id(o).rsplit(":", 1)[-1])):
            if org not in unique:
                unique.append(org)
        return unique

    def named(self, name: str) -> list[Org]:
        return self.by_name.get(name, [])

    def add(self, org: Org) -> Org:
        self.orgs[org.key] = org
        return org

    def fold(self, matched: list[Org]) -> Org:
        """Keep the first row (a mainland listing before a Hong Kong one) and fold the others into it."""
        keep, *others = matched
        for org in others:
            keep.aliases |= org.aliases | {org.name}
            keep.ids |= org.ids
            keep.flags |= org.flags
            keep.sources |= org.sources
            del self.orgs[org.key]
            for name in {org.name} | org.aliases:
                named = self.by_name.get(name, [])
                if org in named:
                    named[named.index(org)] = keep
        self.update(keep)
        return keep


# What the end of an organisation's name says it is (longest first): type and flag. Company-like endings that
# need a proper name before them (公司 alone after a place is no name: 上海公司) are in _NEEDS_NON_PLACE_STEM.
NAME_ENDINGS: tuple[tuple[str, str, str], ...] = tuple(
    sorted(
        (
            ("股份有限公司", "Company", ""),
            ("有限责任公司", "Company", ""),
            ("有限公司", "Company", ""),
            ("集团公司", "Company", ""),
            ("股份公司", "Company", ""),
            ("公司", "Company", ""),
            ("集团", "Company", ""),
            ("银行", "Company", "bank"),
            ("人民政府", "GovernmentOrganization", ""),
            ("人民法院", "GovernmentOrganization", "court"),
            ("人民检察院", "GovernmentOrganization", "procuratorate"),
            ("检察院", "GovernmentOrganization", "procuratorate"),
            ("法院", "GovernmentOrganization", "court"),
            ("委员会", "GovernmentOrganization", ""),
            ("局", "GovernmentOrganization", ""),
            ("厅", "GovernmentOrganization", ""),
            ("署", "GovernmentOrganization", ""),
            ("大学", "Organization", "university"),
            ("学院", "Organization", "university"),
            ("中学", "Organization", "school"),
            ("小学", "Organization", "school"),
            ("研究院", "Organization", "research"),
            ("研究所", "Organization", "research"),
            ("科学院", "Organization", "research"),
            ("研究中心", "Organization", "research"),
            ("协会", "Organization", "association"),
            ("学会", "Organization", "association"),
            ("商会", "Organization", "association"),
            ("基金会", "Organization", "association"),
            ("联合会", "Organization", "association"),
            ("医院", "Organization", "hospital"),
            ("报社", "MediaOrganization", "media"),
            ("日报社", "MediaOrganization", "media"),
            ("电视台", "MediaOrganization", "media"),
            ("广播电台", "MediaOrganization", "media"),
            ("出版社", "MediaOrganization", "media"),
            ("杂志社", "MediaOrganization", "media"),
            ("通讯社", "MediaOrganization", "media"),
        ),
        key=lambda e: -len(e[0]),
    )
)
_NEEDS_NON_PLACE_STEM = {"公司", "集团"}
# Endings in 厅/局 that are rooms, games or publishers, not government (餐厅, 营业厅, 饭局, 中华书局).
_NOT_GOVERNMENT_ENDINGS = (
    "餐厅",
    "大厅",
    "展厅",
    "歌厅",
    "舞厅",
    "客厅",
    "营业厅",
    "咖啡厅",
    "宴会厅",
    "音乐厅",
    "候车厅",
    "门厅",
    "休息厅",
    "饭局",
    "赌局",
    "棋局",
    "格局",
    "布局",
    "当局",
    "书局",
)
# HanLP's finer organisation tags: company, bank, hotel, factory; government body; university, school, hospital.
LEXICON_TAGS = {
    "ntc": ("Company", ""),
    "ntcb": ("Company", "bank"),
    "ntch": ("Company", "hotel"),
    "ntcf": ("Company", ""),
    "nto": ("GovernmentOrganization", ""),
    "ntu": ("Organization", "university"),
    "nts": ("Organization", "school"),
    "nth": ("Organization", "hospital"),
}
# A name whose first part counts or qualifies (三甲医院, 一家酒馆, 国有商业银行, 某村村委会) names a kind, not one body.
_KIND_STEM = re.compile(
    r"^(?:[一二三四五六七八九十两几多各该本此这那其每][家个所级甲类批座名]|三甲|国有|外资|民营|私营|地方|社区|基层|当地|本地|"
    r"国外|海外|全国|各地|附近|有关|相关|上述|该)|某|XX|xx"
)


# Regulators (证监会, 国家药品监督管理局), exchanges (上海证券交易所) and the central organs (国务院, 中共中央) are
# government whatever HanLP's tag says.
_REGULATOR = re.compile(
    r"(?:证监会|银监会|保监会|银保监会|证监局|银监局|保监局|监督管理委员会|监督管理局|监督管理总局)$"
)
_EXCHANGE = re.compile(r"交易所$")
_CENTRAL_ORGAN = re.compile(r"^(?:国务院|中共中央|全国人大|全国政协|最高人民法院|最高人民检察院)")


def classify_lexicon_name(name: str, tag: str, vocab: Vocab) -> tuple[str, str] | None:
    """(type, flag) of an organisation-dictionary entry, or None when it names a kind of body or a part of one
    rather than a body (社区医院, 三级甲等医院, 上海公司, iPhone会, 大丰花园餐厅)."""
    if _KIND_STEM.search(name) or name.endswith(_NOT_GOVERNMENT_ENDINGS):
        return None
    for pattern, flag in ((_REGULATOR, "regulator"), (_EXCHANGE, "exchange"), (_CENTRAL_ORGAN, "")):
        if pattern.search(name) and len(name) >= 3:
            return "GovernmentOrganization", flag
    ending = next((e for e in NAME_ENDINGS if name.endswith(e[0]) and len(name) > len(e[0])), None)
    if ending is None:
        # no telling ending: HanLP's finer tag decides (三星 ntc, 公安部 nto); a plain nt says too little
        return LEXICON_TAGS.get(tag)
    stem, type_, flag = name[: -len(ending[0])], ending[1], ending[2]
    if len(stem) < 2 or is_common_word(stem, vocab) or is_generic_stem(stem, ending[0], vocab):
        return None  # 社区医院, 人民医院, 控股子公司, 市财政局: the ending after an ordinary word names a kind of body
    if ending[0] in _NEEDS_NON_PLACE_STEM and stem in vocab.places:
        return None  # 上海公司
    if tag == "nto":  # 中国人民银行 is a government body, not a bank company
        return "GovernmentOrganization", flag if type_ == "GovernmentOrganization" else ""
    return type_, flag


def is_generic_stem(stem: str, ending: str, vocab: Vocab) -> bool:
    """A pronoun or preposition first (为该公司, 本公司), a branch marker after an ordinary word (控股子公司,
    供电分公司, 林业总公司) or a level before one (市财政局, 县教育局): a part or a kind of body, not its name."""
    if stem[0] in "为该本其此各" and len(stem) <= 2:
        return True
    if ending == "公司" and stem[-1] in "子分总":
        head = stem[:-1]
        return (
            len(head) < 2
            or vocab.words.get(head, (0, ""))[0] >= _BRANCH_HEAD_MIN_FREQ
            and is_common_word(head, vocab)
        )
    return stem[0] in "市县区省部" and (len(stem) < 3 or is_common_word(stem[1:], vocab))


def is_common_word(word: str, vocab: Vocab) -> bool:
    """An ordinary word in jieba's dictionary (人民, 社区, 友谊), not a name or a place."""
    freq, tag = vocab.words.get(word, (0, ""))
    return freq >= _COMMON_WORD_MIN_FREQ and tag not in _NAME_TAGS and tag != "ns" and tag not in _PERSON_TAGS


def add_lexicon_orgs(orgs: dict[str, Org], rows: Iterable[tuple[str, str]], vocab: Vocab) -> None:
    """Entries of the organisation dictionary: a name that is already a row's name or alias adds the source to
    that row; any other that classify_lexicon_name accepts becomes a row."""
    by_name: dict[str, Org] = {}
    for key in sorted(orgs):
        for name in sorted({orgs[key].name} | orgs[key].aliases):
            by_name.setdefault(name, orgs[key])
    for name, tag in rows:
        if is_junk(name, vocab) or re.search(r"[\s,，、;；]", name):
            continue
        org = by_name.get(name)
        if org is None:
            kind = classify_lexicon_name(name, tag, vocab)
            if kind is None:
                continue
            key = f"name:{kind[0]}:{name}"
            org = orgs.setdefault(key, Org(key=key, name=name, type=kind[0]))
            org.flags.update({kind[1]} - {""})
            if any(w in name for w in INVESTOR_WORDS):
                org.flags.add("investor")
        org.sources.add("hanlp_org_2015")


def _stock_order(code: str) -> tuple[bool, bool, bool, str]:
    return code.endswith(".US"), code.endswith((".TW", ".TWO")), code.endswith(".HK"), code


def kb_id(org: Org) -> str:
    # mainland codes before Hong Kong ones before Taiwan ones before US tickers, so that an A+H company keeps its
    # mainland id (cn:stock:601318.SH), a Hong Kong and US listing its Hong Kong one (cn:stock:09988.HK) and a Hong
    # Kong company with Taiwan depositary receipts its Hong Kong one (康师傅, cn:stock:00322.HK)
    stocks = sorted((i.split("=", 1)[1] for i in org.ids if i.startswith("stock=")), key=_stock_order)
    if stocks:
        return f"cn:stock:{stocks[0]}"
    moe = sorted(i.split("=", 1)[1] for i in org.ids if i.startswith("moe="))
    if moe:
        return f"cn:moe:{moe[0]}"
    return f"kg:{short_hash(org.name, org.type)}"


def org_rows(orgs: Iterable[Org], vocab: Vocab) -> list[tuple[str, ...]]:
    """The output rows, sorted by kb_id: flag ``ambiguous`` when the name is also a word or a place, and the
    aliases that are (理想 for 理想汽车, 平安 for 中国平安) in the last column; a listed row is not private."""
    rows = {}
    for org in orgs:
        if is_junk(org.name, vocab):
            continue
        flags = set(org.flags)
        if is_ambiguous(org.name, vocab) or org.name in org.context_aliases:
            flags.add("ambiguous")
        if "listed" in flags:
            flags -= _UNLISTED_FLAGS
        aliases = sorted(a for a in org.aliases if a != org.name and not is_junk(a, vocab))
        ambiguous = [
            a
            for a in aliases
            if a in org.context_aliases
            or _HAN.search(a)
            and not a.endswith("公司")
            and is_ambiguous(a, vocab)
        ]
        rows[kb_id(org)] = (
            kb_id(org),
            org.name,
            org.type,
            "|".join(aliases),
            "|".join(sorted(org.ids)),
            "|".join(sorted(flags)),
            "|".join(sorted(org.sources)),
            "|".join(ambiguous),
        )
    return [rows[k] for k in sorted(rows)]


LEADING_TITLES_EXCLUDED = ("监事", "独立")  # supervisors and independent directors do not run the company


def people_rows(
    execs: Iterable[tuple[str, str, str]], org_ids: dict[str, str], vocab: Vocab
) -> tuple[list[tuple[str, ...]], int]:
    """One row per person and post; returns the rows and how many source rows named an unknown company."""
    rows: set[tuple[str, ...]] = set()
    unknown = 0
    for name, ts_code, jobs in execs:
        if len(name) < 2 or any(ch.isdigit() for ch in name) or name.lower() == "null":
            continue
        org_id = org_ids.get(ts_code)
        if org_id is None:
            unknown += 1
            continue
        for title in {clean(t) for t in jobs.split("/")}:
            if not title or any(word in title for word in LEADING_TITLES_EXCLUDED):
                continue
            rows.add((f"kg:p:{short_hash(name, org_id)}", name, org_id, title, "", "cn_exec_2018"))
    return sorted(rows), unknown


# ---- vocabulary, output -----------------------------------------------------------------------------------


@functools.cache
def load_vocab() -> Vocab:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(
            "jieba is not installed: pip install jieba (its dict.txt says which names are words)"
        )
    base = Path(list(spec.submodule_search_locations)[0])
    words: dict[str, tuple[int, str]] = {}
    for line in (base / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3:
            words[parts[0]] = (int(parts[1]), parts[2])
    match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", (base / "__init__.py").read_text(encoding="utf-8"))
    places = set()
    for row in _data_rows("places.tsv"):
        places.add(row[0])
        if len(row) > 1:
            places.update(a for a in row[1].split("|") if a)
    generic = {w for row in _data_rows("non_entities.txt") for cell in row for w in cell.split()}
    suffixes = tuple(row[0] for row in _data_rows("org_suffixes.txt"))
    generic |= set(suffixes)
    version = match.group(1) if match else "unknown"
    return Vocab(words, frozenset(places), frozenset(generic), suffixes, version)


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _data_rows(name: str) -> list[list[str]]:
    text = (KG_DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def write_tsv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    """Write to a temporary file beside ``path`` and rename it, so a failure leaves no partial file."""
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise BuildError(f"{path}: a cell holds a tab or newline: {row!r}")
    text = "".join(f"# {line}\n" if line else "#\n" for line in header) + "".join(
        "\t".join(r) + "\n" for r in rows
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def build(sources_dir: Path, out_dir: Path, curated: Path = CURATED_FILE) -> dict[str, int]:
    """Read the raw files in ``sources_dir`` and the curated list, write organizations.tsv and people.tsv to
    ``out_dir``; return counts."""
    vocab = load_vocab()
    curated_rows = read_curated(curated)
    suffixes = sorted(((r[0], r[1]) for r in _data_rows("org_suffixes.txt")), key=lambda s: -len(s[0]))
    listings: dict[str, Org] = {}
    add_listings(listings, read_stock_2026(_open(sources_dir, "cn_stock_2026")), "cn_stock_2026")
    add_listings(listings, read_stock_2020(_open(sources_dir, "cn_stock_2020")), "cn_stock_2020")
    add_listings(listings, read_stock_2018(_open(sources_dir, "cn_stock_2018")), "cn_stock_2018")
    orgs = merge_b_shares(merge_same_registered_name(listings), listings)
    add_universities(orgs, read_universities(_open(sources_dir, "moe_hei_2025")), vocab, suffixes)
    add_hk_listings(orgs, read_hk_listings(_open(sources_dir, "hk_listing_2026")))
    tw_listings = [
        *read_tw_listings(_open(sources_dir, "tw_listing_2024"), "TW"),
        *read_tw_listings(_open(sources_dir, "tw_otc_2024"), "TWO"),
    ]
    lexicon = list(read_org_lexicon(_open(sources_dir, "hanlp_org_2015")))
    curated_names = {name: frozenset(row.ids) for row in curated_rows for name in row.names}
    reserved = well_known_lexicon_names(lexicon, vocab) | vocab.generic  # 正文, 全国 are no names
    add_tw_listings(orgs, tw_listings, curated_names, reserved, vocab)
    add_curated(orgs, curated_rows, curated)
    add_lexicon_orgs(orgs, lexicon, vocab)
    by_code = {
        i.split("=", 1)[1]: kb_id(org) for org in orgs.values() for i in org.ids if i.startswith("stock=")
    }
    organizations = org_rows(orgs.values(), vocab)
    people, unknown = people_rows(read_executives(_open(sources_dir, "cn_exec_2018")), by_code, vocab)
    people = sorted(set(people) | set(tw_people_rows(tw_listings, by_code)))
    known = {row[0] for row in organizations}
    people = [p for p in people if p[2] in known]
    common = [
        "Built by tools/build_kb.py from the sources listed in kg/data/kb/README.md (keys in the sources column).",
        f"Hong Kong and Taiwan names converted to simplified script with OpenCC {_package_version('opencc')} (t2s).",
    ]
    write_tsv(
        out_dir / "organizations.tsv",
        [
            "kg knowledge base: organisations. Columns (tab-separated; lists |-separated; ids key=value):",
            *common,
            f"Flag ambiguous: the name is a place or a common word in jieba {vocab.jieba_version}'s dict.txt "
            "(or the curated list says so); ambiguous_aliases: the aliases that are.",
            "kb_id\tname\ttype\taliases\tids\tflags\tsources\tambiguous_aliases",
        ],
        organizations,
    )
    write_tsv(
        out_dir / "people.tsv",
        [
            "kg knowledge base: people and the posts they hold (as of the source's date). Columns:",
            *common,
            "kb_id\tname\torg_kb_id\ttitle\tids\tsources",
        ],
        people,
    )
    return {"organizations": len(organizations), "people": len(people), "unknown_companies": unknown}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, required=True, help="folder holding the raw files")
    parser.add_argument(
        "--out", type=Path, default=KG_DATA / "kb", help="output folder (default: kg/data/kb)"
    )
    parser.add_argument(
        "--curated", type=Path, default=CURATED_FILE, help="kg's curated list (default: tools/kb_curated.tsv)"
    )
    args = parser.parse_args(argv)
    try:
        counts = build(args.sources, args.out, args.curated)
    except BuildError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
