"""The neural recogniser: features, the label constraints of its training data, the numpy forward pass against
PyTorch's, batching, and its place in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLE, SEED, fixture_articles
from helpers import model_shipped

from kg.config import BuildConfig
from kg.errors import KgError
from kg.ingest import document_from_text, iter_documents
from kg.pipeline import mentions_for
from kg.recognize.features import FEATURES, FeatureEncoder, Gazetteer, build_vocab
from kg.recognize.lexicon import load_lexicon
from kg.recognize.nn import (
    LABELS,
    MODEL_FILE,
    NnModelError,
    NnTagger,
    allowed_transitions,
    load_nn_tagger,
    read_model,
)
from kg.recognize.statistical import load_statistical
from kg.segment import get_segmenter

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


shipped = pytest.mark.skipif(not model_shipped(MODEL_FILE), reason="no neural model shipped")


def _items(texts: list[str]) -> list[tuple[str, list, int]]:
    segmenter = get_segmenter("rjieba")
    return [(t, segmenter.tokens(t), 0) for t in texts]


def _sentences(limit: int = 400) -> list[str]:
    """Sentences of our articles, the seed, and held-out training sentences (every tenth) of CLUENER2020."""
    out = []
    for path in [*fixture_articles(), EXAMPLE] + ([SEED] if SEED.exists() else []):
        for doc in iter_documents([path], warn=print):
            out += [doc.norm[s.start : s.end] for s in doc.sentences if s.end > s.start]
    train = DATASETS / "cluener2020" / "train.jsonl"
    if train.is_file():
        with train.open(encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for i, line in enumerate(fh) if i % 10 == 9]
    return out[:limit]


# --- features ---------------------------------------------------------------------------------------------------


def test_the_gazetteer_feature_marks_the_names_it_is_given():
    lexicon = load_lexicon()
    items = _items(["星澜科技与云帆机器人签约。", "没有名字的句子。"])
    gazetteer = Gazetteer.from_names([("星澜科技", "Company"), ("云帆机器人", "Company"), ("星", "Company")])
    vocab = build_vocab(items, lexicon, gazetteer, min_count=1)
    assert vocab.gazetteer == ("BCompany", "ICompany")  # a one-character name is no name
    encoder = FeatureEncoder(vocab)
    with_kb = encoder.encode(items, lexicon, gazetteer)
    without = encoder.encode(items, lexicon, None)
    marks = with_kb[:, FEATURES.index("gazetteer")]
    b, i = 2 + vocab.gazetteer.index("BCompany"), 2 + vocab.gazetteer.index("ICompany")
    assert marks[:13].tolist() == [b, i, i, i, 0, b, i, i, i, i, 0, 0, 0]
    assert not marks[13:].any()
    assert (np.delete(with_kb, FEATURES.index("gazetteer"), axis=1) == np.delete(without, 4, axis=1)).all()


def test_features_of_a_sentence_do_not_depend_on_its_batch():
    lexicon = load_lexicon()
    items = _items(["腾讯和阿里巴巴在深圳签约。", "王小川出席了论坛", "3G"])
    encoder = FeatureEncoder(build_vocab(items[:1], lexicon, None, min_count=1))
    together = encoder.encode(items, lexicon, None)
    alone = np.concatenate([encoder.encode([item], lexicon, None) for item in items])
    assert (together == alone).all() and together.shape == (sum(len(t) for t, _, _ in items), len(FEATURES))
    assert (together[len(items[0][0]) :, 0] == 1).all()  # characters the vocabulary lacks are unknown


# --- what the training data allows ------------------------------------------------------------------------------


def test_a_coarse_label_allows_each_fine_type_and_unmarked_types_stay_open():
    from kg.train_data import SCHEMES, allowed_labels

    # MSRA: 北京博爱医院 is an ORG (a company, an organisation or a government body); MSRA marks no titles
    allowed = allowed_labels(9, [{"start": 0, "end": 6, "type": "ORG"}], SCHEMES["msra_ner"])
    names = lambda row: {LABELS[j] for j in np.flatnonzero(row)}  # noqa: E731
    assert names(allowed[0]) == {"B-COM", "B-ORG", "B-GOV"}
    assert names(allowed[3]) == {"I-COM", "I-ORG", "I-GOV"}
    assert names(allowed[7]) == {"O", "B-TITLE", "I-TITLE"}
    # CLUENER marks every type: outside a span only O; a scenic spot is annotated, as nothing kg tags
    allowed = allowed_labels(6, [{"start": 2, "end": 6, "type": "scene"}], SCHEMES["cluener2020"])
    assert all(names(row) == {"O"} for row in allowed)
    # ... and a game is a product
    allowed = allowed_labels(6, [{"start": 2, "end": 6, "type": "game"}], SCHEMES["cluener2020"])
    assert names(allowed[2]) == {"B-PRO"} and names(allowed[0]) == {"O"}
    # Resume NER: a short ORG (本公司) may also be nothing
    allowed = allowed_labels(3, [{"start": 0, "end": 3, "type": "ORG"}], SCHEMES["resume_ner"])
    assert names(allowed[0]) == {"O", "B-COM", "B-ORG", "B-GOV"}


def test_bio_transitions_forbid_entering_a_span_in_the_middle():
    ok = allowed_transitions()
    at = LABELS.index
    assert ok[at("B-PER"), at("I-PER")] and ok[at("I-PER"), at("I-PER")] and ok[at("I-PER"), at("B-COM")]
    assert not ok[at("O"), at("I-PER")] and not ok[at("B-COM"), at("I-GOV")]


# --- the shipped model ------------------------------------------------------------------------------------------


@pytest.mark.slow  # imports PyTorch (training only) and runs both models: about 6 s
@shipped
def test_numpy_forward_pass_gives_the_spans_of_the_torch_model():
    pytest.importorskip("torch")
    from kg.recognize import nn as nn_module
    from kg.train_nn import decode, module_from_file

    lexicon, tagger = load_lexicon(), load_nn_tagger()
    texts = _sentences()
    items = _items(texts)
    ids = tagger.encoder.encode(items, lexicon, tagger.gazetteer)
    cuts = np.cumsum([len(t) for t in texts])[:-1]
    path = Path(nn_module.__file__).parent.parent / "data" / nn_module.MODEL_FILE
    theirs = decode(module_from_file(path), np.split(ids, cuts))
    ours = tagger.tag_batch(items, lexicon)
    from kg.recognize.crf import KG_TYPE

    assert [[s[:3] for s in spans] for spans in ours] == [
        [(a, b, KG_TYPE[t]) for a, b, t, _ in spans] for spans in theirs
    ]
    probs = [(x[3], y[3]) for a, b in zip(ours, theirs, strict=True) for x, y in zip(a, b, strict=True)]
    assert len(texts) >= 300 and len(probs) > 300  # the comparison covered real spans
    assert max(abs(x - y) for x, y in probs) < 1e-4


@pytest.mark.slow
@shipped
def test_a_batch_tags_each_sentence_as_it_would_be_tagged_alone():
    lexicon, tagger = load_lexicon(), load_nn_tagger()
    items = _items(_sentences(120))
    together = tagger.tag_batch(items, lexicon)
    alone = [tagger.tag(text, tokens, lexicon) for text, tokens, _ in items]
    assert together == alone and any(together)


@shipped
def test_tokens_may_carry_document_offsets():
    lexicon, tagger = load_lexicon(), load_nn_tagger()
    text = "王小川、周鸿祎和张朝阳出席了论坛。"
    shifted = get_segmenter("rjieba").tokens(text, offset=500)
    assert tagger.tag_batch([(text, shifted, 500), ("", [], 0)], lexicon) == [
        tagger.tag(text, get_segmenter("rjieba").tokens(text), lexicon),
        [],
    ]


@shipped
def test_the_model_alone_finds_names_no_rule_knows():
    doc = document_from_text("王小川、周鸿祎和张朝阳出席了论坛。")
    people = {m.text for m in mentions_for(doc, config=BuildConfig(model="nn-only")) if m.type == "Person"}
    assert {"王小川", "周鸿祎", "张朝阳"} <= people
    assert not {m.text for m in mentions_for(doc, config=BuildConfig(model="none")) if m.type == "Person"}


def test_two_companies_the_tagger_joins_across_a_conjunction_are_two_names():
    """星海机器人与锋泰电气: the tagger may read both and the 与 between them as one company (the segmenter glues 与 to
    the unknown name after it); they are two."""
    doc = document_from_text("星海机器人与锋泰电气的卖方订立股份转让协议。")
    names = {m.text for m in mentions_for(doc, config=BuildConfig()) if m.type == "Company"}
    assert {"星海机器人", "锋泰电气"} <= names and "星海机器人与锋泰电气" not in names


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    bad = tmp_path / "ner_nn.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip archive")
    with pytest.raises(NnModelError, match="ner_nn.npz"):
        read_model(bad)
    partial = tmp_path / "partial.npz"
    np.savez(partial, labels=np.array(LABELS))
    with pytest.raises(NnModelError, match="partial.npz"):
        NnTagger.from_file(partial)


@shipped
def test_a_model_file_given_by_its_path_tags_as_the_shipped_model(tmp_path):
    """--model FILE.npz: a model the user trained is used as the shipped one is (here, a copy of the shipped one)."""
    from importlib import resources

    from click.testing import CliRunner

    from kg.cli import main

    copy = tmp_path / "mine.npz"
    copy.write_bytes(resources.files("kg.data").joinpath(MODEL_FILE).read_bytes())
    doc = document_from_text("王小川、周鸿祎和张朝阳出席了论坛。")

    def spans(model: str) -> list[tuple]:
        return [
            (m.start, m.end, m.type, m.source) for m in mentions_for(doc, config=BuildConfig(model=model))
        ]

    assert spans(str(copy)) == spans("nn") and any(source == "nn" for *_, source in spans("nn"))
    with pytest.raises(KgError, match="missing.npz: no such model file"):
        load_statistical(str(tmp_path / "missing.npz"))
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "--model", str(tmp_path / "missing.npz"), "-o", str(tmp_path / "g.ttl")]
    )
    assert result.exit_code != 0 and "missing.npz: no such model file" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_an_unknown_model_names_the_choices():
    with pytest.raises(KgError, match="crf, nn, crf-only, nn-only, none"):
        load_statistical("bert")


def test_the_knowledge_base_files_give_names_aliases_and_kinds(tmp_path):
    from kg.recognize.nn import kb_names

    (tmp_path / "organizations.tsv").write_text(
        "# kg knowledge base: organisations\n"
        "# kb_id\tname\ttype\taliases\tids\tflags\tsources\n"
        "cn:stock:1\t星澜科技\tCompany\t星澜科技股份有限公司|Xinglan\tstock=1\tlisted\tlist_a\n"
        "kg:2\t长安\tCompany\t\t\tambiguous\tlist_b\n"
        "kg:3\t示例市教育局\tGovernmentOrganization\t\t\t\tlist_c\n",
        encoding="utf-8",
    )
    (tmp_path / "people.tsv").write_text(
        "# kb_id\tname\torg_kb_id\ttitle\tids\tsources\nkg:p:1\t白嘉乐\tcn:stock:1\t董事\t\tlist_a\n",
        encoding="utf-8",
    )
    names, note = kb_names(tmp_path)
    assert names == [
        ("星澜科技", "Com"),
        ("星澜科技股份有限公司", "Com"),
        ("Xinglan", "Com"),
        ("长安", "Com?"),  # also an ordinary word: a kind of its own
        ("示例市教育局", "Gov"),
        ("白嘉乐", "Per"),
    ]
    assert "organizations.tsv 5 names" in note and "people.tsv 1 names" in note
    assert kb_names(tmp_path / "absent") == ([], "none")


def test_gazetteer_matches_the_longest_name_and_respects_latin_word_edges():
    gazetteer = Gazetteer.from_names([("JD", "Com"), ("京东", "Com"), ("京东集团", "Com"), ("东集", "Org")])
    text = "JDX和JD、京东集团以及京东"
    assert [(text[s:e], k) for s, e, k in gazetteer.spans(text)] == [
        ("JD", "Com"),
        ("京东集团", "Com"),
        ("京东", "Com"),
    ]


def test_the_real_text_dev_split_trains_with_every_occurrence_of_its_gold_names(tmp_path):
    from kg.train_data import REALTEXT, allowed_labels, realtext_records

    gold = {
        "entities": [
            {"name": "青禾科技", "type": "Company", "aliases": ["青禾"]},
            {"name": "星澜笔记", "type": "Product"},
            {"name": "林海", "type": "Person"},
        ],
        "relations": [],
    }
    rows = [
        {
            "id": "a",
            "split": "dev",
            "text": "青禾科技推出星澜笔记。林海说，青禾的星澜笔记很好用。",
            "gold": gold,
        },
        {"id": "b", "split": "test", "text": "远川科技发布新品。", "gold": {"entities": [], "relations": []}},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    records = list(realtext_records(path))
    assert [r["text"] for r in records] == [
        "青禾科技推出星澜笔记。",
        "林海说，青禾的星澜笔记很好用。",
    ]  # no test text
    spans = [{(r["text"][e["start"] : e["end"]], e["type"]) for e in r["entities"]} for r in records]
    assert spans[0] == {("青禾科技", "Company"), ("星澜笔记", "Product")}
    assert spans[1] == {("林海", "Person"), ("青禾", "Company"), ("星澜笔记", "Product")}
    names = lambda row: {LABELS[j] for j in np.flatnonzero(row)}  # noqa: E731
    allowed = allowed_labels(len(records[0]["text"]), records[0]["entities"], REALTEXT)
    assert names(allowed[6]) == {"B-PRO"}  # 星澜笔记: a product
    assert names(allowed[10]) == {
        "O",
        "B-TITLE",
        "I-TITLE",
        "B-LOC",
        "I-LOC",
    }  # 。: titles and places unmarked
