"""Command line: each command parses its arguments, makes one library call, and reports errors in one line."""

from __future__ import annotations

import sys
import time

import click

from . import __version__
from .config import BuildConfig
from .errors import KgError
from .vocab import DEFAULT_BASE


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
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", default="out", show_default=True, help="Folder for the output files.")
@click.option(
    "--format",
    "formats",
    default="turtle,json,html",
    show_default=True,
    help="Comma-separated outputs: turtle, nt, jsonld, json, html.",
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
    type=click.Choice(["crf", "none"]),
    default="crf",
    show_default=True,
    help="Statistical recogniser behind the lexicon and patterns (none: rules only).",
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
@click.option("--store", "store_dir", help="Add to a persistent store (a folder) instead of writing files.")
@click.option(
    "--jobs",
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
    store_dir,
    jobs,
    engine,
    scheduler,
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
    )
    if store_dir:
        _build_store(inputs, store_dir, config, jobs, engine, scheduler, quiet)
        return
    if jobs != 1 or engine != "local":
        raise click.BadParameter(
            "--jobs and --engine apply to corpus builds into a --store", param_hint="--jobs"
        )
    from .export import FORMATS, write_outputs
    from .pipeline import build as build_graph
    from .vocab import Minter

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(
            f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}", param_hint="--format"
        )
    try:
        Minter(base)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from None
    started = time.perf_counter()
    try:
        graph = build_graph(inputs, config=config, on_warning=lambda m: click.echo(f"warning: {m}", err=True))
        if not graph.documents:
            raise KgError("no article could be read from the inputs")
        paths = write_outputs(graph, out_dir, formats=chosen, base=base)
    except KgError as exc:
        raise _fail(exc) from None
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


def _build_store(inputs, store_dir, config, jobs, engine, scheduler, quiet) -> None:
    from .corpus import build_store

    tty = sys.stderr.isatty() and not quiet

    def progress(p) -> None:
        if tty:
            click.echo("\r" + p.line(), nl=False, err=True)

    try:
        p = build_store(
            inputs,
            store_dir,
            config=config,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            on_warning=lambda m: click.echo(f"\nwarning: {m}" if tty else f"warning: {m}", err=True),
            on_progress=progress,
        )
    except KgError as exc:
        raise _fail(exc) from None
    if tty:
        click.echo(err=True)
    if not quiet:
        click.echo(p.line() + f" in {p.seconds:.1f}s → {store_dir}")


@main.command()
@click.argument("graph_file")
@click.argument("query")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option("--update", is_flag=True, help="Allow SPARQL UPDATE (changes are not saved back to the file).")
def query(graph_file, query, fmt, update) -> None:
    """Run a SPARQL query (a string or a .rq file) on an exported graph file or a store.

    \b
    Prefixes kg:, schema:, prov:, rdfs:, rdf:, xsd: and kgid: are predeclared. Example:
      kg query out/graph.ttl 'SELECT ?p ?o WHERE { ?s rdfs:label "快手"@zh ; ?p ?o }'
      kg query out/graph.ttl examples/queries/founders.rq --format csv
      kg query kgstore/ examples/queries/who_leads_what.rq
    """
    from .sparql import format_result, load_graph, read_query, run_query
    from .store import Store, is_store

    try:
        text = read_query(query)
        if is_store(graph_file):
            with Store(graph_file, read_only=not update) as store:
                result = store.query(text, allow_update=update)
        else:
            result = run_query(load_graph(graph_file), text, allow_update=update)
        sys.stdout.write(format_result(result, fmt))
    except KgError as exc:
        raise _fail(exc) from None


@main.command()
@click.argument("store_dir")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "nquads", "trig", "jsonld", "graphml"]),
    default="turtle",
    show_default=True,
)
@click.option("--out", "out_file", required=True, help="The file to write.")
def export(store_dir, fmt, out_file) -> None:
    """Export a store: the named graphs kept (nquads, trig) or merged (turtle, nt, jsonld), or graphml for
    network tools (entities and relations only).

    \b
    Example:
      kg export kgstore/ --format trig --out all.trig
    """
    from .store import Store, export_store

    try:
        with Store(store_dir, read_only=True) as store:
            n = export_store(store, fmt, out_file)
    except KgError as exc:
        raise _fail(exc) from None
    click.echo(f"wrote {out_file} ({n} bytes)")


