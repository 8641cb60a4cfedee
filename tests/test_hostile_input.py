"""Hostile and unlucky input: one-line errors or warnings, never a traceback; every encoding kg documents; nothing
that is not text reaches the outputs (issue 11, cases 6 and 8)."""

import codecs
import json
import os

import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg
from kg.cli import main
from kg.ingest import document_from_text, iter_documents
from kg.ingest.decode import decode_bytes

TEXT = "快手2023年营收增长12%。\n京东宣布与小米合作，双方将共建3个仓库。\n"


def build(args):
    result = CliRunner().invoke(main, ["build", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_line_error(result) -> str:
    """The error line (warnings may come before it)."""
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: ") and all(line.startswith("warning: ") for line in lines[:-1])
    return lines[-1]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-16-le"),  # BOM-less UTF-16 with ASCII digits and line ends: NUL bytes in it
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),  # with a BOM, whose first bytes are UTF-16's
        TEXT.encode("utf-32-le"),
        TEXT.encode("utf-32-be"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"],
)
def test_wide_encodings_are_decoded(data):
    assert decode_bytes(data, "a.txt") == TEXT


@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_big5_is_decoded(encoding):
    text = "騰訊宣佈與網易達成合作，雙方將在深圳共建實驗室。"
    doc = document_from_text(decode_bytes(text.encode(encoding), "a.txt"))
    assert doc.text == text and doc.traditional and doc.norm.startswith("腾讯宣布与网易")


@pytest.mark.slow
def test_control_characters_never_reach_the_outputs(tmp_path):
    body = "快手宣布与京东合作。" * 1000  # NUL and ESC after the first 8 KiB, which decoding samples
    (tmp_path / "a.txt").write_text(body + "\x00\x1b[31m小米宣布与美团合作。\x7f\x9b", encoding="utf-8")
    result = build([tmp_path / "a.txt", "--out", tmp_path / "out", "--format", "nt,json"])
    assert result.exit_code == 0, result.output
    for name in ("graph.nt", "graph.json"):
        data = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert not any(ch in data for ch in "\x00\x1b\x7f\x9b")
    assert "小米" in (tmp_path / "out" / "graph.json").read_text(encoding="utf-8")


def test_a_symbolic_link_out_of_the_input_folder_is_skipped_with_a_warning(tmp_path):
    folder, outside = tmp_path / "in", tmp_path / "secret"
    folder.mkdir(), outside.mkdir()
    (folder / "a.txt").write_text("快手宣布与京东合作。", encoding="utf-8")
    (outside / "b.txt").write_text("小米宣布与美团合作。", encoding="utf-8")
    (folder / "b.txt").symlink_to(outside / "b.txt")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "c.txt").symlink_to(folder / "a.txt")  # inside: read
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    warnings = []
    docs = list(iter_documents([folder], warn=warnings.append))
    assert sorted(d.source for d in docs) == [str(folder / "a.txt"), str(folder / "c.txt")]
    assert sorted(w.split(":")[0] for w in warnings) == [
        f"skipped {folder / name}" for name in ("b.txt", "linked", "loop.txt")
    ]


def test_a_file_name_that_is_not_utf8_is_read_and_shown(tmp_path):
    (tmp_path / "good.txt").write_text("快手宣布与京东合作。", encoding="utf-8")
    name = os.fsdecode(b"\xff\xfe-news.txt")
    (tmp_path / name).write_text("小米宣布与美团合作。", encoding="utf-8")
    result = build([tmp_path, "--out", tmp_path / "out", "--format", "turtle,json"])
    assert result.exit_code == 0 and "2 document(s)" in result.output
    Graph().parse(tmp_path / "out" / "graph.ttl")
    assert "\ufffd\ufffd-news.txt" in (tmp_path / "out" / "graph.json").read_text(encoding="utf-8")


