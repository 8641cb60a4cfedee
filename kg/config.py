"""Options, one frozen object handed to the pipeline and built once from the command line."""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class BuildConfig:
    # segmentation engine: rjieba (fast, jieba's dictionary) or jieba (the reference)
    segmenter: str = "rjieba"
    # statistical recogniser behind the rules: nn (the BiLSTM-CRF), crf (the character CRF), none (rules only),
    # <name>-only (the recogniser alone, for evaluation), or the path of a neural model file (.npz) trained with
    # python -m kg.train --model nn
    model: str = "nn"
    # learned relation scorer after the rules, on pairs no rule linked: default (the shipped kg/data/relscore.npz),
    # none (rules only), or the path of a model file trained with python -m kg.train_relations
    relation_model: str = "default"
    min_confidence: float = 0.5  # relations below this are dropped
    base: str = DEFAULT_BASE  # IRI base for minted entities (used by the exporters)
    # user lexicons (TSV: name<TAB>type[<TAB>alias|alias…]) and rule files (TOML, kg/data/rules/README.md);
    # their entries win over the shipped ones
    lexicons: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    max_document_mb: float | None = 32.0  # a longer document is skipped with a warning (None: no limit)
