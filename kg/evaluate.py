"""Score the recogniser and the relation builder on externally annotated JSONL (see ../shared/datasets/README.md).

NER: exact-span matching per label after mapping kg's types to the dataset's labels with a label map
(``kg/data/labelmaps/<dataset>.tsv``). RE: (subject, predicate, object) by surface string, after mapping the
dataset's predicates and directions. Labels the map does not cover are reported and excluded, not counted.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .config import BuildConfig
from .errors import InputError, KgError
from .model import Document

DATASETS = ("cluener2020", "resume_ner", "msra_ner", "peoples_daily_ner", "weibo_ner", "duie", "finre")


@dataclass(frozen=True)
class LabelMap:
    ner: dict[str, tuple[str, ...]]  # dataset label → kg types
    re: dict[str, tuple[str, str]]  # dataset predicate → (kg predicate, direction)
    requires: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # kg predicate → (qualifier, contained value)
    placeholders: dict[str, str] = field(default_factory=dict)  # what the dataset put for numbers → a number

    def restored(self, record: dict) -> dict:
        """The record with the dataset's placeholders (FinRE's ``<N>`` for every number) put back as a number, in
        the text and in the names of its relations alike, so that wordings with numbers (持股<N>% → 持股5%) read
        as they were published."""
        if not self.placeholders:
            return record

        def put_back(text: str) -> str:
            for mark, value in self.placeholders.items():
                text = text.replace(mark, value)
            return text

        out = dict(record, text=put_back(record["text"]))
        if "relations" in record:
            out["relations"] = [
                dict(r, subject=put_back(r["subject"]), object=put_back(r["object"]))
                for r in record["relations"]
            ]
        if "no_relation_pairs" in record:
            out["no_relation_pairs"] = [[put_back(x) for x in pair] for pair in record["no_relation_pairs"]]
        return out

    def kg_to_label(self) -> dict[str, str]:
        return {t: label for label, types in self.ner.items() for t in types}


def load_label_map(dataset: str) -> LabelMap:
    if dataset not in DATASETS:
        raise KgError(f"unknown dataset {dataset!r}; choose from: {', '.join(DATASETS)}")
    text = resources.files("kg.data").joinpath(f"labelmaps/{dataset}.tsv").read_text(encoding="utf-8")
    ner: dict[str, tuple[str, ...]] = {}
    rel: dict[str, tuple[str, str]] = {}
    requires: dict[str, tuple[str, str]] = {}
    placeholders: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "ner":
            ner[cells[1]] = tuple(cells[2].split("|"))
        elif cells[0] == "text":
            placeholders[cells[1]] = cells[2]
        else:
            rel[cells[1]] = (cells[2], cells[3])
            if len(cells) > 4 and "=" in cells[4]:
                qualifier, _, value = cells[4].partition("=")
                requires[cells[2]] = (qualifier, value)
    return LabelMap(ner, rel, requires, placeholders)


def guess_dataset(path: str | Path) -> str:
    name = str(path).lower()
    for dataset in ("cluener2020", "resume_ner", "msra_ner", "peoples_daily_ner", "weibo_ner", "finre"):
        if dataset in name:
            return dataset
    if "duie" in name:
        return "duie"
    raise KgError(f"{path}: cannot tell the dataset from the path; pass --dataset ({', '.join(DATASETS)})")


def read_jsonl(path: str | Path, *, limit: int | None = None) -> Iterator[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if limit is not None and lineno > limit:
                break
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"malformed JSON ({exc.msg})", line=lineno) from exc


@dataclass
class Scores:
    """True positives, false positives and false negatives per label, with P/R/F1 and micro/macro averages."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    excluded: Counter = field(default_factory=Counter)  # gold labels the map does not cover
    items: int = 0

    def add(
        self, gold: set[tuple], pred: set[tuple], *, label: Callable[[tuple], str], describe: Callable
    ) -> None:
        for item in gold & pred:
            self.tp[label(item)] += 1
        for item in pred - gold:
            self.fp[label(item)] += 1
        for item in gold - pred:
            self.fn[label(item)] += 1
        for err in describe(gold - pred, pred - gold):
            self.errors[err] += 1

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> list[dict]:
        rows: list[dict[str, Any]] = []
        for label in self.labels():
            p, r, f = self.prf(self.tp[label], self.fp[label], self.fn[label])
            rows.append(
                {
                    "label": label,
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "support": self.tp[label] + self.fn[label],
                    "tp": self.tp[label],
                    "fp": self.fp[label],
                    "fn": self.fn[label],
                }
            )
        micro = self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        macro = tuple(
            sum(row[k] for row in rows) / len(rows) if rows else 0.0 for k in ("precision", "recall", "f1")
        )
        rows.append(
            {
                "label": "micro",
                "precision": micro[0],
                "recall": micro[1],
                "f1": micro[2],
                "support": sum(self.tp.values()) + sum(self.fn.values()),
            }
        )
        rows.append(
            {"label": "macro", "precision": macro[0], "recall": macro[1], "f1": macro[2], "support": None}
        )
        return rows


