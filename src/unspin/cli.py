"""The `unspin` command line: a thin shell over the Python API."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from . import flags
from .corpus.cli import corpus_app
from .errors import Failure, UnspinError
from .evaluation.cli import attribution_app, claims_app, ptc_app
from .labelstudio.cli import labelstudio_app
from .options import Options, scoped
from .readers.registry import single_formats
from .shell import PLAIN, fail, progress_bar
from .training.cli import train_app
from .version import __version__

app = typer.Typer(
    help="See how an article persuades, and whom it cites.\n\nExample: unspin analyze article.txt --format html -o report.html",
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    **PLAIN,
)
app.add_typer(ptc_app, name="ptc")
app.add_typer(claims_app, name="claims")
app.add_typer(attribution_app, name="attribution")
app.add_typer(train_app, name="train")
app.add_typer(corpus_app, name="corpus")
app.add_typer(labelstudio_app, name="labelstudio")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"unspin {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print unspin's version and exit."),
) -> None:
    """See how an article persuades, and whom it cites.

    Example: unspin analyze article.txt --format html -o report.html
    """


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    html = "html"
    text = "text"


# `--input-format`: auto, then every format of one document a file that the reader registry holds.
InputFormat = Enum("InputFormat", {name: name for name in ("auto", *single_formats())}, type=str)


def example_path() -> Path:
    """The article bundled with unspin, for a first run."""
    return Path(str(resources.files("unspin").joinpath("examples/how-the-bypass-was-sold.md")))


@app.command()
@flags.with_options("analyze")
def analyze(
    inputs: list[str] = typer.Argument(None, metavar="INPUT...", help="Files, folders, .jsonl corpora, URLs, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="PATH", help="Output file, or a folder (ending in / or "
                                         "existing) for one file per document. Default: standard output."),
    force: bool = typer.Option(False, "--force", help="Overwrite output files that already exist."),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="How to read the inputs."),
    example: bool = typer.Option(False, "--example", help="Analyse the example article bundled with unspin."),
    progress: bool = typer.Option(True, "--progress/--quiet", help="Progress bar on stderr (only on a terminal)."),
    server: Optional[str] = typer.Option(None, "--server", metavar="URL", envvar="UNSPIN_SERVER",
                                         help="Send the files to a running `unspin serve` instead of analysing here."),
    *,
    options: Options,
) -> None:
    """Analyse articles: structure, persuasion techniques, quotes and claims.

    One input prints one JSON object; several inputs or a folder print JSON Lines. -o FILE
    writes them to one file, -o DIR/ one file per document. Existing files are kept unless
    --force.

    Examples:

      unspin analyze article.txt

      unspin analyze page.html --format html -o report.html

      unspin analyze articles/ --format jsonl -o analyses.jsonl

      unspin analyze articles/ --format html -o reports/

      curl -s https://example.org/story | unspin analyze - --format text

      unspin analyze articles/ --model fast -o analyses.jsonl
    """
    from .pipeline import Pipeline
    from .readers import holds_several, read_all
    from .render.outputs import Sink

    inputs = list(inputs or [])
    if example:
        inputs.append(str(example_path()))
    if not inputs:
        fail("give at least one file, folder, URL or - (stdin); see unspin analyze --help")
    single = len(inputs) == 1 and not holds_several(inputs[0])
    if server:
        _analyze_remotely(server, inputs, format, output, force, options)
        return
    sink = None if format is OutputFormat.text and output is None else Sink(output, format.value, several=not single,
                                                                             force=force)
    pipeline = Pipeline.from_options(options)
    failures: list[Failure] = []
    skipped: list[Failure] = []
    stream = pipeline.pipe(read_all(inputs, format=input_format.value, options=options))
    with progress_bar(progress and not single) as advance:
        for result in stream:
            advance()
            if isinstance(result, Failure):
                (skipped if result.stage == "skipped" else failures).append(result)
                if single:
                    fail(result.message)
                continue
            if sink is None:
                from rich.console import Console

                from .render.terminal import render

                render(result, Console())
                continue
            try:
                sink.write(result)
            except UnspinError as error:
                failures.append(Failure(result.id, "output", str(error)))
                if single:
                    fail(str(error))
    if sink is not None:
        sink.close()
        for path in sink.written:
            typer.echo(f"wrote {path.resolve()}", err=True)
    for item in skipped:
        typer.echo(f"unspin: skipped {item.message}", err=True)
    if failures:
        typer.echo(f"unspin: {len(failures)} input(s) could not be analysed:", err=True)
        for failure in failures:
            typer.echo(f"  {failure.message}", err=True)
        raise typer.Exit(2)


def _analyze_remotely(server: str, inputs: list[str], format: OutputFormat, output: str | None, force: bool,
                      options: Options) -> None:
    """`--server`: post each file (or stdin) to a running server; print what a local run prints."""
    import httpx

    if format is OutputFormat.text:
        fail("--server answers JSON or an HTML report: use --format json, jsonl or html")
    from .readers import holds_several

    if len(inputs) != 1 or holds_several(inputs[0]):
        fail("--server takes one file or - (stdin); run folders and corpora locally or with `unspin corpus`")
    name = inputs[0]
    data = sys.stdin.buffer.read() if name == "-" else _read_bytes(name)
    path = "/api/report" if format is OutputFormat.html else "/api/analyze"
    headers = {"X-API-Key": os.environ["UNSPIN_API_KEY"]} if os.environ.get("UNSPIN_API_KEY") else {}
    from .readers.registry import reader_for

    fields = {f.name: str(getattr(options, f.name)) for f in scoped("request")}
    fields["id"] = "stdin" if name == "-" else Path(name).stem
    if name != "-":  # what a local run would record and how it would read the file
        fields.update(path=name, format=getattr(reader_for(name), "name", "auto"))
    try:
        response = httpx.post(server.rstrip("/") + path, files={"file": (Path(name).name, data, "application/octet-stream")},
                              data=fields, headers=headers, timeout=300)
    except httpx.HTTPError as error:
        fail(f"{server}: cannot reach the server ({type(error).__name__}); is `unspin serve` running?")
    if response.status_code != 200:
        try:
            message = response.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = f"HTTP {response.status_code}"
        fail(f"{name}: the server refused it: {message}")
    if format is OutputFormat.html:
        content = response.text
    elif format is OutputFormat.jsonl:
        content = json.dumps(response.json(), ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        content = json.dumps(response.json(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(content)
        return
    target = Path(output)
    if target.exists() and not force:
        fail(f"{output}: already exists; pass --force to overwrite it")
    target.write_text(content, encoding="utf-8")
    typer.echo(f"wrote {target.resolve()}", err=True)


def _read_bytes(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as error:
        fail(f"{name}: cannot be read ({error.strerror}); check the path")
        raise


@app.command()
@flags.with_options("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", help="Processes, each with its own models (about 600 MB each)."),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log", help="Log each request on stderr."),
    *,
    options: Options,
) -> None:
    """Serve the web page (/) and the REST API (/api/analyze, /api/report, /docs).

    Every flag can also be set with an UNSPIN_<FLAG> variable (UNSPIN_API_KEY, UNSPIN_MAX_BODY, ...).

    Example: unspin serve --port 8000    then open http://127.0.0.1:8000/
    """
    import uvicorn

    # The options travel by environment so that every worker process builds the same app.
    os.environ.update(options.to_env())
    typer.echo(f"unspin {__version__}: loading models, then serving http://{host}:{port}/ (Ctrl-C stops)", err=True)
    from .server.connections import HeaderDeadline

    uvicorn.run("unspin.server.app:create_app", factory=True, host=host, port=port, workers=workers, http=HeaderDeadline,
                log_level="info" if access_log else "warning", access_log=access_log, timeout_graceful_shutdown=5)


@app.command()
def version() -> None:
    """Print unspin's version."""
    typer.echo(__version__)


def main() -> None:
    try:
        app()
    except UnspinError as error:
        typer.echo(f"unspin: error: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug, not bad input: say so briefly unless debugging
        if os.environ.get("UNSPIN_DEBUG"):
            raise
        typer.echo(f"unspin: internal error: {type(error).__name__}: {error} (set UNSPIN_DEBUG=1 for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
