"""Bounded work: every per-document stage grows linearly with the document, measured as lines of kg code run
(``helpers.work``), which is the same on every machine; time and memory are in benchmarks/big_documents.py."""

import pytest
from helpers import model_shipped, work

from kg import pipeline
from kg.figures import find_figures
from kg.ingest import document_from_text
from kg.ingest.html import html_to_text
from kg.recognize import tag_documents
from kg.recognize.crf import MODEL_FILE, load_tagger
from kg.recognize.lexicon import load_lexicon
from kg.relate import assign_about, relate
from kg.resolve import resolve
from kg.segment import get_segmenter

pytestmark = pytest.mark.slow  # each test times a stage at several document sizes

# A doubling of the input may at most multiply the work by this (linear is 2, quadratic 4).
PER_DOUBLING = 2.3
# Sentences dense in names, dates and figures: where a scan of all mentions per figure (or per tagger span, or
# per sentence) would show first. Numbers vary so that no two sentences are the same.
SENTENCE = "{y}年{m}月，快手日活跃用户数达到{a}亿，京东营收增长{b}%，张勇表示阿里巴巴将投资{c}万元。"


def article(n: int, first: int = 0) -> str:
    return "".join(
        SENTENCE.format(y=2000 + i % 24, m=i % 12 + 1, a=i % 9 + 1, b=i % 90 + 2, c=i % 700 + 10)
        for i in range(first, first + n)
    )


def stages(n: int) -> dict:
    """The inputs of each stage for an article of ``n`` sentences, computed untraced."""
    doc = document_from_text(article(n))
    mentions = pipeline.mentions_for(doc)
    lexicon = load_lexicon()
    figures = find_figures(doc, mentions, lexicon=lexicon)
    _, entity_of = resolve(doc, mentions, lexicon=lexicon)
    figures = assign_about(doc, figures, mentions, entity_of)
    return {"doc": doc, "mentions": mentions, "figures": figures, "entity_of": entity_of, "lexicon": lexicon}


def _recognize(s):
    pipeline.mentions_for(s["doc"])


def _figures(s):
    find_figures(s["doc"], s["mentions"], lexicon=s["lexicon"])


def _about(s):
    assign_about(s["doc"], s["figures"], s["mentions"], s["entity_of"])


def _relate(s):
    relate(s["doc"], s["mentions"], s["entity_of"], s["figures"], lexicon=s["lexicon"])


def _sentence_lookup(s):
    doc = s["doc"]
    for offset in range(0, len(doc.text), 10):  # as figures do: lookups grow with the document
        doc.sentence_at(offset)


@pytest.fixture(scope="module")
def small_and_large():
    return stages(60), stages(240)


@pytest.mark.parametrize(
    "stage",
    [_recognize, _figures, _about, _relate, _sentence_lookup],
    ids=[
        "recognize: tagger spans vs rule mentions",
        "figures: dates",
        "about: figures vs mentions",
        "relate: sentences",
        "Document.sentence_at",
    ],
)
def test_each_stage_grows_linearly_with_the_document(small_and_large, stage):
    small, large = small_and_large  # four times the sentences, mentions and figures
    assert len(large["figures"]) >= 3.5 * len(small["figures"]) > 0
    stage(small)  # loads what is loaded once (rules, lexicon): not part of the growth
    ratio = work(stage, large) / work(stage, small)
    assert ratio <= PER_DOUBLING**2, f"4x the input cost {ratio:.1f}x the work"


def test_stray_html_end_tags_cost_constant_work_each():
    def page(n: int) -> str:
        return "<html><body>" + "<div>" * n + "<p>快手宣布与京东合作。</p>" + "</span>" * n + "</body></html>"

    html_to_text(page(10))
    small, large = work(html_to_text, page(1000)), work(html_to_text, page(4000))
    assert large / small <= PER_DOUBLING**2
    assert html_to_text(page(1000))[0] == "快手宣布与京东合作。"


@pytest.mark.skipif(not model_shipped(MODEL_FILE), reason="no model file shipped")
def test_a_long_document_is_tagged_in_parts_with_the_same_spans(monkeypatch):
    doc = document_from_text(article(120))
    tokens = get_segmenter("rjieba").tokens(doc.norm)
    whole = tag_documents(load_tagger(), [(doc, tokens)], load_lexicon())
    import kg.recognize as recognize

    monkeypatch.setattr(recognize, "TAG_PART", 200)  # a few sentences per part
    assert tag_documents(load_tagger(), [(doc, tokens)], load_lexicon()) == whole
    assert whole[0]


def test_a_long_document_is_recognised_in_parts_with_its_own_offsets(monkeypatch):
    from kg import parts

    doc = document_from_text("\n".join(article(6, 6 * k) for k in range(10)))  # ten paragraphs
    whole = pipeline.mentions_for(doc)
    monkeypatch.setattr(parts, "PART_CHARS", 700)
    pieces = parts.split(doc)
    assert len(pieces) > 3 and all(len(p.doc.text) <= 700 for p in pieces)
    assert all(
        p.doc.sentences[0].paragraph != pieces[i].doc.sentences[-1].paragraph
        for i, p in enumerate(pieces[1:])
    )
    in_parts = pipeline.mentions_for(doc)
    for m in in_parts:
        sentence = doc.sentences[m.sentence]
        assert doc.text[m.start : m.end] == m.text and sentence.start <= m.start < sentence.end
    assert {(m.start, m.end, m.type, m.key) for m in in_parts} == {
        (m.start, m.end, m.type, m.key) for m in whole
    }


def test_divisions_and_their_own_names_cost_linear_work():
    """Each division named after its company is looked for by its own name in one pass over the text for all of
    them, however many distinct divisions the document names."""
    chars = "青禾锋泰远澜星桥云帆海岳"

    def units_article(n: int) -> str:
        names = [a + b + c for a in chars for b in chars for c in chars if len({a, b, c}) == 3]
        return "".join(f"华为{names[i]}事业部总经理表示，{names[i]}事业部营收增长。" for i in range(n))

    small, large = document_from_text(units_article(60)), document_from_text(units_article(240))
    pipeline.mentions_for(small)
    units = [m for m in pipeline.mentions_for(small) if m.type == "BusinessUnit"]
    assert len({m.key for m in units}) == 60 and len(units) == 120  # each division, and its own name once
    ratio = work(pipeline.mentions_for, large) / work(pipeline.mentions_for, small)
    assert ratio <= PER_DOUBLING**2, f"4x the input cost {ratio:.1f}x the work"
