"""Command line: each command parses its arguments, makes one library call, and reports errors in one line."""

from __future__ import annotations

import sys
import time

import click

from . import __version__
from .config import BuildConfig
from .errors import KgError
from .evaluate import DATASETS
from .progress import counted
from .recognize.statistical import MODELS
from .vocab import DEFAULT_BASE


class _ModelChoice(click.Choice):
    """One of the named recognisers, or the path of a neural model file (``python -m kg.train --model nn``)."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value.endswith(".npz"):
            return value
        return super().convert(value, param, ctx)


class Refusal(click.ClickException):
    """Options that contradict each other: one line (``Error: …``), exit status 2, nothing written."""

    exit_code = 2


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: turn Chinese business and tech news into a knowledge graph.

    \b
    Example:
      kg build examples/qinglan_battery.txt --out out/
      kg query out/graph.ttl examples/queries/who_leads_what.rq
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--out",
    "-o",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False, allow_dash=True),
    help="Folder for the output files; - writes the one format chosen to standard output.",
)
@click.option(
    "--format",
    "-f",
    "formats",
    default="turtle,json,html",
    show_default=True,
    help="Comma-separated outputs: turtle (ttl), nt, jsonld, json, html, graphml, neo4j, cypher.",
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="IRI base for minted entities.")
@click.option(
    "--segmenter",
    type=click.Choice(["rjieba", "jieba"]),
    default="rjieba",
    show_default=True,
    help="Segmentation engine (rjieba is jieba's dictionary in Rust, ~20x faster).",
)
@click.option(
    "--model",
    type=_ModelChoice([m for m in MODELS if not m.endswith("-only")]),
    default=BuildConfig.model,
    show_default=True,
    help="Statistical recogniser behind the lexicon and patterns: nn (BiLSTM-CRF), crf, none (rules only), "
    "or a neural model file (.npz) you trained.",
)
@click.option(
    "--relation-model",
    default="default",
    show_default=True,
    help="Learned relation scorer after the rules: default (the shipped one), none (rules only), or a model file.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Drop relations below this confidence.",
)
@click.option(
    "--max-document-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=BuildConfig.max_document_mb,
    show_default=True,
    help="Skip (with a warning) any document with more text than this, in MB of UTF-8.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(dir_okay=True),
    help="Add to a persistent store (a folder) instead of writing files.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Worker processes (with --store).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs (with --store): this machine, or a Dask cluster.",
)
@click.option("--scheduler", help="Dask scheduler address for --engine dask (e.g. tcp://10.0.0.5:8786).")
@click.option(
    "--partition-dir",
    type=click.Path(file_okay=False),
    help="With --engine dask: a folder the workers and this machine share (NFS…); workers write their "
    "partitions there instead of sending them back compressed.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    help="Your own names: a TSV file of name<TAB>type[<TAB>alias|alias…] (repeatable; wins over kg's).",
)
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    help="Your own relation rules: a TOML file in kg's rule format (repeatable; see `kg rules`).",
)
@click.option("--quiet", "-q", is_flag=True, help="No summary, only errors.")
def build(
    inputs,
    out_dir,
    formats,
    base,
    segmenter,
    model,
    relation_model,
    min_confidence,
    max_document_mb,
    store_dir,
    jobs,
    engine,
    scheduler,
    partition_dir,
    lexicons,
    rule_files,
    quiet,
) -> None:
    """Build a graph from articles: files, folders, or - for standard input.

    \b
    Reads .txt, .md, .html and .jsonl (one {"text": ..., "title": ..., "url": ..., "date": ...} per line).
    Example:
      kg build examples/qinglan_battery.txt --out out/
      cat news.jsonl | kg build - --format turtle,json
      kg build corpus/ news.jsonl --store kgstore/ --jobs 2
    """
    config = _config(
        segmenter=segmenter,
        model=model,
        relation_model=relation_model,
        min_confidence=min_confidence,
        base=base,
        lexicons=lexicons,
        rules=rule_files,
        max_document_mb=max_document_mb,
    )
    if store_dir:
        _refuse_given(("formats", "--format"), ("out_dir", "--out"), why="--store writes into the store, not files; "
                      "export from it with: kg export STORE --format html --out graph.html")  # fmt: skip
        _build_store(inputs, store_dir, config, jobs, engine, scheduler, partition_dir, quiet)
        return
    if jobs != 1 or engine != "local":
        raise click.BadParameter(
            "--jobs and --engine apply to corpus builds into a --store", param_hint="--jobs"
        )
    from .export import write_outputs
    from .pipeline import build as build_graph
    from .vocab import Minter

    chosen = _formats(formats, to_stdout=out_dir == "-")
    try:
        Minter(base)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from None
    started = time.perf_counter()
    line = _ProgressLine(enabled=sys.stderr.isatty() and not quiet)
    try:
        graph = build_graph(
            inputs,
            config=config,
            on_warning=line.warn,
            on_progress=lambda done, total: line.show(counted(done, total, time.perf_counter() - started)),
        )
        if not graph.documents:
            raise KgError("no article could be read from the inputs")
        if out_dir == "-":
            line.end()
            _to_stdout(graph, chosen[0], base=base)
            return
        line.show(f"{len(graph.documents)} docs extracted · writing {', '.join(chosen)}…")
        paths = write_outputs(graph, out_dir, formats=chosen, base=base)
    except KgError as exc:
        line.end()
        raise _fail(exc) from None
    line.end()
    if quiet:
        return
    s = graph.summary()
    elapsed = time.perf_counter() - started
    click.echo(
        f"{s['documents']} document(s) → {sum(s['entities'].values())} entities, "
        f"{sum(s['relations'].values())} relations, {s['figures']} figures in {elapsed:.2f}s"
    )
    click.echo("  entities:  " + ", ".join(f"{k} {v}" for k, v in s["entities"].items()))
    click.echo("  relations: " + (", ".join(f"{k} {v}" for k, v in s["relations"].items()) or "none"))
    for p in paths:
        click.echo(f"  wrote {p}")


def _refuse_given(*options: tuple[str, str], why: str) -> None:
    """A one-line error when the user gave one of ``options`` (parameter name, flag) that does not apply."""
    from click.core import ParameterSource

    ctx = click.get_current_context()
    for name, flag in options:
        if ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None):
            raise Refusal(f"{flag} does not apply here: {why}")


def _formats(text: str, *, to_stdout: bool) -> tuple[str, ...]:
    """The formats asked for (aliases accepted); standard output takes one format of one file."""
    from .export import FORMATS, format_name

    try:
        chosen = tuple(format_name(f.strip()) for f in text.split(",") if f.strip())
    except KgError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    if to_stdout and (len(chosen) != 1 or FORMATS[chosen[0]][1] == "neo4j"):
        raise Refusal("--out - writes one file to standard output: choose one format of one file (not neo4j)")
    return chosen


def _to_stdout(graph, fmt: str, **options) -> None:
    from .export import render

    text = render(graph, fmt, **options)
    assert isinstance(text, str)  # _formats refused the formats of several files
    sys.stdout.write(text)


def _config(*, lexicons=(), rules=(), **options) -> BuildConfig:
    """The build options, with the user's lexicon and rule files checked before any article is read."""
    from .recognize.lexicon import load_lexicon
    from .relate.rules import load_rules
    from .relate.scorer import load_scorer

    config = BuildConfig(lexicons=tuple(lexicons), rules=tuple(rules), **options)
    try:
        lexicon = load_lexicon(config.lexicons)
        load_rules(config.rules, lexicon.title_pattern.pattern)
        load_scorer(config.relation_model, config.lexicons)
    except KgError as exc:
        raise _fail(exc) from None
    return config


