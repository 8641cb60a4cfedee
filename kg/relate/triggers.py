"""The trigger words of a compiled rule: literal strings of which every match contains at least one.

A rule runs on a sentence only where one of its triggers occurs, so most rules cost one substring test per
sentence. The set is derived from the regular expression itself (never kept by hand): for a sequence, the part
whose alternatives are the most selective; for an alternation, the union of its branches' sets; an optional
part gives nothing.
"""

from __future__ import annotations

try:  # Python 3.11 moved the parser; both names stay importable there
    import re._parser as _parser
    from re._constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover
    import sre_parse as _parser
    from sre_constants import (
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        SUBPATTERN,
    )

_MAX_ALTERNATIVES = 64
_IGNORED = frozenset({"⟦", "⟧"})  # every template has slot brackets: they select nothing


def trigger_words(pattern: str) -> tuple[str, ...]:
    """Literal strings of which every match of ``pattern`` contains one; empty if none can be derived."""
    return triggers_of(_parser.parse(pattern))


def parse(pattern: str):
    """The parse of ``pattern`` (``re.error`` where it has a syntax error), for ``triggers_of`` and its groups."""
    return _parser.parse(pattern)


def triggers_of(tree) -> tuple[str, ...]:
    """``trigger_words`` of a pattern already parsed by ``parse``."""
    found = _required(tree)
    return tuple(sorted(found)) if found else ()


def _score(words: frozenset[str] | None) -> tuple[int, int]:
    if not words:
        return (0, 0)
    return (min(len(w.replace("⟦", "").replace("⟧", "")) for w in words), -len(words))


def _required(seq) -> frozenset[str] | None:
    """A set of strings one of which every match of the sequence contains (None: nothing required)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best, run
        word = "".join(run)
        if word and word not in _IGNORED:
            candidate = frozenset({word})
            if _score(candidate) > _score(best):
                best = candidate
        run = []

    for op, av in seq:
        if op is LITERAL:
            run.append(chr(av))
            continue
        part = _element(op, av)
        if isinstance(part, str):
            run.append(part)
            continue
        close_run()
        if _score(part) > _score(best):
            best = part
    close_run()
    return best


def _element(op, av) -> frozenset[str] | str | None:
    if op is IN and len(av) == 1 and av[0][0] is LITERAL:
        return chr(av[0][1])  # a class of one character is that character
    if op is SUBPATTERN:
        return _required(av[-1])
    if op is BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            sub = _required(branch)
            if not sub:
                return None
            words |= sub
        return frozenset(words) if len(words) <= _MAX_ALTERNATIVES else None
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, _high, sub = av
        return _required(sub) if low >= 1 else None
    if op in (ASSERT, ASSERT_NOT, AT):
        return None
    return None
