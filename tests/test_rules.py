"""Relation rules as data: every rule's examples are tests; bad rule files are one-line errors; user rules and
lexicons extend kg without touching its source."""

from __future__ import annotations

import ast
import functools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import triples

from kg.cli import main
from kg.config import BuildConfig
from kg.errors import InputError
from kg.ingest import RawRecord, make_document
from kg.pipeline import ExampleCheck, check_rule_examples, extract_many
from kg.recognize.lexicon import load_lexicon
from kg.relate.rules import RuleError, load_rules
from kg.relate.triggers import trigger_words
from kg.types import ENTITY_TYPES, SLOT_GROUPS, TYPES
from kg.vocab import CLASSES

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(title_pattern=load_lexicon().title_pattern.pattern)
EXAMPLES = [(rule.name, i) for rule in RULES for i in range(len(rule.examples))]


def sampled(rule: str) -> set[int]:
    """The examples of a rule the fast suite checks: its first, and its first that lists facts that must be absent."""
    examples = RULES.only(rule).rules[0].examples
    return {0, next((i for i, e in enumerate(examples) if e.absent), 0)}


@functools.cache
def example_checks(rule: str, sample: bool) -> dict[str, ExampleCheck]:
    """One rule's examples (the sample, or the rest), checked with the rules alone (no statistical recogniser).
    Every rule's sample is checked in one pipeline run, once per test process; the rest rule by rule."""
    if sample:
        return _sampled_checks()[rule]
    keep = sampled(rule)
    checks = check_rule_examples(
        config=BuildConfig(model="none"), name=rule, select=lambda _r, i, _e: i not in keep
    )
    return {c.text: c for c in checks}


@functools.cache
def _sampled_checks() -> dict[str, dict[str, ExampleCheck]]:
    keep = {r.name: sampled(r.name) for r in RULES}
    checks = check_rule_examples(config=BuildConfig(model="none"), select=lambda rule, i, _e: i in keep[rule])
    out: dict[str, dict[str, ExampleCheck]] = {r.name: {} for r in RULES}
    for c in checks:
        out[c.rule][c.text] = c
    return out


def test_every_rule_has_an_example():
    without = [r.name for r in RULES if not r.examples]
    assert not without, f"rules without an example: {without}"


def _example_failures(rule: str, sample: bool) -> list[str]:
    checks, keep = example_checks(rule, sample), sampled(rule)
    failures = []
    for i, example in enumerate(RULES.only(rule).rules[0].examples):
        if (i in keep) != sample:
            continue
        check = checks[example.text]
        if check.missing:
            failures.append(f"{rule} does not find {check.missing} in {example.text}")
        if check.unwanted:
            failures.append(f"{example.text} gives {check.unwanted}")
    return failures


@pytest.mark.parametrize("rule", sorted({rule for rule, _ in EXAMPLES}))
def test_rule_examples(rule):
    """Each rule's first example and its first with facts that must be absent: their expected facts found, their
    absent ones not (one test per rule, each failing example named in the message). The rest are
    ``test_rule_examples_rest`` (slow), so that the whole suite checks every example once."""
    failures = _example_failures(rule, sample=True)
    assert not failures, "\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("rule", sorted(r.name for r in RULES if len(r.examples) > len(sampled(r.name))))
def test_rule_examples_rest(rule):
    """Every other example of the rule, as ``test_rule_examples`` checks its sample."""
    failures = _example_failures(rule, sample=False)
    assert not failures, "\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("rule", [r for r in RULES if r.triggers], ids=lambda r: r.name)
def test_triggers_are_in_every_template_the_rule_matches(rule):
    """Trigger words are derived, not kept by hand: any template a rule matches contains one of them. (Slow: it
    segments every example again. A trigger missing from a template that states an expected fact already fails
    ``test_rule_examples`` or ``test_rule_examples_rest``; this stricter check also covers the examples that only list absent
    facts.)"""
    from kg.ingest import document_from_text
    from kg.pipeline import mentions_for
    from kg.relate.template import SentenceView

    for example in rule.examples:
        doc = document_from_text(example.text)
        mentions = mentions_for(doc, config=BuildConfig(model="none"))
        for sent in doc.sentences:
            local = [m for m in mentions if sent.start <= m.start < sent.end]
            view = SentenceView.build(doc, sent, local, {m.start: m.key for m in local})
            if rule.regex.search(view.template):
                assert any(w in view.template for w in rule.triggers), (rule.triggers, view.template)


