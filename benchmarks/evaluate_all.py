"""Every evaluation in the README, as markdown tables: python benchmarks/evaluate_all.py [--data ../shared/datasets]

NER: CLUENER2020 dev, People's Daily dev, Weibo dev, the held-out tenth of the MSRA sample and Resume NER dev;
rules alone, each statistical model alone, and rules + each model, beside the published CLUENER2020 baselines.
RE: DuIE 2.0 / 1.0 business dev subsets and FinRE test, with kg's default recogniser (rules + NN), the relation
rules alone and rules + relation scorer. Only dev/test splits (and the MSRA tenth that training holds out) are
read here; the models were trained on train splits (python -m kg.train [--model nn], python -m kg.train_relations).
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


CONFIGS = {  # column → BuildConfig.model
    "kg rules": "none",
    "CRF alone": "crf-only",
    "NN alone": "nn-only",
    "rules + CRF": "crf",
    "rules + NN": "nn",
}


def fmt(r) -> str:
    return f"{100 * r['f1']:.1f} ({100 * r['precision']:.0f} / {100 * r['recall']:.0f})"


def general_news(data: Path) -> None:
    """People's Daily dev, Weibo dev and the held-out tenth of the MSRA sample (never trained on), per config."""
    import tempfile

    from kg.train_data import HELD_OUT

    with tempfile.TemporaryDirectory() as tmp:
        msra = Path(tmp) / "msra_ner_held_out.jsonl"
        lines = (data / "msra_ner" / "train_sample.jsonl").read_text(encoding="utf-8").splitlines(True)
        msra.write_text("".join(lines[HELD_OUT - 1 :: HELD_OUT]), encoding="utf-8")
        sets = (
            ("People's Daily dev (2,318)", data / "peoples_daily_ner" / "dev.jsonl", ("PER", "ORG", "LOC")),
            ("MSRA sample, held-out tenth", msra, ("PER", "ORG", "LOC")),
            ("Weibo dev (262)", data / "weibo_ner" / "dev.jsonl", ("PER.NAM", "ORG.NAM", "GPE.NAM")),
        )
        print("\nGeneral news and social media, exact span F1 (P / R):\n")
        print("| data | type | " + " | ".join(CONFIGS) + " |\n|---|---|" + "---|" * len(CONFIGS))
        for name, path, labels in sets:
            reports = {c: rows(evaluate_ner(path, config=BuildConfig(model=m))) for c, m in CONFIGS.items()}
            for label in (*labels, "micro"):
                print(f"| {name} | {label} | " + " | ".join(fmt(reports[c][label]) for c in CONFIGS) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    cluener = {
        c: evaluate_ner(args.data / "cluener2020" / "dev.jsonl", config=BuildConfig(model=m))
        for c, m in CONFIGS.items()
    }
    tables = {c: rows(r) for c, r in cluener.items()}
    print("CLUENER2020 dev (1,343 sentences), exact span F1 (P / R):\n")
    print(
        "| type | " + " | ".join(CONFIGS) + " | BiLSTM-CRF | BERT-base |\n|---|" + "---|" * (len(CONFIGS) + 2)
    )
    for label in ("name", "company", "organization", "government", "position", "address", "micro", "macro"):
        base = BASELINES.get(label, ("", ""))
        cells = " | ".join(fmt(tables[c][label]) for c in CONFIGS)
        print(f"| {label} | {cells} | {base[0]} | {base[1]} |")
    print(
        "\nthroughput of the evaluated configuration (MB/s): "
        + ", ".join(f"{c} {mbps(r)}" for c, r in cluener.items())
    )
    general_news(args.data)

    resume = {
        c: rows(evaluate_ner(args.data / "resume_ner" / "dev.jsonl", config=BuildConfig(model=c)))
        for c in ("crf", "nn")
    }
    print(
        "\nResume NER dev (463 sentences), F1 (P / R):\n\n| type | rules + CRF | rules + NN |\n|---|---|---|"
    )
    for label in resume["crf"]:
        print(f"| {label} | {fmt(resume['crf'][label])} | {fmt(resume['nn'][label])} |")

    print(
        "\nRelations (rules + NN recognition), P / R / F1, the rules alone (`--relation-model none`) and the rules"
        " with the learned relation scorer after them (the default):\n\n"
        "| data | predicate | rules P | R | F1 | rules + scorer P | R | F1 | support |\n|---|---|---|---|---|---|---|---|---|"
    )
    for name, path in (
        ("DuIE 2.0 dev_business", "duie2_subset/dev_business.jsonl"),
        ("DuIE 1.0 dev_business", "duie1_sample/dev_business.jsonl"),
        ("FinRE test", "finre/test.jsonl"),
    ):
        alone = rows(
            evaluate_relations(args.data / path, config=BuildConfig(model="nn", relation_model="none"))
        )
        both = rows(evaluate_relations(args.data / path, config=BuildConfig(model="nn")))
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
