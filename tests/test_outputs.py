"""Valid output always, written all or nothing; a failing disk is a one-line error (issue 11, cases 5 and 6)."""

import dataclasses
import errno
import os

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

import kg
from kg.cli import main
from kg.errors import OutputError
from kg.export import write_outputs
from kg.ingest import document_from_text
from kg.pipeline import extract
from kg.store import Store
from kg.vocab import DEFAULT_BASE

TROUBLE = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1e", "\x00", "\x1b", "\x7f", "\r", '"\\']


def graph_with_title(title: str) -> kg.KnowledgeGraph:
    """A title a library user set on the Document themselves (ingest would have cleaned it)."""
    result = extract(document_from_text("快手宣布与京东合作。"))
    result = dataclasses.replace(result, document=dataclasses.replace(result.document, title=title))
    graph = kg.KnowledgeGraph()
    graph.add(result)
    return graph


@pytest.mark.parametrize("ch", TROUBLE, ids=[f"U+{ord(c[0]):04X}" for c in TROUBLE])
def test_ntriples_parse_in_rdflib_and_pyoxigraph_whatever_a_literal_holds(tmp_path, ch):
    title = f"快手{ch}京东"
    write_outputs(graph_with_title(title), tmp_path, formats=("nt", "turtle", "jsonld"), base=DEFAULT_BASE)
    nt = (tmp_path / "graph.nt").read_bytes()
    rdflib_titles = {
        str(o) for o in Graph().parse(data=nt.decode("utf-8"), format="nt").objects(None, None) if "快手" in o
    }
    oxigraph_titles = {
        q.object.value
        for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
        if isinstance(q.object, ox.Literal) and "快手" in q.object.value
    }
    assert title in rdflib_titles and title in oxigraph_titles
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        assert title in {str(o) for o in Graph().parse(tmp_path / name, format=fmt).objects()}


def test_outputs_are_all_written_or_none(tmp_path, monkeypatch):
    graph = kg.build_from_texts(["快手宣布与京东合作。"])
    formats = ("turtle", "nt", "json", "html")
    for name in ("graph.ttl", "graph.nt", "graph.json", "graph.html"):
        (tmp_path / name).write_text("before", encoding="utf-8")
    real, calls = os.fdopen, []

    def full_disk_on_the_third(fd, *args, **kwargs):
        calls.append(fd)
        if len(calls) == 3:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", full_disk_on_the_third)
    with pytest.raises(OutputError, match="No space left on device"):
        write_outputs(graph, tmp_path, formats=formats, base=DEFAULT_BASE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.json", "graph.nt", "graph.ttl"]
    assert all(p.read_text(encoding="utf-8") == "before" for p in tmp_path.iterdir())


def test_a_read_only_output_folder_is_a_one_line_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("快手宣布与京东合作。", encoding="utf-8")
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # as a read-only folder would (tests may run as root)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith(
        f"Error: {tmp_path / 'out'}: cannot write the outputs (Permission denied)"
    )
    assert list((tmp_path / "out").iterdir()) == []


def test_a_full_disk_under_a_store_is_a_one_line_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("快手宣布与京东合作。", encoding="utf-8")

    def full(self, *args, **kwargs):
        raise OSError("IO error: No space left on device: While appending to file: 000012.sst")

    monkeypatch.setattr(Store, "load_documents", full)
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--store", str(store)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {store}: cannot write to the store (IO error: No space left")


def test_a_base_iri_with_a_blank_is_refused():
    result = CliRunner().invoke(main, ["build", "-", "--base", "https://example.org/my kg/"], input="快手。")
    assert result.exit_code == 2 and "IRI base may not contain ' '" in result.output


def test_text_that_is_not_unicode_is_a_one_line_output_error(tmp_path):
    with pytest.raises(OutputError, match="not valid Unicode"):
        write_outputs(graph_with_title("快手\ud800"), tmp_path, formats=("json",), base=DEFAULT_BASE)
    assert list(tmp_path.iterdir()) == []


def test_literals_escape_in_nquads_too():
    from kg.export.rdf import nt_term

    value = "a\u2028b\x85c"
    line = f"<https://a/s> <https://a/p> {nt_term(Literal(value, lang='zh'))} <https://a/g> .\n"
    (quad,) = ox.parse(line.encode(), format=ox.RdfFormat.N_QUADS)
    assert quad.object.value == value
