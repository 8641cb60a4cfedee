"""Train the neural recogniser shipped in kg/data/ner_nn.npz (PyTorch at training time only; kg tags with numpy).

    python -m kg.train --model nn --data ../shared/datasets --out kg/data/ner_nn.npz

A BiLSTM over per-character features (``kg.recognize.features``: character, bigram, segmenter word and part of
speech, lexicon and knowledge-base matches, shape) with a CRF on top. It learns from every training split that
names people and organisations (CLUENER2020, Resume NER, the MSRA sample, Weibo NER) at once, with one label set
(PER, COM, ORG, GOV, TITLE, LOC in BIO). Where a set is coarser than that label set, its annotation constrains
the path instead of fixing it: an MSRA ORG may be a company, an organisation or a government body, and where MSRA
says nothing a job title may still be (MSRA does not mark titles); the loss is the CRF's likelihood of all paths
that agree with the annotation. Every tenth sentence of each set is held out (never trained on) to pick the
epoch and to measure precision (benchmarks/source_precision.py). Dev and test splits are never read.

Reproducible: fixed seeds, one thread, data in file order.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .recognize.chain import LinearChain
from .recognize.crf import spans
from .recognize.features import FEATURES, FeatureEncoder, Gazetteer, Vocab, build_vocab
from .recognize.lexicon import Lexicon, load_lexicon
from .recognize.nn import LABELS, allowed_transitions, kb_names
from .train_data import HELD_OUT, REALTEXT, SCHEMES, Sentence, read_sentences, scheme_of


@dataclass(frozen=True)
class Config:
    dims: tuple[int, ...] = (64, 32, 16, 8, 8, 8)  # embedding size per feature column
    hidden: int = 32  # LSTM units per direction (64: a point more F1, tagging 1.4 times as long)
    dropout: float = 0.3
    lr: float = 2e-3
    batch: int = 32
    epochs: int = 20  # the model is the epoch with the best held-out F1
    seed: int = 13
    min_count: int = 2  # characters and bigrams seen fewer times are unknown


# ---- the model (torch) -------------------------------------------------------------------------------------


def _torch():
    try:
        import torch
    except ImportError:
        raise SystemExit("PyTorch is needed to train: pip install torch==2.13.0") from None
    return torch


def make_module(sizes: tuple[int, ...], config: Config):
    """The torch module: embeddings → dropout → BiLSTM → linear emissions; CRF transitions as parameters."""
    torch = _torch()
    nn = torch.nn

    class Net(nn.Module):  # type: ignore[name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.embeds = nn.ModuleList(
                nn.Embedding(v, d, padding_idx=0) for v, d in zip(sizes, config.dims, strict=True)
            )
            self.drop = nn.Dropout(config.dropout)
            self.lstm = nn.LSTM(sum(config.dims), config.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * config.hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))
            penalty = np.where(allowed_transitions(), 0.0, -1e4).astype(np.float32)
            self.register_buffer("penalty", torch.from_numpy(penalty))
            self.register_buffer("first_penalty", torch.from_numpy(penalty_first()))

        def emissions(self, ids, lengths):
            x = torch.cat([emb(ids[:, :, k]) for k, emb in enumerate(self.embeds)], dim=-1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            out, _ = self.lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=ids.shape[1])
            return self.out(self.drop(out))

        def log_partition(self, em, lengths, allowed=None):
            trans = self.trans + self.penalty
            if allowed is not None:
                em = em.masked_fill(~allowed, -1e4)
            score = self.start + self.first_penalty + em[:, 0]
            for t in range(1, em.shape[1]):
                step = torch.logsumexp(score[:, :, None] + trans[None], dim=1) + em[:, t]
                score = torch.where((t < lengths)[:, None], step, score)
            return torch.logsumexp(score + self.end, dim=1)

        def loss(self, ids, lengths, allowed):
            em = self.emissions(ids, lengths)
            return (self.log_partition(em, lengths) - self.log_partition(em, lengths, allowed)).mean()

    return Net()


def penalty_first() -> np.ndarray:
    """A path may not start inside a span."""
    return np.array([-1e4 if label.startswith("I-") else 0.0 for label in LABELS], dtype=np.float32)


# ---- data to tensors ----------------------------------------------------------------------------------------


def encode_all(sentences: list[Sentence], encoder: FeatureEncoder, lexicon: Lexicon, gazetteer) -> list:
    out = []
    for lo in range(0, len(sentences), 512):
        chunk = sentences[lo : lo + 512]
        ids = encoder.encode([(s.text, s.tokens, 0) for s in chunk], lexicon, gazetteer)
        cuts = np.cumsum([len(s.text) for s in chunk])[:-1]
        out.extend(np.split(ids, cuts))
    return out


def batches(order: list[int], lengths: list[int], size: int, rng: np.random.Generator) -> list[list[int]]:
    """Sentences of similar length together (less padding), the batches in random order."""
    by_length = sorted(order, key=lambda i: (lengths[i], rng.random()))
    out = [by_length[i : i + size] for i in range(0, len(by_length), size)]
    rng.shuffle(out)
    return out


def to_tensors(torch, ids: list[np.ndarray], allowed: list[np.ndarray] | None, batch: list[int]):
    width = max(len(ids[i]) for i in batch)
    x = np.zeros((len(batch), width, len(FEATURES)), dtype=np.int64)
    a = np.ones((len(batch), width, len(LABELS)), dtype=bool)
    for row, i in enumerate(batch):
        x[row, : len(ids[i])] = ids[i]
        if allowed is not None:
            a[row, : len(ids[i])] = allowed[i]
    lengths = torch.tensor([len(ids[i]) for i in batch])
    return torch.from_numpy(x), lengths, torch.from_numpy(a)


# ---- evaluation on the held-out sentences -------------------------------------------------------------------


def decode(module, ids: list[np.ndarray]) -> list[list[tuple[int, int, str, float]]]:
    """(start, end, type, confidence) per sentence, decoded by kg's numpy chain decoder from torch emissions."""
    torch = _torch()
    chain = LinearChain(
        (module.trans + module.penalty).detach().numpy().astype(np.float64), LABELS.index("O")
    )
    first = (module.start + module.first_penalty).detach().numpy()
    last = module.end.detach().numpy()
    out = []
    module.eval()
    with torch.no_grad():
        for lo in range(0, len(ids), 256):
            batch = list(range(lo, min(lo + 256, len(ids))))
            x, lengths, _ = to_tensors(torch, ids, None, batch)
            em = module.emissions(x, lengths).numpy().astype(np.float64)
            rows = []
            for row, i in enumerate(batch):
                e = em[row, : len(ids[i])].copy()
                e[0] += first
                e[-1] += last
                rows.append(e)
            for labels, probs in zip(*chain.decode(rows), strict=True):
                out.append(spans([LABELS[j] for j in labels], probs))
    return out


