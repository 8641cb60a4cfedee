"""A store read back as a graph: the same facts and figures as building the files, whole or around an entity;
and the commands that give people the view, the JSON and the other graph formats from a store."""

import json

import pytest
from click.testing import CliRunner
from conftest import ARTICLES, EXAMPLE

import kg
from kg.cli import main
from kg.corpus import build_store
from kg.fromstore import find_entities, load_store
from kg.store import Store

INPUTS = [EXAMPLE, ARTICLES]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("s") / "store"
    build_store(INPUTS, path)
    return path


def _facts(graph):
    """Facts with their evidence sentences (a store keeps the sentence, not the span inside it)."""
    return {
        (f.subject, f.predicate, f.object, f.qualifiers, round(f.confidence, 2), f.rules)
        + tuple((ev.document, ev.sentence, ev.text) for ev in f.evidence)
        for f in graph.facts()
    }


def test_a_store_reads_back_as_the_graph_it_was_built_from(store_dir):
    built = kg.build(INPUTS)
    loaded = kg.load(store_dir)
    assert _facts(loaded) == _facts(built)
    assert {(f.id, f.value, f.about, f.measure, f.evidence) for f in loaded.figures()} == {
        (f.id, f.value, f.about, f.measure, f.evidence) for f in built.figures()
    }
    assert {e.id: e.types for e in loaded.entities()} == {e.id: e.types for e in built.entities()}
    assert {d.id: d.title for d in loaded.articles()} == {d.id: d.title for d in built.articles()}


def test_focus_reads_only_the_neighbourhood(store_dir):
    with Store(store_dir, read_only=True) as store:
        assert find_entities(store, "沈一鸣") == ["person/沈一鸣"]
        near = load_store(store, focus="沈一鸣", depth=1)
        wider = load_store(store, focus="person/沈一鸣", depth=2)
    ids = {e.id for e in near.entities()}
    assert "person/沈一鸣" in ids and "org/青岚新能源" in ids and len(ids) < len(wider.entities())
    assert all(f.subject in ids or f.subject.startswith("article/") for f in near.facts())


def test_export_html_and_json_from_a_store(store_dir, tmp_path):
    runner = CliRunner()
    res = runner.invoke(
        main, ["export", str(store_dir), "-f", "html", "--focus", "沈一鸣", "-o", str(tmp_path / "v.html")]
    )
    assert res.exit_code == 0, res.output
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert '"focus":{"depth":2,"id":"person/沈一鸣"}' in page
    res = runner.invoke(main, ["export", str(store_dir), "-f", "json", "-o", "-"])
    data = json.loads(res.stdout)
    assert res.exit_code == 0 and {"沈一鸣", "青岚新能源"} <= {e["label"] for e in data["entities"]}
    res = runner.invoke(main, ["export", str(store_dir), "-f", "neo4j", "-o", str(tmp_path / "neo")])
    assert res.exit_code == 0 and (tmp_path / "neo" / "relationships_LEADS.csv").exists()


def test_an_unknown_focus_is_a_one_line_error(store_dir, tmp_path):
    res = CliRunner().invoke(
        main, ["view", str(store_dir), "--focus", "没有这个", "--no-open", "-o", str(tmp_path / "v.html")]
    )
    assert res.exit_code == 1 and res.output.count("\n") == 1 and "没有这个" in res.output
    assert not (tmp_path / "v.html").exists()


def test_view_writes_the_page(store_dir, tmp_path):
    res = CliRunner().invoke(
        main,
        [
            "view",
            str(store_dir),
            "--focus",
            "沈一鸣",
            "--depth",
            "1",
            "--no-open",
            "-o",
            str(tmp_path / "v.html"),
        ],
    )
    assert res.exit_code == 0 and "vis.Network" in (tmp_path / "v.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args,message",
    [
        (["export", "{store}", "-f", "turtle", "--focus", "快手", "-o", "x.ttl"], "--focus applies to"),
        (["export", "{store}", "-f", "neo4j", "-o", "-"], "give a folder"),
        (["build", str(EXAMPLE), "--store", "{tmp}/s2", "--format", "html"], "--format does not apply"),
        (["build", str(EXAMPLE), "--store", "{tmp}/s2", "-o", "{tmp}/out"], "--out does not apply"),
        (["build", str(EXAMPLE), "-f", "ttl,json", "-o", "-"], "one format of one file"),
        (["view", "{store}", "-o", "-", "--no-open"], "for standard output use: kg export"),
    ],
)
def test_contradictory_options_are_one_line_refusals(store_dir, tmp_path, args, message):
    args = [a.format(store=store_dir, tmp=tmp_path) for a in args]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2 and res.output.startswith("Error: ") and res.output.count("\n") == 1, res.output
    assert message in res.output
    assert not (tmp_path / "s2").exists() and not (tmp_path / "out").exists()


def test_build_to_standard_output_with_short_options_and_the_ttl_alias(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["build", str(EXAMPLE), "-f", "ttl", "-o", "-"])
    assert res.exit_code == 0 and "@prefix kg:" in res.stdout
    assert not (tmp_path / "-").exists()


def test_paths_are_checked_by_the_command_line(tmp_path):
    res = CliRunner().invoke(main, ["export", str(tmp_path / "nope"), "-o", str(tmp_path / "x.ttl")])
    assert res.exit_code == 2 and "does not exist" in res.output
