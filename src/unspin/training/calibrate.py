"""Calibrate technique scores into P(right), and say what a report shows by default.

On the held-out PTC validation articles, through the same pipeline `unspin ptc predict` runs, a
predicted span is right when it overlaps a gold span of the same technique. A logistic map from
the logit of the decoder's raw score to P(right), with an intercept of its own for each
technique that has at least `MIN_SPANS` predicted spans (Platt scaling,
`analyzers/techniques/calibration.py`), is fitted on all of them and written into the technique
model's config as `report.calibration`; the analyzer then reports that probability as each
span's score, and reports show spans from 0.5. How often the shown spans are right, and how many
an article shows, is measured with two-fold cross-fitting by article (each half scored by the
map fitted on the other), so those figures do not flatter the map with its own data; with 40
articles one halving moves them by several points, so they are the mean over `SPLITS` random
halvings, with the range they spanned.

    python -m unspin.training.calibrate --data ../shared/data/ptc/train
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..analyzers.techniques.analyzer import MODEL_DIR, TechniqueAnalyzer
from ..analyzers.techniques.calibration import SHOWN_FROM, ScoreCalibration, logit
from ..document import Document
from ..errors import Failure
from ..pipeline import Pipeline
from ..ptc.formats import read_labels
from ..ptc.predict import WholeArticle, _articles, _model
from .records import record_calibration

MIN_SPANS = 25  # predicted spans of a technique for it to get an intercept of its own
WANTED_PRECISION = 2 / 3
SPLITS = 30  # random halvings of the validation articles that the shown figures are averaged over


def raw_spans(data: Path) -> tuple[list[tuple[str, str, float, bool]], list[str]]:
    """(article, technique, raw score, right) for every span predicted on the validation
    articles, and those articles' ids."""
    from ..analyzers.encoder import Encoder
    from ..analyzers.sentences import Sentencizer

    ids = set((MODEL_DIR / "validation_ids.txt").read_text().split())
    gold = defaultdict(list)
    for row in read_labels(data / "labels.tsv"):
        if row.article_id in ids:
            gold[row.article_id].append(row)
    model = _model()
    pipeline = Pipeline([WholeArticle(), Sentencizer(), Encoder(model.encoder), TechniqueAnalyzer(model, calibrated=False)])
    out = []
    docs = (Document(text=text, id=aid) for aid, text in _articles(data / "articles", ids).items())
    for result in pipeline.pipe(docs):
        if isinstance(result, Failure):
            raise RuntimeError(result.message)
        for t in result.techniques:
            right = any(g.technique == t.technique and g.start < t.end and t.start < g.end for g in gold[result.id])
            out.append((result.id, t.technique, t.score, right))
    return out, sorted(ids)


def fit(spans: list[tuple[str, str, float, bool]]) -> ScoreCalibration:
    from sklearn.linear_model import LogisticRegression

    counts = defaultdict(int)
    for _, technique, _, _ in spans:
        counts[technique] += 1
    own = sorted(t for t, n in counts.items() if n >= MIN_SPANS)
    x = np.array([[logit(score)] + [float(technique == t) for t in own] for _, technique, score, _ in spans])
    y = np.array([right for *_, right in spans])
    regression = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    slope, intercept = float(regression.coef_[0][0]), float(regression.intercept_[0])
    return ScoreCalibration(slope, intercept, {t: intercept + float(c) for t, c in zip(own, regression.coef_[0][1:])})


def cross_fitted(spans: list[tuple[str, str, float, bool]], articles: list[str], seed: int) -> tuple[int, int]:
    """(spans shown by default, of them right) when each half of the articles, split at random
    by `seed`, is scored by the map fitted on the other half."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    shown = right = 0
    for half in (set(order[::2]), set(order[1::2])):
        calibration = fit([s for s in spans if s[0] not in half])
        for _, technique, score, is_right in (s for s in spans if s[0] in half):
            if calibration(score, technique) >= SHOWN_FROM:
                shown += 1
                right += is_right
    return shown, right


def calibrate(data: Path) -> dict:
    spans, articles = raw_spans(data)
    halvings = [cross_fitted(spans, articles, seed) for seed in range(SPLITS)]
    precisions = [right / shown for shown, right in halvings if shown]
    precision = float(np.mean(precisions)) if precisions else 0.0
    shown = float(np.mean([shown for shown, _ in halvings]))
    final = fit(spans)
    return {"threshold": SHOWN_FROM, "meets_wanted": precision >= WANTED_PRECISION, "precision_shown": round(precision, 3),
            "precision_range": [round(min(precisions), 3), round(max(precisions), 3)] if precisions else None,
            "shown": round(shown), "per_article": round(shown / len(articles), 2) if articles else 0.0,
            "predicted": len(spans), "precision_all": round(sum(r for *_, r in spans) / len(spans), 3) if spans else 0.0,
            "wanted_precision": round(WANTED_PRECISION, 3),
            "calibration": {"slope": round(final.slope, 4), "intercept": round(final.intercept, 4),
                            "by_technique": {t: round(v, 4) for t, v in final.by_technique.items()}},
            "measured_on": f"{len(articles)} PTC validation articles (validation_ids.txt), two-fold cross-fitted, "
                           f"mean of {SPLITS} random halvings"}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/train"))
    args = parser.parse_args()
    report = calibrate(args.data)
    record_calibration(MODEL_DIR, "report", report)
    print(json.dumps(report, indent=2))
