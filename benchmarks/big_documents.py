"""Time and peak memory of kg build on single very large documents, and of a corpus build into a store.

    python benchmarks/big_documents.py                          # 0.25, 1, 4 and 16 MB single documents
    python benchmarks/big_documents.py --sizes 0.25 1 4 16 20   # up to the 20 MB the README states a peak for
    python benchmarks/big_documents.py --sizes --corpus-mb 100  # a 100 MB corpus into a store (--jobs 2)

Each document is one line of text (no paragraph breaks, the hardest case for the cleaner and the sentence
splitter) made of sentences drawn, seeded, from the training splits in ../shared/datasets (CLUENER2020, DuIE,
FinRE): a long document with as many different names and figures as a long document has. Each size is built in
a fresh process (``kg build FILE --format turtle,json,html``, everything in memory until the atomic write), so
its peak resident memory is its own. Time is the process's CPU time (on a shared machine the wall clock also
measures the neighbours), reported as a ratio against the smallest size run in the same command, and per
doubling of the size: linear work gives 2, quadratic 4.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
SOURCES = ("cluener2020/train.jsonl", "duie2_subset/train.jsonl", "finre/train.jsonl")


def sentences(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for name in SOURCES:
        with (DATA / name).open(encoding="utf-8") as fh:
            out += [json.loads(line)["text"].replace("<N>", str(rng.randint(2, 99))) for line in fh]
    return out


def one_line(megabytes: float, pool: list[str], seed: int = 11) -> str:
    """A single line of about ``megabytes`` MB of UTF-8, from sentences drawn at random."""
    rng, parts, size = random.Random(seed), [], 0
    while size < megabytes * 1e6:
        s = rng.choice(pool)
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "".join(parts)


def short_lines(megabytes: float, seed: int = 13) -> str:
    """About ``megabytes`` MB of short distinct lines of three Chinese characters (ten bytes with the line feed):
    a million lines for 10 MB. (Lines that are each a figure, such as ``123条``, would measure the RDF writers
    instead: 15 triples a figure.)"""
    common = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    rng, seen, lines = random.Random(seed), set(), []
    while len(lines) * 10 < megabytes * 1e6:
        line = "".join(rng.choices(common, k=3))
        if line not in seen:  # repeated lines would be dropped as page furniture
            seen.add(line)
            lines.append(line)
    return "\n".join(lines) + "\n"


def measure_one(megabytes: float, formats: str, *, lines: bool = False) -> dict:
    """In this (fresh) process: write the document, build it as ``kg build`` does, report time and peak memory."""
    sys.path.insert(0, str(ROOT))
    import kg
    from kg.config import BuildConfig
    from kg.export import write_outputs

    text = short_lines(megabytes) if lines else one_line(megabytes, sentences())
    with tempfile.TemporaryDirectory(prefix="kg-big-") as tmp:
        path = Path(tmp, "big.txt")
        path.write_text(text, encoding="utf-8")
        del text
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started, cpu = time.perf_counter(), time.process_time()
        graph = kg.build([path], config=BuildConfig(max_document_mb=max(32.0, megabytes * 2)))
        built_cpu = time.process_time()
        write_outputs(graph, Path(tmp, "out"), formats=tuple(formats.split(",")), base=graph_base())
        done, done_cpu = time.perf_counter(), time.process_time()
        s = graph.summary()
    return {
        "mb": megabytes,
        "shape": "short lines" if lines else "one line",
        "characters": len(graph.articles()[0].text),
        "sentences": len(graph.articles()[0].sentences),
        "entities": sum(s["entities"].values()),
        "relations": sum(s["relations"].values()),
        "figures": s["figures"],
        "build_s": round(built_cpu - cpu, 2),  # CPU seconds: what grows with the work, whatever else runs
        "write_s": round(done_cpu - built_cpu, 2),
        "seconds": round(done_cpu - cpu, 2),
        "wall_s": round(done - started, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "start_mb": round(before),
    }


def graph_base() -> str:
    from kg.vocab import DEFAULT_BASE

    return DEFAULT_BASE


def measure_corpus(megabytes: float, jobs: int) -> dict:
    """A corpus of ~``megabytes`` MB of 12-sentence articles into a new store, as ``kg build --store`` does."""
    sys.path.insert(0, str(ROOT))
    from kg.corpus import build_store

    pool, rng = sentences(), random.Random(5)
    with tempfile.TemporaryDirectory(prefix="kg-corpus-") as tmp:
        corpus, size, n = Path(tmp, "corpus.jsonl"), 0, 0
        with corpus.open("w", encoding="utf-8") as out:
            while size < megabytes * 1e6:
                text = "\n".join(rng.sample(pool, 12))
                size += len(text.encode("utf-8"))
                out.write(json.dumps({"id": f"c{n}", "text": text}, ensure_ascii=False) + "\n")
                n += 1
        started = time.perf_counter()
        progress = build_store([corpus], Path(tmp, "store"), jobs=jobs)
        seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mb": round(size / 1e6, 1),
        "articles": n,
        "added": progress.added,
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "peak_mb": round(own),
        "worker_peak_mb": round(workers),
    }


def in_child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: list[dict]) -> None:
    print(
        "| size | characters | sentences | entities | relations | figures | CPU time | build + write | wall "
        "| ratio | per doubling | peak memory |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    base = rows[0]
    for prev, row in zip([None, *rows], rows, strict=False):
        ratio = row["seconds"] / base["seconds"]
        doubling = (
            (row["seconds"] / prev["seconds"]) ** (1 / math.log2(row["mb"] / prev["mb"])) if prev else None
        )
        print(
            f"| {row['mb']:g} MB | {row['characters']:,} | {row['sentences']:,} | {row['entities']:,} | "
            f"{row['relations']:,} | {row['figures']:,} | {row['seconds']:.1f} s | {row['build_s']:.1f} + "
            f"{row['write_s']:.1f} s | {row['wall_s']:.1f} s | {ratio:.1f}x | {'' if doubling is None else f'{doubling:.2f}'} | "
            f"{row['peak_mb']:,} MB |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.25, 1, 4, 16], help="MB per document")
    parser.add_argument("--formats", default="turtle,json,html")
    parser.add_argument("--lines-mb", type=float, help="also a document of this many MB of short lines")
    parser.add_argument("--corpus-mb", type=float, help="also build a corpus of this many MB into a store")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the corpus build")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # (internal) measure one size here
    parser.add_argument("--lines", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.formats, lines=args.lines)))
        return
    if args.corpus_one is not None:
        print(json.dumps(measure_corpus(args.corpus_one, args.jobs)))
        return
    rows = []
    for mb in sorted(args.sizes):
        rows.append(in_child("--one", str(mb), "--formats", args.formats))
        print(
            f"  {mb:g} MB: {rows[-1]['seconds']} s, peak {rows[-1]['peak_mb']} MB",
            file=sys.stderr,
            flush=True,
        )
    if rows:
        report(rows)
    results: dict = {"documents": rows}
    if args.lines_mb:
        row = in_child("--one", str(args.lines_mb), "--formats", args.formats, "--lines")
        results["lines"] = row
        print(
            f"\n{row['mb']:g} MB in {row['sentences']:,} short lines: {row['seconds']} s CPU "
            f"({row['wall_s']} s wall), peak {row['peak_mb']} MB"
        )
    if args.corpus_mb:
        corpus = in_child("--corpus-one", str(args.corpus_mb), "--jobs", str(args.jobs))
        results["corpus"] = corpus
        print(
            f"\ncorpus: {corpus['mb']} MB, {corpus['articles']:,} articles, --jobs {corpus['jobs']}: "
            f"{corpus['seconds']} s, peak {corpus['peak_mb']} MB (main process), {corpus['worker_peak_mb']} MB (largest worker)"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
