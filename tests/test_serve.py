"""kg serve is safe by default and stops cleanly; kg push sends the union and authenticates without echoing a
secret (issue 11, cases 1, 2 (the endpoint), 6 (push) and 7)."""

import dataclasses
import http.client
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT

from kg.cli import main
from kg.corpus import build_store
from kg.serve import ServeOptions, oxigraph_binary, serve_store
from kg.store import Store

TOKEN = "s3cret-token"
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc=None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on {port}")


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Server:
    """``kg serve`` in a process of its own, as a user runs it (for signals and exit status)."""

    def __init__(self, store, *args: str, token: str | None = None) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"}
        if token:
            env["KG_SERVE_TOKEN"] = token
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", str(store), "--port", str(self.port), *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        wait_listening(self.port, self.proc)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self, sig=signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(timeout=20)

    def request(self, path: str, *, data=None, method=None, headers=None) -> tuple[int, dict, str]:
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read().decode("utf-8")

    def query(self, sparql: str, **headers) -> tuple[int, dict, str]:
        data = urllib.parse.urlencode({"query": sparql}).encode()
        return self.request("/query", data=data, headers={"Accept": "text/csv", **headers})


class InProcess(Server):
    """``serve_store`` in a thread of this process (quicker to start: the checks of the gate need no process)."""

    def __init__(self, store, options: ServeOptions) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.stopping, listening, self.status = threading.Event(), threading.Event(), []
        options = dataclasses.replace(options, port=self.port)

        def run():
            try:
                self.status.append(
                    serve_store(
                        store, options=options, stop=self.stopping, announce=lambda u: listening.set()
                    )
                )
            finally:
                listening.set()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        listening.wait(30)
        assert not self.status, "the server stopped at once"

    def stop(self, sig=None) -> int:
        self.stopping.set()
        self.thread.join(20)
        return self.status[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "store"
    build_store([EXAMPLE], path)
    return path


@pytest.fixture(scope="module")
def read_only(store):
    server = InProcess(store, ServeOptions())
    yield server
    assert server.stop() == 0


@pytest.fixture(scope="module")
def writable(tmp_path_factory, store):
    import shutil

    copy = tmp_path_factory.mktemp("w") / "store"
    shutil.copytree(store, copy)
    server = InProcess(copy, ServeOptions(update=True, token=TOKEN, cors=("https://app.example",)))
    yield server, copy
    assert server.stop() == 0


def count(server) -> int:
    status, _, body = server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200, body
    return int(body.splitlines()[1])


def form(update: str) -> bytes:
    return urllib.parse.urlencode({"update": update}).encode()


def test_read_only_by_default(read_only):
    assert count(read_only) > 0
    status, _, body = read_only.request("/update", data=form("DROP ALL"))
    assert status == 403 and "read-only" in body
    status, _, _ = read_only.request(
        "/store?default",
        data=b"<urn:a> <urn:b> <urn:c> .",
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    assert status == 403 and count(read_only) > 0


def test_a_cross_site_form_post_cannot_write(writable):
    server, _ = writable
    before = count(server)
    evil = {"Origin": "https://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
    status, _, _ = server.request("/update", data=form("DROP ALL"), headers=evil)
    assert status == 403
    status, headers, _ = server.request("/update", data=form("DROP ALL"))  # no Origin, no token
    assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
    status, _, _ = server.request("/update", data=form("DROP ALL"), headers={"Authorization": "Bearer wrong"})
    assert status == 401 and count(server) == before


def test_a_writer_with_the_token_can_write(writable):
    server, _ = writable
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
    status, _, _ = server.request(
        "/update", data='INSERT DATA { <urn:a> rdfs:label "新" }'.encode(), headers=auth
    )
    assert status == 204
    status, _, body = server.query(
        'ASK { <urn:a> rdfs:label "新" }', Accept="application/sparql-results+json"
    )
    assert json.loads(body)["boolean"] is True


def test_another_host_name_is_refused(read_only):
    status, _, body = read_only.query("ASK {}", Host=f"evil.example:{read_only.port}")
    assert status == 403 and "Host not allowed" in body
    assert read_only.query("ASK {}", Host=f"localhost:{read_only.port}")[0] == 200


def test_a_cors_preflight_is_answered_for_allowed_origins_only(writable):
    server, _ = writable
    preflight = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
    status, headers, _ = server.request("/query", method="OPTIONS", headers=preflight)
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "Authorization" in headers["Access-Control-Allow-Headers"]
    status, headers, _ = server.query("ASK {}", Origin="https://app.example")
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
    status, headers, _ = server.request(
        "/query", method="OPTIONS", headers={**preflight, "Origin": "https://x.example"}
    )
    assert status == 403 and "Access-Control-Allow-Origin" not in headers


def test_service_and_load_are_refused(read_only, writable):
    from test_query_safety import Listener

    listener = Listener()
    try:
        status, _, body = read_only.query(
            f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
        )
        assert status == 403 and "SERVICE is refused" in body
        server, _ = writable
        status, _, body = server.request(
            "/update",
            data=form(f"LOAD <{listener.url}/data.ttl>"),
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert status == 403 and "LOAD is refused" in body
        assert listener.requests == []
    finally:
        listener.close()


def test_a_query_that_would_crash_the_parser_is_refused_and_the_server_lives_on(read_only):
    status, _, body = read_only.query("SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000)
    assert status == 400 and "nested more than 256 deep" in body
    assert count(read_only) > 0


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_the_example_queries_run_against_the_endpoint_with_kgs_prefixes(read_only, store, query):
    text = query.read_text(encoding="utf-8")
    status, _, body = read_only.request(
        "/query",
        data=text.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert status == 200, body
    with Store(store, read_only=True) as s:
        expected = s.query(text)
    assert len(body.strip().splitlines()) - 1 == len(expected.rows)


def test_update_without_a_token_does_not_start(store):
    env = {k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"}
    res = CliRunner(env=env).invoke(main, ["serve", str(store), "--update", "--port", str(free_port())])
    assert res.exit_code == 1 and res.output.strip().splitlines() == [
        "Error: --update needs a token for writers: pass --token or set KG_SERVE_TOKEN"
    ]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow  # (a process of its own, and a query that runs until it is stopped)
@pytest.mark.parametrize(
    "query",
    [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",  # no row until the end
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",  # rows forever
    ],
    ids=["aggregate", "stream"],
)
def test_a_long_query_is_stopped_at_the_timeout_and_leaves_no_work_behind(store, query):
    server = Server(store, "--timeout", "1")  # a process: its children are the Oxigraph servers
    try:
        (child,) = children(server.proc.pid)
        started = time.monotonic()
        try:
            server.query(query)
        except (OSError, http.client.HTTPException):
            pass  # the answer was cut: it had begun streaming
        assert time.monotonic() - started < 20
        time.sleep(0.3)
        if alive(child):  # Oxigraph dropped the query itself
            before = cpu_seconds(child)
            time.sleep(1)
            assert cpu_seconds(child) - before < 0.3
        assert count(server) > 0  # the server goes on answering (from a new child if the old one was stopped)
        (child,) = children(server.proc.pid)
    finally:
        assert server.stop() == 0  # SIGTERM: the server and its child stop
    assert not alive(child)


@pytest.mark.slow  # (test_store's serve test and the session fixture check SIGTERM in the default run)
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["TERM", "INT", "KILL"])
def test_a_signal_stops_the_server_and_its_child(store, sig):
    server = Server(store)
    (child,) = children(server.proc.pid)
    assert alive(child)
    server.stop(sig)
    deadline = time.monotonic() + 10
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child)


# --- kg push -----------------------------------------------------------------------------------------------


def test_push_sends_every_graph_and_the_union_with_a_token(writable, store, monkeypatch):
    server, _ = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert server.request("/update", data=form("DROP ALL"), headers=auth)[0] == 204
    monkeypatch.setenv("PUSH_TOKEN", TOKEN)
    res = CliRunner().invoke(
        main, ["push", str(store), "--endpoint", f"{server.url}/store", "--token-env", "PUSH_TOKEN"]
    )
    assert res.exit_code == 0, res.output
    assert (
        res.output == f"pushed 1 graphs and their union to {server.url}/store\n" and TOKEN not in res.output
    )
    with Store(store, read_only=True) as s:
        union = len(s.query("SELECT * WHERE { ?s ?p ?o }").rows)
    assert count(server) == union  # the default graph: what queries read
    res = CliRunner().invoke(main, ["push", str(store), "--endpoint", f"{server.url}/store"])
    assert res.exit_code == 1 and "HTTP 401" in res.output and res.output.count("\n") == 1


class Recorder:
    """An endpoint that records what it is sent, or misbehaves: hangs, or drops the connection."""

    def __init__(self, mode: str = "ok") -> None:
        self.headers: list[dict] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PUT(self):
                recorder.headers.append(dict(self.headers))
                self.rfile.read(int(self.headers["Content-Length"]))
                if mode == "hang":
                    time.sleep(3)
                if mode == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_push_uses_basic_credentials_from_the_url_and_never_prints_them(store):
    recorder = Recorder()
    try:
        res = CliRunner().invoke(
            main, ["push", str(store), "--endpoint", f"http://alice:pa%3Ass@127.0.0.1:{recorder.port}/store"]
        )
    finally:
        recorder.close()
    assert res.exit_code == 0 and "pa:ss" not in res.output and "pa%3Ass" not in res.output
    assert "alice" not in res.output
    import base64

    assert {h["Authorization"] for h in recorder.headers} == {
        "Basic " + base64.b64encode(b"alice:pa:ss").decode()
    }


def test_push_reads_the_password_from_the_environment(store, monkeypatch):
    recorder = Recorder()
    monkeypatch.setenv("KG_PASSWORD", "pw")
    try:
        res = CliRunner().invoke(
            main,
            [
                "push",
                str(store),
                "--endpoint",
                f"http://127.0.0.1:{recorder.port}/store",
                "--user",
                "bob",
                "--password-env",
                "KG_PASSWORD",
            ],
        )
    finally:
        recorder.close()
    assert res.exit_code == 0
    import base64

    assert recorder.headers[0]["Authorization"] == "Basic " + base64.b64encode(b"bob:pw").decode()


@pytest.mark.parametrize(
    "mode,message",
    [
        pytest.param("hang", "no answer within 0.3 s", marks=pytest.mark.slow),  # waits for the limit
        ("drop", "the connection failed"),
    ],
)
def test_push_to_a_server_that_hangs_or_drops_is_a_one_line_error(store, mode, message):
    recorder = Recorder(mode)
    try:
        res = CliRunner().invoke(
            main,
            [
                "push",
                str(store),
                "--endpoint",
                f"http://u:secret@127.0.0.1:{recorder.port}/store",
                "--timeout",
                "0.3",
            ],
        )
    finally:
        recorder.close()
    assert res.exit_code == 1 and res.output.count("\n") == 1 and message in res.output, res.output
    assert "secret" not in res.output and "Traceback" not in res.output


def test_oxigraph_is_installed_with_the_dev_extra():
    assert Path(oxigraph_binary()).exists()
