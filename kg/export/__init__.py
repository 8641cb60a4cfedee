"""Exporters: FORMATS maps a format name to a function (graph, *, base) -> str, or for formats of several
files (neo4j) -> {file name: text}, written into a folder of that name. Outputs are written all or nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import KgError, OutputError
from ..graph import KnowledgeGraph
from .graphml import to_graphml
from .html import to_html
from .json import json_chunks, to_json
from .jsonld import to_jsonld
from .neo4j import to_cypher, to_neo4j
from .rdf import to_ntriples, to_turtle, triples

Exporter = Callable[..., str | dict[str, str]]
FORMATS: dict[str, tuple[Exporter, str]] = {
    "turtle": (to_turtle, "graph.ttl"),
    "nt": (to_ntriples, "graph.nt"),
    "jsonld": (to_jsonld, "graph.jsonld"),
    "json": (to_json, "graph.json"),
    "html": (to_html, "graph.html"),
    "graphml": (to_graphml, "graph.graphml"),
    "neo4j": (to_neo4j, "neo4j"),
    "cypher": (to_cypher, "graph.cypher"),
}
ALIASES = {"ttl": "turtle"}
RDF_FORMATS = ("turtle", "nt", "jsonld")  # made from the same triples (kg.export.rdf)
DEFAULT_FORMATS = ("turtle", "json", "html")


def format_name(name: str) -> str:
    """A format's name, its aliases accepted (ttl → turtle); an unknown name names the choices."""
    fmt = ALIASES.get(name, name)
    if fmt not in FORMATS:
        raise KgError(f"unknown format {name!r}; choose from: {', '.join(FORMATS)} (ttl = turtle)")
    return fmt


def render(graph: KnowledgeGraph, fmt: str, *, base: str, **options) -> str | dict[str, str]:
    """One format in memory: text, or {file name: text} for a format of several files."""
    return FORMATS[format_name(fmt)][0](graph, base=base, **options)


def write_outputs(
    graph: KnowledgeGraph, out_dir: str | os.PathLike[str], *, formats=DEFAULT_FORMATS, base: str
) -> list[Path]:
    """All or nothing: each format is rendered and written to a temporary file (or folder) in ``out_dir``, one
    at a time (its text let go once it is on disk; graph.json streamed), and only when all are written are they
    renamed into place; a failure (a full disk, a read-only folder) removes the temporary files and leaves the
    folder as it was."""
    names = [format_name(f) for f in formats]
    out = Path(out_dir)
    shared = {}
    if sum(f in RDF_FORMATS for f in names) > 1:  # the triples made once for all the RDF formats asked for
        shared = {"triples_": triples(graph, base=base)}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    staged: list[tuple[str, Path]] = []
    try:
        for f in names:
            path = out / FORMATS[f][1]
            staged.append(
                (_stage(path, _data(graph, f, base, path, shared if f in RDF_FORMATS else {})), path)
            )
        for tmp, path in staged:
            _swap(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            _remove(tmp)
        if isinstance(exc, OSError):
            raise OutputError(
                f"{out}: cannot write the outputs ({exc.strerror or exc}); none was changed"
            ) from exc
        raise
    return [path for _, path in staged]


def _data(
    graph: KnowledgeGraph, fmt: str, base: str, path: Path, options: dict
) -> Iterator[bytes] | bytes | dict[str, bytes]:
    """A format's bytes: graph.json in pieces (its text in one piece, pretty-printed by Python's encoder, costs
    more memory than the graph itself on a long document); the others whole."""
    if fmt == "json":
        return (_encoded(piece, path) for piece in json_chunks(graph, base=base))  # type: ignore[misc]
    return _encoded(render(graph, fmt, base=base, **options), path)


def write_rendered(path: Path, content: str | dict[str, str]) -> Path:
    """One output, a file or (for a format of several files) a folder, swapped into place whole."""
    data = _encoded(content, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _swap(_stage(path, data), path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def atomic_write(path: Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place: no partial file on failure."""
    data = _encoded(content, path) if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(_stage(path, data), path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def _encoded(content: str | dict[str, str], name: str | Path) -> bytes | dict[str, bytes]:
    try:
        if isinstance(content, str):
            return content.encode("utf-8")
        return {file: text.encode("utf-8") for file, text in content.items()}
    except UnicodeEncodeError as exc:  # a lone surrogate from a library caller's own Document
        raise OutputError(f"{name}: cannot write text that is not valid Unicode ({exc.reason})") from None


def _stage(path: Path, data: bytes | dict[str, bytes] | Iterator[bytes]) -> str:
    """``data`` in a new temporary file (or folder of files) beside ``path``; returns its name."""
    if isinstance(data, dict):
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path}: is a file; a folder of several files goes there")
        folder = tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            for name, content in data.items():
                (Path(folder) / name).write_bytes(content)
                os.chmod(Path(folder) / name, 0o666 & ~_umask())
            os.chmod(folder, 0o777 & ~_umask())
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return folder
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in [data] if isinstance(data, bytes) else data:
                fh.write(piece)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _swap(tmp: str, path: Path) -> None:
    """Put the staged file or folder in the place of ``path`` (a folder replaces the old one whole)."""
    if not Path(tmp).is_dir():
        os.replace(tmp, path)
        return
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(path, old)
    os.replace(tmp, path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove(tmp: str) -> None:
    if Path(tmp).is_dir():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