@pytest.mark.parametrize(
    "pattern,words",
    [
        ("总部(?:位于|设在)", ("总部",)),
        ("(?:拟|计划)?(?:收购|并购)了?", ("并购", "收购")),
        ("(?:a|b)?c?", ()),
        ("x(?:ab|cd)+y?", ("ab", "cd")),
    ],
)
def test_trigger_words_are_what_every_match_contains(pattern, words):
    assert trigger_words(pattern) == words


def test_a_rule_reading_places_as_slots_is_started_by_words_of_that_reading(tmp_path):
    """美国芯片巨头英伟达: the place is text in the template most rules read and a slot in the one a rule with
    places = "kept" reads; such a rule whose only trigger is the place's slot still runs."""
    path = tmp_path / "kept.toml"
    path.write_text(
        """
[[rule]]
name = "place_kind_before_name"
predicate = "location"
pattern = '{p:place}[\u4e00-\u9fff]{2,6}{a:org}'
places = "kept"
subject = "a"
object = "p"
confidence = 0.7
""",
        encoding="utf-8",
    )
    rule = next(
        r for r in load_rules((str(path),)).rules if r.name == "place_kind_before_name"
    )  # (replaces kg's)
    assert all(w.startswith("⟦") for w in rule.triggers)  # (nothing of the folded template starts it)
    doc = make_document(RawRecord("t", "美国芯片巨头英伟达宣布降价。", "text", id="t"))
    res = extract_many([doc], config=BuildConfig(rules=(str(path),)))[0]
    label = {e.id: e.label for e in res.entities}
    found = {(label.get(r.subject), r.predicate, label.get(r.object), r.rule) for r in res.relations}
    assert ("英伟达", "location", "美国", "place_kind_before_name") in found


# --- the discourse subject ---------------------------------------------------------------------------


@pytest.mark.usefixtures("batched")
@pytest.mark.parametrize(
    "text",
    [
        "京东宣布与蔚来合作。蔚来由李斌、秦力洪创立，成立于2014年。",
        "京东宣布与蔚来合作，蔚来由李斌、秦力洪创立，成立于2014年。",
    ],
)
def test_a_subjectless_clause_takes_the_subject_of_the_clause_before_it(text):
    found = triples(text)
    assert ("蔚来", "founder", "李斌") in found and ("蔚来", "foundingDate", "2014") in found
    assert not any(s == "京东" and p in ("founder", "foundingDate") for s, p, _ in found), found


def test_a_career_clause_takes_the_person_of_the_clause_before_it():
    found = triples("李明于2015年加入百度，曾任爱奇艺副总裁，2020年起担任小红书总裁。")
    assert {
        ("李明", "worksFor", "百度"),
        ("李明", "worksFor", "爱奇艺"),
        ("李明", "leads", "小红书"),
    } <= found


# --- bad rule files ------------------------------------------------------------------------------------

GOOD = """
[[rule]]
name = "my_rule"
predicate = "partner"
pattern = '{a:org}(?:与|和){b:org}组建合资公司'
subject = "a"
object = "b"
symmetric = true
confidence = 0.8
"""


@pytest.mark.parametrize(
    "change,message",
    [
        (('predicate = "partner"', 'predicate = "friendOf"'), "unknown predicate 'friendOf'"),
        (("confidence = 0.8", "confidence = 1.5"), "confidence must be a number in (0, 1]"),
        (("confidence = 0.8", "confidence = 0.8\nweight = 2"), "unknown key 'weight'"),
        (('subject = "a"\n', ""), "missing 'subject'"),
        (('subject = "a"', 'subject = "x"'), "no slot named 'x' in the pattern"),
        (("{b:org}", "{b:company|thing}"), "unknown slot group 'thing'"),
        (("组建合资公司", "<no_such_words>"), "no vocabulary entry named 'no_such_words'"),
        (("组建合资公司", "(unclosed"), "pattern does not compile"),
        (("confidence = 0.8", 'confidence = 0.8\ncheck = "nonsense"'), "unknown check 'nonsense'"),
        (('name = "my_rule"', 'name = "my_rule"\nname = "twice"'), "not valid TOML"),
        (("confidence = 0.8", "confidence = 0.8\nthen_stop = '；'"), "then_stop needs then"),
        (('subject = "a"', 'subject = ["a", "x"]'), "no slot named 'x' in the pattern"),
        (('subject = "a"', 'subject = ["a", "@main_org"]'), "a list of groups takes no resolver"),
        (('subject = "a"', "subject = []"), "subject and object are a group"),
    ],
)
def test_a_bad_rule_file_is_one_line_naming_the_file_and_the_rule(tmp_path, change, message):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules((str(path),))
    text = str(info.value)
    assert "\n" not in text and text.startswith(str(path)) and message in text, text
    if "TOML" not in message:
        assert "rule 'my_rule'" in text


