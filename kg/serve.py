"""Serving a store (the Oxigraph SPARQL server) and pushing it to any Graph Store Protocol endpoint."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, KgError, MissingDependency
from .store import Store, is_store


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise MissingDependency("oxigraph", extra="serve")
    return found


def server_command(store_dir: str | Path, *, host: str, port: int, update: bool) -> list[str]:
    """The Oxigraph server over the store; its default graph is the deduplicated union of the document graphs."""
    if not is_store(store_dir):
        raise InputError(str(store_dir), "not a kg store (create one with kg build --store)")
    mode = "serve" if update else "serve-read-only"
    return [oxigraph_binary(), mode, "--location", str(store_dir), "--bind", f"{host}:{port}"]


def serve_store(
    store_dir: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    update: bool = False,
    announce: Callable[[str], None] = lambda url: None,
) -> int:
    """Run the server in the foreground until it stops or Ctrl-C; returns its exit code."""
    proc = subprocess.Popen(server_command(store_dir, host=host, port=port, update=update))
    announce(f"http://{host}:{port}")
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(timeout=10)
        return 0


def push_store(store_dir: str | Path, endpoint: str, *, timeout: float = 60) -> int:
    """HTTP PUT each document graph to ``endpoint?graph=<IRI>`` (SPARQL 1.1 Graph Store Protocol); returns the count."""
    import pyoxigraph as ox

    if not endpoint.startswith(("http://", "https://")):
        raise KgError(f"endpoint must be an http(s) URL (got {endpoint!r})")
    with Store(store_dir, read_only=True) as store:
        graphs = store.documents()
        for iri in graphs:
            body = store._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
            url = endpoint + ("&" if "?" in endpoint else "?") + "graph=" + urllib.parse.quote(iri, safe="")
            request = urllib.request.Request(
                url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
            )
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    if response.status >= 300:
                        raise KgError(f"{endpoint}: HTTP {response.status} for graph {iri}")
            except urllib.error.HTTPError as exc:
                raise KgError(
                    f"{endpoint}: HTTP {exc.code} for graph {iri}: {exc.read()[:200].decode(errors='replace')}"
                ) from exc
            except urllib.error.URLError as exc:
                raise KgError(f"{endpoint}: cannot connect ({exc.reason})") from exc
    return len(graphs)
