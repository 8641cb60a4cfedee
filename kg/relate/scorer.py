"""The learned relation scorer: candidate entity pairs of a sentence → a predicate of kg's schema, or none.

It runs after the rules and only on pairs no rule linked. One multinomial logistic regression per family of
predicates (kg.relate.features) over hashed sparse features; the forward pass is numpy only. Its probability is
calibrated (Platt scaling fitted on held-out training data) and a relation is made where the calibrated
confidence reaches the family's threshold (chosen on held-out training data; the shipped model's person-org
threshold was then raised from 0.65 to 0.85 on the real-text dev split). A predicate may have a threshold of its
own (``label_thresholds``): the shipped model states no partner, whose precision on real articles was 0.27.
Relations it makes carry ``rule = "model:<name>"``. The model is a ``.npz`` file: ``kg/data/relscore.npz`` is
shipped, trained by ``python -m kg.train_relations``.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import KgError
from ..kb import is_market
from ..model import Document, Evidence, Mention, Relation
from ..recognize.lexicon import Lexicon
from ..vocab import SYMMETRIC
from ..words import load_words
from ..zh.dates import normalise_date
from .features import (
    Candidate,
    CueFinder,
    Family,
    SentenceSlots,
    candidates,
    hashed,
    pair_features,
    ruled_predicates,
)

DEFAULT_MODEL = "relscore.npz"
CHOICES = ("default", "none")  # BuildConfig.relation_model: these, or the path of a model file


@dataclass(frozen=True)
class ScorerModel:
    """Weights (``[dim, labels]`` per family), biases, calibration (a, b) and threshold per family."""

    name: str
    dim: int
    families: tuple[Family, ...]
    weights: dict[str, np.ndarray]
    biases: dict[str, np.ndarray]
    calibration: dict[str, tuple[float, float]]
    thresholds: dict[str, float]
    cue_lists: tuple[str, ...]
    max_between: int
    max_distance: int
    meta: dict[str, Any] = field(default_factory=dict)  # training data, measurements, the check sample
    # a predicate's own floor above its family's threshold (1.01: the model never states it), set on real text
    label_thresholds: dict[str, float] = field(default_factory=dict)

    def family(self, name: str) -> Family:
        return next(f for f in self.families if f.name == name)

    def probabilities(self, family: str, rows: Sequence[np.ndarray]) -> np.ndarray:
        """Softmax over the family's labels for each row of feature buckets: the forward pass."""
        weights, bias = self.weights[family], self.biases[family]
        if not rows:
            return np.zeros((0, len(bias)))
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        scores = np.tile(bias, (len(rows), 1))
        nonempty = lengths > 0
        if nonempty.any():
            flat = np.concatenate([r for r in rows if len(r)])
            starts = np.concatenate(([0], np.cumsum(lengths[nonempty])[:-1]))
            scores[nonempty] += np.add.reduceat(weights[flat], starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def decide(self, family: str, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The best label other than none (index) and its calibrated confidence, per row."""
        best = 1 + probs[:, 1:].argmax(axis=1)
        p = np.clip(probs[np.arange(len(probs)), best], 1e-6, 1 - 1e-6)
        a, b = self.calibration[family]
        return best, 1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b)))


def save_model(model: ScorerModel, path: str | Path) -> None:
    """Write ``model`` as a compressed ``.npz`` (weights as float16); deterministic bytes for equal models."""
    meta = {
        "name": model.name,
        "dim": model.dim,
        "families": [
            {
                "name": f.name,
                "first": f.first,
                "second": f.second,
                "labels": list(f.labels),
                "blocked": f.blocked,
                "exclude": list(f.exclude),
            }
            for f in model.families
        ],
        "calibration": model.calibration,
        "thresholds": model.thresholds,
        "label_thresholds": model.label_thresholds,
        "cue_lists": list(model.cue_lists),
        "max_between": model.max_between,
        "max_distance": model.max_distance,
        **model.meta,
    }
    arrays = {"meta": np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True))}
    for f in model.families:
        arrays[f"w_{f.name}"] = model.weights[f.name].astype(np.float16)
        arrays[f"b_{f.name}"] = model.biases[f.name].astype(np.float32)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):  # fixed order and timestamps: the same model gives the same bytes
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w") as fh:
                np.lib.format.write_array(fh, np.asarray(arrays[key]), allow_pickle=False)
    tmp.replace(path)


def read_model(path: str | Path) -> ScorerModel:
    """A model file; a file that is not one is a ``KgError`` naming it."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            families = tuple(
                Family(
                    f["name"],
                    f["first"],
                    f["second"],
                    tuple(f["labels"]),
                    f.get("blocked", ""),
                    tuple(f.get("exclude", ())),
                )
                for f in meta.pop("families")
            )
            weights = {f.name: data[f"w_{f.name}"].astype(np.float32) for f in families}
            biases = {f.name: data[f"b_{f.name}"].astype(np.float64) for f in families}
        model = ScorerModel(
            name=meta.pop("name"),
            dim=int(meta.pop("dim")),
            families=families,
            weights=weights,
            biases=biases,
            calibration={k: (float(v[0]), float(v[1])) for k, v in meta.pop("calibration").items()},
            thresholds={k: float(v) for k, v in meta.pop("thresholds").items()},
            label_thresholds={k: float(v) for k, v in meta.pop("label_thresholds", {}).items()},
            cue_lists=tuple(meta.pop("cue_lists")),
            max_between=int(meta.pop("max_between")),
            max_distance=int(meta.pop("max_distance")),
            meta=meta,
        )
    except FileNotFoundError:
        raise KgError(f"{path}: no such relation model file") from None
    except (OSError, EOFError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        raise KgError(f"{path}: not a kg relation model ({exc.__class__.__name__}: {exc})") from None
    for f in families:
        if weights[f.name].shape != (model.dim, len(f.labels)) or f.name not in model.thresholds:
            raise KgError(f"{path}: not a kg relation model (family {f.name!r} is incomplete)")
    return model


@functools.cache
def _load(spec: str) -> ScorerModel:
    if spec == "default":
        with resources.as_file(resources.files("kg.data").joinpath(DEFAULT_MODEL)) as path:
            return read_model(path)
    return read_model(spec)


@functools.cache
def load_scorer(spec: str, lexicons: tuple[str, ...] = ()) -> RelationScorer | None:
    """The scorer for ``BuildConfig.relation_model``: ``none`` (rules only), ``default`` (the shipped model) or
    the path of a model file, reading job titles with the lexicon of ``lexicons``; loaded once per process."""
    if spec == "none":
        return None
    from ..recognize.lexicon import load_lexicon

    return RelationScorer(_load(spec), load_lexicon(lexicons))


@dataclass(frozen=True)
class Decision:
    """What the scorer says about one candidate: its label (``none`` included) and calibrated confidence."""

    candidate: Candidate
    label: str
    confidence: float


class RelationScorer:
    """A model with what it needs to read sentences: the cue words and the lexicon's job titles."""

    def __init__(self, model: ScorerModel, lexicon: Lexicon) -> None:
        self.model = model
        self.lexicon = lexicon
        self.cues = CueFinder.build(load_words(), model.cue_lists, lexicon.title_pattern)
        words = load_words()
        self._former = re.compile(f"(?:{words.alt('former_marker')})$")
        self._deputy = words.set("deputy")
        self._planned = re.compile(f"{words.alt('plan_marker')}.{{0,2}}{words.alt('acquire_verb')}")
        self._listed = re.compile(f"\\s*(?:{words.alt('list_separator')})\\s*")  # only a list mark between
        self._negated = re.compile(words.alt("negation"))
        self._not_the_company = re.compile(words.alt("not_the_company_after"))
        self._seller_before = re.compile(f"(?:{words.alt('seller_before')})$")
        self._rumour_before = re.compile(f"(?:{words.alt('rumour_before')}){words.alt('rumour_tail')}$")
        self._blocked_before = words.regex("deal_blocked_before")
        self._not_parent_between = words.regex("not_parent_between")
        self._minority = words.regex("minority_holding")
        self._no_stake = words.regex("model_no_stake")

    @property
    def rule(self) -> str:
        return f"model:{self.model.name}"

    def features(
        self,
        sentence: SentenceSlots,
        ruled: dict[str, tuple[str, ...]] | None = None,
        *,
        families: Sequence[Family] | None = None,
        skip: frozenset[frozenset[str]] = frozenset(),
    ) -> list[tuple[Candidate, list[str]]]:
        """The sentence's candidates (of ``families``, all by default; none of the entity pairs in ``skip``) with
        their feature strings."""
        m = self.model
        found = candidates(
            sentence, families or m.families, max_between=m.max_between, max_distance=m.max_distance
        )
        slots = sentence.slots
        found = [c for c in found if frozenset((slots[c.a].entity, slots[c.b].entity)) not in skip]
        if not found:
            return []
        cues = self.cues.find(sentence.text)
        return [(c, pair_features(sentence, c, cues, ruled)) for c in found]

    def score(
        self, sentence: SentenceSlots, ruled: dict[str, tuple[str, ...]] | None = None
    ) -> list[Decision]:
        """A decision for every candidate of the sentence."""
        return self._decisions(self.features(sentence, ruled))

    def _decisions(self, items: Sequence[tuple[Candidate, list[str]]]) -> list[Decision]:
        """Decisions for candidates with their features, in their order: one forward pass per family."""
        by_family: dict[str, list[int]] = {}
        for k, (cand, _) in enumerate(items):
            by_family.setdefault(cand.family, []).append(k)
        out: list[Decision | None] = [None] * len(items)
        for name, ks in by_family.items():
            labels = self.model.family(name).labels
            rows = [hashed(items[k][1], self.model.dim) for k in ks]
            best, conf = self.model.decide(name, self.model.probabilities(name, rows))
            for k, label, c in zip(ks, best, conf, strict=True):
                out[k] = Decision(items[k][0], labels[label], float(c))
        return [d for d in out if d is not None]

    def relations(
        self,
        doc: Document,
        mentions: Sequence[Mention],
        entity_of: dict[int, str],
        linked: Sequence[Relation],
    ) -> list[Relation]:
        """Relations between entity pairs of ``doc`` that no relation in ``linked`` (the rules') joins, where the
        model's confidence reaches its threshold; one per pair and sentence, the most confident. The candidates
        of all sentences are scored together."""
        pairs = frozenset(frozenset((r.subject, r.object)) for r in linked if not r.literal)
        literal_subjects = {(r.subject, r.predicate) for r in linked if r.literal}
        roles = _roles_by_sentence(linked)
        # per sentence, the (investor, company) pairs of the rules' investsIn
        rounds: dict[int, set[tuple[str, str]]] = {}
        for r in linked:
            if r.predicate == "investsIn":
                rounds.setdefault(r.evidence.sentence, set()).add((r.subject, r.object))
        active = [f for f in self.model.families if self.model.thresholds[f.name] <= 1]
        by_sentence = _by_sentence(linked)
        ruled = {k: ruled_predicates(v, k) for k, v in by_sentence.items()}
        starts = [m.start for m in mentions]
        work = []
        for sent in doc.sentences:
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            local = [m for m in mentions[lo:hi] if m.start in entity_of]
            if len(local) < 2:
                continue
            sentence = SentenceSlots.build(doc, sent.index, local, entity_of)
            skip = pairs | _named_after(by_sentence.get(sent.index, []), local, entity_of)
            found = self.features(sentence, ruled.get(sent.index), families=active, skip=skip)
            work += [(sent.index, local, sentence, item) for item in found]
        best: dict[tuple, Relation] = {}
        for (index, local, sentence, _), d in zip(work, self._decisions([w[3] for w in work]), strict=True):
            floors = self.model.label_thresholds  # by label (investsIn>) or by predicate, either direction
            if d.label == "none" or d.confidence < max(
                self.model.thresholds[d.candidate.family],
                floors.get(d.label, 0.0),
                floors.get(d.label.rstrip("<>"), 0.0),
            ):
                continue
            rel = self._relation(doc, index, local, sentence, d)
            if rel is None or rel.literal and (rel.subject, rel.predicate) in literal_subjects:
                continue
            between = _between(sentence, d.candidate.a, d.candidate.b)
            if self._negated.search(between):
                continue  # X不属于Y的全资子公司 / A与B未合并: what is denied is no relation
            if rel.predicate == "acquired" and self._not_the_company.match(
                _after(sentence, d.candidate.a, d.candidate.b)
            ):
                continue  # 收购B的一座工厂 / 收购B一事告吹: an asset bought, or a deal called off, is no takeover
            if rel.predicate == "acquired" and self._seller_before.search(_before(sentence, rel.subject)):
                continue  # 向A收购B / 从A手中收购B: A sells B, the buyer is named before
            if rel.predicate in ("acquired", "investsIn"):
                before = _before(sentence, rel.subject)
                if self._rumour_before.search(before):
                    continue  # 传闻A有意收购B / 网传A入股B: a rumour is no deal
                if rel.predicate == "acquired" and self._blocked_before.search(before):
                    continue  # 监管机构否决了A收购B的交易: a blocked deal is none
                near = between + _after(sentence, d.candidate.a, d.candidate.b)[:12]
                if rel.predicate == "investsIn" and self._no_stake.search(near):
                    continue  # B获A贷款 / A正洽谈入股B: a lender, an underwriter or talks are no stake
            if d.candidate.family == "org_org" and any(
                is_market(sentence.slots[k].text) for k in (d.candidate.a, d.candidate.b)
            ):
                continue  # 分拆至深交所创业板上市: an exchange or a regulator is where, not a party
            if rel.predicate == "partner" and self._listed.fullmatch(between):
                continue  # 高瓴资本、红杉中国这两家投资机构: names in a list; a partnership says more (rules)
            if _co_arguments(roles.get(index, {}), rel.subject, rel.object):
                continue  # 腾讯和阿里巴巴都投资了B站: two investors of one company, not a pair of their own
            if rel.predicate == "parentOrganization" and (
                self._not_parent_between.search(between) or self._minority.search(sentence.text)
            ):
                continue  # 锋泰旗下子公司与青禾签约 / 累计持股达17.71%: a partner, a shareholder
            if rel.predicate == "acquired" and _bought_by_own_unit(roles.get(index, {}), rel):
                continue  # A的子公司B收购C: the rules named B the buyer, its parent A is none
            if rel.predicate in _PAIRED_POSTS and _both_paired(roles.get(index, {}), rel):
                continue  # 小米、蔚来的创始人雷军、李斌: the rules paired each name with its own company
            led = rounds.get(index, set())
            if (
                rel.predicate == "investsIn"
                and (rel.subject, rel.object) not in led
                and rel.subject in {investor for investor, _ in led}
            ):
                continue  # A完成A轮融资，B也完成天使轮融资，由X领投 / A的对手B获得了X的投资: the rules gave X its investee
            key = (index, frozenset((rel.subject, rel.object)))
            if key not in best or rel.confidence > best[key].confidence:
                best[key] = rel
        return [best[k] for k in sorted(best, key=lambda k: (k[0], sorted(k[1])))]

    def _relation(
        self, doc: Document, index: int, local: Sequence[Mention], sentence: SentenceSlots, d: Decision
    ) -> Relation | None:
        a, b = d.candidate.a, d.candidate.b
        predicate = d.label.rstrip("<>")
        s, o = (b, a) if d.label.endswith("<") else (a, b)
        ids = sentence.slots
        if predicate in SYMMETRIC and ids[s].entity > ids[o].entity:
            s, o = o, s
        quals: dict[str, str] = {}
        literal = None
        if predicate == "foundingDate":
            literal = normalise_date(local[o].key, doc.date) or local[o].key
        elif predicate == "leads":
            post = self._post(sentence, s, o)
            if post is None:
                return None
            predicate, quals = post
            if predicate == "founder":
                s, o = o, s
        elif predicate == "acquired" and self._planned.search(_between(sentence, s, o)):
            quals = {"status": "planned"}
        sent = doc.sentences[index]
        start, end = min(local[s].start, local[o].start), max(local[s].end, local[o].end)
        return Relation(
            ids[s].entity,
            predicate,
            literal if literal is not None else ids[o].entity,
            Evidence(doc.id, index, start, end, sent.text),
            round(d.confidence, 2),
            self.rule,
            tuple(sorted(quals.items())),
            literal is not None,
        )

    def _post(self, sentence: SentenceSlots, person: int, org: int) -> tuple[str, dict[str, str]] | None:
        """A person's post at an organisation, named by job titles next to them: X董事长张三, 张三担任X董事长,
        张三出任董事长的X. The titles decide leads, worksFor or founder, as the lexicon's roles say; 前/原 make it
        former, 副 a deputy's (never leads). None where no title is written there, or where the titles are not
        the person's (X董事长李四 after 张三 is 李四's post)."""
        p, o = sentence.slots[person], sentence.slots[org]
        text = sentence.text
        if o.start < p.start:  # X(的)董事长张三: the titles end right before the person
            lo, hi = o.end, p.start
            titles = list(self.lexicon.title_pattern.finditer(text, lo, hi))
            if not titles or hi - titles[-1].end() > 1 or not _compact(text, lo, hi, titles):
                return None
        else:  # 张三担任董事长的X, or 张三担任X董事长 (not followed by another person's name)
            titles = list(self.lexicon.title_pattern.finditer(text, p.end, o.start))
            if titles and not _compact(text, p.end, o.start, titles):
                return None
            if not titles:
                after = min([len(text), o.end + 8, *(s.start for s in sentence.slots if s.start >= o.end)])
                titles = [
                    m
                    for m in self.lexicon.title_pattern.finditer(text, o.end, after)
                    if m.start() - o.end <= 2
                ]
                if not titles or any(s.code == "P" and s.start == titles[-1].end() for s in sentence.slots):
                    return None
            lo = titles[0].start()
        title = text[titles[0].start() : titles[-1].end()]  # the chain as written: 董事长兼CEO
        if self._former.search(text[max(lo, titles[0].start() - 2) : titles[0].start()]):
            return "worksFor", {"title": title, "former": "true"}
        roles = {self.lexicon.titles.get(m.group(), "works") for m in titles}
        deputy = any(text[m.start() - 1 : m.start()] in self._deputy for m in titles if m.start())
        if "leads" in roles and not deputy:
            return "leads", {"title": title}
        if roles == {"founder"}:
            return "founder", {}
        return "worksFor", {"title": title}


def _compact(text: str, lo: int, hi: int, titles: list[re.Match[str]]) -> bool:
    """``text[lo:hi]`` is one chain of titles: no clause break, at most four characters that are no title."""
    words = load_words()
    if any(ch in words.set("clause_break") or ch in words.set("clause_punctuation") for ch in text[lo:hi]):
        return False
    return hi - lo - sum(m.end() - m.start() for m in titles) <= 4


def _roles_by_sentence(relations: Sequence[Relation]) -> dict[int, dict[str, set[tuple[str, str, str]]]]:
    """Per sentence, what each entity is in the rules' relations: (side, predicate, the other end)."""
    out: dict[int, dict[str, set[tuple[str, str, str]]]] = {}
    for r in relations:
        if r.literal:
            continue
        here = out.setdefault(r.evidence.sentence, {})
        here.setdefault(r.subject, set()).add(("s", r.predicate, r.object))
        here.setdefault(r.object, set()).add(("o", r.predicate, r.subject))
    return out


def _co_arguments(roles: dict[str, set[tuple[str, str, str]]], a: str, b: str) -> bool:
    """``a`` and ``b`` stand on the same side of one predicate with the same third entity (two investors of one
    company, two units of one parent)."""
    shared = roles.get(a, set()) & roles.get(b, set())
    return any(other not in (a, b) for _, _, other in shared)


def _bought_by_own_unit(roles: dict[str, set[tuple[str, str, str]]], rel: Relation) -> bool:
    """The rules made another entity of the sentence the buyer of ``rel``'s company, and that buyer is
    ``rel``'s subject's subsidiary: the subsidiary bought it, not its parent."""
    return any(
        side == "o"
        and p == "acquired"
        and buyer != rel.subject
        and ("s", "parentOrganization", rel.subject) in roles.get(buyer, set())
        for side, p, buyer in roles.get(rel.object, set())
    )


# Predicates whose ends the rules pair one to one in a sentence's lists (the founders or heads of several companies).
_PAIRED_POSTS = frozenset({"founder", "leads"})


def _both_paired(roles: dict[str, set[tuple[str, str, str]]], rel: Relation) -> bool:
    """Both ends of ``rel`` already have the same predicate with another entity in the sentence (the rules paired
    the names of two lists item by item): the cross pair is no relation."""
    return any(
        side == "s" and p == rel.predicate and other != rel.object
        for side, p, other in roles.get(rel.subject, set())
    ) and any(
        side == "o" and p == rel.predicate and other != rel.subject
        for side, p, other in roles.get(rel.object, set())
    )


def _named_after(
    relations: Sequence[Relation], local: Sequence[Mention], entity_of: dict[int, str]
) -> frozenset[frozenset[str]]:
    """Pairs a rule linked through a name: where a rule related X to 抖音 reading 李宁入驻抖音电商, X and 抖音电商
    (named after the rule's end) are linked too, and the scorer leaves them alone."""
    out = set()
    for r in (r for r in relations if not r.literal):
        for end, other in ((r.object, r.subject), (r.subject, r.object)):
            name = end.split("/", 1)[-1]
            for m in local:
                entity = entity_of[m.start]
                if entity not in (r.subject, r.object) and len(m.key) > len(name) and m.key.startswith(name):
                    out.add(frozenset((other, entity)))
    return frozenset(out)


def _by_sentence(relations: Sequence[Relation]) -> dict[int, list[Relation]]:
    """The relations of each sentence (by their evidence)."""
    out: dict[int, list[Relation]] = {}
    for r in relations:
        out.setdefault(r.evidence.sentence, []).append(r)
    return out


def _before(sentence: SentenceSlots, entity: str) -> str:
    """The sentence's text before the first slot of ``entity``."""
    start = min((slot.start for slot in sentence.slots if slot.entity == entity), default=0)
    return sentence.text[:start]


def _after(sentence: SentenceSlots, i: int, j: int) -> str:
    """The sentence's text after the later of two slots."""
    return sentence.text[max(sentence.slots[i].end, sentence.slots[j].end) :]


def _between(sentence: SentenceSlots, i: int, j: int) -> str:
    x, y = sorted((sentence.slots[i], sentence.slots[j]), key=lambda s: s.start)
    return sentence.text[x.end : y.start]
