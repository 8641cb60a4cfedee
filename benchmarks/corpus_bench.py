"""Corpus-scale benchmark: throughput per core, --jobs 2 against --jobs 1, peak memory, SPARQL latency.

    python benchmarks/corpus_bench.py --articles 5000            # builds, queries, about 15 minutes here
    python benchmarks/corpus_bench.py --articles 50000 --no-sparql --jobs 2
    python benchmarks/corpus_bench.py --articles 2000 --no-sparql --jobs 1,2 --dask 2   # Dask against --jobs 2

The corpus is JSON Lines written to a temporary folder: articles of 12 sentences drawn (seeded) from the
training splits in ../shared/datasets (CLUENER2020, DuIE, FinRE) plus, every 25th article, one of our own
articles or the seed article with its numbers varied. Everything is measured in this one run: jieba.posseg on the same text is
the baseline for the per-core throughput ratio; rdflib on the same triples is the baseline for SPARQL.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.corpus import Progress, build_store  # noqa: E402
from kg.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared"


def make_corpus(path: Path, n: int, seed: int = 7, shared: Path = SHARED) -> int:
    rng = random.Random(seed)
    sentences = []
    for name in ("cluener2020/train.jsonl", "duie2_subset/train.jsonl", "finre/train.jsonl"):
        with (shared / "datasets" / name).open(encoding="utf-8") as fh:
            sentences += [json.loads(line)["text"].replace("<N>", str(rng.randint(2, 99))) for line in fh]
    own = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    ]
    own.append((ROOT / "examples" / "qinglan_battery.txt").read_text(encoding="utf-8"))
    seed = shared / "seed" / "000_dad6d5eae66523e8.txt"
    if seed.exists():  # the example queries ask about 快手, 京东 and 快手电商
        own.append(seed.read_text(encoding="utf-8"))
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            if i % 25 == 0:
                text = re.sub(
                    r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), own[(i // 25) % len(own)]
                )
            else:
                text = "\n".join(rng.sample(sentences, 12))
            size += len(text.encode("utf-8"))
            out.write(json.dumps({"id": f"bench-{i}", "text": text}, ensure_ascii=False) + "\n")
    return size


def report(name: str, seconds: float, p: Progress, size: int, cores: int) -> None:
    own, _ = peak_mb()
    print(
        f"{name}: {seconds:.1f}s, {size / 1e6 / seconds:.3f} MB/s ({size / 1e6 / seconds / cores:.3f} MB/s per core), "
        f"{p.added} added; the store writer busy {p.writer_seconds:.1f}s = {p.writer_seconds / seconds:.0%} of the "
        f"time, the build waiting for it {p.waited_seconds:.1f}s = {p.waited_seconds / seconds:.0%} "
        f"(the final compaction {p.compaction_seconds:.1f}s); "
        f"peak RSS of the main process {own:.0f} MB"
    )


def count_quads(path: Path) -> int:
    """Quads in a built store (every build of the same corpus must give the same number)."""
    with Store(path, read_only=True) as store:
        return len(store)


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def posseg_baseline(corpus: Path, limit_chars: int) -> float:
    """jieba.posseg characters per second on the first ``limit_chars`` of the corpus."""
    from kg.segment import get_segmenter

    seg = get_segmenter("jieba")
    texts, total = [], 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            total += len(texts[-1])
            if total >= limit_chars:
                break
    start = time.perf_counter()
    for t in texts:
        seg.tokens(t)
    return total / (time.perf_counter() - start)


def _posseg_timed(texts: list[str]) -> tuple[float, float, int]:
    """In a worker: wait for the others, then segment ``texts``; (start, end, characters)."""
    from kg.segment import get_segmenter

    seg = get_segmenter("jieba")
    seg.tokens("快手宣布与京东合作。")  # the dictionary loads before the clock starts
    _BARRIER.wait()
    start = time.time()
    for t in texts:
        seg.tokens(t)
    return start, time.time(), sum(len(t) for t in texts)


_BARRIER = None


def _set_barrier(barrier) -> None:
    global _BARRIER
    _BARRIER = barrier


def posseg_scaling(corpus: Path, jobs: list[int], chars_each: int) -> dict[int, float]:
    """jieba.posseg in J processes at once, each on its own ``chars_each`` characters of the corpus: characters
    per second of them all. What J processes of plain Python segmentation gain on this machine is the ceiling
    the build's speed-up is read against."""
    import multiprocessing

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    out = {}
    for j in jobs:
        slices, it = [], itertools.cycle(texts)  # a small corpus is reused
        for _ in range(j):
            part, n = [], 0
            while n < chars_each:
                part.append(next(it))
                n += len(part[-1])
            slices.append(part)
        ctx = multiprocessing.get_context("forkserver")
        with ctx.Pool(j, initializer=_set_barrier, initargs=(ctx.Barrier(j),)) as pool:
            runs = pool.map(_posseg_timed, slices, chunksize=1)
        took = max(end for _, end, _ in runs) - min(start for start, _, _ in runs)
        out[j] = sum(n for _, _, n in runs) / took
    return out


def timed_queries(run, queries: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    out = {}
    for name, q in queries.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run(q)
            times.append((time.perf_counter() - start) * 1000)
            if times[-1] > 5000:
                break  # one very slow run says enough (rdflib on the two-hop query)
        times.sort()
        out[name] = (statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))])
    return out


