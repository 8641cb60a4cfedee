"""Where kg's misses and wrong facts on the real-text corpus come from (counts only, so the test split may be read):
python benchmarks/realtext_misses.py [--split dev|test|both] [--json]

Each gold relation kg misses is put in one class, the first that holds:
  other predicate  kg states a relation between the same two entities, with another predicate
  one sentence     kg recognised both ends and some sentence names both: a relation builder's miss
  apart            kg recognised both ends, but no sentence names both (the frame's or a reader's inference)
  end missing      kg did not recognise the subject, the object or both (or the date, for foundingDate)
Each wrong fact kg states is put in one class: both ends are gold entities (a wrong or unannotated relation
between the right names), or an end is not a gold entity (a junk or unannotated name).
The matching is that of ``kg.evaluate_graph`` (names and aliases in simplified script; partner either way round).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.evaluate_graph import BYLINE, _match, article_facts, extract_records, read_gold_corpus  # noqa: E402
from kg.zh.dates import normalise_date  # noqa: E402

CORPUS = ROOT / "benchmarks" / "realtext" / "corpus.jsonl"
MISSED = ("other predicate", "one sentence", "apart", "end missing")
WRONG = ("both ends gold", "an end not gold")


def classify(path: Path, split: str, config: BuildConfig) -> dict[str, dict[str, Counter]]:
    records = read_gold_corpus(path, split=split)
    missed: dict[str, Counter] = defaultdict(Counter)
    wrong: dict[str, Counter] = defaultdict(Counter)
    for record, result in extract_records(path, records, config):
        facts = article_facts(record, result)
        kg_gold = facts.kg_gold
        sentences: dict[str, set[int]] = defaultdict(set)
        for e in result.entities:
            if kg_gold[e.id]:
                sentences[kg_gold[e.id]].update(m.sentence for m in e.mentions)
        dates: dict[str, set[int]] = defaultdict(set)  # the dates kg recognised, for foundingDate's object
        for e in result.entities:
            if e.type == "Date":
                dates[normalise_date(e.label) or e.label].update(m.sentence for m in e.mentions)
        gold = {key: allowed for key, allowed in facts.gold.items() if key[1] not in BYLINE}
        predicted = facts.predicted - facts.employers
        matched = {_match(f, gold) for f in predicted if f[1] not in BYLINE} - {None}
        for f in predicted:
            if f[1] in BYLINE or _match(f, gold) is not None:
                continue
            wrong[f[1]]["an end not gold" if f[0][0] == "?" or f[2][0] == "?" else "both ends gold"] += 1
        pairs = {frozenset((s, o)) for s, p, o in predicted}
        for key in gold:
            s, p, o = key
            if key in matched:
                missed[p]["found"] += 1
                continue
            missed[p]["missed"] += 1
            where = dates if p == "foundingDate" else sentences
            if frozenset((s, o)) in pairs:
                missed[p]["other predicate"] += 1
            elif s in sentences and o in where:
                missed[p]["one sentence" if sentences[s] & where[o] else "apart"] += 1
            else:
                missed[p]["end missing"] += 1
    return {"missed": dict(missed), "wrong": dict(wrong)}


def table(reports: dict[str, dict[str, dict[str, Counter]]]) -> str:
    lines = []
    for split, rep in reports.items():
        lines += [
            f"**{split}**",
            "",
            "| predicate | found | missed | " + " | ".join(MISSED) + " | wrong: " + " | ".join(WRONG) + " |",
            "|---" * (3 + len(MISSED) + len(WRONG)) + "|",
        ]
        total: Counter = Counter()
        for p in sorted(set(rep["missed"]) | set(rep["wrong"])):
            m, w = rep["missed"].get(p, Counter()), rep["wrong"].get(p, Counter())
            total.update(m)
            total.update(w)
            cells = [m["found"], m["missed"], *(m[k] for k in MISSED), *(w[k] for k in WRONG)]
            lines.append(f"| {p} | " + " | ".join(str(c) for c in cells) + " |")
        cells = [total["found"], total["missed"], *(total[k] for k in MISSED), *(total[k] for k in WRONG)]
        lines += ["| **all** | " + " | ".join(f"**{c}**" for c in cells) + " |", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="Print the counts as JSON.")
    parser.add_argument("--model", default=BuildConfig().model, help="the recogniser (as kg build --model)")
    args = parser.parse_args()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    reports = {s: classify(args.corpus, s, BuildConfig(model=args.model)) for s in splits}
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(table(reports))


if __name__ == "__main__":
    main()