@dataclass(frozen=True)
class Report:
    task: str
    dataset: str
    path: str
    scores: Scores
    seconds: float
    characters: int
    model: str = "nn"

    def to_dict(self, errors: int = 30) -> dict:
        return {
            "task": self.task,
            "dataset": self.dataset,
            "model": self.model,
            "path": self.path,
            "items": self.scores.items,
            "scores": self.scores.table(),
            "excluded_labels": dict(sorted(self.scores.excluded.items())),
            "errors": [[n, e] for e, n in self.scores.errors.most_common(errors)],
            "seconds": round(self.seconds, 2),
            "characters": self.characters,
            "mb_per_s": round(self.characters * 3 / 1e6 / self.seconds, 3) if self.seconds else None,
        }

    def format(self, errors: int = 30) -> str:
        lines = [
            f"{self.task} on {self.path} ({self.dataset}, model {self.model}, {self.scores.items} items, "
            f"{self.characters / max(self.seconds, 1e-9) / 1e3:.0f}k chars/s)",
            f"{'label':<22}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}",
        ]
        for row in self.scores.table():
            support = "" if row["support"] is None else str(row["support"])
            lines.append(
                f"{row['label']:<22}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}{support:>9}"
            )
        if self.scores.excluded:
            lines.append(
                "excluded (no mapping): "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.scores.excluded.items()))
            )
        if errors:
            lines.append(f"most frequent errors (top {errors}):")
            lines += [f"  {n:>4}  {e}" for e, n in self.scores.errors.most_common(errors)]
        return "\n".join(lines) + "\n"


def sentence_document(text: str, index: int) -> Document:
    """A one-record document with no page cleaning (benchmark sentences are not web pages)."""
    from .ingest import RawRecord, make_document

    return make_document(RawRecord(f"eval:{index}", text, "text", id=f"eval-{index}"), clean=False)


def _processed(
    path: str | Path,
    limit: int | None,
    process: Callable[[list[Document]], list],
    restore: Callable[[dict], dict] = lambda record: record,
) -> Iterator[tuple]:
    """(record, its sentence document, what ``process`` made of it) for each record (as ``restore`` gives it back),
    processed 64 at a time (the tagger decodes the sentences of a batch together)."""
    from .pipeline import batches

    records = (restore(record) for record in read_jsonl(path, limit=limit))
    for chunk in batches(enumerate(records), 64):
        docs = [sentence_document(record["text"], i) for i, record in chunk]
        yield from zip((record for _, record in chunk), docs, process(docs), strict=True)


def evaluate_ner(
    path: str | Path,
    *,
    dataset: str | None = None,
    limit: int | None = None,
    config: BuildConfig = BuildConfig(),
) -> Report:
    """Recogniser against gold spans: exact (start, end, label)."""
    import time

    from .pipeline import mentions_for_many

    dataset = dataset or guess_dataset(path)
    lmap = load_label_map(dataset)
    to_label = lmap.kg_to_label()
    scores, chars, started = Scores(), 0, time.perf_counter()
    pairs = _processed(path, limit, lambda docs: mentions_for_many(docs, with_titles=True, config=config))
    for record, doc, mentions in pairs:
        text = record["text"]
        chars += len(text)
        gold = set()
        for ent in record.get("entities", []):
            if ent["type"] in lmap.ner:
                gold.add((ent["start"], ent["end"], ent["type"]))
            else:
                scores.excluded[ent["type"]] += 1
        offsets = _offset_map(text, doc)
        pred = set()
        for m in mentions:
            label = to_label.get(m.type)
            if label is not None and m.start in offsets and m.end - 1 in offsets:
                pred.add((offsets[m.start], offsets[m.end - 1] + 1, label))
        scores.items += 1
        scores.add(gold, pred, label=lambda item: item[2], describe=_ner_errors(text))
    return Report("ner", dataset, str(path), scores, time.perf_counter() - started, chars, config.model)


def _offset_map(raw: str, doc: Document) -> dict[int, int]:
    """Document offsets → offsets in the record's text (ingest strips surrounding white space per line)."""
    start = raw.find(doc.text) if doc.text else -1
    if start >= 0:
        return {i: i + start for i in range(len(doc.text))}
    out, pos = {}, 0
    for i, ch in enumerate(doc.text):
        j = raw.find(ch, pos)
        if j < 0:
            break
        out[i], pos = j, j + 1
    return out


