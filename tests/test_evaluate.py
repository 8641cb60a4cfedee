"""The scorer on hand-made cases with known answers, the label maps, and the statistical recogniser."""

import json

import pytest
from click.testing import CliRunner
from helpers import model_shipped

from kg.cli import main
from kg.errors import KgError
from kg.evaluate import Scores, evaluate_ner, evaluate_relations, load_label_map
from kg.evaluate_graph import evaluate_graph
from kg.recognize.crf import MODEL_FILE, spans


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_prf_arithmetic():
    assert Scores.prf(3, 1, 2) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert Scores.prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_ner_scorer_counts_exact_spans_and_reports_unmapped_labels(tmp_path):
    path = write(
        tmp_path,
        "cluener2020_mini.jsonl",
        [
            # 雷军 (name) and 小米 (company) are found; 董事长 (position) is found
            {
                "text": "小米董事长雷军表示满意。",
                "entities": [
                    {"start": 0, "end": 2, "type": "company", "text": "小米"},
                    {"start": 2, "end": 5, "type": "position", "text": "董事长"},
                    {"start": 5, "end": 7, "type": "name", "text": "雷军"},
                ],
            },
            # gold says 京东集团 (4 chars); kg finds the same span → exact match; 王者荣耀 is a game: excluded
            {
                "text": "京东集团发布王者荣耀礼包。",
                "entities": [
                    {"start": 0, "end": 4, "type": "company", "text": "京东集团"},
                    {"start": 6, "end": 10, "type": "game", "text": "王者荣耀"},
                ],
            },
            # a gold name kg cannot know without context: a miss
            {
                "text": "他们都认识欧阳明月。",
                "entities": [{"start": 5, "end": 9, "type": "name", "text": "欧阳明月"}],
            },
        ],
    )
    report = evaluate_ner(path, dataset="cluener2020")
    s = report.scores
    assert (s.tp["company"], s.fp["company"], s.fn["company"]) == (2, 0, 0)
    assert s.tp["position"] == 1 and s.tp["name"] == 1
    assert s.excluded == {"game": 1}
    assert report.to_dict()["items"] == 3
    micro = next(r for r in s.table() if r["label"] == "micro")
    assert micro["support"] == 5


def test_ner_errors_are_classified(tmp_path):
    path = write(
        tmp_path,
        "cluener2020_err.jsonl",
        [
            {
                "text": "小米董事长雷军表示满意。",
                "entities": [{"start": 0, "end": 4, "type": "company", "text": "小米董事"}],
            }
        ],
    )
    errors = dict(
        (e, n) for n, e in evaluate_ner(path, dataset="cluener2020", config=_rules()).to_dict()["errors"]
    )
    assert "boundary: gold company 小米董事 → predicted company 小米" in errors
    assert "spurious name: 雷军" in errors


def _rules():
    from kg.config import BuildConfig

    return BuildConfig(model="none")


def test_relation_scorer_maps_predicates_and_directions(tmp_path):
    path = write(
        tmp_path,
        "duie_mini.jsonl",
        [
            {
                "text": "小米集团创始人雷军表示，小米总部位于北京。",
                "relations": [
                    {"subject": "小米集团", "predicate": "创始人", "object": "雷军"},
                    {"subject": "小米集团", "predicate": "董事长", "object": "雷军"},
                    {"subject": "小米", "predicate": "总部地点", "object": "北京"},
                    {"subject": "小米", "predicate": "代言人", "object": "某明星"},
                ],
            }
        ],
    )
    report = evaluate_relations(path, dataset="duie")
    s = report.scores
    assert s.tp["founder"] == 1 and s.tp["location"] == 1
    assert s.fn["leads"] == 1  # the sentence never says 董事长
    assert s.excluded == {"代言人": 1}


def test_finre_scores_only_labelled_pairs(tmp_path):
    path = write(
        tmp_path,
        "finre_mini.jsonl",
        [
            {
                "text": "华为与比亚迪达成战略合作，小米也与京东达成合作。",
                "relations": [{"subject": "华为", "predicate": "合作", "object": "比亚迪"}],
                "no_relation_pairs": [],
            }
        ],
    )
    s = evaluate_relations(path, dataset="finre").scores
    assert (s.tp["partner"], s.fp["partner"]) == (1, 0)  # 小米–京东 is not a labelled pair here


def test_label_maps_load_and_unknown_dataset_is_refused():
    assert load_label_map("cluener2020").ner["name"] == ("Person",)
    assert load_label_map("finre").re["拥有"] == ("parentOrganization", "inverse")
    with pytest.raises(KgError, match="choose from"):
        load_label_map("ontonotes")


def test_evaluate_command(tmp_path):
    path = write(
        tmp_path,
        "cluener2020_cli.jsonl",
        [
            {
                "text": "小米董事长雷军表示满意。",
                "entities": [{"start": 5, "end": 7, "type": "name", "text": "雷军"}],
            }
        ],
    )
    res = CliRunner().invoke(main, ["evaluate", str(path), "--errors", "5"])
    assert res.exit_code == 0 and "name" in res.output and "micro" in res.output
    data = json.loads(CliRunner().invoke(main, ["evaluate", str(path), "--json"]).output)
    assert data["task"] == "ner" and {"name", "micro", "macro"} <= {row["label"] for row in data["scores"]}


# --- the shipped CRF ------------------------------------------------------------------------------
def test_bio_labels_become_spans():
    labels = ["B-PER", "I-PER", "O", "B-COM", "I-COM", "I-COM", "B-LOC", "I-PER"]
    assert spans(labels, [0.9] * 8) == [
        (0, 2, "PER", 0.9),
        (3, 6, "COM", 0.9),
        (6, 7, "LOC", 0.9),
        (7, 8, "PER", 0.9),
    ]


