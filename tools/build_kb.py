"""Build kg's knowledge base (``kg/data/kb/organizations.tsv`` and ``people.tsv``) from raw open-data files.

    python tools/build_kb.py --sources DIR [--out kg/data/kb]

The same raw files give byte-identical output. The raw files are not part of kg; put them in DIR under the names
below, each taken from one public repository at one commit (``git show COMMIT:PATH > DIR/FILE``):

    cn_stock_2026.csv   henrylin99/stock_web_app            c5fa6c22d2593236ed46941ff3828bbaa03a3899  data/stock_basic.csv
    cn_stock_2020.csv   yu-bo/stock                         d9f9f96f0b47d09e75fd320d0d0725817d58e38c  data/stock_basic.csv
    cn_stock_2018.csv   lemonhu/stock-knowledge-graph       83d9e2ac5f86893d27c7e0a5cd48307327969e65  data/import/stock.csv
    cn_exec_2018.csv    lemonhu/stock-knowledge-graph       83d9e2ac5f86893d27c7e0a5cd48307327969e65  data/executive_prep.csv
    moe_hei_2025.json   YangZhi2007/ar-campus-guide         5c4cd2f498cfd7a5b7ba0c6333a8f15dc6062b82  全国高等学校名单.json

Licences and what each gives are in ``kg/data/kb/README.md``. Only names, codes and titles are taken. Which names
are common words (flag ``ambiguous``) is read from the segmenter's dictionary (jieba's ``dict.txt``, located
without importing jieba) and kg's own place list; the jieba version is written into the output header.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
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
)
SOURCE_BY_KEY = {s.key: s for s in SOURCES}

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
_COMMON_PERSON_TAG_MIN_FREQ = 100


@dataclass
class Org:
    """One organisation while the sources are merged; frozen into a row at the end."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


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
    """NFKC (full-width Ａ → A) with spaces inside Chinese names removed (万  科Ａ → 万科A)."""
    text = unicodedata.normalize("NFKC", text).strip()
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


def kb_id(org: Org) -> str:
    stocks = sorted(i.split("=", 1)[1] for i in org.ids if i.startswith("stock="))
    if stocks:
        return f"cn:stock:{stocks[0]}"
    moe = sorted(i.split("=", 1)[1] for i in org.ids if i.startswith("moe="))
    if moe:
        return f"cn:moe:{moe[0]}"
    return f"kg:{short_hash(org.name, org.type)}"


def org_rows(orgs: Iterable[Org], vocab: Vocab) -> list[tuple[str, ...]]:
    rows = {}
    for org in orgs:
        if is_junk(org.name, vocab):
            continue
        flags = set(org.flags)
        if is_ambiguous(org.name, vocab):
            flags.add("ambiguous")
        aliases = sorted(a for a in org.aliases if a != org.name and not is_junk(a, vocab))
        rows[kb_id(org)] = (
            kb_id(org),
            org.name,
            org.type,
            "|".join(aliases),
            "|".join(sorted(org.ids)),
            "|".join(sorted(flags)),
            "|".join(sorted(org.sources)),
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


def build(sources_dir: Path, out_dir: Path) -> dict[str, int]:
    """Read the raw files in ``sources_dir``, write organizations.tsv and people.tsv to ``out_dir``; return counts."""
    vocab = load_vocab()
    suffixes = sorted(((r[0], r[1]) for r in _data_rows("org_suffixes.txt")), key=lambda s: -len(s[0]))
    listings: dict[str, Org] = {}
    add_listings(listings, read_stock_2026(_open(sources_dir, "cn_stock_2026")), "cn_stock_2026")
    add_listings(listings, read_stock_2020(_open(sources_dir, "cn_stock_2020")), "cn_stock_2020")
    add_listings(listings, read_stock_2018(_open(sources_dir, "cn_stock_2018")), "cn_stock_2018")
    orgs = merge_b_shares(merge_same_registered_name(listings), listings)
    by_code = {code: kb_id(org) for code, org in listings.items()}
    add_universities(orgs, read_universities(_open(sources_dir, "moe_hei_2025")), vocab, suffixes)
    organizations = org_rows(orgs.values(), vocab)
    people, unknown = people_rows(read_executives(_open(sources_dir, "cn_exec_2018")), by_code, vocab)
    known = {row[0] for row in organizations}
    people = [p for p in people if p[2] in known]
    common = [
        "Built by tools/build_kb.py from the sources listed in kg/data/kb/README.md (keys in the last column).",
        f"Flag ambiguous: the name is a place or a common word in jieba {vocab.jieba_version}'s dict.txt.",
    ]
    write_tsv(
        out_dir / "organizations.tsv",
        [
            "kg knowledge base: organisations. Columns (tab-separated; lists |-separated; ids key=value):",
            *common,
            "kb_id\tname\ttype\taliases\tids\tflags\tsources",
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
    args = parser.parse_args(argv)
    try:
        counts = build(args.sources, args.out)
    except BuildError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
