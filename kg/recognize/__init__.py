"""Recognise entity mentions: lexicon, patterns, propagation, then one precedence rule (``filter_spans``)."""

from __future__ import annotations

import dataclasses
import re

from ..model import Document, Mention, Token
from .context import Context
from .lexicon import Lexicon, load_lexicon
from .merge import filter_spans
from .patterns import (
    find_abbreviations,
    find_business_units,
    find_byline,
    find_data_sources,
    find_dates,
    find_founders,
    find_glossed_products,
    find_introduced_orgs,
    find_latin_names,
    find_people_by_cue,
    find_places,
    find_products,
    find_quoted_targets,
    find_speakers,
    find_suffixed_orgs,
    find_titled_people,
)

__all__ = ["recognize", "embedded_parents", "find_lexicon", "filter_spans", "load_lexicon", "Context"]

PATTERNS = (find_titled_people, find_speakers, find_people_by_cue, find_byline, find_founders, find_data_sources, find_suffixed_orgs,
            find_introduced_orgs,
    find_people_by_cue, find_quoted_targets, find_latin_names, find_products, find_places, find_dates)
# Types whose names the patterns discover; their other occurrences in the document are mentions too.
_PROPAGATE = {"Person", "Organization", "Company", "MediaOrganization", "Product", "Programme", "Platform"}


def find_lexicon(ctx: Context) -> list[Mention]:
    out = []
    for m in ctx.lexicon.name_pattern.finditer(ctx.text):
        start, end = m.span()
        if ctx.text[end : end + 1] in _ASPECT:
            end = _shorter_name(ctx, start, end)  # 腾讯投资了蔚来: 了 marks 投资 as a verb, so the name is 腾讯
            if end is None:
                continue
        entry = ctx.lexicon.names[ctx.text[start:end]]
        out.append(ctx.mention(start, end, entry.types[0], "lexicon", 0.95, key=entry.canonical, types=entry.types))
    return out


# Aspect particles follow verbs, never names: a lexicon name followed by one ends in a verb.
_ASPECT = set("了过着")


def _shorter_name(ctx: Context, start: int, end: int) -> int | None:
    for e in range(end - 1, start + 1, -1):
        if ctx.text[start:e] in ctx.lexicon.names:
            return e
    return None


def recognize(doc: Document, tokens: list[Token], *, known=lambda w: True, lexicon: Lexicon | None = None) -> list[Mention]:
    """All entity mentions of ``doc``, non-overlapping, sorted by offset. ``tokens`` are over ``doc.norm``."""
    ctx = Context(doc, tokens, lexicon or load_lexicon(), known)
    candidates = find_lexicon(ctx)
    candidates.extend(find_business_units(ctx, candidates))
    for finder in PATTERNS:
        candidates.extend(finder(ctx))
    candidates.extend(find_glossed_products(ctx, filter_spans(candidates)))
    merged = [m for m in filter_spans(candidates) if _acceptable(m, ctx)]
    pairs = find_abbreviations(ctx, merged)
    merged = filter_spans(merged + [short for _, short in pairs])
    mentions = filter_spans(merged + _propagate(ctx, merged))
    return _apply_abbreviations(mentions, pairs)


def _apply_abbreviations(mentions: list[Mention], pairs) -> list[Mention]:
    """The full name and its abbreviation resolve to one entity."""
    # a lexicon name keeps its canonical form (阿里巴巴集团（简称“阿里”） stays 阿里巴巴); otherwise readers' short name wins
    rename = {}
    for full, short in pairs:
        if short.key != full.key:
            if full.source.startswith("lexicon"):
                rename[short.key] = full.key
            else:
                rename[full.key] = short.key
    if not rename:
        return mentions
    return [dataclasses.replace(m, key=rename[m.key]) if m.key in rename else m for m in mentions]


def _acceptable(m: Mention, ctx: Context) -> bool:
    key = m.key
    if m.type == "Date":
        return True
    if len(key) < 2 and not key.isascii():
        return False
    return key not in ctx.lexicon.non_entities and key not in ctx.lexicon.titles and not key.isdigit()


def _propagate(ctx: Context, found: list[Mention]) -> list[Mention]:
    """Other occurrences of names found by patterns (not the lexicon, which already finds every occurrence)."""
    seen = {(m.start, m.end) for m in found}
    by_surface = {}
    for m in found:
        if m.source != "lexicon" and m.type in _PROPAGATE:
            by_surface.setdefault(ctx.text[m.start : m.end], m)
    out = []
    for surface, model in sorted(by_surface.items()):
        for hit in re.finditer(re.escape(surface), ctx.text):
            s, e = hit.span()
            if (s, e) in seen or not (ctx.is_boundary(s) and ctx.is_boundary(e)):
                continue
            out.append(ctx.mention(s, e, model.type, "propagate", model.score - 0.1, key=model.key, types=model.types))
    return out


def embedded_parents(doc: Document, mentions: list[Mention], *, lexicon: Lexicon | None = None) -> list[Mention]:
    """The well-known company named at the start of a business unit (網易 in 網易遊戲), as a mention of its own.

    These overlap their unit's mention, so they feed resolution (the parent becomes a node with evidence) but
    not the sentence templates of the relation builder.
    """
    lexicon = lexicon or load_lexicon()
    out = []
    for m in mentions:
        if m.type != "BusinessUnit":
            continue
        for end in range(m.end - 1, m.start + 1, -1):
            entry = lexicon.names.get(doc.norm[m.start : end])
            if entry and entry.types[0] in ("Company", "Platform", "Organization"):
                out.append(Mention(m.start, end, doc.text[m.start : end], entry.types[0], "embedded", 0.9,
                                   entry.canonical, m.sentence, entry.types, doc.id))
                break
    return out
