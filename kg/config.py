"""Options, one frozen object handed to the pipeline and built once from the command line."""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class BuildConfig:
    segmenter: str = (
        "rjieba"  # segmentation engine: rjieba (fast, jieba's dictionary) or jieba (the reference)
    )
    model: str = "crf"  # statistical recogniser behind the rules: crf (the shipped model), none, or crf-only (evaluation)
    min_confidence: float = 0.5  # relations below this are dropped
    base: str = DEFAULT_BASE  # IRI base for minted entities (used by the exporters)
