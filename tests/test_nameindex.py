"""The name index finds exactly the spans the lexicon's regular expression finds."""

import json
import random

import pytest
from conftest import EXAMPLE, ROOT, SEED, fixture_articles

from kg.recognize.lexicon import load_lexicon
from kg.recognize.nameindex import NameIndex


def regex_spans(lexicon, text):
    return [m.span() for m in lexicon.name_pattern.finditer(text)]


def test_same_spans_as_the_pattern_on_articles():
    lexicon = load_lexicon()
    texts = [p.read_text(encoding="utf-8") for p in [*fixture_articles(), EXAMPLE]]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    found = 0
    for text in texts:
        spans = lexicon.name_spans(text)
        assert spans == regex_spans(lexicon, text)
        found += len(spans)
    assert found > 50  # the articles do name known companies (69 in the fixtures and the example alone)


def test_same_spans_on_text_made_of_names_and_pieces_of_names():
    """Names run together, cut short, glued to Latin letters and digits, in both scripts: where the longest name,
    the Latin guards and going on after a match decide, the two agree."""
    lexicon = load_lexicon()
    rng = random.Random(7)
    names = sorted(lexicon.names)
    glue = "abcXYZ019 ，。的了公司集团科技-&.\ud800"
    for _ in range(1000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.5:
                name = rng.choice(names)
                parts.append(name[: rng.randint(1, len(name))] if rng.random() < 0.3 else name)
            else:
                parts.append("".join(rng.choice(glue) for _ in range(rng.randint(0, 3))))
        text = "".join(parts)
        assert lexicon.name_spans(text) == regex_spans(lexicon, text), text


def test_longest_name_wins_and_latin_names_need_clear_edges():
    index = NameIndex.build(
        ["小米", "小米集团", "京东", "JD", "JD Health"], r"(?<![A-Za-z0-9])(?:JD Health|JD)(?![A-Za-z0-9])"
    )
    text = "小米集团与京东、JDX、JD Health和JD合作，小米粥"
    assert [text[s:e] for s, e in index.spans(text)] == ["小米集团", "京东", "JD Health", "JD", "小米"]
    assert index.spans("") == [] and index.spans("小") == []


@pytest.mark.slow  # the whole corpus: about ten seconds
def test_same_spans_on_the_real_text_corpus():
    lexicon = load_lexicon()
    with (ROOT / "benchmarks" / "realtext" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            assert lexicon.name_spans(text) == regex_spans(lexicon, text)
