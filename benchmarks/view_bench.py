"""The HTML view at corpus size in headless Chromium: export time, page size, first paint, search, drawing
every node, each against a 50-node page opened in the same browser; optionally the README's screenshots.

    python benchmarks/view_bench.py --articles 480                    # about 5,000 nodes
    python benchmarks/view_bench.py --articles 480 --screenshots docs/img

The corpus is corpus_bench.py's (sentences of the datasets' training splits, our articles every 25th).
Times are the page's own clock (performance.now()), best of three loads.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser import Browser  # noqa: E402
from corpus_bench import make_corpus  # noqa: E402

import kg  # noqa: E402
from kg.export import write_outputs  # noqa: E402
from kg.vocab import DEFAULT_BASE  # noqa: E402

TIMED = (  # from the action to the view drawn in its final state
    "new Promise(function (done) {{ var t = performance.now(); {action};"
    " kgView.settled().then(function () {{ done(performance.now() - t); }}); }})"
)


def first_paint(browser: Browser, url: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        browser.open("about:blank")
        browser.open(url)
        times.append(float(browser.wait_for("Number(document.documentElement.dataset.firstPaint || 0)")))
        browser.wait_for("typeof kgView === 'object'")
    return min(times)


def page(graph: kg.KnowledgeGraph, folder: Path) -> tuple[str, float, int]:
    start = time.perf_counter()
    (path,) = write_outputs(graph, folder, formats=("html",), base=DEFAULT_BASE)
    return f"file://{path}", time.perf_counter() - start, path.stat().st_size


def screenshots(browser: Browser, url: str, out: Path, focus: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    browser.open("about:blank")
    browser.open(url)
    browser.wait_for("typeof kgView === 'object'")
    browser.evaluate("document.getElementById('unlinked').click(); kgView.network.fit({animation: false})")
    time.sleep(1)
    browser.screenshot(out / "view-fit.png")
    browser.evaluate(
        f"document.getElementById('depth').value = '2'; kgView.select(kgView.search({focus!r})[0])"
    )
    time.sleep(1)
    browser.screenshot(out / "view-focused.png")
    browser.evaluate(
        "document.getElementById('depth').value = '0'; kgView.setFocus(null); document.getElementById('unlinked').click();"
        "document.querySelectorAll('#predicates input').forEach(function (b) {"
        " if (['leads', 'worksFor', 'founder'].indexOf(b.parentNode.textContent.trim().split(' ')[0]) < 0) b.click(); });"
        "['Place', 'Product'].forEach(function (t) { document.querySelector('#legend [data-type=' + t + ']').click(); });"
        "kgView.network.fit({animation: false})"
    )
    time.sleep(1)
    browser.screenshot(out / "view-filtered.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=480)
    parser.add_argument("--search", default="快手")
    parser.add_argument("--screenshots", type=Path, help="write view-fit/-focused/-filtered.png here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-view-") as tmp:
        tmp = Path(tmp)
        make_corpus(tmp / "small.jsonl", 3)
        make_corpus(tmp / "large.jsonl", args.articles)
        small, large = kg.build([tmp / "small.jsonl"]), kg.build([tmp / "large.jsonl"])
        small_url, small_export, small_size = page(small, tmp / "small")
        large_url, large_export, large_size = page(large, tmp / "large")
        with Browser(tmp / "profile", width=1100, height=660) as browser:
            first_paint(browser, small_url, 1)  # warm up
            unit = first_paint(browser, small_url)
            n_small = browser.evaluate("kgView.total()")
            paint = first_paint(browser, large_url)
            n_large = browser.evaluate("kgView.total()")
            shown = browser.evaluate("kgView.shown()")
            search = browser.evaluate(
                TIMED.format(action=f"kgView.select(kgView.search({args.search!r})[0])")
            )
            focus = browser.evaluate(
                TIMED.format(
                    action=f"document.getElementById('depth').value = '2'; kgView.select(kgView.search({args.search!r})[0])"
                )
            )
            focused = browser.evaluate("kgView.shown()")
            browser.evaluate("document.getElementById('depth').value = '0'")
            everything = browser.evaluate(
                TIMED.format(action="kgView.setFocus(null); document.getElementById('unlinked').click()")
            )
            drawn = browser.evaluate("kgView.shown()")
            if args.screenshots:
                screenshots(browser, large_url, args.screenshots, args.search)
    print(f"50-node page: {n_small} nodes, {small_size / 1e6:.2f} MB, first paint {unit:.0f} ms")
    print(
        f"{args.articles} articles: {n_large} nodes, exported in {large_export:.1f} s, {large_size / 1e6:.1f} MB; "
        f"first paint {paint:.0f} ms ({paint / unit:.1f}x) with {shown} linked nodes drawn; "
        f"search {search:.0f} ms ({search / unit:.2f}x); 2-hop focus ({focused} nodes, laid out afresh) "
        f"{focus:.0f} ms ({focus / unit:.1f}x); all {drawn} entities drawn in "
        f"{everything:.0f} ms ({everything / unit:.1f}x)"
    )


if __name__ == "__main__":
    main()
