"""Corpus builds into a store: documents stream through in batches, extracted in this process, in N worker
processes, or on a Dask cluster, and each document lands in the store as its own named graph.

Memory stays bounded by the batches in flight and one load (documents are read lazily). Workers return
N-Quads ready to load (the document's graph, its triples for the union, its hash), so serialisation runs in
parallel too; the store only loads them. Results are identical whatever the number of workers: each
document's graph depends only on that document.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import BuildConfig
from .errors import InputError, KgError, MissingDependency
from .ingest import iter_documents
from .model import Document
from .pipeline import batches
from .progress import count_documents, counted
from .store import Store, content_hash, document_quads

ENGINES = ("local", "dask")
Part = bytes | Path  # N-Quads to load: in memory, or a partition file in the shared folder
OPTIMIZE_AFTER = 1000  # documents loaded in one build after which the store is compacted
LOAD_EVERY = 512  # documents in one bulk load (at least a batch)


@dataclass
class Progress:
    documents: int = 0
    characters: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    entities: int = 0
    relations: int = 0
    stage: str = ""  # what runs after extraction, when something does
    total: int | None = None  # documents in the inputs, counted before the build (None: standard input)
    writer_busy: list[tuple[float, float]] = field(default_factory=list)  # (start, end) of each write
    waited_seconds: float = 0.0  # the build stood waiting for the store writer
    compaction_seconds: float = 0.0  # of those, the compaction at the end
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def writer_seconds(self) -> float:
        """Time during which the store was being written (bulk loads, replacing documents, the compaction),
        overlapping loads counted once."""
        total, until = 0.0, float("-inf")
        for start, end in sorted(self.writer_busy):
            total += max(0.0, end - max(start, until))
            until = max(until, end)
        return total

    @property
    def landed(self) -> int:
        """Documents done: in the store, or found unchanged."""
        return self.added + self.replaced + self.unchanged

    def line(self, *, final: bool = False) -> str:
        """While building: documents done of the total, percent, time left, then what has been read and found;
        ``final``: the summary (what was read, added, replaced, found)."""
        s = max(self.seconds, 1e-9)
        return (
            ("" if final else f"{counted(self.landed, self.total, s)} · read ")
            + f"{self.documents} docs ({self.documents / s:.1f}/s, {self.characters * 3 / 1e6 / s:.2f} MB/s) · "
            f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged · "
            f"{self.entities} entity mentions, {self.relations} relations"
            + (f" · {self.stage}…" if self.stage else "")
        )


@dataclass(frozen=True)
class Extracted:
    """What a worker sends back for one document."""

    doc_id: str
    digest: str
    data: bytes  # N-Quads in UTF-8: the document's graph, then its triples for the union
    hashes: bytes  # the content-hash quad, loaded last
    characters: int
    entities: int
    relations: int


def extract_for_store(docs: list[Document], config: BuildConfig) -> list[Extracted]:
    """Extract documents together (see ``extract_many``) and serialise each for the store."""
    from .pipeline import extract_many

    out = []
    for r in extract_many(docs, config=config):
        data, hashes = document_quads(r, base=config.base)
        out.append(
            Extracted(  # encoded here, in parallel: the build's process only joins and loads
                r.document.id,
                content_hash(r.document.text),
                data.encode("utf-8"),
                hashes.encode("utf-8"),
                len(r.document.text),
                len(r.entities),
                len(r.relations),
            )
        )
    return out


@dataclass(frozen=True)
class Partition:
    """One batch extracted on a cluster worker: the documents' N-Quads as files in the shared folder (``paths``)
    or, without one, zlib-compressed in the result (``packed``); then ``results`` carry no data of their own."""

    results: list[Extracted]
    paths: tuple[str, str] | None = None
    packed: tuple[bytes, bytes] | None = None


def extract_partition(docs: list[Document], config: BuildConfig, folder: str | None = None) -> Partition:
    """A cluster task: one batch extracted and serialised, written as partition files to ``folder`` (a path every
    worker and the client see) or compressed for the trip back. Only counts and ids travel besides."""
    results = extract_for_store(docs, config)
    data = b"".join(r.data for r in results)
    hashes = b"".join(r.hashes for r in results)
    light = [dataclasses.replace(r, data=b"", hashes=b"") for r in results]
    if folder is None:
        return Partition(light, packed=(zlib.compress(data, 1), zlib.compress(hashes, 1)))
    stem = Path(folder) / f"part-{uuid.uuid4().hex}"
    paths = (str(stem) + ".nq", str(stem) + ".hashes.nq")
    for path, content in zip(paths, (data, hashes), strict=True):
        tmp = path + ".tmp"
        Path(tmp).write_bytes(content)
        os.replace(tmp, path)  # the client never sees half a file
    return Partition(light, paths=paths)


def build_store(
    inputs: Iterable[str | os.PathLike[str]],
    store_path: str | os.PathLike[str],
    *,
    config: BuildConfig = BuildConfig(),
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    partition_dir: str | os.PathLike[str] | None = None,
    batch_size: int | None = None,
    on_warning: Callable[[str], None] = lambda m: None,
    on_progress: Callable[[Progress], None] = lambda p: None,
) -> Progress:
    """Add every document of ``inputs`` to the store at ``store_path`` (created if needed). With ``engine="dask"``,
    each batch is one task on the cluster at ``scheduler``; its workers write their partitions to
    ``partition_dir`` when given (a folder they and this process share), else send them back compressed.
    ``batch_size`` (documents per task) is fitted to the corpus and the workers when not given."""
    if engine not in ENGINES:
        raise KgError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if jobs < 1:
        raise KgError("--jobs must be at least 1")
    inputs = list(inputs)
    progress = Progress(total=count_documents(inputs))
    with (
        _disk_errors(store_path),
        Store(Path(store_path), base=config.base) as store,
        _runner(engine, jobs, scheduler, config, partition_dir) as runner,
        contextlib.ExitStack() as stack,
    ):
        writer = stack.enter_context(_Writer(store, progress, threads=writer_threads(jobs)))
        if batch_size is None:
            batch_size = fitted_batch_size(progress.total or 0, runner.workers)
        loader = _Loader(store, runner, writer, progress, on_progress, batch_size=batch_size)
        docs = iter_documents(inputs, warn=on_warning, max_document_mb=config.max_document_mb)
        for batch in batches(docs, batch_size):
            for doc in batch:
                progress.documents += 1
                progress.characters += len(doc.text)
                digest = content_hash(doc.text)
                if loader.latest_hash(doc.id) == digest:
                    progress.unchanged += 1  # re-adding an article changes nothing, and costs no extraction
                else:
                    loader.add(doc, digest)
            loader.submit()
        loader.flush()  # (the writer has finished every load)
        if progress.added + progress.replaced >= OPTIMIZE_AFTER:
            progress.stage = "compacting the store"
            on_progress(progress)
            start = time.perf_counter()
            with _timed(progress):
                store.optimize()  # a full compaction: worth it after a large load, too slow to repeat after a few
            progress.compaction_seconds = time.perf_counter() - start
            progress.stage = ""
    return progress


@contextlib.contextmanager
def _timed(progress: Progress) -> Iterator[None]:
    """Count the time in this block as the store writer's (``Progress.writer_seconds``), and as time the build
    waited for it (``Progress.waited_seconds``): nothing else runs in this process meanwhile."""
    start = time.perf_counter()
    try:
        yield
    finally:
        progress.writer_busy.append((start, time.perf_counter()))
        progress.waited_seconds += time.perf_counter() - start


def fitted_batch_size(documents: int, workers: int, *, largest: int = 64, smallest: int = 16) -> int:
    """Documents per task: enough tasks for every worker to take about eight, so that no worker is left with the
    corpus's last long task while the others idle; within [smallest, largest] (per document, extraction costs
    the same from 32 documents a task up, and 3-5 % more at 16). An unknown total (0: standard input) takes
    the largest."""
    if workers <= 1 or documents <= 0:
        return largest
    return max(smallest, min(largest, -(-documents // (workers * 8))))


def writer_threads(jobs: int) -> int:
    """Bulk loads at once: one in the background of a small build; on many cores, one for every four workers
    (a load costs about a fifth of an extraction), at most eight."""
    return min(8, max(1, jobs // 4))


class _Writer:
    """The store's writer: bulk loads run in threads (Oxigraph releases the GIL while it loads), so this process
    goes on landing results and feeding the workers meanwhile, and on many cores several partitions load at once
    (Oxigraph's bulk loads of different documents may run together: the store is the same as loaded one by one,
    tested). At most ``threads`` loads are in flight, which bounds memory. Everything else that writes (dropping a
    replaced document, the compaction) first waits for the loads: a drop checks the union against the other
    graphs, which must not be half loaded."""

    def __init__(self, store: Store, progress: Progress, *, threads: int) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store, self.progress, self.threads = store, progress, threads
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="kg-writer")
        self._running: deque = deque()  # (future, ids of its documents), oldest first
        self.loaded: list[str] = []  # ids of documents whose loads finished since the last look

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self.wait()
        finally:
            self._pool.shutdown(wait=True)  # no load may outlive the store it writes to

    def load(self, parts: list[tuple[Part, Part]], ids: list[str]) -> None:
        """Start loading ``parts`` ((graphs, hashes) of each document or cluster batch) in the background, as one
        load; the shared folder's files among them are removed once loaded."""
        while len(self._running) >= self.threads:
            self._finish_oldest()
        self._running.append((self._pool.submit(self._load, parts), ids))
        self._collect_done()

    def _load(self, parts: list[tuple[Part, Part]]) -> tuple[float, float]:
        start = time.perf_counter()  # (read and joined here, in the writer's thread, not the build's)
        self.store.load_documents(*(b"".join(_read(p[i]) for p in parts) for i in (0, 1)))
        for path in (q for p in parts for q in p if isinstance(q, Path)):
            path.unlink()
        return start, time.perf_counter()

    def wait(self) -> None:
        """Return when every load started has finished (raising the first failure)."""
        while self._running:
            self._finish_oldest()

    def _finish_oldest(self) -> None:
        start = time.perf_counter()
        future, ids = self._running.popleft()
        busy = future.result()
        self.progress.waited_seconds += time.perf_counter() - start
        self.progress.writer_busy.append(busy)
        self.loaded.extend(ids)

    def _collect_done(self) -> None:
        while self._running and self._running[0][0].done():
            self._finish_oldest()


