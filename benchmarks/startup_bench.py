"""What the compiled-pattern cache (kg/recache.py) saves a short build: `kg build` of one article, run alternately
with the cache turned off (KG_CACHE_DIR=none: every pattern compiled in the process, as before the cache) and
with a warm cache folder, CPU seconds of the child process each time.

    python benchmarks/startup_bench.py [--runs 5] [ARTICLE]

The ratio (cache off / warm) is taken within this one command; the output files of both builds are compared too.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build(article: Path, out: Path, cache: str) -> float:
    """CPU seconds (user + system) of one `kg build` child process."""
    env = {**os.environ, "KG_CACHE_DIR": cache}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(article), "--out", str(out), "-q"],
        check=True,
        env=env,
        cwd=ROOT,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "examples" / "qinglan_battery.txt"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    article = Path(args.article)
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "cache")
        _build(article, Path(tmp) / "warmup", cache)  # fills the cache folder
        off, warm = [], []
        for i in range(args.runs):
            off.append(_build(article, Path(tmp) / f"off{i}", "none"))
            warm.append(_build(article, Path(tmp) / f"warm{i}", cache))
        same = all(
            filecmp.cmp(Path(tmp) / "off0" / name, Path(tmp) / "warm0" / name, shallow=False)
            for name in ("graph.ttl", "graph.json")
        )
    print(f"kg build {article.name}, CPU seconds per run ({args.runs} runs each, alternating)")
    print(f"  cache off : median {statistics.median(off):.2f} s  ({min(off):.2f}–{max(off):.2f})")
    print(f"  warm cache: median {statistics.median(warm):.2f} s  ({min(warm):.2f}–{max(warm):.2f})")
    print(
        f"  off / warm: {statistics.median(off) / statistics.median(warm):.2f}×; Turtle and JSON identical: {same}"
    )


if __name__ == "__main__":
    main()
