"""Small helpers to run stages on a string."""

from kg.figures import find_figures
from kg.ingest import document_from_text
from kg.pipeline import extract
from kg.recognize import recognize
from kg.segment import get_segmenter


def mentions_of(text: str):
    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    tokens = seg.tokens(doc.norm)
    return doc, tokens, recognize(doc, tokens, known=seg.known)


def result_of(text: str):
    return extract(document_from_text(text))


def triples(text: str) -> set[tuple[str, str, str]]:
    res = result_of(text)
    label = {e.id: e.label for e in res.entities}
    return {
        (label.get(r.subject, "ARTICLE"), r.predicate, label.get(r.object, r.object)) for r in res.relations
    }


def figures_of(text: str):
    doc, tokens, mentions = mentions_of(text)
    return find_figures(doc, mentions)
