"""The gate in front of the Oxigraph server: what ``kg serve`` lets through, and how it forwards it.

Oxigraph answers any Host, any Origin, SERVICE requests and, in write mode, unauthenticated form posts. The gate
is a small HTTP server (standard library, one thread per request) that checks each request and forwards the good
ones to Oxigraph on a private loopback port:

- ``Host`` must name this server (localhost by default): a DNS-rebinding page cannot reach it;
- a request with an ``Origin`` must come from an allowed origin (``--cors``); a CORS preflight is answered;
- writes (``/update``, and ``/store`` other than GET/HEAD) need ``--update`` and ``Authorization: Bearer TOKEN``;
- SERVICE and LOAD are refused unless ``--allow-federation``;
- kg's prefixes are declared for every query and update, on the query's first line (line numbers stay true).
"""

from __future__ import annotations

import hmac
import http.client
import http.server
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ..sparql import _prologue_lines, federation_keyword

MAX_BODY = 1 << 30  # bytes a request may carry (a Graph Store upload); larger ones are refused
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-authorization",
}


@dataclass(frozen=True)
class Policy:
    """What the gate lets through. ``hosts`` and ``origins`` are exact values; ``"*"`` allows any."""

    hosts: frozenset[str]
    origins: frozenset[str]
    cors: frozenset[str]  # origins answered with CORS headers (a subset of ``origins``)
    token: str | None = None  # None: read-only
    allow_federation: bool = False
    base: str = ""  # the kgid: prefix

    def host_ok(self, host: str | None) -> bool:
        return "*" in self.hosts or (host or "").lower() in self.hosts

    def origin_ok(self, origin: str | None) -> bool:
        return origin is None or "*" in self.origins or origin.lower() in self.origins

    def cors_origin(self, origin: str | None) -> str | None:
        """The value of Access-Control-Allow-Origin for this request, if any."""
        if origin is None:
            return None
        if "*" in self.cors:
            return "*"
        return origin if origin.lower() in self.cors else None


def local_policy(
    host: str,
    port: int,
    *,
    allow_hosts: tuple[str, ...] = (),
    cors: tuple[str, ...] = (),
    token: str | None = None,
    allow_federation: bool = False,
    base: str = "",
) -> Policy:
    """The names this server answers to (its address, localhost when it listens on loopback or everywhere, and
    ``allow_hosts``), each with and without the port; its own origins; the CORS origins; the token."""
    names = {host.lower(), *(h.lower() for h in allow_hosts if h != "*")}
    if host in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        names |= {"127.0.0.1", "localhost", "::1"}
    names = {f"[{n}]" if ":" in n else n for n in names}  # IPv6 literals are bracketed in Host and URLs
    hosts = {h for n in names for h in (n, f"{n}:{port}")} | ({"*"} if "*" in allow_hosts else set())
    own = {f"http://{n}:{port}" for n in names} | ({f"http://{n}" for n in names} if port == 80 else set())
    cors_set = {o.lower().rstrip("/") for o in cors}
    return Policy(
        frozenset(hosts), frozenset(own | cors_set), frozenset(cors_set), token, allow_federation, base
    )


class Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def check(policy: Policy, method: str, path: str, headers) -> None:
    """Raise ``Refused`` unless the request may go through (its body is checked by ``rewrite``)."""
    if not policy.host_ok(headers.get("Host")):
        raise Refused(403, "Host not allowed: kg serve answers to its own address only (--allow-host)")
    if not policy.origin_ok(headers.get("Origin")):
        raise Refused(403, "Origin not allowed (kg serve --cors ORIGIN)")
    route = urllib.parse.urlsplit(path).path
    if route not in ("/query", "/update", "/store"):
        raise Refused(404, "not found: kg serve answers /query, /update and /store")
    writes = route == "/update" or (route == "/store" and method not in ("GET", "HEAD"))
    if not writes:
        return
    if policy.token is None:
        raise Refused(403, "read-only endpoint (start it with kg serve --update and a token to allow writes)")
    scheme, _, credential = (headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        credential.strip().encode(), policy.token.encode()
    ):
        raise Refused(
            401, "writes need Authorization: Bearer <token>", {"WWW-Authenticate": 'Bearer realm="kg"'}
        )


def rewrite(policy: Policy, method: str, path: str, content_type: str, body: bytes) -> tuple[str, bytes]:
    """The path and body to forward: kg's prefixes added to the query or update; SERVICE/LOAD refused."""
    parts = urllib.parse.urlsplit(path)
    route, kind = parts.path, content_type.split(";")[0].strip().lower()
    field = {"/query": "query", "/update": "update"}.get(route)
    if field is None:
        return path, body
    if method == "GET":
        params = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        params = [(k, _with_prefixes(policy, v) if k == field else v) for k, v in params]
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(params))), body
    if kind == "application/x-www-form-urlencoded":
        params = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        params = [(k, _with_prefixes(policy, v) if k == field else v) for k, v in params]
        return path, urllib.parse.urlencode(params).encode("utf-8")
    if kind in ("application/sparql-query", "application/sparql-update"):
        return path, _with_prefixes(policy, body.decode("utf-8", "replace")).encode("utf-8")
    raise Refused(415, f"unsupported content type {kind or 'none'!r} for {route}")


