"""Scores for a prediction file, and their table in the terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from ..analyzers.techniques.labels import TECHNIQUE_LABELS
from .formats import Annotation
from .scoring import (
    Scores,
    full_task,
    looks_like_tc_prediction,
    span_identification,
    technique_classification,
)


def score(gold: list[Annotation], pred: list[Annotation]) -> Scores:
    """SI and full task always; TC too when the prediction labels exactly the gold spans
    (then the per-technique table is TC's)."""
    support = Counter(r.technique for r in gold)
    full, per = full_task(gold, pred)
    scores = Scores(si=span_identification(gold, pred), full=full, per_technique=per, per_technique_support=dict(support))
    if looks_like_tc_prediction(gold, pred):
        scores.tc, scores.per_technique = technique_classification(gold, pred)
    return scores


def print_scores(scores: Scores, console: Console | None = None) -> None:
    console = console or Console()
    summary = Table(title="SemEval-2020 Task 11 scores")
    for column in ("task", "precision", "recall", "F1"):
        summary.add_column(column, justify="right" if column != "task" else "left", no_wrap=True)
    for name, value in (("SI (spans)", scores.si), ("full task (spans + techniques)", scores.full),
                        ("TC micro (given spans)", scores.tc)):
        if value is not None:
            summary.add_row(name, f"{value.precision:.4f}", f"{value.recall:.4f}", f"{value.f1:.4f}")
    console.print(summary)
    per = Table(title="Per technique (" + ("TC" if scores.tc else "full task") + ")")
    for column in ("technique", "gold spans", "precision", "recall", "F1"):
        per.add_column(column, justify="left" if column == "technique" else "right", no_wrap=True)
    for technique in TECHNIQUE_LABELS:
        value = scores.per_technique.get(technique)
        if value is None:
            continue
        per.add_row(technique, str(scores.per_technique_support.get(technique, 0)),
                    f"{value.precision:.4f}", f"{value.recall:.4f}", f"{value.f1:.4f}")
    console.print(per)
