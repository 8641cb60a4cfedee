"""graph.html: an interactive view that works offline.

pyvis assembles the nodes, edges and options; the page is kg's own template with vis-network inlined from
the installed pyvis package (pyvis's default page loads it and bootstrap from CDNs). Every string from the
input reaches the page as JSON data and is shown with ``textContent``, never parsed as HTML.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from string import Template

from ..errors import MissingDependency
from ..graph import KnowledgeGraph

STYLE = {  # type → (colour, vis shape, legend label)
    "Person": ("#e4572e", "dot", "人物 Person"),
    "Company": ("#1f77b4", "diamond", "公司 Company"),
    "Organization": ("#6c8ebf", "diamond", "机构 Organization"),
    "GovernmentOrganization": ("#8c564b", "diamond", "政府机构 Government"),
    "MediaOrganization": ("#9467bd", "diamond", "媒体 Media"),
    "BusinessUnit": ("#17becf", "diamond", "业务单元 Business unit"),
    "Platform": ("#2ca02c", "square", "平台 Platform"),
    "Product": ("#bcbd22", "triangle", "产品 Product"),
    "Programme": ("#ff9f1c", "triangle", "计划 Programme"),
    "Place": ("#7f7f7f", "star", "地点 Place"),
    "Article": ("#444444", "box", "文章 Article"),
}


def _script_json(data) -> str:
    """JSON safe inside <script>: no '<', '>', '&' or line separators can close the tag or break the parser."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
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


def network_data(kg: KnowledgeGraph) -> dict:
    """Nodes, edges and per-node details (aliases, figures, evidence) for the page."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="local")
    details: dict[str, dict] = {}
    figures_by_entity: dict[str, list] = {}
    for f in kg.figures():
        if f.about:
            figures_by_entity.setdefault(f.about, []).append(
                {
                    "text": f.text,
                    "measure": f.measure,
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "kind": f.kind,
                    "qualifiers": dict(f.qualifiers),
                    "sentence": f.evidence.text,
                }
            )
    facts = kg.facts()
    linked = {f.subject for f in facts} | {f.object for f in facts if not f.literal}
    for doc in kg.articles():
        nid = f"article/{doc.id}"
        if nid in linked:
            color, shape, _ = STYLE["Article"]
            net.add_node(
                nid, label=(doc.title or doc.id)[:24], color=color, shape=shape, font={"color": "#ffffff"}
            )
            details[nid] = {
                "label": doc.title or doc.id,
                "type": "Article",
                "source": doc.source,
                "aliases": [],
                "figures": [],
            }
    for e in kg.entities():
        if e.type == "Date":
            continue
        color, shape, _ = STYLE[e.type]
        n_fig = len(figures_by_entity.get(e.id, []))
        net.add_node(
            e.id,
            label=e.label,
            color=color,
            shape=shape,
            size=12 + min(len(e.mentions), 30) // 2,
            borderWidth=3 if n_fig else 1,
        )
        details[e.id] = {
            "label": e.label,
            "type": e.type,
            "types": list(e.types),
            "aliases": list(e.aliases),
            "mentions": len(e.mentions),
            "figures": figures_by_entity.get(e.id, []),
        }
    edge_details = []
    for i, f in enumerate(facts):
        if f.literal:
            details.setdefault(f.subject, {}).setdefault("facts", []).append(f"{f.predicate}: {f.object}")
            continue
        if f.subject not in details or f.object not in details:
            continue
        label = f.predicate + (f" ({dict(f.qualifiers)['title']})" if dict(f.qualifiers).get("title") else "")
        net.add_edge(
            f.subject, f.object, label=label, id=f"e{i}", arrows="" if f.predicate == "partner" else "to"
        )
        edge_details.append(
            {
                "id": f"e{i}",
                "predicate": f.predicate,
                "qualifiers": dict(f.qualifiers),
                "confidence": f.confidence,
                "rules": list(f.rules),
                "evidence": [ev.text for ev in f.evidence],
            }
        )
    nodes, edges, *_ = net.get_network_data()
    linked_ids = {e["from"] for e in edges} | {e["to"] for e in edges}
    for node in nodes:  # tooltips are built in the page from details, as text
        node.pop("title", None)
        node["linked"] = node["id"] in linked_ids
    return {
        "nodes": nodes,
        "edges": edges,
        "details": details,
        "edgeDetails": {d["id"]: d for d in edge_details},
        "legend": [[t, c, s, name] for t, (c, s, name) in STYLE.items()],
    }


def to_html(kg: KnowledgeGraph, *, base: str) -> str:
    data = network_data(kg)
    js, css = _vis_assets()
    template = Template(
        resources.files("kg.export").joinpath("templates/graph.html").read_text(encoding="utf-8")
    )
    titles = [d.title for d in kg.articles() if d.title]
    heading = titles[0] if len(titles) == 1 else f"{len(kg.documents)} articles"
    return template.substitute(
        VIS_JS=js,
        VIS_CSS=css,
        DATA=_script_json(data),
        TITLE=_html_escape(f"kg · {heading}"),
        COUNTS=_html_escape(f"{len(data['nodes'])} nodes · {len(data['edges'])} edges"),
    )


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)
