"""Exporters: FORMATS maps a format name to a function (graph, *, base) -> str, or for formats of several
files (neo4j) -> {file name: text}, written into a folder of that name. Files are written atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import KgError, OutputError
from ..graph import KnowledgeGraph
from .graphml import to_graphml
from .html import to_html
from .json import to_json
from .jsonld import to_jsonld
from .neo4j import to_cypher, to_neo4j
from .rdf import to_ntriples, to_turtle

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
    """Render every format in memory first, then write each file to a temporary name and rename it into place."""
    rendered = [(FORMATS[format_name(f)][1], render(graph, f, base=base)) for f in formats]
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    return [write_rendered(out / name, content) for name, content in rendered]


def write_rendered(path: Path, content: str | dict[str, str]) -> Path:
    """A file, or for a format of several files a folder, swapped into place whole."""
    if isinstance(content, str):
        return atomic_write(path, content)
    return atomic_folder(path, content)


def atomic_folder(path: Path, files: dict[str, str]) -> Path:
    """Write ``files`` into a new folder beside ``path``, then put it in the place of ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file; a folder of several files goes there")
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        for name, content in files.items():
            (tmp / name).write_text(content, encoding="utf-8")
            os.chmod(tmp / name, 0o666 & ~_umask())
        os.chmod(tmp, 0o777 & ~_umask())
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from exc
    return path


def atomic_write(path: Path, content: str | bytes) -> Path:
    """Write to a temporary file beside ``path`` and rename it into place: no partial file on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from exc
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
