"""Corpus builds into a store: documents stream through in batches, extracted in this process, in N worker
processes, or on a Dask cluster, and each document lands in the store as its own named graph.

Memory stays bounded by the batch (documents are read lazily and every batch is written before the next is
read). Workers return N-Quads, so serialisation runs in parallel too; the store only loads them. Results are
identical whatever the number of workers: each document's graph depends only on that document.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import BuildConfig
from .errors import KgError, MissingDependency
from .ingest import iter_documents
from .model import Document
from .store import Store, content_hash, document_nquads

ENGINES = ("local", "dask")


@dataclass
class Progress:
    documents: int = 0
    characters: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    entities: int = 0
    relations: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        s = max(self.seconds, 1e-9)
        return (f"{self.documents} docs ({self.documents / s:.1f}/s, {self.characters * 3 / 1e6 / s:.2f} MB/s) · "
                f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged · "
                f"{self.entities} entity mentions, {self.relations} relations")


@dataclass(frozen=True)
class Extracted:
    """What a worker sends back for one document."""

    doc_id: str
    digest: str
    nquads: str
    characters: int
    entities: int
    relations: int


def extract_nquads(doc: Document, config: BuildConfig) -> Extracted:
    from .pipeline import extract

    result = extract(doc, config=config)
    return Extracted(doc.id, content_hash(doc.text), document_nquads(result, base=config.base), len(doc.text),
                     len(result.entities), len(result.relations))


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_store(inputs: Iterable[str | os.PathLike[str]], store_path: str | os.PathLike[str], *,
                config: BuildConfig = BuildConfig(), jobs: int = 1, engine: str = "local",
                scheduler: str | None = None, batch_size: int = 64,
                on_warning: Callable[[str], None] = lambda m: None,
                on_progress: Callable[[Progress], None] = lambda p: None) -> Progress:
    """Add every document of ``inputs`` to the store at ``store_path`` (created if needed)."""
    if engine not in ENGINES:
        raise KgError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if jobs < 1:
        raise KgError("--jobs must be at least 1")
    progress = Progress()
    with Store(store_path, base=config.base) as store, _runner(engine, jobs, scheduler, config) as run:
        for batch in _batches(iter_documents(inputs, warn=on_warning), batch_size):
            todo = []
            for doc in batch:
                progress.documents += 1
                progress.characters += len(doc.text)
                if store.stored_hash(doc.id) == content_hash(doc.text):
                    progress.unchanged += 1  # re-adding an article changes nothing, and costs no extraction
                else:
                    todo.append(doc)
            results, partition = run(todo)
            for item in results:
                outcome = "replaced" if store.stored_hash(item.doc_id) else "added"
                if outcome == "replaced" or store.has_graph(item.doc_id):  # (or left half-written by a crash)
                    store.drop_document(item.doc_id)
                setattr(progress, outcome, getattr(progress, outcome) + 1)
                progress.entities += item.entities
                progress.relations += item.relations
            if partition is not None:
                store.load_file(partition)  # the cluster's partition file, in one load
                partition.unlink()
            elif results:
                store.load_batch("".join(r.nquads for r in results))  # one bulk load a batch
            on_progress(progress)
    return progress


class _runner:
    """A context manager giving ``run(docs) -> (results in input order, partition file or None)``."""

    def __init__(self, engine: str, jobs: int, scheduler: str | None, config: BuildConfig) -> None:
        self.engine, self.jobs, self.scheduler, self.config = engine, jobs, scheduler, config
        self._pool = self._client = None
        self._spool = None

    def __enter__(self):
        if self.engine == "dask":
            try:
                from distributed import Client
            except ImportError:
                raise MissingDependency("distributed", extra="scale") from None
            if not self.scheduler:
                raise KgError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
            self._client = Client(self.scheduler, set_as_default=False)
            self._spool = tempfile.TemporaryDirectory(prefix="kg-partitions-")
            return self._dask
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_warm, initargs=(self.config,))
            return self._parallel
        return self._serial

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._spool is not None:
            self._spool.cleanup()

    def _serial(self, docs: list[Document]):
        return [extract_nquads(doc, self.config) for doc in docs], None

    def _parallel(self, docs: list[Document]):
        chunk = max(1, len(docs) // (self.jobs * 4))
        return list(self._pool.map(extract_nquads, docs, [self.config] * len(docs), chunksize=chunk)), None

    def _dask(self, docs: list[Document]):
        """Each document is a task; the batch's N-Quads are written as one partition file for the store to load."""
        if not docs:
            return [], None
        futures = self._client.map(extract_nquads, docs, config=self.config, pure=False)
        results = self._client.gather(futures)
        part = Path(self._spool.name) / f"part-{time.monotonic_ns()}.nq"
        part.write_text("".join(r.nquads for r in results), encoding="utf-8")
        return results, part


def _warm(config: BuildConfig) -> None:
    """Load the lexicon, segmenter and model once per worker process."""
    from .ingest import document_from_text
    from .pipeline import extract

    extract(document_from_text("快手宣布与京东合作。"), config=config)
