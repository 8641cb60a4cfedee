"""The real-text dev split cut in two halves by article, for measuring kg as it does on articles its neural
tagger never saw: python benchmarks/realtext_halves.py --out DIR

The shipped neural recogniser trained on every dev article, so on dev it looks better than on unseen text. This
writes DIR/train_a.jsonl (half A) and DIR/eval_b.jsonl (half B): a tagger trained with half A only
(``python -m kg.train --model nn --realtext DIR/train_a.jsonl --out DIR/nn_a.npz``) scores half B honestly
(``python benchmarks/realtext.py --corpus DIR/eval_b.jsonl --split dev --model DIR/nn_a.npz``). An article's half
is the parity of the SHA-1 of its id, so the halves stay the same as the corpus grows. The test split is not
written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "realtext" / "corpus.jsonl"


def half(article_id: str) -> str:
    """``a`` or ``b``: the parity of the SHA-1 of the article's id."""
    return "ab"[int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True, help="folder for train_a.jsonl and eval_b.jsonl")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines: dict[str, list[str]] = {"a": [], "b": []}
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and (record := json.loads(line)).get("split") == "dev":
                lines[half(record["id"])].append(line)
    for name, key in (("train_a.jsonl", "a"), ("eval_b.jsonl", "b")):
        (args.out / name).write_text("".join(lines[key]), encoding="utf-8")
    print(f"{args.out}: train_a.jsonl {len(lines['a'])} articles, eval_b.jsonl {len(lines['b'])} articles")


if __name__ == "__main__":
    main()
