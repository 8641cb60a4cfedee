"""Relation rules as data: load, validate and compile ``kg/data/rules/*.toml`` (and user rule files), then apply
them to sentence templates.

A rule's pattern is a regular expression over a sentence template (``⟦O0⟧宣布与⟦B1⟧合作``) written with slots
(``{a:org}``, ``{bs:org+}``, ``{date}``) and named vocabulary (``<adverbs>``); the engine expands both, derives
the rule's trigger words, and for each match emits ``predicate`` from each subject slot to each object slot.
What a pattern cannot say is a named Python function (``kg.relate.functions``). The format is described in
``kg/data/rules/README.md``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import KgError
from ..model import Relation
from ..recache import compile_pattern, parsed_toml
from ..recognize.lexicon import _alternation, _guarded
from ..types import SLOT_GROUPS
from ..vocab import PREDICATES, QUALIFIERS
from ..words import Words, WordsError, load_words
from . import functions
from .frame import Anchor, Frame
from .template import SentenceView, expand_slots
from .triggers import parse, triggers_of

RULE_FILES = ("people.toml", "corporate.toml", "commerce.toml")
_KEYS = {
    "name", "predicate", "pattern", "then", "then_stop", "then_chain", "subject", "object", "confidence", "confidence_outside",
    "qualifiers", "check", "emit", "symmetric", "claim", "literal", "object_map", "examples", "doc", "places",
}  # fmt: skip
_REQUIRED = ("name", "predicate", "pattern", "subject", "object", "confidence")


class RuleError(KgError):
    """A rule file that cannot be used: one line naming the file, the rule and the problem."""

    def __init__(self, origin: str, rule: str | None, problem: str) -> None:
        where = f"{origin}: rule {rule!r}" if rule else origin
        super().__init__(f"{where}: {problem}")


class LazyPattern:
    """A rule's regular expression, checked and its groups and trigger words read when the rules load, compiled
    (or rebuilt from the compiled-pattern cache, kg/recache.py) the first time a sentence holds one of its triggers. Python compiles the shipped rules' 265 KB of patterns in
    about a second; a build of a few articles needs a few of them, and listing rules or loading user files none."""

    __slots__ = ("pattern", "groupindex", "triggers", "_compiled")

    def __init__(self, pattern: str) -> None:
        known = _pattern_index().get(_pattern_key(pattern))
        if known is None:
            tree = parse(pattern)  # re.error here, with the load's other errors, not at first use
            groupindex, triggers = dict(tree.state.groupdict), triggers_of(tree)
        else:  # a shipped pattern as it was when the index was written: parsed then, with the same result
            groupindex, triggers = known
        self.pattern = pattern
        self.groupindex: dict[str, int] = groupindex
        self.triggers: tuple[str, ...] = triggers
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __getstate__(self) -> tuple[str, dict[str, int], tuple[str, ...]]:
        return self.pattern, self.groupindex, self.triggers  # a process compiles for itself

    def __setstate__(self, state: tuple[str, dict[str, int], tuple[str, ...]]) -> None:
        self.pattern, self.groupindex, self.triggers = state
        self._compiled = None


PATTERN_INDEX = "patterns.index.json"


def _pattern_key(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8")).hexdigest()[:24]


@functools.cache
def _pattern_index() -> dict[str, tuple[dict[str, int], tuple[str, ...]]]:
    """Each shipped pattern's groups and trigger words by the hash of its expanded text, written by
    ``python -m kg.relate.pattern_index``: parsing the shipped rules' patterns is most of the time they take to
    load. A pattern not in it (a user's, or one edited since) is parsed as it loads."""
    path = resources.files("kg.data").joinpath(f"rules/{PATTERN_INDEX}")
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {key: (dict(groups), tuple(triggers)) for key, (groups, triggers) in raw.items()}


def pattern_index_entries(ruleset: RuleSet) -> dict[str, list[Any]]:
    """The index of ``_pattern_index`` for the patterns of ``ruleset``, parsed afresh."""
    out: dict[str, list[Any]] = {}
    for rule in ruleset:
        for lazy in rule.patterns:
            tree = parse(lazy.pattern)
            out[_pattern_key(lazy.pattern)] = [dict(tree.state.groupdict), list(triggers_of(tree))]
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class Example:
    """A sentence and the facts (subject label, predicate, object label) the rule must find in it."""

    text: str
    expect: tuple[tuple[str, str, str], ...]
    absent: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Ref:
    """A rule's subject or object: pattern groups (each optionally only its slots of some groups: ``"a:company"``;
    a list, ``["first", "second"]``, takes the slots of each) or a named resolver (``"@main_org"``)."""

    groups: tuple[str, ...] = ()
    codes: str | None = None  # keep only slots of these codes
    resolver: str | None = None

    @classmethod
    def parse(cls, spec: str | list[str]) -> Ref:
        items = [spec] if isinstance(spec, str) else spec
        if not items or not all(isinstance(item, str) for item in items):
            raise ValueError("subject and object are a group, a list of groups or @resolver")
        if len(items) == 1 and items[0].startswith("@"):
            return cls(resolver=items[0][1:])
        parts = [item.partition(":") for item in items]
        if any(group.startswith("@") for group, _, _ in parts) or len({only for _, _, only in parts}) > 1:
            raise ValueError("a list of groups takes no resolver, and one restriction (a:company) for all")
        only = parts[0][2]
        return cls(groups=tuple(group for group, _, _ in parts), codes=_codes(only) if only else None)


@dataclass(frozen=True)
class Rule:
    name: str
    predicates: tuple[str, ...]  # what it may produce: one, or several where an emitter chooses
    regex: LazyPattern
    then: tuple[LazyPattern, ...]
    subject: Ref
    object: Ref
    confidence: float
    origin: str
    confidence_outside: float | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()
    check: tuple[str, ...] = ()
    emit: str | None = None
    symmetric: bool = False
    claim: str | None = None
    literal: str | None = None
    object_map: str | None = None
    examples: tuple[Example, ...] = ()
    pattern: str = ""
    then_stop: LazyPattern | None = None  # where the rest of the sentence that ``then`` searches ends
    then_chain: bool = False  # each ``then`` match is looked for again right after the last (a list goes on)
    # the rule reads the template with modifier places kept as slots (places = "kept")
    places_kept: bool = False

    @property
    def triggers(self) -> tuple[str, ...]:
        """The words one of which the sentence must hold for the rule to run: its pattern's (``then`` follows it)."""
        return self.regex.triggers

    @property
    def patterns(self) -> tuple[LazyPattern, ...]:
        """Every regular expression of the rule: its pattern, its ``then`` patterns and its ``then_stop``."""
        return (self.regex, *self.then, *([self.then_stop] if self.then_stop else []))


@dataclass
class Hit:
    """One match of one rule in one sentence, as the named functions see it."""

    view: SentenceView
    rule: Rule
    groups: dict[str, str | None]
    text: str  # the matched part of the template
    start: int  # where the match starts in the template
    env: RuleEnv

    def slots(self, group: str) -> list[int]:
        value = self.groups.get(group)
        if not value:
            return []
        return [int(value)] if value.isdigit() else self.view.many(value)


@dataclass
class RuleEnv:
    """What rules may use beyond the sentence: vocabulary, lexicon, the sentence's money figures, the discourse
    topic, and the posts already claimed in this sentence."""

    words: Words
    lexicon: Any
    amounts: list[str] = field(default_factory=list)
    org_topic: int | str | None = None
    frame: Frame | None = None
    # claim → (subject, object) → the predicates the rule that claimed the pair made of it
    claims: dict[str, dict[tuple[str, str], set[str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    words: Words

    def __iter__(self):
        return iter(self.rules)

    @functools.cached_property
    def trigger_words(self) -> tuple[str, ...]:
        """Every rule's trigger words, for ``_triggers_in``."""
        return tuple(sorted({w for r in self.rules for w in r.triggers}))

    def compile_all(self) -> None:
        """Compile every pattern now rather than at its first use (for timing steady-state throughput)."""
        for rule in self.rules:
            for pattern in rule.patterns:
                pattern.compiled()

    def only(self, name: str) -> RuleSet:
        return RuleSet(tuple(r for r in self.rules if r.name == name), self.words)

    @functools.cached_property
    def rules_of_trigger(self) -> tuple[frozenset[int], dict[str, tuple[int, ...]]]:
        """The rules (their indices) that need no trigger word, and those each trigger word lets run."""
        by_word: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for word in dict.fromkeys(rule.triggers):
                by_word.setdefault(word, []).append(i)
        always = frozenset(i for i, rule in enumerate(self.rules) if not rule.triggers)
        return always, {w: tuple(v) for w, v in by_word.items()}

    def apply(self, view: SentenceView, env: RuleEnv) -> list[Relation]:
        """The relations the rules make in this sentence, rule after rule in their order; a rule with trigger
        words runs only where the sentence has one of them (in the template it reads: with its places as slots
        for a rule with places = "kept")."""
        out: list[Relation] = []
        always, rules_of = self.rules_of_trigger
        chosen = set(always)
        present = _triggers_in(view.template, self.trigger_words)
        for word in present:
            chosen.update(rules_of.get(word, ()))
        if view.kept != view.template:  # rules that read places as slots look for their words where they do
            for word in _triggers_in(view.kept, self.trigger_words) - present:
                chosen.update(i for i in rules_of.get(word, ()) if self.rules[i].places_kept)
        for i in sorted(chosen):
            for hit in _hits(self.rules[i], view, env):
                out += _emit(hit)
        return out


def _triggers_in(template: str, words: tuple[str, ...]) -> set[str]:
    """Which of ``words`` occur in ``template``: one scan finds the longest word starting at each position, and
    every word that starts there too is a prefix of it."""
    finder, prefixes = _trigger_finder(words)
    present = {""}  # (the empty word is in every template)
    if not prefixes:
        return present
    for m in finder.finditer(template):
        present.update(prefixes[m.group(1)])
    return present


@functools.lru_cache(maxsize=64)
def _trigger_finder(words: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    # the longest word at each position, the words as a trie behind a test of their first characters (as the
    # lexicon's names: the same matches as an alternation of the words longest first, several times faster)
    named = [w for w in ordered if w]
    finder = compile_pattern("(?=(" + _guarded(named, _alternation(named)) + "))")
    known = set(ordered)  # each word's prefixes among the words, longest first (as ``ordered`` lists them)
    prefixes = {w: tuple(w[:k] for k in range(len(w), -1, -1) if w[:k] in known) for w in named}
    return finder, prefixes


def _hits(rule: Rule, view: SentenceView, env: RuleEnv) -> Iterable[Hit]:
    if rule.places_kept:
        view = view.places_kept()
    t = view.template
    for m in rule.regex.finditer(t):
        if not rule.then:
            yield Hit(view, rule, m.groupdict(), m.group(), m.start(), env)
            continue
        rest = t[m.end() :]
        stop = rule.then_stop.search(rest) if rule.then_stop is not None else None
        if stop is not None:
            rest = rest[: stop.start()]  # …完成A轮融资；同在赛道的B亦完成A轮融资，由X领投: X is B's
        for then in rule.then:
            for n in _then_matches(then, rest, chain=rule.then_chain):
                yield Hit(view, rule, {**m.groupdict(), **n.groupdict()}, m.group(), m.start(), env)


def _then_matches(then: LazyPattern, rest: str, *, chain: bool) -> Iterable[re.Match[str]]:
    """``then``'s matches in the rest of the sentence; chained, each next one is looked for where the last ended
    (its pattern anchored with ^ there: A、B、C after 青禾科技创始人王强), until one is not found."""
    if not chain:
        yield from then.finditer(rest)
        return
    while rest:
        n = then.search(rest)
        if n is None or n.end() == 0:
            return
        yield n
        rest = rest[n.end() :]


def end_key(end: int | Anchor) -> str:
    """What identifies a relation's end for claims: its slot number, or the outside entity's id."""
    return end.entity if isinstance(end, Anchor) else str(end)


def _members(hit: Hit, ref: Ref) -> list[int | Anchor]:
    if ref.resolver:
        return functions.resolve(ref.resolver, hit)
    found = [n for group in ref.groups for n in hit.slots(group)]
    if ref.codes:
        found = [n for n in found if hit.view.code(n) in ref.codes]
    return list(found)


def _emit(hit: Hit) -> list[Relation]:
    rule = hit.rule
    if any(not functions.check(name, hit) for name in rule.check):
        return []
    out: list[Relation] = []
    for s in _members(hit, rule.subject):
        for o in _members(hit, rule.object):
            claimed = hit.env.claims.setdefault(rule.claim, {}) if rule.claim is not None else None
            pair = (end_key(s), end_key(o))
            taken = claimed.get(pair) if claimed is not None else None
            if taken is not None and ("founder" in taken or "founder" not in rule.predicates):
                continue
            if rule.emit:
                made = [r for r in functions.emit(rule.emit, hit, s, o) if r.predicate in rule.predicates]
            else:
                rel = _relation(hit, s, o)
                made = [rel] if rel is not None else []
            if taken is not None:
                # the pair's post is claimed; a founder stays one (青禾创始人王明辞去董事长职务: founder, former post)
                made = [r for r in made if r.predicate == "founder"]
            if claimed is not None and made:  # a rule that made nothing of the pair leaves it to the next
                claimed.setdefault(pair, set()).update(r.predicate for r in made)
            out += made + _elsewhere(made, s, o)
    return out


def _elsewhere(made: list[Relation], *ends: int | Anchor) -> list[Relation]:
    """The same relations with the evidence of the sentence that established an end outside this one (the
    article's subject, its funding round), so that a fact keeps both sentences."""
    out = []
    for end in ends:
        if isinstance(end, Anchor) and end.evidence is not None:
            out += [
                dataclasses.replace(r, evidence=end.evidence)
                for r in made
                if r.evidence.sentence != end.evidence.sentence
            ]
    return out


def confidence_for(hit: Hit, *ends: int | Anchor) -> float:
    """The rule's confidence, or its lower ``confidence_outside`` where an end lies outside the sentence."""
    outside = any(isinstance(x, Anchor) for x in ends)
    if outside and hit.rule.confidence_outside is not None:
        return hit.rule.confidence_outside
    return hit.rule.confidence


def _relation(hit: Hit, s: int | Anchor, o: int | Anchor) -> Relation | None:
    rule, view = hit.rule, hit.view
    object_id = None
    if rule.object_map:
        if not isinstance(o, int):
            return None
        object_id = functions.map_object(rule.object_map, hit, o)
        if object_id is None:
            return None
    if rule.symmetric and isinstance(s, int) and isinstance(o, int) and view.entity(s) > view.entity(o):
        s, o = o, s
    quals = {}
    for key, value in rule.qualifiers:
        found = functions.qualifier(value[1:], hit) if value.startswith("@") else value
        if found is not None:
            quals[key] = found
    literal = functions.literal(rule.literal, hit) if rule.literal else None
    if rule.literal and literal is None:
        return None
    return view.relation(
        s if isinstance(s, int) else None,
        rule.predicates[0],
        o if isinstance(o, int) else None,
        rule=rule.name,
        confidence=confidence_for(hit, s, o),
        qualifiers=quals or None,
        literal=literal,
        subject_id=s.entity if isinstance(s, Anchor) else None,
        object_id=object_id or (o.entity if isinstance(o, Anchor) else None),
    )


# --- loading ---------------------------------------------------------------------------------------------------


def _codes(spec: str) -> str:
    codes = ""
    for name in spec.split("|"):
        if name not in SLOT_GROUPS:
            raise ValueError(f"unknown slot group {name!r} (known: {', '.join(SLOT_GROUPS)})")
        codes += SLOT_GROUPS[name]
    return "".join(sorted(set(codes), key=codes.index))


def _compile(pattern: str, words: Words, origin: str, name: str) -> LazyPattern:
    try:
        return LazyPattern(expand_slots(words.expand(pattern)))
    except WordsError as exc:
        raise RuleError(origin, name, exc.problem) from None
    except (re.error, ValueError) as exc:
        raise RuleError(origin, name, f"pattern does not compile: {exc}") from None


def _example(raw: Any, origin: str, name: str) -> Example:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("text"), str):
        raise RuleError(
            origin, name, 'each example needs text = "…" and expect = [[subject, predicate, object], …]'
        )

    def facts(key: str) -> tuple[tuple[str, str, str], ...]:
        items = raw.get(key, [])
        if not all(isinstance(f, list) and len(f) == 3 and all(isinstance(x, str) for x in f) for f in items):
            raise RuleError(origin, name, f"example {key} must be a list of [subject, predicate, object]")
        return tuple((f[0], f[1], f[2]) for f in items)

    return Example(raw["text"], facts("expect"), facts("absent"))


def _rule(raw: Mapping[str, Any], words: Words, origin: str) -> Rule:
    name = raw.get("name") if isinstance(raw.get("name"), str) else None
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise RuleError(origin, name, f"unknown key {unknown[0]!r}")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise RuleError(origin, name, f"missing {missing[0]!r}")
    assert name is not None
    predicates = (raw["predicate"],) if isinstance(raw["predicate"], str) else tuple(raw["predicate"])
    for predicate in predicates:
        if predicate not in PREDICATES:
            raise RuleError(origin, name, f"unknown predicate {predicate!r} (known: {', '.join(PREDICATES)})")
    if len(predicates) != 1 and not raw.get("emit"):
        raise RuleError(origin, name, "a rule with several predicates needs an emitter (emit = …) to choose")
    if not isinstance(raw["pattern"], str):
        raise RuleError(origin, name, "pattern must be one string (write two rules for two patterns)")
    regex = _compile(raw["pattern"], words, origin, name)
    then_raw = raw.get("then", [])
    then = tuple(
        _compile(p, words, origin, name) for p in ([then_raw] if isinstance(then_raw, str) else then_raw)
    )
    groups = set(regex.groupindex).union(*(p.groupindex for p in then))
    then_stop = _compile(raw["then_stop"], words, origin, name) if raw.get("then_stop") else None
    if then_stop is not None and not then:
        raise RuleError(origin, name, "then_stop needs then")
    if raw.get("then_chain") and not then:
        raise RuleError(origin, name, "then_chain needs then")
    try:
        subject, obj = Ref.parse(raw["subject"]), Ref.parse(raw["object"])
    except ValueError as exc:
        raise RuleError(origin, name, str(exc)) from None
    for group in (*subject.groups, *obj.groups):
        if group not in groups:
            raise RuleError(origin, name, f"no slot named {group!r} in the pattern")
    qualifiers = raw.get("qualifiers", {})
    if not isinstance(qualifiers, Mapping) or any(k not in QUALIFIERS for k in qualifiers):
        raise RuleError(origin, name, f"qualifiers must be a table of: {', '.join(QUALIFIERS)}")
    confidence = raw["confidence"]
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise RuleError(origin, name, "confidence must be a number in (0, 1]")
    if raw.get("places", "folded") not in ("folded", "kept"):
        raise RuleError(origin, name, 'places must be "folded" (the default) or "kept"')
    check = raw.get("check", [])
    check = (check,) if isinstance(check, str) else tuple(check)
    try:
        functions.validate(
            resolvers=[r.resolver for r in (subject, obj) if r.resolver],
            qualifiers=[v[1:] for v in qualifiers.values() if isinstance(v, str) and v.startswith("@")],
            checks=list(check),
            emit=raw.get("emit"),
            literal=raw.get("literal"),
            object_map=raw.get("object_map"),
        )
    except ValueError as exc:
        raise RuleError(origin, name, str(exc)) from None
    return Rule(
        name=name,
        predicates=predicates,
        regex=regex,
        then=then,
        then_stop=then_stop,
        then_chain=bool(raw.get("then_chain", False)),
        subject=subject,
        object=obj,
        confidence=float(confidence),
        origin=origin,
        confidence_outside=raw.get("confidence_outside"),
        qualifiers=tuple((str(k), str(v)) for k, v in qualifiers.items()),
        check=check,
        emit=raw.get("emit"),
        symmetric=bool(raw.get("symmetric", False)),
        claim=raw.get("claim"),
        literal=raw.get("literal"),
        object_map=raw.get("object_map"),
        examples=tuple(_example(e, origin, name) for e in raw.get("examples", [])),
        pattern=raw["pattern"],
        places_kept=raw.get("places") == "kept",
    )


def _read(text: str, origin: str) -> dict[str, Any]:
    try:
        return parsed_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(origin, None, f"not valid TOML: {exc}") from None


def _shipped() -> list[tuple[str, dict[str, Any]]]:
    folder = resources.files("kg.data").joinpath("rules")
    return [
        (f"kg/data/rules/{n}", _read(folder.joinpath(n).read_text(encoding="utf-8"), f"kg/data/rules/{n}"))
        for n in RULE_FILES
    ]


def _user(path: str) -> tuple[str, dict[str, Any]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(str(path), None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), None, f"cannot be read ({exc.__class__.__name__})") from None
    return str(path), _read(text, str(path))


def load_rules(user_files: tuple[str, ...] = (), title_pattern: str | None = None) -> RuleSet:
    """The shipped rules and the user's (a user rule with a shipped rule's name replaces it; new ones come after
    the shipped ones), compiled with the shipped vocabulary and each user file's ``[words]``. ``<title>`` in a
    pattern is any job title of the lexicon whose ``title_pattern`` is given (the shipped one by default)."""
    if title_pattern is None:
        from ..recognize.lexicon import load_lexicon

        title_pattern = load_lexicon().title_pattern.pattern
    return _load_rules(tuple(user_files), title_pattern)


@functools.cache
def _load_rules(user_files: tuple[str, ...], title_pattern: str) -> RuleSet:
    words = load_words().merged({"title": {"pattern": title_pattern}}, load_words().origin)
    users = [_user(p) for p in user_files]
    rules: dict[str, Rule] = {}
    if users and not any(set(data.get("words", ())) & set(words.entries) for _, data in users):
        # the user's files change no shipped vocabulary (new entries at most): the shipped rules compile as they
        # always do, so reuse them
        shipped = _load_rules((), title_pattern)
        words, rules = shipped.words, {rule.name: rule for rule in shipped.rules}
        documents = users
    else:
        documents = _shipped() + users
    for origin, data in users:
        if "words" in data:
            try:
                words = words.merged(data["words"], origin)
            except WordsError as exc:
                raise RuleError(origin, None, exc.problem) from None
    for origin, data in documents:
        unknown = sorted(set(data) - {"rule", "words"})
        if unknown:
            raise RuleError(
                origin, None, f"unknown table {unknown[0]!r} (a rule file holds [[rule]] and [words])"
            )
        for raw in data.get("rule", []):
            rule = _rule(raw, words, origin)
            if rule.name in rules and rules[rule.name].origin == origin:
                raise RuleError(origin, rule.name, "a second rule with this name")
            rules[rule.name] = rule
    return RuleSet(tuple(rules.values()), words)
