"""The `unspin` command line: a thin shell over the Python API."""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Optional

import typer

from . import flags
from .corpus.cli import corpus_app
from .errors import Failure, UnspinError
from .options import Options, scoped
from .readers.registry import single_formats
from .version import __version__

# Help is plain text: rich markup would eat "[train]" in "unspin[train]" and article-like brackets.
_PLAIN = {"no_args_is_help": True, "rich_markup_mode": None}
app = typer.Typer(
    help="See how an article persuades, and whom it cites.\n\nExample: unspin analyze article.txt --format html -o report.html",
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    **_PLAIN,
)
ptc_app = typer.Typer(help="SemEval-2020 Task 11 (PTC) compatible prediction and scoring.\n\n"
                           "Example: unspin ptc predict articles/ -o pred.tsv", **_PLAIN)
train_app = typer.Typer(help="Reproducible training of unspin's models (needs: pip install 'unspin[train]').\n\n"
                             "Example: unspin train techniques --data ../shared/data/ptc/train", **_PLAIN)
attribution_app = typer.Typer(help="Evaluate attribution (quotes and sources) on PolNeAR.\n\n"
                                   "Example: unspin attribution score --gold polnear/dev --pred dev.jsonl", **_PLAIN)
claims_app = typer.Typer(help="Check-worthy claims on CLEF CheckThat! 2024 Task 1 files: predict and score.\n\n"
                              "Example: unspin claims predict dev-test.tsv -o pred.tsv", **_PLAIN)
app.add_typer(ptc_app, name="ptc")
app.add_typer(claims_app, name="claims")
app.add_typer(attribution_app, name="attribution")
app.add_typer(train_app, name="train")
app.add_typer(corpus_app, name="corpus")


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


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"unspin: error: {message}", err=True)
    raise typer.Exit(code)


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
    from .readers import read_all
    from .render.outputs import Sink

    inputs = list(inputs or [])
    if example:
        inputs.append(str(example_path()))
    if not inputs:
        fail("give at least one file, folder, URL or - (stdin); see unspin analyze --help")
    # A corpus file (.jsonl or .csv, in any case) holds several documents, like a folder.
    single = len(inputs) == 1 and not Path(inputs[0]).is_dir() and Path(inputs[0]).suffix.lower() not in (".jsonl", ".csv")
    if server:
        _analyze_remotely(server, inputs, format, output, force, options)
        return
    sink = None if format is OutputFormat.text and output is None else Sink(output, format.value, several=not single,
                                                                             force=force)
    pipeline = Pipeline.from_options(options)
    failures: list[Failure] = []
    skipped: list[Failure] = []
    stream = pipeline.pipe(read_all(inputs, format=input_format.value, options=options))
    with _progress(progress and not single) as advance:
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
    if len(inputs) != 1 or Path(inputs[0]).is_dir() or inputs[0].endswith(".jsonl"):
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


