"""``kg push``: every document graph of a store, and the union in the default graph, to a SPARQL 1.1 Graph Store
Protocol endpoint, with Basic or Bearer authentication, never printing a secret."""

from __future__ import annotations

import base64
import http.client
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..errors import KgError
from ..store import Store


@dataclass(frozen=True)
class Credentials:
    """Basic (user and password) or Bearer (token) authentication; ``repr`` hides the secrets."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def header(self) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password={'***' if self.password else None}, token={'***' if self.token else None})"


def split_credentials(endpoint: str) -> tuple[str, Credentials]:
    """``http://user:pass@host/store`` → the URL without them, and the credentials they give."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.username is None and parts.password is None:
        return endpoint, Credentials()
    netloc = parts.hostname or ""
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    bare = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    user = urllib.parse.unquote(parts.username or "")
    return bare, Credentials(user, urllib.parse.unquote(parts.password or ""))


def redact(endpoint: str) -> str:
    """The endpoint as it may be shown: without a password."""
    return split_credentials(endpoint)[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Credentials go to the endpoint named, never to wherever it redirects."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(
            req.full_url, code, f"redirected to {newurl} (not followed)", headers, fp
        )


def push_store(
    store_dir, endpoint: str, *, timeout: float = 60, credentials: Credentials | None = None
) -> int:
    """HTTP PUT each document graph to ``endpoint?graph=<IRI>`` and the union (what kg queries read) to
    ``endpoint?default``; returns the number of document graphs. Credentials in the URL are used and not shown."""
    import pyoxigraph as ox

    if not endpoint.startswith(("http://", "https://")):
        raise KgError(f"endpoint must be an http(s) URL (got {redact(endpoint)!r})")
    url, in_url = split_credentials(endpoint)
    auth = (credentials or in_url).header() or in_url.header()
    opener = urllib.request.build_opener(_NoRedirect)
    with Store(store_dir, read_only=True) as store:
        graphs = store.documents()
        for iri in graphs:
            body = store._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
            _put(
                opener, url, "graph=" + urllib.parse.quote(iri, safe=""), body, auth, timeout, f"graph {iri}"
            )
        union = store._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        _put(opener, url, "default", union, auth, timeout, "the default graph (the union)")
    return len(graphs)


def _put(opener, url: str, query: str, body: bytes, auth: str | None, timeout: float, what: str) -> None:
    target = url + ("&" if "?" in url else "?") + query
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        headers["Authorization"] = auth
    request = urllib.request.Request(target, data=body, method="PUT", headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            if response.status >= 300:
                raise KgError(f"{url}: HTTP {response.status} for {what}")
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read()[:200].decode("utf-8", "replace").split()) if exc.fp else str(exc.reason)
        raise KgError(f"{url}: HTTP {exc.code} for {what}: {detail}") from exc
    except urllib.error.URLError as exc:
        raise KgError(f"{url}: cannot connect ({exc.reason})") from exc
    except TimeoutError as exc:
        raise KgError(f"{url}: no answer within {timeout:g} s for {what}") from exc
    except (OSError, http.client.HTTPException) as exc:  # reset, dropped, a broken answer
        raise KgError(f"{url}: the connection failed for {what} ({type(exc).__name__}: {exc})") from exc


def credentials_from(user: str | None, password_env: str | None, token_env: str | None) -> Credentials:
    """Credentials from the command line: a user name, and the names of the environment variables that hold the
    password or the token (a secret on the command line would show in the process list)."""

    def secret(name: str | None) -> str | None:
        if name is None:
            return None
        value = os.environ.get(name)
        if not value:
            raise KgError(f"environment variable {name} is not set")
        return value

    if token_env and (user or password_env):
        raise KgError("use either a token (--token-env) or a user and password (--user, --password-env)")
    if password_env and not user:
        raise KgError("--password-env needs --user")
    return Credentials(user, secret(password_env), secret(token_env))
