"""Choose the score above which the HTML report shows a technique span by default.

A shown span should be right at least twice as often as it is wrong. On the held-out PTC
validation articles, through the same pipeline `unspin ptc predict` runs, a predicted span is
right when it overlaps a gold span of the same technique. The lowest score at which the spans
scoring at least that much reach the wanted precision (over at least `min_spans` spans) is
written into the technique model's config as `report`. When no score reaches it, the score
with the best precision is written, marked `meets_wanted: false`, and the report's legend says
how often the shown spans were right.

    python -m unspin.training.calibrate --data ../shared/data/ptc/train
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..analyzers.loading import record_calibration
from ..analyzers.techniques.analyzer import MODEL_DIR
from ..document import Document
from ..errors import Failure
from ..ptc.formats import read_labels
from ..ptc.predict import _articles, ptc_pipeline


def calibrate(data: Path, precision: float = 2 / 3, min_spans: int = 30) -> dict:
    ids = set((MODEL_DIR / "validation_ids.txt").read_text().split())
    gold = defaultdict(list)
    for row in read_labels(data / "labels.tsv"):
        if row.article_id in ids:
            gold[row.article_id].append(row)
    scored: list[tuple[float, bool]] = []
    docs = (Document(text=text, id=aid) for aid, text in _articles(data / "articles", ids).items())
    for result in ptc_pipeline().pipe(docs):
        if isinstance(result, Failure):
            raise RuntimeError(result.message)
        for t in result.techniques:
            right = any(g.technique == t.technique and g.start < t.end and t.start < g.end for g in gold[result.id])
            scored.append((t.score, right))
    scored.sort(key=lambda item: -item[0])
    threshold, shown_precision, shown = None, 0.0, 0
    best = (0.0, None, 0)
    right = 0
    for k, (score, ok) in enumerate(scored, 1):
        right += ok
        if k >= min_spans and right / k >= precision:
            threshold, shown_precision, shown = score, right / k, k
        if k >= min_spans and right / k > best[0]:
            best = (right / k, score, k)
    meets = threshold is not None
    if not meets:
        shown_precision, threshold, shown = best
    overall = sum(ok for _, ok in scored) / len(scored) if scored else 0.0
    return {"threshold": threshold, "meets_wanted": meets, "precision_shown": round(shown_precision, 3), "shown": shown,
            "predicted": len(scored), "precision_all": round(overall, 3), "wanted_precision": round(precision, 3),
            "measured_on": f"{len(ids)} PTC validation articles (validation_ids.txt)"}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc/train"))
    args = parser.parse_args()
    report = calibrate(args.data)
    record_calibration(MODEL_DIR, "report", report)
    print(json.dumps(report, indent=2))
