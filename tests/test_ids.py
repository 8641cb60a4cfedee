"""No silent loss: document ids kept as given (reversibly encoded in IRIs), a reused id said out loud, JSON Lines
read record by record (issue 11, case 4)."""

import json
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg.corpus import build_store
from kg.store import Store
from kg.vocab import MAX_ID_IRI, Minter, encode_document_id

LONG = "https://news.example.com/2024/06/05/" + "a" * 60  # two URLs alike in their first 96 characters


def jsonl(path, *records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "ids",
    [
        ("news/1", "news:1"),
        ("news 1", "news_1"),
        (LONG + "/x", LONG + "/y"),
        ("a" * 300 + "1", "a" * 300 + "2"),
    ],
)
def test_ids_that_differ_stay_two_documents_in_files_and_in_stores(tmp_path, ids):
    path = jsonl(
        tmp_path / "news.jsonl",
        {"id": ids[0], "text": "快手宣布与京东合作。"},
        {"id": ids[1], "text": "小米宣布与美团合作。"},
    )
    warnings = []
    graph = kg.build([path], on_warning=warnings.append)
    assert sorted(graph.documents) == sorted(ids) and not warnings
    progress = build_store([path], tmp_path / "store")
    assert progress.added == 2
    with Store(tmp_path / "store", read_only=True) as store:
        assert len(store.documents()) == 2


def test_a_reused_id_with_another_text_is_a_warning_in_a_file_build(tmp_path):
    path = jsonl(
        tmp_path / "news.jsonl",
        {"id": "n1", "text": "快手宣布与京东合作。"},
        {"id": "n1", "text": "小米宣布与美团合作。"},
        {"id": "n1", "text": "快手宣布与京东合作。"},  # the same article again: nothing to say
    )
    warnings = []
    graph = kg.build([path], on_warning=warnings.append)
    assert [d.text for d in graph.documents.values()] == ["快手宣布与京东合作。"]
    assert warnings == [
        f"{path}:2: document id 'n1' is already used by {path}:1 for another text; "
        "this one is skipped (give each article its own id)"
    ]


def test_a_reused_id_replaces_the_document_in_a_store(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"id": "n1", "text": "快手宣布与京东合作。"})
    build_store([path], tmp_path / "store")
    path = jsonl(tmp_path / "b.jsonl", {"id": "n1", "text": "小米宣布与美团合作。"})
    assert build_store([path], tmp_path / "store").replaced == 1
    with Store(tmp_path / "store", read_only=True) as store:
        labels = {
            str(r[0]) for r in store.query("SELECT ?l WHERE { ?e kg:mentionedIn ?a ; rdfs:label ?l }").rows
        }
    assert "小米" in labels and "快手" not in labels


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1e"])
def test_a_record_whose_text_holds_a_unicode_line_separator_is_read_whole(tmp_path, separator):
    text = f"快手宣布与京东合作。{separator}小米宣布与美团合作。"
    path = jsonl(tmp_path / "news.jsonl", {"id": "n1", "text": text}, {"id": "n2", "text": "京东发布财报。"})
    warnings = []
    graph = kg.build([path], on_warning=warnings.append)
    assert sorted(graph.documents) == ["n1", "n2"] and not warnings
    assert "小米" in graph.documents["n1"].text


def test_crlf_json_lines_are_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes('{"id": "a", "text": "快手。"}\r\n{"text": "京东。"}\r\n'.encode())
    assert len(kg.build([path]).documents) == 2 and "a" in kg.build([path]).documents


@given(st.text(min_size=1, max_size=150).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)))
def test_an_id_is_encoded_reversibly_into_one_iri_segment(doc_id):
    encoded = encode_document_id(doc_id)
    assert unquote(encoded) == doc_id or len(encoded) > MAX_ID_IRI - 20
    assert "/" not in encoded and encoded not in (".", "..") and " " not in encoded
    iri = str(Minter().article(doc_id))
    assert iri.startswith("https://w3id.org/kg/id/article/")


@given(st.lists(st.text(min_size=1, max_size=400), min_size=2, max_size=2, unique=True))
def test_different_ids_give_different_iris(pair):
    a, b = (encode_document_id(x.encode("utf-8", "replace").decode("utf-8")) for x in pair)
    if pair[0].encode("utf-8", "replace") != pair[1].encode("utf-8", "replace"):
        assert a != b


def test_a_long_id_is_cut_with_a_hash_suffix():
    encoded = encode_document_id("x" * 1000)
    assert len(encoded) <= MAX_ID_IRI and "~" in encoded and encoded != encode_document_id("x" * 1001)


# Code points at the edges of RFC 3987's ucschar ranges: the tag characters before U+E1000, the last two of each
# plane, private use, specials, and their neighbours that an IRI may carry.
EDGES = [
    "\U000e0000",
    "\U000e0fff",
    "\U000e1000",
    "\U000efffd",
    "\U0001fffe",
    "\U0001fffd",
    "\ue000",
    "\ufff0",
]
EDGES += ["\ufdd0", "\ufdef", "\ufdf0", "\U0010fffd", "\x7f", "\xa0"]


@pytest.mark.parametrize("ch", EDGES, ids=[f"U+{ord(c):04X}" for c in EDGES])
def test_every_minted_iri_is_one_a_strict_parser_accepts(ch):
    minter = Minter()
    for iri in (minter.article("a" + ch), minter.entity("entity/org/快" + ch), minter.sentence(ch, 0)):
        ox.NamedNode(str(iri))  # pyoxigraph checks RFC 3987 and raises ValueError on a bad IRI


@given(st.text(min_size=1, max_size=40).filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s)))
def test_any_id_or_name_gives_an_iri_a_strict_parser_accepts(text):
    minter = Minter()
    ox.NamedNode(str(minter.article(text)))
    ox.NamedNode(str(minter.entity("entity/org/" + text)))
