"""Small helpers to run stages on a string."""

from importlib import resources

from kg.figures import find_figures
from kg.ingest import document_from_text
from kg.pipeline import extract, extract_many
from kg.recognize import recognize
from kg.segment import get_segmenter


def mentions_of(text: str):
    doc = document_from_text(text)
    seg = get_segmenter("rjieba")
    tokens = seg.tokens(doc.norm)
    return doc, tokens, recognize(doc, tokens, known=seg.known)


_extracted: dict = {}  # text → its result, extracted ahead by ``extract_ahead``


def extract_ahead(texts) -> None:
    """Extract ``texts`` together now (``extract_many``: the tagger decodes their sentences together, two to three
    times faster than one by one, and each document's result is the one ``extract`` gives it alone, test_crf);
    ``result_of`` then hands each text its result, once."""
    todo = [t for t in dict.fromkeys(texts) if t not in _extracted]
    _extracted.update(zip(todo, extract_many([document_from_text(t) for t in todo]), strict=True))


def result_of(text: str):
    ahead = _extracted.pop(text, None)
    return ahead if ahead is not None else extract(document_from_text(text))


def triples(text: str) -> set[tuple[str, str, str]]:
    res = result_of(text)
    label = {e.id: e.label for e in res.entities}
    return {
        (label.get(r.subject, "ARTICLE"), r.predicate, label.get(r.object, r.object)) for r in res.relations
    }


def figures_of(text: str):
    doc, tokens, mentions = mentions_of(text)
    return find_figures(doc, mentions)


def work(fn, *args, **kwargs) -> int:
    """How many lines of kg's own code ``fn`` executes: a measure of work that, unlike a timer, is the same on
    every machine and every run, so a test can tell linear from quadratic growth without timing anything."""
    import sys
    from pathlib import Path

    import kg

    package = str(Path(kg.__file__).parent)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def model_shipped(model_file: str) -> bool:
    """Whether the package carries a model file (checked without loading the model while tests are collected)."""
    return resources.files("kg.data").joinpath(model_file).is_file()
