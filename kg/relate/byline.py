"""author, editor, publisher: the article's byline and dateline (文|刺猬公社 铁林, 编辑|石灿, 来源：界面新闻,
新浪科技讯, （记者 陈思远）), as kg/recognize/byline.py finds them."""

from __future__ import annotations

from ..model import Relation
from ..recognize.byline import Field, byline_fields
from ..recognize.lexicon import load_lexicon
from ..words import load_words
from .template import SentenceView

_OUTLET_TYPES = ("MediaOrganization", "Company", "Organization")


def byline_relations(
    view: SentenceView, article_id: str, fields: list[Field] | None = None
) -> list[Relation]:
    """The article's writers, editors and outlet named in this sentence's byline fields; a writer named with an
    outlet writes for it."""
    fields = byline_fields(view.doc) if fields is None else fields
    here = [f for f in fields if f.sentence == view.sentence.index]
    if not here:
        return []
    out: list[Relation] = []
    writers, outlets = [], []
    for field in here:
        inside = [i for i, m in enumerate(view.mentions) if field.start <= m.start < field.end]
        people = [i for i in inside if view.mentions[i].type == "Person"]
        orgs = [i for i in inside if view.mentions[i].type in _OUTLET_TYPES]
        if field.role == "author":  # 作者:青禾资本合伙人 林舟: the guest writer's firm and post, no outlet
            orgs = [i for i in orgs if not _post_after(view, view.mentions[i].end, field.end)]
        if people:  # (来源:青禾日报 王芳: the people after the outlet on a source line wrote the article)
            role = "author" if field.role == "publisher" else field.role
            out += [_article(view, article_id, role, p, 0.9) for p in people]
            writers += [(p, role) for p in people]
        if field.role in ("author", "publisher"):
            out += [_article(view, article_id, "publisher", o, 0.85) for o in orgs]
            outlets += orgs
    titles = load_words().map("byline_affiliation_title")
    for p, role in writers:  # 文|刺猬公社 铁林 / 【财新网】（记者 陈思远）: the writer writes for that outlet
        for o in outlets:
            out.append(
                view.relation(
                    p,
                    "worksFor",
                    o,
                    rule="byline_affiliation",
                    confidence=0.75,
                    qualifiers={"title": titles[role]},
                )
            )
    return out


def _post_after(view: SentenceView, at: int, end: int) -> bool:
    """A job title right after an organisation's name in a byline value (青禾资本合伙人 林舟 / 青禾资本合伙人林舟)."""
    rest = view.doc.norm[at:end].split(maxsplit=1)
    return bool(rest) and not view.doc.norm[at : at + 1].isspace() and _title(rest[0])


def _title(text: str) -> bool:
    """合伙人 / 首席分析师, not an outlet's own staff (青禾时报记者 林海: the reporter's outlet)."""
    titles = load_lexicon().title_pattern
    return (
        titles.match(text) is not None or any(m.end() == len(text) for m in titles.finditer(text))
    ) and load_words().regex("outlet_staff_title").match(text) is None


def _article(view: SentenceView, article_id: str, predicate: str, slot: int, confidence: float) -> Relation:
    return view.relation(
        slot,
        predicate,
        slot,
        rule="byline",
        confidence=confidence,
        subject_id=article_id,
        object_id=view.entity(slot),
    )
