"""Every evaluation in the README, as markdown tables: python benchmarks/evaluate_all.py [--data ../shared/datasets]

NER: CLUENER2020 dev and Resume NER dev, rules alone and rules + CRF, beside the published CLUENER2020
baselines. RE: DuIE 2.0 / 1.0 business dev subsets and FinRE test, rules alone and rules + relation scorer. Only dev/test splits are read here; the
CRF and the relation scorer were trained on train splits (python -m kg.train, python -m kg.train_relations).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.evaluate import evaluate_ner, evaluate_relations  # noqa: E402

# CLUENER2020 README, F1 on dev: BiLSTM-CRF and BERT-base
BASELINES = {
    "name": (74.04, 88.75),
    "company": (72.27, 81.42),
    "organization": (75.96, 79.43),
    "government": (77.25, 87.03),
    "position": (70.16, 78.89),
}


def rows(report):
    return {row["label"]: row for row in report.scores.table()}


def mbps(report) -> str:
    return (
        f"{report.characters * 3 / 1e6 / report.seconds:.2f}"  # Chinese text is ~3 bytes a character in UTF-8
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    crf, rules = BuildConfig(model="crf"), BuildConfig(model="none")

    cl_crf = evaluate_ner(args.data / "cluener2020" / "dev.jsonl", config=crf)
    cl_rules = evaluate_ner(args.data / "cluener2020" / "dev.jsonl", config=rules)
    cl_only = evaluate_ner(args.data / "cluener2020" / "dev.jsonl", config=BuildConfig(model="crf-only"))
    a, b, c = rows(cl_crf), rows(cl_rules), rows(cl_only)
    print("CLUENER2020 dev (1,343 sentences), exact span F1 (P / R):\n")
    print(
        "| type | kg rules | kg CRF alone | kg rules + CRF (default) | BiLSTM-CRF | BERT-base |\n|---|---|---|---|---|---|"
    )
    for label in ("name", "company", "organization", "government", "position", "address", "micro", "macro"):
        base = BASELINES.get(label, ("", ""))
        fmt = lambda r: f"{100 * r['f1']:.1f} ({100 * r['precision']:.0f} / {100 * r['recall']:.0f})"  # noqa: E731
        print(f"| {label} | {fmt(b[label])} | {fmt(c[label])} | {fmt(a[label])} | {base[0]} | {base[1]} |")
    print(
        f"\nthroughput of the evaluated configuration: rules {mbps(cl_rules)} MB/s, rules + CRF {mbps(cl_crf)} MB/s"
    )

    resume = evaluate_ner(args.data / "resume_ner" / "dev.jsonl", config=crf)
    print("\nResume NER dev (463 sentences), rules + CRF:\n\n| type | P | R | F1 |\n|---|---|---|---|")
    for label, r in rows(resume).items():
        print(f"| {label} | {100 * r['precision']:.1f} | {100 * r['recall']:.1f} | {100 * r['f1']:.1f} |")

    print(
        "\nRelations (rules + CRF recognition), P / R / F1, the rules alone (`--relation-model none`) and the rules"
        " with the learned relation scorer after them (the default):\n\n"
        "| data | predicate | rules P | R | F1 | rules + scorer P | R | F1 | support |\n|---|---|---|---|---|---|---|---|---|"
    )
    for name, path in (
        ("DuIE 2.0 dev_business", "duie2_subset/dev_business.jsonl"),
        ("DuIE 1.0 dev_business", "duie1_sample/dev_business.jsonl"),
        ("FinRE test", "finre/test.jsonl"),
    ):
        alone = rows(
            evaluate_relations(args.data / path, config=BuildConfig(model="crf", relation_model="none"))
        )
        both = rows(evaluate_relations(args.data / path, config=crf))
        for label in both:
            cells = [
                f"{100 * r[k]:.1f}"
                for r in (alone.get(label), both[label])
                if r
                for k in ("precision", "recall", "f1")
            ]
            if label not in alone:
                cells = ["", "", "", *cells]
            print(f"| {name} | {label} | " + " | ".join(cells) + f" | {both[label]['support'] or ''} |")


if __name__ == "__main__":
    main()
