"""benchmarks/realtext_misses.py: each missed gold relation and each wrong fact lands in the class that explains it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from kg.config import BuildConfig

ROOT = Path(__file__).resolve().parent.parent


def _module():
    spec = importlib.util.spec_from_file_location(
        "realtext_misses", ROOT / "benchmarks" / "realtext_misses.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entity(name: str, type_: str) -> dict:
    return {"name": name, "type": type_}


def test_each_miss_and_wrong_fact_in_its_class(tmp_path: Path) -> None:
    records = [
        {
            "id": "m-1",
            "split": "dev",
            "text": "青禾科技创始人林舟表示，公司今年营收翻番。北辰资本是青禾科技的老朋友。",
            "gold": {
                "entities": [
                    _entity("青禾科技", "Company"),
                    _entity("林舟", "Person"),
                    _entity("北辰资本", "Company"),
                    _entity("南山集团", "Company"),
                ],
                "relations": [
                    {"subject": "青禾科技", "predicate": "founder", "object": "林舟"},  # found
                    {"subject": "林舟", "predicate": "leads", "object": "青禾科技"},  # kg: founder
                    {"subject": "北辰资本", "predicate": "investsIn", "object": "青禾科技"},  # one sentence
                    {
                        "subject": "林舟",
                        "predicate": "worksFor",
                        "object": "北辰资本",
                    },  # never in one sentence
                    {"subject": "南山集团", "predicate": "partner", "object": "青禾科技"},  # not in the text
                ],
            },
        },
        {
            "id": "m-2",
            "split": "dev",
            "text": "星河科技董事长王岚昨日出席了发布会。",
            "gold": {
                "entities": [_entity("星河科技", "Company"), _entity("王岚", "Person")],
                "relations": [],
            },
        },
        {"id": "m-3", "split": "test", "text": "不计入开发集。", "gold": {"entities": [], "relations": []}},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    report = _module().classify(corpus, "dev", BuildConfig())
    missed, wrong = report["missed"], report["wrong"]
    assert missed["founder"]["found"] == 1 and missed["founder"]["missed"] == 0
    assert missed["leads"]["other predicate"] == 1
    assert missed["investsIn"]["one sentence"] == 1
    assert missed["worksFor"]["apart"] == 1
    assert missed["partner"]["end missing"] == 1
    assert wrong["leads"]["both ends gold"] == 1  # 王岚 leads 星河科技: not in that record's gold
    assert sum(c["missed"] for c in missed.values()) == 4


def test_table_totals_the_classes() -> None:
    from collections import Counter

    module = _module()
    report = {
        "missed": {"leads": Counter({"found": 2, "missed": 3, "one sentence": 2, "end missing": 1})},
        "wrong": {"leads": Counter({"an end not gold": 1})},
    }
    text = module.table({"dev": report})
    assert "| leads | 2 | 3 | 0 | 2 | 0 | 1 | 0 | 1 |" in text
    assert "| **all** | **2** | **3** | **0** | **2** | **0** | **1** | **0** | **1** |" in text
