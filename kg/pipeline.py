"""build(): the stages called in order, resources loaded once per process."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from . import parts
from .config import BuildConfig
from .errors import KgError
from .figures import find_figures
from .graph import KnowledgeGraph
from .ingest import document_from_text, iter_documents
from .model import Document, DocumentResult, Mention
from .recognize import Context, embedded_parents, find_titles, recognize, statistical_mentions, tag_documents
from .recognize.crf import load_tagger
from .recognize.lexicon import load_lexicon
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
    segmenter, lexicon = get_segmenter(available_engine(config.segmenter)), load_lexicon()
    tokens = [segmenter.tokens(doc.norm) for doc in docs]
    tagger = _tagger(config)
    tagged = (
        tag_documents(tagger, list(zip(docs, tokens, strict=True)), lexicon) if tagger else [None] * len(docs)
    )
    out = []
    for doc, toks, spans in zip(docs, tokens, tagged, strict=True):
        if (
            config.model == "crf-only"
        ):  # the statistical recogniser on its own, to measure what it contributes
            found = statistical_mentions(Context(doc, toks, lexicon, lambda w: True), spans or [], [])
            out.append(found if with_titles else [m for m in found if m.type != "Title"])
            continue
        mentions = recognize(doc, toks, known=segmenter.known, lexicon=lexicon, tagged=spans)
        if with_titles:
            titles = find_titles(doc, mentions, lexicon=lexicon, tokens=toks, tagged=spans)
            mentions = sorted(mentions + titles, key=lambda m: m.start)
        out.append(mentions)
    return out


def _tagger(config: BuildConfig):
    if config.model == "none":
        return None
    if config.model not in ("crf", "crf-only"):
        raise KgError(f"unknown model {config.model!r}; choose one of: crf, crf-only, none")
    tagger = load_tagger()
    if tagger is None and config.model == "crf-only":
        raise KgError(
            "no CRF model is shipped in this installation (kg/data/ner.crfsuite); train one with python -m kg.train"
        )
    return tagger


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

    docs = iter_documents(inputs, warn=warn, max_document_mb=config.max_document_mb)
    for batch in batches(first_of_each_id(docs, warn), BATCH):
        for result in extract_many(batch, config=config):
            graph.add(result)
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
