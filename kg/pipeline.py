"""build(): the stages called in order, resources loaded once per process."""

from __future__ import annotations

import functools
import gc
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from . import parts
from .config import BuildConfig
from .figures import find_figures
from .graph import KnowledgeGraph
from .ingest import document_from_text, iter_documents
from .model import Document, DocumentResult, Mention
from .progress import count_documents
from .recognize import (
    CRF_MIN_CONFIDENCE,
    Context,
    embedded_parents,
    find_titles,
    recognize,
    statistical_mentions,
    tag_documents,
)
from .recognize.lexicon import load_lexicon
from .recognize.statistical import load_statistical
from .relate import assign_about, relate
from .relate.frame import document_frame
from .relate.rules import Example, RuleSet, load_rules
from .relate.scorer import load_scorer
from .resolve import resolve
from .segment import available_engine, get_segmenter
from .vocab import SYMMETRIC

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


BATCH = 32  # documents extracted together by build(): enough for the tagger's batching to pay, little memory


def extract(doc: Document, *, config: BuildConfig = BuildConfig()) -> DocumentResult:
    """Everything kg finds in one document: entities, relations and figures with evidence."""
    return extract_many([doc], config=config)[0]


def extract_many(
    docs: list[Document], *, config: BuildConfig = BuildConfig(), rules: RuleSet | None = None
) -> list[DocumentResult]:
    """``extract`` for several documents at once: the same results, faster (the statistical tagger decodes the
    sentences of all of them together). Memory grows with the number of documents passed. ``rules`` replaces
    the configured relation rules (to see what some rules alone find)."""
    lexicon = load_lexicon(config.lexicons)
    rules = rules or load_rules(config.rules, lexicon.title_pattern.pattern)
    scorer = load_scorer(config.relation_model, config.lexicons)
    out = []
    for doc, mentions in zip(docs, mentions_for_many(docs, config=config), strict=True):
        figures = find_figures(doc, mentions, lexicon=lexicon)
        entities, entity_of = resolve(
            doc, mentions + embedded_parents(doc, mentions, lexicon=lexicon), lexicon=lexicon
        )
        frame = document_frame(doc, mentions, entity_of, figures)
        relations = [
            r
            for r in relate(
                doc, mentions, entity_of, figures, lexicon=lexicon, rules=rules, frame=frame, scorer=scorer
            )
            if r.confidence >= config.min_confidence
        ]
        figures = assign_about(doc, figures, mentions, entity_of, frame=frame, relations=relations)
        out.append(DocumentResult(doc, tuple(entities), tuple(relations), tuple(figures)))
    _freeze_resources()
    return out


@functools.cache
def _freeze_resources() -> None:
    """Once per process, after the first extraction has loaded the lexicon, the knowledge base, the models and
    the rules (some 200,000 objects that live as long as the process): move every object alive to the garbage
    collector's permanent generation, so that its full collections stop walking them all again (about 5% of a
    build's CPU time). Nothing else changes: they are freed as before when nothing refers to them, and only a
    reference cycle among them would never be collected."""
    gc.freeze()


def mentions_for(
    doc: Document, *, config: BuildConfig = BuildConfig(), with_titles: bool = False
) -> list[Mention]:
    """The recogniser's mentions for one document (and job-title spans, for evaluation)."""
    return mentions_for_many([doc], config=config, with_titles=with_titles)[0]


def mentions_for_many(
    docs: list[Document], *, config: BuildConfig = BuildConfig(), with_titles: bool = False
) -> list[list[Mention]]:
    """``mentions_for`` for several documents at once (the tagger decodes their sentences together); a very long
    document is recognised in sentence-aligned parts (``kg.parts``), its mentions still in its own offsets."""
    out: list[list[Mention]] = [[] for _ in docs]
    units = [(i, part) for i, doc in enumerate(docs) for part in parts.split(doc)]
    for group in parts.groups(units):
        found = _mentions([part.doc for _, part in group], config=config, with_titles=with_titles)
        for (i, part), mentions in zip(group, found, strict=True):
            out[i].extend(parts.whole(mentions, part))
    return out


def _mentions(docs: list[Document], *, config: BuildConfig, with_titles: bool) -> list[list[Mention]]:
    segmenter = get_segmenter(available_engine(config.segmenter), config.lexicons)
    lexicon = load_lexicon(config.lexicons)
    tokens = [segmenter.tokens(doc.norm) for doc in docs]
    tagger = _tagger(config)
    tagged = (
        tag_documents(tagger, list(zip(docs, tokens, strict=True)), lexicon) if tagger else [None] * len(docs)
    )
    threshold = getattr(tagger, "min_confidence", CRF_MIN_CONFIDENCE)
    source = getattr(tagger, "name", "crf")
    out = []
    for doc, toks, spans in zip(docs, tokens, tagged, strict=True):
        if config.model.endswith("-only"):  # the statistical recogniser alone, to measure what it contributes
            ctx = Context(doc, toks, lexicon, segmenter.known)
            found = statistical_mentions(ctx, spans or [], [], min_confidence=threshold, source=source)
            out.append(found if with_titles else [m for m in found if m.type != "Title"])
            continue
        mentions = recognize(
            doc,
            toks,
            known=segmenter.known,
            lexicon=lexicon,
            tagged=spans,
            min_confidence=threshold,
            source=source,
        )
        if with_titles:
            titles = find_titles(
                doc,
                mentions,
                lexicon=lexicon,
                tokens=toks,
                tagged=spans,
                min_confidence=threshold,
                source=source,
            )
            mentions = sorted(mentions + titles, key=lambda m: m.start)
        out.append(mentions)
    return out


