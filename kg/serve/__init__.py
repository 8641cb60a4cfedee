"""Serving a store over HTTP (the Oxigraph server behind kg's gate) and pushing it to any Graph Store Protocol
endpoint.

``kg serve`` runs two things: the Oxigraph server, a child process on a private loopback port (``backend.py``),
and in this process the gate (``gate.py``) on the public address, which checks every request and forwards the
good ones. A gate in front of Oxigraph's server rather than a server of our own over pyoxigraph: a query inside
pyoxigraph cannot be stopped at all, while a child process can always be (see ``backend.py``).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from ..errors import InputError, KgError
from ..store import MARKER
from ..vocab import DEFAULT_BASE
from . import gate
from .backend import Backend, oxigraph_binary, server_command, stop_process
from .push import push_store

__all__ = ["ServeOptions", "serve_store", "push_store", "server_command", "oxigraph_binary", "stop_process"]

TOKEN_ENV = "KG_SERVE_TOKEN"


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 7878
    update: bool = False  # accept writes (with the token only)
    token: str | None = None
    cors: tuple[str, ...] = ()  # origins allowed to call from a browser ("*": any)
    allow_hosts: tuple[str, ...] = ()  # more names the Host header may carry ("*": any)
    allow_federation: bool = False  # let SERVICE and LOAD through
    timeout: float | None = 30.0  # seconds per query; None: none


def serve_store(
    store_dir: str | Path,
    *,
    options: ServeOptions = ServeOptions(),
    announce: Callable[[str], None] = lambda url: None,
    stop: threading.Event | None = None,
) -> int:
    """Serve until ``stop`` is set, or (without ``stop``, in the main thread) until SIGTERM or SIGINT (Ctrl-C),
    or until the Oxigraph server stops; returns an exit status."""
    if options.update and not options.token:
        raise KgError(f"--update needs a token for writers: pass --token or set {TOKEN_ENV}")
    policy = gate.local_policy(
        options.host,
        options.port,
        allow_hosts=options.allow_hosts,
        cors=options.cors,
        token=options.token if options.update else None,
        allow_federation=options.allow_federation,
        base=_store_base(store_dir),
    )
    backend = Backend(store_dir, update=options.update, timeout=options.timeout)
    try:
        # the gate cuts a query a little after Oxigraph's own limit, which acts first where it can
        limit = options.timeout + min(5.0, options.timeout) if options.timeout else None
        try:
            server = ThreadingHTTPServer((options.host, options.port), gate.handler(policy, backend, limit))
        except OSError as exc:
            raise KgError(f"cannot listen on {options.host}:{options.port} ({exc.strerror or exc})") from exc
        server.daemon_threads = True
        with server, contextlib.nullcontext(stop) if stop else _stop_on_signals() as stopping:
            threading.Thread(target=server.serve_forever, args=(0.2,), daemon=True).start()
            host = f"[{options.host}]" if ":" in options.host else options.host
            announce(f"http://{host}:{options.port}")
            while not stopping.wait(0.2) and backend.maintain():
                pass
            server.shutdown()
        return 0 if stopping.is_set() else 1
    finally:
        backend.stop()


def _store_base(store_dir: str | Path) -> str:
    """The IRI base the store was built with (its marker file says), for the kgid: prefix."""
    try:
        lines = (Path(store_dir) / MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        raise InputError(str(store_dir), "not a kg store (create one with kg build --store)") from None
    return next((line.split(" ", 1)[1] for line in lines if line.startswith("base ")), DEFAULT_BASE)


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT while the block runs (main thread only; the old handlers come back)."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = {
        sig: signal.signal(sig, lambda signum, frame: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
