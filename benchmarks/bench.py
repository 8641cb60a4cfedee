"""Throughput and memory of kg, reported as ratios against baselines run in the same process.

    python benchmarks/bench.py                 # 300 articles (about 1 MB of text)
    python benchmarks/bench.py --articles 2000 # a larger corpus
    python benchmarks/bench.py --model crf,nn,none  # each recogniser configuration, the first as the baseline

The corpus repeats the fixture articles, the README example and (if present) the seed article, each copy
made distinct by a numbered line so that no copy is deduplicated. Measured in one process, in this order:
segmentation with jieba.posseg (the reference engine), segmentation with rjieba (the engine kg uses),
and the full pipeline (ingest → recognise → figures → resolve → relate → graph) once per --model (each later
one also as a ratio of the first one's time), then Turtle export.
Peak memory is the process's maximum resident set size after each stage (it only grows).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.export import render  # noqa: E402
from kg.ingest import document_from_text  # noqa: E402
from kg.pipeline import BATCH, batches  # noqa: E402
from kg.segment import get_segmenter  # noqa: E402
from kg.vocab import DEFAULT_BASE  # noqa: E402


def corpus(n: int) -> list[str]:
    sources = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    sources += sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.md"))
    sources.append(ROOT / "examples" / "qinglan_battery.txt")
    seed = ROOT.parent / "shared" / "seed" / "000_dad6d5eae66523e8.txt"
    if seed.exists():
        sources.append(seed)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    return [texts[i % len(texts)] + f"\n\n（本文为基准语料第{i}篇。）\n" for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--model",
        default="crf",
        help="recogniser configurations to time, comma-separated (crf, nn, none); the first is the baseline",
    )
    args = parser.parse_args()

    texts = corpus(args.articles)
    docs = [document_from_text(t, source=f"bench-{i}") for i, t in enumerate(texts)]
    chars = sum(len(d.norm) for d in docs)
    mb = sum(len(d.norm.encode("utf-8")) for d in docs) / 1e6

    jieba_seg, rjieba_seg = get_segmenter("jieba"), get_segmenter("rjieba")  # load both before timing
    _, t_jieba = timed(lambda: [jieba_seg.tokens(d.norm) for d in docs])
    mem_seg = peak_mb()
    _, t_rjieba = timed(lambda: [rjieba_seg.tokens(d.norm) for d in docs])

    def pipeline(model: str):  # as kg.build runs it: documents extracted a batch at a time
        graph = kg.KnowledgeGraph()
        config = kg.BuildConfig(model=model)
        for batch in batches(docs, BATCH):
            for result in kg.extract_many(batch, config=config):
                graph.add(result)
        return graph

    models = args.model.split(",")
    for model in models:  # load each model before timing
        kg.extract_many(docs[:1], config=kg.BuildConfig(model=model))
    cpu = time.process_time()
    graph, t_full = timed(lambda: pipeline(models[0]))
    cpu_full = time.process_time() - cpu
    others, cpu_others = {}, {}
    for model in models[1:]:  # CPU time too: on a shared machine it moves less than wall-clock time
        cpu = time.process_time()
        others[model] = timed(lambda m=model: pipeline(m))[1]
        cpu_others[model] = time.process_time() - cpu
    mem_full = peak_mb()
    _, t_ttl = timed(lambda: render(graph, "turtle", base=DEFAULT_BASE))
    mem_export = peak_mb()

    results = {
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, 1 process",
        "articles": len(docs),
        "model": models[0],
        "characters": chars,
        "megabytes_utf8": round(mb, 3),
        "segmentation_jieba_posseg_chars_per_s": round(chars / t_jieba),
        "segmentation_rjieba_chars_per_s": round(chars / t_rjieba),
        "full_pipeline_chars_per_s": round(chars / t_full),
        "full_pipeline_mb_per_s": round(mb / t_full, 3),
        **{f"full_pipeline_chars_per_s_{m}": round(chars / t) for m, t in others.items()},
        **{f"ratio_time_{m}_vs_{models[0]}": round(t / t_full, 2) for m, t in others.items()},
        **{f"ratio_cpu_time_{m}_vs_{models[0]}": round(t / cpu_full, 2) for m, t in cpu_others.items()},
        "turtle_export_s": round(t_ttl, 2),
        "ratio_rjieba_vs_jieba": round(t_jieba / t_rjieba, 1),
        "ratio_full_pipeline_vs_jieba_posseg_alone": round(t_jieba / t_full, 2),
        "ratio_full_pipeline_vs_rjieba_alone": round(t_rjieba / t_full, 3),
        "entities": len(graph.entities()),
        "relations": len(graph.facts()),
        "figures": len(graph.figures()),
        "peak_rss_mb_after_segmentation": round(mem_seg),
        "peak_rss_mb_after_pipeline": round(mem_full),
        "peak_rss_mb_after_turtle": round(mem_export),
    }
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
