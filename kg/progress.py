"""Progress a user can trust: documents done of the total, percent and time left (issue 14).

The total is counted before the build from the inputs themselves (a JSON Lines file holds one document per
non-blank line, any other file one), cheaply: the files are read as bytes, not decoded or cleaned. Standard
input has no total; then the line shows what is done."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def count_documents(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many documents ``inputs`` hold (as ``kg.ingest.iter_documents`` will read them, before any is skipped),
    or None when one input is standard input."""
    from .ingest import SUFFIXES, _discover

    total = 0
    try:
        for path, _ in _discover(inputs, lambda message: None):
            if path == "-":
                return None
            if SUFFIXES.get(Path(path).suffix.lower()) == "jsonl":
                total += _records(path)
            else:
                total += 1
    except (OSError, ValueError):  # the build itself reports what is wrong with an input
        return None
    return total


def _records(path: str) -> int:
    count = 0
    with open(path, "rb") as fh:
        for line in fh:
            count += bool(line.strip())
    return count


def counted(done: int, total: int | None, seconds: float) -> str:
    """``1234/8000 docs (15%, 1m12s left)``, or ``1234 docs`` without a total."""
    if not total:
        return f"{done} docs"
    done = min(done, total)
    share = done / total
    left = "" if not done else f", {_duration(seconds / done * (total - done))} left"
    return f"{done}/{total} docs ({share:.0%}{left})"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
