"""The neural recogniser, run with numpy: a BiLSTM-CRF over per-character features (``features.py``), trained in
this repository with PyTorch (``python -m kg.train --model nn``) and shipped as float16 weights in
``kg/data/ner_nn.npz``. ``NnTagger.tag_batch`` has the CRF tagger's interface: (start, end, kg type, confidence)
spans per sentence, the confidence being the lowest per-character marginal probability of the span.

Speed: the embeddings of the small-vocabulary columns are multiplied into the LSTM's input weights once at load
time, so a character's input gates are a sum of table rows; the recurrence runs over a batch of sentences of
similar length, both directions in one matrix product per step.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import KgError
from ..model import Token
from .chain import LinearChain
from .crf import KG_TYPE, spans
from .features import FEATURES, FeatureEncoder, Gazetteer, Vocab
from .lexicon import Lexicon

MODEL_FILE = "ner_nn.npz"
KB_FILE = "kb/organizations.tsv"
TYPES = ("PER", "COM", "ORG", "GOV", "TITLE", "LOC")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
_GROUP = 256  # sentences run together, sorted by length so that padding stays small
_TABLED = (0, 2, 3, 4, 5)  # feature columns whose embeddings are folded into the LSTM input weights


class NnModelError(KgError):
    """The file is not a model this reader understands."""


def allowed_transitions() -> np.ndarray:
    """(from, to) label pairs a BIO path may take: I-X only after B-X or I-X."""
    out = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for j, to in enumerate(LABELS):
        if to.startswith("I-"):
            out[:, j] = [frm in ("B-" + to[2:], to) for frm in LABELS]
    return out


@dataclass(frozen=True)
class NnModel:
    vocab: Vocab
    labels: tuple[str, ...]
    embeds: tuple[np.ndarray, ...]  # one table per feature column
    lstm: dict[str, np.ndarray]  # torch's names: weight_ih_l0, weight_hh_l0, bias_*; *_reverse backwards
    out_weight: np.ndarray  # (labels, 2 × hidden)
    out_bias: np.ndarray
    trans: np.ndarray  # (from, to)
    start: np.ndarray
    end: np.ndarray
    meta: dict

    @property
    def hidden(self) -> int:
        return int(self.lstm["weight_hh_l0"].shape[1])


def read_model(path: str | Path) -> NnModel:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise NnModelError(f"{path}: not a kg neural model ({exc})") from None
    try:
        vocab = Vocab(
            *(
                tuple(str(s) for s in arrays[f"vocab.{f}"])
                for f in ("chars", "bigrams", "words", "marks", "gazetteer")
            )
        )
        f32 = {k: v.astype(np.float32) for k, v in arrays.items() if v.dtype == np.float16}
        model = NnModel(
            vocab=vocab,
            labels=tuple(str(s) for s in arrays["labels"]),
            embeds=tuple(f32[f"embed{k}"] for k in range(len(FEATURES))),
            lstm={k[5:]: v for k, v in f32.items() if k.startswith("lstm.")},
            out_weight=f32["out.weight"],
            out_bias=f32["out.bias"],
            trans=f32["trans"],
            start=f32["start"],
            end=f32["end"],
            meta=json.loads(str(arrays["meta"])),
        )
    except (KeyError, ValueError) as exc:
        raise NnModelError(f"{path}: not a kg neural model (missing or bad {exc})") from None
    if model.labels != LABELS or tuple(len(e) for e in model.embeds) != vocab.sizes():
        raise NnModelError(f"{path}: its labels or vocabulary sizes do not match this version of kg")
    return model


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * x) + 0.5


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` computed the same way whatever the number of rows: BLAS takes another path (another order of
    additions) for a single row, so one row is padded to two."""
    if a.shape[-2] != 1:
        return a @ b
    pad = np.concatenate([a, a], axis=-2)
    return (pad @ b)[..., :1, :]


