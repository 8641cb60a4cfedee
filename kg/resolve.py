"""Resolve mentions to entities: one entity per real thing, with aliases and a stable id.

The id is ``<family>/<canonical name>``, so the same name and type family give the same IRI in every run
and every document; cross-document resolution is a merge of entities with equal ids (``merge_entities``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .kb import kb_label, load_kb
from .model import ORG_TYPES, Document, Entity, Mention
from .recognize.lexicon import Lexicon, load_lexicon
from .recognize.patterns import osa_distance
from .recognize.shortforms import LEGAL_FORM, named_as_parent, regional_subsidiary, trade_cores
from .words import load_words
from .zh.dates import date_name, normalise_date

_LATIN_LETTER = re.compile("[A-Za-z]")  # a model's own name (Mate 70), not a product word (会议 of 腾讯会议)

# Where two types compete for one entity, the earlier wins.
TYPE_PRECEDENCE = (
    "Person",
    "Company",
    "MediaOrganization",
    "GovernmentOrganization",
    "BusinessUnit",
    "Organization",
    "Platform",
    "Product",
    "Programme",
    "Place",
    "Date",
)
# Legal-form endings (LEGAL_FORM): 京东集团 and 京东 are the same company; 快手电商 (a business unit) is not 快手.


# The types an organisation of the knowledge base can be: products and programmes are never linked to one.
LINKABLE = frozenset(t for t in ORG_TYPES | {"Platform"})


def family(type_: str) -> str:
    return {"Person": "person", "Place": "place", "Date": "date"}.get(type_, "org")


def entity_id(type_: str, key: str) -> str:
    """The stable id of the entity of this type and canonical name: ``org/快手``, ``person/白嘉乐``."""
    return f"{family(type_)}/{key}"


def resolve(
    doc: Document, mentions: list[Mention], *, lexicon: Lexicon | None = None
) -> tuple[list[Entity], dict[int, str]]:
    """Entities of one document and a map from mention start offset to entity id."""
    lexicon = lexicon or load_lexicon()
    canon = _canonical_keys(mentions, lexicon, doc.norm)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        name = canon[(family(m.type), m.key)]
        if m.type == "Date":  # 今年4月 means a different month in every year's articles
            name = date_name(name, doc.id, doc.date)
        groups[entity_id(m.type, name)].append(m)
    groups = _groups_apart(groups, doc)
    owner_end = {m.start: m.end for m in mentions if m.source == "embedded"}
    entities = [_entity(eid, ms, doc, owner_end) for eid, ms in sorted(groups.items())]
    index = {m.start: e.id for e in entities for m in e.mentions if m.source != "embedded"}
    return entities, index


def _groups_apart(groups: dict[str, list[Mention]], doc: Document) -> dict[str, list[Mention]]:
    """吉利控股集团 and 吉利汽车, 格力集团 and 格力电器 in one article: the group and its company are two
    organisations, though the lexicon knows both names as one. Where an article writes an organisation both as
    a group (its short name and a group word) and as its short name with another trade word, the group's mentions
    are an entity of their own. (京东集团 and 京东, or 京东公司, stay one.)"""
    words = load_words()
    group_end = words.regex("group_form_ending")
    legal = words.set("company_ending")
    out: dict[str, list[Mention]] = {}
    for eid, ms in groups.items():
        if family(ms[0].type) != "org" or len(ms) < 2:
            out[eid] = ms
            continue
        surface = {m.start: doc.norm[m.start : m.end] for m in ms}
        stem_of = {t: group_end.sub("", t) for t in set(surface.values()) if group_end.search(t)}
        stems = set(stem_of.values()) - {""}
        trade = any(
            t.startswith(st) and t != st and t[len(st) :] not in legal
            for t in set(surface.values()) - set(stem_of)
            for st in stems
        )
        if not trade:
            out[eid] = ms
            continue
        apart = [m for m in ms if surface[m.start] in stem_of]
        names = Counter(surface[m.start] for m in apart)
        name = max(names, key=lambda n: (names[n], len(n), n))
        out.setdefault(entity_id("Company", name), []).extend(replace(m, key=name) for m in apart)
        out.setdefault(eid, []).extend(m for m in ms if surface[m.start] not in stem_of)
    return out


def _canonical_keys(mentions: list[Mention], lexicon: Lexicon, text: str = "") -> dict[tuple[str, str], str]:
    keys = sorted({(family(m.type), m.key) for m in mentions})
    present = {k for k in keys}
    linkable = {m.key for m in mentions if m.type in LINKABLE}  # a product (小黄车) is not the company (ofo)
    counts = Counter((family(m.type), m.key) for m in mentions)
    companies = {m.key for m in mentions if m.type == "Company"}
    registered: dict[str, set[str]] = defaultdict(set)  # the registered names written for a key (简称“X”)
    for m in mentions:
        if m.text != m.key and LEGAL_FORM.search(m.text):
            registered[m.key].add(m.text)
    out: dict[tuple[str, str], str] = {}
    # 星澜科技有限公司 and 星澜公司: legal-form variants of one base name are one company
    bases: dict[str, list[str]] = defaultdict(list)
    for fam, key in keys:
        if fam == "org" and LEGAL_FORM.search(key) and len(LEGAL_FORM.sub("", key)) >= 2:
            bases[LEGAL_FORM.sub("", key)].append(key)
    variant_of = {}
    for variants in bases.values():
        if len(variants) > 1:
            best = max(variants, key=lambda k: (counts[("org", k)], len(k), k))
            variant_of.update({k: best for k in variants})
    for fam, key in keys:
        target = variant_of.get(key, key) if fam == "org" else key
        own = lexicon.names.get(key)
        own_entry = (
            own is not None and own.canonical == key
        )  # 抖音集团: a company of its own, not the platform 抖音
        if fam == "org" and target == key and not (own_entry and LEGAL_FORM.search(key)):
            stripped = LEGAL_FORM.sub("", key)
            if stripped != key and len(stripped) >= 2:
                entry = lexicon.names.get(stripped)
                if (
                    entry
                    and family(entry.types[0]) == "org"
                    and not _company_of_a_body(key, entry.types, companies)
                ):
                    target = entry.canonical
                elif (
                    (fam, stripped) in present
                    and not _group_owns_company(key, stripped, text)
                    and not named_as_parent(key, stripped, text)
                ):
                    target = stripped
            if target == key and not regional_subsidiary(key):
                # 锋泰智能科技(苏州)公司 and 锋泰智能 in one article (not 宝马集团（亚太） and 宝马集团: the
                # company's arm in China and the company)
                target = next(
                    (
                        c
                        for c in trade_cores(key)
                        if c != key
                        and (fam, c) in present
                        and not _group_owns_company(key, c, text)
                        and not named_as_parent(key, c, text)
                    ),
                    key,
                )
            if target == key and key in linkable and not _unknown_registered_name(registered.get(key, ())):
                target = _known_name(key, stripped, lexicon, text) or key
            if target == key and key.isascii() and len(key) >= 6:
                rivals = [
                    k
                    for f, k in present
                    if f == fam and k != key and k.isascii() and osa_distance(k.lower(), key.lower()) == 1
                ]
                if rivals:
                    best = max(rivals + [key], key=lambda k: (counts[(fam, k)], k in lexicon.names, k))
                    target = best
        out[(fam, key)] = target
    return out


def _entity(
    eid: str, mentions: list[Mention], doc: Document, owner_end: dict[int, int] | None = None
) -> Entity:
    fam, key = eid.split("/", 1)
    if fam == "date":
        key = key.rsplit("/", 1)[-1]  # a date kept to its article: <doc id>/今年4月
    surfaces = Counter(m.text for m in mentions)
    if key in surfaces or doc.traditional is False:
        label = key
    else:
        label = min(surfaces, key=lambda s: (len(s) < 2, -surfaces[s], s))
    aliases = set(surfaces) | {m.key for m in mentions} | {doc.norm[m.start : m.end] for m in mentions}
    aliases |= {  # 华为无线网络研究院 is 无线网络研究院 in its own company's articles; 华为Mate 70 is Mate 70
        own
        for m in mentions
        if owner_end
        and m.start in owner_end
        and (own := doc.text[owner_end[m.start] : m.end].strip())
        and (m.type == "BusinessUnit" or m.type == "Product" and _LATIN_LETTER.search(own))
    }
    aliases = {a for a in aliases if len(a) > 1 or a.isascii()} - {label}  # 美 (中美关系) is no alias of 美国
    types = _types(mentions)
    value = normalise_date(key, doc.date) if fam == "date" else None
    ids = link(label, key, *sorted(aliases)) if types[0] in LINKABLE else ()
    return Entity(eid, label, types[0], types, tuple(sorted(aliases)), tuple(mentions), (doc.id,), value, ids)


def _known_name(key: str, stripped: str, lexicon: Lexicon, text: str = "") -> str | None:
    """The name the knowledge base knows this organisation by (北京三快在线科技有限公司 → 美团), as the curated
    lexicon writes it where it has the organisation too (快手科技 → 快手)."""
    kb = load_kb()
    org = kb.org(key)
    if org is None and stripped != key:
        # 快手科技 → 快手; not 三联集团 → 三联, a listed company's two-character short name that is also a stem
        # of other names, nor a name that is an ordinary word (ambiguous)
        stem = kb.org(stripped)
        if (
            stem is not None
            and not stem.ambiguous
            and (len(stripped) >= 3 or "kg_curated" in stem.sources)
            and not _group_owns_company(key, stripped, text)
        ):
            org = stem
    return kb_label(org, lexicon) if org is not None else None


def link(*names: str) -> tuple[tuple[str, str], ...]:
    """The knowledge base's identifiers of the organisation these names name (the first name it knows); none where
    a registered name among them is one the knowledge base does not know."""
    if _unknown_registered_name(n for n in names if LEGAL_FORM.search(n)):
        return ()
    org = load_kb().org(*names)
    return (("kb", org.kb_id), *org.ids) if org else ()


def _group_owns_company(key: str, short: str, text: str) -> bool:
    """云天化集团 and 云天化 where the article says the group owns or controls the company (其控股股东云天化集团 /
    云天化集团旗下): two organisations, the group the parent. Elsewhere (比亚迪集团 and 比亚迪) one company."""
    words = load_words()
    if not any(w in key[len(short) :] for w in words.words("parent_group_word")):
        return False
    owner = re.escape(key)
    return bool(
        re.search(
            f"(?:{words.alt('parent_role_before')}){owner}|{owner}(?:{words.alt('parent_role_after')})", text
        )
    )


def _company_of_a_body(key: str, types: tuple[str, ...], companies: set[str]) -> bool:
    """清华控股 is a company a university owns, not 清华大学: a company named after a university or a government
    body with a legal form is a company of its own."""
    return key in companies and types[0] in ("Organization", "GovernmentOrganization")


def _unknown_registered_name(names: Iterable[str]) -> bool:
    """青禾市高新区投资运营有限公司 (简称“高新投”): the article names its organisation in full, and the knowledge
    base, which knows 高新投 as another city's company, does not know that name: the short name alone does not
    make them one organisation."""
    kb = load_kb()
    return any(len(n) >= 8 and kb.org(n) is None and not kb.by_name.get(n) for n in names)


def _types(mentions: Iterable[Mention]) -> tuple[str, ...]:
    mentions = list(mentions)
    lex = [m for m in mentions if m.source.startswith("lexicon")]
    if lex:
        types = list(lex[0].types)
    else:
        votes = Counter(m.type for m in mentions)
        types = sorted(votes, key=lambda t: (-votes[t], TYPE_PRECEDENCE.index(t)))
    for m in mentions:
        for t in m.types:
            if t not in types and family(t) == family(types[0]):
                types.append(t)
    # a generic Organization vote adds nothing next to a more specific organisation type
    if "Organization" in types and any(t in ORG_TYPES and t != "Organization" for t in types):
        types.remove("Organization")
    return tuple(types)


def merge_entities(a: Entity, b: Entity) -> Entity:
    """Union of two entities with the same id (the same thing seen in two documents)."""
    label = a.label if a.label == a.id.split("/", 1)[1] or b.label != b.id.split("/", 1)[1] else b.label
    types = list(a.types) + [t for t in b.types if t not in a.types]
    aliases = (set(a.aliases) | set(b.aliases) | {a.label, b.label}) - {label}
    docs = tuple(sorted(set(a.documents) | set(b.documents)))
    return Entity(
        a.id,
        label,
        types[0],
        tuple(types),
        tuple(sorted(aliases)),
        a.mentions + b.mentions,
        docs,
        a.value or b.value,
        tuple(sorted(set(a.ids) | set(b.ids))),
    )