def score(sentences: list[Sentence], predicted: list[list[tuple]]) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per dataset, in each dataset's own labels."""
    counts: dict[str, list[int]] = {}
    for s, pred in zip(sentences, predicted, strict=True):
        scheme = scheme_of(s.dataset)
        to_label: dict[str, str] = {}
        for label, types in scheme.spans.items():
            for t in types:
                to_label.setdefault(t, label)
        got = {(a, b, to_label[t]) for a, b, t, _ in pred if t in to_label}
        gold = {(a, b, to_label[scheme.spans[lab][0]]) for a, b, lab in s.gold}
        c = counts.setdefault(s.dataset, [0, 0, 0])
        c[0] += len(got & gold)
        c[1] += len(got - gold)
        c[2] += len(gold - got)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ---- training and export ------------------------------------------------------------------------------------


def train(
    data: Path,
    out: Path,
    config: Config,
    *,
    kb: Path | None = None,
    use_kb: bool = True,
    realtext: Path | None = None,
    log=print,
) -> dict:
    torch = _torch()
    torch.manual_seed(config.seed)
    torch.set_num_threads(1)
    rng = np.random.default_rng(config.seed)
    lexicon = load_lexicon()
    names, gazetteer_note = kb_names(kb) if use_kb else ([], "none")
    gazetteer = Gazetteer.from_names(names) if names else None
    started = time.perf_counter()
    train_set: list[Sentence] = []
    held: list[Sentence] = []
    for i, s in read_sentences(data, lexicon, realtext):
        (held if i % HELD_OUT == HELD_OUT - 1 else train_set).append(s)
    vocab = build_vocab(
        ((s.text, s.tokens, 0) for s in train_set), lexicon, gazetteer, min_count=config.min_count
    )
    encoder = FeatureEncoder(vocab)
    train_ids = encode_all(train_set, encoder, lexicon, gazetteer)
    held_ids = encode_all(held, encoder, lexicon, gazetteer)
    allowed = [s.allowed for s in train_set]
    log(
        f"{len(train_set)} training and {len(held)} held-out sentences, features in "
        f"{time.perf_counter() - started:.0f}s; vocab sizes {vocab.sizes()}; gazetteer: {gazetteer_note}"
    )
    module = make_module(vocab.sizes(), config)
    optimiser = torch.optim.Adam(module.parameters(), lr=config.lr)
    lengths = [len(x) for x in train_ids]
    best, history, meta = -1.0, [], {}
    for epoch in range(1, config.epochs + 1):
        module.train()
        total, t0 = 0.0, time.perf_counter()
        for batch in batches(list(range(len(train_ids))), lengths, config.batch, rng):
            x, n, a = to_tensors(torch, train_ids, allowed, batch)
            optimiser.zero_grad()
            loss = module.loss(x, n, a)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(module.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach()) * len(batch)
        counts = score(held, decode(module, held_ids))
        pooled = f1(*(sum(c[k] for c in counts.values()) for k in range(3)))
        per_set = {k: round(100 * f1(*v), 1) for k, v in sorted(counts.items())}
        history.append({"epoch": epoch, "loss": total / len(train_ids), "held_out_f1": pooled, **per_set})
        log(
            f"epoch {epoch}: loss {total / len(train_ids):.3f}, held-out F1 {100 * pooled:.1f} {per_set} "
            f"({time.perf_counter() - t0:.0f}s)"
        )
        meta = {
            "config": config.__dict__,
            "gazetteer": gazetteer_note,
            "trained_on": {
                **{name: s.file for name, s in SCHEMES.items()},
                **({"realtext": f"{REALTEXT.file} (dev split)"} if realtext else {}),
            },
            "held_out": f"every {HELD_OUT}th sentence of each set",
            "history": history,
            "seconds": round(time.perf_counter() - started),
        }
        if (
            pooled > best
        ):  # the best epoch so far is the model (written now, so an interrupted run leaves one)
            best = pooled
            export(module, vocab, meta, out, names=sorted(gazetteer.kinds.items()) if gazetteer else [])
    return meta