def _tagger(config: BuildConfig):
    return load_statistical(config.model)


def build(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    config: BuildConfig = BuildConfig(),
    on_warning: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> KnowledgeGraph:
    """Build a graph from files, folders or ``-`` (stdin). Bad files raise ``InputError``; warnings are kept.
    ``on_progress(documents done, documents in the inputs or None)`` is called after each batch."""
    graph = KnowledgeGraph()
    inputs = list(inputs)
    total = count_documents(inputs) if on_progress else None
    done = 0

    def warn(message: str) -> None:
        graph.warnings.append(message)
        if on_warning:
            on_warning(message)

    docs = iter_documents(inputs, warn=warn, max_document_mb=config.max_document_mb)
    for batch in batches(first_of_each_id(docs, warn), BATCH):
        for result in extract_many(batch, config=config):
            graph.add(result)
        done += len(batch)
        if on_progress:
            on_progress(done, total)
    return graph


def first_of_each_id(docs: Iterable[Document], warn: Callable[[str], None]) -> Iterator[Document]:
    """A file build keeps the first document of each id; a later one with another text is skipped with a
    warning (a store replaces it instead: the newest version of an article wins there)."""
    seen: dict[str, tuple[str, str]] = {}  # id → (source, hash of the text)
    for doc in docs:
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        first = seen.get(doc.id)
        if first is None:
            seen[doc.id] = (doc.source, digest)
            yield doc
        elif first[1] != digest:
            warn(
                f"{doc.source}: document id {shorten(doc.id)} is already used by {first[0]} for another text; "
                "this one is skipped (give each article its own id)"
            )


def shorten(text: str, limit: int = 60) -> str:
    """``text`` quoted for a one-line message: at most ``limit`` characters, control characters escaped."""
    shown = repr(text[:limit])
    return shown[:-1] + "…" + shown[-1] if len(text) > limit else shown


def build_from_texts(texts: Iterable[str], *, config: BuildConfig = BuildConfig()) -> KnowledgeGraph:
    """Build a graph from article strings (library use)."""
    graph = KnowledgeGraph()
    docs = (document_from_text(text, source=f"<text {i}>") for i, text in enumerate(texts))
    for batch in batches(docs, BATCH):
        for result in extract_many(batch, config=config):
            graph.add(result)
    return graph


def rule_hits(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    config: BuildConfig = BuildConfig(),
    on_warning: Callable[[str], None] | None = None,
) -> Counter[str]:
    """How many relations each rule contributed on the articles in ``inputs`` (after deduplication)."""
    hits: Counter[str] = Counter()
    for batch in batches(iter_documents(inputs, warn=on_warning or (lambda m: None)), BATCH):
        for result in extract_many(batch, config=config):
            hits.update(r.rule for r in result.relations)
    return hits


@dataclass(frozen=True)
class ExampleCheck:
    """One example of one rule, checked: what is missing from the rule's own output, what is wrongly present."""

    rule: str
    text: str
    missing: tuple[tuple[str, str, str], ...]
    unwanted: tuple[tuple[str, str, str], ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unwanted


def check_rule_examples(
    *,
    config: BuildConfig = BuildConfig(),
    name: str | None = None,
    select: Callable[[str, int, Example], bool] | None = None,
) -> list[ExampleCheck]:
    """Run every rule's examples (or rule ``name``'s; or those ``select(rule_name, index, example)`` keeps): each
    expected fact must be made by that rule itself and kept in the final output; no ``absent`` fact may be in the
    output. The examples go through the pipeline together, as a corpus's documents do (each is its own document)."""
    lexicon = load_lexicon(config.lexicons)
    ruleset = load_rules(config.rules, lexicon.title_pattern.pattern)
    chosen = [
        (rule, example)
        for rule in ruleset
        if name is None or rule.name == name
        for index, example in enumerate(rule.examples)
        if select is None or select(rule.name, index, example)
    ]
    docs = [document_from_text(example.text, source=f"<example of {rule.name}>") for rule, example in chosen]
    results = extract_many(docs, config=config) if docs else []
    out = []
    for (rule, example), doc, result in zip(chosen, docs, results, strict=True):
        full, own = _labelled(result), _labelled(result, rule.name)
        if not all(_has(own, f) for f in example.expect):
            # made by another rule in the full run, perhaps first: does this rule make it on its own?
            own = _labelled(extract_many([doc], config=config, rules=ruleset.only(rule.name))[0], rule.name)
        missing = tuple(f for f in example.expect if not (_has(own, f) and _has(full, f)))
        unwanted = tuple(f for f in example.absent if _has(full, f))
        out.append(ExampleCheck(rule.name, example.text, missing, unwanted))
    return out


def _labelled(result: DocumentResult, rule: str | None = None) -> set[tuple[str, str, str]]:
    label = {e.id: e.label for e in result.entities}
    facts = set()
    for r in result.relations:
        if rule is None or r.rule == rule:
            facts.add((label.get(r.subject, r.subject), r.predicate, label.get(r.object, r.object)))
    return facts


def _has(facts: set[tuple[str, str, str]], fact: tuple[str, str, str]) -> bool:
    s, p, o = fact
    return fact in facts or p in SYMMETRIC and (o, p, s) in facts
