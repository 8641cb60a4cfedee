"""The neural recogniser, run with numpy: a BiLSTM-CRF over per-character features (``features.py``), trained in
this repository with PyTorch (``python -m kg.train --model nn``) and shipped as float16 weights in
``kg/data/ner_nn.npz``. ``NnTagger.tag_batch`` has the CRF tagger's interface: (start, end, kg type, confidence)
spans per sentence, the confidence being the lowest per-character marginal probability of the span.

Speed: the embeddings of the small-vocabulary columns are multiplied into the LSTM's input weights once at load
time, so a character's input gates are a sum of table rows; the recurrence runs over a batch of sentences of
similar length, packed so that a step computes only the sentences still running.
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
from .crf import KG_TYPE, _spans
from .features import FEATURES, FeatureEncoder, Gazetteer, Vocab
from .lexicon import Lexicon

MODEL_FILE = "ner_nn.npz"
KB_DIR = "kb"  # kg's knowledge base, in the package data
TYPES = ("PER", "COM", "ORG", "GOV", "TITLE", "LOC", "PRO")  # PRO: a product, platform or programme
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
_BIO = [(label.startswith("B-"), label.startswith("I-"), label[2:]) for label in LABELS]  # for _spans
_GROUP = 256  # sentences run together, sorted by length so that padding stays small
# Feature columns whose embeddings are folded into the LSTM's input weights, as gate tables: the character; the
# word (boundary + part of speech) and the shape together; the lexicon and gazetteer marks together. Fewer,
# larger tables mean fewer rows gathered per character. The bigram table is too large to fold.
_JOINT = ((0,), (2, 5), (3, 4))


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
    names: tuple[tuple[str, str], ...] = ()  # the gazetteer's (name, kind) pairs it was trained with

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
            names=tuple(
                tuple(line.split("\t", 1))  # type: ignore[misc]
                for line in str(arrays.get("gazetteer.names", "")).splitlines()
            ),
        )
    except (KeyError, ValueError) as exc:
        raise NnModelError(f"{path}: not a kg neural model (missing or bad {exc})") from None
    if model.labels != LABELS or tuple(len(e) for e in model.embeds) != vocab.sizes():
        raise NnModelError(f"{path}: its labels or vocabulary sizes do not match this version of kg")
    return model


@functools.cache
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    """BLAS on one thread while the model runs: its matrix products are many and small, and on a busy machine
    threads waiting for each other made a build three times slower; one thread also keeps the order of the
    additions fixed. (``kg build --jobs N`` is how kg uses more cores.)"""
    return _blas().limit(limits=1, user_api="blas")


def _joint_table(tables: list[np.ndarray]) -> np.ndarray:
    """Rows of tables summed for every combination of ids (the first column's id the most significant)."""
    out = tables[0]
    for table in tables[1:]:
        out = (out[:, None, :] + table[None, :, :]).reshape(-1, table.shape[1])
    return np.ascontiguousarray(out, dtype=np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * x) + 0.5


def _matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` (float32) whose rows do not depend on the other rows: BLAS sums a row's products in an order
    that depends on the row's place in its tile and on the number of rows (measured with OpenBLAS 0.3.31 on
    AMD EPYC: rows of a 4-row product differ from the same rows in a larger one in the last bit). Products of
    float32 numbers are exact in float64, and a float64 sum of them rounds to the same float32 in any order but
    for sums within about 1e-14 of a rounding boundary; so a sentence's scores are the same whatever batch it
    is tagged in. ``b`` is float64."""
    return (a.astype(np.float64) @ b).astype(np.float32)


class NnTagger:
    """The shipped BiLSTM-CRF decoded with numpy; ``tag_batch`` as ``CrfTagger.tag_batch``."""

    # kg keeps this model's spans from this confidence up (the CRF's: 0.8). Chosen on the held-out tenth of the
    # CLUENER2020 and MSRA training splits: F1 is flat from 0.3 to 0.5 and falls above (0.8 costs 3 and 9
    # points there); 0.5 keeps the higher precision of the plateau.
    name = "nn"  # the source its mentions carry
    min_confidence = 0.5

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
            self._tables.append([_joint_table([model.embeds[k] @ w_ih[k].T for k in ks]) for ks in _JOINT])
            self._bigram_proj.append(np.ascontiguousarray(w_ih[1].T, dtype=np.float64))
            self._bias.append((lstm["bias_ih_l0" + suffix] + lstm["bias_hh_l0" + suffix])[order])
        self._sizes = model.vocab.sizes()
        self._bigrams = model.embeds[1]
        # contiguous: numpy multiplies a few rows by a strided matrix with its own loop, in another order
        self._recurrent = [
            np.ascontiguousarray(lstm["weight_hh_l0" + suffix][order].T, dtype=np.float64)
            for suffix in ("", "_reverse")
        ]
        self._out_fwd = np.ascontiguousarray(model.out_weight[:, :h].T, dtype=np.float64)
        self._out_bwd = np.ascontiguousarray(model.out_weight[:, h:].T, dtype=np.float64)
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
        with _one_blas_thread():
            self._tag_live(items, live, lexicon, results)
        return results

    def _tag_live(self, items, live: list[int], lexicon: Lexicon, results: list) -> None:
        ids = self.encoder.encode([items[i] for i in live], lexicon, self.gazetteer)
        lengths = np.array([len(items[i][0]) for i in live])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        order = sorted(range(len(live)), key=lambda k: lengths[k])
        for lo in range(0, len(order), _GROUP):
            group = order[lo : lo + _GROUP]
            emissions = self.emissions(ids, starts[group], lengths[group])
            for k, labels, probs in zip(group, *self._chain.decode(emissions), strict=True):
                if any(labels):  # O is label 0: most sentences of a batch have no span
                    results[live[k]] = [(s, e, KG_TYPE[t], p) for s, e, t, p in _spans(labels, probs, _BIO)]

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
        joint = [self._joint_ids(x, ks) for ks in _JOINT]
        bigrams = self._bigrams[x[:, 1]]  # gathered from the large table once, for both directions
        states = []
        for d, rows in enumerate((forward, backward)):
            gates = _matmul(bigrams[rows], self._bigram_proj[d]) + self._bias[d]
            for table, ids_ in zip(self._tables[d], joint, strict=True):
                gates += table[ids_[rows]]
            states.append(self._run(gates, np.bincount(step).tolist(), self._recurrent[d]))
        fwd_states = np.empty((len(x), h), dtype=np.float32)
        bwd_states = np.empty((len(x), h), dtype=np.float32)
        fwd_states[forward], bwd_states[backward] = states
        scores = _matmul(fwd_states, self._out_fwd) + _matmul(bwd_states, self._out_bwd) + self._out_bias
        result = np.split(scores.astype(np.float64), first[1:])
        for e in result:
            e[0] += self._first
            e[-1] += self._last
        return result

    def _joint_ids(self, x: np.ndarray, columns: tuple[int, ...]) -> np.ndarray:
        """The row of ``_joint_table`` for the ids of ``columns``: their mixed-radix number."""
        out = x[:, columns[0]].copy()
        for k in columns[1:]:
            out = out * self._sizes[k] + x[:, k]
        return out

    def _run(self, gates: np.ndarray, batch: list[int], recurrent: np.ndarray) -> np.ndarray:
        """One direction of the LSTM over packed input gates (``batch[t]`` rows at step t, longest first):
        the hidden state of every row."""
        h = self.hidden
        out = np.empty((len(gates), h), dtype=np.float32)
        state = np.zeros((batch[0], h), dtype=np.float32)
        cell = np.zeros((batch[0], h), dtype=np.float32)
        at = 0
        for n in batch:
            z = gates[at : at + n] + _matmul(state[:n], recurrent)
            sig = _sigmoid(z[:, : 3 * h])
            cell = sig[:, h : 2 * h] * cell[:n] + sig[:, :h] * np.tanh(z[:, 3 * h :])
            state = sig[:, 2 * h :] * np.tanh(cell)
            out[at : at + n] = state
            at += n
        return out


def read_names(path: Path, kind_of_row) -> list[tuple[str, str]]:
    """(name, kind) for the name and the aliases of every row of a knowledge-base TSV file, whose last ``#`` line
    before the rows names its columns (``name``, optional ``type``, ``aliases``, ``flags``); ``kind_of_row`` makes
    the kind from a row as a dict of its cells."""
    columns: list[str] = []
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#"):
                if "name" in [c.strip("# ") for c in cells]:
                    columns = [c.strip("# ") for c in cells]
                continue
            if not line.strip():
                continue
            row = dict(zip(columns or ["name", "type"], cells, strict=False))
            kind = kind_of_row(row)
            out += [(n, kind) for n in [row.get("name", ""), *row.get("aliases", "").split("|")] if n]
    return out


def _organisation_kind(row: dict[str, str]) -> str:
    """The type's first three letters (Com, Org, Gov, Med), with ? where the KB says the name is also a word."""
    return row.get("type", "Organization")[:3] + ("?" if "ambiguous" in row.get("flags", "") else "")


def kb_names(folder: Path | None = None) -> tuple[list[tuple[str, str]], str]:
    """The names of kg's knowledge base (``folder``, else the package's ``kg/data/kb``) for the gazetteer feature:
    organisations and their aliases (``organizations.tsv``) and people (``people.tsv``, kind Per); with a note of
    what was read. ([], "none") when there is no knowledge base."""
    if folder is None:
        ref = resources.files("kg.data").joinpath(KB_DIR)
        if not ref.is_dir():
            return [], "none"
        with resources.as_file(ref) as p:
            return kb_names(Path(p))
    names: list[tuple[str, str]] = []
    notes = []
    for file, kind_of_row in (("organizations.tsv", _organisation_kind), ("people.tsv", lambda row: "Per")):
        if (folder / file).is_file():
            found = read_names(folder / file, kind_of_row)
            names += found
            notes.append(f"{file} {len(found)} names")
    return names, (f"{folder}: " + ", ".join(notes)) if notes else "none"


@functools.cache
def load_nn_tagger(file: str | None = None) -> NnTagger | None:
    """The shipped neural model (or the model ``file``, one that ``python -m kg.train --model nn`` wrote), or
    None when the package carries none. Its gazetteer is the list of names it was trained with, kept in the model
    file, so that its features are those it learnt from."""
    if file is not None:
        model = read_model(file)
    else:
        ref = resources.files("kg.data").joinpath(MODEL_FILE)
        if not ref.is_file():
            return None
        with resources.as_file(ref) as path:
            model = read_model(path)
    return NnTagger(model, Gazetteer.from_names(model.names) if model.names else None)