def test_a_page_the_html_parser_chokes_on_is_read(tmp_path):
    (tmp_path / "a.html").write_text(
        "<p>快手宣布与京东合作。</p><![foo[ x ]]><p>小米发布财报。</p>", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("京东宣布与美团合作。", encoding="utf-8")
    result = build([tmp_path, "--out", tmp_path / "out"])
    assert result.exit_code == 0 and "2 document(s)" in result.output


def test_a_bad_file_inside_a_folder_is_skipped_and_the_rest_built(tmp_path):
    (tmp_path / "a.txt").write_text("快手宣布与京东合作。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 40)
    result = build([tmp_path, "--out", tmp_path / "out"])
    assert result.exit_code == 0 and "1 document(s)" in result.output
    assert f"warning: skipped {tmp_path / 'b.txt'}: binary file" in result.output


@pytest.mark.parametrize("field", ["text", "title", "url", "id"])
def test_a_lone_surrogate_in_a_record_is_replaced_with_a_warning(tmp_path, field):
    record = {"text": "快手宣布与京东合作。", "title": "快手", "url": "https://e.x/1", "id": "n1"}
    line = json.dumps(record, ensure_ascii=True).replace(
        f'"{field}": "', f'"{field}": "\\ud800'
    )  # valid JSON, not valid Unicode
    (tmp_path / "news.jsonl").write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build([tmp_path / "news.jsonl", "--out", out, "--format", "turtle,nt,jsonld,json,html"])
    assert result.exit_code == 0, result.output
    assert f'news.jsonl:1: "{field}" holds a lone surrogate' in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "graph.html",
        "graph.json",
        "graph.jsonld",
        "graph.nt",
        "graph.ttl",
    ]  # no stray temporary file
    Graph().parse(out / "graph.nt", format="nt")


def test_a_five_thousand_digit_id_is_kept_as_written(tmp_path):
    digits = "7" * 5000
    (tmp_path / "news.jsonl").write_text(
        f'{{"id": {digits}, "text": "快手宣布与京东合作。"}}\n', encoding="utf-8"
    )
    graph = kg.build([tmp_path / "news.jsonl"])
    assert list(graph.documents) == [digits]


def test_deeply_nested_json_is_a_warning_and_the_rest_is_read(tmp_path):
    (tmp_path / "news.jsonl").write_text(
        "[" * 100_000 + "\n" + json.dumps({"text": "快手宣布与京东合作。"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    result = build([tmp_path / "news.jsonl", "--out", tmp_path / "out"])
    assert result.exit_code == 0 and "1 document(s)" in result.output
    assert "news.jsonl:1: JSON nested too deeply; line skipped" in result.output


@pytest.mark.parametrize(
    "record", [{"text": ["快手"]}, {"text": "快手宣布与京东合作。", "id": {"a": 1}}, {"text": "   "}]
)
def test_a_record_with_the_wrong_types_is_skipped_with_a_warning(tmp_path, record):
    (tmp_path / "news.jsonl").write_text(
        json.dumps(record) + "\n" + json.dumps({"text": "京东宣布合作。"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    warnings = []
    assert len(list(iter_documents([tmp_path / "news.jsonl"], warn=warnings.append))) == 1
    assert len(warnings) == 1 and warnings[0].startswith(f"{tmp_path / 'news.jsonl'}:1: ")


def test_a_document_over_the_size_limit_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "big.txt").write_text("快手宣布与京东合作。" * 200, encoding="utf-8")  # 6 KB
    (tmp_path / "small.txt").write_text("小米宣布与美团合作。", encoding="utf-8")
    result = build([tmp_path, "--out", tmp_path / "out", "--max-document-mb", "0.005"])
    assert result.exit_code == 0 and "1 document(s)" in result.output
    assert f"warning: {tmp_path / 'big.txt'}: 0.006 MB is over the limit of 0.005 MB" in result.output
    alone = build([tmp_path / "big.txt", "--out", tmp_path / "out2", "--max-document-mb", "0.005"])
    assert one_line_error(alone) == "Error: no article could be read from the inputs"


def test_a_file_far_over_the_size_limit_is_not_even_read(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 30_000)
    warnings = []
    assert not list(iter_documents([tmp_path], warn=warnings.append, max_document_mb=0.005))
    assert warnings == [
        f"skipped {tmp_path / 'big.txt'}: a 0.03 MB file is too large for one document (--max-document-mb 0.005)"
    ]


def test_bom_utf8_and_utf16_files_still_decode():
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode(), "a") == TEXT
    assert decode_bytes(TEXT.encode("utf-16"), "a") == TEXT
