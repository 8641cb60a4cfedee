"""author, editor, publisher: the article's byline (文|刺猬公社 铁林, 编辑|石灿, 来源：界面新闻)."""

from __future__ import annotations

from ..model import Relation
from ..words import load_words
from .template import SentenceView


def byline_relations(view: SentenceView, article_id: str) -> list[Relation]:
    """Each key：value segment of a byline line gives its people and outlets their role."""
    from ..recognize.patterns import byline_segments

    text = view.doc.norm[view.sentence.start : view.sentence.end]
    out: list[Relation] = []
    for seg in byline_segments(text):
        role = load_words().map("byline_role").get(seg.group(1))
        if role is None:
            continue
        lo, hi = view.sentence.start + seg.start(2), view.sentence.start + seg.end(2)
        inside = [i for i, x in enumerate(view.mentions) if lo <= x.start < hi]
        people = [i for i in inside if view.mentions[i].type == "Person"]
        orgs = [
            i for i in inside if view.mentions[i].type in ("MediaOrganization", "Company", "Organization")
        ]
        for p in people:
            if role in ("author", "editor"):
                out.append(
                    view.relation(
                        p,
                        role,
                        p,
                        rule="byline",
                        confidence=0.9,
                        subject_id=article_id,
                        object_id=view.entity(p),
                    )
                )
        for o in orgs:
            if role in ("author", "publisher"):
                out.append(
                    view.relation(
                        o,
                        "publisher",
                        o,
                        rule="byline",
                        confidence=0.85,
                        subject_id=article_id,
                        object_id=view.entity(o),
                    )
                )
            for p in people:  # 文|刺猬公社 铁林: the writer writes for that outlet
                out.append(
                    view.relation(
                        p,
                        "worksFor",
                        o,
                        rule="byline_affiliation",
                        confidence=0.75,
                        qualifiers={"title": load_words().map("byline_affiliation_title")[role]},
                    )
                )
    return out
