"""What a query or an RDF file must pass before an engine sees it, and how long a query may run.

Every check here is about reaching out or blowing up: SERVICE, LOAD (and FROM, which rdflib fetches) make the
engine request URLs or read local files; brackets nested thousands deep crash Oxigraph's parser; a JSON-LD
``@context`` given by URL would be fetched; XML entities expand exponentially. ``deadline`` and ``in_thread``
bound a query's time, for engines in Python (rdflib) and outside it (Oxigraph).
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import TypeVar

from .errors import InputError, QueryError

# What the SPARQL tokenizer reads as one token in which a keyword may appear without being one: strings, IRIs,
# comments. They are blanked out before looking for SERVICE and LOAD.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.S,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_REMOTE = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:])", re.I)
_DATASET = re.compile(r"(?<![\w:?$])(FROM)(?![\w:])", re.I)


def federation_keyword(query: str, *, dataset_clauses: bool = False) -> str | None:
    """SERVICE or LOAD (and, with ``dataset_clauses``, FROM) if the query uses it: each makes the engine read
    another source, a URL (a request from this machine) or a local file. None if the query uses none."""
    code = _CODEPOINT.sub(
        lambda m: chr(int(m.group(1) or m.group(2), 16)), query
    )  # SPARQL reads escapes first
    code = _OPAQUE.sub(" ", code)
    found = _REMOTE.search(code) or (_DATASET.search(code) if dataset_clauses else None)
    return found.group(1).upper() if found else None


MAX_NESTING = 256  # brackets deep: Oxigraph's parser overflows its stack (and the process dies) near 3,000


def nesting(query: str) -> int:
    """How deep the query's brackets ({, (, [) go, outside strings, IRIs and comments."""
    depth = deepest = 0
    for ch in _OPAQUE.sub(" ", query):
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth -= 1
    return deepest


def refuse_federation(query: str, *, dataset_clauses: bool = False) -> None:
    """The checks every query passes before an engine sees it: SERVICE and LOAD (and FROM) refused, and no
    nesting deep enough to crash a parser."""
    keyword = federation_keyword(query, dataset_clauses=dataset_clauses)
    if keyword:
        raise QueryError(
            f"{keyword} reads other sources (the network or local files); kg refuses it unless you pass --allow-federation"
        )
    refuse_deep(query)


def refuse_deep(query: str) -> None:
    if nesting(query) > MAX_NESTING:
        raise QueryError(f"brackets nested more than {MAX_NESTING} deep")


class Expired(BaseException):
    """Raised in the query's thread at its deadline (a BaseException: rdflib's ``except Exception`` lets it pass)."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Stop Python code running in this block after ``seconds`` (SIGALRM: in the main thread of a POSIX process;
    elsewhere the block runs unbounded)."""
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def expire(signum, frame):
        raise Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Expired:
        raise QueryError(f"the query ran past its time limit of {seconds:g} s (--timeout)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


T = TypeVar("T")


def in_thread(fn: Callable[[threading.Event], T], seconds: float | None) -> T:
    """Run ``fn(cancelled)`` in a thread and wait at most ``seconds`` for it. For engines that run outside Python
    (Oxigraph releases the GIL and cannot be interrupted): at the deadline ``cancelled`` is set, which stops a
    result being read row by row, and QueryError is raised; a computation inside the engine runs to its end."""
    if not seconds:
        return fn(threading.Event())
    cancelled = threading.Event()
    values: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            values.append(fn(cancelled))
        except BaseException as exc:  # handed to the waiting thread
            # without the frames' variables: an engine's result object (pyoxigraph's solutions) must be dropped
            # in the thread that made it, not by the garbage collector in another thread later
            traceback.clear_frames(exc.__traceback__)
            errors.append(exc)

    worker = threading.Thread(target=run, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        cancelled.set()
        raise QueryError(f"the query ran past its time limit of {seconds:g} s (--timeout)")
    if errors:
        raise errors[0]
    return values[0]


def refuse_remote_contexts(data: bytes, path: str) -> str | None:
    """A JSON-LD ``@context`` given by URL (or ``@import``) would be fetched from the network: refused. Returns
    the ``kgid`` prefix the contexts define, if one does."""
    try:
        doc = json.loads(data)
    except RecursionError:
        raise InputError(path, "not valid json-ld: nested too deeply") from None
    except ValueError as exc:
        raise InputError(path, f"not valid json-ld: {str(exc)[:200]}") from exc
    stack, kgid = [doc], None
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            context = node.get("@context")
            for item in context if isinstance(context, list) else [context]:
                if isinstance(item, str) or (isinstance(item, dict) and "@import" in item):
                    raise InputError(
                        path,
                        "JSON-LD with a remote @context: kg never fetches contexts (inline it as an object)",
                    )
                if isinstance(item, dict) and isinstance(item.get("kgid"), str):
                    kgid = item["kgid"]
            stack.extend(node.values())
    return kgid


def refuse_entities(data: bytes, path: str) -> None:
    """RDF/XML that declares entities is refused rather than expanded (a 1 KB file can expand to gigabytes)."""
    if any("<!ENTITY".encode(encoding) in data for encoding in ("utf-8", "utf-16-le", "utf-16-be")):
        raise InputError(
            path, "RDF/XML with an entity declaration (<!ENTITY): kg does not expand XML entities"
        )