def _with_prefixes(policy: Policy, text: str) -> str:
    keyword = None if policy.allow_federation else federation_keyword(text)
    if keyword:
        raise Refused(403, f"{keyword} is refused: it reads other sources (kg serve --allow-federation)")
    return " ".join(_prologue_lines(text, policy.base)) + " " + text


def handler(policy: Policy, backend, limit: float | None) -> type[Gate]:
    """The request handler class for ``http.server.ThreadingHTTPServer``, forwarding to ``backend`` (a
    ``backend.Backend``). An exchange with Oxigraph that lasts longer than ``limit`` seconds is cut and the
    backend restarted: Oxigraph does not stop every query at its own timeout (a result that streams, some
    aggregates), and a query nobody waits for must not keep a core busy."""
    return type("BoundGate", (Gate,), {"policy": policy, "backend": backend, "limit": limit})


class Gate(http.server.BaseHTTPRequestHandler):
    """Checks a request against ``policy`` and forwards it to ``backend`` (set by ``handler``)."""

    policy: Policy
    backend: Any
    limit: float | None
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    _started = False  # whether a response has begun (then an error can only close the connection)

    def do_OPTIONS(self) -> None:  # a CORS preflight
        try:
            if not self.policy.host_ok(self.headers.get("Host")):
                raise Refused(403, "Host not allowed")
            allowed = self.policy.cors_origin(self.headers.get("Origin"))
            if allowed is None:
                raise Refused(403, "Origin not allowed (kg serve --cors ORIGIN)")
        except Refused as exc:
            return self._refuse(exc)
        methods = "GET, POST, PUT, DELETE, HEAD, OPTIONS" if self.policy.token else "GET, POST, HEAD, OPTIONS"
        self._reply(
            204,
            b"",
            {
                "Access-Control-Allow-Origin": allowed,
                "Access-Control-Allow-Methods": methods,
                "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )

    def _forward(self) -> None:
        self._started = False
        try:
            check(self.policy, self.command, self.path, self.headers)
            body = self._body()
            path, body = rewrite(
                self.policy, self.command, self.path, self.headers.get("Content-Type", ""), body
            )
        except Refused as exc:
            return self._refuse(exc)
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "content-type")}
        headers["Content-Length"] = str(len(body))
        host, port, generation = self.backend.address()
        deadline = None if self.limit is None else time.monotonic() + self.limit
        conn = http.client.HTTPConnection(host, port, timeout=self.limit)
        overran = False
        try:
            conn.request(self.command, path, body=body, headers=headers)
            sock = conn.sock  # (the connection hands it to the response when Oxigraph closes after it)
            response = conn.getresponse()
            self._relay(response, sock, deadline)
        except (OSError, http.client.HTTPException) as exc:
            overran = isinstance(exc, TimeoutError)
            if not self._started:
                message = "ran past its time limit (kg serve --timeout)" if overran else f"failed ({exc})"
                self._refuse(Refused(504 if overran else 502, f"the query {message}"))
            self.close_connection = True
        finally:
            conn.close()
        if overran:
            self.backend.request_restart(generation)

    def _relay(self, response: http.client.HTTPResponse, sock, deadline: float | None) -> None:
        """Oxigraph's answer, streamed (a Graph Store download may be large), without its CORS headers."""
        self._started = True
        self.send_response(response.status)
        for key, value in response.getheaders():
            name = key.lower()
            if (
                name not in _HOP_BY_HOP
                and not name.startswith("access-control-")
                and name not in ("server", "date")
            ):
                self.send_header(key, value)
        for key, value in self._cors().items():
            self.send_header(key, value)
        if response.getheader("Content-Length") is None:
            self.close_connection = True  # the body ends when the connection closes
            self.send_header("Connection", "close")
        self.end_headers()
        while True:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("the query ran past its time limit (kg serve --timeout)")
                sock.settimeout(left)
            chunk = response.read1(1 << 16)
            if not chunk:
                break
            if self.command != "HEAD":
                self.wfile.write(chunk)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

    def _body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise Refused(411, "send a Content-Length (chunked bodies are not accepted)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refused(400, "bad Content-Length") from None
        if length < 0 or length > MAX_BODY:
            raise Refused(413, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length else b""

    def _cors(self) -> dict[str, str]:
        allowed = self.policy.cors_origin(self.headers.get("Origin"))
        return {"Access-Control-Allow-Origin": allowed, "Vary": "Origin"} if allowed else {}

    def _refuse(self, exc: Refused) -> None:
        self.close_connection = True
        self._reply(
            exc.status,
            (exc.message + "\n").encode("utf-8"),
            {"Content-Type": "text/plain; charset=utf-8", **exc.headers, **self._cors()},
        )

    def _reply(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass  # quiet: the library prints nothing
