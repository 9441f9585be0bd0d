"""Score `unspin analyze` JSONL output against a PolNeAR split, and print the table."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..errors import InputError
from .formats import GoldAttribution, read_corpus
from .scoring import score


def read_predictions(path: Path) -> dict[str, list[GoldAttribution]]:
    """Attributions by document id from `unspin analyze --format jsonl` output."""
    predictions = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            predictions[record["id"]] = [
                GoldAttribution(
                    [(a["source"]["start"], a["source"]["end"])] if a.get("source") else [],
                    [(a["cue"]["start"], a["cue"]["end"])] if a.get("cue") else [],
                    [(c["start"], c["end"]) for c in a.get("content", [])],
                )
                for a in record.get("attributions", [])
            ]
    return predictions


def score_files(gold_dir: Path, pred_path: Path) -> dict:
    if not (Path(gold_dir) / "attributions").is_dir():
        raise InputError(f"{gold_dir}: expected a PolNeAR split with text/ and attributions/ (e.g. polnear/dev)")
    corpus = read_corpus(gold_dir)
    predictions = read_predictions(pred_path)
    missing = sorted(set(corpus) - set(predictions))
    if len(missing) == len(corpus):
        raise InputError(f"{pred_path}: none of its ids match the texts in {gold_dir}; analyse {gold_dir}/text")
    gold = {name: attributions for name, (_, attributions) in corpus.items()}
    return {"documents": len(corpus), "missing_predictions": len(missing), **score(gold, predictions)}


def print_scores(results: dict, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"Attribution scores on {results['documents']} documents")
    for column in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "measure" else "right", no_wrap=True)
    for key, value in results.items():
        if hasattr(value, "f1"):
            table.add_row(key.replace("_", " "), f"{value.precision:.4f}", f"{value.recall:.4f}", f"{value.f1:.4f}",
                          str(value.predicted), str(value.gold))
    console.print(table)
    if results["missing_predictions"]:
        console.print(f"[yellow]{results['missing_predictions']} documents had no prediction and count as empty[/]")