def export(module, vocab: Vocab, meta: dict, out: Path, *, names: list[tuple[str, str]]) -> None:
    """The weights as float16 arrays, the vocabulary as strings and the gazetteer's names (one "name<TAB>kind"
    line each), in one .npz (written atomically)."""
    import os

    state = {k: v.detach().numpy() for k, v in module.state_dict().items()}
    arrays = {f"embed{k}": state[f"embeds.{k}.weight"] for k in range(len(FEATURES))}
    for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
        arrays[f"lstm.{name}"] = state[f"lstm.{name}"]
        arrays[f"lstm.{name}_reverse"] = state[f"lstm.{name}_reverse"]
    arrays["out.weight"], arrays["out.bias"] = state["out.weight"], state["out.bias"]
    arrays["trans"], arrays["start"], arrays["end"] = state["trans"], state["start"], state["end"]
    arrays = {k: v.astype(np.float16) for k, v in arrays.items()}
    for field in ("chars", "bigrams", "words", "marks", "gazetteer"):
        arrays[f"vocab.{field}"] = np.array(getattr(vocab, field), dtype=str)
    arrays["labels"] = np.array(LABELS, dtype=str)
    arrays["gazetteer.names"] = np.array("\n".join(f"{n}\t{k}" for n, k in names))
    arrays["meta"] = np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True))
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("wb") as fh:
        np.savez_compressed(fh, **arrays)
    os.replace(tmp, out)


def module_from_file(path: Path):
    """The torch module with the weights of an exported model (to compare kg's numpy forward pass with torch)."""
    torch = _torch()
    from .recognize.nn import read_model

    model = read_model(path)
    config = Config(dims=tuple(model.embeds[k].shape[1] for k in range(len(FEATURES))), hidden=model.hidden)
    module = make_module(model.vocab.sizes(), config)
    state = {f"embeds.{k}.weight": model.embeds[k] for k in range(len(FEATURES))}
    state.update({f"lstm.{k}": v for k, v in model.lstm.items()})
    state.update({"out.weight": model.out_weight, "out.bias": model.out_bias})
    state.update({"trans": model.trans, "start": model.start, "end": model.end})
    state = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in state.items()}
    module.load_state_dict(state, strict=False)
    module.eval()
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train kg's neural recogniser on the training splits.")
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "ner_nn.npz")
    parser.add_argument(
        "--kb",
        type=Path,
        help="knowledge-base folder whose names are a feature (default: kg/data/kb, if any)",
    )
    parser.add_argument("--no-kb", action="store_true", help="train without the knowledge-base feature")
    parser.add_argument(
        "--realtext",
        default="benchmarks/realtext/corpus.jsonl",
        help="the real-text corpus whose dev split trains too ('' for none)",
    )
    parser.add_argument("--epochs", type=int, default=Config.epochs)
    parser.add_argument("--hidden", type=int, default=Config.hidden)
    parser.add_argument("--seed", type=int, default=Config.seed)
    args = parser.parse_args(argv)
    config = Config(epochs=args.epochs, hidden=args.hidden, seed=args.seed)
    try:
        realtext = Path(args.realtext) if args.realtext else None
        meta = train(args.data, args.out, config, kb=args.kb, use_kb=not args.no_kb, realtext=realtext)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {meta['seconds']}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
