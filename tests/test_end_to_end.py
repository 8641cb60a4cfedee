"""Facts asserted through SPARQL on the exported Turtle: the seed article, our fixture articles, the example."""

from __future__ import annotations

import json

import pytest
from conftest import ARTICLES, Exported, expected_for, fixture_articles
from rdflib import Literal

from kg.vocab import PREDICATES, SYMMETRIC

LABEL = "rdfs:label {}@zh"


def lit(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fact_pattern(subject: str, predicate: str, obj: str, qualifiers: dict) -> str:
    """A SPARQL pattern for a statement with its direct triple, qualifiers and provenance."""
    pred = PREDICATES[predicate].n3()
    subj = "?s a kg:Article ." if subject == "ARTICLE" else f"?s {LABEL.format(lit(subject))} ."
    if predicate == "foundingDate":
        body = f"{subj} ?s {pred} ?d . FILTER(STR(?d) = {lit(obj)}) ?st kg:statementValue ?d ; kg:statementSubject ?s ."
    else:
        body = f"{subj} ?o {LABEL.format(lit(obj))} . ?s {pred} ?o ."
        if predicate in SYMMETRIC:  # one statement, either direction; both direct triples are asserted
            body += " { ?st kg:statementSubject ?s ; kg:statementObject ?o } UNION { ?st kg:statementSubject ?o ; kg:statementObject ?s }"
        else:
            body += " ?st kg:statementSubject ?s ; kg:statementObject ?o ."
    body += f" ?st kg:statementPredicate {pred} ; prov:wasDerivedFrom ?sent . ?sent kg:text ?t ; kg:document ?doc ."
    for key, value in qualifiers.items():
        if isinstance(value, bool):
            body += f" ?st kg:{key} {Literal(value).n3()} ."
        else:
            body += f" ?st kg:{key} ?q_{key} . FILTER(STR(?q_{key}) = {lit(value)})"
    return body


# --- the seed article (../shared/seed) -------------------------------------------------------------
SEED_FACTS = [
    ("快手", "founder", "宿华", {}),
    ("快手", "founder", "程一笑", {}),
    # the head of operations works for the unit; she does not lead it
    ("白嘉乐", "worksFor", "快手电商", {"title": "运营负责人"}),
    ("快手电商", "parentOrganization", "快手", {}),
    ("京东", "partner", "快手", {}),
    ("京东", "partner", "抖音", {}),
    ("京东", "partner", "微博", {}),
    ("快手", "partner", "京东", {}),
    ("ARTICLE", "author", "铁林", {}),
    ("ARTICLE", "editor", "石灿", {}),
    ("ARTICLE", "publisher", "刺猬公社", {}),
    ("铁林", "worksFor", "刺猬公社", {}),
    ("雷霆计划", "productOf", "快手", {}),
    ("百亿流量补贴计划", "productOf", "快手", {}),
    # the head of a function (MCN operations) works for the company, as the head of operations does
    ("张崭", "worksFor", "快手", {"title": "MCN运营负责人"}),
    ("小黄车", "productOf", "快手", {}),
    ("娃娃夫妻", "sellsOn", "快手", {}),
]


@pytest.mark.parametrize("subject,predicate,obj,qualifiers", SEED_FACTS)
def test_seed_fact_is_in_the_turtle(seed_graph: Exported, subject, predicate, obj, qualifiers):
    assert seed_graph.ask(fact_pattern(subject, predicate, obj, qualifiers))


@pytest.mark.parametrize(
    "label,type_",
    [
        ("QuestMobile", "Organization"),
        ("飞瓜快数", "Organization"),
        ("快手电商", "BusinessUnit"),
        ("白嘉乐", "Person"),
        ("雷霆计划", "Programme"),
        ("刺猬公社", "MediaOrganization"),
        ("抖音", "Platform"),
    ],
)
def test_seed_entity_has_type(seed_graph: Exported, label, type_):
    assert seed_graph.ask(f"?e {LABEL.format(lit(label))} ; a kg:{type_} .")


def test_seed_typo_resolves_to_the_known_name(seed_graph: Exported):
    assert seed_graph.ask('?e rdfs:label "QuestMobile"@zh ; schema:alternateName "QuestMoible"@zh .')


def test_seed_dau_target_is_a_figure_about_kuaishou(seed_graph: Exported):
    assert seed_graph.ask(
        '?f a kg:Figure ; kg:value ?v ; kg:about ?k ; kg:modality "target" ; kg:measure ?m ; prov:wasDerivedFrom ?s .'
        ' ?k rdfs:label "快手"@zh . FILTER(?v = 300000000 && CONTAINS(STR(?m), "日活跃用户"))'
        ' ?s kg:text ?t . FILTER(CONTAINS(?t, "3亿"))'
    )


@pytest.mark.parametrize(
    "junk", ["周", "宝", "嘉宾", "城市", "雷霆", "用户", "商家", "公司", "主播", "MCN", "DAU"]
)
def test_seed_has_no_junk_node(seed_graph: Exported, junk):
    assert junk not in seed_graph.labels()


def test_seed_related_links_and_comment_box_are_not_read(seed_graph: Exported):
    labels = seed_graph.labels()
    assert "可灵AI" not in labels and "界面新闻" not in labels
    assert not seed_graph.ask('?s kg:text ?t . FILTER(CONTAINS(?t, "付费短剧") || CONTAINS(?t, "暂无评论"))')


def test_seed_duplicate_body_counts_once(seed_graph: Exported):
    rows = seed_graph.select('SELECT ?n WHERE { ?e rdfs:label "白嘉乐"@zh ; kg:mentionCount ?n }')
    assert rows == [("1",)]


# --- our own fixture articles ------------------------------------------------------------------------
def _cases(kind: str):
    for article in fixture_articles():
        for item in expected_for(article).get(kind, []):
            label = (
                item
                if isinstance(item, str)
                else item.get("about", "") + str(item.get("value"))
                if isinstance(item, dict)
                else "-".join(map(str, item[:3]))
            )
            yield pytest.param(article.name, item, id=f"{article.stem}:{label}")


@pytest.mark.parametrize("name,fact", list(_cases("facts")))
def test_fixture_fact(fixture_graphs, name, fact):
    subject, predicate, obj, qualifiers = fact
    assert fixture_graphs[name].ask(fact_pattern(subject, predicate, obj, qualifiers))


@pytest.mark.parametrize("name,fact", list(_cases("not_facts")))
def test_fixture_wrong_fact_is_absent(fixture_graphs, name, fact):
    subject, predicate, obj = fact
    assert not fixture_graphs[name].ask(fact_pattern(subject, predicate, obj, {}))


@pytest.mark.parametrize("name,entity", list(_cases("entities")))
def test_fixture_entity(fixture_graphs, name, entity):
    label, type_ = entity
    assert fixture_graphs[name].ask(f"?e {LABEL.format(lit(label))} ; a kg:{type_} .")


@pytest.mark.parametrize("name,pair", list(_cases("aliases")))
def test_fixture_alias(fixture_graphs, name, pair):
    label, alias = pair
    assert fixture_graphs[name].ask(f"?e {LABEL.format(lit(label))} ; schema:alternateName {lit(alias)}@zh .")


@pytest.mark.parametrize("name,junk", list(_cases("absent")))
def test_fixture_junk_absent(fixture_graphs, name, junk):
    assert junk not in fixture_graphs[name].labels()


@pytest.mark.parametrize("name,figure", list(_cases("figures")))
def test_fixture_figure(fixture_graphs, name, figure):
    body = f"?f a kg:Figure ; kg:value ?v ; kg:about ?e . ?e {LABEL.format(lit(figure['about']))} . FILTER(?v = {figure['value']})"
    if "unit" in figure:
        body += f" ?f kg:unit {lit(figure['unit'])} ."
    if "measure" in figure:
        body += f" ?f kg:measure ?m . FILTER(CONTAINS(STR(?m), {lit(figure['measure'])}))"
    assert fixture_graphs[name].ask(body)


def test_fixtures_exercise_every_predicate():
    used = {fact[1] for article in fixture_articles() for fact in expected_for(article)["facts"]}
    assert set(PREDICATES) - {"about"} <= used
    assert len(fixture_articles()) >= 3


def test_fixtures_exist_beside_their_expectations():
    for article in fixture_articles():
        assert (ARTICLES / (article.stem + ".expected.json")).exists()


# --- the README example ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "subject,predicate,obj,qualifiers",
    [
        ("青岚新能源", "founder", "沈一鸣", {}),
        ("沈一鸣", "leads", "青岚新能源", {"title": "董事长"}),
        ("沈一鸣", "leads", "青岚新能源", {"title": "CEO"}),
        ("沈一鸣", "worksFor", "比亚迪电池研究院", {"former": True, "title": "副院长"}),
        ("宁德时代", "investsIn", "青岚新能源", {"amount": "8亿元"}),
        ("青岚新能源", "acquired", "江苏锐能材料有限公司", {}),
        ("青岚新能源", "sellsOn", "天猫", {}),
        ("岚芯", "productOf", "青岚新能源", {}),
    ],
)
def test_example_article_fact(example_graph: Exported, subject, predicate, obj, qualifiers):
    assert example_graph.ask(fact_pattern(subject, predicate, obj, qualifiers))
