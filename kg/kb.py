"""The knowledge base shipped with kg (kg/data/kb/): organisations with their names, codes and flags, and the
people who hold posts in them. Read once per process; looked up by name (simplified script, case-folded).

Linking gives an entity the identifiers the knowledge base has for it (stock codes, registry codes, its
knowledge-base id), so that two articles that write 快手 and 快手科技 meet in one node with the same ids.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from .bulk import no_collection
from .recache import cached_data
from .types import family
from .words import load_words
from .zh import text as text_module
from .zh.text import fold_width, to_simplified

if TYPE_CHECKING:
    from .recognize.lexicon import Lexicon


@dataclass(frozen=True)
class KbOrg:
    kb_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    ids: tuple[tuple[str, str], ...]  # (scheme, value): stock=600519.SH, moe=4111010001, wikidata=Q…
    flags: frozenset[str]
    ambiguous_aliases: frozenset[str] = frozenset()  # aliases that are also ordinary words
    sources: frozenset[str] = frozenset()  # the open-data lists (and kg_curated) that name it

    @property
    def ambiguous(self) -> bool:
        """The name is also a common word or a place (平安, 长安): it names the organisation only in context."""
        return "ambiguous" in self.flags


@dataclass(frozen=True)
class KbPerson:
    kb_id: str
    name: str
    org: str  # the kb_id of the organisation of the post
    title: str


@dataclass(frozen=True)
class KnowledgeBase:
    orgs: dict[str, KbOrg]  # kb_id → organisation
    by_name: dict[str, tuple[str, ...]]  # normalised name or alias → kb_ids
    people: dict[str, tuple[KbPerson, ...]]  # name → posts
    normal: dict[str, str] = field(default_factory=dict, repr=False)  # surface → normalised

    def org(self, *names: str) -> KbOrg | None:
        """The one organisation the first of ``names`` that the knowledge base knows names (None if none, or if
        that name is shared by several organisations)."""
        for name in names:
            found = self.by_name.get(normalise(name), ())
            if len(found) == 1:
                return self.orgs[found[0]]
            if found:
                return None
        return None

    def maker_of(self, name: str) -> tuple[int, KbOrg] | None:
        """The company whose name (or short name) begins a product's name (理想L9 → 理想汽车), with the length of
        that beginning: the longest such, never a platform's (抖音APP, 飞书文档: a platform is no owner)."""
        for k in range(len(name) - 1, 1, -1):
            org = self.org(name[:k])
            if org is not None and org.type == "Company" and "platform" not in org.flags:
                return k, org
        return None

    def longer_maker(self, name: str, than: int) -> tuple[int, KbOrg] | None:
        """The company of ``maker_of`` where its name is longer than ``than`` characters, the length of the owner
        another list found (京东方技术研发中心: 京东方, where the lexicon found 京东)."""
        found = self.maker_of(name)
        return found if found is not None and found[0] > than else None

    def names(self) -> list[tuple[str, KbOrg]]:
        """Every (surface, organisation) the knowledge base can recognise: unambiguous names only."""
        out = []
        for org in self.orgs.values():
            for surface in (org.name, *org.aliases):
                key = self.normal.get(surface) or normalise(surface)
                if len(self.by_name.get(key, ())) == 1:
                    out.append((surface, org))
        return out

    def namesakes(self, name: str) -> int:
        """How many different people of this name hold posts in the knowledge base."""
        return len({p.kb_id for p in self.people.get(name, ())})


@functools.lru_cache(maxsize=1 << 16)
def is_market(name: str) -> bool:
    """An exchange or a regulator (the knowledge base's flags): where a deal is made or approved, not a party to it
    and not what a figure is about."""
    org = load_kb().org(name)
    if org and org.flags & {"exchange", "regulator"}:
        return True
    return bool(load_words().regex("market_name").search(to_simplified(name)))


def kb_label(org: KbOrg, lexicon: Lexicon) -> str:
    """The name of a knowledge-base organisation as entities are named: the curated lexicon's where it has the
    organisation too (快手科技 → 快手), else the knowledge base's."""
    for surface in (org.name, *org.aliases):
        entry = lexicon.names.get(surface)
        if entry and family(entry.types[0]) == "org":
            return entry.canonical
    return org.name


def normalise(name: str) -> str:
    """The form names are looked up by (simplified script, half-width, lower case); remembered for the names
    most recently asked about: the same entity names come up in article after article."""
    return fold_width(to_simplified(name)).lower().strip()


