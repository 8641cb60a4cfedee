"""Throughput and memory of kg, reported as ratios against baselines run in the same process.

    python benchmarks/bench.py                 # 300 articles (about 1 MB of text)
    python benchmarks/bench.py --articles 2000 # a larger corpus
    python benchmarks/bench.py --query-mb 12   # also kg query on a 12 MB Turtle file
    python benchmarks/bench.py --model crf,nn,none  # each recogniser configuration, the first as the baseline

The corpus repeats the fixture articles, the README example and (if present) the seed article, each copy
made distinct by a numbered line so that no copy is deduplicated. Measured in one process, in this order:
segmentation with jieba.posseg (the reference engine), segmentation with rjieba (the engine kg uses),
and the full pipeline (ingest → recognise → figures → resolve → relate → graph) once per --model (each later
one also as a ratio of the first one's time); for the first model, relations from the rules only
(--relation-model none) against the rules and the learned relation scorer after them (the default), alternated and
the fastest of --repeat runs of each kept; then Turtle export.
Peak memory is the process's maximum resident set size after each stage (it only grows).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.export import render, write_outputs  # noqa: E402
from kg.export.rdf import to_graph  # noqa: E402
from kg.ingest import document_from_text  # noqa: E402
from kg.pipeline import BATCH, batches  # noqa: E402
from kg.relate.rules import load_rules  # noqa: E402
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


def cpu_timed(fn):
    """(value, wall-clock seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - start, time.process_time() - cpu


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def query_times(graph: kg.KnowledgeGraph, megabytes: float) -> dict[str, float]:
    """kg query on a Turtle file of about ``megabytes`` (Oxigraph: load and who_leads_what), against rdflib
    parsing one part of it (the graph under one base) in the same run."""
    from rdflib import Graph

    from kg.sparql import load_graph, run_query

    one = render(graph, "turtle", base=DEFAULT_BASE)
    parts = [one]
    while sum(len(p.encode("utf-8")) for p in parts) < megabytes * 1e6:
        parts.append(render(graph, "turtle", base=f"https://copy{len(parts)}.example/id/"))
    text = "".join(parts)
    query = (ROOT / "examples" / "queries" / "who_leads_what.rq").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        rows = len(run_query(load_graph(path), query, timeout=None))
        t_query = time.perf_counter() - start
    _, t_rdflib = timed(lambda: Graph().parse(data=one, format="turtle"))
    mb, mb_one = len(text.encode("utf-8")) / 1e6, len(one.encode("utf-8")) / 1e6
    return {
        "query_file_mb": round(mb, 1),
        "query_file_load_and_who_leads_what_s": round(t_query, 2),
        "query_file_rows": rows,
        "query_rdflib_parse_mb_per_s": round(mb_one / t_rdflib, 2),
        "query_oxigraph_load_and_query_mb_per_s": round(mb / t_query, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the full pipeline per configuration")
    parser.add_argument(
        "--model",
        default="nn",
        help="recogniser configurations to time, comma-separated (crf, nn, none); the first is the baseline",
    )
    parser.add_argument(
        "--query-mb",
        type=float,
        default=0,
        help="also time kg query on a Turtle file of this size (the graph written under several bases)",
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

    def pipeline(model: str, relation_model: str = "default"):  # as kg.build runs it: a batch at a time
        graph = kg.KnowledgeGraph()
        config = kg.BuildConfig(model=model, relation_model=relation_model)
        for batch in batches(docs, BATCH):
            for result in kg.extract_many(batch, config=config):
                graph.add(result)
        return graph

    models = args.model.split(",")
    for model in models:  # load each model (and the relation scorer) before timing
        kg.extract_many(docs[:1], config=kg.BuildConfig(model=model))
    load_rules().compile_all()  # and the rules, which compile at first use
    # rules only and rules + scorer, alternated, the fastest of each in wall-clock and in CPU time (other
    # processes share the cores; this process's CPU time is what they disturb least)
    runs = [
        (cpu_timed(lambda: pipeline(models[0], "none")), cpu_timed(lambda: pipeline(models[0])))
        for _ in range(args.repeat)
    ]
    graph_rules, t_rules, cpu_rules = min((r for r, _ in runs), key=lambda x: x[1])
    graph, t_full, cpu_full = min((f for _, f in runs), key=lambda x: x[1])
    cpu_ratio = min(f[2] for _, f in runs) / min(r[2] for r, _ in runs)
    others, cpu_others = {}, {}
    for model in models[1:]:  # CPU time too: on a shared machine it moves less than wall-clock time
        _, others[model], cpu_others[model] = cpu_timed(lambda m=model: pipeline(m))
    mem_full = peak_mb()
    _, t_ttl = timed(lambda: render(graph, "turtle", base=DEFAULT_BASE))
    mem_export = peak_mb()
    # kg build --format turtle,nt,jsonld: the writers' share of the build, and rdflib's Turtle writer on the same graph
    with tempfile.TemporaryDirectory() as out:
        formats = ("turtle", "nt", "jsonld")
        _, t_files = timed(lambda: write_outputs(graph, out, formats=formats, base=DEFAULT_BASE))
    _, t_rdflib_ttl = timed(lambda: to_graph(graph, base=DEFAULT_BASE).serialize(format="turtle"))
    query = query_times(graph, args.query_mb) if args.query_mb else {}

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
        "turtle_nt_jsonld_export_s": round(t_files, 2),
        "share_of_serialisation_in_build_turtle_nt_jsonld": round(t_files / (t_full + t_files), 3),
        "ratio_rdflib_turtle_writer_vs_kg": round(t_rdflib_ttl / t_ttl, 1),
        **query,
        "ratio_rjieba_vs_jieba": round(t_jieba / t_rjieba, 1),
        "ratio_full_pipeline_vs_jieba_posseg_alone": round(t_jieba / t_full, 2),
        "ratio_full_pipeline_vs_rjieba_alone": round(t_rjieba / t_full, 3),
        "full_pipeline_rules_only_chars_per_s": round(chars / t_rules),
        "ratio_time_with_relation_scorer_vs_rules_only": round(t_full / t_rules, 3),
        "ratio_cpu_time_with_relation_scorer_vs_rules_only": round(cpu_ratio, 3),
        "relations_rules_only": len(graph_rules.facts()),
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