@contextlib.contextmanager
def _disk_errors(store_path: str | os.PathLike[str]) -> Iterator[None]:
    """The store's disk failing (full, gone read-only) is a one-line error naming the store."""
    try:
        yield
    except OSError as exc:
        message = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise InputError(str(store_path), f"cannot write to the store ({message})") from exc


class _Loader:
    """Documents on their way into the store: submitted for extraction, landed (counted, old versions dropped),
    then bulk loaded a few hundred at a time. While this process loads, workers extract the batches after."""

    def __init__(
        self,
        store: Store,
        runner: _runner,
        writer: _Writer,
        progress: Progress,
        on_progress,
        *,
        batch_size: int,
    ) -> None:
        self.store, self.runner, self.progress, self.on_progress = store, runner, progress, on_progress
        self.writer = writer
        # (per quad, loads of 512 or 8,000 documents cost the same: fewer loads are fewer to wait for)
        self.load_every = max(batch_size, LOAD_EVERY)
        # batches submitted beyond the one being landed: two for every worker (one running, one waiting), and
        # enough for the workers to go on while a load runs
        self.ahead = max(2 * runner.workers, self.load_every // batch_size) + 1 if runner.parallel else 0
        self.pending: dict[str, str] = {}  # doc id → hash, for every document added and not yet loaded
        self.todo: list[Document] = []
        self.inflight: deque = deque()  # handles of submitted batches, oldest first
        # landed, not yet loaded: (graphs, hashes) of each document, or of each batch a cluster sent, and their ids
        self.unloaded: list[tuple[Part, Part]] = []
        self.unloaded_ids: list[str] = []

    def latest_hash(self, doc_id: str) -> str | None:
        """The content hash this document will have in the store once everything added so far is loaded."""
        return self.pending.get(doc_id) or self.store.stored_hash(doc_id)

    def add(self, doc: Document, digest: str) -> None:
        if doc.id in self.pending:
            self.flush()  # a changed article repeated in the input: the version before it lands first
        self.todo.append(doc)
        self.pending[doc.id] = digest

    def submit(self, *, keep: int | None = None) -> None:
        """Send the added documents off for extraction; land the oldest batches beyond ``keep`` in flight."""
        if self.todo:
            self.inflight.append(self.runner.submit(self.todo))
            self.todo = []
        while len(self.inflight) > (self.ahead if keep is None else keep):
            self._land_next()

    def flush(self) -> None:
        """Extract, land and load everything added; return when it is all in the store."""
        self.submit(keep=0)
        self._load()
        self.writer.wait()
        self._forget_loaded()

    def _land_next(self) -> None:
        """Land a finished batch: the oldest of those done, or the first to finish. Batches hold different
        documents (a document added again waits for its earlier version to be loaded), so the order they land
        in changes nothing in the store."""
        handle = self.runner.next_done(self.inflight)
        self.inflight.remove(handle)
        results, partition = self.runner.collect(handle)
        store, progress = self.store, self.progress
        drops = []
        for item in results:
            outcome = "replaced" if store.stored_hash(item.doc_id) else "added"
            if outcome == "replaced" or store.has_graph(item.doc_id):  # (or left half-written by a crash)
                drops.append(item.doc_id)
            setattr(progress, outcome, getattr(progress, outcome) + 1)
            progress.entities += item.entities
            progress.relations += item.relations
        if drops:
            self.writer.wait()  # no load runs while a document's graph and its share of the union are removed
            with _timed(progress):
                for doc_id in drops:
                    store.drop_document(doc_id)
        if partition is not None:  # a cluster's batch, loaded with the next ones as local results are
            self.unloaded.append(partition)
        else:
            self.unloaded += [(item.data, item.hashes) for item in results]
        self.unloaded_ids += [item.doc_id for item in results]
        if len(self.unloaded_ids) >= self.load_every:
            self._load()
        self._forget_loaded()
        self.on_progress(progress)

    def _load(self) -> None:
        if self.unloaded:
            self.writer.load(self.unloaded, self.unloaded_ids)
            self.unloaded, self.unloaded_ids = [], []

    def _forget_loaded(self) -> None:
        """Documents whose loads finished are in the store: their hashes are read from it from now on."""
        for doc_id in self.writer.loaded:
            self.pending.pop(doc_id, None)
        self.writer.loaded.clear()


class _runner:
    """Where extraction runs: this process, a pool of worker processes, or a Dask cluster."""

    def __init__(
        self,
        engine: str,
        jobs: int,
        scheduler: str | None,
        config: BuildConfig,
        partition_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.engine, self.jobs, self.scheduler, self.config = engine, jobs, scheduler, config
        self.partition_dir = None if partition_dir is None else str(Path(partition_dir).resolve())
        self._pool = self._client = None
        self._finished = threading.Event()  # some batch finished since ``next_done`` last looked

    def __enter__(self):
        if self.engine == "dask":
            try:
                from distributed import Client
            except ImportError:
                raise MissingDependency("distributed", extra="scale") from None
            if not self.scheduler:
                raise KgError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
            if self.partition_dir is not None:
                Path(self.partition_dir).mkdir(parents=True, exist_ok=True)
            self._client = Client(self.scheduler, set_as_default=False)
            threads = sum(w.get("nthreads", 1) for w in self._client.scheduler_info()["workers"].values())
            self.jobs = max(self.jobs, threads)  # batches in flight: enough for every worker thread
            return self
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=ctx, initializer=_warm, initargs=(self.config, os.getpid())
            )
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()

    @property
    def parallel(self) -> bool:
        return self._pool is not None or self._client is not None

    @property
    def workers(self) -> int:
        """Batches that run at once (a cluster's worker threads, once connected)."""
        return self.jobs if self.parallel else 1

    def next_done(self, handles: deque):
        """The handle to collect next: the oldest that has finished, else the first of them to finish."""
        if self._pool is None and self._client is None:
            return handles[0]
        while True:
            self._finished.clear()
            for handle in handles:
                if handle.done():
                    return handle
            self._finished.wait(1.0)  # set by each handle as it finishes (the timeout only guards)

    def submit(self, docs: list[Document]):
        """Start extracting ``docs`` (one task: the tagger is fastest on many documents at once); ``collect`` the
        handle for (results in input order, the partition to load or None)."""
        if self._pool is not None:
            handle = self._pool.submit(extract_for_store, docs, self.config)
        elif self._client is not None:
            handle = self._client.submit(extract_partition, docs, self.config, self.partition_dir, pure=False)
        else:
            return docs  # extracted in this process when collected
        return self._track(handle)

    def _track(self, handle):
        handle.add_done_callback(lambda _: self._finished.set())
        return handle

    def collect(self, handle):
        if self._pool is not None:
            return handle.result(), None
        if self._client is not None:
            return unpack(handle.result())
        return extract_for_store(handle, self.config), None


def unpack(partition: Partition) -> tuple[list[Extracted], tuple[Part, Part]]:
    """A cluster's batch: its documents, and their N-Quads (the shared folder's files, or decompressed)."""
    if partition.paths is not None:
        return partition.results, (Path(partition.paths[0]), Path(partition.paths[1]))
    assert partition.packed is not None
    return partition.results, (zlib.decompress(partition.packed[0]), zlib.decompress(partition.packed[1]))


def _read(part: Part) -> bytes:
    return part.read_bytes() if isinstance(part, Path) else part


def _warm(config: BuildConfig, parent: int) -> None:
    """Load the lexicon, segmenter and model once per worker process, and give way to the process that loads the
    store: it is the one every worker waits for, so when cores are short it should be the last to wait. The
    worker ends itself when the build's process is gone (killed: nobody will collect its results)."""
    threading.Thread(target=_exit_with, args=(parent,), name="kg-watch-parent", daemon=True).start()
    try:
        os.nice(5)
    except OSError:
        pass
    from .ingest import document_from_text
    from .pipeline import extract

    extract(document_from_text("快手宣布与京东合作。"), config=config)


def _exit_with(parent: int, every: float = 0.5) -> None:
    """Exit this process soon after ``parent`` stops (its own parent is the forkserver, which waits for it)."""
    while True:
        time.sleep(every)
        if _gone(parent):
            os._exit(1)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it exists
    try:  # Linux: killed but not yet reaped by its own parent is gone too
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False
