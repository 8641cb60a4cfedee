"""The command line, run as a user would: summaries, outputs, one-line errors, no partial files."""

import json

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT

from kg.cli import main


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def test_build_writes_outputs_and_prints_a_summary(run, tmp_path):
    res = run("build", EXAMPLE, "--out", tmp_path)
    assert res.exit_code == 0, res.output
    assert {p.name for p in tmp_path.iterdir()} == {"graph.ttl", "graph.json", "graph.html"}
    first = res.output.splitlines()[0]
    assert first.startswith("1 document(s) → ") and "relations" in first and "figures in" in first
    assert "Person" in res.output and "founder" in res.output


def test_build_reads_standard_input(run, tmp_path):
    res = run(
        "build",
        "-",
        "--out",
        tmp_path,
        "--format",
        "json",
        input="小米集团创始人雷军表示，小米与京东达成合作。",
    )
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert {"小米", "京东", "雷军"} <= {e["label"] for e in data["entities"]}


def test_build_a_folder_of_mixed_formats(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text("# 标题\n\n**京东**宣布与快手合作。", encoding="utf-8")
    (src / "b.html").write_text(
        "<html><body><p>阿里巴巴旗下的淘宝推出新功能。</p></body></html>", encoding="utf-8"
    )
    (src / "c.jsonl").write_text(
        json.dumps({"text": "美团携手中国银行推出新服务。", "url": "https://x/1"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    res = run("build", src, "--out", tmp_path / "out", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 3 and {"partner", "productOf"} <= {
        r["predicate"] for r in data["relations"]
    }


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03" * 300, "binary file"),
        ("正文".encode() + b"\xff\xfe\xfd\xfc\x81" * 40, "not UTF-8, GB18030, Big5, UTF-16 or UTF-32"),
    ],
)
def test_bad_input_is_a_one_line_error_and_writes_nothing(run, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(bad), "--out", str(out)])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}") and message in lines[0]
    assert not out.exists()


def test_malformed_jsonl_line_is_reported_and_the_rest_built(run, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"text": "京东宣布与快手合作。"}\n{oops\n{"text": "美团携手中国银行推出新服务。"}\n',
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "o"), "--format", "json"])
    assert res.exit_code == 0
    assert f"warning: {path}:2: malformed JSON" in res.output
    data = json.loads((tmp_path / "o" / "graph.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 2


def test_failed_build_leaves_previous_outputs_untouched(run, tmp_path):
    assert run("build", EXAMPLE, "--out", tmp_path).exit_code == 0
    before = (tmp_path / "graph.ttl").read_bytes()
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path)]).exit_code == 1
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_unknown_format_names_the_choices(run, tmp_path):
    res = CliRunner().invoke(main, ["build", str(EXAMPLE), "--format", "ttl,xml", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "choose from: turtle, nt, jsonld, json, html" in res.output


def test_query_command_formats_and_errors(run, tmp_path):
    assert run("build", EXAMPLE, "--out", tmp_path, "--format", "turtle").exit_code == 0
    ttl = tmp_path / "graph.ttl"
    res = run("query", ttl, ROOT / "examples" / "queries" / "who_leads_what.rq")
    assert res.exit_code == 0 and "沈一鸣" in res.output and "董事长" in res.output
    res = run("query", ttl, 'SELECT ?x WHERE { ?x rdfs:label "沈一鸣"@zh }', "--format", "csv")
    assert res.output.splitlines() == ["x", "https://w3id.org/kg/id/person/沈一鸣"]
    res = CliRunner().invoke(main, ["query", str(ttl), "SELECT ?x WHERE { ?x }"])
    assert (
        res.exit_code == 1
        and res.output.startswith("Error: SPARQL error at line 1, column")
        and res.output.count("\n") == 1
    )
    res = CliRunner().invoke(main, ["query", str(ttl), "DELETE WHERE { ?s ?p ?o }"])
    assert res.exit_code == 1 and "read-only" in res.output


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["query", "--help"]])
def test_help_explains_with_an_example(run, args):
    res = run(*args)
    assert res.exit_code == 0 and "Example" in res.output and "kg " in res.output
