"""Exporters: FORMATS maps a format name to a function (graph, *, base) -> str. Files are written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import KgError, OutputError
from ..graph import KnowledgeGraph
from .html import to_html
from .json import to_json
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
    """Render every format in memory first, then write each file to a temporary name and rename it into place."""
    rendered = [(FORMATS[f][1], render(graph, f, base=base)) for f in formats]
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder ({exc.strerror})") from exc
    return [atomic_write(out / name, content) for name, content in rendered]


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
