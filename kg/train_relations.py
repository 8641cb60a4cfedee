"""Train the relation scorer shipped in kg/data/relscore.npz (see kg.relate.scorer).

    python -m kg.train_relations --data ../shared/datasets --out kg/data/relscore.npz
    python -m kg.train_relations --data ../shared/datasets --realtext benchmarks/realtext/corpus.jsonl --out …

Reads the training splits only: finre/train.jsonl, duie2_subset/train.jsonl (which holds train_business.jsonl)
and duie1_sample/train.jsonl, plus the dev part of the real-text corpus when given; a training sentence that
also occurs in a dev or test split is left out. Every sentence goes through kg's recogniser and rules
(kg.relate.trainset). One logistic regression per family of predicates (scikit-learn, L-BFGS: deterministic);
five-fold cross-fitting by sentence gives held-out probabilities on which the calibration (Platt scaling) and
each family's threshold (the lowest confidence at which the held-out precision reaches ``--precision``) are
chosen; the shipped weights are then fitted on all the data. Needs ``pip install "kg[train]"``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from .errors import KgError, MissingDependency
from .recognize.lexicon import load_lexicon
from .relate.features import FAMILIES, Family
from .relate.scorer import RelationScorer, ScorerModel, read_model, save_model
from .relate.trainset import (
    Annotated,
    Example,
    evaluation_texts,
    labelled_examples,
    read_realtext,
    read_relation_set,
)

TRAIN_SETS = (
    ("finre", "finre/train.jsonl"),
    ("duie", "duie2_subset/train.jsonl"),
    ("duie", "duie1_sample/train.jsonl"),
)
# Vocabulary lists (kg/data/words.toml) whose words are cue features.
CUE_LISTS = (
    "cooperation", "join_hands", "joint_creation", "invest_verb", "investment_noun", "receive_verb", "round_role",
    "investor_list_intro", "shareholder_noun", "deal_party", "acquire_verb", "subsidiary_noun", "parent_noun",
    "owner_verb", "launch_verb", "hq_verb", "founding_verb", "founding_verb_dated", "join_verb", "holds_post",
    "was_marker", "former_marker", "plan_marker", "speech_verb", "is", "company_anaphor",
)  # fmt: skip
NAME = "relscore"


def training_items(data: Path, realtext: Path | None = None) -> list[Annotated]:
    """The annotated training sentences, each text once, none that a dev or test split holds."""
    held_out = evaluation_texts(data)
    seen: set[str] = set()
    items = []
    sources: list[tuple[str, Any]] = [(ds, read_relation_set(data / path, ds)) for ds, path in TRAIN_SETS]
    if realtext is not None:
        sources.append(("realtext", read_realtext(realtext, "dev")))
    for _, reader in sources:
        for item in reader:
            if item.text in held_out or item.text in seen:
                continue
            seen.add(item.text)
            items.append(item)
    return items


def blank_model(dim: int, *, families: Sequence[Family] = FAMILIES) -> ScorerModel:
    """A model with every weight zero: what the trainer reads features with."""
    return ScorerModel(
        name=NAME,
        dim=dim,
        families=tuple(families),
        weights={f.name: np.zeros((dim, len(f.labels)), dtype=np.float32) for f in families},
        biases={f.name: np.zeros(len(f.labels)) for f in families},
        calibration={f.name: (1.0, 0.0) for f in families},
        thresholds={f.name: 1.01 for f in families},
        cue_lists=CUE_LISTS,
        max_between=4,
        max_distance=60,
    )


def _matrix(rows: Sequence[Example], dim: int):
    from scipy.sparse import csr_matrix

    from .relate.features import hashed

    cols = [hashed(e.features, dim) for e in rows]
    indptr = np.concatenate(([0], np.cumsum([len(c) for c in cols])))
    data = np.ones(int(indptr[-1]), dtype=np.float64)
    matrix = csr_matrix((data, np.concatenate(cols), indptr), shape=(len(rows), dim))
    matrix.sum_duplicates()
    return matrix


def _fit(rows: Sequence[Example], family: Family, dim: int, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights ``[dim, labels]`` and biases of a logistic regression on ``rows``."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([family.labels.index(e.label) for e in rows])
    weights = np.zeros((dim, len(family.labels)))
    bias = np.zeros(len(family.labels))
    present = sorted(set(y))
    if len(present) < 2:  # nothing to tell apart: the one label seen (or none) always
        bias[present[0] if present else 0] = 10.0
        return weights, bias
    clf = LogisticRegression(C=c, max_iter=300, tol=1e-4)
    clf.fit(_matrix(rows, dim), y, sample_weight=np.array([e.weight for e in rows]))
    if len(present) == 2:  # a binary model: one column of scores for the second class
        weights[:, present[1]], bias[present[1]] = clf.coef_[0], clf.intercept_[0]
    else:
        for k, label in enumerate(clf.classes_):
            weights[:, label], bias[label] = clf.coef_[k], clf.intercept_[k]
    return weights, bias


def _probabilities(weights, bias, rows: Sequence[Example], dim: int) -> np.ndarray:
    scores = _matrix(rows, dim) @ weights + bias
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def cross_fitted(
    examples: Sequence[Example], family: Family, dim: int, c: float, folds: int
) -> tuple[list[Example], np.ndarray]:
    """Held-out probabilities of the natural examples (kg's own mentions, as at run time): each fold scored by a
    model fitted on the other folds' training examples."""
    train = [e for e in examples if e.family == family.name and not e.natural] or [
        e for e in examples if e.family == family.name
    ]
    natural = [e for e in examples if e.family == family.name and e.natural]
    out_rows: list[Example] = []
    out_probs = []
    for k in range(folds):
        fit_rows = [e for e in train if e.group % folds != k]
        test_rows = [e for e in natural if e.group % folds == k]
        if not fit_rows or not test_rows:
            continue
        w, b = _fit(fit_rows, family, dim, c)
        out_rows += test_rows
        out_probs.append(_probabilities(w, b, test_rows, dim))
    return out_rows, (np.concatenate(out_probs) if out_probs else np.zeros((0, len(family.labels))))


def calibrate(
    rows: Sequence[Example], probs: np.ndarray, family: Family
) -> tuple[tuple[float, float], np.ndarray, np.ndarray]:
    """Platt scaling of the best non-none label's probability against whether it is right; returns (a, b), the
    calibrated confidences and whether each best label is right."""
    from sklearn.linear_model import LogisticRegression

    if not rows:
        return (1.0, 0.0), np.zeros(0), np.zeros(0, dtype=bool)
    best = 1 + probs[:, 1:].argmax(axis=1)
    p = np.clip(probs[np.arange(len(probs)), best], 1e-6, 1 - 1e-6)
    x = np.log(p / (1 - p)).reshape(-1, 1)
    right = np.array([family.labels[k] == e.label for k, e in zip(best, rows, strict=True)])
    weight = np.array([e.weight for e in rows])
    if right.all() or not right.any():
        return (1.0, 0.0), p, right
    clf = LogisticRegression(C=1e6, tol=1e-8).fit(x, right, sample_weight=weight)
    a, b = float(clf.coef_[0][0]), float(clf.intercept_[0])
    return (a, b), 1.0 / (1.0 + np.exp(-(a * x[:, 0] + b))), right


def threshold(
    rows: Sequence[Example], conf: np.ndarray, right: np.ndarray, target: float, minimum: int = 10
) -> float:
    """The lowest confidence (at least 0.5, in steps of 0.01) from which the weighted held-out precision of the
    pairs no rule relates is at least ``target``; 1.01 (nothing) if there is none."""
    weight = np.array([e.weight for e in rows], dtype=float)
    free = np.array([not e.ruled for e in rows], dtype=bool)
    for t in np.arange(0.50, 1.0, 0.01):
        chosen = free & (conf >= t)
        if chosen.sum() >= minimum and (weight * right)[chosen].sum() / weight[chosen].sum() >= target:
            return round(float(t), 2)
    return 1.01


def held_out_scores(
    rows: Sequence[Example], conf: np.ndarray, right: np.ndarray, t: float, family: Family
) -> dict:
    """Held-out precision and recall (weighted) at threshold ``t``, over the pairs no rule relates, per source."""
    out = {}
    for source in sorted({e.source for e in rows}):
        pick = np.array([e.source == source and not e.ruled for e in rows])
        weight = np.array([e.weight for e in rows])
        positive = np.array([e.label != "none" for e in rows])
        chosen = pick & (conf >= t)
        tp = (weight * right)[chosen].sum()
        out[source] = {
            "predicted": round(float(weight[chosen].sum()), 1),
            "precision": round(float(tp / weight[chosen].sum()), 3) if chosen.any() else None,
            "recall": round(float(tp / weight[pick & positive].sum()), 3)
            if (pick & positive).any()
            else None,
            "positives": int((pick & positive).sum()),
        }
    return out


def train(
    items: Sequence[Annotated],
    *,
    dim: int = 1 << 16,
    c: float = 1.0,
    folds: int = 5,
    inject: bool = True,
    unlabelled: float = 0.3,
    precision: float = 0.75,
    log=lambda message: None,
) -> ScorerModel:
    """A calibrated scorer trained on ``items`` (see the module's docstring)."""
    scorer = RelationScorer(blank_model(dim), load_lexicon())
    started = time.perf_counter()
    examples = list(labelled_examples(items, scorer, inject=inject, unlabelled=unlabelled))
    log(f"{len(items)} sentences → {len(examples)} candidate pairs in {time.perf_counter() - started:.0f}s")
    model = fit(examples, dim=dim, c=c, folds=folds, inject=inject, precision=precision, log=log)
    training = {
        "sources": dict(sorted(Counter(i.source for i in items).items())),
        "examples": len(examples),
        "unlabelled_weight": unlabelled,
    }
    return replace(model, meta={**model.meta, "training": {**model.meta["training"], **training}})


def fit(
    examples: Sequence[Example],
    *,
    dim: int = 1 << 16,
    c: float = 1.0,
    folds: int = 5,
    inject: bool = True,
    precision: float = 0.75,
    log=lambda message: None,
) -> ScorerModel:
    """Cross-fit, calibrate, choose thresholds, then fit every family's weights on all ``examples``."""
    blank = blank_model(dim)
    weights, biases, calibration, thresholds, report = {}, {}, {}, {}, {}
    for family in blank.families:
        rows, probs = cross_fitted(examples, family, dim, c, folds)
        sure = [i for i, e in enumerate(rows) if e.weight >= 1.0]  # calibrated on sure labels only
        rows, probs = [rows[i] for i in sure], probs[sure]
        (a, b), conf, right = calibrate(rows, probs, family)
        t = threshold(rows, conf, right, precision)
        calibration[family.name], thresholds[family.name] = (round(a, 6), round(b, 6)), t
        fit_rows = [e for e in examples if e.family == family.name and (not e.natural or not inject)]
        weights[family.name], biases[family.name] = _fit(fit_rows, family, dim, c)
        report[family.name] = {
            "threshold": t,
            "labels": dict(sorted(Counter(e.label for e in fit_rows).items())),
            "held_out": held_out_scores(rows, conf, right, t, family),
        }
        log(f"{family.name}: threshold {t}, {report[family.name]}")
    meta = {
        "training": {"dim": dim, "c": c, "folds": folds, "inject": inject, "target_precision": precision},
        "measured": report,
        "check_sample": check_sample(examples, blank.families, weights, biases, dim),
    }
    return ScorerModel(
        name=NAME,
        dim=dim,
        families=blank.families,
        weights=weights,
        biases=biases,
        calibration=calibration,
        thresholds=thresholds,
        cue_lists=blank.cue_lists,
        max_between=blank.max_between,
        max_distance=blank.max_distance,
        meta=meta,
    )


def check_sample(
    examples: Sequence[Example],
    families: Sequence[Family],
    weights: dict[str, np.ndarray],
    biases: dict[str, np.ndarray],
    dim: int,
    per_label: int = 3,
) -> list[dict]:
    """A few natural examples per family (positive and negative), with their sentence, features and the
    probabilities the trainer's own (float64, scipy) forward pass gives: the tests check the shipped numpy
    forward pass and feature extraction against them."""
    out = []
    for family in families:
        rows = sorted(
            (e for e in examples if e.family == family.name and e.natural and e.sentence and e.candidate),
            key=lambda e: (e.group, e.candidate.a, e.candidate.b),  # type: ignore[union-attr]
        )
        chosen = [e for e in rows if e.label != "none"][:per_label] + [e for e in rows if e.label == "none"][
            :per_label
        ]
        if not chosen:
            continue
        probs = _probabilities(weights[family.name], biases[family.name], chosen, dim)
        for e, p in zip(chosen, probs, strict=True):
            assert e.sentence is not None and e.candidate is not None
            out.append(
                {
                    "family": family.name,
                    "text": e.sentence.text,
                    "slots": [[s.start, s.end, s.code, s.entity, s.text, s.type] for s in e.sentence.slots],
                    "a": e.candidate.a,
                    "b": e.candidate.b,
                    "ruled": [[entity, list(preds)] for entity, preds in e.ruled_ends],
                    "features": list(e.features),
                    "probabilities": [round(float(x), 6) for x in p],
                }
            )
    return out


def _label_thresholds(items: list[str]) -> dict[str, float]:
    """``partner=1.01`` → {"partner": 1.01}; a malformed item is a ``KgError`` naming it."""
    out = {}
    for item in items:
        name, _, value = (part.strip() for part in item.partition("="))
        try:
            if not name:
                raise ValueError(item)
            out[name] = float(value)
        except ValueError:
            raise KgError(f"--label-threshold {item!r}: expected PREDICATE=NUMBER") from None
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--realtext", type=Path, help="the real-text corpus (its dev part with gold is used)")
    parser.add_argument("--out", type=Path, default=Path("kg/data/relscore.npz"))
    parser.add_argument("--dim", type=int, default=1 << 16, help="hash buckets")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularisation strength")
    parser.add_argument(
        "--precision", type=float, default=0.75, help="held-out precision the thresholds keep"
    )
    parser.add_argument("--unlabelled", type=float, default=0.3, help="weight of an unlabelled pair")
    parser.add_argument(
        "--no-inject", dest="inject", action="store_false", help="learn from kg's mentions only"
    )
    parser.add_argument(
        "--label-threshold",
        action="append",
        default=[],
        metavar="PREDICATE=T",
        help="a predicate's own threshold, both directions (investsIn=0.8), or one direction's (investsIn>=0.8); 1.01: never stated, e.g. partner=1.01; repeatable",
    )
    parser.add_argument(
        "--retune",
        type=Path,
        metavar="MODEL",
        help="only set --label-threshold on an existing model file (written to --out), without training",
    )
    args = parser.parse_args(argv)
    try:
        floors = _label_thresholds(args.label_threshold)
        if args.retune is not None:
            model = read_model(args.retune)
        else:
            try:
                import sklearn  # noqa: F401
            except ImportError:
                raise MissingDependency("scikit-learn", extra="train") from None
            items = training_items(args.data, args.realtext)
            model = train(
                items,
                dim=args.dim,
                c=args.c,
                inject=args.inject,
                unlabelled=args.unlabelled,
                precision=args.precision,
                log=lambda m: print(m, file=sys.stderr),
            )
        model = replace(model, label_thresholds={**model.label_thresholds, **floors})
        save_model(model, args.out)
    except KgError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
