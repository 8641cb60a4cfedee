"""The HTML view: self-contained, typed and legended, escaped; checked in headless Chromium when present."""

import re
import shutil
import subprocess

import pytest
from conftest import Exported

import kg
from kg.export import render, write_outputs
from kg.export.html import STYLE, network_data
from kg.vocab import DEFAULT_BASE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
HOSTILE = (
    "标题<script>document.title='pwned'</script>\n"
    "文|虎嗅 陆一鸣\n"
    "小米集团创始人雷军表示，<img src=x onerror=\"document.title='pwned'\">小米与京东达成战略合作。\n"
    "运营负责人白晓峰</script><script>document.title='pwned'</script>称，京东推出“<b>蓝鲸</b>计划”。"
)


def test_page_loads_nothing_from_the_network(seed_graph: Exported):
    html = render(seed_graph.graph, "html", base=DEFAULT_BASE)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert "vis.Network" in html and "Content-Security-Policy" in html


def test_nodes_are_coloured_and_shaped_by_type_with_a_legend(seed_graph: Exported):
    data = network_data(seed_graph.graph)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert (by_id["person/白嘉乐"]["color"], by_id["person/白嘉乐"]["shape"]) == STYLE["Person"][:2]
    assert (by_id["org/快手电商"]["color"], by_id["org/快手电商"]["shape"]) == STYLE["BusinessUnit"][:2]
    assert {row[0] for row in data["legend"]} >= {"Person", "Company", "Platform", "Programme"}
    assert all("group" not in n for n in data["nodes"])  # a vis group would override the type colour


def test_edges_are_labelled_and_carry_their_evidence(seed_graph: Exported):
    data = network_data(seed_graph.graph)
    leads = [e for e in data["edges"] if e["from"] == "person/白嘉乐"]
    assert leads and leads[0]["label"] == "leads (运营负责人)"
    evidence = data["edgeDetails"][leads[0]["id"]]["evidence"]
    assert any("白嘉乐" in s for s in evidence)


def test_figures_are_shown_on_their_entity(seed_graph: Exported):
    figures = network_data(seed_graph.graph)["details"]["org/快手"]["figures"]
    assert any(f["value"] == "300000000" and "3亿" in f["sentence"] for f in figures)


def test_input_text_is_escaped_in_the_page():
    html = render(kg.build_from_texts([HOSTILE]), "html", base=DEFAULT_BASE)
    assert "<img src=x" not in html and "<script>document.title" not in html and "<b>蓝鲸" not in html
    assert "\\u003cimg src=x" in html


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_hostile_article_runs_no_script_in_a_real_browser(tmp_path):
    write_outputs(kg.build_from_texts([HOSTILE]), tmp_path, formats=("html",), base=DEFAULT_BASE)
    dom = _chromium(tmp_path, "--dump-dom", f"file://{tmp_path}/graph.html")
    assert "<canvas" in dom  # vis-network drew the graph offline
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title != "pwned" and "&lt;script&gt;" in title  # shown as text, never run
    assert '<img src="x"' not in dom and "<img src=x" not in dom


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_view_renders_a_screenshot_offline(tmp_path, seed_graph: Exported):
    write_outputs(seed_graph.graph, tmp_path, formats=("html",), base=DEFAULT_BASE)
    shot = tmp_path / "shot.png"
    _chromium(
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=1200,800",
        f"file://{tmp_path}/graph.html#node=org/快手",
    )
    assert shot.exists() and shot.stat().st_size > 30_000  # a drawn graph, not a blank page


def _chromium(tmp_path, *args) -> str:
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=5000",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


def test_nodes_say_whether_a_relation_touches_them(seed_graph: Exported):
    nodes = {n["id"]: n for n in network_data(seed_graph.graph)["nodes"]}
    assert nodes["person/白嘉乐"]["linked"] is True
    assert nodes["org/QuestMobile"]["linked"] is False  # named in the article, in no relation
