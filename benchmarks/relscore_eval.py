"""What limits relation recall on FinRE and DuIE: the recogniser or the relation builder?

    python benchmarks/relscore_eval.py [--data ../shared/datasets]

For FinRE test and the DuIE 2.0 / 1.0 business dev sets, prints per predicate:
- reachable: gold facts whose subject and object strings are both mentions kg's recogniser finds (the ceiling
  of recall for any relation builder that reads kg's mentions);
- P / R with kg's own mentions, rules alone and rules + learned scorer (as ``kg evaluate`` scores them);
- P / R with the gold names added as mentions ("oracle mentions"): what the relation builders would give if the
  recogniser found every annotated name. The gold is used for the names' spans only, never for their relations.
Scoring follows kg.evaluate: (subject, predicate, object) by surface string; FinRE only on its labelled pairs;
DuIE's 董事长 only against leads with that title (the kg-mention columns differ from ``kg evaluate`` by a few
tenths: it also forgives a fact named by other forms of the same entity). Only dev/test splits are read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.evaluate import load_label_map, sentence_document  # noqa: E402
from kg.pipeline import batches, mentions_for_many  # noqa: E402
from kg.recognize import embedded_parents  # noqa: E402
from kg.recognize.lexicon import load_lexicon  # noqa: E402
from kg.relate import relate  # noqa: E402
from kg.relate.rules import load_rules  # noqa: E402
from kg.relate.scorer import load_scorer  # noqa: E402
from kg.relate.trainset import Annotated, normalise_name, read_relation_set, with_gold_mentions  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.vocab import SYMMETRIC  # noqa: E402
from kg.zh.dates import normalise_date  # noqa: E402

SETS = (
    ("FinRE test", "finre/test.jsonl", "finre"),
    ("DuIE 2.0 dev_business", "duie2_subset/dev_business.jsonl", "duie"),
    ("DuIE 1.0 dev_business", "duie1_sample/dev_business.jsonl", "duie"),
)


def _key(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)


def _predicted(item: Annotated, doc, mentions, scorer, lexicon, rules, requires) -> set[tuple[str, str, str]]:
    entities, entity_of = resolve(
        doc, mentions + embedded_parents(doc, mentions, lexicon=lexicon), lexicon=lexicon
    )
    names = {
        e.id: {normalise_name(f) for f in (e.label, *e.aliases, *(m.text for m in e.mentions))}
        for e in entities
    }
    labelled = {p for p in item.negatives} | {frozenset((g.subject, g.object)) for g in item.gold}
    wanted = {g.predicate for g in item.gold} | {"partner", "investsIn", "acquired", "parentOrganization"}
    wanted |= {"founder", "leads", "location", "foundingDate"}
    out = set()
    for r in relate(doc, mentions, entity_of, lexicon=lexicon, rules=rules, scorer=scorer):
        need = requires.get(r.predicate)
        if r.predicate not in wanted or need and need[1] not in dict(r.qualifiers).get(need[0], ""):
            continue
        objects = {normalise_date(r.object) or r.object} if r.literal else names.get(r.object, set())
        for s in names.get(r.subject, set()):
            for o in objects:
                if item.source != "finre" or frozenset((s, o)) in labelled:
                    out.add(_key(s, r.predicate, o))
    return out


def score(
    path: Path, dataset: str, *, oracle: bool, relation_model: str
) -> tuple[Counter, Counter, Counter, Counter]:
    """tp, fp, fn per predicate, and reachable gold facts per predicate."""
    lexicon = load_lexicon()
    rules = load_rules(title_pattern=lexicon.title_pattern.pattern)
    scorer = load_scorer(relation_model)
    requires = load_label_map(dataset).requires
    tp, fp, fn, reach = Counter(), Counter(), Counter(), Counter()
    items = list(read_relation_set(path, dataset, training=False))
    for chunk in batches(list(enumerate(items)), 64):
        docs = [sentence_document(item.text, i) for i, item in chunk]
        for (_, item), doc, mentions in zip(
            chunk, docs, mentions_for_many(docs, config=BuildConfig()), strict=True
        ):
            surfaces = {normalise_name(m.text) for m in mentions} | {m.key for m in mentions}
            dates = {normalise_date(s) or s for s in surfaces}
            gold = {
                _key(g.subject, g.predicate, g.object)
                for g in item.gold
                if g.predicate in _EVALUATED[dataset]
            }
            for s, p, o in gold:
                reach[p] += s in surfaces and (o in dates if p == "foundingDate" else o in surfaces)
            used = with_gold_mentions(doc, mentions, item) if oracle else mentions
            pred = _predicted(item, doc, used, scorer, lexicon, rules, requires)
            pred = {t for t in pred if t[1] in _EVALUATED[dataset]}
            for t in pred & gold:
                tp[t[1]] += 1
            for t in pred - gold:
                fp[t[1]] += 1
            for t in gold - pred:
                fn[t[1]] += 1
    return tp, fp, fn, reach


_EVALUATED = {
    "finre": {"partner", "investsIn", "acquired", "parentOrganization"},
    "duie": {"founder", "leads", "location", "foundingDate"},
}


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{100 * p:.1f} / {100 * r:.1f} / {100 * f:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    print(
        "| data | predicate | support | reachable | kg mentions: rules | kg mentions: rules + scorer "
        "| oracle mentions: rules | oracle mentions: rules + scorer |\n|---|---|---|---|---|---|---|---|"
    )
    for name, rel, dataset in SETS:
        runs = [
            score(args.data / rel, dataset, oracle=oracle, relation_model=model)
            for oracle in (False, True)
            for model in ("none", "default")
        ]
        reach = runs[0][3]
        labels = sorted(_EVALUATED[dataset])
        for label in [*labels, "micro"]:
            cells = []
            for tp, fp, fn, _ in runs:
                if label == "micro":
                    cells.append(_pr(sum(tp.values()), sum(fp.values()), sum(fn.values())))
                else:
                    cells.append(_pr(tp[label], fp[label], fn[label]))
            tp0, _, fn0, _ = runs[0]
            support = sum(tp0[x] + fn0[x] for x in labels) if label == "micro" else tp0[label] + fn0[label]
            reached = sum(reach.values()) if label == "micro" else reach[label]
            print(f"| {name} | {label} | {support} | {reached} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
