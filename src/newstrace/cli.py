"""The command line: thin over the library (newstrace.api)."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import fields
from pathlib import Path

import click

from . import api
from .settings import Settings

DB_HELP = "DuckDB file of the corpus."


def _db_option(f):
    return click.option("--db", default="newstrace.duckdb", show_default=True, help=DB_HELP)(f)


def _settings_options(f):
    """A flag per setting, made from settings.Settings (declared once)."""
    for fd in reversed([x for x in fields(Settings) if x.name != "db"]):
        name = "--" + fd.name.replace("_", "-")
        if isinstance(fd.default, bool):
            name = f"{name}/--no-{fd.name.replace('_', '-')}"
        f = click.option(name, fd.name, default=fd.default, show_default=True,
                         help=fd.metadata["help"])(f)
    return f


class _Bars:
    """tqdm bars per stage, fed by the library's progress callback."""

    UNITS = {"network": "outlet"}

    def __init__(self, quiet: bool):
        self.quiet, self.bars = quiet, {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.quiet:
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            self.close()  # a new stage: the previous one is finished
            bar = self.bars[stage] = tqdm(total=total, desc=f"{stage:>7}",
                                          unit=self.UNITS.get(stage, "doc"),
                                          file=sys.stderr, dynamic_ncols=True)
        if total is not None and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()
        self.bars = {}


class _Group(click.Group):
    """Errors newstrace raises on purpose end the command with their message, no traceback."""

    def invoke(self, ctx):
        from .errors import NewstraceError

        try:
            return super().invoke(ctx)
        except NewstraceError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="newstrace")
