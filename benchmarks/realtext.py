"""kg on real published text: python benchmarks/realtext.py [--split dev|test|both] [--model …] [--json]

Scores whole-article graphs against the hand-made gold of benchmarks/realtext/corpus.jsonl (725 real excerpts,
all annotated; see its README): relations per predicate (content predicates; bylines apart), entities, and how
many gold figures kg finds and attaches to the right entity. We tune on the dev part only; the test part is only
scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.evaluate_graph import GraphReport, evaluate_graph  # noqa: E402

CORPUS = ROOT / "benchmarks" / "realtext" / "corpus.jsonl"


def _rows(scores) -> dict[str, dict]:
    return {row["label"]: row for row in scores.table()}


def table(reports: dict[str, GraphReport]) -> str:
    """Markdown: one row per predicate, P / R / F1 and support for each split."""
    splits = list(reports)
    head = "| predicate | " + " | ".join(f"{s} P / R / F1 (n)" for s in splits) + " |"
    lines = [head, "|---|" + "---|" * len(splits)]
    labels = sorted(set().union(*(_rows(r.relations) for r in reports.values())) - {"micro", "macro"})
    for group, scores_of in (("relations", lambda r: r.relations), ("bylines", lambda r: r.bylines)):
        names = (
            labels
            if group == "relations"
            else sorted(set().union(*(_rows(r.bylines) for r in reports.values())) - {"micro", "macro"})
        )
        for label in [*names, "micro"]:
            cells = []
            for s in splits:
                row = _rows(scores_of(reports[s])).get(label)
                cells.append(
                    f"{row['precision']:.2f} / {row['recall']:.2f} / {row['f1']:.2f} ({row['support']})"
                    if row
                    else ""
                )
            name = f"**{group} micro**" if label == "micro" else label
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for label in ("organisation", "person"):
        cells = []
        for s in splits:
            row = _rows(reports[s].entities).get(label)
            cells.append(
                f"{row['precision']:.2f} / {row['recall']:.2f} / {row['f1']:.2f} ({row['support']})"
                if row
                else ""
            )
        lines.append(f"| entities: {label} | " + " | ".join(cells) + " |")
    lines.append(
        "| bylines: reporter worksFor outlet (not annotated, not scored) | "
        + " | ".join(str(r.byline_employers) for r in reports.values())
        + " |"
    )
    lines.append(
        "| figures attached right (of those found) | "
        + " | ".join(
            f"{r.attribution:.2f} ({r.figures_attached}/{r.figures_found}; {r.figures_found} of {r.figures_gold} found)"
            for r in reports.values()
        )
        + " |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--model", default=BuildConfig().model)
    parser.add_argument(
        "--relation-model", default=BuildConfig().relation_model, help="default, none, or a scorer model file"
    )
    parser.add_argument("--json", action="store_true", help="Print the reports as JSON.")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="another corpus file of the same format")
    args = parser.parse_args()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    config = BuildConfig(model=args.model, relation_model=args.relation_model)
    reports = {s: evaluate_graph(args.corpus, split=s, config=config) for s in splits}
    if args.json:
        print(json.dumps({s: r.to_dict() for s, r in reports.items()}, ensure_ascii=False, indent=1))
        return
    print(
        f"Real published text ({', '.join(f'{s}: {r.articles} articles' for s, r in reports.items())}; model {args.model})\n"
    )
    print(table(reports))


if __name__ == "__main__":
    main()