@pytest.mark.skipif(not model_shipped(MODEL_FILE), reason="no model file shipped")
def test_crf_finds_names_no_rule_knows():
    from helpers import mentions_of  # noqa: F401  (conftest path)

    from kg.ingest import document_from_text
    from kg.pipeline import mentions_for

    doc = document_from_text("王小川、周鸿祎和张朝阳出席了论坛。")
    people = {m.text for m in mentions_for(doc) if m.type == "Person"}
    assert {"王小川", "周鸿祎", "张朝阳"} <= people
    assert not {m.text for m in mentions_for(doc, config=_rules()) if m.type == "Person"}


@pytest.mark.skipif(not model_shipped(MODEL_FILE), reason="no model file shipped")
def test_rules_take_precedence_over_the_crf():
    from kg.ingest import document_from_text
    from kg.pipeline import mentions_for

    doc = document_from_text("据悉，拼多多总部位于上海，阿里巴巴集团董事局主席蔡崇信表示。")
    found = {(m.text, m.source.split(":")[0]) for m in mentions_for(doc)}
    assert ("拼多多", "lexicon") in found and ("阿里巴巴集团", "lexicon") in found
    assert not any(text in ("拼多多总部", "阿里巴巴集团董事局") for text, _ in found)


# --- general-news and social-media sets -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "dataset,file,labels",
    [
        ("msra_ner", "train_sample.jsonl", ("PER", "ORG", "LOC")),
        ("peoples_daily_ner", "dev.jsonl", ("PER", "ORG", "LOC")),
        ("weibo_ner", "dev.jsonl", ("PER.NAM", "ORG.NAM", "GPE.NAM")),
    ],
)
def test_coarse_sets_are_recognised_by_path_and_score_any_organisation_type(tmp_path, dataset, file, labels):
    from kg.evaluate import guess_dataset

    assert guess_dataset(f"../shared/datasets/{dataset}/{file}") == dataset
    per, org, loc = labels
    folder = tmp_path / dataset  # the scorer tells the dataset from the path
    folder.mkdir()
    path = write(
        folder,
        "sample.jsonl",
        [
            {
                "text": "阿里巴巴在杭州发布新品，国家统计局也在。",
                "entities": [
                    {"start": 0, "end": 4, "type": org, "text": "阿里巴巴"},  # kg: Company
                    {"start": 5, "end": 7, "type": loc, "text": "杭州"},  # kg: Place
                    {"start": 12, "end": 17, "type": org, "text": "国家统计局"},  # kg: GovernmentOrganization
                ],
            }
        ],
    )
    scores = evaluate_ner(path, config=_rules()).scores
    assert scores.tp[org] == 2 and scores.tp[loc] == 1 and not scores.fn[org]
    assert set(load_label_map(dataset).ner) == {per, org, loc}


def _byline_report(tmp_path, *, employer_listed: bool):
    """新浪科技讯 记者王明报道，…: kg states that the reporter works for the outlet; the gold lists it or not."""
    relations = [
        {"subject": "ARTICLE", "predicate": "publisher", "object": "新浪科技"},
        {"subject": "ARTICLE", "predicate": "author", "object": "王明"},
        {"subject": "星澜科技", "predicate": "founder", "object": "李强"},
        {"subject": "李强", "predicate": "leads", "object": "星澜科技"},
    ]
    if employer_listed:
        relations.append({"subject": "王明", "predicate": "worksFor", "object": "新浪科技"})
    record = {
        "id": "g1",
        "split": "dev",
        "text": "新浪科技讯 记者王明报道，星澜科技创始人兼CEO李强表示，公司今年营收增长30%。",
        "gold": {
            "entities": [
                {"name": "新浪科技", "type": "MediaOrganization"},
                {"name": "王明", "type": "Person"},
                {"name": "星澜科技", "type": "Company"},
                {"name": "李强", "type": "Person"},
            ],
            "relations": relations,
        },
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return evaluate_graph(path)


def test_graph_scorer_counts_a_bylines_employer_apart(tmp_path):
    """The gold annotates bylines as author and publisher only here, so the reporter's employment kg states is
    counted on its own line, neither a hit nor a false positive."""
    report = _byline_report(tmp_path, employer_listed=False)
    assert report.byline_employers == 1
    assert not any("worksFor" in e for e in report.errors)
    rows = {row["label"]: row for row in report.relations.table()}
    assert rows["micro"]["precision"] == 1.0 and "worksFor" not in rows
    assert "byline employers" in report.format()


def test_graph_scorer_scores_a_bylines_employer_the_gold_lists(tmp_path):
    """Where the annotator did list the reporter's employment, kg's statement of it is a hit, not set aside."""
    report = _byline_report(tmp_path, employer_listed=True)
    assert report.byline_employers == 0
    assert report.relations.tp["worksFor"] == 1 and not report.relations.fn["worksFor"]


def test_finres_number_placeholder_is_put_back_in_text_and_names_alike():
    from kg.evaluate import load_label_map

    record = {
        "text": "青禾集团持股锋泰<N>号<N>.<N>%。",
        "relations": [{"subject": "青禾集团", "predicate": "持股", "object": "锋泰<N>号"}],
        "no_relation_pairs": [["锋泰<N>号", "青禾集团"]],
    }
    restored = load_label_map("finre").restored(record)
    assert restored["text"] == "青禾集团持股锋泰5号5.5%。"
    assert restored["relations"][0]["object"] == "锋泰5号" and restored["no_relation_pairs"] == [
        ["锋泰5号", "青禾集团"]
    ]
    assert record["text"].count("<N>") == 3  # the record read stays as it was
    assert load_label_map("duie").restored(record) is record  # a dataset without placeholders keeps its text
