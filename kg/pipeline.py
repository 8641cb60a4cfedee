"""build(): the stages called in order, resources loaded once per process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from .config import BuildConfig
from .errors import KgError
from .figures import find_figures
from .graph import KnowledgeGraph
from .ingest import document_from_text, iter_documents
from .model import Document, DocumentResult, Mention
from .recognize import Context, embedded_parents, find_titles, recognize, statistical_mentions
from .recognize.crf import load_tagger
from .recognize.lexicon import load_lexicon
from .relate import assign_about, relate
from .resolve import resolve
from .segment import available_engine, get_segmenter


def extract(doc: Document, *, config: BuildConfig = BuildConfig()) -> DocumentResult:
    """Everything kg finds in one document: entities, relations and figures with evidence."""
    lexicon = load_lexicon()
    tokens, mentions = _recognise(doc, config)
    figures = find_figures(doc, mentions, lexicon=lexicon)
    entities, entity_of = resolve(doc, mentions + embedded_parents(doc, mentions, lexicon=lexicon), lexicon=lexicon)
    figures = assign_about(doc, figures, mentions, entity_of)
    relations = [r for r in relate(doc, mentions, entity_of, figures, lexicon=lexicon) if r.confidence >= config.min_confidence]
    return DocumentResult(doc, tuple(entities), tuple(relations), tuple(figures))


def mentions_for(doc: Document, *, config: BuildConfig = BuildConfig(), with_titles: bool = False) -> list[Mention]:
    """The recogniser's mentions for one document (and job-title spans, for evaluation)."""
    tokens, mentions = _recognise(doc, config)
    if config.model == "crf-only":  # the statistical recogniser on its own, to measure what it contributes
        ctx = Context(doc, tokens, load_lexicon(), lambda w: True)
        found = statistical_mentions(ctx, _tagger(config), [])
        return found if with_titles else [m for m in found if m.type != "Title"]
    if not with_titles:
        return mentions
    titles = find_titles(doc, mentions, lexicon=load_lexicon(), tokens=tokens, tagger=_tagger(config))
    return sorted(mentions + titles, key=lambda m: m.start)


def _recognise(doc: Document, config: BuildConfig) -> tuple[list, list[Mention]]:
    """Tokens and mentions of ``doc`` (rules, then the statistical model unless it is off or used alone)."""
    segmenter = get_segmenter(available_engine(config.segmenter))
    tokens = segmenter.tokens(doc.norm)
    if config.model == "crf-only":
        return tokens, []
    return tokens, recognize(doc, tokens, known=segmenter.known, lexicon=load_lexicon(), tagger=_tagger(config))


def _tagger(config: BuildConfig):
    if config.model == "none":
        return None
    if config.model not in ("crf", "crf-only"):
        raise KgError(f"unknown model {config.model!r}; choose one of: crf, crf-only, none")
    tagger = load_tagger()
    if tagger is None and config.model == "crf-only":
        raise KgError("no CRF model is shipped in this installation (kg/data/ner.crfsuite); train one with python -m kg.train")
    return tagger


def build(inputs: Iterable[str | os.PathLike[str]], *, config: BuildConfig = BuildConfig(),
          on_warning: Callable[[str], None] | None = None) -> KnowledgeGraph:
    """Build a graph from files, folders or ``-`` (stdin). Bad files raise ``InputError``; warnings are kept."""
    graph = KnowledgeGraph()

    def warn(message: str) -> None:
        graph.warnings.append(message)
        if on_warning:
            on_warning(message)

    for doc in iter_documents(inputs, warn=warn):
        graph.add(extract(doc, config=config))
    return graph


def build_from_texts(texts: Iterable[str], *, config: BuildConfig = BuildConfig()) -> KnowledgeGraph:
    """Build a graph from article strings (library use)."""
    graph = KnowledgeGraph()
    for i, text in enumerate(texts):
        graph.add(extract(document_from_text(text, source=f"<text {i}>"), config=config))
    return graph