@contextmanager
def _progress(enabled: bool):
    """A progress bar with documents/s on stderr, when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(SpinnerColumn(), TextColumn("analysing"), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analyse", total=None, rate="")
        started = time.monotonic()
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            bar.update(task, advance=1, rate=f"{done / max(time.monotonic() - started, 1e-6):.1f} docs/s")

        yield advance


@ptc_app.command("predict")
def ptc_predict(
    articles: Path = typer.Argument(..., help="Folder of article<ID>.txt files."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the predictions TSV."),
    ids: Optional[str] = typer.Option(None, "--ids", help="Only these article ids (comma-separated, or a file with one per line)."),
) -> None:
    """Full task: find technique spans and name them, in SemEval-2020 Task 11 format.

    Example: unspin ptc predict ../shared/data/ptc/unlabeled -o pred.tsv
    """
    from .ptc.predict import predict_folder

    rows = predict_folder(articles, _id_set(ids))
    from .ptc.formats import write_labels

    write_labels(output, rows)
    typer.echo(f"wrote {len(rows)} spans to {output}", err=True)


@ptc_app.command("classify")
def ptc_classify(
    articles: Path = typer.Argument(..., help="Folder of article<ID>.txt files."),
    spans: Path = typer.Option(..., "--spans", help="Template TSV: article_id, ?, start, end."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the labelled TSV."),
) -> None:
    """Technique classification: label given spans, keeping the template's rows and order.

    Example: unspin ptc classify articles/ --spans template.tsv -o tc.tsv
    """
    from .ptc.formats import read_labels, write_labels
    from .ptc.predict import classify_template

    rows = classify_template(articles, read_labels(spans))
    write_labels(output, rows)
    typer.echo(f"labelled {len(rows)} spans into {output}", err=True)


@ptc_app.command("score")
def ptc_score(
    gold: Path = typer.Option(..., "--gold", help="Gold labels TSV."),
    pred: Path = typer.Option(..., "--pred", help="Predicted TSV (from ptc predict or ptc classify)."),
    articles: Optional[str] = typer.Option(None, "--articles", help="Only score these article ids (comma-separated or a file with one per line)."),
) -> None:
    """Score predictions: SI F1, full-task F1 and TC micro-F1, with a per-technique table.

    Example: unspin ptc score --gold labels.tsv --pred pred.tsv
    """
    from .ptc.formats import read_labels
    from .ptc.report import print_scores, score

    gold_rows, pred_rows = read_labels(gold), read_labels(pred)
    ids = _id_set(articles)
    if ids is None:
        ids = {r.article_id for r in pred_rows}
        typer.echo(f"scoring the {len(ids)} articles that have predictions; pass --articles to fix the set", err=True)
    gold_rows = [r for r in gold_rows if r.article_id in ids]
    pred_rows = [r for r in pred_rows if r.article_id in ids]
    print_scores(score(gold_rows, pred_rows))


def _id_set(value: str | None) -> set[str] | None:
    """Article ids from a comma-separated list or a file with one id per line."""
    if not value:
        return None
    path = Path(value)
    return set(path.read_text().split()) if path.is_file() else {v.strip() for v in value.split(",") if v.strip()}


@claims_app.command("predict")
def claims_predict(
    sentences: Path = typer.Argument(..., metavar="FILE.tsv", help="CheckThat TSV: Sentence_id, Text[, class_label]."),
    output: Path = typer.Option(..., "--output", "-o", metavar="PATH", help="Where to write Sentence_id<TAB>class_label."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="P(Yes) above which a sentence is Yes "
                                              "(default: the shipped model's, chosen on dev)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output file if it exists."),
) -> None:
    """Label every sentence of a CheckThat file Yes or No (check-worthy or not), in input order.

    Example: unspin claims predict ../shared/data/checkthat2024/dev-test.tsv -o pred.tsv
    """
    from .checkthat.formats import FormatError, read_sentences, write_predictions
    from .checkthat.predict import predict

    if output.exists() and not force:
        fail(f"{output}: already exists; pass --force to overwrite it")
    try:
        rows = read_sentences(sentences)
    except FormatError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{sentences}: cannot be read ({error.strerror})")
    predictions = predict(rows, threshold)
    write_predictions(output, predictions)
    typer.echo(f"wrote {len(predictions)} labels ({sum(1 for _, y in predictions if y == 'Yes')} Yes) to {output}", err=True)


@claims_app.command("score")
def claims_score(
    gold: Path = typer.Option(..., "--gold", help="CheckThat TSV with class_label."),
    pred: Path = typer.Option(..., "--pred", help="Predictions from `unspin claims predict`."),
) -> None:
    """Precision, recall and F1 of the Yes class (the CheckThat! 2024 Task 1 measure).

    Example: unspin claims score --gold dev-test.tsv --pred pred.tsv
    """
    from .checkthat.formats import FormatError, read_predictions, read_sentences
    from .checkthat.predict import score

    try:
        result = score(read_sentences(gold), read_predictions(pred))
    except FormatError as error:
        fail(str(error))
    typer.echo(f"F1 (Yes)  {result.f1:.4f}\nprecision {result.precision:.4f}\nrecall    {result.recall:.4f}\n"
               f"({result.true_positives} right of {result.predicted} predicted Yes; {result.gold} gold Yes)")


@attribution_app.command("score")
def attribution_score(
    gold: Path = typer.Option(..., "--gold", help="A PolNeAR split folder with text/ and attributions/."),
    pred: Path = typer.Option(..., "--pred", help="JSONL from `unspin analyze GOLD/text --format jsonl`."),
) -> None:
    """Score attributions: P/R/F1 per role (exact and overlap) and end to end.

    Example:

      unspin analyze ../shared/data/polnear/dev/text --format jsonl > dev.jsonl

      unspin attribution score --gold ../shared/data/polnear/dev --pred dev.jsonl
    """
    from .polnear.report import print_scores, score_files

    print_scores(score_files(gold, pred))


@train_app.command("multitask")
def train_multitask(
    ptc: Path = typer.Option(Path("../shared/data/ptc/train"), "--ptc", help="PTC folder with articles/ and labels.tsv."),
    polnear: Path = typer.Option(Path("../shared/data/polnear"), "--polnear", help="PolNeAR folder with train/ and dev/."),
    run: Path = typer.Option(Path("runs/techniques"), "--run", help="The technique run to start from."),
    output: Path = typer.Option(Path("runs/multitask"), "--output"),
    epochs: int = typer.Option(2, "--epochs"),
    pseudo: Path | None = typer.Option(None, "--pseudo", help="Self-training: a PTC-layout folder (articles/, "
                                       "labels.tsv) of unlabelled articles labelled by `unspin ptc predict`."),
    token_techniques: bool = typer.Option(False, "--token-techniques",
                                          help="Also train a per-token technique head (training only)."),
) -> None:
    """Second stage: train the encoder on techniques and attribution together, so one encoder
    pass serves both (checkpoints and dev scores per epoch in --output).

    Example: unspin train multitask --run runs/techniques --output runs/multitask
    """
    try:
        from .training.multitask import MultitaskConfig, train
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    train(MultitaskConfig(ptc=str(ptc), polnear=str(polnear), run=str(run), output=str(output), epochs=epochs,
                          pseudo=str(pseudo) if pseudo else None, token_techniques=token_techniques))


@train_app.command("joint")
def train_joint(
    ptc: Path = typer.Option(Path("../shared/data/ptc"), "--ptc", help="PTC folder with train/, dev/ and unlabeled/."),
    polnear: Path = typer.Option(Path("../shared/data/polnear"), "--polnear", help="PolNeAR folder with train/ and dev/."),
    checkthat: Path = typer.Option(Path("../shared/data/checkthat2024"), "--checkthat",
                                   help="CheckThat! 2024 folder with train.tsv, dev.tsv, dev-test.tsv."),
    teacher: Optional[Path] = typer.Option(Path("../shared/data/teacher"), "--teacher",
                                           help="Teacher soft labels to distil (see its README); --no-teacher for none."),
    no_teacher: bool = typer.Option(False, "--no-teacher", help="Train on gold labels only."),
    output: Path = typer.Option(Path("runs/joint"), "--output", help="Folder for checkpoints, heads and history."),
    epochs: int = typer.Option(3, "--epochs"),
    seed: int = typer.Option(13, "--seed"),
    init: str = typer.Option("base", "--init", help="base: all-MiniLM-L6-v2 with new heads; shipped: continue from the shipped models."),
    distill: str = typer.Option("all", "--distill", help="all, labelled or none (see training/joint.py); "
                                "a comma-separated list runs one after another from one data build (an ablation), "
                                "each optionally with config overrides: all:class_weight_power=0.5"),
    device: str = typer.Option("cpu", "--device", help="cpu, or cuda where a GPU is lent."),
    encoder_lr: float = typer.Option(6e-5, "--encoder-lr"),
    polnear_per_epoch: int = typer.Option(300, "--polnear-per-epoch", help="PolNeAR training articles per epoch (840 is all)."),
    class_weight_power: float = typer.Option(0.0, "--class-weight-power",
                                             help="Weigh the span classifier's loss by (technique frequency) ** -POWER; 0: unweighted."),
    ship: Optional[int] = typer.Option(None, "--ship", metavar="EPOCH",
                                       help="Instead of training, export and ship this epoch of --output."),
) -> None:
    """Train the shared encoder for every head at once (techniques, attribution, claims), with
    distillation from the teachers; checkpoints and dev scores per epoch in --output.

    Example: unspin train joint --init shipped --device cuda --encoder-lr 4e-5 --polnear-per-epoch 840 --output runs/joint && unspin train joint --output runs/joint/all --ship 3
    """
    try:
        from dataclasses import replace

        from .training.joint import JointConfig, train
        from .training.joint import ship as ship_epoch
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    if ship is not None:
        typer.echo(json.dumps(ship_epoch(output, ship, ptc / "train"), indent=2))
        return
    from .training.joint import ablation

    config = JointConfig(ptc=str(ptc), polnear=str(polnear), checkthat=str(checkthat),
                         teacher=None if no_teacher or teacher is None else str(teacher), output=str(output),
                         epochs=epochs, seed=seed, init=init, device=device, encoder_lr=encoder_lr,
                         polnear_per_epoch=polnear_per_epoch, class_weight_power=class_weight_power,
                         threads=2 if device == "cpu" else 8)
    if "," in distill or ":" in distill:
        ablation(config, distill.split(","))
    else:
        train(replace(config, distill=distill))


@train_app.command("claims")
def train_claims(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="Folder with checkthat2024/, teacher/, polnear/, ptc/."),
    no_teacher: bool = typer.Option(False, "--no-teacher", help="Train on CheckThat's gold labels only."),
    epochs: int = typer.Option(30, "--epochs"),
    output: Path = typer.Option(Path(str(resources.files("unspin").joinpath("models/claims"))), "--output",
                                help="Where the head goes (default: into the package)."),
) -> None:
    """Train the check-worthiness head on the shipped encoder's frozen states (CheckThat! 2024
    train, plus the teacher's P(Yes)), choose its threshold on dev, then calibrate the threshold
    used inside news articles against the teacher. Minutes on a CPU.

    Example: unspin train claims --data ../shared/data
    """
    try:
        from .training.claims import refit_head
        from .training.claims_news import news_threshold
        from .training.records import record_in_config
    except ImportError:
        fail("training needs torch: pip install 'unspin[train]'")
    result = refit_head(data / "checkthat2024", None if no_teacher else data / "teacher", output, epochs)
    typer.echo(json.dumps(result), err=True)
    articles = news_threshold(data, output)
    record_in_config(output, "articles", articles)
    typer.echo(json.dumps(articles), err=True)


@train_app.command("attribution")
def train_attribution(
    data: Path = typer.Option(Path("../shared/data/polnear"), "--data", help="PolNeAR folder with train/ and dev/."),
    epochs: int = typer.Option(12, "--epochs"),
) -> None:
    """Retrain only the attribution tagger on the shipped encoder's states, leaving the encoder
    as it is: minutes on a CPU, e.g. for your own PolNeAR-format annotations.

    Example: unspin train attribution --data ../shared/data/polnear
    """
    try:
        from .training.attribution import AttributionConfig, train
    except ImportError:
        fail("training needs torch: pip install 'unspin[train]'")
    train(AttributionConfig(data=str(data), epochs=epochs))


@train_app.command("techniques")
def train_techniques(
    data: Path = typer.Option(Path("../shared/data/ptc/train"), "--data", help="PTC folder with articles/ and labels.tsv."),
    output: Path = typer.Option(Path("runs/techniques"), "--output", help="Folder for checkpoints and logs."),
    epochs: int = typer.Option(5, "--epochs"),
    seed: int = typer.Option(13, "--seed"),
) -> None:
    """Fine-tune the technique model (seeded; the config is saved next to the model).

    Example: unspin train techniques --data ../shared/data/ptc/train --output runs/techniques
    """
    try:
        from .training.techniques import TrainConfig, train
    except ImportError:
        fail("training needs torch and transformers: pip install 'unspin[train]'")
    train(TrainConfig(data=str(data), output=str(output), epochs=epochs, seed=seed))


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
    uvicorn.run("unspin.server.app:create_app", factory=True, host=host, port=port, workers=workers,
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
