"""Who makes a well-known product: 微信 is 腾讯's, in an article that names both (kg/data/makers.tsv)."""

from __future__ import annotations

from collections.abc import Collection

from ..kb import kb_label, load_kb
from ..model import Document, Mention, Relation
from ..recognize.lexicon import Lexicon
from ..recognize.patterns import PRODUCT_MODEL
from ..resolve import entity_id
from ..words import load_words
from .template import SentenceView

_MADE = ("Product", "Platform", "BusinessUnit")


def _predicate(entity_type: str) -> str:
    """A product or platform is its maker's (productOf); a business unit is part of its group (parentOrganization)."""
    return "parentOrganization" if entity_type == "BusinessUnit" else "productOf"


# a sentence naming both the product and its maker is better evidence than the product's sentence alone
SAME_SENTENCE, ELSEWHERE = 0.85, 0.7
# the last sentence of an article's opening (its headline and lead): a maker named there is what the article is about
OPENING = 1


def known_makers(
    doc: Document, mentions: list[Mention], entity_of: dict[int, str], lexicon: Lexicon, found: list[Relation]
) -> list[Relation]:
    """``productOf`` for each product or platform of the curated list whose maker the article also names, where no
    rule already gave it a maker (``parentOrganization`` for a business unit and its group). The maker is the first
    of the list's makers the article names (抖音: 抖音集团 in an article that names it, else 字节跳动); an article
    dated before the maker took the product over gets none, nor one that names the maker only once, after its
    opening and in a sentence apart from the product's (a company in passing: 比起优酷、腾讯视频… far from the one
    line on 腾讯)."""
    if not lexicon.makers or not any(m.type in _MADE for m in mentions):
        return []
    made = {r.subject for r in found if r.predicate in ("productOf", "parentOrganization")}
    sentences_of: dict[str, set[int]] = {}
    for m in mentions:
        if m.start in entity_of:
            sentences_of.setdefault(entity_of[m.start], set()).add(m.sentence)
    out: list[Relation] = []
    for m in mentions:
        product = entity_of.get(m.start)
        name = _curated(m, lexicon)
        if m.type not in _MADE or product is None or product in made or name is None:
            continue
        maker = named_maker(name, sentences_of, lexicon, doc.date)
        if maker is None:
            continue
        both = [
            i
            for i in sorted(sentences_of[product] & sentences_of[maker])
            if not _listed_together(doc, [x for x in mentions if x.sentence == i], product, maker, entity_of)
        ]
        if not both and len(sentences_of[maker]) < 2 and min(sentences_of[maker]) > OPENING:
            continue  # a maker named once, in passing, apart from the product: the article does not tie them
        made.add(product)
        sentence = both[0] if both else m.sentence
        at = (
            m
            if m.sentence == sentence
            else next(x for x in mentions if x.sentence == sentence and entity_of.get(x.start) == product)
        )
        view = SentenceView.build(doc, doc.sentences[sentence], [at], entity_of)
        confidence = SAME_SENTENCE if both else ELSEWHERE
        out.append(
            view.relation(
                0, _predicate(m.type), None, rule="known_maker", confidence=confidence, object_id=maker
            )
        )
    return out


def _listed_together(
    doc: Document, here: list[Mention], product: str, maker: str, entity_of: dict[int, str]
) -> bool:
    """Whether every mention of the product and of its maker in a sentence are items of one list of names (锋泰资本参股
    的公司有青禾、艺龙和同程 / 经营丰田、宝马、雷克萨斯等品牌): peers listed side by side, which says nothing of who
    makes what."""
    seps = load_words().words("list_separator")
    ps = [m for m in here if entity_of.get(m.start) == product]
    ms = [m for m in here if entity_of.get(m.start) == maker]
    if not ps or not ms:
        return False
    for p in ps:
        for q in ms:
            a, b = (p, q) if p.start < q.start else (q, p)
            gap, at = [], a.end
            for x in sorted(here, key=lambda x: x.start):
                if a.end <= x.start and x.end <= b.start:
                    gap.append(doc.text[at : x.start])
                    at = x.end
            gap.append(doc.text[at : b.start])
            if not all(g.strip() and g.strip() in seps for g in gap):
                return False
    return True


def _curated(m: Mention, lexicon: Lexicon) -> str | None:
    """The name under which the curated list may give a mention's maker: its lexicon entry's; for a model of a
    listed product (iPhone 17 Pro), the product's, whose maker makes the model too; for a product the knowledge
    base knows and the lexicon does not (腾讯混元), the first of its names the list has a row for."""
    entry = lexicon.names.get(m.key)
    if entry is None and m.source == PRODUCT_MODEL:
        for end in range(len(m.text) - 1, 0, -1):
            base = lexicon.names.get(m.text[:end].rstrip())
            if base is not None and base.types[0] == "Product":
                return base.canonical
    if entry is None and m.source == "kb":
        org = load_kb().org(m.key)
        return next((n for n in (org.name, *org.aliases) if n in lexicon.makers), None) if org else None
    return entry.canonical if entry else None


def named_maker(
    product: str, present: Collection[str], lexicon: Lexicon, date: str | None = None
) -> str | None:
    """The entity id of the first of a curated product's makers that is among ``present`` (entity ids of the
    article), or None; none for an article dated before the maker took the product over."""
    makers, since = lexicon.makers.get(product, ((), None))
    year = int(date[:4]) if date and date[:4].isdigit() else None
    if since is not None and year is not None and year < since:
        return None
    return next((i for i in (maker_id(name, lexicon) for name in makers) if i in present), None)


def curated_maker_ids(canonical: str, lexicon: Lexicon) -> set[str]:
    """The entity ids of every maker the curated list gives a product or platform (none where it gives none)."""
    return {maker_id(name, lexicon) for name in lexicon.makers.get(canonical, ((), None))[0]}


def maker_id(name: str, lexicon: Lexicon) -> str:
    """The entity id of a maker the curated list names: the lexicon's entry, else the knowledge base's (鹰角网络)."""
    entry = lexicon.names.get(name)
    if entry:
        return entity_id(entry.types[0], entry.canonical)
    org = load_kb().org(name)
    return entity_id(org.type, kb_label(org, lexicon)) if org else entity_id("Company", name)