def _normalised_all(names: list[str]) -> dict[str, str]:
    """``normalise`` of many names at once: one script conversion of them all, one per line (the same result as
    one by one wherever a line keeps its length; a name whose line does not is converted alone)."""
    unique = sorted(set(names))
    lines = to_simplified("\n".join(unique)).split("\n")
    if len(lines) != len(unique):
        return {n: normalise(n) for n in unique}
    return {
        n: fold_width(line).lower().strip() if len(line) == len(n) else normalise(n)
        for n, line in zip(unique, lines, strict=True)
    }


def _rows(name: str) -> list[list[str]]:
    path = resources.files("kg.data").joinpath(f"kb/{name}")
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _pairs(cell: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(tuple(item.split("=", 1)) for item in cell.split("|") if "=" in item))  # type: ignore[misc]


@functools.cache
def load_kb() -> KnowledgeBase:
    """The knowledge base, read from the cache folder where an earlier run kept it parsed (``recache``)."""
    files = [resources.files("kg.data").joinpath(f"kb/{name}") for name in _FILES]
    key = b"\0".join(
        [f.read_bytes() if f.is_file() else b"" for f in files]
        + [Path(__file__).read_bytes(), Path(text_module.__file__).read_bytes(), _opencc_version().encode()]
    )
    with no_collection():
        try:
            return _from_plain(cached_data("kb", key, lambda: _plain(_load_kb())))
        except (
            TypeError,
            ValueError,
            KeyError,
            IndexError,
            AttributeError,
        ):  # a damaged or foreign cache file
            return _load_kb()


_FILES = ("organizations.tsv", "people.tsv")


def _opencc_version() -> str:
    try:
        return metadata.version("opencc")
    except metadata.PackageNotFoundError:
        return ""


def _plain(kb: KnowledgeBase) -> tuple:
    """The knowledge base as tuples, dicts, strings and frozensets (for ``marshal``)."""
    orgs = [
        (o.kb_id, o.name, o.type, o.aliases, o.ids, o.flags, o.ambiguous_aliases, o.sources)
        for o in kb.orgs.values()
    ]
    people = [(p.kb_id, p.name, p.org, p.title) for posts in kb.people.values() for p in posts]
    return orgs, kb.by_name, people, kb.normal


def _from_plain(plain: tuple) -> KnowledgeBase:
    rows, by_name, people_rows, normal = plain
    orgs = {}
    for kb_id, name, type_, aliases, ids, flags, ambiguous, sources in rows:
        if not (isinstance(name, str) and isinstance(aliases, tuple) and isinstance(flags, frozenset)):
            raise TypeError("not a knowledge-base row")
        orgs[kb_id] = KbOrg(kb_id, name, type_, aliases, ids, flags, ambiguous, sources)
    people: dict[str, list[KbPerson]] = {}
    for kb_id, name, org, title in people_rows:
        people.setdefault(name, []).append(KbPerson(kb_id, name, org, title))
    if not (isinstance(by_name, dict) and isinstance(normal, dict)):
        raise TypeError("not a knowledge base")
    return KnowledgeBase(orgs, by_name, {k: tuple(v) for k, v in people.items()}, normal)


_NONE: frozenset[str] = frozenset()


def _set(cell: str) -> frozenset[str]:
    return frozenset(cell.split("|")) - {""} if cell else _NONE


def _load_kb() -> KnowledgeBase:
    orgs: dict[str, KbOrg] = {}
    by_name: dict[str, set[str]] = {}
    for row in _rows("organizations.tsv"):
        kb_id, name, type_, aliases, ids, flags, sources, ambiguous = (row + [""] * 8)[:8]
        org = KbOrg(
            kb_id,
            name,
            type_,
            tuple(a for a in aliases.split("|") if a) if aliases else (),
            _pairs(ids) if ids else (),
            _set(flags),
            _set(ambiguous),
            _set(sources),
        )
        orgs[kb_id] = org
    normal = _normalised_all([s for org in orgs.values() for s in (org.name, *org.aliases)])
    for kb_id, org in orgs.items():
        for surface in (org.name, *org.aliases):
            by_name.setdefault(normal[surface], set()).add(kb_id)
    people: dict[str, list[KbPerson]] = {}
    for row in _rows("people.tsv"):
        kb_id, name, org_id, title = (row + [""] * 5)[:4]
        people.setdefault(name, []).append(KbPerson(kb_id, name, org_id, title))
    return KnowledgeBase(
        orgs,
        {k: tuple(sorted(v)) for k, v in by_name.items()},
        {k: tuple(v) for k, v in people.items()},
        normal,
    )
