"""The learned relation scorer: its forward pass, its candidates and features, and how it joins the rules."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.config import BuildConfig
from kg.errors import KgError
from kg.ingest import document_from_text
from kg.pipeline import extract_many
from kg.relate.features import FAMILIES, Candidate, SentenceSlots, Slot, candidates, hashed, pair_features
from kg.relate.scorer import RelationScorer, ScorerModel, load_scorer, read_model, save_model
from kg.relate.trainset import Annotated, Gold, labelled_examples, read_realtext, read_relation_set

MODEL = Path(kg.__file__).parent / "data" / "relscore.npz"


@pytest.fixture(scope="module")
def scorer() -> RelationScorer:
    found = load_scorer("default")
    assert found is not None
    return found


def _sample(scorer: RelationScorer) -> list[dict]:
    sample = scorer.model.meta["check_sample"]
    assert len(sample) >= 12 and {s["family"] for s in sample} == {f.name for f in scorer.model.families}
    return sample


# --- the shipped model ---------------------------------------------------------------------------------------
def test_forward_pass_matches_the_trainers_predictions(scorer):
    """The numpy forward pass over the stored features gives the probabilities the trainer computed (scipy, float64
    weights; the shipped ones are float16), and the same best label."""
    for item in _sample(scorer):
        row = hashed(item["features"], scorer.model.dim)
        probs = scorer.model.probabilities(item["family"], [row])[0]
        assert np.allclose(probs, item["probabilities"], atol=0.02), item["text"]
        assert probs.argmax() == int(np.argmax(item["probabilities"]))


def test_forward_pass_is_deterministic(scorer):
    rows = [hashed(item["features"], scorer.model.dim) for item in _sample(scorer)]
    families = [item["family"] for item in _sample(scorer)]
    first = [scorer.model.probabilities(f, [r]) for f, r in zip(families, rows, strict=True)]
    second = [scorer.model.probabilities(f, [r]) for f, r in zip(families, rows, strict=True)]
    assert all((a == b).all() for a, b in zip(first, second, strict=True))
    batch = scorer.model.probabilities(
        "org_org", [r for f, r in zip(families, rows, strict=True) if f == "org_org"]
    )
    single = np.concatenate([x for f, x in zip(families, first, strict=True) if f == "org_org"])
    assert np.allclose(batch, single)


def test_features_at_run_time_are_those_of_training(scorer):
    """Rebuilt from the stored sentence, a candidate has the features it was trained with (vocabulary cues and
    job titles aside: they follow kg/data/words.toml and the lexicon, which may have grown since)."""

    def plain(features):
        return [f for f in features if not f.startswith(("cue:", "title:"))]

    for item in _sample(scorer):
        sentence = SentenceSlots(item["text"], tuple(Slot(*s) for s in item["slots"]))
        cand = Candidate(item["family"], item["a"], item["b"])
        ruled = {entity: tuple(preds) for entity, preds in item["ruled"]}
        feats = pair_features(sentence, cand, scorer.cues.find(sentence.text), ruled)
        assert plain(feats) == plain(item["features"])


def test_model_file_round_trip_is_byte_identical(scorer, tmp_path):
    save_model(scorer.model, tmp_path / "a.npz")
    again = read_model(tmp_path / "a.npz")
    save_model(again, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert again.thresholds == scorer.model.thresholds and again.name == scorer.model.name


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_a_file_that_is_no_model_is_a_one_line_error(tmp_path, content):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(content)
    with pytest.raises(KgError, match=r"bad\.npz: not a kg relation model"):
        read_model(bad)


def test_cli_refuses_a_bad_relation_model_before_reading_articles(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"junk")
    article = tmp_path / "a.txt"
    article.write_text("小米与美团签署合作协议。", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(article), "--out", str(tmp_path / "out"), "--relation-model", str(bad)]
    )
    assert result.exit_code == 1
    assert "bad.npz: not a kg relation model" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


# --- candidates -------------------------------------------------------------------------------------------------
def _slots(text: str, *spans: tuple[str, str]) -> SentenceSlots:
    slots, pos = [], 0
    for name, code in spans:
        start = text.index(name, pos)
        slots.append(Slot(start, start + len(name), code, f"e/{name}", name))
        pos = start + len(name)
    return SentenceSlots(text, tuple(slots))


def test_candidates_pair_entities_whose_types_fit_a_family():
    s = _slots(
        "张伟出任星河科技总裁，公司总部位于杭州，成立于2015年。",
        ("张伟", "P"),
        ("星河科技", "O"),
        ("杭州", "L"),
        ("2015年", "D"),
    )
    found = {
        (c.family, s.slots[c.a].text, s.slots[c.b].text)
        for c in candidates(s, FAMILIES, max_between=4, max_distance=60)
    }
    assert found == {
        ("person_org", "张伟", "星河科技"),
        ("org_place", "星河科技", "杭州"),
        ("org_date", "星河科技", "2015年"),
    }


def test_a_date_without_a_year_and_a_pair_of_one_entity_are_no_candidates():
    s = SentenceSlots(
        "星河科技于3月宣布，星河科技将扩张。",
        (
            Slot(0, 4, "O", "org/星河科技", "星河科技"),
            Slot(5, 7, "D", "date/3月", "3月"),
            Slot(10, 14, "O", "org/星河科技", "星河科技"),
        ),
    )
    assert candidates(s, FAMILIES, max_between=4, max_distance=60) == []


def test_features_see_words_between_order_and_cues(scorer):
    s = _slots("星河科技拟收购蓝海集团。", ("星河科技", "O"), ("蓝海集团", "O"))
    cand = candidates(s, FAMILIES, max_between=4, max_distance=60)[0]
    feats = pair_features(s, cand, scorer.cues.find(s.text), {"e/星河科技": ("partner",)})
    assert "bw:>拟收购" in feats and "types:OO>" in feats and "ruled_a:partner" in feats
    assert "cue:acquire_verb@b" in feats and "cue:plan_marker@b" in feats


# --- with the rules --------------------------------------------------------------------------------------------
def _forced(scorer: RelationScorer) -> RelationScorer:
    """The shipped model with every threshold at zero: it relates every candidate pair it can."""
    model = dataclasses.replace(
        scorer.model, thresholds={f.name: 0.0 for f in scorer.model.families}, label_thresholds={}
    )
    return RelationScorer(model, scorer.lexicon)


def _relations(text: str, scorer: RelationScorer | None):
    from kg.pipeline import mentions_for_many
    from kg.relate import relate
    from kg.resolve import resolve

    doc = document_from_text(text, source="<test>")
    mentions = mentions_for_many([doc])[0]
    entities, entity_of = resolve(doc, mentions)
    label = {e.id: e.label for e in entities}
    return doc, label, relate(doc, mentions, entity_of, scorer=scorer)


def test_a_clear_wording_the_rules_miss_gets_a_model_relation_with_evidence(scorer):
    text = "据悉，腾讯那年斥资20亿元入股京东。"
    _, label, rules_only = _relations(text, None)
    assert not rules_only, "the rules do not read 那年斥资…入股 (if they now do, pick another wording)"
    doc, label, found = _relations(text, scorer)
    (rel,) = found
    assert (label[rel.subject], rel.predicate, label[rel.object]) == ("腾讯", "investsIn", "京东")
    assert rel.rule == "model:relscore" and scorer.model.thresholds["org_org"] <= rel.confidence <= 1
    assert doc.text[rel.evidence.start : rel.evidence.end] == "腾讯那年斥资20亿元入股京东"
    assert rel.evidence.text == doc.sentences[rel.evidence.sentence].text


def test_scorer_leaves_alone_what_a_rule_linked_through_a_name(scorer):
    """李宁入驻抖音电商: the rule relates 李宁 to the platform 抖音; 抖音电商, named after it, is no new pair."""
    _, label, found = _relations("李宁入驻抖音电商后销量大增。", scorer)
    got = {(label[r.subject], r.predicate, r.object, r.rule) for r in found}
    assert ("李宁", "sellsOn", "org/抖音", "joined_platform") in got
    assert not [g for g in got if g[3].startswith("model:")]


def test_scorer_never_relates_a_pair_a_rule_linked(scorer):
    text = "小米与美团签署合作协议，腾讯斥资20亿元入股京东。"
    _, _, rules_only = _relations(text, None)
    ruled = {frozenset((r.subject, r.object)) for r in rules_only}
    assert ruled, "the rules link 小米 and 美团"
    _, _, forced = _relations(text, _forced(scorer))
    model_made = [r for r in forced if r.rule.startswith("model:")]
    assert len(model_made) >= 3, "a scorer with no threshold relates the other pairs"
    assert not any(frozenset((r.subject, r.object)) in ruled for r in model_made)
    assert [r for r in forced if not r.rule.startswith("model:")] == rules_only


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "company"),
    [
        # the rules name the subsidiary the buyer: its parent bought nothing
        (
            "星澜集团公告称，旗下控股子公司青禾科技拟出资收购锋泰电子100%股权。",
            "星澜集团",
            "acquired",
            "锋泰电子",
        ),
        # 收购A持有的B股权: A sells, it is not what is bought
        (
            "远澜投资拟出资2亿元，收购星澜集团（简称“星澜”）持有的锋泰电子60%股权。",
            "远澜投资",
            "acquired",
            "星澜集团",
        ),
        # an attempt that failed, a deal called off after a comma
        ("星澜集团曾试图收购锋泰电子，最终被远澜投资抢先。", "星澜集团", "acquired", "锋泰电子"),
        ("星澜集团原计划收购锋泰电子，但交易最终告吹。", "星澜集团", "acquired", "锋泰电子"),
        ("反垄断机构否决了星澜集团收购锋泰电子的交易。", "星澜集团", "acquired", "锋泰电子"),
        ("星澜集团曾有意收购锋泰电子，但最终放弃。", "星澜集团", "acquired", "锋泰电子"),
        # a lender, only talks, or another investee of an investor the rules already placed
        ("青禾科技获得锋泰银行10亿元贷款。", "锋泰银行", "investsIn", "青禾科技"),
        ("青禾科技获星澜银行50亿元融资支持。", "星澜银行", "investsIn", "青禾科技"),
        ("据知情人士透露，星澜资本正洽谈入股青禾科技。", "星澜资本", "investsIn", "青禾科技"),
        ("青禾科技的对手锋泰科技则获得了星澜资本的投资。", "星澜资本", "investsIn", "青禾科技"),
    ],
)
def test_scorer_states_no_deal_the_sentence_gives_to_another_calls_off_or_only_lends(
    scorer, text, subject, predicate, company
):
    _, label, found = _relations(text, _forced(scorer))
    got = {(label.get(r.subject), r.predicate, label.get(r.object)) for r in found}
    assert (subject, predicate, company) not in got


@pytest.mark.parametrize(
    "text",
    [
        "锋泰集团旗下子公司与青禾科技签约。",  # an unnamed unit of the group and its partner
        "根据锋泰集团公告，目前持有青禾科技 12,345,678 股，累计持股达 17.5%。",  # a shareholder
    ],
)
def test_scorer_states_no_parent_for_a_partner_or_a_minority_holder(scorer, text):
    _, label, found = _relations(text, _forced(scorer))
    got = {(label.get(r.subject), r.predicate, label.get(r.object)) for r in found}
    assert ("青禾科技", "parentOrganization", "锋泰集团") not in got


def test_relation_model_none_gives_exactly_the_rules_output():
    text = (Path(__file__).parent / "fixtures" / "articles" / "robotics_funding.txt").read_text(
        encoding="utf-8"
    )
    doc = document_from_text(text, source="robotics_funding.txt")
    rules_only = extract_many([doc], config=BuildConfig(relation_model="none"))[0]
    both = extract_many([doc], config=BuildConfig(relation_model="default"))[0]
    assert not any(r.rule.startswith("model:") for r in rules_only.relations)
    assert [r for r in both.relations if not r.rule.startswith("model:")] == list(rules_only.relations)


# --- training data ----------------------------------------------------------------------------------------------
def test_relation_sets_map_predicates_skip_passive_forms_and_keep_other_labels_as_negatives(tmp_path):
    path = tmp_path / "finre" / "train.jsonl"
    path.parent.mkdir()
    record = {
        "text": "星河科技持有蓝海集团股份，并与云帆公司竞争。",
        "relations": [
            {"subject": "星河科技", "predicate": "持股", "object": "蓝海集团"},
            {"subject": "蓝海集团", "predicate": "被持股", "object": "星河科技"},
            {"subject": "星河科技", "predicate": "竞争", "object": "云帆公司"},
        ],
        "no_relation_pairs": [["蓝海集团", "云帆公司"]],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (item,) = read_relation_set(path, "finre")
    assert item.gold == (Gold("星河科技", "investsIn", "蓝海集团"),)
    assert item.negatives == {frozenset(("星河科技", "云帆公司")), frozenset(("蓝海集团", "云帆公司"))}
    assert dict(item.names)["云帆公司"] == "Company"


def test_real_text_gold_reads_the_dev_split_only_with_aliases(tmp_path):
    gold = {
        "entities": [
            {"name": "星河科技", "type": "Company", "aliases": ["星河"]},
            {"name": "红杉中国", "type": "Company"},
            {"name": "张伟", "type": "Person"},
        ],
        "relations": [{"subject": "红杉中国", "predicate": "investsIn", "object": "星河科技"}],
    }
    rows = [
        {"id": "rt-1", "split": "dev", "text": "红杉中国投资星河。", "gold": gold},
        {"id": "rt-2", "split": "test", "text": "红杉中国投资星河。", "gold": gold},
        {"id": "rt-3", "split": "dev", "text": "没有标注。"},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (item,) = read_realtext(path)
    assert set(item.gold) == {
        Gold("红杉中国", "investsIn", "星河科技"),
        Gold("红杉中国", "investsIn", "星河"),
    }
    assert frozenset(("张伟", "星河")) in item.negatives and "worksFor" in item.covers


def test_malformed_real_text_gold_names_the_file_and_record(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "rt-9", "split": "dev", "text": "x", "gold": {"entities": [{}]}}) + "\n"
    )
    with pytest.raises(KgError, match=r"corpus\.jsonl: record 'rt-9': malformed gold"):
        list(read_realtext(path))


def test_training_examples_label_gold_pairs_and_add_names_kg_missed(scorer):
    item = Annotated(
        "finre",
        "据悉，甲乙丙丁已入股蓝海集团。",
        (Gold("甲乙丙丁", "investsIn", "蓝海集团"),),
        names=(("甲乙丙丁", "Company"), ("蓝海集团", "Company")),
    )
    examples = list(labelled_examples([item], scorer))
    injected = [e for e in examples if not e.natural and e.label != "none"]
    assert [e.label for e in injected] == ["investsIn>"]
    assert injected[0].weight == 1.0 and injected[0].family == "org_org"
    assert not any(e.label != "none" for e in examples if e.natural)  # kg alone does not see 甲乙丙丁


def test_blank_scorer_model_shape():
    from kg.train_relations import blank_model

    model: ScorerModel = blank_model(64)
    assert {f: w.shape for f, w in model.weights.items()} == {f.name: (64, len(f.labels)) for f in FAMILIES}


@pytest.mark.slow
def test_training_is_deterministic(scorer):
    pytest.importorskip("sklearn")
    from kg.train_relations import fit

    items = [
        Annotated("finre", "腾讯斥资20亿元入股京东。", (Gold("腾讯", "investsIn", "京东"),)),
        Annotated("finre", "小米与美团签署合作协议。", (Gold("小米", "partner", "美团"),)),
        Annotated("finre", "百度与网易在搜索市场竞争。", (), frozenset({frozenset(("百度", "网易"))})),
        Annotated("finre", "阿里巴巴收购了饿了么。", (Gold("阿里巴巴", "acquired", "饿了么"),)),
    ]
    examples = list(labelled_examples(items, scorer))
    first = fit(examples, dim=1 << 10, folds=2)
    second = fit(examples, dim=1 << 10, folds=2)
    assert all((first.weights[f] == second.weights[f]).all() for f in first.weights)
    assert first.thresholds == second.thresholds and first.calibration == second.calibration
    assert np.abs(first.weights["org_org"]).sum() > 0


@pytest.mark.slow
def test_training_items_add_the_real_text_dev_gold_and_leave_out_evaluation_texts(tmp_path):
    from kg.train_relations import training_items

    data = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
    if not (data / "finre" / "train.jsonl").exists():
        pytest.skip("shared datasets not available")
    gold = {
        "entities": [{"name": "腾讯", "type": "Company"}, {"name": "京东", "type": "Company"}],
        "relations": [],
    }
    test_text = json.loads((data / "finre" / "test.jsonl").open(encoding="utf-8").readline())["text"]
    rows = [
        {"id": "a", "split": "dev", "text": "腾讯与京东合作。", "gold": gold},
        {"id": "b", "split": "test", "text": "腾讯投资京东。", "gold": gold},
        {"id": "c", "split": "dev", "text": test_text, "gold": gold},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    items = training_items(data, corpus)
    texts = {i.text for i in items if i.source == "realtext"}
    assert texts == {"腾讯与京东合作。"}
    assert test_text not in {i.text for i in items}
    assert {i.source for i in items} == {"finre", "duie", "realtext"}


def test_a_label_threshold_keeps_the_model_from_stating_that_predicate(scorer):
    from dataclasses import replace

    from kg.recognize.lexicon import load_lexicon

    text = "据悉，腾讯那年斥资20亿元入股京东。"
    free = RelationScorer(replace(scorer.model, label_thresholds={}), load_lexicon())
    assert [r.predicate for r in _relations(text, free)[2]] == ["investsIn"]
    for floors in (
        {"investsIn>": 1.01, "investsIn<": 1.01},
        {"investsIn": 1.01},
    ):  # a label, or its predicate
        closed = RelationScorer(replace(scorer.model, label_thresholds=floors), load_lexicon())
        assert _relations(text, closed)[2] == []


def test_the_shipped_model_states_no_partner(scorer):
    # measured on real articles (the dev split and outside pages): its partner decisions were right 7 times in 26
    assert scorer.model.label_thresholds.get("partner", 0) > 1


def test_retune_sets_label_thresholds_without_training(tmp_path, capsys):
    from kg.train_relations import main

    out = tmp_path / "m.npz"
    assert main(["--retune", str(MODEL), "--label-threshold", "acquired>=0.95", "--out", str(out)]) == 0
    model = read_model(out)
    assert model.label_thresholds["acquired>"] == 0.95 and model.label_thresholds["partner"] > 1
    assert model.thresholds == read_model(MODEL).thresholds
    assert main(["--retune", str(MODEL), "--label-threshold", "partner", "--out", str(out)]) == 1
    assert "expected PREDICATE=NUMBER" in capsys.readouterr().err
