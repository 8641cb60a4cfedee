"""The Oxigraph server as a child process on a private loopback port: started, watched, restarted, stopped.

A query that outlives its time limit is cut by the gate; Oxigraph drops a query whose connection closes while it
streams rows, but not every aggregate (and its own ``--timeout-s`` does not stop them all), so the gate then asks
for a restart: the child is stopped and a new one opened on the same store, about a second without answers.
The child dies with this process: it is stopped and waited for on the way out, and on Linux the kernel sends
it SIGTERM if this process is killed outright (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, KgError, MissingDependency
from ..store import is_store


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise MissingDependency("oxigraph", extra="serve")
    return found


def server_command(store_dir: str | Path, *, port: int, update: bool, timeout: float | None) -> list[str]:
    """The Oxigraph server over the store on a loopback port; its default graph is the deduplicated union of
    the document graphs."""
    if not is_store(store_dir):
        raise InputError(str(store_dir), "not a kg store (create one with kg build --store)")
    mode = "serve" if update else "serve-read-only"
    command = [oxigraph_binary(), mode, "--location", str(store_dir), "--bind", f"127.0.0.1:{port}"]
    if timeout:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    return command


class Backend:
    """The running Oxigraph child. ``address()`` says where it listens and which generation it is. A request that
    overran asks for a restart (``request_restart``); the thread that started the server carries it out in
    ``maintain`` (on Linux the child's death signal is tied to the thread that started it, so children are only
    started there)."""

    def __init__(self, store_dir: str | Path, *, update: bool, timeout: float | None) -> None:
        self.store_dir, self.update, self.timeout = store_dir, update, timeout
        self._lock = threading.Lock()
        self.generation, self._wanted = 0, -1
        self.proc, self.port = self._start()

    def address(self) -> tuple[str, int, int]:
        with self._lock:
            return "127.0.0.1", self.port, self.generation

    def request_restart(self, generation: int) -> None:
        with self._lock:
            self._wanted = generation  # acted on once, however many requests of that generation ask

    def maintain(self) -> bool:
        """Restart the child if asked; whether it is running."""
        with self._lock:
            if self._wanted == self.generation:
                stop_process(self.proc)
                self.proc, self.port = self._start()
                self.generation += 1
            return self.proc.poll() is None

    def stop(self) -> None:
        with self._lock:
            stop_process(self.proc)

    def _start(self) -> tuple[subprocess.Popen, int]:
        port = _free_port()
        command = server_command(self.store_dir, port=port, update=self.update, timeout=self.timeout)
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent(),
        )
        errors: deque[str] = deque(maxlen=5)  # its last lines of stderr, to explain an early exit
        threading.Thread(target=_drain, args=(proc, errors), daemon=True).start()
        try:
            _wait_listening(proc, port, errors)
        except BaseException:
            stop_process(proc)
            raise
        return proc, port


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _drain(proc: subprocess.Popen, lines: deque[str]) -> None:
    assert proc.stderr is not None
    for raw in proc.stderr:
        lines.append(raw.decode("utf-8", "replace").strip())


def _wait_listening(proc: subprocess.Popen, port: int, errors: deque[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            time.sleep(0.1)  # let its last words arrive
            why = next((e for e in reversed(errors) if e), f"exit status {proc.returncode}")
            raise KgError(f"the Oxigraph server stopped: {why[:200]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise KgError(f"the Oxigraph server did not start listening within {timeout:g} s")


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM, then SIGKILL if it has not stopped after ``grace`` seconds; always waited for (no zombie)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _die_with_parent() -> Callable[[], None] | None:
    """Linux: what the child runs between fork and exec so that it gets SIGTERM when this process dies, even by
    SIGKILL (prctl PR_SET_PDEATHSIG). Elsewhere None: SIGTERM and SIGINT still stop it (``serve_store``)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the child only calls it
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def in_child() -> None:  # pragma: no cover (runs in the child)
        prctl(1, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return in_child
