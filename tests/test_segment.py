"""The fast engine (rjieba) against the reference (jieba): offsets exact, and the same graph on our articles."""

import pytest
from conftest import EXAMPLE, SEED, fixture_articles

import kg
from kg.config import BuildConfig
from kg.errors import KgError
from kg.segment import Segmenter, get_segmenter


@pytest.mark.parametrize("engine", ["rjieba", pytest.param("jieba", marks=pytest.mark.slow)])
def test_tokens_rebuild_the_text_with_offsets(engine):
    text = "快手电商运营负责人白嘉乐在快手公开课上表示，QuestMobile数据显示52%的用户来自三线城市。"
    tokens = get_segmenter(engine).tokens(text, offset=10)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start - 10 : t.end - 10] == t.word for t in tokens)


def test_lexicon_words_come_out_whole():
    words = get_segmenter("rjieba").words("京东宣布与快手、抖音合作")
    assert {"京东", "快手", "抖音"} <= set(words)


def test_unknown_engine_names_the_choices():
    with pytest.raises(KgError, match="choose one of: rjieba, jieba"):
        Segmenter("thulac")


def _graph_summary(engine: str, paths):
    graph = kg.build(paths, config=BuildConfig(segmenter=engine))
    entities = {(e.id, e.type, e.aliases) for e in graph.entities()}
    facts = {(f.subject, f.predicate, f.object, f.qualifiers) for f in graph.facts()}
    figures = {(f.id, f.value, f.measure, f.about) for f in graph.figures()}
    return entities, facts, figures


@pytest.mark.slow
def test_fast_engine_builds_the_same_graph_as_jieba():
    paths = [*fixture_articles(), EXAMPLE] + ([SEED] if SEED.exists() else [])
    assert _graph_summary("rjieba", paths) == _graph_summary("jieba", paths)
