"""The numpy CRF decoder against crfsuite's own tagger, batching, and the model-file reader."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, SEED, fixture_articles
from helpers import model_shipped

from kg.config import BuildConfig
from kg.ingest import document_from_text, iter_documents
from kg.pipeline import extract, extract_many
from kg.recognize.crf import KG_TYPE, MODEL_FILE, CrfTagger, features, load_tagger, spans
from kg.recognize.crfmodel import ModelFormatError, read_model
from kg.recognize.lexicon import load_lexicon
from kg.segment import get_segmenter

pytestmark = pytest.mark.skipif(not model_shipped(MODEL_FILE), reason="no model file shipped")


def _sentences() -> list[tuple[str, list]]:
    """Every sentence of our articles (and the seed, when present) with its tokens from offset 0."""
    paths = [*fixture_articles(), EXAMPLE] + ([SEED] if SEED.exists() else [])
    segmenter, out = get_segmenter("rjieba"), []
    for path in paths:
        for doc in iter_documents([path], warn=print):
            for sent in doc.sentences:
                text = doc.norm[sent.start : sent.end]
                if text:
                    out.append((text, segmenter.tokens(text)))
    return out


def _model_path() -> str:
    from importlib import resources

    return str(resources.files("kg.data").joinpath("ner.crfsuite"))


def test_numpy_decoding_gives_crfsuites_labels_and_marginals():
    pycrfsuite = pytest.importorskip("pycrfsuite")
    reference = pycrfsuite.Tagger()
    reference.open(_model_path())
    lexicon, tagger = load_lexicon(), load_tagger()
    sentences = _sentences()
    got = tagger.tag_batch([(text, tokens, 0) for text, tokens in sentences], lexicon)
    labelled = 0
    for (text, tokens), ours in zip(sentences, got, strict=True):
        labels = reference.tag(features(text, tokens, lexicon))
        probs = [reference.marginal(label, i) if label != "O" else 1.0 for i, label in enumerate(labels)]
        theirs = [(s, e, KG_TYPE[k], p) for s, e, k, p in spans(labels, probs) if k in KG_TYPE]
        assert [x[:3] for x in ours] == [x[:3] for x in theirs], text
        assert all(abs(a[3] - b[3]) < 1e-9 for a, b in zip(ours, theirs, strict=True)), text
        labelled += len(theirs)
    assert len(sentences) > 50 and labelled > 50  # the comparison covered real spans


def test_a_batch_tags_each_sentence_as_it_would_be_tagged_alone():
    lexicon, tagger = load_lexicon(), load_tagger()
    sentences = _sentences()[:60]
    together = tagger.tag_batch([(text, tokens, 0) for text, tokens in sentences], lexicon)
    alone = [tagger.tag(text, tokens, lexicon) for text, tokens in sentences]
    assert together == alone and any(together)


def test_tokens_may_carry_document_offsets():
    lexicon, tagger = load_lexicon(), load_tagger()
    text = "王小川、周鸿祎和张朝阳出席了论坛。"
    tokens = get_segmenter("rjieba").tokens(text)
    shifted = get_segmenter("rjieba").tokens(text, offset=500)
    assert tagger.tag_batch([(text, shifted, 500)], lexicon) == [tagger.tag(text, tokens, lexicon)]


@pytest.mark.slow
def test_extracting_documents_together_changes_nothing():
    docs = list(iter_documents(fixture_articles(), warn=print))
    docs.append(document_from_text(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE)))
    assert extract_many(docs) == [extract(doc) for doc in docs]
    assert extract_many(docs, config=BuildConfig(model="none")) == [
        extract(d, config=BuildConfig(model="none")) for d in docs
    ]


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    with pytest.raises(ModelFormatError):
        read_model(b"not a model at all, just some bytes long enough for a header")
    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(b"lCRF" + b"\0" * 60)
    with pytest.raises(ModelFormatError, match="ner.crfsuite"):
        CrfTagger.from_file(str(bad))
