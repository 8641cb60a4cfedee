"""Exporters: FORMATS maps a format name to a function (graph, *, base) -> str. Files are written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import KgError, OutputError
from ..graph import KnowledgeGraph
from .html import to_html
from .json import json_chunks, to_json
from .rdf import to_jsonld, to_ntriples, to_turtle

Exporter = Callable[..., str]
FORMATS: dict[str, tuple[Exporter, str]] = {
    "turtle": (to_turtle, "graph.ttl"),
    "nt": (to_ntriples, "graph.nt"),
    "jsonld": (to_jsonld, "graph.jsonld"),
    "json": (to_json, "graph.json"),
    "html": (to_html, "graph.html"),
}
DEFAULT_FORMATS = ("turtle", "json", "html")


def render(graph: KnowledgeGraph, fmt: str, *, base: str) -> str:
    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    return FORMATS[fmt][0](graph, base=base)


def write_outputs(
    graph: KnowledgeGraph, out_dir: str | os.PathLike[str], *, formats=DEFAULT_FORMATS, base: str
) -> list[Path]:
    """All or nothing: each format is rendered and written to a temporary file in ``out_dir``, and only when
    all are written are they renamed into place; a failure (a full disk, a read-only folder) removes the
    temporary files and leaves the folder as it was."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise KgError(f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    staged: list[tuple[str, Path]] = []
    try:
        for f in formats:  # one rendered at a time: its text is let go once it is on disk
            path = out / FORMATS[f][1]
            staged.append((_stage(path, _chunks(graph, f, base, path.name)), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(
                f"{out}: cannot write the outputs ({exc.strerror or exc}); none was changed"
            ) from exc
        raise
    return [path for _, path in staged]


def _chunks(graph: KnowledgeGraph, fmt: str, base: str, name: str) -> Iterator[bytes]:
    """A format's bytes, in pieces: graph.json is streamed (its text in one piece, pretty-printed by Python's
    encoder, costs more memory than the graph itself on a long document); the others come whole."""
    pieces = json_chunks(graph, base=base) if fmt == "json" else [render(graph, fmt, base=base)]
    for piece in pieces:
        yield _encoded(piece, name)


def atomic_write(path: Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place: no partial file on failure."""
    data = _encoded(content, path) if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(_stage(path, [data]), path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def _encoded(content: str, name: str | Path) -> bytes:
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from a library caller's own Document
        raise OutputError(f"{name}: cannot write text that is not valid Unicode ({exc.reason})") from None


def _stage(path: Path, data: Iterable[bytes]) -> str:
    """``data`` in a new temporary file beside ``path`` (removed again if writing fails); returns its name."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in data:
                fh.write(piece)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
