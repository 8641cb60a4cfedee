"""build(): the stages called in order, resources loaded once per process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .config import BuildConfig
from .figures import find_figures
from .graph import KnowledgeGraph
from .ingest import document_from_text, iter_documents
from .model import Document, DocumentResult, Mention
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
from .resolve import resolve
from .segment import available_engine, get_segmenter

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


def extract_many(docs: list[Document], *, config: BuildConfig = BuildConfig()) -> list[DocumentResult]:
    """``extract`` for several documents at once: the same results, faster (the statistical tagger decodes the
    sentences of all of them together). Memory grows with the number of documents passed."""
    lexicon = load_lexicon()
    out = []
    for doc, mentions in zip(docs, mentions_for_many(docs, config=config), strict=True):
        figures = find_figures(doc, mentions, lexicon=lexicon)
        entities, entity_of = resolve(
            doc, mentions + embedded_parents(doc, mentions, lexicon=lexicon), lexicon=lexicon
        )
        figures = assign_about(doc, figures, mentions, entity_of)
        relations = [
            r
            for r in relate(doc, mentions, entity_of, figures, lexicon=lexicon)
            if r.confidence >= config.min_confidence
        ]
        out.append(DocumentResult(doc, tuple(entities), tuple(relations), tuple(figures)))
    return out


def mentions_for(
    doc: Document, *, config: BuildConfig = BuildConfig(), with_titles: bool = False
) -> list[Mention]:
    """The recogniser's mentions for one document (and job-title spans, for evaluation)."""
    return mentions_for_many([doc], config=config, with_titles=with_titles)[0]


def mentions_for_many(
    docs: list[Document], *, config: BuildConfig = BuildConfig(), with_titles: bool = False
) -> list[list[Mention]]:
    """``mentions_for`` for several documents at once (the tagger decodes their sentences together)."""
    segmenter, lexicon = get_segmenter(available_engine(config.segmenter)), load_lexicon()
    tokens = [segmenter.tokens(doc.norm) for doc in docs]
    tagger = _tagger(config)
    tagged = (
        tag_documents(tagger, list(zip(docs, tokens, strict=True)), lexicon) if tagger else [None] * len(docs)
    )
    threshold = getattr(tagger, "min_confidence", CRF_MIN_CONFIDENCE)
    out = []
    for doc, toks, spans in zip(docs, tokens, tagged, strict=True):
        if config.model.endswith("-only"):  # the statistical recogniser alone, to measure what it contributes
            ctx = Context(doc, toks, lexicon, lambda w: True)
            found = statistical_mentions(ctx, spans or [], [], min_confidence=threshold)
            out.append(found if with_titles else [m for m in found if m.type != "Title"])
            continue
        mentions = recognize(
            doc, toks, known=segmenter.known, lexicon=lexicon, tagged=spans, min_confidence=threshold
        )
        if with_titles:
            titles = find_titles(
                doc, mentions, lexicon=lexicon, tokens=toks, tagged=spans, min_confidence=threshold
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
) -> KnowledgeGraph:
    """Build a graph from files, folders or ``-`` (stdin). Bad files raise ``InputError``; warnings are kept."""
    graph = KnowledgeGraph()

    def warn(message: str) -> None:
        graph.warnings.append(message)
        if on_warning:
            on_warning(message)

    for batch in batches(iter_documents(inputs, warn=warn), BATCH):
        for result in extract_many(batch, config=config):
            graph.add(result)
    return graph


def build_from_texts(texts: Iterable[str], *, config: BuildConfig = BuildConfig()) -> KnowledgeGraph:
    """Build a graph from article strings (library use)."""
    graph = KnowledgeGraph()
    docs = (document_from_text(text, source=f"<text {i}>") for i, text in enumerate(texts))
    for batch in batches(docs, BATCH):
        for result in extract_many(batch, config=config):
            graph.add(result)
    return graph