def main(verbose: int) -> None:
    """newstrace: find where news text comes from.

    Clean scraped news pages, find every passage documents share, group
    reprint families and trace each one's origin, copy tree and credits.

    \b
    Examples:
      newstrace demo
      newstrace run pages/ dumps/*.jsonl --db corpus.duckdb
      newstrace export provenance --db corpus.duckdb -o provenance.parquet
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


def _print_summary(summary, db: str) -> None:
    click.echo(
        f"{summary.documents} documents from {summary.files} files, {summary.articles} articles, "
        f"{summary.failed} failed; {summary.alignments} shared passages in "
        f"{summary.families} families; {summary.seconds:.1f}s -> {db}"
    )
    for err in summary.errors:
        click.echo(f"  failed: {err}")
    if summary.failed > len(summary.errors):
        click.echo(f"  ... see: newstrace export documents --db {db} -o failed.csv "
                   "(status = 'failed' rows)")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@_settings_options
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True, help="Run here, or on Apache Spark (newstrace[spark] + Java).")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL, with --engine spark.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def run(inputs, db, engine, master, quiet, **options):
    """Run the whole pipeline over INPUT files, folders or globs.

    Reads .txt, .html, .warc(.gz), .jsonl/.json/.csv/.parquet (any gzipped).
    A killed run resumes where it stopped when run again.

    \b
    Examples:
      newstrace run page.txt
      newstrace run crawl/*.warc.gz --db news.duckdb --workers 2
      newstrace run export.parquet --entities
      newstrace run cc-news/ --engine spark --master spark://head:7077
    """
    settings = Settings(db=db, **options)
    bars = _Bars(quiet)
    try:
        corpus = api.run(list(inputs), db, settings, on_progress=bars, engine=engine,
                         master=master)
    finally:
        bars.close()
    _print_summary(corpus.summary, db)
    corpus.close()


@main.command()
@click.option("--db", default="demo.duckdb", show_default=True, help=DB_HELP)
@click.option("--out", "out_dir", default="demo-corpus", show_default=True,
              help="Folder the generated corpus is written to.")
@click.option("--seed", default=7, show_default=True, help="Seed of the generated corpus.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def demo(db, out_dir, seed, quiet):
    """Generate a small corpus, run everything on it, print a summary.

    About 50 documents made by newstrace's own simulator: copies, copies of
    copies, credited and uncredited copies, a partial reuse, page debris.

    \b
    Examples:
      newstrace demo
      newstrace demo --db /tmp/demo.duckdb --seed 3
    """
    from .demo import write_demo

    path = write_demo(out_dir, seed)
    Path(db).unlink(missing_ok=True)
    bars = _Bars(quiet)
    try:
        corpus = api.run([str(path)], db, Settings(db=db), on_progress=bars)
    finally:
        bars.close()
    _print_summary(corpus.summary, db)
    from .demo import describe

    click.echo(describe(corpus))
    corpus.close()


@main.command()
@click.argument("table")
@_db_option
@click.option("-o", "--output", required=True, help="File to write: .parquet, .jsonl or .csv.")
def export(table, db, output):
    """Write TABLE to a file (format from its extension).

    Tables: documents, articles, alignments, families, provenance, edits,
    networks, audit.

    \b
    Examples:
      newstrace export articles -o articles.jsonl
      newstrace export provenance --db news.duckdb -o prov.parquet
    """
    from .store.db import connect
    from .store.db import export as do_export

    con = connect(db, read_only=True)
    try:
        n = do_export(con, table, output)
    finally:
        con.close()
    click.echo(f"{n} rows -> {output}")


@main.command()
@click.argument("doc_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
def show(doc_id, db, as_json):
    """One document: clean article, family, origin, parent, credit.

    \b
    Examples:
      newstrace show 3f2a9c0d1e4b5a6c
      newstrace show 3f2a9c0d1e4b5a6c --json
    """
    with api.open_corpus(db) as corpus:
        doc = corpus.document(doc_id)
    if doc is None:
        raise click.ClickException(f"no document {doc_id!r} in {db}")
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return
    from .demo import format_document

    click.echo(format_document(doc))


@main.command()
@click.argument("file")
@click.option("--entities", is_flag=True, help="Find named entities (needs newstrace[nlp]).")
def clean(file, entities):
    """Clean one document FILE; print its article as JSON.

    \b
    Examples:
      newstrace clean page.html
      newstrace clean scraped.txt --entities
    """
    from .clean import CleanOptions, clean_document
    from .ingest import read_path
    from .records import to_dict

    raw = next(iter(read_path(file)), None)
    if raw is None or raw.error:
        raise click.ClickException(raw.error if raw else f"{file}: no document in it")
    nlp = None
    if entities:
        from .clean.entities import load_nlp

        nlp = load_nlp()
    article = clean_document(raw, CleanOptions(entities=entities), nlp=nlp)
    click.echo(json.dumps(to_dict(article), ensure_ascii=False, indent=2))


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, help="Port to listen on.")
def serve(db, host, port):
    """Browse the corpus in a local, read-only web UI.

    \b
    Examples:
      newstrace serve --db news.duckdb
      newstrace serve --port 9000
    """
    from .web.server import serve as do_serve

    click.echo(f"newstrace UI on http://{host}:{port}/ (Ctrl-C stops)")
    do_serve(db, host=host, port=port)


@main.command()
@_db_option
@click.option("-o", "--output", "out_dir", required=True, help="Folder to write the report to.")
@click.option("--max-families", type=click.IntRange(min=0), default=None,
              help="Write only the N largest families and their documents (caps the size).")
def report(db, out_dir, max_families):
    """Write a static HTML report that opens from disk, no server needed.

    A page per document: on a large corpus cap it with --max-families.

    \b
    Examples:
      newstrace report --db news.duckdb -o report/
      newstrace report --db news.duckdb -o report/ --max-families 200
    """
    from .web.report import write_report

    path = write_report(db, out_dir, max_families=max_families)
    click.echo(f"report -> {path}")


@main.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the networks as JSON.")
def networks(db, as_json):
    """Outlet networks: sites that share templates, credit forms and fast copying.

    Each network comes with its evidence in plain words.

    \b
    Examples:
      newstrace networks --db news.duckdb
      newstrace networks --db news.duckdb --json
    """
    from .networks import format_networks, network_rows
    from .store.db import connect

    con = connect(db, read_only=True)
    try:
        rows = network_rows(con)
    finally:
        con.close()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(format_networks(rows) if rows else "no outlet networks found")


@main.command("train-cleaner")
@click.argument("path")
@click.option("-o", "--output", required=True, help="Model file to write (JSON).")
@click.option("--html", "html", is_flag=True,
              help="Train the HTML block model instead of the text-mode line model.")
def train_cleaner(path, output, html):
    """Train the text-mode line model (or, with --html, the HTML block model) from
    pages with gold bodies.

    Text: a JSONL whose lines have `gold_text` and `text_dump` and/or
    `text_dump_inline_split`; the shipped src/newstrace/data/text_model.json is made
    from ../shared/data/extraction/textdump.jsonl. HTML: a JSONL with `html`,
    `gold_text` (and `url`), or a folder in the article-extraction-benchmark layout;
    the shipped data/html_model.json is made from ../shared/data/extraction/scrapinghub-aeb.
    Write over a shipped file to use a model of your own.

    \b
    Examples:
      newstrace train-cleaner ../shared/data/extraction/textdump.jsonl -o model.json
      newstrace train-cleaner --html ../shared/data/extraction/scrapinghub-aeb -o blocks.json
    """
    if html:
        from .clean.train_html import train
    else:
        from .clean.train_text import train

    train(path, output)
    click.echo(f"model -> {output}")


def _all_commands() -> list[str]:
    return sorted(main.commands)


if __name__ == "__main__":
    main()


__all__ = ["main"]
