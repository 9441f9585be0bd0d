"""Check-worthiness of CheckThat! sentences with the shipped claims head, and its scores.

Each sentence is encoded on its own (as CheckThat gives them), its token states averaged and
scored by the same head the claims analyzer runs inside articles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..analyzers.claims import ClaimsModel, pooled_texts
from ..analyzers.encoder import EncoderModel
from ..errors import InputError
from .formats import Sentence


def _models() -> tuple[EncoderModel, ClaimsModel]:
    if not (EncoderModel.available() and ClaimsModel.available()):
        raise InputError("no claims model is installed; reinstall unspin or train one with `unspin train joint`")
    return EncoderModel.shared(), ClaimsModel.shared()


def sentence_scores(sentences: list[Sentence]) -> np.ndarray:
    """P(check-worthy) for each sentence, in order."""
    encoder, claims = _models()
    return claims.scores(pooled_texts(encoder, [s.text for s in sentences], claims.w1.shape[1]))


def predict(sentences: list[Sentence], threshold: float | None = None) -> list[tuple[str, str]]:
    """(Sentence_id, Yes|No) for every sentence, in input order."""
    limit = ClaimsModel.shared().checkthat_threshold if threshold is None else threshold
    return [(s.id, "Yes" if p >= limit else "No") for s, p in zip(sentences, sentence_scores(sentences))]


@dataclass(frozen=True)
class YesScores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int


def score(gold: list[Sentence], predicted: dict[str, str]) -> YesScores:
    """Precision, recall and F1 of the Yes class; every gold sentence must have a prediction."""
    missing = [s.id for s in gold if s.id not in predicted]
    if missing:
        raise InputError(f"{len(missing)} gold sentences have no prediction (first: {missing[0]}); predict every row")
    if any(s.label is None for s in gold):
        raise InputError("the gold file has no class_label column")
    tp = sum(1 for s in gold if s.label == "Yes" and predicted[s.id] == "Yes")
    n_pred = sum(1 for s in gold if predicted[s.id] == "Yes")
    n_gold = sum(1 for s in gold if s.label == "Yes")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return YesScores(precision, recall, f1, tp, n_pred, n_gold)
