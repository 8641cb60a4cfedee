"""Per-core speed of this checkout against another one (e.g. main before a change), in one run.

    git worktree add /tmp/kg-main main
    python benchmarks/compare_checkouts.py /tmp/kg-main --articles 400 --runs 3

Each run extracts the corpus of ``corpus_bench.py`` and serialises every document for the store, once with each
checkout, alternating, in fresh processes; jieba.posseg on the same text is timed in each process too. Times are
CPU seconds of the process (on a machine shared with other jobs they move much less than wall-clock time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_bench import make_corpus  # noqa: E402

RUN = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import kg
from kg.ingest import iter_documents
from kg.segment import get_segmenter
from kg.store import document_quads
docs = list(iter_documents([Path(sys.argv[2])], warn=lambda m: None))
kg.extract_many(docs[:4])
from kg.relate.rules import load_rules
getattr(load_rules(), "compile_all", lambda: None)()  # rules compiled at first use are compiled before timing
start = time.process_time()
for i in range(0, len(docs), 64):
    for result in kg.extract_many(docs[i : i + 64]):
        document_quads(result)
kg_seconds = time.process_time() - start
posseg = get_segmenter("jieba")
posseg.tokens("快手")
start = time.process_time()
for doc in docs:
    posseg.tokens(doc.norm)
print(json.dumps({"kg": kg_seconds, "posseg": time.process_time() - start}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout's root folder")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = make_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {size / 1e6:.2f} MB")
        speed: dict[str, list[float]] = {"this": [], "other": []}
        versus_posseg: dict[str, list[float]] = {"this": [], "other": []}
        for run in range(args.runs):
            for name, root in (("this", ROOT), ("other", args.other.resolve())):
                out = subprocess.run(
                    [sys.executable, "-c", RUN, str(root), str(corpus)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                times = json.loads(out.stdout.strip().splitlines()[-1])
                speed[name].append(times["kg"])
                versus_posseg[name].append(times["posseg"] / times["kg"])
                print(
                    f"run {run + 1}, {name}: {times['kg']:.2f} s CPU, {size / 1e6 / times['kg']:.3f} MB/s, "
                    f"{versus_posseg[name][-1]:.2f}x jieba.posseg"
                )
        ratio = statistics.median(o / t for o, t in zip(speed["other"], speed["this"], strict=True))
        print(
            f"this checkout: {statistics.median(versus_posseg['this']):.2f}x jieba.posseg, the other "
            f"{statistics.median(versus_posseg['other']):.2f}x; this one is {ratio:.2f}x as fast (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
