"""`unspin corpus ...`: the command-line shell over `unspin.corpus`."""

from __future__ import annotations

import csv
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import flags
from ..errors import UnspinError
from ..options import Options
from ..shell import progress_bar, user_errors

corpus_app = typer.Typer(
    help="Analyse whole collections into a DuckDB store; resume, report, query.\n\n"
         "Example: unspin corpus run articles/ --db corpus.duckdb && unspin corpus report --db corpus.duckdb -o report.html",
    no_args_is_help=True, rich_markup_mode=None)

DB_OPTION = typer.Option(Path("corpus.duckdb"), "--db", help="The DuckDB store (created if missing).")
STORE_OPTION = typer.Option(Path("corpus.duckdb"), "--db", help="The DuckDB store that `unspin corpus run` wrote.")


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@corpus_app.command("run")
@flags.with_options("corpus")
def run(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help="Folders, files, .jsonl or .csv corpora."),
    db: Path = DB_OPTION,
    parquet: Optional[Path] = typer.Option(None, "--parquet", metavar="DIR", help="Also export every table to DIR/<table>.parquet."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: this process; ray: a Ray cluster (pip install 'unspin[ray]')."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start a local Ray)."),
    actors: int = typer.Option(2, "--actors", help="Ray engine: pipeline actors (each loads the models once)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    *,
    options: Options,
) -> None:
    """Analyse a corpus into a DuckDB store. Running it again resumes: documents already stored
    with the same text are skipped, changed ones are analysed again. Documents that fail are
    stored with status 'error' and the reason; the exit code is then 1.

    CSV and JSONL corpora have an id column, text (or html), and optionally url, outlet,
    published and author; other columns are kept in documents.metadata.

    Examples:

      unspin corpus run articles/ --db corpus.duckdb

      unspin corpus run news.jsonl opinion.csv --db corpus.duckdb --parquet tables/

      unspin corpus run articles/ --db corpus.duckdb --engine ray --address ray://head:10001
    """
    from .runner import count_inputs, run_corpus
    from .store import CorpusStore

    shown = not quiet and sys.stderr.isatty()
    with user_errors(), CorpusStore(db) as store:
        if engine is Engine.ray:
            from .ray_engine import run_on_ray

            def analyse(advance):
                return run_on_ray(inputs, store, options=options, address=address, actors=actors,
                                  batch_size=options.batch_size, progress=advance)
        else:
            from ..pipeline import Pipeline

            pipeline = Pipeline.from_options(options)  # loaded before the bar starts

            def analyse(advance):
                return run_corpus(inputs, store, pipeline=pipeline, batch_size=options.batch_size, progress=advance)
        try:
            with progress_bar(shown, count_inputs(inputs) if shown else None) as advance:
                summary = analyse(advance)
        except KeyboardInterrupt:
            typer.echo(f"\nunspin: interrupted; every finished batch is stored in {db}. Run the same command "
                       "again to resume: documents already stored are skipped.", err=True)
            raise typer.Exit(130) from None
        if parquet:
            for path in store.export_parquet(parquet):
                typer.echo(f"wrote {path}", err=True)
    rate = summary.analysed / summary.seconds if summary.seconds else 0.0
    typer.echo(f"{db}: {summary.analysed} analysed ({rate:.1f}/s), {summary.unchanged} unchanged, "
               f"{summary.failed} failed", err=True)
    for message in summary.skipped:
        typer.echo(f"unspin: skipped {message}", err=True)
    for duplicate in summary.duplicates:
        typer.echo(f"unspin: id seen before in this run, not stored again: {duplicate}", err=True)
    if summary.failed:
        typer.echo(f"unspin: {summary.failed} document(s) failed; see: unspin corpus status --db {db}", err=True)
        raise typer.Exit(1)


@corpus_app.command("status")
def status(db: Path = STORE_OPTION, errors: int = typer.Option(10, "--errors", help="How many errors to list.")) -> None:
    """Counts of documents by status, and the first errors.

    Example: unspin corpus status --db corpus.duckdb
    """
    from .rows import finding_columns
    from .store import CorpusStore

    with user_errors(), CorpusStore(db, read_only=True) as store:
        counts = store.counts()
        typer.echo(f"{db}: {sum(counts.values())} documents")
        for name, count in counts.items():
            typer.echo(f"  {name:<6} {count}")
        for table in finding_columns():
            typer.echo(f"  {table:<13}{store.query(f'SELECT count(*) FROM {table}')[1][0][0]:>8} rows")
        first = store.first_errors(errors)
        if first:
            typer.echo("first errors:")
            for doc_id, stage, message in first:
                typer.echo(f"  {doc_id} [{stage}] {message}")


@corpus_app.command("sql")
def sql(
    query: str = typer.Argument(..., help="One SQL statement (DuckDB dialect)."),
    db: Path = STORE_OPTION,
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV instead of a table."),
) -> None:
    """Run a query on the store and print the result. The store opens read-only and the query can
    read nothing else: no files (COPY, EXPORT, read_csv, glob), no extensions, no other database.
    For exports use `corpus run --parquet`, or open the store in DuckDB yourself.

    Example: unspin corpus sql --db corpus.duckdb "SELECT outlet, count(*) FROM documents GROUP BY outlet"
    """
    from .store import CorpusStore

    with user_errors(), CorpusStore(db, read_only=True, sandboxed=True) as store:
        columns, rows = store.query(query)
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(markup=False, highlight=False).print(table)
    typer.echo(f"{len(rows)} row(s)", err=True)


@corpus_app.command("report")
def report(
    db: Path = STORE_OPTION,
    output: Path = typer.Option(Path("corpus-report.html"), "--output", "-o", help="Where to write the HTML page."),
    reports: Optional[Path] = typer.Option(None, "--reports", metavar="DIR",
                                           help="Also write single-article reports of the 20 most technique-dense articles to DIR and link them."),
    min_words: int = typer.Option(100, "--min-words", help="Shortest article (in words) listed among the most technique-dense."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """A self-contained HTML page comparing outlets, authors and months: technique density,
    author-only sentences, who is quoted, check-worthy claims; charts and the numbers behind them.

    Example: unspin corpus report --db corpus.duckdb -o report.html --reports reports/
    """
    from .report import write_report
    from .store import CorpusStore

    with user_errors():
        if output.exists() and not force:
            raise UnspinError(f"{output} exists; pass --force to overwrite it")
    with user_errors(), CorpusStore(db, read_only=True) as store:
        write_report(store, output, reports_dir=reports, min_words=min_words)
    typer.echo(f"wrote {output.resolve()}", err=True)