def test_two_rules_with_one_name_in_one_file_are_refused(tmp_path):
    path = tmp_path / "twice.toml"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="a second rule with this name"):
        load_rules((str(path),))


def test_a_missing_rule_file_is_refused_by_the_cli(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("腾讯与京东达成合作。", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(article), "--rules", "nope.toml", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "nope.toml: no such file" in result.output
    assert not (tmp_path / "o").exists()


# --- extension points -------------------------------------------------------------------------------


def test_a_user_lexicon_makes_an_unknown_company_a_node_with_its_aliases(tmp_path):
    lexicon = tmp_path / "my.tsv"
    lexicon.write_text("# my companies\n蓝鲸矩阵\tCompany\t蓝鲸矩阵科技|BlueWhale Matrix\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("蓝鲸矩阵宣布与腾讯达成战略合作。蓝鲸矩阵科技成立于2019年。", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(article), "--lexicon", str(lexicon), "--out", str(out), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    node = next(e for e in graph["entities"] if e["label"] == "蓝鲸矩阵")
    assert node["type"] == "Company" and "蓝鲸矩阵科技" in node["aliases"]
    assert {(r["subject"], r["predicate"], r["object"]) for r in graph["relations"]} >= {
        ("org/腾讯", "partner", "org/蓝鲸矩阵")
    }
    # without the lexicon the name is not known at all
    bare = tmp_path / "bare"
    CliRunner().invoke(
        main, ["build", str(article), "--out", str(bare), "--format", "json", "--model", "none"]
    )
    assert not any(
        e["label"] == "蓝鲸矩阵" for e in json.loads((bare / "graph.json").read_text())["entities"]
    )


def test_a_user_lexicon_entry_wins_over_a_shipped_one(tmp_path):
    lexicon = tmp_path / "my.tsv"
    lexicon.write_text("快手\tPlatform\n", encoding="utf-8")
    assert load_lexicon((str(lexicon),)).names["快手"].types == ("Platform",)
    assert load_lexicon().names["快手"].types[0] == "Company"


@pytest.mark.parametrize(
    "line,problem",
    [("蓝鲸矩阵\tStartup\n", "unknown type 'Startup'"), ("蓝鲸矩阵\n", "expected name<TAB>type")],
)
def test_a_bad_user_lexicon_line_is_named(tmp_path, line, problem):
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text("# ok\n" + line, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_lexicon((str(lexicon),))
    assert str(info.value).startswith(f"{lexicon}:2: ") and problem in str(info.value)


def test_a_user_rule_file_adds_a_wording_through_the_cli(tmp_path):
    rules = tmp_path / "my_rules.toml"
    rules.write_text(
        '[words.form_verb]\nwords = ["组建", "组成"]\n' + GOOD.replace("组建合资公司", "<form_verb>联营体"),
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("腾讯与京东组成联营体。", encoding="utf-8")
    plain, extended = tmp_path / "plain", tmp_path / "extended"
    rules_only = ["--relation-model", "none"]  # the learned scorer reads this wording too
    CliRunner().invoke(main, ["build", str(article), "--out", str(plain), "--format", "json", *rules_only])
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(article),
            "--rules",
            str(rules),
            "--out",
            str(extended),
            "--format",
            "json",
            *rules_only,
        ],
    )
    assert result.exit_code == 0, result.output

    def partners(folder):
        graph = json.loads((folder / "graph.json").read_text(encoding="utf-8"))
        return {
            (r["subject"], r["object"], tuple(r["rules"]))
            for r in graph["relations"]
            if r["predicate"] == "partner"
        }

    assert partners(plain) == set()
    assert partners(extended) == {("org/京东", "org/腾讯", ("my_rule",))}


def test_kg_rules_lists_every_rule_with_its_hits(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("比亚迪总部位于深圳。", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", str(article)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[1:] if line.strip()}
    assert {r.name for r in RULES} <= set(rows)
    assert rows["headquarters"][-1] == "1" and rows["acquires"][-1] == "0"


# --- one table of types, vocabulary in data --------------------------------------------------------


def test_every_entity_type_has_a_class_slot_and_colour():
    assert set(CLASSES) == set(ENTITY_TYPES)
    for t in TYPES.values():
        assert t.slot in "".join(SLOT_GROUPS.values()) and re.fullmatch(r"#[0-9a-f]{6}", t.colour)


@pytest.mark.parametrize("folder", ["kg/relate", "kg/recognize"])
def test_no_chinese_vocabulary_in_python_string_literals(folder):
    """Word lists and wordings live in kg/data (words.toml, rules/*.toml); docstrings may show examples."""
    han = re.compile(r"[\u4e00-\u9fff，。、；：“”（）《》「」！？]")
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not han.search(source):
            continue
        tree = ast.parse(source)
        lines = source.encode("utf-8").splitlines(keepends=True)  # (ast's columns count UTF-8 bytes)
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                # the value first (cheap); the written form decides ("[\u4e00-\u9fff]" is written without Han)
                if han.search(node.value) and han.search(_written(lines, node)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def _written(lines: list[bytes], node: ast.expr) -> str:
    """The source text of ``node`` (``ast.get_source_segment``, without splitting the file again for each node)."""
    first, last = node.lineno - 1, (node.end_lineno or node.lineno) - 1
    if first == last:
        return lines[first][node.col_offset : node.end_col_offset].decode("utf-8", "replace")
    middle = b"".join(lines[first + 1 : last])
    return (lines[first][node.col_offset :] + middle + lines[last][: node.end_col_offset]).decode(
        "utf-8", "replace"
    )


def test_a_rules_pattern_compiles_at_first_use_and_travels_to_other_processes_uncompiled():
    import pickle
    import re

    from kg.relate.rules import LazyPattern

    lazy = LazyPattern("(?P<a>⟦[A-Z]\\d+⟧)与(?P<b>⟦[A-Z]\\d+⟧)(?:签约|合作)")
    assert lazy.groupindex == {"a": 1, "b": 2} and lazy.triggers == ("合作", "签约")
    assert lazy._compiled is None  # read, checked, not compiled
    assert lazy.search("⟦O0⟧与⟦O1⟧签约").group("b") == "⟦O1⟧"
    assert isinstance(lazy._compiled, re.Pattern)
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy == lazy and copy._compiled is None and [m.group() for m in copy.finditer("⟦O0⟧与⟦O1⟧合作")]
    with pytest.raises(re.error):
        LazyPattern("(?P<a>x")  # a syntax error shows when the rules load, not at first use


def test_every_shipped_pattern_is_in_the_pattern_index():
    """Loading the shipped rules reads each pattern's groups and triggers from the index instead of parsing it; a
    rule changed without rewriting the index loads slower (this test names the command)."""
    from kg.relate.rules import _pattern_index, _pattern_key

    index = _pattern_index()
    stale = [rule.name for rule in RULES for lazy in rule.patterns if _pattern_key(lazy.pattern) not in index]
    assert not stale, f"run python -m kg.relate.pattern_index (not indexed: {stale[:5]})"


@pytest.mark.slow
def test_the_pattern_index_holds_what_parsing_gives():
    from kg.relate.pattern_index import INDEX, render

    assert INDEX.read_text(encoding="utf-8") == render(), "run python -m kg.relate.pattern_index"


def test_a_pattern_the_index_lacks_is_parsed_when_it_loads():
    from kg.relate.rules import LazyPattern

    pattern = "(?P<x>⟦O\\d+⟧)(?:收购|并购)了?(?P<y>⟦O\\d+⟧)"
    lazy = LazyPattern(pattern)
    assert lazy.groupindex == dict(re.compile(pattern).groupindex) == {"x": 1, "y": 2}
    assert lazy.triggers == trigger_words(pattern) == ("并购", "收购")
    with pytest.raises(re.error):
        LazyPattern("(?P<x>锋泰")
