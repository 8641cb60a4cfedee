"""How precise each recogniser is, measured (kg/data/source_precision.tsv, written by
benchmarks/source_precision.py on held-out training sentences): a statistical span is kept only where spans of
its type and confidence band were right often enough. This, not the order of the recognisers, decides."""

from __future__ import annotations

import functools
from importlib import resources

MIN_SPAN_PRECISION = 0.55  # the measured precision a model's (type, confidence band) must reach for its spans


@functools.cache
def _table() -> dict[tuple[str, str], list[tuple[float, float, float]]]:
    """(source, type) → [(low, high, precision)] for the bands of the pooled held-out data."""
    path = resources.files("kg.data").joinpath("source_precision.tsv")
    if not path.is_file():
        return {}
    out: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 7 or cells[0] != "all" or not cells[3]:
            continue
        try:
            low, high = (float(x) for x in cells[3].split("-"))
            out.setdefault((cells[1], cells[2]), []).append((low, high, float(cells[6])))
        except ValueError:
            continue  # the header line
    return out


def span_precision(model: str, type_: str, confidence: float) -> float | None:
    """The measured precision of ``model``'s spans of this type at this confidence (None if never measured)."""
    for low, high, precision in _table().get((f"model:{model}", type_), []):
        if low <= confidence < high or confidence == high == 1.0:
            return precision
    return None


def precise_enough(model: str, type_: str, confidence: float) -> bool:
    precision = span_precision(model, type_, confidence)
    return precision is None or precision >= MIN_SPAN_PRECISION
