"""`unspin ptc`, `unspin claims` and `unspin attribution`: predict and score on the shared tasks'
own file formats (SemEval-2020 Task 11, CLEF CheckThat! 2024 Task 1, PolNeAR), to measure unspin
against published results. The formats and scorers live in `ptc/`, `checkthat/` and `polnear/`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..shell import PLAIN, fail

ptc_app = typer.Typer(help="SemEval-2020 Task 11 (PTC) compatible prediction and scoring.\n\n"
                           "Example: unspin ptc predict articles/ -o pred.tsv", **PLAIN)
claims_app = typer.Typer(help="Check-worthy claims on CLEF CheckThat! 2024 Task 1 files: predict and score.\n\n"
                              "Example: unspin claims predict dev-test.tsv -o pred.tsv", **PLAIN)
attribution_app = typer.Typer(help="Evaluate attribution (quotes and sources) on PolNeAR.\n\n"
                                   "Example: unspin attribution score --gold polnear/dev --pred dev.jsonl", **PLAIN)


@ptc_app.command("predict")
def ptc_predict(
    articles: Path = typer.Argument(..., help="Folder of article<ID>.txt files."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the predictions TSV."),
    ids: Optional[str] = typer.Option(None, "--ids", help="Only these article ids (comma-separated, or a file with one per line)."),
) -> None:
    """Full task: find technique spans and name them, in SemEval-2020 Task 11 format.

    Example: unspin ptc predict ../shared/data/ptc/unlabeled -o pred.tsv
    """
    from ..ptc.predict import predict_folder

    rows = predict_folder(articles, _id_set(ids))
    from ..ptc.formats import write_labels

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
    from ..ptc.formats import write_labels
    from ..ptc.predict import classify_template

    rows = classify_template(articles, _labels(spans))
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
    from ..ptc.report import print_scores, score

    gold_rows, pred_rows = _labels(gold), _labels(pred)
    ids = _id_set(articles)
    if ids is None:
        ids = {r.article_id for r in pred_rows}
        typer.echo(f"scoring the {len(ids)} articles that have predictions; pass --articles to fix the set", err=True)
    gold_rows = [r for r in gold_rows if r.article_id in ids]
    pred_rows = [r for r in pred_rows if r.article_id in ids]
    print_scores(score(gold_rows, pred_rows))


def _existing(path: Path) -> Path:
    if not path.is_file():
        fail(f"{path}: no such file; check the path")
    return path


def _labels(path: Path) -> list:
    """A PTC labels TSV, or a clear error: no such file, or the line that is not one."""
    from ..ptc.formats import read_labels

    try:
        return read_labels(_existing(path))
    except ValueError as error:  # a UnicodeDecodeError too
        fail(str(error) if str(error).startswith(str(path)) else f"{path}: not a PTC labels file ({error})")


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
    from ..checkthat.formats import FormatError, read_sentences, write_predictions
    from ..checkthat.predict import predict

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
    from ..checkthat.formats import FormatError, read_predictions, read_sentences
    from ..checkthat.predict import score

    try:
        result = score(read_sentences(_existing(gold)), read_predictions(_existing(pred)))
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
    from ..polnear.report import print_scores, score_files

    print_scores(score_files(gold, _existing(pred)))
