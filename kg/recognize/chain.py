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
        """Viterbi labels and, at labelled positions, their marginal probabilities, for sentences of similar length.

        The sentences run longest first, so that at step t the ones still running are a prefix of the batch and
        a step computes only those (each sentence's arithmetic is the same as alone)."""
        count, width = len(emissions), max(len(e) for e in emissions)
        n_labels = self._trans.shape[0]
        order = sorted(range(count), key=lambda i: -len(emissions[i]))  # longest first, stable
        lengths = np.array([len(emissions[i]) for i in order])
        running = np.searchsorted(-lengths, -np.arange(width + 1), side="left")  # sentences longer than t
        scores = np.zeros((count, width, n_labels))
        for row, i in enumerate(order):
            scores[row, : lengths[row]] = emissions[i]
        rows = np.arange(count)
        # Viterbi: best score of a path ending in each label; back-pointers are recomputed only along the best path
        best = np.empty_like(scores)
        best[:, 0] = scores[:, 0]
        for t in range(1, width):
            k = running[t]
            best[:k, t] = self._max_plus(best[:k, t - 1]) + scores[:k, t]
        current = best[rows, lengths - 1].argmax(axis=1)
        path = np.zeros((count, width), dtype=np.int64)
        for t in range(width - 1, 0, -1):
            k = running[t]
            path[:k, t] = current[:k]
            current[:k] = (best[:k, t - 1] + self._trans[:, current[:k]].T).argmax(axis=1)
        path[:, 0] = current
        tagged = (path != self._outside) & (np.arange(width)[None, :] < lengths[:, None])
        needs = np.flatnonzero(tagged.any(axis=1))  # marginals only for sentences with a span
        chosen = np.ones((count, width))
        if len(needs):
            marginals = self._marginals(scores[needs], lengths[needs])
            chosen[needs] = np.take_along_axis(marginals, path[needs][:, :, None], axis=2)[:, :, 0]
        probs_all = np.where(tagged, chosen, 1.0)
        labels: list[list[int]] = [[] for _ in range(count)]
        probs: list[list[float]] = [[] for _ in range(count)]
        for row, i in enumerate(order):
            n = lengths[row]
            labels[i] = path[row, :n].tolist()
            probs[i] = probs_all[row, :n].tolist()
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
        """Per position and label, P(label | sentence), by scaled forward-backward, for sentences longest first
        (a step computes the prefix still running; positions past a sentence's end read 1). Products are summed
        by einsum, not a matrix product: BLAS may add in an order that depends on the batch's shape, and a sentence
        must get the same confidence whatever it is batched with (--jobs 1 and 2 write the same; tested)."""
        count, width, n_labels = scores.shape
        running = np.searchsorted(-lengths, -np.arange(width + 1), side="left")  # sentences longer than t
        weights = np.exp(scores - scores.max(axis=2, keepdims=True))
        forward = np.ones_like(weights)
        backward = np.ones_like(weights)
        alpha = weights[:, 0] / weights[:, 0].sum(axis=1, keepdims=True)
        forward[:, 0] = alpha
        for t in range(1, width):
            k = running[t]
            alpha = np.einsum("si,ij->sj", alpha[:k], self._exp_trans) * weights[:k, t]
            alpha /= alpha.sum(axis=1, keepdims=True)
            forward[:k, t] = alpha
        beta = np.ones((count, n_labels))
        for t in range(width - 2, -1, -1):
            k = running[t + 1]
            step = np.einsum("sj,ij->si", weights[:k, t + 1] * beta[:k], self._exp_trans)
            step /= step.sum(axis=1, keepdims=True)
            beta[:k] = step
            backward[:k, t] = step
        joint = forward * backward
        return joint / joint.sum(axis=2, keepdims=True)
