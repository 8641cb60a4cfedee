"""How precise each source of mentions is, measured on held-out training sentences; writes kg/data/source_precision.tsv.

    python benchmarks/source_precision.py [--data ../shared/datasets] [--out kg/data/source_precision.tsv]

The sentences are the tenth of each NER training split that the neural recogniser never trains on (every tenth
line: kg.train_data.HELD_OUT); dev and test splits are not read. A mention is correct when its exact span and its
type, mapped to the dataset's label (kg/data/labelmaps), are annotated there; types a dataset does not annotate
(Title in MSRA, Product anywhere) or marks now and then only (Place in Resume NER) are not judged. Rows:

- each rule source (``mention.source`` of a rules-only run: lexicon, lexicon:title, pattern:…, propagate) per
  kg type;
- each statistical model per kg type and confidence band (the span's lowest per-character marginal), over all its
  spans before kg's filters, so that a threshold can be chosen from the table.

Per dataset and pooled (dataset ``all``). The CRF's rows are optimistic on CLUENER2020 and Resume NER: it was
trained on all of their training splits, these sentences included; the neural model never saw them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.evaluate import _offset_map, load_label_map, read_jsonl, sentence_document  # noqa: E402
from kg.pipeline import batches, mentions_for_many  # noqa: E402
from kg.recognize import tag_documents  # noqa: E402
from kg.recognize.crf import KG_TYPE as FINE_TYPE  # noqa: E402
from kg.recognize.lexicon import load_lexicon  # noqa: E402
from kg.recognize.statistical import load_statistical  # noqa: E402
from kg.segment import get_segmenter  # noqa: E402
from kg.train_data import HELD_OUT, SCHEMES  # noqa: E402

KG_TYPE = {kg: fine for fine, kg in FINE_TYPE.items()}  # Person → PER, Place → LOC …
BANDS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99)  # lower edges of the confidence bands of statistical spans


def band(prob: float) -> str:
    low = max(b for b in BANDS if prob >= b)
    high = ([b for b in BANDS if b > low] or [1.0])[0]
    return f"{low:.2f}-{high:.2f}"


def held_out(path: Path) -> list[dict]:
    return [r for i, r in enumerate(read_jsonl(path)) if i % HELD_OUT == HELD_OUT - 1 and r["text"].strip()]


def count(dataset: str, records: list[dict], models: list[str]) -> tuple[Counter, Counter]:
    """(predicted, correct) per (dataset, source, kg type, band) over ``records``."""
    to_label = load_label_map(dataset).kg_to_label()
    for type_, fine in KG_TYPE.items():
        if fine in SCHEMES[dataset].unmarked:  # annotated now and then only (Resume NER's LOC): not judged
            to_label.pop(type_, None)
    lexicon, segmenter = load_lexicon(), get_segmenter("rjieba")
    taggers = {m: load_statistical(m + "-only") for m in models}
    predicted: Counter = Counter()
    correct: Counter = Counter()
    for chunk in batches(list(enumerate(records)), 64):
        docs = [sentence_document(r["text"], i) for i, r in chunk]
        rules = mentions_for_many(docs, config=BuildConfig(model="none"), with_titles=True)
        tokens = [segmenter.tokens(d.norm) for d in docs]
        tagged = {
            m: tag_documents(t, list(zip(docs, tokens, strict=True)), lexicon) for m, t in taggers.items()
        }
        for k, ((_, record), doc) in enumerate(zip(chunk, docs, strict=True)):
            gold = {(e["start"], e["end"], e["type"]) for e in record["entities"]}
            offsets = _offset_map(record["text"], doc)
            found = [(m.source, m.type, "", m.start, m.end) for m in rules[k]]
            for model, spans in tagged.items():
                found += [(f"model:{model}", t, band(p), s, e) for s, e, t, p in spans[k]]
            for source, type_, conf, start, end in found:
                label = to_label.get(type_)
                if label is None or start not in offsets or end - 1 not in offsets:
                    continue  # a type this dataset does not annotate cannot be judged
                key = (dataset, source, type_, conf)
                predicted[key] += 1
                correct[key] += (offsets[start], offsets[end - 1] + 1, label) in gold
    return predicted, correct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "source_precision.tsv")
    parser.add_argument("--models", default="nn,crf", help="statistical models to measure, comma-separated")
    args = parser.parse_args()
    models = [m for m in args.models.split(",") if m]
    predicted: Counter = Counter()
    correct: Counter = Counter()
    sizes = {}
    for dataset, scheme in SCHEMES.items():
        records = held_out(args.data / scheme.file)
        sizes[dataset] = len(records)
        p, c = count(dataset, records, models)
        predicted.update(p)
        correct.update(c)
    for (_, source, type_, conf), n in list(predicted.items()):
        predicted[("all", source, type_, conf)] += n
    for (_, source, type_, conf), n in list(correct.items()):
        correct[("all", source, type_, conf)] += n
    lines = [
        "# Precision of each mention source per kg type, on held-out training sentences (every tenth line of "
        + ", ".join(f"{d} {n}" for d, n in sizes.items())
        + " sentences); written by benchmarks/source_precision.py.",
        "# source: mention.source of a rules-only run, or model:<name> for a statistical model's spans before "
        "kg's filters, by confidence band (lowest per-character marginal). model:crf saw CLUENER2020 and "
        "Resume NER sentences in training.",
        "dataset\tsource\ttype\tconfidence\tpredicted\tcorrect\tprecision",
    ]
    for key in sorted(predicted, key=lambda k: (k[0] != "all", k)):
        n = predicted[key]
        lines.append("\t".join([*key, str(n), str(correct[key]), f"{correct[key] / n:.3f}"]))
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    for line in lines[2:]:
        if line.startswith(("all", "dataset")):
            print(line)


if __name__ == "__main__":
    main()
