"""Viterbi labels and per-position marginals of a linear-chain CRF, over batches of sentences, with numpy.

Shared by the CRF (``crf.py``) and the neural recogniser (``nn.py``): both hand over per-sentence emission scores
(characters × labels) and get back the best label path and, where it is not outside, its marginal probability.
"""

from __future__ import annotations

import numpy as np


class LinearChain:
    """Decoding with a fixed transition matrix (from label → to label); ``outside`` is the index of O (or -1)."""

    def __init__(self, transitions: np.ndarray, outside: int) -> None:
        self._trans = transitions
        self._exp_trans = np.exp(transitions)
        self._outside = outside

    def decode(self, emissions: list[np.ndarray]) -> tuple[list[list[int]], list[list[float]]]:
        """Viterbi labels and, at labelled positions, their marginal probabilities, for sentences of similar length."""
        count, width = len(emissions), max(len(e) for e in emissions)
        n_labels = self._trans.shape[0]
        lengths = np.array([len(e) for e in emissions])
        scores = np.zeros((count, width, n_labels))
        for i, e in enumerate(emissions):
            scores[i, : len(e)] = e
        rows = np.arange(count)
        # Viterbi: best score of a path ending in each label; back-pointers are recomputed only along the best path
        best = np.empty_like(scores)
        best[:, 0] = scores[:, 0]
        for t in range(1, width):
            best[:, t] = self._max_plus(best[:, t - 1]) + scores[:, t]
        current = best[rows, lengths - 1].argmax(axis=1)
        path = np.zeros((count, width), dtype=np.int64)
        for t in range(width - 1, -1, -1):
            path[:, t] = current
            if t:
                previous = (best[:, t - 1] + self._trans[:, current].T).argmax(axis=1)
                current = np.where(t < lengths, previous, current)
        tagged = (path != self._outside) & (np.arange(width)[None, :] < lengths[:, None])
        needs = np.flatnonzero(tagged.any(axis=1))  # marginals only for sentences with a span
        marginals = np.ones((count, width, n_labels))
        if len(needs):
            marginals[needs] = self._marginals(scores[needs], lengths[needs])
        labels, probs = [], []
        for i, n in enumerate(lengths):
            labels.append(path[i, :n].tolist())
            if not tagged[i].any():
                probs.append([1.0] * int(n))
            else:
                chosen = marginals[i, np.arange(n), path[i, :n]]
                probs.append(np.where(tagged[i, :n], chosen, 1.0).tolist())
        return labels, probs

    def _max_plus(self, previous: np.ndarray) -> np.ndarray:
        """For each next label, the best of (score so far + transition) over previous labels."""
        if len(previous) < 64:  # small batches: one broadcast; large ones: a running maximum uses less memory
            return (previous[:, :, None] + self._trans).max(axis=1)
        out = previous[:, 0:1] + self._trans[0]
        for i in range(1, len(self._trans)):
            np.maximum(out, previous[:, i : i + 1] + self._trans[i], out=out)
        return out

    def _marginals(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Per position and label, P(label | sentence), by scaled forward-backward. Products are summed by einsum,
        not a matrix product: BLAS may add in an order that depends on the batch's shape, and a sentence must get
        the same confidence whatever it is batched with (--jobs 1 and 2 write the same; tested)."""
        count, width, n_labels = scores.shape
        weights = np.exp(scores - scores.max(axis=2, keepdims=True))
        forward = np.empty_like(weights)
        backward = np.ones_like(weights)
        alpha = weights[:, 0] / weights[:, 0].sum(axis=1, keepdims=True)
        forward[:, 0] = alpha
        for t in range(1, width):
            alpha = np.einsum("si,ij->sj", alpha, self._exp_trans) * weights[:, t]
            alpha /= alpha.sum(axis=1, keepdims=True)
            forward[:, t] = alpha
        beta = np.ones((count, n_labels))
        for t in range(width - 2, -1, -1):
            step = np.einsum("sj,ij->si", weights[:, t + 1] * beta, self._exp_trans)
            step /= step.sum(axis=1, keepdims=True)
            beta = np.where((t < lengths - 1)[:, None], step, 1.0)
            backward[:, t] = beta
        joint = forward * backward
        return joint / joint.sum(axis=2, keepdims=True)
