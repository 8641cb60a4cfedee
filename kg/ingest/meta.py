"""A news page's title, date and URL from what its markup says about itself: meta tags (Open Graph, article:,
Dublin Core, itemprop), JSON-LD, ``<time datetime>``, and the ``<title>`` without the site's name after it."""

from __future__ import annotations

import json
import re

# Meta keys that carry the publication date, most specific first.
DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "author")
# What sites put between a headline and their name in <title>: 标题 - 36氪, 标题_新浪财经_新浪网, 标题|界面新闻.
_SEPARATOR = re.compile(r"\s+[-–—|·]\s+|\s*[_｜|]\s*|\s+-\s*")
_MAX_SITE = 16  # characters: longer tails are part of the headline, not a site's name


def page_metadata(
    meta: dict[str, str], title: str | None, json_ld: list[str], times: list[str]
) -> dict[str, str]:
    """``meta``: lower-cased meta keys → content; ``title``: the <title>; ``json_ld``: the page's JSON-LD
    scripts; ``times``: ``datetime`` values of <time> elements, in page order."""
    ld = _json_ld_fields(json_ld)
    sites = [meta[k].strip() for k in SITE_KEYS if meta.get(k, "").strip()] + ld.get("publisher", [])
    out: dict[str, str] = {}
    headline = meta.get("og:title") or meta.get("twitter:title") or next(iter(ld.get("headline", [])), None)
    if headline:
        out["title"] = strip_site_name(headline.strip(), sites, guess=False)
    elif title:
        out["title"] = strip_site_name(title.strip(), sites, guess=True)
    url = meta.get("og:url") or next(iter(ld.get("url", [])), None)
    if url:
        out["url"] = url.strip()
    date = next((meta[k] for k in DATE_KEYS if meta.get(k, "").strip()), None)
    date = date or next(iter(ld.get("datePublished", [])), None) or next(iter(times), None)
    if date:
        out["date"] = date.strip()
    return {k: v for k, v in out.items() if v}


def strip_site_name(title: str, sites: list[str], *, guess: bool) -> str:
    """The headline without the site's name after it (or before it): the name the page states, or with
    ``guess`` short tails after a separator (标题_新浪财经_新浪网 → 标题)."""
    for site in sorted(set(sites), key=len, reverse=True):
        for pattern in (
            rf"(?:{_SEPARATOR.pattern})+{re.escape(site)}$",
            rf"^{re.escape(site)}(?:{_SEPARATOR.pattern})+",
        ):
            shorter = re.sub(pattern, "", title)
            if shorter != title and shorter.strip():
                return strip_site_name(shorter.strip(), sites, guess=guess)
    if not guess:
        return title
    pieces = _SEPARATOR.split(title)
    while len(pieces) > 1 and len(pieces[-1]) <= _MAX_SITE and len(pieces[0]) >= 4:
        pieces.pop()  # a short tail: the site or its section
    head = title
    if len(pieces) < len(_SEPARATOR.split(title)):
        ends = [m.start() for m in _SEPARATOR.finditer(title)]
        head = title[: ends[len(pieces) - 1]]
    return head.strip() or title


def _json_ld_fields(scripts: list[str]) -> dict[str, list[str]]:
    """headline, datePublished, url and publisher names from the page's JSON-LD (never fetched: read as data)."""
    found: dict[str, list[str]] = {}
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < 1000:
            node, seen = stack.pop(), seen + 1
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                for key in ("headline", "datePublished", "url"):
                    if isinstance(node.get(key), str):
                        found.setdefault(key, []).append(node[key])
                publisher = node.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    found.setdefault("publisher", []).append(publisher["name"])
                stack.extend(v for v in node.values() if isinstance(v, (list, dict)))
    return found
