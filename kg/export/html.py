"""graph.html: an interactive view that works offline and at corpus size.

The page is kg's own template with vis-network inlined from the installed pyvis package (pyvis's default page
loads it and bootstrap from CDNs). Positions are computed here (``layout``), so the page draws at once and
runs no physics. Every string from the input reaches the page as JSON data and is shown with
``textContent``, never parsed as HTML.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ..errors import MissingDependency
from ..graph import Fact, KnowledgeGraph
from .layout import layout

ARTICLE_STYLE = ("#444444", "box", "文章 Article")
DRAW_LIMIT = 8000  # the page draws at most this many nodes at once and says how to narrow the rest


def styles() -> dict[str, tuple[str, str, str]]:
    """type → (colour, vis shape, legend label): the one place the view reads the type table."""
    from ..types import TYPES

    out = {name: (t.colour, t.shape, t.legend) for name, t in TYPES.items() if name != "Date"}
    out["Article"] = ARTICLE_STYLE
    return out


def _script_json(data) -> str:
    """JSON safe inside <script>: no '<', '>', '&' or line separators can close the tag or break the parser."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _vis_assets() -> tuple[str, str]:
    try:
        import pyvis
    except ImportError:
        raise MissingDependency("pyvis") from None
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = (lib / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    return js, css


def _figures_by_entity(kg: KnowledgeGraph, sentences: dict[str, int]) -> dict[str, list[dict]]:
    """Each entity's figures; a figure's sentence is an index into the page's table of sentences (many figures
    come from one sentence)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for f in kg.figures():
        if f.about:
            out[f.about].append(
                {
                    "text": f.text,
                    "measure": f.measure,
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "kind": f.kind,
                    "qualifiers": dict(f.qualifiers),
                    "sentence": sentences.setdefault(f.evidence.text, len(sentences)),
                }
            )
    return out


def _weight(e) -> int:
    """How much an entity is talked about: its mentions, or (read back from a store) its articles."""
    return max(len(e.mentions), len(e.documents))


def _edge(i: int, f: Fact) -> tuple[dict, dict]:
    quals = dict(f.qualifiers)
    edge = {
        "id": f"e{i}",
        "from": f.subject,
        "to": f.object,
        "label": f.predicate + (f" ({quals['title']})" if quals.get("title") else ""),
        "arrows": "" if f.predicate == "partner" else "to",
        "predicate": f.predicate,
        "confidence": round(f.confidence, 2),
    }
    detail = {
        "id": f"e{i}",
        "predicate": f.predicate,
        "qualifiers": quals,
        "confidence": f.confidence,
        "rules": list(f.rules),
        "evidence": [ev.text for ev in f.evidence],
        "documents": sorted({ev.document for ev in f.evidence}),
    }
    return edge, detail


def network_data(
    kg: KnowledgeGraph, *, focus: str | None = None, depth: int = 0, limit: int = DRAW_LIMIT
) -> dict:
    """Nodes (with positions), edges and per-node details (aliases, figures, evidence, articles) for the page.

    ``focus`` (a node id) and ``depth`` say which neighbourhood the page opens on; the data holds everything."""
    style = styles()
    facts = kg.facts()
    sentences: dict[str, int] = {}
    figures = _figures_by_entity(kg, sentences)
    nodes: list[dict[str, Any]] = []
    details: dict[str, dict[str, Any]] = {}
    for e in kg.entities():
        if e.type == "Date":
            continue
        node: dict[str, Any] = {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "size": 12 + min(_weight(e), 30) // 2,
        }
        if figures.get(e.id):
            node["borderWidth"] = 3  # an entity with figures
        nodes.append(node)
        details[e.id] = {
            "label": e.label,
            "type": e.type,
            "types": list(e.types),
            "aliases": list(e.aliases),
            "mentions": len(e.mentions),
            "figures": figures.get(e.id, []),
            "documents": sorted(set(e.documents) | {m.document for m in e.mentions}),
        }
    for doc in kg.articles():
        nid = f"article/{doc.id}"
        nodes.append(
            {"id": nid, "label": (doc.title or doc.id)[:24], "type": "Article", "font": {"color": "#ffffff"}}
        )
        details[nid] = {"label": doc.title or doc.id, "type": "Article", "source": doc.source}
        if doc.url:
            details[nid]["url"] = doc.url
        if doc.date:
            details[nid]["date"] = doc.date
    edges: list[dict[str, Any]] = []
    edge_details: dict[str, dict[str, Any]] = {}
    for i, f in enumerate(facts):
        if f.literal:
            details.setdefault(f.subject, {}).setdefault("facts", []).append(f"{f.predicate}: {f.object}")
            continue
        if f.subject not in details or f.object not in details:
            continue
        edge, detail = _edge(i, f)
        edges.append(edge)
        edge_details[edge["id"]] = detail
    linked = {e["from"] for e in edges} | {e["to"] for e in edges}
    order = sorted(nodes, key=lambda n: (n["type"], n["id"]))
    positions = layout([n["id"] for n in order], [(e["from"], e["to"]) for e in edges])
    for node in nodes:
        if node["id"] in linked:
            node["linked"] = True
        node["x"], node["y"] = positions[node["id"]]
    return {
        "nodes": nodes,
        "edges": edges,
        "details": details,
        "edgeDetails": edge_details,
        "articles": {d.id: d.title or d.id for d in kg.articles()},
        "sentences": list(sentences),
        "legend": [[t, c, s, name] for t, (c, s, name) in style.items()],
        "limit": limit,
        "focus": {"id": focus, "depth": depth} if focus else None,
    }


def to_html(
    kg: KnowledgeGraph, *, base: str, focus: str | None = None, depth: int = 0, limit: int = DRAW_LIMIT
) -> str:
    data = network_data(kg, focus=focus, depth=depth, limit=limit)
    js, css = _vis_assets()
    template = Template(
        resources.files("kg.export").joinpath("templates/graph.html").read_text(encoding="utf-8")
    )
    titles = [d.title for d in kg.articles() if d.title]
    heading = titles[0] if len(titles) == 1 else f"{len(kg.documents)} articles"
    n_entities = sum(1 for n in data["nodes"] if n["type"] != "Article")
    return template.substitute(
        VIS_JS=js,
        VIS_CSS=css,
        DATA=_script_json(data),
        TITLE=_html_escape(f"kg · {heading}"),
        COUNTS=_html_escape(f"{n_entities} entities · {len(data['edges'])} relations"),
    )


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def to_iframe(kg: KnowledgeGraph, *, height: int = 600) -> str:
    """The view in an iframe (for notebooks): the whole page in ``srcdoc``, so nothing is loaded from anywhere."""
    import html

    page = to_html(kg, base="https://w3id.org/kg/id/")
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe>'
    )