def timed_build(corpus: Path, store: Path, config: BuildConfig, **options) -> tuple[float, Progress]:
    start, cpu = time.perf_counter(), time.process_time()
    # batches as `kg build --store` makes them
    progress = build_store([corpus], store, config=config, **options)
    took = time.perf_counter() - start
    print(f"  (this process used {time.process_time() - cpu:.1f}s of CPU in those {took:.1f}s)")
    return took, progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated numbers of worker processes to run")
    parser.add_argument(
        "--dask", default="", help="comma-separated numbers of workers of a local Dask cluster to run too"
    )
    parser.add_argument("--model", default="nn", choices=["crf", "nn", "none"])
    parser.add_argument("--no-sparql", action="store_true")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--scaling-chars",
        type=int,
        default=0,
        help="also time jieba.posseg in J processes at once for each J of --jobs, each on this many characters",
    )
    parser.add_argument(
        "--baseline-chars",
        type=int,
        default=2_000_000,
        help="characters of the corpus jieba.posseg is timed on",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=SHARED,
        help="the folder holding datasets/ and seed/ (default: ../shared beside the checkout)",
    )
    args = parser.parse_args()
    config = BuildConfig(model=args.model)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        size = make_corpus(corpus, args.articles, shared=args.shared)
        print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB UTF-8")
        # jieba.posseg before and after the builds: the machine's load drifts
        baseline = [posseg_baseline(corpus, args.baseline_chars)]
        job_counts = [int(j) for j in args.jobs.split(",") if j]
        scaling = {}
        if args.scaling_chars:
            scaling = posseg_scaling(corpus, sorted({1, *job_counts}), args.scaling_chars)
            for j, rate in scaling.items():
                print(
                    f"jieba.posseg in {j} processes at once: {rate * 3 / 1e6:.3f} MB/s = {rate / scaling[1]:.2f}x one"
                )
        seconds = {}
        quads = {}
        for jobs in job_counts:
            seconds[jobs], p = timed_build(corpus, tmp / f"store{jobs}", config, jobs=jobs)
            report(f"--jobs {jobs}", seconds[jobs], p, size, jobs)
            quads[f"--jobs {jobs}"] = count_quads(tmp / f"store{jobs}")
        for workers in [int(w) for w in args.dask.split(",") if w]:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster:
                took, p = timed_build(
                    corpus, tmp / f"dask{workers}", config, engine="dask", scheduler=cluster.scheduler_address
                )
            report(f"Dask, {workers} workers", took, p, size, workers)
            quads[f"Dask, {workers} workers"] = count_quads(tmp / f"dask{workers}")
            if workers in seconds:
                print(
                    f"  Dask with {workers} workers takes {took / seconds[workers]:.2f}x the time of --jobs {workers}"
                )
        baseline.append(posseg_baseline(corpus, args.baseline_chars))
        same = len(set(quads.values())) == 1
        print(
            f"quads in each store: {', '.join(f'{name} {n}' for name, n in quads.items())}"
            f" ({'the same in every build' if same else 'THE BUILDS DIFFER'})"
        )
        for jobs in sorted(seconds)[1:]:
            ceiling = (
                f" (jieba.posseg in as many processes against as few: {scaling[jobs] / scaling[min(seconds)]:.2f}x)"
                if scaling
                else ""
            )
            print(
                f"--jobs {jobs} speed-up over --jobs {min(seconds)}: "
                f"{seconds[min(seconds)] / seconds[jobs]:.2f}x{ceiling}"
            )
        posseg = statistics.mean(baseline)
        first = min(seconds)
        chars = size / 3
        print(
            f"jieba.posseg alone: {posseg * 3 / 1e6:.3f} MB/s (runs: {', '.join(f'{b * 3 / 1e6:.3f}' for b in baseline)}); "
            f"full kg pipeline into the store (--jobs {first}) per core: "
            f"{chars / seconds[first] / first * 3 / 1e6:.3f} MB/s = {chars / seconds[first] / first / posseg:.2f}x jieba.posseg"
        )
        if args.no_sparql:
            return
        store_path = tmp / f"store{first}"
        queries = {
            p.stem: p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "examples" / "queries").glob("*.rq"))
        }
        with Store(store_path, read_only=True) as store:
            triples = len(
                list(store._db.quads_for_pattern(None, None, None, __import__("pyoxigraph").DefaultGraph()))
            )
            print(f"store: {triples} triples in the default graph (the union), {len(store)} quads in all")
            ox_times = timed_queries(store.query, queries, args.repeat)
            nt = store.dump("nt")
        from rdflib import Graph

        from kg.sparql import run_query

        start = time.perf_counter()
        g = Graph()
        g.parse(data=nt.decode("utf-8"), format="nt")
        load = time.perf_counter() - start
        print(f"rdflib: loaded {len(g)} triples in {load:.0f}s")
        rd_times = timed_queries(lambda q: run_query(g, q), queries, max(3, args.repeat // 5))
        print(
            "\n| query | Oxigraph p50 ms | p95 ms | rdflib p50 ms | p95 ms | ratio (p50) |\n|---|---|---|---|---|---|"
        )
        for name in queries:
            (o50, o95), (r50, r95) = ox_times[name], rd_times[name]
            print(f"| {name} | {o50:.1f} | {o95:.1f} | {r50:.0f} | {r95:.0f} | {r50 / max(o50, 1e-6):.0f}x |")


if __name__ == "__main__":
    main()
