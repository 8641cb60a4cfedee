"""Ingest: decoding, HTML, page chrome, repeats, sentences with offsets, JSON Lines, bad input."""

import codecs
import json

import pytest
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import RawRecord, document_from_text, iter_documents, make_document
from kg.ingest.decode import decode_bytes

TEXT = "快手宣布与京东合作。创始人宿华表示：“我们很满意。这是好事。”随后发布内部信！"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
)
def test_decodes_every_supported_encoding(data):
    assert decode_bytes(data, "a.txt") == TEXT


def test_binary_is_refused_with_the_file_name():
    with pytest.raises(InputError, match=r"^x\.bin: binary file"):
        decode_bytes(bytes(range(256)) * 20, "x.bin")


def test_undecodable_bytes_are_refused_not_guessed():
    data = "正常的开头。".encode() + b"\xff\xfe\xfa\x80\x81" * 50
    with pytest.raises(InputError, match="not UTF-8, GB18030, Big5, UTF-16 or UTF-32"):
        decode_bytes(data, "bad.txt")


def test_sentences_keep_offsets_and_quotes_whole():
    doc = document_from_text(TEXT)
    texts = [s.text for s in doc.sentences]
    assert texts == ["快手宣布与京东合作。", "创始人宿华表示：“我们很满意。这是好事。”随后发布内部信！"]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_source_offsets_point_into_the_raw_input():
    raw = "标题行\n\n  第一段。第二句。\n"
    doc = document_from_text(raw)
    for s in doc.sentences:
        assert raw[s.source_start : s.source_start + len(s.text)] == s.text


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is read from ../shared/seed when present")
def test_seed_chrome_and_repeated_body_are_removed():
    doc = document_from_text(SEED.read_text(encoding="utf-8"))
    assert "扫一扫" not in doc.text and "暂无评论" not in doc.text and "可灵AI" not in doc.text
    assert doc.text.count("创始人宿华、程一笑发布内部信") == 1
    assert doc.title == "快手电商提速前,最需要解决的问题是什么?"


def test_html_is_stripped_and_scripts_dropped():
    html = (
        "<html><head><title>标题</title><script>var a='快手';</script></head><body><nav>首页 > 科技</nav>"
        "<p>京东宣布与&nbsp;快手合作。</p><div>第二段&amp;结尾。</div><footer>版权所有</footer></body></html>"
    )
    record = RawRecord("a.html", *_html(html))
    doc = make_document(record)
    assert doc.title == "标题"
    assert "var a" not in doc.text and "首页" not in doc.text and "版权" not in doc.text
    assert "京东宣布与 快手合作。" in doc.text and "第二段&结尾。" in doc.text


def _html(markup):
    from kg.ingest.html import html_to_text

    text, meta = html_to_text(markup)
    return text, "html", meta.get("title")


def test_traditional_text_is_detected_and_normalised_for_recognition():
    doc = document_from_text("騰訊宣佈與網易達成合作。")
    assert (
        doc.traditional and doc.norm == "腾讯宣布与网易达成合作。" and doc.text == "騰訊宣佈與網易達成合作。"
    )


def test_full_width_letters_are_folded_in_norm_only():
    doc = document_from_text("ＱｕｅｓｔＭｏｂｉｌｅ数据显示，用户增长。")
    assert doc.norm.startswith("QuestMobile") and doc.text.startswith("Ｑｕｅｓｔ")


def test_jsonl_malformed_line_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps({"text": "快手宣布与京东合作。", "title": "一"}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": "京东发布财报。", "url": "https://e.x/1"})
        + "\n",
        encoding="utf-8",
    )
    warnings = []
    docs = list(iter_documents([path], warn=warnings.append))
    assert [d.title for d in docs] == ["一", None]
    assert warnings[0].startswith(f"{path}:2: malformed JSON") and warnings[1].startswith(
        f"{path}:3: no non-empty"
    )


@pytest.mark.parametrize(
    "content,problem",
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x00\x01\x02" * 100, "binary file")],
)
def test_bad_files_raise_one_line_errors(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        list(iter_documents([path], warn=lambda m: None))
    assert str(info.value) == f"{path}: {problem}" or str(info.value).startswith(f"{path}: {problem}")
    assert "\n" not in str(info.value)


def test_bad_file_inside_a_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text("快手宣布与京东合作。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    warnings = []
    docs = list(iter_documents([tmp_path], warn=warnings.append))
    assert len(docs) == 1 and "empty.txt: empty file" in warnings[0]


def test_missing_path_is_an_error():
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_documents(["/nonexistent/x.txt"], warn=lambda m: None))


@pytest.mark.slow
def test_ten_megabyte_single_line_is_split_into_bounded_sentences():
    line = "快手与京东合作推进直播电商，双方共享流量" * 500_000  # 10 million characters, no sentence end
    doc = document_from_text(line)
    assert len(doc.text) == len(line)
    assert max(s.end - s.start for s in doc.sentences) <= 1000
    assert doc.sentences[-1].end == len(line)


def _split_by_character(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence splitter's rule, one character at a time: the reference for the fast splitter."""
    from kg.ingest.sentences import _CLOSERS, _ENDERS, _MAX_QUOTE, _OPEN

    spans, stack, sent_start, i = [], [], start, start
    while i < end:
        ch = text[i]
        if stack and ch == stack[-1][0]:
            stack.pop()
        elif ch in _OPEN:
            stack.append((_OPEN[ch], i))
        if stack and i - stack[0][1] > _MAX_QUOTE:
            stack.clear()
        if ch in _ENDERS and not stack:
            j = i + 1
            while j < end and (text[j] in _ENDERS or text[j] in _CLOSERS):
                j += 1
            spans.append((sent_start, j))
            sent_start = i = j
            continue
        i += 1
    return spans + ([(sent_start, end)] if sent_start < end else [])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["快手", "。", "！", "“", "”", "（", "）", "《", "》", "‘", "a", "!", "…", "x" * 150]
        ),
        max_size=40,
    )
)
def test_the_fast_sentence_splitter_cuts_where_the_character_rule_does(pieces):
    from kg.ingest.sentences import _cap, _split_span

    text = "".join(pieces)
    expected = []
    for s, e in (piece for span in _split_by_character(text, 0, len(text)) for piece in _cap(text, *span)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            expected.append((s, e))
    assert _split_span(text, 0, len(text)) == expected


def test_a_list_item_that_ends_its_sentence_is_prose_a_short_link_is_not():
    """• 净营收较上年同期增长1%，至5.614亿美元。 is a line of the article; • 谁是下一个独角兽 under 相关阅读 is a link."""
    doc = document_from_text(
        "新浪公布了第三季度财报。\n\n• 净营收较上年同期增长1%，至5.614亿美元。\n\n相关阅读\n\n• 谁是下一个独角兽"
    )
    texts = [s.text for s in doc.sentences]
    assert any("5.614亿美元" in t for t in texts)
    assert not any("独角兽" in t for t in texts)
