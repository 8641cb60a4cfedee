"""The HTML view at corpus size, in headless Chromium: first paint, search, focus and filters.

Times are the page's own clock (performance.now(), recorded by the page) and are judged as ratios against a
50-node page opened in the same browser, so a slow or busy machine moves both alike. The budget: on the
machine these were written on, the 50-node page paints in about 0.2 s, and the view's target is 3 s for a
5,000-node corpus, hence ``RATIO`` = 15.
"""

from __future__ import annotations

import sys

import pytest
from browser import CHROMIUM, Browser
from conftest import ROOT

import kg
from kg.export import write_outputs
from kg.vocab import DEFAULT_BASE

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_bench import SHARED, make_corpus  # noqa: E402

RATIO = 15  # 3 s against a 50-node page that paints in 0.2 s

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"),
]

FIRST_PAINT = "Number(document.documentElement.dataset.firstPaint || 0)"
TIMED = (  # from the action to the view drawn in its final state
    "new Promise(function (done) {{ var t = performance.now(); {action};"
    " kgView.settled().then(function () {{ done(performance.now() - t); }}); }})"
)


def page(tmp_path, name: str, graph: kg.KnowledgeGraph) -> str:
    out = tmp_path / name
    write_outputs(graph, out, formats=("html",), base=DEFAULT_BASE)
    return f"file://{out}/graph.html"


def paint(browser: Browser, url: str) -> float:
    """Milliseconds from navigation to the first drawn frame, by the page's clock (best of two loads)."""
    times = []
    for _ in range(2):
        browser.open("about:blank")
        browser.open(url)
        times.append(float(browser.wait_for(FIRST_PAINT)))
        browser.wait_for("typeof kgView === 'object'")
    assert not browser.errors()
    return min(times)


@pytest.fixture(scope="module")
def corpus_graphs(tmp_path_factory):
    if not (SHARED / "datasets").exists():
        pytest.skip(f"datasets not found at {SHARED / 'datasets'}")
    tmp = tmp_path_factory.mktemp("corpus")
    make_corpus(tmp / "small.jsonl", 3)
    make_corpus(tmp / "large.jsonl", 480)
    return kg.build([tmp / "small.jsonl"]), kg.build([tmp / "large.jsonl"])


def test_five_thousand_nodes_paint_and_search_within_budget(tmp_path, corpus_graphs):
    small, large = corpus_graphs
    small_url, large_url = page(tmp_path, "small", small), page(tmp_path, "large", large)
    with Browser(tmp_path / "profile") as browser:
        paint(browser, small_url)  # warm up the browser
        unit = paint(browser, small_url)
        assert 30 <= browser.evaluate("kgView.total()") <= 80
        first = paint(browser, large_url)
        assert browser.evaluate("kgView.total()") >= 5000
        found = browser.evaluate("kgView.search('快手')")
        search = browser.evaluate(TIMED.format(action="kgView.select(kgView.search('快手')[0])"))
        focus = browser.evaluate(
            TIMED.format(action="document.getElementById('depth').value = '2'; kgView.select('org/快手')")
        )
        focused = browser.evaluate("kgView.shown()")
        browser.evaluate("document.getElementById('depth').value = '0'")
        show_all = browser.evaluate(
            TIMED.format(action="kgView.setFocus(null); document.getElementById('unlinked').click()")
        )
        drawn = browser.evaluate("kgView.shown()")
        assert not browser.errors()
    print(
        f"\n50-node page {unit:.0f} ms; 5,000-node page: first paint {first:.0f} ms, search {search:.0f} ms, "
        f"2-hop focus ({focused} nodes, laid out afresh) {focus:.0f} ms, all {drawn} nodes drawn in {show_all:.0f} ms"
    )
    assert found[0] == "org/快手"  # the company, not an article whose title contains the name
    assert drawn >= 4800  # everything but the articles (collapsed) is on the canvas
    assert 3 <= focused < 500
    assert max(first, search, focus, show_all) < RATIO * unit


def test_search_prefers_exact_names_and_entities_over_articles(tmp_path):
    graph = kg.build_from_texts(
        [
            "快手电商的新计划\n快手电商运营负责人白嘉乐表示，快手电商将继续投入。",
            "快手宣布与京东达成战略合作。",
        ]
    )
    url = page(tmp_path, "g", graph)
    with Browser(tmp_path / "profile") as browser:
        browser.open(url)
        browser.wait_for("typeof kgView === 'object'")
        hits = browser.evaluate("kgView.search('快手')")
        assert hits[:2] == ["org/快手", "org/快手电商"]  # the exact name, then the one it begins
        article = [h for h in hits if h.startswith("article/")]
        assert article and hits.index(article[0]) == len(hits) - 1  # a title that holds the name comes last
        assert browser.evaluate("kgView.search('电商')")[0] == "org/快手电商"  # by substring, still an entity
        assert not browser.errors()


def test_focus_legend_and_filters_narrow_what_is_drawn(tmp_path, seed_graph):
    url = page(tmp_path, "g", seed_graph.graph)
    with Browser(tmp_path / "profile") as browser:
        browser.open(url + "#focus=org/快手电商&depth=1")
        browser.wait_for("typeof kgView === 'object'")
        focused = browser.evaluate("kgView.drawn()")
        assert "org/快手电商" in focused and "person/白嘉乐" in focused
        browser.evaluate("kgView.setFocus(null)")
        everything = browser.evaluate("kgView.drawn()")
        assert set(focused) < set(everything)
        browser.evaluate("document.querySelector('#legend [data-type=Person]').click()")
        assert not [n for n in browser.evaluate("kgView.drawn()") if n.startswith("person/")]
        browser.evaluate("document.querySelector('#legend [data-type=Person]').click()")
        assert "person/白嘉乐" in browser.evaluate("kgView.drawn()")
        browser.evaluate(
            "var c = document.getElementById('confidence'); c.value = 1; c.dispatchEvent(new Event('input'))"
        )
        assert browser.evaluate("kgView.edges()") == []
        assert not browser.errors()


def test_a_graph_too_large_to_draw_says_how_to_narrow_it(tmp_path, seed_graph):
    from kg.export.html import to_html

    path = tmp_path / "g.html"
    path.write_text(to_html(seed_graph.graph, base=DEFAULT_BASE, limit=10), encoding="utf-8")
    with Browser(tmp_path / "profile") as browser:
        browser.open(f"file://{path}")
        browser.wait_for("typeof kgView === 'object'")
        banner = "document.getElementById('banner').style.display + '|' + document.getElementById('banner').textContent"
        shown, message = browser.evaluate(banner).split("|", 1)
        assert shown == "block" and message.startswith(
            "Too many nodes to draw at once: showing the 10 most connected"
        )
        assert "Search for an entity" in message and browser.evaluate("kgView.shown()") == 10
        browser.evaluate("kgView.setFocus({id: 'person/白嘉乐', depth: 1})")
        assert browser.evaluate(banner).startswith("none|")  # narrowed to a neighbourhood: everything drawn
        assert not browser.errors()