class NnTagger:
    """The shipped BiLSTM-CRF decoded with numpy; ``tag_batch`` as ``CrfTagger.tag_batch``."""

    def __init__(self, model: NnModel, gazetteer: Gazetteer | None) -> None:
        self.model, self.gazetteer = model, gazetteer
        self.encoder = FeatureEncoder(model.vocab)
        h = self.hidden = model.hidden
        lstm = model.lstm
        # torch orders the gates i, f, g, o; here they are i, f, o, g, so that one sigmoid covers three
        order = np.concatenate([np.arange(0, 2 * h), np.arange(3 * h, 4 * h), np.arange(2 * h, 3 * h)])
        cuts = np.cumsum([e.shape[1] for e in model.embeds])[:-1]
        self._tables, self._bigram_proj, self._bias = [], [], []
        for suffix in ("", "_reverse"):
            w_ih = np.split(lstm["weight_ih_l0" + suffix][order], cuts, axis=1)  # per feature column
            # the bigram table is large: it stays an embedding times a projection; the others become gate tables
            self._tables.append([model.embeds[k] @ w_ih[k].T for k in _TABLED])
            self._bigram_proj.append(np.ascontiguousarray(w_ih[1].T))
            self._bias.append((lstm["bias_ih_l0" + suffix] + lstm["bias_hh_l0" + suffix])[order])
        self._bigrams = model.embeds[1]
        # the recurrent weights of both directions as one matrix: state [forward | backward] (2h) → gates
        # interleaved by direction (i_f i_b f_f f_b o_f o_b g_f g_b), so that each step is one product
        recurrent = np.zeros((2 * h, 4, 2, h), dtype=np.float32)
        recurrent[:h, :, 0] = lstm["weight_hh_l0"][order].T.reshape(h, 4, h)
        recurrent[h:, :, 1] = lstm["weight_hh_l0_reverse"][order].T.reshape(h, 4, h)
        # contiguous: numpy multiplies a few rows by a strided matrix with its own loop, in another order
        self._recurrent = np.ascontiguousarray(recurrent.reshape(2 * h, 8 * h))
        self._out_fwd = np.ascontiguousarray(model.out_weight[:, :h].T)
        self._out_bwd = np.ascontiguousarray(model.out_weight[:, h:].T)
        self._out_bias = model.out_bias
        penalty = np.where(allowed_transitions(), 0.0, -1e4)
        self._chain = LinearChain(model.trans.astype(np.float64) + penalty, LABELS.index("O"))
        self._first = model.start.astype(np.float64) + [-1e4 if x.startswith("I-") else 0.0 for x in LABELS]
        self._last = model.end.astype(np.float64)

    @classmethod
    def from_file(cls, path: str | Path, gazetteer: Gazetteer | None = None) -> NnTagger:
        return cls(read_model(path), gazetteer)

    def tag(self, text: str, tokens: list[Token], lexicon: Lexicon) -> list[tuple[int, int, str, float]]:
        return self.tag_batch([(text, tokens, 0)], lexicon)[0]

    def tag_batch(
        self, items: list[tuple[str, list[Token], int]], lexicon: Lexicon
    ) -> list[list[tuple[int, int, str, float]]]:
        """Spans (offsets into the sentence) for each (sentence, its tokens, the offset its tokens start from);
        the tokens must rebuild the sentence."""
        results: list[list[tuple[int, int, str, float]]] = [[] for _ in items]
        live = [i for i, (text, _, _) in enumerate(items) if text]
        if not live:
            return results
        ids = self.encoder.encode([items[i] for i in live], lexicon, self.gazetteer)
        lengths = np.array([len(items[i][0]) for i in live])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        order = sorted(range(len(live)), key=lambda k: lengths[k])
        for lo in range(0, len(order), _GROUP):
            group = order[lo : lo + _GROUP]
            emissions = self.emissions(ids, starts[group], lengths[group])
            for k, labels, probs in zip(group, *self._chain.decode(emissions), strict=True):
                names = [LABELS[j] for j in labels]
                results[live[k]] = [(s, e, KG_TYPE[t], p) for s, e, t, p in spans(names, probs)]
        return results

    def emissions(self, ids: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
        """Per sentence (its ids start at ``starts[i]`` and run ``lengths[i]`` rows), its (characters × labels)
        scores, the start and end scores added at its edges.

        The LSTM runs over the sentences longest first, packed by step: at step t only the sentences longer than
        t take part (a prefix of the batch), the forward direction at character t and the backward one at
        character length - 1 - t."""
        h = self.hidden
        x = ids[np.concatenate([start + np.arange(n) for start, n in zip(starts, lengths, strict=True)])]
        first = np.concatenate([[0], np.cumsum(lengths)[:-1]])  # each sentence's first row in x
        longest = np.argsort(-lengths, kind="stable")
        sizes = lengths[longest]
        step, rank = np.nonzero(np.arange(sizes[0])[:, None] < sizes[None, :])  # step-major, longest first
        sentence = longest[rank]
        forward = first[sentence] + step
        backward = first[sentence] + lengths[sentence] - 1 - step
        packed = np.empty((len(step), 4, 2, h), dtype=np.float32)
        for d, rows in enumerate((forward, backward)):
            gates = _matmul(self._bigrams[x[rows, 1]], self._bigram_proj[d]) + self._bias[d]
            for table, k in zip(self._tables[d], _TABLED, strict=True):
                gates += table[x[rows, k]]
            packed[:, :, d] = gates.reshape(-1, 4, h)
        gates_in = packed.reshape(-1, 8 * h)
        batch = np.bincount(step)  # sentences taking part in each step
        states = np.empty((len(step), 2 * h), dtype=np.float32)
        state = np.zeros((batch[0], 2 * h), dtype=np.float32)
        cell = np.zeros((batch[0], 2 * h), dtype=np.float32)
        at = 0
        for n in batch.tolist():
            z = gates_in[at : at + n] + _matmul(state[:n], self._recurrent)
            sig = _sigmoid(z[:, : 6 * h])
            cell = sig[:, 2 * h : 4 * h] * cell[:n] + sig[:, : 2 * h] * np.tanh(z[:, 6 * h :])
            state = sig[:, 4 * h :] * np.tanh(cell)
            states[at : at + n] = state
            at += n
        fwd_states = np.empty((len(x), h), dtype=np.float32)
        bwd_states = np.empty((len(x), h), dtype=np.float32)
        fwd_states[forward], bwd_states[backward] = states[:, :h], states[:, h:]
        scores = _matmul(fwd_states, self._out_fwd) + _matmul(bwd_states, self._out_bwd) + self._out_bias
        result = np.split(scores.astype(np.float64), first[1:])
        for e in result:
            e[0] += self._first
            e[-1] += self._last
        return result


def read_gazetteer(path: Path) -> Gazetteer:
    """Names from a TSV file (name, then its type; lines starting with # are comments) as a gazetteer; the kind
    is the type's first three letters, as the lexicon's marks are."""
    names = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            names.append((cells[0].strip(), (cells[1].strip() if len(cells) > 1 else "Org")[:3]))
    return Gazetteer.from_names(names)


def load_gazetteer(path: Path | None = None) -> tuple[Gazetteer | None, str]:
    """The knowledge base's names as a gazetteer (``path``, else the package's KB file), with a note of what was
    read; (None, "none") when there is none."""
    if path is None:
        ref = resources.files("kg.data").joinpath(KB_FILE)
        if not ref.is_file():
            return None, "none"
        with resources.as_file(ref) as p:
            gazetteer = read_gazetteer(Path(p))
        return gazetteer, f"{KB_FILE} ({len(gazetteer.kinds)} names)"
    gazetteer = read_gazetteer(path)
    return gazetteer, f"{path.name} ({len(gazetteer.kinds)} names)"


@functools.cache
def load_nn_tagger() -> NnTagger | None:
    """The shipped neural model, or None when the package carries none. A model trained with a gazetteer gets
    the package's one."""
    ref = resources.files("kg.data").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path:
        model = read_model(path)
    gazetteer = load_gazetteer()[0] if model.vocab.gazetteer else None
    return NnTagger(model, gazetteer)