def _ner_errors(text: str):
    def describe(missed: set[tuple], spurious: set[tuple]):
        out = []
        for s, e, label in sorted(missed):
            overlap = sorted(
                (p for p in spurious if p[0] < e and s < p[1]),
                key=lambda p: (-(min(e, p[1]) - max(s, p[0])), p[0], p[1]),
            )
            if overlap:
                ps, pe, plabel = overlap[0]
                kind = "type" if (ps, pe) == (s, e) else "boundary"
                out.append(f"{kind}: gold {label} {text[s:e]} → predicted {plabel} {text[ps:pe]}")
            else:
                out.append(f"missed {label}: {text[s:e]}")
        for ps, pe, plabel in sorted(spurious):
            if not any(s < pe and ps < e for s, e, _ in missed):
                out.append(f"spurious {plabel}: {text[ps:pe]}")
        return out

    return describe


def evaluate_relations(
    path: str | Path,
    *,
    dataset: str | None = None,
    limit: int | None = None,
    config: BuildConfig = BuildConfig(),
) -> Report:
    """Relation builder against gold triples, compared by the surface strings of subject and object.

    For FinRE, whose annotation covers only the labelled pairs, a prediction counts only when its pair is
    labelled in the sentence (as a relation or as no relation).
    """
    import time

    from .pipeline import extract_many
    from .zh.dates import normalise_date
    from .zh.text import to_simplified

    dataset = dataset or guess_dataset(path)
    lmap = load_label_map(dataset)
    scores, chars, started = Scores(), 0, time.perf_counter()
    for record, _, result in _processed(
        path, limit, lambda docs: extract_many(docs, config=config), restore=lmap.restored
    ):
        text = record["text"]
        chars += len(text)
        gold: set[tuple] = set()
        for rel in record.get("relations", []):
            mapped = lmap.re.get(rel["predicate"])
            if mapped is None:
                scores.excluded[rel["predicate"]] += 1
                continue
            predicate, direction = mapped
            s, o = rel["subject"], rel["object"]
            if predicate == "foundingDate":
                o = normalise_date(o) or o
            gold.add(_orient(predicate, direction, s, o))
        labelled = None
        if "no_relation_pairs" in record:  # pair-level annotation: only labelled pairs can be scored
            labelled = {frozenset((r["subject"], r["object"])) for r in record["relations"]}
            labelled |= {frozenset(pair) for pair in record["no_relation_pairs"]}
        names = {e.id: _surfaces(e, text) for e in result.entities}
        pred: set[tuple] = set()
        wanted = {p for p, _ in lmap.re.values()}
        for r in result.relations:
            if r.predicate not in wanted:
                continue
            need = lmap.requires.get(r.predicate)
            if need and need[1] not in dict(r.qualifiers).get(need[0], ""):
                continue  # e.g. DuIE's 董事长 is kg's leads with that title, not every leads
            subjects = names.get(r.subject, set())
            objects = {to_simplified(r.object)} if r.literal else names.get(r.object, set())
            for s in subjects:
                for o in objects:
                    triple = _orient(r.predicate, "symmetric" if r.predicate == "partner" else "same", s, o)
                    if labelled is None or frozenset((s, o)) in labelled:
                        pred.add(triple)
        if (
            "alias" in wanted
        ):  # an abbreviation the sentence defines (（简称“Y”）) names the same entity as the longer forms
            for e in result.entities:
                for short in {m.text for m in e.mentions if m.source == "pattern:abbreviation"}:
                    for long in names[e.id]:
                        if len(short) < len(long):
                            pred.add((long, "alias", short))
        # a prediction that names the gold pair with other surface forms is the same fact
        pred = {p for p in pred if p in gold or not _same_fact_named_otherwise(p, gold, names)}
        scores.items += 1
        scores.add(gold, pred, label=lambda item: item[1], describe=_re_errors)
    return Report("re", dataset, str(path), scores, time.perf_counter() - started, chars, config.model)


def _orient(predicate: str, direction: str, s: str, o: str) -> tuple[str, str, str]:
    if direction == "inverse":
        s, o = o, s
    if direction == "symmetric" and o < s:
        s, o = o, s
    return (s, predicate, o)


def _surfaces(entity, text: str) -> set[str]:
    """Every way the sentence writes this entity: its label, aliases and mention texts that occur in it."""
    forms = {entity.label, *entity.aliases, *(m.text for m in entity.mentions)}
    return {f for f in forms if f in text}


def _same_fact_named_otherwise(p: tuple, gold: set[tuple], names: dict) -> bool:
    for forms in names.values():
        if p[0] in forms:
            if any(g[1] == p[1] and g[0] in forms and g[2] == p[2] for g in gold):
                return True
        if p[2] in forms:
            if any(g[1] == p[1] and g[2] in forms and g[0] == p[0] for g in gold):
                return True
    return False


def _re_errors(missed: set[tuple], spurious: set[tuple]) -> list[str]:
    return [f"missed {p}: {s} → {o}" for s, p, o in missed] + [
        f"spurious {p}: {s} → {o}" for s, p, o in spurious
    ]
