"""graph.json: documents, entities with mentions, relations with evidence, figures. Schema in README."""

from __future__ import annotations

import json
from dataclasses import asdict

from .. import __version__
from ..graph import KnowledgeGraph
from ..vocab import Minter


def to_dict(kg: KnowledgeGraph, *, base: str) -> dict:
    mint = Minter(base)
    return {
        "kg_version": __version__,
        "base": mint.base,
        "documents": [
            {
                "id": d.id,
                "source": d.source,
                "title": d.title,
                "url": d.url,
                "date": d.date,
                "traditional": d.traditional,
                "text": d.text,
                "sentences": [
                    {
                        "index": s.index,
                        "start": s.start,
                        "end": s.end,
                        "paragraph": s.paragraph,
                        "source_start": s.source_start,
                    }
                    for s in d.sentences
                ],
            }
            for d in kg.articles()
        ],
        "entities": [
            {
                "id": e.id,
                "iri": str(mint.entity(e.id)),
                "label": e.label,
                "type": e.type,
                "types": list(e.types),
                "aliases": list(e.aliases),
                **({"value": e.value} if e.value else {}),
                **({"ids": _ids(e.ids)} if e.ids else {}),
                "mentions": [
                    {
                        "document": m.document,
                        "sentence": m.sentence,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "source": m.source,
                        "score": m.score,
                    }
                    for m in sorted(e.mentions, key=lambda m: (m.document, m.start))
                ],
            }
            for e in kg.entities()
        ],
        "relations": [
            {
                "subject": f.subject,
                "predicate": f.predicate,
                "object": f.object,
                "object_is_literal": f.literal,
                "qualifiers": dict(f.qualifiers),
                "confidence": f.confidence,
                "rules": list(f.rules),
                "evidence": [asdict(ev) for ev in f.evidence],
            }
            for f in kg.facts()
        ],
        "figures": [
            {
                "id": f"figure/{f.id}",
                "about": f.about,
                "measure": f.measure,
                "value": f.value,
                "value_max": f.value_max,
                "unit": f.unit,
                "kind": f.kind,
                "text": f.text,
                "time": f.time,
                "qualifiers": dict(f.qualifiers),
                "evidence": asdict(f.evidence),
            }
            for f in kg.figures()
        ],
    }


def to_json(kg: KnowledgeGraph, *, base: str) -> str:
    return json.dumps(to_dict(kg, base=base), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _ids(ids) -> dict[str, str | list[str]]:
    """{"kb": "cn:stock:01024.HK", "stock": "01024.HK"}; a scheme with several values (an A+H listing) a list."""
    out: dict[str, list[str]] = {}
    for scheme, value in ids:
        out.setdefault(scheme, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in sorted(out.items())}


def json_chunks(kg: KnowledgeGraph, *, base: str):
    """``to_json``'s text in pieces, to be written as they come (the same bytes, without the whole string)."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(to_dict(kg, base=base))
    yield "\n"
