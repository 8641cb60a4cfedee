"""Train a statistical recogniser: the CRF shipped in kg/data/ner.crfsuite, or the neural one (kg/train_nn.py).

    python -m kg.train --data ../shared/datasets --out kg/data/ner.crfsuite
    python -m kg.train --model nn --data ../shared/datasets --out kg/data/ner_nn.npz   (needs PyTorch)

Reads the training splits only (cluener2020/train.jsonl, and the names and titles of resume_ner/train.jsonl);
never a dev or test split. Training is deterministic: L-BFGS over the data in file order, fixed parameters.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .recognize.crf import features
from .recognize.lexicon import load_lexicon
from .segment import get_segmenter
from .zh.text import fold_width, to_simplified

# dataset label → CRF label; labels not listed are trained as O (outside)
LABELS = {
    "cluener2020": {
        "name": "PER",
        "company": "COM",
        "organization": "ORG",
        "government": "GOV",
        "position": "TITLE",
        "address": "LOC",
    },
    "resume_ner": {"NAME": "PER", "TITLE": "TITLE"},
}
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 250,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


def examples(path: Path, mapping: dict[str, str]):
    lexicon, segmenter = load_lexicon(), get_segmenter("rjieba")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = fold_width(to_simplified(record["text"]))
            labels = ["O"] * len(text)
            for ent in record["entities"]:
                kind = mapping.get(ent["type"])
                if kind is None:
                    continue
                labels[ent["start"]] = "B-" + kind
                for i in range(ent["start"] + 1, ent["end"]):
                    labels[i] = "I-" + kind
            yield features(text, segmenter.tokens(text), lexicon), labels


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--model" in argv:  # python -m kg.train --model nn ...: the neural recogniser's own options follow
        at = argv.index("--model")
        choice, rest = (argv[at + 1] if at + 1 < len(argv) else ""), argv[:at] + argv[at + 2 :]
        if choice == "nn":
            from .train_nn import main as train_nn

            return train_nn(rest)
        if choice != "crf":
            print(f"unknown model {choice!r}; choose crf or nn", file=sys.stderr)
            return 2
        argv = rest
    parser = argparse.ArgumentParser(description="Train kg's CRF recogniser on the training splits.")
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "ner.crfsuite")
    args = parser.parse_args(argv)
    try:
        import pycrfsuite
    except ImportError:
        print("python-crfsuite is needed: pip install python-crfsuite", file=sys.stderr)
        return 1
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    started, count = time.perf_counter(), 0
    for name, split in (("cluener2020", "train.jsonl"), ("resume_ner", "train.jsonl")):
        path = args.data / name / split
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            return 1
        for xseq, yseq in examples(path, LABELS[name]):
            trainer.append(xseq, yseq)
            count += 1
    trainer.train(str(args.out))
    info = trainer.logparser.last_iteration
    print(
        f"trained on {count} sentences in {time.perf_counter() - started:.0f}s; "
        f"{args.out} ({args.out.stat().st_size / 1e6:.1f} MB), final loss {info.get('loss') if info else '?'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