class _ProgressLine:
    """One line on standard error, redrawn in place; only on a terminal. Warnings go on lines of their own."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled, self.width = enabled, 0

    def show(self, text: str) -> None:
        if self.enabled:
            click.echo("\r" + text.ljust(self.width), nl=False, err=True)
            self.width = len(text)

    def warn(self, message: str) -> None:
        if self.width:
            click.echo(err=True)
            self.width = 0
        click.echo(f"warning: {message}", err=True)

    def end(self) -> None:
        if self.width:
            click.echo(err=True)
            self.width = 0


def _build_store(inputs, store_dir, config, jobs, engine, scheduler, partition_dir, quiet) -> None:
    from .corpus import build_store

    line = _ProgressLine(enabled=sys.stderr.isatty() and not quiet)
    try:
        p = build_store(
            inputs,
            store_dir,
            config=config,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            partition_dir=partition_dir,
            on_warning=line.warn,
            on_progress=lambda p: line.show(p.line()),
        )
    except KgError as exc:
        line.end()
        raise _fail(exc) from None
    line.end()
    if not quiet:
        click.echo(p.line(final=True) + f" in {p.seconds:.1f}s → {store_dir}")


@main.command()
@click.argument("graph_file", type=click.Path(exists=True))
@click.argument("query")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option(
    "--update",
    is_flag=True,
    help="Allow SPARQL UPDATE. On a graph file it changes a copy in memory (the file is not touched); "
    "on a store it is written to the store.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=30,
    show_default=True,
    help="Stop a query after this many seconds (0: no limit).",
)
@click.option(
    "--allow-federation",
    is_flag=True,
    help="Allow SERVICE, LOAD and (on files) FROM, which read other sources: URLs or local files.",
)
def query(graph_file, query, fmt, update, timeout, allow_federation) -> None:
    """Run a SPARQL query (a string or a .rq file) on an exported graph file or a store.

    \b
    Prefixes kg:, schema:, prov:, rdfs:, rdf:, xsd: and kgid: are predeclared. Example:
      kg query out/graph.ttl 'SELECT ?p ?o WHERE { ?s rdfs:label "快手"@zh ; ?p ?o }'
      kg query out/graph.ttl examples/queries/founders.rq --format csv
      kg query kgstore/ examples/queries/who_leads_what.rq
    """
    from .sparql import format_result, load_graph, printable, read_query, run_query
    from .store import Store, is_store

    options = {"allow_update": update, "allow_federation": allow_federation, "timeout": timeout or None}
    try:
        text = read_query(query)
        if is_store(graph_file):
            with Store(graph_file, read_only=not update) as store:
                result = store.query(text, **options)
        else:
            result = run_query(load_graph(graph_file), text, **options)
        output = format_result(result, fmt)
    except KgError as exc:
        raise _fail(exc) from None
    sys.stdout.write(printable(output) if sys.stdout.isatty() else output)


STORE_DIR = click.Path(exists=True, file_okay=False)
EXPORT_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld", "graphml", "json", "html", "neo4j", "cypher")


@main.command()
@click.argument("store_dir", type=STORE_DIR)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(EXPORT_FORMATS + ("ttl",)),
    default="turtle",
    show_default=True,
)
@click.option(
    "--out",
    "-o",
    "out_file",
    required=True,
    type=click.Path(allow_dash=True),
    help="The file (a folder for neo4j) to write; - for standard output.",
)
@click.option(
    "--focus",
    help="Only the neighbourhood of this entity (a name or an id): json, html, graphml, neo4j, cypher.",
)
@click.option(
    "--depth", type=click.IntRange(0, 10), default=2, show_default=True, help="Hops around --focus."
)
def export(store_dir, fmt, out_file, focus, depth) -> None:
    """Export a store: the named graphs kept (nquads, trig) or merged (turtle, nt, jsonld); or the graph for
    people and their tools (json, the html view, graphml, neo4j CSV, cypher), whole or around --focus.

    \b
    Example:
      kg export kgstore/ --format trig --out all.trig
      kg export kgstore/ -f html --focus 快手 --depth 2 -o kuaishou.html
      kg export kgstore/ -f neo4j -o neo4j/ && sh neo4j/import.sh
    """
    from .fromstore import GRAPH_FORMATS, export_graph
    from .store import Store, export_store

    fmt = "turtle" if fmt == "ttl" else fmt
    if focus and fmt not in GRAPH_FORMATS:
        raise Refusal(f"--focus applies to {', '.join(GRAPH_FORMATS)}, not {fmt}")
    if out_file == "-" and fmt in ("neo4j", "jsonld"):
        raise Refusal(
            f"--out - cannot take {fmt} from a store; give a {'folder' if fmt == 'neo4j' else 'file'}"
        )
    data: str | bytes | dict[str, str]
    try:
        with Store(store_dir, read_only=True) as store:
            if fmt in GRAPH_FORMATS:
                data = export_graph(store, fmt, focus=focus, depth=depth)
            elif out_file == "-":
                data = store.dump(fmt)
            else:
                n = export_store(store, fmt, out_file)
                click.echo(f"wrote {out_file} ({n} bytes)", err=True)
                return
    except KgError as exc:
        raise _fail(exc) from None
    _write_export(data, out_file, fmt)


def _write_export(data, out_file: str, fmt: str) -> None:
    from pathlib import Path

    from .export import write_rendered

    if out_file == "-":
        sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return
    try:
        path = write_rendered(Path(out_file), data)
    except KgError as exc:
        raise _fail(exc) from None
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("store_dir", type=STORE_DIR)
@click.argument("documents", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="Say nothing when it worked.")
def rm(store_dir, documents, quiet) -> None:
    """Remove documents from a store, by id or by the file (or folder) they were read from. Their facts go,
    and so does everything only they supported; what other documents also state stays.

    \b
    Example:
      kg rm kgstore/ 3832ad358664a35f
      kg rm kgstore/ corpus/2024-06/ news.jsonl
    """
    from .store import Store
    from .upkeep import remove_documents

    try:
        with Store(store_dir) as store:
            removed = remove_documents(store, documents)
    except KgError as exc:
        raise _fail(exc) from None
    if not quiet:
        click.echo(f"removed {len(removed)} document(s): {', '.join(removed)}")


@main.command()
@click.argument("store_dir", type=STORE_DIR)
@click.option("--focus", help="Open on the neighbourhood of this entity (a name or an id).")
@click.option(
    "--depth", type=click.IntRange(0, 10), default=2, show_default=True, help="Hops around --focus."
)
@click.option(
    "--out",
    "-o",
    "out_file",
    type=click.Path(dir_okay=False),
    help="Where to write the page (default: a temporary file).",
)
@click.option("--no-open", is_flag=True, help="Write the page but do not open a browser.")
def view(store_dir, focus, depth, out_file, no_open) -> None:
    """Open a store in the interactive view (a page that works offline), whole or around one entity.

    \b
    Example:
      kg view kgstore/ --focus 快手 --depth 2
    """
    import tempfile
    import webbrowser
    from pathlib import Path

    from .fromstore import export_graph
    from .store import Store

    if out_file == "-":
        raise Refusal(
            "kg view opens the page in a browser; for standard output use: kg export STORE -f html -o -"
        )
    try:
        with Store(store_dir, read_only=True) as store:
            page = export_graph(store, "html", focus=focus, depth=depth)
    except KgError as exc:
        raise _fail(exc) from None
    if out_file is None:
        out_file = tempfile.mkstemp(prefix="kg-view-", suffix=".html")[1]
    _write_export(page, out_file, "html")
    if not no_open:
        webbrowser.open(Path(out_file).resolve().as_uri())


@main.command()
@click.argument("store_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--update",
    is_flag=True,
    help="Accept SPARQL UPDATE and Graph Store writes, from clients that send the token (read-only by default).",
)
@click.option(
    "--token",
    envvar="KG_SERVE_TOKEN",
    show_envvar=True,
    help="The bearer token writers must send (Authorization: Bearer TOKEN); prefer the environment variable.",
)
@click.option(
    "--cors",
    "--allow-origin",
    "cors",
    multiple=True,
    metavar="ORIGIN",
    help="Let web pages from ORIGIN (e.g. https://yasgui.example) call the endpoint; repeat it; * for any.",
)
@click.option(
    "--allow-host",
    multiple=True,
    metavar="NAME",
    help="Another name the Host header may carry (the server's own address and localhost are allowed).",
)
@click.option("--allow-federation", is_flag=True, help="Let SERVICE and LOAD reach other sources.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=30,
    show_default=True,
    help="Stop a query after this many seconds (0: no limit).",
)
def serve(store_dir, port, host, update, token, cors, allow_host, allow_federation, timeout) -> None:
    """Serve a store as a SPARQL 1.1 endpoint: /query, /store (Graph Store Protocol) and, with --update, /update.

    \b
    Read-only by default; writes only with --update and a token. Answers requests for its own address (Host)
    and from its own origin; kg's prefixes are predeclared; SERVICE and LOAD are refused. Example:
      kg serve kgstore/ --port 7878
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/query' --data-urlencode 'query=SELECT * { ?s kg:leads ?o }'
      KG_SERVE_TOKEN=secret kg serve kgstore/ --update --cors https://yasgui.example
    """
    from .serve import ServeOptions, serve_store

    options = ServeOptions(
        host=host,
        port=port,
        update=update,
        token=token,
        cors=cors,
        allow_hosts=allow_host,
        allow_federation=allow_federation,
        timeout=timeout or None,
    )
    try:
        code = serve_store(
            store_dir,
            options=options,
            announce=lambda url: click.echo(f"SPARQL endpoint on {url}/query (Ctrl-C to stop)", err=True),
        )
    except KgError as exc:
        raise _fail(exc) from None
    sys.exit(code)


@main.command()
@click.argument("store_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--endpoint",
    required=True,
    help="A SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://host:7878/store",
)
@click.option("--timeout", type=float, default=60, show_default=True, help="Seconds per request.")
@click.option("--user", help="User name for HTTP Basic authentication.")
@click.option("--password-env", metavar="VAR", help="The environment variable that holds the password.")
@click.option(
    "--token-env",
    metavar="VAR",
    help="The environment variable that holds a bearer token (e.g. KG_SERVE_TOKEN).",
)
def push(store_dir, endpoint, timeout, user, password_env, token_env) -> None:
    """Send a store to a Graph Store Protocol endpoint: each document graph (HTTP PUT ?graph=IRI) and the union
    of them all (PUT ?default), which is what queries read.

    \b
    Secrets are read from environment variables, never from the command line, and never printed. Example:
      kg push kgstore/ --endpoint http://127.0.0.1:7878/store --token-env KG_SERVE_TOKEN
      KG_PASSWORD=… kg push kgstore/ --endpoint https://db.example/store --user me --password-env KG_PASSWORD
    """
    from .serve.push import credentials_from, push_store, redact

    try:
        n = push_store(
            store_dir, endpoint, timeout=timeout, credentials=credentials_from(user, password_env, token_env)
        )
    except KgError as exc:
        raise _fail(exc) from None
    click.echo(f"pushed {n} graphs and their union to {redact(endpoint)}")


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--rules", "rule_files", multiple=True, help="Your own rule files, listed after kg's (repeatable)."
)
@click.option("--lexicon", "lexicons", multiple=True, help="Your own lexicons, used when counting hits.")
@click.option(
    "--model",
    type=_ModelChoice([m for m in MODELS if not m.endswith("-only")]),
    default=BuildConfig.model,
    show_default=True,
    help="As for kg build.",
)
def rules(inputs, rule_files, lexicons, model) -> None:
    """List the relation rules, and how often each fires on INPUTS (articles, as for kg build).

    \b
    A rule that never fires on your corpus shows 0. Rules are TOML files: kg's are in kg/data/rules/,
    yours come with --rules (a rule with the name of one of kg's replaces it).
    Example:
      kg rules examples/ --rules my_rules.toml
    """
    from .pipeline import rule_hits
    from .relate.rules import load_rules

    config = _config(lexicons=lexicons, rules=rule_files, model=model, relation_model="none")
    from .recognize.lexicon import load_lexicon

    ruleset = load_rules(config.rules, load_lexicon(config.lexicons).title_pattern.pattern)
    try:
        hits = (
            rule_hits(inputs, config=config, on_warning=lambda m: click.echo(f"warning: {m}", err=True))
            if inputs
            else None
        )
    except KgError as exc:
        raise _fail(exc) from None
    rows: list[tuple[str, ...]] = [
        (r.name, "|".join(r.predicates), r.origin, f"{r.confidence:.2f}", str(len(r.examples)))
        for r in ruleset
    ]
    header: tuple[str, ...] = ("rule", "predicate", "file", "confidence", "examples")
    if hits is not None:
        named = {r.name for r in ruleset}
        rows = [(*row, str(hits[row[0]])) for row in rows]
        rows += [
            (name, "", "(built in)", "", "", str(n)) for name, n in sorted(hits.items()) if name not in named
        ]
        header = (*header, "hits")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        click.echo("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip())
    if hits is not None:
        silent = [r.name for r in ruleset if not hits[r.name]]
        click.echo(f"{len(ruleset.rules)} rules; {len(silent)} fired on nothing in these articles", err=True)


@main.command()
@click.argument("dataset_file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--task",
    type=click.Choice(["ner", "re", "graph"]),
    help="ner, re, or graph (whole articles against hand-made gold); default: from the records.",
)
@click.option("--split", help="With --task graph: score only the records of this split (dev or test).")
@click.option(
    "--dataset",
    type=click.Choice(list(DATASETS)),
    help="Which label map to use (default: from the path).",
)
@click.option(
    "--model",
    type=_ModelChoice(list(MODELS)),
    default=BuildConfig.model,
    show_default=True,
    help="nn / crf: rules then that statistical recogniser (kg build uses nn); none: rules only; "
    "nn-only / crf-only: the statistical recogniser alone.",
)
@click.option(
    "--relation-model",
    default="default",
    show_default=True,
    help="Learned relation scorer after the rules: default (the shipped one), none (rules only), or a model file.",
)
@click.option(
    "--errors", "n_errors", type=int, default=20, show_default=True, help="How many frequent errors to list."
)
@click.option("--limit", type=int, help="Score only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(dataset_file, task, split, dataset, model, relation_model, n_errors, limit, as_json) -> None:
    """Score the recogniser (ner), the relation builder (re) or whole graphs (graph) on annotated JSON Lines.

    \b
    Records: {"text": ..., "entities": [{"start", "end", "type"}]}, {"text": ..., "relations": [...]}, or
    articles with a "gold" graph (benchmarks/realtext/README.md).
    Example:
      kg evaluate ../shared/datasets/cluener2020/dev.jsonl --errors 30
      kg evaluate ../shared/datasets/finre/test.jsonl --task re
      kg evaluate benchmarks/realtext/corpus.jsonl --split dev --errors 40
    """
    import json as _json

    from .evaluate import Report, evaluate_ner, evaluate_relations, read_jsonl

    try:
        if task is None:
            first = next(read_jsonl(dataset_file, limit=1), {})
            task = "graph" if "gold" in first else "ner" if "entities" in first else "re"
        config = BuildConfig(model=model, relation_model=relation_model)
        if task == "graph":
            from .evaluate_graph import GraphReport, evaluate_graph

            report: Report | GraphReport = evaluate_graph(
                dataset_file, split=split, limit=limit, config=config
            )
        else:
            run = evaluate_ner if task == "ner" else evaluate_relations
            report = run(dataset_file, dataset=dataset, limit=limit, config=config)
    except KgError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(_json.dumps(report.to_dict(n_errors), ensure_ascii=False, indent=1))
    else:
        click.echo(report.format(n_errors), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
