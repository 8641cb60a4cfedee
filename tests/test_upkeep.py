"""kg rm: removing a document takes its facts and exactly what no other document supports."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import build_store
from kg.store import Store
from kg.upkeep import documents_matching, remove_documents

A = "小米集团创始人雷军表示，小米与京东达成战略合作。"  # shares 小米, 雷军 and a fact with B
B = "小米集团创始人雷军宣布，小米将与美团合作。"
C = "腾讯宣布投资蔚来。"


def everything(path) -> tuple[list[bytes], list[bytes]]:
    """The document graphs and the union, each as sorted lines."""
    with Store(path, read_only=True) as store:
        return sorted(store.dump("nquads").splitlines()), sorted(store.dump("nt").splitlines())


@pytest.fixture()
def news(tmp_path):
    files = {}
    for name, text in (("a", A), ("b", B), ("c", C)):
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text(
            json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return files


def test_removing_a_document_leaves_exactly_what_the_others_support(tmp_path, news):
    build_store([news["a"], news["b"], news["c"]], tmp_path / "all")
    build_store([news["b"], news["c"]], tmp_path / "without_a")
    with Store(tmp_path / "all") as store:
        assert remove_documents(store, ["a"]) == ["a"]
    assert everything(tmp_path / "all") == everything(tmp_path / "without_a")
    with Store(tmp_path / "all", read_only=True) as store:
        partners = {
            str(r[0]) for r in store.query('SELECT ?l { ?x rdfs:label "小米"@zh ; kg:partner/rdfs:label ?l }')
        }
        founders = store.query('SELECT ?p { ?o rdfs:label "小米"@zh ; schema:founder ?p }').rows
    assert partners == {"美团"} and len(founders) == 1  # 京东 went with A; the founder B also states stays


def test_removing_every_document_empties_the_store(tmp_path, news):
    build_store([news["a"], news["b"]], tmp_path / "s")
    with Store(tmp_path / "s") as store:
        remove_documents(store, ["a", "b"])
        assert len(store) == 0


def test_documents_are_found_by_source_path_and_folder(tmp_path, news):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text(C, encoding="utf-8")
    build_store([news["a"], folder], tmp_path / "s")
    with Store(tmp_path / "s", read_only=True) as store:
        assert documents_matching(store, [str(news["a"])]) == ["a"]
        by_folder = documents_matching(store, [str(folder)])
        assert len(by_folder) == 1 and by_folder != ["a"]


def test_rm_command_refuses_unknown_documents_and_removes_nothing(tmp_path, news):
    build_store([news["a"], news["b"]], tmp_path / "s")
    before = everything(tmp_path / "s")
    res = CliRunner().invoke(main, ["rm", str(tmp_path / "s"), "a", "nope"])
    assert res.exit_code == 1 and res.output.count("\n") == 1 and "'nope'" in res.output
    assert everything(tmp_path / "s") == before
    res = CliRunner().invoke(main, ["rm", str(tmp_path / "s"), str(news["b"])])
    assert res.exit_code == 0 and "removed 1 document(s): b" in res.output


def test_relative_dates_are_never_shared_by_unrelated_articles(tmp_path):
    news = tmp_path / "news.jsonl"
    records = [
        {"id": "x1", "text": "今年4月，京东宣布与快手合作。", "date": "2024-06-05"},
        {"id": "x2", "text": "今年4月，美团宣布与腾讯合作。", "date": "2023-05-01"},
        {"id": "x3", "text": "今年4月，阿里巴巴宣布与腾讯合作。"},
        {"id": "x4", "text": "今年4月，小米宣布与腾讯合作。"},
    ]
    news.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    build_store([news], tmp_path / "s")
    with Store(tmp_path / "s", read_only=True) as store:
        rows = store.query(
            "SELECT ?d ?label (COUNT(?a) AS ?n) { ?d a kg:Date ; rdfs:label ?label ; kg:mentionedIn ?a } GROUP BY ?d ?label"
        ).rows
    dates = {str(d).rsplit("/id/", 1)[1]: (str(label), int(n)) for d, label, n in rows}
    assert dates["date/2024年4月"] == ("2024年4月", 1) and dates["date/2023年4月"] == ("2023年4月", 1)
    assert dates["date/x3/今年4月"] == ("今年4月", 1) and dates["date/x4/今年4月"] == ("今年4月", 1)
    assert "date/今年4月" not in dates
