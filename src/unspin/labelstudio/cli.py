"""`unspin labelstudio ...`: review unspin's findings in Label Studio and read the corrections back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .. import flags
from ..options import Options
from ..shell import PLAIN, fail, user_errors

labelstudio_app = typer.Typer(
    help="Review unspin's findings in Label Studio, and read the corrections back to score and retrain.\n\n"
         "Example: unspin labelstudio config > config.xml && unspin labelstudio export articles/ -o tasks.json", **PLAIN)


@labelstudio_app.command("config")
def config() -> None:
    """Print the labelling configuration: techniques (with their definitions as hints),
    Source / Cue / Content joined by relations, check-worthy claims, a review choice.

    Example: unspin labelstudio config > config.xml   (paste it in the project's Labeling Interface)
    """
    from .config import labeling_config

    typer.echo(labeling_config(), nl=False)


@labelstudio_app.command("export")
@flags.with_options("analyze")
def export(
    inputs: list[str] = typer.Argument(None, metavar="INPUT...", help="Files, folders or corpus files to analyse."),
    db: Optional[Path] = typer.Option(None, "--db", help="Take the analyses stored by `unspin corpus run` instead."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the tasks (JSON, for Label Studio's Import)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file."),
    *,
    options: Options,
) -> None:
    """Write tasks with unspin's findings as predictions (pre-annotations): techniques from
    --min-score (default: those the report shows), every attribution, the claims shown.

    Examples:

      unspin labelstudio export articles/ -o tasks.json

      unspin labelstudio export --db corpus.duckdb -o tasks.json --min-score 0.3
    """
    from .tasks import task

    if output.exists() and not force:
        fail(f"{output}: already exists; pass --force to overwrite it")
    if not inputs and db is None:
        fail("give files or folders to analyse, or --db with a corpus store")
    failures: list[str] = []
    written = 0
    # Task by task into a file beside the output, renamed at the end: a corpus never has to fit in
    # memory, and a run that fails leaves no half-written export behind.
    partial = output.with_name(output.name + ".partial")
    try:
        with user_errors(), open(partial, "w", encoding="utf-8") as handle:
            handle.write("[")
            for analysis in _analyses(inputs or [], db, options, failures):
                handle.write(("," if written else "") + "\n" + json.dumps(task(analysis, options.min_score),
                                                                         ensure_ascii=False))
                written += 1
            handle.write("\n]\n")
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    typer.echo(f"wrote {written} tasks to {output.resolve()}", err=True)
    for message in failures:
        typer.echo(f"unspin: not exported: {message}", err=True)


def _analyses(inputs: list[str], db: Path | None, options: Options, failures: list[str]):
    from ..analysis import Analysis
    from ..errors import Failure

    if db is not None:
        from ..corpus.store import CorpusStore

        with CorpusStore(db, read_only=True) as store:
            for analysis in store.analyses():
                yield Analysis.from_dict(analysis)
    if inputs:
        from ..pipeline import Pipeline
        from ..readers import read_all

        for result in Pipeline.from_options(options).pipe(read_all(inputs, options=options)):
            if isinstance(result, Failure):
                failures.append(result.message)
            else:
                yield result


@labelstudio_app.command("import")
def import_(
    export: Path = typer.Argument(..., metavar="EXPORT.json", help="A Label Studio JSON export of the project."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for ptc/, polnear/ and checkthat.tsv."),
) -> None:
    """Read the latest annotation of each task into the formats unspin trains and scores on:
    PTC (articles/ and labels.tsv), PolNeAR (text/ and brat attributions/), CheckThat TSV.
    Tasks without an annotation are skipped and counted.

    Example: unspin labelstudio import project-1-export.json -o corrections/
    """
    from .corrections import read_export, write_brat, write_checkthat, write_ptc

    with user_errors():
        data = read_export(export)
    if not data.reviewed:
        fail(f"{export}: no task has an annotation yet ({data.skipped} without one)")
    output.mkdir(parents=True, exist_ok=True)
    write_ptc(data.reviewed, output / "ptc")
    write_brat(data.reviewed, output / "polnear")
    sentences = write_checkthat(data.reviewed, output / "checkthat.tsv")
    reanchored = sum(item.reanchored for item in data.reviewed)
    lost = [message for item in data.reviewed for message in item.lost]
    typer.echo(f"read {len(data.reviewed)} annotated tasks ({data.skipped} without an annotation, skipped): "
               f"{sum(len(i.techniques) for i in data.reviewed)} technique spans, "
               f"{sum(len(i.attributions) for i in data.reviewed)} attributions, {sentences} sentences "
               f"({sum(len(i.claims) for i in data.reviewed)} claims) into {output.resolve()}", err=True)
    if reanchored:
        typer.echo(f"unspin: {reanchored} region(s) did not match the text at their offsets and were found by "
                   "their text nearby", err=True)
    for message in lost:
        typer.echo(f"unspin: left out: {message}", err=True)


@labelstudio_app.command("score")
def score(export: Path = typer.Argument(..., metavar="EXPORT.json", help="A Label Studio JSON export.")) -> None:
    """How well unspin's predictions (the pre-annotations in the export) agree with the
    annotators' corrections, per layer, with the model card's measures.

    Example: unspin labelstudio score project-1-export.json
    """
    from .agreement import agreement
    from .corrections import read_export

    with user_errors():
        data = read_export(export)
    result = agreement(data)
    if not result["tasks"]:
        fail(f"{export}: no annotated task carries unspin's prediction; export tasks with `unspin labelstudio "
             "export` or connect `unspin serve --label-studio` as the project's model")
    typer.echo(json.dumps(result, indent=2))
