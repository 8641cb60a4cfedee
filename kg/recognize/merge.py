"""The one precedence rule: longest span wins; at equal length the higher score, then the earliest."""

from __future__ import annotations

from ..model import Mention


def filter_spans(mentions: list[Mention]) -> list[Mention]:
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -m.score, m.start, m.type))
    taken: list[Mention] = []
    occupied: set[int] = set()
    for m in ordered:
        if not occupied.isdisjoint(range(m.start, m.end)):
            continue
        taken.append(m)
        occupied.update(range(m.start, m.end))
    return sorted(taken, key=lambda m: (m.start, m.end))
