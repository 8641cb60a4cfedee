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
      kg build examples/article.txt --out out/
      kg query out/graph.ttl examples/queries/who_leads_what.rq
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", default="out", show_default=True, help="Folder for the output files.")
@click.option("--format", "formats", default="turtle,json,html", show_default=True,
              help="Comma-separated outputs: turtle, nt, jsonld, json, html.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="IRI base for minted entities.")
@click.option("--engine", type=click.Choice(["rjieba", "jieba"]), default="rjieba", show_default=True,
              help="Segmentation engine (rjieba is jieba's dictionary in Rust, ~30x faster).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Drop relations below this confidence.")
@click.option("--quiet", "-q", is_flag=True, help="No summary, only errors.")
def build(inputs, out_dir, formats, base, engine, min_confidence, quiet) -> None:
    """Build a graph from articles: files, folders, or - for standard input.

    \b
    Reads .txt, .md, .html and .jsonl (one {"text": ..., "title": ..., "url": ..., "date": ...} per line).
    Example:
      kg build examples/article.txt --out out/
      cat news.jsonl | kg build - --format turtle,json
    """
    from .export import FORMATS, write_outputs
    from .pipeline import build as build_graph
    from .vocab import Minter

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; choose from: {', '.join(FORMATS)}", param_hint="--format")
    try:
        Minter(base)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base") from None
    started = time.perf_counter()
    config = BuildConfig(engine=engine, min_confidence=min_confidence, base=base)
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
    click.echo(f"{s['documents']} document(s) → {sum(s['entities'].values())} entities, "
               f"{sum(s['relations'].values())} relations, {s['figures']} figures in {elapsed:.2f}s")
    click.echo("  entities:  " + ", ".join(f"{k} {v}" for k, v in s["entities"].items()))
    click.echo("  relations: " + (", ".join(f"{k} {v}" for k, v in s["relations"].items()) or "none"))
    for p in paths:
        click.echo(f"  wrote {p}")


@main.command()
@click.argument("graph_file")
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--update", is_flag=True, help="Allow SPARQL UPDATE (changes are not saved back to the file).")
def query(graph_file, query, fmt, update) -> None:
    """Run a SPARQL query (a string or a .rq file) on an exported graph.

    \b
    Prefixes kg:, schema:, prov:, rdfs:, rdf:, xsd: and kgid: are predeclared. Example:
      kg query out/graph.ttl 'SELECT ?p ?o WHERE { ?s rdfs:label "快手"@zh ; ?p ?o }'
      kg query out/graph.ttl examples/queries/founders.rq --format csv
    """
    from .query import format_result, load_graph, read_query, run_query

    try:
        text = read_query(query)
        result = run_query(load_graph(graph_file), text, allow_update=update)
        sys.stdout.write(format_result(result, fmt))
    except KgError as exc:
        raise _fail(exc) from None


if __name__ == "__main__":  # pragma: no cover
    main()
