"""Progress a user can trust (issue 14): documents done of a total counted up front, percent, time left."""

import json

from click.testing import CliRunner
from conftest import ARTICLES, EXAMPLE

from kg.cli import main
from kg.corpus import build_store
from kg.progress import count_documents, counted


def jsonl(path, texts, blank_lines=0):
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in texts] + [""] * blank_lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_total_counts_files_and_json_lines_records(tmp_path):
    news = jsonl(
        tmp_path / "news.jsonl", ["快手宣布与京东合作。", "京东发布财报。", "腾讯投资了蔚来。"], blank_lines=2
    )
    folder_files = len([p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".md", ".html")])
    assert count_documents([news]) == 3
    assert count_documents([ARTICLES, news, EXAMPLE]) == folder_files + 3 + 1
    assert count_documents(["-", news]) is None


def test_the_line_says_done_of_total_percent_and_time_left():
    assert counted(25, 100, 10.0) == "25/100 docs (25%, 30s left)"
    assert counted(1, 4, 200.0) == "1/4 docs (25%, 10m00s left)"
    assert counted(0, 8, 1.0) == "0/8 docs (0%)"
    assert counted(7, None, 1.0) == "7 docs"
    assert counted(9, 8, 1.0) == "8/8 docs (100%, 0s left)"  # an estimate never shows more than all


def test_a_file_build_reports_each_batch_against_the_total(tmp_path, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "BATCH", 2)
    news = jsonl(tmp_path / "news.jsonl", [f"快手宣布与京东第{i}次合作。" for i in range(5)])
    calls = []
    kg.build([news], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_a_store_build_reports_against_the_total(tmp_path):
    news = jsonl(tmp_path / "news.jsonl", [f"快手宣布与京东第{i}次合作。" for i in range(3)])
    lines = []
    build_store([news], tmp_path / "s", batch_size=1, on_progress=lambda p: lines.append(p.line()))
    assert lines[-1].startswith("3/3 docs (100%")
    assert any(line.startswith(("1/3 docs (33%", "2/3 docs (67%")) for line in lines)


def test_progress_goes_to_a_terminal_only(tmp_path):
    news = jsonl(tmp_path / "news.jsonl", ["快手宣布与京东合作。"])
    for args in (["-o", str(tmp_path / "out"), "-f", "nt"], ["--store", str(tmp_path / "s")]):
        res = CliRunner().invoke(main, ["build", str(news), *args])
        assert res.exit_code == 0, res.output
        assert "\r" not in res.output and "left)" not in res.output