@main.command()
@click.argument("store_dir")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option(
    "--update", is_flag=True, help="Accept SPARQL UPDATE and Graph Store writes (read-only by default)."
)
def serve(store_dir, port, host, update) -> None:
    """Serve a store as a SPARQL 1.1 endpoint (the Oxigraph server): /query, /update, /store.

    \b
    Example:
      kg serve kgstore/ --port 7878
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/query' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'
    """
    from .serve import serve_store

    try:
        code = serve_store(
            store_dir,
            host=host,
            port=port,
            update=update,
            announce=lambda url: click.echo(f"SPARQL endpoint on {url}/query (Ctrl-C to stop)", err=True),
        )
    except KgError as exc:
        raise _fail(exc) from None
    sys.exit(code)


@main.command()
@click.argument("store_dir")
@click.option(
    "--endpoint",
    required=True,
    help="A SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://host:7878/store",
)
@click.option("--timeout", type=float, default=60, show_default=True, help="Seconds per request.")
def push(store_dir, endpoint, timeout) -> None:
    """Send every document graph of a store to a Graph Store Protocol endpoint (HTTP PUT per named graph).

    \b
    Example:
      kg push kgstore/ --endpoint http://127.0.0.1:7878/store
    """
    from .serve import push_store

    try:
        n = push_store(store_dir, endpoint, timeout=timeout)
    except KgError as exc:
        raise _fail(exc) from None
    click.echo(f"pushed {n} graphs to {endpoint}")


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--rules", "rule_files", multiple=True, help="Your own rule files, listed after kg's (repeatable)."
)
@click.option("--lexicon", "lexicons", multiple=True, help="Your own lexicons, used when counting hits.")
@click.option(
    "--model", type=click.Choice(["crf", "none"]), default="crf", show_default=True, help="As for kg build."
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
    rows = [
        (r.name, "|".join(r.predicates), r.origin, f"{r.confidence:.2f}", str(len(r.examples)))
        for r in ruleset
    ]
    header = ("rule", "predicate", "file", "confidence", "examples")
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
@click.argument("dataset_file")
@click.option(
    "--task", type=click.Choice(["ner", "re"]), help="ner or re (default: ner if records have entities)."
)
@click.option(
    "--dataset",
    type=click.Choice(["cluener2020", "resume_ner", "duie", "finre"]),
    help="Which label map to use (default: from the path).",
)
@click.option(
    "--model",
    type=click.Choice(["crf", "crf-only", "none"]),
    default="crf",
    show_default=True,
    help="crf: rules then the CRF (what kg build uses); none: rules only; crf-only: the CRF alone.",
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
def evaluate(dataset_file, task, dataset, model, relation_model, n_errors, limit, as_json) -> None:
    """Score the recogniser (ner) or the relation builder (re) on annotated JSON Lines.

    \b
    Records: {"text": ..., "entities": [{"start", "end", "type"}]} or {"text": ..., "relations": [...]}.
    Example:
      kg evaluate ../shared/datasets/cluener2020/dev.jsonl --errors 30
      kg evaluate ../shared/datasets/finre/test.jsonl --task re
    """
    import json as _json

    from .evaluate import evaluate_ner, evaluate_relations, read_jsonl

    try:
        if task is None:
            first = next(read_jsonl(dataset_file, limit=1), {})
            task = "ner" if "entities" in first else "re"
        run = evaluate_ner if task == "ner" else evaluate_relations
        config = BuildConfig(model=model, relation_model=relation_model)
        report = run(dataset_file, dataset=dataset, limit=limit, config=config)
    except KgError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(_json.dumps(report.to_dict(n_errors), ensure_ascii=False, indent=1))
    else:
        click.echo(report.format(n_errors), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
